"""`garblint check --fix`: apply the suggestions of fixable rules, check them, write the file back safely.

Fixes are applied to the exact text that was linted. Before anything is
written, a guard checks that every character outside the fixed spans is
unchanged, that no fix touches skipped markup (code, URLs, tags, link
targets), and that a Markdown file keeps the same structure. A file that
changed since it was read, a read-only file and anything but a regular file
is left alone, with a one-line reason.
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from garblint.linter.engine.atomic import durable_bytes_writer, write_atomically
from garblint.linter.engine.document import Document
from garblint.linter.engine.findings import Finding


# Rounds of fixes before --fix stops (as in ruff); each round fixes what the previous
# one uncovered or held back, and almost every file needs one or two.
MAX_ROUNDS = 100


class FixRefused(Exception):
    """A fix was not written; the message says why, in one line."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    code: str = ""  # the rule whose suggestion this is


@dataclass(frozen=True)
class SourceStamp:
    """What a file was when it was read, to tell whether it changed before a fix is written."""

    path: str
    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, path: str, data: bytes, st: os.stat_result) -> "SourceStamp":
        return cls(path, st.st_size, st.st_mtime_ns, hashlib.blake2b(data, digest_size=16).hexdigest())


def plan_edits(doc: Document, findings: list[Finding], fixable_codes: set[str]) -> list[Edit]:
    """The edits to make, left to right, one per fixable finding with a suggestion.

    An edit that overlaps an earlier one waits for the next run, so two rules
    never edit the same characters at once; one that touches skipped markup or
    lies outside the prose is never made.
    """
    edits: list[Edit] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.code not in fixable_codes or not finding.suggestions or finding.start < position:
            continue
        replacement = finding.suggestions[0]
        if doc.text[finding.start:finding.end] == replacement:
            continue
        if doc.touches_skipped(finding.start, finding.end) or doc.paragraph_of(finding.start) is None:
            continue
        edits.append(Edit(finding.start, finding.end, replacement, finding.code))
        position = finding.end
    return edits


