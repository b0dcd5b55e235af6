"""The benchmark scripts' own logic: MQM span mapping and the injection operations.

They run on small texts made here; the corpora the scripts measure are not needed.
"""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import inject  # noqa: E402
import mqm  # noqa: E402

HEADER = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n"


def tsv(*rows: tuple[str, ...]) -> str:
    return HEADER + "".join("\t".join(row) + "\n" for row in rows)


def test_mqm_segment_text_is_what_most_raters_saw_and_spans_follow_it():
    data = mqm.parse(tsv(
        ("sysA", "d1", "1", "1", "r1", "src", "The cat sat <v>in</v> the mat.", "Fluency/Grammar", "Major"),
        # r2 typed a post-edit into the target before the marked word
        ("sysA", "d1", "1", "1", "r2", "src", "The cat sat on <v>in</v> the mat.", "Accuracy/Mistranslation", "Minor"),
        # r3 marked only the text it added: nothing of the segment to point at
        ("sysA", "d1", "1", "1", "r3", "src", "The cat sat in the mat.<v> Indeed.</v>", "Style/Awkward", "Minor"),
        ("sysA", "d1", "1", "1", "r4", "src", "The cat sat in the mat.", "No-error", "No-error"),
        ("sysA", "d1", "1", "2", "r1", "src", "It purred.", "no-error", "no-error"),
    ))
    first, second = sorted(data["segments"], key=lambda s: s["seg_id"])
    assert first["text"] == "The cat sat in the mat."
    spans = {e["rater"]: first["text"][e["start"]:e["end"]] for e in first["errors"]}
    assert spans == {"r1": "in", "r2": "in"}
    assert data["skipped_rows"] == {"span inside a rater's edit": 1}
    assert data["moved_rows"] == 1
    assert not first["clean"] and second["clean"]


def test_mqm_documents_put_segments_in_order_one_a_line():
    segments = [
        {"system": "s", "doc": "d", "seg_id": 2, "text": "Second."},
        {"system": "s", "doc": "d", "seg_id": 1, "text": "First."},
    ]
    [(path, text, placed)] = list(mqm.documents(segments))
    assert path == "s/d.txt" and text == "First.\nSecond.\n"
    assert [(seg["seg_id"], offset) for seg, offset in placed] == [(1, 0), (2, 7)]


def test_localized_overlap_rejects_a_finding_that_covers_a_whole_long_stretch():
    assert mqm.localized_overlap(10, 14, 12, 16)
    assert not mqm.localized_overlap(0, 9, 10, 14)  # no overlap
    assert not mqm.localized_overlap(0, 200, 10, 14)  # overlaps, but points at nothing in particular


TAGS = {
    "The": "at", "the": "at", "board": "nn", "will": "md", "approve": "vb", "plan": "nn", "on": "in",
    "Monday": "np", "wanted": "vbd", "to": "to", "meet": "vb", "rate": "nn", "was": "bedz", "He": "pps",
    "said": "vbd", "it": "pps", "agreed": "vbd", "yes": "rb", "They": "ppss", "later": "rb", "left": "vbd",
    "minister": "nn", "a": "at", "new": "jj",
}


def make_doc(text: str) -> inject.Doc:
    lexicon = inject.Lexicon({w: Counter({t: 1}) for w, t in TAGS.items()})
    return inject.tokenize_tagged(text, lexicon, "test", "doc")


def plant(text: str, method, **vocab):
    doc = make_doc(text)
    stub = SimpleNamespace(natural_doublings=set(), catenative={"wanted"}, **vocab)
    planter = inject.Planter(doc, stub, set(range(len(doc.sents))), random.Random(0))
    return method(planter)


def test_tagged_tokens_sentences_and_paragraphs_of_plain_text():
    doc = make_doc("The board will approve the plan on Monday. The rate was 2.5 on Monday.\n\nHe said yes.\n")
    assert [t.word for t in doc.toks[:3]] == ["The", "board", "will"]
    assert doc.toks[2].tag == "md" and doc.toks[-2].tag == "rb"
    assert "2.5" in [t.word for t in doc.toks]
    assert len(doc.sents) == 3 and len(doc.paras) == 2


def test_modal_verb_moves_to_the_end_of_its_clause_and_the_span_is_the_moved_verb():
    text, start, end = plant("The board will approve the plan on Monday.\n", inject.Planter.verb_final_modal)
    assert text == "The board will the plan on Monday approve.\n"
    assert text[start:end] == "approve"


def test_to_deleted_after_a_verb_that_takes_an_infinitive():
    text, start, end = plant("The minister wanted to meet the board.\n", inject.Planter.missing_to)
    assert text == "The minister wanted meet the board.\n"
    assert text[start:end] == "wanted meet"


def test_decimal_comma_and_foreign_quotes_change_only_their_span():
    source = 'The rate was 2.5 on Monday. He said "the plan was agreed on Monday" later.\n'
    text, start, end = plant(source, inject.Planter.decimal_comma)
    assert text == source.replace("2.5", "2,5") and text[start:end] == "2,5"
    text, start, end = plant(source, inject.Planter.foreign_quotes)
    assert text == source.replace('"the', "«the").replace('Monday"', "Monday»")
    assert text[start:end] == "«the plan was agreed on Monday»"


def test_doubled_word_skips_words_the_clean_corpora_double_themselves():
    source = "The board will approve the plan on Monday.\n"
    text, start, end = plant(source, inject.Planter.doubled_word)
    word = text[start:end].split()[0]
    assert text[start:end] == f"{word} {word}" and text.replace(f"{word} {word}", word, 1) == source
    doc = make_doc(source)
    stub = SimpleNamespace(natural_doublings={"board", "will", "approve", "the", "plan", "on"}, catenative=set())
    assert inject.Planter(doc, stub, {0}, random.Random(0)).doubled_word() is None


def test_orphan_opening_cuts_the_paragraphs_before_a_pronoun_sentence():
    source = "The board will approve the plan on Monday.\n\nThey left later.\n\nThe rate was 2.5 on Monday.\n"
    text, start, end = plant(source, inject.Planter.orphan_opening)
    assert text == "They left later.\n\nThe rate was 2.5 on Monday.\n"
    assert text[start:end] == "They left later."


def test_page_furniture_comes_from_the_grammar_and_stands_as_its_own_paragraph():
    vocab = {"person_list": [("Ada", "Lovelace")], "companies": {("Acme", "Ltd")}}
    source = "The board will approve the plan on Monday.\n\nThey left later.\n\nHe said yes.\n"
    text, start, end = plant(source, inject.Planter.page_furniture, **vocab)
    line = text[start:end]
    assert line and "\n" not in line
    assert text.replace(line + "\n\n", "", 1) == source
