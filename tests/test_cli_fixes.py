"""--diff, --show-fixes and --fix on standard input, through the command line."""
import json
import shutil
import subprocess

import pytest

from tests.conftest import run_cli

# Two doubled words and a space before a comma (all fixable), and a line with nothing to fix.
TEXT = "The the envoys were keen to to travel.\nNothing is wrong on this line.\nThe ferry left ,late.\n"
FIXED = "The envoys were keen to travel.\nNothing is wrong on this line.\nThe ferry left, late.\n"
CLEAN = "The envoys were keen to travel.\n"


@pytest.fixture
def story(isolated):
    path = isolated / "story.txt"
    path.write_text(TEXT)
    return path


def test_diff_prints_what_fix_would_change_and_changes_nothing(story, tmp_path):
    before = story.stat().st_mtime_ns
    result = run_cli("check", "--diff", "story.txt", cwd=story.parent)
    assert result.returncode == 1
    assert story.read_text() == TEXT and story.stat().st_mtime_ns == before
    assert result.stdout.startswith("--- story.txt\n+++ story.txt\n@@ ")
    assert "-The the envoys were keen to to travel.\n+The envoys were keen to travel.\n" in result.stdout
    assert " Nothing is wrong on this line.\n" in result.stdout
    assert "would fix 3 findings in 1 file" in result.stderr
    # The diff is a patch: applied, it gives what --fix writes.
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(story, copy / "story.txt")
    subprocess.run(["patch", "-p0", "-s"], input=result.stdout, text=True, cwd=copy, check=True)
    assert (copy / "story.txt").read_text() == FIXED
    assert run_cli("check", "--fix", "story.txt", cwd=story.parent).returncode == 0
    assert story.read_text() == FIXED


def test_diff_of_a_file_without_a_final_newline_is_a_valid_patch(isolated, tmp_path):
    (isolated / "end.txt").write_text(TEXT.rstrip("\n"))
    result = run_cli("check", "--diff", "end.txt", cwd=isolated)
    assert "\\ No newline at end of file\n" in result.stdout
    shutil.copy(isolated / "end.txt", tmp_path / "end.txt")
    subprocess.run(["patch", "-p0", "-s"], input=result.stdout, text=True, cwd=tmp_path, check=True)
    assert (tmp_path / "end.txt").read_text() == FIXED.rstrip("\n")


def test_diff_without_anything_to_fix_exits_0(isolated):
    (isolated / "clean.txt").write_text(CLEAN)
    result = run_cli("check", "--diff", "clean.txt", cwd=isolated)
    assert (result.returncode, result.stdout) == (0, "")
    assert "nothing to fix" in result.stderr


def test_diff_leaves_baselined_findings_alone(story):
    story.write_text("The envoys were keen to to travel.\n")
    assert "wrote 1 finding" in run_cli("check", "--write-baseline", "base.json", "story.txt", cwd=story.parent).stderr
    story.write_text("The envoys were keen to to travel.\nThe ferry left ,late.\n")
    result = run_cli("check", "--diff", "--baseline", "base.json", "story.txt", cwd=story.parent)
    assert "-The ferry left ,late.\n+The ferry left, late.\n" in result.stdout
    assert " The envoys were keen to to travel.\n" in result.stdout  # context, not a change
    assert "-The envoys" not in result.stdout


def test_show_fixes_lists_each_files_fixes_by_rule(story):
    other = story.parent / "other.txt"
    other.write_text("The ferry left ,late.\n")
    result = run_cli("check", "--fix", "--show-fixes", "story.txt", "other.txt", cwd=story.parent)
    assert result.returncode == 0
    assert ("garblint: fixed 4 findings in 2 files:\n- story.txt:\n    2 × GL101 (doubled-word)\n"
            "    1 × GL208 (space-before-punctuation)\n- other.txt:\n    1 × GL208 (space-before-punctuation)\n") in result.stderr
    assert story.read_text() == FIXED


def test_show_fixes_with_diff_lists_what_would_be_fixed(story):
    result = run_cli("check", "--diff", "--show-fixes", "story.txt", cwd=story.parent)
    assert "would fix 3 findings in 1 file:\n- story.txt:\n    2 × GL101 (doubled-word)\n" in result.stderr
    assert story.read_text() == TEXT


def test_show_fixes_alone_is_a_usage_error(story):
    result = run_cli("check", "--show-fixes", "story.txt", cwd=story.parent)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "--fix or --diff" in result.stderr


def test_fix_on_standard_input_prints_the_fixed_text(isolated):
    result = run_cli("check", "--fix", "-", input=TEXT + "The talks were were long.\n", cwd=isolated)
    assert result.stdout == FIXED + "The talks were long.\n"
    assert result.returncode == 0
    assert "fixed 4 findings" in result.stderr and "All clear" in result.stderr


def test_fix_on_standard_input_reports_what_is_left_on_standard_error(isolated):
    # A doubled word is fixed; a country called "he" is not fixable and is left.
    text = "The talks were were long, and the US and his allies left.\n"
    result = run_cli("check", "--fix", "--format", "json", "--fail-on", "warning", "--stdin-filename", "note.md", "-",
                     input=text, cwd=isolated)
    assert result.stdout == "The talks were long, and the US and his allies left.\n"
    report = json.loads(result.stderr[result.stderr.index("{"):])
    assert [(f["path"], f["code"]) for f in report["findings"]] == [("note.md", "GL451")]
    assert result.returncode == 1


def test_fix_on_standard_input_without_fixes_prints_the_text_unchanged(isolated):
    result = run_cli("check", "--fix", "-", input=CLEAN, cwd=isolated)
    assert (result.returncode, result.stdout) == (0, CLEAN)


def test_diff_on_standard_input(isolated):
    result = run_cli("check", "--diff", "--stdin-filename", "note.txt", "-", input=TEXT, cwd=isolated)
    assert result.returncode == 1
    assert result.stdout.startswith("--- note.txt\n+++ note.txt\n")
