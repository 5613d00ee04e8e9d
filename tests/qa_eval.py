"""Scoring question answering against the gold sets in tests/gold/qa/ (shared by tests and bench).

A question is right when:
  who / to_whom  every gold answer is given (any of its `|` alternatives, by the text's label or the
                 canonical name), every answer given is a gold or an acceptable `conditional` one,
                 and every answer cites a provision inside one of the gold citations;
  quantity       some quantity answer has the gold value (within 0.1 %) and cites inside the gold;
  none           no answer at all.
The rules were fixed before any tuning; a citation "inside" the gold one may name a 款/项 the gold
leaves out (第九条 contains 第九条第一款 and 第九条第（二）项).
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

GOLD_QA = Path(__file__).resolve().parent / "gold" / "qa"
CN = "零〇一二两三四五六七八九十百"
RE_CITATION = re.compile(rf"第([{CN}\d]+)条(?:之([{CN}\d]+))?(?:第([{CN}\d]+)款)?(?:第[（(]([{CN}\d]+)[）)]项)?")


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    from kg.numerals import cn_to_int
    return cn_to_int(text)


def unit_of(citation: str) -> tuple[int | None, int | None, int | None, int | None]:
    """第十条之一第二款第（三）项 -> (10, 1, 2, 3)."""
    m = RE_CITATION.search(citation or "")
    if not m:
        return (None, None, None, None)
    return (_num(m.group(1)), _num(m.group(2)), _num(m.group(3)), _num(m.group(4)))


def within(system: str, gold: str) -> bool:
    """Is the provision the system cites inside the gold provision? An item cited without its 款
    (第十条第（三）项, the form for an article of one 款) is that 款's: 第十条第一款第（三）项 is
    the same item (a clarification made when a set arrived that writes the 第一款)."""
    s, g = unit_of(system), unit_of(gold)
    if s[2] is None and s[3] is not None:
        s = (s[0], s[1], 1, s[3])
    if s[0] is None or s[0] != g[0] or s[1] != g[1]:
        return False
    return all(gv is None or sv == gv for sv, gv in zip(s[2:], g[2:], strict=True))


def norm(label: str) -> str:
    text = unicodedata.normalize("NFKC", label or "")
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    regulation: str
    question: str
    kind: str
    answers: tuple[tuple[str, ...], ...]
    conditional: tuple[tuple[str, ...], ...]
    citations: tuple[str, ...]
    value: float | None = None


@dataclass
class Outcome:
    question: GoldQuestion
    right: bool
    why: str
    given: list[str] = field(default_factory=list)


def load_gold(split: str, regulation: str | None = None) -> list[GoldQuestion]:
    """Questions of one split ("dev" or "test"), for one regulation or all."""
    out = []
    for path in sorted(GOLD_QA.glob(f"*.{split}.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if regulation and data["regulation"] != regulation:
            continue
        for q in data["question"]:
            def alts(items):
                return tuple(tuple(norm(a) for a in item.split("|")) for item in items)
            out.append(GoldQuestion(q["id"], data["regulation"], q["question"], q["kind"],
                                    alts(q.get("answers", [])), alts(q.get("conditional", [])),
                                    tuple(q.get("citations", [])), q.get("value")))
    return out


def texts_of(regulation: str) -> Path:
    """The text file a gold regulation id names."""
    return _texts()[regulation]


@functools.cache
def _texts() -> dict[str, Path]:
    """Every gold set's regulation id and text, read once (each set file is read whole)."""
    out = {}
    for path in sorted(GOLD_QA.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out.setdefault(data["regulation"], Path(__file__).resolve().parents[1] / data["text"])
    return out


def score(q: GoldQuestion, result: dict) -> Outcome:
    """Judge one `kg ask --json` result against the gold question."""
    answers = result.get("answers", [])
    given = [f"{a.get('label')}〔{a.get('source', {}).get('citation')}〕" for a in answers]
    if q.kind == "none":
        return Outcome(q, not answers, "answered an unanswerable question" if answers else "", given)
    if not answers:
        return Outcome(q, False, "no answer", given)
    for a in answers:
        cited = a.get("source", {}).get("citation", "")
        if not any(within(cited, g) for g in q.citations):
            return Outcome(q, False, f"cites {cited}, outside {q.citations}", given)
    if q.kind == "quantity":
        hit = any(a.get("kind") == "quantity" and a.get("value") is not None and q.value is not None
                  and abs(float(a["value"]) - q.value) <= 1e-3 * max(1.0, abs(q.value)) for a in answers)
        return Outcome(q, hit, "" if hit else "wrong or no value", given)
    # A name listing levels (区、县人民政府) names each of its members (区人民政府, 县人民政府): it
    # gives a gold answer spelt member by member, and is extra only if a member is.
    said = [{norm(a.get("label", "")), norm(a.get("name", ""))} for a in answers]
    parts = [[norm(m) for m in a.get("members", [])] for a in answers]
    accepted = q.answers + q.conditional
    missing = [g for g in q.answers
               if not any(set(g) & (s | set(m)) for s, m in zip(said, parts, strict=True))]
    extra = [a.get("label") for a, s, m in zip(answers, said, parts, strict=True)
             if not any(set(g) & s for g in accepted)
             and not (m and all(any(x in g for g in accepted) for x in m))]
    if missing or extra:
        return Outcome(q, False, f"missing {[m[0] for m in missing]} extra {extra}", given)
    return Outcome(q, True, "", given)


def summary(outcomes: list[Outcome]) -> dict:
    """Accuracy overall, per regulation and per kind."""
    def acc(items):
        return {"n": len(items), "right": sum(o.right for o in items),
                "accuracy": round(sum(o.right for o in items) / len(items), 3) if items else None}
    regs = sorted({o.question.regulation for o in outcomes})
    kinds = sorted({o.question.kind for o in outcomes})
    return {"all": acc(outcomes),
            "by_regulation": {r: acc([o for o in outcomes if o.question.regulation == r]) for r in regs},
            "by_kind": {k: acc([o for o in outcomes if o.question.kind == k]) for k in kinds}}


def evaluate(split: str) -> list[Outcome]:
    """Every question of a split answered over its own regulation's graph (built in-process)."""
    from kg.corpus import load
    from kg.graph import build_graph
    from kg.qa import QA
    from kg.store import EmbeddedStore

    questions = load_gold(split)
    outcomes = []
    for reg in sorted({q.regulation for q in questions}):
        qa = QA(EmbeddedStore(build_graph([load(texts_of(reg))])))
        outcomes += [score(q, qa.ask(q.question).to_json()) for q in questions if q.regulation == reg]
    return outcomes
