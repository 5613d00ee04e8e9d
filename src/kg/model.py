"""The parsed structure of a regulation: 章 > 节 > 条 > 款 > 项 > 目, all frozen.

Every node keeps its number, clean text, Chinese citation, AKN eId, ELI path
segment and the character span it came from in the raw source.

>>> Span(3, 9).length
6
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from kg.numerals import int_to_cn


@dataclass(frozen=True)
class Span:
    """Half-open character offsets [start, end) into the raw source text."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Metadata:
    """What a regulation's sibling .toml says about it.

    >>> Metadata(id="demo", title="示例规则").title
    '示例规则'
    """

    id: str
    title: str
    title_en: str = ""
    issuer: str = ""
    doc_number: str = ""
    adopted: dt.date | None = None
    adopted_by: str = ""
    issued: dt.date | None = None
    jurisdiction: str = ""
    language: str = "zh"
    in_force: bool = True


@dataclass(frozen=True)
class Subitem:
    """目: 1. under an item."""

    number: int
    marker: str
    text: str
    span: Span
    citation: str
    eid: str
    path: str


@dataclass(frozen=True)
class Item:
    """项: （一） under a paragraph."""

    number: int
    marker: str
    text: str
    span: Span
    citation: str
    full_citation: str
    eid: str
    path: str
    subitems: tuple[Subitem, ...] = ()

    @property
    def full_text(self) -> str:
        """The item as printed, marker and 目 included."""
        parts = [self.marker + self.text] + [s.marker + s.text for s in self.subitems]
        return "\n".join(parts)


@dataclass(frozen=True)
class Paragraph:
    """款: numbered by position; `lead` is its own text before any items."""

    number: int
    lead: str
    span: Span
    citation: str
    eid: str
    path: str
    items: tuple[Item, ...] = ()

    @property
    def text(self) -> str:
        """The 款 as printed: lead text, then each item on its own line."""
        return "\n".join([self.lead] * bool(self.lead) + [i.full_text for i in self.items])


@dataclass(frozen=True)
class Article:
    """条: `label` is as printed (第六十二条 or 六十二、), `citation` always 第…条."""

    number: int
    label: str
    span: Span
    citation: str
    eid: str
    path: str
    paragraphs: tuple[Paragraph, ...]
    suffix: int | None = None
    chapter: int | None = None
    section: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def items(self) -> list[Item]:
        return [i for p in self.paragraphs for i in p.items]


@dataclass(frozen=True)
class Section:
    """节 inside a chapter."""

    number: int
    title: str
    span: Span
    path: str
    eid: str
    articles: tuple[Article, ...] = ()

    @property
    def heading(self) -> str:
        return f"第{int_to_cn(self.number)}节 {self.title}".strip()


@dataclass(frozen=True)
class Chapter:
    """章; `articles` are those not inside a 节."""

    number: int
    title: str
    span: Span
    path: str
    eid: str
    sections: tuple[Section, ...] = ()
    articles: tuple[Article, ...] = ()

    @property
    def heading(self) -> str:
        return f"第{int_to_cn(self.number)}章 {self.title}".strip()

    def all_articles(self) -> list[Article]:
        return sorted(list(self.articles) + [a for s in self.sections for a in s.articles],
                      key=lambda a: a.span.start)


@dataclass(frozen=True)
class Regulation:
    """The whole parsed document."""

    meta: Metadata
    source: str
    scheme: str  # "tiao" (第X条) or "ordinal" (一、 inside chapters)
    chapters: tuple[Chapter, ...] = ()
    articles_outside_chapters: tuple[Article, ...] = ()
    front_matter: str = ""
    trailer: str = ""

    def articles(self) -> list[Article]:
        found = list(self.articles_outside_chapters)
        for c in self.chapters:
            found += c.all_articles()
        return sorted(found, key=lambda a: a.span.start)

    def article(self, number: int, suffix: int | None = None) -> Article:
        """The article with that number; KeyError when there is none."""
        return self._by_number[(number, suffix)]

    @cached_property
    def _by_number(self) -> dict[tuple[int, int | None], Article]:
        return {(a.number, a.suffix): a for a in self.articles()}

    def sections(self) -> list[Section]:
        return [s for c in self.chapters for s in c.sections]


def paragraph_citation(article: str, number: int) -> str:
    """第六十二条 + 1 -> 第六十二条第一款."""
    return f"{article}第{int_to_cn(number)}款"


def item_citation(article: str, paragraph: int, number: int, name_paragraph: bool) -> str:
    """Cite an item; by convention the 款 is named only when the article has several.

    >>> item_citation("第六十二条", 1, 2, False), item_citation("第六十二条", 1, 2, True)
    ('第六十二条第（二）项', '第六十二条第一款第（二）项')
    """
    base = paragraph_citation(article, paragraph) if name_paragraph else article
    return f"{base}第（{int_to_cn(number)}）项"


def article_citation(number: int, suffix: int | None = None) -> str:
    """62 -> 第六十二条; (10, 1) -> 第十条之一."""
    tail = f"之{int_to_cn(suffix)}" if suffix else ""
    return f"第{int_to_cn(number)}条{tail}"
