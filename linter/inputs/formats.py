"""Built-in format plugin: plain text and Markdown.

Markdown is parsed with markdown-it-py. Only prose is kept, at its offsets in
the source file: fenced and indented code, YAML front matter and HTML blocks
become blank space; inside a paragraph, inline code and URLs become opaque
placeholders and Markdown syntax, tags and link targets hidden ones (see
``garblint.linter.engine.segment.OPAQUE``), so the words around them still read as they do
rendered.
"""
from __future__ import annotations

import re

from garblint.linter import hookimpl
from garblint.linter.engine.document import Parsed
from garblint.linter.engine.segment import HIDDEN, OPAQUE, Block, plain_text_blocks
from garblint.linter.inputs.suppressions import plain_text_directives

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_FRONT_MATTER_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_BLOCK_KINDS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "th_open": "table-cell",
    "td_open": "table-cell",
}


# trylast: a third-party format plugin is asked first and may claim any file.
@hookimpl(trylast=True)
def garblint_parse(path, text, config, options):
    stdin_markdown = path == "-" and options is not None and options.stdin_format == "markdown"
    if str(path).lower().endswith(MARKDOWN_SUFFIXES) or stdin_markdown:
        return parse_markdown(text)
    return parse_plain(text)


def parse_plain(text: str) -> Parsed:
    prose = text.replace("\ufeff", " ")
    # Suppression directives ("garblint: disable GL101") are lines of their own, not prose.
    directives = plain_text_directives(prose)
    if directives:
        pieces, position = [], 0
        for start, end, _ in directives:
            pieces += [prose[position:start], " " * (end - start)]
            position = end
        prose = "".join(pieces) + prose[position:]
    return Parsed(prose, plain_text_blocks(prose), directives)


# How each character of a Markdown file appears in the prose string.
_BLANK, _PROSE, _OPAQUE, _HIDDEN = 0, 1, 2, 3
# Markdown blocks nested deeper than this are parsed line by line (markdown-it
# stops building tokens at its nesting limit, and recursion limits it too).
MAX_NESTING = 100


def parse_markdown(text: str) -> Parsed:
    from markdown_it import MarkdownIt  # lazy: only Markdown files pay for it

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
    # Only the blocks are needed (inline syntax is classified below, in one pass per
    # block); markdown-it's inline parser would cost more than all the rest.
    md.core.ruler.disable("inline")
    # Lines as CommonMark counts them: a lone "\r" ends a line too.
    line_starts = [0]
    line_ends = []
    for match in _LINE_END_RE.finditer(text):
        line_ends.append(match.start())
        line_starts.append(match.end())
    line_ends.append(len(text))
    line_starts.append(len(text) + 1)

    def line_span(first: int, last: int) -> tuple[int, int]:
        return line_starts[first], line_ends[last - 1] if last - 1 < len(line_ends) else len(text)

    classes = bytearray(len(text))  # _BLANK unless a prose block claims the character
    comments: list[tuple[int, int, str]] = []
    blocks: list[Block] = []
    notes: list[str] = []
    seen: set[tuple[int, int]] = set()

    body_offset = 0
    front = _FRONT_MATTER_RE.match(text)
    if front:
        body_offset = front.end()
    body_text = text[body_offset:]
    first_line = text.count("\n", 0, body_offset)

    rows_done: set[tuple[int, int]] = set()

    def add_block(start: int, end: int, kind: str) -> None:
        if kind == "table-cell":
            # Every cell of a row maps to the whole row: classify the row once.
            if (start, end) in rows_done:
                return
            rows_done.add((start, end))
        spans = _inline_prose_spans(text, start, end, classes)
        if not spans:
            return
        # A table row yields one inline token per cell, each mapped to the
        # whole row: keep each cell once, as its own block.
        candidates = spans if kind == "table-cell" else [(spans[0][0], spans[-1][1])]
        for block_start, block_end in candidates:
            if (block_start, block_end) not in seen:
                seen.add((block_start, block_end))
                blocks.append(Block(block_start, block_end, kind))

    # Link reference definitions are never prose, and markdown-it's own reading
    # of them costs more than the rest of a parse: blank them (keeping their
    # length and line ends) and leave its reference rule out.
    md.block.ruler.disable("reference")
    body_text = _REFERENCE_DEFINITION_RE.sub(lambda m: " " * len(m.group()), body_text)
    tokens = md.parse(body_text)
    pending_kind = None
    in_list_item = 0
    deepest = None
    for token in tokens:
        if token.level >= MAX_NESTING - 1 and token.map is not None and token.nesting == 1:
            deepest = deepest or token
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
        add_block(start, end, kind)
    if deepest is not None:
        # Past the nesting limit markdown-it gives no tokens: lint those lines
        # as paragraphs, with their quote and list markers blanked.
        first, last = first_line + deepest.map[0], first_line + deepest.map[1]
        for number in range(first, last):
            start, end = line_span(number, number + 1)
            if not classes[start:end].strip(b"\0"):
                add_block(start, end, "paragraph")
        notes.append(f"Markdown nested deeper than {MAX_NESTING} levels on lines {first + 1}-{last}; "
                     "those lines were linted without their block structure")

    for start, end, body in html_comments(text):
        comments.append((start, end, body.strip()))
        for i in range(start, end):
            if classes[i] != _BLANK:
                classes[i] = _HIDDEN

    if text.startswith("\ufeff"):
        classes[0] = _BLANK
    prose = _render(text, classes)
    # Trim blocks to their visible prose.
    trimmed = []
    for block in blocks:
        s, e = block.start, block.end
        while s < e and (prose[s].isspace() or prose[s] == HIDDEN):
            s += 1
        while e > s and (prose[e - 1].isspace() or prose[e - 1] == HIDDEN):
            e -= 1
        if s < e:
            trimmed.append(Block(s, e, block.kind))
    trimmed.sort(key=lambda b: b.start)
    return Parsed(prose, trimmed, comments, format="markdown", notes=notes)


