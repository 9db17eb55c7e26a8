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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from typing import Any

from linewatch.actors.registry import body_forms, body_kind, genitive_base, get_registry
from linewatch.extract.attribution.cues import cue_table
from linewatch.extract.dates import month_words
from linewatch.extract.mentions import entity_label
from linewatch.lexicon import SUPPORTED_LANGUAGES, lexicon, shared_data
from linewatch.nlp.doc import Doc, Mention, Token, phrase_heads
from linewatch.nlp.lemmas import singular_lemmas, word_lemmas
from linewatch.nlp.names import (
    common_reading,
    common_word,
    given_name_gender,
    has_name_morphology,
    lacks_personal_name,
    may_be_nominative,
    name_nominative,
    oblique_body_words,
    oblique_only,
    oblique_place_name,
)
from linewatch.nlp.words import WORD


@dataclass
class Speaker:
    name: str | None  # canonical name, or the text's own words
    actor_id: str | None
    span: tuple[int, int] | None  # the mention used (may be a pronoun)
    mention: str | None
    gender: str | None = None  # m / f / p when known
    resolved_by: str = "name"  # name / registry / pronoun / anaphor / text / previous
    confidence: float = 0.8
    one_person: bool = False  # one person of unknown sex ("Jeppe Bruus"): a "he" or "she", never a "they"
    # a body's grammatical gender, as a verb the text gave it shows ("poinformowała straż graniczna",
    # "сообщила прокуратура"): a later "– przekazała" with no subject may be that body's
    grammatical: str | None = None
    text_body: bool = False  # a body the registry does not know, named by the text ("the TTJA")


@cache
def pronoun_table(lang: str) -> dict[str, str]:
    """Pronoun -> gender, including possessive forms ("по ее мнению" -> f)."""
    data = lexicon(lang, "pronouns")
    table = {str(k).lower(): str(v) for key in ("object_pronouns", "possessive") for k, v in (data.get(key) or {}).items()}
    table.update({str(k).lower(): str(v) for k, v in (data.get("pronouns") or {}).items()})
    return table


@cache
def anaphor_words(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon(lang, "pronouns").get("anaphors") or [])


def _head_words(doc: Doc, a: int, b: int, words: list[str]) -> set[str]:
    """The head word of a speaker phrase: from the parse when there is one, else its first/last word."""
    toks = doc.tokens_in((a, b)) if doc.tokens and doc.tokens[0].dep else []
    if toks:
        roots = [t.text.lower() for t in phrase_heads(toks) if t.text[:1].isalnum()]
        if roots:
            return set(roots[:1])
    return {words[0], words[-1]} if words else set()


@dataclass(frozen=True)
class SpeakerWords:
    """`data/lang/<lang>/speakers.yaml`: what cannot name a speaker, and how to look past it."""

    not_speakers: frozenset[str]
    relatives: frozenset[str]
    agencies: tuple[str, ...]  # lower-cased; a capitalised entry is a proper name, matched as a word
    agency_names: tuple[re.Pattern[str], ...]
    prepositions: frozenset[str]
    groups: frozenset[str]
    particles: frozenset[str]
    title_abbreviations: frozenset[str]
    body_endings: tuple[str, ...] = ()  # a body's name in the genitive before a person's ("Lewicy Jan Nowak")
    media: tuple[str, ...] = ()  # stems of nouns for a medium ("телеканал", "gazet", "newspaper")
    not_media: tuple[str, ...] = ()  # stems of people in the media ("host", "dziennikarz", "журналист")
    possessor: re.Pattern[str] | None = None  # what follows a name that owns the next noun ("Morawiecki's spokesman")
    demonym_bodies: tuple[str, ...] = ()  # stems of a state's body after a demonym ("police", "пограничник")
    demonym_people: frozenset[str] = frozenset()  # lemmas of people who speak for themselves ("experts")
    remit_prepositions: frozenset[str] = frozenset()  # "комитета Госдумы по обороне": a title's remit goes on
    clause_edges: frozenset[str] = frozenset()  # no name starts or ends with these ("… by", "despite …")
    page_labels: frozenset[str] = frozenset()  # a web page's labels before a colon ("Also Read")
    things: frozenset[str] = frozenset()  # head nouns of things that show, never say ("video", "tank")
    state_voices: frozenset[str] = frozenset()  # heads whose state in the genitive speaks ("Власти Латвии")
    body_heads: tuple[str, ...] = ()  # stems of a body's head noun ("service", "urząd", "служб")
    agency_suffixes: frozenset[str] = frozenset()  # "AP News": still the agency
    platforms: tuple[str, ...] = ()  # stems of platforms a speaker posts on ("twitter", "телеграм")
    possessive_endings: tuple[str, ...] = ()  # "'s", "’s": what makes a name its noun's owner
    # prepositions before a place's or channel's quoted name right after a cue ("сообщил в "Фейсбуке"")
    channel_prepositions: frozenset[str] = frozenset()
    crowd_quantifiers: tuple[str, ...] = ()  # stems of a quantity before a crowd ("several", "тысяч")
    crowd_nouns: tuple[str, ...] = ()  # stems of a crowd's noun ("people", "мигрант", "osób")
    conjunctions: frozenset[str] = frozenset()  # "and" words: a verb after one opens the next clause


@cache
def speaker_words(lang: str) -> SpeakerWords:
    data = lexicon(lang, "speakers")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    agencies = [str(w) for w in data.get("agencies") or []]
    # an agency's name in Latin letters is its name in a Russian or Polish text too ("По данным Bloomberg")
    agencies += [w for other in SUPPORTED_LANGUAGES if other != lang
                 for w in (str(x) for x in lexicon(other, "speakers").get("agencies") or [])
                 if w[:1].isupper() and w.isascii() and w not in agencies]
    names = tuple(re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", 0 if w.isupper() else re.I)
                  for w in agencies if w[:1].isupper())
    endings = [str(e) for e in data.get("possessive_endings") or []]
    possessor = re.compile("(?:" + "|".join(map(re.escape, endings)) + r")\b") if endings else None
    return SpeakerWords(words("not_speakers"), words("relatives"), tuple(w.lower() for w in agencies), names,
                        words("prepositions"), words("groups"), words("name_particles"),
                        words("title_abbreviations"),
                        tuple(str(e).lower() for e in data.get("genitive_body_endings") or []),
                        tuple(str(e).lower() for e in data.get("media") or []),
                        tuple(str(e).lower() for e in data.get("not_media") or []),
                        possessor,
                        tuple(str(w).lower() for w in data.get("demonym_bodies") or []),
                        words("demonym_people"),
                        words("remit_prepositions"),
                        # a language that lists clause edges lists only those besides its prepositions
                        words("prepositions") | words("clause_edges") if "clause_edges" in data else frozenset(),
                        words("page_labels"),
                        words("things"),
                        words("state_voices"),
                        tuple(str(w).lower() for w in data.get("body_heads") or []),
                        words("agency_suffixes"),
                        platforms=tuple(str(w).lower() for w in data.get("platforms") or []),
                        possessive_endings=tuple(endings),
                        channel_prepositions=words("channel_prepositions"),
                        crowd_quantifiers=tuple(str(w).lower() for w in data.get("crowd_quantifiers") or []),
                        crowd_nouns=tuple(str(w).lower() for w in data.get("crowd_nouns") or []),
                        conjunctions=words("conjunctions"))


PAGE_LABEL = "page label"  # speaker_problem: the site's furniture ("Also Read:"), no one's words
UNNAMED = "unnamed"  # speaker_problem: words that point at someone the text does not name
AGENCY = "news agency"  # speaker_problem: a wire service, which relays others' words
MAX_SPEAKER_WORDS = 8  # a longer "speaker" is a clause the finder misread
ANAPHOR_SENTENCES = 12  # how far back a title ("глава государства") looks for the holder the text named


def _crowd(words: Sequence[str], lang: str) -> bool:
    """Do the words open with a quantity and name a crowd ("Several thousand people", "тысячи
    мигрантов", "kilkaset osób"; speakers.yaml `crowd_quantifiers`, `crowd_nouns`, both stems)?"""
    sw = speaker_words(lang)
    quantities, nouns = sw.crowd_quantifiers, sw.crowd_nouns
    low = [w.lower() for w in words]
    return bool(low) and bool(quantities) and (low[0].isdigit() or low[0].startswith(quantities)) \
        and any(w.startswith(nouns) for w in low[1:4])


def speaker_problem(doc: Doc, speaker: Speaker | None, phrase: tuple[int, int] | None = None) -> str | None:
    """Why a speaker names nobody, or None when it is a person, organisation or state.

    One check for every finder and language (`name_problem` for the words, plus where they
    stand). A span in the header block, a dateline ("МОСКВА", "KUŹNICA, Nov 16"), a phrase
    with no word, or a news agency relaying someone else's words ("ТАСС", "agencji") is a
    misreading: the caller drops the statement. Words that point at someone without naming
    them ("who", "it", "их", "The flights") are UNNAMED: someone said it, the text does not
    say who. `phrase`: the words the finder took for the speaker, when resolution kept only part of
    them ("Polish media" resolved through "Polish")."""
    if speaker is None or not speaker.name:
        return None
    header_end = doc.document.meta.get("header_end")
    if speaker.span is not None and isinstance(header_end, int) and speaker.span[0] < header_end:
        return "header"
    problem = name_problem(speaker.name, doc.lang, registered=bool(speaker.actor_id))
    if problem or speaker.span is None:
        return problem
    if phrase is not None and (_names_a_thing(WORD.findall(doc.text[phrase[0]:phrase[1]]), speaker_words(doc.lang))
                               or _parsed_head_is_thing(doc, phrase)):
        # "NATO radar confirmed": an instrument's reading, the name only modifies it; "the actions
        # taken by the Lukashenko regime demanded…": deeds demand nothing
        return "thing"
    if phrase is not None and _crowd(WORD.findall(doc.text[phrase[0]:phrase[1]]), doc.lang):
        return "crowd"  # "Several thousand people refused to leave": a crowd's deed, nobody's statement
    said_by = phrase if phrase is not None and phrase[0] <= speaker.span[0] < phrase[1] else speaker.span
    words_of = doc.text[said_by[0]:said_by[1]]
    if (cut := _medium_adjunct(words_of, doc.lang)) is not None:
        words_of = words_of[:cut]  # "сообщении МО РФ в Telegram-канале": where it was posted, not who
    before = re.search(r"(\w+)[ \t]+$", doc.text[max(0, said_by[0] - 30):said_by[0]])  # the word right before, same line
    if names_medium(words_of, doc.lang) or (not speaker.actor_id and before is not None
                                            and is_media_word(before.group(1), doc.lang)):
        # "Telegram-канал «Грей зона»", "the newspaper Izvestia": a medium relays, like an agency; so
        # do "Polish media" and "Belarusian state television", which are not the state they name, and
        # a name a medium noun stands right before ("радиостанция ZET сообщила")
        return AGENCY
    if speaker.actor_id:
        return None
    words = [w for w in WORD.findall(speaker.name) if any(c.isalpha() for c in w)]
    bare = [w.lower() for w in words if w.lower() not in determiners(doc.lang)]
    if len(bare) == 1 and bare[0].startswith(speaker_words(doc.lang).not_media or ("\x00",)) \
            and common_reading(bare[0], doc.lang) and name_nominative((bare[0],), doc.lang)[0] is None \
            and speaker.resolved_by != "anaphor":
        return UNNAMED  # "Журналист отметил, что… и спросил": the one asking, whom the text does not name
    preps = speaker_words(doc.lang).prepositions
    if words and not _has_name(speaker.name) and all(w.lower() in preps or is_anaphor(w, doc.lang) for w in words):
        return UNNAMED  # "в ведомстве заявили" with no body named before: where or what, not who
    a = speaker.span[0]
    if all(w.isupper() for w in words) and sum(map(len, words)) >= 4:
        line_start = doc.text.rfind("\n", 0, a) + 1
        if not doc.text[line_start:a].strip():
            return "dateline"  # "MOSCOW, November 22. /TASS/." opens its line in capitals
    if doc.tokens and doc.tokens[0].dep:
        first = next((t for t in doc.tokens_in(speaker.span) if t.text[:1].isalpha()), None)
        if first is not None and first.pos == "VERB" and first.text[:1].islower():
            return UNNAMED  # "…, rebuffing press claims that…": a clause before a noun cue, no speaker
    if len(words) == 1 and doc.tokens and doc.tokens[0].dep:
        toks = [t for t in doc.tokens_in(speaker.span) if t.text == words[0]]
        if toks and toks[0].pos not in ("PROPN", "NOUN") and not toks[0].ent:
            return UNNAMED  # "Ведущие …": a capital at the start of a sentence, no name
    return None


def name_problem(name: str, lang: str, registered: bool = False) -> str | None:
    """What is wrong with a speaker's name, read alone (None: it can name a person,
    organisation or state). `registered`: the registry knows the actor."""
    sw = speaker_words(lang)
    if name.lower() in sw.agencies or _only_agency(name, sw):
        return AGENCY
    if registered:
        return None
    if " ".join(name.lower().split()) in sw.page_labels:
        return PAGE_LABEL
    words = [w for w in WORD.findall(name) if any(c.isalpha() for c in w)]
    if not words:
        return "no word"
    if all(part in sw.not_speakers for w in words for part in w.lower().split("-")):
        return UNNAMED  # "they", "Both", "Thirty-two"
    tokens = [w.lower() for w in WORD.findall(name)]
    months = month_words(lang)
    if any((x in months and y.isdigit()) or (x.isdigit() and y in months) for x, y in zip(tokens, tokens[1:])):
        return "dateline"
    if len(words) > MAX_SPEAKER_WORDS and (tail := _name_part(name, lang)) and 2 <= len(tail.split()) <= 4 \
            and name.rstrip(" ,.").endswith(tail):
        return None  # a long title, then the name: "Chief of the Belarusian Border Guard General Anatoly Lappo"
    if len(words) > MAX_SPEAKER_WORDS or {words[0].lower(), words[-1].lower()} & sw.clause_edges:
        return UNNAMED  # a clause read as a speaker ("Pence continues his response to Carlson by")
    if _names_a_thing(words, sw):
        return UNNAMED
    if any(_capitalised(w, sw) for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()):
        return None  # a name: "Steffen Seibert", "the Union State", "Pieskow", "Ahmed al-Sahaf"
    if any(w.lower() in sw.groups or is_anaphor(w, lang) for w in words):
        return None  # people or a body by what they are: "analysts", "a government spokesman", "resort"
    return UNNAMED  # "The flights", "the regime's actions"


def _names_a_thing(words: list[str], sw: SpeakerWords) -> bool:
    """Is the head of the phrase `words` a thing that shows and never says? "Video of Friday's attack
    shows …", "Her Instagram clips", "both its radar and NATO radar confirmed": a name that only
    modifies the thing ("NATO radar") is not who speaks. A capitalised head is a name's own word
    ("Getty Images") and never throws the name away."""
    if not words:
        return False
    head = _head_at(words, sw)
    return _is_thing(words[head], sw) and not (head and words[head][:1].isupper())


def _is_thing(word: str, sw: SpeakerWords, lemma: str = "") -> bool:
    """Is the word (or its lemma) a noun of speakers.yaml `things`?"""
    return word.lower() in sw.things or lemma.lower() in sw.things


def _parsed_head_is_thing(doc: Doc, phrase: tuple[int, int]) -> bool:
    """Is the parse's head of the phrase a lower-case noun of speakers.yaml `things`?"""
    if not (doc.tokens and doc.tokens[0].dep):
        return False
    head = next((t for t in phrase_heads(doc.tokens_in(phrase)) if t.text[:1].isalpha()), None)
    return head is not None and head.text[:1].islower() and _is_thing(head.text, speaker_words(doc.lang), head.lemma or "")


def _head_at(words: list[str], sw: SpeakerWords) -> int:
    """Where the head noun of an English-like phrase is: the word before its first preposition, else
    its last. Prepositions only: "and" joins heads ("a video and photo agency" is an agency)."""
    return next((k for k, w in enumerate(words) if k and w.lower() in sw.prepositions), len(words)) - 1


@cache
def determiners(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon(lang, "pronouns").get("determiners") or [])


def is_anaphor(word: str, lang: str) -> bool:
    """Is the word (in any case form: "дипломата", "ministra") a title noun like "the minister"?"""
    return anaphor_base(word, lang) is not None


@cache
def _anaphors_longest_first(lang: str) -> tuple[str, ...]:
    return tuple(sorted(anaphor_words(lang), key=len, reverse=True))


def anaphor_base(word: str, lang: str) -> str | None:
    """The title noun of pronouns.yaml `anaphors` the word is a form of ("дипломата" -> "дипломат"), or None."""
    return _anaphor_base(word.lower(), lang)


@lru_cache(maxsize=65536)
def _anaphor_base(word: str, lang: str) -> str | None:
    # once per word form: speaker phrases and stance targets ask it of the same words again and
    # again, and each time every anaphor was tried with every suffix
    if word in anaphor_words(lang):
        return word
    suffixes = lexicon(lang, "pronouns").get("anaphor_suffixes") or []
    for a in _anaphors_longest_first(lang):
        if any(word == a + str(suf) for suf in suffixes):
            return a
    # a stem change before the ending: "rzeczniczka" -> "rzeczniczki", "представительница" -> "представительницы",
    # "ведомство" -> "ведомстве", "ministerstwo" -> "ministerstwie" (the final letters that change are
    # pronouns.yaml `anaphor_stem_endings`)
    changing = _anaphor_stem_endings(lang)
    found = next((a for a in _anaphors_longest_first(lang)
                  if suffixes and len(a) >= 6 and a[-1] in changing and word[:len(a) - 1] == a[:-1]
                  and len(word) - len(a) <= 2), None)
    if found is None and lexicon(lang, "pronouns").get("anaphor_lemmas"):
        # the language's morphology for a stem the endings miss ("wiceministra" -> "wiceminister"), in
        # the singular only: "z szefami rządów" is a group in an adjunct, no one who speaks
        found = next((lemma for lemma in sorted(singular_lemmas(word, lang)) if lemma in anaphor_words(lang)), None)
    return found


@cache
def _anaphor_stem_endings(lang: str) -> frozenset[str]:
    return frozenset(str(w) for w in lexicon(lang, "pronouns").get("anaphor_stem_endings") or [])


@dataclass(frozen=True)
class AnaphorFit:
    """What an anaphoric noun phrase may refer back to: a body ("the ministry"), or a person whose
    role title contains one of `title_words` ("the minister"; empty: any person)."""

    body: bool
    title_words: frozenset[str]
    state: bool = False  # a body noun that may stand for a state ("the government", "российская сторона")
    kind: str | None = None  # a noun naming a kind of body ("ministry"): one of the body's names holds it
    roles: frozenset[str] = frozenset()  # registry offices the phrase names ("szef rządu": head_of_government)


@cache
def _anaphor_data(lang: str) -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    data = lexicon(lang, "pronouns")
    bodies = frozenset(str(w).lower() for w in data.get("body_anaphors") or [])
    states = frozenset(str(w).lower() for w in data.get("state_anaphors") or [])
    groups = _role_title_words()
    # a noun names a group of role_title_words.yaml, or lists its own title words
    titles = {str(k).lower(): groups[v] if isinstance(v, str) else frozenset(str(w).lower() for w in v or [])
              for k, v in (data.get("anaphor_titles") or {}).items()}
    return bodies, states, titles


@cache
def _role_title_words() -> dict[str, frozenset[str]]:
    """data/role_title_words.yaml: the words of the registry's (English) role titles by kind of office."""
    return {str(k): frozenset(str(w).lower() for w in v or []) for k, v in shared_data("role_title_words").items()}


def anaphor_fit(heads: Sequence[str], lang: str) -> AnaphorFit | None:
    """The kind of antecedent the anaphoric heads of a phrase ask for, or None (no anaphor). A person
    noun wins over a body noun beside it ("rzecznik MSZ", "the ministry spokesman" are people)."""
    bodies, states, titles = _anaphor_data(lang)
    bases = [b for b in (anaphor_base(h, lang) for h in heads) if b is not None]
    if not bases:
        return None
    base = min(bases, key=lambda b: (b in bodies or b in states, b))
    kind = base if base in _pronoun_words(lang, "kind_body_anaphors") else None
    return AnaphorFit(base in bodies or base in states, titles.get(base, frozenset()), base in states, kind=kind)


