from pathlib import Path

import pytest

from garblint.linter.language.align import align
from garblint.linter.commands.compare import compare_documents
from garblint.linter.testing import make_document
from garblint.rules.spin_drift import (
    AlteredQuotation,
    BrokenCollocation,
    ChangedNumber,
    DirectionReversal,
    EntityRoleChange,
    NegationFlip,
    Reattribution,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ALL = [ChangedNumber, NegationFlip, DirectionReversal, EntityRoleChange, Reattribution, AlteredQuotation, BrokenCollocation]


def drift(rule_class, original, rewrite):
    rewrite_doc = make_document(rewrite)
    findings = compare_documents(make_document(original), rewrite_doc, [rule_class()])
    return [rewrite[f.start:f.end] for f in sorted(findings, key=lambda f: f.start)]


ORIGINAL = (
    "The city council met on Tuesday. It approved a budget of 4.2 million dollars for the new library. "
    "Council members had not discussed the parking plan, the mayor said. "
    "“We will protect the green belt at all costs,” she said. Visitor numbers rose by 12% in 2023."
)
PARAPHRASE = (
    "On Tuesday, the city council held a meeting. A budget of 4.2 million dollars for the new library was approved. "
    "The parking plan had not been discussed by council members, the mayor said. "
    "“We will protect the green belt at all costs,” she told reporters. In 2023 visitor numbers rose by 12%."
)


def test_alignment_survives_reordering_splitting_and_merging():
    original = make_document("Prices rose in March. The bank cut rates. Analysts were surprised by the cut.")
    rewrite = make_document("The bank cut rates, and analysts were surprised by the cut. In March, prices rose.")
    pairs = {tuple(p.rewrite): tuple(p.original) for p in align(original, rewrite)}
    assert pairs[(0,)] == (1, 2)
    assert pairs[(1,)] == (0,)


@pytest.mark.parametrize("rule_class", ALL, ids=lambda c: c.code)
def test_a_faithful_paraphrase_is_clean(rule_class):
    assert drift(rule_class, ORIGINAL, PARAPHRASE) == []


@pytest.mark.parametrize("rule_class, rewrite, expected", [
    (ChangedNumber, ORIGINAL.replace("4.2 million", "5.2 million"), ["5.2"]),
    (NegationFlip, ORIGINAL.replace("had not discussed", "had discussed"), ["discussed"]),
    (NegationFlip, ORIGINAL.replace("It approved", "It did not approve"), ["not"]),
    (DirectionReversal, ORIGINAL.replace("rose by 12%", "fell by 12%"), ["fell"]),
    (AlteredQuotation, ORIGINAL.replace("protect the green belt", "defend the green belt"), ["defend"]),
])
def test_drift_is_found(rule_class, rewrite, expected):
    assert drift(rule_class, ORIGINAL, rewrite) == expected


def test_entity_added_or_moved_into_another_role():
    original = "Western sanctions seek to wreck its economy and bring Iran levels of isolation."
    assert drift(EntityRoleChange, original, "Western sanctions seek to wreck its economy and isolate Iran.") == ["isolate Iran"]
    assert drift(EntityRoleChange, original, "Western sanctions seek to wreck its economy and please Ottawa.") == ["Ottawa"]
    assert drift(EntityRoleChange, original, "Western sanctions aim to wreck its economy and bring Iran levels of isolation.") == []


def test_reattributed_claim():
    original = "According to Reuters:\nHe said that sales grew by a third in the first quarter."
    assert drift(Reattribution, original, "According to Reuters, sales grew by a third in the first quarter.") == ["According to Reuters"]
    assert drift(Reattribution, original, "He said that sales grew by a third in the first quarter, according to Reuters.") == []


def test_broken_collocation():
    original = "Seeking to prove this point, the ministry sent a delegation to Paris."
    assert drift(BrokenCollocation, original, "Seeking to show its point, the ministry sent a delegation to Paris.") == ["show its point"]
    assert drift(BrokenCollocation, original, "Hoping to prove this point, the ministry sent a delegation to Paris.") == []


def test_seed_pair_finds_the_three_gold_drifts_and_little_else():
    original = make_document(next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8"))
    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    rewrite = make_document(text)
    findings = compare_documents(original, rewrite, [cls() for cls in ALL])
    gold = ["isolate Iran", "According to Bloomberg, an almost 30% increase", "show its point"]
    for quote in gold:
        g0 = text.index(quote)
        g1 = g0 + len(quote)
        limit = max(3 * len(quote), len(quote) + 60)
        assert any(f.start < g1 and g0 < f.end and f.end - f.start <= limit for f in findings), quote
    flagged = {text[f.start:f.end] for f in findings}
    # Everything else must be a drift visible in the original.
    assert flagged - {"isolate Iran", "According to Bloomberg", "show its point"} <= {"vitality", "negotiation table"}
