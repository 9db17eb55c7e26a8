"""Corrections stick everywhere: filters, the stance matrix, actor charts, shifts; names resolve through
the registry in any language; an event's source can be corrected."""
from __future__ import annotations

import pytest
from sample_data import populate

from linewatch.web.settings import WebSettings

TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def web(tmp_path):
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    store = open_store(str(tmp_path / "c.db"))
    populate(store, 60)
    return TestClient(create_app(store, WebSettings(api_tokens=[TOKEN])), raise_server_exceptions=False), store


def _ids(client, **params) -> set[str]:
    out, page = set(), 1
    while page:
        body = client.get("/api/statements", params={**params, "limit": 500, "page": page}).json()
        out |= {s["id"] for s in body["items"]}
        page = body["next_page"]
    return out


def test_speaker_typed_in_russian_is_filed_under_the_registry_actor(web) -> None:
    client, store = web
    st = client.get("/api/statements", params={"actor": "dmitry-peskov", "stance": "oppose", "limit": 1}).json()["items"][0]
    r = client.post("/api/corrections", json={"item_kind": "statement", "item_id": st["id"], "speaker": "Лавров",
                                              "author": "ana"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["saved"] == 1
    got = client.get(f"/api/statements/{st['id']}").json()
    assert got["speaker"] == "Sergei Lavrov" and got["speaker_id"] == "sergei-lavrov" and "speaker" in got["corrected"]
    # filters follow the correction, by name and by registry id
    assert st["id"] in _ids(client, actor="sergei-lavrov") and st["id"] in _ids(client, actor="Sergei Lavrov")
    assert st["id"] not in _ids(client, actor="dmitry-peskov")
    assert client.get("/api/statements", params={"actor": "sergei-lavrov"}).json()["total"] == len(_ids(client, actor="sergei-lavrov"))
    # the matrix counts it under Lavrov
    m = client.get("/api/stance-matrix", params={"date_from": got["date"], "date_to": got["date"]}).json()
    cells = {(m["holders"][c[1]], m["targets"][c[0]]): c for c in m["cells"]}
    assert ("Sergei Lavrov", got["target"]) in cells
    peskov = cells.get(("Dmitry Peskov", got["target"]))
    lavrov_rows = [s for s in client.get("/api/statements", params={"actor": "sergei-lavrov", "target": got["target"],
                                                                      "date_from": got["date"], "date_to": got["date"]}).json()["items"]]
    assert cells[("Sergei Lavrov", got["target"])][3] == len(lavrov_rows)
    assert peskov is None or st["id"] not in _ids(client, actor="dmitry-peskov", target=got["target"])
    # the actor page's chart has it
    chart = client.get("/api/actors/sergei-lavrov").json()["stance_over_time"]
    assert got["target"] in {s["name"] for s in chart["series"]} or len(chart["series"]) == 6


def test_stance_correction_moves_the_actor_chart(web) -> None:
    client, store = web
    items = client.get("/api/statements", params={"actor": "sergei-lavrov", "stance": "oppose", "limit": 500}).json()["items"]
    before = client.get("/api/actors/sergei-lavrov").json()["stance_over_time"]
    for st in items:
        client.post("/api/corrections", json={"item_kind": "statement", "item_id": st["id"], "stance": "support"},
                    headers=AUTH)
    after = client.get("/api/actors/sergei-lavrov").json()["stance_over_time"]
    values = [v for s in after["series"] for v in s["data"] if v is not None]
    assert values and min(values) >= 0 and before != after  # no oppose left for Lavrov
    assert not _ids(client, actor="sergei-lavrov", stance="oppose")


def test_event_source_is_correctable(web) -> None:
    client, store = web
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    r = client.post("/api/corrections", json={"item_kind": "event", "item_id": ev["id"], "source": "Łukaszenka"},
                    headers=AUTH)
    assert r.status_code == 200 and r.json()["item"]["source"] == "Alexander Lukashenko"
    assert "source" in client.get(f"/event/{ev['id']}").text
    bad = client.post("/api/corrections", json={"item_kind": "statement", "item_id": "x" * 16, "source": "y"}, headers=AUTH)
    assert bad.status_code == 400
    st = client.get("/api/statements", params={"limit": 1}).json()["items"][0]
    refused = client.post("/api/corrections", json={"item_kind": "statement", "item_id": st["id"], "source": "y"},
                          headers=AUTH)
    assert refused.status_code == 400 and "cannot correct" in refused.json()["error"]


def test_the_form_offers_registry_names(web) -> None:
    client, _ = web
    st = client.get("/api/statements", params={"limit": 1}).json()["items"][0]
    html = client.get(f"/statement/{st['id']}").text
    assert 'list="actor-names"' in html and '<option value="Sergei Lavrov">' in html
