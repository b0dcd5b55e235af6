import json
import time
from pathlib import Path

from garblint.linter.testing import flagged, run_rule
from garblint.rules.tortured_phrases import TorturedPhrase, phrase_index, singular_forms

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "rules" / "data"


def spans(text, findings):
    return [text[f.start:f.end] for f in findings]


# --- positives -------------------------------------------------------------

def test_one_isolated_hit_is_a_warning_with_the_established_term():
    text = "The clinic in Leeds has opened a new bosom peril screening unit for older women."
    (finding,) = run_rule(TorturedPhrase, text)
    assert text[finding.start:finding.end] == "bosom peril"
    assert finding.suggestions == ["breast cancer"]
    assert finding.severity == "warning"
    assert "breast cancer" in finding.message


def test_a_spun_science_paragraph_makes_every_hit_an_error():
    text = ("In this study we combine profound learning with counterfeit consciousness to forecast "
            "crop yields. An irregular woodland classifier was trained on the satellite images, "
            "and profound learning again gave the best results.")
    findings = run_rule(TorturedPhrase, text)
    assert spans(text, findings) == ["profound learning", "counterfeit consciousness", "irregular woodland", "profound learning"]
    assert {f.severity for f in findings} == {"error"}
    assert "one of 3 distinct tortured phrases" in findings[0].message
    assert findings[1].suggestions == ["artificial intelligence"]
    assert findings[2].suggestions == ["random forest"]


def test_the_same_phrase_twice_is_still_one_distinct_phrase():
    text = "Profound learning is popular. Many firms now hire profound learning engineers."
    findings = run_rule(TorturedPhrase, text)
    assert spans(text, findings) == ["Profound learning", "profound learning"]
    assert {f.severity for f in findings} == {"warning"}
    assert findings[0].suggestions == ["Deep learning"]  # capitalised like the text it replaces


def test_business_and_health_spin():
    text = ("The start-up raised funds to build a brilliant gadget platform for shops, "
            "while its rival focuses on bosom peril detection in rural clinics.")
    findings = run_rule(TorturedPhrase, text)
    assert spans(text, findings) == ["brilliant gadget", "bosom peril"]
    assert findings[0].suggestions == ["smart device"]
    assert {f.severity for f in findings} == {"error"}


def test_min_distinct_is_configurable():
    text = "The team used profound learning and counterfeit consciousness to rank the players."
    strict = run_rule(TorturedPhrase, text, options={"min_distinct": 3})
    assert {f.severity for f in strict} == {"warning"}
    default = run_rule(TorturedPhrase, text)
    assert {f.severity for f in default} == {"error"}


def test_plural_case_and_hyphen_variants_match():
    assert flagged(TorturedPhrase, "Several Irregular Woodlands were trained.") == ["Irregular Woodlands"]
    assert flagged(TorturedPhrase, "Its profound-learning pipeline is slow.") == ["profound-learning"]
    assert flagged(TorturedPhrase, "Large amounts of colossal information were stored.") == ["colossal information"]


def test_longer_phrases_win_over_their_prefixes():
    text = "The signal to noise ratio improved, but the sign to noise ratio did not."
    assert flagged(TorturedPhrase, text) == ["sign to noise"]


def test_abbreviation_entries_match_without_the_abbreviation():
    text = "The synthetic intelligence (AI) market keeps growing."
    findings = run_rule(TorturedPhrase, text)
    assert spans(text, findings) == ["synthetic intelligence"]
    assert findings[0].suggestions == ["artificial intelligence"]


def test_exceptions_option():
    text = "We used profound learning."
    assert flagged(TorturedPhrase, text, options={"exceptions": ["Profound learning"]}) == []


# --- negatives -------------------------------------------------------------

def test_established_terms_are_clean():
    text = ("We apply deep learning and artificial intelligence to random forest models. "
            "A neural network was trained with supervised learning in a cloud computing cluster; "
            "the search engine indexed the results. Breast cancer screening improved, and the "
            "signal to noise ratio was high. Machine learning and big data are everywhere.")
    assert flagged(TorturedPhrase, text) == []


def test_near_misses_are_clean():
    text = ("The profound silence of the woodland was irregular. It was profound. Learning came later. "
            "Profound, learning minds differ. The counterfeit notes showed no consciousness of risk. "
            "A bosom friend faced real peril.")
    assert flagged(TorturedPhrase, text) == []


