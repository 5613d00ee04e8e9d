"""The segmenter on a large real corpus: `python bench/lawref.py [--corpus DIR] [--workers N]`.

Segments every text of the LawRefBook corpus (default /work/shared/corpora/lawref, or
$KG_LAWREF_DIR) in worker processes and compares each with the counts its manifest.tsv
read from the source's own structure. Also callable from bench/run.py: rows(corpus).

    $ python bench/lawref.py --failures 20
    clean files parsed          1698/1698 (100.00%)
    ...
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kg.corpus import MAX_TEXT_BYTES, load  # noqa: E402
from kg.errors import ParseError  # noqa: E402
from kg.files import read_text  # noqa: E402
from kg.numerals import NUMERAL_CLASS  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpora/lawref")
# A heading line as a reader sees it, independent of the segmenter: 第X编/分编/章/节 at the
# start of a short line without clause punctuation.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
HEADING_LINE = re.compile(rf"^第{NUMERAL_CLASS}+(?:编|分编|章|节)(?!.*[，；：,;:])")
HEADING_MAX_CHARS = 40


def corpus_dir(arg: str | None = None) -> Path:
    return Path(arg or os.environ.get("KG_LAWREF_DIR") or DEFAULT_CORPUS)


def manifest(corpus: Path) -> dict[str, dict]:
    """file -> {labels, articles, chapter_headings, section_headings} (ints where given)."""
    with open(corpus / "manifest.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = {}
    for r in rows:
        out[r["file"]] = {k: (int(v) if v and v.isdigit() else v) for k, v in r.items() if k != "file"}
    return out


def glued_headings(reg) -> list[str]:
    """Heading lines of the raw source that lie inside an article's text."""
    found = []
    for a in reg.articles():
        lines = reg.source[a.span.start:a.span.end].split("\n")[1:]
        for raw in lines:
            line = re.sub(rf"[\s{INVISIBLE}]+", "", raw)
            if len(line) <= HEADING_MAX_CHARS and HEADING_LINE.match(line):
                found.append(f"{a.citation}: {line}")
    return found


def measure_file(path: str) -> dict:
    """One file's figures; never raises (a crash is reported with its traceback)."""
    t = time.perf_counter()
    out: dict = {"file": path}
    try:
        reg = load(Path(path))
    except ParseError as exc:
        out.update(status="refused", error=str(exc))
    except Exception:  # a crash is what this measures
        out.update(status="crash", error=traceback.format_exc(limit=4))
    else:
        out.update(status="ok", articles=len(reg.articles()), characters=len(reg.source),
                   chapters=sum(1 for c in reg.chapters if getattr(c, "label", True)),
                   sections=sum(1 for s in reg.sections() if getattr(s, "label", True)),
                   glued=glued_headings(reg), warnings=list(getattr(reg, "warnings", ())))
    out["seconds"] = time.perf_counter() - t
    return out


def read_file(path: str) -> int:
    """The anchor: read, decode and split one file into lines, as segmenting starts by doing."""
    return len(read_text(Path(path), MAX_TEXT_BYTES).splitlines())


def measure(corpus: Path, workers: int | None = None) -> dict:
    """Segment every manifest file in parallel and compare with the manifest.

    The anchor is the same pool reading and splitting every file (after one untimed pass
    that warms the page cache), so the ratio holds on whatever machine runs it."""
    expected = manifest(corpus)
    paths = [str(corpus / name) for name in expected]
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        list(pool.map(read_file, paths, chunksize=8))
        start = time.perf_counter()
        list(pool.map(read_file, paths, chunksize=8))
        anchor = time.perf_counter() - start
        start = time.perf_counter()
        results = list(pool.map(measure_file, paths, chunksize=8))
        wall = time.perf_counter() - start
    clean = [(r, expected[os.path.relpath(r["file"], corpus)]) for r in results
             if expected[os.path.relpath(r["file"], corpus)]["labels"] == "clean"]
    parsed = [(r, m) for r, m in clean if r["status"] == "ok"]
    statuses = Counter(r["status"] for r in results)
    by_label = Counter((expected[os.path.relpath(r["file"], corpus)]["labels"], r["status"])
                       for r in results)
    return {
        "files": len(results), "clean": len(clean), "clean_parsed": len(parsed),
        "articles_match": sum(r["articles"] == m["articles"] for r, m in parsed),
        "chapters_match": sum(r["chapters"] == m["chapter_headings"] for r, m in parsed),
        "sections_match": sum(r["sections"] == m["section_headings"] for r, m in parsed),
        "crashes": statuses["crash"], "refused": statuses["refused"],
        "articles_with_heading_text": sum(len({g.split(":")[0] for g in r.get("glued", [])})
                                          for r in results),
        "files_with_warnings": sum(bool(r.get("warnings")) for r in results),
        "by_label": {f"{k[0]}:{k[1]}": v for k, v in sorted(by_label.items())},
        "wall_s": wall, "cpu_s": sum(r["seconds"] for r in results), "anchor_read_s": anchor,
        "characters": sum(r.get("characters", 0) for r in results),
        "workers": workers or os.cpu_count(),
        "results": results, "expected": expected,
    }


