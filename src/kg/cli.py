"""`kg` command line: a thin shell over the pipeline.

    kg build [TEXT ...] [--out DIR]     build the graph, write Turtle/N-Triples/JSON-LD
    kg structure [TEXT] [--json]        print the 章/节/条/款/项 tree
    kg show 62 [TEXT]                   print one article with its citation
    kg ask "问题" [--json] [--graph DIR]  answer a who-question, quoting the provision
    kg ask --json -                     one question a line on stdin, one JSON object a line out
    kg facts [TEXT] [--json]            every extracted norm with its source
    kg validate FILE... [--json]        check signing/meeting/leave/seal logs against the rules

Exit codes: 0 success, 2 bad input (message in Chinese and English on stderr);
kg validate: 0 no violations, 1 violations, 2 some input unreadable (the rest is still checked).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.corpus import CORPUS_DIR, corpus_texts, load
from kg.model import Regulation
from kg.numerals import cn_to_int
from kg.present import article_text, outline_text, structure_dict
from kg.segment import ParseError
from kg.store import StoreError


class UsageError(Exception):
    """A user mistake: reported without a traceback, exit 2."""


def _regulations(texts: list[str]) -> list[Regulation]:
    paths = [Path(t) for t in texts] if texts else corpus_texts(CORPUS_DIR)
    if not paths:
        raise UsageError(f"{CORPUS_DIR} 中没有 .txt 规章文本 / no .txt regulation texts in {CORPUS_DIR}")
    return [load(p) for p in paths]


def _one(text: str | None) -> Regulation:
    regs = _regulations([text] if text else [])
    if len(regs) > 1:
        raise UsageError("语料中有多部规章，请指定文本文件 / the corpus holds several regulations: "
                         "name the text file")
    return regs[0]


def cmd_build(args: argparse.Namespace) -> int:
    from kg.graph import build_graph, write_graph  # rdflib loads only when a graph is needed

    regs = _regulations(args.texts)
    graph = build_graph(regs, base=args.base)
    for path in write_graph(graph, Path(args.out)):
        print(path)
    print(f"{len(regs)} 部规章，{len(graph)} 个三元组 / {len(regs)} regulation(s), "
          f"{len(graph)} triples", file=sys.stderr)
    return 0


def cmd_structure(args: argparse.Namespace) -> int:
    reg = _one(args.text)
    if args.json:
        print(json.dumps(structure_dict(reg), ensure_ascii=False, indent=1))
    else:
        print(outline_text(reg))
    return 0


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


def _store(args: argparse.Namespace):
    from kg.store import EmbeddedStore

    if args.graph:
        path = Path(args.graph)
        path = path / "graph.nt" if path.is_dir() else path
        if not path.exists():
            raise UsageError(f"找不到图谱 {path}（先运行 kg build）/ no graph at {path} (run kg build)")
        return EmbeddedStore.from_file(path)
    from kg.graph import build_graph
    return EmbeddedStore(build_graph(_regulations([])))


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
    if args.question == "-":
        for line in sys.stdin:
            if line.strip():
                result = qa.ask(line.strip())
                if args.json:
                    print(json.dumps(result.to_json(), ensure_ascii=False), flush=True)
                else:
                    _print_answer(result)
        return 0
    result = qa.ask(args.question)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_answer(result)
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from kg.extract import extract
    from kg.present import norm_dict, norm_line

    regs = _regulations([args.text] if args.text else [])
    norms = [n for reg in regs for n in extract(reg)
             if args.article is None or n.article == _article_number(args.article)]
    if args.json:
        print(json.dumps([norm_dict(n) for n in norms], ensure_ascii=False, indent=1))
    else:
        for n in norms:
            print(norm_line(n))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.graph import build_graph
    from kg.lexicon import load_lexicon
    from kg.records import Reader
    from kg.store import EmbeddedStore
    from kg.validate import Validator

    lexicon = load_lexicon()
    loaded = Reader(lexicon).read([Path(f) for f in args.files])
    validator = Validator(EmbeddedStore(build_graph(_regulations([]))), lexicon)
    report = validator.validate(loaded, engine=args.engine)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_report(report)
    for error in report.errors:
        print(f"错误 / error: {error}", file=sys.stderr)
    return report.exit_code


def _print_report(report) -> None:
    counts = report.counts
    print(f"{report.records} 条记录 / records · 违规 Violation {counts['Violation']} · "
          f"警告 Warning {counts['Warning']} · 提示 Info {counts['Info']}")
    for article, findings in report.by_article().items():
        head = findings[0].citation.split("条")[0] + "条" if findings[0].citation else "—"
        print(f"\n{head}（{len(findings)}）")
        for f in findings:
            where = f"{Path(f.file).name}:{f.row}" if f.file else ""
            value = f" [{f.value}]" if f.value else ""
            print(f"  {f.severity:<9} {f.record:<10} {where:<18} {f.message}{value}")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="规章知识图谱 / regulation knowledge graph")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the RDF graph / 构建图谱")
    b.add_argument("texts", nargs="*", help="regulation text files (default: corpus/*.txt)")
    b.add_argument("--out", default="build", help="output folder (default: build/)")
    b.add_argument("--base", default=None, help="base IRI (default: $KG_BASE_IRI or the project's)")
    b.set_defaults(func=cmd_build)

    s = sub.add_parser("structure", help="print the tree / 打印结构")
    s.add_argument("text", nargs="?", help="regulation text file (default: the corpus)")
    s.add_argument("--json", action="store_true", help="print the JSON contract")
    s.set_defaults(func=cmd_structure)

    w = sub.add_parser("show", help="print one article / 显示一条")
    w.add_argument("article", help="62, 六十二 or 第六十二条")
    w.add_argument("text", nargs="?", help="regulation text file (default: the corpus)")
    w.set_defaults(func=cmd_show)

    a = sub.add_parser("ask", help="answer a who-question / 问答")
    a.add_argument("question", help='the question, or "-" to read one per line from stdin')
    a.add_argument("--json", action="store_true", help="print the JSON contract")
    a.add_argument("--graph", help="a built graph (folder from kg build, or a .nt/.ttl file)")
    a.set_defaults(func=cmd_ask)

    f = sub.add_parser("facts", help="every extracted norm with its source / 列出规范")
    f.add_argument("text", nargs="?", help="regulation text file (default: the corpus)")
    f.add_argument("--article", help="only this article (62, 六十二)")
    f.add_argument("--json", action="store_true", help="print JSON")
    f.set_defaults(func=cmd_facts)

    v = sub.add_parser("validate", help="check record logs against the rules / 合规校验")
    v.add_argument("files", nargs="+", help="CSV logs (or Turtle/JSON-LD in the org vocabulary)")
    v.add_argument("--json", action="store_true", help="print the JSON contract")
    v.add_argument("--engine", choices=["fast", "pyshacl"], default="fast",
                   help="fast (default; checked against pyshacl in the tests) or pyshacl")
    v.set_defaults(func=cmd_validate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (ParseError, UsageError, StoreError) as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
