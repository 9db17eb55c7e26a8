"""Indicator queries run over the store: which statements, events and narrative matches fire them.

Items are read once per check (with analyst corrections applied and items
marked wrong dropped), normalised into `Item`s that know their actors and
countries by role, and matched in Python: the sets are small (thousands), and
one matcher serves SQLite and PostgreSQL alike. Counts and stance shifts are
computed over the date-ordered matches and produce `aggregate` evidence that
names the items behind it.
"""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from linewatch.actors.registry import get_registry
from linewatch.analyze.scenarios.file import Indicator
from linewatch.model import CARRIER
from linewatch.store.protocol import Store
from linewatch.store.queries import scenarios as q
from linewatch.store.queries.corrections import apply_corrections

STANCE_VALUE = {"support": 1.0, "oppose": -1.0, "neutral": 0.0}


@dataclass
class Item:
    """One extracted record, as the matcher sees it."""

    kind: str  # statement / event / narrative / stance
    id: str
    doc_id: str
    date: date | None
    sentence: str
    start: int
    end: int
    language: str = ""
    confidence: float = 1.0
    actors: dict[str, set[str]] = field(default_factory=dict)  # role -> actor ids and names (lower)
    countries: dict[str, set[str]] = field(default_factory=dict)  # role -> country codes
    values: dict[str, Any] = field(default_factory=dict)  # plover, stance, narrative, speaker...


@dataclass
class Match:
    """An item (or, for counts and shifts, a group of items) that fired an indicator."""

    indicator: Indicator
    item: Item
    item_kind: str  # statement / event / narrative / aggregate
    item_id: str
    detail: dict[str, Any] = field(default_factory=dict)
    members: list[Item] = field(default_factory=list)  # items behind an aggregate


# --------------------------------------------------------------------------- reading the store


class ActorLookup:
    """Canonical names / ids -> (id, country) through the registry, when it is installed."""

    def __init__(self, registry: Any = None) -> None:
        if registry is None:
            registry = get_registry()
        self.registry = registry
        self._cache: dict[str, tuple[str | None, str | None]] = {}

    def resolve(self, value: str | None) -> tuple[str | None, str | None]:
        """(actor id, country) of a canonical name or id; (None, None) when unknown."""
        if not value or self.registry is None:
            return None, None
        if value not in self._cache:
            actor = self.registry.by_id(value) or self.registry.by_name(value)
            self._cache[value] = (actor.id, actor.country) if actor else (None, None)
        return self._cache[value]

    def role(self, item: Item, role: str, name: str | None, actor_id: str | None = None, country: str | None = None) -> None:
        """Record an actor in `role` of `item` by every key a query may use (id, name)."""
        keys = item.actors.setdefault(role, set())
        countries = item.countries.setdefault(role, set())
        found_id, found_country = self.resolve(actor_id or name)
        if not found_id and actor_id and name:
            found_id, found_country = self.resolve(name)
        for key in (name, actor_id, found_id):
            if key:
                keys.add(str(key).lower())
        for c in (country, found_country):
            if c:
                countries.add(str(c).upper())


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _overlay_corrections(rows: list[dict[str, Any]], kind: str, store: Store) -> list[dict[str, Any]]:
    """Analyst corrections over item rows; items marked wrong are dropped."""
    return [r for r in apply_corrections(rows, kind, store) if not r.get("wrong")]


def _json_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    try:
        data = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return [str(v) for v in data] if isinstance(data, list) else []


def _row_item(kind: str, r: dict[str, Any], span: str, sentence: str, values: dict[str, Any]) -> Item:
    """A statement or event row as an `Item`: the fields both kinds share, read one way."""
    return Item(
        kind=kind,
        id=r["id"],
        doc_id=r["doc_id"],
        # an undated item falls back on its document's publication day
        date=_day(r.get("date")) or _day(r.get("published")),
        sentence=sentence,
        start=int(r.get(f"{span}_start") or 0),
        end=int(r.get(f"{span}_end") or 0),
        language=(r.get("language") or "").lower(),
        confidence=float(r.get("confidence") if r.get("confidence") is not None else 1.0),
        values=values,
    )


