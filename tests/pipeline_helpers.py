"""Helpers shared by the tests that run invented sentences through the pipeline (the `pipe` fixture of
conftest.py): one document in, the statements' speakers and contents out."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def analysed(pipe: Pipeline, text: str, lang: str, on: date | None) -> Doc:
    """The document after the whole pipeline, published on `on` (titles resolve on that day; None: the
    text gives no date)."""
    return pipe(Doc(Document(text=text, language=lang, published=on)))


def analyser(default_day: date) -> Callable[..., Doc]:
    """`analysed` with a module's default publication day, for tests whose sentences share one."""
    def analysed_on(pipe: Pipeline, text: str, lang: str, on: date | None = default_day) -> Doc:
        return analysed(pipe, text, lang, on)
    return analysed_on


def said(doc: Doc) -> list[tuple[str | None, str]]:
    """(speaker, content) of each statement, in the text's order."""
    return [(s.speaker, s.content) for s in doc.statements]


def speakers(doc: Doc) -> list[str | None]:
    return [s.speaker for s in doc.statements]
