"""Static sentence vectors: a word-vector table distilled from the shipped e5 model.

    from linewatch.nlp.static import static_embed
    vecs = static_embed(["The West caused the crisis", "Запад виноват"])   # (2, DIMS), unit rows

A sentence vector is the weighted mean of its words' vectors (each word embedded
alone by e5 at build time, weighted down the more frequent it is), so it costs a
table look-up per word: tens of thousands of sentences per second against e5's tens.
It is far coarser than e5 and serves only as a cheap first look (which claims are
worth an e5 embedding at all). Words not in the table count for nothing. The table
is built by scripts/build_static_embeddings.py; without it `available()` is False.
"""
from __future__ import annotations

import re
import threading
from importlib import resources
from pathlib import Path

import numpy as np

OUT_PATH = Path(str(resources.files("linewatch").joinpath("data", "models", "static-e5.npz")))
SIF_A = 1e-4  # SIF smoothing: a word as frequent as 1 in 10,000 counts half
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)

_lock = threading.Lock()
_table: tuple[dict[str, int], np.ndarray, np.ndarray] | None = None


def tokens(text: str) -> list[str]:
    """Lower-cased words (letters, inner hyphens and apostrophes), as the table is keyed."""
    return [w.lower() for w in _WORD.findall(text)]


def write_table(path: Path, words: list[str], vectors: np.ndarray, weights: np.ndarray) -> None:
    np.savez_compressed(
        path, words=np.array(words), vectors=vectors.astype(np.float16), weights=weights.astype(np.float16)
    )


def available() -> bool:
    return OUT_PATH.is_file()


def _load() -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    global _table
    with _lock:
        if _table is None:
            with np.load(OUT_PATH, allow_pickle=False) as z:
                index = {w: i for i, w in enumerate(z["words"].tolist())}
                _table = (index, z["vectors"].astype(np.float32), z["weights"].astype(np.float32))
        return _table


def static_embed(texts: list[str]) -> np.ndarray:
    """Unit-length static vectors of `texts` (zero rows for texts with no known word)."""
    index, vectors, weights = _load()
    out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    for i, text in enumerate(texts):
        ids = [index[w] for w in tokens(text) if w in index]
        if not ids:
            continue
        v = weights[ids] @ vectors[ids]
        norm = float(np.linalg.norm(v))
        if norm > 0:
            out[i] = v / norm
    return out


MAX_TOPIC_CHARS = 50_000  # a document's first 50,000 characters tell its topic well enough


class TopicGate:
    """Is a document about the topic of a set of texts (a taxonomy's narratives)?

    The topic is the mean static vector of the texts; a document is on topic when its
    static vector's cosine with it reaches `threshold`. Calibrated on data: with the
    shipped border-crisis taxonomy (and with the seed's), every seed, dev and demo
    document in which e5 finds a narrative scores 0.25 or more, except one about Nord
    Stream (0.13-0.15), while 90% of the PolNeAR dev documents (US politics, 2016) score
    below 0.2. Without the table every document passes.
    """

    def __init__(self, texts: list[str], threshold: float) -> None:
        self.threshold = threshold
        self.topic: np.ndarray | None = None
        if available() and texts:
            mean = static_embed(texts).mean(axis=0)
            norm = float(np.linalg.norm(mean))
            self.topic = mean / norm if norm > 0 else None

    def score(self, text: str) -> float:
        if self.topic is None:
            return 1.0
        return float(static_embed([text[:MAX_TOPIC_CHARS]])[0] @ self.topic)

    def passes(self, text: str) -> bool:
        return self.topic is None or self.score(text) >= self.threshold
