"""The `linewatch` command: one Typer app, each stage registering its own commands.

Every module in COMMAND_MODULES exposes `register(app: typer.Typer) -> None`.
Heavy imports (spaCy, natasha, embeddings, FastAPI) happen inside the command
functions, so `linewatch --help` answers at once.
"""
from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="linewatch",
    help="Track what governments say and do in a crisis, every item linked to its source sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def _version(value: bool) -> None:
    if value:
        from linewatch import __version__

        print(f"linewatch {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="print the version and exit"),
) -> None:
    """Track what governments say and do in a crisis, every item linked to its source sentence."""


COMMAND_MODULES = (
    "linewatch.cli.workspace",  # init, doctor
    "linewatch.cli.ingest",  # ingest
    "linewatch.cli.process",  # run, extract, stance
    "linewatch.cli.demo",  # demo
    "linewatch.cli.narratives",  # narratives ...
    "linewatch.cli.analysis",  # stance, matrix, shifts, amplification
    "linewatch.cli.scenarios",  # scenarios ...
    "linewatch.cli.web",  # serve, brief, export
    "linewatch.cli.sources",  # watch, sources ...
)

for _mod in COMMAND_MODULES:
    try:
        importlib.import_module(_mod).register(app)
    except ModuleNotFoundError as _exc:  # a command group not written yet
        if not (_exc.name or "").startswith("linewatch.cli"):
            raise


def run() -> None:
    """Console-script entry point: user errors are one line on stderr, never a traceback."""
    from linewatch.errors import LinewatchError

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
