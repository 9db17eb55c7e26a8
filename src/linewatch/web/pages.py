"""Server-rendered dashboard pages (Jinja2, autoescaped)."""
from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from linewatch.actors.registry import actor_registry
from linewatch.analyze.scenarios.board import scenario_board
from linewatch.analyze.stance.shifts import dismiss_shift, reviewed_shifts
from linewatch.errors import InputError
from linewatch.store.protocol import Store
from linewatch.store.queries import charts, records
from linewatch.store.queries import overview as overview_q
from linewatch.store.queries.alerts import recent_alerts
from linewatch.store.queries.corrections import add_corrections, correction_history
from linewatch.store.queries.filters import ItemFilter, page_bounds
from linewatch.web.actors import actor_profile, list_actors
from linewatch.web.auth import page_reader_ok
from linewatch.web.highlight import Highlight, event_highlights, mark_text, statement_highlights
from linewatch.web.sessions import (
    SESSION_COOKIE,
    SESSION_SECONDS,
    check_form,
    client_address,
    sessions_of,
    signed_in,
)
from linewatch.web.viewhelpers import json_for_script

router = APIRouter(include_in_schema=False)
SHIFTS_SHOWN = 200  # the newest stance shifts listed (their evidence is read for these only)
MAX_DOC_CHARS = 400_000  # a longer text is shown cut (offsets beyond are still in the API)


