"""Word order: verbs left at the end of a clause by a German or Japanese intermediate.

German puts the infinitive and the participle at the end ("... mit den USA
auszusetzen", "... weitergegeben"), Japanese the finite verb. A translation
that keeps that order strands a bare verb after its object. These rules need
word classes: the part-of-speech tags of the document (``doc.tags``) and, for
words the tagger reads as nouns in an order it never saw in training, the tags
each word can take in the tagger's own lexicon (EWT and the tagged Brown
corpus), and verb lists counted from the same corpora by
tools/build_word_order_data.py (rules/data/word_order_*.txt). GL354-GL356
share one analysis (``verb_final_candidates``). Their false positives are
measured on the Brown corpus and BBC News (benchmarks/fp_rate.py,
benchmarks/inject.py).
"""
from __future__ import annotations

from functools import lru_cache

from garblint.linter.engine.data_files import word_set
from garblint.linter import hookimpl
from garblint.linter.language.lexicon import zipf_at_least
from garblint.linter.engine.rule import Rule
from garblint.linter.language.tagger import load_tagger

from ._data import load_data

_IRREGULAR_PAST = {"went", "came", "saw", "took", "gave", "made", "met", "left", "held", "told", "said", "brought",
                   "bought", "sent", "spent", "built", "found", "kept", "led", "lost", "paid", "put", "set", "won",
                   "began", "wrote", "spoke", "chose", "broke", "drove", "rose", "fell", "stood", "sought", "thought"}


_AUXILIARIES = {"to", "will", "would", "can", "could", "must", "should", "may", "might", "shall", "do", "does", "did",
                "don't", "didn't", "doesn't", "won't", "can't", "let"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "all", "every"}
_PLURALS_AND_ADVERBS = {"children", "people", "men", "women", "police", "staff", "data", "media", "cattle", "couple",
                        "later", "still", "even", "also", "often", "never", "always", "just", "only", "then", "soon",
                        "now", "ever", "rather", "together", "instead", "again", "once", "twice", "perhaps", "maybe",
                        "therefore", "thus", "hence", "gotta", "wanna", "gonna", "dare", "them", "us", "him", "me",
                        "except", "officials", "citizenry", "public", "majority", "minority", "remainder", "rest"}


_BROWN_TO_PENN = {"vb": "VB", "vbd": "VBD", "vbn": "VBN", "vbz": "VBZ", "vbg": "VBG"}
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})


@lru_cache(maxsize=65536)
def _tag_tables(word: str) -> tuple[frozenset[str], frozenset[str]]:
    info = load_tagger().info(word)
    ewt = frozenset(info.ambiguity.split("|")) if info.ambiguity != "?" else frozenset()
    brown = frozenset(_BROWN_TO_PENN.get(b, b.upper()) for b in info.brown.split("|")) if info.brown != "?" else frozenset()
    return ewt, brown


@lru_cache(maxsize=65536)
def word_tags(word: str) -> frozenset[str]:
    """The tags a lower-case word took in the tagger's training data (EWT tags, Brown verb classes); empty if unknown.

    The tagger reads "publish" in "will the figures publish" as a noun, since it
    never saw a verb there; the word's own table says what it can be.
    """
    ewt, brown = _tag_tables(word)
    return ewt | brown


def can_be(word: str, *tags: str) -> bool:
    found = word_tags(word)
    return any(t in found for t in tags)


def _word_list(name: str) -> frozenset[str]:
    return word_set("garblint.rules", f"data/{name}.txt")


@lru_cache(maxsize=1)
def base_verbs() -> frozenset[str]:
    """Words that are base-form verbs first, from the tagged corpora (tools/build_word_order_data.py)."""
    return _word_list("word_order_base_verbs")


@lru_cache(maxsize=1)
def final_verbs() -> frozenset[str]:
    """Verb forms that often end their clause ("ended", "died", "said"): intransitive uses."""
    return _word_list("word_order_final_verbs")


@lru_cache(maxsize=1)
def _verb_forms() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for line in _word_list("word_order_verb_forms"):
        tag, word = line.split()
        forms.setdefault(tag, set()).add(word)
    return {tag: frozenset(words) for tag, words in forms.items()}


def verb_form(word: str, tag: str) -> bool:
    """Whether the corpora show ``word`` with ``tag`` (VB or VBN) at least twice, or its tag tables allow it."""
    return word in _verb_forms().get(tag, ()) or can_be(word, tag)


@lru_cache(maxsize=1)
def object_verbs() -> frozenset[str]:
    """Tensed verb forms that mostly take an object ("announced", "took")."""
    return _word_list("word_order_object_verbs")


def is_base_verb(word: str) -> bool:
    return word in base_verbs() or (verb_only(word) and can_be(word, "VB"))


def verb_only(word: str) -> bool:
    """Whether one of the tag tables knows the word only as a verb ("approve", "abandon"; not "deal", "delay")."""
    return any(table and table <= _VERB_TAGS for table in _tag_tables(word))


_PREPOSITIONS = {"in", "of", "for", "with", "from", "on", "at", "by", "around", "across", "throughout", "among"}


_AUXILIARY_VERBS = frozenset({"be", "have", "do", "get"})


