import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.names import GivenNameOnly, RunTogetherNames
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


class TestRunTogetherNamesOnEntities:
    """Two full names side by side, split by the census given names; none of these people is in a word list."""

    @pytest.mark.parametrize("text, expected", [
        ("After the vote, Doris Vasquez Harold Okonkwo said the count had been fair.", "Doris Vasquez Harold Okonkwo"),
        ("The museum's director Agnes Thornbury Wesley Kimani wrote that the loan was approved.",
         "Agnes Thornbury Wesley Kimani"),
        # "Lewis" is a given name, but more often a surname: the split still falls after it.
        ("Marvin Lewis Edna Pirelli told the court she had seen nothing.", "Marvin Lewis Edna Pirelli"),
    ])
    def test_flags_two_full_names_run_together(self, text, expected):
        (finding,) = run_rule(RunTogetherNames, text)
        assert text[finding.start:finding.end] == expected
        assert " and " in finding.suggestions[0]

    @pytest.mark.parametrize("text", [
        "After the vote, Doris Vasquez and Harold Okonkwo said the count had been fair.",
        "After the vote, Doris Vasquez, Harold Okonkwo and others said the count had been fair.",
        "Tory MP Harold Okonkwo said the count had been fair.",
        "Martin Luther King Jr spoke in the square.",
        "Mary Ann Lee Thornbury said the count had been fair.",
    ])
    def test_one_name_lists_and_titles_are_clean(self, text):
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




class TestGivenNameForSurname:
    """A text that calls a person by the surname, once by the given name alone."""

    TEXT = ("Harold Okonkwo, the council's treasurer, presented the budget on Monday. Okonkwo said the deficit "
            "had narrowed. Councillors questioned the figures, but {} insisted they were sound. "
            "Okonkwo will present the accounts again in March.")

    def test_flags_the_given_name_among_surname_mentions(self):
        text = self.TEXT.format("Harold")
        (finding,) = run_rule(GivenNameOnly, text)
        assert text[finding.start:finding.end] == "Harold"
        assert finding.suggestions == ["Okonkwo"]

    @pytest.mark.parametrize("text", [
        TEXT.format("Okonkwo"),
        # quoted speech calls people by their first names
        TEXT.format("a colleague said: \"Harold knows the numbers\", and Okonkwo"),
        # a text that calls people by their given names is consistent about it
        "Harold Okonkwo came home late. Okonkwo said nothing. Edna laughed, and Harold went to bed. Okonkwo slept.",
        # two people share the surname: the given name tells them apart
        "Harold Okonkwo and Edna Okonkwo ran the shop. Okonkwo said trade was slow. Okonkwo agreed; Harold left.",
    ])
    def test_consistent_styles_quotes_and_relatives_are_clean(self, text):
        assert flagged(GivenNameOnly, text) == []


def test_seed_cases_are_found_and_the_original_is_clean():
    assert flagged(RunTogetherNames, seed("003")) == ["Wang Nikolai Patrushev"]
    assert flagged(GivenNameOnly, seed("004")) == ["Jinping"]
    for rule in (RunTogetherNames, GivenNameOnly):
        assert run_rule(rule, seed("001")) == []
