#!/usr/bin/env python3
"""Corpus scanning speed and how well the garble score separates broken documents.

Builds a JSON-lines corpus of real paragraphs (the Brown corpus's paragraphs
of 25 words or more, cycled to reach the requested count), injects one
machine-translation artifact into a known share of them, then times
`garblint scan` with one process, with every local core, and on a local Dask
cluster, and reports precision and recall of "garble score > threshold"
against the injected labels.

    python benchmarks/scan_benchmark.py                 # 100,000 paragraphs
    python benchmarks/scan_benchmark.py --count 20000 --no-dask
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import brown  # noqa: E402


def inject(text: str, rng: random.Random) -> str:
    """One artifact of the kinds garblint looks for, at a random place."""
    words = text.split(" ")
    kind = rng.randrange(6)
    if len(words) < 12:
        return text + " the the"
    i = rng.randrange(2, len(words) - 4)
    if kind == 0:  # doubled word
        words.insert(i, words[i])
    elif kind == 1:  # fused words
        words[i:i + 2] = [words[i] + words[i + 1]]
    elif kind == 2:  # stray full stop before a fragment
        words[i] = words[i].rstrip(",;") + "."
        words[i + 1] = words[i + 1].lower()
    elif kind == 3:  # unclosed quotation
        words[i] = "“" + words[i]
    elif kind == 4:  # calqued quotative
        words.append("“It is over,” he deplored.")
    else:  # scraped furniture
        return text + "\nAdvertisement\n" + "Share this:"
    return " ".join(words)


def build(path: Path, count: int, share: float, seed: int = 3) -> list[bool]:
    """Real Brown paragraphs, cycled until ``count``; a share of them with an artifact."""
    rng = random.Random(seed)
    paragraphs = []
    for sample in brown.samples():
        for paragraph in brown.tagged_paragraphs(sample):
            text = " ".join(brown.detokenize([w for w, _ in sentence]) for sentence in paragraph)
            if len(text.split()) >= 25:
                paragraphs.append(text)
    labels = []
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            text = paragraphs[n % len(paragraphs)]
            broken = rng.random() < share
            if broken:
                text = inject(text, rng)
            handle.write(json.dumps({"id": f"p{n}", "text": text}) + "\n")
            labels.append(broken)
    return labels


def run_scan(corpus: Path, out: Path, extra: list[str], config: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "garblint", "scan", str(corpus), "-o", str(out), "--quiet", "--config", str(config), *extra],
                   check=True)
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--share", type=float, default=0.1, help="share of paragraphs with an injected artifact")
    parser.add_argument("--threshold", type=float, default=1.0, help="garble score above which a document is flagged")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.jsonl"
        labels = build(corpus, args.count, args.share)
        # Each record is one paragraph, not a whole article: the document-opening
        # rule (discourse) does not apply to paragraphs taken out of their text.
        config = tmp / "paragraphs.yaml"
        config.write_text("ignore: [discourse]\n", encoding="utf-8")
        runs = [("one process", ["--jobs", "1"]), (f"{cores} processes", ["--jobs", str(cores)])]
        if not args.no_dask:
            runs.append(("local Dask cluster", ["--engine", "dask"]))
        print("| engine | documents | seconds | documents/s |")
        print("| --- | ---: | ---: | ---: |")
        for name, extra in runs:
            out = tmp / name.replace(" ", "_")
            seconds = run_scan(corpus, out, extra + ["--partition-size", "2000"], config)
            print(f"| {name} | {args.count:,} | {seconds:.1f} | {args.count / seconds:,.0f} |", flush=True)
        sys.path.insert(0, str(HERE.parent))
        from garblint.linter.commands.scan import read_results

        scores = {r["id"]: r["score"] for r in read_results(str(tmp / "one_process"))}
        flagged = [scores[f"p{i}"] > args.threshold for i in range(len(labels))]
        tp = sum(f and l for f, l in zip(flagged, labels))
        fp = sum(f and not l for f, l in zip(flagged, labels))
        fn = sum(l and not f for f, l in zip(flagged, labels))
        precision = tp / max(tp + fp, 1)
        recall = tp / max(tp + fn, 1)
        print(f"\ninjected {sum(labels):,} of {len(labels):,}; garble score > {args.threshold}: "
              f"precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
