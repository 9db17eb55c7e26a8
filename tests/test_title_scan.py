"""Titles are tried only where one may start (registry._title_starts): the same matches as searching."""
from __future__ import annotations

import pytest

from linewatch.actors.registry import _matches_at, _title_starts, _titles, actor_registry

TEXTS = {
    "en": "Russia's Foreign Minister said on Monday that the deputy foreign minister would travel. "
          "The Kremlin spokesman, the EU's foreign policy chief and the prime minister's spokesperson "
          "disagreed; 'the defence minister' and THE FOREIGN MINISTER OF BELARUS stayed silent. "
          "Vice-president-elect and ex-foreign-minister are not titles here.",
    "ru": "Министр иностранных дел России заявил, что официальный представитель МИД и глава МИД Белоруссии "
          "встретятся. Пресс-секретарь президента РФ и министр обороны промолчали; заместитель министра "
          "иностранных дел, премьер-министр Польши и ГЛАВА МИД Литвы ответили.",
    "pl": "Szef polskiej dyplomacji i rzecznik Kremla rozmawiali, a minister spraw zagranicznych Białorusi "
          "oraz rzeczniczka Ministerstwa Spraw Zagranicznych i premier Litwy milczeli. Wiceminister obrony też.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_title_matches_equal_a_full_search(lang: str) -> None:
    text = TEXTS[lang] + " " + TEXTS[lang].lower()
    starts = [m.start() for m in _title_starts(lang).finditer(text)]
    found = 0
    for title in _titles(lang):
        expected = [m.span() for m in title.pattern.finditer(text)]
        assert [m.span() for m in _matches_at(title.pattern, text, starts)] == expected, title.pattern.pattern
        found += len(expected)
    assert found >= 4  # the texts do name titles


def test_title_mentions_found_through_the_starts() -> None:
    mentions = actor_registry().find_mentions("Глава МИД России заявил об этом журналистам.", "ru")
    assert any(m.kind == "title" and m.text.lower().startswith("глава мид") for m in mentions)