def _plural_head_before(words, noun_index: int) -> bool:
    """Whether a plural noun heads a prepositional phrase ending at the noun ("students of literature")."""
    for j in range(noun_index - 1, max(0, noun_index - 5), -1):
        if words[j].lower in _PREPOSITIONS:
            head = words[j - 1].lower if j > 0 else ""
            return head.endswith("s") and not head.endswith("ss") or head in _PLURALS_AND_ADVERBS
    return False


def _is_past_form(word: str) -> bool:
    return "-" not in word and (word.endswith("ed") and len(word) > 4 or word in _IRREGULAR_PAST)


class StrandedInfinitive(Rule):
    code = "GL351"
    name = "stranded-infinitive"
    family = "word-order"
    severity = "error"
    summary = "A bare verb stranded after a singular noun near the end of a sentence (\"... weapons deal suspend the US.\")."
    explanation = (
        "A German infinitive stays at the end of its clause (\"den Vertrag mit den USA "
        "auszusetzen\"); translated in that order it leaves a bare verb after its object: "
        "\"plans to end its involvement in its last nuclear weapons deal suspend the US.\" "
        "The rule reports a base-form verb right after a singular noun (so it cannot be "
        "that noun's verb) with only a short phrase before the end of the sentence. "
        "Verbs that take a bare infinitive after their object (let, make, help, see, "
        "hear) are allowed: \"let the court decide the case.\""
    )
    bad = "The minister announced plans to leave the trade agreement cancel the EU."
    good = "The minister announced plans to cancel the trade agreement with the EU."
    default_options = {"max_tail_words": 3}

    def check(self, doc):
        data = load_data("word_order")
        causatives = set(data["causative_verbs"])
        not_nouns = set(data["not_nouns"])
        adverbs = set(data["adverb_homographs"])
        time_nouns = set(data["time_nouns"])
        tags = doc.tags
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            tokens_index = {t.start: sentence.token_start + i for i, t in enumerate(tokens)}
            words = [t for t in tokens if not t.is_punct]
            if len(words) < 6 or not tokens[-1].text in ".!?":
                continue
            # Only the last few words can be the verb: its tail runs to the end of the sentence.
            for k in range(max(2, len(words) - 1 - self.options["max_tail_words"]), len(words) - 1):
                noun, verb = words[k - 1], words[k]
                tail = words[k + 1:]
                if not verb.text.islower() or not is_base_verb(verb.lower) or verb.lower in _AUXILIARY_VERBS or verb.lower in adverbs:
                    continue
                if not noun.text.islower() or noun.lower in not_nouns or noun.lower.endswith(("s", "ly")) or not zipf_at_least(noun.lower, 3):
                    continue
                if "'" in noun.text or "’" in noun.text or noun.lower in _PLURALS_AND_ADVERBS:
                    continue
                # The stranded verb's object closes the sentence: "suspend the US", "end the deal".
                if not (tail[0].lower in _DETERMINERS or tail[0].text[:1].isupper()):
                    continue
                if any(w.lower in time_nouns for w in tail):
                    continue  # "a publicity stunt a month ago": a time phrase, not an object
                if is_base_verb(noun.lower) or tags[tokens_index[noun.start]] not in ("NN", "NNP") \
                        or tags[tokens_index[verb.start]] not in ("VB", "VBP", "NN"):
                    continue  # "help build"; the tagger must read a noun, then a verb (or a noun it misread), "go see": two verbs, not a noun
                if doc.prose[noun.end:verb.start] != " ":
                    continue
                if noun.lower.endswith("ed") or noun.lower in _PLURALS_AND_ADVERBS:
                    continue
                if any(w.lower in causatives for w in words[max(0, k - 12):k]):
                    continue  # "letting the builder install", "helping revive", "has seen one player win, and one country dominate"
                if any(w.lower == "that" for w in words[max(0, k - 6):k - 1]):
                    continue  # "the proposal that the company undertake": a subjunctive
                if any(w.lower in _AUXILIARIES for w in words[max(0, k - 4):k - 1]):
                    continue  # "would the driver see": the verb has its frame
                if _plural_head_before(words, k - 1):
                    continue  # "experts in the publishing field consider": the subject is the plural head
                if any(t.is_punct for t in tokens if verb.start < t.start < tokens[-1].start):
                    continue  # the phrase after the verb must run straight to the end
                yield self.finding(noun.start, tail[-1].end, f"'{verb.text}' is stranded after its object, in source-language order")
                break


