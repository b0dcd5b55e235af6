"""The lines of each file that changed since a git revision, for ``check --diff-base REF``.

Read from ``git diff --unified=0 REF -- FILES`` (the working tree against
REF, staged or not); a file git does not track counts as changed throughout.
"""
from __future__ import annotations

import os
import re
import subprocess

_HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class DiffBaseError(Exception):
    """--diff-base cannot be answered; the message is one line."""


def _git(folder: str, *arguments: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", folder, "-c", "core.quotePath=false", *arguments],
                              capture_output=True, text=True, encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise DiffBaseError("--diff-base needs git, which is not installed") from None


class ChangedLines:
    """The 1-based lines of each file (by real path) changed since a revision; None: all of them."""

    def __init__(self, lines: dict[str, set[int] | None]):
        self.lines = lines

    def of(self, path: str) -> set[int] | None:
        return self.lines.get(os.path.realpath(path), set())

    def keep(self, findings: list, path: str) -> list:
        """The findings on changed lines (a finding over several lines is kept if any of them changed)."""
        changed = self.of(path)
        if changed is None:
            return findings
        return [f for f in findings if any(line in changed for line in range(f.line, max(f.line, f.end_line) + 1))]


def changed_lines(ref: str, paths: list[str]) -> ChangedLines:
    """The lines of each of ``paths`` changed since ``ref``."""
    start = paths[0] if paths else "."
    folder = start if os.path.isdir(start) else (os.path.dirname(start) or ".")
    top_run = _git(folder, "rev-parse", "--show-toplevel")
    if top_run.returncode != 0:
        raise DiffBaseError(f"--diff-base: {os.path.abspath(folder)} is not in a git repository")
    top = os.path.realpath(top_run.stdout.strip())
    if _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise DiffBaseError(f"--diff-base: '{ref}' is not a revision of the repository at {top}")
    real = {os.path.realpath(path): path for path in paths}
    for path, given in real.items():
        if os.path.commonpath([top, path]) != top:
            raise DiffBaseError(f"--diff-base: {given} is outside the git repository at {top}")
    relative = [os.path.relpath(path, top) for path in real]
    changed: dict[str, set[int] | None] = {path: set() for path in real}
    diff = _git(top, "diff", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", ref, "--", *relative)
    if diff.returncode != 0:
        raise DiffBaseError(f"--diff-base: git diff failed: {(diff.stderr.strip().splitlines() or ['?'])[0]}")
    current: set[int] | None = None
    for line in diff.stdout.splitlines():
        if line.startswith("+++ "):
            # git ends a name holding a space with a tab; one holding a tab or quote is C-quoted.
            name = _unquote(line[4:].rstrip("\t"))
            current = None
            if name != "/dev/null":
                current = changed.setdefault(os.path.realpath(os.path.join(top, name[2:])), set())
            continue
        match = _HUNK_RE.match(line)
        if match and current is not None:
            first, count = int(match.group(1)), int(match.group(2) or 1)
            current.update(range(first, first + count))
    untracked = _git(top, "ls-files", "--others", "-z", "--", *relative)
    for name in untracked.stdout.split("\0"):
        if name:
            changed[os.path.realpath(os.path.join(top, name))] = None
    return ChangedLines(changed)


def _unquote(name: str) -> str:
    """A path as git prints it: as it is, or C-quoted when it holds unusual characters."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    out = bytearray()
    body, index = name[1:-1], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            following = body[index + 1]
            if following in "01234567" and index + 4 <= len(body):
                out.append(int(body[index + 1:index + 4], 8))
                index += 4
                continue
            out += _ESCAPES.get(following, following).encode("utf-8")
            index += 2
            continue
        out += char.encode("utf-8", "surrogateescape")
        index += 1
    return out.decode("utf-8", "surrogateescape")
