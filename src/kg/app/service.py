"""Everything the pages need, loaded once per process and shared by every session.

One Service per store (the embedded graph, or the remote endpoint named by
$KG_SPARQL_ENDPOINT); each part is built on first use, under a lock, because
Streamlit serves sessions from several threads.

>>> Service("").endpoint
''
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
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
                    _settle()
        return self.__dict__[name]

    get.__doc__ = build.__doc__
    return property(get)


def _settle() -> None:
    """Take what was just loaded for the whole process out of the cycle collector's reach.

    Streamlit runs a full collection after every script run; over a heap holding the graph and
    the indexes that took about 100 ms, during which no answer reached the browser. Collected
    once here, then frozen, the loaded parts are never traversed again (refcounting still frees
    them), and the collection after each run only sees what that run made.
    """
    gc.collect()
    gc.freeze()


class Service:
    """The store, question answering, search index, validator and texts of one app process."""

    def __init__(self, endpoint: str, corpus: str = ""):
        self.endpoint = endpoint
        self.corpus = corpus  # the corpus folder (embedded mode); "" is the project's corpus/
        self._structures: dict[str, dict] = {}
        self._lock = threading.Lock()

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
        from pathlib import Path

        from kg.corpus import load_corpus
        return load_corpus(Path(self.corpus) if self.corpus else None)

    @_once
    def library(self) -> list:
        """Every regulation as the library lists it (kg.catalog.Entry), in corpus (id) order."""
        from kg.catalog import entry
        if not self.endpoint:
            return [entry(r.meta) for r in self.regulations]
        import datetime as dt

        from kg.model import Metadata
        from kg.query import run
        out = []
        for row in run(self.store, "regulations"):
            issued = row.get("issued")
            out.append(entry(Metadata(
                id=str(row["id"]), title=str(row["title"]), issuer=str(row.get("issuer") or ""),
                doc_number=str(row.get("docNumber") or ""),
                issued=dt.date.fromisoformat(str(issued)[:10]) if issued else None)))
        return out

    @_once
    def entries(self) -> dict:
        """id -> library Entry."""
        return {e.id: e for e in self.library}

    @_once
    def metadata(self):
        """The first regulation's metadata (title, 文号, issuer, dates); from the store when remote."""
        return self.library[0].meta

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
        """The first regulation's tree."""
        return self.structure_of(self.library[0].id)

    def structure_of(self, reg_id: str) -> dict:
        """One regulation's tree: parsed from the text, or read from the remote store; built once.

        A KeyError for an id the library does not hold.
        """
        if reg_id not in self._structures:
            with self._lock:
                if reg_id not in self._structures:
                    self._structures[reg_id] = self._read_structure(reg_id)
        return self._structures[reg_id]

    def _read_structure(self, reg_id: str) -> dict:
        from rdflib import Literal

        from kg.present import structure_dict, structure_from_rows
        from kg.query import run

        if not self.endpoint:
            return structure_dict(next(r for r in self.regulations if r.meta.id == reg_id))
        meta = next(r for r in run(self.store, "regulations") if str(r["id"]) == reg_id)
        return structure_from_rows(meta, run(self.store, "structure", id=Literal(reg_id)))

    @_once
    def facts(self) -> list[dict]:
        """Every extracted norm, as `kg facts --json` gives it."""
        from kg.present import fact_dict
        from kg.query import run
        return [fact_dict(r) for r in run(self.store, "facts")]

    @_once
    def search_index(self):
        """BM25 over the articles of every regulation (also in remote mode); each entry names its
        regulation id, so a search can stay within one (Index.search(regulations=…))."""
        from kg.corpus import base_iri
        from kg.search import Entry, Index
        entries = []
        for n, e in enumerate(self.library):
            entries += [Entry(a["number"], a["citation"], a["text"], n * 10**9 + a["span"][0],
                              f"{base_iri()}/eli/{e.id}/art_{a['number']}", e.id)
                        for a in articles(self.structure_of(e.id))]
        return Index(entries)

    def cites(self, reg_id: str, number: int) -> list[dict]:
        """What article `number` of a regulation cites and what cites it (queries/cites.rq)."""
        from rdflib import URIRef

        from kg.corpus import base_iri
        from kg.query import run
        return run(self.store, "cites", article=URIRef(f"{base_iri()}/eli/{reg_id}/art_{number}"))

    def cited_by(self, reg_id: str) -> list[dict]:
        """What, outside a regulation, cites it or any of its provisions (queries/cites.rq run on
        the work itself; only the incoming rows)."""
        from rdflib import URIRef

        from kg.corpus import base_iri
        from kg.query import run
        rows = run(self.store, "cites", article=URIRef(f"{base_iri()}/eli/{reg_id}"))
        return [r for r in rows if r["direction"] == "cited_by"]

    def norms_of(self, reg_id: str, number: int) -> list[dict]:
        """The extracted norms whose source lies in one article of one regulation."""
        from kg.hierarchy import permalink, regulation_id
        return [f for f in self.facts if regulation_id(f["source"]["iri"]) == reg_id
                and permalink(f["source"]["iri"]).get("art") == number]

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


