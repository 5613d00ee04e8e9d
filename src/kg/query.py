"""Named SPARQL queries, one .rq file each, run with parameters bound safely.

Parameters are RDF terms (IRIs from the lexicon, typed literals), never text
formatted into SPARQL. `render` shows a query with its bindings written out as
a VALUES block, escaped by rdflib, for people to read and for stores that
cannot bind parameters themselves.

>>> "?action" in text("who_acts")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from rdflib.term import Node

from kg.resources import data_dir
from kg.store import Row, Store, inline_values

RE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def names() -> list[str]:
    return sorted(p.stem for p in data_dir("queries").glob("*.rq"))


@cache
def text(name: str) -> str:
    """The query text of queries/<name>.rq (KeyError for an unknown name)."""
    path = data_dir("queries") / f"{name}.rq"
    if not RE_NAME.match(name) or not path.exists():
        raise KeyError(f"no named query {name!r}")
    return path.read_text(encoding="utf-8")


def render(name: str, bindings: Mapping[str, Node] | None = None) -> str:
    """The query with its bindings inlined as VALUES right after the first WHERE {."""
    return inline_values(text(name), bindings)


def run(store: Store, name: str, **bindings: Node) -> list[Row]:
    """Run a named query on any store with engine-bound parameters."""
    return store.select(text(name), bindings)
