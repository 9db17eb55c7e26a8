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

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from linewatch.analyze.stance.words import StanceWords, longest_match, stance_words, words_with_spans
from linewatch.model import Span, StanceLabel

# Score beyond which a stance is called support (>= +) or oppose (<= -).
THRESHOLD = 0.35
NEGATION_REACH = 6  # words before a cue in which a negator flips it (same clause only)
PATIENT_REACH = 3  # words between a negative cue and "on/for/against <target>"
UNDERGO_REACH = 4  # words from "under" to its blame word ("under unprecedented and unjustified pressure")
UNDERGO_GAP = 8  # words from the target to "under" ("Belarus and its president have found themselves under")
DEMAND_WEIGHT = 0.8
REJECTION_WEIGHT = 0.6  # "called X's statement absurd" opposes X; "claims that X did it are absurd" backs X
MAX_TEXT = 20_000  # characters scored around a target; longer texts are cut to a window
# Words either side of a target whose cues vote: a vote this far away weighs under 0.06, and
# a bound keeps a sentence of thousands of words linear (each target reads its neighbourhood).
CUE_REACH = 150


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
    rejected: bool = False  # a rejection word later in the same clause dismisses it ("accusations ... are absurd")
    negated: bool = False  # a negator shortly before it, in the same clause


@dataclass
class _Scanned:
    """A window of text read once: word offsets, cues and markers (word indices)."""

    starts: list[int]  # text offset of each word
    ends: list[int]
    cues: list[_Cue]
    negators: set[int]
    patients: set[int]
    undergoes: set[int]
    clause: list[int]  # per word: how many clause breaks come at or before it
    cue_starts: list[int]
    blame_rejected: bool  # some blame word of the window is dismissed by a rejection after it
    facts: frozenset[int] = frozenset()  # starts of negative cues that name a fact (`report_facts`)


def _scan(words: list[str], lex: StanceWords) -> tuple[list[_Cue], set[int], set[int], set[int], set[int]]:
    """Cues, negator, patient-marker, undergo-marker and clause-break positions."""
    cues: list[_Cue] = []
    negators: set[int] = set()
    patients: set[int] = set()
    undergoes: set[int] = set()
    breaks: set[int] = set()
    negator_set, patient_set, break_set, own_set = lex.negators, lex.patient_markers, lex.clause_breaks, lex.self_obligation
    cue_sets = [(kind, getattr(lex, kind)) for kind in ("rejection", "demand", "negative", "positive")]
    i = 0
    while i < len(words):
        if not lex.may_start(words[i]):  # no list has a pattern starting with this word
            i += 1
            continue
        if negator_set.match_at(words, i):
            negators.add(i)
        if patient_set.match_at(words, i):
            patients.add(i)
        if lex.undergo_markers.match_at(words, i):
            undergoes.add(i)
        if break_set.match_at(words, i):
            breaks.add(i)
        own_duty = own_set.match_at(words, i)
        if own_duty:  # "we must": the speaker's side obliges itself, it demands nothing of the target
            i += own_duty
            continue
        best_len, best_kind = longest_match(words, i, cue_sets)
        if best_len:
            cues.append(_Cue(i, i + best_len, best_kind))
            i += best_len
            continue
        i += 1
    return cues, negators, patients, undergoes, breaks


