"""Dashboard rollups: chart aggregates precomputed per day (migration 9), kept in step with the data.

`refresh` recomputes the days that triggers noted as changed (`rollup_dirty`; '*' = everything),
one transaction, and is run when `linewatch run` finishes. It is idempotent: each refreshed day's
summary rows are deleted and written again from the base tables.

Readers ask `clean(store, start, end)` first: a window with a changed day (or a database never
refreshed) is read from the live tables instead, so a page is never wrong, only slower until the
next refresh. The summaries hold values as extracted; analyst corrections are overlaid by the
readers (charts, stance) exactly as on the live queries.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from linewatch.model import CARRIER
from linewatch.store.protocol import Store
from linewatch.store.queries.corrections import apply_corrections
from linewatch.store.queries.filters import ItemFilter, event_actor_clauses, statement_where

ALL = "*"
EVERY_DAY = ("0001-01-01", "9999-12-31")  # a window with no bounds
REBUTS = "rebuts"
DAYS_PER_STATEMENT = 500  # days refreshed per statement (bounded parameter lists)

# summary table -> (columns, SELECT over the base tables producing them; {days} narrows to some days)
_STATEMENT_DIMS = ("s.date, s.speaker, CASE WHEN s.speaker_id IS NOT NULL THEN 1 ELSE 0 END, s.speaker_country,"
                   " s.target, s.stance, s.plover")
_STORIES = ("COUNT(DISTINCT n.doc_id) AS docs, COUNT(DISTINCT COALESCE(m.group_id, n.doc_id)) AS stories"
            " FROM narrative_matches n JOIN documents d ON d.id = n.doc_id LEFT JOIN story_members m ON m.doc_id = n.doc_id"
            " WHERE d.published IS NOT NULL{days}")
ROLLUPS: dict[str, tuple[str, str, str]] = {
    # table: (columns, SELECT, the day column of the base query for {days})
    "rollup_statements": (
        "date, speaker, named, speaker_country, target, stance, plover, n",
        f"SELECT {_STATEMENT_DIMS}, COUNT(*) FROM statements s WHERE s.date IS NOT NULL{{days}} GROUP BY {_STATEMENT_DIMS}",
        "s.date",
    ),
    "rollup_statements_docs": (
        "date, speaker, named, speaker_country, target, stance, plover, language, outlet, n",
        f"SELECT {_STATEMENT_DIMS}, d.language, d.outlet, COUNT(*) FROM statements s JOIN documents d ON d.id = s.doc_id"
        f" WHERE s.date IS NOT NULL{{days}} GROUP BY {_STATEMENT_DIMS}, d.language, d.outlet",
        "s.date",
    ),
    # per publication day and narrative: articles and unique stories, over all documents ('') and
    # per language / per outlet (a story spans outlets, so these cannot be summed from finer rows)
    "rollup_narratives": (
        "day, scope, narrative_id, relation, docs, stories",
        f"SELECT d.published, '', n.narrative_id, n.relation, {_STORIES} GROUP BY d.published, n.narrative_id, n.relation"
        f" UNION ALL SELECT d.published, 'language=' || d.language, n.narrative_id, n.relation, {_STORIES}"
        " AND d.language IS NOT NULL GROUP BY d.published, d.language, n.narrative_id, n.relation"
        f" UNION ALL SELECT d.published, 'outlet=' || d.outlet, n.narrative_id, n.relation, {_STORIES}"
        " AND d.outlet IS NOT NULL GROUP BY d.published, d.outlet, n.narrative_id, n.relation",
        "d.published",
    ),
    # speakers who carry (or rebut) a narrative, per statement day
    "rollup_carriers": (
        "date, narrative_id, relation, speaker, n",
        "SELECT s.date, n.narrative_id, n.relation, s.speaker, COUNT(*) FROM statements s"
        " JOIN narrative_matches n ON n.statement_id = s.id WHERE s.date IS NOT NULL AND s.speaker IS NOT NULL{days}"
        " GROUP BY s.date, n.narrative_id, n.relation, s.speaker",
        "s.date",
    ),
    "rollup_events": (
        "date, plover, source, target, n",
        "SELECT e.date, e.plover, e.source, e.target, COUNT(*) FROM events e WHERE e.date IS NOT NULL{days}"
        " GROUP BY e.date, e.plover, e.source, e.target",
        "e.date",
    ),
    "rollup_events_docs": (
        "date, plover, language, outlet, n",
        "SELECT e.date, e.plover, d.language, d.outlet, COUNT(*) FROM events e JOIN documents d ON d.id = e.doc_id"
        " WHERE e.date IS NOT NULL{days} GROUP BY e.date, e.plover, d.language, d.outlet",
        "e.date",
    ),
}
DAY_COLUMN = {"rollup_narratives": "day"}  # the others call it `date`, as the base tables do


def dirty_days(store: Store) -> list[str]:
    return [r["day"] for r in store.query("SELECT DISTINCT day FROM rollup_dirty", [])]


def invalidate(store: Store) -> None:
    """Note every day as changed: pages read live until the next `refresh` rebuilds all summaries."""
    store.execute("INSERT INTO rollup_dirty (day) VALUES (?)", [ALL])


def clean(store: Store, start: str | None = None, end: str | None = None) -> bool:
    """Whether the rollups hold every day of [start, end] as the tables are now (both None: all days)."""
    if start is None and end is None:
        return not store.query("SELECT 1 AS x FROM rollup_dirty LIMIT 1", [])
    return not store.query(
        "SELECT 1 AS x FROM rollup_dirty WHERE day = ? OR (day >= ? AND day <= ?) LIMIT 1",
        [ALL, start or "", end or "9999"],
    )


def _refresh_days(store: Store, days: Sequence[str] | None) -> None:
    for table, (cols, select, day_col) in ROLLUPS.items():
        if days is None:
            store.execute(f"DELETE FROM {table}", [])
            store.execute(f"INSERT INTO {table} ({cols}) {select.format(days='')}", [])
            continue
        for i in range(0, len(days), DAYS_PER_STATEMENT):
            chunk = list(days[i:i + DAYS_PER_STATEMENT])
            marks = ",".join("?" for _ in chunk)
            store.execute(f"DELETE FROM {table} WHERE {DAY_COLUMN.get(table, 'date')} IN ({marks})", chunk)
            narrowed = select.format(days=f" AND {day_col} IN ({marks})")
            store.execute(f"INSERT INTO {table} ({cols}) {narrowed}", chunk * select.count("{days}"))


def refresh(store: Store) -> int:
    """Recompute the rollups of every changed day (all of them after '*'); returns how many days.
    Call it outside a transaction (on PostgreSQL it vacuums the rollups afterwards).

    One transaction: readers see the old summaries or the new ones, never half. The changed-day
    notes read at the start are the ones removed at the end; a day a concurrent writer notes again
    stays noted (and read live) until the next refresh.
    """
    with store.transaction():
        if store.dialect == "postgresql":
            store.execute("SELECT pg_advisory_xact_lock(?)", [0x726F6C6C])  # "roll": one refresh at a time
        days = dirty_days(store)
        if not days:
            return 0
        if ALL in days:
            _refresh_days(store, None)
            if store.dialect == "sqlite":  # planner statistics for the rebuilt tables (PostgreSQL: below)
                for table in ROLLUPS:
                    store.execute(f"ANALYZE {table}", [])
        else:
            _refresh_days(store, [d for d in days if d])
        _refresh_facets(store)
        marks = ",".join("?" for _ in days)
        store.execute(f"DELETE FROM rollup_dirty WHERE day IN ({marks})", days)
    if store.dialect == "postgresql":
        # rewritten rows: VACUUM marks the pages all-visible, so sums by language, outlet or speaker
        # are index-only scans, and the changed-day table is not read through dead rows
        store.execute(f"VACUUM ANALYZE rollup_dirty, {', '.join(ROLLUPS)}, rollup_facets", [])
    return len(days)


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


def _refresh_facets(store: Store) -> None:
    store.execute("DELETE FROM rollup_facets", [])
    rows: list[list[Any]] = []
    for name, sql in FACET_SQL.items():
        rows += [[name, i, str(r["v"])] for i, r in enumerate(store.query(sql, [])) if r["v"] is not None]
    store.executemany("INSERT INTO rollup_facets (facet, pos, value) VALUES (?, ?, ?)", rows)


def facet_values(store: Store) -> dict[str, list[str]] | None:
    """The filter drop-downs' values as of the last refresh, or None when anything changed since."""
    if not clean(store):
        return None
    out: dict[str, list[str]] = {}
    for r in store.query("SELECT facet, value FROM rollup_facets ORDER BY facet, pos", []):
        out.setdefault(r["facet"], []).append(r["value"])
    return out


