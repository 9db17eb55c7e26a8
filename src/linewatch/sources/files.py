"""Documents from files: .txt, .md, .html, .json, .jsonl and .csv.

Files are untrusted: every problem (missing, too big, empty, binary, an
encoding that cannot be read, malformed JSON/CSV/HTML) raises one
`InputError` that names the file and the problem, and nothing is returned
half-read.

For .txt/.md the Document text is the file content exactly as decoded, so
offsets index the file as read; a leading block of `KEY: value` lines ended
by a blank line (URL, DATE, TITLE, OUTLET, OUTLET_TYPE, LANGUAGE, NOTE,
AUTHOR) only sets metadata. JSON, JSON Lines and CSV may hold many
documents; their fields map as in FIELD_ALIASES.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from linewatch.errors import InputError
from linewatch.model import Document

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
RECORD_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES

HEADER_KEYS = ("url", "date", "title", "outlet", "outlet_type", "language", "note", "author")
_HEADER_LINE = re.compile(r"^[ \t]*([A-Za-z_]+)[ \t]*:[ \t]?(.*?)[ \t]*$")
HEADER_MAX_LINES = 20

# Record field -> Document attribute (first present alias wins).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "message", "full_text"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "date": ("date", "published", "publication_date", "pubdate", "published_at", "datetime"),
    "outlet": ("outlet", "site", "sitename", "source_name", "publisher"),
    "outlet_type": ("outlet_type",),
    "language": ("language", "lang"),
    "author": ("author", "authors"),
}

# Leading bytes of common binary formats, to say what a file is rather than "undecodable".
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (docx/xlsx/odt?)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

# Single-byte Cyrillic code pages charset detection confuses with each other.
_CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5")


@dataclass
class Decoded:
    text: str
    encoding: str


# --------------------------------------------------------------------------- reading bytes


def _max_bytes(max_bytes: int | None) -> int:
    if max_bytes is not None:
        return max_bytes
    env = os.environ.get("LINEWATCH_MAX_FILE_MB")
    if env:
        try:
            return int(float(env) * 1024 * 1024)
        except ValueError:
            pass
    return DEFAULT_MAX_BYTES


def read_bytes(path: str | Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes, after checking it exists, is a file, is readable and is not too big."""
    p = Path(path)
    limit = _max_bytes(max_bytes)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("no such file or directory", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", where=str(path)) from None
    if p.is_dir():
        raise InputError("is a directory, not a file", where=str(path))
    if not stat.S_ISREG(st.st_mode):  # FIFOs and devices could block or never end
        raise InputError("not a regular file", where=str(path))
    if st.st_size > limit:
        raise InputError(
            f"file is too large ({st.st_size / 1048576:.1f} MB; the limit is {limit / 1048576:.0f} MB)",
            where=str(path),
        )
    try:
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", where=str(path)) from None
    if len(data) > limit:  # grew while we looked, or a special file
        raise InputError(f"file is too large (over {limit / 1048576:.0f} MB)", where=str(path))
    if not data.strip():
        raise InputError("file is empty", where=str(path))
    return data


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return bad / len(sample)


# East Slavic letters outside А-я that real text uses; other Cyrillic (ѕ, ђ, љ...) in a
# Russian-looking text means a wrong code page.
_COMMON_EXTRA_CYRILLIC = set("ЁёЄєІіЇїЎўҐґ")


def _cyrillic_plausibility(text: str) -> float:
    """How much a decoding reads like East Slavic prose (-1 when there is too little Cyrillic).

    Right decodings of prose are mostly lowercase (KOI8-R read as cp1251, or the reverse,
    swaps case) and use only the common letters (mac_cyrillic vs cp1251 differ in rare ones).
    """
    letters = [c for c in text[:20000] if "\u0400" <= c <= "\u04ff" and c.isalpha()]
    if len(letters) < 20:
        return -1.0
    lower = sum(1 for c in letters if c.islower()) / len(letters)
    rare = sum(1 for c in letters if not ("А" <= c <= "я" or c in _COMMON_EXTRA_CYRILLIC)) / len(letters)
    return lower - 3 * rare


def _best_cyrillic(data: bytes) -> Decoded | None:
    best: tuple[float, Decoded] | None = None
    for enc in _CYRILLIC_CODEPAGES:  # most common first: ties go to it
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _cyrillic_plausibility(text) - _control_share(text)
        if best is None or score > best[0]:
            best = (score, Decoded(text, enc))
    return best[1] if best and best[0] > 0.5 else None


def decode_bytes(data: bytes, where: str) -> Decoded:
    """Decode file bytes: BOMs, then strict UTF-8, then charset detection (Cyrillic code pages checked)."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {enc.upper()} text at byte {exc.start + len(bom)}", where=where) from None
            return _checked(Decoded(text, enc), where)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not text", where=where)
    head = data[:8192]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError("binary file (contains NUL bytes), not text", where=where)
        return _checked(utf16, where)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), where)
    except UnicodeDecodeError:
        pass
    decoded = _detect(data)
    if decoded is None:
        raise InputError("cannot decode text: unknown or mixed character encoding", where=where)
    return _checked(decoded, where)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text without a BOM: NULs on one side of each byte pair, and letters of alphabetic scripts.

    ASCII in UTF-16-LE has its NUL bytes at odd offsets, in UTF-16-BE at even ones; anything
    else with NULs (or decoding to CJK-looking noise) is treated as binary.
    """
    head = data[:8192]
    even = sum(1 for i in range(0, len(head), 2) if head[i] == 0)
    odd = sum(1 for i in range(1, len(head), 2) if head[i] == 0)
    if len(data) % 2 or max(even, odd) < 0.9 * (even + odd):
        return None
    enc = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    sample = text[:4000]
    alphabetic = sum(1 for c in sample if ord(c) < 0x0530 or 0x2000 <= ord(c) < 0x2070)
    if alphabetic < 0.95 * len(sample) or _control_share(text) >= 0.01:
        return None
    return Decoded(text, enc)


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200_000]).best()
    if match is None:
        return _best_cyrillic(data)
    enc = match.encoding
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return _best_cyrillic(data)
    if _cyrillic_plausibility(text) > -1:  # Cyrillic text: pick the code page that reads as prose
        return _best_cyrillic(data) or Decoded(text, enc)
    return Decoded(text, enc)


