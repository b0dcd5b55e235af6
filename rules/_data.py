"""Loading a rule family's YAML data file, once, on first use."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


# libyaml's parser when PyYAML was built with it: several times faster at start-up.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class WordListLoader(_BaseLoader):
    """YAML without YAML 1.1 booleans: in a word list, "no", "on" and "off" are words."""


WordListLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """The parsed contents of ``rules/<name>.yaml``."""
    text = resources.files("rules").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=WordListLoader) or {}
