"""robots.txt: fetched once per host (cached for a day) and obeyed, with Crawl-delay.

Following RFC 9309: a robots.txt that is missing or answers 4xx means
everything is allowed; one that answers 5xx or cannot be reached means
nothing is allowed for now (we retry it after RETRY_UNREACHABLE seconds).
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from linewatch.errors import FetchError

if TYPE_CHECKING:  # pragma: no cover
    from linewatch.sources.fetch import Fetcher

CACHE_SECONDS = 24 * 3600
RETRY_UNREACHABLE = 600
MAX_ROBOTS_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB


@dataclass
class _Entry:
    parser: RobotFileParser | None  # None = allow all
    disallow_all: bool
    expires: float
    reason: str = ""  # why everything is disallowed for now


class RobotsCache:
    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def check(self, url: str, *, allow_private: bool) -> None:
        """Raise FetchError(kind="robots") when robots.txt forbids fetching url."""
        if not self.allowed(url, allow_private=allow_private):
            parts = urlsplit(url)
            entry = self._entries.get(f"{parts.scheme}://{parts.netloc}")
            reason = entry.reason if entry is not None and entry.reason else "disallowed by the site's robots.txt"
            raise FetchError(url, "robots", reason)

    def allowed(self, url: str, *, allow_private: bool) -> bool:
        parts = urlsplit(url)
        if parts.path in ("/robots.txt",):
            return True
        entry = self._entry(f"{parts.scheme}://{parts.netloc}", allow_private)
        if entry.disallow_all:
            return False
        if entry.parser is None:
            return True
        return entry.parser.can_fetch(self.fetcher.user_agent, url)

    def crawl_delay(self, url: str, *, allow_private: bool) -> float | None:
        parts = urlsplit(url)
        entry = self._entry(f"{parts.scheme}://{parts.netloc}", allow_private)
        if entry.parser is None:
            return None
        delay = entry.parser.crawl_delay(self.fetcher.user_agent)
        return float(delay) if delay is not None else None

    def _entry(self, origin: str, allow_private: bool) -> _Entry:
        with self._lock:
            entry = self._entries.get(origin)
        if entry is not None and entry.expires > time.monotonic():
            return entry
        entry = self._load(origin, allow_private)
        with self._lock:
            self._entries[origin] = entry
        return entry

    def _load(self, origin: str, allow_private: bool) -> _Entry:
        now = time.monotonic()
        try:
            result = self.fetcher.get(
                origin + "/robots.txt",
                allow_private=allow_private,
                max_bytes=MAX_ROBOTS_BYTES,
                check_robots=False,
                archive=False,
            )
        except FetchError as exc:
            if exc.kind == "http" and exc.status is not None and 400 <= exc.status < 500:
                return _Entry(None, False, now + CACHE_SECONDS)
            if exc.kind == "too_big":
                return _Entry(None, False, now + CACHE_SECONDS)
            if exc.kind in ("address", "scheme", "connect", "timeout"):
                raise  # the host itself is unusable: report that, not a robots refusal (nothing is cached)
            return _Entry(None, True, now + RETRY_UNREACHABLE,
                          f"robots.txt unavailable ({exc.kind} {exc.status or ''}".strip() + "); not fetching for now")
        parser = RobotFileParser()
        parser.parse(result.body.decode("utf-8", "replace").splitlines())
        return _Entry(parser, False, now + CACHE_SECONDS)
