#!/usr/bin/env python3
"""Pack an embedding cache into a read-only pack shipped with linewatch.

Build the pack the demo uses (run after any change to the extractors or the
shipped taxonomies, from the repository root):

    rm -rf /tmp/lw-cache && LINEWATCH_CACHE=/tmp/lw-cache linewatch demo --db /tmp/lw-pack.db
    python scripts/pack_embeddings.py /tmp/lw-cache src/linewatch/data/embeddings/demo.npz

Vectors are keyed exactly as in the on-disk cache (model, kind, text), so a pack
can only ever answer for the same model and the same text.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from linewatch.nlp.embed import DIM, write_pack


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    cache, out = Path(argv[0]) / "embeddings", Path(argv[1])
    keys, vecs = [], []
    for path in sorted(cache.glob("*/*.npy")):
        vec = np.load(path, allow_pickle=False)
        if vec.shape == (DIM,):
            keys.append(path.parent.name + path.stem)
            vecs.append(vec)
    if not keys:
        print(f"{cache}: no cached embeddings", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    write_pack(keys, np.stack(vecs), out)
    print(f"{out}: {len(keys)} vectors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
