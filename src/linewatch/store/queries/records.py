"""Read model: paged, filtered, corrected records for pages, API, exports and briefings.

Every function is one or two indexed queries bounded by LIMIT; none counts or
scans a whole table per request (list pages fetch one row more than shown to
know whether there is a next page).
"""
from __future__ import annotations

import json
import math
from functools import cached_property
from typing import Any

from linewatch.model import CARRIER, is_header_line
from linewatch.store import rows as stored
from linewatch.store.protocol import Store
from linewatch.store.queries import rollups
from linewatch.store.queries.cache import cached, clear
from linewatch.store.queries.corrections import apply_corrections
from linewatch.store.queries.filters import (
    PG_STATEMENT_MATCH,
    ItemFilter,
    event_where,
    resolve_names,
    statement_branches,
)
from linewatch.store.queries.rollups import FACET_SQL
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
    among, values = stored.in_clause(store.dialect, "statement_id", ids)
    rows = store.query(
        f"SELECT statement_id, narrative_id, relation, score, explanation FROM narrative_matches"
        f" WHERE {among} ORDER BY score DESC",
        values,
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


class _Search:
    """A filter's full-text search, worked out once per request for the page and its count alike."""

    def __init__(self, store: Store, f: ItemFilter) -> None:
        self.store = store
        self.expr = match_expression(f.q, store) or ""  # the engine's expression; "" when none

    @cached_property
    def sqlite_count(self) -> int | None:
        """SQLite: how many statements the search matches (a cheap doclist count); None elsewhere."""
        if not self.expr or self.store.dialect != "sqlite":
            return None
        return int(self.store.scalar("SELECT COUNT(*) FROM statements_fts WHERE statements_fts MATCH ?", [self.expr]) or 0)

    @property
    def broad(self) -> bool:
        """Whether the search matches many statements (SQLite only)."""
        return (self.sqlite_count or 0) > BROAD_FTS


# PostgreSQL guesses a word its statistics do not list at ~1% of the statements (a word or its
# prefix, 0.5% each), expects a page of them soon along the date index, and for a word no statement
# (or one) contains walks all of it, computing each statement's words again (4-5 s at 300,000
# statements). So a search it estimates at no more than RARE_SHARE of them is read through the
# full-text index first, up to a bound: below it, the page sorts those few ids; from it on, the date
# walk finds its rows soon. Reading a match there costs about what passing a statement on the walk
# does (~12 µs), and the walk passes statements/matches of them per row shown: the two meet near
# sqrt(page end * statements) matches. Words the statistics list as common skip the probe (it reads
# the whole posting list: 25-55 ms for a word in 5-20% of 300,000 statements).
RARE_SHARE = 0.02
MAX_PROBE = 5000


def _few_matches(store: Store, search: _Search, page_end: int) -> list[str] | None:
    """PostgreSQL: the ids of every statement a full-text query matches when they are few, else None."""
    expr = search.expr if store.dialect == "postgresql" else ""
    if not expr:
        return None

    def estimate(sql: str, params: list[Any]) -> float:
        return float(store.scalar(f"EXPLAIN (FORMAT JSON) {sql}", params)[0]["Plan"]["Plan Rows"])

    # the planner's size of the table changes only with the data: estimated once per data version
    statements = cached(store, ("statements_estimate",), lambda: estimate("SELECT 1 FROM statements s", []))
    if estimate(f"SELECT 1 FROM statements s WHERE {PG_STATEMENT_MATCH}", [expr]) > RARE_SHARE * statements:
        return None
    bound = int(min(max(math.sqrt(page_end * statements), BROAD_FTS), MAX_PROBE))
    # materialised: planned for all its rows (the index, for what is estimated rare), read only
    # up to the bound (a LIMIT inside would let the planner prefer a scan of the table)
    ids = [r["id"] for r in store.query(
        f"WITH m AS MATERIALIZED (SELECT s.id FROM statements s WHERE {PG_STATEMENT_MATCH}) SELECT id FROM m LIMIT ?",
        [expr, bound])]
    return ids if len(ids) < bound else None


def _by_ids(store: Store, sql_cols: str, table_sql: str, ids: list[str]) -> list[dict[str, Any]]:
    """Full rows for ids, in the order given (second step of two-step paging)."""
    if not ids:
        return []
    among, values = stored.in_clause(store.dialect, f"{table_sql.split()[1]}.id", ids)
    rows = {r["id"]: r for r in store.query(f"SELECT {sql_cols} FROM {table_sql} WHERE {among}", values)}
    return [rows[i] for i in ids if i in rows]


def _page_ids(
    store: Store, from_sql: str, alias: str, branches: list[tuple[str, list[Any]]], order: str, limit: int, offset: int
) -> list[str]:
    """The ids of one page (one extra, to tell whether more follow), by date then id; undated ones last.

    `branches`: disjoint (WHERE, params) whose union is the filter; each is cut to the page's end
    on its own (an index walk), then the few rows left are merged."""
    sort = f"ORDER BY {alias}.date {order} NULLS LAST, {alias}.id {order}"
    if len(branches) == 1:
        where_sql, params = branches[0]
        return [r["id"] for r in store.query(
            f"SELECT {alias}.id FROM {from_sql} WHERE {where_sql} {sort} LIMIT ? OFFSET ?", [*params, limit + 1, offset])]
    parts, values = [], []
    for i, (where_sql, params) in enumerate(branches):
        parts.append(f"SELECT * FROM (SELECT {alias}.id AS id, {alias}.date AS date FROM {from_sql}"
                     f" WHERE {where_sql} {sort} LIMIT ?) b{i}")
        values += [*params, offset + limit + 1]
    return [r["id"] for r in store.query(
        f"SELECT x.id FROM ({' UNION ALL '.join(parts)}) x ORDER BY x.date {order} NULLS LAST, x.id {order}"
        " LIMIT ? OFFSET ?", [*values, limit + 1, offset])]


def list_statements(
    store: Store, f: ItemFilter, limit: int = 50, offset: int = 0, *, with_docs: bool = True, oldest_first: bool = False
) -> tuple[list[dict[str, Any]], bool]:
    """A page of statements matching the filter, newest first. Returns (rows, has_more).

    Two steps: the ids of the page (the sorter only carries day and id), then
    the full rows of those ids.
    """
    f = resolve_names(store, f)
    return _list_statements(store, f, _Search(store, f), limit, offset, with_docs=with_docs, oldest_first=oldest_first)


def _list_statements(
    store: Store, f: ItemFilter, search: _Search, limit: int, offset: int, *, with_docs: bool = True,
    oldest_first: bool = False,
) -> tuple[list[dict[str, Any]], bool]:
    matches = _few_matches(store, search, offset + limit + 1)
    branches = statement_branches(f, store, broad_fts=search.broad, matches=matches, expr=search.expr)
    order = "ASC" if oldest_first else "DESC"
    # undated statements are listed (after the dated ones), never dropped: every view counts the same
    ids = _page_ids(store, "statements s", "s", branches, order, limit, offset)
    more = len(ids) > limit
    cols = STATEMENT_COLUMNS + (", " + DOC_BRIEF_COLUMNS if with_docs else "")
    table = "statements s JOIN documents d ON d.id = s.doc_id" if with_docs else "statements s"
    return finish_statements(store, _by_ids(store, cols, table, ids[:limit])), more


COUNT_CAP = 10_000  # a count stops here ("10000 or more"): a list page never counts a huge table


def count_statements(store: Store, f: ItemFilter, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(how many statements match the filter, whether the count stopped at `cap`), undated ones included."""
    f = resolve_names(store, f)
    return _count_statements(store, f, _Search(store, f), cap)


def _count_statements(store: Store, f: ItemFilter, search: _Search, cap: int = COUNT_CAP) -> tuple[int, bool]:
    rolled = rollups.statement_total(store, f)
    if rolled is None and f.q and not any(v for k, v in f.__dict__.items() if k != "q"):
        # the search alone: its matches are the statements (one index row each), counted in the index
        rolled = search.sqlite_count
    if rolled is not None:
        return min(rolled, cap), rolled > cap
    branches = statement_branches(f, store, expr=search.expr)
    parts = [f"SELECT x FROM (SELECT 1 AS x FROM statements s WHERE {w} LIMIT ?) b{i}"
             for i, (w, _) in enumerate(branches)]
    n = int(store.scalar(f"SELECT COUNT(*) FROM ({' UNION ALL '.join(parts)}) c",
                         [v for _, p in branches for v in (*p, cap + 1)]) or 0)
    return min(n, cap), n > cap


MAX_IDS = 500  # ids per query (bounded parameter lists)


def get_statements(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Statements by id (with their document's brief columns, corrections applied), in the order given."""
    ids = list(dict.fromkeys(ids))
    cols, table = f"{STATEMENT_COLUMNS}, {DOC_BRIEF_COLUMNS}", "statements s JOIN documents d ON d.id = s.doc_id"
    return [r for i in range(0, len(ids), MAX_IDS) for r in finish_statements(store, _by_ids(store, cols, table, ids[i:i + MAX_IDS]))]


def statement_page(store: Store, f: ItemFilter, limit: int, offset: int) -> tuple[list[dict[str, Any]], bool, int, bool]:
    """(rows, has_more, total, total_capped) of one list page: the filter's names resolved once for both."""
    f = resolve_names(store, f)
    search = _Search(store, f)
    rows, more = _list_statements(store, f, search, limit, offset)
    total, capped = _count_statements(store, f, search)
    return rows, more, total, capped


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
    where, params = event_where(f, store.dialect)
    order = "ASC" if oldest_first else "DESC"
    ids = _page_ids(store, "events e", "e", [(where, params)], order, limit, offset)
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

def facets(store: Store) -> dict[str, list[str]]:
    """Values offered in the filter drop-downs (as of the last rollup refresh when nothing changed
    since, else counted live); cached per store and data version."""
    def compute() -> dict[str, list[str]]:
        rolled = rollups.facet_values(store)
        if rolled is not None:
            return {name: rolled.get(name, []) for name in FACET_SQL}
        return {name: [str(r["v"]) for r in store.query(sql, []) if r["v"] is not None] for name, sql in FACET_SQL.items()}

    out = dict(cached(store, ("facets",), compute))
    out["stance"] = ["support", "oppose", "neutral"]
    return out


def clear_facet_cache() -> None:
    """Forget cached aggregates (after the dashboard wrote something)."""
    clear()
