"""Read UD English-EWT and re-tokenize its sentences the way garblint does.

The training script and the tagger benchmark both use this module. A sentence
comes back as a list of ``(text, penn, upos)`` triples, either over EWT's own
syntactic words or over the tokens ``garblint.linter.engine.segment.TOKEN_RE`` finds in the
sentence's text, with the gold tags projected onto them:

- a garblint token that is exactly one EWT word takes that word's tags;
- a garblint token that covers several EWT words ("don't" = do + n't,
  "China's" = China + 's, "win-win" = win + - + win) takes the tags of their
  syntactic head, the word whose head lies outside the token; when several do
  (do and n't both depend on the main verb), the first of them. So "don't" is
  a verb, "China's" a proper noun, "I'm" a pronoun, "fault-finding" a noun;
- when one EWT token comes apart into several garblint tokens ("U.S." =
  U . S ., "3.5" = 3 . 5, a URL), the word and number pieces keep the token's
  tags and a lone punctuation piece takes the tags that character most often
  has as a token of its own in the training data.

The train file of the repository snapshot may be missing or cut short (it is
over 4 MB); ``read_split`` then rebuilds it by concatenating the source files
listed in ``not-to-release/file-lists/files.<split>``, which reproduces the
dev and test files byte for byte.
"""
from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from garblint.linter.engine.segment import TOKEN_RE  # noqa: E402

DEFAULT_EWT = Path("/work/.mirror/UniversalDependencies+UD_English-EWT/repo")
EXPECTED_SENTENCES = {"train": 12544, "dev": 2001, "test": 2077}


@dataclass(slots=True)
class Word:
    id: int
    form: str
    upos: str
    xpos: str
    head: int


@dataclass(slots=True)
class SurfaceToken:
    form: str
    words: list[Word]
    start: int = -1
    end: int = -1


@dataclass
class EwtSentence:
    sent_id: str
    text: str
    tokens: list[SurfaceToken] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [w for t in self.tokens for w in t.words]


class EwtError(Exception):
    pass


# -- Reading the treebank -------------------------------------------------------

def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def _read_file(repo: Path, path: str) -> str | None:
    """A file of the treebank, from a checkout or a bare git repository."""
    if (repo / path).is_file():
        return (repo / path).read_text(encoding="utf-8")
    if (repo / "HEAD").is_file() or (repo / ".git").exists():
        try:
            return _git(repo, "show", f"HEAD:{path}").decode("utf-8")
        except subprocess.CalledProcessError:
            return None
    return None


def split_text(repo: Path, split: str) -> str:
    """The CoNLL-U text of one split, rebuilt from its source files when the release file is missing or short."""
    if not repo.exists():
        raise EwtError(f"UD English-EWT not found at {repo} (a checkout or bare clone of "
                       "https://github.com/UniversalDependencies/UD_English-EWT)")
    text = _read_file(repo, f"en_ewt-ud-{split}.conllu")
    if text is not None and text.count("# sent_id") == EXPECTED_SENTENCES[split]:
        return text
    return rebuild_split(repo, split)


def rebuild_split(repo: Path, split: str) -> str:
    listing = _read_file(repo, f"not-to-release/file-lists/files.{split}")
    if listing is None:
        raise EwtError(f"{repo}: en_ewt-ud-{split}.conllu is missing and so is the list of its source files")
    parts = []
    for name in listing.split():
        part = _read_file(repo, f"not-to-release/sources/{name}")
        if part is None:
            raise EwtError(f"{repo}: source file {name} of the {split} split is missing")
        parts.append(part)
    text = "".join(parts)
    found = text.count("# sent_id")
    if found != EXPECTED_SENTENCES[split]:
        raise EwtError(f"{repo}: rebuilt {split} split has {found} sentences, expected {EXPECTED_SENTENCES[split]}")
    return text


def parse_conllu(text: str) -> list[EwtSentence]:
    sentences: list[EwtSentence] = []
    sent_id = sentence_text = ""
    tokens: list[SurfaceToken] = []
    multiword_end = 0
    for line in text.split("\n"):
        if not line:
            if tokens:
                sentences.append(_located(EwtSentence(sent_id, sentence_text, tokens)))
            tokens, multiword_end = [], 0
            continue
        if line.startswith("#"):
            if line.startswith("# sent_id = "):
                sent_id = line[len("# sent_id = "):]
            elif line.startswith("# text = "):
                sentence_text = line[len("# text = "):]
            continue
        cols = line.split("\t")
        ident = cols[0]
        if "." in ident:
            continue  # an empty node of the enhanced graph
        if "-" in ident:
            first, last = ident.split("-")
            tokens.append(SurfaceToken(cols[1], []))
            multiword_end = int(last)
            continue
        word = Word(int(ident), cols[1], cols[3], cols[4], int(cols[6]))
        if word.id <= multiword_end:
            tokens[-1].words.append(word)
        else:
            tokens.append(SurfaceToken(word.form, [word]))
    if tokens:
        sentences.append(_located(EwtSentence(sent_id, sentence_text, tokens)))
    return sentences


