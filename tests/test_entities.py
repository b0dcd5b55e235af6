"""The entity view: spans of proper names with a kind.

Tests of the document's own evidence use invented names that the gazetteer
does not have (checked by ``assert_unknown``); gazetteer tests use its entries.
"""
from pathlib import Path

import pytest
import yaml

from garblint.linter.engine.document import Document
from garblint.linter.language.entities import KINDS, Entity, find_entities, gazetteer
from garblint.linter.testing import make_document

ROOT = Path(__file__).resolve().parent.parent


def names(text, tags=None, markdown=False):
    doc = make_document(text, markdown=markdown) if markdown else Document.from_text(text)
    return [(e.text, e.kind) for e in find_entities(doc, tags)]


def assert_unknown(*words):
    gaz = gazetteer()
    for word in words:
        assert word not in gaz and word not in gaz.given, f"{word!r} is in the gazetteer: pick another invented name"


# -- the API ------------------------------------------------------------------

def test_entities_carry_offsets_token_indices_and_text():
    text = "Yesterday the firm Dorvane Ltd hired Orla Venn in Vrestow."
    doc = Document.from_text(text)
    found = find_entities(doc)
    assert [e.text for e in found] == ["Dorvane Ltd", "Orla Venn", "Vrestow"]
    for entity in found:
        assert isinstance(entity, Entity) and entity.kind in KINDS
        assert text[entity.start:entity.end] == entity.text
        first, last = doc.tokens[entity.token_start], doc.tokens[entity.token_end - 1]
        assert first.start == entity.start and last.end >= entity.end
    with pytest.raises(AttributeError):
        found[0].kind = "place"  # frozen


def test_empty_and_lower_case_documents_have_no_entities():
    assert find_entities(Document.from_text("")) == []
    assert names("the report was late and nobody read it.") == []


# -- the gazetteer ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Talks began in Portugal on Monday.", [("Portugal", "place")]),
    ("Farmers in Bavaria and Lombardy protested.", [("Bavaria", "place"), ("Lombardy", "place")]),
    ("Rain hit Minas Gerais, Kerala and Queensland.", [("Minas Gerais", "place"), ("Kerala", "place"), ("Queensland", "place")]),
    ("Envoys from South Korea and Britain met.", [("South Korea", "place"), ("Britain", "place")]),
    ("He moved to Cologne and then to Gothenburg.", [("Cologne", "place"), ("Gothenburg", "place")]),
    ("Both NATO and the IMF sent teams.", [("NATO", "organisation"), ("IMF", "organisation")]),
    ("The African Union met OPEC.", [("African Union", "organisation"), ("OPEC", "organisation")]),
    ("A deal between Siemens and Toyota.", [("Siemens", "organisation"), ("Toyota", "organisation")]),
    ("Visitors to Bosnia and Herzegovina rose.", [("Bosnia and Herzegovina", "place")]),
    ("Flights to Sao Paulo and São Paulo.", [("Sao Paulo", "place"), ("São Paulo", "place")]),
])
def test_gazetteer_names_are_found_with_their_kind(text, expected):
    assert names(text) == expected


def test_the_us_is_a_country_and_us_is_a_pronoun():
    assert names("Let us ask the US what it wants from us.") == [("US", "place")]
    assert names("US officials said so.") == [("US", "place")]


def test_countries_with_the_and_dotted_forms():
    assert names("Exports to the Netherlands and the U.K. fell.") == [("Netherlands", "place"), ("U.K.", "place")]


def test_gazetteer_has_each_part_and_loads_once():
    gaz = gazetteer()
    assert gazetteer() is gaz
    for word, kind, detail in [("Portugal", "place", "country"), ("Catalonia", "place", "region"),
                               ("Sichuan", "place", "region"), ("Texas", "place", "region"),
                               ("Lagos", "place", "region"), ("WHO", "organisation", "international"),
                               ("Nestlé", "organisation", "company")]:
        entry = gaz.entry(word)
        assert entry is not None and (entry.kind, entry.detail) == (kind, detail), word
    assert "Amina" in gaz.given and "Carlos" in gaz.given
    assert gaz.entry("Bayern") is None  # regions are named in English


def test_shipped_gazetteer_is_built_from_the_curated_lists():
    """Every curated region and organisation is in the built file (rebuild with tools/build_gazetteer.py)."""
    built = (ROOT / "linter" / "language" / "data" / "gazetteer.txt").read_text(encoding="utf-8")
    lines = {line.lstrip("~") for line in built.splitlines()}
    regions = yaml.safe_load((ROOT / "tools" / "gazetteer" / "regions.yaml").read_text(encoding="utf-8"))
    organisations = yaml.safe_load((ROOT / "tools" / "gazetteer" / "organisations.yaml").read_text(encoding="utf-8"))
    curated = [name for group in regions.values() for name in group]
    curated += [name for group in organisations.values() for name in group]
    missing = [name for name in curated if str(name) not in lines]
    assert not missing, missing[:10]
    assert (ROOT / "linter" / "language" / "data" / "GAZETTEER-LICENSE.txt").is_file()


