"""Built-in plugin: the output formats (text, json, sarif, github, gitlab, junit, rdjson, html)."""
from __future__ import annotations

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path, PurePath
from typing import IO
from urllib.parse import quote

from garblint.linter import __version__, hookimpl
from garblint.linter.engine.findings import SEVERITIES, severity_rank

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
CONTEXT = 60  # characters of a long line shown around a finding
# Where garblint is documented; each rule's help link points into its rule table.
DOCS_URL = "https://pypi.org/project/garblint/"
RULE_DOCS_URL = DOCS_URL + "#rules"


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


def repository_root(start: str | None = None) -> str:
    """The nearest folder at or above ``start`` (the current one) holding ``.git``; else ``start``."""
    here = os.path.abspath(start or os.getcwd())
    folder = here
    while True:
        if os.path.exists(os.path.join(folder, ".git")):  # a folder, or a file in a worktree or submodule
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent


def relative_to_root(path: str, root: str) -> str | None:
    """``path`` relative to ``root`` with forward slashes, or None when it lies outside."""
    for resolve in (os.path.abspath, os.path.realpath):
        try:
            relative = os.path.relpath(resolve(path), resolve(root))
        except ValueError:  # another drive
            continue
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return PurePath(relative).as_posix()
    return None


def folder_uri(folder: str) -> str:
    """A folder's file:// URI, ending in "/" as SARIF asks of a base URI."""
    uri = Path(folder).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def rule_docs_url(code: str) -> str:
    """Where a rule is documented (the README's rule table, as published)."""
    return RULE_DOCS_URL


def fixable_codes(options: dict) -> set[str]:
    return {c.code for c in options.get("rule_classes", []) if c.fixable}


def source_lines(text: str) -> list[str]:
    """The text's lines as the runner counts them (at "\n"), without a leading byte order mark."""
    lines = text.split("\n")
    if lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines


class SarifReporter(Reporter):
    """SARIF 2.1.0, as GitHub code scanning reads it: paths relative to the repository root."""

    def report(self, results, summary: dict) -> None:
        rule_classes = self.options.get("rule_classes", [])
        fixable = fixable_codes(self.options)
        root = repository_root()
        used = sorted({f.code for r in results for f in r.findings})
        catalogue = [c for c in rule_classes if c.code in used]
        index = {c.code: i for i, c in enumerate(catalogue)}
        rules = [
            {
                "id": c.code,
                "name": c.name,
                "shortDescription": {"text": c.summary or c.name},
                "fullDescription": {"text": " ".join(c.explanation.split()) or c.summary or c.name},
                "helpUri": rule_docs_url(c.code),
                "help": {"text": c.documentation(), "markdown": c.documentation_markdown()},
                "defaultConfiguration": {"level": SARIF_LEVELS[c.severity]},
                "properties": {"family": c.family, "tags": [c.family]},
            }
            for c in catalogue
        ]
        sarif_results = []
        for result in results:
            for f in result.findings:
                location = self.artifact_location(f.path, root)
                region = {
                    "startLine": f.line,
                    "startColumn": f.column,
                    "endLine": f.end_line,
                    "endColumn": f.end_column,
                    "charOffset": f.start,
                    "charLength": f.end - f.start,
                }
                entry = {
                    "ruleId": f.code,
                    "level": SARIF_LEVELS[f.severity],
                    "message": {"text": f.message},
                    "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
                    "partialFingerprints": {"garblint/v1": f.fingerprint},
                    "properties": {"family": f.family, "rule": f.rule},
                }
                if f.code in index:
                    entry["ruleIndex"] = index[f.code]
                if f.suggestions:
                    entry["properties"]["suggestions"] = list(f.suggestions)
                    if f.code in fixable:
                        entry["fixes"] = [{
                            "description": {"text": f"Replace with {f.suggestions[0]!r}"},
                            "artifactChanges": [{
                                "artifactLocation": location,
                                "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.suggestions[0]}}],
                            }],
                        }]
                sarif_results.append(entry)
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "garblint",
                    "version": __version__,
                    "informationUri": DOCS_URL,
                    "rules": rules,
                }},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": folder_uri(root)}},
                "results": sarif_results,
                "columnKind": "unicodeCodePoints",
            }],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=1)
        self.stream.write("\n")

    @staticmethod
    def artifact_location(path: str, root: str) -> dict:
        """Relative to %SRCROOT% when the file is in the repository; an absolute file URI otherwise."""
        if path == "-":
            return {"uri": "-"}
        relative = relative_to_root(path, root)
        if relative is None:
            return {"uri": Path(os.path.abspath(path)).as_uri()}
        return {"uri": quote(relative, safe="/"), "uriBaseId": "%SRCROOT%"}


