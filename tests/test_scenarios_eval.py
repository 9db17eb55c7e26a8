"""Scenario evaluation on small hand-made stores: each indicator kind fires on evidence and not
without it, weights move the stated way, the audit trail names the evidence, re-runs rebuild."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from linewatch.analyze.scenarios.check import (
    check,
    evidence_matrix,
    indicators_summary,
    scenario_history,
    scenario_status,
)
from linewatch.analyze.scenarios.file import Vocabulary, parse_scenario_set
from linewatch.model import Document, DocumentAnalysis, Event, NarrativeMatch, Statement
from linewatch.store import open_store

VOCAB = Vocabulary(actors=None, narratives=None)
HEAD = """\
id: t
label: Test
scenarios:
  - {id: backing, label: Moscow backs Minsk, prior: 0.5}
  - {id: distance, label: Moscow steps back, prior: 0.5}
indicators:
"""
INDICATORS = {
    "statement": """\
  - id: backs
    label: Russian officials back Minsk
    kind: statement
    query: {speaker_country: RUS, target: [belarus], stance: support}
    diagnosticity: {backing: strong_for, distance: strong_against}
""",
    "event": """\
  - id: force
    label: Force at the border
    kind: event
    query: {plover: [ASSAULT, COERCE], keywords: [water cannon, водомёт*]}
    diagnosticity: {backing: against, distance: for}
""",
    "narrative": """\
  - id: denial
    label: Moscow denies involvement
    kind: narrative
    query: {narratives: [russia-not-involved], carrier_country: RUS}
    diagnosticity: {backing: for, distance: neutral}
""",
    "report": """\
  - id: bombers
    label: Bombers over Belarus
    kind: report
    query: {keywords: [bomber*, бомбардировщик*]}
    diagnosticity: {backing: for, distance: against}
""",
    "count": """\
  - id: surge
    label: Three incidents in a week
    kind: count
    query: {of: event, plover: ASSAULT, window_days: 7, threshold: 3}
    diagnosticity: {backing: against, distance: strong_for}
""",
    "stance_shift": """\
  - id: turn
    label: Moscow turns on Minsk
    kind: stance_shift
    query: {holder_country: RUS, target: [belarus], window_days: 10, min_change: 0.5, direction: toward_oppose}
    diagnosticity: {backing: strong_against, distance: strong_for}
