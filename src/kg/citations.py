"""Citations of other documents by title — 《…》, 《…》第X条第X款 — and what they resolve to.

Two steps, so a library build can cache the first per text: `mentions(reg)` reads one
regulation's citations (and the short titles it declares); `Library.resolve` finds the cited
document among the regulations built together, by rule (words in ontology/extraction.toml
[citations]): the title as written, the title without a prefix short titles drop
(中华人民共和国), a short title the citing text declares (（以下简称地方组织法）), or the drafting
convention of keeping a title's first and last words (地方组织法, 选举法). A title that matches
no document, or several, stays unresolved.

>>> lib = Library([("lg", "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法", frozenset({"art_3"})),
...                ("gwy", "中华人民共和国国务院组织法", frozenset())])
>>> lib.resolve(Mention("art_1/par_1", "地方组织法", article="art_3"))
('lg', 'art_3')
>>> lib.resolve(Mention("art_1/par_1", "组织法")) is None    # two documents end so: no guess
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from kg.grammar import Citations as Grammar
from kg.grammar import load_grammar
from kg.hierarchy import article_key, path, segment
from kg.model import Regulation
from kg.numerals import NUMERAL_CLASS, cn_to_int

N = f"{NUMERAL_CLASS}+"


@dataclass(frozen=True)
class Mention:
    """One citation of another document: the citing 款/项/目, the title as written and the
    provision it names (ELI paths below the cited document, "" when none is named)."""

    source: str
    title: str
    article: str = ""
    paragraph: str = ""
    point: str = ""
    declared: str = ""   # the full title, when `title` is a short title the text declared

    def to_json(self) -> list[str]:
        return [self.source, self.title, self.article, self.paragraph, self.point, self.declared]

    @classmethod
    def from_json(cls, row: list[str]) -> Mention:
        return cls(*row)


def grammar() -> Grammar:
    """extraction.toml [citations]."""
    return load_grammar().citations


def normalise(title: str) -> str:
    """NFKC, no spaces or invisible characters: how titles are compared."""
    text = unicodedata.normalize("NFKC", title)
    return re.sub(r"[\s\u200b-\u200d\u2060\ufeff]+", "", text)


def _strip_prefix(title: str, g: Grammar) -> str:
    for prefix in g.drop_prefixes:
        if title.startswith(prefix) and len(title) > len(prefix):
            return title[len(prefix):]
    return title


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    g = grammar()
    o, c = re.escape(g.open), re.escape(g.close)
    provision = (rf"(?:第({N})条(?:之({N}))?)?(?:第({N})款)?(?:第[（(]({N})[）)]项)?")
    cited = re.compile(rf"{o}([^{o}{c}\n]{{2,120}}){c}{provision}")
    markers = "|".join(map(re.escape, sorted(g.short_title_markers, key=len, reverse=True)))
    declared = re.compile(rf"{o}([^{o}{c}\n]{{2,120}}){c}[（(](?:{markers})[“\"「{o}]?"
                          rf"([^”\"」{c}）)，,、；;\s]{{2,30}})[”\"」{c}]?[）)]")
    return cited, declared


def _provision(m: re.Match, first: int) -> tuple[str, str, str]:
    """ELI paths of the 条, 款 and 项 a citation names after the title ("" for each not named)."""
    art_no, suffix, par_no, pnt_no = (m.group(first + k) for k in range(4))
    if not art_no:
        return "", "", ""
    art = ("article", article_key(cn_to_int(art_no), cn_to_int(suffix) if suffix else None))
    par = path(art, ("paragraph", cn_to_int(par_no))) if par_no else ""
    pnt = f"{par or path(art, ('paragraph', 1))}/{segment('point', cn_to_int(pnt_no))}" if pnt_no else ""
    return path(art), par, pnt


def _units(reg: Regulation) -> Iterator[tuple[str, str]]:
    """(ELI path, own text) of every 款 (its lead), 项 and 目."""
    for a in reg.articles():
        for p in a.paragraphs:
            yield p.path, p.lead
            for i in p.items:
                yield i.path, i.text
                for s in i.subitems:
                    yield s.path, s.text


def mentions(reg: Regulation) -> list[Mention]:
    """Every citation of another document in the regulation's provisions, in document order.

    >>> from kg.segment import segment
    >>> from kg.model import Metadata
    >>> text = "第一条 依据《中华人民共和国甲法》（以下简称甲法）制定。\\n第二条 依照甲法第三条第二款办理。"
    >>> reg = segment(text, Metadata(id="d", title="乙规定"))
    >>> [(m.source, m.title, m.paragraph, m.declared)
    ...  for m in mentions(reg)]  # doctest: +NORMALIZE_WHITESPACE
    [('art_1/par_1', '中华人民共和国甲法', '', ''),
     ('art_2/par_1', '甲法', 'art_3/par_2', '中华人民共和国甲法')]
    """
    g = grammar()
    cited, declared = _patterns()
    units = list(_units(reg))
    own = normalise(reg.meta.title)
    aliases: dict[str, str] = {}
    for _, text in units:
        for m in declared.finditer(text):
            aliases.setdefault(normalise(m.group(2)), normalise(m.group(1)))
    # A declared short title is also cited without 《》: 依照地方组织法第十条.
    bare = None
    if aliases:
        names = "|".join(map(re.escape, sorted(aliases, key=len, reverse=True)))
        o, c = re.escape(g.open), re.escape(g.close)
        bare = re.compile(rf"(?<!{o})({names})(?!{c})(?:第({N})条(?:之({N}))?)?(?:第({N})款)?"
                          rf"(?:第[（(]({N})[）)]项)?")
    out: list[Mention] = []
    for source, text in units:
        found: list[tuple[int, Mention]] = []
        for m in cited.finditer(text):
            title = normalise(m.group(1))
            if title == own:
                continue
            found.append((m.start(), Mention(source, title, *_provision(m, 2),
                                             declared=aliases.get(title, ""))))
        if bare is not None:
            # Not inside a 《…》 nor inside the declaration itself (（以下简称甲法）).
            quoted = [(m.start(), m.end()) for m in cited.finditer(text)]
            quoted += [(m.start(), m.end()) for m in declared.finditer(text)]
            for m in bare.finditer(text):
                if any(s <= m.start() < e for s, e in quoted):
                    continue
                title = normalise(m.group(1))
                found.append((m.start(), Mention(source, title, *_provision(m, 2),
                                                 declared=aliases[title])))
        out += [mention for _, mention in sorted(found, key=lambda f: f[0])]
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Entry:
    """A document of the library as citations see it."""

    id: str
    title: str
    paths: frozenset[str]   # ELI paths of its 条, 款 and 项


class Library:
    """The documents built together, indexed by the titles a citation may use."""

    def __init__(self, entries: Iterable[tuple[str, str, frozenset[str]]]):
        self.g = grammar()
        self.entries = {e.id: e for e in (Entry(*row) for row in entries)}
        self.exact: dict[str, set[str]] = {}
        self.short: dict[str, set[str]] = {}
        for e in self.entries.values():
            title = normalise(e.title)
            self.exact.setdefault(title, set()).add(e.id)
            self.short.setdefault(_strip_prefix(title, self.g), set()).add(e.id)
        # Titles by their last words, so a short title is compared only with those ending like it.
        self.ending: dict[str, list[str]] = {}
        for full in self.short:
            self.ending.setdefault(full[-self.g.min_last_words:], []).append(full)
        self._found: dict[tuple[str, str], str | None] = {}

    def _by_title(self, title: str) -> set[str]:
        return self.exact.get(title) or self.short.get(_strip_prefix(title, self.g)) or set()

    def _by_words(self, title: str) -> set[str]:
        """Titles that keep `title`'s first and last words: 地方组织法 for 地方…组织法."""
        g, t = self.g, _strip_prefix(title, self.g)
        if len(t) < g.min_short_title:
            return set()
        found: set[str] = set()
        for full in self.ending.get(t[-g.min_last_words:], []):
            if len(full) <= len(t):
                continue
            for cut in range(0, len(t) - g.min_last_words + 1):
                if full.startswith(t[:cut]) and full.endswith(t[cut:]):
                    found |= self.short[full]
                    break
        return found

    def find(self, mention: Mention) -> str | None:
        """The id of the one document the title names, or None (none, or several)."""
        key = (mention.title, mention.declared)
        if key not in self._found:
            self._found[key] = self._find(mention)
        return self._found[key]

    def _find(self, mention: Mention) -> str | None:
        for tier in (lambda: self._by_title(mention.title),
                     lambda: self._by_title(mention.declared) if mention.declared else set(),
                     lambda: self._by_words(mention.title)):
            ids = tier()
            if len(ids) == 1:
                return next(iter(ids))
            if ids:
                return None   # several documents share the title: not a guess
        return None

    def resolve(self, mention: Mention) -> tuple[str, str] | None:
        """(document id, ELI path of the most precise cited provision it has, "" for the
        document itself), or None when the title names no single document here."""
        found = self.find(mention)
        if found is None:
            return None
        paths = self.entries[found].paths
        for target in (mention.point, mention.paragraph, mention.article):
            if target and target in paths:
                return found, target
        return found, ""


def provision_paths(reg: Regulation) -> frozenset[str]:
    """The ELI paths a citation of this regulation can name: its 条, 款 and 项."""
    out: set[str] = set()
    for a in reg.articles():
        out.add(a.path)
        for p in a.paragraphs:
            out.add(p.path)
            out.update(i.path for i in p.items)
    return frozenset(out)
