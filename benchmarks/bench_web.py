"""Dashboard and API speed on a large generated database (SQLite and PostgreSQL).

    python benchmarks/bench_web.py [--docs 100000] [--repeat 15] [--backend sqlite|postgresql|both]
                                   [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--keep]

Generates documents with statements, events, narratives and story groups
(linewatch.web.sample_data), then requests every page and API endpoint
`--repeat` times with varying filters through the ASGI app in-process, and
prints p50/p95 in milliseconds. The SQLite file is cached in
benchmarks/.cache/ (reused when it has the same size); the PostgreSQL
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
    from linewatch.web.sample_data import populate

    t = time.perf_counter()
    info = populate(store, n_docs, hostile=True, batch=10_000)
    if store.dialect == "postgresql":
        store.execute("ANALYZE")
    else:
        store.execute("ANALYZE")
    print(f"  loaded {info.documents} documents, {info.statements} statements, {info.events} events "
          f"in {time.perf_counter() - t:.1f} s", flush=True)
    return info


def sqlite_store(n_docs: int) -> tuple[Any, Any]:
    import json

    from linewatch.store import open_store
    from linewatch.web.sample_data import SampleInfo

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"web-{n_docs}.db"
    meta = CACHE / f"web-{n_docs}.json"
    if path.exists() and meta.exists():
        print(f"  reusing {path}", flush=True)
        return open_store(str(path)), SampleInfo(**json.loads(meta.read_text()))
    for p in CACHE.glob(f"web-{n_docs}.db*"):
        p.unlink()
    store = open_store(str(path))
    info = load(store, n_docs)
    meta.write_text(json.dumps(info.__dict__))
    return store, info


def measure(store: Any, info: Any, repeat: int) -> list[tuple[str, float, float, int]]:
    import warnings

    warnings.filterwarnings("ignore")
    from fastapi.testclient import TestClient

    from linewatch.web.app import create_app
    from linewatch.web.settings import WebSettings

    client = TestClient(create_app(store, WebSettings()), raise_server_exceptions=True)
    client.get("/")  # warm: facet cache, templates
    out = []
    for name, urls in endpoints(info):
        times = []
        for i in range(repeat):
            url = urls[i % len(urls)]
            t = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{url}: HTTP {r.status_code} {r.text[:200]}")
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        out.append((name, statistics.median(times), p95, len(urls)))
    return out


def report(backend: str, rows: list[tuple[str, float, float, int]]) -> None:
    print(f"\n{backend}: p50 / p95 in ms (aim: p95 < 300)")
    print(f"  {'endpoint':42} {'p50':>8} {'p95':>8}  variants")
    for name, p50, p95, n in rows:
        flag = "" if p95 < 300 else "  <-- over 300 ms"
        print(f"  {name:42} {p50:8.1f} {p95:8.1f}  {n}{flag}")
    worst = max(r[2] for r in rows)
    print(f"  worst p95: {worst:.1f} ms", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--pg", default=os.environ.get("LINEWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres"))
    ap.add_argument("--keep", action="store_true", help="keep the PostgreSQL scratch database")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE.parent / "src"))
    if args.backend in ("sqlite", "both"):
        print(f"SQLite, {args.docs} documents", flush=True)
        store, info = sqlite_store(args.docs)
        report("SQLite", measure(store, info, args.repeat))
        store.close()
    if args.backend in ("postgresql", "both"):
        import psycopg

        from linewatch.store import open_store

        name = f"lw_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = args.pg.rsplit("/", 1)[0] + "/" + name
        print(f"\nPostgreSQL ({name}), {args.docs} documents", flush=True)
        try:
            store = open_store(url)
            info = load(store, args.docs)
            report("PostgreSQL", measure(store, info, args.repeat))
            store.close()
        finally:
            if not args.keep:
                with psycopg.connect(args.pg, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
