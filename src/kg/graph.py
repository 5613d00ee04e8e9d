"""Regulation trees + ontology -> one rdflib graph on an Oxigraph store.

IRIs are deterministic ELI-style paths under a configurable base:
{base}/eli/{id}/art_62/par_1/pnt_2.

>>> from kg.model import Metadata
>>> from kg.segment import segment
>>> g = build_graph([segment("第一条 总则。", Metadata(id="demo", title="示例"))])
>>> str(regulation_iri("demo"))
'https://regkg.example.org/eli/demo'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.citations import Library, Mention, mentions, provision_paths
from kg.corpus import base_iri
from kg.extract import Norm, extract
from kg.lexicon import load_lexicon
from kg.model import Article, Chapter, Division, Item, Node, Paragraph, Regulation, Section, Subitem
from kg.ns import ELI, KG, KGST, ORG, PREFIXES, PROV, RDF, RDFS, SKOS, XSD
from kg.refs import references
from kg.resources import data_dir
from kg.terms import Term, scope

IN_FORCE = ELI["InForce-inForce"]
NOT_IN_FORCE = ELI["InForce-notInForce"]

Triple = tuple[URIRef, URIRef, object]


def regulation_iri(reg_id: str, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/eli/{reg_id}")


def node_iri(reg_id: str, path: str, base: str | None = None) -> URIRef:
    """IRI of a subdivision from its ELI path, e.g. art_62/par_1/pnt_2."""
    return URIRef(f"{regulation_iri(reg_id, base)}/{path}")


def new_graph() -> Graph:
    """An empty rdflib graph backed by Oxigraph (its default graph), prefixes bound."""
    g = Graph(store="Oxigraph", identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def load_ontology(graph: Graph, base: str | None = None, directory: Path | None = None) -> None:
    """Parse every .ttl in ontology/ into the graph; relative IRIs resolve against the base."""
    stats = [(p, p.stat()) for p in sorted((directory or data_dir("ontology")).glob("*.ttl"))]
    stamp = tuple((str(p), st.st_mtime_ns, st.st_size) for p, st in stats)
    triples, prefixes = _ontology_triples(stamp, base or base_iri())
    for prefix, ns in prefixes:
        graph.bind(prefix, ns)
    graph.addN((s, p, o, graph) for s, p, o in triples)


@lru_cache(maxsize=8)
def _ontology_triples(files: tuple[tuple[str, int, int], ...], base: str) -> tuple[tuple, tuple]:
    """The ontology files' triples and the prefixes they declare, parsed once per process for each
    version of the files (every graph built, one per regulation in the tests and the library,
    needs the same TBox)."""
    # Oxigraph-backed, as the graphs it fills: its triples come back in the order the files were
    # parsed (a memory graph would give them in hash order, and rdflib's value() would then pick
    # another of two rdfs:domain from run to run)
    scratch = Graph(store="Oxigraph", bind_namespaces="none")
    for path, _, _ in files:
        scratch.parse(path, format="turtle", publicID=base + "/")
    return tuple(scratch), tuple(scratch.namespaces())


def _lit(text: str) -> Literal:
    return Literal(text, lang="zh")


@lru_cache(maxsize=1 << 16)
def _int(n: int) -> Literal:
    """An xsd:integer literal; cached, since ordinals, orders and offsets repeat (and rdflib's
    literal constructor is the costliest step of emitting a large library)."""
    return Literal(n, datatype=XSD.integer)


class _Emitter:
    """Walks one regulation depth-first and yields its triples."""

    def __init__(self, reg: Regulation, base: str):
        self.reg = reg
        self.base = base
        self.root = regulation_iri(reg.meta.id, base)
        self.order = 0

    def iri(self, path: str) -> URIRef:
        return node_iri(self.reg.meta.id, path, self.base)

    def triples(self) -> Iterator[Triple]:
        yield from self._regulation()
        for node in self.reg.contents:
            yield from self._content(node, self.root)

    def _content(self, node: Node, parent: URIRef) -> Iterator[Triple]:
        if isinstance(node, Article):
            yield from self._article(node, parent)
        elif isinstance(node, Chapter):
            yield from self._chapter(node, parent)
        elif isinstance(node, Section):
            yield from self._heading(node, parent, KGST.section, node.articles)
        else:
            yield from self._division(node, parent)

    def _regulation(self) -> Iterator[Triple]:
        m, r = self.reg.meta, self.root
        yield r, RDF.type, ELI.LegalResource
        yield r, RDFS.label, _lit(m.title)
        yield r, SKOS.prefLabel, _lit(m.title)
        if m.title_en:
            yield r, RDFS.label, Literal(m.title_en, lang="en")
        yield r, ELI.id_local, Literal(m.id)
        yield r, KG.scheme, Literal(self.reg.scheme)
        yield r, ELI.in_force, IN_FORCE if m.in_force else NOT_IN_FORCE
        optional = [(ELI.number, m.doc_number), (KG.documentNumber, m.doc_number),
                    (KG.issuer, m.issuer), (KG.adoptedBy, m.adopted_by),
                    (KG.jurisdiction, m.jurisdiction)]
        for prop, value in optional:
            if value:
                yield r, prop, _lit(value) if prop != ELI.number else Literal(value)
        if m.issued:
            yield r, ELI.date_document, Literal(m.issued, datatype=XSD.date)
        if m.adopted:
            yield r, KG.dateAdopted, Literal(m.adopted, datatype=XSD.date)
        for warning in self.reg.warnings:
            yield r, KG.parseWarning, Literal(warning)

    def _node(self, iri: URIRef, parent: URIRef, kind: URIRef, number: int, marker: str,
              citation: str, eid: str, span) -> Iterator[Triple]:
        self.order += 1
        yield iri, RDF.type, ELI.LegalResourceSubdivision
        yield iri, ELI.is_part_of, parent
        yield parent, ELI.has_part, iri
        yield iri, KG.inRegulation, self.root
        yield iri, ELI.type_subdivision, kind
        yield iri, ELI.number, Literal(str(number))
        yield iri, KG.ordinal, _int(number)
        yield iri, KG.order, _int(self.order)
        yield iri, KG.marker, _lit(marker)
        yield iri, ELI.id_local, _lit(citation)
        yield iri, RDFS.label, _lit(citation)
        yield iri, KG.eId, Literal(eid)
        yield iri, KG.spanStart, _int(span.start)
        yield iri, KG.spanEnd, _int(span.end)

    def _heading(self, node: Chapter | Section, parent: URIRef, kind: URIRef,
                 articles: Iterable[Article]) -> Iterator[Triple]:
        iri = self.iri(node.path)
        yield from self._node(iri, parent, kind, node.number, node.label, node.heading, node.eid,
                              node.span)
        yield iri, KG.heading, _lit(node.title)
        yield iri, KG.text, _lit(node.heading)
        for article in articles:
            yield from self._article(article, iri)

    def _chapter(self, chapter: Chapter, parent: URIRef) -> Iterator[Triple]:
        yield from self._heading(chapter, parent, KGST.chapter, chapter.articles)
        for section in chapter.sections:
            yield from self._heading(section, self.iri(chapter.path), KGST.section,
                                     section.articles)

    def _division(self, node: Division, parent: URIRef) -> Iterator[Triple]:
        """编, 分编 or a 一、 heading: cited 第二编 分则, printed as in the text."""
        iri = self.iri(node.path)
        yield from self._node(iri, parent, KGST[node.level], node.number, node.label,
                              f"{node.citation} {node.title}".strip(), node.eid, node.span)
        yield iri, KG.heading, _lit(node.title)
        yield iri, KG.text, _lit(node.heading)
        for child in node.children:
            yield from self._content(child, iri)

    def _article(self, a: Article, parent: URIRef) -> Iterator[Triple]:
        iri = self.iri(a.path)
        yield from self._node(iri, parent, KGST.article, a.number, a.label, a.citation, a.eid,
                              a.span)
        yield iri, KG.text, _lit(a.text)
        yield iri, KG.fullCitation, Literal(a.citation)
        if a.suffix:
            yield iri, KG.suffix, _int(a.suffix)
        for p in a.paragraphs:
            yield from self._paragraph(p, iri)

    def _paragraph(self, p: Paragraph, parent: URIRef) -> Iterator[Triple]:
        iri = self.iri(p.path)
        yield from self._node(iri, parent, KGST.paragraph, p.number, "", p.citation, p.eid, p.span)
        yield iri, KG.text, _lit(p.text)
        yield iri, KG.fullCitation, Literal(p.citation)
        for item in p.items:
            yield from self._item(item, iri)

    def _item(self, item: Item, parent: URIRef) -> Iterator[Triple]:
        iri = self.iri(item.path)
        yield from self._node(iri, parent, KGST.point, item.number, item.marker, item.citation,
                              item.eid, item.span)
        yield iri, KG.text, _lit(item.text)
        yield iri, KG.fullCitation, Literal(item.full_citation)
        for sub in item.subitems:
            yield from self._subitem(sub, iri)

    def _subitem(self, s: Subitem, parent: URIRef) -> Iterator[Triple]:
        iri = self.iri(s.path)
        yield from self._node(iri, parent, KGST.subpoint, s.number, s.marker, s.citation, s.eid,
                              s.span)
        yield iri, KG.text, _lit(s.text)
        yield iri, KG.fullCitation, Literal(s.citation)


MODALITY = {"obligation": KG.Obligation, "permission": KG.Permission,
            "prohibition": KG.Prohibition}
STRENGTH = {"strict": KG.Strict, "defeasible": KG.Defeasible}
BASIS = {"as-needed": KG.AsNeeded, "invited": KG.Invited}


def norm_iri(reg_id: str, norm_id: str, base: str | None = None) -> URIRef:
    """{base}/id/norm/{regulation}/{provision path}/n{k}: stable across rebuilds."""
    return URIRef(f"{base or base_iri()}/id/norm/{reg_id}/{norm_id}")


TERM_TYPES = {"post": ORG.Post, "body": ORG.Organization}


def term_triples(reg: Regulation, terms: Iterable[Term], base: str | None = None) -> Iterator[Triple]:
    """The regulation's own terms: a concept scheme of posts, bodies, meetings, documents, seals."""
    base = base or base_iri()
    root = regulation_iri(reg.meta.id, base)
    scheme = URIRef(f"{base}/id/{reg.meta.id}/terms")
    yield scheme, RDF.type, SKOS.ConceptScheme
    yield scheme, SKOS.prefLabel, _lit(f"《{reg.meta.title}》的术语")
    yield scheme, KG.inRegulation, root
    for t in terms:
        iri = URIRef(t.iri)
        yield iri, RDF.type, SKOS.Concept
        if t.kind in TERM_TYPES:
            yield iri, RDF.type, TERM_TYPES[t.kind]
        yield iri, SKOS.inScheme, scheme
        yield iri, KG.inRegulation, root
        yield iri, KG.termKind, Literal(t.kind)
        yield iri, SKOS.prefLabel, _lit(t.name)
        for label in t.labels:
            if label != t.name:
                yield iri, SKOS.altLabel, _lit(label)
        for form in t.short:
            yield iri, SKOS.hiddenLabel, _lit(form)
        if t.concept:
            yield iri, SKOS.broadMatch, URIRef(t.concept)
        else:
            yield iri, KG.generic, Literal(True)


