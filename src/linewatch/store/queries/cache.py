"""A small cache for aggregates (charts, filter values), invalidated when the data changes.

Lists and single items are always read fresh. Aggregates over thousands of
rows are kept per store, arguments and *data version*: a cheap fingerprint
of the tables (SQLite's data_version and newest row ids, PostgreSQL's next
transaction id),
checked at most every VERSION_CHECK seconds. So a chart is computed once per
change of the data, not once per visit; TTL bounds how long anything lives.
"""
from __future__ import annotations

import itertools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from linewatch.store.protocol import Store

T = TypeVar("T")
TTL = 3600.0
VERSION_CHECK = 5.0
MAX_ENTRIES = 512

_lock = threading.Lock()
_entries: OrderedDict[tuple[Any, ...], tuple[float, Any]] = OrderedDict()
_versions: dict[int, tuple[float, Any]] = {}
_tokens = itertools.count(1)

SQLITE_VERSION = (
    "SELECT (SELECT MAX(rowid) FROM documents) AS d, (SELECT MAX(rowid) FROM statements) AS s,"
    " (SELECT MAX(rowid) FROM events) AS e, (SELECT MAX(rowid) FROM narrative_matches) AS n,"
    " (SELECT MAX(id) FROM corrections) AS c, (SELECT MAX(id) FROM scenario_weights) AS w"
)
# the next transaction id: it moves only when some transaction writes (server-wide, so it
# may also move for other databases: then a chart is recomputed needlessly, never stale)
POSTGRES_VERSION = "SELECT txid_snapshot_xmax(txid_current_snapshot()) AS x"


def _token(store: Store) -> int:
    """A number for this store object that no other store ever gets. Not id(): Python hands a freed
    object's id to the next object of its size, and a store opened right after another was closed
    would read the closed one's version and aggregates."""
    token = getattr(store, "_cache_token", None)
    if token is None:
        token = next(_tokens)
        store._cache_token = token  # type: ignore[attr-defined]
    return int(token)


def data_version(store: Store) -> Any:
    """A value that changes whenever the tables behind the dashboard are written."""
    now = time.monotonic()
    with _lock:
        hit = _versions.get(_token(store))
        if hit is not None and now - hit[0] < VERSION_CHECK:
            return hit[1]
    sql = SQLITE_VERSION if store.dialect == "sqlite" else POSTGRES_VERSION
    version: tuple[Any, ...] = tuple(store.query(sql, [])[0].values())
    if store.dialect == "sqlite":
        # changes whenever another connection (another linewatch process) commits anything
        version += tuple(store.query("PRAGMA data_version", [])[0].values())
    with _lock:
        _versions[_token(store)] = (now, version)
    return version


def cached(store: Store, key: tuple[Any, ...], compute: Callable[[], T], ttl: float = TTL) -> T:
    """compute() once per (store, key, data version) within ttl seconds."""
    full = (_token(store), data_version(store), *key)
    now = time.monotonic()
    with _lock:
        hit = _entries.get(full)
        if hit is not None and now - hit[0] < ttl:
            _entries.move_to_end(full)
            return hit[1]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _entries[full] = (now, value)
        _entries.move_to_end(full)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def clear() -> None:
    """Forget everything (after the dashboard itself wrote: the next read sees the change at once)."""
    with _lock:
        _entries.clear()
        _versions.clear()
