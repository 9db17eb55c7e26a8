"""Dashboard and API through FastAPI's test client, over a generated database."""
from __future__ import annotations

import gc
import io
import json
import re
from pathlib import Path

import pytest
import uvicorn
from sample_data import populate
from typer.testing import CliRunner

from linewatch.cli.main import app as cli_app
from linewatch.store import open_store
from linewatch.web.app import create_app
from linewatch.web.highlight import Highlight, mark_text
from linewatch.web.settings import WebSettings
from linewatch.web.viewhelpers import json_for_script

TOKEN = "test-token-0123456789"
PAGES = ["/", "/timeline", "/statements", "/actors", "/actor/sergei-lavrov", "/stance", "/narratives", "/network",
         "/scenarios", "/api/docs"]
RAW_PAYLOAD = re.compile(r"<script>window|<img[^>]*onerror|<svg[^>]*onload|href=\"javascript:", re.I)


def form_token(html: str) -> str:
    """The CSRF token a page's forms carry."""
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token in the form"
    return m.group(1)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    path = tmp_path_factory.mktemp("web") / "lw.db"
    store = open_store(f"sqlite:///{path}")
    info = populate(store, 150, hostile=True)
    client = TestClient(create_app(store, WebSettings(api_tokens=[TOKEN])), raise_server_exceptions=False)
    return client, store, info


def test_every_page_loads_with_security_headers(web) -> None:
    client, _, info = web
    for path in PAGES + [f"/statement/{info.example_statement}", f"/document/{info.hostile_doc}"]:
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "text/html" in r.headers["content-type"] and "utf-8" in r.headers["content-type"]


def test_hostile_document_is_text_everywhere(web) -> None:
    client, _, info = web
    paths = PAGES + [f"/statement/{info.hostile_statement}", f"/document/{info.hostile_doc}",
                     f"/actor/{'%3Cimg%20src%3Dx'}", "/statements?q=harmless", "/timeline?country=XXX"]
    for path in paths:
        html = client.get(path).text
        assert not RAW_PAYLOAD.search(html), path
    page = client.get(f"/statement/{info.hostile_statement}").text
    assert "&lt;script&gt;window.__lw_pwned" in page  # shown, as text
    # chart data blocks cannot be closed early by ingested text
    for block in re.findall(r'<script type="application/json" id="chart-data">(.*?)</script>', client.get("/stance").text, re.S):
        assert "<" not in block
        json.loads(block)


def test_start_up_objects_are_out_of_the_collectors_view_once_per_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.unfreeze()
    try:
        # building an app freezes nothing (tests build many; each freeze would keep garbage for good)
        url = f"sqlite:///{tmp_path / 'lw.db'}"
        with open_store(url) as store:
            create_app(store, WebSettings())
        assert gc.get_freeze_count() == 0
        # the server does, once it built its app: a full collection on the first click would
        # otherwise walk every module, template and actor
        frozen: list[int] = []
        monkeypatch.setattr(uvicorn, "run", lambda *a, **k: frozen.append(gc.get_freeze_count()))
        monkeypatch.setattr("linewatch.cli.web._check_port_free", lambda host, port: None)
        monkeypatch.setattr("linewatch.cli.web._warm_in_background", lambda store: None)
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(cli_app, ["serve", "--db", url, "--port", "8799"])
        assert result.exit_code == 0, result.output
        assert frozen and frozen[0] > 10_000
    finally:
        gc.unfreeze()


def test_json_for_script_escapes_closing_tags() -> None:
    out = str(json_for_script({"name": "</script><script>alert(1)</script>", "x": "a & b\u2028"}))
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out)["name"].startswith("</script>")


def test_mark_text_escapes_each_piece_at_exact_offsets() -> None:
    text = "A <b>said</b> that x & y."
    html = str(mark_text(text, [Highlight(2, 13, "speaker", "hl"), Highlight(14, 24, "content")]))
    assert '<mark class="speaker" id="hl" data-start="2" data-end="13">&lt;b&gt;said&lt;/b&gt;</mark>' in html
    assert "x &amp; y" in html
    # spans outside the text or with unknown classes are ignored, text is never lost
    html2 = str(mark_text("abc", [Highlight(1, 99, "speaker"), Highlight(0, 1, "onclick")]))
    assert html2 == "abc"


def test_filters_change_results(web) -> None:
    client, _, _ = web
    oppose = client.get("/api/statements", params={"stance": "oppose", "limit": 200}).json()["items"]
    assert oppose and all(s["stance"] == "oppose" for s in oppose)
    pl = client.get("/api/statements", params={"language": "pl", "limit": 200}).json()["items"]
    assert pl and all(s["doc_language"] == "pl" for s in pl)
    lav = client.get("/api/statements", params={"actor": "sergei-lavrov"}).json()["items"]
    assert lav and all(s["speaker"] == "Sergei Lavrov" for s in lav)
    nar = client.get("/api/statements", params={"narrative": "west-hypocrisy"}).json()["items"]
    assert nar and all("west-hypocrisy" in s["narratives"] for s in nar)
    ev = client.get("/api/events", params={"plover": "consult"}).json()["items"]
    assert ev and all(e["plover"] == "CONSULT" for e in ev)
    found = client.get("/api/statements", params={"q": "двойные"}).json()["items"]
    assert found and all("двойные" in s["content"] for s in found)
    page1 = client.get("/api/statements", params={"limit": 10}).json()
    page2 = client.get("/api/statements", params={"limit": 10, "page": 2}).json()
    assert page1["next_page"] == 2 and {s["id"] for s in page1["items"]}.isdisjoint(s["id"] for s in page2["items"])
    html = client.get("/statements", params={"stance": "support"}).text
    assert 'stance-support">support' in html and 'stance-oppose">oppose</span>' not in html.split('id="results"')[1]


def test_bad_input_is_one_line(web) -> None:
    client, _, _ = web
    r = client.get("/api/statements", params={"date_from": "2021-13-45"})
    assert r.status_code in (400, 422) and "\n" not in r.text
    r = client.get("/statements", params={"date_from": "yesterday"})
    assert r.status_code == 400 and "YYYY-MM-DD" in r.text and "Traceback" not in r.text
    assert client.get("/api/statements", params={"page": 100000}).status_code == 400
    assert client.get("/statement/nope").status_code == 404
    assert client.get("/api/documents/nope").status_code == 400


def test_corrections_need_a_token_and_survive_reprocessing(web) -> None:
    client, store, info = web
    sid = info.example_statement
    body = {"item_kind": "statement", "item_id": sid, "stance": "support", "target": "Lithuania", "author": "ana"}
    assert client.post("/api/corrections", json=body).status_code == 401
    assert client.post("/api/corrections", json=body, headers={"Authorization": "Bearer wrong-token-xxxx"}).status_code == 401
    r = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["saved"] == 2
    st = client.get(f"/api/statements/{sid}").json()
    assert st["stance"] == "support" and st["target"] == "Lithuania" and set(st["corrected"]) == {"stance", "target"}
    assert {h["author"] for h in st["history"]} == {"ana"}
    # reprocessing rewrites the row with the extractor's values: the correction still applies
    row = store.query("SELECT * FROM statements WHERE id = ?", [sid])[0]
    with store.transaction():
        store.execute("DELETE FROM statements WHERE id = ?", [sid])
        cols = list(row)
        store.execute(f"INSERT INTO statements ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", list(row.values()))
    assert client.get(f"/api/statements/{sid}").json()["stance"] == "support"
    assert "corrected" in client.get(f"/statement/{sid}").text


def test_dashboard_correction_form(web) -> None:
    client, _, info = web
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    csrf = form_token(client.get(f"/event/{ev['id']}").text)
    r = client.post(f"/correct/event/{ev['id']}", data={"target": "Latvia", "token": "bad-token-value", "csrf": csrf},
                    follow_redirects=False)
    assert r.status_code == 400
    r = client.post(f"/correct/event/{ev['id']}", data={"target": "Latvia", "token": TOKEN, "author": "bo", "csrf": csrf},
                    follow_redirects=False)
    assert r.status_code == 303 and "samesite=strict" in r.headers["set-cookie"].lower()
    assert TOKEN not in r.headers["set-cookie"]
    client.cookies.clear()
    assert client.get(f"/api/events?doc_id={ev['doc_id']}").json()["items"][0]["target"] == "Latvia"


def test_exports(web) -> None:
    client, store, info = web
    store.execute("UPDATE statements SET content = ? WHERE id = ?", ["=HYPERLINK(\"http://x\")", info.example_statement])
    r = client.get("/api/export/statements.csv", params={"actor": "sergei-lavrov"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "\n=" not in r.text and ",=" not in r.text
    lines = client.get("/api/export/events.jsonl").text.strip().splitlines()
    assert len(lines) == info.events and json.loads(lines[0])["plover"]
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(client.get("/api/export/statements.parquet").content))
    assert table.num_rows == info.statements
    assert "speaker" in table.column_names


def test_ingest_and_read_protection(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    store = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    client = TestClient(create_app(store, WebSettings(api_tokens=[TOKEN], read_requires_token=True)))
    assert client.get("/api/documents").status_code == 401
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    doc = {"text": "Sample text about the border.", "title": "t", "language": "en", "published": "2021-11-08"}
    assert client.post("/api/documents", json=doc).status_code == 401
    r = client.post("/api/documents", json=doc, headers={"X-API-Token": TOKEN})
    assert r.status_code == 200 and r.json()["added"] is True
    got = client.get("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert got["items"][0]["title"] == "t"
    csrf = form_token(client.get("/login").text)
    assert client.post("/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False).status_code == 303
    assert client.get("/").status_code == 200
    big = {"text": "x" * 3_000_000}
    assert client.post("/api/documents", json=big, headers={"X-API-Token": TOKEN}).status_code == 413


def test_writes_disabled_without_tokens(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    client = TestClient(create_app(open_store(f"sqlite:///{tmp_path / 'r.db'}"), WebSettings()))
    r = client.post("/api/documents", json={"text": "x"}, headers={"X-API-Token": "anything-long-enough"})
    assert r.status_code == 403 and "no API token" in r.json()["error"]
    assert client.get("/").status_code == 200  # an empty database still renders


def test_token_compare_is_exact() -> None:
    s = WebSettings(api_tokens=["first-token-aaaa", "second-token-bbbb"])
    assert s.token_ok("second-token-bbbb") and not s.token_ok("second-token-bbb") and not s.token_ok("")
    assert not WebSettings().token_ok("anything")


def test_same_pages_on_postgres(db_url: str) -> None:
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    store = open_store(db_url)
    info = populate(store, 40, hostile=True)
    client = TestClient(create_app(store, WebSettings()), raise_server_exceptions=False)
    for path in PAGES + [f"/statement/{info.hostile_statement}", "/statements?q=Lavrov"]:
        r = client.get(path)
        assert r.status_code == 200, (store.dialect, path, r.text[:300])
        assert not RAW_PAYLOAD.search(r.text)
    found = client.get("/api/statements", params={"q": "Lavrov"}).json()["items"]
    assert found and all(s["speaker"] == "Sergei Lavrov" for s in found)
    store.close()


def test_aggregates_apply_corrections(web) -> None:
    client, _, _ = web
    st = client.get("/api/statements", params={"stance": "oppose", "actor": "Maria Zakharova", "limit": 1}).json()["items"][0]
    params = {"actor": st["speaker"], "date_from": st["date"], "date_to": st["date"]}

    def cell(target: str) -> list:
        m = client.get("/api/stance-matrix", params=params).json()
        return next((c for c in m["cells"] if m["targets"][c[0]] == target), [0, 0, 0, 0, 0, 0])

    def edge(target: str) -> int:
        n = client.get("/api/network", params=params).json()
        return next((e["value"] for e in n["edges"] if e["target"] == target), 0)

    before_opp, before_edge = cell(st["target"])[5], edge(st["target"])
    body = {"item_kind": "statement", "item_id": st["id"], "target": "Atlantis", "stance": "support"}
    assert client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert cell(st["target"])[5] == before_opp - 1 and edge(st["target"]) == before_edge - 1
    assert cell("Atlantis")[4] == 1 and edge("Atlantis") == 0


def test_bodies_without_length_are_refused(web) -> None:
    client, _, _ = web

    def chunks():
        yield b'{"text": "x"}'

    r = client.post("/api/documents", content=chunks(), headers={"X-API-Token": TOKEN, "content-type": "application/json"})
    assert r.status_code == 411


def test_narrative_labels_from_the_taxonomy(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    store = open_store(f"sqlite:///{tmp_path / 'n.db'}")
    populate(store, 20)
    client = TestClient(create_app(store, WebSettings(), narrative_labels={"west-hypocrisy": "The West <is> hypocritical"}))
    html = client.get("/statements", params={"narrative": "west-hypocrisy"}).text
    assert 'title="west-hypocrisy">The West &lt;is&gt; hypocritical</span>' in html
    assert ">The West &lt;is&gt; hypocritical</option>" in html


def test_aggregates_follow_the_data(tmp_path, db_url: str) -> None:
    """Cached charts are recomputed once another process writes (data version changes)."""
    from linewatch.store import open_store
    from linewatch.store.queries import cache, charts
    from linewatch.store.queries.filters import ItemFilter

    store = open_store(db_url)
    info = populate(store, 30)
    f = ItemFilter(date_from=info.first_day, date_to=info.last_day)
    before = charts.stance_matrix_data(store, f)
    assert charts.stance_matrix_data(store, f) is before  # served from the cache
    row = store.query("SELECT * FROM statements WHERE speaker = ? LIMIT 1", ["Sergei Lavrov"])[0]
    row.update(id="new-statement-id", target="Atlantis", content_start=row["content_start"] + 1)
    with store.transaction():
        store.execute(f"INSERT INTO statements ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))
    cache._versions.clear()  # as if VERSION_CHECK seconds had passed
    after = charts.stance_matrix_data(store, f)
    assert "Atlantis" in after["targets"] and "Atlantis" not in before["targets"]
    store.close()
