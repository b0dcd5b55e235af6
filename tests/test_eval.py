import json

from tests.conftest import run_cli

GOLD = """
- doc: a.txt
  quote: "to to"
  family: repetition
  severity: error
  tier: core
- doc: a.txt
  quote: "sunny"
  family: made-up
  tier: stretch
- doc: b.txt
  clean: true
"""


def make(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The players were able to to go on a sunny day.\n")
    (docs / "b.txt").write_text("The the cat sat on the mat.\n")
    (docs / "c.txt").write_text("A perfectly fine sentence.\n")
    gold = docs / "gold.yaml"
    gold.write_text(GOLD)
    return gold


def test_eval_reports_recall_precision_and_unmatched(tmp_path):
    gold = make(tmp_path)
    result = run_cli("eval", str(gold), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["gold"]
    assert report["recall_by_tier"] == {"core": {"found": 1, "total": 1}, "stretch": {"found": 0, "total": 1}}
    assert report["recall_by_family"]["repetition"] == {"found": 1, "total": 1}
    assert [f["path"].rsplit("/", 1)[-1] for f in report["unmatched"]] == ["b.txt"]
    assert report["false_positives_on_clean_docs"] == 1
    assert report["precision"] == 0.5


def test_eval_text_output_and_clean_rates(tmp_path):
    gold = make(tmp_path)
    text = run_cli("eval", str(gold))
    assert "core         1/1" in text.stdout and "missed [stretch]" in text.stdout
    clean = run_cli("eval", "--clean", str(tmp_path / "docs"), "--format", "json")
    rates = json.loads(clean.stdout)["clean"]
    assert rates["files"] == 3
    assert rates["per_10000_words"]["GL101 doubled-word"]["error"] > 0


def test_eval_rejects_a_quote_that_is_not_in_the_document(tmp_path):
    gold = make(tmp_path)
    gold.write_text("- doc: a.txt\n  quote: nowhere to be seen\n")
    result = run_cli("eval", str(gold))
    assert result.returncode == 2 and "quote not found" in result.stderr
