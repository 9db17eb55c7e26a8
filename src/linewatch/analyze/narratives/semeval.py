"""SemEval-2025 Task 10 subtask 2 data: reading it, cross-validating and training the shipped model.

    linewatch narratives train --semeval ../shared/eval/semeval2025_t10 [--folds 5] [--embed 1.0]

reads `<L>/subtask-2-annotations.txt` + `<L>/raw-documents/` for every language
folder, maps the task's labels to the bundled taxonomy's ids, runs k-fold
cross-validation (near-duplicates in one fold; each fold's thresholds tuned on the
other folds' held-out predictions) writing one `document` JSON line per file so
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
    CorpusCounts,
    Decoding,
    DocumentClassifier,
    TrainConfig,
    choose,
    label_parent,
    tfidf_rows,
    train,
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


def _held_out(
    counts: CorpusCounts,
    docs: list[LabelledDoc],
    rows: list[int],
    taxonomy: Taxonomy,
    k: int,
    seed: int,
    cfg: TrainConfig,
    E: np.ndarray | None = None,
) -> dict[str, dict[str, float]]:
    """k-fold held-out probabilities for the documents `rows` (models learn only from those rows)."""
    part = [docs[r] for r in rows]
    fold_of = assign_folds(part, k, seed)
    out: dict[str, dict[str, float]] = {}
    for f in range(k):
        train_rows_ = [r for r, g in zip(rows, fold_of) if g != f]
        test_rows = [r for r, g in zip(rows, fold_of) if g == f]
        model, cols = _fit(counts, docs, train_rows_, taxonomy, cfg, E=E)
        out.update(_predict(model, cols, counts, docs, test_rows, E))
    return out


def _fit(counts: CorpusCounts, docs: list[LabelledDoc], rows: list[int], taxonomy: Taxonomy, cfg: TrainConfig,
         decoding: Decoding | None = None, E: np.ndarray | None = None) -> tuple[DocumentClassifier, np.ndarray]:
    use = [r for r in rows if not cfg.train_langs or docs[r].lang in cfg.train_langs]
    model = train_rows(counts, use, [d.labels for d in docs], parent_map(taxonomy), cfg, decoding, E)
    return model, counts.columns(model.space)


def _predict(model: DocumentClassifier, cols: np.ndarray, counts: CorpusCounts, docs: list[LabelledDoc],
             rows: list[int], E: np.ndarray | None = None) -> dict[str, dict[str, float]]:
    if not rows:
        return {}
    P = model.probabilities_of(tfidf_rows(counts, rows, model.space, cols), E[rows] if E is not None else None)
    return {docs[r].name: dict(zip(model.labels, P[i].tolist())) for i, r in enumerate(rows)}


def cross_validate(
    docs: list[LabelledDoc],
    taxonomy: Taxonomy,
    k: int = 5,
    seed: int = 0,
    cfg: TrainConfig | None = None,
    progress: Callable[[str], None] = lambda s: None,
) -> dict[str, dict[str, float]]:
    """Held-out probabilities for every document: {doc name: probabilities by label}.

    Folds keep near-duplicates together and spread every language over all folds; every
    fold's model learns from all languages (`cfg.train_langs` limits which).
    """
    cfg = cfg or TrainConfig()
    counts = CorpusCounts.of([d.text for d in docs], cfg.min_df)
    E = doc_embedding([d.text for d in docs]) if cfg.embed_scale else None
    return _held_out(counts, docs, list(range(len(docs))), taxonomy, k, seed, cfg, E)


def nested_cross_validate(
    docs: list[LabelledDoc],
    taxonomy: Taxonomy,
    k: int = 5,
    seed: int = 0,
    cfg: TrainConfig | None = None,
    tune_langs: set[str] | None = None,
    progress: Callable[[str], None] = lambda s: None,
) -> tuple[dict[str, list[str]], dict[str, dict[str, float]], list[Decoding]]:
    """Held-out labels whose thresholds never saw the labels of the documents they decode.

    One k-fold run (near-duplicates kept in one fold) gives held-out probabilities for every
    document; the thresholds that decode fold f are tuned on the held-out probabilities of
    the other folds only (their documents of `tune_langs`). A full nested run (an inner
    cross-validation per outer fold) costs k times the training on this 2-core machine; here
    the models that predicted the other folds did learn from fold f's documents, a far
    smaller leak than tuning on fold f itself. Returns (labels, probabilities, decoding per fold).
    """
    cfg = cfg or TrainConfig()
    counts = CorpusCounts.of([d.text for d in docs], cfg.min_df)
    E = doc_embedding([d.text for d in docs]) if cfg.embed_scale else None
    progress(f"{len(counts.features)} features")
    rows = list(range(len(docs)))
    fold_of = assign_folds(docs, k, seed)
    probs: dict[str, dict[str, float]] = {}
    for f in range(k):
        model, cols = _fit(counts, docs, [i for i in rows if fold_of[i] != f], taxonomy, cfg, E=E)
        probs.update(_predict(model, cols, counts, docs, [i for i in rows if fold_of[i] == f], E))
        progress(f"fold {f + 1}/{k} done")
    labels: dict[str, list[str]] = {}
    chosen: list[Decoding] = []
    for f in range(k):
        tune_on = [docs[i] for i in rows if fold_of[i] != f and (not tune_langs or docs[i].lang in tune_langs)]
        decoding = tune_decoding(tune_on, probs, taxonomy)
        chosen.append(decoding)
        labels.update(decode_all([docs[i] for i in rows if fold_of[i] == f], probs, taxonomy, decoding))
    return labels, probs, chosen


def decode_all(docs: list[LabelledDoc], probs: dict[str, dict[str, float]], taxonomy: Taxonomy, d: Decoding) -> dict[str, list[str]]:
    """Labels per document from held-out probabilities, with the classifier's own decoding rule."""
    import numpy as np  # lazy: numpy is slow to import; only this path needs it

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


