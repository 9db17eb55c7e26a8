"""Attribution patterns over one sentence's tokens, for every language.

The shapes found (per-language words come from `data/lang/<lang>/cues.yaml`):

- post-position: CONTENT <sep> [SPEAKER] CUE [SPEAKER]     ("…," Lavrov said / «…», — заявил Песков / „…” – dodał)
- pre-position:  SPEAKER CUE [SPEAKER] [AUDIENCE] (that | : | quote) CONTENT   (X said that…, X заявил, что…)
- according-to:  according to X, CONTENT / CONTENT, according to X / według X CONTENT / по словам X, …
- headline:      Name: CONTENT (a short capitalised name, then a colon)

Each finder returns `Attribution` objects with character spans only; who the
speaker is (registry, pronouns) is decided later in `statements.py`. The
English dependency parse (spaCy) and the Russian one (natasha) are used for
the subject of a cue when present; Polish works on the surface alone.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from linewatch.extract.attribution_speaker import is_anaphor
from linewatch.nlp.doc import Token
from linewatch.nlp.lexicon import lexicon

SEPARATORS = {",", "—", "–", "-", "--", "―", ";"}
OPEN_QUOTES = {"“", "«", "„", '"', "‘", "‚", "''", "``"}
CLOSE_QUOTES = {"”", "»", "“", '"', "’", "‘", "''"}
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | {"''", "``"}
CLAUSE_BREAK = {",", ";", ":", "(", ")", "—", "–"}


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
    object_cues: re.Pattern[str] | None


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    pats = [str(p) for p in patterns if str(p).strip()]
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + ")") if pats else None


@lru_cache(maxsize=None)
def cue_table(lang: str) -> CueTable:
    data = lexicon(lang, "cues") or lexicon("en", "cues")
    phrases = sorted((str(p) for p in data.get("according_to") or []), key=len, reverse=True)
    according = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I) if phrases else None
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
        relay=_union(data.get("relay") or []),
        nouns=_union(data.get("nouns") or []),
        noun_fillers=frozenset(str(w).lower() for w in data.get("noun_fillers") or []),
        possessive=frozenset(str(k).lower() for k in (lexicon(lang, "pronouns").get("possessive") or {})),
        infinitive=frozenset(str(w).lower() for w in data.get("infinitive") or []),
        infinitive_cues=_union(data.get("infinitive_cues") or []),
        object_cues=_union(data.get("object_cues") or []),
    )


def is_word(t: Token) -> bool:
    return t.text[:1].isalnum()


def cue_strength(t: Token, nxt: Token | None, table: CueTable, has_parse: bool) -> str | None:
    """'speech', 'belief' or None for a token that may be a reporting verb."""
    low = t.text.lower()
    if table.trust_pos and has_parse and t.pos and t.pos not in ("VERB", "AUX", "ADJ", "X", ""):
        return None  # "the report", "claims" as a noun
    kind = None
    if table.speech.fullmatch(low):
        kind = "speech"
    elif table.belief is not None and table.belief.fullmatch(low):
        kind = "belief"
    if kind is None:
        return None
    for pat, parts in table.particles:
        if pat.fullmatch(low):
            if nxt is None or nxt.text.lower() not in parts:
                return None
    return kind


def gender_from_verb(word: str, table: CueTable) -> str | None:
    low = word.lower()
    for suf, g in table.gender_suffix:
        if low.endswith(suf):
            return g
    return None


def trim_span(text: str, a: int, b: int, strip: str = " \t\n,;:-–—") -> tuple[int, int]:
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return a, b


def strip_quotes(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop one pair of enclosing quote marks (and trailing punctuation inside a closed quote)."""
    a, b = trim_span(text, a, b, " \t\n,;:-–—.")
    if b - a >= 4 and text.startswith("''", a) and text.startswith("''", b - 2):
        return trim_span(text, a + 2, b - 2, " \t\n,;:-–—")
    if b - a >= 2 and text[a] in OPEN_QUOTES and text[b - 1] in CLOSE_QUOTES:
        inner = text[a + 1:b - 1]
        if not any(q in inner for q in ('"',)) or text[a] != '"':
            a, b = trim_span(text, a + 1, b - 1, " \t\n,;:-–—")
    elif a < b and text[a] in OPEN_QUOTES and not any(c in text[a + 1:b] for c in CLOSE_QUOTES):
        a, b = trim_span(text, a + 1, b, " \t\n,;:-–—")
    return a, b


