"""Names: people's names run together, and East Asian names cut to the given name."""
from __future__ import annotations

import re
from collections import Counter

from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule

from ._data import load_data

# The lookbehind comes after the first capital so the engine can skip to capitals.
_CAP_RUN_RE = re.compile(r"([A-Z](?<![\w’'-][A-Z])[\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)+)")
_CAP_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?$")
_APPOSITION_RE = re.compile(r",[ \t]+(?:a|an|the|his|her)[ \t]+[a-z]")
_VERB_BRIDGES = {"later", "also", "then", "again", "previously", "earlier", "has", "had", "have", "will", "would",
                 "was", "once", "repeatedly", "reportedly", "himself", "herself"}
_LEADING_STOPWORDS = {"The", "A", "An", "In", "On", "At", "For", "From", "With", "By", "Of", "And", "But", "Or", "As",
                      "To", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "When", "While",
                      "After", "Before", "If", "Since", "Until", "Then", "Now", "So", "Yet", "According"}

# Romanised Chinese (pinyin) and Korean syllables: a given name made only of
# these ("Jinping", "Jong Un", "Jae-in") is East Asian, not a Western name.
_PINYIN_FINAL = r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|er|a|o|e|i|u)"
# Pinyin writes a syllable without an initial consonant only at the start of a word.
_PINYIN_RE = re.compile(
    rf"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]){_PINYIN_FINAL}|(?:ang|ai|ao|an|a|ou|o|en|eng|er|e))"
    rf"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]){_PINYIN_FINAL})*$", re.I)
# One Korean syllable ("Jong", "Un", "Jae", "in", "Suk", "yeol").
_KOREAN_RE = re.compile(
    r"^(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhy])?(?:yae|yeo|wae|ae|ya|eo|ye|yo|wa|oe|wo|we|wi|yu|eu|ui|a|e|o|u|i)(?:ng|[knlmp])?$", re.I)


def _is_east_asian_given(name: str) -> bool:
    """A given name written in pinyin ("Jinping") or as Korean syllables ("Jong Un", "Jae-in")."""
    parts = [p for p in re.split(r"[-\s]+", name) if p]
    if len(parts) == 1:
        return bool(_PINYIN_RE.match(parts[0]))
    return all(_KOREAN_RE.match(p) or _PINYIN_RE.match(p) for p in parts)


def name_inventory(doc):
    """Capitalised runs of the document and the words used alone as people."""
    data = load_data("names")
    titles = set(data["titles"])
    person_verbs = set(data["person_verbs"])
    prose = doc.prose
    runs: list[tuple[int, int, list[str]]] = []
    for match in _CAP_RUN_RE.finditer(prose):
        words = match.group(1).split()
        # A possessive ends a name: "Robbie Williams' Angels" is a person and a title.
        for i, word in enumerate(words[:-1]):
            if word.endswith(("'", "’", "'s", "’s")):
                words = words[:i + 1]
                break
        # Drop leading titles: "Foreign Minister Wang Yi" -> "Wang Yi".
        offset = match.start(1)
        first = 0
        while first < len(words) and (words[first].rstrip(".") in titles or words[first] in _LEADING_STOPWORDS):
            offset = prose.index(words[first + 1], offset + len(words[first])) if first + 1 < len(words) else match.end(1)
            first += 1
        words = words[first:]
        if len(words) >= 2 and all(_CAP_WORD.match(w.rstrip("’'s").rstrip("’'")) or _CAP_WORD.match(w) for w in words):
            runs.append((offset, prose.index(words[-1], offset) + len(words[-1]), words))
    alone: Counter = Counter()
    tokens = doc.tokens
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if not token.is_word or not token.text[0].isupper():
            continue
        alone.setdefault(token.text, 0)
        if i == last:
            continue
        following = tokens[i + 1].lower
        if following in _VERB_BRIDGES and i + 1 < last:
            following = tokens[i + 2].lower  # "Macron later said", "Lavrov has said"
        if following in person_verbs:
            prev = tokens[i - 1] if i else None
            if prev is None or not prev.text[:1].isupper() or prev.sentence != token.sentence or prev.is_punct:
                alone[token.text] += 1
    return runs, alone


def _inventory(doc):
    return doc.memo("names.inventory", name_inventory)


