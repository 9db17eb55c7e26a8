"""Views never show a header line (TITLE:/DATE:/URL:/NOTE:) as article text or as a speaker, and
never offer junk speakers in the dropdowns."""
from __future__ import annotations

import re
from datetime import date

import pytest

from linewatch.model import Document, is_header_line

HEADER = "TITLE: Border talks\nDATE: 2021-11-09\nURL: https://news.example/a\nNOTE: test\n\n"
BODY = "Sergei Lavrov said the EU was to blame. NEW YORK said it was calm. The border was quiet."


@pytest.fixture()
def client(tmp_path):
    from fastapi.testclient import TestClient

    from linewatch.store import open_store
    from linewatch.web.app import create_app

    store = open_store(str(tmp_path / "h.db"))
    doc = Document(text=HEADER + BODY, title="Border talks", language="en", published=date(2021, 11, 9), source="t",
                   meta={"header_end": len(HEADER)})
    store.add_document(doc)
    rows = [("a", "Sergei Lavrov", "sergei-lavrov", "the EU was to blame"), ("b", "NEW YORK", None, "it was calm"),
            ("c", "URL: https://news.example/a", None, "NOTE: test")]
    for sid, speaker, speaker_id, content in rows:
        start = (HEADER + BODY).index(content)
        store.execute("INSERT INTO statements (id, doc_id, speaker, speaker_id, content, content_start, content_end,"
                      " date, stance, target) VALUES (?, ?, ?, ?, ?, ?, ?, '2021-11-09', 'oppose', 'European Union')",
                      [sid, doc.id, speaker, speaker_id, content, start, start + len(content)])
    return TestClient(create_app(store)), doc


def test_header_lines_are_metadata_not_article_text(client) -> None:
    c, doc = client
    html = c.get(f"/document/{doc.id}").text
    header = re.search(r'<mark class="header"[^>]*>(.*?)</mark>', html, re.S)
    assert header and "URL: https://news.example/a" in header.group(1) and "TITLE: Border talks" in header.group(1)
    body = html[header.end():]
    assert "Sergei Lavrov" in body and "URL: https://news.example" not in body.split("</div>")[0]


def test_header_line_is_never_a_speaker(client) -> None:
    c, _ = client
    st = c.get("/api/statements/c").json()
    assert st["speaker"] is None
    page = c.get("/statement/c").text
    assert re.search(r'class="f-speaker">unknown', page)
    listing = c.get("/statements").text
    assert ">URL: https://news.example/a</a>" not in listing


def test_dropdowns_offer_registry_speakers_only(client) -> None:
    c, _ = client
    html = c.get("/statements").text
    options = re.findall(r'<select name="actor">(.*?)</select>', html, re.S)[0]
    assert "Sergei Lavrov" in options and "NEW YORK" not in options and "URL:" not in options
    # an unregistered name is not shown as a speaker in lists (only in a tooltip and on its statement page)
    assert 'class="speaker unverified"' in html and ">NEW YORK<" not in html and ">NEW YORK?<" not in html
    assert "NEW YORK" in c.get("/statement/b").text


def test_is_header_line() -> None:
    assert is_header_line("URL: https://x") and is_header_line("title: x") and is_header_line(" NOTE: y")
    assert not is_header_line("Sergei Lavrov") and not is_header_line("Note that the border: calm") and not is_header_line(None)
