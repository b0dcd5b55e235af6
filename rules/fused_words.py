"""Fused words: two words that lost the space between them.

Measured on synthetic fusions of Brown-corpus word pairs and on the Brown
corpus itself (benchmarks/fp_rate.py): wordfreq's bundled frequencies with
both parts at Zipf >= 3.5 split correctly and flag nothing in clean text;
wordsegment and symspellpy were not needed, and loading them costs more.
"""
from __future__ import annotations

import re
from functools import lru_cache

from garblint.linter.engine.data_files import data_lines
from garblint.linter import hookimpl
from garblint.linter.language.entities import gazetteer
from garblint.linter.language.lexicon import common_zipf, longest_common_word, zipf
from garblint.linter.engine.rule import Rule
from garblint.linter.language.sentence_end import abbreviations as stop_abbreviations
from garblint.linter.language.tagger import load_tagger

from ._data import load_data

# Letters beyond ASCII count ("businessmanJosé"): a lower-case run, then a capital and lower-case letters.
_CAMEL_RE = re.compile(r"^([^\W\d_A-Z]{2,})([^\W\d_a-z][^\W\d_A-Z]{2,})$")
_CONTEXT_CHARS = set("#@/._\\=:")
# Common web typos that wordfreq lists as words: a preposition or conjunction
# fused with a determiner ("ofthe", "inthe", "andthe").
_TYPO_HEADS = {"of", "in", "to", "on", "at", "for", "and", "from", "by", "with", "into", "is", "was"}
# Words that open most English sentences: after a glued full stop they show a lost
# space even in a document full of dotted identifiers.
_SENTENCE_OPENERS = {"the", "a", "an", "this", "these", "that", "those", "it", "its", "he", "she", "they", "we",
                     "i", "you", "in", "on", "at", "for", "but", "and", "so", "if", "when", "there", "his", "her",
                     "their", "our", "after", "before", "as", "however", "also", "some", "many", "most", "to", "no", "by"}
_TYPO_TAILS = {"the", "this", "that", "these", "those", "his", "their", "its", "our"}


def _repeated(doc, text: str) -> bool:
    """A fusion written the same way twice in one document is a name or an identifier
    ("maxPages", "types.Type"), not a space lost by accident."""
    first = doc.prose.find(text)
    return first >= 0 and doc.prose.find(text, first + len(text)) >= 0


def _in_code_like_context(prose: str, start: int, end: int) -> bool:
    """Tokens glued to '#', '@', '/', '.', '_' are hashtags, handles, URLs or identifiers."""
    before = prose[start - 1] if start > 0 else " "
    after = prose[end] if end < len(prose) else " "
    if before in _CONTEXT_CHARS or (after in _CONTEXT_CHARS and prose[end + 1:end + 2].isalnum()):
        return True
    if before == "[" and after == "]":
        return True  # a link's text: "[squaredesign](https://...)" names the link
    return "{%" in prose[max(0, start - 4):start] or "{{" in prose[max(0, start - 4):start]  # template tags


def _in_name_block(doc, offset: int) -> bool:
    """Headings, list items and table cells: lists of names, commands and identifiers."""
    block = doc.paragraph_of(offset)
    return block is not None and block.kind in ("heading", "list-item", "table-cell")


def _inflects_a_word(text: str) -> bool:
    """Whether the token is a known word with an ending ("formatters", "callsites")."""
    for ending in ("s", "es", "ed", "ing", "er", "ers"):
        if text.endswith(ending) and len(text) - len(ending) >= 4 and zipf(text[:-len(ending)]) > 0:
            return True
    return False


_TWO_CAPS_RE = re.compile(r"^([^\W\d_a-z][^\W\d_A-Z]+)([^\W\d_a-z][^\W\d_A-Z]+)$")
# Method-name verbs: "getValue", "handleClick" are code identifiers, not prose.
_IDENTIFIER_VERBS = {"get", "set", "has", "add", "remove", "create", "update", "delete", "make", "find", "handle",
                     "use", "fetch", "load", "save", "init"}
# Function words that also open identifiers ("isValid", "toString", "onClick", "newItem"): a
# token that starts with one is a lost space only when wordfreq does not know it whole.
_IDENTIFIER_WORDS = {"is", "on", "to", "my", "new", "in", "for", "with", "by", "of"}


