"""A learnt document-level narrative classifier, shipped as one small .npz file.

One-vs-rest logistic regression over the lexical TF-IDF space of
`features` for every narrative and sub-narrative with enough
training documents. Decoding is hierarchical: narratives are chosen first
(the best one if it clears `floor`, plus every other within `rel` of it);
sub-narratives only under a chosen narrative (same rule, their own floor);
nothing chosen means the document is `Other` (no label).

Training needs scikit-learn (`linewatch narratives train`); inference is numpy
only. Coefficients are pruned to the strongest `keep` per label so the file
stays a few MB.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from linewatch.analyze.narratives.features import TfidfSpace, analyze, doc_embedding, pack_strings, unpack_strings
from linewatch.errors import InputError

FORMAT = "linewatch-narrative-classifier/1"
# A pseudo-label learnt beside the narratives: the document carries some narrative (not Other).
# Its parent is itself, so it is never taken for a narrative or a sub-narrative.
ANY = "*any*"


def label_parent(label: str, parent_of: dict[str, str | None]) -> str:
    return ANY if label == ANY else parent_of.get(label) or ""


@dataclass
class Decoding:
    floor: float = 0.3  # a document needs one narrative at least this probable, else Other
    rel: float = 0.6  # other narratives kept when >= rel * best
    sub_floor: float = 0.3
    sub_rel: float = 0.7


@dataclass
class LabelScore:
    label: str
    score: float
    parent: str | None = None
    evidence: list[str] = field(default_factory=list)  # the features that pushed hardest


@dataclass
class DocumentClassifier:
    space: TfidfSpace
    labels: list[str]
    parents: list[str]  # "" for a top-level narrative
    indptr: np.ndarray  # CSR rows = labels
    indices: np.ndarray
    data: np.ndarray
    intercept: np.ndarray
    decoding: Decoding = field(default_factory=Decoding)
    meta: dict[str, str] = field(default_factory=dict)
    # optional: weights on the title+lead embedding (labels x 768), which carries across languages
    dense: np.ndarray | None = None
    dense_scale: float = 0.0
    _inverse_vocab: list[str] | None = field(default=None, init=False, repr=False)

    # ------------------------------------------------------------------ inference

    def probabilities(self, text: str) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
        idx, vals = self.space.vector(text)
        dense = np.zeros(len(self.space.idf), dtype=np.float32)
        dense[idx] = vals
        logits = np.array(
            [
                float(self.data[self.indptr[r] : self.indptr[r + 1]].astype(np.float32) @ dense[self.indices[self.indptr[r] : self.indptr[r + 1]]])
                for r in range(len(self.labels))
            ],
            dtype=np.float64,
        ) + self.intercept
        if self.dense is not None and self.dense_scale:
            logits = logits + self.dense.astype(np.float32) @ (self.dense_scale * doc_embedding([text])[0])
        return 1.0 / (1.0 + np.exp(-logits)), (idx, vals)

    def probabilities_of(self, X, E: np.ndarray | None = None) -> np.ndarray:
        """Probabilities (documents x labels) for rows already in this model's TF-IDF space and
        their title+lead embeddings `E` (training only)."""
        from scipy.sparse import csr_matrix  # lazy: scipy is slow to import; only training/clustering needs it

        W = csr_matrix((self.data.astype(np.float32), self.indices, self.indptr), shape=(len(self.labels), len(self.space.idf)))
        logits = np.asarray((X @ W.T).todense(), dtype=np.float64) + self.intercept[None, :]
        if self.dense is not None and self.dense_scale and E is not None:
            logits = logits + (self.dense_scale * E) @ self.dense.astype(np.float32).T
        return 1.0 / (1.0 + np.exp(-logits))

    def evidence(self, row: int, vec: tuple[np.ndarray, np.ndarray], k: int = 5) -> list[str]:
        """The k features of the text that add most to label `row` (for 'matched because')."""
        if self._inverse_vocab is None:
            inv = [""] * len(self.space.idf)
            for f, i in self.space.vocab.items():
                inv[i] = f
            self._inverse_vocab = inv
        lo, hi = self.indptr[row], self.indptr[row + 1]
        weights = dict(zip(self.indices[lo:hi].tolist(), self.data[lo:hi].astype(np.float32).tolist()))
        contrib = [(weights.get(int(i), 0.0) * float(v), int(i)) for i, v in zip(*vec)]
        contrib.sort(reverse=True)
        out: list[str] = []
        for c, i in contrib:
            if c <= 0 or len(out) >= k:
                break
            feat = self._inverse_vocab[i]
            if feat.startswith("w:"):  # word features read better than char n-grams
                out.append(feat[2:])
        return out

    def predict(self, text: str, decoding: Decoding | None = None) -> list[LabelScore]:
        """Labels of a document (empty = Other), narratives first, each with its probability."""
        d = decoding or self.decoding
        probs, vec = self.probabilities(text)
        return self.decode(probs, d, vec)

    def decode(self, probs: np.ndarray, d: Decoding, vec: tuple[np.ndarray, np.ndarray] | None = None) -> list[LabelScore]:
        return [self._score(i, probs, vec) for i in choose(self.labels, self.parents, probs, d)]

    def _score(self, i: int, probs: np.ndarray, vec: tuple[np.ndarray, np.ndarray] | None) -> LabelScore:
        return LabelScore(
            label=self.labels[i],
            score=round(float(probs[i]), 4),
            parent=self.parents[i] or None,
            evidence=self.evidence(i, vec) if vec is not None else [],
        )

    # ------------------------------------------------------------------ files

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        vocab = sorted(self.space.vocab, key=self.space.vocab.__getitem__)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(
            tmp,
            format=pack_strings([FORMAT]),
            vocab=pack_strings(vocab),
            idf=self.space.idf.astype(np.float16),
            labels=pack_strings(self.labels),
            parents=pack_strings(self.parents),
            indptr=self.indptr.astype(np.int32),
            indices=self.indices.astype(np.int32),
            data=self.data.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
            decoding=np.array([self.decoding.floor, self.decoding.rel, self.decoding.sub_floor, self.decoding.sub_rel], dtype=np.float32),
            meta=pack_strings([f"{k}={v}" for k, v in self.meta.items()]),
            **({"dense": self.dense.astype(np.float16), "dense_scale": np.array([self.dense_scale], dtype=np.float32)}
               if self.dense is not None else {}),
        )
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> DocumentClassifier:
        try:
            z = np.load(path, allow_pickle=False)
            if unpack_strings(z["format"]) != [FORMAT]:
                raise InputError("not a linewatch narrative classifier", where=str(path))
            vocab = unpack_strings(z["vocab"])
            dec = z["decoding"].tolist()
            meta = dict(s.split("=", 1) for s in unpack_strings(z["meta"]) if "=" in s)
            return cls(
                space=TfidfSpace(vocab={f: i for i, f in enumerate(vocab)}, idf=z["idf"].astype(np.float32)),
                labels=unpack_strings(z["labels"]),
                parents=[p for p in unpack_strings(z["parents"])] if z["parents"].size else [],
                indptr=z["indptr"],
                indices=z["indices"],
                data=z["data"],
                intercept=z["intercept"].astype(np.float64),
                decoding=Decoding(*dec),
                meta=meta,
                dense=z["dense"] if "dense" in z.files else None,
                dense_scale=float(z["dense_scale"][0]) if "dense_scale" in z.files else 0.0,
            )
        except FileNotFoundError:
            raise InputError("classifier file not found", where=str(path)) from None
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(f"unreadable classifier ({exc.__class__.__name__})", where=str(path)) from None


def choose(labels: Sequence[str], parents: Sequence[str], probs: np.ndarray, d: Decoding) -> list[int]:
    """Indices of the labels a document gets (narratives best first, each followed by its sub-narratives).

    With an ANY classifier (does the document carry any narrative at all?) it alone decides
    Other against `floor`; without one, the best narrative's probability does.
    """
    top = [i for i, p in enumerate(parents) if not p]
    if not top:
        return []
    best = max(probs[i] for i in top)
    gate = probs[labels.index(ANY)] if ANY in labels else best
    if gate < d.floor:
        return []  # Other
    out: list[int] = []
    for i in sorted((i for i in top if probs[i] >= d.rel * best), key=lambda i: -probs[i]):
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
    min_df: int = 2
    max_word_features: int = 40_000
    max_char_features: int = 60_000
    C: float = 10.0
    min_positives: int = 2  # labels with fewer training documents are not learnt
    keep: int = 4000  # strongest coefficients kept per label
    train_langs: tuple[str, ...] = ()  # languages learnt from (empty = all given)
    embed_scale: float = 0.0  # weight of the title+lead embedding block (0 = lexical features only)
    any_model: bool = False  # learn ANY (carries some narrative) to decide Other, instead of the best narrative's probability


@dataclass
class CorpusCounts:
    """Raw feature counts of a corpus, analysed once: cross-validation fits many spaces on subsets.

    Only features occurring in at least `min_df` documents of the whole corpus are kept,
    which loses nothing: a subset cannot raise a feature's document frequency.
    """

    features: list[str]
    counts: object  # scipy.sparse.csr_matrix, documents x features (raw term counts)

    @classmethod
    def of(cls, texts: Sequence[str], min_df: int = 2) -> CorpusCounts:
        from scipy.sparse import csr_matrix  # lazy: scipy is slow to import; only training/clustering needs it

        df: Counter = Counter()
        for t in texts:
            df.update(set(analyze(t)))
        cols = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= min_df))}
        del df
        rows, idx, vals = [], [], []
        for r, t in enumerate(texts):
            c = Counter(f for f in analyze(t) if f in cols)
            rows.extend([r] * len(c))
            idx.extend(cols[f] for f in c)
            vals.extend(c.values())
        m = csr_matrix((np.array(vals, dtype=np.float32), (rows, idx)), shape=(len(texts), len(cols)))
        return cls(features=sorted(cols, key=cols.__getitem__), counts=m)

    def columns(self, space: TfidfSpace) -> np.ndarray:
        """The columns of these counts that a space's features (in its order) come from."""
        where = {f: i for i, f in enumerate(self.features)}
        order = sorted(space.vocab, key=space.vocab.__getitem__)
        return np.array([where[f] for f in order], dtype=np.int64)


