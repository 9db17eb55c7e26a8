"""What a statement's target is reported as, on sentences written for the tests: a body whose
name says whose it is keeps that name; a body named only by its seat stands for its state."""
from __future__ import annotations

import pytest

from linewatch.analyze.stance.targets import names_its_state
from tests.test_stance_targets import _stated

# (why, lang, text, content, speaker, country, cue, speaker words, target)
CASES = [
    ("a body whose name names its state is reported by its name (en)", "en",
     "The spokeswoman said the Polish Border Guard had used water cannon against the migrants.",
     "the Polish Border Guard had used water cannon against the migrants", "Maria Zakharova", "RUS", "said",
     "The spokeswoman", "Polish Border Guard"),
    ("a body whose name names its state is reported by its name (ru)", "ru",
     "Представитель МИД заявил, что МИД Польши снова исказил факты.",
     "МИД Польши снова исказил факты", "Maria Zakharova", "RUS", "заявил", "Представитель МИД",
     "Ministry of Foreign Affairs of Poland"),
    ("a body named by its seat stands for its state", "en",
     "The spokesman said the Kremlin was behind the provocations at the border.",
     "the Kremlin was behind the provocations at the border", "Stanisław Żaryn", "POL", "said", "The spokesman",
     "Russia"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_reported_target_name(case: tuple) -> None:
    _, lang, text, content, speaker, country, cue, speaker_text, target = case
    st = _stated(text, lang, content, speaker, country, cue, speaker_text)
    assert st.target == target


def test_which_bodies_name_their_state() -> None:
    assert names_its_state("polish-border-guard")
    assert names_its_state("russian-mfa")
    assert not names_its_state("kremlin")
    assert not names_its_state("wagner-group")  # acts in its own name: reported as itself anyway
