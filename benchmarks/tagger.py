#!/usr/bin/env python3
"""Accuracy, size, load time and speed of the bundled part-of-speech tagger.

    python benchmarks/tagger.py            # prints a Markdown report
    python benchmarks/tagger.py --write    # also replaces its section of BENCHMARKS.md

Accuracy is measured on UD English-EWT (``--ewt``, see tools/ewt.py), over
garblint's tokens (gold tags projected as tools/ewt.py describes) and over
EWT's own words. The shipped model is trained on train + dev, so only the
test split is held out. Speed is measured in one process on one core over
the test split and over the Brown corpus (benchmarks/brown.py), split into
sentences and tokens by garblint's own segmenter; "cold" starts from an empty
cache, "warm" tags the same text a second time. Load time is measured in
fresh processes (best of several).
"""
from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(HERE))

import brown  # noqa: E402
import ewt  # noqa: E402
from garblint.linter.language import tagger# noqa: E402
from garblint.linter.engine.segment import split_sentences, tokenize  # noqa: E402

SECTION = "## Part-of-speech tagger"

LOAD_SNIPPET = (
    "import time; started = time.perf_counter(); "
    "from garblint.linter.language.tagger import load_tagger; load_tagger(); "
    "print(time.perf_counter() - started)"
)
TAG_ONCE_SNIPPET = (
    "import time; started = time.perf_counter(); "
    "from garblint.linter.language.tagger import load_tagger; load_tagger().tag(['He', 'refused', 'to', 'go', '.']); "
    "print(time.perf_counter() - started)"
)


def fresh_process_seconds(snippet: str, runs: int) -> tuple[float, float]:
    """Best in-process time of the snippet, and best wall time of the whole process."""
    inner, whole = [], []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", snippet], capture_output=True, text=True, check=True, cwd=ROOT)
        whole.append(time.perf_counter() - started)
        inner.append(float(out.stdout.strip()))
    return min(inner), min(whole)


def accuracy(model, sentences) -> tuple[float, float, int]:
    total = penn_right = upos_right = 0
    for sentence in sentences:
        predicted = model.tag([word for word, _, _ in sentence])
        for (_, penn, upos), (penn_guess, upos_guess) in zip(sentence, predicted):
            total += 1
            penn_right += penn == penn_guess
            upos_right += upos == upos_guess
    return penn_right, upos_right, total


def brown_token_sentences() -> list[list[str]]:
    """The Brown corpus as garblint sees it: its sentences' token texts."""
    sentences = []
    for path in sorted(brown.ensure_corpus().glob("*.txt")):
        prose = path.read_text(encoding="utf-8")
        for start, end in split_sentences(prose, 0, len(prose)):
            tokens = [text for _, _, text in tokenize(prose, start, end)]
            if tokens:
                sentences.append(tokens)
    return sentences


def tokens_per_second(sentences: list[list[str]], repeats: int) -> tuple[float, float]:
    """Cold (a new tagger, empty caches) and warm (the same text again) rates; best of ``repeats``."""
    n = sum(map(len, sentences))
    cold, warm = [], []
    model_data = tagger.read_model()
    for _ in range(repeats):
        model = tagger.Tagger(model_data)
        tag = model.tag
        started = time.perf_counter()
        for words in sentences:
            tag(words)
        cold.append(n / (time.perf_counter() - started))
        started = time.perf_counter()
        for words in sentences:
            tag(words)
        warm.append(n / (time.perf_counter() - started))
    return max(cold), max(warm)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ewt", type=Path, default=ewt.DEFAULT_EWT)
    parser.add_argument("--runs", type=int, default=5, help="repetitions for the timings")
    parser.add_argument("--write", action="store_true", help="replace the tagger section of BENCHMARKS.md")
    args = parser.parse_args(argv)

    model_data = tagger.read_model()
    model = tagger.Tagger(model_data)
    trained_on = model_data.get("training", {}).get("splits", ["train", "dev"])
    treebank = {split: ewt.read_split(args.ewt, split) for split in ("train", "dev", "test")}
    punctuation = ewt.punctuation_tags(treebank["train"])

    rows = []
    for split in ("test", "dev"):
        views = (("garblint tokens", [ewt.garblint_tokens(s, punctuation) for s in treebank[split]]),
                 ("EWT words", [ewt.ewt_tokens(s) for s in treebank[split]]))
        for view, sentences in views:
            penn, upos, total = accuracy(model, sentences)
            note = "trained on" if split in trained_on else "held out"
            rows.append(f"| {split} ({note}) | {view} | {total:,} | {penn / total:.2%} | {upos / total:.2%} |")

    size = tagger.MODEL_PATH.stat().st_size
    load_inner, load_whole = fresh_process_seconds(LOAD_SNIPPET, args.runs)
    first_inner, first_whole = fresh_process_seconds(TAG_ONCE_SNIPPET, args.runs)
    _, bare = fresh_process_seconds("print(0)", args.runs)

    test_sentences = [[w for w, _, _ in ewt.garblint_tokens(s, punctuation)] for s in treebank["test"]]
    brown_sentences = brown_token_sentences()
    speeds = [("EWT test", test_sentences, *tokens_per_second(test_sentences, args.runs)),
              ("Brown corpus", brown_sentences, *tokens_per_second(brown_sentences, max(1, args.runs // 2)))]

    lines = [
        SECTION,
        "",
        f"`python benchmarks/tagger.py --write` (Python {platform.python_version()}, one core; model "
        f"`{tagger.MODEL_PATH.relative_to(ROOT)}`, trained on EWT {' + '.join(trained_on)}).",
        "",
        "| split | tokens | count | Penn accuracy | UPOS accuracy |",
        "| --- | --- | ---: | ---: | ---: |",
        *rows,
        "",
        "| measure | value |",
        "| --- | ---: |",
        f"| model file | {size / 1e6:.2f} MB ({len(model_data['weights']):,} features, "
        f"{len(model_data['lexicon']):,} lexicon entries) |",
        f"| `load_tagger()` in a fresh process | {load_inner * 1000:.0f} ms |",
        f"| import, load and tag one sentence, in process | {first_inner * 1000:.0f} ms |",
        f"| whole process doing that / `python -c pass`-like baseline | {first_whole:.3f} s / {bare:.3f} s |",
    ]
    for name, sentences, cold, warm in speeds:
        n = sum(map(len, sentences))
        lines.append(f"| tagging {name} ({n:,} tokens, {len(sentences):,} sentences), cold / warm cache | "
                     f"{cold:,.0f} / {warm:,.0f} tokens/s |")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        target = ROOT / "BENCHMARKS.md"
        existing = target.read_text(encoding="utf-8")
        if SECTION in existing:
            before, _, after = existing.partition(SECTION)
            following = after.find("\n## ")
            existing = before.rstrip("\n") + "\n\n" + report + (after[following:] if following >= 0 else "")
        else:
            existing = existing.rstrip("\n") + "\n\n" + report
        target.write_text(existing, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
