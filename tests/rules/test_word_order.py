import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.word_order import (ModalVerbFinal, PerfectVerbFinal, RepeatedFinalVerb, StrandedInfinitive, StrandedParticiple,
                              VerbFinalClause)
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

    @pytest.mark.parametrize("text, expected", [
        # The tagger reads a verb it finds in this place as a noun; the word's own tags say it can be a verb.
        ("The mayor said she would the old bridge before winter repair.", "would the old bridge before winter repair"),
        ("It might them a small fortune cost, he warned.", "might them a small fortune cost"),
        ("The rangers could to the stranded climbers no help send.", "could to the stranded climbers no help send"),
    ])
    def test_flags_any_phrase_between_modal_and_verb(self, text, expected):
        assert flagged(ModalVerbFinal, text) == [expected]

    def test_a_long_clause_is_reported_near_its_verb(self):
        text = "The airline said it will the renovation of its second terminal in the northern suburbs of the capital finish."
        (finding,) = run_rule(ModalVerbFinal, text)
        assert text[finding.start:finding.end].endswith("capital finish")
        assert finding.end - finding.start <= len("finish") + 60

    @pytest.mark.parametrize("text", [
        "How long will this take?",
        "Only then could the talks begin.",
        "Not only will the plan fail, it will cost more.",
        "He said that never would the king allow it.",
        "However, should the business outlook start to deteriorate, the bank will act.",
        "Can this country compete, can this country prosper, unless we act?",
        "The ministry will publish the figures next week.",
        "The merger could potentially double the price of tickets.",
        "The crew set the gun on a knoll so that it could fire above the ridge.",
        "The transmitter reaches farther than it can through its ground antenna signal.",
        "Only across the widest rivers could the old ferries operate.",
        "They will grave difficulties meet, the report said?",
    ])
    def test_questions_inversions_and_normal_order_are_clean(self, text):
        assert flagged(ModalVerbFinal, text) == []


class TestPerfectVerbFinal:
    @pytest.mark.parametrize("text, expected", [
        ("The government has the problem of high prices merely postponed, he said.",
         "has the problem of high prices merely postponed"),
        ("The ministry has the new figures yesterday published.", "has the new figures yesterday published"),
        ("The club had its stadium last year renovated.", "had its stadium last year renovated"),
        ("The committee has the proposal quietly shelved.", "has the proposal quietly shelved"),
        ("Critics say it has broad acceptance gained.", "has broad acceptance gained"),
        ("The band had Valencia for three nights entertained.", "had Valencia for three nights entertained"),
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
        "She had her piano tuned.",
        "The owners had a bid for the stadium rejected.",
        "It would have been a pity had Lisbon not scored.",
        "The brochure has the flavour of the decade described.",
    ])
    def test_causatives_and_english_order_are_clean(self, text):
        assert flagged(PerfectVerbFinal, text) == []


class TestVerbFinalClause:
    @pytest.mark.parametrize("text, expected", [
        ("Mrs. Okafor a bouquet of tulips carried.", "a bouquet of tulips carried"),
        ("He in a short note to the bank complained.", "in a short note to the bank complained"),
        ("When the goalkeeper the ball dropped, the crowd groaned.", "the ball dropped"),
        ("The agency in Nairobi at dawn reported, officials said.", "in Nairobi at dawn reported"),
        ("As Okafor her trophy accepted, the hall cheered.", "her trophy accepted"),
    ])
    def test_flags_a_finite_verb_at_the_end_of_its_clause(self, text, expected):
        (finding,) = run_rule(VerbFinalClause, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "warning"

    @pytest.mark.parametrize("text", [
        "Then the choir sang.",
        "She praised the cake the baker made.",
        "Interest in him revived.",
        "The mayor of the town resigned.",
        "The vase on the shelf wobbled.",
        "The soup is better than the stew you cook.",
        "“We will rebuild,” a spokesman for the airline in Oslo stated.",
        "The hotel was busy, a claim the owner disputes.",
        "He owned the field, and the orchard the family tended.",
        "It was the quietest harbour any sailor ever found.",
        "The navy is the best in the region, and the air force the best trained.",
        "It smelled of pine, or Lisbon for the way it smelled.",
    ])
    def test_ordinary_clauses_are_clean(self, text):
        assert flagged(VerbFinalClause, text) == []


def test_seed_word_order_is_found_and_the_original_is_clean():
    text = seed("003")
    assert flagged(StrandedInfinitive, text) == ["deal suspend the US"]
    assert flagged(StrandedParticiple, text) == ["its NATO passed on to allies"]
    assert flagged(RepeatedFinalVerb, text) == ["invasion visited."]
    for rule in (StrandedInfinitive, StrandedParticiple, RepeatedFinalVerb):
        for name in ("000", "001", "002", "004"):
            assert run_rule(rule, seed(name)) == [], (rule.code, name)
