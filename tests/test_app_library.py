"""The app over a library of regulations: the library view, each regulation at its own address,
search and questions within one regulation or across all, citations between documents.

The library is corpus/ plus two texts of tests/corpora/ with the metadata in
tests/fixtures/library-app/; the app finds it through $KG_CORPUS_DIR, as a user's own corpus.
"""

import json
import os

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT, library_dir, seen

TIMEOUT = 180
SEED, LAW, SD = "huancui-gzgz-2022", "difang-zuzhifa-2022", "shandong-xiangzhen-2020"
SEED_TITLE = "威海市环翠区人民政府工作规则"
LAW_TITLE = "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法"
SD_TITLE = "山东省乡镇人民政府工作条例"
BASE = "https://regkg.example.org/eli"


@pytest.fixture(scope="module", autouse=True)
def library(tmp_path_factory):
    folder = library_dir(tmp_path_factory.mktemp("library") / "corpus")
    before = os.environ.get("KG_CORPUS_DIR")
    os.environ["KG_CORPUS_DIR"] = str(folder)
    from kg.app.service import service
    svc = service()  # the Service the pages share (same corpus folder, same process)
    assert [e.id for e in svc.library] == [LAW, SEED, SD]  # file name order
    yield svc
    if before is None:
        del os.environ["KG_CORPUS_DIR"]
    else:
        os.environ["KG_CORPUS_DIR"] = before


def texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [i.value for i in at.info]
                     + [c.value for c in at.caption] + [w.value for w in at.warning])


def copied(at) -> list[str]:
    return [json.loads(c.proto.json)["text"] for c in at.get("bidi_component")
            if c.proto.component_name == "regkg.copy"]


