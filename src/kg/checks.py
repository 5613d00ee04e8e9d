"""Norms in the graph -> SHACL shapes over organisational records.

The shapes are written from the extracted norms (rules in ontology/checks.toml),
so the text and the checks cannot drift apart; hand-written shapes for what the
extractor does not read (shapes/records.ttl) are added beside them. Every shape
has an IRI, dct:source (the 条/款/项 it encodes), a Chinese sh:message naming
the citation, and a severity from the wording.

Records are typed by what they are about (record_class), so each shape is a
plain sh:targetClass with SHACL Core constraints: fast in any engine.

>>> record_class("https://b", "signing", "https://b/id/doctype/motion")
rdflib.term.URIRef('https://b/id/record-class/signing/motion')
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.lexicon import Lexicon
from kg.ns import DCT, KG, RDF, RDFS, SH, XSD
from kg.numerals import int_to_cn
from kg.query import run
from kg.resources import data_file
from kg.store import Store

KINDS_OF_RECORD = ("signing", "meeting", "leave", "seal")


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def record_class(base: str, record: str, subject: str, prop: str | None = None,
                 post: str | None = None) -> URIRef:
    """{base}/id/record-class/signing/motion[/signerPost/district-mayor]"""
    tail = f"/{prop}/{_slug(post)}" if prop and post else ""
    return URIRef(f"{base}/id/record-class/{record}/{_slug(subject)}{tail}")


def load_rules() -> dict:
    return tomllib.loads(data_file("ontology", "checks.toml").read_text(encoding="utf-8"))


@dataclass
class _Source:
    iri: str
    citation: str
    article: int
    strict: bool
    objects: int


@dataclass
class _Allowed:
    """What one shape allows, collected from several norms."""

    posts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # bearer -> delegators
    sources: list[_Source] = field(default_factory=list)
    equals: str = ""


class ShapeWriter:
    """Writes the shapes graph for one lexicon and one set of norms."""

    def __init__(self, lexicon: Lexicon, rules: dict | None = None):
        self.lex = lexicon
        self.base = lexicon.base
        self.rules = rules or load_rules()
        self.g = Graph()
        self.g.bind("sh", SH)
        self.g.bind("kg", KG)
        self.g.bind("dct", DCT)

    def write(self, store: Store) -> Graph:
        rows = run(store, "norms_for_checks")
        for rule in self.rules["rule"]:
            matching = [r for r in rows if _local(r["action"]) in rule["actions"]]
            if rule["kind"] in ("allowed", "aux", "flag"):
                self._membership(rule, matching)
            else:
                self._quantity(rule, matching)
        self.g.parse(data_file("shapes", "records.ttl"), format="turtle", publicID=self.base + "/")
        self._cite_static(store)
        return self.g

    # ------------------------------------------------------------ collecting

    def _about(self, row, rule) -> list[str]:
        objects = row["objects"]
        if rule.get("requires") and not any(_slug(o) == rule["requires"] for o in objects):
            return []
        possible = self._possible(rule)
        return [o for o in objects if (e := self.lex.get(o)) and e.kind == rule["about"]
                and (possible is None or self.lex.descendants(o) & possible)]

    def _possible(self, rule) -> set[str] | None:
        """Concepts a record's subject column may hold (None: any)."""
        from kg.records import load_schema
        for col in load_schema()[rule["record"]]["columns"]:
            if col["property"] == rule["subject"] and col.get("values"):
                return {self.lex.by_label[v].iri for v in col["values"] if v in self.lex.by_label}
        return None

    def _position(self, quote: str, iri: str) -> int:
        """Where the provision first names a post (a store returns lists in any order)."""
        entry = self.lex.get(iri)
        found = [quote.find(label) for label in (entry.labels if entry else ()) if label in quote]
        return min(found, default=len(quote))

    def _source(self, row) -> _Source:
        strict = _local(row["modality"]) == "Obligation" and _local(row["strength"]) == "Strict"
        return _Source(row["source"], row["citation"], row["article"], strict,
                       len(row["objects"]))

    def _membership(self, rule, rows) -> None:
        shapes: dict[str, _Allowed] = defaultdict(_Allowed)
        for r in rows:
            if not r.get("bearer"):
                continue
            delegators = tuple(r["delegators"])
            if rule["kind"] == "allowed":
                for subject in self._about(r, rule):
                    allowed = shapes[subject]
                    bearer = self.lex.get(r["bearer"])
                    if bearer and bearer.record_property:
                        allowed.equals = bearer.record_property
                    else:
                        _merge(allowed.posts, r["bearer"], delegators)
                    allowed.sources.append(self._source(r))
            elif self._about(r, rule):  # aux / flag: the record is about the bearer's post
                allowed = shapes[r["bearer"]]
                for aux in sorted(r["auxiliaries"], key=lambda a: self._position(r["quote"], a)):
                    allowed.posts.setdefault(aux, ())
                allowed.sources.append(self._source(r))
        for subject, allowed in shapes.items():
            self._write_membership(rule, subject, allowed)

    # ------------------------------------------------------------ writing

    def _accepts(self, post: str) -> list[str]:
        """A post and its narrower posts; a contextual post also its broader one."""
        out = self.lex.descendants(post)
        entry = self.lex.get(post)
        if entry and entry.contextual:
            out |= set(entry.broader)
        return sorted(out)

    def _shape(self, name: str, target: URIRef, prop: str, source: _Source, strict: bool,
               message: str) -> URIRef:
        node = URIRef(f"{self.base}/id/shape/{name}")
        pshape = URIRef(f"{self.base}/id/shape/{name}/{prop}")
        g = self.g
        g.add((node, RDF.type, SH.NodeShape))
        g.add((node, SH.targetClass, target))
        g.add((node, SH.property, pshape))
        g.add((pshape, RDF.type, SH.PropertyShape))
        g.add((pshape, SH.path, KG[prop]))
        g.add((pshape, SH.severity, SH.Violation if strict else SH.Warning))
        g.add((pshape, SH.message, Literal(f"违反{source.citation}：{message}", lang="zh")))
        for s in (node, pshape):
            g.add((s, DCT.source, URIRef(source.iri)))
            g.add((s, KG.citation, Literal(source.citation)))
            g.add((s, KG.articleNumber, Literal(source.article)))
        g.add((pshape, RDFS.label, Literal(message, lang="zh")))
        return pshape

    def _names(self, iris) -> str:
        return "、".join(self.lex.get(i).pref if self.lex.get(i) else i for i in iris)

    def _in(self, shape: URIRef, values: list[str]) -> None:
        head = BNode()
        Collection(self.g, head, [URIRef(v) for v in values])
        self.g.add((shape, SH["in"], head))

    def _write_membership(self, rule, subject: str, allowed: _Allowed) -> None:
        record, prop = rule["record"], rule["property"]
        source = sorted(allowed.sources, key=lambda s: (s.objects, s.article))[0]
        strict = any(s.strict for s in allowed.sources)
        subject_name = self._names([subject])
        target = record_class(self.base, record, subject)
        name = f"{record}/{_slug(subject)}/{prop}"
        if rule["kind"] == "flag":
            message = f"{subject_name}须{rule['verb']}{self._names(allowed.posts)}"
            shape = self._shape(name, target, prop, source, strict, message)
            self.g.add((shape, SH.hasValue, Literal(True)))
            return
        if allowed.equals:
            message = f"{subject_name}须由会议主持人{rule['verb']}"
            shape = self._shape(name, target, prop, source, strict, message)
            self.g.add((shape, SH.equals, KG[allowed.equals.rsplit("#", 1)[-1]]))
        if allowed.posts:
            accepted = sorted({p for post in allowed.posts for p in self._accepts(post)})
            who = self._names(allowed.posts)
            message = (f"{subject_name}离岗须{rule['verb']}{who}" if rule["kind"] == "aux"
                       else f"{subject_name}须由{who}{rule['verb']}")
            shape = self._shape(name + ("/in" if allowed.equals else ""), target, prop, source,
                                strict, message)
            self._in(shape, accepted)
        for post, delegators in allowed.posts.items():
            if not delegators or not rule.get("delegation_property"):
                continue
            # Records are typed by their post's broader posts too, so one shape per bearer
            # covers the narrower posts (第一副区长 signing where 副区长 may, if entrusted).
            dprop = rule["delegation_property"]
            dtarget = record_class(self.base, record, subject, prop, post)
            message = (f"{self._names([post])}{rule['verb']}{subject_name}须经"
                       f"{self._names(delegators)}委托或授权")
            shape = self._shape(f"{record}/{_slug(subject)}/{prop}/{_slug(post)}/{dprop}",
                                dtarget, dprop, source, strict, message)
            self.g.add((shape, SH.minCount, Literal(1)))
            self._in(shape, sorted(delegators))

    def _quantity(self, rule, rows) -> None:
        record, prop = rule["record"], rule["property"]
        days = self.rules.get("calendar", {}).get("days_per_unit", {})
        for r in rows:
            if r.get("value") is None:
                continue
            value = Decimal(str(r["value"]))
            source = self._source(r)
            for subject in self._about(r, rule):
                name = f"{record}/{_slug(subject)}/{prop}"
                subject_name = self._names([subject])
                if rule["kind"] == "above":
                    message = subject_name + rule["verb"].format(value=_fraction(value))
                    shape = self._shape(name, record_class(self.base, record, subject), prop,
                                        source, source.strict, message)
                    self.g.add((shape, SH.minExclusive, Literal(value, datatype=XSD.decimal)))
                elif rule["kind"] == "minimum":
                    message = subject_name + rule["verb"].format(value=f"{value.normalize():f}")
                    shape = self._shape(name, record_class(self.base, record, subject), prop,
                                        source, source.strict, message)
                    self.g.add((shape, SH.minInclusive, Literal(int(value))))
                elif rule["kind"] == "period":
                    unit = (r.get("unit") or "").split("/")[-1]
                    period = int(round(days.get(unit, 1) / float(value)))
                    message = subject_name + rule["verb"].format(value=period)
                    shape = self._shape(name, record_class(self.base, record, subject), prop,
                                        source, source.strict, message)
                    self.g.add((shape, SH.maxInclusive, Literal(period)))

    def _cite_static(self, store: Store) -> None:
        """Hand-written shapes name only dct:source; add the citation and article from the graph."""
        for shape, src in list(self.g.subject_objects(DCT.source)):
            if (shape, KG.citation, None) in self.g:
                continue
            rows = run(store, "provision", provision=URIRef(str(src)))
            if rows:
                self.g.add((shape, KG.citation, Literal(rows[0]["citation"])))
                self.g.add((shape, KG.articleNumber, Literal(rows[0]["article"])))


def _merge(posts: dict[str, tuple[str, ...]], bearer: str, delegators: tuple[str, ...]) -> None:
    """A bearer who may act directly anywhere needs no delegation; else union the delegators."""
    if bearer not in posts:
        posts[bearer] = delegators
    elif not delegators or not posts[bearer]:
        posts[bearer] = ()
    else:
        posts[bearer] = tuple(sorted(set(posts[bearer]) | set(delegators)))


def _local(iri: str) -> str:
    return str(iri).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _fraction(value: Decimal) -> str:
    """0.5 -> 二分之一 (as the text writes it)."""
    for den in range(2, 11):
        num = value * den
        if num == num.to_integral_value() and num > 0:
            return f"{int_to_cn(den)}分之{int_to_cn(int(num))}"
    return f"{value:f}"


def shapes_graph(store: Store, lexicon: Lexicon) -> Graph:
    """Generated plus hand-written shapes for the records."""
    return ShapeWriter(lexicon).write(store)
