#!/usr/bin/env python3
"""Words that English readily closes into compounds, counted in wordfreq's word list.

A token such as "sidechairs" or "phrasemaking" is unknown as a whole but splits into
two common words; so does "privatearea", which lost a space. The difference is the
parts: "side" opens dozens of listed words whose rest is a common word ("sideline",
"sidewalk", "sideboard"), "making" closes dozens ("peacemaking", "lovemaking"),
while "private" and "area" open and close almost none. This script counts, for every
common word, how many words of wordfreq's large English list (320,000 forms) split
into it and another common word, as head and as tail, and writes the words that do
so at least ``MIN_COUNT`` times to ``rules/data/compound_parts.tsv`` (word, times as
head, times as tail). rules/fused_words.py reads it.

    python tools/build_compound_parts.py
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from garblint.linter.language.lexicon import _table  # noqa: E402

MIN_PART_ZIPF = 3.5  # parts as common as the fused-words rule asks of them
MIN_PART_LENGTH = 3
MIN_COUNT = 3
OUT = ROOT / "rules" / "data" / "compound_parts.tsv"


def main() -> int:
    small = {w for w, z in _table("small").items() if z >= MIN_PART_ZIPF and w.isalpha()}
    heads: Counter[str] = Counter()
    tails: Counter[str] = Counter()
    for word in _table("large"):
        if not word.isalpha() or word in small and _table("small")[word] >= 4.5:
            continue  # very common words are not compounds of interest (and not junk)
        for cut in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1):
            head, tail = word[:cut], word[cut:]
            if head in small and tail in small:
                heads[head] += 1
                tails[tail] += 1
    words = sorted(w for w in set(heads) | set(tails) if heads[w] >= MIN_COUNT or tails[w] >= MIN_COUNT)
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write("# Built by tools/build_compound_parts.py from wordfreq's English word list; see COMPOUND_PARTS_LICENSE.md.\n")
        handle.write("# word\ttimes as the head of a listed word\ttimes as its tail\n")
        for w in words:
            handle.write(f"{w}\t{heads[w]}\t{tails[w]}\n")
    print(f"{len(words)} words written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
