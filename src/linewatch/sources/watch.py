"""Continuous monitoring: poll every source on its interval, store what is new, keep per-source state.

Guarantees:
- never collect twice: an item's key goes into `source_items` in the same
  transaction as its document (and events), and connectors ask before fetching;
- survive kills: each item is committed on its own, the source state
  (`sources`: last run, next run, last ok, errors, ETag/Last-Modified) is
  written after the poll, so a killed poll is simply polled again and skips
  what it already stored;
- a failing source (dead host, not XML/HTML, 429, 500, timeout, too big) is
  marked with the error and retried later with exponential backoff (or after
  the server's Retry-After) while the other sources go on.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from linewatch.errors import LinewatchError
from linewatch.runner import one_line
from linewatch.sources import feeds, gdelt, pages, sitemaps, telegram
from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher, FetchError
from linewatch.sources.items import CollectContext, Item
from linewatch.store import open_store
from linewatch.store.protocol import Store
from linewatch.store.queries import sources as source_q

MAX_BACKOFF = 24 * 3600.0
ALERT_AFTER_ERRORS = 3  # a source failing this many polls in a row raises a `source_error` alert
MAX_ERROR_CHARS = 300
MAX_PARALLEL_POLLS = 8  # sources polled at the same time by `watch`


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


def _collector(kind: str) -> Callable[..., Iterator[Item]]:
    return {
        "rss": feeds.collect_feed,
        "atom": feeds.collect_feed,
        "page": pages.collect_page,
        "sitemap": sitemaps.collect_sitemap,
        "telegram-export": telegram.collect_export,
        "telegram-live": telegram.collect_live,
        "gdelt-events": gdelt.collect_files,
        "gdelt-mentions": gdelt.collect_files,
        "gdelt-gkg": gdelt.collect_files,
        "gdelt-doc": gdelt.collect_doc_api,
    }[kind]


@dataclass
class PollReport:
    source_id: str
    ok: bool = True
    new_items: int = 0
    new_documents: int = 0  # items whose text was not already stored (same text from elsewhere = 0)
    events: int = 0
    not_modified: bool = False
    error: str | None = None
    error_kind: str | None = None
    notes: list[str] = field(default_factory=list)
    next_run: str | None = None
    doc_ids: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- state in the store


def sync_sources(store: Store, defs: list[SourceDef]) -> None:
    """Insert new sources and refresh kind/location/config of known ones (their state is kept)."""
    for src in defs:
        cfg = json.dumps(src.to_config(), ensure_ascii=False, sort_keys=True)
        source_q.upsert_source(store, src.id, src.kind, src.location, cfg)


def item_seen(store: Store, source_id: str, key: str) -> bool:
    return source_q.item_seen(store, source_id, key)


def save_item(store: Store, source_id: str, item: Item) -> tuple[bool, bool, int]:
    """Store one item atomically: (recorded as new, document was new, events inserted)."""
    return source_q.save_item(store, source_id, item.key, item.document, item.events, item.meta_append,
                              iso(utcnow()))


def _record_success(store: Store, src: SourceDef, report: PollReport, ctx: CollectContext, now: datetime,
                    keep_validators: bool, interrupted: bool = False) -> None:
    # A poll stopped half-way stays due, so the next start picks up the rest at once.
    next_run = now if interrupted else now + timedelta(seconds=src.interval)
    report.next_run = iso(next_run)
    note = "; ".join(report.notes)[:MAX_ERROR_CHARS] or None
    source_q.record_success(store, src.id, iso(now), iso(next_run), note, report.new_items,
                            (ctx.etag, ctx.last_modified) if keep_validators else None)


def _record_failure(store: Store, src: SourceDef, report: PollReport, now: datetime, retry_after: float | None) -> None:
    so_far = source_q.source_errors(store, src.id)
    errors = so_far + 1 if so_far is not None else 1
    # Exponential backoff from the polling interval, at most a day; never sooner than Retry-After.
    backoff = min(MAX_BACKOFF, min(src.interval, 300.0) * 2 ** (errors - 1))
    if retry_after:
        backoff = max(backoff, min(retry_after, MAX_BACKOFF))
    next_run = now + timedelta(seconds=backoff)
    report.next_run = iso(next_run)
    alert = None
    if errors == ALERT_AFTER_ERRORS:
        alert = ("source_error", iso(now), now.date().isoformat(),
                 f"source {src.id} failed {errors} times in a row: {report.error}"[:500],
                 json.dumps({"source_id": src.id, "kind": report.error_kind}))
    source_q.record_failure(store, src.id, iso(now), iso(next_run), errors, (report.error or "")[:MAX_ERROR_CHARS],
                            report.new_items, alert)


# --------------------------------------------------------------------------- polling


def poll_source(store: Store, src: SourceDef, fetcher: Fetcher, *, archive: Any = None,
                data_dir: str | Path | None = None, stop: threading.Event | None = None) -> PollReport:
    """Poll one source now: store each new item in its own transaction, then update the source's state."""
    report = PollReport(source_id=src.id)
    if not source_q.source_known(store, src.id):
        sync_sources(store, [src])
    state = source_q.validators(store, src.id)
    ctx = CollectContext(
        fetcher=fetcher,
        seen=lambda key: item_seen(store, src.id, key),
        etag=state.get("etag"),
        last_modified=state.get("last_modified"),
        archive=archive,
    )
    now = utcnow()
    retry_after: float | None = None
    try:
        collect = _collector(src.kind)
        items = collect(src, ctx, data_dir or ".") if src.kind == "telegram-live" else collect(src, ctx)
        for item in items:
            new, doc_new, n_events = save_item(store, src.id, item)
            if new:
                report.new_items += 1
                report.new_documents += int(doc_new)
                report.events += n_events
                report.doc_ids.append(item.document.id)
            if stop is not None and stop.is_set():
                break
    except FetchError as exc:
        report.ok, report.error, report.error_kind = False, str(exc), exc.kind
        retry_after = exc.retry_after
    except LinewatchError as exc:
        report.ok, report.error, report.error_kind = False, str(exc), "input"
    except Exception as exc:  # a connector bug or hostile input we did not foresee: mark, go on
        report.ok, report.error, report.error_kind = False, one_line(exc), "internal"
    report.notes = ctx.notes[:20]
    report.not_modified = ctx.not_modified
    if report.error_kind == "cancelled":
        return report  # stopped mid-fetch: the source keeps its schedule, the item comes next time
    if report.ok:
        # Validators are only kept when the poll took everything: a 304 must not hide items we left behind.
        interrupted = stop is not None and stop.is_set()
        complete = report.new_items < src.max_items and not ctx.notes and not interrupted
        _record_success(store, src, report, ctx, now, keep_validators=complete or ctx.not_modified,
                        interrupted=interrupted)
    else:
        _record_failure(store, src, report, now, retry_after)
    return report


