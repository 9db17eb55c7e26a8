"""linewatch's store: the same tables on SQLite (default, one file) and PostgreSQL.

    from linewatch.store import open_store
    store = open_store()                       # LINEWATCH_DB, else workspace, else ./linewatch.db
    store = open_store("sqlite:///x.db")       # or a path, or "postgresql://..."
    rows = store.query("SELECT * FROM statements WHERE speaker = ?", ("Sergei Lavrov",))
"""
from __future__ import annotations

import os
from pathlib import Path

from linewatch.config import load_config
from linewatch.errors import StoreError
from linewatch.store.connection import Connection, resolve_url
from linewatch.store.rows import (
    document_from_row,
    event_from_row,
    narrative_from_row,
    stance_from_row,
    statement_from_row,
)
from linewatch.store.store import Store, fts5_query, search_terms


def open_store(url_or_path: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the database at a path or URL.

    None means: LINEWATCH_DB, else the workspace's [database] url, else ./linewatch.db.
    create=False refuses a SQLite file that does not exist yet (read-only commands must not
    leave an empty database behind a mistyped --db); a PostgreSQL database is never created here.
    """
    if url_or_path in (None, ""):
        url_or_path = load_config().db_url(None)
    dialect, target = resolve_url(url_or_path)
    if not create and dialect == "sqlite" and target != ":memory:" and not Path(target).expanduser().exists():
        raise StoreError("no such database (`linewatch ingest`, `linewatch demo` or `linewatch init` create one)",
                         where=target)
    return Store(Connection(dialect, target))


__all__ = [
    "Store",
    "open_store",
    "resolve_url",
    "document_from_row",
    "statement_from_row",
    "event_from_row",
    "narrative_from_row",
    "stance_from_row",
    "fts5_query",
    "search_terms",
]
