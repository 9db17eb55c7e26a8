"""Store helpers that need no database: URLs, placeholder translation, FTS quoting, defaults."""
from __future__ import annotations

from pathlib import Path

import pytest

from linewatch.errors import StoreError
from linewatch.store import fts5_query, open_store, resolve_url, search_terms
from linewatch.store.connection import split_sqlite_script, to_pyformat


def test_resolve_url_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LINEWATCH_DB", raising=False)
    assert resolve_url("x.db") == ("sqlite", "x.db")
    assert resolve_url("sqlite:///tmp/x.db") == ("sqlite", "tmp/x.db")
    assert resolve_url("sqlite:////tmp/x.db") == ("sqlite", "/tmp/x.db")
    assert resolve_url("postgresql://u@h/d") == ("postgresql", "postgresql://u@h/d")
    assert resolve_url(None) == ("sqlite", "linewatch.db")
    monkeypatch.setenv("LINEWATCH_DB", "env.db")
    assert resolve_url(None) == ("sqlite", "env.db")
    with pytest.raises(StoreError):
        resolve_url("mysql://x")


def test_to_pyformat_respects_literals_and_comments() -> None:
    assert to_pyformat("SELECT ? WHERE a LIKE '50%?' -- why?\n AND b = ?") == (
        "SELECT %s WHERE a LIKE '50%%?' -- why?\n AND b = %s"
    )
    assert to_pyformat("SELECT 'it''s ?', \"q?\" , ? % 2") == "SELECT 'it''s ?', \"q?\" , %s %% 2"


def test_split_script_keeps_triggers_whole() -> None:
    script = "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n-- tail\n"
    parts = split_sqlite_script(script)
    assert len(parts) == 2 and parts[1].endswith("END;")


def test_fts5_query_quotes_operators() -> None:
    assert fts5_query(search_terms('a "b" OR c*')) == '"a" "b" "OR" "c"'
    assert search_terms("x" * 10000) and len(search_terms(" ".join(["w"] * 100))) == 20


def test_missing_folder_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "no" / "such" / "x.db")
    assert "does not exist" in str(err.value) and "\n" not in str(err.value)


def test_not_a_database_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(bad)


def test_default_store_follows_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linewatch.config import init_workspace

    monkeypatch.delenv("LINEWATCH_DB", raising=False)
    init_workspace(tmp_path / "ws")
    (tmp_path / "ws" / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "ws" / "sub")
    store = open_store()
    assert store.url.endswith(str(tmp_path / "ws" / "linewatch.db"))
    store.close()
    monkeypatch.setenv("LINEWATCH_DB", str(tmp_path / "env.db"))
    store = open_store()
    assert store.url.endswith("env.db")
    store.close()


def test_postgres_unreachable_is_one_line() -> None:
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(err.value)


def test_in_clause_is_one_array_parameter_on_postgres() -> None:
    from linewatch.store.rows import in_clause

    assert in_clause("sqlite", "s.id", ("a", "b")) == ("s.id IN (?,?)", ["a", "b"])
    assert in_clause("postgresql", "s.id", ("a", "b")) == ("s.id = ANY(?)", [["a", "b"]])


def test_in_clause_selects_the_same_rows(db_url: str) -> None:
    from linewatch.store.rows import in_clause

    with open_store(db_url) as st:
        st.execute("CREATE TABLE lw_in_probe (id TEXT PRIMARY KEY)")
        st.executemany("INSERT INTO lw_in_probe (id) VALUES (?)", [(f"id{i}",) for i in range(30)])
        among, values = in_clause(st.dialect, "id", [f"id{i}" for i in range(0, 40, 3)])
        found = [r["id"] for r in st.query(f"SELECT id FROM lw_in_probe WHERE {among} ORDER BY id", values)]
    assert found == sorted(f"id{i}" for i in range(0, 30, 3))
