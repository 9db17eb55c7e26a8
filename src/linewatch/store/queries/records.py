"""Read model: paged, filtered, corrected records for pages, API, exports and briefings.

Every function is one or two indexed queries bounded by LIMIT; none counts or
scans a whole table per request (list pages fetch one row more than shown to
know whether there is a next page).
"""
from __future__ import annotations

import json
from typing import Any

from linewatch.model import CARRIER, is_header_line
from linewatch.store import rows as stored
from linewatch.store.protocol import Store
from linewatch.store.queries.cache import cached, clear
from linewatch.store.queries.corrections import apply_corrections
from linewatch.store.queries.filters import ItemFilter, doc_join, event_where, resolve_names, statement_where
from linewatch.store.queries.search import match_expression

# Columns every reader gets: the stored ones (one list, store/rows.py) but the internal `extra` JSON.
READ_STATEMENT_COLUMNS = tuple(c for c in stored.STATEMENT_COLUMNS if c != "extra")
READ_EVENT_COLUMNS = tuple(c for c in stored.EVENT_COLUMNS if c != "extra")
STATEMENT_COLUMNS = ", ".join(f"s.{c}" for c in READ_STATEMENT_COLUMNS)
EVENT_COLUMNS = ", ".join(f"e.{c}" for c in READ_EVENT_COLUMNS)
DOC_BRIEF_COLUMNS = "d.title AS doc_title, d.outlet AS doc_outlet, d.url AS doc_url, d.language AS doc_language, d.published AS doc_published"
NOTABLE_PLOVER = ("ACCUSE", "THREATEN", "DEMAND", "REJECT", "SANCTION", "MOBILIZE", "ASSAULT", "COERCE")


