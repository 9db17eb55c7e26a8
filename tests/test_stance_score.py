"""The lexicon stance scorer in English, Russian and Polish, and the stance_toward API
(sentences written for the test)."""
from __future__ import annotations

import pytest

from linewatch.analyze.stance.component import stance_toward
from linewatch.analyze.stance.score import score_toward
from linewatch.analyze.stance.words import stance_words


def _span(text: str, target: str) -> tuple[int, int]:
    i = text.index(target)
    return (i, i + len(target))


CASES = [
    # (lang, text, target, expected)
    ("en", "The minister accused Warsaw of provoking a dangerous escalation at the border.", "Warsaw", "oppose"),
    ("en", "She praised Lithuania for its solidarity and thanked its border guards.", "Lithuania", "support"),
    ("en", "He said he did not see the authorities in Vilnius violating any law.", "Vilnius", "support"),
    ("en", "The current situation is a heavy burden for Riga, he said.", "Riga", "support"),
    ("en", "He called on Brussels to take responsibility for the people in the camps.", "Brussels", "oppose"),
    ("en", "The delegation from Latvia arrived in the capital on Tuesday.", "Latvia", "neutral"),
    ("en", "Claims that Moscow organised the flights are groundless and absurd.", "Moscow", "support"),
    ("en", "Any pressure on Vilnius over the transit was groundless, he said.", "Vilnius", "support"),
    # the actor before "under <blame>" undergoes it; the one after "from" does it
    ("en", "Riga has come under unfair and hostile pressure from Brussels, he said.", "Riga", "support"),
    ("en", "Riga has come under unfair and hostile pressure from Brussels, he said.", "Brussels", "oppose"),
    ("ru", "Латвия оказалась под жёстким давлением со стороны Брюсселя.", "Латвия", "support"),
    ("pl", "Łotwa znalazła się pod ogromną presją ze strony Brukseli.", "Łotwa", "support"),
    ("ru", "Министр обвинил Варшаву в провокациях и нарушении международного права.", "Варшаву", "oppose"),
    ("ru", "Москва поддерживает Минск и выражает солидарность с братским народом.", "Минск", "support"),
    ("ru", "Делегация Латвии прибыла в столицу во вторник.", "Латвии", "neutral"),
    ("ru", "Он не видит со стороны Вильнюса никаких нарушений.", "Вильнюса", "support"),
    ("ru", "Она назвала абсурдным заявление главы МВД Германии.", "главы МВД Германии", "oppose"),
    ("pl", "Minister oskarżył Mińsk o prowokacje i łamanie prawa międzynarodowego.", "Mińsk", "oppose"),
    ("pl", "Rzecznik podziękował Litwie za wsparcie i solidarność.", "Litwie", "support"),
    ("pl", "Delegacja z Łotwy przyjechała do stolicy we wtorek.", "Łotwy", "neutral"),
    ("pl", "Wezwał Brukselę, by wzięła odpowiedzialność za kryzys.", "Brukselę", "oppose"),
]


@pytest.mark.parametrize("lang,text,target,expected", CASES)
def test_lexicon_scorer(lang: str, text: str, target: str, expected: str) -> None:
    result = score_toward(text, _span(text, target), lang)
    assert result.label == expected, result
    assert 0.0 <= result.confidence <= 1.0


@pytest.mark.parametrize("lang", ["en", "ru", "pl"])
def test_stance_toward_api(lang: str) -> None:
    for case_lang, text, target, _expected in CASES:
        if case_lang != lang:
            continue
        label, confidence = stance_toward(text, _span(text, target), lang)
        assert label in ("support", "oppose", "neutral") and 0.0 <= confidence <= 1.0
    # clear-cut cases hold whether a learnt model is shipped or not
    text = {"en": "The minister accused Warsaw of provoking a dangerous escalation and lying.",
            "ru": "Министр обвинил Варшаву в провокациях и нарушении международного права.",
            "pl": "Minister oskarżył Warszawę o prowokacje i łamanie prawa międzynarodowego."}[lang]
    target = {"en": "Warsaw", "ru": "Варшаву", "pl": "Warszawę"}[lang]
    assert stance_toward(text, _span(text, target), lang)[0] == "oppose"


def test_own_side_is_never_opposed() -> None:
    text = "Moscow fears that the crisis poses a threat to Moscow and its security."
    span = (text.rindex("Moscow"), text.rindex("Moscow") + 6)
    assert score_toward(text, span, "en").label == "oppose"
    assert score_toward(text, span, "en", own_side=True).label == "neutral"
    assert stance_toward(text, span, "en", holder="Moscow")[0] != "oppose"


def test_cues_are_reported_and_bounded() -> None:
    text = ("praise " * 5000) + "Latvia " + ("blame " * 5000)
    result = score_toward(text, _span(text, "Latvia"), "en")
    assert result.cues and all(isinstance(c, str) for c, _ in result.cues)
    assert result.label in ("support", "oppose", "neutral")


def test_no_target_scores_the_whole_text_and_unknown_language_falls_back() -> None:
    assert score_toward("They condemned the attack.", None, "en").label == "oppose"
    assert stance_toward("They condemned the attack.", None, "xx")[0] == "oppose"


def test_every_language_has_the_same_lists() -> None:
    for lang in ("en", "ru", "pl"):
        sets = stance_words(lang).sets
        assert all(sets[name].exact or sets[name].prefixed for name in sets), lang
