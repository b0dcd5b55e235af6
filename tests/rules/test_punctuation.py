import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.casing import LowercaseSentenceStart
from garblint.rules.punctuation import (
    DoubledPunctuation,
    DuplicatedClosingQuote,
    QuotePairing,
    SpaceBeforePunctuation,
    SplitSentence,
    TruncatingEllipsis,
    ForeignQuotationMarks,
    DecimalComma,
    SpaceBeforeMark,
    UnclosedQuote,
    UnopenedQuote,
)
from tests.rules.seeds import seed

PUNCTUATION_RULES = (QuotePairing, DuplicatedClosingQuote, UnclosedQuote, UnopenedQuote, SplitSentence,
                     TruncatingEllipsis, DoubledPunctuation, SpaceBeforePunctuation)


class TestQuotePairing:
    @pytest.mark.parametrize("text, expected", [
        ('"We will win the cup,” the coach said.', '"We will win the cup,”'),
        ('"No matter how the league changes, we will keep building this club for the fans,” he said.', '"No matter how'),
        ("“The market is resilient,\" the analyst wrote.", "“The market is resilient,\""),
        ("Fans chanted ‘one more goal' all night.", "‘one more goal'"),
        ("She called the vote ‘a turning point' for the town.", "‘a turning point'"),
        ("She called the vote 'a turning point’ for the town.", "'a turning point’"),
    ])
    def test_flags_mixed_marks(self, text, expected):
        (finding,) = run_rule(QuotePairing, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "warning"

    def test_single_quote_suggestion_uses_curly_marks(self):
        (finding,) = run_rule(QuotePairing, "Fans chanted ‘one more goal' all night.")
        assert finding.suggestions == ["‘one more goal’"]

    @pytest.mark.parametrize("text", [
        "“We will win the cup,” the coach said.",
        '"We will win the cup," the coach said.',
        "The Joneses’ house, China’s ties and the ’90s ‘boom’ are fine.",
        "Rock ’n’ roll, the ’90s and the Smiths’ records “changed everything,” he said.",
        "She is 5' 10\" tall and said “fine”.",
        "The sign read \"Closed\" and the board said 'Open'. He's 6'2\" and she's 5' 4\".",
        "He said, “She told me ‘no’ twice.”",
        "\"It's the players' choice,\" the manager said. \"We'll see.\"",
    ])
    def test_consistent_quotes_are_clean(self, text):
        assert flagged(QuotePairing, text) == []


class TestDuplicatedClosingQuote:
    @pytest.mark.parametrize("text, expected", [
        ("He vowed to defend “our national interests.” ” Then he left.", "interests.” ”"),
        ("The board wants to “protect our shareholders.” ” the chairman said.", "shareholders.” ”"),
        ('The board wants to "protect our shareholders." " the chairman said.', 'shareholders." "'),
        ("He vowed to defend “our interests.”” Then he left.", "interests.””"),
    ])
    def test_flags_a_doubled_closing_mark(self, text, expected):
        (finding,) = run_rule(DuplicatedClosingQuote, text)
        assert finding.severity == "error"
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [expected[:expected.index(".") + 2]]

    @pytest.mark.parametrize("text", [
        "He said, “She told me ‘no.’ ” Then he left.",
        "“He called it ‘the best day of my life,’ ” she said.",
        "“First.” “Second.” Two quotes in a row.",
        '"First." "Second." Two quotes in a row.',
    ])
    def test_nesting_and_adjacent_quotations_are_clean(self, text):
        assert flagged(DuplicatedClosingQuote, text) == []


def test_glued_doubled_closing_marks_of_every_style():
    for text, expected in [
        ('He said: "We will open the gates at dawn."" Then he left.', 'dawn.""'),
        ('"The figures are grim,"" said the economist.', 'grim,""'),
        ("She called the budget “pure fiction,”\" and sat down.", "fiction,”\""),
        ("He dismissed it as ‘a pantomime’' and went home.", "pantomime’'"),
    ]:
        assert flagged(DuplicatedClosingQuote, text) == [expected], text


@pytest.mark.parametrize("text", [
    'Set name = "" and call print("") or join("", parts).',
    'id,"",total\n1,"",2',
    '"""A docstring."""',
    "\"He called the plan 'a pantomime'\" she said.",
    "The shelf is 5' 10\"\" tall.",
    'The memo said "" where the name should be.',
])
def test_empty_strings_nesting_and_triple_quotes_are_not_doubled_closing_marks(text):
    assert flagged(DuplicatedClosingQuote, text) == []


class TestUnclosedQuote:
    @pytest.mark.parametrize("text, expected", [
        ("Both agreed to act in “difficult global conditions. Talks will resume in May.", "“difficult global conditions."),
        ("The report said the plan was “unrealistic. Critics agreed.\n\nOthers did not.\n", "“unrealistic. Critics agreed."),
        ("The mayor called the proposal “reckless and said she would veto it.\n\nThe council meets on Monday.\n",
         "“reckless and said"),
        ("She described the film as “a triumph” and “a “masterpiece” of the genre.", "“a “masterpiece” of"),
        ('China and Russia agreed to cooperate in "complicated conditions. Talks go on.\n\nMore.\n', '"complicated conditions. Talks'),
        ('He called it "a disgrace and left.', '"a disgrace and'),
    ])
    def test_flags_a_partial_quotation_never_closed(self, text, expected):
        (finding,) = run_rule(UnclosedQuote, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "warning"
        assert finding.end - finding.start <= 40

    def test_an_unclosed_quoted_sentence_is_only_info(self):
        text = "“We are ready,” he said. “The players know what to do.\n\nThe match starts at eight.\n"
        (finding,) = run_rule(UnclosedQuote, text)
        assert finding.severity == "info"

    @pytest.mark.parametrize("text", [
        "He said: “We came here to win.\n\n“And we will win again next year,” he added.\n",
        "“We came here to win,” the captain said. “We will win again next year.\n\n“The fans deserve it.”\n",
        "The phrase “too big to fail” became popular. The bank was “too big to fail”.",
        "He said the team had “nothing to lose” and the fans were “ready.”",
        "As she wrote afterwards: “\n\nWe walked for days. The roads were empty.\n\nNobody came.”\n",
        "The mayor declared: “Nothing will change in this city while I am here.\n\nThe council agreed.\n",
        'He is 6\'2" and she called it "tall.',  # an inch mark makes the count of straight marks unreliable
        'The words "quote" and "unquote" are fine.',
    ])
    def test_closed_or_continued_quotations_are_clean(self, text):
        assert flagged(UnclosedQuote, text) == []

    def test_block_quotation_closing_later_is_not_unopened(self):
        text = "As she wrote afterwards: “\n\nWe walked for days. The roads were empty.\n\nNobody came.”\n"
        assert flagged(UnopenedQuote, text) == []


class TestUnopenedQuote:
    def test_flags_a_closing_mark_never_opened(self):
        text = "The coach said the result was fair,” and walked off."
        (finding,) = run_rule(UnopenedQuote, text)
        assert text[finding.start:finding.end] == "fair,”"
        assert finding.severity == "info"

    @pytest.mark.parametrize("text", [
        "He said: “We came here to win.\n\nAnd we will win again,” he added.\n",
        "The bar is 12''” long and 1/2''” wide.",
        "“We will win,” he said.",
    ])
    def test_continued_quotations_and_inch_marks_are_clean(self, text):
        assert flagged(UnopenedQuote, text) == []


class TestStrayFullStop:
    @pytest.mark.parametrize("text, expected, suggestion", [
        ("“Prices will fall,” she said. at the annual meeting.", "said. at the annual meeting.",
         "said at the annual meeting."),
        ("Shares fell sharply. according to the exchange.", "sharply. according to the exchange.",
         "sharply according to the exchange."),
        ("The mayor opened the bridge. on Tuesday morning.", "bridge. on Tuesday morning.",
         "bridge on Tuesday morning."),
        ("She thanked the volunteers. who had worked all night.", "volunteers. who had worked all night.",
         "volunteers who had worked all night."),
        ("He resigned. citing personal reasons.", "resigned. citing personal reasons.",
         "resigned citing personal reasons."),
    ])
    def test_flags_a_stop_before_a_fragment(self, text, expected, suggestion):
        (finding,) = run_rule(SplitSentence, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [suggestion]
        assert finding.severity == "error"

    @pytest.mark.parametrize("text", [
        "The U.S. economy grew. Prices rose 2.5 percent in the U.S. last year.",
        "We met at 5 p.m. on Friday and left at 9 a.m. the next day.",
        "See e.g. the report by J. Smith and Mr. Jones et al. in the journal.",
        "See p. 5 and approx. two dozen figures in Fig. 3, cf. the appendix, vs. the control.",
        "He bought a new phone. iPhone sales rose again.",
        "Contact us at example.com for more. Thanks.",
        "The can holds 12-oz. of water and the Chmn. of the board agreed.",
        "The dose was 5 mg. per day and the serum level was 3.8 mEq. per liter.",
        "She studied at M.I.T. and later at Cal. in Berkeley.",
        "Section 12. deals with the method, and p. 12. on the results.",
        "Well... maybe not.",
        "The vote was close. however the measure passed with the support of the mayor.",  # a clause: casing
        "The cooking is good. tva lakes.",  # too short to tell: heading residue
    ])
    def test_abbreviations_references_and_clauses_are_not_fragments(self, text):
        assert flagged(SplitSentence, text) == []


class TestEllipsis:
    @pytest.mark.parametrize("text, expected", [
        ("They vowed to “confront the… improve global governance”.", "the… improve"),
        ("Investors fear a collapse of the... banking sector.", "the... banking"),
        ("The museum plans to “restore the… open the gallery next spring”.", "the… open"),
        ("The minister promised to invest in… schools and hospitals.", "in… schools"),
        ("Fans waited for their … arrival at the airport.", "their … arrival"),
    ])
    def test_flags_a_truncated_phrase(self, text, expected):
        (finding,) = run_rule(TruncatingEllipsis, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "warning"

    @pytest.mark.parametrize("text", [
        "I thought… well, never mind.",
        "And then... nothing happened at all.",
        "He paused. “Maybe…” he said.",
        "“I want to… to go home,” she said.",
        "He stopped at... the door.",
        "The results were good.... the team celebrated.",
        "The software is designed to... reduce copying of discs.",
        "It was voted best gadget by readers of...err... a magazine.",
        "I felt I ought to say sorry for ... there were other things too.",
    ])
    def test_ellipsis_after_complete_phrases_is_clean(self, text):
        assert flagged(TruncatingEllipsis, text) == []


class TestDoubledPunctuation:
    @pytest.mark.parametrize("text, expected", [
        ("The ministers met on Tuesday,, and agreed; ; no.", [",,"]),
        ("The deal ended.. Then talks resumed.", [".."]),
        ("The deal was signed in Paris.. Then talks resumed.", [".."]),
        ("The club, which was founded in 1901;, won.", [";,"]),
    ])
    def test_flags_doubled_marks(self, text, expected):
        assert flagged(DoubledPunctuation, text) == expected

    def test_doubled_question_mark_among_single_ones_is_info(self):
        (finding,) = run_rule(DoubledPunctuation, "What?? Really? Yes.")
        assert finding.severity == "info" and finding.suggestions == ["?"]

    @pytest.mark.parametrize("text", [
        "Wait... what?!",
        "He met John Smith Jr., the mayor.",
        "They left Hyannis Port, Mass., on Monday.",
        "Why?? Who knows?? Nobody asked??",  # a text that always doubles them
        "The results were good.... The team celebrated!!",
        "Run cd ../.. to go back, or see pages 5..10 of the manual.",
    ])
    def test_deliberate_marks_are_clean(self, text):
        assert flagged(DoubledPunctuation, text) == []


class TestSpaceBeforePunctuation:
    def test_space_before_comma_or_stop(self):
        text = "The talks , which lasted two days , ended on Friday ."
        findings = run_rule(SpaceBeforePunctuation, text)
        assert [text[f.start:f.end] for f in findings] == ["talks ,", "days ,", "Friday ."]
        assert [f.suggestions for f in findings] == [["talks,"], ["days,"], ["Friday."]]
        assert {f.severity for f in findings} == {"warning"}

    def test_a_comma_moved_onto_the_next_word(self):
        text = "The talks failed ,he said."
        (finding,) = run_rule(SpaceBeforePunctuation, text)
        assert text[finding.start:finding.end] == "failed ,"
        assert finding.suggestions == ["failed, "]

    def test_after_a_function_word_a_word_is_missing(self):
        (finding,) = run_rule(SpaceBeforePunctuation, "The velocity of this , 40-grain bullet is high.")
        assert finding.severity == "info" and "missing" in finding.message

    @pytest.mark.parametrize("text", [
        "Rates rose to .5 percent. Wait . . . no.",
        "The rate was 1 .5 percent.",
        "Use the .NET runtime, or 1 ,000 of them.",
        "Bonjour ! Ça va ?",
        "The talks, which lasted two days, ended on Friday.",
    ])
    def test_clean(self, text):
        assert flagged(SpaceBeforePunctuation, text) == []


class TestSeeds:
    def test_seed_artifacts_are_found(self):
        assert flagged(QuotePairing, seed("000")) == ['"No matter how']
        assert flagged(QuotePairing, seed("002")) == ["‘global South'"]
        assert flagged(SplitSentence, seed("002")) == ["said. in front of the press."]
        assert flagged(DuplicatedClosingQuote, seed("003")) == ["interests.” ”"]
        assert flagged(TruncatingEllipsis, seed("003")) == ["the… improve"]
        assert flagged(UnclosedQuote, seed("004")) == ["“complicated international conditions."]

    def test_each_seed_spot_gets_one_finding_from_the_two_families(self):
        text = seed("002")
        spot = text.index("said. in front of the press.")
        findings = [f for rule in (*PUNCTUATION_RULES, LowercaseSentenceStart) for f in run_rule(rule, text)
                    if f.start <= spot + 10 and f.end >= spot]
        assert [f.code for f in findings] == ["GL205"]

    def test_clean_original_is_clean(self):
        text = seed("001")
        for rule in PUNCTUATION_RULES:
            assert run_rule(rule, text) == [], rule.code


class TestForeignQuotationMarks:
    @pytest.mark.parametrize("text, expected, fix", [
        ("The minister called the plan «a provocation» on Friday.", "«a provocation»", "“a provocation”"),
        ("He said « we will not give up » to reporters.", "« we will not give up »", "“we will not give up”"),
        ("She said „we will win“ yesterday.", "„we will win“", "“we will win”"),
    ])
    def test_flags_pairs_with_english_marks_as_the_suggestion(self, text, expected, fix):
        (finding,) = run_rule(ForeignQuotationMarks, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [fix]

    def test_a_lone_guillemet_is_flagged(self):
        assert flagged(ForeignQuotationMarks, "The slogan » was painted on walls.") == ["»"]

    def test_the_closing_mark_of_a_low_high_pair_is_not_an_unclosed_quote(self):
        assert flagged(UnclosedQuote, "She said „we will win“ yesterday. Then she left.") == []

    def test_english_quotes_are_clean(self):
        assert flagged(ForeignQuotationMarks, "He called it “a provocation” and ‘unacceptable’.") == []


class TestDecimalComma:
    @pytest.mark.parametrize("text, expected, fix", [
        ("Growth slowed to 3,5% in the second quarter.", "3,5", "3.5"),
        ("Prices rose by 2,7 percent in May.", "2,7", "2.7"),
        ("The deficit reached 1,25 billion euros.", "1,25", "1.25"),
        ("Petrol costs €1,89 a litre.", "1,89", "1.89"),
    ])
    def test_flags_and_suggests_the_point(self, text, expected, fix):
        (finding,) = run_rule(DecimalComma, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [fix]

    @pytest.mark.parametrize("text", [
        "It sold 1,500 units to 10,000 people, up 3.5%.",
        "Chapters 2,3 and 4 describe the war.",
        "In 2021, 15 percent of voters stayed home.",
        "Scores of 6,4 and 7,5 were recorded in the final set.",
    ])
    def test_thousands_and_lists_are_clean(self, text):
        assert flagged(DecimalComma, text) == []


class TestSpaceBeforeMark:
    def test_flags_french_spacing(self):
        text = "Why did the talks fail ? The minister said : nobody knows."
        findings = run_rule(SpaceBeforeMark, text)
        assert [text[f.start:f.end] for f in findings] == ["fail ?", "said :"]
        assert [f.severity for f in findings] == ["warning", "info"]
        assert findings[0].suggestions == ["fail?"]

    @pytest.mark.parametrize("text", [
        "Why did the talks fail? The minister said: nobody knows.",
        "The ratio was 3 : 1 at the time.",
        "He asked “why?” and left; nobody followed!",
    ])
    def test_english_spacing_is_clean(self, text):
        assert flagged(SpaceBeforeMark, text) == []
