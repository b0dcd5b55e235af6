"""Pronoun: a country or institution called "he" or "she"."""
from __future__ import annotations

import re
from functools import lru_cache

from linter import hookimpl
from linter.rule import Rule

from ._data import load_data


# "and his", "or her": found from the conjunction; the white space before it is
# added by walking back (a pattern opening with \s+ would rescan a long run of
# spaces, such as a masked code block, from each of its positions).
_LINK_RE = re.compile(r"\b(?:and|or|as\s+well\s+as)\s+(?:his|her)\s")
# Clause starts inside a sentence: after "that", or after an opening phrase and its comma
# ("Ahead of the vote, Colombia strengthened her cooperation").
_THAT_CLAUSE_RE = re.compile(r"\bthat[ \t]+(?=[A-Z])|,[ \t]+(?=[A-Z])")
# "Armenia, for his part, insists": the country is the one whose part it is.
_FOR_ITS_PART_RE = re.compile(r",[ \t]+for[ \t]+(?P<pronoun>his|her)[ \t]+part\b")


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
    # A country opening its sentence, a few lower-case words, then "his"/"her" or a
    # reflexive: "Russia said his troops would stay", "Turkey considers herself a bridge".
    return re.compile(
        rf"(?P<entity>(?:The\s+)?(?:{name_alt}))(?![\w.])(?P<between>(?:[ \t]+[a-z][\w'’-]*){{1,4}}?)"
        rf"[ \t]+(?:(?P<reflexive>himself|herself)(?![\w'’-])"
        rf"|(?P<pronoun>his|her)[ \t]+(?:(?P<modifier>[a-z][\w-]*)[ \t]+)?(?P<noun>[a-z][\w-]*))"
    )


@lru_cache(maxsize=None)
def _country_names() -> tuple[str, ...]:
    """Countries and country phrases, longest first."""
    data = load_data("pronoun")
    return tuple(sorted(data["countries"] + data["country_phrases"], key=len, reverse=True))


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
        "only refer to it; a country that opens its sentence or a that-clause, followed within "
        "four lower-case words by \"his\" or \"her\" and such a noun (\"Russia said his troops\") or "
        "by \"himself\" or \"herself\" (\"Turkey considers herself a bridge\"); "
        "and a country \"for his part\". "
        "\"He flew to Germany and his wife\" and \"Russia told the president his plan\" are "
        "not reported. The lists are in pronoun.yaml."
    )
    bad = "He said it was a reference to the US and his allies."
    good = "He said it was a reference to the US and its allies."

    def check(self, doc):
        data = load_data("pronoun")
        possessions = set(data["state_possessions"])
        yield from self._subject_country(doc, set(data["subject_possessions"]), set(data["interveners"]))
        if "part" in doc.prose:
            yield from self._for_its_part(doc)
        pattern = _entity_and_possessive_re()
        prose = doc.prose
        # The pattern opens with a long alternation of names; "and his"/"or her" is rare,
        # so find it first and look for the entity only in the words before it.
        previous_end = 0
        for link in _LINK_RE.finditer(prose):
            link_start = link.start()
            while link_start > previous_end and prose[link_start - 1].isspace():
                link_start -= 1
            if link_start == link.start():
                continue  # no white space before the conjunction ("band his")
            previous_end = link.end()
            match = pattern.search(prose, max(0, link_start - 60), link.end() + 40)
            if match is None or match.start("link") != link_start:
                continue
            if match.group("noun") not in possessions:
                continue  # "He went back to Germany and his wife": the possessive is the man's
            start = match.start("entity")
            end = match.end("noun")
            fixed = doc.prose[start:match.start("pronoun")] + "its " + match.group("noun")
            yield self.finding(start, end, f"'{match.group('pronoun')}' refers to '{match.group('entity').strip()}', which is not a person", [fixed])

    def _for_its_part(self, doc):
        names = _country_names()
        prose = doc.prose
        for match in _FOR_ITS_PART_RE.finditer(prose):
            before = prose[max(0, match.start() - 40):match.start()]
            entity = next((name for name in names if before.endswith(name)
                           and not before[-len(name) - 1:-len(name)].isalnum()), None)
            if entity is None:
                continue
            start = match.start() - len(entity)
            yield self.finding(start, match.end(), f"'{match.group('pronoun')}' refers to '{entity}', which is not a person",
                               [prose[start:match.start("pronoun")] + "its part"])

    def _subject_country(self, doc, possessions, interveners):
        pattern, openers = _subject_country_re(), _country_openers()
        prose = doc.prose
        # Clause starts: each sentence's, and each "that"-clause's ("the fact that Australia has ...").
        starts = [(sentence.start, sentence.end) for sentence in doc.sentences]
        for that in _THAT_CLAUSE_RE.finditer(prose):
            sentence = doc.sentence_of(that.start())
            if sentence is not None:
                starts.append((that.end(), sentence.end))
        for start, end in starts:
            space = prose.find(" ", start, end)
            # (A one-word clause has no space: slicing to -1 would copy the rest of the text.)
            if space < 0 or prose[start:space] not in openers:
                continue  # most clauses open with no country: skip the long alternation
            match = pattern.match(prose, start, end)
            if match is None:
                continue
            if set(match.group("between").split()) & interveners:
                continue  # "Russia told the president his ...": another possessor in between
            begin = match.start("entity")
            if match.group("reflexive"):
                reflexive = match.group("reflexive")
                yield self.finding(begin, match.end("reflexive"),
                                   f"'{reflexive}' refers to '{match.group('entity')}', which is not a person",
                                   [prose[begin:match.start("reflexive")] + "itself"])
                continue
            # The possession is the word after the pronoun or the one after that ("her military spending").
            owned = [name for name in ("modifier", "noun") if match.group(name) in possessions]
            if not owned:
                continue
            noun_end = match.end(owned[0])
            fixed = prose[begin:match.start("pronoun")] + "its" + prose[match.end("pronoun"):noun_end]
            yield self.finding(begin, noun_end, f"'{match.group('pronoun')}' refers to '{match.group('entity')}', which is not a person",
                               [fixed])


@hookimpl
def garblint_rules():
    return [GenderedEntity]
