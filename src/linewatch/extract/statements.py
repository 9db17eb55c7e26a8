"""Component `statements`: who said what, when — attributed statements with exact spans.

For every sentence, `attribution.rules.find_attributions` finds the cue, the
content span(s) and the words naming the speaker (quotes, reported speech,
according-to, headline/colon forms, in English, Russian and Polish from the
cue lexicons). This module then

- resolves the speaker (`attribution.speaker`: registry names/titles, pronouns
  and "the minister" to the right earlier speaker, unknown speakers kept as
  written) and takes role/org/country from the registry for the statement's day;
- dates the statement with `linewatch.extract.dates.statement_date`;
- attaches bare quotation sentences that follow a statement to its speaker
  (a quote running over several sentences);
- drops overlapping duplicates, keeping the most confident reading.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache
from typing import Any

from linewatch.extract.attribution.attitude import attitude_rules
from linewatch.extract.attribution.base import (
    CLOSE_QUOTES,
    DOUBLE_OPEN_QUOTES,
    OPEN_QUOTES,
    Attribution,
    SentenceView,
    gender_from_verb,
    opens_with_dash,
    quoted_channel_name,
    strip_quotes,
    trim_span,
    word_lemma,
    zero_copula,
)
from linewatch.extract.attribution.cues import cue_table
from linewatch.extract.attribution.rules import find_attributions
from linewatch.extract.attribution.speaker import (
    AGENCY,
    UNNAMED,
    WORD,
    Speaker,
    actor_fields,
    anaphor_fit,
    anaphor_words,
    cited_person,
    cites_source,
    determiners,
    doc_mentions,
    document_named_after,
    earlier_with_surname,
    full_name_of_surname,
    is_anaphor,
    is_person,
    is_text_body,
    is_title_word,
    name_of_titled_text_person,
    name_problem,
    names_medium,
    names_somebody,
    nominative_person,
    person_entity_in,
    person_name_in,
    phrase_countries,
    phrase_names_state,
    phrase_referent,
    pronoun_table,
    registry_for,
    resolve_speaker,
    speaker_problem,
    speaker_words,
    unnamed,
)
from linewatch.extract.dates import SpanIndex, dateline, statement_date
from linewatch.extract.embedded_posts import embedded_posts
from linewatch.extract.events import talk_cue
from linewatch.extract.furniture import is_furniture, is_title_line
from linewatch.lexicon import lexicon
from linewatch.model import Statement
from linewatch.nlp.doc import Doc, Token, phrase_heads
from linewatch.nlp.names import oblique_only
from linewatch.nlp.pipeline import component
from linewatch.nlp.segment import quote_spans, split_sentences

EXTRACTOR = "linewatch.statements"
VERSION = "0.12"

# A content of at least this many sentences (a long quote) is reported as one statement per
# sentence, so that each claim cites its own sentence; 0 = never split.
SPLIT_MIN_SENTENCES = 2
# A piece of a split quote shorter than this many words ("What is the difference?") is no claim of its own.
MIN_PIECE_WORDS = 6
# the author's mark of words left out of a quotation: "(...)", "(…)", "[…]"
_ELISION = re.compile(r"[(\[](?:\.{3}|…)[)\]]")

# A sentence of an embedded post with fewer words than this (handles and links left out) says nothing.
MIN_POST_WORDS = 4

# A bare quotation right after a speaker's quote (`"A," X said. "B."`) continues it: True = one
# statement whose content has both parts (as PolNeAR annotates), False = a statement of its own.
JOIN_CONTINUATIONS = True

# Headlines and subheadings give no statements (see `furniture.is_title_line`).
SKIP_TITLES = True

# Statements below this confidence are not reported.
MIN_CONFIDENCE = 0.3
# An impersonal cue ("Подчеркнуто, что…") goes on with a body's document reported at most this many
# sentences before, in the same or the next paragraph.
DOCUMENT_SENTENCES = 6
# A speaker found as the holder of an office ("szef MSWiA") on a date inferred from the URL or text,
# not given by the source, or with no date at all (the latest holder): the holder may be the wrong
# one, so the statement is trusted less.
INFERRED_DATE_OFFICE_FACTOR = 0.85
# a speaker's words carry the day of the speaker's last statement when it is one of the last this
# many statements ("NATO said on Monday… the statement said… it added"), or in the paragraph before
CARRY_STATEMENTS = 3


def _tokens_by_sentence(doc: Doc) -> list[list[Token]]:
    groups: list[list[Token]] = [[] for _ in doc.sentences]
    for t in doc.tokens:
        if 0 <= t.sent < len(groups):
            groups[t.sent].append(t)
    return groups


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Keep one reading per content: the most confident; ties go to the earlier cue."""
    kept: list[Attribution] = []
    for att in sorted(atts, key=lambda x: -x.confidence):
        span = (att.content_spans[0][0], att.content_spans[-1][1])
        clash = False
        for k in kept:
            ks = (k.content_spans[0][0], k.content_spans[-1][1])
            ov = _overlap(span, ks)
            nested = any(c is not None and lo <= c[0] < hi for c, (lo, hi) in ((att.cue_span, ks), (k.cue_span, span)))
            if ov and not nested and ov >= 0.5 * min(span[1] - span[0], ks[1] - ks[0]):
                clash = True
                break
        if not clash:
            kept.append(att)
    return sorted(kept, key=lambda x: x.content_spans[0][0])


def _reports(line: str, table: Any, lang: str) -> bool:
    """Does a line report someone's words: a reporting verb in it, and no word of the first person ("I
    request…", "we want…" are a post's own voice; "…, the minister said" is the article's)?"""
    words = [w.lower() for w in WORD.findall(line)]
    return any(table.speech.fullmatch(w) for w in words) and not _first_person(lang) & set(words)


@lru_cache(maxsize=8)
def _first_person(lang: str) -> frozenset[str]:
    """The language's first-person subject pronouns ("i", "we"; pronouns.yaml `pronouns` marked "s", and
    `author_pronouns`)."""
    return frozenset(w for w, kind in pronoun_table(lang).items() if kind == "s") | _author_pronouns(lang)


def _post_words(text: str, a: int, b: int) -> int:
    """Words of a post's sentence, leaving out handles and links ("I spoke to @MorawieckiM")."""
    return len(WORD.findall(_HANDLES_AND_LINKS.sub(" ", text[a:b])))


_HANDLES_AND_LINKS = re.compile(r"@\w+|\S+\.\w{2,4}/\S*|https?://\S+")


def _is_quote_sentence(text: str, a: int, b: int, quotes: list[tuple[int, int]]) -> bool:
    """Is the sentence text[a:b] one quotation and nothing else (a continuation)?"""
    if a >= b or (text[a] not in OPEN_QUOTES and not text.startswith("''", a)):
        return False
    i = bisect.bisect_left(quotes, (a, -1))
    return i < len(quotes) and quotes[i][0] == a and quotes[i][1] >= b - 2


def _content_after_citation(doc: Doc, att: Attribution, cited: Speaker) -> None:
    """Content that opens with the citation ("powołując się na rzecznika Kremla, rozmowy…") or holds the
    quoted name of the medium ("«…», — пишет канал «X» со ссылкой на Y"): only the cited words stay."""
    assert cited.span is not None
    a, b = cited.span
    parts = []
    for x, y in att.content_spans:
        if x <= a < y:
            comma = doc.text.find(",", b, y)
            if comma < 0:
                continue
            x = comma + 1
        medium_name = (len(doc.text[x:y].split()) <= 5
                       and names_medium(doc.text[max(0, x - 30):x].rstrip(" «\"„“").split(" ")[-1], doc.lang))
        if x < y and not medium_name:
            parts.append(trim_span(doc.text, x, y))
    att.content_spans = parts or att.content_spans


def _relative_before_content(doc: Doc, att: Attribution) -> bool:
    """Is the speaker a relative pronoun with the content before it ("przypomniał słowa Łukaszenki,
    który groził…")? A relative clause reports nothing said before it: those are the main clause's words."""
    if att.speaker_span is None or not att.content_spans:
        return False
    word = doc.text[att.speaker_span[0]:att.speaker_span[1]].strip().lower()
    return word in speaker_words(doc.lang).relatives and att.content_spans[-1][1] <= att.speaker_span[0]


def _reports_speech(doc: Doc, att: Attribution, table: Any) -> bool:
    """Does the content hold a reporting verb of its own ("that the Kremlin spokesman said…")?"""
    words = [t for a, b in att.content_spans for t in doc.tokens_in((a, b)) if t.text[:1].isalpha()]
    return any(table.speech.fullmatch(t.text.lower()) for t in words[1:])


def _speech_lemma_cue(doc: Doc, att: Attribution) -> bool:
    """Is the cue a form of a speech verb of `speech_lemmas` ("сообщила": сообщить)?"""
    table = cue_table(doc.lang)
    if att.cue_span is None or not table.speech_lemmas:
        return False
    return word_lemma(doc.text[att.cue_span[0]:att.cue_span[1]].lower(), doc.lang) in table.speech_lemmas


def _cue_words(doc: Doc, att: Attribution) -> tuple[str, str] | None:
    """The cue lower-cased and its last word ("как отмечается" → "отмечается"), or None with no cue."""
    if att.cue_span is None:
        return None
    cue = doc.text[att.cue_span[0]:att.cue_span[1]].lower()
    words = cue.split()
    return cue, words[-1] if words else cue


def _names_document_after(doc: Doc, att: Attribution) -> bool:
    """Does a document noun (cues.yaml `source_nouns`) follow the cue within three words ("сказано в
    тексте заявления", "— говорится в сообщении")?"""
    nouns = cue_table(doc.lang).source_nouns
    if nouns is None or att.cue_span is None:
        return False
    after = [w.strip(",.;:»\"”").lower() for w in doc.text[att.cue_span[1]:att.cue_span[1] + 60].split()[:3]]
    return any(nouns.fullmatch(w) for w in after)


