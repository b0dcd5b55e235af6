"""The Python API: lint strings with one loaded configuration and rule set.

    from garblint.linter import lint_text, lint_texts, summarize_findings

    findings = lint_text("They were able to to go.")
    for text, findings in zip(texts, lint_texts(texts)):
        ...

Findings are plain dataclasses (``to_dict()``), picklable, so any engine can
ship them between processes.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator

from garblint.linter.engine.config import Config, load_config
from garblint.linter.engine.findings import Finding, severity_rank
from garblint.linter.engine.runner import Linter

# How much one finding of each severity weighs in the garble score.
SEVERITY_WEIGHTS = {"error": 3.0, "warning": 1.0, "info": 0.25}


@lru_cache(maxsize=4)
def _default_linter() -> Linter:
    return Linter(load_config(use_project_config=False))


def make_linter(config: Config | dict | None = None) -> Linter:
    """A reusable linter: ``None`` for the built-in defaults, a Config, or a dict of settings."""
    if config is None:
        return _default_linter()
    if isinstance(config, dict):
        base = load_config(use_project_config=False)
        from garblint.linter.engine.config import apply_settings

        apply_settings(base, config, {})
        config = base
    return Linter(config)


def lint_text(text: str, config: Config | dict | None = None, path: str = "<text>") -> list[Finding]:
    """The findings for one text (plain text unless ``path`` ends in .md)."""
    return make_linter(config).lint_text(text, path).findings


def lint_texts(texts: Iterable[str], config: Config | dict | None = None) -> Iterator[list[Finding]]:
    """Findings for each text, in order, reusing one configuration and rule set."""
    linter = make_linter(config)
    for text in texts:
        yield linter.lint_text(text).findings


def summarize_findings(findings: list[Finding], words: int) -> dict:
    """Findings per 1,000 words by family, and a garble score that ranks documents.

    The score is the severity-weighted number of findings per 100 words
    (error 3, warning 1, info 0.25): 0 for clean text, about 1 and above for
    text with an artifact in most paragraphs.
    """
    families = Counter(f.family for f in findings)
    weight = sum(SEVERITY_WEIGHTS[f.severity] for f in findings)
    worst = max((f.severity for f in findings), key=severity_rank, default=None)
    return {
        "words": words,
        "findings": len(findings),
        "by_family": dict(sorted(families.items())),
        "per_1000_words": {k: round(v * 1000 / max(words, 1), 3) for k, v in sorted(families.items())},
        "worst_severity": worst,
        "garble_score": round(weight * 100 / max(words, 50), 4),
    }
