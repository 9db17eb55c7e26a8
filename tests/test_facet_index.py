"""The speaker facet (every dashboard page's dropdown, computed on a page's first request) is
answered from a partial index of named speakers, not by reading every statement row."""
from __future__ import annotations

from linewatch.store import open_store
from linewatch.store.queries.records import FACET_SQL


def test_speaker_facet_reads_the_named_speaker_index(tmp_path) -> None:
    s = open_store(str(tmp_path / "f.db"))
    plan = " ".join(str(r) for r in s.query("EXPLAIN QUERY PLAN " + FACET_SQL["actor"]))
    s.close()
    assert "statements_named_speaker" in plan
