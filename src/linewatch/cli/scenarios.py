"""`linewatch scenarios check|status|history|validate`: scenario weights and the evidence behind them."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from linewatch.actors.registry import actor_registry
from linewatch.analyze.scenarios.check import check as run_check
from linewatch.analyze.scenarios.check import load_configured, scenario_history, scenario_sets, scenario_status
from linewatch.analyze.scenarios.file import load_scenario_set
from linewatch.cli.common import console, db_option, err_console, open_db
from linewatch.config import load_config
from linewatch.errors import InputError

SENTENCE_CHARS = 110


def _short(text: Any, limit: int = SENTENCE_CHARS) -> str:
    text = " ".join(str(text or "").split())
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def _pct(value: Any) -> str:
    return "-" if value is None else f"{100 * float(value):.0f}%"


def _signed(value: Any) -> str:
    return "-" if value is None else f"{float(value):+.2f}"


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Scenarios and indicators: evidence, weights over time, audit trail, alerts.",
                        no_args_is_help=True)
    app.add_typer(group, name="scenarios")

    @group.command()
    def check(
        db: str | None = db_option(),
        file: list[Path] | None = typer.Option(None, "--file", "-f", help="scenario file(s) (default: workspace, else shipped)"),
    ) -> None:
        """Evaluate scenario files against the database: evidence, weights, audit trail and alerts (idempotent)."""
        config = load_config()
        sets = load_configured(config, list(file) if file else None)  # all validated before anything runs
        store = open_db(db)
        try:
            for s in sets:
                for warning in s.warnings:
                    err_console.print(f"[yellow]warning[/yellow] {_short(s.source, 200)}: {_short(warning, 200)}")
                result = run_check(store, s, actor_registry(config.registries))
                leader = s.scenario(result.leading).label if result.leading else "-"
                console.print(
                    f"[bold]{_short(s.label, 200)}[/bold] ({s.id}): {result.evidence} pieces of evidence,"
                    f" {result.counted} distinct stories counted, {len(result.fired)} of {len(s.indicators)}"
                    f" indicators fired, {result.alerts} alerts; leading: {_short(leader)}"
                )
        finally:
            store.close()

    @group.command()
    def status(
        db: str | None = db_option(),
        set_id: str | None = typer.Option(None, "--set", help="only this scenario set"),
        evidence: int = typer.Option(5, "--evidence", "-n", min=0, max=200, help="evidence rows shown per scenario"),
    ) -> None:
        """Each scenario with its weight, consistency and the evidence behind it (speaker, date, sentence, doc)."""
        store = open_db(db)
        try:
            rows = scenario_status(store, set_id, evidence_limit=evidence)
        finally:
            store.close()
        if not rows:
            console.print("No scenario results yet: run [bold]linewatch scenarios check[/bold] first.")
            return
        current = None
        for r in rows:
            if r["set_id"] != current:
                current = r["set_id"]
                console.print(f"\n[bold]{_short(r['set_label'], 200)}[/bold] ({_short(current)})")
                summary = Table(show_lines=False)
                summary.add_column("scenario", min_width=24, overflow="fold")
                for col in ("weight", "prior", "ACH", "for", "against", "as of"):
                    summary.add_column(col, no_wrap=True)
                for s in (x for x in rows if x["set_id"] == current):
                    name = ("[green]▶[/green] " if s["leading"] else "") + _short(s["label"], 60)
                    summary.add_row(name, _pct(s["probability"]), _pct(s["prior"]), _signed(s["consistency"]),
                                    str(s["for"]), str(s["against"]), s["as_of"] or "-")
                console.print(summary)
                console.print("weight: normalised over the set; ACH: (consistent - inconsistent) / all evidence;"
                              " for/against: distinct stories that raised or lowered the scenario")
            if not evidence or not r["evidence"]:
                continue
            console.print(f"\n[bold]{_short(r['label'], 100)}[/bold] {_pct(r['probability'])}: the evidence that moved it most")
            for e in r["evidence"]:
                colour = "green" if e["delta"] > 0 else "red"
                where = ", ".join(x for x in (e.get("outlet"), f"doc {e['doc_id']}", f"chars {e['start']}-{e['end']}") if x)
                console.print(f"  [{colour}]{_signed(e['delta'])}[/{colour}] {e['date'] or '-'}"
                              f"  {_short(e['indicator_label'], 70)}  [dim]({_short(where, 90)})[/dim]")
                who = f"{_short(e['speaker'], 40)}: " if e.get("speaker") else ""
                console.print(f"        {who}“{_short(e['sentence'], 160)}”")


    @group.command()
    def history(
        db: str | None = db_option(),
        set_id: str | None = typer.Option(None, "--set", help="scenario set (default: the only one checked)"),
        scenario: str | None = typer.Option(None, "--scenario", "-s", help="only this scenario"),
        limit: int = typer.Option(200, "--limit", min=1, max=100_000, help="rows shown (newest last)"),
    ) -> None:
        """The timeline of weights with the reason for each change (indicator and evidence)."""
        store = open_db(db)
        try:
            known = [d["id"] for d in scenario_sets(store)]
            if set_id is None:
                if len(known) != 1:
                    raise InputError(f"name a set with --set (checked sets: {', '.join(known) or 'none'})")
                set_id = known[0]
            elif set_id not in known:
                raise InputError(f"no results for scenario set {set_id!r} (checked: {', '.join(known) or 'none'})")
            rows = scenario_history(store, set_id, scenario)
        finally:
            store.close()
        console.print(f"[bold]Weights of {_short(set_id)} over time[/bold] (oldest first)")
        for r in rows[-limit:]:
            reason = r["reason"]
            head = f"{r['as_of']}  {_short(r['scenario_id'], 40):<24} {_pct(r['probability']):>4}"
            if reason.get("kind") == "prior":
                console.print(f"{head}  prior")
                continue
            delta = float(reason.get("delta") or 0.0)
            colour = "green" if delta > 0 else "red" if delta < 0 else "dim"
            console.print(f"{head}  [{colour}]{_signed(delta)}[/{colour}]  {_short(reason.get('indicator_label'), 70)}"
                          f" ({reason.get('diagnosticity') or 'neutral'})")
            who = f"{_short(reason.get('speaker'), 40)}: " if reason.get("speaker") else ""
            console.print(f"            {who}“{_short(reason.get('sentence'), 150)}” [dim](doc {_short(reason.get('doc_id'), 20)},"
                          f" chars {reason.get('start')}-{reason.get('end')})[/dim]")


    @group.command()
    def validate(files: list[Path] = typer.Argument(..., help="scenario files to check")) -> None:
        """Check scenario files (fields, actor and narrative ids, queries) without evaluating them."""
        config = load_config()
        taxonomies = tuple(config.taxonomies)
        registries = tuple(str(p) for p in config.registries)
        for path in files:
            s = load_scenario_set(path, taxonomies=taxonomies, registries=registries)
            for warning in s.warnings:
                err_console.print(f"[yellow]warning[/yellow] {_short(path, 200)}: {_short(warning, 200)}")
            console.print(f"{_short(path, 200)}: set {_short(s.id)} with {len(s.scenarios)} scenarios"
                          f" and {len(s.indicators)} indicators is valid")
