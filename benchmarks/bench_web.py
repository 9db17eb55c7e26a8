"""Dashboard and API speed on a large generated database (SQLite and PostgreSQL).

    python benchmarks/bench_web.py [--docs 100000] [--repeat 15] [--backend sqlite|postgresql|both]
                                   [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--keep]

Generates documents with statements, events, narratives and story groups
(benchmarks/sample_data.py), then requests every page and API endpoint
`--repeat` times with varying filters through the ASGI app in-process, and
prints p50/p95 in milliseconds (warm: the app's caches filled by earlier requests);
then requests each filter variant once in a fresh process (cold: nothing cached) and
prints p50/p95 over the variants. The SQLite file is cached in
benchmarks/.cache/ (reused when it holds the same number of documents); the PostgreSQL
database is a scratch one, dropped afterwards unless --keep.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"

ACTORS = ["Sergei Lavrov", "Dmitry Peskov", "Mateusz Morawiecki", "Alexander Lukashenko", "Josep Borrell"]


def endpoints(info: Any) -> list[tuple[str, list[str]]]:
    """(name, list of URLs to cycle through) for every page and API endpoint."""
    last = info.last_day
    return [
        ("page /", ["/", "/?since=2021-12-01"]),
        ("page /timeline", ["/timeline", "/timeline?country=RUS", "/timeline?actor=Sergei+Lavrov", "/timeline?plover=SANCTION&kind=events",
                            "/timeline?language=pl&date_from=2021-10-01&date_to=2021-10-31", "/timeline?stance=oppose&target=Poland"]),
        ("page /statements", ["/statements", "/statements?stance=oppose", "/statements?q=Lavrov", "/statements?q=двойные+стандарты",
                              "/statements?narrative=west-hypocrisy", "/statements?outlet=TASS&page=5", "/statements?country=POL&target=Belarus"]),
        # a word one statement has (the hostile sample's) and one none has: PostgreSQL's planner
        # guesses either turns up soon along the date index
        ("page /statements, rare words", ["/statements?q=harmless", "/statements?q=zyzzyva", "/statements?q=harmless&page=2"]),
        ("page /statement/{id}", [f"/statement/{info.example_statement}"]),
        ("page /document/{id}", [f"/document/{info.hostile_doc}"]),
        ("page /actors", ["/actors"]),
        ("page /actor/{id}", [f"/actor/{a.replace(' ', '%20')}" for a in ACTORS]),
        ("page /stance", ["/stance", "/stance?country=RUS", f"/stance?date_from=2021-09-01&date_to={last}"]),
        ("page /narratives", ["/narratives", "/narratives?language=ru"]),
        ("page /network", ["/network", "/network?country=RUS"]),
        ("page /scenarios", ["/scenarios"]),
        ("api /api/statements", ["/api/statements", "/api/statements?stance=support&limit=100", "/api/statements?actor=sergei-lavrov&page=3",
                                 "/api/statements?q=border"]),
        ("api /api/events", ["/api/events", "/api/events?plover=CONSULT", "/api/events?country=POL"]),
        ("api /api/documents", ["/api/documents", "/api/documents?language=en&page=4"]),
        ("api /api/documents/{id}", [f"/api/documents/{info.hostile_doc}"]),
        ("api /api/actors/{id}", ["/api/actors/sergei-lavrov"]),
        ("api /api/stance-matrix", ["/api/stance-matrix"]),
        ("api /api/network", ["/api/network"]),
        ("api /api/narratives", ["/api/narratives"]),
        ("api /api/scenarios", ["/api/scenarios"]),
        ("api /api/export (1000 rows, csv)", ["/api/export/statements.csv?max_rows=1000&actor=Dmitry+Peskov"]),
        ("api /api/export (1000 rows, parquet)", ["/api/export/statements.parquet?max_rows=1000&country=POL"]),
    ]


def load(store: Any, n_docs: int) -> Any:
    from sample_data import populate

    t = time.perf_counter()
    info = populate(store, n_docs, hostile=True, batch=10_000)
    # planner statistics (and, on PostgreSQL, the visibility map that index-only scans need),
    # as autovacuum would leave them after a bulk load
    store.execute("VACUUM ANALYZE" if store.dialect == "postgresql" else "ANALYZE")
    print(f"  loaded {info.documents} documents, {info.statements} statements, {info.events} events "
          f"in {time.perf_counter() - t:.1f} s", flush=True)
    return info


def refresh(store: Any) -> None:
    """The dashboard rollups, as `linewatch run` leaves them when it finishes (only changed days)."""
    from linewatch.store.queries.rollups import refresh as refresh_rollups

    t = time.perf_counter()
    days = refresh_rollups(store)
    print(f"  rollups refreshed ({days} changed day notes) in {time.perf_counter() - t:.1f} s", flush=True)


def info_from(store: Any) -> Any:
    """The ids the benchmark needs, read back from a database made by sample_data.populate."""
    from sample_data import SampleInfo

    hostile = store.query("SELECT id FROM documents WHERE outlet = ? LIMIT 1", ["<b>Evil</b> Outlet"])
    example = store.query("SELECT id FROM statements WHERE speaker = ? ORDER BY date, id LIMIT 1", ["Sergei Lavrov"])
    days = store.query("SELECT MIN(date) AS a, MAX(date) AS b FROM statements", [])[0]
    return SampleInfo(first_day=days["a"], last_day=days["b"], hostile_doc=hostile[0]["id"] if hostile else None,
                      example_statement=example[0]["id"] if example else None)


def sqlite_store(n_docs: int, cache: Path = CACHE) -> tuple[Any, Any]:
    """The cached generated SQLite database (built on first use)."""
    from linewatch.store import open_store

    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"web-{n_docs}.db"
    if path.exists():
        store = open_store(str(path))
        if store.query("SELECT COUNT(*) AS n FROM documents", [])[0]["n"] == n_docs + 1:
            print(f"  reusing {path}", flush=True)
            refresh(store)
            return store, info_from(store)
        store.close()
    for p in cache.glob(f"web-{n_docs}.db*"):
        p.unlink()
    store = open_store(str(path))
    info = load(store, n_docs)
    refresh(store)
    return store, info


def measure(store: Any, info: Any, repeat: int) -> list[tuple[str, float, float, float, int]]:
    import warnings

    warnings.filterwarnings("ignore")
    from fastapi.testclient import TestClient

    from linewatch.web.app import create_app, freeze_start_up_objects
    from linewatch.web.settings import WebSettings

    client = TestClient(create_app(store, WebSettings()), raise_server_exceptions=True)
    freeze_start_up_objects()  # as `linewatch serve` does once the app is built
    client.get("/")  # warm: facet cache, templates
    out = []
    for name, urls in endpoints(info):
        times, cold = [], []
        for i in range(max(repeat, len(urls))):
            url = urls[i % len(urls)]
            t = time.perf_counter()
            r = client.get(url)
            ms = (time.perf_counter() - t) * 1000
            times.append(ms)
            if i < len(urls):
                cold.append(ms)  # first request of this variant: cached aggregates are computed here
            if r.status_code != 200:
                raise SystemExit(f"{url}: HTTP {r.status_code} {r.text[:200]}")
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        out.append((name, statistics.median(times), p95, max(cold), len(urls)))
    return out


# One fresh process per filter variant: nothing the app caches (facets, chart aggregates)
# survives from an earlier request, as for an analyst's first click after a restart.
COLD_REQUEST = """
import json, sys, time, warnings
warnings.filterwarnings("ignore")
sys.path.insert(0, sys.argv[1])
from fastapi.testclient import TestClient
from linewatch.store import open_store
from linewatch.web.app import create_app, freeze_start_up_objects
from linewatch.web.settings import WebSettings
client = TestClient(create_app(open_store(sys.argv[2]), WebSettings()))
freeze_start_up_objects()  # as `linewatch serve` does once the app is built
t = time.perf_counter()
r = client.get(sys.argv[3])
print(json.dumps([(time.perf_counter() - t) * 1000, r.status_code]))
"""


def measure_cold(db_url: str, info: Any) -> list[tuple[str, float, float, int]]:
    """(endpoint, p50, p95 over its variants, variants), each variant's one request in a fresh process."""
    import json
    import subprocess

    src = str(HERE.parent / "src")
    out = []
    for name, urls in endpoints(info):
        times = []
        for url in urls:
            proc = subprocess.run([sys.executable, "-c", COLD_REQUEST, src, db_url, url],
                                  capture_output=True, text=True, check=True)
            ms, status = json.loads(proc.stdout.strip().splitlines()[-1])
            if status != 200:
                raise SystemExit(f"{url}: HTTP {status} (cold)")
            times.append(ms)
        times.sort()
        out.append((name, statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], len(urls)))
    return out


