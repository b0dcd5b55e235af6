import pytest

from linter.testing import flagged, run_rule
from rules.discourse import OrphanAnaphor
from rules.scrape_residue import HtmlEntity, MetadataRunIn, Mojibake, PageFurniture, TruncatedHeadlineCopy
from tests.rules.seeds import seed


class TestPageFurniture:
    @pytest.mark.parametrize("line", [
        "3 Comments:", "Leave a Reply", "Your email address will not be published. Required fields are marked *",
        "Share this:", "Share on Facebook", "Click to share on Twitter (Opens in new window)", "ADVERTISEMENT",
        "Story continues below advertisement", "We use cookies to improve your experience on our site.",
        "Accept all cookies", "Read more: Why the council voted no", "Read more »", "Click here to subscribe.", "Newer Post Older Post Home",
        "Subscribe to: Post Comments (Atom)", "Posted by Maria at 10:32 AM", "Tweet | Share | Email",
        "Share this article: Facebook Twitter WhatsApp", "Tags: Russia, Ukraine, sanctions",
        "You may also be interested in: Kremlin warns West", "Copyright 2023 Daily Planet. All rights reserved.",
        "Subscribe to our Telegram channel", "Follow us on Telegram", "Share on Facebook | Share on X | Send by email",
    ])
    def test_flags_furniture_lines(self, line):
        text = f"The council met on Monday.\n{line}\nIt will meet again in June.\n"
        assert flagged(PageFurniture, text) == [line.strip()[:80]]

    @pytest.mark.parametrize("text", [
        "You can read more about the plan in the council's report.",
        "The advertisement ran in three newspapers last week.",
        "Click here, the instructor said, and the screen went dark.",
        "Reprinted with permission from the Daily Planet.",
        "The comments were posted online within hours.",
    ])
    def test_prose_mentioning_the_same_words_is_clean(self, text):
        assert flagged(PageFurniture, text) == []


class TestMetadataRunIn:
    @pytest.mark.parametrize("text, expected", [
        (" date 2022-03-30 The Russian minister met his counterpart.", " date 2022-03-30"),
        ("Published: 12 May 2021 10:04 BST The club confirmed the signing.", "Published: 12 May 2021 10:04 BST"),
        ("Updated March 3, 2023 The storm moved east overnight.", "Updated March 3, 2023"),
        ("UPDATED: 12.03.2022 14:35 The president arrived in Kyiv.", "UPDATED: 12.03.2022 14:35"),
        ("Posted: 2022-03-30 10:15 GMT The talks ended.", "Posted: 2022-03-30 10:15 GMT"),
    ])
    def test_flags_metadata_glued_to_a_sentence(self, text, expected):
        assert flagged(MetadataRunIn, text) == [expected]

    @pytest.mark.parametrize("text", [
        "On 2022-03-30 the court ruled against the company.",
        "WASHINGTON (Reuters) - The Senate passed the bill.",
        "The report is dated 30 March 2022 and runs to 40 pages.",
    ])
    def test_dates_in_prose_and_datelines_are_clean(self, text):
        assert flagged(MetadataRunIn, text) == []


class TestTruncatedHeadline:
    def test_flags_a_truncated_copy(self):
        text = "Storms batter coast as councils warn of\n\nStorms batter coast as councils warn of more flooding\n\nHeavy rain fell overnight.\n"
        assert flagged(TruncatedHeadlineCopy, text) == ["Storms batter coast as councils warn of"]

    def test_headline_and_distinct_standfirst_are_clean(self):
        text = "Storms batter coast\n\nHeavy rain fell overnight across the coast.\n"
        assert flagged(TruncatedHeadlineCopy, text) == []


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
    assert flagged(PageFurniture, seed("001")) == ["No comments:\nPost a Comment"]
    assert flagged(TruncatedHeadlineCopy, seed("003")) == ["Chinas top diplomat vows to strengthen ties with Russia ahead"]
    assert flagged(MetadataRunIn, seed("004")) == [" date 2022-03-30"]
    assert flagged(OrphanAnaphor, seed("000")) == ["This is despite the fact"]
    for rule in (MetadataRunIn, TruncatedHeadlineCopy, OrphanAnaphor):
        assert run_rule(rule, seed("001")) == []


def test_a_bare_pronoun_opening_is_only_info():
    (finding,) = run_rule(OrphanAnaphor, "She was elected in 2019 and re-elected last year.")
    assert finding.severity == "info"
    (finding,) = run_rule(OrphanAnaphor, "He added that the bridge would reopen in May.")
    assert finding.severity == "warning"


class TestMojibake:
    @pytest.mark.parametrize("text, garbled, repaired", [
        ("The minister said itâ€™s too early to say.", "â€™", "’"),
        ("They met at a cafÃ© near the station.", "Ã©", "é"),
        ("Tickets cost Â£5 each.", "Â£", "£"),
        ("He called it â€œa disasterâ€\x9d on Friday.", "â€œ", "“"),
    ])
    def test_flags_and_repairs(self, text, garbled, repaired):
        findings = run_rule(Mojibake, text)
        assert text[findings[0].start:findings[0].end] == garbled
        assert findings[0].suggestions == [repaired]
        assert findings[0].severity == "error"

    @pytest.mark.parametrize("text", [
        "São Paulo and Brasília signed the deal.",
        "The Ângela Merkel foundation paid à la carte.",
        "Zürich, Kraków and Malmö are cities; the café is open.",
    ])
    def test_accented_text_is_clean(self, text):
        assert flagged(Mojibake, text) == []


class TestHtmlEntity:
    def test_flags_references_in_plain_text(self):
        text = "The communiqu&#233; was signed by Marks &amp; Spencer&nbsp;yesterday."
        findings = run_rule(HtmlEntity, text)
        assert [text[f.start:f.end] for f in findings] == ["&#233;", "&amp;", "&nbsp;"]
        assert [f.suggestions for f in findings] == [["é"], ["&"], [" "]]

    @pytest.mark.parametrize("text", [
        "Rock & roll is here; AT&T; and R&D&Co are names.",
        "The score was 3 & 4; &foo; is not a reference.",
    ])
    def test_ampersands_are_clean(self, text):
        assert flagged(HtmlEntity, text) == []

    def test_markdown_references_are_markup(self):
        assert flagged(HtmlEntity, "Marks &amp; Spencer said caf&#233;.", markdown=True) == []
