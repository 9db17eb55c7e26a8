"""What a statement's target is reported as, on sentences written for the tests: a body whose
name says whose it is keeps that name; a body named only by its seat stands for its state."""
from __future__ import annotations

import pytest

from linewatch.analyze.stance import learnt
from linewatch.analyze.stance.targets import Candidate, names_a_place, names_its_state
from tests.test_stance_targets import _doc, _stated

# (why, lang, text, content, speaker, country, cue, speaker words, target)
CASES = [
    ("a body whose name names its state is reported by its name (en)", "en",
     "The spokeswoman said the Polish Border Guard had used water cannon against the migrants.",
     "the Polish Border Guard had used water cannon against the migrants", "Maria Zakharova", "RUS", "said",
     "The spokeswoman", "Polish Border Guard"),
    ("a body whose name names its state is reported by its name (ru)", "ru",
     "Представитель МИД заявил, что МИД Польши снова исказил факты.",
     "МИД Польши снова исказил факты", "Maria Zakharova", "RUS", "заявил", "Представитель МИД",
     "Ministry of Foreign Affairs of Poland"),
    ("a body named by its seat stands for its state", "en",
     "The spokesman said the Kremlin was behind the provocations at the border.",
     "the Kremlin was behind the provocations at the border", "Stanisław Żaryn", "POL", "said", "The spokesman",
     "Russia"),
    ("a thing called by its own name beside places only is the target, the ranker on", "en",
     "The minister said that the damage to the pipeline Seaconnect in the sea between Finland and Estonia was deliberate.",
     "the damage to the pipeline Seaconnect in the sea between Finland and Estonia was deliberate",
     "Mateusz Morawiecki", "POL", "said", "The minister", "Seaconnect"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_reported_target_name(case: tuple) -> None:
    _, lang, text, content, speaker, country, cue, speaker_text, target = case
    st = _stated(text, lang, content, speaker, country, cue, speaker_text)
    assert st.target == target


def test_which_bodies_name_their_state() -> None:
    assert names_its_state("polish-border-guard")
    assert names_its_state("russian-mfa")
    assert not names_its_state("kremlin")
    assert not names_its_state("wagner-group")  # acts in its own name: reported as itself anyway


# (why, lang, text, content, speaker, country, cue, speaker words, target) with the learnt models off
RULE_CASES = [
    ("a state named only as a place gives way to an actor", "en",
     "The spokesman said that troops massed in Belarus threaten Lithuania.",
     "troops massed in Belarus threaten Lithuania", "Jens Stoltenberg", "NATO", "said", "The spokesman",
     "Lithuania"),
    ("a thing the content names, not the document's adversary by default (en)", "en",
     "The minister said that the sanctions were illegal and had to be lifted.",
     "the sanctions were illegal and had to be lifted", "Sergei Lavrov", "RUS", "said", "The minister",
     "sanctions"),
    ("a thing the content names, not the document's adversary by default (ru)", "ru",
     "Министр заявил, что зерновая сделка больше не действует.",
     "зерновая сделка больше не действует", "Sergei Lavrov", "RUS", "заявил", "Министр", "grain deal"),
    ("a thing the content names, not the document's adversary by default (pl)", "pl",
     "Minister powiedział, że gazociąg został celowo uszkodzony.",
     "gazociąg został celowo uszkodzony", "Mateusz Morawiecki", "POL", "powiedział", "Minister", "pipeline"),
    ("a thing the text calls by its own name is reported under it, after the topic word (en)", "en",
     "The minister said that the gas pipeline Seaconnect had been damaged on purpose.",
     "the gas pipeline Seaconnect had been damaged on purpose", "Mateusz Morawiecki", "POL", "said",
     "The minister", "Seaconnect"),
    ("a thing the text calls by its own name is reported under it, before the topic word (en)", "en",
     "The minister said that the Seaconnect pipeline had been damaged on purpose.",
     "the Seaconnect pipeline had been damaged on purpose", "Mateusz Morawiecki", "POL", "said",
     "The minister", "Seaconnect"),
    ("a thing the text calls by its own name is reported under it (ru)", "ru",
     "Министр заявил, что газопровод Seaconnect повреждён умышленно.",
     "газопровод Seaconnect повреждён умышленно", "Sergei Lavrov", "RUS", "заявил", "Министр", "Seaconnect"),
    ("a thing called by its own name beside places only is the target (en)", "en",
     "The minister said that the damage to the pipeline Seaconnect in the sea between Finland and Estonia was deliberate.",
     "the damage to the pipeline Seaconnect in the sea between Finland and Estonia was deliberate",
     "Mateusz Morawiecki", "POL", "said", "The minister", "Seaconnect"),
    ("a thing called by its own name beside places only is the target (pl)", "pl",
     "Minister powiedział, że gazociąg Seaconnect na morzu między Finlandią a Estonią uszkodzono celowo.",
     "gazociąg Seaconnect na morzu między Finlandią a Estonią uszkodzono celowo",
     "Sergei Lavrov", "RUS", "powiedział", "Minister", "Seaconnect"),
    ("an actor's name before a topic word is no name of the thing", "en",
     "The minister said that the EU sanctions were illegal.",
     "the EU sanctions were illegal", "Sergei Lavrov", "RUS", "said", "The minister", "European Union"),
]


@pytest.mark.parametrize("case", RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_rule_target_of_places_and_things(case: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learnt, "load", lambda name: None)
    _, lang, text, content, speaker, country, cue, speaker_text, target = case
    assert _stated(text, lang, content, speaker, country, cue, speaker_text).target == target


@pytest.mark.parametrize(("lang", "text", "word", "place"), [
    ("en", "the border between Poland and Belarus", "Poland", True),
    ("en", "the border between Poland and Belarus", "Belarus", True),
    ("en", "migrants in Belarus", "Belarus", True),
    ("en", "the situation in the European Union", "European Union", True),  # an article between
    ("ru", "в Балтийском море между Финляндией и Эстонией", "Финляндией", True),  # a sea is a place too
    ("en", "Poland's eastern border", "Poland", True),
    ("en", "He accused Poland of lying", "Poland", False),
    ("pl", "migranci na Białorusi", "Białorusi", True),
    ("pl", "presja na Polskę", "Polskę", False),  # accusative: a patient, not a place
    ("pl", "na granicy z Białorusią", "Białorusią", True),
    ("ru", "на границе с Польшей", "Польшей", True),
])
def test_a_state_named_as_a_place(lang: str, text: str, word: str, place: bool) -> None:
    doc = _doc(text, lang)
    i = text.index(word)
    assert names_a_place(doc, Candidate("X", "x", (i, i + len(word)), "XXX", "state")) is place


def test_the_polish_state_abbreviation_names_poland() -> None:
    st = _stated("Rzecznik powiedział, że omówiona zostanie sytuacja bezpieczeństwa RP.",
                 "pl", "omówiona zostanie sytuacja bezpieczeństwa RP", "Jacek Siewiera", "POL", "powiedział",
                 "Rzecznik")
    assert st.target == "Poland"
