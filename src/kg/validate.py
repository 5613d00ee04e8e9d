"""Validate organisational records against the regulation: derive, run SHACL, report.

    records (kg.records)  ->  derive facts (working days, overlaps, the meeting's chair …)
                          ->  SHACL shapes from kg.checks, run by one of two engines:
                                pyshacl  the reference (on an rdflib Memory graph)
                                fast     an interpreter for exactly the SHACL Core
                                         constraints the shapes use; it refuses any other
                                         component, and CI checks it gives pyshacl's findings
                          ->  findings, each joined to the article it breaks

>>> Report(conforms=True).exit_code
0
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.checks import DCT, KG, SH, load_rules, record_class
from kg.lexicon import Lexicon
from kg.records import InputError, Iri, Loaded, Record, records_to_graph

SEVERITIES = ("Violation", "Warning", "Info")
ENGINES = ("fast", "pyshacl")


@dataclass(frozen=True)
class Finding:
    record: str
    row: int | None
    file: str | None
    severity: str
    message: str
    article: int | None
    citation: str | None
    shape: str
    value: str | None
    source: str | None


@dataclass
class Report:
    conforms: bool
    results: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    records: int = 0

    @property
    def counts(self) -> dict[str, int]:
        counts = {s: 0 for s in SEVERITIES}
        for f in self.results:
            counts[f.severity] += 1
        return counts

    @property
    def exit_code(self) -> int:
        """2: some input unreadable; 1: violations; 0: none."""
        if self.errors:
            return 2
        return 1 if self.counts["Violation"] else 0

    def to_json(self) -> dict:
        """The `kg validate --json` contract."""
        return {
            "conforms": self.conforms,
            "counts": self.counts,
            "results": [asdict(f) for f in self.results],
            "errors": [{"file": e.file, "line": e.line, "column": e.column, "message": e.message}
                       for e in self.errors],
            "files": self.files,
            "records": self.records,
        }

    def to_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["severity", "article", "citation", "record", "row", "file", "message", "value",
                    "shape"])
        for f in self.results:
            w.writerow([f.severity, f.article, f.citation, f.record, f.row, f.file, f.message,
                        f.value, f.shape])
        return out.getvalue()

    def by_article(self) -> dict[int | None, list[Finding]]:
        groups: dict[int | None, list[Finding]] = defaultdict(list)
        for f in self.results:
            groups[f.article].append(f)
        return dict(sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))


# ---------------------------------------------------------------- derived facts


def working_days(start: dt.date, end: dt.date, weekend: set[int]) -> int:
    """Working days from start (inclusive) to end (exclusive); negative when end is earlier.

    >>> working_days(dt.date(2026, 11, 23), dt.date(2026, 11, 30), {5, 6})
    5
    """
    if end < start:
        return -working_days(end, start, weekend)
    weeks, rest = divmod((end - start).days, 7)
    count = weeks * (7 - len(weekend))
    for i in range(rest):
        if (start + dt.timedelta(days=weeks * 7 + i)).weekday() not in weekend:
            count += 1
    return count


def _k(name: str) -> str:
    return str(KG[name])


class Deriver:
    """Adds derived facts and subject classes to records, in place."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.base = lexicon.base
        self.weekend = set(load_rules().get("calendar", {}).get("weekend", [5, 6]))
        self.leaders = self.lex.descendants(f"{self.base}/id/post/government-leaders")
        self._ancestors: dict[str, set[str]] = {}

    def up(self, iri) -> set[str]:
        if iri not in self._ancestors:
            self._ancestors[iri] = self.lex.ancestors(str(iri))
        return self._ancestors[iri]

    def cls(self, *args) -> str:
        return str(record_class(self.base, *args))

    def derive(self, records: list[Record]) -> None:
        by_iri = {r.iri: r for r in records}
        kinds = defaultdict(list)
        for r in records:
            for t in r.types:
                kinds[t].append(r)
        for r in kinds[_k("SigningRecord")]:
            self._signing(r, by_iri)
        self._meetings(kinds[_k("MeetingRecord")])
        for r in kinds[_k("SealUse")]:
            seal, approver = r.first(_k("seal")), r.first(_k("approvedByPost"))
            if seal:
                r.types.add(self.cls("seal", seal))
                for p in self.up(approver) if approver else ():
                    r.types.add(self.cls("seal", seal, "approvedByPost", p))
        self._leave(kinds[_k("LeaveRecord")])

    def _signing(self, r: Record, by_iri: dict[str, Record]) -> None:
        category, signer = r.first(_k("category")), r.first(_k("signerPost"))
        if not category:
            return
        for c in self.up(category):
            r.types.add(self.cls("signing", c))
            for p in self.up(signer) if signer else ():
                r.types.add(self.cls("signing", c, "signerPost", p))
        meeting = by_iri.get(r.first(_k("meeting")) or "")
        if meeting is not None and meeting.first(_k("chairPost")):
            r.props[_k("meetingChairPost")] = [meeting.first(_k("chairPost"))]

    def _meetings(self, meetings: list[Record]) -> None:
        by_type = defaultdict(list)
        for r in meetings:
            mtype, date = r.first(_k("meetingType")), r.first(_k("date"))
            if not mtype:
                continue
            for m in self.up(mtype):
                r.types.add(self.cls("meeting", m))
                for prop in ("chairPost", "convenerPost"):
                    post = r.first(_k(prop))
                    for p in self.up(post) if post else ():
                        r.types.add(self.cls("meeting", m, prop, p))
            if r.first(_k("chairPost")):
                r.props[_k("meetingChairPost")] = [r.first(_k("chairPost"))]
            expected, present = r.first(_k("expectedCount")), r.first(_k("presentCount"))
            if expected and present is not None:
                ratio = (Decimal(present) / Decimal(expected)).quantize(Decimal("0.0001"))
                r.props[_k("presentRatio")] = [ratio]
            materials = r.first(_k("materialsSubmittedOn"))
            if materials and date:
                r.props[_k("materialsLeadWorkingDays")] = [working_days(materials, date, self.weekend)]
            prepared = r.first(_k("preparationStartedOn"))
            if prepared and date:
                r.props[_k("preparationDays")] = [(date - prepared).days]
            if date:
                by_type[mtype].append((date, r.iri, r))
        for items in by_type.values():
            items.sort(key=lambda x: (x[0], x[1]))
            for (before, _, _), (date, _, r) in zip(items, items[1:]):
                r.props[_k("daysSincePrevious")] = [(date - before).days]

    def _leave(self, leaves_in: list[Record]) -> None:
        leaves = []
        for r in leaves_in:
            post = r.first(_k("post"))
            start, end, reported = r.first(_k("start")), r.first(_k("end")), r.first(_k("reportedOn"))
            for p in self.up(post) if post else ():
                r.types.add(self.cls("leave", p))
            if reported and start:
                r.props[_k("reportLeadDays")] = [(start - reported).days]
            if start and end and start <= end:  # a reversed period is reported by its own shape
                leaves.append((r, str(r.first(_k("person")) or ""), post, start, end,
                               str(r.first(_k("abPartner")) or "")))
        by_person = defaultdict(list)
        for _, person, _, start, end, _ in leaves:
            by_person[person].append((start, end))
        for r, _, _, start, end, partner in leaves:
            if partner:
                clash = any(a <= end and start <= b for a, b in by_person.get(partner, []))
                r.props[_k("partnerAbsentSameTime")] = [clash]
        self._leaders_at_once([x for x in leaves if x[2] in self.leaders])

    def _leaders_at_once(self, leaves) -> None:
        """Peak number of distinct leaders away on any day of each leader's leave."""
        if not leaves:
            return
        first = min(x[3] for x in leaves)
        span = (max(x[4] for x in leaves) - first).days + 1
        away: list[set[str]] = [set() for _ in range(span)]
        for _, person, _, start, end, _ in leaves:
            for d in range((start - first).days, (end - first).days + 1):
                away[d].add(person)
        for r, _, _, start, end, _ in leaves:
            peak = max(len(away[d]) for d in range((start - first).days, (end - first).days + 1))
            r.props[_k("leadersAbsentAtOnce")] = [peak]


