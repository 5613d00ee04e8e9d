"""The lines of a regulation text and what each could be: a 第X编/分编/章/节/条 label, a title,
an item; their display width (CJK = 2) and their place in the raw source.

Every space a published text uses counts as space, and zero-width characters (U+200B, U+FEFF …)
as nothing; a line keeps the offsets of its text in the raw source, so spans stay exact.

>>> [(lb.level, lb.number) for lb in map(label, ["第三章　总则", "第二分编 通则", "第十条之一 …"])]
[('chapter', 3), ('part', 2), ('article', 10)]
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from kg.hierarchy import BY_NAME
from kg.numerals import NUMERAL_CHARS, NUMERAL_CLASS, cn_to_int

N = f"{NUMERAL_CLASS}+"
# Zero-width characters carry nothing: they are dropped from texts (spans still index the source).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# Every Unicode space a published text uses (U+2002 en space, U+3000 ideographic space …).
SPACE_CHARS = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200b))) + "\u202f\u205f\u3000"
BLANK_CHARS = SPACE_CHARS + INVISIBLE
SPACE = f"[{BLANK_CHARS}]"
RE_PAGE_NUMBER = re.compile(rf"^[—－\-–~～]+{SPACE}*[0-9０-９]+{SPACE}*[—－\-–~～]*$")
# 编 分编 章 节 条 as the hierarchy table names them; 分编 before 编 so the longer unit wins.
HEADING_LEVELS = ("book", "part", "chapter", "section")
UNIT_LEVEL = {BY_NAME[level].zh: level for level in HEADING_LEVELS + ("article",)}
RE_LABEL = re.compile(rf"^第{SPACE}*({N}){SPACE}*({'|'.join(sorted(UNIT_LEVEL, key=len, reverse=True))})"
                      rf"(?:之({N}))?({SPACE}*)")
RE_RUN_ON = re.compile(rf"[。！？]{SPACE}*(?=第{SPACE}*({N}){SPACE}*条)")
# A 第…条 label whose numeral is misspelt (第三十－条): some numeral, a stray character.
RE_MISSPELT = re.compile(rf"^第(?=[^条]{{0,7}}{NUMERAL_CLASS})[^条{BLANK_CHARS}。，]{{1,8}}条"
                         rf"[{BLANK_CHARS}]+")
RE_NOTE = re.compile(r"^[（(].*[）)]$")  # （2005年7月30日修正） under a heading
RE_ORDINAL = re.compile(rf"^({N})、{SPACE}*(.*)$")
RE_ITEM = re.compile(rf"^([（(]({N})[）)])(.*)$")
RE_SUBITEM = re.compile(r"^((\d+)[.．](?!\d)|[（(](\d+)[）)])(.*)$")
# Where the rules end: distribution lines, the issuing date, an annex (附件一：…, 附表).
RE_TRAILER = re.compile(rf"^(主送|抄送|抄报|分送|印发)[:：{BLANK_CHARS}]"
                        rf"|^(附件|附表|附录|附图)[{NUMERAL_CHARS}0-9０-９]*(?:[:：{BLANK_CHARS}]|$)"
                        rf"|^.{{0,40}}\d{{4}}年\d{{1,2}}月\d{{1,2}}日印发$")
TITLE_MAX_CHARS = 40        # a heading title, or an unlabelled title line
HEADING_MAX_UNITS = 2 * TITLE_MAX_CHARS + 16  # a heading line, label and title, in display units
END_PUNCT = "。！？；：!?;:"
SENTENCE_END = "。！？!?．."  # a full stop typed as a Latin . still ends the sentence
CLAUSE_PUNCT = "；：;:"
# 第三章的规定… is a reference inside a sentence, not a heading.
NOT_A_TITLE_START = "的、，。；："
MIN_WRAP_UNITS = 20         # narrower lines are not evidence of hard wrapping


def display_width(text: str) -> int:
    """Width in half-width units: CJK and full-width forms count 2, zero-width characters 0."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else c not in INVISIBLE for c in text)


def is_cjk(char: str) -> bool:
    """True for CJK ideographs and full-width punctuation/forms."""
    return unicodedata.east_asian_width(char) in "WF"


_STRAY_SPACE = re.compile(rf"[{SPACE_CHARS}]+")
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]+")


