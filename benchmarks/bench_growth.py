"""Cost as the corpus grows: `ingest` + `run` (narratives on) and discovery over generated documents.

    python benchmarks/bench_growth.py --docs 1000 10000 [--workers 1] [--db URL] [--keep DIR]

For each size, documents are generated from the demo (benchmarks/corpus.py: en/ru/pl in the
demo's mix, paragraphs repeating across documents as wire copy does), read as `linewatch
ingest` reads files into a fresh SQLite store (or `--db`), processed as `linewatch run` does
with the shipped taxonomy, and then `narratives discover` runs over the unexplained
statements. Prints documents/s, words/s, the time per stage (summed over documents) and
peak RSS, one block per size, then a growth line (time ratio for each size ratio).

The embedding cache is LINEWATCH_CACHE when set, else a fresh empty folder. The demo's
claims are in the shipped embedding pack, so e5 costs little here: on new text narratives
cost more (see bench_pipeline.py). Sizes run one after another in one process, so the
figures of a size include no model loading (the first size pays it: run a small size first).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))


def measure(n: int, root: Path, workers: int, db: str | None, taxonomy: str) -> dict[str, Any]:
    import corpus as gen

    from linewatch.analyze.narratives.component import get_taxonomy
    from linewatch.analyze.narratives.discover import discover
    from linewatch.runner import RunOptions, run_pending
    from linewatch.sources.files import read_documents
    from linewatch.store import open_store

    paths = gen.write(n, root / f"docs{n}")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    store = open_store(db or str(root / f"growth{n}.db"))
    t0 = time.perf_counter()
    for p in paths:
        for d in read_documents(p):
            store.add_document(d)
    ingest = time.perf_counter() - t0
    t1 = time.perf_counter()
    result = run_pending(store, RunOptions(taxonomy=taxonomy), workers=workers)
    run = time.perf_counter() - t1
    t2 = time.perf_counter()
    found = discover(store, get_taxonomy(taxonomy).name)
    discovery = time.perf_counter() - t2
    return {"n": n, "words": words, "ingest": ingest, "run": run, "discover": discovery, "candidates": len(found),
            "timings": result.timings, "failed": result.failed, "counts": store.counts(),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10_000])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--db", help="store URL (default: a fresh SQLite file per size); a PostgreSQL database must be empty")
    ap.add_argument("--keep", type=Path, help="folder for the documents and stores (default: a temporary one)")
    args = ap.parse_args()

    from linewatch.config import shipped_taxonomy

    root = args.keep or Path(tempfile.mkdtemp(prefix="lw-growth-"))
    root.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("LINEWATCH_CACHE"):
        os.environ["LINEWATCH_CACHE"] = str(root / "cache")
    taxonomy = str(shipped_taxonomy())
    rows = []
    for n in args.docs:
        r = measure(n, root, args.workers, args.db, taxonomy)
        rows.append(r)
        total = r["ingest"] + r["run"]
        stages = sum(r["timings"].values()) or 1.0
        c = r["counts"]
        print(f"{n} documents ({r['words']} words): ingest {r['ingest']:.1f} s ({n / r['ingest']:.0f} docs/s), "
              f"run {r['run']:.1f} s ({n / r['run']:.1f} docs/s), ingest + run {r['words'] / total:.0f} words/s; "
              f"discovery {r['discover']:.1f} s ({r['candidates']} candidates); peak RSS {r['rss_mb']:.0f} MB; "
              f"{c.get('statements', 0)} statements, {c.get('events', 0)} events, {r['failed']} failed", flush=True)
        print("  per stage: " + ", ".join(f"{k} {v:.1f} s ({100 * v / stages:.0f}%)" for k, v in r["timings"].items()), flush=True)
    for a, b in zip(rows, rows[1:]):
        ta, tb = a["ingest"] + a["run"], b["ingest"] + b["run"]
        print(f"{a['n']} -> {b['n']} documents (x{b['n'] / a['n']:.0f}): ingest + run x{tb / ta:.1f}, "
              f"discovery x{b['discover'] / max(a['discover'], 1e-9):.1f}")


if __name__ == "__main__":
    main()
