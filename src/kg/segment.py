"""Raw regulation text -> Regulation tree, repairing PDF extraction debris.

>>> reg = segment("第一条 总则。\\n第二条 细则。", Metadata(id="demo", title="示例"))
>>> [a.citation for a in reg.articles()]
['第一条', '第二条']

Paragraph (款) rule for hard-wrapped text: lines are measured in display
units (CJK = 2).  A 款 ends after a line ending in 。！？；： when
  * the line stops short of the measured line width, or
  * the next line starts an item, article or heading, or
  * (the ambiguous case) the line runs full width and the next line does not:
    a new 款 starts indented by two characters, a continuation line does not.
Text where most lines are not wrapped to one width is read one 款 per line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from kg.errors import ParseError
from kg.hierarchy import article_key, eid, path
from kg.model import (
    Article,
    Chapter,
    Item,
    Metadata,
    Paragraph,
    Regulation,
    Section,
    Span,
    Subitem,
    article_citation,
    item_citation,
    paragraph_citation,
)
from kg.numerals import NUMERAL_CLASS, cn_to_int

N = f"{NUMERAL_CLASS}+"
SPACE_CHARS = " \t\u3000\u00a0"
SPACE = f"[{SPACE_CHARS}]"
RE_PAGE_NUMBER = re.compile(rf"^{SPACE}*[—－\-–~～]+{SPACE}*[0-9０-９]+{SPACE}*[—－\-–~～]*{SPACE}*$")
RE_CHAPTER = re.compile(rf"^第({N})章(?:{SPACE}+|$)(.*)$")
RE_SECTION = re.compile(rf"^第({N})节(?:{SPACE}+|$)(.*)$")
RE_ARTICLE = re.compile(rf"^第({N})条(?:之({N}))?(?:{SPACE}+|(?=[^{SPACE}]))(.*)$")
RE_ORDINAL = re.compile(rf"^({N})、(.*)$")
RE_ITEM = re.compile(rf"^([（(]({N})[）)])(.*)$")
RE_SUBITEM = re.compile(r"^((\d+)[.．](?!\d)|[（(](\d+)[）)])(.*)$")
RE_TOC = re.compile(rf"^目{SPACE}*录$")
RE_TRAILER = re.compile(rf"^(主送|抄送|抄报|分送|印发|附件)[:：{SPACE_CHARS}]|^.{{0,40}}\d{{4}}年\d{{1,2}}月\d{{1,2}}日印发$")
HEADING_MAX_UNITS = 60
END_PUNCT = "。！？；：!?;:"


def display_width(text: str) -> int:
    """Width in half-width units: CJK and full-width forms count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def is_cjk(char: str) -> bool:
    """True for CJK ideographs and full-width punctuation/forms."""
    return unicodedata.east_asian_width(char) in "WF"


_STRAY_SPACE = re.compile(rf"{SPACE}+")


