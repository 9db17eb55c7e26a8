"""The word pattern shared by the extractors.

    from linewatch.nlp.words import WORD
    WORD.findall("Jean-Yves d’Estaing didn't")   # ['Jean-Yves', 'd’Estaing', "didn't"]

A word is a run of word characters with hyphens or apostrophes (straight ' or typographic ’)
inside it, so a hyphenated name, an elided particle or a contraction stays one word.
"""
from __future__ import annotations

import re

# A word of a name or phrase, hyphenated or with an apostrophe inside ("Jean-Yves", "O'Brien", "d’Estaing").
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
