#!/usr/bin/env python3
"""Scrape residue on real web pages: how much page furniture garblint catches.

Development data: the article-extraction benchmark of scrapinghub
(github.com/scrapinghub/article-extraction-benchmark, MIT licence): 181 news
and blog pages, each with its article body as ground truth. Bring the
repository with a git mirror (its path is ``--repo``; the default is where the
workplace mirror keeps it) or unpack it and pass the folder.

    python benchmarks/boilerplate.py                  # per-page and overall shares
    python benchmarks/boilerplate.py --show 20        # read flagged article lines, missed furniture
    python benchmarks/boilerplate.py --markdown       # the table for BENCHMARKS.md
    python benchmarks/boilerplate.py --dataset cleaneval --repo DIR   # see CLEANEVAL below

Step 1, the dump: each page is turned into text the way a careless scraper
does it (stdlib ``html.parser``, no other dependency). Every block-level
element (p, div, li, h1-h6, td, section, nav, footer, form, button...) starts a
new line, and so does a link or button that stands outside running text (a
link inside a p, li, td or heading stays in its line). Scripts, styles,
noscript, templates, SVG, iframes, the <head>, and elements hidden inline
(``hidden``, ``aria-hidden="true"``, ``style="display:none"`` or
``visibility:hidden``) are dropped; class-based hiding is kept, since a
scraper without the style sheets cannot see it. Everything else stays:
navigation, share buttons, comment widgets, cookie notices, bylines, teasers,
footers. Dumps go to ``.cache/boilerplate/dumps/<id>.txt``, one block per line.

Step 2, the labels (``<id>.labels.json`` beside each dump). Text is compared
after NFKC normalisation, lower-casing, straightened quotes and tokenising
into words (``\\w+``). A line is

- excluded when it has under 3 characters or no word;
- ``headline`` (excluded) when its words equal the page title or its
  og:title, or that title less a " | Site name" suffix: the ground truth has
  no headline, and a headline is no residue;
- for lines of 1-3 words: ``article`` when they are a whole paragraph of the
  ground truth (a subheading), excluded when they merely occur inside it
  ("Share" in "share prices"), ``boilerplate`` otherwise;
- for longer lines: ``article`` when its word sequence occurs in the body, or
  when at least 80% of its words are covered by word trigrams that occur in
  the body (fuzzy: small edits, dropped captions); ``boilerplate`` when under
  34% are; excluded in between (a block that mixes both).

Step 3, the measure: garblint lints each dump in-process as plain text. A line
is flagged by a family when a finding of that family overlaps it. Reported:
the share of boilerplate lines flagged by ``scrape-residue`` (recall on
furniture) and the share of article lines it flags (which must stay at or
below 1%), then the same for all families together, and the scrape-residue
figures of the dev and held-out pages apart (``split_of``: GL601's weights are
fitted on the dev pages by tools/train_boilerplate.py).

Missed boilerplate lines are sorted into kinds (navigation, share, comments,
related, ads, cookie, copyright, byline, non-English furniture, teaser
headlines, bios, disclaimers, paywall, newsletter, other) by their text and by
the class, id and tag names of the elements around them, and a sample of each
kind is written to ``.cache/boilerplate/miss_examples.txt``.

CLEANEVAL: the CleanEval gold standard (web pages with hand-cleaned text) is
kept in the public repository dalab/web2text under ``data/cleaneval/``
(``orig/<n>.html``, ``clean/<n>.txt``), but that repository's snapshot (3.8 GB)
is too large for the mirror here, so ``--dataset cleaneval --repo DIR`` reads
a local copy of that folder (``input/`` and ``gold/`` are accepted too). The
gold text's ``<p>``, ``<h>`` and ``<l>`` markers and its ``URL:`` line are
stripped; the measure is otherwise the same.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_REPO = Path("/work/.mirror/scrapinghub+article-extraction-benchmark/repo")
CACHE = ROOT / ".cache" / "boilerplate"
SCRAPE_FAMILY = "scrape-residue"

HELD_OUT_SHARE = 0.3


def split_of(page_id: str) -> str:
    """"dev" or "held-out": a fixed split by a hash of the page id (about 30% held out).

    tools/train_boilerplate.py fits the weights of GL601's line classifier on
    the dev pages only; the held-out figures are the ones to quote.
    """
    first = hashlib.blake2b(page_id.encode("utf-8"), digest_size=8).digest()[0]
    return "held-out" if first < round(256 * HELD_OUT_SHARE) else "dev"


# -- step 1: the careless dump ---------------------------------------------------

SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "head"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "select",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "textarea",
}
# Links and buttons that start a block outside running text are widgets (menus,
# share bars, teaser lists): each becomes its own line. After text of their
# block they are inline ("Tags: <a>x</a>, <a>y</a>" stays one line).
WIDGET_TAGS = {"a", "button", "label"}
RUNNING_TEXT_TAGS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "figcaption", "caption", "pre", "address"}
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass
class DumpedLine:
    text: str
    context: str  # class, id and tag names of the enclosing elements, innermost last


@dataclass
class Page:
    page_id: str
    url: str
    html: str
    body: str  # the ground-truth article text
    lines: list[DumpedLine] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


class CarelessDumper(HTMLParser):
    """One line per visible block of text, page furniture included."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool, bool]] = []  # (tag, class/id words, hidden or skipped, own line)
        self.pieces: list[str] = []
        self.lines: list[DumpedLine] = []
        self.titles: list[str] = []
        self._title: list[str] | None = None
        self._line_context = ""

    # The hidden flag is inherited, so one check of the innermost element suffices.
    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def _in_running_text(self) -> bool:
        return any(entry[0] in RUNNING_TEXT_TAGS for entry in self.stack)

    def flush(self) -> None:
        text = " ".join(_INVISIBLE_RE.sub("", "".join(self.pieces)).split())
        self.pieces = []
        if text:
            self.lines.append(DumpedLine(text, self._line_context))
        self._line_context = ""

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "meta" and attrs.get("property", attrs.get("name", "")).lower() in ("og:title", "twitter:title"):
            self.titles.append(attrs.get("content", ""))
        if tag == "title":
            self._title = []
        if tag in VOID_TAGS:
            if tag in ("br", "hr"):
                self.flush()
            return
        hidden = (
            self._hidden()
            or tag in SKIPPED_TAGS
            or "hidden" in attrs
            or attrs.get("aria-hidden", "").lower() == "true"
            or bool(_HIDDEN_STYLE_RE.search(attrs.get("style", "")))
        )
        own_line = tag in BLOCK_TAGS or (
            tag in WIDGET_TAGS and not self._in_running_text() and not "".join(self.pieces).strip()
        )
        if own_line:
            self.flush()
        names = " ".join(filter(None, (attrs.get("id", ""), attrs.get("class", ""), attrs.get("role", ""))))
        self.stack.append((tag, names, hidden, own_line))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title" and self._title is not None:
            self.titles.append(" ".join("".join(self._title).split()))
            self._title = None
        if not any(entry[0] == tag for entry in self.stack):
            return  # a stray end tag
        while self.stack:
            popped, _, _, own_line = self.stack.pop()
            if own_line:
                self.flush()
            if popped == tag:
                break

    def handle_data(self, data):
        if self._title is not None:
            self._title.append(data)
        if self._hidden():
            return
        if not self.pieces or not "".join(self.pieces).strip():
            self._line_context = " > ".join(f"{tag}[{names}]" if names else tag for tag, names, _, _ in self.stack[-12:])
        self.pieces.append(data)

    def close(self):
        super().close()
        self.flush()


