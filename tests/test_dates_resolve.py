"""Dates: explicit/relative/weekday expressions in en/ru/pl, and statement dates."""
from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from linewatch.extract.dates import SpanIndex, dateline, find_dates, statement_date
from linewatch.model import Document
from linewatch.nlp.doc import Doc, Token, phrase_heads
from linewatch.nlp.pipeline import Pipeline

ANCHOR = date(2021, 11, 10)  # a Wednesday


def values(text: str, lang: str, anchor: date | None = ANCHOR) -> list[tuple[str, date | None, str]]:
    return [(d.text, d.value, d.kind) for d in find_dates(text, lang, anchor)]


@pytest.mark.parametrize(
    "text,lang,want",
    [
        ("On 1 November the minister spoke.", "en", date(2021, 11, 1)),
        ("On November 8 he spoke.", "en", date(2021, 11, 8)),
        ("on Nov. 8, 2020 he spoke", "en", date(2020, 11, 8)),
        ("the 8th of November", "en", date(2021, 11, 8)),
        ("Dated 8.11.2021.", "en", date(2021, 11, 8)),
        ("1 ноября министр заявил", "ru", date(2021, 11, 1)),
        ("5 ноября 2021 года", "ru", date(2021, 11, 5)),
        ("9 listopada minister powiedział", "pl", date(2021, 11, 9)),
        ("10 listopada 2021 r.", "pl", date(2021, 11, 10)),
        ("On 28 December he spoke", "en", date(2020, 12, 28)),  # a day without year lies in the past
    ],
)
def test_explicit_dates(text: str, lang: str, want: date) -> None:
    got = find_dates(text, lang, ANCHOR)
    assert got and got[0].value == want
    assert text[got[0].start : got[0].end] == got[0].text


def test_coordinated_days_are_separate_mentions() -> None:
    got = values("calls with Putin on 4 and 9 November.", "en")
    assert [v for _, v, _ in got] == [date(2021, 11, 4), date(2021, 11, 9)]
    assert got[1][0] == "9 November"  # the sentence's full stop is not part of it


@pytest.mark.parametrize(
    "text,lang,want",
    [
        ("On Friday he said", "en", date(2021, 11, 5)),
        ("On Wednesday he said", "en", date(2021, 11, 10)),  # the document's own day
        ("в понедельник он заявил", "ru", date(2021, 11, 8)),
        ("we wtorek powiedział", "pl", date(2021, 11, 9)),
        ("w piątek powiedział", "pl", date(2021, 11, 5)),
        ("yesterday he said", "en", date(2021, 11, 9)),
        ("вчера он заявил", "ru", date(2021, 11, 9)),
        ("wczoraj powiedział", "pl", date(2021, 11, 9)),
        ("today he said", "en", date(2021, 11, 10)),
        ("next Monday he will", "en", date(2021, 11, 15)),
    ],
)
def test_weekdays_and_relative_words(text: str, lang: str, want: date) -> None:
    got = find_dates(text, lang, ANCHOR)
    assert got and got[0].value == want, got


def test_same_day_takes_the_previous_date() -> None:
    for text, lang in (
        ("On 8 November X spoke. On the same day Y spoke.", "en"),
        ("8 ноября X заявил. В тот же день Y заявил.", "ru"),
        ("8 listopada X powiedział. Tego samego dnia Y powiedział.", "pl"),
    ):
        got = find_dates(text, lang, ANCHOR)
        assert got[-1].kind == "same_day" and got[-1].value == date(2021, 11, 8), (lang, got)


def test_no_anchor_leaves_yearless_dates_unresolved() -> None:
    assert find_dates("On 1 November", "en", None)[0].value is None
    assert find_dates("31 listopada", "pl", ANCHOR) == []  # no such day


def _doc(text: str, lang: str = "en", published: date | None = ANCHOR) -> Doc:
    return Pipeline(names=("segment", "dates"))(Doc(Document(text, language=lang, published=published)))


def test_statement_date_in_sentence_paragraph_and_document() -> None:
    text = (
        "On 1 November, the minister said that talks had failed. He added that more would come.\n\n"
        "The spokesman said the border was calm."
    )
    doc = _doc(text)
    first = text.index("talks")
    assert statement_date(doc, (first, first + 5), None)[0] == date(2021, 11, 1)
    second = text.index("more would")
    value, conf, evidence = statement_date(doc, (second, second + 10), None)
    assert value == date(2021, 11, 1) and "paragraph" in evidence
    third = text.index("the border")
    value, conf2, evidence = statement_date(doc, (third, third + 10), None)
    assert value == ANCHOR and evidence == "document date" and conf2 < conf


