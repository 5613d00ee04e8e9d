"""The public, read-only SPARQL 1.1 Protocol endpoint behind `kg serve` and the SPARQL page.

    client --HTTP--> front (asyncio + llhttp, this module) --socket pairs--> workers (kg.sandbox)

The front is one asyncio process: a connection costs a file descriptor, not a thread;
headers, bodies and idle connections are bounded while they are read (see
Connection), and past `max_connections` new connections are closed at once. Each
query goes to a worker process that has no network (kg.sandbox), which screens it
first (kg.sparql_check: a text that could name SERVICE is parsed by a real SPARQL
parser, and refused if it does or if the parser cannot read it; the front caches
the verdict by the query's digest). A query over the time limit gets its worker
killed and replaced, never retried; a query over the memory cap aborts its own
worker; an answer over `max_bytes` is refused. The lanes that keep cheap queries
answered under hostile load are in kg.pool.

>>> Limits().timeout_s
10
"""

from __future__ import annotations

import asyncio
import collections
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import httptools

from kg.errors import InputError, StoreError, UsageError, bilingual
from kg.pool import Busy, Limits, Pool
from kg.sparql_check import UPDATE_REFUSED, query_form, refusal  # noqa: F401 - the app's page uses them

LOOPBACK = ("127.0.0.1", "localhost", "::1")
FORM = "application/x-www-form-urlencoded"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    """The `oxigraph` CLI installed beside this Python (the PyPI package)."""
    local = Path(sys.executable).with_name("oxigraph")
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreError(bilingual("找不到 oxigraph 命令（pip install oxigraph）",
                                   "the oxigraph command is missing (pip install oxigraph)"))
    return found


def load_store(nt_file: Path, location: Path) -> Path:
    """Load N-Triples into an Oxigraph directory, unless it already holds this file.

    The store is built beside the target and renamed into place, so a file that
    does not parse (a truncated graph) leaves no half-loaded store behind.
    """
    stamp = location / ".loaded-from"
    signature = f"{nt_file.resolve()} {nt_file.stat().st_size} {nt_file.stat().st_mtime_ns}"
    if stamp.exists() and stamp.read_text() == signature:
        return location
    building = location.with_name(location.name + ".loading")
    shutil.rmtree(building, ignore_errors=True)
    building.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([oxigraph_binary(), "load", "--location", str(building), "--file", str(nt_file)],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        shutil.rmtree(building, ignore_errors=True)
        why = next((line for line in done.stderr.splitlines() if "error" in line.lower()),
                   done.stderr.strip()[:300])
        raise InputError(bilingual(f"图谱文件 {nt_file} 无法读取（可能不完整，请重新运行 kg build）",
                                   f"the graph file {nt_file} cannot be read (truncated? run kg build "
                                   f"again): {why}"))
    (building / ".loaded-from").write_text(signature)
    shutil.rmtree(location, ignore_errors=True)
    building.rename(location)
    return location


class Answers:
    """Successful answers by request, least recently used dropped first, within `size` bytes.

    Exact, because the store behind the endpoint is read-only for the life of the process:
    the same query with the same Accept and dataset always gets the same bytes. An answer
    over a sixteenth of the budget is not kept, so one large result cannot flush the rest.

    >>> a = Answers(100); a.put("k", (200, "text/csv", b"x")); a.get("k")
    (200, 'text/csv', b'x')
    """

    def __init__(self, size: int):
        self.size, self.used = size, 0
        self.items: collections.OrderedDict[str, tuple[int, str, bytes]] = collections.OrderedDict()

    def get(self, key: str) -> tuple[int, str, bytes] | None:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: str, answer: tuple[int, str, bytes]) -> None:
        cost = len(answer[2]) + len(key)
        if cost * 16 > self.size or key in self.items:
            return
        self.items[key] = answer
        self.used += cost
        while self.used > self.size:
            old, dropped = self.items.popitem(last=False)
            self.used -= len(dropped[2]) + len(old)