class StrandedParticiple(Rule):
    code = "GL352"
    name = "stranded-participle"
    family = "word-order"
    severity = "error"
    summary = "A possessive, a name and a participle with no verb, closing the sentence (\"its NATO passed on to allies.\")."
    explanation = (
        "Back-translation through German scrambles \"the US and its NATO allies\" into "
        "\"its NATO passed on to allies\": a possessive determiner directly before a name "
        "or acronym, then a past participle and a short phrase to the end of the sentence, "
        "with no auxiliary. A name after a possessive is already unusual in English "
        "(\"its NATO\"); followed by a bare participle it is a scrambled clause."
    )
    bad = "Moscow blamed the West and its EU handed over to partners."
    good = "Moscow blamed the West and its EU partners."
    default_options = {"max_tail_words": 4}

    def check(self, doc):
        possessives = set(load_data("word_order")["possessives"])
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            words = [t for t in tokens if not t.is_punct]
            if not tokens or tokens[-1].text not in ".!?":
                continue
            # The participle's tail runs to the end of the sentence: only the last words can start it.
            for k in range(max(0, len(words) - 3 - self.options["max_tail_words"]), len(words) - 2):
                det, name, participle = words[k], words[k + 1], words[k + 2]
                if det.lower not in possessives or not name.text[:1].isupper() or not participle.text.islower():
                    continue
                if doc.prose[det.end:name.start].strip() or doc.prose[name.end:participle.start].strip():
                    continue  # "her, Jones moved": a comma between is another clause
                if not _is_past_form(participle.lower):
                    continue
                tail = words[k + 3:]
                end = tail[-1].end if tail else participle.end
                yield self.finding(det.start, end, f"'{det.text} {name.text} {participle.text}' is a scrambled clause")


_SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "who"}


class RepeatedFinalVerb(Rule):
    code = "GL353"
    name = "repeated-final-verb"
    family = "word-order"
    severity = "error"
    summary = "A sentence that ends in a bare verb it already used (\"...as he visited Moscow ... invasion visited.\")."
    explanation = (
        "Verb-final source order sometimes leaves a second copy of the verb at the end "
        "of the sentence: \"as he visited Moscow just days before the anniversary of the "
        "invasion visited.\" The rule reports a sentence whose last word is a past verb "
        "form that already appears earlier in the same sentence, right after a noun. "
        "Ordinary relative clauses (\"the places he had visited\", \"the city she "
        "visited\") have a subject or an auxiliary before the verb and are not reported."
    )
    bad = "The coach praised the team as it played Madrid before the final of the cup played."
    good = "The coach praised the team as it played Madrid before the final of the cup."

    def check(self, doc):
        data = load_data("word_order")
        licensors, possessives = set(data["final_verb_licensors"]), set(data["possessives"])
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            if len(tokens) < 6 or tokens[-1].text not in ".!?":
                continue
            last, before = tokens[-2], tokens[-3]
            if not last.is_word or not last.text.islower() or not _is_past_form(last.lower):
                continue
            if not before.is_word or before.lower in licensors or before.text[:1].isupper():
                continue
            if tokens[-4].lower in possessives or tokens[-4].lower.endswith(("'s", "’s")):
                continue  # "the demands his father made": a relative clause with its own subject
            if before.lower == last.lower or before.lower.endswith("ly") or before.lower in ("and", "or", "but", "nor"):
                continue
            # The earlier copy is a finite verb with its own subject: "as he visited Moscow".
            for i, t in enumerate(tokens[:-3]):
                if t.lower == last.lower and i > 0 and (tokens[i - 1].lower in _SUBJECT_PRONOUNS or tokens[i - 1].text[:1].isupper()):
                    yield self.finding(before.start, tokens[-1].end, f"'{last.text}' repeats a verb of this sentence at its end")
                    break


# Words before a modal that make "will the ..." an inversion or a question, not a verb-final clause.
_INVERSION_TRIGGERS = {"not", "only", "nor", "neither", "so", "as", "than", "rarely", "never", "seldom", "hardly",
                       "little", "nowhere", "what", "how", "where", "when", "why", "whom", "whose",
                       "if", "whether", "or", "and", "but", "then", "such"}


# -- Verb-final clauses --------------------------------------------------------
# A clause whose verb closes it after its object or adjuncts: "the ministry will
# the figures next week publish", "the board has the plan approved", "the
# minister a letter to the council sent". The analysis walks back from a verb
# before a clause-ending mark over the words that can make up noun and
# prepositional phrases; what stops the walk (a modal, "have", a verb, the
# start of the clause) says which construction it is.
_PHRASE_TAGS = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "IN", "CD", "RB",
                          "RBR", "RBS", "POS", "TO"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD"})
_CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!"})
_MODALS = frozenset({"will", "would", "can", "could", "must", "may", "might", "shall", "should"})
_HAVE = frozenset({"has", "have", "had"})
_SUBJECTS = frozenset({"i", "he", "she", "we", "they"})


class VerbFinal:
    """One candidate: ``tokens[verb]`` closes a clause; ``run`` the phrase words before it; ``stop`` what precedes."""

    __slots__ = ("verb", "run_start", "stop", "sentence")

    def __init__(self, verb: int, run_start: int, stop: int | None, sentence):
        self.verb, self.run_start, self.stop, self.sentence = verb, run_start, stop, sentence


