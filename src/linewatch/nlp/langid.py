"""Offline language identification.

py3langid restricted to the languages a crisis watcher meets in this region
(so a short Polish text is not called Slovak), plus a script check: text that
is mostly Cyrillic is Russian unless the classifier, restricted to the
Cyrillic Slavic languages, is clearly sure it is another (Ukrainian, Belarusian,
Bulgarian, Macedonian, Serbian).
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from linewatch.lexicon import SUPPORTED_LANGUAGES

# Latin-script candidates; the pipeline supports en/ru/pl, the rest are recognised
# so that they are not mislabelled as one of those.
LATIN_LANGUAGES = ("en", "pl", "de", "fr", "lt", "lv", "es", "it", "cs", "sk")
# South Slavic ones too: Bulgarian news (SemEval) was read as Russian and ran the Russian rules
CYRILLIC_LANGUAGES = ("ru", "uk", "be", "bg", "mk", "sr")
# Cyrillic text is Russian unless the classifier gives another Cyrillic language at least this
# probability (and Russian less than RU_MAX): Russian is by far the likelier in this domain.
OTHER_CYRILLIC_MIN = 0.9
RU_MAX = 0.09
OTHER = "other"  # a language the classifier cannot name with confidence
UNRESTRICTED_MIN = 0.5
SAMPLE_CHARS = 4000  # enough to decide; keeps identification fast on long documents

_lock = threading.Lock()


@lru_cache(maxsize=4)
def _identifier(langs: tuple[str, ...]) -> Any:
    from py3langid.langid import (  # lazy: the language-id model loads only when a language is guessed
        MODEL_FILE,
        LanguageIdentifier,
    )

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if langs:  # () = every language the model knows
        ident.set_languages(list(langs))
    return ident


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return cyr / len(letters)


def _rank(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
    with _lock:  # the identifier keeps state between calls; keep threads apart
        return [(lang, float(p)) for lang, p in _identifier(langs).rank(text)]


def detect(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's language ('ru', 'pl', 'en', ...); `default` when unsure."""
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(1 for c in sample if c.isalpha()) < 3:
        return default
    if _cyrillic_share(sample) >= 0.5:
        ranked = _rank(sample, CYRILLIC_LANGUAGES)
        probs = dict(ranked)
        best, p_best = ranked[0]
        if best != "ru" and p_best >= OTHER_CYRILLIC_MIN and probs.get("ru", 0.0) < RU_MAX:
            return best
        return "ru"
    if _latin_share(sample) < 0.5:  # Chinese, Japanese, Arabic, Greek ...: what it is, or "other"
        return _unrestricted(sample)
    ranked = _rank(sample, LATIN_LANGUAGES)
    best = ranked[0][0] if ranked else default
    if best not in SUPPORTED_LANGUAGES:
        # the restricted set keeps short Polish from being Slovak; a language outside it
        # altogether (Hungarian, Finnish ...) must not be forced into it
        other = _unrestricted(sample)
        if other not in LATIN_LANGUAGES and other != OTHER:
            return other
    return best


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff") / len(letters)


def _unrestricted(text: str) -> str:
    """The classifier's answer over all its languages when sure, else "other"."""
    ranked = _rank(text, ())
    if not ranked or ranked[0][1] < UNRESTRICTED_MIN:
        return OTHER
    return ranked[0][0]
