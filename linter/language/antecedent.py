"""What a personal pronoun refers to: the nearest subject before it, found on tags and entities.

Shared by the pronoun family (a country or company called "he") and the
mistranslation family (a ministry called "he"). Resolution is deliberately
narrow: a pronoun is tied to a name only when the name is the subject of its
clause (followed by a finite verb) in the same sentence and nothing that could
be a person stands between them: a person's name, a name of unknown kind, a
personal pronoun, "who", a noun that names a person ("the minister") or a ship
(which English calls "she"), or a quotation mark. Two shapes reach further: an
aside between commas after the name ("Tianfu Corp, the company that built the
rocket, said his ..."), and a second verb of the same subject after "and".
"""
from __future__ import annotations

from dataclasses import dataclass

from garblint.linter.language.lexicon import given_names, noun_class

PRONOUNS = frozenset(["he", "she", "his", "her", "himself", "herself"])
# Pronouns and relatives that bring in a person of their own.
PERSONAL = frozenset(
    "i me my mine myself you your yours yourself we us our ours ourselves they them their theirs themselves "
    "he him his she her hers himself herself who whom whose one someone anyone everyone somebody anybody".split()
)
QUOTES = frozenset("\"“”‘’«»'")
FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])
NOUNS = frozenset(["NN", "NNS"])
# Words that open a new clause: a possessive after one of them may belong to anyone.
CLAUSE_BREAKS = frozenset(
    "and or but nor when while because if although though since until unless before after as where whereas "
    "than so yet whether ; : —".split()
)
# Evidence of garblint.linter.language.entities that a name's own words or its apposition give.
STRONG_EVIDENCE = frozenset(["company suffix", "head word", "apposition", "based", "born", "headquartered"])
# How many tokens back from the pronoun its antecedent is looked for.
REACH = 14


@dataclass(frozen=True)
class Antecedent:
    entity: object  # a garblint.linter.language.entities.Entity
    pronoun: int  # token index of the pronoun
    role: str  # "subject" (he, she), "possessive" (his, her + noun), "reflexive"
    between: tuple[int, int]  # token indices strictly between the entity and the pronoun


def _by_token(doc) -> dict[int, object]:
    found = {}
    for entity in doc.entities:
        for index in range(entity.token_start, entity.token_end):
            found[index] = entity
    return found


def entity_at(doc) -> dict[int, object]:
    """Token index -> the entity covering it (shared by the rules that resolve pronouns)."""
    return doc.memo("antecedent.entity_at", _by_token)


def role(doc, index: int) -> str | None:
    """The pronoun's role, or None for an object pronoun ("him", "her" without a noun)."""
    lower = doc.tokens[index].lower
    if lower in ("he", "she"):
        return "subject"
    if lower in ("himself", "herself"):
        return "reflexive"
    if lower == "his" or (lower == "her" and doc.tags[index] == "PRP$"):
        return "possessive"
    return None


def _person_words(doc) -> frozenset[str]:
    return frozenset(word for entity in doc.entities if entity.kind == "person" and " " in entity.text
                     for word in entity.text.split())


def certainly_not_a_person(doc, entity) -> bool:
    """A place or organisation by the gazetteer or by its own words ("Korvath Ltd", "Ministry of X").

    The weaker evidence ("in X", "to X", the same name elsewhere) is not enough: "to Alex" makes
    Alex a place for the entity finder, and a pronoun after a misread person is no error. Nor is a
    name that is part of a person's full name in the document ("George Washington ... Washington").
    """
    if entity.kind not in ("place", "organisation"):
        return False
    evidence = entity.evidence
    if not (evidence.startswith("gazetteer:") or evidence in STRONG_EVIDENCE or evidence in _org_nouns()):
        return False
    if " " not in entity.text:
        words = doc.memo("antecedent.person_words", _person_words)
        if entity.text in words or entity.text.rstrip("'s’") in words:
            return False
    return True


def _org_nouns() -> frozenset[str]:
    from garblint.linter.language.entities import gazetteer

    return gazetteer().words["org_nouns"]


