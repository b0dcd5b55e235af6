"""Readability statistics through textstat (loaded only when asked for)."""
from __future__ import annotations

import sys

MEASURES = (
    ("flesch_reading_ease", "flesch_reading_ease"),
    ("flesch_kincaid_grade", "flesch_kincaid_grade"),
    ("gunning_fog", "gunning_fog"),
    ("smog_index", "smog_index"),
    ("coleman_liau_index", "coleman_liau_index"),
    ("automated_readability_index", "automated_readability_index"),
)
_failed: list[str] = []


def readability(prose: str) -> dict[str, float] | None:
    """textstat's measures for a text, or None when textstat cannot run here."""
    if _failed:
        return None
    if not prose.strip():
        return {}
    try:
        import textstat

        return {name: round(float(getattr(textstat, func)(prose)), 2) for name, func in MEASURES}
    except Exception as exc:  # noqa: BLE001 - e.g. a textstat that wants to download data
        _failed.append(str(exc))
        sys.stderr.write(
            f"garblint: readability statistics unavailable ({type(exc).__name__}); "
            "install the textstat version garblint pins: pip install 'garblint'\n"
        )
        return None