def apply_edits(text: str, edits: list[Edit]) -> str:
    pieces: list[str] = []
    position = 0
    for edit in edits:
        pieces.append(text[position:edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def apply_fixes(text: str, findings: list[Finding], fixable_codes: set[str], doc: Document | None = None) -> tuple[str, int]:
    """The text with each fixable finding's first suggestion applied, and how many were applied."""
    edits = plan_edits(doc or Document(text), findings, fixable_codes)
    return apply_edits(text, edits), len(edits)


def markdown_structure(text: str) -> list:
    """Markdown's structure: every block and inline token type in order, with the
    contents of what garblint never edits (code, tags, link and image targets)."""
    from markdown_it import MarkdownIt

    from garblint.linter.inputs.formats import MAX_NESTING

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
    kept = ("code_inline", "html_inline", "html_block", "fence", "code_block")
    structure: list = []
    for token in md.parse(text):
        if token.type != "inline":
            structure.append((token.type, token.content if token.type in kept else ""))
        for child in token.children or ():
            if child.type in ("text", "softbreak"):
                continue
            target = child.attrs.get("href") or child.attrs.get("src") or ""
            structure.append((child.type, child.content if child.type in kept else "", target))
    return structure


def guard(doc: Document, edits: list[Edit], fixed: str) -> str | None:
    """Why ``fixed`` must not be written over ``doc.text``, or ``None`` when it may be."""
    text = doc.text
    position = cursor = 0
    for edit in edits:
        if doc.touches_skipped(edit.start, edit.end):
            return f"a fix at offset {edit.start} would edit skipped markup"
        if fixed[cursor:cursor + edit.start - position] != text[position:edit.start]:
            return f"text before offset {edit.start} would change"
        cursor += edit.start - position
        if fixed[cursor:cursor + len(edit.replacement)] != edit.replacement:
            return f"the fix at offset {edit.start} was not applied as planned"
        cursor += len(edit.replacement)
        position = edit.end
    if fixed[cursor:] != text[position:] or len(fixed) - cursor != len(text) - position:
        return "text after the last fix would change"
    if fixed.count("\n") != text.count("\n"):
        return "the fixes would change the number of lines"
    if doc.format == "markdown" and markdown_structure(fixed) != markdown_structure(text):
        return "the fixes would change the Markdown structure (code spans, links or blocks)"
    return None


def write_fixed(stamp: SourceStamp, text: str) -> None:
    """Write ``text`` over the file ``stamp`` describes, or raise FixRefused.

    A symbolic link is followed and its target written. A file with other hard
    links is written in place, after a full copy of the old contents that is
    put back if the write fails; any other file is replaced atomically
    (temporary file, then rename), so a reader sees the old or the new file,
    never half of one. Permissions, and ownership where allowed, are kept.
    """
    target, st, current = unchanged_since_read(stamp)
    if not st.st_mode & 0o222:
        raise FixRefused("the file is read-only")
    data = text.encode("utf-8")
    try:
        if st.st_nlink > 1:
            _write_in_place(target, data, current)
        else:
            _replace(target, data, st)
    except OSError as exc:
        raise FixRefused(f"cannot write it: {exc.strerror or exc}") from None


def unchanged_since_read(stamp: SourceStamp) -> tuple[str, os.stat_result, bytes]:
    """The file's real path, status and contents, or FixRefused if it is not what was read."""
    target = os.path.realpath(stamp.path)
    try:
        st = os.stat(target)
    except OSError as exc:
        raise FixRefused(f"cannot read it again: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise FixRefused("not a regular file")
    try:
        with open(target, "rb") as handle:
            current = handle.read()
    except OSError as exc:
        raise FixRefused(f"cannot read it again: {exc.strerror or exc}") from None
    if (st.st_size != stamp.size or st.st_mtime_ns != stamp.mtime_ns
            or hashlib.blake2b(current, digest_size=16).hexdigest() != stamp.digest):
        raise FixRefused("the file changed after it was read; run garblint again")
    return target, st, current


def _replace(target: str, data: bytes, st: os.stat_result) -> None:
    write_atomically(target, durable_bytes_writer(data), like=st)


def _write_in_place(target: str, data: bytes, old: bytes) -> None:
    # Renaming a new file over a hard link would split it from its other
    # names; write through the shared inode instead, with the old contents
    # copied aside first so that a failed write can be undone.
    handle, backup = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".garblint-", suffix=".bak")
    with os.fdopen(handle, "wb") as stream:
        stream.write(old)
        stream.flush()
        os.fsync(stream.fileno())
    try:
        with open(target, "r+b") as stream:
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with open(target, "r+b") as stream:
            stream.write(old)
            stream.truncate()
        raise
    finally:
        os.unlink(backup)


def fix_text(linter, text: str, path: str, findings: list[Finding] | None = None,
             keep: Callable[[list[Finding]], list[Finding]] | None = None, tally: Counter | None = None) -> tuple[str, int]:
    """The text with every fixable finding fixed, and how many fixes were made.

    Fixes are applied in rounds, as ruff does: a fix held back because it
    overlapped another, or one that only appears once another is made ("the
    the the"), is made in the next round, so running --fix again changes
    nothing. ``findings`` are the first round's (already filtered); ``keep``
    filters later rounds' (a baseline); ``tally``, when given, counts the fixes
    made by rule code. Raises FixRefused when the guard refuses.
    """
    fixable = {cls.code for cls in linter.rule_classes if cls.fixable}
    applied = 0
    made: Counter = Counter()
    for _ in range(MAX_ROUNDS):
        if findings is None:
            findings = linter.lint_text(text, path).findings
            if keep is not None:
                findings = keep(findings)
        doc = linter.parse(text, path)
        edits = plan_edits(doc, findings, fixable)
        if not edits:
            break
        fixed = apply_edits(text, edits)
        reason = guard(doc, edits, fixed)
        if reason is not None:
            raise FixRefused(reason)
        text, applied, findings = fixed, applied + len(edits), None
        made.update(edit.code for edit in edits)
    if tally is not None:
        tally.update(made)
    return text, applied


def fix_file(linter, result, keep: Callable[[list[Finding]], list[Finding]] | None = None,
             tally: Counter | None = None) -> int:
    """Fix a linted file, starting from the text that was linted; return how many fixes were made.

    Raises FixRefused, leaving the file untouched, when the guard or the
    write refuses.
    """
    if result.text is None or result.stamp is None:
        raise FixRefused("its text was not kept")
    # A file that changed since it was linted is refused before the rounds of
    # fixes lint it again, not only when the fixed text would be written.
    unchanged_since_read(result.stamp)
    fixed, applied = fix_text(linter, result.text, result.path, result.findings, keep, tally)
    if applied:
        write_fixed(result.stamp, fixed)
    return applied
