"""Workspace configuration: `linewatch.toml`, found in the current folder or a parent.

Precedence for every setting: command-line flag > environment (LINEWATCH_DB)
> workspace file > built-in default. Relative paths in the file are relative
to the folder that holds it, so a workspace can be moved or shared.
"""
from __future__ import annotations

import glob
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linewatch.errors import ConfigError
from linewatch.lexicon import data_path

CONFIG_NAME = "linewatch.toml"
DEFAULT_DB = "linewatch.db"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8642
DEFAULT_MAX_FILE_MB = 20.0
MAX_CONFIG_BYTES = 1024 * 1024

CONFIG_TEMPLATE = """\
# linewatch workspace configuration.
# Every command run in this folder (or below it) reads this file; command-line
# flags override it, and LINEWATCH_DB overrides [database] url.
# Relative paths are relative to this file's folder.

[database]
# A file path (SQLite, the default), "sqlite:///path/to.db" or "postgresql://user@host:5432/dbname".
url = "linewatch.db"

[actors]
# Your own actor registry files (YAML, same format as linewatch/data/actors/*.yaml),
# added to the shipped registry. Glob patterns are allowed.
registries = ["actors/*.yaml"]

[narratives]
# Narrative taxonomies (YAML). The first one is used by `linewatch run` unless --taxonomy is given.
# Leave empty to use the shipped taxonomy of the 2021 Belarus border crisis.
taxonomies = []

[scenarios]
# Scenario files (YAML) checked by `linewatch scenarios ...`. Glob patterns are allowed.
files = ["scenarios/*.yaml"]

[sources]
# Feeds, pages, Telegram channels and GDELT queries watched by `linewatch watch`.
file = "sources.yaml"

[ingest]
# Files larger than this are refused.
max_file_mb = 20

[pipeline]
# Components to run, in order (leave empty for the default:
# segment, parse, mentions, dates, statements, events, stance, narratives).
components = []

# Per-component settings, e.g.
# [pipeline.config.narratives]
# threshold = 0.5

[web]
host = "127.0.0.1"
port = 8642
# Tokens that may write through the API (corrections). Empty = the API is read-only.
api_tokens = []
"""


