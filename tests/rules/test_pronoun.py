import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.pronoun import GenderedEntity
from tests.rules.seeds import seed


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




class TestPronounAntecedentByEntityKind:
    """Places and organisations found by the entity finder, not by a list: companies by their suffix,
    ministries by their head word, countries from the gazetteer."""

    @pytest.mark.parametrize("text, expected, fix", [
        ("Korvath Ltd said he would close the plant in March.", "Korvath Ltd said he", "Korvath Ltd said it"),
        ("The shares fell. Brennick Holdings says she expects a loss.", "Brennick Holdings says she",
         "Brennick Holdings says it"),
        ("On Monday the Ministry of Fisheries insisted she had acted lawfully.", "Ministry of Fisheries insisted she",
         "Ministry of Fisheries insisted it"),
        ("Negotiations stalled. Portugal has seen his economy shrink for a year.", "Portugal has seen his economy",
         "Portugal has seen its economy"),
        ("Talks resumed. Estonia would defend herself.", "Estonia would defend herself", "Estonia would defend itself"),
    ])
    def test_flags_a_place_or_organisation_as_he_or_she(self, text, expected, fix):
        (finding,) = run_rule(GenderedEntity, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [fix]

    @pytest.mark.parametrize("text", [
        # a person between the organisation and the pronoun
        "Korvath Ltd told its chief engineer he would lead the plant.",
        "Korvath Ltd said its spokeswoman, Edna Pirelli, would retire when she turned sixty.",
        # a woman named after a country
        "Georgia Rennick, 34, arrived late. Georgia said she was tired.",
        # a ship is "she"
        "Estonia launched the frigate, and she sailed at dawn.",
        # a title makes a person
        "Mr Iran said he would stay.",
        # the pronoun is inside a quotation
        "Korvath Ltd said: \"He will stay.\"",
        # the company's statement is about a person named just before
        "Harold Okonkwo, 52, was injured. Brennick Holdings said he would recover.",
        # a place that is a complement, not the subject
        "Harold Okonkwo flew to Estonia, where he met officials.",
        # a plural verb: the name stands for its people
        "The figures were poor. The Tories say he is to blame.",
    ])
    def test_person_antecedents_ships_quotations_and_titles_are_clean(self, text):
        assert flagged(GenderedEntity, text) == []


def test_seed_cases_are_found_and_the_original_is_clean():
    assert flagged(GenderedEntity, seed("003")) == ["the US and his allies"]
    assert run_rule(GenderedEntity, seed("001")) == []
