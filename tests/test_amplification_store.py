"""Amplification over a real store (SQLite and PostgreSQL), unique-story counts and the CLI commands."""
from __future__ import annotations

import json

from test_amplification_corpus import build_corpus
from typer.testing import CliRunner

from linewatch.analyze.amplification import detect_in_store, unique_story_counts
from linewatch.model import Document, DocumentAnalysis, Statement
from linewatch.store import open_store


def _fill(store) -> list[str]:
    docs, _ = build_corpus()
    added = []
    for d in docs:
        meta = {"forwarded_from": d.forwarded_from} if d.forwarded_from else {}
        doc = Document(text=d.text, id=d.id, language=d.language, published=d.published, outlet=d.outlet, meta=meta)
        if store.add_document(doc):  # identical texts are one document in the store
            added.append(d.id)
    return added


def test_groups_saved_and_unique_counts(db_url: str) -> None:
    store = open_store(db_url)
    added = _fill(store)
    groups = detect_in_store(store, translations=False)
    assert groups
    rows = store.query("SELECT id, first_doc_id, first_seen, size FROM story_groups")
    assert len(rows) == len(groups)
    members = store.query("SELECT group_id, doc_id, relation FROM story_members")
    # size = member documents + exact copies kept as sightings of a stored text
    assert sum(r["size"] for r in rows) == len(members) + sum(len(g.sightings) for g in groups)
    relations = {r["doc_id"]: r["relation"] for r in members}
    assert relations.get("s0-fwd") == "forward"
    assert relations.get("s0-rewrite") in ("near", "origin")
    # the same claim carried by the English copies of story 0 counts once as a story
    copies = [i for i in ("s0-orig", "s0-copy2", "s0-rewrite") if i in added]
    for doc_id in copies:
        st = Statement(doc_id=doc_id, content="a claim", content_span=(0, 7), speaker="Foreign Ministry of Belarus")
        store.save_analysis(DocumentAnalysis(doc_id=doc_id, statements=[st]))
    counts = unique_story_counts(store, "statements")["Foreign Ministry of Belarus"]
    seen = sum(len(g.sightings) for g in groups if any(m.doc_id in copies for m in g.members))
    assert counts == {"articles": len(copies) + seen, "stories": 1}
    # running again replaces the groups instead of adding to them
    detect_in_store(store, translations=False)
    assert len(store.query("SELECT id FROM story_groups")) == len(rows)


def test_cli_amplification_matrix_shifts(sqlite_url: str) -> None:
    from linewatch.cli.main import app

    store = open_store(sqlite_url)
    _fill(store)
    runner = CliRunner()
    result = runner.invoke(app, ["amplification", "--db", sqlite_url, "--no-translations", "--json"])
    assert result.exit_code == 0, result.output
    groups = [json.loads(line) for line in result.output.splitlines()]
    assert groups and all(g["members"][0]["relation"] == "origin" for g in groups)
    result = runner.invoke(app, ["amplification", "--db", sqlite_url, "--no-translations"])
    assert result.exit_code == 0 and "story groups" in result.output
    for args in (["matrix"], ["matrix", "--by", "country"], ["shifts"], ["matrix", "--json"]):
        result = runner.invoke(app, [*args, "--db", sqlite_url])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["matrix", "--db", sqlite_url, "--from", "not-a-date"])
    assert result.exit_code != 0
