"""What every connector yields: an `Item` (one new thing from a source) and the context it runs in.

A connector is a generator `collect(source, ctx) -> Iterator[Item]`. It asks
`ctx.seen(key)` before doing any costly work for an item (fetching its
article page), so an item is never collected twice, and it yields items one
at a time so the caller can commit each in its own transaction before the
next is fetched (a kill loses at most the item in flight, never a committed one).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from linewatch.model import Document, Event
from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher, FetchResult
from linewatch.sources.files import _finish

MAX_TEXT_CHARS = 2_000_000  # a document longer than this is cut (and says so in meta)


@dataclass
class Item:
    key: str  # never-collect-twice key within the source: guid / URL / message id / event id
    document: Document
    events: list[Event] = field(default_factory=list)  # GDELT rows carry ready-made events
    # Entries added to lists in the document's meta ("a.b" = meta["a"]["b"]) when the document is already stored (one
    # article that GDELT mentions for several events keeps every mention, not only the first).
    meta_append: dict[str, list[Any]] = field(default_factory=dict)


@dataclass
class CollectContext:
    fetcher: Fetcher
    seen: Callable[[str], bool] = lambda key: False
    # Conditional-request validators: read before the poll, updated by the connector.
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    notes: list[str] = field(default_factory=list)  # non-fatal problems (an article page that failed)
    archive: Any = None  # WarcArchive for things read from files (Telegram, GDELT)

    def get_if_changed(self, source: SourceDef, accept: str) -> FetchResult | None:
        """GET the source's location with the validators of the last poll; None (and
        `not_modified` set) when the server says it has not changed since. The caller keeps the
        new validators (`keep_validators`) once it has read the result (a feed only after it
        parsed: one it cannot parse is fetched whole again next time)."""
        result = self.fetcher.get(source.location, allow_private=source.allow_private or None,
                                  max_bytes=source.max_bytes, accept=accept,
                                  etag=self.etag, last_modified=self.last_modified)
        if result.not_modified:
            self.not_modified = True
            return None
        return result

    def keep_validators(self, result: FetchResult) -> None:
        self.etag, self.last_modified = result.etag, result.last_modified


def make_document(
    text: str,
    *,
    source: SourceDef | None,
    title: str | None = None,
    url: str | None = None,
    published: Any = None,
    language: str | None = None,
    meta: dict[str, Any] | None = None,
    outlet: str | None = None,
    outlet_type: str | None = None,
) -> Document:
    """A Document with the source's outlet, type and language hint; language detected otherwise.

    The date comes from the item's metadata, else a dateline in the text (the same rule as
    for files, `sources.files._finish`).
    """
    meta = dict(meta or {})
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        meta["truncated"] = True
    if title is not None:
        title = " ".join(title.split())[:1000] or None
    doc = Document(
        text=text,
        title=title,
        url=url,
        outlet=outlet or (source.outlet if source else None),
        outlet_type=outlet_type or (source.outlet_type if source else None),
        language=language or (source.language if source else None),
        source=source.id if source else url,
        meta=meta,
    )
    return _finish(doc, text, None, published)
