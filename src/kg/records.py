"""Organisational records (signing, meeting, leave and seal logs) -> Records in the org vocabulary.

The column schema is data (ontology/records.toml), loaded strictly. Logs come as CSV/TSV in any
common encoding, as .xlsx (every sheet detected by its header) or as Turtle/JSON-LD (kg.tables
opens them, with the limits enforced while reading). Titles become the regulation's roles
through a roster or the rules of ontology/titles.toml (kg.roles), and every title mapped by rule
is kept as an assumption for the report. A blank cell is recorded as missing, not refused: the
validator decides whether a check that applies needs it. Records are keyed by file (and sheet)
and row, so two monthly logs that both number their records 1, 2 … stay apart.

>>> schema = load_schema()
>>> detect_kind(["id", "seal", "approved_by_post", "used_on"], schema)
'seal'
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import itertools
import json
import math
import os
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path, PurePath
from typing import Any

from rdflib import Graph, Literal, URIRef

from kg.config import parse, read_toml
from kg.errors import ConfigError, bilingual
from kg.lexicon import (
    BODY,
    DOCTYPE,
    MEETING,
    POST,
    SEAL,
    Entry,
    Lexicon,
    load_lexicon,
    normalise,
)
from kg.ns import KG, RDF, XSD
from kg.numerals import cn_to_int
from kg.resources import data_file
from kg.roles import TITLE_CHARS, Roster, Titles, read_roster
from kg.tables import BadCell, FileProblem, Limits, Sheet, Unreadable, check_size, open_table

CONCEPT_KINDS = {"post": POST, "posts": POST, "body": BODY, "doctype": DOCTYPE,
                 "meeting": MEETING, "seal": SEAL}
TYPES = {"id", "text", "date", "int", "bool", "ref", "period", "report", "remarks"} | set(CONCEPT_KINDS)
TRUE = {"是", "yes", "y", "true", "1", "√", "✓", "✔", "已", "已告知", "已通知", "1.0"}
FALSE = {"否", "no", "n", "false", "0", "×", "✗", "✘", "未", "未告知", "未通知", "0.0"}
# 2025-3-5, 2025/03/05, 2025.3.5, 2025年3月5日, 20250305; a time of day after it is dropped
# (every check counts whole days)
RE_DATE = re.compile(r"^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))"
                     r"(?:\s*(?:[ T]?(?:(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d(?:\.\d+)?)?|24[:：]00)"
                     r"|[上下]午|晚上|全天))?$")   # a time that is one: 25:61 makes the date unreadable
# …also with a short note after it in brackets (2024-03-05（周二）)
RE_DATE_NOTE = re.compile(r"\s*\([^()]{1,8}\)$")
# …or in Chinese numerals, as formal documents date themselves (二〇二四年三月五日)
CN_DAY = "[一二三四五六七八九十]{1,3}"
# a count after a word (应到十一人 once its unit is cut): the word, and the number in figures or words
RE_COUNT = re.compile(r"([一-鿿]{0,6}?)\s*([0-9]{1,9}|(?=[零〇一二两三四五六七八九十百千])"
                      r"(?:[一二两三四五六七八九]千)?(?:[零〇]?[一二两三四五六七八九]百)?"
                      r"(?:[零〇]?[一二两三四五六七八九]?十)?(?:[零〇]?[一二两三四五六七八九]|[零〇])?)")
RE_CN_DATE = re.compile(rf"^([〇零一二三四五六七八九]{{4}})年({CN_DAY})月({CN_DAY})日")
# a date without its year (3月4日, 3.13) or, after a range's first date, its day alone (至6日)
RE_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:上午|下午|中午|晚上|全天)?$")
RE_DAY = re.compile(r"^(\d{1,2})\s*日?$")
# a year a sheet's title, name or file name gives its dates when they leave it out
RE_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# what parts a period written in one cell (2024.3.11-3.13, 3月4日至6日), first the unambiguous
RANGE_MARKS = ("至", "到", "~", "—", "–", "-")
EXCEL_EPOCH = dt.date(1899, 12, 30)
# Record files in RDF, by suffix: the media type names pyoxigraph's parser.
RDF_SUFFIXES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json",
                ".json": "application/ld+json"}
HEADER_SCAN = 10  # rows above the header (a sheet title, a blank line) that may be skipped
HEADER_CHARS = 64  # a longer cell is no header (a title row, a note): not read as one
VALUE_CHARS = 64   # …nor a longer value a category, meeting type or seal written another way
NOTE_ROWS = 20     # rows that are no records noted one by one in a sheet; past this, one note
DATE_CHARS = 48    # a longer cell is no date or period (each way of parting it is tried: not on any length)
# What a column's value becomes: a property value, the record's id, a reference, posts with titles
PLAIN, ID, REF, POSTS, PERIOD, REMARKS = 0, 1, 2, 3, 4, 5
STORE = {"id": ID, "ref": REF, "post": POSTS, "posts": POSTS, "period": PERIOD, "report": PERIOD,
         "remarks": REMARKS}
# AB角：刘振东: a remark naming a column the log has no cell for
RE_REMARK = re.compile(r"(?P<label>[^\s,，;；。:：]{1,10})[:：](?P<value>[^,，;；。]{1,40})")


# ---------------------------------------------------------------- the schema


@dataclass(frozen=True)
class Column:
    """One column of a log (a [[log.KIND.columns]] table); `label` is how reports name it."""

    name: str
    alias: str
    type: str
    prop: str = field(default="", metadata={"toml": "property"})   # none for remarks
    required: bool = False
    blank: str = "unknown"
    values: tuple[str, ...] = ()
    ref: str = ""
    aliases: tuple[str, ...] = ()
    value_aliases: dict[str, str] = field(default_factory=dict)   # a word offices write -> a label
    # a value none of `values` names: "error" (the cell cannot be read) or "note" (read as what it
    # says, and no check is about it: a seal the regulation makes no rule for)
    unlisted: str = "error"
    # a plain document kind (通知, 批复) says no category of its own: the value of column `by_column`
    # does, through `by_value` (发文名义 区政府办公室 -> 办公室公文)
    kinds: tuple[str, ...] = ()
    by_column: str = ""
    by_value: dict[str, str] = field(default_factory=dict)
    # …and values of that column that decide whatever the cell says, but for the kinds kept
    # (a 请示 issued as the 区政府办公室 is an 办公室公文; its 会议纪要 stay minutes)
    by_value_over: tuple[str, ...] = ()
    by_value_keeps: tuple[str, ...] = ()
    # a period in one cell (请假起止 2024.3.11-3.13) gives the columns it names their first and last
    # day, where the log has no cells of their own for them
    fills: tuple[str, ...] = ()
    # a post column the log leaves out is read from this column's cells when they write a title
    # with the name (签发领导 周振国（区长）, 常务副区长韩立新)
    post_from: str = ""
    # words after which a remark names this column's post (孙区长委托, 经区长授权签发)
    remark_words: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name}[{self.alias}]"


@dataclass(frozen=True)
class Log:
    """One log: its label, record class (ontology/records.ttl) and columns."""

    label: str
    cls: str = field(metadata={"toml": "class"})
    columns: tuple[Column, ...] = ()

    @property
    def name(self) -> str:
        """The Chinese name the label starts with (公文签发 of 「公文签发 signing log」)."""
        return self.label.split(" ")[0]

    @property
    def template_columns(self) -> tuple[Column, ...]:
        """The columns a blank log has: a period in one cell is another way to fill two of them, and
        remarks are read only for what a log has no column for."""
        return tuple(c for c in self.columns if not c.fills and c.type != "remarks")


@dataclass(frozen=True)
class SchemaLimits:
    """How much one input may hold ([limits]); years outside min_year..max_year are refused."""

    max_file_bytes: int = 20_000_000
    max_rows: int = 200_000
    max_field_bytes: int = 131_072
    max_unzipped_bytes: int = 160_000_000
    max_columns: int = 52
    min_year: int = 1949
    max_year: int = 2100

    def tables(self) -> Limits:
        return Limits(self.max_file_bytes, self.max_rows, self.max_field_bytes,
                      self.max_unzipped_bytes, self.max_columns)


@dataclass(frozen=True)
class RosterColumns:
    """The header names a roster's columns may have ([roster])."""

    unit: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    person: tuple[str, ...] = ()
    role: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cells:
    """How offices write cells ([cells]): what says "none", units after a count, words a header or
    a value of one kind uses interchangeably, and the place name that may open a value."""

    blank: tuple[str, ...] = ()
    count_units: tuple[str, ...] = ()
    header_words: tuple[tuple[str, ...], ...] = ()
    value_words: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    place: str = ""
    value_heads: dict[str, str] = field(default_factory=dict)
    note_words: tuple[str, ...] = ()
    ditto: tuple[str, ...] = ()
    same_left: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    report: str = ""
    remark_means: tuple[str, ...] = ()
    remark_openers: str = ""
    void: tuple[str, ...] = ()
    title_ends: tuple[str, ...] = ()

    @cached_property
    def re_void(self) -> re.Pattern | None:
        """作废, （作废）关于…, 撤销（会议取消）: a mark opening a cell that crosses its record out."""
        words = "|".join(map(re.escape, sorted(self.void, key=len, reverse=True)))
        return re.compile(rf"^[(（【\[]?(?:已|此件|本条|该条)?(?:{words})(?:$|[)）】\]，,：:（(；;。\s])") \
            if words else None

    @cached_property
    def re_report(self) -> re.Pattern | None:
        """2月9日报告孙区长: when (group date), and to whom (group post), a leave was reported."""
        return re.compile(self.report) if self.report else None

    @cached_property
    def re_drop(self) -> re.Pattern | None:
        """What a value may hold beside its kind (a year, a number, a topic after a colon)."""
        return re.compile("|".join(f"(?:{d})" for d in self.drop)) if self.drop else None

    @cached_property
    def re_note(self) -> re.Pattern | None:
        """合计：12件, 制表人：李娜: a label of a note row before its colon."""
        words = "|".join(map(re.escape, sorted(self.note_words, key=len, reverse=True)))
        return re.compile(rf"^\S{{0,6}}?(?:{words})\s*[:：]") if words else None

    @cached_property
    def re_place(self) -> re.Pattern | None:
        return re.compile(self.place) if self.place else None

    @cached_property
    def headers_as(self) -> Callable[[str], str]:
        return _same_words(self.header_words)

    @cached_property
    def heads(self) -> list[str]:
        """The short names of value_heads, longest first (区府办 before 区府)."""
        return sorted(self.value_heads, key=len, reverse=True)

    @cached_property
    def values_as(self) -> dict[str, Callable[[str], str]]:
        return {kind: _same_words(groups) for kind, groups in self.value_words.items()}


