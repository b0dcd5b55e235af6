"""Tortured phrases: fingerprints of paraphrasing tools ("counterfeit consciousness").

Article spinners swap each word of an established term for a synonym:
"artificial intelligence" becomes "counterfeit consciousness", "deep learning"
"profound learning", "breast cancer" "bosom peril". The fingerprint list comes
from the Problematic Paper Screener (Cabanac, Labbé & Magazinov, CC BY 4.0; see
``data/TORTURED_PHRASES_LICENSE.md``) and is cleaned by
``tools/build_tortured_phrases.py``, which drops the entries that are ordinary
English in their own right (search-query leaks such as "neural network", common
word pairs, phrases found in clean edited text, established terms). The counts
of what was dropped and why are in the ``dropped`` field of
``data/tortured_phrases.json``, and each dropped phrase with its reason is in
``data/tortured_phrases_dropped.tsv``. Of the 7,942 source entries, 7,628
phrases are kept; dropped: 202 ordinary English phrases found by reviewing the
entries made of frequent words ("place of interest", "supply route", "warm
exchange"), 37 found in 118 million words of clean text (Brown corpus, WordNet
glosses, installed documentation), 6 common word pairs ("search engine"), 11
established terms that correct other entries ("cloud computing"), 30 equal to
or made of their correction's words ("neural network"), 8 single words; 20
duplicates were merged.

Matching: the document's tokens become a list of lower-case units (hyphenated
words split into their parts, so "fifth-era" matches "fifth era"; commas and
other punctuation kept as units, so a phrase never runs across a full stop or a
bracket). Phrases are indexed by their first two units and the units are walked
once, longest match first; the last word may carry a plural ending. The list is
loaded on the first check.

GL702 (spun-collocation) generalises beyond the list: it knows strong English
collocations from word-pair counts independent of the fingerprint list and of
the corpora garblint is measured on (``data/spun_collocations.json``, built by
``tools/build_spun_collocations.py`` from SymSpell's Google Books counts and
WordNet synonyms; see ``data/SPUN_COLLOCATIONS_LICENSE.md``), and finds an
adjective/noun + noun pair that is a synonym swap away from one ("climate
modification" for "climate change"). Near-synonym pairs are common in clean
prose ("rate rise" beside "rate hike"), so such pairs are reported only in
clusters (fingerprints of the list count towards a cluster).
"""
from __future__ import annotations

from functools import lru_cache

from garblint.linter.engine.data_files import data_json
from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule

Unit = tuple[str, int, int, int]  # lower-case text, start, end, sentence index


@lru_cache(maxsize=None)
def phrase_index() -> tuple[dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...]]]], int]:
    """(first unit, second unit) -> [(phrase units, suggestions)] longest first, and the longest length."""
    data = data_json("garblint.rules", "data/tortured_phrases.json")
    index: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    longest = 0
    for phrase, suggestions in data["phrases"].items():
        units = tuple(phrase.split(" "))
        index.setdefault(units[:2], []).append((units, tuple(suggestions)))
        longest = max(longest, len(units))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index, longest


def singular_forms(unit: str) -> tuple[str, ...]:
    """A unit and the stems it may be the plural of ("woodlands" -> "woodland")."""
    if len(unit) < 4 or not unit.endswith("s") or unit.endswith("ss"):
        return (unit,)
    forms = [unit, unit[:-1]]
    if unit.endswith("es"):
        forms.append(unit[:-2])
        if unit.endswith("ies"):
            forms.append(unit[:-3] + "y")
    return tuple(forms)


def split_units(text: str, start: int, sentence: int, units: list[Unit]) -> None:
    """Append a token's units: its hyphen-separated parts, lower-cased, curly apostrophes straightened."""
    lower = text.lower().replace("’", "'")
    if "-" not in lower:
        units.append((lower, start, start + len(text), sentence))
        return
    offset = start
    for part in lower.split("-"):
        units.append((part, offset, offset + len(part), sentence))
        offset += len(part) + 1


