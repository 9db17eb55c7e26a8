"""Small helpers for templates: links that keep filters, safe external URLs, formatting."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from linewatch.model import strip_bidi
from linewatch.web.export import parquet_available

NAV = (
    ("overview", "/", "Overview"),
    ("timeline", "/timeline", "Timeline"),
    ("statements", "/statements", "Statements"),
    ("documents", "/documents", "Documents"),
    ("actors", "/actors", "Actors"),
    ("stance", "/stance", "Stance matrix"),
    ("shifts", "/shifts", "Shifts"),
    ("narratives", "/narratives", "Narratives"),
    ("network", "/network", "Accusations"),
    ("scenarios", "/scenarios", "Scenarios"),
    ("api", "/api/docs", "API"),
)


def qs(params: dict[str, Any] | None = None, **overrides: Any) -> str:
    """A query string from the current filter values with some replaced (None drops a key)."""
    merged = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    for k, v in overrides.items():
        if v in (None, ""):
            merged.pop(k, None)
        else:
            merged[k] = v
    return ("?" + urlencode(merged)) if merged else ""


def safe_href(url: Any) -> str | None:
    """The URL if it is a plain http(s) link, else None (javascript:, data:, ... are shown as text)."""
    if not isinstance(url, str) or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def short(text: Any, n: int = 220) -> str:
    s = "" if text is None else " ".join(str(text).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def pct(x: Any) -> str:
    try:
        return f"{float(x) * 100:.0f}%"
    except (TypeError, ValueError):
        return "–"


def num(x: Any) -> str:
    try:
        return f"{int(x):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return "–"


GLOBALS = {"NAV": NAV, "qs": qs, "safe_href": safe_href, "parquet_available": parquet_available}
FILTERS = {"short": short, "pct": pct, "num": num}


def json_for_script(data: Any) -> Markup:
    """JSON safe inside a <script type="application/json"> element.

    `<`, `>` and `&` are written as \\u escapes, so no text (e.g. `</script>`)
    can close the element or start markup; the browser reads it with
    JSON.parse(element.textContent), never eval.
    """
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def display_safe(value: Any) -> Any:
    """Every value a template prints, without bidi controls (escaping comes after, as usual)."""
    if isinstance(value, Markup):
        return Markup(strip_bidi(str(value)))
    return strip_bidi(value) if isinstance(value, str) else value


def template_env(folder: Path) -> Environment:
    """Jinja2 over the templates in `folder`, with autoescaping on for every template (html and
    md alike) and every value shown through `display_safe` (the dashboard and the briefings)."""
    return Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=display_safe,
    )
