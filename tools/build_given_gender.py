#!/usr/bin/env python3
"""Rebuild linter/language/data/given_gender.txt: given names that are nearly always a man's or a woman's.

    pip install names            # for this build only
    python tools/build_given_gender.py

Source: the 1990 US Census given-name files (public domain), as packaged by the
PyPI package names (MIT). A name goes in [male] when its share of men is at
least RATIO times its share of women, in [female] the other way round; names
common for both ("Jordan", "Jean") are left out, so their gender stays unknown.
[surname] lists the given names that more people bear as their surname ("Lewis",
"Taylor"), from the census surname file.
Only the 5,000 or so names of linter/language/data/gazetteer.txt's [given] section with
a share of at least MIN_SHARE per cent are considered.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "linter" / "language" / "data" / "given_gender.txt"
RATIO = 20
MIN_SHARE = 0.001


def shares(folder: Path, part: str) -> dict[str, float]:
    found = {}
    for line in (folder / part).read_text(encoding="ascii").splitlines():
        if line.strip():
            name, share = line.split()[:2]
            found[name.capitalize()] = float(share)
    return found


def main() -> int:
    spec = importlib.util.find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        print("needs the PyPI package 'names' (pip install names)", file=sys.stderr)
        return 1
    folder = Path(list(spec.submodule_search_locations)[0])
    male, female = shares(folder, "dist.male.first"), shares(folder, "dist.female.first")
    text = (ROOT / "linter" / "language" / "data" / "gazetteer.txt").read_text(encoding="utf-8")
    given = text.split("\n[given]\n", 1)[1].split("\n[", 1)[0].split()
    surnames = shares(folder, "dist.all.last")
    sections: dict[str, list[str]] = {"male": [], "female": [], "surname": []}
    for name in given:
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < MIN_SHARE:
            continue
        # "Lewis", "Taylor": given names, but more often surnames (the share of all people bearing it).
        if surnames.get(name, 0.0) > (m + f) / 2:
            sections["surname"].append(name)
        if m >= RATIO * f:
            sections["male"].append(name)
        elif f >= RATIO * m:
            sections["female"].append(name)
    with OUTPUT.open("w", encoding="utf-8") as out:
        out.write("# Built by tools/build_given_gender.py from the 1990 US Census name files (public domain).\n")
        for section, names in sections.items():
            out.write(f"[{section}]\n")
            out.writelines(f"{n}\n" for n in sorted(names))
    print(f"{len(sections['male'])} male, {len(sections['female'])} female, {len(sections['surname'])} surname -> {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
