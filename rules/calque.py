"""Calques: constructions carried over word for word from the source language."""
from __future__ import annotations

import re
from functools import lru_cache

from garblint.linter import hookimpl
from garblint.linter.language.lexicon import zipf, zipf_at_least
from garblint.linter.engine.rule import Rule

from ._data import load_data


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

# A verb that closes this many quotations on its own in the corpora is an
# English quotative (said, added, explained, replied, joked...).
_QUOTATIVE_MIN = 3
# A verb that ends its clause at least this often anywhere is used without an
# object in English ("he nodded.", "she shrugged."): not reported.
_INTRANSITIVE_SHARE = 0.15
# A verb at least this common (Zipf) that the corpora never show in the slot is a warning.
_COMMON_ZIPF = 3.5
# A verb that frames a that-clause or a quotation this often is a verb of saying.
_SPEECH_SHARE = 0.04
# One that does it this often, and is seen closing a quotation, is simply a verb of saying.
_SAYING_SHARE = 0.1
_OPENING_MARKS = frozenset("“‘«")
_NAMING_TAGS = frozenset({"DT", "PRP$", "JJ", "JJS", "JJR", "POS", "CD"})
_NAMING_WORDS = frozenset({"as", "called", "dubbed", "named", "so-called", "termed", "nicknamed"})
_SLOT_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})


def _words(doc) -> list[tuple[str, str]]:
    """(text, tag) per token; a straight quote right after a comma or full stop and before a space closes."""
    words = list(zip((t.text for t in doc.tokens), doc.tags))
    tokens, prose = doc.tokens, doc.prose
    for i, (text, tag) in enumerate(words):
        if text in ("\"", "'") and tag != "''" and i > 0 and tokens[i - 1].end == tokens[i].start \
                and words[i - 1][0] in ",.?!" and prose[tokens[i].end:tokens[i].end + 1].isspace():
            words[i] = (text, "''")
    return words


