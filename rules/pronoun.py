"""Pronoun: a country or institution called "he" or "she"."""
from __future__ import annotations

import re
from functools import lru_cache

from linter import hookimpl
from linter.rule import Rule

from ._data import load_data


_LINK_RE = re.compile(r"\s+(?:and|or|as\s+well\s+as)\s+(?:his|her)\s")


@lru_cache(maxsize=None)
def _entity_and_possessive_re() -> re.Pattern:
    data = load_data("pronoun")
    names = sorted(data["countries"] + data["country_phrases"], key=len, reverse=True)
    name_alt = "|".join(re.escape(n) for n in names)
    institutions = "|".join(re.escape(n) for n in data["institutions"])
    # "the US and his allies", "Germany and her partners", "the ministry and his staff"
    return re.compile(
        rf"(?P<entity>(?:\b(?:the|The)\s+)?(?<![\w.])(?:{name_alt})(?![\w])|\b(?:the|The|its|Its)\s+(?:{institutions})\b)"
        rf"(?P<link>\s+(?:and|or|as\s+well\s+as)\s+)(?P<pronoun>his|her)\s+(?P<noun>[a-z][\w-]*)"
    )


@lru_cache(maxsize=None)
def _subject_country_re() -> re.Pattern:
    data = load_data("pronoun")
    names = sorted(data["countries"] + data["country_phrases"], key=len, reverse=True)
    name_alt = "|".join(re.escape(n) for n in names)
    # A country opening its sentence, a few lower-case words, then "his"/"her":
    # "Russia said his troops would stay", "Turkey wants to strengthen her position".
    return re.compile(
        rf"(?P<entity>(?:The\s+)?(?:{name_alt}))(?![\w.])(?P<between>(?:[ \t]+[a-z][\w'’-]*){{1,4}}?)"
        rf"[ \t]+(?P<pronoun>his|her)[ \t]+(?:(?P<modifier>[a-z][\w-]*)[ \t]+)?(?P<noun>[a-z][\w-]*)"
    )


@lru_cache(maxsize=None)
def _country_openers() -> frozenset[str]:
    """First words of the country names, and "The": what a sentence must open with for the subject pattern."""
    data = load_data("pronoun")
    return frozenset({"The"} | {name.split()[0] for name in data["countries"] + data["country_phrases"]})


class GenderedEntity(Rule):
    code = "GL451"
    name = "gendered-entity-pronoun"
    family = "pronoun"
    severity = "warning"
    summary = "A country or institution given a masculine or feminine possessive (\"the US and his allies\")."
    explanation = (
        "Languages with grammatical gender call a country \"he\" or \"she\" (German \"seine "
        "Verbündeten\", French \"ses alliés\"); a literal translation gives \"the US and his "
        "allies\". English uses \"its\" (or \"their\"). The rule reports a possessive \"his\" "
        "or \"her\" coordinated directly with a country or an institution (ministry, "
        "government, Kremlin, NATO) and followed by something only a state or an "
        "institution has (allies, territory, economy, citizens), where the possessive can "
        "only refer to it; and a country that opens its sentence followed within four "
        "lower-case words by \"his\" or \"her\" and such a noun (\"Russia said his troops\"). "
        "\"He flew to Germany and his wife\" and \"Russia told the president his plan\" are "
        "not reported. The lists are in pronoun.yaml."
    )
    bad = "He said it was a reference to the US and his allies."
    good = "He said it was a reference to the US and its allies."

    def check(self, doc):
        data = load_data("pronoun")
        possessions = set(data["state_possessions"])
        yield from self._subject_country(doc, set(data["subject_possessions"]), set(data["interveners"]))
        pattern = _entity_and_possessive_re()
        prose = doc.prose
        # The pattern opens with a long alternation of names; "and his"/"or her" is rare,
        # so find it first and look for the entity only in the words before it.
        for link in _LINK_RE.finditer(prose):
            match = pattern.search(prose, max(0, link.start() - 60), link.end() + 40)
            if match is None or match.start("link") != link.start():
                continue
            if match.group("noun") not in possessions:
                continue  # "He went back to Germany and his wife": the possessive is the man's
            start = match.start("entity")
            end = match.end("noun")
            fixed = doc.prose[start:match.start("pronoun")] + "its " + match.group("noun")
            yield self.finding(start, end, f"'{match.group('pronoun')}' refers to '{match.group('entity').strip()}', which is not a person", [fixed])

    def _subject_country(self, doc, possessions, interveners):
        pattern, openers = _subject_country_re(), _country_openers()
        prose = doc.prose
        for sentence in doc.sentences:
            text = sentence.text
            space = text.find(" ")
            if text[:space] not in openers:
                continue  # most sentences open with no country: skip the long alternation
            match = pattern.match(prose, sentence.start, sentence.end)
            if match is None:
                continue
            # The possession is the word after the pronoun or the one after that ("her military spending").
            owned = [name for name in ("modifier", "noun") if match.group(name) in possessions]
            if not owned:
                continue
            noun_end = match.end(owned[0])
            if set(match.group("between").split()) & interveners:
                continue  # "Russia told the president his ...": another possessor in between
            start = match.start("entity")
            fixed = prose[start:match.start("pronoun")] + "its" + prose[match.end("pronoun"):noun_end]
            yield self.finding(start, noun_end, f"'{match.group('pronoun')}' refers to '{match.group('entity')}', which is not a person",
                               [fixed])


@hookimpl
def garblint_rules():
    return [GenderedEntity]
