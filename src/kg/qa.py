"""Chinese question -> the norms that answer it -> answers quoting their provision.

Deterministic and explainable. A question is read (kg.question) into the kind of answer it wants
(who, to whom, how much), the duty it asks about, the terms it names and what it is about. The
norms with that duty come from the store by a named query (queries/norms.rq, parameters bound
by the engine); each is scored by how much of the question's topic its provision covers (terms
the question names count when they are the norm's own parties, whatever their spelling).
Only a norm that covers enough of the topic answers; otherwise there is no answer, a message,
and the closest provisions from the full-text index as 相关条文 — never a guess.

>>> from kg.corpus import load_corpus
>>> from kg.graph import build_graph
>>> from kg.store import EmbeddedStore
>>> qa = QA(EmbeddedStore(build_graph(load_corpus())))
>>> r = qa.ask("区政府规范性文件由谁签发？")
>>> [(a.label, a.source.citation) for a in r.answers]
[('区长', '第六十二条第（二）项')]
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from fractions import Fraction
from functools import lru_cache
from typing import Any

from rdflib import URIRef

from kg.grammar import load_grammar
from kg.lexicon import AGENT_KINDS, BODY, MEETING, ROLE, Lexicon, is_cjk_ideograph, load_lexicon, normalise
from kg.query import render, run
from kg.question import MAX_QUESTION, Question, Reader, TermIndex, TermRef, load_config, names_document
from kg.store import Row, Store
from kg.synonyms import synonyms
from kg.terms import KIND_SLUGS, long_forms, spelt_in_full, term_iri, unprefixed

PROV_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"
VAGUE = "vague"
CUT_CACHE = 20_000       # provisions whose words are kept once cut


@dataclass(frozen=True)
class Source:
    iri: str
    citation: str
    article: int
    text: str
    regulation: str = ""
    regulation_id: str = ""

    @property
    def full_citation(self) -> str:
        """《威海市环翠区人民政府工作规则》第六十二条第（二）项"""
        return f"《{self.regulation}》{self.citation}" if self.regulation else self.citation


@dataclass(frozen=True)
class Answer:
    label: str          # the post or body as the text names it; for a quantity, the phrase as printed
    name: str           # its canonical name
    iri: str
    relation: str
    condition: str | None
    delegated_by: str | None
    delegation: str | None
    modality: str
    strength: str
    quote: str
    source: Source
    kind: str = "who"   # who | quantity
    value: float | None = None
    unit: str | None = None
    concept: str | None = None  # the curated lexicon concept the term is an instance of
    members: tuple[str, ...] = ()  # 区、县人民政府: 区人民政府, 县人民政府 (a name listing levels)


@dataclass(frozen=True)
class Related:
    citation: str
    iri: str
    text: str
    score: float


@dataclass
class Result:
    question: str
    intent: str | None
    answers: list[Answer] = field(default_factory=list)
    message: str = ""
    candidates: list[str] = field(default_factory=list)
    sparql: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)

    def to_json(self) -> dict:
        """The `kg ask --json` contract."""
        return {
            "question": self.question,
            "intent": self.intent,
            "answers": [{
                "kind": a.kind, "label": a.label, "name": a.name, "iri": a.iri, "relation": a.relation,
                "condition": a.condition, "delegated_by": a.delegated_by,
                "delegation": a.delegation, "modality": a.modality, "strength": a.strength,
                "value": a.value, "unit": a.unit, "concept": a.concept, "members": list(a.members),
                "quote": a.quote, "source": asdict(a.source)} for a in self.answers],
            "message": self.message,
            "candidates": self.candidates,
            "related": [asdict(r) for r in self.related],
            "sparql": self.sparql,
        }


# ---------------------------------------------------------------- norms as read from the store


@dataclass
class Party:
    iri: str
    name: str
    label: str
    concept: str | None


@dataclass
class NormRec:
    """One norm assembled from the rows of queries/norms.rq."""

    iri: str
    action: str = ""
    regulation: str = ""
    source: str = ""
    citation: str = ""
    article: int = 0
    text: str = ""
    quote: str = ""
    bearer: Party | None = None
    objects: list[Party] = field(default_factory=list)
    aux: list[Party] = field(default_factory=list)
    delegators: list[Party] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    object_text: str = ""
    condition: str = ""
    modality: str = ""
    strength: str = ""
    delegation: str = ""
    value: float | None = None
    low: float | None = None
    unit: str = ""
    phrase: str = ""
    case_of: str = ""   # read for one item of the listed circumstances of this norm (its IRI)

    def parties(self) -> list[Party]:
        return ([self.bearer] if self.bearer else []) + self.objects + self.aux + self.delegators


PARTY_KEYS = {"bearer": "bearer", "object": "objects", "auxiliaryParty": "aux", "delegatedBy": "delegators"}
LABEL_KEYS = {"bearerLabel": "bearer", "auxiliaryLabel": "aux", "delegatedByLabel": "delegators"}
TEXT_KEYS = {"objectText": "object_text", "condition": "condition", "quote": "quote",
             "delegation": "delegation", "unit": "unit", "phrase": "phrase", "text": "text",
             "inRegulation": "regulation"}


def _local(iri: str) -> str:
    """https://…/ns/kg#Obligation -> Obligation"""
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def assemble(rows: list[Row]) -> list[NormRec]:
    """Group (norm, key, value, name) rows into norms; labels are paired with their parties."""
    norms: dict[str, NormRec] = {}
    for r in rows:
        n = norms.setdefault(str(r["norm"]), NormRec(str(r["norm"])))
        key, value = str(r["key"]), r["value"]
        if key == PROV_FROM:
            n.source, n.citation = str(value), str(r.get("name") or "")
            continue
        local = _local(key)
        if local in PARTY_KEYS:
            concept = str(r["concept"]) if r.get("concept") else None
            party = Party(str(value), str(r.get("name") or ""), "", concept)
            if local == "bearer":
                n.bearer = party
            else:
                target = getattr(n, PARTY_KEYS[local])
                if all(p.iri != party.iri for p in target):
                    target.append(party)
        elif local in LABEL_KEYS:
            n.labels.setdefault(LABEL_KEYS[local], []).append(str(value))
        elif local in TEXT_KEYS:
            setattr(n, TEXT_KEYS[local], str(value))
        elif local == "article":
            n.article = int(value)
        elif local in ("value", "lowerValue"):
            setattr(n, "value" if local == "value" else "low", float(value))
        elif local in ("modality", "strength"):
            setattr(n, local, _local(str(value)).lower())
    for n in norms.values():
        _pair_labels(n)
    return sorted(norms.values(), key=_text_order)


def _pair_labels(n: NormRec) -> None:
    """Each party gets the words the text used for it (a label ending with, or equal to, its name)."""
    if n.bearer is not None:
        n.bearer.label = (n.labels.get("bearer") or [n.bearer.name])[0]
    for group in ("aux", "delegators"):
        labels = list(n.labels.get(group, []))
        for p in getattr(n, group):
            said = [lb for lb in labels if normalise(lb) == normalise(p.name)] or \
                   [lb for lb in labels if normalise(lb).endswith(normalise(p.name))] or \
                   [lb for lb in labels if normalise(p.name).endswith(normalise(lb))]
            p.label = said[0] if said else p.name
            if said:
                labels.remove(said[0])
    for p in n.objects:
        p.label = p.name
    # Rows come in no particular order: keep the text's.
    for group in ("objects", "aux", "delegators"):
        getattr(n, group).sort(key=lambda p: (_position(n.quote, p.label), p.label, p.iri))


def _position(text: str, label: str) -> int:
    pos = text.find(label)
    return pos if pos >= 0 else len(text)


# ---------------------------------------------------------------- scoring


_norm = lru_cache(maxsize=1 << 16)(normalise)  # provisions are normalised again and again


@lru_cache(maxsize=1 << 16)
def _grams(text: str) -> tuple[str, ...]:
    """Character pairs of the CJK and alphanumeric runs (single characters stand alone).
    Cached: a library's candidates share provisions and names, scored again for every mention."""
    out: list[str] = []
    for chunk in _norm(text).split():
        chunk = "".join(c for c in chunk if c.isalnum())
        out += [chunk[i:i + 2] for i in range(len(chunk) - 1)] if len(chunk) > 1 else [chunk] if chunk else []
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def _gram_set(text: str) -> frozenset[str]:
    return frozenset(_grams(text))


def _spaced(text: str) -> str:
    return " ".join(text.split())


BACKGROUND = 0.25   # a term the provision leaves unsaid but its article or regulation's title names
CIRCUMSTANCE = 0.9  # a term said only in the condition a list's lead sets for the norm's item
BROADER = 0.8       # a term the provision names only by a class it belongs to (区政府领导 for 副区长)
CONTRACTION = 0.6   # a word of two characters the norm writes only as two words it opens (初审: 初步审查)


class Scorer:
    """How much of a question's topic a norm covers, pairs weighted by rarity among the candidates."""

    def __init__(self, q: Question, norms: list[NormRec], lex: Lexicon, asks_bearer: bool = True,
                 levels: Levels | None = None, also: Callable[[str], frozenset[str]] | None = None,
                 setting: Callable[[NormRec], frozenset[str]] | None = None, titles: tuple[str, ...] = (),
                 members: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())):
        self.q = q
        # A name the provision's article or regulation title holds (人代会: 地方各级人民代表大会举行
        # 会议的时候，… opens the article) is what the provision is about, though it leaves it unsaid.
        self.setting = setting
        self.lex = lex
        # A who-question asks for the bearer: naming it is no evidence the norm is the one asked.
        self.asks_bearer = asks_bearer
        self.anaphors = lex.grammar.conditions.anaphors
        self.contexts = {n.iri: self._context(n) for n in norms}
        df: Counter = Counter()
        for n in norms:
            df.update(set(_grams(n.quote + " " + self.contexts[n.iri])))
        total = max(1, len(norms))
        names = {m.surface for m in q.mentions}
        self.named = [(m, _grams(m.surface)) for m in q.mentions if m.surface in q.topic.split()]
        self.free = [(w, _grams(w)) for w in q.topic.split() if w not in names]
        # A post the question names that no term of the regulation is (副省长 where the text says
        # 省人民政府组成人员): a provision that never writes it does not speak of it.
        self.posts = [w for w, _ in self.free if w.endswith(titles) and any(
            m.start == 0 and m.end == len(w) and m.entry.kind == ROLE for m in lex.mentions(w))]
        # …unless the post is one that makes up a people's government (副省长) and the provision
        # speaks of that government's 组成人员 (qa.toml government_posts / government_members)
        self.heads, self.members = tuple(members[0]), list(members[1])
        self.member_posts = {w for w in self.posts if self.heads and w.endswith(self.heads)}
        grams = {g for _, gs in self.named + self.free for g in gs}
        self.weight = {g: math.log(1 + total / (1 + df.get(g, 0))) for g in grams}
        self.total = sum(self.weight[g] for _, gs in self.named + self.free for g in gs) or 1.0
        # 镇政府 is one of the 地方各级人民政府 a provision speaks of for every level at once.
        # …and a word the provision writes instead: a synonym, an everyday word's, a contraction's
        self.synonyms = {w: synonyms(w) | (also(w) if also else frozenset())
                         | (levels.general_forms(w) if levels else frozenset()) for w, _ in self.free}
        # 乡镇 where the provision writes 乡级的 or 乡、民族乡、镇的: a word of levels alone is said by
        # its levels
        self.levels = levels
        self.level_words = {w: set(run) for w, _ in self.free if levels is not None
                            and (run := levels.whole_run(w))}
        # 初审 for the text's 初步审查: a word of two characters may be the first characters of two
        # words a provision writes one after the other
        self.contracted = {w for w, _ in self.free if len(w) == 2 and all(map(is_cjk_ideograph, w))}
        # Per named mention, once: its names (one a regulation in a library, where the same name
        # stands for hundreds of terms), IRIs and concepts.
        # A name is also said without its jurisdiction (全国人民代表大会常务委员会会议 is the text's
        # 常务委员会会议 once the text has named it in full).
        prefixes = sorted(lex.grammar.terms.jurisdiction_prefixes, key=len, reverse=True)
        full = {m.start: [_norm(t.name) for t in m.terms] + [_norm(unprefixed(t.name, prefixes))
                                                            for t in m.terms] for m, _ in self.named}
        self.said = {m.start: list(dict.fromkeys([_norm(m.surface)] + full[m.start]
                                                 + [_norm(w) for w in (also(m.surface) if also else ())]))
                     for m, _ in self.named}
        self.term_keys = {m.start: ({t.iri for t in m.terms}, {t.concept for t in m.terms if t.concept},
                                    set(full[m.start])) for m, _ in self.named}
        # …and its characters are looked for without it: 全国人民代表大会常务委员会 is not more the
        # 常务委员会 of the provision that happens to name the 全国人民代表大会 too
        # (and without a modifier saying which: 有关机关 is the text's 有关行政机关's 机关)
        modifiers = tuple(lex.grammar.verbs.noun_modifiers)
        def cores(w: str) -> list[str]:
            return [unprefixed(w, prefixes)] + [w[len(p):] for p in modifiers
                                                if w.startswith(p) and len(w) - len(p) >= 2]
        self.core = {k: list(dict.fromkeys(c for w in said for c in cores(w)))
                     for k, said in self.said.items()}
        # …and the classes it belongs to: what 每位区政府领导 must do, a 副区长 must
        self.broader = {m.start: [_norm(label) for t in m.terms if t.concept
                                  for a in sorted(lex.ancestors(t.concept) - {t.concept})
                                  if (e := lex.get(a)) is not None for label in e.labels]
                        for m, _ in self.named}

    def _context(self, n: NormRec) -> str:
        """The norm's own words: its parties, what it acts on and under which condition."""
        # …but not the party asked for: a word the question shares with it (团长 of 团长会议谁召开)
        # says nothing of whether it is the one asked
        asked = self._asked(n)
        names = " ".join(p.name + " " + p.label for p in n.parties() if not any(p is a for a in asked))
        before = ""
        if any(w in n.condition for w in self.anaphors):   # 有上述情形的: the sentences before it
            at = n.text.find(n.quote)
            before = n.text[:at] if at > 0 else ""
        return " ".join([n.object_text, n.condition, names, n.phrase, before])

    def cover(self, n: NormRec) -> float:
        """Share of the topic's weight the norm covers: in full where its own words (parties,
        object, condition) have it, less where only its sentence does, less again where only
        the rest of its provision does. A term the question names counts in full only when it
        is one of the norm's parties (常委会 for its 常务委员会), not for sharing characters."""
        if any(_norm(w) not in _norm(n.text) and not (w in self.member_posts and any(
                c in n.text for c in self.members)) for w in self.posts):
            return 0.0
        own = _gram_set(self.contexts[n.iri])
        quote, text = _gram_set(n.quote), _gram_set(n.text)
        parties = self._parties(n)
        got = 0.0
        for word, gs in self.free:
            direct = sum(self.weight[g] * (1.0 if g in own else 0.7 if g in quote else 0.4 if g in text
                                           else 0.0) for g in gs)
            if word in self.level_words and self.levels is not None:
                levels = self.level_words[word]
                tier = next((t for t, where in ((1.0, self.contexts[n.iri]), (0.7, n.quote), (0.4, n.text))
                             if levels & self.levels.scope(where, qualifier=True)), 0.0)
                direct = max(direct, tier * sum(self.weight[g] for g in gs))
            # A synonym the provision uses instead (撤回 -> 收回) counts for a little less.
            said = self.contexts[n.iri] + n.quote
            syn = max((0.8 * (1.0 if w in said else 0.4 if w in n.text else 0.0)
                       for w in self.synonyms[word]), default=0.0)
            if not direct and not syn and word in self.contracted:
                syn = CONTRACTION * any(_two_words(p) for p in _contractions(word, said))
            got += max(direct, syn * sum(self.weight[g] for g in gs))
        tiers = {}
        own_words, quoted = _norm(n.condition), _norm(n.quote)
        for m, _ in self.named:
            names = self.said[m.start]
            if self._is_party(self.term_keys[m.start], parties):
                tiers[m.start] = 1.0
            elif any(w in own_words for w in names):
                # 决策机关违规 for the norm whose condition is 决策机关违反…; a little less when the
                # condition is its list's lead and not its own sentence's (在…会议举行前，进行下列工作)
                tiers[m.start] = 1.0 if any(w in quoted for w in names) else CIRCUMSTANCE
            else:
                tiers[m.start] = self._spoken(names, n, self.core[m.start]) or (
                    BACKGROUND if self.setting and not self.setting(n).isdisjoint(names) else 0.0) or (
                    BROADER * self._spoken(self.broader[m.start], n, [])) or (
                    BROADER * self._spoken(self.members, n, []) if self.heads
                    and m.surface.endswith(self.heads) else 0.0)
        for m, grams in self.named:
            tier = tiers[m.start]
            # 县|人大常委会|主任会议: a name that only qualifies the next one it touches may go unsaid
            head = next((tiers[o.start] for o, _ in self.named if o.start == m.end), 0.0)
            if tier == 0.0 and not head:
                return 0.0  # the question names something this provision never speaks of
            got += sum(self.weight[g] for g in grams) * tier
        return got / self.total

    @staticmethod
    def _spoken(said: list[str], n: NormRec, core: list[str]) -> float:
        """How a term the question names occurs in the norm's sentence (0.7) or provision (0.4):
        by any of its names, or by most of the characters of one (without its jurisdiction) in
        order (常务委员会会议 in 常务委员会举行会议); 0 when the provision does not speak of it."""
        best = 0.0
        for tier, where in ((0.7, _norm(n.quote)), (0.4, _norm(n.text))):
            if any(w in where for w in said):
                return tier
            pairs = _gram_set(where)
            share = max((sum(g in pairs for g in _grams(w)) / max(1, len(_grams(w))) for w in core),
                        default=0.0)
            if share >= 0.75:
                best = max(best, tier * share)
        return best

    def _asked(self, n: NormRec) -> list:
        """The norm's parties the question asks for: its bearer, or for a to-whom question its aux."""
        return [n.bearer] if self.asks_bearer else n.aux

    def _parties(self, n: NormRec) -> tuple[set[str], set[str], set[str]]:
        """The norm's parties (but the ones the question asks for) as IRIs, their concepts
        with everything broader, and names."""
        asked = self._asked(n)
        parties = [p for p in n.parties() if not any(p is a for a in asked)]
        iris = {p.iri for p in parties}
        concepts: set[str] = set()
        for p in parties:
            if p.concept:
                concepts |= self.lex.ancestors(p.concept)
        return iris, concepts, {normalise(p.name) for p in parties}

    @staticmethod
    def _is_party(term: tuple[set[str], set[str], set[str]],
                  parties: tuple[set[str], set[str], set[str]]) -> bool:
        """Is one of the mention's terms (IRIs, concepts, names) one of the norm's parties?"""
        return any(bool(mine & theirs) for mine, theirs in zip(term, parties, strict=True))


