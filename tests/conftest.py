import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run_cli(*args, input=None, cwd=None, env=None):
    """Run the real command line in a subprocess."""
    environment = dict(os.environ)
    environment.pop("GARBLINT_DEBUG", None)
    environment["NO_COLOR"] = "1"
    if env:
        environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
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
