#!/usr/bin/env python3
"""Train the stance stage's target ranker and stance model on the visible gold sets.

    python scripts/train_statement_stance.py                 # train on the tune folds (0-2), report check folds
    python scripts/train_statement_stance.py --folds all     # train on every visible document (the shipped model)
    python scripts/train_statement_stance.py --no-save       # report only
    python scripts/train_statement_stance.py --cv --no-save  # and leave-one-fold-out figures
    python scripts/train_statement_stance.py --cross-set --no-save  # train on 2021's sets, test on 2022-24's, and back
    python scripts/train_statement_stance.py --folds all --prior-texts 'DIR/*.txt'  # see below
    python scripts/train_statement_stance.py --folds all --extra-gold DIR  # and more gold sets, see below

It runs the pipeline on the seed, ``seed/dev/`` and ``seed/dev-other-crises/``
(``LINEWATCH_SHARED`` or ../shared), ties each predicted statement to a gold
statement the way ``score.py gold`` does, and learns

* which of the actors a statement names is the gold target (a softmax over the
  candidates, features in ``analyze/stance/learnt.py``);
* the gold stance toward the chosen target (3-way logistic regression).

Gold targets that are no candidate (nothing the text names resolves to them) and
optional gold statements are left out. It prints accuracy on the training documents
and on the others (with --folds tune, the check folds: that figure, not the training
one, predicts unseen text). Weights go to ``src/linewatch/data/models/``.
Needs only numpy (the models are fitted by plain gradient descent).

``--extra-gold DIR`` (repeatable) adds folders laid out like ``seed/dev/`` (``NN-name/text.txt``
and ``gold.yaml``), e.g. sets annotated in-house. Their documents are always training documents:
the cross-validation still holds out only visible folds, and ``--cross-set`` puts each in the
period of its publication year.

The visible gold is about 65% oppose: the documents were chosen for their conflicts.
``--prior-texts`` reads unlabelled articles of the kind the model is to be used on, estimates
their oppose/neutral mix from the model's own posteriors (EM, ``learnt.estimate_prior``;
support keeps its training share) and stores the shift in the model, which then leans
toward the estimated mix. It cannot be checked on the visible folds (their mix is the
training one, so the shift lowers them): judge it on held-out articles only.
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = mod
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


folds = _module("eval_folds", HERE / "eval_folds.py")
scorer = _module("lw_score", folds.SHARED / "eval" / "score.py")

from linewatch.actors.registry import actor_registry  # noqa: E402
from linewatch.analyze.stance import component as stage  # noqa: E402
from linewatch.analyze.stance import learnt  # noqa: E402
from linewatch.analyze.stance.targets import choose_target  # noqa: E402
from linewatch.cli.contract import extract_documents  # noqa: E402
from linewatch.config import load_config  # noqa: E402
from linewatch.runner import build_pipeline  # noqa: E402

L2 = 3.0  # chosen by cross-validation by fold of documents (1-10 tried)
RANKER_L2 = 3.0  # the same cross-validation (0.3-10 tried)
STEPS = 3000
RATE = 0.1


def extractor():
    """extract(path, default date) -> the pipeline's (label, doc) pairs, with the configured registries."""
    config = load_config()
    pipeline = build_pipeline(config.pipeline_kwargs())
    registry = actor_registry(config.registries)
    return lambda path, default: extract_documents(path, pipeline, default, None, registry=registry)


def statement_choices(doc) -> Iterator[tuple]:
    """(statement, rule target, named actors, ranker candidates) in the order the stage reads
    the statements (the rule target of one depends on the statement before)."""
    previous = None
    for st in doc.statements[: stage.MAX_STATEMENTS]:
        rule_target, named = choose_target(doc, st, previous)
        previous = st
        facts = stage.candidate_facts(doc, st, named) if rule_target and rule_target.kind != "previous" else []
        yield st, rule_target, named, facts


