"""Telegram Desktop's full-account export (issue 14, item 17): read, with a choice of chats;
`linewatch ingest` says what it is and how to read it. The fixture is of our own making."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import Fetcher
from linewatch.sources.watch import poll_source

EXPORT = Path(__file__).parent / "fixtures" / "telegram" / "full-account" / "result.json"


def _channels(store) -> set[str]:
    return {json.loads(r["meta"])["telegram"]["channel"] for r in store.query("SELECT meta FROM documents")}


def test_full_account_export_reads_channels_by_default(sqlite_store) -> None:
    source = SourceDef(id="tg", kind="telegram-export", location=str(EXPORT), interval=60)
    with Fetcher() as fetcher:
        report = poll_source(sqlite_store, source, fetcher)
        assert report.ok and report.new_items == 3, report.error
        # message ids repeat across chats (2 in three of them): each is kept
        assert _channels(sqlite_store) == {"Ministry Channel", "Border Guard News"}
        assert poll_source(sqlite_store, source, fetcher).new_items == 0


def test_full_account_export_with_chosen_chats(sqlite_store) -> None:
    source = SourceDef(id="tg2", kind="telegram-export", location=str(EXPORT), interval=60,
                       filters={"chats": ["Analysts group", "1007654321"]})
    with Fetcher() as fetcher:
        report = poll_source(sqlite_store, source, fetcher)
    assert report.ok and report.new_items == 2, report.error
    assert _channels(sqlite_store) == {"Analysts group", "Border Guard News"}


def test_ingest_says_it_is_a_telegram_export_and_how_to_read_it(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("LINEWATCH_DB", None)
    r = subprocess.run([sys.executable, "-m", "linewatch", "ingest", str(EXPORT), "--db", f"sqlite:///{tmp_path / 't.db'}"],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    message = " ".join(r.stderr.split())
    assert "Telegram full-account export" in message and "--kind telegram-export" in message
    assert "chats" in message
