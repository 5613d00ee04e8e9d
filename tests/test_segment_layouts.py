"""Layouts beyond the seed: 一、 numbering, 目录, trailers, 之一, 目, numerals."""

import pytest

from helpers import FIXTURES
from kg.corpus import infer_title, load
from kg.model import Metadata
from kg.numerals import cn_to_int, int_to_cn
from kg.segment import ParseError, clean, segment


def test_articles_numbered_yi_er_inside_chapters():
    reg = load(FIXTURES / "ordinal_scheme.txt")
    assert reg.scheme == "ordinal"
    assert [c.heading for c in reg.chapters] == ["第一章 总则", "第二章 会议制度", "第三章 公文审批"]
    assert [a.label for a in reg.articles()] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    art = reg.article(4)
    assert art.citation == "第四条" and art.chapter == 2
    assert [i.text for i in art.items()] == ["讨论决定市政府工作中的重要事项；",
                                              "审议拟提请市人民代表大会常务委员会审议的议案。"]
    assert art.paragraphs[1].text == "市政府常务会议一般每月召开两次。"


def test_table_of_contents_is_skipped():
    reg = load(FIXTURES / "with_toc.txt")
    assert [c.title for c in reg.chapters] == ["总则", "职责", "附则"]
    assert [a.number for a in reg.articles()] == [1, 2, 3, 4]
    assert [len(c.all_articles()) for c in reg.chapters] == [1, 2, 1]
    assert "目　录" in reg.front_matter


def test_trailer_stays_out_of_the_last_article():
    reg = load(FIXTURES / "with_trailer.txt")
    last = reg.articles()[-1]
    assert last.text == "本规则由区政府办公室负责解释。"
    assert reg.trailer.startswith("主送：各镇人民政府")
    assert reg.trailer.endswith("2022年3月1日印发")


def test_wrapped_first_article_joins_across_lines():
    reg = load(FIXTURES / "with_trailer.txt")
    assert "本规则自二〇二二年三月一日起施行" in reg.article(1).text
    assert len(reg.article(1).paragraphs) == 1


def test_inserted_article_zhi_yi():
    reg = load(FIXTURES / "with_trailer.txt")
    art = reg.article(2, suffix=1)
    assert (art.citation, art.path, art.eid) == ("第二条之一", "art_2_1", "art_2_1")
    assert [a.citation for a in reg.articles()] == ["第一条", "第二条", "第二条之一", "第三条"]


def test_subitems_mu():
    reg = load(FIXTURES / "with_trailer.txt")
    item = reg.article(2).paragraphs[0].items[1]
    assert item.text == "以区政府名义下发的公文："
    assert [(s.number, s.text) for s in item.subitems] == [(1, "涉及全局的，由区长签发；"),
                                                          (2, "其他的，由分管副区长签发。")]
    assert item.subitems[0].citation == "第二条第（二）项第1目"


def test_half_width_item_markers():
    text = "第一条 决策事项包括：\n(一)制定政策；\n(二)制定规划。\n第二条 施行。"
    reg = segment(text, Metadata(id="t", title="t"))
    assert [(i.marker, i.text) for i in reg.article(1).items()] == [("(一)", "制定政策；"),
                                                                  ("(二)", "制定规划。")]


def test_a_paragraph_inside_an_item_keeps_the_list_going():
    # 信访条例第二十一条 and 香港基本法第四十八条: a plain paragraph under (三), then (四)
    text = ("第一条 信访工作机构按下列方式处理：\n(一)告知信访人；\n(二)转送有权处理的行政机关；\n"
            "(三)直接转送下级行政机关。\n信访工作机构要定期通报转送情况。\n(四)交由有权处理的行政机关办理。\n"
            "按照前款第(二)项至第(四)项规定，有关行政机关应当书面告知信访人。\n第二条 施行。")
    art = segment(text, Metadata(id="t", title="t")).article(1)
    assert [len(p.items) for p in art.paragraphs] == [4, 0]
    assert art.paragraphs[0].items[2].text == "直接转送下级行政机关。信访工作机构要定期通报转送情况。"
    assert art.paragraphs[0].items[3].citation == "第一条第一款第（四）项"
    assert art.paragraphs[1].text.startswith("按照前款")


