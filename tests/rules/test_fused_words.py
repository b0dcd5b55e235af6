import pytest

from linter.testing import flagged, run_rule
from rules.fused_words import FusedCamelCase, FusedLowercase
from tests.rules.seeds import seed


class TestCamelCase:
    @pytest.mark.parametrize("text, token, split", [
        ("Sources cited by the countryEuropean leaders agree.", "countryEuropean", "country European"),
        ("The match ended late in the eveningManchester fans left.", "eveningManchester", "evening Manchester"),
        ("Shares fell after the reportInvestors sold quickly.", "reportInvestors", "report Investors"),
    ])
    def test_flags_and_suggests_the_split(self, text, token, split):
        (finding,) = run_rule(FusedCamelCase, text)
        assert text[finding.start:finding.end] == token
        assert finding.suggestions == [split]
        assert finding.severity == "error"

    @pytest.mark.parametrize("text", [
        "She bought an iPhone on eBay and watched YouTube on her MacBook.",
        "The JavaScript and PowerPoint files were shared on LinkedIn by McDonald.",
        "Follow @newsDesk and the #climateAction tag, or call getValue in code.",
        "The mRNA vaccine costs less per kWh than expected, with a pH of 7.",
    ])
    def test_brands_handles_and_units_are_clean(self, text):
        assert flagged(FusedCamelCase, text) == []

    def test_known_names_are_configurable(self):
        text = "The new taxiApp service launched today."
        assert flagged(FusedCamelCase, text) == ["taxiApp"]
        assert flagged(FusedCamelCase, text, options={"known": ["taxiApp"]}) == []


class TestLowercase:
    @pytest.mark.parametrize("text, token, split", [
        ("They want a new world orderaccording to the minister.", "orderaccording", "order according"),
        ("The governmentsaid it would act.", "governmentsaid", "government said"),
        ("Most ofthe players stayed.", "ofthe", "of the"),
        ("Fans across thecountry celebrated.", "thecountry", "the country"),
    ])
    def test_flags_and_suggests_the_split(self, text, token, split):
        (finding,) = run_rule(FusedLowercase, text)
        assert text[finding.start:finding.end] == token
        assert finding.suggestions == [split]

    @pytest.mark.parametrize("text", [
        "The therapist said the weekend was nowhere near long enough.",
        "He played rightfield and bought six sidechairs and a washer.",
        "Patrushev and Denisov met in Huangshan and Vladivostok.",
        "Visit www.examplenews.com or email press@citycouncil.org today.",
        "We cannot atone for it; nevertheless the database survived.",
    ])
    def test_real_words_names_compounds_and_urls_are_clean(self, text):
        assert flagged(FusedLowercase, text) == []


def test_seed_fusions_are_found_and_the_original_is_clean():
    assert flagged(FusedCamelCase, seed("004")) == ["countryEuropean"]
    assert flagged(FusedLowercase, seed("004")) == ["orderaccording"]
    for rule in (FusedCamelCase, FusedLowercase):
        for name in ("000", "001", "002", "003"):
            assert run_rule(rule, seed(name)) == [], (rule.code, name)
