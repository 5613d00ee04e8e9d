"""The code base itself: lint-clean, type-clean, and installable as a wheel that works without
the checkout. Collected first (see conftest.py) so a broken package fails fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

BIN = Path(sys.executable).parent


def run(*cmd: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_ruff_finds_nothing():
    out = run(str(BIN / "ruff"), "check", ".", "--output-format", "concise")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_finds_no_type_error_in_src():
    out = run(str(BIN / "mypy"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success: no issues found" in out.stdout


@pytest.mark.slow
def test_a_wheel_installed_in_a_fresh_venv_answers_from_any_directory():
    out = run(str(ROOT / ".ci" / "wheel-smoke"), timeout=900)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "kg structure, ask and validate work from an installed wheel" in out.stdout
