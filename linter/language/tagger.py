"""Part-of-speech tags for garblint's tokens.

    from garblint.linter.language.tagger import load_tagger
    load_tagger().tag(["He", "refused", "to", "go", "."])
    # [('PRP', 'PRON'), ('VBD', 'VERB'), ('TO', 'PART'), ('VB', 'VERB'), ('.', 'PUNCT')]

``tag`` takes the token texts of one sentence as ``garblint.linter.engine.segment`` cuts them
and gives each a pair: a Penn Treebank tag (VB VBD VBG VBN VBP VBZ MD TO NN
NNP ...) and a Universal POS tag (VERB AUX NOUN PROPN ...).

The model is a linear classifier trained with averaged passive-aggressive
updates (a perceptron that also learns from right answers won by too small a
margin) on the train and dev splits of Universal Dependencies English-EWT
(CC BY-SA 4.0), re-tokenized the way garblint tokenizes, so "don't",
"China's" and "win-win" are one token each (tools/ewt.py says how the
treebank's tags were projected onto such tokens). ``tools/train_tagger.py``
retrains it; README.md ("Part-of-speech model") gives the data, licence and
measured accuracy. A sentence is tagged greedily from right to left: in
English the word after says more than the word before ("to" before a verb, a
participle before "by"), and it measured better than left to right.

Features of a token: its lower-cased form, suffixes, first character and
shape; whether it opens the sentence and how capitalised the sentence is;
form, suffix, shape and possible tags of the words around it; the tags
already given to the two words after it. Three tables from training add what
one treebank lacks: the labels each word took in EWT, the tags it took in the
tagged Brown corpus, and how often it is capitalised inside a sentence. A
word may only take the labels its table entry allows (a frequent word, those
it had in at least 1% of its EWT occurrences; a word only Brown knows, those
EWT words of the same Brown tags had); an unknown word may take any
open-class label. A run of one repeated punctuation character ("___", "...",
"!!!") is tagged as one token, as the treebank writes it.

Speed: a word with a single possible label costs one look-up. For the
others, the weights of every group of features that depends on one word are
summed once and kept on that word's entry (``WordInfo``); so are the word's
own features combined with the tags after it. Scoring a label then adds five
cached numbers.
"""
from __future__ import annotations

import gzip
import json
from array import array
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "data" / "tagger-model.txt.gz"
FORMAT = "garblint-tagger-1"

_LONG = 40  # features of longer tokens look at both ends only


def normalise(word: str) -> str:
    """The form a word's features use: lower case, straight apostrophes, digits by length."""
    lower = word.lower()
    if "’" in lower or "‘" in lower:
        lower = lower.replace("’", "'").replace("‘", "'")
    if lower[:1].isdigit():
        if not lower.isdigit():
            return "!DX"
        if len(lower) <= 2:
            return lower
        return "!YEAR" if len(lower) == 4 else "!D" + str(min(len(lower), 6))
    if len(lower) > _LONG:
        lower = lower[:20] + "~" + lower[-20:]
    return lower


def shape(word: str) -> str:
    """Runs of upper, lower, digit and other characters, at most six: "McDonald's" -> "XxXx'x"."""
    if len(word) > _LONG:
        word = word[:20] + word[-20:]
    runs = []
    last = ""
    for char in word:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if kind != last:
            runs.append(kind)
            if len(runs) == 6:
                break
            last = kind
    return "".join(runs)


def collapse_runs(words: list[str]) -> tuple[list[str], list[int]]:
    """Merge each run of one repeated punctuation character into one unit ("!", "!", "!" -> "!!").

    Returns the units and how many tokens each stands for.
    """
    units: list[str] = []
    counts: list[int] = []
    for word in words:
        if units and len(word) == 1 and not word.isalnum() and units[-1] in (word, word + word):
            units[-1] = word + word
            counts[-1] += 1
        else:
            units.append(word)
            counts.append(1)
    return units, counts


