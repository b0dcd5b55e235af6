"""English word frequencies, from wordfreq's data.

The data are read directly (not through ``import wordfreq``, whose own
imports cost more than the lookup) and only when first needed. Two tables
keep start-up short: the small list (29,000 words at Zipf 3 and above), read
from wordfreq's wheel into a dict in about 10 ms, answers most questions; the
large list (320,000 words down to Zipf 1) is consulted only for a word the
small list does not have, when the answer could differ. Built into a dict it
would cost 0.2 s a run, so it ships sorted (data/word_frequencies.bin, built
by tools/build_word_frequencies.py) and is searched in place by bisection. Scores are on the Zipf scale: log10 of occurrences per
billion words, so 7 is "the", 3 is a word seen about once per million words,
0 means unknown.
"""
from __future__ import annotations

import gzip
import importlib.util
import os
import sys
from array import array
from functools import lru_cache

SMALL_LIST_FLOOR = 3.0  # every word at or above this Zipf score is in the small list


def read_wordfreq_buckets(wordlist: str) -> dict[str, float]:
    """Word -> Zipf score, from wordfreq's own data file for English ("small" or "large")."""
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


@lru_cache(maxsize=None)
def _small_table() -> dict[str, float]:
    return read_wordfreq_buckets("small")


class SortedFrequencies:
    """The large list, searched in place: sorted UTF-8 words, their offsets and their Zipf scores.

    The file format is described in tools/build_word_frequencies.py."""

    MAGIC = b"GLZIPF01"

    def __init__(self, data: bytes, source: str = "word frequencies"):
        count = int.from_bytes(data[8:12], "little") if data[:8] == self.MAGIC else -1
        codes_at = 12 + 4 * (count + 1)
        blob_at = codes_at + 2 * count
        if count < 0 or len(data) < blob_at:
            raise RuntimeError(f"{source}: not a word-frequency table, or a truncated one")
        self.offsets = array("I", data[12:codes_at])
        self.codes = array("H", data[codes_at:blob_at])
        if sys.byteorder == "big":
            self.offsets.byteswap()
            self.codes.byteswap()
        self.blob = data[blob_at:]
        if len(self.blob) != self.offsets[-1]:
            raise RuntimeError(f"{source}: truncated word-frequency table")
        self.lookups = 0
        self.table: dict[str, float] | None = None

    # After this many look-ups a run is long enough to pay for a dict of every word (0.2 s),
    # which answers in a tenth of a microsecond where the search takes ten.
    LOOKUPS_BEFORE_TABLE = 20_000

    def _build_table(self) -> dict[str, float]:
        blob, offsets, codes = self.blob, self.offsets, self.codes
        words = [blob[offsets[i]:offsets[i + 1]].decode("utf-8", "surrogatepass") for i in range(len(codes))]
        return dict(zip(words, [code / 100 for code in codes]))

    def get(self, word: str, default: float = 0.0) -> float:
        table = self.table
        if table is not None:
            return table.get(word, default)
        self.lookups += 1
        if self.lookups > self.LOOKUPS_BEFORE_TABLE:
            self.table = self._build_table()
            return self.table.get(word, default)
        key = word.encode("utf-8", "surrogatepass")
        offsets, blob = self.offsets, self.blob
        low, high = 0, len(self.codes)
        while low < high:
            middle = (low + high) // 2
            found = blob[offsets[middle]:offsets[middle + 1]]
            if found < key:
                low = middle + 1
            elif found > key:
                high = middle
            else:
                return self.codes[middle] / 100
        return default


@lru_cache(maxsize=None)
def _large_table() -> SortedFrequencies:
    from garblint.linter.engine.data_files import data_path

    path = data_path("garblint.linter.language", "data/word_frequencies.bin")
    return SortedFrequencies(path.read_bytes(), str(path))


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


def zipf(word: str) -> float:
    """Zipf frequency of a word (case-insensitive); 0.0 when unknown."""
    key = _normal(word)
    found = _small_table().get(key)
    if found is not None:
        return found
    return _large_table().get(key, 0.0)


def zipf_at_least(word: str, threshold: float) -> bool:
    """Whether ``zipf(word) >= threshold``, without loading the large list when it cannot matter."""
    if threshold >= SMALL_LIST_FLOOR:
        return _small_table().get(_normal(word), 0.0) >= threshold
    return zipf(word) >= threshold


def common_zipf(word: str) -> float:
    """Zipf frequency from the small list only: exact at 3.0 and above, 0.0 below."""
    return _small_table().get(_normal(word), 0.0)


@lru_cache(maxsize=None)
def longest_common_word() -> int:
    """Length of the longest word in the small list: no longer part of a token can be common."""
    return max(map(len, _small_table()))


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
