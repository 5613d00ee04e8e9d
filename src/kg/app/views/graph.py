"""图谱 Graph: who chairs, attends, signs or approves a meeting, document, seal or post."""

from __future__ import annotations

import html

import streamlit as st

from kg.app.common import english, relation_zh, service, shown_name, texts


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


def render() -> None:
    st.title("图谱 Graph")
    st.caption(texts()["graph"]["caption"])
    everything = service().facts
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
