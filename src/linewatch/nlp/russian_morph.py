"""Russian name morphology from pymorphy2 (natasha's `MorphVocab`): the readings of a word as a given
name, surname or patronymic, with its nominative ("Петровой" -> Петрова, genitive, feminine), for
`names.name_nominative`.
"""
from __future__ import annotations

from functools import lru_cache

from natasha import MorphVocab

# Cases and genders of a person's name, in the order `names.name_nominative` tries them (the oblique
# cases first: "по словам Антона Сидорова" is in the genitive).
NAME_CASES = ("gent", "accs", "datv", "ablt", "loct", "nomn")
NAME_GENDERS = ("masc", "femn")
_NAME_KINDS = ("Name", "Surn", "Patr")


@lru_cache(maxsize=1)
def vocab() -> MorphVocab:
    """pymorphy2's dictionary, loaded once per process on the first Russian word asked about."""
    return MorphVocab()


def _as_written(form: str, like: str) -> str:
    """The dictionary's form spelt as the text writes names: capitalised like it, with "е" for "ё" when
    the text does not write "ё" ("Журавлева" -> "Журавлев", not "Журавлёв")."""
    if "ё" not in like.lower():
        form = form.replace("ё", "е")
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-")) if like[:1].isupper() else form


@lru_cache(maxsize=50_000)
def name_readings(word: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    """(nominative, cases, gender) of each singular reading of a word as a name."""
    out = []
    for p in vocab().parse(word):
        if not any(k in p.tag for k in _NAME_KINDS) or p.tag.number != "sing":
            continue
        form = p.inflect({"Nom"})  # natasha names grammemes the UD way
        if form is not None:
            out.append((_as_written(form.word, word), frozenset({str(p.tag.case)}), str(p.tag.gender)))
    return tuple(out)


@lru_cache(maxsize=50_000)
def common_word(word: str) -> bool:
    """Does pymorphy2's dictionary know the word, and never as a name ("Иностранных", "Дел"; not
    "Лавров", not an unknown "Ландсбергис")?"""
    parses = vocab().parse(word)
    return bool(parses) and all(p.is_known for p in parses) and not any(
        k in p.tag for p in parses for k in _NAME_KINDS)


@lru_cache(maxsize=50_000)
def may_be_nominative(word: str) -> bool:
    """Whether some parse of a Russian word form is in the nominative or has no case ("Совет",
    "Главное"; not "Иностранных")."""
    # a place's name is singular ("Латвии" is no plural nominative)
    return any(p.tag.case in (None, "nomn") and not ("Geox" in p.tag and p.tag.number == "plur")
               for p in vocab().parse(word))


@lru_cache(maxsize=50_000)
def oblique_place(word: str) -> bool:
    """Is the word a place's name in an oblique case only ("Латвии", "России"; not "Россия")?"""
    places = [p for p in vocab().parse(word) if "Geox" in p.tag and p.tag.number != "plur"]
    return bool(places) and not any(p.tag.case == "nomn" for p in places)


@lru_cache(maxsize=50_000)
def given_name(word: str) -> bool:
    """Does pymorphy2 know the word as a given name ("Олега"; not "Средиземное")?"""
    return any("Name" in p.tag for p in vocab().parse(word))


@lru_cache(maxsize=50_000)
def has_common_reading(word: str) -> bool:
    """Does pymorphy2's dictionary know the word other than as a name ("Совет"; not "Лаврова")?"""
    return any(p.is_known and not any(k in p.tag for k in _NAME_KINDS) for p in vocab().parse(word))
