"""Punctuation: quotation marks that do not pair up, stray full stops, truncating ellipses.

Quotation marks are paired per paragraph. Double quotes carry the signal:
single curly quotes double as apostrophes ("China’s", "’90s"), so only an
opening ‘ closed by a straight ' is checked among singles.
"""
from __future__ import annotations

import re

from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule
from garblint.linter.language.sentence_end import PREV_WORD_RE, classify, clause_openers, lowercase_after_stop
from garblint.linter.language.sentence_end import abbreviations as stop_abbreviations

from ._data import load_data

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "“", "”", '"'
_DOUBLE_RE = re.compile(r"[“”\"]")
_STRAIGHT_RE = re.compile(r'"')
_SPACE_RE = re.compile(r"\s")
_NON_SPACE_RE = re.compile(r"\S")
# Every pattern starts with a literal or a rare character (a lookbehind first makes
# the engine try it at every position of the text, a hundred times slower).
_SINGLE_MIXED_RE = re.compile(r"‘(?<![\w’']‘)([^‘’'\n]{1,60}?)'(?![\w])")
# The reverse, a straight ' closed by ’: the ’ must not be a plural possessive ("the players’").
_SINGLE_MIXED_REVERSE_RE = re.compile(r"'(?<![^\s(\[—–]')([^\W\d_][^‘’'\n]{0,59}?[^\Ws])’(?![\w’'])", re.M)
_BETWEEN_CODE_RE = re.compile(r"\w::\w|\[[,;:]{2}|[,;:]{2}\]")
_DOUBLED_PUNCT_RE = re.compile(r"(?:,[,.;:]|;[;,.:]|:[:;,]|\.[,;:]|\.\.(?=[\s”’\"')\]]|$))(?<![.,;:!?/\\]..)(?![.,;:])")
# A spaced comma or full stop ("talks , which"), or a comma moved onto the next word ("failed ,he").
_SPACE_BEFORE_RE = re.compile(r"[,.](?<=[ \t].)(?=[ \t]|$)|,(?<=[ \t],)(?=[^\W\d_])", re.M)
_WORD_BEFORE_RE = re.compile(r"[\w’'-]+$")
_DOUBLED_QUESTION_RE = re.compile(r"(?<![?!])\?\?(?![?!])")
_SINGLE_QUESTION_RE = re.compile(r"(?<![?!])\?(?![?!])")
_ELLIPSIS_RE = re.compile(r"(?:…|\.\.\.)[ \t]?([a-z][a-z'’-]*)")
_HEAD_BEFORE_RE = re.compile(r"\b[A-Za-z]+[ \t]?$")
# A closing double mark, then another with at most spaces between ('.” ”', ',””', '.""', ',”"'),
# or a curly single closing mark doubled by a straight one ("’'"); runs of three marks
# (Python's \"\"\") are not closing marks.
_CLOSE_PAIR_RE = re.compile(r"[”\"](?<=[^\s“”\"][”\"])(?:[ \t]+[”\"]|[”\"](?![”\"]))(?=\s|$|[.,;:!?)\]])"
                            r"|’(?<=[^\s‘’']’)'(?=\s|$|[.,;:!?)\]])")
_ELISIONS = {"em", "til", "cause", "cos", "tis", "twas", "n", "round", "bout", "nuff", "ol", "im", "er", "un", "ere", "neath", "gainst"}


def _quote_side(prose: str, index: int) -> str | None:
    """Whether a straight double quote opens ("open"), closes ("close") or cannot tell (None)."""
    before = prose[index - 1] if index > 0 else " "
    after = prose[index + 1] if index + 1 < len(prose) else " "
    if before.isdigit():
        return None  # inches: 5' 10"
    opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-" or index + 1 == len(prose))
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return None


LEAD_CHARS = 40


