"""`linewatch narratives list/match` and one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "linewatch", "narratives", *args], capture_output=True, text=True, timeout=300)


def test_list_bundled_taxonomy_as_json() -> None:
    run = _run("list", "--taxonomy", "semeval2025-t10", "--json")
    assert run.returncode == 0, run.stderr
    rows = [json.loads(l) for l in run.stdout.splitlines()]
    assert len(rows) == 91 and sum(1 for r in rows if r["parent"] is None) == 21


def test_match_explains_a_russian_claim() -> None:
    run = _run("match", "Польские силовики применили слезоточивый газ и водомёты против беженцев", "--lang", "ru", "--taxonomy", "belarus-border-2021")
    assert run.returncode == 0, run.stderr
    hits = json.loads(run.stdout)
    assert hits[0]["narrative"] == "west-hypocrisy-humanitarian" and hits[0]["because"]["nearest"]


def test_bad_taxonomy_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("narratives:\n  - id: a\n  - id: a\n", encoding="utf-8")
    run = _run("list", "--taxonomy", str(bad))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and f"{bad}:3" in run.stderr and len(run.stderr.strip().splitlines()) == 1
