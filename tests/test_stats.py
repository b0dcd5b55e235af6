import json

from garblint.linter.testing import run_rule
from garblint.rules.readability import ReadabilityBounds
from tests.conftest import run_cli

EASY = "The cat sat. The dog ran. We had fun. It was a good day. " * 5
HARD = (
    "Notwithstanding comprehensive multilateral institutional considerations, the "
    "interdepartmental reorganisation necessitated unprecedented administrative "
    "harmonisation of jurisdictional responsibilities and accountability frameworks. "
) * 3


def test_stats_report_readability_per_document_and_in_total(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    (tmp_path / "easy.txt").write_text(EASY)
    (tmp_path / "hard.txt").write_text(HARD + " The players were able to to go.")
    result = run_cli("check", "--stats", "--format", "json", "--sort-by", "readability", str(tmp_path))
    summary = json.loads(result.stdout)["summary"]
    rows = summary["documents"]
    assert [r["path"].rsplit("/", 1)[-1] for r in rows] == ["hard.txt", "easy.txt"]
    easy = rows[1]["readability"]
    assert easy["flesch_reading_ease"] > rows[0]["readability"]["flesch_reading_ease"]
    assert set(easy) >= {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog"}
    low, high = sorted(r["readability"]["flesch_reading_ease"] for r in rows)
    assert low < summary["readability"]["flesch_reading_ease"] < high
    assert rows[0]["by_family_per_1000_words"]["repetition"] > 0


def test_sort_by_density_puts_the_most_garbled_first(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    (tmp_path / "a.txt").write_text("Fine words here. " * 30 + "The the end.")
    (tmp_path / "b.txt").write_text("The players were able to to go. The the end.")
    result = run_cli("check", "--stats", "--sort-by", "density", str(tmp_path))
    table = result.stdout.split("document")[1]
    assert table.index("b.txt") < table.index("a.txt")


def test_readability_rule_flags_only_documents_outside_the_bounds():
    assert run_rule(ReadabilityBounds, HARD)
    assert not run_rule(ReadabilityBounds, EASY)
    assert not run_rule(ReadabilityBounds, HARD, options={"min_reading_ease": -1000.0, "max_grade": 100.0})
