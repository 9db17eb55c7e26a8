"""Page furniture: the lines of a page that name people but report nothing.

Photo credits, captions, bylines, copyright notes and link lines ("Read more") are
neither statements nor events, though they carry names and often a verb. Both
extractors ask this one module which spans to leave alone, so that a caption is
read the same way by the statements stage and by the events stage.

A line is furniture when

* one of the language's patterns (`data/lang/<lang>/furniture.yaml`) matches it. A
  short line is searched whole (a caption: "…, Nov. 16, 2022. Picture: AP Photo/X");
  in a long line, a paragraph, only the sentence asked about is, so that one credit
  does not silence a whole paragraph;
* it closes with a photo credit after a slash or bar, a name in capitals
  ("… / AP", "… / D. Umbrasas/LRT");
* or the next line repeats it and closes with such a credit (the caption printed
  twice, once with its credit).
"""
from __future__ import annotations

import re
from functools import lru_cache

from linewatch.lexicon import lexicon
from linewatch.model import Span
from linewatch.nlp.doc import Doc

CAPTION_LINE_CHARS = 400  # a caption is a short line; a longer one is a paragraph (or a text in one line)

# A photo's credit at the end of its caption line: " / AP", " / D. Umbrasas/LRT", " | Reuters"
_CREDIT_TAIL = re.compile(r"\s[/|]\s*([^\W\d_][\w.'’ -]{0,30}(?:/[\w.'’ -]{1,30})?)\s*$")


@lru_cache(maxsize=8)
def furniture_pattern(lang: str) -> re.Pattern[str] | None:
    """The language's furniture patterns as one expression (None if it has none)."""
    patterns = [str(p) for p in lexicon(lang, "furniture").get("lines") or []]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _credit_tail(line: str) -> bool:
    """Does the line close with a photo credit after a slash or bar, a name in capitals?"""
    found = _CREDIT_TAIL.search(line)
    return found is not None and found.group(1)[:1].isupper()


def _line_bounds(text: str, pos: int) -> Span:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, hi if hi >= 0 else len(text)


def _bracket_around(probe: str, a: int, b: int) -> Span | None:
    """The round brackets enclosing probe[a:b], if any ("…in Brussels.(Image: Europa building)")."""
    opening = probe.rfind("(", 0, a)
    if opening < 0 or ")" in probe[opening:a]:
        return None
    closing = probe.find(")", b)
    return (opening, closing + 1) if closing >= 0 and "(" not in probe[b:closing] else None


def _furniture(text: str, start: int, end: int, lang: str) -> list[tuple[Span, bool]]:
    """The furniture within text[start:end] (a sentence), each with whether it takes the sentence's
    whole share of its line (False: a bracketed credit inside a paragraph's sentence, an aside)."""
    pattern = furniture_pattern(lang)
    out: list[tuple[Span, bool]] = []
    pos = start
    while pos < end:
        lo, hi = _line_bounds(text, pos)
        line = text[lo:hi]
        part = (max(lo, start), min(hi, end))  # the sentence's share of the line
        long_line = len(line) > CAPTION_LINE_CHARS
        probe = text[part[0] : part[1]] if long_line else line
        nxt_lo, nxt_hi = (hi + 1, _line_bounds(text, hi + 1)[1]) if hi < len(text) else (hi, hi)
        following = text[nxt_lo:nxt_hi]
        repeated = bool(line.strip()) and following.startswith(line.strip()) and _credit_tail(following)
        found = pattern.search(probe) if pattern is not None else None
        aside = _bracket_around(probe, found.start(), found.end()) if found is not None and long_line else None
        if aside is not None and not (_credit_tail(line) or repeated):
            # a paragraph's sentence with a credit in brackets: the brackets are furniture, the rest is prose
            out.append(((part[0] + aside[0], part[0] + aside[1]), False))
        elif found is not None or _credit_tail(line) or repeated:
            out.append((part, True))
        pos = hi + 1
    return out


def furniture_spans(text: str, start: int, end: int, lang: str) -> list[Span]:
    """The furniture within text[start:end] (a sentence): whole short lines, the sentence's part of
    a long one, or a bracketed credit inside it. Empty when the sentence is plain prose."""
    return [span for span, _whole in _furniture(text, start, end, lang)]


def is_furniture(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the sentence text[start:end] lies on a furniture line (any of its lines); a bracketed
    credit inside a paragraph's sentence leaves the sentence prose."""
    return any(whole for _span, whole in _furniture(text, start, end, lang))


def is_title_line(doc: Doc, si: int) -> bool:
    """Is sentence si a headline or subheading: a paragraph of its own, short, with no closing
    punctuation? What it attributes repeats the body (annotators leave such items optional), and
    a title's "X: claim" or "X says…" read as a statement of its own is a false one."""
    sents, text = doc.sentences, doc.text
    sent = sents[si]
    if si + 1 >= len(sents):
        return False  # a title heads a body; a text of one line is all there is
    if (si > 0 and sents[si - 1].paragraph == sent.paragraph) or sents[si + 1].paragraph == sent.paragraph:
        return False
    line = text[sent.start:sent.end].strip()
    if not line or len(line.split()) > TITLE_MAX_WORDS:
        return False
    if len(line.split()) > SIGNED_TITLE_MAX_WORDS and _SIGNED_QUOTE.search(line):
        return False  # '"…", — написал министр у себя в Twitter': a long signed quotation that lost its full stop
    if line[-1] in _QUOTE_MARKS and len(line) > 2 and line[0] in _QUOTE_MARKS and line[-2].isalnum():
        return True  # a subheading that is a quotation of its own, its words unpunctuated ('"Mówiła jak premier"')
    return line[-1] not in _CLOSING_PUNCT


# A headline or subheading is at most this long; a longer line without a full stop is body text.
TITLE_MAX_WORDS = 25
# Marks that end a sentence of body text (a title has none): full stops, quotes closing a sentence, a colon
# introducing what follows.
_CLOSING_PUNCT = frozenset(".!?…:;\"”»“'’")
_QUOTE_MARKS = frozenset("\"”»“„«")
# A title that quotes someone and signs the quotation ('"…" – mówi X') is short; a longer line of that
# shape is a body paragraph whose full stop the stored copy lost (before an embedded post, say).
SIGNED_TITLE_MAX_WORDS = 12
_SIGNED_QUOTE = re.compile(r"[\"”»“],?\s*[-–—]\s+\w")
