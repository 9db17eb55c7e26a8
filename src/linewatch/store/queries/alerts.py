"""Alerts as the analyst reads them: dated by their evidence, linked to it."""
from __future__ import annotations

import json
from typing import Any

from linewatch.store.protocol import Store

MAX_ALERTS = 100


def _ref(raw: Any) -> dict[str, Any]:
    try:
        ref = json.loads(raw or "{}")
    except ValueError:
        return {}
    return ref if isinstance(ref, dict) else {}


def recent_alerts(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """The newest alerts by the date of their evidence (`as_of`), each with a link to that evidence.

    `link` is the statement or event page with the sentence highlighted (else the document),
    `evidence_date` the day the evidence is from; `created_at` (when linewatch noticed) stays available.
    """
    rows = store.query(
        "SELECT id, kind, created_at, as_of, message, ref FROM alerts"
        " ORDER BY as_of DESC NULLS LAST, created_at DESC, id DESC LIMIT ?", [min(limit, MAX_ALERTS)])
    refs = {r["id"]: _ref(r.pop("ref")) for r in rows}
    ev_ids = sorted({str(ref["evidence"]) for ref in refs.values() if ref.get("evidence")})
    evidence: dict[str, dict[str, Any]] = {}
    if ev_ids:
        marks = ",".join("?" for _ in ev_ids)
        evidence = {e["id"]: e for e in store.query(
            f"SELECT id, item_kind, item_id, doc_id, date FROM scenario_evidence WHERE id IN ({marks})", ev_ids)}
    for r in rows:
        ref = refs[r["id"]]
        ev = evidence.get(str(ref.get("evidence") or ""), {})
        kind, item = ev.get("item_kind"), ev.get("item_id")
        doc = ev.get("doc_id") or ref.get("doc_id")
        if kind in ("statement", "event") and item:
            r["link"] = f"/{kind}/{item}#hl"
        elif doc:
            r["link"] = f"/document/{doc}"
        else:
            r["link"] = None
        r["evidence_date"] = ev.get("date") or r.get("as_of")
        r["evidence_kind"], r["evidence_item"] = kind, item
    return rows
