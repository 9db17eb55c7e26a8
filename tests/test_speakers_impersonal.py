"""Speaker precision on unseen news (issue 11), invented sentences: an impersonal cue ("Отмечается, что…",
"Zaznaczono, że…", "Podkreśla się…") names nobody, so it never takes a person from an earlier sentence
(only a body its own sentence names speaks); a demonym before a body noun ("Polish police") is that
country's body or the phrase itself, not the state."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def speakers(pipe: Pipeline, text: str, lang: str) -> list[str | None]:
    doc = pipe(Doc(Document(text=text, language=lang, published=date(2021, 11, 16))))
    return [s.speaker for s in doc.statements]


RU_FIRST = "Рядовой Иван Сидоров заявил, что граница закрыта. "
PL_FIRST = "Szeregowy Jan Kowalski powiedział, że granica jest zamknięta. "
EN_FIRST = "Private John Smith said the border was closed. "


@pytest.mark.parametrize("text,lang", [
    (RU_FIRST + "Отмечается, что колонна грузовиков стоит у поста третий день.", "ru"),
    (RU_FIRST + "Сообщается, что колонна грузовиков стоит у поста третий день.", "ru"),
    (RU_FIRST + "Подчеркивается, что колонна грузовиков стоит у поста третий день.", "ru"),
    (PL_FIRST + "Podkreśla się, że kolumna ciężarówek stoi przy przejściu od trzech dni.", "pl"),
    (PL_FIRST + "Wskazuje się, że kolumna ciężarówek stoi przy przejściu od trzech dni.", "pl"),
    (PL_FIRST + "Zaznaczono, że kolumna ciężarówek stoi przy przejściu od trzech dni.", "pl"),
    (PL_FIRST + "Przekazano, że kolumna ciężarówek stoi przy przejściu od trzech dni.", "pl"),
    (EN_FIRST + "It was noted that a line of lorries had waited at the post for three days.", "en"),
    (EN_FIRST + "It is reported that a line of lorries had waited at the post for three days.", "en"),
])
def test_impersonal_cue_takes_no_earlier_person(pipe: Pipeline, text: str, lang: str) -> None:
    got = speakers(pipe, text, lang)
    assert len(got) == 1 and got[0] is not None and got[0] != ""  # the soldier's own statement only


def test_impersonal_cue_with_a_named_body_is_the_body(pipe: Pipeline) -> None:
    text = RU_FIRST + "Колонна грузовиков стоит у поста третий день, говорится в заявлении МИД России."
    got = speakers(pipe, text, "ru")
    assert len(got) == 2 and got[1] is not None and "Иван" not in got[1]


@pytest.mark.parametrize("text,lang,not_state", [
    ("Polish police said that a group of migrants had crossed the river at night.", "en", "Poland"),
    ("Russian border guards said that a group of migrants had crossed the river at night.", "en", "Russia"),
])
def test_demonym_and_body_noun_is_no_state(pipe: Pipeline, text: str, lang: str, not_state: str) -> None:
    got = speakers(pipe, text, lang)
    assert got and got[0] is not None and got[0] != not_state


def test_demonym_body_in_registry_is_the_body(pipe: Pipeline) -> None:
    assert speakers(pipe, "Польские пограничники заявили, что группа мигрантов ночью пересекла реку.", "ru") \
        == ["Polish Border Guard"]


@pytest.mark.parametrize("text,lang", [
    ("Ministerstwo Spraw Zagranicznych poinformowało, że ambasador został wezwany na rozmowę. "
     "Spotkanie trwało godzinę – dodano w oświadczeniu.", "pl"),
    ("Ministerstwo Spraw Zagranicznych poinformowało, że ambasador został wezwany na rozmowę. "
     "„Spotkanie trwało godzinę” – dodano.", "pl"),
])
def test_impersonal_continuer_keeps_the_document_quoted_before(pipe: Pipeline, text: str, lang: str) -> None:
    got = speakers(pipe, text, lang)
    assert len(got) == 2 and got[0] == got[1] and got[0] is not None