# -- the document's own evidence ----------------------------------------------------

def test_titles_and_offices_make_people():
    assert_unknown("Kastari", "Orrund", "Tavi", "Brellow")
    assert names("Mr Kastari met President Tavi Orrund and Ms. Brellow.") == [
        ("Kastari", "person"), ("Tavi Orrund", "person"), ("Brellow", "person"),
    ]


def test_a_surname_alone_after_the_full_name_is_the_same_person():
    assert_unknown("Tarno", "Kastari")
    assert names("Tarno Kastari said the plan was sound. Later Kastari left.") == [
        ("Tarno Kastari", "person"), ("Kastari", "person"),
    ]


def test_strong_evidence_elsewhere_types_every_mention():
    assert_unknown("Quelvo")
    found = names("Investors in Quelvo were calm. The firm Quelvo said sales rose.")
    assert found == [("Quelvo", "organisation"), ("Quelvo", "organisation")]


def test_speech_verbs_make_people_and_prepositions_places():
    assert_unknown("Orvel", "Tansy", "Grenvale")
    assert names("“We agree,” said Orvel Tansy.") == [("Orvel Tansy", "person")]
    assert names("The clinic in Grenvale reopened.") == [("Grenvale", "place")]


def test_roles_and_appositions_make_people():
    assert_unknown("Quenna", "Marrow", "Venn", "Orla")
    assert names("The group said its spokeswoman Quenna Marrow would speak.") == [("Quenna Marrow", "person")]
    assert names("The report, by Orla Venn, 54, was late.") == [("Orla Venn", "person")]


def test_company_suffixes_head_words_and_nouns_make_organisations():
    assert_unknown("Dorvane", "Kessler", "Zorblax", "Aqualis")
    assert names("Shares of Dorvane Ltd and Kessler GmbH fell.") == [
        ("Dorvane Ltd", "organisation"), ("Kessler GmbH", "organisation"),
    ]
    assert names("Zorblax, the carmaker, cut jobs.") == [("Zorblax", "organisation")]
    assert names("A letter from the Ministry of Aqualis Affairs arrived.") == [
        ("Ministry of Aqualis Affairs", "organisation"),
    ]


def test_based_and_region_after_a_comma_make_places():
    assert_unknown("Vrimsk", "Ostrelly")
    assert names("The Vrimsk-based firm grew.") == [("Vrimsk", "place")]
    assert names("They met near Ostrelly, Bavaria, at dawn.") == [("Ostrelly", "place"), ("Bavaria", "place")]


def test_a_place_that_speaks_stays_a_place():
    """The case the rules need: "Portugal said he..." is a country called "he"."""
    assert names("Portugal said he would veto it.") == [("Portugal", "place")]
    assert names("Siemens raised his forecast.") == [("Siemens", "organisation")]


def test_two_names_run_together_are_split():
    assert_unknown("Orrund", "Kastari", "Tarno")
    found = names("Tarno Kastari, a lawyer, spoke first. Tavi Orrund Tarno Kastari said nothing new.")
    assert found == [("Tarno Kastari", "person"), ("Tavi Orrund", "person"), ("Tarno Kastari", "person")]
    # Census given names split a run of four words with no other evidence.
    assert names("Then Amina Yusuf Carlos Mendes said no.") == [("Amina Yusuf", "person"), ("Carlos Mendes", "person")]


def test_an_unknown_capitalised_name_mid_sentence_is_other():
    assert_unknown("Vellomar")
    assert names("They read Vellomar before dinner.") == [("Vellomar", "other")]


# -- hard cases ------------------------------------------------------------------

def test_sentence_initial_function_words_are_no_names():
    assert names("The talks ended. However, nothing changed. Yesterday it rained.") == []
    assert_unknown("Orvel", "Tansy")
    assert names("The Orvel Tansy report was late.") == [("Orvel Tansy", "other")]


def test_sentence_initial_common_words_need_confirmation():
    assert names("Reading is fun. Nice work, everyone. Officials said little.") == []
    assert_unknown("Vellomar")
    # Seen capitalised mid-sentence elsewhere, the opener is a name too.
    assert names("Vellomar opened late. We admired Vellomar.") == [("Vellomar", "other"), ("Vellomar", "other")]