def _verb_final_candidates(doc) -> list[VerbFinal]:
    data = load_data("word_order")
    subordinators = set(data["subordinators"])
    tokens, tags = doc.tokens, doc.tags
    prose = doc.prose
    found: list[VerbFinal] = []
    for sentence in doc.sentences:
        a, b = sentence.token_start, sentence.token_end
        if b - a < 5 or tokens[b - 1].text == "?":
            continue  # a question puts the verb where it likes
        for k in range(a + 2, b - 1):
            verb, after = tokens[k], tokens[k + 1]
            if after.text not in _CLAUSE_ENDS or not verb.is_word or not verb.text.isalpha() or not verb.text.islower():
                continue
            if prose[verb.end:after.start]:
                continue
            r = k - 1
            while r >= a:
                word, tag = tokens[r], tags[r]
                if not (word.is_word or word.is_number):
                    break
                attributive = tag in ("VBN", "VBG") and r > a and r < k - 1 and tags[r - 1] in ("DT", "PRP$", "JJ") \
                    and tags[r + 1] in ("NN", "NNS", "JJ")  # "the stranded climbers"
                if tag not in _PHRASE_TAGS and not attributive and not (tag.startswith("VB") and r < k - 1 and not _verb_reading(word)):
                    break  # a verb, unless the tagger made one of a noun it saw in an odd place ("would goodness")
                if (word.lower in subordinators and not (r > a and tags[r - 1] in ("DT", "IN"))) or word.lower in _MODALS or word.lower in _HAVE or _carries_verb(word.lower, tag):
                    break
                if word.lower == "to" and r + 1 < k and tags[r + 1] not in ("DT", "PRP$", "CD", "NNP", "NNPS", "PRP") \
                        and verb_form(tokens[r + 1].lower, "VB"):
                    break  # "ready to dispatch to the general": an infinitive, with its own verb
                r -= 1
                if tag == "PRP" and word.lower in _SUBJECTS:
                    break  # a subject pronoun opens its clause: "had everything they needed"
            if tags[k - 1] == "TO" or (tags[k - 1] == "IN" and tokens[k - 1].lower != "to"):
                continue  # "for years to come": an infinitive; "free of charge": a preposition's object
            if tags[k - 1] in ("DT", "PRP$", "PDT", "POS", "WP$"):
                continue  # "may index into the map": after a determiner, a noun whatever its tag
            if k - (r + 1) >= 2:
                found.append(VerbFinal(k, r + 1, r if r >= a else None, sentence))
    return found


def _verb_reading(word) -> bool:
    """Whether the word can be a verb at all: its tag tables say so, or it is unknown and lower-case."""
    found = word_tags(word.lower)
    return bool(found & _VERB_TAGS) if found else word.text.islower()


def _carries_verb(word: str, tag: str) -> bool:
    """A contraction with a verb in it ("I'd", "we've", "it's"): the clause has its verb there."""
    for apostrophe in ("'", "’"):
        if apostrophe in word:
            rest = word.rsplit(apostrophe, 1)[1]
            return rest in ("d", "ve", "ll", "re", "m") or (rest == "s" and tag in ("PRP", "EX", "DT", "WP"))
    return False


def verb_final_candidates(doc) -> list[VerbFinal]:
    return doc.memo("word_order.verb_final", _verb_final_candidates)


def _has_noun(doc, start: int, end: int) -> bool:
    """Whether the words hold a noun phrase: a noun, a pronoun or a determiner ("to the inevitable")."""
    tags = doc.tags
    tokens = doc.tokens
    return any(tags[i] in _NOUN_TAGS or tags[i] in ("DT", "PRP$") or (tags[i].startswith("VB") and not _verb_reading(tokens[i]))
               for i in range(start, end) if tokens[i].lower not in _NOT_HEADS)


# Words that fill a slot between an auxiliary and its verb in ordinary English ("will all agree", "had himself elected").
_NOT_HEADS = frozenset({"all", "both", "each", "himself", "herself", "itself", "themselves", "ourselves", "myself",
                        "yourself", "alone", "too", "also", "either", "neither", "one"})


def _subject_before(doc, index: int) -> bool:
    """Whether the auxiliary at ``index`` follows its subject (not "Only then could the talks begin")."""
    tokens, tags = doc.tokens, doc.tags
    sentence_start = doc.sentences[tokens[index].sentence].token_start
    j = index - 1
    while j >= sentence_start and tags[j] in ("RB", "RBR") and tokens[j].lower not in _INVERSION_TRIGGERS:
        j -= 1  # "the council also will"
    if j < sentence_start:
        return False
    word, tag = tokens[j], tags[j]
    if word.lower in _INVERSION_TRIGGERS:
        return False
    return tag in ("PRP", "NN", "NNS", "NNP", "NNPS", "CD", "WDT", "WP") or word.lower in ("that", "which", "who")


# What the tagger makes of a verb in an order it never saw: a verb still, or a noun or adjective.
_MISREAD_VERB_TAGS = frozenset({"VB", "VBP", "VBD", "VBN", "VBZ", "NN", "NNS", "NNP", "JJ", "IN", "RB"})


# Endings that make a word a noun whatever the tagger guessed ("would goodness into the world bring").
_NOUN_SUFFIXES = ("ness", "tion", "sion", "ment", "ity", "ance", "ence", "ship", "ism", "hood")


_CLOSED_TAGS = frozenset({"IN", "TO", "PRP", "DT", "PRP$", "CD", "PDT"})


def _compared(doc, index: int) -> bool:
    """Whether the subject of the auxiliary at ``index`` follows "than" or "as" ("as much as he could in a day")."""
    tokens, tags = doc.tokens, doc.tags
    j = index - 1
    while j >= 0 and tags[j] in ("PRP", "NN", "NNS", "NNP", "NNPS", "DT", "JJ", "PRP$", "RB"):
        j -= 1
    return j >= 0 and tokens[j].lower in ("than", "as")