def _lead(prose: str, start: int, limit: int) -> int:
    """End of a short span: a mark and the next two or three words, at most 40 characters.

    Each word is looked for only within the 40 characters, so a long run of
    marks (a thousand quotation marks) is not scanned again for each mark.
    """
    cap = start + LEAD_CHARS
    end = start + 1
    if end >= limit or prose[end].isspace():
        return end
    for word in range(3):
        if word:
            following = _NON_SPACE_RE.search(prose, end, limit)
            if following is None:
                break
            if following.start() >= cap:
                return cap
            word_start = following.start()
        else:
            word_start = end
        space = _SPACE_RE.search(prose, word_start, min(limit, cap + 1))
        end = space.start() if space else min(limit, cap + 1)
        if end > cap:
            return cap
    return end


class QuotePairing(Rule):
    code = "GL201"
    name = "mismatched-quotes"
    family = "punctuation"
    severity = "warning"
    summary = "A quotation opened with one kind of mark and closed with another."
    explanation = (
        "A quotation opened with a straight mark and closed with a curly one (or the "
        "reverse) shows that part of a sentence was rewritten or machine translated "
        "while the rest was kept: editors' text uses one style throughout. Double quotes "
        "are paired within each paragraph. Among single quotes, where ’ is also the "
        "apostrophe (\"China’s\", \"’90s\", \"rock ’n’ roll\"), only an opening ‘ closed by a "
        "straight ' is reported, and a straight ' opening a short phrase closed by ’ "
        "when the ’ cannot be a plural possessive or an elision (\"'em\", \"'til\")."
    )
    bad = '"No matter how the landscape changes, we will stand together,” the minister said.'
    good = "“No matter how the landscape changes, we will stand together,” the minister said."

    def check(self, doc):
        for pairs in _paragraph_quotes(doc):
            for kind, a, b in pairs:
                if kind == "mixed":
                    end = b + 1 if b - a <= 40 else _lead(doc.prose, a, b)
                    yield self.finding(a, end, "quotation opened with one kind of quotation mark and closed with another")
        prose = doc.prose
        for match in _SINGLE_MIXED_RE.finditer(prose):
            if "\n" in match.group(0):
                continue
            yield self.finding(match.start(), match.end(), "quotation opened with ‘ and closed with a straight '", ["‘" + match.group(1) + "’"])
        for match in _SINGLE_MIXED_REVERSE_RE.finditer(prose):
            words = match.group(1).split()
            if len(words) > 6 or words[0].lower().strip(",.") in _ELISIONS:
                continue  # "'em", "'til", "'cause": an apostrophe, not an opening mark
            yield self.finding(match.start(), match.end(), "quotation opened with a straight ' and closed with ’", ["‘" + match.group(1) + "’"])


class DuplicatedClosingQuote(Rule):
    code = "GL202"
    name = "duplicated-closing-quote"
    family = "punctuation"
    severity = "error"
    fixable = True
    summary = "A closing quotation mark written twice."
    explanation = (
        "Two closing quotation marks with nothing but a space (or nothing) between them close one "
        "quotation twice; the second is debris from an edit or from re-assembling "
        "translated segments: '.” ”', ',””', '.\"\"', ',”\"', and a curly single mark doubled by a "
        "straight one (’'). A closing mark immediately followed by another closing mark of "
        "the other depth (”’, ’” or '\") is ordinary nesting and is not reported, nor are "
        "empty strings in code (\"\", '(\"\")') and triple quotes."
    )
    bad = "“We will defend our interests.” ” he said."
    good = "“We will defend our interests,” he said."

    def check(self, doc):
        prose = doc.prose
        for match in _CLOSE_PAIR_RE.finditer(prose):
            first, second = match.start(), match.end() - 1
            block = doc.paragraph_of(first)
            if second == first + 1:
                # Glued marks: the first cannot show its side by a following space, so it must
                # follow a word or a sentence mark inside a quotation opened in this paragraph;
                # an empty string in code ('("")', '= ""', 'a,"",b') is none of these.
                before = prose[first - 1]
                if not (before.isalnum() or before in ".,!?…") or doc.shows_code and prose[second] in "\"'":
                    continue
                if before == "," and prose[second + 1:second + 2] == ",":
                    continue  # an empty field of comma-separated values
                if not self._opened(prose, block.start if block else 0, first, prose[first]):
                    continue
            elif prose[first] == STRAIGHT and _quote_side(prose, first) != "close":
                continue
            if prose[second] == STRAIGHT and _quote_side(prose, second) == "open":
                continue
            floor = max(block.start if block else 0, first - 30)
            begin = first
            while begin > floor and not prose[begin - 1].isspace():
                begin -= 1
            yield self.finding(begin, second + 1, "closing quotation mark written twice", [prose[begin:first + 1]])

    @staticmethod
    def _opened(prose: str, floor: int, at: int, mark: str) -> bool:
        """Whether a quotation that the mark at ``at`` can close was opened earlier in the paragraph."""
        if mark == "’":
            return prose.rfind("‘", floor, at) >= 0
        opening = prose.rfind("“", floor, at)
        straight = prose.rfind(STRAIGHT, floor, at)
        return opening >= 0 or (straight >= 0 and _quote_side(prose, straight) == "open")


