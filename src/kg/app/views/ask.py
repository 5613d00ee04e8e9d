"""问答 Ask: a question in Chinese, answers as cards quoting the provision, the SPARQL behind them."""

from __future__ import annotations

import html

import streamlit as st

from kg.app.common import english, relation_zh, service, shown_name, texts
from kg.present import highlight, permalink


def _answer_card(a) -> None:
    with st.container(border=True):
        badges = [f"**{html.escape(shown_name(a.label, a.concept or a.iri))}**",
                  relation_zh(a.relation) + (f" ({a.relation})" if english() else "")]
        if a.name != a.label:
            badges.append(f"（{html.escape(a.name)}）")
        st.markdown(" · ".join(badges))
        notes = []
        if a.condition:
            notes.append(f"条件 condition：{a.condition}")
        if a.delegated_by:
            notes.append(f"{a.delegation or '委托'} delegated by：{a.delegated_by}")
        if a.strength == "defeasible":
            notes.append("原则性规定（原则上/一般）")
        if a.modality == "permission":
            notes.append("可以 (permission)")
        if notes:
            st.caption(" ｜ ".join(notes))
        st.markdown(f'<div class="kg-quote">{highlight(a.source.text, a.quote)}</div>',
                    unsafe_allow_html=True)
        params = permalink(a.source.iri)
        link = "browse?" + "&".join(f"{k}={v}" for k, v in params.items())
        st.markdown(f"[{a.source.citation}]({link}) — 原文 / open the provision")
        st.code(a.source.full_citation, language=None)


def render() -> None:
    st.title("问答 Ask")
    st.caption(texts()["ask"]["caption"])
    st.markdown("<style>.kg-quote{background:#f6f6f3;padding:.6em .8em;border-left:3px solid #c8a;"
                "margin:.3em 0}.kg-quote mark{background:#ffe58a}</style>", unsafe_allow_html=True)
    from kg.question import load_config

    examples = list(load_config().suggestions.examples)  # no store needed to offer them
    cols = st.columns(3)
    for i, example in enumerate(examples[:6]):
        if cols[i % 3].button(example, key=f"ex{i}"):
            st.session_state["question"] = example
    typed = st.chat_input(f"输入问题，例如：{examples[0]}")
    if typed:
        st.session_state["question"] = typed
    question = st.session_state.get("question")
    if not question:
        return
    result = service().qa.ask(question)
    with st.chat_message("user"):
        st.write(question)
    with st.chat_message("assistant"):
        if result.answers:
            st.markdown(f"找到 {len(result.answers)} 个答案 / {len(result.answers)} answer(s)")
            for a in result.answers:
                _answer_card(a)
        else:
            st.info(result.message)
            if result.candidates:
                st.write("可能指 / did you mean: " + "、".join(result.candidates))
        if result.sparql:
            with st.expander("SPARQL"):
                for q in result.sparql:
                    st.code(q, language="sparql")
