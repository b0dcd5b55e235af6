import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.scrape_residue import HtmlEntity, MetadataRunIn, Mojibake, PageFurniture, TruncatedHeadlineCopy
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


def test_seeds():
    assert flagged(PageFurniture, seed("001")) == ["No comments:\nPost a Comment"]
    assert flagged(TruncatedHeadlineCopy, seed("003")) == ["Chinas top diplomat vows to strengthen ties with Russia ahead"]
    assert flagged(MetadataRunIn, seed("004")) == [" date 2022-03-30"]
    for rule in (MetadataRunIn, TruncatedHeadlineCopy):
        assert run_rule(rule, seed("001")) == []


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


# -- GL601 as a line classifier: pages with furniture around an article ----------------

HEADLINE = "Ferry timetable changes approved"
ARTICLE = [
    "The harbour authority approved the new ferry timetable on Tuesday after months of debate.",
    "Passengers will see more sailings in summer, and the fares will stay the same until next year.",
    "Local traders said the change would bring more visitors to the old town and its markets.",
]
# Section names the furniture vocabulary does not hold: found by their shape.
MENU = ["Gardening", "Astronomy Corner", "Recipes", "Local Heroes", "Weather Desk", "Crosswords"]
TEASERS = [
    "Why the old lighthouse keepers never left the island",
    "A baker in Leith who rises at three every morning",
    "The quiet return of the red squirrel to Fife forests",
    "Seven walks along the coast for a rainy weekend",
]


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def furniture(text: str, **kwargs) -> list[str]:
    return flagged(PageFurniture, text, **kwargs)


