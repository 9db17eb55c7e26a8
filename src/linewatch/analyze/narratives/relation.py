"""How a statement stands to a narrative it matches: it promotes it, reports it, or rebuts it.

Embeddings put "Poland provokes escalation" and "NATO rejects claims that Poland
provokes escalation" side by side: both are about the same thing. Only the first
one carries the narrative; counting the second as a carrier would make NATO a
voice of the operation it answers. So every statement-level match gets a relation:

- rebuts: the statement calls false what the narrative asserts. Evidence: a deny
  cue ("rejected", "отверг", "zaprzeczył"), deny words in the content ("groundless",
  "фейк", "kłamstwo"), the REJECT verbal act, or a negated claim from a speaker who
  does not oppose its target ("Poland is not provoking anyone"); and the narrative's
  own wording (its nearest example) does not deny anything itself. A narrative that is
  a denial ("Russia has nothing to do with it") is promoted by a denial and rebutted
  by a statement that dismisses the denial ("rejected Moscow's claims that it is not
  involved": a deny signal *and* a negation).
- reports: the content relays or doubts someone else's claim ("allegedly",
  "so-called", "according to", "якобы", "rzekomo") without the speaker making it.
- promotes: everything else; the speaker asserts it.

The words are per language in `data/lang/<lang>/narrative_relation.yaml`. Only
promoters count as carriers (trends, briefing, scenario indicators).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from linewatch.actors.registry import form_regex
from linewatch.lexicon import lexicon
from linewatch.model import Relation


@dataclass(frozen=True)
class _Words:
    deny_cues: re.Pattern[str] | None
    deny_words: re.Pattern[str] | None
    negators: re.Pattern[str] | None
    distance: re.Pattern[str] | None
    glued_negators: re.Pattern[str] | None  # a negator written onto its verb ("isn't")


@dataclass
class RelationVerdict:
    relation: Relation
    evidence: list[str] = field(default_factory=list)  # what decided it, for the explanation


def _compile(forms: list[str]) -> re.Pattern[str] | None:
    forms = [str(f) for f in forms if str(f).strip()]
    if not forms:
        return None
    return re.compile("|".join(form_regex(f) for f in sorted(forms, key=len, reverse=True)), re.IGNORECASE)


@cache
def _words(lang: str) -> _Words:
    data = lexicon(lang, "narrative_relation")
    glued = [re.escape(str(e)) for e in data.get("glued_negator_endings") or [] if str(e).strip()]
    return _Words(*(_compile(list(data.get(key) or [])) for key in ("deny_cues", "deny_words", "negators", "distance")),
                  glued_negators=re.compile(rf"\w+(?:{'|'.join(glued)})\b", re.IGNORECASE) if glued else None)


def _found(pattern: re.Pattern[str] | None, text: str) -> list[str]:
    return [m.group(0) for m in pattern.finditer(text)] if pattern is not None and text else []


def _negated(words: _Words, text: str) -> list[str]:
    # a clitic negator is glued to its verb ("isn't"): the whole-word pattern misses it
    return _found(words.negators, text) + _found(words.glued_negators, text)


def _denies(words: _Words, text: str) -> list[str]:
    return _found(words.deny_words, text)


def denial_signals(content: str, lang: str, *, cue: str | None = None, act: str | None = None) -> list[str]:
    """Why a statement calls something false: deny cue, deny words, or (alone) the REJECT act."""
    words = _words(lang)
    signals = [f"cue: {c}" for c in _found(words.deny_cues, cue or "")] + [f"denies: {w}" for w in _denies(words, content)]
    if act == "REJECT" and not signals and not _negated(words, content):
        signals.append("act: REJECT")  # "will not mediate" is a refusal, not a denial of a claim
    return signals


def is_denial(text: str, lang: str) -> bool:
    """Whether a text (a narrative's example or description) denies something itself."""
    words = _words(lang)
    return bool(_denies(words, text) or _negated(words, text))


def explicit_denial(content: str, lang: str, cue: str | None = None) -> list[str]:
    """A denial said in so many words: a deny cue, or words that call a claim false or deny a part in it.

    A bare "not" is no such thing: "the statements were not agreed with Moscow" or "no
    signs that Russia is changing" embed close to "Russia has nothing to do with it" but
    do not carry it.
    """
    words = _words(lang)
    return _found(words.deny_cues, cue or "") + _denies(words, content)


def classify_relation(
    content: str,
    lang: str,
    *,
    cue: str | None = None,
    act: str | None = None,
    stance: str | None = None,
    narrative_text: str = "",
    narrative_lang: str | None = None,
) -> RelationVerdict:
    """The relation of a statement (its content, cue, verbal act, stance) to a narrative.

    `narrative_text` is the narrative's wording the statement came nearest to (an
    example or the description), in `narrative_lang`: whether the narrative itself is a
    denial decides which way a denial in the statement points.
    """
    words = _words(lang)
    nwords = _words(narrative_lang or lang)
    negation = _negated(words, content)
    narrative_denies = is_denial(narrative_text, narrative_lang or lang)
    signals = denial_signals(content, lang, cue=cue, act=act)
    if narrative_denies:
        # a denial narrative: the statement rebuts it only by dismissing the denial itself
        # ("dismissed Moscow's claims that it is not involved"); its own denial words promote it
        deny_cue = _found(words.deny_cues, cue or "")
        if deny_cue and negation:
            return RelationVerdict("rebuts", [f"cue: {deny_cue[0]}", f"negation: {negation[0]}", "narrative is a denial"])
    else:
        if signals:
            return RelationVerdict("rebuts", signals)
        if negation and stance != "oppose":
            # "Poland is not provoking anyone": negated, and no hostility to the one it is about
            return RelationVerdict("rebuts", [f"negation: {negation[0]}", f"stance: {stance or 'neutral'}"])
    distance = _found(words.distance, content)
    if distance and not _found(nwords.distance, narrative_text):
        return RelationVerdict("reports", [f"distance: {distance[0]}"])
    return RelationVerdict("promotes", [])
