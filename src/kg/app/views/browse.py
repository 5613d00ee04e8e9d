"""浏览 Browse: the table of contents, articles as printed, permalinks down to 款/项/目
(?art=62&par=1&item=2, highlighted and cited in full), cross-references."""

from __future__ import annotations

import streamlit as st

from kg.app.common import (
    chinese,
    copy_citation,
    esc,
    full_citation,
    header,
    link_params,
    md,
    picked,
    provision_link,
    query_int,
    service,
    setup,
    shown_name,
    texts,
    title_of,
)
from kg.app.service import reference
from kg.present import Provision, locate


def _article_html(article: dict, chosen: dict[str, int]) -> str:
    """An article laid out as in print; the 款, 项 or 目 the permalink names is highlighted."""
    par, item, sub = chosen.get("par"), chosen.get("item"), chosen.get("sub")

    def hit(level_matches: bool, cls: str = "") -> str:
        names = " ".join(filter(None, [cls, "kg-hit" if level_matches else ""]))
        return f' class="{names}"' if names else ""

    parts = []
    for p in article["paragraphs"]:
        whole = par == p["number"] and item is None
        lead = p["text"].split("\n")[0] if p["items"] else p["text"]
        inner = []
        if not (p["items"] and lead.startswith(p["items"][0]["marker"])):
            inner.append(f'<p class="kg-par">{esc(lead)}</p>')
        for i in p["items"]:
            this = par == p["number"] and item == i["number"]
            inner.append(f'<p id="item-{p["number"]}-{i["number"]}"'
                         f'{hit(this and sub is None, "kg-item")}>{esc(i["marker"] + i["text"])}</p>')
            inner += [f'<p{hit(this and sub == s["number"], "kg-sub")}>'
                      f'{esc(s["marker"] + s["text"])}</p>' for s in i["subitems"]]
        parts.append(f'<div id="par-{p["number"]}"{hit(whole)}>{"".join(inner)}</div>')
    style = ("<style>.kg-par{text-indent:2em;margin:.3em 0}.kg-item{padding-left:2em;margin:.2em 0}"
             ".kg-sub{padding-left:4em;margin:.1em 0}.kg-article{line-height:1.8}</style>")
    return style + '<div class="kg-article">' + "".join(parts) + "</div>"


def _contents(doc: dict, number: int | None) -> None:
    with st.sidebar:
        st.subheader(texts()["browse"]["contents"])
        for c in doc["chapters"]:
            in_chapter = c["articles"] + [a for s in c["sections"] for a in s["articles"]]
            with st.expander(f"第{chinese(c['number'])}章 {md(c['title'])}",
                             expanded=any(a["number"] == number for a in in_chapter)):
                for a in in_chapter:
                    provision_link(a["citation"], {"art": a["number"]})
        for a in doc["articles_outside_chapters"]:
            provision_link(a["citation"], {"art": a["number"]})


def _pick_list() -> None:
    """The whole library picked: each regulation, one link away."""
    st.subheader(texts()["browse"]["pick"])
    for e in service().library:
        provision_link(f"《{title_of(e.id)}》", {}, reg=e.id)


def render() -> None:
    reg = picked()
    if reg is None:
        setup("浏览")
        st.title("浏览 Browse")
        header()
        _pick_list()
        return
    doc = service().structure_of(reg)
    number = query_int("art")
    found: Provision | None = None
    if number is not None:
        found = locate(doc, number, query_int("par"), query_int("item"), query_int("sub"))
    setup(found.article["citation"] if found else "浏览")
    st.title("浏览 Browse")
    header()
    _contents(doc, number)
    if number is None:
        for c in doc["chapters"]:
            st.subheader(f"第{chinese(c['number'])}章 {md(c['title'])}")
            _article_links(c["articles"] + [a for s in c["sections"] for a in s["articles"]])
        _article_links(doc["articles_outside_chapters"])
        _cited_by(reg)
        return
    if found is None:
        st.error(f"没有第{number}条 / there is no article {number}")
        return
    article = found.article
    # The address bar shows the provision's own permalink (a link to the same page keeps the old one).
    st.query_params.from_dict(link_params(found.params, reg))
    st.header(article["citation"])
    if found.missing:
        what = "、".join(found.missing)
        st.warning(texts()["browse"]["missing"].format(what=what))
    copy_citation(full_citation(found.citation, reg), key="copy_browse")
    st.markdown(_article_html(article, found.params), unsafe_allow_html=True)
    norms = service().norms_of(reg, number)
    if norms:
        st.subheader(f"{texts()['browse']['norms']} ({len(norms)})")
        from kg.present import fact_line
        for f in norms:
            line = fact_line(f)
            if f["bearer"]:
                shown = shown_name(f["bearer"]["label"], f["bearer"]["iri"])
                line = line.replace(f["bearer"]["label"], shown, 1)
            st.markdown("- " + md(line))
    _references(reg, number)


def _article_links(articles: list[dict]) -> None:
    for a in articles:
        first = a["paragraphs"][0]["text"].split("\n")[0]
        provision_link(f"{a['citation']}　{first[:40]}{'…' if len(first) > 40 else ''}",
                       {"art": a["number"]})


def _cited_by(reg: str) -> None:
    """On a regulation's contents: what other documents cite it, as a whole or in one provision."""
    words = texts()["browse"]
    rows = [reference(r, reg) for r in service().cited_by(reg)]
    if not rows:
        return
    st.subheader(words["cited_by"])
    for r in rows:
        near = r.near if r.near != reg else words["whole"]  # the work's own id_local is its id
        provision_link(f"{r.other} → {near}", r.params or {}, reg=r.reg)


def _references(reg: str, number: int) -> None:
    """引用 / 被引用: what this article cites (本规则第X条, 前款, another regulation or one of its
    articles, a title not in the library) and what cites it, from this regulation or another."""
    words = texts()["browse"]
    rows = [reference(r, reg) for r in service().cites(reg, number)]
    st.subheader(words["references"])
    if not rows:
        st.caption(words["no_references"])
        return
    for direction in ("cites", "cited_by"):
        shown = [r for r in rows if r.direction == direction]
        if not shown:
            continue
        st.markdown(f"**{words[direction]}**")
        for r in shown:
            label = f"{r.near} → {r.other}" if direction == "cites" else f"{r.other} → {r.near}"
            if r.reg and r.params is not None:
                provision_link(label, r.params, reg=r.reg)
            else:
                st.markdown(f"- {md(label)}（{md(words['unresolved'])}）")