@dataclass
class Config:
    root: Path | None = None  # the workspace folder (None = no workspace file found)
    path: Path | None = None  # the linewatch.toml read
    db: str | None = None  # from the workspace file
    registries: list[Path] = field(default_factory=list)
    taxonomies: list[Path] = field(default_factory=list)
    scenarios: list[Path] = field(default_factory=list)
    sources_file: Path | None = None
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    components: list[str] = field(default_factory=list)
    component_config: dict[str, dict[str, Any]] = field(default_factory=dict)
    web_host: str = DEFAULT_HOST
    web_port: int = DEFAULT_PORT
    api_tokens: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)

    def db_url(self, flag: str | None = None) -> str:
        """The database to use: --db > LINEWATCH_DB > workspace > ./linewatch.db."""
        if flag:
            return flag
        env = os.environ.get("LINEWATCH_DB")
        if env:
            return env
        if self.db:
            return self.db
        return DEFAULT_DB

    def taxonomy(self, flag: str | os.PathLike[str] | None = None) -> Path | None:
        """The taxonomy to use: --taxonomy > the workspace's first > the shipped one (if present)."""
        if flag:
            return Path(flag)
        if self.taxonomies:
            return self.taxonomies[0]
        return shipped_taxonomy()

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def scenario_files(self) -> list[Path]:
        """Workspace scenario files, else the shipped ones."""
        if self.scenarios:
            return self.scenarios
        return sorted(data_path("scenarios").glob("*.yaml"))

    def pipeline_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for linewatch.nlp.pipeline.Pipeline."""
        kwargs: dict[str, Any] = {"config": dict(self.component_config)}
        if self.components:
            kwargs["names"] = tuple(self.components)
        return kwargs



def shipped_taxonomy() -> Path | None:
    path = data_path("taxonomies", "belarus-border-2021.yaml")
    return path if path.exists() else None


def find_workspace(cwd: str | os.PathLike[str] | None = None) -> Path | None:
    """The linewatch.toml in `cwd` or the nearest parent, or None."""
    here = Path(cwd or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        cand = folder / CONFIG_NAME
        if cand.is_file():
            return cand
    return None


def load_config(cwd: str | os.PathLike[str] | None = None) -> Config:
    """The configuration of the workspace that holds `cwd` (defaults when there is none)."""
    path = find_workspace(cwd)
    if path is None:
        return Config()
    return read_config(path)


def read_config(path: Path) -> Config:
    where = str(path)
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError("configuration file is too large", where=where)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", where=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read ({exc})", where=where) from None
    root = path.parent.resolve()

    def section(name: str) -> dict[str, Any]:
        v = data.get(name, {})
        if not isinstance(v, dict):
            raise ConfigError(f"[{name}] must be a table", where=where)
        return v

    def strings(sec: str, key: str) -> list[str]:
        v = section(sec).get(key, [])
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ConfigError(f"[{sec}] {key} must be a list of strings", where=where)
        return v

    db = section("database").get("url")
    if db is not None and not isinstance(db, str):
        raise ConfigError("[database] url must be a string", where=where)
    if db and "://" not in db:
        db = str(root / db)  # a file path relative to the workspace
    pipeline = section("pipeline")
    comp_cfg = pipeline.get("config", {})
    if not isinstance(comp_cfg, dict) or not all(isinstance(v, dict) for v in comp_cfg.values()):
        raise ConfigError("[pipeline.config.<component>] sections must be tables", where=where)
    web = section("web")
    try:
        port = int(web.get("port", DEFAULT_PORT))
        max_mb = float(section("ingest").get("max_file_mb", DEFAULT_MAX_FILE_MB))
    except (TypeError, ValueError):
        raise ConfigError("[web] port and [ingest] max_file_mb must be numbers", where=where) from None
    sources_file = section("sources").get("file")
    return Config(
        root=root,
        path=path,
        db=db or None,
        registries=_expand(root, strings("actors", "registries")),
        taxonomies=_expand(root, strings("narratives", "taxonomies")),
        scenarios=_expand(root, strings("scenarios", "files")),
        sources_file=(root / sources_file) if isinstance(sources_file, str) and sources_file else None,
        max_file_mb=max_mb,
        components=strings("pipeline", "components"),
        component_config={k: dict(v) for k, v in comp_cfg.items()},
        web_host=str(web.get("host", DEFAULT_HOST)),
        web_port=port,
        api_tokens=strings("web", "api_tokens"),
        raw=data,
    )


def _expand(root: Path, patterns: list[str]) -> list[Path]:
    """Paths (relative to the workspace) with glob patterns expanded; missing plain paths kept."""
    out: list[Path] = []
    for pat in patterns:
        full = Path(pat) if Path(pat).is_absolute() else root / pat
        if glob.has_magic(str(full)):
            out.extend(Path(p) for p in sorted(glob.glob(str(full))))
        else:
            out.append(full)
    return out


def init_workspace(folder: str | os.PathLike[str]) -> Path:
    """Create a workspace: the folder, a commented linewatch.toml and empty actors/ and scenarios/."""
    root = Path(folder)
    cfg = root / CONFIG_NAME
    if cfg.exists():
        raise ConfigError("a workspace already exists here (linewatch.toml)", where=str(root))
    try:
        root.mkdir(parents=True, exist_ok=True)
        (root / "actors").mkdir(exist_ok=True)
        (root / "scenarios").mkdir(exist_ok=True)
        tmp = cfg.with_suffix(".toml.tmp")
        tmp.write_text(CONFIG_TEMPLATE, encoding="utf-8")
        tmp.replace(cfg)  # never a half-written config
    except OSError as exc:
        raise ConfigError(f"cannot create workspace ({exc.strerror or exc})", where=str(root)) from None
    return cfg
