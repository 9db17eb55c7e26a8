"""Amplification: the same story pushed by several outlets or channels.

Three kinds of copies are grouped, each with a method that scales:

* exact copies: the hash of the normalised text (case, punctuation, spacing
  and Unicode forms ignored);
* near-duplicates (light rewrites, added bylines, cut paragraphs): MinHash
  signatures of word 3-shingles, banded LSH to find candidate pairs, then the
  estimated Jaccard similarity checked against a threshold. Work grows about
  linearly with the number of documents;
* translated copies (en/ru/pl): multilingual embeddings (`linewatch.nlp.embed`)
  of each document's lead (title + first sentences), compared only between
  documents in different languages published within a few days of each other;
  a candidate must have a similar length, the same figures, and sentences
  that align one to one (separate reports of one event share the topic, not
  the sentences), and the two must be each other's best match;
* Telegram forwards: a document whose `meta["forwarded_from"]` names another
  document (by id) is linked to it.

Groups are connected components of these links; the origin is the earliest
published member. `unique_story_counts` counts narratives or statements both
as articles and as unique stories, so copy-paste does not inflate trends.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from linewatch.model import as_date, stable_id
from linewatch.nlp.embed import embed
from linewatch.store.protocol import Store
from linewatch.store.queries import stories as story_q

EXTRACTOR = "amplification"
VERSION = "0.1"

SHINGLE = 3  # words per shingle
NUM_PERM = 96
BANDS = 32  # NUM_PERM = BANDS * ROWS; with 3 rows a pair at Jaccard 0.4 is a candidate 88% of the time
ROWS = NUM_PERM // BANDS
NEAR_THRESHOLD = 0.4  # estimated Jaccard of 3-shingles for a near-duplicate
MAX_WORDS = 3000  # words of a document used for its signature
MAX_BUCKET = 200  # an LSH bucket larger than this is boilerplate; only its first members are compared
TRANSLATION_THRESHOLD = 0.84  # cosine of lead embeddings (multilingual-e5-small): a cheap first filter
# Sentence alignment of a candidate pair (mean best-match cosine of their first sentences, both ways).
# Translations scored 0.87-0.93 on the generated corpus and the demo corpus; separate reports of
# the same event (same topic, other words) up to 0.866.
ALIGN_THRESHOLD = 0.87
ALIGN_SENTENCES = 8
TRANSLATION_WINDOW_DAYS = 3
LEAD_CHARS = 400

_WORD = re.compile(r"\w+", re.UNICODE)
_rng = np.random.default_rng(20211110)  # fixed: signatures are the same in every run
_MASKS = _rng.integers(1, 2**63 - 1, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_MULTS = (_rng.integers(1, 2**62, size=NUM_PERM, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1))
_SHINGLE_MULTS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))  # odd 64-bit constants


@dataclass
class AmpDoc:
    """What amplification needs to know of a document."""

    id: str
    text: str
    title: str | None = None
    language: str | None = None
    published: date | None = None
    outlet: str | None = None
    forwarded_from: str | None = None
    # Other places the identical text ran: the store keeps one copy of a text and lists the rest
    # (outlet, url, published) in meta["sightings"]; each is an exact copy of this document.
    sightings: tuple[dict[str, Any], ...] = ()


@dataclass
class Member:
    doc_id: str
    relation: str  # origin / exact / near / translated / forward
    similarity: float
    outlet: str | None = None
    language: str | None = None
    published: date | None = None


@dataclass
class StoryGroup:
    members: list[Member]
    label: str = ""
    sightings: list[dict[str, Any]] = field(default_factory=list)  # exact copies kept as sightings

    @property
    def size(self) -> int:
        """Articles in the story: member documents plus the exact copies seen elsewhere."""
        return len(self.members) + len(self.sightings)

    @property
    def origin(self) -> str:
        return self.members[0].doc_id

    @property
    def id(self) -> str:
        return stable_id("story", self.origin)

    @property
    def first_seen(self) -> date | None:
        return self.members[0].published

    def outlets(self) -> set[str]:
        return {m.outlet for m in self.members if m.outlet} | {s["outlet"] for s in self.sightings if s.get("outlet")}

    def relation_counts(self) -> Counter:
        counts = Counter(m.relation for m in self.members)
        if self.sightings:
            counts["exact"] += len(self.sightings)
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "origin": self.origin, "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "size": self.size, "label": self.label, "sightings": list(self.sightings),
            "members": [{"doc_id": m.doc_id, "relation": m.relation, "similarity": round(m.similarity, 3),
                         "outlet": m.outlet, "language": m.language,
                         "published": m.published.isoformat() if m.published else None} for m in self.members],
        }


# --------------------------------------------------------------------------- text normalisation


def normalised_words(text: str) -> list[str]:
    """Words of the text, case-folded and Unicode-normalised (punctuation and spacing dropped)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())[:MAX_WORDS]


