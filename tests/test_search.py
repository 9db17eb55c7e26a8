"""Search finds other word forms (ru/pl lemmas), names in any registry spelling, phrases and
AND/OR/NOT, in statements and documents alike; user text never becomes query syntax."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.store.queries import records
from linewatch.store.queries.filters import ItemFilter, statement_branches
from linewatch.store.queries.search import fts5_expression, parse_query, tsquery_expression

TEXTS = [
    ("ru", "Песков: в Москве учитывают риск, что часть мигрантов может попытаться попасть в Россию."),
    ("ru", "Лаврову задали вопрос о границе; министр ответил, что давление на Минск беспочвенно."),
    ("pl", "Straż Graniczna: w nocy doszło do prób siłowego przekroczenia granicy przez grupy migrantów."),
    ("pl", "Łukaszenki reżim stosuje wojnę hybrydową, powiedział premier."),
    ("en", "Sergei Lavrov said the EU was trying to shift the blame onto Minsk for a hybrid attack."),
    ("en", "Poland said the border was quiet; migrants were moved from the camp."),
]


def _fill(store) -> None:
    for i, (lang, text) in enumerate(TEXTS):
        doc = Document(text=text, title=f"doc {i}", language=lang, published=date(2021, 11, 1 + i), source="test",
                       outlet="Test")
        store.add_document(doc)
        store.execute("INSERT INTO statements (id, doc_id, speaker, content, content_start, content_end, date)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?)", [f"s{i}", doc.id, None, text, 0, len(text), f"2021-11-0{1 + i}"])


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path):
    from linewatch.store import open_store

    url = str(tmp_path / "s.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    s = open_store(url)
    _fill(s)
    yield s
    s.close()


def _st(store, q: str) -> set[int]:
    rows, _ = records.list_statements(store, ItemFilter(q=q), 50)
    return {int(r["id"][1:]) for r in rows}


def _docs(store, q: str) -> set[str]:
    rows, _ = records.list_documents(store, ItemFilter(q=q), 50)
    return {r["title"] for r in rows}


def test_other_word_forms(store) -> None:
    assert _st(store, "мигранты") == _st(store, "мигрантов") == {0}
    assert _st(store, "granica") == _st(store, "granicy") == {2}
    assert _docs(store, "граница") == {"doc 1"}


def test_names_in_any_registry_spelling(store) -> None:
    assert _st(store, "Лавров") == {1, 4}  # Лаврову (ru dative) and Sergei Lavrov
    assert _st(store, "Lavrov") == {1, 4}
    assert 3 in _st(store, "Lukashenko")  # Łukaszenki
    assert _st(store, "Łukaszenko") == _st(store, "Lukashenko")


def test_phrases_and_operators(store) -> None:
    assert _st(store, '"hybrid attack"') == {4}
    assert _st(store, '"attack hybrid"') == set()
    assert _st(store, "border OR granicy") == {2, 5}
    assert _st(store, "migrants NOT Poland") == {2}  # migrantów (pl) but not the Polish border post
    assert _st(store, "Minsk AND hybrid") == {4}
    assert _docs(store, "Poland") == {"doc 5"}


def test_user_text_never_becomes_syntax() -> None:
    for q in ['"', 'a" OR "b', "NEAR(a b)", "col:value", "*", "a*b", "NOT", "(((", "'; DROP TABLE x; --"]:
        expr = fts5_expression(parse_query(q))
        assert expr is None or all(part.count('"') % 2 == 0 for part in [expr])
        ts = tsquery_expression(parse_query(q))
        assert ts is None or ";" not in ts and "'" not in ts


def test_api_documents_honours_q(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    s = open_store(str(tmp_path / "a.db"))
    _fill(s)
    client = TestClient(create_app(s))
    items = client.get("/api/documents", params={"q": "granica"}).json()["items"]
    assert [d["title"] for d in items] == ["doc 2"]
    assert len(client.get("/api/documents").json()["items"]) == len(TEXTS)
    page = client.get("/documents", params={"q": "мигранты"}).text
    assert "doc 0" in page and "doc 3" not in page


def test_a_search_never_lemmatises_and_reads_a_bounded_page(store, monkeypatch) -> None:
    """Lemmas are computed when documents are written; a search only looks its words up
    (loading a lemma dictionary takes seconds per language), and fetches one page, not every match."""
    from linewatch.store.queries import search

    calls: list[str] = []

    class Counting:
        def lemmatize(self, word: str, lang: str) -> str:
            calls.append(word)
            return word

    monkeypatch.setattr(search, "_LEMMATIZER", Counting())
    monkeypatch.setattr(search.simplemma, "lemmatize", Counting().lemmatize)
    fetched: list[int] = []
    query = store.query

    def counting(sql, params=()):
        rows = query(sql, params)
        fetched.append(len(rows))
        return rows

    monkeypatch.setattr(store, "query", counting)
    assert _st(store, "мигрантов") == {0} and _st(store, "granicy") == {2} and _docs(store, "граница") == {"doc 1"}
    fetched.clear()
    rows, more = records.list_statements(store, ItemFilter(q="Minsk OR migrants OR border OR granicy"), 1)
    assert len(rows) == 1 and more
    assert calls == []
    # at most one stored lemma per word of the query (4), a count (1 row) and a page of limit + 1 ids;
    # never a row per match or per stored word
    assert max(fetched) <= 4


def test_lemmas_are_stored_once_per_form(store) -> None:
    from linewatch.store.queries.search import index_words, stored_lemmas

    assert stored_lemmas(store, ["мигрантов", "granicy", "unknownword"]) == {"мигрантов": ("мигрант",),
                                                                            "granicy": ("granica",)}
    assert index_words(store, [(TEXTS[0][1], "ru"), (TEXTS[2][1], "pl")]) == 0  # already there


def test_a_database_from_before_lemmas_gets_them_on_upgrade(tmp_path) -> None:
    from linewatch.store import open_store

    url = str(tmp_path / "old.db")
    s = open_store(url)
    _fill(s)
    s.execute("DROP TABLE search_lemmas")
    s.execute("DELETE FROM schema_migrations WHERE version = 7")
    s.close()
    s = open_store(url)  # applies the migration and lemmatises the stored documents once
    assert _st(s, "мигрантов") == {0} and _st(s, "migrants NOT Poland") == {2}
    assert s.scalar("SELECT COUNT(*) FROM search_lemmas") > 30
    s.close()



def test_a_rare_word_on_postgresql_is_read_through_its_index_and_lists_what_the_date_walk_lists(pg_url: str) -> None:
    """A word the planner has no statistics for is read through the full-text index first, not
    looked for newest first along the whole date index (4 s at 300,000 statements when no statement
    has it); the page of its matches is the same rows in the same order as the plain query's:
    ties on a day by id, undated ones last, either direction, any page, with other filters."""
    from linewatch.store import open_store

    with open_store(pg_url) as st:
        doc = Document(text="Invented text about a fence.", title="t", language="en", published=date(2021, 11, 1),
                       source="test", outlet="Test")
        st.add_document(doc)
        # 150 words besides the common ones: enough for the planner to trust its word statistics
        rows = [(f"w{i:04d}", doc.id, None, f"The fence along the river was closed at post{i % 150}.",
                 f"2021-11-{1 + i % 28:02d}") for i in range(1200)]
        rare_days = ["2021-10-02", "2021-10-05", "2021-10-05", None, "2021-12-24", "2021-10-05", None, "2021-09-30"]
        rows += [(f"q{i}", doc.id, "Invented Speaker" if i % 2 else None, f"A quokka was seen near the fence ({i}).", day)
                 for i, day in enumerate(rare_days)]
        st.executemany("INSERT INTO statements (id, doc_id, speaker, content, content_start, content_end, date)"
                       " VALUES (?, ?, ?, ?, 0, 10, ?)", rows)
        st.execute("ANALYZE statements")  # the planner's word statistics, as autovacuum leaves them
        assert sorted(records._few_matches(st, records._Search(st, ItemFilter(q="quokka")), 51) or []) == [f"q{i}" for i in range(8)]
        assert records._few_matches(st, records._Search(st, ItemFilter(q="wombat")), 51) == []
        assert records._few_matches(st, records._Search(st, ItemFilter(q="fence")), 51) is None  # common: the date walk
        assert records._few_matches(st, records._Search(st, ItemFilter()), 51) is None
        for q, extra in (("quokka", {}), ("quokka fence", {}), ("quokka", {"date_from": "2021-10-03"}),
                         ("quokka", {"actor": "Invented Speaker"}), ("wombat", {})):
            f = ItemFilter(q=q, **extra)
            matches = records._few_matches(st, records._Search(st, f), 51)
            assert matches is not None
            for order in ("DESC", "ASC"):
                for limit, offset in ((3, 0), (3, 3), (50, 0)):
                    pages = [records._page_ids(st, "statements s", "s", statement_branches(f, st, matches=m), order, limit, offset)
                             for m in (None, matches)]
                    assert pages[0] == pages[1], (q, extra, order, limit, offset)
        found, more = records.list_statements(st, ItemFilter(q="quokka"), 3)
        assert [r["id"] for r in found] == ["q4", "q5", "q2"] and more
        assert records.list_statements(st, ItemFilter(q="wombat"), 5) == ([], False)
