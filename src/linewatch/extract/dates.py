"""Dates in text, resolved against the document date; and the day a statement was made.

`find_dates(text, lang, anchor)` finds explicit dates with or without a year
("On 1 November", "1 ноября", "9 listopada", "November 8", "8.11.2021"), each
day of a coordination separately ("on 4 and 9 November" gives two), weekdays
("on Friday" = the latest Friday on or before the anchor; the coming one after "next" or
with a future verb in its clause: "talks will be held on Friday"), relative words
("yesterday", "вчера", "wczoraj"), vague ones ("earlier this week") and
"on the same day" (the previously mentioned date). All words come from
`data/lang/<lang>/dates.yaml`.

`statement_date(doc, span, previous)` picks the day a statement was made:
a date in its sentence, else a date given earlier in the same paragraph, else the same
speaker's previous day unless the text has since moved to another day, else the document
date (with lower confidence). A day after the document date (a plan) never dates a statement.

The component `dates` fills `doc.dates`.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from linewatch.extract.attribution.cues import cue_table
from linewatch.lexicon import calendar_forms, lexicon
from linewatch.model import Span
from linewatch.nlp.doc import DateMention, Doc, Token, phrase_heads
from linewatch.nlp.pipeline import component

VERSION = "0.1"
MAX_TEXT_CHARS = 2_000_000
# A date without a year later than this many days after the anchor is taken to be last year's.
FUTURE_TOLERANCE_DAYS = 45

# Confidence of each way of knowing a statement's date.
CONF_IN_SENTENCE = {
    "explicit": 0.95, "weekday": 0.85, "relative": 0.85, "same_day": 0.8, "next_day": 0.75, "prev_day": 0.75, "range": 0.8,
}
CONF_PARAGRAPH = 0.75
CONF_CARRIED = 0.6
CONF_DOCUMENT = 0.45
# The document date read from its URL or text (`infer_date`), not given by the source.
CONF_INFERRED = 0.35
# Characters either side of a cue in which "the statement" / "в этом заявлении" refers back to an occasion.
CUE_REACH = 40


def _alt(words: list[str]) -> str:
    """Regex alternation of literal words, longest first, allowing any whitespace inside."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts)


def _word(pattern: str) -> str:
    return rf"(?<![\w.-])(?:{pattern})(?![\w])"


# Days from the previously mentioned date for "the same day", "the next day", "the day before".
_SHIFT = {"same_day": 0, "next_day": 1, "prev_day": -1}


@dataclass(frozen=True)
class _Lang:
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    relative: tuple[tuple[str, int], ...]
    vague: dict[str, float]
    dm: re.Pattern[str]  # day(s) month [year]
    md: re.Pattern[str]  # month day(s) [year]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    words: re.Pattern[str]  # weekdays, relative, vague, same/next day
    future: re.Pattern[str]
    past: re.Pattern[str]
    future_verb: re.Pattern[str]  # anywhere in the weekday's clause before it
    future_verb_after: re.Pattern[str]  # right after the weekday
    shift_kind: dict[str, str]  # a word tied to an earlier date -> its kind, a key of _SHIFT
    day_number: re.Pattern[str]
    deadline: re.Pattern[str]  # right before a date: it ends a span or sets a deadline ("until", "do", "до")
    not_saying: re.Pattern[str]  # right before a date: it is no saying's day ("since", "until", "of", "z", "с")
    occasion: re.Pattern[str]  # a word for an occasion of speaking ("interview", "wywiad", "брифинг")
    day_parts: frozenset[str]  # nouns that only narrow a day down ("Monday night")
    occasion_back: re.Pattern[str]  # "the statement", "this interview": an occasion named before (group "stem")


def _norm(s: str) -> str:
    return " ".join(s.casefold().split())


