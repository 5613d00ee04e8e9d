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

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.config import parse, read_toml
from kg.errors import ConfigError
from kg.lexicon import Lexicon
from kg.ns import DCT, KG, RDF, RDFS, SH, XSD
from kg.numerals import int_to_cn
from kg.query import run
from kg.resources import data_file
from kg.roles import Titles
from kg.store import Store

KINDS_OF_RECORD = ("signing", "meeting", "leave", "seal")
RULE_KINDS = ("allowed", "aux", "flag", "minimum", "above", "period")


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def record_class(base: str, record: str, subject: str, prop: str | None = None,
                 post: str | None = None) -> URIRef:
    """{base}/id/record-class/signing/motion[/signerPost/district-mayor]"""
    tail = f"/{prop}/{_slug(post)}" if prop and post else ""
    return URIRef(f"{base}/id/record-class/{record}/{_slug(subject)}{tail}")


@dataclass(frozen=True)
class Rule:
    """One [[rule]] of ontology/checks.toml."""

    actions: tuple[str, ...]
    about: str
    record: str
    subject: str
    kind: str
    property: str
    verb: str
    requires: str = ""
    delegation_property: str = ""


@dataclass(frozen=True)
class CalendarRules:
    weekend: tuple[int, ...] = (5, 6)
    days_per_unit: dict[str, int] = field(default_factory=dict)
    official: str = "{first}-{last}"
    fallback: str = "Monday-Friday"


@dataclass(frozen=True)
class Rules:
    rule: tuple[Rule, ...]
    calendar: CalendarRules = CalendarRules()


def load_rules(path: Path | None = None) -> Rules:
    """ontology/checks.toml, strictly: an unknown key, rule kind, log or property names its line."""
    return _rules(path or data_file("ontology", "checks.toml"))


@cache
def _rules(path: Path) -> Rules:
    from kg.records import load_schema

    data, text = read_toml(path)
    rules = parse(Rules, data, str(path), text)
    schema = load_schema()
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines, 1) if line.strip() == "[[rule]]"] + [len(lines) + 1]
    for n, rule in enumerate(rules.rule):
        def fail(key: str, value: str, expected: str, first: int = starts[n], end: int = starts[n + 1]):
            """The error for one key of rule n, naming the line that sets it."""
            line = next((i for i in range(first, end) if lines[i - 1].split("=")[0].strip() == key), first)
            return ConfigError(f"{path}:{line}: {key} = {value!r} 无效 / invalid {key} {value!r} "
                               f"(expected {expected})")
        if rule.kind not in RULE_KINDS:
            raise fail("kind", rule.kind, " | ".join(RULE_KINDS))
        if rule.record not in schema.log:
            raise fail("record", rule.record, " | ".join(schema.log))
        for key in ("property", "subject") + (("delegation_property",) if rule.delegation_property else ()):
            if not hasattr(KG, getattr(rule, key)):
                raise fail(key, getattr(rule, key), "a term of ontology/records.ttl")
    return rules


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
    equals_name: str = ""


