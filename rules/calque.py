"""Rule family module (being written)."""
from linter import hookimpl


@hookimpl
def garblint_rules():
    return []
