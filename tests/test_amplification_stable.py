"""Near-duplicate detection gives the same signatures and groups in every process (issue 14, item 3).

Python's `hash()` of a string changes with PYTHONHASHSEED; signatures built on it linked a
pair near the threshold in some runs and not in others.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json
from linewatch.analyze.amplification import AmpDoc, exact_key, find_story_groups, normalised_words, signatures
texts = [
    "The ministry said the border crossing at Kuznica will stay closed until further notice, citing security.",
    "The ministry said the border crossing at Kuznica would remain closed until further notice, citing safety.",
    "Officials in Warsaw announced new funds for the eastern regions affected by the migration crisis.",
]
words = [normalised_words(t) for t in texts]
sigs = signatures(words)
docs = [AmpDoc(id=f"d{i}", text=t, outlet=f"o{i}", language="en") for i, t in enumerate(texts)]
groups = find_story_groups(docs, translations=False, near_threshold=0.2)
print(json.dumps({
    "sig": [int(x) for x in sigs[0][:12]] + [int(x) for x in sigs[1][:12]],
    "keys": [exact_key(w) for w in words],
    "groups": [sorted(m.doc_id for m in g.members) for g in groups],
}))
"""


def _run(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_same_signatures_and_groups_under_two_hash_seeds() -> None:
    first, second = _run("1"), _run("2")
    assert first == second
    assert first["groups"] == [["d0", "d1"]]
