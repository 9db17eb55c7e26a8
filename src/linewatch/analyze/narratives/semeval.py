"""SemEval-2025 Task 10 subtask 2 data: reading it, cross-validating and training the shipped model.

    linewatch narratives train --semeval ../shared/eval/semeval2025_t10 [--folds 5]

reads `<L>/subtask-2-annotations.txt` + `<L>/raw-documents/` for every language
folder, maps the task's labels to the bundled taxonomy's ids, runs k-fold
cross-validation (train on k-1 folds, predict the held-out fold) writing one
`document` JSON line per file so `score.py narratives` can score it, then learns
the final model on all documents and writes it beside the taxonomy.
"""
from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from linewatch.analyze.narratives.classifier import Decoding, TrainConfig, choose, train
from linewatch.analyze.narratives.taxonomy import Taxonomy
from linewatch.errors import InputError

MAX_DOC_BYTES = 2_000_000


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


def document_line(doc: LabelledDoc, labels: Iterable[str]) -> str:
    return json.dumps({"doc": doc.name, "kind": "document", "language": doc.lang, "date": None, "narratives": list(labels)}, ensure_ascii=False)


def cross_validate(
    docs: list[LabelledDoc],
    taxonomy: Taxonomy,
    k: int = 5,
    seed: int = 0,
    cfg: TrainConfig | None = None,
    decoding: Decoding | None = None,
    progress: Callable[[str], None] = lambda s: None,
) -> dict[str, list[float]]:
    """Held-out probabilities for every document: {doc name: probabilities by label}.

    Folds are stratified by language (each language split k ways), and every
    fold's model learns from both languages.
    """
    by_lang: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_lang.setdefault(d.lang, []).append(i)
    fold_of: dict[int, int] = {}
    for _lang, members in by_lang.items():
        for f, part in enumerate(folds(len(members), k, seed)):
            for j in part:
                fold_of[members[j]] = f
    out: dict[str, dict[str, float]] = {}
    parents = parent_map(taxonomy)
    for f in range(k):
        train_idx = [i for i in range(len(docs)) if fold_of[i] != f]
        test_idx = [i for i in range(len(docs)) if fold_of[i] == f]
        model = train([docs[i].text for i in train_idx], [docs[i].labels for i in train_idx], parents, cfg, decoding)
        for i in test_idx:
            probs, _ = model.probabilities(docs[i].text)
            out[docs[i].name] = dict(zip(model.labels, probs.tolist()))
        progress(f"fold {f + 1}/{k} done")
    return out


def decode_all(docs: list[LabelledDoc], probs: dict[str, dict[str, float]], taxonomy: Taxonomy, d: Decoding) -> dict[str, list[str]]:
    """Labels per document from held-out probabilities, with the classifier's own decoding rule."""
    import numpy as np

    labels = sorted({l for p in probs.values() for l in p})
    parents = parent_map(taxonomy)
    parent_list = [parents.get(l) or "" for l in labels]
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
    for floor in (0.2, 0.3, 0.4, 0.5):
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
    progress: Callable[[str], None] = lambda s: None,
) -> dict[str, object]:
    """Cross-validate, tune the decoding on held-out predictions, write them, train on all, save.

    Returns a summary: documents per language, the decoding chosen and the
    held-out samples-F1 (this module's own count; score.py gives the reported one).
    """
    docs = read_split(root, taxonomy)
    progress(f"{len(docs)} documents")
    probs = cross_validate(docs, taxonomy, k=k, seed=seed, cfg=cfg, progress=progress)
    decoding = tune_decoding(docs, probs, taxonomy)
    predicted = decode_all(docs, probs, taxonomy, decoding)
    untuned = decode_all(docs, probs, taxonomy, Decoding())
    summary: dict[str, object] = {"decoding": decoding.__dict__, "folds": k, "seed": seed}
    for lang in sorted({d.lang for d in docs}):
        part = [d for d in docs if d.lang == lang]
        summary[lang] = {
            "documents": len(part),
            "coarse": round(samples_f1(part, predicted, taxonomy), 4),
            "fine": round(samples_f1(part, predicted, taxonomy, "fine"), 4),
            # the same held-out probabilities with the default thresholds: no tuning on them at all
            "coarse_untuned": round(samples_f1(part, untuned, taxonomy), 4),
            "fine_untuned": round(samples_f1(part, untuned, taxonomy, "fine"), 4),
        }
        if pred_dir is not None:
            out = Path(pred_dir)
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{lang}.jsonl").write_text("".join(document_line(d, predicted[d.name]) + "\n" for d in part), encoding="utf-8")
    model = train([d.text for d in docs], [d.labels for d in docs], parent_map(taxonomy), cfg, decoding)
    model.meta = {"taxonomy": taxonomy.name, "documents": str(len(docs)), "trained_on": Path(root).name}
    model.save(model_out)
    progress(f"model written to {model_out}")
    return summary
