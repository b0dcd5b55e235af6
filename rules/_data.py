"""Loading a rule family's YAML data file, once, on first use."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """The parsed contents of ``rules/<name>.yaml``."""
    text = resources.files("rules").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}
