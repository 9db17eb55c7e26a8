"""Choosing whom a statement is about, and naming actors the way analysts do.

Conventions (those of the hand-made gold): a state's bodies, capital and
demonym stand for the state ("the Kremlin" → Russia, "Minsk" → Belarus,
"Polish soldiers" → Poland); persons and supranational bodies (EU, NATO) keep
their own names. The target of a statement is, in this order of preference:

1. the actor addressed or accused between the cue and the content ("called on
   the EU to ...", "accused Poland of ..."),
2. the actor the content is mainly about (earliest mention, grammatical subject
   preferred), other than the speaker and the speaker's own side,
3. the speaker's own side when nothing else is named; entities the registry
   does not know (outlets, places the NER tagged) only when no known actor is named,
4. the previous statement's target by the same speaker in the same paragraph
   (continuations such as "He further added that ..." keep their topic).

Within these, a state named only to qualify a person ("the Russian politician
X", "President of Belarus Y") gives way to the person, the collective West to
the specific Western actors named with it, and an actor named in the rest of
the sentence ("Commenting on X's remarks, the spokesman said that ...") counts
after those named in the content but before the speaker's own side. Words of
the speaker's title ("deputy envoy to the UN Z said") are not addressees.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from linewatch.actors.registry import get_registry
from linewatch.analyze.stance.topics import TopicMention, topic_mentions
from linewatch.analyze.stance.words import stance_words, words_with_spans
from linewatch.extract.attribution.speaker import speaker_words
from linewatch.extract.dates import dateline_span
from linewatch.extract.mentions import doc_mentions as find_doc_mentions
from linewatch.model import Actor, Span, Statement
from linewatch.nlp.doc import Doc, Mention
from linewatch.nlp.polish_morph import may_be_accusative
from linewatch.nlp.segment import opening_quotes

MAX_MENTIONS = 5000  # per document; hostile input may name thousands
CONTEXT_REACH = 1500  # characters around a statement's content searched for its target
# Entities the registry does not know are targets only when they name a person, body or state
# (not places such as towns and checkpoints, dates or nationalities).
UNRESOLVED_LABELS = ("PER", "ORG", "GPE")
COLLECTIVE_COUNTRIES = ("WEST",)  # registry country codes of collective actors ("the West")
COLLECTIVE_IDS = ("western-countries",)  # the same, for registries that give them no country
SPECIFIC_GAP = 60  # max characters between "the West" and the specific actor that spells it out
QUALIFIER_GAP = 40
PLACE_REACH = 5  # words before a state searched for the place noun it names ("the border between Poland and")
FOLLOW_PARAGRAPHS = 2  # paragraphs after a statement in which the speaker's next one keeps its target
THING_NAME_WORDS = 3  # words of a thing's proper name beside its topic word ("Nord Stream 2")
SHORT_ALIAS = 4  # names up to this length written in lower case are common words, not names  # max characters between a state word and the person it qualifies
TITLE_START = re.compile(r"[,;:\"«»„“”()\n]|\s[—–-]\s")  # what ends a speaker's title on its left


@dataclass
class Candidate:
    name: str  # canonical name as the target is reported
    actor_id: str | None
    span: Span
    country: str | None  # ISO alpha-3 of the actor, when known
    kind: str  # mention kind (name / body / state / demonym / title / ner), or topic (a thing, no actor)
    where: str = "content"  # content / addressed / context (rest of the sentence) / previous
    # A body reported as its state whose own name says whose it is ("Ministry of Foreign Affairs
    # of Poland", "Polish Border Guard"): the statement's target is reported under that name,
    # which is more precise and still names the state. The choice itself is made on the state.
    body: str | None = None
    body_id: str | None = None
    label: str = ""  # the NER label of an entity the registry does not know (PER / ORG / GPE)

    @property
    def shown_name(self) -> str:
        """The name the target is reported under."""
        return self.body or self.name

    @property
    def shown_id(self) -> str | None:
        return self.body_id or self.actor_id


def _registry():
    try:
        return get_registry()
    except Exception:
        return None


@lru_cache(maxsize=1)
def _states_by_country() -> dict[str, Actor]:
    registry = _registry()
    if registry is None:
        return {}
    return {a.country: a for a in registry.all() if a.type == "state" and a.country}


def target_actor(actor: Actor) -> Actor:
    """The actor a target is reported as: a state's bodies and places become the state.

    An organisation that acts in its own name (armed forces, an armed group, a parliament;
    registry `stands_for_state: false`) stays itself, as the gold names it ("Wagner Group").
    """
    if actor.type == "organisation" and actor.country and actor.stands_for_state:
        state = _states_by_country().get(actor.country)
        if state is not None:
            return state
    return actor


@lru_cache(maxsize=512)
def names_its_state(body_id: str) -> bool:
    """Whether a body's canonical name names the state it is reported as ("... of Poland",
    "Polish Border Guard", "Council of the European Union"), not merely a seat ("Kremlin")."""
    registry = _registry()
    body = registry.by_id(body_id) if registry else None
    if body is None:
        return False
    state = target_actor(body)
    if state is body:
        return False
    words = body.name.replace(",", " ").split()
    for n in range(1, min(3, len(words)) + 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            if any(m.actor_id == state.id and m.kind in ("state", "demonym") and m.end - m.start == len(phrase)
                   for m in registry.find_mentions(phrase, "en")):
                return True
    return False


def doc_mentions(doc: Doc) -> list[Mention]:
    """The document's actor mentions; found here (registry + NER) if no earlier stage did."""
    if doc.mentions:
        return doc.mentions[:MAX_MENTIONS]
    cached = doc.annotations.get("stance_mentions")
    if cached is None:
        registry = _registry()
        cached = []
        if registry is not None:
            cached = find_doc_mentions(doc, registry)[:MAX_MENTIONS]
        doc.annotations["stance_mentions"] = cached
    return cached


