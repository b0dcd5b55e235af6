#!/usr/bin/env python3
"""Word lists drawn from the POS-tagged Brown corpus (benchmarks/brown.py).

Writes ``linter/language/data/base_verbs.txt``: words that occur at least ``MIN_COUNT``
times and are tagged as a base-form verb (VB) in at least ``MIN_SHARE`` of
their occurrences. They are "verbs first": after "agreed" such a word is a
bare infinitive missing its "to", not a noun.

Also writes ``linter/language/data/verb_nouns.txt``: words tagged VB in at least
``MIN_VERB_NOUN_SHARE`` of at least ``MIN_VERB_NOUN_COUNT`` occurrences but
too often nouns or adjectives for the first list ("attack", "launch"). After
"threatened" such a word is a bare infinitive only when an object follows.

    python tools/build_verb_lists.py
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import brown  # noqa: E402

MIN_COUNT = 8
MIN_SHARE = 0.8
MIN_VERB_NOUN_COUNT = 5
MIN_VERB_NOUN_SHARE = 0.15


def main() -> int:
    counts: dict[str, Counter] = defaultdict(Counter)
    for sample in brown.samples():
        for paragraph in brown.tagged_paragraphs(sample):
            for sentence in paragraph:
                for word, tag in sentence:
                    if word.isalpha() and word.islower():
                        counts[word][tag.split("-")[0].split("+")[0]] += 1
    verbs = {
        word for word, tags in counts.items()
        if sum(tags.values()) >= MIN_COUNT and tags["vb"] / sum(tags.values()) >= MIN_SHARE
    }
    # Rarer verbs (intensify, postpone...): base forms that lemminflect knows
    # only as verbs, frequent enough in wordfreq, and never a noun or
    # adjective in Brown.
    from lemminflect import getAllLemmas

    sys.path.insert(0, str(ROOT))
    from garblint.linter.language.lexicon import _table

    for word, score in _table().items():
        if score < 3.0 or not word.isalpha() or not word.islower() or len(word) < 4:
            continue
        lemmas = getAllLemmas(word)
        if set(lemmas) != {"VERB"} or word not in lemmas["VERB"]:
            continue
        tags = counts.get(word)
        if tags and any(tags[t] for t in tags if t.startswith(("nn", "jj", "vbn", "vbd"))):
            continue
        verbs.add(word)
    verbs = sorted(verbs)
    out = ROOT / "linter" / "language" / "data" / "base_verbs.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        f"# Base-form verbs: Brown words with >= {MIN_COUNT} occurrences, >= {MIN_SHARE:.0%} tagged VB, plus\n"
        "# frequent words lemminflect knows only as base-form verbs and Brown never tags as noun or adjective.\n"
        "# Built by tools/build_verb_lists.py.\n" + "\n".join(verbs) + "\n",
        encoding="utf-8",
    )
    print(f"{len(verbs)} base verbs written to {out}")
    base = set(verbs)
    verb_nouns = sorted(
        word for word, tags in counts.items()
        if word not in base and word.isalpha() and len(word) > 2
        and sum(tags.values()) >= MIN_VERB_NOUN_COUNT
        and tags["vb"] / sum(tags.values()) >= MIN_VERB_NOUN_SHARE
    )
    out = ROOT / "linter" / "language" / "data" / "verb_nouns.txt"
    out.write_text(
        f"# Words tagged as base-form verbs (VB) in >= {MIN_VERB_NOUN_SHARE:.0%} of >= {MIN_VERB_NOUN_COUNT} Brown\n"
        "# occurrences but too often nouns or adjectives to be verbs first (attack, launch).\n"
        "# Built by tools/build_verb_lists.py.\n" + "\n".join(verb_nouns) + "\n",
        encoding="utf-8",
    )
    print(f"{len(verb_nouns)} verb-or-noun words written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