class Levels:
    """The levels of government (ontology/qa.toml [levels]): which one a question names, which a
    post belongs to (镇长 -> 镇, 副市长 -> 市), and the forms that speak of every level at once.

    >>> from kg.question import load_config
    >>> lv = Levels(load_config().levels)
    >>> (sorted(lv.named("设区的市政府常务会议")), lv.of_post("副市长"), lv.of_post("秘书长"))
    (['市'], '市', '')
    """

    def __init__(self, spec, nominal: str = ""):
        self.joins = tuple(spec.joins)
        self.nominal = nominal or load_grammar().verbs.nominal_mark  # 乡、镇的人民代表大会
        self.words = dict(spec.words)
        self.longest = sorted(self.words, key=len, reverse=True)
        # one pattern finds the next level word (longest first): provisions are scanned per candidate
        self._word = re.compile("|".join(map(re.escape, self.longest))) if self.longest else None
        self.general = tuple(spec.general)
        self.deputy = tuple(spec.deputy)
        self.bodies = tuple(spec.bodies)
        self.sessions = tuple(spec.sessions)
        self.locatives = tuple(spec.locatives)
        self.every_level = tuple(sorted(spec.every_level, key=len, reverse=True))

    def named(self, text: str, names_at: frozenset[int] = frozenset()) -> set[str]:
        """Levels a question names, longest first (设区的市 is 市, not 区): level words before a body
        (镇政府, 乡镇人大), or before one of the question's names, a locative between (县里的选举委员会).

        >>> sorted(Levels(load_config().levels).named("县里的选举委员会谁任命", frozenset({3})))
        ['县']
        """
        out, i = set(), 0
        while self._word is not None and (m := self._word.search(text, i)) is not None:
            found, j = self._run(text, m.start())
            k = j + next((len(w) for w in self.locatives
                          if text.startswith(w, j) and j + len(w) in names_at), 0)
            if any(text.startswith(t, j) for t in self.bodies) or k in names_at:
                out.update(found)
            i = j
        return out

    def _run(self, text: str, i: int) -> tuple[list[str], int]:
        """The levels of a run of level words from i (乡、民族乡、镇; 乡镇) and where it ends."""
        found, j = [], i
        while self._word is not None and (m := self._word.match(text, j)) is not None:
            found.append(self.words[m.group()])
            j = m.end()
            if (join := next((w for w in self.joins if text.startswith(w, j)), "")) \
                    and self._word.match(text, j + len(join)):
                j += len(join)
        return found, j

    def whole_run(self, word: str) -> list[str]:
        """The levels of a word made of level words alone (乡镇 -> 乡, 镇), else none."""
        found, end = self._run(word, 0)
        return found if end == len(word) else []

    def scope(self, text: str, qualifier: bool = False) -> set[str]:
        """The levels a provision is about, when it names only some (乡、民族乡、镇的人民代表大会 ->
        乡, 镇); empty when it names none or speaks of every level (地方各级人民代表大会). A
        qualifier's scope is that of any levels before 的 (县、自治县的选举委员会).

        >>> sorted(Levels(load_config().levels).scope("乡、民族乡、镇的人民代表大会举行会议"))
        ['乡', '镇']
        """
        if any(g in text for g in self.general):
            return set()
        out: set[str] = set()
        i = 0
        while self._word is not None and (m := self._word.search(text, i)) is not None:
            found, j = self._run(text, m.start())
            k = j + len(self.nominal) if text.startswith(self.nominal, j) else j
            if qualifier and k > j:
                out.update(found)
            k += next((len(w) for w in self.sessions if text.startswith(w, k)), 0)  # 上次
            if any(text.startswith(b, k) for b in self.bodies):
                out.update(found)
            i = max(j, m.start() + 1)
        return out

    def of_post(self, label: str) -> str:
        for d in self.deputy:
            if label.startswith(d):
                label = label[len(d):]
        # a level's own post is the level and a short title (镇长, 自治区主席), not any name
        # that starts with a level word (省、市驻区单位主要负责人)
        word = next((w for w in self.longest if label.startswith(w) and 0 < len(label) - len(w) <= 2), None)
        return self.words[word] if word else ""

    def in_text(self, label: str, text: str) -> str:
        """A post's level, or that of the post it deputises for right before it in the text
        (自治区主席、副主席: the 副主席 is the 自治区's)."""
        level = self.of_post(label)
        deputy = next((d for d in self.deputy if label.startswith(d)), None)
        if level or deputy is None:
            return level
        base, pos = label[len(deputy):], text.find(label)
        while pos > 0:
            before = text[:pos].rstrip("".join(self.joins) + "，,")
            word = next((w for w in self.longest if before.endswith(w + base)), None)
            if word:
                return self.words[word]
            pos = text.find(label, pos + 1)
        return ""

    def any_level(self, name: str) -> str:
        """地方各级人民政府负责人 -> 人民政府负责人: a party named for every level at once is, as a
        concept, the post or body without the words that say so."""
        prefix = next((w for w in self.every_level if name.startswith(w)), "")
        return name[len(prefix):] if prefix and len(name) > len(prefix) + 1 else name

    def general_forms(self, word: str) -> frozenset[str]:
        """镇政府 -> the general forms that hold its tail (地方各级人民政府, 各级人民政府)."""
        lead = next((w for w in self.longest if word.startswith(w) and len(word) > len(w) + 1), None)
        if lead is None:
            return frozenset()
        tail = word[len(lead):]
        return frozenset(g for g in self.general if g.endswith(tail) or tail in g)


# ---------------------------------------------------------------- answering


