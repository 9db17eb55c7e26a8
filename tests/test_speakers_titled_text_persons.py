"""A person the registry does not know, whom the text introduces with a title ("szef BBN Jan Wrona",
"заместитель министра Пётр Сидоренко", "Deputy Minister Anna Kowal"), is the speaker where the text
later names them by surname alone, by title and surname, or by that title alone; a state named in an
oblique case before a Polish cue ("wobec Rosji powiedział") is no subject either (invented sentences;
the people are invented too, so that no registry entry helps)."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.names import given_name_gender
from linewatch.nlp.pipeline import Pipeline

ON = date(2023, 5, 10)


def speakers(pipe: Pipeline, text: str, lang: str) -> list[str | None]:
    return [s.speaker for s in pipe(Doc(Document(text=text, language=lang, published=ON))).statements]


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("pl", "W naradzie wziął udział szef BBN Jan Wrona. \"Sytuacja jest poważna\" – powiedział Wrona "
           "dziennikarzom. \"Prezydent rozważa kolejne kroki\" – powiedział szef BBN.", "Jan Wrona"),
    ("pl", "Wieczorem wiceminister spraw zagranicznych Adam Teofil Kowal wezwał ambasadora. \"Przekazałem "
           "mu notę\" – powiedział wiceminister Kowal.", "Adam Teofil Kowal"),
    ("ru", "Встречу провел заместитель министра Пётр Сидоренко. «Мы готовы к диалогу», — заявил Сидоренко.",
     "Пётр Сидоренко"),
])
def test_the_titled_person_of_the_text_is_the_speaker(pipe: Pipeline, lang: str, text: str, name: str) -> None:
    found = speakers(pipe, text, lang)
    assert found and all(s == name for s in found), found


def test_two_people_with_the_title_make_none_of_them(pipe: Pipeline) -> None:
    text = ("Na spotkaniu byli wiceminister Jan Wrona i wiceminister Adam Kowal. \"Rozmowy były trudne\" – "
            "powiedział wiceminister.")
    assert "Jan Wrona" not in speakers(pipe, text, "pl") and "Adam Kowal" not in speakers(pipe, text, "pl")


def test_only_a_person_introduced_before_the_cue_counts(pipe: Pipeline) -> None:
    text = ("\"Sytuacja jest poważna\" – powiedział szef BBN. Później głos zabrał szef BBN Jan Wrona.")
    assert "Jan Wrona" not in speakers(pipe, text, "pl")


@pytest.mark.parametrize(("text", "name"), [
    ("Wiceminister Jan Wrona rozmawiał z dziennikarzami. Pytany o formę reakcji Polski na powtórzenie "
     "incydentu powiedział, że rakieta zostałaby zestrzelona.", "Jan Wrona"),
    ("Premier Mateusz Morawiecki był w Brukseli. W sprawie sankcji wobec Rosji powiedział, że Unia musi "
     "działać szybciej.", "Mateusz Morawiecki"),
    ("W sprawie sankcji wobec Rosji minister Zbigniew Rau powiedział, że Unia musi działać szybciej.",
     "Zbigniew Rau"),
])
def test_a_state_named_in_an_oblique_case_before_the_cue_is_no_subject(pipe: Pipeline, text: str, name: str) -> None:
    # Polish has no parser: the case of the name, read by morfeusz2, tells a complement from a subject
    assert speakers(pipe, text, "pl") == [name]


def test_a_capitalised_english_title_introduces_the_person_too(pipe: Pipeline) -> None:
    text = ("On Monday evening Deputy Foreign Minister Adam Kowal summoned the Russian charge d'affaires. "
            "\"We will not tolerate this,\" Kowal said.")
    assert speakers(pipe, text, "en") == ["Adam Kowal"]


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("pl", "Wieczorem wiceminister spraw zagranicznych Adam Teofil Kowal wezwał chargé d'affaires Rosji.",
     "Adam Teofil Kowal"),
    ("en", "On Monday evening Deputy Foreign Minister Adam Kowal summoned the Russian charge d'affaires.", "Adam Kowal"),
])
def test_a_summons_by_a_titled_person_of_the_text_names_them(lang: str, text: str, name: str) -> None:
    events_pipe = Pipeline(names=("segment", "parse", "mentions", "dates", "statements", "events"))
    doc = events_pipe(Doc(Document(text=text, language=lang, published=ON)))
    summons = [e for e in doc.events if e.plover == "CONSULT"]
    assert summons and summons[0].source == name and name in summons[0].participants


def test_a_title_naming_a_state_and_the_office_by_its_acronym(pipe: Pipeline) -> None:
    text = ("Do MSZ wezwany został ambasador Rosji w Polsce Iwan Pietrow. \"Nie ma do tego żadnych podstaw\" – "
            "zapewniał Pietrow. Głos zabrał szef prezydenckiego Biura Polityki Międzynarodowej Jan Wrona. \"To "
            "jest kolejna prowokacja reżimu\" – powiedział szef BPM. \"Rozmowy z partnerami trwają od rana\" – "
            "podkreślił szef Biura Polityki Międzynarodowej.")
    assert speakers(pipe, text, "pl") == ["Iwan Pietrow", "Jan Wrona", "Jan Wrona"]


def test_a_title_is_the_person_given_it_not_the_last_unknown_speaker(pipe: Pipeline) -> None:
    text = ("\"Nasi ludzie pracowali normalnie\" – zapewniał ambasador Iwan Pietrow. Do sprawy odniósł się "
            "wiceszef MSZ Jan Wrona. \"Ambasador przekroczył standardy\" – powiedział wiceszef MSZ.")
    assert speakers(pipe, text, "pl") == ["Iwan Pietrow", "Jan Wrona"]


def test_a_man_with_a_surname_ending_like_a_womans_is_a_he(pipe: Pipeline) -> None:
    # "Łukasz" is a man's name to morfeusz2, whatever "-ina" suggests; "Jak podał" is then his
    text = ("Rzecznik MSZ odniósł się do decyzji szefa MSWiA Mariusza Kamińskiego o zamknięciu przejścia. "
            "\"Względy bezpieczeństwa nakazują nam tak postępować\" - stwierdził Łukasz Jasina. "
            "Jak podał, w czwartek do MSZ w Mińsku był wzywany polski dyplomata.")
    assert speakers(pipe, text, "pl") == ["Łukasz Jasina", "Łukasz Jasina"]


def test_given_name_gender() -> None:
    assert [given_name_gender(w) for w in ("Łukasz", "Maria", "Сергей", "Jasina")] == ["m", "f", "m", None]
