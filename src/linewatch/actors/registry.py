"""The actor registry: who is who, in which role, on which date.

Loads the shipped `data/actors/*.yaml` plus any user registry files (same
format, documented at the top of `data/actors/russia.yaml`) and answers:

- `resolve(surface, lang, on)`: which actor a surface form denotes: a name in
  any grammatical case or transliteration ("Ławrowa", "Лаврову", "Lukashenka"),
  a surname alone when only one actor has it, or a title ("Russia's top
  diplomat", "rzecznik Kremla", "глава МИД России") resolved through
  `data/lang/<lang>/titles.yaml` to whoever held that role on `on`;
- `find_mentions(text, lang, on)`: every actor mention with exact offsets,
  longest match first, never overlapping.

Names are compared by token keys (case, diacritics and common transliteration
variants folded); inflected forms come from the declension rules in
`data/lang/<lang>/names.yaml`, so the registry lists base forms only.
"""
from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from linewatch.errors import InputError
from linewatch.lexicon import (
    SUPPORTED_LANGUAGES,
    calendar_forms,
    data_path,
    lexicon,
    load_yaml,
    only_true_false_booleans,
    shared_data,
)
from linewatch.model import Actor, Mention, Role

MAX_REGISTRY_BYTES = 5_000_000
MAX_SURFACE_CHARS = 300
# A body made for a state the registry knows but whose ministry of a common kind it does not list
# has the id "<state id>~<kind slug>" ("turkey~ministry-of-foreign-affairs"); a kind is common when
# the registry lists it for at least this many states (ministries, not one country's border guard).
DERIVED_SEPARATOR = "~"
DERIVED_KIND_MIN_STATES = 3
ACTOR_FIELDS = {"id", "name", "type", "country", "aliases", "demonyms", "roles", "description", "stands_for_state",
                "gender"}
GENDERS = {"f", "m"}
ROLE_FIELDS = {"key", "title", "org", "country", "start", "end"}
ACTOR_TYPES = {"person", "organisation", "state"}

# --------------------------------------------------------------------------- name keys and forms

TOKEN_RE = re.compile(r"\w+", re.UNICODE)


@cache
def body_kind(name: str) -> str | None:
    """The kind of body a registry name says, by the registry's naming "<kind> of <state>"
    ("Ministry of Defence of Belarus" -> "Ministry of Defence"), or None for another name."""
    return name.rsplit(" of ", 1)[0] if " of " in name else None


def _transliteration() -> dict[str, Any]:
    """data/transliteration.yaml: the spelling variants folded into one name key."""
    path = data_path("transliteration.yaml")
    return (load_yaml(path.read_text(encoding="utf-8")) if path.exists() else None) or {}


@cache
def _latin_folds() -> tuple[tuple[str, str], ...]:
    """Latin-script transliteration variants folded into one key (Dmitry/Dmitri,
    Zakharova/Zaharova), in order (`latin_folds`)."""
    return tuple((str(a), str(b)) for a, b in _transliteration().get("latin_folds") or [])


@cache
def _cyrillic_folds() -> tuple[tuple[str, str], ...]:
    """Cyrillic spelling variants folded into one key (Каминский/Каминьский; `cyrillic_folds`)."""
    return tuple((str(a), str(b or "")) for a, b in _transliteration().get("cyrillic_folds") or [])


def token_key(token: str) -> str:
    """Comparison key of one token: case-folded, no diacritics, ł→l, Latin and Cyrillic variants folded."""
    s = unicodedata.normalize("NFKD", token.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).replace("ł", "l")
    if s.isascii():
        for a, b in _latin_folds():
            s = s.replace(a, b)
    elif any("\u0400" <= ch <= "\u04ff" for ch in s):
        for a, b in _cyrillic_folds():
            s = s.replace(a, b)
    return s


def word_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) of the word tokens of `text`."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


