"""A verb of speech that declares a state of things ("declared a state of emergency", "объявила
чрезвычайное положение", "ogłosił stan wyjątkowy") is an act, not a statement; the same verb with a
clause of its own still reports one (invented sentences)."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def contents(pipe: Pipeline, text: str, lang: str) -> list[str]:
    doc = pipe(Doc(Document(text=text, language=lang, published=date(2021, 7, 3))))
    return [s.content for s in doc.statements]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Because of the growing number of crossings, Lithuania declared a state of emergency on Friday."),
    ("ru", "Литва объявила чрезвычайное положение на границе с Белоруссией."),
    ("pl", "Rząd ogłosił stan wyjątkowy w pasie przygranicznym."),
])
def test_declaring_a_state_of_things_is_no_statement(pipe: Pipeline, lang: str, text: str) -> None:
    assert contents(pipe, text, lang) == []


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("en", "The minister declared that the emergency is over.", "the emergency is over"),
    ("pl", "Premier ogłosił, że stan wyjątkowy zostanie przedłużony.", "zostanie przedłużony"),
])
def test_the_same_verb_with_a_clause_still_reports(pipe: Pipeline, lang: str, text: str, words: str) -> None:
    assert any(words in c for c in contents(pipe, text, lang))
