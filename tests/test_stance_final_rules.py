"""The order of `final_stance`'s rules (LEARNT_BOUNDS, then SIDE_RULES), on invented facts."""
from __future__ import annotations

import pytest

from linewatch.analyze.stance.component import (
    EXONERATION_CONFIDENCE,
    HOSTILE_CUE_CONFIDENCE,
    REPORT_CONFIDENCE,
    _RuleStance,
    final_stance,
)
from linewatch.analyze.stance.learnt import StatementFacts


def _facts(**kw) -> StatementFacts:
    base = dict(plover=None, relation="adversary", target_where="content", target_kind="state",
                rule_label="neutral", rule_score=0.0, lex_score=0.0, cue_counts={}, negated=False,
                hostile_to_own=False, self_obliged=False, lang="en")
    return StatementFacts(**{**base, **kw})


RULE = _RuleStance("neutral", 0.45, 0.0, 0.0, False)
SUPPORT_RULE = _RuleStance("support", 0.8, 1.0, 1.0, False)

# (why, own, facts, rule, learnt label and probability, expected)
CASES = [
    ("nobody opposes their own side", True, _facts(relation="own"), RULE, ("oppose", 0.9), ("neutral", 0.5)),
    ("a hostile cue opposes another side", False, _facts(cue_kind="hostile"), RULE, ("neutral", 0.6),
     ("oppose", HOSTILE_CUE_CONFIDENCE)),
    ("a denial toward an ally is no opposition", False, _facts(relation="ally"), RULE, ("oppose", 0.7),
     ("neutral", 0.5)),
    ("blame words oppose even an ally", False, _facts(relation="ally", cue_counts={"negative": 2}), RULE,
     ("oppose", 0.7), ("oppose", 0.7)),
    ("a plain report takes no side", False, _facts(cue_kind="report", cue_counts={"fact": 1}), RULE,
     ("oppose", 0.7), ("neutral", REPORT_CONFIDENCE)),
    ("a report that demands still opposes", False, _facts(cue_kind="report", cue_counts={"demand": 1}), RULE,
     ("oppose", 0.7), ("oppose", 0.7)),
    ("clearing one's own side of an ally's act is neutral", False,
     _facts(relation="ally", exonerated=True, exonerated_own=True), RULE, ("support", 0.6),
     ("neutral", EXONERATION_CONFIDENCE)),
    ("exonerating one's own side is support", True, _facts(relation="own", exonerated=True), RULE,
     ("oppose", 0.9), ("support", EXONERATION_CONFIDENCE)),
    ("the rules' support toward an ally stands", False, _facts(relation="ally"), SUPPORT_RULE, ("neutral", 0.6),
     ("support", 0.8)),
    ("without a model the rules decide", False, _facts(), RULE, None, ("neutral", 0.45)),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_final_stance_rules(case: tuple) -> None:
    _, own, facts, rule, learnt, expected = case
    assert final_stance(own, facts, rule, learnt) == expected
