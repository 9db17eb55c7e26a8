"""Verbal acts of statements by lemma: every form of an act verb, act phrases, and what is no
act of the speaker's (a negated cue, a question). Invented sentences in en/ru/pl."""
from __future__ import annotations

import pytest

from linewatch.extract.events import verbal_act
from linewatch.extract.verbal_cues import cue_act
from linewatch.model import Statement


def act(sentence: str, cue: str, content: str, lang: str) -> str | None:
    c0 = sentence.index(cue)
    s0 = sentence.index(content, c0 + len(cue)) if content in sentence[c0 + len(cue):] else sentence.index(content)
    st = Statement(doc_id="d", content=content, content_span=(s0, s0 + len(content)), cue=cue,
                   cue_span=(c0, c0 + len(cue)))
    return verbal_act(st, sentence, lang)


@pytest.mark.parametrize(
    "sentence,cue,content,lang,want",
    [
        # Polish: plural, feminine and imperfective forms of one entry each
        ("Ministrowie apelują do Brukseli o nowe sankcje.", "apelują", "do Brukseli o nowe sankcje", "pl", "DEMAND"),
        ("Posłowie wezwali rząd do zamknięcia przejść.", "wezwali", "rząd do zamknięcia przejść", "pl", "DEMAND"),
        ("Rzeczniczka zażądała od ambasadora wyjaśnień.", "zażądała", "od ambasadora wyjaśnień", "pl", "DEMAND"),
        ("Opozycja domaga się od rządu dymisji ministra.", "domaga się", "od rządu dymisji ministra", "pl", "DEMAND"),
        ("Ministrowie obwiniają Mińsk za kryzys.", "obwiniają", "Mińsk za kryzys", "pl", "ACCUSE"),
        ("Posłanki zarzuciły rządowi bezczynność.", "zarzuciły", "rządowi bezczynność", "pl", "ACCUSE"),
        ("Rzecznicy zdementowali doniesienia o ostrzale.", "zdementowali", "doniesienia o ostrzale", "pl", "REJECT"),
        ("Ministerstwo zaprzeczyło tym doniesieniom.", "zaprzeczyło", "tym doniesieniom", "pl", "REJECT"),
        ("Dowódcy ostrzegają sąsiadów przed prowokacjami.", "ostrzegają", "sąsiadów przed prowokacjami", "pl", "THREATEN"),
        ("Senatorowie poparli plan rządu.", "poparli", "plan rządu", "pl", "SUPPORT"),
        ("Premier wyraziła poparcie dla strażników.", "wyraziła poparcie", "dla strażników", "pl", "SUPPORT"),
        ("Prezydent opowiedział się za nowymi sankcjami.", "opowiedział się", "za nowymi sankcjami", "pl", "SUPPORT"),
        ("Senator nie poparł planu rządu.", "poparł", "planu rządu", "pl", None),
        ("Dziennikarz zapytał, czy Polska wycofa wojska.", "zapytał", "czy Polska wycofa wojska", "pl", None),
        # Russian
        ("Депутаты призывают Брюссель ввести санкции.", "призывают", "Брюссель ввести санкции", "ru", "DEMAND"),
        ("Министр возложила ответственность за кризис на Брюссель.", "возложила ответственность", "за кризис на Брюссель", "ru", "ACCUSE"),
        ("Посол назвал ложью эти сообщения.", "назвал", "ложью эти сообщения", "ru", "REJECT"),
        ("Пресс-секретарь опровергла сообщения о переброске войск.", "опровергла", "сообщения о переброске войск", "ru", "REJECT"),
        ("Министр выступил за продолжение диалога.", "выступил", "за продолжение диалога", "ru", "SUPPORT"),
        ("Депутаты поддерживают решение правительства.", "поддерживают", "решение правительства", "ru", "SUPPORT"),
        ("Министр не поддержал решение правительства.", "поддержал", "решение правительства", "ru", None),
        ("Журналист спросил, будет ли введен запрет.", "спросил", "будет ли введен запрет", "ru", None),
        # English
        ("The senators spoke out in favour of new sanctions.", "spoke out", "in favour of new sanctions", "en", "SUPPORT"),
        ("The minister expressed support for the guards.", "expressed", "support for the guards", "en", "SUPPORT"),
        ("The ministers are blaming Minsk for the crisis.", "blaming", "Minsk for the crisis", "en", "ACCUSE"),
        ("The envoy refuted the claims as lies.", "refuted", "the claims as lies", "en", "REJECT"),
        ("The chancellor did not support the closure.", "support", "the closure", "en", None),
        ("The chancellor no longer supports the closure.", "supports", "the closure", "en", None),
        ("A reporter asked whether Poland should withdraw its troops.", "asked", "whether Poland should withdraw its troops", "en", None),
    ],
)
def test_act_by_lemma(sentence: str, cue: str, content: str, lang: str, want: str | None) -> None:
    assert act(sentence, cue, content, lang) == want


@pytest.mark.parametrize(
    "content,lang,want",
    [
        # content-led acts under a neutral cue
        ("że sąsiednie państwa powinny natychmiast otworzyć granice", "pl", "DEMAND"),
        ("że te doniesienia są wyssane z palca", "pl", "REJECT"),
        ("że nie ma mowy o żadnych ustępstwach", "pl", "REJECT"),
        ("że Warszawa pożałuje tej decyzji", "pl", "THREATEN"),
        ("что это клевета и вымысел", "ru", "REJECT"),
        ("что об отмене санкций не может быть и речи", "ru", "REJECT"),
        ("мы настаиваем на немедленном выводе войск", "ru", "DEMAND"),
        ("we demand an immediate explanation", "en", "DEMAND"),
        ("the report was made up from start to finish", "en", "REJECT"),
    ],
)
def test_content_led_acts(content: str, lang: str, want: str | None) -> None:
    cue = {"en": "said", "ru": "сказал", "pl": "powiedział"}[lang]
    assert act(f"Minister {cue}, {content}.", cue, content, lang) == want


@pytest.mark.parametrize(
    "content,lang",
    [
        ("that sending complaints to tribunals is not an appropriate way to settle disputes", "en"),
        ("że takie metody nacisku są niewłaściwe", "pl"),
        ("что подобные заявления неуместны", "ru"),
    ],
)
def test_dismissed_as_inappropriate_is_rejection(content: str, lang: str) -> None:
    cue = {"en": "said", "ru": "сказал", "pl": "powiedział"}[lang]
    assert act(f"Minister {cue}, {content}.", cue, content, lang) == "REJECT"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive_with_either_apostrophe_is_one_word(apostrophe: str) -> None:
    # "expressed Poland’s support" is "express support" with one word between (MAX_GAP), whether
    # the apostrophe is straight or typographic
    sentence = f"The envoy expressed Poland{apostrophe}s support for the guards."
    content = f"Poland{apostrophe}s support for the guards"
    c0, s0 = sentence.index("expressed"), sentence.index(content)
    st = Statement(doc_id="d", content=content, content_span=(s0, s0 + len(content)), cue="expressed",
                   cue_span=(c0, c0 + len("expressed")))
    assert cue_act(st, "en") == "SUPPORT"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_thats_why_gives_a_reason_not_a_question(apostrophe: str) -> None:
    # "why" as the second word after "that's" opens no question: the act under the cue stands
    content = f"That{apostrophe}s why the council should be prepared for a long winter"
    sentence = f"{content}, the mayor argued."
    assert act(sentence, "argued", content, "en") == "DEMAND"
