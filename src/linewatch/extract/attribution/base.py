"""Shared pieces of attribution finding: cue tables from the lexicons, the sentence view, token helpers.

`attribution.rules` (verb cues) and `attribution.phrases` (according-to phrases, statement
nouns, back references, headlines, signed quotes) both work on a `SentenceView` and return
`Attribution`s with character spans only; `statements.py` resolves speakers and dates.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from linewatch.extract.attribution.cues import CueTable
from linewatch.extract.attribution.speaker import (
    AGENCY,
    SUBJECT_DEPS,
    is_acronym,
    is_anaphor,
    is_body_anaphor,
    is_home_body_word,
    is_media_word,
    is_title_word,
    name_problem,
    oblique_name,
    owner_office_nouns,
    speaker_words,
    state_voice,
)
from linewatch.extract.dates import month_words
from linewatch.lexicon import lexicon
from linewatch.nlp.doc import Token
from linewatch.nlp.lemmas import simple_lemma
from linewatch.nlp.names import common_word, may_be_nominative, oblique_place_name

# The dash marks, defined once: the long dashes (em, en, horizontal bar) and the hyphen, single or
# doubled, typed for them. A sentence or paragraph opened by one is speech in Polish and Russian
# typography ("– Nie wiem – powiedział"); one between a quotation and a name signs it.
LONG_DASHES = frozenset({"—", "–", "―"})
DASHES = LONG_DASHES | {"-", "--"}
SEPARATORS = DASHES | {",", ";"}
OPEN_QUOTES = {"“", "«", "„", '"', "‘", "‚", "''", "``"}
CLOSE_QUOTES = {"”", "»", "“", '"', "’", "‘", "''"}
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | {"''", "``"}
# The double marks of OPEN_QUOTES, which open a speech set as a quotation ("„Ogrzewamy Europę…" –
# mówił X). The single ‘ ‚ are left out as they always were here: they also open scare quotes
# and titles inside a sentence.
DOUBLE_OPEN_QUOTES = frozenset(OPEN_QUOTES - {"‘", "‚", "''", "``"})
CLAUSE_BREAK = LONG_DASHES | {",", ";", ":", "(", ")"}


@dataclass
class Attribution:
    kind: str  # direct / indirect / mixed / according_to / headline / colon / continuation
    cue_span: tuple[int, int] | None
    content_spans: list[tuple[int, int]]
    speaker_span: tuple[int, int] | None  # None = no speaker in the sentence (pro-drop / continuation)
    confidence: float
    gender_hint: str | None = None
    belief: bool = False
    notes: list[str] = field(default_factory=list)


def opens_with_dash(text: str, pos: int) -> bool:
    """Does a dash stand at `pos` (the start of a sentence or paragraph opened as speech)?"""
    return text[pos:pos + 1] in DASHES


@cache
def zero_copula(lang: str) -> bool:
    """Does the language drop the present-tense copula ("Это наш союзник"), `zero_copula` in cues.yaml?"""
    return bool(lexicon(lang, "cues").get("zero_copula", False))


# simplemma's lemma of a lower-case word, one lemmatizer for the whole pipeline (nlp/lemmas.py)
word_lemma = simple_lemma


def _finite_verb(t: Token) -> bool:
    """A finite verb in the third person, past or present, by the tagger's morphology: a participle
    or gerund ("говоря"), the author's "Напомним" (first person, imperative) and a future ("они
    ответят за это") are no reports of speech."""
    morph = t.morph
    return ("VerbForm=Fin" in morph and "Person=1" not in morph and "Person=2" not in morph
            and "Mood=Imp" not in morph and "Tense=Fut" not in morph)


def particle_words(table: CueTable, verb: str, words: Sequence[str]) -> int:
    """How many of `words` after the reporting verb `verb` belong to the cue by `particle_lemmas`
    (0, 1 or 2: "подчеркнула необходимость", "заявил о готовности"), each word matched as
    written or by its lemma."""
    parts = table.particle_lemmas.get(word_lemma(verb.lower(), table.lang))
    if not parts or not words:
        return 0
    forms = [{w.lower(), word_lemma(w.lower(), table.lang)} for w in words[:2]]
    if len(forms) == 2 and any(f"{a} {b}" in parts for a in forms[0] for b in forms[1]):
        return 2
    return 1 if forms[0] & parts else 0


def is_word(t: Token) -> bool:
    return t.text[:1].isalnum()


def cue_strength(t: Token, nxt: Token | None, table: CueTable, has_parse: bool) -> str | None:
    """'speech', 'belief' or None for a token that may be a reporting verb."""
    low = t.text.lower()
    if table.trust_pos and has_parse and t.pos and t.pos not in ("VERB", "AUX", "ADJ", "X", "") \
            and not (t.dep == "root" and nxt is not None and nxt.text.lower() in table.that):
        # "the report", "claims" as a noun; but a noun the parse makes the root, right before the
        # complementiser, is the verb mistagged ("Lukashenka's press service reports that…")
        return None
    kind = None
    if table.speech.fullmatch(low):
        kind = "speech"
    elif table.belief is not None and table.belief.fullmatch(low):
        kind = "belief"
    elif table.speech_lemmas and _finite_verb(t) and word_lemma(low, table.lang) in table.speech_lemmas:
        kind = "speech"
    elif nxt is not None and _finite_verb(t) and particle_words(table, low, [nxt.text]):
        kind = "speech"  # "выражали обеспокоенность", "wyrażał nadzieję": any form of a verb of the phrase
    if kind is None:
        return None
    for pat, parts in table.particles:
        if pat.fullmatch(low):
            if nxt is None or nxt.text.lower() not in parts:
                return None
    return kind


def deed_by_force(table: CueTable, verb: str, subject: str) -> bool:
    """Is a speech verb that names a deed as well (cues.yaml `deed_verbs`: "attack", "hit") said of an
    armed force (`force_nouns`: "Belarusian troops attacked a border post")? Then it tells of the deed."""
    if not table.deed_verbs or word_lemma(verb.lower(), table.lang) not in table.deed_verbs:
        return False
    words = subject.split()
    return bool(words) and (words[-1].lower() in table.force_nouns
                            or word_lemma(words[-1].lower(), table.lang) in table.force_nouns)


def deed_object(table: CueTable, verb: str, head: Token | None) -> bool:
    """Is the object an object cue takes headed by a noun that makes the cue a deed (cues.yaml
    `deed_objects`: "called a meeting", "called elections"), nothing said?"""
    if head is None or not table.deed_objects:
        return False
    nouns = frozenset().union(*(words for pat, words in table.deed_objects if pat.fullmatch(verb.lower())))
    return head.text.lower() in nouns or (head.lemma or "").lower() in nouns


def gender_from_verb(word: str, table: CueTable) -> str | None:
    low = word.lower()
    for suf, g in table.gender_suffix:
        if low.endswith(suf):
            return g
    return None


# What never starts or ends a content span: spaces, clause punctuation and the dashes.
SPAN_EDGE = " \t\n,;:" + "".join(sorted(d for d in DASHES if len(d) == 1))


def trim_span(text: str, a: int, b: int, strip: str = SPAN_EDGE) -> tuple[int, int]:
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return a, b