def norm_triples(reg: Regulation, norms: Iterable[Norm], base: str | None = None) -> Iterator[Triple]:
    """Every norm as a kg:Norm with its provenance (prov:wasDerivedFrom one 款/项/目)."""
    base = base or base_iri()
    root = regulation_iri(reg.meta.id, base)
    for n in norms:
        iri = norm_iri(reg.meta.id, n.id, base)
        yield iri, RDF.type, KG.Norm
        yield iri, KG.inRegulation, root
        yield iri, PROV.wasDerivedFrom, node_iri(reg.meta.id, n.source_path, base)
        yield iri, KG.article, _int(n.article)
        yield iri, KG.action, URIRef(f"{base}/id/action/{n.action}")
        yield iri, KG.verb, _lit(n.verb)
        yield iri, KG.modality, MODALITY[n.modality]
        yield iri, KG.strength, STRENGTH[n.strength]
        yield iri, KG.quote, _lit(n.quote)
        yield iri, KG.quoteStart, _int(n.quote_start)
        yield iri, KG.quoteEnd, _int(n.quote_end)
        if n.bearer:
            yield iri, KG.bearer, URIRef(n.bearer.iri)
            yield iri, KG.bearerLabel, _lit(n.bearer.label)
        for o in n.objects:
            yield iri, KG.object, URIRef(o.iri)
        if n.object_text:
            yield iri, KG.objectText, _lit(n.object_text)
        for a in n.aux:
            yield iri, KG.auxiliaryParty, URIRef(a.iri)
            yield iri, KG.auxiliaryLabel, _lit(a.label)
        for d in n.delegated_by:
            yield iri, KG.delegatedBy, URIRef(d.iri)
            yield iri, KG.delegatedByLabel, _lit(d.label)
        if n.delegation:
            yield iri, KG.delegation, _lit(n.delegation)
        if n.condition:
            yield iri, KG.condition, _lit(n.condition)
        if n.basis:
            yield iri, KG.basis, BASIS[n.basis]
        if n.value is not None:
            yield iri, KG.value, Literal(f"{float(n.value):.6g}", datatype=XSD.decimal)
            yield iri, KG.unit, _lit(n.unit)
            yield iri, KG.comparator, Literal(n.comparator)
            if n.phrase:
                yield iri, KG.phrase, _lit(n.phrase)
            if n.low is not None:
                yield iri, KG.lowerValue, Literal(f"{float(n.low):.6g}", datatype=XSD.decimal)


