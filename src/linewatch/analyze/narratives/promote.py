"""Promote a discovered candidate into a taxonomy file (appending, keeping the file as written).

The new entry is appended as YAML text at the end of the file (comments and
layout of the analyst's file stay), the result is parsed again to check it,
and the file is replaced atomically; a new file gets a fresh taxonomy header.
"""
from __future__ import annotations

import os
from pathlib import Path

import yaml

from linewatch.analyze.narratives.discover import Candidate
from linewatch.analyze.narratives.taxonomy import parse_taxonomy, slug
from linewatch.errors import InputError

MAX_EXAMPLES = 5


def _entry_yaml(nid: str, candidate: Candidate, indent: str) -> str:
    entry = {
        "id": nid,
        "label": candidate.label[:200],
        "description": f"Discovered ({candidate.size} statements, first seen {candidate.first_seen or 'unknown'}); "
        f"terms: {', '.join(candidate.terms[:8])}. Edit this to say what a claim must assert.",
        "examples": [r["content"][:400] for r in candidate.representatives[:MAX_EXAMPLES] if r.get("content")],
        "discovered": {"candidate": candidate.id, "terms": candidate.terms[:8]},
    }
    body = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    return "".join(indent + line if line.strip() else line for line in body.splitlines(keepends=True))


def _indent_of_entries(text: str) -> str:
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if stripped.startswith("- id:"):
            return line[: len(line) - len(stripped)]
    return "  "


def promote(candidate: Candidate, path: str | Path, narrative_id: str | None = None) -> str:
    """Append `candidate` to the taxonomy at `path`; returns the new narrative id."""
    path = Path(path)
    base = slug(narrative_id or "-".join(candidate.terms[:3]) or candidate.label)[:60] or f"candidate-{candidate.id[:8]}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        tax = parse_taxonomy(text, source=str(path))  # refuse to append to a broken file
        data = yaml.safe_load(text)
        if not isinstance(data, dict) or "narratives" not in data:
            raise InputError("the taxonomy must be a mapping whose 'narratives' list ends the file", where=str(path))
        last_key = list(data)[-1]
        if last_key != "narratives":
            raise InputError(f"cannot append: 'narratives' is not the last key (found {last_key!r} after it)", where=str(path))
        taken = set(tax.by_id)
        indent = _indent_of_entries(text)
    else:
        text = f"taxonomy: {slug(path.stem) or 'discovered'}\nversion: 1\nnarratives:\n"
        taken, indent = set(), "  "
    nid = base
    n = 2
    while nid in taken:
        nid = f"{base}-{n}"
        n += 1
    new_text = text.rstrip("\n") + "\n" + _entry_yaml(nid, candidate, indent)
    parsed = parse_taxonomy(new_text, source=str(path))
    if nid not in parsed.by_id:
        raise InputError("the appended narrative did not parse back; file left unchanged", where=str(path))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(new_text, encoding="utf-8")
    os.replace(tmp, path)
    return nid
