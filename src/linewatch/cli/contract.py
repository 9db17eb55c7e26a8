"""The JSON Lines of ../shared/eval/CONTRACT.md for one input file (no store involved).

Per document: one `document` line, then its statements, then its events.
`doc` is the path exactly as the caller gave it (for a JSON/CSV file holding
several documents, that path plus `#n` or `:line`).
"""
from __future__ import annotations

import os
from datetime import date
from typing import Any

from rich.markup import escape

from linewatch.actors.registry import actor_registry
from linewatch.analyze.stance.component import stance_rows
from linewatch.cli.common import err_console
from linewatch.errors import printable
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline
from linewatch.runner import analyze_document
from linewatch.sources.files import read_documents


def document_line(label: str, doc: Doc) -> dict[str, Any]:
    # Document-level labels only: statement-level matches belong to their statements.
    narratives: list[str] = []
    for n in doc.narratives:
        if n.statement_id is None and n.narrative_id not in narratives:
            narratives.append(n.narrative_id)
    return {
        "doc": label,
        "kind": "document",
        "id": doc.id,
        "language": doc.document.language,
        "date": doc.document.published.isoformat() if doc.document.published else None,
        "title": doc.document.title,
        "narratives": narratives,
    }


def contract_lines(label: str, doc: Doc) -> list[dict[str, Any]]:
    lines = [document_line(label, doc)]
    lines += [s.to_contract(label) for s in sorted(doc.statements, key=lambda s: s.content_span)]
    lines += [e.to_contract(label) for e in sorted(doc.events, key=lambda e: e.span)]
    # stances toward the other actors a statement names, and the author's own (kind "stance")
    lines += stance_rows(doc, label)
    return lines


def _label(path: str | os.PathLike[str], document: Document, many: bool) -> str:
    given = path if isinstance(path, str) else os.fspath(path)
    return (document.source or given) if many else given


def extract_documents(
    path: str | os.PathLike[str],
    pipeline: Pipeline,
    date: date | None = None,
    taxonomy: str | os.PathLike[str] | None = None,
    *,
    language: str | None = None,
    registry: Any = None,
    max_bytes: int | None = None,
) -> list[tuple[str, Doc]]:
    """(label, processed Doc) for every document in the file."""
    documents = read_documents(path, default_date=date, max_bytes=max_bytes)
    options: dict[str, Any] = {"taxonomy": str(taxonomy) if taxonomy else None}
    if registry is not None:
        options["registry"] = registry
    out = []
    for document in documents:
        if language:
            document.language = language
        doc = analyze_document(pipeline, document, options)
        if doc.annotations.get("note"):  # e.g. a language outside the supported set: said, not silent
            err_console.print(f"[yellow]note[/yellow] {escape(printable(str(path)))}: {escape(doc.annotations['note'])}")
        out.append((_label(path, document, len(documents) > 1), doc))
    return out


def extract_file(
    path: str | os.PathLike[str],
    pipeline: Pipeline,
    date: date | None = None,
    taxonomy: str | os.PathLike[str] | None = None,
    *,
    language: str | None = None,
    registry: Any = None,
) -> list[dict[str, Any]]:
    """Contract lines (dicts, ready for json.dumps) for every document in the file, in order."""
    if registry is None:
        registry = actor_registry()
    lines: list[dict[str, Any]] = []
    for label, doc in extract_documents(path, pipeline, date, taxonomy, language=language, registry=registry):
        lines.extend(contract_lines(label, doc))
    return lines

