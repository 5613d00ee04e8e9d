"""The query workers seen from the front: their processes, and the lanes that decide who runs.

Scheduling keeps cheap queries answered while hostile ones run. A query is FAST
when it ran quickly before, NEW when never seen, HEAVY when it was slow or killed
before. Of the `workers` normal processes, NEW queries may hold all but one, so a
FAST query always finds one soon, and FAST ones are served first. A query that uses
more than `slow_s` of CPU (its worker's, so a busy machine does not count against it)
moves, niced, to one of `heavy` slots and its worker is replaced; if every slot is
taken it is stopped with 503. HEAVY queries wait for a
slot. While other NEW queries wait, a NEW one may use only `crowded_s` before it moves.
Limits of this policy: a never-seen cheap query can wait behind NEW hostile ones for
up to `crowded_s` of CPU per worker each; everything is per query text, not per client.

>>> Pool(Path("store"), Limits()).limits.workers
3
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import StoreError, bilingual
from kg.sandbox import FRAME, encode

FAST, NEW, HEAVY = "fast", "new", "heavy"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Limits:
    """Every bound of the endpoint; `kg serve` exposes the first ones as options."""

    timeout_s: float = 10
    max_bytes: int = 16_000_000          # one answer
    memory_mb: int = 192                 # data segment of one worker (RLIMIT_DATA)
    workers: int = 3                     # normal worker processes
    heavy: int = 2                       # slots for queries that ran past slow_s
    slow_s: float = 0.25
    crowded_s: float = 0.02              # slow_s for a never-seen query while others wait behind it
    max_connections: int = 512
    idle_s: float = 10                   # a connection that sends no complete request
    max_body: int = 1_000_000
    max_header: int = 65_536
    queue: int = 256                     # queries waiting for a worker
    inflight_bytes: int = 64_000_000     # answers being written to clients, cached ones too
    send_buffer: int = 65_536            # the kernel's share of one connection's answer (SO_SNDBUF)
    cache_bytes: int = 32_000_000        # answers kept for repeats (the store is read-only); 0: none


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
        self.waiting: dict[str, collections.deque[asyncio.Future]] = {
            FAST: collections.deque(), NEW: collections.deque(), HEAVY: collections.deque()}
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
        self.zygote = subprocess.Popen(
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
        control = self.control
        if control is None:
            raise StoreError(bilingual("查询进程未启动", "the query worker factory is not running"))
        async with self.spawn_lock:
            await loop.sock_sendall(control, b"spawn")
            ready: asyncio.Future[None] = loop.create_future()

            def wake() -> None:
                if not ready.done():
                    ready.set_result(None)
            loop.add_reader(control.fileno(), wake)
            try:
                await ready
            finally:
                loop.remove_reader(control.fileno())
            msg, fds, _, _ = socket.recv_fds(control, 64, 2)
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
        assert worker is not None  # only a HEAVY grant is a slot without a worker
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
        limit = self._slow_limit(job)
        if used < limit:
            # a never-seen query is looked at again soon: others may start to queue behind it
            wait = limit - used if job["was"] != NEW else min(limit - used, self.limits.crowded_s)
            job["timer"] = asyncio.get_running_loop().call_later(max(0.02, wait), self._slow, worker, job)
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

    def _slow_limit(self, job: dict) -> float:
        """CPU a normal-lane query may use before it moves to a heavy slot: less for a never-seen
        one while other never-seen queries wait, so a stream of new costly texts cannot keep a new
        cheap one waiting for long (each of them holds a worker for crowded_s, not slow_s)."""
        if job["was"] == NEW and self.waiting[NEW]:
            return min(self.limits.slow_s, self.limits.crowded_s)
        return self.limits.slow_s

    # -- one query

    async def run(self, query: str, request: dict) -> tuple[int, str, bytes]:
        """(status, content type, body) for one query, by the lanes above."""
        key = hashlib.sha256(query.encode()).hexdigest()
        verdict = self.verdicts.get(key)
        if verdict and verdict["refusal"]:
            return verdict["status"], "", verdict["refusal"].encode()
        lane = HEAVY if self.heavy_queries.get(key) else FAST if verdict else NEW
        worker = await self._acquire(lane)
        job: dict[str, Any] = {"lane": lane, "was": lane, "slot": lane == HEAVY, "timer": None}
        loop = asyncio.get_running_loop()
        deadline = loop.call_later(self.limits.timeout_s, worker.kill, "timeout")
        if lane != HEAVY:   # a never-seen query is looked at sooner, in case others queue behind it
            first = min(self.limits.slow_s, self.limits.crowded_s) if lane == NEW else self.limits.slow_s
            job["timer"] = loop.call_later(first, self._slow, worker, job)
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
            # a worker that died on its own hit the memory cap, or the engine failed on the query
            # (10,000 nested parentheses overflow its stack at 30 MB)
            "memory": bilingual(
                f"查询所需内存超过上限（{limits.memory_mb} MB）或使查询引擎出错（如嵌套过深），已终止",
                f"query needed more than {limits.memory_mb} MB or made the engine fail (nested too deeply?) "
                f"and was stopped"),
        }[why]
        return 503, "", message.encode()
