"""Every kind of layout the published texts use, one small fixture each, read exactly."""

import pytest

from helpers import FIXTURES
from kg.corpus import load
from kg.model import Metadata
from kg.numerals import cn_to_int, int_to_cn
from kg.segment import ParseError, segment

META = Metadata(id="t", title="示例")


def tree(reg):
    """(kind, path, label, title) of every heading, and each article's path, in order."""
    out = []
    for node in reg.walk():
        kind = type(node).__name__
        if kind == "Article":
            out.append(node.path)
        else:
            out.append((getattr(node, "level", kind.lower()), node.path, node.label, node.title))
    return out


def test_books_and_parts_above_chapters_with_chapter_numbers_restarting():
    reg = load(FIXTURES / "books_and_parts.txt")
    assert tree(reg) == [
        ("book", "book_1", "第一编", "总则"),
        ("chapter", "book_1/chp_1", "第一章", "基本规定"), "art_1", "art_2",
        ("chapter", "book_1/chp_2", "第二章", "一般规则"), "art_3",
        ("book", "book_2", "第二编", "分则"),
        ("part", "book_2/part_1", "第一分编", "通则"),
        ("chapter", "book_2/part_1/chp_1", "第一章", "适用范围"), "art_4",
        ("part", "book_2/part_2", "第二分编", "典型规则"),
        ("chapter", "book_2/part_2/chp_2", "第二章", "买卖规则"), "art_5",
        ("chapter", "book_2/part_2/chp_3", "第三章", "租赁规则"), "art_6",
        ("division", "dvs_1", "", "附则"), "art_7"]
    assert [d.heading for d in reg.divisions()] == ["第一编 总则", "第二编 分则", "第一分编 通则",
                                                     "第二分编 典型规则", "附则"]
    assert [d.citation for d in reg.divisions()][:3] == ["第一编", "第二编", "第一分编"]
    assert reg.article(4).eid == "art_4" and reg.article(4).chapter == 1
    assert reg.articles_outside_chapters == (reg.article(7),)
    assert reg.warnings == ("“附则”是缺少“第X部分”字样的部分标题，按第一部分处理 / "
                            "附则 is a division heading without its label: taken as division 1",)


def test_missing_and_skipped_chapter_labels_keep_the_headings_that_are_there():
    reg = load(FIXTURES / "chapter_labels_missing.txt")
    assert [(c.number, c.label, c.title) for c in reg.chapters] == [(3, "第三章", "保护"),
                                                                     (5, "第五章", "附则")]
    assert [a.number for a in reg.articles_outside_chapters] == [1, 2]
    assert reg.article(2).text == "本条例适用于本省。"
    assert reg.warnings == ("首个章标题为第三章 / the first chapter heading is chapter 3",
                            "章号跳号：第三章 → 第五章 / chapter numbers jump: 3 → 5")


def test_headings_without_labels_are_headings_not_article_text():
    reg = load(FIXTURES / "unlabelled_headings.txt")
    assert tree(reg) == [
        ("chapter", "chp_1", "第一章", "总则"), "art_1",
        ("chapter", "chp_2", "第二章", "示例管理"),
        ("section", "chp_2/sec_1", "", "一般规定"), "art_2",
        ("section", "chp_2/sec_2", "第二节", "登记程序"), "art_3",
        ("chapter", "chp_3", "", "法律责任"), "art_4"]
    assert reg.article(1).text == "为了管理示例，制定本条例。"
    assert reg.article(3).text == "登记应当提交材料。"
    assert reg.warnings == (
        "第二章的第一节没有“第一节”字样，按标题“一般规定”补出 / "
        "chapter 2: the first section has no label; its title 一般规定 was read as section 1",
        "“法律责任”是缺少“第X章”字样的章标题，按第三章处理 / "
        "法律责任 is a chapter heading without its label: taken as chapter 3")


def test_a_table_of_contents_without_its_label_and_a_first_chapter_without_its_label():
    reg = load(FIXTURES / "contents_without_heading.txt")
    assert [(c.number, c.label, c.title) for c in reg.chapters] == [
        (1, "", "总则"), (2, "", "规划管理"), (3, "第三章", "附则")]
    assert [len(c.articles) for c in reg.chapters] == [1, 1, 1]
    assert reg.front_matter.splitlines() == ["示例防护林条例", "第一章 总 则", "第二章 规划管理",
                                             "第三章 附 则"]


def test_a_section_heading_ending_in_a_full_stop_and_a_missing_section_number():
    reg = load(FIXTURES / "section_slips.txt")
    assert [(s.path, s.label, s.title) for s in reg.sections()] == [
        ("chp_2/sec_1", "第一节", "生活、卫生。"), ("chp_2/sec_3", "第三节", "奖惩"),
        ("chp_2/sec_4", "第四节", "其他规定")]
    assert [len(s.articles) for s in reg.sections()] == [1, 1, 1]
    assert reg.warnings == ("节号跳号：第一节 → 第三节 / section numbers jump: 1 → 3",)


def test_yi_er_headings_between_articles_of_a_judicial_interpretation():
    reg = load(FIXTURES / "division_headings.txt")
    assert tree(reg) == [
        ("division", "dvs_1", "一、", "一般规定"), "art_1", "art_2",
        ("division", "dvs_2", "二、", "特别程序"), "art_3",
        ("division", "dvs_3", "三、", "附则"), "art_4"]
    assert reg.chapters == () and reg.warnings == ()
    assert reg.article(2).text == "当事人应当如实陈述。"
    assert [i.text for i in reg.article(3).items()] == ["标的额较大的；", "案情复杂的。"]
    assert reg.front_matter.endswith("为正确审理示例纠纷案件，制定本规定。")