# Stands for a run of two or more punctuation tokens: no phrase has two marks in a
# row or starts or ends with one, so such a run can only stop a match.
BARRIER = "\0"


@lru_cache(maxsize=None)
def _marks_only_between_words() -> bool:
    """Whether every phrase's punctuation units stand alone between words (so runs of marks can be merged)."""
    def mark(unit: str) -> bool:
        return not unit.replace("'", "").isalnum()

    for entries in phrase_index()[0].values():
        for phrase, _ in entries:
            if "".join(phrase).replace("'", "").isalnum():
                continue  # words only, the common case, told in one step
            if mark(phrase[0]) or mark(phrase[-1]) or any(mark(a) and mark(b) for a, b in zip(phrase, phrase[1:])):
                return False
    return True


def document_units(doc) -> list[Unit]:
    units: list[Unit] = []
    merge_marks = _marks_only_between_words()
    tokens = doc.tokens
    count, i = len(tokens), 0
    while i < count:
        token = tokens[i]
        if merge_marks and token.is_punct and i + 1 < count and tokens[i + 1].is_punct:
            # One unit for a run of marks: a page of dots is not a page of units.
            j = i + 1
            while j + 1 < count and tokens[j + 1].is_punct:
                j += 1
            units.append((BARRIER, token.start, tokens[j].end, token.sentence))
            i = j + 1
            continue
        lower = token.lower
        if "-" in lower or "’" in lower:
            split_units(token.text, token.start, token.sentence, units)
        else:  # the common case, without the call
            units.append((lower, token.start, token.end, token.sentence))
        i += 1
    return units


def scan(units: list[Unit], index=None):
    """Yield (first unit index, last unit index, phrase, suggestions) for each non-overlapping match."""
    if index is None:
        index, firsts = phrase_index()[0], _default_first_units()
    else:
        firsts = frozenset(first for first, _ in index)
    count = len(units)
    i = 0
    while i < count - 1:
        if units[i][0] not in firsts:  # most words start no phrase
            i += 1
            continue
        first, second = units[i], units[i + 1]
        entries = None
        if first[3] == second[3]:
            entries = index.get((first[0], second[0]))
            if second[0][-1:] == "s":
                for form in singular_forms(second[0])[1:]:
                    more = index.get((first[0], form))
                    if more:
                        entries = sorted((entries or []) + more, key=lambda entry: -len(entry[0]))
        matched = None
        if entries:
            sentence = first[3]
            for phrase, suggestions in entries:
                n = len(phrase)
                if i + n > count or units[i + n - 1][3] != sentence:
                    continue
                if any(units[i + k][0] != phrase[k] for k in range(n - 1)):
                    continue
                if phrase[-1] not in singular_forms(units[i + n - 1][0]):
                    continue
                matched = (i, i + n - 1, phrase, suggestions)
                break
        if matched:
            yield matched
            i = matched[1] + 1
        else:
            i += 1


@lru_cache(maxsize=None)
def _default_first_units() -> frozenset[str]:
    """The units that start some phrase of the built-in list."""
    return frozenset(first for first, _ in phrase_index()[0])


def fingerprint_matches(doc) -> tuple[list[Unit], list]:
    """The document's units and the matches of the built-in list, computed once for GL701 and GL702."""
    def compute(d):
        units = document_units(d)
        return units, list(scan(units))
    return doc.memo("tortured-phrases", compute)


