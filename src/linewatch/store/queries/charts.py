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
from linewatch.store.queries import rollups
from linewatch.store.queries.cache import cached
from linewatch.store.queries.filters import ItemFilter, event_where, resolve_names
from linewatch.store.queries.records import facets, latest_day
from linewatch.store.queries.rollups import EVERY_DAY, statement_source
from linewatch.store.queries.stance import stance_cells

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
    src = statement_source(store, _windowed(f, start, end))
    rows = store.query(
        f"SELECT s.date AS day, s.speaker AS actor, {src.count} AS n FROM {src.from_sql}"
        # registry speakers only: the timeline's legend never names "NEW YORK" or "the leaders"
        f" WHERE {src.where} AND s.speaker IS NOT NULL AND {src.named} GROUP BY s.date, s.speaker",
        src.params,
    )
    counts: dict[tuple[str, str], int] = {(r["day"], r["actor"]): int(r["n"]) for r in rows}
    for sign, overlay in ((-1, src.minus), (1, src.plus)):
        for r in overlay:
            if r["speaker"] and r["speaker_id"] and r["date"]:
                counts[(r["date"], r["speaker"])] = counts.get((r["date"], r["speaker"]), 0) + sign
    counts = {k: v for k, v in counts.items() if v > 0}
    totals: dict[str, int] = {}
    for (_, actor), n in counts.items():
        totals[actor] = totals.get(actor, 0) + n
    top = sorted(totals, key=lambda a: (-totals[a], a))[:TOP_N]
    days = _all_days(start, end, {day for day, _ in counts})
    series = {a: {d: 0 for d in days} for a in top}
    for (day, actor), n in counts.items():
        if actor in series:
            series[actor][day] = n
    return {
        "from": start,
        "to": end,
        "days": days,
        "series": [{"name": a, "data": [series[a][d] for d in days]} for a in top],
    }


