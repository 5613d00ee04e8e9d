"""A library build: folders of texts into one graph, in worker processes, incrementally, with
citations between the documents resolved by title (tests/fixtures/library)."""

from __future__ import annotations

import io
import json
import shutil
from collections import Counter

import pytest
from rdflib import URIRef

from helpers import FIXTURES, ROOT, kg
from kg.citations import Library, Mention
from kg.library import Progress, text_id

LIBRARY = FIXTURES / "library"
BASE = "https://regkg.example.org/eli/"
BING = "doc-7a16707385"   # 乙市丙规定.txt has no .toml: its id comes from its file name


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    out = tmp_path_factory.mktemp("library")
    ran = kg("build", LIBRARY, "--out", out)
    return out, ran


@pytest.fixture(scope="module")
def store(library):
    from kg.store import open_store
    return open_store(None, library[0] / "graph.nt", None, None)


def citations(store, target: str) -> list[tuple]:
    from kg.query import run
    return [(r["direction"], r["fromTitle"], r["fromCitation"], r["toTitle"], r["toCitation"],
             r["citedTitle"]) for r in run(store, "citations", target=URIRef(BASE + target))]


def test_a_folder_builds_every_text_and_a_refused_one_does_not_stop_the_build(library):
    out, ran = library
    assert ran.returncode == 1   # some text refused; the graph holds the others
    assert "构建 / built 2 · 复用 / reused 0 · 拒绝 / refused 1" in ran.stderr
    assert "other/notice.txt: 未找到任何条文" in ran.stderr and "no articles found" in ran.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [r["file"] for r in report["refused"]] == ["other/notice.txt"]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "build.json", "graph.jsonld", "graph.nt", "graph.ttl", "report.json"]