def fits_anaphor(doc: Doc, fit: AnaphorFit, actor_id: str | None, gender: str | None) -> bool:
    """Can a speaker (registry id, gender) be what the anaphoric noun refers back to? A body noun
    needs a registered organisation (or a state, for `state_anaphors`); a person noun no body, and a person with a role title on the
    document's date (else any) that contains one of the noun's `title_words`. Unknown people fit."""
    reg = registry_for(doc) if actor_id else None
    actor = reg.by_id(actor_id) if reg is not None and actor_id else None
    if fit.body:
        if fit.kind is not None and actor is not None and actor.type == "organisation" \
                and not _names_hold(actor, fit.kind):
            return False  # "the interior ministry said" after the border committee was quoted
        return actor is not None and (actor.type == "organisation" or (fit.state and actor.type == "state"))
    if gender in ("n", "p") or (actor is not None and actor.type != "person"):
        return False  # "the minister" is no body and no group ("the migrants" of a reported clause)
    if actor is None:
        return True
    if fit.roles and (held := reg.holds(actor.id, fit.roles, doc.date)) is not None:
        return held  # "Szef rządu" after Zelensky was quoted: the head of a government, not a president
    if not fit.title_words or not actor.roles:
        return True
    roles = [r for r in actor.roles if doc.date and r.active_on(doc.date)] or actor.roles
    return any(w in r.title.lower() for r in roles for w in fit.title_words)


@cache
def _honorifics(lang: str) -> frozenset[str]:
    return frozenset(str(w).rstrip(".") for w in lexicon(lang, "titles").get("honorifics") or [])


@cache
def _name_titles(lang: str) -> frozenset[str]:
    data = lexicon(lang, "titles")
    return frozenset(str(w).lower().rstrip(".") for key in ("name_titles", "honorifics") for w in data.get(key) or [])


def is_title_word(word: str, lang: str) -> bool:
    """Is a capitalised word before a name a title and no part of it ("Министр Иван Петровский",
    "Wojewoda Tomasz Nowak", "Dr. Jane Doe")? Title nouns (`is_anaphor`), titles.yaml `name_titles`
    and `honorifics`, speakers.yaml `title_abbreviations`."""
    low = word.lower().rstrip(".")
    return (is_anaphor(low, lang) or low in _name_titles(lang)
            or low in speaker_words(lang).title_abbreviations)


def full_name(words: Sequence[str], lang: str) -> list[str]:
    """The words of a capitalised run that name the person: leading title words dropped, the
    surname kept ("Minister Jan Kowalski" -> "Jan Kowalski"); [] when fewer than two remain."""
    rest = _drop_titles(words, lang)
    return rest if len(rest) >= 2 else []


def _drop_titles(words: Sequence[str], lang: str) -> list[str]:
    k = 0
    while k < len(words) and is_title_word(words[k], lang):
        k += 1
    return list(words[k + _body_words(words[k:], lang):])


def _body_words(words: Sequence[str], lang: str) -> int:
    """How many leading words of a capitalised run of three or more are a body's name in the genitive
    (speakers.yaml `genitive_body_endings`): "Nowej Lewicy Jan Nowak" -> 2. Two words always stay."""
    ends = speaker_words(lang).body_endings
    k = 0
    while ends and len(words) - k > 2 and words[k].lower().endswith(ends):
        k += 1
    return k


def registry_for(doc: Doc) -> Any | None:
    """The run's actor registry (doc.options["registry"]) or the shipped one; None if unavailable."""
    reg = doc.options.get("registry")
    if reg is not None:
        return reg
    try:
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


def _actor_type(doc: Doc, actor_id: str | None) -> str | None:
    """The registry type of `actor_id` (person, organisation, state…), or None when unknown."""
    reg = registry_for(doc) if actor_id else None
    actor = reg.by_id(actor_id) if reg is not None and actor_id else None
    return actor.type if actor is not None else None


def _is_state(doc: Doc, actor_id: str | None) -> bool:
    return _actor_type(doc, actor_id) == "state"


def is_person(doc: Doc, actor_id: str | None) -> bool:
    """Is `actor_id` a person in the document's registry?"""
    return _actor_type(doc, actor_id) == "person"


def _actor_name(doc: Doc, actor_id: str) -> str | None:
    reg = registry_for(doc)
    actor = reg.by_id(actor_id) if reg is not None else None
    return actor.name if actor is not None else None


def _medium_adjunct(surface: str, lang: str) -> int | None:
    """Where a closing phrase of a preposition and a platform or a document starts ("президента Румынии в
    Twitter", "the president on Twitter": speakers.yaml `platforms`; "Szef polskiej SG w piśmie": cues.yaml
    `source_nouns`), else None: where or how it was said, not who."""
    words = list(WORD.finditer(surface))
    sw = speaker_words(lang)
    nouns = cue_table(lang).source_nouns
    for k, w in enumerate(words[1:-1], 1):
        after = words[k + 1:]
        if w.group().lower() in sw.prepositions and len(after) == 1 and (
                after[0].group().lower().startswith(sw.platforms or ("\x00",))
                or (nouns is not None and nouns.fullmatch(after[0].group().lower()))):
            return w.start()
    return None


def _without_occasion(surface: str, lang: str) -> str:
    """"Hersh in his report", "Weichert on Monday": the name before a preposition whose phrase says
    where or when (only lower-case words and numbers follow), not who."""
    words = list(WORD.finditer(surface))
    preps = speaker_words(lang).prepositions
    for k, w in enumerate(words[1:], 1):
        if w.group().lower() not in preps:
            continue
        before, after = words[:k], words[k + 1:]
        if (all(x.group()[:1].isupper() and x.group().lower() not in determiners(lang) for x in before)
                and not all(is_title_word(x.group(), lang) for x in before)
                and after and not any(x.group()[:1].isupper() for x in after)):
            return surface[:w.start()]
        break
    return surface


def _clean_surface(text: str) -> str:
    text = text.strip(" ,;:-–—\"'“”„«»()\n\t")
    return re.sub(r"\s+", " ", text)


def _possessive_document(words: list[str], lang: str) -> str | None:
    """The personal pronoun a possessive before a document noun stands for ("her statement" → "she",
    "его заявление" → "он"; pronouns.yaml `possessive`, cues.yaml `source_nouns`), or None."""
    gender = (lexicon(lang, "pronouns").get("possessive") or {}).get(words[0])
    nouns = cue_table(lang).source_nouns
    if gender is None or nouns is None or not nouns.fullmatch(words[1]):
        return None
    return next((w for w, g in pronoun_table(lang).items() if g == gender), None)


