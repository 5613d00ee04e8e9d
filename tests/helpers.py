"""Paths shared by the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "huancui-gzgz-2022.txt"
CORPORA = ROOT / "tests" / "corpora"
FIXTURES = ROOT / "tests" / "fixtures"