def strip_quotes(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop one pair of enclosing quote marks (and trailing punctuation inside a closed quote)."""
    a, b = trim_span(text, a, b, SPAN_EDGE + ".")
    if b - a >= 4 and text.startswith("''", a) and text.startswith("''", b - 2):
        return trim_span(text, a + 2, b - 2, SPAN_EDGE)
    if b - a >= 2 and text[a] in OPEN_QUOTES and text[b - 1] in CLOSE_QUOTES:
        inner = text[a + 1:b - 1]
        if not any(q in inner for q in ('"',)) or text[a] != '"':
            a, b = trim_span(text, a + 1, b - 1, SPAN_EDGE)
    elif a < b and text[a] in OPEN_QUOTES and not any(c in text[a + 1:b] for c in CLOSE_QUOTES):
        a, b = trim_span(text, a + 1, b, SPAN_EDGE)
    return a, b


def is_active_participle(t: Token) -> bool:
    """"urging…", "attacking…", "заявив…": the tagger's morphology, in any language. A past
    participle is passive ("Asked about X, Putin…": Putin was asked, he did not ask)."""
    morph = t.morph
    return ("VerbForm=Ger" in morph or "VerbForm=Conv" in morph
            or "VerbForm=Part" in morph and "Tense=Pres" in morph)


THING_REACH = 4  # words between a thing ("video") and the participle it shows with ("video on Twitter showing")


@cache
def _things(lang: str) -> frozenset[str]:
    """speakers.yaml `things`: what shows, never speaks ("video", "footage")."""
    return frozenset(str(w).lower() for w in lexicon(lang, "speakers").get("things") or [])


def participle_of_no_speaker(view: SentenceView, k: int, belief: bool) -> bool:
    """A present participle whose subject is no one who speaks: a thing's ("posted a video showing
    migrants…"), or, for a view rather than speech or an inference participle (cues.yaml
    `inference_participles`), the clause before its comma ("… were taken away by bus, suggesting the
    standoff could be easing": the author's inference). Speech after a comma
    ("…, saying…", "…, calling it…") is the subject's follow-on."""
    toks = view.toks
    if not view.has_parse or k == 0 or not is_active_participle(toks[k]):
        return False
    if any(t.text.lower() in _things(view.lang) for t in toks[max(0, k - THING_REACH):k]):
        return True
    if toks[k - 1].text != "," or not (belief or toks[k].text.lower() in _inference_participles(view.lang)):
        return False
    # "…,” Rendell recalled, suggesting…": a speaker's own clause goes on with their view
    head = next((t for t in toks if t.i == toks[k].head), None)
    return head is None or cue_strength(head, None, view.table, view.has_parse) is None


@cache
def _inference_participles(lang: str) -> frozenset[str]:
    """cues.yaml `inference_participles`: "…, suggesting…" is the author's inference."""
    return frozenset(str(w).lower() for w in lexicon(lang, "cues").get("inference_participles") or [])


# Entity labels of a word that is no person's surname ("Say Mexico demanded…" is no name).
NOT_PERSON_ENTS = ("GPE", "LOC", "NORP", "ORG", "FAC")


def subject_of(cue: Token, toks: list[Token], offset: int) -> tuple[int, int] | None:
    """Character span of the nominal subject of a cue from the dependency parse (en, ru)."""
    by_i = {t.i: t for t in toks}
    node = cue
    via_conj = False
    for _ in range(4):
        subj = [t for t in toks if t.head == node.i and t.dep in SUBJECT_DEPS]
        if subj:
            s = subj[0]
            # (not a bracketed one: "VILNIUS, Nov 10 (Reuters) - X said" is a dateline and its agency)
            named = [t for t in toks if t.head == s.i and t.dep == "appos" and t.pos == "PROPN"
                     and not any(x.text == "(" for x in subtree(t, toks))]
            if s.pos == "NOUN" and named:
                # "said the interior minister, Jan Kowal", "the head of the Interior, Agne Bilotaite,
                # said": the name in apposition is who speaks, the common noun only their title
                words = [t for t in subtree(named[0], toks) if is_word(t)]
                if words:
                    return words[0].start, words[-1].end
            members = subtree(s, toks)
            for other in subj[1:]:
                # "The deputy head of the regional office Jan Nowak said": the parser splits a long
                # title and the name after it into two subjects; the name directly after is the person
                more = subtree(other, toks)
                if members and more and more[0].i == members[-1].i + 1 and other.pos == "PROPN":
                    members = members + more
            # an appositive or relative clause makes the span long; keep it, but not past the cue
            members = [t for t in members if t.end <= cue.start or t.start >= cue.end]
            if s.start < cue.start:
                members = [t for t in members if t.end <= cue.start]
                after = [t for t in toks if members and members[0].start <= t.start and t.end <= cue.start]
                dash = max((i for i, t in enumerate(after) if 0 < i < len(after) - 1 and t.end < after[i + 1].start
                            and ((t.text in DASHES and after[i - 1].end < t.start)
                                 or (t.text[-1:] in DASHES and t.text[-2:-1] in ")."))), default=None)
                tail = [t for t in after[dash + 1:] if is_word(t) or t.text in ("'s", "’s")] if dash is not None else []
                if tail:
                    # "KUZNICA, Nov 16 (Reuters) - Poland's interior minister said", "Tbilisi, Sep 28 (EFE).-
                    # Armenian Prime Minister X said": the parser took the dateline for the subject; who
                    # speaks is the phrase between the dash and the cue
                    return tail[0].start, tail[-1].end
            else:
                members = [t for t in members if t.start >= cue.end]
            words = [t for t in members if is_word(t) or t.text in ("'s", "’s")]
            if words and words[0] is not toks[0] and toks[0].pos == "PROPN" and toks[0].text[:1].isupper() \
                    and words[0] is toks[1] and words[0].pos == "PROPN" and words[0].ent not in NOT_PERSON_ENTS:
                words = [toks[0], *words]  # "Oleksiy Danilov, …, said": the parser left the sentence's first name alone
            if words:
                return words[0].start, words[-1].end
            return None
        participle = node.dep == "advcl" and is_active_participle(node) and not any(
            t.head == node.i and t.dep == "mark" for t in toks)
        # "X pledged help as needed and assured Y that…": the parser may hang a second verb on a
        # subjectless adverbial clause ("as needed"); the clause's head still has the subject
        adverbial = via_conj and node.dep == "advcl"
        if (node.dep in ("conj", "xcomp") or participle or adverbial) and node.head in by_i:
            via_conj = node.dep == "conj"
            node = by_i[node.head]  # "X spoke on Monday, urging…": the participle's subject is X
            continue
        verb = by_i.get(by_i[node.head].head) if node.dep == "pcomp" and node.head in by_i else None
        if verb is not None and any(t.head == verb.i and t.dep in ("nsubjpass", "nsubj:pass") for t in toks):
            node = verb  # "X was quoted as saying": the subject of the passive "quoted" (not "Y quoted X as…")
            continue
        if verb is not None and not any(t.head == verb.i and t.dep in ("dobj", "obj") for t in toks):
            node = verb  # "X responded to the comments by saying": who responded says it ("Y quoted X as…" has an object)
            continue
        obj = next((t for t in toks if verb is not None and t.head == verb.i and t.dep in ("dobj", "obj")
                    and t.start < cue.start), None)
        if obj is not None and (words := [t for t in subtree(obj, toks) if is_word(t) and t.end <= cue.start]):
            # "RIA Novosti quoted the Russian envoy as saying", "criticised X for saying": the one the
            # verb's object names is who said it
            return words[0].start, words[-1].end
        return None
    return None


def children_of(toks: list[Token]) -> dict[int, list[Token]]:
    """Head index -> its dependents, in text order."""
    out: dict[int, list[Token]] = {}
    for t in toks:
        out.setdefault(t.head, []).append(t)
    return out


def subtree(root: Token, toks: list[Token], children: dict[int, list[Token]] | None = None) -> list[Token]:
    """The root and its dependents (not through relative clauses or parataxis), in text order.

    `children` (head index -> tokens), when the caller already has it, saves rebuilding it."""
    if children is None:
        children = children_of(toks)
    out, stack, seen = [], [root], {root.i}
    while stack:
        n = stack.pop()
        out.append(n)
        for c in children.get(n.i, []):
            if c.i in seen:  # a parser can emit a cycle (natasha does, rarely): never loop on it
                continue
            seen.add(c.i)
            if c.dep in ("relcl", "acl:relcl", "parataxis"):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.start)