class QA:
    """Answers who / to-whom / how-much questions over any Store."""

    def __init__(self, store: Store, lexicon: Lexicon | None = None):
        self.store = store
        self.lex = lexicon or load_lexicon()
        self.cfg = load_config()
        self._suggestions: dict[str | None, list[str]] = {}
        self.messages = self.cfg.messages
        self.regulations = {str(r["regulation"]): r for r in run(store, "regulations")}
        self.titles = {iri: str(r["title"]) for iri, r in self.regulations.items()}
        self.ids = {iri: str(r["id"]) for iri, r in self.regulations.items()}
        rows: list[tuple[str, TermRef]] = []
        for r in run(store, "terms"):
            ref = TermRef(str(r["term"]), str(r["regulation"]), str(r["kind"]), str(r["name"]),
                          (str(r["concept"]) if r.get("concept") else None))
            rows.append((str(r["label"]), ref))
        # a store returns rows in no fixed order; the terms a name stands for are kept in one, or
        # the same question could be answered differently from one run to the next
        rows.sort(key=lambda row: (row[0], row[1].iri, row[1].regulation, row[1].kind))
        for e in self.lex.entries.values():
            if e.kind != "actions":
                rows += [(label, TermRef(e.iri, "", e.kind, e.pref, e.iri)) for label in e.labels]
        self.reader = Reader(self.cfg, TermIndex(rows), self.lex)
        self.levels = Levels(self.cfg.levels, self.lex.grammar.verbs.nominal_mark)
        self.long_forms = long_forms(self.lex.grammar)
        self._index: dict[str, object] = {}
        self._provisions: dict[str, Row] = {}
        self._items: dict[str, dict[str, Row]] = {}   # a 款 IRI -> its items, read with the provisions
        self._provision_regs: set[str] = set()       # the regulations whose provisions are read
        self._settings: dict[str, frozenset[str]] = {}
        self._extractors: dict[tuple, Any] = {}
        self._read: dict[tuple, list] = {}
        self._declarations: dict[str, dict[str, str]] = {}
        self._spelt: dict[str, frozenset[str]] = {}
        self._heads_swapped: dict[str, frozenset[str]] = {}
        self._by_last: dict[str, list[str]] | None = None
        self._all_names = ""
        self._all_provisions = False
        self._body_suffixes = tuple(normalise(w) for w in self.lex.grammar.roles.body_suffixes)
        # Norms by (action, regulation or None): a library holds thousands of norms an action,
        # read once, not at every question.
        self._norm_cache: dict[tuple[str, str | None], list[NormRec]] = {}
        self._best = 0.0   # the best cover of the last norms chosen from
        self._cut: dict[str, list[tuple[str, str]]] = {}

    # -- entry point

    def ask(self, question: str, regulation: str | None = None) -> Result:
        """Answer one question, within one regulation (its id) or the whole store."""
        raw = question or ""
        if not raw.strip():
            return Result(question, None, message="请输入问题 / please type a question")
        if len(raw) > MAX_QUESTION:
            return Result(question, None, message=f"问题过长（最多 {MAX_QUESTION} 字）/ "
                                                  f"question too long (at most {MAX_QUESTION} characters)")
        parts = self._asked_twice(raw)
        if parts and all(self.reader.read(part).kind == "to_whom" for part in parts):
            # 事先要报告谁、同时告知谁: each recipient asked on its own, the answer both of theirs
            results = [self.ask(part, regulation) for part in parts]
            if all(r.answers for r in results):
                merged: dict[tuple[str, str], Answer] = {}
                for a in (a for r in results for a in r.answers):
                    merged.setdefault((a.label, a.source.citation), a)
                return Result(question, results[-1].intent, list(merged.values()),
                              sparql=[s for r in results for s in r.sparql])
        q = self.reader.read(raw)
        scope = self._scope(q, regulation)
        if scope is not None:
            q = self.reader.read(raw, scope)   # names as that regulation (or those) use them
        q = self._verb_asked(self._verbal_documents(q))
        sparql: list[str] = []
        unknown = self._unknown_meeting(q, scope, sparql)
        if unknown:
            why = self.messages["unknown_name"].format(name=unknown)
            return self._not_found(question, q, scope, None, why, sparql)
        if q.kind == "quantity":
            result = self._quantity(question, q, scope, sparql)
            for spec in self.reader.other_quantities(q) if not result.answers else ():
                # 会员到多少人就必须成立: 到多少人 asks a quorum where the text states none, and
                # then the head count its 多少人 asks
                other = self._quantity(question, replace(q, quantity=spec), scope, sparql)
                if other.answers:
                    return other
            return result
        if q.kind and self._asks_opinion(q):
            return self._consulted(question, q, scope, sparql)
        if q.intent is None and q.kind == "who" and self._goes_to_someone(q):
            # 找谁申诉: the one the asker goes to, where the text names one the act goes to
            # (向…人民政府提出申诉); else whoever does it (找谁批)
            towards = replace(q, kind="to_whom")
            found = self._read_on_demand(towards, scope, True, sparql)
            if found:
                return Result(question, None, self._answers(found, towards, to_whom=True), sparql=sparql)
        if q.intent is None:
            # 报给谁备案: a thing sent for what the word ending the question says is read where the
            # text sends it so (报X备案) before any other verb of the question
            found = self._recipients(q, scope, sparql) if q.kind == "to_whom" and self._purpose(q) else None
            if not found:
                found = self._read_on_demand(q, scope, q.kind == "to_whom", sparql) if q.kind else None
            if not found and q.kind == "to_whom":
                found = self._recipients(q, scope, sparql)
            if found:
                return Result(question, None, self._answers(found, q, to_whom=q.kind == "to_whom"),
                              sparql=sparql)
            return self._not_found(question, q, scope, None, self.messages["no_intent"], sparql)
        light = self._light_action(q)
        norms = [n for slug in dict.fromkeys((*q.intent.actions, *light))
                 for n in self._norms(slug, sparql, scope) if self._in(n, scope)]
        to_whom = q.kind == "to_whom"
        usable = [n for n in norms if (n.aux if to_whom else n.bearer is not None)]
        # The question's own verb first (确定 -> decide); the intent's kindred actions only if
        # none of its norms answers.
        primary = self._primary(q) | frozenset(light)
        least = None if q.trigger in q.intent.triggers + q.intent.fallback_triggers \
            else self.cfg.min_cover_synonym
        first = [n for n in usable if n.action in primary]
        # 得经过谁许可: a verb of the grammar asked is read first where the provision writes it; a
        # provision writing another verb of its action (批准) answers only with more of the topic
        written = [n for n in first if q.trigger in n.quote] if q.trigger in self.lex.grammar.actions else []
        if written and len(written) < len(first):
            chosen = self._choose(q, written, to_whom, least)
            least = max(least or 0.0, self.cfg.min_cover_synonym)
            if isinstance(chosen, str):
                chosen = self._choose(q, [n for n in first if n not in written], to_whom, least)
        else:
            chosen = self._choose(q, first, to_whom, least) if primary else ""
        if isinstance(chosen, str):
            chosen = self._choose(q, usable, to_whom, least)
        if chosen is VAGUE:
            return Result(question, q.intent.name, message=self.messages["vague"],
                          candidates=self._candidates(usable), sparql=sparql)
        actions = self.lex.grammar.actions
        unread = bool(q.trigger) and q.trigger not in actions
        # 谁来定: an everyday verb whose written forms the grammar reads only in part (规定 beside
        # 确定, 决定) may be answered by the ones it does not read
        partly = unread and any(w not in actions for w in self.cfg.colloquial.get(q.trigger, ()))
        if isinstance(chosen, list) and (not primary or partly) and unread:
            # 谁负责督促…落实: a verb the grammar does not read (督促) found only a kindred one (督办);
            # where a provision writes the question's own verb and covers the question as well, it answers
            stored = self._best
            own = self._read_on_demand(q, scope, to_whom, sparql)
            if own and self._best >= stored:
                chosen = own
        if isinstance(chosen, str) and chosen != self.messages["no_circumstance"]:
            # No stored norm answers (the verb is none the extractor reads, or it read none of
            # its uses where the topic is): read the question's verb in the closest provisions.
            chosen = self._read_on_demand(q, scope, to_whom, sparql) or chosen
            if isinstance(chosen, str) and q.intent.deed:
                # 能不能排进议程，谁说了算: an everyday verb of deciding that no provision answers asks
                # who does what the question says is to be decided
                said = [v for v in self._own_verbs(replace(q, trigger="", cue_at=-1))
                        if v not in self.cfg.colloquial]
                if said:
                    deed = replace(q, trigger=said[-1])
                    chosen = self._read_on_demand(deed, scope, to_whom, sparql) or chosen
            if isinstance(chosen, str) and to_whom:
                chosen = self._recipients(q, scope, sparql) or chosen
        if isinstance(chosen, str):
            return self._not_found(question, q, scope, q.intent.name, chosen, sparql)
        answers = self._answers(chosen, q, to_whom=q.kind == "to_whom")
        if not answers:
            return self._not_found(question, q, scope, q.intent.name, self.messages["not_found"], sparql)
        return Result(question, q.intent.name, answers, sparql=sparql)

    def _unknown_meeting(self, q: Question, scope: set[str] | None, sparql: list[str]) -> str:
        """A meeting the question names that the regulation never speaks of (区政府党组会议 where
        the rules know 全体会议 and 常务会议, and 党组 only in 其他党组成员): nothing answers about it,
        though its words are found elsewhere. Only a name whose word before its head is a noun
        (not 排进会议, 每次会议), and only when no provision close to it holds it."""
        prefixes = sorted(self.lex.grammar.terms.jurisdiction_prefixes, key=len, reverse=True)
        for m in self.lex.mentions(q.text):
            if m.entry.kind != MEETING or any(x.start <= m.start and m.end <= x.end for x in q.mentions):
                continue
            if any(x.end == m.end and x.start > m.start for x in q.mentions):
                continue   # 人大常委会会议: its head is the regulation's 常委会会议, said with more before it
            core = unprefixed(normalise(m.surface), prefixes)
            words = self.lex.tag(core)
            if len(words) < 2 or not words[-2][1].startswith(("n", "j")):
                continue
            index = self._provision_index(scope, sparql)
            hits = _search(index, core, 10)
            if hits and not any(core in h.text for h in hits):
                return m.surface
        return ""

    def _light_action(self, q: Question) -> tuple[str, ...]:
        """由谁向主席团提出…报告: a light verb asked with one of the nouns that give it their action and
        a word naming whom it goes to does that noun's action too, as the text's sentence does."""
        v = self.lex.grammar.verbs
        if q.trigger not in v.light_verbs or not any(w in q.text for w in v.light_recipients):
            return ()
        return tuple(slug for noun, slug in v.light_objects.items() if noun in q.text)

    def _primary(self, q: Question) -> frozenset[str]:
        """The grammar's actions for the question's own verb: its trigger's (确定 -> decide), the
        text's words for an everyday one (参会 -> 参加, 出席), else that of another trigger of the
        same intent the question writes (拍板确定 -> decide)."""
        actions = self.lex.grammar.actions
        if q.trigger in actions or q.intent is None:
            return frozenset([actions[q.trigger]] if q.trigger in actions else [])
        said = [actions[w] for w in self.cfg.colloquial.get(q.trigger, ()) if w in actions]
        if said:
            return frozenset(said)
        written = [t for t in q.intent.triggers if t in actions and t in q.text[max(q.cue_at, 0):]]
        return frozenset([actions[max(written, key=len)]] if written else [])

    @staticmethod
    def _candidates(norms: list[NormRec]) -> list[str]:
        """What a vague question could be about: the objects of the norms with its duty."""
        names: list[str] = []
        for n in norms:
            for o in n.objects:
                if o.name not in names:
                    names.append(o.name)
        return names

    def refuse(self, question: str, why: str) -> Result:
        """A result with no answers and only a message (input that is not a question)."""
        return Result(question, None, message=why)

    # -- where to look

    def _scope(self, q: Question, regulation: str | None) -> set[str] | None:
        """The regulation IRIs to answer from: the one asked for, one the question names, or all."""
        if regulation:
            return self._iris(regulation)
        named = {iri for iri, title in self.titles.items() if normalise(title) in q.text}
        return named or None

    def _iris(self, regulation: str) -> set[str]:
        """The IRI of a regulation id ({""} when the store has no such regulation)."""
        return {iri for iri, rid in self.ids.items() if rid == regulation} or {""}

    @staticmethod
    def _in(n: NormRec, scope: set[str] | None) -> bool:
        return scope is None or n.regulation in scope

    @staticmethod
    def _one(scope: set[str] | None) -> URIRef | None:
        """The regulation IRI when the scope is exactly one regulation (queries are narrowed to it)."""
        return URIRef(next(iter(scope))) if scope and len(scope) == 1 and "" not in scope else None

    def _norms(self, slug: str, sparql: list[str], scope: set[str] | None = None) -> list[NormRec]:
        action = URIRef(f"{self.lex.base}/id/action/{slug}")
        one = self._one(scope)
        bindings = {"action": action} | ({"regulation": one} if one is not None else {})
        sparql.append(render("norms", bindings))
        key = (slug, str(one) if one is not None else None)
        if key not in self._norm_cache:
            norms = assemble(run(self.store, "norms", **bindings))
            for n in norms:
                n.action = slug
            self._norm_cache[key] = norms
        return self._norm_cache[key]

    @staticmethod
    def _is_aux(n: NormRec) -> bool:
        return bool(n.aux)

    # -- choosing norms

    def _circumstance_of(self, n: NormRec) -> set[str]:
        # 离威（出访）、休假须事前报告: a circumstance the norm is about (a thing it names as its
        # object) is one it provides for
        text = (n.condition + ("委托" if n.delegation else "") + " ".join(p.label for p in n.delegators)
                + " " + " ".join(o.label for o in n.objects))
        return {c.name for c in self.cfg.circumstance if any(w in text for w in c.condition)}

    def _choose(self, q: Question, norms: list[NormRec], to_whom: bool,
                min_cover: float | None = None) -> list[NormRec] | str:
        """The norms that answer, or the message saying why none does."""
        if not norms:
            return self.messages["not_found"]
        if q.circumstances:
            fitting = [n for n in norms if self._circumstance_of(n) & q.circumstances
                       or self._restates(q, n)] or [n for n in norms if self._says(n, q)]
            if not fitting:
                return self.messages["no_circumstance"]
            norms = fitting
        if q.excluded:  # 开会期间…: not what a provision provides for 闭会期间
            norms = [n for n in norms if not self._circumstance_of(n) & q.excluded]
            if not norms:
                return self.messages["no_circumstance"]
        if q.answer_names and not to_whom:  # 上什么会讨论: only meetings answer
            norms = [n for n in norms if n.bearer and any(w in n.bearer.label for w in q.answer_names)]
            if not norms:
                return self.messages["not_found"]
        least = self.cfg.min_cover if min_cover is None else min_cover
        if to_whom:  # 副区长离威要向谁报告: the norms whose bearer the question names
            named = [n for n in norms if n.bearer is not None and self._names(q, n.bearer)]
            # 报常委会的同时还要抄送谁: a name the question sends something to is no bearer it names
            markers = self.cfg.phrase.to_whom_markers
            if not named and any(t.kind in ("post", "body") for m in q.mentions for t in m.terms
                                 if not q.text.endswith(markers, 0, m.start)):
                # 村民代表要对谁负责: never the recipient of another named bearer; only a reading
                # that names no bearer (whoever the sentence is about) may still answer
                named = [n for n in norms if n.bearer is None or not n.bearer.label]
                if not named:
                    return self.messages["not_found"]
            if named and named[0].bearer and named[0].bearer.label and len({n.source for n in named}) == 1:
                least = min(least, self.cfg.min_cover_one_named)
            norms = named or norms
            # 对乡镇人民政府的考核要征求谁的意见: not the norm whose answer is the one the question names
            # (but 乡镇人大主席团 names the 主席团; its 人大 only says whose)
            # (…but 常委会交办的议案，办理情况报给谁: one named only as who did something to the thing
            # asked about may be whom it goes back to)
            said = self._not_relative_subjects(q)
            norms = [n for n in norms
                     if not (n.aux and all(self._names(said, a, heads_only=True) for a in n.aux))]
            if not norms:
                return self.messages["not_found"]
        else:  # 居民会议由哪些人组成: the meeting asked about is not who composes it
            norms = [n for n in norms if not (n.bearer is not None and self._heads(q, n.bearer))]
            if not norms:
                return self.messages["not_found"]
        if to_whom:  # 乡镇人大代表辞职交给谁: of a provision's norms, those of the asked level
            norms = self._by_object_level(q, norms)
        # the scene an article sets is read for a few regulations' norms, not across a library
        few = len({n.regulation for n in norms}) <= self.cfg.setting_regulations
        norms = norms + self._cases(norms)
        scorer = Scorer(q, norms, self.lex, asks_bearer=not to_whom, levels=self.levels, also=self._written,
                        setting=self._setting if few else None, titles=self.cfg.titles,
                        members=(self.cfg.government_posts, self.cfg.government_members))
        scored = self._settle_cases(sorted(((scorer.cover(n), n) for n in norms), key=lambda x: -x[0]))
        best = scored[0][0]
        self._best = best
        if best < least:
            return self.messages["not_found"]
        chosen = self._object_names_post([n for s, n in scored if s >= best - self.cfg.tie], q)
        if not q.mentions and len({n.source for n in chosen}) >= self.cfg.vague:
            return VAGUE  # 会议由谁主持？ fits many provisions equally: ask which one
        chosen = self._closest_articles(q, chosen, norms)
        chosen = self._most_specific(chosen)
        if not q.circumstances:
            restated = [n for n in chosen if self._restates(q, n)]
            chosen = restated or chosen
        chosen = self._respectively(q, chosen)
        if not to_whom:
            best_chosen, chosen = chosen, self._by_level(q, chosen)
            if not chosen and self._of_other_levels(q, best_chosen):
                # the best are of another level (…县、自治县、乡、民族乡，经省…决定 asked of the 乡镇
                # 人大代表名额): the best of those of the asked level, if they cover enough
                kept = {n.iri for n in self._by_level(q, [n for s, n in scored if s >= least])}
                rest = [(s, n) for s, n in scored if n.iri in kept]
                chosen = [n for s, n in rest if s >= rest[0][0] - self.cfg.tie] if rest else []
                chosen = self._by_level(q, self._most_specific(chosen))
            if not chosen:
                return self.messages["not_found"]
        return sorted(chosen, key=_text_order)

    def _object_names_post(self, chosen: list[NormRec], q: Question) -> list[NormRec]:
        """Of norms scored alike, those whose object names the posts the question names (院长 of
        中级人民法院院长的任免, not of 副院长的任免), when some do and some do not."""
        posts = [m.surface for m in q.mentions if any(t.kind == "post" for t in m.terms)]
        if len(chosen) < 2 or not posts:
            return chosen
        deputies = tuple(self.lex.grammar.roles.deputies)

        def names(n: NormRec) -> bool:
            said = _norm(n.object_text)
            for w in posts:
                for d in deputies:
                    said = said.replace(d + w, "\0") if not w.startswith(d) else said
            return all(_norm(w) in said for w in posts)
        return [n for n in chosen if names(n)] or chosen

    def _cases(self, norms: list[NormRec]) -> list[NormRec]:
        """有下列情形之一的，由X责令改正: the norm once for each item that lists a circumstance, the
        item its condition and its citation."""
        out = []
        for n in norms:
            if n.case_of or not any(c in n.condition or c in n.quote for c in self.cfg.listed_cases):
                continue
            for k, row in enumerate(self._items_of(n.source, n.regulation)):
                item = str(row["text"])
                # the 款's words and then the item's: what the answer quotes and what it cites
                out.append(replace(n, iri=f"{n.iri}#case{k + 1}", source=str(row["node"]),
                                   citation=str(row["citation"]), text=f"{n.text}\n{item}",
                                   condition=item.rstrip("；;。."), case_of=n.iri))
        return out

    def _settle_cases(self, scored: list[tuple[float, NormRec]]) -> list[tuple[float, NormRec]]:
        """A norm's item that covers the question clearly better than the norm (qa.toml case_margin)
        answers in its stead, with any item as good; otherwise the norm answers, its items not at all."""
        whole = {n.iri: s for s, n in scored if not n.case_of}
        best: dict[str, float] = {}
        for s, n in scored:
            if n.case_of:
                best[n.case_of] = max(best.get(n.case_of, 0.0), s)
        won = {iri for iri, s in best.items() if s > whole.get(iri, 0.0) + self.cfg.case_margin}
        return [(s, n) for s, n in scored
                if (n.case_of in won and s >= best[n.case_of] - self.cfg.tie)
                or (not n.case_of and n.iri not in won)]

    def _items_of(self, paragraph: str, regulation: str) -> list[Row]:
        """The items of a 款, in order (read with the regulation's provisions)."""
        if regulation not in self._provision_regs and not self._all_provisions:
            self._provision_index({regulation}, [])
        return list(self._items.get(paragraph, {}).values())

    @staticmethod
    def _closest_articles(q: Question, chosen: list[NormRec], norms: list[NormRec]) -> list[NormRec]:
        """Norms of several articles that answer equally well with different parties: the article
        whose provision says most of the whole question's words, rare ones counting more
        (新一届代表刚选完，…第一次会议由谁召集: 第三条's 代表选举完成后…第一次会议, not 第十一条's
        主席团第一次会议)."""
        if len({n.article for n in chosen}) < 2:
            return chosen
        texts = {n.source: _gram_set(n.text) for n in norms}
        df = Counter(g for grams in texts.values() for g in grams)
        total = len(texts)
        asked = set(_grams(q.text))
        said = {n.article: 0.0 for n in chosen}
        for n in chosen:
            score = sum(math.log(1 + total / df[g]) for g in asked if g in texts[n.source])
            said[n.article] = max(said[n.article], score)
        top = max(said.values())
        first = [n for n in chosen if said[n.article] >= top - 1e-9]
        # …while other articles that say the same of the same party (第六条 and 第四十二条: 区长
        # 主持全体会议) still back the answer
        agreed = {_who(n) for n in first}
        return [n for n in chosen if n in first or _who(n) in agreed]

    @staticmethod
    def _most_specific(chosen: list[NormRec]) -> list[NormRec]:
        """A paragraph's lead and one of its own items that answer equally well: the item is the
        case the question describes (议题建议由专门委员会或者工作机构整理提出; …（三）组成人员提出的
        问题，由办公厅整理提出), so the lead's other parties do not answer beside it."""
        def items(n: NormRec) -> list[NormRec]:
            return [m for m in chosen if m.source.startswith(n.source + "/")]

        return [n for n in chosen if not items(n) or any(_who(m) == _who(n) for m in items(n))]

    def _setting(self, n: NormRec) -> frozenset[str]:
        """The names a provision is read among: its article's and its regulation title's, whole
        (人民代表大会 is not named by 人民代表大会常务委员会) (cached)."""
        if n.source not in self._settings:
            if len(self._settings) >= CUT_CACHE:  # as with cut words: a library holds more than is asked
                self._settings.clear()
            rows = run(self.store, "article_of", provision=URIRef(n.source)) if n.source else []
            words = " ".join([str(r["text"]) for r in rows[:1]] + [self.titles.get(n.regulation, "")])
            self._settings[n.source] = frozenset(
                _norm(name) for m in self.lex.mentions(words) for name in (m.surface, m.entry.pref))
        return self._settings[n.source]

    def _written(self, word: str) -> frozenset[str]:
        """What a provision may write for a question's word: the everyday word's (qa.toml
        [colloquial]: 会上 -> 会议), the contraction spelt out (监委 -> 监察委员会), the
        name a short form stands for (人代会 -> 人民代表大会), a verb without its result (审完 -> 审)
        and the written form of an everyday opening (没满 -> 未满)."""
        bare = {word[0]} if self._verb_with_result(word) else set()
        bare |= {form + word[len(opening):] for opening, forms in self.cfg.colloquial_openings.items()
                 if word.startswith(opening) and len(word) > len(opening) for form in forms}
        return frozenset(bare) | frozenset(self.cfg.colloquial.get(word, ())) | frozenset(
            word.replace(short, long) for short, long in self.long_forms if short in word) \
            | {spelt_in_full(word, self.long_forms)} - {word} \
            | self._spelt_out(word) | self._other_head(word)

    def _other_head(self, word: str) -> frozenset[str]:
        """信访部门 -> 信访工作机构: the same words with another office head, where a name of the
        regulation ends so (qa.toml office_heads)."""
        if word in self._heads_swapped:
            return self._heads_swapped[word]
        head = next((h for h in sorted(self.cfg.office_heads, key=len, reverse=True) if word.endswith(h)), "")
        stem = word[:-len(head)] if head else ""
        found: frozenset[str] = frozenset()
        if len(stem) >= 2:
            self._index_names()
            found = frozenset(stem + h for h in self.cfg.office_heads
                              if h != head and (stem + h) in self._all_names)
        self._heads_swapped[word] = found
        return found

    def _index_names(self) -> None:
        """The terms' names by last character, and all in one string (a library holds many)."""
        if self._by_last is None:
            self._by_last = {}
            for name in self.reader.terms.by_label:
                self._by_last.setdefault(name[-1], []).append(name)
            self._all_names = "\n".join(self.reader.terms.by_label)

    def _verb_with_result(self, word: str) -> bool:
        """审完, 改掉, 发到: a verb and its result or direction (jieba knows the verb and the word
        is one, or none it knows), not 以上, 一起, 会上 or a negation (不上)."""
        tags = _tagger().word_tag_tab
        return (len(word) == 2 and word[1] in self.cfg.complements and word[0] not in self.cfg.negations
                and tags.get(word[0], "").startswith("v") and tags.get(word, "v").startswith("v"))

    def _spelt_out(self, word: str) -> frozenset[str]:
        """The names a short form no name holds may stand for: the shortest tails of the terms'
        names that open with its first character, close with its last and hold the others in
        order, at most three characters a character (人代会 -> 人民代表大会 of 本级人民代表大会)."""
        if word in self._spelt:
            return self._spelt[word]
        self._index_names()   # look only at the names ending alike
        assert self._by_last is not None
        labels = self._by_last.get(word[-1], []) if word else []
        found: set[str] = set()
        if len(word) >= 3 and word not in self._all_names:
            for label in labels:
                for i in range(max(0, len(label) - 3 * len(word)), len(label) - len(word)):
                    if label[i] == word[0] and _in_order(word[1:-1], label[i + 1:-1]):
                        found.add(label[i:])
                        break
        shortest = min(map(len, found), default=0)   # 人民代表大会, not 人民代表大会常委会
        self._spelt[word] = frozenset(f for f in found if len(f) == shortest)
        return self._spelt[word]

    def _says(self, n: NormRec, q: Question) -> bool:
        """The norm's provision itself speaks of the circumstance (受委托召开的专题会议,
        对…临时性工作任务)."""
        words = [w for c in self.cfg.circumstance if c.name in q.circumstances for w in c.question]
        if any(w in self._own_sentences(n) and w in q.text for w in words):
            return True
        # 缺席几次: the amount the provision counts the circumstance by (未经批准两次不出席…的)
        at = n.quote.find(n.phrase) if n.value is not None and n.phrase else -1
        after = n.quote[at + len(n.phrase):] if at >= 0 else ""
        return bool(after) and any(after.startswith(w) for c in self.cfg.circumstance
                                   if c.name in q.circumstances for w in c.condition)

    @staticmethod
    def _own_sentences(n: NormRec) -> str:
        """The norm's provision up to the end of its sentence: a circumstance a later sentence sets
        (…举行会议的时候，主席团…提出。在…闭会期间，…主任会议…提出) is that sentence's."""
        at = n.text.find(n.quote)
        return n.text if at < 0 else n.text[:at + len(n.quote)]

    def _heads(self, q: Question, p: Party) -> bool:
        """Is the party the very thing the question is about, named as a head of its own, not as
        what qualifies a noun after it (国务院直属机构的负责人 names 国务院 as a qualifier)?"""
        label = normalise(p.label)   # 其他副区长 is not the 副区长 the question names
        for m in q.mentions:
            if label not in {normalise(m.surface)} | {normalise(t.name) for t in m.terms}:
                continue
            # …nor what owns the name after it (市政府的组成部门)
            nominal = self.lex.grammar.verbs.nominal_mark
            after = m.end + (len(nominal) if q.text.startswith(nominal, m.end) else 0)
            owns = any(o.start == after for o in q.mentions)
            if not _qualifies(q.text[m.end:m.end + 6]) and not owns:
                return True
        return False

    def _names(self, q: Question, p: Party, heads_only: bool = False) -> bool:
        """Does the question name this party (by its term, its concept or a narrower one)? With
        `heads_only`, a name right before another name only qualifies it and names no party."""
        for m in q.mentions:
            if heads_only and any(o.start == m.end for o in q.mentions):
                continue
            for t in m.terms:
                if t.iri == p.iri or normalise(t.name) in (normalise(p.name), self.lex.unqualified(p.name)):
                    return True
                if t.concept and p.concept and t.concept in self.lex.ancestors(p.concept):
                    return True
                # 街道办主任 asked where the text says 各镇政府、街道办事处主要负责人: a class the post is in
                if (not heads_only and t.concept and p.concept and p.concept != t.concept
                        and p.concept in self.lex.ancestors(t.concept)):
                    return True
                if self._owned_post(normalise(p.name), normalise(t.name)):
                    return True
            # 人大常委会 asked of a text that, having named it, says 常务委员会: the name spelt in full
            # ends with the party's (a short form of four characters or more, never a bare 委员会)
            name = normalise(p.name)
            if len(name) >= 4 and any(
                    (f := spelt_in_full(normalise(w), self.long_forms)).endswith(name) and f != name
                    for w in [m.surface] + [t.name for t in m.terms]):
                return True
            # 省人大常委会 asked of 省、自治区、直辖市的人民代表大会常务委员会: the name the question says
            # with a level the party's name lists among its own
            said = spelt_in_full(normalise(m.surface), self.long_forms)
            # 工会 asked of a provision whose bearer is 基层工会或者上级工会: a kind of the body asked
            # about, the body named with what kind it is (never a thing it is sent to, heads_only)
            if (not heads_only and len(said) >= 2 and name.endswith(said) and name != said
                    and any(t.kind == "body" for t in m.terms) and self.lex.generic_kind(name) == BODY):
                return True
            if (len(said) >= 3 and name.endswith(said) and name != said
                    and (asked := self._asked_levels(q))
                    and asked <= self.levels.scope(name, qualifier=True)):
                return True
        return False

    def _owned_post(self, name: str, post: str) -> bool:
        """全国人民代表大会代表 is a 代表: the post asked of, written after the body that has it
        (not 副主任 for 主任: 副 is no body)."""
        owner = name[:-len(post)] if len(post) >= 2 and name.endswith(post) else ""
        return bool(owner) and owner.endswith(self._body_suffixes)

    def _by_level(self, q: Question, norms: list[NormRec]) -> list[NormRec]:
        """省长、…、镇长 in one provision asked of the 镇政府 (or 设区的市): keep the posts of the
        level the question names, and those of no level (秘书长); only when the provision names
        posts of several levels and the question names one."""
        asked = self._asked_levels(q)
        if not asked:
            return norms
        out: list[NormRec] = []
        for source in dict.fromkeys(n.source for n in norms):
            group = [n for n in norms if n.source == source]
            about = self.levels.scope(group[0].text, qualifier=True)
            if about and not about & asked:
                continue  # 乡、民族乡、镇的人民代表大会… asked of the 县人大: not its provision
            # the level an object names is the matter's (the 镇 heads attend the 区政府常务会议); else
            # it names whose posts act (县人大常委会的主任会议由谁组成)
            group = self._of_asked_level(group, asked) if self._objects_of(group, asked) else \
                self._of_asked_level(group, asked & self._owners_named(q), self._bearer_scope)
            level = {n.iri: self.levels.in_text(n.bearer.label, n.text) for n in group if n.bearer}
            levels = set(level.values())
            if len(levels - {""}) < 2:
                # 地方各级人民代表大会…由上届本级…常务委员会或者乡、民族乡、镇的上次…主席团召集, asked of
                # the 县人大: a provision of every level gives each level its own; not the 乡's (but
                # the 镇 heads attending the 区政府常务会议 attend the 区's)
                every = any(g in group[0].text for g in self.levels.general)
                scoped = {n.iri: self.levels.scope(n.bearer.label) for n in group if n.bearer}
                unscoped = every and any(not level[i] and not sc for i, sc in scoped.items())
                out += [n for n in group if not (unscoped and scoped.get(n.iri)
                                                 and not scoped[n.iri] & asked)]
                continue
            if levels & asked:  # none of the asked level's own posts: the provision does not say
                out += [n for n in group if n.bearer and level[n.iri] in asked | {""}]
        # 各省人大代表名额谁来定: a provision whose object is the asked level's outranks one of no level
        of_asked = [n for n in out if self._object_scope(n) & asked]
        if of_asked:
            out = [n for n in out
                   if n in of_asked or self._object_scope(n) or self.levels.scope(n.text, qualifier=True)]
        return out

    def _asked_levels(self, q: Question) -> set[str]:
        """The levels the question names (镇政府, 乡镇人大, 县里的选举委员会)."""
        return self.levels.named(q.text, frozenset(m.start for m in q.mentions))

    def _of_other_levels(self, q: Question, norms: list[NormRec]) -> bool:
        """Is every norm's provision about levels other than those the question names?"""
        asked = self._asked_levels(q)
        return bool(asked) and all((about := self.levels.scope(n.text, qualifier=True)) and not about & asked
                                   for n in norms)

    def _owners_named(self, q: Question) -> set[str]:
        """The levels the question names by a body whose posts or meetings it speaks of (县人大常委会
        的主任会议), not one that only says whose matter it is (区政府的重要决策)."""
        text, nominal = list(q.text), self.lex.grammar.verbs.nominal_mark
        starts = {m.start for m in q.mentions}
        for m in q.mentions:
            after = m.end + len(nominal)
            if q.text.startswith(nominal, m.end) and after not in starts:
                text[m.start:m.end] = [" "] * (m.end - m.start)
        return self.levels.named("".join(text), frozenset(starts))

    def _objects_of(self, group: list[NormRec], asked: set[str]) -> bool:
        return any(self._object_scope(n) & asked for n in group)

    def _object_scope(self, n: NormRec) -> set[str]:
        return self.levels.scope(n.object_text, qualifier=True)

    def _of_asked_level(self, group: list[NormRec], asked: set[str],
                        scope: Callable[[NormRec], set[str]] | None = None) -> list[NormRec]:
        """省…的具体名额，由全国人大常委会确定。…乡级的…，由县级的人大常委会确定, asked of the 乡镇:
        of one provision's norms, those whose object (or other scope) is the asked level's (if any is)."""
        scopes = {n.iri: (scope or self._object_scope)(n) for n in group}
        if any(sc & asked for sc in scopes.values()):
            return [n for n in group if not scopes[n.iri] or scopes[n.iri] & asked]
        return group

    def _bearer_scope(self, n: NormRec) -> set[str]:
        """The levels a bearer's name holds, else those of the one clause of its sentence that
        names it (…主任、副主任和秘书长组成主任会议；县…主任、副主任组成主任会议: the 秘书长 is the
        first's)."""
        if n.bearer is None:
            return set()
        own = self.levels.scope(n.bearer.label, qualifier=True)
        if own:
            return own
        clauses = [c for c in re.split(r"[；;]", n.quote) if n.bearer.label in c]
        if len(clauses) == 1 and clauses[0] != n.quote:
            return self.levels.scope(clauses[0], qualifier=True)
        return set()

    def _not_relative_subjects(self, q: Question) -> Question:
        """The question without the names that stand before a verb and 的 (常委会交办的代表议案: who did
        something to what is asked about; not 对乡镇人民政府的考核, whose 的 follows the name)."""
        def acts(m) -> bool:
            rest = q.text[m.end:m.end + 5]
            de = rest.find(self.lex.grammar.verbs.nominal_mark)
            words = list(_tagger().cut(rest[:de])) if de > 0 else []
            return bool(words) and all(w.flag.startswith("v") for w in words)
        return replace(q, mentions=[m for m in q.mentions if not acts(m)])

    def _by_object_level(self, q: Question, norms: list[NormRec]) -> list[NormRec]:
        """To whom, asked of one level: per provision, the norms whose object is that level's."""
        asked = self._asked_levels(q)
        if not asked:
            return norms
        out = []
        for source in dict.fromkeys(n.source for n in norms):
            group = [n for n in norms if n.source == source]
            # the clause naming the recipient first: an object read on demand runs to the verb
            kept = self._of_asked_level(group, asked, self._recipient_scope(group))
            out += self._of_asked_level(kept, asked)
        return sorted(out, key=_text_order)

    def _recipient_scope(self, group: list[NormRec]) -> Callable[[NormRec], set[str]]:
        """The levels of the one clause of a norm's sentence that names its recipient (县级的…可以向
        本级人大常委会…辞职，乡级的…可以向本级人民代表大会…辞职: not the clause of a longer name)."""
        labels = {a.label for n in group for a in n.aux}

        def scope(n: NormRec) -> set[str]:
            if not n.aux:
                return set()
            label = n.aux[0].label
            longer = [o for o in labels if o != label and o.startswith(label)]
            clauses = [c for c in re.split(r"[，,；;。]", n.quote)
                       if label in c and not any(o in c for o in longer)]
            return self.levels.scope(clauses[0], qualifier=True) if len(clauses) == 1 else set()
        return scope

    def _respectively(self, q: Question, norms: list[NormRec]) -> list[NormRec]:
        """省长、…、镇长分别主持地方各级人民政府的工作 asked of 镇政府: each bearer goes with its own
        level, so keep the bearers whose distinguishing words the question uses."""
        marker = self.lex.grammar.bearers.respectively
        groups: dict[str, list[NormRec]] = {}
        for n in norms:
            if marker and marker in n.quote and n.bearer is not None:
                groups.setdefault(n.quote, []).append(n)
        keep = [n for n in norms if n.quote not in groups]
        for group in groups.values():
            labels = [n.bearer.label for n in group if n.bearer]
            common = 0
            while common < min(map(len, labels)) and len({lb[len(lb) - common - 1] for lb in labels}) == 1:
                common += 1
            said = [n for n in group if n.bearer and
                    (n.bearer.label[:len(n.bearer.label) - common] or "\0") in q.text]
            keep += said if said and len(said) < len(group) else group
        return sorted(keep, key=_text_order)

    def _restates(self, q: Question, n: NormRec) -> bool:
        """A question that repeats a norm's condition (区长因公离威期间) asks about that case."""
        grams = set(_grams(n.condition))
        return bool(grams) and len(grams & set(_grams(q.text))) / len(grams) >= self.cfg.condition_overlap

    # -- a verb the grammar lacks, read in the closest provisions

    def _verbs(self, q: Question) -> list[str]:
        """The question's own verbs: its trigger, else the verbs jieba tags outside its names
        after the question word (由谁来划分 asks about 划分, not about 支出 in 支出责任 before it;
        a question whose word comes last, 由谁, has none to read)."""
        if q.trigger:
            return [q.trigger]
        return self._own_verbs(q)

    def _verbal_documents(self, q: Question) -> Question:
        """可以申请复查: a document kind's name (申请) jieba cuts as a verb right before another verb
        of two characters is the verb of asking for it, no document the provision must name."""
        tags = _tagger().word_tag_tab
        if not any(names_document(m) and tags.get(m.surface, "").startswith("v") for m in q.mentions):
            return q   # no document named by a word that is a verb too: no need to cut the question
        words, pos = [], 0
        for word, flag in _tagger().cut(q.text):
            words.append((pos, word, flag))
            pos += len(word)
        verbal = {at for (at, _, flag), (_, after, after_flag) in zip(words, words[1:], strict=False)
                  if flag == "v" and len(after) >= 2 and after_flag in ("v", "vn")
                  and all(map(is_cjk_ideograph, after))}
        kept = [m for m in q.mentions
                if not (m.start in verbal and names_document(m)
                        and any(w == m.surface for at, w, _ in words if at == m.start))]
        return q if len(kept) == len(q.mentions) else replace(q, mentions=kept)

    def _verb_asked(self, q: Question) -> Question:
        """The question without its trigger when the verb it asks about is another one."""
        if q.intent is not None and self._under_frame(q, q.trigger_at, q.trigger_at + len(q.trigger)):
            # 谁在区长领导下负责安排处理: 领导 says under whom, the verbs after it what is asked
            return replace(q, intent=None, trigger="", trigger_at=-1)
        if (q.intent is not None and 0 <= q.trigger_at < q.cue_at
                and [v for v in self._own_verbs(q) if v != q.trigger]):
            # 决策机关…谁来责令改正, 对决策拖着不办，谁来责令改正: the question's verb is the one
            # after its question word (责令改正), not a trigger before it (决策); without that
            # trigger, 承办单位…报给谁 asks to whom
            kind = "to_whom" if q.kind == "who" and self.reader.asks_to_whom(q.text) else q.kind
            return replace(q, intent=None, trigger="", trigger_at=-1, kind=kind)
        end = q.trigger_at + len(q.trigger)
        if q.intent is not None and 0 <= q.cue_at < q.trigger_at and any(
                m.start < q.trigger_at and m.end == end for m in q.mentions):
            # 向谁辞掉主席团成员的职务: a verb of the question's own between the question word and a
            # name that ends with a trigger (成员) is what is asked
            between = [v for v in self._own_verbs(q) if v != q.trigger
                       and 0 <= q.text.find(v, q.cue_at) < q.trigger_at]
            if between:
                return replace(q, intent=None, trigger="", trigger_at=-1)
        if q.intent is not None and q.trigger in self.cfg.light_verbs:
            # 谁负责整理: a light verb gives way to the verb right after it, known or not
            rest = q.text[q.trigger_at + len(q.trigger):]
            # …or after a word saying how (谁负责随时掌握, 谁负责认真审核)
            first = next(iter(_tagger().cut(rest)), None)
            if first is not None and first.flag in ("d", "ad"):
                rest = rest[len(first.word):]
            own = [v for v in self._own_verbs(q) if v != q.trigger]
            if any(rest.startswith(v) for v in own):
                return replace(q, intent=None, trigger="", trigger_at=-1)
            # …or after whom or what it is done to (谁负责向社会公告, 谁负责对账目进行审核)
            if first is not None and first.flag == "p":
                clause = re.split(r"[，,。？?；;]", rest)[0]
                if any(v in clause[len(first.word):] for v in own):
                    return replace(q, intent=None, trigger="", trigger_at=-1)
        return q

    def _own_verbs(self, q: Question) -> list[str]:
        # 找谁申请复核: a document kind's name said as a verb after the question word (申请) is the
        # question's verb, not a thing it is about
        said_as_verb = {m.start for m in q.mentions if 0 <= q.cue_at < m.start
                        and names_document(m) and self._tagged_verb(q.text, m.start, m.end)}
        inside = {i for m in q.mentions if m.start not in said_as_verb for i in range(m.start, m.end)}
        cues = set(self.cfg.question_cues) | set(self.cfg.aux_cues) | set(self.cfg.fillers)
        out, pos = [], 0
        predicate = True   # still in the words right after the question word
        tagged_noun: list[tuple[int, str]] = []
        # 跟谁交代: a to-whom word with no verb of its own (not 报哪, 交给谁) has the verb after it
        verbless = q.kind == "to_whom" and self._verbless_cue(q)
        last_flag = ""
        for word, flag in _tagger().cut(q.text):
            at = pos
            # 谁来建: jieba's 来建 is the filler 来 and the verb 建
            while len(word) > 1 and word[0] in cues and flag.startswith("v"):
                word, at = word[1:], at + 1
            after_cue = 0 <= q.cue_at < at
            if after_cue and word in self.cfg.colloquial and _ends_question(q.text, at + len(word)):
                out.append((at, word))   # 由谁来给？, 谁来当？: an everyday verb ending the question
            elif after_cue and (word in cues or flag in ("r", "p", "d")):
                pass   # 由谁, 谁来, 谁负责: the question word and what goes with it
            elif self._under_frame(q, at, at + len(word)):
                pass   # 在区长领导下: under whom, no verb asked
            elif after_cue and word in self.lex.grammar.bearers.sending and (any(
                    m.start == at + len(word) for m in q.mentions) or _ends_question(q.text, at + len(word))):
                # 谁负责报国务院备案, 备案找谁去报: sending to a name, or ending the question (jieba's
                # 报 is a noun)
                out.append((at, word))
            elif flag.startswith("v") and word not in cues and at not in inside and (
                    len(word) >= 2 or after_cue):
                out.append((at, word))
            elif after_cue and predicate and last_flag == "p" and flag.startswith("n"):
                pass   # 向社会公告: 社会 is whom it goes to, and the verb is still to come
            elif (after_cue and predicate and (q.kind == "who" or verbless) and flag in ("n", "vn")
                  and len(word) == 2
                  and at not in inside and all(map(is_cjk_ideograph, word))):
                # 由谁汇总整理: right after the question word stands its verb, whatever jieba tags it
                # (not after 报哪里, whose 备案 says what for), unless a word it tags a verb is there
                # (谁来责令改正 asks about 改正; 责令 stays a word of the topic)
                tagged_noun.append((at, word))
            elif flag in ("l", "i") and len(word) == 4 and at not in inside and 0 <= q.cue_at < at:
                # 谁来统筹规划: a four-character set phrase after the question word is two verbs
                out += [(at, word[:2]), (at + 2, word[2:])]
            elif after_cue:
                predicate = False
            pos = at + len(word)
            last_flag = flag
        if q.cue_at < 0:
            return [w for _, w in out if len(w) >= 2]
        # 征求谁的意见, 报给谁: a cue may open with the question's verb
        verbs = [w for p, w in out if p >= q.cue_at] or self._goes_to(q, out) or [w for _, w in tagged_noun]
        if verbs and all(v in self.cfg.pro_verbs for v in verbs):
            return self._deed(q, inside, cues) or verbs
        return verbs

    def _asked_twice(self, text: str) -> list[str]:
        """休假事先要报告谁、同时告知谁？ -> …事先要报告谁？ and …同时告知谁？: two clauses, each
        asking whom with a verb of its own, after what they share; [] for any other question."""
        cue = self.cfg.twice_cue
        body = text.rstrip("？?").rstrip()
        if not cue or body.count(cue) != 2:
            return []
        c1, c2 = body.find(cue), body.rfind(cue)
        join = max(body.rfind(j, c1, c2) for j in self.cfg.twice_joins)
        if join < 0:
            return []
        start = max(body.rfind(c, 0, c1) for c in "，,。；;") + 1
        shared, one, two = body[:start], body[start:join], body[join + 1:]
        if len(one) <= len(cue) or len(two) <= len(cue):
            return []
        return [shared + one + "？", shared + two + "？"]

    def _under_frame(self, q: Question, start: int, end: int) -> bool:
        """Is q.text[start:end] the verb of a 在…下 frame (谁在区长领导下…), not the one asked
        (在谁的领导下)?"""
        under, text = self.lex.grammar.bearers.under, q.text
        if len(under) != 2 or start < 0 or not text.startswith(under[1], end):
            return False
        clause = max(text.rfind(c, 0, start) for c in "，,。；;？?")
        opens = text.find(under[0], clause + 1, start)
        return opens >= 0 and not opens < q.cue_at < start

    def _deed(self, q: Question, inside: set[int], cues: set[str]) -> list[str]:
        """The verbal noun a pro-verb (做, 搞) stands for: right after it (做业务指导), else the
        last before the question word (入队前的审查由谁来做)."""
        words, pos = [], 0
        nominal = self.lex.grammar.verbs.nominal_mark
        for word, flag in _tagger().cut(q.text):
            if (flag in ("v", "vn") and len(word) == 2 and pos not in inside and word not in cues
                    and word not in self.cfg.pro_verbs and all(map(is_cjk_ideograph, word))):
                words.append((pos, word, flag == "vn" or q.text.endswith(nominal, 0, pos)))
            pos += len(word)
        pro = min((at for v in self.cfg.pro_verbs if (at := q.text.find(v, max(q.cue_at, 0))) >= 0),
                  default=-1)
        after = [w for p, w, _ in words if pro >= 0 and p > pro]
        # 配合谁来干 asks whom one 配合s: a verb before the question word is a deed only as a noun
        before = [w for p, w, noun in words if p < q.cue_at and noun]
        return after[:1] or before[-1:]

    @staticmethod
    def _tagged_verb(text: str, start: int, end: int) -> bool:
        """Does jieba cut exactly text[start:end] as one word and tag it a verb?"""
        pos = 0
        for word, flag in _tagger().cut(text):
            if pos == start:
                return pos + len(word) == end and flag == "v"
            if pos > start:
                return False
            pos += len(word)
        return False

    def _goes_to_someone(self, q: Question) -> bool:
        """找谁申诉: a question word that asks whom one goes to (extraction of its verb decides
        whether the act goes to someone)."""
        return q.cue_at >= 0 and any(q.text.startswith(w, q.cue_at) or q.text.endswith(w, 0, q.cue_at + 1)
                                     for w in self.cfg.duty_cues)

    def _verbless_cue(self, q: Question) -> bool:
        """Is the to-whom word at the question word free of a verb (跟谁, 向谁; not 报哪, 交给谁)?"""
        text = normalise(q.text)
        found = self.reader._find_any(text, self.cfg.aux_cues)
        if found is None or found[0] != q.cue_at:
            return False
        # a preposition and the question word alone (跟谁, 向哪里), not 跟谁请假 with its verb
        return text[found[0]] in self.cfg.cue_prepositions and found[1] - found[0] <= 3

    def _word_before(self, q: Question, at: int) -> list[str]:
        """The two-character word jieba cuts right before `at` (印发, which it tags a noun), or a
        one-character verb (抄给谁), if it is no name, question word or filler."""
        skip = set(self.cfg.question_cues) | set(self.cfg.aux_cues) | set(self.cfg.fillers)
        pos = 0
        for word, flag in _tagger().cut(q.text):
            pos += len(word)
            if pos >= at:
                named = any(m.start < pos and at - len(word) < m.end for m in q.mentions)
                fits = len(word) == 2 or (len(word) == 1 and flag == "v")
                return [word] if (pos == at and fits and word not in skip and not named
                                  and all(map(is_cjk_ideograph, word))) else []
        return []

    def _goes_to(self, q: Question, verbs: list[tuple[int, str]]) -> list[str]:
        """印发给谁, 报给谁: the verb right before 给 at the question word asks to whom a thing goes."""
        if q.kind != "to_whom":
            return []
        for link in self.cfg.goes_to:
            at = q.text.find(link, max(0, q.cue_at - len(link)), q.cue_at + 3)
            if at < 0:
                continue
            # jieba's 送到 holds the link: the verb is what comes before it
            before = [w for p, w in verbs if p + len(w) == at] or self._word_before(q, at) or [
                w[:-len(link)] for p, w in verbs if link in self.cfg.goes_to_joined
                and p + len(w) == at + len(link) and w.endswith(link) and len(w) > len(link)]
            inner = q.text[q.cue_at:at]   # 报给谁: the cue opens with the verb
            if before:
                return before
            if inner and all(map(is_cjk_ideograph, inner)):
                return [inner]
        return []

    def _read_on_demand(self, q: Question, scope, to_whom: bool, sparql: list[str]) -> list[NormRec] | None:
        """No stored norm answers: read the question's own verb (and its 词林 synonyms) as a duty
        in the provisions that speak most of its topic, with the extractor's rules for who acts."""
        from kg.extract import Extractor

        verbs = self._verbs(q)
        if not verbs:
            return None
        index = self._provision_index(scope, sparql)
        hits = _search(index, " ".join([q.topic] + verbs), 8)
        words = [pair for h in hits for pair in self._words_of(h.iri, h.text)]
        # A synonym counts where the provision writes it as a word (查对 is not read in 督查对象).
        written = {w for w, _ in words}
        forms = {v: "asked" for v in verbs} | {s: "asked" for v in verbs for s in synonyms(v) if s in written}
        # 钱由谁出: an everyday verb is the one the provisions write instead (承担, 负担)
        everyday = {v: [s for s in self.cfg.colloquial.get(v, ()) if s in written] for v in verbs}
        forms |= {s: "asked" for said in everyday.values() for s in said}
        # 归谁来建: a one-character verb is the verb of two the provisions write (建立); so is
        # one with its result (选出 -> 选举)
        single = tuple(v for v in verbs if len(v) == 1 and not everyday[v]) + tuple(
            v[0] for v in verbs if len(v) == 2 and v[1] in self.cfg.complements)
        if single:
            forms |= {w: "asked" for w, flag in words
                      if len(w) == 2 and flag.startswith("v") and w.startswith(single)}
        key = (tuple(sorted(forms)), to_whom)
        extractor = self._extractors.get(key) or self._extractors.setdefault(
            key, Extractor(self.lex, forms, aux=to_whom))
        norms: list[NormRec] = []
        for h in hits:
            row = self._provisions[h.iri]
            if not any(f in h.text for f in forms):
                continue
            text, reg = _own_text(row), str(row["regulation"])
            read = self._read.get((key, h.iri))
            if read is None:  # the same verb read in the same provision reads the same
                read = self._read[(key, h.iri)] = extractor.provision(
                    text, h.iri, h.citation, h.article, self._lead_of(h.iri), self._declaring(extractor, reg))
            # 向主席团提出…报告: a light verb asked for is read as the noun's action, still the one asked
            usable = [n for n in read if (n.action == "asked" or n.verb in forms)
                      and (n.bearer is not None or to_whom)
                      and (n.aux or not to_whom) and not self._only_nominal(n.quote, n.verb)
                      and not (to_whom and self._list_goes_on(n.object_text))
                      and not self._only_attributive(n.quote, n.verb)]
            if not usable:
                norms += self._phrase_norms(text, h, reg, forms, to_whom)
                if not to_whom:
                    norms += self._relative_norms(text, h, reg, forms)
            for k, n in enumerate(usable):
                def party(p, reg=reg):
                    return self._read_party(reg, p.kind, p.name, p.label, None if p.generic else p.iri)
                # whoever the sentence is about, where it leaves them unnamed
                bearer = party(n.bearer) if n.bearer is not None else Party("", "", "", None)
                rec = NormRec(f"{h.iri}#asked{k}", action="asked", regulation=reg, source=h.iri,
                              citation=h.citation, article=h.article, text=text, quote=n.quote,
                              bearer=bearer, objects=[party(o) for o in n.objects],
                              aux=[party(a) for a in n.aux], delegators=[party(d) for d in n.delegated_by],
                              object_text=n.object_text, condition=n.condition, modality=n.modality,
                              strength=n.strength, delegation=n.delegation)
                norms.append(rec)
        if not norms:
            return None
        # Every norm read here has the question's verb: the verb is no evidence between them.
        rest = " ".join(w for w in q.topic.split() if w not in forms and w != "".join(verbs))
        # …but where the text writes the question's verbs in one provision alone, they point to it
        holders = {index.articles[i].iri for v in verbs if len(v) >= 2 and v not in self.cfg.light_verbs
                   for i in index.holding(v, limit=2)}   # two already make it no sole one
        sole = len(holders) == 1 and {n.source for n in norms} <= holders
        least = self.cfg.min_cover_sole_verb if sole else self.cfg.min_cover_on_demand
        chosen = self._choose(replace(q, topic=rest), norms, to_whom, least)
        return chosen if isinstance(chosen, list) else None

    def _declaring(self, extractor, reg: str) -> dict[str, str]:
        """The short names a regulation declares (市人民代表大会财政经济委员会（以下简称财经委员会）),
        so a provision read on demand knows them as its text does; read once per regulation."""
        if reg not in self._declarations:
            self._declarations[reg] = extractor.declared("\n".join(
                str(r["text"]) for r in self._provisions.values() if str(r["regulation"]) == reg))
        return self._declarations[reg]

    def _list_goes_on(self, after: str) -> bool:
        """通知常务委员会组成人员和列席会议的部门及人员: the words after the parties read open with
        和, so the list goes on past a name not read, and the parties read are not all of them."""
        joins = [w for w in self.lex.grammar.bearers.coordination if w not in "，,"]
        return after.startswith(tuple(joins))

    def _words_of(self, iri: str, text: str) -> list[tuple[str, str]]:
        """A provision's words and their parts of speech, cut once."""
        if iri not in self._cut:
            if len(self._cut) >= CUT_CACHE:  # a library holds more provisions than are ever asked
                self._cut.clear()
            self._cut[iri] = [(w, flag) for w, flag in _tagger().cut(text)]
        return self._cut[iri]

    def _read_party(self, reg: str, kind: str, name: str, label: str, iri: str | None) -> Party:
        """A party read on demand, as a term of its regulation (with its lexicon IRI, if any)."""
        return Party(term_iri(self.lex.base, self.ids.get(reg, ""), KIND_SLUGS.get(kind, "post"), name),
                     name, label, iri)

    def _only_nominal(self, quote: str, verb: str) -> bool:
        """The verb read occurs in the sentence only as the first word of a noun (核查 in 根据整改核查
        结果，提出…建议): that sentence says nothing about who does it."""
        return _only_before(quote, verb, tuple(self.cfg.nominal_heads))

    def _only_attributive(self, quote: str, verb: str) -> bool:
        """The verb read occurs in the sentence only before 的 (支持人民武装部开展的…活动): it says what
        the names right before it do (read by _relative_norms), not the sentence's subject."""
        return _only_before(quote, verb, (self.lex.grammar.verbs.nominal_mark,))

    def _phrase_norms(self, text: str, h, reg: str, forms: dict[str, str], to_whom: bool) -> list[NormRec]:
        """The party the text puts right before the verb with a marker (由负责合法性审查的部门进行
        合法性审查, 经同级党委同意, 向同级党委请示) when the grammar reads no bearer there: a name
        ending as posts and bodies end (ontology/qa.toml [phrase])."""

        verbs = tuple(sorted(forms, key=len, reverse=True))
        found = [(m, [m.group("party")]) for m in self._phrase_pattern(verbs, to_whom).finditer(text)]
        if not to_whom and self.cfg.phrase.frames:
            # 根据本级人民代表大会主席、副主席的安排: each name of the list
            found += [(m, _split_top(m.group("party"), ("、",)))
                      for m in self._phrase_pattern(verbs, False, framed=True).finditer(text)]
        not_markers = tuple(self.lex.grammar.bearers.not_markers)
        known = None   # the provision's names, found once and only where a phrase is read
        out: list[NormRec] = []
        for m, names in found:
            ps, pe = m.span("party")
            if text.startswith(not_markers, m.start()):
                continue   # 年度工作报告在…: the 报 of 报告 is no marker
            known = self.lex.mentions(text) if known is None else known
            if len(names) == 1 and any(x.start == ps and x.end < pe for x in known):
                continue   # 由登记管理机关办理…: a known name, then words that are none of it
            start, end = _sentence_of(text, m.start())
            for name in names:
                iri = term_iri(self.lex.base, self.ids.get(reg, ""), "post", name)
                party = Party(iri, name, name, None)
                out.append(NormRec(f"{h.iri}#phrase{len(out)}", action="asked", regulation=reg,
                                   source=h.iri, citation=h.citation, article=h.article, text=text,
                                   quote=text[start:end], bearer=None if to_whom else party,
                                   aux=[party] if to_whom else [], condition="", modality="obligation",
                                   strength="strict"))
                if to_whom:  # the bearer is whoever the sentence is about; the answer is the party
                    out[-1].bearer = Party("", "", "", None)
        return out

    def _relative_norms(self, text: str, h, reg: str, forms: dict[str, str]) -> list[NormRec]:
        """国务院设立的国家行政学院: the name right before the asked verb and 的 did it to the thing
        the words after 的 name (up to the next stop), also inside a name the text gives a body by
        its founder; the quote is that clause alone (one sentence may list several)."""
        nominal = self.lex.grammar.verbs.nominal_mark
        stops = self.cfg.phrase.stop_chars
        clause = self.cfg.phrase.clause_chars
        out: list[NormRec] = []
        for verb in sorted(forms, key=len, reverse=True):
            for found in re.finditer(re.escape(verb + nominal), text):
                p, at = found.start(), found.end()
                s0 = max([text.rfind(c, 0, p) + 1 for c in clause] + [0])
                named = [x for x in self.lex.mentions(text[s0:p]) if x.entry.kind in AGENT_KINDS]
                m = next((x for x in named if x.end == p - s0), None)
                end = next((i for i in range(at, len(text)) if text[i] in stops), len(text))
                if m is None or end - at < 2:
                    continue
                # 人民武装部和预备役部队开展的: each name of the list right before the verb
                listed = [m]
                for x in reversed([x for x in named if x.end <= listed[0].start]):
                    if text[s0 + x.end:s0 + listed[0].start] in self.lex.grammar.bearers.coordination:
                        listed.insert(0, x)

                def party(x, reg=reg) -> Party:
                    return self._read_party(reg, x.entry.kind, x.entry.pref, x.surface,
                                            None if x.entry.generic else x.entry.iri)
                thing = [party(x) for x in self.lex.mentions(text[at:end])
                         if x.start == 0 and x.end == end - at]
                for x in listed:
                    out.append(NormRec(f"{h.iri}#relative{len(out)}", action="asked", regulation=reg,
                                       source=h.iri, citation=h.citation, article=h.article, text=text,
                                       quote=text[s0:end], bearer=party(x), objects=thing,
                                       object_text=text[at:end], condition="", modality="obligation",
                                       strength="strict"))
        return out

    @functools.lru_cache(maxsize=256)  # noqa: B019 (one QA per process; the key is small)
    def _phrase_pattern(self, verbs: tuple[str, ...], to_whom: bool, framed: bool = False) -> re.Pattern:
        cfg = self.cfg.phrase
        grammar_roles = self.lex.grammar.roles
        suffixes = sorted(set(grammar_roles.suffixes + grammar_roles.body_suffixes
                              + grammar_roles.meeting_suffixes + tuple(cfg.suffixes)),
                          key=len, reverse=True)
        markers = cfg.to_whom_markers if to_whom else cfg.who_markers
        alt = "|".join
        esc = [re.escape(w) for w in suffixes]
        if framed:   # 根据X的安排, X a name or a list of them joined by 、
            stops = re.escape(cfg.stop_chars.replace("、", ""))
            return re.compile(
                f"(?:{alt(map(re.escape, cfg.frames))})"
                f"(?P<party>[^{stops}]{{0,{cfg.max_prefix}}}?(?:{alt(esc)}))"
                f"{re.escape(self.lex.grammar.verbs.nominal_mark)}(?:{alt(map(re.escape, verbs))})")
        return re.compile(
            f"(?:{alt(map(re.escape, markers))})"
            f"(?P<party>[^{re.escape(cfg.stop_chars)}]{{0,{cfg.max_prefix}}}?(?:{alt(esc)}))"
            # 进行合法性审查: a link verb may take the verb's object before it
            f"(?:(?:{alt(map(re.escape, cfg.links))})[^{re.escape(cfg.stop_chars)}]{{0,8}}?)?"
            f"(?:{alt(map(re.escape, verbs))})")

    def _provision_index(self, scope, sparql: list[str]):
        from kg.search import Index

        key = ",".join(sorted(scope)) if scope else "*"
        one = self._one(scope)
        bindings = {"regulation": one} if one is not None else {}
        if key not in self._index:
            if one is not None and not self._all_provisions:
                rows = run(self.store, "provisions", **bindings)   # one regulation: read only it
            else:
                rows = run(self.store, "provisions") if not self._all_provisions else \
                    list(self._provisions.values())
                self._all_provisions = True
            for r in rows:
                self._provisions[str(r["node"])] = r
                self._provision_regs.add(str(r["regulation"]))
                if r.get("parent"):
                    self._items.setdefault(str(r["parent"]), {})[str(r["node"])] = r
            self._index[key] = Index([e for e in _entries(rows) if scope is None or e.regulation in scope])
        sparql.append(render("provisions", bindings))
        return self._index[key]

    def _closest(self, q: Question, scope, sparql: list[str]) -> list[tuple[Any, str, str]]:
        """(hit, own text, regulation) of the provisions that speak most of the question's topic."""
        index = self._provision_index(scope, sparql)
        hits = _search(index, q.topic, 8)
        return [(h, _own_text(self._provisions[h.iri]), str(self._provisions[h.iri]["regulation"]))
                for h in hits]

    def _lead_of(self, iri: str) -> str:
        """An item's 款 lead (下列规范性文件，应当报送…备案：), "" for any other provision."""
        parent = self._provisions.get(str(self._provisions[iri].get("parent") or ""))
        return _own_text(parent) if parent else ""

    # -- whose opinion is sought

    def _asks_opinion(self, q: Question) -> bool:
        """征求谁的意见, 得听听哪些方面的意见, 要把谁的意见作为依据: the question asks whose opinion."""
        c = self.cfg.consult
        if not any(o in q.text for o in c.opinions):
            return False
        if q.cue_at < 0:
            return False
        # 听取审议…建议情况的报告，要印发给谁: an opinion word far from the question word is the
        # topic's, not what is asked
        before = q.text[max(0, q.cue_at - c.cue_window):q.cue_at]
        near = q.text[q.cue_at:q.cue_at + c.cue_window]
        return any(a in before for a in c.asks) or any(o in near for o in c.opinions)

    def _consulted(self, question: str, q: Question, scope, sparql: list[str]) -> Result:
        """The parties whose opinion the closest provisions seek (开展风险评估，应当听取有关部门的意见)."""
        c = self.cfg.consult
        norms = [n for h, text, reg in self._closest(q, scope, sparql)
                 for n in self._consultees(text, h, reg)]
        asked = set(c.asks) | set(c.opinions) | set(c.verbs)
        rest = replace(q, topic=" ".join(w for w in q.topic.split() if w not in asked))
        chosen = self._choose(rest, norms, True, self.cfg.min_cover_on_demand) if norms \
            else self.messages["not_found"]
        if isinstance(chosen, str):
            return self._not_found(question, q, scope, "consult", chosen, sparql)
        return Result(question, "consult", self._answers(chosen, q, to_whom=True), sparql=sparql)

    def _consultees(self, text: str, h, reg: str) -> list[NormRec]:
        """One norm per 征求/听取 … 意见 phrase of a provision, its parties those whose opinion it is."""

        c = self.cfg.consult
        out: list[NormRec] = []
        for pattern in _consult_patterns(c):
            for m in pattern.finditer(text):
                named = m.group("party")
                if any(named.startswith(w) for w in c.about + c.joins + c.opinions):
                    continue
                parties = []
                for part in _split_top(_strip_ends(named, c.ends), c.joins):
                    part = self._before_class(_strip_ends(part, c.ends))
                    for place in c.places:
                        if place in part and len(part.split(place)[-1]) >= 2:
                            part = part.split(place)[-1]
                    if part:
                        iri = term_iri(self.lex.base, self.ids.get(reg, ""), "body", part)
                        parties.append(Party(iri, part, part, None))
                if parties:
                    out.append(_goes_to(h, reg, text, m.start(), parties, "consult", f"consult{len(out)}"))
        return out

    def _before_class(self, part: str) -> str:
        """工商业联合会等企业方面代表组织 -> 工商业联合会: a name, then 等 and the class it belongs to
        (qa.toml [consult] classed), is that name."""
        for mark in self.cfg.consult.classed:
            at = part.find(mark)
            if at > 0 and self.lex.suffix(part[:at]) and len(part) - at - len(mark) >= 2:
                return part[:at]
        return part

    # -- where a thing goes, by the question's own word

    def _recipients(self, q: Question, scope, sparql: list[str]) -> list[NormRec] | None:
        """报给谁, 交给谁, 跟谁沟通: the parties the closest provisions put after the text's own
        markers for that word (报X备案, 提交X讨论, 交由X承担, 与X进行沟通协商)."""
        c = self.cfg.recipient
        if q.cue_at < 0:
            return None
        # the word up to the question word, or opening it (报给谁, 跟谁, 向谁报告); not 由谁报
        near = q.text[max(0, q.cue_at - c.window):q.cue_at + 5]
        key = max((k for k in c.markers if k in near), key=near.rfind, default=None)
        if key is None:
            return None
        verbs = [v for v in self._own_verbs(q) if len(v) >= 2 and v not in key
                 and v not in c.markers[key]] or self._purpose(q)
        norms: list[NormRec] = []
        closest = self._closest(q, scope, sparql)
        hit = {h.iri for h, _, _ in closest}
        for h, text, reg in closest:
            found = self._sent(text, h, reg, c.markers[key], tuple(verbs))
            # 下列规范性文件，应当报送…备案：（四）乡镇人大的决议: an item names what its lead sends
            # (not one listing cases where the 款 is a hit of its own: its reading goes on to them)
            lead = self._lead_of(h.iri)
            if lead and str(self._provisions[h.iri].get("parent")) in hit and any(
                    w in lead for w in self.cfg.listed_cases):
                lead = ""
            if not found and lead:
                found = [replace(n, quote=f"{n.quote}\n{text}", object_text=f"{n.object_text} {text}")
                         for n in self._sent(lead, h, reg, c.markers[key], tuple(verbs))]
            norms += found
        rest = replace(q, topic=" ".join(w for w in q.topic.split() if w not in verbs and key not in w))
        # the text's marker and the question's own verb around a name are as good as a stored norm
        least = self.cfg.min_cover if verbs else self.cfg.min_cover_on_demand
        chosen = self._choose(rest, norms, True, least) if norms else None
        return chosen if isinstance(chosen, list) else None

    def _purpose(self, q: Question) -> list[str]:
        """报给谁备案, 要报到哪里备案: the word ending the question right after its question word
        says what the thing goes there for, and ends the name in the text's 报X备案 as a verb would."""
        cue_chars = set("".join(self.cfg.question_cues + self.cfg.aux_cues))
        pos, last = 0, ("", 0)
        for word, _ in _tagger().cut(q.text):
            if any(c.isalnum() for c in word):
                last = (word, pos)
            pos += len(word)
        word, at = last
        between = q.text[max(q.cue_at, 0):at]
        if (q.cue_at < 0 or at <= q.cue_at or len(word) < 2 or not all(map(is_cjk_ideograph, word))
                or not between or not set(between) <= cue_chars or set(word) & cue_chars
                or word in self.cfg.answer_classes or self.lex.suffix(word)):   # 哪个法院: a name's kind
            return []
        return [word]

    def _sent(self, text: str, h, reg: str, markers: tuple[str, ...],
              verbs: tuple[str, ...]) -> list[NormRec]:
        """One norm per marker phrase of a provision, its parties the ones the thing goes to."""

        c = self.cfg.recipient
        joins = self.cfg.consult.joins
        out: list[NormRec] = []
        # (…but 请求 stays one where the question's word picks it: 请求上一级行政机关复查)
        not_markers = tuple(w for w in self.lex.grammar.bearers.not_markers if w not in markers)
        for m in _recipient_pattern(c.stop_chars, c.max_len, c.links, markers, verbs).finditer(text):
            if text.startswith(not_markers, m.start()) or self.lex.suffix(text[m.start():m.end() + 1]):
                continue   # 报告连同…审议意见通报X: the 报 of 报告 sends nothing, nor 申请 of 被申请人
            if verbs:
                party = m.group("party")
                # 向复查机关的上一级行政机关请求复核: a marker word before the verb is no part of X
                party = next((party[:-len(w)] for w in markers
                              if party.endswith(w) and len(party) > len(w)), party)
                named = self._level_lists(party, _split_top(party, joins))
            else:   # no verb to end X: the names right after the marker (交给), joined by 、/和/及
                after = m.end() + next((len(w) for w in self.cfg.goes_to if text.startswith(w, m.end())), 0)
                named = self._names_after(text, after, joins)
            named = [self._unpointed(_strip_ends(n, self.cfg.consult.ends)) for n in named]
            if verbs and any(self._verbal(n) or self._overruns(n) for n in named):
                continue   # 向常务委员会提出研究处理: what runs to the verb is no name
            parties = [Party(term_iri(self.lex.base, self.ids.get(reg, ""), "body", n), n, n, None)
                       for n in named if len(n) >= 2]
            if parties:
                out.append(_goes_to(h, reg, text, m.start(), parties, "asked", f"sent{len(out)}"))
        return out

    def _unpointed(self, name: str) -> str:
        """它的派出机关 -> 派出机关: a pronoun pointing back says whose, not who."""
        of = self.lex.grammar.verbs.nominal_mark
        for w in self.lex.grammar.bearers.pronouns:
            for lead in (w + of, w):
                if name.startswith(lead) and len(name) - len(lead) >= 2:
                    return name[len(lead):]
        return name

    def _level_lists(self, text: str, parts: list[str]) -> list[str]:
        """不设区的市、市辖区人民政府 stays one name listing its levels (the head is said once, after
        the last); parts that are names of their own stay apart."""
        out: list[str] = []
        pos, opened, pending = 0, 0, 0   # the parts with no head of their own: where, how many
        for part in parts:
            at = text.find(part, pos)
            pos = at + len(part)
            if not self.lex.suffix(part):
                opened, pending = (opened if pending else at), pending + 1
                out.append(part)
                continue
            if pending and self.lex.members(text[opened:pos]):
                out[-pending:] = [text[opened:pos]]
            else:
                out.append(part)
            pending = 0
        return out

    def _overruns(self, name: str) -> bool:
        """向登记管理机关办理分支机构…: a name the lexicon knows opens the words read as one, and more
        words follow it."""
        found = self.lex.mentions(name)
        first = next((m for m in found if m.start == 0), None)
        if first is None or first.end >= len(name):
            return False
        # 复查机关的上一级行政机关: one name's own, 的 and a name, is one name
        nominal = self.lex.grammar.verbs.nominal_mark
        return not (name.startswith(nominal, first.end) and any(m.end == len(name) for m in found))

    def _names_after(self, text: str, start: int, joins: tuple[str, ...]) -> list[str]:
        """The names right after a marker, joined by 、/和/及; X的Y is Y, named with whose it is
        (请求原办理行政机关的上一级行政机关复查, though the lexicon reads only 行政机关 of the first)."""
        of = self.lex.grammar.verbs.nominal_mark
        named: list[str] = []
        pos, name_at, owner_at = start, start, None
        for found in self.lex.mentions(text[start:start + self.cfg.recipient.max_len]):
            at = start + found.start
            gap = text[pos:at]
            if gap == of and (named or owner_at is not None):
                named[-1:] = [text[name_at if owner_at is None else owner_at:start + found.end]]
                owner_at = None
            elif (not named and owner_at is None and gap and len(gap) <= 3 and all(map(is_cjk_ideograph, gap))
                  and text.startswith(of, start + found.end)):
                owner_at = pos   # the owner's first words the lexicon leaves out (原办理)
            elif gap and gap not in joins:
                break
            else:
                named.append(found.surface)
                name_at = at
            pos = start + found.end
        return named

    def _verbal(self, name: str) -> bool:
        """Does a would-be name hold a verb of the grammar (提出), outside the nouns built from one
        (负责人, 组成人员)?"""
        g = self.lex.grammar
        for noun in g.verbs.ignore_words:
            name = name.replace(noun, "\0")
        return any(w in name for w in g.actions if len(w) >= 2)

    # -- answers

    def _source(self, n: NormRec) -> Source:
        return Source(n.source, n.citation, n.article, n.text, self.titles.get(n.regulation, ""),
                      self.ids.get(n.regulation, ""))

    def _answers(self, norms: list[NormRec], q: Question, to_whom: bool) -> list[Answer]:
        answers, seen = [], set()
        relation = {e.iri.rsplit("/", 1)[-1]: e.relation for e in self.lex.actions.values()}
        relation["asked"] = q.trigger or "asked"
        asked = self._asked_levels(q) if to_whom else set()
        for n in norms:
            parties = n.aux if to_whom else [n.bearer] if n.bearer else []
            if asked:
                # 向本级人大常委会或者乡、民族乡、镇的人民代表大会报告 asked of the 区人大代表: not the
                # recipient another level's name says is its own, where one of no other level is left
                parties = [p for p in parties if not ((sc := self.levels.scope(p.label, qualifier=True))
                                                      and not sc & asked)] or parties
            delegated = "、".join(p.label for p in n.delegators) or None
            for p in parties:
                # 向作出该督查结论的人民政府申请复核…在复核中应当回避: whom a thing goes to, read again in
                # a later sentence of the provision, is one answer (the first, with its condition)
                key = (p.iri, None if to_whom else n.condition, delegated, n.citation)
                if key in seen:
                    continue
                seen.add(key)
                answers.append(Answer(
                    label=p.label, name=self.levels.any_level(p.name), iri=p.iri,
                    relation=relation.get(n.action, n.action),
                    condition=n.condition or None, delegated_by=delegated,
                    delegation=n.delegation or None, modality=n.modality, strength=n.strength,
                    quote=n.quote, source=self._source(n), concept=p.concept,
                    members=self.lex.members(p.label)))
        return answers

    # -- quantities

    def _quantity(self, question: str, q: Question, scope, sparql: list[str]) -> Result:
        spec = q.quantity
        assert spec is not None
        slugs = ["quantity", "quorum", "frequency", "preparation", "lead-time"]
        norms = [n for slug in slugs for n in self._norms(slug, sparql, scope)
                 if self._in(n, scope) and n.value is not None and self._unit_fits(n.unit, spec.units)]
        # 一届干几年: the amount the question states itself (一届) is no answer to it
        norms = [n for n in norms if not (n.phrase and normalise(n.phrase) in q.text)]
        norms = self._same_direction(q, norms)
        if any(w in q.text for w in spec.held):   # 开几次: not 民主评议每年至少进行一次
            norms = [n for n in norms if not any(w in (n.phrase or "") for w in spec.done)]
        first = [n for n in norms if n.action in spec.actions]
        chosen = self._choose(q, first, to_whom=False) if first else self.messages["no_quantity"]
        if isinstance(chosen, str) and first:
            # 开得成: the question asks a quorum, which its action says; another share is no answer
            chosen = self._choose(q, first, to_whom=False, min_cover=self.cfg.min_cover_one_named)
        elif isinstance(chosen, str):
            chosen = self._choose(q, norms, to_whom=False) if norms else self.messages["no_quantity"]
        if isinstance(chosen, str):
            return self._not_found(question, q, scope, "quantity", chosen, sparql)
        chosen = self._counted(q, chosen)
        relation = {e.iri.rsplit("/", 1)[-1]: e.relation for e in self.lex.actions.values()}
        answers, seen = [], set()
        for n in chosen:
            value, unit = self._stated(n, q)
            key = (value, unit, n.phrase or n.quote, n.citation, n.condition)
            if key in seen:   # one amount the provision states, read as two facts: said once
                continue
            seen.add(key)
            answers.append(Answer(
                label=n.phrase or n.quote, name=n.phrase or n.quote, iri=n.iri,
                relation=relation.get(n.action, n.action), condition=n.condition or None,
                delegated_by=None, delegation=None, modality=n.modality, strength=n.strength,
                quote=n.quote, source=self._source(n), kind="quantity", value=value, unit=unit))
        return Result(question, "quantity", answers, sparql=sparql)

    def _same_direction(self, q: Question, norms: list[NormRec]) -> list[NormRec]:
        """几天之内要回复 asks a time within which (五日内), not one before which (二十日前)."""
        c = self.cfg
        within = any(w in q.text for w in c.within_asks)
        before = any(w in q.text for w in c.before_asks)
        if within == before:
            return norms
        other = c.before_ends if within else c.within_ends
        return [n for n in norms if not (n.phrase and n.phrase.endswith(other))]

    def _counted(self, q: Question, norms: list[NormRec]) -> list[NormRec]:
        """Of several quantities, those printed right after what the question counts (副主席一人至二人
        for 几个副主席, not 代表十人以上 in the same provision); all of them if none is. A post the
        question names that the provision counts with no number (副团长若干人) is not counted by the
        number after another (团长一人)."""
        def right_after(n: NormRec, words: list[str]) -> bool:
            pos = n.quote.find(n.phrase) if n.phrase else -1
            return pos >= 0 and any(w in n.quote[max(0, pos - len(w) - 2):pos] for w in words)

        posts = [m.surface for m in q.mentions if any(t.kind == "post" for t in m.terms)]
        norms = [n for n in norms if all(right_after(n, [p]) for p in posts
                                         if any(p + a in n.quote for a in self.cfg.vague_amounts))]
        if len(norms) < 2:
            return norms
        words = [w for w in q.topic.split() if len(w) >= 2]
        kept = [n for n in norms if right_after(n, words)]
        if kept:
            return kept
        # 班子几个人: the number of the provision that writes what the question counts right after
        # it, in the text's words (共5至7人组成), not of another (居民10人以上联名)
        said = [x for w in words for x in self.cfg.colloquial.get(w, ())]

        def right_before(n: NormRec) -> bool:
            pos = n.quote.find(n.phrase) + len(n.phrase) if n.phrase and n.phrase in n.quote else -1
            return pos >= 0 and any(n.quote.startswith(w, pos) for w in said)

        return [n for n in norms if right_before(n)] or norms

    @staticmethod
    def _unit_fits(unit: str, units: tuple[str, ...]) -> bool:
        return unit in units or (unit.startswith("次/") and any(u.startswith("次/") for u in units))

    @staticmethod
    def _stated(n: NormRec, q: Question) -> tuple[float, str]:
        """The value as the question wants it: a frequency as its period (每2周1次 -> 2 周), a range's
        least for 至少 questions."""
        assert n.value is not None
        counted = q.quantity is not None and any(w in q.text for w in q.quantity.counts)
        if n.unit.startswith("次/") and n.value and not counted:
            period = Fraction(1) / Fraction(n.value).limit_denominator(100)
            return float(period), n.unit.split("/", 1)[1].lstrip("个")
        if q.extremum == "min" and n.low is not None:
            return n.low, n.unit
        return n.value, n.unit

    # -- no answer

    def _related(self, q: Question, scope) -> list[Related]:
        """The closest provisions by full-text search: shown as 相关条文, never as answers."""
        index = self._provision_index(scope, [])
        hits = _search(index, q.topic or q.text, 3)
        return [Related(h.citation, h.iri, h.text, h.score) for h in hits]

    def _not_found(self, question, q: Question, scope, intent, why, sparql) -> Result:
        if why is VAGUE:   # 几天内交上去: several provisions fit the quantity or consultation asked
            why = self.messages["vague"]
        one = self._one(scope)
        tips = "；".join(self.suggestions(self.ids.get(str(one)) if one is not None else None)[:4])
        related = self._related(q, scope) if q.text else []
        return Result(question, intent, message=f"{why} — 可以这样问 / try: {tips}" if tips else why,
                      sparql=sparql, related=related)

    def suggestions(self, regulation: str | None = None, n: int = 6) -> list[str]:
        """Example questions made from the regulation's own norms (「全体会议由谁召集？」), one per
        kind of duty in the order of qa.toml's intents, each one this QA answers from the very
        provision it was made of; computed once per regulation (an id, or None for the store)."""
        if regulation in self._suggestions:
            return self._suggestions[regulation]
        self._suggestions[regulation] = []   # while they are tried, a miss offers none
        one = self._one(self._iris(regulation)) if regulation else None
        rows = run(self.store, "suggestions", **({"regulation": one} if one is not None else {}))
        by_action: dict[str, list[Row]] = {}
        for r in rows:
            by_action.setdefault(str(r["action"]).rsplit("/", 1)[-1], []).append(r)
        out: list[str] = []
        unfit = self.lex.grammar.citations.short_title_markers   # a label that swallowed （以下简称…
        for intent in self.cfg.intent:
            if len(out) >= n:
                break
            tried = 0
            for r in (r for a in intent.actions for r in by_action.get(a, [])):
                question = f"{r['object']}由谁{r['verb']}？"
                if question in out or tried >= 3 or any(w in question for w in unfit):
                    continue
                tried += 1
                answers = self.ask(question, regulation).answers
                if answers and any(a.source.article == int(str(r["article"])) for a in answers):
                    out.append(question)
                    break
        self._suggestions[regulation] = out
        return out


