"""`garblint check --fix`: apply the suggestions of fixable rules and write the file back atomically."""
from __future__ import annotations

import os
import stat
import tempfile

from .findings import Finding


def apply_fixes(text: str, findings: list[Finding], fixable_codes: set[str]) -> tuple[str, int]:
    """The text with each fixable finding's first suggestion applied, and how many were applied.

    Fixes are applied left to right; one that overlaps an earlier fix is left for
    the next run, so two rules never edit the same characters at once.
    """
    pieces: list[str] = []
    position = applied = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.code not in fixable_codes or not finding.suggestions or finding.start < position:
            continue
        replacement = finding.suggestions[0]
        if text[finding.start:finding.end] == replacement:
            continue
        pieces.append(text[position:finding.start])
        pieces.append(replacement)
        position = finding.end
        applied += 1
    pieces.append(text[position:])
    return "".join(pieces), applied


def write_atomically(path: str, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) so that a reader sees the old or the new file, never half of one."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".garblint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
