"""The learnt document classifier: features, training, save/load, hierarchical decoding, SemEval."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from linewatch.analyze.narratives.classifier import ANY, Decoding, DocumentClassifier, TrainConfig, train
from linewatch.analyze.narratives.features import TfidfSpace, analyze, pack_strings, unpack_strings
from linewatch.analyze.narratives.taxonomy import load_taxonomy
from linewatch.errors import InputError

TOY = [
    ("Sanctions hurt Europe and gas prices soar for German industry.", {"cons", "cons-sanctions"}),
    ("European factories close because the sanctions backfired and energy is dear.", {"cons", "cons-sanctions"}),
    ("The sanctions boomerang: Europeans pay more for gas and heating.", {"cons", "cons-sanctions"}),
    ("Russian troops advance; the army shows its might with new missiles.", {"praise"}),
    ("The Russian army liberated another town, its missiles have no equal.", {"praise"}),
    ("Russian forces keep advancing with superior weapons and missiles.", {"praise"}),
    ("The weather was sunny and the harvest festival drew crowds.", set()),
    ("A new bakery opened downtown selling bread and cakes.", set()),
]
PARENTS = {"cons": None, "cons-sanctions": "cons", "praise": None}


@pytest.fixture(scope="module")
def toy_model() -> DocumentClassifier:
    cfg = TrainConfig(min_df=1, C=10.0, keep=500)
    return train([t for t, _ in TOY], [l for _, l in TOY], PARENTS, cfg, Decoding(floor=0.5, rel=0.6, sub_floor=0.4, sub_rel=0.7))


def test_features_are_tagged_and_bounded() -> None:
    feats = analyze("Санкции ударили")
    assert "w:санкции" in feats and "w:санкции ударили" in feats and "c: са" in feats  # word-boundary padding
    assert any(f.startswith("c:") for f in feats)
    assert unpack_strings(pack_strings(["a", "б", ""])) == ["a", "б", ""]


def test_tfidf_vector_blocks_are_unit_length() -> None:
    space = TfidfSpace(vocab={"w:gas": 0, "w:price": 1, "c: ga": 2}, idf=np.ones(3, dtype=np.float32))
    idx, vals = space.vector("gas price gas")
    words = [v for i, v in zip(idx, vals) if i in (0, 1)]
    assert abs(sum(v * v for v in words) - 1.0) < 1e-5


def test_hierarchical_prediction_and_other(toy_model: DocumentClassifier) -> None:
    got = [s.label for s in toy_model.predict("Because of sanctions Europeans pay far more for gas.")]
    assert got[0] == "cons" and "cons-sanctions" in got and "praise" not in got
    assert toy_model.predict("The bakery sold bread at the festival.") == []
    top = toy_model.predict("Russian missiles and troops advance.")[0]
    assert top.label == "praise" and top.evidence  # the words that pushed it


def test_the_any_classifier_decides_other_and_is_never_a_label() -> None:
    cfg = TrainConfig(min_df=1, C=10.0, keep=500, any_model=True)
    toy_model = train([t for t, _ in TOY], [l for _, l in TOY], PARENTS, cfg, Decoding(floor=0.5, rel=0.6))
    assert ANY in toy_model.labels
    p, _ = toy_model.probabilities("The bakery sold bread at the festival.")
    assert p[toy_model.labels.index(ANY)] < 0.5
    got = toy_model.predict("Sanctions backfired: Europeans pay more for gas.")
    assert got and ANY not in [s.label for s in got]


def test_save_load_roundtrip(tmp_path: Path, toy_model: DocumentClassifier) -> None:
    path = tmp_path / "m.npz"
    toy_model.save(path)
    again = DocumentClassifier.load(path)
    text = "sanctions backfired on Europe"
    assert [s.label for s in again.predict(text)] == [s.label for s in toy_model.predict(text)]
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="bad.npz"):
        DocumentClassifier.load(bad)


def test_shipped_model_is_small_and_predicts() -> None:
    tax = load_taxonomy("semeval2025-t10")
    assert tax.classifier.stat().st_size < 5_000_000
    clf = DocumentClassifier.load(tax.classifier)
    assert set(clf.labels) - {ANY} <= set(tax.by_id)
    labels = [s.label for s in clf.predict("Зеленский и киевский режим воруют западную помощь, ВСУ бегут, неонацисты правят Украиной. " * 3)]
    assert labels and labels[0].startswith("urw-")


def test_semeval_cross_validation_end_to_end(shared_dir: Path, tmp_path: Path) -> None:
    """Held-out (2-fold) predictions on a small slice score above chance with score.py."""
    from linewatch.analyze.narratives.semeval import cross_validate, decode_all, document_line, read_split

    tax = load_taxonomy("semeval2025-t10")
    docs = [d for d in read_split(shared_dir / "eval" / "semeval2025_t10", tax) if d.lang == "ru"][:60]
    cfg = TrainConfig(max_word_features=5000, max_char_features=5000, keep=1000)
    probs = cross_validate(docs, tax, k=2, cfg=cfg)
    pred = decode_all(docs, probs, tax, Decoding())
    out = tmp_path / "ru.jsonl"
    out.write_text("".join(document_line(d, pred[d.name]) + "\n" for d in docs), encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), "narratives", "--only-predicted", "--json", str(out),
         str(shared_dir / "eval" / "semeval2025_t10" / "RU" / "subtask-2-annotations.txt")],
        capture_output=True, text=True, check=True,
    )
    result = json.loads(score.stdout)
    assert result["overall"]["samples_f1_coarse"] > 0.3
