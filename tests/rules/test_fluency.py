import gzip
import json
import time
from pathlib import Path

from garblint.linter.testing import flagged, make_document, run_rule
from garblint.rules.fluency import ImplausibleTagSequence, tag_model, weakest_transitions

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "rules" / "data"


def test_a_determiner_before_a_preposition_is_reported_as_info():
    text = "Officials expect that the of council will vote again in spring."
    (finding,) = run_rule(ImplausibleTagSequence, text)
    assert text[finding.start:finding.end] == "the of"
    assert finding.severity == "info"
    assert "unusual word-class sequence" in finding.message


def test_one_finding_per_sentence_at_its_least_likely_transition():
    text = "Residents said the of bridge was closed to the of traffic. Engineers inspected it on Monday."
    findings = run_rule(ImplausibleTagSequence, text)
    assert len(findings) == 1
    assert text[findings[0].start:findings[0].end] == "the of"


def test_the_threshold_is_an_option():
    text = "Officials expect that the of council will vote again in spring."
    assert flagged(ImplausibleTagSequence, text, options={"max_log10": -12.0}) == []
    strict = flagged(ImplausibleTagSequence, "Farmers planted barley near the river.", options={"max_log10": -0.5})
    assert len(strict) == 1  # every sentence has a least likely transition


def test_clean_news_prose_is_not_reported():
    text = ("The regional council voted on Tuesday to close two libraries, saying it could no longer "
            "afford to heat them. Campaigners, who had gathered outside since dawn, promised to appeal. "
            "\"We will keep fighting,\" said one of them, a retired teacher. Turnout at the meeting was "
            "higher than at any time since 1998, officials said, and the debate ran past midnight. "
            "Whether the decision stands depends on a review that is due in March.")
    assert flagged(ImplausibleTagSequence, text) == []


def test_titles_names_and_contractions_are_not_judged_as_function_words():
    text = ("She sang a version of We Are Young at the gala. Fans of The Who queued for hours. "
            "Because there's no train after ten, most guests left early.")
    assert flagged(ImplausibleTagSequence, text) == []


def test_short_sentences_and_formatting_are_skipped():
    assert flagged(ImplausibleTagSequence, "The of.") == []  # fewer than min_tokens tokens
    assert flagged(ImplausibleTagSequence, "Visit the .travel domain for details about fares.") == []


def test_scores_are_log_probabilities_and_every_sentence_gets_one():
    doc = make_document("Tides rise twice a day. The harbour fills slowly.")
    scores = list(weakest_transitions(doc))
    assert len(scores) == 2
    assert all(value < 0 for value, _, _ in scores)
    model = tag_model()
    assert model.log10("<s>", "<s>", "DT") > model.log10("<s>", "the", "of")


def test_shipped_counts_are_small_and_attributed():
    path = DATA / "tag_trigrams.json.gz"
    assert path.stat().st_size < 2_000_000
    data = json.loads(gzip.decompress(path.read_bytes()))
    assert "the" in data["function_words"] and "of" in data["function_words"]
    assert data["tokens"]["ewt"] > 200_000
    licence = (DATA / "TAG_TRIGRAMS_LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in licence and "Brown" in licence


def test_speed_on_a_long_document():
    paragraph = ("The minister said on Tuesday that the new rail line would open next spring, "
                 "after years of delay and a budget that doubled. Critics argued that the money "
                 "would have been better spent on buses. ") * 200
    doc = make_document(paragraph)
    doc.tags  # tagging is shared by every rule and timed elsewhere
    tag_model()
    start = time.perf_counter()
    assert list(ImplausibleTagSequence().check(doc)) == []
    assert time.perf_counter() - start < 0.5


def test_a_doubled_word_is_left_to_the_repetition_rule():
    assert flagged(ImplausibleTagSequence, "Another staple of the the firm's trade fell sharply.") == []
