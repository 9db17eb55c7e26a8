"""Hostile servers on 127.0.0.1 against the fetcher and `watch` (issue 14, items 6 and 7)."""
from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sources"))
from localserver import HTML, XML, FeedItem, LocalServer, Route, article_html, paragraphs, rss
from rawserver import RawServer, drip_body, drip_headers

from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher, FetchError, FetchLimits
from linewatch.sources.watch import watch

LOCAL = ["127.0.0.0/8"]


def make_fetcher(**limits) -> Fetcher:
    defaults = dict(min_interval=0.0, backoff_base=0.01, read_timeout=1.0, total_timeout=2.0, retries=2)
    defaults.update(limits)
    return Fetcher(allow_private=LOCAL, limits=FetchLimits(**defaults), respect_robots=False, sleep=lambda s: None)


@pytest.fixture
def closed():
    ev = threading.Event()
    yield ev
    ev.set()


# --------------------------------------------------------------------------- item 6: compression bombs


def _bomb(size: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip
    chunk = b"\0" * 1_000_000
    out = [c.compress(chunk) for _ in range(size // len(chunk))]
    return b"".join(out) + c.flush()


def test_gzip_bomb_stopped_at_the_limit_without_inflating_it() -> None:
    server = LocalServer()
    try:
        bomb = _bomb(200_000_000)  # 200 MB of zeros in about 200 KB
        server.routes["/bomb"] = Route(200, bomb, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
        server.routes["/double"] = Route(200, gzip.compress(gzip.compress(b"<p>hi</p>")),
                                         {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"})
        server.routes["/br"] = Route(200, b"\x1b\x03\x00\xf8\x8d\x94n\xde\x08", {"Content-Encoding": "br"})
        server.routes["/ok"] = Route(200, gzip.compress(b"<p>fine</p>" * 1000),
                                     {"Content-Type": "text/html", "Content-Encoding": "gzip"})
        fetcher = make_fetcher(max_bytes=1_000_000, total_timeout=30)
        sizes: list[int] = []
        real = zlib.decompressobj

        class Watched:  # every piece of output the decompressor hands back is bounded
            def __init__(self, *a):
                self._d = real(*a)

            def decompress(self, data, max_length=0):
                out = self._d.decompress(data, max_length)
                sizes.append(len(out))
                return out

            def __getattr__(self, name):
                return getattr(self._d, name)

        zlib.decompressobj = Watched  # type: ignore[assignment]
        try:
            with pytest.raises(FetchError) as err:
                fetcher.get(server.url("/bomb"))
        finally:
            zlib.decompressobj = real  # type: ignore[assignment]
        assert err.value.kind == "too_big"
        assert sizes and max(sizes) <= 65536 and sum(sizes) <= 1_100_000
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url("/double"))
        assert err.value.kind == "content" and "stacked" in str(err.value)
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url("/br"))
        assert err.value.kind == "content" and "br" in str(err.value)
        assert fetcher.get(server.url("/ok")).body == b"<p>fine</p>" * 1000
        assert "br" not in server.requests[-1][1].get("accept-encoding", "")
    finally:
        server.close()


# --------------------------------------------------------------------------- item 7: deadlines


def _get_in_thread(fetcher: Fetcher, url: str, wait: float) -> tuple[bool, BaseException | None]:
    box: dict[str, BaseException | None] = {"exc": None}

    def run() -> None:
        try:
            fetcher.get(url)
        except BaseException as exc:  # handed to the test
            box["exc"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(wait)
    return t.is_alive(), box["exc"]


def test_slow_headers_hit_the_wall_clock_deadline(closed: threading.Event) -> None:
    server = RawServer(drip_headers(0.3, closed))  # each line well inside the 1 s read timeout
    try:
        alive, exc = _get_in_thread(make_fetcher(), server.url("/"), wait=30)
        assert not alive, "a server sending one header line at a time kept the fetch alive"
        assert isinstance(exc, FetchError) and exc.kind == "timeout"
        assert server.hits == 1  # a timeout is not retried: the deadline is the whole fetch's
    finally:
        server.close()


def test_dripping_body_is_not_retried_past_the_deadline(closed: threading.Event) -> None:
    server = RawServer(drip_body(0.3, closed))
    try:
        alive, exc = _get_in_thread(make_fetcher(retries=3), server.url("/"), wait=30)
        assert not alive and isinstance(exc, FetchError) and exc.kind == "timeout"
        assert server.hits == 1
    finally:
        server.close()


def test_watch_polls_sources_concurrently(sqlite_store, closed: threading.Event, tmp_path: Path) -> None:
    slow = RawServer(drip_headers(0.3, closed))
    fast = LocalServer()
    try:
        fast.routes["/robots.txt"] = Route(404, b"")
        fast.routes["/a.html"] = Route(200, article_html("Statement", paragraphs(3, "a")), HTML)
        fast.routes["/rss"] = Route(200, rss([FeedItem(guid="a", title="Statement", link=fast.url("/a.html"),
                                                         summary="s")]), XML)
        defs = [SourceDef(id="slow", kind="rss", location=slow.url("/rss"), interval=60),
                SourceDef(id="fast", kind="rss", location=fast.url("/rss"), interval=60)]
        order: list[str] = []
        fetcher = Fetcher(allow_private=LOCAL, respect_robots=False,
                          limits=FetchLimits(min_interval=0, retries=0, read_timeout=1, total_timeout=12))
        result = watch(sqlite_store, defs, fetcher=fetcher, once=True, on_poll=lambda r: order.append(r.source_id))
        assert order == ["fast", "slow"], [(p.source_id, p.ok, p.error) for p in result.polls]  # the slow source (listed first) delayed nothing
        assert [p.ok for p in result.polls] == [True, False]
    finally:
        slow.close()
        fast.close()


def test_watch_stops_cleanly_on_sigterm_and_sigint(tmp_path: Path, closed: threading.Event) -> None:
    slow = RawServer(drip_headers(0.3, closed))
    try:
        (tmp_path / "sources.yaml").write_text(
            "sources:\n"
            f"  - id: slow\n    kind: rss\n    location: {slow.url('/rss')}\n    interval: 60\n"
            "    allow_private: true\n")
        for sig in (signal.SIGTERM, signal.SIGINT):
            env = {**os.environ, "COLUMNS": "200"}
            env.pop("LINEWATCH_DB", None)
            proc = subprocess.Popen(
                [sys.executable, "-m", "linewatch", "watch", "--sources", str(tmp_path / "sources.yaml"),
                 "--db", f"sqlite:///{tmp_path / 'w.db'}", "--no-process"],
                cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            deadline = time.monotonic() + 60
            while slow.hits == 0 and time.monotonic() < deadline:
                time.sleep(0.1)
            assert slow.hits, "watch never reached the server"
            proc.send_signal(sig)
            try:
                out, err = proc.communicate(timeout=30)  # the default total timeout is 60 s
            except subprocess.TimeoutExpired:
                proc.kill()
                pytest.fail(f"watch ignored {sig.name} while a fetch hung")
            assert proc.returncode == 0, (sig, out, err)
            assert "Traceback" not in err and "stopped" in out
            slow.hits = 0  # the next signal waits for a fresh connection
    finally:
        slow.close()