def _narratives_for(store: Store, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every narrative match of the statements: narrative, relation, score and why it matched."""
    if not ids:
        return {}
    marks = ",".join("?" for _ in ids)
    rows = store.query(
        f"SELECT statement_id, narrative_id, relation, score, explanation FROM narrative_matches"
        f" WHERE statement_id IN ({marks}) ORDER BY score DESC",
        ids,
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        lst = out.setdefault(r["statement_id"], [])
        if any(m["narrative"] == r["narrative_id"] for m in lst):
            continue
        try:
            because = json.loads(r.get("explanation") or "{}")
        except ValueError:
            because = {}
        lst.append({"narrative": r["narrative_id"], "relation": r.get("relation") or CARRIER,
                    "score": r["score"], "because": because if isinstance(because, dict) else {}})
    return out


def finish_statements(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attach narratives and apply corrections (shared by every statement reader)."""
    nar = _narratives_for(store, [r["id"] for r in rows])
    for r in rows:
        matches = nar.get(r["id"], [])
        # what the statement carries (a rebuttal does not); every match with its relation and reason
        r["narratives"] = [m["narrative"] for m in matches if m["relation"] != "rebuts"]
        r["narrative_matches"] = matches
    rows = apply_corrections(rows, "statement", store)
    for r in rows:
        if is_header_line(r.get("speaker")):  # "URL: https://…" is never a speaker
            r["speaker"] = r["speaker_role"] = r["speaker_country"] = None
        # a speaker the registry resolved, or one an analyst typed; others are shown as unverified
        r["speaker_verified"] = bool(r.get("speaker") and (r.get("speaker_id") or "speaker" in (r.get("corrected") or {})))
    return rows


BROAD_FTS = 300  # more matches than this: walk the date index instead of sorting all matches


def _broad_fts(store: Store, f: ItemFilter) -> bool:
    """Whether a full-text query matches many statements (SQLite only; cheap doclist count)."""
    expr = match_expression(f.q, store) if store.dialect == "sqlite" else None
    if not expr:
        return False
    n = store.query("SELECT COUNT(*) AS n FROM statements_fts WHERE statements_fts MATCH ?", [expr])
    return int(n[0]["n"]) > BROAD_FTS if n else False


def _by_ids(store: Store, sql_cols: str, table_sql: str, ids: list[str]) -> list[dict[str, Any]]:
    """Full rows for ids, in the order given (second step of two-step paging)."""
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    rows = {r["id"]: r for r in store.query(f"SELECT {sql_cols} FROM {table_sql} WHERE {table_sql.split()[1]}.id IN ({marks})", ids)}
    return [rows[i] for i in ids if i in rows]


def _page_ids(
    store: Store, from_sql: str, alias: str, where_sql: str, params: list[Any], order: str, limit: int, offset: int
) -> list[str]:
    """The ids of one page (one extra, to tell whether more follow), by date then id; undated ones last."""
    return [r["id"] for r in store.query(
        f"SELECT {alias}.id FROM {from_sql} WHERE {where_sql}"
        f" ORDER BY {alias}.date {order} NULLS LAST, {alias}.id {order} LIMIT ? OFFSET ?",
        [*params, limit + 1, offset],
    )]


def list_statements(
    store: Store, f: ItemFilter, limit: int = 50, offset: int = 0, *, with_docs: bool = True, oldest_first: bool = False
) -> tuple[list[dict[str, Any]], bool]:
    """A page of statements matching the filter, newest first. Returns (rows, has_more).

    Two steps: the ids of the page (the sorter only carries day and id), then
    the full rows of those ids.
    """
    f = resolve_names(store, f)
    where, params, join = statement_where(f, store, broad_fts=_broad_fts(store, f))
    order = "ASC" if oldest_first else "DESC"
    join_sql, join_where = doc_join(join, "s")
    # undated statements are listed (after the dated ones), never dropped: every view counts the same
    ids = _page_ids(store, f"statements s{join_sql}", "s", f"{join_where}{where}", params, order, limit, offset)
    more = len(ids) > limit
    cols = STATEMENT_COLUMNS + (", " + DOC_BRIEF_COLUMNS if with_docs else "")
    table = "statements s JOIN documents d ON d.id = s.doc_id" if with_docs else "statements s"
    return finish_statements(store, _by_ids(store, cols, table, ids[:limit])), more


COUNT_CAP = 10_000  # a count stops here ("10000 or more"): a list page never counts a huge table


def count_statements(store: Store, f: ItemFilter, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(how many statements match the filter, whether the count stopped at `cap`), undated ones included."""
    f = resolve_names(store, f)
    where, params, join = statement_where(f, store)
    join_sql, join_where = doc_join(join, "s")
    n = int(store.scalar(f"SELECT COUNT(*) FROM (SELECT 1 AS x FROM statements s{join_sql} WHERE {join_where}{where}"
                         " LIMIT ?) c", [*params, cap + 1]) or 0)
    return min(n, cap), n > cap


def get_statement(store: Store, statement_id: str) -> dict[str, Any] | None:
    rows = store.query(
        f"SELECT {STATEMENT_COLUMNS}, {DOC_BRIEF_COLUMNS} FROM statements s JOIN documents d ON d.id = s.doc_id WHERE s.id = ?",
        [statement_id],
    )
    return finish_statements(store, rows)[0] if rows else None


def _finish_events(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rows:
        try:
            r["participants"] = json.loads(r.get("participants") or "[]")
        except ValueError:
            r["participants"] = []
    return apply_corrections(rows, "event", store)


def list_events(
    store: Store, f: ItemFilter, limit: int = 50, offset: int = 0, *, oldest_first: bool = False
) -> tuple[list[dict[str, Any]], bool]:
    f = resolve_names(store, f)
    where, params, join = event_where(f, store.dialect)
    order = "ASC" if oldest_first else "DESC"
    join_sql, join_where = doc_join(join, "e")
    ids = _page_ids(store, f"events e{join_sql}", "e", f"{join_where}{where}", params, order, limit, offset)
    rows = _by_ids(store, f"{EVENT_COLUMNS}, {DOC_BRIEF_COLUMNS}", "events e JOIN documents d ON d.id = e.doc_id", ids[:limit])
    return _finish_events(store, rows), len(ids) > limit


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    rows = store.query(
        f"SELECT {EVENT_COLUMNS}, {DOC_BRIEF_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?",
        [event_id],
    )
    return _finish_events(store, rows)[0] if rows else None


def get_document(store: Store, doc_id: str) -> dict[str, Any] | None:
    rows = store.query(
        "SELECT id, url, title, outlet, outlet_type, language, published, text, source, ingested_at,"
        " processed_version, meta FROM documents WHERE id = ?",
        [doc_id],
    )
    if not rows:
        return None
    doc = rows[0]
    try:
        meta = json.loads(doc.pop("meta") or "{}")
    except ValueError:
        meta = {}
    end = meta.get("header_end") if isinstance(meta, dict) else None
    doc["header_end"] = end if isinstance(end, int) and 0 < end <= len(doc["text"] or "") else 0
    return doc


def list_documents(store: Store, f: ItemFilter, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], bool]:
    clauses, params = ["1=1"], []
    if f.language:
        clauses.append("language = ?")
        params.append(f.language)
    if f.outlet:
        clauses.append("outlet = ?")
        params.append(f.outlet)
    if f.date_from:
        clauses.append("published >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("published <= ?")
        params.append(f.date_to)
    expr = match_expression(f.q, store)
    if expr and store.dialect == "sqlite":
        clauses.append("rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.append(expr)
    elif expr:
        clauses.append("to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ to_tsquery('simple', ?)")
        params.append(expr)
    rows = store.query(
        "SELECT id, url, title, outlet, outlet_type, language, published, source, ingested_at FROM documents"
        f" WHERE {' AND '.join(clauses)} ORDER BY published DESC NULLS LAST, id DESC LIMIT ? OFFSET ?",
        [*params, limit + 1, offset],
    )
    return rows[:limit], len(rows) > limit


def document_items(store: Store, doc_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """All statements and events of one document (bounded), corrections applied."""
    st = store.query(
        f"SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.doc_id = ? ORDER BY s.content_start LIMIT 500", [doc_id]
    )
    ev = store.query(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.doc_id = ? ORDER BY e.span_start LIMIT 500", [doc_id])
    return finish_statements(store, st), _finish_events(store, ev)


def latest_day(store: Store) -> str | None:
    """The newest statement date (index lookup), used as the default end of chart windows."""
    rows = store.query("SELECT MAX(date) AS d FROM statements", [])
    return rows[0]["d"] if rows and rows[0]["d"] else None


def notable_statements(store: Store, since: str | None, limit: int = 12) -> list[dict[str, Any]]:
    """Newest statements that take a side or accuse/threaten/demand (not neutral chatter)."""
    marks = ",".join("?" for _ in NOTABLE_PLOVER)
    params: list[Any] = list(NOTABLE_PLOVER)
    extra = ""
    if since:
        extra = " AND s.date >= ?"
        params.append(since)
    rows = store.query(
        f"SELECT {STATEMENT_COLUMNS}, {DOC_BRIEF_COLUMNS} FROM statements s JOIN documents d ON d.id = s.doc_id"
        f" WHERE s.date IS NOT NULL AND s.speaker_id IS NOT NULL AND (s.stance = 'oppose' OR s.stance = 'support' OR s.plover IN ({marks})){extra}"
        " ORDER BY s.date DESC, s.id DESC LIMIT ?",
        [*params, limit],
    )
    return finish_statements(store, rows)


# ----------------------------------------------------------------------------- facets (cached)

FACET_SQL = {
    "country": "SELECT speaker_country AS v FROM statements WHERE speaker_country IS NOT NULL GROUP BY speaker_country ORDER BY COUNT(*) DESC LIMIT 60",
    # registry speakers only: the dropdown never offers "NEW YORK", "two" or "URL: https://…"
    "actor": "SELECT speaker AS v FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker ORDER BY COUNT(*) DESC LIMIT 150",
    "target": "SELECT target AS v FROM statements WHERE target IS NOT NULL GROUP BY target ORDER BY COUNT(*) DESC LIMIT 150",
    "plover": "SELECT plover AS v FROM (SELECT plover FROM statements WHERE plover IS NOT NULL GROUP BY plover UNION SELECT plover FROM events GROUP BY plover) x ORDER BY v",
    "narrative": "SELECT narrative_id AS v FROM narrative_matches GROUP BY narrative_id ORDER BY COUNT(*) DESC LIMIT 100",
    "language": "SELECT language AS v FROM documents WHERE language IS NOT NULL GROUP BY language ORDER BY COUNT(*) DESC LIMIT 30",
    "outlet": "SELECT outlet AS v FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 150",
}


def facets(store: Store) -> dict[str, list[str]]:
    """Values offered in the filter drop-downs; cached for a couple of minutes per store."""
    out = {name: cached(store, ("facet", name), lambda sql=sql: [str(r["v"]) for r in store.query(sql, []) if r["v"] is not None])
           for name, sql in FACET_SQL.items()}
    out["stance"] = ["support", "oppose", "neutral"]
    return out


def clear_facet_cache() -> None:
    """Forget cached aggregates (after the dashboard wrote something)."""
    clear()
