"""Server-side charts for briefings: pure functions from data to an SVG string.

No script, no external reference, every label escaped: the SVG is pasted inline
into the HTML briefing and rendered by WeasyPrint for the PDF, so ingested names
(hostile text) must never become markup. Colours match the dashboard: red for
opposition (negative net stance), green for support.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

FONT = "Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif"
RED = (192, 57, 43)
GREY = (244, 244, 244)
GREEN = (30, 138, 76)
PALETTE = ("#1f5fbf", "#c0392b", "#1e8a4c", "#b8651b", "#7d3cbf", "#0e8a8a", "#a61e6a", "#5f6b7a")
MAX_LABEL = 28


def _t(text: object, limit: int = MAX_LABEL) -> str:
    """A label cut on a word boundary when long, then escaped for XML text and attributes."""
    s = " ".join(str(text if text is not None else "").split())
    if len(s) > limit:
        cut = s[: limit - 1]
        cut = cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut
        s = cut.rstrip() + "…"
    return escape(s, quote=True)


def net_colour(net: float) -> str:
    """-1 → red, 0 → light grey, +1 → green (linear in between), as #rrggbb."""
    x = max(-1.0, min(1.0, float(net)))
    a, b = (GREY, GREEN) if x >= 0 else (GREY, RED)
    t = abs(x)
    return "#" + "".join(f"{round(a[i] + (b[i] - a[i]) * t):02x}" for i in range(3))


def _open(width: int, height: int, title: str) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="11">',
            f"<title>{_t(title, 200)}</title>"]


def stance_heatmap(holders: Sequence[str], targets: Sequence[str], cells: Sequence[Sequence[float]],
                   title: str = "Net stance: who backs (green) or blames (red) whom") -> str:
    """Rows: speakers; columns: targets; a cell is [target index, holder index, net, total, ...]."""
    cw, ch, left, top = 46, 22, 170, 110
    width = left + cw * max(len(targets), 1) + 20
    height = top + ch * max(len(holders), 1) + 40
    out = _open(width, height, title)
    if not cells:
        out.append(f'<text x="10" y="30">{_t("No statements with a speaker, a target and a side.", 80)}</text></svg>')
        return "".join(out)
    for j, name in enumerate(targets):
        x = left + j * cw + cw / 2
        out.append(f'<text x="{x:.0f}" y="{top - 6}" transform="rotate(-45 {x:.0f} {top - 6})">{_t(name, 22)}</text>')
    for i, name in enumerate(holders):
        out.append(f'<text x="{left - 6}" y="{top + i * ch + ch * 0.68:.0f}" text-anchor="end">{_t(name)}</text>')
    for c in cells:
        j, i, net, total = int(c[0]), int(c[1]), float(c[2]), int(c[3])
        x, y = left + j * cw, top + i * ch
        fill = net_colour(net)
        ink = "#ffffff" if abs(net) > 0.55 else "#1d2430"
        out.append(f'<rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" fill="{fill}" data-net="{net:.2f}">'
                   f"<title>{_t(holders[i])} → {_t(targets[j])}: net {net:+.2f}, {total} statements</title></rect>")
        out.append(f'<text x="{x + (cw - 2) / 2:.0f}" y="{y + ch * 0.68:.0f}" text-anchor="middle" fill="{ink}">{total}</text>')
    ly = top + ch * len(holders) + 18
    for k, v in enumerate((-1.0, -0.5, 0.0, 0.5, 1.0)):
        out.append(f'<rect x="{left + k * 30}" y="{ly}" width="30" height="10" fill="{net_colour(v)}"/>')
    out.append(f'<text x="{left - 6}" y="{ly + 9}" text-anchor="end">oppose −1</text>')
    out.append(f'<text x="{left + 156}" y="{ly + 9}">+1 support (number: statements)</text>')
    out.append("</svg>")
    return "".join(out)


def line_chart(xs: Sequence[str], series: Sequence[dict], title: str, *, percent: bool = False,
               step: bool = False, width: int = 640, height: int = 260) -> str:
    """Lines over x labels (days or weeks); series are {"name", "data": [number or None]}.

    percent: values are 0..1 shown as %; step: the value holds until the next point (weights)."""
    left, right, top = 46, 16, 14
    bottom = 34 + 14 * ((len(series) + 1) // 2)  # x labels, then the legend two to a row
    height += 14 * max(0, (len(series) + 1) // 2 - 2)
    out = _open(width, height, title)
    values = [v for s in series for v in s["data"] if v is not None]
    if not xs or not values:
        out.append(f'<text x="10" y="30">{_t("No data in this period.", 80)}</text></svg>')
        return "".join(out)
    y_max = 1.0 if percent else max(1.0, max(values))
    pw, ph = width - left - right, height - top - bottom

    def px(i: int) -> float:
        return left + (pw * i / (len(xs) - 1) if len(xs) > 1 else pw / 2)

    def py(v: float) -> float:
        return top + ph - ph * (v / y_max)

    for k in range(5):
        v = y_max * k / 4
        y = py(v)
        label = f"{v * 100:.0f}%" if percent else (f"{v:.0f}" if y_max >= 4 else f"{v:.1f}")
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#d9dee5"/>')
        out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    every = max(1, len(xs) // 8)
    for i, x in enumerate(xs):
        if i % every == 0 or i == len(xs) - 1:
            out.append(f'<text x="{px(i):.1f}" y="{top + ph + 14}" text-anchor="middle">{_t(str(x)[:10], 10)}</text>')
    for n, s in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        pts: list[str] = []
        prev: tuple[float, float] | None = None
        for i, v in enumerate(s["data"]):
            if v is None:
                continue
            x, y = px(i), py(float(v))
            if step and prev is not None:
                pts.append(f"{x:.1f},{prev[1]:.1f}")
            pts.append(f"{x:.1f},{y:.1f}")
            prev = (x, y)
        if pts:
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(pts)}">'
                       f"<title>{_t(s['name'], 120)}</title></polyline>")
        lx, ly = left + (n % 2) * (pw / 2), top + ph + 30 + (n // 2) * 14
        out.append(f'<rect x="{lx:.0f}" y="{ly - 8}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{lx + 14:.0f}" y="{ly + 1}">{_t(s["name"], 48)}</text>')
    out.append("</svg>")
    return "".join(out)