class TestFurnitureClassifier:
    def test_a_menu_of_unseen_words_is_one_finding_by_shape(self):
        text = page(*MENU, HEADLINE, "By Morag Fielding · 5 min read", *ARTICLE)
        findings = run_rule(PageFurniture, text)
        spans = [text[f.start:f.end] for f in findings]
        assert spans[0] == "\n".join(MENU)
        assert findings[0].data["decided_by"].startswith("shape:")
        assert findings[0].data["lines"] == len(MENU)
        assert findings[0].severity == "warning"
        assert HEADLINE not in "".join(spans)

    def test_a_byline_with_a_reading_time(self):
        for byline in ("By Morag Fielding · 5 min read", "Von Anna Becker | 4 Min. Lesezeit"):
            assert furniture(page(HEADLINE, byline, *ARTICLE)) == [byline]

    def test_a_teaser_list_under_a_furniture_heading(self):
        text = page(HEADLINE, *ARTICLE, "Most read", *TEASERS)
        (finding,) = run_rule(PageFurniture, text)
        assert text[finding.start:finding.end] == "\n".join(["Most read", *TEASERS])
        assert finding.data["lines"] == 1 + len(TEASERS)

    @pytest.mark.parametrize("line", [
        "Harbour Gazette Media Group ©2024",
        "Published by the Harbour Gazette (c) 2021",
    ])
    def test_a_copyright_line_where_the_sign_is_not_first(self, line):
        assert furniture(page(HEADLINE, *ARTICLE, line)) == [line]

    def test_a_cookie_notice_mid_line(self):
        line = "Privacy notice: our partners and we store cookies on this device Accept all Reject"
        (finding,) = run_rule(PageFurniture, page(HEADLINE, *ARTICLE, line))
        assert finding.data["decided_by"] == "vocabulary: cookie: consent prompt"

    def test_share_buttons_glued_together(self):
        text = page(HEADLINE, *ARTICLE, "FacebookTwitterLinkedInEmail")
        (finding,) = run_rule(PageFurniture, text)
        assert text[finding.start:finding.end] == "FacebookTwitterLinkedInEmail"
        assert finding.data["decided_by"].startswith("vocabulary: share:")

    @pytest.mark.parametrize("lines", [
        ["Teilen", "Kommentare (3)"],             # German
        ["Partager sur Facebook", "Lire aussi"],  # French
        ["Compartir en WhatsApp"],                # Spanish
        ["Leggi anche"],                          # Italian
        ["Leia mais"],                            # Portuguese
    ])
    def test_furniture_in_other_languages_on_an_english_page(self, lines):
        assert furniture(page(HEADLINE, *ARTICLE, *lines)) == ["\n".join(lines)]

    def test_furniture_between_paragraphs(self):
        text = page(HEADLINE, ARTICLE[0], ARTICLE[1], "Teilen", "Kommentare", ARTICLE[2])
        assert furniture(text) == ["Teilen\nKommentare"]

    def test_a_news_story_is_clean(self):
        assert furniture(page(HEADLINE, "", *("\n".join([p, ""]) for p in ARTICLE))) == []

    def test_prose_with_furniture_words_is_never_flagged(self):
        text = page(
            HEADLINE,
            "We share the view that cookies from the bakery on Main Street are the best in town.",
            "She said the comments section of the newsletter was her favourite part to read each week.",
            "Subscribers can print the timetable and share it with friends, the authority said.",
            "Readers left comments.",
        )
        assert furniture(text) == []

    def test_the_articles_own_lists_are_clean(self):
        # Fixtures and results inside or after the article: short title-case lines, no furniture words.
        fixtures = ["Leith v Granton", "Kirkcaldy v Burntisland", "Anstruther v Crail", "Pittenweem v Elie"]
        assert furniture(page(HEADLINE, ARTICLE[0], *fixtures, ARTICLE[1], ARTICLE[2])) == []
        assert furniture(page(HEADLINE, *ARTICLE, "The draw for the next round:", *fixtures)) == []

    def test_short_sentences_and_quotations_are_clean(self):
        text = page(HEADLINE, "The ferry left.", "It was late.", ARTICLE[0], "“About 35”.", ARTICLE[1])
        assert furniture(text) == []

    def test_markdown_headings_lists_and_prose_are_clean(self):
        text = (
            "# Harbour tools\n\n## Contents\n\n- Installation\n- Usage\n- Contact\n- Licence\n\n"
            "## Installation\n\nRun the installer and follow the prompts on screen until it finishes.\n\n"
            "## Contact\n\nWrite to the maintainers if something breaks.\n\n"
            "- Ferry timetables\n- Tide tables\n- Harbour charts\n"
        )
        assert furniture(text, markdown=True) == []

    def test_lines_of_a_hard_wrapped_paragraph_are_clean(self):
        wrapped = (
            "The committee met in the spring and read the comments\n"
            "on the proposal, and then it voted to share the costs\n"
            "with the other towns along the coast of the firth in\n"
            "the following year, as the report had advised them.\n"
        )
        assert furniture(wrapped) == []
        assert furniture("# Notes\n\n" + wrapped.replace("comments\n", "[comments](http://x.org/a)\n"), markdown=True) == []

    def test_a_licence_line_in_markdown_is_clean(self):
        text = "## Licence\n\nCopyright (c) 2012-2019 Ailsa Drummond.\n\nPermission is granted to copy the files.\n"
        assert furniture(text, markdown=True) == []

    def test_markdown_furniture_is_found_by_its_words(self):
        text = "# Ferry news\n\n" + ARTICLE[0] + "\n\nShare on Facebook | Share on X\n\n" + ARTICLE[1] + "\n"
        assert furniture(text, markdown=True) == ["Share on Facebook | Share on X"]


def test_findings_say_what_decided_in_json_only(tmp_path):
    import json

    from tests.conftest import run_cli

    path = tmp_path / "page.txt"
    path.write_text(page(HEADLINE, *ARTICLE, "FacebookTwitterLinkedInEmail"))
    result = run_cli("check", "--select", "GL601", "--no-cache", "--format", "json", str(path))
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["data"]["decided_by"].startswith("vocabulary: share:")
    text = run_cli("check", "--select", "GL601", "--no-cache", str(path)).stdout
    assert "GL601" in text and "decided_by" not in text


