#!/usr/bin/env python3
"""Build rules/data/tag_trigrams.json.gz: counts of word-class trigrams in clean English.

The text of UD English-EWT train+dev (tools/ewt.py; CC BY-SA 4.0) and of the
Brown corpus (benchmarks/brown.py) is cut into sentences and tagged by
garblint's own tagger (linter/language/tagger.py), exactly as a document is at lint
time, so that the tagger's habitual errors are part of what counts as
plausible. A token is represented by its Penn tag, except the frequent
function words (the FUNCTION_WORDS most frequent words whose commonest tag is
a closed class: determiners, prepositions, conjunctions, pronouns, modals,
"to"), which stand for themselves: "the of" is implausible where DT IN ("all
of") is not. Each sentence becomes ``<s> <s> x1 ... xn </s>``; the counts of
every trigram, bigram and symbol are written out with the function words
(only counts, no text).

    python tools/build_tag_model.py [--no-brown]
"""
from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from garblint.linter.engine.document import Document  # noqa: E402
from garblint.rules.fluency import prepared  # noqa: E402

OUT = ROOT / "rules" / "data" / "tag_trigrams.json.gz"


def texts(with_brown: bool):
    from tools.ewt import DEFAULT_EWT, read_split

    for split in ("train", "dev"):
        yield "ewt", "\n\n".join(s.text for s in read_split(DEFAULT_EWT, split))
    if with_brown:
        import brown

        for path in sorted(brown.ensure_corpus().glob("*.txt")):
            yield "brown", path.read_text(encoding="utf-8")


CLOSED = {"DT", "IN", "CC", "TO", "MD", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "EX", "PDT", "POS"}
FUNCTION_WORDS = 40


def write(payload: dict) -> None:
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as out:
        out.write(json.dumps(payload, separators=(",", ":")).encode("utf-8"))


def main(argv: list[str]) -> int:
    with_brown = "--no-brown" not in argv
    counts: Counter = Counter()
    tokens_read: Counter = Counter()
    sentences: list[tuple[list[str], list[str]]] = []
    word_tags: dict[str, Counter] = {}
    for corpus, text in texts(with_brown):
        doc = Document.from_text(text)
        tags, tokens = doc.tags, doc.tokens
        for sentence in doc.sentences:
            words = [t.lower.replace("’", "'") for t in tokens[sentence.token_start:sentence.token_end]]
            sentences.append((words, tags[sentence.token_start:sentence.token_end]))
            tokens_read[corpus] += len(words)
            for word, tag in zip(words, tags[sentence.token_start:sentence.token_end]):
                word_tags.setdefault(word, Counter())[tag] += 1
    ranked = sorted(word_tags, key=lambda w: -sum(word_tags[w].values()))
    function_words = [w for w in ranked if word_tags[w].most_common(1)[0][0] in CLOSED and w.isalpha()][:FUNCTION_WORDS]
    keep = set(function_words)
    for words, tags in sentences:
        seq = ["<s>", "<s>"] + [w if w in keep else t for w, t in zip(words, tags)] + ["</s>"]
        for i in range(2, len(seq)):
            counts[" ".join(seq[i - 2:i + 1])] += 1
            counts[" ".join(seq[i - 1:i + 1])] += 1
            counts[seq[i]] += 1
        counts["<s> <s>"] += 1
        counts["<s>"] += 1
    payload = {
        "source": ("Penn tags given by garblint's tagger to UD English-EWT train+dev (CC BY-SA 4.0)"
                   + (" and the Brown corpus" if with_brown else "") + "; counts only"),
        "built_by": "tools/build_tag_model.py",
        "tokens": dict(tokens_read),
        "function_words": sorted(function_words),
        # Merged and summarised here, so that loading the model is reading it.
        **prepared(counts),
    }
    write(payload)
    print(f"{dict(tokens_read)} tokens; {len(counts)} n-grams; {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
