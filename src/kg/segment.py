"""Raw regulation text -> Regulation tree, repairing extraction debris and layout slips.

>>> reg = segment("第一条 总则。\\n第二条 细则。", Metadata(id="demo", title="示例"))
>>> [a.citation for a in reg.articles()]
['第一条', '第二条']

Lines are classified in kg.layout; here they become a tree. Headings (编 分编 章 节) are
found by their label wherever they stand, in or out of sequence, and a 一、 line between
two 条 is a heading of a judicial interpretation. A heading the source printed without
its label is still a heading: a short line with no punctuation between two articles, or
right under a 章 before its 第二节, takes the level and number it fills; a short line under
a heading otherwise continues its title. 条 follow their numbering: a gap, a misspelt
label or one that runs on after the previous sentence is accepted when the next label
confirms it. Every repair is reported in Regulation.warnings; text that still cannot be
read is a ParseError.

Paragraph (款) rule for hard-wrapped text: lines are measured in display
units (CJK = 2).  A 款 ends after a line ending in 。！？；： when
  * the line stops short of the measured line width, or
  * the next line starts an item, article or heading, or
  * (the ambiguous case) the line runs full width and the next line does not:
    a new 款 starts indented by two characters, a continuation line does not.
Text where most lines are not wrapped to one width is read one 款 per line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from kg.errors import ParseError, bilingual
from kg.hierarchy import BY_NAME, Step, article_key, cite, eid, path
from kg.layout import (
    BLANK_CHARS,
    END_PUNCT,
    HEADING_LEVELS,
    HEADING_MAX_UNITS,
    INVISIBLE_RE,
    RE_ITEM,
    RE_MISSPELT,
    RE_NOTE,
    RE_ORDINAL,
    RE_RUN_ON,
    RE_SUBITEM,
    RE_TRAILER,
    Label,
    Line,
    clean,
    ends_sentence,
    is_cjk,
    label,
    lines,
    measure,
    plain_title,
    title_like,
)
from kg.model import (
    Article,
    Chapter,
    Division,
    Item,
    Metadata,
    Node,
    Paragraph,
    Regulation,
    Section,
    Span,
    Subitem,
    article_citation,
    item_citation,
    paragraph_citation,
)
from kg.numerals import cn_to_int

# Heading levels from the outermost in; a heading closes every open heading of its rank or deeper.
RANK = {"book": 0, "part": 1, "chapter": 2, "section": 3, "division": 4}
# When a heading opens, the numbering of a deeper level starts again ("reset") or may
# either start again or carry on (chapters inside 编 do both in real codes).
RESETS = {"book": {"part": "reset", "chapter": "either", "section": "reset"},
          "part": {"chapter": "either", "section": "reset"},
          "chapter": {"section": "reset"}}
MAX_ARTICLE_GAP = 20
# How far a paragraph inside an item may run (hard-wrapped lines) before the list goes on.
MAX_ITEM_PARAGRAPH_LINES = 6


def is_next(previous: int | None, number: int) -> bool:
    """The one rule for numbering at every level: after n comes n + 1, and first comes 1.

    >>> is_next(None, 1), is_next(3, 4), is_next(3, 5)
    (True, True, False)
    """
    return number == (previous or 0) + 1


def _jump(level: str, before: int | None, after: int) -> str:
    zh, en = BY_NAME[level].zh, level
    if before is None:
        return bilingual(f"首个{zh}标题为{cite(level, after)}", f"the first {en} heading is {en} {after}")
    if after <= before:
        return bilingual(f"{zh}号重复或倒退：{cite(level, before)} → {cite(level, after)}",
                         f"{en} numbers repeat or go back: {before} → {after}")
    return bilingual(f"{zh}号跳号：{cite(level, before)} → {cite(level, after)}",
                     f"{en} numbers jump: {before} → {after}")


# ---------------------------------------------------------------- building


@dataclass
class _Block:
    """Lines being collected into one node's text."""

    lines: list[Line] = field(default_factory=list)
    first_offset: int = 0  # where the node's own text starts in the first line

    def add(self, line: Line, skip: int = 0) -> None:
        if not self.lines:
            self.first_offset = skip
        self.lines.append(line)

    def text(self) -> str:
        parts: list[str] = []
        for i, line in enumerate(self.lines):
            piece = INVISIBLE_RE.sub("", line.text[self.first_offset:] if i == 0 else line.text)
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
    label_line: Line
    chapter: int | None
    section: int | None
    paragraphs: list[_ParagraphB] = field(default_factory=list)


