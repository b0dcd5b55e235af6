"""The corpus pass: what rules learn from every document before any is linted.

When ``check`` runs over several files, or ``scan`` over a corpus, rules that
set ``corpus_pass`` (GL606 template-line) first see every document through
``Rule.corpus_keys``, which gives a set of 64-bit keys (hashes of normalised
lines) per document. A ``DocumentCounter`` counts in how many documents each key
occurs, in bounded memory: it holds at most ``max_keys`` keys, and when full it
forgets the keys seen in the fewest documents (lossy counting), so a key that
recurs in many documents survives and its count is exact or a slight
undercount. The rule then keeps a small summary (``Rule.corpus_summary``: the
keys above its thresholds), which is what worker processes receive; the
second pass lints each document with it. A single file has no corpus pass.
"""
from __future__ import annotations

import hashlib
from typing import Any, Iterable


def line_key(text: str) -> int:
    """A 64-bit key for a line: its text with white space normalised, hashed (8-byte BLAKE2b)."""
    normal = " ".join(text.split())
    return int.from_bytes(hashlib.blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


class DocumentCounter:
    """In how many documents each key occurs, with at most ``max_keys`` keys held."""

    def __init__(self, max_keys: int = 1_000_000):
        self.max_keys = max(16, int(max_keys))
        self.counts: dict[int, int] = {}
        self.documents = 0
        self.floor = 0  # counts at or below this were forgotten at least once: an undercount is possible

    def add(self, keys: Iterable[int]) -> None:
        self.documents += 1
        counts = self.counts
        for key in set(keys):
            counts[key] = counts.get(key, 0) + 1
        if len(counts) > self.max_keys:
            self._prune()

    def _prune(self) -> None:
        # Forget the rarest keys until half the room is free; template lines recur, so they stay.
        counts = self.counts
        limit = self.floor
        while len(counts) > self.max_keys // 2:
            limit += 1
            for key in [k for k, c in counts.items() if c <= limit]:
                del counts[key]
        self.floor = limit

    def frequent(self, min_documents: int) -> dict[int, int]:
        return {key: count for key, count in self.counts.items() if count >= min_documents}


def collect(linter, documents: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Feed ``(text, path)`` pairs to the linter's corpus rules; returns their summaries by rule code."""
    rules = [rule for rule in linter.rules if getattr(rule, "corpus_pass", False)]
    if not rules:
        return {}
    counters = {rule.code: DocumentCounter(rule.options.get("max_keys", 1_000_000)) for rule in rules}
    for text, path in documents:
        doc = linter.parse(text, path)
        for rule in rules:
            counters[rule.code].add(rule.corpus_keys(doc))
    return {rule.code: rule.corpus_summary(counters[rule.code]) for rule in rules}


def digest(state: dict[str, Any]) -> str | None:
    """A stable hash of the corpus summaries (for the result cache), None when there are none."""
    if not state:
        return None
    import json

    payload = json.dumps(state, sort_keys=True, default=repr)
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()
