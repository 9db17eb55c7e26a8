"""What the analyst sees in the dashboard and API: exports, docs, links (FastAPI test client)."""
from __future__ import annotations

import importlib.util
import re
from html import unescape

import pytest
from sample_data import populate

from linewatch.web import export
from linewatch.web.settings import WebSettings


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    path = tmp_path_factory.mktemp("web") / "lw.db"
    store = open_store(f"sqlite:///{path}")
    info = populate(store, 60, hostile=True)
    client = TestClient(create_app(store, WebSettings(api_tokens=["test-token-0123456789"])),
                        raise_server_exceptions=False)
    return client, store, info


def test_csv_export_starts_with_a_byte_order_mark(web) -> None:
    client, _, _ = web
    body = client.get("/api/export/statements.csv", params={"language": "ru"}).content
    assert body.startswith(b"\xef\xbb\xbf")  # Excel then reads UTF-8, Cyrillic intact
    text = body.decode("utf-8-sig")
    assert text.startswith("id,doc_id,") and re.search("[а-яА-Я]", text)


def test_parquet_link_hidden_and_clean_error_without_pyarrow(web, monkeypatch: pytest.MonkeyPatch) -> None:
    client, _, _ = web
    assert "statements.parquet" in client.get("/statements").text or not export.parquet_available()
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    assert "statements.parquet" not in client.get("/statements").text
    r = client.get("/api/export/statements.parquet")
    assert r.status_code == 501 and r.json() == {"error": "Parquet export needs pyarrow: pip install 'linewatch[parquet]'"}


def test_docs_redirects_to_the_api_docs(web) -> None:
    client, _, _ = web
    r = client.get("/docs", follow_redirects=False)
    assert r.status_code in (301, 302, 307, 308) and r.headers["location"] == "/api/docs"
    assert client.get("/docs").status_code == 200


def test_api_docs_describe_parameters_in_whole_words(web) -> None:
    client, _, _ = web
    html = client.get("/api/docs").text
    spec = client.get("/api/openapi.json").json()
    for methods in spec["paths"].values():
        for op in methods.values():
            for p in op.get("parameters", []):
                if p.get("description"):
                    assert p["description"] in unescape(html)
    # no cell ends inside a word or a JSON string ("{\"anyOf\": [{\"type\": \"str")
    assert '{&#34;anyOf' not in html and "anyOf" not in html
    assert "one of: support, oppose, neutral" in html
    assert "string, at most 200 characters" in html
