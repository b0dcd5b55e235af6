"""The seed documents, for rule tests."""
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(name: str) -> str:
    """The text of the seed whose file name starts with ``name`` ("000" ... "004")."""
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
