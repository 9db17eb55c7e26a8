"""Briefings: shape, citations that point at real sentences, hostile text stays text in md/html/pdf."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sample_data import populate

from linewatch.errors import InputError
from linewatch.report.brief import build_briefing
from linewatch.report.render import md_escape, render, render_markdown, write_briefing


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
    assert 3 <= len(b.bluf) <= 6 and b.actor_sections and b.key_statements and b.references
    assert all(ln.refs for ln in b.bluf + [sec.line for sec in b.actor_sections] + b.key_statements)
    # within an actor, key statements in time order
    from datetime import datetime

    for sec in b.actor_sections:
        assert all(sec.name in ln.text for ln in sec.statements)
        days = [datetime.strptime(re.search(r"On (\d+ \w+ \d{4})", ln.text).group(1), "%d %B %Y") for ln in sec.statements]
        assert days == sorted(days)
    # numbered 1..n in order of first citation, each pointing at its document's text
    assert [r.n for r in b.references] == list(range(1, len(b.references) + 1))
    for r in b.references[:20]:
        text = s.query("SELECT text FROM documents WHERE id = ?", [r.doc_id])[0]["text"]
        assert text[r.start:r.end] == r.sentence
        assert r.dashboard and re.match(r"http://127\.0\.0\.1:8642/(statement|event)/\w+#hl$", r.dashboard)
    cited = {n for ln in b.all_lines() for n in ln.refs + [m for _, m in ln.also]}
    assert cited == {r.n for r in b.references}
    assert all(len(ln.refs) == len(set(ln.refs)) for ln in b.all_lines())  # never "[9] [9]"


def test_briefing_sections_charts_and_glosses(store) -> None:
    s, _ = store
    b = build_briefing(s, "2021-08-01", "2022-01-31", narrative_labels={"west-hypocrisy": "The West is hypocritical"})
    html = render(b, "html").decode("utf-8")
    for heading in ("Bottom line up front", "The actors' lines", "What changed", "Narratives", "Scenarios",
                    "Indicators that fired", "What to watch", "References"):
        assert heading in html, heading
    assert html.count("<svg") >= 3 and len(b.charts) >= 3
    assert "The West is hypocritical" in html and "“west-hypocrisy”" not in html  # names, not slugs
    md = render_markdown(b)
    assert md.index("## Bottom line up front") < md.index("## The actors") < md.index("## Narratives")
    assert "[\\[1\\]](" not in md and "\\[1\\]" in md
    # ru/pl quotes keep their original and gain an English line built from act, target and stance
    glossed = [ln for ln in b.key_statements if ln.gloss]
    assert glossed and all(re.search("[а-яА-Яąćęłńóśźż]", ln.quote or "") for ln in glossed)
    assert all(ln.gloss.endswith(".") and ln.gloss.split()[0][0].isupper() for ln in glossed)
    assert "English: " in html


def test_actor_and_topic_narrow_the_briefing(store) -> None:
    s, _ = store
    b = build_briefing(s, "2021-08-01", "2022-01-31", actors=["Sergei Lavrov"])
    assert b.key_statements and [sec.name for sec in b.actor_sections] == ["Sergei Lavrov"]
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
    assert "<script" not in html and "<img" not in html
    # the only SVG is the briefing's own charts, drawn with escaped labels
    assert html.count("<svg") == html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"')
    assert not re.search(r'<svg[^>]*onload|<foreignObject|href="javascript:', html, re.I)
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
