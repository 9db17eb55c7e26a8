#!/usr/bin/env python3
"""How often a statement of a given confidence and kind is right: a calibration table.

Why: the brief says a missing statement costs the analyst less than a wrong speaker, so the
confidence has to tell the two apart. This scores predictions against gold (``score.py gold
--json``) and labels every predicted statement: a match with the right speaker, a match with a
wrong speaker, or a false positive (predictions on optional gold are left out). Then it prints the
share of each per bucket: confidence band, how the speaker was resolved, the form and the language.

    python scripts/calibration.py PRED.jsonl GOLD_DIR_OR_FILE...       # one prediction file
    python scripts/calibration.py --folds tune                          # eval_folds.py's last run
    python scripts/calibration.py --folds tune PRED.jsonl GOLD...       # both, pooled
    python scripts/calibration.py ... --dump rows.jsonl                  # the labelled rows
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import eval_folds  # noqa: E402  (the fold assignment and the last predictions live there)

BANDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def labelled_rows(pred: Path, golds: list[str]) -> list[dict]:
    """Every predicted statement scored against `golds`, with its label and features."""
    rows = [json.loads(x) for x in pred.read_text(encoding="utf-8").splitlines() if x.strip()]
    score_py = eval_folds.SHARED / "eval" / "score.py"
    out = json.loads(subprocess.run([sys.executable, str(score_py), "gold", "--json", str(pred), *golds],
                                    capture_output=True, text=True, check=True).stdout)
    label: dict[int, str] = {}
    for d in out["documents"]:
        for m in d["matches"]:
            if isinstance(m.get("line"), int):
                label[m["line"]] = "right" if m.get("speaker", True) else "wrong"
        for f in d["false_positives"]:
            if isinstance(f.get("line"), int):
                label[f["line"]] = "fp"
    lang_of = {r.get("doc"): r.get("language") or "?" for r in rows if r.get("kind") == "document"}
    scored = []
    for i, r in enumerate(rows, 1):
        if r.get("kind") != "statement" or i not in label:
            continue  # events, documents, and predictions on optional gold
        scored.append({"line": i, "label": label[i], "confidence": float(r.get("confidence") or 0),
                       "resolved_by": r.get("resolved_by") or "none", "form": r.get("form") or "?",
                       "lang": r.get("language") or lang_of.get(r.get("doc"), "?"), "rules": r.get("rules") or [],
                       "speaker_known": bool(r.get("speaker_country") or r.get("speaker_org")
                                             or r.get("speaker_role")),
                       "doc": r.get("doc")})
    return scored


def fold_predictions(part: str) -> tuple[Path, list[str]]:
    """The last eval_folds.py predictions restricted to the tune or check documents (a temporary
    file the caller deletes) and their gold files."""
    folds = eval_folds.TUNE_FOLDS if part == "tune" else eval_folds.CHECK_FOLDS
    docs = [d for d in eval_folds.gold_documents(eval_folds.SHARED) if d.fold in folds]
    return eval_folds.predictions_of(docs, eval_folds.OUT / "predictions.jsonl"), [str(d.gold) for d in docs]


def band(conf: float) -> str:
    for lo, hi in zip(BANDS, BANDS[1:]):
        if lo <= conf < hi:
            return f"{lo:.1f}-{min(hi, 1.0):.1f}"
    return "?"


def table(rows: list[dict]) -> str:
    """Markdown: per bucket, n and the shares right speaker / wrong speaker / false positive."""
    keys = {"confidence": lambda r: band(r["confidence"]), "resolved_by": lambda r: r["resolved_by"],
            "form": lambda r: r["form"], "language": lambda r: r["lang"]}
    lines = ["| bucket | value | n | right speaker | wrong speaker | FP |", "|---|---|---|---|---|---|"]
    for name, key in keys.items():
        groups: dict[str, Counter] = defaultdict(Counter)
        for r in rows:
            groups[key(r)][r["label"]] += 1
        for value in sorted(groups):
            c = groups[value]
            n = sum(c.values())
            lines.append(f"| {name} | {value} | {n} | {c['right'] / n:.2f} | {c['wrong'] / n:.2f} | {c['fp'] / n:.2f} |")
    total = Counter(r["label"] for r in rows)
    n = sum(total.values()) or 1
    lines.append(f"| all | | {n} | {total['right'] / n:.2f} | {total['wrong'] / n:.2f} | {total['fp'] / n:.2f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", nargs="?", help="predictions (JSON Lines)")
    ap.add_argument("gold", nargs="*", help="gold.yaml files or folders")
    ap.add_argument("--folds", choices=("tune", "check"), help="add eval_folds.py's last predictions")
    ap.add_argument("--dump", help="write the labelled rows here (JSON Lines)")
    args = ap.parse_args()
    rows: list[dict] = []
    if args.folds:
        pred, golds = fold_predictions(args.folds)
        rows += labelled_rows(pred, golds)
        pred.unlink()
    if args.pred:
        golds = [str(g) for x in args.gold for g in (sorted(Path(x).glob("*/gold.yaml")) or [Path(x)])
                 if Path(x).is_file() or g.is_file()]
        rows += labelled_rows(Path(args.pred), golds)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    print(table(rows))


if __name__ == "__main__":
    main()
