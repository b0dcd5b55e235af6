#!/usr/bin/env python3
"""garblint on real machine translation: the MQM-annotated WMT zh->en outputs.

Data: the expert MQM annotations of the WMT newstest2020 and newstest2021
Chinese-to-English submissions (and their human references), from

    github:google/wmt-mqm-human-evaluation   (Apache License 2.0)
    M. Freitag, G. Foster, D. Grangier, V. Ratnakar, Q. Tan, W. Macherey.
    "Experts, Errors, and Context: A Large-Scale Study of Human Evaluation
    for Machine Translation". TACL 9 (2021), arXiv:2104.14478.

Each TSV row is one error (or a "No-error" mark) that one rater gave one
segment: system, doc, doc_id, seg_id, rater, source, target, category,
severity, with the error's span marked by <v>...</v> in the target. The two
zh->en TSVs are larger than the local git mirror of that repository keeps; when
they are missing there, the same files are read from the WMT 2022 Quality
Estimation shared task's copy (github:WMT-QE-Task/wmt-qe-2022-data,
train-dev_data/task1_word-level/train/zh-en_mqm/*.tar.gz), which packs them
unchanged (newstest2020 as of May 2022, newstest2021 as of July 2022, before
the category names were normalised: the 2020 file says "no-error", the 2021
file "No-error").

In the 2020 file many raters' targets carry their own post-edit, inserted
into the text (often as the marked span itself). A segment's text is
therefore the target (markers removed) that most of its raters saw, ties
going to the shorter; a row whose target differs from it has its span
carried over to that text through the unchanged characters, and is left out
when an end of the span lies in the inserted text (the script prints how
many rows were moved or left out).

What it measures, linting one document per (system, doc) with the segments
in order, one per line:

(a) recall: how many Major Fluency error spans (category "Fluency/...",
    severity Major) a finding of any rule overlaps, per subcategory; a finding
    counts when it is localized as in /work/shared/tools/score.py (no longer
    than three times the span or the span plus 60 characters);
(b) false positives: findings per 100 segments, by rule, on the segments that
    every rater called clean (only "No-error" rows). The target is at most 1.

    python benchmarks/mqm.py                    # both test sets, text tables
    python benchmarks/mqm.py --markdown         # tables for BENCHMARKS.md
    python benchmarks/mqm.py --sets newstest2021 --show 10

Parsed segments are cached in .cache/mqm/<set>.json. Mirrors are looked for
under /work/.mirror (``--mirror-root``), as ``owner+name/repo`` git dirs.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import subprocess
import sys
import tarfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from garblint.linter.api import make_linter  # noqa: E402

CACHE = ROOT / ".cache" / "mqm"
DEFAULT_MIRROR_ROOT = Path("/work/.mirror")
GOOGLE = "google+wmt-mqm-human-evaluation"
QE2022 = "WMT-QE-Task+wmt-qe-2022-data"
QE_DIR = "train-dev_data/task1_word-level/train/zh-en_mqm"
# For each test set, where its TSV may be found: (mirror, path in the repo, member of a tarball or None).
SOURCES = {
    "newstest2020": [
        (GOOGLE, "newstest2020/zhen/mqm_newstest2020_zhen.tsv", None),
        (QE2022, f"{QE_DIR}/zh-en-train-2020.tar.gz", "zh-en-train-2020/mqm_newstest2020_zhen.tsv"),
    ],
    "newstest2021": [
        (GOOGLE, "newstest2021/zhen/mqm_newstest2021_zhen.tsv", None),
        (QE2022, f"{QE_DIR}/zh-en-train-2021-news.tar.gz", "zh-en-train-2021-news/mqm-newstest2021_zhen.tsv"),
    ],
}
PARSE_VERSION = 3


# -- reading the annotations ---------------------------------------------------

def _git_blob(repo: Path, path: str) -> bytes | None:
    done = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True)
    return done.stdout if done.returncode == 0 and done.stdout else None


def read_tsv(test_set: str, mirror_root: Path) -> tuple[str, str]:
    """The TSV's text and a description of where it came from."""
    tried = []
    for mirror, path, member in SOURCES[test_set]:
        repo = mirror_root / mirror / "repo"
        tried.append(f"{mirror}:{path}")
        if not repo.exists():
            continue
        data = _git_blob(repo, path)
        if data is None:
            continue
        if member is not None:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
                data = archive.extractfile(member).read()
        commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
        where = f"github:{mirror.replace('+', '/')}@{commit[:12]}:{path}" + (f"!{member}" if member else "")
        return data.decode("utf-8"), where
    raise SystemExit(f"mqm.py: no copy of the {test_set} TSV found (tried {', '.join(tried)})")