def sentence_case(words: list[str]) -> str:
    """'A' when every word is capitalised, 'T' when most are, 'n' otherwise."""
    alpha = upper = 0
    for word in words:
        if word[:1].isalpha():
            alpha += 1
            upper += word[0].isupper()
    if alpha and upper == alpha:
        return "A"
    return "T" if upper * 2 > alpha else "n"


class WordInfo:
    """What the features need to know about one token text, and its cached weight sums."""

    __slots__ = ("text", "norm", "shape", "shape2", "candidates", "ambiguity", "brown", "capitals",
                 "own", "left", "left2", "right", "right2", "by_next_tag", "in_context", "uses")

    def __init__(self, text: str, norm: str, shape_: str, candidates: tuple[int, ...], ambiguity: str = "?",
                 brown: str = "?", capitals: str = "-"):
        self.text = text
        self.norm = norm
        self.shape = shape_
        self.shape2 = shape_[:2]
        self.candidates = candidates
        self.ambiguity = ambiguity
        self.brown = brown
        self.capitals = capitals
        # Summed weights of this word's features, filled on first use: as a
        # neighbour, one number per label; its own features and those of the
        # tags after it, one number per candidate (in the order of ``candidates``).
        self.left = self.left2 = self.right = self.right2 = None
        self.own: tuple[int, ...] | None = None
        self.by_next_tag: dict[str, tuple[int, ...]] = {}
        self.in_context: dict[tuple[str, str, str], tuple[int, ...]] = {}
        self.uses = 0  # sentences it was in since the caches were last trimmed


# Stand-ins for the words beyond the sentence's ends.
_BEFORE, _BEFORE2 = WordInfo("-S1-", "-S1-", "", ()), WordInfo("-S2-", "-S2-", "", ())
_AFTER, _AFTER2 = WordInfo("-E1-", "-E1-", "", ()), WordInfo("-E2-", "-E2-", "", ())
PADDING = (_BEFORE, _BEFORE2, _AFTER, _AFTER2)
END_TAGS = ("-E1-", "-E2-")  # the "tags" of the two positions after the last token


# -- Feature templates ----------------------------------------------------------
# Training (tools/train_tagger.py) and tagging use these same functions. Each
# group depends on one word (or on the tags after it), which is what lets the
# tagger cache the group's summed weights.

def own_features(word: WordInfo) -> list[str]:
    norm = word.norm
    features = ["b", "w=" + norm, "s1=" + norm[-1:], "s2=" + norm[-2:], "s3=" + norm[-3:], "s4=" + norm[-4:],
                "p1=" + word.text[0], "sh=" + word.shape, "bc=" + word.brown]
    if "-" in norm:
        features.append("hy=" + norm.rsplit("-", 1)[1])
    if word.text[0].isalpha():
        features.append("cap=" + word.capitals + word.shape[:2])
    return features


def left_features(word: WordInfo) -> list[str]:
    """Features of the word before (not tagged yet: its possible tags stand in)."""
    norm = word.norm
    return ["L1w=" + norm, "L1s=" + norm[-3:], "L1b=" + word.brown, "L1a=" + word.ambiguity, "L1h=" + word.shape]


def second_left_features(word: WordInfo) -> list[str]:
    return ["L2w=" + word.norm, "L2a=" + word.ambiguity]


def right_features(word: WordInfo) -> list[str]:
    """Features of the word after (already tagged; its tag is in ``tag_features``)."""
    norm = word.norm
    return ["R1w=" + norm, "R1s=" + norm[-3:], "R1b=" + word.brown, "R1h=" + word.shape]


def second_right_features(word: WordInfo) -> list[str]:
    return ["R2w=" + word.norm]


def tag_features(next_tag: str, second_next_tag: str) -> list[str]:
    return ["T1=" + next_tag, "T2=" + second_next_tag + " " + next_tag]


def tag_word_features(next_tag: str, word: WordInfo) -> list[str]:
    return ["T1w=" + next_tag + " " + word.norm, "T1s=" + next_tag + " " + word.norm[-3:]]


