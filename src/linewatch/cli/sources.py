"""`linewatch watch` and `linewatch sources list|health|check`."""
from __future__ import annotations

import json
import signal
import threading
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from linewatch.cli.common import console, db_option, open_db
from linewatch.cli.process import run_store
from linewatch.config import load_config
from linewatch.errors import ConfigError
from linewatch.sources.archive import WarcArchive
from linewatch.sources.definitions import add_source_yaml, load_sources, write_sources_template

DEFAULT_SOURCES_FILE = "sources.yaml"


def _sources_file(flag: str | None, config: Any) -> Path:
    if flag:
        return Path(flag)
    if getattr(config, "sources_file", None):
        return Path(config.sources_file)
    if Path(DEFAULT_SOURCES_FILE).exists():
        return Path(DEFAULT_SOURCES_FILE)
    raise ConfigError("no sources file: pass --sources FILE or set [sources] file in linewatch.toml")


def _status_style(status: str) -> str:
    return {"ok": "green", "failing": "red", "never run": "yellow", "disabled": "dim"}.get(status, "")


def register(app: typer.Typer) -> None:
    sources_app = typer.Typer(help="Sources watched by `linewatch watch`: definitions and health.",
                              no_args_is_help=True)
    app.add_typer(sources_app, name="sources")

    @app.command("watch")
    def watch_cmd(
        once: bool = typer.Option(False, "--once", help="poll every source once now, process, and exit"),
        db: str | None = db_option(),
        sources: str | None = typer.Option(None, "--sources", help="source definitions (YAML or TOML)"),
        allow_private_addresses: bool = typer.Option(
            False, "--allow-private-addresses", help="allow private, loopback and link-local addresses for every source"
        ),
        no_process: bool = typer.Option(False, "--no-process", help="only collect; leave processing to `linewatch run`"),
        min_interval: float = typer.Option(1.0, "--host-interval", help="seconds between two requests to one host"),
    ) -> None:
        """Poll the sources on their intervals, store what is new and process it (Ctrl-C stops)."""

        from linewatch.sources.fetch import (  # lazy: heavy to import, loaded only when the command runs
            Fetcher,
            FetchLimits,
        )  # lazy: heavy to import, loaded only when the command runs
        from linewatch.sources.watch import (  # lazy: heavy to import, loaded only when the command runs
            default_data_dir,
            watch,
        )  # lazy: heavy to import, loaded only when the command runs

        config = load_config()
        defs = load_sources(_sources_file(sources, config))
        store = open_db(db, create=True)  # watch ingests
        data_dir = default_data_dir(config)
        archive = WarcArchive(data_dir)
        fetcher = Fetcher(allow_private=allow_private_addresses, archive=archive,
                          limits=FetchLimits(min_interval=max(0.0, min_interval)))
        stop = threading.Event()
        # SIGTERM (service stop) and Ctrl-C end the run cleanly: no new poll, fetches in flight
        # cancelled, the item being stored finished (each item is its own transaction).
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())

        def on_poll(report: Any) -> None:
            if report.ok:
                what = "not modified" if report.not_modified else f"{report.new_items} new"
                console.print(f"[green]ok[/green] {escape(report.source_id)}: {what}"
                              + (f" ({report.events} events)" if report.events else ""))
                for note in report.notes[:3]:
                    console.print(f"   [dim]{escape(note)}[/dim]")
            else:
                console.print(f"[red]failed[/red] {escape(report.source_id)}: {escape(report.error or '')} "
                              f"(next try {report.next_run})")

        def process(st: Any) -> int:
            # The same processing as `linewatch run` (pending documents, one transaction each).
            return int(run_store(st, config, config.taxonomy()).processed)
        try:
            result = watch(store, defs, fetcher=fetcher, archive=archive, data_dir=data_dir, once=once,
                           process=None if no_process else process, on_poll=on_poll, stop=stop)
        except KeyboardInterrupt:
            stop.set()
            console.print("stopped")
            return
        finally:
            fetcher.close()
            archive.close()
            store.close()
        if result.process_note:
            console.print(f"[yellow]processing failed[/yellow]: {escape(result.process_note)} (run `linewatch run`)")
        if stop.is_set():
            console.print("stopped")
            return
        if once:
            new = sum(p.new_items for p in result.polls)
            failed = sum(not p.ok for p in result.polls)
            console.print(f"{len(result.polls)} sources polled, {new} new items, {failed} failed"
                          + (f", {result.processed} documents processed" if result.processed else ""))

    @sources_app.command("list")
    def list_cmd(sources: str | None = typer.Option(None, "--sources", help="source definitions (YAML or TOML)")) -> None:
        """The sources defined in the sources file (validated)."""
        path = _sources_file(sources, load_config())
        table = Table("id", "kind", "location", "language", "outlet", "type", "every")
        for s in load_sources(path):
            table.add_row(escape(s.id), s.kind, escape(s.location), s.language or "", escape(s.outlet or ""),
                          s.outlet_type or "", f"{s.interval:g}s")
        console.print(table)

    @sources_app.command("check")
    def check_cmd(sources: str | None = typer.Option(None, "--sources", help="source definitions (YAML or TOML)")) -> None:
        """Validate the sources file (errors name the file and line)."""
        path = _sources_file(sources, load_config())
        console.print(f"{path}: {len(load_sources(path))} sources, all valid")

    @sources_app.command("init")
    def init_cmd(path: str = typer.Argument(DEFAULT_SOURCES_FILE, help="file to create")) -> None:
        """Write a commented sources file with an example of each kind (never overwrites)."""
        target = Path(path)
        write_sources_template(target)
        console.print(f"wrote {target}: uncomment and edit the examples, then `linewatch watch --once`")

    @sources_app.command("add")
    def add_cmd(
        source_id: str = typer.Argument(..., help="unique id: a-z, 0-9, '.', '_' or '-'"),
        kind: str = typer.Option(..., "--kind", help="rss, atom, page, sitemap, telegram-export, gdelt-events, ..."),
        location: str = typer.Option(..., "--location", help="URL, file or folder"),
        language: str | None = typer.Option(None, "--language"),
        outlet: str | None = typer.Option(None, "--outlet"),
        outlet_type: str | None = typer.Option(None, "--outlet-type", help="official / state media / independent / wire / social"),
        interval: str = typer.Option("30m", "--interval", help="90, 15m, 2h, 1d"),
        sources: str | None = typer.Option(None, "--sources", help="source definitions file (YAML)"),
    ) -> None:
        """Add a source to the (YAML) sources file; the file is validated before it is replaced."""
        config = load_config()
        path = Path(sources) if sources else (Path(config.sources_file) if config.sources_file
                                                else Path(DEFAULT_SOURCES_FILE))
        raw = {"id": source_id, "kind": kind, "location": location, "language": language, "outlet": outlet,
               "outlet_type": outlet_type, "interval": interval}
        add_source_yaml(path, {k: v for k, v in raw.items() if v is not None})
        console.print(f"added {source_id} to {path}")

    @sources_app.command("health")
    def health_cmd(
        db: str | None = db_option(),
        as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table"),
    ) -> None:
        """Per-source state: last run, last success, errors, next run, items collected."""
        from linewatch.sources.watch import source_health  # lazy: heavy to import, loaded only when the command runs

        store = open_db(db)
        try:
            rows = source_health(store)
        finally:
            store.close()
        if as_json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            console.print("no sources yet: run `linewatch watch --once`")
            return
        table = Table("id", "kind", "status", "items", "errors", "last ok", "next run", "last error")
        for r in rows:
            style = _status_style(r["status"])
            table.add_row(escape(r["id"]), r["kind"], f"[{style}]{r['status']}[/{style}]" if style else r["status"],
                          str(r["items"]), str(r["errors"]), r["last_ok"] or "-", r["next_run"] or "-",
                          escape((r["last_error"] or "")[:80]))
        console.print(table)
