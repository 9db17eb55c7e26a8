"""Apply the migrations of schema.py that a database lacks, one transaction each.

`schema_migrations` records what is applied, so opening a store twice (or from
two processes at once) applies nothing twice: each migration re-checks the
table inside its transaction, under a lock (SQLite's BEGIN IMMEDIATE, a
PostgreSQL advisory lock).
"""
from __future__ import annotations

from linewatch.store.connection import Connection
from linewatch.store.rows import now_iso
from linewatch.store.schema import MIGRATIONS, migration_sql

_PG_LOCK_KEY = 0x6C696E65  # "line": serialises concurrent migrations on one PostgreSQL database


def applied_versions(conn: Connection) -> set[int]:
    return {int(r["version"]) for r in conn.query("SELECT version FROM schema_migrations")}


def migrate(conn: Connection) -> list[int]:
    """Apply missing migrations; returns the versions applied now."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = applied_versions(conn)
    applied: list[int] = []
    for version, description, sql in MIGRATIONS:
        if version in done:
            continue
        with conn.transaction():
            if conn.dialect == "postgresql":
                conn.execute("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK_KEY,))
            if version in applied_versions(conn):  # another process got there first
                continue
            conn.execute_script(migration_sql(sql, conn.dialect))
            conn.execute(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                (version, description, now_iso()),
            )
        applied.append(version)
    return applied
