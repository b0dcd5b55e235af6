#!/usr/bin/env python3
"""garblint on real Markdown: README and documentation files of public projects.

    python benchmarks/markdown_corpus.py                # extract, lint, report
    python benchmarks/markdown_corpus.py --show 10      # with examples of each problem
    python benchmarks/markdown_corpus.py --per-repo 50 --mirrors DIR

The files come from git mirrors of permissively licensed repositories (see
``SOURCES``; the mirrors are bare git folders named ``owner+name/repo`` under
``--mirrors``). Up to ``--per-repo`` Markdown files of each are extracted into
``.cache/markdown/<owner+name>/<path>``, with ``manifest.json`` recording
each file's repository, path, commit and licence.

Reported:

- warnings and errors per 10,000 words, by rule;
- every finding whose span overlaps code or markup: fenced and indented code
  blocks, inline code spans, HTML (blocks, tags, comments), link and image
  targets, reference definitions, autolinks and bare URLs, YAML front matter.
  These regions are found independently of garblint's Markdown parser
  (``markup_regions``: markdown-it-py's block tokens plus a scan of each
  inline block for backtick spans, tags and link targets), so a bug there
  shows up here;
- every fix ``--fix`` would apply (``garblint.linter.engine.fixes.apply_fixes`` on the
  findings of fixable rules) that changes a character inside those regions,
  checked twice: by the fix's span, and by comparing the text of every code
  span and block before and after the fixes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_MIRRORS = Path("/work/.mirror")
CACHE = ROOT / ".cache" / "markdown"


@dataclass(frozen=True)
class Source:
    repo: str
    licence: str  # SPDX expression
    pattern: str  # the paths to take, a regular expression


SOURCES = [
    Source("rust-lang/rfcs", "MIT OR Apache-2.0", r"^text/[^/]+\.md$"),
    Source("golang/proposal", "BSD-3-Clause", r"^design/.+\.md$"),
    Source("ohmyzsh/ohmyzsh", "MIT", r"^(?:plugins|themes)/[^/]+/README\.md$"),
    Source("Homebrew/brew", "BSD-2-Clause", r"^docs/.+\.md$"),
]


# -- code and markup, found without garblint's parser ------------------------------

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_REFERENCE_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_BACKTICKS_RE = re.compile(r"`+")
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK_RE = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>")
_BARE_URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?\"')\]]")
_REFERENCE_LABEL_RE = re.compile(r"\]\[[^\]\n]*\]")  # the "[label]" of a full reference link "[text][label]"
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Emphasis delimiters: a run of * or _ that opens before or closes after a non-space.
_EMPHASIS_RE = re.compile(r"(?<![\w*\\])\*{1,3}(?=[^\s*])|(?<=[^\s*\\])\*{1,3}(?![\w*])|(?<![\w_\\])_{1,3}(?=[^\s_])|(?<=[^\s_\\])_{1,3}(?!\w|_)")


def _code_spans(segment: str) -> list[tuple[int, int]]:
    """Inline code spans of one block, by the CommonMark rule: a run of N backticks up to the next run of exactly N."""
    spans = []
    runs = list(_BACKTICKS_RE.finditer(segment))
    i = 0
    while i < len(runs):
        start, length = runs[i].start(), len(runs[i].group())
        backslashes = len(segment[:start]) - len(segment[:start].rstrip("\\"))
        if backslashes % 2:  # an escaped backtick cannot open a span; the rest of the run can
            start, length = start + 1, length - 1
            if not length:
                i += 1
                continue
        closer = next((j for j in range(i + 1, len(runs)) if len(runs[j].group()) == length), None)
        if closer is None:
            i += 1
            continue
        spans.append((start, runs[closer].end()))
        i = closer + 1
    return spans


def _link_targets(segment: str, skip) -> list[tuple[int, int]]:
    """The ``(destination "title")`` part of inline links and images."""
    spans = []
    for match in re.finditer(r"\]\(", segment):
        start = match.end() - 1
        if skip(start):
            continue
        depth, i = 0, start
        while i < len(segment):
            ch = segment[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    spans.append((start, i + 1))
                    break
            elif ch == "\n" and segment[i + 1:i + 2] == "\n":
                break
            i += 1
    return spans


def markup_regions(text: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` that are code or markup, not prose: (start, end, kind)."""
    from markdown_it import MarkdownIt

    line_starts = [0] + [m.end() for m in re.finditer("\n", text)] + [len(text)]

    def lines(first: int, last: int) -> tuple[int, int]:
        return line_starts[min(first, len(line_starts) - 1)], line_starts[min(last, len(line_starts) - 1)]

    regions: list[tuple[int, int, str]] = []
    offset_lines = 0
    front = _FRONT_MATTER_RE.match(text)
    if front:
        regions.append((0, front.end(), "front-matter"))
        offset_lines = text.count("\n", 0, front.end())
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = md.parse(text[front.end():] if front else text)
    inline_ranges = set()
    for token in tokens:
        if token.map is None:
            continue
        first, last = token.map[0] + offset_lines, token.map[1] + offset_lines
        if token.type in ("fence", "code_block"):
            regions.append((*lines(first, last), "code-block"))
        elif token.type == "html_block":
            regions.append((*lines(first, last), "html"))
        elif token.type == "inline":
            inline_ranges.add(lines(first, last))
    blocks = [(s, e) for s, e, kind in regions if kind in ("code-block", "html", "front-matter")]

    def in_block(position: int) -> bool:
        return any(s <= position < e for s, e in blocks)

    for match in _REFERENCE_DEFINITION_RE.finditer(text):
        if not in_block(match.start()):
            regions.append((match.start(), match.end(), "link-target"))
    for start, end in sorted(inline_ranges):
        segment = text[start:end]
        code = _code_spans(segment)
        regions.extend((start + s, start + e, "inline-code") for s, e in code)

        def in_code(position: int) -> bool:
            return any(s <= position < e for s, e in code)

        for pattern, kind in ((_HTML_COMMENT_RE, "html"), (_HTML_TAG_RE, "html"), (_ENTITY_RE, "html"),
                              (_AUTOLINK_RE, "link-target"), (_BARE_URL_RE, "link-target"),
                              (_REFERENCE_LABEL_RE, "link-target"), (_EMPHASIS_RE, "emphasis")):
            for match in pattern.finditer(segment):
                if not in_code(match.start()):
                    regions.append((start + match.start(), start + match.end(), kind))
        regions.extend((start + s, start + e, "link-target") for s, e in _link_targets(segment, in_code))
    return sorted(set(regions))


