"""Sitemaps (urlset, sitemap index, gzip, Google News extension): each listed page becomes an item.

XML is parsed with entity resolution and network access off, so a hostile
sitemap cannot read local files or expand a billion laughs.
"""
from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import FetchError, FetchResult
from linewatch.sources.items import CollectContext, Item
from linewatch.sources.pages import fetch_page

SITEMAP_ACCEPT = "application/xml, text/xml;q=0.9, */*;q=0.1"
MAX_CHILD_SITEMAPS = 50  # per index
MAX_URLS = 50_000  # the protocol's own limit per sitemap
MAX_DEPTH = 2  # index -> index -> urlset


@dataclass
class SitemapEntry:
    url: str
    lastmod: str | None = None
    title: str | None = None  # news:title
    published: str | None = None  # news:publication_date
    language: str | None = None  # news:language


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def sitemap_xml(result: FetchResult, max_bytes: int) -> Any:
    """The parsed root element, or FetchError(kind="content")."""
    from lxml import etree  # lazy: lxml is slow to import; only HTML/XML needs it

    body = result.body
    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
                body = gz.read(max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise FetchError(result.url, "content", f"broken gzip sitemap: {exc}") from None
        if len(body) > max_bytes:
            raise FetchError(result.url, "too_big", f"sitemap over {max_bytes} bytes once unpacked")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError(result.url, "content", f"not a sitemap (invalid XML: {exc})") from None
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        raise FetchError(result.url, "content", "not a sitemap (no urlset or sitemapindex element)")
    return root


def _child_text(node: Any, name: str) -> str | None:
    for child in node.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(root: Any) -> tuple[list[str], list[SitemapEntry]]:
    """(child sitemap URLs, page entries) of a parsed sitemap."""
    children: list[str] = []
    entries: list[SitemapEntry] = []
    if _local(root.tag) == "sitemapindex":
        for node in root:
            if _local(node.tag) == "sitemap":
                loc = _child_text(node, "loc")
                if loc:
                    children.append(loc)
        return children[:MAX_CHILD_SITEMAPS], []
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = None
        for child in node:
            if _local(child.tag) == "loc" and child.text:
                loc = child.text.strip()
        if not loc:
            continue
        entries.append(SitemapEntry(
            url=loc,
            lastmod=_child_text(node, "lastmod"),
            title=_child_text(node, "title"),
            published=_child_text(node, "publication_date"),
            language=_child_text(node, "language"),
        ))
        if len(entries) >= MAX_URLS:
            break
    return [], entries


def sitemap_entries(source: SourceDef, ctx: CollectContext, first: FetchResult | None = None) -> Iterator[SitemapEntry]:
    """Page entries of a sitemap and of the sitemaps an index lists (bounded), newest lastmod first per file."""
    queue: list[tuple[str, int]] = [(source.location, 0)]
    visited: set[str] = set()
    while queue:
        url, depth = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        if first is not None and depth == 0:
            result = first
        else:
            try:
                result = ctx.fetcher.get(url, allow_private=source.allow_private or None, max_bytes=source.max_bytes,
                                         accept=SITEMAP_ACCEPT,
                                         etag=ctx.etag if depth == 0 else None,
                                         last_modified=ctx.last_modified if depth == 0 else None)
            except FetchError as exc:
                if depth == 0:
                    raise
                ctx.notes.append(f"{url}: {exc}")
                continue
            if result.not_modified:
                if depth == 0:
                    ctx.not_modified = True
                continue
            if depth == 0:
                ctx.keep_validators(result)
        try:
            root = sitemap_xml(result, source.max_bytes)
        except FetchError as exc:
            if depth == 0:
                raise
            ctx.notes.append(f"{url}: {exc}")
            continue
        children, entries = parse_sitemap(root)
        if depth < MAX_DEPTH:
            queue.extend((child, depth + 1) for child in children)
        entries.sort(key=lambda e: e.lastmod or e.published or "", reverse=True)
        yield from entries


def collect_sitemap(source: SourceDef, ctx: CollectContext, first: FetchResult | None = None) -> Iterator[Item]:
    taken = 0
    for entry in sitemap_entries(source, ctx, first):
        if taken >= source.max_items:
            break
        key = entry.url
        if ctx.seen(key):
            continue
        taken += 1
        meta: dict[str, Any] = {"sitemap": {"url": source.location, "lastmod": entry.lastmod}}
        try:
            doc = fetch_page(ctx, entry.url, source, extra_meta=meta, published=entry.published or entry.lastmod,
                             title=entry.title)
        except FetchError as exc:
            # One dead page must not stop the others; it stays unseen and is tried next poll.
            ctx.notes.append(f"{entry.url}: {exc}")
            continue
        yield Item(key=key, document=doc)
