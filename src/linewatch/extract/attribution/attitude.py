"""Attributions of a stance, view or intention held by someone, read off the dependency parse.

The verb rules in `attribution.rules` need a reporting verb and a content opened by "that",
a colon, a quotation or "to". Much of what news attributes has neither: "Sanders offered
pointed advice to Clinton", "Cruz is endorsing Trump", "Republicans have expressed concern
that…", "the poll indicates a tightening race", "he downplayed the risk". Those are still a
source holding or voicing a position, which is what an analyst tracks (and what PolNeAR
annotates as attribution).

This finder takes a verb whose lemma is in the language's `attitude` list (or its speech and
belief lists) and that has

- a subject that can hold a view: a name, an organisation, a person pronoun, or a noun from
  `agent_nouns` ("officials", "the poll", "the campaign"), and
- a complement that carries the content: a clause (ccomp), an infinitive (xcomp), an object
  (with the prepositional phrases that finish it: "criticized Obama *for not doing so*"), or a
  prepositional object ("complained *about the policy*").

It runs only with a parse and only for verbs no other finder used; its confidence is lower
than a reporting verb's, so a stronger reading of the same words always wins the dedupe.
A passive "X has been endorsed by Y" gives Y as the source and X as the content.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from linewatch.extract.attribution.base import (
    Attribution,
    SentenceView,
    ascribed_intention,
    children_of,
    deed_by_force,
    deed_object,
    is_active_participle,
    is_word,
    negated_or_hypothetical,
    other_sense,
    participle_of_no_speaker,
    reduced_passive,
    strip_quotes,
    subtree,
)
from linewatch.extract.attribution.cues import cue_table
from linewatch.lexicon import lexicon
from linewatch.nlp.doc import Token, phrase_heads

SUBJECT_DEPS = ("nsubj",)
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "nsubj:pass")
CLAUSE_DEPS = ("ccomp",)
INFINITIVE_DEPS = ("xcomp",)
OBJECT_DEPS = ("dobj", "obj")
PREP_DEPS = ("prep", "dative")
# What an object is called or asked to do: "called the candidate *fit*", "urged them *to vote*".
PREDICATE_DEPS = ("oprd", "xcomp", "ccomp")
AGENT_DEPS = ("agent", "obl:agent")
# Entity labels of subjects that can hold a view.
AGENT_ENTS = ("PER", "PERSON", "ORG", "NORP", "GPE")


# A sentence's parse: its tokens, each head's dependents, tokens by index.
Tree = tuple[list[Token], dict[int, list[Token]], dict[int, Token]]

# Entity labels that name a state as a whole ("Russia", "Moscow"); "Americans" are people.
STATE_ENTS = ("GPE", "LOC")
# Relative pronouns: the source is the noun the clause hangs on ("a position that justifies…").
RELATIVE_DEPS = ("relcl", "acl:relcl")


@dataclass(frozen=True)
class AttitudeRules:
    voicing: frozenset[str]  # lemmas of verbs that voice a view
    holding: frozenset[str]  # lemmas of verbs that hold a view or an intention
    agent_nouns: frozenset[str]  # lemmas of common nouns that can be a source
    state_nouns: frozenset[str]  # agent nouns naming a state as a whole
    statement_nouns: re.Pattern[str] | None  # "the statements show…" is the author's reading
    person_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]  # person pronouns only as a relative ("who", "which", "that")
    clause_only: frozenset[str]  # cognition verbs that hold a view only with a clause ("knows that…")
    active_only: frozenset[str]  # verbs whose passive with an agent holds no view ("wanted by the ICC")
    agent_suffixes: tuple[str, ...]  # endings of nouns for people ("-er", "-ist")
    thing_possessives: frozenset[str]  # "its": a possessor that is no person
    object_preps: frozenset[str]  # prepositions that finish an object's content
    content_preps: frozenset[str]  # prepositions whose object is the content
    adjectives: frozenset[str]  # "worried about…", "confident that…", "critical of…"
    raising: frozenset[str]  # verbs before "to" that keep the view the subject's: "seemed to think"
    object_control: frozenset[str]  # verbs whose object does what follows: "forced Stumpf to admit…"
    nouns: frozenset[str]  # stance nouns held by their possessor: "his plan to…", "her support for…"
    max_words: int


@cache
def attitude_rules(lang: str) -> AttitudeRules | None:
    data = lexicon(lang, "cues").get("attitude") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(v).lower() for v in data.get(key) or [])

    if not data.get("voicing") and not data.get("holding"):
        return None
    return AttitudeRules(
        voicing=words("voicing"),
        holding=words("holding"),
        agent_nouns=words("agent_nouns"),
        state_nouns=words("state_nouns"),
        statement_nouns=cue_table(lang).nouns,
        person_pronouns=words("person_pronouns"),
        relative_pronouns=words("relative_pronouns"),
        clause_only=words("clause_only"),
        active_only=words("active_only"),
        agent_suffixes=tuple(sorted(words("agent_suffixes"))),
        thing_possessives=words("thing_possessives"),
        object_preps=words("object_preps"),
        content_preps=words("content_preps"),
        adjectives=words("adjectives"),
        raising=words("raising"),
        object_control=words("object_control"),
        nouns=words("nouns"),
        max_words=int(data.get("max_words", 60)),
    )


def _tree(view: SentenceView) -> Tree:
    """The sentence's tokens, each token's children, and tokens by index."""
    return view.toks, children_of(view.toks), {t.i: t for t in view.toks}


def _can_hold_view(t: Token, rules: AttitudeRules, holding: bool, by_i: dict[int, Token],
                   strict: bool = False) -> bool:
    """Can the subject `t` be the source of a view (`holding`: of a belief or an intention)?

    `strict`: a common noun must be one of the agent nouns (for the antecedent of "that")."""
    low, lemma = t.text.lower(), (t.lemma or t.text).lower()
    if rules.statement_nouns is not None and rules.statement_nouns.fullmatch(low):
        return False  # "the statements show that…": the author reading what was said
    if t.pos == "PRON" and low in rules.person_pronouns:
        verb = by_i.get(t.head)
        if verb is not None and verb.dep in RELATIVE_DEPS and verb.head in by_i:
            antecedent = by_i[verb.head]  # "a position that justifies…": is a position someone?
            return antecedent.pos != "PRON" and _can_hold_view(antecedent, rules, holding, by_i, strict=True)
        # a relative pronoun outside a relative clause is a demonstrative ("that means…"): a thing
        return low not in rules.relative_pronouns
    if t.ent in STATE_ENTS or holding and lemma in rules.state_nouns:
        # "Russia wants…", "Moscow is repeating the notion…": the author's reading of a state;
        # what a state says comes with a reporting verb ("Moscow said")
        return False
    if t.ent in AGENT_ENTS or t.pos == "PROPN":
        return True
    if t.pos == "NOUN" and lemma.endswith(rules.agent_suffixes) and len(lemma) > 5:
        return True  # "regulators", "taxpayers", "contenders", "economists": people by their job
    return lemma in rules.agent_nouns or low in rules.agent_nouns


def _span_of(tokens: list[Token]) -> tuple[int, int] | None:
    words = [t for t in tokens if is_word(t) or t.text in ("'s", "’s")]
    return (words[0].start, words[-1].end) if words else None


def _subject(verb: Token, kids: dict[int, list[Token]], by_i: dict[int, Token],
             deps: tuple[str, ...], control: frozenset[str] = frozenset()) -> Token | None:
    """The verb's subject, or its head's for a conjoined or controlled verb ("X met and praised Y"),
    a participle clause ("Trump spoke, encouraging his supporters to…", "by criticizing…"), or
    the noun a participle describes ("a tweet attacking…", "a statement announcing…")."""
    node = verb
    for _ in range(4):
        subj = next((c for c in kids.get(node.i, []) if c.dep in deps), None)
        if subj is not None:
            return subj
        head = by_i.get(node.head)
        if head is None:
            return None
        participle = is_active_participle(node) and not any(c.dep == "mark" for c in kids.get(node.i, []))
        if node.dep == "xcomp" and (head.lemma or head.text).lower() in control:
            # "forced Stumpf to admit…": the one forced does the admitting
            obj = next((c for c in kids.get(head.i, []) if c.dep in OBJECT_DEPS and c.start < node.start), None)
            if obj is not None:
                return obj if deps == SUBJECT_DEPS else None
        if node.dep in ("conj", "xcomp", "acomp") or (node.dep == "advcl" and participle):
            node = head
        elif node.dep == "pcomp" and head.head in by_i:
            node = by_i[head.head]  # "in advocating NATO enlargement": the preposition's head
        elif node.dep == "acl" and participle and deps == SUBJECT_DEPS and head.pos in ("NOUN", "PROPN"):
            return head
        else:
            return None
    return None





def _content(verb: Token, kids: dict[int, list[Token]], toks: list[Token],
             rules: AttitudeRules) -> list[Token]:
    """Tokens of the verb's content complement (after the verb), or [] when it has none."""
    after = [c for c in kids.get(verb.i, []) if c.start > verb.end]
    clause = next((c for c in kids.get(verb.i, []) if c.dep in CLAUSE_DEPS), None)
    if clause is not None:  # after the verb, or before it: "Large sections…, other studies have shown."
        return subtree(clause, toks, kids)
    comp = next((c for c in after if c.dep in INFINITIVE_DEPS), None)
    if comp is not None:
        return subtree(comp, toks, kids)
    obj = next((c for c in after if c.dep in OBJECT_DEPS), None)
    if obj is not None:
        out = subtree(obj, toks, kids)
        for c in after:  # "criticized Obama for not doing so", "likened RT to the BBC", "called him fit"
            if c.start > obj.start and (c.dep in PREDICATE_DEPS or c.dep in PREP_DEPS
                                        and c.text.lower() in rules.object_preps):
                out += subtree(c, toks, kids)
        return sorted(out, key=lambda t: t.start)
    prep = next((c for c in after if c.dep in PREP_DEPS and c.text.lower() in rules.content_preps), None)
    if prep is not None:
        pobj = [t for t in subtree(prep, toks, kids) if t is not prep]
        return pobj
    return []


