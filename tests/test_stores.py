"""Third-party SPARQL stores as first-class targets. The same answers from Oxigraph, Virtuoso
and Jena (real servers from Debian and PyPI, started by store_servers.py), and `kg push`
that fails safely and says so."""

import json
import socket
import threading
import tomllib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from helpers import GOLD, ROOT
from helpers import kg as run_kg
from kg.errors import StoreError
from kg.ns import KG as KG_NS
from kg.ns import RDF
from kg.push import push
from kg.qa import QA
from kg.query import run
from kg.sparql_http import Client, target
from kg.store import EmbeddedStore, RemoteStore, open_store
from store_servers import with_credentials

GRAPH = "https://example.org/graph/regkg"
STORES = ["oxigraph_store", "virtuoso", "jena"]
EXAMPLES = sorted((ROOT / "queries" / "examples").glob("*.rq"))
QUESTIONS = tomllib.loads((GOLD / "questions.toml").read_text(encoding="utf-8"))


def _seed_triples() -> int:
    """How many triples the seed graph has (the count every store must give back)."""
    from helpers import SEED
    from kg.corpus import load
    from kg.graph import build_graph
    return len(build_graph([load(SEED)]))


SEED_TRIPLES = _seed_triples()


def kg(*args, env=None):
    return run_kg(*args, cwd=ROOT, env=env)


def update(server, operation: str) -> None:
    url = with_credentials(server.update, server)
    Client(target(url)).send("POST", target(url).url, operation.encode(), "application/sparql-update")


def triples_in(server, graph: str | None = None) -> int:
    return RemoteStore(server.query).count(f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o")


def temporary_graphs(server) -> int:
    return RemoteStore(server.query).count(
        'GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:uuid:"))')


@pytest.fixture(scope="module")
def loaded(built, oxigraph_store, virtuoso, jena):
    """Every store holding the seed graph in the named graph GRAPH, put there by kg push."""
    for server in (oxigraph_store, virtuoso, jena):
        push(built / "graph.nt", server.query, graph=GRAPH, replace=True, batch=2000,
             update=with_credentials(server.update, server))
    return {"oxigraph_store": oxigraph_store, "virtuoso": virtuoso, "jena": jena}


@pytest.fixture(params=STORES)
def server(request, loaded):
    return loaded[request.param]


@pytest.fixture(scope="module")
def local_json():
    return {command: json.loads(kg(command, "--json").stdout) for command in ("structure", "facts")}


# ---------------------------------------------------------------- the same answers everywhere


@pytest.mark.slow
def test_gold_questions_get_the_embedded_answers_on_every_store(server, seed_graph):
    embedded, remote = QA(EmbeddedStore(seed_graph)), QA(RemoteStore(server.query, graph=GRAPH))
    questions = [q["question"] for q in QUESTIONS["question"] + QUESTIONS["unanswerable"]]
    assert len(questions) >= 76
    for q in questions:
        a, b = embedded.ask(q), remote.ask(q)
        assert b.to_json()["answers"] == a.to_json()["answers"], (server.name, q)
        assert b.message == a.message, (server.name, q)
    r = remote.ask("区政府规范性文件由谁签发？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区长", "第六十二条第（二）项")]


@pytest.mark.slow
def test_structure_and_facts_json_are_identical_on_every_store(server, local_json):
    for command in ("structure", "facts"):
        out = kg(command, "--json", "--endpoint", server.query, "--graph", GRAPH)
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout) == local_json[command], (server.name, command)
    assert len(local_json["facts"]) > 150  # every norm of the seed


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_readme_example_queries_give_the_same_rows_on_every_store(server, seed_graph, path):
    query = path.read_text(encoding="utf-8")
    key = lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True)
    embedded = sorted(map(key, EmbeddedStore(seed_graph).select(query)))
    assert embedded and sorted(map(key, RemoteStore(server.query, graph=GRAPH).select(query))) == embedded


def test_the_built_graph_has_plain_literals_that_match_plain_strings_on_every_store(built, server):
    typed = [line for line in (built / "graph.nt").read_text(encoding="utf-8").splitlines()
             if line.endswith('"^^<http://www.w3.org/2001/XMLSchema#string> .')]
    assert typed == []
    rows = RemoteStore(server.query, graph=GRAPH).select(
        'PREFIX eli: <http://data.europa.eu/eli/ontology#> '
        'SELECT ?r WHERE { ?r eli:id_local "huancui-gzgz-2022" }')
    assert rows == [{"r": "https://regkg.example.org/eli/huancui-gzgz-2022"}]


