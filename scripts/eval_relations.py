#!/usr/bin/env python3
"""How the narrative relation (promotes / reports / rebuts) reads on the visible gold.

The gold files label the narratives a statement carries; they have no relation field.
Two readings are scored on the statements `score.py gold` matches:

- carriers: every gold-labelled statement carries its narratives, so for each gold
  narratives linewatch also matched there the relation should be `promotes` (a `rebuts`
  there would drop a carrier);
- the issue's proxy: a gold-labelled statement with a REJECT act or an oppose stance
  counts as a rebuttal. In these files almost every such statement is a Russian or
  Belarusian official pushing the narrative (a denial narrative is pushed by a REJECT),
  so the proxy is printed for reference, not as a target;
- rebuttal candidates: gold statements with a REJECT act and no narrative label — when
  linewatch matches a narrative there, which relation it gives.

    python scripts/eval_folds.py --taxonomy ../shared/seed/narratives.yaml     # writes the predictions
    python scripts/eval_relations.py [PREDICTIONS.jsonl]                       # default: the folds run's
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_folds  # the same documents, folds and paths


def main() -> int:
    predictions = Path(sys.argv[1]) if len(sys.argv) > 1 else eval_folds.OUT / "predictions.jsonl"
    docs = eval_folds.gold_documents(eval_folds.SHARED)
    lines = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        tmp.write("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    proc = subprocess.run([sys.executable, str(eval_folds.SHARED / "eval" / "score.py"), "gold", tmp.name,
                           *[str(d.gold) for d in docs], "--json"], stdout=subprocess.PIPE, text=True, check=True)
    Path(tmp.name).unlink()
    scored = json.loads(proc.stdout)
    by_text = {str(d.text): d for d in docs}
    carriers: Counter = Counter()
    proxy: Counter = Counter()
    candidates: Counter = Counter()
    for doc in scored["documents"]:
        gold = {s["id"]: s for s in (yaml.safe_load(Path(by_text[doc["text"]].gold).read_text(encoding="utf-8")) or {}).get("statements", [])}
        for m in doc.get("matches", []):
            pred, g = lines[m["line"] - 1], gold[m["gold"]]
            rel = pred.get("narrative_relations") or {}
            labelled = set(g.get("narratives") or [])
            for nid in labelled & set(rel):
                carriers[rel[nid]] += 1
                if g.get("plover") == "REJECT" or g.get("stance") == "oppose":
                    proxy[rel[nid]] += 1
            if not labelled and g.get("plover") == "REJECT":
                candidates["no narrative matched" if not rel else "matched: " + ", ".join(sorted(set(rel.values())))] += 1
    print(f"gold-labelled narratives also matched, by relation (all should be promotes): {dict(carriers)}")
    print(f"  of which the issue's proxy calls rebuttals (REJECT act or oppose stance): {dict(proxy)}")
    print(f"gold REJECT statements without a narrative label: {dict(candidates)}")
    total = sum(carriers.values())
    print(f"relation carriers promotes={carriers['promotes']}/{total} rebuts={carriers['rebuts']} reports={carriers['reports']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
