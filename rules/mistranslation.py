"""Mistranslation: a word rendered with a neighbour of the right one."""
from __future__ import annotations

import re

from garblint.linter import hookimpl
from garblint.linter.language.lexicon import zipf
from garblint.linter.engine.rule import Rule

# An institution ("the Russian Foreign Ministry", "the Ministry of Defence") set in
# apposition to a person's name, which only a role ("Minister") can be.
_INSTITUTION_RE = re.compile(
    r"\b(?P<institution>(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:[A-Z][\w.-]*[ \t]+){0,3}"
    r"(?P<head>Ministry|Ministries|Secretariat|Presidency|Chancellery|Embassy|Department|Commissariat)"
    r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:and[ \t]+)?[A-Z][a-z]+){0,2})?)"
    r",[ \t]+(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2})"
    r"(?=,(?![ \t]+(?:and|or)[ \t]+[A-Z])|[ \t]+(?:said|says|told|tells|stated|added|noted|announced|stressed|warned|met|meets)\b)"
)
_DETERMINERS = frozenset(["the", "its", "his", "her", "their"])
# Institutions named after an office that one person holds: the office is easily confused with its holder.
_OFFICES = frozenset(["Ministry", "Ministries", "Secretariat", "Presidency", "Chancellery", "Embassy", "Department",
                      "Commissariat", "Office", "Consulate", "Prefecture", "Governorate", "Mayoralty", "Directorate"])
_ROLE_FOR = {"Ministry": "Minister", "Ministries": "Ministers", "Secretariat": "Secretary", "Presidency": "President",
             "Chancellery": "Chancellor", "Embassy": "Ambassador", "Department": "Secretary", "Commissariat": "Commissioner",
             "Consulate": "Consul", "Prefecture": "Prefect", "Governorate": "Governor", "Mayoralty": "Mayor",
             "Directorate": "Director"}


class InstitutionForPerson(Rule):
    code = "GL481"
    name = "institution-for-person"
    family = "mistranslation"
    severity = "warning"
    summary = "An office in apposition to a person's name (\"the Foreign Ministry, Sergey Lavrov,\") or taken up by \"who\"."
    explanation = (
        "Translation often confuses an office with its holder: Russian \"МИД\" and Chinese "
        "\"外长\" come out as \"the Foreign Ministry\" where \"the Foreign Minister\" is meant. "
        "Set in apposition to a name (\"The Russian Foreign Ministry, Sergey Lavrov, and his "
        "Chinese counterpart met\") or taken up by \"who\" (\"the Interior Ministry, who\"), the "
        "institution is a person. The rule reports an organisation (garblint.linter.language.entities) whose head "
        "word is an office with one holder (ministry, department, embassy, office, consulate, "
        "presidency...) followed by a comma and either \"who\" or a person's full name that "
        "closes the apposition or is followed by its verb, and suggests the role where there is "
        "one. Lists (\"the Foreign Ministry, Sergey Lavrov and Vladimir Putin\") and an office "
        "after a noun (\"the spokesman for the Foreign Office, Jack Straw,\") are not reported. "
        "An office called \"he\" (\"the ministry said he\") is reported by gendered-entity-pronoun."
    )
    bad = "The Russian Foreign Ministry, Sergey Lavrov, met his Chinese counterpart on Wednesday."
    good = "The Russian Foreign Minister, Sergey Lavrov, met his Chinese counterpart on Wednesday."

    def check(self, doc):
        found = list(self._by_pattern(doc))
        for finding in self._by_entities(doc):
            if not any(finding.start < f.end and f.start < finding.end for f in found):
                found.append(finding)
        yield from sorted((f for f in found if not _after_a_noun(doc, f.start)), key=lambda f: f.start)

    def _by_entities(self, doc):
        """An office ("the Interior Ministry") set beside a person's full name, or taken up by "who"."""
        entities = doc.entities
        tokens, prose = doc.tokens, doc.prose
        for at, entity in enumerate(entities):
            if entity.kind != "organisation":
                continue
            head = entity.text.split()[-1] if " of " not in entity.text else entity.text.split()[0]
            if head not in _OFFICES:
                continue
            comma = entity.token_end
            if comma + 1 >= len(tokens) or tokens[comma].text != "," or tokens[comma].sentence != tokens[entity.token_start].sentence:
                continue
            start = entity.start
            # "the Foreign Ministry", "its Defence Ministry": the determiner belongs to the office.
            if entity.token_start and tokens[entity.token_start - 1].lower in _DETERMINERS:
                start = tokens[entity.token_start - 1].start
            following = tokens[comma + 1]
            if following.lower == "who":
                yield self.finding(start, following.end, f"'{head}' is an institution, taken up by 'who' as a person",
                                   self._role(prose, start, entity, head, following.end))
                continue
            person = entities[at + 1] if at + 1 < len(entities) else None
            if person is None or person.token_start != comma + 1 or person.kind != "person" or " " not in person.text:
                continue
            if not self._closes(doc, person):
                continue
            yield self.finding(start, person.end, f"'{head}' is an institution, set in apposition to a person",
                               self._role(prose, start, entity, head, person.end))

    @staticmethod
    def _role(prose, start, entity, head, end):
        role = _ROLE_FOR.get(head)
        if role is None:
            return []
        at = entity.start + entity.text.rindex(head) if " of " not in entity.text else entity.start
        return [prose[start:at] + role + prose[at + len(head):end]]

    @staticmethod
    def _closes(doc, person) -> bool:
        """The name closes the apposition (a comma, not a list going on) or is followed by its verb."""
        tokens, tags = doc.tokens, doc.tags
        after = person.token_end
        if after >= len(tokens):
            return False
        if tokens[after].text == ",":
            nxt = tokens[after + 1] if after + 1 < len(tokens) else None
            return nxt is None or not (nxt.lower in ("and", "or") or nxt.text[:1].isupper())
        return tags[after] in ("VBD", "VBZ", "MD")

    def _by_pattern(self, doc):
        prose = doc.prose
        if "Ministr" not in prose and "Embassy" not in prose and "Presidency" not in prose and "Department" not in prose \
                and "Secretariat" not in prose and "Chancellery" not in prose and "Commissariat" not in prose:
            return
        for match in _INSTITUTION_RE.finditer(prose):
            surname = match.group("name").replace("-", " ").split()[-1]
            if zipf(surname.lower()) >= 4.0:
                continue  # "the Ministry, White House": a place or a common word, not a surname
            head = match.group("head")
            fixed = prose[match.start("institution"):match.start("head")] + _ROLE_FOR[head] + \
                prose[match.end("head"):match.end("name")]
            yield self.finding(match.start("institution"), match.end("name"),
                               f"'{head}' is an institution, set in apposition to a person", [fixed])


def _after_a_noun(doc, start: int) -> bool:
    """"the spokesman for the Foreign Office, Jack Straw,": the name is the spokesman's, not the office's."""
    tokens, tags = doc.tokens, doc.tags
    at = _token_at(doc, start)
    if at is None or at < 2:
        return False
    back = at - 1
    return tags[back] in ("IN", "TO") and tags[back - 1] in ("NN", "NNS", "NNP") \
        and tokens[back - 1].sentence == tokens[at].sentence


def _token_at(doc, offset: int) -> int | None:
    at = doc.token_index(offset)
    return at if at < len(doc.tokens) and doc.tokens[at].start == offset else None


@hookimpl
def garblint_rules():
    return [InstitutionForPerson]
