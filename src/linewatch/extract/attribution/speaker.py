"""Who is speaking: from the words next to a cue to a canonical actor.

A speaker phrase ("Russia's Minister of Foreign Affairs, Sergei Lavrov", "he",
"the Kremlin spokesman", "szef MON Mariusz Błaszczak") is resolved in this
order:

1. an actor mention found by the registry inside the phrase (names in any
   case or spelling, titles on the statement's date);
2. a personal pronoun or an anaphoric noun ("the minister", "представитель
   Кремля" when the registry does not know it) -> the latest earlier speaker of
   a compatible gender in the document;
3. otherwise the phrase itself, as the text says it (unknown speaker kept).

The registry is optional: when `linewatch.actors.registry` is missing or
fails, names are kept as written.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from linewatch.lexicon import lexicon
from linewatch.nlp.doc import Doc, Mention

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass
class Speaker:
    name: str | None  # canonical name, or the text's own words
    actor_id: str | None
    span: tuple[int, int] | None  # the mention used (may be a pronoun)
    mention: str | None
    gender: str | None = None  # m / f / p when known
    resolved_by: str = "name"  # name / registry / pronoun / anaphor / text / previous
    confidence: float = 0.8


@cache
def pronoun_table(lang: str) -> dict[str, str]:
    """Pronoun -> gender, including possessive forms ("по ее мнению" -> f)."""
    data = lexicon(lang, "pronouns")
    table = {str(k).lower(): str(v) for k, v in (data.get("possessive") or {}).items()}
    table.update({str(k).lower(): str(v) for k, v in (data.get("pronouns") or {}).items()})
    return table


@cache
def anaphor_words(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon(lang, "pronouns").get("anaphors") or [])


def _phrase_heads(doc: Doc, a: int, b: int, words: list[str]) -> set[str]:
    """The head word of a speaker phrase: from the parse when there is one, else its first/last word."""
    toks = doc.tokens_in((a, b)) if doc.tokens and doc.tokens[0].dep else []
    if toks:
        inside = {t.i for t in toks}
        roots = [t.text.lower() for t in toks if t.head not in inside and t.text[:1].isalnum()]
        if roots:
            return set(roots[:1])
    return {words[0], words[-1]} if words else set()


@cache
def determiners(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon(lang, "pronouns").get("determiners") or [])


def is_anaphor(word: str, lang: str) -> bool:
    """Is the word (in any case form: "дипломата", "ministra") a title noun like "the minister"?"""
    word = word.lower()
    if word in anaphor_words(lang):
        return True
    suffixes = lexicon(lang, "pronouns").get("anaphor_suffixes") or []
    if any(word == a + str(suf) for a in anaphor_words(lang) for suf in suffixes):
        return True
    # a stem change before the ending: "rzeczniczka" -> "rzeczniczki", "представительница" -> "представительницы"
    return any(len(a) >= 6 and a[-1] in "aаяeьй" and word[:len(a) - 1] == a[:-1] and len(word) - len(a) <= 2
               for a in anaphor_words(lang) if suffixes)


def registry_for(doc: Doc) -> Any | None:
    """The run's actor registry (doc.options["registry"]) or the shipped one; None if unavailable."""
    reg = doc.options.get("registry")
    if reg is not None:
        return reg
    try:
        from linewatch.actors.registry import get_registry

        return get_registry()
    except Exception:  # registry not written yet or broken data: degrade to surface names
        return None


def doc_mentions(doc: Doc) -> list[Mention]:
    """Actor mentions of the document: the `mentions` component's, else a registry scan (cached)."""
    cached = doc.annotations.get("statement_mentions")
    if cached is not None:
        return cached
    mentions = [m for m in doc.mentions if m.actor_id]
    if not mentions:
        reg = registry_for(doc)
        if reg is not None:
            try:
                mentions = [m for m in reg.find_mentions(doc.text, doc.lang, on=doc.date) if m.actor_id]
            except Exception:
                mentions = []
    doc.annotations["statement_mentions"] = mentions
    return mentions


def actor_fields(doc: Doc, actor_id: str | None, on: date | None) -> tuple[str | None, str | None, str | None]:
    """(role title, organisation, country) of the actor on a date, from the registry."""
    if not actor_id:
        return None, None, None
    reg = registry_for(doc)
    actor = reg.by_id(actor_id) if reg is not None else None
    if actor is None:
        return None, None, None
    role = actor.role_on(on) if on else actor.role_on(doc.date)
    if role is None:
        return None, None, actor.country
    return role.title, role.org, role.country or actor.country


def _actor_name(doc: Doc, actor_id: str) -> str | None:
    reg = registry_for(doc)
    actor = reg.by_id(actor_id) if reg is not None else None
    return actor.name if actor is not None else None


def _clean_surface(text: str) -> str:
    text = text.strip(" ,;:-–—\"'“”„«»()\n\t")
    return re.sub(r"\s+", " ", text)