class Front:
    """The HTTP side: SPARQL 1.1 Protocol routing on top of a Pool."""

    def __init__(self, pool: Pool, limits: Limits, url: str):
        self.pool, self.limits, self.url = pool, limits, url
        self.answers = Answers(limits.cache_bytes)

    async def respond(self, method: str, target: str, headers, body: bytes) -> tuple[int, str, bytes]:
        # //query is /query (urlsplit would read "query" as a host name and the path as empty)
        url = urllib.parse.urlsplit("/" + target.lstrip("/") if target.startswith("/") else target)
        path = url.path.rstrip("/") or "/"
        if method == "HEAD":   # answered as GET, without the body (the connection sends it)
            method = "GET"
        if path in ("/", "/index.html") and method == "GET":
            return 200, "text/plain; charset=utf-8", self._help().encode()
        if path == "/health":
            return 200, "text/plain", b"ok"
        ctype = (headers.get("content-type") or "").split(";")[0].strip().lower()
        if (path in ("/update", "/store") or method in ("PUT", "DELETE", "PATCH")
                or ctype == "application/sparql-update"):
            return 403, "", UPDATE_REFUSED.encode()
        if path not in ("/query", "/sparql"):
            return 404, "", "未找到 / not found".encode()
        if method not in ("GET", "POST"):
            return 405, "", "只支持 GET、HEAD 和 POST / only GET, HEAD and POST".encode()
        if (headers.get("content-encoding") or "identity").strip().lower() != "identity":
            return 415, "", "不接受压缩的请求体 / compressed request bodies are not accepted".encode()
        try:
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True, errors="strict")
            if method == "POST" and ctype == "application/sparql-query":
                if "query" in params:   # which one would run? the protocol allows only the body
                    return 400, "", ONE_QUERY.encode()
                params["query"] = [body.decode("utf-8")]
            elif method == "POST":
                params.update(urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True,
                                                    errors="strict"))
        except UnicodeDecodeError:
            return 400, "", "请求不是 UTF-8 / the request is not UTF-8".encode()
        if "update" in params:
            return 403, "", UPDATE_REFUSED.encode()
        if len(params.get("query", [])) > 1:
            return 400, "", ONE_QUERY.encode()
        query = (params.get("query") or [""])[0]
        if not query.strip():
            return 400, "", "缺少 query 参数 / missing query parameter".encode()
        request = {"accept": headers.get("accept") or "*/*", "max_bytes": self.limits.max_bytes,
                   "default": params.get("default-graph-uri", []),
                   "named": params.get("named-graph-uri", [])}
        key = json.dumps([query, request["accept"], request["default"], request["named"]],
                         ensure_ascii=False)
        cached = self.answers.get(key)
        if cached is not None:
            return cached
        try:
            answer = await self.pool.run(query, request)
        except Busy:
            return self.pool._stopped("busy")
        if answer[0] == 200:
            self.answers.put(key, answer)
        return answer

    def _help(self) -> str:
        return (f"规章知识图谱 SPARQL 端点 / regulation knowledge graph SPARQL endpoint\n\n"
                f"Query: {self.url}  (GET ?query= or POST, SPARQL 1.1 Protocol)\n"
                f"Read-only; SERVICE is disabled; queries stop after {self.limits.timeout_s:g} s.\n\n"
                f"curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT (COUNT(*) AS ?n) "
                f"WHERE {{ ?s ?p ?o }}' {self.url}\n")


ONE_QUERY = "一个请求只能有一个查询 / one query per request"
REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 406: "Not Acceptable", 413: "Payload Too Large",
           415: "Unsupported Media Type", 505: "HTTP Version Not Supported",
           431: "Request Header Fields Too Large", 500: "Internal Server Error",
           503: "Service Unavailable"}