@dataclass
class _HeadingB:
    """An open 编/分编/章/节/一、 heading and what has been read under it."""

    level: str
    number: int
    label: str
    title: str
    lines: list[Line]
    children: list = field(default_factory=list)  # _HeadingB | _ArticleB, in order


class _Numbering:
    """The last number seen at each heading level, and whether the next may restart at 1."""

    def __init__(self) -> None:
        self.last: dict[str, int | None] = {}
        self.may_restart: set[str] = set()

    def expected(self, level: str, number: int) -> bool:
        last = self.last.get(level)
        return is_next(last, number) or (level in self.may_restart and number == 1)

    def take(self, level: str, number: int) -> None:
        self.last[level] = number
        self.may_restart.discard(level)
        for deeper, how in RESETS.get(level, {}).items():
            if how == "reset":
                self.last[deeper] = None
            else:
                self.may_restart.add(deeper)


class _Parser:
    def __init__(self, source: str, meta: Metadata):
        self.source = source
        self.meta = meta
        self.warnings: list[str] = []
        self.lines = lines(source)
        self.labels = [label(line.text) for line in self.lines]
        self._split_run_on_articles()
        self.width = measure(self.lines, self.labels)
        self.article_lines = [i for i, lab in enumerate(self.labels) if lab and lab.level == "article"]
        self.next_article_line = self._next_article_lines()
        self.scheme, self.first = self._scheme()
        self.excerpt = self.scheme == "tiao" and self._lab(self.first).number != 1
        self.articles: list[_ArticleB] = []
        self.top: list = []                 # top-level _HeadingB | _ArticleB
        self.stack: list[_HeadingB] = []    # open headings, outermost first
        self.numbering = _Numbering()

    def _split_run_on_articles(self) -> None:
        """Give an article whose label runs on after the last sentence of the one before
        (…的继续教育。 第十八条继续教育…) a line of its own, when the labels at line starts
        skip exactly that number."""
        at_start = {lab.number for lab in self.labels if lab and lab.level == "article" and not lab.suffix}
        if not at_start:
            return
        last = max(at_start)
        lines = []
        for line in self.lines:
            cut = 0
            for m in RE_RUN_ON.finditer(line.text):
                n = cn_to_int(m.group(1))
                if n in at_start or n - 1 not in at_start or (n + 1 not in at_start and n - 1 != last):
                    continue
                head = line.text[cut:m.start() + 1]
                lines.append(Line(head, line.start + cut, line.start + cut + len(head)))
                cut = m.end()
                at_start.add(n)
                no = self._line_no(line)
                self.warnings.append(bilingual(
                    f"第{no}行：{article_citation(n)}接在上一条的句末，已另起",
                    f"line {no}: article {n} ran on after the sentence before it; "
                    f"it starts an article of its own"))
            tail = line.text[cut:]
            lines.append(Line(tail, line.start + cut, line.end) if cut else line)
        if len(lines) != len(self.lines):
            self.lines = lines
            self.labels = [label(line.text) for line in lines]

    def _lab(self, i: int) -> Label:
        """The label of a line known to carry one (an article or heading line)."""
        lab = self.labels[i]
        assert lab is not None, f"line {i} has no label"
        return lab

    def _next_article_lines(self) -> list[int | None]:
        """For each line, the index of the next line (after it) that carries a 第X条 label."""
        out: list[int | None] = [None] * len(self.lines)
        nxt = None
        for i in range(len(self.lines) - 1, -1, -1):
            out[i] = nxt
            lab = self.labels[i]
            if lab and lab.level == "article":
                nxt = i
        return out

    # -- scheme and body bounds

    def _scheme(self) -> tuple[str, int]:
        """The numbering scheme and the index of the first article's line."""
        for i in self.article_lines:
            if (self._lab(i).number, self._lab(i).suffix) == (1, None):
                return "tiao", i
        for i in self.article_lines:
            lab, j = self._lab(i), self.next_article_line[i]
            if lab.spaced and j is not None and self._continues(lab, self._lab(j)):
                self.warnings.append(bilingual(
                    f"节选：条文从{article_citation(lab.number, lab.suffix)}开始",
                    f"an excerpt: the articles start at article {lab.number}"))
                return "tiao", i
        seen_chapter = False
        for i, (line, found) in enumerate(zip(self.lines, self.labels, strict=True)):
            if found and found.level == "chapter":
                seen_chapter = True
            m = RE_ORDINAL.match(line.text)
            if seen_chapter and m and cn_to_int(m.group(1)) == 1:
                return "ordinal", i
        raise ParseError("未找到任何条文（第一条 或 章内的“一、”） / "
                         "no articles found (neither 第一条 nor 一、 inside a 第一章)")

    @staticmethod
    def _continues(lab: Label, nxt: Label) -> bool:
        """Does label `nxt` come right after `lab` (n+1, or n之一 after n)?"""
        if nxt.suffix is None:
            return is_next(lab.number, nxt.number)
        return nxt.number == lab.number and is_next(lab.suffix, nxt.suffix)

    def _heading_rank(self, i: int) -> int | None:
        """The rank of line i when it is a heading that may open the body."""
        lab = self.labels[i]
        if lab and lab.level in HEADING_LEVELS and self._heading_title(i) is not None:
            return RANK[lab.level]
        if self.scheme == "tiao" and self._division_title(i, first=True) is not None:
            return RANK["division"]
        return None

    def _body_start(self) -> int:
        """Index of the first body line: the headings right above the first article.

        Walking up from the first article, each heading must be of a higher level than
        the one below it (节, then 章, then 分编, then 编), so a 目录 that repeats the
        chapter headings stays in the front matter. The second line of a wrapped title,
        or a note in brackets under a heading, is crossed.
        """
        if self.scheme == "ordinal":
            # 一、 also numbers lists in a cover notice: start after the first 第一章.
            chapter_one = [i for i, lab in enumerate(self.labels[:self.first])
                           if lab and lab.level == "chapter" and lab.number == 1
                           and self._heading_title(i) is not None]
            return chapter_one[-1] if chapter_one else self.first
        start, rank = self.first, len(RANK)
        j = self.first - 1
        while j >= 0:
            r = self._heading_rank(j)
            if r is not None and r < rank:
                start, rank, j = j, r, j - 1
                continue
            above = self._heading_rank(j - 1) if j > 0 else None
            if r is None and above is not None and above < rank and self.labels[j] is None \
                    and (RE_NOTE.match(self.lines[j].text) or title_like(self.lines[j].text, True)
                         and self._title_goes_on(j - 1)):
                j -= 1
                continue
            break
        if start == self.first >= 2 and self._chapter_one_unlabelled(start - 1):
            return start - 1
        return start

    def _chapter_one_unlabelled(self, j: int) -> bool:
        """Is line j, right above the first article, the title of a 第一章 whose label is lost?
        Only in a text whose first labelled 章 is a later one, and never the document title."""
        text = clean(self.lines[j].text).strip()
        ahead = self._next_heading(j)
        return self.labels[j] is None and plain_title(text) \
            and text not in (clean(self.lines[0].text).strip(), clean(self.meta.title)) \
            and ahead is not None and ahead.level == "chapter" and ahead.number > 1

    def _title_goes_on(self, i: int) -> bool:
        """Does the heading on line i leave its title to the next line (第一章, 第五章 卷烟纸、)?"""
        title = self._heading_title(i) if self.labels[i] else None
        return title is not None and (not title or title[-1] in "、和与及的或")

    def _heading_title(self, i: int) -> str | None:
        """The title when line i is a 编/分编/章/节 heading, else None."""
        line, lab = self.lines[i], self.labels[i]
        if lab is None or lab.level not in HEADING_LEVELS or line.width > HEADING_MAX_UNITS:
            return None
        title = line.text[lab.end:]
        if title and not title_like(title):
            return None
        if self.width is not None and i > 0 and self._cut_mid_sentence(i - 1):
            return None  # a wrapped sentence that goes on with 第三章的规定…
        return clean(title).strip()

    def _cut_mid_sentence(self, i: int) -> bool:
        line, lab = self.lines[i], self.labels[i]
        if self.width is None:
            return False
        return line.text[-1] not in END_PUNCT and line.width >= self.width - 4 \
            and not (lab and lab.level in HEADING_LEVELS)

    def _division_title(self, i: int, first: bool = False) -> str | None:
        """The title when line i is a 一、 heading between articles (judicial interpretations)."""
        m = RE_ORDINAL.match(self.lines[i].text)
        if not m or not title_like(m.group(2)) or not m.group(2):
            return None
        number = cn_to_int(m.group(1))
        # An excerpt may start in any part; a whole text starts at 一、 and counts on.
        in_order = number == 1 if first else self.numbering.expected("division", number)
        if not in_order and not (self.excerpt and self.numbering.last.get("division") is None):
            return None
        if i + 1 >= len(self.lines):
            return None
        following = self.labels[i + 1]
        if following is None and not RE_MISSPELT.match(self.lines[i + 1].text) \
                or following is not None and following.level == "article" and not following.spaced:
            return None
        # After a sentence, not after 下列…： (that 一、 is the first entry of a list).
        if not first and i > self.start and not ends_sentence(self.lines[i - 1].text) \
                and not self._heading_title(i - 1):
            return None
        return clean(m.group(2)).strip()

    # -- paragraph layout

    def _ends_paragraph(self, i: int) -> bool:
        """Does line i close its 款 (given that line i+1 is plain text)?"""
        line = self.lines[i]
        if line.text[-1] not in END_PUNCT:
            return False
        if self.width is None:
            return True
        if line.width < self.width - 5:
            return True
        if i + 1 >= len(self.lines):
            return True
        # Full-width line ending a sentence: a new 款 starts indented.
        return self.lines[i + 1].width <= self.width - 3

    # -- main loop

    def parse(self) -> Regulation:
        start = self.start = self._body_start()
        end = len(self.lines)
        article: _ArticleB | None = None
        close_paragraph = False
        for i in range(start, len(self.lines)):
            line = self.lines[i]
            if article is not None and self._trailer_starts(i):
                end = i
                break
            if self._heading(i):
                article, close_paragraph = None, False
                continue
            started = self._article_start(i)
            if started:
                article = started
                close_paragraph = False
            elif (level := self._unlabelled_level(i)) and (article is not None or i == start):
                self._open_unlabelled(i, level)
                article, close_paragraph = None, False
                continue
            elif article is None:
                self._orphan(i)
                continue
            else:
                self._continue_article(article, line, close_paragraph and not self._list_resumes(i, article))
            close_paragraph = self._ends_paragraph(i) if i + 1 < len(self.lines) else False
        self.front = "\n".join(line.text for line in self.lines[:start])
        before = [lab.number for lab in self.labels[:start] if lab and lab.level == "article"]
        if before and self.scheme != "ordinal":
            # 第三条 written above 第一条 is front matter here: say so rather than drop it unseen
            shown = "、".join(article_citation(n) for n in before[:5])
            self.warnings.append(bilingual(
                f"{shown}在第一条之前，按前言处理，未计入条文",
                f"{shown} come before the first article and are read as front matter, not as articles"))
        self.trailer = "\n".join(line.text for line in self.lines[end:])
        return self._freeze()

    def _list_resumes(self, i: int, article: _ArticleB) -> bool:
        """Is plain line i a paragraph inside the last item, the list going on after it?
        (三)签署立法会通过的法案，公布法律；/ 签署立法会通过的财政预算案，…；/ (四)决定政府政策…:
        the next item in sequence comes within a few lines, before any other label."""
        items = article.paragraphs[-1].items
        text = self.lines[i].text
        if not items or RE_ITEM.match(text) or RE_SUBITEM.match(text):
            return False   # an item or a 目 of its own
        for j in range(i + 1, min(i + 1 + MAX_ITEM_PARAGRAPH_LINES, len(self.lines))):
            m = RE_ITEM.match(self.lines[j].text)
            if m:
                return is_next(items[-1].number, cn_to_int(m.group(2))) and self._ends_paragraph(j - 1)
            if self.labels[j] or RE_ORDINAL.match(self.lines[j].text):
                return False   # an article or a heading comes first
        return False

    def _trailer_starts(self, i: int) -> bool:
        """Does the trailer start at line i (or at the annex title right above its 附图：)?"""
        if RE_TRAILER.match(self.lines[i].text):
            return True
        return i + 1 < len(self.lines) and self.labels[i] is None \
            and plain_title(clean(self.lines[i].text)) and bool(RE_TRAILER.match(self.lines[i + 1].text))

    def _line_no(self, line: Line) -> int:
        return self.source.count("\n", 0, line.start) + 1

    # -- headings

    def _heading(self, i: int) -> bool:
        """Open a heading when line i is one (labelled, or a 一、 heading between articles)."""
        lab = self.labels[i]
        if lab and lab.level in HEADING_LEVELS:
            title = self._heading_title(i)
            if title is None:
                return False
            self._open(lab.level, lab.number, clean(self.lines[i].text[:lab.end]).strip(), title,
                       self.lines[i])
            return True
        if self.scheme == "tiao" and not any(h.level in ("chapter", "section") for h in self.stack):
            title = self._division_title(i)
            if title is not None:
                m = RE_ORDINAL.match(self.lines[i].text)
                assert m is not None  # _division_title found the ordinal
                self._open("division", cn_to_int(m.group(1)), m.group(1) + "、", title, self.lines[i])
                return True
        return False

    def _open(self, level: str, number: int, label: str, title: str, line: Line) -> _HeadingB:
        if not self.numbering.expected(level, number):
            self.warnings.append(_jump(level, self.numbering.last.get(level), number))
        self.numbering.take(level, number)
        while self.stack and RANK[self.stack[-1].level] >= RANK[level]:
            self.stack.pop()
        heading = _HeadingB(level, number, label, title, [line])
        (self.stack[-1].children if self.stack else self.top).append(heading)
        self.stack.append(heading)
        return heading

    def _orphan(self, i: int) -> None:
        """A line after a heading and before the first article under it."""
        line = self.lines[i]
        heading = self.stack[-1] if self.stack else None
        if heading is not None and not heading.children and len(heading.lines) < 3 \
                and title_like(line.text, continued=True) and self.labels[i] is None \
                and not RE_NOTE.match(line.text):
            if heading.level == "chapter" and (not heading.label or self._sections_ahead(i)):
                title = clean(line.text).strip()
                self.warnings.append(bilingual(
                    f"{cite('chapter', heading.number)}的第一节没有“第一节”字样，按标题“{title}”补出",
                    f"chapter {heading.number}: the first section has no label; "
                    f"its title {title} was read as section 1"))
                self._open("section", 1, "", title, line)
            else:
                heading.title += clean(line.text).strip()  # a title wrapped onto a second line
                heading.lines.append(line)
            return
        if self.articles or not self.stack:
            raise ParseError(bilingual(f"第{self._line_no(line)}行：条文之外的文字：{line.text[:30]}",
                                       f"line {self._line_no(line)}: text outside any article: "
                                       f"{line.text[:30]}"))
        # A note under the first heading, before 第一条: kept in the source, not in an article.

    def _sections_ahead(self, i: int) -> bool:
        """Does this chapter go on with 节 headings that do not start at 第一节?"""
        ahead = self._next_heading(i)
        return ahead is not None and ahead.level == "section" and ahead.number > 1

    def _unlabelled_level(self, i: int) -> str | None:
        """The level of line i when it is a heading whose 第X章/第X节 label the source left out.

        Such a line is short, has no punctuation, follows a finished sentence and comes
        right before the next article or a 第一节. It takes the level whose numbering it
        fills: before 第一节 it is a 章; of the unlabelled titles up to the next labelled
        heading, the last ones fill the numbers that heading skips and the ones before
        them are 节 (while a 章 is open); otherwise a 章 — or, in a text divided into 编, a
        heading beside the 编 ("division").
        """
        line = self.lines[i]
        if self.labels[i] or i + 1 >= len(self.lines) or not plain_title(clean(line.text).strip()):
            return None
        if i > self.start and not ends_sentence(self.lines[i - 1].text):
            return None
        nxt = self.labels[i + 1]
        if nxt and nxt.level == "section" and nxt.number == 1 and self._heading_title(i + 1) is not None:
            return "chapter"
        if not self._next_article_follows(i + 1):
            # Two title lines, both unlabelled: a 章 and the first 节 in it.
            pair = nxt is None and i + 2 < len(self.lines) \
                and plain_title(clean(self.lines[i + 1].text).strip())
            return "chapter" if pair and self._next_article_follows(i + 2) else None
        if any(h.level == "book" for h in self.stack) and self._next_heading(i) is None:
            return "division"  # 附则 after the last 编: a heading of its own, outside the 编
        in_section = bool(self.stack) and self.stack[-1].level == "section"
        j = self._next_heading_lines[i]
        ahead = self.labels[j] if j is not None else None
        if ahead is None or ahead.level not in ("chapter", "section") \
                or not any(h.level == "chapter" for h in self.stack):
            return "chapter"  # a 节 needs a 章 to be in; at the end of the text 章 are the rule
        assert j is not None  # ahead is the label on line j
        if ahead.level == "section" and ahead.number == 1:
            return "chapter"  # the 节 start again further on: this opens a new 章
        # Of the unlabelled titles up to the next labelled heading, the last ones fill the
        # numbers that heading skips at its own level; the ones before them are 节.
        missing = ahead.number - 1 - (self.numbering.last.get(ahead.level) or 0)
        before_next = self._title_lines[j] - self._title_lines[i]
        if ahead.level == "section" or in_section:
            return ahead.level if before_next <= missing else "section"
        return "chapter"

    def _misspelt_fits(self, i: int, prev: _ArticleB | None) -> bool:
        """Could a misspelt label on line i be the article after `prev`: is the next label the
        one after it (or its 之一), or is there none?"""
        j = self.next_article_line[i]
        return prev is not None and not prev.suffix and (
            j is None or (self._lab(j).number, self._lab(j).suffix) in {(prev.number + 2, None),
                                                                            (prev.number + 1, 1)})

    def _next_article_follows(self, j: int) -> bool:
        """Does line j start the article after the last one read?"""
        lab, prev = self.labels[j], (self.articles[-1] if self.articles else None)
        if lab is None:
            return bool(RE_MISSPELT.match(self.lines[j].text)) and self._misspelt_fits(j, prev)
        if lab.level != "article":
            return False
        if prev is None:
            return j == self.first
        return self._continues(Label("article", prev.number, prev.suffix, 0, True), lab)

    @cached_property
    def _title_lines(self) -> list[int]:
        """How many lines before each line look like an unlabelled title between articles."""
        out, count = [0] * (len(self.lines) + 1), 0
        for i, line in enumerate(self.lines):
            out[i] = count
            nxt = self.labels[i + 1] if i + 1 < len(self.lines) else None
            if self.labels[i] is None and nxt and nxt.level == "article" and i > 0 \
                    and ends_sentence(self.lines[i - 1].text) and plain_title(clean(line.text).strip()):
                count += 1
        out[len(self.lines)] = count
        return out

    def _open_unlabelled(self, i: int, level: str) -> None:
        title = clean(self.lines[i].text).strip()
        number = (self.numbering.last.get(level) or 0) + 1
        if level == "chapter" and number == 1 and self.articles and not self.stack:
            number = 2  # the articles before it are a 第一章 (总则) that lost its heading
        zh = BY_NAME[level].zh
        self.warnings.append(bilingual(f"“{title}”是缺少“第X{zh}”字样的{zh}标题，按{cite(level, number)}处理",
                                       f"{title} is a {level} heading without its label: "
                                       f"taken as {level} {number}"))
        if level == "division":
            self.stack.clear()
        self._open(level, number, "", title, self.lines[i])

    def _next_heading(self, i: int) -> Label | None:
        """The next labelled 编/分编/章/节 heading after line i."""
        j = self._next_heading_lines[i]
        return self.labels[j] if j is not None else None

    @cached_property
    def _next_heading_lines(self) -> list[int | None]:
        out: list[int | None] = [None] * len(self.lines)
        nxt = None
        for i in range(len(self.lines) - 1, -1, -1):
            out[i] = nxt
            lab = self.labels[i]
            if lab and lab.level in HEADING_LEVELS and self._heading_title(i) is not None:
                nxt = i
        return out

    # -- articles

    def _article_start(self, i: int) -> _ArticleB | None:
        line = self.lines[i]
        prev = self.articles[-1] if self.articles else None
        if self.scheme == "ordinal":
            m = RE_ORDINAL.match(line.text)
            if not m or not any(h.level == "chapter" for h in self.stack):
                return None
            number = cn_to_int(m.group(1))
            if not is_next(prev.number if prev else None, number):
                return None
            return self._new_article(number, None, line.text[:m.start(2)].strip(BLANK_CHARS), line,
                                     m.start(2))
        lab = self.labels[i]
        if lab is None:
            return self._misspelt_article(i, prev)
        if lab.level != "article":
            return None
        number, suffix = self._article_number(i, lab, prev)
        if number is None:
            return None
        return self._new_article(number, suffix, clean(line.text[:lab.end]).strip(), line, lab.end)

    def _article_number(self, i: int, lab: Label, prev: _ArticleB | None):
        """(number, suffix) when line i starts an article, else (None, None).

        The next number is taken as it stands. A gap is taken when the following label
        carries on from it; a label out of sequence whose follower carries on from the
        article before it is a typo, read as the number it should have.
        """
        if prev is None:
            return (lab.number, lab.suffix) if i == self.first else (None, None)
        last = Label("article", prev.number, prev.suffix, 0, True)
        if self._continues(last, lab):
            return lab.number, lab.suffix
        if not lab.spaced or (i > 0 and self.width is not None and self._cut_mid_sentence(i - 1)):
            return None, None
        j = self.next_article_line[i]
        follower = self.labels[j] if j is not None else None
        if lab.suffix is None and prev.number < lab.number <= prev.number + MAX_ARTICLE_GAP \
                and (follower is None or self._continues(lab, follower)):
            before, after = article_citation(prev.number, prev.suffix), article_citation(lab.number)
            self.warnings.append(bilingual(f"条文编号跳号：{before} → {after}",
                                           f"article numbers jump: {prev.number} → {lab.number}"))
            return lab.number, None
        if lab.suffix is None and follower is not None and follower.suffix is None \
                and follower.number == prev.number + 2:
            wrong, right = article_citation(lab.number, lab.suffix), article_citation(prev.number + 1)
            self.warnings.append(bilingual(f"条文编号有误：{wrong}应为{right}",
                                           f"article label out of sequence: {lab.number} read as "
                                           f"{prev.number + 1}"))
            return prev.number + 1, None
        # 第二条 again, or 第一千零一条 after 第二条: written as an article (spaced, at a line's start)
        # but out of sequence; its text stays in the article before, and the reader is told
        label, at = article_citation(lab.number, lab.suffix), article_citation(prev.number, prev.suffix)
        self.warnings.append(bilingual(
            f"{label}不合条文顺序（前一条是{at}），其文字并入{at}",
            f"{label} is out of sequence after {at}; its text is read as part of {at}"))
        return None, None

    def _misspelt_article(self, i: int, prev: _ArticleB | None) -> _ArticleB | None:
        """第三十－条: a label whose number cannot be read, between the article before it
        and the one after next (or last of all), is the article in between."""
        line = self.lines[i]
        m = RE_MISSPELT.match(line.text)
        after_heading = self.stack and self.stack[-1].lines[-1] is self.lines[i - 1]
        if not m or not self._misspelt_fits(i, prev) \
                or self.lines[i - 1].text[-1] not in END_PUNCT and not after_heading:
            return None
        assert prev is not None  # _misspelt_fits holds only after an article
        label = clean(m.group(0)).strip()
        self.warnings.append(bilingual(f"条文编号有误：{label}应为{article_citation(prev.number + 1)}",
                                       f"article label misspelt: {label} read as {prev.number + 1}"))
        return self._new_article(prev.number + 1, None, label, line, m.end())

    def _new_article(self, number: int, suffix: int | None, label: str, line: Line,
                     skip: int) -> _ArticleB:
        chapter = next((h.number for h in reversed(self.stack) if h.level == "chapter"), None)
        section = next((h.number for h in reversed(self.stack) if h.level == "section"), None)
        article = _ArticleB(number, suffix, label, line, chapter, section)
        self._new_paragraph(article, line, skip)
        (self.stack[-1].children if self.stack else self.top).append(article)
        self.articles.append(article)
        return article

    @staticmethod
    def _new_paragraph(article: _ArticleB, line: Line, skip: int = 0) -> None:
        block = _Block()
        block.add(line, skip)
        article.paragraphs.append(_ParagraphB(block))

    def _continue_article(self, article: _ArticleB, line: Line, close_paragraph: bool) -> None:
        paragraph = article.paragraphs[-1]
        item = paragraph.items[-1] if paragraph.items else None
        m = RE_ITEM.match(line.text)
        if m and is_next(item.number if item else None, cn_to_int(m.group(2))) and (item or close_paragraph):
            block = _Block()
            block.add(line, m.start(3))
            paragraph.items.append(_ItemB(cn_to_int(m.group(2)), m.group(1), block))
            return
        if item is not None:
            sub = item.subitems[-1] if item.subitems else None
            m = RE_SUBITEM.match(line.text)
            if m:
                number = int(m.group(2) or m.group(3))
                if is_next(sub.number if sub else None, number) and (sub or close_paragraph):
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
        self.used_paths: dict[str, int] = {}
        contents = tuple(self._freeze_node(n, ()) for n in self.top)
        for node in _headings(self.top):
            if not node.title and node.label:
                self.warnings.append(bilingual(f"{node.label} 缺少标题",
                                               f"{node.level} {node.number} has no title"))
        return Regulation(self.meta, self.source, self.scheme, contents, self.front, self.trailer,
                          tuple(self.warnings))

    def _step(self, parents: tuple[Step, ...], level: str, number: int) -> tuple[Step, ...]:
        """The path steps of a heading; a number repeated under one parent gets a _2 key."""
        seen = self.used_paths[path(*parents, (level, number))] = \
            self.used_paths.get(path(*parents, (level, number)), 0) + 1
        return parents + ((level, number if seen == 1 else f"{number}_{seen}"),)

    def _freeze_node(self, node, parents: tuple[Step, ...]) -> Node:
        if isinstance(node, _ArticleB):
            return self._freeze_article(node)
        steps = self._step(parents, node.level, node.number)
        children = tuple(self._freeze_node(c, steps) for c in node.children)
        span = Span(node.lines[0].start, node.lines[-1].end)
        if node.level == "chapter":
            return Chapter(node.number, node.title, span, path(*steps), eid(*steps),
                           tuple(c for c in children if isinstance(c, Section)),
                           tuple(c for c in children if isinstance(c, Article)), node.label)
        if node.level == "section":
            return Section(node.number, node.title, span, path(*steps), eid(*steps),
                           tuple(c for c in children if isinstance(c, Article)), node.label)
        return Division(node.level, node.number, node.label, node.title, span, path(*steps),
                        eid(*steps), children)

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


def _headings(nodes: list):
    for node in nodes:
        if isinstance(node, _HeadingB):
            yield node
            yield from _headings(node.children)


LINE_ENDS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def segment(source: str, meta: Metadata) -> Regulation:
    """Parse raw regulation text; raises ParseError (bilingual message) on text it cannot read."""
    if not isinstance(source, str):
        raise ParseError("输入不是文本 / input is not text")
    # …and the line separators some editors write (U+2028, U+2029, NEL) end lines too
    source = source.replace("\r\n", "\n").translate(LINE_ENDS)
    return _Parser(source, meta).parse()

