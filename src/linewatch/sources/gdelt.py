"""GDELT 2.0: the 15-minute event (export), mentions and GKG files, and the DOC 2.0 API.

The files are tab-separated CSV without a header inside a zip; the column
names below follow the GDELT 2.0 codebooks. A source's location is a local
file (.zip or .CSV), a folder of them, a URL of one file, or the
`lastupdate.txt` URL that lists the newest files. Rows are kept when they
match the source's filters (actors: CAMEO actor codes or name words;
countries: actor country codes or action-geo country; themes: GKG themes,
matched by prefix).

Events become `Event`s (CAMEO EventCode mapped to PLOVER) on a light
Document whose text is the source article's URL, so every event keeps its
source; mentions and GKG rows become light Documents for the articles they list.
"""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from linewatch.errors import InputError
from linewatch.extract.plover import cameo_to_plover
from linewatch.model import Event
from linewatch.sources.definitions import SourceDef
from linewatch.sources.fetch import FetchError
from linewatch.sources.files import read_bytes
from linewatch.sources.items import CollectContext, Item, make_document
from linewatch.sources.pages import fetch_page

EXTRACTOR = "gdelt"
EXTRACTOR_VERSION = "2.0"
MAX_UNZIPPED_BYTES = 500_000_000
# The DOC API's plain-text answer when polled too often, and how long it asks us to wait.
RATE_LIMIT_WORDS = re.compile(r"limit requests|rate limit|too many requests", re.IGNORECASE)
RATE_LIMIT_SECONDS = re.compile(r"every\s+(\d+(?:\.\d+)?)\s*sec", re.IGNORECASE)
DOC_API_MIN_BACKOFF = 60.0  # seconds: one extra request a few seconds later would be refused again

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
EVENT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName", "DocumentIdentifier",
    "Counts", "V2Counts", "Themes", "V2Themes", "Locations", "V2Locations", "Persons", "V2Persons",
    "Organizations", "V2Organizations", "V2Tone", "Dates", "GCAM", "SharingImage", "RelatedImages",
    "SocialImageEmbeds", "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)
COLUMNS = {"gdelt-events": EVENT_COLUMNS, "gdelt-mentions": MENTION_COLUMNS, "gdelt-gkg": GKG_COLUMNS}
# Which file of a lastupdate.txt listing each kind reads.
FILE_MARK = {"gdelt-events": ".export.csv", "gdelt-mentions": ".mentions.csv", "gdelt-gkg": ".gkg.csv"}

