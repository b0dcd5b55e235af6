import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# Runs keep their result cache here rather than in the folders they lint (the
# repository itself, for runs from ROOT); the cache's own tests choose theirs.
_CACHE = tempfile.TemporaryDirectory(prefix="garblint-test-cache-")


def run_cli(*args, input=None, cwd=None, env=None):
    """Run the real command line in a subprocess; a variable set to None in ``env`` is unset."""
    environment = dict(os.environ)
    environment.pop("GARBLINT_DEBUG", None)
    environment["NO_COLOR"] = "1"
    environment["GARBLINT_CACHE_DIR"] = _CACHE.name
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, "-m", "garblint", *args],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=environment,
        timeout=300,
    )


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """A temporary project folder with no configuration above it."""
    project = tmp_path / "project"
    project.mkdir()
    (project / ".garblint.yaml").write_text("{}\n")
    monkeypatch.chdir(project)
    return project
