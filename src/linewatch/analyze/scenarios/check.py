"""Scenarios and indicators: evidence from the store, weights over time, an audit trail, alerts.

`check(store, scenario_set)` turns every statement, event or narrative match
that fires an indicator into a row of `scenario_evidence` linked to its source
(document id, offsets, sentence), then replays the evidence in date order:

* the scenarios of a set compete (as hypotheses in ACH): each starts from its
  prior and each piece of evidence multiplies it by the indicator's likelihood
  ratio for that scenario (the diagnosticity; neutral = 1), then the weights
  are normalised to sum to one. A weight row stores the probability and its
  log-odds;
* a story counts once: evidence from documents of the same `story_members`
  group (copies, rewrites, translations) or the same document only adds to the
  record, not to the weight; and a distinct story for an indicator that
  already had n stories in the previous `repeat_window_days` weighs
  `repeat_decay`^n, so one talking point repeated thirty times in a fortnight
  cannot swamp everything else, while the same signal weeks later is news;
  and one story that fires several indicators moves each scenario by the
  strongest of them, not by their sum (correlated indicators are not
  independent evidence);
* beside each weight an ACH-style consistency score: (C - I) / (C + I) where C
  and I count consistent and inconsistent evidence (strong = 2);
* every change is a `scenario_weights` row whose `reason` names the indicator
  and the evidence (speaker, sentence, document); `alerts` get a row when an
  indicator fires for the first time and when the leading scenario changes.

A check replaces the set's previous evidence, weights and alerts in one
transaction, so re-running it rebuilds the same state and never duplicates.
The read functions below (status, history, matrix, summary) serve the CLI,
the dashboard and briefings.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from linewatch.actors.registry import actor_registry
from linewatch.analyze.scenarios.file import ScenarioSet, load_scenario_set
from linewatch.analyze.scenarios.match import ActorLookup, Item, Match, find_matches, load_items
from linewatch.config import load_config
from linewatch.errors import InputError
from linewatch.model import stable_id
from linewatch.store.protocol import Store
from linewatch.store.queries import scenarios as q
from linewatch.store.queries import stories as story_q

ALERT_KINDS = ("indicator_fired", "leading_scenario")
STRONG = math.log(3.0)  # |log LR| at or above this counts double in the ACH tally
EXCERPT = 240


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _loads(value: Any, default: Any) -> Any:
    if isinstance(value, (dict, list)):
        return value
    try:
        return json.loads(value or "")
    except (TypeError, ValueError):
        return default


def _excerpt(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


# --------------------------------------------------------------------------- evaluation


@dataclass
class _State:
    score: float  # log prior + the sum of log-likelihood ratios (unnormalised)
    consistent: float = 0.0
    inconsistent: float = 0.0

    @property
    def consistency(self) -> float | None:
        total = self.consistent + self.inconsistent
        return None if total == 0 else (self.consistent - self.inconsistent) / total


def _probabilities(state: dict[str, _State]) -> dict[str, float]:
    """Normalised weights of competing scenarios (a softmax of their scores)."""
    top = max(st.score for st in state.values())
    raw = {k: math.exp(st.score - top) for k, st in state.items()}
    total = sum(raw.values())
    return {k: v / total for k, v in raw.items()}


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


@dataclass
class CheckResult:
    set_id: str
    label: str
    evidence: int = 0
    counted: int = 0
    alerts: int = 0
    fired: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)  # scenario id -> probability
    leading: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "set_id": self.set_id, "label": self.label, "evidence": self.evidence, "counted": self.counted,
            "alerts": self.alerts, "fired": self.fired, "weights": self.weights, "leading": self.leading,
        }


def story_groups(store: Store) -> dict[str, str]:
    """doc id -> story group id (documents that are copies of one story share it)."""
    return story_q.story_of(store)


def _doc_info(store: Store) -> dict[str, dict[str, Any]]:
    return q.document_info(store)


def _evidence_detail(m: Match, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    it = m.item
    doc = docs.get(it.doc_id, {})
    detail: dict[str, Any] = {
        "indicator_label": m.indicator.label,
        "indicator_kind": m.indicator.kind,
        "sentence": _excerpt(it.sentence),
        "start": it.start,
        "end": it.end,
        "speaker": it.values.get("speaker") or it.values.get("source"),
        "target": it.values.get("target"),
        "plover": it.values.get("plover"),
        "stance": it.values.get("stance"),
        "narrative": it.values.get("narrative"),
        "confidence": round(it.confidence, 3),
        "language": it.language,
        "doc_title": doc.get("title"),
        "doc_url": doc.get("url"),
        "outlet": doc.get("outlet"),
        # What to cite: a stance is cited through the statement that carries it.
        "source_item": ({"kind": "statement", "id": it.values["statement_id"]}
                        if it.kind == "stance" and it.values.get("statement_id") else {"kind": it.kind, "id": it.id}),
    }
    detail.update(m.detail)
    return {k: v for k, v in detail.items() if v not in (None, "")}


def check(store: Store, scenario_set: ScenarioSet, registry: Any = None) -> CheckResult:
    """Evaluate one scenario set against the store and replace its evidence, weights and alerts."""
    lookup = ActorLookup(registry)
    items = load_items(store, lookup)
    stories = story_groups(store)
    docs = _doc_info(store)
    matches: list[tuple[int, Match]] = []
    for order, indicator in enumerate(scenario_set.indicators):
        matches.extend((order, m) for m in find_matches(indicator, items, stories))
    matches.sort(key=lambda om: (om[1].item.date, om[0], om[1].item.doc_id, om[1].item.start, om[1].item_id))

    sid = scenario_set.id
    total_prior = sum(s.prior for s in scenario_set.scenarios)
    state = {s.id: _State(math.log(s.prior / total_prior)) for s in scenario_set.scenarios}
    seen_stories: dict[str, dict[str, str]] = {i.id: {} for i in scenario_set.indicators}  # story -> first evidence id
    counted_days: dict[str, list[date]] = {i.id: [] for i in scenario_set.indicators}  # days of counted stories
    # What each story has already done to each scenario: (largest rise, largest fall) so far.
    story_effect: dict[str, dict[str, list[float]]] = {}
    old_created = q.evidence_created(store, sid)
    old_alerts = {(r["kind"], _loads(r["ref"], {}).get("key")): r["created_at"] for r in _set_alerts(store, sid)}
    now = _now()
    start_day = matches[0][1].item.date.isoformat() if matches else date.today().isoformat()
    definition = _definition(scenario_set)

    evidence_rows: list[tuple[Any, ...]] = []
    weight_rows: list[tuple[Any, ...]] = []
    alert_rows: list[tuple[Any, ...]] = []
    for s, p in zip(scenario_set.scenarios, _probabilities(state).values()):
        reason = {"kind": "prior", "prior": s.prior, "scenario_label": s.label, "description": s.description,
                  "set": definition}
        weight_rows.append((sid, s.id, start_day, _logit(p), p, None, _dumps(reason), now))

    result = CheckResult(sid, scenario_set.label)
    leader = _leader(scenario_set, state)
    for n, (_, m) in enumerate(matches):
        ind = m.indicator
        day = m.item.date.isoformat()
        ev_id = stable_id("evidence", sid, ind.id, m.item_kind, m.item_id)
        story = stories.get(m.item.doc_id, m.item.doc_id)
        first_of_story = seen_stories[ind.id].get(story)
        detail = _evidence_detail(m, docs)
        detail["story"] = story
        result.evidence += 1
        if first_of_story is None and not seen_stories[ind.id]:
            message = f"Indicator '{ind.label}' fired for the first time on {day}: {_excerpt(m.item.sentence)}"
            key = f"{sid}/{ind.id}"
            alert_rows.append(("indicator_fired", old_alerts.get(("indicator_fired", key), now), day, message,
                               _dumps({"scenario_set": sid, "indicator": ind.id, "evidence": ev_id, "key": key,
                                       "doc_id": m.item.doc_id})))
            result.fired.append(ind.id)
        if first_of_story is not None:
            detail.update(counted=False, duplicate_of=first_of_story)
        else:
            recent = [d for d in counted_days[ind.id] if (m.item.date - d).days < ind.repeat_window_days]
            seen_stories[ind.id][story] = ev_id
            counted_days[ind.id].append(m.item.date)
            factor = ind.repeat_decay ** len(recent)
            deltas: dict[str, float] = {}
            overlap: dict[str, float] = {}
            effect = story_effect.setdefault(story, {})
            for scen in scenario_set.scenarios:
                llr = ind.diagnosticity.get(scen.id, 0.0) * factor
                if llr == 0.0:
                    continue
                # One story is one piece of evidence: when several indicators fire on it (a bomber
                # patrol is also "military unity" talk), a scenario moves by the strongest of them,
                # not by their sum; a weaker or equal signal from the same story adds nothing.
                rise, fall = effect.setdefault(scen.id, [0.0, 0.0])
                delta = max(0.0, llr - rise) if llr > 0 else min(0.0, llr - fall)
                effect[scen.id] = [max(rise, llr), min(fall, llr)]
                if delta != llr:
                    overlap[scen.id] = round(llr - delta, 4)
                if delta == 0.0:
                    continue
                st = state[scen.id]
                st.score += delta
                tally = (2.0 if abs(llr) >= STRONG * factor else 1.0) * abs(delta) / abs(llr)
                if delta > 0:
                    st.consistent += tally
                else:
                    st.inconsistent += tally
                deltas[scen.id] = round(delta, 4)
            # Every scenario gets a row: normalisation moves the others too, and the
            # reason says whether this evidence bore on it directly (delta) or not.
            probs = _probabilities(state)
            for scen in scenario_set.scenarios if deltas else ():
                reason = {
                    "kind": "evidence", "indicator": ind.id, "indicator_label": ind.label,
                    "diagnosticity": ind.labels.get(scen.id, "neutral"),
                    "log_lr": round(ind.diagnosticity.get(scen.id, 0.0), 4), "factor": round(factor, 4),
                    "delta": deltas.get(scen.id, 0.0), "evidence_id": ev_id, "item_kind": m.item_kind,
                    "item_id": m.item_id, "doc_id": m.item.doc_id, "doc_title": detail.get("doc_title"), "date": day,
                    "speaker": detail.get("speaker"), "sentence": detail.get("sentence"),
                    "start": m.item.start, "end": m.item.end, "story": story,
                }
                if scen.id in overlap:
                    reason["already_counted_in_story"] = overlap[scen.id]
                p = probs[scen.id]
                weight_rows.append((sid, scen.id, day, _logit(p), p, state[scen.id].consistency, _dumps(reason), now))
            detail.update(counted=True, factor=round(factor, 4), deltas=deltas)
            if overlap:
                detail["overlap"] = overlap
            result.counted += 1
        evidence_rows.append((ev_id, sid, ind.id, m.item_kind, m.item_id, m.item.doc_id, day, _dumps(detail),
                              old_created.get(ev_id, now)))
        # The leader is compared once a day's evidence is all in, so one day's order does not flap it.
        next_day = matches[n + 1][1].item.date.isoformat() if n + 1 < len(matches) else None
        if next_day != day:
            new_leader = _leader(scenario_set, state)
            if new_leader != leader:
                old_label = scenario_set.scenario(leader).label if leader else "none"
                new_scen = scenario_set.scenario(new_leader)
                message = (f"Leading scenario is now '{new_scen.label}' (p={_probabilities(state)[new_leader]:.2f}),"
                           f" was '{old_label}'")
                key = f"{sid}/{day}/{new_leader}"
                alert_rows.append(("leading_scenario", old_alerts.get(("leading_scenario", key), now), day, message,
                                   _dumps({"scenario_set": sid, "scenario": new_leader, "previous": leader,
                                           "key": key, "evidence": ev_id})))
                leader = new_leader

    q.replace_set_results(store, sid, [r["id"] for r in _set_alerts(store, sid)], evidence_rows, weight_rows,
                          alert_rows)
    result.alerts = len(alert_rows)
    result.weights = {k: round(v, 4) for k, v in _probabilities(state).items()}
    result.leading = _leader(scenario_set, state)
    return result


def _leader(scenario_set: ScenarioSet, state: dict[str, _State]) -> str | None:
    best = max(scenario_set.scenarios, key=lambda s: state[s.id].score, default=None)
    return best.id if best else None


def _set_alerts(store: Store, set_id: str) -> list[dict[str, Any]]:
    """This set's alerts (the set id is inside the JSON `ref`, so filter after a coarse LIKE)."""
    rows = q.alerts_like(store, ALERT_KINDS, set_id)
    return [r for r in rows if _loads(r["ref"], {}).get("scenario_set") == set_id]


