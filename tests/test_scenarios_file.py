"""Scenario files: the shipped one is valid; bad files fail with an error naming file and line."""
from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pytest

from linewatch.analyze.scenarios.file import (
    DIAGNOSTICITY,
    Vocabulary,
    load_scenario_set,
    parse_scenario_set,
    taxonomy_narrative_ids,
)
from linewatch.errors import InputError
from linewatch.lexicon import data_path

VOCAB = Vocabulary(actors={"sergei-lavrov", "belarus", "vladimir-putin"}, narratives={"russia-not-involved"})

GOOD = """\
id: test-set
label: Test set
scenarios:
  - id: up
    label: Things get worse
    prior: 0.3
  - id: down
    label: Things calm down
indicators:
  - id: lavrov-backs-minsk
    kind: statement
    query:
      speaker: sergei-lavrov
      target: [belarus]
      stance: support
    diagnosticity:
      up: strong_for
      down: 0.5
"""


def _error(text: str, vocab: Vocabulary = VOCAB) -> str:
    with pytest.raises(InputError) as exc:
        parse_scenario_set(textwrap.dedent(text), "bad.yaml", vocab)
    return str(exc.value)


def test_good_file_parses_with_diagnosticity_as_log_odds() -> None:
    s = parse_scenario_set(GOOD, "good.yaml", VOCAB)
    assert [x.id for x in s.scenarios] == ["up", "down"]
    assert s.scenarios[0].prior == 0.3 and s.scenarios[1].prior == 0.5  # default 1/n
    ind = s.indicators[0]
    assert ind.diagnosticity["up"] == pytest.approx(math.log(5))
    assert ind.diagnosticity["down"] == pytest.approx(math.log(0.5))
    assert ind.query["speaker"] == ["sergei-lavrov"] and ind.line == 10
    assert DIAGNOSTICITY["strong_against"] < DIAGNOSTICITY["against"] < 0 < DIAGNOSTICITY["for"]


def test_shipped_scenario_file_is_valid() -> None:
    path = data_path("scenarios", "belarus-2021.yaml")
    s = load_scenario_set(path)
    assert s.id == "belarus-2021"
    assert {x.id for x in s.scenarios} == {
        "controlled-escalation", "moscow-distances", "uncontrolled-escalation", "west-kremlin-dialogue"}
    assert {"statement", "narrative", "report", "count", "stance_shift"} <= {i.kind for i in s.indicators}


def test_shipped_file_narratives_exist_in_the_seed_taxonomy(shared_dir: Path) -> None:
    ids, warning = taxonomy_narrative_ids(str(shared_dir / "seed" / "narratives.yaml"))
    assert warning is None and ids
    s = load_scenario_set(data_path("scenarios", "belarus-2021.yaml"),
                          vocabulary=Vocabulary(actors=None, narratives=ids))
    assert any(i.kind == "narrative" for i in s.indicators)


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("    prior: 0.3\n", "    prior: 0.3\n    colour: red\n", 7, "unknown field 'colour'"),
        ("      speaker: sergei-lavrov\n", "      speaker: sergei-lavorv\n", 13, "unknown actor id 'sergei-lavorv'"),
        ("      stance: support\n", "      stance: supportive\n", 15, "unknown stance"),
        ("      stance: support\n", "      stance: support\n      size: 3\n", 16, "unknown field 'size'"),
        ("    kind: statement\n", "    kind: rumour\n", 11, "unknown kind 'rumour'"),
        ("      up: strong_for\n", "      up: very_strong\n", 17, "diagnosticity for 'up'"),
        ("      up: strong_for\n", "      sideways: for\n", 17, "unknown scenario 'sideways'"),
        ("    prior: 0.3\n", "    prior: 1.5\n", 6, "'prior'"),
        ("  - id: down\n", "  - id: up\n", 7, "duplicate scenario id 'up'"),
        ("      target: [belarus]\n", "      target: [belarus\n", 0, "not valid YAML"),
    ],
)
def test_bad_files_name_the_line(old: str, new: str, line: int, words: str) -> None:
    assert old in GOOD
    message = _error(GOOD.replace(old, new, 1))
    assert words in message
    if line:
        assert message.startswith(f"bad.yaml:{line}:"), message
    else:
        assert message.startswith("bad.yaml:"), message


def test_unknown_narrative_and_malformed_count_and_shift() -> None:
    base = GOOD.split("indicators:")[0] + "indicators:\n"
    narrative = base + """\
  - id: denial
    kind: narrative
    query: {narratives: [russia-not-involved, russia-is-great]}
    diagnosticity: {up: for}
"""
    assert "unknown narrative id 'russia-is-great'" in _error(narrative)
    assert _error(narrative).startswith("bad.yaml:12:")
    count = base + """\
  - id: many
    kind: count
    query:
      of: event
      plover: ASSAULT
      window_days: 7
    diagnosticity: {up: for}
"""
    assert "needs 'threshold'" in _error(count)
    bad_plover = count.replace("plover: ASSAULT", "plover: PUNCH").replace("window_days: 7", "window_days: 7\n      threshold: 2")
    assert "unknown PLOVER type 'PUNCH'" in _error(bad_plover)
    shift = base + """\
  - id: turn
    kind: stance_shift
    query: {holder_country: RUS, direction: sideways, target: [belarus]}
    diagnosticity: {up: for}
"""
    assert "'direction'" in _error(shift)
    empty = base + """\
  - id: all
    kind: event
    query: {}
    diagnosticity: {up: for}
"""
    assert "empty query" in _error(empty)


def test_not_a_mapping_missing_file_and_size(tmp_path: Path) -> None:
    assert "must be a mapping" in _error("- just\n- a list\n")
    assert "must be a mapping" in _error("")
    _error("id: x\nscenarios: " + "[" * 5000 + "]" * 5000 + "\n")  # deep nesting: an InputError, no traceback
    assert "duplicate key 'id'" in _error(GOOD.replace("label: Test set", "id: again"))
    with pytest.raises(InputError, match="no such scenario file"):
        load_scenario_set(tmp_path / "missing.yaml")
    big = tmp_path / "big.yaml"
    big.write_text("#" * 1_100_000, encoding="utf-8")
    with pytest.raises(InputError, match="larger than"):
        load_scenario_set(big)
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="not UTF-8"):
        load_scenario_set(binary)


def test_registry_actor_ids_are_checked_by_default(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(GOOD.replace("sergei-lavrov", "sergei-lavrov-typo"), encoding="utf-8")
    with pytest.raises(InputError, match=r"s\.yaml:13: .*unknown actor id 'sergei-lavrov-typo'"):
        load_scenario_set(path)
    path.write_text(GOOD, encoding="utf-8")
    assert load_scenario_set(path).indicators[0].query["target"] == ["belarus"]