class Connection(asyncio.Protocol):
    """One client connection: llhttp (httptools) parses; every limit applies while reading.

    A complete request must arrive within `idle_s` of the connection opening or of
    the previous answer, headers within `max_header` bytes, a body within `max_body`
    (a Content-Length over it is refused before the body is read; a negative or
    malformed one is a parse error). Requests on one connection are answered in order,
    one at a time; reading pauses while one is being answered.
    """

    def __init__(self, front: Front, connections: set):
        self.front, self.limits, self.connections = front, front.limits, connections
        self.parser = httptools.HttpRequestParser(self)
        self.transport: asyncio.Transport | None = None
        self.requests: collections.deque = collections.deque()
        self.busy = False
        self.timer: asyncio.TimerHandle | None = None
        self.drained: asyncio.Future | None = None

    # -- reading

    def connection_made(self, transport) -> None:
        self.transport = transport
        if len(self.connections) >= self.limits.max_connections:
            transport.abort()
            return
        self.connections.add(self)
        sock = transport.get_extra_info("socket")
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # A fixed send buffer (no autotuning up to megabytes): what a client does not read stays in
        # this process, counted in the in-flight bytes, and not in the kernel, counted nowhere
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.limits.send_buffer)
        self._arm()

    def connection_lost(self, exc) -> None:
        self.connections.discard(self)
        self._disarm()
        if self.drained and not self.drained.done():
            self.drained.set_result(None)
        self.transport = None

    def data_received(self, data: bytes) -> None:
        if self.failed:
            return  # read and dropped until the close, so the client gets our answer, not a reset
        if self.in_headers:
            self.received += len(data)
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            return self._fail(*(self.refused or (400, "请求格式错误 / malformed HTTP request")))
        if self.in_headers and self.received > self.limits.max_header:  # a header that never ends
            self._fail(431, "请求头过大 / request headers too large")

    received, in_headers, failed, refused = 0, True, False, None

    def _refuse(self, status: int, message: str) -> None:
        """Stop parsing from inside a parser callback; data_received answers."""
        self.refused = (status, message)
        raise httptools.HttpParserCallbackError(message)

    def on_message_begin(self) -> None:
        self.headers: dict[str, str] = {}
        self.body: list[bytes] = []
        self.url, self.body_size = b"", 0
        self.header_bytes = 0

    def on_url(self, url: bytes) -> None:
        self.url += url
        self._count(len(url))

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers[name.decode("latin-1").lower()] = value.decode("latin-1")
        self._count(len(name) + len(value))

    def _count(self, n: int) -> None:
        self.header_bytes += n
        if self.header_bytes > self.limits.max_header:
            self._refuse(431, "请求头过大 / request headers too large")

    def on_headers_complete(self) -> None:
        self.in_headers, self.received = False, 0
        if self.parser.get_http_version() not in ("1.0", "1.1"):   # HTTP/0.9, 2.0 or none given
            self._refuse(505, "只支持 HTTP/1.0 和 HTTP/1.1 / only HTTP/1.0 and HTTP/1.1")
        length = self.headers.get("content-length")
        if length and int(length) > self.limits.max_body:  # llhttp has checked it is digits
            self._refuse(413, f"请求体过大（上限 {self.limits.max_body} 字节）/ request body too large "
                              f"(limit {self.limits.max_body} bytes)")
        if self.headers.get("expect", "").lower() == "100-continue" and self.transport:
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    def on_body(self, body: bytes) -> None:
        self.body_size += len(body)
        if self.body_size > self.limits.max_body:  # chunked: no Content-Length to refuse early
            self._refuse(413, f"请求体过大（上限 {self.limits.max_body} 字节）/ request body too large "
                              f"(limit {self.limits.max_body} bytes)")
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.in_headers = True
        self._disarm()
        self.requests.append((self.parser.get_method().decode("ascii"), self.url.decode("latin-1"),
                              self.headers, b"".join(self.body), self.parser.should_keep_alive()))
        if self.transport:
            self.transport.pause_reading()  # no unbounded pile of pipelined requests
        if not self.busy:
            self.busy = True
            self.front.pool._later(self._answer_all())

    # -- answering

    async def _answer_all(self) -> None:
        while self.requests and self.transport:
            method, target, headers, body, keep = self.requests.popleft()
            try:
                status, ctype, data = await self.front.respond(method, target, headers, body)
            except Exception as exc:
                status, ctype, data = 500, "", f"internal error: {exc!r}".encode()
            await self._send(status, ctype, data, keep, head_only=method == "HEAD")
            if not keep and self.transport:
                self.transport.close()
        self.busy = False
        if self.transport and not self.failed:
            self._arm()
            self.transport.resume_reading()

    async def _send(self, status: int, ctype: str, data: bytes, keep: bool = True,
                    head_only: bool = False) -> None:
        if self.transport is None:
            return
        pool = self.front.pool
        if status == 200 and pool.inflight + len(data) > self.limits.inflight_bytes:
            # answers not yet read by their clients (a cached answer has no worker to refuse it)
            status, ctype = 503, ""
            data = bilingual("服务器正忙，请稍后再试", "the server is busy; try again later").encode()
        if status != 200 and not ctype:
            data = json.dumps({"error": data.decode("utf-8")}, ensure_ascii=False).encode()
            ctype = "application/json; charset=utf-8"
        head = (f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(data)}\r\n" + ("Retry-After: 1\r\n" if status == 503 else "")
                + ("Allow: GET, HEAD, POST\r\n" if status == 405 else "")
                + ("" if keep else "Connection: close\r\n") + "\r\n")
        if head_only:
            data = b""
        pool.inflight += len(data)
        try:
            self.transport.write(head.encode("latin-1") + data)
            if self.transport and self.transport.get_write_buffer_size():
                self.drained = asyncio.get_running_loop().create_future()
                try:  # a client that does not read its answer is dropped after idle_s
                    await asyncio.wait_for(self.drained, self.limits.idle_s)
                except TimeoutError:
                    if self.transport:
                        self.transport.abort()
        finally:
            pool.inflight -= len(data)

    def pause_writing(self) -> None:
        pass  # _send waits on `drained` whenever the buffer is not empty

    def resume_writing(self) -> None:
        if self.drained and not self.drained.done():
            self.drained.set_result(None)

    def _fail(self, status: int, message: str) -> None:
        """Refuse what cannot be read, then close: the rest of the stream has no meaning."""
        self.requests.clear()
        self.failed = True
        if self.transport and not self.busy:
            body = json.dumps({"error": message}, ensure_ascii=False).encode()
            self.transport.write(f"HTTP/1.1 {status} {REASONS[status]}\r\nContent-Type: application/json; "
                                 f"charset=utf-8\r\nConnection: close\r\nContent-Length: {len(body)}"
                                 f"\r\n\r\n".encode("latin-1") + body)
            self.transport.write_eof()
        self._disarm()
        self.timer = asyncio.get_running_loop().call_later(1, self._close)

    def _close(self) -> None:
        if self.transport:
            self.transport.close()

    def _arm(self) -> None:
        self._disarm()
        self.timer = asyncio.get_running_loop().call_later(self.limits.idle_s, self._idle)

    def _disarm(self) -> None:
        if self.timer:
            self.timer.cancel()
            self.timer = None

    def _idle(self) -> None:
        if self.transport and not self.busy:
            self.transport.close()


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(1024)
    except OSError as exc:
        sock.close()
        why = exc.strerror or str(exc)
        raise UsageError(bilingual(f"无法在 {host}:{port} 启动（{why}）",
                                   f"cannot listen on {host}:{port}: {why}")) from None
    return sock


