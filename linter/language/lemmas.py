"""Lemmas for tagged words: a table of irregular forms and suffix rules for the rest.

``lemma("refused", "VBD")`` is "refuse", ``lemma("went", "VBD")`` "go",
``lemma("cities", "NNS")`` "city". The table (``data/lemmas.tsv``, built by
tools/build_lemmas.py from UD English-EWT) holds only the forms the rules
below get wrong, so it stays small; it is read once, on first use.
"""
from __future__ import annotations

from functools import lru_cache

from garblint.linter.engine.data_files import data_lines

_VOWELS = set("aeiou")


def word_class(tag: str) -> str:
    """"V", "N" or "J" for verb, noun and adjective tags; "" for the others."""
    if tag.startswith("VB") or tag == "MD":
        return "V"
    if tag in ("NN", "NNS"):
        return "N"
    if tag.startswith("JJ"):
        return "J"
    return ""


@lru_cache(maxsize=1)
def _irregular() -> dict[tuple[str, str], str]:
    table = {}
    for line in data_lines("garblint.linter.language", "data/lemmas.tsv"):
        form, kind, lemma = line.split("\t")
        table[(form, kind)] = lemma
    return table


def _undouble(stem: str) -> str:
    # "stopped" -> "stop", but "called" -> "call", "missed" -> "miss"
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" and stem[-1] not in _VOWELS:
        return stem[:-1]
    return stem


def guess_lemma(form: str, tag: str) -> str:
    """The lemma suffix rules give a lower-case ``form`` with Penn ``tag``."""
    if tag in ("VBD", "VBN") and form.endswith("ed") and len(form) > 4:
        if form.endswith("ied"):
            return form[:-3] + "y"
        stem = form[:-2]
        if stem.endswith(("at", "iz", "us", "uc", "ov", "iv", "rg", "ng", "dg", "rs", "ur", "ag", "ir", "ot", "as")) or (
                len(stem) >= 2 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-1] in "cvz"):
            return stem + "e"
        return _undouble(stem)
    if tag == "VBG" and form.endswith("ing") and len(form) > 5:
        stem = form[:-3]
        return _undouble(stem)
    if tag in ("VBZ", "NNS"):
        if form.endswith("ies") and len(form) > 4:
            return form[:-3] + "y"
        if form.endswith(("ches", "shes", "sses", "xes", "zes")):
            return form[:-2]
        if form.endswith("s") and not form.endswith("ss") and len(form) > 3:
            return form[:-1]
    if tag == "JJR" and form.endswith("er") and len(form) > 4:
        return _undouble(form[:-2])
    if tag == "JJS" and form.endswith("est") and len(form) > 5:
        return _undouble(form[:-3])
    return form


def lemma(form: str, tag: str) -> str:
    """The lemma of ``form`` tagged ``tag`` (lower case); the lower-case form for other classes."""
    lower = form.lower()
    kind = word_class(tag)
    if not kind:
        return lower
    return _irregular().get((lower, kind)) or guess_lemma(lower, tag)
