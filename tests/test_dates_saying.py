"""The day a statement was made, on invented en/ru/pl sentences (issue 11): "the day before",
days without a year, dates that belong to something else in the sentence, and dates of an
earlier sentence about another occasion."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.extract.dates import find_dates
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

PUB = date(2021, 11, 10)  # a Wednesday


def dated(pipe: Pipeline, text: str, lang: str, key: str, published: date = PUB) -> date | None:
    doc = pipe(Doc(Document(text, language=lang, published=published)))
    found = [st for st in doc.statements if key in st.content]
    assert found, [st.content for st in doc.statements]
    return found[0].date


@pytest.mark.parametrize(
    "text,lang,key",
    [
        ("On 8 November, Foreign Minister Tom Grey met the envoy. The day before, he said that the border would stay shut.",
         "en", "border"),
        ("On 8 November, Foreign Minister Tom Grey met the envoy. A day earlier, he said that the border would stay shut.",
         "en", "border"),
        ("8 ноября министр Иван Петров встретился с послом. Днём ранее он заявил, что граница останется закрытой.",
         "ru", "граница"),
        ("8 listopada minister Jan Nowak spotkał się z ambasadorem. Dzień wcześniej powiedział, że granica pozostanie zamknięta.",
         "pl", "granica"),
        ("8 listopada minister Jan Nowak spotkał się z ambasadorem. Poprzedniego dnia powiedział, że granica pozostanie zamknięta.",
         "pl", "granica"),
    ],
)
def test_the_day_before_a_given_date(pipe: Pipeline, text: str, lang: str, key: str) -> None:
    assert dated(pipe, text, lang, key) == date(2021, 11, 7)


def test_nakanune_without_an_earlier_date_is_the_eve_of_publication() -> None:
    got = find_dates("Накануне министр заявил, что граница закрыта.", "ru", PUB)
    assert got and got[0].value == date(2021, 11, 9)


@pytest.mark.parametrize(
    "text,lang,published,want",
    [
        ("On 16 November, Foreign Minister Tom Grey said the border would stay shut.", "en", PUB, date(2020, 11, 16)),
        ("16 listopada minister Jan Nowak powiedział, że granica pozostanie zamknięta.", "pl", PUB, date(2020, 11, 16)),
        ("On January 3, Foreign Minister Tom Grey said the border would stay shut.", "en", date(2021, 12, 28),
         date(2021, 1, 3)),
        ("On Dec. 20, Foreign Minister Tom Grey said the border would stay shut.", "en", date(2021, 12, 28),
         date(2021, 12, 20)),
    ],
)
def test_a_day_without_a_year_dates_a_saying_on_or_before_publication(
    pipe: Pipeline, text: str, lang: str, published: date, want: date
) -> None:
    assert dated(pipe, text, lang, "border" if lang == "en" else "granica", published) == want


@pytest.mark.parametrize(
    "text,lang,key",
    [
        ("Speaking about the attack on 3 November, Foreign Minister Tom Grey said it was a provocation.", "en",
         "provocation"),
        ("After the 3 November attack, Foreign Minister Tom Grey said the border would stay shut.", "en", "border"),
        ("Foreign Minister Tom Grey, who has led the ministry since 1 March, said the border would stay shut.", "en",
         "border"),
        ("Говоря о нападении 3 ноября, министр Иван Петров заявил, что это провокация.", "ru", "провокация"),
        ("Министр Иван Петров, который возглавляет ведомство с 1 марта, заявил, что граница останется закрытой.", "ru",
         "граница"),
        ("Odnosząc się do ataku z 3 listopada, minister Jan Nowak powiedział, że to prowokacja.", "pl", "prowokacja"),
        ("Minister Jan Nowak, który kieruje resortem od 1 marca, powiedział, że granica pozostanie zamknięta.", "pl",
         "granica"),
    ],
)
def test_a_date_of_something_else_in_the_sentence_is_not_the_saying_day(
    pipe: Pipeline, text: str, lang: str, key: str
) -> None:
    assert dated(pipe, text, lang, key) == PUB


@pytest.mark.parametrize(
    "text,lang,want",
    [
        ("Foreign Minister Tom Grey said in an interview on Friday that the border would stay shut.", "en",
         date(2021, 11, 5)),
        ("Speaking at a briefing on Monday, Foreign Minister Tom Grey said the border would stay shut.", "en",
         date(2021, 11, 8)),
        ("Министр Иван Петров в интервью в пятницу заявил, что граница останется закрытой.", "ru", date(2021, 11, 5)),
        ("W oświadczeniu z 8 listopada minister Jan Nowak napisał, że granica pozostanie zamknięta.", "pl",
         date(2021, 11, 8)),
        ("Minister Jan Nowak powiedział w piątkowym wywiadzie, że granica pozostanie zamknięta.", "pl", date(2021, 11, 5)),
        ("A March 14 article by Tom Grey shows that the border stays shut.", "en", date(2021, 3, 14)),
        ("Foreign Minister Tom Grey said on Monday night that the border would stay shut.", "en", date(2021, 11, 8)),
    ],
)
def test_the_occasion_of_the_saying_still_dates_it(pipe: Pipeline, text: str, lang: str, want: date) -> None:
    key = {"en": "border", "ru": "граница", "pl": "granica"}[lang]
    assert dated(pipe, text, lang, key) == want


@pytest.mark.parametrize(
    "text,lang,key",
    [
        ("On 3 November, militants fired at a border post. Foreign Minister Tom Grey said it was a provocation.", "en",
         "provocation"),
        ("3 ноября боевики напали на пограничный пост. Министр Иван Петров заявил, что это провокация.", "ru",
         "провокация"),
        ("3 listopada bojownicy zaatakowali posterunek. Minister Jan Nowak powiedział, że to prowokacja.", "pl",
         "prowokacja"),
        ("Od 1 marca minister Jan Nowak kieruje resortem. Powiedział, że granica pozostanie zamknięta.", "pl", "granica"),
    ],
)
def test_an_earlier_sentence_about_another_occasion_does_not_date_the_statement(
    pipe: Pipeline, text: str, lang: str, key: str
) -> None:
    assert dated(pipe, text, lang, key) == PUB


@pytest.mark.parametrize(
    "text,lang,key",
    [
        ("Foreign Minister Tom Grey said on Monday that the border would stay shut. He added that troops would stay.",
         "en", "troops"),
        ("Министр Иван Петров 8 ноября заявил, что граница останется закрытой. Он добавил, что войска останутся.",
         "ru", "войска"),
        ("Minister Jan Nowak powiedział 8 listopada, że granica pozostanie zamknięta. Dodał, że wojsko zostanie.",
         "pl", "wojsko"),
    ],
)
def test_a_statement_continuing_the_occasion_keeps_its_day(pipe: Pipeline, text: str, lang: str, key: str) -> None:
    assert dated(pipe, text, lang, key) == date(2021, 11, 8)


@pytest.mark.parametrize("text,lang,key", [
    # paragraphs one per line, no blank line: the first line's Friday is another speaker's occasion
    ("Prime Minister Tom Grey said on Friday that the crossings would close.\n"
     "Interior Minister Anna Blue said the guards were ready for any scenario.\n"
     "Foreign Minister Carl White said the decision was temporary.", "en", "temporary"),
    ("Премьер-министр Иван Петров в пятницу заявил, что переходы закроют.\n"
     "Министр иностранных дел Олег Смирнов заявил, что решение временное.", "ru", "временное"),
    ("Premier Jan Nowak powiedział w piątek, że przejścia zostaną zamknięte.\n"
     "Szef MSZ Adam Kowal powiedział, że decyzja jest tymczasowa.", "pl", "tymczasowa"),
])
def test_a_line_of_a_text_without_blank_lines_is_its_own_paragraph(
        pipe: Pipeline, text: str, lang: str, key: str) -> None:
    assert dated(pipe, text, lang, key) == PUB


@pytest.mark.parametrize("text,lang,key", [
    ('"Yesterday we saw a large attack on the whole country. The missiles fell near our border. '
     'We do not know who fired the one that hit the village," President Tom Grey told reporters.', "en", "village"),
    ("«Вчера мы видели массированную атаку на всю страну. Ракеты упали у нашей границы. "
     "Мы не знаем, кто выпустил ту, что попала в деревню», — сказал президент Иван Петров.", "ru", "деревню"),
])
def test_a_date_inside_a_quotation_dates_none_of_the_claims_split_from_it(
        pipe: Pipeline, text: str, lang: str, key: str) -> None:
    assert dated(pipe, text, lang, key) == PUB


# --------------------------------------------------------------------------- a date another statement reports


@pytest.mark.parametrize(
    "text,lang,key",
    [
        # the day inside the first speaker's reported clause is what he reports, not when the quote after
        # it was said (the sentence names the speaker only by title, so the paragraph's date used to win)
        ("Szef MSWiA mówił w Sejmie o granicy.\n\nSzef MSWiA podkreślił, że w poniedziałek 300 osób próbowało "
         "przejść granicę. - Te próby były bezskuteczne i takie pozostaną - zapewnił.", "pl", "Te próby"),
        # guards, right before too
        ("Министр подчеркнул, что в понедельник 300 человек пытались пересечь границу. "
         "«Эти попытки были безуспешными и такими останутся», — заверил он.", "ru", "Эти попытки"),
        ("The minister stressed that on Monday 300 people had tried to cross the border. "
         "\"These attempts failed and they will keep failing,\" he assured.", "en", "These attempts"),
        # a follow-on participle's clause in the same sentence ("dodając, że w niedzielę…") is its own content
        ("- Obserwujemy tę sytuację od kilku dni i nie damy się zaskoczyć - wyjaśnił minister Jan Nowak, "
         "dodając, że w niedzielę zebrało się tam 500 osób.", "pl", "Obserwujemy"),
    ],
)
def test_a_date_inside_another_statements_content_dates_no_saying(pipe: Pipeline, text: str, lang: str,
                                                                  key: str) -> None:
    assert dated(pipe, text, lang, key) == PUB


def test_a_cue_inside_a_dash_speech_is_the_speakers_words(pipe: Pipeline) -> None:
    """"– A. Od wtorku, 2 listopada, funkcjonariusze wskazywali B – wyjaśnił X": one speech by X; the
    officers' "wskazywali" inside it reports nothing, and its date is what X reports."""
    text = ("- Obserwujemy tę sytuację od kilku dni. Od wtorku, 2 listopada, funkcjonariusze białoruscy "
            "wskazywali migrantom drogę do lasu - wyjaśnił minister Jan Nowak.")
    doc = pipe(Doc(Document(text, language="pl", published=PUB)))
    assert [st.speaker for st in doc.statements] and {st.speaker for st in doc.statements} == {"Jan Nowak"}
    assert all(st.date == PUB for st in doc.statements)
    assert doc.statements[0].content.startswith("Obserwujemy")


