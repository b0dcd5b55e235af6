"""Mistranslation: a word rendered with a neighbour of the right one."""
from __future__ import annotations

import re

from linter import hookimpl
from linter.lexicon import zipf
from linter.rule import Rule

# An institution ("the Russian Foreign Ministry", "the Ministry of Defence") set in
# apposition to a person's name, which only a role ("Minister") can be.
_INSTITUTION_RE = re.compile(
    r"\b(?P<institution>(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:[A-Z][\w.-]*[ \t]+){0,3}"
    r"(?P<head>Ministry|Ministries|Secretariat|Presidency|Chancellery|Embassy|Department|Commissariat)"
    r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:and[ \t]+)?[A-Z][a-z]+){0,2})?)"
    r",[ \t]+(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2})"
    r"(?=,(?![ \t]+(?:and|or)[ \t]+[A-Z])|[ \t]+(?:said|says|told|tells|stated|added|noted|announced|stressed|warned|met|meets)\b)"
)
_ROLE_FOR = {"Ministry": "Minister", "Ministries": "Ministers", "Secretariat": "Secretary", "Presidency": "President",
             "Chancellery": "Chancellor", "Embassy": "Ambassador", "Department": "Secretary", "Commissariat": "Commissioner"}


class InstitutionForPerson(Rule):
    code = "GL481"
    name = "institution-for-person"
    family = "mistranslation"
    severity = "warning"
    summary = "An institution in apposition to a person's name (\"the Foreign Ministry, Sergey Lavrov,\")."
    explanation = (
        "Translation often confuses an office with its holder: Russian \"МИД\" and Chinese "
        "\"外长\" come out as \"the Foreign Ministry\" where \"the Foreign Minister\" is meant. "
        "Set in apposition to a name (\"The Russian Foreign Ministry, Sergey Lavrov, and his "
        "Chinese counterpart met\"), the institution is a person. The rule reports a "
        "ministry, embassy, presidency or department directly followed by a comma and a "
        "person's full name that closes the apposition or speaks, and suggests the role. "
        "Lists (\"the Foreign Ministry, Sergey Lavrov and Vladimir Putin\") are not reported."
    )
    bad = "The Russian Foreign Ministry, Sergey Lavrov, met his Chinese counterpart on Wednesday."
    good = "The Russian Foreign Minister, Sergey Lavrov, met his Chinese counterpart on Wednesday."

    def check(self, doc):
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


@hookimpl
def garblint_rules():
    return [InstitutionForPerson]