def _same_words(groups: tuple[tuple[str, ...], ...]) -> Callable[[str], str]:
    """A function writing each word of a group as the group's first (longest words first).

    >>> _same_words((("日期", "时间"), ("开始", "起始")))("请假起始时间")
    '请假开始日期'
    """
    first = {w: g[0] for g in groups for w in g}
    if not first:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(w) for w in sorted(first, key=len, reverse=True)))
    return lambda text: pattern.sub(lambda m: first[m.group()], text)


@dataclass(frozen=True)
class Schema:
    """ontology/records.toml: the logs, their limits, and the inputs of derived facts."""

    log: dict[str, Log]
    limits: SchemaLimits = SchemaLimits()
    derived: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roster: RosterColumns = RosterColumns()
    cells: Cells = Cells()

    def kinds(self) -> list[str]:
        return list(self.log)

    @cached_property
    def headers(self) -> dict[str, tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]]:
        """Per log, header cell (normalised) -> column name, in three tiers: the column's name or
        alias, then another wording offices use (`aliases`), then the longest of these a longer
        cell holds (签发人（姓名）, 会议召开日期)."""
        out = {}
        same = self.cells.headers_as
        for kind, log in self.log.items():
            own = {same(_header_name(n)): col.name for col in log.columns for n in (col.name, col.alias)}
            other = {same(_header_name(n)): col.name for col in log.columns for n in col.aliases}
            inside = sorted(((n, c) for n, c in (own | other).items() if len(n) >= 2),
                            key=lambda pair: -len(pair[0]))
            out[kind] = (own, other, inside)
        return out

    def column_of(self, kind: str, prop: str) -> Column | None:
        return next((c for c in self.log[kind].columns if c.prop == prop), None)

    def needs(self, kind: str, prop: str) -> set[str]:
        """The properties whose cells a value of `prop` on a `kind` record is computed from (a
        blank cell of a column where blank means none is never missing, so it blocks nothing; an
        unreadable one, or one naming no post, 邵区长, does)."""
        own = self.column_of(kind, prop)
        if own is not None:
            return {prop}
        names = {c.name: c for c in self.log[kind].columns}
        return {names[n].prop for n in self.derived.get(prop, ()) if n in names} | (
            {prop} if prop in self.derived else set())


def load_schema(path: Path | None = None) -> Schema:
    """The record schema, strictly: an unknown key, type or blank rule names file and line."""
    return _schema(path or data_file("ontology", "records.toml"))


@cache
def _schema(path: Path) -> Schema:
    data, text = read_toml(path)
    schema = parse(Schema, data, str(path), text)

    def where(value: str) -> str:
        line = next((i for i, t in enumerate(text.splitlines(), 1) if f'"{value}"' in t), None)
        return f"{path}:{line}" if line else str(path)

    for log in schema.log.values():
        wordings: dict[str, str] = {}
        for col in log.columns:
            for n in (col.name, col.alias, *col.aliases):
                other = wordings.setdefault(schema.cells.headers_as(_header_name(n)), col.name)
                if other != col.name:
                    raise ConfigError(f"{where(n)}: 表头「{n}」同时指 {other} 和 {col.name} / header "
                                      f"{n!r} names both {other} and {col.name}")
            if col.type not in TYPES:
                raise ConfigError(f"{where(col.type)}: 未知的列类型 {col.type} / unknown column type "
                                  f"{col.type!r} (known: {', '.join(sorted(TYPES))})")
            if col.by_column and col.by_column not in {c.name for c in log.columns}:
                raise ConfigError(f"{where(col.by_column)}: by_column 应为本台账的一列 / by_column "
                                  f"should name a column of this log, not {col.by_column!r}")
            if col.unlisted not in ("error", "note"):
                raise ConfigError(f"{where(col.unlisted)}: unlisted 应为 error 或 note / unlisted should "
                                  f"be 'error' or 'note', not {col.unlisted!r}")
            if col.blank not in ("unknown", "none"):
                raise ConfigError(f"{where(col.blank)}: blank 应为 unknown 或 none / blank should be "
                                  f"'unknown' or 'none', not {col.blank!r}")
            columns = {c.name for c in log.columns}
            if (col.type in ("period", "report")) != bool(col.fills) or len(col.fills) not in (0, 2) \
                    or not set(col.fills) <= columns:
                raise ConfigError(f"{where(col.name)}: 期间列、报告列需 fills = [本台账的两列] / a period or "
                                  f"report column needs fills = [two columns of this log], and only it")
            if col.post_from and (col.post_from not in columns or col.type != "post"):
                raise ConfigError(f"{where(col.post_from)}: post_from 应为本台账的一列，且只用于职务列 / "
                                  f"post_from should name a column of this log, on a post column")
            if col.type == "ref" and col.ref not in schema.log:
                raise ConfigError(f"{where(col.name)}: ref 应为一种台账 / ref should name a log")
            if (col.type == "remarks") == bool(col.prop) or (col.prop and not hasattr(KG, col.prop)):
                raise ConfigError(f"{where(col.prop)}: records.ttl 中没有 kg:{col.prop} / "
                                  f"no kg:{col.prop} in ontology/records.ttl")
    for key in ("re_place", "re_drop", "re_report", "re_note"):   # the patterns of [cells]
        try:
            getattr(schema.cells, key)
        except re.error as exc:
            raise ConfigError(f"{path}: [cells] {key[3:]} 正则表达式错误 / bad pattern: {exc}") from None
    for prop, names in schema.derived.items():
        if not hasattr(KG, prop):
            raise ConfigError(f"{path}: [derived] records.ttl 中没有 kg:{prop} / no kg:{prop}")
        known = {c.name for log in schema.log.values() for c in log.columns}
        for n in names:
            if n not in known:
                raise ConfigError(f"{where(n)}: [derived] 未知的列 {n} / unknown column {n!r}")
    return schema


def _header_name(cell: str) -> str:
    """'signer_post[签发人职务]', '签发人职务' and ' Signer_Post ' all name one column."""
    cell = re.sub(r"\s+", "", normalise(cell.lstrip("\ufeff")))
    m = re.match(r"^([^\[(]+)[\[(](.+)[\])]$", cell)
    cell = m.group(1) if m else cell
    return cell.lower() if cell.isascii() else cell


def match_header(header: list, schema: Schema, kind: str) -> dict[str, int]:
    """Column name -> position of the header cell that names it, the surest wording first: a cell
    the column's name or alias names beats one of its other wordings, which beats a cell that
    only holds one (序号 is the id only when no 编号 column is there); of two cells with other
    wordings, the wording listed first (登记号 before 序号, 序号 before 文号).

    >>> match_header(["序号", "印章名称", "审批人职务", "用印日期"], load_schema(), "seal")
    {'id': 0, 'seal': 1, 'approved_by_post': 2, 'used_on': 3}
    """
    own, other, inside = schema.headers[kind]
    same = schema.cells.headers_as
    # each cell as written, without a note in brackets after it, and the note alone
    # (受托主持（委托领导）), in the header's words
    cells = [[same(v) for alt in (c if isinstance(c, tuple) else (c,)) for v in _header_cell(alt)]
             for c in header]
    # a cell that is a wording as a whole (开始/结束, the period) is not read by its parts
    cells = [forms[:1] if forms and (forms[0] in own or forms[0] in other) else forms for forms in cells]
    found: dict[str, int] = {}
    used: set[int] = set()

    def take(name: str | None, position: int) -> None:
        if name and name not in found and position not in used:
            found[name] = position
            used.add(position)

    # 召集人/主持人, 纪要审核/签发, 人数（应到/实到）: one cell for two columns
    for position, c in enumerate(header):
        pair = both_named(c if not isinstance(c, tuple) else c[0], schema, kind)
        if pair and not ({name for name, _ in pair} & set(found)):
            found.update({name: position for name, _ in pair})
            used.add(position)

    for tier in (own, other):
        # of two cells naming one column alike, the one with the wording listed first (a ledger's
        # 登记号 before its 序号, and that before a 文号, which numbers the document)
        rank = {form: i for i, form in enumerate(tier)}
        claims: dict[str, tuple[int, int]] = {}
        for position, forms in enumerate(cells):
            form = next((f for f in forms if f in tier), None) if position not in used else None
            if form is not None:
                column = tier[form]
                claims[column] = min(claims.get(column, (len(rank), position)), (rank[form], position))
        for name, (_, position) in sorted(claims.items(), key=lambda c: c[1][1]):
            take(name, position)
    for position, forms in enumerate(cells):
        for cell in forms if position not in used else ():
            held = [(n, c) for n, c in inside if n in cell and n != cell]
            # the longest wording the cell holds, when no other column's wording is as long, or the
            # one of those it ends with (会议编号 ends with 编号: its head, not 会议) …
            longest = [(n, c) for n, c in held if len(n) == len(held[0][0])] if held else []
            columns = {c for _, c in longest}
            chosen = columns if len(columns) == 1 else {c for n, c in longest if cell.endswith(n)}
            if len(chosen) == 1:
                take(chosen.pop(), position)
                break
            # … or the one column a cut-short cell (纪要审核 for 纪要审核人) is the start of
            starts = {c for n, c in inside if n.startswith(cell) and len(cell) >= 3}
            if len(starts) == 1:
                take(starts.pop(), position)
                break
    return found


def both_named(cell, schema: Schema, kind: str) -> tuple[tuple[str, str], ...] | None:
    """The two columns one header cell names by two wordings with a slash, each with the word telling
    it apart (召集人/主持人 -> (convener_post, 召集), (chair_post, 主持)); None where it names one or none."""
    text = str(cell) if cell is not None else ""
    if not text.strip() or len(text) > HEADER_CHARS:
        return None
    own, other, _ = schema.headers[kind]
    same = schema.cells.headers_as
    whole = same(_header_forms(text)[0])
    if whole in own or whole in other:
        return None
    # by a slash only (人数（应到/实到）): a note in brackets may say what the head is (签发人（职务）)
    for candidate in [whole, *(_alternatives(whole) or ())]:
        pair = _alternatives(candidate) if "/" in candidate else None
        if pair is None:
            continue
        names = tuple((own | other).get(same(w)) for w in pair)
        if all(names) and names[0] != names[1]:
            return tuple((n or "", label) for n, label in zip(names, _labels(pair), strict=True))
    return None