@pytest.mark.parametrize("text,lang,key", [
    # another speaker quoted between: the first speaker's later words keep the day of the occasion
    ("Foreign Minister Tom Grey said on Monday that the border would stay shut.\n\n"
     "Interior Minister Anna Blue said the guards were ready.\n\n"
     "Tom Grey added that the troops would stay.", "en", "troops"),
    ("Министр иностранных дел Иван Петров 8 ноября заявил, что граница останется закрытой.\n\n"
     "Министр внутренних дел Олег Смирнов сказал, что пограничники готовы.\n\n"
     "Иван Петров также сказал, что войска останутся.", "ru", "войска"),
    ("Szef MSZ Jan Wiśniewski powiedział 8 listopada, że granica pozostanie zamknięta.\n\n"
     "Szef MSWiA Adam Kowal powiedział, że strażnicy są gotowi.\n\n"
     "Jan Wiśniewski dodał, że wojsko zostanie.", "pl", "wojsko"),
])
def test_a_speakers_later_words_keep_the_occasions_day_across_another_speaker(
        pipe: Pipeline, text: str, lang: str, key: str) -> None:
    assert dated(pipe, text, lang, key) == date(2021, 11, 8)


@pytest.mark.parametrize("text,lang,key", [
    # "the statement said" refers back to the statement dated before, another sentence between
    ('The alliance said in a statement on Monday that it was watching the border.\n\n'
     'Crowds gathered at the crossing in the evening, the agency reported.\n\n'
     '"We urge the neighbour to respect the law," the statement said.', "en", "respect the law"),
    ("MSZ w poniedziałek wydało oświadczenie w sprawie granicy.\n\n"
     "Straż Graniczna poinformowała o kolejnych grupach migrantów.\n\n"
     "„Wzywamy sąsiadów do przestrzegania prawa” – czytamy w tym oświadczeniu.", "pl", "przestrzegania prawa"),
])
def test_the_occasion_named_before_dates_a_saying_that_refers_back_to_it(
        pipe: Pipeline, text: str, lang: str, key: str) -> None:
    assert dated(pipe, text, lang, key) == date(2021, 11, 8)


