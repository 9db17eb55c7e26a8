#!/bin/sh
# Score PLOVER coding (events + statements' verbal acts) on the public PLOVER gold
# records, and statement dates/events on the seed and the dev set.
#
#   scripts/eval_plover.sh [SHARED_DIR]      (default: ../shared next to the repo)
#
# Prints the scorers' one-line summaries. Work files go to a temporary folder.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
score="python3 $shared/eval/score.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

$score plover-export "$shared/eval/plover/plover_gsr_visible.json" "$work/plover" >/dev/null
linewatch extract "$work"/plover/*.txt --json > "$work/plover.jsonl"
echo "PLOVER gold records (visible half):"
$score plover "$work/plover.jsonl" "$shared/eval/plover/plover_gsr_visible.json" | tail -1

linewatch extract "$shared/seed/000_9a14ab1a5f4ec8ed.txt" --json --date 2021-11-10 > "$work/seed.jsonl"
echo "Seed:"
$score gold "$work/seed.jsonl" "$shared/seed/000_9a14ab1a5f4ec8ed.gold.yaml" | tail -1

linewatch extract "$shared"/seed/dev/*/text.txt --json > "$work/dev.jsonl"
echo "Dev set:"
$score gold "$work/dev.jsonl" "$shared/seed/dev" | tail -1
