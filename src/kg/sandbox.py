"""Query workers for the public endpoint: killable processes without a network.

    front (kg.endpoint) --control socket--> zygote --fork--> worker, worker, …

The zygote is started once by the front. Before it imports anything big it moves
into a fresh network namespace (a user namespace too where that is what the OS
asks for), so it and every worker forked from it have only their own loopback,
which is down: a SERVICE the checker missed still cannot reach any host. It then
imports pyoxigraph and rdflib's SPARQL parser once, and forks workers on request
(a few ms each, so a worker killed over a runaway query is replaced at once).
Each worker opens the store read-only, caps its own memory (RLIMIT_DATA: a query
over the cap aborts that worker alone) and answers one framed request at a time
on a socket pair; it has no port anyone could connect to. Both die with their
parent (PR_SET_PDEATHSIG), so nothing outlives `kg serve`.

>>> decode(encode({"status": 200}, b"{}"))
({'status': 200}, b'{}')
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import struct
import sys
import time

FRAME = struct.Struct("!IQ")  # header length, body length
CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
PR_SET_PDEATHSIG = 1

RESULT_TYPES = [("application/sparql-results+json", "JSON"), ("application/sparql-results+xml", "XML"),
                ("text/csv", "CSV"), ("text/tab-separated-values", "TSV"),
                ("application/json", "JSON"), ("application/xml", "XML"), ("text/plain", "CSV")]
GRAPH_TYPES = [("application/n-triples", "N_TRIPLES"), ("text/turtle", "TURTLE"),
               ("application/ld+json", "JSON_LD"), ("application/rdf+xml", "RDF_XML"),
               ("application/x-turtle", "TURTLE"), ("text/plain", "N_TRIPLES"),
               ("application/json", "JSON_LD"), ("application/xml", "RDF_XML")]
CHARSET = ("text/csv", "text/tab-separated-values")


def encode(header: dict, body: bytes = b"") -> bytes:
    raw = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return FRAME.pack(len(raw), len(body)) + raw + body


def decode(frame: bytes) -> tuple[dict, bytes]:
    n, m = FRAME.unpack_from(frame)
    return json.loads(frame[FRAME.size:FRAME.size + n]), frame[FRAME.size + n:FRAME.size + n + m]


def negotiate(accept: str, form: str) -> tuple[str, str] | None:
    """(media type, format name) for an Accept header and a query form, None if nothing fits.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "SELECT")
    ('application/sparql-results+xml', 'XML')
    >>> negotiate("*/*", "CONSTRUCT"), negotiate("text/html", "ASK")
    (('application/n-triples', 'N_TRIPLES'), None)
    """
    offers = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    ranges = []
    for part in (accept or "*/*").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media.lower(), q))
    best, best_q = None, 0.0
    for media, name in offers:
        kind = media.split("/")[0]
        matches = [(3 if r == media else 2 if r == f"{kind}/*" else 1, q)
                   for r, q in ranges if r in (media, f"{kind}/*", "*/*")]
        if matches:
            q = max(matches)[1]
            if q > best_q:
                best, best_q = (media, name), q
    return best


class _Capped:
    """A write target that refuses to grow past `cap` bytes (pyoxigraph serialises into it)."""

    def __init__(self, cap: int):
        self.parts: list[bytes] = []
        self.size, self.cap = 0, cap

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise OverflowError("result too large")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def answer(store, request: dict, query: str) -> tuple[dict, bytes]:
    """Screen (unless the front already knows the verdict), run and serialise one query."""
    import pyoxigraph as ox

    from kg.sparql_check import check, screen, unescape

    reply: dict = {"verdict": None}
    if request.get("checked"):
        canonical = unescape(query)
    else:
        verdict = screen(query)
        reply["verdict"] = {"refusal": verdict.refusal, "status": verdict.status}
        if verdict.refusal:
            return {**reply, "status": verdict.status, "error": verdict.refusal}, b""
        canonical = verdict.canonical
    dataset = {}
    if request.get("default") or request.get("named"):
        try:
            dataset = {"default_graph": [ox.NamedNode(i) for i in request.get("default") or []],
                       "named_graphs": [ox.NamedNode(i) for i in request.get("named") or []]}
        except ValueError as exc:
            return {**reply, "status": 400, "error": f"数据集 IRI 无效 / invalid dataset IRI: {exc}"}, b""
    try:
        results = store.query(canonical, **dataset)
    except SyntaxError as exc:
        verdict = check(query)  # an update, or a plain syntax error: the parser says which
        error = verdict.refusal if verdict.status == 403 else f"查询无效 / invalid query: {exc}"
        reply["verdict"] = {"refusal": error, "status": verdict.status if verdict.refusal else 400}
        return {**reply, "status": reply["verdict"]["status"], "error": error}, b""
    except Exception as exc:
        return {**reply, "status": 500, "error": f"查询失败 / the query failed: {exc}"}, b""
    graph = isinstance(results, ox.QueryTriples)
    chosen = negotiate(request.get("accept", ""), "CONSTRUCT" if graph else "SELECT")
    if chosen is None:
        return {**reply, "status": 406, "error": "没有可提供的结果格式 / no result format matches the "
                                                   "Accept header"}, b""
    media, fmt = chosen
    out = _Capped(request["max_bytes"])
    try:
        results.serialize(out, format=getattr(ox.RdfFormat if graph else ox.QueryResultsFormat, fmt))
    except OverflowError:
        cap = request["max_bytes"] // 1_000_000
        return {**reply, "status": 413, "error": f"结果过大（上限 {cap} MB），请加 LIMIT / result too "
                                                   f"large (limit {cap} MB): add a LIMIT"}, b""
    except Exception as exc:
        return {**reply, "status": 500, "error": f"查询失败 / the query failed: {exc}"}, b""
    ctype = media + ("; charset=utf-8" if media in CHARSET else "")
    return {**reply, "status": 200, "ctype": ctype}, b"".join(out.parts)


def _read_exactly(rfile, n: int) -> bytes:
    data = rfile.read(n)
    if len(data) != n:
        raise EOFError
    return data


def _serve(sock: socket.socket, store_path: str) -> None:
    """A worker: one request at a time until the front closes the socket."""
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    rfile = sock.makefile("rb")
    while True:
        try:
            n, m = FRAME.unpack(_read_exactly(rfile, FRAME.size))
            request = json.loads(_read_exactly(rfile, n))
            query = _read_exactly(rfile, m).decode("utf-8")
        except EOFError:
            return
        header, body = answer(store, request, query)
        header["cpu"] = time.process_time()  # the front learns what each query cost
        sock.sendall(encode(header, body))


def _isolate() -> str:
    """Leave the host's network; returns the mode for the log ('user+net', 'net' or 'none')."""
    libc = ctypes.CDLL(None, use_errno=True)
    for flags, mode in ((CLONE_NEWUSER | CLONE_NEWNET, "user+net"), (CLONE_NEWNET, "net")):
        if libc.unshare(flags) == 0:
            return mode
    return "none"


