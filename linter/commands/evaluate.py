"""Measuring garblint on annotated data: recall, precision, false-positive rates.

A gold file is a YAML list of entries in the format of ``seeds/expected.yaml``::

    - doc: article.txt            # a document in the docs folder
      quote: "orderaccording"     # exact text of the artifact
      occurrence: 1               # which occurrence of the quote (default 1)
      family: fused-words
      severity: error
      tier: core                  # core | pair | stretch (any label works)
      original: source.txt        # optional: the entry needs compare mode
    - doc: clean-article.txt
      clean: true                 # the whole document is clean

A gold entry is found when a finding on its document overlaps the quote and
is localised: no longer than three times the quote or the quote plus 60
characters, whichever is more. Documents in the folder that the gold file
does not name are clean: every finding on them is a false positive.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from garblint.linter.engine.findings import Finding
from garblint.linter.engine.runner import InputError, Linter, read_source

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass
class GoldEntry:
    doc: str
    quote: str
    family: str = ""
    severity: str = ""
    tier: str = "core"
    occurrence: int = 1
    original: str | None = None
    span: tuple[int, int] = (0, 0)
    found: bool = False


@dataclass
class Evaluation:
    entries: list[GoldEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unmatched: list[Finding] = field(default_factory=list)
    clean_docs: set[str] = field(default_factory=set)
    words: int = 0

    def recall_by(self, key: str) -> dict[str, tuple[int, int]]:
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for entry in self.entries:
            row = table[getattr(entry, key)]
            row[0] += entry.found
            row[1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}

    @property
    def precision(self) -> float:
        if not self.findings:
            return 1.0
        return 1 - len(self.unmatched) / len(self.findings)

    def to_dict(self) -> dict:
        return {
            "recall_by_tier": {k: {"found": a, "total": b} for k, (a, b) in self.recall_by("tier").items()},
            "recall_by_family": {k: {"found": a, "total": b} for k, (a, b) in self.recall_by("family").items()},
            "findings": len(self.findings),
            "unmatched": [f.to_dict() for f in self.unmatched],
            "false_positives_on_clean_docs": sum(1 for f in self.unmatched if Path(f.path).name in self.clean_docs),
            "precision": round(self.precision, 4),
            "missed": [
                {"doc": e.doc, "quote": e.quote, "family": e.family, "tier": e.tier}
                for e in self.entries if not e.found
            ],
        }


def load_gold(path: str) -> tuple[list[GoldEntry], set[str]]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: gold file not found") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a gold file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
        raise InputError(f"{where}: invalid YAML: {problem}") from None
    if not isinstance(data, list):
        raise InputError(f"{path}: a gold file is a list of entries")
    entries, clean = [], set()
    for number, item in enumerate(data, 1):
        where = f"{path}: entry {number}"
        if not isinstance(item, dict) or not isinstance(item.get("doc"), str) or not item["doc"]:
            raise InputError(f"{where} has no 'doc' (the file name of its document)")
        if item.get("clean"):
            clean.add(item["doc"])
            continue
        if "quote" not in item:
            raise InputError(f"{where} has no 'quote'")
        if not isinstance(item["quote"], str) or not item["quote"]:
            raise InputError(f"{where}: 'quote' must be the exact text of the artifact, not {item['quote']!r}")
        for key in ("family", "severity", "tier", "original"):
            if item.get(key) is not None and not isinstance(item[key], str):
                raise InputError(f"{where}: '{key}' must be text, not {item[key]!r}")
        occurrence = item.get("occurrence", 1)
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
            raise InputError(f"{where}: 'occurrence' must be a whole number from 1, not {occurrence!r}")
        entries.append(GoldEntry(
            doc=item["doc"], quote=item["quote"], family=item.get("family") or "",
            severity=item.get("severity") or "", tier=item.get("tier") or "core",
            occurrence=occurrence, original=item.get("original"),
        ))
    return entries, clean


def document_names(folder: str) -> list[str]:
    """The documents of a gold folder: its text and Markdown files (not its subfolders)."""
    try:
        return sorted(n for n in os.listdir(folder) if n.lower().endswith(DOCUMENT_SUFFIXES))
    except OSError:
        return []


def locate(text: str, quote: str, occurrence: int) -> tuple[int, int] | None:
    position = -1
    for _ in range(occurrence):
        position = text.find(quote, position + 1)
        if position < 0:
            return None
    return position, position + len(quote)


def localised_overlap(finding: Finding, span: tuple[int, int]) -> bool:
    start, end = finding.start, max(finding.end, finding.start + 1)
    g0, g1 = span
    length = g1 - g0
    return start < g1 and g0 < end and end - start <= max(3 * length, length + 60)


def evaluate(gold_path: str, docs_dir: str | None, linter: Linter) -> Evaluation:
    entries, clean = load_gold(gold_path)
    folder = Path(docs_dir) if docs_dir else Path(gold_path).parent
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    names = document_names(str(folder))
    named = {e.doc for e in entries}
    for name in sorted(named | clean | {e.original for e in entries if e.original}):
        if name not in names:
            raise InputError(f"{folder / name}: document named in the gold file not found")
    result = Evaluation(entries=entries)
    result.clean_docs = clean | (set(names) - named)
    texts = {name: read_source(str(folder / name)) for name in names}
    for entry in entries:
        span = locate(texts[entry.doc], entry.quote, entry.occurrence)
        if span is None:
            which = f"occurrence {entry.occurrence} of the quote" if entry.occurrence > 1 else "quote"
            raise InputError(f"{gold_path}: {which} not found in {entry.doc}: {entry.quote!r}")
        entry.span = span
    for name in names:
        file_result = linter.lint_text(texts[name], str(folder / name))
        result.words += file_result.words
        result.findings.extend(file_result.findings)
    pairs = {(e.original, e.doc) for e in entries if e.original}
    if pairs:
        from garblint.linter.commands.compare import compare_documents  # compare mode is only loaded when asked for
        from garblint.linter.engine.plugins import selected_rules

        pair_rules = selected_rules(linter.rule_classes, linter.config, scope="pair")
        for original, rewrite in sorted(pairs):
            original_doc = linter.parse(texts[original], str(folder / original))
            rewrite_doc = linter.parse(texts[rewrite], str(folder / rewrite))
            findings = compare_documents(original_doc, rewrite_doc, pair_rules)
            result.findings.extend(linter.filter(rewrite_doc, findings))
    for finding in result.findings:
        doc = Path(finding.path).name
        hit = False
        for entry in entries:
            if entry.doc == doc and localised_overlap(finding, entry.span):
                entry.found = True
                hit = True
        if not hit:
            result.unmatched.append(finding)
    return result


def clean_rates(folder: str, linter: Linter) -> dict:
    """Findings per 10,000 words on a folder of clean text, per rule and severity."""
    from garblint.linter.engine.runner import collect_files

    files, errors = collect_files([folder], linter.config)
    if errors:
        raise InputError(errors[0])
    words = 0
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in files:
        file_result = linter.lint_path(path)
        if file_result.error:
            raise InputError(file_result.error)
        words += file_result.words
        for f in file_result.findings:
            counts[f"{f.code} {f.rule}"][f.severity] += 1
    scale = 10_000 / max(words, 1)
    rules = {
        rule: {sev: round(n * scale, 3) for sev, n in sorted(c.items())}
        for rule, c in sorted(counts.items())
    }
    totals = Counter()
    for c in counts.values():
        totals.update(c)
    return {
        "files": len(files),
        "words": words,
        "per_10000_words": rules,
        "total_per_10000_words": {sev: round(n * scale, 3) for sev, n in sorted(totals.items())},
    }


# -- the command ---------------------------------------------------------------

def command(args) -> int:
    """``garblint eval``."""
    import sys

    from garblint.linter.commands.session import EXIT_CLEAN, UsageError, load_effective_config, run_options, open_output
    import json

    from garblint.linter.engine.runner import Linter

    if not args.gold and not args.clean:
        raise UsageError("eval needs a gold file or --clean DIR")
    args.paths = [args.gold or args.clean]
    config = load_effective_config(args)
    linter = Linter(config, run_options(args))
    stream = open_output(args, eval_inputs(args, config))
    report: dict = {}
    if args.gold:
        result = evaluate(args.gold, args.docs, linter)
        report["gold"] = result.to_dict()
        report["gold"]["words"] = result.words
    if args.clean:
        report["clean"] = clean_rates(args.clean, linter)
    if args.format == "json":
        json.dump(report, stream, indent=1, ensure_ascii=False)
        stream.write("\n")
    else:
        write_eval_text(stream, report)
    if stream is not sys.stdout:
        stream.close()
    return EXIT_CLEAN

def eval_inputs(args, config) -> list[str]:
    """The files eval reads: the gold file, its documents and the clean folder's files."""
    from garblint.linter.engine.runner import collect_files

    inputs = []
    if args.gold:
        folder = args.docs or os.path.dirname(args.gold) or "."
        inputs += [args.gold] + [os.path.join(folder, name) for name in document_names(folder)]
    if args.clean:
        inputs += collect_files([args.clean], config)[0]
    return inputs

