"""Fused words: two words that lost the space between them.

Measured on synthetic fusions of Brown-corpus word pairs and on the Brown
corpus itself (benchmarks/fp_rate.py): wordfreq's bundled frequencies with
both parts at Zipf >= 3.5 split correctly and flag nothing in clean text;
wordsegment and symspellpy were not needed, and loading them costs more.
"""
from __future__ import annotations

import re

from linter import hookimpl
from linter.lexicon import common_zipf, longest_common_word, zipf
from linter.rule import Rule

from ._data import load_data

# Letters beyond ASCII count ("businessmanJosé"): a lower-case run, then a capital and lower-case letters.
_CAMEL_RE = re.compile(r"^([^\W\d_A-Z]{2,})([^\W\d_a-z][^\W\d_A-Z]{2,})$")
_CONTEXT_CHARS = set("#@/._\\=:")
# Common web typos that wordfreq lists as words: a preposition or conjunction
# fused with a determiner ("ofthe", "inthe", "andthe").
_TYPO_HEADS = {"of", "in", "to", "on", "at", "for", "and", "from", "by", "with", "into", "is", "was"}
_IDENTIFIER_PREFIXES = {"get", "set", "is", "has", "on", "to", "add", "remove", "create", "update", "delete",
                        "make", "find", "handle", "use", "fetch", "load", "save", "init", "my", "new"}
# Words that open closed compounds and endings that close them: two content words
# glued that way are more often a rare compound than a lost space.
_COMPOUND_HEADS = {"counter", "super", "under", "over", "inter", "multi", "anti", "self", "cross", "after", "outer",
                   "inner", "middle", "master", "father", "mother", "brother", "sister", "house", "water", "fire",
                   "world", "hyper", "ultra", "mega", "micro", "macro", "power", "stock", "trade", "ground"}
_COMPOUND_TAILS = ("ing", "ed", "en", "er", "ers", "ability", "ibility", "ship", "ships", "ness", "hood", "like", "wide", "less", "ful", "fully",
                   "man", "men", "work", "works", "house", "room", "side", "wise")
# Words that open most English sentences: after a glued full stop they show a lost
# space even in a document full of dotted identifiers.
_SENTENCE_OPENERS = {"the", "a", "an", "this", "these", "that", "those", "it", "its", "he", "she", "they", "we",
                     "i", "you", "in", "on", "at", "for", "but", "and", "so", "if", "when", "there", "his", "her",
                     "their", "our", "after", "before", "as", "however", "also", "some", "many", "most"}
_TYPO_TAILS = {"the", "this", "that", "these", "those", "his", "their", "its", "our"}


def _repeated(doc, text: str) -> bool:
    """A fusion written the same way twice in one document is a name or an identifier
    ("maxPages", "types.Type"), not a space lost by accident."""
    first = doc.prose.find(text)
    return first >= 0 and doc.prose.find(text, first + len(text)) >= 0


def _in_code_like_context(prose: str, start: int, end: int) -> bool:
    """Tokens glued to '#', '@', '/', '.', '_' are hashtags, handles, URLs or identifiers."""
    before = prose[start - 1] if start > 0 else " "
    after = prose[end] if end < len(prose) else " "
    return before in _CONTEXT_CHARS or (after in _CONTEXT_CHARS and prose[end + 1:end + 2].isalnum())


class FusedCamelCase(Rule):
    code = "GL301"
    name = "fused-capitalised-word"
    family = "fused-words"
    severity = "error"
    summary = "A lower-case word fused with a following capitalised word (\"countryEuropean\")."
    explanation = (
        "When a caption, link or line break loses its space, a word runs into the next "
        "capitalised one: \"The countryEuropean leaders\". A token that starts lower-case, "
        "has a capital inside, is unknown as a whole and splits into two common words is "
        "reported with the split as the suggestion. Brand names spelled that way (iPhone, "
        "eBay) are skipped, and more can be listed under `known_mixed_case` in fused_words.yaml."
    )
    bad = "According to sources cited by the countryEuropean leaders will meet."
    good = "According to sources cited by the country, European leaders will meet."
    default_options = {"min_part_zipf": 3.0, "known": []}

    def check(self, doc):
        known = set(load_data("fused_words")["known_mixed_case"]) | {k.lower() for k in self.options["known"]}
        threshold = self.options["min_part_zipf"]
        for token in doc.words:
            match = _CAMEL_RE.match(token.text)
            if not match or token.lower in known or zipf(token.text) >= 1.0:
                continue
            if doc.shows_code or _in_code_like_context(doc.prose, token.start, token.end) or _repeated(doc, token.text):
                continue
            first, second = match.groups()
            if first in _IDENTIFIER_PREFIXES:
                continue  # getValue, onClick: a code identifier, not prose
            # A name glued to a common word ("carpetTilda") has a rare second part: let the
            # first part's frequency carry it when it is an ordinary word of four letters or more.
            name_after_word = len(first) >= 4 and zipf(first) >= 4.0 and len(second) >= 4
            if zipf(first) >= threshold and (zipf(second) >= threshold or name_after_word):
                yield self.finding(token.start, token.end, f"'{token.text}' looks like two words run together",
                                   [f"{first} {second}"])