def collect(docs: list) -> list[dict]:
    """For every matched required gold statement: candidates with labels, and the stance inputs."""
    extract = extractor()
    items: list[dict] = []
    for gd in docs:
        default = date.fromisoformat(folds.SEED_DATE) if gd.set == "seed" else None
        gold = scorer.load_gold_doc(gd.gold)
        try:
            extracted = extract(str(gd.text), default)
        except Exception as exc:  # an extraction bug on one document: train on the others
            print(f"skipped {gd.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for label, doc in extracted:
            sts = sorted(doc.statements, key=lambda s: s.content_span)
            rows = [s.to_contract(label) for s in sts]
            preds = scorer._pred_statements(rows, gold.text)
            pairs = scorer.greedy_match(len(preds), len(gold.statements),
                                        lambda p, g, preds=preds, gold=gold: scorer._statement_match(preds[p], gold.statements[g]))
            by_pred = dict(pairs)
            for st, rule_target, named, facts in statement_choices(doc):
                g = by_pred.get(sts.index(st))
                if g is None or gold.statements[g].optional:
                    continue
                gs = gold.statements[g]
                hits = [any(scorer.names_match(f.candidate.name, t) for t in gs.targets) for f in facts]
                items.append({"doc": gd.name, "fold": gd.fold, "set": gd.set, "st": st, "docobj": doc, "named": named,
                              "rule_target": rule_target, "facts": facts, "hits": hits, "gold": gs})
    return items


def feature_matrix(rows: list[dict], index: dict[str, int]) -> np.ndarray:
    """(rows x features) of feature dicts, columns by `index`."""
    x = np.zeros((len(rows), len(index)))
    for r, f in enumerate(rows):
        for n, v in f.items():
            x[r, index[n]] = v
    return x


def fit_ranker(groups: list[tuple[list[dict], int]]) -> learnt.LinearModel:
    names = sorted({n for rows, _ in groups for f in rows for n in f})
    index = {n: i for i, n in enumerate(names)}
    mats = [(feature_matrix(rows, index), y) for rows, y in groups]
    w = np.zeros(len(names))
    for _ in range(STEPS):
        grad = RANKER_L2 * w / max(1, len(mats))
        for x, y in mats:
            p = learnt.softmax(x @ w)
            grad += (x.T @ p - x[y]) / len(mats)
        w -= RATE * grad
    return learnt.LinearModel(names, w[:, None], np.zeros(1))


def fit_softmax(rows: list[dict], ys: list[int], n_out: int) -> learnt.LinearModel:
    names = sorted({n for f in rows for n in f})
    x = feature_matrix(rows, {n: i for i, n in enumerate(names)})
    y = np.zeros((len(rows), n_out))
    y[np.arange(len(rows)), ys] = 1.0
    w = np.zeros((len(names), n_out))
    b = np.zeros(n_out)
    for _ in range(STEPS):
        p = learnt.softmax(x @ w + b)
        g = (p - y) / len(rows)
        w -= RATE * (x.T @ g + L2 * w / len(rows))
        b -= RATE * g.sum(axis=0)
    return learnt.LinearModel(names, w, b)


def target_groups(items: list[dict]) -> list[tuple[list[dict], int]]:
    out = []
    for it in items:
        if len(it["facts"]) < 2 or not any(it["hits"]):
            continue
        out.append((learnt.target_rows(it["facts"], it["st"].speaker_country), it["hits"].index(True)))
    return out


def chosen_target(it: dict, ranker: learnt.LinearModel | None):
    """The target as the stage picks it (`component.pick_target`), with the ranker being fitted."""
    return stage.pick_target(it["docobj"], it["st"], it["rule_target"], it["named"], ranker, it["facts"])


def stance_rows(items: list[dict], ranker: learnt.LinearModel | None) -> tuple[list[dict], list[int], list[tuple]]:
    """Stance features toward the chosen target, gold labels, and what the stage needs to
    bound the model's label (`component.final_stance`)."""
    rows, ys, context = [], [], []
    for it in items:
        gs = it["gold"]
        if gs.stance not in learnt.STANCE_LABELS:
            continue
        own, rs, facts = stage.stance_inputs(it["docobj"], it["st"], chosen_target(it, ranker), it["named"])
        rows.append(learnt.stance_features(facts))
        ys.append(learnt.STANCE_LABELS.index(gs.stance))
        context.append((own, facts, rs))
    return rows, ys, context


def stance_accuracy(items: list[dict], ranker: learnt.LinearModel | None, model: learnt.LinearModel | None) -> tuple[float, int]:
    """Accuracy of the stage's final label (the model's, bounded as the stage does; rules without a model)."""
    rows, ys, context = stance_rows(items, ranker)
    ok = 0
    for row, y, (own, facts, rs) in zip(rows, ys, context):
        prob = learnt.probabilities(model, [row])[0] if model is not None else None
        pred = (learnt.STANCE_LABELS[int(prob.argmax())], float(prob.max())) if prob is not None else None
        ok += stage.final_stance(own, facts, rs, pred)[0] == learnt.STANCE_LABELS[y]
    return ok / max(1, len(ys)), len(ys)


def fit(train: list[dict]) -> tuple[learnt.LinearModel, learnt.LinearModel]:
    ranker = fit_ranker(target_groups(train))
    rows, ys, _ = stance_rows(train, ranker)
    return ranker, fit_softmax(rows, ys, len(learnt.STANCE_LABELS))


def cross_validate(items: list[dict]) -> None:
    """Leave one fold of documents out, for each of the five: the mean is the figure to compare."""
    stance, target = [], []
    for k in range(folds.FOLDS):
        ranker, model = fit([it for it in items if it["fold"] != k])
        held = [it for it in items if it["fold"] == k]
        stance.append(stance_accuracy(held, ranker, model)[0])
        target.append(target_accuracy(held, ranker)[0])
        print(f"fold {k}: target {target[-1]:.3f} stance {stance[-1]:.3f}")
    print(f"cross-validated mean: target {np.mean(target):.3f} stance {np.mean(stance):.3f}")


EARLY_SETS = ("seed", "dev", "extra-2021")  # the 2021 crisis; the rest is 2022-24


def _gold_year(gold: Path) -> str:
    """The publication year, else the year of the first dated statement (many pages print no date)."""
    data = yaml.safe_load(gold.read_text(encoding="utf-8")) or {}
    published = str((data.get("document") or {}).get("publication_date") or "")
    dates = [str(s.get("date") or "") for s in data.get("statements") or []]
    return published[:4] or next((d[:4] for d in dates if d), "")


def extra_documents(folders: list[str]) -> list:
    """Gold documents of extra sets, always in training (fold -1), named by period. One with no
    year at all trains but takes no side in --cross-set (its period is unknown)."""
    docs = []
    for folder in folders:
        for sub in sorted(Path(folder).iterdir()):
            gold, text = sub / "gold.yaml", sub / "text.txt"
            if gold.is_file() and text.is_file():
                year = _gold_year(gold)
                period = "extra-2021" if year == "2021" else "extra-2022" if year else "extra-undated"
                docs.append(folds.GoldDocument(period, sub.name, folds.gold_language(gold), text, gold, -1))
    return docs


def cross_set(items: list[dict]) -> None:
    """Train on one period's sets, test on the other's (2021: seed and dev; 2022-24: other crises):
    a shift of period and crisis, nearer to what unseen articles look like than a fold of the same sets.
    Extra sets only train: the test side is the visible sets of the other period."""
    early = [it for it in items if it["set"] in EARLY_SETS]
    late = [it for it in items if it["set"] not in EARLY_SETS and it["set"] != "extra-undated"]
    visible = {"seed", "dev", "other"}
    for name, train, test in (("2021 -> 2022-24", early, late), ("2022-24 -> 2021", late, early)):
        test = [it for it in test if it["set"] in visible]
        ranker, model = fit(train)
        (stance, n), (target, m) = stance_accuracy(test, ranker, model), target_accuracy(test, ranker)
        print(f"cross-set {name}: target {target:.3f} (n={m}) stance {stance:.3f} (n={n})")


def unlabelled_rows(paths: list[str], ranker: learnt.LinearModel) -> list[dict]:
    """Stance features of every statement of unlabelled articles, toward the target the stage picks."""
    extract = extractor()
    rows = []
    for path in paths:
        for _, doc in extract(path, None):
            for st, rule_target, named, facts in statement_choices(doc):
                target = stage.pick_target(doc, st, rule_target, named, ranker, facts)
                rows.append(learnt.stance_features(stage.stance_inputs(doc, st, target, named)[2]))
    return rows


def prior_shift(model: learnt.LinearModel, train_rows: list[dict], unlabelled: list[dict]) -> np.ndarray:
    """log(estimated prior of the unlabelled text / training prior), support held at its share."""
    train = learnt.probabilities(model, train_rows).mean(axis=0)
    estimated = learnt.estimate_prior(learnt.probabilities(model, unlabelled), train,
                                      fixed=(learnt.STANCE_LABELS.index("support"),))
    return np.log(estimated / train)


def target_accuracy(items: list[dict], ranker: learnt.LinearModel | None) -> tuple[float, int]:
    judged = [it for it in items if it["gold"].targets]
    ok = 0
    for it in judged:
        t = chosen_target(it, ranker)
        ok += bool(t) and any(scorer.names_match(t.shown_name, g) for g in it["gold"].targets)
    return ok / max(1, len(judged)), len(judged)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", choices=("tune", "all"), default="tune")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--cv", action="store_true", help="also report 5-fold cross-validation by document")
    ap.add_argument("--cross-set", action="store_true", help="also train on one period's sets and test on the other's")
    ap.add_argument("--extra-gold", action="append", default=[], metavar="DIR",
                    help="another folder of NN-name/{text.txt,gold.yaml} to train on (repeatable)")
    ap.add_argument("--prior-texts", help="glob of unlabelled articles whose oppose/neutral mix the model should assume")
    args = ap.parse_args()
    docs = folds.gold_documents(folds.SHARED) + extra_documents(args.extra_gold)
    items = collect(docs)
    if args.cv:
        cross_validate(items)
    if args.cross_set:
        cross_set(items)
    train = [it for it in items if args.folds == "all" or it["fold"] in folds.TUNE_FOLDS or it["fold"] < 0]
    held = [it for it in items if it["fold"] in folds.CHECK_FOLDS and args.folds == "tune"]
    ranker, model = fit(train)
    if args.prior_texts:
        paths = sorted(glob.glob(args.prior_texts))
        model.prior_shift = prior_shift(model, stance_rows(train, ranker)[0], unlabelled_rows(paths, ranker))
        print(f"prior shift from {len(paths)} unlabelled articles: "
              + " ".join(f"{k} {v:+.2f}" for k, v in zip(learnt.STANCE_LABELS, model.prior_shift)))
    for name, part in (("train", train), ("held-out (check folds)", held)):
        if not part:
            continue
        rule_t, n = target_accuracy(part, None)
        learnt_t, _ = target_accuracy(part, ranker)
        rule_acc, _ = stance_accuracy(part, ranker, None)
        acc, m = stance_accuracy(part, ranker, model)
        print(f"{name}: target rule {rule_t:.2f} learnt {learnt_t:.2f} (n={n}); "
              f"stance rule {rule_acc:.2f} learnt {acc:.2f} (n={m})")
    if not args.no_save:
        learnt.save(learnt.TARGET_MODEL, ranker)
        learnt.save(learnt.STANCE_MODEL, model)
        print(f"saved {learnt.model_file(learnt.TARGET_MODEL)} and {learnt.model_file(learnt.STANCE_MODEL)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
