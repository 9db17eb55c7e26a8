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
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from linewatch.errors import InputError, printable
from linewatch.extract.dates import find_dates
from linewatch.model import HEADER_KEYS, Document
from linewatch.nlp.langid import detect

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
RECORD_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
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

# Single-byte Latin code pages charset detection confuses with each other (most common first).
LATIN_CODEPAGES = ("cp1252", "cp1250", "iso8859-2", "iso8859-15")
NEAR_UTF8_RATIO = 4  # valid non-ASCII characters per invalid byte for text to count as UTF-8
WEAK_EVIDENCE_BYTES = 20  # fewer non-ASCII bytes than this: a guessed encoding is a weak guess
WEAK_CHAOS = 0.1  # charset_normalizer's mess ratio above which its guess is weak
# Single-byte Cyrillic code pages charset detection confuses with each other.
_CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5")


@dataclass
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # bytes that were not valid in `encoding` and became U+FFFD
    guess: str | None = None  # None: BOM, declared charset or valid UTF-8; "strong" / "weak": detected

    def describe(self) -> dict[str, Any]:
        """What to keep on the document's meta about how its bytes were read."""
        out: dict[str, Any] = {"encoding": self.encoding}
        if self.replaced:
            out["encoding_replaced"] = self.replaced
        if self.guess:
            out["encoding_guess"] = self.guess
        return out


@dataclass
class FileRead:
    """The documents of one file, and its records that could not be read (named by line)."""

    documents: list[Document]
    skipped: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. a weakly guessed encoding


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


def decode_bytes(data: bytes, where: str, declared: Iterable[str | None] = ()) -> Decoded:
    """Decode bytes: BOMs, the declared charset (HTTP header, <meta>), UTF-8 (with a few bad bytes
    replaced), then charset detection (Cyrillic and Central European code pages checked)."""
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
    for name in declared:
        enc = _codec(name)
        if enc is None:
            continue
        try:
            return _checked(Decoded(data.decode(enc), enc), where)
        except UnicodeDecodeError:
            if enc == "utf-8" and (near := _near_utf8(data)) is not None:
                return _checked(near, where)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), where)
    except UnicodeDecodeError:
        pass
    near = _near_utf8(data)
    if near is not None:
        return _checked(near, where)
    decoded = _detect(data)
    if decoded is None:
        raise InputError("cannot decode text: unknown or mixed character encoding", where=where)
    return _checked(decoded, where)


