"""The shipped demo corpus: every file has the header the ingest relies on and a sane body."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "src" / "linewatch" / "data" / "demo"
HEADER_FIELDS = ("TITLE", "DATE", "OUTLET", "OUTLET_TYPE", "LANGUAGE", "URL", "NOTE")
OUTLET_TYPES = {"official", "state media", "independent", "wire"}
LANGUAGES = {"en", "ru", "pl"}
NAME = re.compile(r"^(\d{3})_(en|ru|pl)_[a-z0-9-]+\.txt$")


def _files() -> list[Path]:
    return sorted(DEMO.glob("*.txt"))


def _parse(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n\n")
    assert sep, f"{path.name}: no blank line after the header"
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(": ")
        assert colon, f"{path.name}: bad header line {line!r}"
        fields[key] = value.strip()
    return fields, body


def test_corpus_size_and_language_mix() -> None:
    files = _files()
    assert 45 <= len(files) <= 60
    langs = Counter(NAME.match(f.name).group(2) for f in files if NAME.match(f.name))
    assert sum(langs.values()) == len(files), "every file is named NNN_<lang>_<slug>.txt"
    share = {k: v / len(files) for k, v in langs.items()}
    assert 0.4 <= share["en"] <= 0.6 and 0.2 <= share["ru"] <= 0.4 and 0.12 <= share["pl"] <= 0.3
    assert (DEMO / "README.md").read_text(encoding="utf-8").count("illustrative paraphrase") >= 1


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_demo_file(path: Path) -> None:
    fields, body = _parse(path)
    assert tuple(fields) == HEADER_FIELDS, f"{path.name}: header fields {tuple(fields)}"
    day = date.fromisoformat(fields["DATE"])
    assert date(2021, 10, 1) <= day <= date(2021, 12, 31)
    assert fields["LANGUAGE"] in LANGUAGES
    assert fields["LANGUAGE"] == NAME.match(path.name).group(2)
    assert fields["OUTLET_TYPE"] in OUTLET_TYPES
    assert fields["URL"].startswith("https://demo.linewatch.invalid/")
    assert fields["NOTE"].startswith("Illustrative paraphrase")
    words = len(body.split())
    assert 80 <= words <= 250, f"{path.name}: body has {words} words"
