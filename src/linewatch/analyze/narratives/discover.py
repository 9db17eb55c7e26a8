"""Discovery: group the claims no narrative explains into candidate narratives.

    linewatch narratives discover [--db URL] [--taxonomy FILE] [--seed 0]

Statements without a narrative match (in the given taxonomy, or in any) that
say something (at least MIN_CLAIM_TERMS content words) are embedded
(multilingual e5, cached) and clustered: average linkage cut where the
members' mean similarity falls below `min_similarity` (deterministic), or
seeded spherical k-means above MAX_AGGLOMERATIVE claims. Loose members (far
from their centre) are dropped, and groups below `min_size` or made of one
wording copied around (amplification, not a narrative) are discarded. Each candidate gets a label
made from its content (its most distinctive terms by class-based TF-IDF, and
the claim nearest its centre), representative statements, first seen, weekly
volume, and the outlets and speakers pushing it. The same data and seed give
the same candidates; ids are hashes of the member statement ids.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np

from linewatch.analyze.narratives.relation import denial_signals
from linewatch.lexicon import languages_with, lexicon
from linewatch.model import stable_id
from linewatch.nlp.embed import embed
from linewatch.store.protocol import Store
from linewatch.store.queries import narratives as narrative_q

MAX_STATEMENTS = 50_000
MIN_CLAIM_TERMS = 5
MAX_AGGLOMERATIVE = 6000
MIN_DISTINCT_WORDINGS = 2
TERM_RE = re.compile(r"[^\W\d_][\w'’-]{2,}", re.UNICODE)


@dataclass
class Claim:
    id: str
    content: str
    doc_id: str = ""
    date: str | None = None  # ISO
    speaker: str | None = None
    outlet: str | None = None
    language: str | None = None
    cue: str | None = None
    act: str | None = None  # the statement's verbal act (REJECT, ACCUSE...)
    stance: str | None = None
    target: str | None = None


@dataclass
class Candidate:
    id: str
    label: str
    terms: list[str]
    statement_ids: list[str]
    first_seen: str | None
    size: int
    representatives: list[dict[str, Any]] = field(default_factory=list)
    volume: dict[str, int] = field(default_factory=dict)  # week (Monday, ISO) -> statements
    outlets: dict[str, int] = field(default_factory=dict)
    actors: dict[str, int] = field(default_factory=dict)
    cohesion: float = 0.0


# ---------------------------------------------------------------------- clustering


def spherical_kmeans(x: np.ndarray, k: int, seed: int = 0, iters: int = 50) -> tuple[np.ndarray, np.ndarray]:
    """(labels, unit centroids) of k-means on unit vectors with cosine similarity, k-means++ start."""
    rng = np.random.default_rng(seed)
    n = len(x)
    centers = [x[int(rng.integers(n))]]
    for _ in range(1, k):
        sims = np.max(x @ np.array(centers).T, axis=1)
        dist = np.clip(1.0 - sims, 0.0, None) ** 2
        total = float(dist.sum())
        idx = int(rng.choice(n, p=dist / total)) if total > 0 else int(rng.integers(n))
        centers.append(x[idx])
    c = np.array(centers)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        new = np.argmax(x @ c.T, axis=1)
        if _ and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            members = x[labels == j]
            if len(members):
                v = members.sum(axis=0)
                c[j] = v / max(float(np.linalg.norm(v)), 1e-12)
    return labels, c


def _average_linkage(vecs: np.ndarray, min_similarity: float) -> tuple[np.ndarray, int]:
    """Average-linkage clusters whose members are on average at least `min_similarity` alike.

    Deterministic and good on the small sets discovery usually sees; k-means
    (seeded) takes over above MAX_AGGLOMERATIVE claims, where n^2 memory would hurt.
    """
    from scipy.cluster.hierarchy import (  # lazy: scipy is slow to import; only training/clustering needs it
        fcluster,
        linkage,
    )

    tree = linkage(vecs.astype(np.float64), method="average", metric="cosine")
    labels = fcluster(tree, t=1.0 - min_similarity, criterion="distance") - 1
    return labels.astype(np.int64), int(labels.max()) + 1


def cluster_claims(
    vecs: np.ndarray, seed: int = 0, min_size: int = 3, min_similarity: float = 0.85, k: int | None = None
) -> list[list[int]]:
    """Groups of claim indices, biggest first; members closer than `min_similarity` to their centre."""
    n = len(vecs)
    if n < min_size:
        return []
    if n <= MAX_AGGLOMERATIVE and k is None:
        labels, k = _average_linkage(vecs, min_similarity)
    else:
        k = k or max(1, min(n // min_size, int(round(1.5 * math.sqrt(n)))))
        labels, _ = spherical_kmeans(vecs, k, seed)
    groups: list[list[int]] = []
    for j in range(k):
        members = np.flatnonzero(labels == j)
        if len(members) < min_size:
            continue
        centre = vecs[members].sum(axis=0)
        centre /= max(float(np.linalg.norm(centre)), 1e-12)
        idx = [int(i) for i in members if float(vecs[i] @ centre) >= min_similarity]
        if len(idx) >= min_size:
            groups.append(idx)
    groups.sort(key=lambda g: (-len(g), g[0]))
    return groups


# ---------------------------------------------------------------------- describing a cluster


def _stopwords() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        words: set[str] = set()
        for lang in languages_with("stopwords"):
            words.update(str(w).lower() for w in lexicon(lang, "stopwords").get("words", []))
        _STOP = frozenset(words)
    return _STOP


_STOP: frozenset[str] | None = None


def terms_of(text: str) -> list[str]:
    """Content words of a text (lowercase, no function words of any supported language)."""
    stop = _stopwords()
    return [w for w in (t.lower().strip("'’-") for t in TERM_RE.findall(text)) if w not in stop]


def distinctive_terms(groups: Sequence[Sequence[str]], all_texts: Sequence[str], top: int = 8) -> list[list[str]]:
    """Per group, the terms most frequent in it and rare elsewhere (class-based TF-IDF)."""
    df: Counter = Counter()
    for t in all_texts:
        df.update(set(terms_of(t)))
    n = max(len(all_texts), 1)
    out = []
    for texts in groups:
        tf: Counter = Counter()
        for t in texts:
            tf.update(set(terms_of(t)))  # claims, not words: a term repeated in one claim counts once
        scored = [
            (c / len(texts) * math.log(1 + n / df[w]), w)
            for w, c in tf.items()
            if c >= 2 and df[w] < 0.5 * n and len(w) > 3
        ]
        scored.sort(key=lambda s: (-s[0], s[1]))
        out.append([w for _, w in scored[:top]])
    return out


def _week(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


def _representatives(members: Sequence[Claim], order: list[int], sims: np.ndarray, reps: int) -> list[dict[str, Any]]:
    """The claims nearest the centre, one per distinct wording (copies are amplification, not variety)."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for i in order:
        key = " ".join(terms_of(members[i].content))[:200]
        if key in seen:
            continue
        seen.add(key)
        c = members[i]
        out.append({"id": c.id, "content": c.content, "speaker": c.speaker, "date": c.date, "outlet": c.outlet,
                    "doc_id": c.doc_id, "similarity": round(float(sims[i]), 3)})
        if len(out) >= reps:
            break
    return out


