"""Lexical features for narrative classification, the same at training and at run time.

Word unigrams and bigrams plus character n-grams inside words (which catch
Russian and Polish inflection without a stemmer), weighted TF-IDF with
sublinear term frequency, each block L2-normalised. Features are hashed into
buckets (`feature_bucket`), so a shipped model holds bucket numbers and
weights, never words of the texts it learnt from. Training (only in
`linewatch narratives train`) and inference (numpy only, here) share
`analyze()` and the hash, so a shipped model sees exactly the features it learnt from.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass

import numpy as np

from linewatch.nlp.embed import DIM, embed

WORD_RE = re.compile(r"\w\w+", re.UNICODE)
SENT_END = re.compile(r"(?<=[.!?…।])\s+")
LEAD_MIN, LEAD_MAX = 200, 400  # characters of the lead embedded beside the title
CHAR_NGRAMS = (3, 5)  # inclusive range
MAX_DOC_CHARS = 200_000  # hostile input: longer texts are read only this far


def words(text: str) -> list[str]:
    return WORD_RE.findall(text[:MAX_DOC_CHARS].lower())


def word_features(text: str) -> list[str]:
    toks = words(text)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


def char_features(text: str) -> list[str]:
    lo, hi = CHAR_NGRAMS
    out: list[str] = []
    for w in words(text):
        padded = f" {w} "
        for n in range(lo, hi + 1):
            if n > len(padded):
                break
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def analyze(text: str) -> list[str]:
    """All features of a text, tagged by block ('w:' word n-grams, 'c:' char n-grams)."""
    return [f"w:{f}" for f in word_features(text)] + [f"c:{f}" for f in char_features(text)]


HASH_BITS = 20  # buckets per block: 2^20 word buckets, then 2^20 character buckets


def feature_bucket(feature: str) -> int:
    """Bucket of an analysed feature ('w:...' or 'c:...'): crc32 is stable across runs and
    machines (Python's hash() is salted), word and character features in separate halves."""
    block = 0 if feature.startswith("w:") else 1 << HASH_BITS
    return block + (zlib.crc32(feature.encode("utf-8")) & ((1 << HASH_BITS) - 1))


def bucket_counts(text: str) -> Counter[int]:
    """Raw counts of the hashed features of a text."""
    return Counter(feature_bucket(f) for f in analyze(text))


@dataclass
class HashedSpace:
    """TF-IDF over the hashed buckets seen in training: text -> sparse vector.

    `buckets` (sorted) are the buckets kept at training (document frequency >= min_df);
    column i of the space is buckets[i]. Buckets of the word block are < 2^HASH_BITS.
    """

    buckets: np.ndarray  # int64, sorted
    idf: np.ndarray  # float32, one per column

    def columns_of(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in `keys` that are kept buckets, their columns)."""
        pos = np.searchsorted(self.buckets, keys)
        pos = np.minimum(pos, max(0, len(self.buckets) - 1))
        ok = self.buckets[pos] == keys if len(self.buckets) else np.zeros(len(keys), dtype=bool)
        return np.flatnonzero(ok), pos[ok]

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(column indices, values) of the TF-IDF vector, each block (word/char) L2-normalised."""
        counts = bucket_counts(text)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        n = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        where, idx = self.columns_of(keys)
        vals = (1.0 + np.log(n[where])) * self.idf[idx]
        is_word = keys[where] < (1 << HASH_BITS)
        for mask in (is_word, ~is_word):
            norm = float(np.linalg.norm(vals[mask]))
            if norm > 0:
                vals[mask] /= norm
        return idx.astype(np.int64), vals.astype(np.float32)

    def word_columns(self, text: str) -> dict[int, str]:
        """Column -> the word (or word pair) of this text hashed there, for 'matched because'."""
        out: dict[int, str] = {}
        feats = word_features(text)
        keys = np.fromiter((feature_bucket(f"w:{f}") for f in feats), dtype=np.int64, count=len(feats))
        where, idx = self.columns_of(keys)
        for w, c in zip(where.tolist(), idx.tolist()):
            out.setdefault(c, feats[w])
        return out


def pack_strings(items: list[str]) -> np.ndarray:
    """Strings -> one uint8 array (newline-joined UTF-8), for allow_pickle=False .npz files."""
    if any("\n" in s for s in items):
        raise ValueError("strings with newlines cannot be packed")
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def unpack_strings(arr: np.ndarray) -> list[str]:
    raw = arr.tobytes().decode("utf-8")
    return raw.split("\n") if raw else []


def doc_pieces(text: str) -> list[str]:
    """The two short pieces of a document that are embedded: its title (first line) and its lead.

    Why short pieces: the multilingual embedding reads a few hundred words per second on a
    small machine, and a news article's title and first sentences state its angle.
    """
    lines = [line.strip() for line in text[:20_000].splitlines() if line.strip()]
    if not lines:
        return ["", ""]
    lead = ""
    for sentence in SENT_END.split(" ".join(lines[1:])):
        lead = f"{lead} {sentence}".strip()
        if len(lead) >= LEAD_MIN:
            break
    return [lines[0][:300], lead[:LEAD_MAX]]


def doc_embedding(texts: list[str]) -> np.ndarray:
    """(n, 2 x 384): the title and lead embeddings of each document, side by side (cached on disk)."""
    if not texts:
        return np.zeros((0, 2 * DIM), dtype=np.float32)
    pieces = [doc_pieces(t) for t in texts]
    titles = embed([p[0] for p in pieces], "query")
    leads = embed([p[1] for p in pieces], "query")
    return np.hstack([titles, leads]).astype(np.float32)
