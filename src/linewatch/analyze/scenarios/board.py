"""The scenarios board: current weights, weight history and the evidence × scenario matrix.

Uses `linewatch.analyze.scenarios.check` (scenario_sets / scenario_status /
scenario_history / evidence_matrix) for the sets checked into the store; otherwise
(weights written without a checked set, as the sample data does) reads the scenario
tables directly, so the board never breaks the dashboard.
"""
from __future__ import annotations

import json
import logging
from typing import Any

from linewatch.analyze.scenarios import check as sc
from linewatch.store.protocol import Store
from linewatch.store.queries import scenarios as scenario_q

log = logging.getLogger("linewatch.web")
MAX_EVIDENCE_ROWS = 300


def _empty() -> dict[str, Any]:
    return {"sets": [], "set": None, "scenarios": [], "history": {"dates": [], "series": []}, "rows": [], "columns": []}


def _history(rows: list[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    """Step series of probability per scenario over the as_of days."""
    by_day: dict[str, dict[str, float]] = {}
    for r in rows:
        by_day.setdefault(r["as_of"], {})[r["scenario_id"]] = float(r["probability"])
    dates = sorted(by_day)
    series = []
    for sid, label in labels.items():
        last = None
        data = []
        for d in dates:
            last = by_day[d].get(sid, last)
            data.append(None if last is None else round(last, 3))
        series.append({"name": label, "data": data})
    return {"dates": dates, "series": series}


def _from_analyze(store: Store, chosen: str | None) -> dict[str, Any] | None:
    sets = sc.scenario_sets(store)
    if not sets:
        return None
    ids = [d["id"] for d in sets]
    set_id = chosen if chosen in ids else ids[0]
    status = sc.scenario_status(store, set_id, evidence_limit=5)
    matrix = sc.evidence_matrix(store, set_id)
    columns = [{"id": s["id"], "label": s.get("label") or s["id"]} for s in matrix["scenarios"]]
    labels = {c["id"]: c["label"] for c in columns}
    rows = []
    for r in matrix["rows"][-MAX_EVIDENCE_ROWS:][::-1]:
        rows.append({
            "date": r.get("date"), "indicator": r.get("indicator_label") or r.get("indicator_id"),
            "item_kind": r.get("item_kind"), "item_id": r.get("item_id"), "doc_id": r.get("doc_id"),
            "speaker": r.get("speaker"), "sentence": r.get("sentence"), "counted": r.get("counted", True),
            "cells": [r["cells"].get(c["id"], {}) for c in columns],
        })
    scenarios = [{"id": s["scenario_id"], "label": s.get("label") or s["scenario_id"], "probability": float(s["probability"]),
                  "as_of": s.get("as_of"), "leading": s.get("leading", False), "for": s.get("for", 0),
                  "against": s.get("against", 0)} for s in status]
    scenarios.sort(key=lambda s: -s["probability"])
    return {"sets": [{"id": d["id"], "label": d.get("label") or d["id"]} for d in sets], "set": set_id,
            "scenarios": scenarios, "history": _history(sc.scenario_history(store, set_id), labels),
            "rows": rows, "columns": columns}


def _from_tables(store: Store, chosen: str | None) -> dict[str, Any]:
    sets = scenario_q.weighted_sets(store)
    if not sets:
        return _empty()
    set_id = chosen if chosen in sets else sets[0]
    hist = scenario_q.board_weights(store, set_id)
    latest: dict[str, dict[str, Any]] = {}
    for r in hist:
        latest[r["scenario_id"]] = r
    columns = [{"id": sid, "label": sid} for sid in sorted(latest)]
    rows = []
    for ev in scenario_q.board_evidence(store, set_id, MAX_EVIDENCE_ROWS):
        try:
            detail = json.loads(ev.get("detail") or "{}")
        except ValueError:
            detail = {}
        deltas = detail.get("deltas") if isinstance(detail.get("deltas"), dict) else {}
        rows.append({"date": ev["date"], "indicator": detail.get("indicator_label") or ev["indicator_id"],
                     "item_kind": ev["item_kind"], "item_id": ev["item_id"], "doc_id": ev["doc_id"],
                     "speaker": detail.get("speaker"), "sentence": detail.get("sentence"), "counted": True,
                     "cells": [{"delta": deltas.get(c["id"], 0.0)} for c in columns]})
    scenarios = sorted(({"id": sid, "label": sid, "probability": float(r["probability"]), "as_of": r["as_of"],
                         "leading": False, "for": 0, "against": 0} for sid, r in latest.items()),
                       key=lambda s: -s["probability"])
    if scenarios:
        scenarios[0]["leading"] = True
    return {"sets": [{"id": s, "label": s} for s in sets], "set": set_id, "scenarios": scenarios,
            "history": _history(hist, {c["id"]: c["label"] for c in columns}), "rows": rows, "columns": columns}


def scenario_board(store: Store, chosen: str | None = None) -> dict[str, Any]:
    try:
        board = _from_analyze(store, chosen)
    except Exception:  # another stage's code must not take the page down
        log.exception("scenario board: falling back to the tables")
        board = None
    return board if board is not None else _from_tables(store, chosen)
