#!/usr/bin/env bash
# Run statement extraction on the seed, the crisis dev set and PolNeAR dev, then score each
# with ../shared/eval/score.py. Usage: scripts/eval_statements.sh [seed|dev|polnear ...]
# Predictions go to ${OUT:-/tmp/linewatch-eval}/<set>.jsonl; the last line of each score is printed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${LINEWATCH_SHARED:-$HERE/../shared}"
OUT="${OUT:-/tmp/linewatch-eval}"
SCORE="$SHARED/eval/score.py"
mkdir -p "$OUT"
SETS=("$@")
[ ${#SETS[@]} -eq 0 ] && SETS=(seed dev polnear)

# The runner: one Document per file (dev texts carry "DATE:" on line 2), the pipeline up to
# `events` (narratives off), contract lines for every statement and event.
run() {  # run OUT.jsonl DATE_OR_- LANG_OR_- FILES...
  python - "$@" <<'PY'
import json, os, re, sys
from datetime import date
from pathlib import Path
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

out, forced, lang, *files = sys.argv[1:]
# STATEMENTS_CONFIG='{"split_quotes": 0}' tries a variant of the statements component
config = json.loads(os.environ.get("STATEMENTS_CONFIG") or "{}")
pipe = Pipeline(names=("segment", "parse", "mentions", "dates", "statements", "events", "stance"),
                config={"statements": config})
with open(out, "w", encoding="utf-8") as fh:
    for f in files:
        text = Path(f).read_text(encoding="utf-8")
        m = re.search(r"^DATE: (\d{4}-\d{2}-\d{2})", text[:300], re.M)
        pub = date.fromisoformat(forced) if forced != "-" else (date.fromisoformat(m.group(1)) if m else None)
        language = lang
        if language == "-":
            gold = Path(f).with_name("gold.yaml")
            g = re.search(r"language: (\w+)", gold.read_text(encoding="utf-8")) if gold.exists() else None
            language = g.group(1) if g else "en"
        doc = pipe(Doc(Document(text=text, language=language, published=pub)))
        for s in doc.statements:
            fh.write(json.dumps(s.to_contract(f), ensure_ascii=False) + "\n")
        for e in doc.events:
            fh.write(json.dumps(e.to_contract(f), ensure_ascii=False) + "\n")
PY
}

for set in "${SETS[@]}"; do
  case "$set" in
    seed)
      run "$OUT/seed.jsonl" 2021-11-10 en "$SHARED/seed/000_9a14ab1a5f4ec8ed.txt"
      python "$SCORE" gold "$OUT/seed.jsonl" "$SHARED/seed/000_9a14ab1a5f4ec8ed.gold.yaml" ${VERBOSE:+-v} | tail -n ${LINES_SHOWN:-1} ;;
    dev)
      run "$OUT/dev.jsonl" - - "$SHARED"/seed/dev/*/text.txt
      python "$SCORE" gold "$OUT/dev.jsonl" "$SHARED/seed/dev" ${VERBOSE:+-v} | tail -n ${LINES_SHOWN:-1} ;;
    polnear)
      run "$OUT/polnear.jsonl" - en "$SHARED"/eval/polnear/dev/text/*.txt
      python "$SCORE" polnear "$OUT/polnear.jsonl" "$SHARED/eval/polnear/dev" | tail -n ${LINES_SHOWN:-1} ;;
    *) echo "unknown set: $set (seed, dev, polnear)" >&2; exit 2 ;;
  esac
done