def test_lists_come_back_whole_where_virtuoso_mangles_group_concat(loaded, seed_graph):
    """Virtuoso returns GROUP_CONCAT's 、 as ?; lists are rows, and labels keep their 、."""
    norm = "https://regkg.example.org/id/norm/huancui-gzgz-2022/art_62/par_1/pnt_2/n1"
    concat = RemoteStore(loaded["virtuoso"].query, graph=GRAPH).select(
        'PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT (GROUP_CONCAT(?l; separator="、") AS ?c) '
        'WHERE { VALUES ?l { "区长"@zh "副区长"@zh } }')
    assert "、" not in concat[0]["c"] and "?" in concat[0]["c"]  # the quirk this design avoids
    embedded = {r["norm"]: r for r in run(EmbeddedStore(seed_graph), "facts")}
    remote = {r["norm"]: r for r in run(RemoteStore(loaded["virtuoso"].query, graph=GRAPH), "facts")}
    assert remote == embedded
    assert remote[norm]["objectNames"] == ["规范性文件", "议案"]
    assert ["离威（出访）、休假"] in [r["objectNames"] for r in remote.values()]


# ---------------------------------------------------------------- wrong answers become errors


def test_a_graph_loaded_twice_is_a_clear_error_not_a_timeout(loaded, built):
    virtuoso = loaded["virtuoso"]
    copy = "https://example.org/graph/regkg-again"
    push(built / "graph.nt", virtuoso.query, graph=copy, replace=True, batch=2000,
         update=with_credentials(virtuoso.update, virtuoso))
    try:
        # Virtuoso's default graph is the union of all graphs: now every triple twice.
        out = kg("ask", "区政府规范性文件由谁签发？", "--endpoint", virtuoso.query)
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert "huancui-gzgz-2022" in out.stderr and "more than once" in out.stderr
        assert "不止一份" in out.stderr and "--graph" in out.stderr
        named = kg("ask", "区政府规范性文件由谁签发？", "--endpoint", virtuoso.query, "--graph", GRAPH)
        assert named.returncode == 0 and "第六十二条第（二）项" in named.stdout
    finally:
        update(virtuoso, f"DROP SILENT GRAPH <{copy}>")


EVERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("count_from", [1000, 10**9], ids=["counted", "said"])
def test_a_result_virtuoso_cuts_short_is_an_error(loaded, count_from):
    """Virtuoso (ResultSetMaxRows = 5000 here) says it cut (X-SPARQL-MaxRows): counted then."""
    store = RemoteStore(loaded["virtuoso"].query, graph=GRAPH, count_from=count_from)
    with pytest.raises(StoreError) as cut:
        store.select(EVERY)
    assert f"returned 5000 of {SEED_TRIPLES} rows" in str(cut.value) and "ResultSetMaxRows" in str(cut.value)
    assert len(RemoteStore(loaded["jena"].query, graph=GRAPH).select(EVERY)) == SEED_TRIPLES


def test_a_result_a_store_cuts_short_without_a_word_is_an_error(jena_with_limits, built, seed_graph):
    push(built / "graph.nt", jena_with_limits.query, graph=GRAPH, replace=True, batch=500)
    with pytest.raises(StoreError, match=f"returned 2000 of {SEED_TRIPLES} rows"):
        RemoteStore(jena_with_limits.query, graph=GRAPH).select(EVERY)
    short = RemoteStore(jena_with_limits.query, graph=GRAPH).select(
        "PREFIX kg: <https://regkg.example.org/ns/kg#> SELECT ?n WHERE { ?n a kg:Norm }")
    norms = len(list(seed_graph.subjects(RDF.type, KG_NS.Norm)))
    assert 150 < len(short) == norms < 2000  # under the cap: answered in full


