"""Repetition: words and phrases written twice where the text meant them once."""
from __future__ import annotations

from linter import hookimpl
from linter.rule import Rule

from ._data import load_data


class DoubledWord(Rule):
    code = "GL101"
    name = "doubled-word"
    family = "repetition"
    severity = "error"
    summary = "The same word written twice in a row."
    explanation = (
        "Machine translation and hasty editing leave a word doubled where two "
        "source words collapsed into one English word, or where an edit inserted "
        "a word that was already there. Only repeats on one line and inside one "
        "sentence count, and pairs that English legitimately doubles (\"had had\", "
        "\"that that\") and capitalised names (\"Bora Bora\") are left alone; "
        "extend the list with the `exceptions` option."
    )
    bad = "No real rival was able to to present himself."
    good = "No real rival was able to present himself."
    default_options = {"exceptions": []}

    def check(self, doc):
        data = load_data("repetition")
        exceptions = {e.lower() for e in data["doubled_word_exceptions"]}
        exceptions.update(e.lower() for e in self.options["exceptions"])
        function_words = set(data["function_words"])
        prose = doc.prose
        tokens = doc.tokens
        for previous, token in zip(tokens, tokens[1:]):
            if token.sentence != previous.sentence or not (token.is_word and previous.is_word):
                continue
            lower = token.lower
            if lower != previous.lower:
                continue
            gap = prose[previous.end:token.start]
            if gap.strip() or "\n" in gap:
                continue
            if f"{lower} {lower}" in exceptions:
                continue
            if token.text[0].isupper() and previous.text[0].isupper() and lower not in function_words:
                continue
            yield self.finding(
                previous.start,
                token.end,
                f"doubled word '{token.text}'",
                [previous.text],
            )


@hookimpl
def garblint_rules():
    return [DoubledWord]