def tune_decoding(docs: list[LabelledDoc], probs: dict[str, dict[str, float]], taxonomy: Taxonomy) -> Decoding:
    """Thresholds that maximise held-out samples-F1 (coarse first, then fine), over a small grid."""
    best = (-1.0, Decoding())
    for floor in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        for rel in (0.5, 0.6, 0.7, 0.8):
            d = Decoding(floor=floor, rel=rel)
            s = samples_f1(docs, decode_all(docs, probs, taxonomy, d), taxonomy)
            if s > best[0] + 1e-9:
                best = (s, d)
    coarse = best[1]
    best_fine = (-1.0, coarse)
    for sub_floor in (0.1, 0.2, 0.3, 0.4, 0.5):
        for sub_rel in (0.5, 0.7, 0.9):
            d = Decoding(floor=coarse.floor, rel=coarse.rel, sub_floor=sub_floor, sub_rel=sub_rel)
            s = samples_f1(docs, decode_all(docs, probs, taxonomy, d), taxonomy, "fine")
            if s > best_fine[0] + 1e-9:
                best_fine = (s, d)
    return best_fine[1]


def run_training(
    root: str | Path,
    taxonomy: Taxonomy,
    model_out: str | Path,
    pred_dir: str | Path | None = None,
    k: int = 5,
    seed: int = 0,
    cfg: TrainConfig | None = None,
    tune_langs: tuple[str, ...] = TUNE_LANGUAGES,
    progress: Callable[[str], None] = lambda s: None,
) -> dict[str, object]:
    """Cross-validate (thresholds per fold from the other folds), write the held-out labels,
    train on all documents with thresholds tuned on all held-out predictions, save.

    Returns a summary: per language, documents, documents labelled only Other, and the
    held-out samples-F1 overall, on the Other documents and on the labelled ones (this
    module's own count; score.py gives the reported one).
    """
    cfg = cfg or TrainConfig()
    docs = read_split(root, taxonomy)
    groups = duplicate_groups(docs)
    progress(f"{len(docs)} documents, {len(docs) - len(set(groups))} near-duplicates kept with their twin")
    predicted, probs, per_fold = nested_cross_validate(docs, taxonomy, k=k, seed=seed, cfg=cfg, tune_langs=set(tune_langs), progress=progress)
    # the shipped model's thresholds: tuned on every held-out prediction of the scored languages
    decoding = tune_decoding([d for d in docs if d.lang in tune_langs], probs, taxonomy)
    untuned = decode_all(docs, probs, taxonomy, Decoding())
    summary: dict[str, object] = {
        "decoding": decoding.__dict__, "decoding_per_fold": [d.__dict__ for d in per_fold], "folds": k, "seed": seed,
        "train_languages": list(cfg.train_langs) or "all", "embedding": cfg.embed_scale,
    }
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
            # the same held-out probabilities with the default thresholds: no tuning on them at all
            "coarse_untuned": round(samples_f1(part, untuned, taxonomy), 4),
            "fine_untuned": round(samples_f1(part, untuned, taxonomy, "fine"), 4),
        }
        if pred_dir is not None:
            out = Path(pred_dir)
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{lang}.jsonl").write_text("".join(document_line(d, predicted[d.name]) + "\n" for d in part), encoding="utf-8")
    use = [d for d in docs if not cfg.train_langs or d.lang in cfg.train_langs]
    model = train([d.text for d in use], [d.labels for d in use], parent_map(taxonomy), cfg, decoding)
    model.meta = {"taxonomy": taxonomy.name, "documents": str(len(use)), "trained_on": Path(root).name,
                  "languages": ",".join(sorted({d.lang for d in use}))}
    model.save(model_out)
    progress(f"model written to {model_out}")
    return summary