class FusedLowercase(Rule):
    code = "GL302"
    name = "fused-words"
    family = "fused-words"
    severity = "error"
    summary = "An unknown lower-case word that splits into two common words (\"orderaccording\")."
    explanation = (
        "An all-lower-case token that is not an English word but splits into two "
        "frequent ones (\"world orderaccording to\", \"the governmentsaid\") lost its space. "
        "The split must fall at a phrase boundary (one part a function word or a reporting "
        "verb such as \"according\" or \"said\"), both parts must be common (Zipf 3.5 or "
        "more in wordfreq's data), and a token that is itself a known word is never split, "
        "so \"therapist\" stays whole and closed compounds (\"rightfield\") are left alone. "
        "A long token of two common content words of six letters or more is split too "
        "(\"domesticdemand\"), unless it reads as a closed compound (\"phrasemaking\", "
        "\"counterchallenge\"). Common web typos of two function words (\"ofthe\") are reported too. Hashtags, "
        "handles, URLs and identifiers are skipped."
    )
    bad = "They want to build a new world orderaccording to the minister."
    good = "They want to build a new world order according to the minister."
    default_options = {"min_part_zipf": 3.5, "min_length": 7}

    def check(self, doc):
        data = load_data("fused_words")
        never = set(data["never_parts"])
        boundary = set(data["boundary_words"])
        compounds = set(data["function_word_compounds"])
        threshold = self.options["min_part_zipf"]
        for token in doc.words:
            text = token.text
            if len(text) < 5 or not text.isalpha() or not text.islower() or text in compounds:
                continue
            if common_zipf(text) >= 3.5 or _in_code_like_context(doc.prose, token.start, token.end):
                continue  # a common word
            best = None
            long_token = len(text) >= 10
            # Both parts must be common, so neither can be longer than the longest common
            # word: only cuts near the middle of a short token are tried (trying every cut
            # of a long token would take quadratic time).
            longest = longest_common_word()
            for cut in range(max(2, len(text) - longest), min(len(text) - 1, longest + 1)):
                first, second = text[:cut], text[cut:]
                if first in never or second in never:
                    continue
                at_boundary = first in boundary or second in boundary
                if not at_boundary and not (long_token and min(len(first), len(second)) >= 6
                                            and first not in _COMPOUND_HEADS and not second.endswith(_COMPOUND_TAILS)):
                    continue  # "phrasemaking", "counterchallenge": closed compounds, not lost spaces
                low = min(common_zipf(first), common_zipf(second))
                # Two content words ("domesticdemand") need to be commoner than a split at a
                # function word: rare long words are likelier to be real words.
                needed = 5.0 if min(len(first), len(second)) <= 2 else threshold if at_boundary else 4.0
                if low >= needed and (best is None or low > best[0]):
                    best = (low, first, second)
            if best is None or _repeated(doc, text):
                continue
            # Only now ask the large word list whether the token is a word after all.
            known = zipf(text)
            if known > 0:
                # Common web typos of two function words ("ofthe") are listed as words.
                if not (known < 3.5 and len(text) <= 8 and best[1] in _TYPO_HEADS and best[2] in _TYPO_TAILS):
                    continue
            elif len(text) < self.options["min_length"]:
                continue
            yield self.finding(token.start, token.end, f"'{text}' looks like two words run together",
                               [f"{best[1]} {best[2]}"])


