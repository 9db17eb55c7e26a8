"""Commands `serve`, `brief` and `export`.

    linewatch serve [--db URL] [--host 127.0.0.1] [--port 8642]
    linewatch brief --from 2021-11-01 --to 2021-11-15 [--actor NAME]... [--topic T] --format pdf --output brief.pdf
    linewatch export statements --format csv --output statements.csv [--from D] [--to D] [--actor NAME]
    linewatch statements --speaker "Sergei Lavrov" --from 2021-11-01 --to 2021-11-30 --q "граница" [--json]
    linewatch correct ITEM_ID --stance oppose --author "A. Analyst" [--kind event] [--wrong]

FastAPI, uvicorn and WeasyPrint are imported inside the commands.
"""
from __future__ import annotations

import errno
import ipaddress
import json
import logging
import socket
import sys
import threading
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from linewatch.analyze.narratives.taxonomy import load_taxonomy
from linewatch.cli.common import console, db_option, err_console, open_db
from linewatch.config import load_config
from linewatch.errors import InputError
from linewatch.report.brief import build_briefing
from linewatch.report.render import default_output, format_from_path, render, write_atomic, write_briefing
from linewatch.store.queries import records
from linewatch.store.queries.charts import warm
from linewatch.store.queries.corrections import add_corrections
from linewatch.store.queries.filters import ItemFilter
from linewatch.web.export import FORMATS, export_bytes
from linewatch.web.settings import load_settings

DEFAULT_PORT = 8642
STATEMENT_JSON_FIELDS = ("id", "date", "speaker", "speaker_id", "speaker_role", "speaker_country", "cue", "content",
                         "target", "stance", "plover", "narratives", "doc_id", "doc_title", "doc_outlet", "doc_url",
                         "doc_language", "sentence", "sentence_start", "sentence_end", "confidence", "corrected", "wrong")


def _narrative_labels(config: object, flag: str | None) -> dict[str, str]:
    """{narrative id: label} from --taxonomy, else the workspace's/shipped taxonomy ({} if none loads)."""
    path = flag or config.taxonomy()  # type: ignore[attr-defined]
    if not path:
        return {}
    try:
        tax = load_taxonomy(path)
    except InputError:
        if flag:
            raise  # the user named it: say what is wrong
        return {}
    return {n.id: n.label for n in tax.narratives}


def _is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or the name localhost; anything else (0.0.0.0, a LAN address, a name) is exposed."""
    if host.strip().lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_port_free(host: str, port: int) -> None:
    """Say "port N is in use" in one line before uvicorn would print its own error and traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise InputError(f"port {port} is in use; try --port {port + 1}", where="--port") from None
            raise InputError(f"cannot listen on {host}:{port} ({exc.strerror or exc})", where="--host") from None


