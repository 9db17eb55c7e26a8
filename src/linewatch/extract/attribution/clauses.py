"""Clause and phrase checks over one parsed sentence that the cue-shape finders of `rules` share.

Each answers one question about a sentence's tokens around a cue ("is this phrase the cue's own
adjunct?", "is this verb coordinated with the cue?", "do these words only say when?"), from the
dependency parse where there is one and from the surface (quotes, dashes, commas, capitals)
otherwise. The words they need come from the language's data files through `CueTable` and the
lexicon; none is written here.
"""
from __future__ import annotations

from functools import cache

from linewatch.extract.attribution.base import (
    CLOSE_QUOTES,
    DASHES,
    OPEN_QUOTES,
    QUOTE_MARKS,
    SentenceView,
    cue_strength,
    is_active_participle,
    is_word,
    strip_quotes,
    subtree,
    word_count,
)
from linewatch.extract.attribution.cues import CueTable
from linewatch.extract.attribution.speaker import AGENCY, is_media_word, name_problem, speaker_words
from linewatch.extract.dates import month_words
from linewatch.lexicon import calendar_forms, lexicon
from linewatch.nlp.doc import Token


def author_aside(view: SentenceView, k: int) -> int | None:
    """Index of the dash that closes the author's aside around the cue k inside a quotation
    («A, — сказал X. — B», „A – mówi X – B”), or None: the cue is then the quoted speaker's own.
    Typography sets the author's words inside a quotation off by dashes on both sides."""
    toks = view.toks
    q = view.in_quote(toks[k].start, toks[k].end)
    if q is None or k < 3 or toks[k - 1].text not in DASHES:
        return None
    if not any(t.start > q[0] and is_word(t) for t in toks[:k - 1]):
        return None
    for x in range(k + 1, min(k + 16, len(toks))):
        if toks[x].start >= q[1] - 1:
            return None  # the quotation closes first: the cue was the quoted speaker's own
        if toks[x].text in DASHES and x + 1 < len(toks) and is_word(toks[x + 1]):
            return x
    return None


def medium_follows(view: SentenceView, i: int) -> bool:
    """Do the few words after a cue from token i name a medium or an agency as its subject ("сообщают
    местные СМИ", "the local press reported")?"""
    toks = view.toks
    words = [t for t in toks[i:] if is_word(t)]
    if not words or len(words) > 4:
        return False
    if not view.has_parse:
        # no parse to name the subject: the words to the sentence's end are only the medium ("– przypomina dpa.")
        return all(is_media_word(t.text, view.lang) or name_problem(t.text, view.lang) == AGENCY for t in words)
    # the medium is the cue's subject: not "– mówi Telewizji X" (told the medium), not "отметил
    # собеседник издания" (a person the medium spoke to)
    subjects = [t for t in words if t.dep.startswith("nsubj")]
    return any(is_media_word(t.text, view.lang) or name_problem(t.text, view.lang) == AGENCY for t in subjects)


def named_after_quote(view: SentenceView, sep: int, limit: int = 20) -> int | None:
    """Index of the first token of a speaker between a closing quotation and the separator before
    the cue ("'…,' Name, title, said"), or None."""
    toks = view.toks
    if toks[sep].text != ",":
        return None
    for q in range(sep - 1, max(0, sep - limit), -1):
        if toks[q].text in CLOSE_QUOTES:
            first = q + 2 if q + 1 < sep and toks[q + 1].text == "," else q + 1
            words = toks[first:sep]
            if first >= sep or not words[0].text[:1].isupper():
                return None
            if view.has_parse and any(t.pos in ("VERB", "AUX") for t in words):
                return None
            return first
        if toks[q].text in OPEN_QUOTES or toks[q].text in (".", ";", ":"):
            return None
    return None


# At most this many tokens of the cue's own adjuncts before a "that" clause ("said during a press
# conference in the city of Lutsk, located near the border, that…"); more is taken for a misparse.
ADJUNCT_REACH = 24


def name_run(view: SentenceView, i: int, j: int, most: int = 4) -> bool:
    """Are tokens i..j-1 a run of one to `most` capitalised words (a name: "RMF FM", "Jan Kowal")?"""
    words = view.toks[i:j]
    return 0 < len(words) <= most and all(is_word(t) and t.text[:1].isupper() for t in words)