def corpus() -> str:
    """The corpus folder the embedded store is built from ($KG_CORPUS_DIR or the project's)."""
    from kg.corpus import corpus_dir
    return str(corpus_dir())


@cache
def shared(url: str, folder: str) -> Service:
    """One Service per store and corpus folder, for the whole process."""
    return Service(url, folder)


def service() -> Service:
    """The process-wide Service for the configured store and corpus."""
    return shared(endpoint(), corpus())


@dataclass(frozen=True)
class Reference:
    """One row of 引用 / 被引用 as the Browse page lists it.

    `near` is the provision of the article shown, `other` the far end as a reader cites it (第五条
    within the same regulation, 《title》第五条 for another, the title as written when it is not in
    the library); `reg` and `params` open the far end (reg "" when it cannot be opened).
    """

    direction: str            # "cites" or "cited_by"
    near: str
    other: str
    reg: str = ""
    params: dict[str, int] | None = None


def reference(row: dict, reg: str) -> Reference:
    """A cites.rq row read for the Browse page of regulation `reg`.

    >>> reference({"direction": "cites", "nearCitation": "第一条", "citedTitle": "某法"}, "r")
    Reference(direction='cites', near='第一条', other='《某法》', reg='', params=None)
    >>> row = {"direction": "cited_by", "nearCitation": "第二条", "other": "https://x/eli/b/art_3/par_1",
    ...        "otherId": "b", "otherTitle": "乙条例", "otherCitation": "第三条第一款", "otherNumber": 3}
    >>> reference(row, "a")  # doctest: +NORMALIZE_WHITESPACE
    Reference(direction='cited_by', near='第二条', other='《乙条例》第三条第一款', reg='b',
              params={'art': 3, 'par': 1})
    """
    from kg.hierarchy import permalink

    near = str(row.get("nearCitation") or "")
    if row.get("citedTitle"):
        # the graph keeps the title as written inside 《》 (kg:citesTitle), shown as a title again
        return Reference(str(row["direction"]), near, f"《{str(row['citedTitle']).strip('《》')}》")
    other_id = str(row.get("otherId") or "")
    if not other_id:  # a node the graph knows nothing about: name it, link nothing
        return Reference(str(row["direction"]), near, str(row.get("other") or ""))
    citation = str(row.get("otherCitation") or "")
    params: dict[str, int] = {}
    if citation:
        try:
            params = {k: v for k, v in permalink(str(row["other"])).items()
                      if k in ("art", "par", "item", "sub")}
        except ValueError:
            params = {}
        if "art" not in params and row.get("otherNumber") is not None:
            params = {"art": int(row["otherNumber"])}
    other = citation if other_id == reg else f"《{row.get('otherTitle') or other_id}》{citation}"
    return Reference(str(row["direction"]), near, other, other_id, params)