def _impersonal_cue(doc: Doc, att: Attribution) -> bool:
    """Is the cue impersonal ("Сообщается", "Zaznaczono", "Podkreśla się"; cues.yaml `impersonal_cues`,
    `impersonal_particles`), naming no speaker of its own and pointing back to no document? "— dodano"
    (`impersonal_continuers`) and "— говорится в сообщении" (a bare `source_nouns` document) go on
    with the document quoted before, so they keep its issuer."""
    table = cue_table(doc.lang)
    words = _cue_words(doc, att)
    if words is None:
        return False
    cue, last = words
    after = [w.strip(",.;:»\"”").lower() for w in doc.text[att.cue_span[1]:att.cue_span[1] + 40].split()[:3]]
    if table.impersonal_continuers is not None and table.impersonal_continuers.fullmatch(cue):
        return False
    if document_named_after(doc, att.cue_span[1]):
        return False
    if table.impersonal_cues is not None and (table.impersonal_cues.fullmatch(cue) or table.impersonal_cues.fullmatch(last)):
        return True  # also the verb closing an according-to phrase ("Как отмечается, …")
    return bool(after) and after[0] in table.impersonal_particles


def _document_cue(doc: Doc, att: Attribution) -> bool:
    """Does the cue report a document rather than a voice: an impersonal form ("сообщается на сайте
    МИД", "podano w komunikacie MSZ", `impersonal_cues`, `issuer_cues`) or a document named right after
    it ("говорится в заявлении МИД")?"""
    table = cue_table(doc.lang)
    words = _cue_words(doc, att)
    if words is None:
        return False
    return any(p is not None and p.fullmatch(words[1]) for p in (table.impersonal_cues, table.issuer_cues)) \
        or document_named_after(doc, att.cue_span[1])


def _label_says_more(doc: Doc, label: tuple[int, int] | None, named: tuple[int, int] | None) -> bool:
    """Does a headline's label hold common words besides the actor it names and its titles
    ("Russia-Ukraine war map: Where are…?" names a map, not Russia; "Kremlin spokesman Peskov:" is Peskov)?"""
    if label is None or named is None:
        return False
    skip = set(speaker_words(doc.lang).prepositions) | set(determiners(doc.lang))
    for m in WORD.finditer(doc.text, label[0], label[1]):
        if m.start() < named[1] and named[0] < m.end():
            continue  # the actor's own words
        w = m.group()
        if w[:1].islower() and w.lower() not in skip and not is_title_word(w, doc.lang):
            return True
    return False


def _tagger_ran(doc: Doc) -> bool:
    """Did an entity tagger read the document (its entity mentions are there to consult)?"""
    return any(m.kind == "ner" for m in doc.mentions)


def _spoke_before(speaker: Speaker | None, earlier: Sequence[str], lang: str) -> bool:
    """Is the lone surname `speaker` one an earlier statement's speaker has ("— сообщил Курти" after
    "Премьер Косово Курти заявил")? A person already speaking, not an agency the tagger missed."""
    if speaker is None or not speaker.name or speaker.actor_id or len(speaker.name.split()) != 1:
        return False
    return bool(earlier_with_surname(speaker.name, earlier, lang))


def _acceptable_speaker(att: Attribution, speaker: Speaker | None, doc: Doc,
                        earlier: Sequence[str] = ()) -> bool:
    if att.kind == "headline":
        # a headline "Name: claim" needs a real name, not any capitalised phrase
        words = (speaker.name or "").split() if speaker is not None else []
        if speaker is None:
            return False
        if speaker.actor_id is not None:
            return not _label_says_more(doc, att.speaker_span, speaker.span)
        if att.speaker_span and _tagger_ran(doc) and not any(
                m.kind == "ner" and m.label == "PER" and m.start < att.speaker_span[1] and att.speaker_span[0] < m.end
                for m in doc.mentions):
            return False  # "Baltic Gas Pipeline Leak: Finland blames…": a topic in title case, no person the tagger sees
        return speaker.resolved_by == "text" and (
            "name_ok" in att.notes or 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words))
    known = _spoke_before(speaker, earlier, doc.lang)  # a surname an earlier speaker has: a person
    if "relay" in att.notes and (speaker is None or speaker.actor_id is None):
        # "Об этом сообщило РИА Новости" is a news agency; "Poinformował o tym rzecznik MON Jan Nowak" is a person
        phrase = doc.text[att.speaker_span[0]:att.speaker_span[1]] if att.speaker_span else ""
        # "Об этом сообщила Лариса Петрова": a bare name the entity tagger marks as a person is a person
        # too when the cue is a speech verb (speech_lemmas), not a writer's ("пишет" a journalist relays)
        spoke = att.speaker_span and _speech_lemma_cue(doc, att) and person_entity_in(doc, *att.speaker_span)
        if not (person_name_in(phrase, doc.lang) or any(is_anaphor(w, doc.lang) for w in phrase.split()) or spoke
                or known):
            return False
    if not known and _relayed_by_unknown(att, speaker, doc):
        return False
    if (att.belief and speaker is not None and speaker.gender == "n"
            and (speaker.actor_id is None or _is_state(doc, speaker.actor_id))
            and speaker.resolved_by in ("pronoun", "previous", "unresolved")):
        return False  # "it expects…", "it fears…" (unresolved, or a state) is the author's analysis
    if att.belief and speaker is not None and _names_a_state(doc, speaker):
        return False  # "Russia wants…", "Moscow expects…": the author's reading of a state's aims
    return True


def _relaying_cue(doc: Doc, att: Attribution) -> bool:
    """Is the attribution's cue one by which media relay news (cues.yaml `relay`: "reports", "пишет")?"""
    relay = cue_table(doc.lang).relay
    return relay is not None and att.cue_span is not None \
        and relay.fullmatch(doc.text[att.cue_span[0]:att.cue_span[1]].lower()) is not None


def _relayed_by_unknown(att: Attribution, speaker: Speaker | None, doc: Doc) -> bool:
    """A relaying cue (cues.yaml `relay`: "LSM reports", "Ранее Лайф писал", "НБН информирует") whose
    subject the registry does not know and whose words name no person, title, group or body, in one
    capitalised word or with a medium's noun: a medium
    relaying news, whatever its name, not an official speaking. Bodies that report ("border guards
    reported", "Straż Graniczna poinformowała") say what they are; media seldom do."""
    if speaker is None or speaker.actor_id is not None or att.speaker_span is None or att.cue_span is None \
            or speaker.resolved_by != "text":
        return False  # "they wrote": whom the pronoun points back to was judged where the text named them
    if not _relaying_cue(doc, att):
        return False
    a, b = att.speaker_span
    # the words the speaker's phrase runs on with up to the clause's end, the cue or a quotation: the
    # parse may have kept only the first ("сообщил Государственный [пограничный комитет]")
    stop = re.search(r"[,.;:!?()\"«»„“”\n]", doc.text[b:b + 80])
    end = b + (stop.start() if stop else 0)
    if att.cue_span[0] >= b:
        end = min(end, att.cue_span[0])
    phrase = doc.text[a:max(b, end)].strip()
    if names_somebody(phrase, doc.lang):
        return False  # the verb's gender is no sign of a person: "Лайф писал", "agencja podała"
    if not names_medium(phrase, doc.lang) and any(w.islower() and len(w) >= 4 for w in WORD.findall(phrase)):
        return False  # a body described in common words ("Государственный пограничный комитет"), no medium's own name
    # two capitalised words may be a person the name lists miss ("Jack Siewiera"); a medium's own name is
    # mostly one word ("LSM", "Лайф", "Rzeczpospolita") or says it is one ("Radio Zet")
    for name in {phrase, speaker.name or phrase}:
        capitals = [w for w in name.split() if w[:1].isupper()]
        if person_name_in(name, doc.lang) or (len(capitals) >= 2 and not names_medium(name, doc.lang)):
            return False
    if person_entity_in(doc, a, b):
        return False
    # "Cruz wrote" after "Sen. Ted Cruz": the surname of a person the text names in full
    last = [w.casefold() for w in WORD.findall(speaker.name or phrase)][-1:]
    return not any(m.label == "PER" and len(words := WORD.findall(m.text)) >= 2 and words[-1].casefold() in last
                   for m in doc.mentions)


@component("statements", version=VERSION, requires=("segment", "parse"))
def make_statements(**config: Any):
    """Attributed statements (quotes, reported speech, according-to, headlines), speakers, dates."""
    min_conf = float(config.get("min_confidence", MIN_CONFIDENCE))
    split = int(config.get("split_quotes", SPLIT_MIN_SENTENCES))
    join = bool(config.get("join_continuations", JOIN_CONTINUATIONS))

    def statements(doc: Doc) -> Doc:
        body = _body_start(doc)
        # A finder that looks back from the first sentence (colon introductions, quotes before
        # their cue) must not reach into the header block: "URL: …" is metadata, nobody said it.
        doc.statements.extend(
            st for st in extract_statements(doc, min_conf, split, join)
            if min(st.content_span[0], (st.cue_span or st.content_span)[0]) >= body
        )
        return doc

    return statements


def _named_person(doc: Doc, speaker: Speaker) -> bool:
    """Is the speaker a person the registry knows, named in the text (not a pronoun or a title)?"""
    return speaker.resolved_by == "registry" and is_person(doc, speaker.actor_id)


def _names_a_state(doc: Doc, speaker: Speaker) -> bool:
    """Is the speaker a state named as such ("Russia", "Moscow", "the Polish authorities"), not its
    people ("Americans")? Nouns for a state as a whole are cues.yaml `attitude.state_nouns`."""
    if speaker.resolved_by != "registry" or speaker.span is None or not speaker.actor_id:
        return False
    reg = registry_for(doc)
    actor = reg.by_id(speaker.actor_id) if reg is not None else None
    if actor is None or actor.type != "state":
        return False
    a, b = speaker.span
    words = [t for t in doc.tokens_in((a, b)) if t.text[:1].isalnum()]
    rules = attitude_rules(doc.lang)
    nouns = rules.state_nouns if rules is not None else frozenset()
    after = next(iter(doc.tokens_in((b, b + 40))), None)
    if words and after is not None and (after.lemma or after.text).lower() in nouns:
        # "the Polish authorities decided to…": the state's authorities as a whole, named by its adjective
        return all(t.ent in ("GPE", "LOC", "NORP") for t in words)
    return bool(words) and all(t.ent in ("GPE", "LOC") for t in words)