# A word, a sentence or clause mark, and the next word with no space between:
# "the tsunami.Steve will", "the talks,which". Abbreviations ("U.S.") have one-letter
# parts, domains and file names continue lower-case, so both are left out.
_MARK_GLUE_RE = re.compile(r"(?<![\w.@/])([A-Za-z][a-z]+)([.!?;:])([A-Z][a-z]+)\b|(?<![\w.@/])([a-z]{2,})(,)([a-z]{2,})\b(?![.@/])")
# An abbreviation glued to the next word: "U.S.officials", "e.g.the".
_ABBREVIATION_GLUE_RE = re.compile(r"(?<![\w.])((?:[A-Za-z]\.){2,})([a-z]{2,})\b(?![.@/])")
# A number glued to a capitalised word: "in 2022The talks".
_DIGIT_GLUE_RE = re.compile(r"(?<![\w.,])(\d{2,})([A-Z][a-z]{1,})\b")
# Where any of the three can match: a mark or a digit directly before a letter.
_GLUE_TRIGGER_RE = re.compile(r"[.!?;:,](?=[A-Za-z])|\d(?=[A-Z][a-z])")
_SPACE_RE = re.compile(r"\s")


class MissingSpaceAfterMark(Rule):
    code = "GL303"
    name = "missing-space"
    family = "fused-words"
    severity = "error"
    fixable = True
    summary = "No space after a full stop, comma or colon, or after a number (\"the talks.The minister\", \"2022The\")."
    explanation = (
        "Scraped and re-flowed text loses the space after a sentence or clause mark when "
        "two paragraphs, a caption or a date run together: \"aid to the victims of the "
        "tsunami.The charity said\", \"the talks,which ended\", \"date 2022-03-30 "
        "in 2022The\". A lower-case word, a mark and a capitalised word (or, after a comma, "
        "another common word) with no space are reported, with the space as the suggestion. "
        "Abbreviations (\"U.S.\", \"e.g.\"), domain and file names (\"example.com\"), "
        "thousands (\"1,000\") and units after numbers (\"14Mbps\") are not."
    )
    bad = "Rescue teams reached the coast on Monday.The ministry said more help was coming."
    good = "Rescue teams reached the coast on Monday. The ministry said more help was coming."

    def check(self, doc):
        prose = doc.prose
        # The full patterns start with a lookbehind, which the regex engine would try at
        # every position; a mark or digit glued to a letter is rare, so find those first
        # and run the patterns only over the run of non-space characters around each.
        seen: set[int] = set()
        start, searched_to = 0, 0  # the run's start is looked for only back to the previous trigger
        for trigger in _GLUE_TRIGGER_RE.finditer(prose):
            space = max(prose.rfind(" ", searched_to, trigger.start()), prose.rfind("\n", searched_to, trigger.start()))
            if space >= 0:
                start = space + 1
            searched_to = trigger.start()
            if start in seen:
                continue
            seen.add(start)
            end = _SPACE_RE.search(prose, trigger.end())
            yield from self._check_run(doc, start, end.start() if end else len(prose))

    def _check_run(self, doc, start: int, end: int):
        prose = doc.prose
        for match in _MARK_GLUE_RE.finditer(prose, start, end):
            left, mark, right = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
            if zipf(left) < 3.0 or zipf(right) < (4.0 if left[0].isupper() else 3.0):
                continue  # "node.Js", "abc,def", "One.Tel": not two words of prose
            if _in_code_like_context(prose, match.start(), match.end()) or _repeated(doc, match.group()):
                continue
            if doc.shows_code and mark == "." and right.lower() not in _SENTENCE_OPENERS:
                continue  # "reflect.Type", "os.Exit" in a document that shows code: an identifier
            yield self.finding(match.start(), match.end(), f"no space after '{mark}'", [f"{left}{mark} {right}"])
        for match in _ABBREVIATION_GLUE_RE.finditer(prose, start, end):
            abbreviation, word = match.groups()
            if zipf(word) >= 3.0 and not _in_code_like_context(prose, match.start(), match.end()):
                yield self.finding(match.start(), match.end(), f"no space after '{abbreviation}'", [f"{abbreviation} {word}"])
        for match in _DIGIT_GLUE_RE.finditer(prose, start, end):
            number, word = match.groups()
            if zipf(word) < 4.5:
                continue  # "14Mbps", "3Com": a unit or a name
            if _in_code_like_context(prose, match.start(), match.end()):
                continue
            yield self.finding(match.start(), match.end(), f"no space between '{number}' and '{word}'", [f"{number} {word}"])


@hookimpl
def garblint_rules():
    return [FusedCamelCase, FusedLowercase, MissingSpaceAfterMark]
