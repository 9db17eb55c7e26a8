"""A document a body issued speaks for it ("…," the report said; "the statement added"), and an
according-to phrase is a source, never the content of a cue after it ("According to the report, the
Polish side informed NATO": the report's statement, not one by "the Polish side"). Invented sentences."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def said(pipe: Pipeline, text: str) -> list[tuple[str | None, str]]:
    doc = pipe(Doc(Document(text=text, language="en", published=date(2023, 8, 1))))
    return [(s.speaker, s.content) for s in doc.statements]


LEAD = ("The Polish Ministry of National Defence has decided to send more helicopters to the border, the ministry "
        "wrote on its website. ")


def test_the_report_of_a_body_is_that_body(pipe: Pipeline) -> None:
    found = said(pipe, LEAD + '"More soldiers will go to the border," the report said.')
    assert found[-1][0] == "Ministry of National Defence of Poland"


def test_an_according_to_phrase_is_no_content(pipe: Pipeline) -> None:
    found = said(pipe, LEAD + "According to the report, the Polish side informed NATO about the incident.")
    assert found[-1] == ("Ministry of National Defence of Poland", "the Polish side informed NATO about the incident")
    assert not any(c.startswith("According to") for _, c in found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Romania briefed its allies about the find in Brussels, The Washington Post reported.", "Washington Post"),
    ("Washington imposed new sanctions on Monday, the Washington Post reported.", "Washington Post"),
])
def test_a_medium_named_after_a_city_is_no_state(pipe: Pipeline, text: str, speaker: str) -> None:
    found = said(pipe, text)
    assert found and all(s is not None and speaker in s for s, _ in found)
