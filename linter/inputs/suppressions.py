"""Built-in plugin: inline suppression directives.

In Markdown, HTML comments::

    <!-- garblint-disable GL101, fused-words -->  ...  <!-- garblint-enable GL101, fused-words -->
    <!-- garblint-disable -->                      (every rule, to the end or the next enable)
    <!-- garblint-disable-next-line GL101 -->       (the following line only)
    text <!-- garblint-disable-line GL101 -->       (the line the comment is on)

In plain text, a line that holds only a directive (the format parser keeps it
out of the prose)::

    garblint: disable-next-line GL101, doubled-word
    garblint: disable fused-words
    garblint: enable

Rules are named by code, code prefix, name or family; none means every rule.
"""
from __future__ import annotations

import re

from garblint.linter import hookimpl

KINDS = ("disable-next-line", "disable-line", "disable", "enable")
# "garblint-disable" in a Markdown comment, "garblint: disable" on a line of plain text.
_DIRECTIVE_RE = re.compile(r"^garblint(?:-|:[ \t]*)(disable-next-line|disable-line|disable|enable)(?![\w-])(.*)$", re.S)
# A plain-text line that is a directive and nothing else.
_PLAIN_DIRECTIVE_LINE_RE = re.compile(r"^[ \t]*(garblint:[ \t]*(?:disable-next-line|disable|enable)(?![\w-])[^\n]*)$", re.M)


def parse_directive(body: str) -> tuple[str, frozenset[str]] | None:
    """A directive's kind and the rules it names, or None when ``body`` is not one."""
    match = _DIRECTIVE_RE.match(body.strip())
    if not match:
        return None
    return match.group(1), frozenset(part for part in re.split(r"[\s,]+", match.group(2).strip()) if part)


def plain_text_directives(text: str) -> list[tuple[int, int, str]]:
    """The directive lines of a plain-text file, as (start, end, directive) comments."""
    if "garblint:" not in text:
        return []
    return [(m.start(1), m.end(1), m.group(1)) for m in _PLAIN_DIRECTIVE_LINE_RE.finditer(text)]


@hookimpl
def garblint_suppressions(document):
    spans: list[tuple[int, int, frozenset[str]]] = []
    open_ranges: dict[frozenset[str], int] = {}
    text = document.text
    for start, end, body in document.comments:
        directive = parse_directive(body)
        if directive is None:
            continue
        kind, rules = directive
        if kind == "disable-next-line":
            line_end = text.find("\n", end)
            if line_end < 0:
                continue
            next_end = text.find("\n", line_end + 1)
            spans.append((line_end + 1, len(text) if next_end < 0 else next_end, rules))
        elif kind == "disable-line":
            line_end = text.find("\n", end)
            spans.append((text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end, rules))
        elif kind == "disable":
            open_ranges.setdefault(rules, end)
        else:  # enable: closes the matching disable, or every one when no rule is named
            for key in list(open_ranges):
                if not rules or key == rules or (key and rules >= key):
                    spans.append((open_ranges.pop(key), start, key))
                elif key and rules & key:
                    begin = open_ranges.pop(key)
                    spans.append((begin, start, key & rules))
                    if key - rules:
                        open_ranges[frozenset(key - rules)] = begin
    for rules, begin in open_ranges.items():
        spans.append((begin, len(text), rules))
    return spans
