"""Telegram exports, GDELT files and source definitions, generated here in their real formats."""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "sources"))
from localserver import LocalServer, Route

from linewatch.errors import InputError
from linewatch.sources import gdelt
from linewatch.sources.archive import WarcArchive, read_record
from linewatch.sources.definitions import (
    SourceDef,
    load_sources,
)
from linewatch.sources.fetch import Fetcher, FetchLimits
from linewatch.sources.telegram import flatten_text
from linewatch.sources.watch import poll_source, watch


@pytest.fixture
def store(sqlite_store):
    return sqlite_store  # conftest's: open on a fresh SQLite file, closed after the test


@pytest.fixture
def fetcher(tmp_path):
    f = Fetcher(allow_private=["127.0.0.0/8"], limits=FetchLimits(min_interval=0, retries=0), sleep=lambda s: None)
    yield f
    f.close()


# --------------------------------------------------------------------------- Telegram


def telegram_export() -> dict:
    return {
        "name": "Test Channel",
        "type": "public_channel",
        "id": 1001234567,
        "messages": [
            {"id": 1, "type": "service", "date": "2021-11-08T09:00:00", "date_unixtime": "1636362000",
             "actor": "Test Channel", "action": "create_channel", "text": ""},
            {"id": 2, "type": "message", "date": "2021-11-08T12:30:00", "date_unixtime": "1636374600",
             "from": "Test Channel", "from_id": "channel1001234567",
             "text": ["The spokeswoman said ", {"type": "bold", "text": "the border"},
                      " is calm. Details: ", {"type": "text_link", "text": "here", "href": "https://example.invalid/a"},
                      " and ", {"type": "link", "text": "https://example.invalid/b"}],
             "views": 1200},
            {"id": 3, "type": "message", "date": "2021-11-09T08:00:00", "date_unixtime": "1636444800",
             "edited": "2021-11-09T08:10:00", "edited_unixtime": "1636445400",
             "from": "Test Channel", "forwarded_from": "Another Channel",
             "text": "A forwarded post about talks in the capital."},
            {"id": 4, "type": "message", "date": "2021-11-09T09:00:00", "date_unixtime": "1636448400",
             "photo": "photos/photo_1.jpg", "text": ""},
        ],
    }


def test_flatten_text_offsets_match_entities():
    text, ents = flatten_text(telegram_export()["messages"][1]["text"])
    assert text.startswith("The spokeswoman said the border is calm.")
    for ent in ents:
        assert text[ent["start"]:ent["end"]] in ("the border", "here", "https://example.invalid/b")
    assert flatten_text("plain") == ("plain", []) and flatten_text(None) == ("", [])


def test_telegram_export_import(store, fetcher, tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(telegram_export(), ensure_ascii=False), encoding="utf-8")
    source = SourceDef(id="tg", kind="telegram-export", location=str(tmp_path), interval=60, language="en")
    archive = WarcArchive(tmp_path / "data")
    report = poll_source(store, source, fetcher, archive=archive)
    assert report.ok and report.new_items == 2
    docs = {json.loads(d["meta"])["telegram"]["message_id"]: d for d in store.query("SELECT * FROM documents")}
    post = json.loads(docs[2]["meta"])
    assert docs[2]["published"] == "2021-11-08" and docs[2]["outlet"] == "Test Channel"
    assert docs[2]["outlet_type"] == "social"
    assert post["telegram"]["views"] == 1200 and "https://example.invalid/a" in post["links"]
    ent = post["telegram"]["entities"][0]
    assert docs[2]["text"][ent["start"]:ent["end"]] == "the border"
    fwd = json.loads(docs[3]["meta"])
    assert fwd["forwarded_from"] == "Another Channel" and fwd["telegram"]["edited"].startswith("2021-11-09T08:10")
    assert json.loads(read_record(tmp_path / "data", fwd["warc"]))["id"] == 3
    assert poll_source(store, source, fetcher).new_items == 0


def test_telegram_bad_exports(tmp_path):
    from linewatch.sources.telegram import read_export

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json: not a Telegram JSON export"):
        read_export(bad)
    bad.write_text('{"name": "x"}', encoding="utf-8")
    with pytest.raises(InputError, match="no 'messages' list"):
        read_export(bad)


# --------------------------------------------------------------------------- GDELT


