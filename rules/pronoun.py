"""Pronoun: a country or institution called "he" or "she"."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule

from garblint.linter.language.antecedent import PRONOUNS, gender_of, person_before, resolve, speaks_for_people, speech_clause
from garblint.linter.language.lexicon import noun_class

from ._data import load_data


# "and his", "or her": found from the conjunction; the white space before it is
# added by walking back (a pattern opening with \s+ would rescan a long run of
# spaces, such as a masked code block, from each of its positions).
_LINK_RE = re.compile(r"\b(?:and|or|as\s+well\s+as)\s+(?:his|her)\s")
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


class GenderedEntity(Rule):
    code = "GL451"
    name = "gendered-entity-pronoun"
    family = "pronoun"
    severity = "warning"
    summary = "A country, place or organisation called \"he\" or \"she\" (\"Ireland says she needs\", \"the US and his allies\")."
    explanation = (
        "Languages with grammatical gender call a country or a company \"he\" or \"she\" (German "
        "\"seine Verbündeten\", French \"elle\" for la France); a literal translation gives \"Ireland "
        "says she needs\" or \"the US and his allies\". English uses \"it\" and \"its\" (or \"they\"). "
        "The rule resolves he, she, his, her, himself and herself to the nearest subject before them in "
        "the same sentence, on part-of-speech tags and the document's names (garblint.linter.language.entities): when "
        "that subject is a place or an organisation by the gazetteer or by its own words (\"Korvath "
        "Ltd\", \"Ministry of X\"), with no person, personal pronoun, quotation mark, person noun "
        "(\"the minister\") or ship between, it reports \"X said he\", \"X says she\", a reflexive "
        "(\"Turkey considers herself\"), a possessive of what a state or company has (\"his economy\"; "
        "nouns counted after \"its\" in Brown and EWT), a country coordinated with \"his\"/\"her\" and "
        "such a noun, and a country \"for his part\". A name taken as a group (\"the Tories say\"), a "
        "title (\"Mr Iran\"), a woman named after a country, and an organisation or city speaking "
        "about a person named in the sentence before (\"Bell, 30, is hurt. The club said he ...\") are "
        "not reported."
    )
    bad = "He said it was a reference to the US and his allies."
    good = "He said it was a reference to the US and its allies."

    def check(self, doc):
        data = load_data("pronoun")
        possessions = set(data["state_possessions"])
        found = []
        if "part" in doc.prose:
            found.extend(self._for_its_part(doc))
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
            found.append(self.finding(start, end, f"'{match.group('pronoun')}' refers to '{match.group('entity').strip()}', which is not a person", [fixed]))
        # One finding per pronoun: the coordination and "for his part" findings first.
        taken = [(f.start, f.end) for f in found]
        for finding in self._resolved(doc, set(data["subject_possessions"]) | possessions):
            if not any(finding.start < e and s < finding.end for s, e in taken):
                found.append(finding)
        yield from sorted(found, key=lambda f: f.start)

    def _for_its_part(self, doc):
        prose = doc.prose
        ends = {entity.end: entity for entity in doc.entities if entity.kind in ("place", "organisation")}
        for match in _FOR_ITS_PART_RE.finditer(prose):
            entity = ends.get(match.start())
            if entity is None:
                continue
            yield self.finding(entity.start, match.end(), f"'{match.group('pronoun')}' refers to '{entity.text}', which is not a person",
                               [prose[entity.start:match.start("pronoun")] + "its part"])

    def _resolved(self, doc, possessions):
        """A pronoun whose antecedent is a place or an organisation subject ("Ireland says she needs")."""
        tokens, tags = doc.tokens, doc.tags
        found = [(index, resolve(doc, index)) for index, token in enumerate(tokens) if token.lower in PRONOUNS]
        found = [(index, antecedent) for index, antecedent in found if antecedent is not None]
        # A city or area that many pronouns go back to is a person the gazetteer misreads ("Hague had ...
        # Hague wasted"), not a town the text calls "he" again and again.
        towns = Counter(a.entity.text for _, a in found if a.entity.evidence in ("gazetteer:city", "gazetteer:area"))
        owned = noun_class("owned") | possessions
        personal = noun_class("personal")
        for index, found in found:
            token = tokens[index]
            entity = found.entity
            if towns[entity.text] >= 3:
                continue
            end = token.end
            if found.role == "subject":
                if not speech_clause(doc, found):
                    continue
                # "Bell, 30, is injured. The club said he would miss the game." A country that speaks
                # about a person just named is rarer than a translation's "Ireland says she".
                if person_before(doc, index, entity.token_start, gender_of(doc, index), speaks_for_people(entity)):
                    continue
                fix = "it"
            elif found.role == "possessive":
                # The possession: the words up to the first noun within three ("her military spending").
                words = []
                for j in range(index + 1, min(index + 4, len(tokens))):
                    if tags[j] not in ("NN", "NNS", "JJ", "VBG"):
                        break
                    words.append(j)
                    if tags[j] in ("NN", "NNS"):
                        break
                if not words or tags[words[-1]] not in ("NN", "NNS"):
                    continue
                noun = words[-1]
                owner = next((j for j in words if doc.lemmas[j].lower() in owned or tokens[j].lower in owned), None)
                if owner is None and (doc.lemmas[noun].lower() in personal or tokens[noun].lower in personal):
                    continue  # "his wife", "her visit": what a person has
                # "Blair spoke. China rejected his proposal." What only a state or a company owns ("her
                # security", "his troops") is not a person's just named, unless the owner often speaks for people.
                topic = owner is None or speaks_for_people(entity)
                if person_before(doc, index, entity.token_start, gender_of(doc, index), topic):
                    continue
                if owner is None:
                    if token.sentence == 0:
                        continue  # nothing before: the person may be outside the text
                    owner = noun
                end = tokens[owner].end
                fix = "its"
            else:
                fix = "itself"
            if token.text[0].isupper():
                fix = fix.capitalize()
            start = entity.start
            if found.between[0] > entity.token_end + 1:
                start = tokens[found.between[0]].start  # after an aside: from its verb ("said his yards")
            yield self.finding(start, end, f"'{token.text}' refers to '{entity.text}', which is not a person",
                               [doc.prose[start:token.start] + fix + doc.prose[token.end:end]])


@hookimpl
def garblint_rules():
    return [GenderedEntity]
