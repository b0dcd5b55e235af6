"""Built-in plugin: inline suppression comments in Markdown.

    <!-- garblint-disable GL101, fused-words -->  ...  <!-- garblint-enable GL101, fused-words -->
    <!-- garblint-disable -->                      (every rule, to the end or the next enable)
    <!-- garblint-disable-next-line GL101 -->       (the following line only)

Rules are named by code, name or family.
"""
from __future__ import annotations

import re

from . import hookimpl

_DIRECTIVE_RE = re.compile(r"^garblint-(disable-next-line|disable|enable)\b\s*(.*)$", re.S)


def _rule_list(text: str) -> frozenset[str]:
    return frozenset(part for part in re.split(r"[\s,]+", text.strip()) if part)


@hookimpl
def garblint_suppressions(document):
    spans: list[tuple[int, int, frozenset[str]]] = []
    open_ranges: dict[frozenset[str], int] = {}
    text = document.text
    for start, end, body in document.comments:
        match = _DIRECTIVE_RE.match(body)
        if not match:
            continue
        kind, rules = match.group(1), _rule_list(match.group(2))
        if kind == "disable-next-line":
            line_end = text.find("\n", end)
            if line_end < 0:
                continue
            next_end = text.find("\n", line_end + 1)
            spans.append((line_end + 1, len(text) if next_end < 0 else next_end, rules))
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
