"""Scrape residue: page furniture and metadata copied into the article text."""
from __future__ import annotations

import re
from functools import lru_cache

from linter import hookimpl
from linter.rule import Rule

from ._data import load_data

_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?"
)


@lru_cache(maxsize=None)
def _furniture_re() -> re.Pattern:
    patterns = load_data("scrape_residue")["furniture_lines"]
    return re.compile(r"^[ \t]*(?:" + "|".join(f"(?:{p})" for p in patterns) + r")[ \t]*$", re.I | re.M)


@lru_cache(maxsize=None)
def _metadata_re() -> re.Pattern:
    labels = sorted(load_data("scrape_residue")["metadata_labels"], key=len, reverse=True)
    label = "|".join(re.escape(l) for l in labels)
    # A label and a date at the start of a paragraph, run into a capitalised sentence.
    return re.compile(rf"^[ \t]*(?P<meta>(?:{label})\s*:?\s*{_DATE})(?=\s+[A-Z“\"‘(])", re.I | re.M)


class PageFurniture(Rule):
    code = "GL601"
    name = "page-furniture"
    family = "scrape-residue"
    severity = "warning"
    summary = "A line of page furniture (comment widget, share buttons, advertisement, cookie notice) in the text."
    explanation = (
        "Scrapers copy the furniture around an article along with it: comment counters "
        "and forms (\"No comments:\", \"Post a Comment\"), share and follow widgets, "
        "\"Advertisement\", cookie notices, \"Read more\" and \"Click here\" lines. Only lines "
        "that consist of such furniture are reported, so the same words inside a sentence "
        "(\"read more about it\") are left alone. The patterns are in scrape_residue.yaml."
    )
    bad = "The talks ended on Friday.\nAdvertisement\nBoth sides will meet again in May."
    good = "The talks ended on Friday.\nBoth sides will meet again in May, an advertisement said."

    def check(self, doc):
        prose = doc.prose
        spans: list[list[int]] = []
        for match in _furniture_re().finditer(prose):
            start, end = match.start(), match.end()
            while start < end and prose[start].isspace():
                start += 1
            while end > start and prose[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            # Consecutive furniture lines ("No comments:" / "Post a Comment") are one block.
            if spans and not prose[spans[-1][1]:start].strip() and prose.count("\n", spans[-1][1], start) <= 2:
                spans[-1][1] = end
            else:
                spans.append([start, end])
        for start, end in spans:
            first_line = prose[start:end].split("\n", 1)[0]
            yield self.finding(start, min(end, start + 80), f"page furniture: '{first_line[:40]}'", [""])


class MetadataRunIn(Rule):
    code = "GL602"
    name = "metadata-run-in"
    family = "scrape-residue"
    severity = "warning"
    summary = "Page metadata (\"date 2022-03-30\") run into the first sentence of a paragraph."
    explanation = (
        "A label and a date or timestamp glued in front of a sentence (\" date 2022-03-30 "
        "The Russian Foreign Minister...\") come from the page's metadata, not the article. "
        "Dates inside sentences (\"on 30 March 2022 the court ruled\") and datelines "
        "(\"WASHINGTON (Reuters) -\") are not reported."
    )
    bad = " date 2022-03-30 The foreign ministers met in Huangshan on Wednesday."
    good = "The foreign ministers met in Huangshan on Wednesday, 30 March 2022."

    def check(self, doc):
        for match in _metadata_re().finditer(doc.prose):
            start = match.start("meta")
            # Include the space in front when the text starts with one: it is part of the residue.
            if start > 0 and doc.prose[start - 1] == " ":
                start -= 1
            yield self.finding(start, match.end("meta"), f"page metadata run into the text: '{match.group('meta').strip()}'", [""])


_WORD_RE = re.compile(r"[^\W_]+", re.U)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text.replace("’", "").replace("'", ""))]


class TruncatedHeadlineCopy(Rule):
    code = "GL603"
    name = "truncated-headline-copy"
    family = "scrape-residue"
    severity = "warning"
    summary = "A line that repeats the start of the next line and stops short: a truncated copy of the headline."
    explanation = (
        "Scrapers often take the page title (cut to a length limit) and then the real "
        "headline, so the text opens with the same headline twice, the first copy "
        "truncated mid-phrase and often stripped of its apostrophes (\"Chinas top diplomat "
        "vows ... ahead\" before \"China’s top diplomat vows ... ahead of the anniversary\"). "
        "A heading followed by a standfirst that merely repeats it in full is not reported."
    )
    bad = "Chinas top diplomat vows to deepen ties ahead\n\nChina’s top diplomat vows to deepen ties ahead of summit\n\nThe minister spoke on Monday."
    good = "China’s top diplomat vows to deepen ties ahead of summit\n\nThe minister spoke on Monday."
    default_options = {"min_words": 4}

    def check(self, doc):
        blocks = doc.paragraphs
        for first, second in zip(blocks, blocks[1:]):
            if first.kind != "heading":
                continue
            a = _words(doc.prose[first.start:first.end])
            b = _words(doc.prose[second.start:second.end])
            if len(a) < self.options["min_words"] or len(a) >= len(b):
                continue
            if b[:len(a)] == a:
                yield self.finding(first.start, first.end, "truncated copy of the following headline", [""])


@hookimpl
def garblint_rules():
    return [PageFurniture, MetadataRunIn, TruncatedHeadlineCopy]
