"""A list page does each piece of its work once: the search expression, the SQLite search count,
PostgreSQL's size of the statements table (once per data version), the rollups' ANALYZE."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sample_data import populate

from linewatch.model import Document
from linewatch.store import open_store
from linewatch.store.queries import filters, records, rollups
from linewatch.store.queries.cache import clear
from linewatch.store.queries.filters import ItemFilter


def _record_sql(monkeypatch: pytest.MonkeyPatch, store: Any) -> list[str]:
    """Every SQL text the store's connection runs from now on."""
    seen: list[str] = []
    for name in ("query", "execute"):
        run = getattr(store.conn, name)

        def recorded(sql: str, params: Any = (), _run: Any = run) -> Any:
            seen.append(sql)
            return _run(sql, params)

        monkeypatch.setattr(store.conn, name, recorded)
    return seen


def _count_calls(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, calls: list[str]) -> None:
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)


def test_a_searched_page_builds_its_search_and_counts_its_matches_once(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(sqlite_url)
    populate(store, 60)
    calls: list[str] = []
    for module in (records, filters):
        _count_calls(monkeypatch, module, "match_expression", calls)
    seen = _record_sql(monkeypatch, store)
    # a search alone (counted in the index) and a search with a corrected field (two branches)
    for f in (ItemFilter(q="border"), ItemFilter(q="border", actor="Sergei Lavrov")):
        calls.clear()
        seen.clear()
        rows, _, total, _ = records.statement_page(store, f, 5, 0)
        assert rows and total
        assert calls == ["match_expression"], f
        assert seen.count("SELECT COUNT(*) FROM statements_fts WHERE statements_fts MATCH ?") == 1, f
    store.close()


def test_postgresql_estimates_the_size_of_the_statements_table_once_per_data_version(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(pg_url) as store:
        doc = Document(text="Invented text about a fence.", title="t", language="en", published=date(2021, 11, 1),
                       source="test", outlet="Test")
        store.add_document(doc)
        store.executemany("INSERT INTO statements (id, doc_id, content, content_start, content_end, date)"
                          " VALUES (?, ?, ?, 0, 10, ?)",
                          [(f"w{i}", doc.id, f"A fence at post {i}.", "2021-11-01") for i in range(50)])
        clear()
        seen = _record_sql(monkeypatch, store)
        for q in ("quokka", "wombat", "quokka"):
            records.list_statements(store, ItemFilter(q=q), 5)
        assert sum(s == "EXPLAIN (FORMAT JSON) SELECT 1 FROM statements s" for s in seen) == 1


def test_a_full_rollup_refresh_on_postgresql_analyses_each_table_once(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(pg_url) as store:
        populate(store, 30)
        rollups.invalidate(store)
        seen = _record_sql(monkeypatch, store)
        assert rollups.refresh(store)
        analysed = [s for s in seen if "ANALYZE" in s.upper()]
        assert analysed == [f"VACUUM ANALYZE rollup_dirty, {', '.join(rollups.ROLLUPS)}, rollup_facets"]