def _definition(scenario_set: ScenarioSet) -> dict[str, Any]:
    """What status pages need to show a set without its YAML: labels, priors, indicators."""
    return {
        "id": scenario_set.id, "label": scenario_set.label, "description": scenario_set.description,
        "source": scenario_set.source,
        "scenarios": [{"id": s.id, "label": s.label, "prior": s.prior} for s in scenario_set.scenarios],
        "indicators": [{"id": i.id, "label": i.label, "kind": i.kind, "diagnosticity": i.labels}
                       for i in scenario_set.indicators],
    }


def configured_files(config: Any = None) -> list[Path]:
    """Scenario files of the workspace (`[scenarios] files`), else the shipped data/scenarios/*.yaml."""
    if config is None:
        config = load_config()
    return list(config.scenario_files())


def load_configured(config: Any = None, files: list[str | Path] | None = None) -> list[ScenarioSet]:
    """Every scenario file read and validated first, so nothing runs on a half-read set."""
    if config is None:
        config = load_config()
    taxonomies = tuple(Path(p) for p in getattr(config, "taxonomies", []) or [])
    registries = tuple(str(p) for p in getattr(config, "registries", []) or [])
    paths = [Path(f) for f in files] if files else configured_files(config)
    if not paths:
        raise InputError("no scenario files (set [scenarios] files in linewatch.toml or pass --file)")
    sets = [load_scenario_set(p, taxonomies=taxonomies, registries=registries) for p in paths]
    ids = [s.id for s in sets]
    dup = next((i for i in ids if ids.count(i) > 1), None)
    if dup:
        raise InputError(f"two scenario files define the set {dup!r}", where=", ".join(str(p) for p in paths))
    return sets


