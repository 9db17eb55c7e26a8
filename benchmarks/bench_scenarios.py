"""Benchmark: `scenarios check` of the shipped belarus-2021 set over growing generated stores.

    python benchmarks/bench_scenarios.py                  # 1,000 and 10,000 documents
    python benchmarks/bench_scenarios.py --sizes 500 5000

Each generated document holds two statements and one event whose sentences
mix phrases the shipped indicators look for (bombers, water cannon, gas
transit, sanctions, calls) with filler, spread over Oct-Dec 2021, speakers
from the registry. Reports items per second of a full check (read, match,
replay, write) on SQLite, and the time of a second, idempotent run.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from linewatch.analyze.scenarios.check import check
from linewatch.analyze.scenarios.file import load_scenario_set
from linewatch.lexicon import data_path
from linewatch.model import Document, DocumentAnalysis, Event, Statement
from linewatch.store import open_store

PHRASES = [
    "two bombers patrolled the airspace", "police used a water cannon at the crossing", "gas transit could stop",
    "new sanctions were adopted", "the leaders spoke by phone with Merkel", "the situation was lawful",
    "the camp was cleared and a repatriation flight left for Erbil", "the weather was cold", "talks went on",
]
SPEAKERS = [("Sergei Lavrov", "RUS"), ("Dmitry Peskov", "RUS"), ("Alexander Lukashenko", "BLR"),
            ("Mateusz Morawiecki", "POL"), ("Ursula von der Leyen", "EUR"), ("Angela Merkel", "DEU")]
TARGETS = ["Belarus", "Poland", "European Union", "Alexander Lukashenko", None]


def build(path: Path, n_docs: int, rng: random.Random) -> int:
    store = open_store(str(path))
    items = 0
    start = date(2021, 10, 1)
    with store.transaction():
        for i in range(n_docs):
            day = start + timedelta(days=rng.randrange(92))
            text = f"Report {i}. " + ". ".join(rng.sample(PHRASES, 3)) + "."
            doc = Document(text=text, title=f"doc {i}", language="en", published=day, source="bench")
            store.add_document(doc)
            analysis = DocumentAnalysis(doc.id)
            for k in range(2):
                speaker, country = rng.choice(SPEAKERS)
                sentence = rng.choice(PHRASES)
                analysis.statements.append(Statement(
                    doc_id=doc.id, content=sentence, content_span=(k * 10, k * 10 + len(sentence)), speaker=speaker,
                    speaker_country=country, target=rng.choice(TARGETS),
                    stance=rng.choice(["support", "oppose", "neutral"]), sentence=sentence, date=day))
            sentence = rng.choice(PHRASES)
            analysis.events.append(Event(doc_id=doc.id, plover=rng.choice(["CONSULT", "ASSAULT", "SANCTION", "MOBILIZE"]),
                                         span=(0, len(sentence)), source="Poland", target="Belarus",
                                         participants=["Vladimir Putin", "Angela Merkel"], sentence=sentence, date=day))
            store.save_analysis(analysis, "bench")
            items += 3
    store.close()
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    scenario_set = load_scenario_set(data_path("scenarios", "belarus-2021.yaml"))
    rng = random.Random(7)
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            items = build(db, size, rng)
            store = open_store(str(db))
            t0 = time.perf_counter()
            result = check(store, scenario_set)
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            check(store, scenario_set)
            second = time.perf_counter() - t0
            store.close()
        print(f"{size:>7} docs, {items:>7} items: check {first:6.2f} s ({items / first:8.0f} items/s),"
              f" re-run {second:6.2f} s; {result.evidence} evidence, {result.counted} counted")


if __name__ == "__main__":
    main()
