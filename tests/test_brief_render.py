"""Briefings: shape, citations that point at real sentences, hostile text stays text in md/html/pdf."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linewatch.errors import InputError
from linewatch.report.brief import build_briefing
from linewatch.report.render import md_escape, render, render_markdown, write_briefing
from linewatch.web.sample_data import populate


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    from linewatch.store import open_store

    path = tmp_path_factory.mktemp("brief") / "lw.db"
    s = open_store(f"sqlite:///{path}")
    populate(s, 150, hostile=True)
    yield s, str(path)
    s.close()


def test_every_line_cites_real_sentences(store) -> None:
    s, _ = store
    b = build_briefing(s, "2022-01-01", "2022-01-27")
    assert b.key_statements and b.relations and b.references
    dates = [ln.text for ln in b.key_statements]
    assert all(ln.refs for ln in b.summary + b.key_statements + b.relations)
    # key statements in time order
    days = [re.search(r"On (\d+ \w+ \d{4})", t).group(1) for t in dates]
    from datetime import datetime

    parsed = [datetime.strptime(d, "%d %B %Y") for d in days]
    assert parsed == sorted(parsed)
    # numbered 1..n in order of first citation, each pointing at its document's text
    assert [r.n for r in b.references] == list(range(1, len(b.references) + 1))
    for r in b.references[:20]:
        text = s.query("SELECT text FROM documents WHERE id = ?", [r.doc_id])[0]["text"]
        assert text[r.start:r.end] == r.sentence
    cited = {n for ln in b.summary + b.key_statements + b.relations + b.shifts + b.narratives + b.scenarios for n in ln.refs}
    assert cited == {r.n for r in b.references}


def test_actor_and_topic_narrow_the_briefing(store) -> None:
    s, _ = store
    b = build_briefing(s, "2021-08-01", "2022-01-31", actors=["Sergei Lavrov"])
    assert b.key_statements and all("Sergei Lavrov" in ln.text for ln in b.key_statements)
    t = build_briefing(s, "2021-08-01", "2022-01-31", topic="west-hypocrisy")
    assert t.key_statements and len(t.key_statements) <= 40
    with pytest.raises(InputError):
        build_briefing(s, "2022-01-10", "2022-01-01")
    with pytest.raises(InputError):
        build_briefing(s, "last week", "2022-01-01")


def test_hostile_text_stays_text_in_every_format(store, tmp_path: Path) -> None:
    s, _ = store
    b = build_briefing(s, "2022-01-20", "2022-01-31")
    md = render_markdown(b)
    assert "&lt;script&gt;" in md and "<script" not in md and "<img" not in md and "<svg" not in md
    assert "](javascript" not in md and "<javascript" not in md
    html = render(b, "html").decode("utf-8")
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert 'href="javascript' not in html and "&lt;script&gt;" in html
    assert "default-src 'none'" in html  # even a mistake could not run a script in the saved file
    pdf = render(b, "pdf")
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        out = tmp_path / "b.pdf"
        out.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "<script>" in text  # printed as characters
        assert "кириллица" in text or "References" in text


def test_md_escape() -> None:
    assert md_escape("[x](javascript:alert(1)) *b* <i>") == "\\[x\\](javascript:alert(1)) \\*b\\* &lt;i&gt;"


def test_write_is_atomic_and_checks_the_folder(store, tmp_path: Path) -> None:
    s, _ = store
    b = build_briefing(s, "2022-01-01", "2022-01-27")
    with pytest.raises(InputError):
        write_briefing(b, "md", tmp_path / "missing" / "b.md")
    out = tmp_path / "b.md"
    write_briefing(b, "md", out)
    assert out.read_text(encoding="utf-8").startswith("# Briefing")
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]  # no temporary file left behind


def test_brief_command(store, tmp_path: Path) -> None:
    _, db = store
    out = tmp_path / "brief.html"
    run = subprocess.run([sys.executable, "-m", "linewatch", "brief", "--db", db, "--from", "2022-01-01", "--to",
                          "2022-01-27", "--actor", "Dmitry Peskov", "--output", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Dmitry Peskov" in out.read_text(encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "linewatch", "brief", "--db", db, "--from", "2022-01-01", "--to",
                          "2022-01-27", "--output", str(tmp_path / "x.docx")], capture_output=True, text=True)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_export_command(store, tmp_path: Path) -> None:
    _, db = store
    out = tmp_path / "st.jsonl"
    run = subprocess.run([sys.executable, "-m", "linewatch", "export", "statements", "--db", db, "--output", str(out),
                          "--actor", "Sergei Lavrov"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all('"speaker": "Sergei Lavrov"' in ln for ln in lines)


def test_correct_command(store) -> None:
    s, db = store
    sid = s.query("SELECT id FROM statements WHERE stance = 'oppose' LIMIT 1", [])[0]["id"]
    run = subprocess.run([sys.executable, "-m", "linewatch", "correct", sid, "--stance", "support", "--wrong",
                          "--author", "cli tester", "--db", db], capture_output=True, text=True)
    assert run.returncode == 0 and "2 corrections saved" in run.stdout, run.stderr
    from linewatch.store.queries.records import get_statement

    st = get_statement(s, sid)
    assert st["stance"] == "support" and st["wrong"] and st["corrected"]["stance"]["author"] == "cli tester"
    bad = subprocess.run([sys.executable, "-m", "linewatch", "correct", sid, "--stance", "angry", "--author", "x",
                          "--db", db], capture_output=True, text=True)
    assert bad.returncode != 0 and "stance must be" in bad.stderr and "Traceback" not in bad.stderr