def _names_document(content: list[Token], view: SentenceView) -> bool:
    """Is the content's head a document noun ("a letter", "a statement"; cues.yaml `source_nouns`)?"""
    nouns = view.table.source_nouns
    return nouns is not None and any(nouns.fullmatch(h.text.lower()) for h in phrase_heads(content))


def _points_back(content: list[Token], rules: AttitudeRules) -> bool:
    """Is the content's head a pronoun or a statement noun ("it", "the claim")?"""
    heads = phrase_heads(content)
    return any(h.pos == "PRON" or (rules.statement_nouns is not None
                                   and rules.statement_nouns.fullmatch(h.text.lower())) for h in heads)


def attitudes(view: SentenceView, taken: list[tuple[int, int]]) -> list[Attribution]:
    """The finder: stance verbs and adjectives, then stance nouns (not over the verbs' cues)."""
    rules = attitude_rules(view.lang)
    if rules is None or not view.has_parse:
        return []
    tree = _tree(view)
    out = _attitude_verbs(view, taken, rules, tree)
    if rules.nouns:
        out += _attitude_nouns(view, taken + [a.cue_span for a in out if a.cue_span], rules, tree)
    return out


def _attitude_verbs(view: SentenceView, taken: list[tuple[int, int]], rules: AttitudeRules,
                    tree: Tree) -> list[Attribution]:
    """Stance, view and intention verbs with a view-holding subject and a content complement."""
    toks, kids, by_i = tree
    out: list[Attribution] = []
    for k, t in enumerate(toks):
        lemma = (t.lemma or t.text).lower()
        adjective = t.pos == "ADJ" and lemma in rules.adjectives
        holding = lemma in rules.holding or adjective
        if not adjective and (t.pos != "VERB" or not (holding or lemma in rules.voicing)):
            continue
        if any(a <= t.start < b for a, b in taken) or view.in_quote(t.start, t.end):
            continue
        governor = by_i.get(t.head)
        if t.dep == "conj" and governor is not None and any(a <= governor.start < b for a, b in taken):
            continue  # "called on the EU to…, and suggested…": one statement, the first cue's
        raised = (t.dep in INFINITIVE_DEPS and governor is not None
                  and (governor.lemma or governor.text).lower() in rules.raising | rules.object_control)
        if negated_or_hypothetical(view, k, intention_ok=raised) or other_sense(view, k):
            continue
        if reduced_passive(view, k):
            continue  # "Mark Meadows accused of lying": nobody named accuses
        if ascribed_intention(view, k):
            continue  # "people seeking to cross": the author's description of them
        if participle_of_no_speaker(view, k, holding):
            continue  # "a video showing…", "…, suggesting the standoff could be easing"
        passive = _subject(t, kids, by_i, PASSIVE_SUBJECT_DEPS)
        agent = next((c for c in kids.get(t.i, []) if c.dep in AGENT_DEPS), None)
        if passive is not None and agent is not None and lemma in rules.active_only:
            continue  # "Putin is wanted by the ICC": sought, no view the court holds
        if passive is not None and agent is not None:
            # "has been endorsed by dozens of papers": the agent holds the view about the subject
            source_toks = [x for x in subtree(agent, toks, kids) if x is not agent]
            content_toks = [x for x in subtree(passive, toks, kids) if x.end <= t.start]
        else:
            subj = _subject(t, kids, by_i, SUBJECT_DEPS, rules.object_control)
            if subj is None or not _can_hold_view(subj, rules, holding, by_i):
                continue
            if deed_by_force(view.table, lemma, subj.text):
                continue  # "Belarusian troops attacked a border post": a deed, no view voiced
            if subj.i == t.head:  # "a tweet attacking X": the noun before the participle
                source_toks = [x for x in subtree(subj, toks, kids) if x.end <= t.start]
            else:
                source_toks = [x for x in subtree(subj, toks, kids) if x.end <= t.start or x.start >= t.end]
            content_toks = _content(t, kids, toks, rules)
            if deed_object(view.table, t.text, next(iter(phrase_heads(content_toks)), None)):
                continue  # "has called a meeting with the ambassadors": convened, nothing said
            if _names_document(content_toks, view):
                continue  # "has written a letter to his counterpart": the letter's words are elsewhere
            if lemma in rules.clause_only and not any(c.dep in CLAUSE_DEPS + INFINITIVE_DEPS for c in kids.get(t.i, [])):
                continue  # "had known Prigozhin for years": knowing someone is no view; "knows that…" is
        att = _attribution(view, t, source_toks, content_toks, taken, rules, min_words=2, notes=["attitude"])
        if att is not None:
            out.append(att)
    return out