def _body_start(doc: Doc) -> int:
    """Where the body starts: after a header block of `KEY: value` lines read as metadata."""
    start = doc.document.meta.get("header_end") or 0
    return start if isinstance(start, int) and 0 <= start <= len(doc.text) else 0


def _is_state(doc: Doc, actor_id: str | None) -> bool:
    reg = registry_for(doc) if actor_id else None
    actor = reg.by_id(actor_id) if reg is not None and actor_id else None
    return actor is not None and actor.type == "state"


def _drop_relays(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Handle one attribution's cue inside another's content.

    `X said that Y…, reports Agency` (the outer cue after its content): the outer,
    reported-by attribution is dropped; but `Russia believes that Y…, said X` is X
    voicing the state's position: the inner, the state's, is dropped. `X called on Y
    to…, and suggested Z` (the outer cue before its content): the outer content stops
    before the inner clause.
    """
    text = doc.text
    voiced = _states_voiced(doc, atts)
    reported = _reported_inside(doc, atts)
    atts = [att for att in atts if id(att) not in voiced and id(att) not in reported]
    cues = [a.cue_span for a in atts if a.cue_span]
    parentheticals = [x.cue_span for x in atts if "parenthetical" in x.notes and x.cue_span]
    out = []
    for att in atts:
        a, b = att.content_spans[0][0], att.content_spans[-1][1]
        inside = [c for c in parentheticals if c != att.cue_span and a <= c[0] and c[1] <= b]
        if inside and len(att.content_spans) == 1:
            # "Zdaniem X, A, a także - jak podkreślił - "B"": A is one claim, B (the parenthetical's) another
            stop = max(text.rfind(sep, a, inside[0][0]) for sep in (",", " -", "—", "–"))
            a2, b2 = trim_span(text, a, stop if stop > a else a)
            if len(text[a2:b2].split()) < 3:
                continue
            att.content_spans = [(a2, b2)]
            b = b2
        inner = [c for c in cues if c != att.cue_span and a <= c[0] and c[1] <= b]
        if inner and att.cue_span and att.cue_span[0] >= b and att.kind != "direct" and id(att) not in voiced.values():
            continue
        if att.cue_span and att.cue_span[1] <= a and any(
                "back_reference" in x.notes and x.cue_span and a <= x.cue_span[0] < b for x in atts if x is not att):
            continue  # "Как сообщает АЗЕРТАДЖ, соответствующее мнение выразила X": the medium relays X's words
        if inner and att.cue_span and att.cue_span[1] <= a and len(att.content_spans) == 1:
            # at the first inner cue with a clause break before it: "said that the government had
            # declared X, and he accused Y of Z" stops at ", and", not at "declared" (no break before it)
            for cut in sorted(c[0] for c in inner):
                stop = max(text.rfind(",", a, cut), text.rfind(" and ", a, cut), text.rfind(";", a, cut))
                if stop > a + 10:
                    att.content_spans = [trim_span(text, a, stop)]
                    break
        out.append(att)
    return out


def _reported_inside(doc: Doc, atts: list[Attribution]) -> set[int]:
    """Attributions inside the content of a reporting verb's attribution signed after it that are what
    its speaker says, not statements of their own, so the outer one is no relay to drop: attitudes read
    off the parse ("NATO supports Poland…, Deputy Minister X wrote"), and any cue when a person the
    registry or the tagger knows signs ("The ministry summoned the envoy to protest…, - oznajmił szef
    dyplomacji Margus Tsahkna"). A relaying cue ("…, reports TASS", cues.yaml `relay`) with a medium or
    an agency as its subject is still a relay."""
    out: set[int] = set()
    for outer in atts:
        if outer.cue_span is None or "attitude" in outer.notes:
            continue
        a, b = outer.content_spans[0][0], outer.content_spans[-1][1]
        if outer.cue_span[0] < b or outer.speaker_span is None:
            continue
        medium = _medium_signs(doc, outer)
        if medium and _relaying_cue(doc, outer):
            continue  # "…, the newspaper wrote": a medium relays
        inner = [x for x in atts if x is not outer and x.cue_span and a <= x.cue_span[0] and x.cue_span[1] <= b]
        person = not medium and any(m.label == "PER" and (m.actor_id or m.kind == "ner")
                                    for m in doc.mentions_starting(outer.speaker_span))
        if inner and (person or all("attitude" in x.notes for x in inner)):
            out.update(id(x) for x in inner)
    return out


def _states_voiced(doc: Doc, atts: list[Attribution]) -> dict[int, int]:
    """Attributions whose speaker is a state, inside the content of a person's or body's cue ("Россия
    исходит из того, что …, заявил замминистра X", "Захарова заявила, что российская сторона считает
    …"), mapped to that outer attribution: the official voices the state's position, and the statement
    is the official's."""
    out: dict[int, int] = {}
    for outer in atts:
        if not (outer.cue_span and outer.speaker_span and outer.kind != "direct" and outer.content_spans):
            continue
        a, b = outer.content_spans[0][0], outer.content_spans[-1][1]
        said_by = doc.text[outer.speaker_span[0]:outer.speaker_span[1]]
        if a <= outer.cue_span[0] < b or name_problem(said_by, doc.lang) or names_medium(said_by, doc.lang) \
                or phrase_names_state(doc, outer.speaker_span):
            continue  # only a cue outside its content, said by someone other than an agency or a state
        home = phrase_countries(doc, outer.speaker_span)
        # "Россия считает…, заявил X", "Belarus has refused…, X has stated": all of it is X's statement
        after = outer.cue_span[0] >= b
        for inner in atts:
            if inner is not outer and inner.cue_span and inner.speaker_span and a <= inner.cue_span[0] < b \
                    and ((phrase_names_state(doc, inner.speaker_span)
                          and (after or (bool(home) and phrase_countries(doc, inner.speaker_span) <= home)))
                         # "A group of Afghans complained to X about Y, the Border Committee said": the known
                         # body reports what people nobody knows said; the statement is the body's
                         or (after and bool(home) and _nobody_known(doc, inner.speaker_span))):
                # before its content, only the official's own state ("Russia's ministry dismissed claims
                # from the UK that…" keeps the UK's claim)
                out[id(inner)] = id(outer)
    return out


def _nobody_known(doc: Doc, span: tuple[int, int]) -> bool:
    """Is the phrase at `span` a common noun phrase for people nobody names ("A group of Afghan
    citizens", "local residents"): no capitalised word after its first but a demonym's, so no
    registry actor, person, medium or agency?"""
    demonyms = [(m.start, m.end) for m in doc.mentions if m.kind == "demonym" and span[0] <= m.start < span[1]]
    words = list(WORD.finditer(doc.text, span[0], span[1]))
    return len(words) >= 2 and all(not w.group()[:1].isupper() or any(a <= w.start() < b for a, b in demonyms)
                                   for w in words[1:])


def _medium_signs(doc: Doc, att: Attribution) -> bool:
    """Is the attribution's speaker phrase a medium or a news agency ("– pisze dpa", "– podaje PAP")?"""
    if att.speaker_span is None:
        return False
    phrase = doc.text[att.speaker_span[0]:att.speaker_span[1]]
    words = phrase.split()
    if len(words) > 1 and is_title_word(words[-1], doc.lang):
        return False  # "– powiedział cytowany przez agencję BiełTA minister": the minister, whom the agency quotes
    if len(words) > 1 and (fit := anaphor_fit([words[0].lower()], doc.lang)) is not None and not fit.body:
        return False  # "– mówił gość Polskiego Radia 24": the medium's guest, a person
    return names_medium(phrase, doc.lang) or name_problem(phrase, doc.lang) == AGENCY


def _extend_back(doc: Doc, si: int, att: Attribution, floor: int) -> None:
    """Unquoted speech that ends "– dodał X." starts at its paragraph (after the last statement)."""
    para = doc.sentences[si].paragraph
    first = si
    a0 = att.content_spans[0][0]
    if opens_with_dash(doc.text, a0) or doc.text[a0:a0 + 1] in DOUBLE_OPEN_QUOTES \
            or doc.text[:a0].rstrip()[-1:] in DOUBLE_OPEN_QUOTES:
        # "- Ogrzewamy Europę… - mówił X": the speech opens right here; so does a quotation whose
        # closing mark is missing ('"Jeśli będą… — powiedział Putin')
        return
    while (first - 1 > floor and doc.sentences[first - 1].paragraph == para
           and "\n" not in doc.text[doc.sentences[first - 1].end:doc.sentences[first].start]):
        first -= 1
        if opens_with_dash(doc.text, doc.sentences[first].start):
            break  # "Narration. - Speech. More speech - powiedział X": the speech opens at the dash
    if first < si:
        a, b = att.content_spans[0]
        att.content_spans[0] = trim_span(doc.text, doc.sentences[first].start, b)
        if opens_with_dash(doc.text, doc.sentences[first].start) and att.kind == "indirect":
            # "– A. B – dodał.": speech set off by a dash over several sentences is a direct quote,
            # as sure as a one-sentence "– A – dodał" (the cue's finder saw only its last sentence)
            att.kind = "direct"
            att.confidence += 0.15


@lru_cache(maxsize=8)
def _claim_rules(lang: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """(answer words, clause-break pattern) from `cues.yaml` (`answers`, `claim_breaks`, `claim_separators`)."""
    data = lexicon(lang, "cues")
    answers = frozenset(str(w).lower() for w in data.get("answers") or [])
    breaks = [str(p) for p in data.get("claim_breaks") or []]
    separators = [str(p) for p in data.get("claim_separators") or []]  # regexes
    alternatives = ([r",\s+(?=(?:" + "|".join(breaks) + r"))"] if breaks else []) \
        + ([r"(?:" + "|".join(separators) + r")\s+"] if separators else [])
    pattern = re.compile("|".join(alternatives), re.I) if alternatives else None
    return answers, pattern


def _clause_pieces(text: str, a: int, b: int, breaks: re.Pattern[str] | None,
                   quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One sentence -> its claims: `A, a więc B` / `A, а B` is two claims when both are full clauses.

    Never inside a quotation that opens within the content (`oskarżył X o "A, a B"`): the author
    quotes that as one phrase."""
    if breaks is None:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    start = a
    for m in breaks.finditer(text, a, b):
        if any(q0 <= m.start() < q1 for q0, q1 in quoted):
            continue
        head, tail = text[start:m.start()], text[m.end():b]
        if len(head.split()) >= MIN_PIECE_WORDS and len(tail.split()) >= MIN_PIECE_WORDS:
            out.append((start, m.start()))
            start = m.end()
    out.append((start, b))
    return out


@lru_cache(maxsize=8)
def _author_pronouns(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon(lang, "pronouns").get("author_pronouns") or [])


# Spaces and closing quotation marks after a sentence's own "?" ("…czy to prawda?”").
_QUOTE_TAIL = " \"'”»“"


def _is_answer(text: str, answers: frozenset[str]) -> bool:
    """"Нет, они…" / "Nie, to…": a reply to a question put to the speaker is a claim however short."""
    head = re.match(r"\W*(\w+)\s*[,.!]", text)
    return bool(head) and head.group(1).lower() in answers and not text.rstrip(_QUOTE_TAIL).endswith("?")


def _split_claims(doc: Doc, att: Attribution, min_sentences: int = 2,
                  quotes: Sequence[tuple[int, int]] = ()) -> list[list[tuple[int, int]]]:
    """A content of several sentences (a long quote) -> one content per sentence (or clause)."""
    if "sentence_parts" in att.notes:
        # «A, — сказал X. — B»: each part around the author's aside is a sentence (or more) of its own
        parts = [Attribution(att.kind, att.cue_span, [p], att.speaker_span, att.confidence) for p in att.content_spans]
        return [c for part in parts for c in _split_claims(doc, part, 1, quotes)]
    if len(att.content_spans) != 1:
        return [att.content_spans]
    a, b = att.content_spans[0]
    answers, breaks = _claim_rules(doc.lang)
    pieces = split_sentences(doc.text, doc.lang, a, b, protect_quotes=False)
    pieces = [strip_quotes(doc.text, pa, pb) for pa, pb in pieces]
    quoted = [q for q in quotes if a <= q[0] < b]  # quotations opening inside the content
    pieces = [strip_quotes(doc.text, *c) for p in pieces if p[1] > p[0]
              for c in _clause_pieces(doc.text, p[0], p[1], breaks, quoted)]
    # a short sentence ("What is the difference?") stays with the claim before it (or after it)
    claims: list[tuple[int, int]] = []
    pending: int | None = None  # start of short sentences waiting for the next claim
    prev_end = a
    for pa, pb in pieces:
        if _ELISION.fullmatch(doc.text[pa:pb]):
            # «A. (...) B»: the author cut words out between two quoted pieces, which are never one claim
            if pending is not None:
                claims.append((pending, prev_end))
                pending = None
            continue
        prev_end = pb
        if len(doc.text[pa:pb].split()) >= MIN_PIECE_WORDS or (pending is None and _is_answer(doc.text[pa:pb], answers)):
            claims.append((pending if pending is not None else pa, pb))
            pending = None
        elif claims:
            claims[-1] = (claims[-1][0], pb)
        elif pending is None:
            pending = pa
    claims = _merge_fragments(doc, claims)
    if len(claims) < max(2, min_sentences):
        return [att.content_spans]
    return [[p] for p in claims]


def _merge_fragments(doc: Doc, claims: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A piece that is no clause of its own ("The fact that they are there illegally.", "Because we
    do not talk about it enough.") or a sentence opened by "And"/"But" (the language's
    `claim_continuers`) finishes the claim before it rather than making a new one. A question
    stays a claim: a rhetorical question ("So who poses a threat to whom?") is one."""
    if len(claims) < 2:
        return claims
    parsed = any(t.dep for t in doc.tokens[:200])
    starts = [t.start for t in doc.tokens]
    continuers = frozenset(str(w).lower() for w in lexicon(doc.lang, "cues").get("claim_continuers") or [])
    # without a copula ("Это наш союзник") a clause may have no verb: only "because…" is a fragment then
    verbless = not zero_copula(doc.lang)
    out = [claims[0]]
    for a, b in claims[1:]:
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        first = next((t.text.lower() for t in doc.tokens[lo:hi] if t.text[:1].isalnum()), "")
        if (parsed and _is_fragment(doc.tokens[lo:hi], verbless)) or first in continuers:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _is_fragment(toks: Sequence[Token], verbless: bool = True) -> bool:
    """No verb heads the piece (`verbless`), or its head is subordinated ("because…")."""
    heads = [t for t in phrase_heads(toks) if t.text[:1].isalnum()]
    if not heads:
        return False
    if verbless and not any(h.pos in ("VERB", "AUX") for h in heads):
        return True
    first = next((t for t in toks if t.text[:1].isalnum()), None)
    return first is not None and first.dep == "mark" and first.head in {h.i for h in heads}


def extract_statements(doc: Doc, min_conf: float = MIN_CONFIDENCE, split: int = 2,
                       join: bool = JOIN_CONTINUATIONS) -> list[Statement]:
    text, lang = doc.text, doc.lang
    table = cue_table(lang)
    # a channel's quoted name ("сообщил в "Фейсбуке"") is no quotation
    quotes = [q for q in quote_spans(text, lang) if not quoted_channel_name(text, q[0], q[1], lang)]
    has_parse = any(t.dep for t in doc.tokens[:200])
    anaphors = anaphor_words(lang)
    mention_starts = frozenset(m.start for m in doc_mentions(doc))
    # a state, or its demonym written with a capital ("reakcji Polski": the country, not "polski")
    place_starts = frozenset(m.start for m in doc.mentions
                             if m.kind == "state" or (m.kind == "demonym" and m.text[:1].isupper()))
    body_starts = frozenset(m.start for m in doc.mentions if m.kind == "body")
    history: list[Speaker] = []
    issuer: tuple[Speaker, int, int] | None = None  # the body whose document was reported last (sentence, paragraph)
    last_speaker: tuple[Speaker, int, int] | None = None  # who made the last statement (sentence, paragraph)
    out: list[Statement] = []
    prev_date: date | None = None
    said_before = SpanIndex()  # the contents reported so far
    last_para_sent: tuple[int, int] | None = None  # (paragraph, sentence index) of the last statement
    covered_until = 0  # end of the furthest content reported so far (a "X said:" may own the next sentence)
    answer_until = 0  # end of the interview answer reported last
    in_dash_speech = _inside_signed_dash_speech(doc, table)
    titled = _document_speaker(doc)  # an official page that is one speaker's words
    signed = _name_signatures(doc, table)  # paragraphs a name signs: "…” – Josep Borrell, …"
    signed_inside = {i for last, (first, _c, _n) in signed.items() for i in range(first, last)}
    by_sentence = _tokens_by_sentence(doc)
    posts = embedded_posts(text, doc.document.meta.get("header_end") or 0, lambda line: _reports(line, table, lang))
    for si, (sent, toks) in enumerate(zip(doc.sentences, by_sentence)):
        if not toks:
            continue
        if is_furniture(text, sent.start, sent.end, lang):
            continue  # a photo caption or a byline ("…, 2022. Picture: AP Photo/X"): names, but nobody speaking
        if SKIP_TITLES and is_title_line(doc, si):
            continue
        post = next((p for p in posts if p.text[0] <= sent.start < p.signature[1]), None)
        if post is not None and sent.end > post.signature[0]:
            if text[post.signature[1]:sent.end].strip():
                post = None  # the signature glued to the article's next sentence (no full stop after the date)
            else:
                continue  # "— Ursula von der Leyen (@vonderleyen) November 8, 2021": the post's signature
        start = sent.start
        above = _signed_paragraph(doc, si, table)
        if above is not None:
            # "– Quote.\n\n– mówił X": the signature's sentence view runs over the quote above it
            start, toks = doc.sentences[above].start, [t for i in range(above, si + 1) for t in by_sentence[i]]
        view = SentenceView(text, start, sent.end, toks, table, has_parse, quotes, anaphors, mention_starts, lang,
                            place_starts=place_starts, body_starts=body_starts)
        if si > 0 and sent.paragraph - doc.sentences[si - 1].paragraph <= 1:
            view.prev_sentence = (doc.sentences[si - 1].start, doc.sentences[si - 1].end)
        if si + 1 < len(doc.sentences) and doc.sentences[si + 1].paragraph - sent.paragraph <= 1:
            view.next_sentence = (doc.sentences[si + 1].start, doc.sentences[si + 1].end)
        if sent.end <= answer_until:
            continue  # the rest of an interview answer reported whole at its first sentence
        if si in in_dash_speech or si in signed_inside:
            continue  # "— Вы слышали, что договорились они: … Будем думать, — сказал лидер": his words
        if si in signed:
            atts = [Attribution("direct", None, [signed[si][1]], signed[si][2], 0.7, notes=["signature"])]
        else:
            atts = _drop_relays(doc, _dedupe(find_attributions(view)))
        if post is not None:
            # an embedded post is its account's words, whatever its own sentences seem to say
            atts = [Attribution("direct", None, [strip_quotes(text, sent.start, sent.end)], post.name, 0.6,
                                notes=["embedded_post"])] if _post_words(text, sent.start, sent.end) >= MIN_POST_WORDS else []
        if not atts and sent.start >= covered_until:
            answer = _interview_answer(doc, si)
            if answer is not None:
                answer_until = answer[1]
                atts = [Attribution("direct", None, [answer], None, 0.6, notes=["interview_answer"])]
        # a titled page's paragraph is its speaker's, also when it reads "Наша позиция последовательна: …"
        # (a "label: claim" line is no one else's statement there)
        if titled is not None and si > titled[0] and sent.start >= covered_until \
                and all(a.kind in ("headline", "colon") for a in atts):
            paragraph = _document_paragraph(doc, si)
            if paragraph is not None:
                answer_until = paragraph[1]
                atts = [Attribution("direct", None, [paragraph], titled[1], 0.6,
                                    notes=["document_title", *(["genitive"] if titled[2] else [])])]
        if not atts and history and last_para_sent is not None and sent.start >= covered_until:
            para, last_si = last_para_sent
            unclosed = _unclosed_quote_paragraph(doc, si, quotes)
            if sent.paragraph - para <= 1 and si - last_si <= 2 and _is_quote_sentence(text, sent.start, sent.end, quotes):
                atts = [Attribution("direct", None, [strip_quotes(text, sent.start, sent.end)], None, 0.5,
                                    notes=["continuation"])]
            elif sent.paragraph == para and si - last_si == 1 and out and out[-1].kind == "direct" \
                    and opens_with_dash(text, sent.start) and _signed_by_dash_before(doc, out[-1], si):
                # «- A, - заявил он. - B.»: the dash after the signature goes on with the same speech, a
                # claim of its own as in «A, — сказал X. — B»
                atts = [Attribution("direct", None, [strip_quotes(text, sent.start, sent.end)], None, 0.5,
                                    notes=["dash_continuation"])]
            elif sent.paragraph == para and si - last_si <= 2 and out and _dash_speech_after_colon(doc, out[-1], sent.start) \
                    and not opens_with_dash(text, sent.start) and len(sent.text.split()) >= MIN_PIECE_WORDS:
                # "X wyraziła wsparcie: – A. B. C.": speech opened by a dash after a colon runs on to the
                # paragraph's end, each sentence a claim of its own (a short call, "Bądźcie silni!", none)
                atts = [Attribution("direct", None, [strip_quotes(text, sent.start, sent.end)], None, 0.5,
                                    notes=["dash_continuation"])]
            elif sent.paragraph - para <= 1 and si - last_si <= 2 and unclosed is not None and out \
                    and out[-1].kind == "direct" and _same_mark(text, out[-1].content_span[0], sent.start):
                # a quotation over several paragraphs opens each of them with a quotation mark and
                # closes only the last: the paragraph goes on with the previous speaker's quote
                atts = [Attribution("direct", None, [strip_quotes(text, sent.start, unclosed)], None, 0.5,
                                    notes=["continuation"])]
                answer_until = unclosed
        question = sent.text.rstrip(_QUOTE_TAIL).endswith("?")
        said_here: list[tuple[int, int, str | None]] = []  # this sentence's statements: span and speaker
        for att in atts:
            if question and att.kind not in ("direct", "headline"):
                continue  # "Did X say that…?" asks; it reports nothing
            if (att.speaker_span and att.kind != "direct" and not opens_with_dash(text, sent.start)
                    and text[att.speaker_span[0]:att.speaker_span[1]].strip().lower() in _author_pronouns(lang)):
                continue  # "we hope this was useful": the writer's own words, outside any quotation
            if _relative_before_content(doc, att):
                continue
            if att.kind != "direct" and att.cue_span and talk_cue(doc, tuple(att.cue_span), sent.end, att.speaker_span):
                continue  # "X discussed the border with the ministers of Y": a meeting (the events stage's)
            if "extend_back" in att.notes and not _medium_signs(doc, att):
                # first: the speech's own words (the whole paragraph) are no place to look for its speaker;
                # an agency's "– przypomina dpa" signs its own report, not a paragraph of someone's speech
                _extend_back(doc, si, att, last_para_sent[1] if last_para_sent else -1)
            # a speaker named inside this statement's own words ("– Pan minister X oświadczył, że … – mówił")
            # is whom it quotes, never whom its cue points back to
            own_history = [h for h in history if h.span is None
                           or not any(x <= h.span[0] and h.span[1] <= y for x, y in att.content_spans)]
            # for a cue with no subject ("Przekazał, że…"), the last speaker named after its own words
            # ("– … – powiedział Kamiński.") is no one named since
            last_named = history[-1].span[1] if history and history[-1].span and att.speaker_span is None else 0
            since = max(covered_until, last_named) if last_named <= (att.cue_span or (sent.start,))[0] else covered_until
            speaker = resolve_speaker(doc, att.speaker_span, own_history, att.gender_hint,
                                      att.cue_span[0] if att.cue_span else sent.start, since=since,
                                      skip=[*att.content_spans, *_quotes_between(quotes, covered_until, sent.end)])
            impersonal = _impersonal_cue(doc, att)
            if impersonal and (speaker is None or speaker.span is None
                               or not sent.start <= speaker.span[0] < sent.end):
                if (issuer is None or si - issuer[1] > DOCUMENT_SENTENCES or sent.paragraph - issuer[2] > 1) \
                        and last_speaker is not None and si - last_speaker[1] <= DOCUMENT_SENTENCES \
                        and sent.paragraph - last_speaker[2] <= 1 and _names_document_after(doc, att):
                    issuer = last_speaker  # "Об этом заявила X. «…», - сказано в тексте заявления": X's statement
                if issuer is None or si - issuer[1] > DOCUMENT_SENTENCES or sent.paragraph - issuer[2] > 1:
                    continue  # "Отмечается, что…": no source in its own sentence; an earlier speaker said nothing of it
                # "…, — сообщается на сайте МИД России. Подчеркнуто, что…": the document reported just
                # before goes on; its issuer speaks, not whoever was quoted last
                speaker = replace(issuer[0], span=None, mention=None, resolved_by="previous",
                                  confidence=min(issuer[0].confidence, 0.6))
            if "embedded_post" in att.notes and (speaker is None or not speaker.actor_id):
                continue  # a post by an account the registry cannot place (a private person): nobody's statement
            problem = speaker_problem(doc, speaker, att.speaker_span)
            if problem == AGENCY and speaker is not None and (cited := cited_person(doc, speaker, sent.end)):
                speaker, problem = cited, None  # "— пишет канал X со ссылкой на Пригожина": Prigozhin
                _content_after_citation(doc, att, cited)
            if problem == UNNAMED and speaker is not None:
                speaker = unnamed(speaker)  # "it said", "who said": kept, but naming nobody
            elif problem == AGENCY and speaker is not None and speaker.resolved_by in ("pronoun", "anaphor"):
                # '"…," it said', "according to the agency" after "BelTA agency reported": the agency
                # quoted earlier goes on with its own report
                speaker.resolved_by = "agency"
            elif problem == AGENCY and speaker is not None and _is_state(doc, speaker.actor_id):
                continue  # "Polish media reported", "Belarusian state TV said": a country's press, not the state
            elif problem == AGENCY and speaker is not None and cites_source(doc, speaker, sent.end):
                continue  # "радиостанция ZET со ссылкой на неофициальные источники": someone else's words, unnamed
            elif problem == AGENCY and speaker is not None and att.cue_span and speaker.span \
                    and speaker.span[1] <= att.cue_span[0] and att.kind != "according_to":
                if _reports_speech(doc, att, table):
                    continue  # "ТАСС сообщает, что Песков заявил…": the agency relays someone else's words
                speaker.resolved_by = "agency"  # "Reuters reported that…": its own report, not a voice to refer back to
            elif problem:
                continue  # a dateline, a header line, "Jak podaje PAP, X…" (someone else's words): nothing
            elif (speaker is not None and speaker.resolved_by == "text" and att.kind != "according_to"
                  and speaker.span is not None and oblique_only(WORD.findall(speaker.name or ""), lang)):
                # "…в интервью гендиректору … Дмитрию Киселеву, сообщает БелТА": a name in the dative or
                # genitive is whom the words went to or whose they are, never the subject of the cue
                continue
            if not _acceptable_speaker(att, speaker, doc, [st.speaker for st in out if st.speaker]):
                continue
            if "back_reference" in att.notes and (reported := _reported_already(out, att.content_spans[0])):
                if not (speaker is not None and speaker.name and not _is_state(doc, speaker.actor_id)
                        and all(st.speaker is None or _is_state(doc, st.speaker_id) for st in reported)):
                    continue  # "X заявил, что A. Об этом он сообщил на встрече…": the second names the occasion
                # "В Беларуси заявили, что A. Об этом заявил начальник департамента X": X said A, not the state
                out[:] = [st for st in out if not any(st is r for r in reported)]
            if speaker is not None and ("genitive" in att.notes or speaker.resolved_by == "relative"):
                # "по словам Ивана Петрова": Иван Петров; "Hikmeta Hadżijewa, …, który powiedział": Hikmet Hadżijew
                speaker = nominative_person(speaker, lang)
            if speaker is not None:
                speaker = full_name_of_surname(speaker, [st.speaker for st in out if st.speaker], lang)
                speaker = name_of_titled_text_person(speaker, doc, att.cue_span[0] if att.cue_span else sent.start)
            same_speaker = bool(out) and out[-1].speaker == (speaker.name if speaker else None)
            if "continuation" in att.notes and join and same_speaker and out[-1].kind == "direct":
                _join_continuation(doc, out[-1], att.content_spans[0])
                covered_until = max(covered_until, out[-1].content_span[1])
                last_para_sent = (sent.paragraph, si)
                continue
            # the day the text gave this speaker's last statement in this or the paragraph before (same
            # occasion, unless told otherwise), also across statements of others between ("NATO said on Monday… the statement said… it added")
            carried = (_last_date_of(out, speaker.name, doc, sent.paragraph)
                       if speaker is not None and speaker.name else None)
            # a date anywhere in the whole quotation is what is reported, in each claim split from it
            reported = (att.content_spans[0][0], att.content_spans[-1][1]) if att.content_spans else None
            # what the other statements of this sentence and those before report dates none of this one's
            others = SpanIndex((c for x in atts if x is not att for c in x.content_spans), under=said_before)
            # added once every claim split from this quotation is dated: each is dated against what was
            # said before the quotation (the quotation itself is `reported`)
            said_now: list[tuple[int, int]] = []
            for parts in (_split_claims(doc, att, split, quotes) if split else [att.content_spans]):
                att.content_spans = parts
                st = _statement(doc, sent, si, att, speaker, prev_date, carried, reported, others)
                if st.confidence < min_conf:
                    continue
                out.append(st)
                said_now.extend(st.content_spans or [st.content_span])
                covered_until = max(covered_until, st.content_span[1])
                prev_date = st.date or prev_date
            # "X noted that Putin had cited A …": the one reported inside X's words is no later "he" before X
            outer = next((name for x, y, name in said_here if said_now and x <= said_now[0][0] and said_now[-1][1] <= y
                          and name != (speaker.name if speaker else None)), None)
            for span in said_now:
                said_before.add(span)
                said_here.append((*span, speaker.name if speaker else None))
            last_para_sent = (sent.paragraph, si)
            if said_now and speaker is not None and (speaker.actor_id or speaker.resolved_by == "text") \
                    and not impersonal:
                last_speaker = (speaker, si, sent.paragraph)
            if said_now and speaker is not None and speaker.actor_id and _document_cue(doc, att) \
                    and (speaker.gender == "n" or document_named_after(doc, att.cue_span[1])):
                # a body's document, or one a person's name signs ("говорится в комментарии … Марии
                # Захаровой"), which later impersonal cues ("Отмечается, что…") go on with
                issuer = (speaker, si, sent.paragraph)
            elif said_now:
                issuer = None
            # a noun cue or a stance verb is weak evidence of who is talking: "it" later must not
            # be resolved through it; a person the text names as the subject of a stance verb
            # ("Shmyhal considers… He called on…") is still who "he" is next, and a body it names
            # ("…was reported by the telecom operator Cinia. According to the company…") what "the company" is
            if (speaker is not None and speaker.name and speaker.resolved_by != "agency"
                    and (not {"noun_cue", "attitude"} & set(att.notes) or _named_person(doc, speaker)
                         or is_text_body(speaker, lang))):
                if speaker.gender is None and att.gender_hint:
                    speaker.gender = att.gender_hint
                elif speaker.gender == "n" and att.cue_span and \
                        (verb_gender := gender_from_verb(text[att.cue_span[0]:att.cue_span[1]], table)) in ("m", "f"):
                    speaker.grammatical = verb_gender  # the verb's ending, not a pronoun's guess
                speaker.text_body = speaker.text_body or is_text_body(speaker, lang)
                if speaker.text_body and speaker.gender is None:
                    speaker.gender = "n"  # "the Regional Signals Authority": a body, an "it" or "the agency" later
                if speaker.gender is None and speaker.actor_id is None and speaker.resolved_by == "text":
                    # what a later "he", "she" or "they" may stand for, read off the phrase
                    referent = phrase_referent(doc, speaker.span)
                    speaker.gender = referent if referent in ("n", "p") else None
                    speaker.one_person = referent == "s"
                if outer is not None and history and history[-1].name == outer:
                    history.insert(len(history) - 1, speaker)
                else:
                    history.append(speaker)
            elif speaker is not None and speaker.name and speaker.resolved_by == "agency":
                # "…, BelTA agency reported. '…,' it said": the agency's own report is what a later "it"
                # or "the agency" points back to, never a "he" or "she"
                history.append(replace(speaker, gender="n", text_body=True))
    _reader_speakers(doc, out)
    return _drop_repeats(_drop_relaying_statements(_drop_nested_beliefs(out, doc)))


def _last_date_of(out: list[Statement], speaker: str, doc: Doc, paragraph: int) -> date | None:
    """The date of the last statement in `out` by `speaker` when it is near: among the last
    `CARRY_STATEMENTS` statements, or in this paragraph or the one before. Else None: a speaker back
    in a later section (after other dated news) speaks on another occasion."""
    at = next((k for k in range(len(out) - 1, -1, -1) if out[k].speaker == speaker), None)
    if at is None:
        return None
    last = out[at]
    if len(out) - at <= CARRY_STATEMENTS:
        return last.date
    sentence = doc.sentence_at(last.content_span[0])
    para = sentence.paragraph if sentence is not None else paragraph
    return last.date if paragraph - para <= 1 else None


def _reported_already(out: list[Statement], span: tuple[int, int]) -> list[Statement]:
    """The statements found before that cover at least half of `span` (the sentence a back reference points to)."""
    return [st for st in out[-4:] if _overlap(st.content_span, span) >= 0.5 * (span[1] - span[0])]


def _paragraph_bounds(doc: Doc, si: int) -> tuple[int, int]:
    """Indices of the first and last sentence of sentence si's paragraph."""
    sents = doc.sentences
    first, last = si, si
    while first > 0 and sents[first - 1].paragraph == sents[si].paragraph:
        first -= 1
    while last + 1 < len(sents) and sents[last + 1].paragraph == sents[si].paragraph:
        last += 1
    return first, last


def _signed_by_dash_before(doc: Doc, last: Statement, si: int) -> bool:
    """Was the last statement signed in the sentence before si, after a dash that closed its words
    ("- A, - заявил он.")?"""
    if last.cue_span is None or si == 0:
        return False
    before = doc.sentences[si - 1]
    return before.start <= last.cue_span[0] < before.end \
        and any(opens_with_dash(doc.text, x) for x in range(last.content_span[1], last.cue_span[0]))


_COLON_DASH = re.compile(r":\s*[-–—]\s+")
_CLOSING_DASH = re.compile(r"\s[-–—]\s")


def _dash_speech_after_colon(doc: Doc, last: Statement, at: int) -> bool:
    """Does a speech opened by a dash after a colon ("wyraziła wsparcie: – A. B.") run on, unclosed by
    another dash, from the last statement's words to `at`, all in one line?"""
    line_start = doc.text.rfind("\n", 0, at) + 1
    opened = None
    for m in _COLON_DASH.finditer(doc.text, line_start, at):
        opened = m
    return opened is not None and last.content_span[0] >= opened.end() - 1 \
        and _CLOSING_DASH.search(doc.text, opened.end(), at) is None


def _same_mark(text: str, content_start: int, pos: int) -> bool:
    """Is the quotation mark at `pos` the one that opened the quote whose content starts at
    `content_start`? A writer goes on with a quotation in the marks it opened with; a change of
    marks quotes another text."""
    before = text[max(0, content_start - 2):content_start].strip()
    return bool(before) and before[-1] == text[pos]


def _unclosed_quote_paragraph(doc: Doc, si: int, quotes: Sequence[tuple[int, int]]) -> int | None:
    """The end of sentence si's paragraph when that paragraph opens with a quotation mark that it
    never closes (the convention for a quotation running on into the next paragraph), else None."""
    first, last = _paragraph_bounds(doc, si)
    a, b = doc.sentences[first].start, doc.sentences[last].end
    if doc.text[a:a + 1] not in OPEN_QUOTES or any(qa == a for qa, _qb in quotes):
        return None
    text = doc.text
    marks = re.compile("[" + re.escape("".join(ch for ch in CLOSE_QUOTES if len(ch) == 1 and ch != text[a])) + "]")
    # only the closing marks are looked at, not every character of the paragraph
    if any(not (text[m.start() - 1].isalnum() and m.start() + 1 < b and text[m.start() + 1].isalnum())
           for m in marks.finditer(text, a + 1, b)):
        return None  # a mark closes in the paragraph: the quotation ended there (not "Lukashenko’s" apostrophe)
    return b


def _dash_paragraph_before(doc: Doc, si: int) -> tuple[int, int] | None:
    """First and last sentence of the paragraph right before sentence si's, when that paragraph opens
    with a dash (speech set as a block in Polish and Russian typography); else None."""
    before = _previous_paragraph(doc, si)
    return before if before is not None and opens_with_dash(doc.text, doc.sentences[before[0]].start) else None


def _previous_paragraph(doc: Doc, si: int) -> tuple[int, int] | None:
    """First and last sentence of the paragraph right before sentence si's (none when si opens the
    text or a blank stretch lies between)."""
    if si == 0:
        return None
    first, last = _paragraph_bounds(doc, si - 1)
    if doc.sentences[last].paragraph != doc.sentences[si].paragraph - 1:
        return None
    return first, last


def _interview_answer(doc: Doc, si: int) -> tuple[int, int] | None:
    """The span of an interview answer opening at sentence si, or None.

    `— Question?` `— Answer.`: a paragraph opened by a dash right after a dash-opened paragraph
    that asks is the interviewee's answer, with no cue of its own (a transcript is split by its
    paragraphs); the speaker is whoever the text named before."""
    sents, text = doc.sentences, doc.text
    first, last = _paragraph_bounds(doc, si)
    if first != si or not opens_with_dash(text, sents[si].start):
        return None
    asked = _dash_paragraph_before(doc, si)  # the question is the paragraph right before
    if asked is None or not text[sents[asked[0]].start:sents[asked[1]].end].rstrip().endswith("?"):
        return None
    return _paragraph_claim(doc, first, last)


def _paragraph_claim(doc: Doc, first: int, last: int, *, skip_furniture: bool = False) -> tuple[int, int] | None:
    """The span of sentences first..last as one claim with no cue of its own (an interview answer, a
    titled page's paragraph): None for a question or a piece too short for a claim, and, when asked,
    for page furniture (a date line, a credit)."""
    a, b = trim_span(doc.text, doc.sentences[first].start, doc.sentences[last].end)
    if doc.text[a:b].rstrip().endswith("?") or len(doc.text[a:b].split()) < MIN_PIECE_WORDS \
            or (skip_furniture and is_furniture(doc.text, a, b, doc.lang)):
        return None
    return strip_quotes(doc.text, a, b)


@cache
def _document_title_forms(lang: str) -> tuple[re.Pattern[str] | None, bool]:
    """The words that open a title giving the whole text as someone's words (`document_titles` of
    cues.yaml), and whether the speaker after them stands in the genitive ("Ответ *А.Глаза*")."""
    data = lexicon(lang, "cues").get("document_titles") or {}
    forms = [str(f) for f in data.get("forms") or [] if str(f).strip()]
    pattern = re.compile(r"\s*(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE) if forms else None
    return pattern, bool(data.get("genitive"))


def _document_speaker(doc: Doc) -> tuple[int, tuple[int, int], bool] | None:
    """(title sentence, speaker span, genitive) when the text's title gives the whole text as
    someone's words ("Ответ пресс-секретаря МИД Беларуси А.Глаза на вопрос агентства…", "Statement
    by the High Representative on…"): an official page that prints the words with no quotation
    marks or cue. The speaker is the first person the title names, else the first office, else the
    first body (the topic comes after them); None for any other text."""
    pattern, genitive = _document_title_forms(doc.lang)
    if pattern is None:
        return None
    body = _body_start(doc)
    si = next((i for i, s in enumerate(doc.sentences) if s.start >= body), None)
    if si is None or not is_title_line(doc, si) or not pattern.match(doc.text, doc.sentences[si].start):
        return None
    sent = doc.sentences[si]
    named = [m for m in doc.mentions if sent.start <= m.start and m.end <= sent.end]
    for kind in ("name", "title", "body"):
        m = next((m for m in named if m.kind == kind), None)
        if m is not None:
            return si, (m.start, m.end), genitive
    return None


def _document_paragraph(doc: Doc, si: int) -> tuple[int, int] | None:
    """The span of the paragraph sentence si opens, as words of a titled document's speaker: None for
    a sentence inside a paragraph, a question, a line too short for a claim (a date line, a signature)
    or page furniture."""
    first, last = _paragraph_bounds(doc, si)
    return _paragraph_claim(doc, first, last, skip_furniture=True) if first == si else None


def _name_signatures(doc: Doc, table: Any) -> dict[int, tuple[int, tuple[int, int], tuple[int, int]]]:
    """{signature sentence: (first sentence of its paragraph, content span, name span)} for each
    paragraph signed at its end by a dash and a person's name with no verb ("“… our determination to
    act. – Josep Borrell, High Representative for Foreign Affairs"): the press-release form, where
    the name signs the whole paragraph above it. A signature with a speech verb ("– mówił X") is
    the dash cue's, read elsewhere."""
    sents, text = doc.sentences, doc.text
    out: dict[int, tuple[int, tuple[int, int], tuple[int, int]]] = {}
    people_at = {m.start: m for m in reversed(doc.mentions) if m.kind == "name" or m.label in ("PER", "PERSON")}
    si = 0
    while si < len(sents):
        first, last = _paragraph_bounds(doc, si)
        si = last + 1
        sent = sents[last]
        dash = None
        for m in _SIGNATURE_DASH.finditer(text, sent.start, sent.end):
            dash = m
        if dash is None:
            continue
        signature = text[dash.end():sent.end]
        name = people_at.get(dash.end())
        if name is None or name.end > sent.end or len(signature.split()) > SIGNATURE_MAX_WORDS \
                or any(table.speech.fullmatch(w.casefold()) for w in re.findall(r"\w+", signature)) \
                or any(t.pos in ("VERB", "AUX") for t in doc.tokens_in((dash.end(), sent.end))):
            continue  # "– mówił X", "– Tusk i Duda spotkali się…": a cue's signature or a clause, not a name
        a, b = trim_span(text, sents[first].start, dash.start())
        if len(text[a:b].split()) < MIN_PIECE_WORDS or text[a:a + 1] not in OPEN_QUOTES \
                or text[a:b].rstrip()[-1:] not in _SIGNED_END:
            continue  # a quotation the paragraph opens and ends, then the name: "…, herself - Sharon Werner, …" is a list
        out[last] = (first, strip_quotes(text, a, b), (name.start, name.end))
    return out


# A dash that opens a paragraph's closing signature, at the sentence's start or after a space.
_SIGNATURE_DASH = re.compile(r"(?:(?<=\s)|^)[–—-]\s*(?=\w)", re.MULTILINE)
# What a signed quotation ends with before its dash: a sentence's end or a closing quotation mark.
_SIGNED_END = frozenset(".!?…\"”»’'")
# A name and an office at most: a longer tail after a dash is more text, not a signature.
SIGNATURE_MAX_WORDS = 16


def _inside_signed_dash_speech(doc: Doc, table: Any) -> set[int]:
    """The sentences inside speech a dash opens at its paragraph's start and a later sentence of the
    same paragraph signs (" — сказал лидер …", " – dodał X"), with no signature of their own: a cue in
    them ("что якобы уже договорились они: …") is the speaker's words, as one inside quotation marks
    is. Read once per document, a paragraph at a time."""
    sents, text = doc.sentences, doc.text
    out: set[int] = set()
    first = 0
    while first < len(sents):
        last = first
        while last + 1 < len(sents) and sents[last + 1].paragraph == sents[first].paragraph:
            last += 1
        # the speech may open after the paragraph's lead ("… przedstawił rzecznik X. – Pan minister Y
        # oświadczył, że … – mówił."): from the first sentence opened by a dash
        opened = next((x for x in range(first, last + 1) if opens_with_dash(text, sents[x].start)), None)
        if opened is not None and last > opened:
            signed = [_dash_cue(text[sents[x].start:sents[x].end], table) for x in range(opened, last + 1)]
            # the speech runs until its first signature; the sentences before it are inside it
            end = next((x for x, flag in enumerate(signed) if flag), None)
            if end:
                out.update(range(opened, opened + end))
        first = last + 1
    return out


def _dash_cue(sentence: str, table: Any) -> bool:
    """Does a dash inside the sentence open a signature: a dash then a speech verb (", — сказал X")?"""
    return any(table.speech.fullmatch(m.group(1).lower()) for m in _DASH_WORD.finditer(sentence) if m.start() > 0)


_DASH_WORD = re.compile(r"\s[-–—]\s*(\w+)")


def _signed_paragraph(doc: Doc, si: int, table: Any) -> int | None:
    """The first sentence of the dash-opened quotation a signature paragraph closes, or None.

    Web copies of Polish and Russian news set a quotation as a block ("– Nasi rolnicy…") and
    its signature as the next paragraph ("– mówił X w radiu."): the signature opens a paragraph,
    with a dash and a reporting verb, right after the quotation's paragraph. That one opens with a
    dash too, or, on pages that dropped it, is a plain paragraph ("Nie wykluczamy … nastawionymi"
    then "- ocenił X w RMF FM. Polskie Radio podaje…"): a signature signs the words right above it."""
    sents, text = doc.sentences, doc.text
    sent = sents[si]
    if not opens_with_dash(text, sent.start) or _paragraph_bounds(doc, si)[0] != si:
        return None  # the signature opens its paragraph
    first_word = re.match(r"[-–—]\s*(\w+)", text[sent.start:sent.end])
    if not first_word or not table.speech.fullmatch(first_word.group(1).lower()):
        return None
    quoted = _dash_paragraph_before(doc, si) or _paragraph_before(doc, si)
    return quoted[0] if quoted else None


def _paragraph_before(doc: Doc, si: int) -> tuple[int, int] | None:
    """The paragraph right before sentence si's (`_previous_paragraph`), when it has words enough for a
    claim and does not end with a colon (which announces what follows); else None."""
    before = _previous_paragraph(doc, si)
    if before is None:
        return None
    a, b = doc.sentences[before[0]].start, doc.sentences[before[1]].end
    if doc.text[a:b].rstrip().endswith(":") or len(doc.text[a:b].split()) < MIN_PIECE_WORDS:
        return None
    return before


def _quotes_between(quotes: Sequence[tuple[int, int]], a: int, b: int) -> Sequence[tuple[int, int]]:
    """The quotations (sorted, not overlapping) that overlap [a, b)."""
    lo = bisect.bisect_left(quotes, (a, -1))
    if lo > 0 and quotes[lo - 1][1] > a:
        lo -= 1
    return quotes[lo:bisect.bisect_left(quotes, (b, -1))]


def _containing_index(spans: list[list[tuple[int, int]]]):
    """A finder of the statements (indices, in order) one of whose content parts holds an offset.

    Parts are sorted by start and only those starting within the longest part's length before
    the offset are looked at: comparing every statement with every other was quadratic on a
    long document."""
    parts = sorted((a, b, j) for j, ps in enumerate(spans) for a, b in ps)
    starts = [a for a, _, _ in parts]
    longest = max((b - a for a, b, _ in parts), default=0)

    def containing(offset: int) -> list[int]:
        hi = bisect.bisect_right(starts, offset)
        lo = bisect.bisect_left(starts, offset - longest)
        return sorted({j for a, b, j in parts[lo:hi] if a <= offset < b})

    return containing


def _drop_repeats(out: list[Statement]) -> list[Statement]:
    """The first of statements the page repeats word for word (a photo caption or a lead stored twice):
    the same speaker and the same content are one statement, not two."""
    seen: set[tuple[str | None, str]] = set()
    kept = []
    for st in out:
        key = (st.speaker, " ".join(st.content.split()).casefold())
        if key in seen:
            continue
        seen.add(key)
        kept.append(st)
    return kept


def _drop_nested_beliefs(out: list[Statement], doc: Doc) -> list[Statement]:
    """`X said she plans to…`: the plan is part of what X said, not a second attribution.

    A belief, view or intention whose cue lies inside another statement's content is that
    statement's content, and so is the same speaker's nested cue over part of the same words, or
    the nested cue of the speaker's own state ("Oznajmił, że Moskwa domaga się, by…": the minister
    voices his state's demand); a nested reporting verb of someone else (`X said Y told him that…`) stays."""
    spans = [(st.content_spans or [st.content_span]) for st in out]
    containing = _containing_index(spans)
    kept = []
    for i, st in enumerate(out):
        if st.cue_span is None:
            kept.append(st)
            continue
        outer = [j for j in containing(st.cue_span[0]) if j != i]
        if (st.extra or {}).get("belief") and outer:
            continue
        if any((out[j].speaker == st.speaker or (st.speaker is None and out[j].speaker)
                or _own_body_view(out[j], st) or _own_state_voiced(doc, out[j], st))
               and out[j].content_span[0] <= st.content_span[0]
               and st.content_span[1] <= out[j].content_span[1] for j in outer):
            # "noted what he called «steps in the right direction»": the same words, twice; and
            # "According to X, the sides agreed to…": a cue nobody could be named for, inside X's words
            continue
        kept.append(st)
    return kept


def _own_state_voiced(doc: Doc, outer: Statement, inner: Statement) -> bool:
    """Is the inner speaker the state the outer speaker speaks for ("Lavrov: Moscow demands…")?"""
    return (outer.speaker_id is not None and outer.speaker_id != inner.speaker_id and bool(outer.speaker_country)
            and inner.speaker_country == outer.speaker_country and _is_state(doc, inner.speaker_id))


def _own_body_view(outer: Statement, inner: Statement) -> bool:
    """Is the inner statement an according-to view of the body the outer speaker speaks for ("…, что,
    по мнению Кремля, является ошибкой. Об этом заявил Песков": the Kremlin's view is his words)?"""
    return inner.kind == "according_to" and bool(outer.speaker_org) and outer.speaker != inner.speaker \
        and outer.speaker_org in (inner.speaker, inner.speaker_org) and inner.speaker_role != outer.speaker_role \
        and inner.speaker_id is not None and outer.speaker_id is not None


def _drop_relaying_statements(out: list[Statement]) -> list[Statement]:
    """`It said Jabłoński told the ambassador that A`: the outer statement's content is the inner
    one, cue and all; the inner speaker's words A are the statement, the outer relays them. An inner
    speaker nobody could name ("According to the politician, the sides agreed to…") relays nothing."""
    kept = []
    for st in out:
        a, b = st.content_span
        if st.kind != "direct" and any(
                o is not st and o.speaker and o.speaker_span and a <= o.speaker_span[0] <= a + 1 and o.cue_span
                and o.cue_span[0] < b and a <= o.content_span[0] and b - 2 <= o.content_span[1] <= b
                for o in out):
            continue  # the content opens with the inner speaker (no "that" before it) and ends with its words
        kept.append(st)
    return kept


@lru_cache(maxsize=8)
def _reader_cues(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon(lang, "cues").get("reader_cues") or [])


def _reader_speakers(doc: Doc, out: list[Statement]) -> None:
    """`"A" – czytamy. "B" – dodaje X.`: what "we read" (a caption, a post) names no speaker of its
    own; when the next quote in the paragraph names one, A is that speaker's too (rather than the
    last speaker's, who only showed the text)."""
    readers = _reader_cues(doc.lang)
    if not readers:
        return
    para_of = {(s.start, s.end): s.paragraph for s in doc.sentences}
    for i, st in enumerate(out):
        if (st.cue or "").lower() not in readers or (st.extra or {}).get("resolved_by") not in ("previous", None):
            continue
        nxt = next((o for o in out[i + 1:] if (o.cue or "").lower() not in readers), None)
        if (nxt is None or not nxt.speaker_id or (nxt.extra or {}).get("resolved_by") == "previous"
                or para_of.get(nxt.sentence_span) != para_of.get(st.sentence_span)):
            continue
        st.speaker, st.speaker_id = nxt.speaker, nxt.speaker_id
        st.speaker_role, st.speaker_org, st.speaker_country = actor_fields(doc, nxt.speaker_id, st.date)
        st.speaker_mention, st.speaker_span = nxt.speaker_mention, nxt.speaker_span
        st.extra = {**(st.extra or {}), "resolved_by": "next_quote"}


def _join_continuation(doc: Doc, prev: Statement, span: tuple[int, int]) -> None:
    """`"A," X said. "B."`: the quotation B goes on with A's words, so it is one more part of A's content."""
    spans = prev.content_spans or [prev.content_span]
    prev.content_spans = spans + [span]
    prev.content_span = (spans[0][0], span[1])
    prev.content = " ".join(doc.text[a:b] for a, b in prev.content_spans)


# What may follow a dateline's date before the report begins: dots, dashes, an agency tag.
WIRE_TAG_AFTER = 40  # the longest dateline before a wire tag in a paragraph ("Москва. 10 ноября. ")
_WIRE_TAG = re.compile(r"(\w[\w.]*(?: \w+){0,2})[ \t]*[-\u2013\u2014][ \t]+(?=\w)")


def _wire_tag(text: str, start: int) -> int | None:
    """Where the words start after a place or agency in capitals and a dash that open a paragraph or
    follow its dateline ("INTERFAX.RU - …", "BEIJING – …"), or None."""
    if start - (text.rfind("\n", 0, start) + 1) > WIRE_TAG_AFTER:
        return None  # no paragraph's start, nor right after its dateline ("Москва. 10 ноября. ")
    m = _WIRE_TAG.match(text, start)
    if m is None:
        return None
    letters = [c for c in m.group(1) if c.isalpha()]
    return m.end() if len(letters) >= 3 and all(c.isupper() for c in letters) else None


_AFTER_DATELINE = re.compile(r"[\s.,:;\-\u2013\u2014/)]*(?:\(\w[\w .]{0,20}\)|/\w[\w .]{0,20}/)?[\s.,:;\-\u2013\u2014/]*")


def _without_dateline(spans: list[tuple[int, int]], doc: Doc) -> list[tuple[int, int]]:
    """Content spans without the dateline they open with ("MOSKWA, 10 listopada — Dwa bombowce
    …, poinformowało ministerstwo": the place and day are the outlet's, not the speaker's words)."""
    if spans and (tag := _wire_tag(doc.text, spans[0][0])) is not None and tag < spans[0][1]:
        # "INTERFAX.RU - Европейский Союз…", "BEIJING – China's Foreign Ministry…": a place or an agency
        # in capitals and a dash open the paragraph; the speaker's words start after them
        spans = [(tag, spans[0][1])] + spans[1:]
    line = dateline(doc)
    if not spans or line is None or not (spans[0][0] <= line.start < spans[0][1]):
        return spans
    start = _AFTER_DATELINE.match(doc.text, line.end).end()
    if start >= spans[0][1]:
        return spans
    return [(start, spans[0][1])] + spans[1:]


def _by_office(doc: Doc, speaker: Speaker) -> bool:
    """Was the speaker named by an office held on the document's date (a title, a bare title of the
    home country, a title noun referring back), not by name?"""
    if speaker.resolved_by in ("title", "anaphor"):
        return True
    return speaker.span is not None and any(m.kind == "title" and (m.start, m.end) == speaker.span
                                            for m in doc.mentions)


def _speaker_spans(doc: Doc, speaker: Speaker | None) -> list[tuple[int, int]]:
    """Where the text names the speaker: its mention here and every mention of its actor."""
    if speaker is None:
        return []
    spans = [(m.start, m.end) for m in doc_mentions(doc) if speaker.actor_id and m.actor_id == speaker.actor_id]
    return spans + ([speaker.span] if speaker.span else [])


def _statement(doc: Doc, sent: Any, si: int, att: Attribution, speaker: Speaker | None, prev_date: date | None,
               carried: date | None = None, reported: tuple[int, int] | None = None,
               others: SpanIndex | None = None) -> Statement:
    text = doc.text
    spans = _without_dateline([s for s in att.content_spans if s[1] > s[0]], doc)
    c_span = (spans[0][0], spans[-1][1])
    content = " ".join(text[a:b] for a, b in spans)
    clause = (min(sent.start, c_span[0]), max(sent.end, c_span[1]))
    # The content is passed so that a date inside it (what is reported) does not date the saying;
    # for a claim split from a longer quotation, that is the whole quotation (`reported`).
    quoted = (min(c_span[0], reported[0]), max(c_span[1], reported[1])) if reported else c_span
    when, date_conf, evidence = statement_date(doc, clause, prev_date, content=quoted, carried=carried,
                                               cue=att.cue_span, saying=True,
                                               speaker_spans=_speaker_spans(doc, speaker), reported=others)
    role, org, country = actor_fields(doc, speaker.actor_id if speaker else None, when)
    conf = att.confidence * (speaker.confidence if speaker else 0.5)
    conf = min(1.0, conf + 0.1) if speaker and speaker.actor_id else conf
    if speaker is not None and speaker.actor_id and (doc.date is None or doc.date_is_inferred) \
            and _by_office(doc, speaker):
        conf *= INFERRED_DATE_OFFICE_FACTOR  # no date, or one read off the URL or text: the holder may be another
    return Statement(
        doc_id=doc.id,
        content=content,
        content_span=c_span,
        content_spans=spans if len(spans) > 1 else [],
        speaker=speaker.name if speaker else None,
        speaker_id=speaker.actor_id if speaker else None,
        speaker_span=speaker.span if speaker else None,
        speaker_mention=(speaker.mention or (text[speaker.span[0]:speaker.span[1]] if speaker.span else None)) if speaker else None,
        speaker_role=role,
        speaker_org=org,
        speaker_country=country,
        cue=text[att.cue_span[0]:att.cue_span[1]] if att.cue_span else None,
        cue_span=att.cue_span,
        kind=att.kind,
        date=when,
        date_confidence=date_conf,
        date_evidence=evidence,
        sentence=text[sent.start:sent.end],
        sentence_span=(sent.start, sent.end),
        confidence=round(conf, 3),
        extractor=EXTRACTOR,
        extractor_version=VERSION,
        extra={"resolved_by": speaker.resolved_by if speaker else None, "belief": att.belief, "notes": att.notes},
    )