def _mentions_from(doc: Doc, offset: int) -> list[Mention]:
    """The document's mentions starting at or after `offset`, in text order (bisected)."""
    mentions = doc_mentions(doc)  # a fresh slice each call: the cache is keyed by what it holds
    key = (id(doc.mentions), len(doc.mentions), len(mentions))
    cached = doc.annotations.get("stance_mentions_sorted")
    if cached is None or cached[0] != key:
        ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
        cached = (key, ordered, [m.start for m in ordered])
        doc.annotations["stance_mentions_sorted"] = cached
    _, ordered, starts = cached
    return ordered[bisect.bisect_left(starts, offset) :]


def _side_country(actor: Actor, shown: Actor) -> str | None:
    """The country code whose side an actor reported as `shown` is on ("WEST" for the West)."""
    return shown.country or actor.country or (COLLECTIVE_COUNTRIES[0] if shown.id in COLLECTIVE_IDS else None)


def actor_country(actor_id: str | None) -> str | None:
    """The side country of a registry actor by id (None when unknown)."""
    registry = _registry()
    actor = registry.by_id(actor_id) if registry and actor_id else None
    return _side_country(actor, target_actor(actor)) if actor is not None else None


def candidate_of(mention: Mention, doc: Doc) -> Candidate | None:
    """A target candidate for a mention (pronouns and unresolved titles are not targets)."""
    if mention.kind == "pronoun":
        return None
    registry = _registry()
    actor = registry.by_id(mention.actor_id) if registry and mention.actor_id else None
    if actor is not None and mention.kind in ("name", "state", "body") and len(mention.text) <= SHORT_ALIAS and mention.text.islower():
        return None  # a common word that matched a short alias ("use" for US)
    if actor is not None:
        shown = target_actor(actor)
        body = shown is not actor and names_its_state(actor.id)
        return Candidate(shown.name, shown.id, (mention.start, mention.end), _side_country(actor, shown), mention.kind,
                         body=actor.name if body else None, body_id=actor.id if body else None)
    if mention.kind == "title" or mention.label not in UNRESOLVED_LABELS:
        return None
    name = " ".join(mention.text.split())
    if not name or not name[:1].isupper():
        return None
    return Candidate(name, None, (mention.start, mention.end), None, mention.kind or "ner", label=mention.label)


def _is_speaker(c: Candidate, st: Statement) -> bool:
    if st.speaker_id and c.actor_id == st.speaker_id:
        return True
    if st.speaker_span and c.span[0] < st.speaker_span[1] and c.span[1] > st.speaker_span[0]:
        return True
    return bool(st.speaker) and c.name == st.speaker