def decode_html(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace")


def dump_page(page: Page) -> None:
    dumper = CarelessDumper()
    dumper.feed(page.html)
    dumper.close()
    page.lines = dumper.lines
    page.titles = [t for t in dumper.titles if t]


# -- step 2: labels --------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})
_TOKEN_RE = re.compile(r"\w+")
SHORT_WORDS = 3
ARTICLE_COVERAGE = 0.8
BOILERPLATE_COVERAGE = 0.34


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(unicodedata.normalize("NFKC", text).translate(_QUOTES).lower())


class GroundTruth:
    def __init__(self, body: str, titles: list[str]):
        words = tokens(body)
        self.joined = " " + " ".join(words) + " "
        self.trigrams = {tuple(words[i:i + 3]) for i in range(len(words) - 2)}
        self.paragraphs = {tuple(tokens(p)) for p in body.split("\n") if p.strip()}
        self.titles = set()
        for title in titles:
            self.titles.add(tuple(tokens(title)))
            # "Headline | Site" and "Headline - Site": the headline alone.
            for separator in (" | ", " - ", " – ", " — ", " :: "):
                if separator in title:
                    self.titles.add(tuple(tokens(title.rsplit(separator, 1)[0])))
        self.titles.discard(())

    def coverage(self, words: list[str]) -> float:
        covered = [False] * len(words)
        for i in range(len(words) - 2):
            if tuple(words[i:i + 3]) in self.trigrams:
                covered[i] = covered[i + 1] = covered[i + 2] = True
        return sum(covered) / len(words)

    def label(self, text: str) -> str:
        words = tokens(text)
        if len(text.strip()) < 3 or not words:
            return "excluded"
        if tuple(words) in self.titles:
            return "headline"
        contained = (" " + " ".join(words) + " ") in self.joined
        if len(words) <= SHORT_WORDS:
            if tuple(words) in self.paragraphs:
                return "article"
            return "excluded" if contained else "boilerplate"
        if contained:
            return "article"
        share = self.coverage(words)
        if share >= ARTICLE_COVERAGE:
            return "article"
        return "boilerplate" if share < BOILERPLATE_COVERAGE else "excluded"


# -- kinds of boilerplate ----------------------------------------------------------

# Text patterns first (the line says what it is), then the names of the
# elements around it, then the shape of the line.
TEXT_KINDS = [
    ("cookie", r"\bcookies?\b|\bconsent\b|\bgdpr\b"),
    ("paywall", r"\bsubscribers?\b|\bsubscription\b|\bpaywall\b|\bpremium\b|already a (?:member|subscriber)|"
                r"(?:sign|log) ?in to (?:read|continue|comment)|free articles?|unlimited (?:access|digital)"),
    ("newsletter", r"\bnewsletters?\b|\binbox\b|sign ?up\b|\bsubscribe\b|email address|e-mail address"),
    ("copyright", r"©|\bcopyright\b|all rights reserved|terms (?:of|and) (?:use|service|conditions)|privacy (?:policy|notice)"
                  r"|\bterms & conditions\b"),
    ("share", r"^(?:share|tweet|pin|email|e-mail|print|facebook|twitter|linkedin|whatsapp|reddit|pinterest|flipboard"
              r"|messenger|copy link|save|share (?:on|via|this).{0,40})$"),
    ("comments", r"\bcomments?\b|\breplies\b|\breply\b|\bdisqus\b|\bcommenting\b"),
    ("byline", r"^(?:by|posted by|written by|words by|published|updated|last updated|posted)\b|\b\d+ min(?:ute)?s? read\b"
               r"|^\w+ \d{1,2},? \d{4}$|^\d{1,2} \w+ \d{4}$|\b(?:staff|senior) (?:writer|reporter|editor)\b"),
    ("bios", r"\bis an? (?:[\w-]+ ){0,3}(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|author)\b"
             r"|about the author|\bfollow (?:him|her|them) on\b"),
    ("disclaimer", r"\bdisclaimer\b|\bdisclosure\b|\baffiliate\b|views expressed|editor'?s note|\bcorrection\b"
                   r"|may (?:earn|receive) (?:a )?commission|this (?:article|story) (?:was|has been|originally)"),
    ("ads", r"^(?:advertisement|advertising|sponsored|ad|ads|promoted|paid content|partner content)\b"),
    ("related", r"^(?:related|read more|more from|more on|recommended|you may also like|trending|most (?:read|popular)"
                r"|popular|read next|up next|see also|more stories|latest)\b"),
]
TEXT_KINDS = [(kind, re.compile(pattern, re.I)) for kind, pattern in TEXT_KINDS]

CONTEXT_KINDS = [
    ("cookie", {"cookie", "cookies", "consent", "gdpr", "cmp", "onetrust"}),
    ("paywall", {"paywall", "piano", "meter", "regwall", "subscriber", "subscription", "premium"}),
    ("newsletter", {"newsletter", "newsletters", "signup", "subscribe", "optin"}),
    ("share", {"share", "sharing", "social", "sharebar", "addthis", "sharethis", "shares", "socials"}),
    ("comments", {"comment", "comments", "disqus", "discussion", "replies", "respond", "coral"}),
    ("ads", {"ad", "ads", "advert", "advertisement", "advertising", "sponsor", "sponsored", "dfp", "gpt", "taboola",
             "outbrain", "promo", "promoted", "adslot", "adunit", "commercial"}),
    ("bios", {"bio", "biography", "author-bio", "authorbio", "contributor", "about-author"}),
    ("byline", {"byline", "author", "authors", "dateline", "timestamp", "date", "time", "meta", "posted", "published",
                "pubdate", "credit", "credits", "kicker", "eyebrow"}),
    ("disclaimer", {"disclaimer", "disclosure", "affiliate", "correction", "note"}),
    ("related", {"related", "recommended", "recommendations", "more", "trending", "popular", "mostread", "most-read",
                 "readnext", "read-next", "teaser", "teasers", "recirc", "recirculation", "also", "latest", "feed",
                 "card", "cards", "carousel", "tags", "tag", "topics"}),
    ("navigation", {"nav", "navigation", "navbar", "menu", "breadcrumb", "breadcrumbs", "header", "footer", "masthead",
                    "sidebar", "topbar", "skip", "search", "toolbar", "site-header", "site-footer", "banner",
                    "subnav", "megamenu", "drawer", "widget", "aside"}),
]
_NAME_SPLIT_RE = re.compile(r"[\s_\-\[\]>.#]+")


def context_words(context: str) -> set[str]:
    words = set()
    for part in context.split(" > "):
        tag, _, names = part.partition("[")
        words.add(tag)
        names = names.rstrip("]").lower()
        words.update(w for w in _NAME_SPLIT_RE.split(names) if w)
        words.update(names.split())  # "author-bio" kept whole as well
    return words


def looks_non_english(text: str) -> bool:
    from wordfreq import zipf_frequency

    words = [w for w in _TOKEN_RE.findall(text.lower()) if not w.isdigit()]
    if len(words) < 2:
        return any(ord(ch) > 0x24f for ch in text if ch.isalpha())
    english = sum(1 for w in words if zipf_frequency(w, "en") >= 2.5)
    return english / len(words) < 0.5


def boilerplate_kind(text: str, context: str) -> str:
    for kind, pattern in TEXT_KINDS:
        if pattern.search(text):
            return kind
    if looks_non_english(text):
        return "non-English furniture"
    names = context_words(context)
    for kind, words in CONTEXT_KINDS:
        if names & words:
            return kind
    words = text.split()
    in_link = "a" in names or "h2" in names or "h3" in names or "h4" in names
    if in_link and 3 <= len(words) <= 25 and not text.rstrip().endswith((".", ":")):
        return "teaser headlines"
    return "other"


# -- loading the data sets ---------------------------------------------------------

def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def load_scrapinghub(repo: Path) -> list[Page]:
    """Pages from a bare mirror (read with git) or from an unpacked checkout."""
    if (repo / "ground-truth.json").is_file():
        truth = json.loads((repo / "ground-truth.json").read_text(encoding="utf-8"))
        read = lambda name: (repo / name).read_bytes()  # noqa: E731
    else:
        truth = json.loads(_git(repo, "show", "HEAD:ground-truth.json"))
        read = lambda name: _git(repo, "show", f"HEAD:{name}")  # noqa: E731
    pages = []
    for page_id in sorted(truth):
        data = read(f"html/{page_id}.html.gz")
        pages.append(Page(page_id, truth[page_id].get("url", ""), decode_html(gzip.decompress(data)),
                          truth[page_id]["articleBody"]))
    return pages


# Paragraph, heading and list-item markers, some of them malformed ("<pI", "{p}").
_CLEANEVAL_MARK_RE = re.compile(r"^[ \t]*(?:<[phl]>?|\{[phl]\})[ \t]*", re.M)


def load_cleaneval(folder: Path) -> list[Page]:
    pages = []
    html_dir, gold_dir = (folder / "orig", folder / "clean") if (folder / "orig").is_dir() else (folder / "input", folder / "gold")
    for gold in sorted(gold_dir.glob("*.txt"), key=lambda p: (len(p.stem), p.stem)):
        source = html_dir / (gold.stem + ".html")
        if not source.is_file():
            continue
        text = gold.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"\AURL:.*\n", "", text)  # the gold files start with the page's address
        # Each marker starts a paragraph; the lines of a paragraph are hard-wrapped.
        paragraphs = (" ".join(chunk.split()) for chunk in _CLEANEVAL_MARK_RE.split(text))
        text = "\n".join(p for p in paragraphs if p)
        pages.append(Page(gold.stem, "", decode_html(source.read_bytes()), text))
    return pages


