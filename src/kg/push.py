"""Load the built graph into any SPARQL 1.1 store, verified, never leaving it emptier.

Every push goes through a fresh temporary graph: the triples are sent there in batches
(SPARQL Update INSERT DATA to `--update URL`, by default the query URL with /query
replaced by /update; or the Graph Store Protocol with `--gsp URL`), counted back, and
only then put into the target by one server-side operation: MOVE for `--replace`, ADD
otherwise. If any step fails the temporary graph is dropped and the target is as it was.
A batch the server refuses as too large is halved and retried. Credentials come from the
URL or $KG_SPARQL_USER / $KG_SPARQL_PASSWORD (Basic or Digest, as the server asks).

>>> update_url("http://localhost:7878/query")
'http://localhost:7878/update'
"""

from __future__ import annotations

import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KgError, StoreError, UsageError, bilingual
from kg.sparql_http import Client, Refused, Unreachable, redact, target
from kg.store import RemoteStore, graph_iri

# Answers that mean "too much at once" from some server or proxy: Virtuoso says 400
# ("memory exhausted") for a long INSERT DATA; proxies say 413 or 502-504; a server may
# also just close the connection.
TOO_LARGE = {400, 413, 414, 431, 500, 502, 503, 504}


def update_url(query_url: str) -> str:
    if query_url.rstrip("/").endswith("/query"):
        return query_url.rstrip("/")[: -len("query")] + "update"
    return query_url


@dataclass(frozen=True)
class PushResult:
    triples: int        # distinct triples in the file
    requests: int       # write requests that succeeded
    batch: int          # triples per request in the end (smaller if the server refused more)
    before: int         # triples in the target before
    counted: int        # triples in the target after, counted by the store
    replaced: bool


class _Writer:
    """Writes through SPARQL Update; with a GSP URL, batches go there instead."""

    def __init__(self, update: str, gsp: str | None, timeout_s: float):
        self.update_client = Client(target(update, "更新端点 / update endpoint"), timeout_s)
        self.gsp_client = Client(target(gsp, "图存储端点 / graph store URL"), timeout_s) if gsp else None

    def insert(self, graph: str, lines: list[str]) -> None:
        body = "\n".join(lines) + "\n"
        if self.gsp_client:
            base = self.gsp_client.target.url
            url = f"{base}{'&' if '?' in base else '?'}{urllib.parse.urlencode({'graph': graph})}"
            self.gsp_client.send("POST", url, body.encode("utf-8"), "application/n-triples")
        else:
            self.run(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}}} }}")

    def run(self, operation: str) -> None:
        client = self.update_client
        client.send("POST", client.target.url, operation.encode("utf-8"), "application/sparql-update")


def _triples(path: Path) -> list[str]:
    """The file's distinct triples as N-Triples lines, written by Oxigraph (plain literals)."""
    fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    try:
        return list(dict.fromkeys(f"{q.triple} ." for q in ox.parse(path=str(path), format=fmt)))
    except (OSError, SyntaxError) as exc:
        raise InputError(bilingual(f"无法读取图谱 {path}：{exc}", f"cannot read the graph {path}: {exc}")) \
            from None


def _too_large(exc: StoreError) -> bool:
    if isinstance(exc, Refused):
        return exc.status in TOO_LARGE
    return isinstance(exc, Unreachable) and exc.reset


