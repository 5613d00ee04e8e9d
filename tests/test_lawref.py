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
