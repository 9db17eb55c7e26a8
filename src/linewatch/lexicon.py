"""Per-language knowledge, read from data files.

Cue verbs, titles, pronouns, months, weekdays, abbreviations, event triggers
and stance words live in `linewatch/data/lang/<lang>/<name>.yaml`, never in
code branches: supporting a new language means adding a folder of files.

    from linewatch.lexicon import lexicon
    cues = lexicon("ru", "cues")      # -> dict parsed from data/lang/ru/cues.yaml
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

SUPPORTED_LANGUAGES = ("en", "ru", "pl")


def data_path(*parts: str) -> Path:
    """Path of a file shipped in linewatch/data."""
    return Path(str(resources.files("linewatch").joinpath("data", *parts)))


@cache
def lexicon(lang: str, name: str) -> dict[str, Any]:
    """The parsed data file data/lang/<lang>/<name>.yaml ({} if the language lacks it)."""
    path = data_path("lang", lang, f"{name}.yaml")
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def languages_with(name: str) -> list[str]:
    root = data_path("lang")
    return sorted(p.name for p in root.iterdir() if (p / f"{name}.yaml").exists())
