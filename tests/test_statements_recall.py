"""Russian and Polish reported speech that the finders used to miss (issue 11), on sentences of our own."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document, Statement
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def run(pipe: Pipeline, text: str, lang: str) -> list[Statement]:
    return pipe(Doc(Document(text=text, language=lang, published=date(2021, 11, 10)))).statements


@pytest.mark.parametrize("lang,text,first,second,speaker", [
    ("ru", "«Мы не допустим провокаций на границе, — сказал Игорь Веснин. — Все заставы приведены в готовность».",
     "Мы не допустим провокаций", "Все заставы приведены", "Игорь Веснин"),
    ("ru", "Министр Игорь Веснин приехал в Гродно. «Мы не допустим провокаций на границе, — сказал он. — "
           "Все заставы приведены в готовность».",
     "Мы не допустим провокаций", "Все заставы приведены", "Игорь Веснин"),
    ("pl", "„Nie pozwolimy na prowokacje na granicy – powiedział minister Tomasz Wierzbicki. – Wszystkie "
           "strażnice są w pełnej gotowości”.",
     "Nie pozwolimy na prowokacje", "Wszystkie strażnice", "Tomasz Wierzbicki"),
])
def test_author_aside_inside_a_quotation(pipe: Pipeline, lang: str, text: str, first: str, second: str,
                                         speaker: str) -> None:
    # the author's words set off by dashes inside the quotation: both sentences are the speaker's
    sts = run(pipe, text, lang)
    assert [s.content.startswith(p) for s in sts for p in (first, second) if s.content.startswith(p)] == [True, True]
    assert all(s.speaker == speaker and s.kind == "direct" for s in sts), [(s.speaker, s.kind) for s in sts]
    assert not any("сказал" in s.content or "powiedział" in s.content for s in sts)


def test_author_aside_inside_one_sentence_is_one_statement(pipe: Pipeline) -> None:
    sts = run(pipe, "«Мы, — подчеркнул Игорь Веснин, — не допустим провокаций на границе».", "ru")
    assert len(sts) == 1 and sts[0].speaker == "Игорь Веснин"
    assert [sts[0].content_spans and len(sts[0].content_spans)] == [2]


def test_cue_of_the_quoted_speaker_stays_inside(pipe: Pipeline) -> None:
    # a dash inside a quotation that no cue follows is the quoted speaker's own punctuation
    sts = run(pipe, "Игорь Веснин сказал мне: «Уходи — говорю тебе — немедленно отсюда».", "ru")
    assert len(sts) == 1 and "говорю" in sts[0].content


@pytest.mark.parametrize("lang,text,cue,content", [
    ("ru", "Спикер сейма Анна Круминя подчеркнула необходимость укрепления восточного фланга альянса.",
     "подчеркнула необходимость", "укрепления восточного фланга"),
    ("ru", "Генсек организации Игорь Веснин призвал к немедленной деэскалации конфликта.",
     "призвал к", "немедленной деэскалации"),
    ("ru", "Представитель Литвы заявил об отсутствии интереса к переговорам с Минском.",
     "заявил об", "отсутствии интереса"),
    ("ru", "Министры обеих стран выражали обеспокоенность ситуацией на границе.",
     "выражали обеспокоенность", "ситуацией на границе"),
    ("ru", "Игорь Веснин предупредил о подготовке крупной провокации на границе.",
     "предупредил о", "подготовке крупной провокации"),
    ("pl", "Ministrowie obu krajów podkreślali potrzebę wzmocnienia wschodniej granicy.",
     "podkreślali potrzebę", "wzmocnienia wschodniej granicy"),
    ("pl", "Minister Tomasz Wierzbicki podkreślił konieczność wzmocnienia wschodniej granicy.",
     "podkreślił konieczność", "wzmocnienia wschodniej granicy"),
    ("pl", "Wojewoda Tomasz Wierzbicki wyrażał nadzieję na szybkie porozumienie z Litwą.",
     "wyrażał nadzieję", "na szybkie porozumienie"),
])
def test_phrase_cues_by_lemma(pipe: Pipeline, lang: str, text: str, cue: str, content: str) -> None:
    # a verb and the noun (or preposition) of a fixed phrase, in any form of both: the rest is what was said
    sts = run(pipe, text, lang)
    assert len(sts) == 1, [s.content for s in sts]
    assert sts[0].cue == cue and sts[0].content.startswith(content), (sts[0].cue, sts[0].content)


@pytest.mark.parametrize("text", [
    "Граница закрыта. Министр Игорь Веснин заявил об этом в понедельник.",
    "Министр Игорь Веснин заявил об этом журналистам.",
])
def test_phrase_particle_before_a_pointer_is_no_content(pipe: Pipeline, text: str) -> None:
    # "заявил об этом": the words point back; "этом в понедельник" is not what was said
    assert not any(s.content.startswith("этом") for s in run(pipe, text, "ru"))


@pytest.mark.parametrize("lang,text,second", [
    ("ru", "«Мы не допустим провокаций на границе», — сказал министр Игорь Веснин.\n\n"
           "«Все заставы приведены в полную готовность. Отступать мы не собираемся ни на шаг.",
     "Все заставы приведены"),
    ("pl", "„Nie pozwolimy na prowokacje na granicy” – powiedział minister Tomasz Wierzbicki.\n\n"
           "„Wszystkie strażnice są w pełnej gotowości. Nie cofniemy się ani o krok.",
     "Wszystkie strażnice"),
])
def test_quotation_running_on_into_a_paragraph(pipe: Pipeline, lang: str, text: str, second: str) -> None:
    # a paragraph opened by a quotation mark that it never closes goes on with the speaker's quote
    sts = run(pipe, text, lang)
    assert any(second in s.content for s in sts), [s.content for s in sts]
    assert all(s.speaker in ("Игорь Веснин", "Tomasz Wierzbicki") for s in sts)


@pytest.mark.parametrize("lang,text", [
    ("pl", "Wojewoda Tomasz Wierzbicki odwiedził granicę.\n\n– Jeżeli sytuacja się pogorszy, będziemy wzywać "
           "wojsko. Nie zawahamy się – zapowiedział."),
    ("ru", "Губернатор Игорь Веснин посетил границу.\n\n— Если ситуация ухудшится, мы вызовем войска. "
           "Мы не будем колебаться, — заявил он."),
])
def test_dash_led_speech_over_sentences_is_direct(pipe: Pipeline, lang: str, text: str) -> None:
    sts = run(pipe, text, lang)
    assert len(sts) == 1 and sts[0].kind == "direct", [(s.kind, s.content) for s in sts]
    assert sts[0].content.startswith(("Jeżeli", "Если")) and sts[0].confidence >= 0.35


@pytest.mark.parametrize("lang,text,content", [
    ("ru", "Бывший генерал Игорь Веснин отметил — правые партии получили серьезную поддержку в Европе.",
     "правые партии получили"),
    ("pl", "Minister Tomasz Wierzbicki podkreślił – granica pozostanie zamknięta aż do wiosny.",
     "granica pozostanie zamknięta"),
])
def test_dash_after_the_cue_opens_the_content(pipe: Pipeline, lang: str, text: str, content: str) -> None:
    sts = run(pipe, text, lang)
    assert len(sts) == 1 and sts[0].content.startswith(content), [s.content for s in sts]


def test_source_with_a_short_quoted_name(pipe: Pipeline) -> None:
    sts = run(pipe, "По словам бойца с позывным «Гром», ни одна из ракет не достигла цели.", "ru")
    assert len(sts) == 1 and sts[0].content.startswith("ни одна из ракет")
    assert sts[0].speaker_mention and "позывным" in sts[0].speaker_mention


@pytest.mark.parametrize("lang,text,speaker,content", [
    # narration after a bare comma is not the speech opened by a dash
    ("pl", "– Nie pozwolimy na prowokacje – powiedział Tomasz Wierzbicki, odnosząc się do słów Igora Wesnina.",
     "Tomasz Wierzbicki", "Nie pozwolimy na prowokacje"),
    ("ru", "— Мы не допустим провокаций, — заявил Игорь Веснин, комментируя слова Томаша Вежбицкого.",
     "Игорь Веснин", "Мы не допустим провокаций"),
    # a lower-case particle inside a name, after a title and a body's acronym
    ("pl", "– Nie pozwolimy na prowokacje – mówiła w Brukseli szefowa KE Greta von der Berg.",
     "Greta von der Berg", "Nie pozwolimy na prowokacje"),
    # an agency the speaker talked to stands between the cue and the speaker
    ("ru", "— Мы не допустим провокаций, — сказал в интервью РИА Новости замглавы МИД Игорь Веснин.",
     "Игорь Веснин", "Мы не допустим провокаций"),
])
def test_speaker_after_a_quote(pipe: Pipeline, lang: str, text: str, speaker: str, content: str) -> None:
    sts = run(pipe, text, lang)
    assert len(sts) == 1, [s.content for s in sts]
    assert sts[0].speaker == speaker and sts[0].content == content, (sts[0].speaker, sts[0].content)


def test_polish_leader_named_by_the_state_adjective(pipe: Pipeline) -> None:
    text = ("Władimir Putin rozmawiał z Aleksandrem Łukaszenką.\n\n"
            "– Sytuacja jest pod kontrolą – powiedział białoruski przywódca.")
    sts = run(pipe, text, "pl")
    assert [s.speaker for s in sts] == ["Alexander Lukashenko"]


@pytest.mark.parametrize("lang,text,content,speaker", [
    ("ru", "Ситуация, как отметил Игорь Веснин, остается напряженной.", "Ситуация остается напряженной", "Игорь Веснин"),
    ("ru", "Граница с Литвой, как отметил Игорь Веснин, будет закрыта до весны.",
     "Граница с Литвой будет закрыта до весны", "Игорь Веснин"),
    ("pl", "Sytuacja na granicy, według Tomasza Wierzbickiego, pozostaje bardzo napięta.",
     "Sytuacja na granicy pozostaje bardzo napięta", "Tomasz Wierzbicki"),
])
def test_according_to_phrase_inside_the_claim(pipe: Pipeline, lang: str, text: str, content: str,
                                              speaker: str) -> None:
    # the phrase interrupts the claim: its words on both sides are what was said
    sts = run(pipe, text, lang)
    assert [(s.content, s.speaker) for s in sts] == [(content, speaker)]


def test_narration_after_an_according_to_phrase_is_no_content(pipe: Pipeline) -> None:
    sts = run(pipe, "Граница будет закрыта, как отметил Игорь Веснин, выступая в парламенте.", "ru")
    assert [s.content for s in sts] == ["Граница будет закрыта"]