def match_case(suggestion: str, original: str) -> str:
    """Give the suggestion the capitalisation of the text it replaces."""
    words = [w for w in original.split() if w[:1].isalpha()]
    if len(words) > 1 and all(w[0].isupper() for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in suggestion.split(" "))
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class TorturedPhrase(Rule):
    code = "GL701"
    name = "tortured-phrase"
    family = "tortured-phrases"
    severity = "warning"
    summary = "A phrase that paraphrasing tools produce in place of an established term (\"counterfeit consciousness\")."
    explanation = (
        "Article spinners replace each word of an established term with a synonym and turn "
        "\"artificial intelligence\" into \"counterfeit consciousness\", \"deep learning\" into "
        "\"profound learning\" or \"breast cancer\" into \"bosom peril\". The rule matches about "
        "7,700 such fingerprints collected by the Problematic Paper Screener (Cabanac, Labbé & "
        "Magazinov, CC BY 4.0), cleaned of entries that are ordinary English, and suggests the "
        "established term. One isolated hit in a document is a warning; a document with "
        "`min_distinct` or more distinct tortured phrases has been run through a spinner, and "
        "every hit becomes an error. Phrases that are legitimate in your field can be listed "
        "in `exceptions`."
    )
    bad = "We train a profound learning model for counterfeit consciousness research."
    good = "We train a deep learning model for artificial intelligence research."
    default_options = {"min_distinct": 2, "exceptions": []}

    def check(self, doc):
        units, matches = fingerprint_matches(doc)
        exceptions = {" ".join(e.lower().replace("-", " ").split()) for e in self.options.get("exceptions") or []}
        hits = []
        for first, last, phrase, suggestions in matches:
            key = " ".join(phrase)
            if exceptions and key in exceptions:
                continue
            start, end = units[first][1], units[last][2]
            if doc.text[end:end + 1] == "-" or doc.text[start - 1:start] == "-" and start > 1:
                continue  # part of a hyphenated compound: "coaching set-up" is not "coaching set"
            hits.append((start, end, key, suggestions))
        if not hits:
            return
        distinct = len({key for _, _, key, _ in hits})
        spun = distinct >= max(1, int(self.options.get("min_distinct") or 2))
        text = doc.text
        for start, end, key, suggestions in hits:
            original = text[start:end]
            fixes = [match_case(s, original) for s in suggestions]
            target = f" for '{fixes[0]}'" if fixes else ""
            if spun:
                message = (f"tortured phrase{target}: one of {distinct} distinct tortured phrases "
                           f"in this document, a sign of a paraphrasing tool")
                yield self.finding(start, end, message, fixes, severity="error")
            else:
                yield self.finding(start, end, f"tortured phrase{target}", fixes)


@lru_cache(maxsize=None)
def spun_tables() -> tuple[dict[str, float], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], frozenset[str]]:
    """Collocations, synonym -> the first words and the second words it may replace, common spun forms."""
    data = data_json("garblint.rules", "data/spun_collocations.json")
    inverse: list[dict[str, list[str]]] = [{}, {}]
    for slot, key in enumerate(("first", "second")):
        for word, synonyms in data[key].items():
            for synonym in synonyms:
                inverse[slot].setdefault(synonym, []).append(word)
    first = {w: tuple(v) for w, v in inverse[0].items()}
    second = {w: tuple(v) for w, v in inverse[1].items()}
    return data["collocations"], first, second, frozenset(data["common"])


_MODIFIER_TAGS = frozenset({"JJ", "NN"})
_HEAD_TAGS = frozenset({"NN", "NNS"})


def spun_pairs(doc, min_pmi: float = 7.0, min_pmi_both: float = 8.0):
    """Yield (first token index, collocation, mutual information) for adjacent words a synonym swap away from a
    collocation: one word swapped and the collocation's mutual information at least ``min_pmi``, or both
    swapped and at least ``min_pmi_both`` (a pair of two synonyms is more often a free combination)."""
    collocations, by_first, by_second, common = spun_tables()
    tokens, tags, lemmas = doc.tokens, doc.tags, doc.lemmas
    in_name = set()
    for entity in doc.entities:
        in_name.update(range(entity.token_start, entity.token_end))
    text = doc.text
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if tags[i] not in _MODIFIER_TAGS or tags[i + 1] not in _HEAD_TAGS or a.sentence != b.sentence:
            continue
        if not (a.is_word and b.is_word and b.text.islower() and a.text[1:].islower()):
            continue
        if a.text[0].isupper() and (i == 0 or tokens[i - 1].sentence == a.sentence):
            continue  # a capital inside a sentence: a name or a title
        if i in in_name or i + 1 in in_name or text[b.end:b.end + 1] == "-" or text[a.start - 1:a.start] == "-":
            continue
        x, y = a.lower, lemmas[i + 1]
        if x == y or f"{x} {y}" in common or f"{x} {b.lower}" in common or f"{x} {y}" in collocations:
            continue
        firsts = (x,) + by_first.get(x, ())
        seconds = (y,) + by_second.get(y, ())
        best = None
        for p in firsts:
            for q in seconds:
                if p == x and q == y:
                    continue
                pmi = collocations.get(f"{p} {q}")
                if pmi is None or pmi < (min_pmi_both if p != x and q != y else min_pmi):
                    continue
                if best is None or pmi > best[1]:
                    best = (f"{p} {q}", pmi)
        if best:
            yield i, best[0], best[1]


