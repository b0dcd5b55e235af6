"""Rule selectors and the configuration each file is linted with, through the command line."""
import json

import pytest

from tests.conftest import run_cli

DOUBLED = "The delegates were keen to to travel home.\n"


@pytest.mark.parametrize("option, value, expected", [
    ("--select", "nonsense", "--select: no rule, code prefix or family is named 'nonsense'"),
    ("--ignore", "doubled-wrod", "--ignore: no rule, code prefix or family is named 'doubled-wrod' (did you mean 'doubled-word'?)"),
    ("--extend-select", "GL1O1", "(did you mean 'GL101'?)"),
    ("--select", "GL1,repetiton", "'repetiton' (did you mean 'repetition'?)"),
    ("--ignore", "G", "'G'"),  # a prefix must keep the code's letters whole
])
def test_unknown_selector_on_the_command_line_is_an_error(isolated, option, value, expected):
    (isolated / "a.md").write_text(DOUBLED)
    result = run_cli("check", option, value, "a.md", cwd=isolated)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert expected in result.stderr


@pytest.mark.parametrize("content, line, expected", [
    ("fail-on: warning\nignore:\n  - GL101\n  - doubled-wrod\n", 4, "ignore: no rule, code prefix or family is named 'doubled-wrod'"),
    ("select: [ALL]\nextend-select: [fused-wrds]\n", 2, "extend-select: no rule, code prefix or family is named 'fused-wrds'"),
    ("select: [GL1, punctuaton]\n", 1, "select: no rule, code prefix or family is named 'punctuaton' (did you mean 'punctuation'?)"),
    ("per-file-ignores:\n  'notes/*.md':\n    - GL101\n    - scrape\n", 4, "per-file-ignores.notes/*.md: no rule"),
])
def test_unknown_selector_in_a_file_names_its_line(isolated, content, line, expected):
    (isolated / ".garblint.yaml").write_text(content)
    (isolated / "a.md").write_text(DOUBLED)
    result = run_cli("check", "a.md", cwd=isolated)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert f".garblint.yaml:{line}: {expected}" in result.stderr


def test_unknown_selector_in_pyproject_names_the_file(isolated):
    (isolated / ".garblint.yaml").unlink()
    (isolated / "pyproject.toml").write_text('[tool.garblint]\nfail-on = "warning"\nignore = ["GL101", "nope"]\n')
    (isolated / "a.md").write_text(DOUBLED)
    result = run_cli("check", "a.md", cwd=isolated)
    assert result.returncode == 2
    assert "pyproject.toml:3: ignore: no rule, code prefix or family is named 'nope'" in result.stderr


def test_unknown_selector_is_reported_even_when_nothing_is_linted(isolated):
    (isolated / ".garblint.yaml").write_text("exclude: ['a.md']\n")
    (isolated / "a.md").write_text(DOUBLED)
    result = run_cli("check", "--force-exclude", "--select", "nonsense", "a.md", cwd=isolated)
    assert result.returncode == 2 and "'nonsense'" in result.stderr


@pytest.mark.parametrize("selector", ["ALL", "all", "GL", "gl1", "GL10", "GL101", "doubled-word", "repetition"])
def test_every_form_of_selector_is_accepted_and_selects(isolated, selector):
    (isolated / "a.md").write_text(DOUBLED)
    result = run_cli("check", "--format", "json", "--select", selector, "a.md", cwd=isolated)
    assert result.returncode == 1, result.stderr
    assert "GL101" in {f["code"] for f in json.loads(result.stdout)["findings"]}


def test_one_function_matches_rules_and_findings():
    # The function Rule.matches and the finding filters use.
    from garblint.linter.engine.rule import selector_matches
    from garblint.rules.repetition import DoubledWord

    for selector in ("ALL", "GL", "gl1", "GL101", "doubled-word", "repetition"):
        assert DoubledWord.matches(selector)
        assert selector_matches(selector, "GL101", "doubled-word", "repetition")
    for selector in ("G", "GL2", "GL1011", "doubled", "Repetition"):
        assert not DoubledWord.matches(selector)
    assert selector_matches("XY1", "XY101", "literal-smile", "calque")  # a plugin's codes select like built-in ones
    assert not selector_matches("X", "XY101", "literal-smile", "calque")


