"""One interface for the triple store; features never talk to a store directly.

    EmbeddedStore   pyoxigraph in this process (parameters bound by the engine)
    RemoteStore     any SPARQL 1.1 endpoint through SPARQLWrapper (parameters written
                    as a VALUES block of rdflib-escaped terms; never user text), optionally
                    reading one named graph

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
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import StoreError, UsageError, bilingual
from kg.resources import data_file
from kg.sparql_http import Client, target

# A solution: variable name → rdflib term (Literal, URIRef, BNode) or None when unbound.
Row = dict[str, Any]
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


def check_manifest(path: Path) -> None:
    """A built graph file must be the one build.json (written last by kg build) describes: a file cut
    short or changed since, or a manifest that cannot be read, is a StoreError, not data."""
    import json

    manifest = path.with_name("build.json")
    if not manifest.exists():
        return
    try:
        doc = json.loads(manifest.read_text(encoding="utf-8"))
        sums = doc.get("sha256", {}) if isinstance(doc, dict) else None
        if not isinstance(sums, dict):
            raise ValueError("no sha256 table")
    except (OSError, ValueError) as exc:   # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise StoreError(f"{manifest} 已损坏，请重新运行 kg build / {manifest} is damaged "
                         f"({type(exc).__name__}): run kg build again") from None
    expected = sums.get(path.name)
    if expected and _sha256(path) != expected:
        raise StoreError(f"图谱文件 {path} 不完整或已被改动，请重新运行 kg build / the graph file "
                         f"{path} is truncated or changed: run kg build again")


class EmbeddedStore:
    """pyoxigraph in-process; parameters are substituted by the engine, never by text."""

    name = "embedded Oxigraph"

    def __init__(self, graph: Graph | ox.Store):
        self.ox = graph if isinstance(graph, ox.Store) else graph.store._inner  # type: ignore[attr-defined]

    @classmethod
    def from_file(cls, path: Path) -> EmbeddedStore:
        """Load a built graph (N-Triples or Turtle) with Oxigraph's own fast parser."""

        path = Path(path)
        check_manifest(path)
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
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError("需要 SELECT 查询 / a SELECT query is needed")
        names = [v.value for v in solutions.variables]
        return [{n: _from_ox(s[n]) for n in names} for s in solutions]

    def ask(self, query: str) -> bool:
        return bool(self.ox.query(query))

    def __len__(self) -> int:
        return len(self.ox)


def _sha256(path: Path) -> str:
    """The file's SHA-256, read in pieces (a library's graph.nt is close to a gigabyte)."""
    import hashlib

    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def inline_values(query: str, bindings: Mapping[str, Node] | None) -> str:
    """The query with its bindings as VALUES right after the first WHERE {.

    Terms are IRIs and typed literals serialised by rdflib (escaped), never raw text.
    """
    if not bindings:
        return query
    variables = " ".join(f"?{k}" for k in bindings)
    values = " ".join(v.n3() for v in bindings.values())
    return _after_where(query, f"VALUES ({variables}) {{ ({values}) }}")


def inline_rows(query: str, var: str, terms: list[Node]) -> str:
    """The query with one variable bound to several terms (a VALUES block, escaped by rdflib).

    >>> inline_rows("SELECT * WHERE { ?n ?p ?o }", "n", [URIRef("urn:a"), URIRef("urn:b")])
    'SELECT * WHERE {\\n  VALUES ?n { <urn:a> <urn:b> } ?n ?p ?o }'
    """
    return _after_where(query, f"VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }}")


def _after_where(query: str, block: str) -> str:
    m = re.search(r"WHERE\s*\{", query, re.IGNORECASE)
    if m is None:
        raise ValueError("query has no WHERE { to bind parameters in")
    return f"{query[:m.end()]}\n  {block}{query[m.end():]}"


def _from_json(cell: dict | None) -> object:
    if cell is None:
        return None
    if cell.get("datatype") == INTEGER:
        return int(cell["value"])
    return cell["value"]


# The prologue (comments, PREFIX, BASE) stays outside when a query is wrapped in another.
RE_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?i:PREFIX)\s+[^\s:]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*")
RE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]+$")


def count_query(query: str) -> str:
    """A query counting the rows another SELECT gives.

    >>> count_query("PREFIX ex: <urn:ex:> SELECT ?s WHERE { ?s ex:p 1 }")
    'PREFIX ex: <urn:ex:> SELECT (COUNT(*) AS ?rows) WHERE { {\\nSELECT ?s WHERE { ?s ex:p 1 }\\n} }'
    """
    prologue = RE_PROLOGUE.match(query)
    head = prologue.end() if prologue else 0
    return f"{query[:head]}SELECT (COUNT(*) AS ?rows) WHERE {{ {{\n{query[head:]}\n}} }}"


def graph_iri(iri: str) -> str:
    """A named graph's IRI, checked: absolute, nothing that would break out of <…>.

    >>> graph_iri("https://example.org/graph/regulations")
    'https://example.org/graph/regulations'
    """
    if not RE_IRI.match(iri or ""):
        raise UsageError(bilingual(f"图名无效：{iri!r}（应为绝对 IRI，如 https://example.org/graph/kg）",
                                   f"invalid graph name: {iri!r} (must be an absolute IRI such as "
                                   f"https://example.org/graph/kg)"))
    return iri


@cache
def _wrapper():
    """SPARQLWrapper writing the protocol, with our HTTP client carrying it (kg.sparql_http)."""
    from SPARQLWrapper import SPARQLWrapper

    class Wrapper(SPARQLWrapper):
        client: Client

        def _query(self):
            return self.client.open(self._createRequest()), self.returnFormat

    return Wrapper