def check_all(store: Store, config: Any = None, files: list[str | Path] | None = None) -> list[dict[str, Any]]:
    """Evaluate every configured scenario file (the demo calls this); one summary dict per set."""
    registry = actor_registry(config.registries) if config is not None else None
    return [check(store, s, registry).as_dict() for s in load_configured(config, files)]


# --------------------------------------------------------------------------- reading results


def scenario_sets(store: Store) -> list[dict[str, Any]]:
    """The sets that have been checked into this store, with their definitions."""
    rows = q.prior_weights(store)
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        reason = _loads(r["reason"], {})
        if reason.get("kind") == "prior" and r["scenario_set"] not in out:
            out[r["scenario_set"]] = reason.get("set") or {"id": r["scenario_set"], "label": r["scenario_set"]}
    return list(out.values())


def _latest_weights(store: Store, set_id: str) -> dict[str, dict[str, Any]]:
    rows = q.weight_rows(store, set_id)
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        out[r["scenario_id"]] = r  # the last row of each scenario is its current weight
    return out


def _evidence(store: Store, set_id: str, start: str | None = None, end: str | None = None) -> list[dict[str, Any]]:
    rows = q.evidence_rows(store, set_id, start, end)
    for r in rows:
        r["detail"] = _loads(r["detail"], {})
    return rows


