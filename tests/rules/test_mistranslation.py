import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.mistranslation import InstitutionForPerson
from tests.rules.seeds import seed


class TestInstitutionForPerson:
    @pytest.mark.parametrize("text, expected, fix", [
        ("The Russian Foreign Ministry, Sergey Lavrov, met his Chinese counterpart.",
         "The Russian Foreign Ministry, Sergey Lavrov", "The Russian Foreign Minister, Sergey Lavrov"),
        ("The Ministry of Foreign Affairs, Wang Yi said the talks were useful.",
         "The Ministry of Foreign Affairs, Wang Yi", "The Minister of Foreign Affairs, Wang Yi"),
        ("On Monday the French Embassy, Pierre Dumont, said the talks went well.",
         "the French Embassy, Pierre Dumont", "the French Ambassador, Pierre Dumont"),
    ])
    def test_flags_an_institution_for_its_holder(self, text, expected, fix):
        (finding,) = run_rule(InstitutionForPerson, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [fix]
        assert finding.family == "mistranslation"

    @pytest.mark.parametrize("text", [
        "Criticism came from the Foreign Ministry, Sergey Lavrov and Vladimir Putin.",
        "The Foreign Ministry, Kremlin and parliament agreed.",
        "The Foreign Ministry spokeswoman, Maria Zakharova, said the talks failed.",
        "The State Department, White House, and Pentagon declined to comment.",
        "The Foreign Ministry, led by Sergey Lavrov, said the talks failed.",
        "The Russian Foreign Minister, Sergey Lavrov, met his Chinese counterpart.",
    ])
    def test_roles_lists_and_descriptions_are_clean(self, text):
        assert flagged(InstitutionForPerson, text) == []


class TestInstitutionForPersonOnEntities:
    """Offices found by their head word (garblint.linter.language.entities), with people the entity finder names."""

    @pytest.mark.parametrize("text, expected, fix", [
        ("Talks resumed. The Finance Ministry, Harold Okonkwo, emerged as the main critic.",
         "The Finance Ministry, Harold Okonkwo", ["The Finance Minister, Harold Okonkwo"]),
        ("The Presidential Office, Edna Pirelli, is urging calm.", "The Presidential Office, Edna Pirelli", []),
        ("Ties were strained. The Interior Ministry, who declined to comment, left early.",
         "The Interior Ministry, who", ["The Interior Minister, who"]),
        ("Later the Danish Embassy, Marvin Okafor, wrote to the families.", "the Danish Embassy, Marvin Okafor",
         ["the Danish Ambassador, Marvin Okafor"]),
    ])
    def test_flags_an_office_for_a_person(self, text, expected, fix):
        (finding,) = run_rule(InstitutionForPerson, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == fix

    @pytest.mark.parametrize("text", [
        "The spokesman for the Finance Ministry, Harold Okonkwo, said the figures were wrong.",
        "The Interior Ministry, which declined to comment, left early.",
        "Letters went to the Danish Embassy, Marvin Okafor and Edna Pirelli.",
        "The Finance Minister, Harold Okonkwo, emerged as the main critic.",
    ])
    def test_descriptions_relatives_and_lists_are_clean(self, text):
        assert flagged(InstitutionForPerson, text) == []


def test_seed_apposition_is_found_and_other_seeds_are_clean():
    assert flagged(InstitutionForPerson, seed("004")) == ["The Russian Foreign Ministry, Sergey Lavrov"]
    for name in ("000", "001", "002", "003"):
        assert run_rule(InstitutionForPerson, seed(name)) == [], name