def test_everyday_english_that_spinners_also_produce_is_clean():
    text = ("Be that as it may, the supply route stayed open. The team dug in on the off chance "
            "of a late goal, and a brilliant home win followed. The museum is a place of interest "
            "for tourists, and the warm exchange between the leaders was noted. Her third request "
            "was refused. Higher pay levels were agreed at his third birthday party.")
    assert flagged(TorturedPhrase, text) == []


def test_phrases_do_not_cross_sentences_or_punctuation():
    assert flagged(TorturedPhrase, "It was profound. Learning came later.") == []
    assert flagged(TorturedPhrase, "profound, learning") == []
    assert flagged(TorturedPhrase, "profound (learning)") == []


def test_part_of_a_hyphenated_compound_is_not_the_phrase():
    text = "The coaching set-up will change before the games. The old-profound learning model failed."
    assert flagged(TorturedPhrase, text) == []
    assert flagged(TorturedPhrase, "The coaching set was ready.") == ["coaching set"]


def test_singular_forms():
    assert singular_forms("woodlands") == ("woodlands", "woodland")
    assert "policy" in singular_forms("policies")
    assert singular_forms("glass") == ("glass",)


# --- data and seeds ----------------------------------------------------------

def test_the_shipped_list_is_cleaned_and_attributed():
    data = json.loads((DATA / "tortured_phrases.json").read_text(encoding="utf-8"))
    index, longest = phrase_index()
    assert data["kept"] == len(data["phrases"]) > 7000
    assert sum(data["dropped"].values()) > 100
    for term in ("neural network", "search engine", "cloud computing", "supervised learning",
                 "machine learning", "be that as it", "supply route", "place of interest"):
        assert term not in data["phrases"]
    assert all(len(p.split(" ")) >= 2 for p in data["phrases"])
    assert longest >= 3
    dropped = (DATA / "tortured_phrases_dropped.tsv").read_text(encoding="utf-8")
    assert "neural network\t" in dropped and "a common English word pair" in dropped
    licence = (DATA / "TORTURED_PHRASES_LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence and "Cabanac" in licence and "torturedcheck" in licence


def test_clean_seed_has_no_finding_and_seeds_have_no_tortured_phrase():
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        assert flagged(TorturedPhrase, path.read_text(encoding="utf-8")) == [], path.name


def test_speed_on_a_long_document():
    paragraph = ("The minister said on Tuesday that the new rail line would open next spring, "
                 "after years of delay and a budget that doubled. Critics argued that the money "
                 "would have been better spent on buses. ") * 200  # about 7,000 words
    phrase_index()
    start = time.perf_counter()
    assert flagged(TorturedPhrase, paragraph) == []
    assert time.perf_counter() - start < 0.5


def test_code_in_markdown_is_not_prose():
    text = "# Notes\n\nThe model is fine.\n\n```\nprofound learning = True\n```\n\nWe used `bosom peril` as a key.\n"
    assert flagged(TorturedPhrase, text, markdown=True) == []
    text = "# Notes\n\nOur lab studies bosom peril in mice.\n"
    assert flagged(TorturedPhrase, text, markdown=True) == ["bosom peril"]


# --- spun collocations (GL702) ------------------------------------------------

from garblint.rules.tortured_phrases import SpunCollocation, spun_pairs, spun_tables  # noqa: E402

SPUN = ("Rising sea levels follow from climate modification, experts warned. Meanwhile unreal "
        "intelligence reshapes offices, and chest cancer screening lags in rural areas.")


def test_a_cluster_of_spun_pairs_is_reported_with_the_collocations():
    findings = run_rule(SpunCollocation, SPUN)
    assert spans(SPUN, findings) == ["climate modification", "unreal intelligence", "chest cancer"]
    assert [f.suggestions for f in findings] == [["climate change"], ["artificial intelligence"], ["breast cancer"]]
    assert {f.severity for f in findings} == {"warning"}
    assert "one of 3 suspect phrases" in findings[0].message


def test_one_spun_pair_alone_is_not_enough():
    text = "Rising sea levels follow from climate modification, experts warned on Monday."
    assert flagged(SpunCollocation, text) == []
    assert flagged(SpunCollocation, text, options={"min_distinct": 1}) == ["climate modification"]


def test_tortured_phrases_nearby_count_towards_a_cluster():
    text = "The lab trains a profound learning model on colossal information. It pays by recognition card."
    findings = run_rule(SpunCollocation, text)
    assert spans(text, findings) == ["recognition card"]
    assert findings[0].suggestions == ["credit card"]
    assert "one of 3 suspect phrases" in findings[0].message
    # One fingerprint is not enough, nor is one far away.
    assert flagged(SpunCollocation, "The lab trains a profound learning model. It pays by recognition card.") == []
    filler = " ".join(["The council met again on Tuesday and the vote was close."] * 30)
    far = f"The lab trains a profound learning model on colossal information. {filler} It pays by recognition card."
    assert flagged(SpunCollocation, far) == []


def test_pairs_far_apart_do_not_make_a_cluster():
    filler = " ".join(["The council met again on Tuesday and the vote was close."] * 30)
    text = f"Rising sea levels follow from climate modification. {filler} Unreal intelligence grows. {filler} Chest cancer rates fell."
    assert flagged(SpunCollocation, text) == []
    assert len(flagged(SpunCollocation, text, options={"window": 50_000})) == 3


def test_the_collocations_themselves_are_clean():
    text = ("Climate change, artificial intelligence and breast cancer research dominate the budget. "
            "She paid by credit card and cited the immune response of older patients.")
    assert flagged(SpunCollocation, text, options={"min_distinct": 1}) == []


def test_ordinary_near_synonym_pairs_in_news_are_clean_on_their_own():
    # Each of these is one synonym away from a collocation ("rate hike", "accounting firm",
    # "immune response"); alone in a report they are ordinary English. (Several of them
    # close together would make a cluster: the limit of the method.)
    for text in ("An interest rate rise is likely before the summer, economists said.",
                 "Doctors measured the immune reaction of older patients to the vaccine.",
                 "The accountancy firm said the audit would take another month."):
        assert len(flagged(SpunCollocation, text, options={"min_distinct": 1})) == 1, text
        assert flagged(SpunCollocation, text) == [], text


def test_names_and_capitals_inside_a_sentence_are_skipped():
    text = "Staff at the Unreal Intelligence Lab and the Chest Cancer Unit met the Climate Modification Group."
    assert flagged(SpunCollocation, text, options={"min_distinct": 1}) == []


def test_exceptions_and_mutual_information_options():
    assert flagged(SpunCollocation, SPUN, options={"exceptions": ["Chest cancer"], "min_distinct": 1}) == [
        "climate modification", "unreal intelligence"]
    assert flagged(SpunCollocation, SPUN, options={"min_pmi": 12.0, "min_pmi_both": 12.0, "min_distinct": 1}) == []


def test_spun_pairs_gives_the_collocation_and_its_mutual_information():
    from garblint.linter.testing import make_document

    doc = make_document("Labs study unreal intelligence.")
    ((index, collocation, pmi),) = list(spun_pairs(doc))
    assert doc.tokens[index].text == "unreal" and collocation == "artificial intelligence" and pmi >= 7.0


def test_the_collocation_data_is_small_derived_and_attributed():
    path = DATA / "spun_collocations.json"
    assert path.stat().st_size < 2_000_000
    collocations, by_first, by_second, common = spun_tables()
    assert len(collocations) > 5000 and "climate change" in collocations
    assert "climate" in by_first.get("mood", ()) or "change" in by_second.get("modification", ())
    assert common and "climate modification" not in common and all(len(c.split(" ")) == 2 for c in common)
    licence = (DATA / "SPUN_COLLOCATIONS_LICENSE.md").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licence and "SymSpell" in licence


def test_spun_collocation_speed_on_a_long_document():
    from garblint.linter.testing import make_document

    paragraph = ("The minister said on Tuesday that the new rail line would open next spring, "
                 "after years of delay and a budget that doubled. Critics argued that the money "
                 "would have been better spent on buses. ") * 200
    doc = make_document(paragraph)
    doc.tags, doc.entities  # shared by every rule
    spun_tables()
    start = time.perf_counter()
    assert list(SpunCollocation().check(doc)) == []
    assert time.perf_counter() - start < 0.5
