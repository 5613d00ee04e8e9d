"""The levels of a Chinese regulation in one table: 编 分编 章 节 条 款 项 目, and the 一、
headings that group the 条 of a judicial interpretation ("division", cited 第一部分).

Each level's ELI path segment, Akoma Ntoso eId segment, subdivision-type slug and
citation pattern are written here once; IRIs and eIds are built and parsed only here.

>>> path(("article", "62"), ("paragraph", 1), ("point", 2))
'art_62/par_1/pnt_2'
>>> eid(("article", "62"), ("paragraph", 1), ("point", 2))
'art_62__para_1__point_2'
>>> parse_path("https://x/eli/reg/art_62/par_1/pnt_2")
{'article': '62', 'paragraph': '1', 'point': '2'}
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.numerals import int_to_cn


@dataclass(frozen=True)
class Level:
    """One level of the hierarchy."""

    name: str        # subdivision-type slug, also the key used in code
    zh: str          # the character that names it: 章
    eli: str         # ELI path segment: chp
    akn: str         # Akoma Ntoso eId segment: chp
    citation: str    # citation of number n: 第{n}章 (n in Chinese numerals)
    query: str       # permalink query parameter of the Browse page


LEVELS: tuple[Level, ...] = (
    Level("book", "编", "book", "book", "第{n}编", "book"),
    Level("part", "分编", "part", "part", "第{n}分编", "part"),
    Level("division", "部分", "dvs", "division", "第{n}部分", "dvs"),
    Level("chapter", "章", "chp", "chp", "第{n}章", "chp"),
    Level("section", "节", "sec", "sec", "第{n}节", "sec"),
    Level("article", "条", "art", "art", "第{n}条", "art"),
    Level("paragraph", "款", "par", "para", "第{n}款", "par"),
    Level("point", "项", "pnt", "point", "第（{n}）项", "item"),
    Level("subpoint", "目", "sub", "subpoint", "第{n}目", "sub"),
)
BY_NAME = {lv.name: lv for lv in LEVELS}
BY_ELI = {lv.eli: lv for lv in LEVELS}

Step = tuple[str, "int | str"]


def segment(level: str, key: int | str) -> str:
    """One ELI path segment: ("article", 62) -> art_62."""
    return f"{BY_NAME[level].eli}_{key}"


def path(*steps: Step) -> str:
    """An ELI path below the regulation from (level, key) steps."""
    return "/".join(segment(level, key) for level, key in steps)


def eid(*steps: Step) -> str:
    """The Akoma Ntoso eId for the same steps."""
    return "__".join(f"{BY_NAME[level].akn}_{key}" for level, key in steps)


def article_key(number: int, suffix: int | None = None) -> str:
    """62 -> '62'; 第十条之一 -> '10_1'."""
    return f"{number}_{suffix}" if suffix else str(number)


def parse_path(iri: str) -> dict[str, str]:
    """The (level -> key) steps of a subdivision IRI or ELI path, in order."""
    tail = iri.split("/eli/", 1)[1].split("/", 1)[1] if "/eli/" in iri else iri
    out: dict[str, str] = {}
    for seg in tail.split("/"):
        prefix, _, key = seg.partition("_")
        level = BY_ELI.get(prefix)
        if level is None or not key:
            raise ValueError(f"not a subdivision path: {iri!r}")
        out[level.name] = key
    return out


def regulation_id(iri: str) -> str:
    """The regulation id in a work or subdivision IRI ("" when it is no ELI path).

    >>> regulation_id("https://x/eli/reg-1/art_62/par_1"), regulation_id("https://x/eli/reg-1")
    ('reg-1', 'reg-1')
    """
    return iri.split("/eli/", 1)[1].split("/", 1)[0] if "/eli/" in iri else ""


def permalink(iri: str) -> dict[str, int]:
    """Query parameters that open a provision on the Browse page.

    >>> permalink("https://x/eli/reg/art_62/par_1/pnt_2")
    {'art': 62, 'par': 1, 'item': 2}
    """
    out = {}
    for level, key in parse_path(iri).items():
        number = key.split("_")[0]
        if number.isdigit():
            out[BY_NAME[level].query] = int(number)
    return out


def cite(level: str, number: int) -> str:
    """The citation words of one level: ("point", 2) -> 第（二）项."""
    return BY_NAME[level].citation.format(n=int_to_cn(number))
