"""Casing: a sentence that starts with a lower-case letter after a full stop, question or exclamation mark.

The full-stop analysis (linter/language/sentence_end.py) is shared with the punctuation family: a short lower-case
fragment that finishes the cut sentence is GL205's (stray full stop); a whole new
clause that lost its capital is this family's. Each spot gets one finding.
"""
from __future__ import annotations

import re

from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule
from garblint.linter.language.sentence_end import TERMINAL_RE, classify, lowercase_after_stop, lowercase_starts


# A question or exclamation mark set against a lower-case word, then a lower-case clause:
# "Why did it fail? because nobody wanted it". Marks inside quotations ("?” she asked")
# are followed by the closing quote, not a space, and are left out, as are titles that
# end in a mark after a capitalised word ("Who is Sylvia? by Edward Albee", "Wham!").
_AFTER_QUESTION_RE = re.compile(r"[?!][ \t]+([a-z][a-z'’-]*)")
_LOWER_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*$")
_QUESTION_RUN_WORDS = {"and", "or", "nor", "yes", "no", "yeah", "nope", "ok", "okay", "well", "oh", "ah"}


class LowercaseSentenceStart(Rule):
    code = "GL151"
    name = "lowercase-sentence-start"
    family = "casing"
    severity = "error"
    summary = "A sentence that starts lower-case after a full stop, question or exclamation mark."
    explanation = (
        "A whole clause that follows a full stop but starts with a lower-case letter "
        "(\"...oppose hegemony”. for now, China has not...\") is a sentence whose capital "
        "was lost when segments were joined or re-cased by a translation engine. "
        "Abbreviations (U.S., e.g., p.m., Jr.), initials, ellipses, lists, headings, name "
        "particles (de Gaulle, von Neumann) and lower-case brand names (iPhone, eBay) are "
        "not sentence ends or starts, and a lower-case run of one or two words is too "
        "short to judge. Division of work with punctuation: a short lower-case fragment "
        "that merely finishes the previous clause (\"he said. in front of the press.\") is "
        "reported by GL205 (stray-full-stop) instead, so each spot gets one finding. A clause "
        "after a question or exclamation mark (\"Why did it fail? because nobody wanted it\") "
        "is reported too, unless the mark ends a quotation (\"?” she asked\")."
    )
    bad = "They oppose hegemony. for now, China has not condemned the invasion."
    good = "They oppose hegemony. For now, China has not condemned the invasion."
    default_options = {"max_fragment_words": 7}

    def check(self, doc):
        prose = doc.prose
        max_words = self.options["max_fragment_words"]
        for stop, word_start, fragment_end in lowercase_after_stop(doc):
            if classify(prose, word_start, fragment_end, max_words) != "clause":
                continue
            word_end = word_start
            while word_end < len(prose) and (prose[word_end].isalpha() or prose[word_end] in "'’-"):
                word_end += 1
            comma = prose.find(",", word_start, word_start + 30)
            end = comma if comma > 0 else word_end
            word = prose[word_start:word_end]
            yield self.finding(word_start, end, f"sentence starts with lower-case '{word}'",
                               [prose[word_start].upper() + prose[word_start + 1:end]])
        if "?" in prose or "!" in prose:
            yield from self._after_question(doc, max_words)

    def _after_question(self, doc, max_words):
        prose = doc.prose
        starts = lowercase_starts()
        for match in _AFTER_QUESTION_RE.finditer(prose):
            word = match.group(1)
            if not _LOWER_WORD_BEFORE_RE.search(prose, max(0, match.start() - 40), match.start()):
                continue  # the mark ends a title or a name: "Who is Sylvia?", "Wham!"
            if word in starts or word in _QUESTION_RUN_WORDS:
                continue  # "how do you say basketball? and what is ...", "Did he win? yes, said the coach"
            block = doc.paragraph_of(match.start())
            if block is None or block.kind in ("list-item", "table-cell", "heading"):
                continue
            terminal = TERMINAL_RE.search(prose, match.start(1), block.end)
            end = terminal.end() if terminal else block.end
            if classify(prose, match.start(1), end, max_words) != "clause":
                continue
            word_end = match.end(1)
            yield self.finding(match.start(1), word_end, f"sentence starts with lower-case '{word}'",
                               [word[0].upper() + word[1:]])


@hookimpl
def garblint_rules():
    return [LowercaseSentenceStart]
