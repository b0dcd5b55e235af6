"""Scrape residue: page furniture and metadata copied into the article text."""
from __future__ import annotations

import re
from functools import lru_cache

from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule

from ._data import load_data

_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?"
    r"(?:\s+(?-i:[A-Z]{2,4}|UTC[+-]\d{1,2})(?!\w))?"  # a time zone: "GMT", "MSK", "UTC+3"
)


@lru_cache(maxsize=None)
def _metadata_re() -> re.Pattern:
    labels = sorted(load_data("scrape_residue")["metadata_labels"], key=len, reverse=True)
    label = "|".join(re.escape(l) for l in labels)
    # A label and a date at the start of a paragraph, run into a capitalised sentence.
    # "[ \t]*(?::[ \t]*)?" rather than "\s*:?\s*": two adjacent \s* would split a run of white
    # space every possible way before giving up (quadratic time). Run-in means on the same line.
    return re.compile(rf"^[ \t]*(?P<meta>(?:{label})[ \t]*(?::[ \t]*)?{_DATE})(?=[ \t]+(?-i:[A-Z“\"‘(]))", re.I | re.M)


_DECISION_RANK = ("pattern", "vocabulary", "shape", "context", "position", "repetition", "feature")


def _run_decision(run) -> str:
    """What decided a run: the most telling reason any of its lines has."""
    def rank(line):
        kind = line.decided_by.split(":", 1)[0]
        return _DECISION_RANK.index(kind) if kind in _DECISION_RANK else len(_DECISION_RANK)
    return min(run, key=rank).decided_by


def _hard_wrapped(pieces: list[str]) -> bool:
    """Lines cut at a width: all but the last of about the same length (within 40% of the longest)."""
    lengths = [len(p.strip()) for p in pieces[:-1]]
    longest = max(lengths, default=0)
    return longest >= 40 and sum(length >= 0.6 * longest for length in lengths) >= 0.75 * len(lengths)


def _protected_lines(doc, markdown: bool) -> frozenset[int]:
    """Starts of the lines never judged as furniture: Markdown headings, and the lines of a
    hard-wrapped paragraph (a line of it is a piece of a sentence, not a block of the page)."""
    prose = doc.prose
    starts = set()
    for block in doc.paragraphs:
        if markdown and block.kind == "heading":
            starts.add(block.start)
        if prose.find("\n", block.start, block.end) < 0:
            continue
        pieces = prose[block.start:block.end].split("\n")
        if not markdown and not _hard_wrapped(pieces):
            continue  # plain text joined by a guess: scraped lines of all lengths are blocks of their own
        offset = block.start
        for piece in pieces:
            start = offset
            while start < offset + len(piece) and prose[start].isspace():
                start += 1
            starts.add(start)
            offset += len(piece) + 1
    return frozenset(starts)