def load_items(store: Store, lookup: ActorLookup | None = None) -> dict[str, list[Item]]:
    """Statements, events, narrative matches and stance mentions of the store as `Item`s, by kind."""
    lookup = lookup or ActorLookup()
    statements = _overlay_corrections(
        q.statement_items(store),
        "statement",
        store,
    )
    out: dict[str, list[Item]] = {"statement": [], "event": [], "narrative": [], "stance": []}
    by_statement: dict[str, Item] = {}
    for r in statements:
        item = _row_item("statement", r, "content", r.get("sentence") or r.get("content") or "",
                         {"plover": (r.get("plover") or "").upper(), "stance": r.get("stance") or "neutral",
                          "speaker": r.get("speaker"), "target": r.get("target")})
        corrected = r.get("corrected") or {}
        # A corrected speaker/target is a name or id typed by an analyst: resolve it afresh.
        speaker_id = None if "speaker" in corrected else r.get("speaker_id")
        speaker_country = None if "speaker" in corrected else r.get("speaker_country")
        lookup.role(item, "speaker", r.get("speaker"), speaker_id, speaker_country)
        lookup.role(item, "target", r.get("target"), None if "target" in corrected else r.get("target_id"))
        # For `report` queries an actor is whoever speaks or is spoken about.
        item.actors["actor"] = item.actors["speaker"] | item.actors["target"]
        item.countries["actor"] = item.countries["speaker"] | item.countries["target"]
        out["statement"].append(item)
        by_statement[item.id] = item
        if r.get("target"):
            stance = Item("stance", item.id, item.doc_id, item.date, item.sentence, item.start, item.end,
                          item.language, item.confidence, {"holder": item.actors["speaker"], "target": item.actors["target"]},
                          {"holder": item.countries["speaker"], "target": item.countries["target"]},
                          {"value": STANCE_VALUE.get(item.values["stance"], 0.0), "speaker": item.values["speaker"],
                           "target": item.values["target"], "stance": item.values["stance"], "statement_id": item.id})
            out["stance"].append(stance)
        if "narratives" in corrected:
            item.values["narratives_corrected"] = list(r.get("narratives") or [])

    events = _overlay_corrections(
        q.event_items(store),
        "event",
        store,
    )
    for r in events:
        item = _row_item("event", r, "span", r.get("sentence") or "",
                         {"plover": (r.get("plover") or "").upper(), "source": r.get("source"), "target": r.get("target"),
                          "trigger": r.get("trigger")})
        lookup.role(item, "source", r.get("source"))
        lookup.role(item, "target", r.get("target"))
        for name in _json_list(r.get("participants")):
            lookup.role(item, "participant", name)
        for role in ("source", "target", "participant"):
            item.actors.setdefault("actor", set()).update(item.actors.get(role, set()))
            item.countries.setdefault("actor", set()).update(item.countries.get(role, set()))
        out["event"].append(item)

    narratives = _overlay_corrections(
        q.narrative_items(store, CARRIER),  # a rebuttal or a report is no sign the narrative is pushed
        "narrative",
        store,
    )
    for r in narratives:
        st = by_statement.get(r.get("statement_id") or "")
        if st is not None and "narratives_corrected" in st.values and r["narrative_id"] not in st.values["narratives_corrected"]:
            continue  # the analyst removed this narrative from the statement
        out["narrative"].append(_narrative_item(r["id"], r["narrative_id"], r, st))
    for st in by_statement.values():  # narratives an analyst added to a statement
        for nid in st.values.get("narratives_corrected", []):
            if not any(n.values["narrative"] == nid and n.values.get("statement_id") == st.id for n in out["narrative"]):
                row = {"doc_id": st.doc_id, "score": 1.0, "span_start": st.start, "span_end": st.end,
                       "sentence": st.sentence, "published": st.date, "language": st.language, "statement_id": st.id}
                out["narrative"].append(_narrative_item(f"{st.id}:{nid}", nid, row, st))

    stances = q.stance_items(store)
    for r in stances:
        if r.get("statement_id") and r["statement_id"] not in by_statement:
            continue  # its statement was marked wrong
        item = Item("stance", f"m{r['id']}", r["doc_id"], _day(r.get("date")) or _day(r.get("published")),
                    r.get("sentence") or "", int(r.get("span_start") or 0), int(r.get("span_end") or 0),
                    (r.get("language") or "").lower(), float(r.get("score") or 1.0),
                    values={"value": STANCE_VALUE.get(r.get("polarity") or "", 0.0), "speaker": r.get("holder"),
                            "target": r.get("target"), "stance": r.get("polarity"), "statement_id": r.get("statement_id")})
        lookup.role(item, "holder", r.get("holder"))
        lookup.role(item, "target", r.get("target"))
        out["stance"].append(item)
    return out


