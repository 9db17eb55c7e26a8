"""Seconds per stage for documents that are one long sentence (no full stop), at growing sizes.

    python benchmarks/bench_long_sentences.py                  # 10, 20, 50, 100 KB, English
    python benchmarks/bench_long_sentences.py --sizes 19 100 --lang ru

A hostile feed can send a page with no sentence end at all. Every stage must
stay near-linear in the input: the script prints the time of each stage per
size and the growth ratio (time per KB at the largest size / at the smallest).
Acceptance (issue 14): a 100 KB single-sentence document in under 10 s.

The text repeats news-like clauses full of actor names, cue verbs and stance
words, joined by commas, so that every stage finds many candidates.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from linewatch.model import Document  # noqa: E402
from linewatch.nlp.doc import Doc  # noqa: E402
from linewatch.nlp.pipeline import Pipeline  # noqa: E402

CLAUSES = {
    "en": [
        "Lukashenko said that Poland and the EU must stop the aggression against Belarus",
        "the Polish foreign minister accused Minsk of a hybrid attack on the border",
        "NATO condemned the provocation and praised the support of Lithuania",
        "Russia called on the West to end the absurd sanctions against its ally",
        "the spokesman of the Kremlin said the claims against Moscow are groundless",
    ],
    "ru": [
        "Лукашенко заявил что Польша и ЕС должны прекратить агрессию против Беларуси",
        "МИД Польши обвинил Минск в гибридной атаке на границе",
        "НАТО осудило провокацию и поддержало Литву",
        "Россия призвала Запад отменить абсурдные санкции",
    ],
    "pl": [
        "Łukaszenka powiedział że Polska i UE muszą zakończyć agresję wobec Białorusi",
        "minister spraw zagranicznych oskarżył Mińsk o atak hybrydowy na granicy",
        "NATO potępiło prowokację i poparło Litwę",
    ],
}


def one_sentence(kb: int, lang: str) -> str:
    """About `kb` kilobytes of text with no sentence end."""
    parts: list[str] = []
    size = 0
    k = 0
    clauses = CLAUSES[lang]
    while size < kb * 1000:
        clause = clauses[k % len(clauses)]
        parts.append(clause)
        size += len(clause.encode()) + 2
        k += 1
    return ", ".join(parts)


def run(kb: int, lang: str, pipeline: Pipeline) -> tuple[float, dict[str, float]]:
    doc = Doc(Document(text=one_sentence(kb, lang), id=f"long-{kb}", language=lang))
    t0 = time.perf_counter()
    doc = pipeline(doc)
    return time.perf_counter() - t0, dict(doc.timings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 20, 50, 100], help="sizes in KB")
    ap.add_argument("--lang", default="en", choices=sorted(CLAUSES))
    args = ap.parse_args()
    pipeline = Pipeline()
    run(1, args.lang, pipeline)  # load models once
    rows = []
    for kb in args.sizes:
        total, timings = run(kb, args.lang, pipeline)
        rows.append((kb, total))
        slow = ", ".join(f"{n} {t:.2f}" for n, t in sorted(timings.items(), key=lambda x: -x[1])[:4])
        print(f"{kb:>5} KB  {total:7.2f} s  ({slow})")
    if len(rows) > 1:
        (k0, t0), (k1, t1) = rows[0], rows[-1]
        print(f"growth: {t1 / k1 / (t0 / k0):.2f}x time per KB from {k0} KB to {k1} KB (1.0 = linear)")


if __name__ == "__main__":
    main()