def _search(index, text: str, n: int) -> list:
    """The index's closest provisions to words of the question, at most the index's query length
    of them (a long question is still answered; its related provisions come from its start)."""
    from kg.search import MAX_QUERY

    if index is None or not text:
        return []
    if len(text) > MAX_QUERY:
        cut = text[:MAX_QUERY]
        text = cut[:cut.rfind(" ")] if " " in cut else cut
    return index.search(text, n)


def _who(n: NormRec) -> str:
    return n.bearer.iri if n.bearer is not None else ""


def _own_text(row: Row) -> str:
    """A provision's own words: a paragraph with items is its lead only."""
    return str(row["text"]).split("\n")[0] if row.get("parted") else str(row["text"])


def _goes_to(h, reg: str, text: str, at: int, parties: list[Party], action: str, tag: str) -> NormRec:
    """A norm read from a phrase at `at` whose answer is where something goes (its parties as the
    auxiliary party; the bearer is whoever the sentence is about)."""
    start, end = _sentence_of(text, at)
    return NormRec(f"{h.iri}#{tag}", action=action, regulation=reg, source=h.iri,
                   citation=h.citation, article=h.article, text=text, quote=text[start:end],
                   bearer=Party("", "", "", None), aux=parties, object_text=text[start:at],
                   condition="", modality="obligation", strength="strict")


