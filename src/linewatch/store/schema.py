"""Versioned schema migrations, the same tables on SQLite and PostgreSQL.

Plain SQL underneath (Datasette-style): every page and API endpoint is a
query over these tables. Types are kept portable: dates are ISO-8601 TEXT
('YYYY-MM-DD', sorts correctly), timestamps are ISO TEXT in UTC, JSON is TEXT,
offsets are INTEGER. `{REAL}` and `{AUTOID}` are filled per dialect.

A migration is appended, never edited: `schema_migrations` records what a
database has, and `Store.migrate()` applies the rest in one transaction each.
Full-text search differs by dialect (FTS5 tables on SQLite, tsvector GIN
indexes on PostgreSQL) and lives in FTS_SQLITE / FTS_POSTGRES.
"""
from __future__ import annotations

DIALECT_TOKENS = {
    "sqlite": {"REAL": "REAL", "AUTOID": "INTEGER PRIMARY KEY AUTOINCREMENT"},
    "postgresql": {"REAL": "DOUBLE PRECISION", "AUTOID": "BIGSERIAL PRIMARY KEY"},
}

MIGRATION_0001 = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,              -- stable id from the content hash
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT,
    outlet TEXT,
    outlet_type TEXT,                 -- official / state media / independent / wire / social
    language TEXT,
    published TEXT,                   -- YYYY-MM-DD
    text TEXT NOT NULL,
    source TEXT,                      -- file path, source id, 'demo'
    ingested_at TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',  -- JSON
    processed_version TEXT,           -- pipeline version that produced the stored analysis
    processed_at TEXT
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_language ON documents (language);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE INDEX documents_processed ON documents (processed_version);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,              -- registry slug
    name TEXT NOT NULL,
    type TEXT NOT NULL,               -- person / organisation / state
    country TEXT,
    data TEXT NOT NULL                -- JSON: aliases, roles, description
);

CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    speaker TEXT,
    speaker_id TEXT,
    speaker_mention TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_role TEXT,
    speaker_org TEXT,
    speaker_country TEXT,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    content TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    kind TEXT,
    date TEXT,
    date_confidence {REAL},
    date_evidence TEXT,
    target TEXT,
    target_id TEXT,
    target_start INTEGER,
    target_end INTEGER,
    stance TEXT,
    stance_confidence {REAL},
    plover TEXT,
    sentence TEXT,
    sentence_start INTEGER,
    sentence_end INTEGER,
    confidence {REAL},
    extractor TEXT,
    extractor_version TEXT,
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX statements_doc ON statements (doc_id);
CREATE INDEX statements_date ON statements (date);
CREATE INDEX statements_speaker ON statements (speaker);
CREATE INDEX statements_speaker_country ON statements (speaker_country);
CREATE INDEX statements_target ON statements (target);
CREATE INDEX statements_stance ON statements (stance);
CREATE INDEX statements_plover ON statements (plover);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    plover TEXT NOT NULL,
    mode TEXT,
    source TEXT,
    target TEXT,
    participants TEXT NOT NULL DEFAULT '[]',   -- JSON list of canonical names
    date TEXT,
    date_confidence {REAL},
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    trigger TEXT,
    trigger_start INTEGER,
    trigger_end INTEGER,
    scale {REAL},                     -- cooperation (+10) .. conflict (-10)
    sentence TEXT,
    confidence {REAL},
    extractor TEXT,
    extractor_version TEXT,
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_plover ON events (plover);
CREATE INDEX events_source ON events (source);

CREATE TABLE narrative_matches (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    statement_id TEXT,                -- NULL = document-level label
    taxonomy TEXT NOT NULL,
    narrative_id TEXT NOT NULL,
    score {REAL} NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    sentence TEXT,
    explanation TEXT NOT NULL DEFAULT '{}',  -- JSON: why it matched
    extractor TEXT,
    extractor_version TEXT
);
CREATE INDEX narrative_matches_doc ON narrative_matches (doc_id);
CREATE INDEX narrative_matches_statement ON narrative_matches (statement_id);
CREATE INDEX narrative_matches_narrative ON narrative_matches (narrative_id);

