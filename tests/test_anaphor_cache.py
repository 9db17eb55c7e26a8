"""anaphor_base is worked out once per word form (speaker.py _anaphor_base), with the same answers."""
from __future__ import annotations

from linewatch.extract.attribution.speaker import _anaphor_base, anaphor_base


def test_anaphor_base_is_cached_and_unchanged() -> None:
    words = {"ru": ["Дипломата", "дипломат", "министра", "представительницы", "Москва"],
             "pl": ["rzeczniczki", "ministra", "Warszawa"], "en": ["Minister", "spokesman", "Warsaw"]}
    for lang, forms in words.items():
        for word in forms:
            expected = _anaphor_base.__wrapped__(word.lower(), lang)
            assert anaphor_base(word, lang) == expected
            hits = _anaphor_base.cache_info().hits
            assert anaphor_base(word.upper(), lang) == expected  # any case: one cached form
            assert _anaphor_base.cache_info().hits == hits + 1
    assert anaphor_base("дипломата", "ru") == "дипломат"