# ----------------------------------------------------------------------------- narrative readers


def narrative_days(store: Store, start: str, end: str, scope: str, narrative: str | None) -> list[dict[str, Any]] | None:
    """(nid, day, docs, stories) of carrying matches per publication day, or None when the window changed."""
    if not clean(store, start, end):
        return None
    extra, params = "", [scope, start, end, CARRIER]
    if narrative:
        extra = " AND narrative_id = ?"
        params.append(narrative)
    return store.query(
        "SELECT narrative_id AS nid, day, docs, stories FROM rollup_narratives"
        f" WHERE scope = ? AND day >= ? AND day <= ? AND relation = ?{extra}",
        params,
    )


def speaker_narratives(store: Store, speaker: str, limit: int) -> list[dict[str, Any]] | None:
    """(narrative, n, first, last): narratives a speaker's statements carry, most first; None when
    anything changed since the last refresh."""
    if not clean(store):
        return None
    return store.query(
        "SELECT narrative_id AS narrative, SUM(n) AS n, MIN(date) AS first, MAX(date) AS last FROM rollup_carriers"
        " WHERE speaker = ? AND relation = ? GROUP BY narrative_id ORDER BY SUM(n) DESC, narrative_id LIMIT ?",
        [speaker, CARRIER, limit],
    )