# --------------------------------------------------------------------------- finders


@dataclass
class SentenceView:
    """One sentence as the finders see it."""

    text: str  # the whole document text (offsets are document offsets)
    start: int
    end: int
    toks: list[Token]
    table: CueTable
    has_parse: bool
    quotes: list[tuple[int, int]]  # quotation spans of the document
    anaphors: frozenset[str]
    mention_starts: frozenset[int] = frozenset()  # starts of registry actor mentions
    lang: str = "en"
    place_starts: frozenset[int] = frozenset()  # starts of the mentions naming a state or place
    body_starts: frozenset[int] = frozenset()  # starts of the mentions naming a registry body
    floor: int = 0  # content of a post-position cue starts here (after an earlier attribution)
    prev_sentence: tuple[int, int] | None = None  # the sentence before, for "Об этом заявил X"
    next_sentence: tuple[int, int] | None = None  # the sentence after, for "X said:" + quote below
    _starts: list[int] | None = None
    asides: list[tuple[int, int]] | None = None  # according-to phrases, found once (phrases.according_phrases)
    _index: dict[int, int] | None = None

    def index_of(self, i: int) -> int | None:
        """The position in `toks` of the token whose doc index is i (None when not in the sentence);
        the map is built once per sentence, not once per cue that asks."""
        if self._index is None:
            self._index = {t.i: n for n, t in enumerate(self.toks)}
        return self._index.get(i)

    def in_quote(self, a: int, b: int | None = None) -> tuple[int, int] | None:
        """The quotation strictly enclosing [a, b) (quotes are sorted and do not overlap)."""
        b = a + 1 if b is None else b
        if self._starts is None:
            self._starts = [q[0] for q in self.quotes]
        i = bisect.bisect_left(self._starts, a) - 1
        if i >= 0:
            qa, qb = self.quotes[i]
            if qa < a and b <= qb - 1:
                return qa, qb
        return None

    @property
    def prepositions(self) -> frozenset[str]:
        return speaker_words(self.lang).prepositions

    @property
    def title_glue(self) -> frozenset[str]:
        return _title_glue(self.lang)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens i..j-1."""
        return self.toks[i].start, self.toks[j - 1].end


@cache
def _title_glue(lang: str) -> frozenset[str]:
    """Words inside a title phrase ("Minister of the Interior"), from `titles.yaml` `country_glue`."""
    return frozenset(str(w).lower() for w in lexicon(lang, "titles").get("country_glue") or [])


@cache
def _name_glue(lang: str) -> frozenset[str]:
    """Words that carry a capitalised name on: title glue ("Minister of the Interior") and name
    particles ("von der Leyen"); once per language, speaker_after asks on every cue."""
    return _title_glue(lang) | speaker_words(lang).particles


def word_count(view: SentenceView, i: int, j: int) -> int:
    return sum(1 for t in view.toks[i:j] if is_word(t))


def unbracketed_word_count(view: SentenceView, i: int, j: int) -> int:
    """Words of toks[i:j] outside round brackets: "(poradzieckiej Organizacji Układu…)" after a
    cue is the author's gloss of a name, no part of how long the narration after the cue runs."""
    depth, n = 0, 0
    for t in view.toks[i:j]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and is_word(t):
            n += 1
    return n


def _is_name(t: Token) -> bool:
    return t.pos == "PROPN" or t.ent == "PER"


OTHER_SENSE_REACH = 4  # words after the verb searched for the word of its other sense


def other_sense(view: SentenceView, k: int) -> bool:
    """Is toks[k] a verb of speech used in its other sense ("odpowiada w pełni za nie": is responsible
    for; `other_sense` in cues.yaml), shown by one of that sense's words within a few words after it,
    before any clause break?"""
    low = view.toks[k].text.lower()
    for pattern, words in view.table.other_sense:
        if not pattern.fullmatch(low):
            continue
        for t in view.toks[k + 1 : k + 1 + OTHER_SENSE_REACH]:
            if t.text in CLAUSE_BREAK or t.text.lower() in view.table.that:
                break  # "declared that the emergency is over": said, in its own clause
            if t.text.lower() in words:
                return True
    return False


def negated_or_hypothetical(view: SentenceView, k: int, intention_ok: bool = False) -> bool:
    """`did not say`, `не заявил`, `would say`, `if he said`, `nie powiedział`.

    `intention_ok`: "seemed to think" is no intention; the caller has checked the verb before "to"."""
    toks, table = view.toks, view.table
    negation = table.negation
    if table.negation_ok is not None and table.negation_ok.fullmatch(toks[k].text.lower()):
        negation = frozenset()  # "nie wykluczył, że…" says something
    if k + 1 < len(toks) and toks[k + 1].text.lower() in table.hypothetical and toks[k + 1].text.lower() not in table.that \
            and not _opens_reported_clause(view, k, k + 1):
        return True  # "сказал бы", "said if"
    if not intention_ok and k > 0 and toks[k - 1].text.lower() in table.blocked_before:
        return True  # "trying to suggest", "wants to say": an intention, not a statement
    if k > 0 and toks[k - 1].text.lower() in table.future:
        return True  # "Polska będzie domagała się wyjaśnień", "will tell the UN": not said yet
    for t in reversed(toks[max(0, k - 3):k]):
        if t.text in SEPARATORS:
            break  # "Тем не менее – сказал X": a negation before the dash is the quoted speech's, not the cue's
        low = t.text.lower()
        if _is_name(t):
            continue  # "Theresa May said", "Will Hurd said": a name, not a modal
        if low in negation or low in table.hypothetical:
            return True
    if view.has_parse and toks[k].dep == "conj" and negation and (head := view.index_of(toks[k].head)) is not None \
            and head < k and not any(toks[x].text.lower() in view.table.that or toks[x].text in CLAUSE_BREAK
                                     for x in range(head, k)) \
            and any(toks[x].text.lower() in table.negated_disjunctions for x in range(head, k)) \
            and any(t.head == toks[head].i and t.text.lower() in negation for t in toks):
        return True  # "has not named a perpetrator or suggested a motive": the negation covers both verbs
    # "if" / "если" / "jeśli" earlier in the same clause
    j = k - 1
    while j >= 0 and toks[j].text not in CLAUSE_BREAK:
        if toks[j].pos == "CCONJ" and toks[k].dep == "conj":
            break  # "said the border would stay closed and added that…": the coordinated cue's clause starts here
        if (toks[j].text.lower() in table.hypothetical and toks[j].text.lower() not in table.that
                and not _is_name(toks[j])):
            return True
        j -= 1
    return False


def _opens_reported_clause(view: SentenceView, k: int, x: int) -> bool:
    """Does token x open a clause inside what cue k reports, by the parse ("he said if lives are at
    risk, this is not…": the condition hangs on the reported clause, a ccomp of "said")?"""
    if not view.has_parse:
        return False
    node = view.toks[x]
    for _ in range(4):
        head = view.index_of(node.head)
        if head is None or head == x:
            return False
        if head == k:
            return node.dep == "ccomp"
        node = view.toks[head]
    return False


@cache
def _reduced_passive(lang: str) -> re.Pattern[str] | None:
    """`reduced_passive` of `cues.yaml`: a cue with its preposition and no object between
    ("accused of", "charged with") is a passive without its auxiliary (headlines)."""
    forms = [str(f) for f in lexicon(lang, "cues").get("reduced_passive") or []]
    return re.compile("|".join(f"(?:{f})" for f in forms)) if forms else None


def reduced_passive(view: SentenceView, k: int) -> bool:
    """"Mark Meadows accused of lying": accused by nobody named (`reduced_passive` in cues.yaml)."""
    rp = _reduced_passive(view.lang)
    toks = view.toks
    return rp is not None and k + 1 < len(toks) and bool(rp.fullmatch(f"{toks[k].text.lower()} {toks[k + 1].text.lower()}"))


