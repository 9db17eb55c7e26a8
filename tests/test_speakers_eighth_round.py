"""Speakers on unseen news, eighth round (invented sentences): a title with a country's possessive
("Romania's defence minister said") names the person the document names with that title, before or
after it; a name in apposition after a title with a bracketed short name ("the chief of the Border
Guard Service (VSAT), X") speaks; "…, X, a deputy minister, has stated" is X's; a long title before a
name still leaves the name the subject; "as quoted by"/"as cited by" a medium is no cue of its own and
does not hide the reporting verb's content."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

ON = date(2023, 9, 5)


def said(pipe: Pipeline, text: str, lang: str = "en") -> list[tuple[str | None, str]]:
    return [(s.speaker, s.content) for s in pipe(Doc(Document(text=text, language=lang, published=ON))).statements]


def speaker_of(pipe: Pipeline, text: str, words: str, lang: str = "en") -> str | None:
    found = [s for s, c in said(pipe, text, lang) if words in c]
    assert found, said(pipe, text, lang)
    return found[0]


@pytest.mark.parametrize("text,lang", [
    ("Bulgaria's defence minister said on Tuesday that fragments of a drone had been found near the border. "
     "Defence Minister Mihai Popescu later told reporters that the allies had been informed.", "en"),
    ("Bulgaria's defence minister said on Tuesday that fragments of a drone had been found near the border. "
     "\"We are in close contact with our allies,\" Mihai Popescu, the defence minister, told reporters.", "en"),
    ("Министр обороны Болгарии заявил во вторник, что обломки дрона найдены у границы. "
     "«Мы в тесном контакте с союзниками», — сказал Михай Попеску, министр обороны Болгарии.", "ru"),
])
def test_a_possessive_title_names_the_person_named_later(pipe: Pipeline, text: str, lang: str) -> None:
    assert speaker_of(pipe, text, "дрона" if lang == "ru" else "fragments", lang) in ("Mihai Popescu", "Михай Попеску")


def test_two_holders_named_later_make_no_name(pipe: Pipeline) -> None:
    text = ("Bulgaria's defence minister said on Tuesday that fragments of a drone had been found. "
            "Defence Minister Mihai Popescu met Defence Minister Ion Ionescu in the capital.")
    assert speaker_of(pipe, text, "fragments") not in ("Mihai Popescu", "Ion Ionescu")


def test_a_bracketed_short_name_before_an_apposed_name(pipe: Pipeline) -> None:
    text = ("Around 180 migrants have been turned back since midnight, according to the chief of the Border "
            "Guard Service (VSAT), Mihai Popescu.")
    assert speaker_of(pipe, text, "migrants") == "Mihai Popescu"


@pytest.mark.parametrize("text", [
    "The border will stay closed for migrants, Mihai Popescu, a deputy foreign minister, has stated.",
    "The border will stay closed for migrants, Mihai Popescu, a deputy foreign minister has stated.",
    "Belarus has refused an offer of humanitarian aid for migrants, Mihai Popescu, a deputy foreign minister has stated.",
])
def test_a_name_set_off_before_its_apposition_speaks(pipe: Pipeline, text: str) -> None:
    assert speaker_of(pipe, text, "migrants") == "Mihai Popescu"


def test_a_long_title_before_the_name(pipe: Pipeline) -> None:
    text = ("Moscow will not explain the missile until it sees concrete evidence, the country's charge "
            "d'affaires in Poland Andrei Petrov said, as quoted by a state news agency.")
    assert speaker_of(pipe, text, "concrete evidence") == "Andrei Petrov"


@pytest.mark.parametrize("text", [
    "Mihai Popescu told reporters, as cited by Polish media outlet Radio North, that such actions are tests.",
    "After the meeting, Mihai Popescu told reporters, as cited by Radio North, that such actions are tests.",
])
def test_as_cited_by_is_no_cue_and_hides_no_content(pipe: Pipeline, text: str) -> None:
    found = said(pipe, text)
    assert [(s, c) for s, c in found if "tests" in c] == [("Mihai Popescu", "that such actions are tests")]


@pytest.mark.parametrize("text,lang", [
    ("Polish media reported on Tuesday evening that two missiles had fallen near the border.", "en"),
    ("Belarusian state television said the migrants had been beaten by the guards.", "en"),
    ("Польские СМИ 15 ноября вечером сообщили, что две ракеты упали у границы.", "ru"),
    ("Białoruskie media państwowe poinformowały, że migranci zostali pobici.", "pl"),
])
def test_a_countrys_media_are_not_the_state(pipe: Pipeline, text: str, lang: str) -> None:
    assert said(pipe, text, lang) == []


def test_a_named_agency_still_reports(pipe: Pipeline) -> None:
    assert [s for s, _ in said(pipe, "ТАСС сообщает, что переговоры пройдут в Минске.", "ru")] == ["ТАСС"]


def test_a_persons_title_with_states_refers_back(pipe: Pipeline) -> None:
    text = ("Do MSZ został wezwany ambasador Rosji w Polsce. Iwan Pietrow po spotkaniu potwierdził dziennikarzom, "
            "że decyzja zapadła. Ambasador Rosji w Polsce ujawnił, że nie został uznany za persona non grata.")
    assert speaker_of(pipe, text, "persona non grata", "pl") == "Iwan Pietrow"


def test_a_titles_holder_in_another_spelling(pipe: Pipeline) -> None:
    text = "Глава МИД Эстонии Маргус Цахна назвал это гибридной атакой, которая представляет угрозу для жителей."
    found = [s.speaker for s in pipe(Doc(Document(text=text, language="ru", published=date(2024, 4, 29)))).statements]
    assert found == ["Margus Tsahkna"]


def test_a_bracketed_short_name_inside_a_title_after_the_cue(pipe: Pipeline) -> None:
    text = ("\"Będziemy dążyć do zwrotu boi środkami dyplomatycznymi\" - powiedział na konferencji prasowej "
            "szef policji i straży granicznej (PPA) Estonii Jaan Tammsaar.")
    assert speaker_of(pipe, text, "dyplomatycznymi", "pl") == "Jaan Tammsaar"


@pytest.mark.parametrize("text,lang,want", [
    ("Signals are detected by the Consumer Protection and Technical Regulatory Authority (TTJA). However, the "
     "TTJA believes the jamming is a side effect.", "en", "Consumer Protection and Technical Regulatory Authority"),
    ("The Internal Security Agency (ABW) checks the reports. The ABW said the signals came from the east.", "en",
     "Internal Security Agency"),
])
def test_a_short_name_is_the_body_the_text_spelt_out(pipe: Pipeline, text: str, lang: str, want: str) -> None:
    assert (speaker_of(pipe, text, "side effect" if "side" in text else "signals came", lang) or "").startswith(want)


def ru(pipe: Pipeline, text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.content) for s in pipe(Doc(Document(text=text, language="ru", published=ON))).statements]


@pytest.mark.parametrize("text", [
    "Россия исходит из того, что 18 июля сделка прекратит действие, заявил журналистам заместитель министра "
    "иностранных дел России Сергей Вершинин.",
    "Россия считает, что «зерновая сделка» прекратит действие 18 июля, заявил Сергей Вершинин.",
])
def test_an_official_voicing_the_states_position_speaks(pipe: Pipeline, text: str) -> None:
    assert [s for s, _ in ru(pipe, text)] == ["Сергей Вершинин"]


def test_a_long_title_after_the_adjuncts(pipe: Pipeline) -> None:
    text = ("Россия исходит из того, что 18 июля сделка прекратит действие, заявил журналистам 20 июня "
            "заместитель министра иностранных дел России Сергей Вершинин.")
    assert [s for s, _ in ru(pipe, text)] == ["Сергей Вершинин"]


def test_a_mediums_quoted_name_is_no_content(pipe: Pipeline) -> None:
    text = ("Среди нелегальных мигрантов, которые прибывают в Литву, есть россияне, рассказал заместитель министра "
            "иностранных дел Литвы Мантас Адоменас радиостанции «Эхо Москвы».")
    found = ru(pipe, text)
    assert len(found) == 1 and "есть россияне" in found[0][1]


@pytest.mark.parametrize("text,who", [
    ("\"К сожалению, у меня нет информации об этом\", - приводит телеканал слова Пескова.", "Dmitry Peskov"),
    ("«Ситуация остается напряженной», — приводит слова министра иностранных дел Сергея Лаврова РИА Новости.",
     "Sergei Lavrov"),
])
def test_a_medium_giving_someones_words(pipe: Pipeline, text: str, who: str) -> None:
    assert [s for s, _ in ru(pipe, text)] == [who]


def test_leading_to_is_no_cue(pipe: Pipeline) -> None:
    assert ru(pipe, "Антипольские выпады приводят к снижению желания помогать Украине.") == []


def test_an_accusation_with_its_object_last(pipe: Pipeline) -> None:
    text = "Министр иностранных дел страны Элина Валтонен обвинила в произошедшем Россию."
    found = ru(pipe, text)
    assert len(found) == 1 and "Россию" in found[0][1] and found[0][0] is not None


def test_a_clause_before_the_speaker_and_a_quotation_after_the_colon(pipe: Pipeline) -> None:
    text = 'Bilateral diplomatic relations remained in place, he said: "The embassies remain, the ambassadors remain."'
    found = said(pipe, text)
    assert len(found) == 1 and "Bilateral diplomatic relations" in found[0][1] and "embassies" in found[0][1]


@pytest.mark.parametrize("text,lang", [
    ("Police officers secure an area where, according to the Polish government, a missile killed two people, "
     "in Przewodow, Poland, Wednesday, Nov. 16, 2022. Picture: AP Photo/Jan Kowal", "en"),
    ("Россия объявила двух дипломатов посольства Латвии персонами нон грата © Иван Петров/ ТАСС", "ru"),
])
def test_a_photo_caption_with_its_credit_says_nothing(pipe: Pipeline, text: str, lang: str) -> None:
    assert said(pipe, text, lang) == []


def test_an_official_saying_what_their_state_holds(pipe: Pipeline) -> None:
    text = ("Официальный представитель МИД России Мария Захарова заявила, что российская сторона считает "
            "агрессивными действия Литвы по транзиту товаров.")
    assert [s for s, _ in ru(pipe, text)] == ["Maria Zakharova"]


def test_another_states_claim_inside_a_ministrys_words_stays_that_states(pipe: Pipeline) -> None:
    text = ("Russia's Foreign Ministry on Sunday dismissed claims from the United Kingdom that Moscow wanted to "
            "install a pro-Russia leader in Kyiv.")
    assert "United Kingdom" in [s for s, _ in said(pipe, text)]


def test_an_adjunct_before_the_speaker_is_no_content(pipe: Pipeline) -> None:
    found = said(pipe, 'Speaking in Essex, Mr Johnson said: "We all need to step back from the brink."')
    assert [c for _, c in found] == ["We all need to step back from the brink."]


def test_a_perfective_report_verb_signs_the_paragraph(pipe: Pipeline) -> None:
    text = ("\"Na granicy nadal koczuje grupa migrantów\" - powiedziała rzeczniczka Straży Granicznej Anna Nowak.\n\n"
            "Przychodzą tam białoruskie media. Rozpalane są ogniska. Żołnierze przynoszą im opał - zrelacjonowała.")
    assert any("ogniska" in c or "opał" in c for _, c in said(pipe, text, "pl"))
