"""Streamlit pages over the pipeline; app.py only calls main().

Everything heavy (regulations, graph, QA) loads once per process via st.cache_resource.
"""

from __future__ import annotations

import html
import os

import streamlit as st

from kg.corpus import load_corpus
from kg.model import Regulation
from kg.present import highlight, permalink



@st.cache_resource
def texts() -> dict:
    """The app's texts that name domain things (ontology/ui.toml)."""
    import tomllib

    from kg.resources import data_file
    return tomllib.loads(data_file("ontology", "ui.toml").read_text(encoding="utf-8"))


@st.cache_resource
def relation_names() -> dict[str, str]:
    """signs -> 签发/签署: each relation's Chinese name(s), from the lexicon's action concepts."""
    from kg.lexicon import load_lexicon

    names: dict[str, list[str]] = {}
    for entry in load_lexicon().actions.values():
        names.setdefault(entry.relation, []).append(entry.pref)
    return {rel: "/".join(sorted(set(zh), key=zh.index)) for rel, zh in names.items()}


def relation_zh(relation: str, fallback: str = "") -> str:
    return relation_names().get(relation, fallback or relation)


@st.cache_resource(show_spinner="载入规章 / loading regulations …")
def regulations() -> list[Regulation]:
    return load_corpus()


def endpoint() -> str:
    """$KG_SPARQL_ENDPOINT, or "" for the embedded store; cached resources are keyed by it."""
    return os.environ.get("KG_SPARQL_ENDPOINT", "")


@st.cache_resource(show_spinner="连接图谱 / opening the graph …")
def _store(url: str):
    from kg.store import open_store

    return open_store(url or None, None, None if url else regulations())


def store():
    """The embedded graph, or the remote SPARQL store named by $KG_SPARQL_ENDPOINT."""
    return _store(endpoint())


@st.cache_resource(show_spinner="载入问答 / loading question answering …")
def _qa(url: str):
    from kg.qa import QA

    return QA(_store(url))


def qa():
    return _qa(endpoint())


@st.cache_resource(show_spinner="载入结构 / loading the structure …")
def _structure(url: str) -> dict:
    from rdflib import Literal

    from kg.present import structure_dict, structure_from_rows
    from kg.query import run

    if not url:
        return structure_dict(regulations()[0])
    meta = run(_store(url), "regulations")[0]
    return structure_from_rows(meta, run(_store(url), "structure", id=Literal(meta["id"])))


def structure() -> dict:
    """The regulation tree: parsed from the text, or read from the remote store."""
    return _structure(endpoint())


@st.cache_resource(show_spinner="载入规范 / loading the norms …")
def _facts(url: str) -> list[dict]:
    from kg.present import fact_dict
    from kg.query import run

    return [fact_dict(r) for r in run(_store(url), "facts")]


def facts() -> list[dict]:
    return _facts(endpoint())


def english() -> bool:
    return bool(st.session_state.get("english"))


def shown_name(name: str, iri: str | None = None) -> str:
    """A post or body's name; with the English toggle on, its English label beside it."""
    if not english():
        return name
    from kg.lexicon import load_lexicon
    lex = load_lexicon()
    entry = lex.get(iri) if iri else lex.by_label.get(name)
    return f"{name} ({entry.en})" if entry and entry.en else name


def articles(doc: dict) -> list[dict]:
    out = list(doc["articles_outside_chapters"])
    for c in doc["chapters"]:
        out += c["articles"] + [a for s in c["sections"] for a in s["articles"]]
    return sorted(out, key=lambda a: a["span"][0])


def guarded(page):
    """A page that shows store errors (remote endpoint down) instead of a traceback."""
    def run_page():
        from kg.store import StoreError
        try:
            page()
        except StoreError as exc:
            st.error(str(exc))
    run_page.__name__ = page.__name__
    return run_page


def _query_int(name: str) -> int | None:
    value = st.query_params.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# ---------------------------------------------------------------- 问答 Ask


