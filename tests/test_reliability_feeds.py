"""Real feed formats that were refused (issue 14, item 15): UTF-16 / UTF-32, RSS 1.0 and 0.90 after a
comment, relative item links. Fixtures in tests/fixtures/feeds/ are small files of our own making."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sources"))
from localserver import HTML, LocalServer, Route, article_html, paragraphs

from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher, FetchLimits
from linewatch.sources.watch import poll_source

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
XML = {"Content-Type": "application/xml"}


@pytest.fixture
def server():
    srv = LocalServer()
    srv.routes["/robots.txt"] = Route(404, b"")
    for f in FEEDS.iterdir():
        srv.routes[f"/feeds/{f.name}"] = Route(200, f.read_bytes(), XML)
    for name in ("u16-1", "u16-2", "u32-1", "u32-2", "rel-1", "rel-2", "r10-1", "r090-1"):
        srv.routes[f"/feeds/news/{name}.html"] = Route(200, article_html(f"Statement {name}", paragraphs(3, name)), HTML)
    yield srv
    srv.close()


@pytest.fixture
def fetcher():
    f = Fetcher(allow_private=["127.0.0.0/8"], limits=FetchLimits(min_interval=0, retries=0), sleep=lambda s: None)
    yield f
    f.close()


@pytest.mark.parametrize("name,items", [
    ("rss2-utf16le.xml", 2), ("rss2-utf32be.xml", 2), ("rss10-comment.rdf", 1), ("rss090-comment.rdf", 1),
    ("rss2-relative-links.xml", 2),
])
def test_feed_read_and_relative_links_resolved(server, fetcher, sqlite_store, name: str, items: int) -> None:
    source = SourceDef(id="f", kind="rss", location=server.url(f"/feeds/{name}"), interval=60)
    report = poll_source(sqlite_store, source, fetcher)
    assert report.ok and report.new_items == items, (report.error, report.notes)
    urls = {r["url"] for r in sqlite_store.query("SELECT url FROM documents")}
    assert all(u.startswith(server.url("/feeds/news/")) for u in urls), urls
    assert poll_source(sqlite_store, source, fetcher).new_items == 0


def test_ingest_url_detects_utf16_feed_and_prints_why_items_fail(server, tmp_path: Path) -> None:
    del server.routes["/feeds/news/u16-2.html"]  # one article is gone: the reason must be printed
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("LINEWATCH_DB", None)
    r = subprocess.run([sys.executable, "-m", "linewatch", "ingest", server.url("/feeds/rss2-utf16le.xml"),
                        "--db", f"sqlite:///{tmp_path / 'f.db'}", "--allow-private-addresses"],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert "ingested 2 document(s)" in r.stdout or "ingested 1 document(s)" in r.stdout, (r.stdout, r.stderr)
    assert "u16-2.html" in r.stderr and "HTTP 404" in r.stderr
