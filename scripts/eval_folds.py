#!/usr/bin/env python3
"""Statement and event figures on the visible gold sets, by folds of documents.

Why: rules tuned until the visible files come out right do not carry over to unseen
articles. Every visible document (the seed, ``seed/dev/``, ``seed/dev-other-crises/``)
is put in one of five folds, stratified by set and language, by a stable hash of its
folder name. Folds 0-2 are the *tune* folds: look at their errors (``--verbose tune``)
and change rules, word lists and thresholds against them. Folds 3-4 are the *check*
folds: read only their figures. The check figures are what predicts the held-out sets;
the whole-set figures are printed beside them.

It runs ``linewatch extract FILES --json`` once (as the maintainers do), then scores
subsets with ``../shared/eval/score.py gold``.

    python scripts/eval_folds.py                       # table: tune / check / all, per set
    python scripts/eval_folds.py --per-fold            # one row per fold
    python scripts/eval_folds.py --verbose tune        # score.py -v on the tune documents only
    python scripts/eval_folds.py --reuse               # score the last predictions again
    python scripts/eval_folds.py --list                # which document is in which fold
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LINEWATCH_SHARED") or HERE.parent / "shared")
# One output folder per checkout, so runs from two worktrees never overwrite each other.
OUT = Path(os.environ.get("OUT") or Path(tempfile.gettempdir())
           / f"linewatch-folds-{hashlib.sha1(str(HERE).encode()).hexdigest()[:8]}")
FOLDS = 5
TUNE_FOLDS = (0, 1, 2)
CHECK_FOLDS = (3, 4)
SEED_DATE = "2021-11-10"


@dataclass(frozen=True)
class GoldDocument:
    set: str        # seed | dev | other
    name: str       # folder (or file stem for the seed)
    language: str
    text: Path
    gold: Path
    fold: int = -1


def gold_language(gold: Path) -> str:
    for line in gold.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("language:"):
            return stripped.split(":", 1)[1].strip()
    return "en"


def gold_documents(shared: Path) -> list[GoldDocument]:
    docs = [GoldDocument("seed", "000_9a14ab1a5f4ec8ed", "en", shared / "seed" / "000_9a14ab1a5f4ec8ed.txt",
                         shared / "seed" / "000_9a14ab1a5f4ec8ed.gold.yaml")]
    for set_name, folder in (("dev", "dev"), ("other", "dev-other-crises")):
        for sub in sorted((shared / "seed" / folder).iterdir()):
            if (sub / "gold.yaml").is_file() and (sub / "text.txt").is_file():
                docs.append(GoldDocument(set_name, sub.name, gold_language(sub / "gold.yaml"),
                                         sub / "text.txt", sub / "gold.yaml"))
    return assign_folds(docs)


def assign_folds(docs: list[GoldDocument]) -> list[GoldDocument]:
    """Round-robin over a stable hash order inside each (set, language) stratum."""
    def key(d: GoldDocument) -> str:
        return hashlib.sha1(d.name.encode("utf-8")).hexdigest()

    out: list[GoldDocument] = []
    offset = 0
    strata = sorted({(d.set, d.language) for d in docs})
    for stratum in strata:
        members = sorted((d for d in docs if (d.set, d.language) == stratum), key=key)
        for i, d in enumerate(members):
            out.append(GoldDocument(d.set, d.name, d.language, d.text, d.gold, (offset + i) % FOLDS))
        offset += len(members)
    return sorted(out, key=lambda d: (d.set, d.name))


def extract(docs: list[GoldDocument], taxonomy: str | None, out: Path) -> None:
    """One `linewatch extract` per set (the seed needs its publication date)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for set_name in ("seed", "dev", "other"):
            files = [str(d.text) for d in docs if d.set == set_name]
            if not files:
                continue
            cmd = [sys.executable, "-m", "linewatch", "extract", *files, "--json"]
            if set_name == "seed":
                cmd += ["--date", SEED_DATE]
            if taxonomy:
                cmd += ["--taxonomy", taxonomy]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.stderr.strip():
                sys.stderr.write(proc.stderr)
            fh.write(proc.stdout)