def ascribed_intention(view: SentenceView, k: int) -> bool:
    """Is the intention cue at k ascribed to someone rather than voiced: a participle on a noun
    ("people seeking to cross the border") or what someone is accused of ("accused of seeking to…",
    the words before it a `reduced_passive` phrase)?"""
    toks, pat = view.toks, view.table.intention_cues
    if pat is None or not pat.fullmatch(toks[k].text.lower()):
        return False
    if view.has_parse and toks[k].dep == "acl" and is_active_participle(toks[k]):
        return True  # not "the claim that Crutcher had refused to…": a clause with its own subject
    rp = _reduced_passive(view.lang)
    return rp is not None and k >= 2 and bool(rp.fullmatch(f"{toks[k - 2].text.lower()} {toks[k - 1].text.lower()}"))


@cache
def _raising_participles(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon(lang, "cues").get("raising_participles") or [])


def passive_without_agent(view: SentenceView, k: int) -> bool:
    """`It has been suggested that…`, `was reported`, "debris, believed to be…": no one is named as
    the speaker."""
    toks = view.toks
    cue = k
    if reduced_passive(view, k):
        return True
    if 0 < k < len(toks) - 1 and toks[k - 1].text == "," and toks[k + 1].text.lower() in view.table.infinitive \
            and toks[k].text.lower() in _raising_participles(view.lang):
        return True  # "debris, believed to be the remains of a drone": a participle on the noun
    while k > 0 and toks[k - 1].pos == "ADV":
        k -= 1  # "has also been indirectly suggested"
    if k == 0:
        return False
    prev = toks[k - 1].text.lower()
    if prev in ("been", "be", "is", "was", "are", "were", "being"):
        nxt = [t.text.lower() for t in toks[cue + 1:cue + 3]]
        return "by" not in nxt
    return False


ADJUNCT_WORDS = 8  # words of time, place and medium that may stand between a cue and its speaker
TITLE_WORDS = 5  # words of a title after the adjuncts, before the name ("замминистра иностранных дел России")


