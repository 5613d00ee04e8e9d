"""The seed regulation (威环政发〔2022〕4号) segments into exactly the structure printed."""

import re

import pytest

PAGE_DEBRIS = re.compile(r"[—－\-–]\s*\d+\s*[—－\-–]?")
SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\u3000]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def all_texts(reg):
    for a in reg.articles():
        yield a.citation, a.text
        for p in a.paragraphs:
            yield p.citation, p.text
            for i in p.items:
                yield i.citation, i.text


def test_has_twelve_chapters_with_clean_titles(seed):
    assert [c.number for c in seed.chapters] == list(range(1, 13))
    assert seed.chapters[0].heading == "第一章 总则"
    assert seed.chapters[7].heading == "第八章 严格落实会议制度"
    assert seed.chapters[11].title == "廉政和作风建设"


def test_has_89_articles_numbered_in_order(seed):
    assert [a.number for a in seed.articles()] == list(range(1, 90))
    assert seed.article(62).citation == "第六十二条"


@pytest.mark.parametrize("article, items", [(42, 3), (43, 9), (45, 3), (62, 7), (69, 8)])
def test_item_counts(seed, article, items):
    assert len(seed.article(article).items()) == items


@pytest.mark.parametrize("article, paragraphs", [(19, 3), (25, 3), (75, 2)])
def test_paragraph_counts_recovered_from_layout(seed, article, paragraphs):
    assert len(seed.article(article).paragraphs) == paragraphs


def test_page_break_inside_a_word_is_joined(seed):
    assert seed.article(6).text.startswith("区长主持召开区政府全体会议、常务会议和区长办公会议。")


def test_page_number_inside_a_sentence_is_dropped(seed):
    assert "出席人数须超过应到人数的二分之一" in seed.article(43).text
    assert "每2周召开1次" in seed.article(43).text


def test_stray_spaces_removed(seed):
    assert "互为AB角的副区长原则上不同时离威" in seed.article(75).text
    assert "会前5个工作日" in seed.article(50).text


def test_no_text_has_page_numbers_or_spaces_between_cjk(seed):
    for citation, text in all_texts(seed):
        assert not PAGE_DEBRIS.search(text), citation
        assert not SPACE_BETWEEN_CJK.search(text), citation


def test_item_text_and_citations(seed):
    item = seed.article(62).paragraphs[0].items[1]
    assert item.marker == "（二）"
    assert item.citation == "第六十二条第（二）项"
    assert item.full_citation == "第六十二条第一款第（二）项"
    assert item.text == ("以区政府名义报请区人民代表大会及其常务委员会审议的议案、"
                         "区政府发布的政府规范性文件，由区长签发。")
    assert seed.article(43).paragraphs[1].citation == "第四十三条第二款"


def test_items_belong_to_the_paragraph_that_introduces_them(seed):
    first, second = seed.article(42).paragraphs
    assert first.lead.endswith("会议的主要任务是：")
    assert len(first.items) == 3 and second.items == ()
    assert second.lead.startswith("区政府全体会议根据需要可安排")


def test_spans_point_back_into_the_source(seed):
    item = seed.article(62).paragraphs[0].items[1]
    raw = seed.source[item.span.start:item.span.end]
    assert raw.startswith("以区政府名义报请") and raw.endswith("由区长签发。")
    assert "— 17 —" in raw  # the page number sat inside the item in the PDF
    art = seed.article(1)
    assert seed.source[art.span.start:].startswith("第一条")


def test_cover_notice_is_front_matter_not_rules(seed):
    assert "关于印发" in seed.front_matter
    assert "现予印发" not in seed.articles()[0].text
    assert seed.trailer == ""


def test_metadata_comes_from_the_toml(seed):
    m = seed.meta
    assert (m.id, m.title, m.doc_number) == ("huancui-gzgz-2022", "威海市环翠区人民政府工作规则",
                                             "威环政发〔2022〕4号")
    assert (str(m.adopted), str(m.issued), m.adopted_by) == ("2022-02-28", "2022-03-02",
                                                             "区政府第2次常务会议")
    assert m.issuer == "威海市环翠区人民政府"