def _answer_card(a) -> None:
    with st.container(border=True):
        badges = [f"**{html.escape(shown_name(a.label, a.iri))}**",
                  relation_zh(a.relation) + (f" ({a.relation})" if english() else "")]
        if a.name != a.label:
            badges.append(f"（{html.escape(a.name)}）")
        st.markdown(" · ".join(badges))
        notes = []
        if a.condition:
            notes.append(f"条件 condition：{a.condition}")
        if a.delegated_by:
            notes.append(f"{a.delegation or '委托'} delegated by：{a.delegated_by}")
        if a.strength == "defeasible":
            notes.append("原则性规定（原则上/一般）")
        if a.modality == "permission":
            notes.append("可以 (permission)")
        if notes:
            st.caption(" ｜ ".join(notes))
        st.markdown(f'<div class="kg-quote">{highlight(a.source.text, a.quote)}</div>',
                    unsafe_allow_html=True)
        params = permalink(a.source.iri)
        link = "browse?" + "&".join(f"{k}={v}" for k, v in params.items())
        st.markdown(f"[{a.source.citation}]({link}) — 原文 / open the provision")
        st.code(a.source.full_citation, language=None)


def ask_page() -> None:
    st.title("问答 Ask")
    st.caption(texts()["ask"]["caption"])
    st.markdown("<style>.kg-quote{background:#f6f6f3;padding:.6em .8em;border-left:3px solid #c8a;"
                "margin:.3em 0}.kg-quote mark{background:#ffe58a}</style>", unsafe_allow_html=True)
    engine = qa()
    cols = st.columns(3)
    for i, example in enumerate(engine.examples[:6]):
        if cols[i % 3].button(example, key=f"ex{i}"):
            st.session_state["question"] = example
    typed = st.chat_input(f"输入问题，例如：{engine.examples[0]}")
    if typed:
        st.session_state["question"] = typed
    question = st.session_state.get("question")
    if not question:
        return
    result = engine.ask(question)
    with st.chat_message("user"):
        st.write(question)
    with st.chat_message("assistant"):
        if result.answers:
            st.markdown(f"找到 {len(result.answers)} 个答案 / {len(result.answers)} answer(s)")
            for a in result.answers:
                _answer_card(a)
        else:
            st.info(result.message)
            if result.candidates:
                st.write("可能指 / did you mean: " + "、".join(result.candidates))
        if result.sparql:
            with st.expander("SPARQL"):
                for q in result.sparql:
                    st.code(q, language="sparql")


# ---------------------------------------------------------------- 校验 Validate


@st.cache_resource(show_spinner="生成校验规则 / writing the checks …")
def _validator(url: str):
    from kg.lexicon import load_lexicon
    from kg.validate import Validator

    return Validator(_store(url), load_lexicon())


def validator():
    return _validator(endpoint())


# Coloured text rather than emoji: no emoji font is needed to read the severity.
SEVERITY_ZH = {"Violation": ":red[**违规 Violation**]", "Warning": ":orange[**警告 Warning**]",
               "Info": ":blue[**提示 Info**]"}


