"""garblint: find machine-translation artifacts and garbled spin-rewrites in prose."""
import pluggy

__version__ = "0.1.0"

#: Decorate plugin hook functions with this (see :mod:`garblint.linter.engine.hookspecs`).
hookimpl = pluggy.HookimplMarker("garblint")

__all__ = ["__version__", "hookimpl", "lint_text", "lint_texts", "summarize_findings", "Finding"]


def __getattr__(name):
    # The API is imported on first use so that plugins importing ``hookimpl``
    # do not pay for the whole engine.
    if name in ("lint_text", "lint_texts", "summarize_findings", "make_linter"):
        from garblint.linter import api

        return getattr(api, name)
    if name == "Finding":
        from garblint.linter.engine.findings import Finding

        return Finding
    raise AttributeError(name)
