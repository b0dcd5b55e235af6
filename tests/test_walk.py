"""Which files a run lints: named files and exclusions, folder walks and .gitignore."""
import json
import subprocess

import pytest

from tests.conftest import run_cli

DOUBLED = "The delegates were keen to to travel home.\n"


def linted(result) -> set[str]:
    """The files a JSON report found something in (every file here has one finding)."""
    return {f["path"] for f in json.loads(result.stdout)["findings"]}


# -- a file named on the command line and 'exclude' -----------------------------------

@pytest.fixture
def excluded(isolated):
    (isolated / ".garblint.yaml").write_text("exclude: ['vendor/*', 'drafts']\n")
    for name in ("vendor/a.md", "drafts/deep/b.md", "kept.md"):
        (isolated / name).parent.mkdir(parents=True, exist_ok=True)
        (isolated / name).write_text(DOUBLED)
    return isolated


def test_a_named_excluded_file_is_linted(excluded):
    result = run_cli("check", "--format", "json", "vendor/a.md", cwd=excluded)
    assert result.returncode == 1, result.stderr
    assert linted(result) == {"vendor/a.md"}


def test_force_exclude_leaves_named_excluded_files_out_quietly(excluded):
    result = run_cli("check", "--force-exclude", "vendor/a.md", "drafts/deep/b.md", cwd=excluded)
    assert (result.returncode, result.stderr) == (0, "")
    both = run_cli("check", "--format", "json", "--force-exclude", "vendor/a.md", "kept.md", cwd=excluded)
    assert both.returncode == 1 and linted(both) == {"kept.md"}


def test_force_exclude_leaves_out_files_in_build_and_environment_folders(isolated):
    for name in ("build/a.md", "venv/lib/site-packages/pkg/b.md", "env/c.md", "docs/d.md"):
        (isolated / name).parent.mkdir(parents=True, exist_ok=True)
        (isolated / name).write_text(DOUBLED)
    (isolated / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    named = ["build/a.md", "venv/lib/site-packages/pkg/b.md", "env/c.md", "docs/d.md"]
    assert linted(run_cli("check", "--format", "json", *named, cwd=isolated)) == set(named)
    assert linted(run_cli("check", "--format", "json", "--force-exclude", *named, cwd=isolated)) == {"docs/d.md"}


def test_a_walk_leaves_excluded_folders_out(excluded):
    result = run_cli("check", "--format", "json", ".", cwd=excluded)
    assert linted(result) == {"kept.md"}


def test_no_path_gives_exit_2_without_a_message(excluded, tmp_path):
    empty = excluded / "empty"
    empty.mkdir()
    cases = [["vendor/a.md"], ["--force-exclude", "vendor/a.md"], ["empty"], ["missing.md"], ["drafts"]]
    for arguments in cases:
        result = run_cli("check", *arguments, cwd=excluded)
        assert result.returncode != 2 or result.stderr.strip(), arguments


# -- .gitignore and the usual skips ------------------------------------------------------

@pytest.fixture
def repository(isolated):
    subprocess.run(["git", "init", "-q", str(isolated)], check=True)
    files = ["notes.md", "build/out.md", "dist/out.md", "venv/lib/python3.11/site-packages/pkg/README.md",
             ".venv/x.md", ".tox/x.md", "node_modules/p/x.md", "__pycache__/x.md", "lib/site-packages/y.md",
             "generated/a.md", "docs/guide.md", "docs/scratch/tmp.md", "docs/private.md", "docs/keep.log.md",
             "local/only.md"]
    for name in files:
        (isolated / name).parent.mkdir(parents=True, exist_ok=True)
        (isolated / name).write_text(DOUBLED)
    (isolated / ".gitignore").write_text("generated/\n*.log.md\n")
    (isolated / "docs" / ".gitignore").write_text("scratch/\n!keep.log.md\n")
    (isolated / "docs" / ".ignore").write_text("private.md\n")
    (isolated / ".git" / "info").mkdir(exist_ok=True)
    (isolated / ".git" / "info" / "exclude").write_text("local/\n")
    return isolated


def test_walk_respects_gitignore_ignore_and_info_exclude(repository):
    result = run_cli("check", "--format", "json", ".", cwd=repository)
    assert linted(result) == {"notes.md", "docs/guide.md", "docs/keep.log.md"}


def test_walk_from_a_subfolder_respects_the_repository_gitignore(repository):
    (repository / "docs" / "generated").mkdir()
    (repository / "docs" / "generated" / "g.md").write_text(DOUBLED)
    (repository / ".gitignore").write_text("generated/\n*.log.md\ndocs/guide.md\n")
    result = run_cli("check", "--format", "json", "docs", cwd=repository)
    assert linted(result) == {"docs/keep.log.md"}


def test_no_respect_gitignore_keeps_only_the_usual_skips(repository):
    result = run_cli("check", "--format", "json", "--no-respect-gitignore", ".", cwd=repository)
    assert linted(result) == {"notes.md", "docs/guide.md", "docs/keep.log.md", "generated/a.md",
                              "docs/scratch/tmp.md", "docs/private.md", "local/only.md"}


def test_gitignore_outside_a_repository_applies_below_the_walked_folder(isolated):
    (isolated / "out").mkdir()
    (isolated / "out" / "a.md").write_text(DOUBLED)
    (isolated / "b.md").write_text(DOUBLED)
    (isolated / ".gitignore").write_text("out/\n")
    assert linted(run_cli("check", "--format", "json", ".", cwd=isolated)) == {"b.md"}


def test_a_named_gitignored_file_is_linted(repository):
    result = run_cli("check", "--format", "json", "generated/a.md", cwd=repository)
    assert linted(result) == {"generated/a.md"}


def test_a_folder_git_ignores_entirely_says_so(repository):
    only_ignored = repository / "docs" / "scratch"
    result = run_cli("check", ".", cwd=only_ignored)
    assert result.returncode == 2 and "no lintable files" in result.stderr and ".gitignore" in result.stderr


def test_a_symbolic_link_loop_in_a_walk_with_exclusions_is_one_line(excluded):
    (excluded / "loop.md").symlink_to(excluded / "loop.md")
    result = run_cli("check", "--format", "json", ".", cwd=excluded)
    assert result.returncode == 2 and "internal error" not in result.stderr
    assert result.stderr.splitlines() == [
        "garblint: error: loop.md: Too many levels of symbolic links"]
    assert linted(result) == {"kept.md"}