@lru_cache(maxsize=4)
def _consult_patterns(c) -> tuple[re.Pattern, ...]:
    """征求X的意见 and 发送X征求意见, X the parties (qa.toml [consult])."""
    def alt(words):
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    party = f"(?P<party>[^{re.escape(c.stop_chars)}]{{1,{c.max_len}}}?)"
    opinion = f"(?:{alt(c.opinions)})"
    return (re.compile(f"(?:{alt(c.verbs)}){party}的?{opinion}"),
            re.compile(f"(?:{alt(c.senders)}){party}(?:{alt(c.links)})?(?:{alt(c.verbs)}){opinion}"),
            *(re.compile(f"{re.escape(before)}{party}的{opinion}{re.escape(after)}")
              for before, after in c.weighs))


@lru_cache(maxsize=64)
def _recipient_pattern(stop_chars: str, max_len: int, links: tuple[str, ...], markers: tuple[str, ...],
                       verbs: tuple[str, ...]) -> re.Pattern:
    """marker X (link) verb, or marker and what follows when the question has no verb."""
    def alt(words):
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    if not verbs:
        return re.compile(f"(?:{alt(markers)})(?P<party>)")
    # 交由司法行政部门进行合法性审查: a link verb may take the verb's object before it.
    # 审计报告应当报送X备案: X holds no marker (the 报 of 报告 opens nothing that runs to 报送), but
    # one may stand right before the verb (向复查机关的上一级行政机关请求复核)
    marker = f"(?:{alt(markers)})"
    party = f"(?P<party>(?:(?!{marker})[^{re.escape(stop_chars)}]){{1,{max_len}}}?)"
    return re.compile(f"{marker}{party}{marker}?"
                      f"(?:(?:{alt(links)})[^{re.escape(stop_chars)}]{{0,8}}?)?(?:{alt(verbs)})")


