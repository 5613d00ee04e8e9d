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

RELATION_ZH = {"signs": "签发/签署", "cosigns": "会签", "chairs": "主持", "convenes": "召集",
               "member_of": "组成", "attends_nonvoting": "列席", "participates": "参加",
               "attends": "出席", "approves": "同意", "reviews": "审核", "finalises": "审定",
               "examines": "审查", "reports_to": "报告", "informs": "告知", "supervises": "督办",
               "decides": "确定", "proposes": "提议", "leads": "领导", "assists": "协助",
               "undertakes": "承办", "drafts": "组织起草"}


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
        badges = [f"**{html.escape(a.label)}**", RELATION_ZH.get(a.relation, a.relation)]
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
    st.caption("用中文提问：谁签发、谁主持、谁列席、须经谁同意、向谁报告 …")
    st.markdown("<style>.kg-quote{background:#f6f6f3;padding:.6em .8em;border-left:3px solid #c8a;"
                "margin:.3em 0}.kg-quote mark{background:#ffe58a}</style>", unsafe_allow_html=True)
    engine = qa()
    cols = st.columns(3)
    for i, example in enumerate(engine.examples[:6]):
        if cols[i % 3].button(example, key=f"ex{i}"):
            st.session_state["question"] = example
    typed = st.chat_input("输入问题，例如：区政府规范性文件由谁签发？")
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


SEVERITY_ZH = {"Violation": "🔴 违规 Violation", "Warning": "🟠 警告 Warning", "Info": "🔵 提示 Info"}


def validate_page() -> None:
    from kg.corpus import PROJECT_ROOT
    from kg.lexicon import load_lexicon
    from kg.records import Loaded, Reader

    st.title("校验 Validate")
    st.caption("上传公文签发、会议记录、请销假、用印台账（CSV UTF-8，或 Turtle/JSON-LD），"
               "按规则逐条核对，每条发现注明所违反的条款。")
    reader = Reader(load_lexicon())
    uploads = st.file_uploader("上传记录文件 / upload logs", type=["csv", "ttl", "jsonld", "json"],
                               accept_multiple_files=True)
    c1, c2 = st.columns(2)
    if c1.button("示例：合规记录 / conforming examples"):
        st.session_state["validate_examples"] = "conforming"
    if c2.button("示例：违规记录 / violating examples"):
        st.session_state["validate_examples"] = "violating"
    loaded = Loaded()
    if uploads:
        for up in uploads:
            one = reader.read_bytes(up.name, up.getvalue())
            loaded.records += one.records
            loaded.errors += one.errors
            loaded.files += one.files
    elif st.session_state.get("validate_examples"):
        folder = PROJECT_ROOT / "examples" / st.session_state["validate_examples"]
        loaded = reader.read(sorted(folder.glob("*.csv")))
    else:
        return
    for error in loaded.errors:
        st.error(str(error))
    report = validator().validate(loaded)
    counts = report.counts
    cols = st.columns(4)
    cols[0].metric("记录 records", report.records)
    cols[1].metric("违规 Violation", counts["Violation"])
    cols[2].metric("警告 Warning", counts["Warning"])
    cols[3].metric("提示 Info", counts["Info"])
    if report.records and report.conforms and not report.results:
        st.success("全部记录符合规则 / all records conform")
    texts = {a["number"]: a["text"] for a in articles(structure())}
    for article, findings in report.by_article().items():
        title = f"第{chinese(article)}条" if article else "—"
        with st.expander(f"{title}（{len(findings)}）", expanded=True):
            if article:
                st.markdown(f"[打开原文 / open {title}](browse?art={article})")
                st.caption(texts.get(article, "")[:300])
            for f in findings:
                where = f"{f.file.rsplit('/', 1)[-1]}:{f.row}" if f.file else ""
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


def main() -> None:
    st.set_page_config(page_title="规章知识图谱", page_icon="📜", layout="wide")
    pages = [st.Page(guarded(ask_page), title="问答 Ask", url_path="ask", default=True),
             st.Page(guarded(browse_page), title="浏览 Browse", url_path="browse"),
             st.Page(guarded(validate_page), title="校验 Validate", url_path="validate")]
    st.navigation(pages).run()