# -- GL606 template-line -------------------------------------------------------------

TEMPLATE = "Get the harbour briefing in your inbox every weekday"


def _corpus(folder, count=6):
    folder.mkdir()
    for i in range(count):
        story = f"Story {i} opens with its own first line about the harbour.\n{TEMPLATE}\nStory {i} ends here.\n"
        (folder / f"story{i}.txt").write_text(story)
    return folder


def test_template_line_over_a_folder(tmp_path):
    import json

    from tests.conftest import run_cli

    folder = _corpus(tmp_path / "pages")
    result = run_cli("check", "--select", "GL606", "--no-cache", "--format", "json", str(folder))
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == 6
    assert {f["message"] for f in findings} == {"template line: appears in 6 of 6 documents"}
    assert all(f["line"] == 2 for f in findings)
    # Two processes: the workers receive the counts of the corpus pass.
    parallel = run_cli("check", "--select", "GL606", "--no-cache", "--format", "json", "-j", "2", str(folder))
    assert len(json.loads(parallel.stdout)["findings"]) == 6
    # A single file is compared with nothing.
    single = run_cli("check", "--select", "GL606", "--no-cache", "--format", "json", str(folder / "story0.txt"))
    assert json.loads(single.stdout)["findings"] == []


def test_template_line_skips_markdown_table_rows(tmp_path):
    """A table header every plugin's README repeats is structure, not a site's template."""
    import json

    from tests.conftest import run_cli

    folder = tmp_path / "plugins"
    folder.mkdir()
    for i in range(6):
        (folder / f"plugin{i}.md").write_text(
            f"# Plugin {i}\n\nPlugin {i} adds shortcuts for its own tool.\n\n"
            "| Shortcut | Expands to | Meaning |\n| --- | --- | --- |\n"
            f"| p{i} | tool{i} run | runs tool {i} |\n\n{TEMPLATE}\n")
    result = run_cli("check", "--select", "GL606", "--no-cache", "--format", "json", str(folder))
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == 6 and all(f["line"] == 9 for f in findings), findings


def test_template_line_thresholds(tmp_path):
    from tests.conftest import run_cli

    folder = _corpus(tmp_path / "pages", count=4)  # under the default of 5 documents
    (folder / ".garblint.yaml").write_text("{}\n")
    result = run_cli("check", "--select", "GL606", "--no-cache", str(folder))
    assert "GL606" not in result.stdout
    (folder / ".garblint.yaml").write_text("rules:\n  template-line:\n    min_documents: 3\n")
    result = run_cli("check", "--select", "GL606", "--no-cache", "--config", str(folder / ".garblint.yaml"), str(folder))
    assert result.stdout.count("appears in 4 of 4 documents") == 4


def test_template_line_in_a_scan(tmp_path):
    import json

    from garblint.linter.commands.scan import ScanSettings, read_results, scan

    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w") as handle:
        for i in range(8):
            body = f"Record {i} has a first line of its own.\n{TEMPLATE}\nRecord {i} ends."
            handle.write(json.dumps({"id": str(i), "text": body}) + "\n")
    scan(str(corpus), str(tmp_path / "out"), ScanSettings(), partition_size=3)
    records = read_results(str(tmp_path / "out"))
    assert len(records) == 8
    for record in records:
        codes = [f["code"] for f in record["findings"]]
        assert codes.count("GL606") == 1
        (finding,) = [f for f in record["findings"] if f["code"] == "GL606"]
        assert finding["message"] == "template line: appears in 8 of 8 documents"


def test_the_document_counter_stays_bounded():
    from garblint.linter.engine.corpus import DocumentCounter

    counter = DocumentCounter(max_keys=100)
    for i in range(1000):
        counter.add([10**9, i])  # one key in every document, one new key each time
    assert len(counter.counts) <= 100
    assert counter.documents == 1000
    assert counter.counts[10**9] >= 990  # the recurring key survives, nearly exactly counted
