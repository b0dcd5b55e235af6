"""Verb lexicon shared by the rules: verb word lists and what verbs take after them.

Every table is drawn from tagged corpora by a script in tools/ and read once,
on first use:

- ``base_verbs()`` and ``verb_nouns()`` (tools/build_verb_lists.py, Brown):
  words that are base-form verbs first ("intensify"), and words often verbs
  but also nouns ("attack");
- ``quotative(lemma)`` (tools/build_verb_complements.py, Brown, EWT, BBC):
  how often a verb closes a quotation on its own (",” he said.") and how
  often it ends a clause at all;
- ``to_infinitive_verbs()`` (same script, Brown, EWT, BBC): verbs whose verbal
  complement is "to" + base verb ("agree", "manage") and that rarely take a
  bare verb straight after them (so not "help", "make", "let").
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from garblint.linter.engine.data_files import data_lines
from garblint.linter.language.lemmas import lemma
from garblint.linter.language.lexicon import zipf_at_least

def _lines(name: str):
    return data_lines("garblint.linter.language", f"data/{name}")


@lru_cache(maxsize=None)
def base_verbs() -> frozenset[str]:
    """Words that are base-form verbs first (from the tagged Brown corpus)."""
    return frozenset(line.strip() for line in _lines("base_verbs.txt"))


@lru_cache(maxsize=None)
def verb_nouns() -> frozenset[str]:
    """Words that are often base-form verbs but also nouns or adjectives ("attack")."""
    return frozenset(line.strip() for line in _lines("verb_nouns.txt"))


def verb_key(form: str, tag: str) -> str:
    """The key a verb form is filed under in the tables: its lemma (``garblint.linter.language.lemmas``)."""
    return lemma(form, tag)


def _lookup(table: dict, key: str):
    # The suffix rules leave some stems without their final "e" ("joked" ->
    # "jok"); the tables merge such stems into the word, so try both.
    found = table.get(key)
    if found is None and not key.endswith("e") and not zipf_at_least(key, 2.5):
        found = table.get(key + "e")
    if found is None and len(key) > 3 and key[-1] == key[-2]:
        found = table.get(key[:-1])  # "compell" -> "compel"
    return found


class QuotativeCounts(NamedTuple):
    alone: int  # after a quotation and its subject, ending the clause: ',” he said.'
    slot: int  # after a quotation and its subject, whatever follows
    finite: int  # finite uses in Brown + EWT
    ends: int  # finite uses followed by . ; ! ? :
    uses: int  # uses as a verb, any form, in all sources
    speech: int  # of those, before a that-clause or a quotation: 'lamented that', 'wrote: “'

    @property
    def end_share(self) -> float:
        """How often the verb ends its clause, smoothed towards "rarely" for verbs seen a few times."""
        return (self.ends + 1) / (self.finite + 4)

    @property
    def speech_share(self) -> float:
        """How often the verb frames a that-clause or a quotation, smoothed the same way."""
        return self.speech / (self.uses + 4)


@lru_cache(maxsize=1)
def _quotatives() -> dict[str, QuotativeCounts]:
    table = {}
    for line in _lines("quotatives.tsv"):
        word, *counts = line.split("\t")
        table[word] = QuotativeCounts(*map(int, counts))
    return table


def quotative(key: str) -> QuotativeCounts | None:
    """The counts for a verb lemma (see ``verb_key``), or None for a verb the corpora do not have."""
    return _lookup(_quotatives(), key)


@lru_cache(maxsize=1)
def _to_infinitive() -> dict[str, tuple[int, int, int, int, int]]:
    table = {}
    for line in _lines("to_infinitive_verbs.tsv"):
        word, *counts = line.split("\t")
        table[word] = tuple(map(int, counts))
    return table


def to_infinitive_verbs() -> frozenset[str]:
    """Lemmas of the verbs that take "to" before another verb."""
    return frozenset(_to_infinitive())


def _infinitive_counts(key: str, form: str | None = None):
    table = _to_infinitive()
    found = _lookup(table, key)
    if found is None and form is not None:
        found = table.get(form.lower())  # a form listed on its own: "going"
    return found


def takes_to_infinitive(key: str, form: str | None = None) -> bool:
    """Whether the verb (lemma ``key``, written ``form``) takes "to" before another verb."""
    return _infinitive_counts(key, form) is not None


def object_share(key: str, form: str | None = None) -> float:
    """How often a verb that takes "to" has a noun phrase straight after it ("wanted money": high, "seemed": low)."""
    counts = _infinitive_counts(key, form)
    if counts is None:
        return 0.0
    return counts[2] / max(counts[3], 1)


def to_infinitive_share(key: str, form: str | None = None) -> float:
    """How often the verb has "to" and a base verb straight after it ("wanted to": high, "programmed to": low)."""
    counts = _infinitive_counts(key, form)
    if counts is None:
        return 0.0
    return counts[0] / max(counts[3], 1)


def objects_per_infinitive(key: str, form: str | None = None) -> float:
    """Noun-phrase objects straight after the verb for each "to" + base verb ("use": 4, "agree": 0.5)."""
    counts = _infinitive_counts(key, form)
    if counts is None:
        return 0.0
    return counts[2] / max(counts[0], 1)


def two_object_share(key: str, form: str | None = None) -> float:
    """How often the verb has two objects straight after it ("promised him a job", "offered them help")."""
    counts = _infinitive_counts(key, form)
    if counts is None:
        return 0.0
    return counts[4] / max(counts[3], 1)


@lru_cache(maxsize=1)
def participle_homographs() -> frozenset[str]:
    """Base forms that are also past participles ("come", "run", "put"): after "have" they are not bare verbs."""
    return frozenset(line.strip() for line in _lines("participle_homographs.txt"))


# -- The quotative slot: ',” he said.' ---------------------------------------------
# Shared by the rule that judges the verb there and the script that counts
# which verbs clean prose puts there, so both see the same slots.

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_NP_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "DT", "PRP$", "CD", "POS"})
_NP_HEADS = frozenset({"NNP", "NNPS", "NN", "NNS"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_CLOSE_QUOTES = frozenset({"''", "”", '"', "’", "»"})
_OPEN_QUOTES = frozenset({"``", "“", '"', "‘", "«"})
_SLOT_MARKS = frozenset({",", "?", "!", ".", "…"})
_CLAUSE_ENDS = frozenset({".", ";", "!", "?", ":", ",", "…"})


class Slot(NamedTuple):
    quote: int  # index of the closing quotation mark
    subject: tuple[int, int]  # [start, end) of the subject
    verb: int
    alone: bool  # the verb ends its clause: ',” he accused.'
    inverted: bool  # ',” said the minister.'
    misread: bool = False  # the tagger read the verb as the noun ending the subject: ',” Curt struck.'


def _subject_end(words, i: int) -> int:
    """The index after a subject starting at ``i`` (a pronoun, or a noun phrase of up to six words), or -1."""
    if i >= len(words):
        return -1
    word, tag = words[i]
    if tag == "PRP":
        return i + 1 if word.lower() in _SUBJECT_PRONOUNS else -1
    j = i
    while j < len(words) and j - i < 6:
        text, tag = words[j]
        # "Mr. Dupont": a short title and its full stop
        if tag in _NP_TAGS or (text == "." and j > i and words[j - 1][0].istitle() and len(words[j - 1][0]) <= 4):
            j += 1
        else:
            break
    # The subject ends in a noun, or a name the tagger read as an adjective ("Mirzoyan/JJ").
    while j > i and words[j - 1][1] not in _NP_HEADS and not (words[j - 1][1] == "JJ" and words[j - 1][0].istitle()):
        j -= 1
    return j if j > i else -1


def _alone(words, k: int) -> bool:
    """Whether the verb at ``k`` ends its clause: punctuation or a quotation mark next, maybe after an -ly adverb."""
    n = len(words)
    if k + 1 >= n:
        return True
    text, tag = words[k + 1]
    if tag == "RB" and text.endswith("ly"):
        return k + 2 >= n or words[k + 2][0] in _CLAUSE_ENDS
    # (an opening quotation straight after the verb is its object: 'stood “no chance”')
    return text in _CLAUSE_ENDS or text in _CLOSE_QUOTES


def _misread_verb(words, start: int, end: int) -> bool:
    """Whether the last word of a subject is a past-tense verb the tagger read as a noun: ',” Curt struck.'

    Only after a name or a pronoun-like head, for a lower-case word the
    corpora know as a finite verb, ending its clause."""
    text, tag = words[end - 1]
    if tag != "NN" or not text.isalpha() or not text.islower() or words[end - 2][1] not in ("NNP", "NNPS"):
        return False
    if not _alone(words, end - 1):
        return False
    key = lemma(text, "VBD")
    if key == text.lower():
        return False
    counts = quotative(key)
    return counts is not None and counts.finite >= 3


def quotative_slots(words):
    """Every quotative slot in a list of (token text, Penn tag) pairs.

    A closing quotation mark (tagged '') after a comma, question or
    exclamation mark or full stop, or followed by a comma; then a subject
    and a finite verb (',” he said'), or a lower-case finite verb and its
    subject (',” said Mr Smith.'). After a full stop, question or
    exclamation mark a capitalised pronoun or noun starts a new sentence,
    not a quotative ('...?” He left.').
    """
    n = len(words)
    for q in range(1, n - 1):
        text = words[q][0]
        # A curly closing mark closes whatever the tagger says; a straight one when tagged so.
        if text not in _CLOSE_QUOTES or (words[q][1] != "''" and text not in "”»"):
            continue
        if words[q - 1][0] in _SLOT_MARKS:
            start = q + 1
        elif words[q + 1][0] == ",":
            start = q + 2
        else:
            continue
        if start >= n:
            continue
        after_stop = words[q - 1][0] in (".", "?", "!", "…")
        end = _subject_end(words, start)
        # A participle tag there is the tagger's reading of a bare past form: ',” the company assured.'
        if 0 < end < n and words[end][0].isalpha() and (
                words[end][1] in _FINITE or (words[end][1] == "VBN" and _alone(words, end))):
            if after_stop and words[start][0][:1].isupper() and words[start][1] not in ("NNP", "NNPS"):
                continue
            yield Slot(q, (start, end), end, _alone(words, end), False)
        elif end - 1 > start and _misread_verb(words, start, end):
            yield Slot(q, (start, end - 1), end - 1, True, False, True)
        elif words[start][1] in _FINITE | {"VBN"} and words[start][0].isalpha() and words[start][0].islower():
            end = _subject_end(words, start + 1)
            # The subject a name or a determiner's noun phrase: ',” said Mr Smith', ',” added the minister'
            if end > 0 and words[start + 1][1] in ("NNP", "NNPS", "DT") and (end >= n or words[end][0] in _CLAUSE_ENDS):
                yield Slot(q, (start + 1, end), start, True, True)
