"""Word order: verbs left at the end of a clause by a German or Japanese intermediate.

German puts the infinitive and the participle at the end ("... mit den USA
auszusetzen", "... weitergegeben"), Japanese the finite verb. A translation
that keeps that order strands a bare verb after its object. These rules need
word classes; they use a list of base-form verbs drawn from the tagged Brown
corpus (rules/data/base_verbs.txt) and simple morphology, and measure their
false positives on the Brown corpus (benchmarks/fp_rate.py).
"""
from __future__ import annotations

import re

from linter import hookimpl
from linter.lexicon import zipf_at_least
from linter.rule import Rule

from ._data import load_data
from linter.verbs import base_verbs

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


_PREPOSITIONS = {"in", "of", "for", "with", "from", "on", "at", "by", "around", "across", "throughout", "among"}


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
        verbs = base_verbs()
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            words = [t for t in tokens if not t.is_punct]
            if len(words) < 6 or not tokens[-1].text in ".!?":
                continue
            # Only the last few words can be the verb: its tail runs to the end of the sentence.
            for k in range(max(2, len(words) - 1 - self.options["max_tail_words"]), len(words) - 1):
                noun, verb = words[k - 1], words[k]
                tail = words[k + 1:]
                if verb.lower not in verbs or not verb.text.islower() or verb.lower in adverbs:
                    continue
                if not noun.text.islower() or noun.lower in not_nouns or noun.lower.endswith(("s", "ly")) or not zipf_at_least(noun.lower, 3):
                    continue
                if "'" in noun.text or "’" in noun.text or noun.lower in _PLURALS_AND_ADVERBS:
                    continue
                # The stranded verb's object closes the sentence: "suspend the US", "end the deal".
                if not (tail[0].lower in _DETERMINERS or tail[0].text[:1].isupper()):
                    continue
                if noun.lower in verbs:
                    continue  # "help build", "go see": two verbs, not a noun
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


_MODAL_CLAUSE_RE = re.compile(
    # "should the outlook worsen" is a conditional in English, so "should" is left out.
    r"\b(?P<modal>will|would|can|could|must|may|might|shall)[ \t]+"
    r"(?P<object>(?:the|a|an|its|his|her|their|this|these|those|our|my|your)[ \t]+[^.!?;:,\n“”\"]{1,80}?)"
    r"[ \t]+(?P<verb>[a-z]+)(?P<stop>[.,;])(?![\w.])")
# Words before a modal that make "will the ..." an inversion or a question, not a verb-final clause.
_INVERSION_TRIGGERS = {"not", "only", "nor", "neither", "so", "as", "than", "rarely", "never", "seldom", "hardly",
                       "little", "nowhere", "what", "how", "where", "when", "why", "who", "which", "whom", "whose",
                       "that", "if", "whether", "or", "and", "but", "then", "such"}


# Before "will", "can", "might" used as nouns.
_MODAL_AS_NOUN = {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your", "free", "good",
                  "ill", "political", "last", "all", "whose", "popular", "general", "own"}


def _last_word(prose: str, floor: int, at: int) -> str:
    """The last white-space-separated word of ``prose[floor:at]`` ("" if none), without splitting it all."""
    end = at
    while end > floor and prose[end - 1].isspace():
        end -= 1
    start = end
    while start > floor and not prose[start - 1].isspace():
        start -= 1
    return prose[start:end]


class ModalVerbFinal(Rule):
    code = "GL354"
    name = "modal-verb-final"
    family = "word-order"
    severity = "error"
    summary = "A modal followed by its object, with the verb at the end of the sentence (\"will the figures next week publish.\")."
    explanation = (
        "German and Dutch put the infinitive after its object and the modal before it: "
        "\"Das Ministerium wird die Zahlen nächste Woche veröffentlichen.\" Kept in that "
        "order, English gets \"the ministry will the figures next week publish.\" A modal "
        "followed directly by a determiner is a question or an inversion in English (\"How "
        "long will this take?\", \"Only then could the talks begin.\"); in a statement that "
        "ends in a bare verb it is the source language's verb-final order."
    )
    bad = "The ministry said it will the new figures next week publish."
    good = "The ministry said it will publish the new figures next week."

    def check(self, doc):
        from linter.verbs import base_verbs, verb_nouns

        # After a modal and its object only a verb fits: "attack", and "complete" too.
        verbs = base_verbs() | verb_nouns() | set(load_data("word_order")["final_verb_homographs"])
        prose = doc.prose
        # The pattern cannot cross a sentence end, so one pass over the text finds every candidate.
        for match in _MODAL_CLAUSE_RE.finditer(prose):
            if match.group("verb") not in verbs:
                continue
            sentence = doc.sentence_of(match.start())
            if sentence is None or match.end() > sentence.end:
                continue
            space = sentence.text.find(" ")
            if sentence.text[:space if space >= 0 else None].lower().strip("“\"‘'") in _INVERSION_TRIGGERS:
                continue  # "Only then could the talks begin."
            word_before = _last_word(prose, sentence.start, match.start())
            if word_before.lower() in _MODAL_AS_NOUN:
                continue  # "the will the people expressed", "a can the size of a fist"
            if not word_before or word_before.lower().strip("“\"‘'(") in _INVERSION_TRIGGERS:
                continue  # a question or an inversion: "How long will this take", "not only will the"
            if word_before[-1] in ",;:—–(“\"‘":
                continue  # clause-initial: "However, should the outlook worsen", "compete, can this country prosper"
            modal, verb = match.group("modal"), match.group("verb")
            yield self.finding(match.start(), match.end("verb"),
                               f"'{verb}' is stranded at the end of the clause after '{modal}' and its object",
                               [f"{modal} {verb} {match.group('object')}"])


