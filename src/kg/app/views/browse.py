"""浏览 Browse: the table of contents, articles as printed, permalinks, cross-references."""

from __future__ import annotations

import html

import streamlit as st

from kg.app.common import articles, chinese, query_int, service


def _article_html(article: dict, item: int | None) -> str:
    """An article laid out as in print; the item named in the permalink is highlighted."""
    parts = []
    for p in article["paragraphs"]:
        lead = p["text"].split("\n")[0] if p["items"] else p["text"]
        if not (p["items"] and lead.startswith(p["items"][0]["marker"])):
            parts.append(f'<p class="kg-par">{html.escape(lead)}</p>')
        for i in p["items"]:
            mark = ' style="background:#fff3b0"' if item == i["number"] else ""
            parts.append(f'<p class="kg-item" id="item-{i["number"]}"{mark}>'
                         f"{html.escape(i['marker'] + i['text'])}</p>")
            parts += [f'<p class="kg-sub">{html.escape(s["marker"] + s["text"])}</p>'
                      for s in i["subitems"]]
    style = ("<style>.kg-par{text-indent:2em;margin:.3em 0}.kg-item{padding-left:2em;margin:.2em 0}"
             ".kg-sub{padding-left:4em;margin:.1em 0}</style>")
    return style + "".join(parts)


def render() -> None:
    doc = service().structure
    st.title(doc["title"])
    number = query_int("art")
    item = query_int("item")
    with st.sidebar:
        st.subheader("目录 / Contents")
        for c in doc["chapters"]:
            in_chapter = c["articles"] + [a for s in c["sections"] for a in s["articles"]]
            with st.expander(f"第{chinese(c['number'])}章 {c['title']}",
                             expanded=any(a["number"] == number for a in in_chapter)):
                for a in in_chapter:
                    st.markdown(f"[{a['citation']}](?art={a['number']})")
        for a in doc["articles_outside_chapters"]:
            st.markdown(f"[{a['citation']}](?art={a['number']})")
    if number is None:
        for c in doc["chapters"]:
            st.subheader(f"第{chinese(c['number'])}章 {c['title']}")
            for a in c["articles"] + [a for s in c["sections"] for a in s["articles"]]:
                first = a["paragraphs"][0]["text"].split("\n")[0]
                st.markdown(f"**[{a['citation']}](?art={a['number']})** {html.escape(first[:60])}")
        return
    article = next((a for a in articles(doc) if a["number"] == number), None)
    if article is None:
        st.error(f"没有第{number}条 / there is no article {number}")
        return
    st.header(article["citation"])
    st.markdown(_article_html(article, item), unsafe_allow_html=True)
    st.caption(f"《{doc['title']}》{article['citation']} · permalink: ?art={article['number']}")
    st.code(f"《{doc['title']}》{article['citation']}", language=None)
    norms = [f for f in service().facts if f["source"]["article"] == number]
    if norms:
        st.subheader(f"本条规范 / norms ({len(norms)})")
        from kg.present import fact_line
        for f in norms:
            st.markdown("- " + html.escape(fact_line(f)))
    _references(doc["id"], number)


def _references(reg_id: str, number: int) -> None:
    """引用 / 被引用: what this article cites (本规则第X条, 前款, 前条) and what cites it."""
    from rdflib import URIRef

    from kg.corpus import base_iri
    from kg.query import run

    rows = run(service().store, "references", article=URIRef(f"{base_iri()}/eli/{reg_id}/art_{number}"))
    cites = [r for r in rows if r["direction"] == "cites"]
    cited = [r for r in rows if r["direction"] == "cited_by"]
    st.subheader("引用 / cross-references")
    if not rows:
        st.caption("本条未引用其他条款，也未被引用 / cites nothing and is cited by nothing")
    for r in cites:
        other = r["otherArticle"].rsplit("art_", 1)[-1].split("_")[0]
        st.markdown(f"- {r['fromCitation']} 引用 cites [{r['toCitation']}](?art={other})")
    for r in cited:
        other = r["otherArticle"].rsplit("art_", 1)[-1].split("_")[0]
        st.markdown(f"- [{r['fromCitation']}](?art={other}) 引用本条 cites {r['toCitation']}")
