"""Build the target-given stance model from NewsMTSC-style data, with honest cross-validation.

    python -m linewatch.analyze.stance.train en ../shared/eval/newsmtsc/train.jsonl [--folds 5]
        [--oof OUT.jsonl]   # out-of-fold predictions in the `linewatch stance` output format
    python -m linewatch.analyze.stance.train ru ../shared/eval/ruopinionne/train.jsonl --format ruopinionne

Input: JSON Lines with `sentence_normalized` and `targets` (`from`, `to`,
`mention`, `polarity` 2/4/6 = oppose/neutral/support), or RuOpinionNE's
(`text`, `opinions` with a `Target` span and `Polarity` POS/NEG; see
`load_ruopinionne` for where its neutral examples come from). Folds are split by
sentence so that no sentence (with its other targets) is in training and
testing at once. The out-of-fold predictions can be scored with
`score.py stance OOF.jsonl GOLD.jsonl`: that figure, not a score on the
training data, is the model's accuracy. The final model is then trained on all
of the data and written to `data/lang/<lang>/stance_model.npz`.

Needs scikit-learn (training only; inference is numpy).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np

from linewatch.analyze.stance.model import LABELS, features, save_model
from linewatch.analyze.stance.score import score_toward

POLARITY = {2.0: "oppose", 4.0: "neutral", 6.0: "support"}
RU_POLARITY = {"NEG": "oppose", "POS": "support"}
MIN_DF = 3


@cache
def name_re() -> re.Pattern[str]:
    """A run of capitalised words: a name, the neutral targets of a sentence without opinions.
    Capitalised in any alphabet ("Łukasz Żółkiewski", "Świnoujście", not only A-Z and А-Я): the
    class holds every letter `str.isupper` calls upper case (built once, about 0.1 s)."""
    upper = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isupper())
    return re.compile(rf"[{upper}][\w-]*(?:\s+[{upper}][\w-]*)*")


def _rows(path: Path) -> Iterator[tuple[int, dict]]:
    """(sentence number, row) of a JSON Lines file: the sentence number groups the CV folds."""
    with path.open(encoding="utf-8") as fh:
        for sent_no, line in enumerate(fh):
            if line.strip():
                yield sent_no, json.loads(line)


def load_items(path: Path) -> list[dict]:
    items = []
    for sent_no, row in _rows(path):
        for t in row.get("targets") or []:
            label = POLARITY.get(float(t.get("polarity", 0)))
            if label:
                items.append({"id": str(t["Input.gid"]), "text": row["sentence_normalized"],
                              "span": (int(t["from"]), int(t["to"])), "label": label, "group": sent_no})
    return items


def load_ruopinionne(path: Path) -> list[dict]:
    """RuOpinionNE items. Its opinions are only positive or negative, so the neutral class is
    made of the names (runs of capitalised words, less the sentence's first word) of its
    sentences without any opinion: a name the annotators saw and judged nobody to be for or
    against. Names in sentences with opinions are left out (an annotator may have skipped an
    opinion there)."""
    items = []
    for sent_no, row in _rows(path):
        text, opinions = row["text"], row.get("opinions") or []
        seen = set()
        for k, op in enumerate(opinions):
            label = RU_POLARITY.get(op.get("Polarity"))
            start, end = (int(x) for x in op["Target"][1][0].split(":"))
            if label and end > start and (start, end, label) not in seen:
                seen.add((start, end, label))
                items.append({"id": f"{row['sent_id']}:{k}", "text": text, "span": (start, end),
                              "label": label, "group": sent_no})
        if opinions:
            continue
        for k, m in enumerate(name_re().finditer(text)):
            start = m.start()
            if start == 0:  # the sentence's first word is capitalised whatever it is: the name may follow it
                rest = m.group().split(None, 1)
                if len(rest) < 2:
                    continue
                start = m.end() - len(rest[1])
            items.append({"id": f"{row['sent_id']}:n{k}", "text": text, "span": (start, m.end()),
                          "label": "neutral", "group": sent_no})
    return items


def _matrix(feats: list[Counter], vocab: dict[str, int]):
    from scipy.sparse import csr_matrix  # lazy: scipy is slow to import; only training/clustering needs it

    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        for name, v in f.items():
            j = vocab.get(name)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(float(v))
    return csr_matrix((vals, (rows, cols)), shape=(len(feats), len(vocab)), dtype=np.float32)


def _vocab(feats: list[Counter]) -> dict[str, int]:
    df: Counter = Counter()
    for f in feats:
        df.update(f.keys())
    names = sorted(n for n, c in df.items() if c >= MIN_DF)
    return {n: i for i, n in enumerate(names)}


def _fit(feats: list[Counter], labels: list[str], c: float = 0.1):
    from sklearn.linear_model import LogisticRegression  # lazy: scikit-learn is the optional train extra

    vocab = _vocab(feats)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit(_matrix(feats, vocab), [LABELS.index(y) for y in labels])
    return vocab, clf


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lang")
    ap.add_argument("data", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--oof", type=Path, help="write out-of-fold predictions here")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--format", choices=("newsmtsc", "ruopinionne"), default="newsmtsc")
    ap.add_argument("--C", type=float, default=0.1, help="inverse regularisation strength (5-fold CV accuracy on NewsMTSC train: C=0.5 0.612, 0.15 0.623, 0.1 0.625)")
    args = ap.parse_args(argv)
    items = (load_ruopinionne if args.format == "ruopinionne" else load_items)(args.data)
    feats = [features(it["text"], it["span"], args.lang) for it in items]
    labels = [it["label"] for it in items]
    groups = np.array([it["group"] for it in items])
    rng = np.random.default_rng(0)
    fold_of_group = {g: int(rng.integers(args.folds)) for g in sorted(set(groups.tolist()))}
    fold = np.array([fold_of_group[g] for g in groups.tolist()])
    oof: list[tuple[str, float]] = [("neutral", 0.0)] * len(items)
    for k in range(args.folds):
        train = np.flatnonzero(fold != k)
        test = np.flatnonzero(fold == k)
        vocab, clf = _fit([feats[i] for i in train], [labels[i] for i in train], args.C)
        proba = clf.predict_proba(_matrix([feats[i] for i in test], vocab))
        for i, p in zip(test.tolist(), proba):
            oof[i] = (LABELS[int(p.argmax())], float(p.max()))
    correct = sum(1 for (p, _), y in zip(oof, labels) if p == y)
    lexicon = sum(1 for it, y in zip(items, labels) if score_toward(it["text"], it["span"], args.lang).label == y)
    mix = Counter(labels)
    print(f"{args.folds}-fold CV (split by sentence): accuracy={correct / len(items):.3f} on {len(items)} targets "
          f"({', '.join(f'{k} {mix[k]}' for k in LABELS)}); the lexicon alone {lexicon / len(items):.3f}",
          file=sys.stderr)
    if args.oof:
        with args.oof.open("w", encoding="utf-8") as out:
            for it, (label, conf) in zip(items, oof):
                out.write(json.dumps({"doc": it["id"], "kind": "stance", "target": it["text"][it["span"][0]:it["span"][1]],
                                      "target_span": list(it["span"]), "stance": label, "speaker": None,
                                      "speaker_span": None, "confidence": round(conf, 3)}) + "\n")
    if not args.no_save:
        vocab, clf = _fit(feats, labels, args.C)
        names = [None] * len(vocab)
        for n, i in vocab.items():
            names[i] = n
        save_model(args.lang, names, clf.coef_.T, clf.intercept_)  # type: ignore[arg-type]
        print(f"saved model: {len(vocab)} features", file=sys.stderr)


if __name__ == "__main__":
    main()
