"""Languages outside the supported set (issue 14, item 18): labelled as what they are (or `other`),
never as a neighbouring language, and not run through extraction rules made for others."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.langid import detect
from linewatch.nlp.pipeline import Pipeline

TEXTS = {
    "zh": "中华人民共和国外交部发言人表示，边境局势保持稳定，双方将继续进行磋商。",
    "ja": "外務省の報道官は、国境の状況は安定しており、協議は続けられると述べた。",
    "hu": "A külügyminisztérium szóvivője szerint a határ helyzete stabil marad, és a tárgyalások folytatódnak.",
    "fi": "Ulkoministeriön tiedottajan mukaan rajatilanne pysyy vakaana ja neuvottelut jatkuvat ensi viikolla.",
    # Cyrillic but not Russian: the Russian rules read "Това" (this) as a speaker
    "bg": "Говорителят на министерството каза, че положението на границата остава спокойно и "
          "преговорите ще продължат следващата седмица. Това според него е добър знак.",
    "sr": "Портпарол министарства рекао је да је ситуација на граници мирна и да ће преговори "
          "бити настављени следеће недеље, јер су обе стране заинтересоване за договор.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_unsupported_languages_labelled_as_what_they_are(lang: str) -> None:
    assert detect(TEXTS[lang]) == lang


def test_supported_languages_unchanged() -> None:
    assert detect("Rzecznik MSZ powiedział, że sytuacja na granicy jest stabilna.") == "pl"
    assert detect("Polska granica") == "pl"
    assert detect("The minister said the border was calm.") == "en"
    assert detect("Министр заявил, что ситуация стабильна.") == "ru"


def test_extraction_skipped_with_a_note(tmp_path: Path) -> None:
    text = TEXTS["hu"] + " Orbán Viktor azt mondta, hogy a helyzet stabil."
    doc = Pipeline()(Doc(Document(text=text, id="hu", language=detect(text))))
    assert doc.lang == "hu" and not doc.statements and "not supported" in doc.annotations["note"]
    (tmp_path / "hu.txt").write_text(TEXTS["hu"], encoding="utf-8")
    env = {**os.environ, "COLUMNS": "200"}
    r = subprocess.run([sys.executable, "-m", "linewatch", "extract", "--json", str(tmp_path / "hu.txt")],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "language 'hu' is not supported" in " ".join(r.stderr.split()) and "hu.txt" in r.stderr


def test_run_keeps_the_note_on_the_document(tmp_path: Path) -> None:
    from linewatch.store import open_store

    (tmp_path / "fi.txt").write_text(TEXTS["fi"], encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'l.db'}"
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("LINEWATCH_DB", None)
    for args in (["ingest", str(tmp_path / "fi.txt")], ["run"]):
        r = subprocess.run([sys.executable, "-m", "linewatch", *args, "--db", db], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, (args, r.stdout, r.stderr)
    st = open_store(db)
    try:
        row = st.query_one("SELECT language, meta FROM documents")
        assert st.scalar("SELECT COUNT(*) FROM statements") == 0
    finally:
        st.close()
    assert row["language"] == "fi"
    assert "not supported" in json.loads(row["meta"])["notes"][0]
