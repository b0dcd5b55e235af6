"""The document every rule reads: text, prose, paragraphs, sentences, tokens.

Everything is computed once, on first use, and shared by all rules.
"""
from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from garblint.linter.engine.segment import OPAQUE, PLACEHOLDERS, TOKEN_RE, Block, Sentence, Token, plain_text_blocks, split_sentences, token_kind


@dataclass
class Parsed:
    """What a format parser returns: the prose mask and its blocks."""

    prose: str
    blocks: list[Block]
    # Markdown directives and the like, as (start, end, comment text).
    comments: list[tuple[int, int, str]] = field(default_factory=list)
    # "markdown" or "text": rules that depend on the markup (HTML entities) ask for it.
    format: str = "text"
    # What the parser could not do as asked (one line each), reported to the user.
    notes: list[str] = field(default_factory=list)


_PLACEHOLDER_RUN_RE = re.compile(f"[{PLACEHOLDERS}]+")
# What the tagger reads for a run of inline code: a noun, as code named in prose mostly is.
_PLACEHOLDER_WORD = "thing"
# CPU seconds of tagging per MB of prose, and at least this much on any document: the
# first document of a run also pays for reading the model's weights, which on a slow
# machine can take a tenth of a second for a page. Prose takes a fifth of this per MB,
# a text of unseen words several times it.
TAGGING_SECONDS_PER_MB = 0.5
TAGGING_WINDOW = 400  # tokens; the tagger looks two words either way, so cuts this far apart cost nothing