class BareQuotative(Rule):
    code = "GL501"
    name = "bare-quotative"
    family = "calque"
    severity = "warning"
    summary = "A verb that needs an object used alone to close a quotation (\"…,” he accused.\")."
    explanation = (
        "English closes a quotation with a small set of verbs (said, added, explained, "
        "replied, asked, wrote...). French \"a-t-il accusé\", Spanish \"aseguró\" or German "
        "\"versicherte\" close it with any verb of saying, and a word-for-word translation "
        "gives \"…,” he accused.\" or \"…,” she welcomed.\": verbs that need an object in "
        "English, left without one. The rule looks at the verb after a closing quotation "
        "and its subject (or before the subject: \"…,” accused Lavrov.\") when nothing "
        "follows it in its clause. Which verbs English uses there, and how often a verb "
        "ends a clause at all, come from counts over the Brown corpus, UD English-EWT and "
        "BBC News (linter/language/data/quotatives.tsv, built by tools/build_verb_complements.py): "
        "a verb clean prose uses there at least three times is not reported; one it uses "
        "there once or twice, or one the corpora hardly know, is reported as information; "
        "a verb never seen there that rarely ends a clause is a warning. Verbs that often "
        "stand alone (nodded, shrugged, laughed) and verbs followed by an object or an "
        "adverbial (\"he told reporters\", \"he admitted in court\") are not reported. Add "
        "verbs to report always with the `extra_verbs` option, and verbs your house style "
        "allows with `allowed_verbs`."
    )
    bad = "“They want to eliminate competitors,” he accused."
    good = "“They want to eliminate competitors,” he said."
    default_options = {"extra_verbs": [], "allowed_verbs": []}

    def check(self, doc):
        from garblint.linter.language.verbs import quotative, quotative_slots, verb_key

        if not any(mark in doc.prose for mark in "”\"’»"):
            return
        extra = set(_verb_forms(self.options["extra_verbs"]))
        allowed = set(_verb_forms(self.options["allowed_verbs"]))
        tokens, tags = doc.tokens, doc.tags
        prose = doc.prose
        for slot in quotative_slots(_words(doc)):
            verb = tokens[slot.verb]
            if not slot.alone or (tags[slot.verb] not in _SLOT_VERB_TAGS and not slot.misread) or not verb.text.islower():
                continue
            first, last = tokens[slot.subject[0]], tokens[slot.subject[1] - 1]
            if "\n\n" in prose[tokens[slot.quote].end:max(verb.end, last.end)]:
                continue  # the quotation ends a paragraph
            if self._scare_quotes(doc, slot.quote):
                continue
            form = verb.lower
            if form in allowed:
                continue
            severity = self._severity(form, quotative(verb_key(form, "VBD" if slot.misread else tags[slot.verb])))
            if form in extra:
                severity = "warning"
            if severity is None:
                continue
            subject = prose[first.start:last.end]
            if slot.inverted:
                start, end = verb.start, last.end
                stop = prose[end:end + 1] if prose[end:end + 1] in ".;!" else ""
                suggestion = f"said {subject}{stop}"
            else:
                start, end = first.start, verb.end
                after = slot.verb + 1
                if after < len(tokens) and tags[after] == "RB" and tokens[after].lower.endswith("ly"):
                    end = tokens[after].end
                    after += 1
                stop = prose[end:end + 1] if prose[end:end + 1] in ".;!" else ""
                suggestion = f"{subject} said{stop}"
            yield self.finding(start, end + len(stop),
                               f"'{verb.text}' is not a verb English closes a quotation with; "
                               "without an object it reads as a calque",
                               [suggestion], severity=severity)

    @staticmethod
    def _scare_quotes(doc, quote: int) -> bool:
        """Whether the quotation closed at ``quote`` opens inside a phrase ('held the “rebels”, the...'):
        a name for something, not words someone said."""
        tokens, tags = doc.tokens, doc.tags
        paragraph = doc.sentences[tokens[quote].sentence].paragraph
        for j in range(quote - 1, max(-1, quote - 300), -1):
            token = tokens[j]
            if doc.sentences[token.sentence].paragraph != paragraph:
                return False
            if token.text in _OPENING_MARKS or tags[j] == "``":
                if j == 0 or tokens[j - 1].sentence != token.sentence:
                    return False  # the quotation starts a sentence
                # After a determiner, an adjective or "as"/"called", the quotation names
                # something; after "and", a comma or a verb it is words someone said.
                return tags[j - 1] in _NAMING_TAGS or tokens[j - 1].lower in _NAMING_WORDS
            if tags[j] == "''":
                return False  # another quotation closes first
        return False

    @staticmethod
    def _severity(form: str, counts) -> str | None:
        alone = counts.alone if counts is not None else 0
        if alone >= _QUOTATIVE_MIN:
            return None
        if counts is None or counts.uses < 3:
            # Hardly a verb in the corpora: a common word never seen closing a
            # quotation is a warning; a rare one (a speech verb like "quipped"
            # may be) is information.
            return "warning" if not alone and zipf(form) >= _COMMON_ZIPF else "info"
        if counts.finite >= 3 and counts.end_share >= _INTRANSITIVE_SHARE:
            return None
        # A verb of saying or thinking (one that frames that-clauses and
        # quotations: "estimated that") may take the quotation as its object,
        # and one seen there once or twice may be a writer's style (or a
        # calque that got into edited prose): information.
        speech = counts.speech >= 3 and counts.speech_share >= _SPEECH_SHARE
        if alone and counts.speech >= 3 and counts.speech_share >= _SAYING_SHARE:
            return None  # a verb of saying seen closing a quotation: "stressed", "reported"
        return "info" if alone or speech else "warning"


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
        "determiners": frozenset(data["determiners"]),
        "modal_need": frozenset(data["modal_need_verbs"]),
        "plural": frozenset(data["plural_agreement_verbs"]),
        "time": frozenset(data["time_words"]),
        "objects": frozenset(data["object_openers"]),
    }


