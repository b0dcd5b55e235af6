#!/usr/bin/env python3
"""How `garblint pairs` grows with the corpus: 1,000, 10,000 and 50,000 documents.

Documents are built from real text: sentences of the Brown corpus dealt out
into documents of about a dozen sentences. One document in ten gets a
rewrite, made the way spinners make them: content words swapped for other
words of the same part of speech (from the tagged corpus), sentences
reordered, one sentence dropped. The benchmark reports the time, the peak
memory and how many of the planted rewrites were found.

    python benchmarks/pairs_scaling.py              # 1,000 / 10,000 / 50,000
    python benchmarks/pairs_scaling.py 1000 5000
"""
from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import brown  # noqa: E402
from brown import detokenize  # noqa: E402

SWAPPABLE = ("nn", "nns", "jj", "vb", "vbd", "rb")


def tagged_sentences():
    sentences = []
    for sample in brown.samples():
        for paragraph in brown.tagged_paragraphs(sample):
            for sentence in paragraph:
                if 8 <= len(sentence) <= 40:
                    sentences.append(sentence)
    return sentences


def spin(sentences, by_tag, rng):
    """A spun rewrite: synonyms-by-tag, reordering, one sentence dropped."""
    out = []
    for sentence in sentences:
        words = []
        for word, tag in sentence:
            base = tag.split("-")[0]
            if base in SWAPPABLE and word.islower() and rng.random() < 0.3:
                word = rng.choice(by_tag[base])
            words.append(word)
        out.append(detokenize(words))
    if len(out) > 3:
        out.pop(rng.randrange(len(out)))
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return " ".join(out)


def build(folder: Path, count: int, sentences, by_tag, seed: int = 7) -> int:
    rng = random.Random(seed)
    planted = 0
    made = 0
    while made < count:
        chosen = rng.sample(sentences, 12)
        (folder / f"d{made:06}.txt").write_text(" ".join(detokenize([w for w, _ in s]) for s in chosen) + "\n", encoding="utf-8")
        made += 1
        if made < count and rng.random() < 0.1:
            (folder / f"d{made:06}.txt").write_text(spin(chosen, by_tag, rng) + "\n", encoding="utf-8")
            made += 1
            planted += 1
    return planted


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv[1:]] or [1000, 10_000, 50_000]
    sentences = tagged_sentences()
    by_tag = defaultdict(list)
    for sentence in sentences:
        for word, tag in sentence:
            base = tag.split("-")[0]
            if base in SWAPPABLE and word.islower() and word.isalpha():
                by_tag[base].append(word)
    print("| documents | planted rewrites | pairs found | planted found | seconds | docs/s | peak MiB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            planted = build(folder, size, sentences, by_tag)
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-m", "garblint", "pairs", "--no-config", "--format", "json", "--fail-on", "never", str(folder)],
                capture_output=True, text=True,
            )
            elapsed = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            pairs = json.loads(out.stdout)["pairs"]
            found = sum(1 for p in pairs if abs(int(Path(p["a"]).stem[1:]) - int(Path(p["b"]).stem[1:])) == 1)
            print(f"| {size:,} | {planted} | {len(pairs)} | {found} | {elapsed:.1f} | {size / elapsed:,.0f} | {peak:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
