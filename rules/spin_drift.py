"""Spin drift: meaning that changed between an original and its rewrite.

These rules run in compare mode only (``scope = "pair"``): each reads the
aligned sentences of an original and its rewrite and reports, on the
rewrite, what a faithful paraphrase would have kept.
"""
from __future__ import annotations

import difflib
import os
import re
from functools import lru_cache

from garblint.linter import hookimpl
from garblint.linter.language.align import STOPWORDS, stem
from garblint.linter.engine.rule import PairRule

from ._data import load_data

_NUMBER_TOKEN_RE = re.compile(r"\d[\d,.]*%?")
_QUOTE_RE = re.compile(r"[“\"]([^“”\"]{3,}?)[”\"]")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _numbers(text: str) -> set[str]:
    words = load_data("spin_drift")["number_words"]
    found = {m.group().rstrip(".,").replace(",", "").rstrip("%") for m in _NUMBER_TOKEN_RE.finditer(text)}
    for word in _WORD_RE.findall(text.lower()):
        if word in words:
            found.add(words[word])
    return found


class ChangedNumber(PairRule):
    code = "GL801"
    name = "changed-number"
    family = "spin-drift"
    severity = "error"
    summary = "A number, date, percentage or amount that differs from the original sentence."
    explanation = (
        "A faithful rewrite keeps its figures. A number in the rewrite that the aligned "
        "original sentence does not contain, while that sentence has figures of its own, "
        "was changed (\"nearly 30%\" becoming \"almost 40%\"). Spelled-out numbers count as "
        "digits, so \"eight countries\" matches \"8 countries\"."
    )
    bad = "Original: Trade grew 30% in the first three months. Rewrite: Trade grew 40% in the first three months."
    good = "Original: Trade grew 30% in the first three months. Rewrite: Commerce rose by 30% in the first quarter."

    def check_pair(self, pair):
        prose = pair.rewrite.prose
        for sentence, original, _ in self.aligned(pair):
            before = _numbers(original)
            if not before:
                continue
            for match in _NUMBER_TOKEN_RE.finditer(prose, sentence.start, sentence.end):
                value = match.group().rstrip(".,").replace(",", "").rstrip("%")
                if value not in before:
                    shown = ", ".join(sorted(before))
                    yield self.finding(match.start(), match.start() + len(match.group().rstrip(".,")),
                                       f"'{match.group().rstrip('.,')}' is not in the original sentence, which has {shown}",
                                       sorted(before))


def _negations(text: str) -> int:
    lowered = text.lower().replace("’", "'")
    for phrase in load_data("spin_drift")["not_negations"]:
        lowered = lowered.replace(phrase, " ")
    negators = load_data("spin_drift")["negators"]
    count = 0
    for negator in negators:
        if negator == "n't":
            count += lowered.count("n't")
        else:
            count += len(re.findall(rf"\b{re.escape(negator)}\b", lowered))
    return count


class NegationFlip(PairRule):
    code = "GL802"
    name = "negation-flip"
    family = "spin-drift"
    severity = "error"
    summary = "A negation added or dropped between the original and the rewrite."
    explanation = (
        "\"Had not discussed\" becoming \"had discussed\" reverses a claim while keeping "
        "nearly every word, which is what spinners and careless paraphrase do. The rule "
        "compares the negations (not, never, no, without...) of each rewrite sentence with "
        "those of its aligned original and reports the sentence where their number differs, "
        "at the negator added or at the verb that lost it."
    )
    bad = "Original: The ministers had not discussed Taiwan. Rewrite: The ministers had discussed Taiwan."
    good = "Original: The ministers had not discussed Taiwan. Rewrite: Taiwan was not discussed by the ministers."

    def check_pair(self, pair):
        prose = pair.rewrite.prose
        for sentence, original, _ in self.aligned(pair):
            before, after = _negations(original), _negations(sentence.text)
            if before == after:
                continue
            if after > before:
                match = re.search(r"\b(?:not|never|no|without|none|nobody|nothing|cannot)\b|n['’]t\b", prose[sentence.start:sentence.end], re.I)
                start = sentence.start + match.start() if match else sentence.start
                end = sentence.start + match.end() if match else min(sentence.end, sentence.start + 40)
                yield self.finding(start, end, "negation added: the original sentence does not say this")
            else:
                # The verb that lost its negation: the word after the original negator.
                words = _WORD_RE.findall(original)
                target = None
                for i, word in enumerate(words[:-1]):
                    if word.lower() in ("not", "never") or word.lower().endswith(("n't", "n’t")):
                        target = words[i + 1]
                        break
                match = re.search(rf"\b{re.escape(target)}\b", prose[sentence.start:sentence.end]) if target else None
                start = sentence.start + match.start() if match else sentence.start
                end = sentence.start + match.end() if match else min(sentence.end, sentence.start + 40)
                yield self.finding(start, end, f"negation dropped: the original says '{_excerpt(original, target)}'")


