"""The query layer's single rules: one corrections overlay, one stance matrix (SQLite and PostgreSQL),
and the pipeline's `requires`."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from linewatch.analyze.stance.matrix import stance_matrix
from linewatch.errors import ConfigError
from linewatch.model import Document, DocumentAnalysis, Statement
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import ComponentError, Pipeline
from linewatch.store import open_store
from linewatch.store.queries import charts, records
from linewatch.store.queries.corrections import apply_corrections, is_wrong
from linewatch.store.queries.filters import ItemFilter
from linewatch.store.queries.stance import stance_cells

PLAN = [  # speaker, country, target, stance, day
    ("Sergei Lavrov", "RUS", "Belarus", "support", 0),
    ("Sergei Lavrov", "RUS", "Belarus", "support", 2),
    ("Sergei Lavrov", "RUS", "Belarus", "oppose", 9),
    ("Sergei Lavrov", "RUS", "European Union", "oppose", 3),
    ("Mariusz Błaszczak", "POL", "Belarus", "oppose", 1),
    ("Mariusz Błaszczak", "POL", "Belarus", "oppose", 4),
    ("Mariusz Błaszczak", "POL", "Belarus", "neutral", 5),
    (None, None, "Belarus", "oppose", 6),
]


def _fill(store) -> list[Statement]:
    doc = Document(text=" ".join(f"word{i}" for i in range(400)), id="doc1", language="en",
                   published=date(2021, 11, 30))
    store.add_document(doc)
    day0 = date(2021, 11, 1)
    sts = [
        Statement(doc_id="doc1", content=f"claim number {n}", content_span=(n * 10, n * 10 + 8), speaker=speaker,
                  speaker_country=country, target=target, stance=stance, date=day0 + timedelta(days=d))  # type: ignore[arg-type]
        for n, (speaker, country, target, stance, d) in enumerate(PLAN)
    ]
    store.save_analysis(DocumentAnalysis(doc_id="doc1", statements=sts))
    return sts


def _correct(store, item_id: str, field: str, value: str, created_at: str) -> None:
    store.execute(
        "INSERT INTO corrections (item_kind, item_id, doc_id, field, old_value, new_value, author, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ("statement", item_id, "doc1", field, None, value, "analyst", created_at),
    )


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "yes", " wrong "])
def test_wrong_values_mark_an_item_wrong(value: str) -> None:
    assert is_wrong(value)


@pytest.mark.parametrize("value", ["false", "0", "", None])
def test_other_values_do_not(value: str | None) -> None:
    assert not is_wrong(value)


def test_newest_correction_by_time_wins_everywhere(db_url: str) -> None:
    """Two corrections of one field: the later `created_at` wins even when written first (a lower
    id), in the overlay and in the filter alike."""
    store = open_store(db_url)
    sts = _fill(store)
    first = sts[0]
    _correct(store, first.id, "stance", "neutral", "2021-12-02T00:00:00+00:00")  # id 1, newer
    _correct(store, first.id, "stance", "oppose", "2021-12-01T00:00:00+00:00")  # id 2, older
    row = records.get_statement(store, first.id)
    assert row is not None and row["stance"] == "neutral"
    assert apply_corrections([{"id": first.id, "stance": "support"}], "statement", store)[0]["stance"] == "neutral"
    listed, _ = records.list_statements(store, ItemFilter(stance="neutral", actor="Sergei Lavrov"), limit=50)
    assert first.id in {r["id"] for r in listed}


def test_one_stance_matrix_for_cli_dashboard_and_cells(db_url: str) -> None:
    store = open_store(db_url)
    sts = _fill(store)
    _correct(store, sts[2].id, "stance", "support", "2021-12-01T00:00:00+00:00")  # Lavrov -> Belarus now support
    _correct(store, sts[3].id, "target", "Poland", "2021-12-01T00:00:00+00:00")  # Lavrov -> Poland, not the EU
    _correct(store, sts[5].id, "wrong", "yes", "2021-12-01T00:00:00+00:00")  # one Błaszczak statement is wrong
    whole = ItemFilter(date_from="2021-11-01", date_to="2021-11-30")
    cells = stance_cells(store, whole)
    assert cells[("Sergei Lavrov", "Belarus")] == [3, 0, 3]
    assert cells[("Sergei Lavrov", "Poland")] == [0, 1, 1]
    assert ("Sergei Lavrov", "European Union") not in cells
    assert cells[("Mariusz Błaszczak", "Belarus")] == [0, 1, 2]
    assert all(holder is not None for holder, _ in cells)  # the dashboard names its holders
    # `linewatch matrix` counts the same cells (and lists their statements)
    cli = {(c["speaker"], c["target"]): c for c in stance_matrix(store, date(2021, 11, 1), date(2021, 11, 30))}
    for (holder, target), (sup, opp, n) in cells.items():
        c = cli[(holder, target)]
        assert (c["support"], c["oppose"], c["support"] + c["oppose"] + c["neutral"]) == (sup, opp, n)
        assert len(c["statement_ids"]) == n
    assert cli[("?", "Belarus")]["oppose"] == 1  # a statement without a speaker: CLI only
    # and so does the dashboard's heat map
    data = charts.stance_matrix_data(store, whole)
    shown = {(data["holders"][h], data["targets"][t]): (n, sup, opp) for t, h, _, n, sup, opp in data["cells"]}
    assert shown == {k: (n, sup, opp) for k, (sup, opp, n) in cells.items()}


def test_a_component_needs_what_it_requires() -> None:
    with pytest.raises(ConfigError, match="statements"):
        Pipeline(names=("segment", "statements"))  # no parse before it: it does not parse for itself


def test_statement_date_errors_are_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    from linewatch.extract import statements

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("statement_date broke")

    monkeypatch.setattr(statements, "statement_date", broken)
    pipe = Pipeline(names=("segment", "parse", "mentions", "dates", "statements"))
    text = 'Sergei Lavrov said: "Minsk is not to blame for the crisis at the border."'
    with pytest.raises(ComponentError, match="statement_date broke"):
        pipe(Doc(Document(text=text, language="en", published=date(2021, 11, 8))))


def test_export_columns_are_columns_the_readers_return() -> None:
    from linewatch.store import rows
    from linewatch.store.queries.exports import unknown_columns
    from linewatch.store.queries.records import READ_STATEMENT_COLUMNS

    assert unknown_columns() == []
    assert READ_STATEMENT_COLUMNS == tuple(c for c in rows.STATEMENT_COLUMNS if c != "extra")  # one list, no copy


def test_the_store_implements_the_protocol(tmp_path) -> None:
    from linewatch.store.protocol import Store

    assert isinstance(open_store(tmp_path / "x.db"), Store)
