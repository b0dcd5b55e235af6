"""Line classifier for page furniture, in the manner of jusText, boilerpipe and trafilatura.

Those tools read HTML and lean on link density; garblint reads plain text and
Markdown, so each non-blank line is judged by its own shape (words, characters,
share of stopwords, a finite verb, title case, final punctuation, digits,
separators), by where it stands (before the first or after the last line of
prose), by its neighbours (prose around it, a run of short lines it belongs
to), by evidence from a multilingual furniture vocabulary and by whether the
same line recurs in the document. A logistic model combines the features; its
weights are fitted by ``tools/train_boilerplate.py`` on the development split
of the scrapinghub article-extraction benchmark and shipped in
``rules/data/boilerplate_weights.json``. Context then smooths the labels: a
short line between two furniture lines is furniture, a single furniture line
among prose needs vocabulary evidence, and a line of prose (long, with a
finite verb and sentence punctuation) is never furniture.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ._data import load_data
from garblint.linter.engine.data_files import data_json

WEIGHTS_FILE = "boilerplate_weights.json"

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ALNUM_RE = re.compile(r"[^\W_]")
_NOT_DIGIT_RE = re.compile(r"\D+")
_NOT_ALNUM_RE = re.compile(r"[\W_]+")
_NOT_LETTER_RE = re.compile(r"[\W\d_]+")
_NOT_LATIN_RE = re.compile("[^A-Za-z\u00c0-\u024f]+")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SEPARATOR_RE = re.compile(r"[|•·»›▸►→]| [-–—/] ")
_SENTENCE_END = tuple('.!?…"”’»)')
_DATE_RE = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4})\b",
    re.I,
)
_BYLINE_RE = re.compile(r"^(?:by|von|par|por|di|da|door|av)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\b", re.U)
_QUOTES = ('"', "“", "‘", "«", "„", "'")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A line this long that ends a sentence is prose, whatever else it holds.
PROSE_WORDS = 10
# Lines of at most this many words with a furniture shape (a reading time, "©") are furniture.
SHAPE_WORDS = 14
# Lines of at most this many words may join a run of short lines (menus, teasers, tags).
SHORT_WORDS = 5
# A line whose letters are at least this share furniture words is furniture wherever it stands.
WHOLLY_FURNITURE = 0.8
# A word below this English Zipf frequency is not English (wordfreq's list holds many foreign words
# at 2 to 3: "nuestro", "vida", "mea").
FOREIGN_ZIPF = 2.0

FEATURES = (
    "bias", "w1", "w2_3", "w4_7", "w8_14", "w15", "chars", "stopwords", "finite_verb", "title_case",
    "all_caps", "end_sentence", "end_colon", "end_bare", "digits", "separator", "non_latin", "vocab_full",
    "vocab_share", "vocab_any", "pattern", "date", "byline", "glued", "repeated", "opening", "closing",
    "position", "prev_prose", "next_prose", "prev_short", "next_short", "short_run", "title_run",
    "prose_window", "prose_distance", "neighbour_vocab", "teaser_run", "vocab_among_prose", "vocab_shape",
    "vocab_hits",
)


# The second stage reads the first stage's scores around each line (jusText's context smoothing, learnt).
CONTEXT_FEATURES = (
    "bias", "own", "previous", "next", "window", "near_high", "chars", "prose_window", "opening", "closing",
    "vocab_full", "pattern_near", "vocab_among_prose",
)


@dataclass
class Line:
    start: int
    end: int
    text: str
    words: list[str]
    features: dict[str, float] = field(default_factory=dict)
    vocab: list[str] = field(default_factory=list)  # the vocabulary entries found, first first
    pattern: bool = False
    prose: bool = False  # long, finite verb, sentence punctuation: never furniture
    score: float = 0.0
    first_score: float = 0.0
    context: dict[str, float] = field(default_factory=dict)
    furniture: bool = False
    decided_by: str = ""


# -- data ------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    data = load_data("scrape_residue")["stopwords"]
    return frozenset(w.lower() for words in data.values() for w in words.split())


@lru_cache(maxsize=None)
def _vocabulary() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern over every vocabulary phrase, and the kind of each phrase."""
    kinds: dict[str, str] = {}
    for kind, phrases in load_data("scrape_residue")["furniture_vocabulary"].items():
        for phrase in phrases:
            kinds.setdefault(" ".join(str(phrase).lower().split()), kind)
    alternatives = sorted(kinds, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alternatives)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.I), kinds


