"""Event classes seen on unseen articles (invented sentences): a talk told as what came before
a statement, a passive "met" that is no meeting, a trip planned for later, a hedged claim, a
transfer of goods that is no troop move, and a state or ban dated by the day it began."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.extract.dates import find_dates
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

PUBLISHED = date(2023, 9, 21)  # a Thursday


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(names=("segment", "parse", "mentions", "dates", "events"))


@pytest.fixture(scope="module")
def full_pipe() -> Pipeline:
    return Pipeline()


def events(pipe: Pipeline, text: str, lang: str) -> list:
    return pipe(Doc(Document(text, language=lang, published=PUBLISHED))).events


@pytest.mark.parametrize("text", [
    "Jens Stoltenberg made the remarks after discussing the crisis with Polish President Andrzej Duda.",
    "Jens Stoltenberg spoke after meeting Polish President Andrzej Duda in Warsaw.",
])
def test_a_talk_after_which_someone_spoke_was_held(pipe: Pipeline, text: str) -> None:
    found = [(e.plover, e.source, e.target) for e in events(pipe, text, "en")]
    assert ("CONSULT", "Jens Stoltenberg", "Andrzej Duda") in found, found


def test_a_talk_named_by_the_statement_cue_is_held(full_pipe: Pipeline) -> None:
    """"discussing X with Y" may also be read as how a claim was made: the talk is still an event."""
    text = ("The NATO chief Jens Stoltenberg voiced solidarity with Poland after discussing the border "
            "standoff with Polish President Andrzej Duda, the agency reported.")
    found = [(e.plover, e.target) for e in events(full_pipe, text, "en")]
    assert ("CONSULT", "Andrzej Duda") in found, found


def test_a_talk_before_which_someone_spoke_is_not_yet_held(pipe: Pipeline) -> None:
    text = "Jens Stoltenberg spoke to reporters before meeting Polish President Andrzej Duda."
    assert [e for e in events(pipe, text, "en") if e.plover == "CONSULT"] == []


@pytest.mark.parametrize("lang,text", [
    # a passive "met" is a demand fulfilled or a reception, no meeting
    ("en", "The U.N. chief, the European Union and Japan voiced concern after Russia announced its exit from the "
           "shipping accord after claiming that none of Moscow's demands have been met."),
    ("en", "The German proposal was met with criticism from Poland on Monday."),
    # a trip or talks set for later in the month are planned, not held
    ("en", "Lithuania is sending envoys to Turkey and Iraq later this month to discuss the matter with their governments."),
    # an alleged deed is the accuser's claim, not a deed established
    ("en", "Belarus has allegedly allowed migrants to cross into Lithuania."),
    # a transfer of grain or goods is no troop move
    ("pl", "Według ministra tylko stanowisko Polski zapobiegło dalszemu przerzucaniu zboża przez granicę."),
])
def test_no_event(pipe: Pipeline, lang: str, text: str) -> None:
    got = [(e.plover, e.trigger) for e in events(pipe, text, lang)]
    assert got == [], got


@pytest.mark.parametrize("lang,text", [
    ("pl", "Rosja przerzuciła wojska na granicę z Ukrainą."),
    ("pl", "Białoruś przerzuca dodatkowe oddziały nad granicę z Polską."),
])
def test_troops_moved_are_still_a_mobilisation(pipe: Pipeline, lang: str, text: str) -> None:
    assert [e.plover for e in events(pipe, text, lang)] == ["MOBILIZE"]


@pytest.mark.parametrize("text,lang,want", [
    # a state or ban in force "since Saturday" began that day (published on a Thursday)
    ("Litwa od soboty wstrzymała tranzyt towarów.", "pl", date(2023, 9, 16)),
    ("Литва с субботы запретила транзит товаров.", "ru", date(2023, 9, 16)),
    ("Od poniedziałku trwa blokada granicy.", "pl", date(2023, 9, 18)),
])
def test_since_a_weekday_dates_the_start(text: str, lang: str, want: date) -> None:
    assert [m.value for m in find_dates(text, lang, PUBLISHED)] == [want]


@pytest.mark.parametrize("lang,text", [
    # a summit named by its participants as a group is one the speaker took part in
    ("pl", "Aleksander Łukaszenka oświadczył to podczas wideoszczytu liderów ODKB."),
    ("en", "Alexander Lukashenko said this during a video summit of CSTO leaders."),
])
def test_a_summit_of_leaders_during_which_someone_spoke_was_held(pipe: Pipeline, lang: str, text: str) -> None:
    found = [(e.plover, e.source) for e in events(pipe, text, lang)]
    assert ("CONSULT", "Alexander Lukashenko") in found, found


def test_a_summit_named_as_a_mere_occasion_is_no_event(pipe: Pipeline) -> None:
    text = "Jens Stoltenberg said this at the close of the NATO summit in Vilnius."
    assert [e for e in events(pipe, text, "en") if e.plover == "CONSULT"] == []


@pytest.mark.parametrize("lang,text", [
    # a protest or note handed to a diplomat is a meeting with him (the protest is the statement)
    ("ru", "МИД России выразил протест временному поверенному в делах Эстонии."),
    ("ru", "МИД России вручил ноту протеста послу Эстонии."),
    ("pl", "MSZ Polski wręczyło notę protestacyjną ambasadorowi Rosji."),
])
def test_a_protest_handed_to_a_diplomat_is_a_meeting(pipe: Pipeline, lang: str, text: str) -> None:
    assert [e.plover for e in events(pipe, text, lang)] == ["CONSULT"], [(e.plover, e.trigger) for e in events(pipe, text, lang)]


def test_a_note_to_be_handed_is_no_meeting(pipe: Pipeline) -> None:
    text = "Глава МИД Сергей Лавров заявил, что Россия вручит ноту послу Эстонии, если транзит не восстановят."
    assert [e for e in events(pipe, text, "ru") if e.plover == "CONSULT"] == []


@pytest.mark.parametrize("lang,text", [
    # forces increased in number are a mobilisation; a delegation increased is not
    ("ru", "Белоруссия увеличила состав ПВО на границе с Литвой."),
    ("ru", "Минобороны Белоруссии увеличило состав дежурных сил на западной границе."),
    ("en", "Belarus increased the number of troops on the border with Lithuania on Tuesday."),
    ("pl", "Białoruś zwiększyła we wtorek liczbę żołnierzy na granicy z Litwą."),
])
def test_forces_increased_are_a_mobilisation(pipe: Pipeline, lang: str, text: str) -> None:
    assert [e.plover for e in events(pipe, text, lang)] == ["MOBILIZE"], [(e.plover, e.trigger) for e in events(pipe, text, lang)]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Россия увеличила состав делегации на переговорах."),
    ("pl", "Białoruś zwiększyła liczbę członków delegacji."),
])
def test_a_delegation_increased_is_no_mobilisation(pipe: Pipeline, lang: str, text: str) -> None:
    assert [e for e in events(pipe, text, lang) if e.plover == "MOBILIZE"] == []


def test_a_cue_talk_word_with_no_partner_is_no_meeting(full_pipe: Pipeline) -> None:
    """"X discusses the need for Y at a forum" is how a claim was made: no one was talked with."""
    text = ("World Health Forum board member John Keller discusses the need for a global disease "
            "surveillance network at the 2024 WHF meeting.")
    assert [e for e in events(full_pipe, text, "en") if e.plover == "CONSULT"] == []


def test_a_partner_word_of_a_later_noun_makes_no_meeting(full_pipe: Pipeline) -> None:
    """The partner word belongs to a noun after the talk word ("cooperation with"), not to it."""
    text = "Minister John Keller discusses the need for cooperation with Poland at the forum."
    assert [e for e in events(full_pipe, text, "en") if e.plover == "CONSULT"] == []
