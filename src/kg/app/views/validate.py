"""校验 Validate: upload logs or pick the examples; findings grouped by the article they break,
each linked to the violated 款/项, its value written in words; reports as CSV (with a BOM and
Excel-safe cells, for Excel on Chinese Windows) and JSON, without server paths.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import PurePath

import streamlit as st

from kg.app.common import chinese, full_citation, header, md, provision_link, service, setup, texts
from kg.present import locate_iri

# Coloured text rather than emoji: no emoji font is needed to read the severity.
SEVERITY_ZH = {"Violation": ":red[**违规 Violation**]", "Warning": ":orange[**警告 Warning**]",
               "Info": ":blue[**提示 Info**]"}
SEVERITY_WORD = {"Violation": "违规", "Warning": "警告", "Info": "提示"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(cell) -> str:
    """A cell Excel will not run as a formula: text starting with = + - @ gets a leading '.

    >>> excel_safe("=HYPERLINK(1)"), excel_safe("-2"), excel_safe(None)
    ("'=HYPERLINK(1)", '-2', '')
    """
    text = "" if cell is None else str(cell)
    if text.startswith(FORMULA_START):
        try:
            float(text)
            return text
        except ValueError:
            return "'" + text
    return text


def file_name(path: str | None) -> str:
    """Only the file's own name: a report never shows where the server keeps it."""
    return PurePath(path).name if path else ""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def value_words(finding, record) -> str:
    """A finding's value as a reader says it: 实到 5 人 / 应到 11 人（45%）, 告知办公室主任：否.

    The rule's property is the last step of the shape's path; its wording comes from
    ontology/ui.toml, else from the property's label in records.ttl.
    """
    if finding.value is None:
        return ""
    words = texts()["validate"]
    prop = _local(finding.shape)
    value = {"true": words["yes"], "false": words["no"]}.get(finding.value, finding.value)
    fields = {_local(k): v[0] for k, v in record.props.items() if v} if record else {}
    template = words.get("values", {}).get(prop)
    if template:
        extra = {}
        try:
            number = float(finding.value)
            extra = {"percent": f"{number:.0%}", "abs": f"{abs(number):g}",
                     "early_late": words["early"] if number >= 0 else words["late"]}
        except ValueError:
            pass
        try:
            return template.format(value=value, **extra, **fields)
        except (KeyError, ValueError, IndexError):
            pass
    label = service().record_labels.get(prop, {}).get("zh", prop)
    return f"{label}：{value}"


def records_by_place(loaded) -> dict:
    """Records keyed by (file, sheet, row): two monthly logs may both number their records 1, 2 …"""
    return {(r.file, r.sheet, r.row): r for r in loaded.records}


def report_rows(report, records: dict) -> list[dict]:
    """One row per finding, as the page and both downloads show it."""
    from kg.hierarchy import regulation_id

    svc = service()
    rows = []
    for f in report.results:
        reg = regulation_id(f.source) if f.source else ""  # the regulation the check encodes
        doc = svc.structure_of(reg) if reg in svc.entries else None
        where = locate_iri(doc, f.source) if doc and f.source else None
        citation = where.citation if where else (f.citation or "")
        cited = full_citation(citation, reg or None) if citation else ""
        rows.append({"severity": f.severity, "citation": cited,
                     "record": f.record, "row": f.row,
                     "file": file_name(f.file) + (f"#{f.sheet}" if getattr(f, "sheet", None) else ""),
                     "message": f.message, "value": f.value,
                     "value_words": value_words(f, records.get((f.file, f.sheet, f.row))),
                     "article": f.article, "params": where.params if where else {}, "reg": reg})
    return rows


CSV_COLUMNS = [("severity", "严重程度 severity"), ("citation", "违反条款 provision"),
               ("record", "记录 record"), ("file", "文件 file"), ("row", "行 row"),
               ("message", "说明 finding"), ("value_words", "记录中的值 value"), ("value", "原值 raw value")]


def report_csv(rows: list[dict]) -> bytes:
    """UTF-8 with a BOM (so Excel on Chinese Windows reads it), every cell formula-safe."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow([title for _, title in CSV_COLUMNS])
    for r in rows:
        w.writerow([excel_safe(SEVERITY_WORD.get(r[k], r[k]) if k == "severity" else r[k])
                    for k, _ in CSV_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def report_json(report, rows: list[dict]) -> str:
    doc = report.to_json()
    doc["files"] = [file_name(p) for p in doc.get("files", [])]
    for e in doc.get("errors", []) + doc.get("notes", []):
        e["file"] = file_name(e.get("file"))
    doc["roster"] = file_name(doc.get("roster")) or None
    doc["encodings"] = {file_name(k): v for k, v in doc.get("encodings", {}).items()}
    doc["results"] = [{k: v for k, v in r.items() if k not in ("params", "reg")} for r in rows]
    return json.dumps(doc, ensure_ascii=False, indent=1)


def render() -> None:
    from kg.records import load_schema, read_logs, read_uploads, template
    from kg.resources import data_dir

    setup("校验")
    words = texts()["validate"]
    st.title("校验 Validate")
    header()
    st.caption(words["caption"])
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
    with st.container(horizontal=True):  # wraps on a phone instead of stacking
        if st.button("示例：合规记录 / conforming examples"):
            st.session_state["validate_examples"] = "conforming"
        if st.button("示例：违规记录 / violating examples"):
            st.session_state["validate_examples"] = "violating"
        if st.button("示例：办公室台账 / office logs"):
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
        st.error(md(replace(error, file=file_name(error.file))))
    for note in loaded.notes:
        st.info(md(replace(note, file=file_name(note.file))))
    if loaded.errors and not loaded.records:
        st.warning(words["unreadable"])
        return
    report = service().validator.validate(loaded)
    rows = report_rows(report, records_by_place(loaded))
    counts = report.counts
    with st.container(horizontal=True, key="kg_counts"):
        st.metric("记录 records", report.records, width="content")
        st.metric("违规 Violation", counts["Violation"], width="content")
        st.metric("警告 Warning", counts["Warning"], width="content")
        st.metric("提示 Info", counts["Info"], width="content")
    if report.records and report.conforms and not report.results:
        st.success("全部记录符合规则 / all records conform")
    st.caption(f"工作日 / working days: {report.calendar}"
               + "".join(f" · {file_name(name)}: {enc}" for name, enc in report.encodings.items()))
    with st.container(horizontal=True):
        st.download_button("下载报告 CSV / download CSV", report_csv(rows), "report.csv", "text/csv")
        st.download_button("下载报告 JSON / download JSON", report_json(report, rows), "report.json",
                           "application/json")
    by_article: dict = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    for article in sorted(by_article, key=lambda a: (a is None, a or 0)):
        findings = by_article[article]
        title = f"第{chinese(article)}条" if article else "—"
        with st.expander(f"{title}（{len(findings)}）", expanded=True):
            by_provision: dict = {}
            for r in findings:
                by_provision.setdefault(r["citation"], []).append(r)
            for citation, group in by_provision.items():
                if group[0]["params"]:
                    provision_link(citation, group[0]["params"], reg=group[0]["reg"] or None)
                lines = []
                for r in group:
                    where = f"{r['file']} 第{r['row']}行" if r["file"] and r["row"] else r["file"]
                    value = f" ——{md(r['value_words'])}" if r["value_words"] else ""
                    lines.append(f"- {SEVERITY_ZH[r['severity']]} **{md(r['record'])}** "
                                 f"（{md(where)}）{md(r['message'])}{value}")
                st.markdown("\n".join(lines))