def structure_triples(reg: Regulation, base: str | None = None) -> Iterator[Triple]:
    """Every triple describing the regulation and its subdivisions."""
    return _Emitter(reg, base or base_iri()).triples()


def reference_triples(reg: Regulation, base: str | None = None) -> Iterator[Triple]:
    """eli:cites from each citing 款/项 to the 条/款 it names (本条例第三条, 前款 …)."""
    for ref in references(reg):
        yield node_iri(reg.meta.id, ref.source, base), ELI.cites, node_iri(reg.meta.id, ref.target, base)


def regulation_triples(reg: Regulation, base: str | None = None,
                       with_norms: bool = True) -> Iterator[Triple]:
    """Structure and cross-references, then (optionally) the norms extracted from it."""
    yield from structure_triples(reg, base)
    yield from reference_triples(reg, base)
    if with_norms:
        lexicon = load_lexicon(base)
        texts = (t for a in reg.articles() for p in a.paragraphs
                 for t in (p.lead, *(i.text for i in p.items)))
        with lexicon.reading():   # the terms read the provisions extraction has just read
            norms, terms = scope(lexicon, reg.meta.id, extract(reg, lexicon), texts)
        yield from term_triples(reg, terms, base)
        yield from norm_triples(reg, norms, base)


def citation_triples(cited: Iterable[tuple[str, list[Mention]]], library: Library,
                     base: str | None = None) -> Iterator[Triple]:
    """Citations of other documents: eli:cites the cited document (or its 条/款/项) when the
    library holds it, else kg:citesTitle with the title as written."""
    for reg_id, found in cited:
        for m in found:
            source = node_iri(reg_id, m.source, base)
            hit = library.resolve(m)
            if hit is None:
                yield source, KG.citesTitle, _lit(m.title)
            elif hit[0] != reg_id:
                target = node_iri(hit[0], hit[1], base) if hit[1] else regulation_iri(hit[0], base)
                yield source, ELI.cites, target