def test_server_answers_are_shown_sanitised_and_short(loaded):
    """Virtuoso echoes the whole query in its error; the message keeps no escape codes."""
    bad = 'SELECT * WHERE { ?s ?p "\x1b[2J\x1b[31mred\x1b[0m" ' + "?x " * 3000 + "}"
    with pytest.raises(StoreError) as refused:
        RemoteStore(loaded["virtuoso"].query).select(bad)
    message = str(refused.value)
    assert "HTTP 400" in message and "\x1b" not in message and len(message) < 1200


# ---------------------------------------------------------------- named graphs


def test_a_named_graph_is_read_back_by_every_reader(server):
    out = kg("ask", "--json", "区政府规范性文件由谁签发？", "--endpoint", server.query, "--graph", GRAPH)
    assert out.returncode == 0, out.stderr
    assert [a["source"]["citation"] for a in json.loads(out.stdout)["answers"]] == ["第六十二条第（二）项"]
    structure = kg("structure", "--endpoint", server.query, "--graph", GRAPH)
    assert structure.returncode == 0 and "第8章 严格落实会议制度（15 条）" in structure.stdout


def test_kg_sparql_graph_names_the_graph_for_the_app(loaded, monkeypatch):
    monkeypatch.setenv("KG_SPARQL_ENDPOINT", loaded["jena"].query)
    monkeypatch.setenv("KG_SPARQL_GRAPH", GRAPH)
    store = open_store()
    assert (store.endpoint, store.graph) == (loaded["jena"].query, GRAPH)
    assert [a.label for a in QA(store).ask("区政府规范性文件由谁签发？").answers] == ["区长"]


@pytest.mark.slow
def test_the_app_reads_the_named_graph_in_kg_sparql_graph(loaded, monkeypatch):
    from streamlit.testing.v1 import AppTest
    monkeypatch.setenv("KG_SPARQL_ENDPOINT", loaded["virtuoso"].query)
    monkeypatch.setenv("KG_SPARQL_GRAPH", GRAPH)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["q"] = "区政府规范性文件由谁签发？"
    at.run()
    assert not at.exception and not at.error
    assert "- **区长** · 签发/签署" in "\n".join(m.value for m in at.markdown)
    citations = [json.loads(c.proto.json)["text"] for c in at.get("bidi_component")
                 if c.proto.component_name == "regkg.copy"]
    assert [c[c.index("》") + 1:] for c in citations] == ["第六十二条第（二）项"]


def test_a_graph_iri_without_an_endpoint_or_a_folder_as_graph_is_a_usage_error(tmp_path):
    out = kg("ask", "谁签发？", "--graph", GRAPH)
    assert out.returncode == 2 and "--endpoint" in out.stderr and "Traceback" not in out.stderr
    out = kg("ask", "谁签发？", "--graph", str(tmp_path))
    assert out.returncode == 2 and "--graph-dir" in out.stderr


# ---------------------------------------------------------------- pushing


def test_push_into_virtuosos_default_graph_is_refused_and_changes_nothing(loaded, built):
    virtuoso = loaded["virtuoso"]
    before = triples_in(virtuoso, GRAPH)
    out = kg("push", "--endpoint", virtuoso.query, "--update", with_credentials(virtuoso.update, virtuoso),
             "--graph-dir", str(built), "--batch", "2000")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "no writable default graph" in out.stderr and "--graph IRI" in out.stderr
    assert "temporary graph" in out.stderr and "was removed" in out.stderr
    assert triples_in(virtuoso, GRAPH) == before and temporary_graphs(virtuoso) == 0


@pytest.mark.parametrize("name", ["oxigraph_store", "jena"])
def test_push_into_the_default_graph_works_where_the_store_has_one(loaded, built, name):
    server = loaded[name]
    out = kg("push", "--endpoint", server.query, "--update", with_credentials(server.update, server),
             "--graph-dir", str(built), "--replace")
    assert out.returncode == 0, out.stderr
    assert f"wrote {SEED_TRIPLES} triples" in out.stdout and f"counts {SEED_TRIPLES}" in out.stdout
    assert triples_in(server) == SEED_TRIPLES and temporary_graphs(server) == 0
    answers = QA(RemoteStore(server.query)).ask("区政府规范性文件由谁签发？").answers
    assert [a.label for a in answers] == ["区长"]