def _share(raw, k: int, labels: tuple[str, ...]):
    """The part of a cell two columns share that is the k-th column's: by the label a part
    carries (韩志强主任审核／孙立群区长签发), else by order (8/6); one part is both's (孙立群区长)."""
    if raw.__class__ is not str:
        return raw
    parts = [p for p in re.split(r"\s*[／/；;，,、]\s*", raw.strip()) if p]
    if len(parts) != len(labels):
        return raw if len(parts) == 1 else None
    owned: list[str] = []
    for label in labels:
        mine = [p for p in parts if p.startswith(label) or p.endswith(label)]
        if len(mine) == 1 and mine[0] not in owned:
            owned.append(mine[0])
    if len(owned) == len(labels):
        part, label = owned[k], labels[k]
        return (part[len(label):] if part.startswith(label) else part[:-len(label)]).strip("：: ") or None
    return parts[k]


def _labels(pair: tuple[str, str]) -> tuple[str, str]:
    """What tells two wordings apart: 纪要审核, 纪要签发 -> 审核, 签发; 召集人, 主持人 -> 召集, 主持."""
    a, b = pair
    head = len(os.path.commonprefix([a, b]))
    tail = len(os.path.commonprefix([a[::-1], b[::-1]]))
    return a[head:len(a) - tail] or a, b[head:len(b) - tail] or b


def _header_cell(cell) -> list[str]:
    """The forms of one header cell; none for an empty one, or one too long to be a header."""
    text = str(cell) if cell is not None else ""
    return _header_forms(text) if text.strip() and len(text) <= HEADER_CHARS else []


def _header_forms(cell: str) -> list[str]:
    """'受托主持（委托领导）' -> ['受托主持(委托领导)', '受托主持', '委托领导']; two wordings
    sharing their ending: '委托/授权人职务' -> ['委托/授权人职务', '委托人职务', '授权人职务']"""
    whole = re.sub(r"\s+", "", normalise(cell.lstrip("\ufeff")))
    whole = whole.lower() if whole.isascii() else whole
    m = re.match(r"^([^\[(]+)[\[(](.+)[\])]$", whole)
    if m:
        return [whole, m.group(1), m.group(2)]
    pair = _alternatives(whole)
    return [whole, *pair] if pair else [whole]


def _alternatives(text: str) -> tuple[str, str] | None:
    """Two wordings one header cell gives, sharing their ending or opening:
    委托/授权人职务 -> (委托人职务, 授权人职务); 纪要审核/签发 -> (纪要审核, 纪要签发);
    主持(召集) -> (主持, 召集)."""
    m = re.match(r"^([^\[(]+)[\[(](.+)[\])]$", text)
    if m:
        return m.group(1), m.group(2)
    first, slash, second = text.partition("/")
    if not (slash and first and second) or "/" in second or text.isascii():
        return None
    if len(first) <= len(second):
        return first + second[len(first):], second
    return first, first[:len(first) - len(second)] + second


def _continues(cells: list, above: list, wording: tuple[set[int], set[int]]) -> bool:
    """Does a row only carry on the row above: every cell it fills anew (not a merged copy of the
    cell above) a wording cell (title, remarks) or a column no log reads, and at least one?"""
    read, words = wording
    new = [k for k, c in enumerate(cells)
           if c is not None and (c.__class__ is not str or c.strip())
           and not (k < len(above) and c == above[k])]
    return bool(new) and all(k in words or k not in read for k in new)


def detect_kind(header: list, schema: Schema) -> str | None:
    """The log whose columns the header holds (most matching columns wins; its subject is needed)."""
    return _best_kind(header, schema)[0]


def _best_kind(header: list, schema: Schema) -> tuple[str | None, int]:
    """detect_kind's log and how many of its columns the header names. A subject column the log
    leaves out counts as there where the name column that writes the title with the name is
    (请假人: 邵明远 常务副区长)."""
    best, score = None, 0
    for kind in schema.kinds():
        present = set(match_header(header, schema, kind))
        subject = {c.name for c in schema.log[kind].columns
                   if c.required and not (c.post_from and c.post_from in present)}
        overlap = len(present)
        if subject <= present and overlap > score and overlap >= 3:
            best, score = kind, overlap
    return best, score


# ---------------------------------------------------------------- records


class Iri(str):
    """An IRI among record values (plain str values are text)."""

    __slots__ = ()


class Unlisted(ValueError):
    """A value the column's list does not hold, kept as itself (`value`) with a note."""

    def __init__(self, message: str, value: Iri):
        super().__init__(message)
        self.value = value


class Courtesy(ValueError):
    """A post cell addresses someone (邵区长) without saying which post: the checks on it cannot run."""


class NoTitle(ValueError):
    """A name column read for a post holds a name alone: the post is blank."""


class ByColumn(ValueError):
    """A value that says nothing the column needs: another column of the record decides."""


class Record:
    """One record: IRI, log kind, classes, property values (sequences), and where it came from.

    `missing` maps a property to why it has no value: "blank" (an empty cell that may matter),
    "bad" (a cell that could not be read, already reported) or a sentence for the report.
    `shown` keeps the title as the log wrote it for a post mapped to a role.
    """

    __slots__ = ("iri", "kind", "types", "props", "file", "sheet", "row", "id", "missing", "shown",
                 "refs")

    def __init__(self, iri: str, types: set[str], props: dict | None = None, *, kind: str = "",
                 file: str | None = None, sheet: str | None = None, row: int | None = None,
                 id: str | None = None):
        self.iri, self.types, self.props, self.kind = iri, types, props if props is not None else {}, kind
        self.file, self.sheet, self.row, self.id = file, sheet, row, id
        self.missing: dict[str, str] = {}
        self.shown: dict[str, str] = {}
        self.refs: dict[str, str] = {}

    def first(self, prop: str):
        values = self.props.get(prop)
        return values[0] if values else None

    def add(self, prop: str, value) -> None:
        self.props.setdefault(prop, []).append(value)

    def copy(self) -> Record:
        """A copy whose classes, properties and missing values can be added to (values are shared:
        they are never changed in place)."""
        r = Record.__new__(Record)
        r.iri, r.kind, r.types, r.props = self.iri, self.kind, set(self.types), dict(self.props)
        r.file, r.sheet, r.row, r.id = self.file, self.sheet, self.row, self.id
        r.missing, r.shown, r.refs = dict(self.missing), dict(self.shown), self.refs
        return r

    @property
    def label(self) -> str:
        """The record's id, or its row when it has none."""
        return self.id if self.id else f"第{self.row}行" if self.row else self.iri


@dataclass
class Assumption:
    """A title mapped to a role by rule (or not mapped at all), first seen at file/sheet/row."""

    file: str
    sheet: str | None
    row: int | None
    record: str
    title: str
    role: str
    kind: str
    basis: str
    count: int = 1


@dataclass
class Loaded:
    """Records read from some files, what could not be read, and what was assumed."""

    records: list[Record] = field(default_factory=list)
    errors: list[FileProblem] = field(default_factory=list)
    notes: list[FileProblem] = field(default_factory=list)
    void: list[FileProblem] = field(default_factory=list)   # records crossed out, not judged
    files: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    encodings: dict[str, str] = field(default_factory=dict)
    assumptions: list[Assumption] = field(default_factory=list)
    roster: str | None = None

    def extend(self, other: Loaded) -> None:
        self.records += other.records
        self.errors += other.errors
        self.notes += other.notes
        self.void += other.void
        self.files += other.files
        self.kinds.update(other.kinds)
        self.encodings.update(other.encodings)
        self.assumptions += other.assumptions

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
    row, source, rid = URIRef(KG.row), URIRef(KG.sourceFile), URIRef(KG.recordId)
    for r in records:
        s = URIRef(r.iri)
        for t in r.types:
            add((s, RDF.type, URIRef(t)))
        for prop, values in r.props.items():
            p = URIRef(prop)
            for v in values:
                add((s, p, _term(v)))
        if r.row is not None:
            add((s, row, Literal(r.row)))
        if r.file is not None:
            add((s, source, Literal(r.file)))
        if r.id is not None and str(KG.recordId) not in r.props:
            add((s, rid, Literal(r.id)))
    return g


XSD_VALUES: dict[str, Callable[[str], Any]] = {
              str(XSD.date): dt.date.fromisoformat, str(XSD.integer): int, str(XSD.int): int,
              str(XSD.nonNegativeInteger): int, str(XSD.decimal): Decimal,
              str(XSD.double): lambda v: Decimal(str(float(v))),
              str(XSD.float): lambda v: Decimal(str(float(v))),
              str(XSD.boolean): lambda v: {"true": True, "1": True, "false": False, "0": False}[v]}


