"""Paragraph, sentence and token segmentation over masked prose.

Every function here works on the *prose* string of a document: the file's
text with everything that is not prose (code, markup, URLs) replaced by
spaces, so an offset into prose is an offset into the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Markup that a format parser skips inside prose keeps its length in the prose
# string as one of two placeholder characters, never as blank space (blank
# space would make the words around it look broken):
#   OPAQUE stands for something the reader sees but garblint must not read or
#   edit (inline code, a URL); a run of it is one token, like a word it cannot judge;
#   HIDDEN stands for markup the reader does not see (emphasis marks, link
#   targets, tags); it is no token at all, and no pattern matches across it.
OPAQUE = "\ue000"
HIDDEN = "\ue001"
PLACEHOLDERS = OPAQUE + HIDDEN

# Words keep internal hyphens and apostrophes ("win-win", "China's"); a run of
# OPAQUE is one token; anything else that is not a space or HIDDEN is a
# one-character punctuation token.
# A run of eight or more of the same mark ("--------") is one token: prose
# has none, and one token per character would make such a run cost a rule per
# character. Use ``token_texts`` rather than ``findall`` (the run's group).
TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|\ue000+|(?P<run>[^\s\ue001])(?P=run){7,}|[^\s\ue001]")


def token_texts(text: str) -> list[str]:
    """The texts of the tokens ``TOKEN_RE`` cuts ``text`` into."""
    return [m.group() for m in TOKEN_RE.finditer(text)]

SENTENCE_END_CHARS = ".!?…"
CLOSERS = "\"'”’)]»"
OPENERS = "\"'“‘([«"

# A full stop after one of these does not end a sentence, whatever follows.
NON_TERMINAL_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr st mt gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    fr messrs mme mlle no nos vol vols fig figs art sec ch pp p op cf vs v
    jan feb mar apr jun jul aug sep sept oct nov dec approx dept est
    e.g i.e a.m p.m incl excl""".split()
)

# The lookbehind starts a match only at the first mark of a run: from a later
# mark the run would be rescanned to its end ("....." would take quadratic time).
_SENTENCE_BREAK_RE = re.compile(
    r"(?<![.!?…])[.!?…]+[\"'”’)\]»]*(?=\s+[\"'“‘(\[«\ue001]*[A-Z0-9À-ÖØ-Þ\ue000])"
)
_LAST_WORD_RE = re.compile(r"([\w.]+)$")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence: int = -1
    # Computed once here because every rule reads them for every token.
    lower: str = ""
    is_word: bool = False
    is_number: bool = False
    is_punct: bool = False
    is_placeholder: bool = False

    def __post_init__(self) -> None:
        if not self.lower:  # not given: Document.tokens passes them in from a cache
            self.lower, self.is_word, self.is_number, self.is_punct, self.is_placeholder = token_kind(self.text)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    token_start: int = 0
    token_end: int = 0


@dataclass(slots=True)
class Block:
    """A paragraph-level unit of prose: a paragraph, heading, list item or cell."""

    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | list-item | table-cell | quote

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


def ends_sentence_at(prose: str, dot: int) -> bool:
    """Whether the full stop at ``prose[dot]`` can end a sentence (not an abbreviation)."""
    match = _LAST_WORD_RE.search(prose, max(0, dot - 20), dot)
    if not match:
        return True
    word = match.group(1).lower().strip(".")
    if word in NON_TERMINAL_ABBREVIATIONS:
        return False
    # Single initials ("J. Smith") are abbreviations.
    if len(word) == 1 and word.isalpha():
        return False
    return True


def split_sentences(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``prose[start:end]`` into sentence spans, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_BREAK_RE.finditer(prose, start, end):
        first = match.start()
        if prose[first] == "." and not ends_sentence_at(prose, first):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    result = []
    for s, e in spans:
        while s < e and prose[s].isspace():
            s += 1
        while e > s and prose[e - 1].isspace():
            e -= 1
        if s < e:
            result.append((s, e))
    return result


def token_kind(text: str) -> tuple[str, bool, bool, bool, bool]:
    """A token's lower-case form and whether it is a word, a number, punctuation or a placeholder."""
    first = text[0]
    placeholder = first == OPAQUE
    return text.lower(), first.isalpha(), first.isdigit(), not first.isalnum() and not placeholder, placeholder


def tokenize(prose: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(prose, start, end)]


_TERMINAL_RE = re.compile(r"[.!?…:;][\"'”’)\]»]*\s*$")


def _non_blank_line_runs(prose: str):
    """Each run of consecutive non-blank lines, as a list of (start, end) line spans.

    Found with ``str.find`` and ``str.isspace``: a pattern that looks for a
    non-space inside a line rescans a long blank line (a masked code block)
    from each of its positions.
    """
    run: list[tuple[int, int]] = []
    start, length = 0, len(prose)
    while start <= length:
        newline = prose.find("\n", start)
        end = length if newline < 0 else newline
        if start < end and not prose[start:end].isspace():
            run.append((start, end))
        elif run:
            yield run
            run = []
        if newline < 0:
            break
        start = newline + 1
    if run:
        yield run


def plain_text_blocks(prose: str) -> list[Block]:
    """Paragraphs of a plain-text file.

    Blank lines always separate paragraphs. Inside a block, lines are joined
    when the block looks hard-wrapped (most lines end mid-sentence); otherwise
    each line is its own paragraph, as in scraped news where one line holds one
    paragraph. A short line with no terminal punctuation is a heading.
    """
    blocks: list[Block] = []
    for spans in _non_blank_line_runs(prose):
        inner = spans[:-1]
        open_ended = sum(1 for s, e in inner if not _TERMINAL_RE.search(prose, s, e))
        wrapped = (
            len(spans) > 1
            and open_ended * 2 > len(inner)
            and max(e - s for s, e in spans) <= 100
        )
        if wrapped:
            blocks.append(Block(spans[0][0], spans[-1][1]))
            continue
        for s, e in spans:
            while s < e and prose[s].isspace():
                s += 1
            while e > s and prose[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            heading = e - s <= 150 and not _TERMINAL_RE.search(prose, s, e)
            blocks.append(Block(s, e, "heading" if heading else "paragraph"))
    return blocks
