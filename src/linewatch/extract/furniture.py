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


def furniture_spans(text: str, start: int, end: int, lang: str) -> list[Span]:
    """The furniture within text[start:end] (a sentence): whole short lines, or the sentence's
    part of a long one. Empty when the sentence is plain prose."""
    pattern = furniture_pattern(lang)
    out: list[Span] = []
    pos = start
    while pos < end:
        lo, hi = _line_bounds(text, pos)
        line = text[lo:hi]
        part = (max(lo, start), min(hi, end))  # the sentence's share of the line
        probe = line if len(line) <= CAPTION_LINE_CHARS else text[part[0] : part[1]]
        nxt_lo, nxt_hi = (hi + 1, _line_bounds(text, hi + 1)[1]) if hi < len(text) else (hi, hi)
        following = text[nxt_lo:nxt_hi]
        repeated = bool(line.strip()) and following.startswith(line.strip()) and _credit_tail(following)
        if (pattern is not None and pattern.search(probe)) or _credit_tail(line) or repeated:
            out.append(part)
        pos = hi + 1
    return out


def is_furniture(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the sentence text[start:end] lies on a furniture line (any of its lines)."""
    return bool(furniture_spans(text, start, end, lang))


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
    return line[-1] not in _CLOSING_PUNCT


# A headline or subheading is at most this long; a longer line without a full stop is body text.
TITLE_MAX_WORDS = 25
# Marks that end a sentence of body text (a title has none): full stops, quotes closing a sentence, a colon
# introducing what follows.
_CLOSING_PUNCT = frozenset(".!?…:;\"”»“'’")
