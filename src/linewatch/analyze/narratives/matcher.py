"""Claim-level narrative matching: which narratives of a taxonomy does a short claim carry?

Evidence, combined into one score per (claim, narrative) and kept for the
"matched because..." explanation:

- semantic: cosine similarity (multilingual e5, so a Russian or Polish claim
  meets an English description) to the narrative's examples, description and
  label; the nearest example is reported;
- contrast: how far that similarity stands above the claim's typical
  similarity to all narratives (e5 puts every pair of news sentences fairly
  close; what matters is the one that stands out);
- lexical: cue words/stems from the taxonomy (`cues: {en: [...], ru: [...]}`)
  found in the claim.

Thresholds were calibrated on the hand-labelled statements of the seed and its
development set (see tests/test_narratives_seed.py and the report).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from linewatch.analyze.narratives.taxonomy import Narrative, Taxonomy
from linewatch.nlp.embed import embed
from linewatch.nlp.langid import detect

MAX_CLAIM_CHARS = 1000
MIN_CLAIM_WORDS = 3  # shorter claims are neither embedded nor matched
WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@dataclass
class MatchParams:
    min_similarity: float = 0.86  # absolute floor of the nearest-text cosine
    min_contrast: float = 0.045  # nearest-text cosine minus the claim's mean over narratives
    cue_bonus: float = 0.02  # per cue word hit (at most two count)
    label_penalty: float = 0.02  # short labels resemble any claim on the topic: count them less
    cross_lingual: float = 0.02  # e5 scores a translation lower than a paraphrase: added across languages
    max_per_claim: int = 2
    rel_to_best: float = 0.98  # a second narrative must score close to the best
    # A document whose static vector stays this far from the taxonomy's topic is not matched
    # at all (nlp/static.py TopicGate; 0 matches every document): e5 embedding is the cost.
    min_topic: float = 0.2


@dataclass
class Hit:
    narrative_id: str
    score: float  # 0..1, monotone in the evidence
    explanation: dict[str, Any] = field(default_factory=dict)


def _cue_patterns(n: Narrative) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for lang, cues in n.cues.items():
        out[lang] = [(c, re.compile(r"(?<!\w)" + re.escape(c.lower()), re.UNICODE)) for c in cues if c.strip()]
    return out


class NarrativeMatcher:
    """Matches claims against one taxonomy; narrative texts are embedded once (and cached on disk)."""

    def __init__(self, taxonomy: Taxonomy, params: MatchParams | None = None) -> None:
        self.taxonomy = taxonomy
        self.params = params or MatchParams()
        self.narratives = list(taxonomy.narratives)
        self._texts: list[str] = []
        self._owner: list[int] = []
        self._kind: list[str] = []  # example / description / label
        for k, n in enumerate(self.narratives):
            for kind, items in (("label", [n.label]), ("description", [n.description]), ("example", n.examples)):
                for t in items:
                    if t:
                        self._texts.append(t)
                        self._owner.append(k)
                        self._kind.append(kind)
        self._vecs = embed(self._texts, "query") if self._texts else np.zeros((0, 384), dtype=np.float32)
        self._langs = np.array([detect(t) for t in self._texts])
        self._is_label = np.array([k == "label" for k in self._kind], dtype=np.float32)
        self._cues = [_cue_patterns(n) for n in self.narratives]

    def _cue_hits(self, k: int, text: str, lang: str) -> list[str]:
        low = text.lower()
        pats = self._cues[k].get(lang, []) + self._cues[k].get("*", [])
        return [c for c, p in pats if p.search(low)]

    def match(self, claims: list[str], lang: str = "en") -> list[list[Hit]]:
        """For each claim, the narratives it carries (best first), possibly none."""
        if not claims or not self.narratives:
            return [[] for _ in claims]
        # pre-filter: embedding is the whole cost of matching, and a claim of one or two words
        # ("Nonsense.", "No comment") is too short to carry a narrative; it is not embedded
        worth = [len(WORD_RE.findall(c[:MAX_CLAIM_CHARS])) >= MIN_CLAIM_WORDS for c in claims]
        vecs = embed([c[:MAX_CLAIM_CHARS] if w else "" for c, w in zip(claims, worth)], "query")
        sims = vecs @ self._vecs.T  # claims x narrative texts
        sims = sims + self.params.cross_lingual * (self._langs != lang)[None, :] - self.params.label_penalty * self._is_label[None, :]
        n_narr = len(self.narratives)
        p = self.params
        out: list[list[Hit]] = []
        for ci, claim in enumerate(claims):
            if not worth[ci]:
                out.append([])
                continue
            row = sims[ci]
            best = np.full(n_narr, -1.0)
            best_idx = np.zeros(n_narr, dtype=np.int64)
            for j, k in enumerate(self._owner):
                if row[j] > best[k]:
                    best[k], best_idx[k] = row[j], j
            total = float(best.sum())
            scored: list[tuple[float, int, list[str]]] = []
            for k in range(n_narr):
                # the claim's typical similarity to the *other* narratives (independent of their number)
                typical = (total - float(best[k])) / (n_narr - 1) if n_narr > 1 else 0.0
                cues = self._cue_hits(k, claim, lang)
                value = float(best[k]) + p.cue_bonus * min(len(cues), 2)
                if value < p.min_similarity or value - typical < p.min_contrast:
                    continue
                scored.append((value, k, cues, typical))
            scored.sort(reverse=True)
            hits: list[Hit] = []
            for value, k, cues, typical in scored[: p.max_per_claim]:
                if hits and value < p.rel_to_best * scored[0][0]:
                    break
                j = int(best_idx[k])
                hits.append(
                    Hit(
                        narrative_id=self.narratives[k].id,
                        score=round(self._calibrate(value, typical), 4),
                        explanation={
                            "method": "embedding+cues",
                            "nearest": self._texts[j],
                            "nearest_kind": self._kind[j],
                            "nearest_lang": str(self._langs[j]),
                            "similarity": round(float(best[k]), 4),
                            "contrast": round(float(best[k]) - typical, 4),
                            "cues": cues,
                        },
                    )
                )
            out.append(hits)
        return out

    def _calibrate(self, value: float, typical: float) -> float:
        """Map the evidence to 0..1: 0.5 at the thresholds, rising with the contrast."""
        p = self.params
        margin = min(value - p.min_similarity, value - typical - p.min_contrast)
        return float(1.0 / (1.0 + np.exp(-margin * 60.0)))
