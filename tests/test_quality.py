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


def test_every_third_party_import_of_the_package_is_a_declared_dependency():
    """The wheel smoke borrows its dependencies, so an undeclared one would pass it unnoticed."""
    import ast
    import re
    import tomllib
    from importlib.metadata import packages_distributions

    declared = {re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0].lower().replace("_", "-")
                for dep in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    owners = packages_distributions()
    imported: set[str] = set()
    for path in (ROOT / "src" / "kg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"kg", "__future__"}
    undeclared = {module: owners.get(module) for module in third_party
                  if not {d.lower().replace("_", "-") for d in owners.get(module, [])} & declared}
    assert "rdflib" in third_party and "pyoxigraph" in third_party
    assert undeclared == {}
