"""The ontology reference page and the example queries the README shows."""



from helpers import ROOT
from kg.docs import reference
from kg.store import EmbeddedStore

EXAMPLES = sorted((ROOT / "queries" / "examples").glob("*.rq"))


def test_ontology_reference_page_is_up_to_date(seed_graph):
    committed = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert reference(seed_graph) == committed, "run `kg docs` and commit docs/ontology.md"


def test_reference_lists_classes_properties_and_labels(seed_graph):
    page = reference(seed_graph)
    assert "| `kg:Norm` | 规范 | norm |" in page
    assert "| `kg:bearer` | 责任主体 | bearer |" in page
    assert "| `district-mayor` | 区长 | District Mayor |" in page
    assert "kg:fullCitation \"第六十二条第一款第（二）项\"" in page


def run(seed_graph, name):
    path = next(p for p in EXAMPLES if p.stem.endswith(name))
    return EmbeddedStore(seed_graph).select(path.read_text(encoding="utf-8"))


def test_there_are_five_examples_each_titled_in_both_languages():
    assert len(EXAMPLES) == 5
    for p in EXAMPLES:
        assert " / " in p.read_text(encoding="utf-8").splitlines()[0]


def test_example_articles_of_a_chapter(seed_graph):
    rows = run(seed_graph, "articles_of_a_chapter")
    assert [r["citation"] for r in rows][:2] == ["第四十一条", "第四十二条"] and len(rows) == 15


def test_example_who_signs_a_category(seed_graph):
    assert [(r["post"], r["citation"]) for r in run(seed_graph, "who_signs_a_category")] == [
        ("区长", "第六十二条第（二）项")]


def test_example_who_attends_a_meeting(seed_graph):
    rows = run(seed_graph, "who_attends_a_meeting")
    members = sorted(r["post"] for r in rows if r["relation"] == "member_of")
    assert members == ["其他党组成员", "副区长", "区长"]
    assert ("区政府办公室副主任", None) in {(r["post"], r["condition"]) for r in rows
                                              if r["relation"] == "attends_nonvoting"}
    assert len(rows) == 19


def test_example_norms_of_an_article(seed_graph):
    rows = run(seed_graph, "norms_of_an_article")
    assert rows[0]["citation"] == "第六十二条第（一）项"
    assert ("第一副区长", "区长") in {(r["post"], r["delegatedBy"]) for r in rows}
    assert {r["citation"] for r in rows} == {f"第六十二条第（{n}）项" for n in "一二三四五六七"}


def test_example_full_text_of_a_paragraph(seed_graph):
    [row] = run(seed_graph, "full_text_of_a_paragraph")
    assert row["citation"] == "第十九条第二款" and row["eId"] == "art_19__para_2"
    assert row["text"].startswith("制定政府规范性文件，要坚持从实际出发")
