"""Search finds other word forms (ru/pl lemmas), names in any registry spelling, phrases and
AND/OR/NOT, in statements and documents alike; user text never becomes query syntax."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.store.queries import records
from linewatch.store.queries.filters import ItemFilter
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
