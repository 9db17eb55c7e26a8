"""`linewatch ingest URL`: a feed, sitemap or page URL, detected from what the server sends.

The URL is fetched once; the body decides: an RSS/Atom document is read as a
feed, a urlset/sitemapindex as a sitemap, HTML as a page. Items are recorded
in `source_items` under the pseudo-source `url:<host>`, so ingesting the same
feed again fetches only the articles not seen before.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from linewatch.errors import InputError
from linewatch.sources import feeds, pages, sitemaps
from linewatch.sources.archive import WarcArchive
from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher, FetchError, FetchResult
from linewatch.sources.items import CollectContext
from linewatch.sources.pages import looks_like_html
from linewatch.sources.watch import default_data_dir, item_seen, save_item
from linewatch.store.protocol import Store

ANY_ACCEPT = "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5"
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_SITEMAP_ROOT = re.compile(rb"<(urlset|sitemapindex)[\s>]", re.I)


@dataclass
class IngestReport:
    url: str
    kind: str = ""  # rss / sitemap / page
    items: int = 0  # new items taken from the URL
    added: int = 0  # documents stored (new text)
    duplicates: int = 0  # items whose text was already stored
    skipped: int = 0  # items seen before (not fetched again)
    doc_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _utf8_head(body: bytes) -> bytes:
    """The first bytes of a body as UTF-8, so that UTF-16 and UTF-32 feeds are recognised too."""
    head = body[:4096]
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(enc, "ignore").encode("utf-8")
    if b"\x00" in head[:4]:  # no BOM, but "<?xml" with NULs between: UTF-16 / UTF-32
        for enc in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
            text = head.decode(enc, "ignore")
            if text.lstrip().startswith("<"):
                return text.encode("utf-8")
    return head


def detect_kind(result: FetchResult) -> str:
    head = _utf8_head(result.body)
    if head[:2] == b"\x1f\x8b" or _SITEMAP_ROOT.search(head):
        return "sitemap"
    if _FEED_ROOT.search(head):
        return "rss"
    if looks_like_html(result):
        return "page"
    raise FetchError(result.url, "content",
                     f"neither a feed, a sitemap nor an HTML page (Content-Type {result.content_type or 'missing'})")


def ingest_url(
    store: Store,
    url: str,
    config: Any = None,
    allow_private: bool = False,
    *,
    fetcher: Fetcher | None = None,
    max_items: int = 1000,
    language: str | None = None,
    outlet: str | None = None,
    outlet_type: str | None = None,
) -> IngestReport:
    """Fetch url, detect feed / sitemap / page, store each new item (one transaction each)."""
    if not re.match(r"^https?://", url, re.I):
        raise InputError("only http and https URLs can be ingested", where=url)
    own_fetcher = fetcher is None
    if fetcher is None:
        fetcher = Fetcher(allow_private=allow_private, archive=WarcArchive(default_data_dir(config)))
    report = IngestReport(url=url)
    source_id = f"url:{(urlsplit(url).hostname or 'unknown').lower()}"
    try:
        first = fetcher.get(url, allow_private=allow_private or None, accept=ANY_ACCEPT)
        report.kind = detect_kind(first)
        src = SourceDef(id=source_id, kind=report.kind, location=url, language=language, outlet=outlet,
                        outlet_type=outlet_type, max_items=max_items, allow_private=allow_private)

        def seen(key: str) -> bool:
            if item_seen(store, source_id, key):
                report.skipped += 1
                return True
            return False

        ctx = CollectContext(fetcher=fetcher, seen=seen, archive=fetcher.archive)
        for item in _items(report.kind, src, ctx, first):
            new, doc_new, _ = save_item(store, source_id, item)
            if not new:
                continue
            report.items += 1
            report.added += int(doc_new)
            report.duplicates += int(not doc_new)
            report.doc_ids.append(item.document.id)
        report.notes = ctx.notes
    finally:
        if own_fetcher:
            fetcher.close()
            if fetcher.archive is not None:
                fetcher.archive.close()
    return report


def _items(kind: str, src: SourceDef, ctx: CollectContext, first: FetchResult):
    if kind == "rss":
        yield from feeds.feed_items(feeds.parse_feed(first), first, src, ctx)
    elif kind == "sitemap":
        yield from sitemaps.collect_sitemap(src, ctx, first)
    else:
        item = pages.page_item(first, src, ctx)
        if item is not None:
            yield item
