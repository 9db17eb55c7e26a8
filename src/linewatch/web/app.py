"""The FastAPI application: dashboard pages, JSON API, static files, security headers.

    from linewatch.web.app import create_app
    app = create_app(store, settings)

Everything ingested is hostile: templates autoescape, chart data travels as
escaped JSON, the CSP forbids inline scripts, and errors are one line.
"""
from __future__ import annotations

import gc
import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment
from starlette.exceptions import HTTPException as StarletteHTTPException

from linewatch.actors.registry import actor_registry
from linewatch.errors import LinewatchError, StoreError
from linewatch.store.protocol import Store
from linewatch.web import api, pages, viewhelpers
from linewatch.web.export import load_parquet
from linewatch.web.sessions import Sessions
from linewatch.web.settings import WebSettings

HERE = Path(__file__).resolve().parent
log = logging.getLogger("linewatch.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: with no-referrer browsers post forms with "Origin: null", and the
    # CSRF check needs the real origin; other sites still get no referrer
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def make_templates() -> Environment:
    """The dashboard's templates (`viewhelpers.template_env`) with its globals and filters."""
    env = viewhelpers.template_env(HERE / "templates")
    env.globals.update(viewhelpers.GLOBALS)
    env.filters.update(viewhelpers.FILTERS)
    return env


def create_app(store: Store, settings: WebSettings | None = None, narrative_labels: dict[str, str] | None = None) -> FastAPI:
    """The app over an open store; narrative_labels maps taxonomy ids to readable labels."""
    settings = settings or WebSettings()
    labels = dict(narrative_labels or {})
    app = FastAPI(
        title="linewatch API",
        version="0.1",
        description="Statements, events, actors, narratives and scenarios, every item linked to its source sentence.",
        docs_url=None,  # the Swagger UI would load from a CDN; /api/docs is a local page instead
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.sessions = Sessions()
    # The actor registry (a name in any spelling: search, actor pages, the correction picker) is
    # read when the server starts (~0.25 s), not on the analyst's first click; so are its title
    # patterns in every language, which a search term or an actor name is resolved through
    actor_registry().load_languages()
    app.state.templates.globals["nlabel"] = lambda nid: labels.get(nid, nid)
    # likewise every template is compiled (~60 ms for a page and its includes) and pyarrow loaded
    for name in app.state.templates.list_templates(filter_func=lambda n: n.endswith(".html")):
        app.state.templates.get_template(name)
    load_parquet()

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if _control_chars(request.scope.get("path", "")):
            # no id or name contains a NUL or control character: not found, before any database sees it
            resp: Any = error_response(request, 404, "not found")
        elif _control_chars(unquote(request.scope.get("query_string", b"").decode("latin-1"))):
            resp = error_response(request, 422, "a query parameter contains a control character")
        elif request.method in ("POST", "PUT", "PATCH") and length is None:
            # a body without a declared length could be unbounded: refuse before reading it
            resp = PlainTextResponse("a request body needs a Content-Length", status_code=411)
        elif length and (not length.isdigit() or int(length) > settings.max_post_bytes):
            resp = PlainTextResponse("request body too large", status_code=413)
        else:
            resp = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            resp.headers.setdefault(k, v)
        return resp

    @app.exception_handler(LinewatchError)
    async def user_error(request: Request, exc: LinewatchError) -> Any:
        if isinstance(exc, StoreError):
            # the message names the database, its user, host and the SQL: the log gets it, the page does not
            log.error("%s", exc)
            return error_response(request, 500, "database error (details are in the server log)")
        return error_response(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Any:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__})")


    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    # FastAPI prepares included routes (parameter models, validators) on the first request that
    # walks them, 100-200 ms; building the API schema now walks every route at start instead
    app.openapi()
    return app


def freeze_start_up_objects() -> None:
    """Take what start-up loaded out of the collector's view; once per server process, after `create_app`
    (not in it: tests and tools build many apps in one process, and each freeze would keep the last
    one's garbage for good).

    What start-up loaded (modules, compiled templates, the actor registry, pyarrow: ~250,000
    objects) lives as long as the server. Left in the collector's view, the first full
    collection walks all of it, 250-400 ms on whichever request triggers it (the process's
    first click after a restart, as it happened); frozen, a full collection walks only what
    requests made since."""
    gc.collect()
    gc.freeze()


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _control_chars(text: str) -> bool:
    return bool(_CONTROL.search(text))


def error_response(request: Request, status: int, message: str) -> Any:
    """JSON for /api/, a small HTML page otherwise; always one line, never a traceback."""
    message = " ".join(message.split())[:300]
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    env: Environment = request.app.state.templates
    html = env.get_template("error.html").render(status=status, message=message, request=request, nav=None)
    return HTMLResponse(html, status_code=status)