def resolve_speaker(
    doc: Doc,
    span: tuple[int, int] | None,
    history: list[Speaker],
    gender_hint: str | None = None,
    at: int | None = None,
) -> Speaker | None:
    """The speaker of the phrase doc.text[span]; pronouns and anaphors use `history` (latest last).

    `at` (where the cue is) lets a speaker-less cue or a pronoun with no earlier speaker fall back
    to the person the text just named."""
    if span is None or span[1] <= span[0]:
        prev = _previous(history, gender_hint, None)
        if prev is None and at is not None:
            prev = _subject_person_before(doc, at, gender_hint, None)
        return prev
    a, b = span
    surface = doc.text[a:b]
    paren = surface.find("(")
    if paren > 0 and surface[:paren].strip():
        # "Sen. Claire McCaskill (D-Mo.)", "Pieskow (Kreml)": the bracket qualifies the name before it
        b = a + len(surface[:paren].rstrip())
        surface = doc.text[a:b]
    lang = doc.lang
    inside = [m for m in doc_mentions(doc) if m.start >= a and m.end <= b]
    if inside:
        # Prefer a person's name, then a title, then a body; among equals the longest.
        order = {"name": 0, "title": 1, "body": 2, "state": 3, "demonym": 4}
        best = sorted(inside, key=lambda m: (order.get(m.kind, 5), -(m.end - m.start)))[0]
        name_run = _name_part(surface)
        run_start = a + surface.find(name_run) if name_run else -1
        heads = _phrase_heads(doc, a, b, [w.group().lower() for w in _WORD.finditer(surface)])
        if best.kind in ("body", "state", "demonym") and name_run and not (best.start <= run_start < best.end):
            pass  # "rzecznik MON Jan Kowalczyk", "rosyjski polityk Witalij Milonow": the person, not the body
        elif (best.kind in ("body", "state", "demonym") and (doc.tokens and doc.tokens[0].dep or best.kind == "demonym")
              and any(is_anaphor(h, lang) and h not in best.text.lower() for h in heads)):
            pass  # "a senior NATO official" is an unnamed person, "rosyjski minister" a title: not the state
        elif best.kind == "demonym" and (person := _person_of_country(doc, best, surface, a)) is not None:
            return person  # "– dodaje Rosjanin": the Russian named before, not Russia
        elif best.kind != "demonym" or len(inside) == 1:
            name = _actor_name(doc, best.actor_id) or best.text
            return Speaker(name, best.actor_id, (best.start, best.end), best.text, gender_of(doc, best.actor_id, history),
                           "registry", 0.9)
    words = [w.group().lower() for w in _WORD.finditer(surface)]
    pronouns = pronoun_table(lang)
    if words and len(words) <= 2 and words[-1] in pronouns:
        prev = _previous(history, pronouns[words[-1]], (a, b))
        if prev is not None:
            prev.mention = surface
            return prev
        if pronouns[words[-1]] in ("m", "f") and (named := _subject_person_before(doc, a, pronouns[words[-1]], (a, b))):
            named.mention = surface
            return named
        person = _last_person_before(doc, a) if pronouns[words[-1]] in ("m", "f") else None
        if person is not None:
            return Speaker(person, None, (a, b), surface, pronouns[words[-1]], "pronoun", 0.5)
        return Speaker(_clean_surface(surface), None, (a, b), surface, pronouns[words[-1]], "pronoun", 0.4)
    heads = _phrase_heads(doc, a, b, words)
    dets = determiners(lang)
    definite = not dets or (words and words[0] in dets)  # "the minister", not "a senior official"
    if words and len(words) <= 6 and definite and any(is_anaphor(h, lang) for h in heads) and not _has_name(surface):
        prev = _previous(history, gender_hint, (a, b)) or _subject_person_before(doc, a, gender_hint, (a, b))
        if prev is not None:
            prev.mention = surface
            prev.resolved_by = "anaphor"
            return prev
    name = _clean_surface(_name_part(surface) or surface)
    if not name:
        return _previous(history, gender_hint, None)
    return Speaker(name, None, (a, b), surface, gender_hint, "text", 0.6)


def _person_of_country(doc: Doc, demonym: Mention, surface: str, offset: int) -> Speaker | None:
    """A lone nationality noun for one person (`person_demonyms`) -> the last named person of that country."""
    words = [w.group().lower() for w in _WORD.finditer(surface)]
    nouns = lexicon(doc.lang, "pronouns").get("person_demonyms") or {}
    if len(words) != 1 or words[0] not in nouns:
        return None
    reg = registry_for(doc)
    state = reg.by_id(demonym.actor_id) if reg is not None else None
    if state is None or not state.country:
        return None
    for m in sorted(doc_mentions(doc), key=lambda m: m.start, reverse=True):
        if m.end > offset or m.kind != "name":
            continue
        actor = reg.by_id(m.actor_id)
        if actor is not None and actor.country == state.country:
            return Speaker(actor.name, actor.id, (demonym.start, demonym.end), surface.strip(),
                           str(nouns[words[0]]), "demonym", 0.7)
    return None


