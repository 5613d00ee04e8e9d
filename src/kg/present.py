"""The parsed tree as the public JSON contract and as text a reader wants to see.

>>> from kg.segment import segment
>>> from kg.model import Metadata
>>> reg = segment("第一条 总则。", Metadata(id="demo", title="示例"))
>>> structure_dict(reg)["articles_outside_chapters"][0]["citation"]
'第一条'
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.hierarchy import permalink as permalink
from kg.model import Article, Division, Item, Paragraph, Regulation, Section


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


def _parents(reg: Regulation) -> dict[int, str]:
    """id(node) -> path of the 编/分编/一、 heading or 节 it sits in ("" for the regulation).

    Chapters are not entered: their 节 and 条 are nested in the chapter's own dict.
    """
    out: dict[int, str] = {}

    def visit(nodes, parent: str) -> None:
        for node in nodes:
            out[id(node)] = parent
            if isinstance(node, Division):
                visit(node.children, node.path)
            elif isinstance(node, Section):
                visit(node.articles, node.path)
    visit(reg.contents, "")
    return out


def structure_dict(reg: Regulation) -> dict:
    """The `kg structure --json` contract; numbers are ints, texts are clean.

    The tree is `chapters` (every 章, also those inside a 编) and `articles_outside_chapters`
    (every 条 in no 章). `divisions` lists the 编/分编/一、 headings and
    `sections_outside_chapters` the 节 with no 章 above them; a chapter, division, section or
    article outside chapters names its container by path in "parent" ("" is the regulation).
    """
    parent = _parents(reg)
    return {
        "id": reg.meta.id,
        "title": reg.meta.title,
        "scheme": reg.scheme,
        "chapters": [
            {"number": c.number, "title": c.title,
             "sections": [{"number": s.number, "title": s.title,
                           "articles": [article_dict(a) for a in s.articles],
                           "label": s.label, "path": s.path}
                          for s in c.sections],
             "articles": [article_dict(a) for a in c.articles],
             "label": c.label, "path": c.path, "parent": parent[id(c)]}
            for c in reg.chapters],
        "articles_outside_chapters": [article_dict(a) | {"parent": parent[id(a)]}
                                      for a in reg.articles_outside_chapters],
        "divisions": [{"level": d.level, "number": d.number, "label": d.label, "title": d.title,
                       "path": d.path, "parent": parent[id(d)]} for d in reg.divisions()],
        "sections_outside_chapters": [
            {"number": s.number, "title": s.title, "label": s.label, "path": s.path,
             "parent": parent[id(s)]}
            for s in reg.sections() if id(s) in parent],  # the 节 in no 章
        "warnings": sorted(reg.warnings),  # sorted, as a store returns them
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

    def node_lines(node, indent: str) -> None:
        if isinstance(node, Article):
            article_line(node, indent)
        elif isinstance(node, Division):
            lines.append(f"{indent}{node.heading}")
            for child in node.children:
                node_lines(child, indent + "  ")
        elif isinstance(node, Section):
            lines.append(f"{indent}{node.heading}")
            for a in node.articles:
                article_line(a, indent + "  ")
        else:
            lines.append(f"{indent}{node.heading}")
            for a in node.articles:
                article_line(a, indent + "  ")
            for s in node.sections:
                node_lines(s, indent + "  ")

    for node in reg.contents:
        node_lines(node, "  ")
    return "\n".join(lines)


def highlight(text: str, quote: str) -> str:
    """HTML-escaped text with the quoted sentence marked."""
    import html
    pos = text.find(quote) if quote else -1
    if pos < 0:
        return html.escape(text)
    return (html.escape(text[:pos]) + "<mark>" + html.escape(quote) + "</mark>"
            + html.escape(text[pos + len(quote):]))


def highlight_all(text: str, quotes: list[str]) -> str:
    """HTML-escaped text with every quoted sentence marked (overlapping quotes merge).

    >>> highlight_all("甲列席。乙列席。", ["乙列席", "甲列席"])
    '<mark>甲列席</mark>。<mark>乙列席</mark>。'
    """
    import html
    marked = [False] * len(text)
    for q in quotes:
        pos = text.find(q) if q else -1
        while pos >= 0:
            marked[pos:pos + len(q)] = [True] * len(q)
            pos = text.find(q, pos + len(q))
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and marked[j] == marked[i]:
            j += 1
        piece = html.escape(text[i:j])
        out.append(f"<mark>{piece}</mark>" if marked[i] else piece)
        i = j
    return "".join(out)


def excerpt(text: str, quotes: list[str]) -> str:
    """The sentences of a provision that hold a quote, the others left out as …

    >>> excerpt("甲主持。乙列席。丙记录。", ["乙列席"])
    '…乙列席。…'
    """
    import re
    sentences = [s for s in re.split(r"(?<=[。；！？\n])", text) if s.strip()]
    keep = [any(q and (q in s or s.strip() in q) for q in quotes) for s in sentences]
    if not any(keep):
        return text
    out = []
    for s, k in zip(sentences, keep, strict=True):
        if k:
            out.append(s.strip("\n"))
        elif not out or out[-1] != "…":
            out.append("…")
    return "".join(out)


def _kind(type_iri: str) -> str:
    return type_iri.rsplit("/", 1)[-1]


def structure_from_rows(regulation: dict, rows: list[dict], warnings: list[str] | tuple = ()) -> dict:
    """The `kg structure --json` tree rebuilt from a store (named queries regulations/structure;
    `warnings` from the regulation's kg:parseWarning).

    Gives the same document as structure_dict() on the parsed text, so remote and
    embedded readers agree.
    """
    nodes: dict[str, dict] = {}
    children: dict[str, list[str]] = {}
    for r in rows:  # rows come in document order
        nodes[r["node"]] = r
        children.setdefault(r["parent"], []).append(r["node"])
    root = regulation["regulation"]

    def path(iri: str) -> str:
        return iri[len(root) + 1:] if iri != root else ""

    def span(r):
        return [r["start"], r["end"]]

    def subitem(r):
        return {"number": r["ordinal"], "marker": r["marker"], "citation": r["citation"],
                "text": r["text"], "span": span(r)}

    def item(r):
        return {"number": r["ordinal"], "marker": r["marker"], "citation": r["citation"],
                "text": r["text"], "span": span(r),
                "subitems": [subitem(nodes[c]) for c in children.get(r["node"], [])]}

    def paragraph(r):
        return {"number": r["ordinal"], "citation": r["citation"], "text": r["text"], "span": span(r),
                "items": [item(nodes[c]) for c in children.get(r["node"], [])]}

    def article(r):
        d = {"number": r["ordinal"], "citation": r["citation"], "label": r["marker"],
             "text": r["text"], "span": span(r),
             "paragraphs": [paragraph(nodes[c]) for c in children.get(r["node"], [])]}
        if r.get("suffix"):
            d["suffix"] = r["suffix"]
        return d

    def of_kind(parent: str, kind: str) -> list[dict]:
        return [nodes[c] for c in children.get(parent, []) if _kind(nodes[c]["type"]) == kind]

    def heading(r, parent: str) -> dict:
        return {"number": r["ordinal"], "title": r["heading"] or "", "label": r["marker"] or "",
                "path": path(r["node"]), "parent": parent}

    doc = {"id": regulation["id"], "title": regulation["title"], "scheme": regulation["scheme"],
           "chapters": [], "articles_outside_chapters": [], "divisions": [],
           "sections_outside_chapters": [], "warnings": sorted(warnings)}

    def visit(parent: str) -> None:
        for c in children.get(parent, []):
            r, kind = nodes[c], _kind(nodes[c]["type"])
            if kind == "chapter":
                doc["chapters"].append({
                    "number": r["ordinal"], "title": r["heading"] or "",
                    "sections": [{"number": s["ordinal"], "title": s["heading"] or "",
                                  "articles": [article(a) for a in of_kind(s["node"], "article")],
                                  "label": s["marker"] or "", "path": path(s["node"])}
                                 for s in of_kind(c, "section")],
                    "articles": [article(a) for a in of_kind(c, "article")],
                    "label": r["marker"] or "", "path": path(c), "parent": path(parent)})
            elif kind == "article":
                doc["articles_outside_chapters"].append(article(r) | {"parent": path(parent)})
            elif kind == "section":
                doc["sections_outside_chapters"].append(heading(r, path(parent)))
                visit(c)
            else:
                doc["divisions"].append({"level": kind} | heading(r, path(parent)))
                visit(c)
    visit(root)
    return doc


def _local(iri: str | None) -> str | None:
    """https://…/ns/kg#Obligation -> obligation"""
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower() if iri else None


def fact_dict(row: dict) -> dict:
    """One norm as `kg facts --json` prints it (from the named query facts.rq)."""
    def split(names):
        """A store returns a list in any order: list names as the quoted text does."""
        quote = row.get("quote") or ""
        return sorted(names, key=lambda n: (quote.find(n) if n in quote else len(quote), n))
    return {
        "norm": row["norm"], "action": _local(row["action"]), "relation": row["relation"],
        "verb": row["verb"],
        "bearer": ({"iri": row["bearer"], "label": row["bearerLabel"], "name": row["bearerName"]}
                   if row.get("bearer") else None),
        "objects": split(row["objectNames"]), "object_text": row.get("objectText"),
        "auxiliary": split(row["auxiliaryLabels"]), "condition": row.get("condition"),
        "delegated_by": split(row["delegatedBy"]), "delegation": row.get("delegation"),
        "modality": _local(row["modality"]), "strength": _local(row["strength"]),
        "value": float(row["value"]) if row.get("value") else None, "unit": row.get("unit"),
        "source": {"iri": row["source"], "citation": row["citation"], "article": row["article"],
                   "quote": row["quote"]},
    }


def fact_line(f: dict) -> str:
    """One norm as a reviewer reads it: 第六十二条第（二）项 区长 签发 〔议案、规范性文件〕."""
    parts = [f["source"]["citation"], f["bearer"]["label"] if f["bearer"] else "—", f["verb"]]
    if f["objects"]:
        parts.append("〔" + "、".join(f["objects"]) + "〕")
    if f["auxiliary"]:
        parts.append("→ " + "、".join(f["auxiliary"]))
    if f["value"] is not None:
        parts.append(f"= {f['value']:g} {f['unit']}")
    extras = []
    if f["condition"]:
        extras.append(f"条件：{f['condition']}")
    if f["delegated_by"]:
        extras.append(f"{f['delegation'] or '委托'}：" + "、".join(f["delegated_by"]))
    extras.append(f"{f['modality']}/{f['strength']}")
    return " ".join(parts) + "  （" + "；".join(extras) + "）"


@dataclass(frozen=True)
class Provision:
    """A provision found from permalink parameters: its citation, text and the parameters that
    name it (art/par/item/sub, only the levels that exist)."""

    citation: str                 # 第六十二条第（二）项 (款 named only when the article has several)
    text: str
    params: dict[str, int]
    article: dict
    missing: tuple[str, ...] = ()  # parameters that named no provision (par=9 on a one-款 article)

    def full(self, title: str) -> str:
        """《title》citation — the one form every page and export shows."""
        return f"《{title}》{self.citation}" if title else self.citation


def locate(doc: dict, art: int, par: int | None = None, item: int | None = None,
           sub: int | None = None) -> Provision | None:
    """The deepest provision that the permalink parameters name; None when the article is unknown.

    `item` without `par` is the first 款 that has that 项 (items are numbered within their 款).

    >>> from kg.corpus import load_corpus
    >>> doc = structure_dict(load_corpus()[0])
    >>> locate(doc, 62, item=2).citation, locate(doc, 62, item=2).params
    ('第六十二条第（二）项', {'art': 62, 'par': 1, 'item': 2})
    >>> locate(doc, 75, par=1).citation
    '第七十五条第一款'
    """
    from kg.hierarchy import BY_NAME, cite

    article = next((a for a in _all_articles(doc) if a["number"] == art), None)
    if article is None:
        return None
    q = {lv: BY_NAME[lv].query for lv in ("article", "paragraph", "point", "subpoint")}
    found = Provision(article["citation"], article["text"], {q["article"]: art}, article)
    missing = []
    paragraphs = article["paragraphs"]
    if par is not None:
        chosen = [p for p in paragraphs if p["number"] == par]
        if not chosen:
            missing.append(q["paragraph"])
    else:
        chosen = [p for p in paragraphs if any(i["number"] == item for i in p["items"])] if item else []
    paragraph = chosen[0] if chosen else None
    if paragraph is not None:
        # A one-款 article is cited without its 款 (第六十二条第（二）项), as the text itself does.
        cited = paragraph["citation"] if len(paragraphs) > 1 else article["citation"]
        found = Provision(cited, paragraph["text"],
                          {**found.params, q["paragraph"]: paragraph["number"]}, article)
    if item is not None:
        point = next((i for i in (paragraph or {}).get("items", []) if i["number"] == item), None)
        if point is None:
            missing.append(q["point"])
        else:
            found = Provision(point["citation"], point["marker"] + point["text"],
                              {**found.params, q["point"]: item}, article)
            if sub is not None:
                child = next((s for s in point["subitems"] if s["number"] == sub), None)
                if child is None:
                    missing.append(q["subpoint"])
                else:
                    found = Provision(point["citation"] + cite("subpoint", sub),
                                      child["marker"] + child["text"],
                                      {**found.params, q["subpoint"]: sub}, article)
    elif sub is not None:
        missing.append(q["subpoint"])
    return Provision(found.citation, found.text, found.params, article, tuple(missing))


def locate_iri(doc: dict, iri: str) -> Provision | None:
    """The provision a subdivision IRI names (…/art_62/par_1/pnt_2), as locate() finds it;
    None for an IRI of another regulation."""
    from kg.hierarchy import BY_NAME
    if "/eli/" in iri and f"/eli/{doc['id']}/" not in iri:
        return None
    try:
        params = permalink(iri)
    except ValueError:
        return None
    by_query = {BY_NAME[lv].query: lv for lv in ("article", "paragraph", "point", "subpoint")}
    named = {by_query[k]: v for k, v in params.items() if k in by_query}
    if "article" not in named:
        return None
    return locate(doc, named["article"], named.get("paragraph"), named.get("point"),
                  named.get("subpoint"))


def link(params: dict[str, int], page: str = "browse") -> str:
    """The Browse page's permalink: browse?art=62&par=1&item=2."""
    return page + "?" + "&".join(f"{k}={v}" for k, v in params.items())


def _all_articles(doc: dict) -> list[dict]:
    out = list(doc["articles_outside_chapters"])
    for c in doc["chapters"]:
        out += c["articles"] + [a for s in c["sections"] for a in s["articles"]]
    return out
