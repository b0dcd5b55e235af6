"""Fluency: part-of-speech sequences that clean English almost never has.

A trigram model of Penn tags (``data/tag_trigrams.json.gz``, counts built by
``tools/build_tag_model.py`` from garblint's own tagger run over UD
English-EWT train+dev and the Brown corpus, so that the tagger's habitual
errors count as plausible) gives each tag the probability of following the
two before it, smoothed by Witten-Bell interpolation with the bigram and
unigram estimates; the 40 most frequent function words ("the", "of", "will")
stand for themselves, so "the of" is told from "all of". A sentence whose
least likely transition falls below ``max_log10`` (a log10 probability) is
reported at the two tokens of that transition: "the of", "the this", a clause
cut off after "the". Contractions, capitalised words inside a sentence (titles
and names), formatting tags and full stops inside a sentence are not judged as
themselves. Local trigrams do not see a verb moved to the end of its clause:
that is left to the word-order rules. The counts are loaded on the first check.
"""
from __future__ import annotations

import math
from functools import lru_cache

from garblint.linter.engine.data_files import SortedTable, data_json
from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule

START, END = "<s>", "</s>"
# Tags that mark formatting, symbols and tagger guesswork rather than syntax (GW "goes with",
# ADD addresses, FW foreign words, NFP, AFX, XX, SYM, LS, $, HYPH, quotes, brackets, colons and
# dashes): a transition that involves one says nothing about fluency and is not scored.
NOISE = frozenset({"GW", "AFX", "ADD", "FW", "NFP", "XX", "SYM", "LS", "$", "HYPH", "-LRB-", "-RRB-", "``", "''", ":"})


# Distinctions the tagger draws unreliably on names: merged before counting.
MERGE = {"NNPS": "NNP"}


