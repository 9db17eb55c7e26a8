"""The opt-in `prescan` component: only sentences that may hold a statement or an event are parsed."""
from __future__ import annotations

from threadpoolctl import threadpool_info

from linewatch.extract.prescan import may_hold_statement_or_event
from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.parse import limit_blas_threads, selected_regions
from linewatch.nlp.pipeline import DEFAULT_PIPELINE, Pipeline

TEXT = (
    "Weather Report\n\n"
    "The sky was grey over the river. Trees stood in rows along the bank.\n\n"
    "\"We will not back down,\" the minister said on Monday. Troops were deployed to the border.\n\n"
    "Birds sang in the morning light."
)


def test_the_scan_keeps_cues_quotes_and_triggers_and_drops_plain_narration() -> None:
    assert may_hold_statement_or_event('"We will not back down," the minister said.', "en")
    assert may_hold_statement_or_event("Troops were deployed to the border.", "en")
    assert may_hold_statement_or_event("Лавров заявил, что переговоры продолжатся.", "ru")
    assert not may_hold_statement_or_event("Birds sang in the morning light.", "en")
    assert not may_hold_statement_or_event("Trees stood in rows along the bank.", "en")


def test_regions_cover_the_text_in_order_and_join_adjacent_selected_sentences() -> None:
    doc = Pipeline(names=("segment",))(Doc(Document(text=TEXT, language="en")))
    regions = selected_regions(doc, frozenset({3, 4}))
    assert regions[0][1] == 0 and regions[-1][2] == len(TEXT)
    assert all(a[2] == b[1] for a, b in zip(regions, regions[1:]))  # no gap, no overlap
    parsed = [(a, b) for p, a, b in regions if p]
    assert parsed == [(doc.sentences[3].start, doc.sentences[4].end)]


def test_prescan_parses_only_what_it_selects_and_finds_the_same_statements() -> None:
    names = tuple(n for n in DEFAULT_PIPELINE if n != "narratives")
    full = Pipeline(names=names)(Doc(Document(text=TEXT, language="en")))
    pre = Pipeline(names=("segment", "prescan", *names[1:]))(Doc(Document(text=TEXT, language="en")))
    skipped = set(range(len(pre.sentences))) - pre.annotations["parse_sentences"]
    assert skipped  # plain narration is not parsed
    assert all(not t.dep for t in pre.tokens if t.sent in skipped)
    assert [t.i for t in pre.tokens] == list(range(len(pre.tokens)))
    assert all(pre.text[t.start:t.end] == t.text for t in pre.tokens)
    assert [(s.speaker, s.content_span) for s in pre.statements] == [(s.speaker, s.content_span) for s in full.statements]
    assert full.statements


def test_prescan_is_not_in_the_default_pipeline() -> None:
    assert "prescan" not in DEFAULT_PIPELINE
    assert "prescan" not in Pipeline().active_names


def test_blas_runs_on_one_thread_once_the_parser_is_built() -> None:
    Pipeline(names=("segment", "parse")).get("parse")
    assert limit_blas_threads() == 1
    # numpy's own BLAS is the one natasha uses; scipy ships another that the suite may load
    # later (after the limit was set), so only numpy's is asserted
    numpy_blas = [p for p in threadpool_info() if p["user_api"] == "blas" and "numpy" in p["filepath"]]
    assert numpy_blas and all(p["num_threads"] == 1 for p in numpy_blas)
