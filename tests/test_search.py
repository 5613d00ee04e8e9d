"""Full-text search and the go-to-article box: ranking, jumps, and bounded work on hostile input."""

import pytest

from helpers import kg
from kg.errors import InputError
from kg.search import MAX_QUERY, Index, jump


@pytest.fixture(scope="module")
def index(seed):
    return Index(seed.articles())


@pytest.mark.parametrize("query, number", [("第62条", 62), ("六十二", 62), (" 62 ", 62), ("第 六十二 条", 62),
                                           ("第一百条", 100), ("印章", None), ("第62条之", None)])
def test_jump_reads_article_numbers_only(query, number):
    assert jump(query) == number


def test_jump_on_a_huge_run_of_spaces_is_immediate_and_finds_nothing():
    # Before: 50,000 spaces + "x" backtracked for 34 s while holding the GIL (every app user froze).
    assert jump(" " * 50_000 + "x") is None
    assert jump("第" + " " * 50_000 + "62条") is None


def test_an_overlong_search_query_is_a_clear_error(index):
    with pytest.raises(InputError, match="too long"):
        index.search(" " * 40_000 + "x")
    assert index.search("印章" * (MAX_QUERY // 2))[0].citation == "第六十七条"  # the limit itself is fine
    out = kg("search", " " * 40_000 + "x")
    assert out.returncode == 2 and "检索词过长" in out.stderr and "too long" in out.stderr


def test_seal_search_ranks_article_67_first(index):
    assert index.search("印章")[0].citation == "第六十七条"
