"""RSS and Atom feeds (feedparser), with conditional requests and full text when only a summary is given."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urljoin

from linewatch.model import stable_id
from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import FetchError, FetchResult
from linewatch.sources.items import CollectContext, Item, make_document
from linewatch.sources.pages import fetch_page

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
# A feed body shorter than this (characters of text) is treated as a summary: the article is fetched.
SUMMARY_CHARS = 700
_TAG = re.compile(r"<[^>]{0,2000}>")
_PARAS = re.compile(r"\n\s*\n")


def parse_feed(result: FetchResult) -> Any:
    """feedparser's result, or FetchError(kind="content") when the body is not a feed.

    feedparser decides what a feed is (RSS 0.9x, 1.0 and 2.0, Atom, in UTF-8, UTF-16 or UTF-32,
    after a comment or a doctype): a gate of our own on the first bytes refused real feeds.
    """
    import feedparser  # lazy: feedparser is slow to import; only feeds need it

    # feedparser never fetches by itself here: it only ever sees bytes we fetched safely.
    # No sanitising or URI rewriting: we turn the HTML into plain text ourselves (and it is much faster).
    parsed = feedparser.parse(result.body, response_headers={"content-type": result.headers.get("content-type", ""),
                                                              "content-location": result.url},
                              sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FetchError(result.url, "content", f"not an RSS/Atom feed ({reason or 'no feed elements'})")
    return parsed


_BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
                         "article", "pre", "table", "ul", "ol", "dd", "dt", "figcaption"})


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed's description/content): inline markup joined into
    sentences, block elements separated by blank lines (so paragraphs survive for segmentation)."""
    if "<" not in fragment:
        return "\n\n".join(" ".join(p.split()) for p in _PARAS.split(fragment.strip()) if p.strip())
    import lxml.html  # lazy: lxml is slow to import; only HTML/XML needs it

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several kinds on hostile markup
        return " ".join(_TAG.sub(" ", fragment).split())
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.tail = "\n\n" + (el.tail or "")
            el.text = "\n\n" + (el.text or "")
    blocks = _PARAS.split(root.text_content())
    lines = ("\n".join(" ".join(ln.split()) for ln in b.splitlines() if ln.strip()) for b in blocks)
    return "\n\n".join(b for b in lines if b)


def entry_key(entry: Any) -> str:
    for name in ("id", "guid", "link"):
        value = entry.get(name)
        if value:
            return str(value)[:2000]
    return "hash:" + stable_id(entry.get("title"), entry.get("summary"), length=24)


def entry_date(entry: Any) -> date | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def entry_body(entry: Any) -> tuple[str, bool]:
    """(text, is_full): the longest content the feed gives, and whether it looks like the full article."""
    best = ""
    full = False
    for content in entry.get("content") or []:
        text = html_to_text(str(content.get("value") or ""))
        if len(text) > len(best):
            best, full = text, True
    summary = html_to_text(str(entry.get("summary") or ""))
    if len(summary) > len(best):
        best, full = summary, False
    # Long text counts as the article even in <description> (many sites put the whole story there).
    return best, (full and len(best) >= SUMMARY_CHARS) or len(best) >= 4 * SUMMARY_CHARS


def collect_feed(source: SourceDef, ctx: CollectContext) -> Iterator[Item]:
    result = ctx.get_if_changed(source, FEED_ACCEPT)
    if result is None:
        return
    parsed = parse_feed(result)
    ctx.keep_validators(result)
    yield from feed_items(parsed, result, source, ctx)


def feed_items(parsed: Any, result: FetchResult, source: SourceDef, ctx: CollectContext) -> Iterator[Item]:
    feed_lang = str(parsed.feed.get("language") or "")[:2].lower() or None
    taken = 0
    for entry in parsed.entries:
        if taken >= source.max_items:
            break
        key = entry_key(entry)
        if ctx.seen(key):
            continue
        taken += 1
        # a relative item link ("/news/1.html") is relative to the feed's address
        link = urljoin(result.url, str(entry.get("link"))) if entry.get("link") else None
        title = str(entry.get("title") or "") or None
        published = entry_date(entry)
        body, full = entry_body(entry)
        meta: dict[str, Any] = {"feed": {"url": result.url, "key": key}}
        if entry.get("author"):
            meta["author"] = str(entry.get("author"))[:500]
        want_page = link and (source.full_text == "always" or (source.full_text == "auto" and not full))
        if want_page:
            try:
                doc = fetch_page(ctx, link, source, extra_meta=meta, published=published, title=title)
                yield Item(key=key, document=doc)
                continue
            except FetchError as exc:
                if not body:
                    # Not marked as seen: the next poll tries the article again.
                    ctx.notes.append(f"{link}: {exc}; item skipped for now")
                    continue
                ctx.notes.append(f"{link}: {exc}; kept the feed summary")
                meta["full_text_error"] = str(exc)[:300]
        if not body:
            ctx.notes.append(f"{key}: feed item without text, skipped")
            continue
        meta["summary_only"] = not full
        if result.warc:
            meta["warc"] = result.warc  # the feed itself is the raw copy of this item
        yield Item(key=key, document=make_document(
            body, source=source, title=title, url=link, published=published, language=feed_lang, meta=meta,
        ))
