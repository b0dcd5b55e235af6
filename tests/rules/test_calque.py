import pytest

from linter.testing import flagged, run_rule
from rules.calque import BareInfinitive, BareQuotative, GenericOneself
from tests.rules.seeds import seed


class TestBareQuotative:
    @pytest.mark.parametrize("text, expected", [
        ("“The referee ignored every foul,” he deplored.", "he deplored."),
        ("“Our prices will not rise,” the company assured.", "the company assured."),
        ("“They stole the election,” accused Lavrov.", "accused Lavrov."),
        ('"The plan has failed," she denounced.', "she denounced."),
        ("“Nothing will change,” Prime Minister Sánchez assured.", "Prime Minister Sánchez assured."),
    ])
    def test_flags_transitive_verbs_used_alone(self, text, expected):
        (finding,) = run_rule(BareQuotative, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "warning"

    @pytest.mark.parametrize("text", [
        "“They stole the election,” he said.",
        "“Nothing will change,” she insisted.",
        "“We will win,” he added.",
        "She accused the minister of lying.",
        "He assured investors that the bank was safe.",
        "“Enough,” he warned. He accused nobody.",
    ])
    def test_ordinary_quotatives_and_transitive_uses_are_clean(self, text):
        assert flagged(BareQuotative, text) == []

    def test_the_list_is_extensible(self):
        text = "“It is over,” he lambasted."
        assert flagged(BareQuotative, text) == []
        assert flagged(BareQuotative, text, options={"extra_verbs": ["lambasted"]}) == ["he lambasted."]


class TestBareInfinitive:
    @pytest.mark.parametrize("text, expected, suggestion", [
        ("Both clubs have agreed intensify their youth programmes.", "agreed intensify", "agreed to intensify"),
        ("The board decided postpone the vote until May.", "decided postpone", "decided to postpone"),
        ("The union refused discuss the offer.", "refused discuss", "refused to discuss"),
        ("He plans build a factory in Ohio.", "plans build", "plans to build"),
    ])
    def test_flags_a_missing_to(self, text, expected, suggestion):
        (finding,) = run_rule(BareInfinitive, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [suggestion]

    @pytest.mark.parametrize("text", [
        "Both clubs have agreed to intensify their youth programmes.",
        "The agreed price was lower than expected.",
        "The plans call for a new bridge.",
        "Her hopes rest on the final match.",
        "You need help with that box.",
        "They wanted more money and better schools.",
    ])
    def test_correct_uses_are_clean(self, text):
        assert flagged(BareInfinitive, text) == []


class TestGenericOneself:
    @pytest.mark.parametrize("text, expected", [
        ("No serious challenger was able to present oneself before the deadline.", "present oneself"),
        ("The minister tried to defend oneself against the charges.", "defend oneself"),
    ])
    def test_flags_oneself_after_a_specific_subject(self, text, expected):
        assert flagged(GenericOneself, text) == [expected]

    @pytest.mark.parametrize("text", [
        "One must learn to defend oneself.",
        "It is hard to express oneself in a foreign language.",
        "To know oneself is the beginning of wisdom.",
        "The minister tried to defend himself against the charges.",
    ])
    def test_generic_uses_are_clean(self, text):
        assert flagged(GenericOneself, text) == []


def test_seed_calques_are_found_and_the_original_is_clean():
    assert flagged(BareQuotative, seed("002")) == ["he accused.", "he assured."]
    assert flagged(GenericOneself, seed("002")) == ["present oneself"]
    assert flagged(BareInfinitive, seed("004")) == ["agreed intensify"]
    for rule in (BareQuotative, BareInfinitive, GenericOneself):
        assert run_rule(rule, seed("001")) == []
