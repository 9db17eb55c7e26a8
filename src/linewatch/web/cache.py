"""A small time-limited cache for aggregates (charts, filter values).

Lists and single items are always read fresh; aggregates over thousands of
rows are kept for TTL seconds per store and arguments, and dropped whenever
the dashboard itself writes (a correction, an ingested document).
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable, TypeVar

T = TypeVar("T")
TTL = 120.0
MAX_ENTRIES = 512

_lock = threading.Lock()
_entries: "OrderedDict[tuple[Any, ...], tuple[float, Any]]" = OrderedDict()


def cached(store: Any, key: tuple[Any, ...], compute: Callable[[], T], ttl: float = TTL) -> T:
    """compute() once per (store, key) within ttl seconds."""
    full = (id(store), *key)
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
    with _lock:
        _entries.clear()
