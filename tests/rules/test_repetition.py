import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.repetition import CoordinatedDuplicate, DoubledWord, RepeatedInfinitive
from tests.rules.seeds import seed


class TestDoubledWord:
    @pytest.mark.parametrize("text, expected", [
        ("The striker was able to to score twice.", "to to"),
        ("The the council met.", "The the"),
        ("Prices rose in in March.", "in in"),
        ("The government is is ready to negotiate.", "is is"),
        ("The unions do do not accept the offer.", "do do"),
    ])
    def test_flags(self, text, expected):
        (finding,) = run_rule(DoubledWord, text)
        assert text[finding.start:finding.end] == expected
        assert finding.severity == "error"

    @pytest.mark.parametrize("text", [
        "He had had enough of the delays.",
        "She said that that plan would fail.",
        "They flew to Bora Bora and Walla Walla.",
        "The score was 1 1 at half-time.",
        "It ended with the\nthe heading repeated across lines.",
        "The vote. The vote was close.",
        "What the problem is is that nobody asked.",
        "On Thursday, senior law lord Lord Bingham said the rules were unlawful.",
        "All you do do is wait for the results.",
    ])
    def test_legitimate_repeats_are_clean(self, text):
        assert flagged(DoubledWord, text) == []

    def test_exceptions_option(self):
        assert flagged(DoubledWord, "We heard the bam bam drum.") == ["bam bam"]
        assert flagged(DoubledWord, "We heard the bam bam drum.", options={"exceptions": ["bam bam"]}) == []


class TestCoordinatedDuplicate:
    @pytest.mark.parametrize("text, expected", [
        ("They offered both financial and financial support.", "financial and financial"),
        ("The deal covers economic and economic cooperation.", "economic and economic"),
        ("It needs either political or political will.", "political or political"),
        ("The talks focused on security and security.", "security and security"),
        ("The festival mixes traditional and traditional music.", "traditional and traditional"),
        ("The gap between research and research, she said, was small.", "research and research"),
        ("The sanctions target the banking sector and the banking sector of the country.",
         "the banking sector and the banking sector"),
        ("The talks covered military aid and military aid.", "military aid and military aid"),
    ])
    def test_flags(self, text, expected):
        assert flagged(CoordinatedDuplicate, text) == [expected]

    @pytest.mark.parametrize("text", [
        "Prices rose more and more each year.",
        "He pitched against the Giants and the Giants' best hitter.",
        "Buy meat the day or the day before you cook it.",
        "They visited relatives or to relatives who came to stay.",
        "The sense of community and of community responsibility matters.",
        "The police must be part of the community and the community to be part of policing.",
        "He denied that the Independent and the Independent on Sunday were for sale.",
        "And so on and so on, he said.",
        "He tried again and again to call.",
        "They waited and waited for news.",
        "It took years and years of work.",
        "The processing of milk and milk products grew.",
        "She caught it and it fell.",
        "They offered both financial and military support.",
        "Prices got better and better, then worse and worse.",
        "He ran round and round the track, on and on, over and over again.",
        "We rest our chins on the rail and stare and stare.",
        "They must march with freedom or freedom is going to march over them.",
        "Time plays tricks with memory and memory with time.",
        "It was a matter of such and such a size.",
    ])
    def test_emphasis_and_compounds_are_clean(self, text):
        assert flagged(CoordinatedDuplicate, text) == []


class TestBareNounCoordinatedWithItself:
    """A common noun coordinated with itself, found by its part-of-speech tags, not a word list."""

    @pytest.mark.parametrize("text, expected", [
        ("The mayor praised the volunteer and volunteer who stayed behind.", "volunteer and volunteer"),
        ("Eleven ledgers and ledgers lay on the desk.", "ledgers and ledgers"),
        ("She waited half a kilometre and kilometre from the gate.", "kilometre and kilometre"),
        ("The sort of blacksmith and blacksmith who forged it left town.", "blacksmith and blacksmith"),
        ("Nine saddles and saddles were stolen.", "saddles and saddles"),
    ])
    def test_flags(self, text, expected):
        assert flagged(CoordinatedDuplicate, text) == [expected]

    @pytest.mark.parametrize("text", [
        "They sold cheese and cheese products at the fair.",
        "There were crates and crates of apples in the barn.",
        "She hauled the crates and crates of apples herself.",
        "The dance-hall and dance music scene grew.",
        "He said it time and time again.",
        "The roof was patched and patched and patched.",
        "Relief for the harbour and harbour workers came late.",
    ])
    def test_compounds_and_emphasis_are_clean(self, text):
        assert flagged(CoordinatedDuplicate, text) == []


class TestRepeatedInfinitive:
    @pytest.mark.parametrize("text, expected", [
        ("The club invited the coach to visit the stadium in May to visit in 2025.", "to visit in 2025"),
        ("They asked the minister to attend the summit in Rome to attend next week.", "to attend next week"),
        ("The band was invited to perform at the festival in Leeds to perform in August.", "to perform in August"),
    ])
    def test_flags(self, text, expected):
        assert flagged(RepeatedInfinitive, text) == [expected]

    @pytest.mark.parametrize("text", [
        "He wanted to visit Paris and to visit Rome in June.",
        "To be or not to be, that is the question.",
        "They asked him to visit in 2025.",
        "It had not occurred to him, and it occurred to him before.",
        "She planned to travel to Spain, then to travel in Italy with friends.",
        "She came to see and to learn.",
        "Try to help people help themselves.",
        "He had to be at the station at nine to be in time.",
    ])
    def test_parallel_and_single_infinitives_are_clean(self, text):
        assert flagged(RepeatedInfinitive, text) == []


def test_seed_repetitions_are_found_and_the_original_is_clean():
    assert flagged(DoubledWord, seed("002")) == ["to to"]
    assert flagged(CoordinatedDuplicate, seed("003")) == ["military and military"]
    assert flagged(RepeatedInfinitive, seed("003")) == ["to visit in 2023"]
    for rule in (DoubledWord, CoordinatedDuplicate, RepeatedInfinitive):
        assert run_rule(rule, seed("001")) == []
