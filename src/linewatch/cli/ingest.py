"""`linewatch ingest PATH...`: files, folders (recursive) and URLs into the store.

Each document goes in with its own transaction, so a failure never leaves
half a file behind and never stops the others. Exit code: 0 when every input
was read (duplicates are fine), 1 when some failed, 2 when nothing was read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from linewatch.cli.common import DB_HELP, console, err_console, error_line, open_db, parse_date_flag
from linewatch.config import load_config
from linewatch.errors import InputError, LinewatchError, printable
from linewatch.runner import one_line
from linewatch.sources.files import iter_paths, read_documents_or_fail


@dataclass
class IngestSummary:
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    inputs: int = 0
    duplicate_names: list[str] = field(default_factory=list)
    skipped: int = 0  # bad records inside files that were otherwise read
    messages: list[str] = field(default_factory=list)  # skipped records and notes, printed after the run

    @property
    def exit_code(self) -> int:
        if self.failed and not (self.added or self.duplicates):
            return 2
        if self.failed:
            return 1
        return 0 if (self.added or self.duplicates) else 2


MAX_MESSAGES = 50  # skipped records and notes printed after an ingest


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def ingest_file(store: Any, path: Path, summary: IngestSummary, default_date: Any, max_bytes: int | None) -> None:
    """Every document of one file, each in its own transaction (errors propagate as InputError)."""
    report = read_documents_or_fail(path, default_date, max_bytes=max_bytes)
    summary.skipped += len(report.skipped)
    summary.messages.extend(f"skipped {exc}" for exc in report.skipped)
    summary.messages.extend(f"note {n}" for n in report.notes)
    for doc in report.documents:
        if store.add_document(doc):  # its own transaction
            summary.added += 1
        else:
            summary.duplicates += 1
            summary.duplicate_names.append(doc.source or str(path))


def ingest_url(store: Any, url: str, config: Any, allow_private: bool, summary: IngestSummary) -> None:
    from linewatch.sources import urls  # lazy: heavy to import (httpx), loaded only when a URL is ingested

    report = urls.ingest_url(store, url, config, allow_private=allow_private)
    summary.added += report.added
    summary.duplicates += report.duplicates + report.skipped
    # why items were left out (an article page that failed, an item without text): said, not swallowed
    summary.messages.extend(f"note {n}" for n in report.notes)
    if not (report.added or report.duplicates or report.skipped) and report.notes:
        raise InputError(f"nothing could be read ({len(report.notes)} item(s) failed; see the notes)", where=url)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: list[str] = typer.Argument(..., help="files, folders (searched recursively) or http(s) URLs"),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        date: str | None = typer.Option(None, "--date", help="publication date (YYYY-MM-DD) for documents that carry none"),
        allow_private_addresses: bool = typer.Option(
            False, "--allow-private-addresses", help="let URLs point at private/loopback addresses"
        ),
    ) -> None:
        """Read documents (.txt .md .html .json .jsonl .csv, or URLs) into the database; duplicates are skipped."""
        config = load_config()
        default_date = parse_date_flag(date)
        store = open_db(db, create=True)
        items: list[str | Path] = []
        unreadable: list[LinewatchError] = []
        for p in paths:
            if is_url(p):
                items.append(p)
            else:
                items.extend(iter_paths([p], unreadable))
        summary = IngestSummary(inputs=len(items) + len(unreadable), failed=len(unreadable))
        for exc in unreadable:
            err_console.print(f"[red]error[/red] {escape(str(exc))}")
        progress = Progress(
            TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=err_console, transient=True,
        )
        try:
            with progress:
                task = progress.add_task("", total=len(items))
                for item in items:
                    progress.update(task, description=escape(printable(str(item)))[-60:])
                    try:
                        if isinstance(item, str):
                            ingest_url(store, item, config, allow_private_addresses, summary)
                        else:
                            ingest_file(store, item, summary, default_date, config.max_file_bytes)
                    except LinewatchError as exc:
                        summary.failed += 1
                        progress.console.print(f"[red]error[/red] {escape(str(exc))}")
                    except Exception as exc:  # an unexpected bug in one file must not stop the rest
                        summary.failed += 1
                        progress.console.print(f"[red]error[/red] {escape(printable(str(item)))}: {escape(one_line(exc))}")
                    progress.advance(task)
        finally:
            store.close()
        for name in summary.duplicate_names[:20]:
            err_console.print(f"[yellow]duplicate[/yellow] {escape(name)} (same text already in the database)")
        if len(summary.duplicate_names) > 20:
            err_console.print(f"[yellow]duplicate[/yellow] ... and {len(summary.duplicate_names) - 20} more")
        for line in summary.messages[:MAX_MESSAGES]:
            err_console.print(f"[yellow]{escape(line)}[/yellow]")
        if len(summary.messages) > MAX_MESSAGES:
            err_console.print(f"[yellow]... and {len(summary.messages) - MAX_MESSAGES} more[/yellow]")
        if not items:
            error_line("no supported files found in the given paths")
        bad_records = f"; {summary.skipped} bad record(s) skipped" if summary.skipped else ""
        console.print(
            f"ingested {summary.added} document(s) from {summary.inputs} input(s); "
            f"{summary.duplicates} duplicate(s) skipped; {summary.failed} failed{bad_records}"
        )
        raise typer.Exit(summary.exit_code)
