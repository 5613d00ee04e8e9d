"""Streamlit pages over the pipeline; app.py only calls main().

Everything heavy (regulations, graph) loads once per process via st.cache_resource.
"""

from __future__ import annotations

import html

import streamlit as st

from kg.corpus import load_corpus
from kg.model import Article, Regulation


@st.cache_resource(show_spinner="载入规章 / loading regulations …")
def regulations() -> list[Regulation]:
    return load_corpus()


def _query_int(name: str) -> int | None:
    value = st.query_params.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _article_html(article: Article, item: int | None) -> str:
    """An article laid out as in print; the item named in the permalink is highlighted."""
    parts = []
    for p in article.paragraphs:
        if p.lead:
            parts.append(f'<p class="kg-par">{html.escape(p.lead)}</p>')
        for i in p.items:
            mark = ' style="background:#fff3b0"' if item == i.number else ""
            parts.append(f'<p class="kg-item" id="item-{i.number}"{mark}>'
                         f"{html.escape(i.marker + i.text)}</p>")
            parts += [f'<p class="kg-sub">{html.escape(s.marker + s.text)}</p>' for s in i.subitems]
    style = ("<style>.kg-par{text-indent:2em;margin:.3em 0}.kg-item{padding-left:2em;margin:.2em 0}"
             ".kg-sub{padding-left:4em;margin:.1em 0}</style>")
    return style + "".join(parts)


def browse_page() -> None:
    regs = regulations()
    reg = regs[0]
    st.title(reg.meta.title)
    if reg.meta.doc_number:
        st.caption(f"{reg.meta.doc_number} · {reg.meta.issuer} · {reg.meta.issued or ''}")
    number = _query_int("art")
    item = _query_int("item")
    with st.sidebar:
        st.subheader("目录 / Contents")
        for chapter in reg.chapters:
            with st.expander(chapter.heading, expanded=bool(number) and any(
                    a.number == number for a in chapter.all_articles())):
                for a in chapter.all_articles():
                    st.markdown(f"[{a.citation}](?art={a.number})")
        for a in reg.articles_outside_chapters:
            st.markdown(f"[{a.citation}](?art={a.number})")
    if number is None:
        for chapter in reg.chapters:
            st.subheader(chapter.heading)
            for a in chapter.all_articles():
                first = a.paragraphs[0].text.split("\n")[0]
                st.markdown(f"**[{a.citation}](?art={a.number})** {html.escape(first[:60])}")
        return
    try:
        article = reg.article(number)
    except KeyError:
        st.error(f"没有第{number}条 / there is no article {number}")
        return
    st.header(article.citation)
    st.markdown(_article_html(article, item), unsafe_allow_html=True)
    st.caption(f"《{reg.meta.title}》{article.citation} · permalink: ?art={article.number}")


def main() -> None:
    st.set_page_config(page_title="规章知识图谱", page_icon="📜", layout="wide")
    pages = [st.Page(browse_page, title="浏览 Browse", url_path="browse", default=True)]
    st.navigation(pages).run()
