"""Findings: what a rule reports, as plain, picklable data."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

SEVERITIES = ("info", "warning", "error")
_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


def severity_rank(severity: str) -> int:
    """Order severities: info < warning < error."""
    return _RANK[severity]


@dataclass(frozen=True)
class Finding:
    """One artifact found in one file.

    ``start``/``end`` are 0-based character offsets into the file's text (end
    exclusive, Python ``str`` indices); ``line``/``column`` and
    ``end_line``/``end_column`` are 1-based and filled in by the runner.
    Findings are frozen: a stage that changes one (the runner placing it in
    its file, say) makes a new one with :meth:`replace`.
    """

    code: str
    rule: str
    family: str
    severity: str
    message: str
    start: int
    end: int
    suggestions: list[str] = field(default_factory=list)
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    fingerprint: str = ""
    # What a rule adds about how it decided (e.g. {"decided_by": "vocabulary: share"});
    # JSON output carries it, the other reporters do not show it.
    data: dict | None = None

    def to_dict(self) -> dict:
        out = asdict(self)
        if out["data"] is None:
            del out["data"]  # most findings have none: the JSON of the others stays as it was
        return out

    def replace(self, **changes) -> "Finding":
        return replace(self, **changes)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.code)
