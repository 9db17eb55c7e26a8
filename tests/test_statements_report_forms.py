"""Forms of reported speech met in fresh news that the finders missed or misread: an institution's
neuter verb, mixed quotation marks, an author's bracketed gloss after the cue, a cue inside a
relative clause, the speaker's own "we said", background the outlet itself reported. Invented sentences."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document, Statement
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def run(pipe: Pipeline, text: str, lang: str) -> list[Statement]:
    return pipe(Doc(Document(text=text, language=lang, published=date(2022, 6, 20)))).statements


@pytest.mark.parametrize("text,content", [
    ("Ministerstwo Zdrowia oświadczyło, że szpitale w Suwałkach są gotowe na przyjęcie rannych.",
     "szpitale w Suwałkach są gotowe"),
    ("Po południu MSWiA podkreśliło, że patrole na granicy zostaną podwojone.", "patrole na granicy"),
    ("Wojewódzkie centrum zarządzania kryzysowego zaapelowało, by mieszkańcy nie zbliżali się do rzeki.",
     "mieszkańcy nie zbliżali się"),
])
def test_polish_neuter_institution_cue(pipe: Pipeline, text: str, content: str) -> None:
    # ministries and agencies are neuter nouns: "oświadczyło", any finite form of a speech verb
    sts = run(pipe, text, "pl")
    assert len(sts) == 1 and content in sts[0].content, [s.content for s in sts]


def test_polish_speakers_own_we_said_is_no_new_cue(pipe: Pipeline) -> None:
    # "powiedzieliśmy" (first person) inside the quotation is the speaker's word, not a new report
    text = ("– Od miesięcy apelowaliśmy do Komisji, że trzeba działać. W końcu powiedzieliśmy, że tak dalej "
            "być nie może – mówił wojewoda Tomasz Wierzbicki.")
    sts = run(pipe, text, "pl")
    assert sts and all(s.speaker == "Tomasz Wierzbicki" for s in sts), [(s.speaker, s.cue) for s in sts]
    assert not any(s.cue in ("apelowaliśmy", "powiedzieliśmy") for s in sts)


@pytest.mark.parametrize("text,speaker", [
    ("Wojewoda Tomasz Wierzbicki odwiedził przejście. W jego ocenie kolejki ciężarówek skrócą się do piątku.", None),
    ("W ocenie wojewody Tomasza Wierzbickiego kolejki ciężarówek skrócą się do piątku.", "Tomasz Wierzbicki"),
])
def test_polish_in_his_assessment(pipe: Pipeline, text: str, speaker: str | None) -> None:
    sts = run(pipe, text, "pl")
    assert [s.content for s in sts] == ["kolejki ciężarówek skrócą się do piątku"]
    if speaker:
        assert sts[0].speaker == speaker


def test_russian_reported_about_a_fact(pipe: Pipeline) -> None:
    sts = run(pipe, "Таможенная служба Эстонии сообщила о задержании двух грузовиков с контрабандой.", "ru")
    assert len(sts) == 1 and sts[0].content.startswith("задержании двух грузовиков"), [s.content for s in sts]


def test_russian_from_the_words_of(pipe: Pipeline) -> None:
    sts = run(pipe, "Со слов губернатора Игоря Веснина, паромы в порт больше не заходят.", "ru")
    assert [(s.content, s.speaker) for s in sts] == [("паромы в порт больше не заходят", "Игорь Веснин")]


def test_russian_earlier_reported_is_the_outlets_background(pipe: Pipeline) -> None:
    # "Ранее сообщалось": the outlet's own earlier news, not the minister named a sentence before
    text = ("Границу закроют в пятницу. Об этом заявил министр Игорь Веснин. "
            "Ранее сообщалось, что очередь грузовиков достигла пяти километров.")
    sts = run(pipe, text, "ru")
    assert not any("очередь грузовиков" in s.content for s in sts), [(s.speaker, s.content) for s in sts]


@pytest.mark.parametrize("text,content", [
    ('"We are worried about the queues at the crossing,” the ministry said in a statement.',
     "We are worried about the queues at the crossing"),
    ('“We ask drivers to choose another route," the ministry said in a statement.',
     "We ask drivers to choose another route"),
])
def test_mixed_quotation_marks(pipe: Pipeline, text: str, content: str) -> None:
    # a straight mark closed by a typographic one, or the other way round, is still one quotation
    sts = run(pipe, text, "en")
    assert [(s.content, s.kind) for s in sts] == [(content, "direct")]


def test_bracketed_gloss_after_the_cue(pipe: Pipeline) -> None:
    # the author's bracketed expansion of a name does not make the narration after the cue too long
    text = ("Oni wszyscy chcieli jechać dalej na zachód – oświadczył Tomasz Wierzbicki podczas szczytu "
            "liderów WNP (Wspólnoty Niepodległych Państw, organizacji powstałej w 1991 roku) w Mińsku.")
    sts = run(pipe, text, "pl")
    assert [(s.content, s.speaker) for s in sts] == [("Oni wszyscy chcieli jechać dalej na zachód",
                                                      "Tomasz Wierzbicki")]


def test_cue_inside_a_relative_clause_reports_nothing_before_it(pipe: Pipeline) -> None:
    # "dokąd ich wezwała X": a relative clause on "Niemiec", not a report of the words before
    sts = run(pipe, "To ludzie, którzy jechali do Niemiec, dokąd ich wezwała Anna Nowak.", "pl")
    assert sts == [], [(s.cue, s.content) for s in sts]


@pytest.mark.parametrize("lang,text,content", [
    ("pl", "Rzecznik rządu Tomasz Wierzbicki nazywa decyzję Wilna otwarcie wrogą i prowokacyjną.",
     "decyzję Wilna otwarcie wrogą"),
    ("pl", "Minister Tomasz Wierzbicki wzywa Komisję Europejską do przedłużenia embarga.",
     "Komisję Europejską do przedłużenia embarga"),
    ("ru", "Губернатор Игорь Веснин называет решение Литвы открыто враждебным и провокационным.",
     "решение Литвы открыто враждебным"),
])
def test_present_tense_object_cues(pipe: Pipeline, lang: str, text: str, content: str) -> None:
    # "nazywa X Y", "wzywa X do Y", "называет X Y": the present tense reports as the past does
    sts = run(pipe, text, lang)
    assert len(sts) == 1 and sts[0].content.startswith(content), [s.content for s in sts]


def test_content_stops_before_a_second_cue_clause(pipe: Pipeline) -> None:
    # an attitude verb inside the first content ("had declared") has no clause break before it; the
    # content stops at ", and he accused", the second speech act's own clause
    text = "Minister John Smith said that the council had declared a curfew, and he accused the mayor of lying."
    sts = run(pipe, text, "en")
    assert [(s.cue, s.content) for s in sts] == [("said", "that the council had declared a curfew"),
                                                ("accused", "the mayor of lying")]


def test_elision_in_a_quotation_parts_two_claims(pipe: Pipeline) -> None:
    # "(...)": the author cut words out; the short piece before it is a claim of its own
    text = ("«Это не мир, это ультиматум. (...) Ответ один - если Минск продолжит, Литва закроет все "
            "пункты пропуска», - сказал министр Игорь Веснин.")
    sts = run(pipe, text, "ru")
    assert [s.content for s in sts] == ["Это не мир, это ультиматум",
                                        "Ответ один - если Минск продолжит, Литва закроет все пункты пропуска"]