def test_push_with_the_default_batch_halves_until_virtuoso_accepts(loaded, built):
    virtuoso = loaded["virtuoso"]
    graph = "https://example.org/graph/default-batch"
    try:
        out = kg("push", "--endpoint", virtuoso.query, "--graph-dir", str(built), "--graph", graph,
                 "--update", with_credentials(virtuoso.update, virtuoso), "--replace")
        assert out.returncode == 0, out.stderr
        # Virtuoso: HTTP 400, "SP030: SPARQL compiler … memory exhausted"
        assert "refused a batch of 5000 triples (HTTP 400); retrying with 2500" in out.stderr
        assert f"wrote {SEED_TRIPLES} triples" in out.stdout and "up to 2500 a request" in out.stdout
        assert triples_in(virtuoso, graph) == SEED_TRIPLES
    finally:
        update(virtuoso, f"DROP SILENT GRAPH <{graph}>")


def test_push_answers_virtuosos_digest_challenge_with_credentials_from_the_environment(loaded, built):
    virtuoso = loaded["virtuoso"]
    graph = "https://example.org/graph/digest"
    try:
        out = kg("push", "--endpoint", virtuoso.query, "--update", virtuoso.update, "--graph", graph,
                 "--graph-dir", str(built), "--batch", "2000",
                 env={"KG_SPARQL_USER": "dba", "KG_SPARQL_PASSWORD": "dba"})
        assert out.returncode == 0, out.stderr
        assert triples_in(virtuoso, graph) == SEED_TRIPLES
        wrong = kg("push", "--endpoint", virtuoso.query, "--update", virtuoso.update, "--graph", graph,
                   "--graph-dir", str(built), env={"KG_SPARQL_USER": "dba", "KG_SPARQL_PASSWORD": "w0ng-pw"})
        assert wrong.returncode == 2 and "HTTP 401" in wrong.stderr
        assert "w0ng-pw" not in wrong.stdout + wrong.stderr and "Traceback" not in wrong.stderr
        assert triples_in(virtuoso, graph) == SEED_TRIPLES
    finally:
        update(virtuoso, f"DROP SILENT GRAPH <{graph}>")


def test_push_answers_a_basic_challenge_with_credentials_from_the_url_and_never_prints_them(loaded, built):
    jena = loaded["jena"]
    graph = "https://example.org/graph/basic"
    out = kg("push", "--endpoint", with_credentials(jena.query, jena), "--graph", graph,
             "--graph-dir", str(built), "--replace")  # the update URL is derived: /query -> /update
    assert out.returncode == 0, out.stderr
    assert "clerk:***@" in out.stdout and triples_in(jena, graph) == SEED_TRIPLES
    wrong = kg("push", "--endpoint", jena.query, "--update", jena.update.replace("//", "//clerk:guess3d@"),
               "--graph", graph, "--graph-dir", str(built))
    assert wrong.returncode == 2 and "HTTP 401" in wrong.stderr
    assert "guess3d" not in wrong.stdout + wrong.stderr and "s3cret" not in out.stdout + out.stderr
    unauthenticated = kg("push", "--endpoint", jena.query, "--update", jena.update, "--graph", graph,
                         "--graph-dir", str(built))
    assert unauthenticated.returncode == 2 and "HTTP 401" in unauthenticated.stderr
    assert triples_in(jena, graph) == SEED_TRIPLES
    update(jena, f"DROP SILENT GRAPH <{graph}>")


def test_push_by_the_graph_store_protocol(loaded, built):
    jena = loaded["jena"]
    graph = "https://example.org/graph/gsp"
    out = kg("push", "--endpoint", jena.query, "--gsp", with_credentials(jena.gsp, jena),
             "--update", with_credentials(jena.update, jena), "--graph", graph, "--graph-dir", str(built),
             "--replace")
    assert out.returncode == 0, out.stderr
    assert triples_in(jena, graph) == SEED_TRIPLES and temporary_graphs(jena) == 0
    update(jena, f"DROP SILENT GRAPH <{graph}>")


@pytest.fixture(scope="module")
def jena_with_limits(tmp_path_factory, jena_classpath):
    """Jena answering 413 to a request body over 200 kB, as behind a proxy with that limit,
    and cutting every answer to 2,000 rows without a word."""
    import store_servers
    with store_servers.jena(tmp_path_factory.mktemp("jena-limited"), jena_classpath,
                            max_body=200_000, max_rows=2000) as server:
        yield server