# ---------------------------------------------------------------- engines

Raw = tuple[str, str, str, str, object]  # focus, shape, severity, message, value


def run_pyshacl(data: Graph, shapes: Graph) -> list[Raw]:
    """pyshacl, the reference engine, on an rdflib Memory graph."""
    _, results, _ = pyshacl_validate(data, shacl_graph=shapes, allow_warnings=True,
                                     inference="none", advanced=False, meta_shacl=False)
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        value = results.value(r, SH.value)
        out.append((str(results.value(r, SH.focusNode)), str(results.value(r, SH.sourceShape)),
                    str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
                    str(results.value(r, SH.resultMessage) or ""),
                    None if value is None else str(value)))
    return out


class Unsupported(Exception):
    """The shapes use a SHACL component the fast engine does not implement."""


@dataclass
class _Constraint:
    shape: str
    path: str
    severity: str
    message: str
    checks: list[tuple[str, object]]


class FastEngine:
    """Evaluates the SHACL Core subset the record shapes use, on Record values.

    Supported on property shapes: sh:path (a single IRI), sh:minCount, sh:in, sh:hasValue,
    sh:equals, sh:lessThanOrEquals, sh:minInclusive, sh:minExclusive, sh:maxInclusive,
    sh:class; node shapes with sh:targetClass and sh:property. Anything else raises
    Unsupported, so the engine can never silently skip a constraint.
    """

    KNOWN = {SH.path, SH.minCount, SH["in"], SH.hasValue, SH.equals, SH.lessThanOrEquals,
             SH.minInclusive, SH.minExclusive, SH.maxInclusive, SH["class"], SH.severity,
             SH.message, RDF.type, DCT.source, KG.citation, KG.articleNumber,
             URIRef("http://www.w3.org/2000/01/rdf-schema#label")}
    NODE_KNOWN = {SH.targetClass, SH.property, RDF.type, DCT.source, KG.citation,
                  KG.articleNumber}

    def __init__(self, shapes: Graph):
        self.by_class: dict[str, list[_Constraint]] = defaultdict(list)
        for node in set(shapes.subjects(RDF.type, SH.NodeShape)):
            extra = set(shapes.predicates(node, None)) - self.NODE_KNOWN
            if extra:
                raise Unsupported(f"{node}: {sorted(map(str, extra))}")
            targets = [str(t) for t in shapes.objects(node, SH.targetClass)]
            for ps in shapes.objects(node, SH.property):
                c = self._compile(shapes, ps)
                for t in targets:
                    self.by_class[t].append(c)

    def _compile(self, g: Graph, ps) -> _Constraint:
        extra = set(g.predicates(ps, None)) - self.KNOWN
        path = g.value(ps, SH.path)
        if extra or not isinstance(path, URIRef):
            raise Unsupported(f"{ps}: {sorted(map(str, extra)) or 'complex path'}")
        checks = []
        for pred, obj in g.predicate_objects(ps):
            if pred == SH.minCount:
                checks.append(("minCount", int(obj)))
            elif pred == SH["in"]:
                checks.append(("in", {_py(v) for v in Collection(g, obj)}))
            elif pred == SH.hasValue:
                checks.append(("hasValue", _py(obj)))
            elif pred in (SH.equals, SH.lessThanOrEquals, SH["class"]):
                checks.append((str(pred).rsplit("#", 1)[-1], str(obj)))
            elif pred in (SH.minInclusive, SH.minExclusive, SH.maxInclusive):
                checks.append((str(pred).rsplit("#", 1)[-1], _py(obj)))
        severity = str(g.value(ps, SH.severity) or SH.Violation).rsplit("#", 1)[-1]
        return _Constraint(str(ps), str(path), severity, str(g.value(ps, SH.message) or ""), checks)

    def run(self, records: list[Record]) -> list[Raw]:
        out: list[Raw] = []
        types = {r.iri: r.types for r in records}
        for r in records:
            for t in r.types:
                for c in self.by_class.get(t, ()):
                    for value in self._violations(r, c, types):
                        out.append((r.iri, c.shape, c.severity, c.message, value))
        return out

    @staticmethod
    def _violations(r: Record, c: _Constraint, types) -> list:
        values = r.props.get(c.path, [])
        bad = []
        for kind, arg in c.checks:
            if kind == "minCount" and len(values) < arg:
                bad.append(None)
            elif kind == "in":
                bad += [v for v in values if v not in arg]
            elif kind == "hasValue" and arg not in values:
                bad.append(None)
            elif kind == "equals":
                other = r.props.get(arg, [])
                bad += [v for v in values if v not in other] + [v for v in other if v not in values]
            elif kind == "lessThanOrEquals":
                bad += [v for v in values for w in r.props.get(arg, []) if not v <= w]
            elif kind == "class":
                bad += [v for v in values if arg not in types.get(v, ())]
            elif kind == "minInclusive":
                bad += [v for v in values if not v >= arg]
            elif kind == "minExclusive":
                bad += [v for v in values if not v > arg]
            elif kind == "maxInclusive":
                bad += [v for v in values if not v <= arg]
        return bad


