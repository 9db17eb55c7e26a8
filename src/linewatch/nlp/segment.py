"""Component `segment`: sentences and paragraphs, for every language.

Rules rather than a model, so that English, Russian and Polish behave the
same way and offsets are exact by construction (a sentence is always a slice
of `doc.text`, trimmed of surrounding white space):

- a blank line ends a paragraph (in a body with no blank line, each line is one);
  any line break ends a sentence (headlines, bylines and list items are lines
  of their own);
- `.`, `!`, `?`, `…` (plus closing quotes/brackets) followed by white space
  and a plausible sentence start end a sentence, unless the word before the
  dot is an abbreviation from `data/lang/<lang>/abbreviations.yaml`, a single
  initial ("J. Smith") or an ordinal number ("9. listopada");
- a boundary inside a short quotation (quote marks from `segment.yaml`) is
  not used, so `"First. Second," he said.` stays one sentence with its cue.
"""
from __future__ import annotations

import re
from functools import cache

from linewatch.lexicon import lexicon
from linewatch.nlp.doc import Doc, Sentence
from linewatch.nlp.pipeline import component

VERSION = "0.5"

# Hard limit: a "sentence" longer than this is cut at the next white space (hostile input).
MAX_SENTENCE_CHARS = 5000

_PARA_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
_END = re.compile(r"[.!?…]+[\"'”»“’)\]]*")
_START_OK = re.compile(r"[\"'“”„«(\[‘\-–—•*0-9]|[^\W\d_]")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")
# a dash and a lower-case word: the author's cue after the speech, in the same sentence
_DASH_CUE = re.compile(r"[\-–—]\s*(\w)")
_SPEECH_END = "!?…"  # a run holding one of these may be speech signed by a dash cue
_CLOSING_QUOTES = "\"'”»“’"  # so may a run closing a quotation


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    data = lexicon(lang, "abbreviations") or lexicon("en", "abbreviations")
    return frozenset(str(a).lower().rstrip(".") for a in data.get("abbreviations", []))


def is_abbreviation(word: str, lang: str) -> bool:
    """Is `word` (without its dot) an abbreviation of `lang` ("płk", "gen", "insp")?"""
    return word.lower().rstrip(".") in _abbreviations(lang)


@cache
def _quote_pairs(lang: str) -> tuple[dict[str, frozenset[str]], int]:
    data = lexicon(lang, "segment") or lexicon("en", "segment")
    pairs: dict[str, frozenset[str]] = {}
    for opener, closers in (data.get("quotes") or {}).items():
        if isinstance(closers, str):
            closers = [closers]
        pairs[str(opener)] = frozenset(str(c) for c in closers)
    return pairs, int(data.get("max_quote_sentence", 700))


def opening_quotes(lang: str) -> str:
    """The opening quote marks of segment.yaml `quotes`, one string ("“«„\"")."""
    return "".join(_quote_pairs(lang)[0])


def quote_spans(text: str, lang: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(open, close+1) spans of balanced quotations in text[start:end] (outermost only).

    Straight double quotes alternate open/close; typographic ones pair by the
    table in segment.yaml. An unclosed quote yields nothing, unless the text ends inside it (a stored
    copy cut in the middle of a quotation).
    """
    pairs, _ = _quote_pairs(lang)
    end = len(text) if end is None else end
    # Two apostrophes stand for a straight double quote in some wire copy (''like this'');
    # the replacement keeps every offset.
    scan = text.replace("''", '"\x01') if "''" in text else text
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        opener = scan[i]
        if opener == '"' and _closes_only(scan, i):
            i += 1  # a stray closing mark ("…szybki sposób" – powiedział X"): it opens nothing
            continue
        if opener in pairs:
            close = _find_close(scan, i, end, opener, pairs[opener])
            if close is not None:
                close += 1 if scan[close + 1:close + 2] == "\x01" else 0
                spans.append((i, close + 1))
                i = close + 1
                continue
            if end == len(text) and _cut_in_quotation(scan, i, pairs):
                # the stored copy breaks off inside the quotation ("„Ogrzewamy Europę, … gaz ziemny?"):
                # what follows the mark to the end is still the quoted words
                spans.append((i, len(text.rstrip())))
                break
        i += 1
    return spans


def _cut_in_quotation(text: str, i: int, pairs: dict[str, frozenset[str]]) -> bool:
    """Does the text end inside the quotation opened at i: a typographic opening mark, no other
    quotation mark and no blank line after it, and at least one sentence end (the cut is at one)?"""
    rest = text[i + 1:]
    marks = set(pairs) | {c for closers in pairs.values() for c in closers}
    return (text[i] != '"' and "\n\n" not in rest.strip() and not any(c in marks for c in rest)
            and rest.rstrip()[-1:] in (".", "!", "?", "…"))


def _closes_only(text: str, i: int) -> bool:
    """Can the straight double quote at i only close a quotation: a word ends right before it and
    a space, a dash or punctuation follows ('sposób" –', 'end".')?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() or before in ".,!?…)") and (after.isspace() or after in ".,;:!?)–—-")


