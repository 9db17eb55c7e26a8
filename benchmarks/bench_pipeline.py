"""Words/s and peak memory of the full pipeline (`ingest` + `run`, narratives on) vs a bare parser.

    python benchmarks/bench_pipeline.py [--lang en|ru|pl] [--limit N] [--texts DIR]
                                        [--taxonomy FILE|none] [--db URL] [--chunk K]

Texts: `--texts DIR` (*.txt), else for English the PolNeAR dev texts
(../shared/eval/polnear/dev/text), for Russian the SemEval-2025 RU raw documents, for
Polish the Polish articles of ../shared/seed/dev*, else documents generated from the
demo (benchmarks/corpus.py; their claims are in the shipped embedding pack, so
narratives cost next to nothing on them).
Set LINEWATCH_SHARED to where ../shared is when it is elsewhere.

Baselines, same texts, same run:
- en: bare spaCy `en_core_web_sm` `nlp.pipe` over the raw texts;
- ru: natasha's bare syntax (segmenter, morphology, syntax; no NER);
- pl: rule tokenisation plus the e5 embedding of every sentence (no cache).

Both sides run in their own process (so each one's peak RSS is its own, from
getrusage) and are fed the same chunks of files in turn (so a busy shared machine
slows both alike); the ratio is what counts. linewatch reads the files as `ingest`
does into a fresh SQLite store (or `--db`) and runs `run_pending` as `linewatch run`
does, with the narrative taxonomy on (default: the shipped one). The embedding
cache is LINEWATCH_CACHE when set, else a fresh empty folder: nothing embedded
earlier helps, as on a new machine (the shipped embedding pack is used, as always).

linewatch runs numpy's BLAS on one thread (nlp/parse.py); the baseline keeps the library
default (one thread per core) unless OPENBLAS_NUM_THREADS is set. natasha is numpy: on a
busy machine its default is several times slower, so run the Russian comparison both ways
(`OPENBLAS_NUM_THREADS=1 python benchmarks/bench_pipeline.py --lang ru` is the like-for-like one).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
# One sentence per language that both sides process before timing starts: each side's models
# (spaCy, natasha, the lemma dictionaries of search) load outside the timed part.
WARM_UP = {
    "en": "The minister said on Monday that the talks would resume.",
    "ru": "Министр заявил в понедельник, что переговоры возобновятся.",
    "pl": "Minister powiedział w poniedziałek, że rozmowy zostaną wznowione.",
}
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


def shared_dir() -> Path | None:
    for cand in (os.environ.get("LINEWATCH_SHARED"), REPO.parent / "shared", REPO.parents[1] / "shared"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    return None


def corpus(lang: str, limit: int, texts: Path | None, tmp: Path) -> tuple[str, list[Path]]:
    if texts is not None:
        files = sorted(texts.rglob("*.txt"))[:limit]
        return f"{texts} ({len(files)} texts)", files
    shared = shared_dir()
    folder = {
        "en": shared / "eval" / "polnear" / "dev" / "text" if shared else None,
        "ru": shared / "eval" / "semeval2025_t10" / "RU" / "raw-documents" if shared else None,
    }.get(lang)
    if folder is not None and folder.is_dir():
        files = sorted(folder.glob("*.txt"))[:limit]
        return f"{folder.relative_to(shared.parent)} ({len(files)} texts)", files
    if shared is not None and lang == "pl":  # the Polish articles of the seed's dev sets
        files = [g.with_name("text.txt") for g in sorted(shared.glob("seed/dev*/*/gold.yaml"))
                 if re.search(r"^\s*language: pl\b", g.read_text(encoding="utf-8"), re.M)][:limit]
        if files:
            return f"Polish articles of shared/seed/dev* ({len(files)} texts)", files
    import corpus as gen

    files = gen.write(limit, tmp / "generated", (lang,))
    return f"generated from the demo ({len(files)} {lang} texts)", files


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in paths)


# --------------------------------------------------------------------------- the two sides


class Baseline:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        if lang == "en":
            from linewatch.nlp.parse import spacy_model

            self.nlp = spacy_model()
        elif lang == "ru":
            from linewatch.nlp.parse import natasha_models

            self.models = natasha_models()
        self.process([WARM_UP[lang]])

    def process(self, texts: list[str]) -> None:
        if self.lang == "en":
            for _ in self.nlp.pipe(texts):
                pass
        elif self.lang == "ru":
            from natasha import Doc as NDoc

            for text in texts:
                d = NDoc(text)
                d.segment(self.models["segmenter"])
                d.tag_morph(self.models["morph"])
                d.parse_syntax(self.models["syntax"])
        else:
            from linewatch.nlp.embed import embed

            for text in texts:
                sentences = [s for s in _SENTENCE_END.split(text) if _TOKEN.search(s)]
                embed(sentences, "query", use_cache=False)

    def run(self, paths: list[Path]) -> dict[str, Any]:
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
        t0 = time.perf_counter()
        self.process(texts)
        return {"seconds": time.perf_counter() - t0}


class Linewatch:
    def __init__(self, lang: str, taxonomy: str | None, db: str | None, tmp: Path) -> None:
        from linewatch.runner import RunOptions
        from linewatch.store import open_store

        self.store = open_store(db or str(tmp / "bench.db"))
        self.options = RunOptions(taxonomy=taxonomy)
        self.statements = 0
        warm = tmp / "warmup.txt"
        warm.write_text(f"Warm-up\n\n{WARM_UP[lang]}\n", encoding="utf-8")
        self.run([warm])

    def run(self, paths: list[Path]) -> dict[str, Any]:
        from linewatch.runner import run_pending
        from linewatch.sources.files import read_documents

        t0 = time.perf_counter()
        for p in paths:
            for d in read_documents(p):
                self.store.add_document(d)
        ingest = time.perf_counter() - t0
        result = run_pending(self.store, self.options)
        seconds = time.perf_counter() - t0
        self.statements = self.store.counts().get("statements", 0)
        from linewatch.nlp.embed import STATS

        return {"seconds": seconds, "timings": {"ingest": ingest, **result.timings}, "failed": result.failed,
                "embedded": dict(STATS)}


def serve(kind: str, args: dict[str, Any], conn: Any) -> None:
    """A child process: build one side, then time each chunk of files it is sent."""
    t0 = time.perf_counter()
    side = Baseline(args["lang"]) if kind == "baseline" else Linewatch(args["lang"], args["taxonomy"], args["db"],
                                                                              Path(args["tmp"]))
    from threadpoolctl import threadpool_info

    blas = max((p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"), default=0)
    conn.send({"load": time.perf_counter() - t0, "blas_threads": blas})
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(side.run(msg))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    conn.send({"peak_rss_mb": rss_mb, "statements": getattr(side, "statements", None)})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=("en", "ru", "pl"), default="en")
    ap.add_argument("--limit", type=int, default=84)
    ap.add_argument("--texts", type=Path, help="a folder of .txt files instead of the default texts")
    ap.add_argument("--taxonomy", help="narrative taxonomy (default: the shipped one; 'none' turns narratives off)")
    ap.add_argument("--db", help="store URL for linewatch (default: a fresh SQLite file)")
    ap.add_argument("--chunk", type=int, default=4, help="files per turn")
    args = ap.parse_args()

    from linewatch.config import shipped_taxonomy

    taxonomy = None if args.taxonomy == "none" else (args.taxonomy or str(shipped_taxonomy()))
    tmp = Path(tempfile.mkdtemp(prefix="lw-bench-"))
    cache_note = "LINEWATCH_CACHE=" + os.environ.get("LINEWATCH_CACHE", "")
    if not os.environ.get("LINEWATCH_CACHE"):
        os.environ["LINEWATCH_CACHE"] = str(tmp / "cache")  # children inherit it: an empty cache
        cache_note = "empty embedding cache"
    label, paths = corpus(args.lang, args.limit, args.texts, tmp)
    if not paths:
        raise SystemExit("no texts")
    words = words_in(paths)

    ctx = mp.get_context("spawn")
    sides = {}
    for kind in ("baseline", "linewatch"):
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=serve, args=(kind, {"lang": args.lang, "taxonomy": taxonomy, "db": args.db, "tmp": str(tmp)}, child))
        proc.start()
        sides[kind] = {"conn": parent, "proc": proc, "seconds": 0.0, "timings": {}}
    for s in sides.values():
        s.update(s["conn"].recv())

    chunks = [paths[i : i + args.chunk] for i in range(0, len(paths), args.chunk)]
    failed = 0
    for n, chunk in enumerate(chunks):
        order = ("baseline", "linewatch") if n % 2 == 0 else ("linewatch", "baseline")
        for kind in order:
            s = sides[kind]
            s["conn"].send(chunk)
            out = s["conn"].recv()
            s["seconds"] += out["seconds"]
            failed += out.get("failed", 0)
            s["embedded"] = out.get("embedded", s.get("embedded"))
            for k, v in out.get("timings", {}).items():
                s["timings"][k] = s["timings"].get(k, 0.0) + v
    for s in sides.values():
        s["conn"].send(None)
        s.update(s["conn"].recv())
        s["proc"].join()

    base = {"en": "bare spaCy nlp.pipe", "ru": "natasha bare syntax", "pl": "tokenise + e5 embed sentences"}[args.lang]
    b, lw = sides["baseline"], sides["linewatch"]
    b_wps, lw_wps = words / b["seconds"], words / lw["seconds"]
    print(f"texts: {label}, {words} words; taxonomy: {Path(taxonomy).name if taxonomy else 'none'}; {cache_note}")
    print(f"{base}: {b['seconds']:.1f} s, {b_wps:.0f} words/s, peak RSS {b['peak_rss_mb']:.0f} MB (load {b['load']:.1f} s)")
    print(f"linewatch ingest + run: {lw['seconds']:.1f} s, {lw_wps:.0f} words/s, peak RSS {lw['peak_rss_mb']:.0f} MB "
          f"(load {lw['load']:.1f} s), {lw['statements']} statements, {failed} failed")
    total = sum(lw["timings"].values()) or 1.0
    if lw.get("embedded"):
        print(f"e5 embeddings: {lw['embedded']['model']} texts by the model, {lw['embedded']['cache']} from cache or packs")
    print("per stage: " + ", ".join(f"{k} {v:.1f} s ({100 * v / total:.0f}%)" for k, v in lw["timings"].items()))
    # linewatch runs numpy's BLAS on one thread (nlp/parse.py); the baseline keeps the library's
    # default unless OPENBLAS_NUM_THREADS says otherwise: on a busy machine this matters for natasha
    print(f"numpy BLAS threads: baseline {b['blas_threads']}, linewatch {lw['blas_threads']}")
    print(f"ratio = {lw_wps / b_wps:.2f} (acceptance >= 0.50, aim 0.70)")


if __name__ == "__main__":
    main()
