"""Web pages: fetch, check it is HTML, extract main text and metadata with trafilatura."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import FetchError, FetchResult
from linewatch.sources.files import Decoded, _as_dict, _html_charset, _html_fallback_text, decode_bytes
from linewatch.sources.items import CollectContext, Item, make_document

HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|p|div)\b", re.I)


@dataclass
class ExtractedPage:
    text: str
    title: str | None
    published: Any  # date text from the page metadata (parsed later)
    author: str | None
    language: str | None
    sitename: str | None


def decode_body(result: FetchResult) -> Decoded:
    """Decode a fetched body: the HTTP charset, then the <meta> one, then UTF-8, then a guess."""
    return decode_bytes(result.body, result.url, [result.encoding, _html_charset(result.body)])


def looks_like_html(result: FetchResult) -> bool:
    if result.content_type in HTML_TYPES:
        return True
    if result.content_type and not result.content_type.startswith(("text/", "application/octet-stream")):
        return False
    return bool(_HTML_SNIFF.search(result.body[:4096]))


def extract_html(html: str, url: str | None = None) -> ExtractedPage | None:
    """Main text + metadata of an HTML page, or None when it has no readable text."""
    import trafilatura  # lazy: slow to import (lxml); only HTML pages need it

    try:
        data = _as_dict(trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                    favor_recall=True))
    except Exception:  # broken markup makes trafilatura/lxml raise many kinds; fall back below
        data = {}
    text = (data.get("text") or "").strip() or _html_fallback_text(html)
    if not text:
        return None
    return ExtractedPage(
        text=text,
        title=data.get("title") or None,
        published=data.get("date"),
        author=data.get("author") or None,
        language=data.get("language") or None,
        sitename=data.get("sitename") or None,
    )


def fetch_page(ctx: CollectContext, url: str, source: SourceDef | None, *, allow_private: bool | None = None,
               extra_meta: dict[str, Any] | None = None, published: Any = None, title: str | None = None):
    """Fetch one article page and make its Document (raises FetchError on any failure)."""
    limit = source.max_bytes if source else None
    allow = source.allow_private if source and allow_private is None else allow_private
    result = ctx.fetcher.get(url, allow_private=allow or None, max_bytes=limit, accept=HTML_ACCEPT)
    return page_document(result, source, extra_meta=extra_meta, published=published, title=title)


def page_document(result: FetchResult, source: SourceDef | None, *, extra_meta: dict[str, Any] | None = None,
                  published: Any = None, title: str | None = None):
    if not looks_like_html(result):
        raise FetchError(result.url, "content", f"not an HTML page (Content-Type {result.content_type or 'missing'})")
    decoded = decode_body(result)
    page = extract_html(decoded.text, result.url)
    if page is None:
        raise FetchError(result.url, "content", "no readable text in the page")
    meta: dict[str, Any] = dict(extra_meta or {})
    meta.update(decoded.describe())
    meta.update({"format": "html", "fetched_at": result.fetched_at.isoformat()})
    if page.author:
        meta["author"] = page.author
    if page.sitename:
        meta["sitename"] = page.sitename
    if result.redirects:
        meta["redirects"] = result.redirects
    if result.warc:
        meta["warc"] = result.warc
    return make_document(
        page.text,
        source=source,
        title=page.title or title,
        url=result.url,
        published=published or page.published,  # the feed/sitemap date is the more reliable one
        language=page.language,
        meta=meta,
        outlet=None if source and source.outlet else page.sitename,
    )


def collect_page(source: SourceDef, ctx: CollectContext) -> Iterator[Item]:
    """A `page` source: the page itself is the item (keyed by URL + content, so an edit is new)."""
    result = ctx.get_if_changed(source, HTML_ACCEPT)
    if result is None:
        return
    ctx.keep_validators(result)
    item = page_item(result, source, ctx)
    if item is not None:
        yield item


def page_item(result: FetchResult, source: SourceDef, ctx: CollectContext) -> Item | None:
    """A watched page as an item, keyed by URL + content hash so that an edited page is a new item."""
    doc = page_document(result, source)
    key = f"{source.location}#{doc.hash[:16]}"
    return None if ctx.seen(key) else Item(key=key, document=doc)
