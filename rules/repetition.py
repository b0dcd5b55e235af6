"""Repetition: words and phrases written twice where the text meant them once."""
from __future__ import annotations

from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule

from ._data import load_data


class DoubledWord(Rule):
    code = "GL101"
    name = "doubled-word"
    family = "repetition"
    severity = "error"
    fixable = True
    summary = "The same word written twice in a row."
    explanation = (
        "Machine translation and hasty editing leave a word doubled where two "
        "source words collapsed into one English word, or where an edit inserted "
        "a word that was already there. Only repeats on one line and inside one "
        "sentence count, and pairs that English legitimately doubles (\"had had\", "
        "\"that that\") and capitalised names (\"Bora Bora\") are left alone; "
        "extend the list with the `exceptions` option."
    )
    bad = "No real rival was able to to present himself."
    good = "No real rival was able to present himself."
    default_options = {"exceptions": []}

    def check(self, doc):
        data = load_data("repetition")
        exceptions = {e.lower() for e in data["doubled_word_exceptions"]}
        exceptions.update(e.lower() for e in self.options["exceptions"])
        function_words = set(data["function_words"])
        prose = doc.prose
        tokens = doc.tokens
        free_relative_doubles = set(data["free_relative_doubles"])
        free_relative_openers = set(data["free_relative_openers"])
        for index, (previous, token) in enumerate(zip(tokens, tokens[1:])):
            if token.sentence != previous.sentence or not (token.is_word and previous.is_word):
                continue
            lower = token.lower
            if lower != previous.lower:
                continue
            if len(lower) > 1 and (previous.text.isupper() != token.text.isupper()):
                continue  # "confused AND and OR": a keyword or an emphasis in capitals, then the word
            gap = prose[previous.end:token.start]
            if gap.strip() or "\n" in gap:
                continue
            if f"{lower} {lower}" in exceptions:
                continue
            if lower in free_relative_doubles and any(
                    t.lower in free_relative_openers for t in tokens[max(0, index - 8):index] if t.sentence == token.sentence):
                continue  # "what it is is a scam"
            if token.text[0].isupper() and previous.text[0].isupper() and lower not in function_words:
                continue
            if token.text[0].isupper() and index + 2 < len(tokens) and tokens[index + 2].text[:1].isupper() \
                    and tokens[index + 2].sentence == token.sentence and lower not in function_words:
                continue  # a common noun, then the same word as a title: "senior law lord Lord Bingham"
            yield self.finding(
                previous.start,
                token.end,
                f"doubled word '{token.text}'",
                [previous.text],
            )


_CLOSING_PREPOSITIONS = frozenset({"of", "in", "for", "on", "with", "from", "at", "by", "into", "across", "against"})


def _repeated_phrase(tokens, conj: int, function_words) -> int:
    """Length of a phrase of two to four words coordinated with itself around tokens[conj], or 0.

    "the banking sector and the banking sector": a whole phrase was doubled where the
    source named two things. The phrase must hold a content word; "so on and so on" is idiom.
    """
    sentence = tokens[conj].sentence
    for n in (4, 3, 2):
        if conj - n < 0 or conj + n >= len(tokens):
            continue
        left, right = tokens[conj - n:conj], tokens[conj + 1:conj + 1 + n]
        if any(not t.is_word or t.sentence != sentence for t in left + right):
            continue
        if [t.lower for t in left] != [t.lower for t in right]:
            continue
        if all(t.lower in function_words or len(t.lower) <= 2 for t in left):
            continue
        if any(t.text[:1].isupper() for t in left):
            continue  # titles and names: "the Independent and the Independent on Sunday"
        # The second copy must close its phrase: "the Giants and the Giants' Willie Mays",
        # "the day or the day before" and "relatives or to relatives who" go on.
        after = tokens[conj + 1 + n] if conj + 1 + n < len(tokens) else None
        if after is not None and after.sentence == sentence and not (
                (after.is_punct and after.text[:1] in ".,;:!?)") or after.lower in _CLOSING_PREPOSITIONS):
            continue
        if right[-1].text.endswith(("'", "’")):
            continue
        return n
    return 0


