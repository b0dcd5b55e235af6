"""Discourse: a document that opens by pointing back at text it does not have."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule

from ._data import load_data

_PRONOUNS = {"he", "she", "they", "it"}


@lru_cache(maxsize=None)
def _connective_re() -> re.Pattern:
    phrases = sorted(load_data("discourse")["connectives"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _opening(doc):
    """The first sentence of the first body paragraph, and whether a heading precedes it."""
    heading_seen = False
    for block in doc.paragraphs:
        if block.kind == "heading":
            heading_seen = True
            continue
        for sentence in doc.sentences:
            if sentence.start >= block.start:
                return sentence, heading_seen
        return None, heading_seen
    return None, heading_seen


class OrphanAnaphor(Rule):
    code = "GL551"
    name = "orphan-opening"
    family = "discourse"
    severity = "warning"
    summary = "The document opens with a word that refers back to text that is not there (\"This comes as...\")."
    explanation = (
        "A rewrite or scrape that dropped the headline and first paragraph leaves a "
        "document opening with \"This is despite the fact that...\", \"He added that...\", "
        "\"The remark came after...\" or \"However, ...\": the anaphor or connective has "
        "nothing to refer to. Only the first sentence of the document is checked; "
        "\"This year...\" or \"This book...\" (a determiner with its noun) and an "
        "expletive \"It is...\" are fine, and a heading gives a personal pronoun its referent. "
        "A bare \"He...\" or \"She...\" opening is reported as info: it is weaker evidence."
    )
    bad = "This comes as the club faces a transfer ban. The board met on Monday."
    good = "The club faces a transfer ban. The board met on Monday."

    def check(self, doc):
        sentence, heading_seen = _opening(doc)
        if sentence is None:
            return
        # The first six words are all the checks below read (the sentence may be the whole text).
        tokens = doc.tokens
        words = list(islice((tokens[i] for i in range(sentence.token_start, sentence.token_end) if tokens[i].is_word), 6))
        if len(words) < 3:
            return
        data = load_data("discourse")
        first, second = words[0].lower, words[1].lower
        end_index = None
        reason = ""
        severity = None
        if heading_seen and first in ("this", "these") and second in ("is", "are") and words[2].lower in ("a", "an"):
            return  # "# Pulumi / This is a plugin for...": the heading is the referent
        if first in ("this", "these", "that", "those") and second in data["demonstrative_followers"]:
            end_index, reason = 1, f"'{words[0].text}' refers to nothing before it"
        elif first in _PRONOUNS and second in data["continuation_verbs"]:
            end_index, reason = 1, f"'{words[0].text} {words[1].text}' continues a report that is not there"
        elif first in ("he", "she", "they") and not heading_seen:
            # A bare pronoun opening is weaker evidence (an excerpt, a caption): info.
            end_index, reason, severity = 1, f"'{words[0].text}' has no antecedent", "info"
        elif first == "it" and second in ("comes", "came", "follows", "followed"):
            end_index, reason = 1, "'It' refers to nothing before it"
        elif first == "the" and second in data["anaphoric_nouns"] and len(words) > 2 and words[2].lower in data["anaphoric_verbs"]:
            end_index, reason = 2, f"'the {second}' refers to something the text does not mention"
        else:
            match = _connective_re().match(doc.prose, sentence.start)
            # "But"/"Thus" open a clause directly; the others are connectives only
            # when a comma follows ("In addition, ..." but not "In addition to ...").
            follower = doc.prose[match.end():match.end() + 1] if match else ""
            if match and (follower == "," or (follower == " " and match.group().lower() in ("but", "thus", "hence", "yet"))):
                end = match.end()
                yield self.finding(sentence.start, end, f"the text opens with '{match.group()}', which presupposes something before it")
            return
        # Span the anaphor and a few words after it, stopping at a comma.
        last = min(len(words) - 1, end_index + 3)
        end = words[last].end
        comma = doc.prose.find(",", words[0].start, end)
        if comma > 0:
            end = comma
        yield self.finding(words[0].start, end, reason, severity=severity)


@hookimpl
def garblint_rules():
    return [OrphanAnaphor]
