"""Baselines: record today's findings so that only new ones are reported.

A finding is identified by its file, its rule and a fingerprint of the
flagged text with a few words of context on each side, never by its line, so
editing elsewhere in the file keeps an old finding hidden. The same text
flagged twice in one file is counted, and only that many are hidden.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from garblint.linter.engine.atomic import write_atomically
from garblint.linter.engine.runner import InputError

FORMAT_VERSION = 1


def _key_path(path: str) -> str:
    return Path(path).as_posix() if path != "-" else "-"


def write_baseline(target: str, results) -> int:
    entries = []
    for result in results:
        for f in result.findings:
            entries.append({"path": _key_path(f.path), "code": f.code, "fingerprint": f.fingerprint, "message": f.message})
    entries.sort(key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    payload = json.dumps({"version": FORMAT_VERSION, "tool": "garblint", "findings": entries}, indent=1, ensure_ascii=False)
    check_baseline_target(target)
    # Write atomically: a half-written baseline would unhide everything.
    def write(path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(payload + "\n")

    try:
        write_atomically(target, write, prefix=".garblint-baseline-")
    except OSError as exc:
        raise InputError(f"{target}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(entries)


def check_baseline_target(target: str) -> None:
    """Refuse a baseline path that cannot be a file, before any linting is done."""
    if os.path.isdir(target):
        raise InputError(f"{target}: is a folder; --write-baseline takes a file name")
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise InputError(f"{target}: cannot write the baseline: no folder {folder}")


def load_baseline(source: str) -> Counter:
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{source}: baseline file not found") from None
    except (OSError, ValueError, RecursionError) as exc:
        raise InputError(f"{source}: not a garblint baseline ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(f"{source}: not a garblint baseline (no 'findings' list)")
    known: Counter = Counter()
    for entry in data["findings"]:
        try:
            known[(entry["path"], entry["code"], entry["fingerprint"])] += 1
        except (KeyError, TypeError):
            raise InputError(f"{source}: malformed baseline entry {entry!r}") from None
    return known


def apply_baseline(results, known: Counter) -> int:
    """Drop baselined findings from ``results`` in place; return how many were hidden."""
    remaining = Counter(known)
    hidden = 0
    for result in results:
        kept = []
        for f in result.findings:
            key = (_key_path(f.path), f.code, f.fingerprint)
            if remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
            else:
                kept.append(f)
        result.findings = kept
    return hidden