def _excerpt(text: str, word: str | None, width: int = 40) -> str:
    if not word or word not in text:
        return text[:width]
    at = text.index(word)
    return text[max(0, at - 20):at + len(word) + 10].strip()


class DirectionReversal(PairRule):
    code = "GL803"
    name = "direction-reversal"
    family = "spin-drift"
    severity = "error"
    summary = "A comparison or direction reversed (rise/fall, more/less, earlier/later)."
    explanation = (
        "A rewrite that says exports \"fell\" where the original says they \"rose\", or "
        "\"later\" for \"earlier\", states the opposite. The rule reports a word of an "
        "antonym pair (spin_drift.yaml) in a rewrite sentence whose aligned original has "
        "the opposite word and not this one."
    )
    bad = "Original: Exports rose in March. Rewrite: Exports fell in March."
    good = "Original: Exports rose in March. Rewrite: In March, exports went up."

    def check_pair(self, pair):
        opposites: dict[str, set[str]] = {}
        for a, b in load_data("spin_drift")["antonyms"]:
            opposites.setdefault(a, set()).add(b)
            opposites.setdefault(b, set()).add(a)
        for sentence, original, _ in self.aligned(pair):
            original_words = {w.lower() for w in _WORD_RE.findall(original)}
            for token in pair.rewrite.sentence_tokens(sentence):
                word = token.lower
                flipped = opposites.get(word, set()) & original_words
                if flipped and word not in original_words:
                    yield self.finding(token.start, token.end, f"'{token.text}' reverses the original's '{sorted(flipped)[0]}'",
                                       sorted(flipped))


class EntityRoleChange(PairRule):
    code = "GL804"
    name = "entity-drift"
    family = "spin-drift"
    severity = "error"
    summary = "A named entity added to a sentence, or moved into another role (\"Iran levels of isolation\" -> \"isolate Iran\")."
    explanation = (
        "Names carry who did what to whom. A rewrite sentence that names an entity its "
        "original sentence does not mention has added a claim; one that keeps the name but "
        "moves it from a modifier (\"bring Iran levels of isolation\": isolation like "
        "Iran's) to the object of a verb (\"isolate Iran\") says something else. Both are "
        "reported on the rewrite."
    )
    bad = "Original: Sanctions seek to bring Iran levels of isolation. Rewrite: Sanctions seek to isolate Iran."
    good = "Original: Sanctions seek to bring Iran levels of isolation. Rewrite: Sanctions aim at Iran-style isolation."

    def check_pair(self, pair):
        original_text = pair.original.text
        in_original: dict[str, bool] = {}  # each name searched for once, not at every mention

        def original_has(name: str) -> bool:
            if name not in in_original:
                in_original[name] = name in original_text
            return in_original[name]

        for sentence, original, _ in self.aligned(pair):
            tokens = pair.rewrite.sentence_tokens(sentence)
            original_tokens = _WORD_RE.findall(original)
            for i, token in enumerate(tokens):
                if i == 0 or not token.is_word or not token.text[:1].isupper() or token.lower in STOPWORDS:
                    continue
                if tokens[i - 1].text[:1].isupper() or (i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper()):
                    continue  # part of a longer name: compared as a whole elsewhere
                name = token.text.rstrip("’'s") if token.text.endswith(("’s", "'s")) else token.text
                if not original_has(name):
                    yield self.finding(token.start, token.end, f"'{name}' does not appear in the original")
                    continue
                if name not in original_tokens:
                    continue
                at = original_tokens.index(name)
                after_original = original_tokens[at + 1] if at + 1 < len(original_tokens) else ""
                before_rewrite = tokens[i - 1]
                after_rewrite = tokens[i + 1] if i + 1 < len(tokens) else None
                was_modifier = after_original[:1].islower() and after_original.lower() not in STOPWORDS
                is_object = (before_rewrite.is_word and before_rewrite.text.islower() and before_rewrite.lower not in STOPWORDS
                             and (after_rewrite is None or after_rewrite.is_punct or after_rewrite.lower in ("and", "or")))
                if was_modifier and is_object and stem(after_original) != stem(before_rewrite.text):
                    yield self.finding(before_rewrite.start, token.end,
                                       f"'{name}' moved from modifier ('{name} {after_original}') to object ('{before_rewrite.text} {name}')",
                                       [f"{name} {after_original}"])


