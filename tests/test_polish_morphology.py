"""Polish verb morphology from morfeusz2 (nlp/polish_morph.py) and the event rules that read
it: a perfective non-past, a conditional or an imperative is no deed. Invented sentences."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline
from linewatch.nlp.polish_morph import may_be_accusative

PUBLISHED = date(2023, 9, 21)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(names=("segment", "parse", "mentions", "dates", "events"))


def run(pipe: Pipeline, text: str) -> Doc:
    return pipe(Doc(Document(text, language="pl", published=PUBLISHED)))


def feats(doc: Doc, word: str) -> dict[str, str]:
    tok = next(t for t in doc.tokens if t.text == word)
    return dict(kv.split("=", 1) for kv in tok.morph.split("|") if "=" in kv)


@pytest.mark.parametrize("text,word,expected", [
    ("Polska wyśle żołnierzy na granicę.", "wyśle", {"Tense": "Fut", "Aspect": "Perf"}),
    ("Polska wysyła żołnierzy na granicę.", "wysyła", {"Tense": "Pres", "Aspect": "Imp"}),
    ("Polska wysłała żołnierzy na granicę.", "wysłała", {"Tense": "Past"}),
    ("Polska będzie wysyłać żołnierzy na granicę.", "wysyłać", {"Tense": "Fut", "VerbForm": "Inf"}),
    ("Rosja zaatakowałaby Polskę.", "zaatakowałaby", {"Mood": "Cnd"}),
    ("Gdyby Rosja zaatakowała Polskę, NATO odpowie.", "zaatakowała", {"Mood": "Cnd"}),
    ("Wyślijcie żołnierzy na granicę.", "Wyślijcie", {"Mood": "Imp"}),
    # the person: of a present form, or of the agglutinate after a past one ("wysłali|śmy")
    ("Wysłaliśmy żołnierzy na granicę.", "Wysłaliśmy", {"Tense": "Past", "Person": "1"}),
    ("Wysyłamy żołnierzy na granicę.", "Wysyłamy", {"Tense": "Pres", "Person": "1"}),
    ("Polska wysyła żołnierzy na granicę.", "wysyła", {"Person": "3"}),
])
def test_verb_features(pipe: Pipeline, text: str, word: str, expected: dict[str, str]) -> None:
    found = feats(run(pipe, text), word)
    assert {k: found.get(k) for k in expected} == expected, found


def test_ambiguous_form_gets_no_tense(pipe: Pipeline) -> None:
    # "zostanie" is also a gerund (a noun): no verb features, whatever the context
    assert feats(run(pipe, "Ambasador zostanie w Warszawie."), "zostanie") == {}


@pytest.mark.parametrize("text", [
    "Polska wyśle żołnierzy na granicę.",
    "Polska rozmieści żołnierzy na granicy z Białorusią.",
    "Niemcy wzmocnią wschodnią flankę NATO.",
    "Premier spotka się z prezydentem w piątek.",
    "Gdyby Rosja zaatakowała Polskę, NATO by odpowiedziało.",
    "Rosja zaatakowałaby Polskę bez wahania.",
])
def test_no_deed(pipe: Pipeline, text: str) -> None:
    doc = run(pipe, text)
    assert [(e.plover, e.trigger) for e in doc.events if e.plover in ("MOBILIZE", "CONSULT", "ASSAULT")] == []


@pytest.mark.parametrize("text,plover", [
    ("Polska wysłała żołnierzy na granicę.", "MOBILIZE"),
    ("Polska rozmieściła żołnierzy na granicy z Białorusią.", "MOBILIZE"),
    ("Premier spotkał się z prezydentem w piątek.", "CONSULT"),
    ("Rosja zaatakowała Ukrainę w czwartek.", "ASSAULT"),
])
def test_deed_kept(pipe: Pipeline, text: str, plover: str) -> None:
    assert any(e.plover == plover for e in run(pipe, text).events)


def test_verb_in_background_clause_is_not_the_main_act(pipe: Pipeline) -> None:
    # No parse: a verb of morphology is not ranked above the noun act that comes first
    doc = run(pipe, "Rosja podjęła marsz na Kijów po tym, jak Ukraina miała zaatakować jej pozycje.")
    assert any(e.plover == "MOBILIZE" for e in doc.events), [(e.plover, e.trigger) for e in doc.events]


@pytest.mark.parametrize("word,accusative", [
    ("Białoruś", True), ("Polskę", True), ("Iran", True), ("Białorusi", False), ("Polsce", False), ("Rosji", False),
])
def test_case_from_morfeusz_tells_a_direction_from_a_place(word: str, accusative: bool) -> None:
    # "na Białoruś" is a direction or a patient, "na Białorusi" a place; the stance stage reads
    # this from morfeusz2 (loaded for the parse anyway) instead of simplemma's Polish dictionary,
    # whose first lookup cost 4.7 s and 400 MB per process
    assert may_be_accusative(word) is accusative
