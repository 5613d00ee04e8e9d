"""The parsed tree as the public JSON contract and as text a reader wants to see.

>>> from kg.segment import segment
>>> from kg.model import Metadata
>>> reg = segment("第一条 总则。", Metadata(id="demo", title="示例"))
>>> structure_dict(reg)["articles_outside_chapters"][0]["citation"]
'第一条'
"""

from __future__ import annotations

from kg.model import Article, Item, Paragraph, Regulation


def _item_dict(item: Item) -> dict:
    return {"number": item.number, "marker": item.marker, "citation": item.citation,
            "text": item.text, "span": [item.span.start, item.span.end],
            "subitems": [{"number": s.number, "marker": s.marker, "citation": s.citation,
                          "text": s.text, "span": [s.span.start, s.span.end]}
                         for s in item.subitems]}


def _paragraph_dict(p: Paragraph) -> dict:
    return {"number": p.number, "citation": p.citation, "text": p.text,
            "span": [p.span.start, p.span.end], "items": [_item_dict(i) for i in p.items]}


def article_dict(a: Article) -> dict:
    d = {"number": a.number, "citation": a.citation, "label": a.label, "text": a.text,
         "span": [a.span.start, a.span.end],
         "paragraphs": [_paragraph_dict(p) for p in a.paragraphs]}
    if a.suffix:
        d["suffix"] = a.suffix
    return d


def structure_dict(reg: Regulation) -> dict:
    """The `kg structure --json` contract; numbers are ints, texts are clean."""
    return {
        "id": reg.meta.id,
        "title": reg.meta.title,
        "scheme": reg.scheme,
        "chapters": [
            {"number": c.number, "title": c.title,
             "sections": [{"number": s.number, "title": s.title,
                           "articles": [article_dict(a) for a in s.articles]}
                          for s in c.sections],
             "articles": [article_dict(a) for a in c.articles]}
            for c in reg.chapters],
        "articles_outside_chapters": [article_dict(a) for a in reg.articles_outside_chapters],
    }


def article_text(a: Article, title: str = "") -> str:
    """One article laid out as in print: heading line, each 款 indented, items below it."""
    head = f"《{title}》{a.citation}" if title else a.citation
    lines = [head, ""]
    for p in a.paragraphs:
        if p.lead:
            lines.append("　　" + p.lead)
        for item in p.items:
            lines.append("　　" + item.marker + item.text)
            lines += ["　　　　" + s.marker + s.text for s in item.subitems]
    return "\n".join(lines)


def outline_text(reg: Regulation) -> str:
    """The tree as an indented outline for the terminal."""
    lines = [f"{reg.meta.title}（{reg.meta.id}）"]

    def article_line(a: Article, indent: str) -> None:
        counts = f"{len(a.paragraphs)}款" + (f" {len(a.items())}项" if a.items() else "")
        first = a.paragraphs[0].text.split("\n")[0]
        lines.append(f"{indent}{a.citation}〔{counts}〕{first[:30]}{'…' if len(first) > 30 else ''}")

    for c in reg.chapters:
        lines.append(f"  {c.heading}")
        for a in c.articles:
            article_line(a, "    ")
        for s in c.sections:
            lines.append(f"    {s.heading}")
            for a in s.articles:
                article_line(a, "      ")
    for a in reg.articles_outside_chapters:
        article_line(a, "  ")
    return "\n".join(lines)


def norm_dict(n) -> dict:
    """One extracted norm for `kg facts --json` (n is a kg.extract.Norm)."""
    def party(p):
        return {"label": p.label, "name": p.name, "iri": p.iri}
    return {
        "id": n.id, "action": n.action, "verb": n.verb,
        "bearer": party(n.bearer) if n.bearer else None,
        "objects": [party(o) for o in n.objects], "object_text": n.object_text,
        "auxiliary": [party(a) for a in n.aux], "condition": n.condition or None,
        "basis": n.basis or None, "delegated_by": [party(d) for d in n.delegated_by],
        "delegation": n.delegation or None, "modality": n.modality, "strength": n.strength,
        "value": float(n.value) if n.value is not None else None, "unit": n.unit or None,
        "source": {"path": n.source_path, "citation": n.source_citation, "article": n.article,
                   "quote": n.quote, "quote_span": [n.quote_start, n.quote_end]},
    }


def norm_line(n) -> str:
    """One norm as a reviewer reads it: 第六十二条第（二）项 区长 签发 [议案、规范性文件]."""
    who = n.bearer.label if n.bearer else "—"
    parts = [f"{n.source_citation}", who, n.verb]
    if n.objects:
        parts.append("〔" + "、".join(o.name for o in n.objects) + "〕")
    if n.aux:
        parts.append("→ " + "、".join(a.label for a in n.aux))
    if n.value is not None:
        parts.append(f"= {float(n.value):g} {n.unit}")
    extras = []
    if n.condition:
        extras.append(f"条件：{n.condition}")
    if n.delegated_by:
        extras.append(f"{n.delegation}：" + "、".join(d.label for d in n.delegated_by))
    extras.append(f"{n.modality}/{n.strength}")
    return " ".join(parts) + "  （" + "；".join(extras) + "）"


def permalink(source_iri: str) -> dict[str, int]:
    """Query parameters opening a provision in the Browse page.

    >>> permalink("https://x/eli/reg/art_62/par_1/pnt_2")
    {'art': 62, 'par': 1, 'item': 2}
    """
    keys = {"art": "art", "par": "par", "pnt": "item"}
    out = {}
    for seg in source_iri.split("/eli/", 1)[-1].split("/")[1:]:
        name, _, number = seg.partition("_")
        if name in keys and number.split("_")[0].isdigit():
            out[keys[name]] = int(number.split("_")[0])
    return out


def highlight(text: str, quote: str) -> str:
    """HTML-escaped text with the quoted sentence marked."""
    import html
    pos = text.find(quote) if quote else -1
    if pos < 0:
        return html.escape(text)
    return (html.escape(text[:pos]) + "<mark>" + html.escape(quote) + "</mark>"
            + html.escape(text[pos + len(quote):]))
