"""List pages read a corrected filter as disjoint branches (values kept / values corrected), each an index
walk: the pages and counts are exactly those of the one OR'ed WHERE clause, on both dialects."""
from __future__ import annotations

from typing import Any

from sample_data import populate

from linewatch.store import open_store
from linewatch.store.queries import records, rollups
from linewatch.store.queries.corrections import add_corrections
from linewatch.store.queries.filters import ItemFilter, statement_where


def _reference(store: Any, f: ItemFilter) -> list[str]:
    where, params = statement_where(f, store)
    return [r["id"] for r in store.query(
        f"SELECT s.id FROM statements s WHERE {where} ORDER BY s.date DESC NULLS LAST, s.id DESC", params)]


def test_branch_paging_equals_the_or_clause(db_url: str) -> None:
    store = open_store(db_url)
    populate(store, 120)
    # undated statements are listed last and counted
    store.execute("UPDATE statements SET date = NULL WHERE id IN (SELECT id FROM statements ORDER BY id LIMIT 9)")
    zakharova, _ = records.list_statements(store, ItemFilter(actor="Maria Zakharova"), 6, 0)
    add_corrections(store, "statement", zakharova[0], {"speaker": "Sergei Lavrov"}, "t")
    add_corrections(store, "statement", zakharova[1], {"speaker": "Sergei Lavrov", "target": "Poland"}, "t")
    add_corrections(store, "statement", zakharova[2], {"stance": "oppose", "target": "Poland"}, "t")
    lavrov, _ = records.list_statements(store, ItemFilter(actor="Sergei Lavrov", target="Poland"), 3, 0)
    add_corrections(store, "statement", lavrov[-1], {"target": "NATO"}, "t")
    add_corrections(store, "statement", lavrov[0], {"wrong": "true"}, "t")  # listed (marked), so counted
    for refreshed in (False, True):
        if refreshed:
            rollups.refresh(store)  # counts then come from the rollups, corrections overlaid
        _check(store)
    store.close()


def _check(store: Any) -> None:
    for f in (ItemFilter(actor="Sergei Lavrov"), ItemFilter(actor="Sergei Lavrov", target="Poland"),
              ItemFilter(target="Poland", stance="oppose"), ItemFilter(actor="Sergei Lavrov", target="Poland", stance="oppose"),
              ItemFilter(actor="Sergei Lavrov", language="ru"), ItemFilter(country="RUS"), ItemFilter(outlet="TASS"),
              ItemFilter(target="Poland", date_from="2021-09-01"), ItemFilter(q="Lavrov"), ItemFilter(q="границе")):
        want = _reference(store, f)
        got: list[str] = []
        for page in range(0, len(want) + 7, 7):
            rows, more = records.list_statements(store, f, 7, page)
            got += [r["id"] for r in rows]
            assert more == (page + 7 < len(want))
        assert got == want and len(want) > 3
        assert records.count_statements(store, f) == (len(want), False)
        assert records.count_statements(store, f, cap=2) == (2, True)