def test_every_serialisation_holds_the_same_triples_as_build_json_counts(library):
    import pyoxigraph as ox

    out, _ = library
    expected = json.loads((out / "build.json").read_text())["triples"]
    for name, fmt in (("graph.nt", ox.RdfFormat.N_TRIPLES), ("graph.ttl", ox.RdfFormat.TURTLE),
                      ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        st = ox.Store()
        st.load(path=str(out / name), format=fmt)
        assert len(st) == expected, name


def test_a_text_without_metadata_gets_id_from_its_file_name_and_title_from_its_first_line(library, store):
    out, _ = library
    assert text_id("乙市丙规定.txt") == BING
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["inferred"] == [{"file": "local/乙市丙规定.txt", "id": BING, "title": "乙市丙规定",
                                   "fields": ["id", "title"]}]
    rows = store.select("PREFIX kg: <https://regkg.example.org/ns/kg#> "
                        "SELECT ?f ?src WHERE { ?r kg:inferredMetadata ?f ; kg:sourceFile ?src } ORDER BY ?f")
    assert [(str(r["f"]), str(r["src"])) for r in rows] == [("id", "local/乙市丙规定.txt"),
                                                           ("title", "local/乙市丙规定.txt")]


def test_citations_by_title_resolve_both_ways_and_an_unknown_title_is_kept_as_written(store):
    assert citations(store, BING) == [
        ("cited_by", "中华人民共和国地方甲乙组织法", "第三条第一款", "乙市丙规定", "第一条", None),
        # 《中华人民共和国地方甲乙组织法》: the document itself
        ("cites", "乙市丙规定", "第一条第一款", None, None, "丁市戊条例"),
        ("cites", "乙市丙规定", "第一条第一款", "中华人民共和国地方甲乙组织法", None, None),
        # 《地方组织法》第三条: first and last words of the title, without 中华人民共和国
        ("cites", "乙市丙规定", "第三条第一款", "中华人民共和国地方甲乙组织法", "第三条", None),
        # 组织法第二条第二款: the short title the text declared (以下简称组织法)
        ("cites", "乙市丙规定", "第二条第一款", "中华人民共和国地方甲乙组织法", "第二条第二款", None),
    ]


def test_cited_by_of_one_provision_lists_only_what_cites_it(store):
    assert citations(store, "jia-fa/art_2") == [
        ("cited_by", "乙市丙规定", "第二条第一款", "中华人民共和国地方甲乙组织法", "第二条第二款", None)]


def test_the_citation_triples_use_eli_cites_and_kg_cites_title(store):
    from kg.ns import ELI, KG
    rows = store.select(f"SELECT ?o WHERE {{ <{BASE}{BING}/art_1/par_1> <{ELI.cites}> ?o }}")
    assert [str(r["o"]) for r in rows] == [BASE + "jia-fa"]
    rows = store.select(f"SELECT ?t WHERE {{ <{BASE}{BING}/art_1/par_1> <{KG.citesTitle}> ?t }}")
    assert [r["t"] for r in rows] == ["丁市戊条例"]


def test_a_short_title_matching_several_documents_is_not_guessed():
    lib = Library([("a", "中华人民共和国国务院组织法", frozenset()),
                   ("b", "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法", frozenset({"art_2"}))])
    assert lib.resolve(Mention("art_1/par_1", "组织法")) is None
    assert lib.resolve(Mention("art_1/par_1", "国务院组织法")) == ("a", "")
    assert lib.resolve(Mention("art_1/par_1", "地方组织法", article="art_2")) == ("b", "art_2")
    assert lib.resolve(Mention("art_1/par_1", "地方组织法", article="art_9")) == ("b", "")


def test_a_rebuild_reuses_unchanged_texts_and_rebuilds_only_the_touched_one(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(LIBRARY, corpus)
    out = tmp_path / "out"
    assert kg("build", corpus, "--out", out, "-j", "2").returncode == 1
    first = (out / "build.json").read_text()
    again = kg("build", corpus, "--out", out)
    assert "构建 / built 0 · 复用 / reused 2 · 拒绝 / refused 1" in again.stderr
    assert (out / "build.json").read_text() == first   # same bytes, same checksums
    with open(corpus / "national" / "jia-fa.txt", "a", encoding="utf-8") as fh:
        fh.write("\n第四条 本法自公布之日起施行。\n")
    touched = kg("build", corpus, "--out", out)
    assert "构建 / built 1 · 复用 / reused 1 · 拒绝 / refused 1" in touched.stderr
    assert f"{BASE}jia-fa/art_4>" in (out / "graph.nt").read_text(encoding="utf-8")
    # the cache keeps only what the last build used: 2 texts x 4 files + 1 refusal
    assert len([p for p in (out / ".cache").iterdir() if not p.name.startswith(".")]) == 9


def test_a_changed_metadata_file_rebuilds_its_text(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(LIBRARY / "national", corpus)
    out = tmp_path / "out"
    assert kg("build", corpus, "--out", out).returncode == 0
    toml = corpus / "jia-fa.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("全国人民代表大会", "某某委员会"), encoding="utf-8")
    ran = kg("build", corpus, "--out", out)
    assert ran.returncode == 0 and "构建 / built 1 · 复用 / reused 0" in ran.stderr
    assert "某某委员会" in (out / "graph.nt").read_text(encoding="utf-8")


def test_two_texts_with_one_id_keep_the_first_and_refuse_the_second(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(LIBRARY / "national" / "jia-fa.txt", tmp_path / folder / "jia-fa.txt")
        shutil.copy(LIBRARY / "national" / "jia-fa.toml", tmp_path / folder / "jia-fa.toml")
    ran = kg("build", tmp_path / "a", tmp_path / "b", "--out", tmp_path / "out")
    assert ran.returncode == 1
    assert "the id jia-fa is already used by jia-fa.txt" in ran.stderr


def test_two_files_with_one_name_in_different_folders_get_different_ids(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        shutil.copy(LIBRARY / "local" / "乙市丙规定.txt", tmp_path / folder / "乙市丙规定.txt")
    ran = kg("build", tmp_path, "--out", tmp_path / "out")
    assert ran.returncode == 0, ran.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    ids = [r["id"] for r in report["inferred"]]
    assert ids == [text_id("乙市丙规定.txt", "x/乙市丙规定.txt"), text_id("乙市丙规定.txt", "y/乙市丙规定.txt")]
    assert len(set(ids)) == 2


def test_the_library_build_gives_the_graph_of_the_in_process_pipeline(tmp_path):
    """kg build corpus/ (workers, cache, streamed files) = build_graph of the same texts,
    plus each regulation's source file."""
    import pyoxigraph as ox

    from kg.corpus import load_corpus
    from kg.graph import build_graph

    assert kg("build", ROOT / "corpus", "--out", tmp_path).returncode == 0
    built = ox.Store()
    built.load(path=str(tmp_path / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    reference = build_graph(load_corpus()).store._inner  # type: ignore[attr-defined]
    got = {str(q) for q in built}
    want = {str(q) for q in reference.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert want <= got
    assert [q.split(" ", 2)[1] for q in got - want] == ["<https://regkg.example.org/ns/kg#sourceFile>"]


def test_a_missing_folder_is_a_bilingual_error(tmp_path):
    ran = kg("build", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert ran.returncode == 2 and "找不到" in ran.stderr and "no such file or folder" in ran.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    ran = kg("build", empty, "--out", tmp_path / "out")
    assert ran.returncode == 2 and "no .txt regulation texts" in ran.stderr


def test_build_help_states_the_exit_codes():
    ran = kg("build", "--help")
    assert "1 some texts refused" in ran.stdout and "0 every text built" in ran.stdout


def test_the_progress_bar_is_drawn_on_a_terminal_only():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Terminal(), io.StringIO()
    for stream in (tty, pipe):
        bar = Progress(2, stream)
        bar.step(Counter(built=1))
        bar.step(Counter(built=1, reused=1))
        bar.close()
    assert pipe.getvalue() == ""
    assert tty.getvalue().endswith("\r[" + "#" * 30 + "] 2/2 构建 built 1 复用 reused 1 拒绝 refused 0\n")


# ------------------------------------------------------------------ asking and searching a library

@pytest.fixture(scope="module")
def seed_and_library(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-and-library")
    kg("build", ROOT / "corpus", LIBRARY, "--out", out)
    return out


def test_ask_within_one_regulation_answers_only_from_it(seed_and_library):
    question = "区政府规范性文件由谁签发？"
    whole = json.loads(kg("ask", "--json", "--graph-dir", seed_and_library, question).stdout)
    assert [a["label"] for a in whole["answers"]] == ["区长"]
    one = json.loads(kg("ask", "--json", "--graph-dir", seed_and_library, "--regulation",
                        "huancui-gzgz-2022", question).stdout)
    assert [(a["label"], a["source"]["citation"]) for a in one["answers"]] == [("区长", "第六十二条第（二）项")]
    other = json.loads(kg("ask", "--json", "--graph-dir", seed_and_library, "--regulation", "jia-fa",
                          question).stdout)
    assert other["answers"] == []


def test_ask_names_an_unknown_regulation(seed_and_library):
    ran = kg("ask", "--graph-dir", seed_and_library, "--regulation", "nope", "谁主持？")
    assert ran.returncode == 2 and "no regulation nope" in ran.stderr


def test_search_across_the_library_and_within_one_regulation(seed_and_library):
    across = json.loads(kg("search", "--json", "--graph-dir", seed_and_library, "主任").stdout)
    assert {r["regulation"] for r in across["results"]} >= {"jia-fa", BING}
    within = json.loads(kg("search", "--json", "--graph-dir", seed_and_library, "--regulation", "jia-fa",
                           "主任").stdout)
    assert [(r["citation"], r["title"]) for r in within["results"]] == [
        ("第二条", "中华人民共和国地方甲乙组织法")]
    jump = json.loads(kg("search", "--json", "--graph-dir", seed_and_library, "--regulation", BING,
                         "第二条").stdout)
    assert [(r["citation"], r["regulation"]) for r in jump["results"]] == [("第二条", BING)]


def test_a_misspelt_key_in_a_metadata_file_refuses_that_text_naming_the_file_and_line(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(LIBRARY / "national" / "jia-fa.txt", tmp_path / "in" / "jia-fa.txt")
    (tmp_path / "in" / "jia-fa.toml").write_text(
        'id = "jia-fa"\ntitle = "中华人民共和国地方甲乙组织法"\nisued = "2022-03-11"\n', encoding="utf-8")
    ran = kg("build", tmp_path / "in", "--out", tmp_path / "out")
    assert ran.returncode == 1
    assert "jia-fa.toml:3: 未知的键 isued" in ran.stderr
    assert "Traceback" not in ran.stderr