def _stable_hash(text: str) -> int:
    """64-bit hash of a string that is the same in every process (Python's `hash()` of a
    str changes with PYTHONHASHSEED, which made near-duplicate links drift between runs)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


_word_hash = lru_cache(maxsize=1 << 18)(_stable_hash)  # words repeat: hash each once


def exact_key(words: Sequence[str]) -> int:
    return _stable_hash(" ".join(words))


def _shingle_hashes(words: Sequence[str]) -> np.ndarray:
    """Stable 64-bit hashes of the word 3-shingles, combined from per-word hashes in numpy."""
    if len(words) < SHINGLE:
        return np.array([_stable_hash(" ".join(words))], dtype=np.uint64)
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    # a polynomial in the three word hashes, modulo 2**64: word order matters
    return h[:-2] * _SHINGLE_MULTS[0] + h[1:-1] * _SHINGLE_MULTS[1] + h[2:]


def signatures(word_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """MinHash signatures (one row of NUM_PERM uint64 per document) of the word 3-shingles.

    All documents' shingle hashes go into one array and each permutation is a
    vectorised pass with a per-document minimum (`np.minimum.reduceat`), so the
    cost is a few numpy passes over the corpus, not a Python loop per document.
    """
    assert SHINGLE == 3, "_shingle_hashes builds 3-word shingles"
    parts = [_shingle_hashes(w) for w in word_lists]
    starts = np.zeros(len(parts), dtype=np.int64)
    if len(parts) > 1:
        starts[1:] = np.cumsum([len(p) for p in parts[:-1]])
    x = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    sig = np.empty((len(parts), NUM_PERM), dtype=np.uint64)
    for k in range(NUM_PERM):
        # (x xor mask) * odd multiplier, modulo 2**64: one cheap hash function per permutation
        sig[:, k] = np.minimum.reduceat((x ^ _MASKS[k]) * _MULTS[k], starts)
    return sig


def minhash(words: Sequence[str]) -> np.ndarray:
    """MinHash signature of one document (see `signatures`)."""
    return signatures([words])[0]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# --------------------------------------------------------------------------- detection


def _near_pairs(sigs: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """Pairs whose estimated Jaccard reaches `threshold`, found through LSH buckets."""
    n = sigs.shape[0]
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int, float]] = []
    for b in range(BANDS):
        band = np.ascontiguousarray(sigs[:, b * ROWS : (b + 1) * ROWS])
        keys = band.view(np.dtype((np.void, band.dtype.itemsize * ROWS))).ravel()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        # runs of equal keys are the buckets; only runs of two or more are looked at
        breaks = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        run_starts = np.concatenate(([0], breaks))
        run_ends = np.concatenate((breaks, [n]))
        for lo, hi in zip(run_starts[run_ends - run_starts > 1].tolist(), run_ends[run_ends - run_starts > 1].tolist()):
            run = np.sort(order[lo:hi])[:MAX_BUCKET]
            for i_pos in range(len(run)):
                i = int(run[i_pos])
                for j in run[i_pos + 1 :].tolist():
                    if (i, j) in seen:
                        continue
                    seen.add((i, j))
                    sim = float(np.mean(sigs[i] == sigs[j]))
                    if sim >= threshold:
                        out.append((i, j, sim))
    return out


def _lead(doc: AmpDoc) -> str:
    body = " ".join(doc.text.split())[:LEAD_CHARS]
    return f"{doc.title}. {body}" if doc.title else body


_NUMBER = re.compile(r"\d(?:[\d.,\u00a0 ]*\d)?")
LENGTH_RATIO = 1.7  # a translation is at most this much longer or shorter than its original


def _numbers(text: str) -> set[str]:
    """The numbers of a text, separators dropped ("60,000" and "60 000" agree)."""
    return {re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(text[:20_000])}


def _looks_translated(a: AmpDoc, b: AmpDoc) -> bool:
    """Cheap checks that two similar texts are one text translated, not two reports of one event:
    similar length, and the same figures where both give figures."""
    la, lb = len(a.text.strip()), len(b.text.strip())
    if min(la, lb) == 0 or max(la, lb) / min(la, lb) > LENGTH_RATIO:
        return False
    na, nb = _numbers(a.text), _numbers(b.text)
    if na and nb:
        return len(na & nb) / len(na | nb) >= 0.5
    return len(na | nb) <= 1  # figures in one text only: at most one (the other may spell it out)


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _sentences(text: str) -> list[str]:
    """The first sentences of a text (a rough split is enough to compare two texts)."""
    parts = (p.strip() for p in _SENTENCE_END.split(" ".join(text[:6000].split())))
    return [p for p in parts if len(p) > 20][:ALIGN_SENTENCES]


def _alignment(va: np.ndarray, vb: np.ndarray) -> float:
    """How well two texts' sentences match one to one (mean best-match cosine, both ways)."""
    if len(va) == 0 or len(vb) == 0:
        return 0.0
    sims = va @ vb.T
    return float((sims.max(axis=1).mean() + sims.max(axis=0).mean()) / 2)


