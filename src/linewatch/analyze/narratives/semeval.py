"""SemEval-2025 Task 10 subtask 2 data: reading it, cross-validating and training the shipped model.

    linewatch narratives train --semeval ../shared/eval/semeval2025_t10 [--folds 5] [--no-embedding] [--per-label] [--no-nested]

reads `<L>/subtask-2-annotations.txt` + `<L>/raw-documents/` for every language
folder, maps the task's labels to the bundled taxonomy's ids, runs a nested
cross-validation (near-duplicates in one fold; the thresholds of each outer fold
chosen by an inner cross-validation on its training documents only) writing one `document` JSON line per file so
`score.py narratives` can score it, then learns the final model on all documents and
writes it beside the taxonomy.
"""
from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from linewatch.analyze.narratives.classifier import (
    Decoding,
    DocumentClassifier,
    TrainConfig,
    choose,
    count_matrix,
    label_parent,
    learnt_labels,
    tfidf_rows,
    train_rows,
)
from linewatch.analyze.narratives.features import WORD_RE, doc_embedding
from linewatch.analyze.narratives.taxonomy import Taxonomy
from linewatch.errors import InputError

MAX_DOC_BYTES = 2_000_000
TUNE_LANGUAGES = ("en", "ru")  # the languages the maintainers score on held-out dev


@dataclass
class LabelledDoc:
    name: str
    lang: str
    text: str
    labels: set[str]  # taxonomy ids (narratives and sub-narratives); empty = Other


def read_split(root: str | Path, taxonomy: Taxonomy) -> list[LabelledDoc]:
    """Every labelled document under root/<L>/ (annotations + raw-documents)."""
    root = Path(root)
    files = sorted(root.glob("*/subtask-2-annotations.txt"))
    if not files:
        raise InputError("no <LANG>/subtask-2-annotations.txt below it", where=str(root))
    docs: list[LabelledDoc] = []
    for ann in files:
        lang = ann.parent.name.lower()
        for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise InputError("expected FILE<TAB>NARRATIVES<TAB>SUBNARRATIVES", where=f"{ann}:{n}")
            name = parts[0].strip()
            path = ann.parent / "raw-documents" / name
            if not path.is_file() or path.stat().st_size > MAX_DOC_BYTES:
                raise InputError("document missing or too large", where=str(path))
            labels: set[str] = set()
            for raw in ";".join(parts[1:]).split(";"):
                raw = raw.strip()
                if not raw or raw == "Other" or raw.endswith(": Other"):
                    continue
                hit = taxonomy.resolve(raw)
                if hit is not None:
                    labels.add(hit.id)
                    labels.update(taxonomy.ancestors(hit.id))
            docs.append(LabelledDoc(name=name, lang=lang, text=path.read_text(encoding="utf-8", errors="replace"), labels=labels))
    return docs


def parent_map(taxonomy: Taxonomy) -> dict[str, str | None]:
    return {n.id: n.parent for n in taxonomy.narratives}


def folds(n: int, k: int, seed: int = 0) -> list[list[int]]:
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    return [sorted(idx[i::k]) for i in range(k)]


SHINGLE = 5  # words per shingle for near-duplicate detection
DUPLICATE_CONTAINMENT = 0.5  # share of the shorter document's shingles found in the other


def _shingles(text: str) -> set[int]:
    toks = WORD_RE.findall(text.lower())
    return {hash(" ".join(toks[i : i + SHINGLE])) for i in range(max(1, len(toks) - SHINGLE + 1))} if toks else set()


def duplicate_groups(docs: list[LabelledDoc], threshold: float = DUPLICATE_CONTAINMENT) -> list[int]:
    """A group number per document: near-duplicates (the same article re-posted) share one.

    Why: the training split holds re-posted articles; a copy in the training folds and its
    twin in the test fold make cross-validation read a memorised answer as generalisation.
    """
    sets = [_shingles(d.text) for d in docs]
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[int, list[int]] = {}
    for i, s in enumerate(sets):
        for h in s:
            index.setdefault(h, []).append(i)
    for i, s in enumerate(sets):
        shared: Counter[int] = Counter()
        for h in s:
            for j in index[h]:
                if j > i:
                    shared[j] += 1
        for j, n in shared.items():
            if n / max(1, min(len(s), len(sets[j]))) >= threshold:
                parent[root(j)] = root(i)
    return [root(i) for i in range(len(docs))]