def _opens_with_inversion(doc, index: int) -> bool:
    """Whether the clause of the auxiliary at ``index`` opens with a word that inverts it ("Only across the sea could")."""
    tokens = doc.tokens
    j = index - 1
    start = doc.sentences[tokens[index].sentence].token_start
    start = max(start, index - 30)  # bounded: a clause-opening word is near its auxiliary
    while j > start and tokens[j].is_word and tokens[j].lower not in _INVERSION_TRIGGERS:
        j -= 1
    return j >= start and tokens[j].lower in ("only", "never", "rarely", "seldom", "hardly", "scarcely", "nowhere", "little", "nor", "neither")


def _idiom_run(doc, start: int, end: int, idioms: set[str]) -> bool:
    """Whether the words between an auxiliary and its verb are an adverbial English allows there ("will one day")."""
    return " ".join(t.lower for t in doc.tokens[start:end]) in idioms


def _span_start(doc, start: int, verb: int, limit: int = 60) -> int:
    """The first token of the reported span: ``start``, or later if the span would run past ``limit`` characters."""
    tokens = doc.tokens
    while start < verb - 1 and tokens[verb].start - tokens[start].start > limit:
        start += 1
    return start


class ModalVerbFinal(Rule):
    code = "GL354"
    name = "modal-verb-final"
    family = "word-order"
    severity = "error"
    summary = "A modal followed by its object, with the verb at the end of the clause (\"will the figures next week publish.\")."
    explanation = (
        "German and Dutch put the infinitive after its object and the modal before it: "
        "\"Das Ministerium wird die Zahlen nächste Woche veröffentlichen.\" Kept in that "
        "order, English gets \"the ministry will the figures next week publish.\" The rule "
        "reports a modal that follows its subject, then a phrase with a noun or pronoun in "
        "it, then a bare verb closing the clause. A modal before its subject is a question "
        "or an inversion in English (\"Only then could the talks begin.\"), and adverbials "
        "English puts there (\"will one day return\") are allowed."
    )
    bad = "The ministry said it will the new figures next week publish."
    good = "The ministry said it will publish the new figures next week."

    def check(self, doc):
        idioms = set(load_data("word_order")["aux_adverbials"])
        tokens, tags = doc.tokens, doc.tags
        for c in verb_final_candidates(doc):
            if c.stop is None or tokens[c.stop].lower not in _MODALS or tags[c.stop] != "MD":
                continue
            verb = tokens[c.verb]
            if not verb_form(verb.lower, "VB") or tags[c.verb] not in _MISREAD_VERB_TAGS or not _has_noun(doc, c.run_start, c.verb):
                continue
            if _idiom_run(doc, c.run_start, c.verb, idioms) or not _subject_before(doc, c.stop):
                continue
            lead = c.run_start
            while lead < c.verb - 1 and tags[lead] in ("RB", "RBR"):
                lead += 1  # "will inevitably better the condition"
            first = tokens[lead]
            if tags[lead] in ("IN", "TO") and _compared(doc, c.stop):
                continue  # "farther than it can through its groundwave signal": the verb is left out
            # "might slam into his hide" has its verb after the modal; "will grave difficulties" an adjective
            adjective = can_be(first.lower, "JJ") and lead + 1 < c.verb and tags[lead + 1] in ("NN", "NNS")
            compound = tags[lead] in ("NN", "JJ") and lead + 1 < c.verb and tags[lead + 1] in ("NN", "NNS")
            read_as_verb = first.text.islower() and not adjective and not compound and tags[lead] not in _CLOSED_TAGS and (
                verb_form(first.lower, "VB") or (tags[lead] == "VB" and not first.lower.endswith(_NOUN_SUFFIXES)))
            # "will trial the service", "could potentially triple the price": a word before a determiner is the verb
            takes_object = first.text.islower() and tags[lead] not in _CLOSED_TAGS \
                and lead + 1 < c.verb and tags[lead + 1] in ("DT", "PRP$")
            if is_base_verb(first.lower) or read_as_verb or takes_object or _opens_with_inversion(doc, c.stop):
                continue  # "will award it the deal": the modal has its verb
            modal = tokens[c.stop]
            obj = doc.text[tokens[c.run_start].start:tokens[c.verb - 1].end]
            # A long clause is reported from a later word, so the span points at the verb; the fix needs it all.
            at = _span_start(doc, c.stop, c.verb)
            yield self.finding(tokens[at].start, verb.end,
                               f"'{verb.text}' is stranded at the end of the clause after '{modal.text}' and its object",
                               [f"{modal.text} {verb.text} {obj}"] if at == c.stop else [])


# Time words that, after the object, mark a German-order perfect: the English order puts them last.
_TIME_WORDS = frozenset({"yesterday", "today", "tonight", "later", "earlier"})


_NP_TAGS = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS"})


def _inanimate_subject(doc, index: int) -> bool:
    """Whether the subject before "have" at ``index`` is a thing, which has nothing done for it ("the plan has")."""
    tokens, tags = doc.tokens, doc.tags
    j = index - 1
    while j >= 0 and tags[j] in ("RB", "RBR"):
        j -= 1
    if j < 0 or tokens[j].sentence != tokens[index].sentence:
        return False
    word = tokens[j].lower
    if word == "it":
        return True
    return tags[j] in ("NN", "NNS") and word not in _PERSON_NOUNS and not word.endswith(_PERSON_SUFFIXES) \
        and not any(start <= tokens[j].start < end for start, end, *_ in _entity_spans(doc))


