"""`linewatch run --cluster`: a local Dask scheduler and two worker processes over PostgreSQL.

The cluster run must store exactly the statements (same ids) that a one-process run
stores on the same documents, also when a worker is killed in the middle of the run
(its batch is redone elsewhere: nothing lost, nothing duplicated).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import linewatch
from linewatch.store import open_store
from linewatch.store.claims import live_claims

pytest.importorskip("distributed")
pytestmark = [pytest.mark.slow, pytest.mark.postgres]

SRC = Path(linewatch.__file__).resolve().parents[1]
DEMO = SRC / "linewatch" / "data" / "demo"
STARTUP_S = 120


def _env(tmp: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
           "LINEWATCH_CACHE": str(tmp / "cache"), "COLUMNS": "200", "OMP_NUM_THREADS": "1"}
    env.pop("LINEWATCH_DB", None)
    return env


def lw(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "linewatch", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _corpus(tmp: Path) -> Path:
    """English and Polish demo documents (no Russian: natasha would double the workers' start-up)."""
    folder = tmp / "docs"
    folder.mkdir()
    for p in sorted(DEMO.glob("*_en_*.txt"))[:8] + sorted(DEMO.glob("*_pl_*.txt"))[:4]:
        shutil.copy(p, folder / p.name)
    return folder


def _statement_ids(url: str) -> list[str]:
    store = open_store(url)
    try:
        return sorted(r["id"] for r in store.query("SELECT id FROM statements"))
    finally:
        store.close()


def _pending(url: str) -> int:
    store = open_store(url)
    try:
        return int(store.scalar("SELECT COUNT(*) FROM documents WHERE processed_version IS NULL"))
    finally:
        store.close()


class Cluster:
    def __init__(self, tmp: Path, env: dict[str, str]) -> None:
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        port = self.address.rsplit(":", 1)[1]
        self.procs: list[subprocess.Popen[bytes]] = []
        log = (tmp / "dask.log").open("wb")
        self.procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", port,
             "--no-dashboard"], env=env, stdout=log, stderr=log))
        self.workers = [
            subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--nthreads", "1",
                              "--no-nanny", "--no-dashboard", "--name", f"w{i}"], env=env, stdout=log, stderr=log)
            for i in range(2)
        ]
        self.procs += self.workers
        self._wait(env)

    def _wait(self, env: dict[str, str]) -> None:
        probe = ("import sys; from distributed import Client; c = Client(sys.argv[1], timeout=60); "
                 "c.wait_for_workers(2, timeout=110); c.close()")
        subprocess.run([sys.executable, "-c", probe, self.address], env=env, check=True, timeout=STARTUP_S)

    def close(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("cluster")
    env = _env(tmp)
    docs = _corpus(tmp)
    reference = f"sqlite:///{tmp / 'one.db'}"
    assert lw("ingest", str(docs), "--db", reference, cwd=tmp, env=env).returncode == 0
    one = lw("run", "--db", reference, cwd=tmp, env=env)
    assert one.returncode == 0, one.stderr
    cluster = Cluster(tmp, env)
    try:
        yield tmp, env, docs, _statement_ids(reference), cluster
    finally:
        cluster.close()


def test_cluster_run_stores_the_same_statements_as_one_process(setup, pg_url: str) -> None:
    tmp, env, docs, expected, cluster = setup
    assert expected, "the reference run found statements"
    assert lw("ingest", str(docs), "--db", pg_url, cwd=tmp, env=env).returncode == 0
    r = lw("run", "--cluster", cluster.address, "--db", pg_url, cwd=tmp, env=env)
    assert r.returncode == 0, r.stderr + r.stdout
    assert "processed 12 document(s), 0 failed" in r.stdout
    assert _statement_ids(pg_url) == expected
    again = lw("run", "--cluster", cluster.address, "--db", pg_url, cwd=tmp, env=env)
    assert again.returncode == 0 and "nothing to do" in again.stdout  # resumable: nothing left


def test_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(setup, pg_url: str) -> None:
    tmp, env, docs, expected, cluster = setup
    assert lw("ingest", str(docs), "--db", pg_url, cwd=tmp, env=env).returncode == 0
    run = subprocess.Popen([sys.executable, "-m", "linewatch", "run", "--cluster", cluster.address, "--db", pg_url],
                           cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pids = {str(w.pid): w for w in cluster.workers}
    victim = None
    deadline = time.monotonic() + 300
    store = open_store(pg_url)
    try:
        while victim is None and time.monotonic() < deadline and run.poll() is None:
            done = 12 - _pending(pg_url)
            holders = [c["worker"].rsplit(":", 1)[-1] for c in live_claims(store)]
            busy = [pids[p] for p in holders if p in pids]
            if done >= 1 and busy:  # a warm worker in the middle of a document
                victim = busy[0]
                victim.kill()
            time.sleep(0.05)
    finally:
        store.close()
    out, err = run.communicate(timeout=600)
    assert victim is not None, "the run ended before a worker could be killed"
    assert run.returncode == 0, err + out
    assert _pending(pg_url) == 0  # nothing lost
    ids = _statement_ids(pg_url)
    assert len(ids) == len(set(ids))  # nothing duplicated
    assert ids == expected
