"""Organisational records (signing, meeting, leave and seal logs) -> RDF in the org vocabulary.

The column schema is data (ontology/records.toml). Every problem a person can fix
is an InputError naming the file, line and column, in Chinese and English; good
rows of a file are kept even when other rows are bad.

>>> schema = load_schema()
>>> detect_kind(["id", "seal", "approved_by_post", "used_on"], schema)
'seal'
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.corpus import base_iri, slug
from kg.lexicon import BODY, DOCTYPE, MEETING, POST, SEAL, Lexicon, load_lexicon, normalise
from kg.ns import KG, RDF, XSD
from kg.resources import data_file

CONCEPT_KINDS = {"post": POST, "posts": POST, "body": BODY, "doctype": DOCTYPE,
                 "meeting": MEETING, "seal": SEAL}
TRUE = {"是", "yes", "y", "true", "1", "√", "已告知"}
FALSE = {"否", "no", "n", "false", "0", "×", "未告知", ""}
RE_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


@dataclass(frozen=True)
class InputError:
    """A problem in an input file a person can fix."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" 第{self.line}行 line {self.line}"
        if self.column:
            where += f" 列 column {self.column}"
        return f"{where}: {self.message}"


class Iri(str):
    """An IRI among record values (plain str values are text)."""


@dataclass
class Record:
    """One record: its IRI, classes and property values as plain Python values.

    Values are Iri, str, int, bool, Decimal or datetime.date, always in lists.
    """

    iri: str
    types: set[str]
    props: dict[str, list] = field(default_factory=dict)

    def first(self, prop: str):
        values = self.props.get(prop)
        return values[0] if values else None

    def add(self, prop: str, value) -> None:
        self.props.setdefault(prop, []).append(value)


@dataclass
class Loaded:
    """Records read from some files, and what could not be read."""

    records: list[Record] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def graph(self) -> Graph:
        return records_to_graph(self.records)


def _term(value):
    if isinstance(value, Iri):
        return URIRef(value)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, dt.date):
        return Literal(value, datatype=XSD.date)
    if isinstance(value, Decimal):
        return Literal(value, datatype=XSD.decimal)
    return Literal(value)


def _value(term):
    if isinstance(term, URIRef):
        return Iri(term)
    value = term.toPython()
    if isinstance(value, float):
        return Decimal(str(value))
    return value


def records_to_graph(records: list[Record]) -> Graph:
    """The records as RDF in the org vocabulary (for pyshacl and for export)."""
    g = Graph()
    add = g.add
    for r in records:
        s = URIRef(r.iri)
        for t in r.types:
            add((s, RDF.type, URIRef(t)))
        for prop, values in r.props.items():
            p = URIRef(prop)
            for v in values:
                add((s, p, _term(v)))
    return g


def graph_to_records(graph: Graph) -> list[Record]:
    """Records written in RDF: every subject typed with a class of the org vocabulary."""
    out = []
    for s in set(graph.subjects(RDF.type, None)):
        types = {str(o) for o in graph.objects(s, RDF.type)}
        if not any(t.startswith(str(KG)) for t in types):
            continue
        rec = Record(str(s), types)
        for p, o in graph.predicate_objects(s):
            if p != RDF.type:
                rec.add(str(p), _value(o))
        out.append(rec)
    return sorted(out, key=lambda r: r.iri)


@cache
def load_schema() -> dict:
    return tomllib.loads(data_file("ontology", "records.toml").read_text(encoding="utf-8"))


def kinds(schema: dict) -> list[str]:
    return [k for k, v in schema.items() if isinstance(v, dict) and "columns" in v]


def _column_names(schema: dict, kind: str) -> dict[str, str]:
    """header cell (English name or Chinese alias) -> column name."""
    out = {}
    for col in schema[kind]["columns"]:
        out[col["name"]] = col["name"]
        out[col["alias"]] = col["name"]
    return out


def _header_name(cell: str) -> str:
    """'signer_post[签发人职务]' and '签发人职务' and ' Signer_Post ' all name one column."""
    cell = cell.strip().lstrip("\ufeff")
    m = re.match(r"^([^\[（(]+)[\[（(](.+)[\]）)]$", cell)
    return m.group(1).strip().lower() if m else cell.lower() if cell.isascii() else cell


