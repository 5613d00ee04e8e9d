"""Paths shared by the tests."""

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "huancui-gzgz-2022.txt"
CORPORA = ROOT / "tests" / "corpora"
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = ROOT / "tests" / "gold"
OUTPUT = ROOT / "test-output"


def library_dir(root: Path) -> Path:
    """A library for the app's tests: corpus/ plus the texts of tests/corpora/ that have metadata in
    tests/fixtures/library-app/, in one folder (give it to the app as $KG_CORPUS_DIR)."""
    import shutil
    root.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "corpus").glob("*.*"):
        shutil.copy(path, root / path.name)
    for toml in (FIXTURES / "library-app").glob("*.toml"):
        shutil.copy(CORPORA / toml.with_suffix(".txt").name, root / toml.with_suffix(".txt").name)
        shutil.copy(toml, root / toml.name)
    return root


def write_report(name: str, data: dict) -> None:
    """Save a figure-bearing report under test-output/ for the closing note and CI logs."""
    import json
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


class Ran:
    """What a `kg` command did: the fields of subprocess.CompletedProcess that tests read."""

    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def kg(*args, stdin: bytes = b"", cwd: Path | None = None, env: dict[str, str] | None = None) -> Ran:
    """Run `kg ARGS` in this process (as fast as a function call, same code path as the console
    script); stdout/stderr captured, stdin given as bytes, `env` added to the environment for the call."""
    import contextlib
    import io
    import os
    import sys

    from kg.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_stdin, old_cwd = sys.stdin, os.getcwd()
    old_env = {k: os.environ.get(k) for k in env or {}}
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    os.environ.update(env or {})
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exc:  # argparse usage errors
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = old_stdin
        os.chdir(old_cwd)
        for k, v in old_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return Ran(code, out.getvalue(), err.getvalue())


def seen(markdown: str) -> str:
    """What a reader sees of Markdown the app escaped (kg.app.common.md): without the backslashes."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)).replace("\u2060", "")