_ANY_DIGIT_RE = re.compile(r"\d")
_LOOKUP_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@lru_cache(maxsize=None)
def _first_words() -> frozenset[str]:
    """The first word of every vocabulary phrase, as ``_LOOKUP_RE`` cuts words."""
    _, kinds = _vocabulary()
    return frozenset(_LOOKUP_RE.findall(phrase)[0] for phrase in kinds if _LOOKUP_RE.findall(phrase))


@lru_cache(maxsize=None)
def _vocabulary_patterns() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(entry["pattern"], re.I), entry["name"])
            for entry in load_data("scrape_residue")["furniture_patterns"]]


@lru_cache(maxsize=None)
def _shape_names() -> frozenset[str]:
    return frozenset(name for _, name in _vocabulary_patterns())


@lru_cache(maxsize=None)
def furniture_line_re() -> re.Pattern:
    patterns = load_data("scrape_residue")["furniture_lines"]
    return re.compile(r"^[ \t]*(?:" + "|".join(f"(?:{p})" for p in patterns) + r")[ \t]*$", re.I | re.M)


@lru_cache(maxsize=None)
def weights() -> dict:
    return data_json("garblint.rules", f"data/{WEIGHTS_FILE}")


# -- features --------------------------------------------------------------------

def _vocabulary_evidence(text: str) -> tuple[list[str], float, bool, bool]:
    """Vocabulary entries found in the line, the share of its letters they cover, whether
    two or more were glued together ("FacebookTwitterEmail"), and whether a furniture
    pattern (a reading time, a copyright sign) matched."""
    pattern, kinds = _vocabulary()
    split = _CAMEL_RE.sub(" ", text)
    lower = split.lower()
    # Most lines hold no furniture word: a set look-up rules them out before the long pattern,
    # and the shapes all need a digit, "©", "(c)" or "cookie".
    words = _first_words().isdisjoint(_LOOKUP_RE.findall(lower)) is False
    shapes = "©" in text or "(c)" in lower or "cookie" in lower or bool(_ANY_DIGIT_RE.search(text))
    if not words and not shapes:
        return [], 0.0, False, False
    found: list[str] = []
    best = 0.0
    # The text as written ("WhatsApp") and with camel case cut ("Facebook Twitter").
    for form in ((text, split) if split != text else (text,)) if words else ():
        covered = 0
        for match in pattern.finditer(form):
            entry = f"{kinds.get(' '.join(match.group().lower().split()), 'furniture')}: {' '.join(match.group().lower().split())}"
            if entry not in found:
                found.append(entry)
            covered += len(_NOT_ALNUM_RE.sub("", match.group()))
        best = max(best, covered / (len(_NOT_ALNUM_RE.sub("", form)) or 1))
    shaped = False
    for regex, name in _vocabulary_patterns() if shapes else ():
        if regex.search(split):
            found.append(name)
            shaped = True
    glued = False
    if len(found) >= 2 and split != text:
        # Glued: the camel-case cuts made words the original lacked.
        glued = any(len(pattern.findall(_CAMEL_RE.sub(" ", token))) >= 2 for token in text.split())
    return found, min(1.0, best), glued, shaped


