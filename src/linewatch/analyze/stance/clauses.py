"""The clause of a sentence that holds a target, so that its stance is read from the words
about it and not from a hostile word in another clause ("Belarus found itself under
unjustified pressure from the West, the Kremlin said, after Lukashenko threatened to cut gas":
"threatened" says nothing of the Kremlin's stance toward Belarus).

Two ways, chosen by the language's data (`clause_dependencies` in `stance.yaml`):

* with a dependency parse (English): the clause is the subtree of the nearest clause head
  above the target (a token attached by one of `clause_dependencies`, or the root), less the
  subtrees of the other clause heads inside it; a complement clause ("said that ...", "did
  not see X breaching ...") is part of the clause of its verb, whose negation governs it;
* otherwise (Russian, Polish, where the parse is weaker or missing): the sentence is cut at
  semicolons, colons and dashes, and at a comma followed by a word that opens a clause
  (`clause_openers`: "что", "который", "после того как", "że", "który") or by a clause break
  ("но", "ale"); the target's segment is its clause.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from linewatch.analyze.stance.words import WORD_RE, PhraseSet, normalise_word, stance_words
from linewatch.model import Span
from linewatch.nlp.doc import Doc, Token, phrase_heads

# Punctuation that always ends a clause inside a sentence; a comma only does before an opener.
HARD_BREAK = re.compile(r"[;:]|\s[—–-]\s|\s[—–]|[—–]\s")
COMMA = re.compile(r",")
VERBAL = ("VERB", "AUX")  # a "conj" head heads a clause only when it is a predicate


@dataclass(frozen=True)
class Clause:
    """A stretch of text (lo, hi) and the spans inside it that belong to other clauses."""

    lo: int
    hi: int
    skip: tuple[Span, ...] = ()


def target_clause(doc: Doc, span: Span, window: Span) -> Clause:
    """The clause of `window` that holds the target at `span` (the whole window when no
    clause can be told)."""
    lex = stance_words(doc.lang)  # the pipeline runs on languages with a stance.yaml only
    if lex.clause_dependencies:
        found = _parse_clause(doc, span, window, lex.clause_dependencies)
        if found is not None:
            return found
    return _punctuation_clause(doc.text, span, window, lex.clause_openers, lex.clause_breaks)


def _is_clause_head(t: Token, deps: frozenset[str]) -> bool:
    return t.dep in deps and (t.dep != "conj" or t.pos in VERBAL)


def _parse_clause(doc: Doc, span: Span, window: Span, deps: frozenset[str]) -> Clause | None:
    toks = doc.tokens_in(window)
    if not toks or not any(t.dep for t in toks):
        return None
    by_i = {t.i: t for t in toks}
    inside = [t for t in toks if t.start < span[1] and span[0] < t.end]
    if not inside:
        return None
    # the target's own head: its first token whose head lies outside the target
    node = next(iter(phrase_heads(inside)), inside[0])
    while not _is_clause_head(node, deps) and node.head in by_i and node.head != node.i:
        node = by_i[node.head]
    kids: dict[int, list[Token]] = {}
    for t in toks:
        if t.head != t.i:
            kids.setdefault(t.head, []).append(t)

    def subtree(root: Token) -> list[Token]:
        out, stack = [], [root]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(kids.get(t.i, ()))
        return out

    members = subtree(node)
    target_ids = {t.i for t in inside}
    skip = []
    for t in members:
        if t is node or not _is_clause_head(t, deps):
            continue
        sub = subtree(t)
        if target_ids & {u.i for u in sub}:
            continue
        skip.append((min(u.start for u in sub), max(u.end for u in sub)))
    lo, hi = min(t.start for t in members), max(t.end for t in members)
    return Clause(lo, hi, tuple(sorted(skip)))


def _punctuation_clause(text: str, span: Span, window: Span, openers: PhraseSet, breaks: PhraseSet) -> Clause:
    lo, hi = window
    piece = text[lo:hi]
    cuts = [m.start() for m in HARD_BREAK.finditer(piece)]
    words = [(normalise_word(m.group()), m.start()) for m in WORD_RE.finditer(piece)]
    names = [w for w, _ in words]
    starts = [s for _, s in words]
    commas = [m.start() for m in COMMA.finditer(piece)]
    opened = []  # commas followed by a clause opener (a clause break opens one too)
    for c in commas:
        k = bisect.bisect_right(starts, c)  # the first word after the comma
        if k < len(words) and (openers.match_at(names, k) or breaks.match_at(names, k)):
            opened.append(c)
    cuts.extend(opened)
    # a clause break ("but", "но") ends a clause even without a comma; an opener ("that",
    # "что") also introduces objects and attributes, so it cuts only after a comma
    for k, (_, s) in enumerate(words):
        if k and breaks.match_at(names, k):
            cuts.append(s)
    cuts.sort()
    at, end = span[0] - lo, span[1] - lo
    before = [c for c in cuts if c < at]
    after = [c for c in cuts if c >= max(at, end)]
    start, stop = (max(before) if before else 0), (min(after) if after else len(piece))
    skip: tuple[Span, ...] = ()
    # "Minsk, which threatened to cut gas, is under pressure": a clause opened right after the
    # target and closed by a plain comma is embedded; the target's clause goes on after it
    if after and stop in opened and not piece[end:stop].strip():
        close = next((c for c in commas if c > stop), None)
        if close is not None and close not in opened and not any(stop < c <= close for c in cuts if c != stop):
            later = [c for c in cuts if c > close]
            skip = ((lo + stop, lo + close),)
            stop = min(later) if later else len(piece)
    return Clause(lo + start, lo + stop, skip)
