"""The whole garblint plugin contract.

A plugin is a module (or object) with functions named after these hooks and
decorated with ``linter.hookimpl``. Built-in features (the rule families, the
plain-text and Markdown parsers, inline suppressions, the reporters) are
plugins of exactly this kind, registered through the ``garblint`` entry-point
group that third-party packages use too::

    [project.entry-points.garblint]
    my_rules = "my_package.rules"

A module listed under ``plugins:`` in the configuration is loaded as well.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence

import pluggy

if TYPE_CHECKING:
    from garblint.linter.engine.config import Config, RunOptions
    from garblint.linter.engine.document import Document, Parsed
    from garblint.linter.engine.rule import Rule

hookspec = pluggy.HookspecMarker("garblint")


@hookspec
def garblint_rules() -> "Sequence[type[Rule]]":
    """Return the rule classes this plugin provides.

    Each is a subclass of :class:`garblint.linter.engine.rule.Rule` with a unique ``code``
    and ``name``. The engine instantiates them with their configured
    options and severity.
    """


@hookspec(firstresult=True)
def garblint_parse(path: str, text: str, config: "Config", options: "RunOptions") -> "Parsed | None":
    """Parse a file's text into a :class:`garblint.linter.engine.document.Parsed`.

    Return ``None`` when the file is not in your format; the first plugin
    that returns a result wins. ``path`` is the file's path (``"-"`` for
    standard input), ``text`` its decoded contents; ``options.stdin_format``
    says what standard input is (from ``--stdin-filename``).
    """


@hookspec
def garblint_suppressions(document: "Document") -> "list[tuple[int, int, Sequence[str]]]":
    """Return the spans in which findings are suppressed.

    A list of ``(start, end, rules)`` tuples: findings whose start falls in
    ``[start, end)`` are dropped when ``rules`` is empty (all rules) or holds
    the finding's code, name or family.
    """


@hookspec
def garblint_reporters() -> "Mapping[str, Any]":
    """Return a mapping of output format name to reporter class.

    A reporter class is built with ``(stream, options)`` and has
    ``report(results, summary)``; see :mod:`garblint.linter.reporters`.
    """


@hookspec
def garblint_configure(config: "Config") -> None:
    """Called once with the loaded :class:`garblint.linter.engine.config.Config` before linting."""
