"""Patterns that used to rescan long runs: each pathological input of about 200 KB
must lint in seconds (it took from half a minute to many minutes), and each rule
must still flag its own bad example placed after such an input.

The time bounds are wide on purpose: they catch quadratic time, not slow machines.
"""
import time

import pytest

from garblint.linter.language.align import align
from garblint.linter.engine.config import Config
from garblint.linter.engine.runner import Linter
from garblint.linter.engine.plugins import all_rule_classes, plugin_manager

SIZE = 200_000
BOUND = 5.0  # seconds; the old patterns took 30 s to several minutes on these inputs

CLASSES = {cls.code: cls for cls in all_rule_classes(plugin_manager(()))}


def _fenced(size):
    line = "    value = compute(x, y)  # and his or her\n"
    return "Some prose.\n\n```\n" + line * (size // len(line)) + "```\n"


# (rule, file suffix, builder of a pathological input of about n characters); the
# comment says what used to rescan. Inputs where most marks are findings are
# smaller (there the time goes into the findings themselves), inputs whose old
# cost grew slowly are larger.
CASES = [
    ("GL451", ".md", _fenced),  # "\s+and his" from every space of the masked code block
    ("GL451", ".txt", lambda n: "a\n" + " " * n + "\nb\n"),  # the paragraph pattern on a long blank line
    ("GL151", ".txt", lambda n: "." * n),  # the sentence break from every dot of a run
    ("GL151", ".txt", lambda n: "!" * n),
    ("GL302", ".txt", lambda n: "ab" * (n // 2)),  # every cut of a long lower-case word
    ("GL203", ".txt", lambda n: "“abcdefghijklmnopqrs" * (n // 10)),  # the lead span of every mark scanned the whole run
    ("GL209", ".txt", lambda n: "«a» " * (n // 16)),  # every mark checked against every pair
    ("GL351", ".txt", lambda n: "Mr. " * (n // 4) + "end."),  # sliced the tail of every word of a long sentence
    ("GL352", ".txt", lambda n: "its EU handed " * (n // 5) + "over."),  # as GL351
    ("GL354", ".txt", lambda n: "it will the figures publish, " * (n // 29) + "end."),  # split the sentence per match
    ("GL355", ".txt", lambda n: "only the board has the plan approved, " * (n // 38) + "end."),  # walks back from each auxiliary
    ("GL356", ".txt", lambda n: "the minister a letter " * (n // 22) + "sent."),  # one phrase scanned back from its verb
    ("GL103", ".txt", lambda n: "x to go " * (n // 8) + "in 2023."),  # rescanned the span between infinitives
    ("GL401", ".txt", lambda n: "Ab Cd Ef. " * (n // 10)),  # every run compared with every name
    ("GL401", ".txt", lambda n: "The " * (n // 4)),  # leading titles dropped by slicing
    ("GL503", ".txt", lambda n: "he defends oneself " * (n // 19) + "today."),  # rescanned the sentence per 'oneself'
    ("GL303", ".txt", lambda n: "a.b" * (n // 3)),  # looked for the run's start and end from every trigger
    ("GL602", ".txt", lambda n: "date" + " " * n + "x"),  # two adjacent \s* around an optional colon
    ("GL601", ".txt", lambda n: "share " + "facebook " * 40 + "zzz\n"),  # exponential: \s* on both sides of a name
]
IDS = [f"{code}-{i}" for i, (code, _, _) in enumerate(CASES)]


@pytest.mark.parametrize("code, suffix, build", CASES, ids=IDS)
def test_pathological_input_is_linted_quickly(code, suffix, build):
    linter = Linter(Config(select=[code]))
    text = build(SIZE)
    started = time.perf_counter()
    linter.lint_text(text, "case" + suffix)
    assert time.perf_counter() - started < BOUND


@pytest.mark.parametrize("code, suffix, build", CASES, ids=IDS)
def test_rule_still_flags_its_bad_example_after_the_input(code, suffix, build):
    cls = CLASSES[code]
    linter = Linter(Config(select=[code]))
    head = build(5_000) + "\n\n"  # a shorter input keeps this test fast; the timing test has the long one
    for example, flagged in ((cls.bad, True), (cls.good, False)):
        findings = linter.lint_text(head + example + "\n", "case" + suffix).findings
        in_example = [f for f in findings if f.code == code and f.start >= len(head)]
        assert bool(in_example) is flagged, (code, example)


def test_alignment_of_two_long_texts_is_quick():
    sentences = [f"The minister said on day {i} that the talks with Brussels had been useful." for i in range(2_000)]
    linter = Linter(Config())
    original = linter.parse(" ".join(sentences), "a.txt")
    rewrite = linter.parse(" ".join(s.replace("useful", "helpful") for s in sentences), "b.txt")
    started = time.perf_counter()
    pairs = align(original, rewrite)
    assert time.perf_counter() - started < BOUND
    # Each rewrite sentence still finds its own original (the day number is an anchor).
    assert len(pairs) == 2_000
    assert all(pair.original == pair.rewrite for pair in pairs[:50] + pairs[-50:])


def test_a_paragraph_longer_than_a_chunk_is_still_linted():
    # One paragraph of 500,000 characters is cut into chunks, not dropped.
    text = "The plan was approved. " * 22_000 + "They were able to to present it."
    findings = Linter(Config(select=["GL101"])).lint_text(text, "long.txt").findings
    assert [f.code for f in findings] == ["GL101"]
    assert text[findings[0].start:findings[0].end] == "to to"
