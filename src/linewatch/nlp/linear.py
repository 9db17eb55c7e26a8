"""Softmax over a linear model of sparse named features: the run-time half of the small
learnt models (stance, PLOVER type), whose weights ship as numpy arrays."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np


def softmax_scores(feats: Mapping[str, float], vocab: Mapping[str, int], weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Class probabilities of `feats` (unknown feature names are ignored)."""
    x = np.zeros(len(vocab), dtype=np.float32)
    for name, value in feats.items():
        j = vocab.get(name)
        if j is not None:
            x[j] = value
    z = x @ weights + bias
    z = np.exp(z - z.max())
    return z / z.sum()