def speakers_by_narrative(store: Store, start: str, end: str, narratives: Sequence[str]) -> list[dict[str, Any]]:
    """(relation, nid, speaker, n): speakers carrying or rebutting each of `narratives` in the window,
    one grouped query (from the rollup when the window is unchanged, else from the live tables)."""
    if not narratives:
        return []
    marks = ",".join("?" for _ in narratives)
    params = [start, end, CARRIER, REBUTS, *narratives]
    if clean(store, start, end):
        return store.query(
            "SELECT relation, narrative_id AS nid, speaker, SUM(n) AS n FROM rollup_carriers"
            f" WHERE date >= ? AND date <= ? AND relation IN (?, ?) AND narrative_id IN ({marks})"
            " GROUP BY relation, narrative_id, speaker",
            params,
        )
    return store.query(
        "SELECT n.relation AS relation, n.narrative_id AS nid, s.speaker AS speaker, COUNT(*) AS n FROM statements s"
        " JOIN narrative_matches n ON n.statement_id = s.id"
        " WHERE s.date >= ? AND s.date <= ? AND s.speaker IS NOT NULL AND n.relation IN (?, ?)"
        f" AND n.narrative_id IN ({marks}) GROUP BY n.relation, n.narrative_id, s.speaker",
        params,
    )


# ----------------------------------------------------------------------------- statement aggregates


@dataclass
class StatementSource:
    """Where a statement aggregate reads from: the live table or a rollup, as SQL pieces over alias `s`.

    `weight` is how many statements a row stands for (1 live, s.n on a rollup); `named` is true for a registry
    speaker. `minus` / `plus` are the corrected statements: what the aggregate counted as extracted
    (to take out) and what they are as corrected (to put in; those marked wrong are left out).
    """

    from_sql: str
    where: str
    params: list[Any]
    weight: str
    named: str
    rolled: bool
    minus: list[dict[str, Any]]
    plus: list[dict[str, Any]]

    @property
    def count(self) -> str:
        return f"SUM({self.weight})"


_ROLLED_COLUMNS = (("country", "speaker_country"), ("actor", "speaker"), ("target", "target"), ("stance", "stance"),
                   ("plover", "plover"), ("language", "language"), ("outlet", "outlet"))
_OVERLAY_FIELDS = "('speaker', 'speaker_id', 'target', 'stance', 'wrong')"


def _corrected(store: Store, where: str, params: list[Any]) -> list[dict[str, Any]]:
    """The statements in the filter that an analyst corrected (fields the aggregates read), as extracted."""
    return store.query(
        f"SELECT s.id, s.date, s.speaker, s.speaker_id, s.speaker_country, s.target, s.stance, s.plover FROM statements s"
        f" WHERE {where} AND s.id IN (SELECT c.item_id FROM corrections c WHERE c.item_kind = 'statement'"
        f" AND c.field IN {_OVERLAY_FIELDS})",
        params,
    )


