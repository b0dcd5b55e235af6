"""Calques: constructions carried over word for word from the source language."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from linter import hookimpl
from linter.rule import Rule

from ._data import load_data


@lru_cache(maxsize=None)
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("rules").joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def base_verbs() -> frozenset[str]:
    """Words that are base-form verbs first (from the tagged Brown corpus)."""
    return _word_list("base_verbs")


def verb_nouns() -> frozenset[str]:
    """Words that are often base-form verbs but also nouns or adjectives ("attack")."""
    return _word_list("verb_nouns")


def _regular_forms(lemma: str) -> set[str]:
    """The base, third-person -s and regular past forms of a verb."""
    forms = {lemma}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.update({lemma + "es", lemma + "ed"})
    elif lemma.endswith("e"):
        forms.update({lemma + "s", lemma + "d"})
    else:
        forms.update({lemma + "s", lemma + "ed"})
    return forms


def _verb_forms(entries) -> dict[str, str]:
    """Map every form of the verbs in a YAML mapping (or list) to its base form."""
    forms: dict[str, str] = {}
    items = entries.items() if isinstance(entries, dict) else ((entry, None) for entry in entries)
    for lemma, info in items:
        lemma = str(lemma).lower()
        for form in _regular_forms(lemma):
            forms.setdefault(form, lemma)
        for form in (info or {}).get("past", []) if isinstance(info, dict) else []:
            forms[form.lower()] = lemma
    return forms


# ---------------------------------------------------------------- GL501

# '...,” he accused.' (American) or '...”, he accused.' (British, French).
_CLOSE = r"(?:(?:[,?!…—–]|\.\.\.)[”\"’'»]|[”\"’'»],)\s+"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)"
_DET_NP = r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Aa]n?)(?:\s+[\w’'-]+){1,5}?"
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Rev)\."
_NAME = (
    rf"(?:{_TITLE}\s+)?[A-Z][\w’'-]+"
    rf"(?:\s+(?:{_TITLE}|[A-Z]\.|[A-Z][\w’'-]+|de|da|van|von|del|al|bin|ibn|le|la)){{0,4}}?"
)
# A name with its affiliation and role: "Marseille captain Valentin Rongier", "Kremlin spokesman Dmitry Peskov".
_ROLE_NAME = rf"(?:[A-Z][\w’'-]+\s+)?[a-z]+(?:\s+[a-z]+)?\s+{_NAME}"
# After the verb: the end of the sentence, a participle or subordinate clause
# (', he deplored, calling for ...'), or the rest of a split quotation.
_AFTER = (
    r"(?P<adverb>\s+[a-z]+ly)?"
    r"(?:\s*(?P<stop>[.;!])(?!\w)"
    r"|(?=,\s+(?:[a-z]+ing|before|after|while|as|when|during|referring|according|in|at|on)\b)"
    r"|(?=,\s*[“\"‘]))"
)


@lru_cache(maxsize=8)
def _quotative_re(verbs: frozenset[str]) -> re.Pattern:
    alternation = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    return re.compile(
        _CLOSE
        + rf"(?:(?P<subject>{_PRONOUN}|{_DET_NP}|{_NAME}|{_ROLE_NAME})\s+(?P<verb>{alternation}){_AFTER}"
        + rf"|(?P<verb2>{alternation})\s+(?P<subject2>{_DET_NP}|{_NAME})(?=\s*[.,;](?!\w)))"
    )


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
        "insisted, or give the verb its object. Verbs English itself uses alone after a "
        "quotation (said, added, warned, insisted, urged, lamented) are not reported. The "
        "verb list is in calque.yaml under `bare_quotatives`, with the source languages each "
        "calque comes from; add your own with the `extra_verbs` option."
    )
    bad = "“They want to eliminate competitors,” he accused."
    good = "“They want to eliminate competitors,” he charged."
    default_options = {"extra_verbs": []}

    def check(self, doc):
        verbs = set(_verb_forms(load_data("calque")["bare_quotatives"]))
        verbs.update(_verb_forms([v for v in self.options["extra_verbs"]]))
        pattern = _quotative_re(frozenset(verbs))
        prose = doc.prose
        for match in pattern.finditer(prose):
            if match.group("verb"):
                verb = match.group("verb")
                start = match.start("subject")
                end = match.end("stop") if match.group("stop") else match.end("adverb") if match.group("adverb") else match.end("verb")
                suggestion = f"{match.group('subject')} said{match.group('stop') or ''}"
            else:
                verb = match.group("verb2")
                start = match.start("verb2")
                end = match.end("subject2")
                suggestion = f"said {match.group('subject2')}"
                if prose[end:end + 1] == ".":
                    end += 1
                    suggestion += "."
            yield self.finding(start, end, f"'{verb}' needs an object in English; as a quotative it is a calque",
                               [suggestion])


# ---------------------------------------------------------------- GL502

_SUBJECT_WORDS = frozenset({
    "have", "has", "had", "having", "will", "would", "also", "both", "not", "never", "and", "they", "we", "he", "she",
    "i", "you", "it", "who", "which", "that", "to", "still", "already", "did", "does", "do", "may", "might", "can",
    "could", "should", "shall", "must", "now", "then", "only", "just", "all", "unanimously", "reportedly",
})
_SUBJECT_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "this", "that", "every", "each"})
_NOUN_SUBJECT_HEADS = frozenset({"plans", "hopes", "aims", "wants", "vows", "pledges", "promises", "intends", "expects"})
_MODALS = frozenset({"must", "can", "could", "should", "shall", "will", "would", "may", "might"})
_FUNCTION_WORDS = frozenset({
    "of", "in", "on", "at", "by", "for", "with", "from", "into", "about", "over", "under", "after", "before", "between",
    "and", "or", "but", "if", "is", "are", "was", "were", "be", "been", "being", "am",
})


@lru_cache(maxsize=1)
def _infinitive_data():
    data = load_data("calque")
    return {
        "heads": _verb_forms(data["to_infinitive_verbs"]),
        "ambiguous": frozenset(data["ambiguous_forms"]),
        "determiners": frozenset(data["determiners"]),
        "exceptions": frozenset(data["bare_infinitive_exceptions"]),
        "modal_need": frozenset(data["modal_need_verbs"]),
        "plural": frozenset(data["plural_agreement_verbs"]),
        "time": frozenset(data["time_words"]),
        "objects": frozenset(data["object_openers"]),
    }


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
        "be a verb first (from a list drawn from the tagged Brown corpus), or a verb-or-noun "
        "word followed by its object (\"threatened attack the city\"), so \"the agreed price\", "
        "\"plans call for\" or \"they need help\" are not reported."
    )
    bad = "China and Russia have agreed intensify cooperation."
    good = "China and Russia have agreed to intensify cooperation."

    def check(self, doc):
        data = _infinitive_data()
        heads = data["heads"]
        verbs, nouns = base_verbs(), verb_nouns()
        tokens = doc.tokens
        prose = doc.prose
        n = len(tokens)
        for i in range(n - 1):
            head = tokens[i]
            lower = head.lower
            if lower not in heads:
                continue
            nxt = tokens[i + 1]
            second = nxt.lower
            if nxt.sentence != head.sentence or not nxt.is_word or not nxt.text.islower():
                continue
            if second in data["exceptions"] or prose[head.end:nxt.start] != " ":
                continue
            after = tokens[i + 2] if i + 2 < n and tokens[i + 2].sentence == head.sentence else None
            if second not in verbs:
                if second not in nouns or after is None or after.lower not in data["objects"]:
                    continue
                further = tokens[i + 3] if i + 3 < n and tokens[i + 3].sentence == head.sentence else None
                if further is not None and further.lower in data["time"]:
                    continue  # "expected rain the next day"
            before = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == head.sentence else None
            if before is not None and before.lower in data["determiners"]:
                continue  # "the agreed price", "a much needed boost"
            if lower == "need" and second in data["modal_need"]:
                continue  # modal "need": "all you need do"
            two_back = tokens[i - 2] if i > 1 and tokens[i - 2].sentence == head.sentence else None
            if lower in data["ambiguous"] and not self._verb_context(two_back, before, lower, second, data):
                continue
            yield self.finding(head.start, nxt.end, f"'{head.text}' takes 'to' before another verb",
                               [f"{head.text} to {nxt.text}"])

    @staticmethod
    def _verb_context(two_back, before, head: str, second: str, data) -> bool:
        """Whether a form that may be a noun ("plans", "hope") is a verb here."""
        if before is None:
            return False
        word = before.lower
        if word in _MODALS and head.endswith("s"):
            return False  # "must needs go"
        if word in _SUBJECT_WORDS:
            return True
        if before.text[:1].isupper():
            # A name ("Toyota plans build"); a sentence-initial capital may be
            # an ordinary word before a plural noun ("Many attempts fail").
            return two_back is not None or not head.endswith("s")
        if not before.is_word or word in _FUNCTION_WORDS or word.endswith(("ly", "’s", "'s")):
            return False
        if head.endswith("s"):
            # "the company plans build": a singular noun subject after a
            # determiner, unless the pair reads as a compound plural noun and
            # its verb ("the city plans call for", "local volunteers clean").
            return (
                two_back is not None and two_back.lower in _SUBJECT_DETERMINERS
                and not word.endswith("s") and head in _NOUN_SUBJECT_HEADS and second not in data["plural"]
            )
        # A base form after a plural noun: "both sides plan build".
        return word.endswith("s") and not word.endswith("ss")


# ---------------------------------------------------------------- GL503

_GENERIC_RE = re.compile(r"\bit(?:\s+(?:is|was|would\s+be|will\s+be|becomes|seems)|[’']s)\b", re.I)
_SPECIFIC_WORDS = frozenset({"he", "she", "they", "we", "i", "the", "his", "her", "their", "its", "this", "that",
                             "these", "those", "no", "a", "an", "my", "our"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_ONESELF_MODALS = _MODALS | {"cannot", "can't", "won't", "wouldn't", "couldn't", "shouldn't", "mustn't"}


@lru_cache(maxsize=1)
def _oneself_data():
    data = load_data("calque")
    control = set(_verb_forms(data["oneself_control_verbs"]))
    control.update({"has", "had", "went", "began", "begun", "chose", "sought", "got", "came", "dared", "undertook"})
    return frozenset(control), frozenset(data["oneself_control_adjectives"]), frozenset(data["oneself_generic_words"])


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
        "\"themselves\". Only a verb whose subject controls the infinitive (wanted to, was "
        "able to, must) or a personal pronoun subject is reported; generic statements "
        "(\"one must defend oneself\", \"it is hard to express oneself\", \"the right to "
        "defend oneself\") are correct and left alone."
    )
    bad = "No real rival was able to present oneself in the election."
    good = "No real rival was able to present himself in the election."

    def check(self, doc):
        control, adjectives, generic = _oneself_data()
        for sentence in doc.sentences:
            if "oneself" not in sentence.text:
                continue
            tokens = doc.sentence_tokens(sentence)
            firsts = None  # where the sentence's first generic word, specific word and generic "it is" are
            for k, token in enumerate(tokens):
                if token.lower != "oneself" or k < 2 or not tokens[k - 1].is_word:
                    continue
                verb = tokens[k - 1]
                j = k - 2
                governor = None
                if tokens[j].lower == "to":
                    g = j - 1
                    while g >= 0 and (tokens[g].lower in ("to", "not", "also", "even", "just", "really")
                                      or tokens[g].lower.endswith("ly")):
                        g -= 1
                    if g < 0 or (tokens[g].lower not in control and tokens[g].lower not in adjectives):
                        continue
                    governor = g
                else:
                    g = j - 1 if tokens[j].lower in ("not", "never") and j > 0 else j
                    if tokens[g].lower in _ONESELF_MODALS:
                        governor = g
                    elif tokens[j].lower in _SUBJECT_PRONOUNS:
                        governor = j
                    else:
                        continue
                # Found once per sentence, not once per "oneself" (which rescans the sentence).
                if firsts is None:
                    firsts = self._firsts(doc, sentence, tokens, generic)
                first_generic, first_specific, generic_it_end = firsts
                if first_generic <= governor:
                    continue
                # A generic "it is" that ends before the governor ("it is hard to express oneself").
                if generic_it_end <= tokens[governor].start:
                    continue
                if first_specific > governor:
                    continue
                word = verb.text
                yield self.finding(verb.start, token.end, "generic 'oneself' after a specific subject",
                                   [f"{word} himself", f"{word} herself", f"{word} themselves"])

    @classmethod
    def _firsts(cls, doc, sentence, tokens, generic) -> tuple[int, int, int]:
        """Index of the first generic and first specific token, and the end of the first generic "it is"."""
        first_generic = next((i for i, t in enumerate(tokens) if t.lower in generic), len(tokens))
        first_specific = next((i for i, t in enumerate(tokens) if cls._specific(t, i)), len(tokens))
        match = _GENERIC_RE.search(doc.prose, sentence.start, sentence.end)
        return first_generic, first_specific, match.end() if match else sentence.end + 1

    @staticmethod
    def _specific(token, index: int) -> bool:
        if token.lower in _SPECIFIC_WORDS:
            return True
        if not token.is_word or not token.text[:1].isupper():
            return False
        # A capitalised word: a name, unless it is a sentence-initial gerund or "To".
        return index > 0 or not (token.lower.endswith("ing") or token.lower == "to")


@hookimpl
def garblint_rules():
    return [BareQuotative, BareInfinitive, GenericOneself]
