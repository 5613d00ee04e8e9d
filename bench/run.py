"""Benchmarks: `python bench/run.py [--quick]` prints a table and writes bench/results/latest.json.

Each row is timed in this one run, beside the anchor it is compared with, so
ratios hold on whatever machine runs it.  Later issues add rows to ROWS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kg.corpus import corpus_texts, load  # noqa: E402
from kg.extract import extract  # noqa: E402
from kg.graph import build_graph, regulation_triples  # noqa: E402

SEED = ROOT / "corpus" / "huancui-gzgz-2022.txt"
CORPORA = ROOT / "tests" / "corpora"


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(fn, repeat: int) -> dict:
    """Median and min wall time of fn over `repeat` warm runs (after one warm-up)."""
    fn()
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return {"median_s": statistics.median(samples), "min_s": min(samples), "runs": repeat}


COLD = """
import resource, sys, time
t = time.perf_counter()
sys.path.insert(0, {src!r})
from kg.corpus import load
from kg.graph import build_graph
g = build_graph([load(p) for p in {paths!r}])
elapsed = time.perf_counter() - t
print(elapsed, len(g), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def cold(paths: list[Path]) -> dict:
    """A fresh interpreter: imports + segment + graph, and its peak RSS."""
    code = COLD.format(src=str(ROOT / "src"), paths=[str(p) for p in paths])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    elapsed, triples, rss_kb = out.stdout.split()
    return {"seconds": float(elapsed), "triples": int(triples), "peak_rss_mib": int(rss_kb) / 1024}


def build_rows(repeat: int) -> list[dict]:
    rows = []
    texts = [("seed", [SEED])] + [(p.stem, [p]) for p in corpus_texts(CORPORA)]
    texts.append(("all corpora", [SEED] + corpus_texts(CORPORA)))
    for name, paths in texts:
        def segment_only(paths=paths):
            return [load(p) for p in paths]

        def with_extraction(paths=paths):
            return [extract(load(p)) for p in paths]

        def build(paths=paths):
            return build_graph([load(p) for p in paths], with_ontology=False)

        def memory_store(paths=paths):
            from rdflib import Graph
            g = Graph()
            for p in paths:
                for t in regulation_triples(load(p)):
                    g.add(t)
            return g

        seg, ext = timed(segment_only, repeat), timed(with_extraction, repeat)
        full, mem = timed(build, repeat), timed(memory_store, repeat)
        c = cold(paths)
        rows.append({
            "row": f"build {name}",
            "segment_warm_ms": seg["median_s"] * 1000,
            "extract_warm_ms": ext["median_s"] * 1000,
            "build_warm_ms": full["median_s"] * 1000,
            "anchor_memory_ms": mem["median_s"] * 1000,
            "ratio_vs_anchor": full["median_s"] / mem["median_s"],
            "build_cold_s": c["seconds"],
            "triples": c["triples"],
            "peak_rss_mib": c["peak_rss_mib"],
        })
    return rows


def qa_rows(repeat: int) -> list[dict]:
    """Question answering, warm, over the gold questions; anchor: the same queries run
    directly on pyoxigraph (what QA adds is parsing, matching and answer assembly)."""
    import tomllib

    from kg.qa import QA
    from kg.store import EmbeddedStore

    store = EmbeddedStore(build_graph([load(SEED)]))
    qa = QA(store)
    gold = tomllib.loads((ROOT / "tests" / "gold" / "questions.toml").read_text(encoding="utf-8"))
    questions = [q["question"] for q in gold["question"]]
    plans = {q: qa.ask(q).sparql for q in questions}
    qa_samples, direct_samples = [], []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            qa.ask(q)
            qa_samples.append(time.perf_counter() - t)
            t = time.perf_counter()
            for sparql in plans[q]:
                list(store.ox.query(sparql))
            direct_samples.append(time.perf_counter() - t)
    # Questions nothing answers fall back to 相关条文 (the search index): their own latency.
    fallback = [q for q in gold["unanswerable"] if qa.ask(q["question"]).related]
    fallback = [q["question"] for q in fallback]
    fb_samples = []
    for _ in range(repeat * 5):
        for q in fallback:
            t = time.perf_counter()
            r = qa.ask(q)
            fb_samples.append(time.perf_counter() - t)
            assert not r.answers, q  # a fallback row that answers measures nothing
    old = sum({a.name for a in qa.ask(q["question"]).answers} == set(q["answers"]) and
              {a.source.citation for a in qa.ask(q["question"]).answers} == set(q["citations"])
              for q in gold["question"])
    return accuracy_rows(old, len(questions)) + [{
        "row": f"qa 相关条文 fallback (n={len(fallback)}, x{repeat * 5})",
        "fallback_p50_ms": percentile(fb_samples, 0.5) * 1000,
        "fallback_p99_ms": percentile(fb_samples, 0.99) * 1000,
        "target_p50_ms": 20.0,
    }, {
        "row": f"qa gold questions (n={len(questions)}, x{repeat})",
        "qa_p50_ms": percentile(qa_samples, 0.5) * 1000,
        "qa_p99_ms": percentile(qa_samples, 0.99) * 1000,
        "anchor_direct_p50_ms": percentile(direct_samples, 0.5) * 1000,
        "anchor_direct_p99_ms": percentile(direct_samples, 0.99) * 1000,
        "ratio_p50": percentile(qa_samples, 0.5) / percentile(direct_samples, 0.5),
        "ratio_p99": percentile(qa_samples, 0.99) / percentile(direct_samples, 0.99),
    }]


def accuracy_rows(old_right: int, old_n: int) -> list[dict]:
    """Answer accuracy: the old 76-question set (must stay 1.0), and the dev, dev2 and dev3 (the
    seed, blind) and test splits of tests/gold/qa per regulation and per kind of question (test:
    the score only, never tuned on)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import qa_eval

    rows = [{"row": "qa accuracy, old question set", "n": old_n, "right": old_right,
             "accuracy": old_right / old_n}]
    for split in ("dev", "dev2", "dev3", "test"):
        s = qa_eval.summary(qa_eval.evaluate(split))
        groups = [("all", s["all"])] + sorted(s["by_regulation"].items()) + sorted(s["by_kind"].items())
        rows += [{"row": f"qa accuracy, {split}, {name}", "n": v["n"], "right": v["right"],
                  "accuracy": float(v["accuracy"])} for name, v in groups]
    return rows


VALIDATE = """
import json, sys, time

def peak_rss_mib():
    # VmHWM restarts at exec; ru_maxrss would carry the parent's peak over (Linux)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

sys.path.insert(0, {src!r})
from pathlib import Path
from kg.corpus import load
from kg.graph import build_graph
from kg.lexicon import load_lexicon
from kg.records import Reader
from kg.store import EmbeddedStore
from kg.validate import Validator
lexicon = load_lexicon()
t = time.perf_counter()
validator = Validator(EmbeddedStore(build_graph([load(Path({seed!r}))])), lexicon)
setup = time.perf_counter() - t
t = time.perf_counter()
loaded = Reader(lexicon).read([Path(p) for p in {files!r}])
read = time.perf_counter() - t
t = time.perf_counter()
report = validator.validate(loaded)
check = time.perf_counter() - t
print(json.dumps({{"setup_s": setup, "read_s": read, "derive_check_s": check, "records": report.records,
                  "violations": report.counts["Violation"], "errors": len(report.errors),
                  "peak_rss_mib": peak_rss_mib()}}))
"""


def _validate_cold(files: list[Path]) -> dict:
    """Read, derive and check in a fresh interpreter: its times and its peak RSS."""
    code = VALIDATE.format(src=str(ROOT / "src"), seed=str(SEED), files=[str(f) for f in files])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def validate_rows(repeat: int) -> list[dict]:
    """Validating synthetic logs, each run in a fresh process (times without the one-off shape
    setup, and peak RSS): CSV at 1k/10k/100k records, the same 100k as one .xlsx workbook, and
    the largest log the limits accept. Anchor: plain pyshacl on the same records (10k), in this
    run, with the findings of both engines compared."""
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    import synthetic
    from kg.lexicon import load_lexicon
    from kg.records import Reader
    from kg.store import EmbeddedStore
    from kg.validate import Validator

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sets = {n: synthetic.write(n, Path(tmp) / str(n)) for n in (1000, 10_000, 100_000)}
        workbook = synthetic.write_xlsx(sets[100_000], Path(tmp) / "100000.xlsx")
        largest = synthetic.write_largest(Path(tmp) / "largest" / "seal.csv")
        turtle = synthetic.write_turtle(synthetic.write(43_000, Path(tmp) / "43000"), Path(tmp) / "43000.ttl")
        inputs = [(f"validate {n} records, CSV", files) for n, files in sets.items()]
        inputs += [("validate 100000 records, .xlsx", [workbook]),
                   ("validate largest log (200000 rows)", [largest]),
                   ("validate 43000 records, Turtle", [turtle])]
        for name, files in inputs:
            runs = [_validate_cold(files) for _ in range(max(1, repeat // 3))]
            best = min(runs, key=lambda r: r["read_s"] + r["derive_check_s"])
            input_mb = sum(f.stat().st_size for f in files) / 1e6
            rows.append({"row": name, "records": best["records"], "input_mb": input_mb,
                         "read_s": best["read_s"], "derive_check_s": best["derive_check_s"],
                         "total_s": best["read_s"] + best["derive_check_s"],
                         "peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
                         "violations": best["violations"], "input_errors": best["errors"]})
        lexicon = load_lexicon()
        validator = Validator(EmbeddedStore(build_graph([load(SEED)])), lexicon)
        loaded = Reader(lexicon).read(sets[10_000])
        fast = timed(lambda: validator.validate(loaded, "fast"), max(1, repeat // 3))
        ref = timed(lambda: validator.validate(loaded, "pyshacl"), 1)
        key = [(f.record, f.file, f.row, f.shape, f.severity, f.message, f.value) for f in
               validator.validate(loaded, "fast").results]
        same = sorted(key) == sorted((f.record, f.file, f.row, f.shape, f.severity, f.message, f.value)
                                     for f in validator.validate(loaded, "pyshacl").results)
        rows.append({"row": "validate 10000 records: fast vs pyshacl", "fast_s": fast["median_s"],
                     "anchor_pyshacl_s": ref["median_s"],
                     "ratio_pyshacl_over_fast": ref["median_s"] / fast["median_s"],
                     "same_findings": same, "findings": len(key)})
    return rows


def _load(url: str, body, total: int, concurrency: int) -> dict:
    """`total` POSTs of one query over `concurrency` keep-alive connections; `body` is the
    query's bytes, or a function giving a new query text for each request."""
    import http.client
    import threading
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    per = [total // concurrency + (1 if i < total % concurrency else 0) for i in range(concurrency)]

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine = []
        for _ in range(n):
            t = time.perf_counter()
            try:
                conn.request("POST", parts.path, body() if callable(body) else body, {
                    "Content-Type": "application/sparql-query",
                    "Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            mine.append(time.perf_counter() - t)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(n,)) for n in per]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {"rps": total / wall, "p50_ms": percentile(latencies, 0.5) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000, "errors": errors[0], "latencies": latencies}


def _fresh(query: bytes):
    """A function giving the query with a comment never sent before: every request misses the
    endpoint's answer cache (and bare Oxigraph parses it anew too)."""
    serial = iter(range(10**9))
    return lambda: query + f"\n# {next(serial)}".encode()


def _versus(row: str, r: dict, **extra) -> dict:
    """One bench row: `kg serve` (r["kg"]) beside bare Oxigraph (r["bare"]) in the same run."""
    g, b = r["kg"], r["bare"]
    return {"row": row, **extra, "kg_serve_rps": g["rps"], "kg_serve_p50_ms": g["p50_ms"],
            "kg_serve_p99_ms": g["p99_ms"], "kg_serve_errors": g["errors"],
            "bare_oxigraph_rps": b["rps"], "bare_p50_ms": b["p50_ms"], "bare_p99_ms": b["p99_ms"],
            "bare_errors": b["errors"], "throughput_ratio": g["rps"] / b["rps"],
            "p50_ratio": g["p50_ms"] / b["p50_ms"]}


def _interleaved(urls: dict[str, str], body, total: int, concurrency: int, rounds: int = 5) -> dict:
    """_load on each URL in turn, `rounds` times over: the machine's load drifts, and
    alternating short runs lets both sides see the same drift."""
    done = {name: {"wall": 0.0, "lat": [], "errors": 0} for name in urls}
    for _ in range(rounds):
        for name, url in urls.items():
            r = _load(url, body, total // rounds, concurrency)
            done[name]["wall"] += (total // rounds) / r["rps"]
            done[name]["lat"] += r["latencies"]
            done[name]["errors"] += r["errors"]
    return {name: {"rps": total / d["wall"], "p50_ms": percentile(d["lat"], 0.5) * 1000,
                   "p99_ms": percentile(d["lat"], 0.99) * 1000, "errors": d["errors"]}
            for name, d in done.items()}


def _tree(pid: int) -> list[int]:
    """pid and every process below it."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents.setdefault(int(stat.read_text().rsplit(")", 1)[1].split()[1]), []).append(
                int(stat.parent.name))
        except (OSError, ValueError):
            pass
    found, todo = [pid], [pid]
    while todo:
        kids = parents.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def _memory_mib(pid: int) -> tuple[float, float]:
    """(sum of RSS, sum of PSS) over a process tree, in MiB."""
    rss = pss = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024


HOSTILE = [  # each client repeats one of these; half of them vary the text so it is never known
    "SELECT ?a WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} ORDER BY ?a ?d ?g # {n}",
    "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?o . ?c ?d ?e FILTER(REGEX(CONCAT(STR(?o), STR(?e)), "
    "\"^(.*)*(x+x+)+y$\")) }} # {n}",
    "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} # {n}",
]


def _hostile_row(url: str, pid: int, cheap: bytes, seconds: float) -> dict:
    """30 clients send hostile queries for `seconds` while one client times a cheap query
    and the endpoint's process tree is sampled for memory."""
    import http.client
    import threading
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    stop = time.monotonic() + seconds
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def hostile(i: int) -> None:
        n = 0
        while time.monotonic() < stop:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            text = HOSTILE[i % len(HOSTILE)].format(n=f"{i}-{n}" if i % 2 else i)
            try:
                conn.request("POST", parts.path, text.encode(), {"Content-Type": "application/sparql-query"})
                status = conn.getresponse().status
            except (OSError, http.client.HTTPException):
                status = 0
            conn.close()
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
            n += 1

    peak = [0.0, 0.0]

    def sample() -> None:
        while time.monotonic() < stop:
            rss, pss = _memory_mib(pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(0.1)

    threads = [threading.Thread(target=hostile, args=(i,)) for i in range(30)]
    threads.append(threading.Thread(target=sample))
    for t in threads:
        t.start()
    time.sleep(1)  # let the hostile queries fill every lane first
    latencies, errors = [], 0
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    while time.monotonic() < stop:
        t = time.perf_counter()
        try:
            conn.request("POST", parts.path, cheap, {"Content-Type": "application/sparql-query",
                                                     "Accept": "application/sparql-results+json"})
            resp = conn.getresponse()
            resp.read()
            errors += resp.status != 200
        except (OSError, http.client.HTTPException):
            errors += 1
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        latencies.append(time.perf_counter() - t)
        time.sleep(0.05)
    for t in threads:
        t.join()
    return {"cheap_p50_ms": percentile(latencies, 0.5) * 1000,
            "cheap_p95_ms": percentile(latencies, 0.95) * 1000,
            "cheap_max_ms": max(latencies) * 1000, "cheap_n": len(latencies), "cheap_errors": errors,
            "peak_rss_mib": peak[0], "peak_pss_mib": peak[1],
            "hostile_answers": " ".join(f"{k}:{v}" for k, v in sorted(statuses.items()))}


def endpoint_rows(repeat: int) -> list[dict]:
    """The endpoint (kg serve) against bare `oxigraph serve-read-only` on the same store, for a
    who-signs query; the endpoint under 30 hostile clients; QA latency embedded vs through it."""
    import subprocess
    import tempfile
    import urllib.request

    from kg.endpoint import free_port, load_store, oxigraph_binary
    from kg.graph import write_graph
    from kg.qa import QA
    from kg.store import EmbeddedStore, RemoteStore

    # The who-signs request: the README's example query 2 (who signs 规范性文件).
    query = (ROOT / "queries" / "examples" / "2_who_signs_a_category.rq").read_bytes()
    total = 10_000 if repeat >= 10 else 2_000
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        write_graph(build_graph([load(SEED)]), Path(tmp))
        store_dir = load_store(Path(tmp) / "graph.nt", Path(tmp) / "oxigraph")
        guard_port, bare_port = free_port(), free_port()
        guard = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", tmp,
                                  "--store", str(store_dir), "--port", str(guard_port)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        bare = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(store_dir),
                                 "--bind", f"127.0.0.1:{bare_port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for port in (guard_port, bare_port):
                for _ in range(300):
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1)
                        break
                    except OSError:
                        time.sleep(0.1)
            guard_url = f"http://127.0.0.1:{guard_port}/query"
            bare_url = f"http://127.0.0.1:{bare_port}/query"
            urls = {"kg": guard_url, "bare": bare_url}
            for concurrency in (1, 8, 32):
                rows.append(_versus(f"endpoint who-signs c={concurrency} n={total}",
                                    _interleaved(urls, query, total, concurrency)))
            fresh = _fresh(query)
            for concurrency in (1, 8):
                rows.append(_versus(f"endpoint who-signs, every text new, c={concurrency} n={total // 2}",
                                    _interleaved(urls, fresh, total // 2, concurrency)))
            calm = _load(guard_url, query, 200, 1)
            hostile = _hostile_row(guard_url, guard.pid, query, 30 if repeat >= 10 else 15)
            rows.append({"row": "endpoint under 30 hostile clients", **hostile,
                         "anchor_calm_p50_ms": calm["p50_ms"],
                         "ratio_p95_over_calm_p50": hostile["cheap_p95_ms"] / calm["p50_ms"]})
            import tomllib
            gold = tomllib.loads((ROOT / "tests" / "gold" / "questions.toml").read_text(encoding="utf-8"))
            questions = [q["question"] for q in gold["question"]]
            for name, store in (("embedded", EmbeddedStore(build_graph([load(SEED)]))),
                                ("remote via kg serve", RemoteStore(guard_url))):
                qa = QA(store)
                samples = []
                for q in questions * max(1, repeat // 3):
                    t = time.perf_counter()
                    qa.ask(q)
                    samples.append(time.perf_counter() - t)
                rows.append({"row": f"qa answer latency, {name}", "p50_ms": percentile(samples, 0.5) * 1000,
                             "p99_ms": percentile(samples, 0.99) * 1000})
        finally:
            guard.terminate()
            bare.terminate()
            guard.wait(10)
            bare.wait(10)
    return rows


def _peak_rss_mib(pid: int) -> float:
    """VmHWM of a process and its children (Streamlit runs the app in its own process)."""
    import subprocess
    pids = [str(pid)] + subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                       text=True).stdout.split()
    peak = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak += int(line.split()[1])
        except OSError:
            pass
    return peak / 1024


PAGES = {"/?q=区政府规范性文件由谁签发？": "区长", "/browse?art=62&item=2": "第六十二条",
         "/search?q=印章": "第六十七条", "/sparql": "SPARQL", "/validate": "校验 Validate",
         "/graph": "图谱 Graph"}


RENDERED_JS = """quote => new Promise(resolve => {
  const found = () => [...document.querySelectorAll('.kg-quote mark')]
    .some(m => m.textContent.includes(quote));
  const finish = () => requestAnimationFrame(() => resolve(performance.now() - window.__kgT0));
  if (found()) { finish(); return; }
  const watch = new MutationObserver(() => { if (found()) { watch.disconnect(); finish(); } });
  watch.observe(document.body, {childList: true, subtree: true, characterData: true});
})"""


def browser_rows(repeat: int) -> list[dict]:
    """The app in headless Chromium: cold start to the first rendered page; first paint of each
    page once the server is warm (its key content drawn, anchor: the bare HTML shell loading);
    question submitted to answer rendered (anchor: the same questions answered in-process)."""
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    from kg.endpoint import free_port
    from kg.qa import QA
    from kg.store import EmbeddedStore

    seed = load(SEED)
    questions = ["区政府规范性文件由谁签发？", "常务会议由哪些人组成？", "使用区长印章须经谁同意？",
                 "副区长离威要向谁报告？", "专题会议由谁召集？", "谁列席区长办公会议？"]
    qa = QA(EmbeddedStore(build_graph([seed])))
    in_process = []
    for q in questions * 5:
        t = time.perf_counter()
        qa.ask(q)
        in_process.append(time.perf_counter() - t)
    # The first answer's quote, marked in its card (consecutive questions quote different
    # provisions, so stale output cannot match).
    quoted = {q: qa.ask(q).answers[0].quote for q in questions}
    port = free_port()
    started = time.perf_counter()
    app = subprocess.Popen([str(Path(sys.executable).with_name("streamlit")), "run", str(ROOT / "app.py"),
                            "--server.port", str(port), "--server.address", "127.0.0.1",
                            "--server.headless", "true"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    rows = []
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            box = page.get_by_role("textbox", name="问题 / question")
            box.wait_for(timeout=120_000)
            cold = time.perf_counter() - started
            for path in PAGES:  # warm every page once (the graph, the SPARQL endpoint, the index)
                page.goto(url + path)
                page.get_by_text(PAGES[path], exact=False).first.wait_for(timeout=120_000)
            for path, needle in PAGES.items():
                paints, shells = [], []
                for _ in range(max(3, repeat // 2)):
                    t = time.perf_counter()
                    page.goto(url + path, wait_until="load")
                    shells.append(time.perf_counter() - t)
                    page.get_by_text(needle, exact=False).first.wait_for(timeout=60_000)
                    paints.append(time.perf_counter() - t)
                rows.append({"row": f"first paint {path.split('?')[0]} (warm)",
                             "first_paint_p50_s": statistics.median(paints),
                             "anchor_html_shell_p50_s": statistics.median(shells),
                             "ratio": statistics.median(paints) / statistics.median(shells),
                             "under_2s": statistics.median(paints) < 2.0})
            page.goto(url)
            box.wait_for(timeout=60_000)
            # Timed inside the page, from the Enter key to the first frame painted after the
            # answer's quote is in the DOM (no polling delay of the test driver counted).
            page.evaluate("() => window.addEventListener('keydown', e => { if (e.key === 'Enter') "
                          "window.__kgT0 = performance.now(); }, true)")
            rendered = []
            for q in questions * max(1, repeat // 3):
                box.fill(q)
                box.press("Enter")
                ms = page.evaluate(RENDERED_JS, quoted[q])
                rendered.append(ms / 1000)
                page.wait_for_timeout(200)
            browser.close()
        rss = _peak_rss_mib(app.pid)
    finally:
        app.terminate()
        app.wait(20)
    return [{"row": "app in headless chromium", "cold_start_to_first_page_s": cold,
             "answer_rendered_p50_ms": percentile(rendered, 0.5) * 1000,
             "answer_rendered_p99_ms": percentile(rendered, 0.99) * 1000,
             "anchor_qa_in_process_p50_ms": percentile(in_process, 0.5) * 1000,
             "ratio_p50": percentile(rendered, 0.5) / percentile(in_process, 0.5),
             "app_peak_rss_mib": rss}] + rows


def norm_rows(repeat: int) -> list[dict]:
    """Norm extraction quality over the whole seed (tests/gold/norms_seed.{dev,test}.toml, scored
    by tests/norm_eval.py): precision and recall per split, with the extraction time beside it."""
    sys.path.insert(0, str(ROOT / "tests"))
    import norm_eval

    reg = load(SEED)
    ext = timed(lambda: extract(reg), repeat)
    norms = extract(reg)
    rows = []
    for split in ("dev", "test"):
        r = norm_eval.evaluate(norms, split)
        rows.append({"row": f"norms whole seed, {split} split (gold n={r['gold']})",
                     "precision": float(r["precision"]), "recall": float(r["recall"]),
                     "extracted": r["extracted"], "right": r["right"], "found": r["found"],
                     "extract_warm_ms": ext["median_s"] * 1000})
    # How far two annotators agree: a second blind annotation of the seed's test split, scored
    # against the first (the ceiling the extractor's test figures can be read against), and the
    # extractor scored against it.
    second = norm_eval.evaluate(norm_eval.as_extracted("test", "seed-second"), "test")
    against_second = norm_eval.evaluate(norms, "test", "seed-second")
    for name, r in (("second annotation scored against the first", second),
                    ("extractor scored against the second annotation", against_second)):
        rows.append({"row": f"norms whole seed, test split: {name} (gold n={r['gold']})",
                     "precision": float(r["precision"]), "recall": float(r["recall"]),
                     "extracted": r["extracted"], "right": r["right"], "found": r["found"],
                     "extract_warm_ms": 0.0})
    # Gold written blind for regulations of another kind (tests/gold/NORM_GOLD_SPEC.md)
    blind = (("quanguo-changweihui-yishi-2022", "quanguo_renda_changweihui_yishi_guize_2022.txt"),
             ("shandong-xiangzhen-2020", "shandong_xiangzhen_zhengfu_gongzuo_tiaoli_2020.txt"),
             ("zhejiang-changweihui-yishi-2020", "zhejiang_renda_changweihui_yishi_guize_2020.txt"),
             ("chongqing-changweihui-yishi-2023", "chongqing_renda_changweihui_yishi_guize_2023.txt"),
             ("zhejiang-jiedao-renda-2019", "zhejiang_jiedao_renda_gongzuo_tiaoli_2019.txt"),
             ("shandong-xiangzhen-renda-2015", "shandong_xiangzhen_renda_ruogan_guiding_2015.txt"))
    for gold, text in blind:
        other = extract(load(CORPORA / text))
        for split in ("dev", "test"):
            r = norm_eval.evaluate(other, split, gold)
            if r["gold"]:
                rows.append({"row": f"norms {gold}, {split} split (gold n={r['gold']})",
                             "precision": float(r["precision"]), "recall": float(r["recall"]),
                             "extracted": r["extracted"], "right": r["right"], "found": r["found"],
                             "extract_warm_ms": 0.0})
    return rows


def lawref_rows(repeat: int) -> list[dict]:
    """The segmenter on the LawRefBook corpus ($KG_LAWREF_DIR or /work/shared/corpora/lawref):
    parse rate, counts against its manifest, crashes, headings inside articles, time; anchor:
    reading and splitting the same files in the same worker pool. No rows without the corpus."""
    sys.path.insert(0, str(ROOT / "bench"))
    import lawref
    return lawref.rows()


LAWREF = Path(os.environ.get("KG_LAWREF_DIR") or "/work/shared/corpora/lawref")


def _timed_tree(cmd: list[str]) -> tuple[float, float, int]:
    """Wall time, peak RSS of the whole process tree (sampled every 50 ms, MiB), exit code."""
    import threading

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    peak = [0.0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _memory_mib(proc.pid)[0])
            time.sleep(0.05)

    watcher = threading.Thread(target=sample)
    watcher.start()
    code = proc.wait()
    watcher.join()
    return time.perf_counter() - started, peak[0], code


def _qa_samples(qa, questions: list[str], regulation: str | None, repeat: int) -> list[float]:
    for q in questions:   # warm: the norms of each action and the indexes are read once
        qa.ask(q, regulation)
    samples = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            qa.ask(q, regulation)
            samples.append(time.perf_counter() - t)
    return samples


def library_rows(repeat: int) -> list[dict]:
    """The LawRefBook corpus and the seed built into one graph by `kg build` (worker processes,
    cache): cold, after touching one file, and with nothing changed; the graph's size; QA on it
    (within the seed regulation and across the library) beside QA on the seed's own graph;
    `kg serve` on it beside bare `oxigraph serve-read-only`. No rows without the corpus."""
    import shutil
    import tempfile
    import tomllib
    import urllib.request

    from kg.endpoint import free_port, load_store, oxigraph_binary
    from kg.qa import QA
    from kg.store import EmbeddedStore

    if not (LAWREF / "manifest.tsv").exists():
        return []
    kg = [sys.executable, "-m", "kg.cli"]
    gold = tomllib.loads((ROOT / "tests" / "gold" / "questions.toml").read_text(encoding="utf-8"))
    questions = [q["question"] for q in gold["question"]]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "lawref", Path(tmp) / "out"
        shutil.copytree(LAWREF, corpus)
        build = kg + ["build", str(ROOT / "corpus"), str(corpus), "--out", str(out)]
        cold_s, cold_mib, code = _timed_tree(build)
        manifest = json.loads((out / "build.json").read_text())
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        touched = sorted(corpus.rglob("*.txt"))[0]
        with open(touched, "a", encoding="utf-8") as fh:
            fh.write("\n")
        incr_s, incr_mib, _ = _timed_tree(build)
        noop_s, _, _ = _timed_tree(build)
        size_mib = sum((out / n).stat().st_size for n in ("graph.nt", "graph.ttl", "graph.jsonld")) / 2**20
        rows.append({"row": "library build: lawref + seed, kg build (2 workers)",
                     "texts": report["built"] + len(report["refused"]),
                     "built": report["built"], "refused": len(report["refused"]),
                     "warned": len(report["warned"]), "triples": manifest["triples"],
                     "cold_s": cold_s, "touched_one_s": incr_s, "unchanged_s": noop_s,
                     "peak_rss_tree_mib": max(cold_mib, incr_mib), "files_mib": size_mib,
                     "exit_code": code})

        seed_dir = Path(tmp) / "seed"
        subprocess.run(kg + ["build", str(ROOT / "corpus"), "--out", str(seed_dir)], check=True,
                       capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        seed_qa = QA(EmbeddedStore.from_file(seed_dir / "graph.nt"))
        t = time.perf_counter()
        lib_store = EmbeddedStore.from_file(out / "graph.nt")
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        lib_qa = QA(lib_store)
        init_s = time.perf_counter() - t
        n = max(1, repeat // 3)
        seed = _qa_samples(seed_qa, questions, None, n)
        scoped = _qa_samples(lib_qa, questions, "huancui-gzgz-2022", n)
        across = _qa_samples(lib_qa, questions, None, n)
        same = sum([(a.label, a.source.iri) for a in seed_qa.ask(q).answers]
                   == [(a.label, a.source.iri) for a in lib_qa.ask(q, "huancui-gzgz-2022").answers]
                   for q in questions)
        rows.append({"row": f"qa on the library graph (n={len(questions)}, x{n}, warm)",
                     "load_graph_s": load_s, "qa_init_s": init_s,
                     "within_seed_p50_ms": percentile(scoped, 0.5) * 1000,
                     "within_seed_p99_ms": percentile(scoped, 0.99) * 1000,
                     "across_library_p50_ms": percentile(across, 0.5) * 1000,
                     "across_library_p99_ms": percentile(across, 0.99) * 1000,
                     "anchor_seed_graph_p50_ms": percentile(seed, 0.5) * 1000,
                     "ratio_within_p50": percentile(scoped, 0.5) / percentile(seed, 0.5),
                     "same_answers_as_seed": f"{same}/{len(questions)}"})
        del lib_qa, lib_store

        t = time.perf_counter()
        store_dir = load_store(out / "graph.nt", Path(tmp) / "oxigraph")
        store_s = time.perf_counter() - t
        query = (ROOT / "queries" / "examples" / "2_who_signs_a_category.rq").read_bytes()
        guard_port, bare_port = free_port(), free_port()
        guard = subprocess.Popen(kg + ["serve", "--graph-dir", str(out), "--store", str(store_dir),
                                       "--port", str(guard_port)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        bare = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(store_dir),
                                 "--bind", f"127.0.0.1:{bare_port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for port in (guard_port, bare_port):
                for _ in range(1200):
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1)
                        break
                    except OSError:
                        time.sleep(0.1)
            total = 2_000 if repeat >= 10 else 500
            fresh = _fresh(query)
            urls = {"kg": f"http://127.0.0.1:{guard_port}/query", "bare": f"http://127.0.0.1:{bare_port}/query"}
            for body, label, concurrency in ((query, "", 1), (query, "", 8), (fresh, ", every text new", 1),
                                             (fresh, ", every text new", 8)):
                rows.append(_versus(f"library endpoint who-signs{label} c={concurrency} n={total}",
                                    _interleaved(urls, body, total, concurrency), store_load_s=store_s))
        finally:
            guard.terminate()
            bare.terminate()
            guard.wait(10)
            bare.wait(10)
    return rows


ROWS = {"build": build_rows, "qa": qa_rows, "validate": validate_rows, "endpoint": endpoint_rows,
        "browser": browser_rows, "lawref": lawref_rows, "norms": norm_rows,
        "library": library_rows}


def print_table(rows: list[dict]) -> None:
    keys = [k for k in rows[0] if k != "row"]
    width = max(len(r["row"]) for r in rows) + 2
    print(f"{'row':<{width}}" + "".join(f"{k:>{len(k) + 2}}" for k in keys))
    for r in rows:
        print(f"{r['row']:<{width}}" + "".join(
            f"{r[k]:>{len(k) + 2}.3f}" if isinstance(r[k], float) else f"{str(r[k]):>{len(k) + 2}}"
            for k in keys))
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "latest.json"))
    ap.add_argument("--only", nargs="*", choices=sorted(ROWS), help="run only these row groups")
    args = ap.parse_args()
    repeat = 3 if args.quick else 10
    results = {"machine": platform.platform(), "python": platform.python_version(),
               "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "rows": []}
    for name, fn in ROWS.items():
        if args.only and name not in args.only:
            continue
        rows = fn(repeat)
        results["rows"] += rows
        for shape in dict.fromkeys(tuple(r) for r in rows):
            print_table([r for r in rows if tuple(r) == shape])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwritten {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
