"""The base class every rule derives from.

A rule is a small class with a stable ``code``, a readable ``name``, a
``family``, a default ``severity`` and documentation (``summary``, a
one-paragraph ``explanation``, a ``bad`` and a ``good`` example). Its
``check`` method reads a :class:`~garblint.linter.engine.document.Document` and yields
findings built with :meth:`Rule.finding`::

    class DoubledWord(Rule):
        code = "GL101"
        name = "doubled-word"
        family = "repetition"
        severity = "error"
        summary = "A word written twice in a row."
        explanation = "..."
        bad = "able to to present"
        good = "able to present"

        def check(self, doc):
            ...
            yield self.finding(start, end, "doubled word 'to'", ["to"])
"""
from __future__ import annotations

import copy
import re
import textwrap
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from garblint.linter.engine.findings import SEVERITIES, Finding

if TYPE_CHECKING:
    from garblint.linter.commands.compare import DocumentPair
    from garblint.linter.engine.document import Document


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    family: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    summary: ClassVar[str] = ""
    explanation: ClassVar[str] = ""
    bad: ClassVar[str] = ""
    good: ClassVar[str] = ""
    # Options a user may set under ``rules: {name: {...}}`` in the config,
    # with their defaults. Values from the config replace these.
    default_options: ClassVar[dict[str, Any]] = {}
    # Rules that are off unless selected (expensive or opinionated ones).
    enabled_by_default: ClassVar[bool] = True
    # "document" rules read one text; "pair" rules (compare mode) read an
    # original and its rewrite through ``check_pair``.
    scope: ClassVar[str] = "document"
    # Whether ``garblint check --fix`` may apply the first suggestion unasked:
    # only where the suggestion restores what was certainly meant (a doubled
    # word, a lost space, a garbled character).
    fixable: ClassVar[bool] = False
    # Rules that learn from every document of a run before linting any (``garblint.linter.engine.corpus``):
    # ``corpus_keys`` gives a document's keys, ``corpus_summary`` what the rule keeps of
    # their counts; the summary is in ``self.corpus`` when ``check`` runs (None for a single file).
    corpus_pass: ClassVar[bool] = False

    def __init__(self, options: dict[str, Any] | None = None, severity: str | None = None):
        self.options = copy.deepcopy(self.default_options)
        if options:
            self.options.update(options)
        self.severity = severity or type(self).severity
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.name}: unknown severity {self.severity!r}")
        self.corpus: Any = None

    def corpus_keys(self, doc) -> Iterable[int]:
        """The keys one document adds to the corpus counts (rules with ``corpus_pass``)."""
        return ()

    def corpus_summary(self, counter) -> Any:
        """What the rule keeps of the corpus counts (a ``garblint.linter.engine.corpus.DocumentCounter``): small and picklable."""
        return None

    def setup(self) -> None:
        """Prepare what every document needs (word lists, compiled patterns, sets
        built from the options): called once per run, before the first document."""

    def check(self, doc: "Document") -> Iterator[Finding]:
        """Yield findings for one document."""
        raise NotImplementedError

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        severity: str | None = None,
        data: dict | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            rule=self.name,
            family=self.family,
            severity=severity or self.severity,
            message=message,
            start=start,
            end=end,
            suggestions=list(suggestions),
            data=data,
        )

    @classmethod
    def matches(cls, selector: str) -> bool:
        """Whether a select/ignore entry (code, code prefix, name, family or ALL) names this rule."""
        return selector_matches(selector, cls.code, cls.name, cls.family)

    @classmethod
    def documentation(cls) -> str:
        """The text ``garblint rule CODE`` prints."""
        wrap = lambda text: textwrap.fill(" ".join(text.split()), 79)  # noqa: E731
        parts = [
            f"{cls.code} {cls.name}",
            f"family: {cls.family}    default severity: {cls.severity}"
            + ("" if cls.enabled_by_default else "    (off by default)")
            + ("    fixable with --fix" if cls.fixable else ""),
            "",
            wrap(cls.summary),
            "",
            wrap(cls.explanation),
        ]
        if cls.bad:
            parts += ["", "Bad:", "    " + cls.bad]
        if cls.good:
            parts += ["", "Good:", "    " + cls.good]
        if cls.default_options:
            parts += ["", "Options (defaults):"]
            for key, value in cls.default_options.items():
                shown = value if not isinstance(value, (list, tuple, set, dict)) or len(value) <= 6 else f"[{len(value)} entries]"
                parts.append(f"    {key}: {shown}")
        return "\n".join(parts)

    @classmethod
    def documentation_markdown(cls) -> str:
        """The rule's documentation as Markdown: what it does, why, a bad and a good example."""
        what = _markdown_prose(cls.summary or cls.name)
        if cls.fixable:
            what += "\n\nFixable with `garblint check --fix`."
        parts = [f"## What it does\n\n{what}"]
        if cls.explanation:
            parts.append(f"## Why is this bad\n\n{_markdown_prose(cls.explanation)}")
        if cls.bad:
            parts.append(f"## Example\n\n{_markdown_fence(cls.bad)}")
        if cls.good:
            parts.append(f"## Use instead\n\n{_markdown_fence(cls.good)}")
        return "\n\n".join(parts) + "\n"


# Characters that Markdown would read as emphasis, links, HTML, tables or code in prose.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_CODE_SPAN = re.compile(r"(`[^`\n]*`)")


def _markdown_prose(text: str) -> str:
    """One paragraph with Markdown's special characters escaped; `code spans` are kept as code."""
    pieces = _CODE_SPAN.split(" ".join(text.split()))
    return "".join(piece if index % 2 else _MARKDOWN_SPECIAL.sub(r"\\\1", piece) for index, piece in enumerate(pieces))


def _markdown_fence(example: str) -> str:
    """A fenced block longer than any run of backticks in the example, so nothing closes it early."""
    longest = max((len(run) for run in re.findall(r"`+", example)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{example.strip(chr(10))}\n{fence}"


def selector_matches(selector: str, code: str, name: str, family: str) -> bool:
    """Whether a select/ignore/suppression entry names the rule with this code, name and family.

    An entry is ALL, the rule's name or family, or its code or a prefix of it
    that keeps the code's letters whole, in any case: "GL", "gl1", "GL101"
    name GL101, but "G" does not.
    """
    selector = selector.strip()
    if selector.upper() == "ALL" or selector == name or selector == family:
        return True
    prefix = selector.upper()
    letters = code.rstrip("0123456789")
    return bool(prefix) and code.startswith(prefix) and len(prefix) >= len(letters)


class PairRule(Rule):
    """A compare-mode rule: reads a DocumentPair (an original and its rewrite), never a single document."""

    scope = "pair"
    example_is_standalone = False

    def check(self, doc: "Document") -> Iterator[Finding]:
        return iter(())

    def check_pair(self, pair: "DocumentPair") -> Iterator[Finding]:  # pragma: no cover - interface
        raise NotImplementedError

    def aligned(self, pair: "DocumentPair"):
        """(rewrite sentence, original text, alignment entry) for every aligned sentence."""
        for entry in pair.alignment:
            for r in entry.rewrite:
                yield pair.rewrite.sentences[r], pair.original_text(entry), entry
