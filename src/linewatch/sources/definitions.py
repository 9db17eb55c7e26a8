"""Source definitions: what `linewatch watch` polls, read from a YAML or TOML file.

    sources:
      - id: mfa-news                 # unique, [a-z0-9._-]
        kind: rss                    # see KINDS
        location: https://example.org/news/rss
        language: ru                 # hint; detected when absent
        outlet: Example Ministry
        outlet_type: official        # official / state media / independent / wire / social
        interval: 30m                # 90, 90s, 15m, 2h, 1d
        max_items: 200               # per poll
        max_bytes: 5000000           # per response
        allow_private: false         # true: this source's own host may be private; or a list of hosts / networks
        full_text: auto              # auto / always / never: fetch the article page
        filters:                     # GDELT only: keep rows naming these
          actors: [RUS, BLR]
          countries: [BO, PL]
          themes: [REFUGEES]

(TOML: the same keys in `[[sources]]` tables.) Errors name the file and the
line of the offending source (YAML) or its index (TOML).
"""
from __future__ import annotations

import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from linewatch.errors import InputError
from linewatch.sources.fetch import allowance

KINDS = (
    "rss",
    "atom",
    "page",
    "sitemap",
    "telegram-export",
    "telegram-live",
    "gdelt-events",
    "gdelt-mentions",
    "gdelt-gkg",
    "gdelt-doc",
)
URL_KINDS = ("rss", "atom", "page", "sitemap", "gdelt-doc")
FILE_KINDS = ("telegram-export", "gdelt-events", "gdelt-mentions", "gdelt-gkg")  # a path (or a URL for GDELT)
OUTLET_TYPES = ("official", "state media", "independent", "wire", "social")
FULL_TEXT = ("auto", "always", "never")
MAX_DEFINITION_BYTES = 5_000_000
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_INTERVAL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
# GDELT: actors, countries, themes; a Telegram full-account export: chats (names or ids) to read.
FILTER_KEYS = ("actors", "countries", "themes", "chats")
KNOWN_KEYS = {
    "id", "kind", "location", "language", "outlet", "outlet_type", "interval", "max_items",
    "max_bytes", "allow_private", "full_text", "filters", "enabled", "name",
}


SOURCES_TEMPLATE = """\
# Sources watched by `linewatch watch`. Check with `linewatch sources check`.
# kind: rss, atom, page, sitemap, telegram-export, telegram-live,
#       gdelt-events, gdelt-mentions, gdelt-gkg, gdelt-doc
# outlet_type: official, state media, independent, wire, social
# interval: seconds or 90s / 15m / 2h / 1d. Relative paths are relative to this file.
sources:
  # - id: ministry-news
  #   kind: rss
  #   location: https://www.example.org/news/rss
  #   language: ru
  #   outlet: Example Ministry of Foreign Affairs
  #   outlet_type: official
  #   interval: 30m
  #   full_text: auto          # fetch the article when the feed only has a summary
  # - id: agency-sitemap
  #   kind: sitemap
  #   location: https://www.example.org/sitemap-news.xml
  #   outlet: Example Agency
  #   outlet_type: wire
  #   interval: 1h
  #   max_items: 100
  # - id: channel-export
  #   kind: telegram-export
  #   location: exports/channel/result.json
  #   outlet_type: social
  # - id: gdelt-latest
  #   kind: gdelt-events
  #   location: http://data.gdeltproject.org/gdeltv2/lastupdate.txt
  #   interval: 15m
  #   filters: {actors: [RUS, BLR], countries: [BO, PL]}
"""


def write_sources_template(path: Path) -> None:
    """Write the commented example sources file; never overwrites, never half-written."""
    if path.exists():
        raise InputError("already exists; not overwritten", where=str(path))
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(SOURCES_TEMPLATE, encoding="utf-8")
    tmp.replace(path)
    load_sources(path)  # the template must stay valid


