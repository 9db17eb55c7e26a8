"""The optional learnt stance model: features, numpy inference, training with cross-validation."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from linewatch.analyze.stance.model import LABELS, StanceModel, features, load_model
from linewatch.analyze.stance.train import load_ruopinionne, main


def test_features_mark_the_target_neighbourhood() -> None:
    text = "Critics sharply attacked Smith over the scandal yesterday."
    f = features(text, (25, 30), "en")
    assert f["n:attacked"] == 1 and f["l:attacked"] == 1 and f["r:over"] == 1
    assert "w:smith" not in f  # the target's own words are left out
    assert f["lex:neg"] >= 1


def test_numpy_inference_matches_weights() -> None:
    vocab = {"lex:neg": 0, "lex:pos": 1}
    weights = np.array([[2.0, 0.0, -2.0], [-2.0, 0.0, 2.0]], dtype=np.float32)
    model = StanceModel(vocab, weights, np.zeros(3, dtype=np.float32))
    assert model.predict("They praised and thanked Jones.", (25, 30), "en")[0] == "support"
    label, confidence = model.predict("They blamed and condemned Jones.", (26, 31), "en")
    assert label == "oppose" and 0.5 < confidence <= 1.0
    assert abs(model.probabilities("Jones", (0, 5), "en").sum() - 1.0) < 1e-6


def test_shipped_english_model_loads() -> None:
    model = load_model("en")
    assert model is not None, "data/lang/en/stance_model.npz is shipped"
    assert model.weights.shape == (len(model.vocab), len(LABELS))
    assert load_model("xx") is None


def test_shipped_russian_model_loads() -> None:
    model = load_model("ru")
    assert model is not None, "data/lang/ru/stance_model.npz is shipped (learnt from RuOpinionNE)"
    assert model.weights.shape == (len(model.vocab), len(LABELS))


def test_ruopinionne_items_take_neutral_names_from_sentences_without_opinions(tmp_path: Path) -> None:
    text = "Губернатор Петров раскритиковал мэра Сидорова за провал."
    start = text.index("мэра Сидорова")
    span = f"{start}:{start + len('мэра Сидорова')}"
    opinion = {"Source": [["Петров"], ["11:17"]], "Target": [["мэра Сидорова"], [span]],
               "Polar_expression": [["раскритиковал"], ["18:31"]], "Polarity": "NEG"}
    rows = [{"sent_id": 7, "text": text, "opinions": [opinion, dict(opinion)]},  # a repeat counts once
            {"sent_id": 8, "text": "Вчера Иван Кузнецов приехал в Тверь.", "opinions": []}]
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    items = load_ruopinionne(data)
    assert [(it["text"][it["span"][0]:it["span"][1]], it["label"]) for it in items] == [
        ("мэра Сидорова", "oppose"), ("Иван Кузнецов", "neutral"), ("Тверь", "neutral")]
    assert items[1]["group"] == items[2]["group"] != items[0]["group"]


def test_training_cross_validation_writes_out_of_fold_predictions(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")

    rows = []
    words = {2.0: "condemned", 4.0: "met", 6.0: "praised"}
    for k in range(60):
        polarity = (2.0, 4.0, 6.0)[k % 3]
        text = f"The council {words[polarity]} Mayor{k} on day {k}."
        start = text.index(f"Mayor{k}")
        rows.append({"primary_gid": f"g{k}", "sentence_normalized": text, "targets": [
            {"Input.gid": f"t{k}", "from": start, "to": start + len(f"Mayor{k}"), "mention": f"Mayor{k}",
             "polarity": polarity}]})
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    oof = tmp_path / "oof.jsonl"
    main(["en", str(data), "--folds", "3", "--oof", str(oof), "--no-save"])
    preds = [json.loads(line) for line in oof.read_text(encoding="utf-8").splitlines()]
    assert len(preds) == 60
    right = sum(p["stance"] == ("oppose", "neutral", "support")[k % 3] for k, p in enumerate(preds))
    assert right >= 50


def test_ruopinionne_neutral_names_may_start_with_any_capital(tmp_path: Path) -> None:
    # a name's capital outside A-Z and А-Я (Ł, Ż, Ś) starts a name too
    rows = [{"sent_id": 1, "text": "Wczoraj Łukasz Żółkiewski przyjechał do Świnoujścia.", "opinions": []}]
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    items = load_ruopinionne(data)
    assert [(it["text"][it["span"][0]:it["span"][1]], it["label"]) for it in items] == [
        ("Łukasz Żółkiewski", "neutral"), ("Świnoujścia", "neutral")]