def _checked(decoded: Decoded, where: str) -> Decoded:
    if not decoded.text.strip():
        raise InputError("file is empty", where=where)
    if _control_share(decoded.text) > 0.02:
        raise InputError(f"binary or corrupt file (control characters after decoding as {decoded.encoding})", where=where)
    return decoded


# --------------------------------------------------------------------------- metadata helpers


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """A leading `KEY: value` block ended by a blank line -> (fields, offset where the body starts).

    Only known keys count, and the block must end with a blank line; otherwise there is no header.
    """
    fields: dict[str, str] = {}
    pos = 0
    text_head = text[:8000]
    for n, line in enumerate(text_head.splitlines(keepends=True)):
        if n >= HEADER_MAX_LINES:
            return {}, 0
        stripped = line.strip()
        if not stripped:
            return (fields, pos + len(line)) if fields else ({}, 0)
        m = _HEADER_LINE.match(line.rstrip("\r\n"))
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return {}, 0
        fields[m.group(1).lower()] = m.group(2)
        pos += len(line)
    return {}, 0


DATELINE_LINE_CHARS = 80
DATELINE_PREFIX_CHARS = 60
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")


def parse_date_value(value: Any) -> date | None:
    """A date from a metadata value: date/datetime, ISO text, dd.mm.yyyy, an epoch; None if unknown."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.utcfromtimestamp(float(value) / (1000 if value > 1e11 else 1)).date()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    for rx, order in ((_ISO_DATE, (1, 2, 3)), (_DMY_DATE, (3, 2, 1))):
        m = rx.search(s)
        if m:
            try:
                return date(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2])))
            except ValueError:
                return None
    return None


def dateline_date(body: str, lang: str, anchor: date | None) -> date | None:
    """The date of a dateline in the first lines ("MINSK, November 8 /TASS/", "8 ноября 2021 г.").

    Month and weekday names belong to the dates component (`linewatch.extract.dates`); without
    it only numeric dates are recognised here.
    """
    # A dateline is a short line of its own or the opening words of the first lines; a date
    # further into a paragraph is news content ("On 1 November, the minister said..."), not one.
    lines = [ln.strip() for ln in body[:1500].splitlines() if ln.strip()][:4]
    head = "\n".join(ln if len(ln) <= DATELINE_LINE_CHARS else ln[:DATELINE_PREFIX_CHARS] for ln in lines)
    if not head:
        return None
    try:
        from linewatch.extract.dates import find_dates
    except ImportError:
        find_dates = None  # type: ignore[assignment]
    if find_dates is not None:
        try:
            for m in find_dates(head, lang, anchor):
                if m.value is not None and getattr(m, "kind", "explicit") == "explicit":
                    return m.value
        except Exception:  # another component's bug must not stop ingest; fall back to numbers
            pass
    return parse_date_value(head)


def _clean_lang(value: str | None) -> str | None:
    if not value:
        return None
    v = value.strip().lower().replace("_", "-").split("-")[0]
    return v if re.fullmatch(r"[a-z]{2,3}", v) else None


def _first_line_title(body: str) -> str | None:
    for line in body[:2000].splitlines():
        s = line.strip().lstrip("#").strip()
        if s:
            return s if len(s) <= 200 else None
    return None


def _finish(doc: Document, body: str, default_date: date | None, date_value: Any = None) -> Document:
    """Fill language and date the same way for every format: metadata, else dateline, else default."""
    from linewatch.nlp.langid import detect

    doc.language = _clean_lang(doc.language) or detect(body)
    doc.published = (
        parse_date_value(date_value) or dateline_date(body, doc.language, default_date) or default_date
    )
    return doc


# --------------------------------------------------------------------------- per format


def _from_text(path: Path, text: str, encoding: str, default_date: date | None) -> Document:
    header, body_start = parse_header(text)
    body = text[body_start:]
    meta: dict[str, Any] = {"format": path.suffix.lower().lstrip("."), "encoding": encoding}
    if body_start:
        meta["header_end"] = body_start  # where the body starts, for components that skip the header
    for key in ("note", "author"):
        if header.get(key):
            meta[key] = header[key]
    doc = Document(
        text=text,
        title=header.get("title") or _first_line_title(body),
        url=header.get("url") or None,
        outlet=header.get("outlet") or None,
        outlet_type=header.get("outlet_type") or None,
        language=header.get("language"),
        source=str(path),
        meta=meta,
    )
    return _finish(doc, body, default_date, header.get("date"))


def _from_html(path: Path, raw: str, encoding: str, default_date: date | None) -> Document:
    if not re.search(r"<\s*[a-zA-Z!/]", raw[:200_000]):
        raise InputError("malformed HTML: no markup found", where=str(path))
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency
        raise InputError(f"cannot read HTML: trafilatura is not usable ({exc})", where=str(path)) from None
    try:
        result = trafilatura.bare_extraction(
            raw, with_metadata=True, include_comments=False, favor_recall=True, url=None
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(f"malformed HTML ({type(exc).__name__})", where=str(path)) from None
    data = _as_dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        text = _html_fallback_text(raw)
    if not text:
        raise InputError("malformed HTML: no readable text found", where=str(path))
    meta: dict[str, Any] = {"format": "html", "encoding": encoding}
    if data.get("author"):
        meta["author"] = data["author"]
    doc = Document(
        text=text,
        title=data.get("title") or None,
        url=data.get("url") or None,
        outlet=data.get("sitename") or None,
        language=data.get("language"),
        source=str(path),
        meta=meta,
    )
    return _finish(doc, text, default_date, data.get("date"))


def _as_dict(result: Any) -> dict[str, Any]:
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    if hasattr(result, "as_dict"):
        return result.as_dict()
    return {k: getattr(result, k, None) for k in ("text", "title", "url", "sitename", "date", "author", "language")}


def _html_fallback_text(raw: str) -> str:
    """Visible text when trafilatura finds no main content (tiny pages)."""
    try:
        import lxml.html

        root = lxml.html.fromstring(raw)
    except Exception:
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    body = root.find("body")
    node = body if body is not None else root
    lines = [" ".join(t.split()) for t in node.itertext()]
    return "\n".join(ln for ln in lines if ln).strip()


def _field(record: dict[str, Any], name: str) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for alias in FIELD_ALIASES[name]:
        v = lowered.get(alias)
        if v not in (None, ""):
            if isinstance(v, list):
                v = ", ".join(str(x) for x in v)
            return v
    return None


def _from_record(path: Path, record: Any, where: str, default_date: date | None) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"expected an object with a text field, got {type(record).__name__}", where=where)
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"no text (fields tried: {', '.join(FIELD_ALIASES['text'])})", where=where)
    if "\x00" in text:  # no database stores NUL in text, and no prose contains it
        raise InputError("text contains NUL characters", where=where)
    known = {a for aliases in FIELD_ALIASES.values() for a in aliases}
    meta: dict[str, Any] = {"format": path.suffix.lower().lstrip(".")}
    extra = {str(k): v for k, v in record.items() if str(k).lower() not in known and isinstance(v, (str, int, float, bool))}
    if extra:
        meta["fields"] = extra
    if _field(record, "author"):
        meta["author"] = str(_field(record, "author"))

    def s(name: str) -> str | None:
        v = _field(record, name)
        return str(v).strip() if v is not None else None

    doc = Document(
        text=text,
        title=s("title"),
        url=s("url"),
        outlet=s("outlet"),
        outlet_type=s("outlet_type"),
        language=s("language"),
        source=where,
        meta=meta,
    )
    return _finish(doc, text, default_date, _field(record, "date"))


def _records_json(path: Path, text: str) -> list[tuple[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", where=str(path)) from None
    except RecursionError:
        raise InputError("malformed JSON: nested too deeply", where=str(path)) from None
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    if isinstance(data, dict):
        return [(str(path), data)]
    if isinstance(data, list):
        if not data:
            raise InputError("JSON holds an empty list: no documents", where=str(path))
        return [(f"{path}#{i + 1}", rec) for i, rec in enumerate(data)]
    raise InputError("JSON must be an object or a list of objects", where=str(path))


def _records_jsonl(path: Path, text: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((f"{path}:{n}", json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON Lines at line {n} column {exc.colno}: {exc.msg}", where=str(path)) from None
        except RecursionError:
            raise InputError(f"malformed JSON Lines at line {n}: nested too deeply", where=str(path)) from None
    if not out:
        raise InputError("file is empty", where=str(path))
    return out


def _records_csv(path: Path, text: str) -> list[tuple[str, Any]]:
    csv.field_size_limit(max(DEFAULT_MAX_BYTES, _max_bytes(None)))
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"malformed CSV at line {reader.line_num}: {exc}", where=str(path)) from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise InputError("file is empty", where=str(path))
    header = [h.strip().lower() for h in rows[0]]
    if not any(h in FIELD_ALIASES["text"] for h in header):
        raise InputError(
            f"malformed CSV: the header row has no text column (one of {', '.join(FIELD_ALIASES['text'])})",
            where=str(path),
        )
    if len(rows) < 2:
        raise InputError("CSV has a header but no rows", where=str(path))
    out: list[tuple[str, Any]] = []
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            raise InputError(f"malformed CSV: row {n} has {len(row)} fields, the header has {len(header)}", where=str(path))
        out.append((f"{path}:{n}", dict(zip(header, row))))
    return out


# --------------------------------------------------------------------------- public API


def read_documents(
    path: str | Path, default_date: date | None = None, *, max_bytes: int | None = None
) -> list[Document]:
    """Every document in a file (one for .txt/.md/.html, one or many for .json/.jsonl/.csv)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES and p.exists() and p.is_file():
        raise InputError(
            f"unsupported file type '{suffix or '(none)'}' (supported: {', '.join(SUPPORTED_SUFFIXES)})",
            where=str(path),
        )
    data = read_bytes(p, max_bytes)
    decoded = decode_bytes(data, str(path))
    text = decoded.text
    if suffix in HTML_SUFFIXES:
        return [_from_html(p, text, decoded.encoding, default_date)]
    if suffix in RECORD_SUFFIXES:
        if suffix == ".csv":
            records = _records_csv(p, text)
        elif suffix == ".json":
            records = _records_json(p, text)
        else:
            records = _records_jsonl(p, text)
        docs = [_from_record(p, rec, where, default_date) for where, rec in records]
        for d in docs:
            d.meta["encoding"] = decoded.encoding
        return docs
    return [_from_text(p, text, decoded.encoding, default_date)]


def read_file(path: str | Path, default_date: date | None = None, *, max_bytes: int | None = None) -> Document:
    """The one document in a file; for a JSON/CSV file with several, the first."""
    return read_documents(path, default_date, max_bytes=max_bytes)[0]


def iter_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named or found (recursively, supported types only, sorted) under the given paths."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith(".")
                )
            )
        else:
            out.append(p)
    return out
