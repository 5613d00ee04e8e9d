"""The app's entry point: page registry, navigation, the regulation picker and the English switch."""

from __future__ import annotations

import streamlit as st

from kg.app.common import english, guarded, picked, service, texts
from kg.app.views import ask, browse, graph, library, search, sparql, validate

PAGES = [  # (key, module, title, url path)
    ("ask", ask, "问答 Ask", "ask"),
    ("library", library, "规章库 Library", "library"),
    ("browse", browse, "浏览 Browse", "browse"),
    ("search", search, "检索 Search", "search"),
    ("sparql", sparql, "SPARQL", "sparql"),
    ("validate", validate, "校验 Validate", "validate"),
    ("graph", graph, "图谱 Graph", "graph"),
]


def _picked() -> None:
    """The sidebar picker changed: remember the choice and put it in the address ("" = all)."""
    reg = st.session_state.get("reg_pick") or ""
    st.session_state["reg"] = reg
    if reg:
        st.query_params["reg"] = reg
    elif "reg" in st.query_params:
        del st.query_params["reg"]


def _picker() -> None:
    """Which regulation every page works in; shown only when the library holds several."""
    entries = service().library
    if len(entries) < 2:
        return
    words = texts()["scope"]
    # Follow the address and the session (a link may have picked another regulation).
    st.session_state["reg_pick"] = picked() or ""
    titles = {e.id: e.title + (f"（{e.title_en}）" if english() and e.title_en else "") for e in entries}
    st.sidebar.selectbox(words["label"], [""] + list(titles), key="reg_pick", on_change=_picked,
                         format_func=lambda rid: titles.get(rid) or words["all"])


def main() -> None:
    st.set_page_config(page_title="规章知识图谱", page_icon="📜", layout="wide")
    pages = {key: st.Page(guarded(module.render), title=title, url_path=path, default=key == "ask")
             for key, module, title, path in PAGES}
    st.session_state["pages"] = pages
    page = st.navigation(list(pages.values()))
    st.sidebar.toggle("English labels / 显示英文", key="english")
    guarded(_picker)()
    page.run()