def is_own_side(c: Candidate, st: Statement) -> bool:
    """The candidate is the speaker's own state or a body/person of it."""
    return bool(st.speaker_country) and c.country == st.speaker_country


def is_own_state(c: Candidate, st: Statement) -> bool:
    """The candidate is the speaker's own state (or a body standing for it), not merely a
    compatriot: a person or an organisation acting in its own name (a rival, the army in a
    mutiny, the opposition) can be opposed by a speaker of the same country."""
    if not is_own_side(c, st):
        return False
    registry = _registry()
    actor = registry.by_id(c.actor_id) if registry and c.actor_id else None
    return actor is None or actor.type == "state"


def _in_spans(span: Span, spans: list[Span]) -> bool:
    return any(span[0] >= s and span[1] <= e for s, e in spans)


def _tokens_between(doc: Doc, lo: int, hi: int) -> list:
    """Tokens inside [lo, hi), found by bisection (tokens are in text order)."""
    starts = doc.annotations.get("stance_token_starts")
    if starts is None or len(starts) != len(doc.tokens):
        starts = [t.start for t in doc.tokens]
        doc.annotations["stance_token_starts"] = starts
    i = bisect.bisect_left(starts, lo)
    j = bisect.bisect_left(starts, hi)
    return [t for t in doc.tokens[i:j] if t.end <= hi]


def _subject_starts(doc: Doc, spans: list[Span]) -> set[int]:
    """Start offsets of the main subject of each content span and of its modifiers.

    Only the first subject of a span counts (the main clause comes first in
    reported speech), and a modifier of it counts too: in "Polish politicians
    should recall...", "Polish" names the subject's country.
    """
    out: set[int] = set()
    for span in spans:
        toks = _tokens_between(doc, span[0], span[1])
        subject = next((t for t in toks if t.dep.startswith("nsubj")), None)
        if subject is None:
            continue
        out.add(subject.start)
        out.update(t.start for t in toks if t.head == subject.i and t.dep in ("amod", "compound", "nmod:poss", "poss", "flat", "flat:name"))
    return out


def is_place_modifier(doc: Doc, c: Candidate) -> bool:
    """A country adjective that qualifies a place ("the Polish-Belarusian border"), not an actor."""
    if c.kind != "demonym":
        return False
    following = words_with_spans(doc.text[c.span[1] : c.span[1] + 60])[:3]
    words = [w for w, _, _ in following]
    lex = stance_words(doc.lang)
    # the place noun may come right after, or after a second adjective ("Polish-Belarusian")
    if any(lex.place_nouns.match_at(words, k) for k in range(min(2, len(words)))):
        return True
    # or right before, as Polish puts adjectives ("granicy polsko-białoruskiej"); a first part
    # of a compound adjective ("polsko-") sits between
    left = doc.text[max(0, c.span[0] - 60) : c.span[0]]
    before = [w for w, _, _ in words_with_spans(left)]
    if left.endswith("-") and before:
        before = before[:-1]
    return bool(before) and lex.place_nouns.match_at(before, len(before) - 1) == 1


def names_a_place(doc: Doc, c: Candidate) -> bool:
    """A state named only as a place the statement speaks of, not as an actor: after a
    locative preposition ("migrants in Belarus", "na Białorusi") or as what a place noun
    names ("the border between Poland and Belarus", "granica z Białorusią", "Poland's border").
    A place is seldom whom a statement is about when an actor is named beside it."""
    if c.kind != "state":
        return False
    lex = stance_words(doc.lang)
    possessor = speaker_words(doc.lang).possessor  # "Poland's border" (speakers.yaml possessive_endings)
    owned = possessor.match(doc.text, c.span[1]) if possessor is not None else None
    if owned is not None:
        following = [w for w, _, _ in words_with_spans(doc.text[owned.end() : owned.end() + 38])][:2]
        return any(lex.place_nouns.match_at(following, k) for k in range(len(following)))
    left_text = doc.text[max(0, c.span[0] - 80) : c.span[0]]
    left = words_with_spans(left_text)[-PLACE_REACH:]
    words = [w for w, _, _ in left]
    if not words:
        return False
    # "in Belarus", and "in the European Union": an article (a link word) may stand between
    at = len(words) - 2 if len(words) > 1 and lex.place_links.match_at(words, len(words) - 1) == 1 else len(words) - 1
    if lex.locatives.match_at(words, at) == 1 and not _accusative(doc, c):
        return True
    # walk back over linking words and other names ("between Poland and") to a place noun
    j = len(words) - 1
    while j >= 0 and (lex.place_links.match_at(words, j) == 1 or left_text[left[j][1]].isupper()):
        j -= 1
    return j >= 0 and lex.place_nouns.match_at(words, j) > 0 and not left_text[left[j][1]].isupper()


