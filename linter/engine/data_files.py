"""The one way garblint reads the data files it ships: word lists, tables, YAML and JSON.

Every file is read once per process, on first use, from the package it ships in
(``"linter"`` for the shared language resources in ``linter/language/data/``, ``"rules"``
for a family's lists beside it and in ``rules/data/``). A name ending in ``.gz``
is decompressed. Rules call these from ``setup()`` or lazily from ``check``.
"""
from __future__ import annotations

import bisect
import gzip
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

# libyaml's parser when PyYAML was built with it: several times faster at start-up.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class WordListLoader(_BaseLoader):
    """YAML without YAML 1.1 booleans: in a word list, "no", "on" and "off" are words."""


WordListLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def data_path(package: str, name: str) -> Path:
    """Where a shipped data file is (for readers with a format of their own, such as the tagger model)."""
    return Path(str(resources.files(package).joinpath(name)))


@lru_cache(maxsize=None)
def data_text(package: str, name: str) -> str:
    """The text of ``name`` (a path inside ``package``, such as ``"data/verbs.txt"``)."""
    raw = resources.files(package).joinpath(name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


@lru_cache(maxsize=None)
def data_yaml(package: str, name: str):
    """A YAML file's contents (words stay strings: no YAML 1.1 booleans)."""
    return yaml.load(data_text(package, name), Loader=WordListLoader) or {}


@lru_cache(maxsize=None)
def data_json(package: str, name: str):
    """A JSON file's contents (``.json`` or ``.json.gz``)."""
    return json.loads(data_text(package, name))


@lru_cache(maxsize=None)
def data_lines(package: str, name: str) -> tuple[str, ...]:
    """The non-blank lines of a text file, without comment lines (starting with ``#``)."""
    return tuple(line.rstrip("\n") for line in data_text(package, name).splitlines()
                 if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def word_set(package: str, name: str) -> frozenset[str]:
    """A word list (one entry per line, ``#`` comments) as a set."""
    return frozenset(line.strip() for line in data_lines(package, name))


@lru_cache(maxsize=None)
def data_sections(package: str, name: str) -> dict[str, frozenset[str]]:
    """A file of ``[section]`` headers, each followed by whitespace-separated words."""
    sections: dict[str, frozenset[str]] = {}
    for chunk in ("\n" + data_text(package, name)).split("\n[")[1:]:
        head, _, body = chunk.partition("]\n")
        sections[head] = frozenset(body.split())
    return sections


class SortedTable:
    """A large string -> int table read from a data file as sorted keys and their values.

    Building a dict of 70,000 keys costs more start-up time than a short run spends
    looking them up; a binary search over the sorted keys costs one C call a look-up.
    The data file holds ``{"keys": "<key>\\n<key>...", "values": [...]}``, keys sorted.
    """

    __slots__ = ("keys", "values")

    def __init__(self, table: dict):
        self.keys: list[str] = table["keys"].split("\n") if table["keys"] else []
        self.values: list[int] = table["values"]
        if len(self.keys) != len(self.values):
            raise ValueError("a sorted table needs as many values as keys")

    @classmethod
    def encode(cls, table: dict[str, int]) -> dict:
        """The data-file form of ``table``."""
        keys = sorted(table)
        if any("\n" in key for key in keys):
            raise ValueError("a sorted table's keys cannot hold a line break")
        return {"keys": "\n".join(keys), "values": [table[key] for key in keys]}

    def get(self, key: str, default: int = 0) -> int:
        keys = self.keys
        index = bisect.bisect_left(keys, key)
        if index < len(keys) and keys[index] == key:
            return self.values[index]
        return default

    def __len__(self) -> int:
        return len(self.keys)

    def items(self):
        return zip(self.keys, self.values)
