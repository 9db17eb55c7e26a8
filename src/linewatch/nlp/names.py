"""A person's name read in an oblique case, given in the nominative by the language's morphology
(morfeusz2 for Polish, pymorphy2 for Russian): "według Marka Zięby" -> Marek Zięba, "по словам Марии
Петровой" -> Мария Петрова. Languages without one (English) have no cases to undo."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from linewatch.nlp import polish_morph, russian_morph


@dataclass(frozen=True)
class _NameMorphology:
    readings: Callable[[str], tuple[tuple[str, frozenset[str], str], ...]]  # (nominative, cases, gender)
    cases: tuple[str, ...]  # tried in this order
    genders: tuple[str, ...]
    common: Callable[[str], bool]  # a word the dictionary knows, never as a name
    nominative: Callable[[str], bool]  # some reading of the form is nominative (or caseless)
    common_reading: Callable[[str], bool]  # the dictionary knows the word other than as a name
    oblique_place: Callable[[str], bool]  # a place's name with no nominative reading
    given_name: Callable[[str], bool]  # the dictionary knows the word as a given name


_MORPHOLOGY = {
    "pl": _NameMorphology(polish_morph.name_readings, polish_morph.NAME_CASES, polish_morph.NAME_GENDERS,
                          polish_morph.common_word, polish_morph.may_be_nominative,
                          polish_morph.has_common_reading, polish_morph.oblique_place,
                          polish_morph.given_name),
    "ru": _NameMorphology(russian_morph.name_readings, russian_morph.NAME_CASES, russian_morph.NAME_GENDERS,
                          russian_morph.common_word, russian_morph.may_be_nominative,
                          russian_morph.has_common_reading, russian_morph.oblique_place,
                          russian_morph.given_name),
}


def name_nominative(words: tuple[str, ...], lang: str) -> tuple[str | None, ...]:
    """The nominative of each word of a person's name, read in one case and gender throughout (the first
    of the language's cases and genders that every word the morphology knows as a name can take); None
    for a word it does not know as a name, and for all of them when no case fits."""
    none: tuple[str | None, ...] = (None,) * len(words)
    morph = _MORPHOLOGY.get(lang)
    if morph is None:
        return none
    readings = [morph.readings(w) for w in words]
    known = [r for r in readings if r]
    for case in morph.cases if known else ():
        for gender in morph.genders:
            if all(any(case in c and g == gender for _, c, g in r) for r in known):
                return tuple(next((base for base, c, g in r if case in c and g == gender), None) if r else None
                             for r in readings)
    return none


def common_word(word: str, lang: str) -> bool:
    """Is the capitalised word one the language's dictionary knows and never as a name ("Spraw
    Zagranicznych", "Иностранных Дел" in a title before a name)? False without a morphology."""
    morph = _MORPHOLOGY.get(lang)
    return morph is not None and morph.common(word)


def oblique_body_words(words: Sequence[str], lang: str) -> bool:
    """Are the capitalised words a body's name in an oblique case: every word one the dictionary knows
    other than as a name ("Rodzajów" is also a surname), one of them with no nominative reading
    ("Rodzajów Sił Zbrojnych", "Bezpieczeństwa Narodowego")? Such a run is the genitive tail of a name
    whose head is before it ("Dowództwo Operacyjne …", "Rada …"), never a speaker on its own. False
    without a morphology, and for a person's name ("Tomasza Nowaka", "Prezydenta Jan Mastalerek": a
    name or an unknown word in it)."""
    morph = _MORPHOLOGY.get(lang)
    return (morph is not None and bool(words) and all(morph.common_reading(w) for w in words)
            and not all(morph.nominative(w) for w in words))


def may_be_nominative(word: str, lang: str) -> bool:
    """Can the word form be nominative (or caseless) by the language's morphology? True without one."""
    morph = _MORPHOLOGY.get(lang)
    return morph is None or morph.nominative(word)


def given_name_gender(word: str) -> str | None:
    """"m" or "f" when a morphology here knows the word, in the nominative, as a name of one sex only
    ("Łukasz": m, though "Jasina" after it ends like a woman's surname; "Maria": f), else None."""
    sexes = {_SEX[g] for morph in _MORPHOLOGY.values() for nominative, cases, g in morph.readings(word)
             if nominative == word and cases & {"nom", "nomn"} and g in _SEX}
    return sexes.pop() if len(sexes) == 1 else None


_SEX = {"m1": "m", "masc": "m", "f": "f", "femn": "f"}  # the morphologies' genders of people


def has_name_morphology(lang: str) -> bool:
    """Does the language inflect names, with a morphology here to read them (pl, ru; not en)?"""
    return lang in _MORPHOLOGY


def oblique_place_name(word: str, lang: str) -> bool:
    """Is the word, which the text uses as a place's or a state's name, in an oblique case only, no
    subject ("Rosji"; "Polski": the country's genitive, though a surname too)? No nominative reading,
    or none among its readings as a place. False without a morphology."""
    morph = _MORPHOLOGY.get(lang)
    return morph is not None and (not morph.nominative(word) or morph.oblique_place(word))


def common_reading(word: str, lang: str) -> bool:
    """Does the language's dictionary know the word other than as a name? False without a morphology."""
    morph = _MORPHOLOGY.get(lang)
    return morph is not None and morph.common_reading(word)


def lacks_personal_name(words: Sequence[str], lang: str) -> bool:
    """Do the capitalised words read as no person's name: every word one the dictionary knows other
    than as a name, none of them a given name ("Morze Śródziemne", "Anioł Pański": a sea and a prayer,
    though "Anioł" and "Morze" are surnames too; not "Kordian Szwarc", not an unknown "Pułatow")?
    False without a morphology."""
    morph = _MORPHOLOGY.get(lang)
    return (morph is not None and bool(words) and all(morph.common_reading(w) for w in words)
            and not any(morph.given_name(w) for w in words))


def oblique_only(words: Sequence[str], lang: str) -> bool:
    """Are the words a name in an oblique case only, no word of it possibly nominative ("Дмитрию
    Киселеву", "Olega Nowaka"): an addressee or an object, never the subject of a cue? False without a
    morphology, and for an unknown word (which may be nominative)."""
    return has_name_morphology(lang) and bool(words) and not any(may_be_nominative(w, lang) for w in words)