def _accusative(doc: Doc, c: Candidate) -> bool:
    """The mention may be in the accusative: "на Польшу", "na Polskę" is a direction or a patient
    ("pressure on Poland"), not a place. Without a parser's case (Polish), morfeusz2 says
    whether some reading of the form is accusative ("na Białoruś", "na Polskę": yes; "na
    Białorusi": no)."""
    tokens = doc.tokens_in(c.span)[:1]
    if tokens and "Case=" in tokens[0].morph:
        return "Case=Acc" in tokens[0].morph
    words = doc.text[c.span[0] : c.span[1]].split()
    if doc.lang != "pl" or not words:
        return False
    return may_be_accusative(words[-1])


def _title_span(doc: Doc, st: Statement, sent_start: int) -> Span | None:
    """The speaker's name with the title words right before it ("Deputy envoy to the UN Z")."""
    if not st.speaker_span or st.speaker_span == (0, 0):
        return None
    start, end = st.speaker_span
    left = doc.text[max(sent_start, start - 200) : start]
    cut = 0
    for m in TITLE_START.finditer(left):
        cut = m.end()
    if st.cue_span and st.cue_span[1] <= start:  # a cue before the speaker ends the title too
        cut = max(cut, st.cue_span[1] - (start - len(left)))
    if st.cue_span and st.cue_span[0] > end:
        between = doc.text[end : st.cue_span[0]].strip()
        if len(between) > 1 and between[0] == between[-1] == "," and between[1:].lstrip()[:1].islower():
            end = st.cue_span[0]  # "X, the head of the border guard office, said": the apposition is the title
    elif st.cue_span and st.cue_span[1] <= start and (after := APPOSITION_AFTER.match(doc.text, end)) is not None \
            and after.group(1)[:1].islower():
        end = after.end()  # '"…," said X, a border guard spokeswoman.': the apposition is the title
    return (start - len(left) + cut, end)


# ", a border guard spokeswoman" after a speaker who follows the cue: lower case up to the clause's end
APPOSITION_AFTER = re.compile(r",\s*([^,.;:!?\n]*)")


def _is_collective(c: Candidate) -> bool:
    """"The West" and the like: a group of states named as one."""
    return c.country in COLLECTIVE_COUNTRIES or c.actor_id in COLLECTIVE_IDS


def specified_collective(doc: Doc, c: Candidate, others: list[Candidate]) -> bool:
    """"The West, in particular Washington", "the collective West led by the US": the specific actor is meant.

    The specific actor must follow, linked by a specifier of the language's
    stance.yaml ("in particular", "led by"); any other words between make it a
    different participant ("the West would not mourn Belarus").
    """
    if not _is_collective(c):
        return False
    specifiers = stance_words(doc.lang).specifiers
    for o in others:
        if _is_collective(o) or not 0 <= o.span[0] - c.span[1] <= SPECIFIC_GAP:
            continue
        words = [w for w, _, _ in words_with_spans(doc.text[c.span[1] : o.span[0]])]
        n = specifiers.match_at(words, 0) if words else 0
        if n and len(words) - n <= 1:  # at most a preposition after the specifier ("в частности в")
            return True
    return False


def _same_sentence(doc: Doc, offset: int, spans: list[Span]) -> bool:
    """Whether `offset` is in a segmented sentence that one of `spans` starts or ends in.

    A statement's sentence span may cover a whole multi-sentence quote; the
    rest of the sentence is only the one that holds its content or its cue.
    """
    here = doc.sentence_at(offset)
    if here is None:
        return False
    for s, e in spans:
        for point in (s, max(s, e - 1)):
            there = doc.sentence_at(point)
            if there is not None and (there.start, there.end) == (here.start, here.end):
                return True
    return False


