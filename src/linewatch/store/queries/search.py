"""Search as an analyst types it: any word form, names in any spelling, phrases, AND / OR / NOT.

    q = parse_query('мигранты AND "hybrid attack" OR granica NOT Łukaszenko')
    fts5_expression(q)      # for SQLite FTS5 (statements_fts, documents_fts)
    tsquery_expression(q)   # for PostgreSQL to_tsquery('simple', ...)

- A word matches its other forms: Russian and Polish (and English) words are reduced
  to their lemma with simplemma and searched as the stem they share ("мигранты" finds
  "мигрантов", "granica" finds "granicy").
- A name matches every spelling the actor registry knows, in every language
  ("Лавров" finds "Sergei Lavrov", "Ławrow"; "Łukaszenko" finds "Lukashenko").
- "quoted words" are a phrase; AND is implied between terms; OR joins two terms;
  NOT (or a leading -) excludes one. Operators are upper-case words; anything else is text.

User text never reaches the engine as syntax: every token is reduced to letters and
digits and quoted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from linewatch.actors.registry import actor_registry
from linewatch.model import Actor

MAX_QUERY_CHARS = 300
MAX_TERMS = 12
MAX_ALTERNATIVES = 24  # spellings of one name, bounded
MIN_STEM = 4
_TOKEN = re.compile(r'"[^"]*"|\S+')
_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_POLISH = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
# endings a stem may lose after the lemma's shared prefix (vowels and soft signs inflect)
_SOFT_END = re.compile(r"[aeiouyąęóаеёиоуыэюяйь]+$", re.IGNORECASE)


@dataclass
class Alt:
    """One way a term may appear: words in a row, the last one possibly a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass
class Clause:
    """Alternatives joined by OR; a negated clause excludes what it matches."""

    alts: list[Alt] = field(default_factory=list)
    negated: bool = False


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


def _languages(word: str) -> tuple[str, ...]:
    if _CYRILLIC.search(word):
        return ("ru",)
    if _POLISH.search(word):
        return ("pl",)
    return ("pl", "en")


def _stem(word: str) -> str | None:
    """The prefix a word shares with its lemma(s), without the inflected ending; None if too short."""
    w = word.lower()
    stems = []
    for lang in _languages(w):
        lemma = simplemma.lemmatize(w, lang=lang).lower()
        n = 0
        while n < min(len(w), len(lemma)) and w[n] == lemma[n]:
            n += 1
        stem = _SOFT_END.sub("", w[:n])
        if len(stem) >= MIN_STEM:
            stems.append(stem)
    return min(stems, key=len) if stems else None


def resolve_actor(text: str) -> Actor | None:
    """The registry actor a name denotes in any language and case ("Лавров", "Ławrowa", "lavrov"), or None."""
    registry = actor_registry()
    text = " ".join(str(text or "").split())[:200]
    for lang in _languages(text) + tuple(x for x in ("en", "ru", "pl") if x not in _languages(text)):
        for surface in (text, text[:1].upper() + text[1:]):
            actor = registry.resolve(surface, lang)
            if actor is not None:
                return actor
    return None


@lru_cache(maxsize=512)
def name_spellings(text: str) -> tuple[tuple[str, ...], ...]:
    """Every spelling of the actor `text` names (canonical name and aliases in all languages), or ()."""
    actor = resolve_actor(text)
    if actor is None:
        return ()
    names = [actor.name] + [a for forms in actor.aliases.values() for a in forms]
    return tuple(dict.fromkeys(_words(n) for n in names if _words(n)))[:MAX_ALTERNATIVES]


def _alternatives(text: str, phrase: bool) -> list[Alt]:
    words = _words(text)
    if not words:
        return []
    alts = [Alt(words)]
    spellings = name_spellings(" ".join(text.split()))
    for spelling in spellings:
        alts.append(Alt(spelling))
        if len(spelling[-1]) >= MIN_STEM + 1:  # a surname in any case: Лаврова, Ławrowa, Łukaszenki
            alts.append(Alt((_SOFT_END.sub("", spelling[-1]) or spelling[-1],), prefix=True))
    if not phrase and len(words) == 1 and not spellings:  # a name is not a word to lemmatise (Лавров ≠ лавр)
        stem = _stem(words[0])
        if stem:
            alts.append(Alt((stem,), prefix=True))
    unique: dict[tuple[tuple[str, ...], bool], Alt] = {}
    for a in alts:
        unique.setdefault((a.words, a.prefix), a)
    return list(unique.values())[:MAX_ALTERNATIVES]


def parse_query(q: str | None) -> list[Clause]:
    """The clauses of a query; [] when nothing searchable is left."""
    if not q:
        return []
    clauses: list[Clause] = []
    join_or = negate = False
    for tok in _TOKEN.findall(str(q)[:MAX_QUERY_CHARS]):
        if tok in ("AND", "&&"):
            continue
        if tok in ("OR", "||"):
            join_or = bool(clauses)
            continue
        if tok == "NOT":
            negate = True
            continue
        if tok.startswith("-") and len(tok) > 1:
            negate, tok = True, tok[1:]
        phrase = tok.startswith('"')
        alts = _alternatives(tok.strip('"'), phrase)
        if not alts:
            continue
        if join_or and not negate and not clauses[-1].negated:
            clauses[-1].alts.extend(alts)
        else:
            clauses.append(Clause(alts, negated=negate))
        join_or = negate = False
        if len(clauses) >= MAX_TERMS:
            break
    return clauses if any(not c.negated for c in clauses) else []


def _fts5_alt(a: Alt) -> str:
    return '"' + " ".join(a.words) + '"' + ("*" if a.prefix else "")


def fts5_expression(clauses: list[Clause]) -> str | None:
    """An FTS5 MATCH expression (every token quoted), or None for an empty query."""
    pos = ["(" + " OR ".join(_fts5_alt(a) for a in c.alts) + ")" for c in clauses if not c.negated]
    if not pos:
        return None
    neg = ["(" + " OR ".join(_fts5_alt(a) for a in c.alts) + ")" for c in clauses if c.negated]
    return " AND ".join(pos) + "".join(f" NOT {n}" for n in neg)


def _ts_alt(a: Alt) -> str:
    words = [w + (":*" if a.prefix and i == len(a.words) - 1 else "") for i, w in enumerate(a.words)]
    return "(" + " <-> ".join(words) + ")"


def match_expression(q: str | None, dialect: str) -> str | None:
    """The engine's expression for a user query (FTS5 on SQLite, tsquery on PostgreSQL), None if empty."""
    clauses = parse_query(q)
    return fts5_expression(clauses) if dialect == "sqlite" else tsquery_expression(clauses)


def tsquery_expression(clauses: list[Clause]) -> str | None:
    """A PostgreSQL to_tsquery('simple', ...) expression (words are \\w+ only), or None."""
    parts = []
    for c in clauses:
        group = "(" + " | ".join(_ts_alt(a) for a in c.alts) + ")"
        parts.append(("!" if c.negated else "") + group)
    return " & ".join(parts) if any(not c.negated for c in clauses) else None
