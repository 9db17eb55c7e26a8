"""A parser may emit a dependency cycle (natasha does, rarely); tree walks must not loop on it."""
from __future__ import annotations

from linewatch.extract.attribution.base import subtree
from linewatch.nlp.doc import Token


def test_subtree_terminates_on_a_cycle() -> None:
    # 0 -> 2 -> 1 -> 0: no root at all, as in a real natasha parse of a long Russian sentence
    toks = [
        Token(i=0, start=0, end=5, text="Alpha", dep="nsubj", head=2),
        Token(i=1, start=6, end=10, text="beta", dep="acl", head=0),
        Token(i=2, start=11, end=16, text="gamma", dep="acl", head=1),
    ]
    out = subtree(toks[0], toks)
    assert sorted(t.i for t in out) == [0, 1, 2]
