"""SUPPORT needs an act of support, not a mention of allies or partners; a question or a negated
cue, left without a verbal act on purpose, gets no ACCUSE from the stance stage (issue 11).
Invented sentences in en/ru/pl."""
from __future__ import annotations

import pytest

from linewatch.analyze.stance.component import apply_stance
from linewatch.extract.events import make_events
from linewatch.extract.verbal_cues import NO_ACT
from linewatch.model import Statement
from tests.test_stance_targets import _doc
from tests.test_verbal_acts_lemmas import act


@pytest.mark.parametrize("content,lang,support", [
    # a mention of allies or partners is no act of support
    ("że rząd prowadzi koordynację działań z sojusznikami z NATO", "pl", False),
    ("że o wszystkim informujemy naszych partnerów", "pl", False),
    ("we inform our partners about every step at the border", "en", False),
    ("the allies will meet in Brussels next week", "en", False),
    ("что министры обсудили ситуацию с партнерами", "ru", False),
    ("что союзники соберутся в Брюсселе", "ru", False),
    # an act of support is
    ("że Polska ma pełne poparcie rządu", "pl", True),
    ("że rząd zapewni wsparcie dla strażników granicznych", "pl", True),
    ("że jesteśmy solidarni z Litwą", "pl", True),
    ("we stand with Lithuania", "en", True),
    ("что мы поддерживаем решение союзников", "ru", True),
    ("что он выразил солидарность с Минском", "ru", True),
])
def test_support_needs_an_act_of_support(content: str, lang: str, support: bool) -> None:
    cue = {"en": "said", "ru": "сказал", "pl": "powiedział"}[lang]
    assert (act(f"Minister {cue}, {content}.", cue, content, lang) == "SUPPORT") == support


@pytest.mark.parametrize("lang,text,content,cue", [
    ("en", "The spokeswoman asked whether Warsaw was only adding fuel to the fire of the crisis at the border.",
     "whether Warsaw was only adding fuel to the fire of the crisis at the border", "asked"),
    ("pl", "Rzeczniczka zapytała, czy Warszawa tylko dolewa oliwy do ognia kryzysu na granicy.",
     "czy Warszawa tylko dolewa oliwy do ognia kryzysu na granicy", "zapytała"),
])
def test_a_question_gets_no_accusation_from_the_stance_stage(lang: str, text: str, content: str, cue: str) -> None:
    doc = _doc(text, lang)
    i, c = text.index(content), text.index(cue)
    sent = doc.sentence_at(i)
    st = Statement(doc_id=doc.id, content=content, content_span=(i, i + len(content)), speaker="Maria Zakharova",
                   speaker_span=(0, c - 1), speaker_country="RUS", cue=cue, cue_span=(c, c + len(cue)),
                   sentence_span=(sent.start, sent.end))
    doc.statements = [st]
    make_events(plover_model=False)(doc)
    assert st.plover is None and st.extra.get(NO_ACT)
    apply_stance(doc)
    assert st.plover is None