def _render(text: str, classes: bytearray) -> str:
    """The prose string: prose characters as they are, placeholders for skipped markup, blanks elsewhere."""
    out = []
    append = out.append
    for match in _CLASS_RUN_RE.finditer(classes):
        code, s, e = match.group()[0], match.start(), match.end()
        if code == _PROSE:
            append(text[s:e])
        else:
            fill = " " if code == _BLANK else (OPAQUE if code == _OPAQUE else HIDDEN)
            piece = text[s:e]
            if "\n" in piece:
                append("\n".join(fill * len(part) for part in piece.split("\n")))
            else:
                append(fill * (e - s))
    return "".join(out)


_REFERENCE_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\[\]\n]{1,999}\]:[ \t]*\S[^\n\r]*$", re.M)
_LINE_END_RE = re.compile(r"\r\n?|\n")
_CLASS_RUN_RE = re.compile(rb"\x00+|\x01+|\x02+|\x03+")


# Inline syntax masked inside a prose block.
_BACKTICK_RUN_RE = re.compile(r"`+")
# Classes exclude the opening bracket or angle so that a run of openers without
# a closer is given up at once, not rescanned from each of them.
_LINK_TARGET_RE = re.compile(r"\]\([^()\[\]\s]*(?:\s+\"[^\"\]]*\")?\)|\]\[[^\[\]]*\]")
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>|https?://[^\s<>()]+")
# A character reference renders as one character garblint cannot read ("&copy;").
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Inline HTML elements whose content is code, not prose.
_CODE_ELEMENT_RE = re.compile(r"<(code|kbd|samp|var|tt)\b[^<>]{0,200}>[^<]{0,2000}</\1\s*>", re.I)
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_LINE_PREFIX_RE = re.compile(
    r"^[ \t]{0,3}(?:>[ \t]?)*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:#{1,6}[ \t]+)?"
)
_HEADING_SUFFIX_RE = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$|^[ \t]*(?:=+|-+)[ \t]*$", re.M)
_EMPHASIS_RE = re.compile(r"(?<![\w*_\\])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
_BRACKET_RE = re.compile(r"(?:!?\[|\])+")
_TABLE_PIPE_RE = re.compile(r"\|+|^[ \t]*:?-{3,}:?[ \t]*$", re.M)
_ESCAPE_RE = re.compile(r"(?:\\(?=[!-/:-@\[-`{-~]))+")
# Each pattern above matches a whole run of what it claims ("||||", "[[[["): one
# claim per run, not one per character, keeps a 1 MB run linear and cheap.


def html_comments(text: str) -> list[tuple[int, int, str]]:
    """Each ``<!-- ... -->`` as (start, end, body); an opener without a closer ends the search."""
    found = []
    position = text.find("<!--")
    while position >= 0:
        close = text.find("-->", position + 4)
        if close < 0:
            break
        found.append((position, close + 3, text[position + 4:close]))
        position = text.find("<!--", close + 3)
    return found


def code_span_ranges(text: str) -> list[tuple[int, int]]:
    """Code spans as CommonMark finds them: a backtick run closed by the next run of the same length.

    One pass over the runs; for each length, where its next run is, so no
    unclosed run is searched past more than once.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICK_RUN_RE.finditer(text)]
    following: dict[int, list[int]] = {}  # run length -> indices of runs of that length, in order
    for index, (s, e) in enumerate(runs):
        following.setdefault(e - s, []).append(index)
    cursor = {length: 0 for length in following}
    spans = []
    index = 0
    while index < len(runs):
        s, e = runs[index]
        same = following[e - s]
        position = cursor[e - s]
        while position < len(same) and same[position] <= index:
            position += 1
        cursor[e - s] = position
        if position == len(same):
            index += 1  # never closed: literal backticks
            continue
        close = same[position]
        spans.append((s, runs[close][1]))
        index = close + 1
    return spans


def _inline_prose_spans(text: str, start: int, end: int, classes: bytearray) -> list[tuple[int, int]]:
    """Classify ``text[start:end]`` into ``classes`` and return its runs of visible prose.

    Code spans and URLs become opaque placeholders; emphasis, brackets, link
    targets, escapes and tags become hidden placeholders; line prefixes (quote
    and list markers, heading hashes) and table pipes become blanks.
    """
    segment = text[start:end]
    local = bytearray([_PROSE]) * len(segment)
    # The patterns run on a copy in which claimed characters are NULs, so that a
    # code span's content is never read as a link or emphasis.
    masked = list(segment)
    claimed = [False]  # whether ``masked`` changed since it was last joined

    def claim(s: int, e: int, code: int) -> None:
        local[s:e] = bytes([code]) * (e - s)
        masked[s:e] = "\0" * (e - s)
        claimed[0] = True

    joined = [segment]

    def current_text() -> str:
        # Most blocks are plain prose that nothing claims: join only after a change.
        if claimed[0]:
            joined[0] = "".join(masked)
            claimed[0] = False
        return joined[0]

    for s, e in code_span_ranges(segment):
        claim(s, e, _OPAQUE)
    for pattern, code in ((_CODE_ELEMENT_RE, _OPAQUE), (_AUTOLINK_RE, _OPAQUE), (_ENTITY_RE, _OPAQUE),
                          (None, _HIDDEN), (_LINK_TARGET_RE, _HIDDEN), (_HTML_TAG_RE, _HIDDEN)):
        current = current_text()
        if pattern is None:  # HTML comments
            for s, e, _ in html_comments(current):
                claim(s, e, code)
            continue
        for match in pattern.finditer(current):
            if pattern is _LINK_TARGET_RE:
                claim(match.start() + 1, match.end(), code)  # keep "]" for the bracket pass
            else:
                claim(match.start(), match.end(), code)
    current = current_text()
    for match in re.finditer(r"[^\n]*", current):
        prefix = _LINE_PREFIX_RE.match(match.group())
        if prefix and prefix.end():
            claim(match.start(), match.start() + prefix.end(), _BLANK)
    for pattern, code in ((_HEADING_SUFFIX_RE, _BLANK), (_EMPHASIS_RE, _HIDDEN), (_BRACKET_RE, _HIDDEN),
                          (_ESCAPE_RE, _HIDDEN), (_TABLE_PIPE_RE, _BLANK)):
        for match in pattern.finditer(current_text()):
            claim(match.start(), match.end(), code)
    # Newlines stay newlines whatever claimed them.
    for match in re.finditer("\n", segment):
        local[match.start()] = _BLANK
    classes[start:end] = local
    spans = []
    for match in re.finditer(rb"[^\x00]+", bytes(local)):
        s, e = match.start(), match.end()
        run = local[s:e]
        if run.count(_PROSE) == len(run):  # all prose (the usual case): visible unless blank
            visible = not segment[s:e].isspace()
        else:
            visible = _OPAQUE in run or any(local[i] == _PROSE and not segment[i].isspace() for i in range(s, e))
        if visible:
            spans.append((start + s, start + e))
    return spans
