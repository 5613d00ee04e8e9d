"""Validate organisational records against the regulation: derive, run SHACL, report.

    records (kg.records)  ->  derive facts (working days, overlaps, the meeting's chair …)
                          ->  pyshacl with the shapes from kg.checks
                          ->  findings, each joined to the article it breaks

pyshacl runs on an rdflib Memory graph (measured: far faster than on an Oxigraph-backed
graph) with allow_warnings=True.

>>> Report(conforms=True).exit_code
0
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from kg.checks import DCT, KG, SH, load_rules, record_class
from kg.lexicon import Lexicon
from kg.records import InputError, Loaded

SEVERITIES = ("Violation", "Warning", "Info")


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
            "results": [{k: v for k, v in asdict(f).items()} for f in self.results],
            "errors": [{"file": e.file, "line": e.line, "column": e.column, "message": e.message}
                       for e in self.errors],
            "files": self.files,
            "records": self.records,
        }

    def to_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["severity", "article", "citation", "record", "row", "file", "message", "value", "shape"])
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


def _date(value) -> dt.date | None:
    return value.toPython() if isinstance(value, Literal) and isinstance(value.toPython(), dt.date) else None


def working_days(start: dt.date, end: dt.date, weekend: set[int]) -> int:
    """Working days from start (inclusive) to end (exclusive); negative when end is earlier.

    >>> working_days(dt.date(2026, 11, 23), dt.date(2026, 11, 30), {5, 6})
    5
    """
    if end < start:
        return -working_days(end, start, weekend)
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * (7 - len(weekend))
    for i in range(rest):
        if (start + dt.timedelta(days=weeks * 7 + i)).weekday() not in weekend:
            count += 1
    return count


class Deriver:
    """Adds derived facts and subject classes to a records graph, in place."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.base = lexicon.base
        calendar = load_rules().get("calendar", {})
        self.weekend = set(calendar.get("weekend", [5, 6]))
        self.leaders = self.lex.descendants(f"{self.base}/id/post/government-leaders")

    def derive(self, g: Graph) -> None:
        add = g.add
        value = g.value
        for s in list(g.subjects(RDF.type, KG.SigningRecord)):
            category = value(s, KG.category)
            signer = value(s, KG.signerPost)
            if category is None:
                continue
            for c in self.lex.ancestors(str(category)):
                add((s, RDF.type, record_class(self.base, "signing", c)))
                if signer is not None:
                    for p in self.lex.ancestors(str(signer)):
                        add((s, RDF.type, record_class(self.base, "signing", c, "signerPost", p)))
            meeting = value(s, KG.meeting)
            if meeting is not None and value(meeting, KG.chairPost) is not None:
                add((s, KG.meetingChairPost, value(meeting, KG.chairPost)))
        by_type: dict[str, list[tuple[dt.date, URIRef]]] = defaultdict(list)
        for s in list(g.subjects(RDF.type, KG.MeetingRecord)):
            mtype, date = value(s, KG.meetingType), _date(value(s, KG.date))
            if mtype is None:
                continue
            for m in self.lex.ancestors(str(mtype)):
                add((s, RDF.type, record_class(self.base, "meeting", m)))
                for prop in ("chairPost", "convenerPost"):
                    post = value(s, KG[prop])
                    if post is not None:
                        for p in self.lex.ancestors(str(post)):
                            add((s, RDF.type, record_class(self.base, "meeting", m, prop, p)))
            if value(s, KG.chairPost) is not None:
                add((s, KG.meetingChairPost, value(s, KG.chairPost)))
            expected, present = value(s, KG.expectedCount), value(s, KG.presentCount)
            if expected is not None and present is not None and int(expected) > 0:
                ratio = (Decimal(int(present)) / Decimal(int(expected))).quantize(Decimal("0.0001"))
                add((s, KG.presentRatio, Literal(ratio, datatype=XSD.decimal)))
            materials = _date(value(s, KG.materialsSubmittedOn))
            if materials and date:
                add((s, KG.materialsLeadWorkingDays, Literal(working_days(materials, date, self.weekend))))
            prepared = _date(value(s, KG.preparationStartedOn))
            if prepared and date:
                add((s, KG.preparationDays, Literal((date - prepared).days)))
            if date:
                by_type[str(mtype)].append((date, s))
        for meetings in by_type.values():
            meetings.sort()
            for (before, _), (date, s) in zip(meetings, meetings[1:]):
                add((s, KG.daysSincePrevious, Literal((date - before).days)))
        for s in list(g.subjects(RDF.type, KG.SealUse)):
            seal, approver = value(s, KG.seal), value(s, KG.approvedByPost)
            if seal is None:
                continue
            add((s, RDF.type, record_class(self.base, "seal", str(seal))))
            if approver is not None:
                for p in self.lex.ancestors(str(approver)):
                    add((s, RDF.type, record_class(self.base, "seal", str(seal), "approvedByPost", p)))
        self._leave(g)

    def _leave(self, g: Graph) -> None:
        value = g.value
        leaves = []
        for s in list(g.subjects(RDF.type, KG.LeaveRecord)):
            post = value(s, KG.post)
            start, end = _date(value(s, KG.start)), _date(value(s, KG.end))
            if post is not None:
                for p in self.lex.ancestors(str(post)):
                    g.add((s, RDF.type, record_class(self.base, "leave", p)))
            reported = _date(value(s, KG.reportedOn))
            if reported and start:
                g.add((s, KG.reportLeadDays, Literal((start - reported).days)))
            if start and end and start <= end:  # a reversed period is reported by its own shape
                leaves.append((s, str(value(s, KG.person) or ""), str(post or ""), start, end,
                               str(value(s, KG.abPartner) or "")))
        by_person = defaultdict(list)
        for s, person, _, start, end, _ in leaves:
            by_person[person].append((start, end))
        for s, person, _, start, end, partner in leaves:
            if partner:
                clash = any(a <= end and start <= b for a, b in by_person.get(partner, []))
                g.add((s, KG.partnerAbsentSameTime, Literal(clash)))
        self._leaders_at_once(g, [l for l in leaves if l[2] in self.leaders])

    def _leaders_at_once(self, g: Graph, leaves) -> None:
        """Peak number of distinct leaders away on any day of each leader's leave."""
        if not leaves:
            return
        first = min(l[3] for l in leaves)
        last = max(l[4] for l in leaves)
        span = (last - first).days + 1
        if span > 20 * 366:
            return
        away: list[set[str]] = [set() for _ in range(span)]
        for _, person, _, start, end, _ in leaves:
            for d in range((start - first).days, (end - first).days + 1):
                away[d].add(person)
        for s, _, _, start, end, _ in leaves:
            peak = max(len(away[d]) for d in range((start - first).days, (end - first).days + 1))
            g.add((s, KG.leadersAbsentAtOnce, Literal(peak)))