@cache
def _lang(lang: str) -> _Lang:
    data: dict[str, Any] = lexicon(lang, "dates") or lexicon("en", "dates")
    month_of = {w.rstrip("."): n for w, n in calendar_forms(lang, "months").items()}
    weekday_of = dict(calendar_forms(lang, "weekdays"))
    relative = tuple((_norm(w), int(r["offset"])) for r in data.get("relative") or [] for w in r["forms"])
    vague = {_norm(w): float(r.get("confidence", 0.35)) for r in data.get("vague") or [] for w in r["forms"]}
    shift_kind: dict[str, str] = {}
    for kind in _SHIFT:  # a word in two lists keeps the first kind
        for w in data.get(kind) or []:
            shift_kind.setdefault(_norm(w), kind)
    months = _alt(list(month_of))
    suffix = _alt(list(data.get("day_suffixes") or []))
    day = rf"\d{{1,2}}(?:{suffix})?" if suffix else r"\d{1,2}"
    joiner = _alt(list(data.get("day_joiners") or [","]))
    glue = _alt(list(data.get("day_month_glue") or []))
    ysuf = _alt(list(data.get("year_suffixes") or []))
    year = rf"(?:,?\s+(?P<y>\d{{4}})(?:\s*(?:{ysuf}))?)?" if ysuf else r"(?:,?\s+(?P<y>\d{4}))?"
    days = rf"(?P<days>{day}(?:\s*(?:{joiner})\s*{day})*)"
    dm = re.compile(
        rf"(?<![\w.]){days}\s*(?:(?:{glue})\s+)?(?P<m>{months})\.?(?!\w){year}" if glue
        else rf"(?<![\w.]){days}\s*(?P<m>{months})\.?(?!\w){year}",
        re.IGNORECASE,
    )
    md = re.compile(rf"(?<![\w.])(?P<m>{months})\.?\s+{days}(?!\w)(?!\.\d){year}", re.IGNORECASE)
    numeric = re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})(?![\w])")
    iso = re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\w])")
    word_list = list(weekday_of) + [w for w, _ in relative] + list(vague) + list(shift_kind)
    words = re.compile(_word(_alt(word_list)), re.IGNORECASE)
    future = re.compile(rf"(?:{_alt(data.get('future_markers') or []) or '(?!)'})\s*$", re.IGNORECASE)
    past = re.compile(rf"(?:{_alt(data.get('past_markers') or []) or '(?!)'})\s*$", re.IGNORECASE)
    verbs = _alt(data.get("future_verbs") or []) or "(?!)"
    future_verb = re.compile(_word(verbs), re.IGNORECASE)
    future_verb_after = re.compile(rf"[^\S\n]*(?:{verbs})(?![\w])", re.IGNORECASE)
    deadline = re.compile(rf"(?<!\w)(?:{_alt(data.get('deadline_markers') or []) or '(?!)'})\s*$", re.IGNORECASE)
    occasion = re.compile(rf"(?:{_alt(data.get('occasion_stems') or []) or '(?!)'})", re.IGNORECASE)
    stems = _alt(data.get("occasion_stems") or []) or "(?!)"
    back_words = _alt(data.get("occasion_back_words") or []) or "(?!)"
    # "the statement", "в этом заявлении" (a word between would let "the minister called" in)
    occasion_back = re.compile(rf"(?<!\w)(?:{back_words})\s+(?P<stem>{stems})", re.IGNORECASE)
    not_saying = re.compile(rf"(?<!\w)(?:{_alt(data.get('not_saying_before') or []) or '(?!)'})\s*$", re.IGNORECASE)
    return _Lang(
        month_of, weekday_of, relative, vague, dm, md, numeric, iso, words, future, past,
        future_verb, future_verb_after, shift_kind, re.compile(r"\d{1,2}"), deadline, not_saying,
        occasion, frozenset(_norm(w) for w in data.get("day_parts") or []), occasion_back,
    )


def month_words(lang: str) -> frozenset[str]:
    """Every month form of `lang` (case-folded), as `find_dates` reads them."""
    return frozenset(_lang(lang).month_of)