def named_before_participle(view: SentenceView, k: int) -> tuple[int, int] | None:
    """The name right after the cue that a follow-on participle at k goes on from ("podaje RMF FM,
    podkreślając", "said Jan Kowal, adding"): the participle's subject; None when there is none."""
    toks, pat = view.toks, view.table.follow_on
    if pat is None or not pat.fullmatch(toks[k].text.lower()) or k < 3 or toks[k - 1].text != ",":
        return None
    x = k - 2
    while x > 0 and k - 1 - x <= 4 and is_word(toks[x]) and toks[x].text[:1].isupper():
        x -= 1
    if x == k - 2 or not name_run(view, x + 1, k - 1):
        return None
    nxt = toks[x + 1]
    if cue_strength(toks[x], nxt, view.table, view.has_parse) != "speech":
        return None
    return toks[x + 1].start, toks[k - 2].end


def described_act(view: SentenceView, k: int) -> bool:
    """Is the object cue at k a participle describing what someone does ("Russia defending its
    infrastructure", "Kyiv attacking the post"), not a document's words ("a declaration demanding…")?"""
    toks, table = view.toks, view.table
    if not view.has_parse or not is_active_participle(toks[k]):
        return False
    if table.object_cues is None or not table.object_cues.fullmatch(toks[k].text.lower()):
        return False
    if toks[k].dep != "acl":
        # "likely to be Russia defending its infrastructure": a participle with a subject of its own
        # and no finite auxiliary ("is defending" would be one) describes an act
        kids = [t for t in toks if t.head == toks[k].i]
        return any(t.dep == "nsubj" for t in kids) and not any(
            t.pos == "AUX" and "VerbForm=Fin" in t.morph for t in kids)
    # "a declaration demanding that…", "a tweet attacking X": a common noun's words; a name or a state
    # ("Russia defending…") acts
    head = view.index_of(toks[k].head)
    return head is None or toks[head].pos == "PROPN" or toks[head].start in view.place_starts


def quoted_source_name(view: SentenceView, k: int, marker: int) -> bool:
    """Is the quotation opened at `marker`, right after a relaying cue ("reports", `relay` in
    cues.yaml), only a capitalised name of at most four words that ends the sentence ("…, reports
    “European Truth”.")?"""
    toks, relay = view.toks, view.table.relay
    if relay is None or not relay.fullmatch(toks[k].text.lower()) or toks[marker].text not in OPEN_QUOTES:
        return False
    q = view.in_quote(toks[marker].start + 1)
    if q is None or q[0] != toks[marker].start:
        return False
    words = [w for w in toks if q[0] < w.start < q[1] - 1 and is_word(w)]
    after = [t for t in toks if t.start >= q[1] and is_word(t)]
    return 0 < len(words) <= 4 and all(w.text[:1].isupper() for w in words) and not after


def adverbial_clause(view: SentenceView, verb: Token) -> bool:
    """Does the verb head a clause opened by a subordinator other than the reported speech's
    complementiser ("after X claimed…", "when it was…"), by the parse?"""
    if not view.has_parse or verb.pos not in ("VERB", "AUX"):
        return False
    that = view.table.that
    return any(t.head == verb.i and t.dep == "mark" and t.text.lower() not in that for t in view.toks)


def glued_hyphen(view: SentenceView, j: int) -> bool:
    """Is token j a hyphen inside a word ("Secretary-General"), no dash setting a clause off?"""
    t, text = view.toks[j], view.text
    return t.text == "-" and 0 < t.start and t.end < len(text) and not text[t.start - 1].isspace() \
        and not text[t.end].isspace()


def adjunct_of_cue(view: SentenceView, k: int, x: int, sep: int) -> bool:
    """Is the prepositional phrase at token x, after the cue set off by commas, the author's adjunct
    ("…, X has said, in defiance of calls…"), not the rest of an interrupted clause? It is when the
    parse hangs it on the cue, or when the words before the cue already make a clause of their own."""
    toks = view.toks
    if not view.has_parse or x >= len(toks) or toks[x].pos != "ADP":
        return False
    return toks[x].head == toks[k].i or any(t.pos in ("VERB", "AUX") for t in toks[:sep])


