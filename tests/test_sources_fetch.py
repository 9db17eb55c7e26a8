"""The safe HTTP client against a real local server: addresses, redirects, robots, retries, limits, WARC."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sources"))
from localserver import HTML, LocalServer, Route, robots_txt

from linewatch.sources.archive import WarcArchive, read_record
from linewatch.sources.fetch import (
    Fetcher,
    FetchError,
    FetchLimits,
    HostRateLimiter,
    address_problem,
    check_url,
    parse_retry_after,
)

LOCAL = ["127.0.0.0/8"]  # tests reach the local server, and nothing else private


@pytest.fixture
def server():
    srv = LocalServer()
    srv.routes["/robots.txt"] = robots_txt("Disallow: /private/")
    yield srv
    srv.close()


def make_fetcher(**limits) -> tuple[Fetcher, list[float]]:
    sleeps: list[float] = []
    defaults = dict(min_interval=0.0, backoff_base=0.01, read_timeout=2.0, total_timeout=5.0)
    defaults.update(limits)
    return Fetcher(allow_private=LOCAL, limits=FetchLimits(**defaults), sleep=sleeps.append), sleeps


def test_address_classes():
    assert address_problem("8.8.8.8") is None
    for ip in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254", "::1", "fe80::1",
               "224.0.0.1", "0.0.0.0", "::ffff:127.0.0.1", "100.64.0.1", "240.0.0.1"):
        assert address_problem(ip), ip


def test_loopback_refused_without_allow(server):
    with pytest.raises(FetchError) as err:
        check_url(server.url("/x"), False)
    assert err.value.kind == "address"
    fetcher = Fetcher(limits=FetchLimits(min_interval=0))
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/x"))
    assert err.value.kind == "address" and "loopback" in str(err.value)
    assert server.hits[ "/x"] == 0  # refused before any byte was sent


def test_localhost_name_refused_and_schemes(server):
    with pytest.raises(FetchError) as err:
        check_url(f"http://localhost:{server.port}/", False)
    assert err.value.kind == "address"
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://x", "javascript:alert(1)", "/relative"):
        with pytest.raises(FetchError) as err:
            check_url(url, True)
        assert err.value.kind == "scheme"


def test_connection_level_check_refuses_even_when_precheck_is_skipped(server):
    # The network backend checks the address it connects to (DNS-rebinding defence).
    fetcher, _ = make_fetcher()
    client = fetcher._client(False)
    with pytest.raises(Exception) as err:
        client.get(server.url("/x"))
    assert "loopback" in str(err.value)


def test_plain_get_and_warc(server, tmp_path):
    server.routes["/a"] = Route(200, b"<html><body><p>hello archive</p></body></html>", HTML)
    fetcher, _ = make_fetcher()
    fetcher.archive = WarcArchive(tmp_path)
    result = fetcher.get(server.url("/a"))
    assert result.status == 200 and result.content_type == "text/html"
    assert result.warc and result.warc["file"].startswith("warc/")
    assert read_record(tmp_path, result.warc) == result.body
    assert "linewatch" in server.requests[-1][1]["user-agent"]


def test_redirects_followed_and_rechecked(server):
    server.routes["/r1"] = Route(302, b"", {"Location": "/r2"})
    server.routes["/r2"] = Route(301, b"", {"Location": server.url("/final")})
    server.routes["/final"] = Route(200, b"ok", {"Content-Type": "text/plain"})
    fetcher, _ = make_fetcher()
    result = fetcher.get(server.url("/r1"))
    assert result.body == b"ok" and result.url.endswith("/final") and len(result.redirects) == 2

    server.routes["/to-metadata"] = Route(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/to-metadata"))
    assert err.value.kind == "address" and "169.254.169.254" in str(err.value)

    server.routes["/to-file"] = Route(302, b"", {"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/to-file"))
    assert err.value.kind == "scheme"

    server.routes["/loop"] = Route(302, b"", {"Location": "/loop"})
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/loop"))
    assert err.value.kind == "redirects"


def test_robots_respected_and_cached(server):
    server.routes["/private/page"] = Route(200, b"secret", HTML)
    server.routes["/public"] = Route(200, b"fine", HTML)
    fetcher, _ = make_fetcher()
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/private/page"))
    assert err.value.kind == "robots"
    assert server.hits["/private/page"] == 0
    assert fetcher.get(server.url("/public")).body == b"fine"
    assert server.hits["/robots.txt"] == 1


def test_missing_robots_allows_and_unreachable_robots_refuses(server):
    del server.routes["/robots.txt"]
    server.routes["/p"] = Route(200, b"x", HTML)
    fetcher, _ = make_fetcher()
    assert fetcher.get(server.url("/p")).body == b"x"
    other = LocalServer()
    try:
        other.routes["/robots.txt"] = Route(503, b"down")
        other.routes["/p"] = Route(200, b"x", HTML)
        fetcher2, _ = make_fetcher(retries=0)
        with pytest.raises(FetchError) as err:
            fetcher2.get(other.url("/p"))
        assert err.value.kind == "robots"
    finally:
        other.close()


def test_429_retry_after_then_success(server):
    calls = {"n": 0}

    def flaky(headers):
        calls["n"] += 1
        if calls["n"] == 1:
            return Route(429, b"slow down", {"Retry-After": "2"})
        return Route(200, b"done", HTML)

    server.routes["/flaky"] = flaky
    fetcher, sleeps = make_fetcher()
    assert fetcher.get(server.url("/flaky")).body == b"done"
    assert sleeps == [2.0]


def test_429_with_long_retry_after_gives_up_with_hint(server):
    server.routes["/busy"] = Route(429, b"later", {"Retry-After": "3600"})
    fetcher, sleeps = make_fetcher()
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/busy"))
    assert err.value.status == 429 and err.value.retry_after == 3600
    assert sleeps == [] and server.hits["/busy"] == 1


def test_500_retried_with_backoff_then_error(server):
    server.routes["/broken"] = Route(500, b"oops")
    fetcher, sleeps = make_fetcher(retries=2, backoff_base=0.5)
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/broken"))
    assert err.value.kind == "http" and err.value.status == 500
    assert sleeps == [0.5, 1.0] and server.hits["/broken"] == 3


def test_404_not_retried(server):
    fetcher, sleeps = make_fetcher()
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/nothing"))
    assert err.value.status == 404 and sleeps == []


def test_slow_response_times_out(server):
    server.routes["/slow"] = Route(200, b"late", HTML, delay=1.5)
    fetcher, _ = make_fetcher(read_timeout=0.3, retries=1)
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/slow"))
    assert err.value.kind == "timeout"


def test_dripping_body_cut_by_total_timeout(server):
    server.routes["/drip"] = Route(200, b"x" * 100_000, HTML, chunked=True, drip=0.2)
    fetcher, _ = make_fetcher(total_timeout=0.5, retries=0)
    with pytest.raises(FetchError) as err:
        fetcher.get(server.url("/drip"))
    assert err.value.kind == "timeout"


def test_oversize_bodies_cut_off(server):
    server.routes["/big"] = Route(200, b"a" * 300_000, HTML)
    server.routes["/big-chunked"] = Route(200, b"a" * 300_000, HTML, chunked=True)
    fetcher, _ = make_fetcher(max_bytes=100_000)
    for path in ("/big", "/big-chunked"):
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url(path))
        assert err.value.kind == "too_big", path
    assert fetcher.get(server.url("/big"), max_bytes=400_000).body == b"a" * 300_000


def test_conditional_request(server):
    def etagged(headers):
        if headers.get("if-none-match") == '"v1"':
            return Route(304, b"", {"ETag": '"v1"'})
        return Route(200, b"<rss/>", {"ETag": '"v1"', "Last-Modified": "Wed, 10 Nov 2021 09:00:00 GMT"})

    server.routes["/feed"] = etagged
    fetcher, _ = make_fetcher()
    first = fetcher.get(server.url("/feed"))
    assert first.etag == '"v1"' and first.last_modified
    second = fetcher.get(server.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.body == b""
    assert server.requests[-1][1]["if-modified-since"] == first.last_modified


def test_dead_host_is_a_connect_error():
    fetcher, _ = make_fetcher(retries=1)
    srv = LocalServer()
    url = srv.url("/gone")
    srv.close()
    with pytest.raises(FetchError) as err:
        fetcher.get(url, check_robots=False)
    assert err.value.kind == "connect"


def test_rate_limiter_spaces_requests_per_host():
    sleeps: list[float] = []
    limiter = HostRateLimiter(sleep=sleeps.append)
    limiter.wait("a", 1.0)
    limiter.wait("a", 1.0)
    limiter.wait("b", 1.0)
    assert len(sleeps) == 1 and 0.9 < sleeps[0] <= 1.0


def test_retry_after_parsing():
    assert parse_retry_after("120") == 120
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


def test_crawl_delay_spaces_requests(server):
    server.routes["/robots.txt"] = robots_txt("Crawl-delay: 5")
    server.routes["/a"] = Route(200, b"a", HTML)
    fetcher, sleeps = make_fetcher()
    fetcher.get(server.url("/a"))
    fetcher.get(server.url("/a"))
    assert len(sleeps) == 1 and 4.0 < sleeps[0] <= 5.0
