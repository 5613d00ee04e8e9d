"""Every real regulation in tests/corpora parses to the counts its README states."""

import re

import pytest

from helpers import CORPORA
from kg.corpus import load


def readme_rows():
    rows = []
    for line in (CORPORA / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and cells[0].endswith(".txt"):
            rows.append(pytest.param(cells[0], *map(int, cells[2:6]), id=cells[0]))
    return rows


ROWS = readme_rows()


def test_readme_lists_every_corpus_text():
    assert sorted(row.values[0] for row in ROWS) == sorted(p.name for p in CORPORA.glob("*.txt"))
    assert len(ROWS) == 92


@pytest.mark.parametrize("name, articles, chapters, sections, items", ROWS)
def test_counts_match_the_readme(name, articles, chapters, sections, items):
    reg = load(CORPORA / name)
    arts = reg.articles()
    assert [a.number for a in arts] == list(range(1, articles + 1))
    assert len(reg.chapters) == chapters
    assert len(reg.sections()) == sections
    assert sum(len(a.items()) for a in arts) == items


def test_guowuyuan_zuzhifa_article_9_is_about_the_premier_signing():
    reg = load(CORPORA / "guowuyuan_zuzhifa_2024.txt")
    assert reg.meta.title == "中华人民共和国国务院组织法"
    assert "总理签署" in reg.article(9).text


def test_front_matter_is_not_an_article():
    reg = load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt")
    assert "第六次修正" in reg.front_matter
    assert not re.search(r"\d{4}年\d+月\d+日", reg.article(1).text)


@pytest.mark.parametrize("line", ["issued = 2022-03-02T09:00:00", "adopted = 20220228", "issued = 10:00:00",
                                  "issued = 1800-01-01", 'issued = "2022-02-30"'])
def test_a_metadata_date_that_is_no_date_is_refused_in_both_languages(line):
    # red-team pass 3: a TOML date-time became an ill-typed xsd:date, and 20220228 was "should be NoneType"
    import tomllib

    from kg.corpus import meta_from_toml
    from kg.errors import ConfigError
    with pytest.raises(ConfigError, match=r"不是 1949—2100 年间的日期.* is not a date between 1949 and 2100"):
        meta_from_toml({"id": "x", "title": "t", **tomllib.loads(line)})


def test_a_metadata_title_on_two_lines_is_refused():
    # red-team pass 3: a title with a line break split kg structure's first line
    from kg.corpus import meta_from_toml
    from kg.errors import ConfigError
    with pytest.raises(ConfigError, match="title must be on one line"):
        meta_from_toml({"id": "x", "title": "某某办法\n  Violation"})
