"""One database connection, SQLite or PostgreSQL, behind the same small interface.

SQL is written once with `?` placeholders; for psycopg they become `%s` (and
a literal `%` becomes `%%`), outside quoted strings, identifiers and
comments. Transactions nest: the outer one is BEGIN/COMMIT, inner ones are
savepoints, so a helper that opens its own transaction can be called from
inside another.
"""
from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from linewatch.errors import StoreError

DEFAULT_DB = "linewatch.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def resolve_url(url_or_path: str | os.PathLike[str] | None) -> tuple[str, str]:
    """(dialect, target): a file path for SQLite, the URL for PostgreSQL.

    None means LINEWATCH_DB, else ./linewatch.db.
    """
    raw = str(url_or_path) if url_or_path not in (None, "") else os.environ.get("LINEWATCH_DB") or DEFAULT_DB
    if raw.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        return "postgresql", raw.replace("postgresql+psycopg://", "postgresql://", 1)
    if raw.startswith("sqlite:///"):
        return "sqlite", raw[len("sqlite:///"):] or DEFAULT_DB
    if raw.startswith("sqlite://"):
        return "sqlite", raw[len("sqlite://"):] or DEFAULT_DB
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw):
        raise StoreError("unsupported database URL (use a file path, sqlite:///PATH or postgresql://...)", where=raw)
    return "sqlite", raw


def to_pyformat(sql: str) -> str:
    """`?` -> `%s` and `%` -> `%%` outside string literals, quoted identifiers and comments."""
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in ("'", '"'):
            j = i + 1
            while j < n:
                if sql[j] == c:
                    if j + 1 < n and sql[j + 1] == c:  # doubled quote inside the literal
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i : j + 1].replace("%", "%%"))
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j < 0 else j
            out.append(sql[i:j].replace("%", "%%"))
            i = j
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(sql[i:j].replace("%", "%%"))
            i = j
        elif c == "?":
            out.append("%s")
            i += 1
        elif c == "%":
            out.append("%%")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_sqlite_script(script: str) -> list[str]:
    """Statements of an SQLite script (trigger bodies kept whole), for running inside a transaction."""
    statements: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip() and not all(ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()):
        statements.append(buf.strip())
    return statements


class Connection:
    """A thread-safe connection with `?` placeholders and nestable transactions."""

    def __init__(self, dialect: str, target: str) -> None:
        self.dialect = dialect
        self.target = target
        self._lock = threading.RLock()
        self._depth = 0
        if dialect == "sqlite":
            self._raw = self._open_sqlite(target)
        else:
            self._raw = self._open_postgres(target)

    # ------------------------------------------------------------------ opening

    @staticmethod
    def _open_sqlite(path: str) -> Any:
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError("the folder for the database does not exist", where=path)
        try:
            conn = sqlite3.connect(
                path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite database ({exc})", where=path) from None
        return conn

    @staticmethod
    def _open_postgres(url: str) -> Any:
        try:
            import psycopg  # lazy: psycopg loads only for a PostgreSQL database
            from psycopg.rows import dict_row  # lazy: psycopg loads only for a PostgreSQL database
        except ImportError:  # pragma: no cover - a declared dependency
            raise StoreError("psycopg is not installed: pip install 'psycopg[binary]'", where=_safe_url(url)) from None
        try:
            return psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.Error as exc:
            msg = " ".join(str(exc).split())[:300]
            raise StoreError(f"cannot connect to PostgreSQL ({msg})", where=_safe_url(url)) from None

    # ------------------------------------------------------------------ running SQL

    def _sql(self, sql: str) -> str:
        return to_pyformat(sql) if self.dialect == "postgresql" else sql

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            try:
                cur = self._raw.execute(self._sql(sql), tuple(params))
                rows = cur.fetchall() if cur.description else []
            except Exception as exc:
                raise self._error(exc, sql) from exc
        return [dict(r) for r in rows]

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; returns the number of rows changed."""
        with self._lock:
            try:
                cur = self._raw.execute(self._sql(sql), tuple(params))
            except Exception as exc:
                raise self._error(exc, sql) from exc
            return cur.rowcount if cur.rowcount is not None else -1

    def executemany(self, sql: str, seq: Sequence[Sequence[Any]]) -> None:
        if not seq:
            return
        with self._lock:
            try:
                if self.dialect == "sqlite":
                    self._raw.executemany(sql, [tuple(p) for p in seq])
                else:
                    with self._raw.cursor() as cur:
                        cur.executemany(self._sql(sql), [tuple(p) for p in seq])
            except Exception as exc:
                raise self._error(exc, sql) from exc

    def execute_script(self, script: str) -> None:
        """A multi-statement script (migrations), inside the current transaction."""
        with self._lock:
            try:
                if self.dialect == "sqlite":
                    for stmt in split_sqlite_script(script):
                        self._raw.execute(stmt)
                else:
                    self._raw.execute(script)  # no params: psycopg leaves % alone
            except Exception as exc:
                raise self._error(exc, script[:80]) from exc

    def _error(self, exc: Exception, sql: str) -> Exception:
        if isinstance(exc, StoreError):
            return exc
        first = " ".join(str(exc).split())[:300]
        where = self.target if self.dialect == "sqlite" else _safe_url(self.target)
        return StoreError(f"database error: {first} (in: {' '.join(sql.split())[:120]})", where=where)

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN ... COMMIT (ROLLBACK on error); nested calls use savepoints."""
        with self._lock:
            depth = self._depth
            if depth == 0:
                self._raw.execute("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
            else:
                self._raw.execute(f"SAVEPOINT lw_sp_{depth}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                try:
                    if depth == 0:
                        self._raw.execute("ROLLBACK")
                    else:
                        self._raw.execute(f"ROLLBACK TO SAVEPOINT lw_sp_{depth}")
                        self._raw.execute(f"RELEASE SAVEPOINT lw_sp_{depth}")
                except Exception:  # the original error matters more than a failed rollback
                    pass
                raise
            else:
                self._depth -= 1
                try:
                    if depth == 0:
                        self._raw.execute("COMMIT")
                    else:
                        self._raw.execute(f"RELEASE SAVEPOINT lw_sp_{depth}")
                except Exception as exc:
                    raise self._error(exc, "COMMIT") from exc

    def close(self) -> None:
        with self._lock:
            try:
                self._raw.close()
            except Exception:
                pass


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