def _py_value(term):
    """An Oxigraph term as a record value: an Iri, or the literal's Python value (else its text)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return Iri(term.value)
    if isinstance(term, ox.BlankNode):
        return Iri("_:" + term.value)
    read = XSD_VALUES.get(term.datatype.value)
    if read is not None:
        try:
            return read(term.value)
        except (ValueError, KeyError, ArithmeticError):
            pass
    return term.value


def triples_to_records(triples, file: str | None = None) -> list[Record]:
    """Records written in RDF: every subject typed with a record class of the org vocabulary.

    Triples are read one by one (pyoxigraph's streaming parsers), so no graph is held in memory.
    """
    import pyoxigraph as ox

    kinds = {str(KG[log.cls]): kind for kind, log in load_schema().log.items()}
    skip = {str(KG.row), str(KG.sourceFile)}
    rdf_type = str(RDF.type)
    types: dict[str, set[str]] = {}
    props: dict[str, dict[str, list]] = {}
    for t in triples:
        s = t.subject
        key = s.value if isinstance(s, ox.NamedNode) else "_:" + s.value
        p = t.predicate.value
        if p == rdf_type:
            types.setdefault(key, set()).add(t.object.value)
        elif p not in skip:
            props.setdefault(key, {}).setdefault(p, []).append(_py_value(t.object))
    out = []
    for key in sorted(types):
        kind = next((kinds[c] for c in types[key] if c in kinds), None)
        if kind is None:
            continue
        rec = Record(key, types[key], props.get(key, {}), kind=kind, file=file)
        rid = rec.first(str(KG.recordId))
        rec.id = str(rid) if rid is not None else None
        out.append(rec)
    return out


@contextmanager
def paused_gc():
    """No cyclic garbage collection while many small objects are made: the records hold no
    cycles, and a collection pass over 100,000 of them costs more than the work itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def file_key(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


# ---------------------------------------------------------------- reading


class Reader:
    """Reads record logs (CSV/TSV, .xlsx, Turtle, JSON-LD) into Records."""

    def __init__(self, lexicon: Lexicon | None = None, schema: Schema | None = None,
                 titles: Titles | None = None):
        self.lex = lexicon or load_lexicon()
        self.schema = schema or load_schema()
        self.titles = titles or Titles.load(self.lex)
        self.limits = self.schema.limits
        # the year a sheet's title gives dates that leave it out, and whether one did
        self._year: tuple[int, str] | None = None
        self._year_used = False
        self._rdf_plans: dict[str, list] = {}
        self.labels: dict[tuple[str, str], Entry] = {}
        for entry in self.lex.entries.values():
            for label in entry.labels:
                self.labels.setdefault((entry.kind, re.sub(r"\s+", "", normalise(label))), entry)

    def with_roster(self, name: str, source: bytes | Path) -> tuple[Reader, Roster]:
        """A reader whose titles follow the roster (titles it lacks still go by rule)."""
        columns = {k: getattr(self.schema.roster, k) for k in ("unit", "title", "person", "role")}
        roster = read_roster(name, source, self.titles, columns, self.limits.tables())
        titles = self.titles.with_roster(roster.titles, roster.people)
        return Reader(self.lex, self.schema, titles), roster

    def read(self, paths: list[Path]) -> Loaded:
        loaded = Loaded()
        with paused_gc():
            for path in map(Path, paths):
                loaded.extend(self._read(str(path), path))
        return loaded

    def read_bytes(self, name: str, data: bytes) -> Loaded:
        """For uploads: the same checks on bytes already in memory."""
        with paused_gc():
            return self._read(name, data)

    def _read(self, name: str, source: bytes | Path) -> Loaded:
        loaded = Loaded(files=[name])
        try:
            if Path(name).suffix.lower() in RDF_SUFFIXES:
                self._rdf(name, source, loaded)
            else:
                self._table(name, source, loaded)
        except Unreadable as exc:
            loaded.records, loaded.assumptions = [], []
            loaded.errors.append(exc.problem)
        return loaded

    # -- tables

    def _table(self, name: str, source: bytes | Path, loaded: Loaded) -> None:
        table = open_table(name, source, self.limits.tables())
        if table.encoding:
            loaded.encodings[name] = table.encoding
        loaded.notes += table.notes
        read_any = False
        first_title: dict[str, Assumption] = {}  # one assumption per title and file
        for index, sheet in enumerate(table.sheets):
            try:
                kind = self._sheet(name, index, sheet, loaded, table.format == "xlsx", first_title)
            except Unreadable as exc:
                if table.format != "xlsx":
                    raise
                loaded.errors.append(exc.problem)
                continue
            if kind:
                read_any = True
                key = f"{name}#{sheet.name}" if sheet.name is not None else name
                loaded.kinds[key] = kind
        if not read_any and not any(e.fatal for e in loaded.errors):
            raise Unreadable(FileProblem(name, None, None, bilingual(
                "没有可识别的台账工作表", "no sheet in this workbook is a known log"), fatal=True))

    def _sheet(self, name: str, index: int, sheet: Sheet, loaded: Loaded, several: bool,
               first_title: dict[str, Assumption]) -> str | None:
        rows = iter(sheet.rows)
        kind, header, header_line = None, [], 0
        above: list[str] = []   # a title over the header (2024年…报备台账)
        for line, cells in rows:
            if not any(c is not None and str(c).strip() for c in cells):
                continue
            kind = detect_kind(cells, self.schema)
            if kind is not None:
                header, header_line = cells, line
                kind, rows = self._kind_of_two_rows(header, rows, kind)
                break
            above += [str(c) for c in cells if c is not None and len(str(c)) <= HEADER_CHARS * 2]
            if line >= HEADER_SCAN:
                break
        if kind is None:
            expected = "；".join(f"{log.label}: " + ", ".join(
                c.alias for c in log.columns if c.required or c.type == "id")
                for log in self.schema.log.values())
            problem = FileProblem(name, header_line or 1, None, bilingual(
                "无法识别的表头（至少要认出其中三列），应为以下台账之一",
                f"unknown header (at least three of its columns must be recognised), "
                f"expected one of — {expected}"),
                sheet=sheet.name, fatal=not several)
            if several:
                loaded.notes.append(FileProblem(name, None, None, bilingual(
                    "不是已知的台账（表头无法识别），已跳过", "not a known log (unknown header), skipped"),
                    sheet=sheet.name))
                return None
            raise Unreadable(problem)
        spec = self.schema.log[kind]
        header, rows = self._sub_header(header, rows, kind)
        index_of = match_header(header, self.schema, kind)
        dated = {c.name for c in spec.columns if c.type in ("date", "period", "report")}
        if several and not dated & set(index_of):
            # a workbook's list of people, posts and AB partners beside its log: every log says when
            loaded.notes.append(FileProblem(name, None, None, bilingual(
                "没有日期列，不是台账（如名单），已跳过",
                "no date column: not a log (a list of people?), skipped"),
                sheet=sheet.name))
            return None
        taken = set(index_of.values())
        for position, cell in enumerate(header):
            if position in taken or not isinstance(cell, str) or not cell.strip():
                continue
            again = next(iter(match_header([cell], self.schema, kind)), None)
            if again in index_of and header[index_of[again]] == cell:
                # the same header twice: the first is read, and the report says the second is not
                loaded.notes.append(FileProblem(name, header_line, cell, bilingual(
                    f"表头「{cell}」出现两次，只读取第 {index_of[again] + 1} 列，第 {position + 1} 列未读取",
                    f"header {cell!r} appears twice: column {index_of[again] + 1} is read, "
                    f"column {position + 1} is not"), sheet=sheet.name))
        self._year = _title_year([" ".join(above), sheet.name or "", Path(name).stem])
        self._year_used = False
        # one step per column: (cell index, property IRI, converter, what to do with the value);
        # a post column the log leaves out reads the name column that writes the title with it
        plan = [(index_of.get(c.name), str(KG[c.prop]) if c.prop else "", self._converter(c),
                 STORE.get(c.type, 0), c.blank == "none", c) if c.name in index_of or not c.post_from
                else (index_of.get(c.post_from), str(KG[c.prop]), self._titles_with_names(),
                      POSTS, c.blank == "none", c) for c in spec.columns]
        fills = {c.name: str(KG[c.prop]) for c in spec.columns if c.prop}
        # a remark's label (AB角：…) for a plain, date, bool or post column the log has no cell for
        own, other, _ = self.schema.headers[kind]
        same = self.schema.cells.headers_as
        steps = {c.name: (prop, convert, store) for i, prop, convert, store, _, c in plan
                 if i is None and c.type in ("text", "date", "bool", "post", "int")}
        by_wording = {w: steps[name] for w, name in (own | other).items() if name in steps}
        # 受孙区长委托, 经区长授权签发: who entrusted, where the row's own cell says nothing
        means = "|".join(map(re.escape, self.schema.cells.remark_means)) or "(?!x)x"
        openers = self.schema.cells.remark_openers
        said = [(re.compile(rf"(?P<who>[一-鿿]{{2,12}}?)(?:{means})?(?:{'|'.join(c.remark_words)})"),
                 (prop, convert, store)) for _, prop, convert, store, _, c in plan if c.remark_words]
        # a cell two columns share (召集人/主持人): which part is whose
        share: dict[str, tuple[int, tuple[str, ...]]] = {}
        for position in {p for p in index_of.values() if list(index_of.values()).count(p) > 1}:
            pair = both_named(header[position] if not isinstance(header[position], tuple)
                              else header[position][0], self.schema, kind) or ()
            labels = tuple(label for _, label in pair)
            share.update({name: (k, labels) for k, (name, _) in enumerate(pair)})
        prefix = f"{self.lex.base}/data/{kind}/{file_key(name)}{f'/{index}' if several else ''}/"
        types = str(KG[spec.cls])
        seen_ids: dict[str, int] = {}
        records, errors, sheet_name = loaded.records, loaded.errors, sheet.name
        blank_words = frozenset(self.schema.cells.blank)
        ditto_words = frozenset(self.schema.cells.ditto)
        left_words = frozenset(self.schema.cells.same_left)
        last: list | None = None   # the cells of the record above
        re_note = self.schema.cells.re_note
        re_void = self.schema.cells.re_void
        prev_id: str | None = None
        over = [c for c in spec.columns if c.by_value_over and c.name in index_of]
        overruled = False   # the note on an issuer deciding the category, said once a sheet
        # cells a void mark in brackets may open: text ones (a title), and any no column reads
        known = {i for i, _, _, _, _, c in plan if i is not None}
        text_at = sorted({i for i, _, _, _, _, c in plan if i is not None and c.type == "text"}
                         | {i for i in range(len(header)) if i not in known})
        # the cells a wrapped row may continue: words (a title, remarks), never a value a check reads
        read_from = {c.post_from for c in spec.columns if c.post_from}
        words = {i for i, _, _, _, _, c in plan
                 if i is not None and (c.type == "remarks" or c.type == "text" and c.name not in read_from)}
        wording = (known, words)
        before, notes = len(records), 0
        for line, cells in rows:
            n = len(cells)
            first = cells[0] if n else None
            if first is None or (first.__class__ is str and not first.strip()):
                first = next((c for c in cells if c is not None and (c.__class__ is not str or c.strip())),
                             None)
            if (first.__class__ is str and re_note is not None and ("：" in first or ":" in first)
                    and re_note.match(first.strip())):
                notes = self._note_row(name, sheet_name, line, first, notes, loaded)
                continue
            errors_before = len(errors)
            record = Record(prefix + str(line), {types}, {}, kind=kind, file=name, sheet=sheet_name,
                            row=line)
            props, missing, blank = record.props, record.missing, 0
            titles: list[str] = []
            remarks: list[str] = []
            later: list[tuple[str, Column, ByColumn]] = []
            for i, prop, convert, store, none, col in plan:
                raw = cells[i] if i is not None and i < n else None
                if share and col.name in share and raw is not None:
                    raw = _share(raw, *share[col.name])
                if raw.__class__ is str:
                    raw = raw.strip() or None
                    if raw in ditto_words and i is not None:   # 〃: as the record above
                        raw = cells[i] = last[i] if last is not None and i < len(last) else None
                        if raw.__class__ is str:
                            raw = raw.strip() or None
                    elif raw in left_words and i:   # 同左: as the cell to its left
                        raw = cells[i] = cells[i - 1]
                        if raw.__class__ is str:
                            raw = raw.strip() or None
                    if raw in blank_words:   # / or 无: there is none
                        raw = None
                if raw is None:
                    blank += 1
                    if not none:
                        missing[prop] = "blank"
                    continue
                try:
                    value = convert(raw)
                except Unlisted as exc:
                    loaded.notes.append(FileProblem(name, line, col.label, str(exc), sheet=sheet_name))
                    value = (exc.value,)
                except ByColumn as exc:
                    later.append((prop, col, exc))
                    continue
                except NoTitle:
                    blank += 1
                    if not none:
                        missing[prop] = "blank"
                    continue
                except Courtesy as exc:   # the report says why the check on it cannot be made
                    missing[prop] = str(exc)
                    continue
                except ValueError as exc:
                    errors.append(FileProblem(name, line, col.label, str(exc), sheet=sheet_name))
                    missing[prop] = "bad"
                    continue
                if store == PLAIN:
                    props[prop] = value
                elif store == POSTS:
                    iris, mapped = value
                    props[prop] = iris
                    if mapped:
                        record.shown[prop] = "、".join(mapped)
                        titles += mapped
                elif store == PERIOD:   # its parts, unless the log has cells of their own for them
                    for target, part in zip(col.fills, value, strict=True):
                        if part.__class__ is Courtesy and index_of.get(target) is None:
                            missing[fills[target]] = str(part)
                        elif part is not None and index_of.get(target) is None:
                            if part.__class__ is tuple:   # a post: its IRIs and the titles mapped
                                props[fills[target]], mapped = part
                                titles += mapped
                            else:
                                props[fills[target]] = (part,)
                            missing.pop(fills[target], None)
                elif store == REMARKS:
                    remarks.append(value)
                elif store == ID:
                    record.id = value
                    if value in seen_ids:
                        errors.append(FileProblem(name, line, col.label, bilingual(
                            f"编号与第{seen_ids[value]}行重复", f"duplicate id (line {seen_ids[value]})"),
                            sheet=sheet_name))
                    else:
                        seen_ids[value] = line
                else:
                    record.refs[prop] = value
            for text in remarks:   # AB角：刘振东 in 备注, where the log has no AB角 column
                found: list[tuple[tuple | None, Any]] = [
                    (by_wording.get(same(m.group("label"))), m.group("value"))
                    for m in RE_REMARK.finditer(text)]
                for pattern, said_step in said:
                    for clause in re.split(r"[,，;；。]", text):
                        m = pattern.search(clause.lstrip(openers))
                        if m and self._names_a_post(m.group("who")):   # not 办公室已委托
                            found.append((said_step, m.group("who")))
                            break
                for step, value in found:
                    if step is None or step[0] in props or step[0] in missing and missing[step[0]] != "blank":
                        continue
                    try:
                        value = step[1](value)
                    except Courtesy as exc:   # 孙区长委托: who, no one can tell
                        missing[step[0]] = str(exc)
                        continue
                    except ValueError:
                        continue
                    if step[2] == POSTS:
                        props[step[0]], mapped = value
                        titles += mapped
                    else:
                        props[step[0]] = value
                    missing.pop(step[0], None)
            for prop, col, why in later:
                decided = self._by_column(spec, col, props)
                if decided is None:
                    errors.append(FileProblem(name, line, col.label, str(why), sheet=sheet_name))
                    missing[prop] = "bad"
                else:
                    props[prop] = (decided,)
            for decider in over:
                key = str(KG[decider.prop])
                written, decided = props.get(key), self._by_column(spec, decider, props, over=True)
                entry = self.lex.get(written[0]) if written else None
                if decided and entry is not None and entry.iri != decided \
                        and entry.pref not in decider.by_value_keeps:
                    props[key] = (decided,)
                    if not overruled:   # at the first row it changes
                        overruled = True
                        issuer = "、".join(decider.by_value_over)
                        kind_ = decider.by_value[decider.by_value_over[0]]
                        loaded.notes.append(FileProblem(name, line, decider.label, bilingual(
                            f"以{issuer}名义制发的公文按{kind_}核对，不论所写类别"
                            f"（{'、'.join(decider.by_value_keeps)}除外）",
                            f"a document issued as {issuer} is checked as {kind_}, whatever category "
                            f"it names"), sheet=sheet_name))
            if blank == len(plan):
                if first is not None:   # words only in columns no log knows (一月份 under 序号)
                    notes = self._note_row(name, sheet_name, line, first, notes, loaded)
                continue  # an empty row
            if blank == len(plan) - 1 and len(index_of) >= 3 and sum(
                    1 for c in cells if c is not None and (c.__class__ is not str or c.strip())) == 1:
                # 一月份 alone on its row: a heading inside the log, not a record with one cell
                del errors[errors_before:]
                if record.id is not None and seen_ids.get(record.id) == line:
                    del seen_ids[record.id]
                notes = self._note_row(name, sheet_name, line, first, notes, loaded)
                continue
            if ((record.id is None or record.id == prev_id) and len(records) > before and last is not None
                    and _continues(cells, last, wording)):
                prev = records[-1]
                # a record the clerk wrapped onto a second row (the rest of its title or remarks)
                del errors[errors_before:]
                loaded.notes.append(FileProblem(name, line, None, bilingual(
                    f"第{line}行接续记录 {prev.label}（标题或备注的后半），不另计记录",
                    f"line {line} continues record {prev.label} (the rest of its title or remarks)"),
                    sheet=sheet_name))
                continue
            if re_void is not None and (remarks or text_at) and self._void(cells, remarks, re_void, text_at):
                # crossed out, kept in the log: counted, noted, and never judged
                del errors[errors_before:]
                loaded.void.append(FileProblem(name, line, None, bilingual(
                    f"记录 {record.label} 已注明作废或撤销，不核对",
                    f"record {record.label} is marked void: not checked"), sheet=sheet_name))
                last = cells
                continue
            for title in titles:
                if title in first_title:
                    first_title[title].count += 1
                    continue
                iri, how = self.titles.resolve(title)
                role = self.lex.get(iri)
                first_title[title] = Assumption(name, sheet_name, line, record.label, title,
                                                role.pref if role else "", how.kind, how.basis)
                loaded.assumptions.append(first_title[title])
            records.append(record)
            last, prev_id = cells, record.id
        if len(records) == before:
            raise Unreadable(FileProblem(name, header_line, None, bilingual(
                "只有表头，没有记录", "a header but no records"), sheet=sheet_name, fatal=True))
        if self._year_used and self._year is not None:
            year, source = self._year
            loaded.notes.append(FileProblem(name, None, None, bilingual(
                f"日期未写年份，按「{source}」读作 {year} 年",
                f"dates without a year read as {year}, the year of {source!r}"), sheet=sheet_name))
        return kind

    @staticmethod
    def _void(cells: list, remarks: list[str], re_void: re.Pattern, text_at: list[int]) -> bool:
        """Is the record crossed out: a remark opening with a void mark (撤销（材料退回）), or a text
        cell opening with one in brackets (（作废）关于…), never a title that only speaks of one
        (关于撤销…的决定)?"""
        if any(re_void.match(r.strip()) for r in remarks):
            return True
        for i in text_at:
            c = cells[i] if i < len(cells) else None
            if c.__class__ is str and c.lstrip()[:1] in "(（【[" and re_void.match(c.strip()):
                return True
        return False

    def _note_row(self, name: str, sheet: str | None, line: int, cell, notes: int, loaded: Loaded) -> int:
        """Note a row that is no record (a heading or footnote inside the log); past NOTE_ROWS in
        one sheet, one note says how many more there were. Returns the sheet's count so far."""
        notes += 1
        if notes <= NOTE_ROWS:
            text = str(cell).strip()[:40]
            loaded.notes.append(FileProblem(name, line, None, bilingual(
                f"「{text}」不是记录（表内标题、合计或制表说明），已跳过",
                f"{text!r} is no record (a heading, total or footnote inside the log), skipped"),
                sheet=sheet))
        elif notes == NOTE_ROWS + 1:
            loaded.notes.append(FileProblem(name, line, None, bilingual(
                f"此后还有更多不是记录的行（自第{line}行起），均已跳过",
                f"more rows that are no records from line {line} on, all skipped"), sheet=sheet))
        return notes

    # -- cells

    def _by_column(self, spec: Log, col: Column, props: dict, over: bool = False) -> Iri | None:
        """The concept another column's value gives a plain kind (通知 issued as 区政府办公室: an
        办公室公文), or None when that column says nothing the map knows; with `over`, only a value
        that decides whatever the cell says."""
        other = next((c for c in spec.columns if c.name == col.by_column), None)
        value = props.get(str(KG[other.prop])) if other is not None else None
        entry = self.lex.get(value[0]) if value else None
        if over and (entry is None or entry.pref not in col.by_value_over):
            return None
        label = col.by_value.get(entry.pref) if entry is not None else None
        found = self.labels.get((CONCEPT_KINDS[col.type], label)) if label else None
        return Iri(found.iri) if found is not None else None

    def _kind_of_two_rows(self, header: list, rows, kind: str) -> tuple[str, Any]:
        """The log a header of two rows names (请假时间 over 起 / 止, 事前报告 over 报告对象): where
        another log's columns are more of the two rows read together than the upper row's log's,
        that log."""
        following = next(rows, None)
        if following is None:
            return kind, rows
        rows = itertools.chain([following], rows)
        _, cells = following
        width = max(len(header), len(cells))
        both = [" ".join(str(c) for c in (u, lo) if c is not None and str(c).strip()) or None
                for u, lo in itertools.zip_longest(header[:width], cells[:width])]
        columns = [lo if lo is not None and str(lo).strip() else u
                   for u, lo in itertools.zip_longest(header[:width], cells[:width])]
        upper = _best_kind(header, self.schema)[1]
        for merged in (columns, both):
            other, score = _best_kind(merged, self.schema)
            if other is not None and other != kind and score > upper:
                return other, rows
        return kind, rows

    def _sub_header(self, header: list, rows, kind: str) -> tuple[list, Any]:
        """A header of two rows (出席情况 over 应到 / 实到, 请假时间 over 起 / 止): when the row after
        the header names columns of the same log too, each cell is read as its lower part, the two
        together, or its upper part, the first that names a column. Otherwise the row is data."""
        following = next(rows, None)
        if following is None:
            return header, rows
        line, cells = following
        differs = any(c is not None and str(c).strip() and (i >= len(header) or c != header[i])
                      for i, c in enumerate(cells))
        # a row with an id under the id's heading, or with a number or a date, is a record
        own = [c if i >= len(header) or c != header[i] else None for i, c in enumerate(cells)]  # not merged
        at = match_header(header, self.schema, kind).get("id")
        if (at is not None and at < len(own) and own[at] is not None and str(own[at]).strip()
                or any(c is not None and (c.__class__ is not str or re.search(r"\d", c)) for c in own)):
            return header, itertools.chain([following], rows)
        named = len(match_header(cells, self.schema, kind))
        words = sum(1 for c in cells if c is not None and str(c).strip())
        # three columns named, or two where the row holds nothing else (批准人, 授权人 under 审批)
        if not differs or named < 3 and not (named == 2 and words == 2):
            return header, itertools.chain([following], rows)
        width = max(len(header), len(cells))
        upper = list(header) + [None] * (width - len(header))
        lower = list(cells) + [None] * (width - len(cells))

        def filled(c) -> bool:
            return c is not None and bool(str(c).strip())

        # a group heading spans the cells under it: merged (the same text in each) or, in a CSV,
        # written over the first with the next ones' upper cells empty (委托/授权 over 方式, 委托人)
        group, start = [0] * width, 0
        for i in range(width):
            same = upper[i] == upper[start] if filled(upper[i]) else filled(upper[start])
            continues = i > 0 and filled(lower[i]) and filled(lower[start]) and same
            if not continues:
                start = i
            group[i] = start
        heading = [upper[group[i]] if not filled(upper[i]) else upper[i] for i in range(width)]

        def names(i: int) -> bool:
            return bool(match_header([lower[i]], self.schema, kind))

        named_groups = {group[i] for i in range(width) if filled(lower[i]) and names(i)}
        merged = []
        for i, (u, lo) in enumerate(zip(upper, lower, strict=True)):
            if not filled(lo) or lo == u:
                merged.append(u)
            elif group[i] in named_groups and not names(i):
                # the heading names the column another of its cells names (委托（授权）人), not this (方式)
                merged.append(lo)
            else:
                merged.append((lo, f"{heading[i]}{lo}" if heading[i] is not None else lo, heading[i]))
        return merged, rows

    def _converter(self, col: Column):
        """A function raw cell -> stored value for one column, remembering what it has read.

        Plain values are stored as shared 1-tuples (never changed in place); a post column gives
        (post IRIs, titles that were mapped to a role).
        """
        kind = col.type
        if kind in ("id", "ref"):
            return _text
        if kind == "text":
            return lambda raw: (_text(raw),)
        if kind == "period":
            return self._memo(self._period)
        if kind == "report":
            return self._memo(self._report)
        if kind == "remarks":
            return lambda raw: str(raw)
        if kind in ("post", "posts"):
            def read(raw):
                parts = _parts(raw) if kind == "posts" else [raw]
                if len(parts) > 1 and self._known(str(raw).strip()):
                    parts = [raw]   # 分管住房城乡建设、交通运输的副区长: one title with a 、 inside
                pairs = [self._post(p) for p in parts]
                return tuple(iri for iri, _ in pairs), [t for _, t in pairs if t]
        else:
            units = self.schema.cells.count_units
            labels = (col.alias, *col.aliases)
            one = {"date": self._date, "int": lambda raw: _int(raw, units, labels),
                   "bool": _bool}.get(kind) or (lambda raw: self._concept(col, str(raw)))

            def read(raw):
                return (one(raw),)
        return self._memo(read)

    @staticmethod
    def _memo(read):
        """`read`, remembering each cell value's result (a log repeats its values)."""
        memo: dict = {}

        def convert(raw):
            try:
                return memo[raw]
            except KeyError:
                if raw.__class__ is BadCell:
                    raise ValueError(raw.message) from None
                value = memo[raw] = read(raw)
                return value
            except TypeError:  # an unhashable cell value
                return read(raw)
        return convert

    def _titles_with_names(self):
        """A name column read for the post it writes with the name (周振国（区长）) or instead of it
        (审批: 区长): the post, or nothing (a blank) where the cell holds a name alone."""
        def read(raw):
            pairs = [self._post(p) if self._titled(p) else self._named_post(p) for p in _parts(raw)]
            found = [(iri, title) for iri, title in pairs if iri is not None]
            if not found:
                return None
            return tuple(iri for iri, _ in found), [t for _, t in found if t]
        convert = self._memo(read)

        def post(raw):
            value = convert(raw)
            if value is None:
                raise NoTitle
            return value
        return post

    def _date(self, raw) -> dt.date:
        if raw.__class__ is str and len(raw) == 10:
            try:
                day = dt.date.fromisoformat(raw)
            except ValueError:
                pass
            else:
                if self.limits.min_year <= day.year <= self.limits.max_year:
                    return day
        if isinstance(raw, dt.datetime):
            day = raw.date()
        elif isinstance(raw, dt.date):
            day = raw
        elif isinstance(raw, (int, float)) and not isinstance(raw, bool) and not 1e7 <= raw < 1e8:
            day = _serial(raw)
        else:  # text, or a number typed as 20250305
            text = normalise(str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw))
            if len(text) > DATE_CHARS:
                raise ValueError(bilingual(f"日期无效：{text[:20]}…（应为 YYYY-MM-DD）",
                                           f"invalid date: {text[:20]}… (expected YYYY-MM-DD)"))
            if re.fullmatch(r"\d{5}(?:\.0)?", text):
                day = _serial(float(text))
            else:
                text = RE_DATE_NOTE.sub("", text)   # 2024-03-05（周二）
                cn = RE_CN_DATE.match(text)
                if cn:   # 二〇二四年三月五日 -> 2024年3月5日
                    text = (f"{cn_to_int(cn.group(1))}年{cn_to_int(cn.group(2))}月{cn_to_int(cn.group(3))}日"
                            + text[cn.end():])
                m = RE_DATE.match(text)
                try:
                    if m:
                        year, month, day_ = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
                        day = dt.date(int(year), int(month), int(day_))
                    elif (short := RE_MONTH_DAY.match(text)) and self._year is not None:
                        day = dt.date(self._year[0], int(short.group(1)), int(short.group(2)))
                        self._year_used = True
                    else:
                        raise ValueError
                except ValueError:
                    raise ValueError(bilingual(f"日期无效：{raw}（应为 YYYY-MM-DD）",
                                               f"invalid date: {raw} (expected YYYY-MM-DD)")) from None
        lo, hi = self.limits.min_year, self.limits.max_year
        if not lo <= day.year <= hi:
            raise ValueError(bilingual(f"日期超出范围：{day}（应在 {lo}–{hi} 年之间）",
                                       f"date out of range: {day} (years {lo}–{hi})"))
        return day

    def _period(self, raw) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day of a period in one cell: 2024.3.11-3.13, 3月4日至6日,
        5月31日至6月4日, 2024/3/25~2024/3/29; a single date is the first day alone. The last day
        takes the year and month the first gives where it leaves them out."""
        text = re.sub(r"\s+", "", normalise(str(raw))) if raw.__class__ is str else raw
        if text.__class__ is not str:
            return self._date(text), None
        for mark in RANGE_MARKS if len(text) <= DATE_CHARS else ():
            at = text.find(mark)
            while at > 0:
                first, last = text[:at], text[at + len(mark):]
                try:
                    start = self._date(first)
                except ValueError:
                    at = text.find(mark, at + 1)
                    continue
                end = self._day_after(start, last)
                if end is not None:
                    return start, end
                at = text.find(mark, at + 1)
        try:
            return self._date(text), None
        except ValueError:
            said = text if len(text) <= DATE_CHARS else text[:20] + "…"
            raise ValueError(bilingual(f"期间无效：{said}（应为 开始日期-结束日期，如 2024.3.11-3.13）",
                                       f"invalid period: {said} (expected first day - last day, "
                                       f"e.g. 2024.3.11-3.13)")) from None

    def _report(self, raw) -> tuple[dt.date | None, tuple | Courtesy | None]:
        """When and to whom a leave was reported, from words: 2月9日报告孙区长 -> (2月9日, 孙区长's post)."""
        text = re.sub(r"\s+", "", normalise(str(raw)))
        pattern = self.schema.cells.re_report
        m = pattern.match(text) if pattern is not None and len(text) <= DATE_CHARS else None
        if m is None:
            raise ValueError(bilingual(f"报告情况无法读取：{text[:20]}（应写明报告日期和报告对象）",
                                       f"cannot read the report: {text[:20]} (expected the date it was "
                                       f"reported and to whom)"))
        day = self._date(m.group("date")) if m.group("date") else None
        who = m.group("post").rsplit("的", 1)[-1]   # 分管财政的周海涛常务副区长: the one named last
        try:
            post = self._post(who)
        except Courtesy as exc:   # 孙区长: whose post no one can tell
            return day, exc
        return day, ((post[0],), [post[1]] if post[1] else [])

    def _day_after(self, start: dt.date, text: str) -> dt.date | None:
        """The last day of a period beginning on `start`, written in full or without its year or month."""
        m, d = RE_MONTH_DAY.match(text), RE_DAY.match(text)
        try:
            if m:
                end = dt.date(start.year, int(m.group(1)), int(m.group(2)))
                return end if end >= start else dt.date(start.year + 1, end.month, end.day)
            if d:
                end = dt.date(start.year, start.month, int(d.group(1)))
                if end < start:   # 1月30日至2日
                    end = dt.date(start.year + start.month // 12, start.month % 12 + 1, end.day)
                return end
        except ValueError:
            return None
        try:   # the last day in full
            return self._date(text)
        except ValueError:
            return None

    def _named_post(self, cell: str) -> tuple[Iri | None, str]:
        """The post a cell writes with a person's name (周振国（区长）, 常务副区长韩立新), or the one
        the roster gives a name written alone (周振国); None where neither says one."""
        text = re.sub(r"\s+", "", normalise(str(cell)))
        found = self._person_title(text) or self.titles.people.get(text)
        if found is None:
            return None, ""
        iri, how = self.titles.resolve(found)
        if how.kind == "courtesy":
            raise Courtesy(how.basis)
        return Iri(iri), ("" if how.kind == "lexicon" else found)

    def _person_title(self, text: str) -> str | None:
        """周振国(区长) -> 区长; 常务副区长韩立新 -> 常务副区长; a name alone -> None."""
        m = re.fullmatch(r"([一-鿿·]{2,4})\((.+)\)", text)
        if m and (self._known(m.group(2)) or m.group(2).endswith(self.schema.cells.title_ends)):
            return m.group(2)
        named = self.titles.split_name(text)   # 常务副区长韩立新, 孔雅琴副区长（分管）
        return named[0] if named is not None else None

    def _names_a_post(self, text: str) -> bool:
        """Does a remark's name say a post, or address someone (孙区长), rather than name nothing?"""
        if self.titles.resolve(text)[1].kind != "unknown":
            return True
        try:
            return self._named_post(text)[0] is not None
        except Courtesy:
            return True

    def _titled(self, text: str) -> bool:
        """Does a name column's cell write a title rather than a person's name: a title the rules
        know (区长), one said as people are addressed (韩志强主任), or one ending as titles end
        (秘书科科长), never a name alone (周明远)?"""
        text = re.sub(r"\s+", "", normalise(text))
        return self.titles.resolve(text)[1].kind != "unknown" or text.endswith(self.schema.cells.title_ends)

    def _known(self, title: str) -> bool:
        return self.titles.resolve(title)[1].kind not in ("unknown", "courtesy")

    def _post(self, raw) -> tuple[Iri, str]:
        """The role a title stands for, and the title when it was mapped (not the role's own name)."""
        title = str(raw).strip()
        iri, how = self.titles.resolve(title)
        if how.kind == "unknown" and len(title) <= TITLE_CHARS:
            named, said = self._named_post(title)   # 许丹（区政府办公室副主任）: the title with a name
            if named is not None:
                return named, said
            pattern = self.schema.cells.re_report
            report = pattern.match(re.sub(r"\s+", "", normalise(title))) if pattern is not None else None
            if report:   # 3月8日报孙立群区长: the one reported to
                return self._post(report.group("post").rsplit("的", 1)[-1])
        if how.kind == "courtesy":
            raise Courtesy(how.basis)
        return Iri(iri), ("" if how.kind == "lexicon" else title)

    def _concept(self, col: Column, raw: str) -> Iri:
        kind = CONCEPT_KINDS[col.type]
        entry = None
        key = re.sub(r"\s+", "", normalise(raw))
        for form in self._value_forms(col.type, key):
            entry = self.labels.get((kind, col.value_aliases.get(form, form)))
            if entry is not None and col.values and entry.pref not in col.values:
                entry = None
            if entry is not None:
                break
        if entry is None:
            known = list(col.values) or sorted({e.pref for (k, _), e in self.labels.items() if k == kind})
            shown = "、".join(known[:12]) + ("…" if len(known) > 12 else "")
            if col.by_column and any(f in col.kinds for f in self._value_forms(col.type, key)):
                raise ByColumn(bilingual(
                    f"{col.alias}「{raw}」只是文种，须由{col.by_column}判断，而该列为空或无法对应",
                    f"{raw} is only a document kind; {col.by_column} decides its category, and it is "
                    f"blank or maps to none"))
            if col.unlisted == "note":
                digest = hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]
                raise Unlisted(bilingual(f"{col.alias}「{raw}」不在规章规定之列（{shown}），不核对",
                                         f"the regulation makes no rule on {raw}: not checked"),
                               Iri(f"{self.lex.base}/id/{col.type}/other-{digest}"))
            raise ValueError(bilingual(f"未知的{col.alias}：{raw}（可用：{shown}）",
                                       f"unknown {col.name.replace('_', ' ')}: {raw}"))
        return Iri(entry.iri)

    def _value_forms(self, type_: str, value: str) -> list[str]:
        """A cell's value as written, then as the lexicon would write it: without a note in
        brackets (请示(报市政府)), in the lexicon's words for that kind (区长名章 -> 区长印章), without
        a place name before it, and with the body or post it opens with by that one's own name
        (环翠区人民政府公章 -> 区政府印章)."""
        forms = [value]
        if len(value) > VALUE_CHARS:
            return forms
        cells = self.schema.cells
        # 区政府2024年第5次常务会议, 专题会议：研究…: the kind, without the year, number or topic
        plain = cells.re_drop.sub("", value) if cells.re_drop is not None else value
        if plain and plain != value:
            forms.append(plain)
        # 通知(干部任免), 通知/干部任免, 出国(境)(局一把手), 工作会(一类): the document's kind and, in
        # a note or after /, its category; the kind with its notes taken off one by one; the note
        # before the kind
        for part in [value, *(p for p in re.split(r"[/／]", value) if p)] if ("/" in value or "／" in value) \
                else [value]:
            found, current = [part], part
            while (bare := re.sub(r"[(\[][^()\[\]]*[)\]]$", "", current)) and bare != current:
                note = current[len(bare) + 1:-1]
                found += [bare, note, note + bare]
                current = bare
            forms += [f for f in found if f and f not in forms]
        same = cells.values_as.get(type_)
        for form in list(forms):
            form = same(form) if same else form
            if cells.re_place is not None:
                form = cells.re_place.sub("", form, count=1) or form
            short = next((h for h in cells.heads if form.startswith(h)), None)
            if short is not None:   # 区府章 -> 区政府章
                form = cells.value_heads[short] + form[len(short):]
            head = next((h for h in self._heads if form.startswith(h[0]) and len(form) > len(h[0])), None)
            if head is not None:
                form = head[1] + form[len(head[0]):]
            if form not in forms:
                forms.append(form)
        return forms

    @cached_property
    def _heads(self) -> list[tuple[str, str]]:
        """(label, own name) of every body and post, longest label first."""
        heads = {(label, re.sub(r"\s+", "", normalise(e.pref))) for (k, label), e in self.labels.items()
                 if k in (BODY, POST)}
        return sorted(heads, key=lambda h: -len(h[0]))

    # -- RDF

    def _rdf(self, name: str, source: bytes | Path, loaded: Loaded) -> None:
        import pyoxigraph as ox

        fmt = ox.RdfFormat.from_media_type(RDF_SUFFIXES[Path(name).suffix.lower()])
        check_size(name, source, self.limits.tables())
        data = source if isinstance(source, bytes) else source.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise Unreadable(FileProblem(name, None, None, bilingual(
                f"不是 UTF-8 编码（第 {exc.start} 字节）", f"not UTF-8 (byte {exc.start})"),
                fatal=True)) from None
        if fmt == ox.RdfFormat.JSON_LD:
            try:
                text = json.dumps(local_contexts(name, text))
            except RecursionError:   # [[[[…]]]] a hundred thousand deep: no record is nested so
                raise Unreadable(FileProblem(name, None, None, bilingual(
                    "JSON 嵌套过深", "the JSON is nested too deeply"), fatal=True)) from None
        try:
            triples = ox.parse(input=text, format=fmt, without_named_graphs=True,
                               base_iri=f"{self.lex.base}/data/rdf/{file_key(name)}/")
            records = triples_to_records(triples, name)
        except (SyntaxError, ValueError, OSError) as exc:  # pyoxigraph's parse errors
            raise Unreadable(FileProblem(name, getattr(exc, "lineno", None), None, bilingual(
                "无法解析 RDF", f"cannot parse RDF: {str(exc)[:200]}"), fatal=True)) from None
        if not records:
            raise Unreadable(FileProblem(name, None, None, bilingual(
                "没有 kg:SigningRecord / kg:MeetingRecord / kg:LeaveRecord / kg:SealUse 记录",
                "no records in the org vocabulary"), fatal=True))
        for r in records:
            self._conform(r, name, loaded)
        # Keyed by file: the same IRI in two files is two records; links stay inside the file.
        key = file_key(name)
        rename = {r.iri: f"{self.lex.base}/data/rdf/{key}/{file_key(r.iri)}" for r in records}
        for r in records:
            r.iri = rename[r.iri]
            for prop, values in r.props.items():
                r.props[prop] = [Iri(rename[v]) if isinstance(v, Iri) and v in rename else v
                                 for v in values]
        loaded.records += records
        loaded.kinds[name] = "rdf"


    def _conform(self, r: Record, name: str, loaded: Loaded) -> None:
        """A record written in RDF held to what a log's cell must hold: a count a whole number, a
        date a real date, a kind one the regulation names (a label is read as in a log), a title a
        post; what is not is an error, as in a log, and the column's subject missing is noted."""
        where = r.id or r.iri
        for prop, col, fine in self._rdf_plan(r.kind):
            values = r.props.get(prop)
            if not values:
                if col.required:
                    r.missing[prop] = "blank"
                continue
            if all(map(fine, values)):   # the common case, decided without a call per value
                continue
            kept: list = []
            for v in values:
                try:
                    kept += self._rdf_value(col, v)
                except Unlisted as exc:
                    loaded.notes.append(FileProblem(name, None, col.label, f"{where}: {exc}"))
                    kept.append(exc.value)
                except ValueError as exc:
                    loaded.errors.append(FileProblem(name, None, col.label, f"{where}: {exc}"))
            if kept:
                r.props[prop] = kept
            else:
                del r.props[prop]
                r.missing[prop] = "bad"

    def _rdf_plan(self, kind: str) -> list[tuple[str, Column, Callable[[Any], bool]]]:
        """Per column of a log: its property, and a test a value passes when it needs no reading."""
        plan = self._rdf_plans.get(kind)
        if plan is None:
            concepts = {k: {iri for iri, e in self.lex.entries.items() if e.kind == k}
                        for k in set(CONCEPT_KINDS.values())}

            def test(col: Column) -> Callable[[Any], bool]:
                if col.type == "int":
                    return lambda v: v.__class__ is int and v >= 0
                if col.type == "date":
                    return lambda v: v.__class__ is dt.date
                if col.type == "bool":
                    return lambda v: v.__class__ is bool
                if col.type in CONCEPT_KINDS:
                    return concepts[CONCEPT_KINDS[col.type]].__contains__
                if col.type in ("post", "posts"):
                    return lambda v: isinstance(v, Iri) and not v.startswith("_:")
                return lambda v: True
            plan = self._rdf_plans[kind] = [
                (str(KG[c.prop]), c, test(c)) for c in self.schema.log[kind].columns
                if c.prop and c.type not in ("remarks", "period", "report")]
        return plan

    def _rdf_value(self, col: Column, v) -> list:
        shown = str(v)[:40]
        bad = ValueError(bilingual(f"{col.alias}的值无效：{shown}", f"invalid {col.name}: {shown}"))
        if col.type == "int":
            if v.__class__ is bool or not isinstance(v, (int, float, Decimal)) or not math.isfinite(v) \
                    or v < 0 or v != int(v):
                raise ValueError(bilingual(f"应为非负整数：{shown}", f"expected a whole number: {shown}"))
            return [int(v)]
        if col.type == "date":
            if not isinstance(v, dt.date):
                raise ValueError(bilingual(f"日期无效：{shown}", f"invalid date: {shown}"))
            return [v]
        if col.type == "bool":
            if v.__class__ is not bool:
                return [_bool(v)]
            return [v]
        if col.type in CONCEPT_KINDS:
            if isinstance(v, Iri):
                entry = self.lex.get(v)
                if entry is None or entry.kind != CONCEPT_KINDS[col.type]:
                    raise bad
                return [v]
            return [self._concept(col, str(v))]
        if col.type in ("post", "posts"):
            if isinstance(v, Iri):
                if v.startswith("_:"):
                    raise bad
                return [v]
            return [self._post(v)[0]]
        return [v]


def _title_year(sources: list[str]) -> tuple[int, str] | None:
    """The one year a sheet's title, its name or its file's name states (2024年…报备台账), and that
    text; None where none does or one states several."""
    for text in sources:
        years = set(RE_TITLE_YEAR.findall(text))
        if len(years) == 1:
            return int(years.pop()), text.strip()[:40]
        if years:
            return None
    return None


def _parts(raw) -> list[str]:
    """Several titles in one cell, apart from a note in brackets (副区长（分管自然资源、海洋）is one).

    >>> _parts("分管教育副区长、副区长（分管公安、应急）；区长")
    ['分管教育副区长', '副区长（分管公安、应急）', '区长']
    """
    out: list[str] = []
    part: list[str] = []
    depth = 0
    for ch in str(raw):
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth -= 1
        if ch in ";；、" and depth <= 0:
            out.append("".join(part))
            part = []
        else:
            part.append(ch)
    out.append("".join(part))
    return [p.strip() for p in out if p.strip()]


def _text(raw) -> str:
    """A cell as text: 12.0 from a spreadsheet is "12"."""
    if raw.__class__ is float:
        return str(int(raw)) if raw == int(raw) else str(raw)
    if raw.__class__ is BadCell:
        raise ValueError(raw.message)
    return str(raw)


def _serial(value: float) -> dt.date:
    """An Excel date serial number (days since 1899-12-30)."""
    if not 1 <= value < 2_958_466:
        raise ValueError(bilingual(f"日期无效：{value}", f"invalid date serial: {value}"))
    return EXCEL_EPOCH + dt.timedelta(days=int(value))


def _int(raw, units: tuple[str, ...] = (), labels: tuple[str, ...] = ()) -> int:
    """A head count, with or without its unit, in figures or words, after the column's own word:
    9, "9", "9人", "应到十一人" (labels: the column's wordings).

    >>> _int("实到九人", ("人",), ("实到人数",))
    9
    """
    if isinstance(raw, bool):
        raise ValueError(bilingual(f"应为非负整数：{raw}", f"expected a whole number: {raw}"))
    if isinstance(raw, (int, float)):
        if raw >= 0 and raw == int(raw):
            return int(raw)
    else:
        text = normalise(str(raw)).strip()
        text = next((text[:-len(u)].strip() for u in units if text.endswith(u)), text)
        if text.isdigit() and text.isascii():
            return int(text)
        m = RE_COUNT.fullmatch(text)
        # 应到十一人 under 应到人数: the label must be the column's own word, not 缺席 or 请假
        if m and (not m.group(1) or any(m.group(1) in w for w in labels)):
            number = m.group(2)
            return int(number) if number.isascii() else cn_to_int(number)
    shown = str(raw) if len(str(raw)) <= 40 else str(raw)[:40] + "…"
    raise ValueError(bilingual(f"应为非负整数：{shown}", f"expected a whole number: {shown}"))


def _bool(raw) -> bool:
    if isinstance(raw, bool):
        return raw
    v = normalise(str(raw)).strip().lower()
    if v in TRUE:
        return True
    if v in FALSE:
        return False
    raise ValueError(bilingual(f"应为 是/否：{raw}", f"expected yes/no (是/否): {raw}"))


# ---------------------------------------------------------------- JSON-LD without fetching


@cache
def _context_map() -> dict[str, dict]:
    """The only @context a record file may name by IRI: the project's own, read from disk."""
    path = data_file("ontology", "records.context.jsonld")
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {doc["@id"]: doc["@context"]}


def local_contexts(name: str, text: str):
    """The JSON-LD document with every @context inlined from the local map; anything else refused.

    Nothing is fetched: a context named by any other URL or path is an input error whose message
    does not say whether such a file exists.
    """
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise Unreadable(FileProblem(name, None, None, bilingual(
            "不是有效的 JSON", f"not valid JSON: {exc}"), fatal=True)) from None
    known = _context_map()

    def inline(ctx):
        if isinstance(ctx, list):
            return [inline(c) for c in ctx]
        if isinstance(ctx, str):
            if ctx in known:
                return known[ctx]
            raise Unreadable(FileProblem(name, None, None, bilingual(
                f"不允许引用外部 @context：{ctx[:100]}（只可内联，或引用 {next(iter(known))}）",
                f"external @context not allowed: {ctx[:100]} (inline it, or use {next(iter(known))})"),
                fatal=True))
        if isinstance(ctx, dict):
            if "@import" in ctx:
                raise Unreadable(FileProblem(name, None, None, bilingual(
                    "不允许 @import", "@import is not allowed in a @context"), fatal=True))
            return {k: walk(v) if k != "@context" else inline(v) for k, v in ctx.items()}
        return ctx

    def walk(node):
        if isinstance(node, list):
            return [walk(n) for n in node]
        if isinstance(node, dict):
            return {k: inline(v) if k == "@context" else walk(v) for k, v in node.items()}
        return node

    return walk(doc)


def read_logs(paths: list[Path], roster: Path | None = None, lexicon: Lexicon | None = None) -> Loaded:
    """What `kg validate` reads: the logs, their titles mapped through the roster if one is given."""
    return _read_all([(str(p), Path(p)) for p in paths],
                     (str(roster), Path(roster)) if roster is not None else None, lexicon)


def read_uploads(files: list[tuple[str, bytes]], roster: tuple[str, bytes] | None = None,
                 lexicon: Lexicon | None = None) -> Loaded:
    """What the 校验 page reads: uploaded logs (name, bytes) and an optional roster. Browsers send
    only a file's own name, so two uploads named alike (two months' 用印.csv) are told apart as
    用印.csv and 用印 (2).csv: records, findings and notes are keyed by file, never merged."""
    seen: dict[str, int] = {}
    named: list[tuple[str, bytes | Path]] = []
    for name, data in files:
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            path = PurePath(name)
            name = str(path.with_name(f"{path.stem} ({seen[name]}){path.suffix}"))
        named.append((name, data))
    return _read_all(named, roster, lexicon)


def _read_all(sources: list[tuple[str, bytes | Path]], roster: tuple[str, bytes | Path] | None,
              lexicon: Lexicon | None) -> Loaded:
    reader = Reader(lexicon)
    problems: list[FileProblem] = []
    notes: list[FileProblem] = []
    if roster is not None:
        reader, read = reader.with_roster(*roster)
        problems, notes = read.problems, read.notes
    loaded = Loaded(notes=list(notes))
    with paused_gc():
        for name, source in sources:
            loaded.extend(reader._read(name, source))
    loaded.errors = problems + loaded.errors
    loaded.roster = roster[0] if roster is not None else None
    return loaded


# ---------------------------------------------------------------- templates


def template(kind: str, xlsx: bool = False, schema: Schema | None = None,
             lexicon: Lexicon | None = None) -> bytes:
    """An empty log with Chinese headers: CSV (UTF-8 with BOM, for Excel), or .xlsx with
    drop-down lists for the columns that take a fixed set of values (and for posts)."""
    schema = schema or load_schema()
    kind = next((k for k, log in schema.log.items() if kind in (k, log.name)), kind)
    if kind not in schema.log:
        from kg.errors import UsageError
        raise UsageError(bilingual(f"未知的台账：{kind}（可用：{'、'.join(schema.log)}）",
                                   f"unknown log {kind!r}; one of {', '.join(schema.log)}"))
    log = schema.log[kind]
    headers = [c.alias for c in log.template_columns]
    if not xlsx:
        return ("\ufeff" + ",".join(headers) + "\r\n").encode("utf-8")
    return _xlsx_template(kind, log, lexicon or load_lexicon())


def _xlsx_template(kind: str, log: Log, lex: Lexicon) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = log.name
    lists = book.create_sheet("选项 lists")
    lists.sheet_state = "hidden"
    sheet.append([c.alias for c in log.template_columns])
    sheet.freeze_panes = "A2"
    for i, col in enumerate(log.template_columns, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = max(10, 2 * len(col.alias) + 4)
        options = _options(col, lex)
        if not options:
            if col.type == "date":
                for row in range(2, 1001):
                    sheet.cell(row=row, column=i).number_format = "yyyy-mm-dd"
            continue
        for r, value in enumerate(options, start=1):
            lists.cell(row=r, column=i, value=value)
        rule = DataValidation(type="list", formula1=f"='选项 lists'!${letter}$1:${letter}${len(options)}",
                              allow_blank=True, showErrorMessage=col.type not in ("post", "posts"))
        rule.add(f"{letter}2:{letter}1000")
        sheet.add_data_validation(rule)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _options(col: Column, lex: Lexicon) -> list[str]:
    if col.values:
        return list(col.values)
    if col.type == "bool":
        return ["是", "否"]
    if col.type in ("post", "posts"):  # a drop-down that still lets the office type its own title
        return sorted({e.pref for e in lex.entries.values() if e.kind == POST and not e.record_property},
                      key=lambda p: (len(p), p))
    return []