@dataclass
class SourceDef:
    id: str
    kind: str
    location: str
    language: str | None = None
    outlet: str | None = None
    outlet_type: str | None = None
    interval: float = 1800.0  # seconds between polls
    max_items: int = 200
    max_bytes: int = 10_000_000
    # False; or the hosts and networks whose private addresses this source may reach (`true` in
    # the file means the location's own host: item links and redirects elsewhere stay public-only)
    allow_private: bool | tuple[str, ...] = False
    full_text: str = "auto"
    filters: dict[str, list[str]] = field(default_factory=dict)
    enabled: bool = True
    line: int | None = None  # where it was defined (for messages)

    def to_config(self) -> dict[str, Any]:
        """The JSON kept in `sources.config` (what the dashboard shows)."""
        return {
            "language": self.language,
            "outlet": self.outlet,
            "outlet_type": self.outlet_type,
            "interval": self.interval,
            "max_items": self.max_items,
            "max_bytes": self.max_bytes,
            "allow_private": list(self.allow_private) if isinstance(self.allow_private, tuple) else self.allow_private,
            "full_text": self.full_text,
            "filters": self.filters,
            "enabled": self.enabled,
        }


def parse_interval(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"interval {value!r} is not a duration")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        m = _INTERVAL_RE.match(str(value).lower())
        if not m:
            raise ValueError(f"interval {value!r} is not a duration like 90, 15m, 2h, 1d")
        seconds = float(m.group(1)) * _UNITS[m.group(2)]
    if not 1 <= seconds <= 30 * 86400:
        raise ValueError(f"interval {value!r} must be between 1 second and 30 days")
    return seconds


def normalise_outlet_type(value: Any) -> str | None:
    if value is None or value == "":
        return None
    norm = str(value).strip().lower().replace("_", " ").replace("-", " ")
    if norm not in OUTLET_TYPES:
        raise ValueError(f"outlet_type {value!r} is not one of {', '.join(OUTLET_TYPES)}")
    return norm


def _int(value: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}")
    return value


def source_from_mapping(raw: Any, *, line: int | None = None) -> SourceDef:
    """Validate one source mapping; ValueError with a plain message when it is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("a source must be a mapping of keys to values")
    unknown = sorted(set(map(str, raw)) - KNOWN_KEYS)
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(unknown)}")
    sid = str(raw.get("id") or "").strip()
    if not _ID_RE.match(sid):
        raise ValueError(f"id {sid!r} must be 1-80 characters of a-z, 0-9, '.', '_' or '-'")
    kind = str(raw.get("kind") or "").strip().lower()
    if kind not in KINDS:
        raise ValueError(f"source {sid}: kind {kind!r} is not one of {', '.join(KINDS)}")
    location = str(raw.get("location") or "").strip()
    if not location:
        raise ValueError(f"source {sid}: location is missing")
    if kind in URL_KINDS and not re.match(r"^https?://", location, re.I):
        raise ValueError(f"source {sid}: location must be an http(s) URL for kind {kind}")
    language = raw.get("language")
    if language is not None and not re.match(r"^[a-z]{2,3}$", str(language)):
        raise ValueError(f"source {sid}: language {language!r} must be an ISO 639 code like en, ru, pl")
    full_text = str(raw.get("full_text", "auto")).lower()
    if full_text not in FULL_TEXT:
        raise ValueError(f"source {sid}: full_text must be one of {', '.join(FULL_TEXT)}")
    filters_raw = raw.get("filters") or {}
    if not isinstance(filters_raw, dict):
        raise ValueError(f"source {sid}: filters must be a mapping")
    filters: dict[str, list[str]] = {}
    for key, values in filters_raw.items():
        if key not in FILTER_KEYS:
            raise ValueError(f"source {sid}: filter {key!r} is not one of {', '.join(FILTER_KEYS)}")
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list):
            raise ValueError(f"source {sid}: filter {key} must be a list")
        filters[key] = [str(v).strip() for v in values if str(v).strip()]
    try:
        return SourceDef(
            id=sid,
            kind=kind,
            location=location,
            language=str(language) if language else None,
            outlet=str(raw["outlet"]) if raw.get("outlet") else None,
            outlet_type=normalise_outlet_type(raw.get("outlet_type")),
            interval=parse_interval(raw.get("interval", 1800)),
            max_items=_int(raw.get("max_items", 200), "max_items", 1, 1_000_000),
            max_bytes=_int(raw.get("max_bytes", 10_000_000), "max_bytes", 1_000, 2_000_000_000),
            allow_private=_allow_private(raw.get("allow_private", False), location),
            full_text=full_text,
            filters=filters,
            enabled=_bool(raw.get("enabled", True), "enabled"),
            line=line,
        )
    except ValueError as exc:
        raise ValueError(f"source {sid}: {exc}") from None


def _allow_private(value: Any, location: str) -> bool | tuple[str, ...]:
    """`true` -> the location's own host; a list -> those hosts and networks (checked)."""
    if value is False or value is None:
        return False
    if value is True:
        host = urlsplit(location).hostname if location.lower().startswith(("http://", "https://")) else None
        return (host,) if host else False
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"allow_private must be true, false or a list of hosts / networks, not {value!r}")
    try:
        allowance(value)
    except InputError as exc:
        raise ValueError(str(exc)) from None
    return tuple(v.strip() for v in value)


