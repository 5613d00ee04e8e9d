"""One interface for the triple store; features never talk to a store directly.

    EmbeddedStore   pyoxigraph in this process (parameters bound by the engine)

Rows come back as dicts of plain Python values: IRIs and strings as str,
xsd:integer as int, unbound as None.

>>> from kg.graph import new_graph
>>> store = EmbeddedStore(new_graph())
>>> store.select("SELECT (1 AS ?one) WHERE {}")
[{'one': 1}]
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

Row = dict[str, object]
INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


class StoreError(Exception):
    """The store could not answer (unreachable, bad query); the message is bilingual."""


class Store(Protocol):
    """What every feature may ask of a store."""

    name: str

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        """Run a SELECT with parameters bound to RDF terms."""
        ...

    def ask(self, query: str) -> bool:
        ...


def _to_ox(term: Node):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot bind {term!r}")


def _from_ox(term) -> object:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.datatype.value == INTEGER:
            return int(term.value)
        return term.value
    return term.value


class EmbeddedStore:
    """pyoxigraph in-process; parameters are substituted by the engine, never by text."""

    name = "embedded Oxigraph"

    def __init__(self, graph: Graph | ox.Store):
        self.ox = graph if isinstance(graph, ox.Store) else graph.store._inner

    @classmethod
    def from_file(cls, path: Path) -> EmbeddedStore:
        """Load a built graph (N-Triples or Turtle) with Oxigraph's own fast parser."""
        store = ox.Store()
        fmt = ox.RdfFormat.N_TRIPLES if Path(path).suffix == ".nt" else ox.RdfFormat.TURTLE
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"无法载入图谱 {path} / cannot load the graph {path}: {exc}") from None
        return cls(store)

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        subs = {ox.Variable(k): _to_ox(v) for k, v in (bindings or {}).items()}
        try:
            solutions = self.ox.query(query, substitutions=subs or None)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL 语法错误 / SPARQL syntax error: {exc}") from None
        names = [v.value for v in solutions.variables]
        return [{n: _from_ox(s[n]) for n in names} for s in solutions]

    def ask(self, query: str) -> bool:
        return bool(self.ox.query(query))

    def __len__(self) -> int:
        return len(self.ox)
