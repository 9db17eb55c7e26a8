"""A parser may emit a dependency cycle (natasha does, rarely); tree walks must not loop on it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from linewatch.extract.attribution.base import subtree
from linewatch.model import Document
from linewatch.nlp.doc import Doc, Token, break_head_cycles
from linewatch.nlp.pipeline import Pipeline


def test_subtree_terminates_on_a_cycle() -> None:
    # 0 -> 2 -> 1 -> 0: no root at all, as in a real natasha parse of a long Russian sentence
    toks = [
        Token(i=0, start=0, end=5, text="Alpha", dep="nsubj", head=2),
        Token(i=1, start=6, end=10, text="beta", dep="acl", head=0),
        Token(i=2, start=11, end=16, text="gamma", dep="acl", head=1),
    ]
    out = subtree(toks[0], toks)
    assert sorted(t.i for t in out) == [0, 1, 2]


def test_head_cycles_are_broken_into_roots() -> None:
    # a token that is its own head, and a loop of two: both become roots, the rest is untouched
    toks = [
        Token(i=0, start=0, end=5, text="Alpha", dep="appos", head=0),
        Token(i=1, start=6, end=10, text="beta", dep="nmod", head=0),
        Token(i=2, start=11, end=16, text="gamma", dep="acl", head=3),
        Token(i=3, start=17, end=22, text="delta", dep="acl", head=2),
        Token(i=4, start=23, end=28, text="eps", dep="amod", head=2),
    ]
    break_head_cycles(toks)
    assert [t.head for t in toks][:2] == [-1, 0]
    assert sorted(t.head for t in toks[2:4]).count(-1) == 1
    for tok in toks:  # every chain of heads now ends at a root
        seen, cur = set(), tok
        while cur.head >= 0:
            assert cur.i not in seen
            seen.add(cur.i)
            cur = toks[cur.head]


# An invented news item in the layout of Russian news sites: a dateline naming the outlet, on
# which natasha's parser makes "служба" its own head, then a quotation only a statement names.
_DATELINE_ITEM = """МИД Литвы вызвал посла из-за беспилотника

12 марта 2024, 10:15
12 марта 2024, 10:15 — Общественная служба новостей — ОСН

Министерство иностранных дел Литвы вызвало посла Белоруссии в связи с беспилотником, залетевшим в воздушное пространство страны. Об этом пишет ТАСС.

«Сегодня утром вице-министр иностранных дел вызвал посла и вручил ему ноту протеста», — говорится в сообщении ведомства.
"""


def test_russian_dateline_parse_is_a_forest() -> None:
    doc = Pipeline(names=("segment", "parse"))(Doc(Document(text=_DATELINE_ITEM, language="ru")))
    for tok in doc.tokens:
        seen, cur = set(), tok
        while cur.head >= 0:
            assert cur.i not in seen, f"head cycle through {cur.text!r}"
            seen.add(cur.i)
            cur = doc.tokens[cur.head]


def test_extract_finishes_on_a_self_headed_dateline(tmp_path: Path) -> None:
    # it ran for hours in the subject search ("служба" the apposition of itself); a subprocess with
    # a time limit, so that a return of the loop fails the test instead of hanging the suite
    src = tmp_path / "item.txt"
    src.write_text(_DATELINE_ITEM, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "linewatch", "extract", str(src), "--json"],
                         capture_output=True, text=True, timeout=240, check=True)
    kinds = [json.loads(line)["kind"] for line in out.stdout.splitlines()]
    assert "statement" in kinds
