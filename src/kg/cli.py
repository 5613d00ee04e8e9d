"""`kg` command line: a thin shell over the pipeline.

    kg build [TEXT|DIR ...] [--out DIR] [-j N]   build a library into one graph (incremental)
    kg structure [TEXT] [--json]        print the 章/节/条/款/项 tree
    kg show 62 [TEXT]                   print one article with its citation
    kg ask "问题" [--json] [--graph-dir DIR]  answer a who-question, quoting the provision
    kg ask --json -                     one question a line on stdin, one JSON object a line out
    kg ask --regulation ID "问题"        answer from one regulation of the graph
    kg facts [TEXT] [--json]            every extracted norm with its source
    kg validate FILE... [--json] [--roster R]  check signing/meeting/leave/seal logs against the rules
    kg template KIND [--xlsx]           write an empty log with Chinese headers
                                        (signing, meeting, leave, seal)
    kg serve [--port P] [--host H]      a read-only SPARQL 1.1 endpoint over the graph
    kg push --endpoint URL [--graph IRI] [--replace]   load the graph into any SPARQL store
    kg docs [--out docs/ontology.md]    write the ontology reference page
    kg search "印章" [--json]            full-text search over the articles (BM25)
    kg app [--host H] [--port P]        the Streamlit app (loopback unless --host says otherwise)

Reading commands (ask, structure, facts) take --graph-dir DIR (a folder written by kg build),
or --endpoint URL (or $KG_SPARQL_ENDPOINT) and optionally --graph IRI (a named graph there)
to run against a remote SPARQL store with the same named queries.

Exit codes: 0 success, 2 bad input (message in Chinese and English on stderr);
kg build: 0 every text built, 1 some texts refused (the rest is built), 2 bad usage;
kg validate: 0 no violations, 1 violations, 2 some input unreadable (the rest is still checked).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from kg.corpus import corpus_dir, corpus_texts, load
from kg.errors import InputError, KgError, UsageError
from kg.model import Regulation
from kg.numerals import cn_to_int
from kg.present import article_text, outline_text, structure_dict


def _regulations(texts: list[str]) -> list[Regulation]:
    paths = [Path(t) for t in texts] if texts else corpus_texts()
    if not paths:
        raise UsageError(f"{corpus_dir()} 中没有 .txt 规章文本 / no .txt regulation texts in {corpus_dir()}")
    return [load(p) for p in paths]


def _one(text: str | None) -> Regulation:
    regs = _regulations([text] if text else [])
    if len(regs) > 1:
        raise UsageError("语料中有多部规章，请指定文本文件 / the corpus holds several regulations: "
                         "name the text file")
    return regs[0]


def cmd_build(args: argparse.Namespace) -> int:
    from kg.library import build_library

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out 应为文件夹，{out} 是文件 / --out must be a folder: {out} is a file")
    summary = build_library([Path(t) for t in args.texts] or [corpus_dir()], out,
                            base=args.base, jobs=args.jobs)
    for path in summary.written:
        print(path)
    print(summary.to_text(), file=sys.stderr)
    return summary.exit_code


def cmd_structure(args: argparse.Namespace) -> int:
    _graph_options(args)
    if args.endpoint or args.graph_dir or os.environ.get("KG_SPARQL_ENDPOINT"):
        doc = _structure_from_store(_store(args), args.id)
        for warning in doc["warnings"]:
            print(f"警告 / warning: {warning}", file=sys.stderr)
        if args.json:
            print(json.dumps(doc, ensure_ascii=False, indent=1))
        else:
            print(f"{doc['title']}（{doc['id']}）")
            for c in doc["chapters"]:
                arts = c["articles"] + [a for s in c["sections"] for a in s["articles"]]
                print(f"  第{c['number']}章 {c['title']}（{len(arts)} 条）")
        return 0
    reg = _one(args.text)
    for warning in reg.warnings:
        print(f"警告 / warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(structure_dict(reg), ensure_ascii=False, indent=1))
    else:
        print(outline_text(reg))
    return 0


def _structure_from_store(store, reg_id: str | None) -> dict:
    from rdflib import Literal

    from kg.present import structure_from_rows
    from kg.query import run

    regs = run(store, "regulations")
    if reg_id:
        regs = [r for r in regs if r["id"] == reg_id]
    if not regs:
        shown = _shown(reg_id or "")
        raise UsageError(f"图谱中没有规章 {shown} / no regulation {shown} in the graph")
    if len(regs) > 1:
        raise UsageError("图谱中有多部规章，请用 --id 指定：" + "、".join(r["id"] for r in regs)
                         + " / several regulations: name one with --id")
    rid = Literal(regs[0]["id"])
    return structure_from_rows(regs[0], run(store, "structure", id=rid),
                               [r["warning"] for r in run(store, "warnings", id=rid)])


def _article_number(text: str) -> int:
    """62, 六十二, 第62条, 第六十二条 -> 62."""
    core = text.strip().removeprefix("第").removesuffix("条")
    try:
        return cn_to_int(core)
    except ValueError:
        raise UsageError(f"无法识别的条号：{text} / not an article number: {text}") from None


def cmd_show(args: argparse.Namespace) -> int:
    reg = _one(args.text)
    number = _article_number(args.article)
    try:
        article = reg.article(number)
    except KeyError:
        last = reg.articles()[-1].number
        raise UsageError(f"没有第{number}条（共 {last} 条） / no article {number} "
                         f"(the regulation has {last})") from None
    print(article_text(article, reg.meta.title))
    return 0


def _graph_options(args: argparse.Namespace) -> None:
    """--graph names a graph IRI; a folder or file given there (the old spelling) means --graph-dir."""
    value = getattr(args, "graph", None)
    if value and not getattr(args, "graph_dir", None) and Path(value).exists():
        print("提示：--graph 现指命名图 IRI，本地图谱请用 --graph-dir / note: --graph now names a "
              "graph IRI; use --graph-dir for a built graph folder", file=sys.stderr)
        args.graph_dir, args.graph = value, None
    _check_iri(args.graph)


def _check_iri(value: str | None) -> None:
    if value and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+$", value):
        raise UsageError(f"不是有效的 IRI：{value!r} / not a valid IRI: {value!r}")


def _store(args: argparse.Namespace, texts: list[str] | None = None):
    """Remote if --endpoint (or $KG_SPARQL_ENDPOINT), a built graph if --graph-dir, else in-process."""
    from kg.store import open_store

    _graph_options(args)
    graph_file = None
    if getattr(args, "graph_dir", None):
        graph_file = Path(args.graph_dir)
        graph_file = graph_file / "graph.nt" if graph_file.is_dir() else graph_file
        if not graph_file.exists():
            raise UsageError(f"找不到图谱 {graph_file}（先运行 kg build）/ no graph at {graph_file} "
                             f"(run kg build)")
    endpoint = getattr(args, "endpoint", None)
    regs = None if endpoint or graph_file else _regulations(texts or [])
    return open_store(endpoint, graph_file, regs, getattr(args, "graph", None))


def _print_answer(result) -> None:
    print(f"问 / Q：{result.question}")
    if not result.answers:
        print(f"答 / A：—  {result.message}")
        if result.candidates:
            print("可能指 / did you mean：" + "、".join(result.candidates))
        return
    for a in result.answers:
        extra = []
        if a.condition:
            extra.append(f"条件：{a.condition}")
        if a.delegated_by:
            extra.append(f"{a.delegation or '委托'}：{a.delegated_by}")
        print(f"答 / A：{a.label}" + (f"（{'；'.join(extra)}）" if extra else ""))
        print(f"    — {a.source.full_citation}：{a.source.text}")


def cmd_ask(args: argparse.Namespace) -> int:
    from kg.qa import QA

    qa = QA(_store(args))
    reg = args.regulation
    if reg is not None and reg not in qa.ids.values():
        ids = sorted(qa.ids.values())
        known = "、".join(ids[:10]) + (f" …（共 {len(ids)} 部 / {len(ids)} in all）" if len(ids) > 10 else "")
        raise UsageError(f"图谱中没有规章 {_shown(reg)}（现有：{known}）/ no regulation {_shown(reg)} in the "
                         f"graph (known: {known})")
    if args.question == "-":
        if sys.stdin is None:   # started with stdin closed (<&-)
            raise UsageError("标准输入已关闭，无法读取问题 / standard input is closed: no questions to read")
        # One answer per input line, blank lines included, so output lines up with input.
        for raw in sys.stdin.buffer:
            try:
                line = raw.decode("utf-8-sig").strip()
            except UnicodeDecodeError:
                line = None
            try:
                result = qa.ask(line, reg) if line is not None else qa.refuse(
                    raw.decode("utf-8", "replace").strip(),
                    "这一行不是 UTF-8 文本 / this line is not UTF-8 text")
            except InputError as exc:   # one line's mistake is that line's answer, not the batch's end
                result = qa.refuse(line or "", str(exc))
            if args.json:
                print(json.dumps(result.to_json(), ensure_ascii=False), flush=True)
            else:
                _print_answer(result)
        return 0
    result = qa.ask(args.question, reg)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_answer(result)
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from kg.present import fact_dict, fact_line
    from kg.query import run

    facts = [fact_dict(r) for r in run(_store(args, [args.text] if args.text else []), "facts")]
    if args.article is not None:
        number = _article_number(args.article)
        facts = [f for f in facts if f["source"]["article"] == number]
        if not facts and not (args.graph_dir or args.endpoint):
            reg = _one(args.text)   # an article with no norm prints none; one that is not there is an error
            if number not in {a.number for a in reg.articles()}:
                last = reg.articles()[-1].number
                raise UsageError(f"没有第{number}条（共 {last} 条） / no article {number} "
                                 f"(the regulation has {last})")
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=1))
    else:
        for f in facts:
            print(fact_line(f))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.endpoint import Limits, serve
    from kg.graph import build_graph, write_graph
    from kg.store import check_manifest

    nt = Path(args.graph_dir) / "graph.nt" if args.graph_dir else Path(args.out) / "graph.nt"
    if not args.graph_dir:
        write_graph(build_graph(_regulations([])), Path(args.out))
    if not nt.exists():
        raise UsageError(f"找不到图谱 {nt}（先运行 kg build）/ no graph at {nt} (run kg build)")
    check_manifest(nt)   # a graph cut short or changed since kg build is not served
    try:
        serve(nt, Path(args.store or nt.parent / "oxigraph"), args.host, args.port,
              Limits(timeout_s=args.timeout), announce=lambda m: print(m, flush=True))
    except OSError as exc:
        raise UsageError(f"无法在 {args.host}:{args.port} 启动 / cannot listen on "
                         f"{args.host}:{args.port}: {exc.strerror}") from None
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from kg.graph import build_graph, write_graph
    from kg.push import describe, push

    if not re.match(r"^https?://[^\s/]+", args.endpoint):
        raise UsageError(f"端点地址无效：{args.endpoint!r}（应以 http:// 或 https:// 开头）/ "
                         f"invalid endpoint URL: {args.endpoint!r} (must start with http:// or https://)")
    _check_iri(args.graph)
    nt = Path(args.graph_dir) / "graph.nt"
    if not nt.exists():
        write_graph(build_graph(_regulations([])), Path(args.graph_dir))
    result = push(nt, args.endpoint, graph=args.graph, replace=args.replace, gsp=args.gsp,
                  update=args.update, batch=args.batch, timeout_s=args.timeout,
                  log=lambda message: print(message, file=sys.stderr))
    print(describe(result, args.endpoint, args.graph))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.graph import build_graph
    from kg.lexicon import load_lexicon
    from kg.records import read_logs
    from kg.store import EmbeddedStore
    from kg.validate import Validator, visible_breaks

    lexicon = load_lexicon()
    loaded = read_logs([Path(f) for f in args.files], Path(args.roster) if args.roster else None, lexicon)
    validator = Validator(EmbeddedStore(build_graph(_regulations([]))), lexicon)
    report = validator.validate(loaded, engine=args.engine)
    print(json.dumps(report.to_json(), ensure_ascii=False, indent=1) if args.json else report.to_text())
    for error in report.errors:   # one line each, whatever line breaks a file name holds
        print(f"错误 / error: {visible_breaks(error)}", file=sys.stderr)
    return report.exit_code


def cmd_template(args: argparse.Namespace) -> int:
    from kg.records import template

    suffix = Path(args.out).suffix.lower() if args.out else ""
    xlsx = args.xlsx or suffix == ".xlsx"   # the file's name says its kind
    if args.out and (suffix not in (".csv", ".xlsx") or (suffix == ".csv") == xlsx):
        want = ".xlsx" if xlsx else ".csv"
        raise UsageError(f"--out 的扩展名应为 {want} / --out should end in {want}: {args.out}")
    data = template(args.kind, xlsx=xlsx)
    out = Path(args.out or f"{args.kind}-template.{'xlsx' if xlsx else 'csv'}")
    try:
        out.write_bytes(data)
    except OSError as exc:   # a missing folder, a folder, a full disk, a name too long
        raise UsageError(f"无法写入 {out}（{exc.strerror or type(exc).__name__}）/ cannot write {out}: "
                         f"{exc.strerror or type(exc).__name__}") from None
    print(out)
    return 0


def _search_entries(args: argparse.Namespace) -> list:
    """The articles to search: from a built graph or a store when one is named, else the texts;
    only those of --regulation when it is given."""
    from kg.search import Entry

    _graph_options(args)
    if args.endpoint or args.graph_dir or os.environ.get("KG_SPARQL_ENDPOINT"):
        from kg.query import run

        rows = run(_store(args), "articles")
        entries = [Entry(int(r["article"]), str(r["citation"]), str(r["text"]), int(r["order"]),
                         str(r["node"]), str(r["id"])) for r in rows]
        titles = {str(r["id"]): str(r["title"]) for r in rows}
    else:
        regs = _regulations([args.text] if args.text else [])
        entries = [Entry(a.number, a.citation, a.text, a.span.start,
                         str(_article_iri(reg, a)), reg.meta.id) for reg in regs for a in reg.articles()]
        titles = {reg.meta.id: reg.meta.title for reg in regs}
    if args.regulation:
        if args.regulation not in titles:
            raise UsageError(f"没有规章 {_shown(args.regulation)} / no regulation {_shown(args.regulation)}")
        entries = [e for e in entries if e.regulation == args.regulation]
    args.titles = titles
    return entries


def _article_iri(reg: Regulation, article) -> str:
    from kg.graph import node_iri
    return str(node_iri(reg.meta.id, article.path))


def cmd_search(args: argparse.Namespace) -> int:
    from kg.search import Index, jump

    entries = _search_entries(args)
    by_iri = {e.iri: e for e in entries}
    number = jump(args.query)
    found: list[dict[str, Any]]
    if number is not None:
        hits = [e for e in entries if e.number == number][:args.limit]
        found = [{"article": e.number, "citation": e.citation, "score": None, "snippet": None,
                  "text": e.text, "iri": e.iri} for e in hits]
    else:
        found = [vars(h) for h in Index(entries).search(args.query, args.limit)]
    several = len({e.regulation for e in entries}) > 1
    for f in found:
        reg = by_iri[f["iri"]].regulation if f.get("iri") in by_iri else ""
        f["regulation"], f["title"] = reg, args.titles.get(reg, "")
    if args.json:
        print(json.dumps({"query": args.query, "jump": number, "regulation": args.regulation,
                          "results": found}, ensure_ascii=False, indent=1))
    elif not found:
        print(f"没有找到 / no match: {args.query}")
    for f in found if not args.json else []:
        plain = html.unescape(re.sub(r"</?mark>", "", f["snippet"] or f["text"][:80])).replace("\n", " ")
        where = f"《{f['title']}》" if several else ""
        print(f"{where}{f['citation']:<10} {f['score'] or '':>8}  {plain}")
    return 0


# What the checkout's .streamlit/config.toml sets, for an installed package started from anywhere.
APP_SETTINGS = {"server.headless": "true", "client.toolbarMode": "minimal",
                "client.showErrorDetails": "false", "browser.gatherUsageStats": "false",
                "server.maxUploadSize": "20", "runner.postScriptGC": "false"}


def cmd_app(args: argparse.Namespace) -> int:
    """Run the Streamlit app from the installed package (app.py in a checkout does the same)."""
    import subprocess

    from kg.app import streamlit_app
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"警告：应用将对 {args.host} 上的其他机器开放，且没有登录保护 / warning: the app will be "
              f"reachable from other machines on {args.host}, with no login", file=sys.stderr)
    flags = [f"--server.address={args.host}", f"--server.port={args.port}",
             *(f"--{key}={value}" for key, value in APP_SETTINGS.items())]
    try:
        return subprocess.call([sys.executable, "-m", "streamlit", "run", streamlit_app.__file__, *flags])
    except KeyboardInterrupt:
        return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from kg.docs import reference
    from kg.graph import build_graph

    text = reference(build_graph(_regulations([])))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(out)
    return 0


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数 / must be a whole number ≥ 1: {text!r}")
    return int(text)


def _shown(value: str, most: int = 60) -> str:
    """A value a user typed, cut for a message (an id of 100,000 characters is not echoed whole)."""
    return value if len(value) <= most else value[:most] + "…"


def _port(text: str) -> int:
    """An argparse type: a TCP port, 1–65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"端口应为 1–65535 / a port must be 1–65535: {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    """An argparse type: a time limit in seconds, more than 0 and at most a day."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= 86400:   # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"应为 0–86400 秒 / seconds must be more than 0, at most 86400: {text!r}")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="规章知识图谱 / regulation knowledge graph")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser(
        "build", help="build the RDF graph / 构建图谱",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Build regulation texts (files, or folders searched for *.txt) into one graph:\n"
                    "graph.ttl, graph.nt, graph.jsonld, build.json and report.json in --out.\n"
                    "Texts are parsed in parallel worker processes; an unchanged text (same text,\n"
                    "metadata, data files and version) is reused from --out/.cache, not parsed again.\n"
                    "A text without <name>.toml gets its id from the file name and its title from\n"
                    "the text (reported as inferred). A text that cannot be read is refused with its\n"
                    "reason and the others are still built.",
        epilog="exit codes: 0 every text built (warnings allowed); 1 some texts refused (the graph\n"
               "holds the others; reasons on stderr and in report.json); 2 bad usage or no text at all.")
    b.add_argument("texts", nargs="*", help="regulation text files or folders (default: corpus/)")
    b.add_argument("--out", default="build", help="output folder (default: build/)")
    b.add_argument("--base", default=None, help="base IRI (default: $KG_BASE_IRI or the project's)")
    b.add_argument("--jobs", "-j", type=_positive, default=None,
                   help="worker processes (default: the number of CPUs)")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("structure", help="print the tree / 打印结构")
    s.add_argument("text", nargs="?", help="regulation text file (default: the corpus)")
    s.add_argument("--json", action="store_true", help="print the JSON contract")
    s.add_argument("--graph-dir", help="read the tree from a built graph (kg build's folder)")
    s.add_argument("--endpoint", help="read the tree from a SPARQL endpoint")
    s.add_argument("--graph", help="the named graph to read there (default: $KG_SPARQL_GRAPH)")
    s.add_argument("--id", help="which regulation, when the store holds several")
    s.set_defaults(func=cmd_structure)

    w = sub.add_parser("show", help="print one article / 显示一条")
    w.add_argument("article", help="62, 六十二 or 第六十二条")
    w.add_argument("text", nargs="?", help="regulation text file (default: the corpus)")
    w.set_defaults(func=cmd_show)

    a = sub.add_parser("ask", help="answer a who-question / 问答")
    a.add_argument("question", help='the question, or "-" to read one per line from stdin')
    a.add_argument("--json", action="store_true", help="print the JSON contract")
    a.add_argument("--regulation", metavar="ID", help="answer from this regulation only (its id)")
    a.add_argument("--graph-dir", help="a built graph (folder from kg build, or a .nt/.ttl file)")
    a.add_argument("--endpoint", help="a SPARQL endpoint URL (default: $KG_SPARQL_ENDPOINT)")
    a.add_argument("--graph", help="the named graph to read there (default: $KG_SPARQL_GRAPH)")
    a.set_defaults(func=cmd_ask)

    f = sub.add_parser("facts", help="every extracted norm with its source / 列出规范")
    f.add_argument("text", nargs="?", help="regulation text file (default: the corpus)")
    f.add_argument("--article", help="only this article (62, 六十二)")
    f.add_argument("--json", action="store_true", help="print JSON")
    f.add_argument("--graph-dir", help="a built graph (folder or .nt/.ttl file)")
    f.add_argument("--endpoint", help="a SPARQL endpoint URL")
    f.add_argument("--graph", help="the named graph to read there (default: $KG_SPARQL_GRAPH)")
    f.set_defaults(func=cmd_facts)

    v = sub.add_parser("validate", help="check record logs against the rules / 合规校验")
    v.add_argument("files", nargs="+", help="CSV logs (or Turtle/JSON-LD in the org vocabulary)")
    v.add_argument("--json", action="store_true", help="print the JSON contract")
    v.add_argument("--engine", choices=["fast", "pyshacl"], default="fast",
                   help="fast (default; checked against pyshacl in the tests) or pyshacl")
    v.add_argument("--roster",
                   help="who holds which post: CSV/.xlsx (单位, 职务, 姓名, 角色) or Turtle (org:Post)")
    v.set_defaults(func=cmd_validate)

    t = sub.add_parser("template", help="write an empty log with Chinese headers / 下载空白台账")
    t.add_argument("kind", help="which log: a [log.KIND] of the record schema (ontology/records.toml), "
                                "by its key or its Chinese name; an unknown one lists them")
    t.add_argument("--xlsx", action="store_true", help=".xlsx with drop-down lists (default: CSV)")
    t.add_argument("--out", help="file to write (default: KIND-template.csv or .xlsx)")
    t.set_defaults(func=cmd_template)

    e = sub.add_parser("serve", help="read-only SPARQL endpoint / SPARQL 端点")
    e.add_argument("--port", type=_port, default=7878)
    e.add_argument("--host", default="127.0.0.1", help="bind address (default: loopback only)")
    e.add_argument("--graph-dir", "--graph", dest="graph_dir",
                   help="serve this built graph folder instead of rebuilding")
    e.add_argument("--out", default="build", help="where to build the graph (default: build/)")
    e.add_argument("--store", help="Oxigraph data folder (default: <graph folder>/oxigraph)")
    e.add_argument("--timeout", type=_positive, default=10, help="query time limit in seconds")
    e.set_defaults(func=cmd_serve)

    u = sub.add_parser("push", help="load the graph into a SPARQL store / 推送到 SPARQL 存储")
    u.add_argument("--endpoint", required=True, help="the store's SPARQL query URL")
    u.add_argument("--graph", help="named graph IRI to load into (default: the default graph)")
    u.add_argument("--replace", action="store_true",
                   help="replace the target graph (loaded and counted aside first, then swapped)")
    u.add_argument("--gsp", help="Graph Store Protocol URL (else SPARQL Update is used)")
    u.add_argument("--update", help="SPARQL Update URL (default: the query URL with /update)")
    u.add_argument("--batch", type=_positive, default=5000,
                   help="triples per request (halved while the store refuses a batch as too large)")
    u.add_argument("--timeout", type=_seconds, default=120, help="seconds to wait for each request")
    u.add_argument("--graph-dir", default="build", help="the built graph folder (default: build/)")
    u.set_defaults(func=cmd_push)

    q = sub.add_parser("search", help="full-text search / 全文检索")
    q.add_argument("query", help="words to look for, or an article (第62条 / 六十二 / 62)")
    q.add_argument("text", nargs="?", help="regulation text file (default: the corpus)")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.add_argument("--limit", type=_positive, default=10)
    q.add_argument("--regulation", help="search this regulation only (its id; default: all)")
    q.add_argument("--graph-dir", help="search a built graph (folder from kg build, or a .nt/.ttl file)")
    q.add_argument("--endpoint", help="search through a SPARQL endpoint (default: $KG_SPARQL_ENDPOINT)")
    q.add_argument("--graph", help="the named graph to read there (default: $KG_SPARQL_GRAPH)")
    q.set_defaults(func=cmd_search)

    ap = sub.add_parser("app", help="run the Streamlit app / 启动应用")
    ap.add_argument("--host", default="127.0.0.1", help="bind address (default: loopback only)")
    ap.add_argument("--port", type=_port, default=8501)
    ap.set_defaults(func=cmd_app)

    d = sub.add_parser("docs", help="write the ontology reference page / 生成本体文档")
    d.add_argument("--out", default="docs/ontology.md")
    d.set_defaults(func=cmd_docs)
    return p


# Characters a terminal acts on rather than shows (escape sequences, a bare carriage return,
# bidirectional overrides): a hostile log cell or question could retitle, clear or reorder the screen
# and hide findings. They are printed as visible escapes.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class _Visible:
    """A text stream that writes what a terminal would act on as visible escapes (\\x1b)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(UNPRINTABLE.sub(_escape, text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    if out is None:   # started with stdout closed (>&-): nowhere to answer
        if err is not None:
            print("错误 / error: 标准输出已关闭，无处输出结果 / standard output is closed: nowhere to "
                  "write the result", file=err)
        return 2
    sys.stdout, sys.stderr = _Visible(out), _Visible(err if err is not None else out)
    try:
        return args.func(args)
    except KgError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        sys.stdout, sys.stderr = out, err


if __name__ == "__main__":
    sys.exit(main())