class RunTogetherNames(Rule):
    code = "GL401"
    name = "run-together-names"
    family = "names"
    severity = "error"
    summary = "Two people's names run together where a word between them was lost (\"Wang Nikolai Patrushev\")."
    explanation = (
        "When a verb or \"and\" between two names is dropped (\"Wang [met] Nikolai Patrushev\"), the "
        "names fuse into what looks like one long name. garblint reports two people named in full "
        "side by side (\"Angela Merkel Emmanuel Macron said\"): a run of four capitalised words or "
        "more that the entity finder splits where a census given name follows a surname (a given "
        "name that is mostly a surname, like \"Lewis\", counts as one), both halves starting with a "
        "given name. It also uses the names the document itself mentions: a run whose first part "
        "is a person the document names elsewhere (\"Wang said\", \"Wang Yi\", the surname of "
        "\"Sergei Lavrov\") and whose second part is another person. Long names of one person "
        "(\"Andrey Ivanovich Denisov\"), titles and lists with commas are not reported."
    )
    bad = "Merkel said the talks went well. On Monday, Merkel Emmanuel Macron, the French president, visited Berlin. Macron said he was pleased."
    good = "Merkel said the talks went well. On Monday, Merkel met Emmanuel Macron, the French president, in Berlin. Macron said he was pleased."

    def check(self, doc):
        found = list(self._by_inventory(doc))
        for finding in self._adjacent_people(doc):
            if not any(finding.start < f.end and f.start < finding.end for f in found):
                found.append(finding)
        yield from sorted(found, key=lambda f: f.start)

    def _adjacent_people(self, doc):
        """Two people named in full side by side, nothing between ("Angela Merkel Emmanuel Macron said")."""
        from garblint.linter.language.entities import gazetteer

        given = gazetteer().given
        entities = doc.entities
        prose = doc.prose
        for left, right in zip(entities, entities[1:]):
            if left.kind != "person" or right.kind != "person" or right.token_start != left.token_end:
                continue
            if prose[left.end:right.start] != " ":
                continue
            head, tail = left.text.split(), right.text.split()
            if len(head) < 2 or len(tail) < 2 or left.text.endswith(("'s", "’s")):
                continue
            # Given name and surname, twice: "Tory MP Nigel Waterson" is a title and one name.
            if head[0] not in given or tail[0] not in given \
                    or not all(_CAP_WORD.match(_without_possessive(w)) for w in head + tail):
                continue
            yield self.finding(left.start, right.end, f"two names run together: '{left.text}' and '{right.text}'",
                               [f"{left.text} and {right.text}", f"{left.text}, {right.text}"])

    def _by_inventory(self, doc):
        from garblint.linter.language.lexicon import zipf_at_least

        runs, alone = _inventory(doc)
        # The names the document gives in full, indexed so that each run looks up
        # only the names that can match it (not every name of the document).
        full_names = {tuple(words) for _, _, words in runs}
        by_head: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # a name without its last word -> names
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for name in full_names:
            by_head.setdefault(name[:-1], []).append(name)
            by_last.setdefault(name[-1], []).append(name)
        for start, end, words in runs:
            # Names, not common words: "The Tax Court", "House Rules Committee" are not people.
            if len(words) < 3 or any(zipf_at_least(w, 4.5) for w in words):
                continue
            for cut in (2, 1):  # "Xi Jinping Vladimir Putin": two full names before a name and a long tail
                if len(words) - cut < 2:
                    continue
                head, tail = tuple(words[:cut]), tuple(words[cut:])
                # The head is a person in its own right: used alone before a verb of speech,
                # or the start of another full name that shares nothing with the tail.
                head_person = alone.get(head[-1], 0) >= 1 or alone.get(head[0], 0) >= 1 or any(
                    name[cut] not in tail for name in by_head.get(head, ())
                ) or (
                    # another person the document named in full ("Sergei Lavrov" ... "Sergei Lavrov
                    # Ararat Mirzoyan"), or that person's surname ("Lavrov Ararat Mirzoyan")
                    head in full_names and not set(head) & set(tail)
                ) or cut == 1 and any(
                    len(name) >= 2 and not set(name) & set(tail) for name in by_last.get(head[0], ())
                    if name != tuple(words)
                )
                tail_person = alone.get(tail[-1], 0) >= 1 or tail in full_names or (
                    # a new person introduced with an apposition, after someone named in full
                    # before: "talks between Liu Haifeng Anna Lindqvist, a senior official of ..."
                    len(tail) == 2 and head in full_names
                    and _APPOSITION_RE.match(doc.prose, end) is not None)
                if head_person and tail_person and tail[-1] not in head:
                    yield self.finding(start, end, f"two names run together: '{' '.join(head)}' and '{' '.join(tail)}'",
                                       [f"{' '.join(head)} met {' '.join(tail)}", f"{' '.join(head)}, {' '.join(tail)}"])
                    break


def _without_possessive(word: str) -> str:
    return word.rstrip("’'s") if word.endswith(("’s", "'s")) else word