def test_title_case_headlines_keep_only_known_names():
    assert_unknown("Vessor", "Quill")
    text = "Vessor Quill Raises Forecast After Strong Quarter\n\nVessor Quill said profits rose in Portugal."
    assert names(text) == [("Vessor Quill", "person"), ("Vessor Quill", "person"), ("Portugal", "place")]
    assert names("Markets Rally As Portugal Cuts Taxes\n\nShares rose.") == [("Portugal", "place")]
    assert names("MARKETS RALLY ON NEWS\n\nShares rose.") == []


def test_may_the_month_and_may_the_name():
    assert names("In May, sales rose. May was warm. Talks resume on May 12.") == []
    assert_unknown("Brellow")
    assert names("Theresa May spoke. Mrs Brellow agreed with Mrs May.") == [
        ("Theresa May", "person"), ("Brellow", "person"), ("May", "person"),
    ]


def test_jordan_is_a_country_unless_the_document_says_person():
    assert names("Jordan said it would close the border.") == [("Jordan", "place")]
    found = names("Michael Jordan scored 30 points. Jordan said he was tired.")
    assert found == [("Michael Jordan", "person"), ("Jordan", "person")]


def test_nationality_words_and_common_acronyms_are_no_names():
    assert names("Portuguese officials met the CEO of a Belgian bank.") == []


# -- spans ------------------------------------------------------------------------

def test_possessive_s_is_not_part_of_the_name():
    text = "China's exports and Orla Venn’s plan."
    found = find_entities(Document.from_text(text))
    assert [(e.text, text[e.start:e.end]) for e in found] == [("China", "China"), ("Orla Venn", "Orla Venn")]


def test_spans_never_cross_sentences():
    assert_unknown("Vellomar", "Tansy")
    for entity in find_entities(Document.from_text("We met Vellomar. Tansy Orvel came later.")):
        assert "." not in entity.text
    doc = Document.from_text("They saw Vellomar.\n\nTansy left.")
    assert all(doc.tokens[e.token_start].sentence == doc.tokens[e.token_end - 1].sentence for e in find_entities(doc))


def test_spans_never_cross_placeholders_or_markup():
    assert_unknown("Mendes", "Orvel", "Tansy")
    found = names("Talks with **Carlos** Mendes and `Orvel Tansy` ended.", markdown=True)
    assert ("Carlos Mendes", "person") not in found
    assert all("Orvel" not in text for text, _ in found)  # inline code is opaque


def test_initials_and_dotted_abbreviations_stay_in_the_name():
    assert_unknown("Ewing", "Dorvane")
    assert names("Later J. R. Ewing joined Dorvane Inc. as adviser.") == [
        ("J. R. Ewing", "other"), ("Dorvane Inc.", "organisation"),
    ]


# -- tags ---------------------------------------------------------------------------

def test_tags_reject_capitalised_common_words_and_confirm_proper_nouns():
    assert_unknown("Vellomar")
    text = "Vellomar won. Nice work."
    doc = Document.from_text(text)
    assert [t.text for t in doc.tokens] == ["Vellomar", "won", ".", "Nice", "work", "."]
    assert names(text) == []  # an unknown opener alone is not confirmed without tags
    tags = ["NNP", "VBD", ".", "JJ", "NN", "."]
    assert names(text, tags) == [("Vellomar", "other")]


def test_tags_split_a_run_at_a_word_that_is_not_a_proper_noun():
    assert_unknown("Orvel", "Tansy")
    text = "We met Orvel Tansy Monday."
    assert names(text, ["PRP", "VBD", "NNP", "NNP", "NNP", "."]) == [("Orvel Tansy", "other")]
    text = "We met Orvel Tansy Fine."
    assert names(text, ["PRP", "VBD", "NNP", "NNP", "JJ", "."]) == [("Orvel Tansy", "other")]


def test_tags_of_another_length_are_refused():
    with pytest.raises(ValueError):
        find_entities(Document.from_text("Orvel left."), ["NNP"])


def test_a_capitalised_common_noun_inside_a_name_keeps_the_name_whole():
    """The tagger reads "Film" in a festival's name as a noun; the name runs on through it."""
    from garblint.linter.engine.document import Document

    doc = Document.from_text("Ticket sales rose.\n\nThe Tromsø International Film Festival said its jury was complete.")
    assert [(e.text, e.kind) for e in doc.entities] == [("Tromsø International Film Festival", "organisation")]
    plain = Document.from_text("Ticket sales rose.\n\nThe festival showed a Film about Tromsø.")
    assert all("Film" not in e.text for e in plain.entities)