@lru_cache(maxsize=32)
def _scanned(text: str, lo: int, hi: int, lang: str) -> _Scanned:
    """Scan text[lo:hi] once; statements and mentions of one sentence share the result."""
    spans = words_with_spans(text[lo:hi])
    words = [w for w, _, _ in spans]
    lex = stance_words(lang)
    cues, negators, patients, undergoes, breaks = _scan(words, lex)
    clause, count = [], 0
    for k in range(len(words)):
        count += k in breaks
        clause.append(count)
    ordered = sorted(breaks)
    rejections = [c.start for c in cues if c.kind == "rejection"]  # in order
    for cue in cues:
        r = bisect.bisect_right(rejections, cue.start)
        b = bisect.bisect_right(ordered, cue.start)
        # the nearest rejection after the cue comes before any clause break after it
        cue.rejected = r < len(rejections) and (b == len(ordered) or ordered[b] > rejections[r])
        cue.negated = any(
            k in negators and clause[k] == clause[cue.start]  # no clause break in (k, cue]
            for k in range(max(0, cue.start - NEGATION_REACH), cue.start)
        )
    return _Scanned(
        starts=[s + lo for _, s, _ in spans], ends=[e + lo for _, _, e in spans], cues=cues,
        negators=negators, patients=patients, undergoes=undergoes, clause=clause, cue_starts=[c.start for c in cues],
        blame_rejected=any(c.rejected for c in cues if c.kind == "negative"),
        facts=frozenset(c.start for c in cues if c.kind == "negative" and lex.report_facts.match_at(words, c.start)),
    )


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
    skip: tuple[Span, ...] = (),
) -> StanceScore:
    """Score the stance of `text` (optionally only `window` of it) toward the target at `target_span`.

    `own_side`: the target is the holder itself or its own side; people rarely
    oppose themselves, so blame words then mean a threat to it (neutral).
    `skip`: spans inside the window whose cues do not vote (other clauses, `clauses.py`).
    """
    lo, hi = window if window else (0, len(text))
    if hi - lo > MAX_TEXT:  # keep a bounded window around the target
        centre = target_span[0] if target_span else lo
        lo, hi = max(lo, centre - MAX_TEXT // 2), min(hi, centre + MAX_TEXT // 2)
    # One scan per window, shared by every target in it: scoring each target is then
    # linear in the cues of the window, not in its text (hostile one-sentence pages).
    sc = _scanned(text, lo, hi, lang)
    cues, clause = sc.cues, sc.clause

    t_first = t_last = None
    if target_span:
        k = bisect.bisect_right(sc.ends, target_span[0])  # first word ending after the target starts
        if k < len(sc.starts) and sc.starts[k] < target_span[1]:
            t_first = k
            t_last = bisect.bisect_left(sc.starts, target_span[1]) - 1

    if t_first is not None:
        cues = cues[bisect.bisect_left(sc.cue_starts, t_first - CUE_REACH) : bisect.bisect_right(sc.cue_starts, t_last + CUE_REACH)]
    total = 0.0
    votes: list[tuple[str, float]] = []
    for cue in cues:
        if t_first is not None and cue.start <= t_last and cue.end > t_first:
            continue  # the cue is the target itself
        if skip and any(s <= sc.starts[cue.start] < e for s, e in skip):
            continue
        if cue.kind == "rejection" and sc.blame_rejected:
            continue  # it turns the blame before it around (below) instead of voting
        vote = {"negative": -1.0, "positive": 1.0, "demand": -DEMAND_WEIGHT, "rejection": -REJECTION_WEIGHT}[cue.kind]
        if cue.kind == "rejection" and t_last is not None and cue.start > t_last:
            vote = REJECTION_WEIGHT  # the target is inside the claim dismissed ("claims that X did it are absurd")
        patient = False
        reach = None  # words from the target to what ties the cue to it, when not the cue itself
        if t_first is not None and cue.kind in ("negative", "rejection") and cue.end <= t_first:
            gap = range(cue.end, t_first)
            # "pressure on X", "a heavy burden for X": the target undergoes the act
            patient = len(gap) <= PATIENT_REACH and any(k in sc.patients for k in gap)
        elif t_last is not None and cue.kind == "negative" and cue.start > t_last:
            # "X found itself under pressure from Y", "X fell victim to": the target before the
            # cue undergoes it (same clause); Y after the cue is who does it
            lead = range(max(t_last + 1, cue.start - UNDERGO_REACH), cue.start)
            marker = next((k for k in lead if k in sc.undergoes and k - t_last - 1 <= UNDERGO_GAP), None)
            patient = clause[cue.start] == clause[t_first] and marker is not None
            # "X found itself under unprecedented and unjustified pressure": the marker ties the
            # blame word to X, however many adjectives stand between them
            reach = marker if patient else None
        if patient:
            vote = 0.0 if own_side else 0.8  # an act done to oneself is reported, not supported
        elif cue.negated:
            vote = -vote * 0.8
        elif cue.kind == "negative" and cue.rejected:
            vote = 0.8  # "accusations against X are groundless"
        if t_first is not None and t_last is not None:
            at = reach if reach is not None else cue.start
            distance = at - t_last if cue.start > t_last else t_first - cue.end + 1
            crosses = clause[cue.start] != clause[t_first]
            weight = 1.0 / (1.0 + max(0, distance - 1) / 8.0) * (0.4 if crosses else 1.0)
        else:
            weight = 1.0
        total += vote * weight
        s, e = sc.starts[cue.start], sc.ends[cue.end - 1]
        votes.append((text[s:e], round(vote * weight, 3)))
    if own_side and total < 0:
        total = 0.0
    return StanceScore(_label(total), _confidence(total), round(total, 3), votes)


def cue_counts(text: str, window: Span, span: Span, lang: str) -> tuple[dict[str, int], bool]:
    """How many cues of each kind `span` holds, and whether it holds a negator; read off the
    (cached) scan of `window`, the one `score_toward` makes for the statement. "fact" counts
    the negative cues that name what happened ("sanctions", "illegally"; `report_facts`)."""
    lo, hi = window
    if hi - lo > MAX_TEXT:
        lo, hi = max(lo, span[0] - MAX_TEXT // 2), min(hi, span[0] + MAX_TEXT // 2)
    sc = _scanned(text, lo, hi, lang)
    counts = {"negative": 0, "positive": 0, "demand": 0, "rejection": 0, "fact": 0}
    for cue in sc.cues:
        # a negated blame word ("did not violate", "no aggression") blames nobody
        if span[0] <= sc.starts[cue.start] < span[1] and not (cue.kind == "negative" and cue.negated):
            counts[cue.kind] += 1
            counts["fact"] += cue.start in sc.facts
    return counts, any(span[0] <= sc.starts[k] < span[1] for k in sc.negators)


def hostile_act_on(text: str, target_span: Span, lang: str, reach: int = 60) -> bool:
    """Whether a blame word is done *to* the target just before it: "insulted X", "actions
    against X", "attacks on X's border" (at most PATIENT_REACH words between, no negator)."""
    lo = max(0, target_span[0] - reach)
    spans = words_with_spans(text[lo : target_span[0]])
    words = [w for w, _, _ in spans]
    lex = stance_words(lang)
    cues, negators, patients, _undergoes, breaks = _scan(words, lex)
    for cue in cues:
        if cue.kind != "negative" or len(words) - cue.end > PATIENT_REACH:
            continue
        if any(k in negators for k in range(cue.start - NEGATION_REACH, cue.start)):
            continue
        if not any(b > cue.start for b in breaks):
            return True
    return False


def blame_marked_on(text: str, target_span: Span, lang: str, reach: int = 60) -> bool:
    """A blame word and a patient marker right before the target: "an attack on X", "нападение
    на X", "agresja przeciwko X" (the act is done to X; "accusations by X" is not)."""
    words = [w for w, _, _ in words_with_spans(text[max(0, target_span[0] - reach) : target_span[0]])]
    if len(words) < 2:
        return False
    lex = stance_words(lang)
    cues = _scan(words, lex)[0]
    return any(c.kind == "negative" and lex.patient_markers.match_at(words, c.end) == len(words) - c.end
               for c in cues if c.end < len(words))


def _phrase_positions(words: list[str], phrases) -> list[int]:
    """Word indices where one of `phrases` (a PhraseSet) starts."""
    return [k for k in range(len(words)) if phrases.match_at(words, k)]


def cue_kind(text: str, span: Span | None, lang: str) -> str:
    """What a reporting cue ("accused", "warned", "praised") says of whom it is aimed at:
    "hostile" (a blame, demand or warning word), "positive" (praise, backing), "report" (a plain
    report: "informed", "announced", "confirmed") or "none".
    A negator in the cue ("did not criticise") makes it "none"."""
    if not span or span[1] <= span[0]:
        return "none"
    words = [w for w, _, _ in words_with_spans(text[span[0] : min(span[1], span[0] + 200)])]
    lex = stance_words(lang)
    if _phrase_positions(words, lex.negators):
        return "none"
    for kind, sets in (("hostile", (lex.negative, lex.demand, lex.hostile_cues)), ("positive", (lex.positive,)),
                       ("report", (lex.report_cues,))):
        if any(_phrase_positions(words, s) for s in sets):
            return kind
    return "none"


def is_denial_cue(text: str, span: Span | None, lang: str) -> bool:
    """The reporting cue denies something ("denied", "опроверг", "zaprzeczył"; `denial_cues`),
    and is not itself negated ("did not deny")."""
    if not span or span[1] <= span[0]:
        return False
    words = [w for w, _, _ in words_with_spans(text[span[0] : min(span[1], span[0] + 200)])]
    lex = stance_words(lang)
    return not _phrase_positions(words, lex.negators) and bool(_phrase_positions(words, lex.denial_cues))


def exoneration_at(text: str, span: Span, lang: str) -> int | None:
    """Offset of the first denial of involvement or guilt in `span` ("had nothing to do with
    it", "Minsk is not behind this"), or None."""
    found = words_with_spans(text[span[0] : min(span[1], span[0] + MAX_TEXT)])
    hits = _phrase_positions([w for w, _, _ in found], stance_words(lang).exoneration)
    return span[0] + found[hits[0]][1] if hits else None


def exonerates(text: str, span: Span, lang: str) -> bool:
    """Whether the text denies someone's involvement or guilt: said of one's own side or an
    ally, that defends it."""
    return exoneration_at(text, span, lang) is not None