def fit_space(counts: CorpusCounts, rows: Sequence[int], cfg: TrainConfig) -> tuple[TfidfSpace, np.ndarray]:
    """Vocabulary (most frequent by document frequency in `rows`, per block), smoothed IDF, and the columns used."""
    sub = counts.counts[list(rows)]  # type: ignore[index]
    df = np.asarray((sub > 0).sum(axis=0)).ravel()
    chosen: list[int] = []
    for prefix, cap in (("w:", cfg.max_word_features), ("c:", cfg.max_char_features)):
        cand = [i for i, f in enumerate(counts.features) if f.startswith(prefix) and df[i] >= cfg.min_df]
        cand.sort(key=lambda i: (-df[i], counts.features[i]))
        chosen.extend(cand[:cap])
    cols = np.array(chosen, dtype=np.int64)
    n = len(rows)
    idf = (np.log((1 + n) / (1 + df[cols])) + 1.0).astype(np.float32)
    vocab = {counts.features[c]: i for i, c in enumerate(cols.tolist())}
    return TfidfSpace(vocab=vocab, idf=idf), cols


def tfidf_rows(counts: CorpusCounts, rows: Sequence[int], space: TfidfSpace, cols: np.ndarray):
    """The same vectors as `TfidfSpace.vector` gives for these documents, as one sparse matrix."""
    from sklearn.preprocessing import normalize  # lazy: scikit-learn is the optional train extra

    sub = counts.counts[list(rows)][:, cols].tocsr()  # type: ignore[index]
    sub.data = (1.0 + np.log(sub.data)).astype(np.float32)
    sub = sub.multiply(space.idf[None, :]).tocsr()
    is_word = np.array([counts.features[c].startswith("w:") for c in cols.tolist()])
    blocks = []
    for mask in (is_word, ~is_word):
        part = sub.copy()
        part.data = part.data * mask[part.indices]
        part.eliminate_zeros()
        blocks.append(normalize(part, norm="l2", axis=1))
    return (blocks[0] + blocks[1]).tocsr().astype(np.float32)


