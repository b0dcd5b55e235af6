"""Sentence alignment between an original text and its rewrite.

A rewrite splits, merges, drops and reorders sentences, and a spinner swaps
words for synonyms, so sentences are compared by what a rewrite tends to
keep: names, numbers and the content words that have no easy synonym. Each
rewrite sentence is aligned to the original sentence, or pair of adjacent
sentences, that it shares most with; no order is imposed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document

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


def align(original: Document, rewrite: Document, threshold: float = 0.2) -> list[AlignedPair]:
    """Align each rewrite sentence to its best original sentence or adjacent pair.

    Rewrite sentences that match nothing (threshold) are left out: they are new
    text, and drift rules have nothing to compare them with.
    """
    orig_keys = [sentence_keys(original, i) for i in range(len(original.sentences))]
    pairs: list[AlignedPair] = []
    for r in range(len(rewrite.sentences)):
        keys = sentence_keys(rewrite, r)
        best: AlignedPair | None = None
        for o, okeys in enumerate(orig_keys):
            score = similarity(keys, okeys)
            if best is None or score > best.similarity:
                best = AlignedPair([o], [r], score)
            if o + 1 < len(orig_keys):
                merged = similarity(keys, _merge(okeys, orig_keys[o + 1]))
                # A merge must beat the single sentence clearly to be chosen.
                if merged > best.similarity + 0.05:
                    best = AlignedPair([o, o + 1], [r], merged)
        if best is not None and best.similarity >= threshold:
            pairs.append(best)
    return pairs
