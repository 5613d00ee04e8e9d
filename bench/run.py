"""Benchmarks: `python bench/run.py [--quick]` prints a table and writes bench/results/latest.json.

Each row is timed in this one run, beside the anchor it is compared with, so
ratios hold on whatever machine runs it.  Later issues add rows to ROWS.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kg.corpus import corpus_texts, load  # noqa: E402
from kg.graph import build_graph, structure_triples  # noqa: E402

SEED = ROOT / "corpus" / "huancui-gzgz-2022.txt"
CORPORA = ROOT / "tests" / "corpora"


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

        def build(paths=paths):
            return build_graph([load(p) for p in paths], with_ontology=False)

        def memory_store(paths=paths):
            from rdflib import Graph
            g = Graph()
            for p in paths:
                for t in structure_triples(load(p)):
                    g.add(t)
            return g

        seg, full, mem = timed(segment_only, repeat), timed(build, repeat), timed(memory_store, repeat)
        c = cold(paths)
        rows.append({
            "row": f"build {name}",
            "segment_warm_ms": seg["median_s"] * 1000,
            "build_warm_ms": full["median_s"] * 1000,
            "anchor_memory_ms": mem["median_s"] * 1000,
            "ratio_vs_anchor": full["median_s"] / mem["median_s"],
            "build_cold_s": c["seconds"],
            "triples": c["triples"],
            "peak_rss_mib": c["peak_rss_mib"],
        })
    return rows


ROWS = {"build": build_rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "latest.json"))
    args = ap.parse_args()
    repeat = 3 if args.quick else 10
    results = {"machine": platform.platform(), "python": platform.python_version(),
               "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "rows": []}
    for fn in ROWS.values():
        results["rows"] += fn(repeat)
    keys = [k for k in results["rows"][0] if k != "row"]
    width = max(len(r["row"]) for r in results["rows"]) + 2
    print(f"{'row':<{width}}" + "".join(f"{k:>{len(k) + 2}}" for k in keys))
    for r in results["rows"]:
        print(f"{r['row']:<{width}}" + "".join(
            f"{r[k]:>{len(k) + 2}.3f}" if isinstance(r[k], float) else f"{r[k]:>{len(k) + 2}}"
            for k in keys))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwritten {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
