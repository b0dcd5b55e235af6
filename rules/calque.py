"""Calques: constructions carried over word for word from the source language."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from linter import hookimpl
from linter.rule import Rule

from ._data import load_data

# '...,” he accused.' / '...," the minister assured.' / '...,” accused Lavrov.'
_QUOTATIVE_RE = re.compile(
    r"[,?!…][”\"’]\s+"
    r"(?:(?P<subject>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:\s+[\w’'-]+){1,3}|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?P<verb>[a-z]+)"
    r"|(?P<verb2>[a-z]+)\s+(?P<subject2>(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}))"
    r"\s*\.(?=\s|$)"
)


@lru_cache(maxsize=None)
def base_verbs() -> frozenset[str]:
    text = resources.files("rules").joinpath("data/base_verbs.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


class BareQuotative(Rule):
    code = "GL501"
    name = "bare-quotative"
    family = "calque"
    severity = "warning"
    summary = "A verb that needs an object used alone to close a quotation (\"…,” he accused.\")."
    explanation = (
        "French \"a-t-il accusé\", Spanish \"aseguró\" or German \"versicherte\" close a "
        "quotation with a verb alone; English \"accuse\", \"assure\" or \"deplore\" need an "
        "object, so \"…,” he accused.\" reads as broken. Use said, added, charged or "
        "insisted, or give the verb its object. Intransitive quotatives (said, added, "
        "warned, insisted, explained) are fine and not reported. The verb list is in "
        "calque.yaml under `bare_quotatives`, with the source languages each calque comes from."
    )
    bad = "“They want to eliminate competitors,” he accused."
    good = "“They want to eliminate competitors,” he charged."
    default_options = {"extra_verbs": []}

    def check(self, doc):
        verbs = set(load_data("calque")["bare_quotatives"]) | set(self.options["extra_verbs"])
        for match in _QUOTATIVE_RE.finditer(doc.prose):
            verb = match.group("verb") or match.group("verb2")
            if verb not in verbs:
                continue
            start = match.start("subject") if match.group("verb") else match.start("verb2")
            end = match.end()
            yield self.finding(start, end, f"'{verb}' needs an object in English; as a quotative it is a calque",
                               [doc.prose[start:match.start("verb")] + "said." if match.group("verb") else "said " + match.group("subject2") + "."])


class BareInfinitive(Rule):
    code = "GL502"
    name = "missing-to-infinitive"
    family = "calque"
    severity = "warning"
    summary = "A verb that takes a to-infinitive followed by a bare verb (\"agreed intensify\")."
    explanation = (
        "\"Agree\", \"decide\", \"refuse\", \"plan\" and their kin take \"to\" before the "
        "next verb. Machine translation from languages that mark the infinitive on the "
        "verb itself drops it: \"have agreed intensify cooperation\". The second word must "
        "be a verb first (from a list drawn from the tagged Brown corpus), so \"the agreed "
        "price\" or \"plans call for\" are not reported."
    )
    bad = "China and Russia have agreed intensify cooperation."
    good = "China and Russia have agreed to intensify cooperation."

    def check(self, doc):
        data = load_data("calque")
        heads = set(data["to_infinitive_verbs"])
        ambiguous = set(data["ambiguous_forms"])
        determiners = set(data["determiners"])
        exceptions = set(data["bare_infinitive_exceptions"])
        verbs = base_verbs()
        tokens = doc.tokens
        for i in range(len(tokens) - 1):
            head, nxt = tokens[i], tokens[i + 1]
            lower = head.lower
            if lower not in heads or nxt.sentence != head.sentence:
                continue
            if nxt.lower not in verbs or nxt.lower in exceptions or not nxt.text.islower():
                continue
            if doc.prose[head.end:nxt.start] != " ":
                continue
            before = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == head.sentence else None
            if before is not None and before.lower in determiners:
                continue
            if lower in ambiguous and not _subject_like(before):
                continue
            yield self.finding(head.start, nxt.end, f"'{head.text}' takes 'to' before another verb",
                               [f"{head.text} to {nxt.text}"])


_AUXILIARIES = {"have", "has", "had", "will", "would", "also", "both", "not", "never", "and", "they", "we", "he", "she",
                "i", "you", "it", "who", "which", "that", "to", "still", "already", "did", "does", "do", "may", "might"}


def _subject_like(token) -> bool:
    return token is not None and (token.lower in _AUXILIARIES or token.text[:1].isupper())


_ONESELF_RE = re.compile(r"\b(to\s+(?:to\s+)?([a-z]+)\s+oneself)\b")
_GENERIC_RE = re.compile(r"\b(?:one|one's|it\s+is|it's|it\s+was|is\s+to|are\s+to)\b", re.I)
_SPECIFIC_FRAME_RE = re.compile(
    r"\b(?:was|were|is|are|been|be)\s+(?:not\s+)?(?:able|unable|ready|willing|forced|allowed|obliged)\s+$"
    r"|\b(?:wanted|wants|tried|tries|decided|decides|managed|manages|failed|fails|sought|seeks|refused|refuses|"
    r"agreed|agrees|hoped|hopes|promised|promises|chose|chooses|preferred|prefers|intended|intends|planned|plans)\s+$"
)


class GenericOneself(Rule):
    code = "GL503"
    name = "generic-oneself"
    family = "calque"
    severity = "warning"
    summary = "The generic \"oneself\" after a specific subject (\"no rival was able to present oneself\")."
    explanation = (
        "French and Spanish reflexive infinitives (se présenter, presentarse) are "
        "rendered with the generic \"oneself\" even when the subject is a specific person "
        "or group: \"no real rival was able to present oneself\" should be \"himself\" or "
        "\"themselves\". Generic statements (\"one must defend oneself\", \"it is hard to "
        "express oneself\") are correct and not reported."
    )
    bad = "No real rival was able to present oneself in the election."
    good = "No real rival was able to present himself in the election."

    def check(self, doc):
        prose = doc.prose
        for sentence in doc.sentences:
            if "oneself" not in sentence.text:
                continue
            for match in _ONESELF_RE.finditer(prose, sentence.start, sentence.end):
                before = prose[sentence.start:match.start()]
                if _GENERIC_RE.search(before) or not _SPECIFIC_FRAME_RE.search(before):
                    continue
                start = match.start(2)
                yield self.finding(start, match.end(), "generic 'oneself' after a specific subject",
                                   [f"{match.group(2)} himself", f"{match.group(2)} herself", f"{match.group(2)} themselves"])


@hookimpl
def garblint_rules():
    return [BareQuotative, BareInfinitive, GenericOneself]