class ShapeWriter:
    """Writes the shapes graph for one lexicon and one set of norms."""

    def __init__(self, lexicon: Lexicon, rules: Rules | None = None, titles: Titles | None = None):
        self.lex = lexicon
        self.base = lexicon.base
        self.rules = rules or load_rules()
        self.titles = titles or Titles.load(lexicon)
        self.g = Graph()
        self.g.bind("sh", SH)
        self.g.bind("kg", KG)
        self.g.bind("dct", DCT)

    def write(self, store: Store) -> Graph:
        rows = run(store, "norms_for_checks")
        for rule in self.rules.rule:
            matching = [r for r in rows if _local(r["action"]) in rule.actions]
            if rule.kind in ("allowed", "aux", "flag"):
                self._membership(rule, matching)
            else:
                self._quantity(rule, matching)
        self.g.parse(data_file("shapes", "records.ttl"), format="turtle", publicID=self.base + "/")
        self._cite_static(store)
        return self.g

    # ------------------------------------------------------------ collecting

    def _about(self, row, rule) -> list[str]:
        objects = row["objects"]
        if rule.requires and not any(_slug(o) == rule.requires for o in objects):
            return []
        possible = self._possible(rule)
        return [o for o in objects if (e := self.lex.get(o)) and e.kind == rule.about
                and (possible is None or self.lex.descendants(o) & possible)]

    def _possible(self, rule: Rule) -> set[str] | None:
        """Concepts a record's subject column may hold (None: any)."""
        from kg.records import load_schema
        col = load_schema().column_of(rule.record, rule.subject)
        if col is not None and col.values:
            return {self.lex.by_label[v].iri for v in col.values if v in self.lex.by_label}
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
            if rule.kind == "allowed":
                for subject in self._about(r, rule):
                    allowed = shapes[subject]
                    bearer = self.lex.get(r["bearer"])
                    if bearer and bearer.record_property:
                        allowed.equals, allowed.equals_name = bearer.record_property, bearer.pref
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
        """A post and its narrower posts (roles included); a contextual post (相关副区长: which one
        is related the log cannot say) also any post its broader one holds (分管教育副区长)."""
        out = self.titles.descendants(post)
        entry = self.lex.get(post)
        if entry and entry.contextual:
            for broader in entry.broader:
                out |= {broader} | self.titles.descendants(broader)
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
        return "、".join(entry.pref if (entry := self.lex.get(i)) else i for i in iris)

    def _in(self, shape: URIRef, values: list) -> None:
        head = BNode()
        Collection(self.g, head, [v if isinstance(v, Literal) else URIRef(v) for v in values])
        self.g.add((shape, SH["in"], head))

    def _write_membership(self, rule, subject: str, allowed: _Allowed) -> None:
        record, prop = rule.record, rule.property
        source = sorted(allowed.sources, key=lambda s: (s.objects, s.article))[0]
        strict = any(s.strict for s in allowed.sources)
        subject_name = self._names([subject])
        target = record_class(self.base, record, subject)
        name = f"{record}/{_slug(subject)}/{prop}"
        if rule.kind == "flag":
            # sh:in rather than sh:hasValue: a blank cell is reported as incomplete, not as false
            message = f"{subject_name}须{rule.verb}{self._names(allowed.posts)}"
            shape = self._shape(name, target, prop, source, strict, message)
            self._in(shape, [Literal(True)])
            return
        if allowed.equals:
            message = f"{subject_name}须由{allowed.equals_name}{rule.verb}"
            shape = self._shape(name, target, prop, source, strict, message)
            self.g.add((shape, SH.equals, KG[allowed.equals.rsplit("#", 1)[-1]]))
        if allowed.posts:
            accepted = sorted({p for post in allowed.posts for p in self._accepts(post)})
            who = self._names(allowed.posts)
            message = (f"{subject_name}离岗须{rule.verb}{who}" if rule.kind == "aux"
                       else f"{subject_name}须由{who}{rule.verb}")
            shape = self._shape(name + ("/in" if allowed.equals else ""), target, prop, source,
                                strict, message)
            self._in(shape, accepted)
        for post, delegators in allowed.posts.items():
            if not delegators or not rule.delegation_property:
                continue
            # Records are typed by their post's broader posts too, so one shape per bearer
            # covers the narrower posts too (a narrower post acting where its broader one may, if entrusted).
            dprop = rule.delegation_property
            dtarget = record_class(self.base, record, subject, prop, post)
            message = (f"{self._names([post])}{rule.verb}{subject_name}须经"
                       f"{self._names(delegators)}委托或授权")
            shape = self._shape(f"{record}/{_slug(subject)}/{prop}/{_slug(post)}/{dprop}",
                                dtarget, dprop, source, strict, message)
            self.g.add((shape, SH.minCount, Literal(1)))
            # 区长、副区长委托: a 分管副区长 who entrusts is one of the 副区长
            self._in(shape, sorted({p for d in delegators for p in self._accepts(d)}))

    def _quantity(self, rule, rows) -> None:
        record, prop = rule.record, rule.property
        days = self.rules.calendar.days_per_unit
        for r in rows:
            if r.get("value") is None:
                continue
            value = Decimal(str(r["value"]))
            source = self._source(r)
            for subject in self._about(r, rule):
                name = f"{record}/{_slug(subject)}/{prop}"
                subject_name = self._names([subject])
                if rule.kind == "above":
                    message = subject_name + rule.verb.format(value=_fraction(value))
                    shape = self._shape(name, record_class(self.base, record, subject), prop,
                                        source, source.strict, message)
                    self.g.add((shape, SH.minExclusive, Literal(value, datatype=XSD.decimal)))
                elif rule.kind == "minimum":
                    message = subject_name + rule.verb.format(value=f"{value.normalize():f}")
                    shape = self._shape(name, record_class(self.base, record, subject), prop,
                                        source, source.strict, message)
                    self.g.add((shape, SH.minInclusive, Literal(int(value))))
                elif rule.kind == "period":
                    unit = (r.get("unit") or "").split("/")[-1]
                    period = int(round(days.get(unit, 1) / float(value)))
                    message = subject_name + rule.verb.format(value=period)
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


def shapes_graph(store: Store, lexicon: Lexicon, titles: Titles | None = None) -> Graph:
    """Generated plus hand-written shapes for the records."""
    return ShapeWriter(lexicon, titles=titles).write(store)