def _opens_only(text: str, i: int) -> bool:
    """Can the straight double quote at i only open a quotation: white space (or a bracket) right before
    it and a letter or digit right after it ('магистралях "Северного')?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([") and after.isalnum()


def _find_close(text: str, i: int, end: int, opener: str, closers: frozenset[str]) -> int | None:
    """Index of the mark closing the quote opened at i (same opener nests), None if unclosed.

    Where a nested quotation ends with the outer one, one mark closes both (`«A «B»», – сказал`
    is set `«A «B», – сказал`): a quote left open whose last inner quotation closes right before a
    dash (the cue that signs it) closes there."""
    depth = 0
    inner_close = None  # the last mark that closed a nested quotation
    straight = opener in closers
    for j in range(i + 1, end):
        cj = text[j]
        if straight and cj == opener and _opens_only(text, j):
            # '"…магистралях "Северного потока", которые…"': a straight mark after a space and before a
            # word opens a quotation inside the one open, as typographic marks nest
            depth += 1
            continue
        if cj in closers:
            if depth == 0:
                return j
            depth -= 1
            inner_close = j if depth == 0 and opener not in closers else inner_close
        elif cj == opener:
            depth += 1
        elif cj == "\n" and text.startswith("\n", j + 1):
            break  # a quote does not run over a paragraph break here
    if inner_close is not None and _SIGNED_AFTER.match(text, inner_close + 1):
        return inner_close
    return None


# what follows a quotation signed by its speaker: ", – сказал", " — заявил"
_SIGNED_AFTER = re.compile(r",?\s*[–—―]")


GLUED_WORD_MIN = 3  # the shortest word before a full stop that a page's markup glued to the next sentence
GLUED_NAME_MIN = 3  # …and a capitalised word, a name ("Небензя.Случившееся", "mówił Rau.Dodał")


SIGNATURE_WORDS = 8  # a tail this short after a closed quotation may be its signature ("Putin said.")
_TAIL = re.compile(r"[^.!?…\n\"'”»“«„]*[.!?…]")


@cache
def _speech_cue(lang: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """The language's speech verbs (cues.yaml `speech`), matching one lower-cased word, and the words
    that open a reported clause after them (cues.yaml `that`)."""
    data = lexicon(lang, "cues") or {}
    patterns = [str(p) for p in data.get("speech") or []]
    cue = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
    return cue, frozenset(str(w) for w in data.get("that") or [])


def _signs_quotation(text: str, follow: int, lang: str) -> bool:
    """Is the text from `follow` to the next sentence end a short signature of the quotation just
    closed ('"…?" Putin said.', '"…!" Lukashenko told reporters.'): a few words, no quotation mark,
    one of them a speech verb, and no "that" after it (which would open words of its own)?"""
    cue, thats = _speech_cue(lang)
    tail = _TAIL.match(text, follow)
    if cue is None or tail is None:
        return False
    words = [w.lower() for w in re.findall(r"\w+", tail.group())]
    at = next((k for k, w in enumerate(words) if cue.fullmatch(w)), None)
    return (at is not None and 0 < at and len(words) <= SIGNATURE_WORDS
            and not any(w in thats for w in words[at + 1:]))


def _glued_boundary(text: str, dot_start: int, after: int, abbrevs: frozenset[str]) -> bool:
    """Does a full stop end a sentence with no space after it ("the police tweeted.Poland has…",
    where stripped markup once held a paragraph break)? Only after a lower-case word of three
    letters or more that is no abbreviation, and before a capitalised word in lower case after its
    first letter: not "sputniknews.com", "U.S.Army", "St.Petersburg" or "ВКС.РФ"."""
    run = text[dot_start:after]
    closed = run[-1] in _CLOSING_QUOTES and len(run) >= 2 and run.rstrip(_CLOSING_QUOTES) in (".", "!", "?", "…")
    if (run != "." and not closed) or after + 1 >= len(text):
        return False
    # "…in Brussels.(Image: …)": a bracket glued to the full stop opens the next sentence (a caption)
    bracket = text[after] == "(" and after + 2 < len(text)
    first, second = text[after + bracket], text[after + bracket + 1]
    if not (first.isalpha() and first.isupper() and second.isalpha() and second.islower()):
        return False
    m = _WORD_BEFORE.search(text[max(0, dot_start - 30):dot_start])
    word = m.group(1) if m else ""
    if closed or bracket:
        # '…won't do this."According to him': a quotation closed after its full stop and a capital
        # right after it is a lost paragraph break, whatever the case of the word before
        return len(word) >= 2 and word.isalpha() and word.lower() not in abbrevs
    if word[:1].isupper() and len(word) >= GLUED_NAME_MIN and word[1:].islower() and word.isalpha() \
            and word.lower() not in abbrevs:
        # "…, пояснил Небензя.Случившееся…": a name of three letters or more, then a word of four or more
        # (not "Gazeta.Ru", "St.Petersburg")
        nxt = re.match(r"[^\W\d_]+", text[after:after + 40])
        return nxt is not None and len(nxt.group()) >= 4
    return (len(word) >= GLUED_WORD_MIN and word.isalpha() and word.islower()
            and word not in abbrevs)


def _is_boundary(text: str, dot_start: int, after: int, abbrevs: frozenset[str], lang: str = "en") -> bool:
    """May the punctuation run text[dot_start:after] end a sentence?"""
    if after < len(text):
        nxt = re.match(r"\s+", text[after:after + 20])
        if not nxt:
            return _glued_boundary(text, dot_start, after, abbrevs)
        follow = after + nxt.end()
        if follow >= len(text):
            return True
        first = text[follow]
        if not _START_OK.match(first):
            return False
        run = text[dot_start:after]
        # only speech signs with a dash cue: "…!", "…?" or a closed quotation; after a plain "." a
        # dash opens the next sentence ("Ушли. — и вот что было дальше.")
        # ('"…". - говорится в сообщении': a quotation closed right before the full stop signs as well)
        signed = any(c in _SPEECH_END for c in run) or run[-1] in _CLOSING_QUOTES \
            or (dot_start > 0 and text[dot_start - 1] in _CLOSING_QUOTES)
        cue = _DASH_CUE.match(text, follow) if signed else None
        if cue and cue.group(1).islower():
            return False  # "Dość tego! – powiedział X", "«Кто заплатит?» — спросил X": the cue signs it
        if first.isalpha() and first.islower():
            return False
        if run[-1] in _CLOSING_QUOTES and first.isupper() and _signs_quotation(text, follow, lang):
            return False  # '"What, is Belarus the cause?" Putin said.': the name and its cue sign the quotation
    if text[dot_start] != ".":
        return True
    m = _WORD_BEFORE.search(text[max(0, dot_start - 30):dot_start])
    if not m:
        return True
    word = m.group(1).lower()
    if word in abbrevs or word.rstrip(".") in abbrevs:
        return False
    if len(word) == 1 and word.isalpha() and text[dot_start - 1].isupper():
        return False  # an initial: "J. Smith", "A. Łukaszenka"
    if word.isdigit() and len(word) <= 2 and after < len(text):
        # "9. listopada" (Polish ordinal dates) but not "in 2021. Then"
        nxt_word = re.match(r"\s+(\w+)", text[after:after + 30])
        if nxt_word and nxt_word.group(1)[:1].islower():
            return False
    return True


def split_sentences(text: str, lang: str, start: int, end: int, protect_quotes: bool = True) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end] (one line of a paragraph), trimmed of white space.

    With protect_quotes=False a quotation is split into its own sentences too
    (statements use this to cut a long quote into claims).
    """
    abbrevs = _abbreviations(lang)
    _, max_quote = _quote_pairs(lang)
    protected = [(a, b) for a, b in quote_spans(text, lang, start, end) if b - a <= max_quote] if protect_quotes else []
    cuts: list[int] = []
    for m in _END.finditer(text, start, end):
        if any(a < m.start() and m.end() < b - 1 for a, b in protected):
            continue  # inside a short quotation
        if _is_boundary(text[:end], m.start(), m.end(), abbrevs, lang):
            cuts.append(m.end())
    spans: list[tuple[int, int]] = []
    prev = start
    for c in cuts + [end]:
        spans.extend(_trimmed_pieces(text, prev, c))
        prev = c
    return spans


