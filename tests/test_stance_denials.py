"""Stance error classes on unseen text (issue 11), on sentences written for the tests: a denial
of an act done to the target ("denied plans to invade X") takes no side toward X, while a denial
of X's own words ("rejected X's accusations") still opposes X; a negated blame word ("did not
violate") blames nobody; "de-escalation" is no escalation; an admission ("acknowledged that")
is a report."""
from __future__ import annotations

import pytest

from linewatch.analyze.stance.score import blame_marked_on, cue_counts, cue_kind, is_denial_cue
from tests.test_stance_targets import _stated

# (why, lang, text, content, speaker, country, cue, speaker words, stance)
CASES = [
    ("a denied act done to the target is no opposition to it (en)", "en",
     "The spokesman denied plans to invade Latvia before the summit.",
     "plans to invade Latvia before the summit", "Dmitry Peskov", "RUS", "denied", "The spokesman", "neutral"),
    ("a denied attack on the target (en)", "en",
     "The ministry denied that its troops were preparing an attack on Latvia.",
     "that its troops were preparing an attack on Latvia", "Dmitry Peskov", "RUS", "denied", "The ministry",
     "neutral"),
    ("a denied act done to the target is no opposition to it (ru)", "ru",
     "Представитель Кремля опроверг планы нападения на Латвию.",
     "планы нападения на Латвию", "Dmitry Peskov", "RUS", "опроверг", "Представитель Кремля", "neutral"),
    ("a denied act done to the target is no opposition to it (pl)", "pl",
     "Rzecznik Kremla zaprzeczył planom ataku na Łotwę.",
     "planom ataku na Łotwę", "Dmitry Peskov", "RUS", "zaprzeczył", "Rzecznik Kremla", "neutral"),
    ("denying what the target said still opposes it (en)", "en",
     "The spokesman denied the claims made by Latvia about the exercises.",
     "the claims made by Latvia about the exercises", "Dmitry Peskov", "RUS", "denied", "The spokesman", "oppose"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_denials(case: tuple) -> None:
    _, lang, text, content, speaker, country, cue, speaker_text, stance = case
    st = _stated(text, lang, content, speaker, country, cue, speaker_text, parse=True)
    assert st.target == "Latvia"
    assert st.stance == stance


def test_denial_cues_and_blame_marked_on_the_target() -> None:
    for lang, cue in (("en", "denied"), ("en", "refuted"), ("ru", "опроверг"), ("ru", "отрицает"),
                      ("pl", "zaprzeczył"), ("pl", "zdementowała")):
        assert is_denial_cue(cue, (0, len(cue)), lang), cue
    assert not is_denial_cue("did not deny", (0, 12), "en")
    assert not is_denial_cue("warned", (0, 6), "en")
    for lang, text, target in (("en", "an attack on Latvia", "Latvia"), ("ru", "нападение на Латвию", "Латвию"),
                               ("pl", "atak na Łotwę", "Łotwę")):
        i = text.index(target)
        assert blame_marked_on(text, (i, i + len(target)), lang), lang
    text = "the accusations made by Latvia"
    assert not blame_marked_on(text, (text.index("Latvia"), len(text)), "en")


@pytest.mark.parametrize("lang,blamed,negated", [
    ("en", "Minsk violated the agreement", "Minsk did not violate the agreement"),
    ("ru", "Минск нарушил соглашение", "Минск не нарушал соглашение"),
    ("pl", "Mińsk naruszył porozumienie", "Mińsk nie naruszył porozumienia"),
])
def test_a_negated_blame_word_is_not_counted(lang: str, blamed: str, negated: str) -> None:
    assert cue_counts(blamed, (0, len(blamed)), (0, len(blamed)), lang)[0]["negative"] == 1
    counts, has_negator = cue_counts(negated, (0, len(negated)), (0, len(negated)), lang)
    assert counts["negative"] == 0 and has_negator


def test_de_escalation_is_no_escalation() -> None:
    text = "hopes for a de-escalation at the border"
    counts, _ = cue_counts(text, (0, len(text)), (0, len(text)), "en")
    assert counts["negative"] == 0 and counts["positive"] == 1


def test_an_admission_is_a_report() -> None:
    for lang, cue in (("en", "acknowledged"), ("en", "admitted"), ("ru", "признал"), ("pl", "przyznała")):
        assert cue_kind(cue, (0, len(cue)), lang) == "report", cue
    st = _stated("The ministry admitted that the Latvian border guards had crossed the line on Monday.", "en",
                 "the Latvian border guards had crossed the line on Monday", "Dmitry Peskov", "RUS", "admitted",
                 "The ministry", parse=True)
    assert st.stance == "neutral"


@pytest.mark.parametrize("lang,text,content,cue,speaker_text", [
    ("en", "The analyst agreed that Beijing would keep working for a settlement in the region.",
     "Beijing would keep working for a settlement in the region", "agreed", "The analyst"),
    ("ru", "Аналитик согласился, что Пекин продолжит работу над урегулированием в регионе.",
     "Пекин продолжит работу над урегулированием в регионе", "согласился", "Аналитик"),
    ("pl", "Analityk zgodził się, że Pekin będzie nadal pracował nad rozwiązaniem w regionie.",
     "Pekin będzie nadal pracował nad rozwiązaniem w regionie", "zgodził się", "Analityk"),
])
def test_nothing_judged_by_a_speaker_of_no_known_side_is_neutral(lang: str, text: str, content: str, cue: str,
                                                                  speaker_text: str) -> None:
    st = _stated(text, lang, content, "Jan Novak", None, cue, speaker_text, plover="AGREE", parse=True)
    assert st.target == "China"
    assert st.stance == "neutral"
