import json

from tests.conftest import ROOT, run_cli

ORIGINAL = next((ROOT / "seeds").glob("001_*.txt"))
REWRITE = next((ROOT / "seeds").glob("000_*.txt"))


def test_compare_reports_drift_on_the_rewrite():
    result = run_cli("compare", str(ORIGINAL), str(REWRITE), "--format", "json")
    assert result.returncode == 1, result.stderr  # error-level drift
    findings = json.loads(result.stdout)["findings"]
    assert {f["family"] for f in findings} == {"spin-drift"}
    assert all(f["path"] == str(REWRITE) for f in findings)
    text = REWRITE.read_text(encoding="utf-8")
    assert "isolate Iran" in [text[f["start"]:f["end"]] for f in findings]


def test_compare_of_a_text_with_itself_is_clean():
    result = run_cli("compare", str(ORIGINAL), str(ORIGINAL))
    assert result.returncode == 0 and "All clear" in result.stdout


def test_compare_missing_file_is_one_line():
    result = run_cli("compare", str(ORIGINAL), "nope.txt")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "nope.txt" in result.stderr


def test_eval_covers_the_pair_entries():
    result = run_cli("eval", str(ROOT / "seeds" / "expected.yaml"), "--format", "json")
    report = json.loads(result.stdout)["gold"]
    assert report["recall_by_tier"]["pair"] == {"found": 3, "total": 3}
    assert report["recall_by_tier"]["core"]["found"] == report["recall_by_tier"]["core"]["total"]
