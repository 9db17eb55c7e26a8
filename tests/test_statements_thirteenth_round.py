"""Error classes seen on fresh unseen articles (thirteenth round), each fixed in a shared mechanism:
a body named by a synonym of the words the registry writes its name with ("Russia's ministry of
defense", "resort spraw wewnętrznych i administracji") or by its country's adjective ("the Polish
Ministry of Defense"); an attitude ("NATO supports…") or a body's act inside what a person signs
after it; a reporting verb the tagger reads as a noun; a press service whose registered name holds
its principal's name or title; "…, as the ministry reports" signs the words before it; lower-case
words before an inverted name end the content; a security council's secretary by country; an
according-to title with its country's adjective; a title-case topic before a colon; a date set off
by commas before the speaker; a hyphenated title referring back; "the company" after a company
named in a passive's agent; a verb coordinated with an earlier cue. Invented sentences and people,
except where the registry itself is what is tested. Six are guards that pass on the start code."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

ON = date(2021, 11, 16)


def said(pipe: Pipeline, text: str, lang: str, on: date | None = ON) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.content) for s in pipe(Doc(Document(text=text, language=lang, published=on))).statements]


@pytest.mark.parametrize(("text", "lang", "body"), [
    # the registry writes the Russian ministry "Defence" and "Defense Ministry"; the text "ministry of defense"
    ("Two bombers patrolled the airspace of its ally, Russia’s ministry of defense announced on Wednesday.", "en",
     "Ministry of Defence of Russia"),
    # "resort" for "ministerstwo": the home country's ministry of the acronym's group (MSWiA)
    ("Po południu resort spraw wewnętrznych i administracji poinformował, że służby udaremniły próbę "
     "przekroczenia granicy.", "pl", "Ministry of the Interior and Administration of Poland"),
])
def test_a_body_named_in_other_words_of_its_kind(pipe: Pipeline, text: str, lang: str, body: str) -> None:
    assert [s for s, _ in said(pipe, text, lang)] == [body]


def test_a_foreign_body_phrase_is_not_the_home_ministry(pipe: Pipeline) -> None:
    text = "Rzecznik rosyjskiego resortu spraw wewnętrznych powiedział, że granica jest bezpieczna."
    assert "Ministry of the Interior and Administration of Poland" not in [s for s, _ in said(pipe, text, "pl")]


@pytest.mark.parametrize("cue", ["said", "wrote on social media"])
def test_an_attitude_inside_what_a_person_reports_is_that_persons_statement(pipe: Pipeline, cue: str) -> None:
    text = f"NATO supports Poland against the hybrid operation on our borders, deputy minister Tomasz Wierzba {cue}."
    assert said(pipe, text, "en") == [
        ("Tomasz Wierzba", "NATO supports Poland against the hybrid operation on our borders")]


def test_a_reporting_verb_tagged_as_a_noun_before_that_still_reports(pipe: Pipeline) -> None:
    # the tagger reads "reports" as a plural noun after "press service"; the parse still makes it the root
    text = "Lukashenka’s press service reports that they discussed several issues, above all the border."
    assert [s for s, _ in said(pipe, text, "en")] == ["Press service of the President of Belarus"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Стороны обсудили ситуацию на границе. Об этом сообщает пресс-служба президента Белоруссии.", "ru"),
    ("Stanowiska stron są zbieżne, przekazała służba prasowa Łukaszenki.", "pl"),
])
def test_a_press_service_speaks_not_the_principal_its_name_holds(pipe: Pipeline, text: str, lang: str) -> None:
    assert [s for s, _ in said(pipe, text, lang)] == ["Press service of the President of Belarus"]


def test_as_opens_a_signature_of_the_words_before_it(pipe: Pipeline) -> None:
    text = "Two helicopters crossed the border into Poland on Tuesday, as the Polish Ministry of Defense reports."
    assert said(pipe, text, "en") == [("Ministry of National Defence of Poland",
                                        "Two helicopters crossed the border into Poland on Tuesday")]


def test_as_that_opens_a_comparison_signs_nothing(pipe: Pipeline) -> None:
    assert said(pipe, "Prices rose in the spring, as expected.", "en") == []


def test_lower_case_words_before_an_inverted_name_end_the_content(pipe: Pipeline) -> None:
    # the dash before the cue is left out: "zwiększania napięć" is no speaker, the name after the cue is
    text = "- Władze sąsiada mają tendencję do prowokowania sytuacji, zwiększania napięć stwierdził Jan Wrzos."
    assert said(pipe, text, "pl") == [
        ("Jan Wrzos", "Władze sąsiada mają tendencję do prowokowania sytuacji, zwiększania napięć")]


@pytest.mark.parametrize(("text", "who"), [
    ("Szef Rady Bezpieczeństwa Ukrainy stwierdził, że Kreml wziął Białoruś jako zakładnika.", "Oleksiy Danilov"),
    ("Sekretarz Rady Bezpieczeństwa Rosji stwierdził, że Zachód prowokuje.", "Nikolai Patrushev"),
])
def test_a_security_council_secretary_is_the_one_of_the_country_named(pipe: Pipeline, text: str, who: str) -> None:
    assert [s for s, _ in said(pipe, text, "pl", date(2023, 3, 26))] == [who]


def test_an_according_to_title_with_its_countrys_adjective_is_the_source(pipe: Pipeline) -> None:
    text = ("Władimir Putin zapowiedział, że Moskwa będzie kontrolować rakiety.\n\n"
            "Według rosyjskiego dyktatora to białoruski prezydent domagał się od Moskwy takiego wsparcia.")
    assert ("Vladimir Putin", "to białoruski prezydent domagał się od Moskwy takiego wsparcia") \
        in said(pipe, text, "pl", date(2023, 3, 26))


def test_a_title_case_topic_before_a_colon_is_no_speaker(pipe: Pipeline) -> None:
    text = ("Baltic Gas Pipeline Leak: Finland Blames 'Outside Activity' for Crisis\n\n"
            "John Smith: We will find out who damaged the pipeline.")
    assert [s for s, _ in said(pipe, text, "en")] == ["John Smith"]


def test_a_date_set_off_by_commas_between_cue_and_speaker(pipe: Pipeline) -> None:
    text = ("Расследование продолжается, страна непричастна к случившемуся. Такое заявление сделал в понедельник, "
            "23 октября, пресс-секретарь министерства Иван Петровский.")
    assert [s for s, _ in said(pipe, text, "ru")] == ["Иван Петровский"]


def test_a_hyphenated_title_after_the_cue_refers_back(pipe: Pipeline) -> None:
    text = ("Страна закрывает все переходы на границе, сообщил премьер-министр Финляндии Иван Петровский. "
            "Замминистра Олег Сидоренко заявил, что от закрытия пострадают граждане.\n"
            "«Граница будет закрыта до 13 декабря»,— сообщил премьер-министр.")
    assert [s for s, _ in said(pipe, text, "ru")][-1] == "Иван Петровский"


def test_a_company_named_in_a_passive_agent_is_what_the_company_refers_to(pipe: Pipeline) -> None:
    text = ("Two cables were damaged on Sunday. Its failure was reported by the Finnish government-owned telecom "
            "operator Kabelnet. According to the company, the repair could take from 5 to 15 days.")
    assert [s for s, _ in said(pipe, text, "en")] == ["Kabelnet", "Kabelnet"]


def test_a_person_signing_after_a_bodys_act_is_the_speaker(pipe: Pipeline) -> None:
    text = ("Ministerstwo spraw zagranicznych Estonii wezwało w środę kierownika ambasady Rosji, aby zaprotestować "
            "przeciwko zakłócaniu sygnałów GPS - oznajmił na platformie X szef estońskiej dyplomacji Jan Tamm.")
    assert [s for s, _ in said(pipe, text, "pl")] == ["Jan Tamm"]


def test_a_verb_coordinated_with_an_earlier_cue_takes_no_subject_from_its_object(pipe: Pipeline) -> None:
    text = ("W lutym telewizja ERR informowała o zakłócaniu sygnału GPS w regionie Morza Bałtyckiego i ostrzegała, "
            "że stwarza to ryzyko dla lotnictwa.")
    assert not any(s and "Bałtyckiego" in s for s, _ in said(pipe, text, "pl"))


def test_a_cue_inside_dash_speech_signed_later_in_its_paragraph_is_the_speakers_words(pipe: Pipeline) -> None:
    text = ("— Вы же слышали заявления, что якобы уже договорились они: склады переместим к границе. Будем думать. "
            "Мы уже решили, еще раз подумаем, — сказал Иван Петровский на встрече.")
    assert {s for s, _ in said(pipe, text, "ru")} == {"Иван Петровский"}


def test_according_to_keeps_its_speaker_over_an_inner_cue_nobody_is_named_for(pipe: Pipeline) -> None:
    text = ("“We will protect our democracies,” Anna Brzoza told journalists after the meeting.\n\n"
            "According to the politician, the sides agreed to coordinate their outreach to the countries of origin.")
    assert said(pipe, text, "en")[-1] == (
        "Anna Brzoza", "the sides agreed to coordinate their outreach to the countries of origin")


def test_her_statement_reads_is_hers(pipe: Pipeline) -> None:
    text = ("“This is a hybrid attack,” Anna Brzoza told journalists.\n\n"
            "“We know the patterns. We are used to that,” her statement reads.")
    assert [s for s, _ in said(pipe, text, "en")] == ["Anna Brzoza", "Anna Brzoza"]


def test_an_agency_signing_a_paragraph_gives_it_to_nobody_else(pipe: Pipeline) -> None:
    text = ("Premier Jan Wrona skrytykował rozmowy kanclerz z dyktatorem.\n\n"
            "W połowie listopada kanclerz dwukrotnie telefonowała do dyktatora. Rzecznik rządu Piotr Kos uzasadnił "
            "ten kontakt sytuacją humanitarną. Zaznaczył również, że procedura była uzgodniona - przypomina dpa.")
    # the narration above "– przypomina dpa" is the agency's report, not the spokesman's words
    assert not any(c.startswith("W połowie listopada") for _, c in said(pipe, text, "pl"))


def test_a_prosecutor_general_by_title_is_the_holder_that_day(pipe: Pipeline) -> None:
    text = "Prokurator Generalny poinformował, że śledztwo jest prowadzone intensywnie."
    assert [s for s, _ in said(pipe, text, "pl", date(2022, 11, 16))] == ["Zbigniew Ziobro"]


def test_called_off_is_no_statement(pipe: Pipeline) -> None:
    text = "The rebel leader called off the march towards the capital on Saturday, after talks with the president."
    assert said(pipe, text, "en") == []


def test_a_dateline_with_agencies_in_brackets_dates_the_story(pipe: Pipeline) -> None:
    text = ("PARIS (Example News / Wire - 15th November, 2021) The two presidents held a phone conversation on the "
            "border crisis, a source at the presidential palace told reporters.")
    out = pipe(Doc(Document(text=text, language="en", published=date(2021, 11, 16)))).statements
    assert [(s.date, s.content[:3]) for s in out] == [(date(2021, 11, 15), "The")]


def test_a_plural_verb_does_not_take_a_body_named_with_a_singular_one(pipe: Pipeline) -> None:
    text = ("Po południu resort spraw wewnętrznych i administracji poinformował, że służby udaremniły próbę "
            "przekroczenia granicy.\n\n\"Obecnie migranci rozbili obóz. Są cały czas pilnowani\" - przekazały "
            "służby resortu obrony po godzinie 16.")
    assert [s for s, _ in said(pipe, text, "pl", date(2021, 11, 8))][1:] in ([None, None], [None], [])


def test_one_call_reported_twice_is_one_event() -> None:
    text = ("Владимир Путин и Александр Лукашенко обсудили по телефону ситуацию на границе. "
            "Также президенты обсудили ситуацию в Белоруссии и совместные действия по обороне границ.")
    events = Pipeline(names=("segment", "parse", "mentions", "dates", "statements", "events"))
    doc = events(Doc(Document(text=text, language="ru", published=date(2021, 11, 16))))
    assert len([e for e in doc.events if e.plover == "CONSULT"]) == 1


def test_a_registered_name_spelt_with_i_for_y_in_russian(pipe: Pipeline) -> None:
    # the registry writes Żaryn "Станислав Жарын"; the text "Жарин"
    text = "Группа будет и дальше использоваться в регионе, заявил Станислав Жарин."
    assert [s for s, _ in said(pipe, text, "ru", date(2023, 7, 1))] == ["Stanisław Żaryn"]