def validate_page() -> None:
    from kg.resources import data_dir
    from kg.records import load_schema, read_logs, read_uploads, template

    st.title("校验 Validate")
    st.caption(texts()["validate"]["caption"])
    # -- records branch: uploads of .xlsx/TSV, a roster, templates (logic in kg.records)
    uploads = st.file_uploader("上传记录文件 / upload logs",
                               type=["csv", "tsv", "txt", "xlsx", "ttl", "jsonld", "json"],
                               accept_multiple_files=True)
    roster = st.file_uploader("名册（可选）/ roster (optional)", type=["csv", "xlsx", "ttl"])
    with st.popover("空白台账模板 / blank templates"):
        for kind, log in load_schema().log.items():
            t1, t2 = st.columns(2)
            t1.download_button(f"{log.label} CSV", template(kind), f"{kind}-template.csv", "text/csv",
                               key=f"tpl-{kind}-csv")
            t2.download_button(f"{log.label} .xlsx", template(kind, xlsx=True), f"{kind}-template.xlsx",
                               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               key=f"tpl-{kind}-xlsx")
    c1, c2, c3 = st.columns(3)
    if c1.button("示例：合规记录 / conforming examples"):
        st.session_state["validate_examples"] = "conforming"
    if c2.button("示例：违规记录 / violating examples"):
        st.session_state["validate_examples"] = "violating"
    if c3.button("示例：办公室台账 / office logs"):
        st.session_state["validate_examples"] = "office"
    if uploads:
        loaded = read_uploads([(up.name, up.getvalue()) for up in uploads],
                              (roster.name, roster.getvalue()) if roster else None)
    elif st.session_state.get("validate_examples"):
        folder = data_dir("examples") / st.session_state["validate_examples"]
        logs = sorted(p for p in folder.iterdir() if p.suffix in (".csv", ".xlsx") and p.stem != "roster")
        loaded = read_logs(logs, next(folder.glob("roster.*"), None))
    else:
        return
    for error in loaded.errors:
        st.error(str(error))
    for note in loaded.notes:
        st.info(str(note))
    # -- end of records branch
    report = validator().validate(loaded)
    counts = report.counts
    cols = st.columns(4)
    cols[0].metric("记录 records", report.records)
    cols[1].metric("违规 Violation", counts["Violation"])
    cols[2].metric("警告 Warning", counts["Warning"])
    cols[3].metric("提示 Info", counts["Info"])
    if report.records and report.conforms and not report.results:
        st.success("全部记录符合规则 / all records conform")
    st.caption(f"工作日 / working days: {report.calendar}"
               + "".join(f" · {name.rsplit('/', 1)[-1]}: {enc}" for name, enc in report.encodings.items()))
    article_texts = {a["number"]: a["text"] for a in articles(structure())}
    for article, findings in report.by_article().items():
        title = f"第{chinese(article)}条" if article else "—"
        with st.expander(f"{title}（{len(findings)}）", expanded=True):
            if article:
                st.markdown(f"[打开原文 / open {title}](browse?art={article})")
                st.caption(article_texts.get(article, "")[:300])
            for f in findings:
                where = (f"{f.file.rsplit('/', 1)[-1]}{'#' + f.sheet if f.sheet else ''}:{f.row}"
                         if f.file else "")
                value = f" 〔{f.value}〕" if f.value else ""
                st.markdown(f"{SEVERITY_ZH[f.severity]} **{html.escape(f.record)}** {where} — "
                            f"{html.escape(f.message)}{html.escape(value)}")
    import json
    d1, d2 = st.columns(2)
    d1.download_button("下载报告 CSV / download CSV", report.to_csv(), "report.csv", "text/csv")
    d2.download_button("下载报告 JSON / download JSON",
                       json.dumps(report.to_json(), ensure_ascii=False, indent=1),
                       "report.json", "application/json")


def chinese(n: int) -> str:
    from kg.numerals import int_to_cn
    return int_to_cn(n)


# ---------------------------------------------------------------- 检索 Search


@st.cache_resource(show_spinner="建立索引 / indexing …")
def _search_index(url: str):
    from kg.search import Entry, Index
    return Index([Entry(a["number"], a["citation"], a["text"], a["span"][0])
                  for a in articles(_structure(url))])


def search_index():
    """Built from the structure (the text, or the remote store's tree in remote mode)."""
    return _search_index(endpoint())