def merged(counts: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, count in counts.items():
        if "NNPS" in key:  # the only tag MERGE changes; most keys need no rewriting
            key = " ".join(MERGE.get(tag, tag) for tag in key.split(" "))
        out[key] = out.get(key, 0) + count
    return out


def prepared(counts: dict[str, int]) -> dict:
    """What ``TagModel`` reads, worked out from raw n-gram counts once, when the data file is built."""
    counts = merged(counts)
    followers: dict[str, int] = {}
    for key in counts:
        history, space, _ = key.rpartition(" ")
        if space:
            followers[history] = followers.get(history, 0) + 1
    return {
        "counts": SortedTable.encode(counts),
        "followers": SortedTable.encode(followers),
        "vocabulary": sum(1 for key in counts if " " not in key),
        "total": sum(c for key, c in counts.items() if " " not in key and key != START),
    }


class TagModel:
    def __init__(self, counts: SortedTable | dict[str, int], followers: SortedTable | dict[str, int], vocabulary: int, total: int,
                 function_words: frozenset[str] = frozenset()):
        self.function_words = function_words
        self.counts = counts  # n-gram -> count, with MERGE applied
        self.followers = followers  # history -> how many different tags followed it
        self.vocabulary = vocabulary
        self.total = total
        self._cache: dict[tuple[str, str, str], float] = {}

    def _interpolate(self, history: str, event: str, lower: float) -> float:
        seen = self.counts.get(history, 0)
        types = self.followers.get(history, 0)
        if not seen or not types:
            return lower
        return (self.counts.get(f"{history} {event}", 0) + types * lower) / (seen + types)

    def log10(self, u: str, v: str, t: str) -> float:
        """log10 P(t | u v)."""
        key = (u, v, t)
        value = self._cache.get(key)
        if value is None:
            p1 = (self.counts.get(t, 0) + 1) / (self.total + self.vocabulary + 1)
            p2 = self._interpolate(v, t, p1)
            p3 = self._interpolate(f"{u} {v}", t, p2)
            value = self._cache[key] = math.log10(p3)
        return value


@lru_cache(maxsize=None)
def tag_model() -> TagModel:
    data = data_json("garblint.rules", "data/tag_trigrams.json.gz")
    if "keys" not in data.get("followers", ()):
        raise RuntimeError("rules/data/tag_trigrams.json.gz predates its current format; rebuild it with tools/build_tag_model.py")
    return TagModel(SortedTable(data["counts"]), SortedTable(data["followers"]), data["vocabulary"], data["total"],
                    frozenset(data.get("function_words", ())))


def weakest_transitions(doc, min_tokens: int = 4):
    """Yield (log10 probability, first token index, last token index) of each sentence's least likely tag."""
    model = tag_model()
    tags, tokens = doc.tags, doc.tokens
    function_words = model.function_words
    symbols = []
    previous_sentence = -1
    for token, tag in zip(tokens, tags):
        lower = token.lower
        if "'" in lower or "’" in lower:
            symbols.append("GW")  # a contraction ("there's"): its one tag stands for two words
        elif token.sentence == previous_sentence and token.text[:1].isupper() and lower != "i":
            symbols.append("NNP")  # a capital inside a sentence: a name or a title ("The Who", "Hey Jude")
        else:
            symbols.append(lower if lower in function_words else MERGE.get(tag, tag))
        previous_sentence = token.sentence
    for sentence in doc.sentences:
        lo, hi = sentence.token_start, sentence.token_end
        if hi - lo < min_tokens:
            continue
        seq = [START, START] + symbols[lo:hi] + [END]
        for k in range(2, len(seq) - 2):
            if seq[k] == ".":
                seq[k] = "GW"  # a full stop inside a sentence: an abbreviation, a domain (".mobi")
        worst = None
        for k in range(2, len(seq)):
            if seq[k] in NOISE or seq[k - 1] in NOISE or seq[k - 2] in NOISE:
                continue
            value = model.log10(seq[k - 2], seq[k - 1], seq[k])
            if worst is None or value < worst[0]:
                worst = (value, k)
        if worst is None:
            continue
        value, k = worst
        last = min(lo + k - 2, hi - 1)  # the token of the unlikely tag (the last token for the end)
        first = max(lo, last - 1)
        yield value, first, last


class ImplausibleTagSequence(Rule):
    code = "GL960"
    name = "implausible-tag-sequence"
    family = "fluency"
    severity = "info"
    summary = "A sequence of words and word classes that clean English almost never has (\"the of\", \"the this\")."
    explanation = (
        "Machine translation and broken rewrites leave word sequences whose parts of speech do "
        "not follow each other in English: \"the\" before a preposition or another determiner "
        "(\"the of\", \"the this\"), a clause that stops on \"the\". The rule scores each token of a "
        "sentence with a trigram model of Penn tags (frequent function words standing for "
        "themselves) learnt from garblint's own tagger on clean English (UD English-EWT and the "
        "Brown corpus) and "
        "reports the least likely transition of a sentence when its log10 probability is below "
        "`max_log10`. It only says that the sequence is unusual, not what is wrong, so it is "
        "information; tagger errors on unusual words can trigger it."
    )
    bad = "Officials said the of bridge would reopen in May."
    good = "Officials said the bridge would reopen in May."
    default_options = {"max_log10": -6.5, "min_tokens": 4}

    def check(self, doc):
        threshold = float(self.options.get("max_log10", -6.5))
        minimum = int(self.options.get("min_tokens") or 4)
        tokens = doc.tokens
        for value, first, last in weakest_transitions(doc, minimum):
            if value >= threshold:
                continue
            if first != last and tokens[first].lower == tokens[last].lower:
                continue  # "the the": a doubled word, GL101's finding
            start, end = tokens[first].start, tokens[last].end
            if doc.touches_skipped(start, end):
                continue
            words = doc.text[start:end]
            yield self.finding(start, end, f"unusual word-class sequence at '{words}' "
                                           f"(log10 probability {value:.1f} in clean English)")


@hookimpl
def garblint_rules():
    return [ImplausibleTagSequence]
