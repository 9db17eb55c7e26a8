"""The stance scan skips words no lexicon pattern starts with (StanceWords.may_start), finding the same cues."""
from __future__ import annotations

import pytest

from linewatch.analyze.stance.score import _scan
from linewatch.analyze.stance.words import LIST_NAMES, stance_words, words_with_spans

TEXTS = {
    "en": "The minister strongly condemned the aggression and called on Minsk to stop; we must not accept "
          "these absurd accusations, he said, but the talks were not a failure and cooperation must continue.",
    "ru": "Министр решительно осудил агрессию и призвал Минск прекратить провокации; мы должны ответить, "
          "а эти обвинения абсурдны и не имеют оснований, но сотрудничество продолжится.",
    "pl": "Minister stanowczo potępił agresję i wezwał Mińsk do zaprzestania prowokacji; musimy odpowiedzieć, "
          "te oskarżenia są absurdalne i bezpodstawne, ale współpraca będzie kontynuowana.",
}


def full_scan(words: list[str], lang: str) -> tuple[list[tuple[int, int, str]], set[int], set[int], set[int]]:
    """_scan as it was: every list tried at every word."""
    lex = stance_words(lang)
    cues: list[tuple[int, int, str]] = []
    negators: set[int] = set()
    patients: set[int] = set()
    breaks: set[int] = set()
    i = 0
    while i < len(words):
        if lex.negators.match_at(words, i):
            negators.add(i)
        if lex.patient_markers.match_at(words, i):
            patients.add(i)
        if lex.clause_breaks.match_at(words, i):
            breaks.add(i)
        own_duty = lex.self_obligation.match_at(words, i)
        if own_duty:
            i += own_duty
            continue
        best_len, best_kind = 0, ""
        for kind in ("rejection", "demand", "negative", "positive"):
            n = getattr(lex, kind).match_at(words, i)
            if n > best_len:
                best_len, best_kind = n, kind
        if best_len:
            cues.append((i, i + best_len, best_kind))
            i += best_len
            continue
        i += 1
    return cues, negators, patients, breaks


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_scan_skips_only_words_nothing_starts_with(lang: str) -> None:
    lex = stance_words(lang)
    words = [w for w, _, _ in words_with_spans(TEXTS[lang])]
    for i, word in enumerate(words):
        if not lex.may_start(word):
            assert all(getattr(lex, name).match_at(words, i) == 0 for name in LIST_NAMES)
    assert not all(lex.may_start(w) for w in words)  # the check does skip words
    cues, negators, patients, _undergoes, breaks = _scan(words, lex)
    assert ([(c.start, c.end, c.kind) for c in cues], negators, patients, breaks) == full_scan(words, lang)
    assert cues  # the texts carry cues
