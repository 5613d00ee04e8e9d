"""Chinese full-text search over the articles: jieba + character bigrams, BM25 ranking.

jieba (with the user dictionary generated from the lexicon) gives words, and
cut_for_search their parts; character bigrams make two-character queries such as
区长 or 印章 match wherever they occur. Snippets are HTML-escaped with <mark>.

>>> from kg.corpus import load_corpus
>>> index = Index(load_corpus()[0].articles())
>>> index.search("印章")[0].citation
'第六十七条'
"""

from __future__ import annotations

import html
import logging
import math
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jieba

from kg.errors import InputError, bilingual
from kg.lexicon import load_lexicon, normalise
from kg.model import Article
from kg.numerals import cn_to_int

K1, B = 1.5, 0.75
RE_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
RE_WORD = re.compile(r"[\w\u4e00-\u9fff]")
# Applied to a stripped query of at most JUMP_MAX characters: no unbounded \s* runs to backtrack over.
RE_JUMP = re.compile(r"^第? ?([0-9０-９]+|[零〇○一二两三四五六七八九十百]+) ?条?$")
JUMP_MAX = 16
MAX_QUERY = 200


@cache
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the lexicon's words (built once per process)."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    path = Path(tempfile.gettempdir()) / "regkg-jieba-user.dict"
    tok.load_userdict(str(load_lexicon().write_jieba_dict(path)))
    return tok


def tokens(text: str) -> list[str]:
    """Search terms: jieba's cut_for_search words plus CJK character bigrams."""
    text = normalise(text)
    words = [w for w in tokenizer().cut_for_search(text) if RE_WORD.search(w)]
    for run in RE_CJK_RUN.findall(text):
        words += [run[i:i + 2] for i in range(len(run) - 1)]
        if len(run) == 1:
            words.append(run)
    return [w.lower() for w in words]


def jump(query: str) -> int | None:
    """第62条 / 六十二 / 62 -> 62; anything else -> None."""
    core = re.sub(r"\s+", " ", normalise(query).strip()) if len(query) <= 10 * JUMP_MAX else ""
    m = RE_JUMP.match(core) if 0 < len(core) <= JUMP_MAX else None
    if not m:
        return None
    try:
        return cn_to_int(m.group(1))
    except ValueError:
        return None


@dataclass(frozen=True)
class Entry:
    """What the index needs of an article (an Article has these too)."""

    number: int
    citation: str
    text: str
    order: int
    iri: str = ""
    regulation: str = ""


@dataclass(frozen=True)
class Hit:
    article: int
    citation: str
    score: float
    snippet: str  # HTML-escaped, hits in <mark>
    text: str
    iri: str = ""
    regulation: str = ""  # the Entry's regulation (an id or IRI, as the index was given)


