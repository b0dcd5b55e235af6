#!/usr/bin/env python3
"""Rebuild linter/language/data/word_frequencies.bin from wordfreq's large English list.

    python tools/build_word_frequencies.py

wordfreq ships its large list as frequency buckets; turning that into a
lookup table costs about 0.2 s a run, most of a one-file run's time. The file
written here holds the same words sorted, in a form that is searched in place
(``linter/language/lexicon.py``, ``SortedFrequencies``): reading it costs a
few milliseconds, and no string is made until a word is looked up.

Format, all integers little-endian: the 8 bytes ``GLZIPF01``; the word count
N (4 bytes); N + 1 offsets (4 bytes each) of the words in the blob; N Zipf
scores times 100 (2 bytes each); the blob, the words in UTF-8, sorted by
their bytes. The output is byte for byte the same for the same wordfreq data.
Source: wordfreq (Apache-2.0), whose English data is under CC BY-SA 4.0; see
linter/language/data/WORD-FREQUENCIES-LICENSE.txt.
"""
from __future__ import annotations

import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "linter" / "language" / "data" / "word_frequencies.bin"
MAGIC = b"GLZIPF01"


def main() -> int:
    from garblint.linter.language.lexicon import read_wordfreq_buckets

    table = read_wordfreq_buckets("large")
    encoded = sorted((word.encode("utf-8"), round(zipf * 100)) for word, zipf in table.items())
    offsets = array("I", [0])
    for word, _ in encoded:
        offsets.append(offsets[-1] + len(word))
    codes = array("H", [code for _, code in encoded])
    if sys.byteorder == "big":
        offsets.byteswap()
        codes.byteswap()
    data = b"".join([MAGIC, len(encoded).to_bytes(4, "little"), offsets.tobytes(), codes.tobytes(),
                     *(word for word, _ in encoded)])
    OUTPUT.write_bytes(data)
    print(f"{OUTPUT.relative_to(ROOT)}: {len(encoded):,} words, {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