def clean(text: str) -> str:
    """Drop spaces next to a CJK character; keep one between Latin words.

    >>> clean("2022 年 2 月 28 日 区政府第 2次 互为 AB 角 SPARQL  endpoint")
    '2022年2月28日区政府第2次互为AB角SPARQL endpoint'
    """
    def repl(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not before or not after or is_cjk(before) or is_cjk(after):
            return ""
        return " "
    return _STRAY_SPACE.sub(repl, text)


@dataclass
class _Line:
    text: str      # stripped
    start: int     # offset of text in source
    end: int
    width: int


def _lines(source: str) -> list[_Line]:
    """Non-blank, non-page-number lines with their source offsets."""
    out, pos = [], 0
    for raw in source.split("\n"):
        stripped = raw.strip(" \t\r\u3000\u00a0\ufeff")
        if stripped and not RE_PAGE_NUMBER.match(stripped):
            start = pos + raw.index(stripped)
            out.append(_Line(stripped, start, start + len(stripped), display_width(stripped)))
        pos += len(raw) + 1
    return out


def _measure(lines: list[_Line]) -> int | None:
    """The line width the text was wrapped at, or None when it is not wrapped.

    A line that ends mid-sentence was cut by the wrap, so it runs full width:
    when enough lines do, their most common width is the line width.
    """
    cut = [line.width for line in lines
           if line.text[-1] not in END_PUNCT and not _HEADING_START.match(line.text)]
    if len(cut) < 3 or len(cut) < 0.25 * len(lines):
        return None
    widths = Counter(cut)
    return max(widths, key=lambda w: (widths[w], w))


_HEADING_START = re.compile(rf"^(第{N}[章节编]|目{SPACE}*录)")


def _num(text: str) -> int:
    return cn_to_int(text)


# ---------------------------------------------------------------- building


@dataclass
class _Block:
    """Lines being collected into one node's text."""

    lines: list[_Line] = field(default_factory=list)
    first_offset: int = 0  # where the node's own text starts in the first line

    def add(self, line: _Line, skip: int = 0) -> None:
        if not self.lines:
            self.first_offset = skip
        self.lines.append(line)

    def text(self) -> str:
        parts: list[str] = []
        for i, line in enumerate(self.lines):
            piece = line.text[self.first_offset:] if i == 0 else line.text
            if parts and parts[-1] and piece and not is_cjk(parts[-1][-1]) and not is_cjk(piece[0]):
                parts.append(" ")
            parts.append(piece)
        return clean("".join(parts)).strip()

    def span(self) -> Span:
        if not self.lines:
            return Span(0, 0)
        return Span(self.lines[0].start + self.first_offset, self.lines[-1].end)


@dataclass
class _SubitemB:
    number: int
    marker: str
    block: _Block


@dataclass
class _ItemB:
    number: int
    marker: str
    block: _Block
    subitems: list[_SubitemB] = field(default_factory=list)


@dataclass
class _ParagraphB:
    block: _Block
    items: list[_ItemB] = field(default_factory=list)


@dataclass
class _ArticleB:
    number: int
    suffix: int | None
    label: str
    label_line: _Line
    chapter: int | None
    section: int | None
    paragraphs: list[_ParagraphB] = field(default_factory=list)


@dataclass
class _HeadingB:
    number: int
    title: str
    line: _Line


class _Parser:
    def __init__(self, source: str, meta: Metadata):
        self.source = source
        self.meta = meta
        self.lines = _lines(source)
        self.scheme = self._scheme()
        self.width = _measure(self.lines)
        self.articles: list[_ArticleB] = []
        self.chapters: list[_HeadingB] = []
        self.sections: list[tuple[int, _HeadingB]] = []  # (chapter number, heading)

    # -- scheme and body bounds

    def _scheme(self) -> str:
        if any(RE_ARTICLE.match(l.text) and _num(RE_ARTICLE.match(l.text).group(1)) == 1
               for l in self.lines):
            return "tiao"
        seen_chapter = False
        for line in self.lines:
            if RE_CHAPTER.match(line.text):
                seen_chapter = True
            m = RE_ORDINAL.match(line.text)
            if seen_chapter and m and _num(m.group(1)) == 1:
                return "ordinal"
        raise ParseError("未找到任何条文（第一条 或 章内的“一、”） / "
                         "no articles found (neither 第一条 nor 一、 inside a 第一章)")

    def _is_first_article(self, line: _Line) -> bool:
        if self.scheme == "tiao":
            m = RE_ARTICLE.match(line.text)
            return bool(m) and _num(m.group(1)) == 1 and not m.group(2)
        m = RE_ORDINAL.match(line.text)
        return bool(m) and _num(m.group(1)) == 1

    def _body_start(self) -> int:
        """Index of the first body line: the 第一章 heading before the first article.

        Taking the last 第一章 before the first article skips a 目录 that repeats
        the chapter headings.
        """
        if self.scheme == "ordinal":
            # 一、 also numbers lists in a cover notice: start after the first 第一章.
            first_chapter = next(i for i, l in enumerate(self.lines) if self._chapter_no(l) == 1)
            tail = self.lines[first_chapter:]
            toc_end = first_chapter
            for i, l in enumerate(tail):
                if self._is_first_article(l):
                    break
                if self._chapter_no(l) == 1:
                    toc_end = first_chapter + i
            return toc_end
        first_article = next(i for i, l in enumerate(self.lines) if self._is_first_article(l))
        start = first_article
        for i in range(first_article - 1, -1, -1):
            if self._chapter_no(self.lines[i]) == 1 or (
                    self._section_no(self.lines[i]) == 1 and start == first_article):
                start = i
                if self._chapter_no(self.lines[i]) == 1:
                    break
        return start

    def _chapter_no(self, line: _Line) -> int | None:
        m = RE_CHAPTER.match(line.text)
        if m and self._heading_like(line):
            return _num(m.group(1))
        return None

    def _section_no(self, line: _Line) -> int | None:
        m = RE_SECTION.match(line.text)
        if m and self._heading_like(line):
            return _num(m.group(1))
        return None

    @staticmethod
    def _heading_like(line: _Line) -> bool:
        return line.width <= HEADING_MAX_UNITS and line.text[-1] not in "。，；：,;:"

    # -- paragraph layout

    def _ends_paragraph(self, i: int, body: list[_Line]) -> bool:
        """Does body[i] close its 款 (given that body[i+1] is plain text)?"""
        line = body[i]
        if line.text[-1] not in END_PUNCT:
            return False
        if self.width is None:
            return True
        if line.width < self.width - 5:
            return True
        if i + 1 >= len(body):
            return True
        # Full-width line ending a sentence: a new 款 starts indented.
        return body[i + 1].width <= self.width - 3

    # -- main loop

    def parse(self) -> Regulation:
        start = self._body_start()
        body = self.lines[start:]
        trailer_at = len(body)
        chapter_no: int | None = None
        section_no: int | None = None
        article: _ArticleB | None = None
        close_paragraph = False
        for i, line in enumerate(body):
            text = line.text
            if article is not None and RE_TRAILER.match(text):
                trailer_at = i
                break
            heading = self._heading(line, chapter_no, section_no)
            if heading:
                kind, number, title = heading
                if kind == "chapter":
                    chapter_no, section_no = number, None
                    self.chapters.append(_HeadingB(number, title, line))
                else:
                    section_no = number
                    self.sections.append((chapter_no, _HeadingB(number, title, line)))
                article = None
                close_paragraph = False
                continue
            started = self._article_start(line, chapter_no, section_no)
            if started:
                article = started
                self.articles.append(article)
                close_paragraph = False
            elif article is None:
                if self.articles or chapter_no is None:
                    raise ParseError(f"第{self._line_no(line)}行：条文之外的文字 / "
                                     f"line {self._line_no(line)}: text outside any article: {text[:30]}")
                continue  # a chapter preamble: kept in the source, not in an article
            else:
                self._continue_article(article, line, close_paragraph)
            close_paragraph = self._ends_paragraph(i, body) if i + 1 < len(body) else False
        self.front = "\n".join(l.text for l in self.lines[:start])
        self.trailer = "\n".join(l.text for l in body[trailer_at:])
        return self._freeze()

    def _line_no(self, line: _Line) -> int:
        return self.source.count("\n", 0, line.start) + 1

    def _heading(self, line: _Line, chapter_no, section_no):
        n = self._chapter_no(line)
        if n is not None and n == (chapter_no or 0) + 1:
            return "chapter", n, clean(RE_CHAPTER.match(line.text).group(2)).strip()
        n = self._section_no(line)
        if n is not None and n == (section_no or 0) + 1:
            return "section", n, clean(RE_SECTION.match(line.text).group(2)).strip()
        return None

    def _article_start(self, line: _Line, chapter_no, section_no) -> _ArticleB | None:
        prev = self.articles[-1] if self.articles else None
        if self.scheme == "tiao":
            m = RE_ARTICLE.match(line.text)
            if not m:
                return None
            number = _num(m.group(1))
            suffix = _num(m.group(2)) if m.group(2) else None
            expected = {(1, None)} if prev is None else {(prev.number + 1, None),
                                                         (prev.number, (prev.suffix or 0) + 1)}
            if (number, suffix) not in expected:
                return None
            label = line.text[:m.start(3)].strip()
            art = _ArticleB(number, suffix, label, line, chapter_no, section_no)
            self._new_paragraph(art, line, m.start(3))
            return art
        m = RE_ORDINAL.match(line.text)
        if not m or chapter_no is None:
            return None
        number = _num(m.group(1))
        if number != (prev.number + 1 if prev else 1):
            return None
        art = _ArticleB(number, None, line.text[:m.start(2)], line, chapter_no, section_no)
        self._new_paragraph(art, line, m.start(2))
        return art

    @staticmethod
    def _new_paragraph(article: _ArticleB, line: _Line, skip: int = 0) -> None:
        block = _Block()
        block.add(line, skip)
        article.paragraphs.append(_ParagraphB(block))

    def _continue_article(self, article: _ArticleB, line: _Line, close_paragraph: bool) -> None:
        paragraph = article.paragraphs[-1]
        item = paragraph.items[-1] if paragraph.items else None
        m = RE_ITEM.match(line.text)
        if m and _num(m.group(2)) == (item.number + 1 if item else 1) and (item or close_paragraph):
            block = _Block()
            block.add(line, m.start(3))
            paragraph.items.append(_ItemB(_num(m.group(2)), m.group(1), block))
            return
        if item is not None:
            sub = item.subitems[-1] if item.subitems else None
            m = RE_SUBITEM.match(line.text)
            if m:
                number = int(m.group(2) or m.group(3))
                if number == (sub.number + 1 if sub else 1) and (sub or close_paragraph):
                    block = _Block()
                    block.add(line, m.start(4))
                    item.subitems.append(_SubitemB(number, m.group(1), block))
                    return
        if close_paragraph:
            self._new_paragraph(article, line)
        elif item is not None:
            (item.subitems[-1].block if item.subitems else item.block).add(line)
        else:
            paragraph.block.add(line)

    # -- freezing into the public dataclasses

    def _freeze(self) -> Regulation:
        frozen: dict[int, Article] = {}
        for a in self.articles:
            frozen[id(a)] = self._freeze_article(a)
        arts = [frozen[id(a)] for a in self.articles]
        chapters = []
        for ch in self.chapters:
            chp = ("chapter", ch.number)
            secs = []
            for chap_no, sec in self.sections:
                if chap_no != ch.number:
                    continue
                sec_step = ("section", sec.number)
                secs.append(Section(sec.number, sec.title, Span(sec.line.start, sec.line.end),
                                    path(chp, sec_step), eid(chp, sec_step),
                                    tuple(a for a in arts if a.chapter == ch.number
                                          and a.section == sec.number)))
            direct = tuple(a for a in arts if a.chapter == ch.number and a.section is None)
            chapters.append(Chapter(ch.number, ch.title, Span(ch.line.start, ch.line.end), path(chp),
                                    eid(chp), tuple(secs), direct))
        outside = tuple(a for a in arts if a.chapter is None)
        return Regulation(self.meta, self.source, self.scheme, tuple(chapters), outside,
                          self.front, self.trailer)

    def _freeze_article(self, a: _ArticleB) -> Article:
        citation = article_citation(a.number, a.suffix)
        art = ("article", article_key(a.number, a.suffix))
        paragraphs = []
        count = len(a.paragraphs)
        for pn, p in enumerate(a.paragraphs, 1):
            par = ("paragraph", pn)
            items = []
            for it in p.items:
                pnt = ("point", it.number)
                icite = item_citation(citation, pn, it.number, count > 1)
                subs = tuple(
                    Subitem(s.number, s.marker, s.block.text(), s.block.span(),
                            f"{icite}第{s.number}目", eid(art, par, pnt, ("subpoint", s.number)),
                            path(art, par, pnt, ("subpoint", s.number)))
                    for s in it.subitems)
                items.append(Item(it.number, it.marker, it.block.text(), it.block.span(), icite,
                                  item_citation(citation, pn, it.number, True), eid(art, par, pnt),
                                  path(art, par, pnt), subs))
            end = max([p.block.span().end] + [i.span.end for i in items]
                      + [s.span.end for i in items for s in i.subitems])
            span = Span(p.block.span().start, end)
            paragraphs.append(Paragraph(pn, p.block.text(), span, paragraph_citation(citation, pn),
                                        eid(art, par), path(art, par), tuple(items)))
        span = Span(a.label_line.start, paragraphs[-1].span.end)
        return Article(a.number, a.label, span, citation, eid(art), path(art), tuple(paragraphs), a.suffix,
                       a.chapter, a.section)


def segment(source: str, meta: Metadata) -> Regulation:
    """Parse raw regulation text; raises ParseError (bilingual message) on text it cannot read."""
    if not isinstance(source, str):
        raise ParseError("输入不是文本 / input is not text")
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    return _Parser(source, meta).parse()
