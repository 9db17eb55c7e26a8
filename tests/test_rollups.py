"""The dashboard rollups (migration 9) give exactly what the live queries give: after a run's refresh,
after an analyst's correction, and after a document is processed again (only changed days refreshed)."""
from __future__ import annotations

from typing import Any

import pytest
from sample_data import populate

from linewatch.store import open_store
from linewatch.store.queries import charts, records, rollups
from linewatch.store.queries.cache import clear
from linewatch.store.queries.corrections import add_corrections
from linewatch.store.queries.filters import ItemFilter

FILTERS = [
    ItemFilter(), ItemFilter(country="RUS"), ItemFilter(actor="Sergei Lavrov"), ItemFilter(language="pl"),
    ItemFilter(outlet="TASS"), ItemFilter(stance="oppose", target="Poland"), ItemFilter(plover="ACCUSE"),
    ItemFilter(narrative="west-hypocrisy"), ItemFilter(date_from="2021-09-01", date_to="2021-10-15"),
    ItemFilter(language="ru", date_from="2021-08-10", date_to="2021-08-20"), ItemFilter(plover="SANCTION", country="POL"),
    ItemFilter(actor="Sergei Lavrov", language="en"),
]
CHARTS = (charts._statement_counts_by_actor, charts._stance_matrix_data, charts._accusation_network,
          charts._narrative_trends, charts._event_counts_by_type)
ACTORS = ("Sergei Lavrov", "Maria Zakharova", "Mateusz Morawiecki")


def _everything(store: Any) -> list[Any]:
    """Every rollup-backed aggregate, uncached, for the filters above."""
    clear()  # the aggregates' cache notices writes within seconds; here each read must be fresh
    out: list[Any] = [fn(store, f) for fn in CHARTS for f in FILTERS]
    out += [charts._actor_stance_over_time(store, a) for a in ACTORS]
    out += [charts.actor_narratives(store, a) for a in ACTORS]
    trends = charts._narrative_trends(store, ItemFilter())
    nids = [r["name"] for r in trends["rising"]]
    out.append(charts.narrative_speakers(store, nids, trends["from"], trends["to"], 5))
    out.append(records.facets(store))
    return out


def _live(store: Any) -> list[Any]:
    rollups.invalidate(store)
    try:
        return _everything(store)
    finally:
        rollups.refresh(store)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    url = str(tmp_path / "lw.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    st = open_store(url)
    populate(st, 400, hostile=True)
    yield st
    st.close()


def _rolled(store: Any, f: ItemFilter) -> bool:
    start, end = charts.window(store, f)
    return rollups.statement_source(store, charts._windowed(f, start, end)).rolled


def test_rollups_agree_after_run_correction_and_rerun(store: Any) -> None:
    assert not rollups.clean(store) and not _rolled(store, ItemFilter())  # never refreshed: pages read live
    live = _everything(store)
    assert rollups.refresh(store) == 1 and rollups.clean(store)
    assert _rolled(store, ItemFilter()) and _rolled(store, ItemFilter(language="pl"))
    assert _everything(store) == live

    # corrections: a speaker re-filed, a stance turned, a statement marked wrong; the rollups are not
    # touched (they hold extracted values), the overlay moves each statement where the analyst put it
    rows, _ = records.list_statements(store, ItemFilter(actor="maria-zakharova", target="Poland"), 3, 0)
    add_corrections(store, "statement", rows[0], {"speaker": "Лавров"}, "t")
    add_corrections(store, "statement", rows[1], {"stance": "support" if rows[1]["stance"] != "support" else "oppose"}, "t")
    add_corrections(store, "statement", rows[2], {"wrong": "true"}, "t")
    assert rollups.clean(store)
    after = _everything(store)
    assert after != live and after == _live(store)
    lavrov = charts._statement_counts_by_actor(store, ItemFilter(actor="Sergei Lavrov", date_from=rows[0]["date"],
                                                                  date_to=rows[0]["date"]))
    assert lavrov["series"][0]["name"] == "Sergei Lavrov"

    # a document processed again (its statements replaced, one day changed): only that day is redone
    doc = store.query("SELECT doc_id, date FROM statements WHERE speaker = 'Dmitry Peskov' ORDER BY id LIMIT 1")[0]
    with store.transaction():
        store.execute("UPDATE statements SET stance = 'oppose', target = 'NATO' WHERE doc_id = ?", [doc["doc_id"]])
        store.execute("DELETE FROM narrative_matches WHERE doc_id = ?", [doc["doc_id"]])
        store.execute("UPDATE events SET plover = 'AID' WHERE doc_id = ?", [doc["doc_id"]])
    assert not rollups.clean(store, doc["date"], doc["date"]) and rollups.dirty_days(store) == [doc["date"]]
    assert rollups.clean(store, "1990-01-01", "1990-12-31")  # other windows still read the rollups
    assert rollups.refresh(store) == 1 and rollups.refresh(store) == 0  # idempotent: nothing left to do
    assert _everything(store) == _live(store)
