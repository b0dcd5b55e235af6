from garblint.linter.language.antecedent import resolve
from garblint.linter.language.lexicon import given_names, noun_class
from garblint.linter.language.quotes import quoted
from garblint.linter.testing import make_document


def _pronoun(doc, word):
    return next(i for i, t in enumerate(doc.tokens) if t.lower == word)


def test_a_place_subject_is_the_antecedent_of_a_following_pronoun():
    doc = make_document("After the vote, Estonia said she would appeal.")
    found = resolve(doc, _pronoun(doc, "she"))
    assert found is not None and found.entity.text == "Estonia" and found.role == "subject"


def test_people_pronouns_and_quotation_marks_stop_the_search():
    for text in ("Estonia told the envoy he would wait.", "Estonia told them he would wait.",
                 'Estonia said: "He will wait."', "Harold Okonkwo said he would wait."):
        doc = make_document(text)
        assert resolve(doc, _pronoun(doc, "he")) is None, text


def test_a_place_after_a_preposition_is_not_the_subject():
    doc = make_document("Harold Okonkwo flew to Estonia, where he met officials.")
    assert resolve(doc, _pronoun(doc, "he")) is None


def test_an_object_pronoun_has_no_antecedent_here():
    doc = make_document("Estonia thanked him.")
    assert resolve(doc, _pronoun(doc, "him")) is None


def test_quoted_tokens_straight_and_curly():
    doc = make_document('He said "we left" and “they stayed” today.')
    inside = quoted(doc)
    words = {t.text: inside[i] for i, t in enumerate(doc.tokens) if t.is_word}
    assert words["we"] and words["they"] and not words["said"] and not words["today"]


def test_noun_classes_and_given_name_genders():
    assert {"minister", "spokeswoman"} <= noun_class("person") and "economy" not in noun_class("person")
    assert "frigate" in noun_class("vessel") and "economy" in noun_class("owned")
    assert "Harold" in given_names("male") and "Edna" in given_names("female")
    assert "Lewis" in given_names("surname") and "Harold" not in given_names("surname")
