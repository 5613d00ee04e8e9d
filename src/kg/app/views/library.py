"""规章库 Library: every regulation in the graph (title, 文号, issuer, level, year), filtered by
issuer, level and year; full-text search across the texts listed; each one link from its own
address (/browse?reg=ID)."""

from __future__ import annotations

import streamlit as st

from kg.app.common import english, header, md, one_line, provision_link, service, setup, texts, title_of
from kg.catalog import Entry, Level, facets, select

PAGE = 50  # rows drawn at first, and added by each "more"


def _level_name(level: Level) -> str:
    return f"{level.zh} ({level.en})" if english() else level.zh


def _row(e: Entry) -> None:
    words = texts()
    parts = [md(x) for x in (e.doc_number, e.issuer) if x]   # inline HTML: Markdown around it renders
    parts.append(md(_level_name(e.level)))
    parts.append(str(e.year) if e.year else words["library"]["unknown_year"])
    with st.container(border=True):
        provision_link(f"《{title_of(e.id)}》", {}, reg=e.id)
        st.markdown(f'<span class="kg-muted">{" ｜ ".join(parts)}</span>', unsafe_allow_html=True)


def render() -> None:
    words = texts()["library"]
    setup(words["page"])
    st.title(words["title"])
    header()
    entries = service().library
    offered = facets(entries)
    levels = {lv.id: lv for lv in offered.levels}
    cols = st.columns([2, 3, 2])
    issuers = cols[0].multiselect(words["issuer"], offered.issuers, key="lib_issuer",
                                  placeholder=words["any"])
    level_ids = cols[1].pills(words["level"], list(levels), selection_mode="multi", key="lib_level",
                              format_func=lambda lid: _level_name(levels[lid]))
    years = cols[2].multiselect(words["year"], offered.years, key="lib_year", placeholder=words["any"])
    shown = select(entries, issuers, level_ids or (), years)
    query = st.text_input(words["search"], key="lib_query", placeholder=words["placeholder"])
    if query:
        _search(query, shown)
        return
    st.caption(words["count"].format(n=len(shown)))
    if not shown:
        st.info(words["empty"])
    # A library of thousands is drawn a page at a time (each row is a few elements).
    limit = st.session_state.get("lib_limit", PAGE)
    for e in shown[:limit]:
        _row(e)
    if len(shown) > limit:
        st.button(words["more"].format(n=min(PAGE, len(shown) - limit)), key="lib_more",
                  on_click=_more)


def _more() -> None:
    st.session_state["lib_limit"] = st.session_state.get("lib_limit", PAGE) + PAGE


def _search(query: str, within: list[Entry]) -> None:
    """Hits from the regulations listed, most relevant first, each naming its regulation."""
    words = texts()["library"]
    hits = service().search_index.search(query, regulations=[e.id for e in within]) if within else []
    if not hits:
        st.info(words["none"].format(query=md(query)))
        return
    st.caption(words["results"].format(n=len(hits)))
    for h in hits:
        with st.container(border=True):
            provision_link(f"《{title_of(h.regulation)}》{h.citation}", {"art": h.article}, reg=h.regulation)
            st.markdown(f'<div class="kg-snippet">{one_line(h.snippet)}</div>', unsafe_allow_html=True)
