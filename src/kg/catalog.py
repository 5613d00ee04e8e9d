"""The catalogue of a library: every regulation in the graph as a row (title, 文号, issuer, level, year), the
levels read from ontology/library.toml, and the filters of the library view.

>>> levels().infer("中华人民共和国国务院组织法（2024修订）").zh
'法律'
>>> levels().infer("威海市环翠区人民政府工作规则").id
'rules'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg import config
from kg.model import Metadata
from kg.resources import data_file

RE_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]\s*$")


@dataclass(frozen=True)
class Level:
    """A kind of document: 法律, 条例, 规则, 办法 …"""

    id: str
    zh: str
    en: str
    rank: int
    endings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Levels:
    """The levels of ontology/library.toml and the level of "no listed ending"."""

    known: tuple[Level, ...]
    other: Level

    def get(self, name: str) -> Level | None:
        """A level by its id or Chinese name (what a metadata file may write)."""
        return next((lv for lv in self.known if name in (lv.id, lv.zh)), None)

    def infer(self, title: str) -> Level:
        """The level a title's ending names, the longest ending winning; else `other`.

        >>> levels().infer("某市公文管理办法").id
        'measures'
        """
        core = RE_TRAILING_NOTE.sub("", title.strip()).strip()
        best: tuple[int, Level] | None = None
        for lv in self.known:
            for end in lv.endings:
                if core.endswith(end) and (best is None or len(end) > best[0]):
                    best = (len(end), lv)
        return best[1] if best else self.other

    def of(self, meta: Metadata) -> Level:
        """The level the metadata names, else the one its title implies."""
        return (self.get(meta.level) if meta.level else None) or self.infer(meta.title)


@dataclass(frozen=True)
class OtherLevel:
    """library.toml `other`: the names of "no listed ending"."""

    zh: str = "其他"
    en: str = "other"


@dataclass(frozen=True)
class LibraryConfig:
    """The whole of ontology/library.toml."""

    level: tuple[Level, ...]
    other: OtherLevel = OtherLevel()


@cache
def levels() -> Levels:
    """ontology/library.toml, read strictly (an unknown key is an error naming its line)."""
    cfg = config.load(LibraryConfig, data_file("ontology", "library.toml"))
    return Levels(tuple(sorted(cfg.level, key=lambda lv: lv.rank)),
                  Level("other", cfg.other.zh, cfg.other.en, len(cfg.level) + 1))


@dataclass(frozen=True)
class Entry:
    """One regulation as the library lists it."""

    id: str
    title: str
    title_en: str
    doc_number: str
    issuer: str
    level: Level
    year: int | None
    meta: Metadata


def entry(meta: Metadata) -> Entry:
    """A library row from a regulation's metadata; the year is the issue date's, else adoption's.

    >>> import datetime as dt
    >>> e = entry(Metadata(id="x", title="某规则", issued=dt.date(2022, 3, 2)))
    >>> e.level.zh, e.year
    ('规则', 2022)
    """
    when = meta.issued or meta.adopted
    return Entry(meta.id, meta.title, meta.title_en, meta.doc_number, meta.issuer, levels().of(meta),
                 when.year if when else None, meta)


@dataclass(frozen=True)
class Facets:
    """The values each filter offers, in the order shown."""

    issuers: tuple[str, ...]
    levels: tuple[Level, ...]
    years: tuple[int, ...]


def facets(entries: Iterable[Entry]) -> Facets:
    """Issuers by name, levels by rank, years newest first; only values some entry has."""
    rows = list(entries)
    return Facets(tuple(sorted({e.issuer for e in rows if e.issuer})),
                  tuple(sorted({e.level for e in rows}, key=lambda lv: lv.rank)),
                  tuple(sorted({e.year for e in rows if e.year is not None}, reverse=True)))


def select(entries: Iterable[Entry], issuers: Iterable[str] = (), level_ids: Iterable[str] = (),
           years: Iterable[int] = ()) -> list[Entry]:
    """The entries that pass every filter given (an empty filter passes all), by title.

    >>> rows = [entry(Metadata(id="a", title="甲条例", issuer="甲")), entry(Metadata(id="b", title="乙办法"))]
    >>> [e.id for e in select(rows, level_ids=["measures"])]
    ['b']
    """
    issuers, level_ids, years = set(issuers), set(level_ids), set(years)
    return sorted((e for e in entries
                   if (not issuers or e.issuer in issuers) and (not level_ids or e.level.id in level_ids)
                   and (not years or e.year in years)), key=lambda e: (e.level.rank, e.title))