def _codec(name: str | None) -> str | None:
    """The codec a declared charset names ("UTF8", "windows-1251" ...), None when unknown."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name.replace("_", "-") if name.strip() else None
    except LookupError:
        return None


def _near_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes (a stray byte in a Russian or Polish page) is UTF-8:
    the bad bytes become U+FFFD instead of the whole text becoming mojibake in a code page."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    if bad <= 0 or valid < NEAR_UTF8_RATIO * bad:
        return None
    return Decoded(text, "utf-8", replaced=bad)


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
    """A guessed encoding, marked strong or weak (few non-ASCII bytes, or a chaotic reading)."""
    from charset_normalizer import from_bytes  # lazy: charset detection loads only for undeclared encodings

    evidence = sum(1 for b in data[:200_000] if b > 0x7F)
    match = from_bytes(data[:200_000]).best()
    decoded: Decoded | None
    if match is None:
        decoded = _best_cyrillic(data)
        weak = True
    else:
        weak = match.chaos > WEAK_CHAOS
        try:
            decoded = Decoded(data.decode(match.encoding), match.encoding)
        except (UnicodeDecodeError, LookupError):
            decoded = _best_cyrillic(data)
            weak = True
        else:
            if _cyrillic_plausibility(decoded.text) > -1:  # Cyrillic: the code page that reads as prose
                decoded = _best_cyrillic(data) or decoded
            elif len(decoded.text) == len(data):  # a single-byte Latin code page
                decoded = _best_latin(data, decoded)
    if decoded is not None:
        decoded.guess = "weak" if weak or evidence < WEAK_EVIDENCE_BYTES else "strong"
    return decoded


def _letter_share(text: str) -> float:
    """Share of the non-ASCII characters that are letters: a wrong Latin code page turns
    Polish ł, ą, ż into ³, ¹, ¿ (cp1252) or C1 controls (ISO 8859-2 read as cp1250)."""
    wide = [c for c in text[:50_000] if ord(c) > 0x7F]
    return sum(1 for c in wide if c.isalpha()) / len(wide) if wide else 0.0


def _best_latin(data: bytes, detected: Decoded) -> Decoded:
    """Among the common Latin code pages, the one whose non-ASCII bytes read as letters;
    the detector's choice wins ties."""
    best, best_score = detected, _letter_share(detected.text)
    for enc in LATIN_CODEPAGES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _letter_share(text)
        if score > best_score + 0.02:
            best, best_score = Decoded(text, enc), score
    return best


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

    Month and weekday names belong to the dates component (`linewatch.extract.dates`).
    """
    # A dateline is a short line of its own or the opening words of the first lines; a date
    # further into a paragraph is news content ("On 1 November, the minister said..."), not one.
    lines = [ln.strip() for ln in body[:1500].splitlines() if ln.strip()][:4]
    head = "\n".join(ln if len(ln) <= DATELINE_LINE_CHARS else ln[:DATELINE_PREFIX_CHARS] for ln in lines)
    if not head:
        return None
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


def _drop_nul(doc: Document) -> None:
    """NUL characters out of every text field: SQLite cuts a text at the first one and
    PostgreSQL refuses it. The count removed from the text is kept in meta. Names taken
    from file names are made valid UTF-8."""
    for name in ("title", "url", "outlet", "outlet_type", "language", "source"):
        value = getattr(doc, name)
        if isinstance(value, str):
            setattr(doc, name, printable(value).replace("\x00", "") or None)
    if "\x00" in doc.text:
        doc.meta["nul_removed"] = doc.text.count("\x00")
        doc.text = doc.text.replace("\x00", "")
    for key, value in list(doc.meta.items()):
        if isinstance(value, str) and "\x00" in value:
            doc.meta[key] = value.replace("\x00", "")


def _finish(doc: Document, body: str, default_date: date | None, date_value: Any = None) -> Document:
    """Fill language and date the same way for every format: metadata, else dateline, else default."""
    _drop_nul(doc)
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
        import trafilatura  # lazy: trafilatura (lxml) is slow to import; only HTML needs it
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
        import lxml.html  # lazy: lxml is slow to import; only HTML/XML needs it

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


Records = list[tuple[str, Any]]  # (where: "file:line" or "file#n", record)


def _records_json(path: Path, text: str) -> Records:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", where=str(path)) from None
    except RecursionError:
        raise InputError("malformed JSON: nested too deeply", where=str(path)) from None
    if _is_telegram_export(data):
        raise InputError(
            f"this is {describe_export(data)}; read it as a source: `linewatch sources add NAME --kind "
            f"telegram-export --location {path}` (a full-account export: add `filters: {{chats: [NAME]}}` to "
            "pick chats; channels are read by default), then `linewatch watch --once`", where=str(path))
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    if isinstance(data, dict):
        return [(str(path), data)]
    if isinstance(data, list):
        if not data:
            raise InputError("JSON holds an empty list: no documents", where=str(path))
        return [(f"{path}#{i + 1}", rec) for i, rec in enumerate(data)]
    raise InputError("JSON must be an object or a list of objects", where=str(path))


def export_chats(doc: Any) -> list[dict[str, Any]] | None:
    """The chats of an export: the one channel of a channel export, or every chat of a
    full-account export (`{"chats": {"list": [...]}}`); None when it is not an export."""
    if isinstance(doc, dict) and isinstance(doc.get("messages"), list):
        return [doc]
    listed = doc.get("chats", {}).get("list") if isinstance(doc, dict) and isinstance(doc.get("chats"), dict) else None
    if isinstance(listed, list):
        return [c for c in listed if isinstance(c, dict) and isinstance(c.get("messages"), list)]
    return None


def describe_export(doc: dict[str, Any]) -> str:
    """One line saying what an export holds (for `linewatch ingest`, which does not read it)."""
    chats = export_chats(doc) or []
    if "messages" in doc:
        return f"a Telegram channel export ({doc.get('name') or 'unnamed'}, {len(doc['messages'])} messages)"
    names = ", ".join(str(c.get("name") or c.get("id")) for c in chats[:5]) + (" ..." if len(chats) > 5 else "")
    return f"a Telegram full-account export ({len(chats)} chats: {names})"


def _is_telegram_export(data: Any) -> bool:
    """Telegram Desktop's result.json: a channel ({"messages": [{"id", "type", "date"...}]}) or a
    whole account ({"chats": {"list": [...]}})."""
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("chats"), dict) and isinstance(data["chats"].get("list"), list):
        return True
    messages = data.get("messages")
    return isinstance(messages, list) and any(isinstance(m, dict) and "date" in m and "type" in m for m in messages[:20])


def _records_jsonl(path: Path, text: str, skipped: list[InputError]) -> Records:
    """Each line one record; a line that is not JSON is skipped and named, the others kept."""
    out: Records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((f"{path}:{n}", json.loads(line)))
        except json.JSONDecodeError as exc:
            skipped.append(InputError(f"malformed JSON at column {exc.colno}: {exc.msg}", where=f"{path}:{n}"))
        except RecursionError:
            skipped.append(InputError("malformed JSON: nested too deeply", where=f"{path}:{n}"))
    if not out and not skipped:
        raise InputError("file is empty", where=str(path))
    return out


def _records_csv(path: Path, text: str, skipped: list[InputError]) -> Records:
    """Rows under a header with a text column; a broken row is skipped and named by its line."""
    csv.field_size_limit(max(DEFAULT_MAX_BYTES, _max_bytes(None)))
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[tuple[int, list[str]]] = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if not rows:  # the header itself is broken: nothing can be read
                raise InputError(f"malformed CSV at line {line}: {exc}", where=str(path)) from None
            skipped.append(InputError(f"malformed CSV: {exc}", where=f"{path}:{line}"))
            continue
        if any(c.strip() for c in row):
            rows.append((line, row))
    if not rows:
        raise InputError("file is empty", where=str(path))
    header = [h.strip().lower() for h in rows[0][1]]
    if not any(h in FIELD_ALIASES["text"] for h in header):
        raise InputError(
            f"malformed CSV: the header row has no text column (one of {', '.join(FIELD_ALIASES['text'])})",
            where=str(path),
        )
    if len(rows) < 2 and not skipped:
        raise InputError("CSV has a header but no rows", where=str(path))
    out: Records = []
    for n, row in rows[1:]:
        if len(row) != len(header):
            skipped.append(InputError(f"malformed CSV: {len(row)} fields, the header has {len(header)}",
                                      where=f"{path}:{n}"))
            continue
        out.append((f"{path}:{n}", dict(zip(header, row))))
    return out


# --------------------------------------------------------------------------- public API


def read_file_report(
    path: str | Path, default_date: date | None = None, *, max_bytes: int | None = None
) -> FileRead:
    """Every readable document in a file, the records that could not be read (each named by its
    line), and notes such as a weakly guessed encoding. Raises InputError when the file as a
    whole cannot be read."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES and p.exists() and p.is_file():
        raise InputError(
            f"unsupported file type '{suffix or '(none)'}' (supported: {', '.join(SUPPORTED_SUFFIXES)})",
            where=str(path),
        )
    data = read_bytes(p, max_bytes)
    declared = [_html_charset(data)] if suffix in HTML_SUFFIXES else []
    decoded = decode_bytes(data, str(path), declared)
    nul = decoded.text.count("\x00")
    text = decoded.text.replace("\x00", "") if nul else decoded.text  # before offsets are taken
    notes = []
    if decoded.guess == "weak":
        notes.append(f"{path}: encoding guessed as {decoded.encoding} on little evidence; check the text")
    if decoded.replaced:
        notes.append(f"{path}: {decoded.replaced} byte(s) not valid {decoded.encoding} replaced by U+FFFD")
    skipped: list[InputError] = []
    if suffix in HTML_SUFFIXES:
        docs = [_from_html(p, text, decoded.encoding, default_date)]
    elif suffix in RECORD_SUFFIXES:
        if suffix == ".csv":
            records = _records_csv(p, text, skipped)
        elif suffix == ".json":
            records = _records_json(p, text)
        else:
            records = _records_jsonl(p, text, skipped)
        docs = []
        for where, rec in records:
            try:
                docs.append(_from_record(p, rec, where, default_date))
            except InputError as exc:
                skipped.append(exc)
    else:
        docs = [_from_text(p, text, decoded.encoding, default_date)]
    for d in docs:
        d.meta.update(decoded.describe())
        if nul:
            d.meta["nul_removed"] = d.meta.get("nul_removed", 0) + nul
    return FileRead(docs, skipped, notes)


