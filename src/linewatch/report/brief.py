"""Briefings for a director: the judgement first, then each actor's line, narratives and scenarios.

    from linewatch.report.brief import build_briefing
    b = build_briefing(store, "2021-11-01", "2021-11-30", narrative_labels=labels)

The shape follows an analyst's note (the seed analysis): a bottom line up front
(3–6 key judgements generated from the record, each cited), one section per main
actor (its line in one sentence, then its key statements, copies of one story
grouped under the original), who backs or blames whom and what changed, the
narratives (carriers against rebutters, unique stories, labels not ids), the
scenarios (weights over time, indicators that fired, what to watch), and three
charts drawn server-side as SVG. Every line cites numbered references; each
reference links to the dashboard's highlighted statement and to the original URL.
Russian and Polish quotes stay in their language with an English gloss line.
Corrections made in the dashboard are applied (the query layer's overlay).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from linewatch.actors.registry import actor_registry
from linewatch.analyze.scenarios.board import scenario_board
from linewatch.analyze.scenarios.check import indicators_summary, scenario_sets, scenario_status
from linewatch.analyze.stance.shifts import reviewed_shifts
from linewatch.errors import InputError
from linewatch.model import CARRIER
from linewatch.report import svg
from linewatch.report.gloss import gloss
from linewatch.store.protocol import Store
from linewatch.store.queries import charts, records
from linewatch.store.queries.alerts import MAX_ALERTS, recent_alerts
from linewatch.store.queries.filters import ItemFilter, parse_day
from linewatch.store.queries.stories import is_narrative_id, story_of_documents

MAX_KEY_STATEMENTS = 40
MAX_ACTORS = 6
STATEMENTS_PER_ACTOR = 5
MAX_SCAN = 4000  # statements read per briefing (newest in the window first)
NOTABLE_PLOVER = set(records.NOTABLE_PLOVER) | {"SUPPORT", "APPEAL", "REJECT"}
DEFAULT_DASHBOARD = "http://127.0.0.1:8642"
SIDES = ("support", "oppose")


@dataclass
class Reference:
    n: int
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    start: int
    end: int
    sentence: str
    dashboard: str | None = None  # the dashboard page with this sentence highlighted


@dataclass
class Line:
    """One sentence of the briefing with the references it cites (each number once)."""

    text: str
    refs: list[int] = field(default_factory=list)
    quote: str | None = None  # quoted content, rendered after the text, in its original language
    gloss: str | None = None  # an English line saying what a ru/pl quote does
    also: list[tuple[str, int]] = field(default_factory=list)  # (outlet, ref) of copies of the same story

    def __post_init__(self) -> None:
        self.refs = list(dict.fromkeys(self.refs))  # never "[9] [9]"


@dataclass
class ActorSection:
    name: str
    line: Line
    statements: list[Line] = field(default_factory=list)


@dataclass
class Chart:
    title: str
    svg: str


@dataclass
class Briefing:
    date_from: str
    date_to: str
    actors: list[str]
    topic: str | None
    generated_at: str
    bluf: list[Line] = field(default_factory=list)
    actor_sections: list[ActorSection] = field(default_factory=list)
    shifts: list[Line] = field(default_factory=list)
    narratives: list[Line] = field(default_factory=list)
    scenarios: list[Line] = field(default_factory=list)
    indicators: list[Line] = field(default_factory=list)
    watch: list[Line] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    @property
    def title(self) -> str:
        who = f" — {', '.join(self.actors)}" if self.actors else ""
        topic = f" — {self.topic}" if self.topic else ""
        return f"Briefing {self.date_from} to {self.date_to}{who}{topic}"

    @property
    def key_statements(self) -> list[Line]:
        return [ln for sec in self.actor_sections for ln in sec.statements]

    def all_lines(self) -> list[Line]:
        return (self.bluf + [sec.line for sec in self.actor_sections] + self.key_statements
                + self.shifts + self.narratives + self.scenarios + self.indicators + self.watch)


class _Refs:
    """Numbers references in order of first citation, one per (document, sentence)."""

    def __init__(self, dashboard: str) -> None:
        self.by_key: dict[tuple[str, int, int], Reference] = {}
        self.dashboard = dashboard.rstrip("/")

    def cite(self, row: dict[str, Any], kind: str = "statement") -> int:
        start = row.get("sentence_start") if row.get("sentence_start") is not None else row.get("span_start")
        end = row.get("sentence_end") if row.get("sentence_end") is not None else row.get("span_end")
        start, end = int(start or 0), int(end or 0)
        key = (row["doc_id"], start, end)
        ref = self.by_key.get(key)
        if ref is None:
            ref = Reference(
                n=len(self.by_key) + 1, doc_id=row["doc_id"], title=row.get("doc_title"), outlet=row.get("doc_outlet"),
                published=row.get("doc_published"), url=row.get("doc_url"), start=start, end=end,
                sentence=" ".join(str(row.get("sentence") or row.get("content") or "").split()),
                dashboard=f"{self.dashboard}/{kind}/{row['id']}#hl" if row.get("id") else None,
            )
            self.by_key[key] = ref
        return ref.n

    def all(self) -> list[Reference]:
        return sorted(self.by_key.values(), key=lambda r: r.n)


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _human_day(iso: str | None) -> str:
    if not iso:
        return "on an unknown day"
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return f"on {iso}"
    return f"on {d.day} {d.strftime('%B %Y')}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def _who(st: dict[str, Any]) -> str:
    name = st.get("speaker") or "an unidentified speaker"
    role = ", ".join(x for x in (st.get("speaker_role"), st.get("speaker_country")) if x)
    return f"{name} ({role})" if role else name


def _statements(store: Store, f: ItemFilter, actors: list[str]) -> list[dict[str, Any]]:
    """Statements of the window (per actor when given: spoken by or about them), oldest first."""
    found: dict[str, dict[str, Any]] = {}
    filters = [f] if not actors else [
        g for a in actors for g in (ItemFilter(**{**f.__dict__, "actor": a}), ItemFilter(**{**f.__dict__, "target": a}))
    ]
    for g in filters:
        offset = 0
        while offset < MAX_SCAN:
            rows, more = records.list_statements(store, g, 500, offset)
            for r in rows:
                found.setdefault(r["id"], r)
            if not more:
                break
            offset += 500
    rows = [_named(r) for r in found.values() if not r.get("wrong")]
    rows.sort(key=lambda r: (r.get("date") or "", r["doc_id"], r.get("content_start") or 0))
    return rows


def _named(r: dict[str, Any]) -> dict[str, Any]:
    """A speaker the registry does not know (or an analyst did not type) is not named in a briefing:
    a wrong name ("NEW YORK", a clause) costs more than an unidentified speaker."""
    if r.get("speaker") and not r.get("speaker_id") and "speaker" not in (r.get("corrected") or {}):
        return {**r, "speaker": None, "speaker_role": None, "speaker_country": None}
    return r


def _key(st: dict[str, Any]) -> float:
    """How much a statement matters for a briefing: takes a side, accuses, is confident."""
    score = float(st.get("confidence") or 0.5)
    if st.get("stance") in SIDES:
        score += 1.0
    if st.get("plover") in NOTABLE_PLOVER:
        score += 0.7
    if st.get("target"):
        score += 0.3
    if st.get("corrected"):
        score += 0.2  # an analyst looked at it
    return score


@dataclass
class _Story:
    """One statement as the briefing counts it: the original and its copies in other outlets."""

    original: dict[str, Any]
    copies: list[dict[str, Any]]


def _stories(rows: list[dict[str, Any]], groups: dict[str, dict[str, Any]]) -> list[_Story]:
    """Copies of one story (amplification groups) folded: same speaker, story, target and side = one item.

    The original is the statement in the group's origin document, else the earliest published."""
    by_key: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        story = groups.get(r["doc_id"], {}).get("group") or r["doc_id"]
        by_key.setdefault((r.get("speaker"), story, r.get("target"), r.get("stance")), []).append(r)
    out = []
    for items in by_key.values():
        items.sort(key=lambda r: (groups.get(r["doc_id"], {}).get("relation") != "origin",
                                  r.get("doc_published") or "9999", -_key(r)))
        seen = {items[0]["doc_id"]}
        copies = []
        for r in items[1:]:
            if r["doc_id"] not in seen:
                seen.add(r["doc_id"])
                copies.append(r)
        out.append(_Story(items[0], copies))
    out.sort(key=lambda s: (s.original.get("date") or "", s.original["doc_id"], s.original.get("content_start") or 0))
    return out


