"""Stance matrix, shifts and corrections over a real store (SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import date, timedelta

from linewatch.analyze.stance.matrix import stance_matrix, stance_shifts
from linewatch.model import Document, DocumentAnalysis, Statement
from linewatch.store import open_store


def _statement(doc_id: str, n: int, speaker: str, target: str, stance: str, day: date) -> Statement:
    return Statement(
        doc_id=doc_id, content=f"claim number {n}", content_span=(n * 10, n * 10 + 8), speaker=speaker,
        speaker_country="RUS" if speaker == "Sergei Lavrov" else "POL", target=target, stance=stance,  # type: ignore[arg-type]
        date=day,
    )


def _fill(store) -> list[Statement]:
    """Moscow backs Minsk for two weeks, then distances itself; Warsaw blames Minsk throughout."""
    text = " ".join(f"word{i}" for i in range(400))
    doc = Document(text=text, id="doc1", language="en", published=date(2021, 11, 30))
    store.add_document(doc)
    day0 = date(2021, 11, 1)
    plan = [("Sergei Lavrov", "Belarus", "support", d) for d in (0, 2, 4, 6)]
    plan += [("Sergei Lavrov", "Belarus", "oppose", d) for d in (15, 17, 19)]
    plan += [("Mariusz Błaszczak", "Belarus", "oppose", d) for d in (1, 3, 16, 18)]
    plan += [("Sergei Lavrov", "European Union", "neutral", 5)]
    sts = [_statement("doc1", n, s, t, st, day0 + timedelta(days=d)) for n, (s, t, st, d) in enumerate(plan)]
    store.save_analysis(DocumentAnalysis(doc_id="doc1", statements=sts))
    return sts


def test_matrix_counts_and_window(db_url: str) -> None:
    store = open_store(db_url)
    _fill(store)
    cells = {(c["speaker"], c["target"]): c for c in stance_matrix(store)}
    lavrov = cells[("Sergei Lavrov", "Belarus")]
    assert (lavrov["support"], lavrov["oppose"], lavrov["neutral"], lavrov["net"]) == (4, 3, 0, 1)
    assert len(lavrov["statement_ids"]) == 7
    assert cells[("Mariusz Błaszczak", "Belarus")]["oppose"] == 4
    early = {(c["speaker"], c["target"]): c for c in stance_matrix(store, end=date(2021, 11, 10))}
    assert early[("Sergei Lavrov", "Belarus")]["oppose"] == 0
    by_country = {(c["speaker"], c["target"]) for c in stance_matrix(store, by="country")}
    assert any(s == "RUS" for s, _ in by_country) and any(s == "POL" for s, _ in by_country)


def test_shift_detected_with_statements_on_each_side(db_url: str) -> None:
    store = open_store(db_url)
    sts = _fill(store)
    shifts = stance_shifts(store, window_days=14, min_count=2)
    assert len(shifts) == 1, shifts
    shift = shifts[0]
    assert (shift["speaker"], shift["target"], shift["before"], shift["after"]) == (
        "Sergei Lavrov", "Belarus", "support", "oppose")
    assert shift["change_date"] == date(2021, 11, 16)
    ids = {s.id: s for s in sts}
    assert all(ids[i].stance == "support" for i in shift["statements_before"])
    assert all(ids[i].stance == "oppose" for i in shift["statements_after"])


def test_corrections_override_stance_and_target(db_url: str) -> None:
    store = open_store(db_url)
    sts = _fill(store)
    lavrov_eu = next(s for s in sts if s.target == "European Union")
    first_support = next(s for s in sts if s.stance == "support")
    for item, field, new in ((lavrov_eu.id, "stance", "oppose"), (first_support.id, "target", "Poland"),
                             (sts[-2].id, "wrong", "1")):
        store.execute(
            "INSERT INTO corrections (item_kind, item_id, doc_id, field, old_value, new_value, author, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ("statement", item, "doc1", field, None, new, "analyst", "2021-12-01T00:00:00Z"),
        )
    cells = {(c["speaker"], c["target"]): c for c in stance_matrix(store)}
    assert cells[("Sergei Lavrov", "European Union")]["oppose"] == 1
    assert cells[("Sergei Lavrov", "Poland")]["support"] == 1
    assert cells[("Sergei Lavrov", "Belarus")]["support"] == 3
    assert cells[("Mariusz Błaszczak", "Belarus")]["oppose"] == 3  # the one marked wrong is gone
