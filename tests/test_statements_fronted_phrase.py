"""Russian forms of a source (invented sentences): a cue phrase's noun before its verb and the speaker
after it ("Ранее надежду на … выразил X": the words between noun and verb are the content, the subject
the speaker); the home ministry named by its bare acronym after an impersonal cue ("— добавили в
МИД"), or after "согласно заявлению"; a date between a cue and its phrase's word."""
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


@pytest.mark.parametrize(("text", "words"), [
    ("«Россия оставляет за собой право на ответные действия», — добавили в МИД.", "оставляет за собой право"),
    ("В российском МИД сообщили 20 июня о вызове временного поверенного в делах соседней страны.", "вызове"),
    ("Согласно заявлению МИД, поверенному был заявлен решительный протест в связи с действиями властей.",
     "решительный протест"),
    ("МИД России объявил о понижении уровня дипломатических отношений с соседней страной.", "понижении уровня"),
])
def test_the_home_ministry_as_a_bare_acronym_is_the_source(pipe: Pipeline, text: str, words: str) -> None:
    # "в МИД" after an impersonal plural cue, a date between a cue and its phrase's word, and
    # "согласно заявлению" + the body in the genitive (invented sentences)
    found = said(pipe, text)
    assert [s for s, c in found if words in c] == ["Ministry of Foreign Affairs of Russia"]