def test_a_yi_entry_after_a_colon_is_a_list_entry_not_a_heading():
    reg = segment("第一条 包括下列事项：\n一、登记\n第二条 施行。", META)
    assert reg.divisions() == []
    assert reg.article(1).text == "包括下列事项：\n一、登记"


def test_titles_wrapped_onto_a_second_line_are_joined():
    reg = load(FIXTURES / "wrapped_titles.txt")
    assert [c.title for c in reg.chapters] == ["总则", "国务院有关部门和地方经济委员会在设备管理工作中的职责",
                                               "卷烟纸、滤嘴棒、专用机械的生产"]
    chapter = reg.chapters[1]
    assert reg.source[chapter.span.start:chapter.span.end] == \
        "第二章 国务院有关部门和地方经济委员会\n在设备管理工作中的职责"
    assert reg.warnings == ()


def test_invisible_characters_and_unusual_spaces_are_whitespace_and_spans_index_the_raw_text():
    reg = load(FIXTURES / "invisible_characters.txt")
    assert [c.heading for c in reg.chapters] == ["第一章 总则", "第二章 审计职责", "第三章 附则"]
    assert reg.article(1).text == "为了规范审计工作，制定本条例。"
    assert reg.article(3).text == "本条例自公布之日起施行。"
    assert reg.front_matter == "示例审计条例"
    art = reg.article(1)
    assert reg.source[art.span.start:art.span.end] == "第一条 为了规范审计\u200b工作，制定本条例。"
    heading = reg.chapters[0]
    assert reg.source[heading.span.start:heading.span.end] == "第一章\u2002\u2002总\u2002\u2002则"


def test_an_excerpt_starts_at_its_first_article():
    reg = load(FIXTURES / "excerpt.txt")
    assert [a.citation for a in reg.articles()] == ["第二百零五条", "第二百零六条", "第二百零六条之一",
                                                    "第二百零七条"]
    assert reg.front_matter == "示例法典\n物权编"
    assert reg.warnings == ("节选：条文从第二百零五条开始 / an excerpt: the articles start at article 205",)


def test_article_labels_that_slip_are_recovered_without_swallowing_the_rest():
    reg = load(FIXTURES / "label_slips.txt")
    assert [a.number for a in reg.articles()] == [1, 2, 3, 4, 5, 6, 7, 9]
    assert reg.article(3).text == "继续教育应当理论联系实际。"
    assert reg.article(4).text == "继续教育实行登记制度。"
    assert reg.source[reg.article(4).span.start:].startswith("第四条继续教育")
    assert (reg.article(6).label, reg.article(6).text) == ("第六－条", "经费由单位承担。")
    assert reg.article(9).text == "本条例自公布之日起施行。"
    assert reg.warnings == (
        "第4行：第四条接在上一条的句末，已另起 / line 4: article 4 ran on after the sentence before it; "
        "it starts an article of its own",
        "条文编号有误：第六－条应为第六条 / article label misspelt: 第六－条 read as 6",
        "条文编号跳号：第七条 → 第九条 / article numbers jump: 7 → 9")


def test_a_number_that_does_not_carry_on_stays_text():
    reg = segment("第一条 总则。\n第二条 见本规则。\n第五十条 的规定。\n第三条 施行。", META)
    assert [a.number for a in reg.articles()] == [1, 2, 3]
    assert reg.article(2).text == "见本规则。\n第五十条的规定。"


def test_an_annex_after_the_last_article_is_trailer():
    reg = segment("第一条 总则。\n第二条 施行。\n附件一：登记表\n名称 数量", META)
    assert reg.article(2).text == "施行。"
    assert reg.trailer == "附件一：登记表\n名称 数量"


def test_a_note_under_the_first_chapter_heading_stays_out_of_the_articles():
    reg = segment("示例条例\n第一章 总则\n（2005年7月30日修正）\n第一条 甲。\n第二章 乙\n第二条 乙。", META)
    assert [c.heading for c in reg.chapters] == ["第一章 总则", "第二章 乙"]
    assert reg.article(1).text == "甲。"


def test_a_heading_with_its_title_on_the_next_line_and_one_without_a_title():
    reg = segment("第一章\n总则\n第一条 甲。\n第二章\n第二条 乙。", META)
    assert [(c.label, c.title) for c in reg.chapters] == [("第一章", "总则"), ("第二章", "")]
    assert reg.warnings == ("第二章 缺少标题 / chapter 2 has no title",)


def test_a_heading_number_repeated_gets_its_own_path():
    reg = segment("第一章 甲\n第一条 甲。\n第一章 乙\n第二条 乙。", META)
    assert [c.path for c in reg.chapters] == ["chp_1", "chp_1_2"]
    assert reg.warnings == ("章号重复或倒退：第一章 → 第一章 / chapter numbers repeat or go back: 1 → 1",)


def test_fifty_thousand_spaces_and_zero_width_characters_are_read():
    reg = segment("第一条 " + " " * 50_000 + "甲" + "\u200b" * 50_000 + "乙。\n" + "\u3000" * 50_000, META)
    assert reg.article(1).text == "甲乙。"


@pytest.mark.parametrize("text", ["第一章 总则\n第二章 附则", "一、总则\n二、附则", "附则\n总则"])
def test_headings_without_any_article_are_a_clear_parse_error(text):
    with pytest.raises(ParseError, match="no articles found"):
        segment(text, META)


@pytest.mark.parametrize("n, numeral", [(1000, "一千"), (1010, "一千零一十"), (1259, "一千二百五十九"),
                                        (1260, "一千二百六十"), (12005, "一万二千零五"),
                                        (120000, "十二万")])
def test_numerals_beyond_a_thousand(n, numeral):
    assert int_to_cn(n) == numeral and cn_to_int(numeral) == n
