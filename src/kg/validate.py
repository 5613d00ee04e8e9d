"""Validate organisational records against the regulation: derive, run SHACL, report.

    records (kg.records)  ->  link references, derive facts (working days on the official
                              calendar, overlaps by a sweep, the meeting's chair …)
                          ->  SHACL shapes from kg.checks, run by one of two engines:
                                pyshacl  the reference (on an rdflib Memory graph)
                                fast     an interpreter for exactly the SHACL Core
                                         constraints the shapes use; it refuses any other
                                         component, and CI checks it gives pyshacl's findings
                          ->  completeness: a check that applies but lacks an input says so
                              (and does not judge the record); the record's other checks run
                          ->  findings, each joined to the article it breaks

>>> Report(conforms=True).exit_code
0
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from functools import cache

from pyshacl import validate as pyshacl_validate
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.checks import DCT, KG, SH, load_rules, record_class
from kg.lexicon import Lexicon
from kg.records import Iri, Loaded, Record, Schema, load_schema, paused_gc, records_to_graph
from kg.roles import Titles
from kg.tables import FileProblem
from kg.workdays import Calendar

SEVERITIES = ("Violation", "Warning", "Info")
ENGINES = ("fast", "pyshacl")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    sheet: str | None = None


@dataclass
class Report:
    conforms: bool
    results: list[Finding] = field(default_factory=list)
    errors: list[FileProblem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    records: int = 0
    notes: list[FileProblem] = field(default_factory=list)
    calendar: str = ""
    encodings: dict[str, str] = field(default_factory=dict)
    roster: str | None = None
    void: int = 0   # of the records, those crossed out in the log and not judged

    @property
    def counts(self) -> dict[str, int]:
        counts = {s: 0 for s in SEVERITIES}
        for f in self.results:
            counts[f.severity] += 1
        return counts

    @property
    def exit_code(self) -> int:
        """2: a file could not be read at all; 1: violations or unreadable cells; 0: neither."""
        if any(e.fatal for e in self.errors):
            return 2
        return 1 if self.counts["Violation"] or self.errors else 0

    def to_json(self) -> dict:
        """The `kg validate --json` contract."""
        def problem(p: FileProblem) -> dict:
            return {"file": p.file, "sheet": p.sheet, "line": p.line, "column": p.column,
                    "message": p.message}
        return {
            "conforms": self.conforms,
            "counts": self.counts,
            "results": [asdict(f) for f in self.results],
            "errors": [problem(e) for e in self.errors],
            "notes": [problem(n) for n in self.notes],
            "files": self.files,
            "records": self.records,
            "void": self.void,
            "calendar": self.calendar,
            "encodings": self.encodings,
            "roster": self.roster,
        }

    def to_csv(self) -> str:
        """The findings as CSV for Excel: UTF-8 with BOM; no cell from the data starts a formula."""
        out = io.StringIO()
        out.write("\ufeff")
        w = csv.writer(out)
        w.writerow(["severity", "article", "citation", "record", "file", "sheet", "row", "message",
                    "value", "shape"])
        for f in self.results:
            w.writerow([_cell(v) for v in (f.severity, f.article, f.citation, f.record, f.file,
                                            f.sheet, f.row, f.message, f.value, f.shape)])
        for e in self.errors:
            w.writerow([_cell(v) for v in ("Error", None, None, None, e.file, e.sheet, e.line,
                                            e.message, e.column, None)])
        return out.getvalue()

    def to_text(self) -> str:
        """The report for a terminal: counts, inputs, then findings grouped by article."""
        c = self.counts
        void = f"（作废 {self.void} 条，不核对 / {self.void} void, not checked）" if self.void else ""
        lines = [f"{self.records} 条记录 / records{void} · 违规 Violation {c['Violation']} · "
                 f"警告 Warning {c['Warning']} · 提示 Info {c['Info']}"]
        if self.calendar:
            lines.append(f"工作日 / working days: {self.calendar}")
        for name, encoding in self.encodings.items():
            lines.append(f"编码 / encoding: {visible_breaks(name)} — {encoding}")
        if self.roster:
            lines.append(f"名册 / roster: {visible_breaks(self.roster)}")
        for note in self.notes:
            lines.append(f"说明 / note: {visible_breaks(note)}")
        for findings in self.by_article().values():
            head = findings[0].citation.split("条")[0] + "条" if findings[0].citation else "—"
            lines.append(f"\n{head}（{len(findings)}）")
            for f in findings:
                sheet = "#" + f.sheet if f.sheet else ""
                line = f":{f.row}" if f.row is not None else ""   # a record in RDF has no line
                where = f"{f.file.rsplit('/', 1)[-1]}{sheet}{line}" if f.file else ""
                value = f" [{f.value}]" if f.value else ""
                finding = f"  {f.severity:<9} {f.record:<10} {where:<18} {f.message}{value}"
                lines.append(visible_breaks(finding))
        return "\n".join(lines)

    def by_article(self) -> dict[int | None, list[Finding]]:
        groups: dict[int | None, list[Finding]] = defaultdict(list)
        for f in self.results:
            groups[f.article].append(f)
        return dict(sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))


def visible_breaks(value: object) -> str:
    """A line of the text report from data: a line break in a file name or a cell is shown as
    \\n, so no data can print a line that looks like a finding of its own."""
    return str(value).replace("\r", "\\r").replace("\n", "\\n")


def _cell(value) -> object:
    """A CSV cell that Excel will show as text, never evaluate (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


# ---------------------------------------------------------------- derived facts


@cache
def _k(name: str) -> str:
    return str(KG[name])


class Deriver:
    """Links references and adds derived facts and subject classes to records, in place.

    A fact that cannot be derived for a reason the user should see (a year outside the official
    holiday schedule) is left absent, with the reason in record.missing.
    """

    def __init__(self, lexicon: Lexicon, titles: Titles, calendar: Calendar,
                 groups: tuple[str, ...] = ()):
        self.lex = lexicon
        self.base = lexicon.base
        self.titles = titles
        self.calendar = calendar
        self.groups = groups  # posts whose holders' absences at once a check limits
        self._up: dict[str, tuple[str, ...]] = {}
        self._cls: dict[tuple, str] = {}
        self._names: dict[str, str] = {}

    def up(self, iri) -> tuple[str, ...]:
        hit = self._up.get(iri)
        if hit is None:
            hit = self._up[iri] = tuple(sorted(self.titles.ancestors(str(iri))))
        return hit

    def same_post(self, chair, signer):
        """The chair's post as the signer's where both name one office (分管工业的副区长 chaired,
        副区长 signed: titles.toml same_office; the log cannot show two people, so no breach)."""
        office = self.titles.same_office
        if signer and office.get(str(chair), str(chair)) == office.get(str(signer), str(signer)):
            return signer
        return chair

    def name_of(self, text: str) -> str:
        """The person a name cell names, without the title written with the name (唐瑞峰 of
        「唐瑞峰\n副区长」, 马永军（副镇长）, 常务副区长韩立新), so that an AB partner's name finds them."""
        hit = self._names.get(text)
        if hit is None:
            hit = self._names[text] = self._name_of(text)
        return hit

    def _name_of(self, text: str) -> str:
        def known(t: str) -> bool:
            return self.titles.resolve(t)[1].kind not in ("unknown", "courtesy")

        bare = re.sub(r"[(（][^()（）]*[)）]", " ", text).split()
        if not bare:
            return text.strip()
        if len(bare) > 1:
            return next((p for p in bare if not known(p)), bare[0])
        named = self.titles.split_name(bare[0])   # 常务副区长韩立新
        return named[1] if named is not None else bare[0]

    def cls(self, *args) -> str:
        hit = self._cls.get(args)
        if hit is None:
            hit = self._cls[args] = str(record_class(self.base, *args))
        return hit

    def derive(self, records: list[Record]) -> None:
        kinds = defaultdict(list)
        for r in records:
            kinds[r.kind].append(r)
        self._link(records, kinds["meeting"])
        for r in kinds["signing"]:
            self._signing(r)
        self._meetings(kinds["meeting"])
        for r in kinds["seal"]:
            seal, approver = r.first(_k("seal")), r.first(_k("approvedByPost"))
            if seal:
                add = r.types.add
                add(self.cls("seal", seal))
                for p in self.up(approver) if approver else ():
                    add(self.cls("seal", seal, "approvedByPost", p))
        self._leave(kinds["leave"])

    def _link(self, records: list[Record], meetings: list[Record]) -> None:
        """A meeting id names the meeting in the same file if there is one, else the only one given."""
        by_file: dict[tuple, Record] = {}
        by_id: dict[str, list[Record]] = defaultdict(list)
        for m in meetings:
            if m.id is not None:
                by_file.setdefault((m.file, m.id), m)
                by_id[m.id].append(m)
        self.by_iri = {m.iri: m for m in meetings}
        for r in records:
            if not r.refs:
                continue
            for prop, rid in r.refs.items():
                target = by_file.get((r.file, rid))
                if target is None and len(by_id.get(rid, ())) == 1:
                    target = by_id[rid][0]
                r.props[prop] = [Iri(target.iri if target is not None
                                     else f"{self.base}/data/unknown/{abs(hash(rid)):x}")]
                r.shown[prop] = rid

    def _signing(self, r: Record) -> None:
        category, signer = r.first(_k("category")), r.first(_k("signerPost"))
        if not category:
            return
        add = r.types.add
        for c in self.up(category):
            add(self.cls("signing", c))
            for p in self.up(signer) if signer else ():
                add(self.cls("signing", c, "signerPost", p))
        meeting = self.by_iri.get(r.first(_k("meeting")) or "")
        if meeting is None:
            # no meeting named, or one not among the logs given: who chaired it is unknown, which
            # the shape on the minutes' meeting already reports (无法核对第五十三条)
            r.missing[_k("meetingChairPost")] = "bad"
        elif meeting is not None:
            chair = meeting.first(_k("chairPost"))
            if chair:
                r.props[_k("meetingChairPost")] = [self.same_post(chair, signer)]
            else:
                r.missing[_k("meetingChairPost")] = (f"所属会议 {meeting.label} 未记录主持人职务 / the "
                                                     f"meeting {meeting.label} names no chair")

    def _meetings(self, meetings: list[Record]) -> None:
        by_type = defaultdict(list)
        cal = self.calendar
        for r in meetings:
            mtype, date = r.first(_k("meetingType")), r.first(_k("date"))
            if not mtype:
                continue
            add = r.types.add
            for m in self.up(mtype):
                add(self.cls("meeting", m))
                for prop in ("chairPost", "convenerPost"):
                    post = r.first(_k(prop))
                    for p in self.up(post) if post else ():
                        add(self.cls("meeting", m, prop, p))
            chair, signer = r.first(_k("chairPost")), r.first(_k("minutesSignerPost"))
            if chair and signer:  # minutes exist: signed by the chair
                r.props[_k("meetingChairPost")] = [self.same_post(chair, signer)]
            reviewer, entruster = r.first(_k("minutesReviewerPost")), r.first(_k("entrustedByPost"))
            if reviewer and entruster:   # 副区长 reviews what the 分管副区长 entrusted: the same post
                r.props[_k("minutesReviewedByEntruster")] = [
                    entruster in self.up(reviewer) or reviewer in self.up(entruster)]
            expected, present = r.first(_k("expectedCount")), r.first(_k("presentCount"))
            if expected and present is not None and present > expected:
                # 实到 13 of 应到 12: one of the two is wrong, and which the log cannot say
                r.missing[_k("presentRatio")] = (
                    f"实到人数（{present}）多于应到人数（{expected}），请核对 / "
                    f"more present ({present}) than expected ({expected}): please check the counts")
            elif expected and present is not None:
                ratio = (Decimal(present) / Decimal(expected)).quantize(Decimal("0.0001"))
                r.props[_k("presentRatio")] = [ratio]
            materials = r.first(_k("materialsSubmittedOn"))
            if materials and date:
                count = cal.working_days(materials, date)
                if cal.official(materials) and cal.official(date):
                    r.props[_k("materialsLeadWorkingDays")] = [count]
                else:
                    years = f"{cal.first.year}–{cal.last.year}"
                    r.missing[_k("materialsLeadWorkingDays")] = (
                        f"{materials}–{date} 不在官方节假日安排的年份（{years}）内，按周一至周五计为 {count} "
                        f"个工作日，仅供参考 / outside the official holiday schedule ({years}); "
                        f"{count} working days counting Monday–Friday only")
            prepared = r.first(_k("preparationStartedOn"))
            if prepared and date:
                r.props[_k("preparationDays")] = [(date - prepared).days]
            if date:
                by_type[mtype].append((date, r.iri, r))
        for items in by_type.values():
            items.sort(key=lambda x: (x[0], x[1]))
            for (before, _, _), (date, _, r) in zip(items, items[1:], strict=False):
                r.props[_k("daysSincePrevious")] = [(date - before).days]

    def _leave(self, leaves_in: list[Record]) -> None:
        leaves = []
        for r in leaves_in:
            post = r.first(_k("post"))
            start, end, reported = r.first(_k("start")), r.first(_k("end")), r.first(_k("reportedOn"))
            add = r.types.add
            for p in self.up(post) if post else ():
                add(self.cls("leave", p))
            if reported and start:
                r.props[_k("reportLeadDays")] = [(start - reported).days]
            if start and end and start <= end:  # a reversed period is reported by its own shape
                # a log with no name column says nothing of who: each record is someone else
                person = self.name_of(str(r.first(_k("person")) or "")) or r.iri
                leaves.append((r, person, post, start.toordinal(),
                               end.toordinal(), self.name_of(str(r.first(_k("abPartner")) or ""))))
        spans = defaultdict(list)
        for _, person, _, start, end, _ in leaves:
            spans[person].append((start, end))
        reach = {p: _reach(v) for p, v in spans.items()}
        for r, _, _, start, end, partner in leaves:
            if partner:
                r.props[_k("partnerAbsentSameTime")] = [_overlaps(reach.get(partner), start, end)]
        for group in self.groups:
            self._leaders_at_once([x for x in leaves if x[2] and group in self.up(x[2])])

    def _leaders_at_once(self, leaves) -> None:
        """Peak number of distinct leaders away on any day of each leader's leave.

        A sweep over start/end events of each person's merged absences: memory and time grow
        with the number of leaves, never with the number of days they span.
        """
        if not leaves:
            return
        events: dict[int, int] = defaultdict(int)
        per_person = defaultdict(list)
        for _, person, _, start, end, _ in leaves:
            per_person[person].append((start, end))
        for spans in per_person.values():
            for start, end in _merge(spans):
                events[start] += 1
                events[end + 1] -= 1
        points = sorted(events)
        counts, level = [], 0
        for p in points:
            level += events[p]
            counts.append(level)
        table = _SparseMax(counts)
        for r, _, _, start, end, _ in leaves:
            i = bisect.bisect_right(points, start) - 1
            j = bisect.bisect_right(points, end) - 1
            r.props[_k("leadersAbsentAtOnce")] = [table.max(i, j)]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _reach(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted starts and the running maximum of ends: does any span overlap [s, e]?"""
    spans = sorted(spans)
    starts, reach, best = [], [], None
    for start, end in spans:
        best = end if best is None else max(best, end)
        starts.append(start)
        reach.append(best)
    return starts, reach


def _overlaps(index: tuple[list[int], list[int]] | None, start: int, end: int) -> bool:
    if not index:
        return False
    starts, reach = index
    i = bisect.bisect_right(starts, end) - 1  # spans starting on or before `end`
    return i >= 0 and reach[i] >= start


class _SparseMax:
    """Range maximum over a fixed list in O(1) per query after O(n log n) setup."""

    def __init__(self, values: list[int]):
        self.levels = [values]
        width = 1
        while 2 * width <= len(values):
            prev = self.levels[-1]
            self.levels.append([max(prev[i], prev[i + width]) for i in range(len(prev) - width)])
            width *= 2

    def max(self, i: int, j: int) -> int:
        k = (j - i + 1).bit_length() - 1
        level = self.levels[k]
        return max(level[i], level[j - (1 << k) + 1])


# ---------------------------------------------------------------- engines

Raw = tuple[str, str, str, str, object]  # focus, shape, severity, message, value


def run_pyshacl(data: Graph, shapes: Graph) -> list[Raw]:
    """pyshacl, the reference engine, on an rdflib Memory graph."""
    _, results, _ = pyshacl_validate(data, shacl_graph=shapes, allow_warnings=True,
                                     inference="none", advanced=False, meta_shacl=False)
    out: list[Raw] = []
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
    others: tuple[str, ...] = ()  # properties compared with (sh:equals, sh:lessThanOrEquals)


def _test(kind: str, arg):
    """One SHACL Core component as a function (values, record, types) -> offending values."""
    if kind == "minCount":
        return lambda values, r, types: [None] if len(values) < arg else ()
    if kind == "in":
        return lambda values, r, types: [v for v in values if v not in arg]
    if kind == "hasValue":
        return lambda values, r, types: () if arg in values else [None]
    if kind == "equals":
        def equals(values, r, types):
            other = r.props.get(arg, [])
            return [v for v in values if v not in other] + [v for v in other if v not in values]
        return equals
    if kind == "lessThanOrEquals":
        return lambda values, r, types: [v for v in values for w in r.props.get(arg, []) if not v <= w]
    if kind == "class":
        return lambda values, r, types: [v for v in values if arg not in types.get(v, ())]
    if kind == "minInclusive":
        return lambda values, r, types: [v for v in values if not v >= arg]
    if kind == "minExclusive":
        return lambda values, r, types: [v for v in values if not v > arg]
    if kind == "maxInclusive":
        return lambda values, r, types: [v for v in values if not v <= arg]
    raise Unsupported(kind)


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
        for node in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
            extra = set(shapes.predicates(node, None)) - self.NODE_KNOWN
            if extra:
                raise Unsupported(f"{node}: {sorted(map(str, extra))}")
            targets = [str(t) for t in shapes.objects(node, SH.targetClass)]
            for ps in sorted(shapes.objects(node, SH.property), key=str):
                c = self._compile(shapes, ps)
                for t in targets:
                    self.by_class[t].append(c)
        self._plans: dict[frozenset, list[tuple[_Constraint, list]]] = {}

    def _compile(self, g: Graph, ps) -> _Constraint:
        extra = set(g.predicates(ps, None)) - self.KNOWN
        path = g.value(ps, SH.path)
        if extra or not isinstance(path, URIRef):
            raise Unsupported(f"{ps}: {sorted(map(str, extra)) or 'complex path'}")
        checks: list[tuple[str, object]] = []
        others: list[str] = []
        for pred, obj in g.predicate_objects(ps):
            if pred == SH.minCount:
                checks.append(("minCount", int(str(obj))))
            elif pred == SH["in"]:
                checks.append(("in", {_py(v) for v in Collection(g, obj)}))
            elif pred == SH.hasValue:
                checks.append(("hasValue", _py(obj)))
            elif pred in (SH.equals, SH.lessThanOrEquals, SH["class"]):
                checks.append((str(pred).rsplit("#", 1)[-1], str(obj)))
                if pred != SH["class"]:
                    others.append(str(obj))
            elif pred in (SH.minInclusive, SH.minExclusive, SH.maxInclusive):
                checks.append((str(pred).rsplit("#", 1)[-1], _py(obj)))
        severity = str(g.value(ps, SH.severity) or SH.Violation).rsplit("#", 1)[-1]
        return _Constraint(str(ps), str(path), severity, str(g.value(ps, SH.message) or ""),
                           sorted(checks, key=lambda c: c[0]), tuple(others))

    def constraints(self, types: set[str]) -> list[tuple[_Constraint, list]]:
        """The constraints that apply to a record with these classes, compiled (cached per set)."""
        key = frozenset(types)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = [(c, [_test(k, a) for k, a in c.checks])
                                       for t in sorted(key) for c in self.by_class.get(t, ())]
        return plan

    def run(self, records: list[Record], skip: AbstractSet[tuple[str, str]] = frozenset()) -> list[Raw]:
        out: list[Raw] = []
        types = {r.iri: r.types for r in records}
        for r in records:
            props = r.props
            for c, tests in self.constraints(r.types):
                if skip and (r.iri, c.shape) in skip:
                    continue
                values = props.get(c.path, ())
                for test in tests:
                    for value in test(values, r, types):
                        out.append((r.iri, c.shape, c.severity, c.message, value))
        return out


def _py(term):
    if isinstance(term, URIRef):
        return Iri(term)
    value = term.toPython() if isinstance(term, Literal) else term
    return Decimal(str(value)) if isinstance(value, float) else value


# ---------------------------------------------------------------- completeness


@dataclass(frozen=True)
class _Blocked:
    record: Record
    shape: str
    severity: str
    message: str
    value: str | None


class Completeness:
    """Which applicable checks lack an input, per record, and the findings that say so."""

    def __init__(self, schema: Schema, engine: FastEngine, shapes: Graph, base: str):
        self.schema = schema
        self.engine = engine
        self.base = base
        self.meta = _ShapeMeta(shapes)
        self._needs: dict[tuple[str, str], set[str]] = {}
        self.columns = {kind: {str(KG[c.prop]): c for c in log.template_columns if c.prop}
                        for kind, log in schema.log.items()}

    def needs(self, kind: str, c: _Constraint) -> set[str]:
        key = (kind, c.shape)
        hit = self._needs.get(key)
        if hit is None:
            hit = set()
            for prop in (c.path, *c.others):
                hit |= {str(KG[p]) for p in self.schema.needs(kind, prop.rsplit("#", 1)[-1])}
            self._needs[key] = hit
        return hit

    def check(self, records: list[Record]) -> tuple[set[tuple[str, str]], list[_Blocked]]:
        """(record, shape) pairs that cannot be judged, and one finding per record and provision."""
        skip: set[tuple[str, str]] = set()
        found: list[_Blocked] = []
        for r in records:
            if not r.missing:
                continue
            columns = self.columns.get(r.kind, {})
            for prop, why in sorted(r.missing.items()):
                col = columns.get(prop)
                if why == "blank" and col is not None and col.required:
                    found.append(_Blocked(r, f"{self.base}/id/incomplete/{r.kind}/{col.name}", "Violation",
                                          f"记录不完整：缺少{col.alias}，无法确定适用的规则 / incomplete: "
                                          f"no {col.name}, so no specific check can apply", None))
            by_source: dict[str, list] = defaultdict(list)
            for c, _ in self.engine.constraints(r.types):
                blocked = sorted(p for p in self.needs(r.kind, c) if p in r.missing)
                if blocked:
                    skip.add((r.iri, c.shape))
                    by_source[self.meta.citation(c.shape) or c.shape].append((c, blocked))
            for citation, items in by_source.items():
                blanks, reasons = [], []
                for _, blocked in items:
                    for prop in blocked:
                        why = r.missing[prop]
                        col = columns.get(prop)
                        if why == "blank" and col is not None:
                            if col.alias not in blanks:
                                blanks.append(col.alias)
                        elif why not in ("blank", "bad") and why not in reasons:
                            reasons.append(why)
                shape = items[0][0].shape
                tail = shape.split("/id/shape/", 1)[-1]
                if blanks:
                    found.append(_Blocked(r, f"{self.base}/id/incomplete/{tail}", "Violation",
                                          f"记录不完整：缺少{'、'.join(blanks)}，无法核对{citation} / "
                                          f"incomplete record: cannot check {citation}", None))
                for why in reasons:
                    found.append(_Blocked(r, f"{self.base}/id/unchecked/{tail}", "Info",
                                          f"无法核对{citation}：{why}", None))
        return skip, found


class _ShapeMeta:
    """Article, citation, source and path of each shape, read once."""

    def __init__(self, shapes: Graph):
        self.shapes = shapes
        self._meta: dict[str, tuple] = {}

    def get(self, shape: str) -> tuple:
        hit = self._meta.get(shape)
        if hit is None:
            s = URIRef(shape)
            g = self.shapes
            hit = self._meta[shape] = (g.value(s, KG.articleNumber), g.value(s, KG.citation),
                                       g.value(s, DCT.source), g.value(s, SH.path))
        return hit

    def citation(self, shape: str) -> str | None:
        citation = self.get(shape)[1]
        return str(citation) if citation is not None else None


# ---------------------------------------------------------------- report


def report(loaded: Loaded, records: list[Record], meta: _ShapeMeta, raw: list[Raw],
           lexicon: Lexicon, blocked: list[_Blocked], skip: set[tuple[str, str]],
           calendar: str = "") -> Report:
    """Join every result to its shape's article and to the record's file and row."""
    by_iri = {r.iri: r for r in records}
    findings, seen = [], set()
    names: dict[str, str] = {}

    def show(value, rec: Record | None, path) -> str | None:
        if value is None:
            return None
        if rec is not None and path is not None and str(path) in rec.shown:
            return rec.shown[str(path)]
        key = str(value)
        if key in names:
            return names[key]
        entry = lexicon.get(key)
        other = by_iri.get(key)
        if entry:
            text = entry.pref
        elif other is not None:  # a referenced record: show its id
            text = other.label
        else:
            text = str(value).lower() if isinstance(value, bool) else str(value)
        if entry or not isinstance(value, (int, Decimal)):
            names[key] = text
        return text

    for focus, shape, severity, message, value in raw:
        if (focus, shape) in seen or (focus, shape) in skip:  # sh:equals reports each side
            continue
        seen.add((focus, shape))
        article, citation, source, path = meta.get(shape)
        rec = by_iri.get(focus)
        own = rec.first(str(path)) if rec is not None and path is not None else None
        findings.append(Finding(
            record=rec.label if rec is not None else focus,
            row=rec.row if rec is not None else None,
            file=rec.file if rec is not None else None,
            severity=severity, message=message or shape,
            article=int(article) if article is not None else None,
            citation=str(citation) if citation is not None else None,
            shape=shape, value=show(own if own is not None else value, rec, path),
            source=str(source) if source is not None else None,
            sheet=rec.sheet if rec is not None else None))
    for b in blocked:
        article, citation, source, _ = meta.get(b.shape.replace("/id/incomplete/", "/id/shape/")
                                                .replace("/id/unchecked/", "/id/shape/"))
        r = b.record
        findings.append(Finding(r.label, r.row, r.file, b.severity, b.message,
                                int(article) if article is not None else None,
                                str(citation) if citation is not None else None, b.shape, b.value,
                                str(source) if source is not None else None, r.sheet))
    for a in loaded.assumptions:
        if a.kind == "rule":
            message = (f"假设：「{a.title}」视为「{a.role}」（{a.basis}）；共 {a.count} 条记录 / "
                       f"assumed: {a.title} holds the role {a.role} ({a.count} records)")
        elif a.kind == "unknown":
            message = (f"未识别的职务「{a.title}」：不是规章中的任何角色，按原名核对；共 {a.count} 条记录 / "
                       f"unknown title {a.title}: holds none of the regulation's roles ({a.count} records)")
        else:
            continue
        findings.append(Finding(a.record, a.row, a.file, "Info", message, None, None,
                                f"{lexicon.base}/id/assumption/title-{a.kind}", a.title, None, a.sheet))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (f.article or 0, order.get(f.severity, 9), f.file or "",
                                 f.sheet or "", f.row or 0, f.record, f.shape))
    return Report(not any(f.severity == "Violation" for f in findings), findings, loaded.errors,
                  loaded.files, len(records) + len(loaded.void), loaded.notes + loaded.void, calendar,
                  loaded.encodings, loaded.roster, len(loaded.void))


def absence_groups(shapes: Graph, base: str) -> tuple[str, ...]:
    """The posts whose holders' simultaneous absences a shape limits (its target: leave/<post>)."""
    found = set()
    for ps in shapes.subjects(SH.path, KG.leadersAbsentAtOnce):
        for node in shapes.subjects(SH.property, ps):
            for target in shapes.objects(node, SH.targetClass):
                slug = str(target).split("/id/record-class/leave/", 1)[-1]
                found.add(f"{base}/id/post/{slug}")
    return tuple(sorted(found))


class Validator:
    """Everything needed to validate records, built once (the shapes come from the graph)."""

    def __init__(self, store, lexicon: Lexicon, titles: Titles | None = None,
                 schema: Schema | None = None):
        from kg.checks import shapes_graph
        self.lex = lexicon
        self.titles = titles or Titles.load(lexicon)
        self.schema = schema or load_schema()
        self.shapes = shapes_graph(store, lexicon, self.titles)
        rules = load_rules()
        self.calendar = Calendar.load(tuple(rules.calendar.weekend), rules.calendar.official,
                                      rules.calendar.fallback)
        self.fast = FastEngine(self.shapes)
        self.meta = _ShapeMeta(self.shapes)
        self.groups = absence_groups(self.shapes, lexicon.base)
        self.completeness = Completeness(self.schema, self.fast, self.shapes, lexicon.base)

    def validate(self, loaded: Loaded, engine: str = "fast") -> Report:
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}; use one of {ENGINES}")
        with paused_gc():
            records = [r.copy() for r in loaded.records]
            Deriver(self.lex, self.titles, self.calendar, self.groups).derive(records)
            skip, blocked = self.completeness.check(records)
            if engine == "pyshacl":
                raw = run_pyshacl(records_to_graph(records), self.shapes)
            else:
                raw = self.fast.run(records, skip)
            return report(loaded, records, self.meta, raw, self.lex, blocked, skip,
                          self.calendar.name)

