"""The app's words (ontology/ui.toml), checked against this schema when loaded.

Pages read them as a dict (texts()["ask"]["found"]); the schema makes a misspelt or missing key
an error at start-up naming the file and line, not a KeyError on one page later.

>>> load_texts()["ask"]["submit"]
'提问 / ask'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.config import parse, read_toml
from kg.resources import data_file


@dataclass(frozen=True)
class Page:
    lang: str
    app: str


@dataclass(frozen=True)
class Header:
    doc_number: str
    issuer: str
    adopted: str
    issued: str


@dataclass(frozen=True)
class Scope:
    label: str
    all: str
    library: str
    summary: str
    unknown: str
    asking: str
    asking_all: str
    pick: str


@dataclass(frozen=True)
class Library:
    title: str
    page: str
    issuer: str
    level: str
    year: str
    any: str
    search: str
    placeholder: str
    count: str
    results: str
    none: str
    empty: str
    unknown_year: str
    more: str


@dataclass(frozen=True)
class Copy:
    label: str
    done: str


@dataclass(frozen=True)
class Ask:
    caption: str
    box: str
    submit: str
    examples: str
    found: str
    condition: str
    delegation: str
    defeasible: str
    permission: str
    quantity: str
    open: str
    related: str
    related_note: str
    candidates: str
    sparql: str


@dataclass(frozen=True)
class Browse:
    contents: str
    norms: str
    references: str
    cites: str
    cited_by: str
    no_references: str
    unresolved: str
    whole: str
    pick: str
    missing: str


@dataclass(frozen=True)
class Search:
    placeholder: str
    jump: str
    box: str
    results: str
    none: str
    suggest: str


@dataclass(frozen=True)
class Validate:
    caption: str
    yes: str
    no: str
    early: str
    late: str
    unreadable: str
    # record property (local name) -> how its value reads; free keys, checked as text
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GraphPage:
    caption: str
    default: str
    choose: str
    help: str
    sources: str


@dataclass(frozen=True)
class Sparql:
    caption: str


@dataclass(frozen=True)
class Texts:
    page: Page
    header: Header
    scope: Scope
    library: Library
    copy: Copy
    ask: Ask
    browse: Browse
    search: Search
    validate: Validate
    graph: GraphPage
    sparql: Sparql


def load_texts() -> dict:
    """ui.toml as a dict, after checking it against `Texts` (unknown or missing keys, non-text
    values are a ConfigError with file and line)."""
    path = data_file("ontology", "ui.toml")
    data, text = read_toml(path)
    parse(Texts, data, str(path), text)
    return data
