"""garblint: find machine-translation artifacts and garbled spin-rewrites in prose."""
import pluggy

__version__ = "0.1.0"

#: Decorate plugin hook functions with this (see :mod:`linter.hookspecs`).
hookimpl = pluggy.HookimplMarker("garblint")

__all__ = ["__version__", "hookimpl"]
