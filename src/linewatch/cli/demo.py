"""`linewatch demo`: the shipped demo corpus into a database, processed, with scenarios checked.

The demo only ever writes to a database that is empty or holds nothing but
the demo (documents whose source starts with `demo:`), so it cannot mix its
illustrative paraphrases into a real collection. Running it twice changes
nothing: documents are deduplicated and processed documents are skipped.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from linewatch.analyze.amplification import detect_in_store
from linewatch.analyze.scenarios.check import check_all
from linewatch.cli.common import DB_HELP, console, err_console, open_db
from linewatch.cli.process import run_store
from linewatch.config import load_config, shipped_taxonomy
from linewatch.errors import ConfigError, LinewatchError
from linewatch.lexicon import data_path
from linewatch.runner import one_line
from linewatch.sources.files import read_documents

DEMO_SOURCE_PREFIX = "demo:"
DEMO_TAXONOMY = "belarus-border-2021.yaml"


def demo_files() -> list[Path]:
    folder = data_path("demo")
    return sorted(p for p in folder.glob("*.txt") if p.is_file()) if folder.is_dir() else []


def foreign_documents(store: Any) -> int:
    """How many documents in the store are not the demo's."""
    return int(
        store.scalar(
            "SELECT COUNT(*) AS n FROM documents WHERE source IS NULL OR source NOT LIKE ?",
            (DEMO_SOURCE_PREFIX + "%",),
        )
        or 0
    )


def load_demo(store: Any) -> tuple[int, int, list[str]]:
    """Ingest the demo corpus; (added, already there, one-line errors)."""
    added = present = 0
    errors: list[str] = []
    for path in demo_files():
        try:
            docs = read_documents(path)
        except LinewatchError as exc:
            errors.append(str(exc))
            continue
        for doc in docs:
            doc.source = DEMO_SOURCE_PREFIX + path.name
            if store.add_document(doc):
                added += 1
            else:
                present += 1
    return added, present, errors


def check_scenarios(store: Any, config: Any) -> list[dict[str, Any]]:
    """Evaluate the configured (else shipped) scenario files."""
    return check_all(store, config)


def describe_checked(checked: Any) -> str:
    """A short description of what check_all returned (summaries with ids, or a count)."""
    if isinstance(checked, (list, tuple)):
        ids = [str(c.get("set_id") or c.get("id") or c.get("label") or "?") if isinstance(c, dict) else str(c) for c in checked]
        return ", ".join(ids) if ids else "none"
    return str(checked)


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        workers: int = typer.Option(1, "--workers", "-w", min=1, max=32, help="worker processes for the pipeline"),
    ) -> None:
        """Load the demo corpus (Belarus-EU border crisis, autumn 2021), analyse it and show how to explore it."""
        config = load_config()
        files = demo_files()
        if not files:
            raise ConfigError("the demo corpus is missing from this installation", where="linewatch/data/demo")
        store = open_db(db, create=True)
        try:
            foreign = foreign_documents(store)
            if foreign:
                raise ConfigError(
                    f"refusing to load the demo: the database holds {foreign} document(s) that are not the demo's; "
                    "use --db with a new file",
                    where=store.url,
                )
            added, present, errors = load_demo(store)
            for err in errors:
                err_console.print(f"[red]error[/red] {escape(err)}")
            try:
                store.sync_actors()
            except Exception as exc:  # the actor table is a convenience for the dashboard
                err_console.print(f"[yellow]warning[/yellow] actors not synced: {escape(one_line(exc))}")
            taxonomy = shipped_taxonomy() or config.taxonomy()
            result = run_store(store, config, taxonomy, workers=workers)
            try:
                # Story groups first: scenarios and trends count a story once, not once per copy.
                detect_in_store(store)
            except Exception as exc:  # amplification is an analysis layer; the record stands without it
                err_console.print(f"[yellow]warning[/yellow] story groups not built: {escape(one_line(exc))}")
            scenario_note = ""
            try:
                checked = check_scenarios(store, config)
                if checked is not None:
                    scenario_note = "scenario sets checked: " + describe_checked(checked)
            except Exception as exc:  # scenarios are an extra; the demo's record stands without them
                err_console.print(f"[yellow]warning[/yellow] scenarios not checked: {escape(one_line(exc))}")
            counts = store.counts()
            url = store.url
        finally:
            store.close()

        table = Table(title="linewatch demo")
        table.add_column("what")
        table.add_column("count", justify="right")
        table.add_row("demo files", str(len(files)))
        table.add_row("documents added now / already there", f"{added} / {present}")
        table.add_row("documents processed now / failed", f"{result.processed} / {result.failed}")
        for key in ("documents", "statements", "events", "narrative_matches", "stance_mentions", "actors",
                    "scenario_evidence", "alerts"):
            table.add_row(key.replace("_", " "), str(counts.get(key, 0)))
        console.print(table)
        if scenario_note:
            console.print(scenario_note)
        db_arg = "" if db is None else f" --db {db}"
        console.print(f"database: {escape(url)}")
        console.print("next steps:")
        console.print(f"  linewatch serve{db_arg}                      # dashboard and API at http://127.0.0.1:8642 (read-only)")
        console.print(f"  LINEWATCH_API_TOKEN=choose-a-long-secret linewatch serve{db_arg}   # the same with corrections: "
                      "type the token in a statement's correction form")
        console.print(f"  linewatch brief{db_arg} --from 2021-11-01 --to 2021-11-30 -o brief.html   # a briefing citing its sources (.md, .html, .pdf)")
        console.print(f"  linewatch scenarios status{db_arg}           # scenario weights and the evidence behind them")
        raise typer.Exit(1 if (errors or result.failed) else 0)