def test_a_statement_naming_an_occasion_without_referring_back_takes_the_publication_day(pipe: Pipeline) -> None:
    text = ("The alliance said in a statement on Monday that it was watching the border.\n\n"
            "Foreign Minister Tom Grey said in a statement that the crossings would stay shut.")
    assert dated(pipe, text, "en", "crossings") == PUB


@pytest.mark.parametrize("text,lang,key", [
    # the speaker is back in a later section, after other news of later days: another occasion
    ("Foreign Minister Tom Grey said on Monday that the border would stay shut.\n\n"
     "Later in the week, guards found a group of migrants in the forest.\n\n"
     "Interior Minister Anna Blue said the guards were ready.\n\n"
     "Police spokesman Mark White said two people were detained.\n\n"
     "Anna Blue added that the patrols would double.\n\n"
     "Tom Grey said that the troops would stay.", "en", "troops"),
    ("Министр иностранных дел Иван Петров 8 ноября заявил, что граница останется закрытой.\n\n"
     "Позже на неделе пограничники нашли группу мигрантов в лесу.\n\n"
     "Министр внутренних дел Олег Смирнов сказал, что пограничники готовы.\n\n"
     "Представитель полиции Павел Белов сказал, что задержаны двое.\n\n"
     "Олег Смирнов добавил, что патрулей станет вдвое больше.\n\n"
     "Иван Петров сказал, что войска останутся.", "ru", "войска"),
])
def test_a_speaker_back_in_a_later_section_does_not_keep_the_old_day(
        pipe: Pipeline, text: str, lang: str, key: str) -> None:
    assert dated(pipe, text, lang, key) != date(2021, 11, 8)
