"""Tortured phrases: fingerprints of paraphrasing tools ("counterfeit consciousness").

The list comes from the Problematic Paper Screener (Cabanac, Labbé &
Magazinov, CC BY 4.0; see data/TORTURED_PHRASES_LICENSE.md), cleaned by
tools/build_tortured_phrases.py. Matching indexes the phrases by first word
and walks the document's tokens once.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from linter import hookimpl
from linter.lexicon import zipf_at_least
from linter.rule import Rule


@lru_cache(maxsize=None)
def phrase_index() -> tuple[dict[tuple[str, str], list[tuple[tuple[str, ...], str]]], int]:
    """(first word, second word) -> [(phrase words, correction)], and the longest phrase length.

    Keying on the first two words keeps the scan to one dictionary lookup per
    token pair, whatever the size of the list.
    """
    data = json.loads(resources.files("rules").joinpath("data/tortured_phrases.json").read_text(encoding="utf-8"))
    index: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
    longest = 0
    for phrase, correct in data["phrases"].items():
        words = tuple(phrase.split())
        second = words[1] if len(words) > 2 else words[1].removesuffix("s") if len(words[1]) > 3 and words[1].endswith("s") else words[1]
        index.setdefault((words[0], second), []).append((words, correct))
        longest = max(longest, len(words))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest match first
    return index, longest


def _forms(word: str) -> tuple[str, ...]:
    """A token and its singular, so that "profound learnings" matches "profound learning"."""
    if word.endswith("s") and len(word) > 3:
        return (word, word[:-1])
    return (word,)


class TorturedPhrase(Rule):
    code = "GL701"
    name = "tortured-phrase"
    family = "tortured-phrases"
    severity = "warning"
    summary = "A phrase that paraphrasing tools produce in place of an established term (\"counterfeit consciousness\")."
    explanation = (
        "Article spinners replace each word of a technical term with a synonym and turn "
        "\"artificial intelligence\" into \"counterfeit consciousness\" or \"deep learning\" into "
        "\"profound learning\". The rule matches a list of such fingerprints from the "
        "Problematic Paper Screener and suggests the established term. One isolated hit "
        "is a warning (info when the phrase is made only of common words, which can occur "
        "by chance); a document with several distinct hits (`min_distinct`) has been spun, "
        "and every hit becomes an error."
    )
    bad = "We train a profound learning model for counterfeit consciousness research."
    good = "We train a deep learning model for artificial intelligence research."
    default_options = {"min_distinct": 3}

    def check(self, doc):
        index, longest = phrase_index()
        words = doc.words
        hits = []
        i = 0
        while i < len(words):
            token = words[i]
            matched = None
            candidates = None
            if i + 1 < len(words):
                second = words[i + 1].lower
                candidates = index.get((token.lower, second))
                if candidates is None and len(second) > 3 and second.endswith("s"):
                    candidates = index.get((token.lower, second[:-1]))
            if candidates:
                for phrase, correct in candidates:
                    n = len(phrase)
                    window = words[i:i + n]
                    if len(window) < n or window[-1].sentence != token.sentence:
                        continue
                    if all(w.lower == p for w, p in zip(window[:-1], phrase[:-1])) and phrase[-1] in _forms(window[-1].lower):
                        # The words must be adjacent: nothing but spaces or hyphens between.
                        if all(not doc.prose[a.end:b.start].strip(" -") for a, b in zip(window, window[1:])):
                            matched = (window[0].start, window[-1].end, " ".join(phrase), correct)
                            break
            if matched:
                hits.append(matched)
                i += len(matched[2].split())
            else:
                i += 1
        distinct = {phrase for _, _, phrase, _ in hits}
        spun = len(distinct) >= self.options["min_distinct"]
        for start, end, phrase, correct in hits:
            if spun:
                severity, note = "error", f" (one of {len(distinct)} tortured phrases in this document)"
            elif all(zipf_at_least(w, 4.5) for w in phrase.split()):
                severity, note = "info", ""
            else:
                severity, note = self.severity, ""
            yield self.finding(start, end, f"tortured phrase for '{correct}'{note}", [correct], severity=severity)


@hookimpl
def garblint_rules():
    return [TorturedPhrase]
