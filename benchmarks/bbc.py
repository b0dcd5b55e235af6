#!/usr/bin/env python3
"""Build a corpus of clean news English from the BBC News dataset.

The dataset: 2,225 articles from the BBC News website, 2004-2005, in five
categories (business, entertainment, politics, sport, tech), published by
D. Greene and P. Cunningham with "Practical Solutions to the Problem of
Diagonal Dominance in Kernel Document Clustering", Proc. ICML 2006
(http://mlg.ucd.ie/datasets/bbc.html, the "bbc-fulltext" archive). All rights
in the articles' content are the BBC's; the dataset is distributed for
research use. It is never committed here: this script reads it from a local
git mirror of a public GitHub repository that holds an unmodified copy of the
archive's ``bbc/`` folder (README.TXT included):

    github:dejanbatanjac/bbc-article-classify-bert  (commit 8265dc84e88b)

and writes one UTF-8 .txt per article, ``<category>-<number>.txt``, with
the article's own layout (title line, blank line, paragraphs separated by
blank lines). One article (sport/199) is stored in Latin-1; it is decoded as
such.

    python benchmarks/bbc.py                        # -> .cache/bbc/txt/*.txt
    python benchmarks/bbc.py --mirror /path/to/repo --out DIR
    python benchmarks/fp_rate.py --dir .cache/bbc/txt   # false positives on it

Other scripts import ``ensure_corpus``.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / ".cache" / "bbc" / "txt"
DEFAULT_MIRROR = Path("/work/.mirror/dejanbatanjac+bbc-article-classify-bert/repo")
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
EXPECTED_ARTICLES = 2225


def _git(mirror: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(mirror), *args], check=True, capture_output=True).stdout


def article_paths(mirror: Path) -> list[str]:
    names = _git(mirror, "ls-tree", "-r", "--name-only", "HEAD", "bbc/").decode().split("\n")
    return sorted(n for n in names if n.count("/") == 2 and n.split("/")[1] in CATEGORIES and n.endswith(".txt"))


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def build(out: Path = DEFAULT_OUT, mirror: Path = DEFAULT_MIRROR) -> list[Path]:
    if not (mirror / "HEAD").exists() and not (mirror / ".git").exists():
        raise SystemExit(f"bbc.py: no git mirror at {mirror} (fetch github:dejanbatanjac/bbc-article-classify-bert)")
    paths = article_paths(mirror)
    if len(paths) != EXPECTED_ARTICLES:
        raise SystemExit(f"bbc.py: {mirror} holds {len(paths)} articles, expected {EXPECTED_ARTICLES}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in paths:
        _, category, filename = name.split("/")
        target = out / f"{category}-{filename}"
        if not target.exists():
            text = decode(_git(mirror, "show", f"HEAD:{name}")).replace("\r\n", "\n")
            target.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
        written.append(target)
    return written


def ensure_corpus(out: Path = DEFAULT_OUT, mirror: Path = DEFAULT_MIRROR) -> Path:
    """The folder of plain-text articles, built on first use."""
    if len(list(out.glob("*.txt"))) < EXPECTED_ARTICLES:
        build(out, mirror)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="git directory of the mirrored repository")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    files = build(args.out, args.mirror)
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    print(f"{len(files)} articles, {words} words in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
