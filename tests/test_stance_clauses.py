"""The clause that holds a target (`stance/clauses.py`), on sentences written for the tests: from
the English parse, from punctuation and clause openers in Russian and Polish. The stance cases
that depend on it are in `test_stance_generalise.py`."""
from __future__ import annotations

import pytest

from linewatch.analyze.stance.clauses import target_clause
from tests.test_stance_targets import _doc

# (lang, text, target, its clause, the embedded clauses left out)
CLAUSES = [
    ("en", "The minister said that Minsk, which threatened to halt transit, was under pressure from the West, after "
     "Poland closed the border.", "Minsk",
     "The minister said that Minsk, which threatened to halt transit, was under pressure from the West, after Poland "
     "closed the border.",
     ["which threatened to halt transit", "after Poland closed the border"]),
    ("en", "Warsaw supports Vilnius but condemns the regime in Minsk.", "Vilnius",
     "Warsaw supports Vilnius but condemns the regime in Minsk.", ["condemns the regime in Minsk"]),
    ("ru", "Министр заявил, что Минск, который пригрозил перекрыть транзит, оказался под давлением Запада, после "
     "того как Польша закрыла границу.", "Минск",
     ", что Минск, который пригрозил перекрыть транзит, оказался под давлением Запада",
     [", который пригрозил перекрыть транзит"]),
    ("pl", "Minister powiedział, że Białoruś jest pod presją Zachodu, ale Polska zamknęła granicę.", "Białoruś",
     ", że Białoruś jest pod presją Zachodu", []),
]


@pytest.mark.parametrize("case", CLAUSES, ids=[f"{c[0]}:{c[2]}" for c in CLAUSES])
def test_target_clause(case: tuple) -> None:
    lang, text, target, clause, skipped = case
    doc = _doc(text, lang, parse=True)
    i = text.index(target)
    found = target_clause(doc, (i, i + len(target)), (0, len(text)))
    assert text[found.lo : found.hi] == clause
    assert [text[a:b] for a, b in found.skip] == skipped