def predictions_of(docs: list[GoldDocument], predictions: Path) -> Path:
    """A temporary file with the prediction lines of `docs` only (the caller deletes it)."""
    wanted = {str(d.text) for d in docs}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for line in predictions.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line).get("doc") in wanted:
                tmp.write(line + "\n")
    return Path(tmp.name)


def score(docs: list[GoldDocument], predictions: Path, verbose: bool = False) -> dict | None:
    if not docs:
        return None
    tmp = predictions_of(docs, predictions)
    score_py = SHARED / "eval" / "score.py"
    golds = [str(d.gold) for d in docs]
    if verbose:
        subprocess.run([sys.executable, str(score_py), "gold", str(tmp), *golds, "-v"])
    proc = subprocess.run([sys.executable, str(score_py), "gold", str(tmp), *golds, "--json"],
                          stdout=subprocess.PIPE, text=True, check=True)
    os.unlink(tmp)
    return json.loads(proc.stdout)["overall"]


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def row(label: str, n: int, overall: dict | None) -> str:
    if overall is None:
        return f"{label:<22} {n:>3}"
    s = overall["statements"]
    ns = overall["not_statements"]
    cells = [_fmt(s["f1"]), _fmt(s["p"]), _fmt(s["r"])]
    cells += [_fmt(overall[k]["acc"]) for k in ("speaker", "date", "stance", "target", "plover")]
    cells += [_fmt(overall["narratives"]["f1"]), _fmt(overall["events"]["f1"]),
              f"{ns['attributed']:>3}/{ns['total']:<3}"]
    return f"{label:<22} {n:>3} " + " ".join(cells)


HEADER = (f"{'documents':<22} {'n':>3} " + " ".join(f"{h:>5}" for h in (
    "F1", "P", "R", "spkr", "date", "stnc", "targ", "plovr", "narr", "evtF1")) + " notstm")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--taxonomy", help="narrative taxonomy for extract (e.g. ../shared/seed/narratives.yaml)")
    ap.add_argument("--reuse", action="store_true", help="score the predictions of the last run again")
    ap.add_argument("--per-fold", action="store_true", help="one row per fold as well")
    ap.add_argument("--verbose", choices=("tune",), help="score.py -v on the tune documents (never the check ones)")
    ap.add_argument("--list", action="store_true", help="print the fold of every document and stop")
    args = ap.parse_args()
    if not (SHARED / "seed").is_dir():
        print(f"eval_folds: {SHARED} has no seed/ (set LINEWATCH_SHARED)", file=sys.stderr)
        return 2
    docs = gold_documents(SHARED)
    if args.list:
        for d in docs:
            part = "tune" if d.fold in TUNE_FOLDS else "check"
            print(f"fold {d.fold} {part:<5} {d.set:<5} {d.language} {d.name}")
        return 0
    predictions = OUT / "predictions.jsonl"
    if not (args.reuse and predictions.exists()):
        extract(docs, args.taxonomy, predictions)
    tune = [d for d in docs if d.fold in TUNE_FOLDS]
    check = [d for d in docs if d.fold in CHECK_FOLDS]
    if args.verbose:
        score(tune, predictions, verbose=True)
    print(HEADER)
    for part, members in (("tune", tune), ("check", check), ("all", docs)):
        for set_name in ("seed", "dev", "other"):
            subset = [d for d in members if d.set == set_name]
            print(row(f"{part} {set_name}", len(subset), score(subset, predictions)))
        print(row(f"{part} ALL", len(members), score(members, predictions)))
    for part, members in (("tune", tune), ("check", check)):
        for lang in ("en", "ru", "pl"):
            subset = [d for d in members if d.language == lang]
            print(row(f"{part} {lang}", len(subset), score(subset, predictions)))
    if args.per_fold:
        for fold in range(FOLDS):
            subset = [d for d in docs if d.fold == fold]
            print(row(f"fold {fold}", len(subset), score(subset, predictions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