def _strip_ends(text: str, ends: tuple[str, ...]) -> str:
    for end in sorted(ends, key=len, reverse=True):
        if text.endswith(end):
            return text[:-len(end)]
    return text


def _ends_question(text: str, at: int) -> bool:
    """Does nothing but punctuation follow text[:at] (谁来给？)?"""
    return not any(c.isalnum() for c in text[at:])


def _split_top(text: str, joins: tuple[str, ...]) -> list[str]:
    """有关机关、组织和公民 -> its parties; a join inside brackets (县（市、区）) stays."""
    parts, depth, start, i = [], 0, 0, 0
    ordered = sorted(joins, key=len, reverse=True)
    while i < len(text):
        ch = text[i]
        depth += ch in "（(〔[" and 1 or 0
        depth -= ch in "）)〕]" and 1 or 0
        join = next((j for j in ordered if text.startswith(j, i)), None) if depth == 0 else None
        if join:
            parts.append(text[start:i])
            i = start = i + len(join)
            continue
        i += 1
    parts.append(text[start:])
    return [p for p in parts if p]


def _only_before(quote: str, verb: str, words: tuple[str, ...]) -> bool:
    """Does the verb occur in the quote, and everywhere right before one of the words?"""
    places = [m.end() for m in re.finditer(re.escape(verb), quote)] if verb else []
    return bool(places) and all(quote.startswith(words, at) for at in places)


