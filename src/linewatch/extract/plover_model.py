"""A small learnt PLOVER type coder that backs the trigger rules of `extract/events.py`.

Why: rules and trigger lists tuned until the visible PLOVER records came out right
scored 0.81 on them and 0.54 on the held-out half. A logistic regression over the
sentence's lemmas, the types of every trigger in it, the rules' own verdict (the
candidate's type, the main trigger's type) and negation/future/condition flags
learns how far to trust each rule instead.

Inference is plain numpy: the model is a vocabulary, a weight matrix and the class
names in `data/models/plover_type.npz`, built by

    python -m linewatch.extract.plover_train ../shared/eval/plover/plover_gsr_visible.json

which also prints its 5-fold cross-validated accuracy (no record is in training and
testing at once): that figure, not the one on the training records, predicts unseen
text. Without the model file the rules decide alone.

The features that carry over between languages are the trigger and rule types (from
the per-language trigger lists); the lemma features only fire where the training
records' language (English) is read.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from linewatch.extract.plover import base_type
from linewatch.lexicon import data_path
from linewatch.model import Span
from linewatch.nlp.doc import Doc
from linewatch.nlp.linear import softmax_scores

MODEL_FILE = ("models", "plover_type.npz")
MAX_TOKENS = 200  # a run-on "sentence" is read from its start only


def model_path() -> Path:
    return data_path(*MODEL_FILE)


@dataclass(frozen=True)
class RuleView:
    """What the rules saw in a sentence: every trigger's type, the main trigger's type after
    its modifiers (future, negation), and the modifier flags."""

    trigger_types: tuple[str, ...]
    main_type: str | None
    flags: tuple[str, ...]


def features(doc: Doc, span: Span, rule_type: str | None, kind: str, view: RuleView) -> Counter:
    """Sparse features of one candidate (a statement or an event) in its sentence."""
    f: Counter = Counter()
    f["kind:" + kind] = 1.0
    base = base_type(rule_type)
    f["rule:" + (base or "NONE")] = 1.0
    if rule_type and rule_type.upper() != base:
        f["label:" + rule_type.upper()] = 1.0  # ACCUSE / APPEAL
    for t in set(view.trigger_types):
        f["trig:" + (base_type(t) or t)] = 1.0
    f["main:" + (base_type(view.main_type) or "NONE")] = 1.0
    for flag in view.flags:
        f["flag:" + flag] = 1.0
    for tok in doc.tokens_in(span)[:MAX_TOKENS]:
        word = (tok.lemma or tok.text).casefold()
        if word.isalpha() and len(word) > 1:
            f[f"w:{doc.lang}:{word}"] = 1.0
    return f


@dataclass
class PloverModel:
    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, n_classes)
    bias: np.ndarray  # (n_classes,)
    classes: tuple[str, ...]

    def probabilities(self, feats: Counter) -> np.ndarray:
        return softmax_scores(feats, self.vocab, self.weights, self.bias)

    def predict(self, feats: Counter) -> tuple[str, float]:
        p = self.probabilities(feats)
        k = int(p.argmax())
        return self.classes[k], float(p[k])

    def recode(self, feats: Counter, rule: str | None, margin: float) -> str | None:
        """The model's type where it beats the rules' type by `margin` of probability, else the rules'."""
        return recode(self.probabilities(feats), self.classes, rule, margin)


def recode(p: np.ndarray, classes: tuple[str, ...] | list[str], rule: str | None, margin: float) -> str | None:
    k = int(p.argmax())
    rule_p = float(p[list(classes).index(rule)]) if rule in classes else 0.0
    return str(classes[k]) if float(p[k]) - rule_p >= margin else rule


@cache
def load_model(path: str | None = None) -> PloverModel | None:
    """The shipped model (or the one at `path`), or None when there is none."""
    file = Path(path) if path else model_path()
    if not file.exists():
        return None
    with np.load(file, allow_pickle=False) as z:
        vocab = {str(name): i for i, name in enumerate(z["vocab"].tolist())}
        return PloverModel(vocab, z["weights"].astype(np.float32), z["bias"].astype(np.float32),
                           tuple(str(c) for c in z["classes"].tolist()))


def save_model(vocab: list[str], weights: np.ndarray, bias: np.ndarray, classes: list[str], path: Path | None = None) -> None:
    np.savez_compressed(path or model_path(), vocab=np.array(vocab), weights=weights.astype(np.float16),
                        bias=bias.astype(np.float32), classes=np.array(classes))
    load_model.cache_clear()