def _is_person(c: Candidate) -> bool:
    registry = _registry()
    actor = registry.by_id(c.actor_id) if registry and c.actor_id else None
    return actor is not None and actor.type == "person"


def qualifies_person(doc: Doc, c: Candidate, others: list[Candidate]) -> bool:
    """A state word that only qualifies a person named right after it ("the Russian politician X")."""
    if c.kind not in ("demonym", "state", "body") or _is_person(c):
        return False
    for p in others:
        if not 0 <= p.span[0] - c.span[1] <= QUALIFIER_GAP:
            continue
        gap = doc.text[c.span[1] : p.span[0]]
        if not re.search(r"[,.;:!?\"«»„“”()]", gap) and _is_person(p):
            words = gap.split()
            # title words only ("politician", "Foreign Minister"); a preposition ("support of
            # Russia for Lukashenko's regime") makes them two actors
            return len(words) <= 2 and all(len(w) > 3 for w in words)
    return False


def after_finder(cands: list[Candidate]):
    """A finder of the candidates starting within `reach` characters after an offset, in the
    list's own order: a sentence may name hundreds of actors, and comparing each with each
    made the stage quadratic in the sentence."""
    order = sorted(range(len(cands)), key=lambda k: cands[k].span[0])
    starts = [cands[k].span[0] for k in order]

    def near(offset: int, reach: int) -> list[Candidate]:
        i, j = bisect.bisect_left(starts, offset), bisect.bisect_right(starts, offset + reach)
        return [cands[k] for k in sorted(order[i:j])]

    return near


def is_subject(c: Candidate, subjects: set[int]) -> bool:
    return any(c.span[0] <= s < c.span[1] for s in subjects)


def content_subjects(doc: Doc, st: Statement) -> set[int]:
    return _subject_starts(doc, list(st.content_spans) or [st.content_span])


def rule_order(doc: Doc, st: Statement, named: list[Candidate]) -> list[Candidate]:
    """The known candidates in the rule order of preference (first = the rule's target).

    Actors the registry knows come before bare entities (often outlets or places);
    among known ones: the other side first, then the one a blame word is aimed at or
    whose act it blames (`hostile_roles`), then the addressee, then a subject of the
    content, then the earliest.
    """
    known = [c for c in named if c.actor_id is not None]
    if not known:
        return []
    subjects = content_subjects(doc, st)
    near_known, near_other = after_finder(known), after_finder([o for o in known if not is_own_side(o, st)])
    return sorted(
        known,
        key=lambda c: (
            is_own_side(c, st),
            is_place_modifier(doc, c) or qualifies_person(doc, c, near_known(c.span[1], QUALIFIER_GAP)),
            specified_collective(doc, c, near_other(c.span[1], SPECIFIC_GAP)),
            names_a_place(doc, c),  # after "the West, in particular in Washington": the specific one is meant
            c.where == "context",
            not any(hostile_roles(doc, c)),
            c.where != "addressed",
            not is_subject(c, subjects),
            c.span[0],
        ),
    )