def _statement_line(st: _Story, refs: _Refs) -> Line:
    r = st.original
    day = _human_day(r.get("date"))
    about = f", about {r['target']}" if r.get("target") else ""
    cue = f" (“{r['cue']}”)" if r.get("cue") else ""
    return Line(f"{day[:1].upper()}{day[1:]}, {_who(r)}{about}{cue}:", [refs.cite(r)],
                quote=" ".join(str(r.get("content") or "").split())[:600], gloss=gloss(r),
                also=[(c.get("doc_outlet") or "another outlet", refs.cite(c)) for c in st.copies[:4]])


def _sides(stories: list[_Story]) -> tuple[list[tuple[str, list[_Story]]], list[tuple[str, list[_Story]]]]:
    """(targets backed, targets blamed), each with its statements, most statements first (net decides)."""
    by_target: dict[str, list[_Story]] = {}
    for st in stories:
        if st.original.get("target") and st.original.get("stance") in SIDES:
            by_target.setdefault(st.original["target"], []).append(st)
    backed, blamed = [], []
    for target, items in by_target.items():
        sup = [s for s in items if s.original["stance"] == "support"]
        opp = [s for s in items if s.original["stance"] == "oppose"]
        if len(sup) > len(opp):
            backed.append((target, sorted(sup, key=lambda s: -_key(s.original))))
        elif len(opp) > len(sup):
            blamed.append((target, sorted(opp, key=lambda s: -_key(s.original))))
    backed.sort(key=lambda kv: (-len(kv[1]), kv[0]))
    blamed.sort(key=lambda kv: (-len(kv[1]), kv[0]))
    return backed, blamed


