"""Inline suppression directives in plain text and Markdown, through the command line."""
import json

from tests.conftest import run_cli

DOUBLED = "The envoys were keen to to travel."
SPACED = "The ferry left ,late."


def findings(result) -> list[tuple[int, str]]:
    return [(f["line"], f["code"]) for f in json.loads(result.stdout)["findings"]]


def check(folder, name, text, *options):
    (folder / name).write_text(text)
    return run_cli("check", "--format", "json", *options, name, cwd=folder)


def test_plain_text_disable_next_line(isolated):
    text = f"garblint: disable-next-line doubled-word, GL208\n{DOUBLED} {SPACED}\n{DOUBLED}\n"
    assert findings(check(isolated, "a.txt", text)) == [(3, "GL101")]


def test_plain_text_disable_and_enable(isolated):
    text = (f"{DOUBLED}\n"
            "garblint: disable GL101\n"
            f"{DOUBLED} {SPACED}\n"
            "garblint: enable GL101\n"
            f"{DOUBLED}\n"
            "  garblint: disable\n"
            f"{DOUBLED} {SPACED}\n")
    assert findings(check(isolated, "a.txt", text)) == [(1, "GL101"), (3, "GL208"), (5, "GL101")]


def test_a_plain_text_directive_line_is_not_prose(isolated):
    # As prose, "fused-words,doubled-word" lacks a space after its comma (GL303),
    # which the directive does not disable; in Markdown it is prose, and flagged.
    line = "garblint: disable fused-words,doubled-word\n\nThe talks went on.\n"
    assert findings(check(isolated, "a.txt", line)) == []
    assert findings(check(isolated, "a.md", line)) == [(1, "GL303")]


def test_a_line_that_mentions_a_directive_is_prose(isolated):
    text = f"{DOUBLED} garblint: disable GL101\n"
    assert findings(check(isolated, "a.txt", text)) == [(1, "GL101")]


def test_markdown_disable_line_suppresses_its_own_line(isolated):
    text = (f"# Notes\n\n{DOUBLED} <!-- garblint-disable-line GL101 -->\n{DOUBLED}\n\n"
            f"{DOUBLED} {SPACED} <!-- garblint-disable-line -->\n")
    assert findings(check(isolated, "a.md", text)) == [(4, "GL101")]


def test_markdown_directives_still_work(isolated):
    text = (f"# Notes\n\n<!-- garblint-disable-next-line repetition -->\n{DOUBLED}\n\n"
            f"<!-- garblint-disable GL208 -->\n{SPACED}\n<!-- garblint-enable GL208 -->\n\n{SPACED}\n")
    assert findings(check(isolated, "a.md", text)) == [(10, "GL208")]


def test_unknown_rules_in_directives_are_warned_about(isolated):
    text = f"garblint: disable-next-line doubled-wrod, GL101\n{DOUBLED}\n{DOUBLED}\n"
    result = check(isolated, "a.txt", text)
    assert findings(result) == [(3, "GL101")]
    assert result.returncode == 1  # a warning, not an error
    assert result.stderr == ("garblint: a.txt: line 1: warning: no rule, code prefix or family is named 'doubled-wrod' "
                             "(did you mean 'doubled-word'?); the suppression directive ignores it\n")
    markdown = check(isolated, "b.md", f"# T\n\n{DOUBLED} <!-- garblint-disable-line nonsense -->\n")
    assert findings(markdown) == [(3, "GL101")]
    assert "b.md: line 3: warning: no rule, code prefix or family is named 'nonsense'" in markdown.stderr
    assert len(markdown.stderr.splitlines()) == 1