CREATE TABLE stance_mentions (
    id {AUTOID},
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    statement_id TEXT,
    holder TEXT,
    target TEXT NOT NULL,
    polarity TEXT NOT NULL,
    score {REAL},
    span_start INTEGER,
    span_end INTEGER,
    extractor TEXT,
    extractor_version TEXT
);
CREATE INDEX stance_mentions_doc ON stance_mentions (doc_id);
CREATE INDEX stance_mentions_pair ON stance_mentions (holder, target);

-- Analyst corrections: keyed by the stable item id, so they survive reprocessing.
CREATE TABLE corrections (
    id {AUTOID},
    item_kind TEXT NOT NULL,          -- statement / event / narrative
    item_id TEXT NOT NULL,
    doc_id TEXT,
    field TEXT NOT NULL,              -- speaker / date / target / stance / narratives / wrong
    old_value TEXT,
    new_value TEXT,
    author TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX corrections_item ON corrections (item_kind, item_id);

-- Amplification: the same story pushed by several outlets.
CREATE TABLE story_groups (
    id TEXT PRIMARY KEY,
    first_doc_id TEXT,
    first_seen TEXT,
    size INTEGER NOT NULL,
    label TEXT
);
CREATE TABLE story_members (
    group_id TEXT NOT NULL REFERENCES story_groups (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    relation TEXT NOT NULL,           -- origin / exact / near / translated
    similarity {REAL},
    PRIMARY KEY (group_id, doc_id)
);
CREATE INDEX story_members_doc ON story_members (doc_id);

-- Candidate narratives found by `linewatch narratives discover`.
CREATE TABLE narrative_candidates (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    label TEXT NOT NULL,
    terms TEXT NOT NULL DEFAULT '[]',
    statement_ids TEXT NOT NULL DEFAULT '[]',
    first_seen TEXT,
    size INTEGER NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);

-- Sources and their polling state (`linewatch watch`).
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,               -- rss / page / sitemap / telegram / gdelt-events / gdelt-doc
    location TEXT NOT NULL,
    config TEXT NOT NULL DEFAULT '{}',
    last_run TEXT,
    next_run TEXT,
    last_ok TEXT,
    etag TEXT,
    last_modified TEXT,
    errors INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    items_seen INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE source_items (
    source_id TEXT NOT NULL,
    item_key TEXT NOT NULL,           -- guid / url / message id
    doc_id TEXT,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (source_id, item_key)
);

-- Scenarios: evidence, weight history and alerts.
CREATE TABLE scenario_evidence (
    id TEXT PRIMARY KEY,
    scenario_set TEXT NOT NULL,
    indicator_id TEXT NOT NULL,
    item_kind TEXT NOT NULL,          -- statement / event / narrative / aggregate
    item_id TEXT,
    doc_id TEXT,
    date TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE INDEX scenario_evidence_set ON scenario_evidence (scenario_set, indicator_id);
CREATE TABLE scenario_weights (
    id {AUTOID},
    scenario_set TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    as_of TEXT NOT NULL,
    log_odds {REAL} NOT NULL,
    probability {REAL} NOT NULL,
    consistency {REAL},
    reason TEXT NOT NULL DEFAULT '{}', -- JSON audit: which indicator/evidence moved it
    created_at TEXT NOT NULL
);
CREATE INDEX scenario_weights_set ON scenario_weights (scenario_set, scenario_id, as_of);

CREATE TABLE alerts (
    id {AUTOID},
    kind TEXT NOT NULL,               -- indicator_fired / leading_scenario / stance_shift / source_error
    created_at TEXT NOT NULL,
    as_of TEXT,
    message TEXT NOT NULL,
    ref TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX alerts_created ON alerts (created_at);
"""

FTS_SQLITE = """
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE VIRTUAL TABLE statements_fts USING fts5(speaker, content, content='statements', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts(rowid, speaker, content) VALUES (new.rowid, new.speaker, new.content);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, speaker, content) VALUES ('delete', old.rowid, old.speaker, old.content);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF speaker, content ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, speaker, content) VALUES ('delete', old.rowid, old.speaker, old.content);
  INSERT INTO statements_fts(rowid, speaker, content) VALUES (new.rowid, new.speaker, new.content);
END;
"""

FTS_POSTGRES = """
CREATE INDEX documents_fts ON documents USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || text));
CREATE INDEX statements_fts ON statements USING GIN (to_tsvector('simple', coalesce(speaker, '') || ' ' || content));
"""

# Dashboard lists and charts filter by one column and order by day: composite
# (column, day) indexes let both dialects read just the newest matching rows.
MIGRATION_0002 = """
CREATE INDEX IF NOT EXISTS statements_speaker_date ON statements (speaker, date);
CREATE INDEX IF NOT EXISTS statements_target_date ON statements (target, date);
CREATE INDEX IF NOT EXISTS statements_country_date ON statements (speaker_country, date);
CREATE INDEX IF NOT EXISTS statements_stance_date ON statements (stance, date);
CREATE INDEX IF NOT EXISTS statements_plover_date ON statements (plover, date);
CREATE INDEX IF NOT EXISTS events_plover_date ON events (plover, date);
CREATE INDEX IF NOT EXISTS events_source_date ON events (source, date);
CREATE INDEX IF NOT EXISTS narrative_matches_narrative_doc ON narrative_matches (narrative_id, doc_id);
CREATE INDEX IF NOT EXISTS narrative_matches_doc_narrative ON narrative_matches (doc_id, narrative_id);
CREATE INDEX IF NOT EXISTS story_members_doc_group ON story_members (doc_id, group_id);
CREATE INDEX IF NOT EXISTS documents_published_id ON documents (published, id, language, outlet);
"""

# Chart aggregates (per day / per speaker and target) read only these columns:
# covering indexes answer them from the index without touching the wide rows.
MIGRATION_0003 = """
CREATE INDEX IF NOT EXISTS statements_date_cover ON statements (date, speaker, target, stance, plover);
CREATE INDEX IF NOT EXISTS statements_speaker_cover ON statements (speaker, date, target, stance);
"""

# Narratives carried by a speaker: statement -> narrative without reading match rows.
MIGRATION_0004 = """
CREATE INDEX IF NOT EXISTS narrative_matches_statement_narrative ON narrative_matches (statement_id, narrative_id);
"""

# How the statement stands to the narrative (promotes / reports / rebuts): only promoters
# are carriers, so the chart and scenario reads filter on it beside the narrative.
MIGRATION_0005 = """
ALTER TABLE narrative_matches ADD COLUMN relation TEXT NOT NULL DEFAULT 'promotes';
CREATE INDEX IF NOT EXISTS narrative_matches_relation_narrative_doc ON narrative_matches (relation, narrative_id, doc_id);
"""

# Document claims: which run is processing a document, until when (a lease). Concurrent runs
# and cluster workers claim a document before they process it, so none is done twice, and a
# claim of a killed worker expires, so its documents are redone. `worker` says where (host:pid).
MIGRATION_0006 = """
CREATE TABLE IF NOT EXISTS document_claims (
    doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    worker TEXT NOT NULL,
    version TEXT NOT NULL,
    expires TEXT NOT NULL
);
"""

# The lemma of every word form the stored texts contain, computed once when a document is
# written (simplemma, in the document's language), so a search reduces its words to their
# lemma with one indexed lookup instead of loading a lemma dictionary at request time.
MIGRATION_0007 = """
CREATE TABLE IF NOT EXISTS search_lemmas (
    form TEXT NOT NULL,
    lang TEXT NOT NULL,
    lemma TEXT NOT NULL,
    PRIMARY KEY (form, lang)
);
"""

# The speaker facet (every page's dropdown: named speakers by how often they speak) reads only
# named speakers: a partial index answers it without the wide rows (300,000 statements:
# 413 ms -> 20 ms on SQLite, the largest part of a page's first request).
MIGRATION_0008 = """
CREATE INDEX IF NOT EXISTS statements_named_speaker ON statements (speaker) WHERE speaker_id IS NOT NULL;
"""

# Dashboard rollups: the chart aggregates precomputed per day when `linewatch run` finishes
# (store/queries/rollups.py), so an analyst's first click reads a few thousand summary rows
# instead of every statement in the window. The summaries hold the values as extracted; analyst
# corrections are few and are overlaid when read, as on the live queries, so a correction never
# makes them stale. Triggers note every day whose rows change (`rollup_dirty`, '*' = all): pages
# read the live tables for a window with a changed day until the next refresh, and the refresh
# recomputes only those days. No unique key on `rollup_dirty`: concurrent writers (cluster
# workers) never wait on one another for it; a day noted twice is harmless.
MIGRATION_0009_TABLES = """
CREATE TABLE IF NOT EXISTS rollup_dirty (day TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rollup_dirty_day ON rollup_dirty (day);
INSERT INTO rollup_dirty (day) VALUES ('*');
CREATE TABLE IF NOT EXISTS rollup_statements (
    date TEXT NOT NULL, speaker TEXT, named INTEGER NOT NULL, speaker_country TEXT, target TEXT,
    stance TEXT, plover TEXT, n INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rollup_statements_date ON rollup_statements (date, speaker, target, stance, plover, named, n);
CREATE INDEX IF NOT EXISTS rollup_statements_speaker ON rollup_statements (speaker, date, target, stance, n);
CREATE TABLE IF NOT EXISTS rollup_statements_docs (
    date TEXT NOT NULL, speaker TEXT, named INTEGER NOT NULL, speaker_country TEXT, target TEXT,
    stance TEXT, plover TEXT, language TEXT, outlet TEXT, n INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rollup_statements_docs_date ON rollup_statements_docs (date);
CREATE TABLE IF NOT EXISTS rollup_narratives (
    day TEXT NOT NULL, scope TEXT NOT NULL, narrative_id TEXT NOT NULL, relation TEXT NOT NULL,
    docs INTEGER NOT NULL, stories INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rollup_narratives_scope_day ON rollup_narratives (scope, day);
CREATE TABLE IF NOT EXISTS rollup_carriers (
    date TEXT NOT NULL, narrative_id TEXT NOT NULL, relation TEXT NOT NULL, speaker TEXT NOT NULL, n INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rollup_carriers_date ON rollup_carriers (date);
CREATE INDEX IF NOT EXISTS rollup_carriers_speaker ON rollup_carriers (speaker, relation, narrative_id, date, n);
CREATE TABLE IF NOT EXISTS rollup_events (
    date TEXT NOT NULL, plover TEXT, source TEXT, target TEXT, n INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rollup_events_date ON rollup_events (date, plover, source, target, n);
CREATE TABLE IF NOT EXISTS rollup_events_docs (
    date TEXT NOT NULL, plover TEXT, language TEXT, outlet TEXT, n INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rollup_events_docs_date ON rollup_events_docs (date, language, outlet, plover, n);
CREATE TABLE IF NOT EXISTS rollup_facets (facet TEXT NOT NULL, pos INTEGER NOT NULL, value TEXT NOT NULL);
"""

# (table, the day(s) a changed row touches, as a SELECT over NEW/OLD)
_ROLLUP_SOURCES = {
    "statements": "SELECT COALESCE({row}.date, '') AS day",
    "events": "SELECT COALESCE({row}.date, '') AS day",
    "documents": "SELECT COALESCE({row}.published, '') AS day",
    "narrative_matches": "SELECT COALESCE(d.published, '') AS day FROM documents d WHERE d.id = {row}.doc_id"
                         " UNION SELECT COALESCE(s.date, '') AS day FROM statements s WHERE s.id = {row}.statement_id",
    "story_members": "SELECT COALESCE(d.published, '') AS day FROM documents d WHERE d.id = {row}.doc_id",
}


def _note_days(table: str, row: str) -> str:
    days = _ROLLUP_SOURCES[table].format(row=row)
    return (f"INSERT INTO rollup_dirty (day) SELECT x.day FROM ({days}) x"
            " WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty r WHERE r.day = x.day OR r.day = '*')")


def _sqlite_triggers() -> str:
    out = []
    for table in _ROLLUP_SOURCES:
        for op, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), ("UPDATE", ("OLD", "NEW"))):
            body = " ".join(_note_days(table, r) + ";" for r in rows)
            out.append(f"CREATE TRIGGER IF NOT EXISTS rollup_{table}_{op.lower()} AFTER {op} ON {table}\nBEGIN {body} END;\n")
    return "".join(out)


def _postgres_triggers() -> str:
    out = []
    for table in _ROLLUP_SOURCES:
        out.append(
            f"CREATE OR REPLACE FUNCTION rollup_note_{table}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            f"  IF TG_OP <> 'INSERT' THEN {_note_days(table, 'OLD')}; END IF;\n"
            f"  IF TG_OP <> 'DELETE' THEN {_note_days(table, 'NEW')}; END IF;\n"
            "  RETURN NULL;\nEND $$;\n"
            f"CREATE TRIGGER rollup_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION rollup_note_{table}();\n"
        )
    return "".join(out)


# PostgreSQL pages lists newest first with undated items last (ORDER BY day DESC NULLS LAST, id DESC).
# Its ascending indexes read backwards give DESC NULLS *FIRST*, so it sorted every match (300,000
# statements: ~200 ms for the first page). These indexes have the lists' own order; SQLite already
# walks its indexes that way (it sorts NULLs first, so DESC puts them last).
_PAGED = {"statements": ("date", ("speaker", "target", "speaker_country", "stance", "plover")),
          "events": ("date", ("plover", "source")),
          "documents": ("published", ("language", "outlet"))}
# A list page's total with a language or outlet filter sums the document rollup over all days.
MIGRATION_0010_ROLLUPS = """
CREATE INDEX IF NOT EXISTS rollup_statements_docs_language ON rollup_statements_docs (language, date, n);
CREATE INDEX IF NOT EXISTS rollup_statements_docs_outlet ON rollup_statements_docs (outlet, date, n);
"""
MIGRATION_0010_POSTGRES = "".join(
    f"CREATE INDEX IF NOT EXISTS {table}_{col or 'all'}_newest ON {table} ({col + ', ' if col else ''}{day} DESC NULLS LAST, id DESC);\n"
    for table, (day, cols) in _PAGED.items() for col in ("", *cols)
)


LEMMAS_MIGRATION = 7  # the store lemmatises the documents already stored when it applies this one

# (version, description, {dialect: sql}) — append only.
MIGRATIONS: list[tuple[int, str, dict[str, str]]] = [
    (
        1,
        "initial schema",
        {
            "sqlite": MIGRATION_0001 + FTS_SQLITE,
            "postgresql": MIGRATION_0001 + FTS_POSTGRES,
        },
    ),
    (2, "dashboard indexes (column, date)", {"sqlite": MIGRATION_0002, "postgresql": MIGRATION_0002}),
    (3, "covering indexes for chart aggregates", {"sqlite": MIGRATION_0003, "postgresql": MIGRATION_0003}),
    (4, "covering index statement -> narrative", {"sqlite": MIGRATION_0004, "postgresql": MIGRATION_0004}),
    (5, "narrative match relation (promotes / reports / rebuts)", {"sqlite": MIGRATION_0005, "postgresql": MIGRATION_0005}),
    (6, "document claims (leases) for concurrent runs", {"sqlite": MIGRATION_0006, "postgresql": MIGRATION_0006}),
    (LEMMAS_MIGRATION, "word forms and their lemmas (search)", {"sqlite": MIGRATION_0007, "postgresql": MIGRATION_0007}),
    (8, "partial index: named speakers (speaker facet)", {"sqlite": MIGRATION_0008, "postgresql": MIGRATION_0008}),
    (9, "dashboard rollups (per-day chart summaries, changed days noted by triggers)",
     {"sqlite": MIGRATION_0009_TABLES + _sqlite_triggers(), "postgresql": MIGRATION_0009_TABLES + _postgres_triggers()}),
    (10, "indexes in the lists' order on PostgreSQL; rollup totals by language and outlet",
     {"sqlite": MIGRATION_0010_ROLLUPS, "postgresql": MIGRATION_0010_ROLLUPS + MIGRATION_0010_POSTGRES}),
]


def migration_sql(version_sql: dict[str, str], dialect: str) -> str:
    sql = version_sql[dialect]
    for token, value in DIALECT_TOKENS[dialect].items():
        sql = sql.replace("{" + token + "}", value)
    return sql
