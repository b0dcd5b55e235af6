"""Casing: a sentence that starts with a lower-case letter after a full stop."""
from __future__ import annotations

from linter import hookimpl
from linter.rule import Rule

from .punctuation import _is_fragment, _lowercase_after_stop


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
        "Abbreviations (U.S., e.g., p.m.), initials, lists, and lower-case brand names "
        "(iPhone, eBay) are not sentence ends or starts. A short lower-case fragment that "
        "merely finishes the previous sentence is reported by GL205 (stray full stop) "
        "instead, so each spot gets one finding."
    )
    bad = "They oppose hegemony. for now, China has not condemned the invasion."
    good = "They oppose hegemony. For now, China has not condemned the invasion."
    default_options = {"max_fragment_words": 7}

    def check(self, doc):
        prose = doc.prose
        for stop, word_start, fragment_end in _lowercase_after_stop(doc):
            fragment = prose[word_start:fragment_end]
            if _is_fragment(fragment, self.options["max_fragment_words"]):
                continue
            word_end = word_start
            while word_end < len(prose) and (prose[word_end].isalpha() or prose[word_end] in "'’-"):
                word_end += 1
            words_end = prose.find(",", word_start, word_start + 30)
            end = words_end if words_end > 0 else word_end
            word = prose[word_start:word_end]
            yield self.finding(word_start, end, f"sentence starts with lower-case '{word}'",
                               [prose[word_start:end][0].upper() + prose[word_start + 1:end]])


@hookimpl
def garblint_rules():
    return [LowercaseSentenceStart]
