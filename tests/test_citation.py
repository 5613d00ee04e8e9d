"""One citation rule for every page and export: kg.present.locate / locate_iri."""

import pytest

from kg.model import Metadata
from kg.present import locate, locate_iri, structure_dict
from kg.segment import segment

BASE = "https://regkg.example.org/eli/huancui-gzgz-2022"


@pytest.fixture(scope="module")
def doc(seed):
    return structure_dict(seed)


@pytest.fixture(scope="module")
def with_subitems():
    text = ("第一条 区政府下列事项须经审议：\n（一）预算事项，包括：\n1. 年度预算；\n2. 预算调整。\n"
            "（二）其他事项。\n第二条 本规则自印发之日起施行。")
    return structure_dict(segment(text, Metadata(id="demo", title="示例规则")))


def test_an_item_of_a_one_paragraph_article_is_cited_without_the_paragraph(doc):
    found = locate(doc, 62, item=2)
    assert found.citation == "第六十二条第（二）项"
    assert found.params == {"art": 62, "par": 1, "item": 2}
    assert found.text.startswith("（二）以区政府名义报请")
    assert found.full("威海市环翠区人民政府工作规则") == "《威海市环翠区人民政府工作规则》第六十二条第（二）项"


def test_a_paragraph_of_an_article_with_several_is_cited_by_its_number(doc):
    assert locate(doc, 43, par=2).citation == "第四十三条第二款"
    assert locate(doc, 43).citation == "第四十三条"


def test_a_subitem_is_cited_down_to_the_mu(with_subitems):
    found = locate(with_subitems, 1, item=1, sub=2)
    assert found.citation == "第一条第（一）项第二目"
    assert found.params == {"art": 1, "par": 1, "item": 1, "sub": 2} and found.text == "2.预算调整。"


def test_parameters_that_name_nothing_fall_back_to_what_exists_and_say_so(doc, with_subitems):
    assert locate(doc, 62, par=9).missing == ("par",) and locate(doc, 62, par=9).citation == "第六十二条"
    assert locate(doc, 62, item=9).missing == ("item",)
    assert locate(with_subitems, 1, item=2, sub=1).missing == ("sub",)
    assert locate(doc, 999) is None


def test_iris_are_cited_with_the_same_rule(doc):
    assert locate_iri(doc, f"{BASE}/art_62/par_1/pnt_2").citation == "第六十二条第（二）项"
    assert locate_iri(doc, f"{BASE}/art_53/par_1").citation == "第五十三条"  # a one-款 article
    assert locate_iri(doc, f"{BASE}/art_75/par_1").citation == "第七十五条第一款"


def test_an_iri_of_another_regulation_is_not_cited_from_this_one(doc):
    assert locate_iri(doc, "https://regkg.example.org/eli/other-reg/art_62/par_1/pnt_2") is None
    assert locate_iri(doc, "not an iri") is None
