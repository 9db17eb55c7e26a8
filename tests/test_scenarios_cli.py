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


# Demo documents that carry evidence for each of the four scenarios (for and against): Lavrov and
# Peskov backing Minsk, bombers, the Merkel-Putin call, the Kremlin disowning the gas threat, the
# Kuźnica clash and its copy, the camp clearance, the December sanctions.
DEMO_SUBSET = ("004", "007", "014", "017", "024", "026", "034", "037", "038", "042", "053")


def test_demo_corpus_moves_the_four_scenarios(tmp_path: Path) -> None:
    """The CLI end to end on demo documents: four scenarios with weights and the evidence behind each.

    A subset of the corpus keeps this test fast; `linewatch demo` runs the same check on all of it.
    """
    from linewatch.lexicon import data_path

    db = str(tmp_path / "demo.db")
    files = [str(p) for p in sorted(data_path("demo").glob("*.txt")) if p.name[:3] in DEMO_SUBSET]
    assert len(files) == len(DEMO_SUBSET)
    for command in (["ingest", *files, "--db", db], ["run", "--db", db], ["scenarios", "check", "--db", db]):
        out = runner.invoke(app, command)
        assert out.exit_code == 0, f"{command[0]}: {out.output[-800:]}"
    from linewatch.analyze.scenarios.check import scenario_history, scenario_status

    store = open_store(db)
    try:
        status = scenario_status(store, "belarus-2021")
        assert {s["scenario_id"] for s in status} == {
            "controlled-escalation", "moscow-distances", "uncontrolled-escalation", "west-kremlin-dialogue"}
        for s in status:  # every scenario was moved by evidence from the corpus, linked to a sentence
            assert s["evidence"], s["scenario_id"]
            assert all(e["doc_id"] and e["sentence"] for e in s["evidence"])
        assert sum(s["probability"] for s in status) == pytest.approx(1.0)
        assert any(s["probability"] > s["prior"] for s in status) and any(s["probability"] < s["prior"] for s in status)
        history = scenario_history(store, "belarus-2021")
        assert len(history) > 8 and all(h["reason"].get("kind") in ("prior", "evidence") for h in history)
    finally:
        store.close()
    out = runner.invoke(app, ["scenarios", "status", "--db", db])
    assert out.exit_code == 0, out.output
    for label in ("Controlled escalation", "Moscow distances itself", "Uncontrolled escalation", "West–Kremlin dialogue"):
        assert label in out.output