def exposure_warning(host: str) -> str | None:
    """The warning printed when the endpoint listens beyond this machine."""
    if host in LOOPBACK or host.startswith("127."):
        return None
    return bilingual(f"警告：端点监听 {host}，网络上的任何人都能查询图谱；只在可信网络上这样做，"
                     f"或放在带身份验证的反向代理之后",
                     f"WARNING: the endpoint listens on {host}: anyone who can reach this machine "
                     f"can query the graph. Do this only on a trusted network, or behind a reverse "
                     f"proxy with authentication")


async def _start(listener: socket.socket, location: Path, limits: Limits, url: str):
    pool = Pool(location, limits)
    await pool.start()
    front, connections = Front(pool, limits, url), set[Connection]()
    server = await asyncio.get_running_loop().create_server(lambda: Connection(front, connections),
                                                            sock=listener)
    return pool, server


def _run(main) -> None:
    """asyncio.run on uvloop where it is installed (faster sockets and timers)."""
    try:
        import uvloop
        factory = uvloop.new_event_loop
    except ImportError:
        factory = None
    with asyncio.Runner(loop_factory=factory) as runner:
        runner.run(main)


def serve(nt_file: Path, location: Path, host: str, port: int, limits: Limits,
          announce=print) -> None:
    """Run the endpoint until Ctrl-C or SIGTERM; every process it started stops with it."""
    listener = _listen(host, port)  # first: a port in use must fail before anything starts
    warning = exposure_warning(host)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    url = f"http://{'[' + host + ']' if ':' in host else host}:{listener.getsockname()[1]}/query"

    async def main() -> None:
        load_store(nt_file, location)
        pool, server = await _start(listener, location, limits, url)
        if pool.mode == "none":
            print(bilingual("警告：本系统不允许网络命名空间，查询进程未与网络隔离（仍由解析器拒绝 SERVICE）",
                            "WARNING: no network namespace on this system: the query workers are not "
                            "cut off from the network (SERVICE is still refused by the parser)"),
                  file=sys.stderr, flush=True)
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stopping.set)
        announce(f"SPARQL 端点 / endpoint: {url}\n"
                 f"示例 / example: curl -H 'Accept: text/csv' --data-urlencode "
                 f"'query=SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }}' {url}\n"
                 f"只读；SERVICE 已禁用；查询超时 {limits.timeout_s:g} 秒；查询进程网络隔离：{pool.mode}。"
                 f"按 Ctrl-C 停止 / read-only, SERVICE disabled, {limits.timeout_s:g} s timeout, "
                 f"workers' network isolation: {pool.mode}. Ctrl-C stops it.")
        try:
            await stopping.wait()
        finally:
            server.close()
            pool.stop()
            announce("已停止 / stopped")

    try:
        _run(main())
    finally:
        listener.close()


