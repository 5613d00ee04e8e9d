"""校验 Validate: upload logs or pick the examples; findings grouped by the article they break."""

from __future__ import annotations

import html

import streamlit as st

from kg.app.common import articles, chinese, service, texts

# Coloured text rather than emoji: no emoji font is needed to read the severity.
SEVERITY_ZH = {"Violation": ":red[**违规 Violation**]", "Warning": ":orange[**警告 Warning**]",
               "Info": ":blue[**提示 Info**]"}


def render() -> None:
    from kg.records import load_schema, read_logs, read_uploads, template
    from kg.resources import data_dir

    st.title("校验 Validate")
    st.caption(texts()["validate"]["caption"])
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
    report = service().validator.validate(loaded)
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
    article_texts = {a["number"]: a["text"] for a in articles(service().structure)}
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