# -- step 3: the measure -----------------------------------------------------------

@dataclass
class PageResult:
    page_id: str
    counts: Counter  # ("article"|"boilerplate", "scrape"|"any"|"lines") -> lines
    flagged_article: list[tuple[str, str]]  # (codes, line)
    missed: list[tuple[str, str, str]]  # (kind, line, context)
    kinds: Counter  # kind of every boilerplate line
    missed_kinds: Counter
    rules: Counter  # (label, rule code) -> lines of that label the rule flags


def line_spans(lines: list[DumpedLine]) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for line in lines:
        spans.append((offset, offset + len(line.text)))
        offset += len(line.text) + 1
    return spans


def measure(page: Page, linter, out: Path) -> PageResult:
    dump_page(page)
    text = "\n".join(line.text for line in page.lines) + "\n"
    (out / "dumps").mkdir(parents=True, exist_ok=True)
    (out / "dumps" / f"{page.page_id}.txt").write_text(text, encoding="utf-8")
    truth = GroundTruth(page.body, page.titles)
    findings = linter.lint_text(text, f"{page.page_id}.txt").findings
    spans = line_spans(page.lines)
    # Which findings overlap each line: sort by start, sweep.
    by_line: list[list] = [[] for _ in spans]
    starts = [s for s, _ in spans]
    import bisect

    for finding in findings:
        first = max(0, bisect.bisect_right(starts, finding.start) - 1)
        for i in range(first, len(spans)):
            s, e = spans[i]
            if s >= max(finding.end, finding.start + 1):
                break
            if finding.start < e and max(finding.end, finding.start + 1) > s:
                by_line[i].append(finding)
    counts: Counter = Counter()
    flagged_article, missed = [], []
    kinds, missed_kinds, rules = Counter(), Counter(), Counter()
    records = []
    for i, line in enumerate(page.lines):
        label = truth.label(line.text)
        record = {"line": i + 1, "label": label, "text": line.text, "context": line.context}
        if label in ("article", "boilerplate"):
            scrape = [f for f in by_line[i] if f.family == SCRAPE_FAMILY]
            counts[label, "lines"] += 1
            counts[label, "scrape"] += bool(scrape)
            counts[label, "any"] += bool(by_line[i])
            record["findings"] = sorted({f.code for f in by_line[i]})
            rules.update((label, code) for code in record["findings"])
            if label == "article" and scrape:
                flagged_article.append((",".join(sorted({f.code for f in scrape})), line.text))
            if label == "boilerplate":
                kind = boilerplate_kind(line.text, line.context)
                record["kind"] = kind
                kinds[kind] += 1
                if not scrape:
                    missed_kinds[kind] += 1
                    missed.append((kind, line.text, line.context))
        records.append(record)
    labels = {"id": page.page_id, "url": page.url, "lines": records}
    (out / "dumps" / f"{page.page_id}.labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1), encoding="utf-8")
    return PageResult(page.page_id, counts, flagged_article, missed, kinds, missed_kinds, rules)


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


KIND_ORDER = ["navigation", "share", "comments", "related", "ads", "cookie", "copyright", "byline",
              "non-English furniture", "teaser headlines", "bios", "disclaimer", "paywall", "newsletter", "other"]


def print_splits(results: list[PageResult], markdown: bool) -> None:
    """The scrape-residue figures of the dev pages (where GL601's weights were fitted) and of the held-out ones."""
    by_split: dict[str, Counter] = defaultdict(Counter)
    pages: Counter = Counter()
    for result in results:
        split = split_of(result.page_id)
        by_split[split].update(result.counts)
        pages[split] += 1
    if markdown:
        print("| split (GL601's weights fitted on dev) | pages | boilerplate lines | flagged by scrape-residue "
              "| article lines | flagged by scrape-residue |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for split in ("dev", "held-out"):
        c = by_split[split]
        b, a = c["boilerplate", "lines"], c["article", "lines"]
        if markdown:
            print(f"| {split} | {pages[split]} | {b:,} | {c['boilerplate', 'scrape']:,} ({share(c['boilerplate', 'scrape'], b)}) "
                  f"| {a:,} | {c['article', 'scrape']:,} ({share(c['article', 'scrape'], a)}) |")
        else:
            print(f"{split + ':':<10} {pages[split]} pages; scrape-residue: boilerplate flagged "
                  f"{c['boilerplate', 'scrape']:,}/{b:,} = {share(c['boilerplate', 'scrape'], b)}; "
                  f"article flagged {c['article', 'scrape']:,}/{a:,} = {share(c['article', 'scrape'], a)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", choices=["scrapinghub", "cleaneval"], default="scrapinghub")
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO,
                        help="the benchmark's git mirror or checkout (cleaneval: the folder with input/ and gold/)")
    parser.add_argument("--out", type=Path, default=CACHE)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--show", type=int, default=0, help="print N flagged article lines and N missed boilerplate lines")
    parser.add_argument("--no-pages", action="store_true", help="do not print the figures of every page")
    parser.add_argument("--markdown", action="store_true", help="print the summary as Markdown tables")
    parser.add_argument("--examples", type=int, default=12, help="missed lines per kind written to miss_examples.txt")
    args = parser.parse_args(argv)

    from garblint.linter.api import make_linter

    if not args.repo.exists():
        print(f"{args.repo}: no such folder (see the module's docstring for where to get the data)", file=sys.stderr)
        return 2
    pages = load_cleaneval(args.repo) if args.dataset == "cleaneval" else load_scrapinghub(args.repo)
    if args.limit:
        pages = pages[:args.limit]
    linter = make_linter()
    out = args.out if args.dataset == "scrapinghub" else args.out / args.dataset
    results = [measure(page, linter, out) for page in pages]

    total: Counter = Counter()
    kinds, missed_kinds, rules = Counter(), Counter(), Counter()
    for result in results:
        total.update(result.counts)
        kinds.update(result.kinds)
        missed_kinds.update(result.missed_kinds)
        rules.update(result.rules)
    b, a = total["boilerplate", "lines"], total["article", "lines"]

    per_page = [
        {"id": r.page_id, **{f"{label}_{what}": r.counts[label, what] for label in ("boilerplate", "article")
                             for what in ("lines", "scrape", "any")}}
        for r in results
    ]
    (out / "results.json").write_text(json.dumps(per_page, indent=1), encoding="utf-8")
    if not args.no_pages and not args.markdown:
        print(f"{'page':<16} {'furniture':>9} {'caught':>7} {'article':>7} {'flagged':>7} {'all:caught':>10} {'all:flagged':>11}")
        for r in results:
            c = r.counts
            print(f"{r.page_id[:16]:<16} {c['boilerplate', 'lines']:>9} {share(c['boilerplate', 'scrape'], c['boilerplate', 'lines']):>7} "
                  f"{c['article', 'lines']:>7} {share(c['article', 'scrape'], c['article', 'lines']):>7} "
                  f"{share(c['boilerplate', 'any'], c['boilerplate', 'lines']):>10} {share(c['article', 'any'], c['article', 'lines']):>11}")
    pages_with_fp = sum(1 for r in results if r.counts["article", "scrape"])
    pages_caught = sum(1 for r in results if r.counts["boilerplate", "scrape"])
    if args.markdown:
        print("| lines | count | flagged by scrape-residue | flagged by any family |")
        print("| --- | ---: | ---: | ---: |")
        print(f"| boilerplate | {b:,} | {total['boilerplate', 'scrape']:,} ({share(total['boilerplate', 'scrape'], b)}) "
              f"| {total['boilerplate', 'any']:,} ({share(total['boilerplate', 'any'], b)}) |")
        print(f"| article body | {a:,} | {total['article', 'scrape']:,} ({share(total['article', 'scrape'], a)}) "
              f"| {total['article', 'any']:,} ({share(total['article', 'any'], a)}) |")
        print()
        print_splits(results, markdown=True)
        print()
        print("| kind of boilerplate line | lines | missed by scrape-residue |")
        print("| --- | ---: | ---: |")
        for kind in KIND_ORDER:
            if kinds[kind]:
                print(f"| {kind} | {kinds[kind]:,} | {missed_kinds[kind]:,} ({share(missed_kinds[kind], kinds[kind])}) |")
    else:
        print(f"{len(results)} pages; {b:,} boilerplate lines, {a:,} article lines "
              f"(dumps and labels in {out / 'dumps'})")
        print(f"scrape-residue: boilerplate flagged {total['boilerplate', 'scrape']:,}/{b:,} = {share(total['boilerplate', 'scrape'], b)}; "
              f"article flagged {total['article', 'scrape']:,}/{a:,} = {share(total['article', 'scrape'], a)}")
        print(f"all families:   boilerplate flagged {total['boilerplate', 'any']:,}/{b:,} = {share(total['boilerplate', 'any'], b)}; "
              f"article flagged {total['article', 'any']:,}/{a:,} = {share(total['article', 'any'], a)}")
        print(f"pages with some furniture caught: {pages_caught}/{len(results)}; pages with an article line flagged "
              f"by scrape-residue: {pages_with_fp}/{len(results)}")
        macro = [r.counts["boilerplate", "scrape"] / r.counts["boilerplate", "lines"] for r in results if r.counts["boilerplate", "lines"]]
        macro_fp = [r.counts["article", "scrape"] / r.counts["article", "lines"] for r in results if r.counts["article", "lines"]]
        print(f"mean of per-page shares (scrape-residue): boilerplate {100 * sum(macro) / max(len(macro), 1):.1f}%, "
              f"article {100 * sum(macro_fp) / max(len(macro_fp), 1):.2f}%")
        print("lines flagged, by rule: " + ", ".join(
            f"{code} {rules['boilerplate', code]} boilerplate / {rules['article', code]} article"
            for code in sorted({code for _, code in rules})))
        print_splits(results, markdown=False)
        print("missed boilerplate lines by kind (of all boilerplate lines of that kind):")
        for kind in KIND_ORDER:
            if kinds[kind]:
                print(f"  {kind:<22} {missed_kinds[kind]:>6,} of {kinds[kind]:>6,}")

    rng = random.Random(0)
    everything_missed = [(r.page_id, kind, text, context) for r in results for kind, text, context in r.missed]
    by_kind: dict[str, list] = defaultdict(list)
    for item in everything_missed:
        by_kind[item[1]].append(item)
    with open(out / "miss_examples.txt", "w", encoding="utf-8") as handle:
        for kind in KIND_ORDER:
            items = by_kind.get(kind, [])
            if not items:
                continue
            handle.write(f"== {kind}: {len(items)} missed lines\n")
            for page_id, _, text, context in rng.sample(items, min(args.examples, len(items))):
                handle.write(f"{page_id[:12]}  {text[:160]}\n    in: {context[-160:]}\n")
            handle.write("\n")
    if args.show:
        print("\nflagged article lines:")
        flagged = [(r.page_id, codes, text) for r in results for codes, text in r.flagged_article]
        for page_id, codes, text in flagged[:args.show]:
            print(f"  {page_id[:12]} {codes}: {text[:160]}")
        print("\nmissed boilerplate lines (a random sample):")
        for page_id, kind, text, _ in rng.sample(everything_missed, min(args.show, len(everything_missed))):
            print(f"  {page_id[:12]} [{kind}] {text[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
