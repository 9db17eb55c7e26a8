"""The Doc that flows through the pipeline.

A Doc wraps one Document and collects what each component adds: sentences,
tokens/parse (kept opaque in `annotations`), actor and date mentions, then
statements, events, narratives and stances. Components read what earlier ones
left and add their own layer; none of them changes `text`, so every offset
anywhere in linewatch indexes the same string.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from linewatch.model import Document, Event, Mention, NarrativeMatch, Span, StanceMention, Statement


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the paragraph (blank-line separated block) it is in


@dataclass
class Token:
    """A token with its dependency parse, language-neutral (filled from spaCy or natasha)."""

    i: int  # index in the document's token list
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""  # Universal POS
    dep: str = ""  # Universal dependency relation
    head: int = -1  # index of the head token; -1 = root
    sent: int = 0  # sentence index
    ent: str = ""  # NER label if inside an entity (PER, ORG, LOC, GPE, ...)
    morph: str = ""


def phrase_heads(tokens: Sequence[Token]) -> list[Token]:
    """The tokens of a phrase whose head lies outside it, in text order: the words that attach
    the phrase to the rest of the sentence (its head word first, for a well-formed phrase)."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head not in inside]


def break_head_cycles(tokens: list[Token]) -> None:
    """Make the parse a forest: a token whose chain of heads comes back to itself becomes a root.

    natasha's syntax model picks each token's head on its own, with no tree constraint, and now and
    then returns a token as its own head or a loop of two or more ("Общественная служба новостей —
    ОСН" in a dateline); every walk up the heads assumes it ends at a root."""
    by_i = {t.i: t for t in tokens}
    state: dict[int, int] = {}  # 1: on the current path, 2: known to reach a root
    for tok in tokens:
        path: list[Token] = []
        cur: Token | None = tok
        while cur is not None and state.get(cur.i) is None:
            state[cur.i] = 1
            path.append(cur)
            nxt = by_i.get(cur.head) if cur.head >= 0 else None
            if nxt is not None and state.get(nxt.i) == 1:
                cur.head = -1  # the loop closes here: this token becomes its clause's root
                nxt = None
            cur = nxt
        for t in path:
            state[t.i] = 2


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: date | None  # resolved date (None when it cannot be resolved)
    kind: str = "explicit"  # explicit / weekday / relative / same_day / range
    confidence: float = 1.0


@dataclass
class Doc:
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    narratives: list[NarrativeMatch] = field(default_factory=list)  # document-level
    stances: list[StanceMention] = field(default_factory=list)
    # Opaque per-component data (e.g. the spaCy Doc under "spacy"); never persisted.
    annotations: dict[str, Any] = field(default_factory=dict)
    # Options of this run (taxonomy path, forced date...), set by the caller.
    options: dict[str, Any] = field(default_factory=dict)
    # Component name -> seconds, for benchmarks and `--verbose`.
    timings: dict[str, float] = field(default_factory=dict)
    # The day read from the URL or the text when the document has no date (`extract.dates.infer_date`),
    # and how ("url" / "text"): titles then resolve on it, with less confidence. `document.published`
    # stays as the source gave it.
    inferred_date: date | None = None
    date_inferred_from: str | None = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def lang(self) -> str:
        return self.document.language or "en"

    @property
    def date(self) -> date | None:
        """The publication date, else the one inferred from the URL or text (`inferred_date`)."""
        return self.document.published or self.inferred_date

    @property
    def date_is_inferred(self) -> bool:
        return self.document.published is None and self.inferred_date is not None

    # ------------------------------------------------------------------ lookups

    def sentence_index_at(self, offset: int) -> int:
        """Index of the sentence containing `offset` (the nearest before it otherwise)."""
        key = (id(self.sentences), len(self.sentences))
        cached = self.annotations.get("_sentence_starts")
        if cached is None or cached[0] != key:  # rebuilt per call, it made dates per statement quadratic
            cached = (key, [s.start for s in self.sentences])
            self.annotations["_sentence_starts"] = cached
        starts = cached[1]
        i = bisect.bisect_right(starts, offset) - 1
        return max(0, min(i, len(self.sentences) - 1))

    def sentence_at(self, offset: int) -> Sentence | None:
        if not self.sentences:
            return None
        return self.sentences[self.sentence_index_at(offset)]

    def mentions_starting(self, span: Span) -> list[Mention]:
        """Mentions that start inside `span` (they may end after it), in text order; bisected on
        the starts, as `tokens_in`: speaker resolution asks this for every statement."""
        key = (id(self.mentions), len(self.mentions))
        cached = self.annotations.get("_mention_starts")
        if cached is None or cached[0] != key:
            ordered = sorted(self.mentions, key=lambda m: (m.start, m.end))
            cached = (key, ordered, [m.start for m in ordered])
            self.annotations["_mention_starts"] = cached
        _, ordered, starts = cached
        return ordered[bisect.bisect_left(starts, span[0]) : bisect.bisect_left(starts, span[1])]

    def tokens_in(self, span: Span) -> list[Token]:
        # bisected on the token starts (tokens are in text order): a scan of every token per call
        # made the statements stage quadratic on a long document
        key = (id(self.tokens), len(self.tokens))
        cached = self.annotations.get("_token_starts")
        if cached is None or cached[0] != key:
            cached = (key, [t.start for t in self.tokens])
            self.annotations["_token_starts"] = cached
        starts = cached[1]
        i, j = bisect.bisect_left(starts, span[0]), bisect.bisect_right(starts, span[1])
        return [t for t in self.tokens[i:j] if t.end <= span[1]]