_PERSON_NOUNS = frozenset({"people", "men", "women", "man", "woman", "children", "child", "family", "wife", "husband", "boy",
                           "girl", "father", "mother", "son", "daughter", "friend", "friends", "police", "staff", "couple",
                           "company", "firm", "club", "team", "government", "council", "board", "party"})
_PERSON_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents")


def _entity_spans(doc):
    return doc.memo("word_order.entity_spans", lambda d: [(e.start, e.end) for e in d.entities])


class PerfectVerbFinal(Rule):
    code = "GL355"
    name = "perfect-verb-final"
    family = "word-order"
    severity = "error"
    summary = "A perfect tense with the participle after its object and adjuncts (\"has the report yesterday published\")."
    explanation = (
        "German builds the perfect with the participle at the end of the clause, after "
        "the object and any adverb: \"Die Regierung hat das Problem lediglich verschoben.\" "
        "Kept in that order, English gets \"the government has the problem merely "
        "postponed\". English \"have\" with an object and a participle is a causative "
        "(\"had his car repaired\"), which has nothing but the object before the "
        "participle; the rule reports the clause when an adverb or a prepositional phrase "
        "sits between the object and the participle, when the clause opens with a "
        "prepositional phrase (\"has to the city happened\"), or when its subject is a thing, "
        "which has nothing done for it (\"the plan has wide support gained\"); it suggests "
        "the English order."
    )
    bad = "The ministry has the new figures yesterday published."
    good = "The ministry published the new figures yesterday."

    def check(self, doc):
        data = load_data("word_order")
        idioms, postnominal, complements = set(data["aux_adverbials"]), set(data["postnominal_adverbs"]), set(data["have_complements"])
        time_nouns = set(data["time_nouns"])
        tokens, tags = doc.tokens, doc.tags
        for c in verb_final_candidates(doc):
            if c.stop is None or tokens[c.stop].lower not in _HAVE or not tags[c.stop].startswith("VB"):
                continue
            verb = tokens[c.verb]
            if verb.lower == "been" or not verb_form(verb.lower, "VBN") or tags[c.verb] not in _MISREAD_VERB_TAGS \
                    or not _has_noun(doc, c.run_start, c.verb):
                continue
            before = c.stop - 1
            while before > 0 and tags[before] in ("RB", "RBR") and tokens[before].lower not in _INVERSION_TRIGGERS:
                before -= 1
            # "might have to the city happened", "seems to have the data invented": the subject comes before
            helped = before >= 0 and (tags[before] == "MD" or tokens[before].lower == "to")
            if _idiom_run(doc, c.run_start, c.verb, idioms) or not (helped or _subject_before(doc, c.stop)):
                continue
            first = tokens[c.run_start].lower
            if can_be(first, "VBN") or _opens_with_inversion(doc, c.stop) or verb.lower in complements:
                continue  # "had set the date", "have a lot left"
            if tags[c.verb] not in ("VBN", "VBD", "JJ", "VB", "VBP") and not verb.lower.endswith(("ed", "en")):
                continue  # "the initiative in the fourth set": a noun
            run = range(c.run_start, c.verb)
            aux = tokens[c.stop]
            if any(tokens[i].lower in ("not", "n't", "never") for i in run):
                continue  # "had Angels not won": a conditional inversion
            if tokens[c.verb - 1].lower in postnominal:
                continue  # "an explanation in terms of the model here presented": the participle modifies a noun
            # An adverb or a time word after the object, or a prepositional phrase after a name or a pronoun,
            # which take none of their own ("had Batista for years fought"); "had an offer for the firm
            # rejected" is a causative with a noun's prepositional phrase.
            adjunct = [i for i in run if i > c.run_start and (
                tags[i] in ("RB", "RBR") or (tokens[i].lower in _TIME_WORDS and tags[i] not in ("JJ", "JJR"))
                or (tokens[i].lower in time_nouns and tags[i] not in ("JJ", "JJR") and "of" not in (tokens[i - 1].lower, tokens[i - 2].lower))
                or (tags[i] in ("IN", "TO") and tokens[i].lower != "of" and (i == c.run_start or tags[i - 1] in ("PRP", "NNP", "NNPS"))))]
            if tags[c.run_start] in ("IN", "TO"):
                adjunct.append(c.run_start)  # "had to the city happened"
            # A causative is mostly "had the car repaired" or "will have it repaired"; a present tense with
            # its subject ("the firm has six plants closed") is the perfect in source order.
            present = aux.lower in ("has", "have") and not helped and tags[c.run_start] != "PRP$"  # "have their story accepted"
            # A participle right after an "of" phrase may modify its noun: "the flavour of the decade described".
            of_last = any(tokens[i].lower == "of" and all(tags[m] in _NP_TAGS for m in range(i + 1, c.verb)) for i in run)
            if not adjunct and (not (present or _inanimate_subject(doc, c.stop)) or of_last):
                continue  # "had his car repaired": a causative; "the flavour of the decade described": a participle after its noun
            words = [tokens[i].text for i in run]
            if adjunct and all(tags[i] in ("RB", "RBR") for i in adjunct) and adjunct[-1] == c.verb - 1 and tokens[adjunct[-1]].lower not in _TIME_WORDS:
                # "has the problem merely postponed": the adverb goes before the participle
                cut = adjunct[0] - c.run_start
                fixed = f"{aux.text} {' '.join(words[cut:])} {verb.text} {' '.join(words[:cut])}"
            else:
                fixed = f"{aux.text} {verb.text} {doc.text[tokens[c.run_start].start:tokens[c.verb - 1].end]}"
            at = _span_start(doc, c.stop, c.verb)
            yield self.finding(tokens[at].start, verb.end,
                               f"'{verb.text}' is stranded at the end of the clause, after its object",
                               [fixed] if at == c.stop else [])


