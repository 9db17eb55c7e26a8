"""Story groups (copies of one story across outlets) as the briefing and views need them."""
from __future__ import annotations

from typing import Any

from linewatch.store.protocol import Store

MAX_IDS = 900  # below SQLite's bound-parameter limit


def story_of_documents(store: Store, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """{doc id: {"group": story group id, "relation": origin/exact/near/translated}} for grouped documents."""
    out: dict[str, dict[str, Any]] = {}
    ids = sorted(set(doc_ids))
    for i in range(0, len(ids), MAX_IDS):
        chunk = ids[i:i + MAX_IDS]
        marks = ",".join("?" for _ in chunk)
        for r in store.query(f"SELECT group_id, doc_id, relation FROM story_members WHERE doc_id IN ({marks})", chunk):
            out[r["doc_id"]] = {"group": r["group_id"], "relation": r["relation"]}
    return out


def is_narrative_id(store: Store, narrative_id: str) -> bool:
    """Whether any statement matched this narrative id (else a briefing topic is searched as words)."""
    return bool(store.query("SELECT 1 AS x FROM narrative_matches WHERE narrative_id = ? LIMIT 1", [narrative_id]))


def story_of(store: Store) -> dict[str, str]:
    """doc id -> story group id, for documents in a group."""
    return {r["doc_id"]: r["group_id"] for r in store.query("SELECT doc_id, group_id FROM story_members")}


def documents_for_grouping(store: Store) -> list[dict[str, Any]]:
    """Every document with what story grouping compares (text, title, language, date, outlet, meta)."""
    return store.query("SELECT id, title, text, language, published, outlet, meta FROM documents ORDER BY id")


def replace_story_groups(store: Store, groups: list[tuple[Any, ...]], members: list[tuple[Any, ...]]) -> None:
    """Replace the stored story groups (id, first_doc_id, first_seen, size, label) and their members
    (group_id, doc_id, relation, similarity); one transaction, never half-written."""
    with store.transaction():
        store.execute("DELETE FROM story_members")
        store.execute("DELETE FROM story_groups")
        for g in groups:
            store.execute(
                "INSERT INTO story_groups (id, first_doc_id, first_seen, size, label) VALUES (?, ?, ?, ?, ?)", g,
            )
        if members:
            store.executemany(
                "INSERT INTO story_members (group_id, doc_id, relation, similarity) VALUES (?, ?, ?, ?)", members
            )


def documents_with_sightings(store: Store) -> list[dict[str, Any]]:
    """(id, meta) of documents whose meta records sightings (further places the same text ran)."""
    return store.query("SELECT id, meta FROM documents WHERE meta LIKE ?", ('%"sightings"%',))


def narrative_documents(store: Store) -> list[dict[str, Any]]:
    """(k = narrative id, doc_id) of every narrative match."""
    return store.query("SELECT narrative_id AS k, doc_id FROM narrative_matches")


def speaker_documents(store: Store) -> list[dict[str, Any]]:
    """(k = speaker, doc_id) of every statement with a speaker."""
    return store.query("SELECT speaker AS k, doc_id FROM statements WHERE speaker IS NOT NULL")
