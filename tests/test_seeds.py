"""The main job on the seed documents: every core artifact found, the original clean."""
from pathlib import Path

import pytest

from garblint.linter.engine.config import load_config
from garblint.linter.commands.evaluate import evaluate
from garblint.linter.engine.runner import Linter

ROOT = Path(__file__).resolve().parent.parent


def test_every_core_entry_is_found_with_few_unmatched_findings():
    linter = Linter(load_config(use_project_config=False))
    result = evaluate(str(ROOT / "seeds" / "expected.yaml"), None, linter)
    core = [e for e in result.entries if e.tier == "core"]
    missed = [(e.doc, e.quote) for e in core if not e.found]
    assert missed == []
    assert len(result.unmatched) <= 3, [(f.path, f.code, f.message) for f in result.unmatched]


def test_the_original_article_has_only_its_footer_flagged():
    linter = Linter(load_config(use_project_config=False))
    path = next((ROOT / "seeds").glob("001_*.txt"))
    findings = linter.lint_path(str(path)).findings
    assert [f.family for f in findings] == ["scrape-residue"]


# Gold sets of news-style documents written apart from the seeds (probe2 also apart
# from the rules); the documents they do not name are clean.
@pytest.mark.parametrize("folder, at_least", [("probe", 46), ("probe2", 34)])
def test_probe_set_recall_and_clean_documents(folder, at_least):
    linter = Linter(load_config(use_project_config=False))
    result = evaluate(str(ROOT / "benchmarks" / folder / "expected.yaml"), None, linter)
    found = sum(1 for e in result.entries if e.found)
    assert found >= at_least, [(e.doc, e.quote) for e in result.entries if not e.found]
    assert result.unmatched == [], [(f.path, f.code, f.message) for f in result.unmatched]
