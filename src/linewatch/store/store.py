"""The Store: linewatch's tables on SQLite or PostgreSQL, and the few writes every stage shares.

Reads are plain SQL (`query` with `?` placeholders on both dialects); the
methods here are the writes that must be atomic (a document, a document's
analysis) and the lookups several stages need (search, counts).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from linewatch.actors.registry import get_registry
from linewatch.errors import StoreError
from linewatch.model import Document, DocumentAnalysis, Statement
from linewatch.store.claims import drop_claim_sql
from linewatch.store.connection import Connection, _safe_url
from linewatch.store.migrate import migrate
from linewatch.store.queries.search import index_stored_documents, index_words
from linewatch.store.rows import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    NARRATIVE_COLUMNS,
    STANCE_COLUMNS,
    STATEMENT_COLUMNS,
    actor_row,
    document_from_row,
    document_row,
    event_row,
    insert_sql,
    narrative_row,
    now_iso,
    stance_row,
    statement_from_row,
    statement_row,
)
from linewatch.store.schema import LEMMAS_MIGRATION

# Tables a document's analysis lives in; replaced as a whole when it is reprocessed.
ANALYSIS_TABLES = ("statements", "events", "narrative_matches", "stance_mentions")
COUNTED_TABLES = (
    "documents", "statements", "events", "narrative_matches", "stance_mentions", "actors",
    "corrections", "story_groups", "sources", "scenario_evidence", "alerts",
)
# Records imported from outside (GDELT events) are not derived from the document's text, so
# reprocessing the document must not delete them.
KEEP_IMPORTED = {"events": " AND (extractor IS NULL OR extractor <> 'gdelt')"}
MAX_SEARCH_TERMS = 20
MAX_SIGHTINGS = 500  # further places an identical text was seen, kept on its first copy
MAX_QUERY_CHARS = 500


class Store:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        if LEMMAS_MIGRATION in migrate(conn):
            index_stored_documents(self)  # a database written before lemmas were stored: once, on upgrade

    # ------------------------------------------------------------------ basics

    @property
    def dialect(self) -> str:
        return self.conn.dialect

    @property
    def url(self) -> str:
        if self.dialect == "sqlite":
            return f"sqlite:///{self.conn.target}"
        return _safe_url(self.conn.target)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self.conn.query(sql, params)

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self.conn.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.query_one(sql, params)
        return next(iter(row.values())) if row else None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, seq: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, seq)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with self.conn.transaction():
            yield self

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ documents

    def add_document(self, doc: Document) -> bool:
        """Insert a document; False when one with the same content hash (or id) is already there."""
        with self.transaction():
            existing = self.query_one("SELECT id, outlet, url, meta FROM documents WHERE content_hash = ? OR id = ?",
                                      (doc.hash, doc.id))
            if existing:
                self._record_sighting(existing, doc)
                return False
            row = document_row(doc)
            n = self.execute(insert_sql("documents", DOCUMENT_COLUMNS, "ON CONFLICT DO NOTHING"), row)
            if n == 1:  # lemmas at write time, so a search never lemmatises
                index_words(self, [(f"{doc.title or ''} {doc.text}", doc.language)])
        return n == 1

    def _record_sighting(self, existing: dict[str, Any], doc: Document) -> None:
        """An identical text from another outlet or address is amplification, not noise: keep where else it ran.

        The text is stored once (content hash is unique), and each further place it was seen is kept in the
        first copy's `meta["sightings"]` (outlet, url, date, source), which amplification counts as exact copies.
        """
        outlet, url = doc.outlet or None, doc.url or None
        if outlet is None and url is None:
            return  # nothing says where else it ran
        if outlet == (existing.get("outlet") or None) and url in (None, existing.get("url") or None):
            return  # the same place again
        try:
            meta = json.loads(existing.get("meta") or "{}")
        except (TypeError, ValueError):
            meta = {}
        if not isinstance(meta, dict):
            meta = {}
        sightings = meta.get("sightings") if isinstance(meta.get("sightings"), list) else []
        seen = {(x.get("outlet"), x.get("url")) for x in sightings if isinstance(x, dict)}
        key = (doc.outlet or None, doc.url or None)
        if key in seen or len(sightings) >= MAX_SIGHTINGS:
            return
        sightings.append({
            "outlet": doc.outlet, "outlet_type": doc.outlet_type, "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None, "source": doc.source,
        })
        meta["sightings"] = sightings
        self.execute("UPDATE documents SET meta = ? WHERE id = ?", (json.dumps(meta, ensure_ascii=False), existing["id"]))

    def append_document_meta(self, doc_id: str, additions: dict[str, list[Any]], limit: int = MAX_SIGHTINGS) -> None:
        """Append entries to lists in a stored document's meta; a key "a.b" is meta["a"]["b"].

        Entries already there are not added twice, and a list stops growing at `limit`.
        """
        if not additions:
            return
        with self.transaction():
            row = self.query_one("SELECT meta FROM documents WHERE id = ?", (doc_id,))
            if row is None:
                return
            try:
                meta = json.loads(row.get("meta") or "{}")
            except (TypeError, ValueError):
                meta = {}
            meta = meta if isinstance(meta, dict) else {}
            for key, entries in additions.items():
                *parents, leaf = key.split(".")
                node: Any = meta
                for part in parents:
                    node = node.setdefault(part, {}) if isinstance(node, dict) else None
                if not isinstance(node, dict):
                    continue  # meta holds something else there: leave it as it is
                current = node.get(leaf) if isinstance(node.get(leaf), list) else []
                for entry in entries:
                    if entry not in current and len(current) < limit:
                        current.append(entry)
                node[leaf] = current
            self.execute("UPDATE documents SET meta = ? WHERE id = ?", (json.dumps(meta, ensure_ascii=False), doc_id))

    def get_document(self, doc_id: str) -> Document | None:
        row = self.query_one("SELECT * FROM documents WHERE id = ?", (doc_id,))
        return document_from_row(row) if row else None

    def documents_to_process(self, pipeline_version: str, limit: int | None = None) -> list[str]:
        """Ids of documents never processed, or processed by another pipeline version (oldest first)."""
        sql = (
            "SELECT id FROM documents WHERE processed_version IS NULL OR processed_version <> ?"
            " ORDER BY published, id"
        )
        params: list[Any] = [pipeline_version]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [r["id"] for r in self.query(sql, params)]

    # ------------------------------------------------------------------ analysis

    def save_analysis(self, analysis: DocumentAnalysis, pipeline_version: str | None = None) -> None:
        """Replace a document's statements, events, narrative matches and stances, in one transaction."""
        version = pipeline_version or analysis.pipeline_version
        doc_id = analysis.doc_id
        with self.transaction():
            if not self.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)):
                raise StoreError("cannot save analysis: no such document", where=doc_id)
            for table in ANALYSIS_TABLES:
                self.execute(f"DELETE FROM {table} WHERE doc_id = ?{KEEP_IMPORTED.get(table, '')}", (doc_id,))
            # Ids are stable hashes; the same span found twice is one record.
            self.executemany(
                insert_sql("statements", STATEMENT_COLUMNS, "ON CONFLICT (id) DO NOTHING"),
                [statement_row(s) for s in _unique(analysis.statements)],
            )
            self.executemany(
                insert_sql("events", EVENT_COLUMNS, "ON CONFLICT (id) DO NOTHING"),
                [event_row(e) for e in _unique(analysis.events)],
            )
            self.executemany(
                insert_sql("narrative_matches", NARRATIVE_COLUMNS, "ON CONFLICT (id) DO NOTHING"),
                [narrative_row(n) for n in _unique(analysis.narratives)],
            )
            self.executemany(insert_sql("stance_mentions", STANCE_COLUMNS), [stance_row(m) for m in analysis.stances])
            self.execute(
                "UPDATE documents SET processed_version = ?, processed_at = ? WHERE id = ?",
                (version, now_iso(), doc_id),
            )
            self.execute(drop_claim_sql(), (doc_id,))

    def statements_for(self, doc_id: str) -> list[Statement]:
        rows = self.query("SELECT * FROM statements WHERE doc_id = ? ORDER BY content_start", (doc_id,))
        return [statement_from_row(r) for r in rows]

    # ------------------------------------------------------------------ search

    def search_documents(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents matching all words of `q` (any text is safe), best first, with a snippet."""
        return self._search(
            q, limit,
            "SELECT d.id, d.title, d.url, d.outlet, d.outlet_type, d.language, d.published,"
            " snippet(documents_fts, 1, '', '', ' … ', 16) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
            "SELECT d.id, d.title, d.url, d.outlet, d.outlet_type, d.language, d.published,"
            " ts_headline('simple', d.text, plainto_tsquery('simple', ?),"
            " 'StartSel=\"\", StopSel=\"\", MaxWords=20, MinWords=8') AS snippet"
            " FROM documents d"
            " WHERE to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text) @@ plainto_tsquery('simple', ?)"
            " ORDER BY ts_rank(to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text),"
            " plainto_tsquery('simple', ?)) DESC, d.id LIMIT ?",
        )

    def search_statements(self, q: str, limit: int = 50) -> list[dict[str, Any]]:
        """Statements whose speaker or content match all words of `q`, best first (full rows)."""
        return self._search(
            q, limit,
            "SELECT s.* FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid"
            " WHERE statements_fts MATCH ? ORDER BY bm25(statements_fts) LIMIT ?",
            "SELECT s.* FROM statements s"
            " WHERE to_tsvector('simple', coalesce(s.speaker, '') || ' ' || s.content) @@ plainto_tsquery('simple', ?)"
            " ORDER BY ts_rank(to_tsvector('simple', coalesce(s.speaker, '') || ' ' || s.content),"
            " plainto_tsquery('simple', ?)) DESC, s.id LIMIT ?",
        )

    def _search(self, q: str, limit: int, fts_sql: str, pg_sql: str) -> list[dict[str, Any]]:
        """A full-text query: FTS5 on SQLite, tsvector on PostgreSQL. `fts_sql` takes the FTS5
        query and the limit; every `?` of `pg_sql` but the last takes the words, the last the limit."""
        terms = search_terms(q)
        if not terms:
            return []
        limit = max(1, min(int(limit), 1000))
        if self.dialect == "sqlite":
            return self.query(fts_sql, (fts5_query(terms), limit))
        words = " ".join(terms)
        return self.query(pg_sql, (*[words] * (pg_sql.count("?") - 1), limit))

    # ------------------------------------------------------------------ counts and actors

    def counts(self) -> dict[str, int]:
        out = {t: int(self.scalar(f"SELECT COUNT(*) AS n FROM {t}") or 0) for t in COUNTED_TABLES}
        out["processed"] = int(self.scalar("SELECT COUNT(*) AS n FROM documents WHERE processed_version IS NOT NULL") or 0)
        return out

    def sync_actors(self, registry: Any = None) -> int:
        """Upsert the actors table from an actor registry (default: the shipped one)."""
        if registry is None:
            registry = get_registry()
        actors = list(_registry_actors(registry))
        rows = [actor_row(a) for a in actors]
        with self.transaction():
            self.executemany(
                "INSERT INTO actors (id, name, type, country, data) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,"
                " country = excluded.country, data = excluded.data",
                rows,
            )
        return len(rows)


# --------------------------------------------------------------------------- helpers

_TERM = re.compile(r"\w[\w'’-]*", re.UNICODE)


def search_terms(q: str | None) -> list[str]:
    """The words of a user's query (bounded), punctuation and operators dropped."""
    if not q:
        return []
    return _TERM.findall(str(q)[:MAX_QUERY_CHARS])[:MAX_SEARCH_TERMS]


def fts5_query(terms: Iterable[str]) -> str:
    """Each term as an FTS5 string (so AND/OR/NEAR/column: in user text are just words), all required."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _unique(items: Iterable[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for it in items:
        if it.id in seen:
            continue
        seen.add(it.id)
        out.append(it)
    return out


def _registry_actors(registry: Any) -> Iterable[Any]:
    """The actors of an ActorRegistry (`.all()`), or of a plain list/dict of actors."""
    actors = getattr(registry, "all", None) or getattr(registry, "actors", None)
    if callable(actors):
        actors = actors()
    if actors is None:
        actors = registry
    if isinstance(actors, dict):
        actors = actors.values()
    return [a for a in actors if getattr(a, "id", None) and getattr(a, "name", None)]
