"""Cross-references inside a regulation: 本条例第三条, 本条第二款, 前款, 前两款, 前条.

The words are data (ontology/extraction.toml [references]); references to other
laws (《…》第X条) are not followed.

>>> from kg.segment import segment
>>> from kg.model import Metadata
>>> text = "第一条 总则。\\n第二条 依照本规则第一条办理。\\n前款规定的除外。"
>>> reg = segment(text, Metadata(id="d", title="d"))
>>> [(r.source, r.target, r.text) for r in references(reg)]
[('art_2/par_1', 'art_1', '本规则第一条'), ('art_2/par_2', 'art_2/par_1', '前款')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.grammar import load_grammar
from kg.hierarchy import article_key, path, segment
from kg.model import Article, Regulation
from kg.numerals import NUMERAL_CLASS, cn_to_int

N = f"{NUMERAL_CLASS}+"


@dataclass(frozen=True)
class Reference:
    source: str   # ELI path of the citing 款/项
    target: str   # ELI path of the cited 条/款
    text: str     # the words that cite


def _patterns():
    g = load_grammar().references
    names = "|".join(map(re.escape, g.self_names))
    explicit = re.compile(rf"(?:{names})第({N})条(?:之({N}))?(?:第({N})款)?")
    this = re.compile(rf"{re.escape(g.this_article)}第({N})款")
    before = {re.escape(g.previous_paragraph): 1} | {re.escape(k): v for k, v in
                                                   g.previous_paragraphs.items()}
    previous = re.compile("|".join(sorted(before, key=len, reverse=True)))
    joins = "|".join(map(re.escape, sorted(g.list_joins, key=len, reverse=True))) or "(?!x)x"
    more = re.compile(rf"(?:{joins})(?:第({N})条(?:之({N}))?)?(?:第({N})款)?")
    return explicit, this, previous, {k.replace("\\", ""): v for k, v in before.items()}, \
        re.escape(g.previous_article), more


def _units(article: Article):
    for p in article.paragraphs:
        yield p.number, p.path, p.lead
        for i in p.items:
            yield p.number, i.path, i.text


def references(reg: Regulation) -> list[Reference]:
    """Every internal reference, from the citing provision to the cited one."""
    explicit, this, previous, counts, previous_article, more = _patterns()
    known = {a.path for a in reg.articles()} | {p.path for a in reg.articles() for p in a.paragraphs}
    out: list[Reference] = []
    articles = reg.articles()
    for index, a in enumerate(articles):
        for par_no, source, text in _units(a):
            cited_before = re.search(previous_article, text) if index else None
            if cited_before:
                out.append(Reference(source, articles[index - 1].path, cited_before.group()))
            for m in explicit.finditer(text):
                art = ("article", article_key(cn_to_int(m.group(1)),
                                              cn_to_int(m.group(2)) if m.group(2) else None))
                target = path(art, ("paragraph", cn_to_int(m.group(3)))) if m.group(3) else path(art)
                if target in known:
                    out.append(Reference(source, target, m.group()))
                at = m.end()   # …、第十五条、第十六条 / 第二款、第三款: the list goes on
                while (n := more.match(text, at)) and (n.group(1) or n.group(3)):
                    if n.group(1):
                        art = ("article", article_key(cn_to_int(n.group(1)),
                                                      cn_to_int(n.group(2)) if n.group(2) else None))
                    target = path(art, ("paragraph", cn_to_int(n.group(3)))) if n.group(3) else path(art)
                    if target in known:
                        out.append(Reference(source, target, n.group()))
                    at = n.end()
            for m in this.finditer(text):
                target = f"{a.path}/{segment('paragraph', cn_to_int(m.group(1)))}"
                if target in known:
                    out.append(Reference(source, target, m.group()))
            for m in previous.finditer(text):
                for back in range(1, counts[m.group()] + 1):
                    if par_no - back >= 1:
                        out.append(Reference(source, f"{a.path}/{segment('paragraph', par_no - back)}",
                                             m.group()))
    unique = {(r.source, r.target): r for r in out}
    return list(unique.values())