def _contractions(word: str, text: str) -> Iterator[str]:
    """初审 in 初步审查: the word's two characters, each followed by one more ideograph, left to
    right without overlap (as re.finditer would, with no pattern to compile per word).

    >>> list(_contractions("初审", "进行初步审查，初审"))
    ['初步审查']
    """
    at = text.find(word[0])
    while 0 <= at <= len(text) - 4:
        piece = text[at:at + 4]
        if piece[2] == word[1] and is_cjk_ideograph(piece[1]) and is_cjk_ideograph(piece[3]):
            yield piece
            at = text.find(word[0], at + 4)
        else:
            at = text.find(word[0], at + 1)


@lru_cache(maxsize=4096)
def _two_words(phrase: str) -> bool:
    """Does jieba cut the four characters as two words of two (初步 审查, not 出书 面报)?"""
    from kg.search import tokenizer

    return list(tokenizer().cut(phrase)) == [phrase[:2], phrase[2:]]


@lru_cache(maxsize=4096)
def _qualifies(after: str) -> bool:
    """Does the text after a name open with a noun it qualifies (直属机构 after 国务院; 部门 after
    国务院某: a pronoun, a number or a measure word may come between, and 的 after them)?"""
    flags = [flag for _, flag in _tagger().cut(after)]
    rest = list(itertools.dropwhile(lambda f: f in ("r", "m", "q"), flags))
    if rest and rest[0] == "uj" and len(rest) < len(flags):
        rest = rest[1:]   # 预备役部队每年的军事训练任务: a pronoun-like word and 的 between
    return bool(rest) and rest[0].startswith("n")


