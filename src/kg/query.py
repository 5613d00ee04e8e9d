"""Named SPARQL queries, one .rq file each, run with parameters bound safely.

Parameters are RDF terms (IRIs from the lexicon, typed literals), never text
formatted into SPARQL. `render` shows a query with its bindings written out as
a VALUES block, escaped by rdflib, for people to read and for stores that
cannot bind parameters themselves.

Several values of one property (a norm's objects) come as one row per value,
`BIND("objects" AS ?list)` with the value in ?item, and `run` folds them into a
sorted Python list: no GROUP_CONCAT, whose separator a store may mangle
(Virtuoso returns 、 as ?), and no cross product of OPTIONALs.

>>> "?action" in text("who_acts")
True
>>> grouped([{"n": 1, "list": None, "item": None}, {"n": 1, "list": "xs", "item": "b"},
...          {"n": 1, "list": "xs", "item": "a"}], ("xs",))
[{'n': 1, 'xs': ['a', 'b']}]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from rdflib.term import Node

from kg.resources import data_dir
from kg.store import Row, Store, inline_values

RE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
RE_LIST = re.compile(r'BIND\s*\(\s*"(\w+)"\s+AS\s+\?list\s*\)')


def names() -> list[str]:
    return sorted(p.stem for p in data_dir("queries").glob("*.rq"))


@cache
def text(name: str) -> str:
    """The query text of queries/<name>.rq (KeyError for an unknown name)."""
    path = data_dir("queries") / f"{name}.rq"
    if not RE_NAME.match(name) or not path.exists():
        raise KeyError(f"no named query {name!r}")
    return path.read_text(encoding="utf-8")


def render(name: str, bindings: Mapping[str, Node] | None = None) -> str:
    """The query with its bindings inlined as VALUES right after the first WHERE {."""
    return inline_values(text(name), bindings)


def list_names(name: str) -> tuple[str, ...]:
    """The list columns a named query writes as (?list, ?item) rows."""
    return tuple(dict.fromkeys(RE_LIST.findall(text(name))))


def grouped(rows: list[Row], names: tuple[str, ...]) -> list[Row]:
    """Rows that differ only in (?list, ?item) as one row with a sorted list per name."""
    out: dict[tuple, Row] = {}
    for r in rows:
        key = tuple((k, v) for k, v in r.items() if k not in ("list", "item"))
        row = out.setdefault(key, dict(key) | {n: [] for n in names})
        if r.get("list") in names and r["item"] not in row[r["list"]]:
            row[r["list"]].append(r["item"])
    for row in out.values():
        for n in names:
            row[n].sort()
    return list(out.values())


def run(store: Store, name: str, **bindings: Node) -> list[Row]:
    """Run a named query on any store with engine-bound parameters; lists folded."""
    rows = store.select(text(name), bindings)
    names = list_names(name)
    return grouped(rows, names) if names else rows