def build_graph(regulations: Iterable[Regulation], base: str | None = None,
                with_ontology: bool = True, with_norms: bool = True) -> Graph:
    """One Oxigraph-backed rdflib graph: TBox, lexicon, every regulation and its norms, and the
    citations between them."""
    g = new_graph()
    if with_ontology:
        load_ontology(g, base)
    regs = list(regulations)
    for reg in regs:
        g.addN((s, p, o, g) for s, p, o in regulation_triples(reg, base, with_norms))  # type: ignore[misc]
    library = Library((r.meta.id, r.meta.title, provision_paths(r)) for r in regs)
    cited = ((r.meta.id, mentions(r)) for r in regs)
    g.addN((s, p, o, g) for s, p, o in citation_triples(cited, library, base))  # type: ignore[misc]
    return g


SERIALISATIONS = {"graph.ttl": "TURTLE", "graph.nt": "N_TRIPLES", "graph.jsonld": "JSON_LD"}
MANIFEST = "build.json"


class _Hashing:
    """A binary file that hashes what is written through it (no second read of a large file)."""

    def __init__(self, fh):
        import hashlib
        self.fh, self.sha = fh, hashlib.sha256()

    def write(self, data) -> int:
        self.sha.update(data)
        return self.fh.write(data)

    def flush(self) -> None:
        self.fh.flush()


