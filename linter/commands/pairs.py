"""Corpus mode: find the documents that are rewrites of one another.

Spinners are built to break word shingles by swapping synonyms, so every
document is fingerprinted twice: by its word 3-shingles, and by the 4-shingles
of its *skeleton*, the words spinners leave alone (function words, names,
numbers) with every other word reduced to a placeholder. MinHash signatures of
both go into one LSH index (datasketch); candidate pairs are then checked by
sentence alignment, and the pairs that hold are compared with the drift rules.
Time and memory grow linearly with the number of documents.
"""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from garblint.linter.language.align import STOPWORDS, align
from garblint.linter.engine.findings import Finding

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
NUM_PERM = 128


def shingles(text: str) -> set[bytes]:
    words = _WORD_RE.findall(text)
    lower = [w.lower() for w in words]
    features: set[bytes] = set()
    for i in range(len(lower) - 2):
        features.add(("w " + " ".join(lower[i:i + 3])).encode("utf-8"))
    skeleton = [
        w.lower() if (w.lower() in STOPWORDS or w[:1].isupper() or w[:1].isdigit()) else "_"
        for w in words
    ]
    for i in range(len(skeleton) - 3):
        gram = skeleton[i:i + 4]
        if gram.count("_") <= 2:
            features.add(("s " + " ".join(gram)).encode("utf-8"))
    return features


@dataclass
class DocumentPairReport:
    a: str
    b: str
    similarity: float
    original: str | None = None
    basis: str = "direction unknown"
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "a": self.a, "b": self.b, "similarity": round(self.similarity, 3),
            "original": self.original, "rewrite": (self.b if self.original == self.a else self.a) if self.original else None,
            "basis": self.basis, "findings": [f.to_dict() for f in self.findings],
        }


def signatures(paths: list[str]) -> list[tuple[str, object]]:
    """A MinHash signature per file (run locally, or on a Dask worker per partition)."""
    from datasketch import LeanMinHash, MinHash

    from garblint.linter.engine.runner import read_source

    result = []
    for path in paths:
        features = shingles(read_source(path))
        if features:
            signature = MinHash(num_perm=NUM_PERM)
            signature.update_batch(list(features))
            result.append((path, LeanMinHash(signature)))  # compact and picklable
    return result


def candidate_pairs(paths: list[str], threshold: float = 0.3, engine: str = "local", scheduler: str | None = None,
                    partition_size: int = 500) -> list[tuple[str, str]]:
    """Pairs of paths whose MinHash signatures collide in the LSH index.

    With ``engine="dask"`` the signatures are computed partition by partition on
    the cluster (the files must be visible to the workers); the index is built here.
    """
    from datasketch import MinHashLSH

    partitions = [paths[i:i + partition_size] for i in range(0, len(paths), partition_size)]
    if engine == "dask":
        from garblint.linter.commands.cluster import dask_client

        with dask_client(scheduler) as client:
            futures = client.map(signatures, partitions, pure=False)
            computed = [item for part in client.gather(futures) for item in part]
    else:
        computed = [item for part in partitions for item in signatures(part)]
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    by_path = dict(computed)
    # LSH bands let through pairs well under the threshold; documents that share a
    # sentence or two are common in a large corpus, and each costs a parse and an
    # alignment. The signatures' own estimate of the similarity drops them first.
    floor = threshold * 2 / 3
    found: set[tuple[str, str]] = set()
    for path, signature in computed:
        for other in lsh.query(signature):
            if signature.jaccard(by_path[other]) >= floor:
                found.add(tuple(sorted((other, path))))
        lsh.insert(path, signature)
    return sorted(found)


def aligned_share(original, rewrite) -> float:
    """Share of the shorter document's sentences that align with the other."""
    if not original.sentences or not rewrite.sentences:
        return 0.0
    a = {p.rewrite[0] for p in align(original, rewrite, threshold=0.35)}
    b = {p.rewrite[0] for p in align(rewrite, original, threshold=0.35)}
    return max(len(a) / len(rewrite.sentences), len(b) / len(original.sentences))