def _is_no_error(category: str) -> bool:
    return category.strip().lower() == "no-error"


def _marked_span(target: str) -> tuple[int, int] | None:
    """The span a row's <v>...</v> marks, in the target with the markers removed."""
    if target.count("<v>") != 1 or target.count("</v>") != 1:
        return None
    start, close = target.index("<v>"), target.index("</v>")
    if close < start:
        return None
    return start, close - 3


def _map_span(shown: str, canonical: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span's place in ``canonical`` when ``shown`` is it with a rater's edit inserted.

    None when either end of the span falls inside text the rater added.
    """
    matcher = difflib.SequenceMatcher(None, shown, canonical, autojunk=False)

    def place(pos: int) -> int | None:
        for a, b, size in matcher.get_matching_blocks():
            if a <= pos < a + size:
                return b + pos - a
        return None

    start, last = place(span[0]), place(span[1] - 1)
    if start is None or last is None or last < start:
        return None
    return start, last + 1


def parse(text: str) -> dict:
    """Segments with their canonical text, clean flag and error spans."""
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    if header[:9] != ["system", "doc", "doc_id", "seg_id", "rater", "source", "target", "category", "severity"]:
        raise SystemExit(f"mqm.py: unexpected TSV header {header}")
    rows_by_segment: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for row in reader:
        if len(row) < 9:
            continue
        rows_by_segment[(row[0], row[3])].append(row)
    segments = []
    skipped = Counter()
    moved = 0
    for (system, seg_id), rows in rows_by_segment.items():
        # One vote per rater for each text that rater's rows show.
        votes: Counter = Counter()
        for rater in {r[4] for r in rows}:
            for variant in {r[6].replace("<v>", "").replace("</v>", "") for r in rows if r[4] == rater}:
                votes[variant] += 1
        canonical = min(votes, key=lambda v: (-votes[v], len(v), v))
        errors = []
        for r in rows:
            category, severity = r[7], r[8]
            if _is_no_error(category):
                continue
            span = _marked_span(r[6])
            if span is None:
                skipped["no single <v> span (omissions)"] += 1
                continue
            shown = r[6].replace("<v>", "").replace("</v>", "")
            if shown != canonical:
                span = _map_span(shown, canonical, span)
                if span is None:
                    skipped["span inside a rater's edit"] += 1
                    continue
                moved += 1
            errors.append({"start": span[0], "end": span[1], "category": category, "severity": severity, "rater": r[4]})
        segments.append({
            "system": system, "doc": rows[0][1], "seg_id": int(seg_id),
            "text": canonical.replace("\r", " ").replace("\n", " "),
            "raters": sorted({r[4] for r in rows}),
            "clean": all(_is_no_error(r[7]) for r in rows),
            "errors": errors,
        })
    segments.sort(key=lambda s: (s["system"], s["doc"], s["seg_id"]))
    return {"segments": segments, "skipped_rows": dict(skipped), "moved_rows": moved}


def load(test_set: str, mirror_root: Path) -> dict:
    cached = CACHE / f"{test_set}.json"
    if cached.exists():
        data = json.loads(cached.read_text(encoding="utf-8"))
        if data.get("version") == PARSE_VERSION:
            return data
    text, where = read_tsv(test_set, mirror_root)
    data = parse(text)
    data.update(version=PARSE_VERSION, source=where, test_set=test_set)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


# -- linting and scoring -------------------------------------------------------

def documents(segments: list[dict]):
    """(path, text, [(segment, offset of its line)]) per system and document."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for seg in segments:
        grouped[(seg["system"], seg["doc"])].append(seg)
    for (system, doc), segs in sorted(grouped.items()):
        segs.sort(key=lambda s: s["seg_id"])
        placed, offset, lines = [], 0, []
        for seg in segs:
            placed.append((seg, offset))
            lines.append(seg["text"])
            offset += len(seg["text"]) + 1
        yield f"{system}/{doc}.txt", "\n".join(lines) + "\n", placed


def localized_overlap(f_start: int, f_end: int, g_start: int, g_end: int) -> bool:
    """score.py's criterion: overlap, and the finding not much longer than the span."""
    f_end = max(f_end, f_start + 1)
    length = g_end - g_start
    return f_start < g_end and g_start < f_end and f_end - f_start <= max(3 * length, length + 60)


def evaluate(data: dict, show: int = 0) -> dict:
    linter = make_linter()
    fluency = defaultdict(lambda: {"spans": 0, "found": 0, "rules": Counter()})
    empty_spans = 0
    clean_segments = clean_words = 0
    clean_hits: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    words = n_segments = n_docs = 0
    all_findings = on_flagged_segments = on_error_spans = 0
    for path, text, placed in documents(data["segments"]):
        n_docs += 1
        findings = linter.lint_text(text, path).findings
        starts = sorted(findings, key=lambda f: f.start)
        for seg, offset in placed:
            n_segments += 1
            words += len(seg["text"].split())
            line_end = offset + len(seg["text"])
            inside = [f for f in starts if offset <= f.start <= line_end]
            all_findings += len(inside)
            if seg["errors"] or not seg["clean"]:
                on_flagged_segments += len(inside)
            spans = [(offset + e["start"], offset + e["end"]) for e in seg["errors"] if e["end"] > e["start"]]
            on_error_spans += sum(1 for f in inside if any(localized_overlap(f.start, f.end, a, b) for a, b in spans))
            if seg["clean"]:
                clean_segments += 1
                clean_words += len(seg["text"].split())
                for f in inside:
                    clean_hits[f"{f.code} {f.rule}"][f.severity] += 1
                    key = f"{f.code} {f.rule}"
                    if len(examples[key]) < show:
                        examples[key].append(f"  {path}#{seg['seg_id']}: [{text[f.start:f.end]}] {seg['text'][:160]}")
            for err in seg["errors"]:
                if not (err["category"].startswith("Fluency") and err["severity"] == "Major"):
                    continue
                if err["end"] <= err["start"]:
                    empty_spans += 1
                    continue
                g0, g1 = offset + err["start"], offset + err["end"]
                bucket = fluency[err["category"]]
                bucket["spans"] += 1
                hit = [f for f in findings if localized_overlap(f.start, f.end, g0, g1)]
                if hit:
                    bucket["found"] += 1
                    for code in {f.code for f in hit}:
                        bucket["rules"][code] += 1
    if linter.rule_errors:
        print(f"{len(linter.rule_errors)} rule errors, first: {linter.rule_errors[0]}", file=sys.stderr)
    return {
        "documents": n_docs, "segments": n_segments, "words": words,
        "systems": len({s["system"] for s in data["segments"]}),
        "fluency": fluency, "empty_spans": empty_spans,
        "clean_segments": clean_segments, "clean_words": clean_words,
        "clean_hits": clean_hits, "examples": examples,
        "all_findings": all_findings, "on_flagged_segments": on_flagged_segments, "on_error_spans": on_error_spans,
    }


# -- reporting -----------------------------------------------------------------

def report(name: str, data: dict, result: dict, markdown: bool, elapsed: float) -> None:
    def row(cells):  # noqa: E306
        if markdown:
            print("| " + " | ".join(str(c) for c in cells) + " |")
        else:
            print("  ".join(f"{str(c):<{w}}" for c, w in zip(cells, (36, 8, 8, 8, 40))))
    print(f"\n{'### ' if markdown else ''}{name}: {result['systems']} systems, {result['documents']} documents, "
          f"{result['segments']:,} segments, {result['words']:,} words ({elapsed:.0f} s)")
    print(f"\nsource: {data['source']}")
    if data["skipped_rows"]:
        print("error rows left out of the span counts: " + ", ".join(f"{v} ({k})" for k, v in sorted(data["skipped_rows"].items())))
    if data["moved_rows"]:
        print(f"error rows whose span was carried past a rater's edit: {data['moved_rows']}")
    print(f"\n(a) Major Fluency error spans overlapped by a finding ({result['empty_spans']} empty spans left out)\n")
    row(["category", "spans", "found", "recall", "rules that found them"])
    if markdown:
        print("| --- | ---: | ---: | ---: | --- |")
    total = found = 0
    for category, b in sorted(result["fluency"].items(), key=lambda kv: -kv[1]["spans"]):
        total += b["spans"]
        found += b["found"]
        rules = ", ".join(f"{c} {n}" for c, n in b["rules"].most_common(5))
        row([category, b["spans"], b["found"], f"{b['found'] / max(b['spans'], 1):.3f}", rules or "-"])
    row(["all Major Fluency", total, found, f"{found / max(total, 1):.3f}", ""])
    n = result["clean_segments"]
    print(f"\n(b) findings per 100 clean segments ({n:,} segments that every rater called clean, "
          f"{result['clean_words']:,} words)\n")
    if markdown:
        print("| rule | error | warning | info | per 100 segments |")
        print("| --- | ---: | ---: | ---: | ---: |")
    else:
        print(f"{'rule':<40} {'error':>6} {'warning':>8} {'info':>6} {'per 100':>8}")
    serious = infos = 0
    for key, c in sorted(result["clean_hits"].items(), key=lambda kv: -sum(kv[1].values())):
        total_rule = sum(c.values())
        serious += c["error"] + c["warning"]
        infos += c["info"]
        cells = [key, c["error"], c["warning"], c["info"], f"{total_rule * 100 / max(n, 1):.2f}"]
        if markdown:
            print("| " + " | ".join(str(x) for x in cells) + " |")
        else:
            print(f"{cells[0]:<40} {cells[1]:>6} {cells[2]:>8} {cells[3]:>6} {cells[4]:>8}")
        for line in result["examples"].get(key, []):
            print(line)
    print(f"\nwarnings+errors per 100 clean segments: {serious * 100 / max(n, 1):.2f}; "
          f"info: {infos * 100 / max(n, 1):.2f}")
    total_findings = result["all_findings"]
    print(f"\n(c) all findings, every severity: {total_findings:,} on {result['segments']:,} segments "
          f"({total_findings * 100 / max(result['segments'], 1):.2f} per 100); "
          f"{result['on_flagged_segments']:,} on segments some rater flagged, "
          f"{result['on_error_spans']:,} overlapping an annotated error span of any category")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", choices=sorted(SOURCES), default=sorted(SOURCES))
    parser.add_argument("--mirror-root", type=Path, default=DEFAULT_MIRROR_ROOT)
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--show", type=int, default=0, help="print up to N flagged clean segments per rule")
    args = parser.parse_args(argv)
    print("Command: python benchmarks/mqm.py " + " ".join(argv if argv is not None else sys.argv[1:]))
    for name in args.sets:
        data = load(name, args.mirror_root)
        started = time.perf_counter()
        result = evaluate(data, args.show)
        report(name, data, result, args.markdown, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
