"""An identical text re-posted by another outlet is stored once, but counted as an exact copy."""
from __future__ import annotations

from datetime import date

from linewatch.analyze.amplification import count_unique, detect_in_store, sighting_counts
from linewatch.model import Document
from linewatch.store import open_store

TEXT = (
    "MINSK, Nov 12 - The border committee said on Friday that several hundred people were still camped "
    "near the checkpoint and that the night had passed without incidents on its side of the fence."
)


def test_exact_repost_is_a_sighting_and_an_exact_copy(db_url: str) -> None:
    store = open_store(db_url)
    try:
        first = Document(text=TEXT, outlet="Outlet A", url="https://a.example.invalid/1", published=date(2021, 11, 12))
        again = Document(text=TEXT, outlet="Outlet B", url="https://b.example.invalid/9", published=date(2021, 11, 13))
        same_place = Document(text=TEXT, outlet="Outlet A", url="https://a.example.invalid/1")
        assert store.add_document(first) is True
        assert store.add_document(again) is False  # stored once...
        assert store.add_document(same_place) is False
        assert store.add_document(again) is False  # re-ingesting never adds a second sighting
        assert sighting_counts(store) == {first.id: 1}  # ...but the second outlet is remembered
        groups = detect_in_store(store, translations=False)
        assert len(groups) == 1 and groups[0].size == 2
        assert groups[0].relation_counts()["exact"] == 1
        assert groups[0].outlets() == {"Outlet A", "Outlet B"}
        row = store.query_one("SELECT size FROM story_groups")
        assert row is not None and row["size"] == 2
        counts = count_unique([("n1", first.id)], {}, sighting_counts(store))
        assert counts == {"n1": {"articles": 2, "stories": 1}}
    finally:
        store.close()
