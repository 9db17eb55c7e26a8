"""Promotes / reports / rebuts: a rebuttal is stored with its match and never counted as a carrier."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from linewatch.analyze.narratives.relation import classify_relation
from linewatch.analyze.scenarios.check import check
from linewatch.analyze.scenarios.file import Vocabulary, parse_scenario_set
from linewatch.model import Document, DocumentAnalysis, NarrativeMatch, Statement
from linewatch.report.brief import build_briefing
from linewatch.store.queries import charts, records
from linewatch.store.queries.filters import ItemFilter

PROVOKES = "Poland provokes escalation at the border."
NOT_INVOLVED = "Russia has nothing to do with the migration crisis."


@pytest.mark.parametrize(
    ("content", "lang", "kw", "narrative", "expected"),
    [
        (PROVOKES, "en", {"cue": "said", "stance": "oppose"}, PROVOKES, "promotes"),
        ("claims that Poland provokes escalation", "en", {"cue": "rejected", "act": "REJECT"}, PROVOKES, "rebuts"),
        ("the talk of Polish provocations is groundless", "en", {"cue": "said"}, PROVOKES, "rebuts"),
        ("Poland isn't provoking anyone", "en", {"cue": "said", "stance": "support"}, PROVOKES, "rebuts"),
        ("Poland is not respecting human rights", "en", {"cue": "said", "stance": "oppose"}, PROVOKES, "promotes"),
        ("Poland allegedly provokes escalation", "en", {"cue": "wrote"}, PROVOKES, "reports"),
        # a denial narrative is promoted by a denial ...
        ("accusations against Moscow are absurd", "en", {"cue": "said", "act": "REJECT"}, NOT_INVOLVED, "promotes"),
        ("Россия не имеет никакого отношения к кризису", "ru", {"cue": "заявил"}, NOT_INVOLVED, "promotes"),
        # ... and rebutted by dismissing the denial
        ("Moscow's claims that it is not involved", "en", {"cue": "dismissed"}, NOT_INVOLVED, "rebuts"),
        ("обвинения в провокациях на границе", "ru", {"cue": "отверг", "act": "REJECT"}, PROVOKES, "rebuts"),
        ("Польша якобы провоцирует эскалацию", "ru", {"cue": "написал"}, PROVOKES, "reports"),
        ("oskarżenia o prowokacje są kłamstwem", "pl", {"cue": "powiedział"}, PROVOKES, "rebuts"),
    ],
)
def test_relation_rules(content: str, lang: str, kw: dict[str, Any], narrative: str, expected: str) -> None:
    verdict = classify_relation(content, lang, narrative_text=narrative, narrative_lang="en", **kw)
    assert verdict.relation == expected, verdict
    assert (verdict.evidence != []) == (expected != "promotes")


# --------------------------------------------------------------------------- carriers in the store


SCENARIOS = """\
id: t
label: Test
scenarios:
  - {id: pushed, label: Warsaw is blamed, prior: 0.5}
  - {id: quiet, label: Nobody blames Warsaw, prior: 0.5}
indicators:
  - id: blame
    label: Poland is blamed for escalation
    kind: narrative
    query: {narratives: [poland-provokes-escalation]}
    diagnosticity: {pushed: strong_for, quiet: strong_against}