def _subject_person_before(doc: Doc, offset: int, gender: str | None, span: tuple[int, int] | None,
                           sentences_back: int = 2) -> Speaker | None:
    """The first registry person named in the nearest sentence before `offset` that names one.

    The first named person of a sentence is most often its subject ("X odniósł się do słów Y.
    Jego zdaniem…" is X). A marked gender must agree: a woman's surname for "she", not for "he"."""
    reg = registry_for(doc)
    if reg is None:
        return None
    starts = [s.start for s in doc.sentences]
    si = bisect.bisect_right(starts, offset) - 1
    people = [m for m in doc_mentions(doc) if m.end <= offset and m.kind in ("name", "title")]
    for k in range(si, max(si - sentences_back, 0) - 1, -1):
        if k < 0:
            break
        lo = doc.sentences[k].start
        for m in sorted((m for m in people if m.start >= lo and m.end <= doc.sentences[k].end), key=lambda m: m.start):
            actor = reg.by_id(m.actor_id)
            if actor is None or actor.type != "person":
                continue
            female = gender_of(doc, m.actor_id, []) == "f"
            if (gender == "f" and not female) or (gender == "m" and female) or gender in ("p", "n"):
                continue
            return Speaker(actor.name, actor.id, span, m.text, "f" if female else gender, "previous", 0.6)
    return None


def _last_person_before(doc: Doc, offset: int, window: int = 600) -> str | None:
    """The nearest person name (NER) before `offset`: a pronoun with no earlier speaker."""
    run: list[str] = []
    last: str | None = None
    prev_i = -2
    for t in doc.tokens:
        if t.start >= offset:
            break
        if t.start < offset - window or t.ent != "PER":
            continue
        if t.i != prev_i + 1:
            if run:
                last = " ".join(run)
            run = []
        run.append(t.text)
        prev_i = t.i
    if run:
        last = " ".join(run)
    return last


def _name_part(surface: str) -> str | None:
    """The trailing run of capitalised words of a phrase ("rosyjski polityk Witalij Milonow" -> the name)."""
    words = list(_WORD.finditer(surface))
    run: list[re.Match[str]] = []
    before = ""
    for k, w in enumerate(words[1:], start=1):
        word = w.group()
        if len(word) > 1 and word.isupper():
            run = []  # an acronym ("MON", "МИД") belongs to the title, not the name
            continue
        if word[:1].isupper():
            if not run:
                before = words[k - 1].group()
            run.append(w)
        elif run:
            break
    if before.islower() and len(before) <= 3:
        return None  # "ekspert z Ośrodka Studiów Wschodnich": a body after a preposition, keep the phrase
    if len(run) >= 2 and len(words) > len(run):
        return surface[run[0].start():run[-1].end()]
    return None


def person_name_in(surface: str) -> str | None:
    """A run of two or more capitalised words after a title ("rzecznik MON Jan Nowak" -> "Jan Nowak")."""
    return _name_part(surface)


def _has_name(surface: str) -> bool:
    """Does the phrase contain a capitalised word other than its first one (a proper name)?"""
    words = _WORD.findall(surface)
    return any(w[:1].isupper() for w in words[1:])


@cache
def _female_endings(lang: str) -> tuple[str, ...]:
    return tuple(str(e).lower() for e in lexicon(lang, "pronouns").get("female_name_endings") or [])


def gender_of(doc: Doc, actor_id: str | None, history: list[Speaker]) -> str | None:
    """n for bodies; f when the surname has a feminine ending (Zakharova, Kowalska); else unknown."""
    if not actor_id:
        return None
    reg = registry_for(doc)
    actor = reg.by_id(actor_id) if reg is not None else None
    if actor is None:
        return None
    if actor.type == "person" and actor.name.lower().endswith(_female_endings(doc.lang) or ("\x00",)):
        return "f"
    return "n" if actor.type != "person" else None


def _previous(
    history: list[Speaker],
    gender: str | None,
    span: tuple[int, int] | None,
) -> Speaker | None:
    """The latest earlier speaker compatible with the pronoun's gender, re-pointed at `span`.

    A speaker known to have that gender among the last two wins over a nearer one
    of unknown gender ("по ее мнению" after a man of unknown gender was quoted).
    """
    recent = list(reversed(history[-12:]))
    if gender == "f":  # the marked gender: a "she"/"ее" rarely means the nearest man
        names: list[str | None] = []
        for prev in recent:
            if prev.name not in names:
                names.append(prev.name)
            if len(names) > 2:
                break
            if prev.gender == gender:
                recent = [prev] + recent
                break
    for prev in recent:
        if gender in ("m", "f") and prev.gender in ("m", "f", "n") and prev.gender != gender:
            continue  # "– dodał" (he added) is not the border guard's statement
        if gender == "n" and (prev.gender != "n" or prev.actor_id is None):
            continue  # "it" only stands for a known body ("the ministry… it said")
        if gender == "p" and prev.gender in ("m", "f"):
            continue
        return Speaker(prev.name, prev.actor_id, span, None, gender if gender in ("m", "f") else prev.gender,
                       "previous" if span is None else "pronoun", min(prev.confidence, 0.8))
    return None