def _line_of(subject: str, stories: list[_Story], refs: _Refs, *, plural: bool = False,
             own: set[str] = frozenset()) -> Line:
    """"X backs A (3) and blames B (2), C (1)." in one sentence, citing the strongest statement of each.

    Numbers are statements with copies of one story counted once; `own` (the speakers' own state
    and names) is left out: a capital speaking up for itself is no news."""
    backed, blamed = _sides(stories)
    backed = [(t, v) for t, v in backed if t not in own]
    blamed = [(t, v) for t, v in blamed if t not in own]
    s_ = "" if plural else "s"
    parts = []
    if backed:
        parts.append(f"back{s_} " + _and([f"{t} ({len(v)})" for t, v in backed[:3]]))
    if blamed:
        parts.append(f"blame{s_} or oppose{s_} " + _and([f"{t} ({len(v)})" for t, v in blamed[:3]]))
    if not parts:
        return Line(f"{subject} took no clear side in {_n(len(stories), 'statement')} in this period.",
                    [refs.cite(s.original) for s in stories[:2]])
    cited = [refs.cite(v[0].original) for _, v in (backed[:3] + blamed[:3])]
    return Line(f"{subject} {' and '.join(parts)}.", cited)


def _main_speakers(stories: list[_Story], actors: list[str]) -> list[str]:
    if actors:
        return [a for a in actors if any(s.original.get("speaker") == a for s in stories)]
    count: dict[str, int] = {}
    for s in stories:
        name = s.original.get("speaker")
        if name and s.original.get("stance") in SIDES:
            count[name] = count.get(name, 0) + 1
    return sorted(count, key=lambda n: (-count[n], n))[:MAX_ACTORS]


def _actor_sections(stories: list[_Story], actors: list[str], refs: _Refs, limit: int) -> list[ActorSection]:
    states = _country_names()
    sections = []
    for name in _main_speakers(stories, actors):
        mine = [s for s in stories if s.original.get("speaker") == name]
        roles = [s.original.get("speaker_role") for s in mine if s.original.get("speaker_role")]
        role = max(set(roles), key=roles.count) if roles else None
        subject = f"{name} ({role})" if role else name
        key = sorted(sorted(mine, key=lambda s: -_key(s.original))[:min(STATEMENTS_PER_ACTOR, limit)],
                     key=lambda s: (s.original.get("date") or "", s.original["doc_id"]))
        countries = {states.get(s.original.get("speaker_country") or "", "") for s in mine} - {""}
        sections.append(ActorSection(name, _line_of(subject, mine, refs, own={name, *countries}), [_statement_line(s, refs) for s in key]))
    return sections


def _country_names() -> dict[str, str]:
    """ISO alpha-3 -> the registry's name of that state ("RUS" -> "Russia")."""
    return {a.country: a.name for a in actor_registry().all() if getattr(a, "type", None) == "state" and a.country}


