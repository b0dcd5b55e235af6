"""The cache of unchanged files' results, through the command line."""
import json
import os
import textwrap

import pytest

from tests.conftest import ROOT, run_cli

# A rule that logs every document it reads, so a test can tell which files were linted.
COUNTING_PLUGIN = """
    import os

    from garblint.linter import hookimpl
    from garblint.linter.engine.rule import Rule

    class Counting(Rule):
        code = "GL993"
        name = "counting"
        family = "testing"
        severity = "info"

        def check(self, doc):
            with open(os.environ["LINT_LOG"], "a", encoding="utf-8") as log:
                log.write(os.path.basename(doc.path) + "\\n")
            return []

    @hookimpl
    def garblint_rules():
        return [Counting]
"""


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "counting_plugin.py").write_text(textwrap.dedent(COUNTING_PLUGIN))
    (folder / ".garblint.yaml").write_text("plugins: [counting_plugin]\n")
    (folder / "a.md").write_text("The envoys were keen to to travel.\n")
    (folder / "b.txt").write_text("The ferry left ,late.\n")
    log = tmp_path / "lint.log"
    log.write_text("")
    env = {"PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)]), "LINT_LOG": str(log), "GARBLINT_CACHE_DIR": None}
    return folder, log, env


def linted(log) -> list[str]:
    """The files linted since the last call."""
    names = log.read_text().split()
    log.write_text("")
    return sorted(names)


def test_a_second_run_lints_only_what_changed(project):
    folder, log, env = project
    first = run_cli("check", ".", cwd=folder, env=env)
    assert linted(log) == ["a.md", "b.txt"]
    second = run_cli("check", ".", cwd=folder, env=env)
    assert linted(log) == []
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    assert "1 | The envoys were keen to to travel." in second.stdout  # source lines from the cached run too
    (folder / "b.txt").write_text("The ferry left late.\n")
    third = run_cli("check", "--format", "json", ".", cwd=folder, env=env)
    assert linted(log) == ["b.txt"]
    assert [f["path"] for f in json.loads(third.stdout)["findings"]] == ["a.md"]


def test_the_cache_is_at_the_project_root_and_git_ignored(project):
    folder, log, env = project
    run_cli("check", "a.md", cwd=folder, env=env)
    cache = folder / ".garblint_cache"
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert list((cache).glob("*/*.json"))
    # From a subfolder the project root is the same.
    (folder / "sub").mkdir()
    run_cli("check", "../a.md", cwd=folder / "sub", env=env)
    assert linted(log) == ["a.md"] and not (folder / "sub" / ".garblint_cache").exists()


def test_garblint_cache_dir_chooses_the_folder(project, tmp_path):
    folder, log, env = project
    elsewhere = tmp_path / "elsewhere"
    run_cli("check", "a.md", cwd=folder, env={**env, "GARBLINT_CACHE_DIR": str(elsewhere)})
    assert list(elsewhere.glob("*/*.json")) and not (folder / ".garblint_cache").exists()


def test_configuration_and_result_changing_options_are_part_of_the_key(project):
    folder, log, env = project
    run_cli("check", ".", cwd=folder, env=env)
    linted(log)
    for options in (["--select", "GL101,GL993"], ["--min-severity", "warning"], ["--stats"]):
        run_cli("check", *options, ".", cwd=folder, env=env)
        assert linted(log) == ["a.md", "b.txt"], options
        run_cli("check", *options, ".", cwd=folder, env=env)
        assert linted(log) == [], options
    # Options that change no finding share the cache.
    run_cli("check", "--fail-on", "never", "--format", "json", "-j", "2", ".", cwd=folder, env=env)
    assert linted(log) == []
    (folder / ".garblint.yaml").write_text("plugins: [counting_plugin]\nrules:\n  doubled-word:\n    severity: warning\n")
    result = run_cli("check", "--format", "json", "a.md", cwd=folder, env=env)
    assert linted(log) == ["a.md"]
    assert json.loads(result.stdout)["findings"][0]["severity"] == "warning"


def test_a_changed_plugin_is_part_of_the_key(project):
    folder, log, env = project
    run_cli("check", "a.md", cwd=folder, env=env)
    linted(log)
    plugin = folder / "counting_plugin.py"
    plugin.write_text(plugin.read_text() + "\n# changed\n")
    os.utime(plugin, ns=(plugin.stat().st_atime_ns, plugin.stat().st_mtime_ns + 10**9))
    run_cli("check", "a.md", cwd=folder, env=env)
    assert linted(log) == ["a.md"]


def test_no_cache_lints_everything_and_writes_nothing(project):
    folder, log, env = project
    run_cli("check", "--no-cache", ".", cwd=folder, env=env)
    run_cli("check", "--no-cache", ".", cwd=folder, env=env)
    assert linted(log) == ["a.md", "a.md", "b.txt", "b.txt"]
    assert not (folder / ".garblint_cache").exists()


@pytest.mark.parametrize("garbage", ["{not json", '{"files": [1, 2]}', '{"files": {"%s": ["x"]}}', "[]"])
def test_a_corrupt_cache_is_ignored(project, garbage):
    folder, log, env = project
    first = run_cli("check", ".", cwd=folder, env=env)
    (cache_file,) = (folder / ".garblint_cache").glob("*/*.json")
    cache_file.write_text(garbage.replace("%s", str(folder / "a.md")))
    linted(log)
    again = run_cli("check", ".", cwd=folder, env=env)
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    assert linted(log) == ["a.md", "b.txt"]
    json.loads(cache_file.read_text())  # written again, whole
    run_cli("check", ".", cwd=folder, env=env)
    assert linted(log) == []


def test_a_fixed_file_is_not_answered_from_the_cache(project):
    folder, log, env = project
    run_cli("check", "a.md", cwd=folder, env=env)
    assert run_cli("check", "--fix", "a.md", cwd=folder, env=env).returncode == 0
    after = run_cli("check", "--format", "json", "a.md", cwd=folder, env=env)
    assert json.loads(after.stdout)["findings"] == [] and after.returncode == 0


def test_an_unwritable_cache_is_one_warning(project, tmp_path):
    folder, log, env = project
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be\n")
    result = run_cli("check", "a.md", cwd=folder, env={**env, "GARBLINT_CACHE_DIR": str(blocker)})
    assert result.returncode == 1  # the finding, reported as usual
    assert [line for line in result.stderr.splitlines()] == [
        line for line in result.stderr.splitlines() if line.startswith("garblint: warning: cannot write the cache")]
    assert len(result.stderr.splitlines()) == 1