def assign_folds(docs: list[LabelledDoc], k: int, seed: int = 0) -> list[int]:
    """Fold of every document: near-duplicate groups stay whole, each language spread evenly."""
    groups = duplicate_groups(docs)
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    order = sorted(members)
    random.Random(seed).shuffle(order)
    order.sort(key=lambda g: -len(members[g]))  # big groups first, then the shuffled singles
    load: dict[tuple[str, int], int] = {}
    fold_of = [0] * len(docs)
    for g in order:
        lang = docs[members[g][0]].lang
        f = min(range(k), key=lambda f: (load.get((lang, f), 0), f))
        load[(lang, f)] = load.get((lang, f), 0) + len(members[g])
        for i in members[g]:
            fold_of[i] = f
    return fold_of


def document_line(doc: LabelledDoc, labels: Iterable[str]) -> str:
    return json.dumps({"doc": doc.name, "kind": "document", "language": doc.lang, "date": None, "narratives": list(labels)}, ensure_ascii=False)


@dataclass
class Corpus:
    """The documents with their counted features and (optionally) title+lead embeddings, for many fits."""

    docs: list[LabelledDoc]
    counts: object  # scipy.sparse.csr_matrix of raw hashed counts
    E: np.ndarray | None
    labels: list[str]  # every label that can be learnt, in a fixed order

    @classmethod
    def of(cls, docs: list[LabelledDoc], taxonomy: Taxonomy, cfg: TrainConfig) -> Corpus:
        E = doc_embedding([d.text for d in docs]) if cfg.embedding else None
        labels = learnt_labels([d.labels for d in docs], parent_map(taxonomy), cfg.min_positives)
        return cls(docs=docs, counts=count_matrix([d.text for d in docs]), E=E, labels=labels)

    def fit(self, rows: list[int], taxonomy: Taxonomy, cfg: TrainConfig) -> DocumentClassifier:
        use = [r for r in rows if not cfg.train_langs or self.docs[r].lang in cfg.train_langs]
        return train_rows(self.counts, use, [d.labels for d in self.docs], parent_map(taxonomy), cfg, None, self.E)

    def predict(self, model: DocumentClassifier, rows: list[int]) -> dict[str, dict[str, float]]:
        """{doc name: probabilities by label} for `rows`."""
        P = model.probabilities_of(tfidf_rows(self.counts, rows, model.space), self.E[rows] if self.E is not None else None)
        return {self.docs[r].name: dict(zip(model.labels, P[i].tolist())) for i, r in enumerate(rows)}

    def held_out(self, rows: list[int], taxonomy: Taxonomy, k: int, seed: int, cfg: TrainConfig,
                 progress: Callable[[str], None] = lambda s: None) -> dict[str, dict[str, float]]:
        """k-fold held-out probabilities for `rows` (models learn only from those rows)."""
        fold_of = assign_folds([self.docs[r] for r in rows], k, seed)
        out: dict[str, dict[str, float]] = {}
        for f in range(k):
            test = [r for r, g in zip(rows, fold_of) if g == f]
            if test:
                out.update(self.predict(self.fit([r for r, g in zip(rows, fold_of) if g != f], taxonomy, cfg), test))
                progress(f"  fold {f + 1}/{k} of {len(rows)} documents")
        return out


def cross_validate(
    docs: list[LabelledDoc],
    taxonomy: Taxonomy,
    k: int = 5,
    seed: int = 0,
    cfg: TrainConfig | None = None,
    progress: Callable[[str], None] = lambda s: None,
) -> dict[str, dict[str, float]]:
    """Held-out probabilities for every document: {doc name: probabilities by label} (no tuning)."""
    cfg = cfg or TrainConfig()
    return Corpus.of(docs, taxonomy, cfg).held_out(list(range(len(docs))), taxonomy, k, seed, cfg, progress)


FLOORS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
RELS = (0.5, 0.6, 0.7, 0.8, 0.9)
SUB_FLOORS = (0.1, 0.2, 0.3, 0.4, 0.5)
SUB_RELS = (0.5, 0.7, 0.9)