def _country_judgements(stories: list[_Story], refs: _Refs, limit: int = 3) -> list[Line]:
    """Who backs or blames whom, by the speakers' country: the line of each capital."""
    names = _country_names()
    by_country: dict[str, list[_Story]] = {}
    for s in stories:
        c = s.original.get("speaker_country")
        if c and s.original.get("stance") in SIDES and s.original.get("target"):
            by_country.setdefault(c, []).append(s)
    lines = []
    for c in sorted(by_country, key=lambda k: (-len(by_country[k]), k))[:limit]:
        items = by_country[c]
        speakers: dict[str, int] = {}
        for s in items:
            if s.original.get("speaker"):
                speakers[s.original["speaker"]] = speakers.get(s.original["speaker"], 0) + 1
        top = sorted(speakers, key=lambda n: (-speakers[n], n))[:3]
        state = names.get(c, c)
        subject = f"{state}'s voices ({_and(top)})" if top else state
        lines.append(_line_of(subject, items, refs, plural=bool(top), own={state, *speakers}))
    return lines


def _analyzed_shifts(store: Store, date_from: str, date_to: str, actors: list[str], refs: _Refs) -> list[Line]:
    """Stance shifts found by analyze.stance (change points in the period), each citing before and after."""
    lines = []
    for sh in reviewed_shifts(store):  # dismissed shifts stay out
        day = str(sh["change_date"])[:10]
        if not (date_from <= day <= date_to):
            continue
        if actors and sh["speaker"] not in actors and sh["target"] not in actors:
            continue
        cited = []
        for sid in sh["statements_before"][-1:] + sh["statements_after"][:1]:
            st = records.get_statement(store, sid)
            if st:
                cited.append(refs.cite(st))
        if cited:
            lines.append(Line(f"{sh['speaker']} moved from {sh['before']} to {sh['after']} toward {sh['target']} "
                              f"around {_human_day(day)[3:]}.", cited))
    return lines[:20]


def _narratives(trends: dict[str, Any], stories: list[_Story], refs: _Refs, label: Any) -> list[Line]:
    """Per narrative: articles and unique stories, who carries it and who rebuts it (names, not ids)."""
    carriers: dict[str, list[_Story]] = {}
    rebutters: dict[str, list[_Story]] = {}
    for s in stories:
        for m in s.original.get("narrative_matches") or []:
            side = carriers if m.get("relation") == CARRIER else rebutters if m.get("relation") == "rebuts" else None
            if side is not None:
                side.setdefault(m["narrative"], []).append(s)
    rising = {r["name"]: r for r in trends.get("rising", [])}
    lines = []
    for series in trends.get("series", [])[:8]:
        nid = series["name"]
        articles, unique = sum(series["articles"]), sum(series["stories"])
        who = _tally(carriers.get(nid, []))
        against = _tally(rebutters.get(nid, []))
        r = rising.get(nid)
        trend = ""
        if r:
            trend = (" and rising" if r["change"] > 0 else " and falling" if r["change"] < 0 else ", steady") + \
                f" ({r['before']} articles in the first half, {r['after']} in the second)"
        text = (f"“{label(nid)}”: {_n(articles, 'article')}, {_n(unique, 'unique story', 'unique stories')}{trend}; "
                f"carried by {who or 'no named speaker'}; rebutted by {against or 'no one on record'}.")
        cited = [refs.cite(s.original) for s in carriers.get(nid, [])[-2:] + rebutters.get(nid, [])[-1:]]
        lines.append(Line(text, cited))
    return lines


def _tally(stories: list[_Story]) -> str:
    count: dict[str, int] = {}
    for s in stories:
        name = s.original.get("speaker") or "unnamed speakers"
        count[name] = count.get(name, 0) + 1
    return ", ".join(f"{n} ({count[n]})" for n in sorted(count, key=lambda k: (-count[k], k))[:4])


def _cite_item(store: Store, kind: str | None, item_id: str | None, refs: _Refs) -> list[int]:
    if kind == "statement" and item_id:
        st = records.get_statement(store, item_id)
        return [refs.cite(st)] if st else []
    if kind == "event" and item_id:
        ev = records.get_event(store, item_id)
        return [refs.cite(ev, "event")] if ev else []
    return []