# Used only when the events stage's CAMEO→PLOVER map is not importable: by CAMEO root code.
_FALLBACK_ROOT_PLOVER = {
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST",
    "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}


def cameo_plover(code: str) -> str:
    try:
        mapped = cameo_to_plover(code)
    except Exception:  # another stage's bug must not stop an import
        mapped = None
    if mapped:
        return str(mapped)
    return _FALLBACK_ROOT_PLOVER.get(code[:2], "OTHER")


# --------------------------------------------------------------------------- reading the files


def _rows_from_bytes(data: bytes, columns: tuple[str, ...], where: str) -> Iterator[dict[str, str]]:
    if data[:4] == b"PK\x03\x04":
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise InputError(f"broken zip: {exc}", where=where) from None
        names = [i for i in zf.infolist() if not i.is_dir()]
        if not names:
            raise InputError("empty zip", where=where)
        info = names[0]
        if info.file_size > MAX_UNZIPPED_BYTES:
            raise InputError(f"zip member over {MAX_UNZIPPED_BYTES} bytes once unpacked", where=where)
        with zf.open(info) as fh:
            data = fh.read(MAX_UNZIPPED_BYTES + 1)
        if len(data) > MAX_UNZIPPED_BYTES:
            raise InputError(f"zip member over {MAX_UNZIPPED_BYTES} bytes once unpacked", where=where)
    text = data.decode("utf-8", "replace")
    csv.field_size_limit(10_000_000)
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    for n, row in enumerate(reader, 1):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if not len(columns) - 1 <= len(row) <= len(columns):  # a trailing empty column may be dropped
            raise InputError(f"line {n}: {len(row)} columns, expected {len(columns)} (is this the right kind of "
                             f"GDELT file?)", where=where)
        yield dict(zip(columns, row))


def _local_files(location: str) -> list[Path]:
    p = Path(location)
    if p.is_dir():
        return sorted(f for f in p.iterdir() if f.is_file() and f.name.lower().endswith((".zip", ".csv")))
    if p.is_file():
        return [p]
    raise InputError("no such GDELT file or folder", where=location)


def _file_urls(source: SourceDef, ctx: CollectContext) -> list[str]:
    if not source.location.lower().endswith(".txt"):
        return [source.location]
    result = ctx.fetcher.get(source.location, allow_private=source.allow_private or None, max_bytes=1_000_000)
    urls = []
    for line in result.body.decode("utf-8", "replace").splitlines():
        parts = line.split()
        if parts and FILE_MARK[source.kind] in parts[-1].lower():
            urls.append(parts[-1])
    if not urls:
        raise FetchError(source.location, "content", f"no {FILE_MARK[source.kind]} file listed")
    return urls


def iter_files(source: SourceDef, ctx: CollectContext) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of each file the source points at (rows already collected are skipped by key)."""
    if source.location.lower().startswith(("http://", "https://")):
        for url in _file_urls(source, ctx):
            result = ctx.fetcher.get(url, allow_private=source.allow_private or None, max_bytes=source.max_bytes)
            yield url, result.body
        return
    for path in _local_files(source.location):
        yield str(path), read_bytes(path, source.max_bytes)


# --------------------------------------------------------------------------- filters


def _words(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


def event_matches(row: dict[str, str], filters: dict[str, list[str]]) -> bool:
    actors = _words(filters.get("actors", []))
    if actors:
        fields = [row.get(f"Actor{i}{c}", "").lower() for i in (1, 2) for c in ("Code", "Name")]
        if not any(a == f or (len(a) > 3 and a in f) or (len(a) == 3 and f.startswith(a))
                   for a in actors for f in fields if f):
            return False
    countries = _words(filters.get("countries", []))
    if countries:
        fields = [row.get(k, "").lower() for k in ("Actor1CountryCode", "Actor2CountryCode", "ActionGeo_CountryCode",
                                                  "Actor1Geo_CountryCode", "Actor2Geo_CountryCode")]
        if not any(c in fields for c in countries):
            return False
    return True


def gkg_matches(row: dict[str, str], filters: dict[str, list[str]]) -> bool:
    themes = _words(filters.get("themes", []))
    if themes:
        have = {t.split(",")[0].lower() for t in (row.get("V2Themes") or row.get("Themes") or "").split(";") if t}
        if not any(h.startswith(t) for t in themes for h in have):
            return False
    actors = _words(filters.get("actors", []))
    if actors:
        names = (row.get("Persons", "") + ";" + row.get("Organizations", "") + ";" + row.get("AllNames", "")).lower()
        if not any(a in names for a in actors):
            return False
    countries = _words(filters.get("countries", []))
    if countries:
        # V1 Locations: type#fullname#countrycode#adm1#lat#long#featureid, separated by ';'
        codes = {loc.split("#")[2].lower() for loc in row.get("Locations", "").split(";") if loc.count("#") >= 2}
        if not codes & set(countries):
            return False
    return True


# --------------------------------------------------------------------------- rows -> items


def _sqldate(value: str) -> date | None:
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except (ValueError, IndexError):
        return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _url_document(url: str, source: SourceDef, published: date | None, meta: dict[str, Any],
                  outlet: str | None = None):
    """A light document standing for an article GDELT saw: its text is the URL (not the article)."""
    return make_document(url, source=source, url=url if url.startswith("http") else None, published=published,
                         language=source.language or "en", meta={"light": True, **meta}, outlet=outlet)


def event_item(row: dict[str, str], source: SourceDef) -> Item:
    url = row.get("SOURCEURL", "").strip() or f"gdelt:event:{row['GLOBALEVENTID']}"
    day = _sqldate(row.get("SQLDATE", ""))
    doc = _url_document(url, source, day, {"gdelt": {"kind": "events"}})
    code = row.get("EventCode", "").strip()
    actor1 = row.get("Actor1Name") or row.get("Actor1Code") or None
    actor2 = row.get("Actor2Name") or row.get("Actor2Code") or None
    event = Event(
        doc_id=doc.id,
        plover=cameo_plover(code),
        span=(0, len(doc.text)),
        source=actor1,
        target=actor2,
        participants=[a for a in (actor1, actor2) if a],
        date=day,
        date_confidence=0.9 if day else 0.0,
        scale=_float(row.get("GoldsteinScale", "")) or 0.0,
        sentence=doc.text,
        confidence=0.5,
        extractor=EXTRACTOR,
        extractor_version=EXTRACTOR_VERSION,
        extra={
            "globaleventid": row.get("GLOBALEVENTID"),
            "cameo": code,
            "quad_class": row.get("QuadClass"),
            "source_url": url,
            "actor1_code": row.get("Actor1Code"),
            "actor1_country": row.get("Actor1CountryCode"),
            "actor2_code": row.get("Actor2Code"),
            "actor2_country": row.get("Actor2CountryCode"),
            "action_geo": row.get("ActionGeo_FullName"),
            "action_country": row.get("ActionGeo_CountryCode"),
            "num_mentions": row.get("NumMentions"),
            "avg_tone": _float(row.get("AvgTone", "")),
            "date_added": row.get("DATEADDED"),
        },
    )
    return Item(key=f"event:{row['GLOBALEVENTID']}", document=doc, events=[event])


def mention_item(row: dict[str, str], source: SourceDef) -> Item | None:
    url = row.get("MentionIdentifier", "").strip()
    if not url:
        return None
    day = _sqldate(row.get("MentionTimeDate", ""))
    mention = {"globaleventid": row.get("GLOBALEVENTID"), "mention_type": row.get("MentionType"),
               "confidence": row.get("Confidence"), "tone": _float(row.get("MentionDocTone", "")),
               "time": row.get("MentionTimeDate"), "sentence": row.get("SentenceID")}
    meta = {"gdelt": {"kind": "mentions", **mention, "mentions": [mention]}}
    doc = _url_document(url, source, day, meta, outlet=row.get("MentionSourceName") or None)
    return Item(key=f"mention:{row.get('GLOBALEVENTID')}:{url}", document=doc,
                meta_append={"gdelt.mentions": [mention]})


def gkg_item(row: dict[str, str], source: SourceDef) -> Item | None:
    url = row.get("DocumentIdentifier", "").strip()
    if not url:
        return None
    day = _sqldate(row.get("DATE", ""))
    themes = [t.split(",")[0] for t in (row.get("V2Themes") or row.get("Themes") or "").split(";") if t]
    meta = {"gdelt": {"kind": "gkg", "record": row.get("GKGRECORDID"),
                      "themes": sorted(set(themes))[:200],
                      "persons": [p for p in row.get("Persons", "").split(";") if p][:100],
                      "organizations": [o for o in row.get("Organizations", "").split(";") if o][:100],
                      "tone": _float((row.get("V2Tone") or "").split(",")[0])}}
    doc = _url_document(url, source, day, meta, outlet=row.get("SourceCommonName") or None)
    return Item(key=f"gkg:{row.get('GKGRECORDID')}", document=doc)


def collect_files(source: SourceDef, ctx: CollectContext) -> Iterator[Item]:
    columns = COLUMNS[source.kind]
    taken = 0
    for name, data in iter_files(source, ctx):
        for row in _rows_from_bytes(data, columns, name):
            if taken >= source.max_items:
                return
            if source.kind == "gdelt-events":
                if not event_matches(row, source.filters) or ctx.seen(f"event:{row['GLOBALEVENTID']}"):
                    continue
                item: Item | None = event_item(row, source)
            elif source.kind == "gdelt-mentions":
                item = mention_item(row, source)  # mention rows name no actors: filters do not apply
            else:
                if not gkg_matches(row, source.filters):
                    continue
                item = gkg_item(row, source)
            if item is None or ctx.seen(item.key):
                continue
            taken += 1
            yield item


# --------------------------------------------------------------------------- DOC 2.0 API


def doc_api_url(base: str, query: str, *, max_records: int = 250, timespan: str | None = None) -> str:
    params = {"query": query, "mode": "artlist", "format": "json", "maxrecords": str(min(max_records, 250)),
              "sort": "datedesc"}
    if timespan:
        params["timespan"] = timespan
    return f"{base}?{urlencode(params)}"


def _doc_api_text_error(url: str, body: str, exc: json.JSONDecodeError) -> FetchError:
    """The DOC API answers errors in plain text with status 200 ("Please limit requests to one
    every 5 seconds ..."): report its words, and back off when it asks us to."""
    text = " ".join(body.split())[:300]
    if not text or text.startswith(("{", "[")):
        return FetchError(url, "content", f"not DOC API JSON ({exc})")
    if RATE_LIMIT_WORDS.search(text):
        wait = RATE_LIMIT_SECONDS.search(text)
        seconds = max(DOC_API_MIN_BACKOFF, float(wait.group(1)) if wait else 0.0)
        return FetchError(url, "rate_limit", f"GDELT DOC API asks to slow down: {text}", retry_after=seconds)
    return FetchError(url, "content", f"GDELT DOC API error: {text}")


def collect_doc_api(source: SourceDef, ctx: CollectContext) -> Iterator[Item]:
    """A `gdelt-doc` source: location is a full DOC 2.0 API URL (mode=artlist, format=json)."""
    # An API meant for programs, not a site to crawl: its robots.txt speaks to crawlers, not to API clients.
    result = ctx.fetcher.get(source.location, allow_private=source.allow_private or None,
                             max_bytes=source.max_bytes, check_robots=False)
    body = result.body.decode("utf-8", "replace")
    try:
        data = json.loads(body or "{}")
    except json.JSONDecodeError as exc:
        raise _doc_api_text_error(source.location, body, exc) from None
    articles = data.get("articles") if isinstance(data, dict) else None
    if articles is None:
        raise FetchError(source.location, "content", "DOC API answer has no 'articles' list (use mode=artlist&format=json)")
    taken = 0
    for art in articles:
        if taken >= source.max_items:
            break
        if not isinstance(art, dict) or not art.get("url"):
            continue
        url = str(art["url"])[:2000]
        if ctx.seen(url):
            continue
        taken += 1
        seen = str(art.get("seendate") or "")
        meta = {"gdelt": {"kind": "doc", "seendate": seen, "domain": art.get("domain"),
                          "language": art.get("language"), "sourcecountry": art.get("sourcecountry"),
                          "title": art.get("title")}}
        if source.full_text == "always":
            try:
                yield Item(key=url, document=fetch_page(ctx, url, source, extra_meta=meta,
                                                        published=_sqldate(seen[:8]), title=art.get("title")))
                continue
            except FetchError as exc:
                ctx.notes.append(f"{url}: {exc}; kept the light record")
        doc = make_document(url, source=source, url=url, published=_sqldate(seen[:8]),
                            language=source.language or "en", meta={"light": True, **meta},
                            outlet=art.get("domain") or None)
        doc.title = str(art.get("title") or "")[:1000] or None
        yield Item(key=url, document=doc)
