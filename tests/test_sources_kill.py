"""Killing `linewatch watch` mid-run (SIGKILL) and starting it again loses nothing and duplicates nothing."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sources"))
from localserver import HTML, XML, FeedItem, LocalServer, Route, article_html, paragraphs, rss  # noqa: E402

N_ITEMS = 40


def _count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.mark.slow
def test_sigkill_mid_run_then_restart(tmp_path):
    server = LocalServer()
    try:
        items = []
        for i in range(N_ITEMS):
            path = f"/k/{i}.html"
            # Each article answers slowly, so the kill lands in the middle of the poll.
            server.routes[path] = Route(200, article_html(f"Kill test {i}", paragraphs(2, f"k{i}")), HTML, delay=0.05)
            items.append(FeedItem(guid=f"k{i}", title=f"Kill test {i}", link=server.url(path), summary="short"))
        server.routes["/feed"] = Route(200, rss(items), XML)
        server.routes["/robots.txt"] = Route(404, b"")
        sources = tmp_path / "sources.yaml"
        sources.write_text(
            "sources:\n"
            f"  - id: killfeed\n    kind: rss\n    location: {server.url('/feed')}\n"
            f"    interval: 60\n    max_items: 1000\n    outlet: Kill outlet\n    outlet_type: wire\n",
            encoding="utf-8",
        )
        db = tmp_path / "watch.db"
        env = dict(os.environ, LINEWATCH_DATA_DIR=str(tmp_path / "data"))
        cmd = [sys.executable, "-m", "linewatch", "watch", "--once", "--no-process", "--db", str(db),
               "--sources", str(sources), "--allow-private-addresses", "--host-interval", "0"]
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _count(db, "SELECT COUNT(*) FROM source_items") < 8:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
        assert proc.poll() is None, f"watch ended before the kill: {proc.stderr.read().decode()[-500:]}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        before = _count(db, "SELECT COUNT(*) FROM documents")
        assert 8 <= before < N_ITEMS
        assert before == _count(db, "SELECT COUNT(*) FROM source_items")

        done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr.decode()[-800:]
        assert _count(db, "SELECT COUNT(*) FROM documents") == N_ITEMS
        assert _count(db, "SELECT COUNT(*) FROM source_items") == N_ITEMS
        assert _count(db, "SELECT COUNT(DISTINCT url) FROM documents") == N_ITEMS
        # Articles stored before the kill were not fetched again.
        refetched = sum(1 for i in range(N_ITEMS) if server.hits[f"/k/{i}.html"] > 1)
        assert refetched <= 1  # at most the one in flight when killed
        assert _count(db, "SELECT errors FROM sources WHERE id = 'killfeed'") == 0
    finally:
        server.close()
