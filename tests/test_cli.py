"""The `kg` command line: in process (the same main() the console script calls), plus one
smoke test per command through the installed console script."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, kg
from kg.endpoint import free_port

KG = [str(Path(sys.executable).with_name("kg"))]


def run(*args, cwd=ROOT):
    return kg(*args, cwd=cwd)


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
    visible = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert visible == ["build.json", "graph.jsonld", "graph.nt", "graph.ttl", "report.json"]


def test_build_from_named_texts_infers_metadata(tmp_path):
    out = run("build", str(FIXTURES / "with_toc.txt"), "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "/eli/with-toc/art_4>" in (tmp_path / "graph.nt").read_text(encoding="utf-8")


@pytest.mark.parametrize("toml, where, message", [
    ('id = "demo"\ntitle = "示例规则"\nisued = 2022-03-02\n', "demo.toml:3", "unknown key 'isued'"),
    ('id = "demo"\ntitle = "示例规则"\nissued = "2022-13-40"\n', "demo.toml", "issued is not a date"),
    ('id = "demo"\ntitle = 3\n', "demo.toml:2", "key 'title' should be text"),
    ('id = "demo"\n', "demo.toml", "missing key 'title'"),
    ('id = "../../etc/evil"\ntitle = "示例规则"\n', "demo.toml", "id may hold letters, digits and - _ . only"),
    ('id = "x#frag?q=1"\ntitle = "示例规则"\n', "demo.toml", "id may hold letters, digits and - _ . only"),
    ('id = "demo"\ntitle = "示例\n', "demo.toml", "TOML syntax error"),
])
def test_metadata_is_read_strictly_and_errors_name_the_file_and_line(tmp_path, toml, where, message):
    (tmp_path / "demo.txt").write_text("第一条 总则。\n第二条 附则。\n", encoding="utf-8")
    (tmp_path / "demo.toml").write_text(toml, encoding="utf-8")
    out = run("structure", str(tmp_path / "demo.txt"))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert where in out.stderr and message in out.stderr


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


@pytest.mark.parametrize("args, message", [
    (["validate", "examples"], "is a folder"),
    (["structure", "examples"], "is a folder"),
    (["push", "--endpoint", "notaurl"], "invalid endpoint URL"),
    (["push", "--endpoint", "http://127.0.0.1:9/query", "--graph", "not an iri"], "not a valid IRI"),
    (["push", "--endpoint", "http://127.0.0.1:9/query", "--batch", "0"], "must be a whole number"),
    (["ask", "--graph", "not an iri", "区长印章谁批"], "not a valid IRI"),
    (["ask", "--graph", "urn:x:g", "区长印章谁批"], "give --endpoint URL too"),
    (["show", "abc"], "not an article number"),
    (["search", "印章", "--limit", "-3"], "must be a whole number"),
    (["serve", "--port", "70000"], "a port must be 1–65535"),
    (["app", "--port", "-1"], "a port must be 1–65535"),
    (["push", "--endpoint", "http://127.0.0.1:9/query", "--timeout", "inf"], "seconds must be more than 0"),
    (["push", "--endpoint", "http://127.0.0.1:9/query", "--timeout", "nan"], "seconds must be more than 0"),
    (["push", "--endpoint", "http://127.0.0.1:9/query", "--timeout", "0"], "seconds must be more than 0"),
    (["facts", "--article", "100"], "no article 100 (the regulation has 89)"),
])
def test_bad_input_is_a_bilingual_message_and_exit_2(args, message, tmp_path):
    out = run(*args, cwd=ROOT)
    assert out.returncode == 2, (args, out.stdout, out.stderr)
    assert message in out.stderr and "Traceback" not in out.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in out.stderr.split(message)[0] + out.stderr)


def test_ask_from_stdin_answers_every_line_in_order_even_blank_and_undecodable_ones():
    out = kg("ask", "--json", "-", stdin="常务会议由谁主持？\n\n".encode() + b"\xff\xfe\n" + "谁列席区长办公会议？\n".encode())
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert out.returncode == 0 and len(lines) == 4
    assert [bool(d["answers"]) for d in lines] == [True, False, False, True]
    assert "not UTF-8" in lines[2]["message"]


def test_old_graph_folder_spelling_still_works_with_a_note(tmp_path):
    assert run("build", "--out", str(tmp_path)).returncode == 0
    out = run("ask", "--graph", str(tmp_path), "常务会议由谁主持？")
    assert out.returncode == 0 and "区长" in out.stdout and "--graph-dir" in out.stderr


@pytest.mark.parametrize("args, expect", [
    (["structure"], "第一章"),
    (["show", "62"], "第六十二条"),
    (["ask", "区政府规范性文件由谁签发？"], "区长"),
    (["facts", "--article", "62"], "第六十二条"),
    (["search", "印章"], "第六十七条"),
    (["validate", str(ROOT / "examples" / "conforming" / "seal.csv")], "records"),
])
def test_console_script_smoke(args, expect, tmp_path):
    """The installed `kg` script itself, once per reading command, from an unrelated directory."""
    out = subprocess.run(KG + args, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert expect in out.stdout


def test_a_truncated_graph_file_is_refused_not_answered_from(tmp_path):
    assert run("build", "--out", str(tmp_path)).returncode == 0
    nt = tmp_path / "graph.nt"
    lines = nt.read_bytes().splitlines(keepends=True)
    nt.write_bytes(b"".join(lines[: len(lines) // 2]))  # cut at a line boundary: still valid N-Triples
    out = run("ask", "--graph-dir", str(tmp_path), "常务会议由谁主持？")
    assert out.returncode == 2 and "truncated" in out.stderr and "不完整" in out.stderr
    # kg serve refuses it before starting anything (a process of its own: a server that starts
    # anyway is stopped by the timeout and fails the test)
    out = subprocess.run(KG + ["serve", "--graph-dir", str(tmp_path), "--port", str(free_port())],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "truncated" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("manifest", [b"not json", b'{"sha256": 5}', b"[]", b"\xff\xfe"])
def test_a_damaged_build_manifest_is_a_clear_error(tmp_path, manifest):
    assert run("build", "--out", str(tmp_path)).returncode == 0
    (tmp_path / "build.json").write_bytes(manifest)
    for command in (["structure", "--graph-dir", str(tmp_path)], ["ask", "--graph-dir", str(tmp_path), "区长印章谁批"]):
        out = run(*command)
        assert out.returncode == 2 and "build.json is damaged" in out.stderr and "Traceback" not in out.stderr
    out = subprocess.run(KG + ["serve", "--graph-dir", str(tmp_path), "--port", str(free_port())],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "build.json is damaged" in out.stderr and "Traceback" not in out.stderr


def test_a_failed_build_leaves_the_previous_graph_in_place(tmp_path, monkeypatch):
    import pyoxigraph

    assert run("build", "--out", str(tmp_path)).returncode == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}

    def interrupted(self, output, *args, **kwargs):
        output.write(b"<urn:half")
        raise KeyboardInterrupt

    monkeypatch.setattr(pyoxigraph.Store, "dump", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run("build", "--out", str(tmp_path))
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before


def test_two_builds_into_one_folder_do_not_both_write(tmp_path):
    import fcntl

    tmp_path.mkdir(exist_ok=True)
    with open(tmp_path / ".build.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        out = run("build", "--out", str(tmp_path))
    assert out.returncode == 2 and "another build" in out.stderr


def test_build_into_a_file_or_from_a_pipe_is_a_usage_error(tmp_path):
    import os
    (tmp_path / "outfile").write_text("x", encoding="utf-8")
    out = run("build", str(ROOT / "corpus"), "--out", str(tmp_path / "outfile"))
    assert out.returncode == 2 and "--out must be a folder" in out.stderr
    texts = tmp_path / "texts"
    texts.mkdir()
    os.mkfifo(texts / "a.txt")   # reading a pipe would never end
    out = run("build", str(texts), "--out", str(tmp_path / "o"))
    assert out.returncode == 2 and "not a regular file" in out.stderr
    out = run("validate", str(texts / "a.txt"))
    assert out.returncode == 2 and "not a regular file" in out.stderr


def test_what_a_terminal_would_act_on_is_printed_as_visible_escapes(tmp_path):
    log = tmp_path / "esc.csv"
    log.write_text("id,seal,approved_by_post,authorized_by_post,used_on\n"
                   "Y1\x1b]0;PWNED\x07\x1b[2J,区长印章,副区长,,2026-03-02\n"
                   "Y2,区长印章,副\x1b[8m区长,,2026-03-03\n", encoding="utf-8")
    out = run("validate", str(log))
    assert "\x1b" not in out.stdout + out.stderr and "\x07" not in out.stdout
    assert "Y1\\x1b]0;PWNED\\x07\\x1b[2J" in out.stdout and "副\\x1b[8m区长" in out.stdout


def test_a_template_goes_where_it_can_be_written_in_the_kind_its_name_says(tmp_path):
    out = run("template", "leave", "--out", str(tmp_path / "no" / "such" / "x.csv"))
    assert out.returncode == 2 and "cannot write" in out.stderr and "Traceback" not in out.stderr
    out = run("template", "leave", "--xlsx", "--out", str(tmp_path / "x.csv"))
    assert out.returncode == 2 and "should end in .xlsx" in out.stderr
    out = run("template", "leave", "--out", str(tmp_path / "x.xlsx"))
    assert out.returncode == 0 and (tmp_path / "x.xlsx").read_bytes()[:2] == b"PK"


def test_an_article_written_above_the_first_is_named_in_a_warning_not_dropped_unseen(tmp_path):
    text = tmp_path / "order.txt"
    text.write_text("测试条例\n第三条 第三条内容由区长签发。\n第一条 第一条内容。\n第二条 第二条内容由副区长主持。\n",
                    encoding="utf-8")
    doc = json.loads(run("structure", "--json", str(text)).stdout)
    assert doc["warnings"] == ["第三条在第一条之前，按前言处理，未计入条文 / 第三条 come before the first article and "
                               "are read as front matter, not as articles"]


def test_a_huge_regulation_id_is_cut_in_the_error_not_echoed_whole():
    out = run("ask", "--regulation", "x" * 100_000, "区长印章谁批")
    assert out.returncode == 2 and len(out.stderr) < 500 and "no regulation xxx" in out.stderr


@pytest.mark.parametrize("redirect, message", [
    ("<&-", "standard input is closed"),
    (">&-", "standard output is closed"),
])
def test_a_closed_stdin_or_stdout_is_a_clear_error_not_a_traceback(redirect, message):
    # red-team pass 3: kg ask --json - <&- and kg ask … >&- ended in AttributeError tracebacks
    question = "-" if redirect == "<&-" else "常务会由谁主持？"
    out = subprocess.run(["bash", "-c", f'"$0" ask --json "$1" {redirect}', KG[0], question],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr


def test_a_line_break_in_a_file_name_cannot_print_a_line_of_its_own(tmp_path):
    # red-team pass 3: a file named "new\nline.csv" split the report's lines, so data could fake one
    log = tmp_path / "new\n  Violation Y9 fake.csv"
    log.write_text("编号,印章,批准人职务,日期\nY1,区长印章,副区长,2026-03-02\n", encoding="utf-8")
    out = run("validate", str(log))
    assert out.returncode == 1
    assert not [line for line in out.stdout.splitlines() if line.startswith("  Violation Y9")]
    assert "new\\n  Violation Y9 fake.csv" in out.stdout
