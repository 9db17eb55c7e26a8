"""Commands `linewatch narratives ...`: list, match, discover, promote, train.

    linewatch narratives list [--taxonomy FILE|NAME]
    linewatch narratives match "claim text" [--lang ru] [--taxonomy ...]
    linewatch narratives discover [--db URL] [--taxonomy NAME] [--seed 0] [--min-size 3] [--json]
    linewatch narratives promote CANDIDATE_ID --into FILE [--db URL] [--id NEW_ID]
    linewatch narratives train --semeval ../shared/eval/semeval2025_t10 [--folds 5] [--no-embedding] [--per-label] [--languages en,ru] [--predictions DIR]
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer
from rich.markup import escape

from linewatch.analyze.narratives.classifier import TrainConfig
from linewatch.analyze.narratives.component import get_matcher, get_taxonomy
from linewatch.analyze.narratives.discover import discover, load_candidate
from linewatch.analyze.narratives.promote import promote
from linewatch.analyze.narratives.taxonomy import bundled_taxonomies, load_taxonomy, resolve_taxonomy_path
from linewatch.cli.common import console, db_option, open_db, parse_date_flag
from linewatch.config import load_config
from linewatch.errors import InputError

narratives_app = typer.Typer(help="Narrative taxonomies, matching, discovery and the learnt document model.", no_args_is_help=True)

TAXONOMY_HELP = "taxonomy file, or a bundled one by name (belarus-border-2021, semeval2025-t10); default: the workspace's"


def _taxonomy_ref(flag: str | None) -> str:
    ref = load_config().taxonomy(flag)
    if ref is None:
        raise InputError("no taxonomy given and none shipped", where="--taxonomy")
    return str(ref)


@narratives_app.command("list")
def list_cmd(
    taxonomy: str | None = typer.Option(None, "--taxonomy", "-t", help=TAXONOMY_HELP),
    as_json: bool = typer.Option(False, "--json", help="one JSON object per narrative"),
) -> None:
    """Show the narratives of a taxonomy (and the bundled taxonomies)."""

    tax = load_taxonomy(_taxonomy_ref(taxonomy))
    if as_json:
        for n in tax.narratives:
            print(json.dumps({"taxonomy": tax.name, "id": n.id, "label": n.label, "parent": n.parent, "examples": len(n.examples)}, ensure_ascii=False))
        return
    console.print(f"[bold]{escape(tax.name)}[/bold] v{escape(tax.version)}: {len(tax.narratives)} narratives" + (" + learnt classifier" if tax.classifier else ""))
    for n in tax.narratives:
        pad = "    " if n.parent else "  "
        console.print(f"{pad}[cyan]{escape(n.id)}[/cyan]  {escape(n.label)}  [dim]({len(n.examples)} examples)[/dim]")
    console.print("[dim]bundled: " + ", ".join(p.stem for p in bundled_taxonomies()) + "[/dim]")


@narratives_app.command("match")
def match_cmd(
    text: str = typer.Argument(..., help="a claim (any of en/ru/pl)"),
    lang: str = typer.Option("en", "--lang", help="language of the claim (for cue words)"),
    taxonomy: str | None = typer.Option(None, "--taxonomy", "-t", help=TAXONOMY_HELP),
) -> None:
    """Which narratives one claim carries, and why."""
    tax = get_taxonomy(_taxonomy_ref(taxonomy))
    hits = get_matcher(tax).match([text[:2000]], lang)[0]
    print(json.dumps([{"narrative": h.narrative_id, "score": h.score, "because": h.explanation} for h in hits], ensure_ascii=False, indent=1))


@narratives_app.command("discover")
def discover_cmd(
    db: str | None = db_option(),
    taxonomy: str | None = typer.Option(None, "--taxonomy", "-t", help="count only matches of this taxonomy (its name or file) as explained"),
    seed: int = typer.Option(0, "--seed", help="random seed (same data + seed = same candidates)"),
    min_size: int = typer.Option(3, "--min-size", help="fewest statements in a candidate"),
    min_similarity: float = typer.Option(0.85, "--min-similarity", help="average similarity of the statements of a candidate (0-1)"),
    since: str | None = typer.Option(None, "--from", help="YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--to", help="YYYY-MM-DD"),
    as_json: bool = typer.Option(False, "--json", help="one JSON object per candidate"),
    save: bool = typer.Option(True, "--save/--no-save", help="store candidates in narrative_candidates"),
) -> None:
    """Group statements no narrative explains into candidate narratives."""

    parse_date_flag(since, "--from")
    parse_date_flag(until, "--to")
    tax_name = None
    if taxonomy:  # a file or bundled name gives its `taxonomy:` name; anything else is taken as the stored name
        path = resolve_taxonomy_path(taxonomy)
        tax_name = load_taxonomy(path).name if path else taxonomy
    store = open_db(db)
    found = discover(store, tax_name, seed=seed, min_size=min_size, min_similarity=min_similarity, since=since, until=until, save=save)
    if as_json:
        for c in found:
            print(json.dumps(asdict(c), ensure_ascii=False))
        return
    if not found:
        console.print("no candidate narratives (too few unexplained statements, or none close enough)")
        return
    for c in found:
        console.print(f"[bold cyan]{c.id}[/bold cyan]  {c.size} statements, first seen {c.first_seen or '?'}  cohesion {c.cohesion}")
        console.print(f"  [bold]{escape(c.label)}[/bold]")
        console.print(f"  terms: {escape(', '.join(c.terms))}")
        console.print(f"  pushed by: {escape(', '.join(f'{k} ({v})' for k, v in list(c.actors.items())[:5]) or '-')}")
        console.print(f"  outlets: {escape(', '.join(f'{k} ({v})' for k, v in list(c.outlets.items())[:5]) or '-')}")
        console.print(f"  weekly volume: {escape(' '.join(f'{k}:{v}' for k, v in c.volume.items()))}")
        for r in c.representatives[:3]:
            console.print(f"    - {escape(r.get('speaker') or '?')}: {escape(r['content'][:160])}")
    console.print("[dim]promote one with: linewatch narratives promote ID --into FILE[/dim]")


@narratives_app.command("promote")
def promote_cmd(
    candidate_id: str = typer.Argument(..., help="candidate id (or a unique prefix) from `narratives discover`"),
    into: Path = typer.Option(..., "--into", help="taxonomy file to append to (created if missing)"),
    new_id: str | None = typer.Option(None, "--id", help="id for the new narrative (default: from its terms)"),
    db: str | None = db_option(),
) -> None:
    """Append a discovered candidate to a taxonomy file."""
    cand = load_candidate(open_db(db), candidate_id)
    if cand is None:
        raise InputError("no such candidate (run `linewatch narratives discover` first)", where=candidate_id)
    nid = promote(cand, into, new_id)
    console.print(f"added narrative {nid} to {into}")


@narratives_app.command("train")
def train_cmd(
    semeval: Path = typer.Option(..., "--semeval", help="folder with <LANG>/subtask-2-annotations.txt and <LANG>/raw-documents/"),
    taxonomy: str = typer.Option("semeval2025-t10", "--taxonomy", "-t", help="taxonomy whose ids the labels map to"),
    out: Path | None = typer.Option(None, "--out", help="model file (default: the taxonomy's `classifier:`)"),
    folds: int = typer.Option(5, "--folds", help="k of the k-fold cross-validation"),
    seed: int = typer.Option(0, "--seed"),
    predictions: Path | None = typer.Option(None, "--predictions", help="write held-out predictions <lang>.jsonl here (for score.py narratives)"),
    languages: str = typer.Option("", "--languages", help="learn only from these languages, comma-separated (default: every language folder)"),
    embedding: bool = typer.Option(True, "--embedding/--no-embedding", help="the title+lead multilingual embedding features beside the lexical ones"),
    per_label: bool = typer.Option(False, "--per-label", help="tune a threshold per narrative (else one for all)"),
    nested: bool = typer.Option(True, "--nested/--no-nested", help="run the nested cross-validation first (about 6x the training time)"),
) -> None:
    """Cross-validate and train the document classifier on SemEval-2025 Task 10 data."""
    from linewatch.analyze.narratives.semeval import (
        run_training,  # lazy: heavy to import, loaded only when the command runs
    )  # lazy: heavy to import, loaded only when the command runs
    tax = load_taxonomy(taxonomy)
    target = out or tax.classifier
    if target is None:
        raise InputError("the taxonomy names no classifier file; give --out", where=taxonomy)
    if folds < 2:
        raise InputError("need at least 2 folds", where="--folds")
    cfg = TrainConfig(train_langs=tuple(x.strip().lower() for x in languages.split(",") if x.strip()), embedding=embedding)
    summary = run_training(semeval, tax, target, predictions, k=folds, seed=seed, cfg=cfg, per_label=per_label, nested=nested,
                           progress=lambda m: console.print(f"[dim]{m}[/dim]"))
    print(json.dumps(summary, indent=1))


def register(app: typer.Typer) -> None:
    app.add_typer(narratives_app, name="narratives")
