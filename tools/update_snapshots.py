#!/usr/bin/env python3
"""Write the snapshot of every rule fixture: what each `flag` example yields.

Each rule has a fixture file, tests/fixtures/<family>/<CODE>.yaml, with a `flag`
section (texts the rule must flag) and a `clean` section (similar texts it must
leave alone); an entry is a string, or a mapping with `text` and `markdown: true`.
Beside it, <CODE>.snap.json records, for each `flag` text, the flagged text, the
message and the suggestions of every finding; tests/test_fixtures.py compares the
rules' output with it. Run this after changing a rule's messages on purpose and
review the diff.

    python tools/update_snapshots.py            # every fixture
    python tools/update_snapshots.py GL101      # one rule
    python tools/update_snapshots.py --new      # also start a fixture for each rule without one,
                                                # from its documented bad and good examples
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures"


def fixture_path(cls) -> Path:
    return FIXTURES / cls.family / f"{cls.code}.yaml"


def entries(section) -> list[tuple[str, bool]]:
    out = []
    for entry in section or []:
        if isinstance(entry, str):
            out.append((entry, False))
        else:
            out.append((entry["text"], bool(entry.get("markdown"))))
    return out


def snapshot(cls, fixture: dict) -> list[dict]:
    from garblint.linter.testing import run_rule

    shots = []
    for text, markdown in entries(fixture.get("flag")):
        found = run_rule(cls, text, markdown=markdown)
        shots.append({"text": text, "findings": [
            {"flagged": text[f.start:f.end], "severity": f.severity, "message": f.message, "suggestions": list(f.suggestions)}
            for f in found if f.code == cls.code]})
    return shots


def starter(cls) -> str:
    dump = lambda items: yaml.safe_dump(items, allow_unicode=True, width=1000, sort_keys=False)  # noqa: E731
    return (f"# {cls.code} {cls.name} ({cls.family}): {cls.summary}\n"
            "# flag: texts the rule must flag; clean: similar texts it must leave alone.\n"
            + dump({"flag": [cls.bad]}) + dump({"clean": [cls.good]}))


def main(argv=None) -> int:
    from garblint.linter.engine.plugins import all_rule_classes, plugin_manager

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("codes", nargs="*")
    parser.add_argument("--new", action="store_true")
    args = parser.parse_args(argv)
    classes = [c for c in all_rule_classes(plugin_manager(())) if c.scope == "document"]
    if args.codes:
        classes = [c for c in classes if c.code in args.codes]
    for cls in classes:
        path = fixture_path(cls)
        if not path.exists():
            if not args.new:
                print(f"{cls.code}: no fixture at {path.relative_to(ROOT)} (--new starts one)")
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(starter(cls), encoding="utf-8")
        fixture = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        shots = snapshot(cls, fixture)
        path.with_suffix(".snap.json").write_text(json.dumps(shots, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{cls.code}: {len(shots)} flag examples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
