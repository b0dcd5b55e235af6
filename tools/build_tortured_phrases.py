#!/usr/bin/env python3
"""Build rules/data/tortured_phrases.json from the Problematic Paper Screener list.

Source: tortured-phrases.json (7,942 pairs {tortured, correct}) from the
Problematic Paper Screener by Cabanac, Labbé & Magazinov, CC BY 4.0, as
collected in the giladfeldman/torturedcheck repository (MIT).

Normalisation: lower case, curly apostrophes straightened, hyphens read as
spaces, a parenthesised abbreviation dropped ("synthetic intelligence (ai)" ->
"synthetic intelligence"; when only the parenthesis holds the phrase, as in
"nlp (typical lingo taking care of)", the parenthesis is kept instead). The
correction is tidied into suggestions: notes in brackets or after the term
removed, "???" read as unknown (the phrase is still reported, without a
suggestion).

The list mixes real fingerprints of paraphrasing tools with ordinary English
that leaked in from search queries. An entry is dropped, in this order, when
its tortured side
1. has fewer than two words (a number is not a word: "128 pieces" for
   "128 bits" is dropped);
2. is its own correction, or uses only the correction's words
   ("supervised learning" for "supervised machine learning");
3. is the correction of another entry (an established term: "cloud computing"),
   unless its own correction is a note on a word-by-word substitution
   ("area unit" for "are", itself the "correction" of "vicinity unit");
4. is a common English word pair: a two-word phrase listed in symspellpy's
   bigram counts or wordsegment's (each about the 250,000 most frequent word
   pairs of English books and web text);
5. occurs in clean edited text: the Brown corpus (benchmarks/brown.py), the
   glosses of WordNet (Debian package wordnet-base, if installed) and the
   documentation of the Python standard library and installed packages
   (docstrings, comments, .rst/.md/.txt prose), and the manual pages and
   changelogs installed under /usr/share (about 17 million words of
   documentation in all, varying with the machine; the dropped file records
   the evidence); the rule's own matcher is run over them, so plural variants
   count too;
6. is an ordinary English phrase in its own right, by review of the entries
   most at risk (phrases made only of very frequent words, and phrases whose
   every word pair is common): ORDINARY below, each with the context it has in
   clean prose.
Duplicates are merged (their suggestions combined). The counts go to the
``dropped`` field of the JSON file; each dropped phrase and its reason to
rules/data/tortured_phrases_dropped.tsv.

    python tools/build_tortured_phrases.py [path/to/tortured-phrases.json]

Build-only dependencies: symspellpy and wordsegment (their bundled bigram
lists), the Brown corpus, optionally WordNet.
"""
from __future__ import annotations

import io
import json
import re
import sys
import sysconfig
import tokenize
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from garblint.linter.engine.segment import TOKEN_RE  # noqa: E402
from garblint.rules.tortured_phrases import scan, split_units  # noqa: E402

OUT = ROOT / "rules" / "data" / "tortured_phrases.json"
DROPPED = ROOT / "rules" / "data" / "tortured_phrases_dropped.tsv"
WORDNET = Path("/usr/share/wordnet")

