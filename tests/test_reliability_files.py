"""Files that lost data silently (issue 14): encodings (item 2), bad records (item 4), NUL bytes (item 5),
file-system oddities (item 19). End to end through `linewatch ingest` where the output matters."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linewatch.sources.files import decode_bytes, read_file_report
from linewatch.store import open_store

RU = "Представитель министерства иностранных дел заявила в среду, что консультации продолжатся. " * 4
PL = "Minister powiedział, że Polska będzie bronić granicy, a rząd przygotował już plan działań. " * 4


def lw(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("LINEWATCH_DB", None)
    return subprocess.run([sys.executable, "-m", "linewatch", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


# --------------------------------------------------------------------------- item 2: encodings


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    for text in (RU, PL):
        data = text.encode("utf-8")
        data = data[:41] + b"\xff" + data[41:]  # one stray byte
        decoded = decode_bytes(data, "x.txt")
        assert decoded.encoding == "utf-8" and decoded.replaced == 1
        assert decoded.text.replace("\ufffd", "") == text


def test_polish_cp1250_is_not_read_as_cp1252() -> None:
    decoded = decode_bytes(PL.encode("cp1250"), "pl.txt")
    assert decoded.text == PL, decoded.encoding
    assert decoded.guess in ("strong", "weak")


def test_declared_meta_charset_is_honoured(tmp_path: Path) -> None:
    html = ('<html><head><meta charset="windows-1250"><title>Granica</title></head><body><article><p>'
            + PL + "</p></article></body></html>").encode("cp1250")
    (tmp_path / "page.html").write_bytes(html)
    report = read_file_report(tmp_path / "page.html")
    assert report.documents[0].meta["encoding"] == "cp1250"
    assert "powiedział" in report.documents[0].text and "encoding_guess" not in report.documents[0].meta


def test_weak_guess_flagged_on_document_and_in_ingest_output(tmp_path: Path) -> None:
    # three non-ASCII bytes in an English text: any code page is a guess
    data = ("The minister said the talks would resume " * 5).encode() + b"caf\xe9 na\xefve \xa3"
    (tmp_path / "weak.txt").write_bytes(data)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    r = lw("ingest", str(tmp_path / "weak.txt"), "--db", db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "encoding guessed as" in r.stderr and "weak.txt" in r.stderr
    st = open_store(db)
    try:
        meta = json.loads(st.query_one("SELECT meta FROM documents")["meta"])
    finally:
        st.close()
    assert meta["encoding_guess"] == "weak"


# --------------------------------------------------------------------------- item 4: bad records


def test_bad_records_skipped_by_line_good_ones_kept(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "The first statement of the spokesman."}\n{"text": \n'
                                      '{"title": "no text"}\n{"text": "The fourth statement of the envoy."}\n')
    (tmp_path / "b.csv").write_text('text,title\n"The minister spoke.",one\n"A row",with,too,many\n'
                                    '"The envoy replied.",three\n')
    (tmp_path / "c.json").write_text('[{"text": "The ambassador answered."}, 5, {"text": "The deputy added."}]')
    db = f"sqlite:///{tmp_path / 'x.db'}"
    r = lw("ingest", str(tmp_path), "--db", db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "ingested 6 document(s)" in r.stdout and "4 bad record(s) skipped" in r.stdout
    for where in ("a.jsonl:2", "a.jsonl:3", "b.csv:3", "c.json#2"):
        assert where in r.stderr, (where, r.stderr)
    assert "Traceback" not in r.stderr


# --------------------------------------------------------------------------- item 5: NUL bytes


def test_nul_bytes_never_cut_a_text(db_url: str, tmp_path: Path) -> None:
    body = ("The minister said the border would stay closed. " * 200)[:9000]
    (tmp_path / "late-nul.txt").write_bytes(body.encode() + b"\x00" + b" THE END OF THE TEXT")
    (tmp_path / "fields.json").write_text(json.dumps(
        {"text": "The envoy said the talks went well.", "title": "Talks\u0000 went well", "outlet": "Wire\u0000"}))
    r = lw("ingest", str(tmp_path / "late-nul.txt"), str(tmp_path / "fields.json"), "--db", db_url, cwd=tmp_path)
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert "database error" not in r.stderr
    st = open_store(db_url)
    try:
        rows = {r["source"].rsplit("/", 1)[-1]: r for r in st.query("SELECT source, text, title, outlet FROM documents")}
    finally:
        st.close()
    assert rows["late-nul.txt"]["text"].endswith("THE END OF THE TEXT") and len(rows["late-nul.txt"]["text"]) > 9000
    assert rows["fields.json"]["title"] == "Talks went well" and rows["fields.json"]["outlet"] == "Wire"


# --------------------------------------------------------------------------- item 19: file system


def test_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linewatch.sources.files import iter_paths

    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("The minister spoke.")
    (tmp_path / "in" / "locked" / "b.txt").write_text("The envoy spoke.")
    real_scandir = os.scandir

    def deny(path="."):  # root reads every folder: simulate EACCES on one
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    problems: list = []
    found = iter_paths([tmp_path / "in"], problems)
    assert [p.name for p in found] == ["a.txt"]
    assert len(problems) == 1 and "locked" in str(problems[0]) and "Permission denied" in str(problems[0])


def test_file_name_with_invalid_utf8_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode("oświadczenie-".encode() + b"\xff\xfe.txt")  # not UTF-8: kept as surrogates by Python
    (folder / name).write_text("The spokesman said the border would stay closed.")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    r = lw("ingest", str(folder), "--db", db, cwd=tmp_path)
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert "surrogates" not in r.stderr and "ingested 1 document(s)" in r.stdout
    st = open_store(db)
    try:
        source = st.query_one("SELECT source FROM documents")["source"]
    finally:
        st.close()
    assert source.endswith("\ufffd\ufffd.txt")
