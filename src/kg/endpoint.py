"""A public, read-only SPARQL 1.1 Protocol endpoint: Oxigraph behind a guard.

    client --HTTP--> Guard (this module, host:port)  --loopback-->  oxigraph serve-read-only

Oxigraph's own server is fast and speaks the protocol and its content types, but on
its own it follows SERVICE calls to other hosts, and `--timeout-s` is partial (a
cancelled query can come back as HTTP 200 with a truncated body; some queries are
not cancelled at all). The guard:

  * refuses SPARQL Update (any /update request, update= forms, INSERT/DELETE/LOAD/
    CLEAR/DROP … sent as a query) and federation (SERVICE), with a bilingual message;
  * enforces its own time limit, turns a truncated or cancelled answer into HTTP 503,
    and restarts the backend when a query does not stop, so the endpoint keeps answering;
  * caps the size of an answer.

>>> scrub('SELECT ?s # SERVICE\\nWHERE { ?s <http://x/SERVICE> "SERVICE" }')
'SELECT ?s \\nWHERE { ?s <> "" }'
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RE_COMMENT_OR_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
RE_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)
RE_UPDATE = re.compile(r"(?<![\w:?$])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)"
                       r"(?![\w:])", re.IGNORECASE)
CANCELLED_MARKERS = ("The SPARQL operation has been cancelled", "os error")
QUERY_TYPES = ("application/sparql-query",)
FORM = "application/x-www-form-urlencoded"


def scrub(query: str) -> str:
    """The query with strings, IRIs and comments emptied, so keywords can be looked for."""
    def blank(m: re.Match) -> str:
        token = m.group()
        if token.startswith("#"):
            return ""
        if token.startswith("<"):
            return "<>"
        quote = token[:3] if token[:3] in ('"""', "'''") else token[0]
        return quote + quote
    return RE_COMMENT_OR_TOKEN.sub(blank, query)


def refusal(query: str) -> str | None:
    """Why the public endpoint will not run this query, or None."""
    text = scrub(query)
    if RE_SERVICE.search(text):
        return ("此端点不允许联邦查询（SERVICE）/ federated queries (SERVICE) are disabled "
                "on this endpoint")
    if RE_UPDATE.search(text):
        return "此端点只读，不接受 SPARQL 更新 / this endpoint is read-only: SPARQL Update is refused"
    return None


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    """The `oxigraph` CLI installed beside this Python (the PyPI package)."""
    local = Path(sys.executable).with_name("oxigraph")
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("找不到 oxigraph 命令（pip install oxigraph）/ the oxigraph command is "
                           "missing (pip install oxigraph)")
    return found


def load_store(nt_file: Path, location: Path) -> Path:
    """Load N-Triples into an Oxigraph directory, unless it already holds this file."""
    stamp = location / ".loaded-from"
    signature = f"{nt_file.resolve()} {nt_file.stat().st_size} {nt_file.stat().st_mtime_ns}"
    if stamp.exists() and stamp.read_text() == signature:
        return location
    if location.exists():
        shutil.rmtree(location)
    location.mkdir(parents=True)
    subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(nt_file)],
                   check=True, capture_output=True)
    stamp.write_text(signature)
    return location


