"""Analyst corrections: stored by stable item id, applied whenever items are read.

Because the key is the item id (a hash of document id and offsets), a
correction still applies after the document is reprocessed and the item is
written again. The newest correction of a field (by created_at, then id) wins; every
one is kept with who made it and when, so the history is auditable.

This is the one overlay: lists, aggregates, the stance matrix and scenario matching all
apply corrections through `apply_corrections`.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from linewatch.errors import InputError
from linewatch.store.protocol import Store
from linewatch.store.queries.cache import clear
from linewatch.store.queries.filters import parse_day
from linewatch.store.queries.search import resolve_actor
from linewatch.store.rows import in_clause

CORRECTABLE = ("speaker", "date", "target", "stance", "narratives", "wrong", "source")
ONLY_FOR = {"source": "event", "speaker": "statement"}  # fields one kind of item has and the other lacks
ID_FIELDS = ("speaker_id", "target_id")
RESOLVED = {"speaker": "speaker_id", "target": "target_id", "source": None}  # names the registry resolves (-> id field)
ITEM_KINDS = ("statement", "event", "narrative", "shift")
# A `wrong` correction marks the item wrong when its value is one of these (any case, spaces
# trimmed); "false" (or anything else) takes the mark back. The dashboard writes "true"/"false".
WRONG_VALUES = ("1", "true", "yes", "wrong")
MAX_VALUE = 500
MAX_AUTHOR = 80


def corrections_for(store: Store, kind: str, ids: list[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """{item id: {field: newest correction row}} for the given items (one query)."""
    ids = [i for i in dict.fromkeys(ids) if i]
    if not ids:
        return {}
    among, values = in_clause(store.dialect, "item_id", ids)
    rows = store.query(
        f"SELECT item_id, field, old_value, new_value, author, note, created_at FROM corrections"
        f" WHERE item_kind = ? AND {among} ORDER BY created_at, id",
        [kind, *values],
    )
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["item_id"], {})[r["field"]] = r  # later rows overwrite: newest wins
    return out


def is_wrong(value: str | None) -> bool:
    """Whether a `wrong` correction's value marks the item wrong."""
    return (value or "").strip().lower() in WRONG_VALUES


def apply_corrections(rows: list[dict[str, Any]], kind: str, store: Store) -> list[dict[str, Any]]:
    """Overlay corrections on item rows in place; adds `corrected` and `wrong` keys."""
    found = corrections_for(store, kind, [r["id"] for r in rows])
    for r in rows:
        r.setdefault("corrected", {})
        r.setdefault("wrong", False)
        for field, c in found.get(r["id"], {}).items():
            if field == "wrong":
                r["wrong"] = is_wrong(c["new_value"])
                r["corrected"]["wrong"] = c
                continue
            if field == "narratives":
                try:
                    r["narratives"] = [str(x) for x in json.loads(c["new_value"] or "[]")]
                except ValueError:
                    continue
            else:
                r[field] = c["new_value"] or None
            if field in ID_FIELDS:
                continue  # follows its name; the name is what is shown as corrected
            r["corrected"][field] = c
    return rows


def _check_value(field: str, value: str) -> str:
    value = value.strip()
    if len(value) > MAX_VALUE or "\x00" in value:
        raise InputError("value too long or malformed", where=field)
    if field == "stance" and value not in ("support", "oppose", "neutral"):
        raise InputError("stance must be support, oppose or neutral", where=field)
    if field == "date" and value:
        parse_day(value, "date")
    if field == "wrong" and value not in ("true", "false"):
        raise InputError("wrong must be true or false", where=field)
    return value


def normalise_narratives(value: str | list[str]) -> str:
    """Narratives as a JSON list from a comma-separated string or a list."""
    items = value if isinstance(value, list) else value.split(",")
    clean = [str(x).strip() for x in items if str(x).strip()]
    if any(len(x) > 120 for x in clean) or len(clean) > 30:
        raise InputError("too many or too long narrative ids", where="narratives")
    return json.dumps(clean, ensure_ascii=False)


def add_corrections(
    store: Store,
    kind: str,
    item: dict[str, Any],
    changes: dict[str, Any],
    author: str,
    note: str | None = None,
) -> int:
    """Store one correction row per changed field (one transaction). Returns how many."""
    if kind not in ITEM_KINDS:
        raise InputError(f"unknown item kind {kind!r}", where="correction")
    author = (author or "").strip()[:MAX_AUTHOR] or "analyst"
    note = (note or "").strip()[:MAX_VALUE] or None
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows: list[list[Any]] = []
    for field, raw in changes.items():
        if field not in CORRECTABLE or ONLY_FOR.get(field, kind) != kind:
            raise InputError(f"cannot correct {field!r} of a {kind}; one of {', '.join(CORRECTABLE)}", where="correction")
        if raw is None:
            continue
        if field == "narratives":
            new = normalise_narratives(raw)
            old = json.dumps(item.get("narratives") or [], ensure_ascii=False)
        else:
            new = _check_value(field, str(raw))
            actor = resolve_actor(new) if field in RESOLVED and new else None
            if actor is not None:
                new = actor.name  # "Лавров" is filed under Sergei Lavrov, like an extracted mention
            id_field = RESOLVED.get(field)
            if id_field and new != (item.get(field) or ""):
                # the registry id travels with the name, so ?actor=<id>, actor pages and the matrix follow it
                rows.append([kind, item["id"], item.get("doc_id"), id_field, item.get(id_field),
                             actor.id if actor else "", author, note, now])
            old_raw = item.get(field)
            old = "true" if old_raw is True else "false" if old_raw is False else (None if old_raw is None else str(old_raw))
        if new == (old or ""):
            continue
        rows.append([kind, item["id"], item.get("doc_id"), field, old, new, author, note, now])
    if not rows:
        return 0
    with store.transaction():
        for r in rows:
            store.execute(
                "INSERT INTO corrections (item_kind, item_id, doc_id, field, old_value, new_value, author, note, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r,
            )
    clear()  # cached aggregates may count the corrected item
    return sum(1 for r in rows if r[3] not in ID_FIELDS)  # the fields the analyst changed


def correction_history(store: Store, kind: str, item_id: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT field, old_value, new_value, author, note, created_at FROM corrections"
        " WHERE item_kind = ? AND item_id = ? AND field NOT IN ('speaker_id', 'target_id') ORDER BY id DESC LIMIT 100",
        [kind, item_id],
    )
