"""Running the pipeline: one document -> DocumentAnalysis, and every pending document of a store.

`linewatch run`, `linewatch demo` and `linewatch extract` all go through
`analyze_document`, so a document gives the same analysis whichever command
ran it. With several workers each process builds its own Pipeline once and
only the parent writes to the store (one transaction per document).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linewatch.actors.registry import actor_registry
from linewatch.errors import LinewatchError
from linewatch.model import Document, DocumentAnalysis, NarrativeMatch, content_hash
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline
from linewatch.store.claims import DEFAULT_LEASE_S, claim_document, release_claim, worker_name
from linewatch.store.protocol import Store

MAX_ERROR_CHARS = 300

# Seconds one document may take before it is given up as failed (LINEWATCH_DOC_TIMEOUT; 0: no
# limit). A long news text takes seconds; a document that takes ten minutes has met a loop
# nobody has found yet, and one such document must not hold up a run or `extract` for hours.
DEFAULT_DOC_TIMEOUT_S = 600.0


def make_doc(document: Document, options: dict[str, Any] | None = None) -> Doc:
    return Doc(document=document, options=dict(options or {}))


def analysis_from_doc(doc: Doc, pipeline_version: str) -> DocumentAnalysis:
    """What the store keeps of a processed Doc.

    Statement-level narrative ids that the narratives component left only on
    `Statement.narratives` become NarrativeMatch rows too, so the tables agree.
    """
    narratives = list(doc.narratives)
    have = {(n.statement_id, n.narrative_id) for n in narratives}
    taxonomy = Path(str(doc.options.get("taxonomy"))).stem if doc.options.get("taxonomy") else ""
    for s in doc.statements:
        for nid in s.narratives:
            if (s.id, nid) in have:
                continue
            have.add((s.id, nid))
            narratives.append(
                NarrativeMatch(
                    doc_id=doc.id,
                    narrative_id=nid,
                    taxonomy=taxonomy,
                    score=float(s.confidence),
                    span=s.content_span,
                    sentence=s.sentence,
                    statement_id=s.id,
                    extractor=s.extractor,
                    extractor_version=s.extractor_version,
                )
            )
    return DocumentAnalysis(
        doc_id=doc.id,
        statements=list(doc.statements),
        events=list(doc.events),
        narratives=narratives,
        stances=list(doc.stances),
        pipeline_version=pipeline_version,
    )


def analyze_document(pipeline: Pipeline, document: Document, options: dict[str, Any] | None = None) -> Doc:
    """Run the pipeline over one document (the Doc keeps every layer, for callers that want more).

    Past the time budget (`doc_timeout_s`) the document fails with a one-line LinewatchError."""
    with time_budget(doc_timeout_s()):
        return pipeline(make_doc(document, options))


def doc_timeout_s() -> float:
    """The per-document budget in seconds from LINEWATCH_DOC_TIMEOUT (0 or less: none)."""
    raw = os.environ.get("LINEWATCH_DOC_TIMEOUT", "").strip()
    try:
        return float(raw) if raw else DEFAULT_DOC_TIMEOUT_S
    except ValueError:
        raise LinewatchError(f"LINEWATCH_DOC_TIMEOUT: {raw!r} is not a number of seconds") from None


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise LinewatchError in the block once `seconds` have passed (a real-time alarm).

    Only the main thread of a process receives signals, so elsewhere (a thread pool, a Dask
    worker's task thread) the block runs unbounded; worker processes of `run` are main threads."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    message = f"analysis took longer than {seconds:g} s and was stopped (LINEWATCH_DOC_TIMEOUT)"
    fired = False

    def expired(signum: int, frame: object) -> None:
        nonlocal fired
        fired = True
        raise LinewatchError(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        # the alarm went off inside a broad `except Exception` that degrades gracefully (the registry's
        # first load, a model's fallback) and the block ran on: the budget is spent all the same
        raise LinewatchError(message)


def build_pipeline(kwargs: dict[str, Any] | None = None) -> Pipeline:
    """A Pipeline; a broken component module becomes one LinewatchError line, not a traceback."""
    try:
        return Pipeline(**(kwargs or {}))
    except LinewatchError:
        raise
    except Exception as exc:
        raise LinewatchError(f"cannot build the pipeline: {one_line(exc)}") from exc


def processing_version(pipeline: Pipeline, taxonomy: str | Path | None = None) -> str:
    """The version stored with processed documents: the pipeline's, plus the taxonomy's content.

    Narrative matches depend on the taxonomy, so switching or editing it reprocesses too.
    """
    if not taxonomy:
        return pipeline.version
    try:
        digest = content_hash(Path(taxonomy).read_text(encoding="utf-8", errors="replace"))[:8]
    except OSError:
        digest = "missing"
    return f"{pipeline.version}+{digest}"


def one_line(exc: BaseException) -> str:
    """An exception as one short line (user errors as they are, others with their type)."""
    text = " ".join(str(exc).split())
    if not isinstance(exc, LinewatchError):
        text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text[:MAX_ERROR_CHARS]


# --------------------------------------------------------------------------- many documents


@dataclass
class RunResult:
    processed: int = 0
    failed: int = 0
    skipped: int = 0  # claimed by another run, or processed by it meanwhile
    errors: list[tuple[str, str]] = field(default_factory=list)  # (doc id, one-line error)
    version: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, plus "store" (benchmarks)

    def count(self, doc_id: str, status: str, error: str | None) -> None:
        """One document's outcome: "done", "failed" (with its one-line error) or "skipped"."""
        if status == "skipped":
            self.skipped += 1
        elif error is None:
            self.processed += 1
        else:
            self.failed += 1
            self.errors.append((doc_id, error))

    def add_timings(self, timings: dict[str, float]) -> None:
        for name, seconds in timings.items():
            self.timings[name] = self.timings.get(name, 0.0) + seconds


