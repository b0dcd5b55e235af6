"""`garblint check --fix`: fixable suggestions applied, files written atomically, the rest reported."""
import json
import os
import stat

from garblint.linter.engine.findings import Finding
from garblint.linter.engine.fixes import apply_fixes
from tests.conftest import run_cli


def finding(code, start, end, suggestion):
    return Finding(path="x", start=start, end=end, code=code, rule="r", family="f", severity="error",
                   message="m", suggestions=[suggestion])


def test_apply_fixes_skips_unfixable_overlapping_and_no_op_suggestions():
    text = "abcdefgh"
    findings = [
        finding("GL1", 0, 2, "AB"),
        finding("GL1", 1, 3, "XX"),  # overlaps the first: left for the next run
        finding("GL2", 4, 5, "E"),   # not a fixable rule
        finding("GL1", 6, 7, "g"),   # suggestion equals the text
        finding("GL1", 7, 8, "H!"),
    ]
    assert apply_fixes(text, findings, {"GL1"}) == ("ABcdefgH!", 2)


def test_fix_rewrites_the_file_and_reports_what_is_left(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    target = tmp_path / "story.txt"
    target.write_bytes("\ufeffThe the talks failed ,he said.The ministry agreed.\r\n"
                       "“We will win,” he assured.\r\n".encode("utf-8"))
    os.chmod(target, 0o640)
    result = run_cli("check", "--fix", "--format", "json", str(target))
    assert "fixed 3 findings in 1 file" in result.stderr
    assert target.read_bytes().decode("utf-8") == ("\ufeffThe talks failed, he said. The ministry agreed.\r\n"
                                                   "“We will win,” he assured.\r\n")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    remaining = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in remaining] == ["GL501"]  # a calque needs a writer, not a fix
    assert result.returncode == 0  # GL501 is a warning; fail-on is error
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".garblint-")]


def test_without_fix_the_file_is_untouched_and_fixable_findings_are_counted(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    target = tmp_path / "story.txt"
    target.write_text("Prices rose 3,5% and the caf&#233; closed.\n")
    before = target.read_bytes()
    result = run_cli("check", str(target))
    assert target.read_bytes() == before
    assert "2 fixable with --fix" in result.stdout


def test_fix_in_markdown_edits_only_prose(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    target = tmp_path / "page.md"
    target.write_text("# Notes\n\nWe were able to to go.\n\n```\nto to\n```\n")
    run_cli("check", "--fix", str(target))
    assert target.read_text() == "# Notes\n\nWe were able to go.\n\n```\nto to\n```\n"


def test_fix_on_standard_input_prints_the_fixed_text_and_reports_on_standard_error(tmp_path):
    result = run_cli("check", "--fix", "--no-config", "-", input="They were able to to go.\n")
    assert result.stdout == "They were able to go.\n"
    assert "fixed 1 finding in 1 file" in result.stderr and "GL101" not in result.stderr
    assert result.returncode == 0


def test_rule_listing_and_documentation_say_which_rules_are_fixable():
    listing = run_cli("rule").stdout.splitlines()
    assert any(line.startswith("GL101") and "(fixable)" in line for line in listing)
    assert not any(line.startswith("GL501") and "(fixable)" in line for line in listing)
    assert "fixable with --fix" in run_cli("rule", "GL101").stdout
