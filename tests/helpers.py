"""Paths shared by the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "huancui-gzgz-2022.txt"
CORPORA = ROOT / "tests" / "corpora"
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = ROOT / "tests" / "gold"
OUTPUT = ROOT / "test-output"


def write_report(name: str, data: dict) -> None:
    """Save a figure-bearing report under test-output/ for the closing note and CI logs."""
    import json
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
