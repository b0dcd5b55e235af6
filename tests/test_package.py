"""garblint installs as one import package, `garblint`, which nothing else can shadow."""
import subprocess
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

import garblint

ROOT = Path(__file__).resolve().parent.parent


def test_the_public_api_is_the_garblint_package():
    findings = garblint.lint_text("Fishing boats returned to to the harbour at dawn on Tuesday.")
    assert [f.code for f in findings] == ["GL101"]
    assert isinstance(findings[0], garblint.Finding)
    assert garblint.__version__ and callable(garblint.hookimpl)


def test_every_installed_package_lives_under_garblint():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    assert all(name == "garblint" or name.startswith("garblint.") for name in setuptools["packages"])
    assert setuptools["package-dir"] == {"garblint": "garblint", "garblint.linter": "linter", "garblint.rules": "rules"}
    for target in list(project["project"]["entry-points"]["garblint"].values()) + list(project["project"]["scripts"].values()):
        assert target.startswith("garblint."), target


def test_a_project_with_its_own_linter_and_rules_packages_does_not_break_the_cli(tmp_path):
    # A content repository with packages of those names, first on sys.path.
    for name in ("linter", "rules"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("raise ImportError('the project\\'s own package')\n")
    (tmp_path / "article.txt").write_text("The minister said said nothing.\n", encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "garblint", "check", "--no-cache", "article.txt"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "GL101" in done.stdout and "Traceback" not in done.stderr
