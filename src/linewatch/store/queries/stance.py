"""The one stance matrix: who backs and who blames whom, analyst corrections applied.

`stance_cells` counts support / oppose / all per (holder, target) in SQL over the filter's
statements, then swaps in the few statements an analyst corrected (one overlay:
`corrections.apply_corrections`), so the dashboard's windowed aggregate stays an index
range scan. The dashboard, the briefing and `linewatch matrix` all read it; `stance_rows`
gives the same statements one by one (for the evidence ids and for stance shifts).
"""
from __future__ import annotations

from typing import Any, Literal

from linewatch.store.protocol import Store
from linewatch.store.queries.corrections import apply_corrections
from linewatch.store.queries.filters import ItemFilter, statement_where
from linewatch.store.queries.rollups import statement_source

By = Literal["actor", "country"]
# holder of a cell: the speaker, or (by country) the speaker's country, else the speaker
HOLDER_SQL = {"actor": "s.speaker", "country": "COALESCE(s.speaker_country, s.speaker)"}


def _holder(row: dict[str, Any], by: By) -> str | None:
    return row["speaker"] if by == "actor" else (row.get("speaker_country") or row["speaker"])


def stance_cells(
    store: Store, f: ItemFilter, by: By = "actor", *, named_holders: bool = True
) -> dict[tuple[str | None, str], list[int]]:
    """{(holder, target): [support, oppose, all]} over the filter's statements that have a target.

    `f.stance` is ignored (a matrix counts every stance). `named_holders`: only statements whose
    holder is known (the dashboard); otherwise a cell may have holder None. A dated window the
    rollups hold is read from them (`rollups.statement_source`).
    """
    f = ItemFilter(**{**f.__dict__, "stance": None})
    src = statement_source(store, f)
    holder = HOLDER_SQL[by]
    named = f" AND {holder} IS NOT NULL" if named_holders else ""
    rows = store.query(
        f"SELECT {holder} AS holder, s.target AS target,"
        f" SUM(CASE WHEN s.stance = 'support' THEN {src.weight} ELSE 0 END) AS sup,"
        f" SUM(CASE WHEN s.stance = 'oppose' THEN {src.weight} ELSE 0 END) AS opp,"
        f" {src.count} AS n FROM {src.from_sql}"
        f" WHERE {src.where}{named} AND s.target IS NOT NULL GROUP BY {holder}, s.target",
        src.params,
    )
    cells: dict[tuple[str | None, str], list[int]] = {
        (r["holder"], r["target"]): [int(r["sup"]), int(r["opp"]), int(r["n"])] for r in rows
    }
    for sign, overlay in ((-1, src.minus), (1, src.plus)):
        for row in overlay:
            who = _holder(row, by)
            if (who or not named_holders) and row["target"]:
                cell = cells.setdefault((who, row["target"]), [0, 0, 0])
                cell[0] += sign * (row["stance"] == "support")
                cell[1] += sign * (row["stance"] == "oppose")
                cell[2] += sign
    return {k: v for k, v in cells.items() if v[2] > 0}


def stance_rows(store: Store, f: ItemFilter) -> list[dict[str, Any]]:
    """The statements `stance_cells` counts, one by one (id, speaker, speaker_country, target,
    stance, date), corrections applied and wrong ones dropped, by date then id."""
    f = ItemFilter(**{**f.__dict__, "stance": None})
    where, params = statement_where(f, store)
    rows = store.query(
        "SELECT s.id, s.speaker, s.speaker_country, s.target, s.stance, s.date FROM statements s"
        f" WHERE {where} ORDER BY s.date, s.id",
        params,
    )
    return [r for r in apply_corrections(rows, "statement", store) if not r["wrong"] and r["target"]]