def test_subitems_under_an_item_before_the_next_item_stay_subitems():
    text = "第一条 下列事项须经审议：\n（一）预算事项，包括：\n1. 年度预算；\n2. 预算调整。\n（二）其他事项。\n第二条 施行。"
    item = segment(text, Metadata(id="t", title="t")).article(1).paragraphs[0].items[0]
    assert [s.text for s in item.subitems] == ["年度预算；", "预算调整。"]


def test_a_paragraph_after_a_list_that_does_not_go_on_is_the_next_paragraph():
    text = "第一条 包括：\n(一)甲；\n(二)乙。\n前款规定的事项由区长决定。\n第二条 施行。"
    art = segment(text, Metadata(id="t", title="t")).article(1)
    assert [len(p.items) for p in art.paragraphs] == [2, 0]


def test_article_numbers_beyond_one_hundred():
    body = "\n".join(f"第{int_to_cn(n)}条 规定{n}。" for n in range(1, 106))
    reg = segment(body, Metadata(id="t", title="t"))
    assert reg.articles()[-1].citation == "第一百零五条"
    assert reg.article(105).text == "规定105。"


def test_out_of_sequence_article_reference_is_not_a_new_article():
    text = "第一条 总则。\n第二条 依照本规则\n第一条的规定办理。\n第三条 施行。"
    reg = segment(text, Metadata(id="t", title="t"))
    assert [a.number for a in reg.articles()] == [1, 2, 3]
    assert reg.article(2).text == "依照本规则第一条的规定办理。"


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十九", 19), ("六十二", 62),
                                            ("一百", 100), ("一百零五", 105), ("一百一十", 110),
                                            ("二〇〇四", 2004), ("二○二二", 2022), ("两", 2)])
def test_chinese_numerals(numeral, value):
    assert cn_to_int(numeral) == value


@pytest.mark.parametrize("n", [1, 9, 10, 11, 20, 62, 89, 100, 101, 110, 119, 999])
def test_numerals_round_trip(n):
    assert cn_to_int(int_to_cn(n)) == n


def test_clean_keeps_spaces_between_latin_words():
    assert clean("支持 SPARQL 1.1 Protocol 接口") == "支持SPARQL 1.1 Protocol接口"


def test_title_is_inferred_from_a_cover_notice():
    assert infer_title("某政府\n关于印发《某某工作\n规则》的通知\n") == "某某工作规则"
    assert infer_title("规章制定程序条例\n\n2001年公布") == "规章制定程序条例"


@pytest.mark.parametrize("text", ["", "   \n\n", "这只是一段话，没有条文。", "第二条 没有第一条。"])
def test_text_without_articles_is_a_clear_parse_error(text):
    with pytest.raises(ParseError, match="no articles found"):
        segment(text, Metadata(id="t", title="t"))


@pytest.mark.parametrize("third, label", [("第二条", "第二条"), ("第一千零一条", "第一千零一条")])
def test_an_article_label_out_of_sequence_is_named_in_a_warning_not_folded_in_unseen(third, label):
    # red-team pass 3: 第二条 twice (or 第一千零一条 after 第二条) was read silently as text of 第二条,
    # which then cited a 第二条第二款 the source does not have
    text = f"测试规则\n第一条 总则。\n第二条 规范性文件由区长签发。\n{third} 规范性文件由副区长签发。\n"
    reg = segment(text, Metadata(id="t", title="t"))
    assert [a.number for a in reg.articles()] == [1, 2]
    assert reg.warnings == (f"{label}不合条文顺序（前一条是第二条），其文字并入第二条 / "
                            f"{label} is out of sequence after 第二条; its text is read as part of 第二条",)


def test_unicode_line_separators_end_lines_as_newlines_do():
    # red-team pass 3: a text using U+2028 between lines had "no articles found"
    text = "测试规则\u2028第一条 总则。\u2029第二条 规范性文件由区长签发。\x85第三条 附则。"
    reg = segment(text, Metadata(id="t", title="t"))
    assert [a.number for a in reg.articles()] == [1, 2, 3]
