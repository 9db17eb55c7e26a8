"""Organisations that act in their own name (armed groups, armed forces, parliaments, UN bodies)
stay themselves as targets; a ministry that speaks for its state is still reported as the state.
Sentences written for the tests."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linewatch.actors.registry import get_registry, load_registry_file
from linewatch.analyze.stance.targets import target_actor
from linewatch.errors import InputError


@pytest.mark.parametrize("surface, lang, actor_id", [
    ("Wagner fighters", "en", "wagner-group"),
    ("бойцы ЧВК «Вагнер» и вагнеровцы", "ru", "wagner-group"),
    ("najemnicy z Grupy Wagnera", "pl", "wagner-group"),
    ("the UN Security Council", "en", "un-security-council"),
    ("на заседании Совбеза ООН", "ru", "un-security-council"),
    ("posiedzenie Rady Bezpieczeństwa ONZ", "pl", "un-security-council"),
    ("обвинил Вооруженные силы РФ", "ru", "russian-armed-forces"),
    ("dowództwo rosyjskiej armii", "pl", "russian-armed-forces"),
])
def test_non_state_actors_are_in_the_registry(surface: str, lang: str, actor_id: str) -> None:
    found = {m.actor_id for m in get_registry().find_mentions(surface, lang, date(2023, 6, 24))}
    assert actor_id in found


def test_united_nations_is_not_its_security_council() -> None:
    found = {m.actor_id for m in get_registry().find_mentions("the UN Security Council met", "en")}
    assert found == {"un-security-council"}


@pytest.mark.parametrize("actor_id, reported", [
    ("wagner-group", "Wagner Group"),  # an armed group with country RUS is not Russia
    ("russian-armed-forces", "Russian Armed Forces"),
    ("state-duma", "State Duma"),
    ("un-security-council", "UN Security Council"),
    ("russian-mfa", "Russia"),  # a ministry speaks for its state
    ("kremlin", "Russia"),
])
def test_target_actor_keeps_own_name_organisations(actor_id: str, reported: str) -> None:
    actor = get_registry().by_id(actor_id)
    assert actor is not None
    assert target_actor(actor).name == reported


def test_stands_for_state_must_be_a_boolean(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  - name: Some Group\n    type: organisation\n    country: RUS\n"
                    "    stands_for_state: maybe\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_registry_file(path)