@lru_cache(maxsize=1)
def _compound_parts() -> dict[str, tuple[int, int]]:
    """Word -> (times it heads a listed compound, times it ends one), from rules/data/compound_parts.tsv."""
    parts = {}
    for line in data_lines("garblint.rules", "data/compound_parts.tsv"):
        word, heads, tails = line.split("\t")
        parts[word] = (int(heads), int(tails))
    return parts


def _capitals(doc):
    """Capitalised words seen apart inside a sentence, and spaced pairs of them ("New York").

    A name written whole elsewhere in the document shows what a fused token is made of."""
    def compute(doc):
        words, pairs = set(), set()
        previous = None
        for token in doc.tokens:
            first_of_sentence = previous is None or previous.sentence != token.sentence
            if token.is_word and token.text[:1].isupper():
                if not first_of_sentence:
                    words.add(token.text)
                if previous is not None and previous.is_word and previous.text[:1].isupper() \
                        and doc.prose[previous.end:token.start] == " ":
                    pairs.add((previous.text, token.text))
            previous = token
        return words, pairs

    return doc.memo("fused-words.capitals", compute)


def _name_like(word: str) -> bool:
    """Whether a capitalised word is a name rather than a common word written with a capital.

    The tagger's lexicon records how its training text (UD English-EWT, Brown) wrote each
    word: "Rexroth" and "Putin" are unseen or written capitalised, "Retail", "Show" and
    "Works" mostly lower-case, so "RetailMetrics" is no name run into a word."""
    return load_tagger().info(word).capitals[:1] in ("U", "u", "-")


