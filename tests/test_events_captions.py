"""A photo caption is no news of a deed: a line closed by its credit (" / AP") and a caption line that
the next line repeats with its credit report nothing; the same words in a sentence of the article do."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CAPTIONED = (
    "Report from the border\n\n"
    "Lithuanian guards patrolling the border with Belarus\n"
    "Lithuanian guards patrolling the border with Belarus / AP\n\n"
    "Polish soldiers deployed at the crossing in Kuźnica / D. Nowak/PAP\n\n"
)


def events_of(tmp_path: Path, text: str) -> list[dict]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "linewatch", "extract", str(path), "--lang", "en", "--json"],
                         capture_output=True, text=True, check=True).stdout
    return [r for r in map(json.loads, out.splitlines()) if r["kind"] == "event"]


def test_captions_and_credits_are_no_events(tmp_path: Path) -> None:
    assert events_of(tmp_path, CAPTIONED) == []


@pytest.mark.parametrize("sentence", ["Lithuanian guards are patrolling the border with Belarus, the ministry said."])
def test_the_same_words_in_the_article_are_an_event(tmp_path: Path, sentence: str) -> None:
    found = events_of(tmp_path, CAPTIONED + sentence)
    assert [e["plover"] for e in found] == ["MOBILIZE"]
