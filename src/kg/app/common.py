"""Helpers every page uses: the shared Service, the English switch, error guard, query params.

>>> chinese(62)
'六十二'
"""

from __future__ import annotations

import streamlit as st

from kg.app.service import Service, endpoint
from kg.app.service import articles as articles
from kg.numerals import int_to_cn


@st.cache_resource(show_spinner="载入规章与图谱 / loading the regulations and the graph …")
def _service(url: str) -> Service:
    return Service(url)


def service() -> Service:
    """The process-wide Service (embedded store, or $KG_SPARQL_ENDPOINT)."""
    return _service(endpoint())


def texts() -> dict:
    return service().texts


def relation_zh(relation: str, fallback: str = "") -> str:
    return service().relation_names.get(relation, fallback or relation)


def english() -> bool:
    return bool(st.session_state.get("english"))


def shown_name(name: str, iri: str | None = None) -> str:
    """A post or body's name; with the English toggle on, its English label beside it."""
    if not english():
        return name
    lex = service().lexicon
    entry = lex.get(iri) if iri else lex.by_label.get(name)
    return f"{name} ({entry.en})" if entry and entry.en else name


def guarded(page):
    """A page that shows user-facing errors (remote endpoint down …) instead of a traceback."""
    def run_page():
        from kg.errors import KgError
        try:
            page()
        except KgError as exc:
            st.error(str(exc))
    run_page.__name__ = page.__name__
    return run_page


def query_int(name: str) -> int | None:
    """An integer query parameter, or None when absent or not a number."""
    value = st.query_params.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def chinese(n: int) -> str:
    return int_to_cn(n)