_NOMINATIVE = frozenset({"i", "he", "she", "we", "they"})
_OBJECT_PRONOUNS = frozenset({"me", "him", "us", "them"})
_DETERMINER_TAGS = frozenset({"DT", "PRP$", "CD", "PDT"})


class VerbFinalClause(Rule):
    code = "GL356"
    name = "verb-final-clause"
    family = "word-order"
    severity = "warning"
    summary = "A finite verb moved to the end of its clause, after its object or adjuncts (\"the minister a letter sent.\")."
    explanation = (
        "Japanese and German subordinate clauses end in the verb; an intermediate that "
        "keeps that order leaves the finite verb after its object or an adjunct: \"he in "
        "a letter to the council complained\", \"the minister a letter to the council "
        "sent.\" The rule reports a clause with no verb before its last word, a verb, "
        "when a subject pronoun is followed by a noun or prepositional phrase, or a noun "
        "phrase directly by a second one. A clause that follows a verb is left alone, "
        "since it may be a relative clause without \"that\" (\"the book the man wrote\"), "
        "and so is a leading time phrase (\"Last week the company expanded.\")."
    )
    bad = "The minister a letter to the council sent."
    good = "The minister sent a letter to the council."

    def check(self, doc):
        data = load_data("word_order")
        time_nouns, idioms = set(data["time_nouns"]), set(data["aux_adverbials"])
        tokens, tags = doc.tokens, doc.tags
        for c in verb_final_candidates(doc):
            verb = tokens[c.verb]
            if not can_be(verb.lower, "VBD", "VBZ", "VBP"):
                continue
            if tags[c.verb] not in ("VBD", "VBZ", "VBP", "VBN") and not (tags[c.verb] in ("NN", "NNS") and can_be(verb.lower, "VBZ", "VBD")):
                continue  # the tagger may read "he in a letter remarks" as a plural noun
            if verb.lower in _LIGHT_VERBS:
                continue  # "what style your home is", "the power the company has"
            stop = tokens[c.stop] if c.stop is not None else None
            stop_tag = tags[c.stop] if c.stop is not None else ""
            # The clause starts here: the sentence, a conjunction or a subordinator, not a verb or a comma
            # before a relative clause without "that" ("a charge the company denies", "than the seed you grow").
            start = c.run_start
            named = tags[start] in ("NNP", "NNPS", "PRP")
            if stop is not None and stop.text == "." and c.stop > 0 and tags[c.stop - 1] == "NNP":
                stop, stop_tag = None, ""  # "Mrs. Okafor": the full stop of an abbreviation
            if stop is not None and stop.lower == "that" and stop_tag == "DT":
                continue  # "not that empty peace the world offers"
            opens = stop is None or stop_tag == "CC" or stop.lower in _CLAUSE_OPENERS or (
                stop.is_punct and stop.text not in ",.") or (named and stop.lower in (",", "as"))
            # A leading adverb or time phrase stays in front in English too: "Then the rain stopped."
            while start < c.verb and (tags[start] in ("RB", "RBR") or tokens[start].lower in time_nouns
                                      or (tags[start] in ("DT", "JJ", "CD") and start + 1 < c.verb and tokens[start + 1].lower in time_nouns)):
                start += 1
            if c.verb - start < 2:
                continue
            first = tokens[start]
            # "the body much liquid contains" read as a plural noun: a verb that takes an object, not heading a compound
            plural_verb = tags[c.verb] == "NNS" and verb.lower in object_verbs() and tags[c.verb - 1] not in ("NN", "NNS", "NNP", "JJ")
            at = None
            if tags[start] == "PRP" and (first.lower in _NOMINATIVE or (opens and first.lower in ("it", "you"))):
                rest = range(start + 1, c.verb)
                if (_has_noun(doc, start + 1, c.verb) or any(tags[i] == "IN" for i in rest)) \
                        and not _idiom_run(doc, start + 1, c.verb, idioms):
                    at = start + 1
            elif opens and verb.lower not in final_verbs() and tags[start] in ("DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS") \
                    and (tags[c.verb] in ("VBD", "VBZ", "VBP", "VBN") or plural_verb) and not _reports_a_quotation(doc, c.stop) \
                    and not (stop_tag == "CC" and not named):  # "the field and the orchard the family tended": two noun phrases
                at = _second_phrase(doc, start, c.verb, time_nouns, stop_tag != "CC" and not (stop is not None and stop.text == ","))
                if at is not None and _idiom_run(doc, at, c.verb, idioms):
                    at = None  # "as the author no doubt intended"
            if at is None:
                continue
            at = _span_start(doc, at, c.verb)
            yield self.finding(tokens[at].start, verb.end,
                               f"'{verb.text}' closes the clause after its object or adjunct, in source-language order")