Writer = Callable[[Any], object]


def write_graph(graph: Graph, out_dir: Path) -> list[Path]:
    """Write Turtle, N-Triples and JSON-LD into out_dir; returns the paths written.

    Oxigraph writes them, not rdflib: read back from Oxigraph, a plain literal is typed
    xsd:string and rdflib would write "…"^^xsd:string, which Virtuoso does not match
    against the plain "…" in a query.
    """
    store: ox.Store = graph.store._inner  # type: ignore[attr-defined]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}

    def dump(fmt: str) -> Writer:
        return lambda fh: store.dump(fh, getattr(ox.RdfFormat, fmt), from_graph=ox.DefaultGraph(),
                                     prefixes=prefixes if fmt != "N_TRIPLES" else None)

    return write_outputs(out_dir, {name: dump(fmt) for name, fmt in SERIALISATIONS.items()},
                         len(store))


def write_outputs(out_dir: Path, writers: dict[str, Writer], triples: int) -> list[Path]:
    """Write each serialisation with its writer, atomically, then build.json (triple count and
    checksums, which readers check).

    Nothing half-written is ever left under a final name: each file is written beside its
    target and renamed into place, build.json last; a lock refuses a second build into the
    same folder at the same time.
    """
    import fcntl
    import json
    import os
    from concurrent.futures import ThreadPoolExecutor

    from kg.errors import UsageError

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".build.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(f"另一个构建正在写入 {out_dir} / "
                             f"another build is writing into {out_dir}") from None

        def one(name: str, writer: Writer) -> tuple[Path, str]:
            path, tmp = out_dir / name, out_dir / f".{name}.{os.getpid()}.tmp"
            try:
                with open(tmp, "wb", buffering=1 << 20) as fh:
                    hashing = _Hashing(fh)
                    writer(hashing)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, path)
            finally:
                tmp.unlink(missing_ok=True)
            return path, hashing.sha.hexdigest()

        # One thread a file: writing, hashing and dumping release the GIL, so a large library's
        # three files are written side by side.
        with ThreadPoolExecutor(max_workers=len(writers) or 1) as pool:
            done = list(pool.map(lambda item: one(*item), writers.items()))
        written = [path for path, _ in done]
        sums = {path.name: digest for path, digest in done}
        manifest = out_dir / f".{MANIFEST}.tmp"
        manifest.write_text(json.dumps({"triples": triples, "sha256": sums}, indent=1))
        os.replace(manifest, out_dir / MANIFEST)
    return written
