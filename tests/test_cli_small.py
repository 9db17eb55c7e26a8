"""Small CLI promises: --version, brief on stdout, init's sources.yaml, no database created by
read-only commands, a busy port said in one line."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from linewatch import __version__


def lw(*args: str, cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("LINEWATCH_DB", None)
    return subprocess.run([sys.executable, "-m", "linewatch", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_version(tmp_path: Path) -> None:
    r = lw("--version", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == f"linewatch {__version__}"


def test_init_writes_the_sources_file_it_names_and_a_database(tmp_path: Path) -> None:
    r = lw("init", "ws", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    ws = tmp_path / "ws"
    text = (ws / "sources.yaml").read_text(encoding="utf-8")
    assert text.startswith("#") and "sources:" in text
    check = lw("sources", "check", cwd=ws)
    assert check.returncode == 0 and "0 sources" in check.stdout, check.stderr
    assert (ws / "linewatch.db").exists()
    assert lw("matrix", cwd=ws).returncode == 0


@pytest.mark.parametrize("args", [
    ("matrix",), ("shifts",), ("export", "statements", "-o", "out.csv"), ("scenarios", "status"),
    ("brief", "--from", "2021-11-01", "--to", "2021-11-30"), ("run",), ("serve", "--port", "1"),
])
def test_read_only_commands_never_create_a_database(tmp_path: Path, args: tuple[str, ...]) -> None:
    r = lw(*args, "--db", "typo.db", cwd=tmp_path)
    assert r.returncode != 0
    assert "no such database" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not (tmp_path / "typo.db").exists()
    assert not (tmp_path / "out.csv").exists()


def test_ingest_creates_the_database(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Someone said something about the border today.\n", encoding="utf-8")
    assert lw("ingest", "a.txt", "--db", "new.db", cwd=tmp_path).returncode == 0
    assert (tmp_path / "new.db").exists()


def test_brief_without_output_prints_markdown(tmp_path: Path) -> None:
    assert lw("init", "ws", cwd=tmp_path).returncode == 0
    r = lw("brief", "--from", "2021-11-01", "--to", "2021-11-30", cwd=tmp_path / "ws")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# Briefing 2021-11-01 to 2021-11-30")


def test_serve_on_a_busy_port_says_so(tmp_path: Path) -> None:
    assert lw("init", "ws", cwd=tmp_path).returncode == 0
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = lw("serve", "--port", str(port), cwd=tmp_path / "ws", timeout=60)
    assert r.returncode == 2
    assert f"port {port} is in use; try --port" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_statements_command_lists_and_searches(tmp_path: Path) -> None:
    import json

    from sample_data import populate

    from linewatch.store import open_store

    db = str(tmp_path / "s.db")
    store = open_store(db)
    populate(store, 40)
    lavrov = store.scalar("SELECT COUNT(*) FROM statements WHERE speaker = 'Sergei Lavrov'")
    first = store.scalar("SELECT MIN(date) FROM statements")
    store.close()
    r = lw("statements", "--db", db, "--speaker", "Sergei Lavrov", "--json", "--limit", "1000", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(rows) == lavrov and {x["speaker"] for x in rows} == {"Sergei Lavrov"}
    dates = [x["date"] for x in rows]
    assert dates == sorted(dates, reverse=True)
    one_day = lw("statements", "--db", db, "--from", first, "--to", first, "--json", cwd=tmp_path)
    assert one_day.returncode == 0 and all(json.loads(x)["date"] == first for x in one_day.stdout.splitlines())
    found = lw("statements", "--db", db, "--q", "граница", "--json", cwd=tmp_path)
    assert found.returncode == 0 and found.stdout and all("границ" in json.loads(x)["content"]
                                                           for x in found.stdout.splitlines())
    table = lw("statements", "--db", db, "--speaker", "Sergei Lavrov", "--limit", "2", cwd=tmp_path)
    assert table.returncode == 0 and f"{lavrov} statements" in table.stdout
    bad = lw("statements", "--db", db, "--from", "yesterday", cwd=tmp_path)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
