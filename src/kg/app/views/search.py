"""检索 Search: full-text search with highlighted snippets, and a jump-to-article box."""

from __future__ import annotations

import streamlit as st

from kg.app.common import service, texts


def render() -> None:
    from kg.search import jump

    st.title("检索 Search")
    with st.form("jump"):
        target = st.text_input("跳到条文 / go to article（第62条 / 六十二 / 62）")
        if st.form_submit_button("打开 / open") and target:
            number = jump(target)
            if number is None:
                st.error(f"无法识别的条号：{target} / not an article number")
            else:
                st.query_params.clear()
                st.switch_page(st.session_state["pages"]["browse"], query_params={"art": number})
    query = st.text_input("全文检索 / search the text", key="search_query",
                          placeholder=texts()["search"]["placeholder"])
    if not query:
        return
    hits = service().search_index.search(query)
    st.caption(f"{len(hits)} 条结果 / results")
    for h in hits:
        with st.container(border=True):
            st.markdown(f"**[{h.citation}](browse?art={h.article})** · BM25 {h.score:.2f}")
            st.markdown(f'<div class="kg-snippet">{h.snippet}</div>', unsafe_allow_html=True)
    st.markdown("<style>.kg-snippet mark{background:#ffe58a}</style>", unsafe_allow_html=True)
