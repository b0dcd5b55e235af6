import pytest

from linter.testing import flagged, run_rule
from rules.word_order import ModalVerbFinal, PerfectVerbFinal, RepeatedFinalVerb, StrandedInfinitive, StrandedParticiple
from tests.rules.seeds import seed


class TestStrandedInfinitive:
    @pytest.mark.parametrize("text, expected", [
        ("The club confirmed plans to end its sponsorship in the new stadium contract cancel the deal.", "contract cancel the deal"),
        ("Officials said the ministry wants to reduce its role in the regional health programme abandon the office.", "programme abandon the office"),
    ])
    def test_flags_a_bare_verb_after_its_object(self, text, expected):
        (finding,) = run_rule(StrandedInfinitive, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "error"

    @pytest.mark.parametrize("text", [
        "The judge let the jury decide the case.",
        "Would the driver see the turtle in time?",
        "Experts in the publishing field consider this astounding.",
        "The children live in Miami with their aunt.",
        "They can't afford the schooling costs this year.",
        "The allies suspend the deal every winter.",
        "The new rules help the council fund the library.",
        "He is credited with helping revive the chain's sales.",
        "The year has seen one player win the men's title, and one country dominate the women's game.",
        "They will struggle when the garment industries there lose their protection.",
        "Most evenings I play chess live every day.",
    ])
    def test_ordinary_clauses_are_clean(self, text):
        assert flagged(StrandedInfinitive, text) == []


class TestStrandedParticiple:
    def test_flags_a_scrambled_possessive_clause(self):
        text = "Moscow blamed the West and its EU handed over to partners."
        assert flagged(StrandedParticiple, text) == ["its EU handed over to partners"]

    @pytest.mark.parametrize("text", [
        "He parked his Ford and walked home.",
        "Means edged around the north side of her, Jones moved in from the south.",
        "The company and its EU partners signed the deal.",
    ])
    def test_ordinary_possessives_are_clean(self, text):
        assert flagged(StrandedParticiple, text) == []


class TestRepeatedFinalVerb:
    def test_flags_a_repeated_final_verb(self):
        text = "The striker scored as he played Madrid days before the final of the cup played."
        assert flagged(RepeatedFinalVerb, text) == ["cup played."]

    @pytest.mark.parametrize("text", [
        "He visited Rome and the places he had visited.",
        "She visited Paris, the city she loved and often visited.",
        "We are all involved in them, deeply involved.",
        "The number of cases reported was higher than those reported.",
        "He made his name as Japan rebuilt, and he has described the demands his father made.",
    ])
    def test_ordinary_endings_are_clean(self, text):
        assert flagged(RepeatedFinalVerb, text) == []


class TestModalVerbFinal:
    @pytest.mark.parametrize("text, expected, fix", [
        ("The ministry said that it will the figures next week publish.", "will the figures next week publish",
         "will publish the figures next week"),
        ("Germany could the sanctions against Russia tighten.", "could the sanctions against Russia tighten",
         "could tighten the sanctions against Russia"),
        ("The firm will the deal approve, he said.", "will the deal approve", "will approve the deal"),
        ("The operator said it will the automation of its terminal by next year complete.",
         "will the automation of its terminal by next year complete", "will complete the automation of its terminal by next year"),
    ])
    def test_flags_a_verb_left_at_the_end(self, text, expected, fix):
        (finding,) = run_rule(ModalVerbFinal, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [fix]

    @pytest.mark.parametrize("text", [
        "How long will this take?",
        "Only then could the talks begin.",
        "Not only will the plan fail, it will cost more.",
        "He said that never would the king allow it.",
        "However, should the business outlook start to deteriorate, the bank will act.",
        "Can this country compete, can this country prosper, unless we act?",
        "The ministry will publish the figures next week.",
    ])
    def test_questions_inversions_and_normal_order_are_clean(self, text):
        assert flagged(ModalVerbFinal, text) == []


class TestPerfectVerbFinal:
    @pytest.mark.parametrize("text, expected", [
        ("The government has the problem of high prices merely postponed, he said.",
         "has the problem of high prices merely postponed"),
        ("The ministry has the new figures yesterday published.", "has the new figures yesterday published"),
        ("The club had its stadium last year renovated.", "had its stadium last year renovated"),
    ])
    def test_flags_a_participle_after_its_object_and_an_adverb(self, text, expected):
        (finding,) = run_rule(PerfectVerbFinal, text)
        assert text[finding.start:finding.end] == expected

    @pytest.mark.parametrize("text, fix", [
        ("The ministry has the new figures yesterday published.", "has published the new figures yesterday"),
        ("The government has the problem merely postponed.", "has merely postponed the problem"),
    ])
    def test_suggests_the_english_order(self, text, fix):
        (finding,) = run_rule(PerfectVerbFinal, text)
        assert finding.suggestions == [fix]

    @pytest.mark.parametrize("text", [
        "He had his car repaired.",
        "They have the whole house painted every spring.",
        "The Quakers had a larger share than their numerical strength would have warranted.",
        "The ministry has published the new figures.",
        "She has a brother who recently moved.",
    ])
    def test_causatives_and_english_order_are_clean(self, text):
        assert flagged(PerfectVerbFinal, text) == []


def test_seed_word_order_is_found_and_the_original_is_clean():
    text = seed("003")
    assert flagged(StrandedInfinitive, text) == ["deal suspend the US"]
    assert flagged(StrandedParticiple, text) == ["its NATO passed on to allies"]
    assert flagged(RepeatedFinalVerb, text) == ["invasion visited."]
    for rule in (StrandedInfinitive, StrandedParticiple, RepeatedFinalVerb):
        for name in ("000", "001", "002", "004"):
            assert run_rule(rule, seed(name)) == [], (rule.code, name)
