"""Real published texts in every hard layout (lawref-hard) and a stratified sample of the
LawRefBook corpus (lawref-sample): counts as their README and manifest give them, and no
heading ever inside an article's text."""

import csv
import re

import pytest

from helpers import CORPORA
from kg.corpus import load
from kg.errors import ParseError
from kg.numerals import NUMERAL_CLASS

HARD = CORPORA / "lawref-hard"
SAMPLE = CORPORA / "lawref-sample"
# A heading as a reader sees it, whatever the segmenter thinks: 第X编/分编/章/节 or 一、 at the
# start of a short line with no sentence punctuation.
HEADING = re.compile(rf"^(第{NUMERAL_CLASS}+(编|分编|章|节)|{NUMERAL_CLASS}+、)")
NOT_A_HEADING = re.compile(r"[，。；：,;:]")


def headings_inside_articles(reg) -> list[str]:
    found = []
    for a in reg.articles():
        for raw in reg.source[a.span.start:a.span.end].split("\n")[1:]:
            line = re.sub(r"[\s\u200b\ufeff]+", "", raw)
            if HEADING.match(line) and len(line) <= 40 and not NOT_A_HEADING.search(line):
                found.append(f"{a.citation}: {line}")
    return found


def labelled(nodes) -> int:
    return sum(1 for n in nodes if n.label)


def hard_rows():
    rows = []
    for line in (HARD / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].endswith(".txt"):
            counts = [int(c.rstrip(" ¹")) for c in cells[2:5]]
            rows.append(pytest.param(cells[0], *counts, id=cells[0][:12]))
    return rows


HARD_ROWS = hard_rows()


def test_every_hard_layout_file_is_listed():
    assert sorted(r.values[0] for r in HARD_ROWS) == sorted(p.name for p in HARD.glob("*.txt"))
    assert len(HARD_ROWS) == 25


@pytest.mark.parametrize("name, articles, chapters, sections", HARD_ROWS)
def test_hard_layouts_have_the_counts_a_careful_reader_finds(name, articles, chapters, sections):
    reg = load(HARD / name)
    assert len(reg.articles()) == articles
    assert labelled(reg.chapters) == chapters
    assert labelled(reg.sections()) == sections
    assert headings_inside_articles(reg) == []


def test_criminal_law_books_restart_their_chapter_numbers():
    reg = load(HARD / "T5_刑法.txt")
    assert [d.heading for d in reg.divisions()] == ["第一编 总则", "第二编 分则", "附则"]
    assert [c.path for c in reg.chapters][4:6] == ["book_1/chp_5", "book_2/chp_1"]
    assert reg.article(102).path == "art_102" and reg.article(102).chapter == 1
    assert reg.article(452).text.startswith("本法自1997年10月1日起施行。")
    assert reg.trailer.startswith("附件一\n全国人民代表大会常务委员会制定的下列条例")


def test_civil_procedure_chapters_carry_on_across_books():
    reg = load(HARD / "T7_民事诉讼法_2021-12-24_.txt")
    assert [d.heading for d in reg.divisions()] == ["第一编 总则", "第二编 审判程序", "第三编 执行程序",
                                                     "第四编 涉外民事诉讼程序的特别规定"]
    assert [c.number for c in reg.chapters] == list(range(1, 28))
    assert reg.chapters[11].path == "book_2/chp_12" and reg.chapters[11].title == "第一审普通程序"
    assert reg.warnings == ()


def test_judicial_interpretation_parts_are_headings():
    reg = load(HARD / "T8_最高人民法院关于审理融资租赁合同纠纷案件适用法律问题的解释_2020-12-29.txt")
    assert [(d.label, d.title) for d in reg.divisions()] == [
        ("一、", "融资租赁合同的认定"), ("二、", "合同的履行和租赁物的公示"), ("三、", "合同的解除"),
        ("四、", "违约责任"), ("五、", "其他规定")]
    assert [len(d.children) for d in reg.divisions()] == [2, 2, 3, 5, 3]


def test_an_unlabelled_section_title_right_after_its_chapter():
    reg = load(HARD / "S3_河南省固体废物污染环境防治条例_2018-09-30_.txt")
    chapter = reg.chapters[1]
    assert [(s.label, s.title) for s in chapter.sections] == [
        ("", "一般规定"), ("第二节", "工业固体废物污染环境的防治"), ("第三节", "生活垃圾污染环境的防治"),
        ("第四节", "危险废物污染环境的防治")]
    assert chapter.title == "固体废物污染环境的防治"


def test_en_spaces_and_zero_width_spaces_leave_no_trace():
    for name in ("D1_总则.txt", "D2_人体器官捐献和移植条例_2023-12-04_.txt"):
        reg = load(HARD / name)
        texts = [c.heading for c in reg.chapters] + [s.heading for s in reg.sections()] + \
            [a.text for a in reg.articles()]
        assert not any(ch in t for t in texts for ch in "\u200b\u2002\u3000")
    assert load(HARD / "D1_总则.txt").sections()[1].title == "监护"


def test_the_article_numbers_of_excerpts():
    assert [a.number for a in load(HARD / "T1_附则.txt").articles()] == [1259, 1260]
    assert [a.number for a in load(HARD / "T1_宪法修正案_1999年_.txt").articles()] == list(range(12, 18))


