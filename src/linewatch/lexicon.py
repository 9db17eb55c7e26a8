"""Per-language knowledge, read from data files.

Cue verbs, titles, pronouns, months, weekdays, abbreviations, event triggers
and stance words live in `linewatch/data/lang/<lang>/<name>.yaml`, never in
code branches: supporting a new language means adding a folder of files.

    from linewatch.lexicon import lexicon
    cues = lexicon("ru", "cues")      # -> dict parsed from data/lang/ru/cues.yaml
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import yaml

SUPPORTED_LANGUAGES = ("en", "ru", "pl")


def data_path(*parts: str) -> Path:
    """Path of a file shipped in linewatch/data."""
    return Path(str(resources.files("linewatch").joinpath("data", *parts)))


def only_true_false_booleans(loader: type[yaml.SafeLoader]) -> None:
    """Make `loader` read YAML as the data files mean it: only true/false are booleans. PyYAML follows
    YAML 1.1, where an unquoted on, off, yes, no, y and n are booleans too, so the Polish pronoun "on"
    (he), the English preposition "on" and the negation "no" silently became True and False."""
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in loader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))


class WordListLoader(yaml.SafeLoader):
    """The loader of data files (see `only_true_false_booleans`)."""


only_true_false_booleans(WordListLoader)


def load_yaml(text: str | IO[str]) -> Any:
    """Parse a data file's YAML with `WordListLoader`."""
    return yaml.load(text, Loader=WordListLoader)


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return load_yaml(fh) or {}


@cache
def lexicon(lang: str, name: str) -> dict[str, Any]:
    """The parsed data file data/lang/<lang>/<name>.yaml ({} if the language lacks it)."""
    return _read(data_path("lang", lang, f"{name}.yaml"))


@cache
def shared_data(name: str) -> dict[str, Any]:
    """The parsed language-independent data file data/<name>.yaml ({} if it is missing)."""
    return _read(data_path(f"{name}.yaml"))


@cache
def calendar_forms(lang: str, table: str) -> dict[str, int]:
    """One table of `data/lang/<lang>/dates.yaml` ("months" or "weekdays"): each form,
    case-folded with its spaces normalised, to its number (1 = January; 0 = Monday).

    The one reader of calendar words: the date finder and the actor registry (which
    must not take "Lavrov Monday" for a two-word name) both use it. A language without
    a dates file falls back to English, as the date finder always has.
    """
    data = lexicon(lang, "dates") or lexicon("en", "dates")
    return {" ".join(str(w).casefold().split()): int(n) for n, ws in (data.get(table) or {}).items() for w in ws}


def languages_with(name: str) -> list[str]:
    root = data_path("lang")
    return sorted(p.name for p in root.iterdir() if (p / f"{name}.yaml").exists())
