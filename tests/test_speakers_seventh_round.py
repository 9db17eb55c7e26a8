"""Speakers on unseen news, seventh round (invented sentences): a name before an apposition ("X, a
spokesman for the Estonian ministry, said") and a name in apposition after a title ("said the interior
minister, X") speak, not the state or body of the title; another country's adjective before a body's
alias ("the Latvian State Border Guard") is not the body of that alias; a person noun ("the deputy
minister") never refers back to a body; a title names the one person the document names who held it;
a title in capitals ("the Minister of National Defence") is no name; a communiqué's words before anyone
spoke are its issuer's; a body noun with another country ("Ministerstwo Spraw Zagranicznych Białorusi")
is that country's body."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.actors.registry import get_registry
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def said(pipe: Pipeline, text: str, lang: str, on: date) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.content) for s in pipe(Doc(Document(text=text, language=lang, published=on))).statements]


def speaker_of(pipe: Pipeline, text: str, lang: str, words: str, on: date = date(2023, 5, 10)) -> str | None:
    found = [s for s, c in said(pipe, text, lang, on) if words in c]
    assert found, said(pipe, text, lang, on)
    return found[0]


@pytest.mark.parametrize("text", [
    "Jan Kowal, a spokesman for the Estonian Interior Ministry, said the queues had grown.",
    "Jan Kowal, the head of the border guard office of the eastern district, said the queues had grown.",
    "Marek Tamm, head of the Latvian State Border Guard, told journalists on Monday that the queues had grown.",
])
def test_a_name_before_its_apposition_speaks(pipe: Pipeline, text: str) -> None:
    assert speaker_of(pipe, text, "en", "queues") in ("Jan Kowal", "Marek Tamm")


def test_a_list_of_names_is_no_apposition(pipe: Pipeline) -> None:
    assert speaker_of(pipe, "Lavrov, Shoigu and Gerasimov said the drills were defensive.", "en",
                      "drills") == "Sergei Lavrov"


@pytest.mark.parametrize("text,lang", [
    ("“This decision is a preventive measure,” said the interior minister, Jan Kowal.", "en"),
    ("“This decision is a preventive measure,” said the head of the Interior, Jan Kowal.", "en"),
    ("– To jest środek zapobiegawczy wobec zagrożeń – powiedział rzecznik resortu, Jan Kowal.", "pl"),
])
def test_a_name_in_apposition_after_a_title_speaks(pipe: Pipeline, text: str, lang: str) -> None:
    assert speaker_of(pipe, text, lang, "zapobiegawczy" if lang == "pl" else "preventive") == "Jan Kowal"


def test_another_countrys_adjective_is_not_the_polish_border_guard() -> None:
    reg = get_registry()
    for text in ("the Latvian State Border Guard had seen queues", "the Russian border guard's slow work"):
        assert "polish-border-guard" not in {m.actor_id for m in reg.find_mentions(text, "en")}
    assert "polish-border-guard" in {m.actor_id for m in reg.find_mentions("the Border Guard said", "en")}


def test_a_body_noun_with_another_country_is_that_countrys_body() -> None:
    found = get_registry().find_mentions("Ministerstwo Spraw Zagranicznych Białorusi potwierdziło", "pl")
    assert [m.actor_id for m in found] == ["belarus-mfa"]


@pytest.mark.parametrize("text,lang", [
    ("Jan Nowak, wiceminister spraw zagranicznych, powiedział, że granica jest bezpieczna. Migracja "
     "nieregularna to migracja nielegalna - wyjaśnia Urząd Do Spraw Cudzoziemców. Wiceszef MSZ stwierdził, "
     "że pomoc humanitarna jest gotowa.", "pl"),
    ("Jan Nowak, a deputy foreign minister, said the border was safe. The State Border Service said numbers "
     "fell. The deputy minister said humanitarian aid was ready.", "en"),
])
def test_a_person_noun_never_refers_back_to_a_body(pipe: Pipeline, text: str, lang: str) -> None:
    assert speaker_of(pipe, text, lang, "humanitar") == "Jan Nowak"


def test_a_title_names_the_one_holder_the_document_names(pipe: Pipeline) -> None:
    text = ('"Mamy świadomość trudnej sytuacji migrantów" - powiedział wiceszef MSZ na konferencji. '
            '"Ciężarówki są gotowe do wyjazdu" - zaznaczył Przydacz.')
    assert speaker_of(pipe, text, "pl", "świadomość", on=date(2021, 11, 16)) == "Marcin Przydacz"


def test_a_title_in_capitals_is_no_name(pipe: Pipeline) -> None:
    text = ("Around 1,000 migrants may be on the border, says the Minister of National Defence, lrytas.lt writes. "
            '"We are ready for any group," Arvydas Anušauskas told LRT on Wednesday.')
    assert speaker_of(pipe, text, "en", "1,000 migrants", on=date(2021, 11, 10)) == "Arvydas Anušauskas"


def test_a_communique_before_anyone_spoke_is_its_issuers(pipe: Pipeline) -> None:
    text = ('Ministerstwo Spraw Zagranicznych Białorusi potwierdziło otrzymanie noty od polskiego resortu. '
            '"Po raz kolejny apelujemy do strony polskiej, by nie podsycała napięcia" - podano w komunikacie.')
    assert speaker_of(pipe, text, "pl", "apelujemy", on=date(2023, 8, 4)) == "Ministry of Foreign Affairs of Belarus"


def test_information_is_no_speaker_in_according_to(pipe: Pipeline) -> None:
    text = "Zaznaczył, że według informacji resortu, na terytorium Białorusi znajduje się kilka tysięcy migrantów."
    assert "informacji resortu" not in {s for s, _ in said(pipe, text, "pl", date(2021, 11, 16))}


def test_american_spelling_names_the_same_body() -> None:
    found = get_registry().find_mentions("The Ministry of National Defense of Poland confirmed it.", "en")
    assert [m.actor_id for m in found] == ["polish-mod"]


def test_an_agency_with_news_after_its_name_relays(pipe: Pipeline) -> None:
    text = "Attempts to cross the border continue and become more aggressive, AP News reports."
    assert said(pipe, text, "en", date(2021, 11, 20)) == []


def test_the_authorities_of_a_state_deciding_is_the_authors_reading(pipe: Pipeline) -> None:
    text = "Earlier, the Polish authorities decided to expand the fence on the border and change the law on migration."
    assert said(pipe, text, "en", date(2021, 11, 20)) == []
    assert said(pipe, "The Polish authorities said they would expand the fence.", "en", date(2021, 11, 20))


def test_a_state_in_the_anaphor_names_whose_official(pipe: Pipeline) -> None:
    text = ("On November 10, European Commission President Ursula von der Leyen and US President Joe Biden had a "
            "meeting in the White House; the top EU official called it very productive on Twitter.")
    assert speaker_of(pipe, text, "en", "very productive", on=date(2021, 11, 11)) == "Ursula von der Leyen"


@pytest.mark.parametrize("text", [
    "“We are preparing a new package of sanctions against the regime,” said the head of EU diplomacy.",
    "Speaking to the press, the head of EU diplomacy stressed that “the path to Europe does not lead through Minsk”.",
])
def test_the_head_of_eu_diplomacy_is_the_high_representative(pipe: Pipeline, text: str) -> None:
    assert said(pipe, text, "en", date(2021, 11, 15))[0][0] == "Josep Borrell"


@pytest.mark.parametrize("text,lang,words", [
    ("Президент Болгарии Иван Петрович провел телефонный разговор с генсеком НАТО. «Генсек НАТО выразил полную "
     "солидарность Альянса с нашей страной», — добавил президент Болгарии.", "ru", "солидарность"),
    ("Ruritanian Defence Minister Ivan Petrovic visited the site on Tuesday. Parts of a drone were found in the "
     "area, the defence minister said.", "en", "Parts of a drone"),
])
def test_a_title_is_the_person_the_text_named_with_it(pipe: Pipeline, text: str, lang: str, words: str) -> None:
    assert speaker_of(pipe, text, lang, words, on=date(2023, 10, 12)) in ("Иван Петрович", "Ivan Petrovic")


def test_a_platform_after_the_speaker_says_where(pipe: Pipeline) -> None:
    text = ("Президент Болгарии Иван Петрович провел телефонный разговор с генсеком НАТО, которому рассказал о новых "
            "обломках дрона, говорится в сообщении президента Болгарии в Twitter.")
    assert speaker_of(pipe, text, "ru", "обломках", on=date(2023, 10, 12)) == "Иван Петрович"


def test_the_subject_of_a_passive_quoted_as_saying_speaks(pipe: Pipeline) -> None:
    text = ("NATO condemned the use of migrants. The Western military alliance was quoted as saying that it stands "
            "in solidarity with Poland.")
    assert speaker_of(pipe, text, "en", "solidarity", on=date(2021, 11, 9)) == "NATO"
    active = "The website of the broadcaster quoted Bilotaite as saying that the Baltic countries are talking."
    assert speaker_of(pipe, active, "en", "Baltic countries", on=date(2023, 8, 16)) == "Agnė Bilotaitė"
