import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.discourse import OrphanAnaphor
from tests.rules.seeds import seed


class TestOrphanOpening:
    @pytest.mark.parametrize("text, expected", [
        ("This comes as the club faces a transfer ban. The board met.", "This comes as the club"),
        ("He added that the bridge would reopen in May. Work began in 2021.", "He added that the bridge"),
        ("The move came after weeks of talks. Both sides agreed.", "The move came after weeks of"),
        ("However, the council rejected the plan. It will vote again.", "However"),
    ])
    def test_flags_orphaned_openings(self, text, expected):
        assert flagged(OrphanAnaphor, text) == [expected]

    @pytest.mark.parametrize("text", [
        "This year the festival moved to June. Tickets sold out.",
        "This book describes the history of the port. It has ten chapters.",
        "It is raining in the capital. Flights were delayed.",
        "Mayor Jane Smith\n\nShe was elected in 2019 and re-elected last year.",
        "In addition to the fine, the company must pay costs.",
        "The council met on Monday. This comes as a surprise to many.",
    ])
    def test_self_contained_openings_are_clean(self, text):
        assert flagged(OrphanAnaphor, text) == []


def test_seeds():
    assert flagged(OrphanAnaphor, seed("000")) == ["This is despite the fact"]
    assert run_rule(OrphanAnaphor, seed("001")) == []


def test_a_bare_pronoun_opening_is_only_info():
    (finding,) = run_rule(OrphanAnaphor, "She was elected in 2019 and re-elected last year.")
    assert finding.severity == "info"
    (finding,) = run_rule(OrphanAnaphor, "He added that the bridge would reopen in May.")
    assert finding.severity == "warning"
