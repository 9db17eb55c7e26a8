"""Stance lexicons compiled for fast matching over word tokens.

The words themselves live in `data/lang/<lang>/stance.yaml` (see the comment
at the top of `en/stance.yaml` for what each list means). This module only
turns them into matchers: an entry is a sequence of words, each either exact
or a prefix (written with a trailing `*`), which is how one list covers the
inflected forms of Russian and Polish.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from linewatch.lexicon import lexicon

WORD_RE = re.compile(r"\w+", re.UNICODE)

# Lists read from stance.yaml; each becomes a PhraseSet.
LIST_NAMES = (
    "negative", "positive", "negators", "demand", "rejection", "patient_markers", "undergo_markers", "clause_breaks",
    "place_nouns",
    "specifiers", "self_obligation", "hostile_cues", "exoneration", "report_cues", "locatives", "place_links",
    "report_facts", "denial_cues",
)


def normalise_word(word: str) -> str:
    """Lower case, with Russian ё folded into е so lexicon stems match either spelling."""
    return word.lower().replace("ё", "е")


def words_with_spans(text: str) -> list[tuple[str, int, int]]:
    """(normalised word, start, end) for every word of `text`."""
    return [(normalise_word(m.group()), m.start(), m.end()) for m in WORD_RE.finditer(text)]


@dataclass(frozen=True)
class Pattern:
    """One lexicon entry: words that must follow each other, each exact or a prefix."""

    parts: tuple[tuple[str, bool], ...]  # (word, is_prefix)

    def matches_at(self, words: list[str], i: int) -> bool:
        if i + len(self.parts) > len(words):
            return False
        for (part, prefix), word in zip(self.parts, words[i : i + len(self.parts)]):
            if prefix:
                if not word.startswith(part):
                    return False
            elif word != part:
                return False
        return True


@dataclass
class PhraseSet:
    """Patterns indexed by their first word (exact) or first letters (prefix) for quick lookup."""

    exact: dict[str, list[Pattern]] = field(default_factory=dict)
    prefixed: dict[str, list[Pattern]] = field(default_factory=dict)  # first 2 letters -> patterns

    def add(self, entry: str) -> None:
        parts = []
        for word in WORD_RE.findall(normalise_word(entry)):
            parts.append((word, False))
        if not parts:
            return
        if entry.rstrip().endswith("*"):
            word, _ = parts[-1]
            parts[-1] = (word, True)
        # a "*" inside a phrase ("call* on") marks that word as a prefix too
        for k, token in enumerate(entry.split()):
            if token.endswith("*") and k < len(parts):
                parts[k] = (parts[k][0], True)
        pattern = Pattern(tuple(parts))
        first, prefix = parts[0]
        if prefix:
            self.prefixed.setdefault(first[:2], []).append(pattern)
        else:
            self.exact.setdefault(first, []).append(pattern)

    def match_at(self, words: list[str], i: int) -> int:
        """Length in words of the longest pattern matching at position i (0 = none)."""
        word = words[i]
        best = 0
        for pattern in self.exact.get(word, ()):
            if len(pattern.parts) > best and pattern.matches_at(words, i):
                best = len(pattern.parts)
        for pattern in self.prefixed.get(word[:2], ()):
            if len(pattern.parts) > best and pattern.matches_at(words, i):
                best = len(pattern.parts)
        return best


def longest_match(words: list[str], i: int, named_sets) -> tuple[int, str]:
    """(length, name) of the longest phrase of any named PhraseSet starting at word i; the
    first set listed wins a tie. (0, "") when none matches."""
    best, best_name = 0, ""
    for name, phrases in named_sets:
        n = phrases.match_at(words, i)
        if n > best:
            best, best_name = n, name
    return best, best_name


@dataclass
class StanceWords:
    lang: str
    sets: dict[str, PhraseSet]
    # read by clauses.py only; kept out of `sets` so they do not widen may_start ("that", "что")
    clause_openers: PhraseSet = field(default_factory=PhraseSet)
    clause_dependencies: frozenset[str] = frozenset()
    # the keys PhraseSet.match_at looks a word up by, over every list: a word that is neither
    # a first word nor starts like a first stem matches nothing here (most words of a text)
    _exact_firsts: frozenset[str] = field(default=frozenset(), repr=False)
    _prefix_firsts: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        self._exact_firsts = frozenset(k for ps in self.sets.values() for k in ps.exact)
        self._prefix_firsts = frozenset(k for ps in self.sets.values() for k in ps.prefixed)

    def may_start(self, word: str) -> bool:
        """False when no pattern of any list can match at this word (PhraseSet.match_at is 0)."""
        return word in self._exact_firsts or word[:2] in self._prefix_firsts

    def __getattr__(self, name: str) -> PhraseSet:
        sets = self.__dict__.get("sets", {})
        if name in sets:
            return sets[name]
        raise AttributeError(name)


def phrase_set(entries) -> PhraseSet:
    """A PhraseSet of the non-empty string entries of a lexicon list."""
    out = PhraseSet()
    for entry in entries or ():
        if isinstance(entry, str) and entry.strip():
            out.add(entry.strip())
    return out


@cache
def stance_words(lang: str) -> StanceWords:
    """The compiled stance lexicon of `lang` (English when the language has none)."""
    data = lexicon(lang, "stance") or lexicon("en", "stance")
    return StanceWords(lang=lang, sets={name: phrase_set(data.get(name)) for name in LIST_NAMES},
                       clause_openers=phrase_set(data.get("clause_openers")),
                       clause_dependencies=frozenset(data.get("clause_dependencies") or ()))
