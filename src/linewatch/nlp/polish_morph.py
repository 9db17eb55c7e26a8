"""Polish verb morphology from morfeusz2, as UD features in `Token.morph`.

Polish has no parser on PyPI, so its rule tokens carry no morphology; the event rules read
tense and mood from `Token.morph` ("Tense=Fut|Aspect=Perf"), as they do for spaCy and
natasha tokens. morfeusz2 (its dictionary is inside the wheel) gives every reading of a
word form; a verb's features are set only where all its verbal readings agree, and a word
with any non-verbal reading ("zostanie": also a gerund) keeps its rule POS and no features.

- `fin` perfective → Tense=Fut (perfective non-past), imperfective → Tense=Pres;
- `praet` → Tense=Past, or Mood=Cnd with a conditional particle in its clause
  ("zaatakowałaby", "gdyby Rosja zaatakowała", "NATO by odpowiedziało");
- `bedzie` (AUX, Tense=Fut) makes the infinitive or `praet` after it future ("będą wysyłać");
- `impt` → Mood=Imp; `inf` → VerbForm=Inf; `pact`/`ppas` → VerbForm=Part;
- Person from a `fin` form's tag or from the agglutinate of a `praet` one ("powiedzieli|śmy").
"""
from __future__ import annotations

from functools import lru_cache

import morfeusz2

from linewatch.lexicon import lexicon
from linewatch.nlp.doc import Token

# Morfeusz classes of verb forms (NKJP tagset); gerunds (`ger`) are nouns.
_VERBAL = frozenset({"fin", "praet", "impt", "inf", "bedzie", "pact", "ppas", "imps", "pcon", "pant"})
# NKJP person values as UD's Person (first and second person: the speaker's own "powiedzieliśmy")
_PERSONS = {"pri": "1", "sec": "2", "ter": "3"}
_CLAUSE_BREAKS = frozenset(",;:.!?()\"„”«»–—-")


@lru_cache(maxsize=1)
def analyser() -> morfeusz2.Morfeusz:
    """The analyser, loaded once per process on the first Polish document (it takes a moment)."""
    return morfeusz2.Morfeusz(generate=False)


@lru_cache(maxsize=1)
def _settings() -> tuple[frozenset[str], int]:
    data = lexicon("pl", "morphology")
    particles = frozenset(str(w).casefold() for w in data.get("conditional_particles") or [])
    return particles, int(data.get("future_auxiliary_window") or 3)


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[str, dict[str, str], bool]:
    """(POS, UD features, holds a conditional particle) of one lower-cased word form.

    POS is "VERB"/"AUX" when every reading of the form's first segment is verbal, else "";
    features are set only where all verbal readings agree (a perfective and an imperfective
    reading of one form give no Tense)."""
    particles, _ = _settings()
    first: list[tuple[str, str]] = []  # (class, aspect) of the readings of the first segment
    persons: set[str] = set()  # the person of a `fin` form, or of the agglutinate after a `praet` one
    particle = False
    for start, _end, (_orth, lemma, tag, _names, _quals) in analyser().analyse(word):
        parts = tag.split(":")
        person = next((_PERSONS[p] for p in parts if p in _PERSONS), None)
        if start == 0:
            first.append((parts[0], next((p for p in parts if p in ("perf", "imperf", "imperf.perf")), "")))
            if person and parts[0] in ("fin", "bedzie"):
                persons.add(person)
        elif parts[0] == "aglt" and person:
            persons.add(person)  # "powiedzieli|śmy", "apelowała|m": the speaker's own words
        elif lemma.split(":")[0] in particles:
            particle = True  # "zaatakowała|by"
    if not first or any(cls not in _VERBAL for cls, _ in first):
        return "", {}, particle
    classes = {cls for cls, _ in first}
    aspects = {asp for _, asp in first}
    feats: dict[str, str] = {}
    if len(classes) == 1:
        cls = next(iter(classes))
        if cls == "fin" and aspects == {"perf"}:
            feats = {"Aspect": "Perf", "Mood": "Ind", "Tense": "Fut", "VerbForm": "Fin"}
        elif cls == "fin" and aspects == {"imperf"}:
            feats = {"Aspect": "Imp", "Mood": "Ind", "Tense": "Pres", "VerbForm": "Fin"}
        elif cls == "bedzie":
            feats = {"Mood": "Ind", "Tense": "Fut", "VerbForm": "Fin"}
        elif cls == "praet":
            feats = {"Tense": "Past", "VerbForm": "Fin"}
        elif cls == "impt":
            feats = {"Mood": "Imp", "VerbForm": "Fin"}
        elif cls == "inf":
            feats = {"VerbForm": "Inf"}
        elif cls in ("pact", "ppas"):
            feats = {"VerbForm": "Part"}
        elif cls == "pcon":
            feats = {"Tense": "Pres", "VerbForm": "Conv"}  # "komentując": an adverbial participle
        elif cls == "pant":
            feats = {"Tense": "Past", "VerbForm": "Conv"}  # "powiedziawszy"
        if len(persons) == 1 and feats.get("VerbForm") == "Fin":
            feats["Person"] = next(iter(persons))
        if aspects == {"perf"}:
            feats.setdefault("Aspect", "Perf")
        elif aspects == {"imperf"}:
            feats.setdefault("Aspect", "Imp")
    return ("AUX" if classes == {"bedzie"} else "VERB"), feats, particle


