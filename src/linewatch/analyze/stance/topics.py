"""Things, topics and policies a statement may be about when it names no actor.

Gold targets on unseen news are often not actors at all ("sanctions", "the grain
deal", "the pipeline"), and a statement that names no actor was given the document's
adversary by default. Migrants are no such topic: in a crisis made with them, a statement
about them ("migrants are flown in every day") is about whoever sends or stops them, the
document's adversary (fresh tuneA: 3 gold targets Belarus or Lithuania where "migrants" was
reported, none the other way; the visible folds unchanged). The topics and their forms are in
`data/lang/<lang>/topics.yaml` (canonical English name -> forms, a trailing `*`
for a prefix, as in stance.yaml), so one target name serves en, ru and pl.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from linewatch.analyze.stance.words import PhraseSet, longest_match, words_with_spans
from linewatch.lexicon import lexicon


@dataclass(frozen=True)
class TopicMention:
    name: str  # canonical English name, as the target is reported
    start: int
    end: int


@cache
def _topic_sets(lang: str) -> tuple[tuple[str, PhraseSet], ...]:
    data = lexicon(lang, "topics").get("topics") or {}
    out = []
    for name, forms in data.items():
        phrases = PhraseSet()
        for form in forms or []:
            if isinstance(form, str) and form.strip():
                phrases.add(form.strip())
        out.append((str(name), phrases))
    return tuple(out)


def topic_mentions(text: str, span: tuple[int, int], lang: str) -> list[TopicMention]:
    """The topics named in text[span], in text order; at one word the longest form wins
    ("grain deal" before "grain")."""
    sets = _topic_sets(lang)
    if not sets:
        return []
    found = words_with_spans(text[span[0] : span[1]])
    words = [w for w, _, _ in found]
    out: list[TopicMention] = []
    i = 0
    while i < len(words):
        best, best_name = longest_match(words, i, sets)
        if best:
            out.append(TopicMention(best_name, span[0] + found[i][1], span[0] + found[i + best - 1][2]))
            i += best
        else:
            i += 1
    return out
