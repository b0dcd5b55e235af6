"""Readability: documents whose textstat scores fall outside configured bounds."""
from __future__ import annotations

from garblint.linter import hookimpl
from garblint.linter.language.readability import readability
from garblint.linter.engine.rule import Rule


class ReadabilityBounds(Rule):
    code = "GL950"
    name = "readability"
    family = "readability"
    severity = "info"
    enabled_by_default = False
    summary = "A document whose readability scores fall outside the configured bounds."
    explanation = (
        "Garbled machine translation often reads as one long, tangled sentence after "
        "another. This rule computes textstat's Flesch reading ease and Flesch-Kincaid "
        "grade for the whole document and reports the document (at its first sentence) "
        "when the ease is below `min_reading_ease` or the grade above `max_grade`. It is "
        "off by default: select it and tune the bounds for your content."
    )
    bad = (
        "The implementation of the aforementioned comprehensive multilateral institutional "
        "coordination mechanisms notwithstanding, the consolidation of interdepartmental "
        "responsibilities necessitated unprecedented administrative reorganisation."
    )
    good = (
        "The plan was simple. The team met on Monday and agreed to start at once. "
        "Everyone went home early that day, pleased with the result."
    )
    default_options = {"min_reading_ease": 10.0, "max_grade": 20.0, "min_words": 20}

    def check(self, doc):
        if doc.word_count < self.options["min_words"] or not doc.sentences:
            return
        scores = doc.memo("readability", lambda d: readability(d.prose))
        if not scores:
            return
        ease, grade = scores["flesch_reading_ease"], scores["flesch_kincaid_grade"]
        problems = []
        if ease < self.options["min_reading_ease"]:
            problems.append(f"reading ease {ease:.1f} < {self.options['min_reading_ease']}")
        if grade > self.options["max_grade"]:
            problems.append(f"grade {grade:.1f} > {self.options['max_grade']}")
        if problems:
            first = doc.sentences[0]
            end = min(first.end, first.start + 60)
            yield self.finding(first.start, end, "hard to read: " + ", ".join(problems))


@hookimpl
def garblint_rules():
    return [ReadabilityBounds]
