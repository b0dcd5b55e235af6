from garblint.linter.engine.document import Document
from garblint.linter.testing import make_document


def sentences(text):
    return [s.text for s in Document.from_text(text).sentences]


def test_sentences_split_at_full_stops_before_capitals():
    assert sentences("The vote passed. Critics objected! Why? Nobody knows.") == [
        "The vote passed.", "Critics objected!", "Why?", "Nobody knows.",
    ]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert sentences("Mr. Smith met Dr. Jones at 5 p.m. on Friday. J. R. Ewing left.") == [
        "Mr. Smith met Dr. Jones at 5 p.m. on Friday.", "J. R. Ewing left.",
    ]


def test_a_full_stop_before_lower_case_does_not_split():
    assert sentences("He said. in front of the press.") == ["He said. in front of the press."]


def test_closing_quotes_stay_with_their_sentence():
    assert sentences("“We agree,” he said. “Now we act.” Then he left.") == [
        "“We agree,” he said.", "“Now we act.”", "Then he left.",
    ]


def test_one_line_per_paragraph_and_headings():
    doc = Document.from_text("A Headline Here\nFirst paragraph ends here.\nSecond one too.\n")
    kinds = [(doc.text[p.start:p.end], p.kind) for p in doc.paragraphs]
    assert kinds == [
        ("A Headline Here", "heading"),
        ("First paragraph ends here.", "paragraph"),
        ("Second one too.", "paragraph"),
    ]


def test_hard_wrapped_paragraphs_are_joined():
    text = "This paragraph is wrapped\nat a narrow width so that\nits lines end mid-sentence.\n\nNext one."
    doc = Document.from_text(text)
    assert [doc.text[p.start:p.end] for p in doc.paragraphs][0].startswith("This paragraph is wrapped\nat")
    assert len(doc.paragraphs) == 2
    assert len(doc.sentences) == 2


def test_tokens_carry_offsets_and_keep_inner_apostrophes_and_hyphens():
    text = "China’s win-win deal, 30% up."
    doc = Document.from_text(text)
    assert [t.text for t in doc.tokens] == ["China’s", "win-win", "deal", ",", "30", "%", "up", "."]
    for token in doc.tokens:
        assert text[token.start:token.end] == token.text


def test_line_and_column_are_one_based():
    doc = Document.from_text("ab\ncd\n\nef")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(4) == (2, 2)
    assert doc.line_col(7) == (4, 1)


def test_memo_computes_once():
    doc = Document.from_text("Some text.")
    calls = []
    doc.memo("x", lambda d: calls.append(1) or 42)
    assert doc.memo("x", lambda d: calls.append(1) or 0) == 42
    assert calls == [1]


def test_byte_order_mark_is_kept_in_text_and_masked_in_prose():
    doc = make_document("\ufeffHello world.")
    assert doc.text[0] == "\ufeff" and doc.prose[0] == " "
    assert doc.sentences[0].text == "Hello world."


def test_tags_lemmas_and_entities_are_computed_once_and_shared():
    from garblint.linter.engine.document import Document

    doc = Document("Norway said he had refused to sign the treaty. Ms Okafor agreed.\n")
    assert len(doc.tags) == len(doc.upos) == len(doc.lemmas) == len(doc.tokens)
    assert doc.tags is doc.tags and doc.entities is doc.entities
    by_word = {t.text: (tag, lemma) for t, tag, lemma in zip(doc.tokens, doc.tags, doc.lemmas)}
    assert by_word["refused"] == ("VBN", "refuse")
    assert by_word["to"][0] == "TO" and by_word["sign"] == ("VB", "sign")
    kinds = {e.text: e.kind for e in doc.entities}
    assert kinds == {"Norway": "place", "Okafor": "person"}


def test_inline_code_is_a_noun_to_the_tagger_and_nothing_else():
    from garblint.linter.testing import make_document

    doc = make_document("Run `make install` to build it.\n", markdown=True)
    placeholder = next(i for i, t in enumerate(doc.tokens) if t.is_placeholder)
    assert (doc.tags[placeholder], doc.upos[placeholder]) == ("NN", "X")
    assert doc.tags[placeholder + 1] == "TO"