def _resolve_year(day: int, month: int, year: int | None, anchor: date | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        if anchor is None:
            return None
        value = date(anchor.year, month, day)
        if value > anchor + timedelta(days=FUTURE_TOLERANCE_DAYS):
            value = date(anchor.year - 1, month, day)
        elif value < anchor - timedelta(days=366 - FUTURE_TOLERANCE_DAYS):
            value = date(anchor.year + 1, month, day)
        return value
    except ValueError:  # 31 November and the like
        return None


# What may stand between a weekday and a future verb of the same clause ("talks will be held on
# Friday"); a comma, a quote or a sentence end starts another clause ("X will go, he said on Friday").
CLAUSE_WINDOW = 60
_CLAUSE_BREAK = re.compile(r"[,;:.!?\n\"«»“”„()]")


def _future_clause(text: str, start: int, end: int, L: _Lang) -> bool:
    """A future verb in the weekday's own clause before it, or right after it ("в пятницу состоится")."""
    before = text[max(0, start - CLAUSE_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return L.future_verb.search(clause) is not None or L.future_verb_after.match(text, end) is not None


def _overlaps(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in taken)


def _day_mentions(text: str, m: re.Match[str], L: _Lang, anchor: date | None) -> list[DateMention]:
    """One mention per day number in "4 and 9 November" / "November 4-5, 2021"."""
    month = L.month_of.get(_norm(m.group("m")).rstrip("."))
    if month is None:
        return []
    year = int(m.group("y")) if m.group("y") else None
    numbers = list(L.day_number.finditer(m.group("days")))
    base = m.start("days")
    is_range = len(numbers) == 2 and re.search(r"[-–—]|\bto\b|\bпо\b|\bdo\b", m.group("days")) is not None
    out = []
    for i, n in enumerate(numbers):
        day = int(n.group())
        try:
            date(year or 2000, month, day)  # 2000: a leap year, so 29 February passes
        except ValueError:
            continue  # 31 November and the like
        value = _resolve_year(day, month, year, anchor)
        start = base + n.start()
        # The last day carries the month (and year) words; earlier ones only their number.
        end = m.end() if i == len(numbers) - 1 else base + n.end()
        if text[end - 1] == "." and not m.group("y") and len(m.group("m")) > 4:
            end -= 1  # a sentence full stop, not an abbreviation's ("Nov.")
        if i == 0 and m.start() < start:
            start = m.start()
        out.append(
            DateMention(start, end, text[start:end], value, "range" if is_range else "explicit", 0.95 if year else 0.9)
        )
    return out


def find_dates(text: str, lang: str, anchor: date | None) -> list[DateMention]:
    """Date expressions in `text`, resolved against `anchor` (the document date), by offset."""
    text = text[:MAX_TEXT_CHARS]
    L = _lang(lang)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(ms: list[DateMention], span: tuple[int, int]) -> None:
        if ms and not _overlaps(span, taken):
            found.extend(ms)
            taken.append(span)

    for pattern, confidence in ((L.iso, 0.95), (L.numeric, 0.9)):  # 2021-11-08, 8.11.2021
        for m in pattern.finditer(text):
            try:
                value = date(int(m["y"]), int(m["mo"]), int(m["d"]))
            except ValueError:
                continue
            add([DateMention(m.start(), m.end(), m.group(), value, "explicit", confidence)], m.span())
    for pattern in (L.dm, L.md):
        for m in pattern.finditer(text):
            add(_day_mentions(text, m, L, anchor), m.span())
    for m in L.words.finditer(text):
        if _overlaps(m.span(), taken):
            continue
        key = _norm(m.group())
        before = text[max(0, m.start() - 25) : m.start()]
        if key in L.weekday_of:
            value = None
            if anchor is not None:
                back = (anchor.weekday() - L.weekday_of[key]) % 7
                value = anchor - timedelta(days=back)
                ahead = (L.weekday_of[key] - anchor.weekday()) % 7
                if L.future.search(before):  # "next Friday": not today
                    value = anchor + timedelta(days=ahead or 7)
                elif _future_clause(text, m.start(), m.end(), L):  # "talks will be held on Friday"
                    value = anchor + timedelta(days=ahead)
                elif L.past.search(before):
                    value = value - timedelta(days=7 if back == 0 else 0) - timedelta(days=7 if back < 3 else 0)
            add([DateMention(m.start(), m.end(), m.group(), value, "weekday", 0.85)], m.span())
        elif key in L.shift_kind:
            # Resolved from the closest earlier date; statement_date prefers the caller's `previous`.
            prev = next((d.value for d in sorted(found, key=lambda d: -d.start) if d.end <= m.start() and d.value), None)
            kind = L.shift_kind[key]
            value = prev if prev is None else prev + timedelta(days=_SHIFT[kind])
            if kind == "prev_day" and prev is None and anchor is not None:
                value = anchor - timedelta(days=1)  # "накануне" with no day before it: the eve of publication
            add([DateMention(m.start(), m.end(), m.group(), value, kind, 0.7 if prev else 0.3)], m.span())
        elif key in L.vague:
            add([DateMention(m.start(), m.end(), m.group(), anchor, "vague", L.vague[key])], m.span())
        else:
            offset = dict(L.relative).get(key)
            if offset is not None:
                value = anchor + timedelta(days=offset) if anchor else None
                add([DateMention(m.start(), m.end(), m.group(), value, "relative", 0.85)], m.span())
    return sorted(found, key=lambda d: d.start)


# --------------------------------------------------------------------------- the document's date when unknown

# A day in a URL: /2021/11/16/, 2021-11-16, 20211116 (one separator throughout, or none).
_URL_DATE = re.compile(r"(?<!\d)(?P<y>20\d\d|19\d\d)(?P<sep>[/_.-]?)(?P<mo>\d\d)(?P=sep)(?P<d>\d\d)(?!\d)")
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def url_date(url: str | None) -> date | None:
    """The day a URL carries (news sites file articles under /2021/11/16/ or 20211116), or None."""
    for m in _URL_DATE.finditer(url or ""):
        try:
            return date(int(m["y"]), int(m["mo"]), int(m["d"]))
        except ValueError:
            continue
    return None


def text_date(text: str, lang: str) -> date | None:
    """The latest full date (with its year) the text gives, or None. A date right after a deadline
    word ("until 1 March 2022", "do 1 marca 2022", "до 1 марта") is a day still to come, not one
    before publication, and is passed over."""
    L = _lang(lang)
    best: date | None = None
    for d in find_dates(text, lang, None):
        if d.kind != "explicit" or d.value is None or not _HAS_YEAR.search(d.text):
            continue
        if L.deadline.search(text[max(0, d.start - 30):d.start]):
            continue
        best = d.value if best is None or d.value > best else best
    return best


def infer_date(doc: Doc) -> Doc:
    """Give a document without a date the day its URL carries, else the latest full date in its text
    (`Doc.inferred_date`, `Doc.date_inferred_from`): a title then names whoever held the office
    then, not the latest holder. Done once; a dated document is left alone."""
    if doc.document.published is not None or "date_inferred" in doc.annotations:
        return doc
    doc.annotations["date_inferred"] = True
    for how, value in (("url", lambda: url_date(doc.document.url)), ("text", lambda: text_date(doc.text, doc.lang))):
        found = value()
        if found is not None:
            doc.inferred_date, doc.date_inferred_from = found, how
            break
    return doc


# --------------------------------------------------------------------------- statement dates


def _doc_dates(doc: Doc) -> list[DateMention]:
    if not doc.dates and "dates_done" not in doc.annotations:
        doc.dates = find_dates(doc.text, doc.lang, doc.date)
        doc.annotations["dates_done"] = True
    return doc.dates


# "MINSK, November 8. /TASS/." — a place name (any case), a comma, then the date; or the agencies in
# brackets before the date: "PARIS (UrduPoint News / Sputnik - 15th November, 2021)".
_DATELINE_PREFIX = re.compile(r"(?:^|\n)[ \t]*[^\W\d_][\w .'/-]{0,40}(?:,|[ \t]*\([^()\n]{1,60}?[-–—])[ \t]*$")
DATELINE_WINDOW = 400  # characters after any header lines


def dateline(doc: Doc) -> DateMention | None:
    """The date of a news dateline at the start of the body, if there is one."""
    found = _dateline_and_line(doc)
    return found[0] if found else None


def dateline_span(doc: Doc) -> tuple[int, int] | None:
    """Where the dateline runs, from its line's start (the place: "Tbilisi, Sep 28") to its date's end."""
    found = _dateline_and_line(doc)
    return (found[1], found[0].end) if found else None


def _dateline_and_line(doc: Doc) -> tuple[DateMention, int] | None:
    """The dateline's date and where its line starts, or None; found once per document (the stance
    stage asks for every statement)."""
    if "dateline" not in doc.annotations:
        doc.annotations["dateline"] = _find_dateline(doc)
    return doc.annotations["dateline"]


def _find_dateline(doc: Doc) -> tuple[DateMention, int] | None:
    body = 0
    for m in re.finditer(r"^[A-Z]+: .*\n", doc.text[:2000], re.M):  # URL:/DATE: header lines
        if m.start() == body or doc.text[body:m.start()].strip() == "":
            body = m.end()
    for d in _doc_dates(doc):
        if d.start > body + DATELINE_WINDOW:
            break
        if d.start >= body and d.kind == "explicit" and (m := _DATELINE_PREFIX.search(doc.text[body : d.start])):
            return d, body + m.start() + (1 if m.group().startswith("\n") else 0)
    return None


def _value(d: DateMention, previous: date | None) -> date | None:
    # "The day before" counts back from the date the text gave last (or the publication), which
    # find_dates has done; "the same day" and "the next day" from the statement before.
    if d.kind in ("same_day", "next_day") and previous is not None:
        return previous + timedelta(days=_SHIFT[d.kind])
    return d.value


def _sentence_end(doc: Doc, offset: int) -> int:
    if doc.sentences:
        return doc.sentences[doc.sentence_index_at(offset)].end
    nl = doc.text.find("\n", offset)
    return len(doc.text) if nl < 0 else nl


def _moved_on(doc: Doc, dates: list[DateMention], carried: date, before: int) -> bool:
    """After the sentence that last gave the `carried` day, did the text give another day before
    `before`? ("X said on Friday …", "On Saturday, crowds …", '"…," X said': not Friday any more.)"""
    given = [d for d in dates if d.end <= before and d.value == carried]
    if not given:
        return False
    since = _sentence_end(doc, given[-1].start)
    return any(since <= d.start and d.end <= before and d.value not in (None, carried) for d in dates)


def _owned_elsewhere(doc: Doc, d: DateMention, cue: Span) -> bool:
    """Does the parse tie the date to something other than the saying verb in `cue`? A noun's date
    ("the attack on 3 November", "the 3 November attack", "о нападении 3 ноября") unless the noun is
    the saying's own occasion: one the saying verb governs ("said in an interview on Friday", "told a
    briefing on Friday") or a word for one ("A March 14 article by X shows"). A verb's
    date is left alone: "In his address given on Tuesday, X said" is the saying's. Without a parse
    nothing is owned elsewhere."""
    toks = doc.tokens_in((d.start, d.end))
    if not toks or not any(t.dep for t in toks):
        return False
    cue_ids = {t.i for t in doc.tokens_in(cue)}

    def governor(i: int) -> int:
        while 0 <= i < len(doc.tokens) and doc.tokens[i].pos == "ADP":
            i = doc.tokens[i].head
        return i

    L = _lang(doc.lang)
    top = next(iter(phrase_heads(toks)), None)
    g = governor(top.head) if top is not None else -1
    while 0 <= g < len(doc.tokens) and doc.tokens[g].text.casefold() in L.day_parts:
        g = governor(doc.tokens[g].head)  # "on Monday night": the night's governor
    if g < 0 or g in cue_ids or g >= len(doc.tokens):
        return False
    gov = doc.tokens[g]
    if gov.pos in ("VERB", "AUX") and gov.dep in RELATIVE_DEPS:
        # "spokesman X refuted…, taking aim at Y, who on Wednesday blamed Z": the day of Y's act, unless
        # the relative clause is the speaker's own ("X, who spoke on Tuesday, said")
        return not _within_subject_of(doc, gov.head, cue_ids)
    if gov.pos in ("VERB", "AUX") and _future_of_other(doc, gov):
        # "bearing in mind the manoeuvres will begin on September 10, he replied…": the day something
        # else is to happen, not the day of the saying
        return True
    if gov.pos != "NOUN" or L.occasion.match(gov.text) is not None:
        return False
    return gov.start > d.start or governor(gov.head) not in cue_ids


RELATIVE_DEPS = ("relcl", "acl:relcl")


def _future_of_other(doc: Doc, verb: Token) -> bool:
    """Is the verb in the future (an auxiliary of the language's `future_auxiliaries` in cues.yaml)
    with a noun of its own as subject, so that its date is what is to happen, not a saying?"""
    sent = doc.sentences[doc.sentence_index_at(verb.start)]
    kids = [t for t in doc.tokens_in((sent.start, sent.end)) if t.head == verb.i and t.i != verb.i]
    future = cue_table(doc.lang).future
    return any(t.dep == "aux" and t.text.lower() in future for t in kids) \
        and any(t.dep.startswith("nsubj") and t.pos in ("NOUN", "PROPN") for t in kids)


def _within_subject_of(doc: Doc, i: int, cue_ids: set[int]) -> bool:
    """Is token i the subject of a cue verb, or inside that subject (following heads up from it)?"""
    seen: set[int] = set()
    while 0 <= i < len(doc.tokens) and i not in seen:
        seen.add(i)
        tok = doc.tokens[i]
        if tok.head in cue_ids:
            return tok.dep.startswith("nsubj")
        if tok.head == i:
            return False
        i = tok.head
    return False


_LAST_WORD = re.compile(r"([^\W\d_][\w-]*)\W*$")


def _tied_elsewhere(doc: Doc, d: DateMention) -> bool:
    """Does the word before the date tie it to a span, a deadline or a thing ("since 1 March", "until
    31 December", "atak z 3 listopada")? Not when that thing is an occasion of speaking ("w
    oświadczeniu z 8 listopada", "в заявлении от 8 ноября": the statement's own day)."""
    L = _lang(doc.lang)
    before = doc.text[max(0, d.start - 60) : d.start]
    m = L.not_saying.search(before)
    if m is None:
        return False
    word = _LAST_WORD.search(before, 0, m.start())
    return word is None or L.occasion.match(word.group(1)) is None


def _tied_dates(doc: Doc) -> frozenset[int]:
    """Indexes of the document's dates tied to something else (`_tied_elsewhere`), worked out once
    per document rather than once per statement."""
    tied = doc.annotations.get("dates_tied")
    if tied is None:
        tied = frozenset(i for i, d in enumerate(_doc_dates(doc)) if _tied_elsewhere(doc, d))
        doc.annotations["dates_tied"] = tied
    return tied


def _saying_dates(doc: Doc, saying: bool) -> list[DateMention]:
    """The document's dates that may date a statement (`saying`) or an event. Vague ones are left out.
    Nothing is said after publication: a date after it (a deadline, a plan) is left out too. For a
    saying, a day without a year takes the year that puts it on or before the publication ("On 16
    November X said" in an article of 10 November: last year's), and a date tied by the word before
    it to something else ("since 1 March", "until 31 December", "atak z 3 listopada") is left out."""
    out = []
    tied = _tied_dates(doc) if saying else frozenset()
    for i, d in enumerate(_doc_dates(doc)):
        if d.kind == "vague" or i in tied:
            continue
        if doc.date is not None and d.value is not None and d.value > doc.date:
            if not saying or d.kind != "explicit" or _HAS_YEAR.search(d.text):
                continue
            value = d.value
            while value > doc.date:
                try:
                    value = value.replace(year=value.year - 1)
                except ValueError:  # 29 February
                    value = value.replace(year=value.year - 1, day=28)
            d = replace(d, value=value, confidence=d.confidence - 0.1)
        out.append(d)
    return out


def _occasion_named_before(doc: Doc, dates: list[DateMention], s_start: int, s_end: int,
                           cue: Span) -> DateMention | None:
    """The date of an occasion the saying refers back to ('"…," the statement said' after 'NATO said in
    a statement on Monday'): the latest earlier date whose sentence names the same kind of occasion.
    The reference ("the statement", "w tym oświadczeniu") must stand by the cue, within its sentence."""
    L = _lang(doc.lang)
    m = L.occasion_back.search(doc.text, max(s_start, cue[0] - CUE_REACH), min(s_end, cue[1] + CUE_REACH))
    if m is None:
        return None
    stem = re.compile(rf"(?<!\w){re.escape(m.group('stem'))}", re.IGNORECASE)
    for d in sorted((d for d in dates if d.end <= s_start and d.value is not None), key=lambda d: -d.start):
        sent = doc.sentences[doc.sentence_index_at(d.start)] if doc.sentences else None
        if sent is not None and stem.search(doc.text, sent.start, sent.end):
            return d
    return None


def _names_speaker(doc: Doc, d: DateMention, speaker_spans: Sequence[Span]) -> bool:
    """Does the sentence of `d` name the speaker (one of `speaker_spans`)?"""
    i = doc.sentence_index_at(d.start) if doc.sentences else -1
    if i < 0:
        return False
    sent = doc.sentences[i]
    return any(sent.start <= a and b <= sent.end for a, b in speaker_spans)


class SpanIndex:
    """Spans (the contents of the statements found so far) that can be asked whether one of them
    holds a range. Kept sorted by start with the furthest end reached up to each, so the answer is
    one bisection, not a pass over every earlier statement for every date of the document (which
    made dating a long article quadratic). `under` is asked as well: the document's earlier
    contents below one sentence's own, shared rather than copied for each statement."""

    def __init__(self, spans: Iterable[Span] = (), under: SpanIndex | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._reach: list[int] = []  # _reach[k]: the largest end of the spans up to k
        self._under = under
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        k = bisect.bisect_right(self._starts, span[0])
        self._starts.insert(k, span[0])
        self._ends.insert(k, span[1])
        self._reach.insert(k, span[1])
        # contents come in text order: k is nearly always the end, and this one step
        for j in range(k, len(self._ends)):
            self._reach[j] = max(self._ends[j], self._reach[j - 1]) if j else self._ends[j]

    def holds(self, a: int, b: int) -> bool:
        """Does one span hold [a, b)? Among the spans starting at or before a, the furthest end."""
        k = bisect.bisect_right(self._starts, a)
        return (k > 0 and self._reach[k - 1] >= b) or (self._under is not None and self._under.holds(a, b))


def statement_date(
    doc: Doc, span: Span, previous: date | None, content: Span | None = None, carried: date | None = None,
    cue: Span | None = None, saying: bool = False, speaker_spans: Sequence[Span] = (),
    reported: SpanIndex | None = None,
) -> tuple[date | None, float, str]:
    """The day the statement in `span` was made: (value, confidence, evidence).

    Looks, in order, at date expressions in the statement's sentence(s) (the
    earliest one outside `content` when given, as "On 1 November, X said ...";
    none later than the document date),
    at a date given earlier in the same paragraph, at `carried` (the date the text gave the
    same speaker's statement just before), and at the document date.
    "On the same day" takes `previous`, the date of the statement before.
    With `cue` (the saying verb) a date the parse ties to something else in the sentence is passed
    over. With `saying` (a statement's date, not an event's; see `_saying_dates`) an earlier date of
    the paragraph is taken only when it is the day of the statement before (`previous`, `carried`)
    or its sentence names the speaker (`speaker_spans`: "protest against X's words of yesterday. X
    accused …"): "On 1 November X said … He added …", not "On 3 November militants fired at a post.
    X said …" (the firing's day, not the saying's).
    `reported` are the contents of other statements (of this sentence and before): a date inside
    one dates what that speaker reports ("– Już od niedzieli … – wyjaśnił, dodając, że w niedzielę
    …"; "X podkreślił, że w poniedziałek … – Usiłowania … – zapewnił"), never a saying.
    """
    dates = _saying_dates(doc, saying)
    if reported is not None:
        dates = [d for d in dates if not reported.holds(d.start, d.end)]
    if doc.sentences:
        first = doc.sentence_index_at(span[0])
        last = doc.sentence_index_at(max(span[0], span[1] - 1))
        s_start, s_end = doc.sentences[first].start, doc.sentences[last].end
        paragraph = doc.sentences[first].paragraph
        para_start = min(
            (s.start for s in doc.sentences[: first + 1] if s.paragraph == paragraph), default=s_start
        )
    else:
        # No segmentation: the line is the sentence and the blank-line block the paragraph.
        s_start = doc.text.rfind("\n", 0, span[0]) + 1
        nl = doc.text.find("\n", span[1])
        s_end = len(doc.text) if nl < 0 else nl
        para_start = doc.text.rfind("\n\n", 0, span[0]) + 2 if doc.text.rfind("\n\n", 0, span[0]) >= 0 else 0
    in_sentence = [d for d in dates if d.start >= s_start and d.end <= s_end]
    if content is not None:
        # A date inside the reported content dates what is reported, not the saying of it.
        in_sentence = [d for d in in_sentence if d.end <= content[0] or d.start >= content[1]]
    if cue is not None:
        in_sentence = [d for d in in_sentence if not _owned_elsewhere(doc, d, cue)]
    for d in in_sentence:
        value = _value(d, previous)
        if value is not None:
            return value, min(d.confidence, CONF_IN_SENTENCE.get(d.kind, 0.8)), d.text
    earlier = [d for d in dates if para_start <= d.start and d.end <= s_start]
    for d in reversed(earlier):
        value = _value(d, previous)
        if saying and value not in (previous, carried) and not _names_speaker(doc, d, speaker_spans):
            continue
        if value is not None:
            return value, CONF_PARAGRAPH, f"paragraph: {d.text}"
    if carried is not None and carried != doc.date and not _moved_on(doc, dates, carried, s_start):
        # "X said on Tuesday …" then, paragraphs on, '"…," X told reporters': the same occasion.
        return carried, CONF_CARRIED, "same speaker's previous statement"
    if saying and cue is not None and (back := _occasion_named_before(doc, dates, s_start, s_end, cue)) is not None:
        return back.value, CONF_CARRIED, f"occasion named before: {back.text}"
    line = dateline(doc)
    if line is not None and line.value is not None:
        return line.value, CONF_DOCUMENT + 0.1, f"dateline: {line.text}"
    if doc.date_is_inferred:
        return doc.date, CONF_INFERRED, f"document date inferred from its {doc.date_inferred_from}"
    if doc.date is not None:
        return doc.date, CONF_DOCUMENT, "document date"
    if previous is not None:
        return previous, 0.3, "previous statement"
    return None, 0.0, "no date"


@component("dates", version=VERSION)
def make_dates(**config: object):
    """Date expressions resolved against the document date."""

    def dates(doc: Doc) -> Doc:
        infer_date(doc)
        doc.dates = find_dates(doc.text, doc.lang, doc.date)
        doc.annotations["dates_done"] = True
        return doc

    return dates
