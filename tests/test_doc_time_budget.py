"""One document may not hold up a run: past LINEWATCH_DOC_TIMEOUT it fails with one line naming it."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from linewatch.errors import LinewatchError
from linewatch.runner import doc_timeout_s, time_budget


def test_a_block_past_its_budget_is_stopped() -> None:
    t0 = time.perf_counter()
    with pytest.raises(LinewatchError, match="longer than 0.2 s"):
        with time_budget(0.2):
            while True:  # the kind of loop a malformed parse once caused
                pass
    assert time.perf_counter() - t0 < 5


def test_a_budget_spent_inside_a_swallowing_except_still_stops_the_block() -> None:
    # a graceful fallback ("except Exception: return None") caught the alarm's error; the block ran on
    with pytest.raises(LinewatchError, match="longer than 0.05 s"):
        with time_budget(0.05):
            try:
                while True:
                    pass
            except Exception:
                pass


def test_a_block_within_its_budget_runs_and_leaves_no_alarm() -> None:
    with time_budget(5):
        value = sum(range(1000))
    assert value == 499500
    time.sleep(0.05)  # no alarm left armed


def test_budget_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINEWATCH_DOC_TIMEOUT", "12.5")
    assert doc_timeout_s() == 12.5
    monkeypatch.setenv("LINEWATCH_DOC_TIMEOUT", "soon")
    with pytest.raises(LinewatchError, match="LINEWATCH_DOC_TIMEOUT"):
        doc_timeout_s()


def test_extract_names_the_file_that_ran_out_of_time(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text("The minister said the border would stay closed. " * 40, encoding="utf-8")
    env = {"LINEWATCH_DOC_TIMEOUT": "0.01", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "linewatch", "extract", str(slow), "--json"],
                         capture_output=True, text=True, timeout=240, env=env)
    assert out.returncode == 2
    errors = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(errors) == 1 and str(slow) in errors[0] and "LINEWATCH_DOC_TIMEOUT" in errors[0]
    assert "Traceback" not in out.stderr
