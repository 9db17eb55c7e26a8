"""The narratives page keeps rebutters apart from carriers: a denial never counts as pushing a narrative."""
from __future__ import annotations

from datetime import date

from linewatch.model import Document


def test_rebutters_are_listed_apart_from_carriers(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    store = open_store(str(tmp_path / "n.db"))
    rows = [("a", "Sergei Lavrov", "promotes", 1), ("b", "Sergei Lavrov", "promotes", 2), ("c", "Antony Blinken", "rebuts", 20),
            ("d", "Jens Stoltenberg", "rebuts", 21), ("e", "Maria Zakharova", "promotes", 22)]
    for sid, speaker, relation, day in rows:
        text = f"{speaker} spoke about Poland provoking escalation ({sid})."
        doc = Document(text=text, title=sid, language="en", published=date(2021, 11, day), source="t")
        store.add_document(doc)
        store.execute("INSERT INTO statements (id, doc_id, speaker, content, content_start, content_end, date)"
                      " VALUES (?, ?, ?, ?, 0, ?, ?)", [sid, doc.id, speaker, text, len(text), f"2021-11-{day:02d}"])
        store.execute("INSERT INTO narrative_matches (id, statement_id, doc_id, taxonomy, narrative_id, score, relation, explanation)"
                      " VALUES (?, ?, ?, 'test', 'poland-provokes', 0.9, ?, '{}')", [f"m{sid}", sid, doc.id, relation])
    html = TestClient(create_app(store)).get("/narratives", params={"date_from": "2021-11-01", "date_to": "2021-11-30"}).text
    row = html[html.index('title="poland-provokes"'):]
    row = row[:row.index("</tr>")]
    carriers, rebutters = row.split('<td class="rebutters">')
    assert "Sergei Lavrov</a> (2)" in carriers and "Maria Zakharova" in carriers
    assert "Antony Blinken" not in carriers and "Jens Stoltenberg" not in carriers
    assert "Antony Blinken</a> (1)" in rebutters and "Jens Stoltenberg" in rebutters and "Lavrov" not in rebutters