def read_documents_or_fail(
    path: str | Path, default_date: date | None = None, *, max_bytes: int | None = None
) -> FileRead:
    """`read_file_report`, but a file with no readable record at all is an error naming the first bad one."""
    report = read_file_report(path, default_date, max_bytes=max_bytes)
    if not report.documents:
        first = report.skipped[0] if report.skipped else InputError("no documents", where=str(path))
        more = f" (and {len(report.skipped) - 1} more bad record(s))" if len(report.skipped) > 1 else ""
        raise InputError(f"{first.message}{more}", where=first.where)
    return report


def read_documents(
    path: str | Path, default_date: date | None = None, *, max_bytes: int | None = None
) -> list[Document]:
    """Every readable document in a file (one for .txt/.md/.html, one or many for .json/.jsonl/.csv).

    Bad records are left out (`read_file_report` names them); a file with none readable is an error.
    """
    return read_documents_or_fail(path, default_date, max_bytes=max_bytes).documents


def _html_charset(data: bytes) -> str | None:
    """The charset a page declares in <meta> (read from its first bytes)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_file(path: str | Path, default_date: date | None = None, *, max_bytes: int | None = None) -> Document:
    """The one document in a file; for a JSON/CSV file with several, the first."""
    return read_documents(path, default_date, max_bytes=max_bytes)[0]


def iter_paths(paths: Iterable[str | Path], problems: list[InputError] | None = None) -> list[Path]:
    """Files named or found (recursively, supported types only, sorted) under the given paths.

    A folder that cannot be read is not skipped silently: it goes into `problems`.
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            out.append(p)
            continue

        def unreadable(exc: OSError) -> None:
            if problems is not None:
                problems.append(InputError(f"cannot read folder ({exc.strerror or exc})", where=exc.filename))

        found = []
        for folder, dirs, files in os.walk(p, onerror=unreadable):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(Path(folder) / f for f in files
                         if Path(f).suffix.lower() in SUPPORTED_SUFFIXES and not f.startswith("."))
        out.extend(sorted(f for f in found if f.is_file()))
    return out
