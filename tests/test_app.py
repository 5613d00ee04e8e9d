"""The Streamlit pages, driven headlessly with AppTest."""

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT

TIMEOUT = 180


def browse_script():
    from kg.app.views import browse
    browse.render()


@pytest.fixture
def app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


def texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.code]
                     + [i.value for i in at.info] + [c.value for c in at.caption])


def test_ask_page_answers_with_the_post_and_the_provision(app):
    at = app.run()
    assert not at.exception
    at.chat_input[0].set_value("区政府规范性文件由谁签发？").run()
    shown = texts(at)
    assert "**区长**" in shown
    assert "第六十二条第（二）项" in shown
    assert "《威海市环翠区人民政府工作规则》第六十二条第（二）项" in [c.value for c in at.code]
    assert "browse?art=62&par=1&item=2" in shown
    assert any("VALUES (?action)" in c.value for c in at.code)  # the SPARQL behind it


def test_example_question_buttons_ask_them(app):
    at = app.run()
    next(b for b in at.button if b.label == "使用区长印章须经谁同意？").click().run()
    assert "**区长** · 同意" in texts(at)
    assert "**区政府办公室主任** · 同意" in texts(at)


def test_unanswerable_question_shows_a_message_not_a_guess(app):
    at = app.run()
    at.chat_input[0].set_value("区政府的网站由谁维护？").run()
    assert not at.exception
    assert "try:" in at.info[0].value
    assert "**" not in "".join(m.value for m in at.markdown if m.value.startswith("**"))


def test_browse_permalink_opens_the_article():
    at = AppTest.from_function(browse_script, default_timeout=TIMEOUT)
    at.query_params["art"] = "43"
    at.run()
    assert not at.exception
    assert at.header[0].value == "第四十三条"
    assert "出席人数须超过应到人数的二分之一" in texts(at)


def test_browse_unknown_article_is_an_error_message():
    at = AppTest.from_function(browse_script, default_timeout=TIMEOUT)
    at.query_params["art"] = "999"
    at.run()
    assert not at.exception and "没有第999条" in at.error[0].value


def validate_script():
    from kg.app.views import validate
    validate.render()


def test_validate_page_groups_findings_by_article_with_downloads():
    at = AppTest.from_function(validate_script, default_timeout=TIMEOUT).run()
    next(b for b in at.button if "违规" in b.label).click().run()
    assert not at.exception
    assert [m.value for m in at.metric][:2] == ["34", "48"]
    labels = [e.label for e in at.expander]
    assert labels[0].startswith("第四十二条") and any(l.startswith("第六十二条") for l in labels)
    shown = texts(at)
    assert "违反第六十二条第（二）项：规范性文件须由区长签发" in shown
    assert "browse?art=62" in shown


def test_validate_page_conforming_examples_show_success():
    at = AppTest.from_function(validate_script, default_timeout=TIMEOUT).run()
    next(b for b in at.button if "合规" in b.label).click().run()
    assert not at.exception and at.success


def test_uploading_a_bad_file_shows_an_error_not_a_traceback():
    at = AppTest.from_function(validate_script, default_timeout=TIMEOUT).run()
    good = (ROOT / "examples" / "violating" / "seal.csv").read_bytes()
    at.file_uploader[0].set_value([("broken.csv", b"\x00\x01binary\x00", "text/csv"),
                                   ("seal.csv", good, "text/csv")]).run()
    assert not at.exception
    assert "broken.csv" in at.error[0].value and "not a text file" in at.error[0].value
    assert [m.value for m in at.metric][:2] == ["3", "3"]  # the good file is still checked


def page(name: str, **params) -> AppTest:
    at = AppTest.from_string(f"from kg.app.views import {name}\n{name}.render()", default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_search_for_seal_ranks_article_67_first():
    at = page("search")
    at.text_input(key="search_query").set_value("印章").run()
    assert not at.exception
    first = next(m.value for m in at.markdown if m.value.startswith("**["))
    assert first.startswith("**[第六十七条](browse?art=67)**")
    assert "<mark>印章</mark>" in texts(at)


def test_search_snippets_escape_html():
    at = page("search")
    at.text_input(key="search_query").set_value("<b>区长</b>").run()
    shown = texts(at)
    assert "<mark>区长</mark>" in shown and "<b>" not in shown


def test_sparql_example_runs_and_offers_downloads():
    from kg.app.views.sparql import examples
    at = page("sparql")
    at.selectbox[0].set_value(next(k for k in examples() if "规范性文件由谁签发" in k)).run()
    next(b for b in at.button if "运行" in b.label).click().run()
    assert not at.exception and not at.error
    frame = at.dataframe[0].value
    assert list(frame["post"]) == ["区长"] and list(frame["citation"]) == ["第六十二条第（二）项"]
    assert len(at.get("download_button")) == 2


def test_sparql_page_refuses_updates_and_shows_syntax_errors_readably():
    at = page("sparql")
    at.text_area[0].set_value("DROP ALL").run()
    next(b for b in at.button if "运行" in b.label).click().run()
    assert "read-only" in at.error[0].value
    at.text_area[0].set_value("SELECT ?s WHERE { ?s ?p }").run()
    next(b for b in at.button if "运行" in b.label).click().run()
    assert not at.exception and at.error[0].value.startswith("HTTP 400")


def test_graph_page_draws_who_attends_the_executive_meeting():
    at = page("graph")
    assert not at.exception
    dot = at.get("graphviz_chart")[0].proto.spec
    assert '"区长" -> "常务会议" [label="主持"]' in dot
    assert '"区政府办公室副主任" -> "常务会议" [label="列席"]' in dot
    assert '"第一副区长" -> "常务会议" [label="主持", style=dashed]' in dot


def test_browse_shows_the_norms_of_the_article_and_its_print_layout():
    at = page("browse", art="62", item="2")
    shown = texts(at)
    assert "本条规范 / norms (16)" in [s.value for s in at.subheader]
    assert 'id="item-2" style="background:#fff3b0"' in shown
    assert "《威海市环翠区人民政府工作规则》第六十二条" in [c.value for c in at.code]


def test_english_labels_can_be_switched_on(app):
    at = app.run()
    at.toggle[0].set_value(True).run()
    at.chat_input[0].set_value("区政府规范性文件由谁签发？").run()
    assert "**区长 (District Mayor)** · 签发/签署 (signs)" in texts(at)


def test_every_page_has_its_own_url_path():
    """Ask is the default page, served at /; the others at /browse, /search …"""
    from kg.app.main import PAGES

    assert [path for _, _, _, path in PAGES] == ["ask", "browse", "search", "sparql", "validate", "graph"]
    assert [key for key, *_ in PAGES][0] == "ask"
