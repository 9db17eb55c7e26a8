"""The learnt parts of the stance stage: alignment relation, features, shipped weights."""
from __future__ import annotations

import numpy as np

from linewatch.analyze.stance import learnt
from linewatch.analyze.stance.alignment import relation


def _facts(**kw) -> learnt.StatementFacts:
    base = dict(plover=None, relation="adversary", target_where="content", target_kind="state",
                rule_label="neutral", rule_score=0.0, lex_score=0.0,
                cue_counts={"negative": 0, "positive": 0, "demand": 0, "rejection": 0},
                negated=False, hostile_to_own=False, self_obliged=False, lang="en")
    base.update(kw)
    return learnt.StatementFacts(**base)


def test_relation_by_blocs() -> None:
    assert relation("RUS", "POL") == "adversary"
    assert relation("RUS", "BLR") == "ally"
    assert relation("POL", "NATO") == "ally"
    assert relation("POL", "POL") == "own"
    assert relation("RUS", "CHN") == "other"
    assert relation(None, "POL") == "unknown"


def test_self_obliged_demand_is_no_hostile_act() -> None:
    assert "act:hostile" in learnt.stance_features(_facts(plover="DEMAND"))
    assert "act:none" in learnt.stance_features(_facts(plover="DEMAND", self_obliged=True))


def test_shipped_models_load_and_accusation_of_the_adversary_is_opposition() -> None:
    assert learnt.load(learnt.TARGET_MODEL) is not None
    label, p = learnt.predict_stance(_facts(plover="ACCUSE", rule_label="oppose", rule_score=-1.5, lex_score=-1.0,
                                            cue_counts={"negative": 2, "positive": 0, "demand": 0, "rejection": 0}))
    assert label == "oppose" and 0.34 < p <= 1.0


def test_model_round_trip(tmp_path) -> None:
    m = learnt.LinearModel(["a", "b"], np.array([[1.0, -1.0], [0.5, 0.0]]), np.array([0.0, 0.1]))
    path = tmp_path / "m.npz"
    learnt.save("x", m, path)
    with np.load(path) as z:
        assert [str(n) for n in z["names"]] == ["a", "b"]
    assert m.scores([{"a": 1.0, "zzz": 3.0}]).shape == (1, 2)


def test_prior_shift_is_saved_and_moves_the_probabilities(tmp_path) -> None:
    m = learnt.LinearModel(["a"], np.array([[1.0, 0.0, 0.0]]), np.zeros(3), np.log(np.array([0.5, 2.0, 1.0])))
    path = tmp_path / "m.npz"
    learnt.save("x", m, path)
    with np.load(path) as z:
        assert np.allclose(z["prior_shift"], m.prior_shift)
    p = learnt.probabilities(m, [{"a": 0.0}])[0]
    assert np.allclose(p, [0.5 / 3.5, 2.0 / 3.5, 1.0 / 3.5])


def test_estimate_prior_recovers_a_shifted_class_mix() -> None:
    # a classifier that is right 80% of the time, trained where the classes were 70/20/10,
    # reads text where they are 40/50/10: EM finds the new mix from its posteriors alone
    rng = np.random.default_rng(0)
    train = np.array([0.7, 0.2, 0.1])
    truth = rng.choice(3, size=4000, p=[0.4, 0.5, 0.1])
    likelihood = np.full((3, 3), 0.1) + np.eye(3) * 0.7  # p(evidence | class), rows = class
    evidence = np.array([rng.choice(3, p=likelihood[c]) for c in truth])
    posteriors = likelihood[:, evidence].T * train
    posteriors /= posteriors.sum(axis=1, keepdims=True)
    estimated = learnt.estimate_prior(posteriors, train, fixed=(2,))
    assert abs(estimated[0] - 0.4) < 0.05 and abs(estimated[1] - 0.5) < 0.05 and estimated[2] == 0.1
