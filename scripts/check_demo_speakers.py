#!/usr/bin/env python3
"""Count the speakers in the demo database that are not a person, an organisation or a state.

Builds the demo database in a temporary folder (`linewatch demo`), lists its statements
(`linewatch statements --json`) and reads every named speaker with the extractor's own check
(`linewatch.extract.attribution.speaker.name_problem`): a registry actor passes when it is a
person, organisation or state; any other name must name somebody (no dateline, agency relay,
function words, clause or thing). Prints each bad speaker and the count; exit status 1 when
the count is not 0.

    python scripts/check_demo_speakers.py            # builds the demo (about a minute)
    python scripts/check_demo_speakers.py --db PATH  # reads an existing database instead
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from linewatch.actors.registry import get_registry
from linewatch.extract.attribution.speaker import name_problem

KINDS = {"person", "organisation", "state"}


def statements(db: Path | None) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        if db is None:
            subprocess.run([sys.executable, "-m", "linewatch", "demo"], cwd=cwd, check=True,
                           stdout=subprocess.DEVNULL)
            db = cwd / "linewatch.db"
        out = subprocess.run([sys.executable, "-m", "linewatch", "statements", "--json", "--limit", "10000",
                              "--db", str(db.resolve())], cwd=cwd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def bad_speakers(rows: list[dict]) -> Counter:
    registry = get_registry()
    bad: Counter = Counter()
    for row in rows:
        name, actor_id = row.get("speaker"), row.get("speaker_id")
        if not name:
            continue  # an unnamed speaker names nobody, and says so
        actor = registry.by_id(actor_id) if actor_id else None
        if actor_id and (actor is None or actor.type not in KINDS):
            bad[(name, "not in the registry as a person, organisation or state")] += 1
            continue
        problem = name_problem(name, row.get("doc_language") or "en", registered=actor is not None)
        if problem:
            bad[(name, problem)] += 1
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="an existing database (default: build the demo in a temporary folder)")
    args = ap.parse_args()
    rows = statements(args.db)
    bad = bad_speakers(rows)
    for (name, problem), n in bad.most_common():
        print(f"{n:3}  {name!r}: {problem}")
    named = sum(1 for r in rows if r.get("speaker"))
    print(f"speakers not a person, organisation or state: {sum(bad.values())} "
          f"(of {named} statements with a named speaker, {len(rows)} statements)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