def _as_corrected(rows: list[dict[str, Any]], store: Store, keep_wrong: bool = False) -> list[dict[str, Any]]:
    return [r for r in apply_corrections([dict(r) for r in rows], "statement", store) if keep_wrong or not r["wrong"]]


def statement_total(store: Store, f: ItemFilter) -> int | None:
    """How many statements match the filter (undated ones and ones marked wrong included, as lists
    show them), from the rollups when nothing changed since the last refresh; None otherwise."""
    if f.q or f.narrative or f.doc_id or not clean(store):
        return None
    window = ItemFilter(**{**f.__dict__, "date_from": f.date_from or EVERY_DAY[0], "date_to": f.date_to or EVERY_DAY[1]})
    src = statement_source(store, window, keep_wrong=True)
    dated = int(store.scalar(f"SELECT {src.count} FROM {src.from_sql} WHERE {src.where}", src.params) or 0)
    undated = 0
    if not (f.date_from or f.date_to):
        where, params = statement_where(f, store)
        undated = int(store.scalar(f"SELECT COUNT(*) FROM statements s WHERE s.date IS NULL AND {where}", params) or 0)
    return dated - len(src.minus) + len(src.plus) + undated


def statement_source(store: Store, f: ItemFilter, *, keep_wrong: bool = False) -> StatementSource:
    """The rollup for a dated window the rollups hold (filters they carry only), else the live table.

    Call `resolve_names` first. Either way the aggregate counts extracted values and the overlay
    swaps in the corrected statements, so both give the same numbers. `keep_wrong`: statements
    marked wrong are counted too (as lists show them).
    """
    where, params = statement_where(f, store)
    rollable = f.date_from and f.date_to and not (f.q or f.narrative or f.doc_id)
    if not (rollable and clean(store, f.date_from, f.date_to)):
        corrected = _corrected(store, where, params)
        return StatementSource("statements s", where, params, "1", "s.speaker_id IS NOT NULL",
                               False, corrected, _as_corrected(corrected, store, keep_wrong))
    clauses, values = ["s.date >= ?", "s.date <= ?"], [f.date_from, f.date_to]
    for field, column in _ROLLED_COLUMNS:
        value = getattr(f, field)
        if value:
            clauses.append(f"s.{column} = ?")  # column names come from this code, never from the request
            values.append(value.upper() if field == "country" else value)
    table = "rollup_statements_docs" if (f.language or f.outlet) else "rollup_statements"
    # the rollup counted statements by their extracted values; the filter as the analyst sees it
    # (corrections applied) decides what is added back
    ex_where, ex_params = statement_where(f, store, as_extracted=True)
    return StatementSource(f"{table} s", " AND ".join(clauses), values, "s.n", "s.named = 1", True,
                           _corrected(store, ex_where, ex_params),
                           _as_corrected(_corrected(store, where, params), store, keep_wrong))


def event_days(store: Store, f: ItemFilter) -> list[dict[str, Any]] | None:
    """(day, kind, n): events per day and PLOVER type in the filter's window, from a rollup; None
    when the filter needs the live table (text, one document, document and actor filters together)
    or the window changed."""
    by_doc = bool(f.language or f.outlet)
    by_actor = bool(f.actor or f.target or f.country)
    if f.q or f.doc_id or (by_doc and by_actor) or not (f.date_from and f.date_to):
        return None
    if not clean(store, f.date_from, f.date_to):
        return None
    clauses, params = ["e.date >= ?", "e.date <= ?"], [f.date_from, f.date_to]
    event_actor_clauses(f, clauses, params)
    for value, column in ((f.plover, "plover"), (f.language, "language"), (f.outlet, "outlet")):
        if value:
            clauses.append(f"e.{column} = ?")
            params.append(value)
    table = "rollup_events_docs" if by_doc else "rollup_events"
    return store.query(
        f"SELECT e.date AS day, e.plover AS kind, SUM(e.n) AS n FROM {table} e WHERE {' AND '.join(clauses)}"
        " GROUP BY e.date, e.plover",
        params,
    )