def _in_order(chars: str, text: str) -> bool:
    """Are the characters in the text, in this order (代 in 民代表大)?"""
    it = iter(text)
    return all(c in it for c in chars)


def _text_order(n: NormRec) -> tuple:
    """Norms in the order of the text: by article, provision, then the number ending the norm's
    IRI (…/n2 before …/n10)."""
    stem, _, number = n.iri.rpartition("/n")
    return (n.article, stem, int(number) if number.isdigit() else 0, n.iri)


@functools.cache
def _tagger():
    """jieba's part-of-speech tagger over the project's tokenizer, built once: building it reads
    jieba's whole tag table (about a second)."""
    import jieba.posseg

    from kg.search import tokenizer

    return jieba.posseg.POSTokenizer(tokenizer())


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    """The sentence (to 。；) around a position."""
    start = max(text.rfind(c, 0, pos) for c in "。；\n") + 1
    ends = [e for e in (text.find(c, pos) for c in "。；\n") if e >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _entries(rows: list[Row]):
    from kg.search import Entry

    for i, r in enumerate(rows):
        yield Entry(int(str(r["article"])), str(r["citation"]), str(r["text"]), i, str(r["node"]),
                    str(r["regulation"]))


def default_qa(base: str | None = None) -> QA:
    """QA over the corpus built in-process (the embedded store)."""
    from kg.corpus import load_corpus
    from kg.graph import build_graph
    from kg.store import EmbeddedStore

    return QA(EmbeddedStore(build_graph(load_corpus(), base=base)))

