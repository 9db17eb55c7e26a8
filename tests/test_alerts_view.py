"""Alerts show the date of their evidence, not when linewatch noticed, and link to the evidence."""
from __future__ import annotations

import json

from sample_data import populate


def test_alerts_are_dated_by_and_linked_to_their_evidence(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    store = open_store(str(tmp_path / "a.db"))
    populate(store, 20)
    st = store.query("SELECT id, doc_id, date FROM statements WHERE date IS NOT NULL LIMIT 1")[0]
    store.execute("INSERT INTO scenario_evidence (id, scenario_set, indicator_id, item_kind, item_id, doc_id, date,"
                  " detail, created_at) VALUES ('ev1', 'set', 'ind', 'statement', ?, ?, ?, '{}', '2026-12-01T10:00:00')",
                  [st["id"], st["doc_id"], st["date"]])
    store.execute("INSERT INTO alerts (kind, created_at, as_of, message, ref) VALUES ('indicator_fired',"
                  " '2026-12-01T10:00:00', ?, 'Indicator fired', ?)", [st["date"], json.dumps({"evidence": "ev1"})])
    html = TestClient(create_app(store)).get("/").text
    assert f"<time title=\"noticed 2026-12-01T10:00\">{st['date']}</time>" in html
    assert f'href="/statement/{st["id"]}#hl"' in html
    assert "2026-12-01T10:00</time>" not in html