"""


def _add(store: Any, day: str, speaker: str, country: str, content: str, relation: str) -> str:
    text = f"{content} {speaker} said on {day}."
    doc = Document(text=text, title=f"{speaker} on Poland", language="en", published=date.fromisoformat(day),
                   outlet="Test Wire", source="test")
    store.add_document(doc)
    st = Statement(doc_id=doc.id, content=content, content_span=(0, len(content)), speaker=speaker,
                   speaker_country=country, target="Poland", stance="oppose", sentence=text,
                   sentence_span=(0, len(text)), date=date.fromisoformat(day), confidence=0.9)
    nm = NarrativeMatch(doc_id=doc.id, narrative_id="poland-provokes-escalation", taxonomy="belarus-border-2021",
                        score=0.8, span=(0, len(content)), sentence=text, statement_id=st.id,
                        explanation={"method": "embedding+cues", "nearest": PROVOKES, "similarity": 0.9},
                        relation=relation)
    store.save_analysis(DocumentAnalysis(doc_id=doc.id, statements=[st], narratives=[nm]), "test")
    return doc.id


@pytest.fixture
def store(sqlite_store: Any) -> Any:
    return sqlite_store  # conftest's: open on a fresh SQLite file, closed after the test


def test_a_rebuttal_is_stored_but_never_a_carrier(store: Any) -> None:
    _add(store, "2021-11-02", "Maria Zakharova", "RUS", PROVOKES, "promotes")
    _add(store, "2021-11-24", "Maria Zakharova", "RUS", PROVOKES, "promotes")
    _add(store, "2021-11-25", "Jens Stoltenberg", "NOR", "NATO rejects claims that Poland provokes escalation.", "rebuts")
    _add(store, "2021-11-26", "Ned Price", "USA", "Claims that Poland provokes escalation are groundless.", "rebuts")

    stored = store.query("SELECT relation, COUNT(*) AS n FROM narrative_matches GROUP BY relation ORDER BY relation")
    assert [(r["relation"], r["n"]) for r in stored] == [("promotes", 2), ("rebuts", 2)]

    # trends: two articles carry it, not four
    f = ItemFilter(date_from="2021-11-01", date_to="2021-11-30")
    trends = charts.narrative_trends(store, f)
    assert [sum(s["articles"]) for s in trends["series"]] == [2]
    # carriers: only the promoter
    carriers = charts.narrative_carriers(store, "poland-provokes-escalation", "2021-11-01", "2021-11-30")
    assert [(c["speaker"], c["n"]) for c in carriers] == [("Maria Zakharova", 2)]
    assert charts.actor_narratives(store, "Jens Stoltenberg") == []
    # the statement list keeps the rebuttal with its relation and reason, outside what it carries
    rows, _ = records.list_statements(store, ItemFilter(actor="Jens Stoltenberg"), 10, 0)
    assert rows[0]["narratives"] == []
    assert rows[0]["narrative_matches"][0]["relation"] == "rebuts"
    assert rows[0]["narrative_matches"][0]["because"]["nearest"] == PROVOKES
    # briefing: the two promoters carry it; the two rebuttals are counted apart, never as carriers
    brief = build_briefing(store, "2021-11-01", "2021-11-30")
    text = " ".join(line.text for line in brief.narratives)
    carried = re.search(r"carried by ([^;]*)", text)
    assert carried and "(2)" in carried.group(1) and "Stoltenberg" not in carried.group(1) and "Price" not in carried.group(1)
    assert "2 articles" in text
    # scenario indicator: the promoters' evidence, not the rebuttals'
    sset = parse_scenario_set(SCENARIOS, "t.yaml", Vocabulary(actors=None, narratives=None))
    assert check(store, sset).evidence == 2


def test_statement_page_and_api_explain_each_match(store: Any) -> None:
    from fastapi.testclient import TestClient

    from linewatch.web.app import create_app
    from linewatch.web.settings import WebSettings

    _add(store, "2021-11-25", "Jens Stoltenberg", "NOR", "NATO rejects claims that Poland provokes <b>escalation</b>.", "rebuts")
    sid = store.query("SELECT id FROM statements")[0]["id"]
    client = TestClient(create_app(store, WebSettings(api_tokens=["t" * 20])))
    page = client.get(f"/statement/{sid}").text
    assert "Matched because" in page and "rebuts" in page and f"“{PROVOKES}”" in page
    assert "similarity 0.90" in page and "<b>escalation" not in page  # escaped
    body = client.get(f"/api/statements/{sid}").json()
    assert body["narratives"] == []
    assert body["narrative_matches"][0]["relation"] == "rebuts"
    assert body["narrative_matches"][0]["because"]["nearest"] == PROVOKES
