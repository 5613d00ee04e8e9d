"""Real third-party SPARQL stores for the tests, from Debian's packages, on free loopback ports.

    Virtuoso   virtuoso-t (virtuoso-opensource-7-bin) with a fresh database in a temporary
               folder: /sparql reads, /sparql-auth takes updates with Digest auth (user dba)
    Jena       Apache Jena ARQ (libapache-jena-java 4.5) behind tests/stores/JenaServer.java,
               compiled by javac into a temporary folder: Debian has no Fuseki
    Oxigraph   `oxigraph serve` (PyPI), writable

Each is a context manager that stops its process; conftest.py keeps one of each per session.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import ROOT
from kg.endpoint import free_port, oxigraph_binary

JAVA_DIR = Path("/usr/share/java")
# Jena ARQ and what it loads at start-up, as Debian names the jars.
JENA_JARS = ["jena-base", "jena-core", "jena-iri", "jena-arq", "commons-lang3", "commons-io",
             "commons-codec", "commons-compress", "commons-csv", "dexx.collection", "gson", "guava",
             "thrift", "protobuf", "jackson-core", "jackson-databind", "jackson-annotations",
             "jsonld-java", "httpclient", "httpcore", "titanium-json-ld", "jakarta.json-api",
             "slf4j-api", "slf4j-nop"]
XERCES_BUNDLES = "org/apache/jena/ext/xerces/"


@dataclass(frozen=True)
class Server:
    """Where a running store answers; update and gsp carry the writer's credentials, if any."""

    name: str
    query: str
    update: str
    gsp: str | None = None
    user: str | None = None
    password: str | None = None


def _need(binary: str, package: str) -> str:
    found = shutil.which(binary)
    if not found:
        pytest.fail(f"{binary} not found: install the Debian package {package} (.ci/run does)")
    return found


def _wait(url: str, proc: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{url} exited with {proc.returncode}: {tail}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up: {log.read_text(errors='replace')[-2000:]}")


@contextmanager
def _running(command: list[str], health: str, work: Path):
    log = work / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=work, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait(health, proc, log)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {work}/virtuoso.db
ErrorLogFile = {work}/virtuoso.log
LockFile = {work}/virtuoso.lck
TransactionFile = {work}/virtuoso.trx
xa_persistent_file = {work}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {work}/virtuoso-temp.db
TransactionFile = {work}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {work}
ServerThreads = 5
MaxClientConnections = 5

[SPARQL]
; Low on purpose (Debian's sample says 10000): a store that cuts answers short must give
; an error, not a short answer, and the seed graph has 7,848 triples.
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 60
"""


@contextmanager
def virtuoso(work: Path, max_rows: int = 5000):
    """Virtuoso with a new database; the dba password is Virtuoso's initial one."""
    binary = _need("virtuoso-t", "virtuoso-opensource-7-bin")
    sql_port, http_port = free_port(), free_port()
    ini = work / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(work=work, sql_port=sql_port, http_port=http_port,
                                       max_rows=max_rows), encoding="utf-8")
    base = f"http://127.0.0.1:{http_port}"
    health = f"{base}/sparql?query=" + urllib.parse.quote("ASK {}")
    with _running([binary, "+configfile", str(ini), "+foreground"], health, work):
        yield Server("virtuoso", f"{base}/sparql", f"{base}/sparql-auth",
                     f"{base}/sparql-graph-crud-auth", "dba", "dba")


def jena_classes(work: Path) -> str:
    """Compile JenaServer.java; the classpath to run it with.

    Debian's jena-core 4.5 relocates xerces to package `xerces.*` but ships its message
    bundles under org/apache/jena/ext/xerces/, where the relocated classes do not look:
    XSDDatatype then fails to initialise ("internal error"). A copy of the bundles under
    xerces/ on the classpath is the workaround.
    """
    _need("javac", "default-jdk-headless")
    jars = [JAVA_DIR / f"{name}.jar" for name in JENA_JARS]
    missing = [j.name for j in jars if not j.exists()]
    if missing:
        pytest.fail(f"missing {missing}: install the Debian package libapache-jena-java (.ci/run does)")
    classes = work / "classes"
    classes.mkdir(exist_ok=True)
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(XERCES_BUNDLES) and not name.endswith("/"):
                target = classes / "xerces" / name[len(XERCES_BUNDLES):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    classpath = ":".join([str(classes), *map(str, jars)])
    subprocess.run(["javac", "-nowarn", "-cp", classpath, "-d", str(classes),
                    str(ROOT / "tests" / "stores" / "JenaServer.java")], check=True,
                   capture_output=True, timeout=300)
    return classpath


@contextmanager
def jena(work: Path, classpath: str, user: str | None = None, password: str | None = None,
         max_body: int | None = None, max_rows: int | None = None):
    """JenaServer on an in-memory dataset; writes need Basic auth when a user is given."""
    port = free_port()
    command = ["java", "-Xmx512m", "-cp", classpath, "JenaServer", str(port)]
    if user:
        command += ["--user", user, "--password", password or ""]
    if max_body:
        command += ["--max-body", str(max_body)]
    if max_rows:
        command += ["--max-rows", str(max_rows)]
    base = f"http://127.0.0.1:{port}"
    with _running(command, f"{base}/$/ping", work):
        yield Server("jena", f"{base}/ds/query", f"{base}/ds/update", f"{base}/ds/data", user, password)


@contextmanager
def oxigraph(work: Path):
    """A writable `oxigraph serve` (no authentication)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    health = f"{base}/query?query=" + urllib.parse.quote("ASK {}")
    with _running([oxigraph_binary(), "serve", "--location", str(work / "store"),
                   "--bind", f"127.0.0.1:{port}"], health, work):
        yield Server("oxigraph", f"{base}/query", f"{base}/update", f"{base}/store")


def with_credentials(url: str, server: Server) -> str:
    """url with the server's user and password in it (http://user:pw@host/…)."""
    if not server.user:
        return url
    scheme, rest = url.split("://", 1)
    user, password = (urllib.parse.quote(x, safe="") for x in (server.user, server.password or ""))
    return f"{scheme}://{user}:{password}@{rest}"
