"""Named SPARQL queries, one .rq file each, run with parameters bound safely.

Parameters are RDF terms (IRIs from the lexicon, typed literals), never text
formatted into SPARQL. `render` shows a query with its bindings written out as
a VALUES block, escaped by rdflib, for people to read and for stores that
cannot bind parameters themselves.

A norm's lists (what it is about, its auxiliary parties and delegators) come from
a second, simple query, norm_lists.rq, folded into sorted Python lists by
`run`: no GROUP_CONCAT, whose separator a store may mangle (Virtuoso returns
、 as ?), and no UNION beside a long pattern, which Virtuoso answers wrongly.

>>> "?action" in text("norms")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from rdflib import URIRef
from rdflib.term import Node

from kg.ns import KG_IRI
from kg.resources import data_dir
from kg.store import Row, Store, inline_rows, inline_values

RE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


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


# norm_lists.rq: ?property -> the list it fills; the names of kg:object values fill objectNames.
LISTS = {KG_IRI + "object": "objects", KG_IRI + "auxiliaryParty": "auxiliaries",
         KG_IRI + "auxiliaryLabel": "auxiliaryLabels", KG_IRI + "delegatedBy": "delegators",
         KG_IRI + "delegatedByLabel": "delegatedBy"}
NAMES = {"objects": "objectNames"}


def run(store: Store, name: str, **bindings: Node) -> list[Row]:
    """Run a named query on any store with engine-bound parameters.

    A query whose first column is ?norm gives norms: each row also gets the norm's
    lists (objects, objectNames, auxiliaries, auxiliaryLabels, delegators, delegatedBy).
    """
    rows = store.select(text(name), bindings)
    if rows and next(iter(rows[0])) == "norm":
        rows = _with_lists(store, rows, every=not bindings)
    return rows


def _with_lists(store: Store, rows: list[Row], every: bool) -> list[Row]:
    """rows with their norms' lists, sorted, from norm_lists.rq (for every norm, or these)."""
    norms = list(dict.fromkeys(r["norm"] for r in rows))
    lists: dict[object, dict[str, list]] = {n: {k: [] for k in [*LISTS.values(), *NAMES.values()]}
                                            for n in norms}
    query = text("norm_lists")
    if not every:
        query = inline_rows(query, "norm", [URIRef(n) for n in norms])
    for r in store.select(query):
        if r["norm"] in lists:
            kind = LISTS[r["property"]]
            values = [(kind, r["item"])]
            if kind in NAMES and r["name"] is not None:
                values.append((NAMES[kind], r["name"]))
            for key, value in values:
                if value not in lists[r["norm"]][key]:
                    lists[r["norm"]][key].append(value)
    for found in lists.values():
        for values in found.values():
            values.sort()
    return [r | lists[r["norm"]] for r in rows]
