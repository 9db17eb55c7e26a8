"""A small learnt stance model for a given target (optional, per language).

Logistic regression over the words around the target and the lexicon
scorer's own output (`score.score_toward`). Inference is plain numpy:
the model is a vocabulary and a weight matrix in
`data/lang/<lang>/stance_model.npz`, built by

    python -m linewatch.analyze.stance.train en ../shared/eval/newsmtsc/train.jsonl

which also reports its 5-fold cross-validated accuracy (folds split by
sentence, so no sentence is seen in training and testing). Languages without
a model file use the lexicon scorer alone.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np

from linewatch.analyze.stance.score import score_toward
from linewatch.analyze.stance.words import words_with_spans
from linewatch.lexicon import data_path
from linewatch.model import Span, StanceLabel
from linewatch.nlp.linear import softmax_scores

LABELS: tuple[StanceLabel, ...] = ("oppose", "neutral", "support")
NEAR = 4  # words on each side that count as "near" the target
SIDE = 8  # words on each side whose side (left/right) is kept
MAX_WORDS = 400


def model_path(lang: str):
    return data_path("lang", lang, "stance_model.npz")


def features(text: str, span: Span | None, lang: str) -> Counter:
    """Sparse features of the text around the target."""
    words = words_with_spans(text)[:MAX_WORDS]
    idx = [k for k, (_, s, e) in enumerate(words) if span and s < span[1] and e > span[0]]
    first = idx[0] if idx else None
    last = idx[-1] if idx else None
    f: Counter = Counter()
    for k, (w, _, _) in enumerate(words):
        if idx and first <= k <= last:  # type: ignore[operator]
            continue
        f["w:" + w] += 1
        if first is not None and last is not None:
            d = first - k if k < first else k - last
            if d <= NEAR:
                f["n:" + w] += 1
            if d <= SIDE:
                f[("l:" if k < first else "r:") + w] += 1
    if first is not None:
        f["target_first"] = float(first == 0)
        f["target_rel_pos"] = first / max(1, len(words))
    lex = score_toward(text, span, lang)
    f["lex:score"] = lex.score
    f["lex:pos"] = sum(1 for _, v in lex.cues if v > 0)
    f["lex:neg"] = sum(1 for _, v in lex.cues if v < 0)
    f["lex:" + lex.label] = 1.0
    return f


@dataclass
class StanceModel:
    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, 3)
    bias: np.ndarray  # (3,)

    def probabilities(self, text: str, span: Span | None, lang: str) -> np.ndarray:
        return softmax_scores(features(text, span, lang), self.vocab, self.weights, self.bias)

    def predict(self, text: str, span: Span | None, lang: str) -> tuple[StanceLabel, float]:
        p = self.probabilities(text, span, lang)
        k = int(p.argmax())
        return LABELS[k], round(float(p[k]), 3)


@cache
def load_model(lang: str) -> StanceModel | None:
    """The shipped model of `lang`, or None."""
    path = model_path(lang)
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as z:
        vocab = {str(name): i for i, name in enumerate(z["vocab"].tolist())}
        return StanceModel(vocab, z["weights"].astype(np.float32), z["bias"].astype(np.float32))


def save_model(lang: str, vocab: list[str], weights: np.ndarray, bias: np.ndarray, path=None) -> None:
    target = path or model_path(lang)
    np.savez_compressed(target, vocab=np.array(vocab), weights=weights.astype(np.float16), bias=bias.astype(np.float32))
    load_model.cache_clear()
