"""The watcher's state: sources, the items taken from them, their health."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linewatch.model import Document, Event
from linewatch.store.protocol import Store
from linewatch.store.rows import EVENT_COLUMNS, event_row, insert_sql


def upsert_source(store: Store, source_id: str, kind: str, location: str, config: str) -> None:
    """Insert a new source, or refresh kind/location/config of a known one (its state is kept)."""
    with store.transaction():
        if store.scalar("SELECT 1 FROM sources WHERE id = ?", (source_id,)):
            row = store.query_one("SELECT location FROM sources WHERE id = ?", (source_id,))
            if row and row["location"] != location:
                # A new location is a new resource: old validators would wrongly answer 304.
                store.execute("UPDATE sources SET etag = NULL, last_modified = NULL, next_run = NULL "
                              "WHERE id = ?", (source_id,))
            store.execute("UPDATE sources SET kind = ?, location = ?, config = ? WHERE id = ?",
                          (kind, location, config, source_id))
        else:
            store.execute("INSERT INTO sources (id, kind, location, config, errors, items_seen) "
                          "VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT DO NOTHING",
                          (source_id, kind, location, config))


def source_known(store: Store, source_id: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM sources WHERE id = ?", (source_id,)))


def item_seen(store: Store, source_id: str, key: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM source_items WHERE source_id = ? AND item_key = ?", (source_id, key)))


def save_item(
    store: Store, source_id: str, key: str, doc: Document, events: Sequence[Event], meta_append: Any, first_seen: str
) -> tuple[bool, bool, int]:
    """Store one item atomically: (recorded as new, document was new, events inserted)."""
    inserted_events = 0
    with store.transaction():
        if item_seen(store, source_id, key):
            return False, False, 0
        doc_new = store.add_document(doc)  # type: ignore[attr-defined]
        doc_id = doc.id
        if not doc_new:
            row = store.query_one("SELECT id FROM documents WHERE content_hash = ? OR id = ?", (doc.hash, doc.id))
            doc_id = row["id"] if row else doc.id
            store.append_document_meta(doc_id, meta_append)  # type: ignore[attr-defined]
        sql = insert_sql("events", EVENT_COLUMNS, "ON CONFLICT DO NOTHING")
        for event in events:
            event.doc_id = doc_id
            inserted_events += store.execute(sql, event_row(event))
        store.execute(
            "INSERT INTO source_items (source_id, item_key, doc_id, first_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (source_id, key[:2000], doc_id, first_seen),
        )
    return True, doc_new, inserted_events


def record_success(
    store: Store, source_id: str, last_run: str, next_run: str, note: str | None, new_items: int,
    validators: tuple[str | None, str | None] | None = None,
) -> None:
    """A poll that worked: errors reset; `validators` (etag, last_modified) kept when given."""
    params: list[Any] = [last_run, next_run, last_run, note, new_items]
    extra = ""
    if validators is not None:
        extra = ", etag = ?, last_modified = ?"
        params += list(validators)
    store.execute(
        "UPDATE sources SET last_run = ?, next_run = ?, last_ok = ?, errors = 0, last_error = ?, "
        f"items_seen = items_seen + ?{extra} WHERE id = ?",
        (*params, source_id),
    )


def source_errors(store: Store, source_id: str) -> int | None:
    """Failures in a row so far, None for an unknown source."""
    row = store.query_one("SELECT errors FROM sources WHERE id = ?", (source_id,))
    return int(row["errors"] or 0) if row else None


def record_failure(
    store: Store, source_id: str, last_run: str, next_run: str, errors: int, error: str, new_items: int,
    alert: Sequence[Any] | None = None,
) -> None:
    """A poll that failed, and (kind, created_at, as_of, message, ref) of an alert when one is due."""
    with store.transaction():
        store.execute(
            "UPDATE sources SET last_run = ?, next_run = ?, errors = ?, last_error = ?, "
            "items_seen = items_seen + ? WHERE id = ?",
            (last_run, next_run, errors, error, new_items, source_id),
        )
        if alert is not None:
            store.execute("INSERT INTO alerts (kind, created_at, as_of, message, ref) VALUES (?, ?, ?, ?, ?)", alert)


def validators(store: Store, source_id: str) -> dict[str, Any]:
    """The etag and last_modified a source's last complete poll left ({} when none)."""
    return store.query_one("SELECT etag, last_modified FROM sources WHERE id = ?", (source_id,)) or {}


def next_runs(store: Store) -> dict[str, Any]:
    """source id -> its next_run."""
    return {r["id"]: r["next_run"] for r in store.query("SELECT id, next_run FROM sources")}


def earliest_next_run(store: Store, source_ids: Sequence[str]) -> Any:
    marks = ", ".join("?" for _ in source_ids)
    return store.scalar(f"SELECT MIN(next_run) FROM sources WHERE id IN ({marks})", list(source_ids))


def source_rows(store: Store) -> list[dict[str, Any]]:
    return store.query("SELECT * FROM sources ORDER BY id")


def item_counts(store: Store) -> dict[str, int]:
    """source id -> items taken from it."""
    return {r["source_id"]: r["n"] for r in store.query(
        "SELECT source_id, COUNT(*) AS n FROM source_items GROUP BY source_id")}
