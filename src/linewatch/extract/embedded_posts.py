"""Posts embedded in a page: a tweet's text followed by its signature line.

A page that embeds a post from X (Twitter) keeps, once its markup is stripped, the post's
text and then a signature: "— Ursula von der Leyen (@vonderleyen) November 8, 2021". The
lines before the signature are that account's words, not the reporter's and not the last
speaker's: read as ordinary sentences, their "I" and "we" went to whoever spoke before.
The signature is the same in every language, so one pattern serves all.

A post is the text before the signature on its own line, or, when the signature stands on
a line of its own, the lines just above it, taken back while they fit in one post
(`POST_CHARS`, a little over X's 280 characters, for links and spacing) and do not report
anyone's words (a short paragraph of the article, "…, the minister said."); a line that ends with
the post's picture link ("pic.twitter.com/…") is the whole post.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from linewatch.model import Span

POST_CHARS = 320  # the longest text taken for one post (X allows 280 characters, plus links)

# "— Name (@handle) November 8, 2021" at the end of a line; the dash may follow the post's text
_SIGNATURE = re.compile(
    r"(?:^|(?<=\s))[\u2013\u2014-][ \t]*(?P<name>[^\n()@\u2013\u2014]{2,80}?)[ \t]*"
    r"\(@(?P<handle>\w{1,30})\)[ \t]*[^\n]{0,40}$",
    re.MULTILINE,
)


# a post's attached picture or short link, which the stripped page keeps as text at its end
_MEDIA_LINK = re.compile(r"(?:pic\.twitter\.com|https?://t\.co)/\w+\s*$")


@dataclass(frozen=True)
class EmbeddedPost:
    """One embedded post: where its text is, who signed it (the name before the handle) and the
    signature line itself (which says nothing)."""

    text: Span
    name: Span
    signature: Span


def embedded_posts(text: str, floor: int = 0, reports: Callable[[str], bool] | None = None) -> list[EmbeddedPost]:
    """Every embedded post of a page, in text order; none reaches above `floor` (the header's end).
    `reports(line)`: does a line report someone's words (a reporting verb in it)? Such a line is the
    article's, and the post starts below it."""
    posts: list[EmbeddedPost] = []
    for m in _SIGNATURE.finditer(text, floor):
        line_start = text.rfind("\n", 0, m.start()) + 1
        name = (m.start("name"), m.end("name"))
        signature = (m.start(), m.end())
        if text[line_start:m.start()].strip():
            start = line_start + len(text[line_start:m.start()]) - len(text[line_start:m.start()].lstrip())
            posts.append(EmbeddedPost((start, m.start()), name, signature))
            continue
        span = _lines_above(text, line_start, posts[-1].signature[1] if posts else floor, reports)
        if span is not None:
            posts.append(EmbeddedPost(span, name, signature))
    return posts


def _lines_above(text: str, end: int, floor: int, reports: Callable[[str], bool] | None) -> Span | None:
    """The non-empty lines right above `end` (not above `floor`) that fit in one post, or None when the
    first one is already too long (a paragraph of the article, not a post); a line that `reports`
    someone's words is the article's and ends the search."""
    start = None
    used = 0
    pos = end
    while pos > floor:
        line_end = max(text.rfind("\n", 0, pos - 1) + 1 if pos > 1 else 0, floor)
        line = text[line_end:pos].strip()
        if line:
            if used + len(line) > POST_CHARS or (reports is not None and reports(line)):
                break
            used += len(line)
            start = line_end + len(text[line_end:pos]) - len(text[line_end:pos].lstrip())
            if _MEDIA_LINK.search(line) and used == len(line):
                break  # the post's attached picture closes it: the line above is the article's
        pos = line_end
    if start is None:
        return None
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop
