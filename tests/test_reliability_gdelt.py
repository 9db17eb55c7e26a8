"""GDELT rows that share an article, a type and a day (issue 14, items 1 and 16).

The fixtures in tests/fixtures/gdelt/ are small files in GDELT 2.0's own format
(tab-separated, no header): seven events, six of them from one article, three
and three of one CAMEO code on one day; four mentions, three of one article.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sources"))
from localserver import LocalServer, Route

from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher, FetchLimits
from linewatch.sources.watch import poll_source

FIXTURES = Path(__file__).parent / "fixtures" / "gdelt"
ARTICLE = "https://www.example.org/world/2021/11/10/border-talks"


@pytest.fixture
def store(sqlite_store):
    return sqlite_store


@pytest.fixture
def fetcher():
    f = Fetcher(allow_private=["127.0.0.0/8"], limits=FetchLimits(min_interval=0, retries=0), sleep=lambda s: None)
    yield f
    f.close()


def test_every_gdelt_event_kept_when_rows_share_url_type_and_day(store, fetcher):
    path = FIXTURES / "20211110120000.export.CSV"
    ids = {line.split("\t")[0] for line in path.read_text().splitlines()}
    source = SourceDef(id="gd", kind="gdelt-events", location=str(path), interval=900)
    report = poll_source(store, source, fetcher)
    assert report.ok and report.new_items == 7 and report.events == 7, report
    stored = [json.loads(r["extra"])["globaleventid"] for r in store.query("SELECT extra FROM events")]
    assert sorted(stored) == sorted(ids)
    assert store.scalar("SELECT COUNT(*) FROM documents") == 2  # one light document per article
    assert poll_source(store, source, fetcher).new_items == 0  # and never twice


def test_every_gdelt_mention_kept_on_its_document(store, fetcher):
    path = FIXTURES / "20211110120000.mentions.CSV"
    source = SourceDef(id="men", kind="gdelt-mentions", location=str(path), interval=900)
    report = poll_source(store, source, fetcher)
    assert report.ok and report.new_items == 4, report
    row = store.query_one("SELECT meta FROM documents WHERE url = ?", (ARTICLE,))
    mentions = json.loads(row["meta"])["gdelt"]["mentions"]
    assert sorted(m["globaleventid"] for m in mentions) == ["1012000001", "1012000002", "1012000004"]
    assert {m["confidence"] for m in mentions} == {"90", "50"}
    assert poll_source(store, source, fetcher).new_items == 0
    row = store.query_one("SELECT meta FROM documents WHERE url = ?", (ARTICLE,))
    assert len(json.loads(row["meta"])["gdelt"]["mentions"]) == 3


def test_doc_api_plain_text_error_reported_and_backed_off(store, fetcher):
    """GDELT's DOC API answers 200 with a line of text when polled too often (item 16)."""
    server = LocalServer()
    try:
        server.routes["/robots.txt"] = Route(404, b"")
        server.routes["/api/v2/doc/doc"] = Route(
            200, b"Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.",
            {"Content-Type": "text/html; charset=utf-8"})
        source = SourceDef(id="docapi", kind="gdelt-doc", location=server.url("/api/v2/doc/doc?query=x&mode=artlist&format=json"),
                           interval=10)
        report = poll_source(store, source, fetcher)
        assert not report.ok and report.error_kind == "rate_limit"
        assert "Please limit requests to one every 5 seconds" in report.error and "JSON" not in report.error
        row = store.query_one("SELECT last_run, next_run, last_error FROM sources WHERE id = 'docapi'")
        gap = datetime.fromisoformat(row["next_run"]) - datetime.fromisoformat(row["last_run"])
        assert gap.total_seconds() >= 60  # backed off beyond the 10 s interval
        server.routes["/api/v2/doc/doc"] = Route(200, b"Invalid query: the query was too short.", {})
        other = poll_source(store, SourceDef(id="d2", kind="gdelt-doc", location=server.url("/api/v2/doc/doc"),
                                             interval=10), fetcher)
        assert not other.ok and other.error_kind == "content" and "Invalid query" in other.error
    finally:
        server.close()
