"""Find regulation texts and their metadata: corpus/<id>.txt beside corpus/<id>.toml.

>>> meta_from_toml({"id": "demo", "title": "示例规则"}).id
'demo'
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from kg.config import parse, read_toml
from kg.errors import ConfigError, ParseError
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


MIN_YEAR, MAX_YEAR = 1949, 2100   # the years a record's date may have too (kg validate)
RE_BAD_ID = re.compile(r"[\s/\\#?%<>\"{}|^`\[\]@:;,'&=+$!*()]")


def meta_from_toml(data: dict, file: str = "metadata", text: str = "") -> Metadata:
    """Build Metadata from parsed TOML, strictly: an unknown key (a misspelt `isued`) is an
    error naming the file and line, not a date silently left out of the graph."""
    values = dict(data)
    for key in ("adopted", "issued"):
        value = values.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            try:
                value = values[key] = dt.date.fromisoformat(value)
            except ValueError:
                value = None
        # a TOML date-time (2022-03-02T09:00:00) would be written as an ill-typed xsd:date
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime) \
                or not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ConfigError(
                f"{file}: {key} 不是 {MIN_YEAR}—{MAX_YEAR} 年间的日期（应为 2022-02-28，不含时间）/ "
                f"{key} is not a date between {MIN_YEAR} and {MAX_YEAR} (expected 2022-02-28, no time): "
                f"{str(data[key])[:40]!r}")
    meta = parse(Metadata, values, file, text)
    if not meta.id.strip() or not meta.title.strip():
        raise ParseError(f"{file}: 元数据缺少 id 或 title / metadata needs an id and a title")
    for key in ("title", "title_en", "issuer", "doc_number", "adopted_by", "jurisdiction"):
        if any(c in getattr(meta, key) for c in "\r\n\u2028\u2029\x85"):   # each is one line wherever shown
            raise ConfigError(f"{file}: {key} 不能换行 / {key} must be on one line")
    if RE_BAD_ID.search(meta.id) or meta.id in (".", "..") or len(meta.id) > 100:
        # the id is a path segment of every IRI of the regulation (…/eli/<id>/art_1)
        raise ConfigError(f"{file}: id 只能用字母、数字、汉字和 - _ .（不超过 100 字）/ "
                          f"id may hold letters, digits and - _ . only (at most 100): {meta.id[:100]!r}")
    return meta


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
        data, toml_text = read_toml(toml_path)
        return meta_from_toml(data, str(toml_path), toml_text)
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