class UnclosedQuote(Rule):
    code = "GL203"
    name = "unclosed-quote"
    family = "punctuation"
    severity = "warning"
    summary = "A quotation mark opened and never closed in its paragraph."
    explanation = (
        "An opening quotation mark with no closing mark before the end of the "
        "paragraph usually means the closing mark was lost when the sentence was "
        "rewritten or split. The clearest case is a partial quotation opened inside a "
        "clause (\"agreed to act in “difficult conditions. Talks resume...\"), or a "
        "quotation opened again before the first one was closed. A quotation that "
        "legitimately runs on into the next paragraph, which then opens with a "
        "quotation mark again, and a block quotation after a colon are not reported; "
        "an unclosed quotation of whole sentences (dialogue, which may run on or be "
        "cut short in an excerpt) is reported as info only. A reporting clause inside the "
        "unclosed quotation (\"“We turned back, the captain said.\") shows where it should have "
        "closed: that is a warning even when the next paragraph opens with a quotation mark."
    )
    bad = "China and Russia agreed to cooperate in “complicated international conditions. Talks go on."
    good = "China and Russia agreed to cooperate in “complicated international conditions”. Talks go on."

    def check(self, doc):
        paragraphs = doc.paragraphs
        prose = doc.prose
        for index, pairs in enumerate(_paragraph_quotes(doc)):
            block = paragraphs[index]
            # Where the paragraph's last visible character ends (found once, not per mark).
            visible_end = block.start + len(prose[block.start:block.end].rstrip())
            for kind, a, b in pairs:
                if kind != "unclosed":
                    continue
                reopened = b < block.end  # another opening mark came before any closing one
                # "“Wake up, he said": the words of the quotation give way to their reporting clause.
                reported = _reporting_clause(doc, a, min(b, block.end))
                following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
                if following is not None and prose[following.start] in "“\"" and not (reopened or reported):
                    continue  # a quotation running on into the next paragraph
                if visible_end <= a + 1 or (prose[max(0, a - 3):a].rstrip().endswith(":") and not reported):
                    continue  # "He wrote: “" opens a block quotation that the layout closes
                severity = None if reopened or reported or _is_partial_quotation(prose, a, block.start) else "info"
                yield self.finding(a, _lead(prose, a, block.end), "quotation mark opened and never closed in this paragraph",
                                   severity=severity)


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you"})


