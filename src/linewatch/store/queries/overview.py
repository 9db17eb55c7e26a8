"""What the dashboard's front page counts and lists: recent items and source health."""
from __future__ import annotations

from typing import Any

from linewatch.store.protocol import Store


def counts_since(store: Store, since: str | None) -> dict[str, int]:
    """Documents published, statements and events dated on or after `since` (all when None)."""
    return {
        "documents": store.query("SELECT COUNT(*) AS n FROM documents WHERE published >= ?", [since or ""])[0]["n"],
        "statements": store.query("SELECT COUNT(*) AS n FROM statements WHERE date >= ?", [since or ""])[0]["n"],
        "events": store.query("SELECT COUNT(*) AS n FROM events WHERE date >= ?", [since or ""])[0]["n"],
    }


def source_states(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """Watched sources, failing ones first."""
    return store.query(
        "SELECT id, kind, location, last_run, last_ok, errors, last_error, items_seen FROM sources"
        " ORDER BY errors DESC, id LIMIT ?",
        [limit],
    )
