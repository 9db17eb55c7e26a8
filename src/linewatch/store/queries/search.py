"""Search as an analyst types it: any word form, names in any spelling, phrases, AND / OR / NOT.

    q = parse_query('мигранты AND "hybrid attack" OR granica NOT Łukaszenko')
    fts5_expression(q)      # for SQLite FTS5 (statements_fts, documents_fts)
    tsquery_expression(q)   # for PostgreSQL to_tsquery('simple', ...)

- A word matches its other forms: Russian and Polish (and English) words are reduced
  to their lemma and searched as the stem they share ("мигранты" finds "мигрантов",
  "granica" finds "granicy"). Lemmas are computed once, when a document is written
  (`index_words`: simplemma in the document's language, stored in `search_lemmas`); a
  search looks its words up there (one indexed query) and never loads a lemma dictionary,
  which takes seconds per language. A word the stored texts never contain has no other
  form to find but those sharing its stem without the inflected vowel ending.
- A name matches every spelling the actor registry knows, in every language
  ("Лавров" finds "Sergei Lavrov", "Ławrow"; "Łukaszenko" finds "Lukashenko").
- "quoted words" are a phrase; AND is implied between terms; OR joins two terms;
  NOT (or a leading -) excludes one. Operators are upper-case words; anything else is text.

User text never reaches the engine as syntax: every token is reduced to letters and
digits and quoted.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma
from simplemma.strategies.default import DefaultStrategy

from linewatch.actors.registry import actor_registry
from linewatch.model import Actor
from linewatch.store.protocol import Store

MAX_QUERY_CHARS = 300
MAX_TERMS = 12
MAX_ALTERNATIVES = 24  # spellings of one name, bounded
MIN_STEM = 4
MAX_FORM_CHARS = 40  # longer "words" (hashes, run-together junk) are not indexed
INDEX_LANGUAGES = ("ru", "pl", "en")  # the languages whose lemmas simplemma gives
LOOKUP_BATCH = 500  # forms per IN (...) list
# simplemma's front-coded dictionaries read in place (Polish: 54 MB and 1.6 s to open, against
# 408 MB and 3.3 s decoded into a dict); only writers open them
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(low_memory=True))
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


def _stem(word: str, lemmas: Mapping[str, Sequence[str]]) -> str | None:
    """The prefix a word shares with its lemma(s), without the inflected ending; None if too short.

    `lemmas` are the stored lemmas of the query's words; a word without one is its own lemma."""
    w = word.lower()
    stems = []
    for lemma in lemmas.get(w) or (w,):
        n = 0
        while n < min(len(w), len(lemma)) and w[n] == lemma[n]:
            n += 1
        stem = _SOFT_END.sub("", w[:n])
        if len(stem) >= MIN_STEM:
            stems.append(stem)
    return min(stems, key=len) if stems else None


def _indexable(words: Iterable[str]) -> set[str]:
    return {w for w in words if MIN_STEM <= len(w) <= MAX_FORM_CHARS and not w.isdigit()}


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), LOOKUP_BATCH):
        yield items[i:i + LOOKUP_BATCH]


def index_words(store: Store, texts: Iterable[tuple[str | None, str | None]]) -> int:
    """Store the lemma of every word form in `texts` ((text, language) pairs) not stored yet; how many were added.

    Called where documents are written, so the lemma dictionary is loaded by the writer (once per
    process and language), never by a search. Statements are spans of their document's text, so
    the document's words cover them."""
    by_lang: dict[str, set[str]] = {}
    for text, lang in texts:
        if text and lang in INDEX_LANGUAGES:
            by_lang.setdefault(lang, set()).update(_indexable(_words(text)))
    rows: list[tuple[str, str, str]] = []
    for lang, forms in sorted(by_lang.items()):
        for chunk in _chunks(sorted(forms)):
            marks = ",".join("?" for _ in chunk)
            known = {r["form"] for r in store.query(
                f"SELECT form FROM search_lemmas WHERE lang = ? AND form IN ({marks})", [lang, *chunk])}
            rows += [(w, lang, _LEMMATIZER.lemmatize(w, lang=lang).lower()) for w in chunk if w not in known]
    if rows:
        store.executemany(
            "INSERT INTO search_lemmas (form, lang, lemma) VALUES (?, ?, ?) ON CONFLICT (form, lang) DO NOTHING", rows)
    return len(rows)


def index_stored_documents(store: Store, batch: int = 200) -> int:
    """`index_words` over every stored document, in id order and bounded batches (a database from
    before lemmas were stored); how many forms were added."""
    added, last = 0, ""
    while True:
        rows = store.query("SELECT id, title, text, language FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                           [last, batch])
        if not rows:
            return added
        added += index_words(store, [(f"{r['title'] or ''} {r['text']}", r["language"]) for r in rows])
        last = rows[-1]["id"]


def stored_lemmas(store: Store, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The lemmas the stored texts gave each of `words` (any language), by primary-key lookup."""
    forms = sorted(_indexable(words))[:LOOKUP_BATCH]
    if not forms:
        return {}
    out: dict[str, list[str]] = {}
    marks = ",".join("?" for _ in forms)
    for r in store.query(f"SELECT form, lemma FROM search_lemmas WHERE form IN ({marks}) ORDER BY form, lang", forms):
        out.setdefault(r["form"], []).append(r["lemma"])
    return {k: tuple(v) for k, v in out.items()}


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


def _alternatives(text: str, phrase: bool, lemmas: Mapping[str, Sequence[str]]) -> list[Alt]:
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
        stem = _stem(words[0], lemmas)
        if stem:
            alts.append(Alt((stem,), prefix=True))
    unique: dict[tuple[tuple[str, ...], bool], Alt] = {}
    for a in alts:
        unique.setdefault((a.words, a.prefix), a)
    return list(unique.values())[:MAX_ALTERNATIVES]


def parse_query(q: str | None, lemmas: Mapping[str, Sequence[str]] | None = None) -> list[Clause]:
    """The clauses of a query; [] when nothing searchable is left. `lemmas`: see `stored_lemmas`."""
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
        alts = _alternatives(tok.strip('"'), phrase, lemmas or {})
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


def match_expression(q: str | None, store: Store) -> str | None:
    """The engine's expression for a user query (FTS5 on SQLite, tsquery on PostgreSQL), None if empty.

    One indexed lookup of the query's words in `search_lemmas`; nothing is lemmatised here."""
    if not q or not str(q).strip():
        return None
    clauses = parse_query(q, stored_lemmas(store, _words(str(q)[:MAX_QUERY_CHARS])))
    return fts5_expression(clauses) if store.dialect == "sqlite" else tsquery_expression(clauses)


def tsquery_expression(clauses: list[Clause]) -> str | None:
    """A PostgreSQL to_tsquery('simple', ...) expression (words are \\w+ only), or None."""
    parts = []
    for c in clauses:
        group = "(" + " | ".join(_ts_alt(a) for a in c.alts) + ")"
        parts.append(("!" if c.negated else "") + group)
    return " & ".join(parts) if any(not c.negated for c in clauses) else None