class Backend:
    """`oxigraph serve-read-only` on a loopback port, restartable."""

    def __init__(self, location: Path, timeout_s: int):
        self.location = location
        self.timeout_s = timeout_s
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.generation = 0

    def start(self) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [oxigraph_binary(), "serve-read-only", "--location", str(self.location),
             "--bind", f"127.0.0.1:{self.port}", "--timeout-s", str(self.timeout_s)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/query?query=" + urllib.parse.quote("ASK {}"))
                if conn.getresponse().status == 200:
                    self.generation += 1
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("oxigraph 未能启动 / oxigraph did not start")

    def restart(self, generation: int) -> None:
        """Replace a backend stuck on a runaway query (once per stuck generation)."""
        with self.lock:
            if generation != self.generation:
                return
            self.stop()
            self.start()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@dataclass
class Limits:
    timeout_s: int = 10
    max_bytes: int = 50_000_000


class Guard(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # many clients connect at once; the default backlog of 5 refuses some

    def __init__(self, address, backend: Backend, limits: Limits):
        super().__init__(address, Handler)
        self.backend = backend
        self.limits = limits


_local = threading.local()


def _backend_connection(port: int, timeout: float) -> http.client.HTTPConnection:
    """A keep-alive connection to the backend, one per guard thread."""
    conn = getattr(_local, "conn", None)
    if conn is None or getattr(_local, "port", None) != port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        _local.conn, _local.port = conn, port
    conn.timeout = timeout
    return conn


def _drop_backend_connection() -> None:
    conn = getattr(_local, "conn", None)
    if conn is not None:
        conn.close()
    _local.conn = None


class Handler(BaseHTTPRequestHandler):
    server: Guard
    protocol_version = "HTTP/1.1"
    # Headers and body are separate writes; with Nagle on, the client's delayed ACK
    # stalls every response by ~40 ms.
    disable_nagle_algorithm = True

    def log_message(self, format, *args):  # quiet: one line per request is noise here
        pass

    # -- routing

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._text(200, self._help(), "text/plain; charset=utf-8")
        if url.path == "/health":
            return self._text(200, "ok", "text/plain")
        if url.path.rstrip("/") in ("/update", "/store"):
            return self._refuse(403, refusal("INSERT") or "")
        if url.path.rstrip("/") not in ("/query", "/sparql"):
            return self._text(404, "not found / 未找到", "text/plain; charset=utf-8")
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            return self._refuse(403, refusal("INSERT") or "")
        self._query(params.get("query", [""])[0], params)

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > 1_000_000:
            return self._refuse(413, "查询过长 / query too long")
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path.rstrip("/") in ("/update", "/store") or ctype == "application/sparql-update":
            return self._refuse(403, refusal("INSERT") or "")
        if url.path.rstrip("/") not in ("/query", "/sparql"):
            return self._text(404, "not found / 未找到", "text/plain; charset=utf-8")
        if ctype in QUERY_TYPES:
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            return self._query(body, params)
        params = urllib.parse.parse_qs(body, keep_blank_values=True)
        if "update" in params:
            return self._refuse(403, refusal("INSERT") or "")
        self._query(params.get("query", [""])[0], params)

    def do_PUT(self):
        self._refuse(403, refusal("INSERT") or "")

    do_DELETE = do_PATCH = do_PUT

    # -- the query

    def _query(self, query: str, params: dict) -> None:
        if not query.strip():
            return self._refuse(400, "缺少 query 参数 / missing query parameter")
        why = refusal(query)
        if why:
            return self._refuse(403, why)
        backend, limits = self.server.backend, self.server.limits
        form = [("query", query)] + [(k, v) for k in ("default-graph-uri", "named-graph-uri")
                                     for v in params.get(k, [])]
        body = urllib.parse.urlencode(form)
        headers = {"Content-Type": FORM, "Accept": self.headers.get("Accept") or "*/*"}
        for attempt in range(2):
            generation = backend.generation
            started = time.monotonic()
            try:
                conn = _backend_connection(backend.port, limits.timeout_s + 2)
                conn.request("POST", "/query", body, headers)
                resp = conn.getresponse()
                data = resp.read(limits.max_bytes + 1)
                elapsed = time.monotonic() - started
                if len(data) > limits.max_bytes:
                    _drop_backend_connection()  # the rest of the answer is still in the socket
                break
            except TimeoutError:
                _drop_backend_connection()
                threading.Thread(target=backend.restart, args=(generation,), daemon=True).start()
                return self._timeout(limits)
            except (ConnectionError, http.client.HTTPException, OSError):
                _drop_backend_connection()
                if attempt:
                    return self._refuse(503, "后端暂不可用 / the store is restarting, try again")
                time.sleep(0.5)
        if len(data) > limits.max_bytes:
            return self._refuse(413, f"结果过大（上限 {limits.max_bytes // 1_000_000} MB），请加 LIMIT / "
                                     f"result too large (limit {limits.max_bytes // 1_000_000} MB): add a LIMIT")
        ctype = resp.getheader("Content-Type") or "application/octet-stream"
        if resp.status == 200 and (elapsed >= limits.timeout_s or _truncated(data, ctype)):
            return self._timeout(limits)
        self._send(resp.status, data, ctype)

    def _timeout(self, limits: Limits) -> None:
        self._refuse(503, f"查询超时（{limits.timeout_s} 秒）已终止 / query timed out after "
                          f"{limits.timeout_s} s and was stopped")

    # -- responses

    def _help(self) -> str:
        host, port = self.server.server_address[:2]
        return (f"规章知识图谱 SPARQL 端点 / regulation knowledge graph SPARQL endpoint\n\n"
                f"Query: http://{host}:{port}/query  (GET ?query= or POST, SPARQL 1.1 Protocol)\n"
                f"Read-only; SERVICE is disabled; queries stop after "
                f"{self.server.limits.timeout_s} s.\n\n"
                f"curl -H 'Accept: text/csv' --data-urlencode 'query=PREFIX eli: "
                f"<http://data.europa.eu/eli/ontology#> SELECT (COUNT(?a) AS ?n) WHERE "
                f"{{ ?a eli:type_subdivision <https://regkg.example.org/ns/subdivision-type/article> }}' "
                f"http://{host}:{port}/query\n")

    def _refuse(self, status: int, message: str) -> None:
        self._text(status, json.dumps({"error": message}, ensure_ascii=False),
                   "application/json; charset=utf-8")

    def _text(self, status: int, text: str, ctype: str) -> None:
        self._send(status, text.encode("utf-8"), ctype)

    def _send(self, status: int, data: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _truncated(data: bytes, ctype: str) -> bool:
    """Oxigraph streams results; a query cancelled midway ends in an error text."""
    tail = data[-300:].decode("utf-8", "replace")
    if any(marker in tail for marker in CANCELLED_MARKERS):
        return True
    if "json" in ctype:
        try:
            json.loads(data)
        except ValueError:
            return True
    if "xml" in ctype and data.strip() and not data.rstrip().endswith(b">"):
        return True
    return False


def serve(nt_file: Path, location: Path, host: str, port: int, limits: Limits,
          announce=print) -> None:
    """Run the guarded endpoint until Ctrl-C (or SIGTERM) and stop the backend cleanly."""
    import signal

    load_store(nt_file, location)
    backend = Backend(location, limits.timeout_s)
    backend.start()
    guard = Guard((host, port), backend, limits)

    def stop(*_):
        threading.Thread(target=guard.shutdown, daemon=True).start()

    # Explicit handlers: a process started in the background inherits SIGINT as ignored.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    url = f"http://{guard.server_address[0]}:{guard.server_address[1]}/query"
    announce(f"SPARQL 端点 / endpoint: {url}\n"
             f"示例 / example: curl -H 'Accept: text/csv' --data-urlencode "
             f"'query=SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }}' {url}\n"
             f"只读；SERVICE 已禁用；查询超时 {limits.timeout_s} 秒。按 Ctrl-C 停止 / read-only, "
             f"SERVICE disabled, {limits.timeout_s} s timeout. Ctrl-C stops it.")
    try:
        guard.serve_forever(poll_interval=0.2)
    finally:
        guard.server_close()
        backend.stop()
        announce("已停止 / stopped")


@dataclass
class Running:
    """A guarded endpoint serving in this process (for the app's SPARQL page)."""

    url: str
    guard: Guard
    backend: Backend

    def stop(self) -> None:
        self.guard.shutdown()
        self.guard.server_close()
        self.backend.stop()


def start_in_background(nt_file: Path, location: Path, limits: Limits) -> Running:
    """Load, start the backend and serve the guard from a daemon thread on a free port."""
    import atexit

    load_store(nt_file, location)
    backend = Backend(location, limits.timeout_s)
    backend.start()
    guard = Guard(("127.0.0.1", free_port()), backend, limits)
    threading.Thread(target=guard.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    running = Running(f"http://127.0.0.1:{guard.server_address[1]}/query", guard, backend)
    atexit.register(backend.stop)
    return running


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (the first such keyword outside strings and IRIs)."""
    m = re.search(r"(?<![\w:?$])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", scrub(query), re.IGNORECASE)
    return m.group(1).upper() if m else ""
