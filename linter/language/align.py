"""Sentence alignment between an original text and its rewrite.

A rewrite splits, merges, drops and reorders sentences, and a spinner swaps
words for synonyms, so sentences are compared by what a rewrite tends to
keep: names, numbers and the content words that have no easy synonym. Each
rewrite sentence is aligned to the original sentence, or pair of adjacent
sentences, that it shares most with; no order is imposed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from garblint.linter.engine.document import Document

STOPWORDS = frozenset(
    """a an the and or but nor of to in on at by for with from into onto over under about after before as is are was
    were be been being has have had do does did will would can could shall should may might must it its this that these
    those he she they we i you his her their our my your him them us me who whom which what when where while than then
    there here not no so such also very more most much many some any all each every other another both either neither
    only just even still yet said says say""".split()
)
_NUMBER_RE = re.compile(r"\d")


def stem(word: str) -> str:
    """A crude stem: enough to match "sanctions"/"sanction", "agreed"/"agree"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass
class SentenceKeys:
    """What a sentence is compared by."""

    content: set[str] = field(default_factory=set)
    anchors: set[str] = field(default_factory=set)  # names and numbers weigh more


def sentence_keys(doc: Document, index: int) -> SentenceKeys:
    keys = SentenceKeys()
    for position, token in enumerate(doc.sentence_tokens(doc.sentences[index])):
        if token.is_punct:
            continue
        lower = token.lower
        if _NUMBER_RE.search(token.text):
            keys.anchors.add(token.text.rstrip("%"))
        elif token.text[:1].isupper() and position > 0 and lower not in STOPWORDS:
            keys.anchors.add(stem(token.text))
        elif lower not in STOPWORDS and len(lower) > 2:
            keys.content.add(stem(lower))
    return keys


def similarity(a: SentenceKeys, b: SentenceKeys) -> float:
    """Dice overlap with names and numbers counted twice."""
    shared = len(a.content & b.content) + 2 * len(a.anchors & b.anchors)
    total = len(a.content) + len(b.content) + 2 * (len(a.anchors) + len(b.anchors))
    return 2 * shared / total if total else 0.0


def _merge(a: SentenceKeys, b: SentenceKeys) -> SentenceKeys:
    return SentenceKeys(a.content | b.content, a.anchors | b.anchors)


@dataclass
class AlignedPair:
    original: list[int]  # sentence indices in the original (one or two adjacent)
    rewrite: list[int]  # sentence indices in the rewrite
    similarity: float


# Each rewrite sentence is compared with the original sentences within this many
# positions of where it would be if the two texts ran in step. Rewrites reorder
# within a passage, not across a whole book; texts of up to 2 * WINDOW + 1
# sentences are compared in full.
WINDOW = 60


def align(original: Document, rewrite: Document, threshold: float = 0.2) -> list[AlignedPair]:
    """Align each rewrite sentence to its best original sentence or adjacent pair.

    Rewrite sentences that match nothing (threshold) are left out: they are new
    text, and drift rules have nothing to compare them with. Only original
    sentences in the window that share a key with the rewrite sentence (or
    whose neighbour does, for a pair) are scored: the others score 0.
    """
    orig_keys = [sentence_keys(original, i) for i in range(len(original.sentences))]
    merged_keys = [_merge(a, b) for a, b in zip(orig_keys, orig_keys[1:])]
    count = len(orig_keys)
    postings: dict[tuple[bool, str], list[int]] = {}
    for o, okeys in enumerate(orig_keys):
        for key in okeys.content:
            postings.setdefault((False, key), []).append(o)
        for key in okeys.anchors:
            postings.setdefault((True, key), []).append(o)
    pairs: list[AlignedPair] = []
    rewrite_count = len(rewrite.sentences)
    for r in range(rewrite_count):
        keys = sentence_keys(rewrite, r)
        centre = r * count // max(1, rewrite_count)
        low, high = max(0, centre - WINDOW), min(count, centre + WINDOW + 1)
        if count <= 2 * WINDOW + 1:
            low, high = 0, count
        sharing: set[int] = set()
        for anchor, words in ((False, keys.content), (True, keys.anchors)):
            for key in words:
                found = postings.get((anchor, key), ())
                sharing.update(found[bisect.bisect_left(found, low):bisect.bisect_left(found, high)])
        # A pair (o, o + 1) shares a key when either sentence does.
        candidates = sorted(sharing | {o - 1 for o in sharing if o > low})
        best: AlignedPair | None = None
        for o in candidates:
            score = similarity(keys, orig_keys[o]) if o in sharing else 0.0
            if best is None or score > best.similarity:
                best = AlignedPair([o], [r], score)
            if o + 1 < count:
                merged = similarity(keys, merged_keys[o])
                # A merge must beat the single sentence clearly to be chosen.
                if merged > best.similarity + 0.05:
                    best = AlignedPair([o, o + 1], [r], merged)
        if best is not None and best.similarity >= threshold:
            pairs.append(best)
    return pairs
