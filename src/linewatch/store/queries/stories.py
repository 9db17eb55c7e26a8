"""Story groups (copies of one story across outlets) as the briefing and views need them."""
from __future__ import annotations

from typing import Any

MAX_IDS = 900  # below SQLite's bound-parameter limit


def story_of_documents(store: Any, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """{doc id: {"group": story group id, "relation": origin/exact/near/translated}} for grouped documents."""
    out: dict[str, dict[str, Any]] = {}
    ids = sorted(set(doc_ids))
    for i in range(0, len(ids), MAX_IDS):
        chunk = ids[i:i + MAX_IDS]
        marks = ",".join("?" for _ in chunk)
        for r in store.query(f"SELECT group_id, doc_id, relation FROM story_members WHERE doc_id IN ({marks})", chunk):
            out[r["doc_id"]] = {"group": r["group_id"], "relation": r["relation"]}
    return out


def is_narrative_id(store: Any, narrative_id: str) -> bool:
    """Whether any statement matched this narrative id (else a briefing topic is searched as words)."""
    return bool(store.query("SELECT 1 AS x FROM narrative_matches WHERE narrative_id = ? LIMIT 1", [narrative_id]))