class FusedCamelCase(Rule):
    code = "GL301"
    name = "fused-capitalised-word"
    family = "fused-words"
    severity = "error"
    summary = "A word fused with a following capitalised word or name (\"countryEuropean\", \"MinisterJohn\")."
    explanation = (
        "When a caption, link or line break loses its space, a word runs into the next "
        "capitalised one: \"The countryEuropean leaders\", \"ReutersNairobi\", \"the "
        "MinisterJohn Smith\". A token unknown as a whole is reported when it starts lower-case, "
        "has a capital inside and splits into a common word and a common word or a name; "
        "and when it is two capitalised parts and the document or the gazetteer shows them "
        "apart: the same two words written with a space elsewhere, a place name (\"New York\"), "
        "a given name before a surname or a title before a name (\"KennethRexroth\", "
        "\"GeneralBurnside\"), a demonym (\"AmericanCatholic\"), a joining word (\"AndVermont\"), "
        "or a name that the document also writes on its own (names, not common words: the "
        "tagger's lexicon tells which words are usually written with a capital), or a place "
        "after a name (\"ReutersNairobi\"). Brand names spelled that way (iPhone, PayPal, "
        "YouTube), names with Mc, Mac, De or Di (McDonald, MacArthur, DeSantis), hashtags, "
        "identifiers and documents that show code are skipped; more names can be listed under "
        "`known_mixed_case` in fused_words.yaml or with the `known` option."
    )
    bad = "According to sources cited by the countryEuropean leaders will meet."
    good = "According to sources cited by the country, European leaders will meet."
    default_options = {"min_part_zipf": 3.0, "known": []}

    def check(self, doc):
        data = load_data("fused_words")
        known = set(data["known_mixed_case"]) | {k.lower() for k in self.options["known"]}
        prefixes = set(data["name_prefixes"])
        joiners = set(data["joining_words"])
        threshold = self.options["min_part_zipf"]
        for token in doc.words:
            text = token.text
            lower_first = _CAMEL_RE.match(text)
            two_caps = None if lower_first else _TWO_CAPS_RE.match(text)
            if not (lower_first or two_caps) or token.lower in known or "Ã" in text or "Â" in text:
                continue  # "FranÃ§ois" is mojibake (GL604), not two words
            if doc.shows_code or _in_code_like_context(doc.prose, token.start, token.end) or _repeated(doc, text):
                continue
            if lower_first:
                first, second = lower_first.groups()
                if self._lower_then_capital(first, second, text, threshold, doc):
                    yield self.finding(token.start, token.end, f"'{text}' looks like two words run together",
                                       [f"{first} {second}"])
            else:
                first, second = two_caps.groups()
                if first in prefixes or first.lower() in known:
                    continue  # McDonald, MacArthur, DeSantis, LaGuardia
                evidence = self._two_capitals(first, second, text, doc, joiners)
                if evidence and _in_name_block(doc, token.start) and "written apart" not in evidence:
                    continue  # lists of supporters' handles, table cells: "ChristianGeek"
                if evidence:
                    yield self.finding(token.start, token.end, f"'{text}' looks like two words run together ({evidence})",
                                       [f"{first} {second}"])

    @staticmethod
    def _lower_then_capital(first, second, text, threshold, doc) -> bool:
        if first in _IDENTIFIER_VERBS:
            return False  # getValue, handleClick: a code identifier, not prose
        whole = zipf(text)
        if whole >= 1.0 and (first in _IDENTIFIER_WORDS or zipf(first) < 5.5 or whole >= 2.0):
            return False  # a known word or identifier ("toString", "onClick"); "wasThe" is web debris
        head = zipf(first)
        if head < threshold:
            return False
        if zipf(second) >= threshold:
            return True
        # A name glued to a word ("carpetTilda", "byYamabe"): the second part is rare, so the
        # first must carry it: a function word, an ordinary word of four letters or more, or a
        # name the document writes on its own elsewhere.
        if len(second) < 3:
            return False
        return head >= 5.0 or (len(first) >= 4 and head >= 4.0) or second in _capitals(doc)[0]

    @staticmethod
    def _two_capitals(first, second, text, doc, joiners) -> str:
        """Why two capitalised parts are two words, or "" when nothing shows it."""
        if len(first) < 2 or len(second) < 2:
            return ""
        words, pairs = _capitals(doc)
        if (first, second) in pairs:
            return f"'{first} {second}' is written apart in this document"
        gaz = gazetteer()
        if (first, second) in gaz.pairs:
            return f"'{first} {second}' is a name"
        if first.lower() in joiners or second.lower() in joiners:
            return f"'{first.lower() if first.lower() in joiners else second.lower()}' joins words"
        if min(len(first), len(second)) >= 3 and first in gaz.given and _name_like(first) \
                and (_name_like(second) or zipf(second) < 3.5):
            return f"'{first}' is a given name"
        if zipf(text) >= 1.0:
            return ""  # a brand known whole: PlayStation, WorldCom, BitTorrent
        if len(second) >= 3 and (first in gaz.words["titles"] or first.lower() in gaz.words["roles"]):
            return f"'{first}' is a title"
        place = gaz.entry(second)
        if place is not None and place.kind == "place" and not place.ambiguous and _name_like(first):
            return f"'{second}' is a place"  # a credit or a name run into a dateline: "ReutersNairobi"
        if first in gaz.words["demonyms"]:
            return f"'{first}' is a demonym"
        if len(first) >= 3 and len(second) >= 3:
            for part in (second, first):
                if part in words and _name_like(part):
                    return f"the name '{part}' stands alone elsewhere in this document"
        return ""


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _misspells_a_word(text: str, floor: float) -> bool:
    """Whether one letter dropped, added, changed or swapped makes ``text`` a word of Zipf ``floor`` or more."""
    floor = max(floor, 3.0)
    for i in range(len(text) + 1):
        head, tail = text[:i], text[i:]
        if tail and common_zipf(head + tail[1:]) >= floor:
            return True
        if len(tail) > 1 and common_zipf(head + tail[1] + tail[0] + tail[2:]) >= floor:
            return True
        for letter in _LETTERS:
            if common_zipf(head + letter + tail) >= floor or tail and common_zipf(head + letter + tail[1:]) >= floor:
                return True
    return False


