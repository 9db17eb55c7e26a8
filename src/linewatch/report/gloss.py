"""English gloss lines for Russian and Polish quotes: what the statement does, from what was extracted.

A briefing keeps a quote in its original language and adds one English line built
from the statement's speaker, verbal act (PLOVER), target and stance, e.g.
"Dmitry Peskov accuses Poland". Nothing is machine-translated; the phrases live in
data/lang/en/gloss.yaml.
"""
from __future__ import annotations

from typing import Any

from linewatch.lexicon import lexicon

GLOSSED_LANGUAGES = ("ru", "pl")


def _phrase(table: dict[str, str], act: str | None, stance: str | None) -> str | None:
    for key in (f"{act}.{stance}", act, stance):
        if key and key in table:
            return table[key]
    return None


def gloss(st: dict[str, Any]) -> str | None:
    """The English line for a statement quoted in ru/pl (None for English or when nothing is known)."""
    lang = (st.get("doc_language") or st.get("language") or "").lower()
    if lang not in GLOSSED_LANGUAGES:
        return None
    data = lexicon("en", "gloss")
    speaker = st.get("speaker") or "An unidentified speaker"
    act, stance, target = st.get("plover"), st.get("stance") or "neutral", st.get("target")
    if target:
        phrase = _phrase(data.get("with_target", {}), act, stance)
        text = phrase.format(target=target) if phrase else None
    else:
        text = _phrase(data.get("without_target", {}), act, stance)
    return f"{speaker} {text}." if text else None
