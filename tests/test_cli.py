import json
import re

import pytest
import yaml

from tests.conftest import ROOT, run_cli

BROKEN = "The players were able to to go home.\n"
CLEAN = "They were able to go home.\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    (tmp_path / "broken.txt").write_text(BROKEN)
    (tmp_path / "clean.md").write_text("# Title\n\n" + CLEAN)
    return tmp_path


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("garblint ")


def test_exit_codes_follow_fail_on(files):
    assert run_cli("check", str(files / "clean.md")).returncode == 0
    assert run_cli("check", str(files / "broken.txt")).returncode == 1
    assert run_cli("check", "--fail-on", "never", str(files / "broken.txt")).returncode == 0
    assert run_cli("check", "--select", "GL101", "--ignore", "GL101", str(files / "broken.txt")).returncode == 0
    assert run_cli("check", "--bogus-flag").returncode == 2


def test_text_output_is_ruff_style(files):
    result = run_cli("check", str(files / "broken.txt"))
    first = result.stdout.splitlines()[0]
    assert first == f"{files / 'broken.txt'}:1:23: GL101 error doubled word 'to'"
    assert "1 | The players were able to to go home." in result.stdout
    assert "^^^^^" in result.stdout
    assert "Found 1 finding (1 error) in 1 file." in result.stdout
    assert "\033[" not in result.stdout  # no colour when not a terminal


def test_quiet_prints_findings_only(files):
    result = run_cli("check", "--quiet", str(files / "broken.txt"))
    assert "|" not in result.stdout


def test_json_output(files):
    result = run_cli("check", "--format", "json", str(files))
    payload = json.loads(result.stdout)
    assert set(payload) >= {"version", "findings", "summary"}
    (finding,) = payload["findings"]
    for key in ("path", "start", "end", "line", "column", "end_line", "end_column", "code", "rule", "family", "severity", "message", "suggestions"):
        assert key in finding
    assert BROKEN[finding["start"]:finding["end"]] == "to to"
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 23, 1, 28)
    assert payload["summary"]["files"] == 2
    assert payload["summary"]["by_severity"]["error"] == 1


def test_sarif_output_is_valid_2_1_0(files):
    result = run_cli("check", "--format", "sarif", str(files))
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and "$schema" in log
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert rules[0]["id"] == "GL101" and rules[0]["help"]["text"]
    (res,) = run["results"]
    assert res["ruleId"] == "GL101" and res["level"] == "error"
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "GL101"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 23, 28)


def test_github_annotations(files):
    result = run_cli("check", "--format", "github", str(files / "broken.txt"))
    assert result.stdout.startswith("::error file=")
    assert "line=1,col=23,endLine=1,endColumn=28" in result.stdout


def test_min_severity_hides_lower_findings(files):
    (files / ".garblint.yaml").write_text("rules:\n  doubled-word:\n    severity: info\n")
    result = run_cli("check", "--format", "json", "--min-severity", "warning", str(files / "broken.txt"))
    assert json.loads(result.stdout)["findings"] == []


def test_stdin(files):
    result = run_cli("check", "--no-config", "-", input=BROKEN)
    assert result.returncode == 1 and result.stdout.startswith("-:1:23:")
    named = run_cli("check", "--no-config", "--stdin-filename", "x.md", "-", input="```\nto to\n```\n")
    assert named.returncode == 0


