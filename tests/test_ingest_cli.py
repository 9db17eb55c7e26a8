"""`linewatch ingest` end to end (subprocess): good and bad files together, exit codes, duplicates."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EN = "The foreign minister told reporters on Monday that the border would stay closed for now.\n"


def lw(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("LINEWATCH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "linewatch", *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=300
    )


def _corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("DATE: 2021-11-08\n\n" + EN, encoding="utf-8")
    (src / "sub" / "b.md").write_text("# Heading\n\n" + EN.replace("Monday", "Tuesday"), encoding="utf-8")
    (src / "sub" / "c.jsonl").write_text('{"text": "Peskov said the Kremlin saw no reason for alarm."}\n', encoding="utf-8")
    (src / "ru.txt").write_bytes(("Захарова заявила, что Польша нарушает права мигрантов на границе. " * 3).encode("cp1251"))
    (src / "empty.txt").write_bytes(b"")
    (src / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (src / "bad.json").write_text('{"text": ', encoding="utf-8")
    (src / "bad.csv").write_text("title\nx\n", encoding="utf-8")
    return src


def test_ingest_mixed_folder(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    r = lw("ingest", str(src), str(tmp_path / "missing.txt"), "--db", db, cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error")]
    assert len(errors) == 5
    for name, word in (("empty.txt", "empty"), ("bin.txt", "binary"), ("bad.json", "malformed JSON"),
                       ("bad.csv", "no text column"), ("missing.txt", "no such file")):
        assert any(name in e and word in e for e in errors), (name, errors)
    assert "ingested 4 document(s)" in r.stdout
    # again: everything already there is a duplicate, nothing is added, failures still reported
    r2 = lw("ingest", str(src / "a.txt"), str(src / "sub"), str(src / "ru.txt"), "--db", db, cwd=tmp_path)
    assert r2.returncode == 0, r2.stderr
    assert "ingested 0 document(s)" in r2.stdout and "4 duplicate(s)" in r2.stdout
    from linewatch.store import open_store

    store = open_store(db)
    assert store.counts()["documents"] == 4
    langs = sorted(r["language"] for r in store.query("SELECT language FROM documents"))
    assert langs == ["en", "en", "en", "ru"]
    store.close()


def test_ingest_nothing_readable_exits_2(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    r = lw("ingest", str(tmp_path / "e.txt"), "--db", str(tmp_path / "x.db"), cwd=tmp_path)
    assert r.returncode == 2 and "empty" in r.stderr and "Traceback" not in r.stderr


def test_ingest_size_limit_from_workspace(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert lw("init", str(ws), cwd=tmp_path).returncode == 0
    cfg = ws / "linewatch.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("max_file_mb = 20", "max_file_mb = 0.0001"), encoding="utf-8")
    (ws / "a.txt").write_text(EN * 10, encoding="utf-8")
    r = lw("ingest", "a.txt", cwd=ws)
    assert r.returncode == 2 and "too large" in r.stderr
    assert (ws / "linewatch.db").exists()  # the workspace's database was used


def test_ingest_postgres(pg_url: str, tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    r = lw("ingest", str(src / "a.txt"), str(src / "sub"), "--db", pg_url, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = lw("ingest", str(src / "a.txt"), "--db", pg_url, cwd=tmp_path)
    assert "1 duplicate(s)" in r.stdout


@pytest.mark.parametrize("bad", ["mysql://x/y"])
def test_bad_database_url_is_one_line(tmp_path: Path, bad: str) -> None:
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    r = lw("ingest", "a.txt", "--db", bad, cwd=tmp_path)
    assert r.returncode == 3 and "unsupported database URL" in r.stderr and "Traceback" not in r.stderr
