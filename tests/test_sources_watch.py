"""Feeds, pages and sitemaps through `watch`: new items stored once, failing sources marked, state kept."""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sources"))
from localserver import (
    HTML,
    XML,
    FeedItem,
    LocalServer,
    Route,
    article_html,
    atom,
    gzipped,
    paragraphs,
    robots_txt,
    rss,
    sitemap,
    sitemap_index,
)

from linewatch.sources.archive import WarcArchive, read_record
from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher, FetchLimits
from linewatch.sources.urls import ingest_url
from linewatch.sources.watch import due_sources, poll_source, source_health, watch
from linewatch.store import open_store

LOCAL = ["127.0.0.0/8"]


@pytest.fixture
def server():
    srv = LocalServer()
    srv.routes["/robots.txt"] = robots_txt("Disallow: /blocked/")
    yield srv
    srv.close()


@pytest.fixture
def store(sqlite_store):
    return sqlite_store  # conftest's: open on a fresh SQLite file, closed after the test


@pytest.fixture
def fetcher(tmp_path):
    f = Fetcher(allow_private=LOCAL, archive=WarcArchive(tmp_path / "data"),
                limits=FetchLimits(min_interval=0, retries=0, read_timeout=2, backoff_base=0.01), sleep=lambda s: None)
    yield f
    f.close()


def add_articles(server: LocalServer, n: int, prefix: str = "a") -> list[FeedItem]:
    items = []
    for i in range(n):
        path = f"/news/{prefix}{i}.html"
        server.routes[path] = Route(200, article_html(f"Statement {prefix}{i}", paragraphs(3, f"{prefix}{i}")), HTML)
        items.append(FeedItem(guid=f"urn:{prefix}:{i}", title=f"Statement {prefix}{i}", link=server.url(path),
                              summary=f"Short summary {prefix}{i}.", published=datetime(2021, 11, 8 + i % 3, 10)))
    return items


def src(id: str, kind: str, location: str, **kw) -> SourceDef:
    return SourceDef(id=id, kind=kind, location=location, outlet="Test outlet", outlet_type="official",
                     interval=60, **kw)


def test_rss_summaries_get_full_text_and_never_twice(server, store, fetcher, tmp_path):
    items = add_articles(server, 3)
    server.routes["/rss"] = Route(200, rss(items), XML)
    feed = src("mfa", "rss", server.url("/rss"))
    report = poll_source(store, feed, fetcher)
    assert report.ok and report.new_items == 3, report
    docs = store.query("SELECT * FROM documents ORDER BY published")
    assert len(docs) == 3
    d = docs[0]
    assert "talks about item" in d["text"] and "Copyright" not in d["text"]
    assert d["outlet"] == "Test outlet" and d["outlet_type"] == "official" and d["source"] == "mfa"
    assert d["language"] == "en" and d["published"] == "2021-11-08" and d["title"].startswith("Statement")
    meta = json.loads(d["meta"])
    assert meta["author"] == "Test Author" and meta["feed"]["key"].startswith("urn:a:")
    assert read_record(tmp_path / "data", meta["warc"]).startswith(b"<!DOCTYPE html>")
    # Second poll: nothing new, no article page fetched again.
    page_hits = sum(v for k, v in server.hits.items() if k.startswith("/news/"))
    again = poll_source(store, feed, fetcher)
    assert again.ok and again.new_items == 0
    assert sum(v for k, v in server.hits.items() if k.startswith("/news/")) == page_hits
    assert store.scalar("SELECT COUNT(*) AS n FROM source_items WHERE source_id = 'mfa'") == 3
    row = store.query_one("SELECT * FROM sources WHERE id = 'mfa'")
    assert row["errors"] == 0 and row["last_ok"] and row["next_run"] > row["last_run"]


def test_full_content_feed_needs_no_page_and_304_is_used(server, store, fetcher):
    long_html = "".join(f"<p>{p}</p>" for p in paragraphs(6, "full"))
    items = [FeedItem(guid="g1", title="Full item", link=server.url("/news/none.html"), summary="s", content=long_html)]

    def feed(headers):
        if headers.get("if-none-match") == '"f1"':
            return Route(304, b"", {"ETag": '"f1"'})
        return Route(200, atom(items), {"Content-Type": "application/atom+xml", "ETag": '"f1"'})

    server.routes["/atom"] = feed
    source = src("wire", "atom", server.url("/atom"))
    assert poll_source(store, source, fetcher).new_items == 1
    assert server.hits["/news/none.html"] == 0
    doc = store.query_one("SELECT text, meta FROM documents")
    assert "paragraph 5" in doc["text"] and json.loads(doc["meta"])["summary_only"] is False
    second = poll_source(store, source, fetcher)
    assert second.not_modified and server.requests[-1][1].get("if-none-match") == '"f1"'


