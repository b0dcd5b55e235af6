"""Grammar: LanguageTool's matches as garblint findings (optional backend).

The rule is off by default because LanguageTool is a Java server: either a
local one that language-tool-python downloads and starts (Java 17+ and a
download on first use), or a team's server given as ``remote_server``. When
neither can be had, garblint says so once on standard error and lints with
everything else; the run never fails or hangs because of it.
"""
from __future__ import annotations

import sys
import threading

from garblint.linter import hookimpl
from garblint.linter.engine.rule import Rule

# LanguageTool categories that find broken text rather than style choices.
DEFAULT_CATEGORIES = [
    "GRAMMAR", "TYPOS", "CASING", "CONFUSED_WORDS", "COLLOCATIONS", "FALSE_FRIENDS",
    "PUNCTUATION", "SEMANTICS", "NONSTANDARD_PHRASES",
]
# Matches of these rules are about the document's style, not artifacts.
NOISY_RULES = ["WHITESPACE_RULE", "EN_QUOTES", "DASH_RULE", "TOO_LONG_SENTENCE", "COMMA_PARENTHESIS_WHITESPACE"]

_lock = threading.Lock()
_backends: dict[tuple, "Backend"] = {}
_announced: set[str] = set()


def announce(message: str) -> None:
    """Say a backend problem once per run, in one line."""
    with _lock:
        if message in _announced:
            return
        _announced.add(message)
    sys.stderr.write(f"garblint: grammar: {message}\n")


class Backend:
    """One LanguageTool client per run (and so one local server, if any)."""

    def __init__(self, server: str, language: str, mother_tongue: str | None, timeout: float):
        self.tool = None
        self.error: str | None = None
        try:
            import language_tool_python  # noqa: F401  (heavy: imported only when the rule runs)
        except ImportError:
            self.error = "language-tool-python is not installed (pip install 'garblint[grammar]'); the grammar rule is skipped"
            return
        from language_tool_python import LanguageTool

        LanguageTool._TIMEOUT = timeout
        try:
            self.tool = LanguageTool(language, mother_tongue=mother_tongue or None, remote_server=server or None)
        except BaseException as exc:  # noqa: BLE001 - any failure means "unavailable"
            if isinstance(exc, KeyboardInterrupt):
                raise
            where = server or "a local LanguageTool (needs Java 17+ and a download)"
            self.error = f"LanguageTool is unavailable at {where}: {first_line(exc)}; the grammar rule is skipped"

    def check(self, text: str):
        return self.tool.check(text)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:160]}" if text else type(exc).__name__


def backend_for(options: dict, mother_tongue: str | None) -> Backend:
    key = (options["remote_server"], options["language"], mother_tongue, float(options["timeout"]))
    with _lock:
        backend = _backends.get(key)
        if backend is None:
            backend = Backend(key[0], key[1], key[2], key[3])
            _backends[key] = backend
    return backend


def chunks(doc, limit: int) -> list[tuple[int, int]]:
    """Spans of the prose of at most ``limit`` characters, cut between paragraphs."""
    spans: list[tuple[int, int]] = []
    start = end = None
    for block in doc.paragraphs:
        if start is None:
            start, end = block.start, block.end
        elif block.end - start > limit:
            spans.append((start, end))
            start, end = block.start, block.end
        else:
            end = block.end
    if start is not None:
        spans.append((start, end))
    return spans


def capitalised_words(doc) -> set[str]:
    """Words the document writes capitalised mid-sentence: its names."""
    names = set()
    for previous, token in zip(doc.tokens, doc.tokens[1:]):
        if token.is_word and token.text[0].isupper() and previous.sentence == token.sentence:
            names.add(token.text.lower())
    return names


class Grammar(Rule):
    code = "GL900"
    name = "grammar"
    family = "grammar"
    severity = "warning"
    enabled_by_default = False
    example_is_standalone = False  # needs a LanguageTool server
    cacheable = False  # its findings depend on a server, which may be down or upgraded
    summary = "LanguageTool's grammar matches, filtered to those that find broken text."
    explanation = (
        "Sends each document's prose (markup masked) to LanguageTool through "
        "language-tool-python and reports its matches with LanguageTool's rule id in "
        "the message and its replacements as suggestions. Only categories that find "
        "broken text are kept by default (`categories`), spelling matches on words the "
        "document itself uses as names are dropped, and `source-language` in the "
        "configuration turns on LanguageTool's false-friend rules for the translator's "
        "mother tongue. Documents are checked concurrently with `--jobs N`. Set `remote_server` to a team's LanguageTool server; without one "
        "a local server is started once per run, which needs Java and a download."
    )
    bad = "He go to school every days."
    good = "He goes to school every day."
    default_options = {
        "remote_server": "",
        "language": "en-US",
        "categories": DEFAULT_CATEGORIES,
        "disabled_rules": NOISY_RULES,
        "timeout": 10.0,
        "max_chars": 20000,
    }

    # The configuration's ``source-language``, set when the run is configured.
    source_language: str | None = None

    def check(self, doc):
        backend = backend_for(self.options, type(self).source_language)
        if backend.tool is None:
            announce(backend.error or "LanguageTool is unavailable; the grammar rule is skipped")
            return
        # Requests go one at a time: language-tool-python's offset correction
        # keeps state per call. Documents are checked concurrently by running
        # with --jobs N, each process holding one client.
        spans = chunks(doc, int(self.options["max_chars"]))
        replies = [self._ask(backend, doc, span) for span in spans]
        names = None
        categories = {c.upper() for c in self.options["categories"]}
        disabled = set(self.options["disabled_rules"])
        for (start, _), matches in zip(spans, replies):
            for match in matches or ():
                try:
                    offset, length = int(match.offset), int(match.error_length)
                    rule_id, category = str(match.rule_id), str(match.category).upper()
                    message, replacements = str(match.message), list(match.replacements or [])
                    issue = str(getattr(match, "rule_issue_type", "") or "")
                except (AttributeError, TypeError, ValueError):
                    announce("LanguageTool sent a malformed match; it was skipped")
                    continue
                if category not in categories or rule_id in disabled:
                    continue
                begin, end = start + offset, start + offset + length
                if not (start <= begin < end <= len(doc.text)):
                    announce("LanguageTool sent a match outside the text; it was skipped")
                    continue
                if issue == "misspelling" or rule_id.startswith("MORFOLOGIK"):
                    if names is None:
                        names = doc.memo("capitalised-words", capitalised_words)
                    word = doc.text[begin:end]
                    if word[:1].isupper() or word.lower() in names:
                        continue
                yield self.finding(begin, end, f"{message} [{rule_id}]", replacements[:5])

    def _ask(self, backend: Backend, doc, span: tuple[int, int]):
        start, end = span
        if backend.tool is None:
            return []
        try:
            return backend.check(doc.prose[start:end])
        except (KeyError, TypeError, ValueError) as exc:  # a reply we cannot read
            announce(f"LanguageTool sent a reply garblint cannot read ({first_line(exc)}); it was skipped")
            return []
        except Exception as exc:  # noqa: BLE001 - timeouts, refused connections, server errors
            # A server that failed once is not asked again in this run, so a
            # long run cannot wait on it file after file.
            backend.tool = None
            backend.error = f"LanguageTool request failed: {first_line(exc)}; the grammar rule is skipped for the rest of the run"
            announce(backend.error)
            return []


@hookimpl
def garblint_configure(config):
    Grammar.source_language = getattr(config, "source_language", None)


@hookimpl
def garblint_rules():
    return [Grammar]
