"""Stance of a text toward one target mention: support / oppose / neutral.

A lexicon scorer, the same for every language (words from
`data/lang/<lang>/stance.yaml`). Each cue word near the target votes:

* negative words (blame, aggression, failure) count against the target,
  positive words (praise, backing, alliance) for it, demands addressed to it
  against it ("called on the EU to take responsibility");
* a negator just before a cue flips it ("did not see Minsk breaching...");
* a negative act done *to* the target ("pressure on X", "a burden for X")
  expresses sympathy, not blame;
* a rejection word ("groundless", "absurd") turns the blame before it in its
  clause around; alone, it opposes the one whose claim it dismisses (named
  after it) and backs the one the dismissed claim is about (named before it);
* votes fade with distance and across clause breaks ("but", "however").

Why rules and not a trained model: the labelled data we may use (NewsMTSC,
RuOpinionNE) is news sentiment in one language each, while linewatch must
work the same way on English, Russian and Polish official statements; a
lexicon in data files can be read, corrected and extended by an analyst.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from linewatch.analyze.stance.words import StanceWords, stance_words, words_with_spans
from linewatch.model import Span, StanceLabel

# Score beyond which a stance is called support (>= +) or oppose (<= -).
THRESHOLD = 0.35
NEGATION_REACH = 6  # words before a cue in which a negator flips it (same clause only)
PATIENT_REACH = 3  # words between a negative cue and "on/for/against <target>"
DEMAND_WEIGHT = 0.8
REJECTION_WEIGHT = 0.6  # "called X's statement absurd" opposes X; "claims that X did it are absurd" backs X
MAX_TEXT = 20_000  # characters scored around a target; longer texts are cut to a window


@dataclass
class StanceScore:
    label: StanceLabel
    confidence: float
    score: float
    cues: list[tuple[str, float]] = field(default_factory=list)  # (cue as written, vote)


@dataclass
class _Cue:
    start: int  # word index
    end: int  # word index (exclusive)
    kind: str  # negative / positive / demand / rejection


def _scan(words: list[str], lex: StanceWords) -> tuple[list[_Cue], set[int], set[int], set[int]]:
    """Cues, negator positions, patient-marker positions and clause-break positions."""
    cues: list[_Cue] = []
    negators: set[int] = set()
    patients: set[int] = set()
    breaks: set[int] = set()
    i = 0
    while i < len(words):
        if lex.negators.match_at(words, i):
            negators.add(i)
        if lex.patient_markers.match_at(words, i):
            patients.add(i)
        if lex.clause_breaks.match_at(words, i):
            breaks.add(i)
        own_duty = lex.self_obligation.match_at(words, i)
        if own_duty:  # "we must": the speaker's side obliges itself, it demands nothing of the target
            i += own_duty
            continue
        best_len, best_kind = 0, ""
        for kind in ("rejection", "demand", "negative", "positive"):
            n = getattr(lex, kind).match_at(words, i)
            if n > best_len:
                best_len, best_kind = n, kind
        if best_len:
            cues.append(_Cue(i, i + best_len, best_kind))
            i += best_len
            continue
        i += 1
    return cues, negators, patients, breaks


def _label(score: float) -> StanceLabel:
    if score >= THRESHOLD:
        return "support"
    if score <= -THRESHOLD:
        return "oppose"
    return "neutral"


def _confidence(score: float) -> float:
    if abs(score) >= THRESHOLD:
        return round(min(0.95, 0.55 + abs(score) / 4), 3)
    # neutral: surest when no cue at all was seen
    return round(max(0.35, 0.6 - abs(score) / 2), 3)


def score_toward(
    text: str,
    target_span: Span | None,
    lang: str,
    *,
    own_side: bool = False,
    window: Span | None = None,
) -> StanceScore:
    """Score the stance of `text` (optionally only `window` of it) toward the target at `target_span`.

    `own_side`: the target is the holder itself or its own side; people rarely
    oppose themselves, so blame words then mean a threat to it (neutral).
    """
    lo, hi = window if window else (0, len(text))
    if hi - lo > MAX_TEXT:  # keep a bounded window around the target
        centre = target_span[0] if target_span else lo
        lo, hi = max(lo, centre - MAX_TEXT // 2), min(hi, centre + MAX_TEXT // 2)
    spans = [(w, s, e) for w, s, e in words_with_spans(text[lo:hi])]
    words = [w for w, _, _ in spans]
    offsets = [(s + lo, e + lo) for _, s, e in spans]
    lex = stance_words(lang)
    cues, negators, patients, breaks = _scan(words, lex)

    target_idx = []
    if target_span:
        target_idx = [k for k, (s, e) in enumerate(offsets) if s < target_span[1] and e > target_span[0]]
    t_first = target_idx[0] if target_idx else None
    t_last = target_idx[-1] if target_idx else None
    target_set = set(target_idx)
    rejections = [c.start for c in cues if c.kind == "rejection"]

    def rejected(cue: _Cue) -> bool:
        """A rejection word later in the same clause dismisses this blame ("accusations ... are absurd")."""
        return any(r > cue.start and not any(cue.start < b <= r for b in breaks) for r in rejections)


    total = 0.0
    votes: list[tuple[str, float]] = []
    negatives = [c for c in cues if c.kind == "negative"]
    for cue in cues:
        if target_set & set(range(cue.start, cue.end)):
            continue
        if cue.kind == "rejection" and any(rejected(n) for n in negatives):
            continue  # it turns the blame before it around (below) instead of voting
        vote = {"negative": -1.0, "positive": 1.0, "demand": -DEMAND_WEIGHT, "rejection": -REJECTION_WEIGHT}[cue.kind]
        if cue.kind == "rejection" and t_last is not None and cue.start > t_last:
            vote = REJECTION_WEIGHT  # the target is inside the claim dismissed ("claims that X did it are absurd")
        negated = any(
            k in negators and not any(k < b <= cue.start for b in breaks)
            for k in range(cue.start - NEGATION_REACH, cue.start)
        )
        patient = False
        if t_first is not None and cue.kind in ("negative", "rejection") and cue.end <= t_first:
            gap = range(cue.end, t_first)
            # "pressure on X", "a heavy burden for X": the target undergoes the act
            patient = len(gap) <= PATIENT_REACH and any(k in patients for k in gap)
        if patient:
            vote = 0.0 if own_side else 0.8  # an act done to oneself is reported, not supported
        elif negated:
            vote = -vote * 0.8
        elif cue.kind == "negative" and rejected(cue):
            vote = 0.8  # "accusations against X are groundless"
        if t_first is not None and t_last is not None:
            distance = cue.start - t_last if cue.start > t_last else t_first - cue.end + 1
            lo_i, hi_i = sorted((cue.start, t_first))
            crosses = any(lo_i < b <= hi_i for b in breaks)
            weight = 1.0 / (1.0 + max(0, distance - 1) / 8.0) * (0.4 if crosses else 1.0)
        else:
            weight = 1.0
        total += vote * weight
        s, e = offsets[cue.start][0], offsets[cue.end - 1][1]
        votes.append((text[s:e], round(vote * weight, 3)))
    if own_side and total < 0:
        total = 0.0
    return StanceScore(_label(total), _confidence(total), round(total, 3), votes)


def hostile_act_on(text: str, target_span: Span, lang: str, reach: int = 60) -> bool:
    """Whether a blame word is done *to* the target just before it: "insulted X", "actions
    against X", "attacks on X's border" (at most PATIENT_REACH words between, no negator)."""
    lo = max(0, target_span[0] - reach)
    spans = words_with_spans(text[lo : target_span[0]])
    words = [w for w, _, _ in spans]
    lex = stance_words(lang)
    cues, negators, patients, breaks = _scan(words, lex)
    for cue in cues:
        if cue.kind != "negative" or len(words) - cue.end > PATIENT_REACH:
            continue
        if any(k in negators for k in range(cue.start - NEGATION_REACH, cue.start)):
            continue
        if not any(b > cue.start for b in breaks):
            return True
    return False


def stance_toward(
    text: str, target_span: Span | None, lang: str, holder: str | None = None, *, use_model: bool = True
) -> tuple[StanceLabel, float]:
    """(label, confidence) of the stance expressed in `text` toward the target at `target_span`.

    Uses the language's learnt model (`stance_model.py`) when one is shipped
    (and `use_model`), else the lexicon scorer. `holder`: who holds the stance (None = the
    author); when the target is the holder itself, blame words are read as a
    threat to it, not as opposition.
    """
    from linewatch.analyze.stance.model import load_model

    text = text[:MAX_TEXT]
    own = False
    if holder and target_span:
        target_text = text[target_span[0] : target_span[1]].strip().lower()
        own = bool(target_text) and (target_text in holder.lower() or holder.lower() in target_text)
    model = load_model(lang) if use_model else None
    if model is not None:
        label, confidence = model.predict(text, target_span, lang)
        if own and label == "oppose":
            return "neutral", 0.5
        return label, confidence
    result = score_toward(text, target_span, lang, own_side=own)
    return result.label, result.confidence
