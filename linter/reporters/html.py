"""The ``html`` format: one self-contained page for reading a run's findings.

Documents are ranked by garble score, each finding is shown in its source line
with the flagged span highlighted, and checkboxes filter by family and
severity. Styles and script are inline and the page forbids itself every
network request, so it can be mailed or archived as one file.
"""
from __future__ import annotations

import html
import re
from collections import Counter

from garblint.linter import __version__
from garblint.linter.api import summarize_findings
from garblint.linter.engine.findings import SEVERITIES, severity_rank
from garblint.linter.reporters import Reporter, source_lines

CONTEXT = 80  # characters of a long line shown on each side of a finding
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def escape(value) -> str:
    """Text safe in HTML content and in quoted attributes; control characters shown as U+FFFD."""
    return html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)


STYLE = """
:root { --error: #b3261e; --warning: #9a6700; --info: #0b6bcb; --mark: #ffe08a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem 3rem; color: #1f2328; }
h1 { margin-bottom: .2rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { margin: 1.5rem 0 .4rem; font-size: 1.05rem; word-break: break-all; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.filters { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
fieldset { border: 1px solid var(--line); border-radius: 6px; }
fieldset label { margin-right: 1rem; white-space: nowrap; }
button { font: inherit; font-size: .85rem; margin: .3rem .3rem 0 0; }
.badge { display: inline-block; min-width: 4.5rem; text-align: center; border-radius: 4px; color: #fff; font-size: .8rem; padding: 0 .3rem; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
ol.findings { list-style: none; padding: 0; margin: 0; }
li.finding { border-left: 4px solid var(--line); padding: .3rem .6rem; margin: .5rem 0; background: #fafbfc; }
li.finding.error { border-color: var(--error); } li.finding.warning { border-color: var(--warning); } li.finding.info { border-color: var(--info); }
.where { color: #59636e; font-family: ui-monospace, monospace; font-size: .85rem; }
pre.context { white-space: pre-wrap; word-break: break-word; margin: .3rem 0 0; padding: .3rem .5rem; background: #fff; border: 1px solid var(--line); border-radius: 4px; font-size: .9rem; }
pre.context .lineno { color: #8c959f; user-select: none; margin-right: .8rem; }
mark { background: var(--mark); border-bottom: 2px solid #d4a72c; }
mark.empty { padding: 0 .2rem; }
.suggestion { font-size: .9rem; margin-top: .2rem; }
code.suggested { background: #dafbe1; padding: 0 .25rem; border-radius: 3px; white-space: pre-wrap; }
.clean, .all-hidden { color: #59636e; font-style: italic; }
footer { margin-top: 3rem; color: #59636e; font-size: .85rem; }
"""

# Filters: a finding is shown when its family and its severity are both ticked.
SCRIPT = """
(function () {
  "use strict";
  function ticked(selector) {
    var values = new Set();
    document.querySelectorAll(selector).forEach(function (box) { if (box.checked) { values.add(box.value); } });
    return values;
  }
  function apply() {
    var families = ticked("input.family-filter"), severities = ticked("input.severity-filter");
    document.querySelectorAll("article.document").forEach(function (doc) {
      var items = doc.querySelectorAll("li.finding"), shown = 0;
      items.forEach(function (item) {
        var visible = families.has(item.dataset.family) && severities.has(item.dataset.severity);
        item.hidden = !visible;
        if (visible) { shown += 1; }
      });
      var cell = document.getElementById(doc.id + "-shown");
      if (cell) { cell.textContent = String(shown); }
      var note = doc.querySelector(".all-hidden");
      if (note) { note.hidden = shown > 0 || items.length === 0; }
    });
  }
  function setAll(selector, checked) {
    document.querySelectorAll(selector).forEach(function (box) { box.checked = checked; });
    apply();
  }
  document.querySelectorAll("input.family-filter, input.severity-filter").forEach(function (box) {
    box.addEventListener("change", apply);
  });
  document.querySelectorAll("button[data-set]").forEach(function (button) {
    button.addEventListener("click", function () { setAll(button.dataset.target, button.dataset.set === "all"); });
  });
  apply();
})();
"""