def _send(writer: _Writer, lines: list[str], graph: str, batch: int,
          log: Callable[[str], None]) -> tuple[int, int]:
    """Send every line into graph; (requests, final batch size). Halves on a too-large refusal."""
    i = requests = 0
    while i < len(lines):
        chunk = lines[i:i + batch]
        try:
            writer.insert(graph, chunk)
        except StoreError as exc:
            if batch == 1 or not _too_large(exc):
                raise
            batch = max(1, len(chunk) // 2)
            why = f"HTTP {exc.status}" if isinstance(exc, Refused) else "connection reset"
            log(bilingual(f"存储拒绝了 {len(chunk)} 个三元组的一批（{why}），改为每批 {batch} 个重试",
                          f"the store refused a batch of {len(chunk)} triples ({why}); "
                          f"retrying with {batch}"))
            continue
        i += len(chunk)
        requests += 1
    return requests, batch


def _where(graph: str | None) -> str:
    return f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"


def push(nt_file: Path, endpoint: str, graph: str | None = None, replace: bool = False,
         gsp: str | None = None, update: str | None = None, batch: int = 5000,
         timeout_s: float = 120, log: Callable[[str], None] = lambda message: None) -> PushResult:
    """Load nt_file into the store's default graph (or `graph`) and count it back."""
    if batch < 1:
        raise UsageError(bilingual(f"--batch 应为正整数，而不是 {batch}",
                                   f"--batch must be a positive number, not {batch}"))
    graph = graph_iri(graph) if graph else None
    store = RemoteStore(endpoint, timeout_s=timeout_s)
    writer = _Writer(update or update_url(endpoint), gsp, timeout_s)
    lines = _triples(Path(nt_file))
    shown = f"<{graph}>" if graph else "默认图 / the default graph"
    before = store.count(_where(graph))
    temp = f"urn:uuid:{uuid.uuid4()}"
    step = "load"
    try:
        requests, batch = _send(writer, lines, temp, batch, log)
        loaded = store.count(_where(temp))
        if loaded != len(lines):
            raise StoreError(bilingual(f"临时图中计得 {loaded} 个三元组，应为 {len(lines)} 个",
                                       f"the temporary graph counts {loaded} triples, not {len(lines)}"))
        step = "swap"
        _swap(writer, temp, graph, replace)
    except KgError as exc:
        raise StoreError(f"{exc}\n{_aftermath(store, writer, temp, graph, before, step)}") from None
    writer.run(f"DROP SILENT GRAPH <{temp}>")
    counted = store.count(_where(graph))
    expected = (len(lines), len(lines)) if replace else (max(before, len(lines)), before + len(lines))
    if not expected[0] <= counted <= expected[1]:
        raise StoreError(bilingual(
            f"写入后 {shown} 计得 {counted} 个三元组（原有 {before}，写入 {len(lines)}）：存储没有如实写入",
            f"after writing, {shown} counts {counted} triples (held {before}, wrote {len(lines)}): "
            f"the store did not keep what it was sent"))
    return PushResult(len(lines), requests, batch, before, counted, replace)


def _swap(writer: _Writer, temp: str, graph: str | None, replace: bool) -> None:
    """Put the temporary graph's triples into the target: MOVE (replace) or ADD, in one
    operation; if the store refuses that, INSERT … WHERE then DELETE what is not new, an
    order that never leaves the target emptier even if the store stops half-way."""
    try:
        writer.run(f"{'MOVE' if replace else 'ADD'} GRAPH <{temp}> TO "
                   + (f"GRAPH <{graph}>" if graph else "DEFAULT"))
        return
    except Refused as exc:  # Jena 4.5 refuses ADD/MOVE/COPY from any existing named graph
        first = exc
    target = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    source = f"GRAPH <{temp}> {{ ?s ?p ?o }}"
    operation = f"INSERT {{ {target} }} WHERE {{ {source} }}"
    if replace:
        operation += f" ;\nDELETE {{ {target} }} WHERE {{ {target} FILTER NOT EXISTS {{ {source} }} }}"
    try:
        writer.run(operation)
    except Refused as exc:
        raise StoreError(f"{first}\n{exc}") from None


def _aftermath(store: RemoteStore, writer: _Writer, temp: str, graph: str | None, before: int,
               step: str) -> str:
    """What state a failed push left the store in, checked rather than assumed."""
    try:
        writer.run(f"DROP SILENT GRAPH <{temp}>")
        dropped = bilingual(f"临时图 <{temp}> 已删除", f"the temporary graph <{temp}> was removed")
    except KgError:
        dropped = bilingual(f"临时图 <{temp}> 未能删除，请手动删除", f"the temporary graph <{temp}> could "
                            f"not be removed: drop it by hand")
    try:
        after = store.count(_where(graph))
    except KgError:
        after = None
    shown = f"<{graph}>" if graph else "默认图 / the default graph"
    if after == before:
        state = bilingual(f"目标图 {shown} 未改动（仍有 {after} 个三元组）",
                          f"the target {shown} is unchanged (still {after} triples)")
    elif after is None:
        state = bilingual(f"无法确认目标图 {shown} 的状态", f"the state of the target {shown} could "
                          f"not be checked")
    else:
        state = bilingual(f"目标图 {shown} 原有 {before} 个三元组，现有 {after} 个",
                          f"the target {shown} held {before} triples and now holds {after}")
    hint = ""
    if step == "swap" and graph is None:
        hint = "\n" + bilingual("有的存储（如 Virtuoso）没有可写的默认图：请用 --graph IRI 写入命名图",
                                "some stores (Virtuoso) have no writable default graph: push into a "
                                "named graph with --graph IRI")
    return f"{state}\n{dropped}{hint}"


def describe(result: PushResult, endpoint: str, graph: str | None) -> str:
    """What a push did, for the terminal."""
    where = f"{redact(endpoint)} <{graph}>" if graph else f"{redact(endpoint)}"
    zh_how, en_how = ("替换了", "replaced") if result.replaced else ("追加到", "added to")
    return bilingual(
        f"已写入 {result.triples} 个三元组（{result.requests} 次请求，每批最多 {result.batch} 个），"
        f"{zh_how}{'命名图' if graph else '默认图'} {where}；"
        f"存储现计得 {result.counted} 个（原有 {result.before} 个）",
        f"wrote {result.triples} triples in {result.requests} requests (up to {result.batch} a request), "
        f"{en_how} the {'named' if graph else 'default'} graph of {where}; the store now counts "
        f"{result.counted} (before: {result.before})")
