"""Scoring extracted norms against the whole-text gold annotation (tests/gold/norms_<regulation>.*.toml,
written per tests/gold/NORM_GOLD_SPEC.md: the seed, and four regulations annotated blind later).

The annotation's scope is its action list: only extracted norms with one of the gold's actions
count. An extracted norm is right when one gold norm has the same source provision, action and
bearer (the text's words, or the lexicon's canonical name), and, where the gold says so, the same
auxiliary parties, objects (each gold object appears in the extracted object text or names, or the
other way round) and condition (one contains the other). Quantities (no bearer) are right with the
same source, action and value. A coordinated name (各镇政府、街道办事处主要负责人) matches each of its members. The rules were fixed
before any tuning, except that member rule, added when the first run showed the annotation spells
out members the extractor keeps together (both readings name the same people).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"


def norm(text: str) -> str:
    return re.sub(r"[\s的]", "", unicodedata.normalize("NFKC", text or ""))


@dataclass(frozen=True)
class GoldNorm:
    source: str
    action: str
    bearer: str
    objects: tuple[str, ...]
    aux: tuple[str, ...]
    condition: str
    value: float | None


def _value(n: dict) -> float | None:
    """1/2 -> 0.5; a frequency of 1 per 2 周 (unit 次/2周) -> 0.5 per 周, as the extractor states it."""
    raw = n.get("value")
    if raw is None:
        return None
    value = float(raw.split("/")[0]) / float(raw.split("/")[1]) if isinstance(raw, str) else float(raw)
    m = re.match(r"^次/(\d+)", n.get("unit", ""))
    return value / int(m.group(1)) if m else value


def load(split: str, regulation: str = "seed") -> list[GoldNorm]:
    data = tomllib.loads((GOLD / f"norms_{regulation}.{split}.toml").read_text(encoding="utf-8"))
    out = []
    for n in data.get("norm", []):
        for bearer in n.get("bearers") or [""]:
            out.append(GoldNorm(n["source"], n["action"], norm(bearer),
                                tuple(norm(o) for o in n.get("objects", [])),
                                tuple(sorted(norm(a) for a in n.get("aux", []))),
                                norm(n.get("condition", "")), _value(n)))
    return out


def as_extracted(split: str, regulation: str) -> list:
    """An annotation read as if extracted (one norm per bearer), to score one annotator against
    another: tests/gold/norms_seed-second.test.toml is a second blind annotation of the seed's
    test split."""
    from types import SimpleNamespace as NS

    from kg.numerals import cn_to_int

    data = tomllib.loads((GOLD / f"norms_{regulation}.{split}.toml").read_text(encoding="utf-8"))
    out = []
    for n in data.get("norm", []):
        article = cn_to_int(re.match(r"第(.+?)条", n["source"]).group(1))
        for bearer in n.get("bearers") or [""]:
            out.append(NS(source_citation=n["source"], action=n["action"], article=article,
                          bearer=NS(label=bearer, name=bearer) if bearer else None,
                          objects=[NS(label=o, name=o) for o in n.get("objects", [])],
                          object_text="、".join(n.get("objects", [])),
                          aux=[NS(label=a, name=a) for a in n.get("aux", [])],
                          condition=n.get("condition", ""), value=_value(n)))
    return out


def articles_of(split: str) -> set[int]:
    """The articles a split covers (test: numbers divisible by 3)."""
    return {n for n in range(1, 200) if (n % 3 == 0) == (split == "test")}


def expansions(label: str) -> set[str]:
    """A coordinated name stands for each of its members with the shared tail:
    各镇政府、街道办事处主要负责人 -> 各镇政府主要负责人, 街道办事处主要负责人 (and itself);
    省、市驻区单位主要负责人 -> 省驻区单位主要负责人, 市驻区单位主要负责人."""
    whole = norm(label)
    parts = [p for p in re.split(r"[、和及]", whole) if p]
    out = {whole}
    if len(parts) < 2:
        return out
    last = parts[-1]
    out.add(last)
    for p in parts[:-1]:
        out |= {p + last[j:] for j in range(1, len(last))}
    return out


def _bearer_ok(gold: GoldNorm, n) -> bool:
    return gold.bearer in expansions(n.bearer.label) | {norm(n.bearer.name)}


def _objects_ok(gold: GoldNorm, n) -> bool:
    said = [norm(n.object_text)] + [norm(o.label) for o in n.objects] + [norm(o.name) for o in n.objects]
    said = [s for s in said if s]
    return all(any(g in s or s in g for s in said) for g in gold.objects)


def matches(gold: GoldNorm, n) -> bool:
    if gold.source != n.source_citation or gold.action != n.action:
        return False
    if gold.value is not None or not gold.bearer:
        return n.bearer is None and n.value is not None and gold.value is not None \
            and abs(float(n.value) - gold.value) < 1e-3
    if n.bearer is None or not _bearer_ok(gold, n):
        return False
    if gold.aux and tuple(sorted(norm(a.label) for a in n.aux)) != gold.aux \
            and tuple(sorted(norm(a.name) for a in n.aux)) != gold.aux:
        return False
    if gold.objects and not _objects_ok(gold, n):
        return False
    cond = norm(n.condition)
    return (not gold.condition and not cond) or bool(gold.condition and cond
                                                      and (gold.condition in cond or cond in gold.condition))


def evaluate(norms: list, split: str, regulation: str = "seed") -> dict:
    """Precision and recall of extracted norms on one split, with the misses listed."""
    gold = load(split, regulation)
    actions = {g.action for g in load("dev") + load("test")}  # the spec's list, all used in the seed
    scope = articles_of(split)
    found = [n for n in norms if n.article in scope and n.action in actions]
    right = [n for n in found if any(matches(g, n) for g in gold)]
    hit = [g for g in gold if any(matches(g, n) for n in found)]
    def show(n):
        who = n.bearer.label if n.bearer else n.value
        return f"{n.source_citation} {n.action} {who} obj={n.object_text!r} aux={[a.label for a in n.aux]} cond={n.condition!r}"
    return {
        "gold": len(gold), "extracted": len(found), "right": len(right), "found": len(hit),
        "precision": round(len(right) / len(found), 4) if found else 0.0,
        "recall": round(len(hit) / len(gold), 4) if gold else 0.0,
        "false_positives": [show(n) for n in found if n not in right],
        "missed": [f"{g.source} {g.action} {g.bearer or g.value} obj={g.objects} aux={g.aux} cond={g.condition!r}"
                   for g in gold if g not in hit],
    }
