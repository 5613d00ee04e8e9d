"""校验 Validate: upload logs or pick the examples; findings grouped by the article they break."""

from __future__ import annotations

import html

import streamlit as st

from kg.app.common import articles, chinese, service, texts

# Coloured text rather than emoji: no emoji font is needed to read the severity.
SEVERITY_ZH = {"Violation": ":red[**违规 Violation**]", "Warning": ":orange[**警告 Warning**]",
               "Info": ":blue[**提示 Info**]"}


def render() -> None:
    from kg.lexicon import load_lexicon
    from kg.records import Loaded, Reader
    from kg.resources import data_dir

    st.title("校验 Validate")
    st.caption(texts()["validate"]["caption"])
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
        folder = data_dir("examples") / st.session_state["validate_examples"]
        loaded = reader.read(sorted(folder.glob("*.csv")))
    else:
        return
    for error in loaded.errors:
        st.error(str(error))
    report = service().validator.validate(loaded)
    counts = report.counts
    cols = st.columns(4)
    cols[0].metric("记录 records", report.records)
    cols[1].metric("违规 Violation", counts["Violation"])
    cols[2].metric("警告 Warning", counts["Warning"])
    cols[3].metric("提示 Info", counts["Info"])
    if report.records and report.conforms and not report.results:
        st.success("全部记录符合规则 / all records conform")
    article_texts = {a["number"]: a["text"] for a in articles(service().structure)}
    for article, findings in report.by_article().items():
        title = f"第{chinese(article)}条" if article else "—"
        with st.expander(f"{title}（{len(findings)}）", expanded=True):
            if article:
                st.markdown(f"[打开原文 / open {title}](browse?art={article})")
                st.caption(article_texts.get(article, "")[:300])
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