@cache
def _declension(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Declension rules of a language (ending -> replacement forms), longest ending first."""
    rules = lexicon(lang, "names").get("declension") or []
    out = [(str(r.get("end", "")), tuple(str(f) for f in r.get("forms") or ())) for r in rules]
    return tuple(sorted(out, key=lambda r: -len(r[0])))


@cache
def _indeclinable(lang: str) -> tuple[str, ...]:
    return tuple(str(e) for e in lexicon(lang, "names").get("indeclinable_endings") or ())


def word_forms(word: str, lang: str) -> list[str]:
    """The word and its inflected forms by the first (longest) matching ending rule.

    A specific ending rule ("cki", "ow") wins over the indeclinable endings, which
    only stop the catch-all rule (ending "") from declining "Lukashenko" or "Duda's".
    """
    low = word.casefold()
    if len(word) < 3 or word.endswith("*") or not word[:1].isalpha():
        return [word]
    for end, repl in _declension(lang):
        if not low.endswith(end):
            continue
        if not end and any(low.endswith(e) for e in _indeclinable(lang)):
            return [word]
        stem = word[: len(word) - len(end)]
        return [word] + [stem + r for r in repl]
    return [word]


@cache
def _genitive_rules(lang: str) -> tuple[tuple[str, str], ...]:
    """(genitive ending, base ending) of each declension rule, in file order: the first form of a
    rule is its genitive."""
    rules = lexicon(lang, "names").get("declension") or []
    return tuple((str(r["forms"][0]), str(r.get("end", ""))) for r in rules if r.get("forms"))


def genitive_base(word: str, lang: str) -> str:
    """The nominative of a name word read in the genitive ("Kowalczyka" -> "Kowalczyk", "Петровского"
    -> "Петровский", "Kosiniaka-Kamysza" -> "Kosiniak-Kamysz"): the rule whose genitive ending is the
    longest one the word has (the first such in the file); the word itself when none fits."""
    if "-" in word:
        return "-".join(genitive_base(w, lang) for w in word.split("-"))
    low = word.casefold()
    best: tuple[str, str] | None = None
    for gen, end in _genitive_rules(lang):
        if low.endswith(gen.casefold()) and len(word) > len(gen) + 1 and (best is None or len(gen) > len(best[0])):
            best = (gen, end)
    return word[: len(word) - len(best[0])] + best[1] if best else word


def phrase_forms(phrase: str, lang: str, limit: int = 80) -> set[str]:
    """Inflected variants of a (multi-word) name: each word in any of its forms, bounded."""
    words = phrase.split()
    per_word = [word_forms(w, lang) for w in words]
    out = {phrase}
    for combo in itertools.product(*per_word):
        out.add(" ".join(combo))
        if len(out) >= limit:
            break
    return out


@cache
def shared_offices() -> frozenset[str]:
    """Role keys of offices several people hold at once (data/offices.yaml `shared`)."""
    return frozenset(str(k) for k in shared_data("offices").get("shared") or [])


@cache
def _not_head_title_words() -> tuple[str, ...]:
    """data/offices.yaml `not_head_title_words`: a role titled with one is not its body's head."""
    return tuple(str(w).casefold() for w in shared_data("offices").get("not_head_title_words") or [])


@cache
def _governed_by_head_of_government() -> frozenset[str]:
    """data/offices.yaml `leader_heads_government`: countries whose "leader" is the head of government."""
    return frozenset(str(k) for k in shared_data("offices").get("leader_heads_government") or [])


def leader_role(role: str, leader: bool, country: str | None) -> str:
    """The office a title names in a country: a bare "leader" ("the Hungarian leader", "лидер Чехии")
    is the head of government where the government leads (data/offices.yaml), else the head of state."""
    return "head_of_government" if leader and country in _governed_by_head_of_government() else role


@cache
def _served_offices() -> frozenset[str]:
    """data/offices.yaml `served_offices`: role keys whose body has a head of its own."""
    return frozenset(str(k) for k in shared_data("offices").get("served_offices") or [])


# --------------------------------------------------------------------------- the gazetteer trie


@dataclass
class _Entry:
    actor_id: str
    kind: str  # name / body / state / demonym
    needs_capital: bool  # proper names match only when capitalised in the text
    surname_only: bool = False  # a bare surname: not when it is the first name of someone else
    shared: bool = False  # a bare surname several actors have: the one in office on the date, if only one is
    needs_cue: bool = False  # a bare surname that is also a common word ("May"): only after a title or honorific


@dataclass
class _Node:
    exact: dict[str, _Node] = field(default_factory=dict)
    stems: dict[str, _Node] = field(default_factory=dict)  # "rosyjsk*": any token starting so
    entries: list[Any] = field(default_factory=list)
    stem_starts: set[str] = field(default_factory=set)  # first two letters of the stems


class TokenTrie:
    """Token trie over name keys; `*` at the end of a phrase's word matches any ending.

    Holds any payload per phrase (registry entries, event triggers); `longest()` finds
    the longest phrase starting at a token, so a text is scanned once whatever the
    number of phrases.
    """

    def __init__(self, key: Callable[[str], str] = token_key) -> None:
        self.root = _Node()
        self.key = key  # how a token is compared (names fold transliteration variants too)
        self.longest_stem = 0  # no need to try longer prefixes of a (hostile) long token

    def add(self, phrase: str, entry: Any) -> None:
        node = self.root
        for _, _, tok in word_tokens(phrase):
            star = phrase.find(tok + "*") >= 0
            key = self.key(tok)
            table = node.stems if star else node.exact
            if star:
                node.stem_starts.add(key[:2])
            node = table.setdefault(key, _Node())
            if star:
                self.longest_stem = max(self.longest_stem, len(key))
        if node is not self.root and entry not in node.entries:
            node.entries.append(entry)

    def _next(self, node: _Node, key: str) -> list[_Node]:
        found = []
        if key in node.exact:
            found.append(node.exact[key])
        # a stem of two letters or more can only take a key that starts with its first two
        if node.stems and key[:2] in node.stem_starts:
            for k in range(min(len(key), self.longest_stem), 1, -1):
                if key[:k] in node.stems:
                    found.append(node.stems[key[:k]])
        return found

    def scan(
        self, text: str, accept: Callable[[int, int, list[Any]], bool] = lambda s, e, entries: True
    ) -> Iterator[tuple[int, int, list[Any]]]:
        """Longest matches left to right: (start, end, entries). A match that `accept`
        refuses (e.g. a name not capitalised) is skipped one token at a time."""
        toks = word_tokens(text)
        keys = [self.key(t[2]) for t in toks]
        i = 0
        while i < len(toks):
            # the longest match `accept` takes: "Finnish" when "Finnish government" is refused
            # ("the Finnish government-owned operator")
            taken = next(((n, entries) for n, entries in self.matches(keys, i)
                          if accept(toks[i][0], toks[i + n - 1][1], entries)), None)
            if taken is not None:
                n, entries = taken
                yield toks[i][0], toks[i + n - 1][1], entries
                i += n
                continue
            i += 1

    def longest(self, keys: list[str], i: int) -> tuple[int, list[Any]]:
        """Longest match starting at token i: (number of tokens, entries)."""
        return next(iter(self.matches(keys, i)), (0, []))

    def matches(self, keys: list[str], i: int) -> list[tuple[int, list[Any]]]:
        """Every match starting at token i, longest first: (number of tokens, entries)."""
        found: dict[int, list[Any]] = {}
        frontier = [(self.root, 0)]
        while frontier:
            node, n = frontier.pop()
            if n and node.entries and n not in found:
                found[n] = node.entries
            if i + n < len(keys):
                frontier.extend((nxt, n + 1) for nxt in self._next(node, keys[i + n]))
        return sorted(found.items(), key=lambda ne: -ne[0])


# --------------------------------------------------------------------------- YAML loading with lines


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # C parser when libyaml is there (3x faster)
    """SafeLoader that remembers the line of every mapping (for error messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
only_true_false_booleans(_LineLoader)  # an alias "No" or "On" stays a name
# Dates stay text here so that a bad one ("2021-13-01") is reported with its file and line.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


_MONTH_ONLY = re.compile(r"(\d{4})-(\d{2})")


def _as_date(value: Any, where: str) -> date | None:
    """A role date: YYYY-MM-DD, or YYYY-MM when sources give only the month (read as
    its 1st; meant for a start before the period a registry covers, never for a handover)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    month = _MONTH_ONLY.fullmatch(str(value))
    try:
        if month:
            return date(int(month.group(1)), int(month.group(2)), 1)
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"bad date {value!r} (want YYYY-MM-DD or YYYY-MM)", where=where) from None


def _str_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise InputError("expected a list of names", where=where)
    return [str(v) for v in value]