def _tag_line(words: list[str], cache: dict) -> bool:
    """Whether the line holds a finite verb (tagged on its own, as a sentence)."""
    key = " ".join(words)
    if key not in cache:
        from garblint.linter.language.tagger import load_tagger

        tagger = load_tagger()
        finite = _finite_labels(tagger)
        # The tagger gives a word only the labels its lexicon allows: without a word that may
        # be a finite verb, the answer is known without tagging.
        if not any(not finite.isdisjoint(tagger.info(w).candidates) for w in words):
            cache[key] = False
        else:
            cache[key] = any(tag in _FINITE for tag, _ in tagger.tag(words))
    return cache[key]


@lru_cache(maxsize=None)
def _finite_labels(tagger) -> frozenset[int]:
    return frozenset(i for i, (penn, _) in enumerate(tagger.labels) if penn in _FINITE)


_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def trimmed_lines(prose: str):
    """(start, end) of each line of ``prose`` without its surrounding blanks; blank lines are left out."""
    offset = 0
    for raw in prose.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        while start < end and prose[start].isspace():
            start += 1
        while end > start and prose[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def split_lines(prose: str) -> list[Line]:
    lines = []
    for start, end in trimmed_lines(prose):
        text = prose[start:end]
        if not _ALNUM_RE.search(text):
            continue  # a rule of dashes, a lone bullet
        if text.count(" ") >= 3 * PROSE_WORDS and text.endswith(_SENTENCE_END):
            words = text.split()  # a long paragraph: prose, only its length is read
        else:
            words = _WORD_RE.findall(text)
        lines.append(Line(start, end, text, words))
    return lines


# The features of a long line that ends a sentence: prose, never scored (see ``first_score``).
_PROSE_FEATURES = {name: 0.0 for name in FEATURES}
_PROSE_FEATURES.update(bias=1.0, w15=1.0, finite_verb=1.0, end_sentence=1.0)


def line_features(prose: str, tag_cache: dict | None = None) -> list[Line]:
    """Every non-blank line of ``prose`` with its features."""
    tag_cache = {} if tag_cache is None else tag_cache
    lines = split_lines(prose)
    stop = _stopwords()
    # One pass of the line patterns over the whole text is cheaper than one match per line.
    pattern_starts = set()
    for match in furniture_line_re().finditer(prose):
        start = match.start()
        while start < match.end() and prose[start].isspace():
            start += 1
        pattern_starts.add(start)
    counts: dict[str, int] = {}
    for line in lines:
        key = " ".join(line.text.lower().split())
        counts[key] = counts.get(key, 0) + 1
    ends = [line.text.endswith(_SENTENCE_END) or line.text.rstrip("*_ ").endswith(_SENTENCE_END) for line in lines]
    long_flags = [len(line.words) >= PROSE_WORDS and end for line, end in zip(lines, ends)]
    # Lines other than long prose, counted, so a line with none of them near can be seen at once.
    others = [0]
    for flag in long_flags:
        others.append(others[-1] + (not flag))
    for index, line in enumerate(lines):
        text, words = line.text, line.words
        n = len(words)
        ends_sentence = ends[index]
        long_sentence = long_flags[index]
        line.pattern = line.start in pattern_starts
        if long_sentence:
            # Prose, decided without the model: only what the context of other lines reads.
            line.prose = True
            line.features = dict(_PROSE_FEATURES, chars=min(1.0, math.log1p(len(text)) / 7), pattern=float(line.pattern))
            continue
        else:
            vocab, share, glued, shaped = _vocabulary_evidence(text)
            low, high = max(0, index - 6), min(len(lines), index + 7)
            alone = others[high] - others[low] == 1  # only long prose around: a headline among paragraphs
            if (alone or n <= 3) and not ends_sentence and share < 0.6 and not glued:
                # Not tagged: the line is not prose whatever its verb, and a label of one to three
                # words ("Oldham v Bolton", "Latest News") or a line alone has no use for one.
                verb = False
            else:
                verb = _tag_line(_TOKEN_RE.findall(text), tag_cache) if n else False
        line.vocab = vocab
        line.prose = n >= 8 and verb and ends_sentence
        alpha = [w for w in words if len(w) > 1 and w.lower() not in stop] or words
        title = sum(1 for w in alpha if w[0].isupper()) / len(alpha) if alpha else 0.0
        # Character counts by deletion (C speed), not by a loop over characters.
        alnum = len(_NOT_ALNUM_RE.sub("", text)) or 1
        letters = _NOT_LETTER_RE.sub("", text)
        latin = len(letters) if letters.isascii() else len(_NOT_LATIN_RE.sub("", letters))
        f = line.features
        f["bias"] = 1.0
        f["w1"] = float(n <= 1)
        f["w2_3"] = float(2 <= n <= 3)
        f["w4_7"] = float(4 <= n <= 7)
        f["w8_14"] = float(8 <= n <= 14)
        f["w15"] = float(n >= 15)
        f["chars"] = min(1.0, math.log1p(len(text)) / 7)
        f["stopwords"] = sum(1 for w in words if w.lower() in stop) / n if n else 0.0
        f["finite_verb"] = float(verb)
        f["title_case"] = title
        f["all_caps"] = float(len(letters) >= 3 and letters.isupper())
        f["end_sentence"] = float(ends_sentence)
        f["end_colon"] = float(text.endswith(":"))
        f["end_bare"] = float(text[-1].isalnum())
        f["digits"] = len(_NOT_DIGIT_RE.sub("", text)) / alnum
        f["separator"] = float(bool(_SEPARATOR_RE.search(text)))
        f["non_latin"] = 1 - latin / len(letters) if letters else 0.0
        # Mostly furniture words, a furniture shape, or several furniture words in a short line.
        f["vocab_full"] = float(share >= 0.6 or shaped or (len(vocab) >= 3 and share >= 0.3))
        f["vocab_share"] = share
        f["vocab_any"] = float(bool(vocab))
        f["vocab_shape"] = float(shaped)
        f["vocab_hits"] = min(1.0, len(vocab) / 3)
        f["pattern"] = float(line.pattern)
        f["date"] = float(n <= 12 and bool(_DATE_RE.search(text)))
        f["byline"] = float(n <= 8 and bool(_BYLINE_RE.match(text)))
        f["glued"] = float(glued)
        f["repeated"] = float(counts[" ".join(text.lower().split())] > 1)
    _context(lines)
    return lines


def _context(lines: list[Line]) -> None:
    total = len(lines)
    prose_at = [i for i, line in enumerate(lines) if line.prose]
    first = prose_at[0] if prose_at else total
    last = prose_at[-1] if prose_at else -1
    short = [len(line.words) <= SHORT_WORDS and not line.features["end_sentence"] for line in lines]
    titled = [s and line.features["title_case"] >= 0.75 for s, line in zip(short, lines)]
    # Headline-like lines (4 to 14 words, no final punctuation) in a row: a teaser list.
    headline_like = [4 <= len(line.words) <= 14 and not line.prose and not line.features["end_sentence"] for line in lines]
    teaser_run = _runs(headline_like)
    short_run = _runs(short)
    title_run = _runs(titled)
    # Distance to the nearest prose line, in lines, both ways.
    distance = [total] * total
    nearest = None
    for i in range(total):
        if lines[i].prose:
            nearest = i
        if nearest is not None:
            distance[i] = i - nearest
    nearest = None
    for i in range(total - 1, -1, -1):
        if lines[i].prose:
            nearest = i
        if nearest is not None:
            distance[i] = min(distance[i], nearest - i)
    prose_prefix = [0]
    for line in lines:
        prose_prefix.append(prose_prefix[-1] + line.prose)
    for i, line in enumerate(lines):
        f = line.features
        f["opening"] = float(i < first)
        f["closing"] = float(i > last)
        f["position"] = i / (total - 1) if total > 1 else 0.0
        f["prev_prose"] = float(i > 0 and lines[i - 1].prose)
        f["next_prose"] = float(i + 1 < total and lines[i + 1].prose)
        f["prev_short"] = float(i > 0 and short[i - 1])
        f["next_short"] = float(i + 1 < total and short[i + 1])
        f["short_run"] = min(1.0, math.log1p(short_run[i]) / 3) if short[i] else 0.0
        f["title_run"] = float(title_run[i] >= 3)
        f["teaser_run"] = float(teaser_run[i] >= 3)
        low, high = max(0, i - 4), min(total, i + 5)
        f["prose_window"] = (prose_prefix[high] - prose_prefix[low] - line.prose) / max(1, high - low - 1)
        f["vocab_among_prose"] = f["vocab_full"] * f["prose_window"]
        f["prose_distance"] = min(1.0, math.log1p(distance[i]) / 3)
        f["neighbour_vocab"] = float(any(
            0 <= j < total and (lines[j].features["vocab_full"] or lines[j].pattern) for j in (i - 1, i + 1)))


def _runs(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of true flags it is in (0 when false)."""
    out = [0] * len(flags)
    i = 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


# -- the decision -------------------------------------------------------------------

def _logistic(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def first_score(line: Line, model: dict) -> float:
    if line.prose and line.features["w15"]:
        return 0.0  # a long line of prose: article, whatever the weights
    w = model["weights"]
    return _logistic(sum(w.get(name, 0.0) * value for name, value in line.features.items()))


def context_features(lines: list[Line]) -> None:
    """The second stage's features, from the first-stage scores of the lines around."""
    scores = [line.first_score for line in lines]
    total = len(lines)
    prefix = [0.0]
    for value in scores:
        prefix.append(prefix[-1] + value)

    def mean(low: int, high: int) -> float:
        low, high = max(0, low), min(total, high)
        return (prefix[high] - prefix[low]) / (high - low) if high > low else 0.5

    for i, line in enumerate(lines):
        own = min(0.999, max(0.001, scores[i]))
        c = line.context
        c["bias"] = 1.0
        c["own"] = math.log(own / (1 - own)) / 7
        c["previous"] = mean(i - 3, i)
        c["next"] = mean(i + 1, i + 4)
        low, high = max(0, i - 6), min(total, i + 7)
        c["window"] = (prefix[high] - prefix[low] - scores[i]) / (high - low - 1) if high - low > 1 else 0.5
        near = [scores[j] >= 0.9 for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < total]
        c["near_high"] = sum(near) / len(near) if near else 0.0
        f = line.features
        for name in ("chars", "prose_window", "opening", "closing", "vocab_full"):
            c[name] = f[name]
        c["pattern_near"] = float(any(0 <= j < total and lines[j].pattern for j in (i - 1, i + 1)))
        # Furniture words among paragraphs ("Share", "Lire aussi" between two of them): the model is
        # linear, so the interaction is a feature of its own.
        c["vocab_among_prose"] = f["vocab_full"] * f["prose_window"]


def score_lines(lines: list[Line], model: dict) -> None:
    """Both stages: ``line.first_score`` from the line's own features, ``line.score`` with its context."""
    for line in lines:
        line.first_score = first_score(line, model)
    context_features(lines)
    w2 = model.get("context_weights")
    for line in lines:
        if w2:
            line.score = _logistic(sum(w2.get(name, 0.0) * value for name, value in line.context.items()))
        else:
            line.score = line.first_score


_EXPLAINED = {
    "title_run": "shape: a run of short title-case lines (menu)",
    "short_run": "shape: a run of short lines",
    "opening": "position: before the article's first paragraph",
    "closing": "position: after the article's last paragraph",
    "byline": "shape: a byline",
    "date": "shape: a date line",
    "repeated": "repetition: the line recurs in the document",
    "separator": "shape: items between separators",
    "all_caps": "shape: a capitalised label",
    "non_latin": "shape: a line in another script",
    "prose_distance": "position: far from the article's paragraphs",
    "end_bare": "shape: a short line without final punctuation",
    "end_colon": "shape: a label ending in a colon",
    "finite_verb": "shape: a short line",
    "end_sentence": "shape: a short line",
    "w8_14": "shape: a teaser line",
    "w15": "shape: a teaser line",
    "position": "position: near the end of the document",
    "neighbour_vocab": "context: next to a furniture line",
    "digits": "shape: mostly figures",
}


def _decided_by(line: Line, model: dict) -> str:
    if line.pattern:
        return "pattern: furniture line"
    shapes = [v for v in line.vocab if v in _shape_names()]
    if shapes and line.features["vocab_shape"]:
        return f"vocabulary: {shapes[0]}"
    if line.vocab and (line.features["vocab_full"] or line.features["glued"]):
        return f"vocabulary: {line.vocab[0]}"
    w = model["weights"]
    contributions = sorted(((w.get(name, 0.0) * value, name) for name, value in line.features.items()
                            if name != "bias" and value), reverse=True)
    w2 = model.get("context_weights") or {}
    context = w2.get("window", 0.0) * line.context.get("window", 0.0) + w2.get("near_high", 0.0) * line.context.get("near_high", 0.0)
    if line.first_score < model["threshold"] <= line.score and context > 0:
        return "context: among furniture lines"
    for _, name in contributions:
        if name in ("vocab_share", "vocab_any", "vocab_full", "glued") and line.vocab:
            return f"vocabulary: {line.vocab[0]}"
        if name in _EXPLAINED:
            return _EXPLAINED[name]
        return f"feature: {name.replace('_', ' ')}"
    return "score"


# A page has at most a few thousand lines; a text of more is no scraped page, and only its
# first and last lines (where a header and a footer would be) are read, so time stays bounded.
EDGE_LINES = 1000
_NOT_NEWLINE_RE = re.compile(r"[^\n]+")


def _head_and_tail(prose: str) -> str:
    """``prose`` as it is, or, past ``2 * EDGE_LINES`` lines, with the lines between blanked."""
    if prose.count("\n") <= 2 * EDGE_LINES:
        return prose
    head = -1
    for _ in range(EDGE_LINES):
        head = prose.find("\n", head + 1)
    tail = len(prose)
    for _ in range(EDGE_LINES):
        tail = prose.rfind("\n", 0, tail)
    return prose[:head] + _NOT_NEWLINE_RE.sub(lambda m: " " * len(m.group()), prose[head:tail]) + prose[tail:]


def classify(prose: str, markdown: bool = False, threshold: float | None = None,
             tag_cache: dict | None = None, headings: frozenset[int] = frozenset()) -> list[Line]:
    """Every non-blank line with its score and whether it is furniture."""
    prose = _head_and_tail(prose)
    if not _may_hold_furniture(prose):
        return []
    lines = line_features(prose, tag_cache)
    model = weights()
    score_lines(lines, model)
    return decide(lines, model["threshold"] if threshold is None else threshold, markdown, headings)


def _ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END) or text.rstrip("*_ ").endswith(_SENTENCE_END)


def _may_hold_furniture(prose: str) -> bool:
    """Whether any line could be furniture; False for most texts of paragraphs and headlines.

    Every way a line becomes furniture in ``decide`` needs evidence in some line's words
    (a line pattern, furniture words, a furniture shape, a label in another language): a
    line alone needs its own, a run inside the article needs one of its lines, a run before
    or after the article one line of that region. A text without any is passed over without its features; the answer is
    the same and the tagger is spared.
    """
    if furniture_line_re().search(prose):
        return True
    for raw in prose.split("\n"):
        text = raw.strip()
        if not text or (text.count(" ") >= 3 * PROSE_WORDS and text.endswith(_SENTENCE_END)):
            continue  # long prose (as ``split_lines`` sees it): its words are never read as evidence
        if _ends_sentence(text) and len(_WORD_RE.findall(text)) >= PROSE_WORDS:
            continue
        vocab, share, glued, shaped = _vocabulary_evidence(text)
        if share >= 0.6 or glued or shaped or (len(vocab) >= 3 and share >= 0.3):
            return True
        if foreign_label(text):
            return True
    return False


def _headline(lines: list[Line], evidence: list[bool]) -> int:
    """The index of the line taken for the article's headline (never furniture), or -1.

    It is the longest line of at least four words, none of them furniture words and
    neither a date nor a byline, among the four lines before the first paragraph.
    """
    first = next((i for i, line in enumerate(lines) if line.prose), -1)
    best, most = -1, 3
    for i in range(max(0, first - 4), max(0, first)):
        line = lines[i]
        f = line.features
        if evidence[i] or line.prose or f.get("date") or f.get("byline") or len(line.words) <= most:
            continue
        best, most = i, len(line.words)
    return best


def _strong(line: Line, markdown: bool) -> bool:
    """Evidence in what the line says, not only in its shape."""
    if line.pattern or line.features.get("glued"):
        return True
    if not line.features["vocab_full"]:
        return False
    # "Contact", "Search", "More": a README's headings and lists use the navigation words too.
    # Nor are licence lines ("Copyright (c) 2019 ...") or "Last updated:" page furniture there.
    return not markdown or any(not v.startswith(("navigation:", "related:", "legal:", "byline:")) for v in line.vocab)


def _sentence(line: Line) -> bool:
    """A short sentence ("The council met on Monday."): furniture only on the evidence of its words."""
    f = line.features
    return len(line.words) >= 4 and bool(f["finite_verb"]) and bool(f["end_sentence"])


def foreign_label(text: str) -> bool:
    """A short line that is no sentence and whose words are mostly not English ("Kommentar schreiben").

    Among English paragraphs such a line is the interface of a site in another
    language. Names are written with capitals, so a line of them ("Aung San Suu
    Kyi") never qualifies: one word at least must be in lower case."""
    if len(text) > 80 or text.count(" ") > 2 * SHORT_WORDS or _ends_sentence(text):
        return False  # too long for a label: told before the words are cut
    words = _WORD_RE.findall(text)
    if not 2 <= len(words) <= SHORT_WORDS + 1 or not any(w.islower() for w in words):
        return False
    from garblint.linter.language.lexicon import zipf

    unknown = sum(1 for word in words if zipf(word) < FOREIGN_ZIPF)
    return unknown * 3 >= len(words) * 2


def _english_prose(lines: list[Line]) -> bool:
    """Whether the document's paragraphs are English: nearly all the words of its first ones are."""
    from garblint.linter.language.lexicon import zipf_at_least

    words = [word for line in lines if line.prose for word in line.words[:40]][:400]
    return len(words) >= 20 and sum(zipf_at_least(word, FOREIGN_ZIPF) for word in words) >= 0.9 * len(words)


def decide(lines: list[Line], threshold: float, markdown: bool = False,
           headings: frozenset[int] = frozenset(), evidence_threshold: float | None = None) -> list[Line]:
    """Label the scored lines: threshold (a lower one for lines whose words are furniture), then the context rules."""
    model = weights()
    if evidence_threshold is None:
        evidence_threshold = min(threshold, model.get("evidence_threshold", threshold))
    evidence = [_strong(line, markdown) for line in lines]
    english = None  # whether the paragraphs are English, worked out when a line needs it
    headline = _headline(lines, evidence)
    for index, (line, strong) in enumerate(zip(lines, evidence)):
        if index == headline or line.text.startswith(_QUOTES) or line.start in headings:
            line.furniture = False  # the headline; a quotation ("“About 35”.") is someone's words
        elif line.pattern:
            line.furniture = True
        elif line.prose:
            line.furniture = False
        elif (line.features["vocab_shape"] and not markdown and not _sentence(line)
              and len(line.words) <= SHAPE_WORDS):
            # A reading time, a copyright sign, a comment count, a cookie prompt: furniture wherever it stands.
            line.furniture = True
        elif line.prose:
            line.furniture = False
        elif _sentence(line):
            line.furniture = strong and line.score >= evidence_threshold
        elif markdown:
            # Markdown headings and lists have the shape of menus; only what the line says counts.
            line.furniture = strong and line.start not in headings and line.score >= evidence_threshold
        else:
            line.furniture = line.score >= (evidence_threshold if strong else threshold) or (
                # Words that are all furniture ("Newsletter abonnieren", "Tous droits réservés") stay
                # furniture among paragraphs, where the context stage would lower them.
                strong and line.features["vocab_share"] >= WHOLLY_FURNITURE and len(line.words) >= 2)
            if not line.furniture and foreign_label(line.text):
                if english is None:
                    english = _english_prose(lines)
                if english:
                    line.furniture = evidence[index] = True  # the language is its evidence
                    line.decided_by = "shape: a label in another language among English paragraphs"
                    continue
        line.decided_by = _decided_by(line, model) if line.furniture else ""
    # Headline-like lines under a furniture heading ("Most read", "Related stories"): a teaser list.
    for i in range(1, len(lines)):
        line, above = lines[i], lines[i - 1]
        if (not line.furniture and not line.prose and not _sentence(line) and i != headline
                and line.start not in headings
                and not line.text.startswith(_QUOTES) and line.features["teaser_run"] and above.furniture
                and (evidence[i - 1] or above.decided_by.startswith("context: teaser"))
                and line.score >= evidence_threshold and not markdown):
            line.furniture = True
            line.decided_by = "context: teaser list under a furniture heading"
    # A short line between two furniture lines is furniture ("|", "More", a lone date).
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if i == headline or line.text.startswith(_QUOTES):
            continue
        if (not line.furniture and not line.prose and not _sentence(line) and len(line.words) <= SHORT_WORDS
                and lines[i - 1].furniture and lines[i + 1].furniture
                and line.start not in headings):
            line.furniture = True
            line.decided_by = "context: between furniture lines"
    # Inside the article (between its first and last paragraphs of prose) a run of short lines
    # may be the article's own list (fixtures, results, an award list): there a run needs a
    # line whose words are furniture. Before and after the article, a menu or a footer
    # without such a line anywhere near is more likely a list that opens or closes the text.
    prose_at = [i for i, line in enumerate(lines) if line.prose]
    first = prose_at[0] if prose_at else len(lines)
    last = prose_at[-1] if prose_at else -1
    opening_evidence = any(evidence[:first])
    closing_evidence = any(evidence[last + 1:])
    i = 0
    while i < len(lines):
        if not lines[i].furniture:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].furniture:
            j += 1
        if not any(evidence[i:j]):
            if j <= first:
                keep = opening_evidence
            elif i > last:
                keep = closing_evidence
            else:
                keep = False
            if not keep:
                for line in lines[i:j]:
                    line.furniture = False
                    line.decided_by = ""
        i = j
    # A furniture line alone among prose needs evidence of its own: a headline has the same shape.
    for i, line in enumerate(lines):
        if not line.furniture or evidence[i]:
            continue
        alone = not (i > 0 and lines[i - 1].furniture) and not (i + 1 < len(lines) and lines[i + 1].furniture)
        if alone:
            line.furniture = False
            line.decided_by = ""
    return lines


def trainable(line: Line) -> bool:
    """Whether the model decides the line (prose and pattern lines are decided before it)."""
    return not line.prose and not line.pattern and not (
        line.features["vocab_shape"] and not _sentence(line) and len(line.words) <= SHAPE_WORDS)


def furniture_runs(lines: list[Line], prose: str) -> list[list[Line]]:
    """Consecutive furniture lines, grouped; one blank line between two does not cut the run."""
    runs: list[list[Line]] = []
    previous = -2
    for i, line in enumerate(lines):
        if not line.furniture:
            continue
        if runs and previous == i - 1 and prose.count("\n", lines[previous].end, line.start) <= 2:
            runs[-1].append(line)
        else:
            runs.append([line])
        previous = i
    return runs
