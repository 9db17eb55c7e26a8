"""Static word vectors and the narrative topic gate: off-topic documents cost no e5 embedding."""
from __future__ import annotations

import numpy as np
import pytest

from linewatch.analyze.narratives import component
from linewatch.analyze.narratives import matcher as matcher_module
from linewatch.analyze.narratives.matcher import MatchParams
from linewatch.config import shipped_taxonomy
from linewatch.model import Document, Statement
from linewatch.nlp import static
from linewatch.nlp.doc import Doc

pytestmark = pytest.mark.skipif(not static.available(), reason="static table not built")

ON_TOPIC = (
    "Belarus is pushing migrants towards the Polish border, the Polish government said. "
    "Lukashenko's regime flies people from Iraq to Minsk and leads them to the fence; "
    "the EU speaks of a hybrid attack and prepares new sanctions against Minsk."
)
OFF_TOPIC = (
    "The quarterback threw for three touchdowns as the home team won the football game on "
    "Sunday night. The coach praised the defense and said the season was far from over."
)


def test_static_vectors_are_unit_rows_and_unknown_text_is_zero() -> None:
    v = static.static_embed(["The border crisis", "Кризис на границе", "zzqxv qqxzv"])
    assert v.shape[0] == 3
    assert np.allclose(np.linalg.norm(v[:2], axis=1), 1.0, atol=1e-3)
    assert not v[2].any()


def test_topic_gate_separates_the_crisis_from_sport() -> None:
    gate = component.get_topic_gate(component.get_taxonomy(shipped_taxonomy()), MatchParams())
    assert gate.passes(ON_TOPIC)
    assert not gate.passes(OFF_TOPIC)
    assert gate.score(ON_TOPIC) > gate.score(OFF_TOPIC)


def test_off_topic_document_embeds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    taxonomy = component.get_taxonomy(shipped_taxonomy())
    component.get_matcher(taxonomy, MatchParams())  # narrative texts embedded (from the shipped pack)
    calls: list[int] = []
    monkeypatch.setattr(matcher_module, "embed", lambda texts, *a, **k: calls.append(len(texts)))
    doc = Doc(Document(text=OFF_TOPIC, language="en"))
    doc.statements = [Statement(doc_id=doc.id, content="the season was far from over", content_span=(120, 149), speaker="The coach")]
    component.analyze_narratives(doc, taxonomy, MatchParams())
    assert calls == [] and doc.narratives == []
