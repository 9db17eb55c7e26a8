"""Document claims: a run (or a cluster task) takes a document before it processes it.

    if claim_document(store, doc_id, owner, version, lease_s=600):
        ...process, then store.save_analysis(...)   # the save drops the claim, same transaction
    else:
        ...another run has it (or it is already processed by this version): skip

A claim is a row of `document_claims` with an expiry (a lease). It is granted when the
document still needs this pipeline version and nobody holds a live claim on it, or the
claim is the same owner's (a cluster task retried after its worker died takes its own
documents back at once). A killed process's claims expire after the lease, and the next
run takes them. On PostgreSQL the document row is read `FOR UPDATE SKIP LOCKED`: a
document being saved by someone else right now is skipped, not waited for.
"""
from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

DEFAULT_LEASE_S = 600.0  # far above one document's processing time


def _iso(t: datetime) -> str:
    return t.replace(microsecond=0).isoformat()


def worker_name() -> str:
    """Where this process runs (host:pid), kept with its claims for operators."""
    return f"{socket.gethostname()}:{os.getpid()}"


def claim_document(store: Any, doc_id: str, owner: str, version: str, lease_s: float = DEFAULT_LEASE_S) -> bool:
    """Take `doc_id` for `owner` until now + lease; False when it is not to be processed by us."""
    now = datetime.now(UTC)
    lock = " FOR UPDATE SKIP LOCKED" if store.dialect == "postgresql" else ""
    sql = (
        "INSERT INTO document_claims (doc_id, owner, worker, version, expires)"
        " SELECT id, ?, ?, ?, ? FROM documents"
        " WHERE id = ? AND (processed_version IS NULL OR processed_version <> ?)" + lock +
        " ON CONFLICT (doc_id) DO UPDATE SET owner = excluded.owner, worker = excluded.worker,"
        " version = excluded.version, expires = excluded.expires"
        " WHERE document_claims.expires < ? OR document_claims.owner = excluded.owner"
        " RETURNING doc_id"
    )
    params = (owner, worker_name(), version, _iso(now + timedelta(seconds=lease_s)), doc_id, version, _iso(now))
    with store.transaction():
        return bool(store.query(sql, params))


def release_claim(store: Any, doc_id: str, owner: str) -> None:
    """Give a document back (processing failed): the next run may try it again."""
    store.execute("DELETE FROM document_claims WHERE doc_id = ? AND owner = ?", (doc_id, owner))


def drop_claim_sql() -> str:
    """Run inside the transaction that saves a document's analysis: processed, so nobody's."""
    return "DELETE FROM document_claims WHERE doc_id = ?"


def live_claims(store: Any) -> list[dict[str, Any]]:
    """Claims not yet expired (who is processing what, for operators and tests)."""
    return store.query(
        "SELECT doc_id, owner, worker, version, expires FROM document_claims WHERE expires >= ? ORDER BY expires",
        (_iso(datetime.now(UTC)),),
    )
