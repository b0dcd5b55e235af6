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
        ("“This is a great day for science,” welcomed the university rector.", "welcomed the university rector."),
        ("“We made mistakes in the second half,” the coach recognized.", "the coach recognized."),
        ("'The museum will reopen in May,' the curator specified.", "the curator specified."),
        ("“The figures are alarming,” she underlined, calling for new rules.", "she underlined"),
        ("“We will not give up,” he assured, “and we will win the cup.”", "he assured"),
        ("“Nobody listened to the farmers,” deplores Mr. Dupont.", "deplores Mr. Dupont."),
        ("“The referee saw nothing”, the captain reproached.", "the captain reproached."),
    ])
    def test_flags_transitive_verbs_used_alone(self, text, expected):
        (finding,) = run_rule(BareQuotative, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "warning"

    def test_suggestion_replaces_the_verb(self):
        (finding,) = run_rule(BareQuotative, "“We were robbed,” he accused.")
        assert finding.suggestions == ["he said."]
        (finding,) = run_rule(BareQuotative, "“We were robbed,” accused Lavrov.")
        assert finding.suggestions == ["said Lavrov."]

    @pytest.mark.parametrize("text", [
        "“They stole the election,” he said.",
        "“Nothing will change,” she insisted.",
        "“We will win,” he added.",
        "She accused the minister of lying.",
        "He assured investors that the bank was safe.",
        "“Enough,” he warned. He accused nobody.",
        "“Act now,” she urged.",
        "“It was a mistake,” he lamented.",
        "“About 300 people,” he estimated.",
        "“Don't worry,” she reassured.",
        "“Thank you,” he explained, and welcomed the guests.",
        "“Vote,” urged Mr. Smith.",
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
        ("The company plans build a second plant.", "plans build", "plans to build"),
        ("In Japan, Toyota plans build a second plant.", "plans build", "plans to build"),
        ("He wants go home after the match.", "wants go", "wants to go"),
        ("We hope see you at the festival.", "hope see", "hope to see"),
        ("Apple intends launch the phone in May.", "intends launch", "intends to launch"),
        ("Rebels threatened attack the capital.", "threatened attack", "threatened to attack"),
        ("The researchers managed isolate the gene.", "managed isolate", "managed to isolate"),
        ("Both sides plan hold talks in Geneva.", "plan hold", "plan to hold"),
        ("The two clubs, meeting in Madrid, pledged strengthen ties.", "pledged strengthen", "pledged to strengthen"),
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
        "The plans include a new stadium.",
        "All you need do is ask.",
        "If need be, the match will be replayed.",
        "The unions threatened strike action.",
        "Farmers expected rain the next day.",
        "It was a much needed boost for the team.",
        "Prices rose faster than expected last year.",
        "It seemed like a good idea.",
        "He tried escape routes first.",
        "They offered help to the victims.",
        "Local volunteers clean the beach every Sunday.",
        "Many attempts fail.",
        "The city plans call for a park.",
        "Most offers include a discount.",
    ])
    def test_correct_uses_are_clean(self, text):
        assert flagged(BareInfinitive, text) == []


class TestGenericOneself:
    @pytest.mark.parametrize("text, expected", [
        ("No serious challenger was able to present oneself before the deadline.", "present oneself"),
        ("The minister tried to defend oneself against the charges.", "defend oneself"),
        ("The club has to reinvent oneself after relegation.", "reinvent oneself"),
        ("The singer needed to express oneself through new songs.", "express oneself"),
        ("The players must protect oneself from the heat.", "protect oneself"),
        ("After the crash he found oneself alone in the desert.", "found oneself"),
    ])
    def test_flags_oneself_after_a_specific_subject(self, text, expected):
        assert flagged(GenericOneself, text) == [expected]

    @pytest.mark.parametrize("text", [
        "One must learn to defend oneself.",
        "It is hard to express oneself in a foreign language.",
        "To know oneself is the beginning of wisdom.",
        "The minister tried to defend himself against the charges.",
        "Learning to know oneself takes time.",
        "He spoke of the right to defend oneself.",
        "She taught us how to defend oneself.",
        "It is important to be able to express oneself.",
        "Everyone wants to express oneself freely.",
        "Being able to laugh at oneself is a gift.",
    ])
    def test_generic_uses_are_clean(self, text):
        assert flagged(GenericOneself, text) == []


def test_seed_calques_are_found_and_the_original_is_clean():
    assert flagged(BareQuotative, seed("002")) == ["he accused.", "he assured."]
    assert flagged(GenericOneself, seed("002")) == ["present oneself"]
    assert flagged(BareInfinitive, seed("004")) == ["agreed intensify"]
    for rule in (BareQuotative, BareInfinitive, GenericOneself):
        assert run_rule(rule, seed("001")) == []