def _warm_in_background(store: object) -> None:
    """Compute the default charts while the server starts, so the first visit is quick."""

    def run() -> None:
        try:
            warm(store)
        except Exception:  # a failed warm-up only means the first visit computes it
            logging.getLogger("linewatch.web").exception("warming the chart cache failed")

    threading.Thread(target=run, name="linewatch-warm", daemon=True).start()


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str | None = db_option(),
        host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (keep 127.0.0.1 unless behind a proxy)"),
        port: int | None = typer.Option(None, "--port", help=f"port (default: [web] port, else {DEFAULT_PORT})"),
        taxonomy: str | None = typer.Option(None, "--taxonomy", help="narrative taxonomy whose labels the pages show"),
        public_without_token: bool = typer.Option(
            False, "--public-without-token",
            help="listen on a non-loopback address although reading needs no token (everything becomes readable "
                 "by anyone who can reach this address)"),
    ) -> None:
        """Start the dashboard and the JSON API (http://HOST:PORT/, API docs at /api/docs)."""
        import uvicorn  # lazy: the web server loads only for `serve`

        from linewatch.web.app import create_app, freeze_start_up_objects  # lazy: heavy, loaded for `serve` only
        config = load_config()
        settings = load_settings(config)
        if port is None:
            web = config.raw.get("web", {}) if isinstance(config.raw, dict) else {}
            port = int(web.get("port", DEFAULT_PORT)) if isinstance(web, dict) else DEFAULT_PORT
        if not (0 < port < 65536):
            raise InputError("port must be between 1 and 65535", where="--port")
        exposed = not _is_loopback(host) and not settings.read_requires_token
        if exposed and not public_without_token:
            raise InputError(
                "listening on a non-loopback address would expose every document and export with no token: set "
                "[web] read_requires_token = true (with api_tokens), or pass --public-without-token", where="--host")
        _check_port_free(host, port)
        labels = _narrative_labels(config, taxonomy)
        store = open_db(db)
        app = create_app(store, settings, narrative_labels=labels)
        freeze_start_up_objects()
        _warm_in_background(store)
        mode = "corrections enabled (token required)" if settings.writes_enabled else "read-only (no API token configured)"
        console.print(f"linewatch dashboard on http://{host}:{port}/ — {store.url} — {mode}")
        if exposed:
            err_console.print(f"[bold red]warning[/bold red]: {host} is not a loopback address and reading needs no "
                              "token: every document, statement and export is open to anyone who can reach it")
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)

    @app.command()
    def brief(
        date_from: str = typer.Option(..., "--from", help="first day, YYYY-MM-DD"),
        date_to: str = typer.Option(..., "--to", help="last day, YYYY-MM-DD"),
        actor: list[str] = typer.Option([], "--actor", help="limit to statements by or about this actor (repeatable)"),
        topic: str | None = typer.Option(None, "--topic", help="a narrative id, or words to search for"),
        fmt: str | None = typer.Option(None, "--format", help="md, html or pdf (default: from the output name)"),
        output: Path | None = typer.Option(
            None, "--output", "-o",
            help="file to write (default: Markdown or HTML on standard output; a PDF goes to brief-FROM-TO.pdf)"),
        dashboard: str = typer.Option(
            "", "--dashboard", help="the dashboard's address for citation links (default: this workspace's serve address)"),
        taxonomy: str | None = typer.Option(None, "--taxonomy", help="narrative taxonomy whose labels the briefing uses"),
        db: str | None = db_option(),
    ) -> None:
        """Write a briefing: bottom line up front, each actor's line, narratives, scenarios, charts; every line cited."""

        kind = format_from_path(output, fmt) if output is not None else format_from_path(Path("-"), fmt or "md")
        if output is None and kind == "pdf":
            output = default_output(date_from, date_to, kind)
        config = load_config()
        store = open_db(db)
        base = dashboard or f"http://{config.web_host}:{config.web_port}"
        b = build_briefing(store, date_from, date_to, actors=actor, topic=topic,
                           narrative_labels=_narrative_labels(config, taxonomy), dashboard=base)
        if output is None:
            sys.stdout.write(render(b, kind).decode("utf-8"))
            return
        write_briefing(b, kind, output)
        console.print(f"wrote {output} ({kind}): {len(b.key_statements)} key statements, {len(b.references)} references")

    @app.command()
    def export(
        kind: str = typer.Argument(..., help="statements, events or documents"),
        fmt: str | None = typer.Option(None, "--format", help="csv, jsonl or parquet (default: from the output name)"),
        output: Path = typer.Option(..., "--output", "-o", help="file to write"),
        date_from: str | None = typer.Option(None, "--from", help="first day, YYYY-MM-DD"),
        date_to: str | None = typer.Option(None, "--to", help="last day, YYYY-MM-DD"),
        actor: str | None = typer.Option(None, "--actor", help="speaker name or registry id"),
        country: str | None = typer.Option(None, "--country", help="speaker country (ISO alpha-3)"),
        language: str | None = typer.Option(None, "--language"),
        max_rows: int = typer.Option(1_000_000, "--max-rows", min=1),
        db: str | None = db_option(),
    ) -> None:
        """Export filtered records (corrections applied) as CSV, JSON Lines or Parquet."""
        chosen = (fmt or output.suffix.lstrip(".")).lower()
        if chosen not in FORMATS:
            raise InputError("choose --format csv, jsonl or parquet", where=str(output))
        f = ItemFilter.from_params({"date_from": date_from, "date_to": date_to, "actor": actor, "country": country,
                                    "language": language})
        store = open_db(db)
        data, n = export_bytes(store, kind, chosen, f, max_rows)
        write_atomic(data, output)
        console.print(f"wrote {n} {kind} to {output} ({chosen})")

    @app.command()
    def statements(
        speaker: str | None = typer.Option(None, "--speaker", help="speaker name or registry id"),
        target: str | None = typer.Option(None, "--target"),
        stance: str | None = typer.Option(None, "--stance", help="support, oppose or neutral"),
        date_from: str | None = typer.Option(None, "--from", help="first day, YYYY-MM-DD"),
        date_to: str | None = typer.Option(None, "--to", help="last day, YYYY-MM-DD"),
        q: str | None = typer.Option(None, "--q", help='search: any word form, names in any spelling, "a phrase", OR, NOT'),
        language: str | None = typer.Option(None, "--language"),
        limit: int = typer.Option(50, "--limit", min=1, max=10_000, help="at most this many (newest first)"),
        as_json: bool = typer.Option(False, "--json", help="JSON Lines, one statement per line"),
        db: str | None = db_option(),
    ) -> None:
        """List or search statements (corrections applied), as a table or JSON Lines."""
        f = ItemFilter.from_params({"actor": speaker, "target": target, "stance": stance, "date_from": date_from,
                                    "date_to": date_to, "q": q, "language": language})
        store = open_db(db)
        rows: list[dict] = []
        while len(rows) < limit:
            page, more = records.list_statements(store, f, min(500, limit - len(rows)), len(rows))
            rows += page
            if not more or not page:
                break
        total, capped = records.count_statements(store, f)
        if as_json:
            for r in rows:
                sys.stdout.write(json.dumps({k: r.get(k) for k in STATEMENT_JSON_FIELDS}, ensure_ascii=False) + "\n")
            return
        table = Table(title=f"{total}{'+' if capped else ''} statements, newest first (showing {len(rows)})")
        for col in ("date", "speaker", "target", "stance", "content", "id"):
            table.add_column(col, overflow="fold", no_wrap=col in ("date", "id"), ratio=4 if col == "content" else None)
        for r in rows:
            table.add_row(r.get("date") or "undated", escape(r.get("speaker") or "unknown"), escape(r.get("target") or ""),
                          r.get("stance") or "", escape(" ".join(str(r.get("content") or "").split())[:160]), r["id"])
        console.print(table)

    @app.command()
    def correct(
        item_id: str = typer.Argument(..., help="the statement or event id (shown on its dashboard page)"),
        kind: str = typer.Option("statement", "--kind", help="statement or event"),
        speaker: str | None = typer.Option(None, "--speaker", help="a name in any language; filed under the registry's actor"),
        source: str | None = typer.Option(None, "--source", help="events: who acted"),
        on: str | None = typer.Option(None, "--date", help="YYYY-MM-DD"),
        target: str | None = typer.Option(None, "--target"),
        stance: str | None = typer.Option(None, "--stance", help="support, oppose or neutral"),
        narratives: str | None = typer.Option(None, "--narratives", help="comma-separated narrative ids"),
        wrong: bool | None = typer.Option(None, "--wrong/--not-wrong", help="mark the item wrong (or right again)"),
        author: str = typer.Option(..., "--author", help="who makes the correction"),
        note: str | None = typer.Option(None, "--note"),
        db: str | None = db_option(),
    ) -> None:
        """Correct an item (kept by its stable id, so it survives reprocessing; shown as corrected)."""
        store = open_db(db)
        if kind not in ("statement", "event"):
            raise InputError("--kind must be statement or event", where=kind[:20])
        item = (records.get_statement if kind == "statement" else records.get_event)(store, item_id)
        if item is None:
            raise InputError(f"no {kind} with this id", where=item_id[:40])
        changes = {"speaker": speaker, "source": source, "date": on, "target": target, "stance": stance, "narratives": narratives}
        if wrong is not None:
            changes["wrong"] = "true" if wrong else "false"
        n = add_corrections(store, kind, item, {k: v for k, v in changes.items() if v is not None}, author, note)
        console.print(f"{n} correction{'s' if n != 1 else ''} saved for {kind} {item['id']}")