def render(request: Request, template: str, nav: str | None, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    env = request.app.state.templates
    ctx.setdefault("csrf", sessions_of(request).csrf_for(request))  # every form carries it
    html = env.get_template(template).render(request=request, nav=nav, **ctx)
    return HTMLResponse(html, status_code=status_code)


def reader_page(page: Callable[..., Response]) -> Callable[..., Response]:
    """A page behind the read token: a reader without it is sent to /login."""
    @functools.wraps(page)  # FastAPI reads the page's own parameters through the wrapper
    def guarded(request: Request, *args: Any, **kwargs: Any) -> Response:
        if not page_reader_ok(request):
            return RedirectResponse("/login", status_code=303)
        return page(request, *args, **kwargs)
    return guarded


def _filter(request: Request) -> ItemFilter:
    return ItemFilter.from_params(request.query_params)


def _store(request: Request) -> Any:
    return request.app.state.store


# ----------------------------------------------------------------------------- overview


@router.get("/", response_class=HTMLResponse)
@reader_page
def overview(request: Request) -> Response:
    store = _store(request)
    latest = records.latest_day(store)
    since = request.query_params.get("since") or None
    if since:
        since = ItemFilter.from_params({"date_from": since}).date_from
    elif latest:
        since = (date.fromisoformat(latest) - timedelta(days=7)).isoformat()
    counts = overview_q.counts_since(store, since)
    events, _ = records.list_events(store, ItemFilter(date_from=since), limit=10)
    return render(
        request,
        "overview.html",
        "overview",
        since=since,
        latest=latest,
        counts=counts,
        notable=records.notable_statements(store, since, limit=12),
        events=events,
        alerts=recent_alerts(store, 20),
        sources=overview_q.source_states(store, 50),
    )


# ----------------------------------------------------------------------------- timeline


@router.get("/timeline", response_class=HTMLResponse)
@reader_page
def timeline(request: Request) -> Response:
    store = _store(request)
    f = _filter(request)
    page, limit, offset = page_bounds(request.query_params.get("page"))
    kind = request.query_params.get("kind") or "all"
    if kind not in ("all", "statements", "events"):
        raise InputError("kind must be all, statements or events", where="kind")
    items: list[dict[str, Any]] = []
    more = False
    if kind in ("all", "statements"):
        st, more_s = records.list_statements(store, f, limit, offset)
        items += [dict(x, item_kind="statement") for x in st]
        more = more or more_s
    events_apply = kind in ("all", "events") and not (f.stance or f.narrative)
    if events_apply:
        ev, more_e = records.list_events(store, f, limit, offset)
        items += [dict(x, item_kind="event") for x in ev]
        more = more or more_e
    items.sort(key=lambda x: (x.get("date") or "", x["id"]), reverse=True)
    chart = {
        "statements": charts.statement_counts_by_actor(store, f),
        "events": charts.event_counts_by_type(store, f) if events_apply else None,
    }
    return render(
        request, "timeline.html", "timeline", f=f, params=f.as_params() | ({"kind": kind} if kind != "all" else {}),
        kind=kind, items=items, page=page, more=more, facets=records.facets(store), chart=json_for_script(chart),
    )


# ----------------------------------------------------------------------------- statements


def _list_page(request: Request, template: str, nav: str, lister: Callable[..., tuple[Any, ...]]) -> Response:
    """A filtered, paged list page (statements, documents) with the filter form's facets; `lister`
    returns (rows, more) and may add what the page shows besides (the statements' total)."""
    store = _store(request)
    f = _filter(request)
    page, limit, offset = page_bounds(request.query_params.get("page"))
    rows, more, *extra = lister(store, f, limit, offset)
    totals = dict(zip(("total", "capped"), extra))
    return render(request, template, nav, f=f, params=f.as_params(), rows=rows, page=page, more=more,
                  facets=records.facets(store), first=offset + 1, **totals)


@router.get("/statements", response_class=HTMLResponse)
@reader_page
def statements(request: Request) -> Response:
    return _list_page(request, "statements.html", "statements", records.statement_page)


def _doc_view(store: Store, doc_id: str, highlights: list[Any]) -> dict[str, Any]:
    doc = records.get_document(store, doc_id)
    if doc is None:
        raise InputError("document not found", where=doc_id[:40])
    text = doc["text"] or ""
    cut = len(text) > MAX_DOC_CHARS
    if cut:
        text = text[:MAX_DOC_CHARS]
    # the header block ("TITLE: …", "URL: …") is shown apart, as the document's metadata, not article text
    header = [Highlight(0, doc["header_end"], "header")] if doc.get("header_end") else []
    return {"doc": doc, "marked": mark_text(text, header + list(highlights)), "cut": cut}


def _correcting(request: Request, kind: str, item_id: str) -> dict[str, Any]:
    """What the correction form needs: its history, whether writing is on, and the registry's names to pick from."""
    return {"kind": kind, "history": correction_history(_store(request), kind, item_id),
            "saved": request.query_params.get("saved"), "writes": request.app.state.settings.writes_enabled,
            "has_cookie": signed_in(request), "actor_names": registry_names()}


@functools.cache
def registry_names() -> list[str]:
    """Canonical names of the registry's actors, for the correction form's picker."""
    return sorted({a.name for a in actor_registry().all()})


@router.get("/statement/{statement_id}", response_class=HTMLResponse)
@reader_page
def statement_page(request: Request, statement_id: str) -> Response:
    store = _store(request)
    st = records.get_statement(store, statement_id[:64])
    if st is None:
        return render(request, "error.html", None, status_code=404, status=404, message="statement not found")
    view = _doc_view(store, st["doc_id"], statement_highlights(st))
    return render(request, "statement.html", "statements", st=st, **_correcting(request, "statement", st["id"]), **view)


@router.get("/event/{event_id}", response_class=HTMLResponse)
@reader_page
def event_page(request: Request, event_id: str) -> Response:
    store = _store(request)
    ev = records.get_event(store, event_id[:64])
    if ev is None:
        return render(request, "error.html", None, status_code=404, status=404, message="event not found")
    view = _doc_view(store, ev["doc_id"], event_highlights(ev))
    return render(request, "event.html", "timeline", ev=ev, **_correcting(request, "event", ev["id"]), **view)


def _require_token(request: Request, form: Any) -> bool:
    """A form post from this origin with its CSRF token, by a signed-in analyst or with the token
    typed in the form; one-line error otherwise. True when a session must be opened for it."""
    check_form(request, form)
    settings = request.app.state.settings
    session = signed_in(request)
    if not (settings.writes_enabled and (session or settings.token_ok(str(form.get("token") or "")))):
        raise InputError(
            "a valid API token is needed to save corrections (set [web] api_tokens or LINEWATCH_API_TOKEN)",
            where="correction",
        )
    return not session


@router.post("/correct/{kind}/{item_id}")
async def correct(request: Request, kind: str, item_id: str) -> Response:
    """The correction form: needs a configured token (typed once, then kept in a strict cookie)."""
    store = _store(request)
    form = await request.form()
    new_session = _require_token(request, form)
    if kind == "statement":
        item = records.get_statement(store, item_id[:64])
    elif kind == "event":
        item = records.get_event(store, item_id[:64])
    else:
        raise InputError("unknown item kind", where=kind[:20])
    if item is None:
        raise InputError("item not found", where=item_id[:40])
    changes: dict[str, Any] = {}
    for field in ("speaker", "source", "date", "target", "stance", "narratives"):
        if field in form:
            value = str(form.get(field) or "")
            current = item.get(field)
            if field == "narratives":
                if [x.strip() for x in value.split(",") if x.strip()] != (current or []):
                    changes[field] = value
            elif value.strip() != ("" if current is None else str(current)):
                changes[field] = value
    wrong = "true" if form.get("wrong") else "false"
    if wrong != ("true" if item.get("wrong") else "false"):
        changes["wrong"] = wrong
    add_corrections(store, kind, item, changes, str(form.get("author") or "analyst"), str(form.get("note") or ""))
    resp = RedirectResponse(f"/{kind}/{item['id']}?saved=1", status_code=303)
    if new_session:  # the token typed once opens a session; the cookie holds its id, not the token
        _start_session(request, resp)
    return resp


@router.get("/shifts", response_class=HTMLResponse)
@reader_page
def shifts(request: Request) -> Response:
    """Stance shifts with the statements on each side; an analyst dismisses a false one."""
    show_all = request.query_params.get("all") == "1"
    rows = reviewed_shifts(_store(request), include_dismissed=show_all, newest=SHIFTS_SHOWN)
    return render(request, "shifts.html", "shifts", shifts=rows[::-1], show_all=show_all,
                  writes=request.app.state.settings.writes_enabled, has_cookie=signed_in(request))


@router.post("/shifts/{shift}/dismiss")
async def dismiss(request: Request, shift: str) -> Response:
    form = await request.form()
    new_session = _require_token(request, form)
    dismiss_shift(_store(request), shift[:64], str(form.get("author") or "analyst"), str(form.get("note") or ""),
                  undo=bool(form.get("undo")))
    resp = RedirectResponse("/shifts?saved=1", status_code=303)
    if new_session:  # the token typed once opens a session; the cookie holds its id, not the token
        _start_session(request, resp)
    return resp


def _start_session(request: Request, resp: Response) -> None:
    resp.set_cookie(SESSION_COOKIE, sessions_of(request).open(), httponly=True, samesite="strict",
                    max_age=SESSION_SECONDS, secure=request.url.scheme == "https")


@router.get("/documents", response_class=HTMLResponse)
@reader_page
def documents(request: Request) -> Response:
    """Search the documents themselves (titles and full text), in any word form."""
    return _list_page(request, "documents.html", "documents", records.list_documents)


@router.get("/document/{doc_id}", response_class=HTMLResponse)
@reader_page
def document_page(request: Request, doc_id: str) -> Response:
    store = _store(request)
    st, ev = records.document_items(store, doc_id[:64])
    hl = [h for s in st for h in statement_highlights(s, anchor=None)] + [h for e in ev for h in event_highlights(e, anchor=None)]
    view = _doc_view(store, doc_id[:64], hl)
    return render(request, "document.html", None, statements=st, events=ev, **view)


# ----------------------------------------------------------------------------- actors


@router.get("/actors", response_class=HTMLResponse)
@reader_page
def actors(request: Request) -> Response:
    store = _store(request)
    return render(request, "actors.html", "actors", actors=list_actors(store))


@router.get("/actor/{key}", response_class=HTMLResponse)
@reader_page
def actor_page(request: Request, key: str) -> Response:
    store = _store(request)
    page, limit, offset = page_bounds(request.query_params.get("page"))
    profile = actor_profile(store, key[:200])
    f = ItemFilter(actor=profile["name"])
    rows, more = records.list_statements(store, f, limit, offset)
    if not rows and profile.get("id") and profile["id"] != profile["name"]:
        rows, more = records.list_statements(store, ItemFilter(actor=profile["id"]), limit, offset)
    stance = charts.actor_stance_over_time(store, profile["name"])
    return render(
        request, "actor.html", "actors", actor=profile, rows=rows, page=page, more=more, params={},
        narratives=charts.actor_narratives(store, profile["name"]), chart=json_for_script({"stance": stance}),
    )


# ----------------------------------------------------------------------------- analysis pages


def _chart_page(request: Request, name: str, f: ItemFilter, data: Any, chart: dict[str, Any], **ctx: Any) -> Response:
    """A filtered analysis page: its template `<name>.html`, the filter form and one chart's data."""
    return render(request, f"{name}.html", name, f=f, params=f.as_params(), data=data,
                  facets=records.facets(_store(request)), chart=json_for_script(chart), **ctx)


@router.get("/stance", response_class=HTMLResponse)
@reader_page
def stance_page(request: Request) -> Response:
    store, f = _store(request), _filter(request)
    data = charts.stance_matrix_data(store, f)
    return _chart_page(request, "stance", f, data, {"matrix": data})


@router.get("/narratives", response_class=HTMLResponse)
@reader_page
def narratives_page(request: Request) -> Response:
    store, f = _store(request), _filter(request)
    data = charts.narrative_trends(store, f)
    carriers, rebutters = charts.narrative_speakers(store, [r["name"] for r in data["rising"][:8]], data["from"], data["to"], 5)
    label = request.app.state.templates.globals["nlabel"]
    shown = {**data, "series": [{**x, "name": label(x["name"])} for x in data["series"]]}
    return _chart_page(request, "narratives", f, data, {"trends": shown}, carriers=carriers, rebutters=rebutters)


@router.get("/network", response_class=HTMLResponse)
@reader_page
def network_page(request: Request) -> Response:
    store, f = _store(request), _filter(request)
    data = charts.accusation_network(store, f)
    return _chart_page(request, "network", f, data, {"network": data})


@router.get("/scenarios", response_class=HTMLResponse)
@reader_page
def scenarios_page(request: Request) -> Response:
    store = _store(request)
    chosen = request.query_params.get("set")
    board = scenario_board(store, chosen[:100] if chosen else None)
    return render(request, "scenarios.html", "scenarios", board=board,
                  chart=json_for_script({"history": board["history"]}))


# ----------------------------------------------------------------------------- login + API docs


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return render(request, "login.html", None, failed=False)


@router.post("/login")
async def login(request: Request) -> Response:
    sessions, client = sessions_of(request), client_address(request)
    if not sessions.login_allowed(client):
        resp = render(request, "login.html", None, status_code=429, failed=True, throttled=True)
        resp.headers["Retry-After"] = "60"
        return resp
    form = await request.form()
    check_form(request, form)
    token = str(form.get("token") or "")
    if not request.app.state.settings.token_ok(token):
        sessions.login_failed(client)
        return render(request, "login.html", None, status_code=401, failed=True)
    resp = RedirectResponse("/", status_code=303)
    _start_session(request, resp)
    return resp


def schema_text(schema: dict[str, Any]) -> str:
    """A parameter's OpenAPI schema in a few whole words ("string, at most 200 characters", "one of: a, b")."""
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if options:
        schema = {**options[0], **{k: v for k, v in schema.items() if k not in ("anyOf", "title")}}
    if "enum" in schema:
        return "one of: " + ", ".join(str(v) for v in schema["enum"])
    words = [str(schema.get("type", "any"))]
    if "maxLength" in schema:
        words.append(f"at most {schema['maxLength']} characters")
    for key, say in (("minimum", "≥"), ("maximum", "≤")):
        if key in schema:
            words.append(f"{say} {schema[key]}")
    if schema.get("default") is not None:
        words.append(f"default {schema['default']}")
    return ", ".join(words)


@router.get("/docs", include_in_schema=False)
def docs_redirect() -> Response:
    """/docs is where FastAPI apps usually keep their API docs; linewatch's are at /api/docs."""
    return RedirectResponse("/api/docs", status_code=307)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                 "schema": schema_text(p.get("schema", {})), "description": p.get("description", "")}
                for p in op.get("parameters", [])
            ]
            endpoints.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params})
    return render(request, "api_docs.html", "api", endpoints=endpoints, read_token=request.app.state.settings.read_requires_token)
