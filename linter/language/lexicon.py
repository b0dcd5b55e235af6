"""English word frequencies, from the data wordfreq ships inside its wheel.

The data files are read directly (not through ``import wordfreq``, whose own
imports cost more than the lookup) and only when first needed. Two tables
keep start-up short: the small list (29,000 words at Zipf 3 and above) loads
in about 10 ms and answers most questions; the large list (320,000 words down
to Zipf 1) is loaded only for a word the small list does not have, when the
answer could differ. Scores are on the Zipf scale: log10 of occurrences per
billion words, so 7 is "the", 3 is a word seen about once per million words,
0 means unknown.
"""
from __future__ import annotations

import gzip
import importlib.util
import os
from functools import lru_cache

SMALL_LIST_FLOOR = 3.0  # every word at or above this Zipf score is in the small list


@lru_cache(maxsize=None)
def _table(wordlist: str = "large") -> dict[str, float]:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("garblint needs the 'wordfreq' package for word frequencies")
    path = os.path.join(list(spec.submodule_search_locations)[0], "data", f"{wordlist}_en.msgpack.gz")
    import msgpack

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header, buckets = data[0], data[1:]
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise RuntimeError(f"unexpected wordfreq data format in {path}")
    table: dict[str, float] = {}
    for index, words in enumerate(buckets):
        # Bucket i holds words with frequency 10 ** (-i / 100); Zipf adds 9.
        if words:
            table.update(dict.fromkeys(words, round(9 - index / 100, 2)))
    return table


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


def zipf(word: str) -> float:
    """Zipf frequency of a word (case-insensitive); 0.0 when unknown."""
    key = _normal(word)
    found = _table("small").get(key)
    if found is not None:
        return found
    return _table("large").get(key, 0.0)


def zipf_at_least(word: str, threshold: float) -> bool:
    """Whether ``zipf(word) >= threshold``, without loading the large list when it cannot matter."""
    if threshold >= SMALL_LIST_FLOOR:
        return _table("small").get(_normal(word), 0.0) >= threshold
    return zipf(word) >= threshold


def common_zipf(word: str) -> float:
    """Zipf frequency from the small list only: exact at 3.0 and above, 0.0 below."""
    return _table("small").get(_normal(word), 0.0)


@lru_cache(maxsize=None)
def longest_common_word() -> int:
    """Length of the longest word in the small list: no longer part of a token can be common."""
    return max(map(len, _table("small")))


@lru_cache(maxsize=None)
def noun_class(name: str) -> frozenset[str]:
    """A class of nouns from linter/language/data/noun_classes.txt (tools/build_noun_classes.py).

    "person" (nouns naming people: "minister", "woman"), "vessel" (ships, which
    English calls "she"), "owned" (what "its" owns more often than "his" or "her":
    "economy", "members").
    """
    from garblint.linter.engine.data_files import data_sections

    sections = data_sections("garblint.linter.language", "data/noun_classes.txt")
    if name not in sections:
        raise KeyError(f"no noun class {name!r} in linter/language/data/noun_classes.txt")
    return sections[name]


@lru_cache(maxsize=None)
def given_names(gender: str) -> frozenset[str]:
    """Given names nearly always a man's ("male") or a woman's ("female"), from
    linter/language/data/given_gender.txt (tools/build_given_gender.py); names used for both are in neither.
    "surname": the given names that more people bear as a surname ("Lewis", "Taylor")."""
    from garblint.linter.engine.data_files import data_sections

    sections = data_sections("garblint.linter.language", "data/given_gender.txt")
    if gender not in sections:
        raise KeyError(f"no section {gender!r} in linter/language/data/given_gender.txt")
    return sections[gender]
