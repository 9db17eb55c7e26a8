"""`linewatch run` (process pending documents of the store) and `linewatch extract` (files -> contract JSON Lines)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from linewatch.actors.registry import actor_registry
from linewatch.analyze.narratives.taxonomy import resolve_taxonomy_path
from linewatch.cli.common import DB_HELP, console, err_console, error_line, open_db, parse_date_flag
from linewatch.cli.contract import extract_file
from linewatch.cluster import run_cluster
from linewatch.config import load_config
from linewatch.errors import InputError, LinewatchError
from linewatch.runner import RunOptions, build_pipeline, one_line, run_pending
from linewatch.store.queries.rollups import refresh as refresh_rollups

MAX_WORKERS = 32


def run_store(store: Any, config: Any, taxonomy: Path | None, workers: int = 1, limit: int | None = None,
              cluster: str | None = None, db_url: str | None = None) -> Any:
    """Process every pending document with a progress bar; print one line per failure. Returns RunResult."""

    run_options = RunOptions(
        pipeline_kwargs=config.pipeline_kwargs(),
        taxonomy=str(taxonomy) if taxonomy else None,
        registry_paths=tuple(str(p) for p in config.registries),
    )
    progress = Progress(
        TextColumn("[bold]run[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err_console, transient=True,
    )
    with progress:
        task = progress.add_task("", total=None)

        def on_start(n: int) -> None:
            progress.update(task, total=n)

        def on_done(doc_id: str, error: str | None) -> None:
            if error:
                progress.console.print(f"[red]error[/red] document {doc_id}: {escape(error)}")
            progress.advance(task)

        if cluster:
            result = run_cluster(store, db_url or config.db_url(None), cluster, run_options, limit=limit,
                                 on_start=on_start, on_done=on_done)
        else:
            result = run_pending(store, run_options, workers=workers, limit=limit, on_start=on_start, on_done=on_done)
    # the dashboard's per-day summaries of the days this run changed (its first click reads them)
    refresh_rollups(store)
    return result


def _check_taxonomy(taxonomy: str | None) -> Path | None:
    if not taxonomy:
        return None
    p = resolve_taxonomy_path(taxonomy)
    if p is None:
        raise InputError("taxonomy file not found", where=taxonomy)
    return p


def _short(text: str | None, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def print_table(label: str, lines: list[dict[str, Any]]) -> None:
    """A readable view of one file's contract lines."""
    doc = next((ln for ln in lines if ln["kind"] == "document"), {})
    statements = [ln for ln in lines if ln["kind"] == "statement"]
    events = [ln for ln in lines if ln["kind"] == "event"]
    console.print(
        f"[bold]{escape(label)}[/bold]  language={doc.get('language')} date={doc.get('date')} "
        f"narratives={', '.join(doc.get('narratives') or []) or '-'}"
    )
    if statements:
        t = Table(title=f"{len(statements)} statement(s)", show_lines=False)
        for col in ("speaker", "cue", "content", "date", "target", "stance", "plover"):
            t.add_column(col, overflow="fold")
        for s in statements:
            t.add_row(*(escape(str(v)) if v is not None else "" for v in (
                s.get("speaker"), s.get("cue"), _short(s.get("content")), s.get("date"), s.get("target"),
                s.get("stance"), s.get("plover"),
            )))
        console.print(t)
    if events:
        t = Table(title=f"{len(events)} event(s)")
        for col in ("plover", "source", "target", "date", "trigger"):
            t.add_column(col, overflow="fold")
        for e in events:
            t.add_row(*(escape(str(v)) if v is not None else "" for v in (
                e.get("plover"), e.get("source"), e.get("target"), e.get("date"), e.get("trigger"),
            )))
        console.print(t)
    if not statements and not events:
        console.print("no statements or events found")


def register(app: typer.Typer) -> None:
    @app.command()
    def run(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        workers: int = typer.Option(1, "--workers", "-w", min=1, max=MAX_WORKERS, help="worker processes"),
        taxonomy: str | None = typer.Option(None, "--taxonomy", help="narrative taxonomy (YAML); default: workspace, else shipped"),
        limit: int | None = typer.Option(None, "--limit", min=1, help="process at most N documents"),
        cluster: str | None = typer.Option(
            None, "--cluster", help="Dask scheduler address (tcp://HOST:8786): workers process the documents "
            "(needs linewatch[cluster]; see docs/cluster.md)"),
    ) -> None:
        """Process every document not yet processed by the current pipeline version."""
        config = load_config()
        tax = _check_taxonomy(taxonomy) or config.taxonomy()
        store = open_db(db)
        try:
            result = run_store(store, config, tax, workers=workers, limit=limit, cluster=cluster,
                               db_url=config.db_url(db))
            counts = store.counts()
        finally:
            store.close()
        skipped = f", {result.skipped} taken by another run" if result.skipped else ""
        if result.processed == 0 and result.failed == 0:
            console.print(f"nothing to do: every document is processed by pipeline {result.version}{skipped}")
        else:
            console.print(
                f"processed {result.processed} document(s), {result.failed} failed{skipped} (pipeline {result.version}); "
                f"database now has {counts['statements']} statements, {counts['events']} events, "
                f"{counts['narrative_matches']} narrative matches"
            )
        raise typer.Exit(1 if result.failed else 0)

    @app.command()
    def extract(
        files: list[str] = typer.Argument(..., help="files to analyse (.txt .md .html .json .jsonl .csv)"),
        as_json: bool = typer.Option(False, "--json", help="write JSON Lines as in the evaluation contract"),
        taxonomy: str | None = typer.Option(None, "--taxonomy", help="narrative taxonomy (YAML)"),
        date: str | None = typer.Option(None, "--date", help="publication date (YYYY-MM-DD) for files that carry none"),
        lang: str | None = typer.Option(None, "--lang", help="force the language (en, ru, pl)"),
    ) -> None:
        """Analyse files without a database; print statements and events (JSON Lines with --json)."""
        config = load_config()
        default_date = parse_date_flag(date)
        tax = _check_taxonomy(taxonomy) or (config.taxonomies[0] if config.taxonomies else None)
        language = lang.strip().lower() if lang else None
        pipeline = build_pipeline(config.pipeline_kwargs())
        registry = actor_registry(config.registries)
        failed = 0
        for path in files:
            try:
                lines = extract_file(path, pipeline, default_date, tax, language=language, registry=registry)
            except LinewatchError as exc:
                failed += 1
                error_line(str(exc) if path in str(exc) else f"{path}: {exc}")  # the line names the file
                continue
            except Exception as exc:  # a component's bug on one file: report it, go on with the rest
                failed += 1
                error_line(f"{path}: {one_line(exc)}")
                continue
            if as_json:
                sys.stdout.write("".join(json.dumps(ln, ensure_ascii=False) + "\n" for ln in lines))
                sys.stdout.flush()
            else:
                print_table(path, lines)
        raise typer.Exit(0 if not failed else (2 if failed == len(files) else 1))
