"""Words per second of statement extraction vs bare spaCy parsing of the same texts.

    python benchmarks/bench_extract.py [--limit N]

Uses the PolNeAR dev texts from ../shared when present, else generated English
text. Both runs happen in this process on the same texts, so the ratio is
fair on a shared machine: extraction = segment + parse + mentions + dates +
statements + events (narratives off); baseline = spaCy's full pipeline on the
raw text. Acceptance: extraction keeps >= 50% of spaCy's throughput.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from linewatch.model import Document  # noqa: E402
from linewatch.nlp.doc import Doc  # noqa: E402
from linewatch.nlp.parse import spacy_model  # noqa: E402
from linewatch.nlp.pipeline import Pipeline  # noqa: E402

STAGES = ("segment", "parse", "mentions", "dates", "statements", "events")


def texts(limit: int) -> tuple[str, list[str]]:
    folder = REPO.parent / "shared" / "eval" / "polnear" / "dev" / "text"
    if folder.is_dir():
        files = sorted(folder.glob("*.txt"))[:limit]
        return f"PolNeAR dev ({len(files)} texts)", [f.read_text(encoding="utf-8") for f in files]
    rng = random.Random(7)
    names = ["Anna Novak", "the minister", "Peter Brown", "the spokesman", "she", "he"]
    verbs = ["said", "added", "stressed", "warned", "noted"]
    out = []
    for _ in range(limit):
        sents = []
        for _ in range(30):
            sents.append(f"{rng.choice(names).capitalize()} {rng.choice(verbs)} that the talks on the border would resume next week.")
            sents.append(f"\"We are ready to continue the dialogue,\" {rng.choice(names)} {rng.choice(verbs)}.")
        out.append(" ".join(sents))
    return f"generated text ({limit} texts)", out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=84)
    args = ap.parse_args()
    label, docs = texts(args.limit)
    words = sum(len(t.split()) for t in docs)
    nlp = spacy_model()
    pipe = Pipeline(names=STAGES)
    # warm up both (model loading is not throughput)
    nlp(docs[0][:2000])
    pipe(Doc(Document(text=docs[0][:2000], language="en")))

    t0 = time.perf_counter()
    for t in docs:
        nlp(t)
    spacy_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_statements = 0
    timings: dict[str, float] = {}
    for t in docs:
        d = pipe(Doc(Document(text=t, language="en")))
        n_statements += len(d.statements)
        for k, v in d.timings.items():
            timings[k] = timings.get(k, 0.0) + v
    extract_s = time.perf_counter() - t0

    spacy_wps = words / spacy_s
    extract_wps = words / extract_s
    print(f"texts: {label}, {words} words, {n_statements} statements")
    print("per stage (s): " + ", ".join(f"{k}={v:.2f}" for k, v in timings.items()))
    print(f"spaCy parse: {spacy_wps:.0f} words/s; extraction: {extract_wps:.0f} words/s; "
          f"ratio={extract_wps / spacy_wps:.2f} (acceptance >= 0.50)")


if __name__ == "__main__":
    main()
