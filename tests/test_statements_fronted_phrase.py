"""Russian word order puts a cue phrase's noun before its verb and the speaker after it ("Ранее
надежду на … выразил X"): the words between noun and verb are the content, the subject the speaker
(invented sentences)."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def said(pipe: Pipeline, text: str) -> list[tuple[str | None, str]]:
    doc = pipe(Doc(Document(text=text, language="ru", published=date(2021, 11, 15))))
    return [(s.speaker, s.content) for s in doc.statements]


@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("Ранее надежду на скорую встречу министров выразил Владимир Путин.", "Vladimir Putin", "на скорую встречу"),
    ("Вчера уверенность в успехе переговоров выразил Сергей Лавров.", "Sergei Lavrov", "в успехе переговоров"),
])
def test_a_fronted_phrase_noun_opens_the_content(pipe: Pipeline, text: str, speaker: str, words: str) -> None:
    found = said(pipe, text)
    assert len(found) == 1 and found[0][0] == speaker and words in found[0][1]


def test_nothing_between_noun_and_verb_is_no_statement(pipe: Pipeline) -> None:
    assert said(pipe, "Обеспокоенность выразил Сергей Лавров.") == []
