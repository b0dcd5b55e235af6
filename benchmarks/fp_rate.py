#!/usr/bin/env python3
"""False-positive rate of rules on clean, edited prose (the Brown corpus).

    python benchmarks/fp_rate.py                      # every built-in rule family
    python benchmarks/fp_rate.py garblint.rules.punctuation    # one family module
    python benchmarks/fp_rate.py garblint.rules.calque --show 20 --dir some/clean/folder

Prints, per rule, the findings per 10,000 words by severity; ``--show N``
prints up to N flagged snippets per rule so they can be read.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from garblint.linter.testing import make_document  # noqa: E402

FAMILIES = [
    "garblint.rules.repetition", "garblint.rules.punctuation", "garblint.rules.casing", "garblint.rules.fused_words",
    "garblint.rules.word_order", "garblint.rules.names", "garblint.rules.pronoun", "garblint.rules.calque",
    "garblint.rules.scrape_residue", "garblint.rules.discourse", "garblint.rules.tortured_phrases", "garblint.rules.mistranslation",
    "garblint.rules.fluency",
]


def rule_classes(modules: list[str]):
    classes = []
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
            continue
        classes.extend(module.garblint_rules())
    return classes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", default=FAMILIES)
    parser.add_argument("--dir", type=Path, help="folder of clean .txt/.md files (default: the Brown corpus)")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)
    if args.dir:
        files = sorted(p for p in args.dir.rglob("*") if p.suffix in (".txt", ".md"))
    else:
        import brown

        files = sorted(brown.ensure_corpus().glob("*.txt"))
    rules = [cls() for cls in rule_classes(args.modules)]
    counts: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    words = 0
    started = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        doc = make_document(text, markdown=path.suffix == ".md", path=str(path))
        words += doc.word_count
        for rule in rules:
            for finding in rule.check(doc):
                counts[rule.code][finding.severity] += 1
                if len(shown[rule.code]) < args.show:
                    context = text[max(0, finding.start - 40):finding.end + 40].replace("\n", " ")
                    shown[rule.code].append(f"  {path.name}:{finding.start} [{text[finding.start:finding.end]}] ...{context}...")
    elapsed = time.perf_counter() - started
    print(f"{len(files)} files, {words} words, {elapsed:.1f} s")
    print(f"{'rule':<8} {'name':<32} {'error':>7} {'warning':>8} {'info':>7}  (per 10,000 words)")
    total_serious = 0
    for rule in rules:
        c = counts[rule.code]
        total_serious += c["error"] + c["warning"]
        per = lambda n: n * 10000 / max(words, 1)  # noqa: E731
        print(f"{rule.code:<8} {rule.name:<32} {per(c['error']):7.2f} {per(c['warning']):8.2f} {per(c['info']):7.2f}")
        for line in shown[rule.code]:
            print(line)
    print(f"warnings+errors per 10,000 words: {total_serious * 10000 / max(words, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
