"""Filters shared by the dashboard, the API, exports and briefings.

One `ItemFilter` turns query-string values into a SQL WHERE clause with `?`
placeholders, so every page and endpoint filters the same way and no value
from a request is ever pasted into SQL text.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from itertools import product
from typing import Any

from linewatch.errors import InputError
from linewatch.store.protocol import Store
from linewatch.store.queries.search import match_expression
from linewatch.store.rows import in_clause

MAX_VALUE_LEN = 200  # longer filter values are not names; refuse rather than scan
PAGE_SIZE = 50
MAX_PAGE = 200  # offset paging beyond ~10,000 rows is refused: narrow the filters instead
STANCES = ("support", "oppose", "neutral")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# a statement's words (speaker and content) against a search, on PostgreSQL (the statements_fts index)
PG_STATEMENT_MATCH = "to_tsvector('simple', coalesce(s.speaker, '') || ' ' || s.content) @@ to_tsquery('simple', ?)"


def parse_day(value: str | None, what: str) -> str | None:
    """An ISO day string, checked; None when empty."""
    if value is None or value == "":
        return None
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise InputError(f"expected a date as YYYY-MM-DD, got {value[:40]!r}", where=what)
    try:
        date.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a real day: {value!r}", where=what) from None
    return value


def _clean(value: Any, what: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if len(text) > MAX_VALUE_LEN or "\x00" in text:
        raise InputError(f"value too long or malformed ({len(text)} characters)", where=what)
    return text


@dataclass
class ItemFilter:
    """What the analyst narrowed the view to. Empty fields do not filter."""

    q: str | None = None  # full-text query (statements: speaker + content)
    country: str | None = None  # speaker country (ISO alpha-3)
    actor: str | None = None  # speaker name or registry id
    target: str | None = None
    stance: str | None = None
    narrative: str | None = None
    plover: str | None = None
    language: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    doc_id: str | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> ItemFilter:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = params.get(f.name)
            if f.name in ("date_from", "date_to"):
                values[f.name] = parse_day(_clean(raw, f.name), f.name)
            else:
                values[f.name] = _clean(raw, f.name)
        if values["stance"] and values["stance"] not in STANCES:
            raise InputError(f"stance must be one of {', '.join(STANCES)}", where="stance")
        if values["plover"]:
            values["plover"] = values["plover"].upper()
        return cls(**values)

    def as_params(self) -> dict[str, str]:
        """Non-empty values, for building links that keep the current filters."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def resolve_names(store: Store, f: ItemFilter) -> ItemFilter:
    """The filter with registry ids in actor/target replaced by canonical names (one PK lookup each).

    Statements store canonical names; matching a single name keeps the
    (speaker, date) / (target, date) indexes usable for newest-first paging.
    """
    changes: dict[str, str] = {}
    for field in ("actor", "target"):
        value = getattr(f, field)
        if value:
            rows = store.query("SELECT name FROM actors WHERE id = ?", [value])
            if rows and rows[0]["name"]:
                changes[field] = rows[0]["name"]
    return replace(f, **changes) if changes else f


def _kept_equals(field: str) -> str:
    """`s.<field> = ?` for statements whose field no analyst corrected."""
    return (f"s.{field} = ? AND s.id NOT IN (SELECT item_id FROM corrections WHERE item_kind = 'statement'"
            f" AND field = '{field}')")


def _moved_equals(field: str) -> str:
    """Statements whose newest correction of the field set it to `?`."""
    return (
        f"s.id IN (SELECT c.item_id FROM corrections c WHERE c.item_kind = 'statement'"
        f" AND c.field = '{field}' AND c.new_value = ? AND c.id = (SELECT c2.id FROM corrections c2"
        " WHERE c2.item_kind = 'statement' AND c2.item_id = c.item_id AND c2.field = c.field"
        " ORDER BY c2.created_at DESC, c2.id DESC LIMIT 1))"  # newest as corrections.apply_corrections orders
    )


def corrected_equals(field: str) -> str:
    """`s.<field> = ?` as the analyst sees it: the newest correction of the field wins over the extracted
    value (two parameters, the same value twice). Corrections are few, so both subqueries are small."""
    return f"(({_kept_equals(field)}) OR {_moved_equals(field)})"


# How statement_where matches a corrected field (actor, target, stance) to its value:
# "either" = as the analyst sees it; "kept" / "moved" = only statements whose field was not /
# was corrected (the two halves of "either"); "extracted" = as extracted, corrections ignored.
FIELD_MATCH = {"either": corrected_equals, "kept": _kept_equals, "moved": _moved_equals,
               "extracted": lambda field: f"s.{field} = ?"}
CORRECTED_FIELDS = (("actor", "speaker"), ("target", "target"), ("stance", "stance"))


def statement_branches(
    f: ItemFilter, store: Store, broad_fts: bool = False, matches: list[str] | None = None,
    expr: str | None = None,
) -> list[tuple[str, list[Any]]]:
    """The filter as disjoint WHERE clauses whose union is `statement_where`'s: first the statements
    matched by values no analyst corrected (most of them; the (column, date) indexes walk them in
    order), then those matched through a correction (few). An OR of the two would make the planner
    read and sort every match of a speaker to show one page. `matches`, `expr`: see statement_where
    (the search expression is built once for all the branches)."""
    used = [column for field, column in CORRECTED_FIELDS if getattr(f, field)]
    if expr is None:
        expr = match_expression(f.q, store) or ""
    return [statement_where(f, store, broad_fts, match=dict(zip(used, combo)), matches=matches, expr=expr)
            for combo in product(("kept", "moved"), repeat=len(used))]


def statement_where(
    f: ItemFilter, store: Store, broad_fts: bool = False, *, as_extracted: bool = False,
    match: dict[str, str] | None = None, matches: list[str] | None = None, expr: str | None = None,
) -> tuple[str, list[Any]]:
    """WHERE clause over `statements s` and its parameters.

    Call `resolve_names` first so actor/target are canonical names. On SQLite, broad
    full-text matches are written so the planner walks the date index (newest
    first) instead of sorting every match. `as_extracted`: actor, target and stance
    match the values as extracted, corrections ignored (what a rollup counted); `match`
    picks per column how (FIELD_MATCH; default "either"). `matches`: on PostgreSQL, the ids of every
    statement the search matches, when the caller read them (few) through the full-text index.
    `expr`: the search's `match_expression` when the caller built it already ("": it has none).
    """
    dialect = store.dialect
    clauses: list[str] = []
    params: list[Any] = []
    if f.q:
        expr = expr if expr is not None else match_expression(f.q, store)
        if expr and matches is not None and dialect == "postgresql":
            # the planner sees how few they are and sorts them (a word it has no statistics for it
            # guesses at ~1% of the statements, and would walk the whole date index for it)
            among, ids = in_clause(dialect, "s.id", matches)
            clauses.append(among)
            params += ids
        elif expr:
            if dialect == "sqlite":
                # every token quoted by the search layer: user text can never form query operators
                plus = "+" if broad_fts else ""
                clauses.append(f"{plus}s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
            else:
                clauses.append(PG_STATEMENT_MATCH)
            params.append(expr)
    if f.country:
        clauses.append("s.speaker_country = ?")
        params.append(f.country.upper())
    for field, column in CORRECTED_FIELDS:
        value = getattr(f, field)
        if value:
            how = "extracted" if as_extracted else (match or {}).get(column, "either")
            clauses.append(FIELD_MATCH[how](column))  # column names come from this code, never from the request
            params += [value] * (2 if how == "either" else 1)
    if f.plover:
        clauses.append("s.plover = ?")
        params.append(f.plover)
    if f.narrative:
        clauses.append(
            "EXISTS (SELECT 1 FROM narrative_matches n WHERE n.statement_id = s.id AND n.narrative_id = ?)"
        )
        params.append(f.narrative)
    _document_and_date_clauses(f, "s", clauses, params)
    return (" AND ".join(clauses) or "1=1"), params


def _document_and_date_clauses(f: ItemFilter, alias: str, clauses: list[str], params: list[Any]) -> None:
    """The filters statements and events share (language, outlet, dates, document)."""
    # a correlated EXISTS, not a join: a newest-first page walks the date index and looks each
    # item's document up by key, where a join made SQLite scan every document for a Bloom filter
    # first (1,000,000 statements: 1 s for page 5 of one outlet, 37 ms this way)
    doc_clauses = [(f"d.{column} = ?", value) for column, value in (("language", f.language), ("outlet", f.outlet)) if value]
    if doc_clauses:
        clauses.append(f"EXISTS (SELECT 1 FROM documents d WHERE d.id = {alias}.doc_id AND "
                       + " AND ".join(c for c, _ in doc_clauses) + ")")
        params += [v for _, v in doc_clauses]
    if f.date_from:
        clauses.append(f"{alias}.date >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append(f"{alias}.date <= ?")
        params.append(f.date_to)
    if f.doc_id:
        clauses.append(f"{alias}.doc_id = ?")
        params.append(f.doc_id)


def event_actor_clauses(f: ItemFilter, clauses: list[str], params: list[Any], keep_order: str = "") -> None:
    """The actor, target and country conditions over `events e` (live table and rollups alike)."""
    if f.actor:
        clauses.append("(e.source = ? OR e.target = ?)")
        params += [f.actor, f.actor]
    if f.target:
        clauses.append("e.target = ?")
        params.append(f.target)
    if f.country:
        clauses.append(f"{keep_order}e.source IN (SELECT a.name FROM actors a WHERE a.country = ?)")
        params.append(f.country.upper())


def event_where(f: ItemFilter, dialect: str = "sqlite") -> tuple[str, list[Any]]:
    """WHERE clause over `events e` and its parameters; statement-only filters are ignored."""
    keep_order = "+" if dialect == "sqlite" else ""
    clauses: list[str] = []
    params: list[Any] = []
    event_actor_clauses(f, clauses, params, keep_order)
    if f.plover:
        clauses.append("e.plover = ?")
        params.append(f.plover)
    _document_and_date_clauses(f, "e", clauses, params)
    if f.q:
        # events carry no FTS index: search the trigger/sentence of a bounded, dated window only
        clauses.append("e.sentence LIKE ?")
        params.append("%" + f.q.replace("%", "").replace("_", "") + "%")
    return (" AND ".join(clauses) or "1=1"), params


def page_bounds(page: Any, size: int = PAGE_SIZE) -> tuple[int, int, int]:
    """(page number, limit, offset) from a request value, bounded."""
    try:
        n = int(page or 1)
    except (TypeError, ValueError):
        raise InputError("page must be a number", where="page") from None
    if n < 1 or n > MAX_PAGE:
        raise InputError(f"page must be between 1 and {MAX_PAGE}; narrow the filters instead", where="page")
    return n, size, (n - 1) * size
