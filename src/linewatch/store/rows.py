"""Dataclasses <-> table rows (statements, events, narrative matches, stances, documents, actors).

Dates are ISO text, spans are start/end integer pairs, dicts and lists are
JSON text: the same on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any

from linewatch.model import Document, Event, NarrativeMatch, Span, StanceMention, Statement, as_date


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _iso(d: date | datetime | None) -> str | None:
    return d.isoformat() if d is not None else None


_date = as_date


def _json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, default=str, sort_keys=True)


def _load(v: Any, default: Any) -> Any:
    if v in (None, ""):
        return default
    if isinstance(v, (dict, list)):
        return v
    try:
        return json.loads(v)
    except (TypeError, ValueError):
        return default


def _span(a: Any, b: Any) -> Span | None:
    return (int(a), int(b)) if a is not None and b is not None else None


def _start(s: Span | None) -> int | None:
    return s[0] if s else None


def _end(s: Span | None) -> int | None:
    return s[1] if s else None


# --------------------------------------------------------------------------- documents

DOCUMENT_COLUMNS = (
    "id", "content_hash", "url", "title", "outlet", "outlet_type", "language", "published",
    "text", "source", "ingested_at", "meta",
)


def document_row(doc: Document) -> tuple[Any, ...]:
    ingested = doc.ingested_at or datetime.now(UTC)
    return (
        doc.id, doc.hash, doc.url, doc.title, doc.outlet, doc.outlet_type, doc.language,
        _iso(doc.published), doc.text, doc.source, _iso(ingested), _json(doc.meta or {}),
    )


def document_from_row(row: dict[str, Any]) -> Document:
    ingested = row.get("ingested_at")
    try:
        ingested_at = datetime.fromisoformat(ingested) if isinstance(ingested, str) else ingested
    except ValueError:
        ingested_at = None
    return Document(
        text=row["text"],
        id=row["id"],
        title=row.get("title"),
        url=row.get("url"),
        outlet=row.get("outlet"),
        outlet_type=row.get("outlet_type"),
        language=row.get("language"),
        published=_date(row.get("published")),
        source=row.get("source"),
        ingested_at=ingested_at,
        meta=_load(row.get("meta"), {}),
    )


# --------------------------------------------------------------------------- statements

STATEMENT_COLUMNS = (
    "id", "doc_id", "speaker", "speaker_id", "speaker_mention", "speaker_start", "speaker_end",
    "speaker_role", "speaker_org", "speaker_country", "cue", "cue_start", "cue_end", "content",
    "content_start", "content_end", "kind", "date", "date_confidence", "date_evidence", "target",
    "target_id", "target_start", "target_end", "stance", "stance_confidence", "plover", "sentence",
    "sentence_start", "sentence_end", "confidence", "extractor", "extractor_version", "extra",
)


def statement_row(s: Statement) -> tuple[Any, ...]:
    # content_spans and narratives have no columns of their own: they ride in `extra`
    # (narratives are also rows of narrative_matches).
    extra = dict(s.extra or {})
    if s.content_spans:
        extra["content_spans"] = [list(x) for x in s.content_spans]
    if s.narratives:
        extra["narratives"] = list(s.narratives)
    return (
        s.id, s.doc_id, s.speaker, s.speaker_id, s.speaker_mention, _start(s.speaker_span),
        _end(s.speaker_span), s.speaker_role, s.speaker_org, s.speaker_country, s.cue,
        _start(s.cue_span), _end(s.cue_span), s.content, s.content_span[0], s.content_span[1],
        s.kind, _iso(s.date), s.date_confidence, s.date_evidence, s.target, s.target_id,
        _start(s.target_span), _end(s.target_span), s.stance, s.stance_confidence, s.plover,
        s.sentence, s.sentence_span[0], s.sentence_span[1], s.confidence, s.extractor,
        s.extractor_version, _json(extra),
    )


def statement_from_row(row: dict[str, Any]) -> Statement:
    extra = dict(_load(row.get("extra"), {}))
    spans = [tuple(x) for x in extra.pop("content_spans", []) if isinstance(x, list) and len(x) == 2]
    narratives = list(extra.pop("narratives", []))
    return Statement(
        doc_id=row["doc_id"],
        content=row["content"],
        content_span=(int(row["content_start"]), int(row["content_end"])),
        speaker=row.get("speaker"),
        speaker_id=row.get("speaker_id"),
        speaker_span=_span(row.get("speaker_start"), row.get("speaker_end")),
        speaker_mention=row.get("speaker_mention"),
        speaker_role=row.get("speaker_role"),
        speaker_org=row.get("speaker_org"),
        speaker_country=row.get("speaker_country"),
        cue=row.get("cue"),
        cue_span=_span(row.get("cue_start"), row.get("cue_end")),
        content_spans=spans,  # type: ignore[arg-type]
        kind=row.get("kind") or "indirect",
        date=_date(row.get("date")),
        date_confidence=row.get("date_confidence") if row.get("date_confidence") is not None else 0.5,
        date_evidence=row.get("date_evidence"),
        target=row.get("target"),
        target_id=row.get("target_id"),
        target_span=_span(row.get("target_start"), row.get("target_end")),
        stance=row.get("stance") or "neutral",
        stance_confidence=row.get("stance_confidence") if row.get("stance_confidence") is not None else 0.5,
        plover=row.get("plover"),
        narratives=narratives,
        sentence=row.get("sentence") or "",
        sentence_span=(int(row.get("sentence_start") or 0), int(row.get("sentence_end") or 0)),
        confidence=row.get("confidence") if row.get("confidence") is not None else 0.5,
        extractor=row.get("extractor") or "",
        extractor_version=row.get("extractor_version") or "",
        extra=extra,
    )


# --------------------------------------------------------------------------- events

EVENT_COLUMNS = (
    "id", "doc_id", "plover", "mode", "source", "target", "participants", "date", "date_confidence",
    "span_start", "span_end", "trigger", "trigger_start", "trigger_end", "scale", "sentence",
    "confidence", "extractor", "extractor_version", "extra",
)


def event_row(e: Event) -> tuple[Any, ...]:
    return (
        e.id, e.doc_id, e.plover, e.mode, e.source, e.target, _json(list(e.participants)), _iso(e.date),
        e.date_confidence, e.span[0], e.span[1], e.trigger, _start(e.trigger_span), _end(e.trigger_span),
        e.scale, e.sentence, e.confidence, e.extractor, e.extractor_version, _json(e.extra or {}),
    )


def event_from_row(row: dict[str, Any]) -> Event:
    return Event(
        doc_id=row["doc_id"],
        plover=row["plover"],
        span=(int(row["span_start"]), int(row["span_end"])),
        source=row.get("source"),
        target=row.get("target"),
        participants=list(_load(row.get("participants"), [])),
        date=_date(row.get("date")),
        date_confidence=row.get("date_confidence") if row.get("date_confidence") is not None else 0.5,
        trigger=row.get("trigger"),
        trigger_span=_span(row.get("trigger_start"), row.get("trigger_end")),
        mode=row.get("mode"),
        scale=row.get("scale") or 0.0,
        sentence=row.get("sentence") or "",
        confidence=row.get("confidence") if row.get("confidence") is not None else 0.5,
        extractor=row.get("extractor") or "",
        extractor_version=row.get("extractor_version") or "",
        extra=dict(_load(row.get("extra"), {})),
    )


# --------------------------------------------------------------------------- narratives and stances

NARRATIVE_COLUMNS = (
    "id", "doc_id", "statement_id", "taxonomy", "narrative_id", "score", "span_start", "span_end",
    "sentence", "explanation", "extractor", "extractor_version", "relation",
)


def narrative_row(n: NarrativeMatch) -> tuple[Any, ...]:
    return (
        n.id, n.doc_id, n.statement_id, n.taxonomy, n.narrative_id, n.score, n.span[0], n.span[1],
        n.sentence, _json(n.explanation or {}), n.extractor, n.extractor_version, n.relation,
    )


def narrative_from_row(row: dict[str, Any]) -> NarrativeMatch:
    return NarrativeMatch(
        doc_id=row["doc_id"],
        narrative_id=row["narrative_id"],
        taxonomy=row["taxonomy"],
        score=row["score"],
        span=(int(row.get("span_start") or 0), int(row.get("span_end") or 0)),
        sentence=row.get("sentence") or "",
        statement_id=row.get("statement_id"),
        explanation=dict(_load(row.get("explanation"), {})),
        extractor=row.get("extractor") or "",
        extractor_version=row.get("extractor_version") or "",
        relation=row.get("relation") or "promotes",
    )


STANCE_COLUMNS = (
    "doc_id", "statement_id", "holder", "target", "polarity", "score", "span_start", "span_end",
    "extractor", "extractor_version",
)


def stance_row(m: StanceMention) -> tuple[Any, ...]:
    return (
        m.doc_id, m.statement_id, m.holder, m.target, m.polarity, m.score, m.span[0], m.span[1],
        m.extractor, m.extractor_version,
    )


def stance_from_row(row: dict[str, Any]) -> StanceMention:
    return StanceMention(
        doc_id=row["doc_id"],
        holder=row.get("holder"),
        target=row["target"],
        polarity=row["polarity"],
        score=row.get("score") or 0.0,
        span=(int(row.get("span_start") or 0), int(row.get("span_end") or 0)),
        statement_id=row.get("statement_id"),
        extractor=row.get("extractor") or "",
        extractor_version=row.get("extractor_version") or "",
    )


# --------------------------------------------------------------------------- actors


def actor_row(actor: Any) -> tuple[Any, ...]:
    """(id, name, type, country, data) from a model.Actor (or anything shaped like one)."""
    try:
        data = asdict(actor)
    except TypeError:
        data = dict(getattr(actor, "__dict__", {}))
    payload = {k: v for k, v in data.items() if k not in ("id", "name", "type", "country")}
    return (actor.id, actor.name, getattr(actor, "type", "person") or "person", getattr(actor, "country", None), _json(payload))


def insert_sql(table: str, columns: tuple[str, ...], conflict: str = "") -> str:
    cols = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({cols}) VALUES ({marks}) {conflict}".strip()


def in_clause(dialect: str, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """(`column` is one of `values`, its parameters): `IN (?, ...)` on SQLite; on PostgreSQL one
    array parameter (`= ANY(?)`): psycopg parses and binds a list of 1,000 ids as 1,000
    placeholders, 10-25 ms of a new process's first export for a query the server answers in 1."""
    if dialect == "postgresql":
        return f"{column} = ANY(?)", [list(values)]
    return f"{column} IN ({','.join('?' for _ in values)})", list(values)
