"""Component `mentions`: actor mentions from the registry, plus NER entities.

Registry mentions (names in any case, titles resolved on the document date,
bodies, states, demonyms) come first; entities the parser found (`Token.ent`)
that no registry mention covers are added as unresolved `ner` mentions, so
later stages can still quote an unknown speaker by what the text calls them.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import cache

from linewatch.actors.registry import ActorRegistry, get_registry
from linewatch.extract.dates import infer_date
from linewatch.lexicon import lexicon
from linewatch.nlp.doc import Doc, Mention, Token
from linewatch.nlp.names import name_nominative
from linewatch.nlp.pipeline import component

VERSION = "0.1"


def entity_label(ent: str) -> str:
    """The entity type of an IOB label ("B-PER" -> "PER")."""
    return ent.split("-", 1)[-1] if ent[:2] in ("B-", "I-") else ent


def ner_mentions(doc: Doc) -> list[Mention]:
    """Entity spans from the parse: consecutive tokens of one label in one sentence
    (IOB labels such as "B-PER"/"I-PER" are understood; a "B-" starts a new entity)."""
    out: list[Mention] = []
    cur: list[Token] = []

    def close() -> None:
        if cur:
            a, b = cur[0].start, cur[-1].end
            out.append(Mention(a, b, doc.text[a:b], None, "ner", entity_label(cur[0].ent), 0.6))
            cur.clear()

    for tok in doc.tokens:
        if not tok.ent:
            close()
            continue
        if cur and (
            entity_label(tok.ent) != entity_label(cur[-1].ent)
            or tok.ent.startswith("B-")
            or tok.sent != cur[-1].sent
            or tok.i != cur[-1].i + 1
        ):
            close()
        cur.append(tok)
    close()
    return out


def doc_mentions(doc: Doc, registry: ActorRegistry) -> list[Mention]:
    found = registry.find_mentions(doc.text, doc.lang, doc.date)
    actor_ends = {m.end for m in found if m.actor_id}
    found = [m for m in found if not _in_media_name(doc, m, actor_ends)]
    # An entity is kept unless it overlaps a registry mention (or an entity kept before it). Registry
    # mentions are bisected by start with the running maximum of their ends: comparing every entity
    # with every mention was quadratic on a long document.
    ordered = sorted(found, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    max_end = list(itertools.accumulate((m.end for m in ordered), max))
    kept: list[Mention] = []
    kept_end = -1
    for ent in ner_mentions(doc):
        k = bisect.bisect_left(starts, ent.end)  # registry mentions starting before the entity ends
        if k and max_end[k - 1] > ent.start:
            continue
        if ent.start < kept_end and any(ent.start < m.end and ent.end > m.start for m in kept):
            continue
        kept.append(ent)
        kept_end = max(kept_end, ent.end)
    # registry names written in full, by their last word: what a lone surname the tagger finds may be
    by_surname: dict[str, list[Mention]] = {}
    for m in ordered:
        if m.actor_id and m.kind == "name" and len(m.text.split()) >= 2:
            by_surname.setdefault(m.text.split()[-1].casefold(), []).append(m)
    return sorted(found + [_surname_of_named(doc, ent, by_surname) for ent in kept], key=lambda m: (m.start, -m.end))


def _surname_of_named(doc: Doc, ent: Mention, by_surname: dict[str, list[Mention]]) -> Mention:
    """A lone surname the tagger found ("После встречи Моравецкий заявил"), given the registry id of
    the person the document named in full before it ("Матеуш Моравецкий"; `by_surname`: the full
    names by their last word, in text order); any other entity unchanged."""
    words = ent.text.split()
    if len(words) != 1 or ent.label not in ("PER", ""):
        return ent
    forms = {words[0].casefold()} | {w.casefold() for w in name_nominative((words[0],), doc.lang) if w}
    earlier = [m for form in forms for m in by_surname.get(form, ()) if m.end <= ent.start]
    if not earlier:
        return ent
    named = max(earlier, key=lambda m: m.start)
    return Mention(ent.start, ent.end, ent.text, named.actor_id, "name", named.label, 0.8)


_NEXT_WORD = re.compile(r"[ \u00a0]+(\w+)")


def _in_media_name(doc: Doc, m: Mention, actor_ends: set[int] = frozenset()) -> bool:
    """Is a place's name the start of a medium's ("The Washington Post", "Kyiv Independent", "The
    Moscow Times": speakers.yaml `media_name_words` right after it), or the end of one glued to an
    acronym the registry does not know ("РБК-Украина"; `actor_ends`: where registry mentions end)? It
    names no state there."""
    if m.kind not in ("state", "demonym"):
        return False
    if (glued := _WORD_AND_HYPHEN_BEFORE.search(doc.text, max(0, m.start - 12), m.start)) is not None \
            and glued.group(1).isupper() and glued.end() - 1 not in actor_ends:
        return True  # "РБК-Украина": an outlet's acronym glued to the country it covers (not "US-Russia talks")
    nxt = _NEXT_WORD.match(doc.text, m.end)
    return nxt is not None and nxt.group(1) in _media_name_words(doc.lang)


_WORD_AND_HYPHEN_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]{2,6})-$")  # "РБК-": an acronym when in capitals


@cache
def _media_name_words(lang: str) -> frozenset[str]:
    return frozenset(str(w) for w in lexicon(lang, "speakers").get("media_name_words") or [])


@component("mentions", version=VERSION)
def make_mentions(**config: object):
    """Actor mentions: registry names, titles, bodies and states, plus NER entities."""

    def mentions(doc: Doc) -> Doc:
        registry = doc.options.get("registry") or get_registry()
        infer_date(doc)  # a document without a date: titles name whoever held the office on the inferred day
        doc.mentions = doc_mentions(doc, registry)
        return doc

    return mentions
