"""Built-in format plugin: plain text and Markdown.

Markdown is parsed with markdown-it-py. Only prose is kept: fenced, indented
and inline code, YAML front matter, HTML (comments included), link and image
URLs and Markdown syntax are masked with spaces, so offsets stay those of the
source file.
"""
from __future__ import annotations

import re

from . import hookimpl
from .document import Parsed
from .segment import Block, plain_text_blocks

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_FRONT_MATTER_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HTML_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
_BLOCK_KINDS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "th_open": "table-cell",
    "td_open": "table-cell",
}


@hookimpl
def garblint_parse(path, text, config):
    if str(path).lower().endswith(MARKDOWN_SUFFIXES) or (config is not None and getattr(config, "stdin_format", None) == "markdown" and path == "-"):
        return parse_markdown(text)
    return parse_plain(text)


def parse_plain(text: str) -> Parsed:
    prose = text.replace("\ufeff", " ")
    return Parsed(prose, plain_text_blocks(prose))


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, min(end, len(chars))):
        if chars[i] != "\n":
            chars[i] = " "


def parse_markdown(text: str) -> Parsed:
    from markdown_it import MarkdownIt  # lazy: only Markdown files pay for it

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    line_starts = [0]
    for match in re.finditer("\n", text):
        line_starts.append(match.end())
    line_starts.append(len(text) + 1)

    def line_span(first: int, last: int) -> tuple[int, int]:
        return line_starts[first], min(line_starts[last] - 1, len(text)) if last < len(line_starts) else len(text)

    chars = list(text)
    keep = [False] * len(text)  # characters that belong to a prose block
    comments: list[tuple[int, int, str]] = []
    blocks: list[Block] = []
    seen: set[tuple[int, int]] = set()

    body_offset = 0
    front = _FRONT_MATTER_RE.match(text)
    if front:
        body_offset = front.end()
    body_text = text[body_offset:]
    first_line = text.count("\n", 0, body_offset)

    tokens = md.parse(body_text)
    pending_kind = None
    in_list_item = 0
    for token in tokens:
        if token.type == "list_item_open":
            in_list_item += 1
        elif token.type == "list_item_close":
            in_list_item -= 1
        if token.type in _BLOCK_KINDS:
            pending_kind = _BLOCK_KINDS[token.type]
            continue
        if token.type != "inline" or token.map is None or pending_kind is None:
            continue
        kind = pending_kind
        if kind == "paragraph" and in_list_item:
            kind = "list-item"
        pending_kind = None
        start, end = line_span(first_line + token.map[0], first_line + token.map[1])
        spans = _inline_prose_spans(text, start, end, token)
        if not spans:
            continue
        for s, e in spans:
            for i in range(s, e):
                keep[i] = True
        # A table row yields one inline token per cell, each mapped to the
        # whole row: keep each cell once, as its own block.
        candidates = spans if kind == "table-cell" else [(spans[0][0], spans[-1][1])]
        for block_start, block_end in candidates:
            if (block_start, block_end) not in seen:
                seen.add((block_start, block_end))
                blocks.append(Block(block_start, block_end, kind))

    for match in _HTML_COMMENT_RE.finditer(text):
        comments.append((match.start(), match.end(), match.group(1).strip()))
        for i in range(match.start(), match.end()):
            keep[i] = False

    for i, ch in enumerate(chars):
        if not keep[i] and ch != "\n":
            chars[i] = " "
    prose = "".join(chars)
    # Trim blocks to their visible prose.
    trimmed = []
    for block in blocks:
        s, e = block.start, block.end
        while s < e and prose[s].isspace():
            s += 1
        while e > s and prose[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append(Block(s, e, block.kind))
    return Parsed(prose, trimmed, comments, format="markdown")


# Inline syntax masked inside a prose block.
_CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_LINK_TARGET_RE = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]")
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|<[^>\s@]+@[^>\s]+>|https?://[^\s<>()]+")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_LINE_PREFIX_RE = re.compile(
    r"^[ \t]{0,3}(?:>[ \t]?)*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:#{1,6}[ \t]+)?"
)
_HEADING_SUFFIX_RE = re.compile(r"[ \t]+#+[ \t]*$|^[ \t]*(?:=+|-+)[ \t]*$", re.M)
_EMPHASIS_RE = re.compile(r"(?<![\w*_\\])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
_BRACKET_RE = re.compile(r"!?\[|\]")
_TABLE_PIPE_RE = re.compile(r"\||^[ \t]*:?-{3,}:?[ \t]*$", re.M)
_ESCAPE_RE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def _inline_prose_spans(text: str, start: int, end: int, token) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` that are prose, with inline syntax removed."""
    segment = text[start:end]
    masked = list(segment)

    def mask(s: int, e: int) -> None:
        for i in range(s, e):
            if masked[i] != "\n":
                masked[i] = "\0"

    for pattern in (_CODE_SPAN_RE, _AUTOLINK_RE, _HTML_COMMENT_RE, _LINK_TARGET_RE, _HTML_TAG_RE):
        for match in pattern.finditer("".join(masked)):
            if pattern is _LINK_TARGET_RE:
                mask(match.start() + 1, match.end())  # keep "]" for the bracket pass
            else:
                mask(match.start(), match.end())
    current = "".join(masked)
    for match in re.finditer(r"[^\n]*", current):
        line = match.group()
        prefix = _LINE_PREFIX_RE.match(line)
        if prefix and prefix.end():
            mask(match.start(), match.start() + prefix.end())
    current = "".join(masked)
    for pattern in (_HEADING_SUFFIX_RE, _EMPHASIS_RE, _BRACKET_RE, _ESCAPE_RE):
        for match in pattern.finditer(current):
            mask(match.start(), match.end())
        current = "".join(masked)
    for match in _TABLE_PIPE_RE.finditer(current):
        mask(match.start(), match.end())
    current = "".join(masked)
    spans = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\0]+", current)]
    return [(s, e) for s, e in spans if text[s:e].strip()]
