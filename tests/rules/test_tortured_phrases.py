import json
from pathlib import Path

from linter.testing import flagged, run_rule
from rules.tortured_phrases import TorturedPhrase, phrase_index

ROOT = Path(__file__).resolve().parents[2]


def test_one_hit_is_a_warning_with_the_established_term():
    text = "The authors propose a new bosom peril screening method."
    (finding,) = run_rule(TorturedPhrase, text)
    assert text[finding.start:finding.end] == "bosom peril"
    assert finding.suggestions == ["breast cancer"]
    assert finding.severity == "warning"


def test_several_distinct_hits_make_every_hit_an_error():
    text = ("We apply profound learning and counterfeit consciousness to irregular woodland models. "
            "Profound learning helps.")
    findings = run_rule(TorturedPhrase, text)
    assert [text[f.start:f.end] for f in findings] == ["profound learning", "counterfeit consciousness", "irregular woodland", "Profound learning"]
    assert {f.severity for f in findings} == {"error"}
    assert "one of 3 tortured phrases" in findings[0].message


def test_plural_and_case_variants_match():
    assert flagged(TorturedPhrase, "Several Irregular Woodlands were trained.") == ["Irregular Woodlands"]


def test_established_terms_and_near_misses_are_clean():
    text = ("We apply deep learning and artificial intelligence to random forest models. "
            "The profound silence of the woodland was irregular. Breast cancer screening improved.")
    assert flagged(TorturedPhrase, text) == []


def test_phrases_do_not_match_across_sentences_or_punctuation():
    assert flagged(TorturedPhrase, "It was profound. Learning came later.") == []
    assert flagged(TorturedPhrase, "profound, learning") == []


def test_the_shipped_list_is_cleaned_and_attributed():
    data = json.loads((ROOT / "rules" / "data" / "tortured_phrases.json").read_text(encoding="utf-8"))
    index, longest = phrase_index()
    assert data["kept"] == len(data["phrases"]) > 7000
    for term in ("neural network", "search engine", "cloud computing", "supervised learning"):
        assert term not in data["phrases"]
    assert all(len(p.split()) >= 2 for p in data["phrases"])
    assert longest >= 3
    licence = (ROOT / "rules" / "data" / "TORTURED_PHRASES_LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence and "Cabanac" in licence