def test_statement_date_ignores_dates_inside_content() -> None:
    text = "The minister said that on Friday 195 people tried to cross."
    doc = _doc(text)
    content = (text.index("on Friday"), len(text) - 1)
    value, _, evidence = statement_date(doc, (0, len(text)), None, content=content)
    assert value == ANCHOR and evidence == "document date"


def test_same_day_statement_uses_previous() -> None:
    text = "On the same day, the spokeswoman stated that nothing changed."
    doc = _doc(text)
    assert statement_date(doc, (30, 50), date(2021, 11, 8))[0] == date(2021, 11, 8)


def test_dateline_beats_publication_date() -> None:
    text = (
        "URL: https://example.org/x\nDATE: 2021-11-09\n\nMINSK, November 8. /AGENCY/. The minister spoke.\n\n"
        "He said things.\n"
    )
    doc = _doc(text, published=date(2021, 11, 9))
    assert dateline(doc) is not None
    i = text.index("things")
    value, _, evidence = statement_date(doc, (i, i + 6), None)
    assert value == date(2021, 11, 8) and evidence.startswith("dateline")


def test_seed_statement_dates(shared_dir: Path) -> None:
    """Every gold statement of the seed gets its gold date (spans from the gold content)."""
    text = (shared_dir / "seed" / "000_9a14ab1a5f4ec8ed.txt").read_text(encoding="utf-8")
    gold = yaml.safe_load((shared_dir / "seed" / "000_9a14ab1a5f4ec8ed.gold.yaml").read_text(encoding="utf-8"))
    doc = _doc(text, published=date(2021, 11, 10))
    previous = None
    for st in gold["statements"]:
        i = text.index(st["content_contains"])
        span = (i, i + len(st["content_contains"]))
        value, _, _ = statement_date(doc, span, previous, content=span)
        previous = value
        assert str(value) == str(st["date"]), st["id"]


def test_dev_statement_dates_mostly_right(shared_dir: Path) -> None:
    ok = total = 0
    for folder in sorted((shared_dir / "seed" / "dev").iterdir()):
        if not (folder / "gold.yaml").exists():
            continue
        text = (folder / "text.txt").read_text(encoding="utf-8")
        gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
        m = re.search(r"^DATE: (\d{4}-\d\d-\d\d)", text, re.M)
        doc = _doc(text, gold["document"]["language"], date.fromisoformat(m.group(1)) if m else None)
        previous = None
        for st in gold["statements"]:
            if st.get("optional"):
                continue
            i = text.index(st["content_contains"])
            span = (i, i + len(st["content_contains"]))
            previous = statement_date(doc, span, previous, content=span)[0]
            ok += str(previous) == str(st.get("date"))
            total += 1
    assert ok / total >= 0.85, (ok, total)


def test_statement_date_skips_dates_after_publication() -> None:
    """A deadline or a date asked about ("after 2 December") is not when the answer was given."""
    text = "Asked whether reporters may return after 2 December, the minister replied that it was too early."
    doc = _doc(text, published=date(2021, 11, 20))
    i = text.index("it was")
    value, _, evidence = statement_date(doc, (0, len(text)), None, content=(i, len(text) - 1))
    assert value == date(2021, 11, 20) and evidence == "document date"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The ministry said that on 3 November soldiers had moved the camp to the river.", "en"),
        ("Министерство сообщило, что 3 ноября военные перенесли лагерь к реке.", "ru"),
        ("Ministerstwo poinformowało, że 3 listopada żołnierze przenieśli obóz nad rzekę.", "pl"),
    ],
)
def test_extracted_statement_is_not_dated_by_its_content(text: str, lang: str) -> None:
    """End to end: the statements stage passes the content, so the date of what is reported
    (inside the content) does not become the date of the saying."""
    pipe = Pipeline(names=("segment", "parse", "mentions", "dates", "statements"))
    doc = pipe(Doc(Document(text, language=lang, published=ANCHOR)))
    assert doc.statements, text
    assert {st.date for st in doc.statements} == {ANCHOR}


def test_same_speaker_later_quote_keeps_the_day_the_text_gave() -> None:
    """'X said on Monday …' then, a paragraph on, '"…," X told reporters': the same occasion.
    Another speaker without a date of his own still gets the publication date."""
    text = (
        "Prime Minister Petteri Orpo said on Monday that the whole border would be closed.\n\n"
        "\u201cWe will not accept any attempt to undermine our security,\u201d Orpo told reporters.\n\n"
        "Interior Minister Mari Rantanen said that the last crossing would close at midnight."
    )
    pipe = Pipeline(names=("segment", "parse", "mentions", "dates", "statements"))
    doc = pipe(Doc(Document(text, language="en", published=ANCHOR)))
    dates = {st.content.split()[-1]: st.date for st in doc.statements}
    monday = date(2021, 11, 8)
    assert dates == {"closed": monday, "security": monday, "midnight": ANCHOR}, dates


