"""The one safe HTTP client every connector uses.

Why one client: the rules that keep a monitoring tool from being turned against
its own network (only http/https, no private/loopback/link-local/multicast/
reserved addresses unless allowed, redirects re-checked hop by hop), the rules
that keep it polite (robots.txt, per-host rate limits, a clear User-Agent,
conditional requests) and the rules that keep it alive on hostile servers
(timeouts, size limits, bounded retries honouring Retry-After) live here once.

The address check is done twice: before the request (for a clear error) and
again in the connection itself (a network backend that connects only to the
address it checked), so a host name that resolves to a public address for the
check and to 127.0.0.1 for the connection (DNS rebinding) is still refused.
"""
from __future__ import annotations

import email.utils
import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from linewatch.errors import FetchError, InputError
from linewatch.sources.robots import RobotsCache

if TYPE_CHECKING:  # pragma: no cover
    from linewatch.sources.archive import WarcArchive

USER_AGENT = "linewatch/0.1 (open-source monitoring of public statements; respects robots.txt)"
ALLOWED_SCHEMES = ("http", "https")
HOST_NAME = re.compile(r"(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.?")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay above this is treated as this
# Only encodings we can inflate piece by piece under a size limit; brotli and zstd are not asked for.
ACCEPT_ENCODING = "gzip, deflate"
INFLATE_STEP = 65536  # bytes of decompressed output produced at a time
CANCEL_CHECK = 1.0  # seconds: a blocked read looks this often whether the fetch was cancelled

# The wall-clock deadline of the fetch running in this thread (headers, body, retries and
# redirects together), read by every socket read and write of the connection.
_deadline = threading.local()


@dataclass
class FetchLimits:
    """Bounds for one request. Every number is an upper bound on what a server can make us do."""

    max_bytes: int = 10_000_000
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # a server dripping one byte a second is cut here
    max_redirects: int = 5
    retries: int = 2  # extra attempts after the first on 429 / 5xx / timeout / connect error
    backoff_base: float = 1.0  # seconds, doubled per attempt
    max_retry_wait: float = 10.0  # never sleep longer inside one fetch; longer Retry-After -> error
    min_interval: float = 1.0  # seconds between two requests to the same host


