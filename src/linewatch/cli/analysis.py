"""Commands `stance`, `matrix`, `shifts` and `amplification`.

    linewatch stance INPUT.jsonl --json        # target-given stance (CONTRACT.md)
    linewatch matrix [--db URL] [--from D] [--to D] [--by country]
    linewatch shifts [--db URL] [--window 14] [--min-count 2]
    linewatch amplification [--db URL] [--write/--no-write]

Heavy imports happen inside the commands so `linewatch --help` stays fast.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from linewatch.analyze.amplification import detect_in_store
from linewatch.analyze.stance.component import stance_rows, stance_toward
from linewatch.analyze.stance.matrix import stance_matrix
from linewatch.analyze.stance.shifts import dismiss_shift, reviewed_shifts
from linewatch.cli.common import open_db
from linewatch.errors import InputError
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.langid import detect
from linewatch.nlp.pipeline import Pipeline

MAX_LINE_CHARS = 1_000_000  # one input item
MAX_ITEMS = 2_000_000


def _read_items(path: Path) -> Iterator[dict[str, Any]]:
    """The items of a `linewatch stance` input file, checked one by one."""
    if not path.is_file():
        raise InputError("no such file", where=str(path))
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if n > MAX_ITEMS:
                raise InputError(f"more than {MAX_ITEMS} items", where=str(path))
            if not line.strip():
                continue
            if len(line) > MAX_LINE_CHARS:
                raise InputError(f"line {n} is longer than {MAX_LINE_CHARS} characters", where=str(path))
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {n} is not JSON ({exc.msg})", where=str(path)) from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise InputError(f"line {n} needs an object with a 'text' string", where=str(path))
            span = item.get("target_span")
            if span is not None:
                ok = (isinstance(span, list) and len(span) == 2 and all(isinstance(v, int) for v in span)
                      and 0 <= span[0] < span[1] <= len(item["text"]))
                if not ok:
                    raise InputError(f"line {n}: target_span must be [start, end] inside the text", where=str(path))
            item.setdefault("id", str(n))
            yield item


def _target_span(item: dict[str, Any]) -> tuple[int, int] | None:
    if item.get("target_span"):
        return tuple(item["target_span"])  # type: ignore[return-value]
    target = item.get("target")
    if isinstance(target, str) and target:
        i = item["text"].find(target)
        if i >= 0:
            return (i, i + len(target))
    return None


def stance_items(path: Path, lang: str | None = None, use_model: bool = True) -> Iterator[dict[str, Any]]:
    """Output rows of `linewatch stance` for every item of the input file."""
    pipeline = None
    for item in _read_items(path):
        text = item["text"]
        item_lang = item.get("lang") or lang or detect(text)
        doc_id = str(item["id"])
        if item.get("target") is not None:
            span = _target_span(item)
            label, confidence = stance_toward(text, span, item_lang, use_model=use_model)
            yield {"doc": doc_id, "kind": "stance", "target": item["target"],
                   "target_span": list(span) if span else None, "stance": label,
                   "speaker": None, "speaker_span": None, "confidence": confidence}
            continue
        if pipeline is None:
            pipeline = Pipeline()
        yield from _open_stances(pipeline, doc_id, text, item_lang)


def _open_stances(pipeline: Any, doc_id: str, text: str, lang: str) -> Iterator[dict[str, Any]]:
    """Target-finding mode: statements with targets and every stance mention found."""
    doc = pipeline(Doc(Document(text=text, id=doc_id, language=lang)))
    for st in doc.statements:
        if st.target:
            yield {"doc": doc_id, "kind": "stance", "target": st.target,
                   "target_span": list(st.target_span) if st.target_span else None,
                   "stance": st.stance, "speaker": st.speaker,
                   "speaker_span": list(st.speaker_span) if st.speaker_span else None,
                   "confidence": st.stance_confidence}
    yield from stance_rows(doc, doc_id)


def _open(db: str | None):
    return open_db(db)


def _parse_date(value: str | None, flag: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{flag} wants a date YYYY-MM-DD, got {value[:40]!r}") from None


def register(app: typer.Typer) -> None:
    @app.command("stance")
    def stance_cmd(
        input: Path = typer.Argument(..., help="JSON Lines: {id, text, target, target_span} per line"),
        as_json: bool = typer.Option(False, "--json", help="JSON Lines on stdout (CONTRACT.md)"),
        lang: str | None = typer.Option(None, "--lang", help="language of every item (default: detect)"),
        model: bool = typer.Option(True, "--model/--lexicon", help="learnt model where shipped, or the lexicon only"),
    ) -> None:
        """Stance (support / oppose / neutral) toward a given target, or toward targets found."""
        rows = stance_items(input, lang, model)
        if as_json:
            for row in rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            return
        table = Table("doc", "target", "stance", "holder", "confidence")
        for row in rows:
            table.add_row(escape(str(row["doc"])), escape(str(row["target"])), row["stance"],
                          escape(str(row["speaker"] or "author")),
                          f"{row['confidence']:.2f}")
        Console().print(table)

    @app.command("matrix")
    def matrix_cmd(
        db: str | None = typer.Option(None, "--db", help="database URL or path (default: workspace)"),
        start: str | None = typer.Option(None, "--from", help="first statement date YYYY-MM-DD"),
        end: str | None = typer.Option(None, "--to", help="last statement date YYYY-MM-DD"),
        by: str = typer.Option("actor", "--by", help="actor or country"),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """Who backs and who blames whom: speaker × target counts of support / oppose / neutral."""
        if by not in ("actor", "country"):
            raise InputError(f"--by must be actor or country, got {by[:20]!r}")
        cells = stance_matrix(_open(db), _parse_date(start, "--from"), _parse_date(end, "--to"), by=by)  # type: ignore[arg-type]
        if as_json:
            for cell in cells:
                sys.stdout.write(json.dumps(cell, ensure_ascii=False) + "\n")
            return
        table = Table("speaker", "target", "support", "oppose", "neutral", "net", title="stance matrix")
        for c in cells:
            table.add_row(escape(str(c["speaker"])), escape(str(c["target"])), str(c["support"]), str(c["oppose"]),
                          str(c["neutral"]), f"{c['net']:+d}")
        Console().print(table)

    @app.command("shifts")
    def shifts_cmd(
        db: str | None = typer.Option(None, "--db", help="database URL or path (default: workspace)"),
        window: int = typer.Option(14, "--window", min=1, max=3650, help="days on each side of a change"),
        min_count: int = typer.Option(2, "--min-count", min=1, help="statements needed on each side"),
        as_json: bool = typer.Option(False, "--json"),
        dismiss: str | None = typer.Option(None, "--dismiss", help="a shift id to mark false (shown in the listing)"),
        undo: bool = typer.Option(False, "--undo", help="with --dismiss: restore the shift"),
        author: str = typer.Option("analyst", "--author", help="who dismisses"),
        show_all: bool = typer.Option(False, "--all", help="list dismissed shifts too"),
    ) -> None:
        """Changes of an actor's stance toward a target, each with its evidence; --dismiss ID marks one false."""
        store = _open(db)
        if dismiss:
            n = dismiss_shift(store, dismiss.strip()[:64], author, undo=undo)
            print(f"shift {dismiss.strip()[:64]} {'restored' if undo else 'dismissed'}" if n else "nothing changed")
            return
        shifts = reviewed_shifts(store, window_days=window, min_count=min_count, include_dismissed=show_all)
        if as_json:
            for s in shifts:
                sys.stdout.write(json.dumps(s, ensure_ascii=False, default=str) + "\n")
            return
        table = Table("id", "speaker", "target", "before", "after", "change", "statements", "evidence (last before, first after)",
                      title="stance shifts")
        for s in shifts:
            ev = [e for e in s["evidence"] if e["side"] == "before"][-1:] + [e for e in s["evidence"] if e["side"] == "after"][:1]
            table.add_row(s["id"] + (" (dismissed)" if s["dismissed"] else ""), escape(str(s["speaker"])),
                          escape(str(s["target"])), s["before"], s["after"], str(s["change_date"]),
                          f"{len(s['statements_before'])} → {len(s['statements_after'])}",
                          escape(" | ".join(f"{e['date']} {e['stance']}: {' '.join(str(e['sentence']).split())[:120]}" for e in ev)))
        Console().print(table)

    @app.command("amplification")
    def amplification_cmd(
        db: str | None = typer.Option(None, "--db", help="database URL or path (default: workspace)"),
        write: bool = typer.Option(True, "--write/--no-write", help="save groups to story_groups"),
        translations: bool = typer.Option(True, "--translations/--no-translations",
                                          help="also find translated copies (embeddings)"),
        limit: int = typer.Option(50, "--limit", min=1, help="groups shown"),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """The same story pushed by several outlets: exact, near-duplicate and translated copies."""
        groups = detect_in_store(_open(db), write=write, translations=translations)
        if as_json:
            for g in groups:
                sys.stdout.write(json.dumps(g.to_dict(), ensure_ascii=False) + "\n")
            return
        table = Table("first seen", "story", "size", "outlets", "origin doc", "relations",
                      title=f"{len(groups)} story groups")
        for g in groups[:limit]:
            rel = ", ".join(f"{k} {v}" for k, v in sorted(g.relation_counts().items()))
            table.add_row(str(g.first_seen or "?"), escape(g.label[:60]), str(g.size),
                          str(len(g.outlets())), g.origin, rel)
        Console().print(table)
