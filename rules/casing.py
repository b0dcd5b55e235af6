"""Casing: a sentence that starts with a lower-case letter after a full stop.

The full-stop analysis is shared with the punctuation family: a short lower-case
fragment that finishes the cut sentence is GL205's (stray full stop); a whole new
clause that lost its capital is this family's. Each spot gets one finding.
"""
from __future__ import annotations

from linter import hookimpl
from linter.rule import Rule

from .punctuation import _classify, _lowercase_after_stop


class LowercaseSentenceStart(Rule):
    code = "GL151"
    name = "lowercase-sentence-start"
    family = "casing"
    severity = "error"
    summary = "A sentence that starts lower-case after a full stop."
    explanation = (
        "A whole clause that follows a full stop but starts with a lower-case letter "
        "(\"...oppose hegemony”. for now, China has not...\") is a sentence whose capital "
        "was lost when segments were joined or re-cased by a translation engine. "
        "Abbreviations (U.S., e.g., p.m., Jr.), initials, ellipses, lists, headings, name "
        "particles (de Gaulle, von Neumann) and lower-case brand names (iPhone, eBay) are "
        "not sentence ends or starts, and a lower-case run of one or two words is too "
        "short to judge. Division of work with punctuation: a short lower-case fragment "
        "that merely finishes the previous clause (\"he said. in front of the press.\") is "
        "reported by GL205 (stray-full-stop) instead, so each spot gets one finding."
    )
    bad = "They oppose hegemony. for now, China has not condemned the invasion."
    good = "They oppose hegemony. For now, China has not condemned the invasion."
    default_options = {"max_fragment_words": 7}

    def check(self, doc):
        prose = doc.prose
        max_words = self.options["max_fragment_words"]
        for stop, word_start, fragment_end in _lowercase_after_stop(doc):
            if _classify(prose, word_start, fragment_end, max_words) != "clause":
                continue
            word_end = word_start
            while word_end < len(prose) and (prose[word_end].isalpha() or prose[word_end] in "'’-"):
                word_end += 1
            comma = prose.find(",", word_start, word_start + 30)
            end = comma if comma > 0 else word_end
            word = prose[word_start:word_end]
            yield self.finding(word_start, end, f"sentence starts with lower-case '{word}'",
                               [prose[word_start].upper() + prose[word_start + 1:end]])


@hookimpl
def garblint_rules():
    return [LowercaseSentenceStart]