# Reviewed by hand: tortured sides that are ordinary English phrases, with the
# context in which they occur in clean prose.
ORDINARY = {
    "be that as it": "be that as it may",
    "on the off chance": "idiom: on the off chance that",
    "place of interest": "travel writing",
    "man in the center": "the man in the center of the photo",
    "higher income levels": "economics",
    "domestic output": "economics: gross domestic output",
    "keen gadget": "keen gadget users",
    "planning and testing": "project work",
    "trust the board": "shareholders trust the board",
    "just go for it": "idiom",
    "get to data": "how users get to data",
    "into the combination": "put into the combination",
    "data and innovation": "ministry of data and innovation",
    "best of service": "the best of service",
    "first class of service": "first class of service members",
    "quality of interest": "the quality of interest rate forecasts",
    "loss of equality": "politics",
    "verification of work": "verification of work permits",
    "evidence of labor": "evidence of labor abuses",
    "gathering of patients": "a gathering of patients",
    "checking the votes": "elections",
    "throwing a vote": "politics",
    "generate more items": "software",
    "pay and exchange": "pay and exchange rates",
    "made sense of change": "ordinary clause",
    "made sense of difference": "ordinary clause",
    "commented on information": "he commented on information that...",
    "commented on pictures": "she commented on pictures posted online",
    "collection to collection": "varies from collection to collection",
    "accuracy and review": "accuracy and review of records",
    "identification and arrangement": "identification and arrangement of specimens",
    "intensity and vulnerability": "hazard assessment",
    "degree of displacement": "engineering, politics",
    "created and creating": "ordinary coordination",
    "accuracy of an order": "retail",
    "major factor analysis": "a major factor analysis of...",
    "total national production": "economics",
    "school education data": "education policy",
    "over the top energy": "over-the-top energy of a performance",
    "take a look at set": "take a look at set pieces",
    "transactions are unknown": "ordinary clause",
    "races are responsible": "ordinary clause",
    "sound just": "they sound just like",
    "dark out": "it is dark out there",
    "making countries": "making countries safer",
    "seen value": "have seen value in",
    "community security": "community security officers",
    "green money": "finance",
    "education data": "education policy",
    "education information": "education policy",
    "board information": "company reporting",
    "information growth": "information growth rates",
    "data board": "a data board",
    "question set": "a question set of an exam",
    "chief parts": "the chief parts of the machine",
    "professional system": "a professional system of training",
    "include choice": "plans include choice of...",
    "stage pay": "theatre",
    "quality drive": "a quality drive in golf or a company",
    "education set": "an education set up by...",
    "data technology": "an established term",
    "activity unit": "hospitals, schools",
    "approval information": "business forms",
    "battery control system": "engineering",
    "border situation": "news: the border situation",
    "brain organization": "neuroscience",
    "brilliant city": "a brilliant city",
    "brilliant home": "sport: a brilliant home win",
    "brilliant card": "a brilliant card trick",
    "brilliant ball": "sport: a brilliant ball over the top",
    "brilliant groups": "evaluative adjective",
    "brilliant machine": "evaluative adjective",
    "brilliant vehicle": "car reviews",
    "brilliant contract": "sport: a brilliant contract",
    "brilliant agreement": "evaluative adjective",
    "brilliant right hand": "boxing",
    "bunch size": "agriculture",
    "call tree": "telephony, profiling",
    "channel banks": "telecommunications",
    "combined learning": "education",
    "created nations": "history: newly created nations",
    "digital danger": "news",
    "digital forms of money": "plain paraphrase",
    "digital reality": "technology writing",
    "direct mix": "audio",
    "directed learning": "education: self-directed learning",
    "driving reason": "the driving reason behind",
    "education facts": "education policy",
    "european association": "European Association of ...",
    "european national bank": "banking",
    "exchange learning": "student exchange",
    "exchange training": "student exchange",
    "exchange work": "ordinary",
    "external change": "ordinary",
    "fake intelligence": "news: fake intelligence reports",
    "fake knowledge": "ordinary",
    "fake experiences": "culture",
    "fifth era": "history",
    "fourth era": "history",
    "fifth age": "history",
    "fourth age": "old age, fiction",
    "financial board": "the financial board of a club",
    "first rate tree": "gardening: a first-rate tree",
    "fit file": "a file format",
    "fit record": "a fit record",
    "force quality": "military",
    "fourth request": "ordinary",
    "third request": "ordinary",
    "1st request": "ordinary",
    "2nd request": "ordinary",
    "3rd request": "ordinary",
    "4th request": "ordinary",
    "group head": "the group head of finance",
    "guard dog equipment": "ordinary",
    "guy in the middle": "ordinary",
    "heat movement": "physics",
    "higher pay levels": "economics",
    "low pay levels": "economics",
    "low pay nations": "economics",
    "image features": "computing",
    "immediate current": "the immediate current situation",
    "include guide": "packages include guide books",
    "industrial management structure": "business",
    "information distribution center": "ordinary",
    "information expansion": "ordinary",
    "information mining": "an older term",
    "internet learning": "education",
    "investigation of change": "research",
    "investigation of difference": "research",
    "kind cancer": "a kind cancer nurse",
    "liberal discussion": "politics",
    "managed learning": "education: managed learning environment",
    "self managed learning": "education",
    "marked information": "security markings",
    "medical aid management": "South African health insurance",
    "modern creation": "a modern creation",
    "money related decision": "money-related decisions",
    "money related security": "money-related security",
    "money related strategy": "money-related strategy",
    "money saving advantage": "money-saving advantage",
    "named data sets": "computing",
    "nature of administration": "the nature of administration",
    "net of factors": "finance: net of factors such as",
    "network safety": "ordinary",
    "new crown": "royalty, dentistry, sport titles",
    "offering stage": "finance: at the offering stage",
    "pc helped": "the new PC helped",
    "pc organization": "ordinary",
    "plan of the trial": "law",
    "prepared information": "prepared information packs",
    "present day nation": "the present-day nation of",
    "prevent words": "to prevent words from",
    "project memory": "project management",
    "safe reaction": "chemistry, ordinary",
    "smart agreement": "ordinary",
    "smart groups": "ordinary",
    "solid control": "sport: solid control of the ball",
    "solo learning": "music",
    "sound individuals": "morally sound individuals",
    "standard mistake": "a standard mistake",
    "supply chain control": "business",
    "supply route": "military news",
    "surface region": "anatomy, geography",
    "system learning": "ordinary",
    "talk update": "news",
    "tool learning": "animal behaviour",
    "top learning": "top learning resources",
    "traffic design": "urban planning",
    "warm exchange": "a warm exchange between leaders",
    "warm image": "a warm image",
    "warm picture": "a warm picture",
    "whole c": "the whole C section",
    "wild issue": "a wild issue",
    "window capacity": "buildings",
    "worldwide include": "its markets worldwide include",
    "worldwide meeting on": "a worldwide meeting on climate",
    "absolutely linked": "they are absolutely linked",
    "completely linked": "ordinary",
    "3rd birthday party": "a child's 3rd birthday party",
    "false error rate": "statistics",
    "bitcoin cryptocurrency exchange": "news",
    "bitcoin cryptocurrency trade": "news",
    "client delight": "business writing",
    "clothes airers": "British household goods",
    "counterfeit treatment": "news: counterfeit treatments",
    "crowd crushes": "news",
    "creepy event": "ordinary",
    "thyroid sickness": "health",
    "red breasted bird": "birdwatching",
    "raw walnut shell": "food",
    "manually deciding": "ordinary",
    "manually deciding on functions": "ordinary",
    "frequency distribution of histogram": "statistics",
    "environmentally conscious method": "ordinary",
    "emotional translations": "literature",
    "large diameter shield machine": "tunnelling",
    "elective segment": "education",
    "transformative change assessment": "policy writing",
    "transformative climate adaptation": "policy writing",
    "unilateral dental expander appliance": "dentistry",
    "tricky contacts": "sport",
    "drawn out impacts": "ordinary",
}

