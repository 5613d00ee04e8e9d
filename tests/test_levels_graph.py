"""编, 分编 and 一、 headings in the graph and in the structure JSON, and warnings carried along."""

import json

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from helpers import CORPORA, FIXTURES, ROOT, kg
from kg.corpus import load
from kg.graph import ELI, KG, KGST, build_graph, regulation_iri, structure_triples
from kg.present import outline_text, structure_dict, structure_from_rows
from kg.query import run
from kg.store import EmbeddedStore

SHAPES = Graph().parse(ROOT / "shapes" / "structure.ttl")


@pytest.fixture(scope="module")
def books():
    return load(FIXTURES / "books_and_parts.txt")


def plain(reg) -> Graph:
    g = Graph()
    for t in structure_triples(reg):
        g.add(t)
    return g


def test_chapters_hang_under_their_part_and_book(books):
    g = plain(books)
    root = regulation_iri("books-and-parts")
    book, part, chapter = (URIRef(f"{root}/{p}") for p in ("book_2", "book_2/part_2", "book_2/part_2/chp_3"))
    assert (book, ELI.type_subdivision, KGST.book) in g and (book, ELI.is_part_of, root) in g
    assert (part, ELI.type_subdivision, KGST.part) in g and (part, ELI.is_part_of, book) in g
    assert (chapter, ELI.is_part_of, part) in g
    assert (URIRef(f"{root}/art_6"), ELI.is_part_of, chapter) in g
    assert g.value(book, ELI.id_local) == Literal("第二编 分则", lang="zh")
    assert g.value(book, KG.marker) == Literal("第二编", lang="zh")
    assert (URIRef(f"{root}/art_7"), ELI.is_part_of, URIRef(f"{root}/dvs_1")) in g
    assert (URIRef(f"{root}/dvs_1"), ELI.type_subdivision, KGST.division) in g


def test_warnings_are_stored_on_the_regulation(books):
    g = plain(books)
    assert [str(o) for o in g.objects(regulation_iri("books-and-parts"), KG.parseWarning)] == \
        list(books.warnings)


@pytest.mark.parametrize("path", [FIXTURES / "books_and_parts.txt", FIXTURES / "division_headings.txt",
                                  FIXTURES / "unlabelled_headings.txt",
                                  CORPORA / "lawref-hard" / "T5_刑法.txt"], ids=lambda p: p.stem[:12])
def test_graphs_with_the_new_levels_conform_to_the_structure_shapes(path):
    conforms, _, text = validate(plain(load(path)), shacl_graph=SHAPES, allow_warnings=True)
    assert conforms, text[:600]


def test_a_chapter_path_outside_the_scheme_breaks_the_shapes(books):
    g = plain(books)
    bad = URIRef(f"{regulation_iri('books-and-parts')}/chp_2/book_1")
    for p, o in list(g.predicate_objects(URIRef(f"{regulation_iri('books-and-parts')}/book_1"))):
        g.add((bad, p, o))
    conforms, _, _ = validate(g, shacl_graph=SHAPES, allow_warnings=True)
    assert not conforms


def test_structure_json_adds_the_new_levels_without_renaming_anything(books):
    doc = structure_dict(books)
    assert list(doc)[:5] == ["id", "title", "scheme", "chapters", "articles_outside_chapters"]
    chapter = doc["chapters"][4]
    assert (chapter["number"], chapter["title"], chapter["label"], chapter["path"], chapter["parent"]) == \
        (3, "租赁规则", "第三章", "book_2/part_2/chp_3", "book_2/part_2")
    assert [a["number"] for a in chapter["articles"]] == [6]
    assert [(d["level"], d["number"], d["path"], d["parent"]) for d in doc["divisions"]] == [
        ("book", 1, "book_1", ""), ("book", 2, "book_2", ""), ("part", 1, "book_2/part_1", "book_2"),
        ("part", 2, "book_2/part_2", "book_2"), ("division", 1, "dvs_1", "")]
    assert [(a["number"], a["parent"]) for a in doc["articles_outside_chapters"]] == [(7, "dvs_1")]
    assert doc["sections_outside_chapters"] == []
    assert doc["warnings"] == list(books.warnings)


@pytest.mark.parametrize("path", [FIXTURES / "books_and_parts.txt", FIXTURES / "division_headings.txt",
                                  FIXTURES / "unlabelled_headings.txt", FIXTURES / "label_slips.txt",
                                  CORPORA / "lawref-hard" / "T7_民事诉讼法_2021-12-24_.txt"],
                         ids=lambda p: p.stem[:12])
def test_the_tree_read_back_from_a_store_equals_the_parsed_one(path):
    reg = load(path)
    store = EmbeddedStore(build_graph([reg], with_norms=False))
    meta = next(r for r in run(store, "regulations") if r["id"] == reg.meta.id)
    rid = Literal(reg.meta.id)
    remote = structure_from_rows(meta, run(store, "structure", id=rid),
                                 [r["warning"] for r in run(store, "warnings", id=rid)])
    assert remote == structure_dict(reg)


def test_sections_with_no_chapter_above_them_are_listed_with_their_articles():
    from kg.model import Metadata
    from kg.segment import segment
    reg = segment("第一条 甲。\n第二节 乙\n第二条 乙。\n第三节 丙\n第三条 丙。", Metadata(id="t", title="t"))
    doc = structure_dict(reg)
    assert [(s["number"], s["path"], s["parent"]) for s in doc["sections_outside_chapters"]] == [
        (2, "sec_2", ""), (3, "sec_3", "")]
    assert [(a["number"], a["parent"]) for a in doc["articles_outside_chapters"]] == [
        (1, ""), (2, "sec_2"), (3, "sec_3")]


def test_outline_shows_books_and_parts(books):
    lines = outline_text(books).splitlines()
    assert lines[1:3] == ["  第一编 总则", "    第一章 基本规定"]
    assert "    第二分编 典型规则" in lines and "      第三章 租赁规则" in lines


def test_kg_structure_prints_warnings_on_stderr_and_in_json():
    out = kg("structure", FIXTURES / "label_slips.txt", cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "警告 / warning: 条文编号跳号：第七条 → 第九条 / article numbers jump: 7 → 9" in out.stderr
    assert "第九条" in out.stdout
    out = kg("structure", "--json", FIXTURES / "label_slips.txt", cwd=ROOT)
    assert len(json.loads(out.stdout)["warnings"]) == 3
