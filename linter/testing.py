"""Helpers for testing rules: run one rule on a string."""
from __future__ import annotations

from garblint.linter.engine.document import Document
from garblint.linter.engine.findings import Finding
from garblint.linter.inputs.formats import parse_markdown, parse_plain


def make_document(text: str, markdown: bool = False, path: str | None = None) -> Document:
    parsed = parse_markdown(text) if markdown else parse_plain(text)
    return Document(
        text,
        path or ("<test>.md" if markdown else "<test>.txt"),
        prose=parsed.prose,
        blocks=parsed.blocks,
        comments=parsed.comments,
        fmt="markdown" if markdown else "text",
    )


def run_rule(rule_class, text: str, options: dict | None = None, markdown: bool = False) -> list[Finding]:
    """The findings of one rule on ``text``, sorted by position."""
    doc = make_document(text, markdown=markdown)
    rule = rule_class(options=options)
    rule.setup()
    return sorted((f for f in rule.check(doc) if f is not None), key=lambda f: (f.start, f.end))


def flagged(rule_class, text: str, **kwargs) -> list[str]:
    """The flagged substrings, for terse assertions."""
    return [text[f.start:f.end] for f in run_rule(rule_class, text, **kwargs)]