# Frequent wordings of the same phrase reviewed together: entries whose every
# word is this frequent (wordfreq Zipf) are listed by --review for a look.
REVIEW_ZIPF = 4.5


def units_of(text: str) -> list[str]:
    units: list[tuple[str, int, int, int]] = []
    for match in TOKEN_RE.finditer(text):
        split_units(match.group(), match.start(), 0, units)
    return [u[0] for u in units if u[0]]


_PAREN_RE = re.compile(r"\s*\(([^()]*)\)")
_BRACKET_RE = re.compile(r"\[([^\[\]]*)\]")


def tortured_variants(raw: str) -> list[list[str]]:
    """The unit sequences one source entry stands for."""
    text = raw.lower().replace("’", "'").replace("‘", "'")
    inner = [m.group(1) for m in _PAREN_RE.finditer(text)]
    main = units_of(_PAREN_RE.sub(" ", text))
    main = [u for u in main if u not in "()"]
    if len([u for u in main if u[:1].isalnum()]) <= 1 and inner:
        candidates = [units_of(i) for i in inner]
        return [c for c in candidates if c]
    while main and not main[-1][:1].isalnum():
        main.pop()
    while main and not main[0][:1].isalnum():
        main.pop(0)
    return [main] if main else []


def suggestions_of(correct: str) -> list[str]:
    """The established term(s) a correction names, tidied; [] when unknown."""
    text = correct.strip().replace('\\"', "").replace('"', "")
    if "http" in text or "the word" in text:
        quoted = re.findall(r"[‘'](\w+)[’']", text)
        return quoted[:1] if "the word " in text else quoted[:2]
    if not re.search(r"[a-zA-Z0-9]", text.replace("?", "")) or text.startswith("(?)") or text.startswith("???"):
        return []
    text = _BRACKET_RE.sub(r"\1", text)
    # A parenthesis at the end is a note or an abbreviation; one inside the term is part of it.
    while True:
        stripped = re.sub(r"\s*\([^()]*\)\s*$", "", text)
        if stripped == text:
            break
        text = stripped
    text = re.sub(r"\(([^()]*)\)", r"\1", text)
    text = re.sub(r"\s*\?+$", "", text).strip(" ,;")
    text = " ".join(text.split())
    if not text:
        return []
    if re.search(r"\s/|/\s", text):
        return [" ".join(p.split()) for p in re.split(r"\s*/\s*", text) if p.strip()][:3]
    return [text]


