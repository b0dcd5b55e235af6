import pytest

from garblint.linter.testing import flagged, run_rule
from garblint.rules.fused_words import FusedCamelCase, FusedLowercase, MissingSpaceAfterMark
from tests.rules.seeds import seed


class TestCamelCase:
    @pytest.mark.parametrize("text, token, split", [
        ("Sources cited by the countryEuropean leaders agree.", "countryEuropean", "country European"),
        ("The match ended late in the eveningManchester fans left.", "eveningManchester", "evening Manchester"),
        ("Shares fell after the reportInvestors sold quickly.", "reportInvestors", "report Investors"),
    ])
    def test_flags_and_suggests_the_split(self, text, token, split):
        (finding,) = run_rule(FusedCamelCase, text)
        assert text[finding.start:finding.end] == token
        assert finding.suggestions == [split]
        assert finding.severity == "error"

    @pytest.mark.parametrize("text", [
        "She bought an iPhone on eBay and watched YouTube on her MacBook.",
        "The JavaScript and PowerPoint files were shared on LinkedIn by McDonald.",
        "Follow @newsDesk and the #climateAction tag, or call getValue in code.",
        "The mRNA vaccine costs less per kWh than expected, with a pH of 7.",
    ])
    def test_brands_handles_and_units_are_clean(self, text):
        assert flagged(FusedCamelCase, text) == []

    def test_known_names_are_configurable(self):
        text = "The new taxiApp service launched today."
        assert flagged(FusedCamelCase, text) == ["taxiApp"]
        assert flagged(FusedCamelCase, text, options={"known": ["taxiApp"]}) == []


def test_camel_case_with_accented_letters_and_rare_names():
    assert flagged(FusedCamelCase, "The court named the businessmanJosé Luis Moreno.") == ["businessmanJosé"]
    assert flagged(FusedCamelCase, "She walked the red carpetTilda Rossi smiled.") == ["carpetTilda"]
    assert flagged(FusedCamelCase, "Fans of macOS, jQuery, iPad and eBay met the getValue crowd.") == []


class TestLowercase:
    @pytest.mark.parametrize("text, token, split", [
        ("They want a new world orderaccording to the minister.", "orderaccording", "order according"),
        ("The governmentsaid it would act.", "governmentsaid", "government said"),
        ("Most ofthe players stayed.", "ofthe", "of the"),
        ("Fans across thecountry celebrated.", "thecountry", "the country"),
        ("Weak domesticdemand weighed on growth.", "domesticdemand", "domestic demand"),
        ("The bank watched inflationexpectations closely.", "inflationexpectations", "inflation expectations"),
    ])
    def test_flags_and_suggests_the_split(self, text, token, split):
        (finding,) = run_rule(FusedLowercase, text)
        assert text[finding.start:finding.end] == token
        assert finding.suggestions == [split]

    @pytest.mark.parametrize("text", [
        "The therapist said the weekend was nowhere near long enough.",
        "He played rightfield and bought six sidechairs and a washer.",
        "Patrushev and Denisov met in Huangshan and Vladivostok.",
        "Visit www.examplenews.com or email press@citycouncil.org today.",
        "We cannot atone for it; nevertheless the database survived.",
        "They were masters of phrasemaking who could counterchallenge any claim.",
        "His weatherbeaten face and the steprelationship in the novel.",
    ])
    def test_real_words_names_compounds_and_urls_are_clean(self, text):
        assert flagged(FusedLowercase, text) == []


def test_seed_fusions_are_found_and_the_original_is_clean():
    assert flagged(FusedCamelCase, seed("004")) == ["countryEuropean"]
    assert flagged(FusedLowercase, seed("004")) == ["orderaccording"]
    for rule in (FusedCamelCase, FusedLowercase):
        for name in ("000", "001", "002", "003"):
            assert run_rule(rule, seed(name)) == [], (rule.code, name)