# Tags before a word that make it a noun ("her hopes", "most offers", "the city's plans").
_NOUN_CONTEXT_TAGS = frozenset({"DT", "PRP$", "JJ", "JJS", "JJR", "CD", "POS", "PDT", "WP$"})
_OBJECT_TAGS = frozenset({"DT", "PRP", "PRP$", "CD", "PDT"})
# Tags under which a word of the base-verb list is still read as a bare verb (the tagger
# misreads rare verbs after these heads: "agreed intensify/NN", "seems hover/JJR"); not
# JJ, which a verb first may be ("have live music").
_BARE_READINGS = frozenset({"VB", "VBP", "NN", "JJR", "JJS", "RB"})
_SUBJECT_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "DT", "JJ"})
_BARE_NOUN_TAGS = frozenset({"NN", "NNS"})
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})  # "like put several sentences"
# A verb followed by a noun phrase less often than this takes no object ("seem", "tend", "fail").
_OBJECT_SHARE = 0.12
# One that has two objects this often ("promised him a job"), or any object this often
# ("allowed access"), keeps a noun after it in the passive too ("was promised work").
_TWO_OBJECT_SHARE = 0.01
_PASSIVE_OBJECT_SHARE = 0.6
# A verb with this many noun objects for each "to" + verb ("have", "use", "allow") reads a
# word after it as the start of an object ("have push access", "use build tags") unless a
# determiner or pronoun follows that word ("use add a field").
_OBJECT_FIRST_RATIO = 2.5
# A form that may be a noun ("programs", "project") is a verb before a bare verb only when
# its verb takes "to" this often: "plans", "vows", not "the Go programs spend".
_NOUN_HEAD_TO_SHARE = 0.2


def _tagger_knows(word: str) -> bool:
    """Whether the tagger restricts the word to a few tags (its tag is then a reading, not a guess: "except/IN")."""
    from garblint.linter.language.tagger import load_tagger

    lexicon = load_tagger().lexicon
    return len(lexicon.info(word).candidates) < len(lexicon.open_labels)


def _after_be(lemmas, tags, i: int) -> bool:
    """Whether the participle at ``i`` follows a form of "be", maybe past an adverb ("is often forced")."""
    k = i - 1
    if k >= 0 and tags[k] == "RB":
        k -= 1
    return k >= 0 and lemmas[k] == "be"


def _says(key: str) -> bool:
    """Whether a verb frames that-clauses often ("claim", "believe"), from the quotative counts."""
    from garblint.linter.language.verbs import quotative

    counts = quotative(key)
    return counts is not None and counts.speech >= 3 and counts.speech_share >= _SAYING_SHARE


