"""The parsed structure of a regulation: 编 > 分编 > 章 > 节 > 条 > 款 > 项 > 目, all frozen.

Every node keeps its number, clean text, Chinese citation, AKN eId, ELI path
segment and the character span it came from in the raw source. The tree is
Regulation.contents; `chapters` and `articles_outside_chapters` are flat views of it.

>>> Span(3, 9).length
6
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from kg.hierarchy import cite
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
    level: str = ""  # a level of ontology/library.toml (id or Chinese name); "" = read from the title


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
    """节, normally inside a chapter; `label` is as printed, "" when the source left it out."""

    number: int
    title: str
    span: Span
    path: str
    eid: str
    articles: tuple[Article, ...] = ()
    label: str = ""

    @property
    def heading(self) -> str:
        return f"第{int_to_cn(self.number)}节 {self.title}".strip()


@dataclass(frozen=True)
class Chapter:
    """章; `articles` are those not inside a 节; `label` is as printed (第三章)."""

    number: int
    title: str
    span: Span
    path: str
    eid: str
    sections: tuple[Section, ...] = ()
    articles: tuple[Article, ...] = ()
    label: str = ""

    @property
    def heading(self) -> str:
        return f"第{int_to_cn(self.number)}章 {self.title}".strip()

    def all_articles(self) -> list[Article]:
        return sorted(list(self.articles) + [a for s in self.sections for a in s.articles],
                      key=lambda a: a.span.start)


@dataclass(frozen=True)
class Division:
    """A heading that groups 章 or 条 without being a 章: 编 (level "book"), 分编 ("part"),
    or a 一、 heading between the 条 of a judicial interpretation ("division").

    >>> Division("book", 2, "第二编", "分则", Span(0, 6), "book_2", "book_2").heading
    '第二编 分则'
    """

    level: str
    number: int
    label: str
    title: str
    span: Span
    path: str
    eid: str
    children: tuple[Division | Chapter | Section | Article, ...] = ()

    @property
    def citation(self) -> str:
        """第二编, 第一分编, 第一部分."""
        return cite(self.level, self.number)

    @property
    def heading(self) -> str:
        """The heading as printed, normalised: label, one space, title."""
        return f"{self.label} {self.title}".strip() if self.label.startswith("第") else \
            f"{self.label}{self.title}"


Node = Division | Chapter | Section | Article


def _walk(nodes: tuple[Node, ...]):
    for node in nodes:
        yield node
        if isinstance(node, Division):
            yield from _walk(node.children)
        elif isinstance(node, Chapter):
            yield from _walk(tuple(sorted(node.articles + node.sections, key=lambda n: n.span.start)))
        elif isinstance(node, Section):
            yield from node.articles


@dataclass(frozen=True)
class Regulation:
    """The whole parsed document.

    `contents` is the tree below the regulation in document order (编/分编/一、 headings,
    章, 节 outside any 章, and 条 outside any 章). `warnings` are the layout slips the
    segmenter repaired, each in Chinese and English.
    """

    meta: Metadata
    source: str
    scheme: str  # "tiao" (第X条) or "ordinal" (一、 inside chapters)
    contents: tuple[Node, ...] = ()
    front_matter: str = ""
    trailer: str = ""
    warnings: tuple[str, ...] = ()

    def walk(self) -> list[Node]:
        """Every heading and article, depth-first in document order."""
        return list(_walk(self.contents))

    @cached_property
    def chapters(self) -> tuple[Chapter, ...]:
        """Every 章 in document order, also those inside a 编 (numbers may restart there)."""
        return tuple(n for n in self.walk() if isinstance(n, Chapter))

    @cached_property
    def articles_outside_chapters(self) -> tuple[Article, ...]:
        """Every 条 that is in no 章 (it may still be in a 编, a 一、 heading or a 节)."""
        inside = {id(a) for c in self.chapters for a in c.all_articles()}
        return tuple(n for n in self.walk() if isinstance(n, Article) and id(n) not in inside)

    def articles(self) -> list[Article]:
        return [n for n in self.walk() if isinstance(n, Article)]

    def article(self, number: int, suffix: int | None = None) -> Article:
        """The article with that number; KeyError when there is none."""
        return self._by_number[(number, suffix)]

    @cached_property
    def _by_number(self) -> dict[tuple[int, int | None], Article]:
        return {(a.number, a.suffix): a for a in self.articles()}

    def sections(self) -> list[Section]:
        return [n for n in self.walk() if isinstance(n, Section)]

    def divisions(self) -> list[Division]:
        """Every 编, 分编 and 一、 heading in document order."""
        return [n for n in self.walk() if isinstance(n, Division)]


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
