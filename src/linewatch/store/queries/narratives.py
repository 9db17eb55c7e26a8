"""Narrative tables: statements no narrative explains (for discovery) and discovered candidates."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linewatch.store.protocol import Store


def unexplained_statements(
    store: Store, taxonomy: str | None, since: str | None, until: str | None, limit: int
) -> list[dict[str, Any]]:
    """Statements with no narrative match (in `taxonomy`, when given), dated by the statement
    or else its document, within [since, until]; at most `limit`, by id."""
    where = ["NOT EXISTS (SELECT 1 FROM narrative_matches n WHERE n.statement_id = s.id" + (" AND n.taxonomy = ?" if taxonomy else "") + ")"]
    params: list[Any] = [taxonomy] if taxonomy else []
    if since:
        where.append("COALESCE(s.date, d.published) >= ?")
        params.append(since)
    if until:
        where.append("COALESCE(s.date, d.published) <= ?")
        params.append(until)
    return store.query(
        "SELECT s.id, s.content, s.doc_id, COALESCE(s.date, d.published) AS date, s.speaker, d.outlet, d.language,"
        " s.cue, s.plover, s.stance, s.target "
        "FROM statements s JOIN documents d ON d.id = s.doc_id WHERE " + " AND ".join(where) + f" ORDER BY s.id LIMIT {int(limit)}",
        params,
    )


def save_candidates(store: Store, rows: Sequence[Sequence[Any]]) -> None:
    """Candidate rows (id, run_id, label, terms, statement_ids, first_seen, size, data, created_at),
    each replacing a candidate with the same id; one transaction."""
    with store.transaction():
        for row in rows:
            store.execute("DELETE FROM narrative_candidates WHERE id = ?", (row[0],))
            store.execute(
                "INSERT INTO narrative_candidates (id, run_id, label, terms, statement_ids, first_seen, size, data, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tuple(row),
            )


def candidate_row(store: Store, candidate_id: str) -> dict[str, Any] | None:
    """A stored candidate by its id, or by a prefix that names exactly one."""
    rows = store.query("SELECT * FROM narrative_candidates WHERE id = ?", (candidate_id,))
    if not rows:
        rows = store.query("SELECT * FROM narrative_candidates WHERE id LIKE ? ORDER BY created_at DESC", (candidate_id + "%",))
        if len(rows) != 1:
            return None
    return rows[0]