def subject_of(cue: Token, toks: list[Token], offset: int) -> tuple[int, int] | None:
    """Character span of the nominal subject of a cue from the dependency parse (en, ru)."""
    by_i = {t.i: t for t in toks}
    node = cue
    for _ in range(3):
        subj = [t for t in toks if t.head == node.i and t.dep in ("nsubj", "nsubj:pass", "nsubjpass")]
        if subj:
            s = subj[0]
            members = _subtree(s, toks)
            # an appositive or relative clause makes the span long; keep it, but not past the cue
            members = [t for t in members if t.end <= cue.start or t.start >= cue.end]
            if s.start < cue.start:
                members = [t for t in members if t.end <= cue.start]
            else:
                members = [t for t in members if t.start >= cue.end]
            words = [t for t in members if is_word(t) or t.text in ("'s", "’s")]
            if words:
                return words[0].start, words[-1].end
            return None
        if node.dep in ("conj", "xcomp") and node.head in by_i:
            node = by_i[node.head]
            continue
        return None
    return None


def _subtree(root: Token, toks: list[Token]) -> list[Token]:
    children: dict[int, list[Token]] = {}
    for t in toks:
        children.setdefault(t.head, []).append(t)
    out, stack = [], [root]
    while stack:
        n = stack.pop()
        out.append(n)
        for c in children.get(n.i, []):
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
    floor: int = 0  # content of a post-position cue starts here (after an earlier attribution)
    prev_sentence: tuple[int, int] | None = None  # the sentence before, for "Об этом заявил X"
    _starts: list[int] | None = None

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

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens i..j-1."""
        return self.toks[i].start, self.toks[j - 1].end


def _words(view: SentenceView, i: int, j: int) -> int:
    return sum(1 for t in view.toks[i:j] if is_word(t))


def _negated_or_hypothetical(view: SentenceView, k: int) -> bool:
    """`did not say`, `не заявил`, `would say`, `if he said`, `nie powiedział`."""
    toks, table = view.toks, view.table
    if k + 1 < len(toks) and toks[k + 1].text.lower() in table.hypothetical and toks[k + 1].text.lower() not in table.that:
        return True  # "сказал бы", "said if"
    if k > 0 and toks[k - 1].text.lower() in table.blocked_before:
        return True  # "trying to suggest", "wants to say": an intention, not a statement
    for t in toks[max(0, k - 3):k]:
        low = t.text.lower()
        if low in table.negation or low in table.hypothetical:
            return True
    # "if" / "если" / "jeśli" earlier in the same clause
    j = k - 1
    while j >= 0 and toks[j].text not in CLAUSE_BREAK:
        if toks[j].text.lower() in table.hypothetical and toks[j].text.lower() not in table.that:
            return True
        j -= 1
    return False


def _passive_without_agent(view: SentenceView, k: int) -> bool:
    """`It has been suggested that…`, `was reported`: no one is named as the speaker."""
    toks = view.toks
    cue = k
    while k > 0 and toks[k - 1].pos == "ADV":
        k -= 1  # "has also been indirectly suggested"
    if k == 0:
        return False
    prev = toks[k - 1].text.lower()
    if prev in ("been", "be", "is", "was", "are", "were", "being"):
        nxt = [t.text.lower() for t in toks[cue + 1:cue + 3]]
        return "by" not in nxt
    return False


def _speaker_after(view: SentenceView, i: int, limit: int = 9) -> tuple[int, int] | None:
    """Token range of an inverted speaker right after the cue ("said Lavrov", "заявил Песков")."""
    toks = view.toks
    # skip a short adverbial before the name ("powiedział we wtorek minister X")
    for x in range(i, min(i + 4, len(toks))):
        if _name_like(view, x):
            # keep an article and adjectives before the name: "said a senior NATO official"
            det = next((y for y in range(i, x) if toks[y].pos == "DET"), None)
            i = det if det is not None and all(toks[y].pos in ("DET", "ADJ", "NOUN", "PROPN") for y in range(det, x)) else x
            break
        if not is_word(toks[x]) or toks[x].text.lower() in view.table.that:
            break
    j = i
    seen_cap = False
    tail = 0
    while j < len(toks) and j - i < limit:
        t = toks[j]
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
        elif seen_cap and low not in view.anaphors:
            break  # "said Lavrov in an interview": a lowercase word after the name ends it
        elif t.pos in ("ADP", "ADV") and not seen_cap:
            break
        elif not seen_cap and low not in view.anaphors:
            tail += 1  # "rzecznik ministra koordynatora…": a title's genitive chain
            if tail > 4:
                break
        j += 1
    while j > i and not is_word(toks[j - 1]):
        j -= 1
    if j > i and (seen_cap or any(toks[x].text.lower() in view.anaphors or toks[x].text.lower() in view.table.pronouns
                                   for x in range(i, j))):
        return i, j
    return None


def _name_like(view: SentenceView, x: int) -> bool:
    """Could token x start a speaker phrase: a name, a title word, a pronoun or an actor mention?"""
    t = view.toks[x]
    low = t.text.lower()
    if (t.start in view.mention_starts or low in view.anaphors or low in view.table.pronouns or t.pos == "PROPN"
            or is_anaphor(low, view.lang)):
        return True
    if not t.text[:1].isupper():
        return False
    if x == 0 or view.toks[x - 1].text in QUOTE_MARKS or t.start == view.start:
        # a capital at the start of a sentence proves nothing unless a capital follows
        return x + 1 < len(view.toks) and view.toks[x + 1].text[:1].isupper()
    return True


def _speaker_before(view: SentenceView, k: int, limit: int = 12) -> tuple[int, int] | None:
    """Token range of the subject right before a cue, found on the surface."""
    toks = view.toks
    j = k - 1
    # adverbs between subject and cue: "he also said", "Lavrov further added", "on też dodał"
    while j >= 0 and (toks[j].pos in ("ADV", "AUX", "PART") or toks[j].text.lower() in ("also", "further", "then", "later", "też", "także", "również", "также", "ещё", "еще", "и", "has", "had", "have")):
        j -= 1
    end = j + 1
    while j >= 0 and end - j <= limit:
        t = toks[j]
        if t.text in CLAUSE_BREAK or t.text in QUOTE_MARKS or t.text.lower() in view.table.that:
            break
        j -= 1
    a = j + 1
    if end <= a:
        return None
    # keep the trailing noun phrase: capitalised run plus the title words before it
    first_cap = None
    for x in range(a, end):
        if _name_like(view, x):
            first_cap = x
            break
    if first_cap is None:
        return (a, end) if view.has_parse else None
    return first_cap, end


def find_attributions(view: SentenceView) -> list[Attribution]:
    out: list[Attribution] = []
    out.extend(_according_to(view))
    phrase_cues = [a.cue_span for a in out if a.cue_span]
    toks = view.toks
    for k, t in enumerate(toks):
        if any(a <= t.start < b for a, b in phrase_cues):
            continue  # "jak podkreśliła X" is already an according-to phrase
        strength = cue_strength(t, toks[k + 1] if k + 1 < len(toks) else None, view.table, view.has_parse)
        if strength is None and view.has_parse and _verb_with_that_clause(view, k):
            strength = "belief"  # "the court ruled that…", "she understood that…": a clause someone holds
        if strength is None:
            continue
        if view.in_quote(t.start, t.end):
            continue  # a cue inside a quotation belongs to the quoted speaker's words
        if _negated_or_hypothetical(view, k) or _passive_without_agent(view, k):
            continue
        back_ref = _anaphoric_content(view, k)
        if back_ref is not None:
            back_ref.gender_hint = gender_from_verb(t.text, view.table)
            out.append(back_ref)
            continue
        after_quote = any(x.text in CLOSE_QUOTES for x in toks[max(0, k - 8):k]) and toks[0].text in OPEN_QUOTES
        if after_quote:  # '…," said X' is post-position even if a "to" or "that" follows
            att = _post_position(view, k) or _pre_position(view, k)
        else:
            att = _pre_position(view, k) or _post_position(view, k)
        if att is None:
            continue
        if strength == "belief":
            att.belief = True
            att.confidence *= 0.7
        att.gender_hint = gender_from_verb(t.text, view.table)
        out.append(att)
        ends = [att.cue_span[1] if att.cue_span else 0, att.speaker_span[1] if att.speaker_span else 0]
        if att.content_spans[-1][1] <= (att.cue_span or (0, 0))[0]:
            view.floor = max(view.floor, *ends)
    out.extend(_noun_cues(view, [a.cue_span for a in out if a.cue_span]))
    out.extend(_quote_dash_name(view, [a.cue_span for a in out if a.cue_span]))
    if not out:
        head = _headline(view)
        if head:
            out.append(head)
    return out


def _noun_cues(view: SentenceView, taken: list[tuple[int, int]]) -> list[Attribution]:
    """`заявление главы МВД о том, что…`, `Lavrov's claim that…`, `oświadczenie X, że…`."""
    table, toks = view.table, view.toks
    if table.nouns is None:
        return []
    out = []
    for k, t in enumerate(toks):
        if not table.nouns.fullmatch(t.text.lower()) or any(a <= t.start < b for a, b in taken):
            continue
        if view.in_quote(t.start, t.end):
            continue
        marker = None
        for x in range(k + 1, min(k + 10, len(toks))):
            if toks[x].text.lower() in table.that:
                marker = x
                break
            if toks[x].text in (".", ";", ":") or toks[x].text in OPEN_QUOTES:
                break
        if marker is None or _words(view, marker + 1, len(toks)) < 3:
            continue
        words = [x for x in range(k + 1, marker) if is_word(toks[x]) and toks[x].text.lower() not in table.noun_fillers]
        if words:
            speaker = view.span(words[0], words[-1] + 1)
        elif k >= 2 and toks[k - 1].text in ("'s", "’s"):
            first = k - 2
            while first - 1 >= 0 and _name_like(view, first - 1):
                first -= 1
            speaker = view.span(first, k - 1)
        elif k >= 1 and toks[k - 1].text.lower() in table.possessive:
            speaker = view.span(k - 1, k)
        else:
            continue
        content = strip_quotes(view.text, toks[marker + 1].start, view.end)
        out.append(Attribution("indirect", (t.start, t.end), [content], speaker, 0.55, notes=["noun_cue"]))
    return out


def _quote_dash_name(view: SentenceView, taken: list[tuple[int, int]]) -> list[Attribution]:
    """`“…” ― Jane Doe`: a quotation signed with a dash and a name, no verb."""
    toks = view.toks
    out = []
    for d, t in enumerate(toks):
        if t.text not in ("―", "—", "–") or d == 0 or toks[d - 1].text not in CLOSE_QUOTES:
            continue
        q = view.in_quote(toks[d - 1].start - 1) if toks[d - 1].start > 0 else None
        if q is None or q[1] != toks[d - 1].end or any(q[0] <= c[0] < q[1] for c in taken):
            continue
        e = d + 1
        while e < len(toks) and e - d <= 4 and toks[e].text[:1].isupper() and is_word(toks[e]):
            e += 1
        if e == d + 1 or (e < len(toks) and toks[e].text not in OPEN_QUOTES and toks[e].text not in (".", "!")):
            continue
        out.append(Attribution("direct", (t.start, t.end), [strip_quotes(view.text, *q)], view.span(d + 1, e), 0.6))
    return out


def _verb_with_that_clause(view: SentenceView, k: int) -> bool:
    """A verb (not in the cue lexicon) with a subject and a clausal complement opened by "that"."""
    toks, t = view.toks, view.toks[k]
    if t.pos != "VERB":
        return False
    kids = [x for x in toks if x.head == t.i]
    if not any(x.dep.startswith("nsubj") and x.text.lower() != "it" for x in kids):
        return False
    for c in kids:
        if c.dep == "ccomp" and c.start > t.end:
            if any(m.head == c.i and m.dep == "mark" and m.text.lower() in view.table.that for m in toks):
                return True
    return False


def _anaphoric_content(view: SentenceView, k: int) -> Attribution | None:
    """`Об этом заявил X.` / `Poinformował o tym X.` / `This was said by X.`: the content is the previous sentence."""
    toks, table = view.toks, view.table
    if view.prev_sentence is None or not table.back_reference or k > 6:
        return None
    lead = " ".join(t.text.lower() for t in toks[:k] if is_word(t))
    after = " ".join(t.text.lower() for t in toks[k + 1:k + 3] if is_word(t))
    if not any(lead == p or (lead == "" and after.startswith(p)) for p in table.back_reference):
        return None
    inv = _speaker_after(view, k + 1)
    if inv and toks[inv[0]].text.lower() in {w for p in table.back_reference for w in p.split()}:
        inv = _speaker_after(view, inv[0] + 2) if inv[1] - inv[0] > 2 else None
    speaker = view.span(*inv) if inv else None
    if speaker is None:
        sb = _speaker_before(view, k)
        speaker = view.span(*sb) if sb else None
    if speaker is None:
        return None
    a, b = view.prev_sentence
    att = Attribution("indirect", (toks[k].start, toks[k].end), [strip_quotes(view.text, a, b)], speaker, 0.6,
                      notes=["back_reference"])
    if table.relay is not None and table.relay.fullmatch(toks[k].text.lower()):
        att.notes.append("relay")  # "Об этом сообщило РИА Новости": a news agency relaying is no statement
    return att


def _post_position(view: SentenceView, k: int) -> Attribution | None:
    """CONTENT <sep> [SPEAKER] CUE [SPEAKER]."""
    toks, text = view.toks, view.text
    j = k - 1
    back: list[int] = []
    while j >= 0 and len(back) < 8 and toks[j].text not in SEPARATORS and toks[j].text not in CLOSE_QUOTES:
        back.append(j)
        j -= 1
    if j < 1:
        return None
    sep = j
    # content runs from the sentence (or its enclosing quotation) start to the separator
    content_end = toks[sep].end if toks[sep].text in CLOSE_QUOTES else toks[sep].start
    closing = next((x for x in (sep - 1, sep - 2) if x > 0 and toks[x].text in CLOSE_QUOTES), None)
    if toks[sep].text in SEPARATORS and closing is not None:
        content_end = toks[closing].end  # «…», — заявил / "…," he said
    content_start = view.start
    q = view.in_quote(view.start) or view.in_quote(view.start + 1)
    if q and q[0] < view.start:
        content_start = q[0]
    if view.floor > content_start:
        # a second attribution in the same sentence: its content starts after the first one
        content_start = view.floor
        first = next((i for i, t in enumerate(toks) if t.start >= view.floor), sep)
        if _words(view, first, sep) < 3:
            return None
    # what follows the cue: an inverted speaker, then little else
    after_start = k + 1
    speaker: tuple[int, int] | None = None
    if back:
        b0, b1 = min(back), max(back) + 1
        if any(is_word(toks[x]) for x in range(b0, b1)):
            speaker = view.span(b0, b1)
    if speaker is None:
        inv = _speaker_after(view, after_start)
        if inv:
            speaker = view.span(*inv)
            after_start = inv[1]
    rest_words = _words(view, after_start, len(toks))
    quoted = toks[sep].text in CLOSE_QUOTES or closing is not None
    if quoted:
        # direct only when the quotation is the whole content, not a quoted tail of a reported clause
        opened = view.in_quote(content_end - 2) if content_end - 2 > content_start else None
        quoted = opened is not None and opened[0] <= content_start + 1 and opened[1] == content_end
    medial = (not quoted and after_start < len(toks) and toks[after_start].text == ","
              and _words(view, after_start + 1, len(toks)) >= 3 and _words(view, 0, sep) >= 1)
    if medial:
        # "The museum, Mr. Bush said, celebrated…": the content runs on both sides of the cue
        tail = strip_quotes(text, toks[after_start + 1].start, view.end)
        kind_spans = [strip_quotes(text, content_start, content_end), tail]
        return Attribution("indirect", (toks[k].start, toks[k].end), [x for x in kind_spans if x[1] > x[0]],
                           speaker, 0.7 if speaker else 0.5)
    if _words(view, 0, sep) < 3:
        return None
    if rest_words > (25 if back else 12) and not quoted:
        return None
    if view.has_parse and not quoted and not any(t.pos in ("VERB", "AUX") for t in toks[:sep]):
        return None  # "In a newspaper essay last week, X acknowledged…" is no content
    spans = [strip_quotes(text, content_start, content_end)]
    # "A," he said, "B." -> the content continues after the cue in a second quotation
    for x in range(after_start, min(after_start + 3, len(toks))):
        if toks[x].text in OPEN_QUOTES:
            q2 = view.in_quote(toks[x].start + 1)
            if q2 and q2[0] == toks[x].start:
                spans.append(strip_quotes(text, q2[0], q2[1]))
            break
    # a line opened by a dash is direct speech in Polish and Russian typography ("- Nie wiem - powiedział")
    dash_opened = text[view.start:view.start + 1] in "-–—" and (view.start == 0 or text[view.start - 1] == "\n")
    quoted = quoted or dash_opened
    kind = "direct" if quoted else "indirect"
    conf = 0.85 if quoted else 0.7
    if speaker is None:
        conf -= 0.15
    att = Attribution(kind, (toks[k].start, toks[k].end), [s for s in spans if s[1] > s[0]], speaker, conf)
    if not quoted and toks[sep].text in ("—", "–", "-", "―") and content_start == view.start:
        att.notes.append("extend_back")  # "Paragraph of speech. More of it – dodał X."
    return att


def _pre_position(view: SentenceView, k: int) -> Attribution | None:
    """SPEAKER CUE [SPEAKER] [AUDIENCE] (that | : | quote) CONTENT."""
    toks, text, table = view.toks, view.text, view.table
    n = len(toks)
    j = k + 1
    cue_end = toks[k].end
    for pat, parts in table.particles + table.optional_particles:
        if pat.fullmatch(toks[k].text.lower()) and j < n and toks[j].text.lower() in parts and toks[j].text != ":":
            cue_end = toks[j].end
            j += 1
            break
    particle = j > k + 1
    marker = None
    x = j
    while x < n and x - j <= 9:
        tx = toks[x]
        low = tx.text.lower()
        if tx.text in OPEN_QUOTES and x > j and table.object_cues is not None \
                and table.object_cues.fullmatch(toks[k].text.lower()) and any(is_word(y) for y in toks[j:x]):
            break  # "called the situation “unacceptable”": the object, not just the quoted word
        if low in table.that or tx.text == ":" or tx.text in OPEN_QUOTES:
            marker = x
            break
        if (low in table.infinitive and x + 1 < n and table.infinitive_cues is not None
                and table.infinitive_cues.fullmatch(toks[k].text.lower())
                and (toks[x + 1].pos in ("VERB", "AUX") or not view.has_parse)):
            marker = x  # "called on the EU to take responsibility"
            break
        if tx.text in (".", "?", "!", ";") or (tx.text in SEPARATORS and x > j and low != ","):
            break
        x += 1
    content_tok = None
    if marker is not None:
        # the content keeps its complementiser ("that the border…", as annotated corpora do);
        # a colon or an infinitive "to" is left out, an opening quote kept
        keep = toks[marker].text in OPEN_QUOTES or toks[marker].text.lower() in table.that
        content_tok = marker if keep else marker + 1
        between = toks[j:marker]
    elif view.has_parse and not particle:
        comp = [t for t in toks if t.head == toks[k].i and t.dep in ("ccomp", "xcomp") and t.start > toks[k].end]
        if not comp and table.object_cues is not None and table.object_cues.fullmatch(toks[k].text.lower()):
            # "accused Poland of…", "called the charges unsubstantiated": the object is the content
            comp = [t for t in toks if t.head == toks[k].i and t.dep in ("dobj", "obj") and t.start > toks[k].end]
            if comp and not any(t.head == toks[k].i and t.dep.startswith("nsubj") for t in toks):
                return None  # "a group called X" has no speaker
        if not comp:
            return None  # with a parse, an object cue needs its object ("called in to a show" has none)
        left = min(_subtree(comp[0], toks), key=lambda t: t.start)
        idx = {t.i: pos for pos, t in enumerate(toks)}
        content_tok = idx.get(left.i)
        if content_tok is None or content_tok < j:
            return None
        between = toks[j:content_tok]
        if len(between) > 8:
            return None
    elif particle and _words(view, j, n) >= 2:
        content_tok, between = j, []  # "referred to the precedent of…": the object is the content
    else:
        return _object_content(view, k, j)
    if content_tok is None or content_tok >= n or _words(view, content_tok, n) < 2:
        return None
    # content: to the sentence end, or to the end of a quotation that starts here
    c_start = toks[content_tok].start
    c_end = view.end
    if toks[content_tok].text in OPEN_QUOTES:
        q = view.in_quote(c_start + 1)
        if q and q[0] == c_start and q[1] > c_end:
            c_end = q[1]
    # the cue's own trailing attribution ("…, he added") is not content
    span = strip_quotes(text, c_start, c_end)
    # speaker: parse subject, surface subject, or inverted speaker between cue and marker
    speaker = subject_of(toks[k], toks, view.start) if view.has_parse else None
    if speaker is None:
        sb = _speaker_before(view, k)
        if sb:
            speaker = view.span(*sb)
    if speaker is None and between:
        b_idx = [pos for pos, t in enumerate(toks) if t in between]
        inv = _speaker_after(view, b_idx[0]) if b_idx else None
        if inv:
            speaker = view.span(*inv)
    direct = text[c_start] in OPEN_QUOTES and text[span[1]:span[1] + 1] in CLOSE_QUOTES and view.in_quote(c_start + 1)
    kind = "direct" if direct else ("colon" if marker is not None and toks[marker].text == ":" else "indirect")
    conf = 0.8 if speaker else 0.6
    return Attribution(kind, (toks[k].start, cue_end), [span], speaker, conf)


def _object_content(view: SentenceView, k: int, j: int) -> Attribution | None:
    """`oskarżył Białoruś o prowokacje`, `обвинил Польшу в…`: an accusation's object is its content."""
    toks, table = view.toks, view.table
    if table.object_cues is None or not table.object_cues.fullmatch(toks[k].text.lower()):
        return None
    if _words(view, j, len(toks)) < 3:
        return None
    speaker = subject_of(toks[k], toks, view.start) if view.has_parse else None
    if speaker is None:
        sb = _speaker_before(view, k)
        speaker = view.span(*sb) if sb else None
    span = strip_quotes(view.text, toks[j].start, view.end)
    return Attribution("indirect", (toks[k].start, toks[k].end), [span], speaker, 0.65 if speaker else 0.5)


