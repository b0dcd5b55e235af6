"""Every rule's fixture: its flag examples are flagged as the snapshot records, its clean ones are not."""
import json
import sys
from pathlib import Path

import pytest
import yaml

from garblint.linter.engine.plugins import all_rule_classes, plugin_manager
from garblint.linter.testing import run_rule

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from update_snapshots import entries, fixture_path, snapshot  # noqa: E402

# Rules that need a server or a second document cannot run on a fixture alone.
RULES = [c for c in all_rule_classes(plugin_manager(())) if c.scope == "document" and getattr(c, "example_is_standalone", True)]


def load(cls) -> dict:
    path = fixture_path(cls)
    assert path.is_file(), f"{cls.code} has no fixture file {path.relative_to(ROOT)} (python tools/update_snapshots.py --new)"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.code)
def test_fixture_has_a_flag_and_a_clean_section(cls):
    fixture = load(cls)
    assert entries(fixture.get("flag")), f"{cls.code}: empty flag section"
    assert entries(fixture.get("clean")), f"{cls.code}: empty clean section"


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.code)
def test_flag_examples_are_flagged_and_clean_ones_are_not(cls):
    fixture = load(cls)
    for text, markdown in entries(fixture.get("flag")):
        assert any(f.code == cls.code for f in run_rule(cls, text, markdown=markdown)), f"{cls.code} does not flag {text!r}"
    for text, markdown in entries(fixture.get("clean")):
        found = [text[f.start:f.end] for f in run_rule(cls, text, markdown=markdown) if f.code == cls.code]
        assert not found, f"{cls.code} flags {found} in clean {text!r}"


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.code)
def test_messages_and_suggestions_match_the_snapshot(cls):
    snap = fixture_path(cls).with_suffix(".snap.json")
    assert snap.is_file(), f"{cls.code}: no snapshot (python tools/update_snapshots.py {cls.code})"
    assert snapshot(cls, load(cls)) == json.loads(snap.read_text(encoding="utf-8")), \
        f"{cls.code}: output differs from {snap.name}; if intended, run tools/update_snapshots.py {cls.code} and review the diff"
