"""The verbal act a statement's cue names, matched by lemma (`cue_lemmas` of verbal_acts.yaml).

A cue that is itself an act ("zaapelowała", "призвали", "accuses") names the speaker's act
whatever its form: entries are lemmas, so "zaapelować" covers every gender, person and number
of the verb, and the imperfective is a second entry ("apelować"). An entry of several words
("wyrazić poparcie", "выступить за", "call on") matches them in order with at most
`MAX_GAP` words between ("opowiedziała się wczoraj za"); it must start inside the cue and may
end in the first words of the content after it (the cue "выступил" before "за продолжение").

A content that sets a condition whose breach has a consequence is a threat whatever its cue
(`ultimatum()`): "if the transit is not restored, Russia will respond", "если Минск не
остановится, Литва предложит санкции", "as long as the regime refuses…, we will keep up pressure".

A content in which the speakers name their own act ("I have to blame Russia", "we reject", "мы
призываем") is that act (`own_act()`): a cue entry of one word within `FIRST_PERSON_REACH` words
after a `first_person` pronoun, with no negation or passive auxiliary between ("we have been
accused" names another's act) and no negative object after it ("we accuse nobody").

What is no act of the speaker's:
- a negated cue ("nie poparł", "не поддержал", "did not support");
- a question ("asked whether Poland should withdraw", "zapytał, czy...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from linewatch.actors.registry import form_regex
from linewatch.lexicon import lexicon
from linewatch.model import Statement
from linewatch.nlp.lemmas import future_verb, word_lemmas
from linewatch.nlp.words import WORD

MAX_GAP = 1  # words allowed between two words of a several-word entry
FIRST_PERSON_REACH = 3  # words from "I"/"we" to the act's verb: "I have to blame", "we strongly reject"
CONTENT_WORDS = 3  # first words of a content that may finish an entry begun in the cue
NO_ACT = "no_act"  # Statement.extra key: a question or negated cue, left without a verbal act on purpose


@dataclass(frozen=True)
class _CueLexicon:
    entries: tuple[tuple[str, tuple[str, ...]], ...]  # (act, lemmas of the entry's words)
    negation: frozenset[str]
    question_openers: frozenset[str]
    reason_openers: tuple[tuple[str, ...], ...]  # "that's why": a question word that gives a reason
    ultimatum: _Ultimatum | None  # a negative condition, then (after a clause break) its consequence
    first_person: frozenset[str]  # "I", "we": the speakers themselves
    passive_auxiliaries: frozenset[str]  # "been", "был*": the speakers undergo the act ("we have been accused")
    negative_objects: frozenset[str]  # "nobody", "никого": the act reaches no one ("we accuse nobody")


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
        tuple(tuple(str(e).casefold().split()) for e in data.get("reason_openers") or [] if str(e).strip()),
        _ultimatum_pattern(data.get("ultimatum") or {}),
        frozenset(str(w).casefold() for w in data.get("first_person") or []),
        frozenset(str(w).casefold() for w in data.get("passive_auxiliaries") or []),
        frozenset(str(w).casefold() for w in data.get("negative_objects") or []),
    )


def _alternatives(forms: list[Any]) -> str:
    return "|".join(form_regex(str(f)) for f in sorted(forms, key=lambda f: -len(str(f))) if str(f).strip())


@dataclass(frozen=True)
class _Ultimatum:
    head: re.Pattern[str]  # the negative condition up to its clause break
    consequence: re.Pattern[str] | None  # a future or modal word ("will", "придётся", "musi")
    future_tense: bool  # a verb in the future tense by its morphology also names a consequence
    parties: frozenset[str]  # subjects of a consequence besides "we" and names ("government")


def _ultimatum_pattern(data: dict[str, Any]) -> _Ultimatum | None:
    """`conditions` ("if") with a `negative` word later in their clause ("not", "refuses"), or a
    `negative_conditions` word ("unless", "если не"), up to a clause break; the clause after it is
    read by `_consequence`."""
    cond, neg = _alternatives(data.get("conditions") or []), _alternatives(data.get("negative") or [])
    neg_cond = _alternatives(data.get("negative_conditions") or [])
    # the condition's clause ends at a comma or a spaced dash, not at a compound's hyphen
    heads = [f"(?:{cond})(?:[^.!?;,–—-]|-(?=\\w))*?(?:{neg})" if cond and neg else "",
             f"(?:{neg_cond})" if neg_cond else ""]
    head = "|".join(h for h in heads if h)
    if not head:
        return None
    then = _alternatives(data.get("consequences") or [])
    return _Ultimatum(
        re.compile(rf"(?:{head})[^.!?;]*?(?:,|\s[–—-]\s)", re.IGNORECASE),
        re.compile(rf"(?:{then})", re.IGNORECASE) if then else None,
        bool(data.get("consequence_future_tense")),
        frozenset(str(w).casefold() for w in data.get("consequence_parties") or []),
    )


def _consequence(clause: str, ult: _Ultimatum, lang: str, first_person: frozenset[str]) -> bool:
    """Whether a clause states a consequence: a future or modal word (or, where listed, a verb in
    the future tense) with the speakers, a name or a party as its subject before it ("we will",
    "the government will", "Литва предложит"; not "the meeting will take place"). Where no parties
    are listed (a subject may be dropped: "ответим"), the future or modal word alone."""
    words = [(m.start(), m.group()) for m in WORD.finditer(clause)]
    for k, (at, word) in enumerate(words):
        is_then = ult.consequence is not None and ult.consequence.match(clause, at) is not None
        if not is_then and not (ult.future_tense and future_verb(word, lang)):
            continue
        if not ult.parties:
            return True
        if any(w.casefold() in first_person or _listed(w.casefold(), ult.parties) or w[:1].isupper()
               for _a, w in words[:k]):
            return True
    return False


def ultimatum(content: str, lang: str) -> bool:
    """Whether the content is a threat by its form: a breach of a condition with a consequence."""
    lex = _cue_lexicon(lang)
    if lex.ultimatum is None:
        return False
    for m in lex.ultimatum.head.finditer(content):
        clause = re.split(r"[.!?;]", content[m.end():], maxsplit=1)[0]
        if _consequence(clause, lex.ultimatum, lang, lex.first_person):
            return True
    return False


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


def own_act(content: str, lang: str) -> str | None:
    """The act the speakers name as their own in the content ("I have to blame Russia" → ACCUSE)."""
    lex = _cue_lexicon(lang)
    words = [w.casefold() for w in WORD.findall(content)]
    single = _single_word_entries(lang)
    if not lex.first_person or not single:
        return None
    for i, w in enumerate(words):
        if w not in lex.first_person:
            continue
        for k in range(i + 1, min(i + 1 + FIRST_PERSON_REACH, len(words))):
            if _negation(words[k], lex.negation) or _listed(words[k], lex.passive_auxiliaries):
                break
            lemmas = word_lemmas(words[k], lang)
            act = next((act for act, lemma in single if lemma in lemmas), None)
            if act is not None:
                if _negative_object(words[k + 1:], lex.negative_objects):
                    break  # "we accuse nobody", "мы не обвиняем никого"
                return act
    return None


@cache
def _single_word_entries(lang: str) -> tuple[tuple[str, str], ...]:
    """(act, lemma) of the one-word cue entries, worked out once per language."""
    return tuple((act, entry[0]) for act, entry in _cue_lexicon(lang).entries if len(entry) == 1)


def _negative_object(after: list[str], objects: frozenset[str]) -> bool:
    """Whether the words after an act's verb begin with a negative object ("nobody", "no one")."""
    return any(tuple(after[:len(o.split())]) == tuple(o.split()) for o in objects)


