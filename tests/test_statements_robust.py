"""No input crashes statement extraction; one failing component names itself in one line."""
from __future__ import annotations

from pathlib import Path

import pytest

from linewatch.cli.contract import extract_file
from linewatch.nlp.pipeline import Pipeline

PIPE = ("segment", "parse", "mentions", "dates", "statements")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(names=PIPE)


def test_header_block_then_according_to_cue(tmp_path: Path, pipe: Pipeline) -> None:
    # The header lines are no sentence; their tokens used to be counted in the first
    # sentence, and a post-position cue there ("Jak podaje X,") found an empty content.
    p = tmp_path / "a.txt"
    p.write_text("URL: https://example.org/kraj/1/a-b-c.html?x=1&y=2\nDATE: 2023-09-20\n\n"
                 "Jak podaje agencja, władze przekazały ambasadorowi protest przeciwko słowom ministra. "
                 "Minister Jan Kowalski powiedział, że rozmowy będą trwały.\n", encoding="utf-8")
    lines = extract_file(str(p), pipe, language="pl")
    statements = [ln for ln in lines if ln["kind"] == "statement"]
    assert statements and all(ln["content"] for ln in statements)
    text = p.read_text(encoding="utf-8")
    assert all(ln["content_span"][0] >= text.index("Jak") for ln in statements)


def test_failing_component_is_named_and_other_files_go_on(tmp_path: Path) -> None:
    from linewatch.nlp.pipeline import ComponentError, component
    from linewatch.runner import one_line

    @component("test_boom", version="0")
    def make_boom(**config: object):
        def boom(doc):
            if "boom" in doc.text:
                raise IndexError("list index out of range")
            return doc
        return boom

    pipe = Pipeline(names=("segment", "test_boom"))
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text("This text says boom.\n", encoding="utf-8")
    good.write_text("This text is fine.\n", encoding="utf-8")
    with pytest.raises(ComponentError) as info:
        extract_file(str(bad), pipe, language="en")
    line = one_line(info.value)
    assert "test_boom" in line and "IndexError" in line and "\n" not in line
    assert extract_file(str(good), pipe, language="en")[0]["kind"] == "document"
