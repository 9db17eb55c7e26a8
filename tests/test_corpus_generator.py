"""benchmarks/corpus.py: generated documents are deterministic, in the asked languages, and ingestible."""
from __future__ import annotations

import sys
from pathlib import Path

from linewatch.sources.files import read_documents

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import corpus


def test_same_arguments_same_documents_in_the_asked_languages() -> None:
    first = list(corpus.generate(30, ("ru", "pl"), seed=3))
    assert first == list(corpus.generate(30, ("ru", "pl"), seed=3))
    assert first != list(corpus.generate(30, ("ru", "pl"), seed=4))
    assert {name.rsplit("_", 1)[1] for name, _ in first} == {"ru.txt", "pl.txt"}


def test_written_files_read_as_dated_documents(tmp_path: Path) -> None:
    paths = corpus.write(5, tmp_path, ("en",))
    docs = [d for p in paths for d in read_documents(p)]
    assert len(docs) == 5 and len({d.id for d in docs}) == 5
    assert all(d.language == "en" and d.published is not None and d.url for d in docs)