def report_cold(backend: str, rows: list[tuple[str, float, float, int]]) -> None:
    print(f"\n{backend}, cold (a fresh process per filter variant): ms for its one request (aim: p95 < 300)")
    for name, p50, p95, n in rows:
        flag = "" if p95 < 300 else "  <-- p95 over 300 ms"
        print(f"  {name:42} {p50:8.1f} {p95:8.1f}  {n}{flag}")
    print(f"  worst cold p95: {max(r[2] for r in rows):.1f} ms", flush=True)


def report(backend: str, rows: list[tuple[str, float, float, float, int]]) -> None:
    print(f"\n{backend}: ms per request (aim: p95 < 300); 'first' = slowest first request of a filter variant")
    print(f"  {'endpoint':42} {'p50':>8} {'p95':>8} {'first':>8}  variants")
    for name, p50, p95, first, n in rows:
        flag = "" if p95 < 300 else "  <-- p95 over 300 ms"
        print(f"  {name:42} {p50:8.1f} {p95:8.1f} {first:8.1f}  {n}{flag}")
    worst = max(r[2] for r in rows)
    print(f"  worst p95: {worst:.1f} ms", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--pg", default=os.environ.get("LINEWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres"))
    ap.add_argument("--cache", type=Path, default=Path(os.environ.get("BENCH_WEB_CACHE", CACHE)),
                    help="folder for the generated SQLite databases (reused across runs)")
    ap.add_argument("--keep", action="store_true", help="keep the PostgreSQL scratch database")
    ap.add_argument("--reuse", metavar="NAME", help="measure an existing PostgreSQL database made with --keep")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE.parent / "src"))
    if args.backend in ("sqlite", "both"):
        print(f"SQLite, {args.docs} documents", flush=True)
        store, info = sqlite_store(args.docs, args.cache)
        report("SQLite", measure(store, info, args.repeat))
        url = store.url
        store.close()
        report_cold("SQLite", measure_cold(url, info))
    if args.backend in ("postgresql", "both"):
        import psycopg

        from linewatch.store import open_store

        name = args.reuse or f"lw_bench_{uuid.uuid4().hex[:8]}"
        if not args.reuse:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
        url = args.pg.rsplit("/", 1)[0] + "/" + name
        print(f"\nPostgreSQL ({name}), {args.docs} documents", flush=True)
        try:
            store = open_store(url)
            info = info_from(store) if args.reuse else load(store, args.docs)
            refresh(store)
            report("PostgreSQL", measure(store, info, args.repeat))
            store.close()
            report_cold("PostgreSQL", measure_cold(url, info))
        finally:
            if not (args.keep or args.reuse):
                with psycopg.connect(args.pg, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
