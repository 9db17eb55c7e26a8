"""The verbal act a statement's cue names, matched by lemma (`cue_lemmas` of verbal_acts.yaml).

A cue that is itself an act ("zaapelowała", "призвали", "accuses") names the speaker's act
whatever its form: entries are lemmas, so "zaapelować" covers every gender, person and number
of the verb, and the imperfective is a second entry ("apelować"). An entry of several words
("wyrazić poparcie", "выступить за", "call on") matches them in order with at most
`MAX_GAP` words between ("opowiedziała się wczoraj za"); it must start inside the cue and may
end in the first words of the content after it (the cue "выступил" before "за продолжение").

What is no act of the speaker's:
- a negated cue ("nie poparł", "не поддержал", "did not support");
- a question ("asked whether Poland should withdraw", "zapytał, czy...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from linewatch.lexicon import lexicon
from linewatch.model import Statement
from linewatch.nlp.lemmas import word_lemmas

MAX_GAP = 1  # words allowed between two words of a several-word entry
CONTENT_WORDS = 3  # first words of a content that may finish an entry begun in the cue
NO_ACT = "no_act"  # Statement.extra key: a question or negated cue, left without a verbal act on purpose
_WORD = re.compile(r"\w+(?:[-']\w+)*")


@dataclass(frozen=True)
class _CueLexicon:
    entries: tuple[tuple[str, tuple[str, ...]], ...]  # (act, lemmas of the entry's words)
    negation: frozenset[str]
    question_openers: frozenset[str]


@cache
def _cue_lexicon(lang: str) -> _CueLexicon:
    data: dict[str, Any] = lexicon(lang, "verbal_acts")
    entries = tuple(
        (str(act).upper(), tuple(w.casefold() for w in str(entry).split()))
        for act, listed in (data.get("cue_lemmas") or {}).items()
        for entry in listed or []
        if str(entry).strip()
    )
    return _CueLexicon(
        entries,
        frozenset(str(w).casefold() for w in data.get("negation") or []),
        frozenset(str(w).casefold() for w in data.get("question_openers") or []),
    )


def _match_end(lemmas: list[frozenset[str]], start: int, words: tuple[str, ...]) -> int | None:
    """Index after the last word of `words` matched from `start` on, or None."""
    if words[0] not in lemmas[start]:
        return None
    at = start + 1
    for w in words[1:]:
        nxt = next((k for k in range(at, min(at + MAX_GAP + 1, len(lemmas))) if w in lemmas[k]), None)
        if nxt is None:
            return None
        at = nxt + 1
    return at


def is_question(content: str, lang: str) -> bool:
    """A content asked, not stated: it ends in "?" or a question word is among its first two
    ("whether", "czy", "будет ли")."""
    words = _WORD.findall(content)
    body = content.strip(" \"'“”„«»")
    # one sentence that is a question; a quotation that goes on after one ("Who is to blame? They
    # are") states something
    if body.endswith("?") and not re.search(r"[.!?]\s", body):
        return True
    return any(w.casefold() in _cue_lexicon(lang).question_openers for w in words[:2])


def no_act_of_speaker(statement: Statement, text: str, lang: str) -> bool:
    """Whether a statement is left without a verbal act on purpose: a question or a negated cue
    ("asked whether", "nie poparł"). Later stages read `NO_ACT` and do not fill one in."""
    return is_question(statement.content or "", lang) or negated_cue(statement, text, lang)


def negated_cue(statement: Statement, text: str, lang: str) -> bool:
    """Whether the cue is negated: a negation among the two words before its verb ("nie poparł",
    "не поддержал", "did not support"), inside the cue or in the text right before it."""
    neg = _cue_lexicon(lang).negation
    cue = statement.cue or ""
    before = ""
    if statement.cue_span and 0 < statement.cue_span[0] <= len(text):
        before = text[max(0, statement.cue_span[0] - 40) : statement.cue_span[0]]
        before = re.split(r"[.!?;:,\"«»„”\n]", before)[-1]
    words = [w.casefold() for w in _WORD.findall(before)][-2:] + [w.casefold() for w in _WORD.findall(cue)][:-1]
    endings = tuple(e[1:] for e in neg if e.startswith("*"))  # "*n't": a negated auxiliary ("didn't")
    if any(w in neg or (endings and w.endswith(endings)) for w in words):
        return True
    # an entry of several words ("no longer") is matched word by word
    phrases = [tuple(e.split()) for e in neg if len(e.split()) > 1]
    return any(tuple(words[k:k + len(p)]) == p for p in phrases for k in range(len(words)))


def cue_act(statement: Statement, lang: str) -> str | None:
    """The act named by the cue's lemmas (the longest entry wins; a tie goes to the type listed first)."""
    lex = _cue_lexicon(lang)
    cue_words = _WORD.findall(statement.cue or "")
    if not lex.entries or not cue_words:
        return None
    words = list(cue_words)
    if statement.cue_span and statement.content_span[0] >= statement.cue_span[1]:
        words += _WORD.findall(statement.content)[:CONTENT_WORDS]  # "выступил" + "за ..."
    lemmas = [word_lemmas(w, lang) for w in words]
    best: tuple[int, str] | None = None
    for act, entry in lex.entries:
        for start in range(len(cue_words)):
            end = _match_end(lemmas, start, entry)
            if end is not None and (best is None or len(entry) > best[0]):
                best = (len(entry), act)
    return best[1] if best else None
