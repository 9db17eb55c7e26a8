"""Actors for the dashboard: the `actors` table, the registry, and speakers seen in statements."""
from __future__ import annotations

import json
from typing import Any

from linewatch.actors.registry import get_registry
from linewatch.store.protocol import Store
from linewatch.store.queries import actors as actor_q
from linewatch.store.queries.records import facets


def _registry_actor(key: str) -> Any:
    """The registry's Actor for an id or canonical name, or None (registry may be absent)."""
    try:
        reg = get_registry()
        return reg.by_id(key) or reg.by_name(key)
    except Exception:  # the dashboard must work without the registry files
        return None


def _roles_from_data(data: dict[str, Any]) -> list[dict[str, Any]]:
    roles = data.get("roles") or []
    out = []
    for r in roles if isinstance(roles, list) else []:
        if isinstance(r, dict):
            out.append({k: (None if r.get(k) is None else str(r.get(k))) for k in ("title", "org", "country", "start", "end")})
    return out


def list_actors(store: Store, limit: int = 300) -> list[dict[str, Any]]:
    """Registry actors stored in the database, plus frequent speakers not in the registry."""
    rows = actor_q.actor_rows(store, limit)
    known = {r["name"] for r in rows}
    for name in facets(store)["actor"]:
        if name not in known:
            rows.append({"id": None, "name": name, "type": None, "country": None})
    return rows


def actor_profile(store: Store, key: str) -> dict[str, Any]:
    """Name, type, country and roles over time of an actor id, canonical name or bare speaker name."""
    r = actor_q.actor_row(store, key)
    if r is not None:
        try:
            data = json.loads(r["data"] or "{}")
        except ValueError:
            data = {}
        return {"id": r["id"], "name": r["name"], "type": r["type"], "country": r["country"],
                "roles": _roles_from_data(data if isinstance(data, dict) else {}),
                "description": data.get("description") if isinstance(data, dict) else None}
    actor = _registry_actor(key)
    if actor is not None:
        return {
            "id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
            "roles": [{"title": ro.title, "org": ro.org, "country": ro.country,
                       "start": ro.start.isoformat() if ro.start else None,
                       "end": ro.end.isoformat() if ro.end else None} for ro in actor.roles],
            "description": actor.description,
        }
    # a speaker known only from statements: roles as the extractor recorded them
    seen = actor_q.observed_roles(store, key)
    roles = [{"title": s["title"], "org": s["org"], "country": s["country"], "start": s["start"], "end": s["last"],
              "observed": True} for s in seen]
    return {"id": None, "name": key, "type": None, "country": roles[0]["country"] if roles else None,
            "roles": roles, "description": None}
