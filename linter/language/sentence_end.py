"""Where a full stop ends a sentence, and what follows one that a lower-case word opens.

Shared by the punctuation family (GL205, a stray full stop before a fragment) and the
casing family (GL151, a new sentence that lost its capital): one analysis of each
". lowercase" spot, so the two divide the spots between them and never both report one.
The word lists (abbreviations, name particles, words that continue or open a clause)
are data in linter/language/data/sentence_end.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache


from garblint.linter.engine.data_files import data_yaml
from garblint.linter.language.lexicon import zipf


# A full stop after a letter, after two digits or after a closing mark, then a lower-case word.
_SPLIT_STOP_RE = re.compile(r"\.(?:(?<=[^\W\d_]\.)|(?<=\d\d\.)|(?<=[^\W\d_\s][”’\"')\]]\.))[ \t]+([a-z][\w'’-]*)")
_NUMBER_RE = re.compile(r"[\d,–-]+")
_REFERENCE_BEFORE_RE = re.compile(r"([A-Za-z]+)\.?[ \t]*$")
PREV_WORD_RE = re.compile(r"([\w.’'-]+)[”’\"')\]]?\.$")
_VOWELS = set("aeiouyAEIOUY")
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
# The next sentence end: a full stop not inside a number or an abbreviation's initials, ! ? or …
TERMINAL_RE = re.compile(r"[!?…]|\.(?![\w.])")

@lru_cache(maxsize=1)
def _data() -> dict[str, frozenset[str]]:
    raw = data_yaml("garblint.linter.language", "data/sentence_end.yaml")
    return {key: frozenset(str(word) for word in words) for key, words in raw.items()}


def abbreviations() -> frozenset[str]:
    """Lower-case words after which a full stop is an abbreviation's ("mr", "e.g", "calif")."""
    return _data()["abbreviations"]


def lowercase_starts() -> frozenset[str]:
    """Words that may open a sentence in lower case ("iPhone", "eBay", "pH")."""
    return _data()["lowercase_starts"]


def clause_openers() -> frozenset[str]:
    """Words that open a new clause rather than continue the previous one."""
    return _data()["clause_openers"]


def classify(prose: str, word_start: int, fragment_end: int, max_words: int) -> str | None:
    """What follows a full stop and a lower-case word, up to the next terminal mark.

    "fragment": a short continuation of the clause the stop cut (GL205);
    "clause": a new sentence that lost its capital (GL151);
    None: too short to tell (a heading or list residue run into the paragraph).
    """
    fragment = prose[word_start:fragment_end]
    words = fragment.split()
    first = words[0].strip("”’\")(),;:.!?").lower() if words else ""
    short = len(words) <= max_words and "," not in fragment and ";" not in fragment
    starter = first in _data()["continuation_starters"] or (len(first) > 4 and first.endswith(("ing", "ly")))
    if short and starter and first not in _data()["clause_openers"]:
        return "fragment"
    terminated = fragment.rstrip("”’\") ")[-1:] in (".", "!", "?", "…")
    if len(words) < 3 or (len(words) <= max_words and not terminated):
        return None
    return "clause"


def looks_abbreviated(token: str, abbreviations: set[str]) -> bool:
    """Whether a word before a full stop is an abbreviation ("U.S", "Jr", "12-oz", "Chmn", "Lond", "mEq")."""
    last = token.rsplit("-", 1)[-1]
    if "." in token or len(last) <= 1 or last.lower() in abbreviations:
        return True
    if not _VOWELS.intersection(last):
        return True  # consonant clusters: "Chmn", "mc", "lb"
    if last[0].islower() and not last.islower():
        return True  # units and symbols written in mixed case: "mEq", "kWh", "mL"
    # An unknown capitalised word ("Lond", "Shak", "Gre") is an abbreviation, not a name that ends a sentence.
    return last[0].isupper() and (zipf(last) < 2.5 if len(last) == 5 else len(last) < 5 and zipf(last) < 3.2)


_IDENTIFIER_TAIL_RE = re.compile(r"[._/][^\W_]|\(|_")


def lowercase_after_stop(doc):
    """(stop offset, next word start, end of the run to the next terminal mark) for '. lowercase'."""
    def compute(doc):
        data = _data()
        abbreviations = data["abbreviations"]
        lowercase_starts = data["lowercase_starts"]
        particles = data["name_particles"]
        references = data["reference_words"]
        found = []
        prose = doc.prose
        for match in _SPLIT_STOP_RE.finditer(prose):
            stop = match.start()
            word = match.group(1)
            prev = PREV_WORD_RE.search(prose, max(0, stop - 25), stop + 1)
            token = prev.group(1) if prev else ""
            if _NUMBER_RE.fullmatch(token):
                # "in 1998. in 2001 the court ..." is a sentence end; "p. 12. in" and
                # "Section 12. deals" are references, and "12. the" may number a list item.
                before = _REFERENCE_BEFORE_RE.search(prose, max(0, prev.start() - 20), prev.start())
                if before is None or before.group(1).lower() in references or stop - prev.start() < 4:
                    continue
            elif looks_abbreviated(token, abbreviations):
                continue
            if prose[stop + 1:stop + 2] == "." or prose[stop - 1:stop] == ".":
                continue  # part of an ellipsis
            if word in lowercase_starts or not word.islower():
                continue  # "iPhone", "eBay", "pH"
            if _IDENTIFIER_TAIL_RE.match(prose, match.end(1)):
                continue  # "printer.writeType", "golang.org/x", "len(s)": code named in prose
            if token in _ROMAN or prose[match.end(1):match.end(1) + 1] in ").:" and (len(word) == 1 or word in _ROMAN):
                continue  # enumerated items: "a) read it. b) write", "i. open the lid. ii. remove"
            after = prose[match.end(1):match.end(1) + 2]
            if word in particles and after[:1] == " " and after[1:].isupper():
                continue  # "de Gaulle", "von Neumann", "al-Assad"
            block = doc.paragraph_of(stop)
            if block is None or block.kind in ("list-item", "table-cell", "heading"):
                continue
            terminal = TERMINAL_RE.search(prose, match.start(1), block.end)
            end = terminal.end() if terminal else block.end
            while end < block.end and prose[end] in "”’\")":
                end += 1
            found.append((stop, match.start(1), end))
        return found

    return doc.memo("sentence-end.lowercase-after-stop", compute)