# "has the report yesterday published": have, its object, an adverb the source put
# before the participle, and the participle closing the clause.
_ADVERBIAL = (r"(?:[a-z]+ly|yesterday|today|tonight|already|again|recently|finally|now|still|also|once|soon|then|"
              r"just|even|never|always|first|later|earlier|meanwhile|"
              r"(?:on|last|this|next)[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|weekend))")
_PERFECT_CLAUSE_RE = re.compile(
    r"\b(?P<aux>has|have|had)[ \t]+"
    r"(?P<object>(?:the|a|an|its|his|her|their|this|these|those|our|my|your)[ \t]+[^.!?;:,\n“”\"]{1,80}?)"
    rf"[ \t]+(?P<adverb>{_ADVERBIAL})[ \t]+(?P<participle>[a-z]+ed)(?P<stop>[.,;])(?![\w.])")
# Words that make the object a clause of its own ("had a larger share than ... would have warranted").
_CLAUSE_WORDS_RE = re.compile(r"\b(?:is|was|were|are|be|been|would|will|have|has|had|than|that|which|who|to)\b")


def _regular_participle_of(word: str, verbs) -> bool:
    """Whether ``word`` is the -ed participle of a base verb ("postponed", "stopped", "carried")."""
    stem = word[:-2]
    return (stem in verbs or word[:-1] in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)
            or (word.endswith("ied") and word[:-3] + "y" in verbs))


class PerfectVerbFinal(Rule):
    code = "GL355"
    name = "perfect-verb-final"
    family = "word-order"
    severity = "error"
    summary = "A perfect tense with the participle after its object and an adverb (\"has the report yesterday published\")."
    explanation = (
        "German builds the perfect with the participle at the end of the clause, after "
        "the object and any adverb: \"Die Regierung hat das Problem lediglich verschoben.\" "
        "Kept in that order, English gets \"the government has the problem merely "
        "postponed\". English \"have\" with an object and a participle is a causative "
        "(\"had his car repaired\"), which has no adverb between the object and the "
        "participle; the rule reports the clause only when an adverb or a time phrase "
        "sits there, and suggests the English order."
    )
    bad = "The ministry has the new figures yesterday published."
    good = "The ministry published the new figures yesterday."

    def check(self, doc):
        from linter.verbs import base_verbs

        prose = doc.prose
        if "has " not in prose and "have " not in prose and "had " not in prose:
            return
        verbs = base_verbs()
        for match in _PERFECT_CLAUSE_RE.finditer(prose):
            if not _regular_participle_of(match.group("participle"), verbs):
                continue
            if _CLAUSE_WORDS_RE.search(match.group("object")):
                continue
            aux, adverb, participle, obj = match.group("aux", "adverb", "participle", "object")
            # "has merely postponed the problem", but "has published the figures yesterday".
            time_phrase = adverb[0].isupper() or " " in adverb or adverb in ("yesterday", "today", "tonight", "later", "earlier")
            fixed = f"{aux} {participle} {obj} {adverb}" if time_phrase else f"{aux} {adverb} {participle} {obj}"
            yield self.finding(match.start(), match.end("participle"),
                               f"'{participle}' is stranded at the end of the clause, after its object and '{adverb}'",
                               [fixed])


@hookimpl
def garblint_rules():
    return [StrandedInfinitive, StrandedParticiple, RepeatedFinalVerb, ModalVerbFinal, PerfectVerbFinal]
