"""Document claims: two runs on one store share the work; a dead run's claims expire."""
from __future__ import annotations

from linewatch.model import Document, DocumentAnalysis
from linewatch.runner import RunOptions, run_pending
from linewatch.store import open_store
from linewatch.store.claims import claim_document, live_claims, release_claim

FAST = RunOptions(pipeline_kwargs={"names": ("segment", "parse", "mentions", "dates", "statements")})


def _store_with(db_url: str, n: int):
    store = open_store(db_url)
    docs = [Document(text=f"Report {i}.\n\nThe minister said on Monday that talks number {i} would resume.", language="pl")
            for i in range(n)]
    for d in docs:
        store.add_document(d)
    return store, [d.id for d in docs]


def test_claim_is_exclusive_until_it_expires(db_url: str) -> None:
    store, (a, b) = _store_with(db_url, 2)
    try:
        assert claim_document(store, a, "run-1", "v1")
        assert not claim_document(store, a, "run-2", "v1")  # held
        assert claim_document(store, a, "run-1", "v1")  # the same owner (a retried task) takes it back
        assert claim_document(store, b, "run-2", "v1", lease_s=-1)  # a lease that is already over
        assert claim_document(store, b, "run-3", "v1")  # ... so another run takes it
        assert {c["doc_id"] for c in live_claims(store)} == {a, b}
        release_claim(store, a, "run-1")
        assert claim_document(store, a, "run-2", "v1")
    finally:
        store.close()


def test_processed_document_is_not_claimed_and_saving_drops_the_claim(db_url: str) -> None:
    store, (a,) = _store_with(db_url, 1)
    try:
        assert claim_document(store, a, "run-1", "v1")
        store.save_analysis(DocumentAnalysis(doc_id=a), "v1")
        assert live_claims(store) == []
        assert not claim_document(store, a, "run-2", "v1")  # done by this version
        assert claim_document(store, a, "run-2", "v2")  # a new pipeline version redoes it
    finally:
        store.close()


def test_run_skips_what_another_run_holds_and_a_rerun_does_nothing(db_url: str) -> None:
    store, ids = _store_with(db_url, 3)
    try:
        from linewatch.runner import processing_version

        version = processing_version(FAST.build()[0])
        assert claim_document(store, ids[0], "someone-else", version)
        first = run_pending(store, FAST)
        assert (first.processed, first.skipped, first.failed) == (2, 1, 0)
        release_claim(store, ids[0], "someone-else")  # the other run gave up
        second = run_pending(store, FAST)
        assert (second.processed, second.skipped) == (1, 0)
        third = run_pending(store, FAST)
        assert third.processed == third.skipped == 0
    finally:
        store.close()
