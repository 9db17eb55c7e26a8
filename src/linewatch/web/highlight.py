"""Mark spans of a document text for display, escaping every piece.

The text is cut at span boundaries into pieces; each piece is HTML-escaped on
its own and wrapped in `<mark class="...">` when spans cover it. Raw text is
never inserted, so offsets stay exact and hostile markup stays inert.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

ALLOWED_CLASSES = {"sentence", "speaker", "cue", "content", "target", "event", "trigger", "other", "header"}


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    css: str  # one of ALLOWED_CLASSES
    anchor: str | None = None  # element id on the first piece (e.g. "hl") for scrolling/tests


def mark_text(text: str, spans: list[Highlight]) -> Markup:
    """The escaped text with <mark> elements at the given character offsets."""
    n = len(text)
    good = [h for h in spans if h.css in ALLOWED_CLASSES and 0 <= h.start < h.end <= n]
    cuts = sorted({0, n, *(h.start for h in good), *(h.end for h in good)})
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in zip(cuts, cuts[1:]):
        piece = str(escape(text[a:b]))
        covering = [h for h in good if h.start <= a and b <= h.end]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(sorted({h.css for h in covering}))
        anchor = ""
        for h in covering:
            if h.anchor and h.anchor not in anchored and h.start == a:
                anchored.add(h.anchor)
                anchor = f' id="{escape(h.anchor)}"'
                break
        out.append(f'<mark class="{classes}"{anchor} data-start="{a}" data-end="{b}">{piece}</mark>')
    return Markup("".join(out))


def statement_highlights(st: dict, anchor: str | None = "hl") -> list[Highlight]:
    """Sentence, content, speaker, cue and target spans of one statement row."""
    hs: list[Highlight] = []

    def add(start: object, end: object, css: str, anc: str | None = None) -> None:
        if isinstance(start, int) and isinstance(end, int) and end > start:
            hs.append(Highlight(start, end, css, anc))

    add(st.get("sentence_start"), st.get("sentence_end"), "sentence", anchor)
    add(st.get("content_start"), st.get("content_end"), "content")
    add(st.get("speaker_start"), st.get("speaker_end"), "speaker", "hl-speaker" if anchor else None)
    add(st.get("cue_start"), st.get("cue_end"), "cue", "hl-cue" if anchor else None)
    add(st.get("target_start"), st.get("target_end"), "target")
    return hs


def event_highlights(ev: dict, anchor: str | None = "hl") -> list[Highlight]:
    hs: list[Highlight] = []
    if isinstance(ev.get("span_start"), int) and isinstance(ev.get("span_end"), int):
        hs.append(Highlight(ev["span_start"], ev["span_end"], "event", anchor))
    if isinstance(ev.get("trigger_start"), int) and isinstance(ev.get("trigger_end"), int):
        hs.append(Highlight(ev["trigger_start"], ev["trigger_end"], "trigger"))
    return hs
