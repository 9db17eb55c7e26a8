"""Documents per second for ingesting a 10,000-item local feed set (served on 127.0.0.1 only).

    python benchmarks/bench_feeds.py [--items 10000] [--feeds 20] [--summary-share 0.1] [--db URL]

Every feed item carries its full text (content:encoded) except a share of
summary-only items, whose article page is fetched and extracted with
trafilatura, as in real feeds. The ingest goes through `watch --once` (one
transaction per item, WARC archiving on) into a fresh SQLite file unless
--db is given. Nothing is sent anywhere but 127.0.0.1.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sources"))
from localserver import HTML, XML, FeedItem, LocalServer, Route, article_html, paragraphs, rss

from linewatch.sources.archive import WarcArchive
from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher, FetchLimits
from linewatch.sources.watch import watch
from linewatch.store import open_store


def build_feeds(server: LocalServer, items: int, feeds: int, summary_share: float) -> list[SourceDef]:
    per_feed = -(-items // feeds)
    every = int(1 / summary_share) if summary_share > 0 else 0
    defs = []
    n = 0
    for f in range(feeds):
        entries = []
        for _ in range(per_feed):
            if n >= items:
                break
            link = server.url(f"/a/{n}.html")
            text = paragraphs(4, f"bench{n}")
            if every and n % every == 0:
                server.routes[f"/a/{n}.html"] = Route(200, article_html(f"Article {n}", text), HTML)
                entries.append(FeedItem(guid=f"b{n}", title=f"Article {n}", link=link, summary="Short summary.",
                                        published=datetime(2021, 11, 1) + timedelta(hours=n % 500)))
            else:
                html = "".join(f"<p>{p}</p>" for p in text)
                entries.append(FeedItem(guid=f"b{n}", title=f"Article {n}", link=link, summary=text[0][:200],
                                        content=html, published=datetime(2021, 11, 1) + timedelta(hours=n % 500)))
            n += 1
        server.routes[f"/feed{f}.xml"] = Route(200, rss(entries), XML)
        defs.append(SourceDef(id=f"bench{f}", kind="rss", location=server.url(f"/feed{f}.xml"), language="en",
                              outlet=f"Bench outlet {f}", outlet_type="wire", interval=3600, max_items=per_feed,
                              max_bytes=100_000_000))
    return defs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--summary-share", type=float, default=0.1, help="share of items whose page must be fetched")
    ap.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file)")
    args = ap.parse_args()

    server = LocalServer()
    server.routes["/robots.txt"] = Route(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
    with tempfile.TemporaryDirectory() as tmp:
        defs = build_feeds(server, args.items, args.feeds, args.summary_share)
        store = open_store(args.db or f"sqlite:///{Path(tmp) / 'bench.db'}")
        archive = WarcArchive(Path(tmp) / "data")
        fetcher = Fetcher(allow_private=["127.0.0.0/8"], archive=archive,
                          limits=FetchLimits(min_interval=0.0, max_bytes=100_000_000))
        start = time.perf_counter()
        result = watch(store, defs, fetcher=fetcher, archive=archive, once=True)
        elapsed = time.perf_counter() - start
        docs = sum(p.new_documents for p in result.polls)
        failed = [p for p in result.polls if not p.ok]
        pages = sum(v for k, v in server.hits.items() if k.startswith("/a/"))
        fetcher.close()
        archive.close()
        store.close()
    server.close()
    print(f"feeds={len(defs)} items={args.items} article_pages_fetched={pages} failed_sources={len(failed)}")
    print(f"documents={docs} seconds={elapsed:.1f} documents_per_second={docs / elapsed:.1f}")


if __name__ == "__main__":
    main()