@pytest.mark.parametrize(
    "text,lang,want",
    [
        # a future verb earlier in the weekday's clause, or right after it: the coming one
        ("Talks with the delegation will be held on Friday.", "en", date(2021, 11, 12)),
        ("The envoy is due to arrive in the capital on Monday.", "en", date(2021, 11, 15)),
        ("Переговоры с делегацией пройдут в пятницу.", "ru", date(2021, 11, 12)),
        ("В понедельник состоится встреча послов.", "ru", date(2021, 11, 15)),
        ("Rozmowy z delegacją odbędą się w piątek.", "pl", date(2021, 11, 12)),
        ("W poniedziałek odbędzie się spotkanie ambasadorów.", "pl", date(2021, 11, 15)),
        # a future verb in another clause, or after the saying, leaves the weekday in the past
        ("On Friday, the minister said the talks will resume.", "en", date(2021, 11, 5)),
        ("Poland will not yield, the minister said on Friday.", "en", date(2021, 11, 5)),
        ("Переговоры будут продолжены, заявил министр в пятницу.", "ru", date(2021, 11, 5)),
        ("Rozmowy będą kontynuowane, powiedział minister w piątek.", "pl", date(2021, 11, 5)),
    ],
)
def test_future_weekday_resolves_forward(text: str, lang: str, want: date) -> None:
    got = [d for d in find_dates(text, lang, ANCHOR) if d.kind == "weekday"]
    assert got and got[0].value == want, got


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The spokesman, who will meet the envoy on Friday, said that the border was calm.", "en"),
        ("Министр, который намерен в пятницу посетить столицу, заявил, что граница спокойна.", "ru"),
        ("Minister, który będzie w piątek w stolicy, powiedział, że granica jest spokojna.", "pl"),
    ],
)
def test_planned_event_in_neighbouring_clause_does_not_date_the_statement(text: str, lang: str) -> None:
    """'X, who will meet Y on Friday, said …': Friday is the meeting's (a coming day), not the saying's."""
    pipe = Pipeline(names=("segment", "parse", "mentions", "dates", "statements"))
    doc = pipe(Doc(Document(text, language=lang, published=ANCHOR)))
    assert doc.statements, text
    assert {st.date for st in doc.statements} == {ANCHOR}


def test_carried_date_stops_when_the_text_moves_to_another_day() -> None:
    """'X said on Friday …', then Saturday's events, then '"…," X told reporters' with no day of its
    own: the text has moved on, so the statement takes the publication date, not Friday."""
    text = (
        "Prime Minister Petteri Orpo said on Friday that the whole border would be closed.\n\n"
        "On Saturday, hundreds of people gathered at the last open crossing.\n\n"
        "\u201cWe will not accept any attempt to undermine our security,\u201d Orpo told reporters."
    )
    doc = _doc(text)
    i = text.index("We will")
    value, _, evidence = statement_date(doc, (i, len(text)), None, content=(i, i + 20), carried=date(2021, 11, 5))
    assert value == ANCHOR and evidence == "document date", evidence
    # without the Saturday paragraph the same occasion is still carried
    short = text.replace("On Saturday, hundreds of people gathered at the last open crossing.\n\n", "")
    doc = _doc(short)
    i = short.index("We will")
    value, _, _ = statement_date(doc, (i, len(short)), None, content=(i, i + 20), carried=date(2021, 11, 5))
    assert value == date(2021, 11, 5)


def test_span_index_answers_as_a_scan_of_every_span() -> None:
    """Statement dating asks the index, not every earlier content: the same answer, spans added in
    any order, nested, overlapping, and with the spans `under` it."""
    rng = random.Random(7)
    spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 200) for _ in range(60))]
    extra = [(50, 55), (120, 190)]
    index = SpanIndex(under=SpanIndex(extra))
    for k, span in enumerate(spans):
        index.add(span)
        for a in range(0, 230, 3):
            for b in (a + 1, a + 4, a + 12):
                expected = any(x <= a and b <= y for x, y in [*spans[:k + 1], *extra])
                assert index.holds(a, b) == expected, (span, a, b)
    assert not SpanIndex().holds(0, 1)


def test_phrase_heads_are_the_tokens_governed_from_outside() -> None:
    # "the new border rules": "rules" heads the phrase; "said" (outside it) governs it
    toks = [Token(0, 0, 3, "the", head=3), Token(1, 4, 7, "new", head=3), Token(2, 8, 14, "border", head=3),
            Token(3, 15, 20, "rules", head=9)]
    assert [t.text for t in phrase_heads(toks)] == ["rules"]
    assert [t.text for t in phrase_heads(toks[:2])] == ["the", "new"]
