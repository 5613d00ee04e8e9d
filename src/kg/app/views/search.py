"""检索 Search: full-text search, most relevant first, snippets cut at sentence boundaries; words to
try when nothing is found; and a jump-to-article box."""

from __future__ import annotations

import streamlit as st

from kg.app.common import (
    header,
    is_library,
    md,
    one_line,
    picked,
    provision_link,
    service,
    setup,
    texts,
    title_of,
)


def _try(word: str) -> None:
    st.session_state["search_query"] = word


def render() -> None:
    from kg.search import jump

    setup("检索")
    words = texts()["search"]
    st.title("检索 Search")
    header()
    if "search_query" not in st.session_state and st.query_params.get("q"):
        st.session_state["search_query"] = st.query_params["q"]
    query = st.text_input(words["box"], key="search_query", placeholder=words["placeholder"])
    if query and st.query_params.get("q") != query:
        st.query_params["q"] = query
    with st.expander(words["jump"], expanded=not query):
        with st.form("jump", border=False):
            target = st.text_input(words["jump"], label_visibility="collapsed")
            if st.form_submit_button("打开 / open") and target:
                number = jump(target)
                if number is None:
                    st.error(f"无法识别的条号：{md(target)} / not an article number")
                elif picked() is None:
                    st.error(texts()["scope"]["pick"])
                else:
                    from kg.app.common import link_params
                    st.query_params.clear()
                    st.switch_page(st.session_state["pages"]["browse"],
                                   query_params=link_params({"art": number}))
    if not query:
        return
    index = service().search_index
    reg = picked()
    hits = index.search(query, regulations=[reg] if reg else None)
    if not hits:
        st.info(words["none"].format(query=md(query)))
        labels = [lb for e in service().lexicon.entries.values() for lb in e.labels]
        suggestions = index.suggest(query, labels)
        if suggestions:
            st.markdown(f"**{words['suggest']}**")
            with st.container(horizontal=True):
                for word in suggestions:
                    st.button(md(word), key=f"try_{word}", on_click=_try, args=(word,))
        return
    st.caption(words["results"].format(n=len(hits)))
    for h in hits:
        with st.container(border=True):
            # Across the library a hit names its regulation; within one, the citation is enough.
            label = h.citation if reg or not is_library() else f"《{title_of(h.regulation)}》{h.citation}"
            provision_link(label, {"art": h.article}, reg=h.regulation)
            st.markdown(f'<div class="kg-snippet">{one_line(h.snippet)}</div>', unsafe_allow_html=True)
