"""Actors as the views need them: the `actors` table and the roles statements recorded."""
from __future__ import annotations

from typing import Any

from linewatch.store.protocol import Store


def actor_rows(store: Store, limit: int) -> list[dict[str, Any]]:
    """Registry actors stored in the database (id, name, type, country), by name."""
    return store.query("SELECT id, name, type, country FROM actors ORDER BY name LIMIT ?", [limit])


def actor_row(store: Store, key: str) -> dict[str, Any] | None:
    """The stored actor whose id or canonical name is `key` (with its JSON `data`), or None."""
    rows = store.query("SELECT id, name, type, country, data FROM actors WHERE id = ? OR name = ? LIMIT 1", [key, key])
    return rows[0] if rows else None


def observed_roles(store: Store, speaker: str) -> list[dict[str, Any]]:
    """Roles the extractor recorded for a speaker name: title, org, country, first and last date."""
    return store.query(
        "SELECT speaker_role AS title, speaker_org AS org, speaker_country AS country, MIN(date) AS start, MAX(date) AS last"
        " FROM statements WHERE speaker = ? AND speaker_role IS NOT NULL GROUP BY speaker_role, speaker_org, speaker_country"
        " ORDER BY MIN(date) LIMIT 20",
        [speaker],
    )
