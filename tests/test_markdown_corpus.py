"""Real Markdown (tests/data/markdown_corpus, see SOURCES.md): code and markup are never flagged or fixed.

Code and markup are found by ``benchmarks/markdown_corpus.py``'s own scanner,
not by garblint's parser, and the files go through the real command line.
"""
import json
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from markdown_corpus import markup_regions, overlapping, region_texts  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "markdown_corpus" / "files"
FILES = sorted(CORPUS.glob("*.md"))

# Each kind of region a finding must not touch, with the scanner's kinds it covers.
REGION_KINDS = {
    "inline code": ("inline-code",),
    "code blocks": ("code-block", "front-matter"),
    "HTML": ("html",),
    "link targets": ("link-target",),
}


def test_the_scanner_finds_each_kind_of_region():
    text = (
        "---\ntitle: x\n---\n\nSee `a, b` and [the docs](https://example.org/a,b \"t\"), "
        "<kbd>Ctrl</kbd>, &lt; and [ref][label].\n\n```sh\nls -l\n```\n\n    indented\n\n[label]: https://example.org\n"
    )
    found = {(text[s:e], kind) for s, e, kind in markup_regions(text)}
    assert ("`a, b`", "inline-code") in found
    assert ('(https://example.org/a,b "t")', "link-target") in found
    assert ("<kbd>", "html") in found and ("&lt;", "html") in found
    assert ("[label]: https://example.org", "link-target") in found
    assert ("```sh\nls -l\n```\n", "code-block") in found
    assert ("    indented\n", "code-block") in found
    assert not any("See" in text[s:e] for s, e, _ in markup_regions(text) if _ != "front-matter")


def test_the_sample_has_every_kind_of_region():
    kinds = {kind for path in FILES for _, _, kind in markup_regions(path.read_text(encoding="utf-8"))}
    assert {"inline-code", "code-block", "html", "link-target", "front-matter"} <= kinds
    assert 10 <= len(FILES) <= 20


@pytest.fixture(scope="module")
def findings_by_file():
    result = run_cli("check", "--no-config", "--format", "json", "--fail-on", "never", *map(str, FILES))
    assert result.returncode == 0, result.stderr
    by_file = {str(path): [] for path in FILES}
    for finding in json.loads(result.stdout)["findings"]:
        by_file[finding["path"]].append(finding)
    return by_file


def _findings_on(findings_by_file, kinds):
    hits = []
    for path, findings in findings_by_file.items():
        text = Path(path).read_text(encoding="utf-8")
        regions = markup_regions(text)
        for finding in findings:
            if overlapping(finding["start"], finding["end"], regions, kinds):
                hits.append(f"{Path(path).name}: {finding['code']} {text[finding['start']:finding['end']]!r}")
    return hits


@pytest.mark.parametrize("what", [
    "inline code",
    "code blocks",
    "HTML",
    "link targets",
])
def test_no_finding_touches_code_or_markup(findings_by_file, what):
    assert _findings_on(findings_by_file, REGION_KINDS[what]) == []


@pytest.fixture(scope="module")
def fixed_copies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    copies = []
    for path in FILES:
        shutil.copy(path, folder / path.name)
        copies.append(folder / path.name)
    result = run_cli("check", "--no-config", "--fix", "--fail-on", "never", "--quiet", *map(str, copies))
    assert result.returncode == 0, result.stderr
    return {path: folder / path.name for path in FILES}


def test_fix_changes_some_prose(fixed_copies):
    # The check below means something only if --fix edited these files at all.
    assert any(copy.read_bytes() != original.read_bytes() for original, copy in fixed_copies.items())


def test_fix_changes_no_byte_inside_code_or_markup(fixed_copies):
    changed = [original.name for original, copy in fixed_copies.items()
               if region_texts(copy.read_text(encoding="utf-8")) != region_texts(original.read_text(encoding="utf-8"))]
    assert changed == []