# -- the nearest configuration for each file ----------------------------------------

@pytest.fixture
def two_configs(isolated):
    """A project that reports warnings, and a docs folder inside it that ignores doubled words."""
    (isolated / ".garblint.yaml").write_text("fail-on: warning\n")
    (isolated / "docs" / "sub").mkdir(parents=True)
    (isolated / "docs" / ".garblint.yaml").write_text("ignore: [doubled-word]\n")
    (isolated / "other").mkdir()
    (isolated / "docs" / "sub" / "a.md").write_text(DOUBLED)
    (isolated / "other" / "b.md").write_text(DOUBLED)
    return isolated


def findings_by_file(result):
    payload = json.loads(result.stdout)
    return sorted((f["path"], f["code"]) for f in payload["findings"])


def test_each_file_is_linted_with_its_nearest_configuration(two_configs):
    forward = run_cli("check", "--format", "json", "docs/sub/a.md", "other/b.md", cwd=two_configs)
    backward = run_cli("check", "--format", "json", "other/b.md", "docs/sub/a.md", cwd=two_configs)
    assert findings_by_file(forward) == findings_by_file(backward) == [("other/b.md", "GL101")]
    assert forward.returncode == backward.returncode == 1


def test_folder_walk_uses_each_folders_configuration(two_configs):
    result = run_cli("check", "--format", "json", ".", cwd=two_configs)
    assert findings_by_file(result) == [("other/b.md", "GL101")]


def test_fail_on_is_each_files_own(two_configs):
    # The docs folder fails on errors only; a warning there does not fail the run.
    (two_configs / "docs" / ".garblint.yaml").write_text("fail-on: never\n")
    assert run_cli("check", "docs/sub/a.md", cwd=two_configs).returncode == 0
    assert run_cli("check", "docs/sub/a.md", "other/b.md", cwd=two_configs).returncode == 1


def test_explicit_config_overrides_the_nearest_for_every_file(two_configs, tmp_path):
    chosen = tmp_path / "chosen.yaml"
    chosen.write_text("ignore: [repetition]\n")
    result = run_cli("check", "--format", "json", "--config", str(chosen), "docs/sub/a.md", "other/b.md", cwd=two_configs)
    assert findings_by_file(result) == [] and result.returncode == 0


def test_output_order_is_the_order_of_the_paths(two_configs):
    (two_configs / "docs" / ".garblint.yaml").write_text("fail-on: warning\n")
    (two_configs / "z.md").write_text(DOUBLED)
    order = ["z.md", "docs/sub/a.md", "other/b.md"]
    for jobs in ("1", "2"):
        result = run_cli("check", "--format", "json", "-j", jobs, *order, cwd=two_configs)
        assert [f["path"] for f in json.loads(result.stdout)["findings"]] == order


# -- garblint rule ----------------------------------------------------------------------

def test_rule_lists_a_familys_rules():
    result = run_cli("rule", "word-order")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["GL351", "GL352", "GL353", "GL354", "GL355", "GL356"]
    assert all(line.split()[2] == "word-order" for line in result.stdout.splitlines())
    # A rule named like its family (fused-words) is explained; its code prefix lists the family.
    assert run_cli("rule", "fused-words").stdout.startswith("GL302 fused-words\n")
    assert [line.split()[0] for line in run_cli("rule", "GL3").stdout.splitlines()][:3] == ["GL301", "GL302", "GL303"]


def test_rule_lists_a_code_prefixs_rules():
    result = run_cli("rule", "gl20")
    assert [line.split()[0] for line in result.stdout.splitlines()] == [f"GL20{n}" for n in range(1, 10)]


def test_rule_still_explains_one_rule_and_suggests_for_a_typo():
    assert "Bad:" in run_cli("rule", "doubled-word").stdout
    typo = run_cli("rule", "punctuaton")
    assert typo.returncode == 2 and typo.stdout == ""
    assert typo.stderr == ("garblint: error: no rule, code prefix or family is named 'punctuaton' "
                           "(did you mean 'punctuation'?)\n")