def resolve_speaker(
    doc: Doc,
    span: tuple[int, int] | None,
    history: list[Speaker],
    gender_hint: str | None = None,
    at: int | None = None,
    since: int | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> Speaker | None:
    """The speaker of the phrase doc.text[span]; pronouns and anaphors use `history` (latest last).

    `at` (where the cue is) lets a speaker-less cue or a pronoun with no earlier speaker fall back
    to the person the text just named. `since` (where the last statement ended): a person the
    text names after it, outside `skip` (the statement's own words), is the subject of a cue
    with no subject ("Do kryzysu odniósł się X. – … – powiedział."), before any earlier speaker."""
    if span is not None and (initial := re.fullmatch(r"\W*([^\W\d_])\W*", doc.text[span[0]:span[1]])) is not None \
            and "." in doc.text[span[0] + initial.start(1):span[1] + 1] \
            and initial.group(1).lower() not in pronoun_table(doc.lang):
        # "– сказал Г." (a copy cut after the initial): the last speaker whose name opens with that letter,
        # else nobody; a lone letter is no one's name
        letter = initial.group(1).upper()
        named = next((h for h in reversed(history) if (h.mention or "").strip()[:1].upper() == letter), None)
        return replace(named, span=span, resolved_by="previous") if named is not None else None
    if span is not None and doc.text[span[0]:span[1]].strip()[:1] == "(" and doc.text[span[0]:span[1]].strip()[-1:] == ")":
        span = None  # '"Thank you, USA" (Dziękujemy, USA) napisał': a gloss in brackets, nobody speaking
    if span is not None and _oblique_relative(doc, span):
        span = None  # "дал интервью «Известиям», в котором заявил": the relative is the interview, not who spoke
    if span is None or span[1] <= span[0]:
        if at is not None and (rel := _relative_subject_before(doc, at, skip)) is not None:
            return rel  # "…, Mariusz Kamiński, który mówiąc o sytuacji, stwierdził": the relative's antecedent
        prev = None
        if at is not None and not history and document_named_after(doc, _word_end(doc.text, at)):
            # "– podano w komunikacie", "— говорится в заявлении" before anyone spoke: the document's
            # issuer is the body the text named before ("MSZ Białorusi potwierdziło otrzymanie noty"),
            # never a person; after a statement the document goes on with its speaker (below)
            prev = _subject_person_before(doc, at, "n", None, sentences_back=3, skip=skip)
            if prev is not None:
                return prev
        if at is not None and since is not None:
            # the person named since the last statement, nearest first, one the registry knows first within
            # a sentence ("– … – powiedział Kamiński. O tym mówił litewski wiceminister Arnas Petrauskas.
            # Przekazał, że…": Petrauskas); "To Siergiej Andriejew, ambasador … Po wyjściu zaprzeczał, by…":
            # one the registry does not know goes on, not the last speaker
            for back in range(SINCE_SENTENCES_BACK + 1):
                prev = _subject_person_before(doc, at, gender_hint, None, sentences_back=back, after=since,
                                              skip=skip, speakers=history)
                if prev is None and back <= SUBJECT_SENTENCES_BACK:
                    prev = _unknown_person_before(doc, at, gender_hint, None, sentences_back=back, after=since)
                    if prev is not None and any(h.name == prev.name for h in history):
                        prev = None  # the last speaker named again ("…," said X. "…"): the history has them, surer
                if prev is not None:
                    break
        prev = prev or _previous(history, gender_hint, None)
        if prev is None and at is not None:
            prev = _subject_person_before(doc, at, gender_hint, None)
        if prev is None and at is not None:
            prev = _unknown_person_before(doc, at, gender_hint, None)
        return prev
    a, b = _widen_to_medium(doc, *span)
    if (verb := _coordinated_verb(doc, a, b)) is not None:
        b = verb  # "– mówił białoruski polityk i wskazał, że…": the phrase ends before the next clause's verb
    surface = doc.text[a:b]
    dash = list(re.finditer(r"(?:\s|[).])[-–—]\s+", surface))
    if dash and surface[dash[-1].end():].strip() and (at is None or b <= at):
        # "MOSCOW, Nov 10 (Reuters) - Russia's foreign ministry said", "Tbilisi, Sep 28 (EFE).- Armenian
        # Prime Minister X said": a dateline before the dash (a subject before its cue; after the cue
        # the dash opens an apposition: "said X - a spokesman")
        a += dash[-1].end()
        surface = doc.text[a:b]
    paren = surface.find("(")
    close = surface.find(")", paren) if paren > 0 else -1
    if close > 0 and (person_entity_in(doc, a + close + 1, b) is not None
                      or (doc.tokens and not doc.tokens[0].dep and _name_part(doc.text[a + close + 1:b], doc.lang))):
        # "szef policji i straży granicznej (PPA) Estonii Egert Belitsev": the person named after the
        # bracket that qualifies the title, not the title
        a += close + 1
        surface = doc.text[a:b]
    elif paren > 0 and close > 0 and re.fullmatch(r"\(\s*[^\W\d_]{2,8}\s*\)", surface[paren:close + 1]) \
            and surface[paren + 1:close].strip().isupper() and surface[close + 1:].strip()[:1].isupper():
        pass  # "Министерство иностранных дел (МИД) Белоруссии": an acronym glossing the words before, which go on
    elif paren > 0 and surface[:paren].strip():
        # "Sen. Claire McCaskill (D-Mo.)", "Pieskow (Kreml)": the bracket qualifies the name before it
        b = a + len(surface[:paren].rstrip())
        surface = doc.text[a:b]
    if (cut := _medium_adjunct(surface, doc.lang)) is not None:
        b = a + len(surface[:cut].rstrip())
        surface = doc.text[a:b]
    for m in doc.mentions_starting((a, b)):
        if m.kind == "title" and b < m.end:
            b = m.end  # "said the head of EU diplomacy": the phrase was cut at "of", inside the title
            surface = doc.text[a:b]
    covering = next((m for m in doc.mentions_starting((max(0, a - 60), a))
                     if m.kind == "title" and m.actor_id and m.start < a and b <= m.end), None)
    if covering is not None and is_person(doc, covering.actor_id):
        # "after Belarus' president claimed": the parser took only "president" for the subject; the
        # title around it, with its country, names the holder
        return Speaker(_actor_name(doc, covering.actor_id) or covering.text, covering.actor_id,
                       (covering.start, covering.end), covering.text, gender_of(doc, covering.actor_id, history),
                       "registry", 0.8)
    if (body := _unnamed_officials_body(doc, a, b)) is not None:
        # "a Latvian Foreign Ministry spokesman told…": one of the ministry's people, unnamed; the
        # ministry speaks (its spokesman's office has no holder the registry knows)
        return Speaker(body.name, body.id, (a, b), doc.text[a:b], "n", "registry", 0.7)
    if (name_start := _name_closing_description(doc, a, b)) is not None:
        # "the president of the Kurchatov Institute and a friend of Putin, Mikhail Kovalchuk": the person
        # named after the description, not one named inside it
        a = name_start
        surface = doc.text[a:b]
    if (name_end := _apposed_name(doc, a, b)) is not None:
        # "Jan Kowal, a spokesman for the Estonian Interior Ministry, said": the person named first,
        # not the state or body of the apposition that describes them
        b = name_end
        surface = doc.text[a:b]
    lang = doc.lang
    title = next((m for m in doc.mentions_starting((max(0, a - 120), a)) if m.kind == "title" and 0 <= a - m.end <= 1), None)
    if title is not None and all(w[:1].isupper() for w in WORD.findall(surface)) \
            and (holder := _title_holder_named(doc, title, surface)) is not None:
        # "Глава МИД Эстонии | Маргус Цахна назвал" (the finder kept only the name after the title)
        return Speaker(holder.name, holder.id, (a, b), surface, gender_of(doc, holder.id, history), "registry", 0.85)
    bare = [w for w in WORD.findall(surface) if w.lower() not in determiners(lang)]
    short_start = a
    if len(bare) > 1 and is_acronym(bare[-1]) and (whose := _state_words_before(doc, a, b)) is not None:
        # "Finland's NBI said": the state says whose body; the acronym names it
        bare, short_start = bare[-1:], whose
    preps = speaker_words(lang).prepositions
    if len(bare) > 1 and is_acronym(bare[-1]) and all(w.lower() in preps for w in bare[:-1]):
        bare = bare[-1:]  # "В СК также уточнили": where the body spoke is the body
    if (len(bare) == 1 and is_acronym(bare[0]) and name_problem(bare[0], lang) is None
            and not any(m.actor_id for m in doc.mentions_starting((short_start, b)))):
        if (full := _spelled_out(doc.text, bare[0], lang)) is not None:
            # "the TTJA believes" after "the Consumer Protection and Technical Regulatory Authority (TTJA)":
            # the body by the name the text spelt out
            return Speaker(full, None, (a, b), surface, "n", "text", 0.6)
        if (glossed := _glossed_speaker(doc, bare[0], a, gender_hint)) is not None:
            # "По данным СК" after "В Следственном комитете (СК) Белоруссии сообщили": whom the phrase
            # that introduced the short name names (the registry's body or its state)
            return replace(glossed, span=(a, b), mention=surface)
    # a name in quotation marks ("телеканал «Россия 24»", "partii „Prawo i Sprawiedliwość”") is the
    # medium's or the party's, not the state or person it contains
    quoted = [(a + x.start(), a + x.end()) for x in _QUOTED.finditer(surface)]
    inside = [m for m in doc_mentions(doc) if m.start >= a and m.end <= b
              and not any(qa <= m.start and m.end <= qb for qa, qb in quoted)]
    # a name or title inside a body's registered name ("пресс-служба президента Белоруссии",
    # "Lukashenka's press service") is part of that name: the body speaks
    inside = [m for m in inside if not any(o.kind == "body" and o.actor_id and o.start <= m.start and m.end <= o.end
                                           and (o.end - o.start) > (m.end - m.start) for o in inside)]
    if (body_name := _quoted_body_name(surface, lang)) is not None \
            and not any(m.kind in ("name", "title", "body") for m in inside):
        # 'Ukraińska Państwowa Agencja "Ukrhydroenergo"', 'оперативное командование «Юг»': a body the
        # registry does not know, called by its own name in quotation marks after saying what it is
        return Speaker(body_name, None, (a, b), surface, "n", "text", 0.6, text_body=True)
    if not history and not inside and (named := _named_next(doc, a, b)) is not None:
        # "…, a senior opposition politician has claimed. Rafal Trzaskowski, …, also said…": a lead that
        # describes its speaker names them in the next sentence
        return named
    if (closing := _name_after_mentions(doc, a, b)) is not None:
        # "Chief of the State Border Guard Service Guntis Pujats": a person the registry does not know,
        # named after the title and the body that say who they are, not the title's registered holder;
        # the name's own span, so that what the phrase's body is ("it") is not taken for the person's
        start = doc.text.rindex(closing.split()[0], a, b)
        return Speaker(closing, None, (start, start + len(closing)), closing, gender_hint, "text", 0.6)
    if (owned := _named_after_possessive(doc, a, b, inside)) is not None:
        # "The Lithuanian Interior Minister’s Adviser Laurinaityte-Grigiene": the one named after the
        # possessive speaks, a person the registry does not know; the owner only says whose adviser
        return Speaker(owned, None, (a, b), surface, gender_hint, "text", 0.6)
    if inside:
        # Prefer a person's name, then a title, then a body; among equals the first ("– заявил
        # Лукашенко Владимиру Путину": the one who spoke, then whom he spoke to).
        order = {"name": 0, "title": 1, "body": 2, "state": 3, "demonym": 4}
        best = sorted(inside, key=lambda m: (order.get(m.kind, 5), m.start))[0]
        people = [m for m in inside if m.kind == "name" and is_person(doc, m.actor_id)]
        if len(people) > 1:
            # "Morawiecki's spokesman Piotr Müller", "Rzecznik premiera Mateusza Morawieckiego Piotr
            # Müller", "Пресс-секретарь Александра Лукашенко Наталья Эйсмонт": the person in the
            # nominative, not the possessor (nor "заявил Лукашенко Владимиру Путину"'s addressee)
            heads = [m for m in people if not _owns_next(doc, m.end) and _in_base_form(doc, m)]
            best = heads[0] if heads else best
        possessor = _owns_next(doc, best.end)
        if best.kind == "name" and (possessor or not _in_base_form(doc, best)) \
                and (run := _capitalised_run(doc.text, best.end, b)):
            # "Lukashenko's adviser Ivan Petrovsky", "Советник Александра Лукашенко Иван Петровский",
            # "doradca Zełenskiego Jan Kowalenko" (the finder left the title out): a person the registry
            # does not know, named after the one whose adviser they are
            return Speaker(run, None, (a, b), surface, gender_hint, "text", 0.6)
        name_run = _name_part(surface, lang)
        run_start = a + surface.find(name_run) if name_run else -1
        heads = _head_words(doc, a, b, [w.group().lower() for w in WORD.finditer(surface)])
        if best.kind in ("body", "state", "demonym") and name_run and not (best.start <= run_start < best.end):
            pass  # "rzecznik MON Jan Kowalczyk", "rosyjski polityk Witalij Milonow": the person, not the body
        elif best.kind in ("body", "state", "demonym") and (per := person_entity_in(doc, best.end, b)):
            # "Former U.S. Ambassador to Poland Jane Doe": the tagger's person after the states, not a state
            return Speaker(per, None, (a, b), surface, gender_hint, "text", 0.6)
        elif best.kind in ("state", "demonym") and (named := _named_after_description(doc, best, b)) is not None:
            # "Finnish operator Gasgrid", "Russian energy giant Gazprom": the body the text names after
            # saying what it is, not the state its adjective names
            return Speaker(named, None, (a, b), surface, "n", "text", 0.6)
        elif best.kind == "name" and (other := _other_first_name(doc, best, a)) is not None:
            # "Министр Анна Петровская" when the registry knows only a Teresa of that surname: someone else
            return Speaker(f"{other} {best.text}", None, (a, b), surface, gender_hint, "text", 0.6)
        elif best.kind == "title" and (per := person_entity_in(doc, best.end, b)):
            if (holder := _title_holder_named(doc, best, per)) is not None:
                return Speaker(holder.name, holder.id, (a, b), surface, gender_of(doc, holder.id, history),
                               "registry", 0.85)
            # "Deputy Foreign Minister of the Republic of Ruritania Ivan Petrovsky": a person the registry
            # does not know holds the title (or another country's): the name, not the title's holder
            return Speaker(per, None, (a, b), surface, gender_hint, "text", 0.6)
        elif best.kind == "title" and name_run and run_start >= best.end:
            pass  # "wiceminister Jan Kowalski" with no entity tagger: the name run, as above
        elif (best.kind in ("body", "state", "demonym") and (doc.tokens and doc.tokens[0].dep or best.kind == "demonym")
              and any(is_anaphor(h, lang) and h not in best.text.lower() and not _names_office_of_body(h, best, lang)
                      and not (best.kind == "state" and state_voice(h, lang)) for h in heads)):
            # "a senior NATO official" is an unnamed person, "rosyjski minister" a title: not the state;
            # but "Представитель Латвии" is the state's own voice (speakers.yaml state_voices)
            pass
        elif best.kind == "body" and best.start > a and _person_noun_first(surface, lang):
            # "Rzeczniczka Podlaskiej SG" (no parse to say so): the body's spokeswoman, not the body; but
            # "zdaniem wiceszefa rosyjskiego MSZ" after "wiceminister spraw zagranicznych Rosji X": X
            if (titled := _titled_before(doc, history, heads, lang)) is not None:
                return replace(titled, span=(a, b), mention=surface, resolved_by="anaphor")
            return Speaker(_clean_surface(surface), None, (a, b), surface, gender_hint, "text", 0.6)
        elif best.kind == "demonym" and len(inside) == 1 and _names_a_force(surface, lang):
            # "Polish police said", "польские пограничники заявили": that country's body, not the
            # state; the registry would have found the body by its alias, so the phrase speaks
            return Speaker(_clean_surface(surface), None, (a, b), surface, gender_hint, "text", 0.6)
        elif best.kind == "demonym" and (person := _person_of_country(doc, best, surface, a)) is not None:
            return person  # "– dodaje Rosjanin": the Russian named before, not Russia
        elif best.kind == "demonym" and gender_hint != "p" and _lone_demonym(surface, best, lang):
            # "– mówi Irakijczyk", "an Iraqi said": one person of that country the text does not name,
            # never the state (a state speaks as "Iraq", "Baghdad" or its bodies)
            return Speaker(_clean_surface(surface), None, (a, b), surface, gender_hint, "text", 0.5)
        elif best.kind == "title" and best.actor_id is None:
            pass  # "главы МИД": a title of no named country; the antecedent or the home country's holder below
        elif best.kind in ("demonym", "state") and _demonym_modifies_people(doc, best, a, b):
            # "Chinese experts said", "Western rulers warned", "Население Италии считает": people of
            # that country, not the state
            # (its officials are its voice: "German officials said" stays Germany)
            return Speaker(_clean_surface(surface), None, (a, b), surface, gender_hint, "text", 0.6)
        elif (best.kind == "name" and at is not None and b <= at and doc.text[best.end:b].strip()
              and not (doc.tokens and doc.tokens[0].dep) and oblique_name(best.text, lang)
              and not _alias_as_written(doc, best) and not possessor
              and _name_part(doc.text[best.end:b], lang) is not None):
            # "…, która nie uznawała Łukaszenki za prawowitego prezydenta Białorusi wiceminister Paweł
            # Jabłoński odparł": with no parse the phrase ran back over a clause; a name in an oblique
            # case is its object, and the subject is the name nearer the cue
            return resolve_speaker(doc, (best.end, b), history, gender_hint, at, since, skip)
        elif (best.kind == "name" and at is not None and b <= at and not doc.text[best.end:b].strip()
              and not (doc.tokens and doc.tokens[0].dep) and oblique_name(best.text, lang)
              and not _alias_as_written(doc, best)):
            # "Zapytany, czy UE działa w interesie Putina, stwierdził": a name in an oblique case before
            # the cue is no subject (Polish subjects are nominative): the person the text named since the
            # last statement, or the last speaker, if not that one; else nobody rather than a guess
            oblique = best.actor_id
            named = _subject_person_before(doc, at, gender_hint, None, sentences_back=3, after=since or 0, skip=skip,
                                           fits=lambda actor_id: actor_id != oblique)
            prev = named or _previous([h for h in history if h.actor_id != oblique], gender_hint, None)
            return prev or Speaker(None, None, (a, b), surface, gender_hint, "unresolved", 0.5)
        elif best.kind in ("state", "demonym") and _person_noun_first(surface, lang):
            pass  # "Ambasador Rosji w Polsce ujawnił": a person's title, which refers back (below), no body
        elif best.kind in ("state", "demonym") and _body_head_before(doc, best, a):
            # "Совет безопасности Белоруссии заявил", "Rada Bezpieczeństwa Białorusi oceniła": a body the
            # registry does not know, named by its head and the state in the genitive, not the state
            return Speaker(_clean_surface(surface), None, (a, b), surface, gender_hint, "text", 0.6)
        elif best.kind != "demonym" or len(inside) == 1:
            name = _actor_name(doc, best.actor_id) or best.text
            return Speaker(name, best.actor_id, (best.start, best.end), best.text, gender_of(doc, best.actor_id, history),
                           "registry", 0.9)
    words = [w.group().lower() for w in WORD.finditer(surface)]
    if len(words) == 1 and words[0] in speaker_words(lang).relatives:
        # "Lavrov, who said…": Lavrov; with nothing before it, the phrase stays (and names nobody)
        return _antecedent(doc, a, b) or Speaker(surface.strip(), None, (a, b), surface, None, "text", 0.4)
    pronouns = pronoun_table(lang)
    if len(words) == 2 and (owner := _possessive_document(words, lang)) is not None:
        words = [owner]  # "her statement reads": whoever "she" is
    if words and len(words) <= 2 and words[-1] in pronouns:
        if pronouns[words[-1]] == "p":
            # "they" never stands for one person the registry knows, whatever that person's gender
            history = [h for h in history if not is_person(doc, h.actor_id)]
        gender = pronouns[words[-1]]
        newer = None
        if gender in ("m", "f", "n") and since is not None:
            # "Putin said X. On Friday Lukashenko met troops. He said Y": the subject the text named
            # since the last statement, not the speaker before it; so for "it" and a body ("The EU
            # accused Minsk… Belarus's border committee released a video… '…,' it stated")
            newer = _subject_person_before(doc, a, gender, (a, b), sentences_back=1, after=since, skip=skip,
                                           subject_only=True)
            if newer is None and gender in ("m", "f"):
                # "… Владимир Леонтьев … отрицал подрыв ГЭС. Однако позже он сказал": a person the registry
                # does not know, named since the last statement
                newer = _unknown_person_before(doc, a, gender, (a, b), sentences_back=1, after=since)
                if newer is not None and (any(h.name == newer.name for h in history)
                                          or oblique_only((newer.name or "").split(), lang)
                                          or not _named_as_subject(doc, newer.name or "", since, a)):
                    # "в интервью … Дмитрию Киселеву", "In an interview with Rusty Humphries, Ham made it
                    # clear…": whom he spoke to, not who
                    newer = None
        prev = newer or _previous(history, gender, (a, b))
        if prev is not None:
            prev.mention = surface
            return prev
        # not a person named inside the statement's own quotation ("«… президента Зеленского …», — рассказал
        # он"); a reported clause's subject may be the pronoun's ("The ministry summoned X, it said")
        quoted = [(x, y) for x, y in skip if doc.text[max(x - 1, 0):x + 1].strip()[:1] in _OPENING]
        if pronouns[words[-1]] in ("m", "f", "n") and (named := _subject_person_before(doc, a, pronouns[words[-1]], (a, b),
                                                                                      skip=quoted)):
            named.mention = surface
            return named
        person = _last_person_before(doc, a, skip=quoted) if pronouns[words[-1]] in ("m", "f") else None
        if person is not None and not _may_be(doc, person, pronouns[words[-1]]):
            person = None  # "Merkel spoke with Putin. She urged him…": not Putin
        if person is not None:
            # "Президент Белоруссии Александр Лукашенко … — сказал он": the registry's name for the person
            known = reg.resolve(person, lang, doc.date) if (reg := registry_for(doc)) is not None else None
            if known is not None and known.type == "person" and _all_words_named(known, person):
                return Speaker(known.name, known.id, (a, b), surface, pronouns[words[-1]], "pronoun", 0.5)
            return Speaker(person, None, (a, b), surface, pronouns[words[-1]], "pronoun", 0.5)
        if pronouns[words[-1]] in ("m", "f") and (named := _unknown_person_before(doc, a, pronouns[words[-1]], (a, b))):
            named.mention = surface
            return named
        if not history and pronouns[words[-1]] in ("m", "f") and (
                later := _registered_person_after(doc, b, pronouns[words[-1]])) is not None:
            later.mention = surface
            return later  # "«…», — заявил он." opening a text whose lead was cut: the person it names next
        return Speaker(_clean_surface(surface), None, (a, b), surface, pronouns[words[-1]], "pronoun", 0.4)
    nouns = cue_table(lang).source_nouns
    # "a company statement" too: a lower-case noun before the document's is its kind of issuer, who
    # the text named before, never a speaker of its own ("a Kremlin statement" names its issuer: a mention)
    modifier = [w for w in words[:-1] if w not in determiners(lang) and w not in _pronoun_words(lang, "indefinite_articles")]
    if nouns is not None and words and nouns.fullmatch(words[-1]) and (owner := _possessor_span(doc, a, b)) is not None:
        # "Barzani's statement continued": the one whose statement it is
        return resolve_speaker(doc, owner, history, gender_hint, at, since, skip)
    if (words and len(words) <= 3 and nouns is not None and nouns.fullmatch(words[-1])
            and (not modifier or len(modifier) == 1 and modifier[0] in surface and not inside)):
        # '"…," the statement said' (after 'X said in a statement'): the document's issuer, never
        # "the statement" as a speaker; with no issuer the text named, nobody
        issuer = _issuer_before(doc, history, nouns, (a, b))
        if issuer is not None and modifier and (not _may_name_text_body(modifier, issuer.name, lang)
                                                or _is_state(doc, issuer.actor_id)):
            issuer = None  # "a company statement" after a state spoke: not the state's
        return issuer or Speaker(None, None, (a, b), surface, "n", "unresolved", 0.5)
    if len(words) > 2 and (per := person_entity_in(doc, a, b)):
        # "The chairman of the New Left parliamentary club Jan Kowalski": the tagger's person, not
        # the party's capitals before it
        return Speaker(per, None, (a, b), surface, gender_hint, "text", 0.6)
    if (spokes := _owners_spokesperson(doc, words, a, b, history)) is not None:
        return spokes
    heads = _head_words(doc, a, b, words)
    dets = determiners(lang)
    # "the minister", "Romania's defence minister", not "a senior official"
    definite = not dets or (words and words[0] in dets) or _place_possessive(doc, a, b)
    fit = anaphor_fit(list(heads), lang)
    reg = registry_for(doc)
    # "бывшего премьер-министра Украины": a former holder, and the country's capital is no person's name
    former = reg is not None and reg.names_former(doc.text, a, b, lang)
    # "dodał wiceszef MSWiA" names an office, not a person: the holder the text named refers back.
    # A title the registry knows, written in capitals ("the Minister of National Defence"), a
    # country's name ("президент Румынии") and, for a body noun, a country's adjective ("the Western
    # military alliance") are no person's name
    untitled = surface
    for m in doc.mentions_starting((a, b)):
        country_word = m.kind in ("title", "state") or m.label in ("LOC", "GPE") or (
            m.kind == "demonym" and fit is not None and fit.body) or (m.kind == "body" and _owns_next(doc, m.end))
        # (a body's possessive, "the State Border Guard Service’s chief", says whose office, no one's name)
        if country_word and m.end <= b:
            untitled = untitled[: m.start - a] + "x" * (m.end - m.start) + untitled[m.end - a :]
    if fit is not None and not fit.body and is_anaphor(words[0], lang):
        # "gość Polskiego Radia 24", "the host of Channel 4": the medium is whose guest, no person's name;
        # "Rozmówczyni Macieja Głogowskiego": the journalist is whose interlocutor, not who speaks
        medium = next((m for m in WORD.finditer(surface) if m.start() and is_media_word(m.group().lower(), lang)), None)
        if anaphor_base(words[0], lang) in _pronoun_words(lang, "host_nouns") and len(words) > 1:
            medium = next(m for m in WORD.finditer(surface) if m.start())
        if medium is not None:
            untitled = untitled[:medium.start()] + "x" * (len(untitled) - medium.start())
    office = [w for w in WORD.findall(surface)[1:-1] if w[:1].isupper()]
    if dets and len(words) == 3 and words[0] in dets and fit is not None and not fit.body and office \
            and is_anaphor(words[-1], lang) and not any(m.kind in ("state", "demonym") for m in doc.mentions_starting((a, b))):
        # "the Council head": between the article and the title noun a capitalised word says whose office
        # it is, no person's name; the person referred back to holds an office of that name
        untitled = surface[:1] + surface[1:].lower()
        fit = replace(fit, title_words=frozenset(w.lower() for w in office))
    unnamed_title = not _names_a_person(untitled, lang) or (former and _name_part(surface, lang) is None)
    if fit is not None and not fit.body and reg is not None:
        fit = replace(fit, roles=reg.title_roles(surface, lang))
    elif fit is None and reg is not None and unnamed_title and (roles := reg.title_roles(surface, lang)):
        # "главы МИД" (the title's head noun is no anaphor): whoever held the office, named before or at home
        fit = AnaphorFit(False, frozenset(), roles=roles)
    former = former and fit is not None and bool(fit.roles)
    if fit is not None and fit.body and len(words) > 1 and _home_body_id(" ".join(words), lang) is not None:
        fit = None  # "poinformował resort dyplomacji": the phrase names the home ministry, not the last body
    if words and len(words) <= 6 and definite and fit is not None and unnamed_title:
        # "the ministry" refers back to a body, "the minister" to a person who is one; "the former
        # prime minister" to a person who was one, never to the holder on the date
        # "the top EU official", "the Belarusian leader": the state the phrase names is the referent's
        qualifiers = {q.country for m in doc_mentions(doc) if a <= m.start and m.end <= b and m.kind in ("state", "demonym")
                      and reg is not None and (q := reg.by_id(m.actor_id)) is not None and q.country}
        if reg is not None:
            # "Rzecznik MSZ Turcji": the country is a word of one title mention
            for m in doc.mentions:
                if a <= m.start and m.end <= b and m.kind == "title":
                    qualifiers |= reg.countries_named(m.text, lang)

        def fits(actor_id: str | None, gender: str | None = None) -> bool:
            if former:
                return actor_id is not None and reg is not None and reg.held_before(actor_id, fit.roles, doc.date)
            actor = reg.by_id(actor_id) if actor_id and reg is not None else None
            if qualifiers and actor is not None and actor.country and actor.country not in qualifiers:
                return False
            return fits_anaphor(doc, fit, actor_id, gender)
        # a person noun ("Wiceszef MSZ stwierdził") never refers back to a body the text named in its own
        # words ("– wyjaśnia Urząd do Spraw Cudzoziemców"), which no registry id marks as one
        offices = {base for base in (anaphor_base(h, lang) for h in heads) if base in _anaphor_data(lang)[2]}
        # a body noun may also refer back to a body the text named in its own words ("the agency said"
        # after "the TTJA believes…"), never to a person
        fitting = [h for h in history if (fits(h.actor_id, h.gender) or fit.body and h.text_body
                                          and _may_name_text_body(heads, h.name, lang))
                   and (fit.body or h.actor_id or not _names_body(h.name, lang))
                   and not names_only_medium(h.mention or h.name or "", lang)  # "еженедельник Defense News"
                   and (h.actor_id or _text_title_fits(doc, h.name, offices) or fit.body)]
        if fit.roles and reg is not None and (any(h.actor_id and reg.holds(h.actor_id, fit.roles, doc.date)
                                                  for h in fitting) or _named_holder(doc, fit.roles) is not None):
            # "– говорит президент" after Lukashenko and an interviewer the registry does not know, "wrote
            # the head of Polish diplomacy" after the police spokesman spoke and the minister was named:
            # the holder of that office, not a person the text gave no such title
            fitting = [h for h in fitting if h.actor_id or _text_title_fits(doc, h.name, offices, strict=True)]
        gender = "n" if fit.body else gender_hint
        prev = (_previous(fitting, gender, (a, b))
                or _subject_person_before(doc, a, gender, (a, b), fits=fits))
        if prev is None and (fit.roles or fit.title_words):
            # "— сказал глава государства" after a quotation of several paragraphs: the holder of that
            # office the text named further back, before the home country's (a wrong person costs most);
            # so too a noun that fits only such holders ("– oświadczył białoruski dyktator": a president)
            prev = _subject_person_before(doc, a, gender, (a, b), sentences_back=ANAPHOR_SENTENCES, fits=fits)
        if prev is not None:
            prev.mention = surface
            prev.resolved_by = "anaphor"
            return prev
        if fit.body and not former and (named := _text_body_named_before(doc, a, heads)) is not None:
            # "The Belarusian Investigative Committee has labeled … the committee said": the body the text
            # named with that noun just before, which the registry does not know, not "the committee"
            return Speaker(named, None, (a, b), surface, "n", "anaphor", 0.55, text_body=True)
        if not former and (titled := name_of_titled_text_person(
                Speaker(None, None, (a, b), surface, gender_hint, "anaphor", 0.55), doc, a)).name:
            return titled  # "– powiedział wiceszef MSZ" after "wiceszef MSZ Jan Wrona" (no earlier speaker fits)
        if not former and fit.roles and (named := _named_holder(doc, fit.roles)) is not None and fits(named.id):
            # "– powiedział wiceszef MSZ" before the text names "Przydacz": the one person the document
            # names anywhere who held that office on its date (of several deputy ministers, the one here)
            return Speaker(named.name, named.id, (a, b), surface, gender_of(doc, named.id, history), "anaphor", 0.6)
        if not former and not history and not fit.body and (fit.title_words or fit.roles) \
                and (later := _registered_person_after(doc, b, gender_hint)) is not None and fits(later.actor_id):
            # '"…" - napisał rzecznik.' opening a text whose lead was cut: the holder of such a title (a
            # title that names an office, pronouns.yaml anaphor_titles) whom the text names next ("dodał Żaryn")
            later.span, later.mention, later.resolved_by = (a, b), surface, "anaphor"
            return later
        if not former and fit.roles and (titled := _titled_name(doc, fit.roles, surface, reg)) is not None:
            # "— добавил президент Румынии" after "Президент Румынии Клаус Йоханнис провел…": the person the
            # text names with that title, whom the registry does not know
            return Speaker(titled, None, (a, b), surface, gender_hint, "anaphor", 0.55)
        named_here = next((t for t in titled_names(doc) if t.start == a and t.certain), None)
        if named_here is not None:
            # "сообщил министр … и администрации республики Томаш Семоняк": the title names the person the
            # text writes right after it (the parse left the name out of the subject), not the home holder
            known = reg.by_name(named_here.name) if reg is not None else None
            if known is not None:
                return Speaker(known.name, known.id, (a, b), surface, gender_of(doc, known.id, history), "registry", 0.6)
            return Speaker(named_here.name, None, (a, b), surface, gender_hint, "text", 0.55)
        if not former and (home := _home_holder(doc, fit.roles)) is not None and fits(home.id):
            return Speaker(home.name, home.id, (a, b), surface, gender_of(doc, home.id, history), "title", 0.6)
    # "МИД", "В Минобороны добавили": a bare acronym of the home country's ministry (titles.yaml home_bodies)
    bare = [w for w in words if w not in speaker_words(lang).prepositions]
    # a longer phrase ("resort spraw wewnętrznych") only in lower case after its first word: a capital
    # further on may name another country the registry does not know ("Министерство … Молдавии")
    phrase_ok = not any(m.kind in ("state", "demonym") for m in inside) \
        and not any(w[:1].isupper() for w in WORD.findall(surface)[1:])
    if bare and (len(bare) == 1 or phrase_ok) and (body := home_body(doc, " ".join(bare), a)) is not None:
        return Speaker(body.name, body.id, (a, b), surface, "n", "title", 0.6)
    if (state := _voiced_state(doc, Mention(a, b, surface))) is not None:
        # "Официальный представитель правительства Латвии" (a title the registry knows no holder of):
        # only words for the state's own voice before the state, as "Власти Латвии" (state_voices)
        return Speaker(_actor_name(doc, state.actor_id) or state.text, state.actor_id, (state.start, state.end),
                       state.text, gender_of(doc, state.actor_id, history), "registry", 0.9)
    if len(words) == 1 and (short := _body_by_first_word(doc, a, words[0])) is not None:
        # "Straż Graniczna poinformowała … W piątek Straż przekazała": the body the text named in full before
        return Speaker(_actor_name(doc, short.actor_id) or short.text, short.actor_id, (a, b), surface, "n",
                       "anaphor", 0.7)
    named = _name_before_apposition(surface)
    part = None if named else _name_part(surface, lang)
    if part:
        part = _after_leading_place(doc, a + surface.find(part), part)
    name = _clean_surface(named or part or _without_occasion(surface, lang))
    if not name:
        return _previous(history, gender_hint, None)
    return Speaker(name, None, (a, b), surface, gender_hint, "text", 0.6)


def _after_leading_place(doc: Doc, start: int, run: str) -> str:
    """A capitalised run without the place at its start ("президента Сербии Вучича": Вучича; "premiera
    Kosowa Kurtiego": Kurtiego): the title's country is no part of the holder's name, which the
    registry does not know. The run as it is when no place opens it or nothing follows."""
    # the tagger's place, or the registry's state (Polish has no tagger: "premiera Kosowa Kurtiego"),
    # or a place's oblique form the morphology knows as no person's name ("premiera Grecji": not "Tomasza")
    ends = [m.end for m in doc.mentions if m.start == start and (m.kind == "ner" and m.label == "LOC"
                                                                 or m.kind == "state")]
    first = WORD.match(run)
    if first is not None and oblique_place_name(first.group(), doc.lang) \
            and name_nominative((first.group(),), doc.lang)[0] is None:
        ends.append(start + first.end())
    for end in ends:
        rest = run[end - start:].strip()
        if end < start + len(run) and rest[:1].isupper():
            return rest
    return run


def _name_before_apposition(surface: str) -> str | None:
    """The name a phrase opens with, when an apposition follows it after a comma ("Jan Wrzosek,
    Austria's chancellor"): two to four capitalised words, no more; else None."""
    head, comma, _ = surface.partition(",")
    words = WORD.findall(head)
    if not comma or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    return head.strip()


def state_voice(word: str, lang: str) -> bool:
    """Is `word` in any case a word for a state's own voice (speakers.yaml `state_voices`, lemmas)?"""
    return bool(word_lemmas(word, lang) & speaker_words(lang).state_voices)


def phrase_countries(doc: Doc, span: tuple[int, int]) -> set[str]:
    """The countries of the registry actors the phrase at `span` names (a person's, a body's, a state's)."""
    reg = registry_for(doc)
    if reg is None:
        return set()
    found = set()
    for m in doc_mentions(doc):
        if span[0] <= m.start and m.end <= span[1] and m.actor_id and (actor := reg.by_id(m.actor_id)) is not None \
                and actor.country:
            found.add(actor.country)
    return found


def phrase_names_state(doc: Doc, span: tuple[int, int]) -> bool:
    """Is the phrase at `span` a state's name and nothing more ("Россия", "Poland"), or a state's
    adjective with a noun for the state ("российская сторона", "the Polish government")?"""
    words = WORD.findall(doc.text[span[0]:span[1]])
    for m in doc.mentions_starting(span):
        if m.kind not in ("state", "demonym"):
            continue
        named = len(WORD.findall(m.text))
        if m.kind == "state" and named == len(words):
            return True
        rest = [w.lower() for w in words if w not in WORD.findall(m.text)]
        fit = anaphor_fit(rest, doc.lang) if rest else None
        if m.kind == "demonym" and rest and fit is not None and fit.state:
            return True
    return False


def _voiced_state(doc: Doc, title: Mention) -> Mention | None:
    """The state at the end of a title of no known holder whose other words all name the state's own
    voice ("Официальный представитель правительства Латвии"), or None."""
    words = list(WORD.finditer(title.text))
    reg = registry_for(doc)
    if reg is None or len(words) < 2 or not all(state_voice(w.group(), doc.lang) for w in words[:-1]):
        return None
    last = words[-1]
    found = [m for m in reg.find_mentions(last.group(), doc.lang, doc.date) if m.kind == "state" and m.actor_id]
    if not found:
        return None
    at = title.start + last.start()
    return Mention(at, at + len(last.group()), last.group(), found[0].actor_id, "state", found[0].label)


def _body_head_before(doc: Doc, state: Mention, a: int) -> bool:
    """Does a capitalised head noun open the phrase before a state named in an oblique case ("Совет
    безопасности Белоруссии", "Министерство иностранных дел Латвии")? The head is a word the dictionary
    knows other than as a name, may be nominative, and is no word for the state's own voice
    (speakers.yaml `state_voices`, lemmas: "Власти Латвии", "Официальный представитель правительства
    Латвии" are Latvia, in any case)."""
    words = WORD.findall(doc.text[a:state.start])
    last = WORD.findall(state.text)
    return (bool(words) and bool(last) and words[0][:1].isupper()
            and words[0].lower() not in speaker_words(doc.lang).prepositions  # "В Белоруссии заявили": the state
            and not state_voice(words[0], doc.lang)
            and not may_be_nominative(last[-1], doc.lang) and common_reading(words[0], doc.lang)
            and may_be_nominative(words[0], doc.lang))


def oblique_name(surface: str, lang: str) -> bool:
    """Is the last word of a name in an oblique case by morphology ("Putina": Putin), in a language
    whose names.yaml declines names? An unknown word, a nominative or a double surname is not."""
    words = WORD.findall(surface)
    if not words or "-" in words[-1] or not lexicon(lang, "names").get("declension"):
        return False
    base = name_nominative((words[-1],), lang)[0]
    return base is not None and base.casefold() != words[-1].casefold()


def _alias_as_written(doc: Doc, mention: Mention) -> bool:
    """Is the mention written exactly as one of its actor's registry names in the document's language?
    Those are nominatives ("Maria Zacharowa"), whatever a morphology guesses of an unknown surname
    (it reads "Zacharowa" as the genitive of a "Zacharow")."""
    reg = registry_for(doc)
    actor = reg.by_id(mention.actor_id) if reg is not None and mention.actor_id else None
    if actor is None:
        return False
    written = mention.text.casefold()
    return any(written == form.casefold() for form in (actor.aliases.get(doc.lang) or []))


def _word_end(text: str, at: int) -> int:
    """Where the word starting at `at` ends (only the cue's start reaches `resolve_speaker`)."""
    m = WORD.match(text, at)
    return m.end() if m else at


def document_named_after(doc: Doc, cue_end: int) -> bool:
    """Is one of the two words after a cue ending at `cue_end` a document noun ("podano w
    komunikacie", "говорится в заявлении"; cues.yaml `source_nouns`)?"""
    nouns = cue_table(doc.lang).source_nouns
    after = [w.lower() for w in WORD.findall(doc.text[cue_end : cue_end + 40])][:2]
    return nouns is not None and any(nouns.fullmatch(w) for w in after)


def _issuer_before(doc: Doc, history: list[Speaker], nouns: re.Pattern[str],
                   span: tuple[int, int]) -> Speaker | None:
    """Who issued the document a bare "the statement" points back to: the latest earlier speaker the
    registry knows whose own sentence names such a document ("NATO said in a statement"), else the
    latest one if it is a body (a body speaks through statements; a person named in between does not
    issue the body's)."""
    # a body the text named in its own words issues documents too ("the committee said in a statement")
    known = [h for h in reversed(history[-12:]) if (h.actor_id or h.text_body) and h.span and h.span[1] <= span[0]]

    def words_of(h: Speaker) -> list[str]:
        sent = doc.sentence_at(h.span[0]) if h.span else None
        return [w.lower() for w in WORD.findall(sent.text)] if sent is not None else []

    said = [(h, words_of(h)) for h in known]
    # the same document first: "the post read" is whose sentence told of a post ("Glaz posted a reply"),
    # before a sentence that named another document ("said a protest note would be presented")
    stems = {w.lower()[:4] for w in WORD.findall(doc.text[span[0]:span[1]]) if nouns.fullmatch(w.lower())}
    same = next((h for h, words in said if stems and any(w[:4] in stems for w in words)), None)
    issuer = same or next((h for h, words in said if any(nouns.fullmatch(w) for w in words)), None)
    if issuer is None and known and known[0].gender == "n":
        issuer = known[0]
    if issuer is None:
        return None
    return Speaker(issuer.name, issuer.actor_id, span, doc.text[span[0]:span[1]], issuer.gender, "anaphor",
                   min(issuer.confidence, 0.65), text_body=issuer.text_body)


def _person_in_sentence(doc: Doc, a: int) -> Mention | None:
    """The one person the tagger or the registry names in the sentence before `a`, or None (none, or several)."""
    sent = doc.sentence_at(a)
    if sent is None:
        return None
    people = [m for m in doc.mentions if sent.start <= m.start and m.end <= a
              and (m.kind == "ner" and m.label == "PER" or m.actor_id is not None and is_person(doc, m.actor_id))]
    return people[0] if len({m.text for m in people}) == 1 else None


def _names_same(mention: Mention, speaker: Speaker) -> bool:
    """Does the mention name the speaker (the same registry actor, else the same surname)?"""
    return bool(speaker.name) and (mention.actor_id == speaker.actor_id if mention.actor_id
                                   else speaker.name.split()[-1] in mention.text)


@cache
def owner_office_nouns(lang: str) -> frozenset[str]:
    """Offices through which their owner speaks ("his office", "его пресс-служба", "пресс-служба МИД":
    pronouns.yaml `owner_office_nouns`), lower case."""
    return frozenset(str(w).lower() for w in lexicon(lang, "pronouns").get("owner_office_nouns") or [])


def _owners_spokesperson(doc: Doc, words: list[str], a: int, b: int, history: list[Speaker]) -> Speaker | None:
    """"Jak przekazał jej rzecznik", "his spokesman said": the spokesperson of the office the person
    the possessive points back to held on the day (data/offices.yaml `spokespeople`: a head of
    government's is the government spokesperson); "his office said": that person; or None."""
    pronouns = lexicon(doc.lang, "pronouns")
    possessive = pronouns.get("possessive") or {}
    if len(words) < 2 or words[0] not in possessive:
        return None
    if " ".join(words[1:]) in owner_office_nouns(doc.lang):
        # "his office says", "его пресс-служба сообщила": the person the possessive points back to speaks
        # through their own office (a registry person only: an unknown one's office is no better a guess,
        # unless the same sentence names that one person)
        owner = _subject_person_before(doc, a, str(possessive[words[0]]), (a, b)) \
            or _previous(history, str(possessive[words[0]]), None)
        if (near := _person_in_sentence(doc, a)) is not None and (owner is None or not _names_same(near, owner)):
            # 'Barzani "…," read a statement from his office': the person the sentence names, nearer than
            # any earlier speaker, though the registry does not know him
            return Speaker(near.text, near.actor_id, (a, b), doc.text[a:b], str(possessive[words[0]]), "anaphor", 0.55)
        if owner is None or not owner.actor_id or not is_person(doc, owner.actor_id):
            return None

        return Speaker(owner.name, owner.actor_id, (a, b), doc.text[a:b], owner.gender, "anaphor",
                       min(owner.confidence, 0.7))
    if len(words) != 2:
        return None
    fit = anaphor_fit([words[1]], doc.lang)
    if fit is None or fit.body or not fit.title_words & _role_title_words().get("spokesperson", frozenset()):
        return None
    gender = str(possessive[words[0]])
    owner = _subject_person_before(doc, a, gender, (a, b)) or _previous(history, gender, None)
    reg = registry_for(doc)
    if owner is None or not owner.actor_id or reg is None:
        return None
    offices = shared_data("offices").get("spokespeople") or {}
    for actor_id, key, role in reg.keyed_roles():
        if actor_id == owner.actor_id and key in offices and (doc.date is None or role.active_on(doc.date)):
            holder = reg.holder(str(offices[key]), role.country, doc.date)
            if holder is not None:
                return Speaker(holder.name, holder.id, (a, b), doc.text[a:b], gender_of(doc, holder.id, history),
                               "title", 0.6)
    return None


def _demonym_modifies_people(doc: Doc, demonym: Mention, a: int, b: int) -> bool:
    """Does the demonym qualify a noun for people who speak for themselves (speakers.yaml
    `demonym_people`: "Chinese experts", "American voices"; not "German officials", "Polish police")?"""
    people = speaker_words(doc.lang).demonym_people
    if people and not (doc.tokens and doc.tokens[0].dep):
        # no parse (Polish): any word besides the demonym whose lemma names such people ("Białoruska opozycja")
        rest = [m.group() for m in WORD.finditer(doc.text, a, b) if not demonym.start <= m.start() < demonym.end]
        return any(word_lemmas(w, doc.lang) & people or w.lower() in people for w in rest)
    toks = doc.tokens_in((a, b)) if people and doc.tokens and doc.tokens[0].dep else []
    head = next((t for t in phrase_heads(toks) if t.text[:1].isalnum()), None)
    if head is None or demonym.start <= head.start < demonym.end:
        return False
    return (head.lemma or head.text).lower() in people


def _names_a_force(surface: str, lang: str) -> bool:
    """Does the phrase hold a noun of a state's body (speakers.yaml `demonym_bodies` stems: "police",
    "пограничник", "policj")? After a demonym it names that body, not the state."""
    stems = speaker_words(lang).demonym_bodies
    return bool(stems) and any(w.lower().startswith(stems) for w in WORD.findall(surface))


def is_body_anaphor(word: str, lang: str) -> bool:
    """Does the word refer back to a body, not a state ("ведомстве", "пресс-служба": pronouns.yaml
    `body_anaphors`)?"""
    fit = anaphor_fit([word.lower()], lang)
    return fit is not None and fit.body and not fit.state


def _names_office_of_body(head: str, mention: Mention, lang: str) -> bool:
    """Is the head a body noun standing for the body the phrase names ("пресс-служба министерства
    иностранных дел Белоруссии": the ministry speaks through its press service)?"""
    return mention.kind == "body" and is_body_anaphor(head, lang)


def _person_noun_first(surface: str, lang: str) -> bool:
    """Does the phrase open with a title noun for a person (not a body: "rzeczniczka", "глава")?"""
    words = WORD.findall(surface)
    if not words:
        return False
    fit = anaphor_fit([words[0].lower()], lang)
    return fit is not None and not fit.body


def _named_holder(doc: Doc, roles: frozenset[str]) -> Any | None:
    """The one person the document names (anywhere) who held one of `roles` on its date (ever, when
    the date is unknown); None when it names nobody or several such people."""
    reg = registry_for(doc)
    if reg is None:
        return None
    ids = {m.actor_id for m in doc_mentions(doc) if m.kind == "name" and is_person(doc, m.actor_id)}
    holders = [i for i in ids if reg.holds(i, roles, doc.date)]
    return reg.by_id(holders[0]) if len(holders) == 1 else None


def _title_referent(doc: Doc, title: Mention, reg: Any, known: set[str]) -> Any | None:
    """The earlier speaker (`known`: their ids) a title the mentions left unresolved stands for: the one
    holder of its office the document names ("Według szefa rządu …" after "premier Mateusz Morawiecki"
    spoke), else None. A title a name follows ("deputy permanent representative, Dmitry Polyansky")
    is that name's, not the holder's."""
    if title.kind != "title" or person_entity_in(doc, title.end, title.end + 40) is not None:
        return None
    after = doc.text[title.end:title.end + 60]
    if (run := _capitalised_run(after, 0, len(after))) is not None and not after[:after.find(run)].strip():
        return None  # "wiceminister spraw wewnętrznych Arnoldas Abramaviczius" (no tagger to say so): the name's
    roles = reg.title_roles(title.text, doc.lang)
    holder = _named_holder(doc, roles) if roles else None
    if holder is None or holder.id not in known:
        return None
    # "litewski wiceminister": a country's adjective or name right before the title must be the holder's
    before = [m for m in doc.mentions if m.kind in ("state", "demonym") and m.actor_id
              and m.end <= title.start and not doc.text[m.end:title.start].strip()]
    country = reg.by_id(before[-1].actor_id) if before else None
    if country is not None and holder.country and (country.country or country.id) != holder.country:
        return None
    return holder


def _titled_name(doc: Doc, roles: frozenset[str], surface: str, reg: Any) -> str | None:
    """The one person's name the document writes with a title of one of `roles` that names the same
    country words as `surface`, or none ("Президент Румынии Клаус Йоханнис" for "президент Румынии",
    "Defence Minister Jan Kowal" and "Jan Kowal, the minister," for "Romania's defence minister"), when
    the registry knows no holder. The name may come before the title in apposition or right after it;
    two such names make none."""
    def country_words(text: str) -> set[str]:
        # the first word is capitalised for the sentence's sake ("Глава МИД Румынии"), unless it is a
        # place's possessive ("Romania's defence minister")
        words = WORD.findall(text)
        own = [_without_possessive(w, doc.lang) for w in words[:1]]
        words = (own if own and own[0] != words[0] else []) + words[1:]
        return {w.casefold() for w in words if w[:1].isupper() and not is_title_word(w, doc.lang)}

    wanted = country_words(surface)
    names: set[str] = set()
    for m in doc.mentions:
        if m.kind != "title" or not (reg.title_roles(m.text, doc.lang) & roles):
            continue
        found = country_words(m.text)
        per = person_entity_in(doc, m.end, m.end + 60)
        if per is not None:
            gap = doc.text[m.end : doc.text.find(per.split()[0], m.end)]
            gap_words = WORD.findall(gap)
            if not gap.strip(" ,") or (len(gap_words) <= 2 and all(w[:1].isupper() for w in gap_words)):
                found |= country_words(gap)  # only the title's country may stand between it and the name
            else:
                per = None
        if per is None and (apposed := _apposed_before(doc, m)) is not None:
            per, found = apposed
        if per is not None and found in (wanted, set()):
            names.add(per)
    return names.pop() if len(names) == 1 else None


def _apposed_before(doc: Doc, title: Mention) -> tuple[str, set[str]] | None:
    """The person's name a title stands in apposition to ("Jan Kowal, the minister," and "Jan Kowal,
    Romania's defence minister,"), with the capitalised words between (the title's country), or None."""
    lo = max(0, title.start - 80)
    per = None
    for m in doc.mentions:
        if m.kind == "ner" and m.label == "PER" and lo <= m.start and m.end <= title.start:
            per = m  # the last one before the title
    if per is None:
        return None
    gap = doc.text[per.end : title.start]
    if not gap.lstrip().startswith(",") or gap.count(",") != 1:
        return None
    gap_words = WORD.findall(gap)
    # ("Krystyna X, a border guard spokeswoman": an indefinite article as well)
    dets = determiners(doc.lang) | _pronoun_words(doc.lang, "indefinite_articles")
    if len(gap_words) > 2 or not all(w.lower() in dets or w[:1].isupper() for w in gap_words):
        return None
    name = person_entity_in(doc, per.start, per.end)
    if name is None:
        return None
    return name, {_without_possessive(w, doc.lang).casefold() for w in gap_words if w.lower() not in dets}


def _place_possessive(doc: Doc, a: int, b: int) -> bool:
    """Does the phrase open with a place's possessive ("Romania's defence minister")? Like "the", it
    makes the title definite: one office of one country."""
    pattern = speaker_words(doc.lang).possessor
    if pattern is None:
        return False
    for m in doc.mentions_starting((a, b)):
        if m.start == a and (m.kind in ("state", "demonym") or m.label in ("GPE", "LOC")):
            own = pattern.match(doc.text, m.end)
            return own is not None
    return False


def _home_holder(doc: Doc, roles: frozenset[str]) -> Any | None:
    """Who held the office a bare title names ("Rzecznik rządu", "Глава МИД") in the country the
    language's press means by it (titles.yaml `home_country`) on the document's date; None when the
    language has no such country or the title names several offices."""
    home = lexicon(doc.lang, "titles").get("home_country")
    reg = registry_for(doc)
    if not home or reg is None:
        return None
    holders = {h.id: h for role in roles if (h := reg.holder(role, str(home), doc.date)) is not None}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _home_body_id(word: str, lang: str) -> str | None:
    """The registry id of the home country's ministry a bare acronym means (titles.yaml `home_bodies`),
    or a phrase of the acronym's group of body nouns ("resort spraw wewnętrznych i administracji" as
    "MSWiA": titles.yaml `bodies`) that opens `word` and names no country."""
    bodies = lexicon(lang, "titles").get("home_bodies") or {}
    base = anaphor_base(word, lang)
    found = bodies.get(word) or (bodies.get(base) if base else None)
    if found is None and " " in word:
        found = next((str(bodies[key]) for form, group in body_forms(lang) if form.match(word)
                      for key in bodies if any(g.fullmatch(key) for g in group)), None)
    return str(found) if found else None


def is_home_body_word(word: str, lang: str) -> bool:
    """Is the word a bare acronym for the home country's ministry ("МИД", "MSZ")?"""
    return _home_body_id(word, lang) is not None


def home_body(doc: Doc, word: str, before: int | None = None) -> Any | None:
    """The home country's ministry a bare acronym means ("МИД" in Russian, "MSZ" in Polish news:
    titles.yaml `home_bodies`), or None. With `before` (where the acronym stands), a ministry of
    the same kind the text named earlier comes first: "В Минобороны уточнили" after "Министерство
    обороны Белоруссии прокомментировало" is Belarus's."""
    actor_id = _home_body_id(word, doc.lang)
    reg = registry_for(doc)
    home = reg.by_id(str(actor_id)) if actor_id and reg is not None else None
    kind = body_kind(home.name) if home is not None else None
    if kind is None or before is None:
        return home
    earlier = [m for m in doc_mentions(doc) if m.kind == "body" and m.actor_id and m.end <= before]
    for m in sorted(earlier, key=lambda m: -m.start):
        actor = reg.by_id(m.actor_id)
        if actor is not None and body_kind(actor.name) == kind:
            return actor
    return home


_OPENING = "\"«„“"
_CLOSING = "\"»”“"


def _widen_to_medium(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """A speaker span inside the quoted name of a medium ("Россия" of "телеканал «Россия 24»") widened
    to the medium noun and the whole name; any other span unchanged."""
    opened = re.search(r"(\w[\w-]*)\s*[" + _OPENING + r"][^" + _OPENING + _CLOSING + r"\n]*$", doc.text[a:b])
    if opened is not None and is_media_word(opened.group(1), doc.lang):
        close = re.match(r"[^" + _OPENING + _CLOSING + r"\n]{0,40}?[" + _CLOSING + "]", doc.text[b:b + 41])
        return (a, b + close.end()) if close else (a, b)  # "Телеканал «Россия 24": the name goes on
    before = doc.text[max(0, a - 40):a]
    m = re.search(r"(\w[\w-]*)\s*[" + _OPENING + r"][^" + _OPENING + _CLOSING + r"\n]*$", before)
    if m is None or not is_media_word(m.group(1), doc.lang):
        return a, b
    close = re.match(r"[^" + _OPENING + _CLOSING + r"\n]{0,40}?[" + _CLOSING + "]", doc.text[b:b + 41])
    if close is None:
        return a, b
    return a - len(before) + m.start(), b + close.end()


def _may_be(doc: Doc, name: str, gender: str) -> bool:
    """Can a "he"/"she" be the named person? A registry person must have that gender (the registry
    marks its women: an unmarked person there is a man); a name it does not know may be anyone."""
    reg = registry_for(doc)
    actor = reg.resolve(name, doc.lang, doc.date) if reg is not None else None
    if actor is None or actor.type != "person":
        return True
    return (gender_of(doc, actor.id, []) == "f") == (gender == "f")


def person_entity_in(doc: Doc, a: int, b: int) -> str | None:
    """The first full name (two or more words once title words are dropped) the entity tagger marks
    as a person inside [a, b), or None. One right after a preposition ("жители из-под Часова Яра", which
    the tagger may take for a person) is where or whom, not who."""
    preps = speaker_words(doc.lang).prepositions
    for m in doc.mentions:
        if m.kind == "ner" and m.label == "PER" and a <= m.start and m.end <= b:
            before = WORD.findall(doc.text[a:m.start])
            if before and before[-1].lower() in preps:
                continue
            words = _drop_titles(WORD.findall(_without_possessive(m.text, doc.lang)), doc.lang)
            if len(words) >= 2:
                return " ".join(words)
    return None


def _possessor_span(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """The span of a capitalised possessor that opens the phrase at [a, b) ("Barzani's statement":
    Barzani), or None."""
    pattern = speaker_words(doc.lang).possessor
    own = pattern.search(doc.text, a, b) if pattern is not None else None
    if own is None or not doc.text[a:a + 1].isupper() or not doc.text[own.end():b].strip():
        return None
    return a, own.start()


def _without_possessive(name: str, lang: str) -> str:
    """A name without the possessive ending it closes with ("Bill de Blasio's office said": the owner,
    Bill de Blasio, speaks for the office, as a registry person does for theirs)."""
    pattern = speaker_words(lang).possessor
    own = pattern.search(name) if pattern is not None else None
    return name[:own.start()] if own is not None and own.end() == len(name) else name


def _other_first_name(doc: Doc, mention: Mention, lo: int) -> str | None:
    """The capitalised word right before a registry surname when it is no given name of that actor
    in any language (no word of the actor's names shares its first three letters), else None."""
    if " " in mention.text.strip() or not mention.actor_id:
        return None
    m = re.search(r"(\w+)\s+$", doc.text[lo:mention.start])
    word = m.group(1) if m else ""
    if len(word) < 3 or not word[:1].isupper() or word.isupper() or is_title_word(word, doc.lang):
        return None
    start = mention.start - len(m.group(0))
    genitive_body = word.lower().endswith(speaker_words(doc.lang).body_endings)  # endswith(()) is False
    if genitive_body or any(x.start <= start < x.end for x in doc_mentions(doc)):
        return None  # "szef MSZ Rosji Ławrow", "Kremla": a state or body before the name
    toks = [t for t in doc.tokens_in((start, start + len(word)))]
    if not toks:
        return None
    # the tagger's word that it is a proper name or part of a person's ("Сергей Лебедев заявил…")
    tagged = bool(doc.tokens[0].dep) and (toks[0].pos == "PROPN" or "PER" in toks[0].ent)
    if toks[0].start in {x.start for x in doc.sentences} and not tagged:
        return None  # "Вчера Лавров…": a capital at a sentence's start proves nothing
    if doc.tokens[0].dep and not tagged:
        return None
    prev = re.search(r"(\w+)\W*$", doc.text[max(0, start - 40):start])
    if prev and prev.group(1)[:1].isupper() and not is_title_word(prev.group(1), doc.lang):
        return None  # "the Huffington Post Trump…": a longer capitalised run, not a given name
    reg = registry_for(doc)
    actor = reg.by_id(mention.actor_id) if reg is not None else None
    if actor is None or actor.type != "person":
        return None
    return None if word[:3].lower() in _name_stems(actor) else word


def _name_stems(actor: Any) -> set[str]:
    """The first three letters (lower case) of every word of the actor's name and aliases in any
    language: a word that starts like none of them is not one of this actor's names."""
    names = [actor.name, *(n for ns in actor.aliases.values() for n in ns)]
    return {w[:3].lower() for n in names for w in WORD.findall(n)}


def _title_holder_named(doc: Doc, title: Mention, name: str) -> Any | None:
    """The registry's holder of a title on the document's date when the name written with the title is
    that person in a spelling the registry does not list ("Глава МИД Эстонии Маргус Цахна": every word
    starts as one of the holder's names does), else None."""
    reg = registry_for(doc) if title.actor_id else None
    holder = reg.by_id(title.actor_id) if reg is not None and title.actor_id else None
    if holder is None or holder.type != "person" or len(WORD.findall(name)) < 2:
        return None
    return holder if _all_words_named(holder, name) else None


def _all_words_named(actor: Any, name: str) -> bool:
    """Does every word of `name` start like a word of one of the actor's names ("Александр Лукашенко"
    for Lukashenko; not "Sergei Lebedev" for the registry's Pavlo Lebedev)?"""
    stems = _name_stems(actor)
    return all(w[:3].lower() in stems for w in WORD.findall(name))


def names_medium(phrase: str, lang: str) -> bool:
    """Does the phrase name a medium (a newspaper, a TV or Telegram channel, a portal) and no person
    ("телеканал «Россия 24»", "portal Onet", "Rybar, a pro-war Telegram channel"; not "the head of
    the channel", "в эфире телеканала политолог Иван Петров": a title word names a person)? speakers.yaml `media` are stems: a word that starts with one and has at most
    three letters more is a medium noun in any case."""
    sw = speaker_words(lang)
    words = [w.lower() for w in WORD.findall(phrase)]
    return (any(is_media_word(w, lang) for w in words)
            and not any(is_title_word(w, lang) or w.startswith(sw.not_media or ("\x00",)) for w in words))


@cache
def _citing(lang: str) -> re.Pattern[str] | None:
    phrases = sorted((str(p) for p in lexicon(lang, "speakers").get("citing") or []), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I) if phrases else None


def _citing_phrase(doc: Doc, speaker: Speaker, stop: int) -> re.Match[str] | None:
    """The citing phrase right after a medium's name ("со ссылкой на", "citing"; speakers.yaml `citing`)."""
    pattern = _citing(doc.lang)
    if pattern is None or speaker.span is None:
        return None
    m = pattern.search(doc.text, speaker.span[0], min(stop, speaker.span[1] + 60))
    if m is None or doc.text[speaker.span[1]:m.start()].strip(" ," + _OPENING + _CLOSING) and m.start() > speaker.span[1] + 30:
        return None
    return m


def cites_source(doc: Doc, speaker: Speaker, stop: int) -> bool:
    """Does the medium cite a source right after its name ("радиостанция ZET со ссылкой на неофициальные
    источники сообщила")? Then it relays someone else's words, not its own report."""
    return _citing_phrase(doc, speaker, stop) is not None


def cited_person(doc: Doc, speaker: Speaker, stop: int) -> Speaker | None:
    """The registry person an agency or medium cites right after its name ("пишет канал X со ссылкой
    на Пригожина", "RIA Novosti, citing Kremlin spokesman Dmitry Peskov"), or None. Only a person
    the registry knows: "a source in the ministry" is nobody the text names."""
    m = _citing_phrase(doc, speaker, stop)
    if m is None:
        return None
    end = re.search(r"[,.;:!?\n]", doc.text[m.end():stop])
    b = m.end() + end.start() if end else stop
    reg = registry_for(doc)
    for men in sorted(doc_mentions(doc), key=lambda x: x.start):
        if m.end() <= men.start and men.end <= b and men.kind in ("name", "title") and men.actor_id:
            if men.kind == "name" and _other_first_name(doc, men, m.end()) is not None:
                continue  # "со ссылкой на Сергея Лебедева": not the registry's Pavlo Lebedev
            actor = reg.by_id(men.actor_id) if reg is not None else None
            if actor is not None and actor.type == "person":
                return Speaker(actor.name, actor.id, (men.start, men.end), men.text, gender_of(doc, actor.id, []),
                               "cited", 0.7)
    return None


def is_media_word(word: str, lang: str) -> bool:
    """Is the word a noun for a medium in any case form (speakers.yaml `media` stems, `not_media` excepted)?"""
    sw = speaker_words(lang)
    w = word.lower()
    return any(w.startswith(st) and len(w) - len(st) <= 3 for st in sw.media) \
        and not w.startswith(sw.not_media or ("\x00",))


def names_only_medium(phrase: str, lang: str) -> bool:
    """Does the phrase name a news agency or a medium and nobody else ("RT", "РИА Новости", "телеканал «Звезда»")?"""
    sw = speaker_words(lang)
    return phrase.strip().lower() in sw.agencies or _only_agency(phrase, sw) or names_medium(phrase, lang)


def _only_agency(name: str, sw: SpeakerWords) -> bool:
    """"state news agency BelTA" names an agency and nobody else ("PAP rzecznik X" names X)."""
    rest = name
    for p in sw.agency_names:
        rest = p.sub(" ", rest)
    if rest == name:
        return False
    return not any(w[:1].isupper() and w.lower() not in sw.agency_suffixes for w in WORD.findall(rest))


def unnamed(speaker: Speaker) -> Speaker:
    """The same words as a speaker mention, naming nobody (an unresolved "it", "who", "их")."""
    return Speaker(None, None, speaker.span, speaker.mention, speaker.gender, "unresolved", 0.65)


SUBJECT_SENTENCES_BACK = 2  # how many sentences back a cue with no subject looks for a person the registry does not know
SINCE_SENTENCES_BACK = 3  # …and for one it knows, named since the last statement
RELATIVE_REACH = 120  # characters from a subject relative pronoun to the cue it is the subject of


@cache
def _subject_relatives(lang: str) -> re.Pattern[str] | None:
    words = [str(w) for w in lexicon(lang, "cues").get("subject_relatives") or []]
    return re.compile(r",\s*(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE) if words else None


def _relative_subject_before(doc: Doc, at: int, skip: Sequence[tuple[int, int]] = ()) -> Speaker | None:
    """The antecedent of a subject relative pronoun that opens the clause of a cue with no subject of its
    own, where no parse found it ("Mariusz Kamiński, który mówiąc o sytuacji…, stwierdził"; cues.yaml
    `subject_relatives`), else None. A relative inside the statement's own words (`skip`), or one a
    quotation mark or a dash parts from the cue, is the speaker's sentence, not the cue's subject."""
    pattern = _subject_relatives(doc.lang)
    sent = doc.sentence_at(at)
    if pattern is None or sent is None:
        return None
    found = [m for m in pattern.finditer(doc.text, max(sent.start, at - RELATIVE_REACH), at)
             if not any(a <= m.start(1) < b for a, b in skip)]
    between = doc.text[found[-1].end(1):at] if found else ""
    # "Zełenskiego, który - występując w debacie - powiedział": a dash pair sets off an aside, no speech
    dashes = len(re.findall(r"\s[-–—]\s", between))
    if not found or re.search(r"[\"«»„“”]", between) or dashes % 2 or (dashes == 0 and re.search(r"[–—]", between)):
        return None
    return _antecedent(doc, found[-1].start(1), found[-1].end(1))


def _antecedent(doc: Doc, a: int, b: int) -> Speaker | None:
    """What a relative pronoun at [a, b) stands for: the actor or name right before it
    ("Sergei Lavrov, who…", "officials who…"), else None (no speaker)."""
    surface = doc.text[a:b]
    p = a
    while p > 0 and doc.text[p - 1] in " ,\t\n–—-":
        p -= 1
    if doc.text[p:a].strip().startswith(",") and (head := _apposition_head(doc, p)) is not None \
            and (described := _antecedent(doc, head, head)) is not None:
        # "Hikmeta Hadżijewa, doradcę prezydenta Ilhama Alijewa, który powiedział": the person the
        # apposition describes, not the one named inside it
        return replace(described, span=(a, b), mention=surface)
    for m in doc_mentions(doc):
        if m.end == p and m.actor_id:
            name = _actor_name(doc, m.actor_id) or m.text
            return Speaker(name, m.actor_id, (a, b), surface, gender_of(doc, m.actor_id, []), "relative", 0.8)
    for m in doc.mentions:
        if m.end == p and m.kind == "title" and not m.actor_id \
                and (named := resolve_speaker(doc, (m.start, m.end), [])) is not None and named.actor_id:
            # "Szef MSZ, który …, tłumaczył": a title of no named country, whose holder the phrase names
            return replace(named, span=(a, b), mention=surface, resolved_by="relative")
    before = [t for t in doc.tokens if t.end <= p and t.start >= p - 80]
    run: list[Any] = []
    for t in reversed(before):
        if not t.text[:1].isupper() or t.text[:1] in "\"'“”„«»":
            break
        run.insert(0, t)
    if run and run[-1].end == p and (len(run) > 1 or run[0].start not in {s.start for s in doc.sentences}):
        name = _clean_surface(doc.text[run[0].start:run[-1].end])
        return Speaker(name, None, (a, b), surface, None, "relative", 0.6)
    if before and before[-1].end == p and before[-1].pos in ("NOUN", "PROPN"):
        head = before[-1]  # "officials who said": a noun for people; with its modifiers
        sw = speaker_words(doc.lang)
        if head.text[:1].islower() and (_is_thing(head.text, sw, head.lemma or "") or is_media_word(head.text, doc.lang)
                                        or (head.lemma or head.text).lower() in sw.platforms):
            return None  # "posted a video to social media, which noted…": where it was posted says nothing
        start = head.start
        for t in reversed(before[:-1]):
            if t.head != head.i or t.dep not in ("amod", "compound", "nummod", "det"):
                break
            start = t.start
        name = _clean_surface(doc.text[start:head.end])
        return Speaker(name, None, (a, b), surface, None, "relative", 0.5)
    return None


APPOSITION_REACH = 80  # characters of an apposition between a name and its relative pronoun


def _apposition_head(doc: Doc, p: int) -> int | None:
    """Where the name before an apposition ends, when the words ending at p are one set off by commas
    after a name ("Hikmeta Hadżijewa, | doradcę prezydenta Ilhama Alijewa"): a lower-case description
    with no clause break in it, right after a capitalised word and its comma; else None."""
    q = doc.text.rfind(",", max(0, p - APPOSITION_REACH), p)
    if q <= 0:
        return None
    described = doc.text[q + 1:p].strip()
    before = doc.text[:q].rstrip()
    words = WORD.findall(before[-40:])
    if not described[:1].islower() or any(ch in described for ch in ".;:()\"«»„“”") or not words \
            or not words[-1][:1].isupper() or len(before) != q:
        return None
    return q


def _lone_demonym(surface: str, demonym: Mention, lang: str) -> bool:
    """Is the whole phrase one demonym alone ("Irakijczyk"; in a language with articles after an
    indefinite one, pronouns.yaml `indefinite_articles`: "an Iraqi")? As a subject it names a person
    of that country: an adjective alone is never one."""
    all_words = WORD.findall(surface)
    articles = _pronoun_words(lang, "indefinite_articles")
    if articles and (not all_words or all_words[0].lower() not in articles):
        return False  # "the Europeans", "Americans": a people, as likely the state's voice as not
    words = [w for w in all_words if w.lower() not in determiners(lang) and w.lower() not in articles]
    return len(words) == 1 and words[0].casefold() == demonym.text.strip().casefold()


def _person_of_country(doc: Doc, demonym: Mention, surface: str, offset: int) -> Speaker | None:
    """A lone nationality noun for one person (`person_demonyms`) -> the last named person of that country."""
    words = [w.group().lower() for w in WORD.finditer(surface)]
    nouns = lexicon(doc.lang, "pronouns").get("person_demonyms") or {}
    if len(words) != 1 or words[0] not in nouns:
        return None
    reg = registry_for(doc)
    state = reg.by_id(demonym.actor_id) if reg is not None else None
    if state is None or not state.country:
        return None
    for m in sorted(doc_mentions(doc), key=lambda m: m.start, reverse=True):
        if m.end > offset:
            continue
        if m.kind == "demonym" and m.actor_id == demonym.actor_id and m.start < demonym.start \
                and (named := _named_with_demonym(doc, m)) is not None:
            # "ukraiński oficer Andrij Pidlisny … – powiedział Ukrainiec": the person the text named
            # with that country's adjective, whom the registry does not know
            return Speaker(named, None, (demonym.start, demonym.end), surface.strip(), str(nouns[words[0]]),
                           "demonym", 0.6)
        if m.kind != "name":
            continue
        actor = reg.by_id(m.actor_id)
        if actor is not None and actor.country == state.country:
            return Speaker(actor.name, actor.id, (demonym.start, demonym.end), surface.strip(),
                           str(nouns[words[0]]), "demonym", 0.7)
    return None


def _named_with_demonym(doc: Doc, demonym: Mention, reach: int = 60) -> str | None:
    """The person's name a nationality adjective introduces with a title ("ukraiński oficer Andrij
    Pidlisny"): the name run after it up to the clause's end, two words or more; else None."""
    tail = doc.text[demonym.start:demonym.start + reach]
    tail = re.split(r"[,.;:!?()\n]|\s[-–—]\s", tail)[0]
    run = _name_part(tail, doc.lang)
    words = tail.split()
    return run if run is not None and len(run.split()) >= 2 and len(words) > 2 and words[1].isalpha() \
        and words[1].islower() else None


_NAMED_LABELS = frozenset({"PER", "ORG", "GPE", "NORP"})


def _name_closing_description(doc: Doc, a: int, b: int) -> int | None:
    """Where the name starts in a phrase "description, NAME" (words in lower case first, then a comma
    and a person's name that ends the phrase: two to four capitalised words the entity tagger marks as
    one person, or a registry name), else None."""
    comma = doc.text.rfind(",", a, b)
    if comma < 0 or not doc.text[a:comma].strip()[:1].islower():
        return None
    tail = doc.text[comma + 1:b]
    start = comma + 1 + len(tail) - len(tail.lstrip())
    words = WORD.findall(tail)
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    toks = doc.tokens_in((start, b))
    tagged = bool(toks) and all(entity_label(t.ent) == "PER" for t in toks if t.text[:1].isalpha())
    named = any(m.kind == "name" and m.actor_id and is_person(doc, m.actor_id) and m.start == start
                for m in doc.mentions_starting((start, start + 1)))
    return start if tagged or named else None


def _apposed_name(doc: Doc, a: int, b: int) -> int | None:
    """Where the name ends in a phrase "NAME, title …" (a name, a comma, then a word in lower case:
    an apposition describing who is named), else None. The name is a person, a body or a state
    the registry or the entity tagger marks (its label aside: a small tagger calls an unknown
    person an organisation), or a run of capitalised words that reads as a person's name. A comma
    before a capital is a list ("Lavrov, Shoigu and Gerasimov"), not an apposition."""
    comma = doc.text.find(",", a, b)
    if comma < 0:
        return None
    head = doc.text[a:comma]
    start, end = a + len(head) - len(head.lstrip()), a + len(head.rstrip())
    rest = doc.text[comma + 1 : b].lstrip()
    if end <= start or not rest[:1].islower():
        return None
    named = doc.text[start:end]
    if any(m.end == end and (m.actor_id or m.label in _NAMED_LABELS) for m in doc.mentions_starting((start, start + 1))) \
            or any(m.start == start and m.end == end for m in doc_mentions(doc)):
        return end
    if any(m.end == end for m in doc.mentions_starting((start, start + 1))) and _bare_name(named, doc.lang):
        # "Altantuya Batdorj, executive director of Amnesty International Mongolia": an entity the small
        # tagger mislabels (a work of art) is still a name when its words read as one
        return end
    return end if _name_part(named, doc.lang) == named else None


def _bare_name(phrase: str, lang: str) -> bool:
    """Do the phrase's two to four words read as a person's name alone: each capitalised (or a name
    particle), none an acronym, a title word, a body's head noun or a determiner?"""
    sw = speaker_words(lang)
    words = WORD.findall(phrase)
    return (2 <= len(words) <= 4 and _capitalised(words[0], sw)
            and all((_capitalised(w, sw) or w.lower() in sw.particles) and not (len(w) > 1 and w.isupper())
                    and not is_title_word(w, lang) and w.lower() not in determiners(lang) for w in words)
            and not _names_body(phrase, lang))


def names_somebody(phrase: str, lang: str) -> bool:
    """Do the phrase's own words say it is a person, a group of people or a body ("the spokesman",
    "border guards", "Straż Graniczna", "пресс-служба"), or refer back to one ("he", "the ministry")?"""
    sw = speaker_words(lang)
    words = [w for w in WORD.findall(phrase) if any(c.isalpha() for c in w)]
    return (_names_body(phrase, lang)
            or any(w.lower() in sw.groups or is_anaphor(w, lang) or is_title_word(w, lang) for w in words))


def _names_body(name: str | None, lang: str) -> bool:
    """Does a speaker's own wording name a body ("Urząd do Spraw Cudzoziemców", "the State Border
    Service")? One of its first words starts with a body's head noun (speakers.yaml `body_heads`)."""
    heads = speaker_words(lang).body_heads
    words = [w.group().lower() for w in WORD.finditer(name or "")]
    # the head noun leads in Polish and Russian, ends the name in English ("…Regulatory Authority")
    return bool(heads) and any(w.startswith(heads) for w in words[:3] + words[-1:])


def _in_brackets(text: str, start: int, end: int, reach: int = 120) -> bool:
    """The span sits inside a bracketed aside ("(pucz Prigożyna - red.)"): an editor's note, no subject."""
    before = text[max(0, start - reach):start]
    after = text[end:end + reach]
    opened = before.rfind("(") > before.rfind(")")
    closes = after.find(")")
    return opened and closes >= 0 and (after.find("(") < 0 or closes < after.find("("))


def _subject_person_before(doc: Doc, offset: int, gender: str | None, span: tuple[int, int] | None,
                           sentences_back: int = 2, after: int = 0,
                           skip: Sequence[tuple[int, int]] = (),
                           fits: Callable[[str], bool] | None = None,
                           subject_only: bool = False,
                           speakers: Sequence[Speaker] = ()) -> Speaker | None:
    """The first registry person named in the nearest sentence before `offset` that names one.

    The first named person of a sentence is most often its subject ("X odniósł się do słów Y.
    Jego zdaniem…" is X). A marked gender must agree: a woman's surname for "she", not for "he".
    A title the mentions left unresolved counts as one of the earlier `speakers` when it is the office
    that speaker held ("– powiedział premier. Według szefa rządu … – dodał.": the prime minister)."""
    reg = registry_for(doc)
    if reg is None:
        return None
    starts = [s.start for s in doc.sentences]
    si = bisect.bisect_right(starts, offset) - 1
    kinds = ("body", "state") if gender == "n" else ("name", "title")
    known = {h.actor_id for h in speakers if h.actor_id}
    titles = [m for m in doc.mentions if m.kind == "title" and not m.actor_id] if known and gender != "n" else []
    people = [m for m in sorted(doc_mentions(doc) + titles, key=lambda m: m.start)
              if after <= m.start and m.end <= offset and m.kind in kinds
              and not any(a <= m.start < b for a, b in skip) and not _in_brackets(doc.text, m.start, m.end)]
    # the statement's own words (`skip`: a speech of several sentences) are not counted as sentences back
    inside = sum(1 for s in doc.sentences[max(0, si - 40):si]
                 if any(a <= s.start and s.end <= b for a, b in skip))
    for k in range(si, max(si - sentences_back - inside, 0) - 1, -1):
        if k < 0:
            break
        lo = doc.sentences[k].start
        here = sorted((m for m in people if m.start >= lo and m.end <= doc.sentences[k].end), key=lambda m: m.start)
        # "пресс-секретарь российского президента Дмитрий Песков": one phrase, the person named last in
        # it, not the one whose aide they are; the phrase is the subject if one of its mentions is
        phrases: list[list[Mention]] = []
        for m in here:
            if gender != "n" and phrases and (_next_to(doc, phrases[-1][-1], m) or (
                    phrases[-1][-1].kind == "title" and phrases[-1][-1].actor_id == m.actor_id
                    and not doc.text[phrases[-1][-1].end:m.start].strip())):
                phrases[-1].append(m)  # "rosyjskiego prezydenta Władimira Putina": one phrase, in its name's case
            else:
                phrases.append([m])
        if doc.tokens and doc.tokens[0].dep:
            # with a parse, the sentence's subject before its first name ("Итог визита в Киеве премьера
            # подвел пресс-секретарь Дмитрий Песков": the word order puts the subject last)
            phrases.sort(key=lambda ph: not any(_is_subject(doc, x) for x in ph))
        else:
            # no parse (Polish): a name in an oblique case is no subject ("Odnosząc się do gróźb prezydenta
            # Władimira Putina, Rau powtórzył…, w której stwierdził": Rau), so it goes after the others
            # ("Do słów polskiego premiera odwołał się … Prigożyn": a title with no nominative reading too)
            phrases.sort(key=lambda ph: not _may_be_subject(doc, ph[-1]))
        for phrase in phrases:
            m = phrase[-1]
            if not (doc.tokens and doc.tokens[0].dep) and _after_preposition(doc, _title_start(here, phrase[0])):
                continue  # "Europoseł zwrócił się do prezydenta Andrzeja Dudy": the one addressed, no subject
            if not (doc.tokens and doc.tokens[0].dep) and not _may_be_subject(doc, m):
                # "Bliski współpracownik Władimira Putina stwierdził": whose associate, not who spoke; "…
                # wydał nakaz aresztowania Władimira Putina. Mediazona twierdzi": whom, not who, also when
                # the name stands in a sentence before
                continue
            actor = reg.by_id(m.actor_id) if m.actor_id else _title_referent(doc, m, reg, known)
            if actor is None or gender == "p" or (actor.type == "person") != (gender != "n"):
                continue  # "it" is a body or a state the sentence named; "he"/"she" a person
            if m.kind == "title" and m.actor_id and (apposed := _apposed_before(doc, m)) is not None \
                    and apposed[0].split()[-1].casefold() not in actor.name.casefold():
                continue  # "Krystyna X, a border guard spokeswoman": the title says what she is, not its holder
            if fits is not None and not fits(actor.id):
                continue  # "the minister" is not the spokeswoman the sentence named
            if subject_only and not any(_is_subject(doc, x) for x in phrase):
                continue  # "Błaszczak spotkał się z Morawieckim": not the one met
            if m.kind == "name" and _other_first_name(doc, m, lo) is not None:
                continue  # "said Luis Rubio": not the registry's Rubio
            if gender == "n":
                return Speaker(actor.name, actor.id, span, m.text, "n", "previous", 0.6)
            female = gender_of(doc, m.actor_id, []) == "f"
            if (gender == "f" and not female) or (gender == "m" and female):
                continue
            return Speaker(actor.name, actor.id, span, m.text, "f" if female else gender, "previous", 0.6)
    return None


SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")


def _title_start(mentions: Sequence[Mention], m: Mention) -> int:
    """Where the phrase of `m` starts with the title right before it ("prezydenta | Andrzeja Dudy")."""
    start = m.start
    for t in sorted(mentions, key=lambda x: -x.start):
        if t.kind == "title" and t.end <= start and start - t.end <= 1:
            start = t.start
    return start


def _after_preposition(doc: Doc, start: int) -> bool:
    """Is the word right before `start` a preposition (speakers.yaml `prepositions`: "do prezydenta…")?"""
    before = WORD.findall(doc.text[max(0, start - 20):start])
    return bool(before) and before[-1].lower() in speaker_words(doc.lang).prepositions


def _next_to(doc: Doc, first: Mention, then: Mention) -> bool:
    """Is `then` a person named in the nominative right after `first`, only spaces between (one noun
    phrase: "пресс-секретарь российского президента Дмитрий Песков"; not "заявил Лукашенко Владимиру
    Путину", whose second name is the addressee)?"""
    return (then.start >= first.end and not doc.text[first.end:then.start].strip() and is_person(doc, then.actor_id)
            and (then.kind != "name" or _in_base_form(doc, then)))


def _named_as_subject(doc: Doc, name: str, lo: int, hi: int) -> bool:
    """Is the last place the text writes `name` within [lo, hi) its clause's subject (by the parse;
    without one, by its case, as `_is_subject`)?"""
    start = doc.text.rfind(name, lo, hi) if name else -1
    return start >= 0 and _is_subject(doc, Mention(start, start + len(name), name))


def _is_subject(doc: Doc, mention: Mention) -> bool:
    """Is the mention its clause's subject? From the parse when there is one; without one (Polish),
    a name in its base form (the nominative: "Aleksandr Łukaszenka", not "Morawieckim") is taken
    for the subject."""
    toks = doc.tokens_in((mention.start, mention.end))
    if toks and toks[0].dep:
        heads = phrase_heads(toks)
        head = heads[0] if heads else None
        # "подвел пресс-секретарь президента Дмитрий Песков": the name in apposition to the subject
        while head is not None and head.dep == "appos" and 0 <= head.head < len(doc.tokens) \
                and doc.tokens[head.head].i == head.head:
            head = doc.tokens[head.head]
        return head is not None and head.dep in SUBJECT_DEPS
    return _in_base_form(doc, mention, last_only=True)


def _named_after_description(doc: Doc, state: Mention, b: int) -> str | None:
    """The capitalised name that ends a phrase opened by a state's adjective and lower-case words saying
    what the named one is ("Finnish operator Gasgrid", "Russian energy giant Gazprom"), or None. Not
    after a preposition ("the Russian embassy in Warsaw"), nor an actor the registry knows (the small
    English tagger calls "Gazprom" a place, so the tagger's labels are not asked)."""
    words = list(WORD.finditer(doc.text, state.end, b))
    k = 0
    preps = speaker_words(doc.lang).prepositions
    parsed = bool(doc.tokens and doc.tokens[0].dep)
    while k < len(words) and words[k].group()[:1].islower():
        tok = next(iter(doc.tokens_in((words[k].start(), words[k].end()))), None) if parsed else None
        glued = doc.text[words[k].start() - 1] == "-"  # "government-owned": part of a compound modifier
        if words[k].group().lower() in preps or (tok is not None and tok.pos not in ("NOUN", "ADJ", "PROPN") and not glued):
            return None  # "в США и Европе": a second place, no description
        k += 1
    run = words[k:]
    if not k or not run or len(run) > 4 or doc.text[run[-1].end():b].strip(" ,.\"'»”)") \
            or any(not w.group()[:1].isupper() or doc.text[x.end():w.start()].strip() for x, w in zip(run, run[1:])) \
            or not run[0].group()[:1].isupper():
        return None
    start, end = run[0].start(), run[-1].end()
    if any(m.start < end and start < m.end and m.actor_id for m in doc.mentions):
        return None
    return doc.text[start:end]


def _capitalised_run(text: str, a: int, b: int) -> str | None:
    """The first run of two or more capitalised words (no acronyms) in text[a:b], or None."""
    run: list[re.Match[str]] = []
    for w in WORD.finditer(text, a, b):
        word = w.group()
        if word[:1].isupper() and not (len(word) > 1 and word.isupper()):
            if run and text[run[-1].end():w.start()].strip():
                run = []  # punctuation between: a new run
            run.append(w)
        elif len(run) >= 2:
            break
        else:
            run = []
    return text[run[0].start():run[-1].end()] if len(run) >= 2 else None


def _name_after_mentions(doc: Doc, a: int, b: int) -> str | None:
    """The two or three capitalised words (no acronym, no title word, no registry or tagged mention of
    another kind) that end the phrase doc.text[a:b] right after a title, body or state mention inside
    it, when no registry name stands there; None otherwise."""
    inside = [m for m in doc.mentions if a <= m.start and m.end <= b]
    before = [m for m in inside if m.kind in ("title", "body", "state") and m.end < b]
    if not before or any(m.kind == "name" and m.actor_id for m in inside):
        return None
    after = max(m.end for m in before)
    if any(m.start >= after and (m.kind != "ner" or m.label not in ("PER", "")) for m in inside):
        return None
    words = WORD.findall(doc.text[after:b])
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and not is_acronym(w) and not is_title_word(w, doc.lang)
                                             for w in words):
        return None
    if doc.text[after:b].strip(" ,") != " ".join(words) or any(common_word(w, doc.lang) for w in words):
        return None
    return " ".join(words)


def _named_after_possessive(doc: Doc, a: int, b: int, inside: Sequence[Mention]) -> str | None:
    """The person's name after the last possessive ending in the phrase doc.text[a:b] ("Minister’s
    Adviser Ruta Laurinaityte"), when no registry name stands there: None without a possessive or a
    name after it (a title alone, "Romania's defence minister", names its holder elsewhere)."""
    pattern = speaker_words(doc.lang).possessor
    ends = [m.end() for m in pattern.finditer(doc.text, a, b)] if pattern is not None else []
    if not ends or any(m.kind == "name" and m.start >= ends[-1] for m in inside):
        return None
    tail = doc.text[ends[-1]:b]
    words = WORD.findall(tail)
    if len(words) == 2 and is_title_word(words[0], doc.lang) and words[1][:1].isupper() \
            and not is_acronym(words[1]) and not common_word(words[1], doc.lang) and not is_title_word(words[1], doc.lang):
        return words[1]  # "Minister’s Adviser Laurinaityte-Grigiene": a surname alone after the title
    return _name_part(tail, doc.lang)


def _owns_next(doc: Doc, end: int) -> bool:
    """Does a possessive ending (speakers.yaml `possessive_endings`) follow the name that ends at `end`?"""
    pattern = speaker_words(doc.lang).possessor
    return pattern is not None and pattern.match(doc.text, end) is not None


def _may_be_subject(doc: Doc, mention: Mention) -> bool:
    """Can the mention be a sentence's subject by its case: a name in its base form, a title whose
    first word may be nominative ("premier", "szef MSZ"; not "polskiego premiera", "szefa MSZ");
    other kinds always."""
    if mention.kind == "name":
        return _in_base_form(doc, mention)
    if mention.kind == "title":
        return may_be_nominative(next(iter(WORD.findall(mention.text)), ""), doc.lang)
    return True


def _in_base_form(doc: Doc, mention: Mention, last_only: bool = False) -> bool:
    """Are the words of a registry name mention (or its last word) in the base form the registry
    lists, i.e. the nominative ("Piotr Müller", not "Mateusza Morawieckiego")? Compared case-folded
    only: a key without diacritics would take "Łukaszenką" for "Łukaszenka"; in a language that does
    not decline names (names.yaml without rules) any spelling of the name is its base form."""
    reg = registry_for(doc)
    actor = reg.by_id(mention.actor_id) if reg is not None and mention.actor_id else None
    words = WORD.findall(mention.text)
    if actor is None or not words:
        return False
    if not lexicon(doc.lang, "names").get("declension"):
        return True
    names = {w.casefold() for n in [actor.name, *(n for ns in actor.aliases.values() for n in ns)]
             for w in WORD.findall(n)}
    return all(w.casefold() in names for w in (words[-1:] if last_only else words))


def _last_person_before(doc: Doc, offset: int, window: int = 600,
                        skip: Sequence[tuple[int, int]] = ()) -> str | None:
    """The nearest person name (NER) before `offset`, outside `skip`: a pronoun with no earlier speaker."""
    run: list[Token] = []
    last: str | None = None
    prev_i = -2

    def written(tokens: list[Token]) -> str:
        return " ".join(doc.text[tokens[0].start:tokens[-1].end].split())  # "Ahmed al-Sahaf", as written

    for t in doc.tokens:
        if t.start >= offset:
            break
        if t.start < offset - window or t.ent != "PER" or any(x <= t.start < y for x, y in skip):
            continue
        if t.i != prev_i + 1:
            if run:
                last = written(run)
            run = []
        run.append(t)
        prev_i = t.i
    if run:
        last = written(run)
    # "Министр Иван Петровский" tagged as one person: the title word is no part of the name
    return " ".join(_drop_titles(last.split(), doc.lang)) or None if last else None


CATAPHORA_SENTENCES = 3  # how far after a pronoun with nobody before it its person may be named


def _registered_person_after(doc: Doc, end: int, gender: str) -> Speaker | None:
    """The first person the registry knows whom the text names within a few sentences after `end`, of
    the pronoun's gender (or of none known), or None."""
    if not doc.sentences:
        return None
    last = doc.sentences[min(len(doc.sentences) - 1, doc.sentence_index_at(end) + CATAPHORA_SENTENCES)].end
    for m in doc_mentions(doc):
        if m.start < end or m.start >= last or not m.actor_id or not is_person(doc, m.actor_id):
            continue
        if gender_of(doc, m.actor_id, []) in (None, gender):
            return Speaker(_actor_name(doc, m.actor_id) or m.text, m.actor_id, None, None, gender, "pronoun", 0.45)
        return None  # the next person named is of the other sex: the pronoun's is someone else
    return None


def _quoted_body_name(surface: str, lang: str) -> str | None:
    """The name in quotation marks that ends a phrase saying what kind of body it is (its words before
    the quotation open with a body's head noun, speakers.yaml `body_heads`), else None."""
    found = list(_QUOTED.finditer(surface))
    if len(found) != 1 or surface[found[0].end():].strip(" ,") or not _names_body(surface[:found[0].start()], lang):
        return None
    name = found[0].group()[1:-1].strip()
    words = WORD.findall(name)
    return name if 1 <= len(words) <= 4 and words[0][:1].isupper() and not names_only_medium(name, lang) else None


def _named_next(doc: Doc, a: int, b: int) -> Speaker | None:
    """The person the next sentence opens with when the phrase at [a, b) describes one without a name
    ("a senior opposition politician": an indefinite article and a person's noun), else None."""
    words = [w.lower() for w in WORD.findall(doc.text[a:b])]
    if len(words) < 2 or words[0] not in _pronoun_words(doc.lang, "indefinite_articles") \
            or not any(is_anaphor(w, doc.lang) or is_title_word(w, doc.lang) for w in words[1:]) \
            or not doc.sentences:
        return None
    k = doc.sentence_index_at(b) + 1
    if k >= len(doc.sentences):
        return None
    start = doc.sentences[k].start
    for m in doc.mentions_starting((start, start + 1)):
        if m.actor_id and is_person(doc, m.actor_id):
            return Speaker(_actor_name(doc, m.actor_id) or m.text, m.actor_id, (a, b), doc.text[a:b],
                           gender_of(doc, m.actor_id, []), "anaphor", 0.5)
    per = person_entity_in(doc, start, doc.sentences[k].end)
    if per is not None and doc.text.startswith(per, start):
        return Speaker(per, None, (a, b), doc.text[a:b], None, "anaphor", 0.5)
    return None


def _unnamed_officials_body(doc: Doc, a: int, b: int) -> Any | None:
    """The body of an official named only by an indefinite title ("a Latvian Foreign Ministry
    spokesman"; pronouns.yaml `indefinites`) that the registry gives no holder, else None."""
    words = WORD.findall(doc.text[a:b])
    reg = registry_for(doc)
    if not words or words[0].lower() not in _pronoun_words(doc.lang, "indefinites") or reg is None:
        return None
    for m in doc.mentions_starting((a, b)):
        if m.kind == "title" and m.actor_id is None and m.end <= b and " " in m.text:
            found = [x for x in reg.find_mentions(m.text.rsplit(" ", 1)[0], doc.lang, doc.date)
                     if x.kind == "body" and x.actor_id]
            if found:
                return reg.by_id(found[0].actor_id)
    return None


def _coordinated_verb(doc: Doc, a: int, b: int) -> int | None:
    """Where a conjunction followed by a verb starts inside the phrase doc.text[a:b] ("białoruski polityk
    i wskazał"): the finder ran on into a coordinated clause; None when there is none."""
    toks = doc.tokens_in((a, b))
    conjunctions = speaker_words(doc.lang).conjunctions
    for x in range(1, len(toks) - 1):
        if toks[x].text.lower() in conjunctions and toks[x + 1].pos in ("VERB", "AUX") and toks[x].start > a:
            return a + len(doc.text[a:toks[x].start].rstrip())
    return None


def _oblique_relative(doc: Doc, span: tuple[int, int]) -> bool:
    """Is the phrase only a preposition and a relative pronoun ("в котором", "w którym", "in which")?"""
    words = [w.lower() for w in WORD.findall(doc.text[span[0]:span[1]])]
    preps = speaker_words(doc.lang).prepositions
    relatives = cue_table(doc.lang).relative_openers
    return len(words) == 2 and words[0] in preps and words[1] in relatives


def _unknown_person_before(doc: Doc, offset: int, gender: str | None, span: tuple[int, int] | None,
                           sentences_back: int = 2, after: int = 0) -> Speaker | None:
    """The first person the registry does not know named in the nearest sentence before `offset`
    that names one: a run of two or more capitalised words after any title words ("Wojewoda Tomasz
    Nowak odwiedził… Jak zaznaczył, …" -> Tomasz Nowak). Where the parser tags entities, the run must
    be a person (PER); a registry mention, a word after a preposition or an acronym ends the run.
    A marked gender must agree with the surname's ending. A run with a word that cannot be nominative
    (in a language whose names inflect: "w kierunku Przesmyku Suwalskiego", "uniewinnił Olega
    Pułatowa") is no one's subject, and one the dictionary reads as common words with no given name
    ("Morze Śródziemne") is no one's name."""
    if not doc.sentences or not doc.tokens:
        return None
    tagged = any(t.ent for t in doc.tokens)
    preps = speaker_words(doc.lang).prepositions
    known = [(m.start, m.end) for m in doc_mentions(doc)]
    starts = [s.start for s in doc.sentences]
    si = bisect.bisect_right(starts, offset) - 1
    female = _female_endings(doc.lang)
    for k in range(si, max(si - sentences_back, 0) - 1, -1):
        if k < 0:
            break
        sent = doc.sentences[k]
        toks = [t for t in doc.tokens_in((max(sent.start, after), min(sent.end, offset)))]
        runs: list[list[Any]] = []
        for x, t in enumerate(toks):
            ok = (t.text[:1].isupper() and t.text[:1].isalpha() and not (len(t.text) > 1 and t.text.isupper())
                  and (not tagged or entity_label(t.ent) == "PER" or is_title_word(t.text, doc.lang))
                  and not any(a <= t.start < b for a, b in known)
                  and not _in_brackets(doc.text, t.start, t.end))
            if ok and runs and runs[-1] and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            elif ok and not (x and toks[x - 1].text.lower() in preps):
                runs.append([t])
        for run in runs:
            while len(run) > 2 and common_word(run[0].text, doc.lang):
                run = run[1:]  # "To Siergiej Andriejew" opens with a pronoun ("it is"), not a name
            name = full_name([t.text for t in run], doc.lang)
            if not name or all(common_word(w, doc.lang) for w in name):
                continue  # "Dowództwo Obronne": a body's words, no person's name
            if not tagged and lacks_personal_name(name, doc.lang):
                continue  # "o tych, którzy toną w Morzu Śródziemnym": a sea, though "Morze" is a surname too
            if not tagged and not all(may_be_nominative(w, doc.lang) for w in name):
                continue  # "uniewinnił Rosjanina Olega Pułatowa": the object, no subject of the cue after
            if span is None and oblique_only(name, doc.lang):
                continue  # "в интервью … Ивану Петрову, сообщает …": whom he spoke to, not the cue's subject
            is_f = name[-1].lower().endswith(female or ("\x00",))
            if (gender == "f" and not is_f) or (gender == "m" and is_f) or gender in ("n", "p"):
                continue
            written = " ".join(name)
            if (glued := written.replace(" - ", "-")) in doc.text[run[0].start:run[-1].end]:
                written = glued  # "Ahmed al-Sahaf": the name's hyphen as written, not its tokens
            return Speaker(written, None, span, written, "f" if is_f else gender, "previous", 0.55)
    return None


_QUOTED = re.compile(r"[\"«„“][^\"«»„“”]{1,80}[\"»”“]")


def _capital_after_particles(words: Sequence[re.Match[str]], k: int, particles: frozenset[str]) -> bool:
    """Does a capitalised word follow at words[k], past more name particles ("von der Leyen")?"""
    while k < len(words) and words[k].group().lower() in particles:
        k += 1
    return k < len(words) and words[k].group()[:1].isupper()


def _capitalised(word: str, sw: SpeakerWords) -> bool:
    """A word of a name: capitalised, or a particle joined by a hyphen to a capital ("al-Sahaf", "el-Sisi")."""
    if word[:1].isupper():
        return True
    particle, _, rest = word.partition("-")
    return bool(rest) and rest[:1].isupper() and particle.lower() in sw.particles


def _name_part(surface: str, lang: str = "en") -> str | None:
    """The run of capitalised words of a phrase that names a person ("rosyjski polityk Witalij Milonow" -> the name).

    A name particle between capitals stays in the name ("Bill de Blasio", `name_particles` in
    speakers.yaml), and a title word inside the run ends the title, not the name ("New York
    City Mayor Bill de Blasio" -> "Bill de Blasio"). A first run that is a title ("Deputy Foreign
    Minister of the Republic of Ruritania Ivan Petrovsky") gives way to a later run that is a name."""
    words = list(WORD.finditer(surface))
    sw = speaker_words(lang)
    particles = sw.particles
    quoted = [m.span() for m in _QUOTED.finditer(surface)]
    runs: list[tuple[str, list[re.Match[str]]]] = []  # (the word before the run, the run)
    run: list[re.Match[str]] = []
    for k, w in enumerate(words[1:], start=1):
        word = w.group()
        if len(word) > 1 and word.isupper():
            run = []  # an acronym ("MON", "МИД") belongs to the title, not the name
            continue
        if any(a <= w.start() < b for a, b in quoted):
            run = []  # a quoted name ("партии «Северный союз»") is the party's or the paper's
            continue
        if _capitalised(word, sw):
            if not run:
                run = []
                runs.append((words[k - 1].group(), run))
            run.append(w)
        elif run and word.lower() in particles and _capital_after_particles(words, k + 1, particles):
            run.append(w)  # "Bill de Blasio", "Ursula von der Leyen"
        elif run:
            run = []
    for before, run in reversed(runs[1:]):
        if len(run) >= 2 and is_title_word(before, lang) and not any(is_title_word(w.group(), lang) for w in run):
            # "Komendant Główny Straży Granicznej gen. dyw. Tomasz Praga": after a title's own capitals,
            # the run a rank or title word leads into is the name
            return _without_possessive(surface[run[0].start():run[-1].end()], lang)
    first: str | None = None
    for n, (before, run) in enumerate(runs):
        titles = [i for i, w in enumerate(run) if is_title_word(w.group(), lang)]
        ranked = bool(titles) and len(run) - titles[-1] - 1 >= 2
        if before.islower() and (len(before) <= 3 or before in sw.prepositions) and not is_title_word(before, lang) \
                and not (ranked and run[-1].end() == len(surface.rstrip(" ,."))):
            break  # "ekspert z Ośrodka Studiów Wschodnich", "жители из-под Нижнего Брода": a place after a preposition
            # (a short rank is no preposition: "rzecznik dowództwa mjr Piotr Nowak", "płk. Jan Nowak"; nor is
            # a rank ending the phrase: "Chief of the Belarusian Border Guard General Anatoly Lappo")
        if ranked:
            run = run[titles[-1] + 1:]
        if before.islower():  # after a title's genitive chain: "klubu Nowej Lewicy Jan Kowalski"
            run = run[_body_words([w.group() for w in run], lang):]
        common = 0
        while len(run) - common > 2 and common_word(run[common].group(), lang):
            common += 1
        if common:  # "Minister Spraw Zagranicznych [Republiki Rurytanii] Jan Kowalski": the title's capitals
            run = run[common:]
            run = run[_body_words([w.group() for w in run], lang):]
        if oblique_body_words([w.group() for w in run], lang):
            continue  # "Rada Bezpieczeństwa Narodowego": the genitive tail of a body's name, no one's name
        if n + 1 < len(runs) and run[0].group().lower().startswith(sw.body_heads or ("\x00",)):
            continue  # "Komisarz Rady Europy ds. praw człowieka Dunja Mijatović": the title's body, the name after
        name = surface[run[0].start():run[-1].end()] if len(run) >= 2 and len(words) > len(run) else None
        name = _without_possessive(name, lang) if name else name
        if name and not is_title_word(run[-1].group(), lang):
            return name
        if n == 0:
            first = name
    return first


def nominative_person(speaker: Speaker, lang: str) -> Speaker:
    """The speaker with an unknown person's name read in the genitive ("według Tomasza Nowaka") given
    in the nominative ("Tomasz Nowak"); anything else (a registry actor, a title, one word) unchanged."""
    words = (speaker.name or "").split()
    # (also one a relative pronoun stands for: "Hikmeta Hadżijewa, …, który powiedział")
    if speaker.actor_id or speaker.resolved_by not in ("text", "relative") or not 1 <= len(words) <= 4 \
            or not all(w[:1].isupper() and not w.isupper() for w in words):
        return speaker
    # the language's morphology where it knows the words as names ("Marka Zięby": Marek, not "Mark"),
    # the declension rules of names.yaml for the others; a lone word only where the morphology knows
    # it as a surname ("по словам президента Сербии Вучича": Вучич)
    known = name_nominative(tuple(words), lang)
    if len(words) == 1 and known[0] is None:
        return speaker
    speaker.name = " ".join(k or genitive_base(w, lang) for w, k in zip(words, known))
    return speaker


def earlier_with_surname(word: str, earlier: Iterable[str], lang: str) -> set[str]:
    """The earlier speakers' names ending in the surname `word`, in any case ("Курти", "Яблоньского")."""
    forms = {word.casefold(), (name_nominative((word,), lang)[0] or word).casefold()}
    # ("Sahaf" after "Ahmed al-Sahaf": the part after a particle's hyphen is the surname too)
    return {n for n in earlier if n and (n.split()[-1].casefold() in forms
                                         or n.split()[-1].split("-")[-1].casefold() in forms)}


def full_name_of_surname(speaker: Speaker, earlier: Sequence[str], lang: str) -> Speaker:
    """The speaker named by a lone surname the registry does not know, in any case ("Według Telusa",
    "слова Яблоньского", "Kukuła dodał"), given the full name of the one earlier speaker with that
    surname ("Robert Telus", "Павел Яблоньский"), else the surname as an earlier speaker had it in the
    nominative ("Шатрова" after "Шатров"); anything else unchanged."""
    words = (speaker.name or "").split()
    # "Ms Mao" after "Ms Mao Ning, the ministry's spokeswoman": an honorific goes with a family name,
    # which some names give first
    honoured = len(words) == 2 and words[0].rstrip(".") in _honorifics(lang)
    if honoured:
        words = words[1:]
    if speaker.actor_id or speaker.resolved_by != "text" or len(words) != 1 or not words[0][:1].isupper() \
            or words[0].isupper():
        return speaker
    word = words[0]
    forms = {word.casefold(), (name_nominative((word,), lang)[0] or word).casefold()}
    same = earlier_with_surname(word, earlier, lang)
    if not same and honoured:
        same = {n for n in earlier if len(n.split()) == 2 and n.split()[0].casefold() in forms}
    full = {n for n in same if len(n.split()) >= 2} or same  # "Шатрова" after "Шатров" spoke: Шатров
    if len(full) == 1:
        speaker.name = full.pop()
    return speaker


# The most words between a title's first word and the name it introduces ("komendant główny Straży
# Granicznej gen. dyw. SG Tomasz Praga").
TITLE_REACH_WORDS = 8
CAPITALISED_RUN_WORDS = 8  # the longest run of capitalised words read as an office's name and a person's


@dataclass(frozen=True)
class TitledName:
    """A person the text introduces with a title ("szef BBN Paweł Soloch", "wiceminister spraw
    zagranicznych Władysław Teofil Bartoszewski"): where, the title's words, the name in the nominative."""

    start: int
    title: tuple[str, ...]
    name: str
    certain: bool = True  # its nominative is known (or the language has no cases): a name to record


def titled_names(doc: Doc) -> list[TitledName]:
    """Every run of two to four capitalised words the text writes right after a title word, with at
    most lower-case words and acronyms between ("szef BBN Paweł Soloch"), or after title words
    written with capitals in the same run ("Deputy Foreign Minister Adam Kowal"). A title before it
    makes the run a person's name, whether the registry knows the person or not. Cached on the Doc."""
    cached = doc.annotations.get("titled_names")
    if cached is not None:
        return cached
    words = list(WORD.finditer(doc.text))
    places = {m.start for m in doc.mentions if m.kind in ("state", "demonym")}
    starts = {s.start for s in doc.sentences}
    found: list[TitledName] = []
    k = 0
    while k < len(words):
        run = _capitalised_words_from(doc.text, words, k)
        if len(run) < 2:
            k += 1
            continue
        title = _title_before(doc, words, k, places, starts)
        # a title written with capitals inside the run ("Deputy Foreign Minister Adam Kowal"), or the
        # office's own name before the person's ("szef prezydenckiego Biura Polityki Międzynarodowej
        # Jakub Kumoch": words the dictionary knows never as a name)
        inner = len(run) - len(_drop_titles([w.group() for w in run], doc.lang))
        while inner < len(run) and common_word(run[inner].group(), doc.lang):
            inner += 1
        inner = _past_tagged_place(doc, run, inner)
        if inner and len(run) - inner >= 2:
            title = k if title is None else title
        person = len(run) - inner >= 2 and not _names_body(" ".join(w.group() for w in run[inner:]), doc.lang) \
            and not oblique_body_words([w.group() for w in run[inner:]], doc.lang) and not any(
            m.kind in ("state", "body", "demonym") and m.start < run[-1].end() and run[inner].start() < m.end
            for m in doc.mentions)  # "prezydentowi podczas wizyty w Macedonii Północnej": a place; "Dowództwo
        # Generalne Rodzajów Sił Zbrojnych": a body's genitive tail, no person
        apposed = _apposed_title(doc, words, k + len(run)) if person and title is None \
            and _reads_as_person(doc, run[inner:]) else None
        if (title is not None or apposed is not None) and person and len(run) - inner <= 4:
            parts = tuple(w.group() for w in run[inner:])
            nominative = name_nominative(parts, doc.lang)
            name = " ".join(n or w for w, n in zip(parts, nominative))
            certain = all(nominative) or not has_name_morphology(doc.lang)
            known = _registry_person_at(doc, run[inner].start(), run[-1].end())
            if known is not None:
                name, certain = known, True  # the registry's spelling ("Siergiej Ławrow": Sergei Lavrov)
            if title is not None:
                found.append(TitledName(words[title].start(),
                                        tuple(w.group().casefold() for w in words[title:k + inner]), name, certain))
            elif apposed is not None:
                # "Aleksandra Kowal, spokeswoman for the Warsaw prosecutor's office, said": the title
                # set off by a comma after the name
                found.append(TitledName(words[apposed[0]].start(),
                                        tuple(w.group().casefold() for w in words[apposed[0]:apposed[1]]), name, certain))
        k += len(run)
    doc.annotations["titled_names"] = found
    return found


def _reads_as_person(doc: Doc, run: Sequence[re.Match[str]]) -> bool:
    """Is a run of capitalised words a person's name with no title before it to say so: the registry's
    person, or the tagger's (where it tags), or, untagged, words one of which is a given name?"""
    if _registry_person_at(doc, run[0].start(), run[-1].end()) is not None:
        return True
    toks = doc.tokens_in((run[0].start(), run[-1].end()))
    if any(t.ent for t in doc.tokens):
        return bool(toks) and all(entity_label(t.ent) == "PER" for t in toks if t.text[:1].isalpha())
    return not lacks_personal_name([w.group() for w in run], doc.lang)


def _apposed_title(doc: Doc, words: Sequence[re.Match[str]], k: int) -> tuple[int, int] | None:
    """The word range of a person's title set off by a comma right after a name ending before words[k]
    (", spokeswoman for the Warsaw prosecutor's office", ", a spokesman for…"): a title word first, after
    at most a determiner, the phrase up to the next punctuation; None when no title follows so."""
    if k >= len(words) or doc.text[words[k - 1].end():words[k].start()].strip() != ",":
        return None
    first = k + 1 if words[k].group().lower() in determiners(doc.lang) and k + 1 < len(words) else k
    if first >= len(words) or not words[first].group()[:1].islower() or not _person_title(words[first].group(), doc.lang):
        return None
    end = first + 1
    while end < len(words) and end - first < TITLE_REACH_WORDS \
            and not doc.text[words[end - 1].end():words[end].start()].strip():
        end += 1
    return first, end


def _past_tagged_place(doc: Doc, run: list[re.Match[str]], inner: int) -> int:
    """The index in `run` where the person the tagger reads starts after a place or body it reads
    ("prime minister of the Kurdistan Region Masrour Barzani": Masrour), else `inner` unchanged."""
    ner = [m for m in doc.mentions if m.kind == "ner"]
    x = inner
    while x < len(run) and any(m.label in PLACE_LABELS and m.start <= run[x].start() < m.end for m in ner):
        x += 1
    if x > inner and x < len(run) and any(m.label == "PER" and m.start == run[x].start() for m in ner):
        return x
    return inner


PLACE_LABELS = frozenset({"LOC", "GPE", "ORG", "NORP", "FAC"})  # the tagger's labels of what is no person


def _registry_person_at(doc: Doc, start: int, end: int) -> str | None:
    """The registry's name of the person a mention names within [start, end), if any."""
    reg = registry_for(doc)
    for m in doc.mentions:
        if m.actor_id and m.kind == "name" and start <= m.start and m.end <= end and reg is not None:
            actor = reg.by_id(m.actor_id)
            if actor is not None and actor.type == "person":
                return actor.name
    return None


def _capitalised_words_from(text: str, words: Sequence[re.Match[str]], k: int) -> list[re.Match[str]]:
    """The capitalised words (no acronyms) from words[k] on, spaces only between them."""
    run: list[re.Match[str]] = []
    for w in words[k:k + CAPITALISED_RUN_WORDS]:
        word = w.group()
        if not word[:1].isupper() or (len(word) > 1 and word.isupper()):
            break
        if run and text[run[-1].end():w.start()].strip():
            break
        run.append(w)
    return run


def _title_before(doc: Doc, words: Sequence[re.Match[str]], k: int, places: set[int], starts: set[int]) -> int | None:
    """The index of the title word that opens the phrase right before words[k] (only lower-case words,
    acronyms and states' names (`places`: where their mentions start), and spaces, between), or None.
    `starts`: where the sentences start (a title opening one is capitalised)."""
    found = None  # the earliest title word so far: "komendant główny Straży Granicznej gen. dyw. SG" is one title
    for j in range(k - 1, max(k - 1 - TITLE_REACH_WORDS, -1), -1):
        word = words[j].group()
        gap = doc.text[words[j].end():words[j + 1].start()]
        if gap.strip(" \u00a0") and not (gap.strip(" \u00a0") == "." and word.islower() and len(word) <= RANK_ABBREVIATION):
            return found  # punctuation or a line break: the title phrase has ended (not "gen. dyw. SG")
        if _person_title(word, doc.lang) and (word[:1].islower() or j == 0 or words[j].start() in starts):
            found = j
            continue
        if word[:1].isupper() and not (len(word) > 1 and word.isupper()) and words[j].start() not in places \
                and not common_reading(word, doc.lang):
            return found  # another name: no title phrase ("ambasador Rosji w Polsce", "komendant Straży Granicznej" are)
    return found


RANK_ABBREVIATION = 4  # "gen.", "dyw.", "płk.": a short word cut off with a full stop inside a title


def _person_title(word: str, lang: str) -> bool:
    """Is the word a title of a person ("minister", "szef"), not a noun for a body or a document
    that also refers back ("ministry", "the report")?"""
    if not is_title_word(word, lang):
        return False
    fit = anaphor_fit([word.lower()], lang)
    return fit is None or not fit.body


def _stem(word: str) -> str:
    """A word without its inflexion, roughly ("szefa" and "szef", "wiceministra" and "wiceminister")."""
    return word.casefold()[:max(4, len(word) - 3)]


def name_of_titled_text_person(speaker: Speaker, doc: Doc, offset: int) -> Speaker:
    """The person the text itself introduced with a title, for a speaker the registry does not know
    and that the text names only by a surname ("Soloch", "wiceminister Bartoszewski") or by that
    title alone ("– powiedział szef BBN" after "szef BBN Paweł Soloch"). Only the names introduced
    before `offset` count, and only when one person fits; anything else unchanged."""
    # a title read as an anaphor of an earlier unknown speaker ("– powiedział wiceszef MSZ" after the
    # ambassador spoke) is first the person the text gave that title to
    phrase = speaker.name if speaker.resolved_by == "text" else speaker.mention
    words = (phrase or "").split()
    if speaker.actor_id or speaker.resolved_by not in ("text", "anaphor") or not words:
        return speaker
    intros = [t for t in titled_names(doc) if t.start < offset]
    # a long phrase ending in a title ("Towarzyszący prezydentowi podczas wizyty … szef BPM"): its title
    def names_nobody(ws: Sequence[str]) -> bool:  # only titles, acronyms and an office's own words
        return not any(w[:1].isupper() and not w.isupper() and not common_word(w, doc.lang) for w in ws[1:])

    def named(ws: Sequence[str]) -> set[str]:
        rest = _drop_titles(ws, doc.lang)
        if len(rest) == 1 and rest[0][:1].isupper() and not rest[0].isupper():
            forms = {rest[0].casefold(), (name_nominative((rest[0],), doc.lang)[0] or rest[0]).casefold()}
            return {t.name for t in intros if t.name.split()[-1].casefold() in forms}
        if names_nobody(ws):
            reg = registry_for(doc)
            countries = (lambda w: frozenset(reg.countries_named(w, doc.lang))) if reg is not None else None
            return {t.name for t in intros if _title_fits(ws, t.title, doc.lang, countries)}
        return set()

    if not any(_person_title(w, doc.lang) for w in words) and (fit := anaphor_fit([w.lower() for w in words], doc.lang)) \
            and fit.body:
        return speaker  # "the report", "the ministry": a body's, no person's
    names = named(words)
    # the tail from a title in lower case, as the text writes one inside a longer phrase
    last = max((i for i, w in enumerate(words) if i and w[:1].islower() and _person_title(w, doc.lang)), default=0)
    if not names and last and names_nobody(words[last:]):
        names = named(words[last:])
    if len(names) == 1:
        return replace(speaker, name=names.pop())
    return speaker


def _titled_before(doc: Doc, history: Sequence[Speaker], heads: Iterable[str], lang: str) -> Speaker | None:
    """The latest earlier speaker the registry does not know whom the text introduced with a title
    naming the office of the head noun ("zdaniem wiceszefa rosyjskiego MSZ" after "wiceminister spraw
    zagranicznych Rosji X"), else None."""
    offices = {base for base in (anaphor_base(h, lang) for h in heads) if base in _anaphor_data(lang)[2]}
    if not offices:
        return None
    for h in reversed(history[-6:]):
        titles = [t.title for t in titled_names(doc) if t.name == h.name]
        if h.actor_id is None and any(_title_names_office(title, offices, lang) for title in titles):
            return h
    return None


def _text_title_fits(doc: Doc, name: str | None, offices: set[str], strict: bool = False) -> bool:
    """May an office noun ("президент", "the minister"; `offices`: its anaphor bases that name an office)
    refer back to a person the registry does not know? Only when the title the text introduced them
    with has that noun ("Зампред отметил" after "первый зампред комитета … Владимир Джабаров", never
    "Президент Украины заявил"); a person introduced with no title may be anybody, unless `strict`."""
    titles = [t.title for t in titled_names(doc) if t.name == name]
    if not offices or not titles:
        return not strict
    return any(_title_names_office(title, offices, doc.lang) for title in titles)


def _title_names_office(title: Sequence[str], offices: set[str], lang: str) -> bool:
    """Does a title the text gave hold one of the office nouns, or another noun naming the same office
    ("wiceminister" for "wiceszef": both a deputy, pronouns.yaml anaphor_titles)?"""
    kinds = _anaphor_data(lang)[2]
    wanted = {kinds[o] for o in offices if o in kinds}
    return any((base := anaphor_base(w, lang)) in offices or kinds.get(base) in wanted for w in title)


def _title_fits(words: Sequence[str], title: Sequence[str], lang: str,
                countries: Callable[[str], frozenset[str]] | None = None) -> bool:
    """Do a speaker's title words name the office a text person was introduced with? The first is the
    introduction's first in any inflexion; each other one of its later words, in order, or an acronym
    of their initials ("szef Biura Polityki Międzynarodowej", "szef BPM" for "szef prezydenckiego
    Biura Polityki Międzynarodowej"). A generic head noun first (titles.yaml `generic_heads`: "szef",
    "head") fits any office whose name or acronym the other words give ("Szef polskiej SG" for
    "komendant główny Straży Granicznej"); its lower-case qualifiers may be left out of the title.
    `countries` (a word -> the countries it names) lets another name of the same country stand in
    its place ("посла РФ" for "Посол России в Польше")."""
    if not words or not title:
        return False
    # the same noun: by the rough stem, or by the anaphor's base form where the stem changes ("посла")
    same_head = _stem(title[0]) == _stem(words[0]) or (
        (base := anaphor_base(words[0].lower(), lang)) is not None and base == anaphor_base(title[0].lower(), lang))
    generic = _stem(words[0]) in _generic_heads(lang) and not same_head
    if not same_head and not generic:
        return False
    j = 1
    named = False  # with a generic head, one capitalised word or acronym must name the office
    for w in words[1:]:
        at = next((i for i in range(j, len(title)) if _stem(title[i]) == _stem(w)), None)
        if at is not None:
            j = at + 1
            named = named or w[:1].isupper()
        elif len(w) > 1 and w.isupper() and (at := "".join(t[:1] for t in title[j:]).find(w.casefold())) >= 0:
            j += at + len(w)
            named = True
        elif countries is not None and (state := countries(w)) and (
                at := next((i for i in range(j, len(title)) if countries(title[i]) == state), None)) is not None:
            j = at + 1
            named = True
        elif not (generic and w[:1].islower()):
            return False
    return named or not generic


@cache
def _generic_heads(lang: str) -> frozenset[str]:
    """titles.yaml `generic_heads`, stemmed: nouns for the head of any body ("szef", "глава", "head")."""
    return frozenset(_stem(str(w)) for w in lexicon(lang, "titles").get("generic_heads") or [])


def person_name_in(surface: str, lang: str = "en") -> str | None:
    """A run of two or more capitalised words after a title ("rzecznik MON Jan Nowak" -> "Jan Nowak")."""
    return _name_part(surface, lang)


def _has_name(surface: str) -> bool:
    """Does the phrase contain a capitalised word other than its first one (a proper name)? An
    acronym is a body's ("Глава МИД", "szef MSZ"), no name."""
    return any(w[:1].isupper() and not is_acronym(w) for w in WORD.findall(surface)[1:])


def _names_a_person(surface: str, lang: str) -> bool:
    """`_has_name`, where an acronym with one lower-case letter inside is a body's too, no name
    ("wiceszef MSWiA" names an office), and a title word written with a capital is the title ("the
    Minister notes")."""
    return any(w[:1].isupper() and not is_acronym(w) and not _mixed_acronym(w)
               and not (is_anaphor(w.lower(), lang) or is_title_word(w, lang)) for w in WORD.findall(surface)[1:])


SPELT_OUT_WORDS = 10  # the longest name spelt out before its short name in brackets


def _state_words_before(doc: Doc, a: int, b: int) -> int | None:
    """Where the last word of the phrase at a..b starts when every word before it is a state's name or
    adjective ("Finland's NBI", "the Finnish NBI"), with determiners; else None."""
    words = list(WORD.finditer(doc.text, a, b))
    if len(words) < 2:
        return None
    states = [m for m in doc.mentions_starting((a, b)) if m.kind in ("state", "demonym")]
    for w in words[:-1]:
        if w.group().lower() in determiners(doc.lang):
            continue
        if not any(m.start <= w.start() and w.end() <= m.end + 2 for m in states):
            return None
    return words[-1].start()


def _spelled_out(text: str, short: str, lang: str) -> str | None:
    """The name a text spells out before a short name in brackets ("Consumer Protection and Technical
    Regulatory Authority (TTJA)"): the capitalised words right before the bracket, with the short
    lower-case words between them; None when the text spells out no name of two capitalised words."""
    found = re.search(rf"((?:[^\W\d_][\w'’-]*[ \t]+){{1,{SPELT_OUT_WORDS}}})\(\s*{re.escape(short)}\s*\)", text)
    if found is None:
        return None
    words = found.group(1).split()
    first = len(words)
    while first > 0 and (words[first - 1][:1].isupper() or (
            first < len(words) and words[first][:1].isupper() and first > 1 and words[first - 2][:1].isupper()
            and len(words[first - 1]) <= 4)):
        first -= 1  # capitalised words, and a short word between two of them ("Protection and Technical")
    kept = words[first:]
    while kept and (kept[0].lower() in determiners(lang) or is_title_word(kept[0], lang)
                    or (len(kept) > 2 and kept[0].endswith(("'s", "’s")))):
        # "Finland's National Bureau of Investigation": the possessive says whose body, not its name
        kept.pop(0)  # "The Internal Security Agency", "Rzecznik Agencji …": the body's own name
    return " ".join(kept) if sum(w[:1].isupper() for w in kept) >= 2 else None


def _glossed_speaker(doc: Doc, short: str, before: int, gender_hint: str | None) -> Speaker | None:
    """The registry actor named by the phrase that introduced a short name in brackets before `before`
    ("Следственном комитете (СК) Белоруссии" -> Belarus): its capitalised first word back to the
    bracket, and a registry mention right after the bracket; None when that phrase names no registry
    actor (the name spelt out is then the only name the text gives)."""
    found = re.search(rf"\(\s*{re.escape(short)}\s*\)", doc.text[:before])
    if found is None:
        return None
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", doc.text[max(0, found.start() - 120):found.start()]))[-SPELT_OUT_WORDS:]
    capital = [w for w in words if w.group()[:1].isupper()]
    if not capital:
        return None
    start = max(0, found.start() - 120) + capital[-1].start()  # the nearest capital opens the name
    end = found.end()
    after = next((m for m in doc.mentions_starting((end, end + 3)) if m.actor_id and m.start >= end), None)
    if after is not None and not doc.text[end:after.start].strip():
        end = after.end
    named = resolve_speaker(doc, (start, end), [], gender_hint)
    return named if named is not None and named.actor_id else None


def is_acronym(word: str) -> bool:
    """All capitals ("МИД", "MSZ")."""
    return len(word) > 1 and sum(c.isupper() for c in word) == len(word)


def _mixed_acronym(word: str) -> bool:
    """Capitals but for one letter ("MSWiA")."""
    return len(word) > 1 and sum(c.isupper() for c in word) == len(word) - 1


@cache
def _female_endings(lang: str) -> tuple[str, ...]:
    return tuple(str(e).lower() for e in lexicon(lang, "pronouns").get("female_name_endings") or [])


# Entity labels of a phrase that names no person: a "he" or "she" never refers back to it.
THING_ENTS = frozenset({"GPE", "LOC", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"})


@cache
def _referent_from_parse(lang: str) -> bool:
    """pronouns.yaml `referent_from_parse`: the parser's number and entity labels are good enough in
    this language to tell a person from a group or a thing (where a verb's ending gives the speaker's
    gender, as in Russian and Polish, they are not needed)."""
    return bool(lexicon(lang, "pronouns").get("referent_from_parse"))


def phrase_referent(doc: Doc, span: tuple[int, int] | None) -> str | None:
    """What later pronoun a speaker phrase the registry does not know can be: "n" a thing, body or
    state ("a press release", "Twitter", "Pakistan": never "he" or "she"), "p" a group ("Critics",
    "the lawmakers": a "they"), "s" one person ("Jeppe Bruus": "he" or "she", never "they"), or
    None when the parse does not say (its head noun is a title: "the official", "an expert")."""
    if span is None or not (doc.tokens and doc.tokens[0].dep) or not _referent_from_parse(doc.lang):
        return None
    toks = [t for t in doc.tokens_in(span) if t.text[:1].isalnum()]
    head = next((t for t in phrase_heads(toks) if t.pos in ("NOUN", "PROPN")), None)
    if head is None:
        return None
    if "Number=Plur" in head.morph:
        return "p"
    label = entity_label(head.ent)
    if label in ("PER", "PERSON"):
        return "s"
    if any(entity_label(t.ent) in ("PER", "PERSON") for t in toks):
        return None  # "Karaganov's office", "the Trump campaign": a person's, the parse cannot tell
    if head.pos == "PROPN":
        # one capitalised word the tagger calls a place or a body ("Pakistan", "Twitter"); a name of
        # several words may be a person's the tagger got wrong ("Margot Vandervelden" as a place)
        return "n" if label in THING_ENTS and len(toks) == 1 else None
    bodies, states, _ = _anaphor_data(doc.lang)
    lemma = (head.lemma or head.text).lower()
    nouns = cue_table(doc.lang).source_nouns  # a document that speaks: "statement", "release"
    if lemma in bodies | states or (nouns is not None and nouns.fullmatch(lemma)):
        return "n"  # "the government", "a press release"
    return None


def gender_of(doc: Doc, actor_id: str | None, history: list[Speaker]) -> str | None:
    """n for bodies; the registry's gender of a person, else f when the surname has a feminine ending
    (Zakharova, Kowalska); else unknown."""
    if not actor_id:
        return None
    reg = registry_for(doc)
    actor = reg.by_id(actor_id) if reg is not None else None
    if actor is None:
        return None
    if actor.type == "person" and actor.gender:
        return actor.gender
    if actor.type == "person" and (given := given_name_gender(actor.name.split()[0])) is not None:
        return given  # "Łukasz Jasina": a man, whatever his surname's ending
    if actor.type == "person" and actor.name.lower().endswith(_female_endings(doc.lang) or ("\x00",)):
        return "f"
    return "n" if actor.type != "person" else None


def _names_hold(actor: Any, noun: str) -> bool:
    """Does one of the actor's names, in any language, hold the noun (its first five letters, so
    that "ministry" finds "Ministry of…" and "ministerstwo" finds "Ministerstwa…")?"""
    stem = noun.lower()[:5]
    names = [actor.name, *(n for forms in actor.aliases.values() for n in forms)]
    return any(w.lower().startswith(stem) for n in names for w in WORD.findall(n))


def _body_by_first_word(doc: Doc, offset: int, word: str) -> Mention | None:
    """The latest registry body named before `offset` whose name the text began with `word`, a word
    of five letters or more written with a capital ("Straż" for "Straż Graniczna"), or None."""
    text_word = doc.text[offset:offset + len(word)]
    if len(word) < 5 or not text_word[:1].isupper():
        return None
    for m in sorted(doc_mentions(doc), key=lambda m: -m.start):
        if m.end > offset or m.kind != "body" or not m.actor_id:
            continue
        first = WORD.findall(m.text)
        if len(first) > 1 and first[0].lower() == word:
            return m
    return None


TEXT_BODY_SENTENCES = 2  # how far back a body noun looks for the body the text named with it


def _text_body_named_before(doc: Doc, offset: int, heads: Iterable[str]) -> str | None:
    """The name of a body the text wrote with one of the head nouns in the sentences before `offset`
    ("The Belarusian Investigative Committee", "Следственный комитет Белоруссии"): a capitalised run
    around the noun, the noun capitalised itself or right after a capitalised word. None when the
    noun stands alone there too ("the committee") or the registry knows the body (its mention wins)."""
    # a form of one of the nouns, as pronouns.yaml inflects the anaphors ("Komitetu" for "komitet")
    nouns = {anaphor_base(h, doc.lang) or h for h in heads if len(h) >= 4}
    if not nouns or not doc.sentences:
        return None
    si = doc.sentence_index_at(offset)
    lo = doc.sentences[max(si - TEXT_BODY_SENTENCES, 0)].start
    words = list(WORD.finditer(doc.text, lo, offset))
    for k in range(len(words) - 1, -1, -1):
        low = words[k].group().lower()
        if low not in nouns and anaphor_base(low, doc.lang) not in nouns:
            continue
        capital = words[k].group()[:1].isupper()
        if not capital and not (k > 0 and words[k - 1].group()[:1].isupper()
                                and not doc.text[words[k - 1].end():words[k].start()].strip()):
            continue
        first = k
        dets = determiners(doc.lang)
        while first > 0 and words[first - 1].group()[:1].isupper() and words[first - 1].group().lower() not in dets \
                and not doc.text[words[first - 1].end():words[first].start()].strip() \
                and not any(m.kind == "body" and m.actor_id and m.start <= words[first - 1].start() < m.end
                            for m in doc.mentions):
            first -= 1
        last = k
        while last + 1 < len(words) and words[last + 1].group()[:1].isupper() \
                and not doc.text[words[last].end():words[last + 1].start()].strip():
            last += 1
        if first == last:
            continue
        if any(m.actor_id and m.start < words[last].end() and words[first].start() < m.end and m.kind == "body"
               for m in doc.mentions):
            return None
        return doc.text[words[first].start():words[last].end()]
    return None


def _may_name_text_body(heads: Iterable[str], name: str | None, lang: str) -> bool:
    """Can a body noun ("the agency", "the commission") refer back to a body the text named in its own
    words? A generic noun for any body (pronouns.yaml `generic_body_anaphors`) can; another only when
    the body's name holds it ("the commission" for "The Commission on Presidential Debates", never
    "the campaign")."""
    generic = _pronoun_words(lang, "generic_body_anaphors")
    words = {w.lower() for w in WORD.findall(name or "")}
    return any(h in generic or h in words for h in heads)


@cache
def _pronoun_words(lang: str, key: str) -> frozenset[str]:
    """A word list of pronouns.yaml, lower-cased (read once per language)."""
    return frozenset(str(w).lower() for w in lexicon(lang, "pronouns").get(key) or [])


def is_text_body(h: Speaker, lang: str) -> bool:
    """Is the speaker a body the text names in its own words, unknown to the registry ("the TTJA",
    "Consumer Protection and Technical Regulatory Authority")?"""
    # the name alone ("Cinia") or the words that introduced it ("the telecom operator Cinia"); what an
    # apposition after a name says ("Safeen Dizayee, the head of the … Foreign Relations Department")
    # is the person's office, no body
    mention = h.mention or ""
    at = mention.find(h.name) if h.name else -1
    introduced = mention if at < 0 else mention[:at]
    return h.actor_id is None and h.resolved_by == "text" and (_names_body(h.name, lang) or _names_body(introduced, lang))


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
        if gender in ("m", "f") and prev.gender in ("m", "f", "n", "p") and prev.gender != gender \
                and not (prev.gender == "n" and prev.grammatical == gender):
            continue  # "– dodał" (he added) is not the border guard's statement, "he" not the critics'
        if gender == "n" and (prev.gender != "n" or prev.actor_id is None and not prev.text_body):
            continue  # "it" only stands for a body ("the ministry… it said")
        if gender == "p" and (prev.gender in ("m", "f") or prev.one_person or prev.grammatical in ("m", "f")):
            continue  # "– przekazały" (they passed on) is not the ministry's that "poinformował" (it, masculine)
        return Speaker(prev.name, prev.actor_id, span, None, gender if gender in ("m", "f") else prev.gender,
                       "previous" if span is None else "pronoun", min(prev.confidence, 0.8))
    return None