def search_page() -> None:
    from kg.search import jump

    st.title("检索 Search")
    with st.form("jump"):
        target = st.text_input("跳到条文 / go to article（第62条 / 六十二 / 62）")
        if st.form_submit_button("打开 / open") and target:
            number = jump(target)
            if number is None:
                st.error(f"无法识别的条号：{target} / not an article number")
            else:
                st.query_params.clear()
                st.switch_page(st.session_state["pages"]["browse"], query_params={"art": number})
    query = st.text_input("全文检索 / search the text", key="search_query",
                          placeholder=texts()["search"]["placeholder"])
    if not query:
        return
    hits = search_index().search(query)
    st.caption(f"{len(hits)} 条结果 / results")
    for h in hits:
        with st.container(border=True):
            st.markdown(f"**[{h.citation}](browse?art={h.article})** · BM25 {h.score:.2f}")
            st.markdown(f'<div class="kg-snippet">{h.snippet}</div>', unsafe_allow_html=True)
    st.markdown("<style>.kg-snippet mark{background:#ffe58a}</style>", unsafe_allow_html=True)


# ---------------------------------------------------------------- SPARQL


PREFIXES = """PREFIX eli:  <http://data.europa.eu/eli/ontology#>
PREFIX kg:   <https://regkg.example.org/ns/kg#>
PREFIX kgst: <https://regkg.example.org/ns/subdivision-type/>
PREFIX org:  <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
STARTER = PREFIXES + """
SELECT ?citation ?text WHERE {
  ?article eli:type_subdivision kgst:article ; eli:id_local ?citation ; kg:text ?text ; kg:ordinal ?n .
}
ORDER BY ?n
LIMIT 10"""


@st.cache_resource(show_spinner="启动只读 SPARQL 端点 / starting the read-only endpoint …")
def _sparql_url(url: str) -> str:
    """The endpoint the SPARQL page queries: the remote one, or a guarded local one."""
    if url:
        return url
    import tempfile
    from pathlib import Path

    from kg.endpoint import Limits, start_in_background
    from kg.graph import build_graph

    folder = Path(tempfile.mkdtemp(prefix="regkg-sparql-"))
    build_graph(regulations()).serialize(folder / "graph.nt", format="nt", encoding="utf-8")
    return start_in_background(folder / "graph.nt", folder / "oxigraph", Limits(timeout_s=10)).url


def examples() -> dict[str, str]:
    from kg.resources import data_dir
    out = {}
    for path in sorted((data_dir("queries") / "examples").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        out[text.splitlines()[0].lstrip("# ")] = text
    return out


def run_sparql(query: str) -> tuple[str, object]:
    """("table", rows) / ("boolean", bool) / ("graph", turtle) / ("error", message)."""
    import json
    import urllib.error
    import urllib.parse
    import urllib.request

    from kg.endpoint import query_form, refusal

    why = refusal(query)
    if why:
        return "error", why
    form = query_form(query)
    accept = "text/turtle" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
    req = urllib.request.Request(_sparql_url(endpoint()),
                                 data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": accept,
                                          "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            body = resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        text = exc.read().decode("utf-8", "replace")
        try:
            text = json.loads(text)["error"]
        except (ValueError, KeyError):
            pass
        return "error", f"HTTP {exc.code}: {text}"
    except (urllib.error.URLError, OSError) as exc:
        return "error", f"无法连接 SPARQL 端点 / cannot reach the SPARQL endpoint: {exc}"
    if accept == "text/turtle":
        return "graph", body
    doc = json.loads(body)
    if "boolean" in doc:
        return "boolean", doc["boolean"]
    names = doc["head"]["vars"]
    return "table", [{n: b.get(n, {}).get("value") for n in names} for b in doc["results"]["bindings"]]


def sparql_page() -> None:
    import json

    st.title("SPARQL")
    st.caption("只读；查询超时 10 秒；不支持 SERVICE / read-only, 10 s time limit, no SERVICE")
    gallery = examples()
    choice = st.selectbox("示例 / examples", ["—"] + list(gallery))
    if choice != "—" and st.session_state.get("sparql_choice") != choice:
        st.session_state["sparql_choice"] = choice
        st.session_state["sparql_text"] = gallery[choice]
    st.session_state.setdefault("sparql_text", STARTER)
    query = st.text_area("查询 / query", key="sparql_text", height=260)
    if not st.button("运行 / run", type="primary"):
        return
    kind, result = run_sparql(query)
    if kind == "error":
        st.error(result)
    elif kind == "boolean":
        st.success(f"ASK → {result}")
    elif kind == "graph":
        st.code(result[:20000], language="turtle")
        st.download_button("下载 Turtle / download", result, "result.ttl", "text/turtle")
    else:
        import pandas as pd
        frame = pd.DataFrame(result)
        st.caption(f"{len(result)} 行 / rows")
        st.dataframe(frame, width="stretch", hide_index=True)
        d1, d2 = st.columns(2)
        d1.download_button("下载 CSV / download CSV", frame.to_csv(index=False), "result.csv", "text/csv")
        d2.download_button("下载 JSON / download JSON", json.dumps(result, ensure_ascii=False, indent=1),
                           "result.json", "application/json")


# ---------------------------------------------------------------- 图谱 Graph


def graph_dot(center: str, norms: list[dict]) -> str:
    """The neighbourhood of a meeting type, document type, seal or post, as Graphviz DOT."""
    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = ["digraph G {", "  rankdir=LR;", '  node [shape=box, style="rounded,filled", '
             'fillcolor="#f3f0ff", fontname="Noto Sans CJK SC"];',
             f'  {q(shown_name(center))} [fillcolor="#ffe58a"];']
    seen = set()
    for f in norms:
        if not f["bearer"]:
            continue
        who = shown_name(f["bearer"]["name"], f["bearer"]["iri"])
        label = relation_zh(f["relation"], f["verb"]) + (f"\n({f['relation']})" if english() else "")
        style = ', style=dashed' if f["condition"] or f["delegated_by"] else ""
        targets = f["objects"] if f["bearer"]["name"] == center else [center]
        for target in targets:
            edge = (who, shown_name(target), label, style)
            if edge in seen or who == shown_name(target):
                continue
            seen.add(edge)
            lines.append(f"  {q(who)} -> {q(shown_name(target))} [label={q(label)}{style}];")
    lines.append("}")
    return "\n".join(lines)


def graph_page() -> None:
    st.title("图谱 Graph")
    st.caption(texts()["graph"]["caption"])
    everything = facts()
    topics = sorted({o for f in everything for o in f["objects"]})
    posts = sorted({f["bearer"]["name"] for f in everything if f["bearer"]})
    options = topics + [p for p in posts if p not in topics]
    preferred = texts()["graph"]["default"]
    default = options.index(preferred) if preferred in options else 0
    center = st.selectbox("选择 / choose a meeting, document, seal or post", options, index=default)
    norms = [f for f in everything if center in f["objects"]
             or (f["bearer"] and f["bearer"]["name"] == center)]
    st.graphviz_chart(graph_dot(center, norms), width="stretch")
    with st.expander(f"出处 / sources ({len(norms)})"):
        from kg.present import fact_line
        for f in norms:
            st.markdown("- " + html.escape(fact_line(f)))


# ---------------------------------------------------------------- 浏览 Browse


def _article_html(article: dict, item: int | None) -> str:
    """An article laid out as in print; the item named in the permalink is highlighted."""
    parts = []
    for p in article["paragraphs"]:
        lead = p["text"].split("\n")[0] if p["items"] else p["text"]
        if not (p["items"] and lead.startswith(p["items"][0]["marker"])):
            parts.append(f'<p class="kg-par">{html.escape(lead)}</p>')
        for i in p["items"]:
            mark = ' style="background:#fff3b0"' if item == i["number"] else ""
            parts.append(f'<p class="kg-item" id="item-{i["number"]}"{mark}>'
                         f"{html.escape(i['marker'] + i['text'])}</p>")
            parts += [f'<p class="kg-sub">{html.escape(s["marker"] + s["text"])}</p>'
                      for s in i["subitems"]]
    style = ("<style>.kg-par{text-indent:2em;margin:.3em 0}.kg-item{padding-left:2em;margin:.2em 0}"
             ".kg-sub{padding-left:4em;margin:.1em 0}</style>")
    return style + "".join(parts)


def browse_page() -> None:
    doc = structure()
    st.title(doc["title"])
    number = _query_int("art")
    item = _query_int("item")
    with st.sidebar:
        st.subheader("目录 / Contents")
        for c in doc["chapters"]:
            in_chapter = c["articles"] + [a for s in c["sections"] for a in s["articles"]]
            with st.expander(f"第{chinese(c['number'])}章 {c['title']}",
                             expanded=any(a["number"] == number for a in in_chapter)):
                for a in in_chapter:
                    st.markdown(f"[{a['citation']}](?art={a['number']})")
        for a in doc["articles_outside_chapters"]:
            st.markdown(f"[{a['citation']}](?art={a['number']})")
    if number is None:
        for c in doc["chapters"]:
            st.subheader(f"第{chinese(c['number'])}章 {c['title']}")
            for a in c["articles"] + [a for s in c["sections"] for a in s["articles"]]:
                first = a["paragraphs"][0]["text"].split("\n")[0]
                st.markdown(f"**[{a['citation']}](?art={a['number']})** {html.escape(first[:60])}")
        return
    article = next((a for a in articles(doc) if a["number"] == number), None)
    if article is None:
        st.error(f"没有第{number}条 / there is no article {number}")
        return
    st.header(article["citation"])
    st.markdown(_article_html(article, item), unsafe_allow_html=True)
    st.caption(f"《{doc['title']}》{article['citation']} · permalink: ?art={article['number']}")
    st.code(f"《{doc['title']}》{article['citation']}", language=None)
    norms = [f for f in facts() if f["source"]["article"] == number]
    if norms:
        st.subheader(f"本条规范 / norms ({len(norms)})")
        from kg.present import fact_line
        for f in norms:
            st.markdown("- " + html.escape(fact_line(f)))
    _references(doc["id"], number)


def _references(reg_id: str, number: int) -> None:
    """引用 / 被引用: what this article cites (本规则第X条, 前款, 前条) and what cites it."""
    from rdflib import URIRef

    from kg.corpus import base_iri
    from kg.query import run

    rows = run(store(), "references", article=URIRef(f"{base_iri()}/eli/{reg_id}/art_{number}"))
    cites = [r for r in rows if r["direction"] == "cites"]
    cited = [r for r in rows if r["direction"] == "cited_by"]
    st.subheader("引用 / cross-references")
    if not rows:
        st.caption("本条未引用其他条款，也未被引用 / cites nothing and is cited by nothing")
    for r in cites:
        other = r["otherArticle"].rsplit("art_", 1)[-1].split("_")[0]
        st.markdown(f"- {r['fromCitation']} 引用 cites [{r['toCitation']}](?art={other})")
    for r in cited:
        other = r["otherArticle"].rsplit("art_", 1)[-1].split("_")[0]
        st.markdown(f"- [{r['fromCitation']}](?art={other}) 引用本条 cites {r['toCitation']}")


def main() -> None:
    st.set_page_config(page_title="规章知识图谱", page_icon="📜", layout="wide")
    pages = {
        "ask": st.Page(guarded(ask_page), title="问答 Ask", url_path="ask", default=True),
        "browse": st.Page(guarded(browse_page), title="浏览 Browse", url_path="browse"),
        "search": st.Page(guarded(search_page), title="检索 Search", url_path="search"),
        "sparql": st.Page(guarded(sparql_page), title="SPARQL", url_path="sparql"),
        "validate": st.Page(guarded(validate_page), title="校验 Validate", url_path="validate"),
        "graph": st.Page(guarded(graph_page), title="图谱 Graph", url_path="graph"),
    }
    st.session_state["pages"] = pages
    page = st.navigation(list(pages.values()))
    st.sidebar.toggle("English labels / 显示英文", key="english")
    page.run()
