"""Ingest speed: reading + decoding + language id + inserting, on the shipped demo corpus.

    python benchmarks/bench_ingest.py [--copies N]

Each copy of the corpus gets a distinct marker line so nothing is a duplicate.
Prints files/s and MB/s for reading alone and for reading + SQLite insert.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from linewatch.lexicon import data_path
from linewatch.sources.files import read_documents
from linewatch.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=5)
    args = ap.parse_args()
    src = sorted(data_path("demo").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for c in range(args.copies):
            for f in src:
                text = f.read_text(encoding="utf-8")
                (folder / f"{c}-{f.name}").write_text(text + f"\nbenchmark copy {c}\n", encoding="utf-8")
        files = sorted(folder.glob("*.txt"))
        size = sum(f.stat().st_size for f in files) / 1e6
        read_documents(files[0])  # warm-up: language model load
        t0 = time.perf_counter()
        docs = [d for f in files for d in read_documents(f)]
        t_read = time.perf_counter() - t0
        store = open_store(folder / "bench.db")
        t0 = time.perf_counter()
        added = sum(store.add_document(d) for d in docs)
        t_insert = time.perf_counter() - t0
        store.close()
    print(f"files={len(files)} MB={size:.2f} added={added}")
    print(f"read: {len(files) / t_read:.0f} files/s, {size / t_read:.2f} MB/s")
    print(f"insert (sqlite, one transaction each): {added / t_insert:.0f} docs/s")


if __name__ == "__main__":
    main()