@dataclass
class Running:
    """An endpoint serving from a thread of this process (for the app's SPARQL page)."""

    url: str
    loop: asyncio.AbstractEventLoop
    thread: threading.Thread
    stopped: asyncio.Event

    def stop(self) -> None:
        if self.thread.is_alive():
            self.loop.call_soon_threadsafe(self.stopped.set)
            self.thread.join(15)


def start_in_background(nt_file: Path, location: Path, limits: Limits) -> Running:
    """Load the store and serve it on a free loopback port from a daemon thread.

    The zygote is started from that thread, which lives as long as the process:
    PR_SET_PDEATHSIG follows the thread that started a child, not the process.
    """
    import atexit

    load_store(nt_file, location)
    listener = _listen("127.0.0.1", 0)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    ready: dict = {}
    started = threading.Event()

    async def main() -> None:
        stopped = asyncio.Event()
        try:
            pool, server = await _start(listener, location, limits, url)
        except BaseException as exc:
            ready["error"] = exc
            started.set()
            return
        ready.update(loop=asyncio.get_running_loop(), stopped=stopped)
        started.set()
        try:
            await stopped.wait()
        finally:
            server.close()
            pool.stop()
            listener.close()

    thread = threading.Thread(target=_run, args=(main(),), daemon=True, name="sparql-endpoint")
    thread.start()
    started.wait()
    if "error" in ready:
        listener.close()
        raise ready["error"]
    running = Running(url, ready["loop"], thread, ready["stopped"])
    atexit.register(running.stop)
    return running
