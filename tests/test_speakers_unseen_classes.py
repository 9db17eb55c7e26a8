"""Speakers on unseen news, fourth round (invented sentences): a document that speaks ("the statement
said") is its issuer's; an agency told something is no speaker; the Belarusian border committee and its
spokesman by acronym; a party's chairman by title; an undated title names the holder the text named; an
oblique name is no subject; a place clause is no statement; a group is never "the minister"."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.actors.registry import get_registry
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def run(pipe: Pipeline, text: str, lang: str, on: date | None = date(2021, 11, 9)) -> Doc:
    return pipe(Doc(Document(text=text, language=lang, published=on)))


def said(pipe: Pipeline, text: str, lang: str, on: date | None = date(2021, 11, 9)) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.content) for s in run(pipe, text, lang, on).statements]


def speaker_of(pipe: Pipeline, text: str, lang: str, words: str, on: date | None = date(2021, 11, 9)) -> str | None:
    found = [s for s, c in said(pipe, text, lang, on) if words in c]
    assert found, said(pipe, text, lang, on)
    return found[0]


# --------------------------------------------------------------------------- a document that speaks


def test_the_statement_said_is_the_issuer_the_text_named(pipe: Pipeline) -> None:
    text = ('"We are worried by the crowds at the border," NATO said in a statement on Monday.\n\n'
            'Officials added that talks were planned. "We call on Minsk to halt the flights at once," the statement said.')
    assert speaker_of(pipe, text, "en", "halt the flights") == "NATO"


def test_the_statement_of_a_body_the_text_named_is_that_body(pipe: Pipeline) -> None:
    # the registry does not know the council, but the text named it as the statement's issuer
    text = ('"We are worried by the crowds at the border," the Ruritanian council said in a statement.\n\n'
            '"We call on Minsk to halt the flights at once," the statement said.')
    assert speaker_of(pipe, text, "en", "halt the flights") == "the Ruritanian council"


def test_the_statement_of_nobody_the_text_named_names_nobody(pipe: Pipeline) -> None:
    text = ('"We are worried by the crowds at the border," a local farmer told us.\n\n'
            '"We call on Minsk to halt the flights at once," the statement said.')
    assert speaker_of(pipe, text, "en", "halt the flights") is None


# --------------------------------------------------------------------------- a group is no "the minister"


def test_the_minister_is_not_the_group_of_a_reported_clause(pipe: Pipeline) -> None:
    text = ('"This is an attack on the whole Union," deputy Foreign Minister Marcin Przydacz said on Tuesday.\n\n'
            'The minister added that the migrants know that they are going to cross the border illegally. "For the '
            'regime they are only pawns in a cynical game," the minister stressed.')
    assert speaker_of(pipe, text, "en", "only pawns") == "Marcin Przydacz"


# --------------------------------------------------------------------------- the agency told, not speaking


@pytest.mark.parametrize("text,name", [
    ('"Это не помощь. Ответ простой - мы введем новые санкции", - передала агентству BNS ее пресс-секретарь '
     'Рута Казлаускайте.', "Рута Казлаускайте"),
    ('"Мы усилили охрану границы и задействовали все силы", - заявил агентству "Интерфакс-Запад" официальный '
     'представитель ГПК Антон Бычковский.', "Anton Bychkovsky"),
])
def test_an_agency_in_the_dative_is_told_and_the_one_after_it_speaks(pipe: Pipeline, text: str, name: str) -> None:
    assert speaker_of(pipe, text, "ru", "охран" if "охран" in text else "санкции") == name


# --------------------------------------------------------------------------- the Belarusian border committee


@pytest.mark.parametrize("text,lang,words,name", [
    ("W sobotę rzecznik GPK wskazał, że polskie służby nie wpuszczają dziennikarzy do obozowiska.", "pl",
     "dziennikarzy", "Anton Bychkovsky"),
    ("В Государственном пограничном комитете Белоруссии заявили о новом усилении охраны границы.", "ru",
     "усилении", "State Border Committee of Belarus"),
    ('Białoruski Państwowy Komitet Graniczny (GPK) zarzucił stronie polskiej "świadome kłamstwa".', "pl",
     "kłamstwa", "State Border Committee of Belarus"),
    ("Белорусская пограничная служба сообщала о случаях грубого обращения с людьми на границе.", "ru",
     "грубого", "State Border Committee of Belarus"),
])
def test_the_border_committee_and_its_spokesman(pipe: Pipeline, text: str, lang: str, words: str, name: str) -> None:
    assert speaker_of(pipe, text, lang, words, date(2021, 8, 23)) == name


def test_a_ministry_by_its_full_russian_name_and_the_noun_that_refers_back(pipe: Pipeline) -> None:
    text = ("Министерство обороны Белоруссии сообщило, что у границы усилены дежурные силы. Ведомство также "
            "сообщило, что летчики провели совместные учения.")
    assert [s for s, _ in said(pipe, text, "ru")] == ["Ministry of Defence of Belarus"] * 2


# --------------------------------------------------------------------------- a party's chairman


def test_a_partys_chairman_by_title_is_its_holder_not_the_party(pipe: Pipeline) -> None:
    text = "– Wzmocnimy obronę na wschodniej granicy i zbudujemy nowe umocnienia – wyjaśnił prezes PiS."
    assert speaker_of(pipe, text, "pl", "umocnienia", date(2023, 6, 28)) == "Jarosław Kaczyński"
    reg = get_registry()
    assert reg.holder("party_leader", "POL", date(2023, 6, 28), org="Law and Justice").name == "Jarosław Kaczyński"
    assert reg.holder("party_leader", "POL", date(2023, 6, 28), org="Some Other Party") is None


# --------------------------------------------------------------------------- no date: the holder the text named


def test_an_undated_title_is_the_holder_the_text_named_not_todays(pipe: Pipeline) -> None:
    text = ("Szef MSZ, Zbigniew Rau, uważa, że za atakiem stoi Rosja.\n\n"
            "– Rosja straciła inicjatywę i chce zastraszyć państwa regionu – powiedział szef MSZ.")
    assert speaker_of(pipe, text, "pl", "inicjatyw", None) == "Zbigniew Rau"
    # several people have held the office: with no date, the registry names none of them
    assert get_registry().holder("foreign_minister", "POL", None) is None


# --------------------------------------------------------------------------- an oblique name is no subject


def test_a_name_in_an_oblique_case_is_not_the_subject_of_a_cue_without_one(pipe: Pipeline) -> None:
    text = ("Komentując groźby prezydenta Władimira Putina, Rau wrócił do tematu z wywiadu dla radia, w którym "
            "stwierdził, że sojusz powinien odpowiedzieć uderzeniem konwencjonalnym.")
    assert speaker_of(pipe, text, "pl", "sojusz", date(2022, 9, 27)) == "Zbigniew Rau"
    titled = text.replace("prezydenta Władimira", "rosyjskiego prezydenta Władimira")  # title and name: one phrase
    assert speaker_of(pipe, titled, "pl", "sojusz", None) == "Zbigniew Rau"


# --------------------------------------------------------------------------- a place clause, a bracket after the speaker


def test_a_place_clause_is_no_statement_and_a_bracket_adds_no_clause(pipe: Pipeline) -> None:
    text = ("Co zrobili Litwini? Zatrzymali około 30 osób na swoim terytorium. To ludzie, którzy jechali do "
            "Francji, dokąd ich wezwał Emmanuel Macron. Oni wcale nie chcą zostać na Białorusi – oświadczył "
            "Łukaszenka podczas szczytu liderów ODKB (poradzieckiej Organizacji Układu o Bezpieczeństwie "
            "Zbiorowym) poświęconego sytuacji w Afganistanie.")
    found = said(pipe, text, "pl", date(2021, 8, 23))
    assert {s for s, _ in found} == {"Alexander Lukashenko"}
    assert any("jechali do Francji" in c for _, c in found)


# --------------------------------------------------------------------------- registry facts


def test_a_deputy_interior_minister_the_text_named_is_the_wiceszef(pipe: Pipeline) -> None:
    text = ("– Noc była spokojna – podkreślił Poboży.\n\n"
            "Z rozpoznania strony polskiej – dodał wiceszef MSWiA – wynika, że obóz zostanie na dłużej.")
    assert speaker_of(pipe, text, "pl", "obóz") == "Błażej Poboży"


# --------------------------------------------------------------------------- a medium after the cue


@pytest.mark.parametrize("cue", ["powiedział w Radiu Zet", "mówił w rozmowie z telewizją Polsat", "powiedział w RMF FM"])
def test_a_medium_named_after_the_cue_is_no_speaker(pipe: Pipeline, cue: str) -> None:
    text = (f"Marek Nowak uważa, że rynek zbóż jest rozchwiany. - Do Polski jedzie też zboże z Rosji! – {cue}. "
            "- Nie jesteśmy zadowoleni z tej decyzji – dodał minister rolnictwa.")
    assert [s for s, _ in said(pipe, text, "pl", date(2023, 9, 15))] == ["Marek Nowak"] * 3


# --------------------------------------------------------------------------- an oblique name before the cue


def test_a_name_in_an_oblique_case_right_before_the_cue_is_not_its_subject(pipe: Pipeline) -> None:
    text = ("Minister Jan Nowak ocenił, że rynek jest rozchwiany. Zapytany, czy Bruksela działa w interesie "
            "Putina stwierdził, że tak to niestety wygląda.")
    assert [s for s, _ in said(pipe, text, "pl", date(2023, 9, 15))] == ["Jan Nowak"] * 2


# --------------------------------------------------------------------------- a body's name with a genitive tail


@pytest.mark.parametrize(("text", "speaker"), [
    ("Dowództwo Operacyjne Rodzajów Sił Zbrojnych przekazało, że obiekt przebywał nad krajem przez 39 sekund.",
     "Operational Command of the Polish Armed Forces"),
    ("Rada Bezpieczeństwa Narodowego oceniła, że zagrożenie minęło.", "National Security Council of Poland"),
    ("Biuro Bezpieczeństwa Narodowego oświadczyło, że sytuacja jest pod kontrolą.", "National Security Bureau of Poland"),
    ("Sytuacja jest pod kontrolą – przekazał Sztab Generalny Wojska Polskiego.", "General Staff of the Polish Armed Forces"),
    # bodies the registry does not know: the whole name, never its genitive tail alone
    ("Naczelna Rada Rzemiosł Ludowych oceniła, że zagrożenie minęło.", "Naczelna Rada Rzemiosł Ludowych"),
    ("Wojewódzkie Biuro Spraw Obronnych oświadczyło, że sytuacja jest pod kontrolą.",
     "Wojewódzkie Biuro Spraw Obronnych"),
])
def test_a_body_named_by_a_head_and_a_genitive_tail_speaks_by_its_whole_name(
        pipe: Pipeline, text: str, speaker: str) -> None:
    assert [s for s, _ in said(pipe, text, "pl", date(2024, 3, 26))] == [speaker]


def test_a_person_named_in_the_genitive_keeps_the_name(pipe: Pipeline) -> None:
    assert [s for s, _ in said(pipe, "Według Marka Zięby sytuacja jest pod kontrolą.", "pl", date(2024, 3, 26))] \
        == ["Marek Zięba"]


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("Совет безопасности Белоруссии заявил, что угроза миновала.", "ru", "Совет безопасности Белоруссии"),
    ("Министерство иностранных дел Греции заявило, что ситуация под контролем.", "ru",
     "Министерство иностранных дел Греции"),
    # a ministry the registry knows, by its acronym or its full name alike
    ("Министерство иностранных дел Латвии заявило, что ситуация под контролем.", "ru",
     "Ministry of Foreign Affairs of Latvia"),
    ("МИД Латвии заявил, что ситуация под контролем.", "ru", "Ministry of Foreign Affairs of Latvia"),
    ("Ministerstwo Spraw Zagranicznych Łotwy oceniło, że zagrożenie minęło.", "pl",
     "Ministry of Foreign Affairs of Latvia"),
    # the state's own voice in any case, by lemma
    ("Представитель Латвии заявил, что ситуация под контролем.", "ru", "Latvia"),
    ("Официальный представитель правительства Латвии заявил, что ситуация под контролем.", "ru", "Latvia"),
    ("Przedstawicielka Litwy oceniła, że zagrożenie minęło.", "pl", "Lithuania"),
    ("Ситуация под контролем, заявил Совет безопасности Белоруссии.", "ru", "Совет безопасности Белоруссии"),
    ("Rada Bezpieczeństwa Białorusi oceniła, że zagrożenie minęło.", "pl", "Rada Bezpieczeństwa Białorusi"),
    # the state's own voice stays the state
    ("Власти Латвии заявили, что ситуация под контролем.", "ru", "Latvia"),
    ("Władze Litwy oceniły, że zagrożenie minęło.", "pl", "Lithuania"),
])
def test_a_body_named_with_a_state_in_the_genitive_is_no_state(pipe: Pipeline, text: str, lang: str,
                                                               speaker: str) -> None:
    assert [s for s, _ in said(pipe, text, lang, date(2024, 3, 26))] == [speaker]


def test_another_countrys_operational_command_is_not_polands(pipe: Pipeline) -> None:
    text = "Dowództwo Operacyjne Sił Zbrojnych Ukrainy przekazało, że w nocy zestrzelono dwanaście dronów."
    speakers = [s for s, _ in said(pipe, text, "pl", date(2024, 3, 26))]
    assert speakers and "Operational Command of the Polish Armed Forces" not in speakers
