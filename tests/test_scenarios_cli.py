"""`linewatch scenarios ...` end to end: on a hand-made store, and on the shipped demo corpus."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linewatch.cli.main import app
from linewatch.model import Document, DocumentAnalysis, Statement
from linewatch.store import open_store

runner = CliRunner()

SET = """\
id: cli-set
label: CLI set
scenarios:
  - {id: backing, label: Moscow backs Minsk, prior: 0.5}
  - {id: distance, label: Moscow steps back, prior: 0.5}
indicators:
  - id: backs
    label: Russian officials back Minsk
    kind: statement
    query: {speaker_country: RUS, target: [belarus], stance: support}
    diagnosticity: {backing: strong_for, distance: strong_against}
"""


def _store_with_statement(path: Path) -> str:
    store = open_store(str(path))
    text = "Lavrov said Minsk had done nothing wrong."
    doc = Document(text=text, title="Lavrov on Minsk", outlet="Test Wire", language="en", published=date(2021, 11, 1))
    store.add_document(doc)
    store.save_analysis(DocumentAnalysis(doc.id, statements=[Statement(
        doc_id=doc.id, content=text, content_span=(0, len(text)), speaker="Sergei Lavrov", speaker_country="RUS",
        target="Belarus", stance="support", sentence=text, date=date(2021, 11, 1))]), "test")
    store.close()
    return doc.id


def test_check_status_history_validate(tmp_path: Path) -> None:
    db = tmp_path / "lw.db"
    doc = _store_with_statement(db)
    scenario_file = tmp_path / "s.yaml"
    scenario_file.write_text(SET, encoding="utf-8")

    out = runner.invoke(app, ["scenarios", "validate", str(scenario_file)])
    assert out.exit_code == 0, out.output
    assert "is valid" in out.output

    out = runner.invoke(app, ["scenarios", "status", "--db", str(db)])
    assert out.exit_code == 0 and "run linewatch scenarios check" in out.output

    out = runner.invoke(app, ["scenarios", "check", "--db", str(db), "--file", str(scenario_file)])
    assert out.exit_code == 0, out.output
    assert "1 pieces of evidence" in out.output and "leading: Moscow backs Minsk" in out.output

    out = runner.invoke(app, ["scenarios", "status", "--db", str(db)], terminal_width=160)
    assert out.exit_code == 0, out.output
    assert "Moscow backs Minsk" in out.output and "96%" in out.output
    assert "Sergei Lavrov" in out.output and doc in out.output and "done nothing wrong" in out.output

    out = runner.invoke(app, ["scenarios", "history", "--db", str(db)], terminal_width=160)
    assert out.exit_code == 0, out.output
    assert "prior" in out.output and "Russian officials back Minsk" in out.output

    out = runner.invoke(app, ["scenarios", "history", "--db", str(db), "--set", "nope"])
    assert out.exit_code != 0


def test_bad_file_is_one_line_error_and_nothing_is_written(tmp_path: Path) -> None:
    db = tmp_path / "lw.db"
    _store_with_statement(db)
    bad = tmp_path / "bad.yaml"
    bad.write_text(SET.replace("stance: support", "stance: support, mood: grim"), encoding="utf-8")
    out = runner.invoke(app, ["scenarios", "check", "--db", str(db), "--file", str(bad)])
    assert out.exit_code != 0
    assert "bad.yaml:10" in str(out.exception) and "unknown field 'mood'" in str(out.exception)
    store = open_store(str(db))
    assert store.query("SELECT count(*) AS n FROM scenario_weights")[0]["n"] == 0
    store.close()


def test_demo_corpus_moves_the_four_scenarios(tmp_path: Path) -> None:
    """The shipped demo end to end: four scenarios with weights and the evidence behind each."""
    pytest.importorskip("linewatch.cli.demo")
    db = tmp_path / "demo.db"
    out = runner.invoke(app, ["demo", "--db", str(db)])
    if out.exit_code != 0:
        pytest.fail(f"linewatch demo failed: {out.output[-800:]}")
    from linewatch.analyze.scenarios import check_all, scenario_history, scenario_status

    store = open_store(str(db))
    try:
        summary = check_all(store)
        assert [s["set_id"] for s in summary] == ["belarus-2021"]
        status = scenario_status(store, "belarus-2021")
        assert {s["scenario_id"] for s in status} == {
            "controlled-escalation", "moscow-distances", "uncontrolled-escalation", "west-kremlin-dialogue"}
        for s in status:  # every scenario was moved by evidence from the corpus, linked to a sentence
            assert s["evidence"], s["scenario_id"]
            assert all(e["doc_id"] and e["sentence"] for e in s["evidence"])
        moved = {s["scenario_id"]: s["probability"] - s["prior"] / 1.0 for s in status}
        assert any(v > 0 for v in moved.values()) and any(v < 0 for v in moved.values())
        assert len(scenario_history(store, "belarus-2021")) > 8
    finally:
        store.close()
    out = runner.invoke(app, ["scenarios", "status", "--db", str(db)], terminal_width=160)
    assert out.exit_code == 0, out.output
    for label in ("Controlled escalation", "Moscow distances itself", "Uncontrolled escalation", "West–Kremlin dialogue"):
        assert label in out.output
