"""Every lemma a word form may have, for matching word lists by lemma instead of by form.

One lexicon entry ("zaapelować", "призвать", "accuse") then covers all forms, genders and
persons of the word ("zaapelowała", "zaapelowali"; "призвали"; "accuses"). Polish lemmas come
from morfeusz2 (every reading: "poparcie" is the noun and a form of "poprzeć"), Russian from
pymorphy2 (every parse), other languages from simplemma. The form itself is always among them,
so an entry may also list a word that has no lemma ("za", "out").
"""
from __future__ import annotations

from functools import cache, lru_cache

import simplemma
from simplemma.strategies.default import DefaultStrategy

from linewatch.nlp.polish_morph import analyse, analyser
from linewatch.nlp.russian_morph import vocab


@cache
def _lemmatizer() -> simplemma.Lemmatizer:
    # the front-coded dictionaries read in place, as search does (a fraction of the memory)
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(low_memory=True))


@lru_cache(maxsize=50_000)
def simple_lemma(word: str, lang: str) -> str:
    """simplemma's one lemma of a lower-case word ("проинформировали" -> "проинформировать")."""
    return str(_lemmatizer().lemmatize(word, lang=lang)).lower()


@lru_cache(maxsize=100_000)
def word_lemmas(word: str, lang: str) -> frozenset[str]:
    """The lower-cased form and each lemma it may have in `lang`."""
    low = word.casefold()
    out = {low}
    if lang == "pl":
        out.update(lemma.split(":")[0].casefold() for _s, _e, (_o, lemma, *_rest) in analyser().analyse(low))
    elif lang == "ru":
        out.update(p.normal_form.replace("ё", "е") for p in vocab().parse(low))
        out.add(low.replace("ё", "е"))
    else:
        out.add(simple_lemma(low, lang).casefold())
    return frozenset(out)


@lru_cache(maxsize=50_000)
def future_verb(word: str, lang: str) -> bool:
    """Whether a word form is a verb in the future tense by its morphology: Polish a perfective
    `fin` or `bedzie` ("podejmie", "będzie"), Russian a future reading ("примет", "будем"). Other
    languages have no such forms (en "will" is a word of its own)."""
    low = word.casefold()
    if lang == "pl":
        return analyse(low)[1].get("Tense") == "Fut"
    if lang == "ru":
        return any(p.tag.POS == "VERB" and p.tag.tense == "futr" for p in vocab().parse(low))
    return False


def singular_lemmas(word: str, lang: str) -> frozenset[str]:
    """The lemmas of a word's singular readings ("wiceministra" -> "wiceminister"; "szefami", a plural,
    none): a title noun in the singular names one person, a plural a group. Polish and Russian only."""
    low = word.casefold()
    if lang == "pl":
        return frozenset(lemma.split(":")[0].casefold() for _s, _e, (_o, lemma, tag, *_rest) in analyser().analyse(low)
                         if ":sg:" in f":{tag}:")
    if lang == "ru":
        return frozenset(p.normal_form.replace("ё", "е") for p in vocab().parse(low) if p.tag.number == "sing")
    return frozenset()
