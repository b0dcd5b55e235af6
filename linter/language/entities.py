"""Names in a document: spans of proper names with a kind (person, place, organisation, other).

    from garblint.linter.language.entities import find_entities
    for entity in find_entities(doc):          # doc: a garblint.linter.engine.document.Document
        print(entity.text, entity.kind, entity.evidence)

A name is a run of capitalised words in one sentence ("Carlos Mendes",
"Ministry of Water Affairs", "Dorvane Ltd"), never crossing a placeholder or
markup, never including a possessive "'s". What kind of name it is is decided
by the first of these that speaks, in this order:

1. the mention itself, strongly: a title or office before it ("Mr", "President",
   "spokeswoman") makes a person; a company suffix ("Ltd", "GmbH"), a head word
   ("X Agency", "Ministry of X", "Lake X") or a noun before it ("the firm X")
   an organisation or a place; "X-based" a place;
2. the gazetteer (linter/language/data/gazetteer.txt, built by tools/build_gazetteer.py):
   countries, English region names, big cities, international organisations,
   large companies. A name that is also a given name ("Jordan") yields to the
   document's evidence that it is a person; one that is also a common word
   ("Nice", "Reading") is not taken at the start of a sentence unless the
   document writes it capitalised elsewhere;
3. the same name's strong evidence elsewhere in the document ("Mr Kastari"
   earlier makes every "Kastari" a person), and a surname alone after the full
   name of a person ("Tarno Kastari ... Kastari said");
4. the mention's weak evidence: the subject or object of "said"/"told"/"added"
   is a person, "in X"/"from X" a place, "X, Bavaria" a place; then the same
   name's weak evidence elsewhere in the document;
5. a census given name first in the name ("Amina", "Amina Yusuf") makes a person;
6. otherwise the name is "other".

Capitalisation is evidence only where it is not required anyway. A word that
opens a sentence, or follows an opening quote or a colon, is a name only if the
gazetteer, the document (the same word capitalised mid-sentence), strong
evidence or a tagger's NNP tag confirms it; otherwise it is dropped and the
rest of the run is tried. In a title-case or all-capital line (a headline),
only the names that the gazetteer has or that the body of the document uses
are kept. Titles and offices are peeled off ("President Tavi Orrund" gives
"Tavi Orrund"), months and days are dropped unless they end a person's name
("Theresa May"), and two names run together ("Amina Yusuf Carlos Mendes") are
split where the document names one of them alone, or, in a run of four words
or more, before a second census given name.

Optional ``tags`` are Penn Treebank tags, one per token of ``doc.tokens`` (a
ValueError otherwise): with them, a capitalised word not tagged NNP/NNPS joins
no name unless the gazetteer or the titles list has it, and one tagged NNP
needs no other confirmation at the start of a sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from garblint.linter.engine.data_files import data_text
from garblint.linter.engine.segment import Token, token_texts

KINDS = ("person", "place", "organisation", "other")


@dataclass(frozen=True)
class Entity:
    start: int  # character offsets into doc.text
    end: int
    token_start: int  # indices into doc.tokens, end exclusive
    token_end: int
    text: str
    kind: str  # one of KINDS
    # Why that kind, for debugging and for rules that want to know ("gazetteer:country", "title", "said").
    evidence: str = field(default="", compare=False)


# -- the gazetteer -----------------------------------------------------------


class _Entry(NamedTuple):
    tokens: tuple[str, ...]
    kind: str
    detail: str
    # "" for a plain name; "word" for a name that is also a common word ("Nice": capitals
    # at the start of a sentence prove nothing); "name" for one that is also a given name
    # ("Jordan": the document's evidence of a person wins).
    ambiguous: str


_MARKS = {"~": "word", "^": "name"}


class _Meta(NamedTuple):
    kind: str
    detail: str
    ambiguous: str


_PLAIN_NAME_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*(?: [^\W_]+(?:[-'’][^\W_]+)*)*")


def _name_tokens(name: str) -> tuple[str, ...]:
    """A name's tokens as ``segment.TOKEN_RE`` cuts them; plain names are split on spaces, faster."""
    if _PLAIN_NAME_RE.fullmatch(name):
        return tuple(name.split(" "))
    return tuple(token_texts(name))


