"""Helpers shared by the CLI modules: consoles, the --db option, dates and workspace config."""
from __future__ import annotations

from datetime import date
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from linewatch.config import load_config
from linewatch.errors import InputError
from linewatch.store import open_store

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

DB_HELP = "database: a file path, sqlite:///PATH or postgresql://... (default: LINEWATCH_DB, the workspace, ./linewatch.db)"


def db_option() -> Any:
    return typer.Option(None, "--db", help=DB_HELP)


def open_db(flag: str | None, *, create: bool = False) -> Any:
    """The store chosen by --db > LINEWATCH_DB > workspace > ./linewatch.db.

    Only commands that bring documents in (ingest, demo, watch) pass create=True; every other
    command says "no such database" rather than creating an empty one behind a typo.
    """
    return open_store(load_config().db_url(flag), create=create)


def parse_date_flag(value: str | None, flag: str = "--date") -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date (expected YYYY-MM-DD): {value!r}", where=flag) from None


def error_line(message: str) -> None:
    """One red line on stderr (escaped: file names and messages may hold rich markup)."""
    err_console.print(f"[red]error[/red] {escape(message)}")
