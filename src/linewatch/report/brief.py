"""Briefings: what was said and done in a period, every sentence citing its sources.

    from linewatch.report.brief import build_briefing, write_briefing
    b = build_briefing(store, "2021-11-01", "2021-11-15", actors=["Sergei Lavrov"])
    write_briefing(b, "pdf", Path("brief.pdf"))

The shape follows an analyst's note: key statements in time order (speaker,
role, date), who supports and who blames whom and what moved, narratives on
the rise and their carriers, indicator and scenario status, then numbered
references (title, outlet, date, URL, offsets, the quoted sentence).
Corrections made in the dashboard are applied.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from linewatch.errors import InputError
from linewatch.model import CARRIER
from linewatch.store.queries import charts, records
from linewatch.store.queries.filters import ItemFilter, parse_day
from linewatch.web.scenario_board import scenario_board

MAX_KEY_STATEMENTS = 40
MAX_SCAN = 4000  # statements read per briefing (newest in the window first)
NOTABLE_PLOVER = set(records.NOTABLE_PLOVER) | {"SUPPORT", "APPEAL", "REJECT"}


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


@dataclass
class Line:
    """One sentence of the briefing with the references it cites."""

    text: str
    refs: list[int] = field(default_factory=list)
    quote: str | None = None  # quoted content, rendered after the text


@dataclass
class Briefing:
    date_from: str
    date_to: str
    actors: list[str]
    topic: str | None
    generated_at: str
    summary: list[Line] = field(default_factory=list)
    key_statements: list[Line] = field(default_factory=list)
    relations: list[Line] = field(default_factory=list)
    shifts: list[Line] = field(default_factory=list)
    narratives: list[Line] = field(default_factory=list)
    scenarios: list[Line] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    @property
    def title(self) -> str:
        who = f" — {', '.join(self.actors)}" if self.actors else ""
        topic = f" — {self.topic}" if self.topic else ""
        return f"Briefing {self.date_from} to {self.date_to}{who}{topic}"


class _Refs:
    """Numbers references in order of first citation, one per (document, sentence)."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, int, int], Reference] = {}

    def cite(self, row: dict[str, Any]) -> int:
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


def _who(st: dict[str, Any]) -> str:
    name = st.get("speaker") or "an unidentified speaker"
    role = ", ".join(x for x in (st.get("speaker_role"), st.get("speaker_country")) if x)
    return f"{name} ({role})" if role else name


def _statements(store: Any, f: ItemFilter, actors: list[str]) -> list[dict[str, Any]]:
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
    rows = [r for r in found.values() if not r.get("wrong")]
    rows.sort(key=lambda r: (r.get("date") or "", r["doc_id"], r.get("content_start") or 0))
    return rows


def _key(st: dict[str, Any]) -> float:
    """How much a statement matters for a briefing: takes a side, accuses, is confident."""
    score = float(st.get("confidence") or 0.5)
    if st.get("stance") in ("support", "oppose"):
        score += 1.0
    if st.get("plover") in NOTABLE_PLOVER:
        score += 0.7
    if st.get("target"):
        score += 0.3
    if st.get("corrected"):
        score += 0.2  # an analyst looked at it
    return score


