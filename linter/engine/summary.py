"""Figures over a run's results: the summary every reporter gets, per-document
statistics and readability weighted by words. Computed here once, read by the reporters."""
from __future__ import annotations

from collections import Counter

from garblint.linter.engine.findings import SEVERITIES


def sort_results(results, key: str):
    """Order documents for the report: by path (as linted), garble density or readability."""
    if key == "density":
        return sorted(results, key=lambda r: -len(r.findings) / max(r.words, 1))
    if key == "readability":
        def ease(r):
            return (r.readability or {}).get("flesch_reading_ease", float("inf"))
        return sorted(results, key=ease)
    return results

def summarize(results, baselined: int = 0) -> dict:
    by_severity = Counter({s: 0 for s in SEVERITIES})
    by_rule: Counter = Counter()
    by_family: Counter = Counter()
    for result in results:
        for f in result.findings:
            by_severity[f.severity] += 1
            by_rule[f.code] += 1
            by_family[f.family] += 1
    return {
        "files": len(results),
        "findings": sum(by_severity.values()),
        "by_severity": dict(by_severity),
        "by_rule": dict(sorted(by_rule.items())),
        "by_family": dict(sorted(by_family.items())),
        "words": sum(r.words for r in results),
        "sentences": sum(r.sentences for r in results),
        "file_errors": sum(1 for r in results if r.error),
        "baselined": baselined,
    }

def document_stats(results) -> list[dict]:
    rows = []
    for r in results:
        if r.error:
            continue
        families = Counter(f.family for f in r.findings)
        per_k = {fam: round(n * 1000 / max(r.words, 1), 2) for fam, n in sorted(families.items())}
        rows.append({
            "path": r.path,
            "words": r.words,
            "sentences": r.sentences,
            "findings": len(r.findings),
            "findings_per_1000_words": round(len(r.findings) * 1000 / max(r.words, 1), 2),
            "by_family_per_1000_words": per_k,
            "readability": r.readability,
        })
    return rows

def weighted_readability(rows: list[dict]) -> dict:
    """Readability of the whole run: each measure averaged over documents, weighted by words."""
    totals: Counter = Counter()
    weight = 0
    for row in rows:
        scores = row.get("readability")
        if scores:
            weight += row["words"]
            for name, value in scores.items():
                totals[name] += value * row["words"]
    return {name: round(value / weight, 2) for name, value in totals.items()} if weight else {}
