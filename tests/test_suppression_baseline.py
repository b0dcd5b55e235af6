import json

from garblint.linter.engine.config import load_config
from garblint.linter.engine.runner import Linter


def linter_for(tmp_path):
    return Linter(load_config([str(tmp_path)], use_project_config=False))


def flagged(result, text):
    return [text[f.start:f.end] for f in result.findings]


def test_disable_enable_block(tmp_path):
    text = (
        "One to to here.\n\n<!-- garblint-disable GL101 -->\nTwo to to here.\n\n"
        "<!-- garblint-enable GL101 -->\nThree the the here.\n"
    )
    result = linter_for(tmp_path).lint_text(text, "doc.md")
    assert [f.line for f in result.findings] == [1, 7]


def test_disable_by_name_or_family_and_next_line(tmp_path):
    text = "<!-- garblint-disable-next-line doubled-word -->\nAble to to go.\nAble to to go.\n"
    result = linter_for(tmp_path).lint_text(text, "doc.md")
    assert [f.line for f in result.findings] == [3]
    text = "<!-- garblint-disable repetition -->\nAble to to go.\n"
    assert linter_for(tmp_path).lint_text(text, "doc.md").findings == []


def test_disable_without_rules_silences_everything(tmp_path):
    text = "<!-- garblint-disable -->\nAble to to go.\n<!-- garblint-enable -->\nAble to to go.\n"
    result = linter_for(tmp_path).lint_text(text, "doc.md")
    assert [f.line for f in result.findings] == [4]


def test_fingerprints_survive_edits_elsewhere(tmp_path):
    linter = linter_for(tmp_path)
    before = linter.lint_text("Intro.\nThe players were able to to go.\n", "a.txt").findings
    after = linter.lint_text("A new first line.\n\nIntro.\nThe players were able to to go.\n", "a.txt").findings
    assert before[0].line != after[0].line
    assert before[0].fingerprint == after[0].fingerprint


def test_baseline_hides_old_findings_only(tmp_path, cli):
    doc = tmp_path / "a.txt"
    doc.write_text("The players were able to to go.\n")
    baseline = tmp_path / "baseline.json"
    first = cli("check", "--no-config", "--write-baseline", str(baseline), str(doc))
    assert first.returncode == 1
    assert json.loads(baseline.read_text())["findings"][0]["code"] == "GL101"
    hidden = cli("check", "--no-config", "--baseline", str(baseline), str(doc))
    assert hidden.returncode == 0, hidden.stdout + hidden.stderr
    assert "1 baselined finding hidden" in hidden.stdout
    doc.write_text("A new line on top.\n\nThe players were able to to go.\nAnd the the cat.\n")
    again = cli("check", "--no-config", "--format", "json", "--baseline", str(baseline), str(doc))
    findings = json.loads(again.stdout)["findings"]
    assert [doc.read_text()[f["start"]:f["end"]] for f in findings] == ["the the"]


def test_bad_baseline_is_an_input_error(tmp_path, cli):
    doc = tmp_path / "a.txt"
    doc.write_text("Fine.\n")
    bad = tmp_path / "b.json"
    bad.write_text("not json")
    result = cli("check", "--no-config", "--baseline", str(bad), str(doc))
    assert result.returncode == 2 and "not a garblint baseline" in result.stderr
