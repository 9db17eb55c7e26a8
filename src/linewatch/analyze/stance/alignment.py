"""Side of an actor's country in the crises linewatch watches, from `data/alignment.yaml`.

`relation(speaker_country, target_country)` is "own" (same country), "ally"
(same bloc), "adversary" (opposite blocs), "other" (a country of neither bloc on
one side) or "unknown" (a country not known). The stance stage uses it as a
feature: a Russian official's accusation is aimed at the West, Poland or NATO,
not at Belarus.
"""
from __future__ import annotations

from functools import cache

import yaml

from linewatch.lexicon import data_path


@cache
def blocs() -> dict[str, str]:
    """Country code -> bloc name."""
    path = data_path("alignment.yaml")
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, str] = {}
    for bloc, members in (raw.get("blocs") or {}).items():
        for code in members or []:
            out[str(code)] = str(bloc)
    return out


def relation(speaker_country: str | None, target_country: str | None) -> str:
    if not speaker_country or not target_country:
        return "unknown"
    if speaker_country == target_country:
        return "own"
    side = blocs()
    a, b = side.get(speaker_country), side.get(target_country)
    if a is None or b is None:
        return "other"
    return "ally" if a == b else "adversary"
