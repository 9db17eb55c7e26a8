"""Component `narratives`: the narratives each statement and each document carries.

Runs when `doc.options["taxonomy"]` names a taxonomy file (or a bundled one by
name). Two kinds of evidence, both explained in `NarrativeMatch.explanation`:

- claim matching (`matcher`): every statement's content against the
  narratives' descriptions and examples (multilingual embeddings + cue words);
- a learnt document classifier (`classifier`), when the taxonomy file
  names one (`classifier:`), e.g. the bundled SemEval-2025 Task 10 taxonomy.
  Then the classifier decides the document's labels and a statement only keeps
  narratives its document carries (the classifier is the better judge of the
  document; the matcher finds the sentence that carries them).

Without a classifier, the document's labels are the narratives of its
statements (best score each, carried by that statement's sentence).

A taxonomy whose `taxonomy:` name equals a bundled one (e.g. the seed file
`belarus-border-2021`) is enriched with the bundled file's examples and cues
for the narratives with the same ids: the analyst's descriptions stay, the
matcher gets more ways of saying the same thing in en/ru/pl.
"""
from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from linewatch.analyze.narratives.classifier import DocumentClassifier
from linewatch.analyze.narratives.matcher import Hit, MatchParams, NarrativeMatcher
from linewatch.analyze.narratives.relation import classify_relation, explicit_denial, is_denial
from linewatch.analyze.narratives.taxonomy import (
    Taxonomy,
    bundled_taxonomies,
    load_taxonomy,
    resolve_taxonomy_path,
)
from linewatch.model import RELATIONS, NarrativeMatch, Statement
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import component
from linewatch.nlp.static import TopicGate

EXTRACTOR = "narratives"
VERSION = "0.6"
MAX_SENTENCES_SCANNED = 400  # for the classifier's carrying sentence in very long documents

_lock = threading.Lock()
_taxonomies: dict[tuple[str, float], Taxonomy] = {}
_matchers: dict[tuple[str, float], NarrativeMatcher] = {}
_gates: dict[tuple[str, float], TopicGate] = {}
_classifiers: dict[str, DocumentClassifier] = {}


# ---------------------------------------------------------------------- loading (cached)


def _bundled_by_name() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for p in bundled_taxonomies():
        try:
            out[load_taxonomy(p).name] = p
        except Exception:
            continue
    return out


def enrich(taxonomy: Taxonomy) -> Taxonomy:
    """Add the examples and cues of the bundled taxonomy of the same name (same ids only)."""
    bundled_path = _bundled_by_name().get(taxonomy.name)
    if bundled_path is None or (taxonomy.path and Path(bundled_path).resolve() == taxonomy.path):
        return taxonomy
    bundled = load_taxonomy(bundled_path)
    merged = []
    for n in taxonomy.narratives:
        extra = bundled.by_id.get(n.id)
        if extra is None:
            merged.append(n)
            continue
        examples = n.examples + [e for e in extra.examples if e not in n.examples]
        cues = {lang: list(dict.fromkeys(n.cues.get(lang, []) + extra.cues.get(lang, []))) for lang in set(n.cues) | set(extra.cues)}
        merged.append(replace(n, examples=examples, cues=cues))
    out = Taxonomy(name=taxonomy.name, version=taxonomy.version, narratives=merged, path=taxonomy.path, classifier=taxonomy.classifier)
    return out


def get_taxonomy(ref: str | os.PathLike[str] | Taxonomy) -> Taxonomy:
    """A taxonomy by path or bundled name, enriched, cached until the file changes."""
    if isinstance(ref, Taxonomy):
        return ref
    path = resolve_taxonomy_path(ref)
    if path is None:
        return load_taxonomy(ref)  # raises the one-line "not found"
    try:
        key = (str(path.resolve()), path.stat().st_mtime)
    except OSError:
        return load_taxonomy(ref)
    with _lock:
        cached = _taxonomies.get(key)
    if cached is None:
        cached = enrich(load_taxonomy(path))  # parsed once per file version, not per document
        with _lock:
            _taxonomies[key] = cached
    return cached


