"""The Streamlit pages, driven headlessly with AppTest."""

import pytest
from streamlit.testing.v1 import AppTest

from helpers import ROOT

TIMEOUT = 180


def browse_script():
    from kg.ui import browse_page
    browse_page()


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
    assert any("VALUES (?action ?about)" in c.value for c in at.code)  # the SPARQL behind it


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
    from kg.ui import validate_page
    validate_page()


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
