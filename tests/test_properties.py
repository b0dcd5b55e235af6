"""Properties every input must keep, over generated Markdown and plain text.

The generated texts mix prose that carries fixable artifacts with inline code,
links, HTML, fenced code and long runs of punctuation, the shapes that once
made fixes edit code or made patterns slow.
"""
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from garblint.linter.api import make_linter
from garblint.linter.engine.fixes import fix_text

LINTER = make_linter()

WORDS = st.sampled_from(
    "the a talks minister said ministry agreed to on Friday budget were able go harbour crews "
    "report Lima council and or his her its The They In".split()
)
ARTIFACTS = st.sampled_from([
    "the the", "to to", " ,", " .", "talks.The", ",,", "3,5%", "«plan»", "itâ€™s", "failed ,he", "„Nein“",
])
INLINE = st.sampled_from([
    "`code to to`", "`a ,b`", "`x.The`", "[the the link](https://example.org/to/to)", "<b>to to</b>",
    "<kbd>the the</kbd>", "<https://example.org/a,,b>", "&amp;", "**bold** ,", "_it_", "![alt ,](img.png)",
])
PUNCTUATION_RUN = st.builds(lambda ch, n: ch * n, st.sampled_from(list(".,;:!?\"'“”‘’«»*_`[]<>-\t")), st.integers(1, 300))


@st.composite
def paragraphs(draw):
    pieces = draw(st.lists(st.one_of(WORDS, WORDS, WORDS, ARTIFACTS, INLINE, PUNCTUATION_RUN), min_size=1, max_size=40))
    return " ".join(pieces) + draw(st.sampled_from([".", "", "!", "?", " ."]))


@st.composite
def markdown_documents(draw):
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "heading", "list", "quote", "fence", "indented"]))
        body = draw(paragraphs())
        if kind == "heading":
            blocks.append("## " + body)
        elif kind == "list":
            blocks.append("- " + body + "\n- " + draw(paragraphs()))
        elif kind == "quote":
            blocks.append("> " + body)
        elif kind == "fence":
            blocks.append("```\n" + body + "\n```")
        elif kind == "indented":
            blocks.append("    " + body)
        else:
            blocks.append(body)
    text = "\n\n".join(blocks) + "\n"
    return text.replace("\n", draw(st.sampled_from(["\n", "\r\n", "\r"])))


def skipped_markup(text: str) -> list[str]:
    """Code spans, fenced blocks, tags and link targets, found apart from garblint's parser."""
    found = re.findall(r"```.*?```", text, re.S)
    rest = re.sub(r"```.*?```", "", text, flags=re.S)
    found += re.findall(r"`[^`\n\r]+`", rest)
    found += re.findall(r"<[^<>\n\r]+>", rest)
    found += re.findall(r"\]\([^)\n\r]*\)", rest)
    return found


def check_findings(text: str, path: str) -> None:
    findings = LINTER.lint_text(text, path).findings
    lines = text.split("\n")
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        # Line and column point at the finding's first character.
        line = lines[f.line - 1]
        bom = 1 if f.line == 1 and text.startswith("\ufeff") and f.start > 0 else 0
        assert line[f.column - 1 + bom:][:1] == text[f.start:f.start + 1] or f.start == f.end, f


PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPERTY_SETTINGS
@given(markdown_documents())
def test_fix_never_touches_skipped_markup_and_is_idempotent(text):
    fixed, _ = fix_text(LINTER, text, "doc.md")
    assert skipped_markup(fixed) == skipped_markup(text)
    again, applied = fix_text(LINTER, fixed, "doc.md")
    assert applied == 0 and again == fixed


@PROPERTY_SETTINGS
@given(markdown_documents())
def test_every_markdown_finding_has_a_true_span_and_position(text):
    check_findings(text, "doc.md")


@PROPERTY_SETTINGS
@given(st.lists(paragraphs(), min_size=1, max_size=8).map("\n\n".join))
def test_every_plain_text_finding_has_a_true_span_and_position(text):
    check_findings(text, "doc.txt")
    fixed, _ = fix_text(LINTER, text, "doc.txt")
    assert fix_text(LINTER, fixed, "doc.txt") == (fixed, 0)


@settings(max_examples=15, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(markdown_documents(), st.integers(20, 60))
def test_time_per_kilobyte_stays_bounded(text, copies):
    # Repeating a generated document makes it tens of kilobytes; a pattern that
    # rescans from every position would take seconds here.
    big = text * copies
    started = time.perf_counter()
    LINTER.lint_text(big, "doc.md")
    seconds = time.perf_counter() - started
    assert seconds / (len(big) / 1024) < 0.02 + 1.0 / (len(big) / 1024), (len(big), seconds)
