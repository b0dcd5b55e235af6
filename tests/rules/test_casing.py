import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.casing import LowercaseSentenceStart
from garblint.rules.punctuation import SplitSentence
from tests.rules.seeds import seed


@pytest.mark.parametrize("text, expected, suggestion", [
    ("The club denied the report. however, the manager has not commented on it since Monday.", "however", "However"),
    ("China said it “opposes hegemony”. for now, Beijing has not condemned the move.", "for now", "For now"),
    ("The orchestra played Brahms. the audience gave a standing ovation that lasted ten minutes.", "the", "The"),
    ("The team lost. they will play again on Sunday.", "they", "They"),
    ("The company reported earnings. analysts expected more.", "analysts", "Analysts"),
    ("The trial began in 1998. in 2001 the court ruled against the firm and fined it heavily.", "in", "In"),
    ("The champions “will defend the title”. but the squad is thin and three players are injured.", "but", "But"),
])
def test_flags_a_clause_that_lost_its_capital(text, expected, suggestion):
    (finding,) = run_rule(LowercaseSentenceStart, text)
    assert text[finding.start:finding.end] == expected
    assert finding.suggestions == [suggestion]
    assert finding.severity == "error"


@pytest.mark.parametrize("text", [
    "The U.S. economy grew. Prices rose 2.5 percent in the U.S. last year.",
    "We met at 5 p.m. on Monday and at 9 a.m. on Tuesday.",
    "The U.S. team won. Smith et al. showed that the effect holds, cf. the earlier study, vs. the control.",
    "He bought one. iPhone sales rose again this quarter. eBay listings fell.",
    "The general met de Gaulle. von Neumann later joined the project.",
    "I thought... well, never mind what the others said about it.",
    "Did he win? yes, said the coach, who was standing by the bench.",
    "Contact us at example.com for more details about the event.",
    "The serum potassium was 3.8 mEq. per liter, and the hemoglobin was normal.",
    "Spores of B. subtilis, var. niger, generally known as Bacillus globigii, were used.",
    "The team won 3-1. in the second half, the visitors collapsed and conceded twice.",
    "Section 12. deals with the method and the results of the whole survey.",
    "1. the first item on the list\n2. the second item on the list\n",
    "The rules are: a) read the text. b) write the answer down carefully and check it.",
    "Steps: i. open the lid. ii. remove the filter and rinse it under warm water for a minute.",
    "The shoes were made by Nike. adidas has responded with a new line of running shoes.",
])
def test_abbreviations_names_and_lists_are_clean(text):
    assert flagged(LowercaseSentenceStart, text) == []


def test_markdown_list_items_are_clean():
    text = "Steps:\n\n- Open the box. then take out the parts and lay them on the table.\n- Done.\n"
    assert flagged(LowercaseSentenceStart, text, markdown=True) == []


@pytest.mark.parametrize("text, family", [
    ("“We must stand together,” he said. in front of the press.", "punctuation"),
    ("The factory closed. after forty years of production.", "punctuation"),
    ("They oppose hegemony. for now, China has not condemned the invasion.", "casing"),
    ("The match ended. the players walked off slowly and the fans stayed in the stands.", "casing"),
])
def test_each_spot_is_reported_by_exactly_one_family(text, family):
    findings = run_rule(SplitSentence, text) + run_rule(LowercaseSentenceStart, text)
    assert [f.family for f in findings] == [family]


def test_seed_case_is_found():
    assert flagged(LowercaseSentenceStart, seed("004")) == ["for now"]


def test_clean_original_is_clean():
    for name in ("000", "001", "002", "003"):
        assert run_rule(LowercaseSentenceStart, seed(name)) == [], name


@pytest.mark.parametrize("text, expected", [
    ("Why did the talks fail? because nobody wanted a deal, the minister said on Monday.", "because"),
    ("The deal is done! now we wait for the vote in parliament next week.", "now"),
    ("Who knows? maybe the deal will come next year after all.", "maybe"),
])
def test_flags_a_clause_after_a_question_or_exclamation_mark(text, expected):
    (finding,) = run_rule(LowercaseSentenceStart, text)
    assert text[finding.start:finding.end] == expected
    assert finding.suggestions == [expected[0].upper() + expected[1:]]


@pytest.mark.parametrize("text", [
    "“Why?” she asked. “What now?” he said.",
    "He loved Who is Sylvia? by Edward Albee, and Wham! along with the rest of the band.",
    "How do you say basketball? and what is the biggest collection of all?",
    "Is it over? no.",
    "Did you buy the new iPhone? iPhones sell fast.",
])
def test_quoted_marks_titles_and_question_runs_are_clean(text):
    assert flagged(LowercaseSentenceStart, text) == []
