"""Verbal acts read off the content's form and words, on invented en/ru/pl sentences: an
ultimatum ("if X is not restored, we will…") is a threat; the speakers' own act named in the
content ("I have to blame…") wins over a modal; calling another's conduct unacceptable or a hybrid
tactic accuses, it rejects nothing; a condemnation is an accusation (the gold's ACCUSE); a claim
that someone acts on another's orders accuses."""
from __future__ import annotations

import pytest

from linewatch.extract.verbal_cues import own_act, ultimatum
from tests.test_verbal_acts_lemmas import act

SAID = {"en": "said", "ru": "заявил", "pl": "powiedział"}


def content_act(content: str, lang: str, cue: str | None = None) -> str | None:
    cue = cue or SAID[lang]
    return act(f"Minister {cue}, {content}.", cue, content, lang)


@pytest.mark.parametrize("content,lang", [
    ("that if the crossing is not reopened soon, the government will take steps to protect its citizens", "en"),
    ("that as long as the neighbour refuses to talk, we would only raise the pressure", "en"),
    ("that unless the convoys stop, the ministry reserves the right to act", "en"),
    ("что если соседи не откроют переход, правительство примет ответные решения", "ru"),
    ("że jeśli sąsiad nie otworzy przejścia, rząd podejmie kroki", "pl"),
])
def test_an_ultimatum_is_a_threat(content: str, lang: str) -> None:
    assert content_act(content, lang) == "THREATEN"


@pytest.mark.parametrize("content,lang", [
    ("that if the talks succeed, trade will grow", "en"),
    ("that if it does not rain", "en"),
    ("że jeśli rozmowy się udadzą, handel wzrośnie", "pl"),
    ("что если это не так, то", "ru"),
])
def test_a_condition_without_a_breach_and_its_consequence_is_no_threat(content: str, lang: str) -> None:
    assert content_act(content, lang) != "THREATEN"


@pytest.mark.parametrize("content,lang,want", [
    ("I have to blame the neighbours for this decision", "en", "ACCUSE"),
    ("we must reject these claims", "en", "REJECT"),
    ("мы должны поддержать соседей", "ru", "SUPPORT"),
    ("my musimy poprzeć sąsiadów", "pl", "SUPPORT"),
])
def test_the_speakers_own_act_wins_over_a_modal(content: str, lang: str, want: str) -> None:
    assert content_act(content, lang) == want


def test_a_negated_own_act_is_not_that_act() -> None:
    assert content_act("we will not support this plan", "en") != "SUPPORT"


@pytest.mark.parametrize("content,lang", [
    ('that "the neighbour using refugees as a hybrid tactic is unacceptable"', "en"),
    ("that the convoys were directed by the neighbour's security services", "en"),
    ("что переходы открыли по указке спецслужб соседей", "ru"),
    ("że przejścia otwarto pod nadzorem służb sąsiada", "pl"),
    ("że sąsiad używa zboża jako elementu wojny", "pl"),
    ("что это элемент психологической войны", "ru"),
])
def test_another_sides_conduct_called_so_is_an_accusation(content: str, lang: str) -> None:
    assert content_act(content, lang) == "ACCUSE"


@pytest.mark.parametrize("sentence,cue,content,lang", [
    ("The alliance condemned the use of refugees by the neighbour.", "condemned", "the use of refugees by the neighbour", "en"),
    ("Министерство осудило действия соседей.", "осудило", "действия соседей", "ru"),
    ("Ministerstwo potępiło działania sąsiadów.", "potępiło", "działania sąsiadów", "pl"),
])
def test_a_condemnation_is_an_accusation(sentence: str, cue: str, content: str, lang: str) -> None:
    assert act(sentence, cue, content, lang) == "ACCUSE"


@pytest.mark.parametrize("content,lang", [
    ("że jedność to obecnie najpilniejsze zadanie wobec ataku sąsiada", "pl"),
    ("that unity is the most urgent response to the attack", "en"),
])
def test_the_most_urgent_step_is_a_demand(content: str, lang: str) -> None:
    assert content_act(content, lang) == "DEMAND"


@pytest.mark.parametrize("content,lang", [
    ("that his country would no longer prevent refugees from crossing the border", "en"),
    ("We won't hold anyone, let them go west", "en"),
    ("что мы больше не будем сдерживать мигрантов", "ru"),
    ("że nie będziemy powstrzymywać migrantów", "pl"),
])
def test_withdrawing_restraint_is_a_threat(content: str, lang: str) -> None:
    assert content_act(content, lang) == "THREATEN"


@pytest.mark.parametrize("content,lang", [
    ("that the ministry conveyed a strong protest against the statements of the neighbour's president", "en"),
    ("that we do not take these threats seriously", "en"),
    ("что МИД выразил протест против заявлений соседа", "ru"),
    ("Мы не относимся к этому серьёзно", "ru"),
    ("że MSZ przekazało protest wobec słów prezydenta sąsiada", "pl"),
    ("że nie traktujemy tych gróźb poważnie", "pl"),
])
def test_a_protest_against_words_or_a_dismissal_is_a_rejection(content: str, lang: str) -> None:
    assert content_act(content, lang) == "REJECT"


@pytest.mark.parametrize("content,lang", [
    # a bare "пока"/"иначе"/"inaczej" is no condition; a consequence needs a future or modal verb
    ("Пока не ясно, будет ли встреча перенесена", "ru"),
    ("Иначе говоря, это обычная процедура", "ru"),
    ("Sytuacja wygląda inaczej, niż twierdzą media", "pl"),
    ("Jeśli nie liczyć incydentu, granica jest spokojna", "pl"),
    # the consequence's subject is neither the speakers nor a party: a hedge, not a threat
    ("If I am not mistaken, the meeting will take place on Monday", "en"),
])
def test_a_clause_after_a_negative_word_is_no_ultimatum(content: str, lang: str) -> None:
    assert not ultimatum(content, lang)


@pytest.mark.parametrize("content,lang", [
    ("если Минск не остановится, мы будем вынуждены ответить", "ru"),
    ("a jeśli sąsiad nie przestanie, będziemy musieli odpowiedzieć", "pl"),
    ("if Minsk does not stop, Lithuania will propose sanctions", "en"),
])
def test_an_ultimatum_with_a_future_or_modal_consequence_is_one(content: str, lang: str) -> None:
    assert ultimatum(content, lang)


@pytest.mark.parametrize("content,lang", [
    # passive: another's act done to the speakers
    ("We have been accused of everything", "en"),
    ("мы были обвинены во всех грехах", "ru"),
    ("my zostaliśmy oskarżeni o wszystko", "pl"),
    # a negative object: the act reaches no one
    ("we accuse nobody", "en"),
    ("мы обвиняем никого", "ru"),
    ("my oskarżamy nikogo", "pl"),
])
def test_a_passive_or_a_negative_object_is_no_own_act(content: str, lang: str) -> None:
    assert own_act(content, lang) is None
