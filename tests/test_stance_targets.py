"""Target choice and statement stance rules of `stance/targets.py` / `stance/component.py`, on sentences written for the tests.

The rule table runs with the learnt models switched off (`rules_only`): it pins the rules,
which are the learnt models' inputs and the fallback when no weights are shipped."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.analyze.stance import learnt
from linewatch.analyze.stance.component import apply_stance
from linewatch.analyze.stance.score import hostile_act_on
from linewatch.analyze.stance.targets import Candidate, is_place_modifier
from linewatch.model import Document, Statement
from linewatch.nlp.doc import Doc
from linewatch.nlp.parse import parse_english
from linewatch.nlp.segment import segment_text


def _doc(text: str, lang: str, parse: bool = False) -> Doc:
    """A document of `text`; `parse`: with the English dependency parse (clauses of `stance/clauses.py`)."""
    doc = Doc(Document(text=text, language=lang, published=date(2021, 11, 10)))
    doc.sentences = segment_text(text, lang)
    if parse and lang == "en":
        doc.tokens = parse_english(doc)
    return doc


def _stated(text: str, lang: str, content: str, speaker: str, country: str, cue: str, speaker_text: str,
            plover: str | None = None, parse: bool = False) -> Statement:
    """Run the stance stage on one statement of `text` and return it."""
    doc = _doc(text, lang, parse)
    i = text.index(content)
    sent = doc.sentence_at(i)
    c = text.index(cue)
    s = text.index(speaker_text)
    st = Statement(doc_id=doc.id, content=content, content_span=(i, i + len(content)), speaker=speaker,
                   speaker_span=(s, s + len(speaker_text)), speaker_country=country, cue=cue,
                   cue_span=(c, c + len(cue)), sentence_span=(sent.start, sent.end), plover=plover)
    doc.statements = [st]
    apply_stance(doc)
    return st


# (why, lang, text, content, speaker, speaker country, cue, speaker words, plover, target, stance or None)
CASES = [
    ("the speaker's title is not the addressee", "en",
     "As stated by the deputy envoy to the UN Ivan Petrov, Moscow has to respond to the build-up of troops by Warsaw near the border.",
     "Moscow has to respond to the build-up of troops by Warsaw near the border", "Ivan Petrov", "RUS", "stated",
     "Ivan Petrov", None, "Poland", None),
    ("a state word qualifying a person gives way to the person; who insults our side is opposed", "en",
     "The spokesman wrote that the Russian politician Vitaly Milonov had insulted Polish soldiers at the crossing.",
     "the Russian politician Vitaly Milonov had insulted Polish soldiers at the crossing", "Stanisław Żaryn", "POL",
     "wrote", "The spokesman", None, "Vitaly Milonov", "oppose"),
    ("a hostile act against the own side opposes its actor", "pl",
     "Rzecznik ocenił, że białoruskie służby szykują kolejne działania przeciwko Polsce.",
     "białoruskie służby szykują kolejne działania przeciwko Polsce", "Stanisław Żaryn", "POL", "ocenił", "Rzecznik",
     None, "Belarus", "oppose"),
    ("attacks on the own side are reported, not supported", "en",
     "The minister said there had again been attacks on Polish soldiers overnight.",
     "there had again been attacks on Polish soldiers overnight", "Mariusz Błaszczak", "POL", "said", "The minister",
     None, "Poland", "neutral"),
    ("the collective West spelt out by a specific actor", "ru",
     "Дипломат заявила, что корень проблемы лежит на Западе, в частности в Вашингтоне.",
     "корень проблемы лежит на Западе, в частности в Вашингтоне", "Maria Zakharova", "RUS", "заявила", "Дипломат",
     None, "United States", None),
    ("the collective West stays when the other actor is a different participant", "pl",
     "Minister powiedział, że Zachód nie będzie bronić Białorusi przed Rosją.",
     "Zachód nie będzie bronić Białorusi przed Rosją", "Mariusz Błaszczak", "POL", "powiedział", "Minister",
     None, "Western countries", None),
    ("an actor named in the lead-in; the rejection is not aimed at it", "ru",
     "Комментируя слова президента Белоруссии Александра Лукашенко о газе, представитель Кремля отметил, что эти слова с Москвой не согласовывались.",
     "эти слова с Москвой не согласовывались", "Dmitry Peskov", "RUS", "отметил", "представитель Кремля", "REJECT",
     "Alexander Lukashenko", "neutral"),
    ("Western demonym and silence words (pl)", "pl",
     "Minister stwierdził, że kraje zachodnie milczą o propozycjach Mińska.",
     "kraje zachodnie milczą o propozycjach Mińska", "Sergei Lavrov", "RUS", "stwierdził", "Minister",
     None, "Western countries", "oppose"),
    ("Western demonym (en)", "en",
     "He said the refugees came from states that had suffered Western intervention.",
     "the refugees came from states that had suffered Western intervention", "Vladimir Makei", "BLR", "said", "He",
     None, "Western countries", None),
    ("a lower-case common word is not a short alias ('use' is not US)", "en",
     "The official said the use of migrants as a weapon by the Minsk regime was cynical.",
     "the use of migrants as a weapon by the Minsk regime was cynical", "Jens Stoltenberg", "NATO", "said",
     "The official", None, "Belarus", None),
    ("'we must' is not a demand on anyone", "pl",
     "Minister podkreślił, że musimy przygotować się na długi kryzys z Białorusią.",
     "musimy przygotować się na długi kryzys z Białorusią", "Mariusz Błaszczak", "POL", "podkreślił", "Minister",
     "DEMAND", None, "neutral"),
]


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learnt, "load", lambda name: None)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_target_and_stance_rules(case: tuple, rules_only: None) -> None:
    _, lang, text, content, speaker, country, cue, speaker_text, plover, target, stance = case
    st = _stated(text, lang, content, speaker, country, cue, speaker_text, plover)
    if target is not None:
        assert st.target == target
    if stance is not None:
        assert st.stance == stance


def test_postposed_country_adjective_of_a_place() -> None:
    doc = _doc("Doszło do prób przekroczenia granicy polsko-białoruskiej.", "pl")
    i = doc.text.index("białoruskiej")
    c = Candidate("Belarus", "belarus", (i, i + len("białoruskiej")), "BLR", "demonym")
    assert is_place_modifier(doc, c)
    assert hostile_act_on("Они оскорбляли Польшу.", (15, 21), "ru")
    assert not hostile_act_on("Они не оскорбляли Польшу.", (18, 24), "ru")


def test_next_paragraph_by_the_same_speaker_keeps_the_target() -> None:
    text = ("The minister said that Minsk was staging provocations at the border.\n\n"
            "\"This will take months,\" he added.")
    doc = _doc(text, "en")
    made = []
    for content, cue in (("Minsk was staging provocations at the border", "said"), ("This will take months", "added")):
        i, c = text.index(content), text.index(cue)
        sent = doc.sentence_at(i)
        made.append(Statement(doc_id=doc.id, content=content, content_span=(i, i + len(content)),
                              speaker="Mariusz Błaszczak", speaker_country="POL", cue=cue,
                              cue_span=(c, c + len(cue)), sentence_span=(sent.start, sent.end)))
    doc.statements = made
    apply_stance(doc)
    assert made[0].target == "Belarus" and made[0].stance == "oppose"
    assert made[1].target == "Belarus"