def find_pairs(linter, files: list[str], original_glob: str | None = None, min_similarity: float = 0.5,
               lsh_threshold: float = 0.3, engine: str = "local", scheduler: str | None = None) -> list[DocumentPairReport]:
    from garblint.linter.commands.compare import compare_documents
    from garblint.linter.engine.plugins import selected_rules
    from garblint.linter.engine.runner import InputError, read_source

    if not 0 <= min_similarity <= 1:  # also refuses nan, which every comparison would let through
        raise InputError(f"the minimum similarity (--min-similarity) must be between 0 and 1, not {min_similarity}")
    pair_rules = selected_rules(linter.rule_classes, linter.config, scope="pair")
    reports = []
    for a, b in candidate_pairs(files, lsh_threshold, engine, scheduler):
        doc_a, doc_b = linter.parse(read_source(a), a), linter.parse(read_source(b), b)
        score = aligned_share(doc_a, doc_b)
        if score < min_similarity:
            continue
        report = DocumentPairReport(a, b, score)
        report.original, report.basis = _which_is_original(a, b, original_glob)
        if report.original:
            original, rewrite = (doc_a, doc_b) if report.original == a else (doc_b, doc_a)
            report.findings = linter.filter(rewrite, compare_documents(original, rewrite, pair_rules))
        else:
            # No guess: each document is compared with the other ("A vs B").
            report.findings = (linter.filter(doc_b, compare_documents(doc_a, doc_b, pair_rules))
                               + linter.filter(doc_a, compare_documents(doc_b, doc_a, pair_rules)))
        reports.append(report)
    reports.sort(key=lambda r: (-r.similarity, r.a, r.b))
    return reports


def _which_is_original(a: str, b: str, original_glob: str | None) -> tuple[str | None, str]:
    if original_glob:
        match_a = fnmatch.fnmatch(a, original_glob) or fnmatch.fnmatch(Path(a).name, original_glob)
        match_b = fnmatch.fnmatch(b, original_glob) or fnmatch.fnmatch(Path(b).name, original_glob)
        if match_a != match_b:
            return (a if match_a else b), "--original-glob"
    try:
        mtime_a, mtime_b = os.stat(a).st_mtime, os.stat(b).st_mtime
    except OSError:
        return None, "direction unknown: each compared with the other"
    if abs(mtime_a - mtime_b) >= 60:
        return (a if mtime_a < mtime_b else b), "older file"
    return None, "direction unknown: each compared with the other"


# -- the command ---------------------------------------------------------------

def command(args) -> int:
    """``garblint pairs``."""
    import sys

    from garblint.linter.engine.findings import severity_rank
    from garblint.linter.commands.session import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error, load_effective_config, run_options, open_output, refuse_overwriting_inputs
    import json

    from garblint.linter.engine.runner import Linter, collect_files

    config = load_effective_config(args)
    linter = Linter(config, run_options(args))
    files, errors = collect_files(args.paths, config)
    for message in errors:
        error(message)
    if errors and not files:
        return EXIT_ERROR
    refuse_overwriting_inputs(args, files)
    reports = find_pairs(linter, files, args.original_glob, args.min_similarity, engine=args.engine, scheduler=args.scheduler)
    stream = open_output(args, files)
    if args.format == "json":
        json.dump({"pairs": [r.to_dict() for r in reports], "documents": len(files)}, stream, indent=1, ensure_ascii=False)
        stream.write("\n")
    else:
        for report in reports:
            if report.original:
                rewrite = report.b if report.original == report.a else report.a
                stream.write(f"{report.original} -> {rewrite}: similarity {report.similarity:.2f} (original by {report.basis})\n")
            else:
                stream.write(f"{report.a} vs {report.b}: similarity {report.similarity:.2f} ({report.basis})\n")
            for f in report.findings:
                stream.write(f"  {f.path}:{f.line}:{f.column}: {f.code} {f.severity} {f.message}\n")
        stream.write(f"{len(reports)} rewrite pair{'s' if len(reports) != 1 else ''} among {len(files)} documents.\n")
    if stream is not sys.stdout:
        stream.close()
    if errors:
        return EXIT_ERROR
    if config.fail_on == "never":
        return EXIT_CLEAN
    threshold = severity_rank(config.fail_on)
    failing = any(severity_rank(f.severity) >= threshold for r in reports for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN
