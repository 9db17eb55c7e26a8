"""Aggregates behind the charts: stance matrix, timelines, narrative trends, network, scenarios.

Each aggregate is bounded by a date window (default: the last WINDOW_DAYS
before the newest statement) so it reads an index range, not whole tables.
Chart data reaches the browser only as JSON inside
`<script type="application/json">` (see `web.viewhelpers.json_for_script`).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from linewatch.model import CARRIER
from linewatch.store.protocol import Store
from linewatch.store.queries.cache import cached
from linewatch.store.queries.corrections import apply_corrections
from linewatch.store.queries.filters import ItemFilter, doc_join, event_where, resolve_names, statement_where
from linewatch.store.queries.records import facets, latest_day
from linewatch.store.queries.stance import corrected_pairs, stance_cells

WINDOW_DAYS = 31  # default chart window: the last month of data (longer: pick dates)
TOP_N = 14


SMALL_DB_DOCS = 20_000  # up to this many documents, charts show everything by default


def _first_day_if_small(store: Store) -> str | None:
    """The first statement day when the database is small enough to chart whole, else None."""
    def compute() -> str | None:
        n = store.query("SELECT COUNT(*) AS n FROM documents", [])[0]["n"]
        if int(n) > SMALL_DB_DOCS:
            return None
        rows = store.query("SELECT MIN(date) AS d FROM statements", [])
        return rows[0]["d"] if rows else None

    return cached(store, ("first_day_if_small",), compute)


def window(store: Store, f: ItemFilter, days: int = WINDOW_DAYS) -> tuple[str, str]:
    """(from, to) days for aggregates: the filter's dates, else all of a small database,
    else the latest `days` of data."""
    end = f.date_to or latest_day(store) or date.today().isoformat()
    if f.date_from:
        return f.date_from, end
    first = _first_day_if_small(store)
    if first and first <= end:
        return first, end
    start = (date.fromisoformat(end) - timedelta(days=days)).isoformat()
    return start, end


MAX_DAYS_AXIS = 400


def _all_days(start: str, end: str, seen: set[str]) -> list[str]:
    """Every day of the window (so quiet days show as gaps), or just the days seen if the window is long."""
    try:
        a, b = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
    except ValueError:
        return sorted(seen)
    if seen:
        a = max(a, date.fromisoformat(min(seen)[:10]))
    if not (0 <= (b - a).days <= MAX_DAYS_AXIS):
        return sorted(seen)
    return sorted({(a + timedelta(days=i)).isoformat() for i in range((b - a).days + 1)} | seen)


def _windowed(f: ItemFilter, start: str, end: str) -> ItemFilter:
    g = ItemFilter(**{**f.__dict__})
    g.date_from, g.date_to = start, end
    return g


def _statement_counts_by_actor(store: Store, f: ItemFilter) -> dict[str, Any]:
    """Statements per day for the most active speakers (timeline chart)."""
    start, end = window(store, f)
    where, params, join = statement_where(_windowed(f, start, end), store)
    rows = store.query(
        f"SELECT s.date AS day, s.speaker AS actor, COUNT(*) AS n FROM statements s{doc_join(join, 's')[0]}"
        # registry speakers only: the timeline's legend never names "NEW YORK" or "the leaders"
        f" WHERE {doc_join(join, 's')[1]}{where} AND s.speaker IS NOT NULL AND s.speaker_id IS NOT NULL"
        " GROUP BY s.date, s.speaker",
        params,
    )
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["actor"]] = totals.get(r["actor"], 0) + int(r["n"])
    top = sorted(totals, key=lambda a: (-totals[a], a))[:TOP_N]
    days = _all_days(start, end, {r["day"] for r in rows})
    series = {a: {d: 0 for d in days} for a in top}
    for r in rows:
        if r["actor"] in series:
            series[r["actor"]][r["day"]] = int(r["n"])
    return {
        "from": start,
        "to": end,
        "days": days,
        "series": [{"name": a, "data": [series[a][d] for d in days]} for a in top],
    }


def _event_counts_by_type(store: Store, f: ItemFilter) -> dict[str, Any]:
    start, end = window(store, f)
    where, params, join = event_where(_windowed(f, start, end), store.dialect)
    rows = store.query(
        f"SELECT e.date AS day, e.plover AS kind, COUNT(*) AS n FROM events e{doc_join(join, 'e')[0]}"
        f" WHERE {doc_join(join, 'e')[1]}{where} GROUP BY e.date, e.plover",
        params,
    )
    days = _all_days(start, end, {r["day"] for r in rows if r["day"]})
    kinds = sorted({r["kind"] for r in rows})
    grid = {k: {d: 0 for d in days} for k in kinds}
    for r in rows:
        if r["day"]:
            grid[r["kind"]][r["day"]] = int(r["n"])
    return {"from": start, "to": end, "days": days, "series": [{"name": k, "data": [grid[k][d] for d in days]} for k in kinds]}


def _stance_matrix_data(store: Store, f: ItemFilter) -> dict[str, Any]:
    """Speaker × target matrix: net stance (support − oppose) / all, and counts."""
    start, end = window(store, f)
    agg = stance_cells(store, _windowed(f, start, end))  # the one stance matrix (corrections applied)
    hold_tot: dict[str, int] = {}
    targ_tot: dict[str, int] = {}
    for (holder, target), (_, _, n) in agg.items():
        hold_tot[holder] = hold_tot.get(holder, 0) + n
        targ_tot[target] = targ_tot.get(target, 0) + n
    holders = sorted(hold_tot, key=lambda a: (-hold_tot[a], a))[:TOP_N]
    targets = sorted(targ_tot, key=lambda a: (-targ_tot[a], a))[:TOP_N]
    cells = []
    for (holder, target), (sup, opp, n) in sorted(agg.items()):
        if holder in holders and target in targets:
            cells.append([targets.index(target), holders.index(holder), round((sup - opp) / n, 2), n, sup, opp])
    return {"from": start, "to": end, "holders": holders, "targets": targets, "cells": cells}


def _accusation_network(store: Store, f: ItemFilter, limit_edges: int = 80) -> dict[str, Any]:
    """Who accuses/opposes whom: edges weighted by the number of statements."""
    start, end = window(store, f)
    g = _windowed(f, start, end)
    g.stance = None
    where, params, join = statement_where(g, store)
    rows = store.query(
        f"SELECT s.speaker AS src, s.target AS dst, COUNT(*) AS n FROM statements s{doc_join(join, 's')[0]}"
        f" WHERE {doc_join(join, 's')[1]}{where} AND s.speaker IS NOT NULL AND s.target IS NOT NULL"
        " AND (s.stance = 'oppose' OR s.plover = 'ACCUSE') AND s.speaker <> s.target"
        " GROUP BY s.speaker, s.target ORDER BY COUNT(*) DESC LIMIT ?",
        [*params, limit_edges],
    )
    edges: dict[tuple[str, str], int] = {(r["src"], r["dst"]): int(r["n"]) for r in rows}

    def accuses(row: dict[str, Any]) -> bool:
        return bool(row["speaker"] and row["target"] and row["speaker"] != row["target"]
                    and (row["stance"] == "oppose" or row["plover"] == "ACCUSE"))

    for before, after in corrected_pairs(store, where, params, join):
        if accuses(before):
            edges[(before["speaker"], before["target"])] = edges.get((before["speaker"], before["target"]), 0) - 1
        if accuses(after) and not after.get("wrong"):
            edges[(after["speaker"], after["target"])] = edges.get((after["speaker"], after["target"]), 0) + 1
    kept = sorted(((k, v) for k, v in edges.items() if v > 0), key=lambda kv: (-kv[1], kv[0]))[:limit_edges]
    weight: dict[str, int] = {}
    for (src, dst), n in kept:
        for k in (src, dst):
            weight[k] = weight.get(k, 0) + n
    return {
        "from": start,
        "to": end,
        "nodes": [{"name": k, "value": v} for k, v in sorted(weight.items(), key=lambda kv: -kv[1])],
        "edges": [{"source": src, "target": dst, "value": n} for (src, dst), n in kept],
    }


def _all_weeks(first: str, last: str) -> list[str]:
    """Monday of every week from first to last (both Mondays), so quiet weeks show as zero."""
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    return [(a + timedelta(weeks=i)).isoformat() for i in range(min((b - a).days // 7 + 1, 600))]


def _week(day: str) -> str:
    d = date.fromisoformat(day[:10])
    return (d - timedelta(days=d.weekday())).isoformat()


def _narrative_trends(store: Store, f: ItemFilter) -> dict[str, Any]:
    """Per week and narrative: articles carrying it and unique stories (story groups)."""
    start, end = window(store, f, days=56)  # eight weeks
    params: list[Any] = [start, end, CARRIER]
    extra = ""
    if f.narrative:
        extra += " AND n.narrative_id = ?"
        params.append(f.narrative)
    if f.language:
        extra += " AND d.language = ?"
        params.append(f.language)
    if f.outlet:
        extra += " AND d.outlet = ?"
        params.append(f.outlet)
    rows = store.query(
        "SELECT n.narrative_id AS nid, d.published AS day, COUNT(DISTINCT n.doc_id) AS docs,"
        " COUNT(DISTINCT COALESCE(m.group_id, n.doc_id)) AS stories"
        " FROM narrative_matches n JOIN documents d ON d.id = n.doc_id"
        " LEFT JOIN story_members m ON m.doc_id = n.doc_id"
        f" WHERE d.published >= ? AND d.published <= ? AND n.relation = ?{extra} GROUP BY n.narrative_id, d.published",
        params,
    )
    weeks: dict[str, dict[str, list[int]]] = {}
    totals: dict[str, int] = {}
    for r in rows:
        if not r["day"]:
            continue
        w = _week(r["day"])
        cell = weeks.setdefault(r["nid"], {}).setdefault(w, [0, 0])
        cell[0] += int(r["docs"])
        cell[1] += int(r["stories"])  # summed per day: a story spanning days counts once a day
        totals[r["nid"]] = totals.get(r["nid"], 0) + int(r["docs"])
    top = sorted(totals, key=lambda k: (-totals[k], k))[:10]
    seen_weeks = {w for nid in top for w in weeks[nid]}
    all_weeks = sorted(seen_weeks | set(_all_weeks(min(seen_weeks), max(seen_weeks)))) if seen_weeks else []
    series = []
    for nid in top:
        series.append(
            {
                "name": nid,
                "articles": [weeks[nid].get(w, [0, 0])[0] for w in all_weeks],
                "stories": [weeks[nid].get(w, [0, 0])[1] for w in all_weeks],
            }
        )
    rising = []
    for s in series:
        if len(s["articles"]) >= 2:
            half = len(s["articles"]) // 2
            before, after = sum(s["articles"][:half]), sum(s["articles"][half:])
            rising.append({"name": s["name"], "before": before, "after": after, "change": after - before})
    rising.sort(key=lambda r: -r["change"])
    return {"from": start, "to": end, "weeks": all_weeks, "series": series, "rising": rising}


def _carriers(store: Store, start: str, end: str, relation: str = CARRIER) -> dict[str, list[dict[str, Any]]]:
    rows = store.query(
        "SELECT n.narrative_id AS nid, s.speaker AS speaker, COUNT(*) AS n FROM statements s"
        " JOIN narrative_matches n ON n.statement_id = s.id"
        " WHERE s.date >= ? AND s.date <= ? AND s.speaker IS NOT NULL AND n.relation = ?"
        " GROUP BY n.narrative_id, s.speaker",
        [start, end, relation],  # a speaker who rebuts a narrative does not carry it: the two are kept apart
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["nid"], []).append({"speaker": r["speaker"], "n": int(r["n"])})
    for lst in out.values():
        lst.sort(key=lambda c: (-c["n"], c["speaker"]))
    return out


def narrative_carriers(store: Store, narrative_id: str, start: str, end: str, limit: int = 10) -> list[dict[str, Any]]:
    """Speakers whose statements carry a narrative in the window, most first (one cached pass for all)."""
    return cached(store, ("carriers", start, end), lambda: _carriers(store, start, end)).get(narrative_id, [])[:limit]


def narrative_rebutters(store: Store, narrative_id: str, start: str, end: str, limit: int = 10) -> list[dict[str, Any]]:
    """Speakers whose statements reject or rebut a narrative in the window, most first."""
    return cached(store, ("rebutters", start, end),
                  lambda: _carriers(store, start, end, "rebuts")).get(narrative_id, [])[:limit]


ACTOR_STANCE_ROWS = 20_000  # one speaker's statements read for the chart (bounded work)


def _actor_stance_over_time(store: Store, actor: str, limit_targets: int = 6) -> dict[str, Any]:
    # the speaker's statements as corrected (a statement re-filed under this actor counts, one moved away
    # does not; a corrected stance or target counts as corrected; one marked wrong not at all)
    where, params, _ = statement_where(ItemFilter(actor=actor), store)
    found = apply_corrections(store.query(
        f"SELECT s.id, s.speaker, s.date, s.target, s.stance FROM statements s WHERE {where} AND s.date IS NOT NULL"
        " LIMIT ?", [*params, ACTOR_STANCE_ROWS]), "statement", store)
    agg: dict[tuple[str, str], list[int]] = {}
    for r in found:
        if r.get("wrong") or not r.get("target") or not r.get("date"):
            continue
        cell = agg.setdefault((r["date"][:10], r["target"]), [0, 0])
        cell[0] += 1 if r["stance"] == "support" else -1 if r["stance"] == "oppose" else 0
        cell[1] += 1
    rows = [{"day": d, "target": t, "net": v[0], "n": v[1]} for (d, t), v in agg.items()]
    days = sorted({r["day"][:10] for r in rows})
    # weeks for a short record, months for a long one
    weekly = bool(days) and (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days <= 26 * 7
    bucket = _week if weekly else (lambda d: d[:7])
    tot: dict[str, int] = {}
    cells: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        tot[r["target"]] = tot.get(r["target"], 0) + int(r["n"])
        c = cells.setdefault((r["target"], bucket(r["day"][:10])), [0, 0])
        c[0] += int(r["net"])
        c[1] += int(r["n"])
    targets = sorted(tot, key=lambda t: (-tot[t], t))[:limit_targets]
    periods = sorted({p for (_, p) in cells})
    series = [{"name": t, "data": [round(cells[(t, p)][0] / cells[(t, p)][1], 2) if (t, p) in cells else None
                                   for p in periods]} for t in targets]
    return {"months": periods, "unit": "week of" if weekly else "month", "series": series}


def actor_stance_over_time(store: Store, actor: str) -> dict[str, Any]:
    """Monthly net stance of one speaker toward its most frequent targets."""
    return cached(store, ("actor_stance", actor), lambda: _actor_stance_over_time(store, actor))


ACTOR_RECENT = 5000  # narratives carried: read over a speaker's latest statements (bounded work)


def actor_narratives(store: Store, actor: str, limit: int = 15) -> list[dict[str, Any]]:
    """Narratives in a speaker's latest ACTOR_RECENT statements, most frequent first."""
    return cached(store, ("actor_narratives", actor, limit), lambda: store.query(
        "SELECT n.narrative_id AS narrative, COUNT(*) AS n, MIN(r.date) AS first, MAX(r.date) AS last"
        " FROM (SELECT s.id, s.date FROM statements s WHERE s.speaker = ? AND s.date IS NOT NULL"
        " ORDER BY s.date DESC, s.id DESC LIMIT ?) r JOIN narrative_matches n ON n.statement_id = r.id"
        " WHERE n.relation = ? GROUP BY n.narrative_id ORDER BY COUNT(*) DESC LIMIT ?",
        [actor, ACTOR_RECENT, CARRIER, limit],
    ))


def _by_filter(store: Store, name: str, f: ItemFilter, compute: Callable[[Store, ItemFilter], dict[str, Any]]) -> dict[str, Any]:
    """One filtered aggregate, cached under its name and the filter (names resolved first)."""
    f = resolve_names(store, f)
    return cached(store, (name, tuple(sorted(f.as_params().items()))), lambda: compute(store, f))


def statement_counts_by_actor(store: Store, f: ItemFilter) -> dict[str, Any]:
    return _by_filter(store, "statement_counts_by_actor", f, _statement_counts_by_actor)


def event_counts_by_type(store: Store, f: ItemFilter) -> dict[str, Any]:
    return _by_filter(store, "event_counts_by_type", f, _event_counts_by_type)


def stance_matrix_data(store: Store, f: ItemFilter) -> dict[str, Any]:
    return _by_filter(store, "stance_matrix_data", f, _stance_matrix_data)


def accusation_network(store: Store, f: ItemFilter) -> dict[str, Any]:
    return _by_filter(store, "accusation_network", f, _accusation_network)


def narrative_trends(store: Store, f: ItemFilter) -> dict[str, Any]:
    return _by_filter(store, "narrative_trends", f, _narrative_trends)


def warm(store: Store) -> None:
    """Compute the default views' aggregates (run in a background thread when the server starts)."""
    f = ItemFilter()
    facets(store)
    for fn in (statement_counts_by_actor, event_counts_by_type, stance_matrix_data, accusation_network, narrative_trends):
        fn(store, f)
