"""The store on SQLite and on a real PostgreSQL (the `db_url` fixture runs each test on both)."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.errors import StoreError
from linewatch.model import Document, DocumentAnalysis, Event, NarrativeMatch, StanceMention, Statement
from linewatch.store import event_from_row, open_store, statement_from_row
from linewatch.store.schema import MIGRATIONS


def _doc(text: str = "The minister said the border would stay closed.", **kw: object) -> Document:
    return Document(text=text, title="A title", language="en", published=date(2021, 11, 10), source="t", **kw)  # type: ignore[arg-type]


def _analysis(doc: Document, n: int = 2) -> DocumentAnalysis:
    statements = [
        Statement(
            doc_id=doc.id, content=f"part {i}", content_span=(i * 10, i * 10 + 5), speaker="Sergei Lavrov",
            speaker_span=(0, 3), cue="said", cue_span=(4, 8), date=date(2021, 11, 9), target="Belarus",
            target_span=(20, 27), stance="support", narratives=["west-hypocrisy"], content_spans=[(i * 10, i * 10 + 5)],
            sentence_span=(0, 40), confidence=0.8, extractor="test", extractor_version="1", extra={"k": "v"},
        )
        for i in range(n)
    ]
    events = [
        Event(doc_id=doc.id, plover="CONSULT", span=(0, 40), source="Vladimir Putin", target="Angela Merkel",
              participants=["Vladimir Putin", "Angela Merkel"], date=date(2021, 11, 10), trigger="call",
              trigger_span=(30, 34), scale=1.0, extractor="test", extractor_version="1")
    ]
    narratives = [NarrativeMatch(doc_id=doc.id, narrative_id="west-hypocrisy", taxonomy="t", score=0.7, span=(0, 40))]
    stances = [StanceMention(doc_id=doc.id, holder="Sergei Lavrov", target="Poland", polarity="oppose", score=0.6, span=(1, 2))]
    return DocumentAnalysis(doc_id=doc.id, statements=statements, events=events, narratives=narratives, stances=stances)


def test_migrations_are_recorded_and_idempotent(db_url: str) -> None:
    s1 = open_store(db_url)
    s2 = open_store(db_url)  # second open applies nothing
    versions = [r["version"] for r in s2.query("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m[0] for m in MIGRATIONS]
    assert s1.dialect in ("sqlite", "postgresql")
    s1.close()
    s2.close()


def test_add_document_deduplicates_and_round_trips(db_url: str) -> None:
    store = open_store(db_url)
    doc = _doc(meta={"encoding": "utf-8"}, url="https://example.org/a")
    assert store.add_document(doc) is True
    assert store.add_document(_doc()) is False  # same content hash
    assert store.add_document(_doc("The minister said the border would stay  closed.\r\n")) is False  # whitespace only
    got = store.get_document(doc.id)
    assert got is not None and got.text == doc.text and got.published == date(2021, 11, 10)
    assert got.meta == {"encoding": "utf-8"} and got.url == "https://example.org/a"
    assert store.get_document("nope") is None
    assert store.documents_to_process("v1") == [doc.id]
    assert store.counts()["documents"] == 1
    store.close()


def test_save_analysis_replaces_in_one_transaction(db_url: str) -> None:
    store = open_store(db_url)
    doc = _doc()
    store.add_document(doc)
    store.save_analysis(_analysis(doc, 3), "v1")
    c = store.counts()
    assert (c["statements"], c["events"], c["narrative_matches"], c["stance_mentions"]) == (3, 1, 1, 1)
    assert store.documents_to_process("v1") == []
    assert store.documents_to_process("v2") == [doc.id]
    store.save_analysis(_analysis(doc, 1), "v2")  # reprocessing replaces, never adds
    assert store.counts()["statements"] == 1
    # a failing save leaves the previous analysis untouched
    bad = _analysis(doc, 2)
    bad.doc_id = "missing-document"
    with pytest.raises(StoreError):
        store.save_analysis(bad, "v3")
    assert store.counts()["statements"] == 1
    assert store.scalar("SELECT processed_version FROM documents WHERE id = ?", (doc.id,)) == "v2"
    store.close()


def test_rows_back_to_dataclasses(db_url: str) -> None:
    store = open_store(db_url)
    doc = _doc()
    store.add_document(doc)
    a = _analysis(doc, 1)
    store.save_analysis(a, "v1")
    s = statement_from_row(store.query("SELECT * FROM statements")[0])
    want = a.statements[0]
    assert (s.id, s.speaker, s.speaker_span, s.cue_span, s.date, s.target_span, s.stance) == (
        want.id, want.speaker, want.speaker_span, want.cue_span, want.date, want.target_span, want.stance
    )
    assert s.narratives == ["west-hypocrisy"] and s.content_spans == [(0, 5)] and s.extra == {"k": "v"}
    assert s.to_contract("d") == want.to_contract("d")
    e = event_from_row(store.query("SELECT * FROM events")[0])
    assert e.to_contract("d") == a.events[0].to_contract("d")
    assert [x.id for x in store.statements_for(doc.id)] == [want.id]
    store.close()


def test_nested_transactions_and_placeholders(db_url: str) -> None:
    store = open_store(db_url)
    ins = "INSERT INTO alerts (kind, created_at, message) VALUES (?, ?, ?)"
    with store.transaction():
        store.execute(ins, ("a", "2021-11-10", "100% sure? yes"))
        with pytest.raises(ValueError):
            with store.transaction():
                store.execute(ins, ("b", "2021-11-10", "inner"))
                raise ValueError("inner fails")
        with store.transaction():
            store.execute(ins, ("c", "2021-11-10", "kept"))
    kinds = [r["kind"] for r in store.query("SELECT kind FROM alerts ORDER BY kind")]
    assert kinds == ["a", "c"]
    # literal % and ? inside SQL strings stay literal; ? outside are parameters
    rows = store.query("SELECT message FROM alerts WHERE message LIKE '100%' AND kind = ? AND '?' = '?'", ("a",))
    assert rows == [{"message": "100% sure? yes"}]
    with pytest.raises(ValueError):
        with store.transaction():
            store.execute(ins, ("d", "x", "rolled back"))
            raise ValueError
    assert store.scalar("SELECT COUNT(*) AS n FROM alerts") == 2
    with pytest.raises(StoreError):
        store.query("SELECT * FROM no_such_table")
    store.close()


@pytest.mark.parametrize("q", ['border', 'BORDER closed', 'border" OR "x', 'NEAR(border', 'text: border*', "'; DROP TABLE documents; --"])
def test_search_is_safe_for_any_query(db_url: str, q: str) -> None:
    store = open_store(db_url)
    doc = _doc("Border guards said the border crossing at Kuźnica would stay closed.")
    store.add_document(doc)
    store.save_analysis(_analysis(doc, 1), "v1")
    hits = store.search_documents(q, 5)
    assert isinstance(hits, list)
    if q.lower().startswith("border") and '"' not in q and ":" not in q:
        assert [h["id"] for h in hits] == [doc.id]
    assert store.search_documents("", 5) == [] and store.search_documents("!!!", 5) == []
    assert isinstance(store.search_statements(q, 5), list)
    assert store.counts()["documents"] == 1
    store.close()


def test_search_statements_finds_speaker_and_content(db_url: str) -> None:
    store = open_store(db_url)
    doc = _doc()
    store.add_document(doc)
    store.save_analysis(_analysis(doc, 2), "v1")
    assert len(store.search_statements("Lavrov", 10)) == 2
    assert len(store.search_statements("part", 10)) == 2
    assert store.search_statements("Merkel", 10) == []
    store.close()


def test_sync_actors_upserts(db_url: str) -> None:
    from linewatch.model import Actor, Role

    store = open_store(db_url)
    actors = [Actor(id="x-one", name="X One", country="RUS", roles=[Role("Minister", start=date(2004, 3, 9))])]
    assert store.sync_actors(actors) == 1
    actors[0].name = "X One Renamed"
    store.sync_actors(actors)
    rows = store.query("SELECT id, name, country FROM actors")
    assert rows == [{"id": "x-one", "name": "X One Renamed", "country": "RUS"}]
    store.close()


def test_concurrent_store_objects_see_each_other(db_url: str) -> None:
    a = open_store(db_url)
    b = open_store(db_url)
    a.add_document(_doc())
    assert b.counts()["documents"] == 1
    assert b.add_document(_doc()) is False
    a.close()
    b.close()