class CoordinatedDuplicate(Rule):
    code = "GL102"
    name = "coordinated-duplicate"
    family = "repetition"
    severity = "error"
    summary = "A word coordinated with itself (\"both military and military forces\")."
    explanation = (
        "\"Both military and military forces\" coordinates a word with itself where the "
        "source had two different words (military and humanitarian, economic and political): "
        "one of them was lost or mistranslated. Reported: a word framed by both/either/neither/between, "
        "an adjective premodifying a noun (\"economic and economic ties\"), and a noun after a "
        "preposition or determiner closing its phrase (\"talks on security and security.\"), "
        "and a phrase of two to four words doubled the same way (\"the banking sector and the "
        "banking sector of the country\"). "
        "Emphatic repetition is idiomatic and not "
        "reported: comparatives and adverbs (\"more and more\", \"again and again\"), plural "
        "nouns of measure (\"years and years\"), and verbs of duration (\"waited and waited\")."
    )
    bad = "The allies supported Kyiv through both military and military aid."
    good = "The allies supported Kyiv through both military and humanitarian aid."

    def check(self, doc):
        data = load_data("repetition")
        emphatic = set(data["emphatic_coordinations"])
        function_words = set(data["function_words"]) | {"they", "it", "he", "she", "we", "you", "i", "them", "him", "her", "us"}
        adjective_endings = tuple(data["adjective_endings"])
        verbs = _base_verbs()
        tokens = doc.tokens
        for i in range(1, len(tokens) - 1):
            conj = tokens[i]
            if conj.lower not in ("and", "or"):
                continue
            phrase = _repeated_phrase(tokens, i, function_words)
            if phrase:
                yield self.finding(tokens[i - phrase].start, tokens[i + phrase].end,
                                   f"'{doc.text[tokens[i - phrase].start:tokens[i - 1].end]}' is coordinated with itself")
                continue
            first, second = tokens[i - 1], tokens[i + 1]
            if not (first.is_word and second.is_word) or first.lower != second.lower:
                continue
            if first.sentence != second.sentence or first.text[0].isupper():
                continue
            word = first.lower
            before = tokens[i - 2].lower if i >= 2 and tokens[i - 2].sentence == first.sentence else ""
            after = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 2].sentence == first.sentence else None
            if word in function_words:
                continue
            if _bare_noun_pair(doc, i, emphatic):
                yield self.finding(first.start, second.end, f"'{first.text}' is coordinated with itself",
                                   severity="info" if _may_contrast(doc, i) else None)
                continue
            if word in emphatic:
                continue
            framed = before in ("both", "either", "neither", "between")
            # Unframed, only adjectives premodifying a noun ("economic and economic ties"):
            # a noun repeated before a compound ("milk and milk products") is fine.
            modifier = (
                after is not None and after.is_word and after.lower not in function_words
                and word not in verbs and word.endswith(adjective_endings) and doc.tags[i - 1] not in _NOUNS
            )  # "cheese and cheese products" ends like "Chinese" but is a noun
            # A singular noun after a preposition or determiner, coordinated with
            # itself and closing the phrase: "talks on trade and trade."
            closing = after is None or (after.is_punct and after.text[:1] in ".,;:!?)")
            noun = (
                closing and before in _NOUN_FRAMES and word not in verbs and len(word) > 2
                and not word.endswith(("s", "ed", "ing", "ly", "er", "est"))
            )
            if framed or modifier or noun:
                yield self.finding(first.start, second.end, f"'{first.text}' is coordinated with itself")


class RepeatedInfinitive(Rule):
    code = "GL103"
    name = "repeated-infinitive"
    family = "repetition"
    severity = "warning"
    summary = "An infinitive repeated in one sentence whose second copy dangles (\"to visit ... to visit in 2023\")."
    explanation = (
        "When a translation engine re-attaches a time or place phrase it may repeat the "
        "verb: \"invited Xi to visit Moscow in the spring to visit in 2023\". The second "
        "\"to VERB\" has no object, only an adverbial, and is not coordinated with the first; "
        "parallel infinitives (\"to visit Paris and to visit Rome\", \"to be or not to be\") "
        "are fine and not reported."
    )
    bad = "The mayor invited the team to visit the city in the summer to visit in 2024."
    good = "The mayor invited the team to visit the city in the summer of 2024."

    def check(self, doc):
        adjunct_starts = set(load_data("repetition")["adjunct_starts"])
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            seen: dict[str, int] = {}
            last_punct = -1  # the last punctuation token before j, so no span is rescanned for one
            for j in range(len(tokens) - 1):
                if j and tokens[j - 1].is_punct:
                    last_punct = j - 1
                if tokens[j].lower != "to" or not tokens[j + 1].is_word:
                    continue
                verb = tokens[j + 1].lower
                if verb not in seen:
                    seen[verb] = j
                    continue
                previous = tokens[j - 1] if j > 0 else None
                if previous is None or not previous.is_word or previous.lower in ("and", "or", "but", "nor", "not", "to"):
                    continue
                if last_punct >= seen[verb]:
                    continue  # a comma or dash between them: a new clause, a parallel
                if verb in _LIGHT_VERBS or verb in _OBJECT_PRONOUNS or verb.endswith(_NOUN_ENDINGS) or not tokens[j + 1].text.islower():
                    continue
                nxt = tokens[j + 2] if j + 2 < len(tokens) else None
                if nxt is None or not (nxt.lower in adjunct_starts or nxt.is_number):
                    continue
                # The adjunct must close the clause within a few words: nothing follows it.
                end = j + 2
                while end < len(tokens) and not tokens[end].is_punct and end - j < 7:
                    end += 1
                if end >= len(tokens) or not tokens[end].is_punct:
                    continue
                yield self.finding(tokens[j].start, tokens[end - 1].end,
                                   f"'to {tokens[j + 1].text}' repeats an infinitive of this sentence and has no object")