def test_jobs_keep_output_order(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    for i in range(12):
        (tmp_path / f"f{i:02}.txt").write_text(f"Line {i} has the the word.\n")
    serial = run_cli("check", "--format", "json", str(tmp_path))
    parallel = run_cli("check", "--format", "json", "--jobs", "3", str(tmp_path))
    strip = lambda out: [(f["path"], f["start"]) for f in json.loads(out)["findings"]]  # noqa: E731
    assert strip(serial.stdout) == strip(parallel.stdout)
    assert len(strip(serial.stdout)) == 12


def test_stats(files):
    result = run_cli("check", "--format", "json", "--stats", str(files))
    documents = json.loads(result.stdout)["summary"]["documents"]
    assert {d["path"].rsplit("/", 1)[-1] for d in documents} == {"broken.txt", "clean.md"}
    assert all(d["words"] > 0 for d in documents)


def test_hidden_folders_and_node_modules_are_skipped(files):
    for folder in (".git", "node_modules"):
        (files / folder).mkdir()
        (files / folder / "x.txt").write_text(BROKEN)
    payload = json.loads(run_cli("check", "--format", "json", str(files)).stdout)
    assert all(".git" not in f["path"] and "node_modules" not in f["path"] for f in payload["findings"])


def test_rule_command_lists_and_explains():
    listing = run_cli("rule")
    assert listing.returncode == 0 and "GL101" in listing.stdout
    for key in ("GL101", "doubled-word"):
        doc = run_cli("rule", key)
        assert doc.returncode == 0
        assert "Bad:" in doc.stdout and "Good:" in doc.stdout and "repetition" in doc.stdout
    missing = run_cli("rule", "GL999")
    assert missing.returncode == 2 and "no rule" in missing.stderr


def test_main_job_on_the_seeds():
    result = run_cli("check", "seeds/")
    assert result.returncode == 1
    assert "error" in result.stdout and "Found" in result.stdout


def test_pre_commit_hook_fails_a_file_with_an_error(files):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "garblint"]
    assert hook["language"] == "python"
    assert hook["entry"] == "garblint check --force-exclude"
    assert hook["types"] == ["text"]
    for name, taken in (("a.md", True), ("docs/b.markdown", True), ("c.txt", True), ("setup.py", False), ("d.mdx", False)):
        assert bool(re.search(hook["files"], name)) is taken, name
    command = hook["entry"].split()
    assert command[0] == "garblint"
    assert run_cli(*command[1:], str(files / "broken.txt")).returncode == 1
    assert run_cli(*command[1:], str(files / "clean.md")).returncode == 0


@pytest.mark.parametrize("environment, coloured", [
    ({"NO_COLOR": None, "FORCE_COLOR": "1"}, True),
    ({"NO_COLOR": None, "FORCE_COLOR": ""}, False),  # set but empty: as if unset
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins
    ({"NO_COLOR": None, "FORCE_COLOR": None}, False),  # not a terminal
])
def test_force_color_and_no_color(files, environment, coloured):
    result = run_cli("check", str(files / "broken.txt"), env=environment)
    assert ("\033[" in result.stdout) is coloured
    assert "\033[" not in run_cli("check", "--color", "never", str(files / "broken.txt"), env=environment).stdout


def readme_pre_commit_snippets() -> list:
    section = (ROOT / "README.md").read_text().split("### pre-commit", 1)[1].split("\n### ", 1)[0]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.S)]


def test_readme_pre_commit_snippets_match_the_hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    remote, local = readme_pre_commit_snippets()
    assert remote["repos"][0]["hooks"] == [{"id": hook["id"]}]
    (local_hook,) = local["repos"][0]["hooks"]
    assert local["repos"][0]["repo"] == "local"
    for key in ("id", "entry", "types", "files"):
        assert local_hook[key] == hook[key], key


def test_readme_local_pre_commit_hook_runs_as_written(tmp_path):
    """pre-commit itself, on a repository with the README's local hook and a garblint on PATH."""
    pytest.importorskip("pre_commit")
    import os
    import subprocess
    import sys

    _, local = readme_pre_commit_snippets()
    project = tmp_path / "project"
    project.mkdir()
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(local))
    (project / ".garblint.yaml").write_text("exclude: ['vendor/*']\n")
    (project / "vendor").mkdir()
    (project / "vendor" / "copied.md").write_text(BROKEN)
    (project / "notes.md").write_text(CLEAN)
    (project / "script.py").write_text("x = 'to to'\n")
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "garblint").write_text(f"#!/bin/sh\nexec {sys.executable} -m garblint \"$@\"\n")
    (bin_folder / "garblint").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT),
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1", "GARBLINT_CACHE_DIR": str(tmp_path / "c")}

    def run(*command):
        return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)

    for command in (["git", "init", "-q"], ["git", "add", "."]):
        assert run(*command).returncode == 0
    passed = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr  # the excluded copy and the .py file are left alone
    (project / "notes.md").write_text(BROKEN)
    run("git", "add", ".")
    failed = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert failed.returncode == 1 and "notes.md:1:" in failed.stdout and "vendor" not in failed.stdout
