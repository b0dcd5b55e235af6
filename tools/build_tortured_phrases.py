#!/usr/bin/env python3
"""Build rules/data/tortured_phrases.json from the Problematic Paper Screener list.

Source: tortured-phrases.json (7,942 pairs {tortured, correct}) from the
Problematic Paper Screener by Cabanac, Labbé & Magazinov, CC BY 4.0, as
collected in the giladfeldman/torturedcheck repository (MIT).

The list mixes real fingerprints of paraphrasing tools with ordinary terms
that leaked in from search queries ("neural network"). An entry is dropped
when its tortured side:
- is a single word, or equal to its correction, or made only of the
  correction's words ("supervised learning" for "supervised (machine) learning");
- is itself the correct side of another entry (an established term, such as
  "cloud computing");
- occurs in the Brown corpus of edited English (benchmarks/brown.py);
- is a common English word pair (symspellpy's bundled bigram counts);
- consists only of very frequent words (wordfreq Zipf >= 5.5 each).

    python tools/build_tortured_phrases.py /path/to/tortured-phrases.json
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

BIGRAM_LIMIT = 2_000_000  # a tortured pair this common is ordinary English
_WORD_RE = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def normal(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data" / "tortured-phrases.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    pairs = data["phrases"] if isinstance(data, dict) else data

    import brown
    from linter.lexicon import zipf
    from rules.spin_drift import _bigrams

    brown_text = " " + " ".join(normal(p.read_text(encoding="utf-8")) for p in sorted(brown.ensure_corpus().glob("*.txt"))) + " "
    bigrams = _bigrams()
    kept: dict[str, str] = {}
    dropped: Counter = Counter()
    established = {normal(entry["correct"]) for entry in pairs}
    for entry in pairs:
        tortured, correct = normal(entry["tortured"]), entry["correct"].strip()
        words = tortured.split()
        if len(words) < 2:
            dropped["single word"] += 1
        elif tortured in established:
            dropped["an established term elsewhere in the list"] += 1
        elif set(words) <= set(normal(correct).split()):
            dropped["its words all belong to the correction"] += 1
        elif tortured == normal(correct):
            dropped["same as its correction"] += 1
        elif f" {tortured} " in brown_text:
            dropped["occurs in the Brown corpus"] += 1
        elif len(words) == 2 and bigrams.get(tortured, 0) >= BIGRAM_LIMIT:
            dropped["common word pair"] += 1
        elif all(zipf(w) >= 5.5 for w in words):
            dropped["only very common words"] += 1
        elif tortured in kept:
            dropped["duplicate"] += 1
        else:
            kept[tortured] = correct
    out = ROOT / "rules" / "data" / "tortured_phrases.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "source": "Problematic Paper Screener (Cabanac, Labbé & Magazinov), CC BY 4.0; see TORTURED_PHRASES_LICENSE.md",
        "kept": len(kept),
        "dropped": dict(sorted(dropped.items())),
        "phrases": dict(sorted(kept.items())),
    }
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(kept)} kept, dropped: {dict(dropped)} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
