"""The record schema, the check rules and the title rules are read strictly: a rule kind the
code does not implement, an unknown key, type or role is an error naming the file and line."""

import pytest

from helpers import ROOT
from kg.checks import RULE_KINDS, load_rules
from kg.errors import ConfigError
from kg.lexicon import load_lexicon
from kg.records import load_schema
from kg.roles import Titles

ONTOLOGY = ROOT / "ontology"


def edited(tmp_path, name: str, old: str, new: str):
    """A copy of an ontology file with the first line equal to `old` replaced by the lines of
    `new`; returns its path and the number of the last new line."""
    lines = (ONTOLOGY / name).read_text(encoding="utf-8").splitlines()
    i = lines.index(old)
    lines[i:i + 1] = new.splitlines()
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, i + len(new.splitlines())


def test_every_documented_rule_kind_is_implemented_and_used_kinds_are_documented():
    text = (ONTOLOGY / "checks.toml").read_text(encoding="utf-8")
    documented = {line.split('"')[1] for line in text.splitlines() if line.startswith("#   kind = ")}
    assert documented == set(RULE_KINDS)
    assert {r.kind for r in load_rules().rule} <= documented


def test_an_unimplemented_rule_kind_names_its_line(tmp_path):
    path, line = edited(tmp_path, "checks.toml", 'kind = "period"', 'kind = "maximum"')
    with pytest.raises(ConfigError, match=rf"checks.toml:{line}: kind = 'maximum'"):
        load_rules(path)


def test_an_unknown_key_in_a_rule_names_its_line(tmp_path):
    path, line = edited(tmp_path, "checks.toml", 'verb = "签发"', 'verb = "签发"\nseverity = "Warning"')
    with pytest.raises(ConfigError, match=rf"checks.toml:{line}: 未知的键 severity"):
        load_rules(path)


def test_an_unknown_column_type_in_the_record_schema_names_its_line(tmp_path):
    path, line = edited(tmp_path, "records.toml", 'type = "date"', 'type = "datum"')
    with pytest.raises(ConfigError, match=rf"records.toml:{line}: 未知的列类型 datum"):
        load_schema(path)


def test_an_unknown_key_in_the_record_schema_names_its_line(tmp_path):
    path, line = edited(tmp_path, "records.toml", 'required = true', 'requird = true')
    with pytest.raises(ConfigError, match=rf"records.toml:{line}: 未知的键 requird"):
        load_schema(path)


def test_a_period_column_must_name_the_two_columns_it_fills(tmp_path):
    path, line = edited(tmp_path, "records.toml", 'fills = ["start", "end"]', 'fills = ["start", "finish"]')
    with pytest.raises(ConfigError, match=r"records.toml:\d+: 期间列、报告列需 fills"):
        load_schema(path)


def test_a_post_read_from_a_name_column_must_name_a_column_of_its_log(tmp_path):
    path, line = edited(tmp_path, "records.toml", 'post_from = "signer"', 'post_from = "signatory"')
    with pytest.raises(ConfigError, match=rf"records.toml:{line}: post_from 应为本台账的一列"):
        load_schema(path)


def test_a_bad_pattern_among_the_cells_rules_is_an_error_at_load_time(tmp_path):
    report = next(line for line in (ONTOLOGY / "records.toml").read_text(encoding="utf-8").splitlines()
                  if line.startswith("report = "))
    path, _ = edited(tmp_path, "records.toml", report, 'report = "(?P<date>日"')
    with pytest.raises(ConfigError, match=r"records.toml: \[cells\] report 正则表达式错误"):
        load_schema(path)


def test_a_title_rule_for_a_role_the_lexicon_lacks_names_its_line(tmp_path):
    path, line = edited(tmp_path, "titles.toml", 'role = "district-mayor"', 'role = "county-mayor"')
    with pytest.raises(ConfigError, match=rf"titles.toml:{line}: 词表中没有职务 county-mayor"):
        Titles.load(load_lexicon(), path)


# ------------------------------------------------------------------ the extraction grammar


def test_the_shipped_grammar_loads_into_typed_sections():
    from kg.grammar import load_grammar
    g = load_grammar()
    assert g.actions["签发"] == "issue"
    assert g.bearers.locative == (("在", ("上", "中", "期间", "后", "前", "时")), ("从", ("中",)))
    assert g.terms.contractions["主要负责人"] == ("主要领导", "一把手")
    assert [f.action for f in g.facts] == ["quorum", "quorum", "quorum", "frequency", "preparation", "lead-time"]


@pytest.mark.parametrize("old, new, message", [
    ('respectively = "分别"', 'respectivly = "分别"', "未知的键 respectivly"),        # a misspelt key
    ("max_prefix = 16", 'max_prefix = "ten"', "键 max_prefix 的值类型不对"),           # a wrong type
    ('action = "quorum"', 'action = "quorum"\npatern = "x"', "未知的键 patern"),      # a fact rule's key
], ids=["misspelt-key", "wrong-type", "fact-rule-key"])
def test_a_mistake_in_the_extraction_grammar_is_refused_naming_its_line(tmp_path, old, new, message):
    from kg.grammar import read_grammar
    path, line = edited(tmp_path, "extraction.toml", old, new)
    with pytest.raises(ConfigError, match=rf"extraction.toml:{line}: {message}"):
        read_grammar(path)


# ------------------------------------------------------------------ the library levels


def test_an_unknown_key_in_the_library_levels_names_its_line(tmp_path, monkeypatch):
    from kg import catalog
    path, line = edited(tmp_path, "library.toml", "rank = 1", "rnak = 1")
    monkeypatch.setattr(catalog, "data_file", lambda *_: path)
    catalog.levels.cache_clear()
    try:
        with pytest.raises(ConfigError, match=rf"library.toml:{line}: 未知的键 rnak"):
            catalog.levels()
    finally:
        catalog.levels.cache_clear()