def sentence_features(case: str, word: WordInfo) -> list[str]:
    return ["TC=" + case + word.shape2]


def first_word_features(word: WordInfo) -> list[str]:
    features = ["F=" + word.shape]
    if word.text[0].isalpha():
        features.append("Fc=" + word.capitals + word.shape[:2])
    return features


def all_features(infos: list[WordInfo], i: int, next_tag: str, second_next_tag: str, case: str) -> list[str]:
    """Every feature of position ``i``: the training view of what ``Tagger`` sums block by block."""
    n = len(infos)
    word = infos[i]
    features = (own_features(word)
                + left_features(infos[i - 1] if i >= 1 else _BEFORE)
                + second_left_features(infos[i - 2] if i >= 2 else _BEFORE2)
                + right_features(infos[i + 1] if i + 1 < n else _AFTER)
                + second_right_features(infos[i + 2] if i + 2 < n else _AFTER2)
                + tag_features(next_tag, second_next_tag)
                + tag_word_features(next_tag, word)
                + sentence_features(case, word))
    if i == 0:
        features += first_word_features(word)
    return features


# -- The model --------------------------------------------------------------------

def read_model(path: Path = MODEL_PATH) -> dict:
    """Read a model file: a JSON header line, then the lexicon's and the weights' keys and values, one a line."""
    # One decompress of the whole file: reading through gzip.open's text layer costs twice as long.
    text = gzip.decompress(Path(path).read_bytes()).decode("utf-8")
    header_end = text.index("\n")
    model = json.loads(text[:header_end])
    if model.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} model")
    lines = text[header_end + 1:].split("\n")
    n_lexicon, n_weights = model["sizes"]
    bounds = [0, n_lexicon, 2 * n_lexicon, 2 * n_lexicon + n_weights, 2 * n_lexicon + 2 * n_weights]
    if len(lines) < bounds[-1]:
        raise ValueError(f"{path}: truncated model file")
    model["lexicon"] = dict(zip(lines[bounds[0]:bounds[1]], lines[bounds[1]:bounds[2]]))
    model["weights"] = dict(zip(lines[bounds[2]:bounds[3]], lines[bounds[3]:bounds[4]]))
    return model