def _listed(word: str, entries: frozenset[str]) -> bool:
    """Whether a lower-cased word is among `entries`, where "stem*" takes any ending."""
    return word in entries or any(e.endswith("*") and word.startswith(e[:-1]) for e in entries)


@cache
def _negated_endings(negation: frozenset[str]) -> tuple[str, ...]:
    return tuple(e[1:] for e in negation if e.startswith("*"))  # "*n't": a negated auxiliary ("didn't")


def _negation(word: str, negation: frozenset[str]) -> bool:
    endings = _negated_endings(negation)
    return word in negation or bool(endings and word.endswith(endings))


def is_question(content: str, lang: str) -> bool:
    """A content asked, not stated: it ends in "?" or a question word is among its first two
    ("whether", "czy", "будет ли") and they are no `reason_openers` ("that's why")."""
    words = WORD.findall(content)
    body = content.strip(" \"'“”„«»")
    # one sentence that is a question; a quotation that goes on after one ("Who is to blame? They
    # are") states something
    if body.endswith("?") and not re.search(r"[.!?]\s", body):
        return True
    lex = _cue_lexicon(lang)
    opening = [w.casefold() for w in words[:2]]
    if any(tuple(opening[:len(r)]) == r for r in lex.reason_openers):
        return False  # "That's why the party should be prepared" states a reason
    return any(w in lex.question_openers for w in opening)


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
    words = [w.casefold() for w in WORD.findall(before)][-2:] + [w.casefold() for w in WORD.findall(cue)][:-1]
    if any(_negation(w, neg) for w in words):
        return True
    # an entry of several words ("no longer") is matched word by word
    phrases = [tuple(e.split()) for e in neg if len(e.split()) > 1]
    return any(tuple(words[k:k + len(p)]) == p for p in phrases for k in range(len(words)))


def cue_act(statement: Statement, lang: str) -> str | None:
    """The act named by the cue's lemmas (the longest entry wins; a tie goes to the type listed first)."""
    lex = _cue_lexicon(lang)
    cue_words = WORD.findall(statement.cue or "")
    if not lex.entries or not cue_words:
        return None
    words = list(cue_words)
    if statement.cue_span and statement.content_span[0] >= statement.cue_span[1]:
        words += WORD.findall(statement.content)[:CONTENT_WORDS]  # "выступил" + "за ..."
    lemmas = [word_lemmas(w, lang) for w in words]
    best: tuple[int, str] | None = None
    for act, entry in lex.entries:
        for start in range(len(cue_words)):
            end = _match_end(lemmas, start, entry)
            if end is not None and (best is None or len(entry) > best[0]):
                best = (len(entry), act)
    return best[1] if best else None
