"""Chinese question -> intent + slots -> named query -> answers quoting the provision.

Deterministic and explainable: the lexicon finds the entities (longest match), a
trigger word from ontology/qa.toml gives the intent, a named query bound with
the entities' IRIs finds the norms, and every answer quotes its provision. A
question the graph cannot answer gets no answers and a message, never a guess.

>>> from kg.corpus import load_corpus
>>> from kg.graph import build_graph
>>> from kg.store import EmbeddedStore
>>> qa = QA(EmbeddedStore(build_graph(load_corpus())))
>>> r = qa.ask("区政府规范性文件由谁签发？")
>>> [(a.label, a.source.citation) for a in r.answers]
[('区长', '第六十二条第（二）项')]
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field

from rdflib import URIRef

from kg.corpus import base_iri
from kg.lexicon import AGENT_KINDS, MEETING, ROLE, TOPIC_KINDS, Lexicon, Mention, load_lexicon, \
    normalise
from kg.query import render, run
from kg.resources import data_file
from kg.store import Row, Store

MAX_QUESTION = 300


@dataclass(frozen=True)
class Source:
    iri: str
    citation: str
    article: int
    text: str
    regulation: str = ""

    @property
    def full_citation(self) -> str:
        """《威海市环翠区人民政府工作规则》第六十二条第（二）项"""
        return f"《{self.regulation}》{self.citation}" if self.regulation else self.citation


@dataclass(frozen=True)
class Answer:
    label: str          # the post or body as the text names it
    name: str           # its canonical name in the lexicon
    iri: str
    relation: str
    condition: str | None
    delegated_by: str | None
    delegation: str | None
    modality: str
    strength: str
    quote: str
    source: Source


@dataclass(frozen=True)
class Intent:
    name: str
    label: str
    actions: tuple[str, ...]


@dataclass
class Result:
    question: str
    intent: str | None
    answers: list[Answer] = field(default_factory=list)
    message: str = ""
    candidates: list[str] = field(default_factory=list)
    sparql: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The `kg ask --json` contract."""
        return {
            "question": self.question,
            "intent": self.intent,
            "answers": [{
                "label": a.label, "name": a.name, "iri": a.iri, "relation": a.relation,
                "condition": a.condition, "delegated_by": a.delegated_by,
                "delegation": a.delegation, "modality": a.modality, "strength": a.strength,
                "quote": a.quote, "source": asdict(a.source)} for a in self.answers],
            "message": self.message,
            "candidates": self.candidates,
            "sparql": self.sparql,
        }


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _position(text: str, label: str) -> int:
    pos = text.find(label)
    return pos if pos >= 0 else len(text)


def _in_text_order(labels: list[str], text: str) -> str | None:
    """区长、副区长 in the order the provision names them (a store returns them in any order)."""
    if not labels:
        return None
    return "、".join(sorted(labels, key=lambda label: _position(text, label)))


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