def get_matcher(taxonomy: Taxonomy, params: MatchParams | None = None) -> NarrativeMatcher:
    key = (f"{taxonomy.path}|{taxonomy.name}|{len(taxonomy.narratives)}|{params}", taxonomy.path.stat().st_mtime if taxonomy.path else 0.0)
    with _lock:
        if key not in _matchers:
            _matchers[key] = NarrativeMatcher(taxonomy, params)
        return _matchers[key]


def get_topic_gate(taxonomy: Taxonomy, params: MatchParams | None = None) -> TopicGate:
    """The taxonomy's topic gate (one per taxonomy version and threshold, like the matchers)."""
    threshold = (params or MatchParams()).min_topic
    key = (f"{taxonomy.path}|{taxonomy.name}|{len(taxonomy.narratives)}|{threshold}", taxonomy.path.stat().st_mtime if taxonomy.path else 0.0)
    with _lock:
        if key not in _gates:
            texts = [t for n in taxonomy.narratives for t in (n.label, n.description, *n.examples) if t]
            _gates[key] = TopicGate(texts, threshold)
        return _gates[key]


def get_classifier(taxonomy: Taxonomy) -> DocumentClassifier | None:
    if taxonomy.classifier is None:
        return None
    key = str(taxonomy.classifier)
    with _lock:
        if key not in _classifiers:
            _classifiers[key] = DocumentClassifier.load(taxonomy.classifier)
        return _classifiers[key]


# ---------------------------------------------------------------------- matching


def _statement_claim(st: Statement) -> str:
    return st.content or st.sentence


def match_statements(doc: Doc, taxonomy: Taxonomy, matcher: NarrativeMatcher, allowed: set[str] | None = None) -> list[NarrativeMatch]:
    """Narratives of every statement of `doc` (sets Statement.narratives too)."""
    if not doc.statements:
        return []
    hits = matcher.match([_statement_claim(s) for s in doc.statements], doc.lang)
    out: list[NarrativeMatch] = []
    for st, found in zip(doc.statements, hits):
        kept: list[Hit] = [h for h in found if allowed is None or h.narrative_id in allowed]
        for h in kept:
            nearest = str(h.explanation.get("nearest") or "")
            if is_denial(nearest, h.explanation.get("nearest_lang") or doc.lang) and not (
                h.explanation.get("cues") or explicit_denial(_statement_claim(st), doc.lang, st.cue)
            ):
                continue  # a denial narrative needs a denial in words or its own cue words, not any "not"
            verdict = classify_relation(
                _statement_claim(st),
                doc.lang,
                cue=st.cue,
                act=st.plover,
                stance=st.stance,
                narrative_text=str(h.explanation.get("nearest") or ""),
                narrative_lang=h.explanation.get("nearest_lang"),
            )
            st.extra.setdefault("narrative_relations", {})[h.narrative_id] = verdict.relation
            if verdict.relation != "rebuts" and h.narrative_id not in st.narratives:
                st.narratives.append(h.narrative_id)  # a rebuttal does not carry what it rebuts
            out.append(
                NarrativeMatch(
                    doc_id=doc.id,
                    narrative_id=h.narrative_id,
                    taxonomy=taxonomy.name,
                    score=h.score,
                    span=tuple(st.content_span),
                    sentence=st.sentence or st.content,
                    statement_id=st.id,
                    explanation={**h.explanation, "relation": verdict.relation, "relation_evidence": verdict.evidence},
                    extractor=EXTRACTOR,
                    extractor_version=VERSION,
                    relation=verdict.relation,
                )
            )
    return out


