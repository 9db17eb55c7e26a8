"""Talks told in the words around a statement (invented sentences): a meeting named in the cue's
adjunct whose sides are the subject ("The presidents of X and Y, A and B, said after a meeting…"),
a joint press conference, and "discussed <a long object> with <officials>" are meetings; the
last is no claim of the speaker's, unless it is an intention or the other side is the press."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

ON = date(2023, 8, 16)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(names=("segment", "parse", "mentions", "dates", "statements", "events"))


def run(pipe: Pipeline, text: str, lang: str = "en") -> Doc:
    return pipe(Doc(Document(text=text, language=lang, published=ON)))


def test_a_meeting_in_the_cues_adjunct_between_the_subjects_sides(pipe: Pipeline) -> None:
    doc = run(pipe, "The presidents of Poland and Latvia, Andrzej Duda and Edgars Rinkevics, stressed, after a "
                    "meeting on Wednesday in Warsaw, that the border with Belarus is their first concern.")
    talks = [e for e in doc.events if e.plover == "CONSULT"]
    assert len(talks) == 1
    assert {talks[0].source, talks[0].target} == {"Andrzej Duda", "Edgars Rinkēvičs"}


def test_an_occasion_named_in_passing_is_still_no_meeting(pipe: Pipeline) -> None:
    doc = run(pipe, "At the close of the NATO summit, Stoltenberg said the alliance stands united.")
    assert not [e for e in doc.events if e.plover == "CONSULT"]


def test_a_joint_press_conference_is_a_meeting_a_press_conference_is_not(pipe: Pipeline) -> None:
    joint = run(pipe, "Mateusz Morawiecki held a joint press conference with Kaja Kallas in Tallinn on Sunday.")
    assert [(e.plover, e.source, e.target) for e in joint.events] == [("CONSULT", "Mateusz Morawiecki", "Kaja Kallas")]
    alone = run(pipe, "Mateusz Morawiecki told a press conference in Warsaw on Sunday that the border is safe.")
    assert not alone.events


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "On Saturday, Josep Borrell discussed the situation on the Belarusian-Polish border with the foreign "
           "ministers of Poland and Lithuania."),
    ("pl", "Szef MSZ Zbigniew Rau omówił sytuację na granicy z ministrami spraw zagranicznych Litwy i Łotwy."),
])
def test_a_talk_with_officials_is_a_meeting_and_no_claim(pipe: Pipeline, lang: str, text: str) -> None:
    doc = run(pipe, text, lang)
    assert [e.plover for e in doc.events] == ["CONSULT"]
    assert not doc.statements


@pytest.mark.parametrize("text", [
    "Makei hopes to discuss the refugee crisis with his Russian counterpart Sergey Lavrov.",
    "The minister discussed the state of the economy with reporters on Monday.",
])
def test_an_intended_talk_or_one_with_the_press_stays_a_claim(pipe: Pipeline, text: str) -> None:
    doc = run(pipe, text)
    assert len(doc.statements) == 1
    assert not [e for e in doc.events if e.plover == "CONSULT"]
