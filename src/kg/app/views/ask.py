"""问答 Ask: a question in Chinese; answers grouped by the provision they come from, one card per
款/项 with every post it names, the quote once, the full citation with a copy button.

The question box sits at the top (a form, not a chat input, so the page never scrolls past the
first answer) and the question is kept in the URL (?q=…) so an answer can be shared.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from kg.app.common import (
    copy_citation,
    english,
    full_citation,
    header,
    is_library,
    md,
    picked,
    provision_link,
    relation_zh,
    service,
    setup,
    shown_name,
    texts,
    title_of,
)
from kg.hierarchy import regulation_id
from kg.present import excerpt, highlight_all, locate_iri, permalink


@dataclass(frozen=True)
class Card:
    """The answers that one provision gives."""

    citation: str
    iri: str
    text: str
    answers: tuple


def cards(answers, doc: dict | None = None, structure_for=None) -> list[Card]:
    """Answers grouped by provision, in the order the first answer of each appears; each cited
    as locate_iri finds it in `doc`, or in the tree structure_for(regulation id) gives.

    >>> from kg.qa import Answer, Source
    >>> s = Source("https://x/eli/r/art_44/par_2", "第四十四条第二款", 44, "甲、乙列席。")
    >>> a = [Answer(n, n, n, "attends", None, None, None, "obligation", "strict", "甲、乙列席", s)
    ...      for n in ("甲", "乙")]
    >>> [(c.citation, len(c.answers)) for c in cards(a)]
    [('第四十四条第二款', 2)]
    """
    groups: dict[str, list] = {}
    for a in answers:
        groups.setdefault(a.source.iri, []).append(a)
    out = []
    for iri, g in groups.items():
        tree = structure_for(regulation_id(iri)) if structure_for else doc
        found = locate_iri(tree, iri) if tree else None  # the one citation rule every page uses
        out.append(Card(found.citation if found else g[0].source.citation, iri, g[0].source.text,
                        tuple(g)))
    return out


def _answer_line(a) -> str:
    words = texts()["ask"]
    if a.kind == "quantity":
        number = f"{a.value:g}" if a.value is not None else ""
        unit = f" {md(a.unit)}" if a.unit else ""
        extra = f"（{words['quantity']} {number}{unit}）" if number else ""
        line = f"**{md(a.label)}**{extra}"
    else:
        line = f"**{md(shown_name(a.label, a.concept or a.iri))}** · " + relation_zh(a.relation) \
            + (f" ({a.relation})" if english() else "")
        if a.name != a.label:
            line += f"（{md(a.name)}）"
    notes = []
    if a.condition:
        notes.append(f"{words['condition']}：{md(a.condition)}")
    if a.delegated_by:
        notes.append(f"{md(a.delegation or words['delegation'])}："
                     f"{md(a.delegated_by)}")
    if a.strength == "defeasible":
        notes.append(words["defeasible"])
    if a.modality == "permission":
        notes.append(words["permission"])
    return line + (f' <span class="kg-muted">｜ {" ｜ ".join(notes)}</span>' if notes else "")


def _card(card: Card, n: int) -> None:
    with st.container(border=True):
        st.markdown("\n".join(f"- {_answer_line(a)}" for a in card.answers), unsafe_allow_html=True)
        quotes = [a.quote for a in card.answers]
        st.markdown(f'<div class="kg-quote">{highlight_all(excerpt(card.text, quotes), quotes)}</div>',
                    unsafe_allow_html=True)
        regulation = card.answers[0].source.regulation
        cited = f"《{regulation}》{card.citation}" if regulation else full_citation(card.citation)
        copy_citation(cited, key=f"copy_{n}")
        try:
            params = permalink(card.iri)
        except ValueError:
            params = {}
        if params:
            provision_link(texts()["ask"]["open"], params, reg=regulation_id(card.iri))


def _related(result) -> None:
    words = texts()["ask"]
    if not result.related:
        return
    st.subheader(words["related"])
    st.caption(words["related_note"])
    for r in result.related:
        try:
            params = permalink(r.iri)
        except ValueError:
            params = {}
        text = r.text if len(r.text) <= 80 else r.text[:80] + "…"
        if params:
            reg = regulation_id(r.iri)
            cited = r.citation if reg == picked() or not is_library() else f"《{title_of(reg)}》{r.citation}"
            provision_link(f"{cited} — {text}", params, reg=reg)
        else:
            st.markdown(f"{md(r.citation)} — {md(text)}")


def _ask_example() -> None:
    picked = st.session_state.get("ask_example")
    if picked:
        st.session_state["ask_box"] = picked
        st.session_state["ask_example"] = None


def render() -> None:
    setup("问答")
    words = texts()["ask"]
    st.title("问答 Ask")
    header()
    # made from the picked regulation's own norms, each one answered (kg.qa.QA.suggestions)
    examples = service().qa.suggestions(picked()) or [""]
    shared = st.query_params.get("q", "")
    if shared and "ask_box" not in st.session_state:
        st.session_state["ask_box"] = shared
    with st.form("ask", border=False, enter_to_submit=True):
        cols = st.columns([5, 1], vertical_alignment="bottom")
        cols[0].text_input(words["box"], key="ask_box", help=words["caption"],
                           placeholder=f"例如：{examples[0]}" if examples[0] else "")
        cols[1].form_submit_button(words["submit"], type="primary", width="stretch")
    question = st.session_state.get("ask_box", "").strip()
    if not question:
        st.pills(words["examples"], [e for e in examples[:6] if e], key="ask_example", on_change=_ask_example,
                 format_func=md)
        return
    if st.query_params.get("q") != question:
        st.query_params["q"] = question
    reg = picked()
    if is_library():
        scope = texts()["scope"]
        st.caption(scope["asking"].format(title=md(title_of(reg))) if reg
                   else scope["asking_all"].format(n=len(service().library)))
    show(service().qa.ask(question, regulation=reg))
    with st.expander(words["examples"]):
        st.pills(words["examples"], [e for e in examples[:6] if e], key="ask_example",
                 on_change=_ask_example, label_visibility="collapsed", format_func=md)


def show(result) -> None:
    """A result: the answer cards, else the message; then related provisions and the SPARQL."""
    words = texts()["ask"]
    if result.answers:
        svc = service()
        groups = cards(result.answers, structure_for=lambda rid: svc.structure_of(rid)
                       if rid in svc.entries else None)
        st.markdown(words["found"].format(answers=len(result.answers), provisions=len(groups)))
        for n, card in enumerate(groups):
            _card(card, n)
    else:
        st.info(md(result.message))
        if result.candidates:
            st.markdown(f"{words['candidates']}：" + "、".join(md(c) for c in result.candidates))
    _related(result)
    # Drawn only on request: highlighting several long queries costs more than the answer itself.
    if result.sparql and st.toggle(words["sparql"], key="ask_sparql"):
        for q in result.sparql:
            st.code(q, language="sparql")