def clean_texts(include_docs: bool = True):
    """Yield (corpus name, text) for the clean corpora."""
    import brown

    for path in sorted(brown.ensure_corpus().glob("*.txt")):
        yield "the Brown corpus", path.read_text(encoding="utf-8")
    if (WORDNET / "data.noun").exists():
        for pos in ("noun", "verb", "adj", "adv"):
            with open(WORDNET / f"data.{pos}", encoding="utf-8", errors="replace") as handle:
                glosses = [line.split("|", 1)[1] for line in handle if "|" in line and not line.startswith(" ")]
            yield "WordNet glosses", "\n".join(glosses)
    if include_docs:
        yield from python_documentation()
        yield from system_documentation()


def system_documentation():
    """Changelogs, READMEs and manual pages installed on the machine (plain or gzipped)."""
    import gzip

    paths = sorted(Path("/usr/share/doc").rglob("*")) + sorted(Path("/usr/share/man").glob("man[1-8]/*"))
    for path in paths:
        if not path.is_file() or path.is_symlink():
            continue
        try:
            raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
            yield "installed manuals and changelogs", raw.decode("utf-8")
        except (OSError, UnicodeDecodeError, EOFError):
            continue


def python_documentation():
    """Prose from the documentation of the standard library and installed packages."""
    seen = set()
    for root in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"]}:
        for path in sorted(Path(root).rglob("*")):
            if path.suffix not in (".py", ".rst", ".md", ".txt") or not path.is_file():
                continue
            if path in seen or "garblint" in str(path) or str(path).startswith(str(ROOT)):
                continue
            seen.add(path)
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            if len(text) > 2_000_000:
                continue
            if path.suffix == ".py":
                parts = []
                try:
                    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
                        if (tok.type == tokenize.STRING and len(tok.string) > 40) or tok.type == tokenize.COMMENT:
                            parts.append(tok.string)
                except (tokenize.TokenError, SyntaxError, IndentationError):
                    continue
                text = "\n".join(parts)
            else:
                # Word and n-gram lists are data, not prose.
                lines = [line for line in text.splitlines() if line.strip()]
                if not lines or sum(len(line.split()) for line in lines) / len(lines) < 5:
                    continue
                if sum(bool(re.search(r"\d\s*$", line)) for line in lines) > len(lines) / 3:
                    continue
            yield "Python documentation", text