def choose_target(doc: Doc, st: Statement, previous: Statement | None = None) -> tuple[Candidate | None, list[Candidate]]:
    """(main target, all candidates named in the statement) for one statement."""
    content_spans = list(st.content_spans) or [st.content_span]
    sent = st.sentence_span if st.sentence_span and st.sentence_span != (0, 0) else None
    if sent is None:
        s = doc.sentence_at(st.content_span[0])
        sent = (s.start, s.end) if s else st.content_span
    lo = min([sent[0], *(s for s, _ in content_spans)])
    hi = max([sent[1], *(e for _, e in content_spans)])
    # the last guard against one endless sentence: look only this far around the content
    lo = max(lo, min(s for s, _ in content_spans) - CONTEXT_REACH)
    hi = min(hi, max(e for _, e in content_spans) + CONTEXT_REACH)
    inside: list[Candidate] = []
    addressed: list[Candidate] = []
    context: list[Candidate] = []  # named in the sentence outside the content, not in the speaker's title
    cue_end = st.cue_span[1] if st.cue_span else None
    title = _title_span(doc, st, sent[0])
    place = dateline_span(doc) or (0, 0)  # "Tbilisi, Sep 28 (EFE).-": where the report was filed, no target
    for m in _mentions_from(doc, lo):
        if m.start >= hi:
            break
        if m.end > hi or place[0] <= m.start < place[1]:
            continue
        c = candidate_of(m, doc)
        if c is None or _is_speaker(c, st):
            continue
        if _in_spans(c.span, content_spans):
            inside.append(c)
        elif title is not None and title[0] <= c.span[0] < title[1]:
            continue  # "deputy envoy to the UN": the speaker's office, not whom they speak of
        elif cue_end is not None and cue_end <= c.span[0] <= min(s for s, _ in content_spans):
            c.where = "addressed"
            addressed.append(c)  # "called on the EU to", "accused Poland of"
        elif _same_sentence(doc, c.span[0], [*content_spans, *([st.cue_span] if st.cue_span else [])]):
            c.where = "context"
            context.append(c)
    named = addressed + inside + context
    known = rule_order(doc, st, named)
    if known and all(names_a_place(doc, c) or is_place_modifier(doc, c) for c in known):
        # only places are named, beside a thing the content calls by its own name ("damage to
        # the pipeline Seaconnect in the sea between Finland and Estonia"): the thing is meant
        found = content_topics(doc, content_spans)
        topic = topic_of(doc, found)
        if topic is not None and topic.span not in {(t.start, t.end) for _, mentions in found for t in mentions}:
            return topic, named
    if known:
        return known[0], named
    if previous is not None and previous.target and previous.speaker == st.speaker:
        para_prev = doc.sentence_at(previous.content_span[0])
        para_now = doc.sentence_at(st.content_span[0])
        # the same paragraph or the next ones: news copy breaks one answer into short paragraphs
        if para_prev and para_now and 0 <= para_now.paragraph - para_prev.paragraph <= FOLLOW_PARAGRAPHS:
            span = previous.target_span or previous.content_span
            # the country too: whose side the topic is on decides the stance toward it
            country = actor_country(previous.target_id)
            return Candidate(previous.target, previous.target_id, span, country, "previous", "previous"), named
    # an unresolved person or body named in the statement ("Nord Stream"), else a thing or policy
    # the content names ("sanctions", "the pipeline"), else an unresolved place, rather than the
    # document's adversary by default (component._topic_candidate). After the previous target:
    # a continuation naming a thing in passing ("making a thriller out of grain") keeps its
    # actor (tune folds: one statement each way).
    stated = [c for c in named if c not in context]
    topic = topic_of(doc, content_topics(doc, content_spans))
    first = next((c for c in stated if c.label != "GPE"), None) or topic or next(iter(stated), None)
    return first, named


def content_topics(doc: Doc, spans: list[Span]) -> list[tuple[Span, list[TopicMention]]]:
    """Each content span with the topics it names (`topic_mentions`), in text order."""
    return [(span, topic_mentions(doc.text, span, doc.lang)) for span in spans]


def topic_of(doc: Doc, topics: list[tuple[Span, list[TopicMention]]]) -> Candidate | None:
    """The first thing or policy the content names ("sanctions", "the pipeline"; `content_topics`):
    what a statement naming no actor is about, rather than the document's adversary by default.
    A thing the text calls by its own name ("the pipeline Balticconnector", "the Nord Stream
    pipeline") is reported under that name: it says which pipeline."""
    for span, found in topics:
        if found:
            t = found[0]
            named = _thing_name(doc, (t.start, t.end), span)
            if named is not None:
                return Candidate(" ".join(doc.text[named[0] : named[1]].split()), None, named, None, "topic")
            return Candidate(t.name, None, (t.start, t.end), None, "topic")
    return None


def _name_words(doc: Doc, words: list[tuple[str, int, int]], offset: int) -> list[tuple[str, int, int]]:
    """The leading run of capitalised words (or numbers after one: "Nord Stream 2") that no
    registry actor claims: a proper name, not "Russian" or "EU"."""
    out: list[tuple[str, int, int]] = []
    for w, a, b in words[:THING_NAME_WORDS]:
        raw = doc.text[offset + a : offset + b]
        if not (raw[:1].isupper() or (out and raw.isdigit())):
            break
        out.append((w, offset + a, offset + b))
    if not out:
        return []
    actors = [(m.start, m.end) for m in _mentions_from(doc, out[0][1])[:THING_NAME_WORDS] if m.actor_id]
    return [x for x in out if not any(s < x[2] and x[1] < e for s, e in actors)]


