"""Stance shifts as the analyst reviews them: each with a stable id, its evidence, and dismissable.

A shift ("Lavrov moved from support to oppose toward Belarus") is only as good as the
statements on each side of it; each carries the last statements before the change and
the first after it (sentence, date, document). An analyst who finds it false dismisses it:
the dismissal is a correction of item kind "shift" (field `wrong`), kept with who and when,
and dismissed shifts leave the dashboard, the CLI listing and the briefing.
"""
from __future__ import annotations

from typing import Any

from linewatch.analyze.stance.matrix import stance_shifts
from linewatch.model import stable_id
from linewatch.store.protocol import Store
from linewatch.store.queries import records
from linewatch.store.queries.corrections import add_corrections, corrections_for

EVIDENCE_EACH_SIDE = 2


def shift_id(shift: dict[str, Any]) -> str:
    return stable_id("shift", shift["speaker"], shift["target"], shift["change_date"], shift["before"], shift["after"])


def reviewed_shifts(store: Store, *, window_days: int = 14, min_count: int = 2,
                    include_dismissed: bool = False, newest: int | None = None) -> list[dict[str, Any]]:
    """Shifts with `id`, `evidence` (statements before and after, newest before first) and `dismissed`,
    oldest change first; `newest`: only that many of the latest (their evidence read in one query)."""
    shifts = stance_shifts(store, window_days=window_days, min_count=min_count)
    for s in shifts:
        s["id"] = shift_id(s)
    fixes = corrections_for(store, "shift", [s["id"] for s in shifts])
    out = []
    for s in shifts:
        wrong = fixes.get(s["id"], {}).get("wrong")
        s["dismissed"] = bool(wrong and wrong["new_value"] == "true")
        if s["dismissed"]:
            s["dismissed_by"] = wrong["author"]
            if not include_dismissed:
                continue
        out.append(s)
    if newest is not None:
        out = out[-newest:] if newest > 0 else []
    sides = {s["id"]: [("before", i) for i in s["statements_before"][-EVIDENCE_EACH_SIDE:]]
             + [("after", i) for i in s["statements_after"][:EVIDENCE_EACH_SIDE]] for s in out}
    found = {st["id"]: st for st in records.get_statements(store, [i for ids in sides.values() for _, i in ids])}
    for s in out:
        s["evidence"] = [{"side": side, "id": st["id"], "date": st.get("date"), "stance": st.get("stance"),
                          "sentence": st.get("sentence") or st.get("content"), "doc_id": st["doc_id"],
                          "outlet": st.get("doc_outlet")}
                         for side, sid in sides[s["id"]] if (st := found.get(sid))]
    return out


def dismiss_shift(store: Store, shift: str, author: str, note: str | None = None, undo: bool = False) -> int:
    """Mark a shift false (or true again); returns how many corrections were saved (0 if unchanged)."""
    current = corrections_for(store, "shift", [shift]).get(shift, {}).get("wrong")
    was = "true" if current and current["new_value"] == "true" else "false"
    return add_corrections(store, "shift", {"id": shift, "wrong": was == "true"},
                           {"wrong": "false" if undo else "true"}, author, note)