def is_subject(doc, entity) -> bool:
    """Whether a name is the subject of its clause: a finite verb follows (adverbs between)."""
    tokens, tags = doc.tokens, doc.tags
    after = entity.token_end
    back = entity.token_start - 1
    while back >= 0 and tags[back] == "DT" and tokens[back].sentence == tokens[entity.token_start].sentence:
        back -= 1  # "of the United States"
    if back >= 0:
        before = tokens[back]
        if before.sentence == tokens[entity.token_start].sentence and tags[back] in ("IN", "TO") \
                and before.lower not in ("that", "because", "if", "while", "although", "as", "since", "after",
                                         "before", "when", "until", "though", "whether", "unless"):
            return False  # "in France", "to Ireland": a place that is a complement
    if tokens[entity.token_end - 1].text.endswith(("'s", "’s")):
        return False  # "Portugal's economy": the subject is the economy
    while after < len(tokens) and tags[after] == "RB":
        after += 1
    if after >= len(tokens) or tokens[after].sentence != tokens[entity.token_start].sentence:
        return False
    # "The Tories say", "England have": a name taken as a group of people, whose members are "he".
    # A plural name with a verb that shows no number ("the Tories said") is a group too, unless its
    # own words make it one body ("Brennick Holdings", "the Ministry of Fisheries").
    if tags[after] not in FINITE or tags[after] == "VBP":
        return False
    return tags[after] == "VBZ" or tags[entity.token_end - 1] != "NNPS" or entity.evidence in STRONG_EVIDENCE


def speaks_for_people(entity) -> bool:
    """An organisation, or a city or street that stands for one ("Downing Street", "Washington"):
    what it says is often about a person just named ("Chelsea said he would miss the game")."""
    return entity.kind == "organisation" or entity.evidence in ("gazetteer:city", "gazetteer:area") \
        or entity.evidence in STRONG_EVIDENCE


def person_noun(doc, index: int) -> bool:
    """A noun naming a person or a vessel ("spokesman", "officials", "the ship")."""
    if doc.tags[index] not in NOUNS and doc.tags[index] not in ("NNP", "NNPS"):
        return False  # (a title outside any name is tagged NNP: "the President of the United States")
    lemma = doc.lemmas[index].lower()
    people, vessels = noun_class("person"), noun_class("vessel")
    lower = doc.tokens[index].lower
    return lemma in people or lemma in vessels or lower in people or lower in vessels


def resolve(doc, index: int) -> Antecedent | None:
    """The place or organisation a pronoun at token ``index`` refers to, if it is one (see the module doc)."""
    kind = role(doc, index)
    if kind is None:
        return None
    tokens, tags = doc.tokens, doc.tags
    entities = entity_at(doc)
    sentence = tokens[index].sentence
    j = index - 1
    floor = max(-1, index - REACH - 1)
    while j > floor and tokens[j].sentence == sentence:
        if tokens[j].text == "," and j + 1 < index and tags[j + 1] in FINITE:
            # "Tianfu Corp, the company that built it, said his": a subject, then a relative
            # clause or an apposition between commas, then its verb.
            subject = _subject_before_aside(doc, j, entities)
            if subject is not None:
                if not certainly_not_a_person(doc, subject):
                    return None  # a person, or a name that may be one
                return Antecedent(subject, index, kind, (j + 1, index))
        entity = entities.get(j)
        if entity is not None:
            if not certainly_not_a_person(doc, entity):
                return None  # a person, or a name that may be one: it may be the antecedent
            if is_subject(doc, entity):
                return Antecedent(entity, index, kind, (entity.token_end, index))
            j = entity.token_start - 1  # "in France", "Portugal's": not what the pronoun stands for
            continue
        token = tokens[j]
        if token.text in QUOTES or token.lower in PERSONAL:
            return None
        if person_noun(doc, j):
            return None
        if kind != "subject" and token.lower in CLAUSE_BREAKS and not (
                token.lower == "and" and tags[j + 1] in ("VBZ", "VBD") and j + 1 < index):
            return None  # ("and wants his": a second verb of the same subject, which goes on)
        if tags[j] in NOUNS and j + 1 < index and tags[j + 1] in FINITE:
            return None  # another subject between ("Ford said the plan would hurt his ...")
        j -= 1
    return None


# Words that open a relative clause or an apposition about a thing ("which", "the company that").
_ASIDE_OPENERS = frozenset(["which", "that", "the", "a", "an", "one", "its"])
# How many tokens an aside between commas may have.
ASIDE_REACH = 24


