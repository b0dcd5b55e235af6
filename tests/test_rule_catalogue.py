"""Every rule is documented, configured, and flags its own bad example."""
import re
from pathlib import Path

import pytest
import yaml

from garblint.linter.engine.plugins import all_rule_classes, plugin_manager
from garblint.linter.testing import run_rule

ROOT = Path(__file__).resolve().parent.parent
CLASSES = all_rule_classes(plugin_manager(()))
DOCUMENT_RULES = [c for c in CLASSES if c.scope == "document"]
DEFAULTS = yaml.safe_load((ROOT / "config.yaml").read_text())


def test_codes_and_names_are_unique_and_well_formed():
    codes = [c.code for c in CLASSES]
    names = [c.name for c in CLASSES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for cls in CLASSES:
        assert re.fullmatch(r"GL\d{3}", cls.code), cls
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", cls.name), cls
        assert cls.family and cls.severity in ("error", "warning", "info")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.code)
def test_rule_is_documented(cls):
    assert cls.summary and len(cls.explanation.split()) >= 20
    assert cls.bad and cls.good and cls.bad != cls.good
    text = cls.documentation()
    assert cls.code in text and cls.family in text


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.code)
def test_rule_appears_in_default_config_with_its_severity(cls):
    settings = DEFAULTS["rules"].get(cls.name)
    assert settings is not None, f"{cls.name} missing from config.yaml"
    assert settings.get("severity") == cls.severity
    for option in settings:
        assert option in ("severity", "enabled") or option in cls.default_options


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.code)
def test_rule_is_listed_in_the_readme_table(cls):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| {cls.code} | {cls.name} | {cls.family} | {cls.severity} |" in readme, "run tools/sync_config.py"


@pytest.mark.parametrize("cls", [c for c in DOCUMENT_RULES if getattr(c, "example_is_standalone", True)], ids=lambda c: c.code)
def test_bad_example_is_flagged_and_good_one_is_not(cls):
    assert run_rule(cls, cls.bad), f"{cls.code} does not flag its bad example"
    assert not run_rule(cls, cls.good), f"{cls.code} flags its good example"