def write_model(model: dict, path: Path) -> None:
    """Write ``model`` in the format ``read_model`` reads, byte for byte the same for the same model."""
    header = {key: value for key, value in model.items() if key not in ("lexicon", "weights")}
    lexicon, weights = model["lexicon"], model["weights"]
    header["sizes"] = [len(lexicon), len(weights)]
    lexicon_keys, weight_keys = sorted(lexicon), sorted(weights)
    parts = [json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
             *lexicon_keys, *(lexicon[k] for k in lexicon_keys), *weight_keys, *(weights[k] for k in weight_keys)]
    data = ("\n".join(parts) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as out:
        out.write(data)


class Lexicon:
    """The model's per-word tables: candidate labels, EWT and Brown tag classes, capitalisation."""

    def __init__(self, model: dict):
        self.candidate_sets = [tuple(labels) for labels in model["candidate_sets"]]
        self.open_labels = self.candidate_sets[model["open_set"]]
        self.classes = model["classes"]
        self.entries: dict[str, str] = model["lexicon"]

    def info(self, text: str) -> WordInfo:
        norm = normalise(text)
        entry = self.entries.get(norm)
        if entry is None:
            return WordInfo(text, norm, shape(text), self.open_labels)
        candidates, ambiguity, brown, capitals = entry.split(" ")
        return WordInfo(text, norm, shape(text),
                        self.candidate_sets[int(candidates)] if candidates != "-" else self.open_labels,
                        self.classes[int(ambiguity)] if ambiguity != "-" else "?",
                        self.classes[int(brown)] if brown != "-" else "?",
                        capitals)


class Tagger:
    """Tags the tokens of a sentence; see the module docstring for the model."""

    # Words whose weight sums are kept; beyond this the rarely used ones are dropped (bounds memory).
    CACHE_LIMIT = 20_000

    def __init__(self, model: dict):
        self.labels: list[tuple[str, str]] = [tuple(label) for label in model["labels"]]
        self._penn = [penn for penn, _ in self.labels]
        self.lexicon = Lexicon(model)
        # Feature -> "label weight label weight ...", replaced by a dict when first used.
        self._weights: dict[str, str | dict[int, int]] = dict(model["weights"])
        self._infos: dict[str, WordInfo] = {}
        self._tag_blocks: dict[tuple[str, str], array] = {}
        self._case_blocks: dict[tuple[str, str], array] = {}
        # Its own stand-ins for the words beyond the ends: they carry this model's weight sums.
        self._padding = [WordInfo(pad.text, pad.norm, "", ()) for pad in PADDING]
        self._zeros = array("i", bytes(4 * len(self.labels)))

    def weights(self, feature: str) -> dict[int, int] | None:
        """Label -> weight of one feature (None when training never gave it a weight)."""
        found = self._weights.get(feature)
        if found.__class__ is str:
            numbers = map(int, found.split())
            found = self._weights[feature] = dict(zip(numbers, numbers))
        return found

    def _sum(self, features: list[str]) -> array:
        """The summed weights of the features, one number per label."""
        total = array("i", self._zeros)
        for feature in features:
            weights = self.weights(feature)
            if weights:
                for label, value in weights.items():
                    total[label] += value
        return total

    def _sum_for(self, features: list[str], candidates: tuple[int, ...]) -> tuple[int, ...]:
        """The summed weights of the features for each of the candidates, in their order."""
        total = dict.fromkeys(candidates, 0)
        size = len(candidates)
        for feature in features:
            weights = self.weights(feature)
            if weights is None:
                continue
            if len(weights) <= size:
                for label, value in weights.items():
                    if label in total:
                        total[label] += value
            else:
                for label in candidates:
                    value = weights.get(label)
                    if value:
                        total[label] += value
        return tuple(total.values())

    def _context_block(self, word: WordInfo, next_tag: str, second_next_tag: str, case: str,
                       first: bool) -> tuple[int, ...]:
        """The weights that do not depend on the neighbouring words, summed for each of the word's candidates."""
        candidates = word.candidates
        own = word.own
        if own is None:
            own = word.own = self._sum_for(own_features(word), candidates)
        with_tag = word.by_next_tag.get(next_tag)
        if with_tag is None:
            with_tag = word.by_next_tag[next_tag] = self._sum_for(tag_word_features(next_tag, word), candidates)
        key = (next_tag, second_next_tag)
        tags = self._tag_blocks.get(key)
        if tags is None:
            tags = self._tag_blocks[key] = self._sum(tag_features(next_tag, second_next_tag))
        key = (case, word.shape2)
        sentence = self._case_blocks.get(key)
        if sentence is None:
            sentence = self._case_blocks[key] = self._sum(sentence_features(case, word))
        block = [mine + tagged + tags[label] + sentence[label] for label, mine, tagged in zip(candidates, own, with_tag)]
        if first:
            block = [value + extra for value, extra in zip(block, self._sum_for(first_word_features(word), candidates))]
        return tuple(block)

    def info(self, text: str) -> WordInfo:
        found = self._infos.get(text)
        if found is None:
            found = self._infos[text] = self.lexicon.info(text)
        return found

    def _trim_caches(self) -> None:
        """Keep the words met in more than one sentence since the last trim (at most half the limit)."""
        kept = [item for item in self._infos.items() if item[1].uses > 1]
        if len(kept) > self.CACHE_LIMIT // 2:
            kept.sort(key=lambda item: -item[1].uses)
            del kept[self.CACHE_LIMIT // 2:]
        self._infos = dict(kept)
        for word in self._infos.values():
            word.uses = 0

    def tag(self, words: list[str]) -> list[tuple[str, str]]:
        """One (Penn tag, Universal POS tag) pair per token of one sentence."""
        if not words:
            return []
        if len(self._infos) > self.CACHE_LIMIT:
            self._trim_caches()
        units, counts = collapse_runs(words)
        labels = self.labels
        chosen = self._choose(units)
        if len(units) == len(words):
            return [labels[label] for label in chosen]
        result: list[tuple[str, str]] = []
        for label, count in zip(chosen, counts):
            result.extend([labels[label]] * count)
        return result

    def guess(self, words: list[str]) -> list[tuple[str, str]]:
        """Cheap tags without context: a word's only candidate label, else a guess from its shape.

        Used where the tagging time budget of a document is spent, so that a
        huge text of unseen words cannot make tagging take unbounded time."""
        labels = self.labels
        index = self._label_index
        out = []
        for text in words:
            info = self.info(text)
            if len(info.candidates) == 1:
                out.append(labels[info.candidates[0]])
                continue
            out.append(labels[index.get(_shape_guess(text), index.get(("NN", "NOUN"), 0))])
        return out

    @property
    def _label_index(self) -> dict:
        found = self.__dict__.get("_label_index_cache")
        if found is None:
            found = self.__dict__["_label_index_cache"] = {label: i for i, label in enumerate(self.labels)}
        return found

    def _choose(self, units: list[str]) -> list[int]:
        """The label index of each unit, choosing from the last unit to the first."""
        infos = self._infos
        info = self.info
        before, before2, after, after2 = self._padding
        words = [before2, before, *[infos.get(text) or info(text) for text in units], after, after2]
        for word in words:
            word.uses += 1
        n = len(units)
        case = sentence_case(units)
        total = self._sum
        penn = self._penn
        chosen = [0] * n
        next_tag, second_next_tag = END_TAGS
        for i in range(n - 1, -1, -1):
            word = words[i + 2]  # words[i + 2] is unit i
            candidates = word.candidates
            if len(candidates) == 1:
                best = candidates[0]
            else:
                # The features of the word itself, of the tags after it and of the sentence, summed.
                key = (next_tag, second_next_tag, case if i else case + "F")
                own = word.in_context.get(key)
                if own is None:
                    own = word.in_context[key] = self._context_block(word, next_tag, second_next_tag, case, not i)
                # The features of the neighbouring words.
                neighbour = words[i + 1]
                left = neighbour.left
                if left is None:
                    left = neighbour.left = total(left_features(neighbour))
                neighbour = words[i]
                left2 = neighbour.left2
                if left2 is None:
                    left2 = neighbour.left2 = total(second_left_features(neighbour))
                neighbour = words[i + 3]
                right = neighbour.right
                if right is None:
                    right = neighbour.right = total(right_features(neighbour))
                neighbour = words[i + 4]
                right2 = neighbour.right2
                if right2 is None:
                    right2 = neighbour.right2 = total(second_right_features(neighbour))
                best = -1
                best_score = 0
                for label, score in zip(candidates, own):
                    score += left[label] + left2[label] + right[label] + right2[label]
                    if best < 0 or score > best_score:
                        best, best_score = label, score
            chosen[i] = best
            second_next_tag, next_tag = next_tag, penn[best]
        return chosen


def _shape_guess(text: str) -> tuple[str, str]:
    """The (Penn, UPOS) label a word's form suggests, for ``Tagger.guess``."""
    first = text[0]
    if first.isdigit():
        return ("CD", "NUM")
    if not first.isalnum():
        return (".", "PUNCT") if text[0] in ".!?" else (":", "PUNCT")
    if first.isupper():
        return ("NNP", "PROPN")
    lower = text.lower()
    for ending, label in (("ly", ("RB", "ADV")), ("ing", ("VBG", "VERB")), ("ed", ("VBN", "VERB")),
                          ("s", ("NNS", "NOUN"))):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return label
    return ("NN", "NOUN")


@lru_cache(maxsize=None)
def load_tagger() -> Tagger:
    """The bundled tagger, read once per process."""
    return Tagger(read_model())