class GivenNameOnly(Rule):
    code = "GL402"
    name = "given-name-only"
    family = "names"
    severity = "warning"
    summary = "A person called by the given name where the surname is meant (\"Jinping\" for Xi Jinping)."
    explanation = (
        "Chinese and Korean names put the surname first: Xi Jinping is \"Xi\" on second "
        "mention, Kim Jong Un is \"Kim\". A translation engine that treats the last word as "
        "the surname writes \"Jinping said\" or \"Jong Un visited\". The rule looks for full "
        "names in the document whose first word is a common Chinese or Korean surname "
        "(names.yaml) and whose given name is romanised Chinese or Korean, then reports the "
        "given name used on its own, with the surname as the suggestion. As a hint (severity "
        "info), it also reports any person named in full and then by the surname alone at least "
        "twice, whom the text once calls by the given name alone outside quotations, in a text "
        "that calls no one else by a given name alone."
    )
    bad = "Xi Jinping met the delegation. Later, Jinping said the talks were useful."
    good = "Xi Jinping met the delegation. Later, Xi said the talks were useful."

    def check(self, doc):
        yield from self._east_asian(doc)
        yield from self._given_for_surname(doc)

    def _given_for_surname(self, doc):
        """A person called by surname alone throughout, and once by the given name alone ("Smith ... John said")."""
        from garblint.linter.language.entities import gazetteer
        from garblint.linter.language.quotes import quoted

        given = gazetteer().given
        entities = doc.entities
        people = [e for e in entities if e.kind == "person"]
        full: dict[str, list] = {}  # given name -> the people named in full with it
        by_surname: dict[str, set[str]] = {}
        for entity in people:
            words = entity.text.split()
            if len(words) == 2 and words[0] in given and _CAP_WORD.match(words[1]):
                full.setdefault(words[0], []).append(entity)
                by_surname.setdefault(words[1], set()).add(words[0])
        if not full:
            return
        inside = quoted(doc)
        tokens = doc.tokens
        titles = set(load_data("names")["titles"])
        alone_given: dict[str, list] = {}
        alone_surname: Counter = Counter()
        for entity in entities:
            if entity.token_end - entity.token_start != 1 or entity.kind not in ("person", "other"):
                continue
            word = _without_possessive(entity.text)
            if word in by_surname:
                alone_surname[word] += 1
            if word not in full or inside[entity.token_start]:
                continue
            previous = tokens[entity.token_start - 1] if entity.token_start else None
            if previous is not None and previous.text.rstrip(".") in titles:
                continue  # "Mr John": a surname after a title
            alone_given.setdefault(word, []).append(entity)
        # A text that calls anyone by the given name alone more than once ("Mickey walked up", fiction,
        # sport) has chosen to: only a text that calls people by their surnames is held to it.
        if len(alone_given) != 1:
            return
        # Any other given name used alone ("Alicia", "Max" with no surname anywhere) is the same choice.
        surnames_known = set(by_surname)
        first_names = sum(1 for e in entities if e.token_end - e.token_start == 1 and e.kind in ("person", "other")
                          and _without_possessive(e.text) in given and _without_possessive(e.text) not in surnames_known
                          and not inside[e.token_start])
        if first_names > 1:
            return
        for name, mentions in alone_given.items():
            named = {e.text.split()[1] for e in full[name]}
            if len(mentions) != 1 or len(named) != 1:
                continue  # called by the given name more than once, or two people share it: a choice
            surname = named.pop()
            mention = mentions[0]
            if len(by_surname[surname]) != 1 or alone_surname[surname] < 2:
                continue  # "Joe Biden ... Jill": the given name tells relatives apart
            if mention.start < full[name][0].start:
                continue  # the given name before the full name
            # A hint: a writer may mean the given name (a sketch, a nickname), so it is not a warning.
            yield self.finding(mention.start, mention.start + len(name),
                               f"'{name}' is the given name of {name} {surname}, called '{surname}' elsewhere",
                               [surname], severity="info")

    def _east_asian(self, doc):
        surnames = set(load_data("names")["surname_first"])
        runs, _ = _inventory(doc)
        given_names: dict[tuple[str, ...], str] = {}
        for _, _, words in runs:
            if words[0] not in surnames:
                continue
            # "Kim Jong Un", "Wang Yi", and "Wang Yi" at the head of a longer run ("Wang Yi Penny Wong").
            for end in (3, 2):
                given = tuple(w.rstrip("’'s") if w.endswith(("’s", "'s")) else w for w in words[1:end])
                if len(given) == end - 1 and _is_east_asian_given(" ".join(given)) and given[0] not in surnames:
                    given_names[given] = words[0]
                    break
        if not given_names:
            return
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for given, surname in given_names.items():
            by_first.setdefault(given[0], []).append((given, surname))
        tokens = doc.tokens
        for i, token in enumerate(tokens):
            for given, surname in by_first.get(_without_possessive(token.text), ()):
                n = len(given)
                window = tokens[i:i + n]
                if len(window) < n or tuple(_without_possessive(t.text) for t in window) != given:
                    continue
                previous = tokens[i - 1] if i else None
                if previous is not None and previous.text == surname:
                    continue
                yield self.finding(window[0].start, window[-1].end,
                                   f"'{' '.join(given)}' is the given name; the surname is '{surname}'", [surname])


@hookimpl
def garblint_rules():
    return [RunTogetherNames, GivenNameOnly]
