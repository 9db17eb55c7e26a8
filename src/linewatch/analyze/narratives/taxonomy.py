"""Narrative taxonomies: the YAML an analyst writes, loaded and checked.

Format (the shared seed file loads as it is):

    taxonomy: belarus-border-2021        # name, stored with every match
    version: 1
    classifier: ../models/x.npz          # optional learnt document classifier (relative to this file)
    narratives:
      - id: west-caused-migration
        label: The West caused the migration
        description: What a claim must assert to carry it.
        examples: ["...", "..."]         # a list, or {en: [...], ru: [...], pl: [...]}
        cues: {en: [...], ru: [...]}     # optional words/stems that signal it (lexical evidence)
        children: [ ...narratives... ]   # optional sub-narratives (or `parent: ID` on a flat list)

Errors name the file and the line of the offending entry.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from linewatch.errors import InputError
from linewatch.lexicon import data_path

MAX_TAXONOMY_BYTES = 5_000_000
MAX_NARRATIVES = 5_000


def slug(label: str) -> str:
    """'URW: Discrediting Ukraine' -> 'urw-discrediting-ukraine' (case and punctuation ignored)."""
    text = unicodedata.normalize("NFKD", label).lower()
    return re.sub(r"[^\w]+", "-", text).strip("-_")


@dataclass
class Narrative:
    id: str
    label: str
    description: str = ""
    examples: list[str] = field(default_factory=list)
    cues: dict[str, list[str]] = field(default_factory=dict)  # lang -> cue words/stems
    parent: str | None = None
    line: int = 0  # line in the taxonomy file, for messages

    def texts(self) -> list[str]:
        """The texts a claim is compared with: label, description and every example."""
        return [t for t in [self.label, self.description, *self.examples] if t]


@dataclass
class Taxonomy:
    name: str
    version: str
    narratives: list[Narrative]
    path: Path | None = None
    classifier: Path | None = None  # learnt document classifier (.npz), if the file names one
    by_id: dict[str, Narrative] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {n.id: n for n in self.narratives}

    def children(self, narrative_id: str) -> list[Narrative]:
        return [n for n in self.narratives if n.parent == narrative_id]

    def ancestors(self, narrative_id: str) -> list[str]:
        out: list[str] = []
        cur = self.by_id.get(narrative_id)
        while cur is not None and cur.parent and cur.parent not in out:
            out.append(cur.parent)
            cur = self.by_id.get(cur.parent)
        return out

    def resolve(self, name: str) -> Narrative | None:
        """A narrative by id, label or slug of either."""
        if name in self.by_id:
            return self.by_id[name]
        key = slug(name)
        for n in self.narratives:
            if slug(n.id) == key or slug(n.label) == key:
                return n
        return None


def _line(node: Any) -> int:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else 0


def _lines_of_entries(root_node: yaml.Node) -> list[int]:
    """Line numbers of narrative entries in document order (children depth-first)."""
    lines: list[int] = []

    def walk(seq: yaml.Node) -> None:
        if not isinstance(seq, yaml.SequenceNode):
            return
        for item in seq.value:
            lines.append(_line(item))
            if isinstance(item, yaml.MappingNode):
                for k, v in item.value:
                    if getattr(k, "value", None) == "children":
                        walk(v)

    if isinstance(root_node, yaml.MappingNode):
        for k, v in root_node.value:
            if getattr(k, "value", None) == "narratives":
                walk(v)
    elif isinstance(root_node, yaml.SequenceNode):
        walk(root_node)
    return lines


def _str_list(value: Any, where: str, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        if not all(isinstance(v, (str, int, float)) for v in value):
            raise InputError(f"{what} must be a list of strings", where=where)
        return [str(v) for v in value]
    raise InputError(f"{what} must be a string or a list of strings", where=where)


def _examples(value: Any, where: str) -> list[str]:
    if isinstance(value, dict):  # {en: [...], ru: [...]}
        out: list[str] = []
        for lang, items in value.items():
            out.extend(_str_list(items, where, f"examples.{lang}"))
        return out
    return _str_list(value, where, "examples")


def _cues(value: Any, where: str) -> dict[str, list[str]]:
    if value is None:
        return {}
    if isinstance(value, list):  # language-neutral list
        return {"*": _str_list(value, where, "cues")}
    if not isinstance(value, dict):
        raise InputError("cues must be a list or a mapping language -> list", where=where)
    return {str(lang): [c.lower() for c in _str_list(v, where, f"cues.{lang}")] for lang, v in value.items()}


def parse_taxonomy(text: str, source: str = "<taxonomy>", base_dir: Path | None = None) -> Taxonomy:
    """Parse taxonomy YAML text; errors name `source` and the line."""
    if len(text.encode("utf-8", "replace")) > MAX_TAXONOMY_BYTES:
        raise InputError(f"taxonomy larger than {MAX_TAXONOMY_BYTES} bytes", where=source)
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark else source
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"not valid YAML ({problem})", where=where) from None
    if isinstance(data, list):
        data = {"narratives": data}
    if not isinstance(data, dict):
        raise InputError("a taxonomy must be a mapping with a 'narratives' list", where=source)
    entries = data.get("narratives")
    if not isinstance(entries, list) or not entries:
        raise InputError("'narratives' must be a non-empty list", where=f"{source}:{_line(node)}")
    lines = iter(_lines_of_entries(node) + [0] * MAX_NARRATIVES)
    narratives: list[Narrative] = []

    def add(items: list[Any], parent: str | None) -> None:
        for item in items:
            line = next(lines)
            where = f"{source}:{line}" if line else source
            if len(narratives) >= MAX_NARRATIVES:
                raise InputError(f"more than {MAX_NARRATIVES} narratives", where=where)
            if not isinstance(item, dict):
                raise InputError("a narrative must be a mapping with at least an 'id'", where=where)
            nid = item.get("id")
            if not isinstance(nid, (str, int)) or not str(nid).strip():
                raise InputError("narrative without an 'id'", where=where)
            nid = str(nid).strip()
            label = item.get("label") or nid
            if not isinstance(label, str):
                raise InputError(f"narrative {nid!r}: 'label' must be a string", where=where)
            desc = item.get("description") or ""
            if not isinstance(desc, str):
                raise InputError(f"narrative {nid!r}: 'description' must be a string", where=where)
            par = item.get("parent", parent)
            narratives.append(
                Narrative(
                    id=nid,
                    label=" ".join(label.split()),
                    description=" ".join(desc.split()),
                    examples=[" ".join(e.split()) for e in _examples(item.get("examples"), where) if e.strip()],
                    cues=_cues(item.get("cues"), where),
                    parent=str(par) if par is not None else None,
                    line=line,
                )
            )
            kids = item.get("children")
            if kids is not None:
                if not isinstance(kids, list):
                    raise InputError(f"narrative {nid!r}: 'children' must be a list", where=where)
                add(kids, nid)

    add(entries, None)
    seen: dict[str, Narrative] = {}
    for n in narratives:
        if n.id in seen:
            raise InputError(f"duplicate narrative id {n.id!r} (first on line {seen[n.id].line})", where=f"{source}:{n.line}")
        seen[n.id] = n
    for n in narratives:
        if n.parent is not None and n.parent not in seen:
            raise InputError(f"narrative {n.id!r}: unknown parent {n.parent!r}", where=f"{source}:{n.line}")
    classifier = data.get("classifier")
    clf_path = None
    if classifier:
        clf_path = Path(str(classifier))
        if not clf_path.is_absolute() and base_dir is not None:
            clf_path = (base_dir / clf_path).resolve()
    name = str(data.get("taxonomy") or (Path(source).stem if source else "taxonomy"))
    return Taxonomy(name=name, version=str(data.get("version", "1")), narratives=narratives, classifier=clf_path)


def resolve_taxonomy_path(ref: str | Path) -> Path | None:
    """A taxonomy file by path, or a bundled one by name ('semeval2025-t10'); None if neither exists."""
    p = Path(ref)
    if p.is_file():
        return p
    if not p.suffix and p.name == str(ref):
        bundled = data_path("taxonomies", f"{p.name}.yaml")
        if bundled.is_file():
            return bundled
    return None


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Load and check a taxonomy file (a path, or the name of a bundled one: 'semeval2025-t10')."""
    p = resolve_taxonomy_path(path) or Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError("taxonomy file not found", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read taxonomy ({exc.strerror})", where=str(path)) from None
    if len(raw) > MAX_TAXONOMY_BYTES:
        raise InputError(f"taxonomy larger than {MAX_TAXONOMY_BYTES} bytes", where=str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", where=str(path)) from None
    tax = parse_taxonomy(text, source=str(path), base_dir=p.resolve().parent)
    tax.path = p.resolve()
    return tax


def bundled_taxonomies() -> list[Path]:
    root = data_path("taxonomies")
    return sorted(root.glob("*.yaml")) if root.is_dir() else []
