import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.calque import BareInfinitive, BareQuotative, GenericOneself
from tests.rules.seeds import seed


class TestBareQuotative:
    # Verbs clean prose never puts in the slot, common enough to judge: warnings.
    @pytest.mark.parametrize("text, expected", [
        ("“The referee ignored every foul,” he deplored.", "he deplored."),
        ('"The plan has failed," she condemned.', "she condemned."),
        ("“This is a great day for science,” welcomed the university rector.", "welcomed the university rector."),
        ("“We made mistakes in the second half,” the coach criticised.", "the coach criticised."),
        ("“Prices will fall,” the minister rejected.", "the minister rejected."),
        ("“The figures are alarming”, Prime Minister Sánchez denounced, calling for new rules.",
         "Prime Minister Sánchez denounced"),
        ("“We will not give up,” she produced, “and we will win the cup.”", "she produced"),
        ("“Nobody listened to the farmers,” condemns Mr. Dupont.", "condemns Mr. Dupont."),
        ("“That is the end of it,” Kremlin spokesman Dmitry Peskov produced.", "Kremlin spokesman Dmitry Peskov produced."),
        ("“It will be ready by May,” the curator held firmly.", "the curator held firmly."),
    ])
    def test_flags_verbs_english_does_not_close_quotations_with(self, text, expected):
        (finding,) = run_rule(BareQuotative, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "warning"

    @pytest.mark.parametrize("text, expected", [
        # Seen closing a quotation once or twice in the corpora.
        ("“Our economy is weak,” Mr. Ito echoed.", "Mr. Ito echoed."),
        ("“They stole the election,” accused Lavrov.", "accused Lavrov."),
        # A verb of saying (it frames that-clauses), or one the corpora hardly know.
        ("“Our prices will not rise,” the company assured.", "the company assured."),
        ("“About 300 people,” the police estimated.", "the police estimated."),
        ("“It is all over,” he lambasted.", "he lambasted."),
    ])
    def test_verbs_seen_there_rarely_are_information(self, text, expected):
        (finding,) = run_rule(BareQuotative, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "info"

    def test_suggestion_replaces_the_verb(self):
        (finding,) = run_rule(BareQuotative, "“We were robbed,” he condemned.")
        assert finding.suggestions == ["he said."]
        (finding,) = run_rule(BareQuotative, "“We were robbed,” condemned Lavrov.")
        assert finding.suggestions == ["said Lavrov."]

    @pytest.mark.parametrize("text", [
        "“They stole the election,” he said.",
        "“Nothing will change,” she insisted.",
        "“We will win,” he added.",
        "“We will win,” he told reporters.",
        "“We will win,” he said, adding that the team was ready.",
        "“We will win,” the captain admitted in court.",
        "“We will win,” she condemned the referee for saying.",
        "“Yes,” she nodded.",
        "“No,” he shrugged.",
        "“Really?” he laughed.",
        "“Go away,” she demanded.",
        "“Fine,” he joked.",
        "“Growth will slow,” the minister stressed.",
        "“Sales fell by a third,” the newspaper reported.",
        "She condemned the minister for lying.",
        "“Enough.” He rejected the offer.",
        "He held the “rebels”, the soldiers left.",
        "Despite this “underhand trick,” the bill stood “no chance” of passing.",
        "“Thank you,” he replied, and welcomed the guests.",
        "“Vote,” urged Mr. Smith. “Vote now.”",
    ])
    def test_quotatives_and_verbs_with_objects_are_clean(self, text):
        assert [f for f in run_rule(BareQuotative, text) if f.severity != "info"] == []
        assert flagged(BareQuotative, text) in ([], ["urged Mr. Smith."])

    def test_extra_and_allowed_verbs(self):
        text = "“It is over,” he lambasted."
        assert run_rule(BareQuotative, text, options={"extra_verbs": ["lambast"]})[0].severity == "warning"
        assert flagged(BareQuotative, "“It is over,” he condemned.", options={"allowed_verbs": ["condemn"]}) == []

    def test_the_quotative_counts_come_from_the_corpora(self):
        from garblint.linter.language.verbs import quotative

        assert quotative("say").alone > 1000 and quotative("add").alone > 100
        assert quotative("condemn").alone == 0 and quotative("condemn").finite > 5
        # "nod" ends its clause often: used without an object in English.
        assert quotative("nod").end_share > 0.2 > quotative("condemn").end_share


class TestBareInfinitive:
    # Heads from the corpus-derived table, none of them in the rule's code.
    @pytest.mark.parametrize("text, expected, suggestion", [
        ("Both clubs have agreed intensify their youth programmes.", "agreed intensify", "agreed to intensify"),
        ("The board decided postpone the vote until May.", "decided postpone", "decided to postpone"),
        ("The senators conspired obstruct the inquiry.", "conspired obstruct", "conspired to obstruct"),
        ("Most shareholders opted renew their contracts.", "opted renew", "opted to renew"),
        ("The ministry neglected notify the families.", "neglected notify", "neglected to notify"),
        ("He plans build a factory in Ohio.", "plans build", "plans to build"),
        ("The company plans build a second plant.", "plans build", "plans to build"),
        ("In Japan, Toyota plans build a second plant.", "plans build", "plans to build"),
        ("The team hopes win the cup.", "hopes win", "hopes to win"),
        ("Rebels threatened attack the capital.", "threatened attack", "threatened to attack"),
        ("Both sides plan hold talks in Geneva.", "plan hold", "plan to hold"),
        ("The two clubs, meeting in Madrid, pledged strengthen ties.", "pledged strengthen", "pledged to strengthen"),
        ("The economy is now expected grow by 2% this year.", "expected grow", "expected to grow"),
        ("The word is used specify the first index.", "used specify", "used to specify"),
        ("Assessors would like see an improvement.", "like see", "like to see"),
        # A form listed on its own ("going"; "go" itself takes a bare verb: "go see").
        ("We are going announce the squad on Friday.", "going announce", "going to announce"),
        ("That was the book I wanted write.", "wanted write", "wanted to write"),
        # A passive participle has no object of its own: the next word is a verb.
        ("The club was forced play away from home.", "forced play", "forced to play"),
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
        "All you need do is ask.",
        "If need be, the match will be replayed.",
        "The unions threatened strike action.",
        "Farmers expected rain the next day.",
        "It was a much needed boost for the team.",
        "He tried escape routes first.",
        "They offered help to the victims.",
        "Many attempts fail.",
        "Most offers include a discount.",
        "The city plans budget cuts.",
        # Verbs the counts leave out: they take a bare verb too.
        "We helped build the house.",
        "They made him sign the form.",
        "Let's go see the film.",
        # Participles, nouns and auxiliaries after the head.
        "He has come home.",
        "They have become friends.",
        "She wanted help from her parents.",
        "He began work on the novel.",
        "One should be able to get hold of the book at once.",
        "Craft unions seek work that industrial unions claim.",
        "The chemical symbols used differ in the two parts.",
        "Other acts appearing include a local band.",
        "Poverty and fear have ceased to exist.",
        "Now reports say that the government will act.",
        "Those who prefer shoot-'em-ups will like the phone.",
        "The rooms seem hardly worth using except on occasions.",
        "It funds the engineering and design work essential to growth.",
        "Add soap or, if desired, use a detergent; if desired use less.",
        "Readers who find a paper they can trust tend to stay with it.",
        "He ran on the posters which voters claim show the mayor as a villain.",
        "She paced the runner in Smith's failed attempt on the record.",
        "The resort will have live music every night.",
        "The victims were offered help by the town.",
        "She was promised work in the city.",
        "Projects for which help is required call for long spending.",
        "There will be continued demand for faster chips.",
        "Peace can only come if the UN forces withdraw from the area.",
    ])
    def test_correct_uses_are_clean(self, text):
        assert flagged(BareInfinitive, text) == []

    def test_the_verbs_come_from_the_counts(self):
        from garblint.linter.language.verbs import to_infinitive_verbs

        verbs = to_infinitive_verbs()
        assert {"agree", "decide", "manage", "refuse", "want"} <= verbs
        # Followed by a bare verb too often ("help build", "make him go", "let it be").
        assert not verbs & {"help", "make", "let", "see", "hear", "dare", "go", "come"}


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
