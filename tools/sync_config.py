#!/usr/bin/env python3
"""Rewrite the ``rules:`` section of config.yaml and the README's rule table from the registered rules.

Each rule gets its default severity and options, with its summary as a
comment, so the embedded configuration always documents every rule; the
README table lists every rule with its summary.

    python tools/sync_config.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from garblint.linter.engine.plugins import all_rule_classes, make_plugin_manager  # noqa: E402


def block(cls) -> str:
    lines = [f"  # {cls.code}: {cls.summary}" + ("" if cls.enabled_by_default else " (off unless selected)")]
    lines.append(f"  {cls.name}:")
    lines.append(f"    severity: {cls.severity}")
    for key, value in cls.default_options.items():
        dumped = yaml.safe_dump({key: value}, default_flow_style=True, width=10_000, allow_unicode=True).strip()
        lines.append(f"    {dumped[1:-1] if dumped.startswith('{') else dumped}")
    return "\n".join(lines)


def main() -> int:
    path = ROOT / "config.yaml"
    text = path.read_text(encoding="utf-8")
    head, sep, _ = text.partition("\nrules:\n")
    if not sep:
        print("config.yaml has no 'rules:' section", file=sys.stderr)
        return 1
    classes = all_rule_classes(make_plugin_manager())
    body = "\n".join(block(cls) for cls in classes)
    path.write_text(head + "\nrules:\n" + body + "\n", encoding="utf-8")
    yaml.safe_load(path.read_text(encoding="utf-8"))  # still valid
    print(f"{len(classes)} rules written to {path}")
    return write_readme_table(classes)


def table_row(cls) -> str:
    note = " (compare mode)" if cls.scope == "pair" else "" if cls.enabled_by_default else " (off by default)"
    return f"| {cls.code} | {cls.name} | {cls.family} | {cls.severity} | {cls.summary}{note} |"


def write_readme_table(classes) -> int:
    path = ROOT / "README.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = "| code | name | family | severity | what it finds |"
    if header not in lines:
        print("README.md has no rule table", file=sys.stderr)
        return 1
    first = lines.index(header) + 2
    last = first
    while last < len(lines) and lines[last].startswith("| GL"):
        last += 1
    lines[first:last] = [table_row(cls) for cls in classes]
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(classes)} rules listed in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
