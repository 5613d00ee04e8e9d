"""Find regulation texts and their metadata: corpus/<id>.txt beside corpus/<id>.toml.

>>> meta_from_toml({"id": "demo", "title": "示例规则"}).id
'demo'
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import fields
from pathlib import Path

from kg.errors import ParseError
from kg.files import read_text
from kg.model import Metadata, Regulation
from kg.resources import data_dir
from kg.segment import segment

MAX_TEXT_BYTES = 20 * 1024 * 1024
RE_NOTICE_TITLE = re.compile(r"关于(?:印发|发布|公布)《(.+?)》的(?:通知|决定)")
RE_SLUG = re.compile(r"[^a-z0-9]+")
DEFAULT_BASE = "https://regkg.example.org"


def base_iri() -> str:
    """The base for instance IRIs: $KG_BASE_IRI, else the project default."""
    return os.environ.get("KG_BASE_IRI", DEFAULT_BASE).rstrip("/")


def meta_from_toml(data: dict) -> Metadata:
    """Build Metadata from parsed TOML, ignoring keys it does not know."""
    known = {f.name for f in fields(Metadata)}
    values = {k: v for k, v in data.items() if k in known}
    for key in ("adopted", "issued"):
        if isinstance(values.get(key), str):
            values[key] = dt.date.fromisoformat(values[key])
    if not values.get("id") or not values.get("title"):
        raise ParseError("元数据缺少 id 或 title / metadata needs an id and a title")
    return Metadata(**values)


def infer_title(text: str) -> str:
    """The title from a cover notice (关于印发《…》的通知) or else the first line."""
    flat = re.sub(r"\s+", "", text[:3000])
    m = RE_NOTICE_TITLE.search(flat)
    if m:
        return m.group(1)
    for line in text.splitlines():
        if line.strip():
            return re.sub(r"\s+", "", line)[:80]
    raise ParseError("文本为空 / the text is empty")


def slug(name: str) -> str:
    """A lower-case ASCII id from a file name: Foo_Bar 2017 -> foo-bar-2017."""
    return RE_SLUG.sub("-", name.lower()).strip("-") or "regulation"


def metadata_for(path: Path, text: str) -> Metadata:
    """Metadata from the sibling .toml, else inferred from the text and file name."""
    toml_path = path.with_suffix(".toml")
    if toml_path.exists():
        try:
            return meta_from_toml(tomllib.loads(toml_path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, TypeError, ValueError) as exc:
            raise ParseError(f"{toml_path}: 元数据无效 / invalid metadata: {exc}") from None
    return Metadata(id=slug(path.stem), title=infer_title(text))


def load(path: Path) -> Regulation:
    """Read and segment one regulation file."""
    path = Path(path)
    text = read_text(path, MAX_TEXT_BYTES)
    return segment(text, metadata_for(path, text))


def corpus_dir() -> Path:
    """The default corpus: the project's corpus/ folder, or $KG_CORPUS_DIR."""
    return data_dir("corpus")


def corpus_texts(directory: Path | None = None) -> list[Path]:
    """The regulation texts of a corpus folder, in name order."""
    return sorted(Path(directory or corpus_dir()).glob("*.txt"))


def load_corpus(directory: Path | None = None) -> list[Regulation]:
    """Every regulation of a corpus folder (default: the project's corpus)."""
    return [load(p) for p in corpus_texts(directory)]
