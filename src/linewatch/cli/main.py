"""The `linewatch` command: one Typer app, each stage registering its own commands.

Every module in COMMAND_MODULES exposes `register(app: typer.Typer) -> None`.
Heavy imports (spaCy, natasha, embeddings, FastAPI) happen inside the command
functions, so `linewatch --help` answers at once.
"""
from __future__ import annotations

import sys

import typer

from linewatch import __version__
from linewatch.cli import analysis, demo, ingest, narratives, process, scenarios, sources, web, workspace
from linewatch.errors import LinewatchError

app = typer.Typer(
    name="linewatch",
    help="Track what governments say and do in a crisis, every item linked to its source sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def _version(value: bool) -> None:
    if value:
        print(f"linewatch {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="print the version and exit"),
) -> None:
    """Track what governments say and do in a crisis, every item linked to its source sentence."""


COMMAND_MODULES = (
    workspace,  # init, doctor
    ingest,  # ingest
    process,  # run, extract, stance
    demo,  # demo
    narratives,  # narratives ...
    analysis,  # stance, matrix, shifts, amplification
    scenarios,  # scenarios ...
    web,  # serve, brief, export
    sources,  # watch, sources ...
)

for _mod in COMMAND_MODULES:
    _mod.register(app)


def run() -> None:
    """Console-script entry point: user errors are one line on stderr, never a traceback."""
    try:
        app()
    except LinewatchError as exc:
        print(f"linewatch: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("linewatch: interrupted", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    run()
