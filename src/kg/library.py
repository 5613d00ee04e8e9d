"""Build a library of regulations — files and folder trees — into one graph: in parallel worker
processes, incrementally, with a summary of what was built, reused, refused and warned.

Each text is parsed and extracted in a worker; its triples (N-Triples) and what the rest of the
build needs from it (id, title, warnings, citations of other documents, the paths it can be cited
by) are cached under ``<out>/.cache`` by a content hash of the text, its metadata, the project's
data files (ontology/, queries/, shapes/), the package's code and version, the base IRI and the id
it was given. An unchanged text is read back from the cache, not parsed again. The main process
then loads every text's triples and the ontology into one Oxigraph store, resolves citations
between documents (kg.citations) and writes the graph with kg.graph.write_graph.

>>> text_id("huancui-gzgz-2022.txt")
'huancui-gzgz-2022'
>>> text_id("广告法(2021-04-29).txt")
'doc-2021-04-29-7b51fb2380'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from kg.corpus import MAX_TEXT_BYTES, base_iri, infer_title, meta_from_toml, slug
from kg.errors import KgError, UsageError, bilingual

CACHE = ".cache"
REPORT = "report.json"
_RE_ASCII_NAME = re.compile(r"^[\x20-\x7e]+$")


@dataclass(frozen=True)
class Source:
    """A text to build: its file and its path relative to the folder it was found in."""

    path: Path
    rel: str


def text_id(name: str, salt: str = "") -> str:
    """The id of a text without metadata, from its file name: an ASCII name as a slug; any other
    name as ``doc-`` + the ASCII it holds (a date) + a short hash of the name (and `salt`, used
    when two files in different folders share a name)."""
    stem = Path(name).stem
    if _RE_ASCII_NAME.match(stem) and not salt:
        return slug(stem)
    digest = hashlib.sha256((stem + ("\0" + salt if salt else "")).encode("utf-8")).hexdigest()[:10]
    ascii_part = slug(re.sub(r"[^\x20-\x7e]+", " ", stem))
    return "-".join(p for p in ("doc", "" if ascii_part == "regulation" else ascii_part, digest) if p)


def discover(arguments: Iterable[Path]) -> list[Source]:
    """Every .txt named, or found under a named folder (recursively), in a stable order."""
    found: list[Source] = []
    for arg in arguments:
        arg = Path(arg)
        if arg.is_dir():
            found += [Source(p, p.relative_to(arg).as_posix()) for p in sorted(arg.rglob("*.txt"))]
        elif arg.is_file():
            found.append(Source(arg, arg.name))
        else:
            raise UsageError(f"找不到 {arg} / no such file or folder: {arg}")
    for source in found:   # a pipe or a device named *.txt: reading it may never end
        if source.path.exists() and not source.path.is_file():
            raise UsageError(f"不是普通文件：{source.path} / not a regular file: {source.path}")
    unique = {s.path.resolve(): s for s in found}
    return list(unique.values())


def assign_ids(sources: list[Source]) -> dict[Path, str]:
    """The id each text gets when it has no metadata file: from its name; when two names give
    the same id, every one of them is told apart by its relative path (deterministic)."""
    first = {s.path: text_id(s.path.name) for s in sources}
    counts = Counter(first.values())
    return {s.path: first[s.path] if counts[first[s.path]] == 1 else text_id(s.path.name, s.rel)
            for s in sources}


@cache
def fingerprint() -> str:
    """What every cached result depends on besides its own text: package version, code, data."""
    from importlib.metadata import PackageNotFoundError, version

    from kg.resources import data_dir

    h = hashlib.sha256()
    try:
        h.update(version("regkg").encode())
    except PackageNotFoundError:
        h.update(b"unversioned")
    files = sorted(Path(__file__).parent.glob("*.py"))
    for name in ("ontology", "queries", "shapes"):
        try:
            files += sorted(p for p in data_dir(name).rglob("*") if p.is_file())
        except KgError:
            pass
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def cache_key(source: Source, given_id: str, base: str) -> str:
    h = hashlib.sha256()
    for part in (fingerprint(), base, given_id, source.rel):
        h.update(part.encode("utf-8") + b"\0")
    h.update(source.path.read_bytes())
    toml = source.path.with_suffix(".toml")
    h.update(b"\0toml\0" + (toml.read_bytes() if toml.exists() else b""))
    return h.hexdigest()


# --- N-Triples, written by the workers ----------------------------------------------------

_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _nt(term) -> str:
    if type(term) is URIRef:
        text = str(term)
        return f"<{_IRI_BAD.sub(_percent, text)}>" if _IRI_BAD.search(text) else f"<{text}>"
    if isinstance(term, Literal):
        lexical = f'"{str(term).translate(_ESCAPE)}"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype and str(term.datatype) != XSD_STRING:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{_IRI_BAD.sub(_percent, str(term))}>"


def _percent(m: re.Match) -> str:
    return f"%{ord(m.group()):02X}"


def nt_lines(triples) -> Iterable[str]:
    """N-Triples lines for rdflib terms (plain literals stay plain, as write_graph writes them).

    >>> from rdflib import Literal, URIRef
    >>> list(nt_lines([(URIRef("http://x/a"), URIRef("http://x/p"), Literal('说"明', lang="zh"))]))
    ['<http://x/a> <http://x/p> "说\\\\"明"@zh .\\n']
    """
    for s, p, o in triples:
        yield f"{_nt(s)} {_nt(p)} {_nt(o)} .\n"


FORMATS = {"graph.nt": ".nt", "graph.ttl": ".ttl", "graph.jsonld": ".jsonld"}


def write_fragments(nt_file: Path, data: bytes) -> None:
    """One text's triples as N-Triples, Turtle and a JSON-LD fragment (the node objects of its
    top-level array), each a piece the final files are concatenated from: Turtle allows
    @prefix anywhere, and JSON-LD node objects of one array may be joined with commas."""
    import io

    import pyoxigraph as ox

    from kg.ns import PREFIXES

    store = ox.Store()
    store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    pieces = {".nt": data}
    for suffix, fmt in ((".ttl", ox.RdfFormat.TURTLE), (".jsonld", ox.RdfFormat.JSON_LD)):
        buffer = io.BytesIO()
        store.dump(buffer, fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
        pieces[suffix] = buffer.getvalue()
    pieces[".jsonld"] = pieces[".jsonld"].strip()[1:-1].strip()   # [ … ] -> …
    for suffix, piece in pieces.items():
        target = nt_file.with_suffix(suffix)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(piece)
        os.replace(tmp, target)


# --- one text, in a worker ----------------------------------------------------------------

def build_one(path: str, rel: str, given_id: str, base: str, nt_file: str) -> dict:
    """Read, segment and extract one text; write its triples to nt_file; return what the rest
    of the build needs (or {"refused": reason}). Never raises: a worker must not stop the build."""
    try:
        return _build_one(Path(path), rel, given_id, base, Path(nt_file))
    except KgError as exc:
        return {"refused": str(exc)}
    except RecursionError:
        return {"refused": bilingual("文本嵌套过深，无法读取", "the text nests too deeply to read")}
    except Exception as exc:  # a bug, reported per file so the other texts are still built
        return {"refused": bilingual(f"内部错误：{type(exc).__name__}: {exc}",
                                     f"internal error: {type(exc).__name__}: {exc}")}


def _build_one(path: Path, rel: str, given_id: str, base: str, nt_file: Path) -> dict:
    from rdflib import Literal

    from kg.citations import mentions, provision_paths
    from kg.config import read_toml
    from kg.files import read_text
    from kg.graph import regulation_iri, regulation_triples
    from kg.model import Metadata
    from kg.ns import KG
    from kg.segment import segment

    text = read_text(path, MAX_TEXT_BYTES)
    toml = path.with_suffix(".toml")
    inferred: list[str] = []
    if toml.exists():
        # a ConfigError names the file and line of a misspelt or mistyped key
        data, source = read_toml(toml)
        meta = meta_from_toml(data, str(toml), source)
    else:
        meta = Metadata(id=given_id, title=infer_title(text))
        inferred = ["id", "title"]
    reg = segment(text, meta)
    root = regulation_iri(meta.id, base)
    extra = [(root, KG.sourceFile, Literal(rel))] + [(root, KG.inferredMetadata, Literal(f))
                                                      for f in inferred]
    lines = list(dict.fromkeys(nt_lines([*regulation_triples(reg, base), *extra])))
    write_fragments(nt_file, "".join(lines).encode("utf-8"))
    return {"id": meta.id, "title": meta.title, "warnings": list(reg.warnings), "inferred": inferred,
            "triples": len(lines), "articles": len(reg.articles()),
            "mentions": [m.to_json() for m in mentions(reg)], "paths": sorted(provision_paths(reg))}


# --- the whole build ------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """What happened to one text."""

    rel: str
    status: str            # built | reused | refused
    info: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return self.info.get("refused", "")

    @property
    def warnings(self) -> list[str]:
        return self.info.get("warnings", [])


@dataclass(frozen=True)
class Summary:
    outcomes: tuple[Outcome, ...]
    triples: int
    seconds: float
    written: tuple[Path, ...]

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def refused(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "refused"]

    @property
    def warned(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status != "refused" and o.warnings]

    @property
    def exit_code(self) -> int:
        """0 every text built; 1 some refused (the graph holds the rest)."""
        return 1 if self.refused else 0

    def to_text(self) -> str:
        """The summary printed at the end of a build, refused files with their reasons."""
        inferred = sum(bool(o.info.get("inferred")) for o in self.outcomes if o.status != "refused")
        lines = [f"构建 / built {self.count('built')} · 复用 / reused {self.count('reused')} · "
                 f"拒绝 / refused {self.count('refused')} · 有警告 / warned {len(self.warned)} · "
                 f"推断元数据 / metadata inferred {inferred} — {self.triples} 个三元组 / triples, "
                 f"{self.seconds:.1f} s"]
        if self.refused:
            lines.append("拒绝的文件 / refused files:")
            lines += [f"  {o.rel}: {o.reason}" for o in self.refused]
        if self.warned:
            lines.append("有警告的文件 / files with warnings:")
            for o in self.warned:
                lines.append(f"  {o.rel}: " + "；".join(o.warnings))
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"built": self.count("built"), "reused": self.count("reused"),
                "refused": [{"file": o.rel, "reason": o.reason} for o in self.refused],
                "warned": [{"file": o.rel, "warnings": o.warnings} for o in self.warned],
                "inferred": [{"file": o.rel, "id": o.info["id"], "title": o.info["title"],
                              "fields": o.info["inferred"]}
                             for o in self.outcomes if o.status != "refused" and o.info.get("inferred")],
                "triples": self.triples, "seconds": round(self.seconds, 3)}


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream=None):
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)()) and total > 0
        self.last = 0.0

    def step(self, counts: Counter) -> None:
        self.done += 1
        now = time.monotonic()
        if not self.live or (now - self.last < 0.1 and self.done < self.total):
            return
        self.last = now
        width = 30
        filled = width * self.done // self.total
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                          f"构建 built {counts['built']} 复用 reused {counts['reused']} "
                          f"拒绝 refused {counts['refused']}")
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()


def build_library(arguments: list[Path], out: Path, base: str | None = None,
                  jobs: int | None = None, stream=None,
                  on_progress: Callable[[Outcome], None] | None = None) -> Summary:
    """Build every text named or found under a folder into `out` (graph files, build.json,
    report.json; the cache in out/.cache). Refused texts do not stop the build."""
    import fcntl

    started = time.perf_counter()
    base = (base or base_iri()).rstrip("/")
    sources = discover(arguments)
    if not sources:
        raise UsageError(f"没有 .txt 规章文本：{' '.join(map(str, arguments))} / no .txt regulation "
                         f"texts in {' '.join(map(str, arguments))}")
    out = Path(out)
    cache_dir = out / CACHE
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(out / ".cache.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(f"另一个构建正在使用 {out} / another build is using {out}") from None
        outcomes, keys = _run(sources, cache_dir, base, jobs, stream, on_progress)
        outcomes = _refuse_duplicates(outcomes)
        written, triples = _write(outcomes, keys, cache_dir, base, out)
        _prune(cache_dir, set(keys.values()))
    summary = Summary(tuple(outcomes), triples, time.perf_counter() - started, tuple(written))
    report = out / REPORT
    tmp = out / f".{REPORT}.tmp"
    tmp.write_text(json.dumps(summary.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, report)
    return summary


def _run(sources: list[Source], cache_dir: Path, base: str, jobs: int | None, stream,
         on_progress) -> tuple[list[Outcome], dict[str, str]]:
    ids = assign_ids(sources)
    keys: dict[str, str] = {}
    results: dict[str, Outcome] = {}
    todo: list[tuple[Source, str]] = []
    for s in sources:
        try:
            key = cache_key(s, ids[s.path], base)
        except OSError as exc:
            results[s.rel] = Outcome(s.rel, "refused", {"refused": bilingual(
                f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}")})
            continue
        keys[s.rel] = key
        meta = cache_dir / f"{key}.json"
        if meta.exists():
            try:
                info = json.loads(meta.read_text(encoding="utf-8"))
                # A refusal is cached too: the same text would be refused again.
                if "refused" in info or all((cache_dir / f"{key}{x}").exists() for x in FORMATS.values()):
                    results[s.rel] = Outcome(s.rel, "refused" if "refused" in info else "reused", info)
                    continue
            except (OSError, ValueError):
                pass   # a damaged entry is rebuilt
        todo.append((s, key))
    counts = Counter(o.status for o in results.values())
    progress = Progress(len(sources), stream)
    for o in results.values():
        progress.step(counts)
        if on_progress:
            on_progress(o)

    def finish(s: Source, key: str, info: dict) -> None:
        status = "refused" if "refused" in info else "built"
        tmp = cache_dir / f".{key}.json.tmp"
        tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cache_dir / f"{key}.json")
        results[s.rel] = Outcome(s.rel, status, info)
        counts[status] += 1
        progress.step(counts)
        if on_progress:
            on_progress(results[s.rel])

    # Largest texts first, so no worker is left with a long one at the end.
    todo.sort(key=lambda t: -t[0].path.stat().st_size)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    args = [(str(s.path), s.rel, ids[s.path], base, str(cache_dir / f"{key}.nt")) for s, key in todo]
    try:
        if workers == 1 or len(todo) < 4:
            for (s, key), a in zip(todo, args, strict=True):
                finish(s, key, build_one(*a))
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {pool.submit(build_one, *a): t for t, a in zip(todo, args, strict=True)}
                for future in as_completed(futures):
                    s, key = futures[future]
                    finish(s, key, future.result())
    finally:
        progress.close()
    return [results[s.rel] for s in sources if s.rel in results], keys


def _refuse_duplicates(outcomes: list[Outcome]) -> list[Outcome]:
    """Two texts with one id would merge into one regulation: the later one is refused."""
    seen: dict[str, str] = {}
    out = []
    for o in outcomes:
        rid = o.info.get("id")
        if o.status != "refused" and rid in seen:
            o = Outcome(o.rel, "refused", {**o.info, "refused": bilingual(
                f"id {rid} 已由 {seen[rid]} 使用", f"the id {rid} is already used by {seen[rid]}")})
        elif rid:
            seen.setdefault(rid, o.rel)
        out.append(o)
    return out


def _write(outcomes: list[Outcome], keys: dict[str, str], cache_dir: Path, base: str,
           out: Path) -> tuple[list[Path], int]:
    """The graph files: the ontology and the citations between texts (a small store) followed by
    every text's cached pieces, streamed — no store of the whole library is held in memory."""
    import io

    import pyoxigraph as ox

    from kg.citations import Library, Mention
    from kg.graph import citation_triples, load_ontology, new_graph, write_outputs
    from kg.ns import PREFIXES

    head = new_graph()
    load_ontology(head, base)
    kept = [o for o in outcomes if o.status != "refused"]
    library = Library((o.info["id"], o.info["title"], frozenset(o.info["paths"])) for o in kept)
    cited = ((o.info["id"], [Mention.from_json(m) for m in o.info["mentions"]]) for o in kept)
    head.addN((s, p, o, head) for s, p, o in citation_triples(cited, library, base))  # type: ignore[misc]
    store: ox.Store = head.store._inner  # type: ignore[attr-defined]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}

    def head_piece(fmt) -> bytes:
        buffer = io.BytesIO()
        store.dump(buffer, fmt, from_graph=ox.DefaultGraph(),
                   prefixes=None if fmt == ox.RdfFormat.N_TRIPLES else prefixes)
        return buffer.getvalue()

    def concatenated(name: str):
        suffix = FORMATS[name]

        def write(fh) -> None:
            if suffix == ".jsonld":
                first = head_piece(ox.RdfFormat.JSON_LD).strip()[1:-1].strip()
                fh.write(b"[" + first)
                for o in kept:
                    piece = (cache_dir / f"{keys[o.rel]}{suffix}").read_bytes()
                    if piece:
                        fh.write((b",\n" if first else b"") + piece)
                        first = first or piece
                fh.write(b"]\n")
                return
            fmt = ox.RdfFormat.N_TRIPLES if suffix == ".nt" else ox.RdfFormat.TURTLE
            fh.write(head_piece(fmt))
            for o in kept:
                fh.write(b"\n" if suffix == ".ttl" else b"")
                fh.write((cache_dir / f"{keys[o.rel]}{suffix}").read_bytes())
        return write

    triples = len(store) + sum(o.info["triples"] for o in kept)
    written = write_outputs(out, {name: concatenated(name) for name in FORMATS}, triples)
    return written, triples


def _prune(cache_dir: Path, live: set[str]) -> None:
    """Drop cache entries this build did not use, so the cache never outgrows the library."""
    for path in cache_dir.iterdir():
        if path.name.split(".")[0] not in live and not path.name.startswith("."):
            path.unlink(missing_ok=True)