def test_replace_that_fails_midway_leaves_the_old_graph(jena_with_limits, built, tmp_path):
    jena = jena_with_limits
    graph = "https://example.org/graph/replaced"
    first = kg("push", "--endpoint", jena.query, "--graph", graph, "--graph-dir", str(built), "--replace")
    assert first.returncode == 0, first.stderr
    assert "refused a batch of 5000 triples (HTTP 413); retrying with 2500" in first.stderr
    assert triples_in(jena, graph) == SEED_TRIPLES
    # A new graph with one triple larger than the limit in the middle: the load fails after
    # some batches are in the temporary graph.
    lines = (built / "graph.nt").read_text(encoding="utf-8").splitlines()
    huge = '<urn:x:a> <urn:x:b> "' + "长" * 100_000 + '" .'
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "graph.nt").write_text("\n".join(lines[:3000] + [huge] + lines[3000:]) + "\n", encoding="utf-8")
    out = kg("push", "--endpoint", jena.query, "--graph", graph, "--graph-dir", str(newer), "--replace",
             "--batch", "500")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "HTTP 413" in out.stderr
    assert f"is unchanged (still {SEED_TRIPLES} triples)" in out.stderr and "was removed" in out.stderr
    assert triples_in(jena, graph) == SEED_TRIPLES and temporary_graphs(jena) == 0


class _Recorder:
    """A TCP listener that records whether anything connects to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.stop.set()
        self.thread.join()
        self.sock.close()


def _redirecting(status: int, location: str):
    """A server answering every request with a redirect; it records methods and paths."""
    seen = []

    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self):
            seen.append((self.command, self.path))
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(status)
            self.send_header("Location", location.format(port=self.server.server_address[1]))
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = do_PUT = _answer

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, seen


def test_push_refuses_a_redirect_to_another_host(built):
    elsewhere = _Recorder()
    httpd, seen = _redirecting(307, f"http://localhost:{elsewhere.port}/sparql")
    try:
        url = f"http://clerk:s3cret@127.0.0.1:{httpd.server_address[1]}/query"
        out = kg("push", "--endpoint", url, "--graph-dir", str(built))
    finally:
        httpd.shutdown()
        elsewhere.close()
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "redirected to another host" in out.stderr and "s3cret" not in out.stdout + out.stderr
    assert elsewhere.connections == 0 and seen and all(m == "POST" for m, _ in seen)


def test_push_never_turns_a_post_into_a_get(built):
    httpd, seen = _redirecting(302, "http://127.0.0.1:{port}/elsewhere")
    try:
        out = kg("push", "--endpoint", f"http://127.0.0.1:{httpd.server_address[1]}/query",
                 "--graph-dir", str(built))
    finally:
        httpd.shutdown()
    assert out.returncode == 2 and "would turn the POST into a GET" in out.stderr
    assert [m for m, _ in seen] == ["POST"]


@pytest.mark.parametrize("option, value, message", [
    ("--endpoint", "file:///etc/passwd", "invalid endpoint URL"),
    ("--endpoint", "ftp://127.0.0.1/graph", "invalid endpoint URL"),
    ("--endpoint", "not a url", "invalid endpoint URL"),
    ("--update", "file:///tmp/update", "invalid update endpoint URL"),
    ("--graph", "not an iri", "not a valid IRI"),
    ("--batch", "0", "must be a whole number ≥ 1"),
])
def test_push_refuses_bad_options_with_a_message_not_a_traceback(built, option, value, message):
    args = {"--endpoint": "http://127.0.0.1:9/query", option: value}
    out = kg("push", "--graph-dir", str(built), *[x for kv in args.items() for x in kv])
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr
    assert " / " in out.stderr  # Chinese and English


def test_every_request_has_a_timeout(built):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)  # accepts connections, never answers
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        out = kg("push", "--endpoint", url, "--graph-dir", str(built), "--timeout", "1")
        assert out.returncode == 2 and "no answer within 1 s" in out.stderr
        with pytest.raises(StoreError, match="no answer within 1 s"):
            RemoteStore(url, timeout_s=1).select("SELECT * WHERE { ?s ?p ?o }")
    finally:
        silent.close()