_NOUNS = frozenset({"NN", "NNS"})
# Words that make the first copy a counted or determined noun ("the time and time", "seven
# years and years"): emphatic repetition ("for years and years") has none.
_DETERMINERS = frozenset({"DT", "CD", "PRP$", "JJ", "POS", "WP$"})
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
# A first copy narrowed by a modifier and a second narrowed by a clause after it name two
# kinds of one thing: "discontinued software and software that relies on it", "new users
# or users coming from other tools". (A phrase after the second copy, "familiar names and
# names on the wall", is as often a doubled noun and is not taken as a contrast.)
_PREMODIFIERS = frozenset({"JJ", "JJR", "VBN", "VBG"})
_POSTMODIFIERS = frozenset({"VBG", "WDT", "WP"})


def _bare_noun_pair(doc, conj: int, emphatic) -> bool:
    """A common noun coordinated with itself, by its tags: "the sort of person and person who".

    Left alone: a second copy that premodifies a noun ("milk and milk products", "jazz and
    jazz musicians") or starts a hyphenated compound ("church or church-state"); plurals of
    quantity before "of" with no modifier ("lots and lots of children", "the tons and tons of
    fuel"), repetition that goes on ("time and time again", "more and more and more") and the emphatic nouns of time and measure ("for years and years"), unless a
    determiner or a number shows that one thing was meant ("seven years and years"); a
    chiasmus ("plays with memory and memory with time"); "or" before a clause ("freedom or
    freedom is going to ...").
    """
    tokens, tags, prose = doc.tokens, doc.tags, doc.prose
    first, second = tokens[conj - 1], tokens[conj + 1]
    if tags[conj - 1] not in _NOUNS or tags[conj + 1] not in _NOUNS or len(first.lower) <= 2:
        return False
    if prose[first.start - 1:first.start] in "-/" or prose[second.end:second.end + 1] in "-/":
        return False
    before = tags[conj - 2] if conj >= 2 and tokens[conj - 2].sentence == first.sentence else ""
    if conj >= 2 and tokens[conj - 2].lower == tokens[conj].lower:
        return False  # the end of a chain: "shrunk and shrunk and shrunk"
    determined = before in _DETERMINERS
    if first.lower in emphatic and not determined:
        return False
    if conj + 2 < len(tokens) and tokens[conj + 2].sentence == second.sentence:
        after, tag = tokens[conj + 2], tags[conj + 2]
        if tag in _NOUNS:
            return False
        if before in _PREMODIFIERS and (tag in _POSTMODIFIERS or after.lower == "that"):
            return False  # a contrast: "discontinued software and software that relies on it"
        if tags[conj - 1] == "NNS" and after.lower == "of" and before not in ("JJ", "CD", "PRP$"):
            return False  # "the tons and tons of fuel"; not "increasing numbers and numbers of"
        if after.lower == "again" or after.lower == tokens[conj].lower:
            return False  # "time and time again", "shrunk and shrunk and shrunk": emphasis
        if conj >= 2 and tokens[conj - 2].lower == after.lower:
            return False
        if tokens[conj].lower == "or" and tag in _FINITE:
            return False  # "march with freedom or freedom is going to march over them": "or else"
    return True


def _may_contrast(doc, conj: int) -> bool:
    """A modifier before the first copy and a phrase after the second: perhaps two kinds of
    one thing ("cheap fiction and fiction of quality"), perhaps a doubled noun ("familiar
    names and names on the wall"); reported as info."""
    tags = doc.tags
    return conj >= 2 and tags[conj - 2] in _PREMODIFIERS and conj + 2 < len(tags) and tags[conj + 2] == "IN"


_NOUN_FRAMES = {"of", "in", "on", "for", "with", "about", "from", "by", "at", "into", "toward", "towards", "against",
                "without", "through", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"}
_OBJECT_PRONOUNS = {"him", "her", "them", "it", "me", "us", "you", "this", "that", "these", "those", "the", "a", "an"}
_NOUN_ENDINGS = ("ship", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism")
_LIGHT_VERBS = {"be", "do", "have", "get", "go", "make", "take", "see", "say", "come", "give", "keep"}


def _base_verbs():
    from garblint.linter.language.verbs import base_verbs

    return base_verbs()


@hookimpl
def garblint_rules():
    return [DoubledWord, CoordinatedDuplicate, RepeatedInfinitive]