def test_failing_sources_are_marked_and_others_go_on(server, store, fetcher):
    items = add_articles(server, 2, "ok")
    server.routes["/good"] = Route(200, rss(items), XML)
    server.routes["/garbage"] = Route(200, b"this is not xml at all, just words", {"Content-Type": "text/plain"})
    server.routes["/html-not-feed"] = Route(200, b"<html><body>hi</body></html>", HTML)
    server.routes["/err"] = Route(500, b"boom")
    server.routes["/limited"] = Route(429, b"", {"Retry-After": "7200"})
    server.routes["/huge"] = Route(200, b"<rss>" + b"x" * 200_000, XML)
    server.routes["/pdf-page"] = Route(200, b"%PDF-1.4 binary", {"Content-Type": "application/pdf"})
    dead = LocalServer()
    dead_url = dead.url("/rss")
    dead.close()
    defs = [
        src("good", "rss", server.url("/good")),
        src("garbage", "rss", server.url("/garbage")),
        src("html", "rss", server.url("/html-not-feed")),
        src("err", "rss", server.url("/err")),
        src("limited", "rss", server.url("/limited")),
        src("huge", "rss", server.url("/huge"), max_bytes=50_000),
        src("pdf", "page", server.url("/pdf-page")),
        src("dead", "rss", dead_url),
    ]
    result = watch(store, defs, fetcher=fetcher, once=True)
    by_id = {p.source_id: p for p in result.polls}
    assert by_id["good"].ok and by_id["good"].new_items == 2
    kinds = {k: by_id[k].error_kind for k in by_id if not by_id[k].ok}
    assert kinds == {"garbage": "content", "html": "content", "err": "http", "limited": "http",
                     "huge": "too_big", "pdf": "content", "dead": "connect"}
    health = {h["id"]: h for h in source_health(store)}
    assert health["good"]["status"] == "ok" and health["good"]["items"] == 2
    assert health["err"]["status"] == "failing" and "500" in health["err"]["last_error"]
    # Retry-After pushes the next try at least two hours away; other failures back off from the interval.
    limited_next = datetime.fromisoformat(health["limited"]["next_run"])
    err_next = datetime.fromisoformat(health["err"]["next_run"])
    assert (limited_next - err_next).total_seconds() > 3000
    assert due_sources(store, defs) == []
    # Failures in a row back off exponentially and raise one alert at the third.
    for _ in range(2):
        poll_source(store, defs[3], fetcher)
    row = store.query_one("SELECT errors, last_run, next_run FROM sources WHERE id = 'err'")
    gap = datetime.fromisoformat(row["next_run"]) - datetime.fromisoformat(row["last_run"])
    assert row["errors"] == 3 and gap.total_seconds() == 240
    alerts = store.query("SELECT * FROM alerts WHERE kind = 'source_error'")
    assert len(alerts) == 1 and "err" in alerts[0]["message"]


def test_sitemap_index_gzip_and_robots(server, store, fetcher):
    for i in range(3):
        server.routes[f"/p/{i}.html"] = Route(200, article_html(f"Page {i}", paragraphs(2, f"sm{i}")), HTML)
    server.routes["/blocked/x.html"] = Route(200, article_html("Blocked", paragraphs(2, "blk")), HTML)
    server.routes["/sm1.xml"] = Route(200, sitemap([(server.url("/p/0.html"), "2021-11-09"),
                                                    (server.url("/p/1.html"), "2021-11-10")]), XML)
    server.routes["/sm2.xml.gz"] = Route(200, gzipped(sitemap([(server.url("/p/2.html"), "2021-11-11"),
                                                               (server.url("/blocked/x.html"), "2021-11-11")])),
                                         {"Content-Type": "application/gzip"})
    server.routes["/sitemap.xml"] = Route(200, sitemap_index([server.url("/sm1.xml"), server.url("/sm2.xml.gz")]), XML)
    source = src("site", "sitemap", server.url("/sitemap.xml"))
    report = poll_source(store, source, fetcher)
    assert report.ok and report.new_items == 3
    assert any("robots" in n for n in report.notes) and server.hits["/blocked/x.html"] == 0
    assert {r["published"] for r in store.query("SELECT published FROM documents")} == {
        "2021-11-09", "2021-11-10", "2021-11-11"}


def test_page_source_new_item_only_when_changed(server, store, fetcher):
    server.routes["/statement"] = Route(200, article_html("Briefing", paragraphs(2, "v1")), HTML)
    source = src("briefing", "page", server.url("/statement"))
    assert poll_source(store, source, fetcher).new_items == 1
    assert poll_source(store, source, fetcher).new_items == 0
    server.routes["/statement"] = Route(200, article_html("Briefing", paragraphs(2, "v2")), HTML)
    assert poll_source(store, source, fetcher).new_items == 1