def _pairs(rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        if r.get("speaker") and r.get("target") and r["speaker"] != r["target"]:
            out.setdefault((r["speaker"], r["target"]), []).append(r)
    return out


def _relations(rows: list[dict[str, Any]], refs: _Refs) -> list[Line]:
    lines = []
    pairs = _pairs(rows)
    ranked = sorted(pairs.items(), key=lambda kv: -len(kv[1]))
    for (speaker, target), items in ranked[:25]:
        sup = [r for r in items if r.get("stance") == "support"]
        opp = [r for r in items if r.get("stance") == "oppose"]
        if not sup and not opp:
            continue
        if len(sup) >= len(opp):
            verb, chosen = "backed", sup
        else:
            verb, chosen = "blamed or opposed", opp
        text = f"{speaker} {verb} {target} in {_n(len(chosen), 'statement')}"
        if sup and opp:
            text += f" (and took the other side in {min(len(sup), len(opp))})"
        lines.append(Line(text + ".", [refs.cite(r) for r in chosen[:3]]))
    return lines


def _shifts(rows: list[dict[str, Any]], refs: _Refs, mid: str) -> list[Line]:
    """Pairs whose net stance changed between the first and second half of the period."""
    lines = []

    def net(items: list[dict[str, Any]]) -> float:
        vals = [1 if r.get("stance") == "support" else -1 if r.get("stance") == "oppose" else 0 for r in items]
        return sum(vals) / len(vals)

    for (speaker, target), items in _pairs(rows).items():
        before = [r for r in items if (r.get("date") or "") < mid]
        after = [r for r in items if (r.get("date") or "") >= mid]
        if not before or not after:
            continue
        a, b = net(before), net(after)
        if abs(b - a) < 0.5:
            continue
        direction = "warmer" if b > a else "harsher"
        text = (f"{speaker} became {direction} toward {target}: net stance {a:+.1f} before {mid}, "
                f"{b:+.1f} from then on.")
        lines.append(Line(text, [refs.cite(before[-1]), refs.cite(after[-1])]))
    lines.sort(key=lambda ln: ln.text)
    return lines[:15]


def _analyzed_shifts(store: Any, date_from: str, date_to: str, actors: list[str], refs: _Refs) -> list[Line] | None:
    """Stance shifts found by analyze.stance_matrix (change points in the period), or None if absent."""
    try:
        from linewatch.analyze.stance.matrix import stance_shifts
    except ImportError:
        return None
    lines = []
    for sh in stance_shifts(store):
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
        lines.append(Line(f"{sh['speaker']} moved from {sh['before']} to {sh['after']} toward {sh['target']} "
                          f"around {_human_day(day)[3:]}.", cited))
    return lines[:20]


def _narratives(store: Any, f: ItemFilter, rows: list[dict[str, Any]], refs: _Refs) -> list[Line]:
    trends = charts.narrative_trends(store, f)
    by_nar: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        for m in r.get("narrative_matches") or []:
            if m.get("relation") == CARRIER:  # cite promoters only, never a rebuttal
                by_nar.setdefault(m["narrative"], []).append(r)
    lines = []
    for t in trends["rising"][:8]:
        if t["after"] <= 0:
            continue
        carriers = charts.narrative_carriers(store, t["name"], f.date_from or trends["from"], f.date_to or trends["to"], 4)
        who = ", ".join(f"{c['speaker']} ({c['n']})" for c in carriers) or "no named speaker"
        trend = "rose" if t["change"] > 0 else "held" if t["change"] == 0 else "fell"
        text = (f"The narrative “{t['name']}” {trend}: {t['before']} articles in the first half of the period, "
                f"{t['after']} in the second; carried by {who}.")
        examples = by_nar.get(t["name"], [])[-2:]
        lines.append(Line(text, [refs.cite(r) for r in examples]))
    return lines


def _cite_item(store: Any, kind: str | None, item_id: str | None, refs: _Refs) -> list[int]:
    if kind == "statement" and item_id:
        st = records.get_statement(store, item_id)
        return [refs.cite(st)] if st else []
    if kind == "event" and item_id:
        ev = records.get_event(store, item_id)
        return [refs.cite(ev)] if ev else []
    return []


def _scenarios(store: Any, f: ItemFilter, refs: _Refs) -> list[Line]:
    """Indicator and scenario status in the period (analyze.scenarios when present, else the board)."""
    lines: list[Line] = []
    try:
        from linewatch.analyze.scenarios.check import indicators_summary, scenario_status

        summary = indicators_summary(store, f.date_from, f.date_to)
    except ImportError:
        summary = {"sets": []}
    for st in summary.get("sets", []):
        # the evidence that moved each scenario most within the period, to cite
        movers: dict[str, list[dict[str, Any]]] = {}
        for sc in scenario_status(store, st["set_id"], evidence_limit=50):
            movers[sc["scenario_id"]] = [e for e in sc.get("evidence", [])
                                         if f.date_from <= (e.get("date") or "") <= f.date_to][:2]
        for sc in st.get("scenarios", []):
            move = sc["p_end"] - sc["p_start"]
            trend = "rose" if move > 0.005 else "fell" if move < -0.005 else "held"
            cited = [n for e in movers.get(sc["scenario_id"], []) for n in _cite_item(store, e.get("item_kind"), e.get("item_id"), refs)]
            lines.append(Line(f"Scenario “{sc['label']}” {trend} from {sc['p_start'] * 100:.0f}% to "
                              f"{sc['p_end'] * 100:.0f}% over the period.", cited))
        for ind in st.get("indicators", []):
            first = "first seen" if ind.get("new") else "seen again"
            cited = [n for ex in ind.get("examples", [])[:2] for n in _cite_item(store, ex.get("item_kind"), ex.get("item_id"), refs)]
            lines.append(Line(f"Indicator “{ind['label']}” was {first}: {_n(ind['evidence'], 'piece')} of evidence from "
                              f"{_n(ind['stories'], 'story', 'stories')} (first on {ind.get('first_seen') or '?'}).", cited))
    if lines:
        return lines
    board = scenario_board(store)
    for s in board["scenarios"]:
        lines.append(Line(f"Scenario “{s['label']}” stands at {s['probability'] * 100:.0f}% (as of {s['as_of']}).", []))
    for ev in board["rows"][:12]:
        day = ev.get("date") or ""
        if (f.date_from and day < f.date_from) or (f.date_to and day > f.date_to):
            continue
        lines.append(Line(f"Indicator “{ev['indicator']}” was observed {_human_day(ev.get('date'))}.",
                          _cite_item(store, ev.get("item_kind"), ev.get("item_id"), refs)))
    return lines


def build_briefing(
    store: Any, date_from: str, date_to: str, actors: list[str] | None = None, topic: str | None = None,
    max_statements: int = MAX_KEY_STATEMENTS,
) -> Briefing:
    date_from = parse_day(date_from, "--from") or ""
    date_to = parse_day(date_to, "--to") or ""
    if not date_from or not date_to:
        raise InputError("a briefing needs --from and --to dates", where="brief")
    if date_to < date_from:
        raise InputError("--to is before --from", where="brief")
    actors = [a.strip() for a in (actors or []) if a and a.strip()][:10]
    f = ItemFilter(date_from=date_from, date_to=date_to)
    if topic:
        known = store.query("SELECT 1 AS x FROM narrative_matches WHERE narrative_id = ? LIMIT 1", [topic])
        if known:
            f.narrative = topic
        else:
            f.q = topic
    b = Briefing(date_from, date_to, actors, topic, datetime.now(UTC).isoformat(timespec="minutes"))
    refs = _Refs()
    rows = _statements(store, f, actors)
    key = sorted(sorted(rows, key=_key, reverse=True)[:max_statements],
                 key=lambda r: (r.get("date") or "", r["doc_id"], r.get("content_start") or 0))
    speakers = {r.get("speaker") for r in rows if r.get("speaker")}
    if rows:
        busiest: dict[str, int] = {}
        for r in rows:
            if r.get("speaker"):
                busiest[r["speaker"]] = busiest.get(r["speaker"], 0) + 1
        top = sorted(busiest, key=lambda s: (-busiest[s], s))[:3]
        top_rows = [next(r for r in rows if r.get("speaker") == s) for s in top]
        b.summary.append(Line(
            f"Between {date_from} and {date_to} the record holds {len(rows)} attributed statements by "
            f"{len(speakers)} identified speakers; the most quoted were "
            + ", ".join(f"{s} ({busiest[s]})" for s in top) + ".",
            [refs.cite(r) for r in top_rows],
        ))
    else:
        b.summary.append(Line(f"No attributed statements were recorded between {date_from} and {date_to}.", []))
    for r in key:
        day = _human_day(r.get("date"))
        about = f", about {r['target']}" if r.get("target") else ""
        cue = f" (“{r['cue']}”)" if r.get("cue") else ""
        b.key_statements.append(Line(
            f"{day[:1].upper()}{day[1:]}, {_who(r)}{about}{cue}:",
            [refs.cite(r)], quote=" ".join(str(r.get("content") or "").split())[:600],
        ))
    b.relations = _relations(rows, refs)
    mid_day = date.fromordinal((date.fromisoformat(date_from).toordinal() + date.fromisoformat(date_to).toordinal()) // 2)
    b.shifts = _analyzed_shifts(store, date_from, date_to, actors, refs)
    if b.shifts is None:
        b.shifts = _shifts(rows, refs, mid_day.isoformat())
    b.narratives = _narratives(store, f, rows, refs)
    b.scenarios = _scenarios(store, f, refs)
    b.references = refs.all()
    return b
