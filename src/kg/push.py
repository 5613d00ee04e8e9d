"""Load the built graph into any SPARQL 1.1 store, in batches, and verify the count.

Two ways in, as servers differ: the Graph Store Protocol (`--gsp URL`, N-Triples by
HTTP POST/PUT) or SPARQL Update (INSERT DATA batches to `--update URL`, by default
the query URL with /query replaced by /update). Basic auth from $KG_SPARQL_USER and
$KG_SPARQL_PASSWORD.

>>> update_url("http://localhost:7878/query")
'http://localhost:7878/update'
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kg.store import RemoteStore, StoreError


def update_url(query_url: str) -> str:
    if query_url.rstrip("/").endswith("/query"):
        return query_url.rstrip("/")[: -len("query")] + "update"
    if query_url.rstrip("/").endswith("/sparql"):
        return query_url
    return query_url


def _auth_headers() -> dict[str, str]:
    user = os.environ.get("KG_SPARQL_USER")
    if not user:
        return {}
    token = base64.b64encode(f"{user}:{os.environ.get('KG_SPARQL_PASSWORD', '')}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _http(method: str, url: str, data: bytes, ctype: str, timeout: int = 120) -> None:
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": ctype, **_auth_headers()})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:300].decode("utf-8", "replace")
        raise StoreError(f"{url} 拒绝写入（HTTP {exc.code}）/ refused the write (HTTP {exc.code}): {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(f"无法连接 {url}：{reason} / cannot reach {url}: {reason}") from None


@dataclass
class PushResult:
    triples: int
    batches: int
    counted: int

    @property
    def ok(self) -> bool:
        return self.counted == self.triples


def _lines(nt_file: Path) -> list[str]:
    return [line for line in nt_file.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def count(endpoint: str, graph: str | None) -> int:
    where = f"GRAPH <{URIRef(graph)}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    rows = RemoteStore(endpoint).select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(rows[0]["n"])


def push(nt_file: Path, endpoint: str, graph: str | None = None, replace: bool = False,
         gsp: str | None = None, update: str | None = None, batch: int = 5000) -> PushResult:
    """Send the graph in batches and count it back through the query endpoint."""
    lines = _lines(nt_file)
    if graph:
        Graph().parse(data=f"<{graph}> <urn:x> <urn:y> .", format="nt")  # a valid IRI, or it raises
    batches = [lines[i:i + batch] for i in range(0, len(lines), batch)]
    if gsp:
        target = f"{gsp}?{urllib.parse.urlencode({'graph': graph} if graph else {'default': ''})}"
        for i, chunk in enumerate(batches):
            method = "PUT" if replace and i == 0 else "POST"
            _http(method, target, ("\n".join(chunk) + "\n").encode("utf-8"), "application/n-triples")
    else:
        url = update or update_url(endpoint)
        if replace:
            clear = f"DROP SILENT GRAPH <{graph}>" if graph else "DROP SILENT DEFAULT"
            _http("POST", url, clear.encode("utf-8"), "application/sparql-update")
        for chunk in batches:
            body = "\n".join(chunk)
            op = f"INSERT DATA {{ GRAPH <{graph}> {{ {body} }} }}" if graph else f"INSERT DATA {{ {body} }}"
            _http("POST", url, op.encode("utf-8"), "application/sparql-update")
    return PushResult(len(lines), len(batches), count(endpoint, graph))