def _position(c: Claim) -> str:
    """Which side a claim takes: it denies something, or it backs / attacks its target."""
    if denial_signals(c.content, c.language or "en", cue=c.cue, act=c.act):
        return "denies"
    if c.target and c.stance in ("support", "oppose"):
        return f"{c.stance}:{c.target}"
    return ""


def split_camps(claims: Sequence[Claim], idx: list[int], vecs: np.ndarray) -> list[list[int]]:
    """A cluster split into the camps it mixes: the claim and its rebuttal are not one narrative.

    "Belarus uses migrants as a weapon" (Stoltenberg) and "accusations against Minsk are absurd"
    (Lavrov) embed close together. Camps: claims that deny, claims that back a target, claims
    that attack the same target; a cluster with one camp stays whole. Claims of no camp
    (neutral, another target) join the camp whose centre they are nearest.
    """
    pos = [_position(claims[i]) for i in idx]
    targets_backed = {p.split(":", 1)[1] for p in pos if p.startswith("support:")}
    targets_attacked = {p.split(":", 1)[1] for p in pos if p.startswith("oppose:")}
    contested = targets_backed & targets_attacked

    def camp(p: str) -> str:
        if p == "denies":
            return p
        if ":" in p and p.split(":", 1)[1] in contested:
            return p
        return ""

    camps: dict[str, list[int]] = {}
    for i, p in zip(idx, pos):
        camps.setdefault(camp(p), []).append(i)
    sides = [k for k in camps if k]
    if not sides or (len(sides) == 1 and "" not in camps):
        return [idx]
    if len(sides) == 1:
        # one side against claims that take none: the side is a camp only when it denies
        if sides[0] != "denies":
            return [idx]
        sides.append("")
    centres = {}
    for k in sides:
        c = vecs[camps[k]].sum(axis=0)
        centres[k] = c / max(float(np.linalg.norm(c)), 1e-12)
    out: dict[str, list[int]] = {k: list(camps[k]) for k in sides if k}
    if "" in sides:  # "denies" against everyone else
        out[""] = list(camps.get("", []))
    else:
        for i in camps.get("", []):
            best = max((k for k in sides), key=lambda k: float(vecs[i] @ centres[k]))
            out[best].append(i)
    return [sorted(v) for v in out.values() if v]