def bare_infinitive(view: SentenceView, k: int, comp: Token) -> bool:
    """Is `comp` an infinitive opened by the language's marker ("to build") after a comma that sets
    the cue off, while cue k is no verb that reports with one (it is in `infinitive_cues`: "urged …
    to", "plans to")? "hopes to offset" keeps its infinitive; "has said, in defiance of calls … to
    build" does not."""
    table, toks = view.table, view.toks
    if not table.infinitive or (table.infinitive_cues is not None and table.infinitive_cues.fullmatch(toks[k].text.lower())):
        return False
    left = min(subtree(comp, toks), key=lambda t: t.start)
    return left.text.lower() in table.infinitive and any(
        t.text == "," for t in toks[k + 1:] if t.start < left.start)


def coordinated_cue(view: SentenceView, k: int, y: int) -> int | None:
    """Where the content of cue k ends when token y is a second cue verb coordinated with it outside
    any quotation ("said A and added that B", "said that A but noted that B"): the index of the
    coordinator (or of the comma before it); None otherwise."""
    if coordinated_with(view, y) != k:
        return None
    return y - 2 if view.toks[y - 2].text == "," else y - 1


def coordinated_with(view: SentenceView, y: int) -> int | None:
    """The index of the verb a speech verb at token y is coordinated with ("and added that", "but noted
    that", "и добавил, что": a reported clause of its own follows), outside any quotation; None when
    it is none. Needs the parse (its conj and CCONJ)."""
    toks = view.toks
    if not view.has_parse or y < 2 or toks[y].dep != "conj" or toks[y - 1].pos != "CCONJ":
        return None
    nxt = toks[y + 1] if y + 1 < len(toks) else None
    if cue_strength(toks[y], nxt, view.table, True) != "speech" or view.in_quote(toks[y].start):
        return None
    opener = toks[y + 2] if nxt is not None and nxt.text == "," and y + 2 < len(toks) else nxt
    if opener is None or not (opener.text.lower() in view.table.that or opener.text == ":" or opener.text in OPEN_QUOTES):
        return None  # "called on the EU to share the costs, and suggested a fund": one proposal, said once
    head = view.index_of(toks[y].head)
    if head is None:
        return None
    grand = view.index_of(toks[head].head)
    if toks[head].dep in ("ccomp", "xcomp") and grand is not None \
            and not any(t.head == toks[y].i and t.dep.startswith("nsubj") for t in toks):
        # the parser may hang "added" on the reported clause's verb ("said the border would stay closed
        # and added that…"); with no subject of its own it is still the speaker's second cue
        return grand
    return head


def follow_on_at(view: SentenceView, x: int) -> bool:
    """Does a follow-on participle open at token x, after a comma ("…, adding that", "…, добавив, что")?"""
    toks, pat = view.toks, view.table.follow_on
    if pat is None or x + 1 >= len(toks) or toks[x].text != ",":
        return False
    return bool(pat.fullmatch(toks[x + 1].text.lower()))


def asyndetic(view: SentenceView, j: int, marker: int) -> bool:
    """Does a clause of its own (a verb, no second comma) stand between the comma right after the
    cue and the complementiser found further on?"""
    toks = view.toks
    if not view.has_parse or toks[j].text != "," or toks[marker].text.lower() not in view.table.that:
        return False
    between = toks[j + 1:marker - 1] if toks[marker - 1].text == "," else toks[j + 1:marker]
    words = [t for t in between if is_word(t)]
    if len(words) < 2 or words[0].pos in ("ADP", "VERB", "AUX") or words[0].text.lower() in view.prepositions:
        return False  # "said, in a statement released on Monday, that…", "added, speaking to reporters, that…"
    return not any(t.text in (",", ";", ":", "(") for t in between) and any(t.pos in ("VERB", "AUX") for t in words)


def claim_object(view: SentenceView, between: list[Token]) -> bool:
    """Is the cue's object a statement noun ("the claims", "заявление X"), not a medium after a
    preposition ("in a statement", "w oświadczeniu", "в заявлении")?"""
    nouns = view.table.nouns
    if nouns is None or not between:
        return False
    first = next((k for k, t in enumerate(between) if nouns.fullmatch(t.text.lower())), None)
    if first is None:
        return False
    preps = speaker_words(view.lang).prepositions
    return not any(t.pos == "ADP" or t.text.lower() in preps for t in between[:first])