def context_html(lines: list[str], f) -> str:
    """The finding's source line, cut to some context around it, with the span in <mark>."""
    if f.line - 1 >= len(lines):
        return ""
    line = lines[f.line - 1].rstrip("\r")
    start = min(f.column - 1, len(line))
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = min(max(end, start), len(line))
    left, right = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
    marked = escape(line[start:end])
    mark = f"<mark>{marked}</mark>" if marked else '<mark class="empty"> </mark>'
    more = f" <span class=\"where\">(to line {f.end_line})</span>" if f.end_line != f.line else ""
    return (
        f'<pre class="context"><span class="lineno">{f.line}</span>'
        f'{"…" if left else ""}{escape(line[left:start])}{mark}{escape(line[end:right])}{"…" if right < len(line) else ""}'
        f"{more}</pre>"
    )


class HtmlReporter(Reporter):
    """A self-contained HTML page for a reviewer: documents ranked by garble score, filters, context."""

    needs_text = True

    def report(self, results, summary: dict) -> None:
        rule_summaries = {c.code: c.summary for c in self.options.get("rule_classes", [])}
        ranked = self.rank(results)
        words = sum(r.words for r in results)
        findings = [f for r in results for f in r.findings]
        families = Counter(f.family for f in findings)
        severities = Counter(f.severity for f in findings)
        rules = Counter((f.code, f.rule, f.family) for f in findings)
        out: list[str] = []
        write = out.append

        write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        # The page may load nothing from anywhere: no fonts, images, scripts or styles from outside.
        write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        write(f"<title>garblint report: {len(findings)} finding{'s' if len(findings) != 1 else ''} "
              f"in {len(results)} document{'s' if len(results) != 1 else ''}</title>\n")
        write(f"<style>{STYLE}</style>\n</head>\n<body>\n")
        write("<header>\n<h1>garblint report</h1>\n")
        counts = ", ".join(f"{severities[s]} {s}" for s in reversed(SEVERITIES) if severities[s]) or "none"
        write(f'<p class="summary">{len(results)} documents, {words:,} words, '
              f"{len(findings)} findings ({escape(counts)}).</p>\n</header>\n")

        write('<section class="filters" id="filters">\n')
        write('<fieldset id="severity-filter"><legend>Severity</legend>\n')
        for severity in reversed(SEVERITIES):
            write(f'<label><input type="checkbox" class="severity-filter" value="{severity}" checked> '
                  f'<span class="badge {severity}">{severity}</span> {severities[severity]}</label>\n')
        write("</fieldset>\n<div>\n<table id=\"families\">\n<thead><tr><th>show</th><th>family</th>"
              '<th class="number">findings</th><th class="number">per 1,000 words</th></tr></thead>\n<tbody>\n')
        for number, (family, count) in enumerate(sorted(families.items(), key=lambda item: (-item[1], item[0]))):
            box = f"family-{number}"
            write(f'<tr class="family-row" data-family="{escape(family)}">'
                  f'<td><input type="checkbox" class="family-filter" id="{box}" value="{escape(family)}" checked></td>'
                  f'<td><label for="{box}">{escape(family)}</label></td><td class="number">{count}</td>'
                  f'<td class="number">{count * 1000 / max(words, 1):.2f}</td></tr>\n')
        if not families:
            write('<tr><td colspan="4" class="clean">No findings.</td></tr>\n')
        write("</tbody>\n</table>\n")
        write('<button type="button" data-set="all" data-target="input.family-filter">all families</button>'
              '<button type="button" data-set="none" data-target="input.family-filter">no family</button>\n')
        write("</div>\n</section>\n")

        write("<h2>Documents by garble score</h2>\n")
        write('<p>The garble score is the severity-weighted number of findings per 100 words '
              "(error 3, warning 1, info 0.25).</p>\n")
        write('<table id="documents">\n<thead><tr><th class="number">#</th><th>document</th>'
              '<th class="number">garble score</th><th class="number">findings</th><th class="number">shown</th>'
              '<th class="number">words</th><th>worst</th></tr></thead>\n<tbody>\n')
        for rank, (result, scores) in enumerate(ranked, 1):
            worst = scores["worst_severity"]
            badge = f'<span class="badge {worst}">{worst}</span>' if worst else ""
            write(f'<tr class="document-row" data-score="{scores["garble_score"]}" data-path="{escape(result.path)}">'
                  f'<td class="number">{rank}</td><td><a href="#doc-{rank}">{escape(result.path)}</a></td>'
                  f'<td class="number">{scores["garble_score"]:.2f}</td><td class="number">{len(result.findings)}</td>'
                  f'<td class="number" id="doc-{rank}-shown">{len(result.findings)}</td>'
                  f'<td class="number">{result.words:,}</td><td>{badge}</td></tr>\n')
        write("</tbody>\n</table>\n")

        write("<h2>Findings</h2>\n")
        for rank, (result, scores) in enumerate(ranked, 1):
            self.write_document(write, rank, result, scores, rule_summaries)

        if rules:
            write("<h2>Rules</h2>\n<table id=\"rules\">\n<thead><tr><th>code</th><th>name</th><th>family</th>"
                  '<th class="number">findings</th><th>what it finds</th></tr></thead>\n<tbody>\n')
            for (code, name, family), count in sorted(rules.items()):
                write(f"<tr><td><code>{escape(code)}</code></td><td>{escape(name)}</td><td>{escape(family)}</td>"
                      f'<td class="number">{count}</td><td>{escape(rule_summaries.get(code, ""))}</td></tr>\n')
            write("</tbody>\n</table>\n")
        write(f"<footer>garblint {escape(__version__)}; <code>garblint rule CODE</code> explains a rule.</footer>\n")
        write(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")
        self.stream.write("".join(out))

    @staticmethod
    def rank(results):
        """Documents with their scores, the most garbled first (ties: more findings, then path)."""
        scored = [(r, summarize_findings(r.findings, r.words)) for r in results]
        return sorted(scored, key=lambda item: (-item[1]["garble_score"], -len(item[0].findings), item[0].path))

    @staticmethod
    def write_document(write, rank: int, result, scores: dict, rule_summaries: dict) -> None:
        write(f'<article class="document" id="doc-{rank}">\n<h3>{escape(result.path)} '
              f'<span class="where">score {scores["garble_score"]:.2f}, {len(result.findings)} findings, '
              f"{result.words:,} words</span></h3>\n")
        if not result.findings:
            write('<p class="clean">No findings.</p>\n</article>\n')
            return
        lines = source_lines(result.text) if result.text is not None else None
        write('<ol class="findings">\n')
        for f in sorted(result.findings, key=lambda f: (f.start, -severity_rank(f.severity))):
            summary = rule_summaries.get(f.code, "")
            write(f'<li class="finding {f.severity}" data-family="{escape(f.family)}" data-severity="{f.severity}" '
                  f'data-code="{escape(f.code)}">\n')
            write(f'<div><span class="badge {f.severity}">{f.severity}</span> '
                  f'<code title="{escape(summary)}">{escape(f.code)}</code> {escape(f.rule)} '
                  f'<span class="where">{f.line}:{f.column}</span> <span class="message">{escape(f.message)}</span></div>\n')
            if lines is not None:
                write(context_html(lines, f) + "\n")
            if f.suggestions:
                shown = ", ".join(f'<code class="suggested">{escape(s)}</code>' for s in f.suggestions[:3])
                write(f'<div class="suggestion">suggestion: {shown}</div>\n')
            write("</li>\n")
        write('</ol>\n<p class="all-hidden" hidden>All findings of this document are filtered out.</p>\n</article>\n')