def _bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{name} must be true or false, not {value!r}")


def _yaml_source_lines(text: str) -> list[int]:
    """1-based line of each item under `sources:` (composed, so lines survive)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if node is None or not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if getattr(key, "value", None) == "sources" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def load_sources(path: str | Path) -> list[SourceDef]:
    """Read and validate a sources file; InputError naming file and line on any problem."""
    p = Path(path)
    where = str(p)
    try:
        if p.stat().st_size > MAX_DEFINITION_BYTES:
            raise InputError(f"sources file is larger than {MAX_DEFINITION_BYTES} bytes", where=where)
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("sources file not found", where=where) from None
    except OSError as exc:
        raise InputError(f"cannot read sources file: {exc.strerror or exc}", where=where) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", where=where) from None
    lines: list[int] = []
    if p.suffix.lower() == ".toml":
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"invalid TOML: {exc}", where=where) from None
    else:
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            at = f"{where}:{mark.line + 1}" if mark else where
            raise InputError(f"invalid YAML: {getattr(exc, 'problem', None) or exc}", where=at) from None
        lines = _yaml_source_lines(text)
    if doc is None:
        return []
    raw_sources = doc.get("sources") if isinstance(doc, dict) else doc
    if raw_sources is None:
        return []
    if not isinstance(raw_sources, list):
        raise InputError("'sources' must be a list of source definitions", where=where)
    out: list[SourceDef] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_sources):
        line = lines[i] if i < len(lines) else None
        at = f"{where}:{line}" if line else f"{where} (source #{i + 1})"
        try:
            src = source_from_mapping(raw, line=line)
        except ValueError as exc:
            raise InputError(str(exc), where=at) from None
        if src.id in seen:
            raise InputError(f"duplicate source id {src.id!r} (first at source #{seen[src.id] + 1})", where=at)
        seen[src.id] = i
        if src.kind in FILE_KINDS and not re.match(r"^https?://", src.location, re.I):
            # Like the workspace file: relative paths are relative to the file's folder.
            src.location = str((p.parent / Path(src.location).expanduser()).resolve())
        out.append(src)
    return out


def add_source_yaml(path: str | Path, raw: dict[str, Any]) -> SourceDef:
    """Append one source to a YAML sources file (created if missing), keeping its comments.

    The new entry is validated first, then the whole new file is validated, then it replaces the
    old one atomically; on any problem the file is left as it was.
    """
    p = Path(path)
    if p.suffix.lower() == ".toml":
        raise InputError("`sources add` writes YAML files; edit TOML files by hand", where=str(p))
    try:
        new = source_from_mapping(raw)
    except ValueError as exc:
        raise InputError(str(exc), where=str(p)) from None
    existing = p.read_text(encoding="utf-8") if p.exists() else ""
    if existing.strip():
        have = load_sources(p)
        if any(s.id == new.id for s in have):
            raise InputError(f"a source with id {new.id!r} already exists", where=str(p))
        if not re.search(r"^sources:\s*$", existing, re.M):
            raise InputError("no top-level 'sources:' list to add to", where=str(p))
    else:
        existing, have = "sources:\n", []
    entry = yaml.safe_dump([raw], allow_unicode=True, sort_keys=False, default_flow_style=False)
    block = "".join("  " + line + "\n" for line in entry.splitlines())
    text = existing if existing.endswith("\n") else existing + "\n"
    text += block
    fd, tmp = tempfile.mkstemp(prefix=".sources-", suffix=".yaml", dir=str(p.parent.resolve()))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        if len(load_sources(tmp)) != len(have) + 1:
            raise InputError("cannot append here ('sources:' is not the last top-level key); edit by hand",
                             where=str(p))
        os.replace(tmp, p)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return new