def tune(docs: list[LabelledDoc], probs: dict[str, dict[str, float]], taxonomy: Taxonomy, per_label: bool = False) -> Decoding:
    """Thresholds that maximise samples-F1 on held-out probabilities: (floor, rel) on the
    narrative level first (then, with `per_label`, each narrative's own floor), then the
    sub-narrative thresholds on the fine level."""
    best = (-1.0, Decoding())
    for floor in FLOORS:
        for rel in RELS:
            d = Decoding(floor=floor, rel=rel)
            s = samples_f1(docs, decode_all(docs, probs, taxonomy, d), taxonomy)
            if s > best[0] + 1e-9:
                best = (s, d)
    coarse = _per_label(docs, probs, taxonomy, best[1]) if per_label else best[1]
    fine_best = (-1.0, coarse)
    for sub_floor in SUB_FLOORS:
        for sub_rel in SUB_RELS:
            d = Decoding(coarse.floor, coarse.rel, sub_floor, sub_rel, dict(coarse.thresholds))
            s = samples_f1(docs, decode_all(docs, probs, taxonomy, d), taxonomy, "fine")
            if s > fine_best[0] + 1e-9:
                fine_best = (s, d)
    return fine_best[1]


def _per_label(docs: list[LabelledDoc], probs: dict[str, dict[str, float]], taxonomy: Taxonomy, start: Decoding) -> Decoding:
    """Each narrative's own floor by coordinate ascent from the global one (two sweeps)."""
    d = Decoding(start.floor, start.rel, thresholds={})
    score = samples_f1(docs, decode_all(docs, probs, taxonomy, d), taxonomy)
    tops = sorted({l for p in probs.values() for l in p if l in taxonomy.by_id and not taxonomy.by_id[l].parent})
    for _ in range(2):
        for label in tops:
            for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
                trial = Decoding(d.floor, d.rel, thresholds={**d.thresholds, label: t})
                s = samples_f1(docs, decode_all(docs, probs, taxonomy, trial), taxonomy)
                if s > score + 1e-9:
                    score, d = s, trial
    return d


def nested_cross_validate(
    docs: list[LabelledDoc],
    taxonomy: Taxonomy,
    k: int = 5,
    seed: int = 0,
    cfg: TrainConfig | None = None,
    tune_langs: set[str] | None = None,
    per_label: bool = False,
    progress: Callable[[str], None] = lambda s: None,
    corpus: Corpus | None = None,
) -> tuple[dict[str, list[str]], list[Decoding]]:
    """Held-out labels whose model and thresholds never saw the documents they decode.

    Outer k folds (near-duplicates kept in one fold, each language spread over all folds);
    inside each outer training set, an inner (k-1)-fold cross-validation gives held-out
    probabilities on which the thresholds are chosen (on the documents of `tune_langs`);
    then the model learnt on the whole outer training set labels the outer fold.
    Returns (labels per document, the thresholds of each outer fold).
    """
    cfg = cfg or TrainConfig()
    corpus = corpus or Corpus.of(docs, taxonomy, cfg)
    fold_of = assign_folds(docs, k, seed)
    labels: dict[str, list[str]] = {}
    chosen: list[Decoding] = []
    for f in range(k):
        train_rows_ = [i for i, g in enumerate(fold_of) if g != f]
        test_rows = [i for i, g in enumerate(fold_of) if g == f]
        inner = corpus.held_out(train_rows_, taxonomy, k - 1, seed + 1, cfg, progress)
        decoding = tune([docs[i] for i in train_rows_ if not tune_langs or docs[i].lang in tune_langs], inner, taxonomy, per_label)
        chosen.append(decoding)
        probs = corpus.predict(corpus.fit(train_rows_, taxonomy, cfg), test_rows)
        labels.update(decode_all([docs[i] for i in test_rows], probs, taxonomy, decoding))
        progress(f"outer fold {f + 1}/{k}: floor {decoding.floor}, rel {decoding.rel}")
    return labels, chosen


def decode_all(docs: list[LabelledDoc], probs: dict[str, dict[str, float]], taxonomy: Taxonomy, d: Decoding) -> dict[str, list[str]]:
    """Labels per document from held-out probabilities, with the classifier's own decoding rule."""
    labels = sorted({l for p in probs.values() for l in p})
    parents = parent_map(taxonomy)
    parent_list = [label_parent(l, parents) for l in labels]
    out: dict[str, list[str]] = {}
    for doc in docs:
        p = probs[doc.name]
        vec = np.array([p.get(l, 0.0) for l in labels])
        out[doc.name] = [labels[i] for i in choose(labels, parent_list, vec, d)]
    return out