def _attribution(view: SentenceView, cue: Token, source_toks: list[Token], content_toks: list[Token],
                 taken: list[tuple[int, int]], rules: AttitudeRules, min_words: int,
                 notes: list[str]) -> Attribution | None:
    """The attribution of a stance cue, or None when its source or content does not hold up."""
    source, content = _span_of(source_toks), _span_of(content_toks)
    if source is None or content is None:
        return None
    words = sum(1 for x in content_toks if is_word(x))
    if words == 1 and min_words <= 2 and all(x.pos == "PROPN" for x in content_toks if is_word(x)):
        words = 2  # "Cruz has endorsed Trump": a named actor is a whole content
    if words < min_words or words > rules.max_words:
        return None  # "backed it" points back and says nothing; a whole paragraph is no content
    if words < 4 and _points_back(content_toks, rules):
        return None  # "rejected the claim", "denied these accusations": the content is elsewhere
    if any(content[0] <= a < content[1] for a, _ in taken):
        return None  # "quoted Makei as saying…": the inner cue's finder has the content
    span = strip_quotes(view.text, *content)
    return Attribution("indirect", (cue.start, cue.end), [span], source, 0.5, belief=True, notes=notes)


def _attitude_nouns(view: SentenceView, taken: list[tuple[int, int]], rules: AttitudeRules,
                    tree: Tree) -> list[Attribution]:
    """A stance noun with its holder as possessor: "Mrs. Clinton's plan to cap deductions",
    "his support for the public option", "their criticism of the deal"."""
    toks, kids, by_i = tree
    out: list[Attribution] = []
    for k, t in enumerate(toks):
        if t.pos != "NOUN" or (t.lemma or t.text).lower() not in rules.nouns:
            continue
        if any(a <= t.start < b for a, b in taken) or view.in_quote(t.start, t.end):
            continue
        holder = next((c for c in kids.get(t.i, []) if c.dep == "poss" and c.start < t.start), None)
        if holder is None or holder.text.lower() in rules.thing_possessives:
            continue  # "its political support for…": a state's or a thing's, the author's reading
        if holder.pos != "PRON" and not _can_hold_view(holder, rules, True, by_i):
            continue
        if negated_or_hypothetical(view, k):
            continue
        content_toks: list[Token] = []
        for c in kids.get(t.i, []):
            if c.start <= t.end:
                continue
            if c.dep in ("acl", "ccomp", "xcomp") or c.dep == "prep" and c.text.lower() in rules.content_preps:
                content_toks = [x for x in subtree(c, toks, kids) if not (c.dep == "prep" and x is c)]
                break
        att = _attribution(view, t, subtree(holder, toks, kids), content_toks, taken, rules, min_words=3,
                           notes=["attitude", "noun_cue"])
        if att is not None:
            out.append(att)
    return out
