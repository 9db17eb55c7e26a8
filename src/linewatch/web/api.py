"""JSON REST API under /api/ (OpenAPI at /api/openapi.json, a local docs page at /api/docs).

Reading is open unless `[web] read_requires_token`; writing (corrections,
ingest) always needs a configured token. No endpoint takes a file path.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from linewatch.analyze.scenarios.board import scenario_board
from linewatch.errors import InputError
from linewatch.model import Document
from linewatch.store.queries import charts, records
from linewatch.store.queries.corrections import add_corrections, correction_history
from linewatch.store.queries.filters import ItemFilter, page_bounds, parse_day
from linewatch.web.actors import actor_profile, list_actors
from linewatch.web.auth import require_read, require_write
from linewatch.web.export import FORMATS, PARQUET_MISSING, export_bytes, parquet_available

router = APIRouter(prefix="/api", tags=["linewatch"])
read = [Depends(require_read)]
MAX_LIMIT = 500


class Filters:
    """Query parameters shared by list endpoints (documented in OpenAPI)."""

    def __init__(
        self,
        q: str | None = Query(None, description="search in any word form, names in any registry spelling; \"a phrase\", OR, NOT (statements: speaker and content; documents: title and text)", max_length=200),
        country: str | None = Query(None, description="speaker country, ISO 3166-1 alpha-3", max_length=10),
        actor: str | None = Query(None, description="speaker canonical name or registry id", max_length=200),
        target: str | None = Query(None, description="target of the statement (name or registry id)", max_length=200),
        stance: Literal["support", "oppose", "neutral"] | None = Query(None, description="the speaker's stance toward the target"),
        narrative: str | None = Query(None, description="narrative id from the taxonomy", max_length=200),
        plover: str | None = Query(None, description="PLOVER event or verbal-act type, e.g. ACCUSE", max_length=40),
        language: str | None = Query(None, description="document language: en, ru or pl", max_length=10),
        outlet: str | None = Query(None, description="outlet name as ingested", max_length=200),
        date_from: str | None = Query(None, description="first day, YYYY-MM-DD", max_length=10),
        date_to: str | None = Query(None, description="last day, YYYY-MM-DD", max_length=10),
        doc_id: str | None = Query(None, description="only items from this document", max_length=64),
    ) -> None:
        self.f = ItemFilter.from_params(
            {"q": q, "country": country, "actor": actor, "target": target, "stance": stance, "narrative": narrative,
             "plover": plover, "language": language, "outlet": outlet, "date_from": date_from, "date_to": date_to,
             "doc_id": doc_id}
        )


def _paging(page: int, limit: int) -> tuple[int, int, int]:
    if limit < 1 or limit > MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}", where="limit")
    return page_bounds(page, limit)


def _page(rows: list[dict[str, Any]], page: int, more: bool) -> dict[str, Any]:
    return {"page": page, "count": len(rows), "next_page": page + 1 if more else None, "items": rows}


def _listing(request: Request, lister: Callable[..., tuple[list[dict[str, Any]], bool]], filters: Filters,
             page: int, limit: int) -> dict[str, Any]:
    """One page of a filtered list (documents, statements, events)."""
    page, limit, offset = _paging(page, limit)
    rows, more = lister(request.app.state.store, filters.f, limit, offset)
    return _page(rows, page, more)


@router.get("/documents", dependencies=read, summary="Documents, newest first")
def documents(request: Request, filters: Filters = Depends(), page: int = 1, limit: int = 50) -> dict[str, Any]:
    return _listing(request, records.list_documents, filters, page, limit)


@router.get("/documents/{doc_id}", dependencies=read, summary="One document with its text, statements and events")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    store = request.app.state.store
    doc = records.get_document(store, doc_id[:64])
    if doc is None:
        raise InputError("document not found", where=doc_id[:40])
    st, ev = records.document_items(store, doc["id"])
    return {**doc, "statements": st, "events": ev}


@router.get("/statements", dependencies=read, summary="Statements (corrections applied), newest first, undated last")
def statements(request: Request, filters: Filters = Depends(), page: int = 1, limit: int = 50) -> dict[str, Any]:
    page, limit, offset = _paging(page, limit)
    rows, more, total, capped = records.statement_page(request.app.state.store, filters.f, limit, offset)
    return {"total": total, "total_capped": capped, **_page(rows, page, more)}


@router.get("/statements/{statement_id}", dependencies=read, summary="One statement with its correction history")
def statement(request: Request, statement_id: str) -> dict[str, Any]:
    store = request.app.state.store
    st = records.get_statement(store, statement_id[:64])
    if st is None:
        raise InputError("statement not found", where=statement_id[:40])
    return {**st, "history": correction_history(store, "statement", st["id"])}


@router.get("/events", dependencies=read, summary="PLOVER events, newest first")
def events(request: Request, filters: Filters = Depends(), page: int = 1, limit: int = 50) -> dict[str, Any]:
    return _listing(request, records.list_events, filters, page, limit)


@router.get("/actors", dependencies=read, summary="Registry actors and frequent speakers")
def actors(request: Request) -> dict[str, Any]:
    rows = list_actors(request.app.state.store)
    return {"count": len(rows), "items": rows}


@router.get("/actors/{key}", dependencies=read, summary="An actor: roles over time, stance toward others, narratives")
def actor(request: Request, key: str) -> dict[str, Any]:
    store = request.app.state.store
    prof = actor_profile(store, key[:200])
    return {**prof, "stance_over_time": charts.actor_stance_over_time(store, prof["name"]),
            "narratives": charts.actor_narratives(store, prof["name"])}


@router.get("/narratives", dependencies=read, summary="Narrative trends: articles and unique stories per week")
def narratives(request: Request, filters: Filters = Depends()) -> dict[str, Any]:
    return charts.narrative_trends(request.app.state.store, filters.f)


@router.get("/stance-matrix", dependencies=read, summary="Speaker × target net stance")
def stance_matrix(request: Request, filters: Filters = Depends()) -> dict[str, Any]:
    return charts.stance_matrix_data(request.app.state.store, filters.f)


@router.get("/network", dependencies=read, summary="Who accuses or opposes whom")
def network(request: Request, filters: Filters = Depends()) -> dict[str, Any]:
    return charts.accusation_network(request.app.state.store, filters.f)


@router.get("/scenarios", dependencies=read, summary="Scenario weights, history and evidence")
def scenarios(request: Request, scenario_set: str | None = Query(None, alias="set", max_length=100)) -> dict[str, Any]:
    return scenario_board(request.app.state.store, scenario_set)


@router.get("/export/{kind}.{fmt}", dependencies=read, summary="Export statements, events or documents")
def export(request: Request, kind: Literal["statements", "events", "documents"], fmt: Literal["csv", "jsonl", "parquet"],
           filters: Filters = Depends(), max_rows: int = Query(100_000, ge=1, le=100_000)) -> Response:
    if fmt == "parquet" and not parquet_available():
        return JSONResponse({"error": PARQUET_MISSING}, status_code=501)  # an optional extra, not a bad request
    body, _ = export_bytes(request.app.state.store, kind, fmt, filters.f, max_rows)
    return Response(body, media_type=FORMATS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="linewatch-{kind}.{fmt}"'})


# ----------------------------------------------------------------------------- writing


class CorrectionIn(BaseModel):
    item_kind: Literal["statement", "event"]
    item_id: str = Field(max_length=64)
    speaker: str | None = Field(None, max_length=500, description="statements: a name in any language, filed under the registry's actor")
    source: str | None = Field(None, max_length=500, description="events: who acted")
    date: str | None = Field(None, max_length=10)
    target: str | None = Field(None, max_length=500)
    stance: Literal["support", "oppose", "neutral"] | None = None
    narratives: list[str] | None = Field(None, max_length=30)
    wrong: bool | None = None
    author: str = Field("api", max_length=80)
    note: str | None = Field(None, max_length=500)


@router.post("/corrections", dependencies=[Depends(require_write)], summary="Correct an item (token required)")
def post_correction(request: Request, body: CorrectionIn) -> dict[str, Any]:
    store = request.app.state.store
    item = (records.get_statement if body.item_kind == "statement" else records.get_event)(store, body.item_id)
    if item is None:
        raise InputError("item not found", where=body.item_id[:40])
    changes: dict[str, Any] = {k: getattr(body, k) for k in ("speaker", "source", "date", "target", "stance", "narratives")
                               if getattr(body, k) is not None}
    if body.wrong is not None:
        changes["wrong"] = "true" if body.wrong else "false"
    n = add_corrections(store, body.item_kind, item, changes, body.author, body.note)
    item = (records.get_statement if body.item_kind == "statement" else records.get_event)(store, body.item_id)
    return {"saved": n, "item": item}


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    outlet_type: str | None = Field(None, max_length=40)
    language: str | None = Field(None, max_length=10)
    published: str | None = Field(None, max_length=10, description="YYYY-MM-DD")


@router.post("/documents", dependencies=[Depends(require_write)], summary="Ingest a document (token required)")
def post_document(request: Request, body: DocumentIn) -> dict[str, Any]:
    pub = parse_day(body.published, "published")
    doc = Document(
        text=body.text, title=body.title, url=body.url, outlet=body.outlet, outlet_type=body.outlet_type,
        language=body.language, published=date.fromisoformat(pub) if pub else None, source="api",
        ingested_at=datetime.now(UTC),
    )
    added = request.app.state.store.add_document(doc)
    records.clear_facet_cache()
    return {"id": doc.id, "added": bool(added), "note": "run `linewatch run` to analyse new documents"}