def samples_f1(docs: list[LabelledDoc], predicted: dict[str, list[str]], taxonomy: Taxonomy, level: str = "coarse") -> float:
    """Mean per-document F1 as the task scores it (Other counts as a label), for tuning only.

    The reported figures come from score.py; this mirrors it closely enough to choose thresholds.
    """
    scores = []
    for doc in docs:
        def labels_of(ids: Iterable[str]) -> set[str]:
            ids = set(ids)
            tops = {i for i in ids if taxonomy.by_id.get(i) and not taxonomy.by_id[i].parent}
            if level == "coarse":
                return tops or {"Other"}
            subs = {i for i in ids if taxonomy.by_id.get(i) and taxonomy.by_id[i].parent}
            fine = set(subs) | {f"{t}:other" for t in tops if not any(taxonomy.by_id[s].parent == t for s in subs)}
            return fine or {"Other"}

        g, p = labels_of(doc.labels), labels_of(predicted.get(doc.name, []))
        tp = len(g & p)
        scores.append(0.0 if tp == 0 else 2 * tp / (len(g) + len(p)))
    return sum(scores) / len(scores) if scores else 0.0


def run_training(
    root: str | Path,
    taxonomy: Taxonomy,
    model_out: str | Path,
    pred_dir: str | Path | None = None,
    k: int = 5,
    seed: int = 0,
    cfg: TrainConfig | None = None,
    tune_langs: tuple[str, ...] = TUNE_LANGUAGES,
    per_label: bool = False,
    nested: bool = True,
    progress: Callable[[str], None] = lambda s: None,
) -> dict[str, object]:
    """Nested cross-validation (written as held-out labels), then the shipped model: its
    thresholds chosen on k-fold held-out probabilities of all documents, learnt on all.

    Returns a summary: per language, documents, documents labelled only Other, and the
    nested held-out samples-F1 overall, on the Other documents and on the labelled ones (this
    module's own count; score.py gives the reported one).
    """
    cfg = cfg or TrainConfig()
    docs = read_split(root, taxonomy)
    groups = duplicate_groups(docs)
    progress(f"{len(docs)} documents, {len(docs) - len(set(groups))} near-duplicates kept with their twin")
    corpus = Corpus.of(docs, taxonomy, cfg)
    summary: dict[str, object] = {"folds": k, "seed": seed, "train_languages": list(cfg.train_langs) or "all",
                                  "tune_languages": list(tune_langs), "per_label_thresholds": per_label}
    if nested:
        predicted, per_fold = nested_cross_validate(docs, taxonomy, k=k, seed=seed, cfg=cfg, tune_langs=set(tune_langs),
                                                    per_label=per_label, progress=progress, corpus=corpus)
        summary["decoding_per_fold"] = [{"floor": d.floor, "rel": d.rel, "sub_floor": d.sub_floor, "sub_rel": d.sub_rel} for d in per_fold]
        for lang in sorted({d.lang for d in docs}):
            part = [d for d in docs if d.lang == lang]
            other = [d for d in part if not d.labels]
            labelled = [d for d in part if d.labels]
            summary[lang] = {
                "documents": len(part),
                "only_other": len(other),
                "coarse": round(samples_f1(part, predicted, taxonomy), 4),
                "fine": round(samples_f1(part, predicted, taxonomy, "fine"), 4),
                # how the figure depends on the share of Other documents (train and dev differ in it)
                "coarse_on_other": round(samples_f1(other, predicted, taxonomy), 4) if other else None,
                "coarse_on_labelled": round(samples_f1(labelled, predicted, taxonomy), 4) if labelled else None,
            }
            if pred_dir is not None:
                out = Path(pred_dir)
                out.mkdir(parents=True, exist_ok=True)
                (out / f"{lang}.jsonl").write_text("".join(document_line(d, predicted[d.name]) + "\n" for d in part), encoding="utf-8")
    # the shipped model: thresholds from k-fold held-out probabilities of every document
    every = list(range(len(docs)))
    probs = corpus.held_out(every, taxonomy, k, seed, cfg, progress)
    model = corpus.fit(every, taxonomy, cfg)
    model.decoding = tune([d for d in docs if d.lang in tune_langs], probs, taxonomy, per_label)
    use = [d for d in docs if not cfg.train_langs or d.lang in cfg.train_langs]
    model.meta = {"taxonomy": taxonomy.name, "documents": str(len(use)), "trained_on": Path(root).name,
                  "languages": ",".join(sorted({d.lang for d in use}))}
    model.save(model_out)
    summary["shipped_decoding"] = {**model.decoding.__dict__}
    progress(f"model written to {model_out}")
    return summary