class RemoteStore:
    """A SPARQL 1.1 endpoint (Oxigraph, Jena, Virtuoso, GraphDB …) via SPARQLWrapper.

    graph= reads one named graph (the protocol's default-graph-uri). Credentials from
    the URL or $KG_SPARQL_USER / $KG_SPARQL_PASSWORD answer Basic or Digest challenges.
    Answers a store cuts short and a graph loaded twice are errors, not silently wrong
    answers: a result is counted again when Virtuoso says it hit its ResultSetMaxRows
    (X-SPARQL-MaxRows) or when it has count_from rows or more (a store that cuts silently
    cuts at thousands). Errors are StoreError naming the URL.
    """

    def __init__(self, endpoint: str, graph: str | None = None, timeout_s: float = 30,
                 count_from: int = 1000):
        self.target = target(endpoint, "端点 / endpoint")
        self.endpoint = self.target.url
        self.graph = graph_iri(graph) if graph else None
        self.name = f"remote SPARQL endpoint {self.endpoint}" + (f" <{self.graph}>" if self.graph else "")
        self.client = Client(self.target, timeout_s)
        self.count_from = count_from
        self._checked = False

    def _json(self, query: str) -> tuple[dict, Mapping[str, str]]:
        """The JSON answer and the response's headers."""
        from SPARQLWrapper import JSON, POST, SELECT
        wrapper = _wrapper()(self.endpoint)
        wrapper.client = self.client
        wrapper.setQuery(query)
        # SPARQLWrapper guesses query vs update from the text; never let it guess.
        wrapper.queryType = SELECT
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        if self.graph:
            wrapper.addDefaultGraph(self.graph)
        try:
            result = wrapper.query()
            headers = result.info()
            doc = result.convert()
        except StoreError as exc:
            raise StoreError(bilingual(f"无法查询 SPARQL 端点 {self.endpoint}", f"cannot query the "
                                       f"SPARQL endpoint {self.endpoint}") + f" — {exc}") from None
        except ValueError:  # the body was not JSON
            doc = None
        if not isinstance(doc, dict) or not ("results" in doc or "boolean" in doc):
            raise StoreError(bilingual(f"端点 {self.endpoint} 的回答不是 SPARQL 结果",
                                       f"the endpoint {self.endpoint} did not answer with SPARQL results"))
        return doc, headers

    def _rows(self, query: str) -> list[Row]:
        return self._answer(query)[0]

    def _answer(self, query: str) -> tuple[list[Row], bool]:
        """The rows, and whether the store says it stopped at its row limit."""
        doc, headers = self._json(query)
        names = doc.get("head", {}).get("vars", [])
        rows = [{n: _from_json(b.get(n)) for n in names} for b in doc.get("results", {}).get("bindings", [])]
        return rows, "x-sparql-maxrows" in {k.lower() for k in headers}

    def count(self, where: str) -> int:
        """How many solutions a group pattern has: count("GRAPH <g> { ?s ?p ?o }")."""
        return int(str(self._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"]))

    def _check_loaded_once(self) -> None:
        """The graph twice in one store (or a default graph that is the union of two copies)
        multiplies every join: answers repeat or time out. Refuse before the first query."""
        self._checked = True
        twice = self._rows(data_file("queries", "loaded_twice.rq").read_text(encoding="utf-8"))
        if twice:
            ids = "、".join(str(r["id"]) for r in twice)
            where = f"图 <{self.graph}>" if self.graph else "默认图"
            where_en = f"graph <{self.graph}>" if self.graph else "default graph"
            raise StoreError(bilingual(
                f"{self.endpoint} 的{where}中规章 {ids} 不止一份（图谱载入了两次？）：请用 --graph IRI "
                f"只读一个命名图，或删除多余的一份",
                f"the {where_en} of {self.endpoint} holds regulation {ids} more than once (was the "
                f"graph loaded twice?): read one named graph with --graph IRI, or remove the extra copy"))

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> list[Row]:
        if not self._checked:
            self._check_loaded_once()
        query = inline_values(query, bindings)
        rows, at_limit = self._answer(query)
        if at_limit or len(rows) >= self.count_from:
            total = int(str(self._rows(count_query(query))[0]["rows"]))
            if total > len(rows):
                raise StoreError(bilingual(
                    f"{self.endpoint} 只返回了 {total} 行中的 {len(rows)} 行：存储截断了结果，请提高其上限"
                    f"（Virtuoso：virtuoso.ini [SPARQL] ResultSetMaxRows）",
                    f"{self.endpoint} returned {len(rows)} of {total} rows: the store cuts results "
                    f"short; raise its limit (Virtuoso: ResultSetMaxRows in virtuoso.ini [SPARQL])"))
        return rows

    def ask(self, query: str) -> bool:
        return bool(self._json(query)[0].get("boolean"))


def open_store(endpoint: str | None = None, graph_file: Path | None = None, regulations=None,
               graph: str | None = None) -> Store:
    """The store a feature should use: remote when an endpoint is named, else embedded.

    $KG_SPARQL_ENDPOINT and $KG_SPARQL_GRAPH stand in for endpoint and graph (the app's way).
    """
    endpoint = endpoint or os.environ.get("KG_SPARQL_ENDPOINT")
    if endpoint:
        return RemoteStore(endpoint, graph=graph or os.environ.get("KG_SPARQL_GRAPH") or None)
    if graph:
        raise UsageError(bilingual("--graph 指定的是 SPARQL 存储中的命名图，请同时给出 --endpoint URL",
                                   "a graph IRI names a graph in a SPARQL store: give --endpoint URL too"))
    if graph_file is not None:
        return EmbeddedStore.from_file(graph_file)
    from kg.corpus import load_corpus
    from kg.graph import build_graph
    return EmbeddedStore(build_graph(regulations if regulations is not None else load_corpus()))