class QA:
    """Answers who-questions over any Store with the lexicon and qa.toml."""

    def __init__(self, store: Store, lexicon: Lexicon | None = None):
        self.store = store
        self.lex = lexicon or load_lexicon()
        cfg = tomllib.loads(data_file("ontology", "qa.toml").read_text(encoding="utf-8"))
        self.intents = [Intent(i["name"], i["label"], tuple(i["actions"])) for i in cfg["intent"]]
        self.triggers = sorted(((t, it) for it, spec in zip(self.intents, cfg["intent"])
                                for t in spec["triggers"]), key=lambda x: -len(x[0]))
        self.fallback = sorted(((t, it) for it, spec in zip(self.intents, cfg["intent"])
                                for t in spec.get("fallback_triggers", [])), key=lambda x: -len(x[0]))
        self.question_cues = cfg["question_cues"]
        self.aux_cues = cfg["aux_cues"]
        self.overlap = float(cfg["condition_overlap"])
        self.examples = cfg["suggestions"]["examples"]
        self.messages = cfg["messages"]
        self.circumstance = self.lex.grammar["verbs"]["circumstance_prefixes"]

    # ------------------------------------------------------------ parsing

    def intent(self, question: str, mentions: list[Mention]) -> Intent | None:
        """The intent of the trigger that follows the question word (由谁签发), else the last one.

        Triggers are claimed longest first outside lexicon names; one right after a
        circumstance (不能出席) is not the question's verb.
        """
        masked = list(question)
        for m in mentions:
            if m.entry.kind != ROLE:  # generic role words (组成人员) may hold the trigger
                masked[m.start:m.end] = ["\0"] * (m.end - m.start)
        for table in (self.triggers, self.fallback):
            found = self._claim("".join(masked), table)
            if found:
                cue = max((question.rfind(c) for c in self.question_cues), default=-1)
                after = [f for f in found if f[0] > cue]
                return (after[0] if after else found[-1])[1]
        return None

    def _claim(self, text: str, table) -> list[tuple[int, Intent]]:
        taken = [False] * len(text)
        found = []
        for trigger, intent in table:
            pos = text.find(trigger)
            while pos >= 0:
                span = range(pos, pos + len(trigger))
                if not any(taken[i] for i in span) and not any(
                        text[:pos].endswith(p) for p in self.circumstance):
                    found.append((pos, intent))
                    for i in span:
                        taken[i] = True
                pos = text.find(trigger, pos + 1)
        return sorted(found, key=lambda f: f[0])

    # ------------------------------------------------------------ answering

    def ask(self, question: str) -> Result:
        q = normalise(question or "").strip()
        if not q:
            return Result(question, None, message="请输入问题 / please type a question")
        if len(q) > MAX_QUESTION:
            return Result(question, None, message=f"问题过长（最多 {MAX_QUESTION} 字）/ "
                                                  f"question too long (at most {MAX_QUESTION} characters)")
        mentions = self.lex.mentions(q)
        intent = self.intent(q, mentions)
        if intent is None:
            return self._not_found(question, None, self.messages["no_intent"])
        topics = [m for m in mentions if m.entry.kind in TOPIC_KINDS]
        roles = [m for m in mentions if m.entry.kind in AGENT_KINDS and m.entry.kind != MEETING]
        to_whom = any(c in q for c in self.aux_cues)
        sparql: list[str] = []
        rows = self._rows(intent, topics, roles, to_whom, sparql)
        if rows is None:
            candidates = self._candidates(intent, sparql)
            return Result(question, intent.name, message=(
                "问题不够具体，请指明会议、公文或职务 / please name the meeting, document or post"),
                candidates=candidates, sparql=sparql)
        rows = self._by_condition(q, rows)
        answers = self._answers(rows, to_whom)
        if not answers:
            return self._not_found(question, intent.name, "规则中没有找到答案 / the regulation does not say so",
                                   sparql)
        return Result(question, intent.name, answers, sparql=sparql)

    def _iri(self, kind: str, slug: str) -> URIRef:
        return URIRef(f"{self.lex.base}/id/{kind}/{slug}")

    def _run(self, name: str, sparql: list[str], **bindings) -> list[Row]:
        sparql.append(render(name, bindings))
        return run(self.store, name, **bindings)

    def _rows(self, intent, topics, roles, to_whom, sparql) -> list[Row] | None:
        """Matching norms, or None when the question is too vague to query."""
        rows: list[Row] = []
        for slug in intent.actions:
            action = self.lex.action(slug).iri
            if to_whom and roles:
                found = self._run("to_whom", sparql, action=URIRef(action), party=URIRef(roles[0].entry.iri))
                found = [r for r in found if self._covers(r["objects"], topics)]
            elif topics:
                found = self._by_topics(URIRef(action), topics, sparql)
                found = self._prefer_roles(found, roles)
            elif roles:
                everything = self._run("who_acts_any", sparql, action=URIRef(action))
                found = [r for r in everything if self._mentions_any(r, roles)]
            else:
                return None
            rows += found
        return rows

    def _by_topics(self, action: URIRef, topics: list[Mention], sparql: list[str]) -> list[Row]:
        """Norms about every topic the question names, except words that only restate
        the norm's own condition (离威 in 区长因公离威期间)."""
        hits: dict[str, set[str]] = {}
        rows: dict[str, Row] = {}
        for t in topics:
            for r in self._run("who_acts", sparql, action=action, about=URIRef(t.entry.iri)):
                hits.setdefault(r["norm"], set()).add(t.entry.iri)
                rows.setdefault(r["norm"], r)
        out = []
        for norm, matched in hits.items():
            condition = normalise(rows[norm].get("condition") or "")
            needed = {t.entry.iri for t in topics if t.surface not in condition}
            if needed <= matched:
                out.append(rows[norm])
        return sorted(out, key=lambda r: (r["article"], r["norm"]))

    def _covers(self, objects: list[str], topics: list[Mention]) -> bool:
        ancestors = set().union(*(self.lex.ancestors(o) for o in objects)) if objects else set()
        return all(t.entry.iri in ancestors for t in topics)

    def _mentions_any(self, row: Row, roles: list[Mention]) -> bool:
        related = row["objects"] + row["auxiliaries"]
        ancestors = set().union(*(self.lex.ancestors(i) for i in related)) if related else set()
        return any(r.entry.iri in ancestors for r in roles)

    def _prefer_roles(self, rows: list[Row], roles: list[Mention]) -> list[Row]:
        if not roles:
            return rows
        preferred = [r for r in rows if self._mentions_any(r, roles)]
        return preferred or rows

    def _by_condition(self, q: str, rows: list[Row]) -> list[Row]:
        """A question that states a norm's condition gets only the conditional answers."""
        qgrams = _bigrams(q)
        scored = []
        for r in rows:
            cond = normalise(r.get("condition") or "")
            grams = _bigrams(cond)
            scored.append(len(grams & qgrams) / len(grams) if grams else 0.0)
        if scored and max(scored) >= self.overlap:
            return [r for r, s in zip(rows, scored) if s >= self.overlap]
        return rows

    def _answers(self, rows: list[Row], to_whom: bool) -> list[Answer]:
        answers, seen = [], set()
        for r in rows:
            source = Source(r["source"], r["citation"], r["article"], r["text"],
                            r.get("regulation") or "")
            parties = []
            if to_whom:
                labels = r["auxiliaryLabels"]
                for iri in r["auxiliaries"]:
                    entry = self.lex.get(iri)
                    said = [lb for lb in labels if entry and normalise(lb) in map(normalise, entry.labels)]
                    name = entry.pref if entry else labels[0]
                    parties.append((iri, said[0] if said else name, name))
                parties.sort(key=lambda p: _position(r["quote"], p[1]))
            elif r.get("bearer"):
                parties.append((r["bearer"], r["bearerLabel"], r["bearerName"]))
            for iri, label, name in parties:
                key = (iri, r.get("condition"), tuple(r["delegatedBy"]), source.citation)
                if key in seen:
                    continue
                seen.add(key)
                answers.append(Answer(
                    label=label, name=name, iri=iri, relation=r["relation"],
                    condition=r.get("condition") or None,
                    delegated_by=_in_text_order(r["delegatedBy"], r["quote"]),
                    delegation=r.get("delegation") or None, modality=_local(r["modality"]).lower(),
                    strength=_local(r["strength"]).lower(), quote=r["quote"], source=source))
        return answers

    def _candidates(self, intent: Intent, sparql: list[str]) -> list[str]:
        names: list[str] = []
        for slug in intent.actions:
            for r in self._run("who_acts_any", sparql, action=URIRef(self.lex.action(slug).iri)):
                for iri in r["objects"]:
                    entry = self.lex.get(iri)
                    if entry and entry.pref not in names:
                        names.append(entry.pref)
        return names

    def _not_found(self, question, intent, why, sparql=None) -> Result:
        tips = "；".join(self.examples[:4])
        return Result(question, intent, message=f"{why} — 可以这样问 / try: {tips}", sparql=sparql or [])


def default_qa(base: str | None = None) -> QA:
    """QA over the corpus built in-process (the embedded store)."""
    from kg.corpus import load_corpus
    from kg.graph import build_graph
    from kg.store import EmbeddedStore

    return QA(EmbeddedStore(build_graph(load_corpus(), base=base)), load_lexicon(base or base_iri()))