def _best_sentence(doc: Doc, clf: DocumentClassifier, label: str) -> tuple[tuple[int, int], str]:
    """The sentence that pushes `label` hardest (the one to show as its source)."""
    row = clf.labels.index(label)
    lo, hi = clf.indptr[row], clf.indptr[row + 1]
    weights = dict(zip(clf.indices[lo:hi].tolist(), clf.data[lo:hi].astype(np.float32).tolist()))
    best = (-1e9, (0, min(len(doc.text), 300)), doc.text[:300])
    for s in doc.sentences[:MAX_SENTENCES_SCANNED]:
        idx, vals = clf.space.vector(s.text)
        score = sum(weights.get(int(i), 0.0) * float(v) for i, v in zip(idx, vals))
        if score > best[0]:
            best = (score, (s.start, s.end), s.text)
    return best[1], best[2]


def classify_document(doc: Doc, taxonomy: Taxonomy, clf: DocumentClassifier) -> list[NarrativeMatch]:
    out: list[NarrativeMatch] = []
    text = doc.text
    if doc.document.title and not text.startswith(doc.document.title):
        text = f"{doc.document.title}\n{text}"
    for ls in clf.predict(text):
        span, sentence = _best_sentence(doc, clf, ls.label)
        out.append(
            NarrativeMatch(
                doc_id=doc.id,
                narrative_id=ls.label,
                taxonomy=taxonomy.name,
                score=ls.score,
                span=span,
                sentence=sentence,
                statement_id=None,
                explanation={
                    "method": "classifier",
                    "probability": ls.score,
                    "parent": ls.parent,
                    "terms": ls.evidence,
                    "model": Path(str(taxonomy.classifier)).name,
                },
                extractor=EXTRACTOR,
                extractor_version=VERSION,
            )
        )
    return out


def document_labels_from_statements(doc: Doc, taxonomy: Taxonomy, matches: list[NarrativeMatch]) -> list[NarrativeMatch]:
    """One document label per narrative its statements match, from the strongest relation.

    A document whose statements only rebut a narrative gets a `rebuts` label (kept for the
    record, never counted as carrying it); one statement promoting it makes it `promotes`.
    """
    rank = {r: i for i, r in enumerate(RELATIONS)}  # promotes first
    best: dict[str, NarrativeMatch] = {}
    counts: dict[str, int] = {}
    for m in matches:
        counts[m.narrative_id] = counts.get(m.narrative_id, 0) + 1
        old = best.get(m.narrative_id)
        if old is None or (rank[m.relation], -m.score) < (rank[old.relation], -old.score):
            best[m.narrative_id] = m
    out = []
    for nid, m in sorted(best.items(), key=lambda kv: -kv[1].score):
        out.append(
            replace(
                m,
                statement_id=None,
                explanation={"method": "statements", "statements": counts[nid], "best": m.explanation},
            )
        )
    return out


def analyze_narratives(doc: Doc, taxonomy: Taxonomy, params: MatchParams | None = None) -> Doc:
    """Add statement- and document-level narrative matches to `doc`."""
    clf = get_classifier(taxonomy)
    matcher = get_matcher(taxonomy, params)
    if clf is not None:
        doc_level = classify_document(doc, taxonomy, clf)
        allowed = {m.narrative_id for m in doc_level}
        allowed |= {a for nid in list(allowed) for a in taxonomy.ancestors(nid)}
        if allowed:  # statements carry only their document's narratives: none, nothing to embed
            doc.narratives.extend(match_statements(doc, taxonomy, matcher, allowed))
        doc.narratives.extend(doc_level)
    elif get_topic_gate(taxonomy, params).passes(doc.text):  # off topic: no claim embedded (e5 is the cost)
        st_level = match_statements(doc, taxonomy, matcher)
        doc.narratives.extend(st_level)
        doc.narratives.extend(document_labels_from_statements(doc, taxonomy, st_level))
    return doc


@component("narratives", version=VERSION, requires=("statements",))
def make_narratives(**config: Any):
    """Narratives carried by statements and documents (taxonomy from doc.options['taxonomy'])."""
    params = MatchParams(**{k: v for k, v in config.items() if k in MatchParams.__dataclass_fields__})

    def narratives(doc: Doc) -> Doc:
        ref = doc.options.get("taxonomy")
        if not ref:
            return doc
        return analyze_narratives(doc, get_taxonomy(ref), params)

    return narratives