def _reporting_clause(doc, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` hold a reporting clause after a comma or stop
    ("…, he said", "… . Dr Glenn said", "…, said Mercer"): the quotation closed before it."""
    from garblint.linter.language.verbs import quotative

    tokens, tags, lemmas = doc.tokens, doc.tags, doc.lemmas
    i = doc.token_index(start + 1)  # the first token after the mark
    last = doc.token_index(end)

    def speech(k: int) -> bool:
        counts = quotative(lemmas[k]) if tags[k] in ("VBD", "VBZ") else None
        return counts is not None and counts.slot >= 5 and counts.slot / (counts.uses + 4) >= _REPORTING_SHARE

    def closes(k: int) -> bool:
        """Whether the clause of the verb at ``k`` ends within a few words, with no object or new
        clause in them ("said.", "said at length,", "said shaking her."; not "said she would",
        "explained it twice")."""
        if k + 1 < last and not tokens[k + 1].is_punct and tags[k + 1] not in ("RB", "IN", "VBG"):
            return False  # "explained it twice": a verb with an object of its own
        for m in range(k + 1, min(last, k + 5)):
            if tokens[m].is_punct:
                return True
            if tokens[m].lower in _SUBJECT_PRONOUNS or tags[m] in ("MD", "VBD", "VBZ", "VBP"):
                return False
        return False

    def reporting(k: int) -> bool:
        return speech(k) and closes(k)

    for k in range(i + 1, min(last, i + 400) - 1):  # a quotation's reporting clause is near its start
        if tokens[k - 1].text not in (",", ".", "!", "?", "—"):
            continue
        word = tokens[k]
        if word.lower in _SUBJECT_PRONOUNS and reporting(k + 1):
            return True  # ", he said"
        j = k
        while j < last and j < k + 3 and tags[j] in ("NNP", "NNPS"):
            j += 1
        if j == k and tags[k] in ("DT", "PRP$"):
            j = k + 1
            while j < last and j < k + 4 and tags[j] in ("JJ", "NN", "NNS"):
                j += 1
            if j == k + 1 or tags[j - 1] not in ("NN", "NNS"):
                j = k
        if j > k and j < last and reporting(j):
            return True  # ". Dr Glenn said", ", the coxswain explained"
        if speech(k) and k + 1 < last and (tags[k + 1] in ("NNP", "NNPS") or tokens[k + 1].lower in _SUBJECT_PRONOUNS) \
                and closes(k + 1):
            return True  # ", said Mercer"
    return False


# A verb closes quotations (",” he said") this often among its uses to count as a reporting verb
# ("say" 25%, "add" 20%, "explain" 17%; "ask" 2% and "go" 0.4% do not).
_REPORTING_SHARE = 0.04


def _is_partial_quotation(prose: str, at: int, floor: int) -> bool:
    """Whether the quotation opened at ``at`` quotes a phrase inside a clause ("act in “difficult conditions")."""
    first = prose[at + 1:at + 2]
    if not first.islower():
        return False  # a quoted sentence: dialogue, which has its own conventions
    before = prose[floor:at].rstrip()
    # After a comma or colon a lower-case quotation continues a quoted sentence
    # (“I mean,” she said, “when ...”); after a word it is a phrase in a clause.
    return bool(before) and (before[-1].isalnum() or before[-1] in "’'")


class UnopenedQuote(Rule):
    code = "GL204"
    name = "unopened-quote"
    family = "punctuation"
    severity = "info"
    summary = "A closing quotation mark that no opening mark precedes in its paragraph."
    explanation = (
        "A closing curly quotation mark with no opening mark before it in the "
        "paragraph is a remnant of a quotation whose beginning was cut or rewritten. "
        "Paragraphs that continue a quotation from the previous paragraph (which ended "
        "unclosed) are not reported."
    )
    bad = "The minister said the talks were useful,” and left the room."
    good = "The minister said the talks were “useful,” and left the room."

    def check(self, doc):
        previous_open = False
        for pairs in _paragraph_quotes(doc):
            unclosed_here = any(kind == "unclosed" for kind, _, _ in pairs)
            for kind, a, _ in pairs:
                if kind == "unopened" and not previous_open:
                    if doc.prose[a - 1:a] in ("'", "″") or doc.prose[a - 1:a].isdigit():
                        continue  # an inch mark: 5' 10''” or 12”
                    # The word before the mark (a space right before it is skipped), never past the mark.
                    start = min(a, max(doc.prose.rfind(" ", max(0, a - 31), max(0, a - 1)) + 1, a - 30))
                    yield self.finding(start, a + 1, "closing quotation mark that was never opened")
            previous_open = unclosed_here


def _paragraph_quotes(doc):
    """Per paragraph: a list of (kind, start, end) for mixed pairs, unclosed and unopened marks."""
    def compute(doc):
        result = []
        prose = doc.prose
        if "„" in prose:
            # German-style „...“ pairs are GL209's; their closing “ is not an English opening mark.
            prose = _LOW_HIGH_PAIR_RE.sub(lambda m: " " * len(m.group()), prose)
        for block in doc.paragraphs:
            events = []
            open_at, open_mark, last_close = None, None, None
            for match in _DOUBLE_RE.finditer(prose, block.start, block.end):
                mark, at = match.group(), match.start()
                side = "open" if mark == OPEN_CURLY else "close" if mark == CLOSE_CURLY else _quote_side(prose, at)
                if side is None:
                    continue
                if side == "open":
                    if open_at is not None and mark == open_mark == OPEN_CURLY:
                        events.append(("unclosed", open_at, at))
                    open_at, open_mark = at, mark
                else:
                    if open_at is None:
                        # Right after another closing mark it is a duplicate (GL202).
                        if last_close is None or prose[last_close + 1:at].strip():
                            events.append(("unopened", at, at))
                        last_close = at
                        continue
                    last_close = at
                    if (open_mark == STRAIGHT) != (mark == STRAIGHT):
                        events.append(("mixed", open_at, at))
                    open_at, open_mark = None, None
            if open_at is not None and (
                open_mark == OPEN_CURLY
                # A straight mark's direction is a guess: only an odd number of them
                # (none after a digit, an inch mark) leaves one certainly unpaired.
                or prose.count(STRAIGHT, block.start, block.end) % 2 == 1
                and not any(prose[m.start() - 1].isdigit() for m in _STRAIGHT_RE.finditer(prose, block.start, block.end))
            ):
                events.append(("unclosed", open_at, block.end))
            result.append(events)
        # A quotation may run over several paragraphs and close in a later one
        # (block quotations after "He wrote:"): pair each unclosed mark with the first
        # unpaired closing mark of the next three paragraphs, and drop both.
        unopened = [[e for e in events if e[0] == "unopened"] for events in result]
        paired = [0] * len(result)  # how many of each paragraph's closing marks are taken
        dropped = set()
        for i, events in enumerate(result):
            for event in events:
                if event[0] != "unclosed":
                    continue
                for j in range(i + 1, min(i + 4, len(result))):
                    if paired[j] < len(unopened[j]):
                        dropped.update((event, unopened[j][paired[j]]))
                        paired[j] += 1
                        break
        if dropped:
            result = [[e for e in events if e not in dropped] for events in result]
        return result

    return doc.memo("punctuation.quotes", compute)


class SplitSentence(Rule):
    code = "GL205"
    name = "stray-full-stop"
    family = "punctuation"
    severity = "error"
    summary = "A full stop that cuts a sentence, followed by a lower-case fragment."
    explanation = (
        "A full stop followed by a short lower-case fragment that finishes the clause "
        "(\"he said. in front of the press.\", \"the plant closed. after ten years.\") cuts "
        "one sentence in two: the stop belongs at the end. The fragment must open like a "
        "continuation (a preposition, a conjunction, a relative word, an -ing form or an "
        "adverb) and reach the next full stop within a few words and without a comma. "
        "Abbreviations (U.S., e.g., p.m., Jr.), initials, decimals, domains and ellipses "
        "are not sentence ends. Division of work with casing: a lower-case word that opens "
        "a whole new clause (\"... hegemony. for now, China has ...\") is reported by "
        "GL151 (lowercase-sentence-start) instead, so each spot gets one finding."
    )
    bad = "“We must stand together,” he said. in front of the press."
    good = "“We must stand together,” he said in front of the press."
    default_options = {"max_fragment_words": 7}

    def check(self, doc):
        max_words = self.options["max_fragment_words"]
        prose = doc.prose
        for stop, word_start, fragment_end in lowercase_after_stop(doc):
            if classify(prose, word_start, fragment_end, max_words) != "fragment":
                continue
            begin = prose.rfind(" ", max(0, stop - 30), stop) + 1 or max(0, stop - 30)
            fragment = prose[word_start:fragment_end]
            yield self.finding(begin, fragment_end, "full stop cuts the sentence before a lower-case fragment",
                               [prose[begin:stop] + " " + fragment])


class TruncatingEllipsis(Rule):
    code = "GL206"
    name = "truncating-ellipsis"
    family = "punctuation"
    severity = "warning"
    summary = "An ellipsis right after a determiner or preposition, cutting a phrase in two."
    explanation = (
        "An ellipsis between a determiner, possessive or preposition and the next word "
        "(\"to confront the… improve governance\") leaves the phrase without its noun: "
        "words were dropped, usually when a quotation was shortened badly. Ellipses "
        "after a complete phrase (\"I thought… well, never mind\") are not reported."
    )
    bad = "They vowed to “confront the… improve global governance”."
    good = "They vowed to “confront the challenges and improve global governance”."

    def check(self, doc):
        from garblint.linter.language.verbs import base_verbs

        data = load_data("punctuation")
        heads, pauses, openers = set(data["phrase_heads"]), set(data["pause_words"]), clause_openers()
        verbs = base_verbs()
        prose = doc.prose
        for match in _ELLIPSIS_RE.finditer(prose):
            before = _HEAD_BEFORE_RE.search(prose, max(0, match.start() - 20), match.start())
            if before is None:
                continue
            word = before.group().rstrip()
            head, following = word.lower(), match.group(1).lower()
            if following in pauses:
                continue  # "readers of... err": a speaker hesitating
            if head == "to" and following in verbs:
                continue  # "designed to... reduce": the infinitive is whole, the pause is for effect
            if prose[match.start() - 1:match.start()] == " " and following in openers:
                continue  # "say sorry for ... there were": a spoken pause before a new clause
            if head in heads and following != head and following not in heads:
                # "to… to go", "the… the": a speaker restarting, not a cut phrase.
                yield self.finding(before.start(), match.end(1), f"ellipsis cuts the phrase after '{word}'")


class DoubledPunctuation(Rule):
    code = "GL207"
    name = "doubled-punctuation"
    family = "punctuation"
    severity = "warning"
    fixable = True
    summary = "Two punctuation marks where one belongs (\",,\", \".,\", \";;\")."
    explanation = (
        "Two commas, a comma and a full stop, two full stops or two semicolons in a row "
        "are debris of joined segments or of a deleted word. An abbreviation's stop "
        "before a comma (\"Jr.,\") is not doubled. Ellipses (...), \"?!\" and repeated "
        "exclamation marks are deliberate and not reported; a doubled question mark is "
        "reported (as info) only in a text that mostly writes single ones."
    )
    bad = "The ministers met on Tuesday,, and agreed to talk again."
    good = "The ministers met on Tuesday, and agreed to talk again."

    def check(self, doc):
        abbreviations = stop_abbreviations()
        prose = doc.prose
        for match in _DOUBLED_PUNCT_RE.finditer(prose):
            text = match.group()
            if _BETWEEN_CODE_RE.match(prose, max(0, match.start() - 1)):
                continue  # "std::hash", "[,,]T": code written in prose
            if text[0] == "." and text != "..":
                # "Jr.," and "Mass.," are an abbreviation's stop and a comma.
                prev = PREV_WORD_RE.search(prose, max(0, match.start() - 25), match.start() + 1)
                word = prev.group(1) if prev else ""
                if "." in word or len(word) <= 2 or word.lower() in abbreviations or (word[:1].isupper() and len(word) <= 6):
                    continue
            yield self.finding(match.start(), match.end(), f"doubled punctuation '{text}'", [text[0]])
        # "??" is informal emphasis in a text that always doubles it (older corpora do),
        # but next to ordinary single question marks it is a slip.
        doubled = _DOUBLED_QUESTION_RE.findall(prose) if "??" in prose else ()
        if doubled and len(_SINGLE_QUESTION_RE.findall(prose)) >= len(doubled):
            for match in _DOUBLED_QUESTION_RE.finditer(prose):
                yield self.finding(match.start(), match.end(), "doubled question mark", ["?"], severity="info")


def _spaced_after_word(prose: str, mark_at: int, spaces: str = " \t"):
    """For a mark with spaces before it: (start of the word before, start of the spaces, the word match), or None.

    None when no space precedes the mark, or what precedes the spaces is not a letter
    (a number, another mark: "3 : 1", "1 .5").
    """
    space = mark_at
    while space > 0 and prose[space - 1] in spaces:
        space -= 1
    if space == mark_at or space == 0 or not prose[space - 1].isalpha():
        return None
    word = _WORD_BEFORE_RE.search(prose, max(0, space - 30), space)
    return (word.start() if word else space), space, word


class SpaceBeforePunctuation(Rule):
    code = "GL208"
    name = "space-before-punctuation"
    family = "punctuation"
    severity = "warning"
    fixable = True
    summary = "A space before a comma or full stop."
    explanation = (
        "English sets commas and full stops against the preceding word. A space "
        "before them (\"the talks , which\") is left by tokenised machine-translation "
        "output. After a determiner, preposition or conjunction (\"the , S & H\") a word "
        "is more likely missing than misspaced, which is reported as info. French-style "
        "spaces before ; : ! ? are a different convention and are not reported here."
    )
    bad = "The talks , which lasted two days , ended on Friday ."
    good = "The talks, which lasted two days, ended on Friday."

    def check(self, doc):
        data = load_data("punctuation")
        function_words = set(data["phrase_heads"]) | set(data["conjunctions"])
        prose = doc.prose
        for match in _SPACE_BEFORE_RE.finditer(prose):
            mark = match.group()
            spaced = _spaced_after_word(prose, match.start())
            if spaced is None:
                continue
            if mark == "." and prose[match.end():match.end() + 3].lstrip()[:1] == ".":
                continue  # a spaced ellipsis ". . ."
            begin, space, word = spaced
            if word and word.group().lower() in function_words:
                # "the , 40-grain bullet": a word (a number, a name) is missing rather than misspaced.
                yield self.finding(begin, match.end(), f"space before '{mark}' after '{word.group()}': a word may be missing",
                                   severity="info")
                continue
            glued = prose[match.end():match.end() + 1].isalpha()  # "failed ,he": the space belongs after the mark
            yield self.finding(begin, match.end(), f"space before '{mark}'", [prose[begin:space] + mark + (" " if glued else "")])


_FOREIGN_QUOTE_RE = re.compile(r"[«»„‹›‚]")
_LOW_HIGH_PAIR_RE = re.compile(r"„[^„“”\n]{1,300}?[“”]")
_FOREIGN_PAIR_RE = re.compile(r"«\s?([^«»\n]{1,300}?)\s?»|„([^„“”\n]{1,300}?)[“”]|‹([^‹›\n]{1,300}?)›")
# A decimal comma before a unit or magnitude: "3,5%", "2,7 million". Thousands
# separators have three digits after the comma ("1,500").
_DIGIT_COMMA_RE = re.compile(r"\d,(?=\d)")
_DECIMAL_COMMA_RE = re.compile(
    r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?![\d,])(?=\s?(?:%|per ?cent\b|percent\b|million\b|billion\b|trillion\b|bn\b|"
    r"mn\b|km\b|kg\b|degrees?\b|°|times\b|points?\b|euros?\b|dollars?\b|roubles?\b|rubles?\b|yuan\b|pounds?\b|tons?\b|tonnes?\b))"
    r"|(?<=[$€£¥₽])(\d{1,3}),(\d{1,2})(?![\d,])")
_MARK_BEFORE_SPACE_RE = re.compile(r"[?!;:](?=\s|$|[”\"»])")
_SPACES = " \t\u00a0\u202f"


class ForeignQuotationMarks(Rule):
    code = "GL209"
    name = "foreign-quotation-marks"
    family = "punctuation"
    severity = "warning"
    fixable = True
    summary = "Quotation marks of another language left in English text («...», „...“)."
    explanation = (
        "French, Russian, Spanish and Italian quote with guillemets («...»), German and "
        "Eastern European languages with low-high marks („...“). A translation that keeps "
        "them shows where the text came from; English uses “...” (or '...'). The rule "
        "reports each such mark, with the pair rewritten as the suggestion when it closes "
        "in the same paragraph."
    )
    bad = "The minister called the plan «a provocation» on Friday."
    good = "The minister called the plan “a provocation” on Friday."

    def check(self, doc):
        prose = doc.prose
        if not _FOREIGN_QUOTE_RE.search(prose):
            return
        covered = set()  # offsets of the marks inside a reported pair
        for match in _FOREIGN_PAIR_RE.finditer(prose):
            inner = next(g for g in match.groups() if g is not None)
            quote = "‘{}’" if match.group(3) is not None else "“{}”"
            covered.update(m.start() for m in _FOREIGN_QUOTE_RE.finditer(prose, match.start(), match.end()))
            yield self.finding(match.start(), match.end(), f"'{match.group()[0]}' quotes are not English quotation marks",
                               [quote.format(inner.strip())])
        for match in _FOREIGN_QUOTE_RE.finditer(prose):
            if match.group() == "‚" or match.start() in covered:
                continue  # a low single mark is also a misplaced comma: reported only inside a pair
            yield self.finding(match.start(), match.end(), f"'{match.group()}' is not an English quotation mark")


class DecimalComma(Rule):
    code = "GL210"
    name = "decimal-comma"
    family = "punctuation"
    severity = "warning"
    fixable = True
    summary = "A decimal comma in an English number (\"3,5%\", \"2,7 million\")."
    explanation = (
        "Most European languages write the decimal point as a comma: \"3,5 %\" is three "
        "and a half per cent. Carried into English it reads as a list or a thousands "
        "separator. The rule reports a comma followed by one or two digits (a thousands "
        "separator has three) before a unit, a magnitude or after a currency sign, and "
        "suggests the decimal point."
    )
    bad = "Inflation rose to 7,5% and the deficit to 2,4 billion euros."
    good = "Inflation rose to 7.5% and the deficit to 2.4 billion euros."

    def check(self, doc):
        prose = doc.prose
        # The pattern starts with a lookbehind; run it only where a comma sits between digits.
        for trigger in _DIGIT_COMMA_RE.finditer(prose):
            start = trigger.start()
            while start > 0 and prose[start - 1].isdigit():
                start -= 1
            match = _DECIMAL_COMMA_RE.match(prose, start)
            if match is None:
                continue
            whole, fraction = match.group(1, 2) if match.group(1) else match.group(3, 4)
            yield self.finding(match.start(), match.end(), f"decimal comma in '{match.group()}'", [f"{whole}.{fraction}"])


class SpaceBeforeMark(Rule):
    code = "GL211"
    name = "space-before-mark"
    family = "punctuation"
    severity = "warning"
    fixable = True
    summary = "A space before ? ! ; or :, French style (\"Why ?\")."
    explanation = (
        "French sets a thin space before ? ! ; and :, and translations from French keep it: "
        "\"What is the plan ?\", \"he said : the talks failed\". English sets these marks "
        "against the word. Question and exclamation marks are warnings; colons and "
        "semicolons are info, since \"Title : subtitle\" is a house style in some places."
    )
    bad = "Why did the talks fail ? The minister said : nobody knows ."
    good = "Why did the talks fail? The minister said: nobody knows."

    def check(self, doc):
        prose = doc.prose
        for match in _MARK_BEFORE_SPACE_RE.finditer(prose):
            spaced = _spaced_after_word(prose, match.start(), _SPACES)
            if spaced is None:
                continue  # set against its word, or after a number or a mark ("3 : 1")
            begin, space, _ = spaced
            mark = match.group()
            severity = "warning" if mark in "?!" else "info"
            yield self.finding(begin, match.end(), f"space before '{mark}'", [prose[begin:space] + mark],
                               severity=severity)


@hookimpl
def garblint_rules():
    return [QuotePairing, DuplicatedClosingQuote, UnclosedQuote, UnopenedQuote, SplitSentence,
            TruncatingEllipsis, DoubledPunctuation, SpaceBeforePunctuation, ForeignQuotationMarks,
            DecimalComma, SpaceBeforeMark]