# ---------------------------------------------------------------- running


def run_shacl(data: Graph, shapes: Graph) -> Graph:
    """pyshacl, the reference engine: the results graph."""
    _, results, _ = pyshacl_validate(data, shacl_graph=shapes, allow_warnings=True,
                                     inference="none", advanced=False, meta_shacl=False)
    return results


def report(loaded: Loaded, data: Graph, shapes: Graph, results: Graph, lexicon: Lexicon) -> Report:
    """Join every result to its shape's article and to the record's file and row."""
    findings = []
    seen = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        shape = results.value(r, SH.sourceShape)
        severity = str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        message = results.value(r, SH.resultMessage)
        value = results.value(r, SH.value)
        article = shapes.value(shape, KG.articleNumber)
        citation = shapes.value(shape, KG.citation)
        source = shapes.value(shape, DCT.source)
        if (focus, shape) in seen:  # sh:equals reports each side; one finding per record is enough
            continue
        seen.add((focus, shape))
        record = data.value(focus, KG.recordId)
        row = data.value(focus, KG.row)
        file = data.value(focus, KG.sourceFile)
        path = shapes.value(shape, SH.path)
        if path is not None and data.value(focus, path) is not None:
            value = data.value(focus, path)  # the record's own value, also for sh:equals
        shown = None
        if value is not None:
            entry = lexicon.get(str(value))
            shown = entry.pref if entry else str(value)
        findings.append(Finding(
            record=str(record) if record is not None else str(focus),
            row=int(row) if row is not None else None,
            file=str(file) if file is not None else None,
            severity=severity, message=str(message) if message else str(shape),
            article=int(article) if article is not None else None,
            citation=str(citation) if citation is not None else None,
            shape=str(shape), value=shown, source=str(source) if source is not None else None))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (f.article or 0, order.get(f.severity, 9), f.file or "", f.row or 0,
                                 f.shape))
    records = len(set(data.subjects(KG.recordId, None)))
    return Report(not any(f.severity == "Violation" for f in findings), findings, loaded.errors,
                  loaded.files, records)


class Validator:
    """Everything needed to validate records, built once (the shapes come from the graph)."""

    def __init__(self, store, lexicon: Lexicon):
        from kg.checks import shapes_graph
        self.lex = lexicon
        self.shapes = shapes_graph(store, lexicon)
        self.deriver = Deriver(lexicon)

    def validate(self, loaded: Loaded) -> Report:
        data = Graph()
        data += loaded.graph
        self.deriver.derive(data)
        results = run_shacl(data, self.shapes)
        return report(loaded, data, self.shapes, results, self.lex)