@dataclass
class RunOptions:
    """What a run needs to build its Pipeline and Doc options (picklable, for worker processes)."""

    pipeline_kwargs: dict[str, Any] = field(default_factory=dict)
    taxonomy: str | None = None
    registry_paths: tuple[str, ...] = ()

    def build(self) -> tuple[Pipeline, dict[str, Any]]:
        pipeline = build_pipeline(self.pipeline_kwargs)
        options: dict[str, Any] = {"taxonomy": self.taxonomy}
        registry = actor_registry(self.registry_paths)
        if registry is not None:
            options["registry"] = registry
        return pipeline, options


_WORKER: dict[str, Any] = {}


def _worker_init(run_options: RunOptions) -> None:
    _WORKER["pipeline"], _WORKER["options"] = run_options.build()
    _WORKER["version"] = processing_version(_WORKER["pipeline"], run_options.taxonomy)


def _worker_process(document: Document) -> tuple[str, DocumentAnalysis | None, str | None, dict[str, float]]:
    pipeline: Pipeline = _WORKER["pipeline"]
    try:
        doc = analyze_document(pipeline, document, _WORKER["options"])
        return document.id, analysis_from_doc(doc, _WORKER["version"]), None, doc.timings
    except Exception as exc:  # one bad document must not stop the run
        return document.id, None, one_line(exc), {}


def save_or_error(store: Store, analysis: DocumentAnalysis | None, error: str | None, version: str,
                  timings: dict[str, float]) -> str | None:
    """Save one document's analysis in its own transaction (it drops the claim); the one-line error, if any."""
    if analysis is None:
        return error
    t0 = time.perf_counter()
    try:
        store.save_analysis(analysis, version)
    except Exception as exc:
        error = one_line(exc)
    timings["store"] = timings.get("store", 0.0) + time.perf_counter() - t0
    return error


