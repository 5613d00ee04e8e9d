"""The SPARQL endpoint (kg serve), pushing to a store (kg push) and remote mode, against
real Oxigraph servers on free loopback ports, spoken to with SPARQLWrapper."""

import csv
import io
import json
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import GET, JSON, POST, SELECT, SPARQLWrapper

from helpers import GOLD, ROOT
from kg.endpoint import free_port, oxigraph_binary
from kg.qa import QA
from kg.store import EmbeddedStore, RemoteStore

KG = str(Path(sys.executable).with_name("kg"))
ARTICLES = ("PREFIX eli: <http://data.europa.eu/eli/ontology#> "
            "PREFIX kgst: <https://regkg.example.org/ns/subdivision-type/> "
            "SELECT (COUNT(?a) AS ?n) WHERE { ?a a eli:LegalResourceSubdivision ; "
            "eli:type_subdivision kgst:article }")
TIMEOUT_S = 3


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    out = tmp_path_factory.mktemp("served")
    port = free_port()
    proc = subprocess.Popen([KG, "serve", "--port", str(port), "--out", str(out),
                             "--timeout", str(TIMEOUT_S)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/health")
        yield f"http://127.0.0.1:{port}/query"
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.fixture
def writable(tmp_path):
    """A real, writable Oxigraph server for kg push."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "store"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/query?query=" + urllib.parse.quote("ASK {}"))
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def sparql(url: str, query: str, method=GET):
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.queryType = SELECT
    client.setMethod(method)
    client.setReturnFormat(JSON)
    return client.queryAndConvert()


def post(url: str, data: bytes, ctype: str, accept: str = "*/*"):
    req = urllib.request.Request(url, data=data, headers={"Content-Type": ctype, "Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type"), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type"), exc.read()


def count_articles(url: str) -> int:
    return int(sparql(url, ARTICLES)["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------- reading


@pytest.mark.parametrize("method", [GET, POST])
def test_article_count_via_eli_is_89(endpoint, method):
    doc = sparql(endpoint, ARTICLES, method)
    assert doc["results"]["bindings"][0]["n"]["value"] == "89"


def test_answers_are_identical_embedded_and_remote_for_the_whole_gold_set(endpoint, seed_graph):
    embedded, remote = QA(EmbeddedStore(seed_graph)), QA(RemoteStore(endpoint))
    questions = tomllib.loads((GOLD / "questions.toml").read_text(encoding="utf-8"))
    for q in [q["question"] for q in questions["question"] + questions["unanswerable"]]:
        a, b = embedded.ask(q), remote.ask(q)
        assert a.to_json()["answers"] == b.to_json()["answers"], q
        assert a.message == b.message


def test_structure_and_facts_read_remotely_equal_the_local_ones(endpoint):
    local = subprocess.run([KG, "structure", "--json"], capture_output=True, text=True, cwd=ROOT)
    remote = subprocess.run([KG, "structure", "--json", "--endpoint", endpoint], capture_output=True,
                            text=True, cwd=ROOT)
    assert remote.returncode == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    local = subprocess.run([KG, "facts", "--json"], capture_output=True, text=True, cwd=ROOT)
    remote = subprocess.run([KG, "facts", "--json", "--endpoint", endpoint], capture_output=True,
                            text=True, cwd=ROOT)
    assert json.loads(remote.stdout) == json.loads(local.stdout)


SELECT_3 = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 3"
CONSTRUCT_3 = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 3"


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_select_results_in_each_content_type_parse_back(endpoint, accept):
    status, ctype, body = post(endpoint, urllib.parse.urlencode({"query": SELECT_3}).encode(),
                               "application/x-www-form-urlencoded", accept)
    assert status == 200 and ctype.startswith(accept)
    text = body.decode("utf-8")
    if "json" in accept:
        rows = json.loads(text)["results"]["bindings"]
    elif "xml" in accept:
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        rows = ET.fromstring(text).findall(".//r:result", ns)
    else:
        rows = list(csv.reader(io.StringIO(text), delimiter="\t" if "tab" in accept else ","))[1:]
    assert len(rows) == 3


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld")])
def test_construct_results_in_each_rdf_type_parse_back(endpoint, accept, fmt):
    status, ctype, body = post(endpoint, CONSTRUCT_3.encode(), "application/sparql-query", accept)
    assert status == 200 and ctype.startswith(accept)
    assert len(Graph().parse(data=body.decode("utf-8"), format=fmt)) == 3


# ---------------------------------------------------------------- refusing


UPDATES = ["INSERT DATA { <urn:a> <urn:b> <urn:c> }",
           "DELETE WHERE { ?s ?p ?o }",
           "LOAD <http://127.0.0.1:9/data.ttl>",
           "CLEAR ALL",
           "DROP ALL"]


@pytest.mark.parametrize("update", UPDATES)
@pytest.mark.parametrize("how", ["form-update", "sparql-update", "update-path", "as-query"])
def test_updates_are_refused_and_change_nothing(endpoint, update, how):
    base = endpoint.rsplit("/", 1)[0]
    if how == "form-update":
        status, _, body = post(endpoint, urllib.parse.urlencode({"update": update}).encode(),
                               "application/x-www-form-urlencoded")
    elif how == "sparql-update":
        status, _, body = post(endpoint, update.encode(), "application/sparql-update")
    elif how == "update-path":
        status, _, body = post(base + "/update", update.encode(), "application/sparql-update")
    else:
        status, _, body = post(endpoint, urllib.parse.urlencode({"query": update}).encode(),
                               "application/x-www-form-urlencoded")
    assert status == 403
    assert "read-only" in json.loads(body)["error"]
    assert count_articles(endpoint) == 89


def test_service_calls_never_leave_the_machine(endpoint):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(3)
    port = listener.getsockname()[1]
    received = []

    def accept():
        try:
            conn, _ = listener.accept()
            received.append(conn.recv(100))
        except OSError:
            pass
    thread = threading.Thread(target=accept)
    thread.start()
    for query in [f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                  f"select * where {{ service silent <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ SERVICE# comment\n<http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/x> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}"]:
        status, _, body = post(endpoint, query.encode(), "application/sparql-query")
        assert status == 403 and "SERVICE" in json.loads(body)["error"]
    thread.join()
    listener.close()
    assert received == []


def test_words_inside_strings_and_iris_are_not_refused(endpoint):
    query = ('SELECT ?x WHERE { BIND("SERVICE and DROP ALL" AS ?x) '
             'FILTER(?x != <http://example.org/DELETE>) }')
    status, _, body = post(endpoint, query.encode(), "application/sparql-query",
                           "application/sparql-results+json")
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"] == "SERVICE and DROP ALL"


def test_a_runaway_query_is_stopped_and_the_server_keeps_answering(endpoint):
    runaway = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"
    started = time.monotonic()
    status, _, body = post(endpoint, runaway.encode(), "application/sparql-query")
    elapsed = time.monotonic() - started
    assert status == 503 and "timed out" in json.loads(body)["error"]
    assert elapsed < TIMEOUT_S + 10
    assert count_articles(endpoint) == 89


# ---------------------------------------------------------------- pushing


@pytest.mark.parametrize("options", [[], ["--graph", "https://example.org/graph/regulations"],
                                     ["--gsp", "{base}/store"]])
def test_push_loads_the_graph_and_the_count_is_checked(writable, tmp_path, options):
    built = tmp_path / "built"
    subprocess.run([KG, "build", "--out", str(built)], check=True, cwd=ROOT, capture_output=True)
    triples = len(Graph().parse(built / "graph.nt", format="nt"))
    options = [o.format(base=writable) for o in options]
    out = subprocess.run([KG, "push", "--endpoint", f"{writable}/query", "--graph-dir", str(built),
                          "--replace", "--batch", "1000", *options],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert f"wrote {triples} triples" in out.stdout and f"counts {triples}" in out.stdout
    named = "--graph" in options
    where = "GRAPH <https://example.org/graph/regulations> { ?s ?p ?o }" if named else "?s ?p ?o"
    doc = sparql(f"{writable}/query", f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    assert int(doc["results"]["bindings"][0]["n"]["value"]) == triples
    # pushing again with --replace leaves the same count (no duplicates, nothing stale)
    again = subprocess.run([KG, "push", "--endpoint", f"{writable}/query", "--graph-dir", str(built),
                            "--replace", *options], capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 0 and f"counts {triples}" in again.stdout


def test_pushed_store_answers_like_the_embedded_one(writable, tmp_path, seed_graph):
    built = tmp_path / "built"
    subprocess.run([KG, "build", "--out", str(built)], check=True, cwd=ROOT, capture_output=True)
    subprocess.run([KG, "push", "--endpoint", f"{writable}/query", "--graph-dir", str(built), "--replace"],
                   check=True, cwd=ROOT, capture_output=True)
    q = "使用区长印章须经谁同意？"
    assert QA(RemoteStore(f"{writable}/query")).ask(q).to_json()["answers"] == \
        QA(EmbeddedStore(seed_graph)).ask(q).to_json()["answers"]


# ---------------------------------------------------------------- failing clearly


@pytest.mark.parametrize("command", [["ask", "谁签发规范性文件？"], ["structure"], ["facts"]])
def test_remote_store_down_is_a_clear_error(command):
    url = f"http://127.0.0.1:{free_port()}/query"
    out = subprocess.run([KG, *command, "--endpoint", url], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 2
    assert url in out.stderr and "cannot query the SPARQL endpoint" in out.stderr
    assert "Traceback" not in out.stderr


def test_wrong_url_is_a_clear_error():
    out = subprocess.run([KG, "ask", "谁签发？", "--endpoint", "localhost:7878"], capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 2 and "invalid endpoint URL" in out.stderr and "Traceback" not in out.stderr


def test_app_shows_the_error_when_the_remote_store_is_down(monkeypatch):
    from streamlit.testing.v1 import AppTest
    monkeypatch.setenv("KG_SPARQL_ENDPOINT", f"http://127.0.0.1:{free_port()}/query")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.chat_input[0].set_value("区政府规范性文件由谁签发？").run()
    assert not at.exception
    assert any("cannot query the SPARQL endpoint" in e.value for e in at.error)


def test_app_runs_against_a_remote_endpoint(endpoint, monkeypatch):
    from streamlit.testing.v1 import AppTest
    monkeypatch.setenv("KG_SPARQL_ENDPOINT", endpoint)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.chat_input[0].set_value("区政府规范性文件由谁签发？").run()
    assert not at.exception
    assert any("第六十二条第（二）项" in m.value for m in at.markdown)


@pytest.mark.parametrize("path", sorted((ROOT / "queries" / "examples").glob("*.rq")), ids=lambda p: p.stem)
def test_readme_examples_give_the_same_rows_through_the_endpoint(endpoint, seed_graph, path):
    query = path.read_text(encoding="utf-8")
    embedded = EmbeddedStore(seed_graph).select(query)
    remote = RemoteStore(endpoint).select(query)
    key = lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True, default=str)  # noqa: E731
    assert sorted(map(key, remote)) == sorted(map(key, embedded)) and embedded


def test_readme_python_examples_run_against_the_endpoint(endpoint, capsys, monkeypatch):
    import re
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For other tools", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 2
    for block in blocks:
        exec(block.replace("http://127.0.0.1:7878/query", endpoint), {})
    printed = capsys.readouterr().out
    assert "[('区长', '第六十二条第（二）项')]" in printed
    assert "attends_nonvoting    16" in printed and "member_of             3" in printed


def test_serve_stops_cleanly_on_ctrl_c(tmp_path):
    import signal
    port = free_port()
    proc = subprocess.Popen([KG, "serve", "--port", str(port), "--out", str(tmp_path)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(f"http://127.0.0.1:{port}/health")
    backends = subprocess.run(["pgrep", "-f", f"serve-read-only --location {tmp_path}"],
                              capture_output=True, text=True).stdout.split()
    assert len(backends) == 1
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in err
    assert f"http://127.0.0.1:{port}/query" in out and "stopped" in out
    assert subprocess.run(["pgrep", "-f", f"serve-read-only --location {tmp_path}"],
                          capture_output=True).returncode == 1  # the backend is gone too