def _zip(name: str, rows: list[list[str]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, "".join("\t".join(r) + "\n" for r in rows))
    return buf.getvalue()


def event_row(eid: str, a1: tuple[str, str, str], a2: tuple[str, str, str], code: str, url: str) -> list[str]:
    row = {c: "" for c in gdelt.EVENT_COLUMNS}
    row.update({"GLOBALEVENTID": eid, "SQLDATE": "20211110", "MonthYear": "202111", "Year": "2021",
                "FractionDate": "2021.8575", "Actor1Code": a1[0], "Actor1Name": a1[1], "Actor1CountryCode": a1[2],
                "Actor2Code": a2[0], "Actor2Name": a2[1], "Actor2CountryCode": a2[2], "IsRootEvent": "1",
                "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2], "QuadClass": "1",
                "GoldsteinScale": "-2.0", "NumMentions": "4", "NumSources": "1", "NumArticles": "4",
                "AvgTone": "-3.5", "ActionGeo_FullName": "Minsk, Belarus", "ActionGeo_CountryCode": "BO",
                "DATEADDED": "20211110120000", "SOURCEURL": url})
    return [row[c] for c in gdelt.EVENT_COLUMNS]


def test_gdelt_events_filtered_and_stored(store, fetcher, tmp_path):
    assert len(gdelt.EVENT_COLUMNS) == 61 and len(gdelt.MENTION_COLUMNS) == 16 and len(gdelt.GKG_COLUMNS) == 27
    rows = [
        event_row("1001", ("RUS", "RUSSIA", "RUS"), ("BLR", "BELARUS", "BLR"), "042", "https://example.invalid/x1"),
        event_row("1002", ("USA", "UNITED STATES", "USA"), ("CAN", "CANADA", "CAN"), "036", "https://example.invalid/x2"),
        event_row("1003", ("POL", "POLAND", "POL"), ("BLR", "BELARUS", "BLR"), "173", "https://example.invalid/x1"),
    ]
    folder = tmp_path / "gdelt"
    folder.mkdir()
    (folder / "20211110120000.export.CSV.zip").write_bytes(_zip("20211110120000.export.CSV", rows))
    source = SourceDef(id="gd", kind="gdelt-events", location=str(folder), interval=900,
                       filters={"actors": ["BLR"]})
    report = poll_source(store, source, fetcher)
    assert report.ok and report.new_items == 2 and report.events == 2
    events = {e["id"]: e for e in store.query("SELECT * FROM events")}
    assert len(events) == 2
    by_code = {json.loads(e["extra"])["cameo"]: e for e in events.values()}
    consult = by_code["042"]
    assert consult["plover"] == "CONSULT" and consult["source"] == "RUSSIA" and consult["target"] == "BELARUS"
    assert consult["date"] == "2021-11-10" and consult["extractor"] == "gdelt"
    assert json.loads(consult["extra"])["source_url"] == "https://example.invalid/x1"
    assert by_code["173"]["plover"] in ("COERCE", "ASSAULT")
    # Both events cite the same article: one light document.
    assert store.scalar("SELECT COUNT(*) AS n FROM documents") == 1
    assert poll_source(store, source, fetcher).new_items == 0
    # A file of the wrong kind is one clear error, not a crash.
    bad = SourceDef(id="gd-bad", kind="gdelt-gkg", location=str(folder), interval=900)
    failed = poll_source(store, bad, fetcher)
    assert not failed.ok and "columns" in failed.error


def test_gdelt_gkg_themes_and_mentions(store, fetcher, tmp_path):
    gkg = {c: "" for c in gdelt.GKG_COLUMNS}
    gkg.update({"GKGRECORDID": "20211110120000-1", "DATE": "20211110120000", "SourceCollectionIdentifier": "1",
                "SourceCommonName": "example.invalid", "DocumentIdentifier": "https://example.invalid/g1",
                "Themes": "REFUGEES;BORDER;", "V2Themes": "REFUGEES,10;BORDER,40;",
                "Locations": "1#Belarus#BO#BO#53#28#BO", "Persons": "alexander lukashenko",
                "V2Tone": "-4.1,1,5,6,10,0,300"})
    other = dict(gkg, GKGRECORDID="20211110120000-2", DocumentIdentifier="https://example.invalid/g2",
                 Themes="SPORTS;", V2Themes="SPORTS,3;")
    path = tmp_path / "20211110120000.gkg.csv.zip"
    path.write_bytes(_zip("20211110120000.gkg.csv", [[r[c] for c in gdelt.GKG_COLUMNS] for r in (gkg, other)]))
    source = SourceDef(id="gkg", kind="gdelt-gkg", location=str(path), interval=900,
                       filters={"themes": ["REFUGEE"], "countries": ["BO"]})
    report = poll_source(store, source, fetcher)
    assert report.ok and report.new_items == 1
    meta = json.loads(store.query_one("SELECT meta FROM documents")["meta"])
    assert meta["light"] and meta["gdelt"]["themes"] == ["BORDER", "REFUGEES"]

    mention = {c: "" for c in gdelt.MENTION_COLUMNS}
    mention.update({"GLOBALEVENTID": "1001", "EventTimeDate": "20211110120000", "MentionTimeDate": "20211110121500",
                    "MentionType": "1", "MentionSourceName": "example.invalid",
                    "MentionIdentifier": "https://example.invalid/m1", "Confidence": "80"})
    mpath = tmp_path / "m.mentions.CSV.zip"
    mpath.write_bytes(_zip("m.mentions.CSV", [[mention[c] for c in gdelt.MENTION_COLUMNS]]))
    msrc = SourceDef(id="men", kind="gdelt-mentions", location=str(mpath), interval=900)
    assert poll_source(store, msrc, fetcher).new_items == 1


def test_gdelt_doc_api_and_lastupdate(store, fetcher, tmp_path):
    server = LocalServer()
    try:
        server.routes["/robots.txt"] = Route(404, b"")
        server.routes["/api/v2/doc/doc"] = Route(200, json.dumps({"articles": [
            {"url": "https://example.invalid/d1", "title": "Border talks", "seendate": "20211110T120000Z",
             "domain": "example.invalid", "language": "English", "sourcecountry": "Poland"},
            {"url": "https://example.invalid/d2", "title": "Second", "seendate": "20211111T080000Z",
             "domain": "example.invalid", "language": "English", "sourcecountry": "Poland"},
        ]}).encode(), {"Content-Type": "application/json"})
        url = gdelt.doc_api_url(server.url("/api/v2/doc/doc"), "belarus border", max_records=50)
        assert "mode=artlist" in url and "format=json" in url
        doc_src = SourceDef(id="docapi", kind="gdelt-doc", location=url, interval=900)
        rep = poll_source(store, doc_src, fetcher)
        assert rep.ok and rep.new_items == 2
        assert {r["title"] for r in store.query("SELECT title FROM documents")} == {"Border talks", "Second"}

        rows = [event_row("2001", ("RUS", "RUSSIA", "RUS"), ("POL", "POLAND", "POL"), "112", "https://example.invalid/e")]
        server.routes["/gdeltv2/20211110120000.export.CSV.zip"] = Route(200, _zip("x.export.CSV", rows),
                                                                         {"Content-Type": "application/zip"})
        listing = (f"100 abc {server.url('/gdeltv2/20211110120000.export.CSV.zip')}\n"
                   f"100 def {server.url('/gdeltv2/20211110120000.mentions.CSV.zip')}\n")
        server.routes["/gdeltv2/lastupdate.txt"] = Route(200, listing.encode(), {"Content-Type": "text/plain"})
        live = SourceDef(id="gdlive", kind="gdelt-events", location=server.url("/gdeltv2/lastupdate.txt"),
                         interval=900)
        rep = poll_source(store, live, fetcher)
        assert rep.ok and rep.events == 1
        assert store.query_one("SELECT plover FROM events WHERE source = 'RUSSIA'")["plover"] in ("ACCUSE", "DISAPPROVE")
    finally:
        server.close()


# --------------------------------------------------------------------------- definitions


def test_definitions_yaml_and_toml(tmp_path):
    y = tmp_path / "sources.yaml"
    y.write_text(
        "sources:\n"
        "  - id: mfa\n    kind: rss\n    location: https://example.invalid/rss\n    language: ru\n"
        "    outlet: Test MFA\n    outlet_type: state_media\n    interval: 15m\n"
        "  - id: tg\n    kind: telegram-export\n    location: exports/channel\n    interval: 1h\n"
        "    enabled: false\n",
        encoding="utf-8",
    )
    defs = load_sources(y)
    assert [d.id for d in defs] == ["mfa", "tg"]
    assert defs[0].interval == 900 and defs[0].outlet_type == "state media" and defs[0].line == 2
    assert defs[1].interval == 3600 and defs[1].enabled is False
    t = tmp_path / "sources.toml"
    t.write_text('[[sources]]\nid = "wire"\nkind = "atom"\nlocation = "https://example.invalid/atom"\n'
                 'interval = 300\nmax_items = 50\n', encoding="utf-8")
    assert load_sources(t)[0].max_items == 50


@pytest.mark.parametrize("body, message", [
    ("sources:\n  - id: a\n    kind: rss\n    location: https://x.invalid/\n  - id: b\n    kind: podcast\n"
     "    location: https://x.invalid/\n", r"sources.yaml:5: source b: kind 'podcast'"),
    ("sources:\n  - id: a\n    kind: rss\n    location: ftp://x.invalid/\n", r"sources.yaml:2: .*http\(s\) URL"),
    ("sources:\n  - id: a\n    kind: rss\n    location: https://x.invalid/\n    interval: often\n", r":2: .*interval"),
    ("sources:\n  - id: a\n    kind: rss\n    location: https://x.invalid/\n    colour: red\n", r"unknown key"),
    ("sources:\n  - id: a\n    kind: rss\n    location: https://x.invalid/\n"
     "  - id: a\n    kind: rss\n    location: https://x.invalid/\n", r":5: duplicate source id"),
    ("sources:\n  - id: a\n    kind: [rss\n", r"sources.yaml:\d+: invalid YAML"),
    ("sources:\n  - id: a\n    kind: rss\n    location: https://x.invalid/\n    outlet_type: blog\n", r"outlet_type"),
])
def test_definition_errors_name_file_and_line(tmp_path, body, message):
    path = tmp_path / "sources.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_sources(path)


def test_watch_once_with_telegram_and_gdelt_sources(store, fetcher, tmp_path):
    (tmp_path / "result.json").write_text(json.dumps(telegram_export()), encoding="utf-8")
    defs = [SourceDef(id="tg", kind="telegram-export", location=str(tmp_path / "result.json"), interval=60),
            SourceDef(id="missing", kind="gdelt-events", location=str(tmp_path / "nope"), interval=60)]
    result = watch(store, defs, fetcher=fetcher, once=True, process=lambda st: 0)
    by = {p.source_id: p for p in result.polls}
    assert by["tg"].new_items == 2 and not by["missing"].ok and "no such GDELT" in by["missing"].error


def test_sources_add_keeps_comments_and_resolves_paths(tmp_path):
    from linewatch.sources.definitions import add_source_yaml

    path = tmp_path / "sources.yaml"
    path.write_text("# my sources\nsources:\n  - id: a\n    kind: rss\n    location: https://x.invalid/\n",
                    encoding="utf-8")
    add_source_yaml(path, {"id": "tg", "kind": "telegram-export", "location": "exports/ch", "interval": "1h"})
    assert path.read_text(encoding="utf-8").startswith("# my sources\n")
    defs = load_sources(path)
    assert [d.id for d in defs] == ["a", "tg"] and defs[1].location == str((tmp_path / "exports/ch").resolve())
    with pytest.raises(InputError, match="already exists"):
        add_source_yaml(path, {"id": "a", "kind": "rss", "location": "https://y.invalid/"})
    with pytest.raises(InputError, match="kind"):
        add_source_yaml(path, {"id": "b", "kind": "fax", "location": "x"})
    assert len(load_sources(path)) == 2


def test_cli_sources_init_add_watch_health(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from linewatch.cli.main import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LINEWATCH_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "result.json").write_text(json.dumps(telegram_export()), encoding="utf-8")
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    assert runner.invoke(app, ["sources", "init", "s.yaml"]).exit_code == 0
    added = runner.invoke(app, ["sources", "add", "tg", "--kind", "telegram-export", "--location", "export",
                                "--sources", "s.yaml"])
    assert added.exit_code == 0, added.output
    watched = runner.invoke(app, ["watch", "--once", "--no-process", "--sources", "s.yaml", "--db", db])
    assert watched.exit_code == 0, watched.output
    assert "1 sources polled, 2 new items, 0 failed" in watched.output
    health = runner.invoke(app, ["sources", "health", "--json", "--db", db])
    rows = json.loads(health.output)
    assert rows[0]["id"] == "tg" and rows[0]["status"] == "ok" and rows[0]["items"] == 2


def test_gdelt_events_survive_reprocessing(store, fetcher, tmp_path):
    from linewatch.model import DocumentAnalysis

    path = tmp_path / "e.export.CSV.zip"
    path.write_bytes(_zip("e.export.CSV", [event_row("3001", ("RUS", "RUSSIA", "RUS"), ("BLR", "BELARUS", "BLR"),
                                                     "042", "https://example.invalid/r")]))
    poll_source(store, SourceDef(id="gdr", kind="gdelt-events", location=str(path), interval=900), fetcher)
    doc_id = store.query_one("SELECT id FROM documents")["id"]
    store.save_analysis(DocumentAnalysis(doc_id=doc_id, pipeline_version="test"))  # what `linewatch run` does
    assert store.scalar("SELECT COUNT(*) AS n FROM events WHERE extractor = 'gdelt'") == 1
