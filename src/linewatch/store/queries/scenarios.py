"""Scenario tables: the items indicators are matched against, and the evidence, weights and
alerts a check writes (`analyze/scenarios/`), read back by the board and the briefing."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linewatch.store.protocol import Store

# ------------------------------------------------------------------ items indicators match


def statement_items(store: Store) -> list[dict[str, Any]]:
    """Every statement with its document's date and language (corrections not yet applied)."""
    return store.query(
        "SELECT s.id, s.doc_id, s.speaker, s.speaker_id, s.speaker_country, s.target, s.target_id,"
        " s.stance, s.plover, s.sentence, s.content, s.content_start, s.content_end, s.sentence_start,"
        " s.date, s.confidence, d.published, d.language"
        " FROM statements s JOIN documents d ON d.id = s.doc_id"
    )


def event_items(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT e.id, e.doc_id, e.plover, e.source, e.target, e.participants, e.date, e.span_start, e.span_end,"
        " e.sentence, e.confidence, e.trigger, d.published, d.language"
        " FROM events e JOIN documents d ON d.id = e.doc_id"
    )


def narrative_items(store: Store, relation: str) -> list[dict[str, Any]]:
    """Narrative matches of one relation to their narrative (e.g. only the promoters)."""
    return store.query(
        "SELECT n.id, n.doc_id, n.statement_id, n.narrative_id, n.score, n.span_start, n.span_end, n.sentence,"
        " d.published, d.language FROM narrative_matches n JOIN documents d ON d.id = n.doc_id"
        " WHERE n.relation = ?",
        [relation],
    )


def stance_items(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT m.id, m.doc_id, m.statement_id, m.holder, m.target, m.polarity, m.score, m.span_start, m.span_end,"
        " s.date, s.sentence, d.published, d.language FROM stance_mentions m"
        " JOIN documents d ON d.id = m.doc_id LEFT JOIN statements s ON s.id = m.statement_id"
    )


def document_info(store: Store) -> dict[str, dict[str, Any]]:
    """doc id -> title, url, outlet, published, language (for evidence details)."""
    return {r["id"]: r for r in store.query("SELECT id, title, url, outlet, published, language FROM documents")}


# ------------------------------------------------------------------ what a check writes


def evidence_created(store: Store, set_id: str) -> dict[str, str]:
    """evidence id -> created_at of a set's evidence (kept when a check writes it again)."""
    return {r["id"]: r["created_at"] for r in store.query(
        "SELECT id, created_at FROM scenario_evidence WHERE scenario_set = ?", (set_id,))}


def alerts_like(store: Store, kinds: Sequence[str], text: str) -> list[dict[str, Any]]:
    """Alerts of these kinds whose JSON `ref` contains `text` (a coarse filter; check the JSON after)."""
    marks = ",".join("?" for _ in kinds)
    return store.query(
        f"SELECT id, kind, created_at, ref FROM alerts WHERE kind IN ({marks}) AND ref LIKE ?",
        [*kinds, f"%{text}%"],
    )


def replace_set_results(
    store: Store,
    set_id: str,
    old_alert_ids: Sequence[Any],
    evidence: Sequence[Sequence[Any]],
    weights: Sequence[Sequence[Any]],
    alerts: Sequence[Sequence[Any]],
) -> None:
    """A set's evidence, weights and alerts replaced in one transaction (never half-written)."""
    with store.transaction():
        store.execute("DELETE FROM scenario_evidence WHERE scenario_set = ?", (set_id,))
        store.execute("DELETE FROM scenario_weights WHERE scenario_set = ?", (set_id,))
        for alert_id in old_alert_ids:
            store.execute("DELETE FROM alerts WHERE id = ?", (alert_id,))
        store.executemany(
            "INSERT INTO scenario_evidence (id, scenario_set, indicator_id, item_kind, item_id, doc_id, date, detail,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", evidence)
        store.executemany(
            "INSERT INTO scenario_weights (scenario_set, scenario_id, as_of, log_odds, probability, consistency,"
            " reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", weights)
        store.executemany("INSERT INTO alerts (kind, created_at, as_of, message, ref) VALUES (?, ?, ?, ?, ?)",
                          alerts)


# ------------------------------------------------------------------ reading results


def prior_weights(store: Store) -> list[dict[str, Any]]:
    """The prior rows of every checked set (their `reason` holds the set's definition), oldest first."""
    return store.query(
        "SELECT scenario_set, reason FROM scenario_weights WHERE reason LIKE ? ORDER BY id", ('%"kind": "prior"%',))


def weight_rows(store: Store, set_id: str) -> list[dict[str, Any]]:
    """A set's weights, oldest first (the last row of a scenario is its current weight)."""
    return store.query(
        "SELECT scenario_id, as_of, log_odds, probability, consistency, reason FROM scenario_weights"
        " WHERE scenario_set = ? ORDER BY id", (set_id,))


def weight_history(store: Store, set_id: str, scenario_id: str | None = None) -> list[dict[str, Any]]:
    """A set's (or one scenario's) weights with the time each was written, oldest first."""
    sql = ("SELECT scenario_id, as_of, log_odds, probability, consistency, reason, created_at FROM scenario_weights"
           " WHERE scenario_set = ?")
    params: list[Any] = [set_id]
    if scenario_id:
        sql += " AND scenario_id = ?"
        params.append(scenario_id)
    return store.query(sql + " ORDER BY id", params)


def evidence_rows(store: Store, set_id: str, start: str | None = None, end: str | None = None) -> list[dict[str, Any]]:
    """A set's evidence within [start, end], by date."""
    sql = ("SELECT id, indicator_id, item_kind, item_id, doc_id, date, detail FROM scenario_evidence"
           " WHERE scenario_set = ?")
    params: list[Any] = [set_id]
    if start:
        sql += " AND date >= ?"
        params.append(start)
    if end:
        sql += " AND date <= ?"
        params.append(end)
    return store.query(sql + " ORDER BY date, indicator_id, id", params)


def first_evidence_dates(store: Store, set_id: str) -> dict[str, Any]:
    """indicator id -> the date of its first evidence."""
    return {r["indicator_id"]: r["first"] for r in store.query(
        "SELECT indicator_id, MIN(date) AS first FROM scenario_evidence WHERE scenario_set = ? GROUP BY indicator_id",
        (set_id,))}


def alerts_of_kinds(store: Store, kinds: Sequence[str]) -> list[dict[str, Any]]:
    return store.query(
        f"SELECT kind, as_of, message, ref FROM alerts WHERE kind IN ({','.join('?' for _ in kinds)}) ORDER BY as_of, id",
        list(kinds))


# ------------------------------------------------------------------ the board without a checked set


def weighted_sets(store: Store) -> list[str]:
    """Set ids that have weights (also those written without a checked set, as the sample data does)."""
    return [r["scenario_set"] for r in store.query(
        "SELECT scenario_set FROM scenario_weights GROUP BY scenario_set ORDER BY scenario_set LIMIT 20", [])]


def board_weights(store: Store, set_id: str) -> list[dict[str, Any]]:
    return store.query("SELECT scenario_id, as_of, probability FROM scenario_weights WHERE scenario_set = ?"
                       " ORDER BY id LIMIT 20000", [set_id])


def board_evidence(store: Store, set_id: str, limit: int) -> list[dict[str, Any]]:
    return store.query("SELECT indicator_id, item_kind, item_id, doc_id, date, detail FROM scenario_evidence"
                       " WHERE scenario_set = ? ORDER BY date DESC, id LIMIT ?", [set_id, limit])
