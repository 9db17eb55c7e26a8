"""Shipped embedding packs answer for the texts they hold, and only for the same model."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from linewatch.nlp import embed as E


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("LINEWATCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(E, "_memory", {})
    monkeypatch.setattr(E, "_packs_loaded", False)
    return tmp_path


def _pack(path: Path, text: str, kind: str, vec: np.ndarray, model: str | None = None) -> None:
    E.write_pack([E._key(text, kind)], vec[None, :], path)
    if model:  # rewrite with another model name
        np.savez_compressed(path, model=np.array(model), keys=np.array([E._key(text, kind)]), vectors=vec[None, :])


def test_pack_answers_without_the_model(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vec = np.zeros(E.DIM, dtype=np.float32)
    vec[3] = 1.0
    _pack(fresh / "p.npz", "Minsk acts lawfully", "query", vec)
    monkeypatch.setattr(E, "pack_paths", lambda: [fresh / "p.npz"])
    monkeypatch.setattr(E, "_get_model", lambda: pytest.fail("the model must not be needed"))
    out = E.embed(["Minsk acts lawfully"], kind="query")
    assert out.shape == (1, E.DIM) and out[0, 3] == 1.0


def test_pack_of_another_model_is_ignored(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vec = np.ones(E.DIM, dtype=np.float32) / np.sqrt(E.DIM)
    _pack(fresh / "p.npz", "text", "query", vec, model="some-other-model")
    monkeypatch.setattr(E, "pack_paths", lambda: [fresh / "p.npz"])
    E._load_packs()
    assert E._key("text", "query") not in E._memory
