"""The public, read-only SPARQL 1.1 Protocol endpoint behind `kg serve` and the SPARQL page.

    client --HTTP--> front (asyncio + llhttp, this module) --socket pairs--> workers (kg.sandbox)

The front is one asyncio process: a connection costs a file descriptor, not a thread;
headers, bodies and idle connections are bounded while they are read (see
Connection), and past `max_connections` new connections are closed at once. Each query goes to a worker process that has no network
(kg.sandbox) after a real SPARQL parser has found no update and no SERVICE in it
(kg.sparql_check; the verdict is cached by the query's digest). A query over the
time limit gets its worker killed and replaced, never retried; a query over the
memory cap aborts its own worker; an answer over `max_bytes` is refused.

Scheduling keeps cheap queries answered while hostile ones run. A query is FAST
when it ran quickly before, NEW when never seen, HEAVY when it was slow or killed
before. Of the `workers` normal processes, NEW queries may hold all but one, so a
FAST query always finds one soon, and FAST ones are served first. A query that runs
longer than `slow_s` moves (niced) to one of `heavy` slots and its worker is
replaced; if every slot is taken it is stopped with 503. HEAVY queries wait for a
slot. Limits of this policy: a never-seen cheap query can wait behind NEW hostile
ones for up to `slow_s` per worker; everything is per query text, not per client.

>>> Limits().timeout_s
10
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import json
import os
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
from kg.sandbox import FRAME, encode
from kg.sparql_check import UPDATE_REFUSED, query_form, refusal  # noqa: F401 - the app's page uses them

FAST, NEW, HEAVY = "fast", "new", "heavy"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Limits:
    """Every bound of the endpoint; `kg serve` exposes the first ones as options."""

    timeout_s: float = 10
    max_bytes: int = 16_000_000          # one answer
    memory_mb: int = 192                 # data segment of one worker (RLIMIT_DATA)
    workers: int = 3                     # normal worker processes
    heavy: int = 2                       # slots for queries that ran past slow_s
    slow_s: float = 0.25
    max_connections: int = 512
    idle_s: float = 10                   # a connection that sends no complete request
    max_body: int = 1_000_000
    max_header: int = 65_536
    queue: int = 256                     # queries waiting for a worker
    inflight_bytes: int = 64_000_000     # answers being written to clients


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


class Busy(Exception):
    """No worker could take the query in time (HTTP 503)."""


@dataclass
class Worker:
    pid: int
    pidfd: int
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    niced: bool = False
    killed: str = ""
    cpu: float = 0.0      # its CPU seconds when it last answered

    def cpu_now(self) -> float:
        """CPU seconds used so far (all threads), from /proc: what a query costs, not load."""
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            return self.cpu
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def kill(self, why: str) -> None:
        if not self.killed:
            self.killed = why
            try:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def close(self) -> None:
        self.writer.close()
        os.close(self.pidfd)


class _Recent:
    """A bounded map from query digest to what we learnt about that query."""

    def __init__(self, size: int = 4096):
        self.items: collections.OrderedDict[str, object] = collections.OrderedDict()
        self.size = size

    def get(self, key: str):
        value = self.items.get(key)
        if value is not None:
            self.items.move_to_end(key)
        return value

    def put(self, key: str, value) -> None:
        self.items[key] = value
        self.items.move_to_end(key)
        if len(self.items) > self.size:
            self.items.popitem(last=False)

    def drop(self, key: str) -> None:
        self.items.pop(key, None)


class Pool:
    """The zygote, its workers, and the lanes that decide who runs next."""

    def __init__(self, location: Path, limits: Limits):
        self.location, self.limits = location, limits
        self.idle: list[Worker] = []
        self.idle_heavy: list[Worker] = []
        self.normal = 0               # workers at normal priority, idle or busy
        self.new_running = 0
        self.slow_running = 0
        self.waiting = {FAST: collections.deque(), NEW: collections.deque(), HEAVY: collections.deque()}
        self.verdicts, self.heavy_queries = _Recent(), _Recent()
        self.inflight = 0
        self.mode = ""
        self.zygote: subprocess.Popen | None = None
        self.control: socket.socket | None = None
        self.spawn_lock = asyncio.Lock()
        self.background: set[asyncio.Task] = set()

    # -- processes

    async def start(self) -> None:
        ours, theirs = socket.socketpair()
        env = {**os.environ, "MALLOC_ARENA_MAX": "2"}  # glibc's per-thread arenas count as data
        self.zygote = subprocess.Popen(  # noqa: ASYNC220 - returns at once; the wait is awaited below
            [sys.executable, "-m", "kg.sandbox", str(theirs.fileno()), str(self.location),
             str(self.limits.memory_mb * 1024 * 1024)],
            pass_fds=[theirs.fileno()], env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        theirs.close()
        ours.setblocking(False)
        self.control = ours
        loop = asyncio.get_running_loop()
        hello = await asyncio.wait_for(loop.sock_recv(ours, 4096), 120)
        kind, _, detail = hello.decode("utf-8", "replace").partition(" ")
        if kind != "ready":
            self.stop()
            raise StoreError(bilingual("查询进程无法打开图谱存储", f"the query workers cannot open the "
                                                           f"store {self.location}: {detail or 'exited'}"))
        self.mode = detail
        for _ in range(self.limits.workers):
            self.idle.append(await self._spawn())
            self.normal += 1

    async def _spawn(self) -> Worker:
        loop = asyncio.get_running_loop()
        async with self.spawn_lock:
            await loop.sock_sendall(self.control, b"spawn")
            ready = loop.create_future()
            loop.add_reader(self.control.fileno(), lambda: ready.done() or ready.set_result(None))
            try:
                await ready
            finally:
                loop.remove_reader(self.control.fileno())
            msg, fds, _, _ = socket.recv_fds(self.control, 64, 2)
        if len(fds) != 2:
            raise StoreError(bilingual("查询进程已退出", "the query worker factory has exited"))
        reader, writer = await asyncio.open_unix_connection(sock=socket.socket(fileno=fds[0]),
                                                            limit=1 << 20)
        return Worker(int(msg), fds[1], reader, writer)

    def stop(self) -> None:
        for worker in self.idle + self.idle_heavy:
            worker.close()
        if self.control:
            self.control.close()  # the zygote exits on EOF; workers die with it (PDEATHSIG)
        if self.zygote:
            try:
                self.zygote.wait(5)
            except subprocess.TimeoutExpired:
                self.zygote.kill()
                self.zygote.wait()

    def _later(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    async def _replace(self) -> None:
        """Bring the normal workers back to their number after one left."""
        try:
            worker = await self._spawn()
        except (OSError, StoreError):
            return  # shutting down
        self.normal += 1
        self._release_normal(worker)

    # -- lanes

    def _max_new(self) -> int:
        return max(1, self.limits.workers - 1)

    def _release_normal(self, worker: Worker) -> None:
        """A normal worker is free: FAST waiters first, then NEW ones while they may."""
        for lane in (FAST, NEW):
            queue = self.waiting[lane]
            while queue and (lane == FAST or self.new_running < self._max_new()):
                waiter = queue.popleft()
                if not waiter.done():
                    if lane == NEW:
                        self.new_running += 1
                    waiter.set_result(worker)
                    return
        self.idle.append(worker)

    def _release_slot(self) -> None:
        self.slow_running -= 1
        queue = self.waiting[HEAVY]
        while queue:
            waiter = queue.popleft()
            if not waiter.done():
                self.slow_running += 1
                waiter.set_result(None)
                return

    async def _acquire(self, lane: str) -> Worker:
        limits = self.limits
        if lane == HEAVY:
            if self.slow_running < limits.heavy:
                self.slow_running += 1
            else:
                await self._wait(HEAVY, limits.heavy * 2)
            try:
                worker = self.idle_heavy.pop() if self.idle_heavy else await self._spawn()
            except BaseException:
                self._release_slot()
                raise
            self._nice(worker)
            return worker
        if self.idle and (lane == FAST or self.new_running < self._max_new()):
            if lane == NEW:
                self.new_running += 1
            return self.idle.pop()
        return await self._wait(lane, limits.queue)

    async def _wait(self, lane: str, bound: int):
        if sum(map(len, self.waiting.values())) >= self.limits.queue or len(self.waiting[lane]) >= bound:
            raise Busy
        waiter = asyncio.get_running_loop().create_future()
        self.waiting[lane].append(waiter)
        try:
            return await asyncio.wait_for(asyncio.shield(waiter), self.limits.timeout_s)
        except TimeoutError:
            if waiter.done():  # granted just as time ran out: give it back
                self._give_back(lane, waiter.result())
            else:
                waiter.cancel()
            raise Busy from None

    def _give_back(self, lane: str, worker: Worker | None) -> None:
        if lane == HEAVY:
            self._release_slot()
            return
        if lane == NEW:
            self.new_running -= 1
        self._release_normal(worker)

    @staticmethod
    def _nice(worker: Worker) -> None:
        if not worker.niced:
            worker.niced = True
            try:
                os.setpriority(os.PRIO_PROCESS, worker.pid, 10)
            except OSError:
                pass

    def _slow(self, worker: Worker, job: dict) -> None:
        """A normal-lane query used slow_s of CPU: give it a heavy slot, or stop it.

        Wall time would also count waiting for a core under load; that is not the
        query's fault, so the worker's own CPU time decides.
        """
        used = worker.cpu_now() - worker.cpu
        if used < self.limits.slow_s:
            job["timer"] = asyncio.get_running_loop().call_later(
                max(0.02, self.limits.slow_s - used), self._slow, worker, job)
            return
        if self.slow_running >= self.limits.heavy:
            worker.kill("busy")
            return
        self.slow_running += 1
        job["lane"], job["slot"] = HEAVY, True
        if job["was"] == NEW:
            self.new_running -= 1
        self._nice(worker)
        self.normal -= 1
        self._later(self._replace())

    # -- one query

    async def run(self, query: str, request: dict) -> tuple[int, str, bytes]:
        """(status, content type, body) for one query, by the lanes above."""
        key = hashlib.sha256(query.encode()).hexdigest()
        verdict = self.verdicts.get(key)
        if verdict and verdict["refusal"]:
            return verdict["status"], "", verdict["refusal"].encode()
        lane = HEAVY if self.heavy_queries.get(key) else FAST if verdict else NEW
        worker = await self._acquire(lane)
        job = {"lane": lane, "was": lane, "slot": lane == HEAVY, "timer": None}
        loop = asyncio.get_running_loop()
        deadline = loop.call_later(self.limits.timeout_s, worker.kill, "timeout")
        if lane != HEAVY:
            job["timer"] = loop.call_later(self.limits.slow_s, self._slow, worker, job)
        try:
            worker.writer.write(encode({**request, "checked": verdict is not None}, query.encode()))
            await worker.writer.drain()
            n, m = FRAME.unpack(await worker.reader.readexactly(FRAME.size))
            header = json.loads(await worker.reader.readexactly(n))
            if m + self.inflight > self.limits.inflight_bytes:
                worker.kill("busy")
                raise ConnectionResetError
            body = await worker.reader.readexactly(m)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            header, body = None, b""
        finally:
            deadline.cancel()
            if job["timer"]:
                job["timer"].cancel()
        self._finish(worker, job, header is not None and not worker.killed)
        if header is None:
            self.heavy_queries.put(key, True)
            return self._stopped(worker.killed)
        used, worker.cpu = header["cpu"] - worker.cpu, header["cpu"]
        if header.get("verdict"):
            self.verdicts.put(key, header["verdict"])
        if used > self.limits.slow_s:
            self.heavy_queries.put(key, True)
        elif lane == HEAVY:
            self.heavy_queries.drop(key)
        if header["status"] != 200:
            return header["status"], "", header["error"].encode()
        return 200, header["ctype"], body

    def _finish(self, worker: Worker, job: dict, alive: bool) -> None:
        lane = job["lane"]
        if lane == NEW:
            self.new_running -= 1
        if job["slot"]:
            self._release_slot()
        if not alive:
            worker.kill("memory")  # it died on its own: the memory cap
            worker.close()
            if not worker.niced:
                self.normal -= 1
                self._later(self._replace())
            return
        if worker.niced:
            if len(self.idle_heavy) < self.limits.heavy:
                self.idle_heavy.append(worker)
            else:
                worker.close()  # it exits on EOF
        else:
            self._release_normal(worker)

    def _stopped(self, why: str) -> tuple[int, str, bytes]:
        limits = self.limits
        message = {
            "timeout": bilingual(f"查询超时（{limits.timeout_s:g} 秒）已终止",
                                 f"query timed out after {limits.timeout_s:g} s and was stopped"),
            "busy": bilingual("服务器正忙于其他慢查询，请稍后再试",
                              "the server is busy with other slow queries; try again later"),
            "memory": bilingual(f"查询所需内存超过上限（{limits.memory_mb} MB）已终止",
                                f"query needed more than {limits.memory_mb} MB and was stopped"),
        }[why]
        return 503, "", message.encode()


class Front:
    """The HTTP side: SPARQL 1.1 Protocol routing on top of a Pool."""

    def __init__(self, pool: Pool, limits: Limits, url: str):
        self.pool, self.limits, self.url = pool, limits, url

    async def respond(self, method: str, target: str, headers, body: bytes) -> tuple[int, str, bytes]:
        url = urllib.parse.urlsplit(target)
        path = url.path.rstrip("/") or "/"
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
            return 405, "", "只支持 GET 和 POST / only GET and POST".encode()
        try:
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True, errors="strict")
            if method == "POST" and ctype == "application/sparql-query":
                params["query"] = [body.decode("utf-8")]
            elif method == "POST":
                params.update(urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True,
                                                    errors="strict"))
        except UnicodeDecodeError:
            return 400, "", "请求不是 UTF-8 / the request is not UTF-8".encode()
        if "update" in params:
            return 403, "", UPDATE_REFUSED.encode()
        query = (params.get("query") or [""])[0]
        if not query.strip():
            return 400, "", "缺少 query 参数 / missing query parameter".encode()
        request = {"accept": headers.get("accept") or "*/*", "max_bytes": self.limits.max_bytes,
                   "default": params.get("default-graph-uri", []),
                   "named": params.get("named-graph-uri", [])}
        try:
            return await self.pool.run(query, request)
        except Busy:
            return self.pool._stopped("busy")

    def _help(self) -> str:
        return (f"规章知识图谱 SPARQL 端点 / regulation knowledge graph SPARQL endpoint\n\n"
                f"Query: {self.url}  (GET ?query= or POST, SPARQL 1.1 Protocol)\n"
                f"Read-only; SERVICE is disabled; queries stop after {self.limits.timeout_s:g} s.\n\n"
                f"curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT (COUNT(*) AS ?n) "
                f"WHERE {{ ?s ?p ?o }}' {self.url}\n")


REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 406: "Not Acceptable", 413: "Payload Too Large",
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
        transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
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
        self.url, self.headers, self.body, self.body_size = b"", {}, [], 0
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
        length = self.headers.get("content-length")
        if length and int(length) > self.limits.max_body:  # llhttp has checked it is digits
            self._refuse(413, f"请求体过大（上限 {self.limits.max_body} 字节）/ request body too large "
                              f"(limit {self.limits.max_body} bytes)")
        if self.headers.get("expect", "").lower() == "100-continue":
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
            except Exception as exc:  # noqa: BLE001 - a bug must not hang the connection
                status, ctype, data = 500, "", f"internal error: {exc!r}".encode()
            await self._send(status, ctype, data, keep)
            if not keep and self.transport:
                self.transport.close()
        self.busy = False
        if self.transport and not self.failed:
            self._arm()
            self.transport.resume_reading()

    async def _send(self, status: int, ctype: str, data: bytes, keep: bool = True) -> None:
        if self.transport is None:
            return
        if status != 200 and not ctype:
            data = json.dumps({"error": data.decode("utf-8")}, ensure_ascii=False).encode()
            ctype = "application/json; charset=utf-8"
        head = (f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(data)}\r\n" + ("Retry-After: 1\r\n" if status == 503 else "")
                + ("" if keep else "Connection: close\r\n") + "\r\n")
        pool = self.front.pool
        pool.inflight += len(data)
        try:
            self.transport.write(head.encode("latin-1") + data)
            if self.transport and self.transport.get_write_buffer_size():
                self.drained = asyncio.get_running_loop().create_future()
                try:  # a client that does not read its answer is dropped after idle_s
                    await asyncio.wait_for(self.drained, self.limits.idle_s)
                except TimeoutError:
                    self.transport and self.transport.abort()
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
    front, connections = Front(pool, limits, url), set()
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
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
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