def _translation_pairs(
    docs: list[AmpDoc], embed_fn: Callable[[list[str]], np.ndarray], threshold: float, window_days: int
) -> list[tuple[int, int, float]]:
    """Mutual best matches across languages within the date window, above the cosine threshold."""
    langs = {d.language for d in docs if d.language}
    if len(langs) < 2:
        return []
    vecs = embed_fn([_lead(d) for d in docs])
    days = np.array([d.published.toordinal() if d.published else -1 for d in docs])
    lang_arr = np.array([d.language or "" for d in docs])
    best: dict[tuple[int, str], tuple[int, float]] = {}  # (doc, other language) -> (best doc, alignment)
    sentence_vecs: dict[int, np.ndarray] = {}

    def vectors(k: int) -> np.ndarray:
        if k not in sentence_vecs:
            sents = _sentences(docs[k].text)
            sentence_vecs[k] = embed_fn(sents) if sents else np.zeros((0, vecs.shape[1]), dtype=np.float32)
        return sentence_vecs[k]

    order = np.argsort(days, kind="stable")
    sorted_days = days[order]
    # sweep over date-sorted docs: each doc is compared with the docs of the following window
    for pos, i in enumerate(order.tolist()):
        if days[i] < 0:
            cand = np.flatnonzero(lang_arr != lang_arr[i])  # undated: compare with all other languages
        else:
            hi = int(np.searchsorted(sorted_days, days[i] + window_days, side="right"))
            cand = order[pos + 1 : hi]
            cand = cand[lang_arr[cand] != lang_arr[i]]
        if len(cand) == 0:
            continue
        sims = vecs[cand] @ vecs[i]
        for j, s in zip(cand.tolist(), sims.tolist()):
            if s < threshold or not _looks_translated(docs[i], docs[j]):
                continue
            aligned = _alignment(vectors(i), vectors(j))
            if aligned < ALIGN_THRESHOLD:
                continue
            for a, b in ((i, j), (j, i)):
                key = (a, str(lang_arr[b]))
                if key not in best or aligned > best[key][1]:
                    best[key] = (b, aligned)
    pairs = []
    for (a, _lang), (b, s) in best.items():
        back = best.get((b, str(lang_arr[a])))
        if back and back[0] == a and a < b:
            pairs.append((a, b, s))
    return pairs


def _default_embed(texts: list[str]) -> np.ndarray:
    return embed(texts, kind="passage")


def find_story_groups(
    docs: Iterable[AmpDoc],
    *,
    near_threshold: float = NEAR_THRESHOLD,
    translations: bool = True,
    translation_threshold: float = TRANSLATION_THRESHOLD,
    window_days: int = TRANSLATION_WINDOW_DAYS,
    embed_fn: Callable[[list[str]], np.ndarray] | None = None,
) -> list[StoryGroup]:
    """Groups (size >= 2) of documents carrying the same story, largest first."""
    docs = list(docs)
    n = len(docs)
    if n < 2:
        return [_make_group(docs, [i], [0] * n, {}) for i in range(n) if docs[i].sightings]
    uf = _UnionFind(n)
    words = [normalised_words(d.text) for d in docs]
    keys = [exact_key(w) for w in words]
    first_with_key: dict[int, int] = {}
    for i, k in enumerate(keys):
        if not words[i]:
            continue
        if k in first_with_key:
            uf.union(first_with_key[k], i)
        else:
            first_with_key[k] = i
    # near-duplicates: one signature per distinct text
    reps = sorted(first_with_key.values())
    sim_to: dict[int, float] = {}  # doc -> strongest near/translation link

    def link(a: int, b: int, sim: float) -> None:
        uf.union(a, b)
        for k in (a, b):
            sim_to[k] = max(sim_to.get(k, 0.0), sim)

    if len(reps) > 1:
        sigs = signatures([words[i] for i in reps])
        for a, b, s in _near_pairs(sigs, near_threshold):
            link(reps[a], reps[b], s)
    if translations:
        for a, b, s in _translation_pairs(docs, embed_fn or _default_embed, translation_threshold, window_days):
            link(a, b, s)
    by_id = {d.id: i for i, d in enumerate(docs)}
    for i, d in enumerate(docs):
        if d.forwarded_from and d.forwarded_from in by_id:
            uf.union(i, by_id[d.forwarded_from])
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        components[uf.find(i)].append(i)
    groups = [
        _make_group(docs, idx, keys, sim_to)
        for idx in components.values()
        if len(idx) > 1 or any(docs[i].sightings for i in idx)
    ]
    groups.sort(key=lambda g: (-g.size, g.first_seen or date.max, g.origin))
    return groups


