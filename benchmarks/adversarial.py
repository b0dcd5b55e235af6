#!/usr/bin/env python3
"""Adversarial inputs: garblint must lint any input of up to 1 MB in at most 2 s.

Each case is a file built to make a careless pattern rescan a long run (a run
of one character, a long word, a masked code block, thousands of link
definitions...), plus inputs that hypothesis generates from Markdown and
punctuation fragments. Each file is linted through the real CLI
(``python -m garblint check FILE``) with a timeout, and the table gives the
size, the seconds, the seconds per MB and whether the case meets the bar.

    python benchmarks/adversarial.py                 # every case, 1 MB each
    python benchmarks/adversarial.py --markdown      # the table for BENCHMARKS.md
    python benchmarks/adversarial.py --only dots,tabs --size 200000
    python benchmarks/adversarial.py --per-rule      # time each rule in-process instead
    python benchmarks/adversarial.py --compare       # compare mode on two 1 MB files

``--per-rule`` runs every rule class separately on every case (and the shared
parsing and segmentation), which is how a slow pattern is found.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
BAR_SECONDS = 2.0  # for inputs of at most 1 MB

PROSE = (
    "The minister said on Tuesday that the talks, which lasted two days, had been useful. "
    "“We will defend our interests,” he told reporters in Brussels. China and Russia agreed "
    "to cooperate in difficult conditions; the plan (first proposed in 2019) costs 3.5 million euros. "
)
WORDS = "the of and to in said minister government country talks agreed people year new first".split()

# Every punctuation mark and quotation mark kind, each a 1 MB run of its own.
SINGLE_CHARACTERS = {
    "dots": ".", "commas": ",", "semicolons": ";", "colons": ":", "bangs": "!", "questions": "?",
    "ellipsis-chars": "…", "hyphens": "-", "en-dashes": "–", "em-dashes": "—", "open-parens": "(",
    "close-parens": ")", "open-brackets": "[", "close-brackets": "]", "braces": "{", "slashes": "/",
    "backslashes": "\\", "ampersands": "&", "percents": "%", "at-signs": "@", "hashes": "#", "pipes": "|",
    "stars": "*", "underscores": "_", "backticks": "`", "tildes": "~", "less-thans": "<", "greater-thans": ">",
    "equals": "=", "pluses": "+", "carets": "^", "dollars": "$", "digits": "7",
    "straight-doubles": '"', "straight-singles": "'", "curly-open-doubles": "“", "curly-close-doubles": "”",
    "curly-open-singles": "‘", "curly-close-singles": "’", "guillemets-open": "«", "guillemets-close": "»",
    "low-doubles": "„", "low-singles": "‚", "single-guillemets": "‹", "primes": "″",
    "spaces": " ", "tabs": "\t", "newlines": "\n", "crs": "\r", "nbsp": "\u00a0", "boms": "\ufeff",
    "letter-a": "a", "letter-A": "A",
}


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def _random_words(size: int, rng: random.Random, alphabet: str = "abcdefghijklmnopqrstuvwxyz") -> str:
    parts, total = [], 0
    while total < size:
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        parts.append(word)
        total += len(word) + 1
    return " ".join(parts)[:size]


def _fenced(size: int) -> str:
    rng = random.Random(1)
    code = []
    total = 0
    while total < size:
        line = "    " * rng.randint(0, 3) + f"value_{rng.randint(0, 999)} = compute(x, y)  # and his or her"
        code.append(line)
        total += len(line) + 1
    return "# Notes\n\nSome prose before the code.\n\n```python\n" + "\n".join(code)[:size] + "\n```\n\nAnd some after.\n"


def _nested_quotes(size: int) -> str:
    depth = min(size // 2, 5000)
    return repeat_to("> " * depth + "quoted text here.\n", size)


def _nested_lists(size: int) -> str:
    lines = ["  " * (i % 200) + "- item with some words." for i in range(size // 60 + 1)]
    return "\n".join(lines)[:size]


def _mixed_scripts(size: int) -> str:
    rng = random.Random(2)
    pieces = ["Москва", "北京市", "القاهرة", "Αθήνα", "東京", "Kraków", "São Paulo", "ŁÓDŹ", "서울", "मुंबई", "said", "the", "and"]
    return repeat_to(" ".join(rng.choice(pieces) for _ in range(2000)) + ". ", size)


# name -> (file suffix, builder of a text of about ``size`` characters)
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "prose": (".txt", lambda n: repeat_to(PROSE + "\n\n", n)),
    "prose-md": (".md", lambda n: repeat_to("## Section\n\n" + PROSE + "\n\n", n)),
    "fenced-code-md": (".md", _fenced),
    "random-lowercase-words": (".txt", lambda n: _random_words(n, random.Random(3))),
    "one-word": (".txt", lambda n: _random_words(n, random.Random(4)).replace(" ", "")),
    "one-capital-word": (".txt", lambda n: _random_words(n, random.Random(5), "ABCDEFGHIJKLMNOPQRSTUVWXYZ").replace(" ", "")),
    "camel-case-word": (".txt", lambda n: repeat_to("AbcDef", n)),
    "capital-words": (".txt", lambda n: repeat_to("Ab ", n)),
    "ellipses": (".txt", lambda n: repeat_to("...", n)),
    "spaced-ellipses": (".txt", lambda n: repeat_to(". ", n)),
    "and-his": (".txt", lambda n: repeat_to(" and his", n)),
    "and-his-spaces": (".txt", lambda n: repeat_to(" " * 1000 + "and his ", n)),
    "initials": (".txt", lambda n: repeat_to("A. ", n)),
    "abbreviations": (".txt", lambda n: repeat_to("Mr. ", n)),
    "single-letters": (".txt", lambda n: repeat_to("a ", n)),
    "word-dot": (".txt", lambda n: repeat_to("word.", n)),
    "word-space-dot": (".txt", lambda n: repeat_to("word .", n)),
    "comma-digits": (".txt", lambda n: repeat_to("1,5", n)),
    "alternating-straight-quotes": (".txt", lambda n: repeat_to("\"'", n)),
    "alternating-curly-quotes": (".txt", lambda n: repeat_to("“”", n)),
    "alternating-single-curly": (".txt", lambda n: repeat_to("‘’", n)),
    "spaced-quotes": (".txt", lambda n: repeat_to("a” ”", n)),
    "quote-word": (".txt", lambda n: repeat_to("“word ", n)),
    "guillemet-word": (".txt", lambda n: repeat_to("«word ", n)),
    "low-quote-word": (".txt", lambda n: repeat_to("„word ", n)),
    "apostrophe-words": (".txt", lambda n: repeat_to("'word ", n)),
    "link-definitions-md": (".md", lambda n: "".join(f"[ref{i}]: https://example.com/{i}\n" for i in range(n // 30))[:n]),
    "inline-code-md": (".md", lambda n: repeat_to("Some `code` and ", n)),
    "nested-quotes-md": (".md", _nested_quotes),
    "nested-lists-md": (".md", _nested_lists),
    "stars-md": (".md", lambda n: "*" * n),
    "underscores-md": (".md", lambda n: "_" * n),
    "brackets-md": (".md", lambda n: "[" * n),
    "less-thans-md": (".md", lambda n: "<" * n),
    "tag-opens-md": (".md", lambda n: repeat_to("<a", n)),
    "backticks-md": (".md", lambda n: "`" * n),
    "backtick-words-md": (".md", lambda n: repeat_to("`a ", n)),
    "emphasis-words-md": (".md", lambda n: repeat_to("*a _b ", n)),
    "link-opens-md": (".md", lambda n: repeat_to("[a](", n)),
    "html-comment-opens-md": (".md", lambda n: repeat_to("<!--", n)),
    "crlf-prose": (".txt", lambda n: repeat_to(PROSE.replace(". ", ".\r\n"), n)),
    "crlf-md": (".md", lambda n: repeat_to("# Title\r\n\r\n" + PROSE + "\r\n\r\n", n)),
    "bom-prose": (".txt", lambda n: "\ufeff" + repeat_to(PROSE, n - 1)),
    "mixed-scripts": (".txt", _mixed_scripts),
    "url": (".txt", lambda n: "https://" + "a" * (n - 8)),
    "long-lines-no-stop": (".txt", lambda n: repeat_to(" ".join(WORDS) + " ", n)),
    "short-lines": (".txt", lambda n: repeat_to("Word\n", n)),
}
for _name, _char in SINGLE_CHARACTERS.items():
    CASES.setdefault(_name, (".txt", lambda n, c=_char: c * n))
for _name in ("dots", "tabs", "spaces", "newlines", "stars", "straight-doubles", "curly-open-doubles", "hashes", "pipes", "greater-thans"):
    CASES.setdefault(_name + "-md", (".md", lambda n, c=SINGLE_CHARACTERS[_name]: c * n))


# -- hypothesis-generated inputs -------------------------------------------------

FRAGMENTS = [
    "`", "```", "``", "*", "**", "_", "__", "[", "]", "](", ")", "(", "<", ">", "</", "<!--", "-->", "#", "## ",
    "- ", "* ", "1. ", "> ", "|", "---", "===", "\n", "\n\n", "\r\n", " ", "  ", "\t", "    ", ".", "...", "…",
    ". . .", ",", ",,", ";", ":", "!", "?", "??", '"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "—", "–",
    "-", "/", "\\", "&amp;", "&#39;", "\ufeff", "\u00a0", "and his", "or her", "as well as", "Mr.", "U.S.", "e.g.",
    "the", "The", "a", "an", "China", "Russia", "said", "he", "she", "word", "Word", "WORD", "iPhone",
    "governmentministerpeople", "abcdefghijklmnopqrstuvwxyz", "1", "1,5", "3.5", "2019", "%", "http://x.yz/",
    "www.example.com", "é", "Москва", "北京", "ﬁ", "\u200b",
]


def hypothesis_cases(count: int, seed: int = 20240601) -> list[tuple[str, str, str]]:
    """``count`` generated motifs as (name, suffix, motif); each is repeated up to the target size.

    A motif is a short mix of Markdown syntax, punctuation, words and random
    characters; repeating it builds the long runs that expose a rescanning
    pattern. Generation is derandomised, so the same seed gives the same cases.
    """
    from hypothesis import given, settings, HealthCheck, strategies as st

    piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=6))
    motif = st.lists(piece, min_size=1, max_size=40).map("".join)
    collected: list[tuple[str, str]] = []

    @settings(max_examples=count, database=None, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck), phases=[__import__("hypothesis").Phase.generate])
    @given(motif, st.sampled_from([".txt", ".md"]))
    def collect(text, suffix):
        if text.strip() and len(collected) < count:
            collected.append((suffix, text))

    random.seed(seed)
    collect()
    return [(f"hypothesis-{i:02d}", suffix, text) for i, (suffix, text) in enumerate(collected)]


# -- running ---------------------------------------------------------------------

def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(path: Path, timeout: float, root: Path = ROOT) -> tuple[float | None, float | None, int | None, str]:
    """Wall and CPU seconds of ``python -m garblint check PATH`` (None on timeout), its exit code and standard error.

    CPU seconds are what the run cost the machine; on a machine shared with
    other work the wall-clock time also counts the waits for a core.
    """
    env = dict(os.environ, PYTHONPATH=str(root))
    started, cpu = time.perf_counter(), _children_cpu()
    try:
        done = subprocess.run([sys.executable, "-m", "garblint", "check", "--no-config", "--quiet", str(path)],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=timeout, text=True)
    except subprocess.TimeoutExpired:
        return None, None, None, ""
    return time.perf_counter() - started, _children_cpu() - cpu, done.returncode, done.stderr


def at_most_bytes(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` bytes of UTF-8 (curly quotes take three)."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def build_inputs(names: list[str] | None, size: int, generated: int) -> list[tuple[str, str, str]]:
    inputs = []
    for name, (suffix, build) in CASES.items():
        if names is None or name in names:
            inputs.append((name, suffix, at_most_bytes(build(size), size)))
    if generated:
        for name, suffix, motif in hypothesis_cases(generated):
            if names is None or name in names:
                inputs.append((name, suffix, at_most_bytes(repeat_to(motif, size), size)))
    return inputs


def cli_table(inputs, timeout: float, root: Path = ROOT) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name, suffix, text in inputs:
            path = Path(folder, name + suffix)
            path.write_text(text, encoding="utf-8", newline="")
            size = path.stat().st_size
            seconds, cpu, code, stderr = run_cli(path, timeout, root)
            notes = [line for line in stderr.splitlines() if line.startswith("garblint:")]
            crashed = code not in (0, 1, None)
            rows.append({
                "case": name + suffix, "bytes": size, "seconds": seconds, "cpu": cpu, "code": code,
                # The bar is 2 s for 1 MB (of CPU time, which a loaded machine does not inflate).
                "ok": cpu is not None and not crashed and cpu <= BAR_SECONDS * max(1.0, size / MB),
                "stopped": len([n for n in notes if "stopped after" in n]),
                "error": stderr.strip().splitlines()[-1] if crashed and stderr.strip() else "",
            })
            print(_row_text(rows[-1], timeout), file=sys.stderr, flush=True)
    return rows


def _figures(row: dict, timeout: float) -> tuple[str, str, str]:
    """Wall seconds, CPU seconds and CPU seconds per MB, as shown in the table."""
    if row["seconds"] is None:
        return f">{timeout:.0f}", "", ""
    return f"{row['seconds']:.2f}", f"{row['cpu']:.2f}", f"{row['cpu'] / (max(1, row['bytes']) / MB):.2f}"


def _row_text(row: dict, timeout: float) -> str:
    wall, cpu, per_mb = _figures(row, timeout)
    extra = f"  exit {row['code']}: {row['error']}" if row["error"] else ""
    extra += f"  ({row['stopped']} rule(s) stopped by the budget)" if row["stopped"] else ""
    return f"{row['case']:<36} {row['bytes']:>9,} {wall:>8} {cpu:>8} {per_mb:>8}  {'yes' if row['ok'] else 'NO'}{extra}"


def print_table(rows: list[dict], timeout: float, markdown: bool) -> None:
    if markdown:
        print("| case | bytes | wall s | CPU s | CPU s/MB | within 2 s |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        for row in rows:
            wall, cpu, per_mb = _figures(row, timeout)
            verdict = "yes" if row["ok"] else "**no**"
            if row["stopped"]:
                verdict += f" ({row['stopped']} rule stopped by the budget)"
            print(f"| {row['case']} | {row['bytes']:,} | {wall} | {cpu} | {per_mb} | {verdict} |")
    else:
        print(f"{'case':<36} {'bytes':>9} {'wall s':>8} {'CPU s':>8} {'CPU s/MB':>8}  within {BAR_SECONDS:g} s")
        for row in rows:
            print(_row_text(row, timeout))
    failed = [r["case"] for r in rows if not r["ok"]]
    worst = max((r for r in rows if r["cpu"] is not None), key=lambda r: r["cpu"], default=None)
    summary = f"{len(rows) - len(failed)} of {len(rows)} cases within {BAR_SECONDS:g} s of CPU time"
    if worst:
        summary += f"; slowest {worst['case']} at {worst['cpu']:.2f} s"
    if failed:
        summary += "; over the bar: " + ", ".join(failed)
    print(("\n" if markdown else "") + summary + ".")


def per_rule(inputs, threshold: float, all_rules: bool = False) -> None:
    """Time the shared parsing and each rule on each input, in-process; print the slow ones.

    Rules that are off by default (readability, the LanguageTool grammar check)
    are timed only with ``all_rules``.
    """
    sys.path.insert(0, str(ROOT))
    from garblint.linter.engine.config import Config
    from garblint.linter.engine.plugins import all_rule_classes, plugin_manager
    from garblint.linter.engine.runner import Linter

    linter = Linter(Config())
    classes = all_rule_classes(plugin_manager(()))
    for name, suffix, text in inputs:
        timings = []
        started = time.perf_counter()
        doc = linter.parse(text, "case" + suffix)
        timings.append(("parse", time.perf_counter() - started))
        for stage in ("paragraphs", "sentences", "tokens"):
            started = time.perf_counter()
            getattr(doc, stage)
            timings.append((stage, time.perf_counter() - started))
        for cls in classes:
            if cls.scope != "document" or not (cls.enabled_by_default or all_rules):
                continue
            rule = cls()
            started = time.perf_counter()
            try:
                list(rule.check(doc))
            except Exception as exc:  # report, and go on with the next rule
                timings.append((f"{cls.code} FAILED {type(exc).__name__}", 0.0))
                continue
            timings.append((f"{cls.code} ({cls.name})", time.perf_counter() - started))
        total = sum(t for _, t in timings)
        slow = [(label, t) for label, t in timings if t >= threshold]
        shown = ", ".join(f"{label} {t:.2f}s" for label, t in sorted(slow, key=lambda x: -x[1]))
        print(f"{name + suffix:<36} {len(text):>9,} total {total:6.2f}s  {shown}", flush=True)


def compare_case(size: int, timeout: float, root: Path = ROOT) -> None:
    """``garblint compare`` of two texts of ``size`` characters: an original and a light rewrite."""
    rng = random.Random(6)
    sentences = [PROSE.replace("2019", str(2000 + i % 20)).replace("3.5", f"{i % 9}.{i % 7}") for i in range(size // len(PROSE) + 1)]
    original = "\n\n".join(sentences)[:size]
    rewrite = "\n\n".join(s.replace("useful", rng.choice(["helpful", "useful", "valuable"])) for s in sentences)[:size]
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder, "original.txt"), Path(folder, "rewrite.txt")
        a.write_text(original, encoding="utf-8")
        b.write_text(rewrite, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(root))
        started = time.perf_counter()
        try:
            subprocess.run([sys.executable, "-m", "garblint", "compare", "--no-config", str(a), str(b)], cwd=root, env=env,
                           stdout=subprocess.DEVNULL, timeout=timeout)
            print(f"compare of two {size:,}-character files: {time.perf_counter() - started:.2f} s")
        except subprocess.TimeoutExpired:
            print(f"compare of two {size:,}-character files: over {timeout:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=MB, help="characters per case (default 1,000,000)")
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--generated", type=int, default=20, help="hypothesis-generated cases (default 20)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a CLI run is given up")
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    parser.add_argument("--per-rule", action="store_true", help="time each rule in-process instead of the CLI")
    parser.add_argument("--threshold", type=float, default=0.1, help="with --per-rule, show stages slower than this")
    parser.add_argument("--all-rules", action="store_true", help="with --per-rule, also the rules that are off by default")
    parser.add_argument("--root", type=Path, default=ROOT, help="the garblint source tree to run (default: this one)")
    parser.add_argument("--compare", action="store_true", help="time compare mode on two files of --size characters")
    args = parser.parse_args(argv)
    if args.compare:
        compare_case(args.size, args.timeout, args.root)
        return 0
    names = args.only.split(",") if args.only else None
    inputs = build_inputs(names, args.size, args.generated)
    if args.per_rule:
        per_rule(inputs, args.threshold, args.all_rules)
        return 0
    rows = cli_table(inputs, args.timeout, args.root)
    print_table(rows, args.timeout, args.markdown)
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
