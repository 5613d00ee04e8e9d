"""Cross-references inside a regulation become eli:cites."""

from rdflib import Graph, URIRef

from helpers import CORPORA
from kg.corpus import load
from kg.graph import ELI, regulation_triples
from kg.refs import references


def test_explicit_paragraph_and_previous_paragraph_references():
    refs = {(r.source, r.target, r.text) for r in references(load(CORPORA / "zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt"))}
    assert ("art_3/par_2", "art_3/par_1", "本条第一款") in refs
    assert ("art_37/par_1", "art_35", "本条例第三十五条") in refs


def test_law_references_with_paragraphs_and_items():
    refs = {(r.source, r.target) for r in references(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt"))}
    assert ("art_29/par_3", "art_27/par_1") in refs


def test_references_become_eli_cites_in_the_graph():
    reg = load(CORPORA / "xingzheng_fagui_zhiding_chengxu_tiaoli_2017.txt")
    g = Graph()
    for t in regulation_triples(reg, with_norms=False):
        g.add(t)
    base = "https://regkg.example.org/eli/xingzheng-fagui-zhiding-chengxu-tiaoli-2017"
    assert (URIRef(f"{base}/art_12/par_1"), ELI.cites, URIRef(f"{base}/art_3")) in g


def test_the_seed_cites_nothing_internally(seed):
    assert references(seed) == []


def test_a_list_of_articles_or_paragraphs_cites_each():
    # 法规规章备案条例第十七条: 本条例第十四条、第十五条、第十六条规定的通知; 第七条: 本条例第二条和第六条第二款、第三款
    refs = {(r.source, r.target) for r in references(load(CORPORA / "fagui_guizhang_beian_tiaoli_2001.txt"))}
    assert {("art_17/par_1", f"art_{n}") for n in (14, 15, 16)} <= refs
    assert {("art_7/par_1", "art_2"), ("art_7/par_1", "art_6/par_2"), ("art_7/par_1", "art_6/par_3")} <= refs
    # (每季度、每月: a list of words that are no provision cites nothing more)
    assert ("art_17/par_1", "art_17") not in refs
