"""End to end on the shared seed and dev set, scored with the project's scorer."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def _extract(files: list[Path], out: Path, forced: date | None, lang: str | None) -> None:
    pipe = Pipeline(names=("segment", "parse", "mentions", "dates", "statements"))
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            text = f.read_text(encoding="utf-8")
            m = re.search(r"^DATE: (\d{4}-\d{2}-\d{2})", text[:300], re.M)
            pub = forced or (date.fromisoformat(m.group(1)) if m else None)
            language = lang
            if language is None:
                g = re.search(r"language: (\w+)", (f.parent / "gold.yaml").read_text(encoding="utf-8"))
                language = g.group(1) if g else "en"
            doc = pipe(Doc(Document(text=text, language=language, published=pub)))
            for s in doc.statements:
                fh.write(json.dumps(s.to_contract(str(f)), ensure_ascii=False) + "\n")


def _score(shared: Path, pred: Path, gold: Path) -> dict:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "gold", str(pred), str(gold), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def test_seed_all_statements_speakers_dates(shared_dir: Path, tmp_path: Path) -> None:
    seed = shared_dir / "seed"
    pred = tmp_path / "seed.jsonl"
    _extract([seed / "000_9a14ab1a5f4ec8ed.txt"], pred, date(2021, 11, 10), "en")
    summary = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "gold", str(pred),
                              str(seed / "000_9a14ab1a5f4ec8ed.gold.yaml")], capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
    assert "speaker=1.00" in summary and "date=1.00" in summary and "not_statements=0/3" in summary, summary
    table = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "gold", str(pred),
                            str(seed / "000_9a14ab1a5f4ec8ed.gold.yaml")], capture_output=True, text=True).stdout
    assert re.search(r"R=1\.00", table), table


def test_dev_set_floor(shared_dir: Path, tmp_path: Path) -> None:
    files = sorted((shared_dir / "seed" / "dev").glob("*/text.txt"))
    pred = tmp_path / "dev.jsonl"
    _extract(files, pred, None, None)
    summary = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "gold", str(pred),
                              str(shared_dir / "seed" / "dev")], capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
    f1 = float(re.search(r"statements F1=([\d.]+)", summary).group(1))
    assert f1 >= 0.80, summary


def test_polnear_dev_overlap_floor(shared_dir: Path, tmp_path: Path) -> None:
    """Issue 3's bar on PolNeAR dev: content overlap F1 >= 0.75 and source right >= 85%."""
    split = shared_dir / "eval" / "polnear" / "dev"
    files = sorted((split / "text").glob("*.txt"))
    if not files:
        pytest.skip("PolNeAR dev is not in ../shared/eval")
    pred = tmp_path / "polnear.jsonl"
    _extract(files, pred, None, "en")
    res = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "polnear", str(pred), str(split),
                          "--json"], capture_output=True, text=True, check=True)
    overall = json.loads(res.stdout)["overall"]
    assert overall["overlap"]["f1"] >= 0.75, overall["overlap"]
    assert overall["source"]["acc"] >= 0.85, overall["source"]
