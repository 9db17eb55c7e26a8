"""Stance shifts carry their evidence and an analyst can dismiss a false one (dashboard, CLI, briefing)."""
from __future__ import annotations

import re

import pytest

from linewatch.analyze.stance.shifts import dismiss_shift, reviewed_shifts
from linewatch.model import Document

TOKEN = "test-token-0123456789"


@pytest.fixture()
def store(tmp_path):
    from linewatch.store import open_store

    s = open_store(str(tmp_path / "sh.db"))
    # Lavrov toward Belarus: support on 8 and 10 November, oppose from the 20th (the shift to check)
    days = [("2021-11-08", "support"), ("2021-11-10", "support"), ("2021-11-20", "oppose"), ("2021-11-22", "oppose")]
    for i, (day, stance) in enumerate(days):
        text = f"Sergei Lavrov said something about Belarus, number {i}."
        doc = Document(text=text, title=f"d{i}", language="en", source="t")
        s.add_document(doc)
        s.execute("INSERT INTO statements (id, doc_id, speaker, speaker_id, content, content_start, content_end, date,"
                  " target, stance, sentence, sentence_start, sentence_end) VALUES (?, ?, 'Sergei Lavrov', 'sergei-lavrov',"
                  " ?, 0, ?, ?, 'Belarus', ?, ?, 0, ?)", [f"s{i}", doc.id, text, len(text), day, stance, text, len(text)])
    yield s, str(tmp_path / "sh.db")
    s.close()


def test_a_shift_carries_its_evidence(store) -> None:
    s, _ = store
    [shift] = reviewed_shifts(s)
    assert (shift["speaker"], shift["target"], shift["before"], shift["after"]) == ("Sergei Lavrov", "Belarus", "support", "oppose")
    sides = [(e["side"], e["stance"]) for e in shift["evidence"]]
    assert sides == [("before", "support"), ("before", "support"), ("after", "oppose"), ("after", "oppose")]
    assert all(e["sentence"].startswith("Sergei Lavrov said") for e in shift["evidence"])


def test_dismissed_shift_leaves_dashboard_cli_and_briefing(store) -> None:
    from fastapi.testclient import TestClient

    from linewatch.report.brief import build_briefing
    from linewatch.web.app import create_app
    from linewatch.web.settings import WebSettings

    s, db = store
    [shift] = reviewed_shifts(s)
    client = TestClient(create_app(s, WebSettings(api_tokens=[TOKEN])))
    page = client.get("/shifts").text
    assert shift["id"] in page and 'href="/statement/s0#hl"' in page
    assert any("moved from support to oppose" in ln.text for ln in build_briefing(s, "2021-11-01", "2021-11-30").shifts)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # every form carries one
    assert client.post(f"/shifts/{shift['id']}/dismiss", data={"author": "ana", "token": TOKEN}).status_code == 403
    assert client.post(f"/shifts/{shift['id']}/dismiss", data={"author": "ana", "csrf": csrf}).status_code == 400  # no token
    r = client.post(f"/shifts/{shift['id']}/dismiss", data={"author": "ana", "token": TOKEN, "csrf": csrf},
                    follow_redirects=False)
    assert r.status_code == 303
    assert reviewed_shifts(s) == [] and reviewed_shifts(s, include_dismissed=True)[0]["dismissed_by"] == "ana"
    assert shift["id"] not in client.get("/shifts").text and shift["id"] in client.get("/shifts?all=1").text
    assert not any("moved from" in ln.text for ln in build_briefing(s, "2021-11-01", "2021-11-30").shifts)
    assert dismiss_shift(s, shift["id"], "ana", undo=True) == 1 and len(reviewed_shifts(s)) == 1


def test_cli_lists_evidence_and_dismisses(store) -> None:
    import json
    import os
    import subprocess
    import sys

    s, db = store
    [shift] = reviewed_shifts(s)
    env = {**os.environ, "COLUMNS": "250"}
    run = subprocess.run([sys.executable, "-m", "linewatch", "shifts", "--db", db, "--json"], capture_output=True, text=True, env=env)
    [row] = [json.loads(x) for x in run.stdout.splitlines()]
    assert row["id"] == shift["id"] and len(row["evidence"]) == 4
    done = subprocess.run([sys.executable, "-m", "linewatch", "shifts", "--db", db, "--dismiss", shift["id"], "--author", "cli"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0 and "dismissed" in done.stdout
    again = subprocess.run([sys.executable, "-m", "linewatch", "shifts", "--db", db, "--json"], capture_output=True, text=True, env=env)
    assert again.stdout.strip() == ""


def test_stance_corrections_reach_the_shifts(store) -> None:
    from linewatch.store.queries.corrections import add_corrections
    from linewatch.store.queries.records import get_statement

    s, _ = store
    assert len(reviewed_shifts(s)) == 1
    for sid in ("s2", "s3"):  # the analyst reads the "oppose" statements as support after all
        add_corrections(s, "statement", get_statement(s, sid), {"stance": "support"}, "ana")
    assert reviewed_shifts(s) == []


def test_newest_shifts_only_read_their_own_evidence(store) -> None:
    """The dashboard lists the newest shifts only: the cut is made before any evidence is read."""
    s, _ = store
    # a second, later shift: Lavrov toward Poland, support on 12 and 14 November, oppose from the 25th
    for i, (day, stance) in enumerate((("2021-11-12", "support"), ("2021-11-14", "support"), ("2021-11-25", "oppose"),
                                       ("2021-11-27", "oppose")), start=10):
        text = f"Sergei Lavrov spoke of Poland, number {i}."
        doc = Document(text=text, title=f"d{i}", language="en", source="t")
        s.add_document(doc)
        s.execute("INSERT INTO statements (id, doc_id, speaker, speaker_id, content, content_start, content_end, date,"
                  " target, stance, sentence, sentence_start, sentence_end) VALUES (?, ?, 'Sergei Lavrov', 'sergei-lavrov',"
                  " ?, 0, ?, ?, 'Poland', ?, ?, 0, ?)", [f"s{i}", doc.id, text, len(text), day, stance, text, len(text)])
    every = reviewed_shifts(s)
    assert [x["change_date"] for x in every] == sorted(x["change_date"] for x in every) and len(every) == 2
    assert reviewed_shifts(s, newest=1) == every[-1:] and reviewed_shifts(s, newest=0) == []