class SpunCollocation(Rule):
    code = "GL702"
    name = "spun-collocation"
    family = "tortured-phrases"
    severity = "warning"
    summary = "A rare word pair one synonym swap away from a strong collocation (\"climate modification\")."
    explanation = (
        "An article spinner replaces the words of an established word pair by thesaurus synonyms: "
        "\"climate change\" becomes \"climate modification\", \"artificial intelligence\" "
        "\"unreal intelligence\". The rule knows about 30,000 strong English collocations (frequent "
        "adjective or noun + noun pairs with high mutual information in the Google Books counts "
        "of SymSpell) and the WordNet synonyms of their words, and reports an adjective or noun + "
        "noun pair that is not itself a common pair but becomes a collocation when one or both "
        "words are replaced by the word they are a synonym of. It suggests the collocation. "
        "Clean English has such pairs too (\"rate rise\" beside \"rate hike\"), so a pair is reported "
        "only when `min_distinct` distinct suspects (such pairs, and tortured phrases of the curated "
        "list, GL701) fall within `window` characters of each other. A collocation needs a "
        "mutual information (log2) of `min_pmi` when one word was swapped and `min_pmi_both` when "
        "both were (two synonyms side by side are more often a free combination). Pairs that are "
        "legitimate in your field can be listed in `exceptions`."
    )
    bad = ("Rising sea levels are a consequence of climate modification, and chest cancer rates climb "
           "as unreal intelligence spreads.")
    good = "Rising sea levels are a consequence of climate change."
    default_options = {"min_distinct": 3, "window": 1000, "min_pmi": 7.0, "min_pmi_both": 8.0, "exceptions": []}

    def check(self, doc):
        exceptions = {" ".join(e.lower().split()) for e in self.options.get("exceptions") or []}
        tokens, text = doc.tokens, doc.text
        hits = []
        min_pmi = float(self.options.get("min_pmi", 7.0))
        min_pmi_both = float(self.options.get("min_pmi_both", 8.0))
        for i, collocation, _ in spun_pairs(doc, min_pmi, min_pmi_both):
            original = text[tokens[i].start:tokens[i + 1].end]
            if not (exceptions and original.lower() in exceptions):
                hits.append((tokens[i].start, tokens[i + 1].end, original, collocation))
        if not hits:
            return
        # English is full of near-synonym pairs ("rate rise" beside "rate hike"), so one pair
        # proves nothing: report only where `min_distinct` distinct suspects (these pairs and
        # the fingerprints of the curated list) fall within `window` characters of each other.
        minimum = max(1, int(self.options.get("min_distinct") or 3))
        window = int(self.options.get("window") or 1000)
        units, matches = fingerprint_matches(doc)
        suspects = [(start, original.lower()) for start, _, original, _ in hits]
        suspects += [(units[first][1], " ".join(phrase)) for first, _, phrase, _ in matches]
        for start, end, original, collocation in hits:
            near = {key for offset, key in suspects if abs(offset - start) <= window}
            if len(near) < minimum:
                continue
            fix = match_case(collocation, original)
            yield self.finding(start, end,
                               f"spun collocation: '{original}' reads like '{fix}' with synonyms swapped in "
                               f"(one of {len(near)} suspect phrases close together, a sign of a paraphrasing tool)",
                               [fix])


@hookimpl
def garblint_rules():
    return [TorturedPhrase, SpunCollocation]
