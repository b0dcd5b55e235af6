import pytest

from garblint.linter.engine.config import ConfigError, check_rule_settings, find_project_config, load_config
from garblint.linter.engine.plugins import all_rule_classes, plugin_manager, selected_rules


def rule_names(config):
    classes = all_rule_classes(plugin_manager(tuple(config.plugins)))
    return {r.name for r in selected_rules(classes, config)}


def test_default_config_is_embedded_and_valid(tmp_path):
    config = load_config([str(tmp_path)], use_project_config=False)
    assert config.fail_on == "error"
    assert ".md" in config.extensions
    assert "doubled-word" in rule_names(config)


def test_project_file_is_found_walking_up(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("fail-on: warning\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_project_config(deep) == tmp_path / ".garblint.yaml"
    assert load_config([str(deep)]).fail_on == "warning"


def test_pyproject_table_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.garblint]\nfail-on = "info"\nignore = ["GL101"]\n')
    config = load_config([str(tmp_path)])
    assert config.fail_on == "info"
    assert "doubled-word" not in rule_names(config)


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "sub").mkdir()
    assert find_project_config(tmp_path / "sub") in (None,) or find_project_config(tmp_path / "sub").parent != tmp_path


def test_no_config_ignores_project_files(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("fail-on: info\n")
    assert load_config([str(tmp_path)], use_project_config=False).fail_on == "error"


def test_explicit_config_file(tmp_path):
    path = tmp_path / "custom.yaml"
    path.write_text("min-severity: warning\n")
    assert load_config(config_file=str(path)).min_severity == "warning"
    with pytest.raises(ConfigError, match="not found"):
        load_config(config_file=str(tmp_path / "missing.yaml"))


@pytest.mark.parametrize(
    "content, expected",
    [
        ("fail-on: loud\n", r":1: key 'fail-on' must be one of"),
        ("extensions: [.txt]\nselekt: [GL1]\n", r":2: unknown key 'selekt'"),
        ("rules:\n  doubled-word:\n    severity: fatal\n", r":3: key 'rules.doubled-word.severity'"),
        ("select: GL101\n", r":1: key 'select' must be a list"),
        ("fail-on: [unclosed\n", r"invalid YAML"),
    ],
)
def test_invalid_config_names_file_key_and_line(tmp_path, content, expected):
    path = tmp_path / ".garblint.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=expected) as info:
        load_config([str(tmp_path)])
    assert str(path) in str(info.value)


def test_unknown_rule_and_bad_option_are_errors(tmp_path):
    path = tmp_path / ".garblint.yaml"
    path.write_text("rules:\n  no-such-rule:\n    severity: info\n")
    config = load_config([str(tmp_path)])
    classes = all_rule_classes(plugin_manager(()))
    with pytest.raises(ConfigError, match=r":2: key 'rules.no-such-rule'"):
        check_rule_settings(config, classes)
    path.write_text("rules:\n  doubled-word:\n    exceptions: yes please\n")
    config = load_config([str(tmp_path)])
    with pytest.raises(ConfigError, match=r":3: key 'rules.doubled-word.exceptions' must be list"):
        check_rule_settings(config, classes)


def test_select_and_ignore_by_code_name_family(tmp_path):
    config = load_config([str(tmp_path)], use_project_config=False)
    for selector in ("GL101", "GL1", "doubled-word", "repetition"):
        config.select = [selector]
        assert "doubled-word" in rule_names(config), selector
    config.select = ["ALL"]
    for selector in ("GL101", "doubled-word", "repetition"):
        config.ignore = [selector]
        assert "doubled-word" not in rule_names(config), selector


def test_severity_override_and_off(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("rules:\n  doubled-word:\n    severity: info\n")
    config = load_config([str(tmp_path)])
    classes = all_rule_classes(plugin_manager(()))
    (rule,) = [r for r in selected_rules(classes, config) if r.name == "doubled-word"]
    assert rule.severity == "info"
    config.rules["doubled-word"]["severity"] = "off"
    assert "doubled-word" not in rule_names(config)


def test_per_file_ignores_and_excludes(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("per-file-ignores:\n  'drafts/*.md': [GL101]\nexclude: ['vendor/*']\n")
    config = load_config([str(tmp_path)])
    assert config.ignored_for(str(tmp_path / "drafts" / "a.md")) == ["GL101"]
    assert config.ignored_for(str(tmp_path / "final" / "a.md")) == []
    assert config.is_excluded(tmp_path / "vendor" / "x.txt")
    assert not config.is_excluded(tmp_path / "docs" / "x.txt")


def test_rule_settings_keyed_by_code_are_not_hidden_by_the_defaults(cli, isolated):
    (isolated / ".garblint.yaml").write_text("rules:\n  GL101:\n    severity: 'off'\n")
    (isolated / "story.txt").write_text("They were able to to go.\n")
    result = cli("check", "--select", "GL101", "story.txt", cwd=isolated)
    assert result.returncode == 0, result.stdout
