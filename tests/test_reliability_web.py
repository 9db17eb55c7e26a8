"""Attacks on the dashboard (issue 14): CSRF and login guessing (9), exposure without a token (10),
bad ids and leaked connection details (11), bidi controls (14). Hostile pages are simulated by
their requests' Origin; servers run on 127.0.0.1."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sample_data import populate

from linewatch.errors import StoreError
from linewatch.model import Document
from linewatch.report.render import md_escape
from linewatch.web.settings import WebSettings

TOKEN = "test-token-0123456789"
BIDI = "\u202e"


def _client(store, **settings):
    from fastapi.testclient import TestClient

    from linewatch.web.app import create_app

    return TestClient(create_app(store, WebSettings(api_tokens=[TOKEN], **settings)),
                      raise_server_exceptions=False, base_url="http://127.0.0.1:8642")


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "form without a CSRF token"
    return m.group(1)


@pytest.fixture
def web(sqlite_store):
    info = populate(sqlite_store, 40, hostile=True)
    return _client(sqlite_store), sqlite_store, info


# --------------------------------------------------------------------------- item 9


def test_session_cookie_is_not_the_token(web) -> None:
    client, _, _ = web
    r = client.post("/login", data={"token": TOKEN, "csrf": _csrf(client.get("/login").text)}, follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert TOKEN not in cookie and "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()


def test_cross_origin_correction_refused(web) -> None:
    client, store, _ = web
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    page = client.get(f"/event/{ev['id']}").text
    csrf = _csrf(page)
    # signed in (a session cookie), as an analyst's browser would be
    client.post("/login", data={"token": TOKEN, "csrf": _csrf(client.get("/login").text)})
    csrf = _csrf(client.get(f"/event/{ev['id']}").text)
    attack = {"target": "Attacker", "author": "x"}
    # a page on another port of the same host auto-posts the form: same site, other origin
    r = client.post(f"/correct/event/{ev['id']}", data={**attack, "csrf": csrf},
                    headers={"Origin": "http://127.0.0.1:9999"}, follow_redirects=False)
    assert r.status_code == 403
    # without the form's CSRF token (which another origin cannot read)
    r = client.post(f"/correct/event/{ev['id']}", data=attack, follow_redirects=False)
    assert r.status_code == 403
    r = client.post(f"/correct/event/{ev['id']}", data={**attack, "csrf": "0" * 40},
                    headers={"Referer": "http://127.0.0.1:8642/event/x"}, follow_redirects=False)
    assert r.status_code == 403
    assert client.get(f"/api/events?doc_id={ev['doc_id']}").json()["items"][0]["target"] != "Attacker"
    # the analyst's own form, from this origin, works
    r = client.post(f"/correct/event/{ev['id']}", data={"target": "Latvia", "csrf": csrf},
                    headers={"Origin": "http://127.0.0.1:8642"}, follow_redirects=False)
    assert r.status_code == 303


def test_every_post_form_carries_a_csrf_token(web) -> None:
    client, _, info = web
    for path in ("/login", f"/statement/{info.example_statement}"):
        html = client.get(path).text
        for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", html, re.S | re.I):
            assert 'name="csrf"' in form, path


def test_login_guessing_is_rate_limited(web) -> None:
    client, _, _ = web
    csrf = _csrf(client.get("/login").text)
    codes = [client.post("/login", data={"token": f"guess-{n:06d}-xxxxxxxx", "csrf": csrf}).status_code
             for n in range(300)]
    assert codes[:10] == [401] * 10 and set(codes[10:]) == {429}
    # the right token does not get through while the address is throttled
    assert client.post("/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False).status_code == 429


# --------------------------------------------------------------------------- item 10


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "COLUMNS": "200"}
    for k in ("LINEWATCH_DB", "LINEWATCH_API_TOKEN"):
        env.pop(k, None)
    return subprocess.Popen([sys.executable, "-m", "linewatch", "serve", "--db", f"sqlite:///{tmp_path / 'w.db'}",
                             "--port", str(_free_port()), *extra], cwd=tmp_path, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_non_loopback_bind_without_read_token_needs_a_flag(tmp_path: Path) -> None:
    from linewatch.store import open_store

    open_store(f"sqlite:///{tmp_path / 'w.db'}").close()
    proc = _serve(tmp_path, "--host", "0.0.0.0")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0 and "--public-without-token" in err and "Traceback" not in err
    proc = _serve(tmp_path, "--host", "0.0.0.0", "--public-without-token")
    try:
        deadline = time.monotonic() + 120
        seen = ""
        while "warning" not in seen and time.monotonic() < deadline and proc.poll() is None:
            seen += proc.stderr.readline()
        assert "warning" in seen and "not a loopback address" in seen
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


# --------------------------------------------------------------------------- item 11


ROUTES = ["/api/statements/{}", "/api/documents/{}", "/api/actors/{}", "/statement/{}", "/event/{}", "/document/{}",
          "/actor/{}"]


def test_bad_ids_are_404_and_no_error_shows_connection_details(pg_url: str, monkeypatch) -> None:
    from linewatch.store import open_store
    from linewatch.store.queries import records

    store = open_store(pg_url)
    try:
        populate(store, 10)
        client = _client(store)
        for route in ROUTES:
            for bad in ("%00", "a%00b", "%01x"):
                r = client.get(route.format(bad))
                assert r.status_code in (404, 422), (route, bad, r.status_code)
        assert client.get("/api/statements", params={"q": "a\x00b"}).status_code == 422

        def broken(*a, **kw):
            raise StoreError("database error: connection to server at \"127.0.0.1\", port 5432 failed "
                             "(in: SELECT * FROM statements)", where="postgresql://postgres@127.0.0.1:5432/lw")

        monkeypatch.setattr(records, "get_statement", broken)
        for path in ("/api/statements/abc", "/statement/abc"):
            r = client.get(path)
            assert r.status_code == 500
            for secret in ("postgres", "5432", "127.0.0.1", "SELECT"):
                assert secret not in r.text, (path, secret)
    finally:
        store.close()


# --------------------------------------------------------------------------- item 14


def test_bidi_controls_never_reach_pages_or_briefings(web) -> None:
    client, store, _ = web
    doc = Document(text=f"The ministry published invoice{BIDI}fdp.exe and said nothing more.",
                   title=f"Statement {BIDI}txt.exe", outlet=f"Wire{BIDI}", language="en")
    store.add_document(doc)
    for path in (f"/document/{doc.id}", "/documents", f"/api/documents/{doc.id}"):
        r = client.get(path)
        assert r.status_code == 200, path
        if not path.startswith("/api/"):
            assert BIDI not in r.text and "txt.exe" in r.text, path
    assert md_escape(f"a{BIDI}b\u2066c\u2069") == "abc"
