"""Built-in plugin: the output formats (text, json, sarif, github)."""
from __future__ import annotations

import json
from typing import IO

from . import __version__, hookimpl
from .findings import SEVERITIES

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
CONTEXT = 60  # characters of a long line shown around a finding


class Reporter:
    """Writes a run's results to ``stream``. Subclasses implement ``report``."""

    def __init__(self, stream: IO[str], options: dict | None = None):
        self.stream = stream
        self.options = options or {}

    def report(self, results, summary: dict) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class TextReporter(Reporter):
    """ruff-style: ``path:line:col: CODE severity message``, the line, a caret."""

    needs_text = True

    def paint(self, text: str, colour: str) -> str:
        if not self.options.get("color"):
            return text
        return f"{_COLOURS[colour]}{text}{_COLOURS['reset']}"

    def report(self, results, summary: dict) -> None:
        write = self.stream.write
        quiet = self.options.get("quiet")
        for result in results:
            lines = result.text.split("\n") if result.text is not None else None
            for f in result.findings:
                location = self.paint(f"{f.path}:{f.line}:{f.column}:", "bold")
                write(f"{location} {self.paint(f.code, f.severity)} {f.severity} {f.message}\n")
                if quiet or lines is None:
                    continue
                write(self.source_excerpt(lines, f))
                if f.suggestions:
                    shown = ", ".join(repr(s) for s in f.suggestions[:3])
                    write(f"   {self.paint('=', 'dim')} suggestion: {shown}\n")
                write("\n")
        if not quiet or summary["findings"]:
            write(self.summary_line(summary) + "\n")

    def source_excerpt(self, lines: list[str], f) -> str:
        line = lines[f.line - 1] if f.line - 1 < len(lines) else ""
        start = f.column - 1
        end = f.end_column - 1 if f.end_line == f.line else len(line)
        end = max(end, start + 1)
        left = max(0, start - CONTEXT)
        right = min(len(line), end + CONTEXT)
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        shown = prefix + line[left:right].replace("\t", " ") + suffix
        caret_at = len(prefix) + start - left
        gutter = " " * len(str(f.line))
        marks = "^" * max(1, min(end, right) - start)
        return (
            f"{gutter} {self.paint('|', 'dim')}\n"
            f"{f.line} {self.paint('|', 'dim')} {shown}\n"
            f"{gutter} {self.paint('|', 'dim')} {' ' * caret_at}{self.paint(marks, f.severity)}\n"
        )

    @staticmethod
    def summary_line(summary: dict) -> str:
        counts = summary["by_severity"]
        total = summary["findings"]
        failed = summary.get("file_errors", 0)
        linted = summary["files"] - failed
        plural = lambda n, word: f"{n} {word}{'s' if n != 1 else ''}"  # noqa: E731
        if failed and not linted:
            text = f"Nothing linted: {plural(failed, 'file')} could not be read."
        elif not total:
            text = f"{'No findings' if failed else 'All clear: no findings'} in {plural(linted, 'file')}."
        else:
            parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in reversed(SEVERITIES) if counts[s])
            text = f"Found {plural(total, 'finding')} ({parts}) in {plural(linted, 'file')}."
        if failed and linted:
            text += f" {plural(failed, 'file')} could not be read."
        if summary.get("fixable"):
            text += f" {summary['fixable']} fixable with --fix."
        if summary.get("baselined"):
            text += f" {summary['baselined']} baselined finding{'s' if summary['baselined'] != 1 else ''} hidden."
        return text


class JsonReporter(Reporter):
    def report(self, results, summary: dict) -> None:
        findings = [f.to_dict() for result in results for f in result.findings]
        payload = {"version": __version__, "findings": findings, "summary": summary}
        if any(r.error for r in results):
            payload["errors"] = [{"path": r.path, "message": r.error} for r in results if r.error]
        json.dump(payload, self.stream, ensure_ascii=False, indent=1)
        self.stream.write("\n")


class SarifReporter(Reporter):
    """SARIF 2.1.0, as GitHub code scanning and other viewers read it."""

    def report(self, results, summary: dict) -> None:
        rule_classes = self.options.get("rule_classes", [])
        used = sorted({f.code for r in results for f in r.findings})
        catalogue = [c for c in rule_classes if c.code in used]
        index = {c.code: i for i, c in enumerate(catalogue)}
        rules = [
            {
                "id": c.code,
                "name": c.name,
                "shortDescription": {"text": c.summary or c.name},
                "fullDescription": {"text": " ".join(c.explanation.split()) or c.summary},
                "help": {"text": c.documentation()},
                "defaultConfiguration": {"level": SARIF_LEVELS[c.severity]},
                "properties": {"family": c.family},
            }
            for c in catalogue
        ]
        sarif_results = []
        for result in results:
            for f in result.findings:
                entry = {
                    "ruleId": f.code,
                    "level": SARIF_LEVELS[f.severity],
                    "message": {"text": f.message},
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": {"uri": f.path.replace("\\", "/")},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                            },
                        }
                    }],
                    "partialFingerprints": {"garblint/v1": f.fingerprint},
                    "properties": {"family": f.family, "rule": f.rule},
                }
                if f.code in index:
                    entry["ruleIndex"] = index[f.code]
                if f.suggestions:
                    entry["properties"]["suggestions"] = list(f.suggestions)
                sarif_results.append(entry)
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "garblint",
                    "version": __version__,
                    "informationUri": "https://pypi.org/project/garblint/",
                    "rules": rules,
                }},
                "results": sarif_results,
                "columnKind": "unicodeCodePoints",
            }],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=1)
        self.stream.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: one annotation per finding."""

    LEVELS = {"error": "error", "warning": "warning", "info": "notice"}

    def report(self, results, summary: dict) -> None:
        for result in results:
            for f in result.findings:
                props = ",".join([
                    f"file={_escape_property(f.path)}",
                    f"line={f.line}",
                    f"col={f.column}",
                    f"endLine={f.end_line}",
                    f"endColumn={f.end_column}",
                    f"title={_escape_property(f'{f.code} {f.rule}')}",
                ])
                self.stream.write(f"::{self.LEVELS[f.severity]} {props}::{_escape_data(f.message)}\n")


@hookimpl
def garblint_reporters():
    return {"text": TextReporter, "json": JsonReporter, "sarif": SarifReporter, "github": GithubReporter}