class PageFurniture(Rule):
    code = "GL601"
    name = "page-furniture"
    family = "scrape-residue"
    severity = "warning"
    summary = "Lines of page furniture (menus, share buttons, comment widgets, teasers, cookie notices) in the text."
    explanation = (
        "Scrapers copy the furniture around an article along with it: navigation menus, "
        "share and follow buttons (\"FacebookTwitterEmail\"), comment counters and forms, "
        "\"Advertisement\", cookie notices, bylines with reading times, lists of related "
        "headlines, copyright footers. Each line is judged as extraction tools such as "
        "jusText and boilerpipe judge blocks: by its length, its share of stopwords, whether "
        "it has a finite verb, its title case and final punctuation, where it stands "
        "(before or after the article's paragraphs), the lines around it (a run of short "
        "title-case lines is a menu) and a furniture vocabulary in six languages "
        "(scrape_residue.yaml); weights fitted on the scrapinghub article-extraction "
        "benchmark combine them. A run of furniture lines is one finding, and the JSON "
        "output says what decided it. A line almost wholly of furniture words, a byline with "
        "a date, and a short label in another language among English paragraphs are furniture "
        "wherever they stand. A line of prose (long, with a finite verb, ending a "
        "sentence) is never reported, nor, in Markdown, a heading or a line whose only "
        "evidence is its shape."
    )
    bad = "Home\nWorld\nBusiness\nSport\nThe talks ended on Friday after three days.\nShare this article\nBoth sides will meet again in May."
    good = "Talks end\nThe talks ended on Friday after three days.\nBoth sides will meet again in May, an advertisement said."

    def check(self, doc):
        from . import _boilerplate

        markdown = doc.format == "markdown"
        lines = doc.memo("boilerplate-lines", lambda d: _boilerplate.classify(
            d.prose, markdown, headings=_protected_lines(d, markdown)))
        for run in _boilerplate.furniture_runs(lines, doc.prose):
            first = run[0].text
            more = f" and {len(run) - 1} more line{'s' if len(run) > 2 else ''}" if len(run) > 1 else ""
            decided = _run_decision(run)
            yield self.finding(run[0].start, run[-1].end, f"page furniture: '{first[:40]}'{more} ({decided})", [""],
                               data={"decided_by": decided, "lines": len(run),
                                     "score": round(max(line.score for line in run), 3)})


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
_PATH_LIKE_RE = re.compile(r"[^\W_][./][^\W_]")


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
            if first.kind != "heading" or _PATH_LIKE_RE.search(doc.prose, first.start, first.end):
                continue  # "### github.com/org/errors": a heading that names a package, not a headline
            a = _words(doc.prose[first.start:first.end])
            b = _words(doc.prose[second.start:second.end])
            if len(a) < self.options["min_words"] or len(a) >= len(b):
                continue
            if b[:len(a)] == a:
                yield self.finding(first.start, first.end, "truncated copy of the following headline", [""])


# Text encoded as UTF-8 and decoded as Windows-1252 or Latin-1: "itâ€™s", "cafÃ©",
# "Â£5". The lead byte's character followed by a continuation byte's character.
_CP1252_CONTINUATION = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿"
_MOJIBAKE_RE = re.compile(rf"(?:â€[{_CP1252_CONTINUATION}\x80-\x9f]?|[ÃÂ][{_CP1252_CONTINUATION}\x80-\x9f]|ï»¿)+")
_ENTITY_RE = re.compile(r"&(?:#\d{2,6}|#[xX][0-9a-fA-F]{2,5}|[a-zA-Z][a-zA-Z0-9]{1,9});?(?<=;)|&(?:amp|quot|nbsp|lt|gt|apos|mdash|ndash|rsquo|lsquo|rdquo|ldquo|hellip)\b")


def _repair_mojibake(text: str) -> str | None:
    for encoding in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != text:
            return repaired
    return None


class Mojibake(Rule):
    code = "GL604"
    name = "mojibake"
    family = "scrape-residue"
    severity = "error"
    fixable = True
    summary = "Characters garbled by a wrong text encoding (\"itâ€™s\", \"cafÃ©\")."
    explanation = (
        "A page saved as UTF-8 and read back as Windows-1252 turns every curly quote, dash "
        "and accented letter into two or three strange characters: \"itâ€™s\" for "
        "\"it’s\", \"cafÃ©\" for \"café\", \"Â£5\" for \"£5\". The rule reports those "
        "sequences and suggests the text they were, when it can be decoded back."
    )
    bad = "The minister said itâ€™s too early to talk about the cafÃ© deal."
    good = "The minister said it’s too early to talk about the café deal."

    def check(self, doc):
        prose = doc.prose
        if "â" not in prose and "Ã" not in prose and "Â" not in prose and "ï»¿" not in prose:
            return
        for match in _MOJIBAKE_RE.finditer(prose):
            repaired = _repair_mojibake(match.group())
            if repaired is None and match.group() in ("Â", "Ã"):
                continue
            suggestions = [repaired] if repaired is not None else []
            yield self.finding(match.start(), match.end(), f"'{match.group()}' is garbled by a wrong encoding", suggestions)


