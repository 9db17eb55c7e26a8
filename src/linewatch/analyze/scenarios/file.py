"""Scenario files: the YAML an analyst writes, read and checked before anything is evaluated.

A scenario file names a set of competing scenarios and the indicators that
would tell them apart. Each indicator is a query over what linewatch extracts
(events, statements, narratives, counts over a window, stance shifts) and says,
per scenario, how strongly its firing supports or contradicts it: a label
(strong_for / for / neutral / against / strong_against) or a likelihood ratio.

Everything is validated first; an error names the file and the line (the YAML
is loaded with a loader that remembers the line of every key), and nothing is
evaluated with a half-read file. See data/scenarios/belarus-2021.yaml.
"""
from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from linewatch.actors.registry import get_registry
from linewatch.analyze.narratives.taxonomy import bundled_taxonomies, load_taxonomy
from linewatch.errors import InputError

MAX_SCENARIO_BYTES = 1_000_000
MAX_SCENARIOS = 50
MAX_INDICATORS = 500
MAX_TERMS = 200
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2,5}$")

# Log-likelihood ratios (natural log) of the diagnosticity labels: "strong" is a
# likelihood ratio of 5 (the evidence is five times likelier if the scenario is
# true), plain for/against a ratio of 2, as in common ACH / I&W practice.
DIAGNOSTICITY = {
    "strong_for": math.log(5.0),
    "for": math.log(2.0),
    "neutral": 0.0,
    "against": -math.log(2.0),
    "strong_against": -math.log(5.0),
}

# PLOVER event types and the verbal acts statements are coded with.
PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT DEMAND APPEAL OTHER".split()
)
STANCES = ("support", "oppose", "neutral")
KINDS = ("event", "statement", "narrative", "report", "count", "stance_shift")
DIRECTIONS = ("toward_oppose", "toward_support", "any")

# Which query fields each kind accepts, and what type each field is.
_ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    "event": (
        "plover", "source", "source_country", "target", "target_country", "participant",
        "participant_country", "actor", "actor_country", "keywords", "languages", "min_confidence",
    ),
    "statement": (
        "speaker", "speaker_country", "target", "target_country", "stance", "plover",
        "keywords", "languages", "min_confidence",
    ),
    "narrative": ("narratives", "carrier", "carrier_country", "keywords", "languages", "min_score"),
    # A fact reported either as an event or inside an attributed statement (whichever the
    # extractors found); one document counts once, so the two never add up twice.
    "report": ("plover", "actor", "actor_country", "keywords", "languages", "min_confidence"),
}
_FIELDS: dict[str, tuple[str, ...]] = {
    **_ITEM_FIELDS,
    "count": ("of", "window_days", "threshold"),  # + the fields of `of`
    "stance_shift": (
        "holder", "holder_country", "target", "target_country", "window_days", "min_change",
        "min_mentions", "direction",
    ),
}
_ACTOR_FIELDS = {"source", "target", "participant", "actor", "speaker", "carrier", "holder"}
_COUNTRY_FIELDS = {f for f in {f for fs in _FIELDS.values() for f in fs} if f.endswith("_country")}
SET_FIELDS = ("id", "label", "description", "taxonomy", "version", "scenarios", "indicators")
SCENARIO_FIELDS = ("id", "label", "description", "prior")
INDICATOR_FIELDS = ("id", "label", "description", "kind", "query", "diagnosticity", "repeat_decay", "repeat_window_days")


@dataclass
class Scenario:
    id: str
    label: str
    description: str = ""
    prior: float = 0.25
    line: int = 0

    @property
    def prior_log_odds(self) -> float:
        return math.log(self.prior / (1.0 - self.prior))


@dataclass
class Indicator:
    id: str
    label: str
    kind: str
    query: dict[str, Any]
    diagnosticity: dict[str, float]  # scenario id -> log-likelihood ratio
    labels: dict[str, str] = field(default_factory=dict)  # scenario id -> label as written
    description: str = ""
    # The n-th distinct story within `repeat_window_days` of each other weighs repeat_decay**n:
    # the same signal repeated in one fortnight is one signal, a new one weeks later is news.
    repeat_decay: float = 0.5
    repeat_window_days: int = 14
    line: int = 0


@dataclass
class ScenarioSet:
    id: str
    label: str
    scenarios: list[Scenario]
    indicators: list[Indicator]
    description: str = ""
    source: str = ""
    taxonomy: str | None = None
    warnings: list[str] = field(default_factory=list)  # what could not be checked

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


