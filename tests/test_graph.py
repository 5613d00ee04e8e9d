"""The RDF graph: ELI structure, deterministic IRIs, serialisations, structure shapes."""

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.graph import ELI, KG, KGST, node_iri, regulation_iri, structure_triples, write_graph

ROOT = Path(__file__).resolve().parents[1]
STRUCTURE_SHAPES = ROOT / "shapes" / "structure.ttl"
BASE = "https://regkg.example.org"
ART62 = URIRef(f"{BASE}/eli/huancui-gzgz-2022/art_62")
ITEM = URIRef(f"{BASE}/eli/huancui-gzgz-2022/art_62/par_1/pnt_2")


def plain(reg) -> Graph:
    g = Graph()
    for t in structure_triples(reg):
        g.add(t)
    return g


def test_graph_is_backed_by_oxigraph(seed_graph):
    assert type(seed_graph.store).__name__ == "OxigraphStore"


def test_iris_follow_the_eli_path_scheme(seed):
    assert regulation_iri(seed.meta.id) == URIRef(f"{BASE}/eli/huancui-gzgz-2022")
    assert node_iri(seed.meta.id, "art_62/par_1/pnt_2") == ITEM


def test_item_node_carries_number_citation_text_and_eid(seed_graph):
    g = seed_graph
    assert (ITEM, ELI.is_part_of, URIRef(f"{ART62}/par_1")) in g
    assert (URIRef(f"{ART62}/par_1"), ELI.has_part, ITEM) in g
    assert g.value(ITEM, ELI.id_local) == Literal("第六十二条第（二）项", lang="zh")
    assert str(g.value(ITEM, KG.fullCitation)) == "第六十二条第一款第（二）项"
    assert str(g.value(ITEM, KG.eId)) == "art_62__para_1__point_2"
    assert str(g.value(ITEM, ELI.number)) == "2"
    assert g.value(ITEM, KG.ordinal).toPython() == 2
    assert g.value(ITEM, ELI.type_subdivision) == KGST.point
    assert str(g.value(ITEM, KG.text)).endswith("区政府发布的政府规范性文件，由区长签发。")


def test_articles_hang_under_chapters_and_chapters_under_the_regulation(seed_graph, seed):
    g = seed_graph
    reg = regulation_iri(seed.meta.id)
    chp8 = URIRef(f"{reg}/chp_8")
    assert (URIRef(f"{reg}/art_43"), ELI.is_part_of, chp8) in g
    assert (chp8, ELI.is_part_of, reg) in g
    assert (reg, ELI.has_part, chp8) in g
    assert str(g.value(chp8, KG.heading)) == "严格落实会议制度"


def test_article_count_via_eli_is_89(seed_graph):
    rows = list(seed_graph.query(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
        "PREFIX kgst: <https://regkg.example.org/ns/subdivision-type/> "
        "SELECT (COUNT(?a) AS ?n) WHERE { ?a a eli:LegalResourceSubdivision ; "
        "eli:type_subdivision kgst:article }"))
    assert int(rows[0][0]) == 89


def test_regulation_metadata(seed_graph, seed):
    g, reg = seed_graph, regulation_iri(seed.meta.id)
    assert (reg, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ELI.LegalResource) in g
    assert str(g.value(reg, ELI.number)) == "威环政发〔2022〕4号"
    assert str(g.value(reg, ELI.date_document)) == "2022-03-02"
    assert str(g.value(reg, KG.dateAdopted)) == "2022-02-28"
    assert str(g.value(reg, KG.issuer)) == "威海市环翠区人民政府"


def test_two_builds_are_isomorphic_with_the_same_iris(seed):
    a, b = plain(seed), plain(seed)
    assert isomorphic(a, b)
    assert set(a.subjects()) == set(b.subjects())
    assert not any(type(s).__name__ == "BNode" for s in a.subjects())


def test_base_iri_is_configurable(seed):
    g = Graph()
    for t in structure_triples(seed, base="http://example.com/x"):
        g.add(t)
    assert (URIRef("http://example.com/x/eli/huancui-gzgz-2022/art_1"), ELI.type_subdivision,
            KGST.article) in g


def test_built_graph_conforms_to_the_structure_shapes(seed):
    conforms, _, text = validate(plain(seed), shacl_graph=Graph().parse(STRUCTURE_SHAPES),
                                 allow_warnings=True)
    assert conforms, text


@pytest.mark.parametrize("breakage", ["second_parent", "missing_text", "bad_iri"])
def test_structure_shapes_catch_a_broken_graph(seed, breakage):
    g = plain(seed)
    art = URIRef(f"{BASE}/eli/huancui-gzgz-2022/art_5")
    if breakage == "second_parent":
        g.add((art, ELI.is_part_of, URIRef(f"{BASE}/eli/huancui-gzgz-2022/chp_1")))
    elif breakage == "missing_text":
        g.remove((art, KG.text, None))
    else:
        for p, o in list(g.predicate_objects(art)):
            g.add((URIRef(f"{BASE}/eli/huancui-gzgz-2022/article-5"), p, o))
    conforms, _, _ = validate(g, shacl_graph=Graph().parse(STRUCTURE_SHAPES), allow_warnings=True)
    assert not conforms


def test_every_corpus_regulation_conforms(tmp_path):
    from helpers import CORPORA
    from kg.corpus import load
    shapes = Graph().parse(STRUCTURE_SHAPES)
    for path in sorted(CORPORA.glob("*.txt")):
        conforms, _, text = validate(plain(load(path)), shacl_graph=shapes, allow_warnings=True)
        assert conforms, (path.name, text[:400])


def test_serialisations_parse_back_to_the_same_graph(seed_graph, tmp_path):
    paths = write_graph(seed_graph, tmp_path)
    assert [p.name for p in paths] == ["graph.ttl", "graph.nt", "graph.jsonld"]
    formats = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.jsonld": "json-ld"}
    for p in paths:
        assert len(Graph().parse(p, format=formats[p.name])) == len(seed_graph), p.name


def test_graph_conforms_to_the_norm_shapes_every_norm_has_one_source(seed):
    from kg.graph import regulation_triples
    g = Graph()
    for t in regulation_triples(seed):
        g.add(t)
    shapes = Graph().parse(STRUCTURE_SHAPES).parse(ROOT / "shapes" / "norms.ttl")
    conforms, _, text = validate(g, shacl_graph=shapes, allow_warnings=True)
    assert conforms, text
    norm = next(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), KG.Norm))
    g.add((norm, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), URIRef(f"{BASE}/eli/huancui-gzgz-2022/art_1/par_1")))
    assert not validate(g, shacl_graph=shapes, allow_warnings=True)[0]
