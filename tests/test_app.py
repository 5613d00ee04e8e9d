"""The Streamlit pages, driven headlessly with AppTest."""

import csv
import io
import json

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT, seen

TIMEOUT = 180
TITLE = "《威海市环翠区人民政府工作规则》"


@pytest.fixture
def app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


def texts(at) -> str:
    return seen("\n".join([m.value for m in at.markdown] + [c.value for c in at.code]
                          + [i.value for i in at.info] + [c.value for c in at.caption]
                          + [w.value for w in at.warning]))


def copied(at) -> list[str]:
    """The citations shown beside a copy button, in page order."""
    return [json.loads(c.proto.json)["text"] for c in at.get("bidi_component")
            if c.proto.component_name == "regkg.copy"]


def page_links(at) -> list[tuple[str, str]]:
    """(label, target) of every link that stays in the tab."""
    return [(p.proto.label, f"{p.proto.page}?{p.proto.query_string}") for p in at.get("page_link")]


def page(name: str, english: bool = False, **params) -> AppTest:
    """One page on its own (links fall back to markdown: there is no page registry)."""
    at = AppTest.from_string(f"from kg.app.views import {name}\n{name}.render()", default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    if english:
        at.session_state["english"] = True
    return at.run()


# ------------------------------------------------------------------ Ask


def test_ask_answers_with_the_post_the_full_citation_and_a_link_to_the_item(app):
    at = app.run()
    assert not at.exception
    at.text_input(key="ask_box").set_value("区政府规范性文件由谁签发？")
    at.button[0].click().run()
    shown = texts(at)
    assert "- **区长** · 签发/签署" in shown
    assert copied(at) == [f"{TITLE}第六十二条第（二）项"]
    assert ("打开原文 / open the provision", "browse?art=62&par=1&item=2") in page_links(at)
    assert not any("VALUES (?action" in c.value for c in at.code)
    at.toggle(key="ask_sparql").set_value(True).run()
    # the SPARQL behind it, bound to the action and narrowed to the one regulation
    assert any("VALUES (?action ?regulation)" in c.value and "/id/action/" in c.value for c in at.code)
    assert at.query_params["q"] == "区政府规范性文件由谁签发？"  # the answer can be shared


def test_ask_groups_the_answers_by_provision_and_quotes_each_provision_once(app):
    app.query_params["q"] = "谁列席区政府常务会议？"
    at = app.run()
    assert copied(at) == [f"{TITLE}第四十三条第一款", f"{TITLE}第四十三条第二款"]
    quotes = [m.value for m in at.markdown if 'class="kg-quote"' in m.value]
    assert len(quotes) == 2
    cards = [m.value for m in at.markdown if m.value.startswith("- **")]
    assert cards[0] == "- **区政府办公室副主任** · 列席"
    second = cards[1].split("\n")
    assert len(second) == 15 and second[0].startswith("- **各镇政府、街道办事处主要负责人** · 列席")
    assert "条件：根据需要" in second[0]  # each post keeps its own condition
    assert "16 个答案，出自 2 处条文" in texts(at)


def test_example_questions_are_one_click_away_and_each_is_answered_from_the_text(app):
    at = app.run()
    offered = list(at.button_group[0].options)
    assert len(offered) == 6 and all("由谁" in q and q.endswith("？") for q in offered)
    at.button_group[0].set_value(offered[0]).run()
    assert at.query_params["q"] == offered[0]
    assert copied(at) and all(c.startswith(TITLE + "第") for c in copied(at))


def test_unanswerable_question_shows_a_message_not_a_guess(app):
    app.query_params["q"] = "区政府的网站由谁维护？"
    at = app.run()
    assert not at.exception
    assert "try:" in seen(at.info[0].value)
    assert copied(at) == [] and not [m for m in at.markdown if m.value.startswith("- **")]


def show_script():
    from kg.app.views.ask import show
    from kg.qa import Answer, Related, Result, Source

    source = Source("https://regkg.example.org/eli/huancui-gzgz-2022/art_43/par_1", "第四十三条第一款", 43,
                    "区政府常务会议……出席人数须超过应到人数的二分之一。", "威海市环翠区人民政府工作规则")
    answer = Answer("超过应到人数的二分之一", "超过应到人数的二分之一", "", "quorum", None, None, None,
                    "obligation", "strict", "出席人数须超过应到人数的二分之一", source,
                    kind="quantity", value=0.5, unit="应到人数")
    related = Related("第四十三条第二款", "https://regkg.example.org/eli/huancui-gzgz-2022/art_43/par_2",
                      "常务会议一般每半个月召开1次，如有需要可临时召开。", 3.2)
    show(Result("常务会议出席人数有什么要求？", "quorum", [answer], related=[related]))


def test_a_quantity_answer_shows_the_phrase_and_related_provisions_are_not_answers():
    at = AppTest.from_function(show_script, default_timeout=TIMEOUT).run()
    assert not at.exception
    shown = texts(at)
    assert "- **超过应到人数的二分之一**（数量 0.5 应到人数）" in shown
    assert "<mark>出席人数须超过应到人数的二分之一</mark>" in shown
    assert copied(at) == [f"{TITLE}第四十三条第一款"]
    assert "相关条文 / related provisions" in [s.value for s in at.subheader]
    assert "[第四十三条第二款 — 常务会议一般每半个月召开1次，如有需要可临时召开。](browse?art=43&par=2)" in shown
    assert "1 个答案，出自 1 处条文" in shown


def test_english_labels_can_be_switched_on(app):
    at = app.run()
    at.toggle[0].set_value(True).run()
    at.text_input(key="ask_box").set_value("区政府规范性文件由谁签发？")
    at.button[0].click().run()
    assert "- **区长 (District Mayor)** · 签发/签署 (signs)" in texts(at)


# ------------------------------------------------------------------ Browse


def test_browse_shows_the_regulation_header_with_its_number_issuer_and_dates():
    at = page("browse", art="43")
    head = next(m.value for m in at.markdown if 'class="kg-head"' in m.value)
    assert "《威海市环翠区人民政府工作规则》" in head and "威环政发〔2022〕4号" in head
    assert "威海市环翠区人民政府" in head and "2022年2月28日" in head and "2022年3月2日" in head


def test_browse_permalink_opens_the_article():
    at = page("browse", art="43")
    assert not at.exception
    assert at.header[0].value == "第四十三条"
    assert "出席人数须超过应到人数的二分之一" in texts(at)
    assert copied(at) == [f"{TITLE}第四十三条"]


def test_an_item_permalink_is_highlighted_and_cited_down_to_the_item():
    at = page("browse", art="62", item="2")
    assert copied(at) == [f"{TITLE}第六十二条第（二）项"]
    assert '<p id="item-1-2" class="kg-item kg-hit">（二）' in texts(at)
    assert texts(at).count("kg-hit") == 1


def test_a_paragraph_permalink_is_highlighted_and_cited_down_to_the_paragraph():
    at = page("browse", art="43", par="2")
    assert copied(at) == [f"{TITLE}第四十三条第二款"]
    assert '<div id="par-2" class="kg-hit">' in texts(at)


def test_a_permalink_to_a_missing_item_shows_the_article_and_says_so():
    at = page("browse", art="62", par="9")
    assert copied(at) == [f"{TITLE}第六十二条"]
    assert "本条没有par" in at.warning[0].value


def test_browse_unknown_article_is_an_error_message():
    at = page("browse", art="999")
    assert not at.exception and "没有第999条" in seen(at.error[0].value)


@pytest.mark.parametrize("art", ["1_0", "٦٢", "+62", " 62"])
def test_an_article_number_in_the_address_is_ascii_digits_only(art):
    # red-team pass 3: int() read art=1_0 as article 10 and Arabic-Indic ٦٢ as 62
    at = page("browse", art=art)
    assert not at.exception
    assert not [h.value for h in at.header if h.value.startswith("第")]


def test_browse_lists_the_norms_of_the_article_with_english_names_when_switched_on():
    at = page("browse", english=True, art="62")
    assert "本条规范 / norms (16)" in [s.value for s in at.subheader]
    assert "- 第六十二条第（二）项 区长 (District Mayor) 签发 〔议案、规范性文件〕" in texts(at)
    assert "Government of Huancui District, Weihai）》" in texts(at)  # the title in English


# ------------------------------------------------------------------ Validate


def violating():
    at = page("validate")
    next(b for b in at.button if "违规" in b.label).click().run()
    return at


def test_notes_on_the_office_examples_name_files_without_server_paths():
    at = page("validate")
    next(b for b in at.button if "办公室台账" in b.label).click().run()
    assert not at.exception
    shown = [seen(i.value) for i in at.info] + [seen(e.value) for e in at.error]
    assert any("logs-2025-09-10.xlsx" in v for v in shown), shown
    from kg.resources import data_dir
    assert not any(str(data_dir("examples")) in v for v in shown), shown


def test_validate_page_groups_findings_by_article_and_links_the_violated_item():
    at = violating()
    assert not at.exception
    assert [m.value for m in at.metric][:2] == ["35", "48"]
    labels = [e.label for e in at.expander]
    assert labels[0].startswith("第四十二条") and any(x.startswith("第六十二条") for x in labels)
    shown = texts(at)
    assert "违反第六十二条第（二）项：规范性文件须由区长签发 ——签发人职务：副区长" in shown
    assert f"[{TITLE}第六十二条第（二）项](browse?art=62&par=1&item=2)" in shown


def test_finding_values_are_written_in_words():
    shown = texts(violating())
    assert "常务会议出席人数须超过应到人数的二分之一 ——实到 5 人 / 应到 12 人（42%）" in shown
    assert "须告知区政府办公室主任 ——告知办公室主任：否" in shown
    assert "报告比开始日期晚 2 天" in shown
    findings = [line for line in shown.splitlines() if line.startswith("- :")]
    assert findings and not [f for f in findings if "〔" in f]


def test_reports_of_the_examples_name_files_without_server_paths():
    from kg.app.common import service
    from kg.app.views.validate import records_by_place, report_csv, report_json, report_rows
    from kg.records import Reader
    from kg.resources import data_dir

    loaded = Reader(service().lexicon).read(sorted((data_dir("examples") / "violating").glob("*.csv")))
    report = service().validator.validate(loaded)
    rows = report_rows(report, records_by_place(loaded))
    doc = json.loads(report_json(report, rows))
    assert doc["files"] == ["leave.csv", "meeting.csv", "seal.csv", "signing.csv"]
    assert {r["file"] for r in doc["results"]} == set(doc["files"])
    assert str(data_dir("examples")) not in report_json(report, rows)
    assert str(data_dir("examples")) not in report_csv(rows).decode("utf-8-sig")
    assert doc["counts"]["Violation"] == 48


def test_csv_report_has_a_bom_and_formula_safe_cells():
    from kg.app.views.validate import excel_safe, report_csv
    rows = [{"severity": "Violation", "citation": f"{TITLE}第六十二条第（二）项", "record": "=cmd|' /C calc'!A0",
             "file": "signing.csv", "row": 5, "message": "违反", "value_words": "签发人职务：副区长",
             "value": "-2"}]
    body = report_csv(rows)
    assert body.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert table[0][0] == "严重程度 severity"
    assert table[1][:3] == ["违规", f"{TITLE}第六十二条第（二）项", "'=cmd|' /C calc'!A0"]
    assert table[1][-1] == "-2" and excel_safe("+1") == "+1" and excel_safe("@SUM(A1)") == "'@SUM(A1)"


def test_json_report_names_files_without_their_folders():
    from kg.app.views.validate import file_name
    at = violating()
    assert "/work/" not in texts(at) and "examples/violating" not in texts(at)
    assert file_name("/srv/data/examples/violating/meeting.csv") == "meeting.csv"


def test_validate_page_conforming_examples_show_success():
    at = page("validate")
    next(b for b in at.button if "合规" in b.label).click().run()
    assert not at.exception and at.success


def test_uploading_a_bad_file_shows_an_error_not_a_traceback():
    at = page("validate")
    good = (ROOT / "examples" / "violating" / "seal.csv").read_bytes()
    at.file_uploader[0].set_value([("broken.csv", b"\x00\x01binary\x00", "text/csv"),
                                   ("seal.csv", good, "text/csv")]).run()
    assert not at.exception
    assert "broken.csv" in seen(at.error[0].value) and "not a text file" in seen(at.error[0].value)
    assert [m.value for m in at.metric][:2] == ["3", "3"]  # the good file is still checked


def test_a_file_error_alone_shows_the_error_and_no_empty_report():
    at = page("validate")
    at.file_uploader[0].set_value([("broken.csv", b"\x00\x01binary\x00", "text/csv")]).run()
    assert "broken.csv" in seen(at.error[0].value)
    assert "没有生成报告" in at.warning[0].value
    assert not at.metric
    assert not [b for b in at.get("download_button") if "报告" in b.label]  # templates stay offered


# ------------------------------------------------------------------ Search


def test_search_for_seal_ranks_article_67_first_without_raw_scores():
    at = page("search", q="印章")
    assert not at.exception
    first = next(m.value for m in at.markdown if m.value.startswith("["))
    assert first == "[第六十七条](browse?art=67)"
    shown = texts(at)
    assert "<mark>印章</mark>" in shown and "BM25" not in shown
    assert "按相关程度排序" in shown


def test_search_snippets_are_whole_sentences():
    at = page("search", q="会议纪要")
    snippets = [m.value for m in at.markdown if 'class="kg-snippet"' in m.value]
    bodies = [s.removeprefix('<div class="kg-snippet">').removesuffix("</div>") for s in snippets]
    assert len(bodies) > 3
    assert all(b.removesuffix("…").endswith(("。", "；", "：")) for b in bodies)


def test_search_snippets_escape_html():
    at = page("search", q="<b>区长</b>")
    shown = "".join(m.value for m in at.markdown if 'class="kg-snippet"' in m.value)
    assert "<mark>区长</mark>" in shown and "<b>" not in shown


def test_search_that_finds_nothing_suggests_words_that_do():
    at = page("search", q="公章")
    assert "没有找到“公章”" in seen(at.info[0].value)
    tries = [b.label for b in at.button if b.key and b.key.startswith("try_")]
    assert "印章" in tries
    next(b for b in at.button if b.label == "印章").click().run()
    assert next(m.value for m in at.markdown if m.value.startswith("[")) == "[第六十七条](browse?art=67)"


# ------------------------------------------------------------------ SPARQL


def test_a_shared_sparql_link_runs_its_query_and_shows_table_json_and_csv():
    from kg.app.views.sparql import examples
    query = next(v for k, v in examples().items() if "规范性文件由谁签发" in k)
    at = page("sparql", query=query)
    assert not at.exception and not at.error
    frame = at.dataframe[0].value
    assert list(frame["post"]) == ["区长"] and list(frame["citation"]) == ["第六十二条第（二）项"]
    assert [t.label for t in at.tabs] == ["表格 / table", "JSON", "CSV"]
    assert any('"post": "区长"' in c.value for c in at.code)
    assert any(c.value.startswith("post,") or ",post" in c.value.split("\n")[0] for c in at.code)
    assert len(at.get("download_button")) == 2


def test_sparql_page_refuses_updates():
    at = page("sparql", query="DROP ALL")
    assert "read-only" in seen(at.error[0].value)


def test_sparql_syntax_errors_point_at_the_line():
    at = page("sparql", query="SELECT ?s WHERE {\n  ?s ?p\n}")
    assert not at.exception
    assert seen(at.error[0].value).startswith("第 3 行第 2 列有语法错误 / syntax error at line 3, column 2")
    assert "   3 | }\n        ^" in [c.value for c in at.code]


def test_the_sparql_page_keeps_at_most_ten_thousand_rows_and_checks_no_huge_query():
    # red-team pass 3: each session kept every row of a 14.9 MB answer (app 329 -> 741 MB for three),
    # and a 250 KB query cost 8 s of the app's own CPU before anything was sent
    at = page("sparql", query="SELECT ?a ?s WHERE { VALUES ?a { 1 2 3 } ?s ?p ?o }")
    assert not at.exception
    names, rows, total = at.session_state["sparql_result"][1]
    assert len(rows) == 10_000 and total > 15_000
    assert any(f"共 {total} 行，显示并可下载前 10000 行" in c.value for c in at.caption)
    huge = "ASK { VALUES ?x { " + "1 " * 60_000 + "} }"
    at = page("sparql", query=huge)
    assert "query too long for this page" in seen(at.error[0].value)


def test_sparql_completions_come_from_the_ontology():
    from kg.app.views.sparql import completions
    values = {c["value"]: c["meta"] for c in completions()}
    assert values["kg:quote"] == "引文" and "PREFIX kg: <https://regkg.example.org/ns/kg#>" in values
    assert "eli:id_local" in values


# ------------------------------------------------------------------ Graph


def test_graph_page_draws_who_attends_the_executive_meeting_around_it():
    at = page("graph")
    assert not at.exception
    spec = json.loads(at.get("echarts_chart")[0].proto.spec)
    series = spec["baseOption"]["series"][0]
    centre = series["data"][0]
    assert centre["name"] == "常务会议" and (centre["x"], centre["y"]) == (0, 0)
    links = {(e["source"], e["target"]): e for e in series["links"]}
    assert links[("区长", "常务会议")]["value"].startswith("主持")
    assert links[("区政府办公室副主任", "常务会议")]["value"].startswith("列席")
    assert links[("第一副区长", "常务会议")]["lineStyle"]["type"] == "dashed"  # only when entrusted
    assert series["roam"] is True and series["selectedMode"] == "single"


def test_graph_centre_comes_from_the_link_and_names_are_english_when_switched_on():
    at = page("graph", english=True, node="区长")
    spec = json.loads(at.get("echarts_chart")[0].proto.spec)
    centre = spec["baseOption"]["series"][0]["data"][0]
    assert centre["name"] == "区长" and centre["value"] == "区长 (District Mayor)"


# ------------------------------------------------------------------ Everywhere


def test_every_page_has_its_own_url_path():
    """Ask is the default page, served at /; the others at /browse, /search …"""
    from kg.app.main import PAGES

    assert [path for _, _, _, path in PAGES] == ["ask", "library", "browse", "search", "sparql", "validate",
                                                 "graph"]
    assert [key for key, *_ in PAGES][0] == "ask"


@pytest.mark.parametrize("name", ["ask", "library", "browse", "search", "sparql", "validate", "graph"])
def test_every_page_shows_the_regulation_header_and_sets_the_language(name):
    at = page(name)
    assert not at.exception
    assert any('class="kg-head"' in m.value and "威环政发〔2022〕4号" in m.value for m in at.markdown)
    meta = [c for c in at.get("bidi_component") if c.proto.component_name == "regkg.meta"]
    assert json.loads(meta[0].proto.json) == {"lang": "zh-CN"}


def test_kg_app_starts_streamlit_with_the_checkouts_settings():
    import tomllib

    from kg.cli import APP_SETTINGS
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    flat = {f"{section}.{key}": str(value).lower() for section, keys in config.items()
            for key, value in keys.items()}
    assert {k: flat.get(k) for k in APP_SETTINGS} == APP_SETTINGS
    assert flat["server.address"] == "127.0.0.1" and flat["runner.postScriptGC"] == "false"


def test_what_the_app_loads_once_is_frozen_out_of_the_cycle_collector(monkeypatch):
    import gc

    from kg.app.service import Service
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    service = Service("")
    service.lexicon  # noqa: B018 - loading a part is what is tested
    service.lexicon  # noqa: B018
    assert frozen == [True]  # once per part, when it is built


def test_data_shown_where_markdown_renders_can_load_no_image_nor_make_a_link():
    # red-team pass 3: a record id ![x](http://203.0.113.7/b.png) made the browser fetch off-host
    at = page("validate")
    log = ("编号,印章,批准人职务,日期\n"
           "![x](http://203.0.113.7/b.png),区长印章,副区长,2026-03-02\n").encode()
    at.file_uploader[0].set_value([("seal.csv", log, "text/csv")]).run()
    assert not at.exception
    shown = [m.value for m in at.markdown if "203" in m.value]
    assert shown and all("![" not in v and "](" not in v and "http:" not in v for v in shown)
    assert any("![x](http://203.0.113.7/b.png)" in seen(v) for v in shown)   # shown as written