def _attributions(text: str) -> set[str]:
    """Sources a sentence attributes its claim to: "according to X", "X said"."""
    verbs = "|".join(load_data("spin_drift")["attribution_verbs"])
    sources = set()
    for match in re.finditer(r"\b[Aa]ccording to ((?:the )?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)", text):
        sources.add(match.group(1).lower().rstrip(".’'"))
    for match in re.finditer(rf"\b([A-Z][\w’'.-]*|[Hh]e|[Ss]he|[Tt]hey)\s+(?:{verbs})\b", text):
        sources.add(match.group(1).lower().rstrip(".’'"))
    return sources


class Reattribution(PairRule):
    code = "GL805"
    name = "reattributed-claim"
    family = "spin-drift"
    severity = "warning"
    summary = "A claim attributed to a different source than in the original."
    explanation = (
        "\"According to Bloomberg: He said that trade grew 30%\" is a minister's claim "
        "reported by Bloomberg; \"According to Bloomberg, trade grew 30%\" makes it "
        "Bloomberg's own. The rule compares who a rewrite sentence attributes its claim to "
        "(\"according to X\", \"X said\") with the sources of its aligned original and "
        "reports an attribution the original gives to someone else."
    )
    bad = "Original: According to Reuters: He said that sales grew. Rewrite: According to Reuters, sales grew."
    good = "Original: According to Reuters: He said that sales grew. Rewrite: He said sales grew, Reuters reported."

    def check_pair(self, pair):
        prose = pair.rewrite.prose
        for sentence, original, _ in self.aligned(pair):
            claimed = _attributions(sentence.text)
            sources = _attributions(original)
            if not claimed or not sources:
                continue
            # The original quotes someone else through this source: the rewrite drops the speaker.
            speakers = sources - claimed
            if not speakers or not (claimed & sources):
                continue
            match = re.search(r"[Aa]ccording to [^,.:;]+|\b\w+\s+(?:said|says|reported|told)\b", prose[sentence.start:sentence.end])
            start = sentence.start + (match.start() if match else 0)
            end = sentence.start + (match.end() if match else min(len(sentence.text), 40))
            who = ", ".join(sorted(speakers))
            yield self.finding(start, end, f"the original attributes this claim to '{who}', not to the source named here",
                               [original[:80]])


def _normal_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text.replace("-", " "))]


class AlteredQuotation(PairRule):
    code = "GL806"
    name = "altered-quotation"
    family = "spin-drift"
    severity = "warning"
    summary = "Words inside quotation marks that differ from the original quotation."
    explanation = (
        "Words inside quotation marks must stay verbatim. The rule finds, for each "
        "quotation in the rewrite, the closest quotation of the original and reports the "
        "words that were changed (\"internal dynamism\" quoted as \"internal vitality\"), with "
        "the original words as the suggestion. Differences in quotation-mark style, "
        "hyphens and apostrophes do not count."
    )
    bad = "Original: He praised “the great resilience and internal dynamism” of trade. Rewrite: He praised “the great resilience and internal vitality” of trade."
    good = "Original: He praised “the great resilience and internal dynamism” of trade. Rewrite: Trade showed “the great resilience and internal dynamism”, he said."

    def check_pair(self, pair):
        original_quotes = [_normal_words(m.group(1)) for m in _QUOTE_RE.finditer(pair.original.prose)]
        if not original_quotes:
            return
        verbatim = {tuple(quote) for quote in original_quotes}
        prose = pair.rewrite.prose
        for match in _QUOTE_RE.finditer(prose):
            words = _normal_words(match.group(1))
            if len(words) < 2 or tuple(words) in verbatim:
                continue  # quoted as in the original
            best, best_ratio = None, 0.0
            for quote in original_quotes:
                matcher = difflib.SequenceMatcher(None, words, quote, autojunk=False)
                # The quick bounds are never below the ratio: skip quotes that cannot win.
                if matcher.real_quick_ratio() < max(best_ratio, 0.6) or matcher.quick_ratio() < max(best_ratio, 0.6):
                    continue
                ratio = matcher.ratio()
                if ratio > best_ratio:
                    best, best_ratio = quote, ratio
            if best is None or best_ratio < 0.6 or words == best or _contains(best, words):
                continue
            matcher = difflib.SequenceMatcher(None, words, best, autojunk=False)
            spans = list(_WORD_RE.finditer(match.group(1).replace("-", " ")))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "replace" or i2 > len(spans):
                    continue
                start = match.start(1) + spans[i1].start()
                end = match.start(1) + spans[i2 - 1].end()
                yield self.finding(start, end, f"quotation changed: the original says '{' '.join(best[j1:j2])}'",
                                   [" ".join(best[j1:j2])])


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