def _located(sentence: EwtSentence) -> EwtSentence:
    """Give every surface token its character span in the sentence text."""
    position = 0
    for token in sentence.tokens:
        start = sentence.text.find(token.form, position)
        if start < 0 or sentence.text[position:start].strip():
            raise EwtError(f"{sentence.sent_id}: token {token.form!r} not found in the sentence text")
        token.start, token.end = start, start + len(token.form)
        position = token.end
    return sentence


def read_split(repo: Path, split: str) -> list[EwtSentence]:
    return parse_conllu(split_text(repo, split))


# -- Projecting gold tags onto garblint's tokens -------------------------------

def head_word(words: list[Word]) -> Word:
    """The syntactic head of a run of words: the first whose head lies outside the run."""
    inside = {w.id for w in words}
    for word in words:
        if word.head not in inside:
            return word
    return words[0]


def punctuation_tags(sentences: list[EwtSentence]) -> dict[str, tuple[str, str]]:
    """The commonest (penn, upos) of each one-character token that is not a letter or digit."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        for word in sentence.words:
            if len(word.form) == 1 and not word.form.isalnum():
                counts[word.form][(word.xpos, word.upos)] += 1
    return {char: max(sorted(c.items()), key=lambda item: item[1])[0] for char, c in sorted(counts.items())}


def ewt_tokens(sentence: EwtSentence) -> list[tuple[str, str, str]]:
    return [(w.form, w.xpos, w.upos) for w in sentence.words]


def _units(sentence: EwtSentence) -> list[tuple[int, int, list[Word]]]:
    """Spans of the sentence's words; a multiword token whose words do not spell it out stays one unit."""
    units = []
    for token in sentence.tokens:
        if len(token.words) > 1 and "".join(w.form for w in token.words) == token.form:
            start = token.start
            for word in token.words:
                units.append((start, start + len(word.form), [word]))
                start += len(word.form)
        else:
            units.append((token.start, token.end, token.words))
    return units


def garblint_tokens(sentence: EwtSentence, punctuation: dict[str, tuple[str, str]]) -> list[tuple[str, str, str]]:
    result = []
    units = _units(sentence)
    first = 0  # units before this one end before the current garblint token
    for match in TOKEN_RE.finditer(sentence.text):
        start, end, text = match.start(), match.end(), match.group()
        while units[first][1] <= start:
            first += 1
        covering = []
        index = first
        while index < len(units) and units[index][0] < end:
            covering.append(units[index])
            index += 1
        if len(covering) == 1 and (start, end) != covering[0][:2]:
            whole = sentence.text[covering[0][0]:covering[0][1]]
            if len(text) == 1 and not text.isalnum() and any(c.isalnum() for c in whole):
                penn, upos = punctuation.get(text, ("NFP", "PUNCT"))
                result.append((text, penn, upos))
                continue
        head = head_word([w for unit in covering for w in unit[2]])
        result.append((text, head.xpos, head.upos))
    return result


# -- A sample for the tests -------------------------------------------------------

SAMPLE_HEADER = """\
# Every {every}th sentence of the UD English-EWT test split (en_ewt-ud-test.conllu),
# cut into garblint's tokens with gold tags projected as tools/ewt.py describes:
# token <tab> Penn tag <tab> Universal POS tag, a blank line after each sentence.
# Source: https://github.com/UniversalDependencies/UD_English-EWT (commit {commit}).
# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), by the
# Universal Dependencies English-EWT contributors; this sample is shared under the same licence.
# Rebuild: python tools/ewt.py sample --every {every} > tests/data/ewt-test-sample.tsv
"""


def write_sample(repo: Path, every: int, out) -> None:
    train = read_split(repo, "train")
    punctuation = punctuation_tags(train)
    commit = _git(repo, "rev-parse", "HEAD").decode().strip() if (repo / "HEAD").is_file() else "unknown"
    out.write(SAMPLE_HEADER.format(every=every, commit=commit))
    for sentence in read_split(repo, "test")[::every]:
        out.write(f"# sent_id = {sentence.sent_id}\n")
        for text, penn, upos in garblint_tokens(sentence, punctuation):
            out.write(f"{text}\t{penn}\t{upos}\n")
        out.write("\n")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="UD English-EWT in garblint's tokens")
    parser.add_argument("command", choices=["sample", "check"],
                        help="sample: write a test sample; check: rebuild dev and test from sources and compare")
    parser.add_argument("--ewt", type=Path, default=DEFAULT_EWT)
    parser.add_argument("--every", type=int, default=8)
    args = parser.parse_args(argv)
    try:
        if args.command == "sample":
            write_sample(args.ewt, args.every, sys.stdout)
            return 0
        for split in ("dev", "test"):
            released = _read_file(args.ewt, f"en_ewt-ud-{split}.conllu")
            rebuilt = rebuild_split(args.ewt, split)
            if released is None:
                print(f"{split}: no released file to compare with")
                continue
            differing = sum(a != b for a, b in zip(released.split("\n"), rebuilt.split("\n")))
            differing += abs(released.count("\n") - rebuilt.count("\n"))
            print(f"{split}: {differing} differing lines between the released file and the rebuilt one")
    except EwtError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