def write_eval_text(stream, report: dict) -> None:
    write = stream.write
    gold = report.get("gold")
    if gold:
        write("recall by tier:\n")
        for tier, row in gold["recall_by_tier"].items():
            write(f"  {tier:<12} {row['found']}/{row['total']}\n")
        write("recall by family:\n")
        for family, row in gold["recall_by_family"].items():
            write(f"  {family:<18} {row['found']}/{row['total']}\n")
        for missed in gold["missed"]:
            write(f"missed [{missed['tier']}] {missed['doc']}: {missed['quote']!r} ({missed['family']})\n")
        for f in gold["unmatched"]:
            write(f"unmatched {f['path']}:{f['line']}:{f['column']}: {f['code']} {f['severity']} {f['message']}\n")
        write(
            f"findings {gold['findings']}, unmatched {len(gold['unmatched'])} "
            f"(on clean documents {gold['false_positives_on_clean_docs']}), precision {gold['precision']:.2f}\n"
        )
    clean = report.get("clean")
    if clean:
        write(f"clean text: {clean['files']} files, {clean['words']} words; findings per 10,000 words:\n")
        for rule, row in clean["per_10000_words"].items():
            write(f"  {rule:<40} " + ", ".join(f"{sev} {n}" for sev, n in row.items()) + "\n")
        total = clean["total_per_10000_words"]
        write("  total: " + (", ".join(f"{sev} {n}" for sev, n in total.items()) or "none") + "\n")