def manifest_rows():
    with open(SAMPLE / "manifest.tsv", encoding="utf-8", newline="") as f:
        return [pytest.param(r, id=r["file"].rsplit("/", 1)[-1][:20])
                for r in csv.DictReader(f, delimiter="\t")]


SAMPLE_ROWS = manifest_rows()


def test_the_sample_is_the_files_its_manifest_lists():
    assert sorted(r.values[0]["file"] for r in SAMPLE_ROWS) == \
        sorted(str(p.relative_to(SAMPLE)) for p in SAMPLE.rglob("*.txt"))
    assert len(SAMPLE_ROWS) == 150


@pytest.mark.parametrize("row", SAMPLE_ROWS)
def test_sample_texts_match_their_manifest(row):
    if row["labels"] != "clean":
        # No counts for these: they parse, or are refused with a clear message; never a crash.
        try:
            reg = load(SAMPLE / row["file"])
        except ParseError as exc:
            assert " / " in str(exc)
            return
        assert headings_inside_articles(reg) == []
        return
    reg = load(SAMPLE / row["file"])
    counts = (len(reg.articles()), labelled(reg.chapters), labelled(reg.sections()))
    assert counts == (int(row["articles"]), int(row["chapter_headings"]), int(row["section_headings"]))
    assert headings_inside_articles(reg) == []


# Each layout slip of the hard set, applied to the real texts of the sample: the articles and
# the heading tree must come out as they do from the text as published.
NUM = f"{NUMERAL_CLASS}+"
CHAPTER_LINE = re.compile(rf"^(第{NUM}章)[\s\u3000\u2002]*(.+)$")
SECTION_LINE = re.compile(rf"^(第{NUM}节)[\s\u3000\u2002]*(.+)$")
ARTICLE_LINE = re.compile(rf"^第{NUM}条")


def slip(kind: str, lines: list[str], rnd) -> list[str] | None:
    """The text with one kind of slip put in, or None when the text offers no place for it."""
    chapters = [i for i, x in enumerate(lines) if CHAPTER_LINE.match(x)]
    sections = [i for i, x in enumerate(lines) if SECTION_LINE.match(x)]
    articles = [i for i, x in enumerate(lines) if ARTICLE_LINE.match(x)]
    out = lines[:]
    if kind == "chapter label lost":
        places = [i for i in chapters[1:] if i + 1 in articles]
        if not places:
            return None
        i = rnd.choice(places)
        out[i] = CHAPTER_LINE.match(out[i]).group(2)
    elif kind == "no space or an en space after the label":
        if not chapters:
            return None
        for i in chapters + sections:
            m = CHAPTER_LINE.match(out[i]) or SECTION_LINE.match(out[i])
            out[i] = m.group(1) + rnd.choice(["", "\u2002", "\u2002\u2002"]) + m.group(2)
    elif kind == "zero-width spaces":
        if not chapters:
            return None
        out = [x.replace("，", "，\u200b", 1) for x in out]
        for i in reversed(chapters):
            out.insert(i + 1, "\u200b")
    elif kind == "title wrapped":
        places = [i for i in chapters if len(CHAPTER_LINE.match(out[i]).group(2)) >= 8]
        if not places:
            return None
        i = rnd.choice(places)
        out[i:i + 1] = [out[i][:-4], out[i][-4:]]
    elif kind == "first section label lost":
        places = [i for i in sections if i - 1 in chapters]
        if not places:
            return None
        i = rnd.choice(places)
        out[i] = SECTION_LINE.match(out[i]).group(2)
    elif kind == "label runs on":
        places = [i for i in articles[2:] if out[i - 1].endswith("。") and i - 1 not in chapters + sections]
        if not places:
            return None
        i = rnd.choice(places)
        out[i - 1:i + 1] = [out[i - 1] + " " + out[i]]
    elif kind == "label misspelt":
        places = [i for i in articles if re.match(rf"^第{NUM}一条 ", out[i])]
        if not places:
            return None
        i = rnd.choice(places)
        out[i] = re.sub(r"^(第[^条]*)一条", r"\1－条", out[i])
    return out


SLIPS = ["chapter label lost", "no space or an en space after the label", "zero-width spaces",
         "title wrapped", "first section label lost", "label runs on", "label misspelt"]


def shape(reg):
    return ([(a.number, a.text) for a in reg.articles()], len(reg.chapters), len(reg.sections()))


@pytest.mark.parametrize("kind", SLIPS)
def test_a_slip_put_into_real_texts_changes_neither_articles_nor_headings(kind):
    import random
    import zlib

    from kg.model import Metadata
    from kg.segment import segment
    tried, wrong = 0, []
    for row in SAMPLE_ROWS:
        name = row.values[0]["file"]
        if row.values[0]["labels"] != "clean":
            continue
        text = (SAMPLE / name).read_text(encoding="utf-8")
        changed = slip(kind, text.split("\n"), random.Random(zlib.crc32(name.encode())))
        if changed is None:
            continue
        tried += 1
        meta = Metadata(id="x", title="x")
        if shape(segment("\n".join(changed), meta)) != shape(segment(text, meta)):
            wrong.append(name)
    assert tried >= 10 and wrong == []
