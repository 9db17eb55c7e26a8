"""Speakers on unseen news, ninth round (invented sentences): an unresolved title that names an earlier
speaker's office ("Według szefa rządu …") is that speaker for a later cue with no subject, not a person
named in passing in the same sentence; a verb of speech in its other sense ("odpowiada za",
"отвечает за", "answer for") is no cue."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

ON = date(2021, 8, 25)


def said(pipe: Pipeline, text: str, lang: str) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.content) for s in pipe(Doc(Document(text=text, language=lang, published=ON))).statements]


def test_a_title_of_the_last_speaker_is_the_subject_of_a_bare_cue(pipe: Pipeline) -> None:
    text = ("Premier Mateusz Morawiecki był pytany o konwój. – Rzeczywiście, jest taka odmowa – powiedział "
            "premier. Według szefa rządu mamy do czynienia z akcją reżimu Alaksandra Łukaszenki. – Aby tej "
            "akcji przeciwdziałać, chronimy naszą granicę. Taki transport posłaliśmy – dodał.")
    found = said(pipe, text, "pl")
    assert ("Mateusz Morawiecki", next(c for _, c in found if "chronimy" in c)) in found
    assert not any(s == "Alexander Lukashenko" for s, _ in found)


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("pl", "To są osoby, które są na terytorium Białorusi, więc Białoruś odpowiada w pełni za nie – "
           "powiedział premier Mateusz Morawiecki.", "w pełni za nie"),
    ("ru", "Песков заявил, что Минск сам решает, кто отвечает за безопасность границы.", "за безопасность"),
    ("en", "Blinken said that the regime will answer for its crimes at the border.", "for its crimes"),
])
def test_a_verb_of_speech_in_its_other_sense_is_no_cue(pipe: Pipeline, lang: str, text: str, words: str) -> None:
    found = said(pipe, text, lang)
    assert found, "the sentence's own cue still reports the statement"
    assert not any(c.strip().startswith(words) for _, c in found)
    assert all(s not in ("Belarus", "Minsk", "the regime") for s, _ in found)


def test_a_bracketed_gloss_in_the_adjunct_does_not_hide_the_speaker(pipe: Pipeline) -> None:
    text = ("Zboże z Ukrainy musi jechać tam, gdzie jest potrzebne, a nie zostawać w Europie - oświadczył w "
            "środę w Kałuszynie (woj. mazowieckie) minister rolnictwa Robert Telus.")
    assert [s for s, _ in said(pipe, text, "pl")] == ["Robert Telus"]


def test_an_adjunct_after_jak_and_a_cue_is_not_the_speaker(pipe: Pipeline) -> None:
    text = ("Minister rolnictwa Robert Telus był w środę w Kałuszynie. Jak stwierdził na środowej konferencji "
            "prasowej szef MRiRW, \"to bardzo ważne, aby zboże pojechało tam, gdzie jest potrzebne\".")
    speakers = [s for s, _ in said(pipe, text, "pl")]
    assert speakers and not any(s.lower().startswith("na ") for s in speakers)


@pytest.mark.parametrize(("lang", "text", "full"), [
    ("pl", "Zboże musi jechać dalej - oświadczył minister rolnictwa Robert Telus. Według Telusa zakaz powinien "
           "obowiązywać do końca roku.", "Robert Telus"),
    ("ru", "Замглавы МИД Польши Павел Яблоньский заявил, что угроза реальна. По словам Яблоньского, Варшава "
           "ожидает новых нападений на границу.", "Павел Яблоньский"),
])
def test_a_lone_surname_is_the_earlier_speaker_of_that_surname(pipe: Pipeline, lang: str, text: str,
                                                               full: str) -> None:
    speakers = [s for s, _ in said(pipe, text, lang)]
    assert len(speakers) == 2 and set(speakers) == {full}


def test_the_department_refers_back_to_the_body(pipe: Pipeline) -> None:
    text = ("A group of Afghans complained to the UN refugee agency's representative, Belarus' Border Guard "
            "Committee said on Wednesday. \"The foreign nationals explained why they had left their homes,\" "
            "the department said.")
    found = said(pipe, text, "en")
    assert ("State Border Committee of Belarus", "The foreign nationals explained why they had left their homes") in found


def test_a_relative_pronoun_is_its_antecedent(pipe: Pipeline) -> None:
    text = ("Informację rządu przedstawili premier Mateusz Morawiecki oraz minister spraw wewnętrznych "
            "Mariusz Kamiński, który mówiąc o sytuacji w Kuźnicy, stwierdził, że \"doszło tam do masowej "
            "próby przekroczenia granicy\".")
    assert [s for s, _ in said(pipe, text, "pl")] == ["Mariusz Kamiński"]


def test_a_relative_inside_the_quotation_is_no_subject(pipe: Pipeline) -> None:
    text = ("Политолог Иван Шатров заявил: «Никто не готовился к ним месяцами – это была инициатива Орбана, "
            "которая была быстро реализована», добавил Шатров.")
    assert all(s is None or "Орбан" not in s for s, _ in said(pipe, text, "ru"))


def test_people_nobody_names_are_reported_by_the_known_body(pipe: Pipeline) -> None:
    text = ("A group of Afghan citizens have complained to the UN official about actions by the Polish "
            "authorities, Belarus' Border Guard Committee said on Wednesday.")
    assert [s for s, _ in said(pipe, text, "en")] == ["State Border Committee of Belarus"]