def _make_group(docs: list[AmpDoc], idx: list[int], keys: list[int], sim_to: dict[int, float]) -> StoryGroup:
    """A group with its timeline; `sim_to[i]` is the strongest link that brought doc i in."""
    idx = sorted(idx, key=lambda i: (docs[i].published or date.max, docs[i].forwarded_from is not None, docs[i].id))
    origin = idx[0]
    members = []
    for i in idx:
        d = docs[i]
        if i == origin:
            relation, sim = "origin", 1.0
        elif d.forwarded_from:
            relation, sim = "forward", 1.0
        elif keys[i] == keys[origin]:
            relation, sim = "exact", 1.0
        elif d.language and docs[origin].language and d.language != docs[origin].language:
            relation, sim = "translated", sim_to.get(i, 0.0)
        else:
            relation, sim = "near", sim_to.get(i, 0.0)
        members.append(Member(d.id, relation, sim, d.outlet, d.language, d.published))
    label = (docs[origin].title or " ".join(docs[origin].text.split())[:80]).strip()[:120]
    sightings = [dict(x) for i in idx for x in docs[i].sightings]
    return StoryGroup(members, label, sightings)


# --------------------------------------------------------------------------- store


_as_date = as_date


def load_documents(store: Store) -> list[AmpDoc]:
    rows = story_q.documents_for_grouping(store)
    docs = []
    for r in rows:
        try:
            meta = json.loads(r.get("meta") or "{}")
        except (TypeError, ValueError):
            meta = {}
        meta = meta if isinstance(meta, dict) else {}
        fwd = meta.get("forwarded_from")
        seen = tuple(x for x in meta.get("sightings") or () if isinstance(x, dict))
        docs.append(AmpDoc(r["id"], r["text"] or "", r.get("title"), r.get("language"), _as_date(r.get("published")),
                           r.get("outlet"), str(fwd) if fwd else None, seen))
    return docs


def save_groups(store: Store, groups: list[StoryGroup]) -> None:
    """Replace the stored story groups with these (one transaction: never half-written)."""
    story_q.replace_story_groups(
        store,
        [(g.id, g.origin, g.first_seen.isoformat() if g.first_seen else None, g.size, g.label) for g in groups],
        [(g.id, m.doc_id, m.relation, float(m.similarity)) for g in groups for m in g.members],
    )


def detect_in_store(store: Store, *, write: bool = True, translations: bool = True) -> list[StoryGroup]:
    """Find story groups among the stored documents (and save them unless write=False)."""
    groups = find_story_groups(load_documents(store), translations=translations)
    if write:
        save_groups(store, groups)
    return groups


def story_of(store: Store) -> dict[str, str]:
    """doc_id -> story group id, for documents in a group."""
    return story_q.story_of(store)


def count_unique(
    pairs: Iterable[tuple[str, str]], story: dict[str, str], copies: dict[str, int] | None = None
) -> dict[str, dict[str, int]]:
    """{key: {"articles": n, "stories": m}} from (key, doc_id) pairs; copies of one story count once.

    `copies[doc_id]` is how many further places ran that document's identical text (its sightings):
    they are articles too, but never new stories.
    """
    copies = copies or {}
    articles: dict[str, set[str]] = defaultdict(set)
    stories: dict[str, set[str]] = defaultdict(set)
    for key, doc_id in pairs:
        articles[key].add(doc_id)
        stories[key].add(story.get(doc_id, doc_id))
    return {
        k: {"articles": len(articles[k]) + sum(copies.get(d, 0) for d in articles[k]), "stories": len(stories[k])}
        for k in articles
    }


def sighting_counts(store: Store) -> dict[str, int]:
    """doc_id -> number of exact copies seen elsewhere (meta["sightings"])."""
    out: dict[str, int] = {}
    for r in story_q.documents_with_sightings(store):
        try:
            seen = json.loads(r["meta"] or "{}").get("sightings") or []
        except (TypeError, ValueError, AttributeError):
            continue
        if isinstance(seen, list) and seen:
            out[r["id"]] = len(seen)
    return out


def unique_story_counts(store: Store, kind: str = "narratives") -> dict[str, dict[str, int]]:
    """Counts per narrative (kind="narratives") or per speaker (kind="statements"), as articles and stories."""
    if kind == "narratives":
        rows = story_q.narrative_documents(store)
    elif kind == "statements":
        rows = story_q.speaker_documents(store)
    else:
        raise ValueError(f"kind must be narratives or statements, not {kind!r}")
    return count_unique(((r["k"], r["doc_id"]) for r in rows), story_of(store), sighting_counts(store))