def names_a_source(view: SentenceView, x: int) -> bool:
    """Is the quotation opening at token x a short title (a paper, a channel) followed by the
    complementiser of the content ("«Radio North», что…"), not the content itself?"""
    toks = view.toks
    q = view.in_quote(toks[x].start + 1)
    if q is None or q[0] != toks[x].start:
        return False
    after = next((y for y in range(x + 1, len(toks)) if toks[y].start >= q[1]), None)
    if after is None or word_count(view, x, after) > 5:
        return False
    if toks[after].text == ",":
        after += 1
    return after < len(toks) and toks[after].text.lower() in view.table.that


def inner_cue(view: SentenceView, x: int) -> bool:
    """Is token x a reporting verb with a subject of its own (a second speaker's cue)?"""
    toks = view.toks
    if cue_strength(toks[x], toks[x + 1] if x + 1 < len(toks) else None, view.table, view.has_parse) != "speech":
        return False
    return any(t.head == toks[x].i and t.dep.startswith("nsubj") for t in toks)


def opens_content(table: CueTable, cue: str, word: str) -> bool:
    """Is `word` after `cue` the start of the content ("agreed that…", "agreed to…"), not a particle?"""
    low = word.lower()
    return low in table.that or (low in table.infinitive and table.infinitive_cues is not None
                                 and bool(table.infinitive_cues.fullmatch(cue.lower())))


def time_only(view: SentenceView, a: int, b: int) -> bool:
    """Are tokens a..b only when something was said ("said on Thursday, adding…"): prepositions,
    weekdays, months, numbers and parts of the day, no content?"""
    words = [t.text.casefold() for t in view.toks[a:b] if is_word(t)]
    calendar = calendar_words(view.lang)
    return bool(words) and all(w in calendar or w.isdigit() or w in view.prepositions for w in words)


@cache
def calendar_words(lang: str) -> frozenset[str]:
    """Weekday and month forms and the parts of the day of `lang` (dates.yaml), case-folded."""
    data = lexicon(lang, "dates")
    return frozenset(calendar_forms(lang, "weekdays")) | month_words(lang) | frozenset(
        str(w).casefold() for w in data.get("day_parts") or [])


def clause_before_speaker(view: SentenceView, speaker_start: int) -> tuple[int, int] | None:
    """The clause of three words or more from the sentence start to a comma right before the speaker
    ("Relations remain in place, he said: …"), outside any quotation; None when there is none."""
    toks = view.toks
    at = next((x for x, t in enumerate(toks) if t.start >= speaker_start), None)
    if at is None or at < 4 or toks[at - 1].text != "," or view.in_quote(view.start, toks[at - 1].start):
        return None
    if any(t.text in (",", ";", ":") or t.text in QUOTE_MARKS for t in toks[: at - 1]) or word_count(view, 0, at - 1) < 3:
        return None
    if not view.has_parse or not any("VerbForm=Fin" in (t.morph or "") for t in toks[: at - 1]):
        return None  # "Speaking in Essex, Mr Johnson said: …": an adjunct, no clause of its own
    return strip_quotes(view.text, view.start, toks[at - 1].start)


def adjuncts_then_that(view: SentenceView, k: int, between: list[Token], content_tok: int) -> bool:
    """Are the many words between cue k and its content only the cue's own adjuncts, and does the
    content open with a complementiser ("said during a press conference in the city of Lutsk,
    located near the border, that…")? Then the distance is no sign of a misparse."""
    toks = view.toks
    if toks[content_tok].text.lower() not in view.table.that or len(between) > ADJUNCT_REACH:
        return False
    by_i = {t.i: t for t in toks}
    return between[0].pos == "ADP" and all(governed_by(t, toks[k], by_i) for t in between if is_word(t))


def governed_by(tok: Token, head: Token, by_i: dict[int, Token]) -> bool:
    """Is `tok` in the parse below `head` (a complement of the verb, however deep)? `by_i`: the
    sentence's tokens by index."""
    seen = 0
    while tok.head != tok.i and seen < len(by_i):
        if tok.head == head.i:
            return True
        nxt = by_i.get(tok.head)
        if nxt is None:
            return False
        tok, seen = nxt, seen + 1
    return False


def relative_pronoun(view: SentenceView, x: int) -> bool:
    """Is token x ("that", "что") a pronoun opening a relative clause on the noun before it (the parse
    says so), not the complementiser that opens what was said?"""
    if not view.has_parse or view.toks[x].pos != "PRON":
        return False
    head = next((t for t in view.toks if t.i == view.toks[x].head), None)
    return head is not None and head.dep in ("relcl", "acl:relcl")
