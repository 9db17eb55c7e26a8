"""Every view counts the same statements: database, API, export and list (undated ones included)."""
from __future__ import annotations

import csv
import io
import re

import pytest
from sample_data import populate

from linewatch.web.settings import WebSettings


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    store = open_store(str(tmp_path_factory.mktemp("counts") / "lw.db"))
    populate(store, 40)
    # "DATE: unknown" in the header: some statements, events and documents have no date
    store.execute("UPDATE statements SET date = NULL WHERE id IN (SELECT id FROM statements ORDER BY id LIMIT 7)")
    store.execute("UPDATE events SET date = NULL WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 3)")
    store.execute("UPDATE documents SET published = NULL WHERE id IN (SELECT id FROM documents ORDER BY id LIMIT 2)")
    return TestClient(create_app(store, WebSettings()), raise_server_exceptions=False), store


def _api_all(client, path: str) -> list[dict]:
    items, page = [], 1
    while page:
        body = client.get(path, params={"limit": 500, "page": page}).json()
        items += body["items"]
        page = body["next_page"]
    return items


def test_undated_statements_never_vanish(web) -> None:
    client, store = web
    in_db = store.scalar("SELECT COUNT(*) FROM statements")
    api = _api_all(client, "/api/statements")
    assert len(api) == in_db and len({s["id"] for s in api}) == in_db
    assert sum(1 for s in api if s["date"] is None) == 7 and api[-1]["date"] is None  # undated last
    assert client.get("/api/statements").json()["total"] == in_db
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/statements.csv").content.decode("utf-8-sig"))))
    assert len(rows) == in_db
    html = client.get("/statements").text
    assert re.search(rf'<b class="total">{in_db}</b> statements match', html)
    assert len(_api_all(client, "/api/events")) == store.scalar("SELECT COUNT(*) FROM events")
    assert len(_api_all(client, "/api/documents")) == store.scalar("SELECT COUNT(*) FROM documents")


def test_undated_is_shown_as_undated(web) -> None:
    client, store = web
    sid = store.scalar("SELECT id FROM statements WHERE date IS NULL LIMIT 1")
    assert "undated" in client.get(f"/statement/{sid}").text
    from linewatch.store.queries.filters import PAGE_SIZE

    pages = -(-store.scalar("SELECT COUNT(*) FROM statements") // PAGE_SIZE)
    last = client.get("/statements", params={"page": pages}).text
    assert last.count("<time>undated</time>") == 7