def _trimmed_pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """text[a:b] trimmed; cut into pieces of at most MAX_SENTENCE_CHARS at white space."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    out: list[tuple[int, int]] = []
    while b - a > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", a, a + MAX_SENTENCE_CHARS)
        cut = cut if cut > a else a + MAX_SENTENCE_CHARS
        out.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))
    return out


def segment_text(text: str, lang: str, start: int = 0) -> list[Sentence]:
    """All sentences of text from `start` on, with their paragraph index."""
    sentences: list[Sentence] = []
    para = 0
    pos = start
    breaks: list[re.Match[str] | None] = list(_PARA_BREAK.finditer(text, start))
    if not breaks:
        # A body with no blank line at all keeps one paragraph per line: stored pages and feeds
        # often separate paragraphs by a single line break, and one text-long "paragraph" would
        # let a date or a speaker of its first lines reach every later line.
        breaks = list(_LINE_BREAK.finditer(text, start))
    breaks.append(None)
    for br in breaks:
        p_end = br.start() if br else len(text)
        line_start = pos
        # a block of prose lines each ending a sentence: paragraphs a single line break separates
        # (a headline set off by a blank line above a body written so), one per line
        per_line = _lines_are_paragraphs(text, pos, p_end)
        for line in _LINE_BREAK.finditer(text, pos, p_end):
            sentences.extend(_sentences_of(text, lang, line_start, line.start(), para))
            line_start = line.end()
            if per_line and sentences and sentences[-1].paragraph == para:
                para += 1
        sentences.extend(_sentences_of(text, lang, line_start, p_end, para))
        if br is not None:
            pos = br.end()
            if sentences and sentences[-1].paragraph == para:
                para += 1
    return sentences


PROSE_LINE_CHARS = 60  # a line this long that ends a sentence is a paragraph, not a wrapped line
_SENTENCE_END = re.compile(r"[.!?…\"”»]\s*$")


def _lines_are_paragraphs(text: str, a: int, b: int) -> bool:
    """Are the lines of text[a:b] (two or more) each a paragraph: every one but the last long and
    ending a sentence? A hard-wrapped paragraph breaks its lines mid-sentence; short lines may be a
    list or a dialogue, left as one paragraph."""
    lines = [ln for ln in text[a:b].split("\n") if ln.strip()]
    return len(lines) >= 2 and all(len(ln.strip()) >= PROSE_LINE_CHARS and _SENTENCE_END.search(ln) for ln in lines[:-1])


def _sentences_of(text: str, lang: str, a: int, b: int, para: int) -> list[Sentence]:
    return [Sentence(start=s, end=e, text=text[s:e], paragraph=para) for s, e in split_sentences(text, lang, a, b)]


@component("segment", version=VERSION)
def make_segment(**config: object):
    """Sentences and paragraphs (rules + per-language abbreviations)."""

    def segment(doc: Doc) -> Doc:
        if not doc.sentences:
            # A header block ("TITLE: …", "URL: …", "DATE: …" lines read by sources/files.py) is
            # metadata, not prose: nobody "said" it, so no sentence starts inside it.
            body_start = int(doc.document.meta.get("header_end") or 0)
            if not 0 <= body_start <= len(doc.text):
                body_start = 0
            doc.sentences = segment_text(doc.text, doc.lang, body_start)
        return doc

    return segment
