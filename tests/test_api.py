import pickle

from garblint.linter import Finding, lint_text, lint_texts, summarize_findings


def test_lint_text_returns_plain_findings():
    (finding,) = lint_text("The players were able to to go.", config={"select": ["GL101"]})
    assert isinstance(finding, Finding)
    assert finding.to_dict()["code"] == "GL101"
    assert (finding.start, finding.end, finding.line, finding.column) == (22, 27, 1, 23)
    assert pickle.loads(pickle.dumps(finding)) == finding


def test_lint_texts_keeps_order():
    texts = ["Fine text here.", "The the cat.", "Also fine."]
    results = list(lint_texts(texts, config={"select": ["GL101"]}))
    assert [len(r) for r in results] == [0, 1, 0]


def test_summary_ranks_garbled_above_clean():
    garbled = lint_text("The players were able to to go. And the the dog barked at at night.", config={"select": ["GL101"]})
    clean = lint_text("They were able to go. The dog barked at night.", config={"select": ["GL101"]})
    a, b = summarize_findings(garbled, 13), summarize_findings(clean, 10)
    assert a["garble_score"] > b["garble_score"] == 0
    assert a["by_family"] == {"repetition": 3}
    assert a["worst_severity"] == "error"


def test_each_rule_is_set_up_once_before_the_first_document():
    from garblint.linter.engine.config import load_config
    from garblint.linter.engine.rule import Rule
    from garblint.linter.engine.runner import Linter

    calls = []

    class Probe(Rule):
        code, name, family = "ZZ901", "set-up-probe", "probe"

        def setup(self):
            calls.append("setup")
            self.words = {"zebra"}

        def check(self, doc):
            calls.append("check")
            for token in doc.tokens:
                if token.lower in self.words:
                    yield self.finding(token.start, token.end, "a zebra")

    linter = Linter(load_config(use_project_config=False))
    linter.rules = [Probe()]
    assert calls == []  # nothing loaded until a text is linted
    first = linter.lint_text("A zebra ran.", "a.txt").findings
    second = linter.lint_text("No stripes here.", "b.txt").findings
    assert calls == ["setup", "check", "check"]
    assert [f.code for f in first] == ["ZZ901"] and second == []


def test_a_rule_whose_setup_fails_is_reported_and_left_out():
    from garblint.linter.engine.config import load_config
    from garblint.linter.engine.rule import Rule
    from garblint.linter.engine.runner import Linter

    class Broken(Rule):
        code, name, family = "ZZ902", "broken-setup", "probe"

        def setup(self):
            raise OSError("word list missing")

        def check(self, doc):
            yield self.finding(0, 1, "never")

    linter = Linter(load_config(use_project_config=False))
    linter.rules = [Broken()]
    assert linter.lint_text("Text.", "a.txt").findings == []
    assert any("ZZ902" in e and "word list missing" in e for e in linter.rule_errors)
