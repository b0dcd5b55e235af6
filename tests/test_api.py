import pickle

from linter import Finding, lint_text, lint_texts, summarize_findings


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