def _py(term):
    if isinstance(term, URIRef):
        return Iri(term)
    value = term.toPython() if isinstance(term, Literal) else term
    return Decimal(str(value)) if isinstance(value, float) else value


# ---------------------------------------------------------------- report


def report(loaded: Loaded, records: list[Record], shapes: Graph, raw: list[Raw],
           lexicon: Lexicon) -> Report:
    """Join every result to its shape's article and to the record's file and row."""
    by_iri = {r.iri: r for r in records}
    meta = {}
    for shape in {s for _, s, _, _, _ in raw}:
        s = URIRef(shape)
        meta[shape] = (shapes.value(s, KG.articleNumber), shapes.value(s, KG.citation),
                       shapes.value(s, DCT.source), shapes.value(s, SH.path))
    findings, seen = [], set()
    for focus, shape, severity, message, value in raw:
        if (focus, shape) in seen:  # sh:equals reports each side; one finding per record
            continue
        seen.add((focus, shape))
        article, citation, source, path = meta[shape]
        rec = by_iri.get(focus)
        own = rec.first(str(path)) if rec is not None and path is not None else None
        shown = own if own is not None else value
        if shown is not None:
            entry = lexicon.get(str(shown))
            other = by_iri.get(str(shown))
            if entry:
                shown = entry.pref
            elif other is not None:  # a referenced record: show its id
                shown = str(other.first(_k("recordId")))
            elif isinstance(shown, Iri) and "/data/" in shown:  # a record that was not given
                shown = shown.rsplit("/", 1)[-1].rsplit("-", 1)[0].upper()
            else:
                shown = str(shown).lower() if isinstance(shown, bool) else str(shown)
        findings.append(Finding(
            record=str(rec.first(_k("recordId"))) if rec is not None and rec.first(_k("recordId"))
            else focus,
            row=rec.first(_k("row")) if rec is not None else None,
            file=rec.first(_k("sourceFile")) if rec is not None else None,
            severity=severity, message=message or shape,
            article=int(article) if article is not None else None,
            citation=str(citation) if citation is not None else None,
            shape=shape, value=shown, source=str(source) if source is not None else None))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (f.article or 0, order.get(f.severity, 9), f.file or "",
                                 f.row or 0, f.record, f.shape))
    return Report(not any(f.severity == "Violation" for f in findings), findings, loaded.errors,
                  loaded.files, len(records))


class Validator:
    """Everything needed to validate records, built once (the shapes come from the graph)."""

    def __init__(self, store, lexicon: Lexicon):
        from kg.checks import shapes_graph
        self.lex = lexicon
        self.shapes = shapes_graph(store, lexicon)
        self.deriver = Deriver(lexicon)
        self.fast = FastEngine(self.shapes)

    def validate(self, loaded: Loaded, engine: str = "fast") -> Report:
        records = [Record(r.iri, set(r.types), {k: list(v) for k, v in r.props.items()})
                   for r in loaded.records]
        self.deriver.derive(records)
        if engine == "pyshacl":
            raw = run_pyshacl(records_to_graph(records), self.shapes)
        elif engine == "fast":
            raw = self.fast.run(records)
        else:
            raise ValueError(f"unknown engine {engine!r}; use one of {ENGINES}")
        return report(loaded, records, self.shapes, raw, self.lex)