@dataclass
class _ScenarioView:
    scenarios: list[Line] = field(default_factory=list)
    indicators: list[Line] = field(default_factory=list)
    watch: list[Line] = field(default_factory=list)
    leading: Line | None = None
    changes: list[Line] = field(default_factory=list)


def _scenarios(store: Store, f: ItemFilter, refs: _Refs) -> _ScenarioView:
    """Scenario weights over the period, the indicators that fired, what to watch, and the leading scenario."""
    view = _ScenarioView()
    summary = indicators_summary(store, f.date_from, f.date_to)
    definitions = {d["id"]: d for d in scenario_sets(store)}
    alerts = recent_alerts(store, MAX_ALERTS)
    for st in summary.get("sets", []):
        movers: dict[str, list[dict[str, Any]]] = {}
        standing: dict[str, list[dict[str, Any]]] = {}  # evidence up to the period's end, when none is inside it
        for sc in scenario_status(store, st["set_id"], evidence_limit=50):
            backing = [e for e in sc.get("evidence", []) if e.get("delta", 0) > 0 and (e.get("date") or "") <= f.date_to]
            movers[sc["scenario_id"]] = [e for e in backing if f.date_from <= (e.get("date") or "")][:2]
            standing[sc["scenario_id"]] = backing[:2]
        ranked = sorted(st.get("scenarios", []), key=lambda sc: -sc["p_end"])
        for sc in ranked:
            move = sc["p_end"] - sc["p_start"]
            trend = "rose" if move > 0.005 else "fell" if move < -0.005 else "held"
            cited = [n for e in movers.get(sc["scenario_id"], []) for n in _cite_item(store, e.get("item_kind"), e.get("item_id"), refs)]
            view.scenarios.append(Line(f"“{sc['label']}” {trend} from {sc['p_start'] * 100:.0f}% to "
                                       f"{sc['p_end'] * 100:.0f}% over the period.", cited))
        if ranked and view.leading is None:
            top = ranked[0]
            why = movers.get(top["scenario_id"]) or standing.get(top["scenario_id"], [])
            labels = list(dict.fromkeys(e.get("indicator_label") or e.get("indicator_id") for e in why))
            moved = f"; moved most by {_and([f'“{x}”' for x in labels])}" if labels else ""
            cited = [n for e in why for n in _cite_item(store, e.get("item_kind"), e.get("item_id"), refs)]
            view.leading = Line(f"The leading scenario is “{top['label']}” at {top['p_end'] * 100:.0f}% on {f.date_to} "
                                f"(from {top['p_start'] * 100:.0f}% at the start of the period){moved}.", cited)
        fired = set()
        for ind in st.get("indicators", []):
            fired.add(ind["indicator_id"])
            first = "fired for the first time" if ind.get("new") else "fired again"
            cited = [n for ex in ind.get("examples", [])[:2] for n in _cite_item(store, ex.get("item_kind"), ex.get("item_id"), refs)]
            view.indicators.append(Line(f"“{ind['label']}” {first}: {_n(ind['evidence'], 'piece')} of evidence from "
                                        f"{_n(ind['stories'], 'story', 'stories')} (first on {ind.get('first_seen') or '?'}).", cited))
        for alert in st.get("alerts", []):
            if alert["kind"] == "leading_scenario":
                # cite the evidence that tipped the balance (the alert's own evidence item)
                tipped = [a for a in alerts if a["kind"] == alert["kind"] and a["message"] == alert["message"]]
                cited = [n for a in tipped[:1] for n in _cite_item(store, a.get("evidence_kind"), a.get("evidence_item"), refs)]
                view.changes.append(Line(f"{_human_day(alert.get('as_of'))[3:]}: {alert['message']}.", cited))
        view.watch.extend(_to_watch(definitions.get(st["set_id"], {}), ranked, fired))
    return view


def _to_watch(definition: dict[str, Any], ranked: list[dict[str, Any]], fired: set[str]) -> list[Line]:
    """Indicators not yet seen in the period that would speak strongly for the leading scenario or its rival."""
    labels = {s["scenario_id"]: s["label"] for s in ranked}
    top = [s["scenario_id"] for s in ranked[:2]]
    out = []
    for ind in definition.get("indicators", []):
        if ind["id"] in fired:
            continue
        diag = ind.get("diagnosticity") or {}
        strong = [sid for sid in top if diag.get(sid) == "strong_for"] or [sid for sid in top if diag.get(sid) == "for"]
        if strong:
            out.append(Line(f"“{ind['label']}”: would speak for “{labels[strong[0]]}” (scenario definition, "
                            f"not yet seen in this period).", []))
    return out[:6]