@lru_cache(maxsize=None)
def _bigrams() -> dict[str, int]:
    """symspellpy's English bigram counts (shipped inside its wheel), loaded once."""
    import importlib.util

    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = os.path.join(list(spec.submodule_search_locations)[0], "frequency_bigramdictionary_en_243_342.txt")
    table: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                table[f"{parts[0]} {parts[1]}"] = int(parts[2])
    return table


class BrokenCollocation(PairRule):
    code = "GL807"
    name = "broken-collocation"
    family = "spin-drift"
    severity = "warning"
    summary = "A fixed phrase broken by a synonym swap (\"prove this point\" -> \"show its point\")."
    explanation = (
        "Spinners swap words for synonyms one at a time and break the phrases English "
        "holds together: \"prove this point\" becomes \"show its point\". Where a rewrite "
        "replaced words next to a word it kept, the rule compares how common the new word "
        "pair is with how common the original pair was (bigram counts from symspellpy's "
        "bundled English data) and reports the swap when the original pair is common and "
        "the new one rare."
    )
    bad = "Original: Seeking to prove this point, China sent envoys. Rewrite: Seeking to show its point, China sent envoys."
    good = "Original: Seeking to prove this point, China sent envoys. Rewrite: Seeking to prove this point, Beijing sent envoys."
    default_options = {"min_original_count": 1_000_000, "min_ratio": 20.0}

    def check_pair(self, pair):
        counts = _bigrams()
        if not counts:
            return
        for sentence, original, _ in self.aligned(pair):
            tokens = [t for t in pair.rewrite.sentence_tokens(sentence) if t.is_word]
            new = [t.lower for t in tokens]
            old = [w.lower() for w in _WORD_RE.findall(original)]
            positions = {}
            for i, word in enumerate(old):
                positions[word] = i if word not in positions else -1
            repeated_new = {w for w in new if new.count(w) > 1}
            # Anchors: content words both sentences keep. A rewrite may reorder the
            # sentence, so each anchor is compared with its own neighbours.
            for j, word in enumerate(new):
                i = positions.get(word)
                # Only words that occur once in each sentence anchor unambiguously.
                if i is None or i <= 0 or j == 0 or word in STOPWORDS or word in repeated_new:
                    continue
                p_old, p_new = old[i - 1], new[j - 1]
                if p_old == p_new:
                    continue
                start = tokens[j - 1].start
                if p_old in STOPWORDS or p_new in STOPWORDS:
                    # A swapped determiner counts only with a swapped content word before it
                    # ("prove this point" -> "show its point").
                    if not (p_old in STOPWORDS and p_new in STOPWORDS) or i < 2 or j < 2:
                        continue
                    v_old, v_new = old[i - 2], new[j - 2]
                    if v_old == v_new or v_old in STOPWORDS or v_new in STOPWORDS:
                        continue
                    start = tokens[j - 2].start
                    phrase = f"{v_old} {p_old} {word}"
                else:
                    phrase = f"{p_old} {word}"
                old_count, new_count = counts.get(f"{p_old} {word}", 0), counts.get(f"{p_new} {word}", 0)
                if old_count >= self.options["min_original_count"] and old_count >= self.options["min_ratio"] * max(new_count, 1):
                    yield self.finding(start, tokens[j].end,
                                       f"'{pair.rewrite.text[start:tokens[j].end]}' breaks the phrase of the original ('{phrase}')",
                                       [phrase])


@hookimpl
def garblint_rules():
    return [ChangedNumber, NegationFlip, DirectionReversal, EntityRoleChange, Reattribution, AlteredQuotation, BrokenCollocation]
