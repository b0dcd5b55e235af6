import pytest

from linter.testing import flagged, run_rule
from rules.casing import LowercaseSentenceStart
from rules.punctuation import (
    DoubledPunctuation,
    DuplicatedClosingQuote,
    QuotePairing,
    SpaceBeforePunctuation,
    SplitSentence,
    TruncatingEllipsis,
    UnclosedQuote,
    UnopenedQuote,
)
from tests.rules.seeds import seed


class TestQuotePairing:
    @pytest.mark.parametrize("text, expected", [
        ('"We will win the cup,” the coach said.', '"We will win the cup,”'),
        ('"No matter how the league changes, we will keep building this club for the fans,” he said.', '"No matter how'),
        ("“The market is resilient,\" the analyst wrote.", "“The market is resilient,\""),
        ("Fans chanted ‘one more goal' all night.", "‘one more goal'"),
    ])
    def test_flags_mixed_marks(self, text, expected):
        assert flagged(QuotePairing, text) == [expected]

    @pytest.mark.parametrize("text", [
        "“We will win the cup,” the coach said.",
        '"We will win the cup," the coach said.',
        "The Joneses’ house, China’s ties and the ’90s ‘boom’ are fine.",
        "She is 5' 10\" tall and said “fine”.",
        "He said, “She told me ‘no’ twice.”",
    ])
    def test_consistent_quotes_are_clean(self, text):
        assert flagged(QuotePairing, text) == []


class TestDuplicatedClosingQuote:
    def test_flags_a_doubled_closing_mark(self):
        (finding,) = run_rule(DuplicatedClosingQuote, "He vowed to defend “our national interests.” ” Then he left.")
        assert finding.severity == "error"
        assert "interests.” ”" == "He vowed to defend “our national interests.” ” Then he left."[finding.start:finding.end]

    @pytest.mark.parametrize("text", [
        "He said, “She told me ‘no.’ ” Then he left.",
        "“First.” “Second.” Two quotes in a row.",
    ])
    def test_nesting_and_adjacent_quotations_are_clean(self, text):
        assert flagged(DuplicatedClosingQuote, text) == []


class TestUnclosedAndUnopened:
    def test_flags_an_opening_mark_never_closed(self):
        text = "Both agreed to act in “difficult global conditions. Talks will resume in May."
        assert flagged(UnclosedQuote, text) == ["“difficult global conditions."]

    def test_quotation_running_into_the_next_paragraph_is_clean(self):
        text = "He said: “We came here to win.\n\n“And we will win again next year,” he added.\n"
        assert flagged(UnclosedQuote, text) == []

    def test_block_quotations_are_clean(self):
        text = "As she wrote afterwards: “\n\nWe walked for days. The roads were empty.\n\nNobody came.”\n"
        assert flagged(UnclosedQuote, text) == [] and flagged(UnopenedQuote, text) == []
        text = "The mayor declared: “Nothing will change in this city while I am here.\n\nThe council agreed.\n"
        assert flagged(UnclosedQuote, text) == []

    def test_flags_a_closing_mark_never_opened(self):
        text = "The coach said the result was fair,” and walked off."
        assert flagged(UnopenedQuote, text) == ["fair,”"]

    def test_continued_quotation_is_clean(self):
        text = "He said: “We came here to win.\n\nAnd we will win again,” he added.\n"
        assert flagged(UnopenedQuote, text) == []


class TestSplitSentenceAndCasing:
    def test_stray_stop_before_a_fragment(self):
        (finding,) = run_rule(SplitSentence, "“Prices will fall,” she said. at the annual meeting.")
        assert "said. at the annual meeting." == "“Prices will fall,” she said. at the annual meeting."[finding.start:finding.end]
        assert finding.suggestions == ["said at the annual meeting."]

    def test_lowercase_clause_after_stop_is_casing(self):
        text = "The club denied the report. however, the manager has not commented on it since Monday."
        assert flagged(LowercaseSentenceStart, text) == ["however"]
        assert flagged(SplitSentence, text) == []

    @pytest.mark.parametrize("text", [
        "The U.S. economy grew. Prices rose 2.5 percent in the U.S. last year.",
        "We met at 5 p.m. on Friday and left at 9 a.m. the next day.",
        "See e.g. the report by J. Smith and Mr. Jones et al. in the journal.",
        "He bought a new phone. iPhone sales rose again.",
        "Contact us at example.com for more. Thanks.",
        "The can holds 12-oz. of water and the Chmn. of the board agreed.",
        "Well... maybe not.",
    ])
    def test_abbreviations_and_lists_are_clean(self, text):
        assert flagged(SplitSentence, text) == []
        assert flagged(LowercaseSentenceStart, text) == []


class TestEllipsis:
    @pytest.mark.parametrize("text, expected", [
        ("They vowed to “confront the… improve global governance”.", "the… improve"),
        ("Investors fear a collapse of the... banking sector.", "the... banking"),
    ])
    def test_flags_a_truncated_phrase(self, text, expected):
        assert flagged(TruncatingEllipsis, text) == [expected]

    @pytest.mark.parametrize("text", [
        "I thought… well, never mind.",
        "And then... nothing happened at all.",
        "He paused. “Maybe…” he said.",
    ])
    def test_ellipsis_after_complete_phrases_is_clean(self, text):
        assert flagged(TruncatingEllipsis, text) == []


class TestDoubledAndSpacedPunctuation:
    def test_flags_doubled_marks(self):
        assert flagged(DoubledPunctuation, "The ministers met on Tuesday,, and agreed; ; no.") == [",,"]
        assert flagged(DoubledPunctuation, "The deal ended.. Then talks resumed.") == [".."]

    @pytest.mark.parametrize("text", ["Wait... what?!", "He met John Smith Jr., the mayor.", "They left Hyannis Port, Mass., on Monday."])
    def test_deliberate_marks_are_clean(self, text):
        assert flagged(DoubledPunctuation, text) == []

    def test_space_before_comma_or_stop(self):
        assert flagged(SpaceBeforePunctuation, "The talks , which lasted two days , ended .") == [" ,", " ,", " ."]
        assert flagged(SpaceBeforePunctuation, "Rates rose to .5 percent. Wait . . . no.") == []


class TestSeeds:
    def test_seed_artifacts_are_found(self):
        assert flagged(QuotePairing, seed("000")) == ['"No matter how']
        assert "‘global South'" in flagged(QuotePairing, seed("002"))
        assert flagged(SplitSentence, seed("002")) == ["said. in front of the press."]
        assert flagged(DuplicatedClosingQuote, seed("003")) == ["interests.” ”"]
        assert flagged(TruncatingEllipsis, seed("003")) == ["the… improve"]
        assert flagged(UnclosedQuote, seed("004")) == ["“complicated international conditions."]
        assert flagged(LowercaseSentenceStart, seed("004")) == ["for now"]

    def test_clean_original_is_clean(self):
        text = seed("001")
        for rule in (QuotePairing, DuplicatedClosingQuote, UnclosedQuote, UnopenedQuote, SplitSentence,
                     TruncatingEllipsis, DoubledPunctuation, SpaceBeforePunctuation, LowercaseSentenceStart):
            assert run_rule(rule, text) == [], rule.code