_NOUN_TAGS = frozenset({"NN", "NNS", "CD"})
_COMPOUND_TAIL_TAGS = frozenset({"NN", "NNS", "VBG", "VBN", "JJ"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBP", "VBZ", "MD"})


def _split_reads(doc, index: int, first: str, second: str, at_boundary: bool) -> bool:
    """Whether the two parts, tagged in their sentence, read as two words of a phrase.

    A noun before a noun or a participle ("coffee|cup", "field|mice", "snake|strike") and an
    adjective before a participle ("olive|faced") are how English closes compounds, so an
    unknown token of that shape is a rare compound; a determiner before a verb ("the|are")
    or a preposition before a participle ("for|borne") is no phrase at all, so the token is
    an old or prefixed spelling. The compound shapes are not checked at a function word or
    a reporting verb ("order|according"). Other splits ("private|area", "heavily|loaded",
    "be|used") read as two words whose space was lost."""
    tokens = doc.tokens
    sentence = tokens[index].sentence
    lo = index
    while lo > 0 and index - lo < 4 and tokens[lo - 1].sentence == sentence:
        lo -= 1
    hi = index + 1
    while hi < len(tokens) and hi - index <= 3 and tokens[hi].sentence == sentence:
        hi += 1
    words = [t.text for t in tokens[lo:index]] + [first, second] + [t.text for t in tokens[index + 1:hi]]
    tags = [tag for tag, _ in load_tagger().tag(words)]
    a, b = tags[index - lo], tags[index - lo + 1]
    # Two long nouns ("inflation|expectations") are rarely closed up, however they are tagged.
    long_parts = min(len(first), len(second)) >= 7
    if not at_boundary and not long_parts and (a in _NOUN_TAGS and b in _COMPOUND_TAIL_TAGS
                                                or a == "JJ" and b in ("VBN", "VBG")):
        return False
    if a in ("DT", "PRP$") and b in _VERB_TAGS or a == "IN" and b in ("VBN", "VBD"):
        return False  # "the|are", "for|borne": an old or prefixed spelling
    return not (a == "PRP" and b == "PRP")  # "she|we" ("shewe"): an old spelling of "show"


class FusedLowercase(Rule):
    code = "GL302"
    name = "fused-words"
    family = "fused-words"
    severity = "error"
    summary = "An unknown lower-case word that splits into two common words (\"orderaccording\")."
    explanation = (
        "An all-lower-case token that is not an English word but splits into two "
        "frequent ones (\"world orderaccording to\", \"the governmentsaid\", \"a privatearea\") "
        "lost its space. Both parts must be common (Zipf 3.5 or more in wordfreq's data when "
        "one is a function word or a reporting verb, 4 for two content words, 5 for a word of "
        "two letters), and a token that wordfreq knows as a whole is never split, so "
        "\"therapist\" and \"newsroom\" stay whole. Two content words are not split where "
        "English readily closes them into a compound: a first part that opens many listed "
        "words (\"side\", \"counter\", \"step\") or a second part that ends many "
        "(\"field\", \"making\"), counted in wordfreq's list by tools/build_compound_parts.py, "
        "and the parts are tagged in their sentence; such splits of two content words are "
        "reported as info, since a rare compound remains possible. "
        "Common web typos of two function words (\"ofthe\") are reported too. Hashtags, "
        "handles, URLs and identifiers are skipped."
    )
    bad = "They want to build a new world orderaccording to the minister."
    good = "They want to build a new world order according to the minister."
    default_options = {"min_part_zipf": 3.5, "min_length": 4, "compound_count": 20}

    def check(self, doc):
        data = load_data("fused_words")
        never = set(data["never_parts"])
        prefixes = set(data["prefix_words"])
        short = set(data["short_words"])
        suffixes = set(data["suffix_words"])
        short_verbs = set(data["short_verbs"])
        boundary = set(data["boundary_words"])
        compounds = set(data["function_word_compounds"])
        parts = _compound_parts()
        threshold = self.options["min_part_zipf"]
        productive = self.options["compound_count"]
        longest = longest_common_word()
        for index, token in enumerate(doc.tokens):
            text = token.text
            if not token.is_word or len(text) < self.options["min_length"] or not text.isalpha() or not text.islower() \
                    or text in compounds:
                continue
            if common_zipf(text) >= 3.5 or _in_code_like_context(doc.prose, token.start, token.end):
                continue  # a common word
            if _in_name_block(doc, token.start) or _inflects_a_word(text):
                continue
            if doc.prose[token.end:token.end + 1] in ("'", "’"):
                continue  # "strainin'", "colorin'": a dropped g, not a dropped space
            best = None
            # Both parts must be common, so neither can be longer than the longest common
            # word: only cuts near the middle of a long token are tried (trying every cut
            # would take quadratic time).
            for cut in range(max(2, len(text) - longest), min(len(text) - 1, longest + 1)):
                first, second = text[:cut], text[cut:]
                # English closes compounds on a singular first part ("sidechairs", not
                # "sideschairs"), so a plural one ("plans|face", "spirits|back") is no compound.
                plural = first.endswith("s") and not first.endswith("ss") and len(second) >= 4 \
                    and common_zipf(first[:-1]) >= threshold
                if second in suffixes and not plural:
                    continue  # "chainlike", "clockwise", "worldwide": a word with a suffix
                if first in never or second in never or first in prefixes and second not in boundary:
                    continue  # "inboards", "upshots" are words; "downhis" is not
                low = min(common_zipf(first), common_zipf(second))
                if low < threshold:
                    continue
                at_boundary = first in boundary or second in boundary
                if any(len(part) <= 2 and part not in short for part in (first, second)):
                    continue  # of two-letter words only function words ("be", "he", "at") count
                if first in short_verbs and second not in boundary:
                    continue  # "gofix", "dothing": a command or identifier; "gofor" is two words
                if doc.shows_code and (not at_boundary or len(first) <= 2):
                    continue  # "callsites", "gofix", "isready": identifiers in a document about code
                if at_boundary:
                    needed = threshold
                else:
                    if not plural and (parts.get(first, (0, 0))[0] >= productive or parts.get(second, (0, 0))[1] >= productive):
                        continue  # "sidechairs", "phrasemaking": a closed compound, not a lost space
                    needed = 4.0
                if low >= needed and (best is None or low > best[0]):
                    best = (low, first, second, at_boundary)
            if best is None or _repeated(doc, text):
                continue
            # Only now ask the large word list whether the token is a word after all.
            known = zipf(text)
            if known > 0:
                # Common web typos of two function words ("ofthe") are listed as words.
                if not (known < 3.5 and len(text) <= 8 and best[1] in _TYPO_HEADS and best[2] in _TYPO_TAILS):
                    continue
            if not _split_reads(doc, index, best[1], best[2], best[3]):
                continue
            # "interpretor", "prohibiton": a misspelt word about as common as the parts, not
            # two words ("hecalled" is nearer "he called" than "recalled").
            if len(text) >= 7 and _misspells_a_word(text, best[0] - 0.5):
                continue
            # Two content words may still be a rare closed compound ("widegrip"): reported as
            # info; a split at a function word is an error.
            yield self.finding(token.start, token.end, f"'{text}' looks like two words run together",
                               [f"{best[1]} {best[2]}"], severity=None if best[3] else "info")


# A word, a sentence or clause mark, and the next word with no space between:
# "the tsunami.Steve will", "the iPod.The", "the talks,which", "São Paulo,Brasília". Letters
# beyond ASCII count. Abbreviations ("U.S.") have one-letter parts, domains and file
# names continue lower-case, and thousands ("1,000") are digits, so all are left out.
_MARK_GLUE_RE = re.compile(r"(?<![\w.@/])([^\W\d_]{2,})([.!?;:])([^\W\d_a-z][^\W\d_A-Z]+)\b"
                           r"|(?<![\w.@/])([^\W\d_]{2,})(,)([^\W\d_]{2,})\b(?![.@/])")
# Endings of domain and file names: "Amazon.Com", "Notes.Txt".
_NAME_ENDINGS = {"com", "net", "org", "gov", "edu", "int", "mil", "info", "biz", "io", "js", "co", "uk", "tv", "me",
                 "txt", "md", "doc", "docx", "pdf", "htm", "html", "php", "asp", "aspx", "jpg", "jpeg", "png", "gif",
                 "exe", "py", "zip", "xml", "json", "csv"}
# An abbreviation glued to the next word: "U.S.officials", "e.g.the".
_ABBREVIATION_GLUE_RE = re.compile(r"(?<![\w.])((?:[A-Za-z]\.){2,})([a-z]{2,})\b(?![.@/])")
# A number glued to a capitalised word: "in 2022The talks".
_DIGIT_GLUE_RE = re.compile(r"(?<![\w.,])(\d{2,})([A-Z][a-z]{1,})\b")
# Where any of the three can match: a mark or a digit directly before a letter.
_GLUE_TRIGGER_RE = re.compile(r"[.!?;:,](?=[^\W\d_])|\d(?=[A-Z][a-z])")
_SPACE_RE = re.compile(r"\s")
_VOWELS = set("aeiouyàáâãäåèéêëìíîïòóôõöùúûüý")


class MissingSpaceAfterMark(Rule):
    code = "GL303"
    name = "missing-space"
    family = "fused-words"
    severity = "error"
    fixable = True
    summary = "No space after a full stop, comma or colon, or after a number (\"the talks.The minister\", \"2022The\")."
    explanation = (
        "Scraped and re-flowed text loses the space after a sentence or clause mark when "
        "two paragraphs, a caption or a date run together: \"aid to the victims of the "
        "tsunami.The charity said\", \"the talks,which ended\", \"date 2022-03-30 "
        "in 2022The\". A word, a mark and a capitalised word (or, after a comma, another "
        "word, in any script: \"São Paulo,Brasília\") with no space are reported, with the "
        "space as the suggestion. Abbreviations (\"U.S.\", \"e.g.\", \"Mr.Smith\"), domain "
        "and file names (\"example.com\", \"Amazon.Com\"), thousands and decimals "
        "(\"1,000\", \"3.5\") and units after numbers (\"14Mbps\") are not."
    )
    bad = "Rescue teams reached the coast on Monday.The ministry said more help was coming."
    good = "Rescue teams reached the coast on Monday. The ministry said more help was coming."

    def check(self, doc):
        prose = doc.prose
        # The full patterns start with a lookbehind, which the regex engine would try at
        # every position; a mark or digit glued to a letter is rare, so find those first
        # and run the patterns only over the run of non-space characters around each.
        seen: set[int] = set()
        start, searched_to = 0, 0  # the run's start is looked for only back to the previous trigger
        for trigger in _GLUE_TRIGGER_RE.finditer(prose):
            space = max(prose.rfind(" ", searched_to, trigger.start()), prose.rfind("\n", searched_to, trigger.start()))
            if space >= 0:
                start = space + 1
            searched_to = trigger.start()
            if start in seen:
                continue
            seen.add(start)
            end = _SPACE_RE.search(prose, trigger.end())
            yield from self._check_run(doc, start, end.start() if end else len(prose))

    @staticmethod
    def _two_words(left: str, mark: str, right: str) -> bool:
        """Whether the letters either side of a glued mark read as two words of prose."""
        if right.lower() in _NAME_ENDINGS:
            return False  # "Amazon.Com", "Notes.Txt": a domain or a file name
        if mark == ",":
            if left.islower() and right.islower():
                return zipf(left) >= 3.0 and zipf(right) >= 3.0  # "abc,def": not words
            # A name on either side: "São Paulo,Brasília", "Kenya,Uganda"; capitals alone
            # ("CODE,DTF") are a list of codes.
            return not (left.isupper() or right.isupper())
        if left.lower() in stop_abbreviations() or not _VOWELS.intersection(left.lower()):
            return False  # "Mr.Smith", "St.John", "Dr.Who": an abbreviation's stop
        # "node.Js", "One.Tel", "Last.Fm": a short capitalised tail is a name or an extension, unless
        # it is a word that opens sentences ("It", "He", "We").
        if right in gazetteer().words["titles"]:
            return True  # "the minister.Ms Brankin", "he added.Mr Svanberg"
        return len(right) >= (4 if left[0].isupper() else 3) or right.lower() in _SENTENCE_OPENERS

    def _check_run(self, doc, start: int, end: int):
        prose = doc.prose
        for match in _MARK_GLUE_RE.finditer(prose, start, end):
            left, mark, right = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
            if not self._two_words(left, mark, right):
                continue
            if _in_code_like_context(prose, match.start(), match.end()) or _repeated(doc, match.group()):
                continue
            if doc.shows_code and mark == "." and right.lower() not in _SENTENCE_OPENERS:
                continue  # "reflect.Type", "os.Exit" in a document that shows code: an identifier
            yield self.finding(match.start(), match.end(), f"no space after '{mark}'", [f"{left}{mark} {right}"])
        for match in _ABBREVIATION_GLUE_RE.finditer(prose, start, end):
            abbreviation, word = match.groups()
            if zipf(word) >= 3.0 and not _in_code_like_context(prose, match.start(), match.end()):
                yield self.finding(match.start(), match.end(), f"no space after '{abbreviation}'", [f"{abbreviation} {word}"])
        for match in _DIGIT_GLUE_RE.finditer(prose, start, end):
            number, word = match.groups()
            if zipf(word) < 4.5:
                continue  # "14Mbps", "3Com": a unit or a name
            if _in_code_like_context(prose, match.start(), match.end()):
                continue
            yield self.finding(match.start(), match.end(), f"no space between '{number}' and '{word}'", [f"{number} {word}"])


@hookimpl
def garblint_rules():
    return [FusedCamelCase, FusedLowercase, MissingSpaceAfterMark]