def due_sources(store: Store, defs: list[SourceDef], now: datetime | None = None) -> list[SourceDef]:
    now_s = iso(now or utcnow())
    runs = source_q.next_runs(store)
    out = []
    for src in defs:
        nxt = runs.get(src.id)
        if src.enabled and (not nxt or nxt <= now_s):
            out.append(src)
    return out


def seconds_until_next(store: Store, defs: list[SourceDef]) -> float:
    ids = [s.id for s in defs if s.enabled]
    if not ids:
        return 60.0
    nxt = source_q.earliest_next_run(store, ids)
    if not nxt:
        return 0.0
    delta = (datetime.fromisoformat(nxt) - utcnow()).total_seconds()
    return max(0.0, delta)


def default_data_dir(config: Any = None) -> Path:
    """Where WARC files (and the Telegram session) go: LINEWATCH_DATA_DIR > workspace/data > ./linewatch-data."""
    env = os.environ.get("LINEWATCH_DATA_DIR")
    if env:
        return Path(env)
    root = getattr(config, "root", None)
    raw = (getattr(config, "raw", None) or {}).get("sources", {})
    if isinstance(raw, dict) and isinstance(raw.get("data_dir"), str):
        return (Path(root) if root else Path.cwd()) / raw["data_dir"]
    return (Path(root) / "data") if root else Path.cwd() / "linewatch-data"