class Gazetteer:
    """Names by first token, plus the word lists the rules of thumb read.

    One-word names (most of them) sit in one dict, built with ``dict.fromkeys``
    per section so that loading stays a few milliseconds.
    """

    def __init__(self, text: str):
        self.single: dict[str, _Meta] = {}
        self.multi: dict[str, list[_Entry]] = {}  # by first word, longest first
        self.given: frozenset[str] = frozenset()
        self.words: dict[str, frozenset[str]] = {}
        # Multi-word lists (titles, offices) by first word, longest first.
        self.phrases: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for chunk in text.split("\n[")[1:]:
            lines = chunk.rstrip("\n").split("\n")
            self._add_section(tuple(lines[0].rstrip("]").split()), lines[1:])
        for entries in self.multi.values():
            entries.sort(key=lambda e: -len(e.tokens))
        words = self.words
        words["heads_first"] = words["org_heads_first"] | words["place_heads_first"]
        # Words before a name that may say what it is (one set, one look-up for most names).
        words["before_words"] = words["org_nouns"] | words["roles"] | frozenset(r.split()[-1] for r in words["roles"])
        # Words that may start a title or office: a run without one needs no closer look.
        words["office_words"] = frozenset(self.phrases["titles"]) | frozenset(self.phrases["offices"]) \
            | words["role_modifiers"]
        self.starts = frozenset(self.single) | frozenset(self.multi)  # first words of names
        # Names that start in lower case ("al-Qaeda", "easyJet"): capitals cannot find them.
        self.lower_names = frozenset(w for w in list(self.single) + list(self.multi) if w[0].islower())
        # The first two words of every longer name, so that most words need no look at the list.
        self.pairs = frozenset(
            pair for entries in self.multi.values() for e in entries for pair in
            ((e.tokens[0], e.tokens[1]), (e.tokens[0], e.tokens[1].upper()))
        )

    def _add_section(self, section: tuple[str, ...], lines: list[str]) -> None:
        if section[0] == "given":
            self.given = frozenset(lines)
        elif section[0] == "word":
            self.words[section[1]] = frozenset(lines)
            if section[1] in ("offices", "titles"):
                by_first: dict[str, list[tuple[str, ...]]] = {}
                for phrase in lines:
                    words = tuple(token_texts(phrase))
                    by_first.setdefault(words[0], []).append(words)
                for options in by_first.values():
                    options.sort(key=lambda p: -len(p))
                self.phrases[section[1]] = by_first
        else:
            kind, detail = section
            plain = _Meta(kind, detail, "")
            # The first section to name a word keeps it.
            single = dict.fromkeys((line for line in lines if line.isalpha()), plain)
            single.update(self.single)
            self.single = single
            for line in lines:
                if line.isalpha():
                    continue
                ambiguous = _MARKS.get(line[0], "")
                name = line[1:] if ambiguous else line
                words = _name_tokens(name)
                if len(words) == 1:
                    self.single.setdefault(name, _Meta(kind, detail, ambiguous))
                else:
                    self.multi.setdefault(words[0], []).append(_Entry(words, kind, detail, ambiguous))

    def entry(self, word: str) -> _Entry | None:
        """The one-word name ``word``, if the gazetteer has it."""
        meta = self.single.get(word)
        return None if meta is None else _Entry((word,), *meta)

    def __contains__(self, word: str) -> bool:
        """Whether some name starts with ``word``."""
        return word in self.starts


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process on first use."""
    return Gazetteer(data_text("garblint.linter.language", "data/gazetteer.txt"))


# -- finding names -----------------------------------------------------------

_OPENERS = frozenset("\"'“‘([«—–-:")
_PARTICLES = frozenset("de da do dos das del della di du van von der den ter le la al el bin ibn bint y".split())
_NEXT_BASED = ("-based", "-born", "-headquartered")
_POSSESSIVE = ("'s", "’s")
_DOT_WORDS = frozenset("Mr Mrs Ms Dr Prof St Mt Jr Sr Co Inc Corp Ltd Bros Gen Sen Gov Rep Col Lt Capt Sgt Rev No".split())
_HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Sir Dame Lord Lady Madame Monsieur".split())
_NAME_SUFFIXES = frozenset(["Jr", "Sr", "II", "III", "IV"])
_PLACE_PREPOSITIONS = frozenset(["in", "near", "from", "outside", "across", "throughout", "around", "to"])
_NNP = frozenset(["NNP", "NNPS"])
# Names of more words than this are not looked for inside longer runs (keeps headlines linear).
_LONGEST_NAME = 8
# Characters of prose searched for lower-case words before all of them are listed at once.
_SEARCH_BUDGET = 2_000_000
_LOWER_WORD_RE = re.compile(r"\b[a-z]+\b")
# Lower-case words that may stand inside a name ("Rebelo de Sousa", "Ministry of Trade and Industry").
_JOINERS = _PARTICLES | {"of", "for", "and"}
_SPACE_RE = re.compile(r"\s+")


@dataclass(slots=True)
class _Piece:
    """A candidate name: tokens [first, last] of the document, with what the text around it says."""

    first: int
    last: int
    start: int
    end: int
    initial: bool  # its first word may be capitalised only because of where it stands
    headline: bool  # it stands in a title-case or all-capital line
    text: str = ""
    tokens: tuple[str, ...] = ()  # every token's name part, dots and "&" too
    words: tuple[str, ...] = ()  # the words alone
    gazetteer: _Entry | None = None
    strong: tuple[str, str] | None = None  # (kind, evidence)
    weak: tuple[str, str] | None = None


class _Finder:
    """One document's runs of capitalised words, cut into pieces with their local evidence."""

    def __init__(self, doc, tags: list[str] | None):
        self.doc = doc
        self.prose = doc.prose
        self.tokens: list[Token] = doc.tokens
        if tags is not None and len(tags) != len(self.tokens):
            raise ValueError(f"find_entities: {len(tags)} tags for {len(self.tokens)} tokens")
        self.tags = tags
        self.gaz = gazetteer()
        words = self.gaz.words
        self.function_words = words["function_words"]
        self.calendar = words["calendar"]
        self.demonyms = words["demonyms"]
        self.acronyms = words["common_acronyms"]
        self.suffixes = words["company_suffixes"]
        self.org_last = words["org_heads_last"]
        self.org_first = words["org_heads_first"]
        self.place_last = words["place_heads_last"]
        self.place_first = words["place_heads_first"]
        self.place_prefixes = words["place_prefixes"]
        self.org_nouns = words["org_nouns"]
        self.speech = words["speech_verbs"]
        self.heads_first = words["heads_first"]
        self.before_words = words["before_words"]
        self.office_words = words["office_words"]
        self._headline_of: dict[int, bool] = {}
        self._lower_seen: dict[str, bool] = {}
        self._lower_words: set[str] | None = None
        self._searched = 0
        self._matches: dict[int, _Entry | None] = {}

    # -- the runs ------------------------------------------------------------
    def capitalised(self, index: int) -> bool:
        """Whether the word at ``index`` may be (part of) a name by its capital (and its tag)."""
        token = self.tokens[index]
        if not token.is_word or not token.text[0].isupper():
            return False
        if self.tags is not None and self.tags[index] not in _NNP:
            # A tagger's word: still trust the gazetteer and the title words around names.
            return token.text in self.gaz or token.text in self.gaz.words["titles"]
        if token.lower in self.function_words and token.text not in self.calendar:
            # "The Hague", "US": a function word only inside a gazetteer name.
            return token.text in self.gaz and self.gazetteer_match(index) is not None
        return True

    def joined(self, a: Token, b: Token, tight: bool = False) -> bool:
        """Whether ``b`` follows ``a`` in the same line of prose, with nothing but a space between."""
        if a.sentence != b.sentence:
            return False
        if b.start == a.end:
            return True
        if tight:
            return False
        if b.start == a.end + 1:
            return self.prose[a.end] in " \n"
        gap = self.prose[a.end:b.start]
        return gap.isspace() and gap.count("\n") <= 1

    def runs(self) -> list[tuple[int, int]]:
        """Maximal runs [first, last] of capitalised words with the particles and dots inside names."""
        tokens = self.tokens
        runs = []
        after = 0  # the first token past the last run
        gaz = self.gaz
        count = len(tokens)
        function_words, calendar = self.function_words, self.calendar
        lower_names, starts = gaz.lower_names, gaz.starts
        for index in [i for i, t in enumerate(tokens) if t.text[0].isupper() or t.text in lower_names]:
            token = tokens[index]
            if index < after or not token.is_word:
                continue
            if token.text in lower_names:
                pass  # "al-Qaeda", "easyJet": names that start in lower case
            elif self.tags is not None:
                if not self.capitalised(index):
                    continue
            elif token.lower in function_words and token.text not in calendar:
                # "The Hague", "US": a function word only starts a gazetteer name.
                if token.text not in starts or self.gazetteer_match(index) is None:
                    continue
            first = last = index
            multi = gaz.multi
            while True:
                text = tokens[last].text
                if text in multi:
                    entry = self.gazetteer_match(last)
                    if entry is not None and len(entry.tokens) > 1:
                        last += len(entry.tokens) - 1
                        text = tokens[last].text
                if text.endswith(_POSSESSIVE) or text.endswith(_NEXT_BASED):
                    break
                following = tokens[last + 1] if last + 1 < count else None
                if following is None or (following.is_word and following.text[0].islower() and following.lower not in _JOINERS):
                    break  # the usual end of a run: a lower-case word
                step = self.extend(last)
                if step is None:
                    break
                last = step
            runs.append((first, last))
            after = last + 1
        return runs

    def extend(self, last: int) -> int | None:
        """The index of the next member of the run ending at ``last``, or None."""
        tokens = self.tokens
        count = len(tokens)
        nxt = last + 1
        if nxt >= count:
            return None
        current, following = tokens[last], tokens[nxt]
        if following.is_word:
            if following.text[0].isupper():
                if not self.joined(current, following):
                    return None
                if self.capitalised(nxt):
                    return nxt
                # A capitalised common noun between two parts of a name ("Busan International Film
                # Festival"), which the tagger read as a noun: the name goes on through it.
                after = nxt + 1
                if self.tags is not None and self.tags[nxt] in ("NN", "NNS", "JJ") and after < count \
                        and tokens[after].text[:1].isupper() and self.joined(following, tokens[after]) \
                        and self.capitalised(after):
                    return nxt
                return None
            lower = following.lower
            # "Rebelo de Sousa", "Ministry of Water Affairs", "Bank of the West"
            inner = lower in _PARTICLES or (lower in ("of", "for") and self.head_before(last))
            if inner and nxt + 1 < count and self.joined(current, following):
                after = nxt + 1
                if lower == "of" and tokens[after].lower == "the" and after + 1 < count:
                    after += 1
                if tokens[after].is_word and tokens[after].text[0].isupper() and self.capitalised(after):
                    if self.joined(tokens[after - 1], tokens[after]):
                        return after
            if lower == "and" and self.has_of(last) and nxt + 1 < count:
                after = nxt + 1
                if tokens[after].is_word and tokens[after].text[0].isupper() and self.joined(current, following):
                    return after if self.joined(following, tokens[after]) else None
            return None
        text = following.text
        if text == "." and self.joined(current, following, tight=True):
            word = current.text
            dotted = (len(word) == 1 and word.isupper()) or word in _DOT_WORDS or word in self.suffixes
            if not dotted:
                return None
            after = nxt + 1
            if after < count and tokens[after].is_word and tokens[after].text[0].isupper() \
                    and self.joined(following, tokens[after]) and self.capitalised(after):
                return after
            # A final dot belongs to "U.S." and "Inc.", not to a plain word.
            if len(word) == 1 or word in self.suffixes or word in _NAME_SUFFIXES:
                return nxt
            return None
        if text == "&" and nxt + 1 < count and self.joined(current, following):
            after = nxt + 1
            if tokens[after].is_word and tokens[after].text[0].isupper() and self.joined(following, tokens[after]):
                return after
        return None

    def head_before(self, last: int) -> bool:
        """Whether the run ends in a head word that takes "of" ("Ministry", "Bank", "Gulf")."""
        token = self.tokens[last]
        return token.text in self.heads_first or (
            last > 0 and f"{self.tokens[last - 1].text} {token.text}" in self.heads_first
        )

    def has_of(self, last: int) -> bool:
        """Whether the run ending at ``last`` reads "Head of X" ("Ministry of Trade and Industry")."""
        for back in range(last - 1, max(-1, last - 6), -1):
            token = self.tokens[back]
            if token.lower == "of":
                return back > 0 and self.head_before(back - 1)
            if not token.is_word:
                return False
        return False

    def gazetteer_match(self, index: int) -> _Entry | None:
        """The longest gazetteer name starting at token ``index`` (remembered per token)."""
        text = self.tokens[index].text
        if text not in self.gaz.single and text not in self.gaz.multi and text[-1] not in "sdnSDN" and not text.isupper():
            return None
        cache = self._matches
        if index in cache:
            return cache[index]
        found = cache[index] = self._gazetteer_match(index)
        return found

    def _gazetteer_match(self, index: int) -> _Entry | None:
        tokens = self.tokens
        text = tokens[index].text
        gaz = self.gaz
        if text not in gaz.single and text not in gaz.multi:
            text = _core(text)
            if text.isupper() and len(text) > 2 and text not in gaz:
                text = text.capitalize()  # "LISBON (Reuters)"
        following = tokens[index + 1].text if index + 1 < len(tokens) else " "
        if (text, following) not in gaz.pairs and (text, _core(following)) not in gaz.pairs:
            return gaz.entry(text)
        for entry in gaz.multi.get(text, ()):
            size = len(entry.tokens)
            if index + size > len(tokens):
                continue
            for offset in range(1, size):
                token = tokens[index + offset]
                want = entry.tokens[offset]
                got = token.text if offset < size - 1 else _core(token.text)
                if (got != want and got != want.upper()) or not self.joined(tokens[index + offset - 1], token):
                    break
            else:
                return entry
        return gaz.entry(text)

    # -- where a word stands --------------------------------------------------
    def initial(self, index: int) -> bool:
        """Whether capitalisation at ``index`` is required by position (sentence start, after a quote or colon)."""
        tokens = self.tokens
        if index and tokens[index - 1].is_word and tokens[index - 1].sentence == tokens[index].sentence:
            return False  # the usual case: a word just before
        sentence = tokens[index].sentence
        back = index - 1
        while back >= 0 and tokens[back].sentence == sentence:
            previous = tokens[back]
            if previous.is_word or previous.is_number or previous.is_placeholder:
                return False
            if previous.text in _OPENERS:
                return True
            back -= 1
        return True

    def headline(self, sentence_index: int) -> bool:
        """Whether the sentence is written in title case or capitals, where capitals say nothing."""
        known = self._headline_of.get(sentence_index)
        if known is not None:
            return known
        sentence = self.doc.sentences[sentence_index]
        function_words = self.function_words
        content = upper = words = 0
        title_case = True
        for token in self.tokens[sentence.token_start:sentence.token_end]:
            if not token.is_word:
                continue
            words += 1
            text = token.text
            if text.isupper() and len(text) > 1:
                upper += 1
            elif not text[0].isupper():
                if token.lower not in function_words or len(text) > 4:
                    title_case = False  # a lower-case content word: ordinary prose
                    if upper == 0:
                        break
                continue
            content += token.lower not in function_words
        result = (title_case and content >= 3) or (upper >= 2 and upper == words)
        self._headline_of[sentence_index] = result
        return result

    def written_lower(self, word: str) -> bool:
        """Whether the document writes ``word`` in lower case somewhere."""
        if self._lower_words is not None:
            return word in self._lower_words
        known = self._lower_seen.get(word)
        if known is None:
            self._searched += len(self.prose)
            if self._searched > _SEARCH_BUDGET:
                # Many questions about a long text: one pass over it answers them all.
                self._lower_words = set(_LOWER_WORD_RE.findall(self.prose))
                return word in self._lower_words
            prose = self.prose
            known = self._lower_seen[word] = f" {word} " in prose or f" {word}," in prose or f" {word}." in prose \
                or prose.startswith(f"{word} ")
        return known

    # -- splitting a run into names -----------------------------------------------
    def pieces(self, first: int, last: int) -> list[_Piece]:
        """The names in one run: titles and offices peeled off, dates dropped."""
        tokens = self.tokens
        office_words, calendar = self.office_words, self.calendar
        if first == last:  # most runs are one word
            token = tokens[first]
            if token.text not in office_words and token.text not in calendar and token.lower not in office_words \
                    and _core(token.text) not in office_words:
                return [self.make_piece(first, first, None)]
        members = [i for i in range(first, last + 1) if tokens[i].is_word]
        if not any(
            tokens[i].text in office_words or tokens[i].lower in office_words or tokens[i].text in calendar
            or _core(tokens[i].text) in office_words for i in members
        ):
            return [self.make_piece(first, members[-1], None, run_last=last)]
        pieces: list[_Piece] = []
        current: list[int] = []
        evidence: tuple[str, str] | None = None
        position = 0
        while position < len(members):
            index = members[position]
            office = self.office_at(members, position)
            if office and not self.gazetteer_starts(index):
                # What follows the office, by count and ends, not as a slice: a run of a
                # thousand titles would otherwise copy the rest of the run at each one.
                rest = len(members) - position - office
                # "Mr Hill", "Minister Keith Hill": a person even where the last word is a head ("X Hill").
                person = rest > 0 and (tokens[members[position]].text.rstrip(".") in _HONORIFICS
                                       or (rest == 2 and tokens[members[position + office]].text in self.gaz.given))
                if not rest or person or not self.ends_in_head(members):
                    if current:
                        pieces.append(self.make_piece(current[0], current[-1], evidence))
                    current, evidence = [], ("person", "title") if rest else None
                    position += office
                    continue
            if tokens[index].text in self.calendar and not self.calendar_name(members, position, bool(current), evidence):
                if current:
                    pieces.append(self.make_piece(current[0], current[-1], evidence))
                current, evidence = [], None
                position += 1
                continue
            current.append(index)
            position += 1
        if current:
            pieces.append(self.make_piece(current[0], members[-1] if current[-1] == members[-1] else current[-1], evidence,
                                          run_last=last))
        return pieces

    def office_at(self, members: list[int], position: int) -> int:
        """How many members from ``position`` make a title or office ("Mr", "Finance Minister"), or 0."""
        tokens = self.tokens
        first = tokens[members[position]]
        if first.text not in self.office_words and first.lower not in self.office_words and _core(first.text) not in self.office_words:
            return 0
        start = position
        modifiers = self.gaz.words["role_modifiers"]
        while start < len(members) - 1 and tokens[members[start]].lower in modifiers:
            start += 1
        for list_name in ("titles", "offices"):
            if start > position and list_name == "titles":
                continue
            for phrase in self.gaz.phrases[list_name].get(_core(tokens[members[start]].text), ()):
                size = len(phrase)
                if start + size <= len(members) and all(
                    _core(tokens[members[start + k]].text) == phrase[k] for k in range(size)
                ):
                    return start - position + size
        return 0

    def calendar_name(self, members: list[int], position: int, after_name: bool, evidence) -> bool:
        """Whether a month here is a name ("Theresa May", "Mrs May") rather than a date ("May 5")."""
        token = self.tokens[members[position]]
        if token.text not in ("May", "June", "April", "August", "January"):
            return False
        nxt = members[position] + 1
        if nxt < len(self.tokens) and self.tokens[nxt].is_number:
            return False
        if evidence is not None and evidence[1] == "title":
            return True
        return after_name and position == len(members) - 1

    def gazetteer_starts(self, index: int) -> bool:
        entry = self.gazetteer_match(index)
        return entry is not None and len(entry.tokens) > 1

    def ends_in_head(self, members: list[int]) -> bool:
        word = self.tokens[members[-1]].text
        return word in self.org_last or word in self.place_last

    def make_piece(self, first: int, last: int, evidence: tuple[str, str] | None, run_last: int | None = None) -> _Piece:
        """A piece over tokens [first, last]; ``run_last`` lets a final "." of "U.S." or "Inc." join it."""
        tokens = self.tokens
        if run_last is not None and run_last == last + 1 and tokens[run_last].text == ".":
            last = run_last
        end = tokens[last].end
        last_text = tokens[last].text
        if last_text.endswith(_POSSESSIVE) and len(last_text) > 2:
            end -= 2
        elif "-" in last_text:
            lowered = last_text.lower()
            for suffix in _NEXT_BASED:
                if lowered.endswith(suffix) and len(lowered) > len(suffix):
                    end -= len(suffix)
                    evidence = evidence or ("place", suffix[1:])
                    break
        start = tokens[first].start
        sentence = tokens[first].sentence
        headline = self._headline_of.get(sentence)
        if headline is None:
            headline = self.headline(sentence)
        piece = _Piece(first, last, start, end, self.initial(first), headline)
        text = self.prose[start:end]
        piece.text = _SPACE_RE.sub(" ", text) if "\n" in text or "  " in text else text
        if first == last:
            piece.tokens = piece.words = (_core(last_text),)
        else:
            span = tokens[first:last + 1]
            piece.tokens = tuple([_core(t.text) for t in span])
            piece.words = tuple([_core(t.text) for t in span if t.is_word])
        piece.strong = evidence
        self.local_evidence(piece)
        return piece

    # -- evidence around a piece ---------------------------------------------
    def local_evidence(self, piece: _Piece) -> None:
        """What the piece itself and the words right around it say."""
        tokens = self.tokens
        first, last = piece.first, piece.last
        whole = self.gazetteer_match(first)
        if whole is not None and whole.tokens == piece.tokens:
            piece.gazetteer = whole
        sentence = tokens[first].sentence
        before = tokens[first - 1] if first and tokens[first - 1].sentence == sentence else None
        if before is not None and not before.is_word:
            before = None
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        comma = after is not None and after.text == ","
        if comma:
            after = tokens[last + 2] if last + 2 < len(tokens) else None
        if after is not None and (after.sentence != sentence or not after.is_word):
            after = None
        if piece.strong is None:
            if len(piece.words) > 1:
                piece.strong = self.head_evidence(piece.words)
            if piece.strong is None and before is not None and before.lower in self.before_words:
                piece.strong = self.evidence_before(first, before)
            if piece.strong is None and comma:
                piece.strong = self.apposition(last)
        # Weak evidence: "X said", "said X", "in X", "X, Ontario".
        if after is not None and after.lower in self.speech:
            piece.weak = ("person", after.lower)
        elif before is not None and before.lower in self.speech:
            piece.weak = ("person", before.lower)
        elif before is not None and before.lower in _PLACE_PREPOSITIONS:
            piece.weak = ("place", before.lower)
        elif comma and after is not None and after.text[0].isupper() and len(piece.words) <= 3:
            entry = self.gazetteer_match(last + 2)
            if entry is not None and entry.kind == "place" and entry.detail in ("country", "region") \
                    and entry.ambiguous != "word":
                piece.weak = ("place", "place, region")

    def head_evidence(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        """A company suffix or head word in a name of two words or more ("Dorvane Ltd", "Ministry of X")."""
        if words[-1] in self.suffixes or f"{words[-2]} {words[-1]}" in self.suffixes:
            return "organisation", "company suffix"
        of = words.index("of") if "of" in words else 0
        if words[-1] in self.org_last or (of and words[of - 1] in self.org_first):
            return "organisation", "head word"
        if words[-1] in self.place_last or words[0] in self.place_prefixes or (of and words[of - 1] in self.place_first):
            return "place", "head word"
        return None

    def evidence_before(self, first: int, before: Token) -> tuple[str, str] | None:
        """"the firm X" makes an organisation, "spokeswoman X" a person."""
        if not before.text[0].islower():
            return None
        if before.lower in self.org_nouns:
            return "organisation", before.lower
        if self.role_before(first):
            return "person", "role"
        return None

    def role_before(self, index: int) -> bool:
        """Whether a lower-case role ends right before ``index`` ("spokeswoman X", "chief executive X")."""
        tokens = self.tokens
        roles = self.gaz.words["roles"]
        back = index - 1
        if back < 0 or not tokens[back].is_word or not tokens[back].text[0].islower():
            return False
        word = tokens[back].lower
        return word in roles or (back > 0 and f"{tokens[back - 1].lower} {word}" in roles)

    def apposition(self, last: int) -> tuple[str, str] | None:
        """"X, a spokeswoman for the ministry," or "X, 45," makes a person; "X, the carmaker," an organisation."""
        tokens = self.tokens
        comma = last + 1
        if comma + 1 >= len(tokens) or tokens[comma].text != ",":
            return None
        sentence = tokens[last].sentence
        age = tokens[comma + 1]
        if age.is_number and len(age.text) <= 3 and comma + 2 < len(tokens) and tokens[comma + 2].text == ",":
            return "person", "age"
        roles = self.gaz.words["roles"]
        for index in range(comma + 1, min(comma + 6, len(tokens))):
            token = tokens[index]
            if token.sentence != sentence or token.is_punct:
                return None
            if token.text[0].islower():
                if token.lower in self.org_nouns:
                    return "organisation", "apposition"
                if token.lower in roles:
                    return "person", "apposition"
        return None


def _core(text: str) -> str:
    """The name part of a token: "China's" -> "China", "Lisbon-based" -> "Lisbon"."""
    last = text[-1]
    if last == "s":
        if len(text) > 2 and text[-2] in "'’":
            return text[:-2]
    elif last in "dn" and "-" in text:
        lowered = text.lower()
        for suffix in _NEXT_BASED:
            if lowered.endswith(suffix) and len(lowered) > len(suffix):
                return text[: -len(suffix)]
    return text


# -- deciding ---------------------------------------------------------------------


def find_entities(doc, tags: list[str] | None = None) -> list[Entity]:
    """The names in ``doc``, in document order, each with its kind (see the module docstring)."""
    if not doc.tokens:
        return []
    finder = _Finder(doc, tags)
    pieces = [piece for first, last in finder.runs() for piece in finder.pieces(first, last)]
    evidence = _DocumentEvidence(pieces)
    kept: list[_Piece | None] = []
    headlines: list[tuple[int, _Piece]] = []
    for piece in pieces:
        if piece.headline:
            headlines.append((len(kept), piece))
            kept.append(None)
            continue
        while piece is not None and piece.initial and not _confirmed(finder, piece, evidence):
            piece = _without_first(finder, piece)
        if piece is None:
            continue
        if len(piece.words) == 1:
            if not _not_a_name(finder, piece):
                kept.append(piece)
        else:
            kept.extend(_split_names(finder, piece, evidence))
        if piece.initial:
            evidence.know(piece)
    # Headlines last, once the body has said which names it knows.
    found = {slot: _known_parts(finder, piece, evidence) for slot, piece in headlines}
    kept = [part for slot, piece in enumerate(kept) for part in ((piece,) if piece is not None else found[slot])]
    # Full names first, then surnames alone ("Belo Kastari ... Kastari said").
    no_surnames: frozenset[str] = frozenset()
    full_people = [piece.words for piece in kept
                   if len(piece.words) > 1 and _kind(finder, piece, evidence, no_surnames)[0] == "person"]
    surnames = frozenset(words[-1] for words in full_people)
    # A given name that is also a place ("Georgia") is the person's once the document names her in full.
    evidence.given_names = frozenset(words[0] for words in full_people)
    entities = []
    text = doc.text
    for piece in kept:
        kind, why = _kind(finder, piece, evidence, surnames)
        entities.append(Entity(piece.start, piece.end, piece.first, piece.last + 1, text[piece.start:piece.end], kind, why))
    return entities


class _DocumentEvidence:
    """What the whole document says about each name, from the pieces where capitals are evidence."""

    def __init__(self, pieces: list[_Piece]):
        self.mid_capitals: set[str] = set()  # words seen capitalised where capitals are a choice
        self.known: dict[str, _Piece] = {}  # names seen where capitals are a choice
        self.first_words: set[str] = set()  # and their first words
        self.votes: dict[str, dict[str, int]] = {}
        self.given_names: frozenset[str] = frozenset()  # first words of people named in full
        for piece in pieces:
            if piece.headline:
                continue
            self.mid_capitals.update(piece.words[1:] if piece.initial else piece.words)
            if not piece.initial:
                self.know(piece)
            for found, weight in ((piece.strong, 3), (piece.weak, 1)):
                if found is not None:
                    tally = self.votes.setdefault(piece.text, {})
                    tally[found[0]] = tally.get(found[0], 0) + weight

    def know(self, piece: _Piece) -> None:
        if piece.text not in self.known:
            self.known[piece.text] = piece
            self.first_words.add(piece.words[0])

    def strongest(self, text: str, at_least: int) -> str | None:
        tally = self.votes.get(text)
        if not tally:
            return None
        kind = max(tally, key=tally.get)
        return kind if tally[kind] >= at_least else None

    def is_person(self, text: str, given: frozenset[str]) -> bool:
        """Whether a full name (two words or more) is a person by the document's evidence."""
        seen = self.known.get(text)
        if seen is None or len(seen.words) < 2:
            return False
        return self.strongest(text, 1) == "person" or (seen.strong is None and seen.words[0] in given)


def _confirmed(finder: _Finder, piece: _Piece, evidence: _DocumentEvidence) -> bool:
    """Whether a piece whose first capital proves nothing (a sentence opener) is a name all the same."""
    if finder.tags is not None:
        if finder.tags[piece.first] in _NNP:
            return True
        # "Maldives said", tagged as a plural noun at the start of a sentence: the gazetteer knows better.
        entry = piece.gazetteer
        return entry is not None and not entry.ambiguous
    if piece.strong is not None or evidence.strongest(piece.text, 3):
        return True
    entry = piece.gazetteer
    if entry is not None and (entry.ambiguous != "word" or piece.text in evidence.known):
        return True
    first = piece.words[0]
    if first in evidence.mid_capitals:
        return True
    if len(piece.words) > 1:
        if first in finder.gaz.given or first in finder.gaz:
            return True
        from garblint.linter.language.lexicon import common_zipf

        return not finder.written_lower(first.lower()) and common_zipf(first) < 4.0
    text = finder.tokens[piece.first].text
    return text.isupper() and len(text) > 1 and text not in finder.acronyms


def _not_a_name(finder: _Finder, piece: _Piece) -> bool:
    """A lone nationality word ("Portuguese") or a common acronym ("CEO") is no name."""
    if len(piece.words) != 1 or piece.gazetteer is not None or piece.strong is not None:
        return False
    word = piece.words[0]
    return word in finder.demonyms or word in finder.acronyms or all(p in finder.demonyms for p in word.split("-"))


def _without_first(finder: _Finder, piece: _Piece) -> _Piece | None:
    """The piece less its first word (a capitalised sentence opener), or None if no name is left."""
    tokens = finder.tokens
    rest = [i for i in range(piece.first + 1, piece.last + 1) if tokens[i].is_word and tokens[i].text[0].isupper()]
    if not rest:
        return None
    part = finder.make_piece(rest[0], piece.last, None)
    part.initial = False
    return part


def _known_parts(finder: _Finder, piece: _Piece, evidence: _DocumentEvidence) -> list[_Piece]:
    """In a headline, the parts that are known names (gazetteer, or seen in the body); the rest is dropped."""
    tokens = finder.tokens
    members = [i for i in range(piece.first, piece.last + 1) if tokens[i].is_word]
    words = [_core(tokens[i].text) for i in members]
    starts, known = finder.gaz.starts, evidence.known
    parts = []
    start = 0
    while start < len(members):
        if words[start] not in starts and words[start] not in evidence.first_words:
            start += 1  # no name begins with this word: the usual case, and it keeps long lines linear
            continue
        for stop in range(min(len(members), start + _LONGEST_NAME), start, -1):
            text = " ".join(words[start:stop])
            entry = finder.gazetteer_match(members[start])
            in_gazetteer = entry is not None and entry.ambiguous != "word" and " ".join(entry.tokens) == text
            if text in known or in_gazetteer:
                part = finder.make_piece(members[start], members[stop - 1], None)
                part.headline = False
                parts.append(part)
                start = stop
                break
        else:
            start += 1
    return parts


def _split_names(finder: _Finder, piece: _Piece, evidence: _DocumentEvidence) -> list[_Piece]:
    """Two names run together ("Amina Yusuf Carlos Mendes"): split where the document or the census says."""
    words = piece.words
    if len(words) < 2 or len(words) > _LONGEST_NAME or piece.gazetteer is not None \
            or (piece.strong is not None and piece.strong[1] not in ("title", "role")):
        return [piece]
    tokens = finder.tokens
    members = [i for i in range(piece.first, piece.last + 1) if tokens[i].is_word]
    if len(members) != len(piece.tokens) or any(tokens[i].lower in _PARTICLES for i in members):
        return [piece]
    given = finder.gaz.given
    from garblint.linter.language.lexicon import given_names

    surname_like = given_names("surname")  # "Lloyd Lewis Bob Strauss": Lewis is mostly a surname
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        left_person, right_person = evidence.is_person(left, given), evidence.is_person(right, given)
        by_document = (left_person and (right_person or len(words) - cut >= 2)) or (right_person and cut >= 2)
        by_census = len(words) >= 4 and 2 <= cut <= len(words) - 2 and words[0] in given \
            and words[cut] in given and words[cut] not in surname_like \
            and (words[cut - 1] not in given or words[cut - 1] in surname_like)
        if by_document or by_census:
            head = finder.make_piece(members[0], members[cut - 1], piece.strong)
            tail = finder.make_piece(members[cut], piece.last, None)
            head.initial, tail.initial = piece.initial, False
            # Run together with a person, the other name is most likely one too.
            for part in (head, tail):
                if part.weak is None:
                    part.weak = piece.weak or ("person", "beside a person")
            return [head, tail]
    return [piece]


def _kind(finder: _Finder, piece: _Piece, evidence: _DocumentEvidence, surnames: frozenset[str]) -> tuple[str, str]:
    """The kind of a name and why, by the order in the module docstring."""
    entry = piece.gazetteer
    strong = piece.strong
    alone = len(piece.words) == 1
    if strong is not None and (entry is None or entry.ambiguous or strong[1] == "title"):
        return strong
    if entry is not None:
        if entry.ambiguous and evidence.strongest(piece.text, 3) == "person":
            return "person", "document"
        if entry.ambiguous and alone and piece.words[0] in surnames:
            return "person", "surname"
        if entry.ambiguous == "name" and alone and piece.words[0] in evidence.given_names:
            return "person", "given name"
        return entry.kind, f"gazetteer:{entry.detail}"
    elsewhere = evidence.strongest(piece.text, 3)
    if elsewhere is not None:
        return elsewhere, "document"
    if alone and piece.words[0] in surnames:
        return "person", "surname"
    if piece.weak is not None:
        return piece.weak
    elsewhere = evidence.strongest(piece.text, 1)
    if elsewhere is not None:
        return elsewhere, "document"
    first = piece.words[0]
    if first in finder.gaz.given and first not in finder.demonyms and (alone or piece.words[-1] not in finder.demonyms):
        return "person", "given name"
    return "other", "capitals"
