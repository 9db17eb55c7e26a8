"""A learnt document-level narrative classifier, shipped as one small .npz file.

One-vs-rest logistic regression per narrative and sub-narrative with enough
training documents, over hashed TF-IDF word and character n-grams
(`features.HashedSpace`; the file holds bucket numbers and weights, no word of
the training texts) side by side with the multilingual embedding of the
document's title and lead (which carries across languages). Decoding is hierarchical: narratives are chosen first (those clearing
their threshold, plus every other within `rel` of the best); sub-narratives only
under a chosen narrative (same rule, their own floor); nothing chosen means the
document is `Other` (no label).

Training needs scikit-learn (`linewatch narratives train`); inference is numpy
only. Lexical coefficients are pruned to the strongest `keep_narrative` per narrative
and `keep` per sub-narrative so the file stays a few MB.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from linewatch.analyze.narratives.features import (
    HASH_BITS,
    HashedSpace,
    bucket_counts,
    doc_embedding,
    pack_strings,
    unpack_strings,
)
from linewatch.errors import InputError

FORMAT = "linewatch-narrative-classifier/2"
# A pseudo-label learnt beside the narratives: the document carries some narrative (not Other).
# Its parent is itself, so it is never taken for a narrative or a sub-narrative.
ANY = "*any*"


def label_parent(label: str, parent_of: dict[str, str | None]) -> str:
    return ANY if label == ANY else parent_of.get(label) or ""


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))


@dataclass
class Decoding:
    floor: float = 0.3  # a document needs one narrative at least this probable, else Other
    rel: float = 0.6  # other narratives kept when >= rel * best
    sub_floor: float = 0.3
    sub_rel: float = 0.7
    thresholds: dict[str, float] = field(default_factory=dict)  # a narrative's own floor, when tuned apart

    def floor_of(self, label: str) -> float:
        return self.thresholds.get(label, self.floor)


@dataclass
class LabelScore:
    label: str
    score: float
    parent: str | None = None
    evidence: list[str] = field(default_factory=list)  # the features that pushed hardest


@dataclass
class DocumentClassifier:
    space: HashedSpace
    labels: list[str]
    parents: list[str]  # "" for a top-level narrative
    indptr: np.ndarray  # CSR rows = labels: the lexical model
    indices: np.ndarray
    data: np.ndarray
    intercept: np.ndarray
    decoding: Decoding = field(default_factory=Decoding)
    meta: dict[str, str] = field(default_factory=dict)
    # optional: weights on the title+lead embedding (labels x 768), which carries across languages
    dense: np.ndarray | None = None

    # ------------------------------------------------------------------ inference

    def lexical_logits(self, idx: np.ndarray, vals: np.ndarray) -> np.ndarray:
        dense = np.zeros(len(self.space.idf), dtype=np.float32)
        dense[idx] = vals
        return np.array(
            [
                float(self.data[self.indptr[r] : self.indptr[r + 1]].astype(np.float32) @ dense[self.indices[self.indptr[r] : self.indptr[r + 1]]])
                for r in range(len(self.labels))
            ],
            dtype=np.float64,
        ) + self.intercept

    def probabilities(self, text: str) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
        vec = self.space.vector(text)
        logits = self.lexical_logits(*vec)
        if self.dense is not None:
            logits = logits + self.dense.astype(np.float32) @ doc_embedding([text])[0]
        return sigmoid(logits), vec

    def probabilities_of(self, X, E: np.ndarray | None = None) -> np.ndarray:
        """(documents x labels) probabilities for rows already in this model's space and their
        title+lead embeddings `E` (training only)."""
        from scipy.sparse import csr_matrix  # lazy: scipy is slow to import; only training needs it

        W = csr_matrix((self.data.astype(np.float32), self.indices, self.indptr), shape=(len(self.labels), len(self.space.idf)))
        logits = np.asarray((X @ W.T).todense(), dtype=np.float64) + self.intercept[None, :]
        if self.dense is not None and E is not None:
            logits = logits + E.astype(np.float32) @ self.dense.astype(np.float32).T
        return sigmoid(logits)

    def evidence(self, row: int, vec: tuple[np.ndarray, np.ndarray], text: str, k: int = 5) -> list[str]:
        """The k words of the text that add most to label `row` (for 'matched because')."""
        lo, hi = self.indptr[row], self.indptr[row + 1]
        weights = dict(zip(self.indices[lo:hi].tolist(), self.data[lo:hi].astype(np.float32).tolist()))
        names = self.space.word_columns(text)  # only word features read well; char n-grams are skipped
        contrib = sorted(((weights.get(int(i), 0.0) * float(v), int(i)) for i, v in zip(*vec) if int(i) in names), reverse=True)
        return [names[i] for c, i in contrib[:k] if c > 0]

    def predict(self, text: str, decoding: Decoding | None = None) -> list[LabelScore]:
        """Labels of a document (empty = Other), narratives first, each with its probability."""
        d = decoding or self.decoding
        probs, vec = self.probabilities(text)
        return [self._score(i, probs, vec, text) for i in choose(self.labels, self.parents, probs, d)]

    def decode(self, probs: np.ndarray, d: Decoding) -> list[LabelScore]:
        return [self._score(i, probs, None, "") for i in choose(self.labels, self.parents, probs, d)]

    def _score(self, i: int, probs: np.ndarray, vec: tuple[np.ndarray, np.ndarray] | None, text: str) -> LabelScore:
        return LabelScore(
            label=self.labels[i],
            score=round(float(probs[i]), 4),
            parent=self.parents[i] or None,
            evidence=self.evidence(i, vec, text) if vec is not None else [],
        )

    # ------------------------------------------------------------------ files

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        d = self.decoding
        th_labels = sorted(d.thresholds)
        np.savez_compressed(
            tmp,
            format=pack_strings([FORMAT]),
            hash_bits=np.array([HASH_BITS], dtype=np.int32),
            buckets=self.space.buckets.astype(np.int32),
            idf=self.space.idf.astype(np.float16),
            labels=pack_strings(self.labels),
            parents=pack_strings(self.parents),
            indptr=self.indptr.astype(np.int32),
            indices=self.indices.astype(np.int32),
            data=self.data.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
            decoding=np.array([d.floor, d.rel, d.sub_floor, d.sub_rel], dtype=np.float32),
            threshold_labels=pack_strings(th_labels),
            thresholds=np.array([d.thresholds[l] for l in th_labels], dtype=np.float32),
            meta=pack_strings([f"{k}={v}" for k, v in self.meta.items()]),
            **({"dense": self.dense.astype(np.float16)} if self.dense is not None else {}),
        )
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> DocumentClassifier:
        try:
            z = np.load(path, allow_pickle=False)
            if unpack_strings(z["format"]) != [FORMAT]:
                raise InputError(f"not a linewatch narrative classifier of format {FORMAT} (retrain it)", where=str(path))
            if int(z["hash_bits"][0]) != HASH_BITS:
                raise InputError("hashed with another number of buckets (retrain it)", where=str(path))
            dec = z["decoding"].tolist()
            th = dict(zip(unpack_strings(z["threshold_labels"]), z["thresholds"].astype(float).tolist()))
            meta = dict(s.split("=", 1) for s in unpack_strings(z["meta"]) if "=" in s)
            return cls(
                space=HashedSpace(buckets=z["buckets"].astype(np.int64), idf=z["idf"].astype(np.float32)),
                labels=unpack_strings(z["labels"]),
                parents=[p for p in unpack_strings(z["parents"])] if z["parents"].size else [],
                indptr=z["indptr"],
                indices=z["indices"],
                data=z["data"],
                intercept=z["intercept"].astype(np.float64),
                decoding=Decoding(*dec, thresholds=th),
                meta=meta,
                dense=z["dense"] if "dense" in z.files else None,
            )
        except FileNotFoundError:
            raise InputError("classifier file not found", where=str(path)) from None
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(f"unreadable classifier ({exc.__class__.__name__})", where=str(path)) from None


def choose(labels: Sequence[str], parents: Sequence[str], probs: np.ndarray, d: Decoding) -> list[int]:
    """Indices of the labels a document gets (narratives best first, each followed by its sub-narratives).

    A document is `Other` unless some narrative clears its floor (`Decoding.floor_of`); then
    every narrative clearing its floor or within `rel` of the best is kept. With an ANY
    classifier (does the document carry any narrative at all?) it alone decides Other
    against `floor`.
    """
    top = [i for i, p in enumerate(parents) if not p]
    if not top:
        return []
    best = max(probs[i] for i in top)
    hits = {i for i in top if probs[i] >= d.floor_of(labels[i])}
    if ANY in labels:
        if probs[labels.index(ANY)] < d.floor:
            return []
        hits.add(max(top, key=lambda i: probs[i]))
    if not hits:
        return []  # Other
    out: list[int] = []
    for i in sorted((i for i in top if i in hits or probs[i] >= d.rel * best), key=lambda i: -probs[i]):
        out.append(i)
        kids = [j for j, p in enumerate(parents) if p == labels[i]]
        if not kids:
            continue
        kbest = max(probs[j] for j in kids)
        if kbest < d.sub_floor:
            continue  # the narrative without a listed sub-narrative ("<narrative>: Other")
        out.extend(j for j in sorted(kids, key=lambda j: -probs[j]) if probs[j] >= d.sub_rel * kbest)
    return out


# ---------------------------------------------------------------------- training (scikit-learn)


@dataclass
class TrainConfig:
    min_df: int = 2  # buckets in fewer training documents are dropped
    C: float = 10.0
    min_positives: int = 2  # labels with fewer training documents are not learnt
    keep: int = 4000  # strongest lexical coefficients kept per sub-narrative
    keep_narrative: int = 20000  # ... per narrative (pruning to 4,000 cost 0.03 of nested samples-F1 on EN and RU)
    train_langs: tuple[str, ...] = ()  # languages learnt from (empty = all given)
    embedding: bool = True  # the title+lead embedding block beside the lexical features
    any_model: bool = False  # learn ANY (carries some narrative) to decide Other, instead of the narratives' floors


def count_matrix(texts: Sequence[str]):
    """Raw hashed feature counts (documents x 2 * 2^HASH_BITS buckets), analysed once for many fits."""
    from scipy.sparse import csr_matrix  # lazy: scipy is slow to import; only training/clustering needs it

    rows, idx, vals = [], [], []
    for r, t in enumerate(texts):
        c = bucket_counts(t)
        rows.extend([r] * len(c))
        idx.extend(c.keys())
        vals.extend(c.values())
    return csr_matrix((np.array(vals, dtype=np.float32), (rows, idx)), shape=(len(texts), 2 << HASH_BITS))


def fit_space(counts, rows: Sequence[int], min_df: int) -> HashedSpace:
    """The buckets in at least `min_df` of the documents `rows`, with their smoothed IDF."""
    df = np.asarray((counts[list(rows)] > 0).sum(axis=0)).ravel()
    buckets = np.flatnonzero(df >= min_df).astype(np.int64)
    idf = (np.log((1 + len(rows)) / (1 + df[buckets])) + 1.0).astype(np.float32)
    return HashedSpace(buckets=buckets, idf=idf)


def tfidf_rows(counts, rows: Sequence[int], space: HashedSpace):
    """The same vectors as `HashedSpace.vector` gives for these documents, as one sparse matrix."""
    from scipy.sparse import diags  # lazy: scipy is slow to import; only training needs it

    sub = counts[list(rows)][:, space.buckets].tocsr().astype(np.float32)
    sub.data = 1.0 + np.log(sub.data)
    sub = (sub @ diags(space.idf)).tocsr()
    is_word = space.buckets < (1 << HASH_BITS)
    out = None
    for mask in (is_word, ~is_word):
        part = (sub @ diags(mask.astype(np.float32))).tocsr()
        norms = np.sqrt(np.asarray(part.multiply(part).sum(axis=1)).ravel())
        part = (diags(1.0 / np.where(norms > 0, norms, 1.0)) @ part).tocsr()
        out = part if out is None else out + part
    out.eliminate_zeros()
    return out.astype(np.float32)


class KernelLogistic:
    """L2 logistic regression on many more features than documents, solved through the
    documents' linear kernel: with K = X X^T = U S U^T, a regression on Z = U S^(1/2)
    (one column per document) is the same model as one on X, and w = X^T U S^(-1/2) beta.
    Why: one eigendecomposition serves every label, and each label then costs a small dense
    fit instead of passes over a million sparse features (22 labels on 690 documents: 43 s
    against liblinear's 76 s on a loaded 2-core machine).
    """

    def __init__(self, X) -> None:
        K = np.asarray((X @ X.T).todense(), dtype=np.float64)
        S, U = np.linalg.eigh(K)
        ok = S > 1e-8 * max(float(S.max()), 1e-12)
        self.X, self.U, self.S = X, U[:, ok], S[ok]
        self.Z = self.U * np.sqrt(self.S)

    def fit(self, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
        """(weights over X's columns, intercept), class-balanced."""
        from sklearn.linear_model import LogisticRegression  # lazy: scikit-learn is the optional train extra

        m = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(self.Z, y)
        alpha = (self.U / np.sqrt(self.S)) @ m.coef_[0]
        return np.asarray(self.X.T @ alpha).ravel(), float(m.intercept_[0])


def learnt_labels(label_sets: Sequence[set[str]], parent_of: dict[str, str | None], min_positives: int) -> list[str]:
    freq = Counter(l for s in label_sets for l in s)
    labels = sorted(l for l in freq if freq[l] >= min_positives and freq[l] < len(label_sets))
    # a learnt sub-narrative needs its narrative learnt too
    return [l for l in labels if l == ANY or not parent_of.get(l) or parent_of[l] in labels]


def train(
    texts: Sequence[str],
    doc_labels: Sequence[Iterable[str]],
    parent_of: dict[str, str | None],
    cfg: TrainConfig | None = None,
    decoding: Decoding | None = None,
) -> DocumentClassifier:
    """Learn one classifier per label; `parent_of` maps every label to its narrative (None at the top)."""
    cfg = cfg or TrainConfig()
    E = doc_embedding(list(texts)) if cfg.embedding else None
    return train_rows(count_matrix(texts), range(len(texts)), doc_labels, parent_of, cfg, decoding, E)


def train_rows(
    counts,
    rows: Sequence[int],
    doc_labels: Sequence[Iterable[str]],
    parent_of: dict[str, str | None],
    cfg: TrainConfig | None = None,
    decoding: Decoding | None = None,
    E: np.ndarray | None = None,
) -> DocumentClassifier:
    """`train` on the documents `rows` of a counted corpus (`doc_labels` and the embeddings `E`
    indexed like the corpus)."""
    from scipy.sparse import csr_matrix, hstack  # lazy: scipy is slow to import; only training needs it

    cfg = cfg or TrainConfig()
    rows = list(rows)
    space = fit_space(counts, rows, cfg.min_df)
    X = tfidf_rows(counts, rows, space)
    n_lex = X.shape[1]
    use_dense = E is not None and cfg.embedding
    if use_dense:
        X = hstack([X, csr_matrix(E[rows].astype(np.float32))]).tocsr()
    kernel = KernelLogistic(X)
    label_sets = [set(doc_labels[r]) | ({ANY} if cfg.any_model and doc_labels[r] else set()) for r in rows]
    labels = learnt_labels(label_sets, parent_of, cfg.min_positives)
    indptr, indices, data, intercept, dense_rows = [0], [], [], [], []
    for label in labels:
        y = np.array([label in s for s in label_sets], dtype=int)
        coef, b = kernel.fit(y, cfg.C)
        lex, dense_rows_ = coef[:n_lex], coef[n_lex:]
        n_keep = cfg.keep if parent_of.get(label) else cfg.keep_narrative
        keep = np.argpartition(-np.abs(lex), n_keep)[:n_keep] if len(lex) > n_keep else np.arange(len(lex))
        keep = np.sort(keep[lex[keep] != 0])
        indices.extend(keep.tolist())
        data.extend(lex[keep].tolist())
        indptr.append(len(indices))
        intercept.append(b)
        dense_rows.append(dense_rows_)
    return DocumentClassifier(
        space=space,
        labels=labels,
        parents=[label_parent(l, parent_of) for l in labels],
        indptr=np.array(indptr, dtype=np.int32),
        indices=np.array(indices, dtype=np.int32),
        data=np.array(data, dtype=np.float16),
        intercept=np.array(intercept, dtype=np.float64),
        decoding=decoding or Decoding(),
        dense=np.array(dense_rows, dtype=np.float16).reshape(len(labels), -1) if use_dense else None,
    )