def process_one(store: Store, pipeline: Pipeline, options: dict[str, Any], version: str, doc_id: str,
                owner: str, lease_s: float) -> tuple[str, str | None, dict[str, float]]:
    """Claim, analyse and save one document: ("done" | "failed" | "skipped", error, seconds per stage).

    "skipped": another run holds it, or it was processed by this version meanwhile.
    """
    if not claim_document(store, doc_id, owner, version, lease_s):
        return "skipped", None, {}
    document = store.get_document(doc_id)
    if document is None:  # deleted meanwhile (the claim went with it)
        return "skipped", None, {}
    timings: dict[str, float] = {}
    analysis, error = None, None
    try:
        doc = analyze_document(pipeline, document, options)
        timings = dict(doc.timings)
        analysis = analysis_from_doc(doc, version)
        if doc.annotations.get("note"):  # e.g. extraction skipped for an unsupported language: kept on the document
            store.append_document_meta(doc_id, {"notes": [doc.annotations["note"]]})
    except Exception as exc:  # one bad document must not stop the run
        error = one_line(exc)
    error = save_or_error(store, analysis, error, version, timings)
    if error is not None:
        release_claim(store, doc_id, owner)
    return ("done" if error is None else "failed"), error, timings


def start_run(store: Store, run_options: RunOptions, limit: int | None,
              on_start: Callable[[int], None] | None) -> tuple[Pipeline, dict[str, Any], list[str], RunResult]:
    """The pipeline, its Doc options, the ids of the documents it has not processed, an empty result."""
    pipeline, options = run_options.build()
    result = RunResult(version=processing_version(pipeline, run_options.taxonomy))
    ids = store.documents_to_process(result.version, limit)
    if on_start:
        on_start(len(ids))
    return pipeline, options, ids, result


def run_pending(
    store: Store,
    run_options: RunOptions,
    *,
    workers: int = 1,
    limit: int | None = None,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[str, str | None], None] | None = None,
    lease_s: float = DEFAULT_LEASE_S,
) -> RunResult:
    """Process every document whose processed_version differs from the pipeline's; save each.

    Each document is claimed before it is processed (store/claims.py), so two runs on one
    store share the work instead of each doing all of it.
    """
    pipeline, options, ids, result = start_run(store, run_options, limit, on_start)
    version = result.version
    if not ids:
        return result
    owner = f"run:{worker_name()}:{uuid.uuid4().hex[:8]}"

    def record(doc_id: str, status: str, error: str | None, timings: dict[str, float]) -> None:
        result.add_timings(timings)
        result.count(doc_id, status, error)
        if on_done:
            on_done(doc_id, error)

    if workers <= 1 or len(ids) == 1:
        for doc_id in ids:
            record(doc_id, *process_one(store, pipeline, options, version, doc_id, owner, lease_s))
        return result

    # Worker processes analyse; this process claims each document just before handing it
    # out (at most 2 per worker in flight, so claims stay fresh) and saves what comes back.
    ctx = mp.get_context("spawn")  # fresh interpreters: no inherited DB connections or model threads
    done: queue.Queue[tuple[str, DocumentAnalysis | None, str | None, dict[str, float]]] = queue.Queue()
    todo = iter(ids)

    def hand_out(pool: Any) -> bool:
        for doc_id in todo:
            document = store.get_document(doc_id) if claim_document(store, doc_id, owner, version, lease_s) else None
            if document is None:
                record(doc_id, "skipped", None, {})
                continue
            pool.apply_async(
                _worker_process, (document,), callback=done.put,
                error_callback=lambda exc, i=doc_id: done.put((i, None, one_line(exc), {})),
            )
            return True
        return False

    with ctx.Pool(processes=workers, initializer=_worker_init, initargs=(run_options,)) as pool:
        in_flight = sum(hand_out(pool) for _ in range(2 * workers))
        while in_flight:
            doc_id, analysis, error, timings = done.get()
            error = save_or_error(store, analysis, error, version, timings)
            if error is not None:
                release_claim(store, doc_id, owner)
            record(doc_id, "done" if error is None else "failed", error, timings)
            in_flight += hand_out(pool) - 1
    return result
