"""The output formats CI systems and reviewers read: SARIF, GitLab, JUnit, rdjson, HTML."""
import html.parser
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import jsonschema
import pytest

from garblint.linter.commands.session import UsageError, registered_reporters, reporter_class
from garblint.linter.engine.findings import Finding
from garblint.linter.engine.plugins import all_rule_classes, plugin_manager
from garblint.linter.reporters import DOCS_URL, RULE_DOCS_URL, JunitReporter, repository_root
from garblint.linter.engine.rule import Rule
from garblint.linter.engine.runner import FileResult
from tests.conftest import ROOT, run_cli

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"

BROKEN = "The delegates were able to to leave early.\n"
CLEAN = "The delegates were able to leave early.\n"


def garblint(*args, cwd):
    """The real command line, run from ``cwd`` with this checkout's code."""
    return run_cli(*args, cwd=cwd, env={"PYTHONPATH": str(ROOT)})


@pytest.fixture
def repo(tmp_path):
    """A repository (a folder holding .git) with a broken file in a subfolder and a clean one at the top."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / ".garblint.yaml").write_text("{}\n")
    (root / "docs" / "news").mkdir(parents=True)
    (root / "docs" / "news" / "broken.txt").write_text(BROKEN)
    (root / "clean.txt").write_text(CLEAN)
    return root


def sarif_of(result) -> dict:
    assert result.returncode in (0, 1), result.stderr
    log = json.loads(result.stdout)
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    return log


def resolve(run: dict, location: dict) -> Path:
    """The local file a SARIF artifactLocation names, as a viewer resolves it."""
    uri = location["uri"]
    if "uriBaseId" in location:
        uri = urljoin(run["originalUriBaseIds"][location["uriBaseId"]]["uri"], uri)
    parsed = urlparse(uri)
    assert parsed.scheme == "file"
    return Path(unquote(parsed.path))


# -- SARIF ---------------------------------------------------------------------------

def test_the_vendored_schema_is_the_official_2_1_0_one():
    jsonschema.validators.validator_for(SARIF_SCHEMA).check_schema(SARIF_SCHEMA)
    assert SARIF_SCHEMA["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    assert (ROOT / "tests" / "data" / "sarif" / "LICENSE.md").is_file()


def test_sarif_paths_are_relative_to_the_repository_root(repo):
    run = sarif_of(garblint("check", "--format", "sarif", ".", cwd=repo))["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file://") and base.endswith("/")
    assert Path(unquote(urlparse(base).path)) == repo.resolve()
    (result,) = run["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "docs/news/broken.txt", "uriBaseId": "%SRCROOT%"}
    assert resolve(run, location) == (repo / "docs" / "news" / "broken.txt").resolve()


def test_sarif_from_a_subfolder_still_names_files_from_the_root(repo):
    run = sarif_of(garblint("check", "--format", "sarif", "broken.txt", cwd=repo / "docs" / "news"))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "docs/news/broken.txt"
    assert Path(unquote(urlparse(run["originalUriBaseIds"]["%SRCROOT%"]["uri"]).path)) == repo.resolve()


def test_sarif_uris_are_percent_encoded(repo):
    folder = repo / "notes et idées"
    folder.mkdir()
    (folder / "été #1.txt").write_text(BROKEN)
    run = sarif_of(garblint("check", "--format", "sarif", str(folder), cwd=repo))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert " " not in location["uri"] and "#" not in location["uri"]
    assert unquote(location["uri"]) == "notes et idées/été #1.txt"
    assert resolve(run, location) == (folder / "été #1.txt").resolve()


def test_sarif_for_a_file_outside_the_repository_is_an_absolute_uri(repo, tmp_path):
    outside = tmp_path / "elsewhere" / "broken.txt"
    outside.parent.mkdir()
    outside.write_text(BROKEN)
    run = sarif_of(garblint("check", "--format", "sarif", str(outside), cwd=repo))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in location
    assert resolve(run, location) == outside.resolve()


def test_sarif_without_a_repository_is_relative_to_the_current_folder(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("{}\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "broken.txt").write_text(BROKEN)
    if repository_root(str(tmp_path)) != str(tmp_path):
        pytest.skip("the temporary folder lies inside a repository")
    run = sarif_of(garblint("check", "--format", "sarif", "sub", cwd=tmp_path))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "sub/broken.txt", "uriBaseId": "%SRCROOT%"}
    assert resolve(run, location) == (tmp_path / "sub" / "broken.txt").resolve()


def test_sarif_with_no_findings_is_valid_and_empty(repo):
    log = sarif_of(garblint("check", "--format", "sarif", "clean.txt", cwd=repo))
    run = log["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []


def test_sarif_rules_carry_help_markdown_and_a_help_uri(repo):
    run = sarif_of(garblint("check", "--format", "sarif", ".", cwd=repo))["runs"][0]
    (rule,) = run["tool"]["driver"]["rules"]
    assert rule["id"] == "GL101" and rule["helpUri"] == RULE_DOCS_URL
    markdown = rule["help"]["markdown"]
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## What it does", "## Why is this bad", "## Example", "## Use instead"]
    assert rule["help"]["text"]  # SARIF asks for text beside markdown
    assert run["tool"]["driver"]["informationUri"] == DOCS_URL


def test_sarif_fixes_replace_the_span_with_the_first_suggestion(repo):
    page = repo / "fix.txt"
    text = "Café owners were able to to open. The plan was in orderaccording to the law.\n"
    page.write_text(text)
    run = sarif_of(garblint("check", "--format", "sarif", "fix.txt", cwd=repo))["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert set(by_rule) == {"GL101", "GL302"}
    # GL302 suggests a split but is not fixable: a suggestion, no fix.
    assert by_rule["GL302"]["properties"]["suggestions"] and "fixes" not in by_rule["GL302"]
    (fix,) = by_rule["GL101"]["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "fix.txt", "uriBaseId": "%SRCROOT%"}
    (replacement,) = change["replacements"]
    region = replacement["deletedRegion"]
    start, length = region["charOffset"], region["charLength"]
    fixed = text[:start] + replacement["insertedContent"]["text"] + text[start + length:]
    assert fixed == "Café owners were able to open. The plan was in orderaccording to the law.\n"
    line = text.split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == text[start:start + length]


def test_help_markdown_escapes_prose_and_fences_examples():
    class Sample(Rule):
        code, name, family = "GL999", "sample", "tests"
        summary = "Flags *stars* and <tags>."
        explanation = "Set the `threshold_value` option; a_b stays a_b."
        bad = "uses ``` inside"
        good = "plain"
        fixable = True

    markdown = Sample.documentation_markdown()
    assert r"Flags \*stars\* and \<tags\>." in markdown
    assert "`threshold_value`" in markdown and r"a\_b stays a\_b" in markdown
    assert "````text\nuses ``` inside\n````" in markdown
    assert "--fix" in markdown


@pytest.mark.parametrize("cls", all_rule_classes(plugin_manager(())), ids=lambda c: c.code)
def test_every_rule_renders_its_documentation_as_markdown(cls):
    markdown = cls.documentation_markdown()
    blocks = re.findall(r"^(`{3,})text\n(.*?)\n\1$", markdown, flags=re.M | re.S)
    assert [body for _, body in blocks] == [example.strip("\n") for example in (cls.bad, cls.good) if example]
    assert markdown.startswith("## What it does\n\n")


# -- GitLab Code Quality -------------------------------------------------------------------

def test_gitlab_code_quality(repo):
    (repo / ".garblint.yaml").write_text(
        "rules:\n  doubled-word:\n    severity: warning\n  fused-words:\n    severity: info\n"
    )
    (repo / "docs" / "mixed.txt").write_text(
        "The envoys were able to to go.\nThe envoys were able to to go.\nThe plan was in orderaccording to the law. It endedAfter noon.\n"
    )
    result = garblint("check", "--format", "gitlab", "--fail-on", "never", "mixed.txt", cwd=repo / "docs")
    assert result.returncode == 0, result.stderr
    issues = json.loads(result.stdout)
    assert {i["check_name"].split()[0] for i in issues} == {"GL101", "GL302", "GL301"}
    for issue in issues:
        assert issue["description"] and issue["location"]["path"] == "docs/mixed.txt"
        assert isinstance(issue["location"]["lines"]["begin"], int)
    severity = {i["check_name"].split()[0]: i["severity"] for i in issues}
    assert severity == {"GL101": "minor", "GL302": "info", "GL301": "major"}
    # The same text flagged on two lines still needs two fingerprints for GitLab.
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert sorted(i["location"]["lines"]["begin"] for i in issues if i["check_name"].startswith("GL101")) == [1, 2]


def test_gitlab_with_no_findings_is_an_empty_list(repo):
    result = garblint("check", "--format", "gitlab", "clean.txt", cwd=repo)
    assert result.returncode == 0 and json.loads(result.stdout) == []


# -- JUnit -------------------------------------------------------------------------------

def test_junit_has_a_suite_per_file_and_a_failure_per_finding(repo):
    twice = "The envoys were able to to go, and and stay.\n"
    (repo / "twice.txt").write_text(twice)
    result = garblint("check", "--format", "junit", ".", cwd=repo)
    assert result.returncode == 1
    suites = ET.fromstring(result.stdout)
    assert suites.tag == "testsuites"
    by_name = {s.get("name"): s for s in suites.findall("testsuite")}
    assert set(by_name) == {"clean.txt", "docs/news/broken.txt", "twice.txt"}
    (passing,) = by_name["clean.txt"].findall("testcase")
    assert passing.find("failure") is None and by_name["clean.txt"].get("failures") == "0"
    cases = by_name["twice.txt"].findall("testcase")
    assert [c.get("name") for c in cases] == ["garblint.GL101", "garblint.GL101"]
    columns = [str(twice.index("to to") + 1), str(twice.index("and and") + 1)]
    assert [(c.get("line"), c.get("column")) for c in cases] == [("1", columns[0]), ("1", columns[1])]
    assert {c.get("classname") for c in cases} == {"twice"}
    failures = [c.find("failure") for c in cases]
    assert [f.get("message") for f in failures] == ["doubled word 'to'", "doubled word 'and'"]
    assert failures[0].text.startswith(f"line 1, col {columns[0]},")
    assert suites.get("failures") == "3" and suites.get("tests") == "4"


def test_junit_writes_characters_xml_cannot_hold_as_replacements():
    finding = Finding("GL101", "doubled-word", "repetition", "error", "doubled word 'to\x01'", 0, 5,
                      path="a.txt", line=1, column=1, end_line=1, end_column=6)
    stream = io.StringIO()
    JunitReporter(stream).report([FileResult("a.txt", findings=[finding])], {})
    failure = ET.fromstring(stream.getvalue()).find("testsuite/testcase/failure")
    assert failure.get("message") == "doubled word 'to\ufffd'"


def test_junit_with_nothing_to_report_passes():
    stream = io.StringIO()
    JunitReporter(stream).report([], {})
    suites = ET.fromstring(stream.getvalue())
    cases = suites.findall("testsuite/testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None and suites.get("failures") == "0"


# -- reviewdog rdjson --------------------------------------------------------------------------

def test_rdjson_columns_count_utf8_bytes_and_fixable_findings_carry_suggestions(repo):
    text = "Élodie’s café was able to to open. The plan was in orderaccording to the law.\n"
    (repo / "cafe.txt").write_text(text)
    result = garblint("check", "--format", "rdjson", "cafe.txt", cwd=repo)
    payload = json.loads(result.stdout)
    assert payload["source"]["name"] == "garblint" and payload["severity"] == "ERROR"
    by_code = {d["code"]["value"]: d for d in payload["diagnostics"]}
    assert set(by_code) == {"GL101", "GL302"}
    doubled = by_code["GL101"]
    assert doubled["severity"] == "ERROR" and doubled["message"] == "doubled word 'to'"
    assert doubled["code"]["url"] == RULE_DOCS_URL
    assert doubled["location"]["path"] == "cafe.txt"
    span = doubled["location"]["range"]
    encoded = text.encode("utf-8")
    assert encoded[span["start"]["column"] - 1:span["end"]["column"] - 1] == b"to to"
    assert span["start"]["column"] != text.index("to to") + 1  # bytes, not characters, before it
    (suggestion,) = doubled["suggestions"]
    assert suggestion == {"range": span, "text": "to"}
    assert "suggestions" not in by_code["GL302"]  # a suggestion, but not a fixable rule


def test_rdjson_severities(repo):
    (repo / ".garblint.yaml").write_text("rules:\n  doubled-word:\n    severity: info\n")
    payload = json.loads(garblint("check", "--format", "rdjson", "docs", cwd=repo).stdout)
    assert [d["severity"] for d in payload["diagnostics"]] == ["INFO"]
    assert payload["severity"] == "INFO"
    empty = json.loads(garblint("check", "--format", "rdjson", "clean.txt", cwd=repo).stdout)
    assert empty["diagnostics"] == [] and "severity" not in empty


# -- formats come from the reporter plugins -----------------------------------------------------

def test_every_registered_format_is_offered_and_runs(repo):
    names = list(registered_reporters(plugin_manager(())))
    assert {"text", "json", "sarif", "github", "gitlab", "junit", "rdjson", "html"} <= set(names)
    assert "{" + ",".join(names) + "}" in garblint("check", "--help", cwd=repo).stdout.replace("\n", "").replace(" ", "")
    for name in names:
        result = garblint("check", "--format", name, "docs", cwd=repo)
        assert result.returncode == 1 and result.stdout and not result.stderr, (name, result.stderr)


def test_an_unknown_format_is_a_usage_error(repo):
    result = garblint("check", "--format", "yaml", ".", cwd=repo)
    assert result.returncode == 2 and "invalid choice: 'yaml'" in result.stderr
    with pytest.raises(UsageError, match="unknown format 'yaml'"):
        reporter_class(plugin_manager(()), "yaml")


# -- HTML ------------------------------------------------------------------------------------------

HOSTILE = 'The panel said <script>alert("x")</script> & left , then then went "home".\n'


@pytest.fixture
def corpus(repo):
    """Three documents whose ranking by garble score is plain: dense, sparse and clean."""
    (repo / "dense.txt").write_text("The envoys were able to to go , and and stay.\n")
    (repo / "sparse.md").write_text("# Notes\n\n" + "The committee met on Monday and agreed on a budget for the year. " * 6
                                    + "\n\nThe the chair thanked everyone , then left.\n")
    (repo / "hostile.txt").write_text(HOSTILE)
    return repo


class _Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def html_report(folder, *paths) -> str:
    result = garblint("check", "--format", "html", *paths, cwd=folder)
    assert result.returncode == 1, result.stderr
    return result.stdout


def test_html_ranks_documents_and_escapes_everything(corpus):
    page = html_report(corpus, "dense.txt", "sparse.md", "hostile.txt", "clean.txt")
    parser = _Elements()
    parser.feed(page)
    rows = [attrs for tag, attrs in parser.tags if tag == "tr" and attrs.get("class") == "document-row"]
    scores = [float(r["data-score"]) for r in rows]
    assert scores == sorted(scores, reverse=True) and scores[-1] == 0
    assert rows[0]["data-path"] == "dense.txt" and rows[-1]["data-path"] == "clean.txt"
    assert rows.index(next(r for r in rows if r["data-path"] == "hostile.txt")) < rows.index(
        next(r for r in rows if r["data-path"] == "sparse.md"))
    # The document's own markup is text on the page, never an element.
    assert [tag for tag, _ in parser.tags].count("script") == 1
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    findings = [attrs for tag, attrs in parser.tags if tag == "li" and "finding" in attrs.get("class", "")]
    assert {f["data-family"] for f in findings} == {"repetition", "punctuation"}
    assert "<mark>then then</mark>" in page


def test_html_is_self_contained(corpus):
    page = html_report(corpus, ".")
    parser = _Elements()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert "src" not in attrs, tag
        assert tag != "link", attrs
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert "default-src 'none'" in page and "@import" not in page and "url(" not in page


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}")
def test_html_filters_in_a_real_browser(corpus, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    report = tmp_path / "report.html"
    report.write_text(html_report(corpus, "dense.txt", "sparse.md", "hostile.txt", "clean.txt"), encoding="utf-8")
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    requests: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=args)
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(report.as_uri())
            paths = page.locator("tr.document-row").evaluate_all("rows => rows.map(r => r.dataset.path)")
            assert paths[0] == "dense.txt" and paths[-1] == "clean.txt"
            scores = page.locator("tr.document-row").evaluate_all("rows => rows.map(r => Number(r.dataset.score))")
            assert scores == sorted(scores, reverse=True)
            repetition = page.locator('li.finding[data-family="repetition"]')
            punctuation = page.locator('li.finding[data-family="punctuation"]')
            assert repetition.count() >= 3 and punctuation.count() >= 2
            assert repetition.first.is_visible() and punctuation.first.is_visible()
            dense_shown = page.locator("#doc-1-shown")
            assert dense_shown.text_content() == "3"

            page.locator('input.family-filter[value="repetition"]').uncheck()
            assert all(not item.is_visible() for item in repetition.all())
            assert all(item.is_visible() for item in punctuation.all())
            assert dense_shown.text_content() == "1"  # the comma is left

            page.locator('input.severity-filter[value="warning"]').uncheck()
            assert all(not item.is_visible() for item in punctuation.all())
            assert page.locator("#doc-1 .all-hidden").is_visible()

            page.locator('input.family-filter[value="repetition"]').check()
            page.locator('input.severity-filter[value="warning"]').check()
            assert all(item.is_visible() for item in repetition.all())
            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / "html-report.png"
            page.screenshot(path=str(shot), full_page=True)
            shutil.copy(report, ARTIFACTS / "html-report.html")
            print(f"screenshot: {shot}")
            assert errors == []
        finally:
            browser.close()
    assert all(url.startswith(("file:", "about:", "data:")) for url in requests), requests