@dataclass
class WatchResult:
    polls: list[PollReport] = field(default_factory=list)
    processed: int = 0
    process_note: str | None = None


def watch(
    store: Store,
    defs: list[SourceDef],
    *,
    fetcher: Fetcher,
    archive: Any = None,
    data_dir: str | Path | None = None,
    once: bool = False,
    process: Callable[[Any], int] | None = None,
    on_poll: Callable[[PollReport], None] | None = None,
    stop: threading.Event | None = None,
    max_sleep: float = 60.0,
    workers: int = MAX_PARALLEL_POLLS,
) -> WatchResult:
    """Poll sources until stopped (or one pass with once=True); process new documents as they come.

    Sources are polled concurrently (up to `workers` at a time, each with its own database
    connection), so a slow or hanging source delays no other. When `stop` is set, no new poll
    starts, fetches in flight are cancelled (their item is fetched again next time) and items
    being stored finish. once=True polls every enabled source now, whatever its schedule.
    """
    sync_sources(store, defs)
    result = WatchResult()
    stop = stop or threading.Event()
    in_flight: dict[str, Future[PollReport]] = {}
    started: set[str] = set()

    def poll_one(src: SourceDef) -> PollReport:
        own = open_store(store.url)  # a connection per thread: transactions must not interleave
        try:
            return poll_source(own, src, fetcher, archive=archive, data_dir=data_dir, stop=stop)
        finally:
            own.close()

    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="poll")
    try:
        while not stop.is_set():
            due = [s for s in defs if s.enabled and s.id not in started] if once else due_sources(store, defs)
            for src in due:
                if src.id not in in_flight:
                    in_flight[src.id] = pool.submit(poll_one, src)
                    started.add(src.id)
            if not in_flight:
                if once:
                    break
                stop.wait(min(max_sleep, max(1.0, seconds_until_next(store, defs))))
                continue
            done, _ = wait(list(in_flight.values()), timeout=min(max_sleep, 1.0), return_when=FIRST_COMPLETED)
            new_docs = 0
            for sid in [k for k, f in in_flight.items() if f in done]:
                report = in_flight.pop(sid).result()
                result.polls.append(report)
                new_docs += report.new_documents
                if on_poll:
                    on_poll(report)
            if process is not None and new_docs and not stop.is_set():
                try:
                    result.processed += process(store)
                except Exception as exc:  # processing trouble must not stop collection; `linewatch run` can redo it
                    result.process_note = one_line(exc)
    finally:
        if stop.is_set():
            fetcher.cancel.set()  # a fetch in flight ends now; an item being stored finishes first
        pool.shutdown(wait=True)
        fetcher.cancel.clear()
    for fut in in_flight.values():  # stopped while these were polling: report how they ended
        if fut.done() and fut.exception() is None:
            result.polls.append(fut.result())
    return result


# --------------------------------------------------------------------------- health


def source_health(store: Store) -> list[dict[str, Any]]:
    """Per-source health for the CLI and the dashboard: status ok / failing / never run / disabled."""
    rows = source_q.source_rows(store)
    counts = source_q.item_counts(store)
    out = []
    for r in rows:
        try:
            cfg = json.loads(r.get("config") or "{}")
        except json.JSONDecodeError:
            cfg = {}
        if cfg.get("enabled") is False:
            status = "disabled"
        elif not r.get("last_run"):
            status = "never run"
        elif int(r.get("errors") or 0) > 0:
            status = "failing"
        else:
            status = "ok"
        out.append({
            "id": r["id"], "kind": r["kind"], "location": r["location"], "status": status,
            "last_run": r.get("last_run"), "last_ok": r.get("last_ok"), "next_run": r.get("next_run"),
            "errors": int(r.get("errors") or 0), "last_error": r.get("last_error"),
            "items": int(counts.get(r["id"], 0)), "outlet": cfg.get("outlet"), "outlet_type": cfg.get("outlet_type"),
        })
    return out