def _subject_before_aside(doc, comma: int, entities):
    """The entity just before an aside that ends at the comma at ``comma``, when the aside opens
    with a word for a thing (``_ASIDE_OPENERS``) and the entity is the subject of the verb after it.

    Returns the entity (or None); the caller decides whether it may be a person."""
    tokens = doc.tokens
    sentence = tokens[comma].sentence
    k = comma - 1
    floor = max(-1, comma - ASIDE_REACH - 1)
    while k > floor and tokens[k].sentence == sentence:
        text = tokens[k].text
        if text in QUOTES or tokens[k].lower in PERSONAL:
            return None
        if text == ",":
            break
        k -= 1
    else:
        return None
    if k <= 0 or tokens[k].text != "," or tokens[k + 1].lower not in _ASIDE_OPENERS:
        return None
    entity = entities.get(k - 1)
    if entity is None or entity.token_end != k:
        return None
    return entity


def speech_clause(doc, found: Antecedent) -> bool:
    """For "he"/"she": only verbs and adverbs (and "that") between the subject and the pronoun ("Ireland says she")."""
    tags, tokens = doc.tags, doc.tokens
    start, end = found.between
    if start >= end:
        return False
    verbs = 0
    for j in range(start, end):
        tag = tags[j]
        if tag.startswith("VB") or tag == "MD":
            verbs += 1
        elif tag == "RB" or tokens[j].lower == "that":
            continue
        else:
            return False
    return verbs >= 1 and tags[start] in FINITE | {"RB"}


_GENDERED = {
    "male": frozenset(["he", "him", "his", "himself"]),
    "female": frozenset(["she", "her", "hers", "herself"]),
}
_TITLES = {"male": frozenset(["Mr", "Sir", "Lord", "Monsieur", "Herr"]),
           "female": frozenset(["Mrs", "Ms", "Miss", "Dame", "Lady", "Madame", "Frau"])}


def gender_of(doc, index: int) -> str:
    """"male" for he/his/him/himself, "female" for she/her/herself."""
    return "male" if doc.tokens[index].lower in _GENDERED["male"] else "female"


def _compatible(doc, entity, gender: str) -> bool:
    """Whether a person named by ``entity`` may be a man ("male") or a woman ("female")."""
    other = "female" if gender == "male" else "male"
    before = doc.tokens[entity.token_start - 1].text.rstrip(".") if entity.token_start else ""
    if before in _TITLES[other]:
        return False
    if before in _TITLES[gender]:
        return True
    words = entity.text.split()
    # A name alone is most often a surname ("Bell, 30,"): its gender is unknown.
    return len(words) == 1 or words[0] not in given_names(other)


def person_before(doc, index: int, stop: int, gender: str, topic: bool = True) -> bool:
    """Whether a person who may be "he" (or "she") is at hand for the pronoun at ``index``: named
    in its own sentence before token ``stop`` (a name, a pronoun of that gender, a noun naming a
    person), or the topic of the sentence before: its subject ("Mr Fischer, who ..., will have to
    ...", "The prime minister's wife is said ...") or a "he"/"she" of that gender anywhere in it
    (unless ``topic`` is false)."""
    tokens, tags = doc.tokens, doc.tags
    sentence = tokens[index].sentence
    own = doc.sentences[sentence].token_start
    if _person_in(doc, own, stop, gender, _GENDERED[gender]):
        return True
    if sentence == 0 or not topic:
        return False
    previous = doc.sentences[sentence - 1]
    subject_end = next((j for j in range(previous.token_start, previous.token_end) if tags[j] in FINITE),
                       previous.token_end)
    if _person_in(doc, previous.token_start, subject_end, gender, _GENDERED[gender]):
        return True
    subject = "he" if gender == "male" else "she"
    return any(tokens[j].lower == subject for j in range(subject_end, previous.token_end))


def _person_in(doc, first: int, stop: int, gender: str, pronouns: frozenset[str]) -> bool:
    tokens = doc.tokens
    entities = entity_at(doc)
    j = first
    while j < stop:
        entity = entities.get(j)
        if entity is not None:
            if entity.kind == "person" and _compatible(doc, entity, gender):
                return True
            j = max(j + 1, entity.token_end)
            continue
        if tokens[j].lower in pronouns or person_noun(doc, j):
            return True
        j += 1
    return False
