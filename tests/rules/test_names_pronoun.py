import pytest

from linter.testing import flagged, run_rule
from rules.names import GivenNameOnly, RunTogetherNames
from rules.pronoun import GenderedEntity
from tests.rules.seeds import seed


class TestRunTogetherNames:
    def test_flags_two_people_fused(self):
        text = ("Scholz said the visit was useful. On Friday, Scholz Giorgia Meloni, the Italian prime minister, "
                "discussed migration. Meloni said the talks were frank.")
        (finding,) = run_rule(RunTogetherNames, text)
        assert text[finding.start:finding.end] == "Scholz Giorgia Meloni"
        assert finding.severity == "error"

    @pytest.mark.parametrize("text", [
        "Andrey Ivanovich Denisov met Le. Denisov said relations were good.",
        "Wang, Blinken and Lavrov met. Wang said the talks were useful. Lavrov agreed.",
        "Foreign Minister Wang Yi met President Vladimir Putin. Wang said Putin was right.",
        "Gabriel García Márquez wrote the novel. Márquez said he was proud.",
        "The Tax Court said the Revenue Service was wrong. The Tax Court ruled again.",
        "Robbie said he was thrilled. Robbie Williams' Angels was named best song. Angels said the band.",
        "Robbie said he was thrilled. Robbie Williams’s Angels was named best song. Angels said the band.",
    ])
    def test_single_long_names_titles_and_lists_are_clean(self, text):
        assert flagged(RunTogetherNames, text) == []


class TestGivenNameOnly:
    @pytest.mark.parametrize("text, expected, surname", [
        ("Xi Jinping met the delegation. Later, Jinping said the talks were useful.", "Jinping", "Xi"),
        ("Kim Jong Un inspected the site. Jong Un then left by train.", "Jong Un", "Kim"),
        ("Moon Jae-in visited Seoul. Jae-in spoke to reporters.", "Jae-in", "Moon"),
    ])
    def test_flags_the_given_name_alone(self, text, expected, surname):
        (finding,) = run_rule(GivenNameOnly, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [surname]

    @pytest.mark.parametrize("text", [
        "Xi Jinping met the delegation. Later, Xi said the talks were useful.",
        "Lee Anderson spoke first. Anderson said the bill was fair.",
        "Fumio Kishida arrived. Kishida said Japan was ready.",
        "Kim Jong Un inspected the site. Kim Jong Un then left.",
    ])
    def test_surname_references_and_western_names_are_clean(self, text):
        assert flagged(GivenNameOnly, text) == []


class TestGenderedEntity:
    @pytest.mark.parametrize("text, expected", [
        ("Analysts blamed the US and his allies for the delay.", "the US and his allies"),
        ("Germany and her partners signed the treaty.", "Germany and her partners"),
        ("The ministry and his officials refused to comment.", "The ministry and his officials"),
    ])
    def test_flags_gendered_possessives_of_states(self, text, expected):
        (finding,) = run_rule(GenderedEntity, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions[0].endswith("its " + expected.split()[-1])

    @pytest.mark.parametrize("text", [
        "Analysts blamed the US and its allies for the delay.",
        "He flew back to Germany and his wife met him at the airport.",
        "Smith left the party and his supporters followed him.",
        "Biden said the US and its partners would respond.",
    ])
    def test_person_possessives_are_clean(self, text):
        assert flagged(GenderedEntity, text) == []


def test_seed_cases_are_found_and_the_original_is_clean():
    assert flagged(RunTogetherNames, seed("003")) == ["Wang Nikolai Patrushev"]
    assert flagged(GivenNameOnly, seed("004")) == ["Jinping"]
    assert flagged(GenderedEntity, seed("003")) == ["the US and his allies"]
    for rule in (RunTogetherNames, GivenNameOnly, GenderedEntity):
        assert run_rule(rule, seed("001")) == []