class BareInfinitive(Rule):
    code = "GL502"
    name = "missing-to-infinitive"
    family = "calque"
    severity = "warning"
    summary = "A verb that takes a to-infinitive followed by a bare verb (\"agreed intensify\")."
    explanation = (
        "\"Agree\", \"decide\", \"refuse\", \"manage\" and their kin take \"to\" before the "
        "next verb. Machine translation from languages that mark the infinitive on the "
        "verb itself drops it: \"have agreed intensify cooperation\", \"measures designed "
        "curb inflation\". The verbs come from counts over the tagged Brown corpus, UD "
        "English-EWT and BBC News (linter/language/data/to_infinitive_verbs.tsv, built by "
        "tools/build_verb_complements.py): verbs followed often enough by \"to\" and a "
        "base verb, and hardly ever by a base verb directly, so \"help\", \"make\", "
        "\"let\" or \"dare\" are not among them. The next word must be tagged a base-form "
        "verb, and a word that is also a noun must have its object after it "
        "(\"threatened attack the city\"), so \"the agreed price\", \"plans call for\", "
        "\"they need help\" or \"has come\" are not reported. After a verb that takes noun "
        "objects far more often than \"to\" (\"have\", \"use\", \"allow\"), the next word starts "
        "its object unless a determiner or pronoun follows it, so \"have write access\" and "
        "\"use build tags\" are not reported either, while \"we use add a field\" is."
    )
    bad = "China and Russia have agreed intensify cooperation."
    good = "China and Russia have agreed to intensify cooperation."

    def check(self, doc):
        from garblint.linter.language.verbs import (base_verbs, object_share, objects_per_infinitive,
                                                    participle_homographs, takes_to_infinitive, to_infinitive_share,
                                                    two_object_share, verb_nouns)

        data = _infinitive_data()
        verbs, nouns, participles = base_verbs(), verb_nouns(), participle_homographs()
        tokens, tags, lemmas = doc.tokens, doc.tags, doc.lemmas
        prose = doc.prose
        n = len(tokens)
        for i in range(n - 1):
            head_tag = tags[i]
            if not (head_tag.startswith("VB") or head_tag in ("NN", "NNS")):
                continue
            head = tokens[i]
            if not head.is_word or not head.text.islower() or not takes_to_infinitive(lemmas[i], head.text):
                continue
            nxt = tokens[i + 1]
            second = nxt.lower
            if nxt.sentence != head.sentence or not nxt.is_word or not nxt.text.islower():
                continue
            tag = tags[i + 1]
            if prose[head.end:nxt.start] != " " or (tag.startswith("VB") and lemmas[i + 1] != second):
                continue
            after = i + 2 if i + 2 < n and tokens[i + 2].sentence == head.sentence else None
            if objects_per_infinitive(lemmas[i], head.text) >= _OBJECT_FIRST_RATIO and (
                    after is None or tags[after] not in _OBJECT_TAGS) and not (
                    head_tag == "VBN" and _after_be(lemmas, tags, i)):
                continue  # "have write barriers", "use zip with": the start of its object (a passive has none)
            if second in verbs:
                if tag not in _BARE_READINGS and (tag.startswith("VB") or _tagger_knows(second)):
                    continue  # a verb first: trust the list unless the tagger knows the word and reads it otherwise
            elif second in nouns:
                # A word that is also a noun ("strike", "help", "work") is a verb here
                # before its object ("threatened attack the city"), or after a verb
                # that hardly ever takes a noun object ("seemed fall"): the tagger,
                # after a verb that takes "to", reads "wanted help" and "began work"
                # as verbs too.
                if tag not in ("VB", "VBP", "NN"):
                    continue
                # Read as a verb and followed by a bare noun phrase ("began show interest"),
                # it is a verb too; followed by a preposition or a stop it is a noun ("began work on").
                objects = _OBJECT_TAGS | _ADJECTIVE_TAGS | (_BARE_NOUN_TAGS if tag == "VB" else frozenset())
                # A passive participle has no object of its own ("is forced play"), unless
                # the verb takes two ("was offered help"): there the noun reading goes too.
                passive = (head_tag == "VBN" and tag != "VBP" and _after_be(lemmas, tags, i)
                           and (after is None or tags[after] != "IN")  # "will be continued demand for"
                           and not any(tags[k] in ("WDT", "WP") for k in range(max(0, i - 5), i))
                           and object_share(lemmas[i], head.text) < _PASSIVE_OBJECT_SHARE
                           and two_object_share(lemmas[i], head.text) < _TWO_OBJECT_SHARE)
                if not passive and object_share(lemmas[i], head.text) >= _OBJECT_SHARE and (
                        after is None or tokens[after].lower == "that"
                        or (tags[after] not in objects and tokens[after].lower not in data["objects"])):
                    continue  # after a verb that also takes a noun object ("wanted help"), a noun
                if after is not None and after + 1 < n and tokens[after + 1].lower in data["time"]:
                    continue  # "expected rain the next day"
            elif tag not in ("VB", "VBP"):
                continue
            if second not in verbs and second not in nouns and not zipf_at_least(second, 2.5):
                continue  # a misspelling or a rare word: nothing to go on
            if after is not None and tokens[after].lower == "of":
                continue  # "get hold of", "take care of": a noun
            if lemmas[i] in ("have", "get") and (second in participles or second not in verbs):
                continue  # "has come", "had put", "get let out": a participle
            if head_tag in ("NN", "NNS") and (tag not in ("VB", "VBP") or second in participles):
                continue  # "design work", "hope and fear set free": a noun, then a noun or a participle
            if second in ("have", "has", "do", "does", "be") and (after is None or tags[after] not in _OBJECT_TAGS):
                continue  # "aims have grown", "the values chosen do not": an auxiliary after a noun
            if prose[nxt.end:nxt.end + 1] == "-":
                continue  # "prefer shoot-'em-ups": part of a compound
            before = i - 1 if i > 0 and tokens[i - 1].sentence == head.sentence else None
            if head_tag in ("VBN", "VBG") and before is not None and tags[before] in ("NN", "NNS", "NNP", "NNPS") and (
                    tag == "VBP" or after is None or not tokens[after].is_word or tags[after] in ("IN", "TO", "RB")):
                continue  # "the symbols used differ in": a participle after its noun, then the clause's verb
            if before is not None and (tokens[before].lower in data["determiners"] and tags[before] != "WDT"
                                       or tags[before] in ("DT", "PRP$", "POS")
                                       or tokens[before].lower.endswith(("'s", "’s")) and tags[before] in ("NN", "NNP")):
                continue  # "the agreed price", "a much needed boost", "Holmes' failed attempt", "the city's planned move"
            if tag == "VBP" and after is not None and tags[after] == "TO":
                continue  # "a site they can trust tend to stick": the clause's own verb
            if _says(lemmas[i]) and any(
                    tags[k] in ("WDT", "WP") and tokens[k].sentence == head.sentence
                    and all(tags[m] in _SUBJECT_TAGS for m in range(k + 1, i)) for k in range(max(0, i - 3), i - 1)):
                continue  # "images which critics claim depict": a verb of saying ends a relative clause
            if lemmas[i] == "like" and before is not None and tags[before] in ("NN", "NNS", "NNP", "NNPS"):
                continue  # "things like assign": the preposition
            if lemmas[i] == "need" and second in data["modal_need"]:
                continue  # modal "need": "all you need do"
            if head_tag in ("NN", "NNS") or (head_tag in ("VB", "VBP", "VBZ") and (lemmas[i] in nouns or lemmas[i] not in verbs)):
                # A form that may be a noun ("plans", "hope", "reports") is a verb only in a verb's place.
                if before is not None and tags[before] in _NOUN_CONTEXT_TAGS:
                    continue
                if to_infinitive_share(lemmas[i], head.text) < _NOUN_HEAD_TO_SHARE and (
                        before is None or tokens[before].lower not in _SUBJECT_WORDS):
                    continue  # "Go programs spend": a noun whose verb seldom takes "to"
                two_back = tokens[i - 2] if i > 1 and tokens[i - 2].sentence == head.sentence else None
                if (head_tag in ("NN", "NNS") or head.lower.endswith("s")) and not self._verb_context(
                        two_back, tokens[before] if before is not None else None, head.lower, second, data):
                    continue
            yield self.finding(head.start, nxt.end, f"'{head.text}' takes 'to' before another verb",
                               [f"{head.text} to {nxt.text}"])

    @staticmethod
    def _verb_context(two_back, before, head: str, second: str, data) -> bool:
        """Whether a form that may be a noun ("plans", "hope") is a verb here."""
        if before is None:
            return False
        word = before.lower
        if word.endswith("ly") or word in ("now", "then", "still", "already", "also", "only", "just"):
            # "Now reports say": an adverb before a noun the tagger saw, unless a
            # pronoun subject comes first ("he also needs feel")
            return two_back is not None and two_back.lower in ("he", "she", "it", "they", "we", "i", "you")
        if word in _MODALS and head.endswith("s"):
            return False  # "must needs go"
        if word in _SUBJECT_WORDS:
            return True
        if before.text.isupper() and head.endswith("s"):
            return False  # "the US forces withdraw": an abbreviation before a plural noun
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
