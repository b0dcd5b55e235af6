"""garblint: find machine-translation artifacts and garbled spin-rewrites in prose.

The public API::

    import garblint
    findings = garblint.lint_text("The the report said.")

Plugins decorate their hook functions with ``garblint.hookimpl``; the hook
specifications are in ``garblint.linter.engine.hookspecs``. The engine lives in
``garblint.linter`` and the built-in rule families in ``garblint.rules``.
"""
from garblint.linter import __version__, hookimpl

__all__ = ["__version__", "hookimpl", "lint_text", "lint_texts", "summarize_findings", "make_linter", "Finding",
           "Rule", "PairRule"]


def __getattr__(name):
    # The engine is imported on first use, so a plugin importing ``hookimpl`` stays cheap.
    if name in ("lint_text", "lint_texts", "summarize_findings", "make_linter", "Finding"):
        import garblint.linter

        return getattr(garblint.linter, name)
    if name in ("Rule", "PairRule"):
        from garblint.linter.engine import rule

        return getattr(rule, name)
    raise AttributeError(name)