def _event_counts_by_type(store: Store, f: ItemFilter) -> dict[str, Any]:
    start, end = window(store, f)
    g = _windowed(f, start, end)
    rows = rollups.event_days(store, g)
    if rows is None:
        where, params = event_where(g, store.dialect)
        rows = store.query(
            f"SELECT e.date AS day, e.plover AS kind, COUNT(*) AS n FROM events e WHERE {where} GROUP BY e.date, e.plover",
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


def _accuses(row: dict[str, Any]) -> bool:
    return bool(row["speaker"] and row["target"] and row["speaker"] != row["target"]
                and (row["stance"] == "oppose" or row["plover"] == "ACCUSE"))


def _accusation_network(store: Store, f: ItemFilter, limit_edges: int = 80) -> dict[str, Any]:
    """Who accuses/opposes whom: edges weighted by the number of statements."""
    start, end = window(store, f)
    g = _windowed(f, start, end)
    g.stance = None
    src = statement_source(store, g)
    rows = store.query(
        f"SELECT s.speaker AS src, s.target AS dst, {src.count} AS n FROM {src.from_sql}"
        f" WHERE {src.where} AND s.speaker IS NOT NULL AND s.target IS NOT NULL"
        " AND (s.stance = 'oppose' OR s.plover = 'ACCUSE') AND s.speaker <> s.target"
        f" GROUP BY s.speaker, s.target ORDER BY {src.count} DESC LIMIT ?",
        [*src.params, limit_edges],
    )
    edges: dict[tuple[str, str], int] = {(r["src"], r["dst"]): int(r["n"]) for r in rows}
    for sign, overlay in ((-1, src.minus), (1, src.plus)):
        for r in overlay:
            if _accuses(r):
                edges[(r["speaker"], r["target"])] = edges.get((r["speaker"], r["target"]), 0) + sign
    kept = sorted(((k, v) for k, v in edges.items() if v > 0), key=lambda kv: (-kv[1], kv[0]))[:limit_edges]
    weight: dict[str, int] = {}
    for (src_name, dst), n in kept:
        for k in (src_name, dst):
            weight[k] = weight.get(k, 0) + n
    return {
        "from": start,
        "to": end,
        "nodes": [{"name": k, "value": v} for k, v in sorted(weight.items(), key=lambda kv: -kv[1])],
        "edges": [{"source": a, "target": b, "value": n} for (a, b), n in kept],
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
    scope = f"language={f.language}" if f.language and not f.outlet else f"outlet={f.outlet}" if f.outlet and not f.language else ""
    rolled = None if (f.language and f.outlet) else rollups.narrative_days(store, start, end, scope, f.narrative)
    rows = rolled if rolled is not None else _live_narrative_days(store, f, start, end)
    return _trend_series(rows, start, end)


def _live_narrative_days(store: Store, f: ItemFilter, start: str, end: str) -> list[dict[str, Any]]:
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
    return store.query(
        "SELECT n.narrative_id AS nid, d.published AS day, COUNT(DISTINCT n.doc_id) AS docs,"
        " COUNT(DISTINCT COALESCE(m.group_id, n.doc_id)) AS stories"
        " FROM narrative_matches n JOIN documents d ON d.id = n.doc_id"
        " LEFT JOIN story_members m ON m.doc_id = n.doc_id"
        f" WHERE d.published >= ? AND d.published <= ? AND n.relation = ?{extra} GROUP BY n.narrative_id, d.published",
        params,
    )


def _trend_series(rows: list[dict[str, Any]], start: str, end: str) -> dict[str, Any]:
    """Weekly series of the ten narratives most carried, and which of them rise."""
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


def narrative_speakers(store: Store, narratives: list[str], start: str, end: str,
                       limit: int = 5) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """({narrative: speakers carrying it}, {narrative: speakers rebutting it}) in the window, most
    statements first, at most `limit` each: one grouped query for all the narratives."""
    def compute() -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
        carriers: dict[str, list[dict[str, Any]]] = {n: [] for n in narratives}
        rebutters: dict[str, list[dict[str, Any]]] = {n: [] for n in narratives}
        # a speaker who rebuts a narrative does not carry it: the two are kept apart
        for r in rollups.speakers_by_narrative(store, start, end, narratives):
            side = rebutters if r["relation"] == rollups.REBUTS else carriers
            side[r["nid"]].append({"speaker": r["speaker"], "n": int(r["n"])})
        for side in (carriers, rebutters):
            for nid, lst in side.items():
                side[nid] = sorted(lst, key=lambda c: (-c["n"], c["speaker"]))[:limit]
        return carriers, rebutters

    return cached(store, ("narrative_speakers", tuple(narratives), start, end, limit), compute)


def narrative_carriers(store: Store, narrative_id: str, start: str, end: str, limit: int = 10) -> list[dict[str, Any]]:
    """Speakers whose statements carry a narrative in the window, most first."""
    return narrative_speakers(store, [narrative_id], start, end, limit)[0][narrative_id]


def narrative_rebutters(store: Store, narrative_id: str, start: str, end: str, limit: int = 10) -> list[dict[str, Any]]:
    """Speakers whose statements reject or rebut a narrative in the window, most first."""
    return narrative_speakers(store, [narrative_id], start, end, limit)[1][narrative_id]


def _actor_stance_over_time(store: Store, actor: str, limit_targets: int = 6) -> dict[str, Any]:
    # the speaker's statements as corrected (a statement re-filed under this actor counts, one moved away
    # does not; a corrected stance or target counts as corrected; one marked wrong not at all)
    src = statement_source(store, ItemFilter(actor=actor, date_from=EVERY_DAY[0], date_to=EVERY_DAY[1]))
    found = store.query(
        f"SELECT s.date AS day, s.target AS target, s.stance AS stance, {src.count} AS n FROM {src.from_sql}"
        f" WHERE {src.where} AND s.target IS NOT NULL GROUP BY s.date, s.target, s.stance",
        src.params,
    )
    counted = [(r["day"], r["target"], r["stance"], int(r["n"])) for r in found]
    counted += [(r["date"], r["target"], r["stance"], sign) for sign, overlay in ((-1, src.minus), (1, src.plus))
                for r in overlay if r["target"] and r["date"]]
    agg: dict[tuple[str, str], list[int]] = {}
    for day, target, stance, n in counted:
        cell = agg.setdefault((day[:10], target), [0, 0])
        cell[0] += n if stance == "support" else -n if stance == "oppose" else 0
        cell[1] += n
    rows = [{"day": d, "target": t, "net": v[0], "n": v[1]} for (d, t), v in agg.items() if v[1] > 0]
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


def actor_narratives(store: Store, actor: str, limit: int = 15) -> list[dict[str, Any]]:
    """Narratives a speaker's statements carry, most frequent first (from the rollup when it is current)."""
    def compute() -> list[dict[str, Any]]:
        rolled = rollups.speaker_narratives(store, actor, limit)
        if rolled is not None:
            return rolled
        return store.query(
            "SELECT n.narrative_id AS narrative, COUNT(*) AS n, MIN(s.date) AS first, MAX(s.date) AS last"
            " FROM statements s JOIN narrative_matches n ON n.statement_id = s.id"
            " WHERE s.speaker = ? AND s.date IS NOT NULL AND n.relation = ?"
            " GROUP BY n.narrative_id ORDER BY COUNT(*) DESC, n.narrative_id LIMIT ?",
            [actor, CARRIER, limit],
        )

    return cached(store, ("actor_narratives", actor, limit), compute)


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
