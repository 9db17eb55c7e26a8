"""Stance aggregates over the store: the speaker × target matrix and stance shifts.

    from linewatch.store import open_store
    from linewatch.analyze.stance.matrix import stance_matrix, stance_shifts
    cells = stance_matrix(open_store(url), start=date(2021, 11, 1), by="country")
    shifts = stance_shifts(open_store(url), window_days=14, min_count=2)

Statements are read through the query layer (`store.queries.stance`), with the one
corrections overlay applied (stance / target / speaker, or `wrong` to drop a
statement; the latest correction of a field wins), so the matrix shows what the
analyst accepted, not only what the extractor said.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from linewatch.actors.registry import get_registry
from linewatch.store.protocol import Store
from linewatch.store.queries.filters import ItemFilter
from linewatch.store.queries.stance import stance_cells, stance_rows

STANCE_VALUE = {"support": 1, "neutral": 0, "oppose": -1}
MAX_ROWS = 1_000_000  # statements read for one aggregate


@dataclass
class StanceRow:
    id: str
    speaker: str | None
    speaker_country: str | None
    target: str | None
    stance: str
    date: date | None


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def load_stance_rows(store: Store, start: date | None = None, end: date | None = None) -> list[StanceRow]:
    """Statements with a target, corrections applied, optionally within [start, end]."""
    out = []
    for r in stance_rows(store, _window(start, end))[:MAX_ROWS]:
        stance = (r["stance"] or "neutral").strip().lower()
        if stance not in STANCE_VALUE:
            continue
        out.append(StanceRow(r["id"], r["speaker"], r["speaker_country"], r["target"], stance, _as_date(r["date"])))
    return out


def _window(start: date | None, end: date | None) -> ItemFilter:
    return ItemFilter(date_from=start.isoformat() if start else None, date_to=end.isoformat() if end else None)


def _target_country(target: str) -> str:
    """ISO alpha-3 of a target the registry knows (its state or its person's country), else the name."""
    try:
        actor = get_registry().by_name(target)
    except Exception:
        actor = None
    return actor.country if actor is not None and actor.country else target


def _keys(row: StanceRow, by: str) -> tuple[str, str]:
    if by == "country":
        return (row.speaker_country or row.speaker or "?", _target_country(row.target or "?"))
    return (row.speaker or "?", row.target or "?")


def stance_matrix(
    store: Store, start: date | None = None, end: date | None = None, by: Literal["actor", "country"] = "actor"
) -> list[dict[str, Any]]:
    """Cells {speaker, target, support, oppose, neutral, net, statement_ids}, busiest first.

    The counts are the store's one stance matrix (`store.queries.stance.stance_cells`, the
    dashboard's); the statement ids are the same statements listed one by one.
    """
    if by not in ("actor", "country"):
        raise ValueError(f"by must be 'actor' or 'country', not {by!r}")
    window = _window(start, end)
    cells: dict[tuple[str, str], dict[str, Any]] = {}

    def cell(holder: str | None, target: str) -> dict[str, Any]:
        speaker = holder or "?"
        target = _target_country(target) if by == "country" else target
        return cells.setdefault((speaker, target), {
            "speaker": speaker, "target": target, "support": 0, "oppose": 0, "neutral": 0, "net": 0,
            "statement_ids": [],
        })

    for (holder, target), (sup, opp, n) in stance_cells(store, window, by, named_holders=False).items():
        c = cell(holder, target)
        c["support"] += sup
        c["oppose"] += opp
        c["neutral"] += n - sup - opp
        c["net"] += sup - opp
    for row in load_stance_rows(store, start, end):
        cell(row.speaker if by == "actor" else (row.speaker_country or row.speaker), row.target or "?")[
            "statement_ids"].append(row.id)
    return sorted(cells.values(), key=lambda c: (-len(c["statement_ids"]), c["speaker"], c["target"]))


def _majority(rows: list[StanceRow]) -> str:
    """The prevailing stance: the mean value rounded to support (>0.33), oppose (<-0.33) or neutral."""
    mean = sum(STANCE_VALUE[r.stance] for r in rows) / len(rows)
    return "support" if mean > 0.33 else "oppose" if mean < -0.33 else "neutral"


def _mean(rows: list[StanceRow]) -> float:
    return sum(STANCE_VALUE[r.stance] for r in rows) / len(rows)


def stance_shifts(
    store: Store, window_days: int = 14, min_count: int = 2, by: Literal["actor", "country"] = "actor"
) -> list[dict[str, Any]]:
    """Changes of a speaker's prevailing stance toward a target.

    Every statement date is a candidate change point; the statements of the
    `window_days` before it and of the `window_days` from it on (at least
    `min_count` on each side) must prevail in different directions. Among
    overlapping candidates the sharpest change is kept.
    """
    window = timedelta(days=max(1, window_days))
    series: dict[tuple[str, str], list[StanceRow]] = defaultdict(list)
    for row in load_stance_rows(store):
        if row.date is not None:
            series[_keys(row, by)].append(row)
    shifts: list[dict[str, Any]] = []
    for (speaker, target), rows in series.items():
        rows.sort(key=lambda r: (r.date, r.id))
        candidates = []
        for change in sorted({r.date for r in rows}):
            before = [r for r in rows if change - window <= r.date < change]  # type: ignore[operator]
            after = [r for r in rows if change <= r.date < change + window]  # type: ignore[operator]
            if len(before) < min_count or len(after) < min_count:
                continue
            b, a = _majority(before), _majority(after)
            if a != b:
                candidates.append((abs(_mean(after) - _mean(before)), change, b, a, before, after))
        taken: list[date] = []
        for strength, change, b, a, before, after in sorted(candidates, key=lambda c: (-c[0], c[1])):
            if any(abs((change - t).days) < window.days for t in taken):
                continue
            taken.append(change)
            shifts.append({
                "speaker": speaker, "target": target, "before": b, "after": a, "change_date": change,
                "strength": round(strength, 3),
                "statements_before": [r.id for r in before], "statements_after": [r.id for r in after],
            })
    return sorted(shifts, key=lambda s: (s["change_date"], s["speaker"], s["target"]))