def test_ingest_url_detects_kind(server, store, fetcher):
    items = add_articles(server, 2, "u")
    server.routes["/feed.xml"] = Route(200, rss(items), {"Content-Type": "application/xml"})
    server.routes["/one.html"] = Route(200, article_html("One page", paragraphs(2, "one")), HTML)
    server.routes["/sm.xml"] = Route(200, sitemap([(server.url("/one.html"), "2021-11-12")]), XML)
    rep = ingest_url(store, server.url("/feed.xml"), fetcher=fetcher)
    assert rep.kind == "rss" and rep.added == 2
    again = ingest_url(store, server.url("/feed.xml"), fetcher=fetcher)
    assert again.added == 0 and again.skipped == 2
    page = ingest_url(store, server.url("/one.html"), fetcher=fetcher)
    assert page.kind == "page" and page.added == 1
    sm = ingest_url(store, server.url("/sm.xml"), fetcher=fetcher)
    assert sm.kind == "sitemap" and sm.added == 0 and sm.duplicates == 1  # same page text as before
    server.routes["/bin"] = Route(200, b"\x00\x01\x02", {"Content-Type": "application/octet-stream"})
    with pytest.raises(Exception) as err:
        ingest_url(store, server.url("/bin"), fetcher=fetcher)
    assert "neither a feed" in str(err.value)


def test_ingest_url_refuses_loopback_by_default(server, store, tmp_path, monkeypatch):
    monkeypatch.setenv("LINEWATCH_DATA_DIR", str(tmp_path / "d"))
    server.routes["/one.html"] = Route(200, article_html("One page", paragraphs(2, "one")), HTML)
    with pytest.raises(Exception) as err:
        ingest_url(store, server.url("/one.html"))
    assert "loopback" in str(err.value) and server.hits["/one.html"] == 0
    rep = ingest_url(store, server.url("/one.html"), allow_private=True)
    assert rep.added == 1


def test_state_and_items_on_both_dialects(server, db_url, fetcher):
    """The same SQL (ON CONFLICT, state updates, alerts) on SQLite and PostgreSQL."""
    items = add_articles(server, 2, "pg")
    server.routes["/pgfeed"] = Route(200, rss(items), XML)
    server.routes["/pgerr"] = Route(503, b"")
    st = open_store(db_url)
    try:
        defs = [src("pgfeed", "rss", server.url("/pgfeed")), src("pgerr", "rss", server.url("/pgerr"))]
        watch(st, defs, fetcher=fetcher, once=True)
        watch(st, defs, fetcher=fetcher, once=True)
        health = {h["id"]: h for h in source_health(st)}
        assert health["pgfeed"]["items"] == 2 and health["pgfeed"]["status"] == "ok"
        assert health["pgerr"]["errors"] == 2 and health["pgerr"]["status"] == "failing"
        assert st.scalar("SELECT COUNT(*) AS n FROM documents") == 2
    finally:
        st.close()


def test_watch_loop_polls_on_interval_until_stopped(server, store, fetcher):
    import threading

    server.routes["/live"] = Route(200, article_html("Live", paragraphs(2, "live")), HTML)
    source = SourceDef(id="live", kind="page", location=server.url("/live"), interval=1)
    stop = threading.Event()
    polls = []

    def on_poll(report):
        polls.append(report)
        if len(polls) >= 2:
            stop.set()

    thread = threading.Thread(target=watch, args=(store, [source]),
                              kwargs=dict(fetcher=fetcher, on_poll=on_poll, stop=stop, max_sleep=0.5))
    thread.start()
    thread.join(timeout=20)
    assert not thread.is_alive() and len(polls) == 2
    assert polls[0].new_items == 1 and polls[1].new_items == 0 and polls[1].ok


def test_cyrillic_legacy_encodings(server, store, fetcher):
    """A windows-1251 page declared only in <meta>, and a windows-1251 feed declared in its prolog."""
    page = ('<html><head><meta charset="windows-1251"><title>Заявление министерства</title></head><body><article>'
            '<p>Представитель министерства заявила в среду, что консультации с партнёрами продолжатся на '
            'следующей неделе, а позиция ведомства остаётся прежней.</p></article></body></html>').encode("cp1251")
    server.routes["/ru.html"] = Route(200, page, {"Content-Type": "text/html"})
    feed = ('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости</title>'
            f'<item><guid>ru1</guid><title>Заявление министерства</title><link>{server.url("/ru.html")}</link>'
            '<description>Кратко о заявлении.</description></item></channel></rss>').encode("cp1251")
    server.routes["/ru.rss"] = Route(200, feed, {"Content-Type": "application/rss+xml"})
    report = poll_source(store, src("ru", "rss", server.url("/ru.rss")), fetcher)
    assert report.ok and report.new_items == 1
    doc = store.query_one("SELECT title, text, language FROM documents")
    assert doc["title"] == "Заявление министерства" and "консультации" in doc["text"] and doc["language"] == "ru"