def _morph(feats: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


def add_morphology(tokens: list[Token]) -> None:
    """Set POS and `morph` of the Polish verbs among rule tokens (in place).

    Only words the rule tokenizer left unlabelled ("X") are looked at: names, numbers and
    punctuation keep their labels."""
    particles, window = _settings()
    feats_of: dict[int, dict[str, str]] = {}
    clause: list[int] = []  # positions of the verbs of the current clause
    conditional = False
    pending_future = -1  # the index after which "będzie/będą" no longer reaches

    def close_clause() -> None:
        if conditional:
            for k in clause:
                f = feats_of[k]
                if f.get("Tense") == "Past":  # "gdyby ... zaatakowała": conditional, not past
                    del f["Tense"]
                    f["Mood"] = "Cnd"

    prev_sent = None
    for k, tok in enumerate(tokens):
        if tok.sent != prev_sent or tok.text in _CLAUSE_BREAKS:
            close_clause()
            clause, conditional, pending_future = [], False, -1
            prev_sent = tok.sent
        if tok.pos != "X":
            continue
        word = tok.text.casefold()
        if word in particles:
            conditional = True
        pos, feats, particle = analyse(word)
        if particle:
            conditional = True
        if not pos:
            continue
        feats = dict(feats)
        if pos == "AUX":
            pending_future = k + window
        elif k <= pending_future and (feats.get("VerbForm") == "Inf" or feats.get("Tense") == "Past"):
            feats.update({"Tense": "Fut", "Mood": "Ind"})  # "będą wysyłać", "będzie rozmieszczał"
            pending_future = -1
        tok.pos = pos
        feats_of[k] = feats
        clause.append(k)
    close_clause()
    for k, feats in feats_of.items():
        tokens[k].morph = _morph(feats)


@lru_cache(maxsize=50_000)
def may_be_accusative(word: str) -> bool:
    """Whether some reading of a Polish word form is in the accusative ("Polskę", "Białoruś",
    "Iran"; not "Białorusi"), from morfeusz2's tags (case values such as "nom.acc")."""
    for _start, _end, (_orth, _lemma, tag, _names, _quals) in analyser().analyse(word):
        if any("acc" in part.split(".") for part in tag.split(":")[1:]):
            return True
    return False


# Cases and genders of a person's name, in the order `names.name_nominative` tries them (the oblique
# cases first: a name after "według", "zdaniem", "rzecznika" is in the genitive).
NAME_CASES = ("gen", "acc", "dat", "inst", "loc", "nom", "voc")
NAME_GENDERS = ("m1", "f")
_NAME_KINDS = frozenset({"imię", "nazwisko"})


@lru_cache(maxsize=50_000)
def name_readings(word: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    """(nominative, cases, gender) of each singular reading morfeusz2 gives a word as a given name or
    surname ("Zięby": Zięba, genitive, masculine or feminine)."""
    out = []
    for _start, _end, (_orth, lemma, tag, names, _quals) in analyser().analyse(word):
        parts = tag.split(":")
        if not _NAME_KINDS & set(names or ()) or parts[0] != "subst" or len(parts) < 4 or parts[1] != "sg":
            continue
        out.append((lemma.split(":")[0], frozenset(parts[2].split(".")), parts[3]))
    return tuple(out)


@lru_cache(maxsize=50_000)
def common_word(word: str) -> bool:
    """Does morfeusz2 know the word, and never as a given name or surname ("Spraw", "Zagranicznych",
    "Główny"; not "Nowak", not an unknown "Landsbergis")?"""
    readings = analyser().analyse(word)
    if not readings or any(tag == "ign" for _s, _e, (_o, _l, tag, _n, _q) in readings):
        return False
    return not any(_NAME_KINDS & set(names or ()) for _s, _e, (_o, _l, _t, names, _q) in readings)


@lru_cache(maxsize=50_000)
def may_be_nominative(word: str) -> bool:
    """Whether some reading of a Polish word form is in the nominative, or has no case at all
    ("Operacyjne", "Bezpieczeństwa" as a plural; not "Narodowego", "Sił"); an unknown word may be."""
    for _start, _end, (_orth, _lemma, tag, _names, _quals) in analyser().analyse(word):
        parts = tag.split(":")
        if tag == "ign" or not any(c in part.split(".") for part in parts[1:] for c in NAME_CASES):
            return True
        if any("nom" in part.split(".") for part in parts[1:]):
            return True
    return False


@lru_cache(maxsize=50_000)
def oblique_place(word: str) -> bool:
    """Is the word a place's name in an oblique case only ("Rosji", "Polski", "Litwy", "Niemiec"; not
    "Polska", "Białoruś", "Niemcy")? Its geographic readings, singular or plural-only, have no
    nominative; False for a word morfeusz2 knows no place by. Ask it only of a word the text uses as a
    place's name: "Iwan" is a given name too ("Iwany" a village)."""
    readings = analyser().analyse(word)
    places = [tag.split(":") for _s, _e, (_o, _l, tag, names, _q) in readings if "nazwa_geograficzna" in (names or ())]
    counted = [p for p in places if len(p) > 2 and (p[1] == "sg" or "pt" in p[3:])]
    return bool(counted) and not any("nom" in p[2].split(".") for p in counted)


@lru_cache(maxsize=50_000)
def given_name(word: str) -> bool:
    """Does morfeusz2 know the word as a given name ("Franciszek", "Olega"; not "Anioł", a surname and a
    noun)?"""
    return any("imię" in (names or ()) for _s, _e, (_o, _l, _t, names, _q) in analyser().analyse(word))


@lru_cache(maxsize=50_000)
def has_common_reading(word: str) -> bool:
    """Does morfeusz2 know the word other than as a given name or surname ("Rodzajów": also a surname;
    not "Nowaka", not an unknown "Mastalerek")?"""
    return any(tag != "ign" and not _NAME_KINDS & set(names or ())
               for _s, _e, (_o, _l, tag, names, _q) in analyser().analyse(word))
