"""Briefing building blocks without a database: SVG charts and English gloss lines."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from linewatch.report.gloss import gloss
from linewatch.report.svg import line_chart, net_colour, stance_heatmap

HOSTILE = '<script>alert(1)</script>" onload="x'


def _rgb(hexcode: str) -> tuple[int, int, int]:
    return tuple(int(hexcode[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def test_heatmap_cells_red_for_negative_net_green_for_positive() -> None:
    out = stance_heatmap(["Żaryn", HOSTILE], ["Belarus", "Poland"], [[0, 0, -1.0, 3, 0, 3], [1, 1, 0.8, 5, 4, 1]])
    root = ET.fromstring(out)  # well-formed XML
    cells = {r.get("data-net"): r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("data-net")}
    r, g, _ = _rgb(cells["-1.00"])
    assert r > g + 80
    r, g, _ = _rgb(cells["0.80"])
    assert g > r + 60
    assert "<script" not in out and 'onload="' not in out and "&lt;script&gt;" in out


def test_colour_scale_is_symmetric() -> None:
    assert net_colour(0) == "#f4f4f4" and net_colour(-1) == "#c0392b" and net_colour(1) == "#1e8a4c"


def test_line_chart_escapes_and_steps() -> None:
    out = line_chart(["2021-11-01", "2021-11-16"], [{"name": HOSTILE, "data": [0.4, 0.9]}], "weights", percent=True, step=True)
    ET.fromstring(out)
    assert "<script" not in out and "100%" in out
    points = re.search(r'points="([^"]+)"', out).group(1).split()
    assert len(points) == 3  # a step: the old value holds until the new point
    empty = line_chart([], [], "nothing")
    assert "No data" in empty


def test_gloss_from_act_target_and_stance() -> None:
    st = {"doc_language": "ru", "speaker": "Dmitry Peskov", "plover": "REJECT", "stance": "support", "target": "Belarus"}
    assert gloss(st) == "Dmitry Peskov rejects criticism of Belarus."
    assert gloss({**st, "plover": "ACCUSE", "stance": "oppose", "target": "Poland"}) == "Dmitry Peskov accuses Poland."
    assert gloss({**st, "plover": None, "stance": "oppose", "target": None}) == "Dmitry Peskov objects."
    assert gloss({**st, "doc_language": "pl", "speaker": None, "plover": "DEMAND", "target": "the EU"}) == \
        "An unidentified speaker makes demands of the EU."
    assert gloss({**st, "doc_language": "en"}) is None