def clean(text: str) -> str:
    """Drop zero-width characters, and spaces next to a CJK character; keep one between Latin words.

    >>> clean("2022 年 2 月 28 日 区政府第 2次 互为 AB 角 SPARQL  endpoint\\u200b")
    '2022年2月28日区政府第2次互为AB角SPARQL endpoint'
    """
    text = INVISIBLE_RE.sub("", text)

    def repl(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not before or not after or is_cjk(before) or is_cjk(after):
            return ""
        return " "
    return _STRAY_SPACE.sub(repl, text)


@dataclass
class Line:
    text: str      # stripped
    start: int     # offset of text in source
    end: int

    @cached_property
    def width(self) -> int:
        """Display width; only hard-wrapped text needs it, so it is measured on demand."""
        return display_width(self.text)


@dataclass(frozen=True)
class Label:
    """第X编/分编/章/节/条 at the start of a line."""

    level: str
    number: int
    suffix: int | None   # 之一
    end: int             # where the label (and the space after it) ends in the line
    spaced: bool         # a space follows the label


def label(text: str) -> Label | None:
    m = RE_LABEL.match(text)
    if not m:
        return None
    level = UNIT_LEVEL[m.group(2)]
    suffix = cn_to_int(m.group(3)) if m.group(3) else None
    if suffix and level != "article":
        return None
    return Label(level, cn_to_int(m.group(1)), suffix, m.end(), bool(m.group(4)))


def lines(source: str) -> list[Line]:
    """Non-blank, non-page-number lines with their source offsets."""
    out, pos = [], 0
    for raw in source.split("\n"):
        stripped = raw.strip(BLANK_CHARS + "\r")
        if stripped and not RE_PAGE_NUMBER.match(stripped):
            start = pos + raw.index(stripped)
            out.append(Line(stripped, start, start + len(stripped)))
        pos += len(raw) + 1
    return out


def measure(lines: list[Line], labels: list[Label | None]) -> int | None:
    """The line width the text was wrapped at, or None when it is not wrapped.

    A line that ends mid-sentence was cut by the wrap, so it runs full width:
    when enough lines do, their most common width is the line width — unless many
    lines run wider than that, as one-paragraph-a-line text with a narrow table does.
    """
    cut = [line.width for line, label in zip(lines, labels, strict=True)
           if line.text[-1] not in END_PUNCT and not (label and label.level in HEADING_LEVELS)
           and line.width >= MIN_WRAP_UNITS]  # a short title line was not cut by a wrap
    if len(cut) < 3 or len(cut) < 0.25 * len(lines):
        return None
    widths = Counter(cut)
    width = max(widths, key=lambda w: (widths[w], w))
    if sum(line.width > width + 4 for line in lines) > len(lines) / 3:
        return None
    return width


def title_like(text: str, continued: bool = False) -> bool:
    """Could this be a heading title? Short, and not a sentence: no ；： and no closing 。
    (a short title may end in 。, as 第五节 生活、卫生。 does). `continued`: the second line
    of a wrapped title, which may start anywhere in a phrase."""
    title = clean(text).strip()
    if len(title) > TITLE_MAX_CHARS or any(c in CLAUSE_PUNCT for c in title):
        return False
    if title and title[0] in NOT_A_TITLE_START and not continued:
        return False
    return "。" not in title[:-1] and not (title.endswith("。") and (len(title) > 20 or "，" in title))


RE_CLOSING_NOTE = re.compile(r"[（(][^（(）)]*[）)]$")


def ends_sentence(text: str) -> bool:
    """Does the line end a sentence, perhaps before a note in brackets (…配合。（2010年12月23日删除））?

    >>> ends_sentence("应当予以配合。（2010年12月23日删除）"), ends_sentence("下列事项：")
    (True, False)
    """
    return (RE_CLOSING_NOTE.sub("", text) or text)[-1] in SENTENCE_END


def plain_title(text: str) -> bool:
    """A title line without its label: short, no punctuation, not an item or list entry."""
    return len(text) <= TITLE_MAX_CHARS and not any(c in END_PUNCT + CLAUSE_PUNCT + "，（(" for c in text) \
        and not RE_ORDINAL.match(text) and not RE_SUBITEM.match(text)
