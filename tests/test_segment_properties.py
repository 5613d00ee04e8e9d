"""Property tests: the segmenter never crashes, and never loses or reorders body text."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import Metadata
from kg.numerals import int_to_cn
from kg.segment import ParseError, segment

META = Metadata(id="prop", title="性质测试")
# Ordinary CJK text without the characters that start structure (第 条 章 节 目 numerals).
PLAIN_CJK = st.sampled_from(list("政府区会议文件公开审议主持出席列席报告办公室负责工作规定"
                                 "按照部门组织领导签发批准职责重要事项程序制度"))
SENTENCE = st.builds(lambda body, end: "".join(body) + end,
                     st.lists(PLAIN_CJK, min_size=2, max_size=40), st.sampled_from("。；"))
PARAGRAPH = st.builds(lambda ss: "".join(ss)[:-1] + "。", st.lists(SENTENCE, min_size=1, max_size=4))
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=3)


def cjk(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


def wrap(paragraphs: list[str], label: str, width: int, page_every: int) -> list[str]:
    """Lay an article out as a PDF extraction would: hard-wrapped, indented, page numbers."""
    lines = []
    for i, text in enumerate(paragraphs):
        text = (label + " " + text) if i == 0 else text
        first = width - 2
        lines.append(text[:first])
        rest = text[first:]
        while rest:
            lines.append(rest[:width])
            rest = rest[width:]
    out = []
    for n, line in enumerate(lines, 1):
        out.append(line)
        if page_every and n % page_every == 0:
            out.append(f"— {n} —")
    return out


ALPHABET = st.sampled_from(list("第一二十条章节目录（）()、。：；\n 　—-123政府区长签发主送抄送印发"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=300) | st.text(max_size=200))
def test_arbitrary_text_parses_or_raises_a_clear_parse_error(text):
    try:
        reg = segment(text, META)
    except ParseError as exc:
        assert " / " in str(exc)  # bilingual message
    else:
        assert reg.articles()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=8), st.integers(18, 30), st.integers(0, 7),
       st.booleans())
def test_article_texts_keep_every_body_character_in_order(articles, width, page_every, chapters):
    lines = []
    for n, paragraphs in enumerate(articles, 1):
        if chapters and n in (1, 3):
            lines.append(f"第{int_to_cn(1 if n == 1 else 2)}章 总则")
        lines += wrap(paragraphs, f"第{int_to_cn(n)}条", width, page_every)
    reg = segment("\n".join(lines), META)
    assert [a.number for a in reg.articles()] == list(range(1, len(articles) + 1))
    expected = "".join(cjk("".join(p)) for p in articles)
    assert "".join(cjk(a.text) for a in reg.articles()) == expected


NOISE = st.sampled_from(["\u200b", "\u2002", "\u3000", "\ufeff", "\u00a0", " ", "\u200b\u200b"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=6), st.data())
def test_invisible_characters_and_odd_spaces_change_no_article_and_spans_stay_exact(articles, data):
    lines = []
    for n, paragraphs in enumerate(articles, 1):
        lines += [(f"第{int_to_cn(n)}条 ", paragraphs[0])] + [("", p) for p in paragraphs[1:]]
    plain = segment("\n".join(label + text for label, text in lines), META)
    noisy_lines = []
    for label, text in lines:
        cut = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
        pieces, last = [], 0
        for c in cut:
            pieces += [text[last:c], data.draw(NOISE)]
            last = c
        noisy_lines.append(data.draw(NOISE) + label + "".join(pieces) + text[last:] + data.draw(NOISE))
        if data.draw(st.booleans()):
            noisy_lines.append(data.draw(NOISE))  # a line holding only an invisible character
    source = "\n".join(noisy_lines)
    noisy = segment(source, META)
    assert [(a.number, a.text) for a in noisy.articles()] == [(a.number, a.text) for a in plain.articles()]
    for a in noisy.articles():
        raw = source[a.span.start:a.span.end]
        assert raw.startswith("第") and cjk(raw) == cjk(a.label) + cjk(a.text)