# --------------------------------------------------------------------------- YAML with lines


class _LineLoader(yaml.SafeLoader):
    """Remembers the line of every mapping and of each of its keys under `__lines__`."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    out: dict[str, Any] = {"__lines__": {"__self__": node.start_mark.line + 1}}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key == "__lines__":
            raise InputError("mapping keys must be plain words", where=f"line {key_node.start_mark.line + 1}")
        key = str(key)
        if key in out:
            raise InputError(f"duplicate key {key!r}", where=f"line {key_node.start_mark.line + 1}")
        out[key] = loader.construct_object(value_node, deep=True)
        out["__lines__"][key] = key_node.start_mark.line + 1
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Reader:
    """Small helpers that raise InputError naming `source:line`."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, message: str, line: int) -> InputError:
        return InputError(message, where=f"{self.source}:{line}" if line else self.source)

    @staticmethod
    def line(mapping: dict[str, Any], key: str | None = None) -> int:
        lines = mapping.get("__lines__", {}) if isinstance(mapping, dict) else {}
        return int(lines.get(key, lines.get("__self__", 0)) if key else lines.get("__self__", 0))

    def fields(self, mapping: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
        for key in mapping:
            if key != "__lines__" and key not in allowed:
                raise self.fail(
                    f"unknown field {key!r} in {what} (allowed: {', '.join(allowed)})", self.line(mapping, key)
                )

    def text(self, mapping: dict[str, Any], key: str, what: str, required: bool = False, limit: int = 2000) -> str:
        value = mapping.get(key)
        if value is None:
            if required:
                raise self.fail(f"{what} needs '{key}'", self.line(mapping))
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(f"'{key}' of {what} must be text", self.line(mapping, key))
        value = " ".join(str(value).split())
        if len(value) > limit:
            raise self.fail(f"'{key}' of {what} is longer than {limit} characters", self.line(mapping, key))
        return value

    def ident(self, mapping: dict[str, Any], what: str) -> str:
        value = self.text(mapping, "id", what, required=True, limit=80)
        if not ID_RE.match(value):
            raise self.fail(f"{what} id {value!r} must be letters, digits, '-', '_', '.' or ':'", self.line(mapping, "id"))
        return value

    def number(self, mapping: dict[str, Any], key: str, what: str, lo: float, hi: float, default: float) -> float:
        value = mapping.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not (lo <= float(value) <= hi):
            raise self.fail(f"'{key}' of {what} must be a number from {lo:g} to {hi:g}", self.line(mapping, key))
        return float(value)

    def strings(self, mapping: dict[str, Any], key: str, what: str) -> list[str]:
        value = mapping.get(key)
        items = [value] if isinstance(value, (str, int)) and not isinstance(value, bool) else value
        if not isinstance(items, list) or not items or len(items) > MAX_TERMS:
            raise self.fail(f"'{key}' of {what} must be a word or a non-empty list of words", self.line(mapping, key))
        out = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip() or len(str(item)) > 200:
                raise self.fail(f"'{key}' of {what} has an empty or malformed entry", self.line(mapping, key))
            out.append(str(item).strip())
        return out


# --------------------------------------------------------------------------- parsing


@dataclass
class Vocabulary:
    """What ids may appear in a scenario file (None = not checked: that part is not installed)."""

    actors: set[str] | None = None
    narratives: set[str] | None = None


def registry_actor_ids(registry_paths: tuple[str, ...] = ()) -> set[str] | None:
    """Actor ids of the registry (shipped + user files), or None when it is empty."""
    return {a.id for a in get_registry(registry_paths).all()} or None


def taxonomy_narrative_ids(
    name: str | None, base_dir: Path | None = None, taxonomies: tuple[Path, ...] = ()
) -> tuple[set[str] | None, str | None]:
    """Narrative ids a scenario file may use, and a warning when they cannot be checked.

    A file that names its taxonomy (a path relative to the file, a workspace
    taxonomy's name, or a shipped one's name) is checked against that one;
    otherwise against every workspace and shipped taxonomy.
    """
    if name:
        # A path next to the scenario file, then a shipped name, then a workspace taxonomy's name.
        for cand in ([base_dir / name] if base_dir is not None else []) + [Path(name)]:
            try:
                return {n.id for n in load_taxonomy(cand).narratives}, None
            except InputError:
                continue
        for cand in taxonomies:
            try:
                tax = load_taxonomy(cand)
            except InputError:
                continue
            if name in (tax.name, Path(cand).stem):
                return {n.id for n in tax.narratives}, None
        return None, f"narrative ids not checked: taxonomy {name!r} is not installed"
    ids: set[str] = set()
    for path in [*taxonomies, *bundled_taxonomies()]:
        ids.update(n.id for n in load_taxonomy(path).narratives)
    return (ids or None), (None if ids else "narrative ids not checked: no taxonomy is installed")


def parse_scenario_set(
    text: str,
    source: str = "<scenarios>",
    vocabulary: Vocabulary | None = None,
    base_dir: Path | None = None,
    taxonomies: tuple[Path, ...] = (),
    registries: tuple[str, ...] = (),
) -> ScenarioSet:
    """Parse and validate scenario YAML; every error names `source` and the line.

    Without a `vocabulary`, actor ids are checked against the registry and
    narrative ids against the taxonomy the file names (or all installed ones).
    """
    if len(text.encode("utf-8", "replace")) > MAX_SCENARIO_BYTES:
        raise InputError(f"scenario file larger than {MAX_SCENARIO_BYTES} bytes", where=source)
    rd = _Reader(source)
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise rd.fail(f"not valid YAML ({problem})", mark.line + 1 if mark else 0) from None
    except InputError as exc:  # raised inside the loader with "line N"
        raise InputError(str(exc).split(": ", 1)[-1], where=f"{source}:{exc.where.split()[-1]}") from None
    except RecursionError:
        raise rd.fail("nested too deeply", 0) from None
    if not isinstance(data, dict):
        raise rd.fail("a scenario file must be a mapping with 'id', 'scenarios' and 'indicators'", 1)
    rd.fields(data, SET_FIELDS, "the scenario set")
    taxonomy = rd.text(data, "taxonomy", "the scenario set") or None
    warnings: list[str] = []
    if vocabulary is None:
        narrative_ids, warning = taxonomy_narrative_ids(taxonomy, base_dir, taxonomies)
        vocabulary = Vocabulary(registry_actor_ids(registries), narrative_ids)
        warnings += [warning] if warning else []
    vocab = vocabulary
    set_id = rd.ident(data, "scenario set")
    scenarios = _scenarios(rd, data)
    ids = {s.id for s in scenarios}
    raw = data.get("indicators")
    if not isinstance(raw, list) or not raw or len(raw) > MAX_INDICATORS:
        raise rd.fail(f"'indicators' must be a list of 1 to {MAX_INDICATORS} indicators", rd.line(data, "indicators") or 1)
    indicators: list[Indicator] = []
    seen: set[str] = set()
    for item in raw:
        ind = _indicator(rd, item, ids, vocab, rd.line(data, "indicators"))
        if ind.id in seen:
            raise rd.fail(f"duplicate indicator id {ind.id!r}", ind.line)
        seen.add(ind.id)
        indicators.append(ind)
    return ScenarioSet(
        id=set_id,
        label=rd.text(data, "label", "the scenario set") or set_id,
        description=rd.text(data, "description", "the scenario set", limit=5000),
        scenarios=scenarios,
        indicators=indicators,
        source=source,
        taxonomy=taxonomy,
        warnings=warnings,
    )


def _scenarios(rd: _Reader, data: dict[str, Any]) -> list[Scenario]:
    raw = data.get("scenarios")
    if not isinstance(raw, list) or not raw or len(raw) > MAX_SCENARIOS:
        raise rd.fail(f"'scenarios' must be a list of 1 to {MAX_SCENARIOS} scenarios", rd.line(data, "scenarios") or 1)
    out: list[Scenario] = []
    for item in raw:
        if not isinstance(item, dict):
            raise rd.fail("a scenario must be a mapping with 'id' and 'label'", rd.line(data, "scenarios"))
        rd.fields(item, SCENARIO_FIELDS, "a scenario")
        sid = rd.ident(item, "scenario")
        if any(s.id == sid for s in out):
            raise rd.fail(f"duplicate scenario id {sid!r}", rd.line(item, "id"))
        prior = rd.number(item, "prior", f"scenario {sid!r}", 0.001, 0.999, 1.0 / len(raw))
        out.append(
            Scenario(
                id=sid,
                label=rd.text(item, "label", f"scenario {sid!r}") or sid,
                description=rd.text(item, "description", f"scenario {sid!r}", limit=5000),
                prior=prior,
                line=rd.line(item),
            )
        )
    return out


def _indicator(rd: _Reader, item: Any, scenario_ids: set[str], vocab: Vocabulary, list_line: int) -> Indicator:
    if not isinstance(item, dict):
        raise rd.fail("an indicator must be a mapping with 'id', 'kind', 'query' and 'diagnosticity'", list_line)
    rd.fields(item, INDICATOR_FIELDS, "an indicator")
    iid = rd.ident(item, "indicator")
    what = f"indicator {iid!r}"
    kind = rd.text(item, "kind", what, required=True)
    if kind not in KINDS:
        raise rd.fail(f"{what}: unknown kind {kind!r} (use one of {', '.join(KINDS)})", rd.line(item, "kind"))
    query = item.get("query")
    if not isinstance(query, dict):
        raise rd.fail(f"{what} needs a 'query' mapping", rd.line(item, "query") or rd.line(item))
    parsed = _query(rd, query, kind, what, vocab)
    diag_raw = item.get("diagnosticity")
    if not isinstance(diag_raw, dict) or len(diag_raw) <= 1:
        raise rd.fail(f"{what} needs 'diagnosticity': scenario id -> label or likelihood ratio", rd.line(item, "diagnosticity") or rd.line(item))
    diag: dict[str, float] = {}
    labels: dict[str, str] = {}
    for sid, value in diag_raw.items():
        if sid == "__lines__":
            continue
        line = rd.line(diag_raw, sid)
        if sid not in scenario_ids:
            raise rd.fail(f"{what}: unknown scenario {sid!r} in diagnosticity", line)
        if isinstance(value, str) and value in DIAGNOSTICITY:
            diag[sid], labels[sid] = DIAGNOSTICITY[value], value
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and 0.01 <= value <= 100:
            diag[sid], labels[sid] = math.log(float(value)), f"LR {float(value):g}"
        else:
            raise rd.fail(
                f"{what}: diagnosticity for {sid!r} must be one of {', '.join(DIAGNOSTICITY)} "
                "or a likelihood ratio from 0.01 to 100",
                line,
            )
    return Indicator(
        id=iid,
        label=rd.text(item, "label", what) or iid,
        description=rd.text(item, "description", what, limit=5000),
        kind=kind,
        query=parsed,
        diagnosticity=diag,
        labels=labels,
        repeat_decay=rd.number(item, "repeat_decay", what, 0.0, 1.0, 0.5),
        repeat_window_days=int(rd.number(item, "repeat_window_days", what, 1, 3650, 14)),
        line=rd.line(item),
    )


def _first_unknown(vals: list[str], known: Collection[str] | None) -> str | None:
    """The first of `vals` not in `known`; None when all are, or when `known` is None (not checked)."""
    if known is None:
        return None
    return next((v for v in vals if v not in known), None)


def _query(rd: _Reader, q: dict[str, Any], kind: str, what: str, vocab: Vocabulary) -> dict[str, Any]:
    allowed = _FIELDS[kind]
    if kind == "count":
        of = q.get("of")
        if of not in _ITEM_FIELDS:
            raise rd.fail(f"{what}: 'of' must be one of {', '.join(_ITEM_FIELDS)}", rd.line(q, "of") or rd.line(q))
        allowed = allowed + _ITEM_FIELDS[of]
    rd.fields(q, allowed, f"the query of {what}")
    out: dict[str, Any] = {}
    for key, value in q.items():
        if key == "__lines__":
            continue
        line = rd.line(q, key)
        if key == "of":
            out[key] = value
        elif key in ("window_days", "threshold", "min_mentions"):
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3650:
                raise rd.fail(f"{what}: '{key}' must be a whole number from 1 to 3650", line)
            out[key] = value
        elif key in ("min_confidence", "min_score", "min_change"):
            out[key] = rd.number(q, key, what, 0.0, 2.0, 0.0)
        elif key == "direction":
            if value not in DIRECTIONS:
                raise rd.fail(f"{what}: 'direction' must be one of {', '.join(DIRECTIONS)}", line)
            out[key] = value
        elif key == "keywords":
            out[key] = _keywords(rd, q, what)
        elif key == "stance":
            vals = rd.strings(q, key, what)
            if (bad := _first_unknown(vals, STANCES)) is not None:
                raise rd.fail(f"{what}: unknown stance {bad!r} (use {', '.join(STANCES)})", line)
            out[key] = vals
        elif key == "plover":
            vals = [v.upper() for v in rd.strings(q, key, what)]
            if (bad := _first_unknown(vals, PLOVER_TYPES)) is not None:
                raise rd.fail(f"{what}: unknown PLOVER type {bad!r}", line)
            out[key] = vals
        elif key in _COUNTRY_FIELDS:
            vals = [v.upper() for v in rd.strings(q, key, what)]
            bad = [v for v in vals if not COUNTRY_RE.match(v)]
            if bad:
                raise rd.fail(f"{what}: {key} {bad[0]!r} is not a country code like RUS or POL", line)
            out[key] = vals
        elif key in _ACTOR_FIELDS:
            vals = rd.strings(q, key, what)
            if (bad := _first_unknown(vals, vocab.actors)) is not None:
                raise rd.fail(f"{what}: unknown actor id {bad!r} in '{key}' (see the actor registry)", line)
            out[key] = vals
        elif key == "narratives":
            vals = rd.strings(q, key, what)
            if (bad := _first_unknown(vals, vocab.narratives)) is not None:
                raise rd.fail(f"{what}: unknown narrative id {bad!r} (not in the taxonomy)", line)
            out[key] = vals
        elif key == "languages":
            out[key] = [v.lower() for v in rd.strings(q, key, what)]
    if kind == "count":
        for need in ("window_days", "threshold"):
            if need not in out:
                raise rd.fail(f"{what}: a count needs '{need}'", rd.line(q))
    if kind == "stance_shift" and not any(k in out for k in ("holder", "holder_country")):
        raise rd.fail(f"{what}: a stance_shift needs 'holder' or 'holder_country'", rd.line(q))
    if kind == "stance_shift" and not any(k in out for k in ("target", "target_country")):
        raise rd.fail(f"{what}: a stance_shift needs 'target' or 'target_country'", rd.line(q))
    if kind in _ITEM_FIELDS and len(out) == 0:
        raise rd.fail(f"{what}: an empty query would match everything", rd.line(q))
    return out


def _keywords(rd: _Reader, q: dict[str, Any], what: str) -> dict[str, list[Any]]:
    """`keywords: [..]` (any of) or `{any: [..], all: [..], none: [..]}`; `word*` = prefix.

    An entry of `all` may itself be a list, meaning "one of these": e.g.
    `all: [[Merkel, Меркель], [call*, phone, разговор*]]`.
    """
    value = q.get("keywords")
    line = rd.line(q, "keywords")
    if not isinstance(value, dict):
        return {"any": [t.lower() for t in rd.strings(q, "keywords", what)]}
    rd.fields(value, ("any", "all", "none"), f"the keywords of {what}")
    out: dict[str, list[Any]] = {}
    for key in ("any", "none"):
        if key in value:
            out[key] = [t.lower() for t in rd.strings(value, key, what)]
    if "all" in value:
        groups = value["all"] if isinstance(value["all"], list) else [value["all"]]
        out["all"] = []
        for group in groups:
            if isinstance(group, list):
                out["all"].append([t.lower() for t in rd.strings({"all": group}, "all", what)])
            else:
                out["all"].append([t.lower() for t in rd.strings({"all": group}, "all", what)][0])
        if not out["all"]:
            raise rd.fail(f"{what}: 'all' of keywords is empty", line)
    if not out.get("any") and not out.get("all"):
        raise rd.fail(f"{what}: keywords need 'any' or 'all'", line)
    return out


def load_scenario_set(
    path: str | Path,
    vocabulary: Vocabulary | None = None,
    taxonomies: tuple[Path, ...] = (),
    registries: tuple[str, ...] = (),
) -> ScenarioSet:
    """Read and validate one scenario file (errors name the file and line)."""
    p = Path(path)
    where = str(p)
    try:
        if not p.is_file():
            raise InputError("no such scenario file", where=where)
        if p.stat().st_size > MAX_SCENARIO_BYTES:
            raise InputError(f"scenario file larger than {MAX_SCENARIO_BYTES} bytes", where=where)
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("scenario file is not UTF-8 text", where=where) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", where=where) from None
    return parse_scenario_set(text, where, vocabulary, p.resolve().parent, taxonomies, registries)