class HtmlEntity(Rule):
    code = "GL605"
    name = "html-entity"
    family = "scrape-residue"
    severity = "error"
    fixable = True
    summary = "An HTML character reference left in plain text (\"caf&#233;\", \"&amp;\")."
    explanation = (
        "Text copied out of HTML without decoding keeps its character references: "
        "\"communiqu&#233;\", \"Mr Blair&#191;s\", \"Marks &amp; Spencer\", \"&nbsp;\". "
        "In a plain-text document they are residue, reported with the character they stand "
        "for as the suggestion. Markdown documents are skipped: references are valid "
        "Markdown and render as the character."
    )
    bad = "The communiqu&#233; was signed by Marks &amp; Spencer."
    good = "The communiqué was signed by Marks & Spencer."

    def check(self, doc):
        import html

        if doc.format == "markdown" or "&" not in doc.prose:
            return
        for match in _ENTITY_RE.finditer(doc.prose):
            entity = match.group()
            decoded = html.unescape(entity)
            if decoded == entity:
                continue  # "&foo;" is no reference
            shown = {"\u00a0": "a no-break space"}.get(decoded, f"'{decoded}'")
            yield self.finding(match.start(), match.end(), f"HTML character reference '{entity}' for {shown}",
                               [decoded if decoded != "\u00a0" else " "])


_LETTER_RE = re.compile(r"[^\W\d_]")


class TemplateLine(Rule):
    code = "GL606"
    name = "template-line"
    family = "scrape-residue"
    severity = "warning"
    corpus_pass = True
    example_is_standalone = False  # the examples stand for many documents
    summary = "A line that recurs verbatim in many documents of the corpus: the site's template, not the article."
    explanation = (
        "When `garblint check` runs over several files, or `garblint scan` over a corpus, "
        "every line is hashed first (white space normalised) and the documents holding it "
        "are counted. A line found in at least `min_documents` documents and in at least "
        "`min_share` of them is template text that a scraper copied with every page "
        "(\"Sign up for our morning briefing\", a footer, a standing disclaimer); the "
        "message says in how many. Lines of fewer than `min_words` words, Markdown "
        "headings and table rows are not counted, and a single file is never compared with anything. "
        "Counts are kept as 8-byte hashes, at most `max_keys` of them (the rarest are "
        "forgotten first), so memory stays bounded on millions of records."
    )
    bad = "(in 212 of 240 files) Get the best of our journalism in your inbox every morning"
    good = "(in one file) The council will publish its decision in the morning."
    default_options = {"min_documents": 5, "min_share": 0.05, "min_words": 2, "max_keys": 1_000_000}

    def _lines(self, doc):
        """(start, end) of each line that counts: enough words, not a Markdown heading or table row."""
        import bisect

        from ._boilerplate import trimmed_lines

        markdown = doc.format == "markdown"
        headings = {b.start for b in doc.paragraphs if b.kind == "heading"} if markdown else set()
        # A table's header row recurs in every file of a set of documents written to one pattern.
        cells = sorted(b.start for b in doc.paragraphs if b.kind == "table-cell") if markdown else []
        prose = doc.prose
        for start, end in trimmed_lines(prose):
            if end - start < 3 or start in headings or not _LETTER_RE.search(prose, start, end):
                continue
            if cells:
                k = bisect.bisect_left(cells, start)
                if k < len(cells) and cells[k] < end:
                    continue
            if len(prose[start:end].split()) < self.options["min_words"]:
                continue
            yield start, end

    def corpus_keys(self, doc):
        from garblint.linter.engine.corpus import line_key

        return {line_key(doc.prose[s:e]) for s, e in self._lines(doc)}

    def corpus_summary(self, counter):
        import math

        needed = max(int(self.options["min_documents"]), math.ceil(self.options["min_share"] * counter.documents))
        return {"documents": counter.documents, "templates": counter.frequent(max(2, needed))}

    def check(self, doc):
        corpus = self.corpus
        if not corpus or not corpus["templates"]:
            return
        from garblint.linter.engine.corpus import line_key

        templates, documents = corpus["templates"], corpus["documents"]
        for start, end in self._lines(doc):
            count = templates.get(line_key(doc.prose[start:end]))
            if count:
                yield self.finding(start, end, f"template line: appears in {count} of {documents} documents", [""],
                                   data={"decided_by": "corpus: recurring line", "documents": count})


@hookimpl
def garblint_rules():
    return [PageFurniture, MetadataRunIn, TruncatedHeadlineCopy, Mojibake, HtmlEntity, TemplateLine]