class GitlabReporter(Reporter):
    """GitLab Code Quality: a JSON array of issues, paths relative to the repository root."""

    SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}

    def report(self, results, summary: dict) -> None:
        root = repository_root()
        issues = []
        for result in results:
            path = result.path if result.path == "-" else (relative_to_root(result.path, root) or PurePath(result.path).as_posix())
            # GitLab matches issues across pipelines by fingerprint, so the same text
            # flagged twice in a file needs two: the occurrence number tells them apart.
            seen: Counter = Counter()
            for f in result.findings:
                seen[(f.code, f.fingerprint)] += 1
                identity = f"{path}\0{f.code}\0{f.fingerprint}\0{seen[(f.code, f.fingerprint)]}"
                issues.append({
                    "type": "issue",
                    "description": f"{f.code} {f.message}",
                    "check_name": f"{f.code} {f.rule}",
                    "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32],
                    "severity": self.SEVERITIES[f.severity],
                    "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
                })
        json.dump(issues, self.stream, ensure_ascii=False, indent=1)
        self.stream.write("\n")


# XML 1.0 has no way to write these characters, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


class JunitReporter(Reporter):
    """JUnit XML as ruff writes it: a test suite per file, a failing test case per finding.

    A file without findings gets one passing test case, so a CI dashboard
    counts every linted file.
    """

    def report(self, results, summary: dict) -> None:
        total = sum(len(r.findings) for r in results)
        suites = ET.Element("testsuites", name="garblint", tests=str(sum(max(1, len(r.findings)) for r in results) or 1),
                            failures=str(total), errors="0")
        for result in results:
            path = PurePath(result.path).as_posix() if result.path != "-" else "-"
            classname = _xml_text(str(PurePath(path).with_suffix("")) if path != "-" else "stdin")
            suite = ET.SubElement(suites, "testsuite", name=_xml_text(path), tests=str(max(1, len(result.findings))),
                                  failures=str(len(result.findings)), errors="0", skipped="0", package="garblint")
            if not result.findings:
                ET.SubElement(suite, "testcase", name="no findings", classname=classname)
            for f in result.findings:
                case = ET.SubElement(suite, "testcase", name=f"garblint.{f.code}", classname=classname,
                                     file=_xml_text(path), line=str(f.line), column=str(f.column))
                failure = ET.SubElement(case, "failure", message=_xml_text(f.message), type=f.severity)
                failure.text = _xml_text(f"line {f.line}, col {f.column}, {f.code} {f.rule} ({f.severity}): {f.message}")
        if not results:
            suite = ET.SubElement(suites, "testsuite", name="garblint", tests="1", failures="0", errors="0",
                                  skipped="0", package="garblint")
            ET.SubElement(suite, "testcase", name="no findings", classname="garblint")
        ET.indent(suites)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(suites, encoding="unicode"))
        self.stream.write("\n")


class RdjsonReporter(Reporter):
    """reviewdog's Diagnostic Format (rdjson); columns count UTF-8 bytes, as the format asks."""

    needs_text = True
    SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}

    def report(self, results, summary: dict) -> None:
        fixable = fixable_codes(self.options)
        diagnostics = []
        for result in results:
            lines = source_lines(result.text) if result.text is not None else None

            def position(line: int, column: int) -> dict:
                if lines is not None and line - 1 < len(lines):
                    column = len(lines[line - 1][:column - 1].encode("utf-8", "surrogatepass")) + 1
                return {"line": line, "column": column}

            for f in result.findings:
                span = {"start": position(f.line, f.column), "end": position(f.end_line, f.end_column)}
                diagnostic = {
                    "message": f.message,
                    "location": {"path": PurePath(f.path).as_posix() if f.path != "-" else "-", "range": span},
                    "severity": self.SEVERITIES[f.severity],
                    "code": {"value": f.code, "url": rule_docs_url(f.code)},
                }
                if f.code in fixable and f.suggestions:
                    diagnostic["suggestions"] = [{"range": span, "text": f.suggestions[0]}]
                diagnostics.append(diagnostic)
        payload = {"source": {"name": "garblint", "url": DOCS_URL}, "diagnostics": diagnostics}
        if diagnostics:
            worst = max((f.severity for r in results for f in r.findings), key=severity_rank)
            payload["severity"] = self.SEVERITIES[worst]
        json.dump(payload, self.stream, ensure_ascii=False, indent=1)
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
    from garblint.linter.reporters.html import HtmlReporter  # imports this module's Reporter

    return {
        "text": TextReporter,
        "json": JsonReporter,
        "sarif": SarifReporter,
        "github": GithubReporter,
        "gitlab": GitlabReporter,
        "junit": JunitReporter,
        "rdjson": RdjsonReporter,
        "html": HtmlReporter,
    }
