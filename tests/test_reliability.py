"""garblint never corrupts a file, never skips text silently, never reports an impossible span.

Every test goes through the real command line.
"""
import json
import os
import stat
import textwrap

import pytest

from .conftest import ROOT


@pytest.fixture
def here(cli, isolated):
    """The command line, run in the isolated project folder."""
    return lambda *args, **kw: cli(*args, cwd=isolated, **kw)


def findings_of(result):
    return json.loads(result.stdout)["findings"]


def write_plugin(folder, name, body):
    """A plugin module in ``folder``, loaded through the ``plugins:`` configuration key."""
    (folder / f"{name}.py").write_text(textwrap.dedent(body))
    (folder / ".garblint.yaml").write_text(f"plugins: [{name}]\n")
    return {"PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)])}


# -- inline markup is never read as broken prose, never edited -------------------

README_LINES = (
    "It lints everything else. `--stats` adds a table of words per document.\n\n"
    "Defaults are in `config.yaml`.\n\n"
    "We kept the measurements, and `probe/` and `probe2/` hold the documents.\n\n"
    "See [the guide](https://example.org/guide) for the the details.\n"
)


def test_inline_code_is_not_prose_that_looks_broken(cli, isolated):
    page = isolated / "README.md"
    page.write_text(README_LINES)
    result = cli("check", "--format", "json", "--select", "GL101,GL151,GL208", str(page))
    flagged = [(f["code"], README_LINES[f["start"]:f["end"]]) for f in findings_of(result)]
    # Only the real doubled word after the link remains.
    assert flagged == [("GL101", "the the")]


def test_fix_never_deletes_inline_code(cli, isolated):
    page = isolated / "notes.md"
    source = "We kept the measurements, and `probe/` and the the figures are in `data/`.\n"
    page.write_text(source)
    result = cli("check", "--fix", str(page))
    fixed = page.read_text()
    assert fixed == source.replace("the the", "the")
    assert "`probe/`" in fixed and "`data/`" in fixed
    assert "fixed 1 finding" in result.stderr


def test_no_finding_touches_inline_code(cli, isolated):
    page = isolated / "code.md"
    source = "Call `the the` or `foo ,bar` and <kbd>to to</kbd> then <https://a.example/to/to>.\n"
    page.write_text(source)
    found = findings_of(cli("check", "--format", "json", str(page)))
    assert found == [], found


# -- the fix guard ----------------------------------------------------------------

BAD_FIX_PLUGIN = """
    from garblint.linter import hookimpl
    from garblint.linter.engine.rule import Rule

    class BreaksStructure(Rule):
        code = "GL990"
        name = "breaks-structure"
        family = "testing"
        severity = "error"
        fixable = True

        def check(self, doc):
            at = doc.text.find("word")
            if at >= 0:
                yield self.finding(at, at + 4, "test", ["`word"])

    @hookimpl
    def garblint_rules():
        return [BreaksStructure]
"""


def test_a_fix_that_changes_markdown_structure_is_refused(cli, tmp_path):
    env = write_plugin(tmp_path, "structure_plugin", BAD_FIX_PLUGIN)
    page = tmp_path / "page.md"
    source = "A word and `code` here.\n"
    page.write_text(source)
    result = cli("check", "--fix", str(page), cwd=tmp_path, env=env)
    assert page.read_text() == source
    assert "not fixed: the fixes would change the Markdown structure" in result.stderr


EDITS_CODE_PLUGIN = """
    from garblint.linter import hookimpl
    from garblint.linter.engine.rule import Rule

    class EditsCode(Rule):
        code = "GL991"
        name = "edits-code"
        family = "testing"
        severity = "error"
        fixable = True

        def check(self, doc):
            at = doc.text.find("inside")
            yield self.finding(at - 2, at + 6, "test", ["x"])

    @hookimpl
    def garblint_rules():
        return [EditsCode]
"""


def test_a_fix_over_skipped_markup_is_never_made(cli, tmp_path):
    env = write_plugin(tmp_path, "code_plugin", EDITS_CODE_PLUGIN)
    page = tmp_path / "page.md"
    source = "Prose and `inside` code.\n"
    page.write_text(source)
    cli("check", "--fix", str(page), cwd=tmp_path, env=env)
    assert page.read_text() == source


# -- files that change, links, permissions -----------------------------------------

CHANGES_FILE_PLUGIN = """
    from garblint.linter import hookimpl
    from garblint.linter.engine.rule import Rule

    class ChangesTheFile(Rule):
        code = "GL992"
        name = "changes-the-file"
        family = "testing"
        severity = "info"

        def check(self, doc):
            # Another program edits the file while garblint lints it.
            with open(doc.path, "a", encoding="utf-8") as handle:
                handle.write("A line added meanwhile.\\n")
            return []

    @hookimpl
    def garblint_rules():
        return [ChangesTheFile]
"""


def test_fix_refuses_a_file_that_changed_after_it_was_read(cli, tmp_path):
    env = write_plugin(tmp_path, "changes_plugin", CHANGES_FILE_PLUGIN)
    story = tmp_path / "story.txt"
    story.write_text("The the talks went on.\n")
    result = cli("check", "--fix", str(story), cwd=tmp_path, env=env)
    assert "not fixed: the file changed after it was read" in result.stderr
    # The doubled word is still there: only the other program's lines were added.
    first, *added = story.read_text().splitlines()
    assert first == "The the talks went on." and added and set(added) == {"A line added meanwhile."}


def test_fix_through_a_symbolic_link_writes_the_target(cli, isolated):
    target = isolated / "real.txt"
    target.write_text("They were able to to go.\n")
    link = isolated / "link.txt"
    link.symlink_to(target)
    cli("check", "--fix", str(link))
    assert link.is_symlink()
    assert target.read_text() == "They were able to go.\n"


def test_fix_keeps_hard_links(cli, isolated):
    first = isolated / "first.txt"
    first.write_text("They were able to to go.\n")
    second = isolated / "second.txt"
    os.link(first, second)
    cli("check", "--fix", str(first))
    assert os.stat(first).st_ino == os.stat(second).st_ino
    assert second.read_text() == "They were able to go.\n"
    assert not [p.name for p in isolated.iterdir() if p.name.startswith(".garblint-")]


def test_fix_skips_a_read_only_file_with_a_note(cli, isolated):
    story = isolated / "locked.txt"
    story.write_text("They were able to to go.\n")
    os.chmod(story, 0o444)
    result = cli("check", "--fix", str(story))
    assert story.read_text() == "They were able to to go.\n"
    assert stat.S_IMODE(os.stat(story).st_mode) == 0o444
    assert "locked.txt: not fixed: the file is read-only" in result.stderr
    assert result.returncode == 1  # the finding is still reported


# -- no text is skipped silently -------------------------------------------------------

def test_a_paragraph_of_three_megabytes_is_linted_to_its_last_byte(here, isolated):
    sentences = [f"Delegates from region number {i} reviewed the budget with care." for i in range(48_000)]
    record = " ".join(sentences) + " In the end they were able to to agree."
    assert len(record) > 3_000_000 and "\n" not in record
    (isolated / "long.txt").write_text(record + "\n")
    result = here("check", "--format", "json", "--select", "GL101", "long.txt")
    found = findings_of(result)
    assert [(f["code"], record[f["start"]:f["end"]]) for f in found] == [("GL101", "to to")]
    assert json.loads(result.stdout)["summary"]["words"] > 400_000


def test_markdown_nested_past_the_parser_limit_is_still_linted(cli, isolated):
    page = isolated / "deep.md"
    page.write_text(">" * 150 + " The delegates were able to to agree.\n")
    result = cli("check", "--format", "json", "--select", "GL101", str(page))
    assert [f["code"] for f in findings_of(result)] == ["GL101"]
    assert "nested deeper than" in result.stderr


def test_all_clear_is_not_claimed_when_every_file_failed(here, isolated):
    (isolated / "binary.txt").write_bytes(b"\0\1\2")
    (isolated / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    result = here("check", "binary.txt", "latin1.txt")
    assert result.returncode == 2
    assert "All clear" not in result.stdout
    assert "Nothing linted: 2 files could not be read." in result.stdout


def test_failed_files_are_not_counted_as_linted(here, isolated):
    (isolated / "good.txt").write_text("The delegates agreed on the budget.\n")
    (isolated / "binary.txt").write_bytes(b"\0\1\2")
    result = here("check", "good.txt", "binary.txt")
    assert "No findings in 1 file. 1 file could not be read." in result.stdout
    assert result.returncode == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_never_hangs_a_run(here, isolated):
    os.mkfifo(isolated / "pipe.txt")
    (isolated / "good.txt").write_text("The delegates agreed on the budget.\n")
    named = here("check", "pipe.txt")
    assert named.returncode == 2
    assert "pipe.txt: not a regular file (a FIFO)" in named.stderr
    walked = here("check", ".")
    assert walked.returncode == 0
    assert "pipe.txt: skipped, not a regular file (a FIFO)" in walked.stderr


# -- spans and positions -------------------------------------------------------------

def test_every_span_is_ordered(here, isolated):
    (isolated / "quotes.txt").write_text("” „ ” ")
    result = here("check", "--format", "sarif", "quotes.txt")
    assert "invalid span" not in result.stderr
    for entry in json.loads(result.stdout)["runs"][0]["results"]:
        region = entry["locations"][0]["physicalLocation"]["region"]
        assert region["charLength"] >= 0


def test_a_byte_order_mark_is_not_a_column(here, isolated):
    (isolated / "bom.txt").write_bytes("\ufeffThe the talks ended.\n".encode("utf-8"))
    found = findings_of(here("check", "--format", "json", "bom.txt"))
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("GL101", 1, 1)]


def test_windows_line_ends_do_not_hide_a_space_before_a_mark(here, isolated):
    (isolated / "crlf.txt").write_bytes(b"The talks failed ,\r\nand the minister left .\r\nHe said so.\r\n")
    found = findings_of(here("check", "--format", "json", "--select", "GL208", "crlf.txt"))
    assert [(f["line"], f["column"]) for f in found] == [(1, 11), (2, 18)]


def test_a_rule_stops_at_a_thousand_findings_in_one_document_and_says_so(here, isolated):
    (isolated / "flood.txt").write_text("Delegates met. " + "the the " * 1500 + "\n")
    result = here("check", "--format", "json", "--select", "GL101", "flood.txt")
    assert len(findings_of(result)) == 1000
    assert "flood.txt: GL101 (doubled-word) stopped at 1000 findings" in result.stderr