def _reports_a_quotation(doc, stop: int | None) -> bool:
    """Whether the clause follows a closing quotation (\"...,\" a motion by the lawyers stated): a reporting clause."""
    if stop is None:
        return False
    tokens = doc.tokens
    return tokens[stop].text in "\"”'’" and stop > 0 and tokens[stop - 1].text in ",!?"


_LIGHT_VERBS = frozenset({"is", "are", "was", "were", "am", "be", "has", "have", "had", "does", "do", "did", "gets", "got"})
_CLAUSE_OPENERS = frozenset({"that", "because", "if", "although", "though", "while", "whereas", "whether", "unless", "when",
                             "where", "whenever", "until", "since", "before", "after", ";", ":"})


# The most words a verb-final phrase is reported over (a subject's own phrase may be longer).
_MAX_PHRASE = 9


def _second_phrase(doc, start: int, verb: int, time_nouns, clause_start: bool = True) -> int | None:
    """Where a phrase that cannot belong to the subject starts, in the words ``start:verb`` before a final verb.

    The subject is a noun phrase; a second noun phrase right after its noun ("the
    minister a letter"), or a prepositional phrase of time or place after it ("the
    ministry on Friday"), belongs to the verb, which English puts before them.
    """
    tokens, tags = doc.tokens, doc.tags
    i = start
    while i < verb and tags[i] in ("DT", "PRP$", "JJ", "JJR", "NN", "NNS", "NNP", "NNPS", "POS", "CD"):
        i += 1
    if i == start or tags[i - 1] not in ("NN", "NNS", "NNP", "NNPS") or tokens[i - 1].lower in time_nouns:
        return None
    if any(tags[j] in ("JJS", "RBS") for j in range(i, verb)):
        return None  # "the army the best trained": a comparison
    # The subject phrase ran on into a second one: "the minister a letter", "Mr. Gorboduc a swig".
    for j in range(start + 1, i):
        counted = tags[j] == "CD" and j + 1 < verb and tags[j + 1] in ("NNS", "JJ")  # "Mr. Ito 21 tractors sold"
        if (tags[j] in ("DT", "PRP$") or counted) and tags[j - 1] in ("NN", "NNS", "NNP", "NNPS") and tokens[j].lower not in _NOT_HEADS \
                and tokens[j].lower not in ("that", "this", "these", "those", "which") and tokens[j - 1].lower not in time_nouns:
            return j if verb - j <= _MAX_PHRASE else None
    if i >= verb or tags[verb] == "VBN":
        return None
    name = all(tags[j] in ("NNP", "NNPS") for j in range(start, i))
    while i + 1 < verb and tokens[i].lower == "of" and tags[i + 1] in ("DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "CD"):
        i += 1  # "the spiral of history" is the subject still
        while i < verb and tags[i] in ("DT", "PRP$", "JJ", "JJR", "NN", "NNS", "NNP", "NNPS", "POS", "CD"):
            i += 1
    if i >= verb:
        return None
    word = tokens[i]
    if tags[i] == "PRP" and word.lower in _OBJECT_PRONOUNS:
        return i
    if name and clause_start and tags[i] in ("IN", "TO") and word.lower != "of" and tokens[verb].lower not in final_verbs() \
            and not can_be(tokens[verb].lower, "NN") \
            and not any(tokens[j].lower in _SUBJECTS or tokens[j].lower in ("it", "you") for j in range(i + 1, verb)):
        return i  # "Mr. Fell at the jury looked": a name takes no prepositional phrase of its own
    if verb - i > _MAX_PHRASE or tokens[i - 1].lower.endswith("ing"):
        return None  # a long phrase is more likely a clause of its own; "a soldier writing from the camp" a participle's
    if tags[i] == "IN" and word.lower != "of" and tags[verb] != "VBN":
        objects = range(i + 1, verb)
        if any(tokens[j].lower in _SUBJECTS or tokens[j].lower in ("it", "you") for j in objects):
            return None  # "from the day it convened": a clause of its own
        if any(tags[j] in ("DT", "PRP$") and tags[j - 1] in ("NN", "NNS") for j in objects):
            return None  # "benefits to the localities the roads serve": a relative clause without "that"
        # A verb that takes an object, left without one after the subject and a phrase ("the ministry on
        # Friday announced"), or two prepositional phrases in a row ("the team from Lima in March arrived").
        place_or_time = any(tokens[j].lower in time_nouns or tags[j] in ("NNP", "NNPS")
                            or (tags[j] == "CD" and len(tokens[j].text) == 4) for j in objects)
        if tokens[verb].lower in object_verbs() and place_or_time:
            return i
        if any(tags[j] == "IN" and tokens[j].lower != "of" for j in objects) and tokens[verb].lower not in final_verbs():
            return i
    return None


@hookimpl
def garblint_rules():
    return [StrandedInfinitive, StrandedParticiple, RepeatedFinalVerb, ModalVerbFinal, PerfectVerbFinal, VerbFinalClause]