def _lang_lists(value: Any, where: str) -> dict[str, list[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError("expected a mapping language -> list of names", where=where)
    return {str(k): _str_list(v, where) for k, v in value.items() if k != "__line__"}


def _as_bool(value: Any, name: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"{name} must be true or false", where=where)
    return value


def _check_fields(item: dict[str, Any], allowed: set[str], what: str, where: str) -> None:
    unknown = set(item) - allowed - {"__line__"}
    if unknown:
        raise InputError(f"unknown {what} field(s) {', '.join(sorted(unknown))}", where=where)


@dataclass
class _RoleRecord:
    actor_id: str
    key: str | None
    role: Role


def load_registry_file(path: Path) -> tuple[list[Actor], dict[str, dict[str, list[str]]], list[_RoleRecord]]:
    """Actors, demonyms per actor and keyed roles of one registry file; InputError on any defect."""
    where = str(path)
    try:
        if path.stat().st_size > MAX_REGISTRY_BYTES:
            raise InputError(f"registry file larger than {MAX_REGISTRY_BYTES} bytes", where=where)
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as exc:
        raise InputError(f"cannot read registry file ({exc.strerror or exc})", where=where) from None
    except UnicodeDecodeError:
        raise InputError("registry file is not UTF-8", where=where) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"invalid YAML ({getattr(exc, 'problem', exc)})", where=where + line) from None
    items = raw.get("actors") if isinstance(raw, dict) else raw
    if items is None:
        return [], {}, []
    if not isinstance(items, list):
        raise InputError("expected a list of actors under 'actors:'", where=where)
    actors: list[Actor] = []
    demonyms: dict[str, dict[str, list[str]]] = {}
    roles: list[_RoleRecord] = []
    for item in items:
        if not isinstance(item, dict):
            raise InputError("each actor must be a mapping", where=where)
        at = f"{where}:{item.get('__line__', '?')}"
        _check_fields(item, ACTOR_FIELDS, "actor", at)
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InputError("actor without a name", where=at)
        actor_type = item.get("type", "person")
        if actor_type not in ACTOR_TYPES:
            raise InputError(f"actor type {actor_type!r} is not one of {sorted(ACTOR_TYPES)}", where=at)
        gender = item.get("gender")
        if gender is not None and gender not in GENDERS:
            raise InputError(f"gender {gender!r} is not one of {sorted(GENDERS)}", where=at)
        actor_id = str(item.get("id") or re.sub(r"[^a-z0-9]+", "-", token_key(name)).strip("-"))
        actor = Actor(
            id=actor_id,
            name=name.strip(),
            type=actor_type,
            country=item.get("country"),
            aliases=_lang_lists(item.get("aliases"), at),
            description=item.get("description"),
            stands_for_state=_as_bool(item.get("stands_for_state", True), "stands_for_state", at),
            gender=gender,
        )
        for r in item.get("roles") or []:
            if not isinstance(r, dict):
                raise InputError("each role must be a mapping", where=at)
            rat = f"{where}:{r.get('__line__', '?')}"
            _check_fields(r, ROLE_FIELDS, "role", rat)
            if not r.get("title"):
                raise InputError("role without a title", where=rat)
            role = Role(
                title=str(r["title"]),
                org=r.get("org"),
                country=r.get("country") or actor.country,
                start=_as_date(r.get("start"), rat),
                end=_as_date(r.get("end"), rat),
            )
            if role.start and role.end and role.end < role.start:
                raise InputError("role ends before it starts", where=rat)
            actor.roles.append(role)
            roles.append(_RoleRecord(actor_id, r.get("key"), role))
        demonyms[actor_id] = _lang_lists(item.get("demonyms"), at)
        actors.append(actor)
    return actors, demonyms, roles


# --------------------------------------------------------------------------- titles


def _form_word(w: str) -> str:
    if w == "_":
        return r"\w[\w'-]*"  # any one word: "Szef _ dyplomacji" takes "Szef polskiej dyplomacji"
    return re.escape(w[:-1]) + r"[\w'-]*" if w.endswith("*") else re.escape(w)


def form_regex(form: str) -> str:
    """Regex of a lexicon form: words separated by spaces, matched as whole words;
    a word ending in `*` is a stem that takes any ending ("rzeczni* Kreml*", "sanction*");
    `_` stands for any one word (the state's adjective inside a title: "glav* _ МИД")."""
    parts = [_form_word(w) for w in form.split()]
    return r"(?<![\w'])" + r"\s+".join(parts) + r"(?![\w'])" if parts else r"(?!)"


@dataclass
class _Title:
    pattern: re.Pattern[str]
    role: str  # role key, e.g. "foreign_minister"
    country: str | None  # fixed country ("the Kremlin spokesman") or None (taken from context)
    org: str | None = None  # the organisation whose office it is ("prezes PiS": the party's leader, no other's)
    leader: bool = False  # a bare "leader": whichever head leads the country (`leader_role`)


@cache
def _titles(lang: str) -> tuple[_Title, ...]:
    out = []
    for entry in lexicon(lang, "titles").get("titles") or []:
        for form in entry.get("forms") or []:
            # not the tail of a hyphenated compound: "Вице-премьер", "экс-президент", "ex-president" hold
            # no office the holder on the date has
            pat = re.compile(r"(?<![\w-])" + form_regex(str(form)), re.IGNORECASE)
            out.append(_Title(pat, str(entry["role"]), entry.get("country"), entry.get("org"),
                              bool(entry.get("leader"))))
    # Longer forms first so "deputy foreign minister" wins over "foreign minister"; a form with
    # an any-word slot last, so "szef unijnej dyplomacji" stays the EU's.
    return tuple(sorted(out, key=lambda t: (_has_slot(t), -len(t.pattern.pattern))))


def _has_slot(title: _Title) -> bool:
    """Has the title's form an any-word slot ("лидер* _ оппозиции")?"""
    return r"\w[\w'-]*\s" in title.pattern.pattern


@cache
def _former_words(lang: str) -> re.Pattern[str]:
    """Words right before a title that say the office is no longer held ("former", "бывший",
    "byłego", titles.yaml `former`): such a title names nobody the date's holder can stand for."""
    forms = [_form_word(str(w)) for w in lexicon(lang, "titles").get("former") or []]
    if not forms:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w'-])(?:" + "|".join(forms) + r")\s+$", re.IGNORECASE)


def _after_former(text: str, start: int, lang: str) -> bool:
    """Does a "former" word end right before `start` (a title's or its country's first word)?"""
    return bool(_former_words(lang).search(text, max(0, start - 40), start))


@cache
def _title_starts(lang: str) -> re.Pattern[str]:
    """Where any title of `lang` may start: a word boundary followed by some form's first word.

    Each title's regex is that same boundary and first word, then more, so it can only match at
    these places: one scan finds them, and each title is tried there alone (`_matches_at`) rather
    than searched for through the whole text (a hundred scans of every document, 70% of the time
    of finding mentions on PolNeAR)."""
    firsts = sorted({_form_word(str(form).split()[0])
                     for entry in lexicon(lang, "titles").get("titles") or []
                     for form in entry.get("forms") or [] if str(form).split()})
    if not firsts:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w'])(?=" + "|".join(f"(?:{f})" for f in firsts) + ")", re.IGNORECASE)


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` when every match of `pattern` starts at one of `starts` (sorted):
    the leftmost match at or after the end of the previous one, as finditer takes them."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            yield m
            end = max(m.end(), start + 1)


def _compound_goes_on(text: str, end: int) -> bool:
    """Does a hyphenated word go on after `end` ("the Finnish government-owned operator"): the name is
    only the first part of a modifier? An inflection glued by a hyphen ("MSZ-u", "NATO-wskie" is longer)
    is at most three letters."""
    m = _HYPHEN_TAIL.match(text, end)
    return m is not None and len(m.group(1)) >= 4 and m.group(1).islower()


_HYPHEN_TAIL = re.compile(r"-(\w+)")


@cache
def body_forms(lang: str) -> tuple[tuple[re.Pattern[str], tuple[re.Pattern[str], ...]], ...]:
    """Body nouns of titles.yaml `bodies` ("МИД", "министерств* обороны", "ministerstw* obrony"), longest
    first, each with the synonyms of its group (a list in `bodies`: "defense ministry", "ministry of
    defence", …): with the country named next to them they are that country's body, whichever of the
    group's words the registry writes its name with."""
    out: list[tuple[str, tuple[re.Pattern[str], ...]]] = []
    for item in lexicon(lang, "titles").get("bodies") or []:
        group = [str(f) for f in (item if isinstance(item, list) else [item])]
        patterns = tuple(re.compile(form_regex(f), re.IGNORECASE) for f in group)
        out.extend((f, patterns) for f in group)
    out.sort(key=lambda fp: len(fp[0]), reverse=True)
    return tuple((re.compile(form_regex(f), re.IGNORECASE), group) for f, group in out)


@cache
def _place_glue(lang: str) -> frozenset[str]:
    """Prepositions that put a body in its capital or country ("МИД в Варшаве", "ministry in Minsk")."""
    return frozenset(str(w).casefold() for w in lexicon(lang, "titles").get("place_glue") or [])


@cache
def _title_glue(lang: str) -> frozenset[str]:
    """Words that may stand between a title and its country ("of", "the", "s" of "'s")."""
    return frozenset(str(w).casefold() for w in lexicon(lang, "titles").get("country_glue") or [])


@cache
def _kinds_before_title(lang: str) -> frozenset[str]:
    """Mention kinds that qualify a title from before it ("Russia's minister", "российский
    министр"); where the country follows the title in the genitive ("премьер-министр Венгрии"),
    a state named just before is another phrase's ("в Москву премьер-министр")."""
    kinds = lexicon(lang, "titles").get("country_before_kinds")
    return frozenset(str(k) for k in kinds) if kinds is not None else frozenset({"state", "demonym", "body"})


@cache
def _generic_head_stems(lang: str) -> tuple[str, ...]:
    """titles.yaml `generic_heads` ("head", "szef", "глава"), stemmed so that any case form matches."""
    words = [str(w).casefold() for w in lexicon(lang, "titles").get("generic_heads") or []]
    return tuple(w if len(w) <= 4 else w[:-1] for w in words)


def _is_generic_head(word: str, lang: str) -> bool:
    w = word.casefold()
    return any(w.startswith(stem) and len(w) - len(stem) <= 3 for stem in _generic_head_stems(lang))


_HEAD_BEFORE = re.compile(r"(\w+)[ \t]+((?:\w+[ \t]+){0,2})\Z")


# --------------------------------------------------------------------------- the registry


_NEXT_WORD = re.compile(r"[ \t]+(\w+)")


_PREVIOUS_WORD = re.compile(r"(?:(\w+)[ \t]+)?(\w+)[ \t]+\Z")
_SENTENCE_END = frozenset(".!?…\n")
# Quotation marks, looked past: '."' ends a sentence before the name, '," Mihai Popescu said' does not.
_QUOTES = "\"'”»“«„"


def _given_name_before(text: str, start: int, lang: str) -> str | None:
    """The capitalised word right before a surname at `start` when it can be a first name: not a title
    or honorific ("Minister Popescu", "Mrs. May"), not a weekday or month, not the object of a
    preposition ("napisał na Twitterze Żaryn", "w Warszawie Tusk"); else None."""
    m = _PREVIOUS_WORD.search(text, max(0, start - 60), start)
    if m is None or not _capitalised_word(m.group(2)) or m.group(2).casefold() in _calendar_words():
        return None
    if (m.group(1) and m.group(1).casefold() in _prepositions(lang)) or m.group(2).casefold() in _according_words(lang):
        return None
    if m.group(1) and m.group(1)[:1].isupper() and not _title_word(m.group(1), lang):
        return None  # "the Washington Post Trump said": the end of another name ("Defence Minister Mihai" is a title and a name)
    before = text[max(0, m.start(2) - 4):m.start(2)].rstrip(" \t").rstrip(_QUOTES)
    if not before or before[-1] in _SENTENCE_END:
        return None  # "Ранее Захарова заявила", "Yesterday Lavrov said": a capital any sentence opens with
    if _cue_before(lang).search(text, max(0, start - 80), start) or _title_word(m.group(2), lang):
        return None  # "Minister Lavrov", "Mrs. May": an office or a courtesy, no first name
    return m.group(2)


@cache
def _prepositions(lang: str) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in lexicon(lang, "speakers").get("prepositions") or [])


@cache
def _according_words(lang: str) -> frozenset[str]:
    """The words of the language's according-to phrases (cues.yaml `according_to`: "zdaniem", "по словам"):
    capitalised where a subheading runs into the sentence ("Wojna hybrydowa Zdaniem Żaryna"), never a first name."""
    return frozenset(w.casefold() for p in lexicon(lang, "cues").get("according_to") or [] for w in str(p).split())


@cache
def _title_words(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words of the language's title forms, honorifics and name titles (titles.yaml), lower-cased:
    whole words, and stems (a form's word ending in `*`, without it). They can stand before a surname
    without being a first name."""
    table = lexicon(lang, "titles")
    words = {w for entry in table.get("titles") or [] for f in entry.get("forms") or [] for w in str(f).split()}
    words |= {str(w) for key in ("honorifics", "name_titles") for w in table.get(key) or []}
    whole = frozenset(w.casefold().rstrip(".") for w in words if not w.endswith("*"))
    stems = tuple(sorted({w.casefold()[:-1] for w in words if w.endswith("*") and len(w) > 4}))
    return whole, stems


def _title_word(word: str, lang: str) -> bool:
    whole, stems = _title_words(lang)
    low = word.casefold()
    return low in whole or any(low.startswith(stem) for stem in stems)


def _capitalised_word(word: str) -> bool:
    """A name-like word in any alphabet: a capital, then small letters only ("Aoun", "Лукашенко")."""
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Weekday and month names of every language ("Lavrov Monday said" is still Lavrov)."""
    return frozenset(
        form.rstrip(".")
        for lang in SUPPORTED_LANGUAGES
        for table in ("months", "weekdays")
        for form in calendar_forms(lang, table)
        if " " not in form
    )


@lru_cache(maxsize=1)
def _cue_only_surnames() -> frozenset[str]:
    """Keys of surnames that are also calendar or common words ("May", "Hague"): a bare one names
    a person only after a title or honorific ("Prime Minister May", "Mrs May")."""
    common = (str(w) for lang in SUPPORTED_LANGUAGES for w in lexicon(lang, "names").get("common_word_surnames") or [])
    return frozenset(token_key(w) for w in itertools.chain(_calendar_words(), common))


@cache
def _cue_before(lang: str) -> re.Pattern[str]:
    """A title or honorific ending where a bare surname starts ("Home Secretary May", "Mrs. May")."""
    table = lexicon(lang, "titles")
    forms = [str(f) for entry in table.get("titles") or [] for f in entry.get("forms") or []]
    forms += [str(h) for h in table.get("honorifics") or []]
    alternatives = "|".join(form_regex(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?:" + (alternatives or r"(?!)") + r")[\s.]*\Z", re.IGNORECASE)


class ActorRegistry:
    """Actors with dated roles, a gazetteer for mentions and title resolution."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self._actors: dict[str, Actor] = {}
        self._by_name: dict[str, str] = {}
        self._roles: list[_RoleRecord] = []
        self._first_names: dict[str, frozenset[str]] = {}  # an actor's first-name keys, on first use
        self._derived: dict[str, Actor] = {}  # bodies of a kind every state has, made on first use
        self._kinds: dict[str, str] | None = None  # common kinds of body by slug, on first use
        self._org_keys: dict[str, frozenset[str]] | None = None  # keyed roles by organisation, on first use
        self._states: dict[str, Actor] | None = None  # state actors by country code, on first use
        self._trie = TokenTrie()
        demonyms: dict[str, dict[str, list[str]]] = {}
        for path in paths:
            actors, dem, roles = load_registry_file(Path(path))
            for actor in actors:
                # A user file may redefine a shipped actor: the later file wins.
                self._actors[actor.id] = actor
                self._by_name[token_key(actor.name)] = actor.id
            demonyms.update(dem)
            self._roles = [r for r in self._roles if r.actor_id not in {a.id for a in actors}] + roles
        self._index(demonyms)

    def load_languages(self, langs: Iterable[str] = SUPPORTED_LANGUAGES) -> None:
        """Read now what a lookup in these languages reads on first use (title patterns, their
        cue and glue words: about 0.1 s): a server calls it at start, so the first search or
        actor page does not wait for it."""
        _calendar_words()
        _cue_only_surnames()
        for lang in langs:
            _titles(lang)
            _title_glue(lang)
            body_forms(lang)
            _place_glue(lang)
            _cue_before(lang)
            _title_starts(lang)

    # ------------------------------------------------------------------ building the index

    def _index(self, demonyms: dict[str, dict[str, list[str]]]) -> None:
        surname_owners: dict[str, set[str]] = {}
        for actor in self._actors.values():
            kind = {"person": "name", "organisation": "body", "state": "state"}[actor.type]
            # The canonical name is also written so in Polish/Russian texts of Latin script.
            names_by_lang: dict[str, set[str]] = {lang: {actor.name} for lang in SUPPORTED_LANGUAGES}
            for lang, names in actor.aliases.items():
                names_by_lang.setdefault(lang, set()).update(names)
            for lang, names in names_by_lang.items():
                for name in names:
                    for form in phrase_forms(name, lang) if actor.type != "organisation" or lang != "en" else {name}:
                        self._trie.add(form, _Entry(actor.id, kind, name[:1].isupper() and actor.type == "person"))
                    if actor.type == "person" and len(name.split()) > 1:
                        surname_owners.setdefault((lang, name.split()[-1]), set()).add(actor.id)
            for _lang, names in demonyms.get(actor.id, {}).items():
                for name in names:
                    self._trie.add(name, _Entry(actor.id, "demonym", False))
        # A bare surname names its actor; one several actors share names the one in office on the
        # date (see _name_mentions); one that is also a common or calendar word needs a cue before it.
        by_surname: dict[str, set[str]] = {}
        for (_lang, surname), owners in surname_owners.items():
            by_surname.setdefault(token_key(surname), set()).update(owners)
        guarded = _cue_only_surnames()
        for (lang, surname), owners in surname_owners.items():
            if surname.isupper():
                continue  # a regnal number ("Elizabeth II") is no surname
            key = token_key(surname)
            for actor_id in owners:
                entry = _Entry(actor_id, "name", True, surname_only=True, shared=len(by_surname[key]) > 1,
                               needs_cue=key in guarded)
                for form in phrase_forms(surname, lang):
                    self._trie.add(form, entry)

    # ------------------------------------------------------------------ lookups

    def all(self) -> list[Actor]:
        return list(self._actors.values())

    def by_id(self, actor_id: str) -> Actor | None:
        actor = self._actors.get(actor_id)
        if actor is None and DERIVED_SEPARATOR in (actor_id or ""):
            state_id, slug = actor_id.split(DERIVED_SEPARATOR, 1)
            state = self._actors.get(state_id)
            kind = self._common_kinds().get(slug)
            if state is not None and state.type == "state" and kind:
                return self._derived_body_of(state, kind)
        return actor

    def by_name(self, canonical: str) -> Actor | None:
        actor_id = self._by_name.get(token_key(canonical or ""))
        if actor_id is None and " of " in (canonical or ""):
            kind, state_name = canonical.rsplit(" of ", 1)
            state = self.by_name(state_name)
            if state is not None and state.type == "state" and _kind_slug(kind) in self._common_kinds():
                return self._derived_body_of(state, kind)
        return self._actors.get(actor_id) if actor_id else None

    def countries_named(self, text: str, lang: str) -> set[str]:
        """Countries whose state or demonym the text names, inside a title too ("Rzecznik MSZ Turcji": TUR)."""
        found = (self._actors.get(m.actor_id) for m in self._name_mentions(text[:MAX_SURFACE_CHARS], lang)
                 if m.actor_id and m.kind in ("state", "demonym"))
        return {a.country for a in found if a is not None and a.country}

    def _common_kinds(self) -> dict[str, str]:
        """Kinds of body that at least DERIVED_KIND_MIN_STATES states have in the registry, by slug
        ("ministry-of-foreign-affairs": "Ministry of Foreign Affairs"): a kind of body every state has.
        The registry names its bodies "<kind> of <state>"."""
        if self._kinds is None:
            countries: dict[str, set[str]] = {}
            for a in self._actors.values():
                if a.type == "organisation" and a.country and (kind := body_kind(a.name)) is not None:
                    countries.setdefault(kind, set()).add(a.country)
            self._kinds = {_kind_slug(k): k for k, cs in countries.items() if len(cs) >= DERIVED_KIND_MIN_STATES}
        return self._kinds

    def _derived_body_of(self, state: Actor, kind: str) -> Actor:
        """The state's body of a common kind the registry does not list ("Ministry of Foreign Affairs of
        Turkey" for "МИД Турции"): named as the registry names its own, with a stable id, so that a
        statement stored today finds the same actor in another process."""
        actor_id = f"{state.id}{DERIVED_SEPARATOR}{_kind_slug(kind)}"
        if actor_id not in self._derived:
            self._derived[actor_id] = Actor(actor_id, f"{kind} of {state.name}", "organisation", state.country,
                                            description="derived: a body of a kind every state has")
        return self._derived[actor_id]

    def _state_of(self, country: str) -> Actor | None:
        """The state actor of an ISO country code (an index built on first use, not a scan per body noun)."""
        if self._states is None:
            self._states = {}
            for a in self._actors.values():
                if a.type == "state" and a.country:
                    self._states.setdefault(a.country, a)
        return self._states.get(country)

    def keyed_roles(self) -> list[tuple[str, str, Role]]:
        """(actor id, role key, role) of every role a title can resolve through."""
        return [(r.actor_id, r.key, r.role) for r in self._roles if r.key]

    def title_roles(self, surface: str, lang: str) -> frozenset[str]:
        """The role keys of the titles that name an office in `surface` ("Szef rządu" ->
        head_of_government), whatever the country; a title inside a longer one does not count."""
        found = [(m.start(), m.end(), role) for t in _titles(lang) if (m := t.pattern.search(surface))
                 for role in ((t.role, "head_of_government") if t.leader else (t.role,))]
        # "Rzecznik prezydenta" names the spokesperson's office, not the president's inside it
        return frozenset(role for a, b, role in found
                         if not any(a2 <= a and b <= b2 and (b2 - a2) > (b - a) for a2, b2, _ in found))

    def holds(self, actor_id: str, role_keys: frozenset[str], on: date | None) -> bool | None:
        """Did the actor hold one of the offices on `on` (ever, when the date is unknown)? None when
        the registry tracks no office of theirs."""
        terms = [r for r in self._roles if r.actor_id == actor_id and r.key]
        if not terms:
            return None
        return any(r.key in role_keys and (on is None or r.role.active_on(on)) for r in terms)

    def held_before(self, actor_id: str, role_keys: frozenset[str], on: date | None) -> bool:
        """Did the actor hold one of the offices before `on` and not on it ("the former prime minister")?"""
        terms = [r.role for r in self._roles if r.actor_id == actor_id and r.key in role_keys]
        return bool(terms) and not any(t.active_on(on) for t in terms) and any(
            t.end is not None and (on is None or t.end <= on) for t in terms)

    def names_former(self, text: str, start: int, end: int, lang: str) -> bool:
        """Is there a title in text[start:end] after a "former" word, which may stand just before
        `start` ("— сказал бывший премьер", "były premier", "the former prime minister")?"""
        return any((m := t.pattern.search(text, start, end)) and _after_former(text, m.start(), lang)
                   for t in _titles(lang))

    def holder(self, role_key: str, country: str | None, on: date | None, org: str | None = None) -> Actor | None:
        """Who held the role `role_key` of `country` (of the organisation `org`, when given) on `on`
        (the latest-starting if several); nobody for an office several people hold at once
        (data/offices.yaml `shared`: a deputy minister), nor, with no date, for an office several
        people have held (the text's own name for the holder then says who)."""
        if role_key in shared_offices():
            return None
        same = [
            r
            for r in self._roles
            if r.key == role_key and (country is None or r.role.country == country)
            and (org is None or r.role.org == org)
        ]
        recs = [r for r in same if r.role.active_on(on)]
        if not recs:
            return None
        if on is None and len({r.actor_id for r in same}) > 1:
            return None  # no date: today's holder is a guess for an article that may be years old
        if country is None and len({r.role.country for r in recs}) > 1:
            return None  # "the foreign minister" of which country? Not ours to guess.
        best = max(recs, key=lambda r: r.role.start or date.min)
        return self._actors.get(best.actor_id)

    # ------------------------------------------------------------------ mentions

    def _in_office(self, actor_id: str, on: date | None) -> bool:
        """Could the actor be meant on `on`: in a keyed role then, or tracked in none (a bare
        "Sanders" is still Bernie's as much as the press secretary's)."""
        terms = [r.role for r in self._roles if r.actor_id == actor_id and r.key]
        return not terms or (on is not None and any(t.active_on(on) for t in terms))

    def _first_name_fits(self, actor_id: str, given: str) -> bool:
        """May `given` be a form of the actor's first name ("Sergey"/"Sergei", "Сергей")? Compared on the
        first three letters of the folded keys of every name form the registry has for the actor."""
        firsts = self._first_names.get(actor_id)
        if firsts is None:
            actor = self.by_id(actor_id)
            names = (actor.name, *(a for forms in actor.aliases.values() for a in forms)) if actor else ()
            firsts = self._first_names[actor_id] = frozenset(token_key(n.split()[0])[:3] for n in names if len(n.split()) > 1)
        return not firsts or token_key(given)[:3] in firsts

    def _name_mentions(self, text: str, lang: str = "en", on: date | None = None) -> list[Mention]:
        def usable(start: int, end: int, entries: list[_Entry]) -> list[_Entry]:
            capital = text[start : start + 1].isupper()
            # "Michel Aoun" is not Charles Michel: a bare surname followed by another
            # capitalised name is part of someone else's name.
            nxt = _NEXT_WORD.match(text, end)
            followed = (
                nxt is not None and _capitalised_word(nxt.group(1)) and nxt.group(1).casefold() not in _calendar_words()
            )
            found = [e for e in entries if (not e.needs_capital or capital) and not (e.surname_only and followed)]
            if any(e.surname_only for e in found) and (given := _given_name_before(text, start, lang)) is not None:
                # "Mihai Popescu" is not Nicu Popescu: a bare surname after another person's first name
                # (not a title, not a form of the actor's own first name) is someone else's name
                found = [e for e in found if not e.surname_only or self._first_name_fits(e.actor_id, given)]
            if _compound_goes_on(text, end):
                found = [e for e in found if e.kind not in ("body", "name")]
            if any(e.needs_cue for e in found) and not _cue_before(lang).search(text, max(0, start - 80), start):
                found = [e for e in found if not e.needs_cue]
            if len({e.actor_id for e in found}) > 1 and all(e.surname_only and e.shared for e in found):
                # A surname several actors share: the one in office on the date, else nobody.
                current = {e.actor_id for e in found if self._in_office(e.actor_id, on)}
                found = [e for e in found if e.actor_id in current] if len(current) == 1 else []
            return found

        out: list[Mention] = []
        for start, end, entries in self._trie.scan(text, lambda s, e, en: bool(usable(s, e, en))):
            found = usable(start, end, entries)
            ambiguous = len({u.actor_id for u in found}) > 1
            actor = self._actors[found[0].actor_id]
            label = {"person": "PER", "organisation": "ORG", "state": "GPE"}[actor.type]
            out.append(
                Mention(
                    start,
                    end,
                    text[start:end],
                    None if ambiguous else actor.id,
                    kind=found[0].kind,
                    label=label,
                    confidence=0.5 if ambiguous else 0.95,
                )
            )
        return out

    def _without_foreign_bodies(self, names: list[Mention], text: str, lang: str) -> list[Mention]:
        """Names less a body's alias that another country's adjective or possessive qualifies: "the
        Latvian State Border Guard", "the Russian border guard's", "Lithuania's border guard" are not
        the Polish body called "Border Guard"; the country word stays and says whose body is meant."""
        glue = _title_glue(lang)
        out: list[Mention] = []
        for m in names:
            body = self._actors.get(m.actor_id) if m.kind == "body" and m.actor_id else None
            p = out[-1] if out else None
            if body is not None and body.country and p is not None and p.kind in ("demonym", "state") and p.actor_id:
                gap = text[p.end : m.start]
                qualifier = self._actors.get(p.actor_id)
                # none, or one capitalised word of the body's name ("State"); a state qualifies only through
                # its possessive ("Lithuania's", not "w Mińsku Kreml")
                words = TOKEN_RE.findall(gap)
                if p.kind == "state":
                    if not words or any(w.casefold() not in glue for w in words):
                        out.append(m)
                        continue
                    words = []
                if (len(words) <= 1 and all(w[:1].isupper() for w in words) and not any(c in gap for c in ".;:!?\n,")
                        and qualifier is not None and qualifier.country and qualifier.country != body.country):
                    continue
            out.append(m)
        return out

    def _country_near(
        self, names: list[Mention], start: int, end: int, text: str, lang: str
    ) -> tuple[str | None, int, int]:
        """A state/demonym/body mention qualifying a title: adjacent, or joined by glue words
        ("Russia's top diplomat", "minister of foreign affairs of Belarus", "глава МИД России")."""
        glue = _title_glue(lang)
        before_kinds = _kinds_before_title(lang)
        for m in names:
            if m.actor_id is None or m.kind not in ("state", "demonym", "body"):
                continue
            if m.end <= start and m.kind not in before_kinds:
                continue
            overlapping = m.start < end and start < m.end
            gap = "" if overlapping else text[m.end : start] if m.end <= start else text[end : m.start]
            if len(gap) > 25 or any(w.casefold() not in glue for w in TOKEN_RE.findall(gap)):
                continue
            if any(c in gap for c in ".;:!?\n,"):
                continue
            actor = self._actors[m.actor_id]
            if actor.country:
                return actor.country, min(m.start, start), max(m.end, end)
        return None, start, end

    def body_of(self, country: str, forms: tuple[re.Pattern[str], ...], lang: str) -> Actor | None:
        """The one organisation of `country` whose name in `lang` contains one of the body nouns `forms`
        (synonyms: "министерств* обороны", "Минобороны" + RUS: the Ministry of Defence of Russia), or
        None (none or several)."""
        orgs = [a for a in self._actors.values() if a.type == "organisation"]

        def named(a: Actor) -> bool:
            return any(form.search(n) for form in forms for n in [a.name, *a.aliases.get(lang, [])])

        found = {a.id for a in orgs if a.country == country and named(a)}
        if not found:
            # "Ministerstwo Spraw Zagranicznych Białorusi" when the registry writes Belarus's ministry only
            # as "MSZ Białorusi": the same kind of body as another country's that the noun names
            # (registry names read "<kind> of <country>": "Ministry of Foreign Affairs of Poland")
            kinds = Counter(kind for a in orgs if (kind := body_kind(a.name)) is not None and named(a))
            found = {a.id for a in orgs if a.country == country and body_kind(a.name) in kinds}
            common = [k for k, _ in sorted(kinds.items(), key=lambda kn: (-kn[1], kn[0]))
                      if _kind_slug(k) in self._common_kinds()]
            state = self._state_of(country) if not found and common else None
            if state is not None:
                # "МИД Турции", "turecki MSZ": a state the registry knows, a ministry it does not list
                return self._derived_body_of(state, common[0])
        return self._actors[found.pop()] if len(found) == 1 else None

    def _body_by_form(self, country: str, form: re.Pattern[str], synonyms: tuple[re.Pattern[str], ...],
                      lang: str) -> Actor | None:
        """The country's body by the word the text used ("military": the armed forces), else by the
        other words of its kind ("ministry of defense" for a ministry registered as "Defense Ministry")."""
        return self.body_of(country, (form,), lang) or self.body_of(country, synonyms, lang)

    def _body_mentions(self, text: str, lang: str, names: list[Mention]) -> list[Mention]:
        """A body noun qualified by its country or by a place in it: "в Министерстве обороны России",
        "МИД в Варшаве", "ministerstwo obrony w Moskwie", "Poland's military". The mention is that country's body, when the
        registry has exactly one of that kind; a bare state or city would name the country instead."""
        out: list[Mention] = []
        glue = _place_glue(lang)
        possessive = _title_glue(lang)
        states = [m for m in names if m.actor_id and m.kind == "state"]
        demonyms = [m for m in names if m.actor_id and m.kind == "demonym"]
        for form, synonyms in body_forms(lang):
            for m in form.finditer(text):
                s, e = m.start(), m.end()
                if any(o.start < e and s < o.end for o in out):
                    continue
                owner = next((st for st in states if st.end <= s and len(text[st.end:s]) <= 4
                              and TOKEN_RE.findall(text[st.end:s])
                              and all(w.casefold() in possessive for w in TOKEN_RE.findall(text[st.end:s]))), None)
                if owner is None:
                    # "the Polish Ministry of Defense", "the Lithuanian interior ministry": the adjective's
                    owner = next((d for d in demonyms if d.end <= s and not text[d.end:s].strip()
                                  and 0 < s - d.end <= 2), None)
                if owner is not None:
                    # "Poland's military", "Lithuania's border guard": the possessor's body
                    country = self._actors[owner.actor_id].country  # type: ignore[index]
                    body = self._body_by_form(country, form, synonyms, lang) if country else None
                    if body is not None:
                        out.append(Mention(owner.start, e, text[owner.start:e], body.id, kind="body", label="ORG",
                                           confidence=0.85))
                        continue
                # after the noun the country's name, in any case ("военное ведомство Белоруссии": the
                # registry lists the genitive among its demonyms; written with a capital it is the name)
                for st in states + [d for d in demonyms if d.text[:1].isupper() and d.start >= e]:
                    gap = text[e:st.start]
                    if st.start < e or len(gap) > 12 or any(c in gap for c in ".;:!?\n,"):
                        continue
                    words = TOKEN_RE.findall(gap)
                    if len(words) > 1 or (words and words[0].casefold() not in glue):
                        continue
                    country = self._actors[st.actor_id].country  # type: ignore[index]
                    body = self._body_by_form(country, form, synonyms, lang) if country else None
                    if body is not None:
                        out.append(Mention(s, st.end, text[s:st.end], body.id, kind="body", label="ORG",
                                           confidence=0.85))
                    break
        return out

    def _org_role_keys(self) -> dict[str, frozenset[str]]:
        """The keyed roles that head each organisation, by its name (Frontex: its executive director;
        not a spokesperson or a deputy, data/offices.yaml `not_head_title_words`)."""
        if self._org_keys is None:
            keys: dict[str, set[str]] = {}
            for r in self._roles:
                if r.key and r.role.org and r.key not in _served_offices() \
                        and not any(w in r.role.title.casefold() for w in _not_head_title_words()):
                    keys.setdefault(r.role.org, set()).add(r.key)
            self._org_keys = {org: frozenset(k) for org, k in keys.items()}
        return self._org_keys

    def _head_mentions(self, text: str, lang: str, on: date | None, names: list[Mention]) -> list[Mention]:
        """A body's name with a generic head noun (titles.yaml `generic_heads`) before or after it: "the
        Frontex chief", "szef Frontexu", "глава Frontex", "head of the KGB". The holder on the date of
        the one office the registry keys for that body; a body with several (a ministry: its minister, its
        spokesperson) leaves the noun to the titles."""
        out: list[Mention] = []
        glue = _title_glue(lang)
        for m in names:
            if m.kind != "body" or m.actor_id is None:
                continue
            org = self._actors[m.actor_id]
            keys = self._org_role_keys().get(org.name, frozenset())
            if len(keys) != 1:
                continue
            s, e = m.start, m.end
            after = _NEXT_WORD.match(text, m.end)
            before = _HEAD_BEFORE.search(text, max(0, m.start - 40), m.start)
            if after is not None and _is_generic_head(after.group(1), lang):
                e = after.end()
            elif before is not None and _is_generic_head(before.group(1), lang) \
                    and all(w.casefold() in glue for w in before.group(2).split()):
                s = before.start()
            else:
                continue
            actor = self.holder(next(iter(keys)), None, on, org.name)
            out.append(Mention(s, e, text[s:e], actor.id if actor else None, kind="title", label="PER",
                               confidence=0.85 if actor else 0.4))
        return out

    def _title_mentions(self, text: str, lang: str, on: date | None, names: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        out_spans: list[tuple[int, int]] = []  # the title's own words of each mention in `out`
        taken: list[tuple[int, int]] = []  # sorted by start, never overlapping
        name_starts = [n.start for n in names]
        starts = [m.start() for m in _title_starts(lang).finditer(text)]
        for title in _titles(lang) if starts else ():
            for m in _matches_at(title.pattern, text, starts):
                s, e = m.start(), m.end()
                # "Лидер белорусской оппозиции": a longer office with a word between ("лидер* _ оппозиции")
                # names the office, not the shorter title inside it ("лидер*"), which it replaces
                inner = [t for t in taken if s <= t[0] and t[1] <= e and t != (s, e)] if _has_slot(title) else []
                rest = [t for t in taken if t not in inner]
                i = bisect.bisect_left(rest, (s, e))
                if (i > 0 and rest[i - 1][1] > s) or (i < len(rest) and rest[i][0] < e):
                    continue
                # Only names within reach of the title can qualify it (keeps long texts linear).
                near = names[bisect.bisect_left(name_starts, s - 60) : bisect.bisect_right(name_starts, e + 60)]
                if any(n.kind == "body" and n.start <= s and e <= n.end and n.end - n.start > e - s for n in near):
                    continue  # "пресс-служба президента Белоруссии": a word of a body's registered name
                if inner:
                    keep = [k for k, span in enumerate(out_spans) if span not in inner]
                    out, out_spans, taken = [out[k] for k in keep], [out_spans[k] for k in keep], rest
                country, ms, me = (title.country, s, e) if title.country else self._country_near(near, s, e, text, lang)
                former = _after_former(text, ms, lang) or (ms != s and _after_former(text, s, lang))
                actor = None if former else self.holder(leader_role(title.role, title.leader, country), country, on,
                                                        title.org)
                taken.insert(i, (s, e))
                out_spans.append((s, e))
                out.append(
                    Mention(
                        ms,
                        me,
                        text[ms:me],
                        actor.id if actor else None,
                        kind="title",
                        label="PER",
                        confidence=0.85 if actor and country else 0.4,
                    )
                )
        return out

    def find_mentions(self, text: str, lang: str, on: date | None = None) -> list[Mention]:
        """Actor mentions (names, bodies, states, demonyms, titles) with exact offsets.

        Longest match first and never overlapping; a title absorbs the country word
        that qualifies it ("the Belarusian foreign minister" is one mention).
        """
        names = self._without_foreign_bodies(self._name_mentions(text, lang, on), text, lang)
        titles = (self._title_mentions(text, lang, on, names) + self._body_mentions(text, lang, names)
                  + self._head_mentions(text, lang, on, names))
        if not titles:
            return names  # the name scan never overlaps itself
        starts: list[int] = []  # chosen spans, kept sorted by start for bisection
        chosen: list[Mention] = []
        for m in sorted(titles + names, key=lambda m: (-(m.end - m.start), m.start)):
            i = bisect.bisect_left(starts, m.start)
            if i > 0 and chosen[i - 1].end > m.start:
                continue
            if i < len(chosen) and chosen[i].start < m.end:
                continue
            starts.insert(i, m.start)
            chosen.insert(i, m)
        return chosen

    def resolve(self, surface: str, lang: str, on: date | None = None, country: str | None = None) -> Actor | None:
        """The actor a surface form denotes on date `on` (name, surname, title or metonym).

        `country` (ISO alpha-3) helps a bare title ("the foreign minister") when the
        caller knows whose official is meant.
        """
        surface = (surface or "")[:MAX_SURFACE_CHARS]
        if not surface.strip():
            return None
        mentions = self.find_mentions(surface, lang, on)
        resolved = [m for m in mentions if m.actor_id]
        order = {"name": 0, "title": 1, "body": 2, "state": 3, "demonym": 4}
        for m in sorted(resolved, key=lambda m: order.get(m.kind, 9)):
            if m.kind == "demonym" and len(resolved) == 1 and len(word_tokens(surface)) > 1:
                continue  # "the Russian side" is not Russia the state for sure; let callers decide
            return self._actors[m.actor_id]  # type: ignore[index]
        if country:
            for title in _titles(lang):
                if (m := title.pattern.search(surface)) and not _after_former(surface, m.start(), lang):
                    return self.holder(leader_role(title.role, title.leader, title.country or country),
                                       title.country or country, on, title.org)
        return None


def _kind_slug(kind: str) -> str:
    return "-".join(w.lower() for w in TOKEN_RE.findall(kind))


def shipped_registry_paths() -> list[Path]:
    root = data_path("actors")
    return sorted(root.glob("*.yaml")) if root.is_dir() else []


@lru_cache(maxsize=16)
def get_registry(extra_paths: tuple[str, ...] = ()) -> ActorRegistry:
    """The registry of shipped actors plus user registry files (cached per paths)."""
    return ActorRegistry([*shipped_registry_paths(), *(Path(p) for p in extra_paths)])


def actor_registry(extra_paths: Any = ()) -> ActorRegistry:
    """The shipped actor registry plus extra files (e.g. a workspace's `registries`)."""
    return get_registry(tuple(str(p) for p in extra_paths))
