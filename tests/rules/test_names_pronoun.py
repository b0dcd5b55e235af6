import pytest

from linter.testing import flagged, run_rule
from rules.names import GivenNameOnly, RunTogetherNames
from rules.pronoun import GenderedEntity
from tests.rules.seeds import seed


class TestRunTogetherNames:
    @pytest.mark.parametrize("text, expected", [
        ("Foreign Minister Sergei Lavrov arrived in Ankara. On Thursday, Lavrov Mevlut Cavusoglu, his Turkish "
         "counterpart, held talks. Cavusoglu said the talks were useful.", "Lavrov Mevlut Cavusoglu"),
        ("President Joe Biden spoke first. On Friday, Biden Emmanuel Macron discussed the war. "
         "Macron later said Europe must act.", "Biden Emmanuel Macron"),
        ("Foreign Minister Sergei Lavrov Ararat Mirzoyan in Moscow. Lavrov told reporters the talks went well. "
         "“It was useful,” Mirzoyan reproached.", "Sergei Lavrov Ararat Mirzoyan"),
    ])
    def test_flags_a_surname_run_into_another_full_name(self, text, expected):
        assert flagged(RunTogetherNames, text) == [expected]

    def test_a_new_person_introduced_by_an_apposition_after_a_known_one(self):
        text = ("Director Liu Haifeng said the plan was funded. The plan followed talks between Liu Haifeng "
                "Anna Lindqvist, a senior official of the WHO, who visited last week.")
        assert flagged(RunTogetherNames, text) == ["Liu Haifeng Anna Lindqvist"]
        clean = "Director Liu Haifeng said the plan was funded. He thanked Mary Anne Lindqvist, a nurse."
        assert flagged(RunTogetherNames, clean) == []

    def test_two_full_names_are_split_between_the_people(self):
        text = ("Chinese leader Xi Jinping Vladimir Putin held talks in Moscow. Putin said the talks were warm. "
                "Xi said ties were strong.")
        (finding,) = run_rule(RunTogetherNames, text)
        assert "'Xi Jinping' and 'Vladimir Putin'" in finding.message
        assert finding.suggestions[0] == "Xi Jinping met Vladimir Putin"

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
        "Joe Biden spoke first. Later, Hunter Biden said little. Biden later said he was proud.",
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
        ("Foreign Minister Wang Yi Penny Wong held talks. Yi said ties had improved.", "Yi", "Wang"),
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

    @pytest.mark.parametrize("text, expected, fix", [
        ("Russia said his troops would stay until the end of the year.", "Russia said his troops", "Russia said its troops"),
        ("Turkey wants to strengthen her position in the region.", "Turkey wants to strengthen her position",
         "Turkey wants to strengthen its position"),
        ("Germany has increased her military spending.", "Germany has increased her military", "Germany has increased its military"),
        ("Beijing noted that Australia has strengthened her security cooperation with London.",
         "Australia has strengthened her security", "Australia has strengthened its security"),
        ("Armenia, for his part, insists on the declaration.", "Armenia, for his part", "Armenia, for its part"),
        ("Turkey considers herself a bridge between East and West.", "Turkey considers herself", "Turkey considers itself"),
        ("Ahead of the vote, Colombia strengthened her cooperation with Ecuador.",
         "Colombia strengthened her cooperation", "Colombia strengthened its cooperation"),
    ])
    def test_flags_a_country_subject_with_a_gendered_possessive(self, text, expected, fix):
        (finding,) = run_rule(GenderedEntity, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [fix]

    @pytest.mark.parametrize("text", [
        "Russia told the president his troops were ready.",
        "France gave him her support.",
        "China rejected his proposal on Monday.",
        "Britain welcomed her visit, and Germany praised his speech.",
        "Trump spoke first. Then Mexico answered when his troops arrived.",
        "He said that Russia told him his troops were ready.",
        "Russia told him to defend himself.",
        "Putin, for his part, insists on talks, and Merkel, for her part, agreed.",
    ])
    def test_country_subjects_with_a_person_possessive_are_clean(self, text):
        assert flagged(GenderedEntity, text) == []

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