# What must never be flagged or changed; emphasis delimiters are reported apart.
CODE_KINDS = ("code-block", "inline-code", "html", "link-target", "front-matter")


def overlapping(start: int, end: int, regions: list[tuple[int, int, str]], kinds=CODE_KINDS) -> list[tuple[int, int, str]]:
    """The regions that a span touches; an empty span (an insertion) touches a region it falls strictly inside."""
    if start == end:
        return [r for r in regions if r[0] < start < r[1] and r[2] in kinds]
    return [r for r in regions if start < r[1] and end > r[0] and r[2] in kinds]


def beside(text: str, start: int, end: int, regions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Regions that a span does not overlap but touches across spaces: findings caused by what was masked next to them."""
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    return [r for r in regions if r[2] in CODE_KINDS and (r[1] == start or r[0] == end)]


def region_texts(text: str) -> list[str]:
    """The text of every code block, inline code span and link target, in order: what a fix must not change."""
    return [text[s:e] for s, e, kind in markup_regions(text) if kind in CODE_KINDS]


# -- extraction ---------------------------------------------------------------------

def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def extract(mirrors: Path, out: Path, per_repo: int, max_bytes: int) -> list[dict]:
    manifest = []
    for source in SOURCES:
        mirror = mirrors / source.repo.replace("/", "+") / "repo"
        if not mirror.is_dir():
            print(f"skipping {source.repo}: no mirror at {mirror}", file=sys.stderr)
            continue
        commit = _git(mirror, "rev-parse", "HEAD").decode().strip()
        listing = _git(mirror, "ls-tree", "-r", "-l", "HEAD").decode("utf-8", "replace").splitlines()
        candidates = []
        for line in listing:
            meta, _, path = line.partition("\t")
            size = meta.split()[3]
            if re.search(source.pattern, path) and size.isdigit() and 200 <= int(size) <= max_bytes:
                candidates.append(path)
        # A fixed sample, spread over the repository rather than its first folders.
        candidates.sort(key=lambda p: hashlib.sha1(p.encode()).hexdigest())
        for path in sorted(candidates[:per_repo]):
            target = out / source.repo.replace("/", "+") / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_git(mirror, "show", f"{commit}:{path}"))
            manifest.append({"repo": source.repo, "path": path, "commit": commit, "licence": source.licence,
                             "file": str(target.relative_to(out))})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


# -- the measure --------------------------------------------------------------------

def fixes_applied(findings, fixable: set[str], text: str) -> list:
    """The findings ``apply_fixes`` would apply, in its order (left to right, none overlapping an earlier one)."""
    applied, position = [], 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.code not in fixable or not finding.suggestions or finding.start < position:
            continue
        if text[finding.start:finding.end] == finding.suggestions[0]:
            continue
        applied.append(finding)
        position = finding.end
    return applied


def context(text: str, start: int, end: int, width: int = 50) -> str:
    before = text[max(0, start - width):start].replace("\n", "⏎")
    after = text[end:end + width].replace("\n", "⏎")
    return f"...{before}[{text[start:end]}]{after}...".replace("\n", "⏎")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS)
    parser.add_argument("--out", type=Path, default=CACHE)
    parser.add_argument("--per-repo", type=int, default=100)
    parser.add_argument("--max-bytes", type=int, default=60_000, help="skip files larger than this")
    parser.add_argument("--dir", type=Path, help="lint the .md files of this folder instead of extracting")
    parser.add_argument("--show", type=int, default=0, help="examples of each kind of problem")
    args = parser.parse_args(argv)

    from garblint.linter.api import make_linter
    from garblint.linter.engine.fixes import apply_fixes

    if args.dir:
        files = [{"file": str(p.relative_to(args.dir)), "repo": "-", "path": str(p)} for p in sorted(args.dir.rglob("*.md"))]
        base = args.dir
    else:
        files = extract(args.mirrors, args.out, args.per_repo, args.max_bytes)
        base = args.out
    if not files:
        print("no Markdown files to lint", file=sys.stderr)
        return 2
    linter = make_linter()
    fixable = {cls.code for cls in linter.rule_classes if cls.fixable}
    names = {cls.code: cls.name for cls in linter.rule_classes}
    words = 0
    serious_clear = 0  # warnings and errors that touch no code, markup or emphasis
    by_rule: dict[str, Counter] = defaultdict(Counter)
    on_code: list[tuple[str, str, str, str]] = []  # (rule, region kind, file, context)
    on_emphasis: list[tuple[str, str, str, str]] = []
    next_to_code: list[tuple[str, str, str, str]] = []
    fix_on_code: list[tuple[str, str, str, str]] = []
    files_with_changed_code: list[str] = []
    repos = Counter()
    for entry in files:
        path = base / entry["file"]
        text = path.read_text(encoding="utf-8")
        result = linter.lint_text(text, str(path))
        words += result.words
        repos[entry["repo"]] += 1
        regions = markup_regions(text)
        for finding in result.findings:
            by_rule[finding.code][finding.severity] += 1
            touched = overlapping(finding.start, finding.end, regions)
            shown = context(text, finding.start, finding.end)
            if touched:
                on_code.append((finding.code, touched[0][2], entry["file"], shown))
            elif overlapping(finding.start, finding.end, regions, ("emphasis",)):
                on_emphasis.append((finding.code, "emphasis", entry["file"], shown))
            else:
                serious_clear += finding.severity in ("error", "warning")
                if beside(text, finding.start, finding.end, regions):
                    kind = beside(text, finding.start, finding.end, regions)[0][2]
                    next_to_code.append((finding.code, kind, entry["file"], shown))
        for finding in fixes_applied(result.findings, fixable, text):
            touched = overlapping(finding.start, finding.end, regions)
            if touched:
                shown = f"{context(text, finding.start, finding.end)} -> {finding.suggestions[0]!r}"
                fix_on_code.append((finding.code, touched[0][2], entry["file"], shown))
        fixed, count = apply_fixes(text, result.findings, fixable)
        if count and region_texts(fixed) != region_texts(text):
            files_with_changed_code.append(entry["file"])

    per = lambda n: n * 10000 / max(words, 1)  # noqa: E731
    print(f"{len(files)} files ({', '.join(f'{r}: {n}' for r, n in repos.items())}), {words:,} words")
    print(f"{'rule':<7} {'name':<30} {'errors':>7} {'warnings':>8} {'info':>6}  per 10,000 words")
    serious = 0
    for code in sorted(by_rule):
        c = by_rule[code]
        serious += c["error"] + c["warning"]
        print(f"{code:<7} {names.get(code, '?'):<30} {per(c['error']):7.2f} {per(c['warning']):8.2f} {per(c['info']):6.2f}")
    print(f"warnings and errors per 10,000 words: {per(serious):.2f}; "
          f"{per(serious_clear):.2f} without those that touch code, markup or emphasis")
    print(f"\nfindings overlapping code or markup: {len(on_code)} of {sum(sum(c.values()) for c in by_rule.values())}")
    for (code, kind), n in sorted(Counter((c, k) for c, k, _, _ in on_code).items(), key=lambda x: -x[1]):
        print(f"  {code} {names.get(code, '?'):<28} {kind:<12} {n}")
    for title, items in (("overlapping emphasis delimiters (* and _)", on_emphasis),
                         ("right beside code or markup, across spaces only", next_to_code)):
        print(f"findings {title}: {len(items)}")
        for (code, kind), n in sorted(Counter((c, k) for c, k, _, _ in items).items(), key=lambda x: -x[1]):
            print(f"  {code} {names.get(code, '?'):<28} {kind:<12} {n}")
    print(f"\nfixes that would change code or markup: {len(fix_on_code)}; "
          f"files whose code or markup text --fix changes: {len(files_with_changed_code)}")
    for (code, kind), n in sorted(Counter((c, k) for c, k, _, _ in fix_on_code).items(), key=lambda x: -x[1]):
        print(f"  {code} {names.get(code, '?'):<28} {kind:<12} {n}")
    if args.show:
        for title, items in (("findings on code or markup", on_code), ("findings on emphasis", on_emphasis),
                             ("findings beside code or markup", next_to_code), ("fixes on code or markup", fix_on_code)):
            print(f"\n{title}:")
            seen = Counter()
            for code, kind, file, shown in items:
                if seen[code, kind] < args.show:
                    seen[code, kind] += 1
                    print(f"  {code} [{kind}] {file}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
