"""Speakers on unseen news, ninth round (invented sentences): an unresolved title that names an earlier
speaker's office ("Według szefa rządu …") is that speaker for a later cue with no subject, not a person
named in passing in the same sentence; a verb of speech in its other sense ("odpowiada za",
"отвечает за", "answer for") is no cue."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

ON = date(2021, 8, 25)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(names=("segment", "parse", "mentions", "dates", "statements"))


def said(pipe: Pipeline, text: str, lang: str) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.content) for s in pipe(Doc(Document(text=text, language=lang, published=ON))).statements]


def test_a_title_of_the_last_speaker_is_the_subject_of_a_bare_cue(pipe: Pipeline) -> None:
    text = ("Premier Mateusz Morawiecki był pytany o konwój. – Rzeczywiście, jest taka odmowa – powiedział "
            "premier. Według szefa rządu mamy do czynienia z akcją reżimu Alaksandra Łukaszenki. – Aby tej "
            "akcji przeciwdziałać, chronimy naszą granicę. Taki transport posłaliśmy – dodał.")
    found = said(pipe, text, "pl")
    assert ("Mateusz Morawiecki", next(c for _, c in found if "chronimy" in c)) in found
    assert not any(s == "Alexander Lukashenko" for s, _ in found)


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("pl", "To są osoby, które są na terytorium Białorusi, więc Białoruś odpowiada w pełni za nie – "
           "powiedział premier Mateusz Morawiecki.", "w pełni za nie"),
    ("ru", "Песков заявил, что Минск сам решает, кто отвечает за безопасность границы.", "за безопасность"),
    ("en", "Blinken said that the regime will answer for its crimes at the border.", "for its crimes"),
])
def test_a_verb_of_speech_in_its_other_sense_is_no_cue(pipe: Pipeline, lang: str, text: str, words: str) -> None:
    found = said(pipe, text, lang)
    assert found, "the sentence's own cue still reports the statement"
    assert not any(c.strip().startswith(words) for _, c in found)
    assert all(s not in ("Belarus", "Minsk", "the regime") for s, _ in found)
