"""SPARQL: an editor with the example gallery, read-only and time-limited like `kg serve`."""

from __future__ import annotations

import streamlit as st

from kg.app.common import service

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


def render() -> None:
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
