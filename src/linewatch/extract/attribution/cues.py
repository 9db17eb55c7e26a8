"""The cue table of a language: its cues.yaml (and the pronoun lists cues need) compiled once.

Its own module, below `speaker` and `base`: both read it (`speaker` the `source_nouns` of a phrase's
head, `base` and the rules every cue), and `base` imports `speaker`, so the table cannot live in
`base` without a cycle.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from linewatch.lexicon import lexicon


@dataclass
class CueTable:
    speech: re.Pattern[str]
    belief: re.Pattern[str] | None
    particles: list[tuple[re.Pattern[str], frozenset[str]]]  # required after the verb
    optional_particles: list[tuple[re.Pattern[str], frozenset[str]]]  # part of the cue when present
    according: re.Pattern[str] | None
    that: frozenset[str]
    negation: frozenset[str]
    hypothetical: frozenset[str]
    question: frozenset[str]
    audience: frozenset[str]
    gender_suffix: list[tuple[str, str]]  # (suffix, gender), longest first
    pronouns: frozenset[str]
    blocked_before: frozenset[str]
    possessive: frozenset[str]
    nouns: re.Pattern[str] | None  # statement nouns: "claim", "заявление", "oświadczenie"
    noun_fillers: frozenset[str]  # words between such a noun and "that" that are not the speaker
    back_reference: tuple[str, ...]  # "об этом", "o tym": the content is the previous sentence
    relay: re.Pattern[str] | None  # cues of relaying media ("сообщило", "podaje")
    trust_pos: bool  # may the tagger's POS veto a cue (English "report" the noun)?
    infinitive: frozenset[str]
    infinitive_cues: re.Pattern[str] | None
    clause_only_lemmas: frozenset[str]  # "say": a long object after it is a misparsed reported clause
    intention_cues: re.Pattern[str] | None  # plans and aims: someone's intention, said or not
    object_cues: re.Pattern[str] | None
    # "— говорится в заявлении МИД", "- czytamy w komunikacie MSZ": the document that speaks;
    # whoever issued it (the words after it) is the speaker
    source_nouns: re.Pattern[str] | None = None
    # "Y, X said, adding that Z" / "Y, заявил X, добавив, что Z" / "Y – powiedział X, dodając, że Z":
    # a participle that goes on with the same speaker's words. The cue before it owns Y, the
    # participle owns Z.
    follow_on: re.Pattern[str] | None = None
    # according-to phrases that put the source in the genitive ("według Jana Nowaka", "по словам
    # Ивана Петрова"): a name the registry does not know is given back in the nominative
    according_genitive: frozenset[str] = frozenset()
    # "nie wykluczył, że…", "не исключил, что…", "did not rule out that…": cues that report a
    # statement when negated (the negation is part of what was said, not a denial of saying it)
    negation_ok: re.Pattern[str] | None = None
    # "has not named a perpetrator or suggested a motive": conjunctions a negation reaches across
    negated_disjunctions: frozenset[str] = frozenset()
    # "С таким заявлением выступила X", "Соответствующее заявление сделал X": verbs that are cues
    # only after a phrase pointing back to the previous sentence
    back_reference_verbs: re.Pattern[str] | None = None
    # "He said this speaking at…": the cue's object, right after it, points back to the previous sentence
    back_reference_objects: frozenset[str] = frozenset()
    # "О дискредитации референдума заявила X": a topic phrase opened by one of these prepositions
    # before the cue names what the sentence before said
    topic_back_reference: frozenset[str] = frozenset()
    # an object cue and the head nouns of objects that make it a deed, no statement ("called a meeting")
    deed_objects: list[tuple[re.Pattern[str], frozenset[str]]] = field(default_factory=list)
    # lemmas of reporting verbs (`speech_lemmas`): a finite form of one is a speech cue whatever its
    # ending ("проинформировали", "заверяет"), so the `speech` patterns need not list every form
    speech_lemmas: frozenset[str] = frozenset()
    # words opening a relative clause ("…, dokąd ich wezwała Merkel"): a cue after one reports nothing
    # of the words before the comma
    relative_openers: frozenset[str] = frozenset()
    free_relatives: frozenset[str] = frozenset()
    deed_verbs: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    as_openers: frozenset[str] = frozenset()
    manner_openers: frozenset[str] = frozenset()  # "– … – tak o tym mówiła X": how it was said, not who
    claim_continuers: frozenset[str] = frozenset()
    subject_adverbs: frozenset[str] = frozenset()
    lang: str = ""
    # "Polska będzie domagała się…", "he will tell the UN": a future auxiliary right before the cue
    # makes it an intention, nothing said yet
    future: frozenset[str] = frozenset()
    # '"…," the statement read': verbs that report a document's words only with a source noun
    # (`source_nouns`) next to them as their subject
    document_cues: re.Pattern[str] | None = None
    # '"…," read a statement from his office': the prepositions after such a document noun before the
    # one who issued it, the speaker
    document_issuers: frozenset[str] = frozenset()
    # "…, сообщили в Минобороны РФ", "— заявили в Кремле": prepositions before the body in which
    # an impersonal plural cue was said (`locative_source`); the body is the speaker
    locative_source: frozenset[str] = frozenset()
    # "— цитирует его РИА Новости", "RIA Novosti quoted him as saying": a medium quoting someone named
    # by the object pronoun after the verb; that pronoun is the speaker (`quoting` verbs and objects)
    quoting: re.Pattern[str] | None = None
    # "— сказано в заявлении МИД России": impersonal cues that report speech only with the document's
    # issuer (or the body) named after them; "сказано в статье" names nobody
    issuer_cues: re.Pattern[str] | None = None
    # "Отмечается, что…", "Zaznaczono, że…", "Podkreśla się, że…": impersonal cues (the word, or the
    # word followed by one of `impersonal_particles`) name no speaker; only a source in their own
    # sentence may speak, never a person from an earlier one
    impersonal_cues: re.Pattern[str] | None = None
    impersonal_particles: frozenset[str] = frozenset()
    impersonal_continuers: re.Pattern[str] | None = None  # "— dodano": the document quoted before goes on
    quoted_objects: frozenset[str] = frozenset()
    # "— приводит телеканал слова Пескова": a medium giving someone's words; the one whose words they
    # are speaks (`quoting.words_verbs`, only with one of `quoting.words` right after)
    words_verbs: re.Pattern[str] | None = None
    # "Białoruś odpowiada w pełni za nie", "отвечает за безопасность", "answers for": a verb of speech
    # in its other sense, given away by a word soon after it (`other_sense`: verb pattern -> words)
    other_sense: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = ()
    words_nouns: frozenset[str] = frozenset()
    # "подчеркнул необходимость…", "podkreślił konieczność…", "призвал к…": a noun or preposition
    # after a reporting verb that belongs to the cue, the content being what follows it; keyed by
    # the verb's lemma and matched on the word's lemma, so every form of both is covered
    particle_lemmas: dict[str, frozenset[str]] = field(default_factory=dict)


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    pats = [str(p) for p in patterns if str(p).strip()]
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + ")") if pats else None


@cache
def cue_table(lang: str) -> CueTable:
    data = lexicon(lang, "cues") or lexicon("en", "cues")
    phrases = sorted((str(p) for p in data.get("according_to") or []), key=len, reverse=True)
    # an adverb may stand after a phrase's first word ("как ранее заявил", "jak wcześniej podał")
    adverbs = "|".join(re.escape(str(a)) for a in data.get("according_to_adverbs") or [])
    gap = rf"\s+(?:(?:{adverbs})\s+)?" if adverbs else r"\s+"
    alternatives = [gap.join(re.escape(w) for w in p.split(" ")) for p in phrases]
    # "как заявлял X, …", "jak mówił X, …": an opener, then any form of a speech verb
    openers = "|".join(re.escape(str(w)) for w in data.get("according_to_openers") or [])
    if openers and data.get("speech"):
        alternatives.append(rf"(?:{openers}){gap}(?:" + "|".join(f"(?:{p})" for p in data["speech"]) + ")")
    according = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I) if alternatives else None
    suffixes = [(str(s), g) for g, lst in (data.get("gender_suffix") or {}).items() for s in lst]
    return CueTable(
        speech=_union(data.get("speech") or []) or re.compile(r"(?!x)x"),
        belief=_union(data.get("belief") or []),
        particles=[(re.compile(f"(?:{k})"), frozenset(str(v).lower() for v in vals))
                   for k, vals in (data.get("needs_particle") or {}).items()],
        optional_particles=[(re.compile(f"(?:{k})"), frozenset(str(v).lower() for v in vals))
                            for k, vals in (data.get("particles") or {}).items()],
        according=according,
        that=frozenset(str(w).lower() for w in data.get("that") or []),
        negation=frozenset(str(w).lower() for w in data.get("negation") or []),
        hypothetical=frozenset(str(w).lower() for w in data.get("hypothetical") or []),
        question=frozenset(str(w).lower() for w in data.get("question_words") or []),
        audience=frozenset(str(w).lower() for w in data.get("audience") or []),
        gender_suffix=sorted(suffixes, key=lambda x: -len(x[0])),
        pronouns=frozenset(str(k).lower() for k in (lexicon(lang, "pronouns").get("pronouns") or {})),
        blocked_before=frozenset(str(w).lower() for w in data.get("blocked_before") or []),
        trust_pos=bool(data.get("trust_pos", False)),
        back_reference=tuple(str(p).lower() for p in data.get("back_reference") or []),
        back_reference_objects=frozenset(str(w).lower() for w in data.get("back_reference_objects") or []),
        topic_back_reference=frozenset(str(w).lower() for w in data.get("topic_back_reference") or []),
        deed_objects=[(re.compile(f"(?:{k})"), frozenset(str(v).lower() for v in vals))
                      for k, vals in (data.get("deed_objects") or {}).items()],
        relay=_union(data.get("relay") or []),
        nouns=_union(data.get("nouns") or []),
        noun_fillers=frozenset(str(w).lower() for w in data.get("noun_fillers") or []),
        possessive=frozenset(str(k).lower() for k in (lexicon(lang, "pronouns").get("possessive") or {})),
        infinitive=frozenset(str(w).lower() for w in data.get("infinitive") or []),
        infinitive_cues=_union(data.get("infinitive_cues") or []),
        clause_only_lemmas=frozenset(str(w).lower() for w in data.get("clause_only_lemmas") or []),
        intention_cues=_union(data.get("intention_cues") or []),
        object_cues=_union(data.get("object_cues") or []),
        source_nouns=_union(data.get("source_nouns") or []),
        follow_on=_union(data.get("follow_on_cues") or []),
        according_genitive=frozenset(str(p).lower() for p in data.get("according_to_genitive") or []),
        negation_ok=_union(data.get("negation_ok") or []),
        negated_disjunctions=frozenset(str(w).lower() for w in data.get("negated_disjunctions") or []),
        back_reference_verbs=_union(data.get("back_reference_verbs") or []),
        speech_lemmas=frozenset(str(w).lower() for w in data.get("speech_lemmas") or []),
        relative_openers=frozenset(str(w).lower() for w in data.get("relative_openers") or []),
        free_relatives=frozenset(str(w).lower() for w in data.get("free_relatives") or []),
        deed_verbs=frozenset(str(w).lower() for w in data.get("deed_verbs") or []),
        force_nouns=frozenset(str(w).lower() for w in data.get("force_nouns") or []),
        as_openers=frozenset(str(w).lower() for w in data.get("as_openers") or []),
        manner_openers=frozenset(str(w).lower() for w in data.get("manner_openers") or []),
        claim_continuers=frozenset(str(w).lower() for w in data.get("claim_continuers") or []),
        subject_adverbs=frozenset(str(w).lower() for w in data.get("subject_adverbs") or []),
        locative_source=frozenset(str(w).lower() for w in data.get("locative_source") or []),
        quoting=_union((data.get("quoting") or {}).get("verbs") or []),
        issuer_cues=_union(data.get("issuer_cues") or []),
        impersonal_cues=_union(data.get("impersonal_cues") or []),
        impersonal_particles=frozenset(str(w).lower() for w in data.get("impersonal_particles") or []),
        impersonal_continuers=_union(data.get("impersonal_continuers") or []),
        quoted_objects=frozenset(str(w).lower() for w in (data.get("quoting") or {}).get("objects") or []),
        words_verbs=_union((data.get("quoting") or {}).get("words_verbs") or []),
        other_sense=tuple((re.compile(f"(?:{k})"), frozenset(str(v).lower() for v in vals))
                          for k, vals in (data.get("other_sense") or {}).items()),
        words_nouns=frozenset(str(w).lower() for w in (data.get("quoting") or {}).get("words") or []),
        particle_lemmas={str(k).lower(): frozenset(str(v).lower() for v in vals)
                         for k, vals in (data.get("particle_lemmas") or {}).items()},
        document_cues=_union(data.get("document_cues") or []),
        document_issuers=frozenset(str(w).lower() for w in data.get("document_issuers") or []),
        future=frozenset(str(w).lower() for w in data.get("future_auxiliaries") or []),
        lang=lang,
    )
