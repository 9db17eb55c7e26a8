"""The calibration table: how a statement's confidence and kind relate to being right.

Invented statements only. The JSON line must say how the speaker was resolved, or the table
cannot be bucketed by it.
"""
from __future__ import annotations

import calibration

from linewatch.model import Statement


def _row(label: str, conf: float, resolved_by: str, form: str = "indirect", lang: str = "en") -> dict:
    return {"label": label, "confidence": conf, "resolved_by": resolved_by, "form": form, "lang": lang}


def test_contract_line_says_how_the_speaker_was_resolved() -> None:
    st = Statement(doc_id="d", content="the bridge will reopen on Friday", content_span=(20, 52),
                   speaker="the mayor", kind="indirect", extra={"resolved_by": "title", "notes": []})
    assert st.to_contract("x.txt")["resolved_by"] == "title"
    assert Statement(doc_id="d", content="x", content_span=(0, 1)).to_contract("x.txt")["resolved_by"] is None


def test_table_shares_per_bucket() -> None:
    rows = [_row("right", 0.85, "registry"), _row("right", 0.82, "registry"),
            _row("wrong", 0.45, "text", "direct", "pl"), _row("fp", 0.47, "text", "direct", "pl")]
    lines = calibration.table(rows).splitlines()
    assert "| confidence | 0.8-0.9 | 2 | 1.00 | 0.00 | 0.00 |" in lines
    assert "| confidence | 0.4-0.5 | 2 | 0.00 | 0.50 | 0.50 |" in lines
    assert "| resolved_by | text | 2 | 0.00 | 0.50 | 0.50 |" in lines
    assert "| language | pl | 2 | 0.00 | 0.50 | 0.50 |" in lines
    assert lines[-1] == "| all | | 4 | 0.50 | 0.25 | 0.25 |"


def test_bands_cover_the_whole_range() -> None:
    assert calibration.band(0.0) == "0.0-0.4"
    assert calibration.band(0.4) == "0.4-0.5"
    assert calibration.band(1.0) == "0.9-1.0"
