"""Component `mentions` (registry + NER) and hostile input for the who/when/events stages."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.actors.registry import get_registry
from linewatch.extract.dates import find_dates
from linewatch.extract.events import find_triggers
from linewatch.extract.mentions import doc_mentions, ner_mentions
from linewatch.model import Document
from linewatch.nlp.doc import Doc, Token
from linewatch.nlp.pipeline import Pipeline


def test_mentions_merge_registry_and_ner() -> None:
    text = "Lavrov met Ivan Petrenko in Minsk."
    doc = Doc(Document(text, language="en", published=date(2021, 11, 10)))
    spans = [(0, 6, "PER"), (7, 10, ""), (11, 15, "PER"), (16, 24, "PER"), (25, 27, ""), (28, 33, "GPE")]
    doc.tokens = [Token(i, s, e, text[s:e], ent=ent) for i, (s, e, ent) in enumerate(spans)]
    ms = doc_mentions(doc, get_registry())
    got = [(m.text, m.actor_id, m.kind) for m in ms]
    assert ("Lavrov", "sergei-lavrov", "name") in got
    assert ("Minsk", "belarus", "state") in got
    assert ("Ivan Petrenko", None, "ner") in got  # unknown person kept by what the text says
    assert [m.start for m in ms] == sorted(m.start for m in ms)


def test_ner_iob_labels_split_entities() -> None:
    text = "Anna Kowalska Jan Nowak"
    doc = Doc(Document(text))
    doc.tokens = [
        Token(0, 0, 4, "Anna", ent="B-PER"), Token(1, 5, 13, "Kowalska", ent="I-PER"),
        Token(2, 14, 17, "Jan", ent="B-PER"), Token(3, 18, 23, "Nowak", ent="I-PER"),
    ]
    assert [m.text for m in ner_mentions(doc)] == ["Anna Kowalska", "Jan Nowak"]
    assert {m.label for m in ner_mentions(doc)} == {"PER"}


def test_pipeline_mentions_component_fills_doc() -> None:
    doc = Pipeline(names=("segment", "mentions"))(Doc(Document("Rzecznik Kremla Dmitrij Pieskow powiedział.", language="pl", published=date(2021, 11, 8))))
    ids = {m.actor_id for m in doc.mentions}
    assert "dmitry-peskov" in ids


def test_hostile_input_does_not_break_stages() -> None:
    reg = get_registry()
    weird = ["", " ", "\x00\x01\x02", "ą" * 50_000, "1 2 3 4 5 " * 5000, "Lavrov " * 20_000, "\u202e\u200b" * 1000]
    for text in weird:
        assert isinstance(reg.find_mentions(text, "en"), list)
        assert isinstance(find_dates(text, "en", date(2021, 11, 10)), list)
        assert isinstance(find_triggers(text, "ru"), list)
    assert reg.resolve("", "en") is None and reg.resolve("x" * 10_000, "en") is None
    doc = Pipeline(names=("segment", "mentions", "dates", "events"))(Doc(Document("met " * 3000, language="en")))
    assert isinstance(doc.events, list)


@pytest.mark.parametrize("text,lang,actor_id", [
    ("Ракеты упали, сообщили в Министерстве обороны России.", "ru", "russian-mod"),
    ("В МИД в Варшаве заявили о протесте.", "ru", "polish-mfa"),
    ("Tak twierdzi ministerstwo obrony w Moskwie.", "pl", "russian-mod"),
    ("Komunikat wydało MSZ w Wilnie.", "pl", "lithuanian-mfa"),
    ("The Defence Ministry in Moscow said so.", "en", "russian-mod"),
])
def test_body_named_with_its_country_or_capital_is_that_countrys_body(text: str, lang: str, actor_id: str) -> None:
    # a body noun with a place phrase is the body of the place's country, not the country or the city
    found = [m.actor_id for m in get_registry().find_mentions(text, lang, date(2021, 11, 10)) if m.kind == "body"]
    assert found == [actor_id]


def test_body_noun_of_a_country_with_several_such_bodies_stays_the_place() -> None:
    # "the ministry in Minsk": which ministry is not said; the place names the country, no body is guessed
    found = get_registry().find_mentions("The ministry in Minsk said so.", "en", date(2021, 11, 10))
    assert [(m.text, m.kind) for m in found] == [("Minsk", "state")]


@pytest.mark.parametrize("text,lang", [
    ("Вице-премьер России Юрий Трутнев посетил Донецк.", "ru"),  # a deputy, not the prime minister
    ("Экс-президент Украины выступил в Киеве.", "ru"),  # a former holder, not the one on the day
])
def test_title_at_the_tail_of_a_hyphenated_compound_names_no_holder(text: str, lang: str) -> None:
    found = get_registry().find_mentions(text, lang, date(2024, 7, 4))
    assert not [m for m in found if m.kind == "title" and m.actor_id]


@pytest.mark.parametrize("text,lang", [
    # the state before the title is where the trip went; the title's own country (untracked) follows it
    ("После визитов в Киев и Москву премьер-министр Греции отправился в Пекин.", "ru"),
    ("Po wizytach w Kijowie i Moskwie premier Grecji poleciał do Pekinu.", "pl"),
])
def test_state_noun_before_a_title_is_not_its_country_in_genitive_languages(text: str, lang: str) -> None:
    found = get_registry().find_mentions(text, lang, date(2024, 7, 10))
    assert not [m for m in found if m.kind == "title" and m.actor_id], [(m.text, m.actor_id) for m in found]


@pytest.mark.parametrize("text,lang,actor_id", [
    ("Премьер-министр России Михаил Мишустин прибыл в Пекин.", "ru", "mikhail-mishustin"),
    ("Российский премьер прибыл в Пекин.", "ru", "mikhail-mishustin"),
    # a tracked country's title after a state noun: that country's holder, not Moscow's
    ("После визитов в Киев и Москву премьер-министр Венгрии отправился в Пекин.", "ru", "viktor-orban"),
    ("Po wizytach w Kijowie i Moskwie premier Węgier poleciał do Pekinu.", "pl", "viktor-orban"),
])
def test_title_country_after_or_by_adjective_still_names_the_holder(text: str, lang: str, actor_id: str) -> None:
    found = get_registry().find_mentions(text, lang, date(2024, 7, 10))
    assert actor_id in [m.actor_id for m in found if m.kind == "title"]