def issuer_after(view: SentenceView, i: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range of who issued the document named right after the cue ("говорится в заявлении
    МИД России", "czytamy w komunikacie Kancelarii Prezydenta"), or None."""
    toks, nouns = view.toks, view.table.source_nouns
    if nouns is None or i + 2 >= len(toks) or toks[i].text.lower() not in view.prepositions:
        return None
    if not nouns.fullmatch(toks[i + 1].text.lower()):
        return None
    if i + 4 < len(toks) and toks[i + 2].text.lower() in view.prepositions and is_media_word(toks[i + 3].text, view.lang):
        i += 2  # "в сообщении в Telegram-канале ГПК": the issuer's own channel, then the issuer
    j = i + 2
    if not any(_opens_issuer(view, x) for x in range(j, min(j + 2, len(toks)))):
        return None  # "czytamy w komunikacie opublikowanym na Twitterze": how it was published, no issuer
    while j < len(toks) and j - i - 2 < limit and is_word(toks[j]) and toks[j].text.lower() not in view.table.that:
        j += 1
    return (i + 2, j) if j > i + 2 and any(t.text[:1].isupper() for t in toks[i + 2:j]) else None


def _opens_issuer(view: SentenceView, x: int) -> bool:
    """Can token x open the name of who issued a document: a capital, a registry name, or a title or
    office noun ("заявлении МИД", "komunikacie Kancelarii", "заявлении пресс-службы Кремля")?"""
    t = view.toks[x]
    return (t.text[:1].isupper() or t.start in view.body_starts or t.start in view.mention_starts
            or is_title_word(t.text, view.lang) or is_anaphor(t.text.lower(), view.lang) or t.text.lower() in owner_office_nouns(view.lang))


def document_issuer_after(view: SentenceView, k: int, i: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range of who issued the document a document cue k names after it ('"…," read a statement
    from his office', cues.yaml `document_cues`, `document_issuers`), or None."""
    toks, table = view.toks, view.table
    if table.document_cues is None or table.source_nouns is None or not table.document_issuers \
            or not table.document_cues.fullmatch(toks[k].text.lower()):
        return None
    noun = next((x for x in range(i, min(i + 3, len(toks))) if table.source_nouns.fullmatch(toks[x].text.lower())), None)
    if noun is None or noun + 2 >= len(toks) or toks[noun + 1].text.lower() not in table.document_issuers:
        return None
    j = noun + 2
    while j < len(toks) and j - noun - 2 < limit and (is_word(toks[j]) or toks[j].text in ("'s", "’s")) \
            and toks[j].text.lower() not in table.that:
        j += 1
    return (noun + 2, j) if j > noun + 2 else None


WORDS_NOUN_REACH = 4  # "приводит телеканал «Россия 24» слова": words between the verb and "слова"


def quoted_object(view: SentenceView, lo: int, hi: int) -> tuple[int, int] | None:
    """Token range of the object pronoun of a quoting verb in tokens lo..hi ("цитирует его", "quoted
    him as saying"), or of the one whose words a medium gives ("приводит телеканал слова Пескова",
    "приводит его слова"): the one quoted, who spoke; None when there is none."""
    toks, table = view.toks, view.table
    for q in range(lo, min(hi, len(toks) - 1)):
        low = toks[q].text.lower()
        if table.quoting is not None and table.quoting.fullmatch(low) and toks[q + 1].text.lower() in table.quoted_objects:
            return q + 1, q + 2
        if table.words_verbs is not None and table.words_verbs.fullmatch(low):
            noun = next((x for x in range(q + 1, min(q + 1 + WORDS_NOUN_REACH, len(toks)))
                         if toks[x].text.lower() in table.words_nouns), None)
            if noun is None:
                continue
            if toks[noun - 1].text.lower() in table.quoted_objects:
                return noun - 1, noun  # "приводит его слова ТАСС"
            owner = speaker_after(view, noun + 1, limit=8)
            if owner is not None and owner[0] == noun + 1:
                return owner
            if noun + 1 < len(toks) and is_anaphor(toks[noun + 1].text.lower(), view.lang):
                return _title_chain(view, noun + 1)  # "приводит агентство слова президента": the title's holder
    return None


def _title_chain(view: SentenceView, x: int) -> tuple[int, int]:
    """Token range of a bare title in an oblique case and the genitive words after it ("слова
    президента", "слова главы МИД Белоруссии"), up to a preposition or the sentence's end."""
    toks = view.toks
    end = x + 1
    while (end < len(toks) and end - x < TITLE_WORDS and is_word(toks[end])
           and toks[end].text.lower() not in view.prepositions and toks[end].text.lower() not in view.table.that):
        end += 1
    return x, end


def body_after(view: SentenceView, k: int, i: int, limit: int = 6) -> tuple[int, int] | None:
    """Token range of the body an impersonal plural cue at k was said in, right after it ("…, сообщили
    в Минобороны РФ", "— информировали в кабмине Армении"), preposition included as in the
    pre-position "В Кремле заявили"; None unless the registry knows an actor named there (not "в
    понедельник", "в Telegram")."""
    toks, table = view.toks, view.table
    if not table.locative_source or i + 1 >= len(toks) or toks[i].text.lower() not in table.locative_source:
        return None
    if gender_from_verb(toks[k].text, table) != "p" and "Number=Plur" not in toks[k].morph:
        return None  # "заявил в интервью": a person's cue; the place is an adjunct
    j = _phrase_end(view, i + 1, limit)  # "в Минобороны России во время брифинга": ends before the next adjunct
    if not any(t.start in view.mention_starts or is_home_body_word(t.text, view.lang)
               or is_body_anaphor(t.text, view.lang) for t in toks[i + 1:j]):
        # "poinformowali w sobotę w Warszawie …": a day, not a body ("— добавили в МИД" is one, and
        # "— отметили в ведомстве" the body that spoke before)
        return None
    return i, j



def registered_after(view: SentenceView, i: int, limit: int = 4) -> tuple[int, int] | None:
    """Token range of a body the registry knows, named in lower case right after the cue
    ("– poinformowała straż graniczna.", "— сообщила прокуратура"): its words up to punctuation, a
    complementiser or a preposition; None when no registry mention starts at token i."""
    toks = view.toks
    preps, first = speaker_words(view.lang).prepositions, i
    while i - first < ADJUNCT_WORDS and i < len(toks):
        # the cue's adjuncts first: "— заявила 17 февраля пресс-служба…", "— сообщила в пятницу прокуратура"
        if (dated := date_words(view, i)):
            i += dated
        elif i + 1 < len(toks) and toks[i].text.lower() in preps and is_word(toks[i + 1]) \
                and toks[i + 1].start not in view.body_starts and toks[i + 1].start not in view.mention_starts:
            i += 2
        else:
            break
    if i + 1 < len(toks) and toks[i + 1].start in view.body_starts and toks[i].text[:1].islower() \
            and (is_title_word(toks[i].text, view.lang) or toks[i].text.lower() in owner_office_nouns(view.lang)):
        # "— заявила пресс-служба министерства иностранных дел Белоруссии": the body's office or officer
        # before its name; the body speaks through them
        return i, _phrase_end(view, i + 2, limit + 3)
    if i >= len(toks) or toks[i].start not in view.body_starts or not toks[i].text[:1].islower():
        return None
    return i, _phrase_end(view, i + 1, limit - 1)


def _phrase_end(view: SentenceView, j: int, most: int) -> int:
    """Where a name's words that start at token j end: after at most `most` words, before punctuation,
    a complementiser or a preposition (the next adjunct)."""
    toks, that, preps = view.toks, view.table.that, view.prepositions
    start = j
    while j < len(toks) and j - start < most and is_word(toks[j]) and toks[j].text.lower() not in that \
            and toks[j].text.lower() not in preps:
        j += 1
    return j


def _name_after(toks: Sequence[Token], i: int, most: int = 3) -> int | None:
    """Where a name of two capitalised words starts after at most `most` lowercase words from token i
    ("обороне Андрей Картаполов", "международным делам Сергей Цеков"; not "телефону Блинкену"), or None."""
    x = i
    while x < len(toks) and x - i < most and toks[x].text[:1].islower() and toks[x].text.isalpha():
        x += 1
    if x > i and x + 1 < len(toks) and all(t.text[:1].isupper() and t.text.isalpha() and not t.text.isupper()
                                           for t in toks[x:x + 2]):
        return x
    return None


def _bracketed_short_name(toks: Sequence[Token], x: int) -> bool:
    """Is token x a bracket around one word ("(PPA)", "(VSAT)"): a body's short name inside a title?"""
    o = x if toks[x].text == "(" else x - 2
    return 0 <= o and toks[o].text == "(" and _short_bracket_end(toks, o, most=1) == o + 2


REMIT_WORDS = 6  # at most this many lowercase words of a title's remit before the name closing it
SHORT_BRACKET_WORDS = 3  # at most this many words in a body's name bracketed inside a title


def _short_bracket_end(toks: Sequence[Token], x: int, most: int = SHORT_BRACKET_WORDS) -> int | None:
    """Index of the ")" closing a bracket opened at toks[x] around one to `most` words ("(PPA)",
    "(Совета республики)"), or None."""
    for y in range(x + 1, min(x + 2 + most, len(toks))):
        if toks[y].text == ")":
            return y if y > x + 1 else None
        if not is_word(toks[y]):
            return None
    return None


GLOSS_TOKENS = 6  # at most this many tokens in a bracketed gloss an adjunct may carry


def _gloss_end(toks: Sequence[Token], x: int) -> int | None:
    """Index of the ")" closing the short bracketed gloss opened at toks[x] ("(woj. mazowieckie)"), or None."""
    for y in range(x + 1, min(x + 2 + GLOSS_TOKENS, len(toks))):
        if toks[y].text == ")":
            return y if y > x + 1 else None
        if toks[y].text == "(":
            return None
    return None


HYPHENS = ("-", "\u2010", "\u2011")


def _hyphen_compound_end(toks: Sequence[Token], x: int) -> int | None:
    """The index after a hyphenated compound in lower case or digits that starts at token x ("15-year-old",
    "long-serving": words joined by hyphens with no space), or None when none starts there."""
    y = x
    while (y + 2 < len(toks) and toks[y + 1].text in HYPHENS and toks[y + 1].start == toks[y].end
           and toks[y + 2].start == toks[y + 1].end and is_word(toks[y + 2])):
        y += 2
    if y == x or not is_word(toks[x]) or any(toks[z].text[:1].isupper() for z in range(x, y + 1, 2)):
        return None
    return y + 1


DATE_WORDS = 3  # the longest date ("20 июня 2022") read between a cue verb and its phrase's word


def date_words(view: SentenceView, j: int, back: bool = False) -> int:
    """How many tokens from j on (`back`: ending at j) are a date: day numbers, years and month names
    ("20 июня", "November 19")."""
    months = month_words(view.lang)
    step = -1 if back else 1
    x = j
    while 0 <= x < len(view.toks) and abs(x - j) < DATE_WORDS \
            and (view.toks[x].text.isdigit() or view.toks[x].text.casefold() in months):
        x += step
    run = range(x + 1, j + 1) if back else range(j, x)
    return len(run) if any(view.toks[y].text.casefold() in months for y in run) else 0


DESCRIPTION_WORDS = 3  # lower-case words of an occupation before its apposition ("sejsmolog, wykładowca w …")
APPOSITION_WORDS = 14  # words of the apposition that ends in the person's name


def described_name_after(view: SentenceView, i: int) -> tuple[int, int] | None:
    """Token range of the name ending an apposition after an occupation in lower case, right after a
    cue and its adjuncts ("– powiedział sejsmolog, wykładowca w szwedzkiej Narodowej Sieci Sejsmicznej
    SNSN Bjorn Lund, cytowany…"): two or three capitalised words (no acronym) right before the apposition's comma or
    the sentence's end; None when the words after the cue run otherwise."""
    toks = view.toks
    preps = speaker_words(view.lang).prepositions
    # adjuncts of the cue first: "– mówił w TVN24 w piątek franciszkanin, brat Jan Nowak, …"
    first = i
    while i + 1 < len(toks) and i - first < ADJUNCT_WORDS and toks[i].text.lower() in preps and is_word(toks[i + 1]):
        i += 2
    x = i
    while x < len(toks) and x - i < DESCRIPTION_WORDS and is_word(toks[x]) and toks[x].text[:1].islower():
        x += 1
    if x == i or x >= len(toks) or toks[x].text != ",":
        return None
    end = next((y for y in range(x + 1, min(len(toks), x + 1 + APPOSITION_WORDS))
                if toks[y].text in (",", ".", "!", "?", ";")), None)
    if end is None:
        return None
    start = end
    while start > x + 1 and end - start < 3 and is_word(toks[start - 1]) and toks[start - 1].text[:1].isupper() \
            and not is_acronym(toks[start - 1].text):
        start -= 1
    return (start, end) if end - start >= 2 else None


def speaker_after(view: SentenceView, i: int, limit: int = 9) -> tuple[int, int] | None:
    """Token range of an inverted speaker right after the cue ("said Lavrov", "заявил Песков")."""
    toks = view.toks
    # skip adverbials before the name ("powiedział we wtorek minister X", "poinformował w sobotę
    # rano w mediach społecznościowych prezydent X")
    after_preposition = False
    medium_name: tuple[int, int] = (-1, -1)  # a quoted medium's name inside the adjunct
    medium_cap = -1  # the last capitalised word of a medium's unquoted name ("w Radiu Zet", "radiu RMF FM")
    titled = False  # a title word was seen among the words before the name
    gloss_end, glossed = -1, 0  # the author's bracketed gloss in the adjunct, and its length in tokens
    compound_end = -1  # the last token of a hyphenated modifier ("said 15-year-old Sofia X")
    for x in range(i, min(i + ADJUNCT_WORDS + TITLE_WORDS + 4 + glossed, len(toks))):
        if x <= medium_name[1] or x <= gloss_end or x <= compound_end:
            continue
        if toks[x].text == "," and x > i and (dated := date_words(view, x + 1)) \
                and x + 1 + dated < len(toks) and toks[x + 1 + dated].text == ",":
            # "сделал в понедельник, 23 октября, пресс-секретарь X": the day's date set off by commas
            gloss_end, glossed = x + 1 + dated, glossed + dated + 2
            continue
        if (after := _hyphen_compound_end(toks, x)) is not None:
            compound_end = after - 1  # "15-year-old", "long-serving": a modifier before the name, not its end
            continue
        if toks[x].text == "(" and x > i and not _bracketed_short_name(toks, x) \
                and (close := _gloss_end(toks, x)) is not None:
            # "– oświadczył w środę w Kałuszynie (woj. mazowieckie) minister X": the place's gloss
            gloss_end, glossed = close, glossed + close - x + 1
            continue
        if x > i and toks[x].text[:1].isupper() and name_like(view, x) and (
                (x - 1 == medium_cap and toks[x].text.isupper()) or is_media_word(toks[x - 1].text, view.lang)):
            medium_cap = x  # "– powiedział w Radiu Zet.", "dla telewizji Polsat": the medium, not a speaker
            after_preposition = True
            continue
        channel = x > i and toks[x - 1].text.lower() in speaker_words(view.lang).channel_prepositions
        if toks[x].text in QUOTE_MARKS and (closing := quoted_medium(view, x, bare=x == i or channel)) is not None:
            medium_name = (x, closing)  # "в эфире телеканала «Россия 24» политолог X": part of the adjunct
            after_preposition = True
            continue
        if is_title_word(toks[x].text, view.lang):
            titled = True
        # a title's words ("заместитель министра иностранных дел России") are the speaker's, no adjunct
        if x - i >= ADJUNCT_WORDS + (medium_name[1] - medium_name[0] + 1 if medium_name[0] >= 0 else 0) \
                + (TITLE_WORDS if titled else 0) + glossed:
            break
        if name_like(view, x) and x > i and (toks[x - 1].text.lower() in view.prepositions
                                             or (view.has_parse and toks[x].dep in ("pobj", "obl", "nmod"))):
            after_preposition = True  # "podczas wiecu w Bogatyni", "na Twitterze": a place or medium
            if toks[x].text.isupper() and len(toks[x].text) > 1:
                medium_cap = x  # "w RMF FM": an acronym's name goes on in capitals
            continue
        if after_preposition and name_like(view, x) and toks[x].dep.startswith("flat") and toks[x].head == toks[x - 1].i:
            continue  # "со ссылкой на Сергея Лебедева": the rest of the name after the preposition
        if (name_like(view, x) and x + 1 < len(toks) and toks[x + 1].text[:1].islower()
                and is_title_word(toks[x + 1].text, view.lang)
                and name_problem(toks[x].text, view.lang) == AGENCY):
            continue  # "powiedział PAP rzecznik … Andrzej Fijołek": the agency told, the title's holder speaks
        if name_like(view, x):
            after_preposition = False
            # keep an article and adjectives before the name: "said a senior NATO official"
            det = next((y for y in range(i, x) if toks[y].pos == "DET"), None)
            i = det if det is not None and all(toks[y].pos in ("DET", "ADJ", "NOUN", "PROPN") for y in range(det, x)) else x
            break
        if toks[x].text in ("(", ")") and _bracketed_short_name(toks, x):
            continue  # "szef policji i straży granicznej (PPA) Estonii Egert Belitsev": a title's bracket
        if not is_word(toks[x]) or toks[x].text.lower() in view.table.that:
            break
    if after_preposition:
        return None  # only an adjunct follows the cue ("– powiedział podczas wiecu w Bogatyni.")
    j = i
    seen_cap = False
    tail = 0
    glue = _name_glue(view.lang)
    while j < len(toks) and j - i < limit:
        t = toks[j]
        if t.text == "(" and (close := _short_bracket_end(toks, j)) is not None and close + 1 < len(toks) and (
                toks[close + 1].text[:1].isupper()
                or (seen_cap and toks[close + 1].text.lower() in speaker_words(view.lang).remit_prepositions
                    and _name_after(toks, close + 2, REMIT_WORDS) is not None)):
            # "szef policji i straży granicznej (PPA) Estonii Egert Belitsev", "председатель комиссии
            # парламента Белоруссии (Совета республики) по международным делам X": the body's short
            # name in brackets, inside the title
            limit += close + 1 - j
            j = close + 1
            continue
        if not is_word(t) and t.text not in ("'s", "’s", ".", "-"):
            break
        low = t.text.lower()
        if low in view.table.that or low in view.table.audience:
            break
        if t.text in ("-", ".", "'s", "’s"):
            if not seen_cap:
                break  # "– odpowiedział -To jest…": a dash before a capital starts a new sentence
            j += 1
            continue
        if t.text[:1].isupper() or t.pos == "PROPN":
            seen_cap = True
        elif (seen_cap and low in glue and j + 1 < len(toks)
              and (toks[j + 1].text[:1].isupper() or toks[j + 1].text.lower() in glue)):
            pass  # "says Minister of the Interior Mari Rantanen", "mówiła Ursula von der Leyen": the name goes on
        elif (is_title_word(low, view.lang) and j + 1 < len(toks)
              and toks[j + 1].text[:1].isupper()):
            # "rzeczniczka Komendy Głównej SG por. Anna Nowak": a rank before the name goes on, also after
            # a title's long genitive chain ("dowódca białoruskich sił obrony powietrznej płk Andrej X")
            pass
        elif (seen_cap and j > i and toks[j - 1].text.isupper() and (x := _name_after(toks, j)) is not None
              and any(is_title_word(w.text, view.lang) for w in toks[j:x])):
            j = x  # "warned EU diplomatic chief Josep Borrell": a body's acronym, its title, then the name
            continue
        elif seen_cap and low in speaker_words(view.lang).remit_prepositions \
                and (x := _name_after(toks, j + 1, REMIT_WORDS)):
            # "заявил глава комитета Госдумы по обороне Андрей Картаполов": the remit, then the name
            # ("по международным делам и национальной безопасности Сергей Рачков": all of it)
            limit = max(limit, x - i + 3)
            j = x
            continue
        elif seen_cap and view.has_parse and "Case=Gen" in (t.morph or "") \
                and toks[i].i <= t.head < t.i + 2 and t.head != t.i:
            pass  # "заявил Совет безопасности Белоруссии": the genitive the body's head governs goes on
        elif seen_cap and low not in view.anaphors:
            break  # "said Lavrov in an interview": a lowercase word after the name ends it
        elif t.pos in ("ADP", "ADV") and not seen_cap:
            break
        elif not seen_cap and low not in view.anaphors:
            tail += 1  # "rzecznik ministra koordynatora…": a title's genitive chain
            if tail > 4:
                break
        j += 1
    if j - i >= limit and seen_cap:
        # the limit fell inside a name ("said Deputy Foreign Minister of the Republic of Ruritania
        # Ivan Petrovsky"): a capitalised run is finished, never cut before its surname
        extra = 0
        while (j < len(toks) and extra < 4 and is_word(toks[j]) and toks[j].text[:1].isupper()
               and toks[j - 1].text[:1].isupper()):
            j += 1
            extra += 1
    while j > i and not is_word(toks[j - 1]):
        j -= 1
    if j > i and (seen_cap or any(toks[x].text.lower() in view.anaphors or toks[x].text.lower() in view.table.pronouns
                                   for x in range(i, j))):
        if (j < len(toks) and is_word(toks[j]) and toks[j].text.lower() not in view.prepositions
                and name_problem(view.text[toks[i].start:toks[j - 1].end], view.lang) == AGENCY):
            # "сообщил РИА Новости координатор Сергей Лебедев", "сказал в интервью РИА Новости
            # замглавы МИД X": the agency is told; the one after it speaks (not "czytamy na kanale PAP
            # w serwisie X": a medium, then a place)
            return speaker_after(view, j, limit) or (i, j)
        return name_in_apposition(view, i, j) or name_closing_title(view, i, j) or (i, j)
    return None


TITLE_TAIL_WORDS = 12  # words of a title's prepositional tail before the name that closes it


def name_closing_title(view: SentenceView, i: int, j: int) -> tuple[int, int] | None:
    """"сообщил глава бюро контроля [по правам человека при Семе Литвы Витаутас Валентинавичюс],
    который…", "заявила представитель Управления … ООН [в Польше Кристин Гойер в пятницу]": a title
    opened by a lower-case title word and cut at a preposition, whose tail runs on to a name of two or
    three capitalised words (after the last place or body it names, before the clause's end or a
    preposition): the title with its tail to that name, else None."""
    toks = view.toks
    words = [toks[x] for x in range(i, j) if is_word(toks[x])]
    if not words or not words[0].text[:1].islower() or not is_title_word(words[0].text, view.lang):
        return None
    # (a rank's abbreviation, "kom.", "st. asp.", goes on with the title: its full stop ends nothing)
    end = next((y for y in range(j, min(len(toks), j + TITLE_TAIL_WORDS + 1))
                if not is_word(toks[y]) and not _rank_stop(view, y)), min(len(toks), j + TITLE_TAIL_WORDS))
    best = None
    x = j
    while x < end:
        y = x
        while y < end and _name_word(view, toks[y]):
            y += 1
        if 2 <= y - x <= 3 and (y == end or toks[y].text.lower() in view.prepositions) \
                and not any(oblique_name(toks[z].text, view.lang) for z in range(x, y)):
            best = (x, y)
        x = y + 1 if y == x else y
    if best is None or any(is_title_word(toks[z].text, view.lang) for z in range(j, _rank_start(view, best[0]))):
        return None  # "премьер Польши на встрече с президентом Литвы Гитанасом Науседой": another title's name
    return i, best[1]


def _rank_stop(view: SentenceView, y: int) -> bool:
    """Is token y a rank's abbreviation with its full stop ("kom.", "st.", "asp.") right before a capital
    or another rank ("kom. Andrzej", "st. asp. Tomasz")?"""
    toks = view.toks
    word = toks[y].text
    return (len(word) > 1 and word.endswith(".") and is_title_word(word[:-1], view.lang) and y + 1 < len(toks)
            and (toks[y + 1].text[:1].isupper() or _rank_stop(view, y + 1)))


def _rank_start(view: SentenceView, x: int) -> int:
    """Where the ranks written right before token x start ("kom. Andrzej": at "kom.")."""
    while x >= 1 and _rank_stop(view, x - 1):
        x -= 1
    return x


def _name_word(view: SentenceView, t: Token) -> bool:
    """Could the token be a word of a person's name in a title's tail: capitalised, no acronym, no
    title or common word, no place or body the mentions found?"""
    return (is_word(t) and t.text[:1].isupper() and not is_acronym(t.text) and not is_title_word(t.text, view.lang)
            and not common_word(t.text, view.lang) and t.start not in view.place_starts and t.start not in view.body_starts)


def name_in_apposition(view: SentenceView, i: int, j: int) -> tuple[int, int] | None:
    """"said the interior minister, Jan Kowal.", "powiedział rzecznik resortu, Jan Nowak": a title
    in lower case, then a comma and a run of two to four capitalised words that ends the sentence or
    the clause: that run names who speaks."""
    toks = view.toks
    if all(toks[x].text[:1].isupper() for x in range(i, j) if is_word(toks[x])):
        return None  # a name already ("said Lavrov, Russia's foreign minister")
    while j < len(toks) and j - i < 9 and is_word(toks[j]):
        j += 1  # the title's tail: "the head of the Interior"
    if j < len(toks) and toks[j].text == "(" and _bracketed_short_name(toks, j):
        j += 3  # the body's short name in brackets: "the chief of the Border Guard Service (VSAT), X"
    if j >= len(toks) or toks[j].text != ",":
        return None
    k = j + 1
    while k < len(toks) and k - j <= 4 and is_word(toks[k]) and toks[k].text[:1].isupper():
        k += 1
    if not 2 <= k - j - 1 <= 4 or (k < len(toks) and toks[k].text not in (".", ",", "!", "?", "…")):
        return None
    return j + 1, k


MEDIUM_NAME_WORDS = 5  # the longest quoted name of a medium ("«Комсомольская правда»")


def quoted_channel_name(text: str, a: int, b: int, lang: str) -> bool:
    """Is the quotation text[a:b] a short capitalised name right after a channel's preposition
    (speakers.yaml `channel_prepositions`: "сообщил в "Фейсбуке"", "napisał na „Twitterze”")? It
    names where something was said; the words said are elsewhere."""
    inner = text[a + 1:b - 1].split()
    if not inner or len(inner) > MEDIUM_NAME_WORDS or not inner[0][:1].isupper() or inner[-1][-1:] in ".!?…":
        return False
    before = text[max(0, a - 12):a].split()
    return bool(before) and before[-1].lower() in speaker_words(lang).channel_prepositions


def quoted_medium(view: SentenceView, q: int, back: bool = False, bare: bool = False) -> int | None:
    """The other quotation mark of a short quoted name after a medium noun ("телеканал «Россия 24»",
    "portal „Rzeczpospolita”"): `q` is the opening mark (or, with `back`, the closing one); None when
    the quotation is no such name. `bare`: no medium noun is needed (a quoted name right after a
    cue is the outlet spoken to: "– tłumaczy „Wyborczej” analityk X", "сказал «Известиям» министр")."""
    toks = view.toks
    step = -1 if back else 1
    x = q + step
    while 0 <= x < len(toks) and abs(x - q) <= MEDIUM_NAME_WORDS + 1:
        if toks[x].text in QUOTE_MARKS:
            opening = x if back else q
            inner = toks[opening + 1:(q if back else x)]
            if inner and inner[0].text[:1].isupper() and opening > 0 \
                    and (bare or is_media_word(toks[opening - 1].text, view.lang)
                         or toks[opening - 1].text.lower() in speaker_words(view.lang).agencies):
                return x  # also an agency's name and its quoted part: "РИА «Новости»"
            return None
        if not (is_word(toks[x]) or toks[x].text in ("-", ".")):
            return None
        x += step
    return None


def name_like(view: SentenceView, x: int) -> bool:
    """Could token x start a speaker phrase: a name, a title word, a pronoun or an actor mention?"""
    t = view.toks[x]
    low = t.text.lower()
    if (t.start in view.mention_starts or low in view.anaphors or low in view.table.pronouns or t.pos == "PROPN"
            or is_anaphor(low, view.lang)):
        return True
    if not t.text[:1].isupper():
        # "Pod koniec tygodnia rząd Iraku przekazał": with no parse, a word for a state's own voice
        # before the state's name starts the subject, in lower case after an adjunct
        return (not view.has_parse and x + 1 < len(view.toks) and view.toks[x + 1].start in view.place_starts
                and state_voice(t.text, view.lang) and may_be_nominative(t.text, view.lang))
    if _acronym_token(t):
        return True  # "ISS poinformowała": an acronym is a name wherever it stands
    if x == 0 or view.toks[x - 1].text in QUOTE_MARKS or t.start == view.start:
        # a capital at the start of a sentence proves nothing unless a capital follows
        return x + 1 < len(view.toks) and view.toks[x + 1].text[:1].isupper()
    return True


def _acronym_token(t: Token) -> bool:
    """An acronym of two to six letters ("ISS", "MSZ"); the morphology may read one as an oblique
    form of a word ("ISS": a place's genitive), but it is a name."""
    return len(t.text) <= 6 and t.text.isalpha() and is_acronym(t.text)


def _bracket_open(toks: Sequence[Token], close: int, most: int = 3) -> int | None:
    """The "(" of a short bracket of capitalised words closing at token `close` ("(GPK)", "(ГПК)"), or None."""
    for x in range(close - 1, max(close - most - 2, -1), -1):
        if toks[x].text == "(":
            return x if x < close - 1 else None
        if not toks[x].text[:1].isupper():
            return None
    return None


def apposition_opens(toks: list[Token], x: int, end: int) -> bool:
    """Does an apposition open at token x: a word in lower case ("a deputy foreign minister"), or a
    state's possessive before one ("Austria's chancellor": the parse's case particle marks it)?"""
    if toks[x].text[:1].islower():
        return True
    return x + 2 < min(end, len(toks)) and toks[x + 1].dep == "case" and toks[x + 1].pos == "PART" \
        and toks[x + 2].text[:1].islower()


def named_before_apposition(view: SentenceView, sep: int, back: list[int], most: int = 4,
                            clause_before: int = 3) -> int | None:
    """Index of the first word of a name set off by commas before an apposition and the cue ("…, Jan
    Kowal, a deputy foreign minister, has stated"): the apposition opens in lower case, the name is a
    run of two to four capitalised words, and a clause of `clause_before` words or more stands before it
    (a fronted adjunct is enough for a cue after the apposition: "In a message to Reuters, X, an adviser, said")."""
    toks = view.toks
    if toks[sep].text == "," and view.has_parse and all(toks[x].pos == "AUX" for x in back):
        # "…, Jan Kowal, a deputy foreign minister, has stated": the apposition closes with a comma too
        opening = next((x for x in range(sep - 1, max(0, sep - 9), -1) if toks[x].text == ","), None)
        if opening is None or opening + 1 >= sep:
            return None
        back, sep = list(range(opening + 1, sep)), opening
    if toks[sep].text != "," or not back or not apposition_opens(toks, min(back), max(back) + 1):
        return None
    first = sep
    while first > 0 and sep - first < most + 1 and is_word(toks[first - 1]) and toks[first - 1].text[:1].isupper():
        first -= 1
    if not 2 <= sep - first <= most or first < 1 or toks[first - 1].text != ",":
        return None
    if not all(name_like(view, x) for x in range(first, sep)) or word_count(view, 0, first - 1) < clause_before:
        return None
    return first


def _second_verb_of_clause(view: SentenceView, k: int) -> bool:
    """Is cue k a second verb coordinated with a verb earlier in its clause ("informowała o X i
    ostrzegała", "nawiązał do rozmieszczenia wojsk na granicy z Ukrainą i wezwał"): a coordinator (cues.yaml
    `claim_continuers`) right before it, a speech verb or another finite verb (the tagger's VERB) before
    that, and no clause break between them? Read on the surface, for a language with no parse."""
    toks = view.toks
    if k < 2 or toks[k - 1].text.lower() not in view.table.claim_continuers:
        return False
    for x in range(k - 2, -1, -1):
        if toks[x].text in CLAUSE_BREAK or toks[x].text in QUOTE_MARKS:
            return False
        if toks[x].pos == "VERB" or cue_strength(toks[x], toks[x + 1], view.table, view.has_parse) == "speech":
            return True
    return False


DASH_ASIDE_WORDS = 24  # the longest aside set off by dashes between a subject and its cue


def speaker_before(view: SentenceView, k: int, limit: int = 12) -> tuple[int, int] | None:
    """Token range of the subject right before a cue, found on the surface."""
    toks = view.toks
    j = k - 1
    if not view.has_parse and _second_verb_of_clause(view, k):
        return None  # "ERR informowała o zakłóceniach w regionie Morza Bałtyckiego i ostrzegała": no subject of its own
    # adverbs between subject and cue: "he also said", "Lavrov further added", "on też dodał"
    while j >= 0 and (toks[j].pos in ("ADV", "AUX", "PART") or toks[j].text.lower() in view.table.subject_adverbs):
        j -= 1
    # "Лукашенко 19 ноября сообщил", "…, 19 ноября сообщила пресс-служба Кремля": the day's date stands
    # between the subject and the cue; it is never the subject itself
    j -= date_words(view, j, back=True)
    if j < 0:
        return None
    if toks[j].text == "," and view.has_parse and (first := named_before_apposition(view, j, [], clause_before=1)) is not None:
        # "In a message to Reuters, Mykhailo Podolyak, a Ukrainian adviser…, said": the parser hung the
        # name on the adjunct's noun; the name set off before the apposition is the subject
        return first, next(x for x in range(first, j) if toks[x].text == ",")
    if j >= 2 and toks[j].text == ")" and (o := _bracket_open(toks, j)) is not None and o > 0 and name_like(view, o - 1):
        j = o - 1  # "Państwowy Komitet Graniczny (GPK) zarzucił": the acronym in brackets qualifies the name
    if j >= 2 and toks[j].text in DASHES and not view.has_parse:
        # "Zełenskiego, który - występując w debacie … w Nowym Jorku - powiedział": the dashes set off an
        # aside; the subject stands before it
        opening = next((x for x in range(j - 1, max(-1, j - DASH_ASIDE_WORDS), -1) if toks[x].text in DASHES), None)
        if opening is not None and opening > 0:
            j = opening - 1
    end = j + 1
    while j >= 0 and end - j <= limit:
        t = toks[j]
        if t.text in QUOTE_MARKS and (opening := quoted_medium(view, j, back=True)) is not None:
            j = opening - 1  # "Телеканал «Россия 24» сообщил": the medium's quoted name is in the subject
            continue
        if t.text == ")" and j < end - 1 and _bracketed_short_name(toks, j) and j >= 3 and is_word(toks[j - 3]):
            j -= 3  # "Министерство иностранных дел (МИД) Белоруссии назвало": an acronym inside the subject
            continue
        if t.text in CLAUSE_BREAK or t.text in QUOTE_MARKS or t.text.lower() in view.table.that:
            break
        j -= 1
    a = j + 1
    if end <= a:
        return None
    # keep the trailing noun phrase: capitalised run plus the title words before it
    first_cap = None
    for x in range(a, end):
        if name_like(view, x) and (view.has_parse or toks[x].start not in view.place_starts
                                   or not oblique_place_name(toks[x].text, view.lang)):
            # with no parse, a state named in an oblique case is a complement, no subject ("W sprawie
            # sankcji wobec Rosji powiedział", "Pytany o reakcję Polski powiedział": no one named); a
            # body in one may still be where it was said ("W Ministerstwie … poinformowano")
            first_cap = x
            break
    if first_cap is None:
        return (a, end) if view.has_parse else None
    if not view.has_parse and not any(may_be_nominative(toks[x].text, view.lang) or _acronym_token(toks[x])
                                       for x in range(first_cap, end) if is_word(toks[x])):
        return None  # "spotkania z rosyjskim dyplomatą podaje RMF FM": no word of it can be a subject
    if not view.has_parse and first_cap > 0 and toks[first_cap - 1].text.lower() in view.prepositions \
            and name_problem(view.text[toks[first_cap].start:toks[end - 1].end], view.lang) == AGENCY:
        return None  # "w rozmowie z PAP wskazywał": the agency spoken to, no subject
    return first_cap, end