def _narrative_item(item_id: str, narrative_id: str, r: dict[str, Any], st: Item | None) -> Item:
    item = Item(
        kind="narrative",
        id=item_id,
        doc_id=r["doc_id"],
        date=(st.date if st else None) or _day(r.get("published")),
        sentence=r.get("sentence") or (st.sentence if st else ""),
        start=int(r.get("span_start") or 0),
        end=int(r.get("span_end") or 0),
        language=(r.get("language") or "").lower(),
        confidence=float(r.get("score") or 0.0),
        values={"narrative": narrative_id, "statement_id": r.get("statement_id"),
                "speaker": st.values.get("speaker") if st else None},
    )
    if st is not None:
        item.actors["carrier"] = set(st.actors.get("speaker", set()))
        item.countries["carrier"] = set(st.countries.get("speaker", set()))
    return item


# --------------------------------------------------------------------------- matching one item


def _term_pattern(term: str) -> str:
    """A keyword as a whole-word pattern; a trailing * matches any ending (for inflected languages)."""
    stem = term[:-1] if term.endswith("*") else term
    tail = r"\w*" if term.endswith("*") else ""
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in stem.split()) + tail + r"(?!\w)"


@lru_cache(maxsize=4096)
def _terms_re(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for "any of these terms" (one scan of the sentence instead of one per term)."""
    return re.compile("|".join(_term_pattern(t) for t in terms), re.IGNORECASE)


def _found(term: str | list[str], text: str) -> bool:
    terms = tuple(term) if isinstance(term, list) else (term,)
    return bool(terms) and _terms_re(terms).search(text) is not None


def keywords_match(spec: dict[str, list[Any]], text: str) -> bool:
    """none: no term; all: every entry (an entry may be a list of alternatives); any: one term."""
    if spec.get("none") and _found(list(spec["none"]), text):
        return False
    if spec.get("all") and not all(_found(t, text) for t in spec["all"]):
        return False
    if spec.get("any") and not _found(list(spec["any"]), text):
        return False
    return True


# query field -> (role in Item.actors / Item.countries)
_ROLE_OF = {
    "source": "source", "target": "target", "participant": "participant", "actor": "actor",
    "speaker": "speaker", "carrier": "carrier", "holder": "holder",
}


def item_matches(query: dict[str, Any], item: Item) -> bool:
    """Does one item satisfy an event / statement / narrative query (all given fields must hold)?"""
    for key, want in query.items():
        if key in ("of", "window_days", "threshold"):
            continue
        if key in _ROLE_OF:
            have = item.actors.get(_ROLE_OF[key], set())
            if not have & {w.lower() for w in want}:
                return False
        elif key.endswith("_country"):
            if not item.countries.get(_ROLE_OF[key[: -len("_country")]], set()) & set(want):
                return False
        elif key == "plover":
            if item.values.get("plover") not in want:
                return False
        elif key == "stance":
            if item.values.get("stance") not in want:
                return False
        elif key == "narratives":
            if item.values.get("narrative") not in want:
                return False
        elif key == "languages":
            if item.language not in want:
                return False
        elif key in ("min_confidence", "min_score"):
            if item.confidence < want:
                return False
        elif key == "keywords":
            if not keywords_match(want, item.sentence):
                return False
    return True


# --------------------------------------------------------------------------- indicators


def _order(items: Iterable[Item]) -> list[Item]:
    return sorted((i for i in items if i.date is not None), key=lambda i: (i.date, i.doc_id, i.start, i.id))


def find_matches(indicator: Indicator, items: dict[str, list[Item]], story_of: dict[str, str]) -> list[Match]:
    """Every piece of evidence for one indicator, in date order."""
    kind, q = indicator.kind, indicator.query
    if kind in ("event", "statement", "narrative", "report"):
        return [Match(indicator, it, it.kind, it.id) for it in _order(_pool(items, kind)) if item_matches(q, it)]
    if kind == "count":
        return _count_matches(indicator, _order(i for i in _pool(items, q["of"]) if item_matches(q, i)), story_of)
    if kind == "stance_shift":
        return _shift_matches(indicator, _order(items["stance"]))
    return []


def _pool(items: dict[str, list[Item]], kind: str) -> list[Item]:
    return items["event"] + items["statement"] if kind == "report" else items[kind]


def _count_matches(indicator: Indicator, matched: list[Item], story_of: dict[str, str]) -> list[Match]:
    """Fires when `threshold` distinct stories match within `window_days`; at most once per window."""
    window = timedelta(days=indicator.query["window_days"])
    threshold = indicator.query["threshold"]
    out: list[Match] = []
    last_fire: date | None = None
    days = [m.date for m in matched]  # sorted: windows are slices found by bisection
    for i, it in enumerate(matched):
        if last_fire is not None and it.date < last_fire + window:
            continue
        inside = matched[bisect.bisect_right(days, it.date - window): i + 1]
        stories = {story_of.get(m.doc_id, m.doc_id) for m in inside}
        if len(stories) >= threshold:
            last_fire = it.date
            out.append(Match(
                indicator, it, "aggregate", f"count:{it.id}",
                detail={"count": len(stories), "window_days": indicator.query["window_days"],
                        "threshold": threshold, "items": [{"kind": m.kind, "id": m.id, "doc_id": m.doc_id,
                                                           "date": m.date.isoformat()} for m in inside][:50]},
                members=inside,
            ))
    return out


def _shift_matches(indicator: Indicator, stances: list[Item]) -> list[Match]:
    """Fires when the mean stance of holder toward target moves by `min_change` between two windows."""
    q = indicator.query
    mine = [s for s in stances if _stance_pair_matches(q, s)]
    window = timedelta(days=q.get("window_days", 14))
    need = q.get("min_mentions", 2)
    min_change = q.get("min_change", 0.5)
    direction = q.get("direction", "any")
    out: list[Match] = []
    last_fire: date | None = None
    days = [s.date for s in mine]  # sorted: windows are slices found by bisection
    for it in mine:
        if last_fire is not None and it.date < last_fire + window:
            continue
        end = bisect.bisect_right(days, it.date)
        middle = bisect.bisect_right(days, it.date - window)
        recent = mine[middle:end]
        before = mine[bisect.bisect_right(days, it.date - 2 * window):middle]
        if len(recent) < need or len(before) < need:
            continue
        now_mean = sum(s.values["value"] for s in recent) / len(recent)
        old_mean = sum(s.values["value"] for s in before) / len(before)
        change = now_mean - old_mean
        fires = abs(change) >= min_change and (
            direction == "any" or (direction == "toward_oppose") == (change < 0)
        )
        if fires:
            last_fire = it.date
            out.append(Match(
                indicator, it, "aggregate", f"shift:{it.id}",
                detail={"before": round(old_mean, 3), "after": round(now_mean, 3), "change": round(change, 3),
                        "window_days": window.days, "before_n": len(before), "after_n": len(recent),
                        "items": [{"kind": s.kind, "id": s.id, "doc_id": s.doc_id, "date": s.date.isoformat(),
                                   "stance": s.values.get("stance")} for s in (before + recent)][:50]},
                members=before + recent,
            ))
    return out


def _stance_pair_matches(q: dict[str, Any], item: Item) -> bool:
    holder_ok = True
    if "holder" in q:
        holder_ok = bool(item.actors.get("holder", set()) & {h.lower() for h in q["holder"]})
    if "holder_country" in q:
        holder_ok = holder_ok and bool(item.countries.get("holder", set()) & set(q["holder_country"]))
    target_ok = True
    if "target" in q:
        target_ok = bool(item.actors.get("target", set()) & {t.lower() for t in q["target"]})
    if "target_country" in q:
        target_ok = target_ok and bool(item.countries.get("target", set()) & set(q["target_country"]))
    return holder_ok and target_ok
