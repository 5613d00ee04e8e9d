"""The app's entry point: page registry, navigation and the English switch."""

from __future__ import annotations

import streamlit as st

from kg.app.common import guarded
from kg.app.views import ask, browse, graph, search, sparql, validate

PAGES = [  # (key, module, title, url path)
    ("ask", ask, "问答 Ask", "ask"),
    ("browse", browse, "浏览 Browse", "browse"),
    ("search", search, "检索 Search", "search"),
    ("sparql", sparql, "SPARQL", "sparql"),
    ("validate", validate, "校验 Validate", "validate"),
    ("graph", graph, "图谱 Graph", "graph"),
]


def main() -> None:
    st.set_page_config(page_title="规章知识图谱", page_icon="📜", layout="wide")
    pages = {key: st.Page(guarded(module.render), title=title, url_path=path, default=key == "ask")
             for key, module, title, path in PAGES}
    st.session_state["pages"] = pages
    page = st.navigation(list(pages.values()))
    st.sidebar.toggle("English labels / 显示英文", key="english")
    page.run()