def detect_kind(header: list[str], schema: dict) -> str | None:
    """The log whose required columns the header holds (most matching columns wins)."""
    best, score = None, 0
    for kind in kinds(schema):
        names = _column_names(schema, kind)
        present = {names[h] for h in map(_header_name, header) if h in names}
        required = {c["name"] for c in schema[kind]["columns"] if c["required"]}
        overlap = len(present & required)
        if overlap > score and overlap >= max(2, len(required) // 2):
            best, score = kind, overlap
    return best


def record_iri(kind: str, record_id: str, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/data/{kind}/{slug(record_id) or 'x'}-{_digest(record_id)}")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


class Reader:
    """Reads CSV or RDF record files into one graph."""

    def __init__(self, lexicon: Lexicon | None = None, schema: dict | None = None):
        self.lex = lexicon or load_lexicon()
        self.schema = schema or load_schema()
        self.limits = self.schema.get("limits", {})
        self.labels = {}
        for entry in self.lex.entries.values():
            for label in entry.labels:
                self.labels.setdefault((entry.kind, normalise(label)), entry)

    def read(self, paths: list[Path]) -> Loaded:
        loaded = Loaded()
        for path in map(Path, paths):
            loaded.files.append(str(path))
            try:
                data = self._bytes(path)
            except _Rejected as exc:
                loaded.errors.append(InputError(str(path), None, None, str(exc)))
                continue
            if path.suffix.lower() in (".ttl", ".jsonld", ".json", ".nt"):
                self._rdf(path, data, loaded)
            else:
                self._csv(path, data, loaded)
        return loaded

    def read_bytes(self, name: str, data: bytes) -> Loaded:
        """For uploads: the same checks on bytes already in memory."""
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(name).name
            path.write_bytes(data)
            loaded = self.read([path])
        loaded.files = [name]
        loaded.errors = [InputError(name, e.line, e.column, e.message) for e in loaded.errors]
        for r in loaded.records:
            r.props[str(KG.sourceFile)] = [name]
        return loaded

    # -- whole-file checks

    def _bytes(self, path: Path) -> bytes:
        limit = int(self.limits.get("max_file_bytes", 20_000_000))
        if path.is_dir():
            raise _Rejected("是文件夹，不是文件 / is a folder, not a file")
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise _Rejected(f"无法读取 / cannot read: {exc.strerror}") from None
        if size > limit:
            raise _Rejected(f"文件过大（{size // 1_000_000} MB，上限 {limit // 1_000_000} MB）/ "
                            f"file too large ({size // 1_000_000} MB, limit {limit // 1_000_000} MB)")
        if size == 0:
            raise _Rejected("文件为空 / the file is empty")
        data = path.read_bytes()
        if b"\x00" in data[:8192]:
            raise _Rejected("不是文本文件（可能是二进制或 Excel 文件，请另存为 CSV UTF-8）/ "
                            "not a text file (binary or Excel? save it as CSV UTF-8)")
        return data

    def _text(self, data: bytes) -> str:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _Rejected(f"不是 UTF-8 编码（第 {exc.start} 字节），请另存为 CSV UTF-8 / "
                            f"not UTF-8 (byte {exc.start}); save it as CSV UTF-8") from None

    # -- RDF

    def _rdf(self, path: Path, data: bytes, loaded: Loaded) -> None:
        fmt = {".ttl": "turtle", ".nt": "nt"}.get(path.suffix.lower(), "json-ld")
        try:
            graph = Graph().parse(data=self._text(data), format=fmt)
        except _Rejected as exc:
            loaded.errors.append(InputError(str(path), None, None, str(exc)))
            return
        except Exception as exc:  # rdflib raises many types for malformed input
            loaded.errors.append(InputError(str(path), None, None,
                                            f"无法解析 RDF / cannot parse RDF: {str(exc)[:200]}"))
            return
        found = {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(KG))}
        if not found:
            loaded.errors.append(InputError(str(path), None, None,
                                            "没有 kg:SigningRecord / kg:MeetingRecord / kg:LeaveRecord / "
                                            "kg:SealUse 记录 / no records in the org vocabulary"))
            return
        for record in graph_to_records(graph):
            record.props[str(KG.sourceFile)] = [str(path)]
            loaded.records.append(record)
        loaded.kinds[str(path)] = "rdf"

    # -- CSV

    def _csv(self, path: Path, data: bytes, loaded: Loaded) -> None:
        file = str(path)
        try:
            text = self._text(data)
        except _Rejected as exc:
            loaded.errors.append(InputError(file, None, None, str(exc)))
            return
        if not text.strip():
            loaded.errors.append(InputError(file, None, None, "文件为空 / the file is empty"))
            return
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
        header = rows[0]
        kind = detect_kind(header, self.schema)
        if kind is None:
            expected = "；".join(f"{self.schema[k]['label']}: " + ", ".join(
                c["name"] for c in self.schema[k]["columns"] if c["required"]) for k in kinds(self.schema))
            loaded.errors.append(InputError(file, 1, None, f"无法识别的表头，应为以下之一 / unknown header, "
                                                          f"expected one of — {expected}"))
            return
        loaded.kinds[file] = kind
        spec = self.schema[kind]
        names = _column_names(self.schema, kind)
        index = {}
        for i, cell in enumerate(header):
            name = names.get(_header_name(cell))
            if name:
                index[name] = i
        missing = [c for c in spec["columns"] if c["required"] and c["name"] not in index]
        if missing:
            for c in missing:
                loaded.errors.append(InputError(file, 1, f"{c['name']}[{c['alias']}]",
                                                "缺少必填列 / missing required column"))
            return
        max_rows = int(self.limits.get("max_rows", 200_000))
        if len(rows) - 1 > max_rows:
            loaded.errors.append(InputError(file, None, None, f"行数过多（上限 {max_rows}）/ "
                                                              f"too many rows (limit {max_rows})"))
            return
        seen: dict[str, int] = {}
        for line, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            self._row(file, line, kind, spec, index, row, seen, loaded)

    def _row(self, file, line, kind, spec, index, row, seen, loaded) -> None:
        errors = []
        values = {}
        for col in spec["columns"]:
            i = index.get(col["name"])
            raw = row[i].strip() if i is not None and i < len(row) else ""
            label = f"{col['name']}[{col['alias']}]"
            if not raw:
                if col["required"]:
                    errors.append(InputError(file, line, label, "必填项为空 / required value is empty"))
                continue
            try:
                values[col["name"]] = self._value(col, raw)
            except ValueError as exc:
                errors.append(InputError(file, line, label, str(exc)))
        record_id = values.get("id")
        if record_id is not None:
            if record_id in seen:
                errors.append(InputError(file, line, "id[编号]", f"编号与第{seen[record_id]}行重复 / "
                                                                   f"duplicate id (line {seen[record_id]})"))
            seen.setdefault(record_id, line)
        if errors:
            loaded.errors += errors
            return
        record = Record(str(record_iri(kind, record_id, self.lex.base)), {str(KG[spec["class"]])})
        record.props[str(KG.row)] = [line]
        record.props[str(KG.sourceFile)] = [file]
        for col in spec["columns"]:
            if col["name"] not in values:
                continue
            value = values[col["name"]]
            prop = str(KG[col["property"]])
            if col["type"] == "ref":
                record.props[prop] = [Iri(record_iri(col["ref"], value, self.lex.base))]
            else:
                record.props[prop] = value if isinstance(value, list) else [value]
        loaded.records.append(record)

    def _value(self, col: dict, raw: str):
        kind = col["type"]
        if kind in ("id", "text", "ref"):
            return raw
        if kind == "date":
            m = RE_DATE.match(normalise(raw))
            try:
                if not m:
                    raise ValueError
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise ValueError(f"日期无效：{raw}（应为 YYYY-MM-DD）/ invalid date: {raw} "
                                 "(expected YYYY-MM-DD)") from None
        if kind == "int":
            if not normalise(raw).isdigit():
                raise ValueError(f"应为非负整数：{raw} / expected a whole number: {raw}")
            return int(normalise(raw))
        if kind == "bool":
            v = normalise(raw).lower()
            if v in TRUE:
                return True
            if v in FALSE:
                return False
            raise ValueError(f"应为 是/否：{raw} / expected yes/no (是/否): {raw}")
        if kind == "posts":
            return [self._concept("post", part.strip(), col)
                    for part in re.split(r"[;；、]", raw) if part.strip()]
        return self._concept(kind, raw, col)

    def _concept(self, kind: str, raw: str, col: dict) -> Iri:
        entry = self.labels.get((CONCEPT_KINDS[kind], normalise(raw)))
        if entry is not None and col.get("values") and entry.pref not in col["values"]:
            entry = None
        if entry is None:
            known = col.get("values") or sorted(
                {e.pref for (k, _), e in self.labels.items() if k == CONCEPT_KINDS[kind]})
            shown = "、".join(known[:12]) + ("…" if len(known) > 12 else "")
            what = {"post": "职务 post", "posts": "职务 post", "body": "发文名义 body",
                    "doctype": "公文类别 category", "meeting": "会议类型 meeting type",
                    "seal": "印章 seal"}[kind]
            raise ValueError(f"未知的{what}：{raw}（可用：{shown}）/ unknown {what.split()[1]}: {raw}")
        return Iri(entry.iri)


class _Rejected(Exception):
    """A whole file is unusable."""