class Index:
    """BM25 over the articles of one or more regulations."""

    def __init__(self, articles: list[Article] | list[Entry]):
        self.articles = [a if isinstance(a, Entry) else Entry(a.number, a.citation, a.text, a.span.start)
                         for a in articles]
        self.docs = [Counter(tokens(a.text)) for a in self.articles]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / max(1, len(self.lengths))
        df: Counter = Counter()
        for d in self.docs:
            df.update(d.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        # word -> (document, frequency): a query touches only the documents holding its words,
        # not every provision of a library.
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, d in enumerate(self.docs):
            for t, f in d.items():
                self.postings.setdefault(t, []).append((i, f))

    def suggest(self, query: str, lexicon_labels: list[str], limit: int = 6) -> list[str]:
        """Words to try when a query finds nothing: the index's own words and the lexicon's names
        that share characters with it, the head (last) character counting double; only words
        the text contains.

        >>> from kg.corpus import load_corpus
        >>> from kg.lexicon import load_lexicon
        >>> index = Index(load_corpus()[0].articles())
        >>> "印章" in index.suggest("公章", [lb for e in load_lexicon().entries.values() for lb in e.labels])
        True
        """
        q = normalise(query).strip()
        if not q:
            return []
        chars = set(q)
        vocabulary = self.vocabulary()
        curated = {lb for lb in lexicon_labels if RE_CJK_RUN.fullmatch(lb)
                   and (lb in vocabulary or any(lb in a.text for a in self.articles))}
        scored = []
        for word in set(vocabulary) | curated:
            if word == q or not (set(word) & chars):
                continue
            score = len(set(word) & chars) + (1 if word[-1] == q[-1] else 0) + (0.5 if word in curated else 0)
            scored.append((-score, len(word), -vocabulary.get(word, 0), word))
        return [w for *_, w in sorted(scored)[:limit]]

    def vocabulary(self) -> Counter:
        """The jieba words (two or more CJK characters) of the indexed text, with document counts."""
        if not hasattr(self, "_vocabulary"):
            counts: Counter = Counter()
            for a in self.articles:
                counts.update({w for w in tokenizer().cut(normalise(a.text))
                               if len(w) >= 2 and RE_CJK_RUN.fullmatch(w)})
            self._vocabulary = counts
        return self._vocabulary

    def holding(self, word: str, limit: int | None = None) -> list[int]:
        """The documents whose text writes `word` (of two characters or more), read from the
        postings of its first character pair; at most `limit` of them.

        >>> Index([Entry(1, "第一条", "由区长签发", 0), Entry(2, "第二条", "由区长主持", 1)]).holding("签发")
        [0]
        """
        head = normalise(word)[:2].lower()
        found = []
        for i, _ in self.postings.get(head, ()):
            if word in self.articles[i].text:
                found.append(i)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def search(self, query: str, limit: int = 20, regulations: Iterable[str] | None = None) -> list[Hit]:
        """Ranked hits, from the given regulations only when named (IDF stays the whole index's);
        a query over MAX_QUERY characters is an InputError (bounded work)."""
        if len(query) > MAX_QUERY:
            raise InputError(bilingual(f"检索词过长（最多 {MAX_QUERY} 字）",
                                       f"search query too long (at most {MAX_QUERY} characters)"))
        terms = Counter(tokens(query))
        if not terms:
            return []
        within = set(regulations) if regulations is not None else None
        scores: dict[int, float] = {}
        for t in terms:   # the same additions in the same order per document as a full scan
            for i, f in self.postings.get(t, ()):
                if within is not None and self.articles[i].regulation not in within:
                    continue
                norm = f * (K1 + 1) / (f + K1 * (1 - B + B * self.lengths[i] / self.avg))
                scores[i] = scores.get(i, 0.0) + self.idf[t] * norm
        scored = [(score, i) for i, score in scores.items() if score > 0]
        scored.sort(key=lambda x: (-x[0], self.articles[x[1]].order))
        hits = []
        for score, i in scored[:limit]:
            a = self.articles[i]
            hits.append(Hit(a.number, a.citation, round(score, 4), snippet(a.text, query), a.text, a.iri,
                            a.regulation))
        return hits


RE_SENTENCE_END = re.compile(r"(?<=[。；！？])")
RE_CLAUSE_END = re.compile(r"(?<=[，、：])")


def _pieces(text: str, pattern: re.Pattern, width: int, at: int) -> tuple[int, int]:
    """The [start, end) of the run of pieces around offset `at`, cut at `pattern`, about `width` long."""
    bounds = [0] + [m.start() for m in pattern.finditer(text) if 0 < m.start() < len(text)] + [len(text)]
    i = max(k for k in range(len(bounds) - 1) if bounds[k] <= at)
    start, end = bounds[i], bounds[i + 1]
    while end - start < width and (i + 2 < len(bounds)):
        i += 1
        end = bounds[i + 1]
    return start, end


def snippet(text: str, query: str, width: int = 80) -> str:
    """The sentence holding the first hit (and the next, when short), escaped, the query's words
    marked; a sentence far longer than `width` is cut at a comma instead.

    >>> snippet("甲会议由区长主持。乙负责记录。丙会后归档。", "记录", width=6)
    '…乙负责<mark>记录</mark>。…'
    """
    flat = text.replace("\n", " ")
    words = sorted({w for w in tokens(query) if len(w) >= 2} | {normalise(query).strip()},
                   key=len, reverse=True)
    words = [w for w in words if w and w in flat] or [w for w in tokens(query) if w in flat]
    pos = min((flat.find(w) for w in words), default=0)
    start, end = _pieces(flat, RE_SENTENCE_END, width, pos)
    if end - start > 2 * width:
        s2, e2 = _pieces(flat[start:end], RE_CLAUSE_END, width, pos - start)
        start, end = start + s2, start + e2
    piece = flat[start:end].strip()
    if words:
        pattern = re.compile("|".join(map(re.escape, words)))
        out, last = [], 0
        for m in pattern.finditer(piece):
            out += [html.escape(piece[last:m.start()]), "<mark>", html.escape(m.group()), "</mark>"]
            last = m.end()
        out.append(html.escape(piece[last:]))
        body = "".join(out)
    else:
        body = html.escape(piece)
    return ("…" if start else "") + body + ("…" if end < len(flat) else "")
