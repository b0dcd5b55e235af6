from garblint.linter.inputs.formats import parse_markdown
from garblint.linter.testing import make_document
from garblint.rules.repetition import DoubledWord

SOURCE = """---
title: the the front matter
---
# A Heading

Prose with `code to to` inline and a [link](https://example.com/to/to) here.

```text
fenced to to
```

    indented code to to

<!-- a comment to to -->
Real prose that has a doubled word word here.
"""


def test_only_prose_survives_the_mask():
    parsed = parse_markdown(SOURCE)
    assert len(parsed.prose) == len(SOURCE)
    assert "front matter" not in parsed.prose
    assert "code to to" not in parsed.prose
    assert "example.com" not in parsed.prose
    assert "fenced" not in parsed.prose
    assert "indented" not in parsed.prose
    assert "comment" not in parsed.prose
    assert "Real prose" in parsed.prose
    assert parsed.prose.count("\n") == SOURCE.count("\n")


def test_offsets_map_back_to_the_source():
    doc = make_document(SOURCE, markdown=True)
    findings = list(DoubledWord().check(doc))
    assert [SOURCE[f.start:f.end] for f in findings] == ["word word"]


def test_blocks_know_headings_lists_and_tables():
    text = "# Title\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| c | d |\n"
    parsed = parse_markdown(text)
    kinds = [(text[b.start:b.end], b.kind) for b in parsed.blocks]
    assert ("Title", "heading") in kinds
    assert ("item one", "list-item") in kinds
    assert ("c", "table-cell") in kinds and ("d", "table-cell") in kinds


def test_markdown_syntax_is_not_prose():
    text = "Some **bold** and _emphasis_ with [link text](http://x.org \"title\").\n"
    parsed = parse_markdown(text)
    assert "*" not in parsed.prose and "_" not in parsed.prose
    assert "link text" in parsed.prose and "title" not in parsed.prose


def test_comments_are_collected_for_directives():
    parsed = parse_markdown("<!-- garblint-disable GL101 -->\nText.\n")
    assert parsed.comments[0][2] == "garblint-disable GL101"