class Document:
    """One file (or one chunk of a very large file) ready for linting.

    ``text`` is the file's text exactly as decoded; ``prose`` has the same
    length with everything that is not prose replaced by spaces (newlines
    kept), so rules can search ``prose`` and report offsets into ``text``.
    """

    def __init__(
        self,
        text: str,
        path: str = "<text>",
        prose: str | None = None,
        blocks: list[Block] | None = None,
        comments: list[tuple[int, int, str]] | None = None,
        fmt: str = "text",
        notes: list[str] | None = None,
    ):
        self.text = text
        self.notes = notes or []
        # Offset from which part-of-speech tags are guesses (the tagging time budget ran out), or None.
        self.tagging_guessed_from: int | None = None
        self.path = path
        self.format = fmt
        prose = prose if prose is not None else text.replace("\ufeff", " ")
        if "\r" in prose:
            # A CRLF line end reads as a space and a newline, so patterns anchored
            # at the end of a line ($ before "\n") see Windows files as any other.
            prose = prose.replace("\r\n", " \n")
        self.prose = prose
        if len(self.prose) != len(text):
            raise ValueError("prose mask must have the same length as the text")
        self._blocks = blocks
        self.comments = comments or []
        self._memo: dict[str, Any] = {}

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> "Document":
        """A plain-text document (convenient for tests and the Python API)."""
        return cls(text, path)

    # -- structure ---------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Block]:
        if self._blocks is None:
            return plain_text_blocks(self.prose)
        return self._blocks

    @cached_property
    def sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        for index, block in enumerate(self.paragraphs):
            for start, end in split_sentences(self.prose, block.start, block.end):
                sentences.append(Sentence(start, end, self.prose[start:end], index))
        return sentences

    @cached_property
    def tokens(self) -> list[Token]:
        tokens: list[Token] = []
        append = tokens.append
        kinds: dict[str, tuple[str, bool, bool, bool, bool]] = {}  # most token texts recur: classify each once
        for index, sentence in enumerate(self.sentences):
            sentence.token_start = len(tokens)
            for match in TOKEN_RE.finditer(self.prose, sentence.start, sentence.end):
                text = match.group()
                kind = kinds.get(text)
                if kind is None:
                    kind = kinds[text] = token_kind(text)
                append(Token(match.start(), match.end(), text, index, *kind))
            sentence.token_end = len(tokens)
        return tokens

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        tokens = self.tokens  # ensures token ranges are filled in
        return tokens[sentence.token_start:sentence.token_end]

    @cached_property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]

    @cached_property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.is_word or t.is_number)

    # -- positions ---------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a 0-based offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[line] + 1
        if line == 0 and offset > 0 and self.text.startswith("\ufeff"):
            column -= 1  # a byte order mark is not a column an editor shows
        return line + 1, column

    @cached_property
    def shows_code(self) -> bool:
        """Whether the document shows code (Markdown code spans or fences): its camelCase
        and dotted words are then identifiers, not words that lost a space."""
        return self.format == "markdown" and ("`" in self.text or "~~~" in self.text)

    @cached_property
    def skipped_spans(self) -> list[tuple[int, int]]:
        """Spans of markup inside prose that stand as placeholders (see ``segment.OPAQUE``)."""
        if self.format == "text":
            return []
        return [m.span() for m in _PLACEHOLDER_RUN_RE.finditer(self.prose)]

    def touches_skipped(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a placeholder or a blanked character of the source."""
        spans = self.skipped_spans
        index = bisect.bisect_right(spans, (start, len(self.text) + 1)) - 1
        if index >= 0 and spans[index][1] > start:
            return True
        if index + 1 < len(spans) and spans[index + 1][0] < max(end, start + 1):
            return True
        prose, text = self.prose, self.text
        return any(prose[i] == " " and text[i] != " " for i in range(start, min(end, len(text))))

    def touches_opaque(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps an opaque placeholder (inline code, a URL)."""
        return OPAQUE in self.prose[start:max(end, start + 1)] if self.format != "text" else False

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [b.start for b in self.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_index(self, offset: int) -> int:
        """The index of the first token that starts at or after ``offset`` (``len(tokens)`` when none does)."""
        return bisect.bisect_left(self._token_starts, offset)

    def paragraph_of(self, offset: int) -> Block | None:
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    def sentence_of(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset``, if any."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    # -- word classes and names ---------------------------------------------
    @cached_property
    def _tagged(self) -> tuple[list[str], list[str]]:
        from garblint.linter.language.tagger import load_tagger

        tagger = load_tagger()
        tag = tagger.tag
        tokens = self.tokens
        penn: list[str] = []
        upos: list[str] = []
        # Tagging text of unseen words costs far more than prose; past this much
        # CPU time the rest is tagged by the cheap guess, and a note says so.
        budget = TAGGING_SECONDS_PER_MB * max(len(self.prose), 1_000_000) / 1_000_000
        started = time.process_time()
        since_check = 0
        for sentence in self.sentences:
            words = [_PLACEHOLDER_WORD if t.is_placeholder else t.text
                     for t in tokens[sentence.token_start:sentence.token_end]]
            # A sentence is tagged in windows, so that one endless "sentence" is checked against the budget too.
            for first in range(0, len(words), TAGGING_WINDOW):
                window = words[first:first + TAGGING_WINDOW]
                since_check += len(window)
                if tag is not tagger.guess and since_check >= TAGGING_WINDOW:
                    since_check = 0
                    if time.process_time() - started > budget:
                        tag = tagger.guess
                        self.tagging_guessed_from = tokens[sentence.token_start + first].start
                for pair in tag(window):
                    penn.append(pair[0])
                    upos.append(pair[1])
        for index, token in enumerate(tokens):
            if token.is_placeholder:
                penn[index], upos[index] = "NN", "X"  # inline code: a thing named, nothing to judge
        return penn, upos

    @property
    def tags(self) -> list[str]:
        """A Penn Treebank tag per token (``tokens[i]`` has ``tags[i]``), computed on first use."""
        return self._tagged[0]

    @property
    def upos(self) -> list[str]:
        """A Universal POS tag per token, computed with ``tags``."""
        return self._tagged[1]

    @cached_property
    def lemmas(self) -> list[str]:
        """A lemma per token: verbs, nouns and adjectives by table and rule, other words lower-cased."""
        from garblint.linter.language.lemmas import lemma

        return [lemma(t.text, tag) if t.is_word else t.lower for t, tag in zip(self.tokens, self.tags)]

    @cached_property
    def entities(self):
        """Proper names with a kind (person, place, organisation, other); see ``garblint.linter.language.entities``."""
        from garblint.linter.language.entities import find_entities

        return find_entities(self, self.tags)

    # -- shared analyses ---------------------------------------------------
    def memo(self, key: str, factory: Callable[["Document"], Any]) -> Any:
        """Compute an analysis once per document and share it between rules.

        Rules that need the same derived data (names the document mentions,
        part-of-speech tags) call ``doc.memo("names", find_names)``.
        """
        if key not in self._memo:
            self._memo[key] = factory(self)
        return self._memo[key]
