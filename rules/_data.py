"""A rule family's YAML data file, read through the engine's one loader."""
from __future__ import annotations

from garblint.linter.engine.data_files import data_yaml


def load_data(name: str) -> dict:
    """The parsed contents of ``rules/<name>.yaml``, read once per run."""
    return data_yaml("garblint.rules", f"{name}.yaml")