@dataclass
class FetchResult:
    url: str  # final URL after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    requested_url: str
    redirects: list[str] = field(default_factory=list)
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    elapsed: float = 0.0
    http_version: str = "HTTP/1.1"
    warc: dict[str, Any] | None = None  # {"file":..., "record_id":..., "offset":...} once archived

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def encoding(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


# --------------------------------------------------------------------------- address checks


# Cloud metadata services: never reachable, whatever allow_private says (they hand out credentials).
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254",
))
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_V4_COMPATIBLE = ipaddress.ip_network("::/96")


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries: mapped, 6to4, Teredo, NAT64, IPv4-compatible."""
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]  # the client's address
    if any(addr in net for net in _NAT64) or (addr in _V4_COMPATIBLE and int(addr) > 1):
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def _ip(ip: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return None


def address_problem(ip: str) -> str | None:
    """Why connecting to this IP address is refused by default, or None if it is public."""
    addr = _ip(ip)
    if addr is None:
        return f"not an IP address: {ip!r}"
    if isinstance(addr, ipaddress.IPv6Address):
        inner = _embedded_ipv4(addr)
        if inner is not None:
            problem = address_problem(str(inner))
            return f"{problem} (inside {addr})" if problem else None
    for attr, label in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(addr, attr):
            return f"{label} address {addr}"
    if not addr.is_global:
        return f"non-public address {addr}"
    return None


def _is_metadata(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    inner = _embedded_ipv4(addr) if isinstance(addr, ipaddress.IPv6Address) else None
    return addr in METADATA_ADDRESSES or inner in METADATA_ADDRESSES


@dataclass(frozen=True)
class Allowance:
    """Private addresses allowed besides public ones: by network, or for named hosts only."""

    networks: tuple[Any, ...] = ()
    hosts: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.networks or self.hosts)


def allowance(value: Any) -> Any:
    """Normalise allow_private: True (every address but metadata services), or an Allowance.

    A list names what is allowed: networks ("127.0.0.0/8", "10.1.0.0/16") or host names
    ("intranet.example.org", whose private addresses are then allowed, and nobody else's).
    A test server on 127.0.0.1 can be reached while a redirect from it to 10.0.0.1 or
    169.254.169.254 is still refused.
    """
    if value is True:
        return True
    if not value:
        return Allowance()
    if isinstance(value, Allowance):
        return value
    if isinstance(value, str):
        value = [value]
    networks, hosts = set(), set()
    for v in value:
        text = str(v).strip()
        try:
            networks.add(ipaddress.ip_network(text, strict=False))
        except ValueError:
            if not HOST_NAME.fullmatch(text):
                raise InputError(f"not an address, network or host name: {text!r}", where="allow_private") from None
            hosts.add(text.lower().rstrip("."))
    return Allowance(tuple(sorted(networks, key=str)), frozenset(hosts))


def refused_reason(ip: str, allowed: Any, host: str | None = None) -> str | None:
    """Why ip (which `host` resolved to) may not be connected to under this allowance, or None."""
    addr = _ip(ip)
    if addr is not None and _is_metadata(addr):
        return f"cloud metadata address {addr} (never allowed)"
    if allowed is True:
        return None
    problem = address_problem(ip)
    if problem and allowed and addr is not None:
        if host and host.lower().rstrip(".") in allowed.hosts:
            return None
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
            addr = addr.ipv4_mapped
        if any(addr.version == net.version and addr in net for net in allowed.networks):
            return None
    return problem


def resolve(host: str, port: int) -> list[str]:
    """All addresses a host name resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OSError(f"cannot resolve host {host!r}: {exc}") from exc
    seen: list[str] = []
    for info in infos:
        ip = str(info[4][0])
        if ip not in seen:
            seen.append(ip)
    return seen


class AddressRefused(OSError):
    """Raised inside the connection when the resolved address is not allowed."""


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose reads and writes never outlast the current fetch's deadline.

    httpx's read timeout restarts with every byte, so a server sending one header line
    every few seconds kept a fetch alive for ever; here each read waits at most until the
    deadline (and at most CANCEL_CHECK at a time, so a stop request is seen)."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    @staticmethod
    def _budget(timeout: float | None, error: type[Exception]) -> float | None:
        cancel = getattr(_deadline, "cancel", None)
        if cancel is not None and cancel.is_set():
            raise error("fetch cancelled")
        at = getattr(_deadline, "at", None)
        if at is None:
            return timeout
        left = at - time.monotonic()
        if left <= 0:
            raise error("deadline passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        started = time.monotonic()
        while True:
            budget = self._budget(None if timeout is None else timeout - (time.monotonic() - started),
                                  httpcore.ReadTimeout)
            step = CANCEL_CHECK if budget is None else min(budget, CANCEL_CHECK)
            try:
                return self._inner.read(max_bytes, timeout=max(step, 0.001))
            except httpcore.ReadTimeout:
                if budget is not None and step >= budget:
                    raise
                # not yet at the read timeout or the deadline: look at cancel and wait again

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout=self._budget(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname,
                                                     self._budget(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _CheckedBackend(httpcore.NetworkBackend):
    """httpcore network backend that connects only to checked, allowed addresses."""

    def __init__(self, allowed: Any) -> None:
        self.allowed = allowed
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        last: Exception | None = None
        for ip in resolve(host, port):
            problem = refused_reason(ip, self.allowed, host)
            if problem:
                last = AddressRefused(f"{host} resolves to a {problem}")
                continue
            try:
                # Connect to the address we checked, not to the name (no second lookup).
                return _DeadlineStream(self._inner.connect_tcp(
                    ip, port, timeout=_DeadlineStream._budget(timeout, httpcore.ConnectTimeout),
                    local_address=local_address, socket_options=socket_options))
            except httpcore.ConnectError as exc:
                last = exc
        if last is None:
            raise httpcore.ConnectError(f"no address for {host}")
        raise last

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
        raise AddressRefused("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def check_url(url: str, allow_private: Any) -> tuple[str, int]:
    """Refuse URLs that are not http(s) or that point at non-public addresses. Returns (host, port)."""
    if len(url) > 4096:
        raise FetchError(url[:80] + "...", "scheme", "URL longer than 4096 characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, "scheme", f"malformed URL: {exc}") from exc
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(url, "scheme", f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}")
    host = parts.hostname
    if not host:
        raise FetchError(url, "scheme", "URL has no host")
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    allowed = allowance(allow_private)
    try:
        ips = resolve(host, port)
    except OSError as exc:
        raise FetchError(url, "connect", str(exc)) from exc
    for ip in ips:
        problem = refused_reason(ip, allowed, host)
        if problem:
            raise FetchError(
                url, "address",
                f"refused: {host} resolves to a {problem} (allow it per source with allow_private "
                "or --allow-private-addresses)",
            )
    return host, port


# --------------------------------------------------------------------------- rate limiting


class HostRateLimiter:
    """At most one request per `interval` seconds to each host (thread-safe)."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep) -> None:
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._sleep = sleep

    def wait(self, host: str, interval: float) -> None:
        if interval <= 0:
            return
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(host, 0.0))
            self._next[host] = at + interval
        if at > now:
            self._sleep(at - now)


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds (it may be a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# --------------------------------------------------------------------------- the client


class Fetcher:
    """Safe, polite, bounded HTTP GET. One per process (or per watch run) so state is shared.

    allow_private: default for every request (a source may override per request): False, True,
    or a list of networks ("127.0.0.0/8") allowed besides public addresses.
    archive: when given, every 200 response body is written to WARC and `result.warc` is set.
    """

    def __init__(
        self,
        *,
        allow_private: Any = False,
        limits: FetchLimits | None = None,
        user_agent: str = USER_AGENT,
        respect_robots: bool = True,
        archive: WarcArchive | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.allow_private = allow_private
        self.limits = limits or FetchLimits()
        self.user_agent = user_agent
        self.respect_robots = respect_robots
        self.archive = archive
        self._sleep = sleep
        self.rate = HostRateLimiter(sleep)
        self._clients: dict[Any, httpx.Client] = {}
        self._robots: Any = None
        self.requests_made = 0
        self.cancel = threading.Event()  # set to abort fetches in flight (watch stopping)

    # -- lifecycle
    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _client(self, allow_private: Any) -> httpx.Client:
        allowed = allowance(allow_private)
        client = self._clients.get(allowed)
        if client is None:
            transport = httpx.HTTPTransport(retries=0)
            pool = getattr(transport, "_pool", None)
            if pool is not None and hasattr(pool, "_network_backend"):
                pool._network_backend = _CheckedBackend(allowed)
            client = httpx.Client(
                transport=transport,
                follow_redirects=False,  # we follow them ourselves, re-checking each hop
                trust_env=False,  # a proxy from the environment would bypass the address check
                headers={"User-Agent": self.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            )
            self._clients[allowed] = client
        return client

    @property
    def robots(self) -> Any:
        if self._robots is None:
            self._robots = RobotsCache(self)
        return self._robots

    # -- public API
    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow_private: Any = None,
        max_bytes: int | None = None,
        accept: str | None = None,
        check_robots: bool = True,
        archive: bool = True,
    ) -> FetchResult:
        """GET url following redirects safely; 304 is returned as a result (not_modified).

        Raises FetchError for refused URLs, robots disallow, timeouts, connection
        failures, HTTP errors (>= 400 after retries) and bodies over max_bytes.
        """
        allow = self.allow_private if allow_private is None else allow_private
        limit = self.limits.max_bytes if max_bytes is None else max_bytes
        headers: dict[str, str] = {}
        if accept:
            headers["Accept"] = accept
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        start = time.monotonic()
        # One deadline for the whole fetch: headers, body, retries and redirects (a nested fetch,
        # robots.txt, keeps the outer one's if it is sooner).
        outer = getattr(_deadline, "at", None)
        _deadline.at = min(start + self.limits.total_timeout, outer or float("inf"))
        _deadline.cancel = self.cancel
        try:
            return self._get_within_deadline(url, current=url, headers=headers, allow=allow, limit=limit,
                                             check_robots=check_robots, archive=archive, start=start)
        finally:
            _deadline.at = outer

    def _get_within_deadline(self, url: str, *, current: str, headers: dict[str, str], allow: Any, limit: int,
                             check_robots: bool, archive: bool, start: float) -> FetchResult:
        redirects: list[str] = []
        while True:
            host, port = check_url(current, allow)
            interval = self.limits.min_interval
            if check_robots and self.respect_robots:
                self.robots.check(current, allow_private=allow)
                delay = self.robots.crawl_delay(current, allow_private=allow)
                if delay:
                    interval = max(interval, min(delay, MAX_CRAWL_DELAY))
            result = self._get_with_retries(current, host, headers, allow, limit, interval)
            if result.status in REDIRECT_STATUSES:
                location = result.headers.get("location")
                if not location:
                    raise FetchError(current, "http", f"HTTP {result.status} redirect without a Location header",
                                     status=result.status)
                if len(redirects) >= self.limits.max_redirects:
                    raise FetchError(url, "redirects", f"more than {self.limits.max_redirects} redirects")
                redirects.append(current)
                current = urljoin(current, location.strip())
                # Validators belong to the original resource; do not send them to another one.
                headers.pop("If-None-Match", None)
                headers.pop("If-Modified-Since", None)
                continue
            break
        result.requested_url = url
        result.redirects = redirects
        result.elapsed = time.monotonic() - start
        if result.status >= 400:
            raise FetchError(current, "http", f"HTTP {result.status}", status=result.status,
                             retry_after=parse_retry_after(result.headers.get("retry-after")))
        if archive and self.archive is not None and result.status == 200:
            result.warc = self.archive.write_response(result)
        return result

    # -- internals
    def _get_with_retries(
        self, url: str, host: str, headers: dict[str, str], allow: Any, limit: int, interval: float
    ) -> FetchResult:
        attempt = 0
        while True:
            self.rate.wait(host, interval)
            try:
                result = self._get_once(url, headers, allow, limit)
            except FetchError as exc:
                if exc.kind not in ("timeout", "connect") or attempt >= self.limits.retries:
                    raise
                wait = min(self.limits.max_retry_wait, self.limits.backoff_base * 2**attempt)
                if exc.kind == "timeout" or time.monotonic() + wait >= _deadline.at:
                    raise  # a slow server gets no second full timeout: the deadline is the fetch's
                self._sleep(wait)
                attempt += 1
                continue
            if result.status not in RETRY_STATUSES or attempt >= self.limits.retries:
                return result
            wait = parse_retry_after(result.headers.get("retry-after"))
            if wait is None:
                wait = self.limits.backoff_base * 2**attempt
            if wait > self.limits.max_retry_wait or time.monotonic() + wait >= _deadline.at:
                # The server asks for a longer pause than we hold a fetch for: give up now and
                # let the caller (the watcher) schedule the next attempt after Retry-After.
                return result
            self._sleep(wait)
            attempt += 1

    def _get_once(self, url: str, headers: dict[str, str], allow: Any, limit: int) -> FetchResult:
        lim = self.limits
        timeout = httpx.Timeout(lim.read_timeout, connect=lim.connect_timeout)
        self.requests_made += 1
        try:
            with self._client(allow).stream("GET", url, headers=headers, timeout=timeout) as resp:
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit and resp.status_code < 300:
                    raise FetchError(url, "too_big", f"body of {int(declared)} bytes is over the limit of {limit}")
                chunks: list[bytes] = []
                size = 0
                inflate = _inflater(url, resp.headers.get("content-encoding", ""))
                for raw in resp.iter_raw():
                    for chunk in inflate(raw):
                        size += len(chunk)
                        if size > limit:
                            raise FetchError(url, "too_big", f"body over the limit of {limit} bytes (cut off)")
                        chunks.append(chunk)
                return FetchResult(
                    url=url,
                    status=resp.status_code,
                    headers={k.lower(): v for k, v in resp.headers.items()},
                    body=b"".join(chunks),
                    requested_url=url,
                    http_version=resp.http_version,
                )
        except AddressRefused as exc:
            raise FetchError(url, "address", f"refused: {exc}") from exc
        except httpx.TimeoutException as exc:
            if self.cancel.is_set():
                raise FetchError(url, "cancelled", "fetch cancelled (stopping)") from exc
            if time.monotonic() >= _deadline.at:
                raise FetchError(url, "timeout", f"no complete answer within {lim.total_timeout:g} s") from exc
            raise FetchError(url, "timeout", f"timed out ({type(exc).__name__})") from exc
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, OSError) as exc:
            raise FetchError(url, "connect", f"connection failed: {exc or type(exc).__name__}") from exc
        except httpx.DecodingError as exc:
            raise FetchError(url, "content", f"cannot decode the body: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, "connect", f"HTTP error: {exc}") from exc


def _inflater(url: str, content_encoding: str) -> Callable[[bytes], Iterator[bytes]]:
    """Decompress a body piece by piece, INFLATE_STEP bytes of output at a time, so the size
    limit stops a compression bomb before it is in memory. One gzip or deflate layer only:
    stacked encodings ("gzip, gzip") and ones we did not ask for are refused."""
    layers = [e.strip().lower() for e in content_encoding.split(",") if e.strip().lower() not in ("", "identity")]
    if not layers:
        return lambda raw: iter((raw,))
    if len(layers) > 1:
        raise FetchError(url, "content", f"stacked Content-Encoding refused ({content_encoding.strip()})")
    if layers[0] not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, "content", f"Content-Encoding {layers[0]!r} not supported (asked for {ACCEPT_ENCODING})")
    state: dict[str, Any] = {"d": zlib.decompressobj(zlib.MAX_WBITS | 32 if layers[0] != "deflate" else zlib.MAX_WBITS),
                             "first": layers[0] == "deflate"}

    def inflate(raw: bytes) -> Iterator[bytes]:
        d = state["d"]
        data = raw
        while data:
            try:
                out = d.decompress(data, INFLATE_STEP)
            except zlib.error as exc:
                if state["first"]:  # "deflate" sent as a raw stream, without the zlib header
                    state["d"], state["first"] = zlib.decompressobj(-zlib.MAX_WBITS), False
                    d = state["d"]
                    continue
                raise FetchError(url, "content", f"cannot decode the body: {exc}") from None
            state["first"] = False
            yield out
            if d.eof:
                return  # anything after the end of the compressed stream is not part of the body
            data = d.unconsumed_tail

    return inflate
