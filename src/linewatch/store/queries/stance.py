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
from linewatch.store.queries.filters import ItemFilter, doc_join, statement_where

By = Literal["actor", "country"]
# holder of a cell: the speaker, or (by country) the speaker's country, else the speaker
HOLDER_SQL = {"actor": "s.speaker", "country": "COALESCE(s.speaker_country, s.speaker)"}


def _holder(row: dict[str, Any], by: By) -> str | None:
    return row["speaker"] if by == "actor" else (row.get("speaker_country") or row["speaker"])


def corrected_pairs(store: Store, where: str, params: list[Any], join: bool) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(as extracted, as corrected) for statements in the filter that an analyst corrected.

    Aggregates are computed in SQL over extracted values; these pairs let them
    swap each corrected statement's contribution (corrections are few)."""
    js, jw = doc_join(join, "s")
    rows = store.query(
        f"SELECT s.id, s.speaker, s.speaker_country, s.target, s.stance, s.plover FROM statements s{js}"
        f" WHERE {jw}{where} AND s.id IN"
        " (SELECT c.item_id FROM corrections c WHERE c.item_kind = 'statement'"
        " AND c.field IN ('speaker', 'target', 'stance', 'wrong'))",
        params,
    )
    before = [dict(r) for r in rows]
    return list(zip(before, apply_corrections(rows, "statement", store)))


def stance_cells(
    store: Store, f: ItemFilter, by: By = "actor", *, named_holders: bool = True
) -> dict[tuple[str | None, str], list[int]]:
    """{(holder, target): [support, oppose, all]} over the filter's statements that have a target.

    `f.stance` is ignored (a matrix counts every stance). `named_holders`: only statements whose
    holder is known (the dashboard); otherwise a cell may have holder None.
    """
    f = ItemFilter(**{**f.__dict__, "stance": None})
    where, params, join = statement_where(f, store)
    holder = HOLDER_SQL[by]
    js, jw = doc_join(join, "s")
    named = f" AND {holder} IS NOT NULL" if named_holders else ""
    rows = store.query(
        f"SELECT {holder} AS holder, s.target AS target,"
        " SUM(CASE WHEN s.stance = 'support' THEN 1 ELSE 0 END) AS sup,"
        " SUM(CASE WHEN s.stance = 'oppose' THEN 1 ELSE 0 END) AS opp,"
        f" COUNT(*) AS n FROM statements s{js}"
        f" WHERE {jw}{where}{named} AND s.target IS NOT NULL GROUP BY {holder}, s.target",
        params,
    )
    cells: dict[tuple[str | None, str], list[int]] = {
        (r["holder"], r["target"]): [int(r["sup"]), int(r["opp"]), int(r["n"])] for r in rows
    }
    for before, after in corrected_pairs(store, where, params, join):
        for row, sign in ((before, -1), (after, 1)):
            who = _holder(row, by)
            if (who or not named_holders) and row["target"] and not (sign == 1 and row.get("wrong")):
                cell = cells.setdefault((who, row["target"]), [0, 0, 0])
                cell[0] += sign * (row["stance"] == "support")
                cell[1] += sign * (row["stance"] == "oppose")
                cell[2] += sign
    return {k: v for k, v in cells.items() if v[2] > 0}


def stance_rows(store: Store, f: ItemFilter) -> list[dict[str, Any]]:
    """The statements `stance_cells` counts, one by one (id, speaker, speaker_country, target,
    stance, date), corrections applied and wrong ones dropped, by date then id."""
    f = ItemFilter(**{**f.__dict__, "stance": None})
    where, params, join = statement_where(f, store)
    js, jw = doc_join(join, "s")
    rows = store.query(
        f"SELECT s.id, s.speaker, s.speaker_country, s.target, s.stance, s.date FROM statements s{js}"
        f" WHERE {jw}{where} ORDER BY s.date, s.id",
        params,
    )
    return [r for r in apply_corrections(rows, "statement", store) if not r["wrong"] and r["target"]]
