#!/usr/bin/env python3
"""Fit the weights of GL601's line classifier (rules/_boilerplate.py).

Data: the scrapinghub article-extraction benchmark (MIT licence), dumped and
labelled line by line exactly as benchmarks/boilerplate.py does it. Pages are
split by a hash of their id (``benchmarks.boilerplate.split_of``): the model is
fitted, and its threshold chosen, on the dev pages only; the figures of the
held-out pages are printed beside those of the dev pages.

    python tools/train_boilerplate.py            # fit, write rules/data/boilerplate_weights.json, print figures
    python tools/train_boilerplate.py --dry-run  # fit and print, write nothing

The model is a logistic regression (Newton's method with an L2 penalty, numpy
only) over the line features of ``garblint.rules._boilerplate.FEATURES``. Article lines
weigh ``--article-weight`` times a boilerplate line in the fit, since a line
of article flagged costs more than a line of furniture missed. The threshold
is the lowest one at which the whole classifier (with its context rules)
flags at most ``--max-article`` of the dev article lines.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.boilerplate import DEFAULT_REPO, GroundTruth, dump_page, load_scrapinghub, split_of  # noqa: E402
from garblint.rules import _boilerplate as bp# noqa: E402

OUT = ROOT / "rules" / "data" / bp.WEIGHTS_FILE


def page_lines(page):
    """(prose, [(Line, label)]) of one page, labelled as the benchmark labels its lines."""
    from garblint.linter.engine.document import Document

    dump_page(page)
    text = "\n".join(line.text for line in page.lines) + "\n"
    prose = Document(text).prose
    truth = GroundTruth(page.body, page.titles)
    starts, offset = {}, 0
    for dumped in page.lines:
        starts[offset] = truth.label(dumped.text)
        offset += len(dumped.text) + 1
    return prose, starts


def load_pages(repo: Path) -> dict:
    """Every page's featured lines and labels by split, kept in .cache while the feature code is unchanged."""
    import hashlib
    import pickle

    source = b"".join(path.read_bytes() for path in (ROOT / "rules" / "_boilerplate.py", ROOT / "rules" / "scrape_residue.yaml",
                                                     ROOT / "benchmarks" / "boilerplate.py"))
    stored = ROOT / ".cache" / "boilerplate" / f"train-{hashlib.blake2b(source, digest_size=8).hexdigest()}.pickle"
    if stored.is_file():
        return pickle.loads(stored.read_bytes())
    pages = {"dev": [], "held-out": []}
    cache: dict = {}
    for page in load_scrapinghub(repo):
        prose, labels = page_lines(page)
        pages[split_of(page.page_id)].append((page.page_id, bp.line_features(prose, cache), labels))
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(pickle.dumps(pages))
    return pages


def fit(x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray, l2: float, iterations: int = 40) -> np.ndarray:
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (sample_weight * (p - y)) + penalty * w
        hessian = (x * (sample_weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def evaluate(pages, threshold: float, model: dict, show: list | None = None, evidence: float | None = None) -> dict:
    """Lines of furniture and of article flagged by the whole classifier at ``threshold``."""
    counts = {"boilerplate": 0, "article": 0, "boilerplate flagged": 0, "article flagged": 0}
    for page_id, lines, labels in pages:
        bp.decide(lines, threshold, evidence_threshold=threshold if evidence is None else evidence)
        for line in lines:
            label = labels.get(line.start)
            if label in ("article", "boilerplate"):
                counts[label] += 1
                counts[f"{label} flagged"] += line.furniture
                if show is not None and label == "article" and line.furniture:
                    show.append((page_id[:8], line.decided_by, round(line.score, 2), line.text[:100]))
    return counts


def share(part, whole) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    parser.add_argument("--article-weight", type=float, default=4.0)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--max-article", type=float, default=0.006, help="share of dev article lines the threshold allows")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print N flagged dev article lines")
    args = parser.parse_args(argv)

    pages = load_pages(args.repo)

    def matrix(items, names, attribute):
        x, y, weight = [], [], []
        for page_id, lines, labels in items:
            for line in lines:
                label = labels.get(line.start)
                if label in ("article", "boilerplate") and bp.trainable(line):
                    values = getattr(line, attribute)
                    x.append([values[name] for name in names])
                    y.append(float(label == "boilerplate"))
                    weight.append(1.0 if label == "boilerplate" else args.article_weight)
        return np.array(x), np.array(y), np.array(weight)

    def as_dict(names, w):
        return {name: round(float(value), 4) for name, value in zip(names, w)}

    # Stage 1 on all dev pages; stage 2 on first-stage scores made out of fold, so it
    # learns how far to trust scores of pages the first stage has not seen.
    dev = pages["dev"]
    w1 = as_dict(bp.FEATURES, fit(*matrix(dev, bp.FEATURES, "features"), args.l2))
    folds = 3
    for fold in range(folds):
        train = [p for k, p in enumerate(dev) if k % folds != fold]
        w_fold = as_dict(bp.FEATURES, fit(*matrix(train, bp.FEATURES, "features"), args.l2))
        for k, (_, lines, _) in enumerate(dev):
            if k % folds == fold:
                for line in lines:
                    line.first_score = bp.first_score(line, {"weights": w_fold})
                bp.context_features(lines)
    w2 = as_dict(bp.CONTEXT_FEATURES, fit(*matrix(dev, bp.CONTEXT_FEATURES, "context"), args.l2))
    model = {
        "about": "Weights of GL601's line classifier (rules/_boilerplate.py), fitted by tools/train_boilerplate.py "
                 "on the dev split of the scrapinghub article-extraction benchmark (MIT licence).",
        "weights": w1,
        "context_weights": w2,
        "threshold": 0.5,
    }
    for split in pages:
        for _, lines, _ in pages[split]:
            bp.score_lines(lines, model)
    bp.weights.cache_clear()
    original = bp.weights
    bp.weights = lambda: model  # evaluate the fitted model before it is written
    try:
        best = None
        for threshold in [t / 100 for t in range(30, 100)]:
            counts = evaluate(pages["dev"], threshold, model)
            if counts["article flagged"] <= args.max_article * counts["article"]:
                best = threshold
                break
        model["threshold"] = best if best is not None else 0.99
        # Lines whose words are furniture may pass a lower threshold: the lowest that keeps the bound.
        model["evidence_threshold"] = model["threshold"]
        for evidence in [t / 100 for t in range(5, int(model["threshold"] * 100))]:
            counts = evaluate(pages["dev"], model["threshold"], model, evidence=evidence)
            if counts["article flagged"] <= args.max_article * counts["article"]:
                model["evidence_threshold"] = evidence
                break
        shown: list = []
        figures = {split: evaluate(pages[split], model["threshold"], model, shown if split == "dev" else None,
                                   model["evidence_threshold"]) for split in pages}
    finally:
        bp.weights = original
    print(f"pages: dev {len(pages['dev'])}, held-out {len(pages['held-out'])}; threshold {model['threshold']}, "
          f"with furniture words {model['evidence_threshold']}")
    print("| split | boilerplate lines | flagged | article lines | flagged |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for split, c in figures.items():
        print(f"| {split} | {c['boilerplate']:,} | {share(c['boilerplate flagged'], c['boilerplate'])} "
              f"| {c['article']:,} | {share(c['article flagged'], c['article'])} |")
    for key in ("weights", "context_weights"):
        print(f"{key}: " + ", ".join(f"{k} {v:+.2f}" for k, v in sorted(model[key].items(), key=lambda kv: -abs(kv[1]))))
    for item in shown[:args.show]:
        print("  dev article flagged:", *item)
    if not args.dry_run:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