def _charts(store: Store, f: ItemFilter, trends: dict[str, Any], label: Any) -> list[Chart]:
    m = charts.stance_matrix_data(store, f)
    out = [Chart("Who backs and who blames whom (net stance, speakers × targets)",
                 svg.stance_heatmap(m["holders"], m["targets"], m["cells"]))]
    board = scenario_board(store)
    hist = board["history"]
    keep = [i for i, d in enumerate(hist["dates"]) if (d or "")[:10] <= f.date_to]
    out.append(Chart("Scenario weights over time",
                     svg.line_chart([hist["dates"][i][:10] for i in keep],
                                    [{"name": s["name"], "data": [s["data"][i] for i in keep]} for s in hist["series"]],
                                    "Scenario weights over time", percent=True, step=True)))
    out.append(Chart("Narrative trends (articles per week)",
                     svg.line_chart(trends.get("weeks", []),
                                    [{"name": label(s["name"]), "data": s["articles"]} for s in trends.get("series", [])[:6]],
                                    "Narrative trends: articles per week")))
    return out


def build_briefing(
    store: Store, date_from: str, date_to: str, actors: list[str] | None = None, topic: str | None = None,
    max_statements: int = MAX_KEY_STATEMENTS, narrative_labels: dict[str, str] | None = None,
    dashboard: str = DEFAULT_DASHBOARD,
) -> Briefing:
    date_from = parse_day(date_from, "--from") or ""
    date_to = parse_day(date_to, "--to") or ""
    if not date_from or not date_to:
        raise InputError("a briefing needs --from and --to dates", where="brief")
    if date_to < date_from:
        raise InputError("--to is before --from", where="brief")
    actors = [a.strip() for a in (actors or []) if a and a.strip()][:10]
    labels = dict(narrative_labels or {})

    def label(nid: str) -> str:
        return labels.get(nid) or nid.replace("-", " ").replace("_", " ").capitalize()

    f = ItemFilter(date_from=date_from, date_to=date_to)
    if topic:
        if is_narrative_id(store, topic):
            f.narrative = topic
        else:
            f.q = topic
    b = Briefing(date_from, date_to, actors, topic, datetime.now(UTC).isoformat(timespec="minutes"))
    refs = _Refs(dashboard)
    rows = _statements(store, f, actors)
    stories = _stories(rows, story_of_documents(store, [r["doc_id"] for r in rows]))
    trends = charts.narrative_trends(store, f)
    # bottom line up front: each capital's line, the leading scenario, what changed, the narrative on the rise
    bluf = _country_judgements(stories, refs)
    scen = _scenarios(store, f, refs)
    if scen.leading:
        bluf.append(scen.leading)
    shifts = _analyzed_shifts(store, date_from, date_to, actors, refs)
    changed = scen.changes[-1:] + shifts[:1]
    if changed:
        bluf.append(Line("What changed: " + " ".join(ln.text for ln in changed), [n for ln in changed for n in ln.refs]))
    rising = [r["name"] for r in trends.get("rising", []) if r["change"] > 0][:1]
    top_trend = {**trends, "series": [s for s in trends.get("series", []) if s["name"] in rising]}
    bluf.extend(ln for ln in _narratives(top_trend, stories, refs, label) if ln.refs)
    if rows:
        speakers = {r.get("speaker") for r in rows if r.get("speaker")}
        bluf.append(Line(f"The record for {date_from} to {date_to}: {_n(len(rows), 'attributed statement')} by "
                         f"{_n(len(speakers), 'identified speaker')}, {_n(len(stories), 'item')} once copies of one "
                         "story are folded together.", [refs.cite(stories[0].original)]))
    else:
        bluf.append(Line(f"No attributed statements were recorded between {date_from} and {date_to}.", []))
    b.bluf = bluf[:6]
    b.actor_sections = _actor_sections(stories, actors, refs, max_statements)
    b.shifts = scen.changes + shifts
    b.narratives = _narratives(trends, stories, refs, label)
    b.scenarios, b.indicators, b.watch = scen.scenarios, scen.indicators, scen.watch
    b.charts = _charts(store, f, trends, label)
    b.references = refs.all()
    return b