def _according_to(view: SentenceView) -> list[Attribution]:
    table, toks, text = view.table, view.toks, view.text
    if table.according is None:
        return []
    out = []
    sent_text = text[view.start:view.end]
    for m in table.according.finditer(sent_text):
        a, b = view.start + m.start(), view.start + m.end()
        if view.in_quote(a, b):
            continue
        idx_after = next((i for i, t in enumerate(toks) if t.start >= b), None)
        idx_before = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].end <= a), None)
        if idx_after is None:
            continue
        words_before = _words(view, 0, idx_before + 1) if idx_before is not None else 0
        # source: up to the next comma/colon, or the capitalised run (Polish "Według Żaryna migranci…")
        e = idx_after
        while (e < len(toks) and toks[e].text not in CLAUSE_BREAK and toks[e].text not in (".", "?", "!")
               and toks[e].text not in QUOTE_MARKS and e - idx_after < 12):
            e += 1
        inner = [i for i, t in enumerate(toks) if a <= t.start and t.end <= b and t.text.lower() in table.possessive]
        if words_before <= 2 and inner:
            # "по ее мнению, …", "jego zdaniem …": the source is the pronoun inside the phrase
            c_from = idx_after + 1 if toks[idx_after].text in (",", ":") else idx_after
            if _words(view, c_from, len(toks)) < 3:
                continue
            src = (inner[0], inner[0] + 1)
            content = strip_quotes(text, toks[c_from].start, view.end)
        elif words_before <= 2 and e == idx_after and table.speech.fullmatch(m.group().split()[-1].lower()):
            # "Jak dodał, …", "Как отметил, …": the speaker is the one quoted before
            if _words(view, e + 1, len(toks)) < 3:
                continue
            src, c_from = None, e + 1
            content = strip_quotes(text, toks[c_from].start, view.end)
            out.append(Attribution("according_to", (a, b), [content], None, 0.7,
                                   gender_hint=gender_from_verb(m.group().split()[-1], table)))
            continue
        elif words_before <= 2:
            if e < len(toks) and toks[e].text in (",", ":", "—", "–"):
                src = (idx_after, e)
                c_from = e + 1
            else:
                run = _speaker_after(view, idx_after, limit=5)
                if not run:
                    continue
                src, c_from = run, run[1]
            if _words(view, c_from, len(toks)) < 3:
                continue
            content = strip_quotes(text, toks[c_from].start, view.end)
        elif (toks[idx_after].text in ("-", "—", "–", ",") and table.speech.fullmatch(m.group().split()[-1].lower())
              and idx_before is not None and toks[idx_before].text in ("-", "—", "–", ",")):
            # "…, białoruskie - jak zaznaczył - "śledztwo…"": a parenthetical cue; what follows is the content
            if _words(view, idx_after + 1, len(toks)) < 3:
                continue
            content = strip_quotes(text, toks[idx_after + 1].start, view.end)
            out.append(Attribution("according_to", (a, b), [content], None, 0.7,
                                   gender_hint=gender_from_verb(m.group().split()[-1], table), notes=["parenthetical"]))
            continue
        else:
            if idx_before is None or toks[idx_before].text not in (",", "(", "—", "–"):
                continue
            src = (idx_after, e)
            content = strip_quotes(text, view.start, toks[idx_before].start)
            q = view.in_quote(view.start)
            if q and q[0] < view.start:
                content = strip_quotes(text, q[0], toks[idx_before].start)
        if src[1] <= src[0] or content[1] <= content[0]:
            continue
        out.append(Attribution("according_to", (a, b), [content], view.span(*src), 0.75))
    return out


def _headline(view: SentenceView) -> Attribution | None:
    """`Lavrov: the West is to blame` — a short capitalised name, a colon, the claim."""
    toks = view.toks
    colon = next((i for i, t in enumerate(toks[:7]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon > 5:
        return None
    name = toks[:colon]
    if not all(is_word(t) or t.text in (".", "-", "'s", "’s") for t in name):
        return None
    if not name[0].text[:1].isupper() or any(t.pos == "VERB" for t in name):
        return None
    alpha = [t for t in toks[colon + 1:] if t.text.isalpha()]
    if len(alpha) < 3 or toks[colon + 1].text.lower() in ("http", "https", "www"):
        return None  # "URL: https://…", "DATE: 2021-11-10" are file furniture
    content = strip_quotes(view.text, toks[colon].end, view.end)
    att = Attribution("headline", (toks[colon].start, toks[colon].end), [content], view.span(0, colon), 0.55)
    if all(t.ent in ("PER", "ORG") or t.pos == "PROPN" for t in name if is_word(t)):
        att.notes.append("name_ok")  # the parser or NER vouches for a one-word name ("Pence: …")
    return att