def _die_with_parent() -> None:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _spawn(control: socket.socket, store_path: str, memory_bytes: int) -> None:
    import resource

    ours, theirs = socket.socketpair()
    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGCHLD])  # no reaping before pidfd_open
    # The worker is capped from its first instant: it inherits a lowered soft limit, which only
    # the zygote (allocating nothing meanwhile) carries between the fork and the restore.
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    capped = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (capped, hard))
    pid = os.fork()
    if pid != 0:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))
    if pid == 0:
        control.close()
        ours.close()
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGCHLD])
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        try:
            _die_with_parent()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)  # an aborting query prints to stderr; not on the user's terminal
            resource.setrlimit(resource.RLIMIT_DATA, (memory_bytes, memory_bytes))
            _serve(theirs, store_path)
        finally:
            os._exit(0)
    pidfd = os.pidfd_open(pid)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGCHLD])
    theirs.close()
    socket.send_fds(control, [str(pid).encode()], [ours.fileno(), pidfd])
    ours.close()
    os.close(pidfd)


def _reap(*_) -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def zygote(control_fd: int, store_path: str, memory_bytes: int) -> None:
    """Isolate, preload, then fork a worker for each b"spawn" until the front goes away."""
    control = socket.socket(fileno=control_fd)
    parent = os.getppid()
    mode = _isolate()
    _die_with_parent()
    if os.getppid() != parent:  # the front died before we asked to die with it
        return
    try:
        import pyoxigraph as ox
        from rdflib.plugins.sparql import parser

        parser.parseQuery("ASK {}")  # build the grammar once, before forking
        ox.Store.read_only(store_path)  # fail here, with a message, not in every worker
    except Exception as exc:
        control.sendall(f"error {exc}".encode())
        return
    signal.signal(signal.SIGCHLD, _reap)
    control.sendall(f"ready {mode}".encode())
    while True:
        command = control.recv(5, socket.MSG_WAITALL)
        if command != b"spawn":
            return
        _spawn(control, store_path, memory_bytes)


if __name__ == "__main__":
    zygote(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