def common_pairs() -> set[str]:
    """The most frequent English word pairs from symspellpy's and wordsegment's bundled lists."""
    import importlib.util

    pairs: set[str] = set()
    spec = importlib.util.find_spec("symspellpy")
    if spec and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "frequency_bigramdictionary_en_243_342.txt"
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 3:
                    pairs.add(f"{parts[0]} {parts[1]}".lower())
    spec = importlib.util.find_spec("wordsegment")
    if spec and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "bigrams.txt"
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                pairs.add(line.rsplit("\t", 1)[0].lower())
    if not pairs:
        raise SystemExit("symspellpy or wordsegment is needed for the word-pair check (pip install symspellpy wordsegment)")
    return pairs


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    include_docs = "--no-docs" not in argv
    review = "--review" in argv
    source = Path(args[0]) if args else ROOT.parent / "shared" / "data" / "tortured-phrases.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    entries = data["phrases"] if isinstance(data, dict) else data

    established = set()
    for entry in entries:
        for suggestion in suggestions_of(entry["correct"]):
            established.add(" ".join(units_of(suggestion.lower())))

    pairs = common_pairs()
    dropped: dict[str, str] = {}
    candidates: dict[str, list[str]] = {}
    reasons: Counter = Counter()

    def drop(key: str, reason: str) -> None:
        reasons[reason] += 1
        dropped.setdefault(key, reason)

    for entry in entries:
        suggestions = suggestions_of(entry["correct"])
        variants = tortured_variants(entry["tortured"])
        if not variants:
            drop(entry["tortured"].lower(), "fewer than two words")
            continue
        for units in variants:
            key = " ".join(units)
            words = [u for u in units if re.search(r"[a-z]", u)]
            note = "http" in entry["correct"] or "the word" in entry["correct"]
            correct_units = {u for s in suggestions for u in units_of(s.lower())}
            correct_units |= set(units_of(entry["correct"].lower()))
            if len(words) < 2:
                drop(key, "fewer than two words")
            elif any(key == " ".join(units_of(s.lower())) for s in suggestions):
                drop(key, "same as its correction")
            elif set(words) <= correct_units:
                drop(key, "its words all belong to the correction")
            elif key in established and not note:
                drop(key, "an established term (the correction of another entry)")
            elif len(units) == 2 and key in pairs:
                drop(key, "a common English word pair")
            elif key in ORDINARY:
                drop(key, "an ordinary English phrase (reviewed by hand)")
            elif key in candidates:
                reasons["duplicate (suggestions merged)"] += 1
                for s in suggestions:
                    if s not in candidates[key]:
                        candidates[key].append(s)
            else:
                candidates[key] = list(suggestions)

    # Clean corpora: run the rule's own matcher over them.
    index: dict = {}
    for key, suggestions in candidates.items():
        units = tuple(key.split(" "))
        index.setdefault(units[:2], []).append((units, tuple(suggestions)))
    for value in index.values():
        value.sort(key=lambda e: -len(e[0]))
    found: dict[str, tuple[str, str]] = {}
    words_read: Counter = Counter()
    for corpus, text in clean_texts(include_docs):
        units: list = []
        for match in TOKEN_RE.finditer(text):
            split_units(match.group(), match.start(), 0, units)
        words_read[corpus] += len(units)
        for first, last, phrase, _ in scan(units, index):
            key = " ".join(phrase)
            if key not in found:
                found[key] = (corpus, text[units[first][1]:units[last][2]])
    for key, (corpus, quote) in found.items():
        del candidates[key]
        drop(key, f"occurs in clean edited text ({corpus})")

    if review:
        from garblint.linter.language.lexicon import zipf

        for key in sorted(candidates):
            words = [u for u in key.split(" ") if u[:1].isalpha()]
            if words and min(zipf(w) for w in words) >= REVIEW_ZIPF:
                print(f"REVIEW\t{key}\t{candidates[key]}")

    payload = {
        "source": "Problematic Paper Screener (Cabanac, Labbé & Magazinov), CC BY 4.0, via giladfeldman/torturedcheck; see TORTURED_PHRASES_LICENSE.md",
        "built_by": "tools/build_tortured_phrases.py",
        "source_entries": len(entries),
        "kept": len(candidates),
        "dropped": dict(sorted(reasons.items())),
        "clean_words_checked": dict(words_read),
        "phrases": dict(sorted(candidates.items())),
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace('],"', '],\n"'), encoding="utf-8")
    lines = ["phrase\treason\tevidence"]
    for key in sorted(dropped):
        evidence = ""
        if key in found:
            evidence = found[key][1].replace("\n", " ").replace("\t", " ")[:80]
        elif key in ORDINARY:
            evidence = ORDINARY[key]
        lines.append(f"{key}\t{dropped[key]}\t{evidence}")
    DROPPED.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(entries)} source entries -> {len(candidates)} phrases kept; dropped: {dict(reasons)}")
    print(f"clean words checked: {dict(words_read)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
