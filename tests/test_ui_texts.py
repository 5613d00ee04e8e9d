"""The app's words (ontology/ui.toml) are checked when loaded: a slip is named, not a KeyError later."""

from __future__ import annotations

import shutil

import pytest

from helpers import ROOT
from kg.app.texts import load_texts
from kg.errors import ConfigError


def ui_copy(tmp_path, monkeypatch, old: str, new: str):
    folder = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", folder)
    text = (folder / "ui.toml").read_text(encoding="utf-8")
    assert old in text
    (folder / "ui.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(folder))


def test_the_shipped_words_load():
    words = load_texts()
    assert words["page"]["lang"] == "zh-CN" and "{answers}" in words["ask"]["found"]


def test_a_misspelt_key_is_named_with_its_line(tmp_path, monkeypatch):
    ui_copy(tmp_path, monkeypatch, "submit = ", "sumbit = ")
    lines = (tmp_path / "ontology" / "ui.toml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("sumbit"))
    with pytest.raises(ConfigError, match=rf"ui.toml:{line}: .*unknown key 'sumbit'"):
        load_texts()


def test_a_missing_key_and_a_value_that_is_no_text_are_errors(tmp_path, monkeypatch):
    ui_copy(tmp_path, monkeypatch, 'yes = "是"\n', "")
    with pytest.raises(ConfigError, match="missing key 'yes'"):
        load_texts()
    ui_copy(tmp_path / "again", monkeypatch, 'done = "已复制 / copied"', "done = 3")
    with pytest.raises(ConfigError, match="key 'done' should be text"):
        load_texts()
