"""Component `prescan` (opt-in): which sentences can hold a statement or an event at all.

A cheap look at each sentence, before the dependency parse, for anything the statement and
event finders start from, all read from the per-language data files:

- a quotation mark, a colon or a dash (quotes, `Name: claim` headlines, signed quotes);
- a cue of `cues.yaml`: speech, belief, relay, statement-noun, object and infinitive cues,
  an according-to phrase, a that-word (`that`, `что`, `że`: a verb with a clause someone
  holds), an attitude verb, noun or adjective (matched on the word's start, as the
  lexicon lists lemmas);
- an event trigger of `events.yaml`.

The sentences it keeps go to the parser; the others get rule tokens only (`parse` reads
`doc.annotations["parse_sentences"]`). Not in the default pipeline: it trades recall for
speed (README, Speed), so a workspace opts in with
`components = ["segment", "prescan", "parse", ...]` in linewatch.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from linewatch.extract.attribution.base import LONG_DASHES, QUOTE_MARKS
from linewatch.extract.attribution.cues import cue_table
from linewatch.extract.events import find_triggers
from linewatch.lexicon import lexicon
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import component
from linewatch.nlp.words import WORD

VERSION = "0.1"

_MARKS = frozenset("".join(QUOTE_MARKS) + ":'") | LONG_DASHES
_ATTITUDE_KEYS = ("voicing", "holding", "adjectives", "nouns", "object_control")
MIN_STEM = 4  # an attitude lemma is matched on its first len-1 letters, never fewer than this


@dataclass(frozen=True)
class ScanLexicon:
    cues: tuple[re.Pattern[str], ...]  # whole-word patterns (lower case)
    words: frozenset[str]  # whole words
    stems: tuple[str, ...]  # word starts (attitude lemmas)
    according: re.Pattern[str] | None


@cache
def scan_lexicon(lang: str) -> ScanLexicon:
    table = cue_table(lang)
    cues = tuple(p for p in (table.speech, table.belief, table.relay, table.nouns, table.object_cues,
                             table.infinitive_cues) if p is not None)
    attitude = lexicon(lang, "cues").get("attitude") or {}
    lemmas = {str(w).lower() for key in _ATTITUDE_KEYS for w in attitude.get(key) or []}
    stems = tuple(sorted({w[:max(MIN_STEM, len(w) - 1)] for w in lemmas}))
    return ScanLexicon(cues=cues, words=table.that, stems=stems, according=table.according)


def may_hold_statement_or_event(text: str, lang: str) -> bool:
    """Can this sentence hold a statement or an event (by its words and marks alone)?"""
    if any(c in _MARKS for c in text) or " - " in text:
        return True
    lex = scan_lexicon(lang)
    if lex.according is not None and lex.according.search(text):
        return True
    for w in WORD.findall(text):
        low = w.lower()
        if low in lex.words or any(p.fullmatch(low) for p in lex.cues) or low.startswith(lex.stems):
            return True
    return bool(find_triggers(text, lang))


@component("prescan", version=VERSION, requires=("segment",))
def make_prescan(**config: object):
    """Sentences worth parsing: cues, quotes, event triggers (opt-in; the rest get rule tokens)."""

    def prescan(doc: Doc) -> Doc:
        doc.annotations["parse_sentences"] = frozenset(
            i for i, s in enumerate(doc.sentences) if may_hold_statement_or_event(s.text, doc.lang))
        return doc

    return prescan
