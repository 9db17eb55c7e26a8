"""`linewatch run --cluster tcp://HOST:8786`: pending documents processed by Dask workers.

The client lists the documents the current pipeline version has not processed and
hands them to the cluster in small batches. Each worker process builds the pipeline
once (models load once per worker), and for each document of a batch claims it
(store/claims.py), analyses it and saves it in its own transaction, straight into the
shared store (PostgreSQL across machines). Only statuses travel back to the client.

- Resumable and idempotent: what is saved is processed; a run started again, or a
  second client, only finds what is left.
- A worker killed mid-batch: Dask reruns the batch on another worker; the batch's
  claims carry the batch's owner name, so the rerun takes its documents back at once,
  and a document saved before the kill is not claimed again (it is processed).
- The same statements (the same ids) as a one-process run: ids are hashes of content.

Workers use LINEWATCH_DB from their own environment when it is set (keeps a password
off the scheduler), else the database URL the client sends. See docs/cluster.md.
"""
from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from linewatch.errors import ConfigError, LinewatchError
from linewatch.runner import RunOptions, RunResult, one_line, process_one, processing_version, start_run
from linewatch.store import open_store
from linewatch.store.claims import DEFAULT_LEASE_S, worker_name
from linewatch.store.protocol import Store

DEFAULT_BATCH = 4  # documents per task: small, so a lost worker costs little and work spreads evenly
CONNECT_TIMEOUT_S = 30

_lock = threading.Lock()
_state: dict[str, Any] = {}  # per worker process: the pipeline of the current RunOptions, the store


def _worker_state(db_url: str, run_options: RunOptions) -> tuple[Any, dict[str, Any], str, Any]:
    key = repr(run_options)
    with _lock:
        if _state.get("key") != key:
            pipeline, options = run_options.build()
            _state.update(key=key, pipeline=pipeline, options=options,
                          version=processing_version(pipeline, run_options.taxonomy))
        url = os.environ.get("LINEWATCH_DB") or db_url
        if _state.get("url") != url:
            _state["store"] = open_store(url)
            _state["url"] = url
        return _state["pipeline"], _state["options"], _state["version"], _state["store"]


def process_batch(db_url: str, run_options: RunOptions, version: str, doc_ids: list[str], owner: str,
                  lease_s: float) -> list[tuple[str, str, str | None]]:
    """On a worker: claim, analyse and save each document; (doc id, status, error) for each."""
    pipeline, options, worker_version, store = _worker_state(db_url, run_options)
    if worker_version != version:
        raise ConfigError(f"worker {worker_name()} runs pipeline {worker_version}, the client {version}: "
                          "install the same linewatch version on every machine")
    out = []
    with _lock:  # one document at a time per process, whatever --nthreads says
        for doc_id in doc_ids:
            status, error, _ = process_one(store, pipeline, options, version, doc_id, owner, lease_s)
            out.append((doc_id, status, error))
    return out


def _sendable_url(db_url: str) -> str:
    """A SQLite path made absolute (workers start elsewhere); other URLs as they are."""
    if "://" not in db_url:
        return str(Path(db_url).resolve())
    if db_url.startswith("sqlite:///"):
        return "sqlite:///" + str(Path(db_url[len("sqlite:///"):]).resolve())
    return db_url


def run_cluster(
    store: Store,
    db_url: str,
    address: str,
    run_options: RunOptions,
    *,
    limit: int | None = None,
    batch: int = DEFAULT_BATCH,
    lease_s: float = DEFAULT_LEASE_S,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[str, str | None], None] | None = None,
) -> RunResult:
    """Process the store's pending documents on the Dask cluster at `address`."""
    try:
        from distributed import Client, as_completed  # lazy: Dask is the optional cluster extra
    except ImportError as exc:  # an optional extra, not one of linewatch's own modules
        raise ConfigError("--cluster needs Dask: pip install 'linewatch[cluster]'") from exc

    _, _, ids, result = start_run(store, run_options, limit, on_start)
    version = result.version
    if not ids:
        return result
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_S)
    except Exception as exc:
        raise LinewatchError(f"cannot reach the Dask scheduler at {address}: {one_line(exc)}") from exc
    run_id = uuid.uuid4().hex[:12]
    batches = [ids[i : i + batch] for i in range(0, len(ids), batch)]
    url = _sendable_url(db_url)
    try:
        futures = {
            client.submit(process_batch, url, run_options, version, b, f"cluster:{run_id}:{n}", lease_s,
                          key=f"linewatch-{run_id}-{n}", pure=False): b
            for n, b in enumerate(batches)
        }
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except Exception as exc:  # the batch failed on every worker Dask tried
                outcome = [(doc_id, "failed", one_line(exc)) for doc_id in futures[future]]
            for doc_id, status, error in outcome:
                result.count(doc_id, status, error)
                if on_done:
                    on_done(doc_id, error)
    finally:
        client.close()
    return result
