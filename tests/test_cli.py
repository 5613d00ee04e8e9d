"""The `kg` console script, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

from helpers import FIXTURES, ROOT

KG = [str(Path(sys.executable).with_name("kg"))]


def run(*args, cwd=ROOT):
    return subprocess.run(KG + list(args), cwd=cwd, capture_output=True, text=True, timeout=120)


def test_structure_json_contract_on_the_seed():
    out = run("structure", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["id"], doc["title"]) == ("huancui-gzgz-2022", "威海市环翠区人民政府工作规则")
    assert len(doc["chapters"]) == 12 and doc["articles_outside_chapters"] == []
    chapter = doc["chapters"][8]
    assert (chapter["number"], chapter["title"], chapter["sections"]) == (9, "规范公文处理", [])
    art = next(a for c in doc["chapters"] for a in c["articles"] if a["number"] == 62)
    assert art["citation"] == "第六十二条"
    item = art["paragraphs"][0]["items"][1]
    assert item["number"] == 2 and isinstance(item["number"], int)
    assert item["text"].endswith("由区长签发。") and item["subitems"] == []
    assert sum(len(c["articles"]) for c in doc["chapters"]) == 89


def test_structure_of_a_named_text_with_sections():
    out = run("structure", "--json", str(ROOT / "tests/corpora/zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt"))
    doc = json.loads(out.stdout)
    assert doc["chapters"][1]["sections"][0]["title"] == "决策启动"
    assert doc["chapters"][1]["sections"][0]["articles"][0]["number"] == 10


def test_show_prints_the_article_with_its_citation():
    out = run("show", "62")
    assert out.returncode == 0
    assert out.stdout.startswith("《威海市环翠区人民政府工作规则》第六十二条")
    assert "（二）以区政府名义报请区人民代表大会及其常务委员会审议的议案" in out.stdout
    assert run("show", "第六十二条").stdout == out.stdout == run("show", "六十二").stdout


def test_show_of_a_missing_article_is_a_clear_error():
    out = run("show", "999")
    assert out.returncode == 2
    assert "没有第999条" in out.stderr and "no article 999" in out.stderr
    assert "Traceback" not in out.stderr


def test_build_writes_three_serialisations(tmp_path):
    out = run("build", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.jsonld", "graph.nt", "graph.ttl"]


def test_build_from_named_texts_infers_metadata(tmp_path):
    out = run("build", str(FIXTURES / "with_toc.txt"), "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "/eli/with-toc/art_4>" in (tmp_path / "graph.nt").read_text(encoding="utf-8")


def test_unreadable_input_exits_2_without_traceback(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "missing.txt"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("第一条 ".encode("gbk"))
    for path, message in [(binary, "not a text file"), (missing, "cannot read"),
                          (latin, "not UTF-8")]:
        out = run("structure", str(path))
        assert out.returncode == 2, path
        assert message in out.stderr and "Traceback" not in out.stderr


def test_search_json_ranks_article_67_first_for_seal():
    out = run("search", "--json", "印章")
    doc = json.loads(out.stdout)
    assert doc["results"][0]["citation"] == "第六十七条" and doc["jump"] is None
    assert "<mark>印章</mark>" in doc["results"][0]["snippet"]


def test_search_jumps_to_an_article():
    for query in ["第62条", "六十二", "62"]:
        doc = json.loads(run("search", "--json", query).stdout)
        assert doc["jump"] == 62 and doc["results"][0]["citation"] == "第六十二条"