def _evidence_view(r: dict[str, Any], scenario_id: str | None = None) -> dict[str, Any]:
    """One evidence row for display and citation; a count or shift cites the item that completed it."""
    d = r["detail"]
    source = d.get("source_item") or {}
    aggregate = r["item_kind"] == "aggregate"
    view = {
        "evidence_id": r["id"], "indicator_id": r["indicator_id"], "indicator_label": d.get("indicator_label"),
        "item_kind": source.get("kind", r["item_kind"]) if aggregate else r["item_kind"],
        "item_id": source.get("id", r["item_id"]) if aggregate else r["item_id"], "aggregate": aggregate,
        "doc_id": r["doc_id"], "date": r["date"],
        "speaker": d.get("speaker"), "sentence": d.get("sentence"), "start": d.get("start"), "end": d.get("end"),
        "doc_title": d.get("doc_title"), "doc_url": d.get("doc_url"), "outlet": d.get("outlet"),
        "counted": bool(d.get("counted")), "duplicate_of": d.get("duplicate_of"), "story": d.get("story"),
    }
    if scenario_id is not None:
        view["delta"] = (d.get("deltas") or {}).get(scenario_id, 0.0)
    return view


def scenario_status(store: Store, set_id: str | None = None, evidence_limit: int = 20) -> list[dict[str, Any]]:
    """Each scenario with its weight, consistency and the evidence that moved it most."""
    out: list[dict[str, Any]] = []
    for definition in scenario_sets(store):
        if set_id and definition["id"] != set_id:
            continue
        latest = _latest_weights(store, definition["id"])
        evidence = _evidence(store, definition["id"])
        ranked = sorted(((s["id"], latest.get(s["id"], {}).get("log_odds", -1e9)) for s in definition["scenarios"]),
                        key=lambda x: -x[1])
        leader = ranked[0][0] if ranked else None
        for scen in definition["scenarios"]:
            w = latest.get(scen["id"])
            if w is None:
                continue
            views = [_evidence_view(r, scen["id"]) for r in evidence]
            moved = sorted((v for v in views if v["delta"]), key=lambda v: (-abs(v["delta"]), v["date"] or ""))
            reason = _loads(w["reason"], {})
            out.append({
                "set_id": definition["id"], "set_label": definition.get("label"), "scenario_id": scen["id"],
                "label": scen["label"], "prior": scen["prior"], "probability": w["probability"],
                "log_odds": w["log_odds"], "consistency": w["consistency"], "as_of": w["as_of"],
                "leading": scen["id"] == leader, "evidence_count": len(moved),
                "for": sum(1 for v in moved if v["delta"] > 0), "against": sum(1 for v in moved if v["delta"] < 0),
                "last_reason": reason, "evidence": moved[:evidence_limit],
            })
    return out


