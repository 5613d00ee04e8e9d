"""Everything the pages need, loaded once per process and shared by every session.

One Service per store (the embedded graph, or the remote endpoint named by
$KG_SPARQL_ENDPOINT); each part is built on first use, under a lock, because
Streamlit serves sessions from several threads.

>>> Service("").endpoint
''
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def _once(build: Callable[[Any], T]) -> property:
    """A property computed once per Service under a lock (cached_property is not thread-safe)."""
    name = f"_{build.__name__}"
    lock = threading.Lock()

    def get(self: Any) -> T:
        if name not in self.__dict__:
            with lock:
                if name not in self.__dict__:
                    self.__dict__[name] = build(self)
        return self.__dict__[name]

    get.__doc__ = build.__doc__
    return property(get)


class Service:
    """The store, question answering, search index, validator and texts of one app process."""

    def __init__(self, endpoint: str):
        self.endpoint = endpoint

    @_once
    def texts(self) -> dict:
        """The app's texts that name domain things (ontology/ui.toml)."""
        from kg.app.texts import load_texts
        return load_texts()

    @_once
    def lexicon(self):
        """The curated lexicon."""
        from kg.lexicon import load_lexicon
        return load_lexicon()

    @_once
    def regulations(self) -> list:
        """The parsed corpus (embedded mode)."""
        from kg.corpus import load_corpus
        return load_corpus()

    @_once
    def metadata(self):
        """The first regulation's metadata (title, 文号, issuer, dates); from the store when remote."""
        from kg.model import Metadata
        if not self.endpoint:
            return self.regulations[0].meta
        import datetime as dt

        from kg.query import run
        row = run(self.store, "regulations")[0]
        issued = row.get("issued")
        return Metadata(id=row["id"], title=row["title"], issuer=row.get("issuer") or "",
                        doc_number=row.get("docNumber") or "",
                        issued=dt.date.fromisoformat(str(issued)[:10]) if issued else None)

    @_once
    def record_labels(self) -> dict[str, dict[str, str]]:
        """chairPost -> {"zh": "主持人职务", "en": "chair's post"}: record properties' names."""
        from rdflib import RDFS, Graph, Literal

        from kg.resources import data_file
        g = Graph().parse(data_file("ontology", "records.ttl"))
        out: dict[str, dict[str, str]] = {}
        for prop, label in g.subject_objects(RDFS.label):
            assert isinstance(label, Literal)
            local = str(prop).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            out.setdefault(local, {})[label.language or "zh"] = str(label)
        return out

    @_once
    def store(self):
        """The embedded graph, or the remote SPARQL store."""
        from kg.store import open_store
        return open_store(self.endpoint or None, None, None if self.endpoint else self.regulations)

    @_once
    def qa(self):
        """Question answering over the store."""
        from kg.qa import QA
        return QA(self.store)

    @_once
    def structure(self) -> dict:
        """The regulation tree: parsed from the text, or read from the remote store."""
        from rdflib import Literal

        from kg.present import structure_dict, structure_from_rows
        from kg.query import run

        if not self.endpoint:
            return structure_dict(self.regulations[0])
        meta = run(self.store, "regulations")[0]
        return structure_from_rows(meta, run(self.store, "structure", id=Literal(meta["id"])))

    @_once
    def facts(self) -> list[dict]:
        """Every extracted norm, as `kg facts --json` gives it."""
        from kg.present import fact_dict
        from kg.query import run
        return [fact_dict(r) for r in run(self.store, "facts")]

    @_once
    def search_index(self):
        """BM25 over the articles of the structure (also in remote mode)."""
        from kg.search import Entry, Index
        return Index([Entry(a["number"], a["citation"], a["text"], a["span"][0])
                      for a in articles(self.structure)])

    @_once
    def validator(self):
        """SHACL shapes written from the norms in the store."""
        from kg.validate import Validator
        return Validator(self.store, self.lexicon)

    @_once
    def sparql_url(self) -> str:
        """The endpoint the SPARQL page queries: the remote one, or a guarded local one."""
        if self.endpoint:
            return self.endpoint
        import tempfile
        from pathlib import Path

        from kg.endpoint import Limits, start_in_background
        from kg.graph import build_graph

        folder = Path(tempfile.mkdtemp(prefix="regkg-sparql-"))
        build_graph(self.regulations).serialize(folder / "graph.nt", format="nt", encoding="utf-8")
        return start_in_background(folder / "graph.nt", folder / "oxigraph", Limits(timeout_s=10)).url

    @_once
    def relation_names(self) -> dict[str, str]:
        """signs -> 签发/签署: each relation's Chinese name(s), from the lexicon's action concepts."""
        names: dict[str, list[str]] = {}
        for entry in self.lexicon.actions.values():
            names.setdefault(entry.relation, []).append(entry.pref)
        return {rel: "/".join(sorted(set(zh), key=zh.index)) for rel, zh in names.items()}


def articles(doc: dict) -> list[dict]:
    """Every article of a structure document, in text order."""
    out = list(doc["articles_outside_chapters"])
    for c in doc["chapters"]:
        out += c["articles"] + [a for s in c["sections"] for a in s["articles"]]
    return sorted(out, key=lambda a: a["span"][0])


def endpoint() -> str:
    """$KG_SPARQL_ENDPOINT, or "" for the embedded store."""
    return os.environ.get("KG_SPARQL_ENDPOINT", "")


@cache
def _service(url: str) -> Service:
    return Service(url)


def service() -> Service:
    """The process-wide Service for the configured store."""
    return _service(endpoint())