""",
}


def scenario_set(*kinds: str) -> Any:
    return parse_scenario_set(HEAD + "".join(INDICATORS[k] for k in kinds), "t.yaml", VOCAB)


class Corpus:
    """A store plus helpers to add one-sentence documents with hand-made analyses."""

    def __init__(self, url: str) -> None:
        self.store = open_store(url)
        self.n = 0

    def doc(self, day: str, text: str, lang: str = "en", items: list[Any] | None = None) -> str:
        self.n += 1
        document = Document(text=f"{text} [{self.n}]", title=f"doc {self.n}", language=lang,
                            published=date.fromisoformat(day), outlet="Test Wire", source="test")
        self.store.add_document(document)
        analysis = DocumentAnalysis(doc_id=document.id)
        for make in items or []:
            record = make(document.id, text, date.fromisoformat(day))
            {Statement: analysis.statements, Event: analysis.events,
             NarrativeMatch: analysis.narratives}[type(record)].append(record)
        self.store.save_analysis(analysis, "test")
        return document.id

    def statement(self, day: str, text: str, speaker: str = "Sergei Lavrov", country: str = "RUS",
                  target: str | None = "Belarus", stance: str = "support", lang: str = "en") -> str:
        def make(doc_id: str, sentence: str, d: date) -> Statement:
            return Statement(doc_id=doc_id, content=sentence, content_span=(0, len(sentence)), speaker=speaker,
                             speaker_country=country, target=target, stance=stance,  # type: ignore[arg-type]
                             sentence=sentence, sentence_span=(0, len(sentence)), date=d, confidence=0.9)
        return self.doc(day, text, lang, [make])

    def event(self, day: str, text: str, plover: str = "ASSAULT", source: str = "Poland", lang: str = "en") -> str:
        def make(doc_id: str, sentence: str, d: date) -> Event:
            return Event(doc_id=doc_id, plover=plover, span=(0, len(sentence)), source=source, target="Belarus",
                         sentence=sentence, date=d, confidence=0.8)
        return self.doc(day, text, lang, [make])


@pytest.fixture
def corpus(sqlite_url: str) -> Corpus:
    c = Corpus(sqlite_url)
    yield c
    c.store.close()


def latest(store: Any, set_id: str = "t") -> dict[str, float]:
    return {r["scenario_id"]: r["probability"] for r in scenario_status(store, set_id)}


# --------------------------------------------------------------------------- each kind


def test_statement_indicator_fires_moves_weights_and_names_the_evidence(corpus: Corpus) -> None:
    doc = corpus.statement("2021-11-01", "Lavrov said Minsk broke no rules.")
    corpus.statement("2021-11-02", "Lavrov said Poland broke the rules.", target="Poland")  # wrong target
    corpus.statement("2021-11-03", "Rau said Minsk is to blame.", speaker="Zbigniew Rau", country="POL")
    result = check(corpus.store, scenario_set("statement"))
    assert result.evidence == 1 and result.fired == ["backs"]
    ev = corpus.store.query("SELECT * FROM scenario_evidence")
    assert len(ev) == 1 and ev[0]["doc_id"] == doc and ev[0]["item_kind"] == "statement"
    detail = json.loads(ev[0]["detail"])
    assert detail["sentence"].startswith("Lavrov said Minsk") and detail["start"] == 0 and detail["speaker"] == "Sergei Lavrov"
    weights = latest(corpus.store)
    assert weights["backing"] > 0.5 > weights["distance"]
    assert weights["backing"] == pytest.approx(25 / 26)  # prior 1:1, LR 5 for and 1/5 against
    trail = [r for r in scenario_history(corpus.store, "t") if r["reason"]["kind"] == "evidence"]
    assert {r["scenario_id"] for r in trail} == {"backing", "distance"}
    reason = trail[0]["reason"]
    assert reason["indicator"] == "backs" and reason["doc_id"] == doc and "Minsk broke no rules" in reason["sentence"]
    alerts = corpus.store.query("SELECT kind, message FROM alerts")
    assert [a["kind"] for a in alerts] == ["indicator_fired"] and "Russian officials back Minsk" in alerts[0]["message"]


def test_event_indicator_needs_type_and_keyword(corpus: Corpus) -> None:
    corpus.event("2021-11-16", "Police used a water cannon at the crossing.", plover="COERCE")
    corpus.event("2021-11-16", "Police used a water cannon again.", plover="CONSULT")  # wrong type
    corpus.event("2021-11-16", "Migrants threw stones.", plover="ASSAULT")  # no keyword
    corpus.event("2021-11-17", "Поляки применили водомёты.", plover="ASSAULT", lang="ru")  # stem match
    result = check(corpus.store, scenario_set("event"))
    assert result.evidence == 2
    weights = latest(corpus.store)
    assert weights["distance"] > 0.5 > weights["backing"]


def test_event_indicator_silent_without_evidence(corpus: Corpus) -> None:
    corpus.statement("2021-11-01", "Lavrov spoke about water cannon.", target="Poland", stance="oppose")
    result = check(corpus.store, scenario_set("event"))
    assert result.evidence == 0 and result.fired == []
    assert latest(corpus.store) == {"backing": 0.5, "distance": 0.5}
    assert corpus.store.query("SELECT count(*) AS n FROM alerts")[0]["n"] == 0


def test_narrative_indicator_with_carrier_country(corpus: Corpus) -> None:
    def narrative(nid: str, speaker: str, country: str):
        def make(doc_id: str, sentence: str, d: date) -> Any:
            return NarrativeMatch(doc_id=doc_id, narrative_id=nid, taxonomy="x", score=0.8, span=(0, len(sentence)),
                                  sentence=sentence, statement_id=Statement(doc_id, sentence, (0, len(sentence))).id)

        def make_statement(doc_id: str, sentence: str, d: date) -> Statement:
            return Statement(doc_id=doc_id, content=sentence, content_span=(0, len(sentence)), speaker=speaker,
                             speaker_country=country, sentence=sentence, date=d)
        return [make_statement, make]

    corpus.doc("2021-11-13", "We have nothing to do with it, Putin said.", items=narrative("russia-not-involved", "Vladimir Putin", "RUS"))
    corpus.doc("2021-11-13", "Russia is behind it, Morawiecki said.", items=narrative("russia-not-involved", "Mateusz Morawiecki", "POL"))
    corpus.doc("2021-11-14", "The West caused it, Zakharova said.", items=narrative("west-caused-migration", "Maria Zakharova", "RUS"))
    result = check(corpus.store, scenario_set("narrative"))
    assert result.evidence == 1
    assert latest(corpus.store)["backing"] > 0.5


def test_report_matches_statements_and_events_once_per_document(corpus: Corpus) -> None:
    def both(doc_id: str, sentence: str, d: date) -> Any:
        return Event(doc_id=doc_id, plover="MOBILIZE", span=(0, len(sentence)), sentence=sentence, date=d)

    def said(doc_id: str, sentence: str, d: date) -> Any:
        return Statement(doc_id=doc_id, content=sentence, content_span=(0, len(sentence)), speaker="Russia",
                         sentence=sentence, date=d)

    corpus.doc("2021-11-10", "Two Russian bombers patrolled Belarus, the ministry said.", items=[both, said])
    corpus.statement("2021-11-11", "Два бомбардировщика снова патрулировали.", lang="ru", target=None)
    corpus.event("2021-11-12", "Fighters escorted the transport planes.", plover="MOBILIZE")  # no keyword: silent
    result = check(corpus.store, scenario_set("report"))
    assert result.evidence == 3 and result.counted == 2  # the event and the statement of one document count once
    rows = corpus.store.query("SELECT detail FROM scenario_evidence")
    assert sum(1 for r in rows if json.loads(r["detail"]).get("duplicate_of")) == 1


def test_count_fires_on_distinct_stories_within_the_window(corpus: Corpus) -> None:
    for day in ("2021-11-01", "2021-11-10", "2021-11-20"):  # spread out: never three in a week
        corpus.event(day, f"Clash on {day}.")
    assert check(corpus.store, scenario_set("count")).evidence == 0
    a = corpus.event("2021-11-21", "Clash one.")
    b = corpus.event("2021-11-21", "Clash one, copied.")
    with corpus.store.transaction():  # b is a copy of a: one story
        corpus.store.execute("INSERT INTO story_groups (id, first_doc_id, size) VALUES ('g1', ?, 2)", (a,))
        corpus.store.execute("INSERT INTO story_members (group_id, doc_id, relation) VALUES ('g1', ?, 'origin')", (a,))
        corpus.store.execute("INSERT INTO story_members (group_id, doc_id, relation) VALUES ('g1', ?, 'near')", (b,))
    assert check(corpus.store, scenario_set("count")).evidence == 0  # 20th, 21st (one story) = two stories
    corpus.event("2021-11-22", "Clash two.")
    result = check(corpus.store, scenario_set("count"))
    assert result.evidence == 1
    ev = corpus.store.query("SELECT item_kind, date, detail FROM scenario_evidence")[0]
    assert ev["item_kind"] == "aggregate" and ev["date"] == "2021-11-22"
    detail = json.loads(ev["detail"])
    assert detail["count"] == 3 and len(detail["items"]) == 4
    assert latest(corpus.store)["distance"] > 0.5


def test_stance_shift_fires_when_stance_turns(corpus: Corpus) -> None:
    corpus.statement("2021-11-01", "Peskov praised Minsk.", speaker="Dmitry Peskov")
    corpus.statement("2021-11-03", "Peskov backed Minsk again.", speaker="Dmitry Peskov")
    assert check(corpus.store, scenario_set("stance_shift")).evidence == 0
    corpus.statement("2021-11-12", "Peskov criticised Minsk.", speaker="Dmitry Peskov", stance="oppose")
    assert check(corpus.store, scenario_set("stance_shift")).evidence == 0  # one mention is not a trend
    corpus.statement("2021-11-13", "Peskov criticised Minsk again.", speaker="Dmitry Peskov", stance="oppose")
    result = check(corpus.store, scenario_set("stance_shift"))
    assert result.evidence == 1
    detail = json.loads(corpus.store.query("SELECT detail FROM scenario_evidence")[0]["detail"])
    assert detail["before"] == 1.0 and detail["after"] == -1.0 and detail["change"] == -2.0
    assert latest(corpus.store)["distance"] > 0.9
    (view,) = scenario_status(corpus.store, "t")[1]["evidence"]  # cited through the statement that completed it
    assert view["aggregate"] and view["item_kind"] == "statement" and "criticised Minsk again" in view["sentence"]


def test_stance_shift_silent_when_stance_holds(corpus: Corpus) -> None:
    for day in ("2021-11-01", "2021-11-03", "2021-11-12", "2021-11-13"):
        corpus.statement(day, f"Peskov backed Minsk on {day}.", speaker="Dmitry Peskov")
    assert check(corpus.store, scenario_set("stance_shift")).evidence == 0


# --------------------------------------------------------------------------- accounting


def test_copies_of_one_story_count_once_and_repeats_decay(corpus: Corpus) -> None:
    a = corpus.statement("2021-11-01", "Lavrov backed Minsk.")
    b = corpus.statement("2021-11-01", "Lavrov backed Minsk (republished).")
    with corpus.store.transaction():
        corpus.store.execute("INSERT INTO story_groups (id, first_doc_id, size) VALUES ('g', ?, 2)", (a,))
        for d in (a, b):
            corpus.store.execute("INSERT INTO story_members (group_id, doc_id, relation) VALUES ('g', ?, 'near')", (d,))
    one = check(corpus.store, scenario_set("statement"))
    assert (one.evidence, one.counted) == (2, 1)
    single = latest(corpus.store)["backing"]
    corpus.statement("2021-11-05", "Lavrov backed Minsk in a new interview.")
    two = check(corpus.store, scenario_set("statement"))
    assert two.counted == 2
    deltas = [r["reason"]["delta"] for r in scenario_history(corpus.store, "t", "backing") if r["reason"]["kind"] == "evidence"]
    assert deltas[1] == pytest.approx(deltas[0] / 2)  # the second distinct story weighs half
    assert latest(corpus.store)["backing"] > single
    corpus.statement("2021-11-30", "Lavrov backed Minsk weeks later.")  # outside the 14-day window: news again
    check(corpus.store, scenario_set("statement"))
    deltas = [r["reason"]["delta"] for r in scenario_history(corpus.store, "t", "backing") if r["reason"]["kind"] == "evidence"]
    assert deltas[2] == pytest.approx(deltas[0])


def test_check_is_idempotent(corpus: Corpus) -> None:
    corpus.statement("2021-11-01", "Lavrov backed Minsk.")
    corpus.event("2021-11-16", "Water cannon used.", plover="COERCE")
    s = scenario_set("statement", "event")
    check(corpus.store, s)

    def snapshot() -> tuple[Any, ...]:
        q = corpus.store.query
        return (
            q("SELECT id, indicator_id, doc_id, date, created_at FROM scenario_evidence ORDER BY id"),
            q("SELECT scenario_id, as_of, probability, reason FROM scenario_weights ORDER BY id"),
            q("SELECT kind, as_of, message, created_at FROM alerts ORDER BY id"),
        )

    first = snapshot()
    check(corpus.store, s)
    assert snapshot() == first


def test_leading_scenario_change_raises_an_alert(corpus: Corpus) -> None:
    for day in ("2021-11-16", "2021-11-17", "2021-11-18"):
        corpus.event(day, "Clash at the border.")
    corpus.statement("2021-11-20", "Lavrov backed Minsk.")
    check(corpus.store, scenario_set("statement", "count"))
    alerts = corpus.store.query("SELECT kind, as_of, message FROM alerts ORDER BY id")
    leading = [a for a in alerts if a["kind"] == "leading_scenario"]
    assert [a["as_of"] for a in leading] == ["2021-11-18", "2021-11-20"]
    assert "now 'Moscow steps back'" in leading[0]["message"] and "now 'Moscow backs Minsk'" in leading[1]["message"]
    assert [a["kind"] for a in alerts].count("indicator_fired") == 2


def test_corrections_are_applied(corpus: Corpus) -> None:
    doc = corpus.statement("2021-11-01", "Lavrov backed Minsk.")
    sid = corpus.store.query("SELECT id FROM statements WHERE doc_id = ?", (doc,))[0]["id"]
    assert check(corpus.store, scenario_set("statement")).evidence == 1
    corpus.store.execute(
        "INSERT INTO corrections (item_kind, item_id, doc_id, field, old_value, new_value, author, created_at)"
        " VALUES ('statement', ?, ?, 'stance', 'support', 'oppose', 'analyst', '2021-12-01T00:00:00')", (sid, doc))
    assert check(corpus.store, scenario_set("statement")).evidence == 0
    corpus.store.execute(
        "INSERT INTO corrections (item_kind, item_id, doc_id, field, old_value, new_value, author, created_at)"
        " VALUES ('statement', ?, ?, 'stance', 'oppose', 'support', 'analyst', '2021-12-02T00:00:00')", (sid, doc))
    assert check(corpus.store, scenario_set("statement")).evidence == 1
    corpus.store.execute(  # the speaker was really the Polish prime minister: no longer a Russian official
        "INSERT INTO corrections (item_kind, item_id, doc_id, field, old_value, new_value, author, created_at)"
        " VALUES ('statement', ?, ?, 'speaker', 'Sergei Lavrov', 'Mateusz Morawiecki', 'analyst', '2021-12-02T01:00:00')",
        (sid, doc))
    assert check(corpus.store, scenario_set("statement")).evidence == 0
    corpus.store.execute(
        "INSERT INTO corrections (item_kind, item_id, doc_id, field, old_value, new_value, author, created_at)"
        " VALUES ('statement', ?, ?, 'speaker', 'Mateusz Morawiecki', 'dmitry-peskov', 'analyst', '2021-12-02T02:00:00')",
        (sid, doc))
    assert check(corpus.store, scenario_set("statement")).evidence == 1
    corpus.store.execute(
        "INSERT INTO corrections (item_kind, item_id, doc_id, field, old_value, new_value, author, created_at)"
        " VALUES ('statement', ?, ?, 'wrong', 'false', 'true', 'analyst', '2021-12-03T00:00:00')", (sid, doc))
    assert check(corpus.store, scenario_set("statement")).evidence == 0


def test_read_functions_for_dashboard_and_briefings(corpus: Corpus) -> None:
    corpus.statement("2021-11-01", "Lavrov backed Minsk.")
    corpus.event("2021-11-16", "Water cannon used.", plover="COERCE")
    check(corpus.store, scenario_set("statement", "event"))
    status = scenario_status(corpus.store)
    assert [s["scenario_id"] for s in status] == ["backing", "distance"]
    assert status[0]["leading"] and status[0]["evidence"][0]["speaker"] == "Sergei Lavrov"
    assert sum(s["probability"] for s in status) == pytest.approx(1.0)
    matrix = evidence_matrix(corpus.store, "t")
    assert len(matrix["rows"]) == 2
    cells = matrix["rows"][0]["cells"]
    assert cells["backing"]["consistency"] == "C" and cells["distance"]["consistency"] == "I"
    summary = indicators_summary(corpus.store, date(2021, 11, 10), date(2021, 11, 30))
    (only,) = summary["sets"]
    assert [i["indicator_id"] for i in only["indicators"]] == ["force"] and only["indicators"][0]["new"]
    change = {s["scenario_id"]: s["change"] for s in only["scenarios"]}
    assert change["distance"] > 0 > change["backing"]
    assert evidence_matrix(corpus.store, "nope")["rows"] == []


def test_check_on_postgresql(pg_url: str) -> None:
    corpus = Corpus(pg_url)
    try:
        corpus.statement("2021-11-01", "Lavrov backed Minsk.")
        for day in ("2021-11-16", "2021-11-17", "2021-11-18"):
            corpus.event(day, "Clash at the border.")
        s = scenario_set("statement", "count")
        first = check(corpus.store, s)
        again = check(corpus.store, s)
        assert first.as_dict() == again.as_dict() and first.evidence == 2
        assert corpus.store.query("SELECT count(*) AS n FROM alerts")[0]["n"] == 2
        assert scenario_status(corpus.store, "t")[0]["leading"]
    finally:
        corpus.store.close()


def test_one_story_firing_two_indicators_counts_the_strongest_once(corpus: Corpus) -> None:
    doc = corpus.statement("2021-11-10", "Lavrov backed Minsk as two bombers patrolled over Belarus.")
    result = check(corpus.store, scenario_set("statement", "report"))
    assert result.evidence == 2 and result.counted == 2
    rows = {r["indicator_id"]: json.loads(r["detail"]) for r in corpus.store.query(
        "SELECT indicator_id, detail FROM scenario_evidence WHERE doc_id = ?", (doc,))}
    assert rows["backs"]["deltas"]["backing"] == pytest.approx(1.6094, abs=1e-3)  # strong_for
    assert "backing" not in rows["bombers"]["deltas"]  # plain "for" from the same story adds nothing
    assert rows["bombers"]["overlap"]["backing"] == pytest.approx(0.6931, abs=1e-3)
    assert latest(corpus.store)["backing"] == pytest.approx(25 / 26)  # as if only the strongest had fired