def scenario_history(store: Store, set_id: str, scenario_id: str | None = None) -> list[dict[str, Any]]:
    """The timeline of weights with the reason for every change, oldest first."""
    rows = q.weight_history(store, set_id, scenario_id)
    for r in rows:
        r["reason"] = _loads(r["reason"], {})
    return rows


def evidence_matrix(store: Store, set_id: str) -> dict[str, Any]:
    """Evidence × scenarios (ACH matrix): per evidence row, per scenario its diagnosticity and effect."""
    definition = next((d for d in scenario_sets(store) if d["id"] == set_id), None)
    if definition is None:
        return {"set_id": set_id, "scenarios": [], "indicators": [], "rows": []}
    latest = _latest_weights(store, set_id)
    labels = {i["id"]: i.get("diagnosticity", {}) for i in definition["indicators"]}
    rows = []
    for r in _evidence(store, set_id):
        view = _evidence_view(r)
        deltas = r["detail"].get("deltas") or {}
        cells = {}
        for scen in definition["scenarios"]:
            label = labels.get(r["indicator_id"], {}).get(scen["id"], "neutral")
            delta = deltas.get(scen["id"], 0.0)
            mark = "C" if "for" in label or (label.startswith("LR") and delta > 0) else \
                "I" if "against" in label or (label.startswith("LR") and delta < 0) else "N"
            cells[scen["id"]] = {"diagnosticity": label, "delta": delta, "consistency": mark}
        view["cells"] = cells
        rows.append(view)
    scenarios = [{**s, "probability": latest.get(s["id"], {}).get("probability"),
                  "consistency": latest.get(s["id"], {}).get("consistency")} for s in definition["scenarios"]]
    return {"set_id": set_id, "label": definition.get("label"), "scenarios": scenarios,
            "indicators": definition["indicators"], "rows": rows}


def indicators_summary(store: Store, start: date | str | None, end: date | str | None) -> dict[str, Any]:
    """For briefings: per set, which indicators fired between start and end, and how weights moved."""
    s = start.isoformat() if isinstance(start, date) else start
    e = end.isoformat() if isinstance(end, date) else end
    sets = []
    for definition in scenario_sets(store):
        sid = definition["id"]
        evidence = _evidence(store, sid, s, e)
        first_dates = q.first_evidence_dates(store, sid)
        indicators = []
        for ind in definition["indicators"]:
            mine = [r for r in evidence if r["indicator_id"] == ind["id"]]
            if not mine:
                continue
            first = first_dates.get(ind["id"])
            indicators.append({
                "indicator_id": ind["id"], "label": ind["label"], "kind": ind["kind"], "evidence": len(mine),
                "stories": len({r["detail"].get("story") for r in mine}),
                "first_seen": first, "new": bool(first and (not s or first >= s)),
                "diagnosticity": ind.get("diagnosticity", {}),
                "examples": [_evidence_view(r) for r in mine if r["detail"].get("counted")][:3],
            })
        history = scenario_history(store, sid)
        scenarios = []
        for scen in definition["scenarios"]:
            rows = [h for h in history if h["scenario_id"] == scen["id"]]
            before = [h for h in rows if s and h["as_of"] < s and h["reason"].get("kind") == "evidence"]
            upto = [h for h in rows if not e or h["as_of"] <= e]
            p_start = before[-1]["probability"] if before else scen["prior"]
            p_end = upto[-1]["probability"] if upto else scen["prior"]
            scenarios.append({"scenario_id": scen["id"], "label": scen["label"], "p_start": p_start,
                              "p_end": p_end, "change": p_end - p_start})
        alerts = [a for a in q.alerts_of_kinds(store, ALERT_KINDS)
            if _loads(a["ref"], {}).get("scenario_set") == sid and (not s or (a["as_of"] or "") >= s)
            and (not e or (a["as_of"] or "") <= e)]
        sets.append({"set_id": sid, "label": definition.get("label"), "scenarios": scenarios,
                     "indicators": indicators, "alerts": [{k: a[k] for k in ("kind", "as_of", "message")} for a in alerts]})
    return {"start": s, "end": e, "sets": sets}


__all__ = [
    "CheckResult", "Item", "check", "check_all", "configured_files", "evidence_matrix", "indicators_summary",
    "load_configured", "load_scenario_set", "scenario_history", "scenario_sets", "scenario_status",
]
