#!/usr/bin/env python3
"""How much the result cache saves: a cold run and a warm run over the same files.

Shares the paragraphs of the 500 Brown corpus samples (see ``brown.py``) out
into 2,000 files of consecutive paragraphs, then times ``garblint check`` over
them three ways: with ``--no-cache``, with an empty cache, and again with the
cache it wrote (every file unchanged; the best of three). Each run is a fresh process, as a user's
would be; CPU seconds are given beside wall-clock ones, which a busy machine
stretches.

    python benchmarks/cache.py                 # 2,000 files, one process
    python benchmarks/cache.py --files 500 --jobs 2
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from brown import ensure_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def build_files(corpus: Path, target: Path, count: int) -> list[Path]:
    """``count`` files of consecutive paragraphs, the corpus's paragraphs shared out equally."""
    paragraphs = [paragraph for sample in sorted(corpus.glob("*.txt"))
                  for paragraph in sample.read_text(encoding="utf-8").split("\n\n") if paragraph.strip()]
    written: list[Path] = []
    for index in range(count):
        chunk = paragraphs[index * len(paragraphs) // count:(index + 1) * len(paragraphs) // count]
        path = target / f"part-{index:05d}.txt"
        path.write_text("\n\n".join(chunk).strip() + "\n", encoding="utf-8")
        written.append(path)
    return written


def timed_run(folder: Path, cache: Path, jobs: int, *extra: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user and system, the process and its workers) of one run."""
    environment = dict(os.environ, GARBLINT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "garblint", "check", "--quiet", "--fail-on", "never", "-j", str(jobs),
               "--no-config", *extra, str(folder)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="warm runs to time (the best is reported)")
    args = parser.parse_args(argv)
    corpus = ensure_corpus()
    with tempfile.TemporaryDirectory(prefix="garblint-cache-bench-") as scratch:
        folder, cache = Path(scratch) / "files", Path(scratch) / "cache"
        folder.mkdir()
        files = build_files(corpus, folder, args.files)
        words = sum(len(path.read_text(encoding="utf-8").split()) for path in files)
        uncached = timed_run(folder, cache, args.jobs, "--no-cache")
        cold = timed_run(folder, cache, args.jobs)
        warm = min(timed_run(folder, cache, args.jobs) for _ in range(args.repeat))
        size = sum(p.stat().st_size for p in cache.rglob("*.json"))
        shutil.rmtree(cache)
    print(f"{len(files)} files, {words:,} words, --jobs {args.jobs}")
    print(f"{'':26}{'wall s':>8}{'CPU s':>8}")
    print(f"--no-cache:               {uncached[0]:8.2f}{uncached[1]:8.2f}")
    print(f"first run (empty cache):  {cold[0]:8.2f}{cold[1]:8.2f}")
    print(f"second run (all cached):  {warm[0]:8.2f}{warm[1]:8.2f}  "
          f"({warm[0] / cold[0]:.1%} of the first in wall time, {warm[1] / cold[1]:.1%} in CPU time)")
    print(f"cache file: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
