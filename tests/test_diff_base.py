"""check --diff-base REF: findings on the lines changed since a git revision only."""
import json
import subprocess

import pytest

from tests.conftest import run_cli

DOUBLED = "The envoys were keen to to travel."
SPACED = "The ferry left ,late."


def git(folder, *arguments):
    subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True)


@pytest.fixture
def repository(isolated):
    git(isolated, "init", "-q")
    git(isolated, "config", "user.email", "editor@example.org")
    git(isolated, "config", "user.name", "Editor")
    (isolated / "a.txt").write_text(f"{DOUBLED}\nA quiet line.\n{SPACED}\n")
    (isolated / "same.txt").write_text(f"{DOUBLED}\n")
    (isolated / "odd name \"q\".txt").write_text("A quiet line.\n")
    git(isolated, "add", ".")
    git(isolated, "commit", "-q", "-m", "first")
    return isolated


def findings(result):
    return sorted((f["path"], f["line"], f["code"]) for f in json.loads(result.stdout)["findings"])


def test_only_findings_on_changed_lines_are_reported(repository):
    (repository / "a.txt").write_text(f"{DOUBLED}\nA quiet line, and and more.\n{SPACED}\n")
    (repository / "odd name \"q\".txt").write_text(f"A quiet line.\n{SPACED}\n")
    (repository / "new.txt").write_text(f"{DOUBLED}\n{SPACED}\n")  # untracked: every line counts
    result = run_cli("check", "--format", "json", "--diff-base", "HEAD", ".", cwd=repository)
    assert findings(result) == [("a.txt", 2, "GL101"), ("new.txt", 1, "GL101"), ("new.txt", 2, "GL208"),
                                ('odd name "q".txt', 2, "GL208")]
    assert result.returncode == 1
    everything = run_cli("check", "--format", "json", ".", cwd=repository)
    assert ("same.txt", 1, "GL101") in findings(everything) and ("a.txt", 1, "GL101") in findings(everything)


def test_the_revision_is_the_one_named(repository):
    (repository / "a.txt").write_text(f"{DOUBLED}\nA quiet line, and and more.\n{SPACED}\n")
    git(repository, "commit", "-q", "-am", "second")
    assert findings(run_cli("check", "--format", "json", "--diff-base", "HEAD", ".", cwd=repository)) == []
    assert findings(run_cli("check", "--format", "json", "--diff-base", "HEAD~1", ".", cwd=repository)) == [
        ("a.txt", 2, "GL101")]
    assert run_cli("check", "--diff-base", "HEAD", ".", cwd=repository).returncode == 0


def test_fix_with_diff_base_fixes_changed_lines_only(repository):
    (repository / "a.txt").write_text(f"{DOUBLED}\nA quiet line, and and more.\n{SPACED}\n")
    result = run_cli("check", "--fix", "--diff-base", "HEAD", "a.txt", cwd=repository)
    assert (repository / "a.txt").read_text() == f"{DOUBLED}\nA quiet line, and more.\n{SPACED}\n"
    assert result.returncode == 0


@pytest.mark.parametrize("reference, message", [
    ("no-such-branch", "--diff-base: 'no-such-branch' is not a revision of the repository at"),
    ("HEAD~5", "--diff-base: 'HEAD~5' is not a revision"),
])
def test_a_bad_revision_is_a_one_line_error(repository, reference, message):
    result = run_cli("check", "--diff-base", reference, ".", cwd=repository)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_a_folder_outside_git_is_a_one_line_error(isolated):
    (isolated / "a.txt").write_text(f"{DOUBLED}\n")
    result = run_cli("check", "--diff-base", "HEAD", "a.txt", cwd=isolated)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "is not in a git repository" in result.stderr


def test_standard_input_is_a_usage_error(repository):
    result = run_cli("check", "--diff-base", "HEAD", "-", input=DOUBLED, cwd=repository)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "standard input" in result.stderr
