"""SPARQL: an editor with highlighting and completion of prefixes and ontology terms
(streamlit-code-editor, its Ace modes bundled in the package), Ctrl+Enter runs, syntax errors
point at the line, the query is kept in the URL (?query=…) so a link shares it; results as a
table, JSON and CSV. Read-only and time-limited like `kg serve`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

import streamlit as st

from kg.app.common import header, md, service, setup, texts

STARTER_BODY = """
SELECT ?citation ?text WHERE {
  ?article eli:type_subdivision kgst:article ; eli:id_local ?citation ; kg:text ?text ; kg:ordinal ?n .
}
ORDER BY ?n
LIMIT 10"""
# What one page keeps and checks in the app's own process (every user shares it): the endpoint
# answers more, to clients that ask it directly.
MAX_QUERY_CHARS = 100_000
MAX_ROWS = 10_000
MAX_GRAPH_CHARS = 2_000_000
RE_WHERE = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)
# Ace's light theme that ships inside the component (its streamlit themes @import a web font).
EDITOR_THEME = "textmate"
# The run button's label in a colour with ≥ 4.5:1 contrast (the component's default grey has 3.9:1).
# Token colours are set here too, each ≥ 4.5:1 on white, so highlighting does not depend on the theme.
EDITOR_CSS = """span[class*='button-menu__StyledSpan'] { color: #1f2430 !important; }
.ace_keyword { color: #0033b3 !important; font-weight: 600; }
.ace_variable { color: #871094 !important; }
.ace_string { color: #067d17 !important; }
.ace_qname, .ace_entity { color: #1750eb !important; }
.ace_comment { color: #5c636e !important; font-style: italic; }
.ace_constant, .ace_numeric { color: #a4420d !important; }"""


def prefixes() -> str:
    """PREFIX lines for every namespace the ontology uses (kg.ns)."""
    from kg.ns import PREFIXES
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()) if p != "sh")


def starter() -> str:
    return prefixes() + STARTER_BODY


def examples() -> dict[str, str]:
    from kg.resources import data_dir
    out = {}
    for path in sorted((data_dir("queries") / "examples").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        out[text.splitlines()[0].lstrip("# ")] = text
    return out


@st.cache_resource
def completions() -> list[dict]:
    """Ace completions: PREFIX lines and every prefixed term the ontology files name.

    Each term's Chinese label (or the kind of term) is shown beside it.
    """
    from rdflib import RDFS, Graph, Literal, URIRef
    from rdflib.namespace import ClosedNamespace

    from kg.ns import PREFIXES
    from kg.resources import data_file

    g = Graph()
    for name in ("kg.ttl", "records.ttl"):
        g.parse(data_file("ontology", name))
    namespaces = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda x: -len(x[1]))
    terms: dict[str, str] = {}
    for triple in g:
        for node in triple:
            if not isinstance(node, URIRef):
                continue
            iri = str(node)
            for p, ns in namespaces:
                local = iri[len(ns):]
                if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w-]*", local):
                    labels = [str(lb) for lb in g.objects(node, RDFS.label)
                              if isinstance(lb, Literal) and lb.language == "zh"]
                    terms.setdefault(f"{p}:{local}", labels[0] if labels else p)
                    break
    for prefix, space in PREFIXES.items():  # a closed namespace lists every term the project uses
        if isinstance(space, ClosedNamespace):
            for local in dir(space):
                terms.setdefault(f"{prefix}:{local}", str(prefix))
    out = [{"caption": f"PREFIX {p}:", "value": f"PREFIX {p}: <{ns}>", "meta": "prefix", "score": 1000}
           for p, ns in sorted(namespaces)]
    out += [{"caption": t, "value": t, "meta": meta, "score": 500} for t, meta in sorted(terms.items())]
    return out


@dataclass(frozen=True)
class QueryError:
    """A refused or failed query; line/column when the parser said where."""

    message: str
    line: int | None = None
    column: int | None = None


def explain(status: int, body: str) -> QueryError:
    """The endpoint's error as a person reads it: where, and what was expected.

    >>> e = explain(400, "error at 4:2: expected OPTIONAL")
    >>> e.line, e.column, e.message
    (4, 2, '第 4 行第 2 列有语法错误 / syntax error at line 4, column 2: expected OPTIONAL')
    """
    m = RE_WHERE.search(body)
    if not m:
        return QueryError(f"HTTP {status}: {body}")
    line, column, what = int(m.group(1)), int(m.group(2)), m.group(3).strip()
    if "Prefix not found" in what:
        what = "前缀未声明 / prefix not declared"
    elif len(what) > 160:
        what = what[:160] + "…"
    return QueryError(f"第 {line} 行第 {column} 列有语法错误 / syntax error at line {line}, "
                      f"column {column}: {what}", line, column)


def run_sparql(query: str) -> tuple[str, object]:
    """("table", (names, rows, how many the endpoint gave)) / ("boolean", bool) / ("graph", turtle) /
    ("error", QueryError); at most MAX_ROWS rows and MAX_GRAPH_CHARS of a graph are kept."""
    import urllib.error
    import urllib.parse
    import urllib.request

    from kg.endpoint import query_form, refusal

    if len(query) > MAX_QUERY_CHARS:   # checked here before the endpoint's limits apply
        return "error", QueryError(
            f"查询过长（本页最多 {MAX_QUERY_CHARS} 字符，请直接发往 SPARQL 端点）/ "
            f"query too long for this page (at most {MAX_QUERY_CHARS} characters; send it to the endpoint)")
    why = refusal(query)
    if why:
        return "error", QueryError(why)
    form = query_form(query)
    accept = "text/turtle" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
    req = urllib.request.Request(service().sparql_url,
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
        except (ValueError, KeyError, TypeError):
            pass
        return "error", explain(exc.code, str(text))
    except (urllib.error.URLError, OSError) as exc:
        return "error", QueryError(f"无法连接 SPARQL 端点 / cannot reach the SPARQL endpoint: {exc}")
    if accept == "text/turtle":
        return "graph", body[:MAX_GRAPH_CHARS]
    doc = json.loads(body)
    if "boolean" in doc:
        return "boolean", doc["boolean"]
    names = doc["head"]["vars"]
    bindings = doc["results"]["bindings"]
    rows = [{n: b.get(n, {}).get("value") for n in names} for b in bindings[:MAX_ROWS]]
    return "table", (names, rows, len(bindings))


def to_csv(names: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, names)
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def _editor(text: str, error: QueryError | None):
    from code_editor import code_editor

    annotations = ([{"row": error.line - 1, "column": max(0, (error.column or 1) - 1),
                     "type": "error", "text": error.message}] if error and error.line else [])
    run = {"name": "运行 / run (Ctrl+Enter)", "feather": "Play", "primary": True, "hasText": True,
           "alwaysOn": True, "showWithIcon": True, "commands": ["submit"],
           "style": {"bottom": "0.44rem", "right": "0.4rem"}}
    return code_editor(text, lang="sparql", height=[14, 30], buttons=[run], completions=completions(),
                       key=f"sparql_editor_{st.session_state.get('sparql_version', 0)}",
                       props={"theme": EDITOR_THEME, "annotations": annotations},
                       options={"showLineNumbers": True, "fontSize": 14, "wrap": True,
                                "enableLiveAutocompletion": True,
                                # Ace's accessible mode: the input is labelled, Escape leaves the editor.
                                "enableKeyboardAccessibility": True,
                                "textInputAriaLabel": "SPARQL 查询 / query"},
                       component_props={"css": EDITOR_CSS})


def _pick_example() -> None:
    choice = st.session_state.get("sparql_example")
    if choice and choice != "—":
        st.session_state["sparql_text"] = examples()[choice]
        st.session_state["sparql_version"] = st.session_state.get("sparql_version", 0) + 1
        st.session_state["sparql_run"] = None


def render() -> None:
    setup("SPARQL")
    st.title("SPARQL")
    header()
    st.caption(texts()["sparql"]["caption"])
    gallery = examples()
    st.selectbox("示例 / examples", ["—"] + list(gallery), key="sparql_example", on_change=_pick_example)
    shared = st.query_params.get("query")
    if "sparql_text" not in st.session_state:
        st.session_state["sparql_text"] = shared or starter()
        st.session_state["sparql_run"] = shared  # a shared link shows its results
    last = st.session_state.get("sparql_result")
    event = _editor(st.session_state["sparql_text"],
                    last[1] if last and last[0] == "error" else None)
    if event and event.get("type") == "submit" and event.get("id") != st.session_state.get("sparql_event"):
        st.session_state["sparql_event"] = event["id"]
        st.session_state["sparql_text"] = event["text"]
        st.session_state["sparql_run"] = event["text"]
    query = st.session_state.get("sparql_run")
    if not query:
        return
    if st.query_params.get("query") != query:
        st.query_params["query"] = query
    if not last or last[2] != query:
        kind, result = run_sparql(query)
        last = (kind, result, query)
        st.session_state["sparql_result"] = last
        if kind == "error":
            # Redraw the editor with the error marked on its line, as a new instance: an editor
            # given new marks twice in quick succession (this run's, then the rerun's) can keep
            # the first.
            st.session_state["sparql_version"] = st.session_state.get("sparql_version", 0) + 1
            st.rerun()
    _show(query, last[0], last[1])


def _show(query: str, kind: str, result) -> None:
    if kind == "error":
        st.error(md(result.message))
        if result.line:
            lines = query.splitlines()
            shown = lines[result.line - 1] if 0 < result.line <= len(lines) else ""
            st.code(f"{result.line:>4} | {shown}\n       {' ' * max(0, (result.column or 1) - 1)}^",
                    language=None)
    elif kind == "boolean":
        st.success(f"ASK → {result}")
    elif kind == "graph":
        st.code(result[:20000], language="turtle")
        if len(result) >= MAX_GRAPH_CHARS:
            st.info(f"只保留前 {MAX_GRAPH_CHARS} 个字符；完整结果请直接查询 SPARQL 端点 / "
                    f"the first {MAX_GRAPH_CHARS} characters only; ask the endpoint for all of it")
        st.download_button("下载 Turtle / download", result, "result.ttl", "text/turtle")
    else:
        import pandas as pd
        names, rows, total = result
        st.caption(f"{len(rows)} 行 / rows" if total == len(rows) else
                   f"共 {total} 行，显示并可下载前 {len(rows)} 行；完整结果请直接查询 SPARQL 端点 / "
                   f"{total} rows; the first {len(rows)} are shown and downloadable; ask the endpoint")
        as_json = json.dumps(rows, ensure_ascii=False, indent=1)
        as_csv = to_csv(names, rows)
        table, js, cs = st.tabs(["表格 / table", "JSON", "CSV"])
        table.dataframe(pd.DataFrame(rows, columns=names), width="stretch", hide_index=True)
        js.code(as_json[:20000], language="json")
        cs.code(as_csv[:20000], language=None)
        d1, d2 = st.columns(2)
        d1.download_button("下载 CSV / download CSV", as_csv, "result.csv", "text/csv")
        d2.download_button("下载 JSON / download JSON", as_json, "result.json", "application/json")
