"""The columns of exports (CSV, JSON Lines, Parquet): one list per kind, checked against what the
readers return (`records.READ_*_COLUMNS`, the stored columns) plus the fields a reader adds."""
from __future__ import annotations

from linewatch.store import rows as stored
from linewatch.store.queries.records import READ_EVENT_COLUMNS, READ_STATEMENT_COLUMNS

# Fields a reader adds to the stored columns: the document's, the narratives, the corrections.
DOC_FIELDS = ("doc_title", "doc_outlet", "doc_url", "doc_language", "doc_published")
ADDED_FIELDS = (*DOC_FIELDS, "narratives", "corrected_fields", "wrong")

STATEMENT_FIELDS = [
    "id", "doc_id", "date", "speaker", "speaker_id", "speaker_role", "speaker_org", "speaker_country", "cue",
    "content", "target", "stance", "plover", "narratives", "kind", "sentence", "sentence_start", "sentence_end",
    "content_start", "content_end", "speaker_start", "speaker_end", "cue_start", "cue_end", "confidence",
    "extractor", "extractor_version", "doc_title", "doc_outlet", "doc_url", "doc_language", "corrected_fields", "wrong",
]
EVENT_FIELDS = [
    "id", "doc_id", "date", "plover", "mode", "source", "target", "participants", "trigger", "scale", "sentence",
    "span_start", "span_end", "confidence", "extractor", "extractor_version", "doc_title", "doc_outlet", "doc_url",
    "doc_language", "corrected_fields", "wrong",
]
DOCUMENT_FIELDS = ["id", "published", "title", "outlet", "outlet_type", "language", "url", "source", "ingested_at"]


def unknown_columns() -> list[str]:
    """Export columns that no reader returns (a drift between the lists; empty when they agree)."""
    known = {
        "statements": set(READ_STATEMENT_COLUMNS) | set(ADDED_FIELDS),
        "events": set(READ_EVENT_COLUMNS) | set(ADDED_FIELDS),
        "documents": set(stored.DOCUMENT_COLUMNS),
    }
    chosen = {"statements": STATEMENT_FIELDS, "events": EVENT_FIELDS, "documents": DOCUMENT_FIELDS}
    return [f"{kind}.{c}" for kind, cols in chosen.items() for c in cols if c not in known[kind]]
