"""One interface for the triple store; features never talk to a store directly.

    EmbeddedStore   pyoxigraph in this process (parameters bound by the engine)
    RemoteStore     any SPARQL 1.1 endpoint through SPARQLWrapper (parameters written
                    as a VALUES block of rdflib-escaped terms; never user text)

Rows come back as dicts of plain Python values: IRIs and strings as str,
xsd:integer as int, unbound as None.

>>> from kg.graph import new_graph
>>> store = EmbeddedStore(new_graph())
>>> store.select("SELECT (1 AS ?one) WHERE {}")
[{'one': 1}]
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import StoreError

Row = dict[str, object]
INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


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
        import hashlib
        import json

        path = Path(path)
        manifest = path.with_name("build.json")
        if manifest.exists():  # written last by kg build: the files must match it
            expected = json.loads(manifest.read_text()).get("sha256", {}).get(path.name)
            if expected and hashlib.sha256(path.read_bytes()).hexdigest() != expected:
                raise StoreError(f"图谱文件 {path} 不完整或已被改动，请重新运行 kg build / the graph file "
                                 f"{path} is truncated or changed: run kg build again")
        store = ox.Store()
        fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (OSError, SyntaxError, ValueError) as exc:
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


def inline_values(query: str, bindings: Mapping[str, Node] | None) -> str:
    """The query with its bindings as VALUES right after the first WHERE {.

    Terms are IRIs and typed literals serialised by rdflib (escaped), never raw text.
    """
    if not bindings:
        return query
    variables = " ".join(f"?{k}" for k in bindings)
    values = " ".join(v.n3() for v in bindings.values())
    m = re.search(r"WHERE\s*\{", query, re.IGNORECASE)
    if m is None:
        raise ValueError("query has no WHERE { to bind parameters in")
    return f"{query[:m.end()]}\n  VALUES ({variables}) {{ ({values}) }}{query[m.end():]}"


def _from_json(cell: dict | None) -> object:
    if cell is None:
        return None
    if cell.get("datatype") == INTEGER:
        return int(cell["value"])
    return cell["value"]


class RemoteStore:
    """A SPARQL 1.1 endpoint (Oxigraph, Fuseki, GraphDB, Virtuoso …) via SPARQLWrapper.

    Basic auth from $KG_SPARQL_USER / $KG_SPARQL_PASSWORD. Errors become StoreError
    naming the URL.
    """

    def __init__(self, endpoint: str, timeout_s: int = 30, graph: str | None = None):
        from SPARQLWrapper import SPARQLWrapper
        if not re.match(r"^https?://", endpoint or ""):
            raise StoreError(f"端点地址无效：{endpoint!r}（应以 http:// 或 https:// 开头）/ "
                             f"invalid endpoint URL: {endpoint!r} (must start with http:// or https://)")
        self.endpoint = endpoint
        self.name = f"remote SPARQL endpoint {endpoint}"
        self.timeout_s = timeout_s
        self.graph = graph
        self._factory = SPARQLWrapper

    def _client(self, query: str):
        from SPARQLWrapper import JSON, POST, SELECT
        client = self._factory(self.endpoint)
        client.setQuery(query)
        # SPARQLWrapper guesses query vs update from the text; never let it guess.
        client.queryType = SELECT
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.setTimeout(self.timeout_s)
        if self.graph:  # the protocol's way to make one named graph the query's default graph
            client.addDefaultGraph(self.graph)
        user = os.environ.get("KG_SPARQL_USER")
        if user:
            client.setCredentials(user, os.environ.get("KG_SPARQL_PASSWORD", ""))
        return client

    def _json(self, query: str) -> dict:
        try:
            return self._client(query).queryAndConvert()
        except Exception as exc:  # urllib, socket and SPARQLWrapper errors all mean "unreachable or refused"
            reason = getattr(exc, "reason", None) or getattr(exc, "msg", None) or exc
            raise StoreError(f"无法查询 SPARQL 端点 {self.endpoint}：{reason} / cannot query the "
                             f"SPARQL endpoint {self.endpoint}: {reason}") from None

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        doc = self._json(inline_values(query, bindings))
        if not isinstance(doc, dict) or "results" not in doc:
            raise StoreError(f"端点 {self.endpoint} 的回答不是 SPARQL 结果 / the endpoint "
                             f"{self.endpoint} did not answer with SPARQL results")
        names = doc["head"]["vars"]
        return [{n: _from_json(b.get(n)) for n in names} for b in doc["results"]["bindings"]]

    def ask(self, query: str) -> bool:
        doc = self._json(query)
        return bool(doc.get("boolean"))


def open_store(endpoint: str | None = None, graph_file: Path | None = None, regulations=None,
               graph_iri: str | None = None):
    """The store a feature should use: remote when an endpoint is named, else embedded."""
    endpoint = endpoint or os.environ.get("KG_SPARQL_ENDPOINT")
    if endpoint:
        return RemoteStore(endpoint, graph=graph_iri or os.environ.get("KG_SPARQL_GRAPH") or None)
    if graph_iri:
        from kg.errors import UsageError
        raise UsageError("--graph 需要与 --endpoint 一起使用 / --graph needs --endpoint (a named graph "
                         "lives in a SPARQL store)")
    if graph_file is not None:
        return EmbeddedStore.from_file(graph_file)
    from kg.corpus import load_corpus
    from kg.graph import build_graph
    return EmbeddedStore(build_graph(regulations if regulations is not None else load_corpus()))