def page(name: str, english: bool = False, session: dict | None = None, **params) -> AppTest:
    at = AppTest.from_string(f"from kg.app.views import {name}\n{name}.render()", default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    if english:
        at.session_state["english"] = True
    for k, v in (session or {}).items():
        at.session_state[k] = v
    return at.run()


def head(at) -> str:
    return next(m.value for m in at.markdown if 'class="kg-head"' in m.value)


def links(at) -> list[str]:
    """Markdown links (pages rendered on their own have no page registry)."""
    return [seen(m.value) for m in at.markdown if m.value.startswith("[")]


# ------------------------------------------------------------------ the library view


def test_the_library_lists_every_regulation_with_number_issuer_level_and_year():
    at = page("library")
    assert not at.exception
    assert "3 部规章 / 3 regulation(s)" in texts(at)
    assert links(at) == [f"[《{LAW_TITLE}》](browse?reg={LAW})", f"[《{SD_TITLE}》](browse?reg={SD})",
                         f"[《{SEED_TITLE}》](browse?reg={SEED})"]  # by level (法律, 条例, 规则)
    rows = [seen(m.value) for m in at.markdown if 'class="kg-muted"' in m.value]
    assert rows == [
        '<span class="kg-muted">中华人民共和国主席令第一〇七号 ｜ 全国人民代表大会 ｜ 法律 ｜ 2022</span>',
        '<span class="kg-muted">山东省人民代表大会常务委员会 ｜ 条例 ｜ 2020</span>',
        '<span class="kg-muted">威环政发〔2022〕4号 ｜ 威海市环翠区人民政府 ｜ 规则 ｜ 2022</span>']
    # With no regulation picked, the header speaks of the library.
    assert "共 3 部规章" in head(at)


def test_the_library_filters_by_issuer_level_and_year():
    at = page("library")
    assert at.multiselect(key="lib_issuer").options == ["全国人民代表大会", "威海市环翠区人民政府",
                                                        "山东省人民代表大会常务委员会"]
    assert at.multiselect(key="lib_year").options == ["2022", "2020"]
    at.multiselect(key="lib_year").set_value([2022]).run()
    assert len(links(at)) == 2 and "2 部规章" in texts(at)
    at.multiselect(key="lib_issuer").set_value(["威海市环翠区人民政府"]).run()
    assert links(at) == [f"[《{SEED_TITLE}》](browse?reg={SEED})"]
    at = page("library", session={"lib_level": ["regulations"]})
    assert links(at) == [f"[《{SD_TITLE}》](browse?reg={SD})"]
    at = page("library", session={"lib_level": ["law"], "lib_year": [2020]})
    assert links(at) == [] and "没有符合条件的规章" in seen(at.info[0].value)


def test_the_library_searches_across_every_text_listed():
    at = page("library", session={"lib_query": "主持"})
    found = links(at)
    assert "14 条结果" in texts(at)  # 8 articles of the seed, 6 of the 组织法
    assert found[0] == f"[《{SEED_TITLE}》第五十三条](browse?reg={SEED}&art=53)"
    assert {f.split("》")[0] for f in found} == {f"[《{SEED_TITLE}", f"[《{LAW_TITLE}"}
    # The filters narrow the search too.
    at = page("library", session={"lib_query": "主持", "lib_level": ["law"]})
    assert "6 条结果" in texts(at) and {f.split("》")[0] for f in links(at)} == {f"[《{LAW_TITLE}"}


def test_the_library_names_levels_in_english_when_switched_on():
    at = page("library", english=True)
    rows = [seen(m.value) for m in at.markdown if 'class="kg-muted"' in m.value]
    assert "法律 (Law)" in rows[0] and "规则 (Rules)" in rows[2]
    assert f"[《{SEED_TITLE}（Working Rules of the People's Government of Huancui District, Weihai）》]" \
           f"(browse?reg={SEED})" in links(at)


# ------------------------------------------------------------------ one regulation at its own address


def test_a_regulation_opens_at_its_own_address_with_its_header():
    at = page("browse", reg=SD, art="5")
    assert not at.exception
    assert f"《{SD_TITLE}》" in head(at) and "山东省人民代表大会常务委员会" in head(at)
    assert at.header[0].value == "第五条"
    assert copied(at) == [f"《{SD_TITLE}》第五条"]
    assert at.query_params["reg"] == SD and at.query_params["art"] == "5"
    assert at.session_state["reg"] == SD  # remembered for the other pages


def test_item_permalinks_work_in_any_regulation():
    at = page("browse", reg=LAW, art="50", item="2")
    assert copied(at) == [f"《{LAW_TITLE}》第五十条第一款第（二）项"]
    assert texts(at).count("kg-hit") == 1
    assert dict(at.query_params) == {"reg": LAW, "art": "50", "par": "1", "item": "2"}


def test_the_picked_regulation_is_remembered_and_written_back_to_the_address():
    at = page("search", session={"reg": SD})
    assert f"《{SD_TITLE}》" in head(at)
    assert at.query_params["reg"] == SD


def test_the_contents_of_a_regulation_without_chapters_list_its_articles():
    at = page("browse", reg=SD)
    assert links(at)[0].startswith("[第一条　为了保障和规范乡镇人民政府依法履行职责") \
        and links(at)[0].endswith(f"](browse?reg={SD}&art=1)")


def test_browse_without_a_regulation_offers_the_library():
    at = page("browse")
    assert "选择一部规章 / pick a regulation" in [s.value for s in at.subheader]
    assert f"[《{SD_TITLE}》](browse?reg={SD})" in links(at)


def test_an_unknown_regulation_is_a_bilingual_message():
    at = page("browse", reg="no-such-rules", art="1")
    assert not at.exception
    assert seen(at.error[0].value) == "规章库中没有“no-such-rules” / the library holds no regulation “no-such-rules”"


# ------------------------------------------------------------------ search and ask, within one or across


def test_search_within_one_regulation_or_across_the_library():
    across = links(page("search", q="主持"))
    assert len(across) == 14 and {f.split("》")[0] for f in across} == {f"[《{SEED_TITLE}", f"[《{LAW_TITLE}"}
    within = links(page("search", reg=LAW, q="主持"))
    assert len(within) == 6 and all(f.startswith("[第") and f"reg={LAW}&" in f for f in within)


def test_ask_within_one_regulation_or_across_the_library():
    at = page("ask", q="区政府规范性文件由谁签发？")
    assert "在全部 3 部规章中回答" in texts(at)
    assert copied(at) == [f"《{SEED_TITLE}》第六十二条第（二）项"]
    assert f"[打开原文 / open the provision](browse?reg={SEED}&art=62&par=1&item=2)" in links(at)
    at = page("ask", reg=SD, q="区政府规范性文件由谁签发？")
    assert f"在《{SD_TITLE}》中回答" in texts(at)
    assert copied(at) == []


# ------------------------------------------------------------------ citations between documents


def test_an_article_shows_what_it_cites_in_other_documents_resolved_or_by_title():
    at = page("browse", reg=SEED, art="1")
    shown = texts(at)
    assert "**引用 / cites**" in shown
    assert f"[第一条第一款 → 《{LAW_TITLE}》](browse?reg={LAW})" in links(at)
    assert "- 第一条第一款 → 《中华人民共和国宪法》（未收录 / not in the library）" in shown


def test_an_article_shows_what_cites_it_from_another_regulation():
    # The Shandong 条例 cites the 组织法 as a whole (根据《…组织法》), so the 组织法's own articles
    # are cited by nothing and its contents list the citing provisions.
    at = page("browse", reg=LAW, art="1")
    assert "本条未引用其他条款，也未被引用 / cites nothing and is cited by nothing" in texts(at)
    at = page("browse", reg=SD, art="3")
    assert f"[第三条第二款 → 《{LAW_TITLE}》](browse?reg={LAW})" in links(at)


# ------------------------------------------------------------------ the whole app


def test_the_sidebar_picks_the_regulation_every_page_works_in():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["reg"] = SD
    at.run()
    assert not at.exception
    picker = at.selectbox(key="reg_pick")
    assert picker.value == SD and picker.options[0] == "全部规章 / whole library"
    picker.set_value(LAW).run()
    assert at.session_state["reg"] == LAW and at.query_params["reg"] == LAW
    assert f"《{LAW_TITLE}》" in head(at)
    at.selectbox(key="reg_pick").set_value("").run()
    assert "reg" not in at.query_params and "共 3 部规章" in head(at)


def test_references_within_one_regulation_link_to_the_article_both_ways():
    at = page("browse", reg=LAW, art="29")
    assert f"[第二十九条第三款 → 第二十七条第一款](browse?reg={LAW}&art=27&par=1)" in links(at)
    at = page("browse", reg=LAW, art="27")
    assert f"[第二十九条第三款 → 第二十七条第一款](browse?reg={LAW}&art=29&par=3)" in links(at)
    assert "**被引用 / cited by**" in texts(at) and "**引用 / cites**" not in texts(at)


def test_validation_findings_cite_and_link_the_regulation_whose_rule_they_break():
    """The checks encode the seed's rules: in a library their findings still cite the seed."""
    at = page("validate", session={"reg": SD})
    next(b for b in at.button if "违规" in b.label).click().run()
    assert not at.exception
    assert f"[《{SEED_TITLE}》第六十二条第（二）项](browse?reg={SEED}&art=62&par=1&item=2)" in links(at)


def test_a_regulations_contents_show_which_documents_cite_it():
    at = page("browse", reg=LAW)
    assert "被引用 / cited by" in [s.value for s in at.subheader]
    assert [f for f in links(at) if "→" in f] == [
        f"[《{SEED_TITLE}》第一条第一款 → 全文 / the whole text](browse?reg={SEED}&art=1&par=1)",
        f"[《{SD_TITLE}》第一条第一款 → 全文 / the whole text](browse?reg={SD}&art=1&par=1)",
        f"[《{SD_TITLE}》第三条第二款 → 全文 / the whole text](browse?reg={SD}&art=3&par=2)"]


def test_a_long_library_is_drawn_a_page_at_a_time():
    at = page("library", session={"lib_limit": 2})
    assert len(links(at)) == 2 and "3 部规章" in texts(at)
    at.button(key="lib_more").click().run()
    assert len(links(at)) == 3 and not [b for b in at.button if b.key == "lib_more"]
