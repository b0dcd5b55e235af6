#!/usr/bin/env python3
"""Build the lemma table the document model uses: ``linter/language/data/lemmas.tsv``.

    python tools/build_lemmas.py [--ewt PATH]

From the train and dev splits of UD English-EWT (CC BY-SA 4.0; see
linter/language/data/TAGGER-LICENSE.txt), for each lower-cased word form and word
class (verb, noun, adjective) the lemma the treebank gives it most often,
kept only where the lemma differs from the form and the suffix rules of
``garblint.linter.language.lemmas`` would get it wrong. Regular forms ("asked", "plans") need
no entry. The output is sorted, so a rebuild changes nothing.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import ewt  # noqa: E402
from garblint.linter.language.lemmas import guess_lemma, word_class  # noqa: E402

OUTPUT = ROOT / "linter" / "language" / "data" / "lemmas.tsv"


def counts(repo: Path) -> tuple[dict[tuple[str, str], Counter], dict[tuple[str, str], Counter]]:
    found: dict[tuple[str, str], Counter] = defaultdict(Counter)
    tags: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for split in ("train", "dev"):
        for line in ewt.split_text(repo, split).split("\n"):
            columns = line.split("\t")
            if len(columns) < 5 or not columns[0].isdigit():
                continue
            form, lemma, xpos = columns[1].lower(), columns[2].lower(), columns[4]
            kind = word_class(xpos)
            if kind and form.isalpha():
                found[(form, kind)][lemma] += 1
                tags[(form, kind)][xpos] += 1
    return found, tags


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ewt", type=Path, default=ewt.DEFAULT_EWT)
    args = parser.parse_args(argv)
    rows = []
    found, tags = counts(args.ewt)
    for (form, kind), lemmas in found.items():
        lemma, seen = sorted(lemmas.items(), key=lambda item: (-item[1], item[0]))[0]
        if seen < 2 and len(form) < 4:
            continue  # a one-off short form is more often a typo or a split token ("ca" of "can't")
        # Entered when the rules get any of the form's tags wrong.
        if lemma != form and any(guess_lemma(form, tag) != lemma for tag in tags[(form, kind)]):
            rows.append(f"{form}\t{kind}\t{lemma}")
    rows.sort()
    OUTPUT.write_text("# form\tclass\tlemma, from UD English-EWT train+dev (tools/build_lemmas.py)\n"
                      + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} irregular forms -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
