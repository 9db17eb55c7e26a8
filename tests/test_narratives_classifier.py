"""The learnt document classifier: features, training, save/load, hierarchical decoding, SemEval."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from linewatch.analyze.narratives.classifier import (
    ANY,
    Decoding,
    DocumentClassifier,
    TrainConfig,
    choose,
    count_matrix,
    tfidf_rows,
    train,
)
from linewatch.analyze.narratives.features import (
    HASH_BITS,
    HashedSpace,
    analyze,
    feature_bucket,
    pack_strings,
    unpack_strings,
)
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
    cfg = TrainConfig(min_df=1, C=10.0, keep=500, embedding=False)
    return train([t for t, _ in TOY], [l for _, l in TOY], PARENTS, cfg, Decoding(floor=0.5, rel=0.6, sub_floor=0.4, sub_rel=0.7))


def test_features_are_tagged_and_bounded() -> None:
    feats = analyze("Санкции ударили")
    assert "w:санкции" in feats and "w:санкции ударили" in feats and "c: са" in feats  # word-boundary padding
    assert any(f.startswith("c:") for f in feats)
    assert unpack_strings(pack_strings(["a", "б", ""])) == ["a", "б", ""]


def test_tfidf_vector_blocks_are_unit_length() -> None:
    buckets = np.array(sorted({feature_bucket("w:gas"), feature_bucket("w:price"), feature_bucket("c: ga")}), dtype=np.int64)
    space = HashedSpace(buckets=buckets, idf=np.ones(len(buckets), dtype=np.float32))
    idx, vals = space.vector("gas price gas")
    word_cols = {int(np.searchsorted(buckets, feature_bucket(f))) for f in ("w:gas", "w:price")}
    words = [v for i, v in zip(idx, vals) if int(i) in word_cols]
    assert len(words) == 2 and abs(sum(v * v for v in words) - 1.0) < 1e-5
    assert len(idx) == 3  # the char n-gram ' ga' too; every other feature of the text is not in the space


def test_features_are_hashed_stably_into_two_blocks() -> None:
    # crc32, not Python's salted hash(): a shipped model must read the same buckets in every process
    assert feature_bucket("w:gas") == feature_bucket("w:gas") < (1 << HASH_BITS) <= feature_bucket("c:gas")
    assert feature_bucket("w:санкции") != feature_bucket("w:санкция")


def test_hierarchical_prediction_and_other(toy_model: DocumentClassifier) -> None:
    got = [s.label for s in toy_model.predict("Because of sanctions Europeans pay far more for gas.")]
    assert got[0] == "cons" and "cons-sanctions" in got and "praise" not in got
    assert toy_model.predict("The bakery sold bread at the festival.") == []
    top = toy_model.predict("Russian missiles and troops advance.")[0]
    assert top.label == "praise" and top.evidence  # the words that pushed it
    assert set(top.evidence) <= {"russian", "missiles", "and", "troops", "advance", "russian missiles", "missiles and", "and troops", "troops advance"}


def test_training_matrix_and_run_time_vector_agree(toy_model: DocumentClassifier) -> None:
    """The batch features of training and the one-text features of run time are the same numbers."""
    texts = [t for t, _ in TOY] + ["Something unseen about gas and sanctions, Санкции."]
    batch = toy_model.probabilities_of(tfidf_rows(count_matrix(texts), range(len(texts)), toy_model.space))
    for i, t in enumerate(texts):
        single, _ = toy_model.probabilities(t)
        assert np.allclose(batch[i], single, atol=1e-4)


def test_per_label_floor() -> None:
    labels, parents = ["a", "b"], ["", ""]
    probs = np.array([0.35, 0.25])
    assert choose(labels, parents, probs, Decoding(floor=0.4, rel=0.6)) == []  # Other
    assert choose(labels, parents, probs, Decoding(floor=0.4, rel=0.6, thresholds={"b": 0.2})) == [0, 1]  # b clears its own floor, a is within rel
    assert choose(labels, parents, probs, Decoding(floor=0.3, rel=0.9)) == [0]


def test_the_any_classifier_decides_other_and_is_never_a_label() -> None:
    cfg = TrainConfig(min_df=1, C=10.0, keep=500, any_model=True, embedding=False)
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
    with np.load(tax.classifier, allow_pickle=False) as z:  # hashed features: no word of the training texts is shipped
        assert "vocab" not in z.files and z["buckets"].dtype.kind == "i"
    labels = [s.label for s in clf.predict("Зеленский и киевский режим воруют западную помощь, ВСУ бегут, неонацисты правят Украиной. " * 3)]
    assert labels and labels[0].startswith("urw-")


def test_semeval_cross_validation_end_to_end(shared_dir: Path, tmp_path: Path) -> None:
    """Held-out (2-fold) predictions on a small slice score above chance with score.py."""
    from linewatch.analyze.narratives.semeval import cross_validate, decode_all, document_line, read_split

    tax = load_taxonomy("semeval2025-t10")
    docs = [d for d in read_split(shared_dir / "eval" / "semeval2025_t10", tax) if d.lang == "ru"][:60]
    cfg = TrainConfig(keep=1000, embedding=False)
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


def test_shipped_model_on_semeval_training_documents(shared_dir: Path) -> None:
    """The shipped model reads the documents it learnt from as it learnt them (hashing, features, mix):
    in-sample it must label most of them right; a feature mismatch would drop this to chance."""
    from linewatch.analyze.narratives.semeval import read_split, samples_f1

    tax = load_taxonomy("semeval2025-t10")
    clf = DocumentClassifier.load(tax.classifier)
    docs = read_split(shared_dir / "eval" / "semeval2025_t10", tax)
    sample = [d for d in docs if d.lang == "en"][:15] + [d for d in docs if d.lang == "ru"][:15]
    predicted = {d.name: [s.label for s in clf.predict(d.text)] for d in sample}
    assert all(set(v) <= set(tax.by_id) for v in predicted.values())
    assert samples_f1(sample, predicted, tax) > 0.6
