"""Speakers on unseen news (issue 11), invented sentences: a title names whoever held the office on the day
(the day read from the URL or text when the document has none), an office several people hold names
nobody, ranks before a name are no part of it, a dateline before a dash is not the subject."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.actors.registry import get_registry
from linewatch.extract.dates import CONF_INFERRED, text_date, url_date
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def run(pipe: Pipeline, text: str, lang: str, on: date | None = date(2021, 11, 16), url: str | None = None) -> Doc:
    return pipe(Doc(Document(text=text, language=lang, published=on, url=url)))


def speakers(pipe: Pipeline, text: str, lang: str, on: date | None = date(2021, 11, 16)) -> list[str | None]:
    return [s.speaker for s in run(pipe, text, lang, on).statements]


# --------------------------------------------------------------------------- the document's date when unknown


@pytest.mark.parametrize("url,want", [
    ("https://news.example.pl/kraj/2016/03/02/granica-szczelna", date(2016, 3, 2)),
    ("https://example.com/world/20161012-border-checks", date(2016, 10, 12)),
    ("https://example.ru/politics/2019-07-01/mvd", date(2019, 7, 1)),
    ("https://example.com/world/1364709", None),
    ("https://example.com/a,nId,20211399", None),
])
def test_url_date(url: str, want: date | None) -> None:
    assert url_date(url) == want


@pytest.mark.parametrize("text,lang,want", [
    ("Spotkanie odbyło się 2 marca 2016 r. w Warszawie, a kolejne 4 marca.", "pl", date(2016, 3, 2)),
    ("Zakaz obowiązuje do 1 marca 2022 r. Wojewoda wydał go 30 listopada 2021 r.", "pl", date(2021, 11, 30)),
    ("The ban runs until March 1, 2022. The talks were held on 24 February 2021.", "en", date(2021, 2, 24)),
    ("Запрет действует до 1 марта 2022 года. Решение принято 16 ноября 2021 года.", "ru", date(2021, 11, 16)),
    ("Zakaz obowiązuje od 1 grudnia do 1 marca 2022 r.", "pl", None),
])
def test_text_date_is_the_latest_full_date_that_is_no_deadline(text: str, lang: str, want: date | None) -> None:
    assert text_date(text, lang) == want


@pytest.mark.parametrize("text,lang,url,name", [
    ("Szef MSWiA zapowiedział, że granica pozostanie szczelna do wiosny.", "pl",
     "https://news.example.pl/kraj/2016/03/02/granica", "Mariusz Błaszczak"),
    ("Szef MSWiA zapowiedział, że granica pozostanie szczelna do wiosny. Spotkanie odbyło się 3 lipca 2019 r.",
     "pl", None, "Elżbieta Witek"),
    ("The Home Secretary said that the checks at the border would stay in place.", "en",
     "https://example.com/uk/20161012-border", "Amber Rudd"),
    ("Глава МИД Германии заявил, что Берлин поддерживает Варшаву. Встреча прошла 16 ноября 2021 года.", "ru", None,
     "Heiko Maas"),
])
def test_title_in_an_undated_document_names_the_holder_on_the_inferred_day(pipe: Pipeline, text: str, lang: str,
                                                                          url: str | None, name: str) -> None:
    doc = run(pipe, text, lang, None, url)
    assert doc.document.published is None  # the source's own date stays unknown
    st = doc.statements[0]
    assert st.speaker == name
    assert st.date_confidence == CONF_INFERRED


def test_speaker_by_office_on_an_inferred_day_is_trusted_less(pipe: Pipeline) -> None:
    text = "Szef MSWiA zapowiedział, że granica pozostanie szczelna do wiosny."
    inferred = run(pipe, text, "pl", None, "https://news.example.pl/kraj/2016/03/02/granica").statements[0]
    given = run(pipe, text, "pl", date(2016, 3, 2)).statements[0]
    assert inferred.speaker == given.speaker == "Mariusz Błaszczak"
    assert inferred.confidence < given.confidence
    undated = run(pipe, text, "pl", None).statements[0]  # no date anywhere: several have held it, none is named
    assert undated.speaker_id is None
    assert undated.confidence < run(pipe, text, "pl", date(2025, 12, 1)).statements[0].confidence


# --------------------------------------------------------------------------- offices several people hold at once


@pytest.mark.parametrize("surface,lang", [
    ("Russian Deputy Foreign Minister", "en"),
    ("замглавы МИД России", "ru"),
    ("wiceszef MSWiA", "pl"),
    ("wiceminister spraw zagranicznych", "pl"),
])
def test_a_deputy_ministers_title_names_no_one_holder(surface: str, lang: str) -> None:
    assert get_registry().resolve(surface, lang, date(2021, 11, 16)) is None


@pytest.mark.parametrize("text,lang", [
    ("Wiceszef MSWiA poinformował, że sytuacja na granicy jest pod kontrolą.", "pl"),
    ("Замминистра обороны России заявил, что учения проходят по плану.", "ru"),
    ("The Russian deputy foreign minister said that Moscow was ready for talks.", "en"),
])
def test_a_deputy_is_a_person_not_the_ministry_nor_a_listed_deputy(pipe: Pipeline, text: str, lang: str) -> None:
    doc = run(pipe, text, lang)
    assert len(doc.statements) == 1
    st = doc.statements[0]
    assert st.speaker_id is None and st.speaker


def test_wiceminister_refers_back_to_the_deputy_not_the_minister(pipe: Pipeline) -> None:
    text = ("Minister Mariusz Kamiński i wiceminister Maciej Wąsik odwiedzili w środę przejście graniczne. "
            "– Sytuacja jest pod kontrolą – powiedział wiceminister.")
    assert speakers(pipe, text, "pl") == ["Maciej Wąsik"]


@pytest.mark.parametrize("surface,name", [
    ("NATO's secretary general", "Jens Stoltenberg"),
    ("the secretary-general of NATO", "Jens Stoltenberg"),
])
def test_possessive_and_of_forms_of_an_international_office(surface: str, name: str) -> None:
    actor = get_registry().resolve(surface, "en", date(2021, 11, 16))
    assert actor is not None and actor.name == name


# --------------------------------------------------------------------------- ranks before a name


@pytest.mark.parametrize("text,name", [
    ("Jak poinformował płk. Jan Kowalczyk, żołnierze są w pełnej gotowości od tygodnia.", "Jan Kowalczyk"),
    ("Zdaniem gen. Jarosława Wilka sytuacja na granicy jest bardzo poważna od tygodnia.", "Jarosław Wilk"),
    ("Według rzecznika komendanta policji insp. Marka Zięby funkcjonariusze są w pełnej gotowości.", "Marek Zięba"),
    ("Jak powiedział rzecznik dowództwa mjr Piotr Zieliński, żołnierze są w gotowości od tygodnia.",
     "Piotr Zieliński"),
    ("Płk Jan Kowalczyk powiedział, że żołnierze są w gotowości od tygodnia.", "Jan Kowalczyk"),
    ("– Białoruskie służby cały czas prowokują – przekazała rzeczniczka Komendy Głównej SG por. Ewa Wilk.",
     "Ewa Wilk"),
])
def test_a_rank_with_or_without_its_dot_is_no_part_of_the_name(pipe: Pipeline, text: str, name: str) -> None:
    assert speakers(pipe, text, "pl") == [name]


def test_an_abbreviations_dot_inside_a_sentence_is_part_of_its_token() -> None:
    doc = Pipeline(names=("segment", "parse"))(Doc(Document(text="Zdaniem gen. Jana Wilka to prowokacja. Tak.",
                                                             language="pl")))
    assert "gen." in [t.text for t in doc.tokens]
    assert [t.text for t in doc.tokens].count(".") == 2  # the sentence ends stay tokens of their own


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize("text,lang,name", [
    ("KUZNICA, Nov 16 (Reuters) - Poland's interior minister said on Tuesday that 50 people had been detained.",
     "en", "Mariusz Kamiński"),
    ("BRUZGI, Nov 16 (Reuters) - The Belarusian leader said on Tuesday that the migrants would not be forced back.",
     "en", "Alexander Lukashenko"),
])
def test_a_dateline_the_parser_takes_for_the_subject_is_not_the_speaker(pipe: Pipeline, text: str, lang: str,
                                                                       name: str) -> None:
    assert speakers(pipe, text, lang) == [name]


# --------------------------------------------------------------------------- inflected names and partial names


@pytest.mark.parametrize("text,lang,name", [
    ("Według posła Marka Wilka sytuacja na granicy jest bardzo poważna od tygodnia.", "pl", "Marek Wilk"),
    ("Zdaniem analityczki Ewy Zięby sytuacja na granicy jest bardzo poważna od tygodnia.", "pl", "Ewa Zięba"),
    ("По словам представителя ведомства Марии Петровой, ситуация на границе заметно стабилизировалась.", "ru",
     "Мария Петрова"),
])
def test_a_name_in_an_oblique_case_is_given_in_the_nominative_by_morphology(pipe: Pipeline, text: str, lang: str,
                                                                           name: str) -> None:
    assert speakers(pipe, text, lang) == [name]


@pytest.mark.parametrize("text,name", [
    ("Springfield Mayor John Harlow's office said the city would help the families this winter.", "John Harlow"),
    ("Former U.S. Ambassador to Poland Jane Whitmore said the talks would resume soon.", "Jane Whitmore"),
])
def test_no_possessive_ending_or_state_for_a_named_person(pipe: Pipeline, text: str, name: str) -> None:
    assert speakers(pipe, text, "en") == [name]


# --------------------------------------------------------------------------- junk speakers, every language


@pytest.mark.parametrize("text,lang", [
    ("МОСКВА, 16 ноября. Ситуация на границе остается крайне напряженной, заявили в пограничном комитете.", "ru"),
    ("Ситуация на границе остается крайне напряженной, передает ТАСС.", "ru"),
    ("Как сообщил Интерфакс, ситуация на границе остается крайне напряженной.", "ru"),
    ("KUŹNICA, 16 listopada. Sytuacja na granicy pozostaje bardzo napięta - podała agencja.", "pl"),
    ("Jak podaje PAP, sytuacja na granicy pozostaje bardzo napięta.", "pl"),
    ("Sytuacja na granicy pozostaje bardzo napięta - informuje IAR.", "pl"),
    ("Oni powiedzieli, że sytuacja na granicy pozostaje bardzo napięta.", "pl"),
    ("Ale powiedział, że sytuacja na granicy pozostaje bardzo napięta.", "pl"),
    ("Трое заявили, что ситуация на границе остается крайне напряженной.", "ru"),
    ("Both said the situation at the border remained very tense.", "en"),
    ("Thirty-two said the situation at the border remained very tense.", "en"),
    ("But he said the situation at the border remained very tense.", "en"),
])
def test_datelines_agencies_pronouns_and_numbers_name_nobody(pipe: Pipeline, text: str, lang: str) -> None:
    assert all(s is None for s in speakers(pipe, text, lang))


@pytest.mark.parametrize("name,lang", [
    ("KUŹNICA, 16 listopada", "pl"), ("МОСКВА, 16 ноября", "ru"), ("BRUZGI, Nov 16", "en"),
    ("agencji", "pl"), ("Интерфакс", "ru"), ("Associated Press", "en"),
    ("oni", "pl"), ("они", "ru"), ("they", "en"), ("ale", "pl"), ("но", "ru"), ("and", "en"),
    ("dwóch", "pl"), ("три", "ru"), ("three", "en"),
])
def test_junk_names_are_refused_in_every_language(name: str, lang: str) -> None:
    from linewatch.extract.attribution.speaker import name_problem

    assert name_problem(name, lang) is not None


# --------------------------------------------------------------------------- ministries and capitalised titles (pl)


@pytest.mark.parametrize("text,name", [
    ("Ministerstwo Spraw Zagranicznych poinformowało, że ambasador zostanie wezwany do resortu.",
     "Ministry of Foreign Affairs of Poland"),
    ("Ministerstwo Obrony Narodowej przekazało, że na granicę trafi kolejnych tysiąc żołnierzy.",
     "Ministry of National Defence of Poland"),
    ("W Ministerstwie Spraw Wewnętrznych i Administracji poinformowano, że na granicę trafi tysiąc policjantów.",
     "Ministry of the Interior and Administration of Poland"),
    ("Minister spraw zagranicznych powiedział, że ambasador zostanie wezwany do resortu.", "Zbigniew Rau"),
])
def test_a_polish_ministry_is_the_body_and_its_minister_the_person(pipe: Pipeline, text: str, name: str) -> None:
    assert speakers(pipe, text, "pl") == [name]


@pytest.mark.parametrize("text,lang,name", [
    ("Komendant Główny Straży Granicznej gen. dyw. Tomasz Wrona powiedział, że funkcjonariusze są gotowi.", "pl",
     "Tomasz Wrona"),
    ("Minister Spraw Zagranicznych Republiki Rurytanii Jan Kowalski powiedział, że ambasador zostanie wezwany.", "pl",
     "Jan Kowalski"),
    ("Minister Spraw Zagranicznych Jan Kowalski powiedział, że ambasador zostanie wezwany.", "pl", "Jan Kowalski"),
])
def test_the_capitals_of_a_title_before_a_name_are_no_part_of_it(pipe: Pipeline, text: str, lang: str,
                                                                name: str) -> None:
    assert speakers(pipe, text, lang) == [name]


def test_an_acting_holder_is_still_the_holder(pipe: Pipeline) -> None:
    text = "Germany's acting chancellor said she had spoken twice with the Belarusian leader."
    assert speakers(pipe, text, "en") == ["Angela Merkel"]


def test_a_russian_name_keeps_the_texts_spelling_of_e() -> None:
    from linewatch.nlp.names import name_nominative

    assert name_nominative(("Александра", "Журавлева"), "ru") == ("Александр", "Журавлев")


# --------------------------------------------------------------------------- people in the media, spelling variants


@pytest.mark.parametrize("text,lang,name", [
    ("Как заявил в эфире телеканала политолог Иван Петров, Польша провоцирует кризис на границе.", "ru", "Иван Петров"),
    ("Как заявил в эфире телеканала «Восток 24» политолог Иван Петров, Польша провоцирует кризис на границе.", "ru",
     "Иван Петров"),
    ("«Польша провоцирует кризис на границе», — заявил в эфире телеканала «Восток 24» политолог Иван Петров.", "ru",
     "Иван Петров"),
])
def test_a_person_named_after_a_medium_is_the_speaker(pipe: Pipeline, text: str, lang: str, name: str) -> None:
    assert speakers(pipe, text, lang) == [name]


def test_a_soft_sign_variant_of_a_registry_name_is_that_person(pipe: Pipeline) -> None:
    text = "Глава польского МВД Мариуш Каминьский заявил, что граница будет закрыта до весны."
    assert speakers(pipe, text, "ru") == ["Mariusz Kamiński"]


# --------------------------------------------------------------------------- a title inside a longer name


@pytest.mark.parametrize("text,want", [
    ("Rzecznik prezydenta poinformował, że prezydent zwoła posiedzenie rady.", None),  # no spokesperson known then
    ("Rzeczniczka Podlaskiej SG powiedziała, że w nocy było spokojnie na całym odcinku.", "Rzeczniczka Podlaskiej SG"),
])
def test_a_title_inside_a_longer_name_is_not_its_holder(pipe: Pipeline, text: str, want: str | None) -> None:
    got = speakers(pipe, text, "pl", date(2021, 11, 16))
    assert got == [want]
    assert "Andrzej Duda" not in got and "Polish Border Guard" not in got


def test_title_roles_leave_out_a_title_inside_a_longer_one() -> None:
    assert get_registry().title_roles("Rzecznik prezydenta", "pl") == frozenset({"presidential_spokesperson"})


@pytest.mark.parametrize("text,lang,name", [
    ("Kanclerz Niemiec Angela Merkel rozmawiała z Łukaszenką. Jak przekazał jej rzecznik, rozmowa dotyczyła "
     "sytuacji migrantów na granicy.", "pl", "Steffen Seibert"),
    ("Vladimir Putin spoke with Angela Merkel on Monday. His spokesman said the talks were about the migrants.", "en",
     "Dmitry Peskov"),
    ("Владимир Путин провел телефонный разговор с Ангелой Меркель. Как сообщил его пресс-секретарь, стороны "
     "обсудили ситуацию на границе.", "ru", "Dmitry Peskov"),
])
def test_a_spokesperson_named_by_a_possessive_is_the_spokesperson_of_that_office(pipe: Pipeline, text: str, lang: str,
                                                                                 name: str) -> None:
    assert speakers(pipe, text, lang)[-1] == name
