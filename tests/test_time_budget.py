"""The per-rule time budget: a rule that runs too long is stopped, keeps its findings, and is named once."""
import textwrap
import time

from garblint.linter.engine.config import Config
from garblint.linter.engine.rule import Rule
from garblint.linter.engine.runner import run_rule, time_budget
from garblint.linter.engine.document import Document

from .conftest import run_cli

SLOW_PLUGIN = textwrap.dedent('''
    import time
    from garblint.linter import hookimpl
    from garblint.linter.engine.rule import Rule

    class EndlessRule(Rule):
        code = "XT001"
        name = "endless-rule"
        family = "testing"
        severity = "warning"
        summary = "Finds one thing, then loops for ever, yielding checkpoints."

        def check(self, doc):
            yield self.finding(0, 4, "first finding")
            while True:
                sum(range(10_000))  # busy: the budget counts CPU time
                yield None

    @hookimpl
    def garblint_rules():
        return [EndlessRule]
''')


def test_an_endless_plugin_rule_is_stopped_and_named_once(tmp_path):
    (tmp_path / "endless_plugin.py").write_text(SLOW_PLUGIN)
    (tmp_path / ".garblint.yaml").write_text("plugins: [endless_plugin]\nrule-time-budget: 0.3\n")
    (tmp_path / "big.txt").write_text("They were able to to present it.\n")
    started = time.perf_counter()
    result = run_cli("check", "big.txt", cwd=tmp_path, env={"PYTHONPATH": _pythonpath(tmp_path)})
    assert time.perf_counter() - started < 30  # the rule never ends on its own
    notes = [line for line in result.stderr.splitlines() if "stopped after" in line]
    assert len(notes) == 1
    assert notes[0].startswith("garblint: big.txt: XT001 (endless-rule) stopped after 0.3 s")
    assert notes[0].endswith("its findings here are incomplete")
    # The finding made before the stop is kept, and the other rules ran as usual.
    assert "XT001" in result.stdout and "first finding" in result.stdout
    assert "GL101" in result.stdout
    assert result.returncode == 1


def _pythonpath(folder):
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return os.pathsep.join([str(folder), str(root)])


class SlowFindings(Rule):
    code = "XT002"
    name = "slow-findings"
    family = "testing"
    summary = "A finding every 50 ms of CPU time."

    def check(self, doc):
        for start in range(len(doc.text)):
            began = time.process_time()
            while time.process_time() - began < 0.05:
                pass
            yield self.finding(start, start + 1, "slow")


class WaitingRule(Rule):
    code = "XT003"
    name = "waiting-rule"
    family = "testing"
    summary = "Waits for ever without using the CPU."

    def check(self, doc):
        while True:
            time.sleep(0.01)
            yield None


def test_run_rule_keeps_the_findings_made_before_the_budget_ran_out():
    doc = Document.from_text("x" * 100)
    found, seconds, stopped = run_rule(SlowFindings(), doc, 0.2)
    assert stopped
    assert 2 <= len(found) < 100
    assert [f.start for f in found] == list(range(len(found)))
    assert seconds >= 0.2


def test_a_rule_that_waits_is_stopped_by_wall_time():
    started = time.perf_counter()
    found, _, stopped = run_rule(WaitingRule(), Document.from_text("x"), 0.05)
    assert stopped and found == []
    assert time.perf_counter() - started < 5


def test_run_rule_without_a_budget_runs_to_the_end():
    doc = Document.from_text("x" * 3)
    found, _, stopped = run_rule(SlowFindings(), doc, None)
    assert not stopped and len(found) == 3


def test_the_budget_grows_with_the_text_and_has_a_floor():
    config = Config(rule_time_budget=2.0)
    assert time_budget(config, 1_000) == 2.0
    assert time_budget(config, 5_000_000) == 10.0
    assert time_budget(Config(rule_time_budget=0), 5_000_000) is None


def test_the_budget_key_is_validated(tmp_path):
    (tmp_path / ".garblint.yaml").write_text("rule-time-budget: soon\n")
    (tmp_path / "a.txt").write_text("Fine.\n")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "rule-time-budget" in result.stderr and "Traceback" not in result.stderr


def test_tagging_past_its_budget_falls_back_to_guesses_and_says_so(monkeypatch):
    import garblint.linter.engine.document as document
    from garblint.linter.engine.config import load_config
    from garblint.linter.engine.runner import Linter

    monkeypatch.setattr(document, "TAGGING_SECONDS_PER_MB", 0.0)  # spent at once
    sentences = " ".join(f"The {w}ster quibbled near the {w}ford barn." for w in ("alp", "bor", "cav", "dun") * 100)
    doc = document.Document.from_text(sentences)
    assert len(doc.tags) == len(doc.tokens)  # every token still has a tag
    assert doc.tagging_guessed_from is not None and doc.tagging_guessed_from > 0
    result = Linter(load_config(use_project_config=False)).lint_text(sentences, "a.txt")
    assert any("guessed from word forms" in note for note in result.notes)


def test_ordinary_text_is_tagged_in_context():
    from garblint.linter.engine.document import Document

    doc = Document.from_text("She refused to sign the agreement. " * 50)
    assert doc.tagging_guessed_from is None
    assert doc.tags[:4] == ["PRP", "VBD", "TO", "VB"]


def test_rules_past_the_document_budget_are_not_run_and_named(tmp_path):
    from garblint.linter.engine.config import load_config
    from garblint.linter.engine.runner import Linter

    (tmp_path / ".garblint.yaml").write_text("document-time-budget: 0.000001\n")
    config = load_config([str(tmp_path)])
    assert config.document_time_budget == 0.000001
    text = "The the report was late. " * 200
    result = Linter(config).lint_text(text, str(tmp_path / "a.txt"))
    note = next(n for n in result.notes if "not run" in n)
    assert "time budget" in note and "GL9" in note  # the last rules in code order are the ones left out
    assert any(f.code == "GL101" for f in result.findings)  # the first rule ran


def test_the_default_document_budget_leaves_ordinary_text_alone():
    from garblint.linter.engine.config import load_config
    from garblint.linter.engine.runner import Linter

    result = Linter(load_config(use_project_config=False)).lint_text("The minister said the the plan was ready. " * 100, "a.txt")
    assert not any("not run" in n for n in result.notes)