def train(
    texts: Sequence[str],
    doc_labels: Sequence[Iterable[str]],
    parent_of: dict[str, str | None],
    cfg: TrainConfig | None = None,
    decoding: Decoding | None = None,
) -> DocumentClassifier:
    """Learn one classifier per label; `parent_of` maps every label to its narrative (None at the top)."""
    cfg = cfg or TrainConfig()
    E = doc_embedding(list(texts)) if cfg.embed_scale else None
    return train_rows(CorpusCounts.of(texts, cfg.min_df), range(len(texts)), doc_labels, parent_of, cfg, decoding, E)


def train_rows(
    counts: CorpusCounts,
    rows: Sequence[int],
    doc_labels: Sequence[Iterable[str]],
    parent_of: dict[str, str | None],
    cfg: TrainConfig | None = None,
    decoding: Decoding | None = None,
    E: np.ndarray | None = None,
) -> DocumentClassifier:
    """`train` on the documents `rows` of an analysed corpus (`doc_labels` and the embeddings `E`
    indexed like the corpus)."""
    from scipy.sparse import csr_matrix, hstack  # lazy: scipy is slow to import; only training/clustering needs it
    from sklearn.linear_model import LogisticRegression  # lazy: scikit-learn is the optional train extra

    cfg = cfg or TrainConfig()
    rows = list(rows)
    space, cols = fit_space(counts, rows, cfg)
    X = tfidf_rows(counts, rows, space, cols)
    n_lex = X.shape[1]
    use_dense = E is not None and cfg.embed_scale > 0
    if use_dense:
        X = hstack([X, csr_matrix(cfg.embed_scale * E[rows])]).tocsr()
    dense_rows: list[np.ndarray] = []
    label_sets = [set(doc_labels[r]) | ({ANY} if cfg.any_model and doc_labels[r] else set()) for r in rows]
    freq = Counter(l for s in label_sets for l in s)
    labels = sorted(l for l in freq if freq[l] >= cfg.min_positives and freq[l] < len(rows))
    # a learnt sub-narrative needs its narrative learnt too
    labels = [l for l in labels if l == ANY or not parent_of.get(l) or parent_of[l] in labels]
    indptr, indices, data, intercept = [0], [], [], []
    for label in labels:
        y = np.array([label in s for s in label_sets], dtype=int)
        # liblinear's dual solver: many more features than documents, and fast on sparse rows
        model = LogisticRegression(C=cfg.C, solver="liblinear", dual=True, max_iter=2000, class_weight="balanced")
        model.fit(X, y)
        coef = model.coef_[0][:n_lex]
        dense_rows.append(model.coef_[0][n_lex:])
        keep = np.argsort(-np.abs(coef))[: cfg.keep]
        keep = np.sort(keep[coef[keep] != 0])
        indices.extend(keep.tolist())
        data.extend(coef[keep].tolist())
        indptr.append(len(indices))
        intercept.append(float(model.intercept_[0]))
    return DocumentClassifier(
        space=space,
        labels=labels,
        parents=[label_parent(l, parent_of) for l in labels],
        indptr=np.array(indptr, dtype=np.int32),
        indices=np.array(indices, dtype=np.int32),
        data=np.array(data, dtype=np.float16),
        intercept=np.array(intercept, dtype=np.float64),
        decoding=decoding or Decoding(),
        dense=np.array(dense_rows, dtype=np.float16) if use_dense and dense_rows else None,
        dense_scale=cfg.embed_scale if use_dense else 0.0,
    )