def failures(m: dict, corpus: Path) -> list[str]:
    """One line per clean file that is refused or whose counts differ, and every crash/glue."""
    lines = []
    for r in m["results"]:
        name = os.path.relpath(r["file"], corpus)
        e = m["expected"][name]
        if r["status"] == "crash":
            lines.append(f"CRASH {name}\n{r['error']}")
        elif r["status"] == "refused" and e["labels"] == "clean":
            lines.append(f"REFUSED {name}: {r['error']}")
        elif r["status"] == "ok":
            if r["glued"]:
                lines.append(f"GLUED {name}: {r['glued'][:3]}")
            if e["labels"] == "clean":
                got = (r["articles"], r["chapters"], r["sections"])
                want = (e["articles"], e["chapter_headings"], e["section_headings"])
                if got != want:
                    lines.append(f"COUNTS {name}: got {got} want {want}")
    return lines


def sample(corpus: Path, out: Path, size: int = 150, seed: int = 13,
           max_bytes: int = 3_000_000) -> list[str]:
    """Copy a stratified random sample of the corpus into `out` (same folder layout) with the
    manifest lines of the files chosen. Strata: source folder (the province for local
    regulations), label kind, and whether the text has 章 and 节; every stratum gets at
    least one file, the rest in proportion. Within a stratum files are drawn in random
    order among those under twice the mean byte budget (the smallest ones if none is)."""
    import random
    import shutil

    expected = manifest(corpus)
    strata: dict[tuple, list[str]] = {}
    for name, m in sorted(expected.items()):
        parts = name.split("/")
        group = parts[1] if parts[0] == "DLC" else parts[0]
        key = (group, m["labels"], bool(m.get("chapter_headings")), bool(m.get("section_headings")))
        strata.setdefault(key, []).append(name)
    rnd = random.Random(seed)
    share = size
    while True:  # shrink the proportional share until the minimum-one quotas fit `size`
        quota = {k: max(1, round(share * len(v) / len(expected))) for k, v in strata.items()}
        if sum(quota.values()) <= size:
            break
        share -= 1
    chosen: list[str] = []
    per_file = 0.6 * max_bytes / sum(quota.values())
    for key in sorted(strata):
        names = strata[key][:]
        rnd.shuffle(names)
        small = [n for n in names if (corpus / n).stat().st_size <= 2 * per_file] or \
            sorted(names, key=lambda n: (corpus / n).stat().st_size)
        chosen += small[:quota[key]]
    out.mkdir(parents=True, exist_ok=True)
    for name in chosen:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus / name, out / name)
    with open(corpus / "manifest.tsv", encoding="utf-8") as f:
        header, *lines = f.read().splitlines()
    keep = set(chosen)
    (out / "manifest.tsv").write_text("\n".join([header] + [ln for ln in lines if ln.split("\t")[0] in keep])
                                      + "\n", encoding="utf-8")
    return chosen


def rows(corpus: Path | None = None, workers: int | None = None) -> list[dict]:
    """The bench/run.py rows: parse rate, count matches, crashes, glued headings, time."""
    corpus = corpus_dir(str(corpus) if corpus else None)
    if not (corpus / "manifest.tsv").exists():
        return []
    m = measure(corpus, workers)
    n = max(m["clean_parsed"], 1)
    return [{
        "row": f"segment lawref ({m['files']} texts, {m['workers']} workers)",
        "clean_parsed_pct": 100 * m["clean_parsed"] / max(m["clean"], 1),
        "articles_match_pct": 100 * m["articles_match"] / n,
        "chapters_match_pct": 100 * m["chapters_match"] / n,
        "sections_match_pct": 100 * m["sections_match"] / n,
        "crashes": m["crashes"],
        "articles_with_heading_text": m["articles_with_heading_text"],
        "files_with_warnings": m["files_with_warnings"],
        "wall_s": m["wall_s"],
        "cpu_s": m["cpu_s"],
        "anchor_read_s": m["anchor_read_s"],
        "ratio_vs_anchor": m["wall_s"] / m["anchor_read_s"],
        "mchars_per_s": m["characters"] / m["wall_s"] / 1e6,
    }]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", help="corpus folder with manifest.tsv (default $KG_LAWREF_DIR or "
                                     f"{DEFAULT_CORPUS})")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--failures", type=int, default=0, help="print up to N failing files")
    ap.add_argument("--json", help="write the summary (without per-file results) here")
    ap.add_argument("--sample", metavar="DIR", help="copy a stratified sample (seed 13) into DIR and stop")
    args = ap.parse_args()
    corpus = corpus_dir(args.corpus)
    if args.sample:
        chosen = sample(corpus, Path(args.sample))
        print(f"{len(chosen)} files, {sum((corpus / n).stat().st_size for n in chosen)} bytes")
        return 0
    m = measure(corpus, args.workers)
    n = max(m["clean_parsed"], 1)
    print(f"clean files parsed          {m['clean_parsed']}/{m['clean']} "
          f"({100 * m['clean_parsed'] / max(m['clean'], 1):.2f}%)")
    for key in ("articles", "chapters", "sections"):
        print(f"{key + ' match':<28}{m[key + '_match']}/{m['clean_parsed']} "
              f"({100 * m[key + '_match'] / n:.2f}%)")
    print(f"crashes                     {m['crashes']}")
    print(f"articles with heading text  {m['articles_with_heading_text']}")
    print(f"files with warnings         {m['files_with_warnings']}")
    print(f"by label:status             {m['by_label']}")
    print(f"time                        {m['wall_s']:.1f} s wall, {m['cpu_s']:.1f} s cpu, "
          f"{m['workers']} workers; reading alone {m['anchor_read_s']:.2f} s")
    for line in failures(m, corpus)[:args.failures]:
        print(line)
    if args.json:
        summary = {k: v for k, v in m.items() if k not in ("results", "expected")}
        Path(args.json).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