def claim_sentence(text: str, limit: int = 200) -> str:
    """A claim as a one-line label: whole when short, else cut at a word boundary."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def describe(claims: Sequence[Claim], idx: list[int], vecs: np.ndarray, terms: list[str], reps: int = 5) -> Candidate:
    members = [claims[i] for i in idx]
    centre = vecs[idx].sum(axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-12)
    sims = vecs[idx] @ centre
    order = np.argsort(-sims).tolist()
    # the label is the claim nearest the centre, in a sentence (the terms stay beside it)
    label = claim_sentence(members[order[0]].content)
    volume: Counter = Counter(w for w in (_week(c.date) for c in members) if w)
    dates = sorted(c.date for c in members if c.date)
    ids = sorted(c.id for c in members)
    return Candidate(
        id=stable_id("candidate", *ids),
        label=label,
        terms=terms,
        statement_ids=ids,
        first_seen=dates[0] if dates else None,
        size=len(members),
        representatives=_representatives(members, order, sims, reps),
        volume=dict(sorted(volume.items())),
        outlets=dict(Counter(c.outlet for c in members if c.outlet).most_common()),
        actors=dict(Counter(c.speaker for c in members if c.speaker).most_common()),
        cohesion=round(float(sims.mean()), 4),
    )


def discover_claims(claims: Sequence[Claim], seed: int = 0, min_size: int = 3, min_similarity: float = 0.85, max_candidates: int = 30) -> list[Candidate]:
    """Candidate narratives among `claims` (pure function of its input and the seed)."""
    # a claim says something: names and titles alone ("Ministry of Defence") are not claims
    claims = [c for c in claims if c.content and len(terms_of(c.content)) >= MIN_CLAIM_TERMS][:MAX_STATEMENTS]
    claims.sort(key=lambda c: c.id)  # input order must not change the result
    if len(claims) < min_size:
        return []
    vecs = embed([c.content for c in claims], "query")
    groups = cluster_claims(vecs, seed=seed, min_size=min_size, min_similarity=min_similarity)
    groups = [camp for g in groups for camp in split_camps(claims, g, vecs) if len(camp) >= min_size]
    groups.sort(key=lambda g: (-len(g), g[0]))
    groups = groups[:max_candidates]
    term_lists = distinctive_terms([[claims[i].content for i in g] for g in groups], [c.content for c in claims])
    found = [describe(claims, g, vecs, terms) for g, terms in zip(groups, term_lists)]
    # one wording copied many times is a story being amplified, not a narrative of several voices
    return [c for c in found if len(c.representatives) >= MIN_DISTINCT_WORDINGS]


# ---------------------------------------------------------------------- the store


def unexplained_claims(store: Store, taxonomy: str | None = None, since: str | None = None, until: str | None = None) -> list[Claim]:
    """Statements with no narrative match (in `taxonomy`, when given)."""
    rows = narrative_q.unexplained_statements(store, taxonomy, since, until, MAX_STATEMENTS)
    return [Claim(id=r["id"], content=r["content"] or "", doc_id=r["doc_id"], date=r["date"], speaker=r["speaker"], outlet=r["outlet"],
                  language=r["language"], cue=r["cue"], act=r["plover"], stance=r["stance"], target=r["target"]) for r in rows]


def save_candidates(store: Store, candidates: Sequence[Candidate], run_id: str) -> None:
    """Store one run's candidates (replacing candidates with the same id)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = []
    for c in candidates:
        data = {k: v for k, v in asdict(c).items() if k in ("representatives", "volume", "outlets", "actors", "cohesion")}
        rows.append((c.id, run_id, c.label, json.dumps(c.terms, ensure_ascii=False), json.dumps(c.statement_ids),
                     c.first_seen, c.size, json.dumps(data, ensure_ascii=False), now))
    narrative_q.save_candidates(store, rows)


def load_candidate(store: Store, candidate_id: str) -> Candidate | None:
    r = narrative_q.candidate_row(store, candidate_id)
    if r is None:
        return None
    data = json.loads(r["data"] or "{}")
    return Candidate(
        id=r["id"], label=r["label"], terms=json.loads(r["terms"] or "[]"), statement_ids=json.loads(r["statement_ids"] or "[]"),
        first_seen=r["first_seen"], size=int(r["size"]), representatives=data.get("representatives", []),
        volume=data.get("volume", {}), outlets=data.get("outlets", {}), actors=data.get("actors", {}), cohesion=data.get("cohesion", 0.0),
    )


def discover(store: Store, taxonomy: str | None = None, seed: int = 0, min_size: int = 3, min_similarity: float = 0.85,
             since: str | None = None, until: str | None = None, save: bool = True) -> list[Candidate]:
    """Run discovery over the store and (by default) save the candidates under one run id."""
    claims = unexplained_claims(store, taxonomy, since, until)
    found = discover_claims(claims, seed=seed, min_size=min_size, min_similarity=min_similarity)
    if save and found:
        run_id = stable_id("discover-run", seed, taxonomy, since, until, *(c.id for c in found), length=12)
        save_candidates(store, found, run_id)
    return found
