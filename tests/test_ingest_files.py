"""File ingest: every format, header blocks, datelines, encodings and every kind of bad input."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from linewatch.errors import InputError
from linewatch.nlp.langid import detect
from linewatch.sources.files import iter_paths, parse_header, read_documents, read_file

RU = "Министр иностранных дел России заявил журналистам, что ситуация на границе остаётся очень сложной и напряжённой.\n"
PL = "Minister spraw zagranicznych powiedział dziennikarzom, że sytuacja na granicy pozostaje bardzo trudna i napięta.\n"
EN = "The foreign minister told reporters that the situation on the border remained very difficult and tense.\n"


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


# --------------------------------------------------------------------------- formats


def test_txt_header_sets_metadata_and_keeps_text_exact(tmp_path: Path) -> None:
    raw = "URL: https://example.org/x\nDate: 2021-11-22\nTITLE: A headline\nOUTLET: Example\nOUTLET_TYPE: wire\n\n" + EN
    doc = read_file(_write(tmp_path, "a.txt", raw))
    assert doc.text == raw  # header lines stay in the text: offsets index the file as read
    assert (doc.url, doc.published, doc.title, doc.outlet, doc.outlet_type) == (
        "https://example.org/x", date(2021, 11, 22), "A headline", "Example", "wire"
    )
    assert doc.language == "en" and doc.meta["header_end"] == raw.index(EN)


def test_unknown_header_date_falls_back_to_default(tmp_path: Path) -> None:
    doc = read_file(_write(tmp_path, "a.txt", "URL: x\nDATE: unknown\n\n" + EN), default_date=date(2021, 11, 10))
    assert doc.published == date(2021, 11, 10)


def test_not_a_header_when_unknown_keys(tmp_path: Path) -> None:
    text = "Warning: this is prose\n\n" + EN
    assert parse_header(text) == ({}, 0)
    assert read_file(_write(tmp_path, "a.md", text)).text == text


def test_language_header_wins(tmp_path: Path) -> None:
    assert read_file(_write(tmp_path, "a.txt", "LANGUAGE: pl\n\n" + EN)).language == "pl"


@pytest.mark.parametrize(
    "body,want",
    [
        ("WARSAW, 2021-11-08 — " + EN, date(2021, 11, 8)),
        ("Minsk, 08.11.2021. " + EN, date(2021, 11, 8)),
    ],
)
def test_numeric_dateline(tmp_path: Path, body: str, want: date) -> None:
    assert read_file(_write(tmp_path, "a.txt", body)).published == want


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Border talks</title><meta name='author' content='A. Writer'>"
        "<meta property='article:published_time' content='2021-11-15'></head><body>"
        "<nav>Home | News</nav><article><h1>Border talks</h1>"
        + "".join(f"<p>{EN.strip()} Paragraph {i} adds more words about the crisis.</p>" for i in range(5))
        + "</article><script>var x = '<p>no</p>';</script></body></html>"
    )
    doc = read_file(_write(tmp_path, "a.html", html))
    assert "situation on the border" in doc.text and "var x" not in doc.text and "<p>" not in doc.text
    assert doc.title == "Border talks" and doc.published == date(2021, 11, 15) and doc.language == "en"


def test_json_jsonl_csv_many_documents(tmp_path: Path) -> None:
    recs = [
        {"text": EN, "title": "one", "url": "u1", "date": "2021-11-01", "outlet": "o", "language": "en", "extra": 3},
        {"body": RU, "headline": "два", "published": "2021-11-02T10:00:00Z"},
    ]
    docs = read_documents(_write(tmp_path, "a.json", json.dumps(recs)))
    assert [d.title for d in docs] == ["one", "два"] and [d.language for d in docs] == ["en", "ru"]
    assert [d.published for d in docs] == [date(2021, 11, 1), date(2021, 11, 2)]
    assert docs[0].meta["fields"] == {"extra": 3}
    assert read_documents(_write(tmp_path, "o.json", json.dumps({"documents": recs})))[1].text == RU
    assert read_file(_write(tmp_path, "s.json", json.dumps(recs[0]))).url == "u1"
    jl = read_documents(_write(tmp_path, "a.jsonl", "\n".join(json.dumps(r) for r in recs) + "\n\n"))
    assert len(jl) == 2 and jl[1].source.endswith("a.jsonl:2")
    csv_text = 'title;text;date\n"one";"' + EN.strip() + '";2021-11-03\n"two";"' + PL.strip() + '";\n'
    cs = read_documents(_write(tmp_path, "a.csv", csv_text), default_date=date(2021, 11, 10))
    assert [d.language for d in cs] == ["en", "pl"]
    assert [d.published for d in cs] == [date(2021, 11, 3), date(2021, 11, 10)]


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-16", "utf-8-sig", "utf-16-be", "utf-16-le"])
def test_russian_in_many_encodings(tmp_path: Path, encoding: str) -> None:
    text = "DATE: 2021-11-08\n\n" + RU * 3
    doc = read_file(_write(tmp_path, "ru.txt", text.encode(encoding)))
    assert doc.text == text
    assert doc.language == "ru" and doc.published == date(2021, 11, 8)


def test_short_cyrillic_codepages(tmp_path: Path) -> None:
    short = "Песков: ситуация на границе сложная, но контролируемая."
    for enc in ("cp1251", "koi8-r"):
        assert read_file(_write(tmp_path, f"s-{enc}.txt", short.encode(enc))).text == short


def test_polish_cp1250(tmp_path: Path) -> None:
    text = PL * 3 + "Żołnierze strzegą granicy z Białorusią.\n"
    assert read_file(_write(tmp_path, "pl.txt", text.encode("cp1250"))).text == text


def test_langid_languages() -> None:
    assert detect(RU) == "ru" and detect(PL) == "pl" and detect(EN) == "en"
    assert detect("Міністр закордонних справ заявив, що ситуація на кордоні залишається складною.") == "uk"
    assert detect("Ok") == "en" and detect("", default="xx") == "xx"


# --------------------------------------------------------------------------- bad input


def _error(path: Path, **kw: object) -> str:
    with pytest.raises(InputError) as err:
        read_documents(path, **kw)  # type: ignore[arg-type]
    msg = str(err.value)
    assert "\n" not in msg and str(path) in msg
    return msg


def test_missing_path(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "missing.txt")


def test_directory_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "d.txt").mkdir()
    assert "directory" in _error(tmp_path / "d.txt")
    assert "unsupported" in _error(_write(tmp_path, "x.docx", b"PK\x03\x04abc"))


def test_empty_files(tmp_path: Path) -> None:
    assert "empty" in _error(_write(tmp_path, "e.txt", b""))
    assert "empty" in _error(_write(tmp_path, "w.txt", b"  \n\t\n"))
    assert "empty" in _error(_write(tmp_path, "b.txt", b"\xef\xbb\xbf   "))


def test_binary_files(tmp_path: Path) -> None:
    assert "binary" in _error(_write(tmp_path, "p.txt", b"%PDF-1.4\n" + bytes(range(256)) * 20))
    assert "binary" in _error(_write(tmp_path, "r.txt", os.urandom(4096)))
    assert "binary" in _error(_write(tmp_path, "z.txt", b"text\x00\x01\x02\x03" * 300))


def test_undecodable_text(tmp_path: Path) -> None:
    assert "invalid UTF-16" in _error(_write(tmp_path, "u.txt", b"\xff\xfe" + b"\x00\xd8" + b"a\x00"))
    # many control characters after decoding: not text
    msg = _error(_write(tmp_path, "c.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 100 + b"abc"))
    assert "binary" in msg or "decode" in msg or "corrupt" in msg


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _write(tmp_path, "locked.txt", EN)
    real_open = Path.open

    def deny(self: Path, *a: object, **kw: object):  # root reads anything: simulate EACCES
        if self == p:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    assert "cannot read (Permission denied)" in _error(p)


def test_malformed_json_csv_html(tmp_path: Path) -> None:
    assert "malformed JSON at line 1" in _error(_write(tmp_path, "a.json", '{"text": "x",'))
    assert "malformed JSON at column" in _error(_write(tmp_path, "a.jsonl", '{"text": \n'))
    assert "no text" in _error(_write(tmp_path, "n.json", '[{"title": "no text here"}]'))
    assert "expected an object" in _error(_write(tmp_path, "l.json", "[1, 2]"))
    assert "no text column" in _error(_write(tmp_path, "a.csv", "title,url\nx,y\n"))
    assert "4 fields, the header has 2" in _error(_write(tmp_path, "b.csv", 'text,title\n"c",d,e,f\n'))
    assert "no markup" in _error(_write(tmp_path, "a.html", "just words, no tags at all"))
    assert "no readable text" in _error(_write(tmp_path, "b.html", "<html><body><script>x()</script></body></html>"))


def test_fifty_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing 50 MB
    assert "too large" in _error(big)
    assert "too large" in _error(_write(tmp_path, "s.txt", EN * 20), max_bytes=100)


def test_iter_paths_recurses_supported_only(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    _write(tmp_path / "a", "x.txt", EN)
    _write(tmp_path / "a" / "b", "y.jsonl", "{}")
    _write(tmp_path / "a" / "b", "z.png", b"\x89PNG")
    _write(tmp_path / "a", ".hidden.txt", EN)
    assert [p.name for p in iter_paths([tmp_path / "a", tmp_path / "nope.txt"])] == ["y.jsonl", "x.txt", "nope.txt"]  # path order


# --------------------------------------------------------------------------- the dev set


def test_dev_set_headers(shared_dir: Path) -> None:
    files = sorted((shared_dir / "seed" / "dev").glob("*/text.txt"))
    assert files
    for f in files:
        doc = read_file(f)
        raw = f.read_bytes().decode("utf-8")
        assert doc.text == raw and doc.url and doc.url.startswith("http")
        assert doc.language in ("en", "ru", "pl")
        first = raw.splitlines()[1]
        if first.upper().startswith("DATE:") and first.split(":", 1)[1].strip()[:1].isdigit():
            assert doc.published is not None and doc.published.isoformat() == first.split(":", 1)[1].strip()
