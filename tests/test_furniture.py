"""Page furniture (captions, credits, bylines, link lines) is one finder for both stages: a line the
events stage skips says nothing to the statements stage, and the other way round."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.extract.furniture import furniture_spans, is_furniture
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(names=("segment", "parse", "mentions", "dates", "statements", "events"))


def run(pipe: Pipeline, text: str, lang: str = "en") -> Doc:
    return pipe(Doc(Document(text=text, language=lang, published=date(2023, 7, 21))))


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "VIDEO: watch the minister talk about the border"),
    ("en", "Soldiers at the crossing in Kuźnica / D. Nowak/PAP"),
    ("en", "(Reporting by Anna Smith; editing by John Doe)"),
    ("ru", "Фото: Сергей Иванов / ТАСС"),
    ("pl", "Fot. Jan Kowalski / PAP"),
])
def test_furniture_lines(lang: str, line: str) -> None:
    text = f"Headline\n\n{line}\n\nThe minister said the border would stay closed."
    start = text.index(line)
    assert furniture_spans(text, start, start + len(line), lang) == [(start, start + len(line))]
    prose = text.index("The minister")
    assert not is_furniture(text, prose, len(text), lang)


def test_a_credit_in_a_long_paragraph_silences_only_its_sentence() -> None:
    body = "The minister said the border would stay closed. " * 12
    text = body + "Photo: AP. " + body
    credit = text.index("Photo: AP.")
    assert is_furniture(text, credit, credit + len("Photo: AP."), "en")
    assert not is_furniture(text, 0, text.index(".") + 1, "en")


def test_a_video_pointer_is_no_statement(pipe: Pipeline) -> None:
    # before one finder served both stages, "VIDEO:" was furniture to the events stage only
    text = ("Putin warned Poland on Friday.\n\n"
            "VIDEO: watch Putin talk about the Polish territorial ambitions.\n\n"
            "Putin said Poland wanted to seize western Ukraine.")
    contents = [s.content for s in run(pipe, text).statements]
    assert not any("territorial ambitions" in c for c in contents)
    assert any("western Ukraine" in c for c in contents)

