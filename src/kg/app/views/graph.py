"""图谱 Graph: who chairs, attends, signs or approves a meeting, document, seal or post.

Drawn with Streamlit's own ECharts element (bundled, no network): a force layout in a
fixed-height frame with the chosen node pinned at the centre; drag to pan, scroll to zoom,
click a node to centre it, click an edge to open the provision it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from kg.app.common import english, header, md, relation_zh, service, setup, shown_name, texts
from kg.present import permalink

HEIGHT = 560
CENTRE = "#ffe58a"


@dataclass
class Edge:
    source: str
    target: str
    relations: list[str] = field(default_factory=list)
    provisions: list[tuple[str, str]] = field(default_factory=list)  # (citation, iri)
    dashed: bool = True


def neighbourhood(center: str, norms: list[dict], relation_name=lambda relation, verb: verb
                  ) -> tuple[list[str], list[Edge]]:
    """The nodes and edges around `center`: one edge per pair, its relations and provisions merged.

    >>> f = {"bearer": {"name": "区长", "iri": "x"}, "relation": "chairs", "verb": "主持",
    ...      "objects": ["常务会议"], "condition": None, "delegated_by": [],
    ...      "source": {"citation": "第四十三条第一款", "iri": "https://x/eli/r/art_43/par_1"}}
    >>> nodes, edges = neighbourhood("常务会议", [f])
    >>> nodes, edges[0].source, edges[0].target, edges[0].provisions[0][0]
    (['常务会议', '区长'], '区长', '常务会议', '第四十三条第一款')
    """
    nodes = [center]
    edges: dict[tuple[str, str], Edge] = {}
    for f in norms:
        if not f["bearer"]:
            continue
        who = f["bearer"]["name"]
        targets = f["objects"] if who == center else [center]
        for target in targets:
            if who == target:
                continue
            edge = edges.setdefault((who, target), Edge(who, target))
            name = relation_name(f["relation"], f["verb"])
            if name not in edge.relations:
                edge.relations.append(name)
            provision = (f["source"]["citation"], f["source"]["iri"])
            if provision not in edge.provisions:
                edge.provisions.append(provision)
            # Dashed only when every norm behind the edge is conditional or delegated.
            edge.dashed = edge.dashed and bool(f["condition"] or f["delegated_by"])
            for n in (who, target):
                if n not in nodes:
                    nodes.append(n)
    return nodes, list(edges.values())


def spec(center: str, nodes: list[str], edges: list[Edge]) -> dict:
    """The ECharts option: the chosen node in the middle, its neighbours on a ring grouped and
    coloured by how they relate to it (legend), so the whole neighbourhood fits one frame.
    Edge labels are drawn when there are few edges, else shown on hover; layout is fixed
    (computed here), so the picture is the same on every load."""
    import math

    relation_of: dict[str, str] = {}
    for e in edges:
        other = e.target if e.source == center else e.source
        relation_of.setdefault(other, e.relations[0])
    ring = sorted((n for n in nodes if n != center), key=lambda n: (relation_of.get(n, ""), n))
    groups = list(dict.fromkeys(relation_of.get(n, "") for n in ring))
    crowded = len(ring) > 14
    data = [{"name": center, "value": shown_name(center), "x": 0, "y": 0, "symbolSize": 60,
             "category": len(groups),
             "itemStyle": {"color": CENTRE, "borderColor": "#7a5c00", "borderWidth": 2},
             "label": {"show": True, "position": "inside", "formatter": "{c}", "color": "#1a1a1a",
                       "fontSize": 14, "fontWeight": "bold"}}]

    def ring_nodes(stretch: float) -> list[dict]:
        out = []
        for i, name in enumerate(ring):
            angle = 2 * math.pi * i / max(1, len(ring)) - math.pi / 2
            radius = (1.0 if i % 2 == 0 else 0.72) if crowded else 1.0
            x, y = stretch * radius * math.cos(angle), radius * math.sin(angle)
            out.append({"name": name, "value": shown_name(name), "x": round(x * 100, 1),
                        "y": round(y * 100, 1), "symbolSize": 16,
                        "category": groups.index(relation_of.get(name, "")),
                        "label": {"show": True, "formatter": "{c}", "color": "#1a1a1a", "fontSize": 12,
                                  "position": "right" if math.cos(angle) >= -0.01 else "left"}})
        return out

    links = []
    for e in edges:
        links.append({"source": e.source, "target": e.target, "value": "/".join(e.relations),
                      "label": {"show": not crowded, "formatter": "{c}", "color": "#1a1a1a",
                                "fontSize": 11, "backgroundColor": "#ffffff", "padding": [1, 3]},
                      "lineStyle": {"type": "dashed" if e.dashed else "solid", "width": 1.2,
                                    "color": "#6b7280", "curveness": 0.05}})
    series = {
        "type": "graph", "layout": "none", "roam": True, "selectedMode": "single", "preserveAspect": True,
        "top": 44, "bottom": 24, "left": 150, "right": 150,
        "categories": [{"name": g} for g in groups] + [{"name": center}],
        "edgeSymbol": ["none", "arrow"], "edgeSymbolSize": 7,
        "emphasis": {"focus": "adjacency", "edgeLabel": {"show": True}, "label": {"show": True}},
        "select": {"itemStyle": {"borderColor": "#1d4ed8", "borderWidth": 3}},
        "data": data + ring_nodes(1.3), "links": links,
    }
    return {
        "baseOption": {
            "animation": False,
            "tooltip": {"show": False},
            "legend": [{"data": groups, "top": 0, "type": "scroll", "textStyle": {"color": "#1a1a1a"}}],
            "series": [series],
        },
        # A phone-wide frame: narrower margins and smaller labels.
        "media": [{"query": {"maxWidth": 600},
                   "option": {"series": [{"left": 60, "right": 60, "top": 40, "bottom": 10,
                                          "data": data + ring_nodes(0.45)}]}}],
    }


def _choice(options: list[str]) -> str:
    words = texts()["graph"]
    wanted = st.query_params.get("node") or st.session_state.get("graph_center") or words["default"]
    if wanted not in options:
        wanted = words["default"] if words["default"] in options else options[0]
    center = st.selectbox(words["choose"], options, index=options.index(wanted))
    if center != st.query_params.get("node"):
        st.query_params["node"] = center
    st.session_state["graph_center"] = center
    return center


def render() -> None:
    setup("图谱")
    words = texts()["graph"]
    st.title("图谱 Graph")
    header()
    everything = service().facts
    topics = sorted({o for f in everything for o in f["objects"]})
    posts = {f["bearer"]["name"] for f in everything if f["bearer"]}
    options = topics + sorted(p for p in posts if p not in topics)
    center = _choice(options)
    st.caption(words["caption"] + "。" + words["help"])
    norms = [f for f in everything if center in f["objects"]
             or (f["bearer"] and f["bearer"]["name"] == center)]
    nodes, edges = neighbourhood(center, norms, _relation_name)
    event = st.echarts_chart(spec(center, nodes, edges), height=HEIGHT, key=f"graph_{center}",
                             on_select="rerun", renderer="svg", alt=f"{center}：" + "；".join(
                                 f"{e.source} {'/'.join(e.relations)} {e.target}" for e in edges))
    for chosen in event.selection.selected:
        if not chosen["data_indices"]:
            continue
        index = chosen["data_indices"][0]
        if chosen["data_type"] == "node" and nodes[index] != center:
            st.query_params["node"] = nodes[index]
            st.session_state["graph_center"] = nodes[index]
            st.rerun()
        if chosen["data_type"] == "edge":
            _open(edges[index])
    with st.expander(f"{words['sources']} ({len(norms)})"):
        from kg.present import fact_line
        for f in norms:
            st.markdown("- " + md(fact_line(f)))


def _relation_name(relation: str, verb: str) -> str:
    name = relation_zh(relation, verb).split("/")[0]
    return f"{name} ({relation})" if english() else name


def _open(edge: Edge) -> None:
    """One provision: open it on the Browse page; several: list them to choose from."""
    from kg.app.common import link_params, provision_link
    from kg.hierarchy import regulation_id
    if len(edge.provisions) == 1 and "pages" in st.session_state:
        iri = edge.provisions[0][1]
        st.switch_page(st.session_state["pages"]["browse"],
                       query_params=link_params(permalink(iri), regulation_id(iri) or None))
    st.markdown(f"**{md(edge.source)} {md('/'.join(edge.relations))} {md(edge.target)}**")
    for citation, iri in edge.provisions:
        provision_link(citation, permalink(iri), reg=regulation_id(iri) or None)