class TestMissingSpace:
    @pytest.mark.parametrize("text, expected, fix", [
        ("Aid reached the victims of the tsunami.Steve Smith will report.", "tsunami.Steve", "tsunami. Steve"),
        ("The talks,which lasted hours, ended.", "talks,which", "talks, which"),
        ("The deal was signed in 2022The talks resumed later.", "2022The", "2022 The"),
        ("The U.S.officials met on Monday.", "U.S.officials", "U.S. officials"),
        ("He asked why?The answer came later.", "why?The", "why? The"),
        ("The talks ended on Monday.The ministry said more.", "Monday.The", "Monday. The"),
    ])
    def test_flags_and_suggests_the_space(self, text, expected, fix):
        (finding,) = run_rule(MissingSpaceAfterMark, text)
        assert text[finding.start:finding.end] == expected
        assert finding.suggestions == [fix]

    @pytest.mark.parametrize("text", [
        "Visit amazon.com for details, or read the Node.js docs.",
        "It costs 1,000 dollars and 2,500 euros at 9 a.m. in the U.S. today.",
        "Speeds of up to 14Mbps were sold by 3Com in the 1990s.",
        "Email press@example.org or see www.example.com/News for more.",
        "The ratio was 3:1 and the meeting began at 10:30.",
        "Rivals such as TalkTalk and One.Tel cut prices.",
    ])
    def test_domains_numbers_and_abbreviations_are_clean(self, text):
        assert flagged(MissingSpaceAfterMark, text) == []


class TestTwoCapitalisedParts:
    """Two capitalised words run together, shown apart by the document or the gazetteer."""

    @pytest.mark.parametrize("text, token, split", [
        ("The ceremony was opened by GovernorWhitcombe and his staff.", "GovernorWhitcombe", "Governor Whitcombe"),
        ("The essay on MargaretHollis appeared in the spring.", "MargaretHollis", "Margaret Hollis"),
        ("Heavy rain fell across NewJersey overnight.", "NewJersey", "New Jersey"),
        ("A photo by ReutersLagos showed the crowd.", "ReutersLagos", "Reuters Lagos"),
        ("Delegates from Ohio, Iowa, OrNebraska voted.", "OrNebraska", "Or Nebraska"),
        ("Later Okonkwo spoke; the reporter had quoted DanielOkonkwo at length.", "DanielOkonkwo", "Daniel Okonkwo"),
        ("The Harbour Board met, and the HarbourBoard chairman resigned.", "HarbourBoard", "Harbour Board"),
    ])
    def test_flags_and_suggests_the_split(self, text, token, split):
        (finding,) = run_rule(FusedCamelCase, text)
        assert text[finding.start:finding.end] == token
        assert finding.suggestions == [split]

    @pytest.mark.parametrize("text", [
        "The BrightWave app and the StoneGate fund launched on the same day.",
        "Fans of McAllister and LaGuardia airport met at a DeVito screening.",
        "She writes for the FarmTools newsletter about RiverBend farms.",
        "Sony sold more PlayStation consoles than WorldCom sold contracts.",
        "The Stone report praised the StoneGate fund.",
        "class TreeNode: pass\n\n    def HashBucket(self): return TreeNode()\n",
    ])
    def test_brands_prefixed_names_and_code_are_clean(self, text):
        assert flagged(FusedCamelCase, text) == []


def test_lower_case_word_glued_to_a_name():
    assert flagged(FusedCamelCase, "The award went byOkonkwo to the school.") == ["byOkonkwo"]
    assert flagged(FusedCamelCase, "Call toString or onClick in the handler.") == []


class TestLowercaseReadByTags:
    @pytest.mark.parametrize("text, token", [
        ("The guests relaxed in a privatearea of the hotel.", "privatearea"),
        ("Trucks arrived heavilyloaded with grain.", "heavilyloaded"),
        ("Nobody knew why shehad left so early.", "shehad"),
        ("The parcel landedat the wrong door.", "landedat"),
    ])
    def test_flags(self, text, token):
        assert flagged(FusedLowercase, text) == [token]

    @pytest.mark.parametrize("text", [
        "The sailor bought a coffeemug and a tomblike trunk.",
        "The inboards and upshots were discussed.",
        "Riders were strainin' at the reins.",
        "The sensitive interpretor of the poems spoke.",
    ])
    def test_compounds_prefixes_and_misspellings_are_clean(self, text):
        assert flagged(FusedLowercase, text) == []


def test_missing_space_in_any_script_and_after_mixed_case_words():
    assert flagged(MissingSpaceAfterMark, "Flights link São Paulo,Brasília and Recife daily.") == ["Paulo,Brasília"]
    assert flagged(MissingSpaceAfterMark, "Sales of the gadget grew with the eBook.The firm said so.") == ["eBook.The"]
    assert flagged(MissingSpaceAfterMark, "Mr.Ellison paid 1,500 dollars, or 3.5 per cent, via Shop.Com online.") == []
    assert flagged(MissingSpaceAfterMark, "Codes such as ALPHA,BETA are listed.") == []


def test_missing_space_before_a_title():
    assert flagged(MissingSpaceAfterMark, "The talks will go on, the envoy added.Dr Okafor agreed.") == ["added.Dr"]
