"""Dashboard sessions, CSRF tokens, same-origin checks and the /login rate limit.

Why: the dashboard used to keep the raw API token in its cookie, and its forms had
no CSRF token, so a page on another port of the same host (same site, so even a
SameSite=Strict cookie goes along) could post a correction. Now:

* signing in (or typing the token into a correction form) opens a server-side
  session; the cookie holds a random session id, never the API token;
* every form carries a CSRF token bound to the session (an HMAC with a secret of
  this process), checked on every form POST;
* a form POST whose Origin (or, failing that, Referer) is not this server's own
  origin is refused;
* /login allows LOGIN_ATTEMPTS failed tries per client address per LOGIN_WINDOW
  seconds, then answers 429.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

SESSION_COOKIE = "lw_session"
CSRF_FIELD = "csrf"
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 10_000
LOGIN_ATTEMPTS = 10  # failed sign-ins per client address per window
LOGIN_WINDOW = 60.0  # seconds
LOGIN_CLIENTS = 10_000  # client addresses remembered


@dataclass
class Sessions:
    """Signed-in sessions of one running app (in memory: a restart signs everyone out)."""

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    _open: OrderedDict[str, float] = field(default_factory=OrderedDict)  # session id -> expiry
    _failures: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def open(self) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._open[sid] = time.time() + SESSION_SECONDS
            while len(self._open) > MAX_SESSIONS:
                self._open.popitem(last=False)
        return sid

    def valid(self, sid: str | None) -> bool:
        if not sid:
            return False
        with self._lock:
            expiry = self._open.get(sid)
            if expiry is None:
                return False
            if expiry < time.time():
                del self._open[sid]
                return False
        return True

    def csrf_for(self, request: Request) -> str:
        """The CSRF token of this browser: bound to its session, or to 'anonymous' before one."""
        sid = request.cookies.get(SESSION_COOKIE)
        key = sid if self.valid(sid) else "anonymous"
        return hmac.new(self.secret, key.encode(), hashlib.sha256).hexdigest()[:40]

    # -- /login throttling
    def login_allowed(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tries = self._failures.get(client)
            if tries is None:
                return True
            while tries and tries[0] < now - LOGIN_WINDOW:
                tries.popleft()
            return len(tries) < LOGIN_ATTEMPTS

    def login_failed(self, client: str) -> None:
        with self._lock:
            tries = self._failures.setdefault(client, deque())
            self._failures.move_to_end(client)
            tries.append(time.monotonic())
            while len(self._failures) > LOGIN_CLIENTS:
                self._failures.popitem(last=False)


def sessions_of(request: Request) -> Sessions:
    return request.app.state.sessions


def signed_in(request: Request) -> bool:
    return sessions_of(request).valid(request.cookies.get(SESSION_COOKIE))


def same_origin(request: Request) -> bool:
    """The request comes from a page of this server (Origin, else Referer; neither: not a browser form)."""
    # host and port are compared, not the scheme: behind a TLS proxy the page is https while the
    # app sees http; another port (or host) is another origin either way
    own = request.headers.get("host", "").lower()
    origin = request.headers.get("origin")
    if origin is not None:
        return urlsplit(origin).netloc.lower() == own
    referer = request.headers.get("referer")
    if referer:
        return urlsplit(referer).netloc.lower() == own
    return True


def check_form(request: Request, form: dict) -> None:
    """Refuse a form POST from another origin or without this browser's CSRF token."""
    if not same_origin(request):
        raise HTTPException(403, "form posted from another site or port: refused")
    supplied = str(form.get(CSRF_FIELD) or "")
    if not hmac.compare_digest(supplied, sessions_of(request).csrf_for(request)):
        raise HTTPException(403, "missing or stale form token: reload the page and try again")


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