def _thing_name(doc: Doc, topic: Span, content: Span) -> Span | None:
    """Where the proper name of a topic word's thing is: right after it ("газопровод
    Balticconnector") or right before it, not as the content's first word ("the Nord Stream
    pipeline"; a sentence's first word is capitalised anyway)."""
    gap = doc.text[topic[1] : topic[1] + 2]
    opening = opening_quotes(doc.lang)  # segment.yaml `quotes`: "the pipeline «Balticconnector»"
    if gap[:1] == " " or gap[:1] in opening:
        after = _name_words(doc, words_with_spans(doc.text[topic[1] : min(content[1], topic[1] + 80)]), topic[1])
        if after and doc.text[topic[1] : after[0][1]].strip(" " + opening) == "":
            return after[0][1], after[-1][2]
    left = doc.text[max(content[0], topic[0] - 80) : topic[0]]
    if not left.endswith(" "):
        return None
    before = words_with_spans(left)
    base = topic[0] - len(left)
    k = len(before)
    while k > 0 and doc.text[base + before[k - 1][1]].isupper() and len(before) - k < THING_NAME_WORDS:
        k -= 1
    run = before[k:]
    if not run or base + run[0][1] == content[0] or doc.text[base + run[-1][2] : topic[0]].strip():
        return None
    named = _name_words(doc, run, base)
    return (named[0][1], named[-1][2]) if len(named) == len(run) else None


# Dependency relations that make a mention the one an act is done to (spaCy's English labels and UD's).
OBJECT_DEPS = ("obj", "dobj", "iobj", "obl", "obl:arg", "nmod", "pobj", "dative", "obj:arg")
PREPOSITION_DEPS = ("pobj",)  # spaCy: the object hangs from a preposition, which hangs from the verb
MAX_ROLE_TOKENS = 8  # tokens of a mention looked at; a name is a few tokens
NEGATION_TOKENS = 3  # tokens before a verb in which a negator undoes it
PHRASE_TOKENS = 3  # tokens from a verb read for a blaming phrase ("pushed back")


def _hostile_word(doc: Doc, head) -> bool:
    """A blame, demand or warning word or phrase starts at the token ("accused", "pushed back")."""
    lex = stance_words(doc.lang)
    words = [w for t in doc.tokens[head.i : head.i + PHRASE_TOKENS] for w, _, _ in words_with_spans(t.text)]
    return bool(words) and any(s.match_at(words, 0) for s in (lex.negative, lex.demand, lex.hostile_cues))


def _negated_verb(doc: Doc, verb, lex) -> bool:
    """A negator just before the verb: "did not accuse X", "instead of criticising X"."""
    words = [w for t in doc.tokens[max(0, verb.i - NEGATION_TOKENS) : verb.i] for w, _, _ in words_with_spans(t.text)]
    return any(lex.negators.match_at(words, k) for k in range(len(words)))


def hostile_roles(doc: Doc, c: Candidate) -> tuple[bool, bool]:
    """(object, agent): the candidate is what a blaming verb is aimed at ("accused Poland of",
    "blamed it on Minsk", "condemned Moscow"), or the subject of a blamed act ("Minsk is
    violating ..."). The actor a claim is about is then this one, not merely the nearest
    country named. Only verbs count: "the war in Iraq" blames nobody in Iraq."""
    tokens = doc.tokens
    lex = stance_words(doc.lang)
    obj = agent = False
    for tok in doc.tokens_in(c.span)[:MAX_ROLE_TOKENS]:
        if not 0 <= tok.head < len(tokens) or tok.head == tok.i:
            continue
        head = tokens[tok.head]
        if tok.dep in PREPOSITION_DEPS:
            # "blamed it on X", "protest against X": only a preposition that marks whom an act is done to
            marker = [w for w, _, _ in words_with_spans(head.text)]
            if not marker or not lex.patient_markers.match_at(marker, 0) or not 0 <= head.head < len(tokens):
                continue
            head = tokens[head.head]
        if head.pos not in ("VERB", "AUX") or _negated_verb(doc, head, lex):
            continue
        if tok.dep in OBJECT_DEPS and _hostile_word(doc, head):
            obj = True
        if tok.dep.startswith("nsubj") and _hostile_word(doc, head):
            agent = True
    return obj, agent
