"""Synthetic, demo-like records for dashboard tests and the web benchmark (not installed:
tests/conftest.py puts benchmarks/ on sys.path, bench_web.py runs from here).

Writes documents, statements, events, narrative matches, story groups,
scenario weights/evidence, alerts, sources and actors straight into the
store's tables (executemany in large transactions), so the dashboard can be
exercised without the NLP pipeline. All sentences are generated from the
templates below; offsets are computed while the text is built, so every
highlight points at exactly the right characters. `hostile=True` adds one
document whose every field carries script, event-handler and javascript: payloads.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from linewatch.model import content_hash, stable_id
from linewatch.store.queries.search import index_words

# (id, canonical name, country, role, {lang: surface form})
SPEAKERS = [
    ("sergei-lavrov", "Sergei Lavrov", "RUS", "Minister of Foreign Affairs", {"en": "Sergei Lavrov", "ru": "Сергей Лавров", "pl": "Siergiej Ławrow"}),
    ("dmitry-peskov", "Dmitry Peskov", "RUS", "Kremlin spokesman", {"en": "Dmitry Peskov", "ru": "Дмитрий Песков", "pl": "Dmitrij Pieskow"}),
    ("maria-zakharova", "Maria Zakharova", "RUS", "MFA spokeswoman", {"en": "Maria Zakharova", "ru": "Мария Захарова", "pl": "Maria Zacharowa"}),
    ("vladimir-putin", "Vladimir Putin", "RUS", "President", {"en": "Vladimir Putin", "ru": "Владимир Путин", "pl": "Władimir Putin"}),
    ("alexander-lukashenko", "Alexander Lukashenko", "BLR", "President", {"en": "Alexander Lukashenko", "ru": "Александр Лукашенко", "pl": "Aleksandr Łukaszenka"}),
    ("mateusz-morawiecki", "Mateusz Morawiecki", "POL", "Prime Minister", {"en": "Mateusz Morawiecki", "ru": "Матеуш Моравецкий", "pl": "Mateusz Morawiecki"}),
    ("mariusz-blaszczak", "Mariusz Błaszczak", "POL", "Minister of National Defence", {"en": "Mariusz Błaszczak", "ru": "Мариуш Блащак", "pl": "Mariusz Błaszczak"}),
    ("ursula-von-der-leyen", "Ursula von der Leyen", "EU", "President of the European Commission", {"en": "Ursula von der Leyen", "ru": "Урсула фон дер Ляйен", "pl": "Ursula von der Leyen"}),
    ("gitanas-nauseda", "Gitanas Nausėda", "LTU", "President", {"en": "Gitanas Nausėda", "ru": "Гитанас Науседа", "pl": "Gitanas Nausėda"}),
    ("josep-borrell", "Josep Borrell", "EU", "High Representative", {"en": "Josep Borrell", "ru": "Жозеп Боррель", "pl": "Josep Borrell"}),
]
TARGETS = {
    "Poland": {"en": "Poland", "ru": "Польша", "pl": "Polska"},
    "Belarus": {"en": "Belarus", "ru": "Белоруссия", "pl": "Białoruś"},
    "European Union": {"en": "the European Union", "ru": "Евросоюз", "pl": "Unia Europejska"},
    "United States": {"en": "the United States", "ru": "США", "pl": "Stany Zjednoczone"},
    "Lithuania": {"en": "Lithuania", "ru": "Литва", "pl": "Litwa"},
    "NATO": {"en": "NATO", "ru": "НАТО", "pl": "NATO"},
    "Russia": {"en": "Russia", "ru": "Россия", "pl": "Rosja"},
}
# stance, plover, narrative, {lang: (cue, rest-of-sentence template with {t})}
CLAIMS = [
    ("oppose", "ACCUSE", "west-hypocrisy", {"en": ("said", "that {t} was applying double standards to the people stuck at the border"),
                                            "ru": ("заявил", "что {t} применяет двойные стандарты к людям на границе"),
                                            "pl": ("powiedział", "że {t} stosuje podwójne standardy wobec ludzi na granicy")}),
    ("oppose", "ACCUSE", "humanitarian-failure-eu", {"en": ("accused", "{t} of pushing families back into the forest in freezing weather"),
                                                     "ru": ("обвинил", "{t} в том, что семьи выталкивают обратно в лес в мороз"),
                                                     "pl": ("oskarżył", "{t} o wypychanie rodzin z powrotem do lasu w mróz")}),
    ("support", "SUPPORT", "belarus-acts-lawfully", {"en": ("stressed", "that {t} was acting within the law and deserved understanding"),
                                                     "ru": ("подчеркнул", "что {t} действует в рамках закона и заслуживает понимания"),
                                                     "pl": ("podkreślił", "że {t} działa zgodnie z prawem i zasługuje na zrozumienie")}),
    ("oppose", "DEMAND", "migrants-as-weapon", {"en": ("demanded", "that {t} stop using migrants as a weapon against its neighbours"),
                                                "ru": ("потребовал", "чтобы {t} прекратил использовать мигрантов как оружие"),
                                                "pl": ("zażądał", "aby {t} przestał używać migrantów jako broni")}),
    ("neutral", "CONSULT", None, {"en": ("noted", "that talks with {t} on the border situation would continue next week"),
                                  "ru": ("отметил", "что переговоры с {t} о ситуации на границе продолжатся"),
                                  "pl": ("zaznaczył", "że rozmowy z {t} o sytuacji na granicy będą kontynuowane")}),
    ("support", "SUPPORT", None, {"en": ("said", "that {t} could count on full solidarity in protecting the border"),
                                  "ru": ("сказал", "что {t} может рассчитывать на полную солидарность"),
                                  "pl": ("powiedział", "że {t} może liczyć na pełną solidarność w ochronie granicy")}),
]
EVENTS = [
    ("CONSULT", "phone", 3.0, "held a telephone conversation with"),
    ("MOBILIZE", "deploy", -4.0, "sent additional troops toward"),
    ("SANCTION", "sanction", -5.0, "announced new sanctions against"),
    ("AID", "humanitarian", 4.0, "delivered humanitarian aid to"),
]
OUTLETS = [("TASS", "state media", "ru"), ("RIA Novosti", "state media", "ru"), ("Reuters", "wire", "en"),
           ("BBC", "independent", "en"), ("PAP", "wire", "pl"), ("Gazeta Wyborcza", "independent", "pl"),
           ("MFA Russia", "official", "ru"), ("Kremlin.ru", "official", "ru"), ("Notes from Poland", "independent", "en")]
DATELINE = {"en": "Minsk/Warsaw, ", "ru": "Москва, ", "pl": "Warszawa, "}
TITLE = {"en": "Border crisis: {s} on {t}", "ru": "Кризис на границе: {s} о {t}", "pl": "Kryzys na granicy: {s} o {t}"}
SCENARIOS = ("escalation", "frozen-standoff", "de-escalation")

HOSTILE_SCRIPT = '<script>window.__lw_pwned = "script"; alert("xss")</script>'
HOSTILE_IMG = '<img src=x onerror="window.__lw_pwned = \'img\'; alert(1)">'
HOSTILE_LINK = '<a href="javascript:alert(2)">click me</a>'
HOSTILE_CLOSE = '</script><script>window.__lw_pwned = "close"</script>'


@dataclass
class SampleInfo:
    """What was generated (ids the tests need)."""

    documents: int = 0
    statements: int = 0
    events: int = 0
    first_day: str = ""
    last_day: str = ""
    hostile_doc: str | None = None
    hostile_statement: str | None = None
    example_statement: str | None = None


DOC_COLS = ("id", "content_hash", "url", "title", "outlet", "outlet_type", "language", "published", "text", "source",
            "ingested_at", "meta", "processed_version", "processed_at")
ST_COLS = ("id", "doc_id", "speaker", "speaker_id", "speaker_mention", "speaker_start", "speaker_end", "speaker_role",
           "speaker_org", "speaker_country", "cue", "cue_start", "cue_end", "content", "content_start", "content_end",
           "kind", "date", "date_confidence", "date_evidence", "target", "target_id", "target_start", "target_end",
           "stance", "stance_confidence", "plover", "sentence", "sentence_start", "sentence_end", "confidence",
           "extractor", "extractor_version", "extra")
EV_COLS = ("id", "doc_id", "plover", "mode", "source", "target", "participants", "date", "date_confidence", "span_start",
           "span_end", "trigger", "trigger_start", "trigger_end", "scale", "sentence", "confidence", "extractor",
           "extractor_version", "extra")
NM_COLS = ("id", "doc_id", "statement_id", "taxonomy", "narrative_id", "score", "span_start", "span_end", "sentence",
           "explanation", "extractor", "extractor_version")


def _insert(cols: tuple[str, ...], table: str) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"


class _Builder:
    """Builds one document text piece by piece, remembering offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _document(i: int, day: date, rng: random.Random, now: str) -> tuple[list[Any], list[list[Any]], list[list[Any]], list[list[Any]]]:
    outlet, otype, lang = OUTLETS[i % len(OUTLETS)]
    b = _Builder()
    n_claims = 2 + i % 3
    st_rows: list[list[Any]] = []
    nm_rows: list[list[Any]] = []
    first_speaker = first_target = ""
    b.add(DATELINE[lang] + day.isoformat() + f" (#{i + 1}). ")  # the number keeps every text unique
    pending: list[dict[str, Any]] = []
    for k in range(n_claims):
        sp = SPEAKERS[(i * 7 + k * 3 + rng.randrange(3)) % len(SPEAKERS)]
        tname = list(TARGETS)[(i + k * 5 + rng.randrange(2)) % len(TARGETS)]
        stance, plover, narrative, forms = CLAIMS[(i * 5 + k + rng.randrange(2)) % len(CLAIMS)]
        cue, rest = forms[lang]
        s_start = b.pos
        sp_span = b.add(sp[4][lang])
        b.add(", " + sp[3] + ", ")
        cue_span = b.add(cue)
        b.add(" ")
        before, after = rest.split("{t}")
        c_start = b.pos
        b.add(before)
        t_span = b.add(TARGETS[tname][lang])
        b.add(after)
        c_end = b.pos
        b.add(".")
        s_end = b.pos
        b.add(" ")
        first_speaker = first_speaker or sp[1]
        first_target = first_target or tname
        pending.append(dict(sp=sp, tname=tname, stance=stance, plover=plover, narrative=narrative, cue=cue,
                            s=(s_start, s_end), spk=sp_span, cue_span=cue_span, c=(c_start, c_end), t=t_span))
    ev_spec = EVENTS[i % len(EVENTS)]
    src = SPEAKERS[(i * 3) % len(SPEAKERS)]
    dst = list(TARGETS)[(i * 2) % len(TARGETS)]
    e_start = b.pos
    b.add(src[4][lang] + " ")
    trig = b.add(ev_spec[3])
    b.add(" " + TARGETS[dst][lang] + ".")
    e_end = b.pos
    text = b.text
    doc_id = content_hash(text)[:16]
    title = TITLE[lang].format(s=first_speaker, t=first_target)
    doc = [doc_id, content_hash(text), f"https://example.org/{outlet.lower().replace(' ', '-')}/{i}", title, outlet, otype,
           lang, day.isoformat(), text, "sample", now, "{}", "sample/1", now]
    for p in pending:
        sid = stable_id("statement", doc_id, p["c"][0], p["c"][1])
        sentence = text[p["s"][0]:p["s"][1]]
        st_rows.append([sid, doc_id, p["sp"][1], p["sp"][0], text[p["spk"][0]:p["spk"][1]], p["spk"][0], p["spk"][1],
                        p["sp"][3], None, p["sp"][2], p["cue"], p["cue_span"][0], p["cue_span"][1],
                        text[p["c"][0]:p["c"][1]], p["c"][0], p["c"][1], "indirect", day.isoformat(), 0.9, "document date",
                        p["tname"], None, p["t"][0], p["t"][1], p["stance"], 0.8, p["plover"], sentence, p["s"][0],
                        p["s"][1], round(0.55 + rng.random() * 0.4, 3), "sample", "1", "{}"])
        if p["narrative"]:
            nm_rows.append([stable_id("narrative", doc_id, sid, p["narrative"], p["s"][0]), doc_id, sid, "sample",
                            p["narrative"], 0.8, p["s"][0], p["s"][1], sentence, '{"why": "sample"}', "sample", "1"])
    ev_row = [stable_id("event", doc_id, e_start, e_end, ev_spec[0], day.isoformat()), doc_id, ev_spec[0], ev_spec[1],
              src[1], dst, json.dumps([src[1], dst]), day.isoformat(), 0.8, e_start, e_end, ev_spec[3], trig[0], trig[1],
              ev_spec[2], text[e_start:e_end], 0.8, "sample", "1", "{}"]
    return doc, st_rows, [ev_row], nm_rows


def _hostile(day: date, now: str) -> tuple[list[Any], list[list[Any]], list[list[Any]], list[list[Any]]]:
    b = _Builder()
    b.add(HOSTILE_SCRIPT + " Breaking: ")
    s_start = b.pos
    spk = b.add(HOSTILE_IMG)
    b.add(" ")
    cue = b.add("said")
    b.add(" ")
    c_start = b.pos
    b.add("that " + HOSTILE_LINK + " and " + HOSTILE_CLOSE + " were harmless")
    c_end = b.pos
    b.add(".")
    s_end = b.pos
    b.add(" Ответ: «кириллица» & ampersands \u2028 line separator.")
    text = b.text
    doc_id = content_hash(text)[:16]
    title = HOSTILE_SCRIPT + HOSTILE_IMG
    doc = [doc_id, content_hash(text), "javascript:alert(4)", title, "<b>Evil</b> Outlet", "social", "en", day.isoformat(),
           text, "sample", now, "{}", "sample/1", now]
    speaker = HOSTILE_IMG
    sid = stable_id("statement", doc_id, c_start, c_end)
    st = [sid, doc_id, speaker, None, text[spk[0]:spk[1]], spk[0], spk[1], HOSTILE_SCRIPT, None, "XXX", "said", cue[0],
          cue[1], text[c_start:c_end], c_start, c_end, "indirect", day.isoformat(), 0.9, HOSTILE_LINK,
          HOSTILE_CLOSE, None, None, None, "oppose", 0.8, "ACCUSE", text[s_start:s_end], s_start, s_end, 0.99,
          "sample", "1", "{}"]
    nm = [stable_id("narrative", doc_id, sid, "x", s_start), doc_id, sid, "sample", "<svg onload=alert(7)>", 0.9, s_start,
          s_end, text[s_start:s_end], "{}", "sample", "1"]
    return doc, [st], [], [nm]


def populate(store: Any, n_docs: int, *, start: date = date(2021, 8, 1), days: int = 180, seed: int = 7,
             hostile: bool = False, batch: int = 5000) -> SampleInfo:
    """Insert n_docs generated documents with their records; returns ids the tests need."""
    rng = random.Random(seed)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    info = SampleInfo(first_day=start.isoformat(), last_day=(start + timedelta(days=days - 1)).isoformat())
    docs: list[list[Any]] = []
    sts: list[list[Any]] = []
    evs: list[list[Any]] = []
    nms: list[list[Any]] = []
    members: list[list[Any]] = []
    groups: list[list[Any]] = []

    def flush() -> None:
        with store.transaction():
            store.executemany(_insert(DOC_COLS, "documents"), docs)
            index_words(store, [(f"{d[DOC_COLS.index('title')]} {d[DOC_COLS.index('text')]}", d[DOC_COLS.index('language')])
                                for d in docs])
            store.executemany(_insert(ST_COLS, "statements"), sts)
            store.executemany(_insert(EV_COLS, "events"), evs)
            store.executemany(_insert(NM_COLS, "narrative_matches"), nms)
            store.executemany("INSERT INTO story_groups (id, first_doc_id, first_seen, size, label) VALUES (?, ?, ?, ?, ?)", groups)
            store.executemany("INSERT INTO story_members (group_id, doc_id, relation, similarity) VALUES (?, ?, ?, ?)", members)
        info.documents += len(docs)
        info.statements += len(sts)
        info.events += len(evs)
        for lst in (docs, sts, evs, nms, members, groups):
            lst.clear()

    group_id = None
    for i in range(n_docs):
        day = start + timedelta(days=(i * days) // max(n_docs, 1))
        doc, st, ev, nm = _document(i, day, rng, now)
        docs.append(doc)
        sts += st
        evs += ev
        nms += nm
        if info.example_statement is None and st:
            info.example_statement = st[0][0]
        if i % 5 == 0:  # every five consecutive documents retell one story
            group_id = stable_id("story", doc[0])
            groups.append([group_id, doc[0], doc[7], 5, doc[3]])
            members.append([group_id, doc[0], "origin", 1.0])
        else:
            members.append([group_id, doc[0], "near", 0.9])
        if len(docs) >= batch:
            flush()
    if hostile:
        doc, st, ev, nm = _hostile(start + timedelta(days=days - 1), now)
        docs.append(doc)
        sts += st
        nms += nm
        info.hostile_doc, info.hostile_statement = doc[0], st[0][0]
    flush()
    _extras(store, start, days, now, hostile, info)
    return info


def _extras(store: Any, start: date, days: int, now: str, hostile: bool, info: SampleInfo) -> None:
    """Actors, scenario weights and evidence, alerts and sources."""
    with store.transaction():
        store.executemany(
            "INSERT INTO actors (id, name, type, country, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            [[a[0], a[1], "person", a[2], json.dumps({"roles": [{"title": a[3], "country": a[2], "start": "2004-03-09" if a[0] == "sergei-lavrov" else None, "end": None}]})]
             for a in SPEAKERS],
        )
        weights = []
        for d in range(0, days, 7):
            day = (start + timedelta(days=d)).isoformat()
            x = d / max(days, 1)
            probs = {"escalation": 0.2 + 0.4 * x, "frozen-standoff": 0.5 - 0.2 * x, "de-escalation": 0.3 - 0.2 * x}
            for sid, p in probs.items():
                weights.append(["border-2021", sid, day, 0.0, round(p, 3), None, json.dumps({"why": "sample"}), now])
        store.executemany(
            "INSERT INTO scenario_weights (scenario_set, scenario_id, as_of, log_odds, probability, consistency, reason, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", weights)
        rows = store.query("SELECT id, doc_id, date FROM statements WHERE plover = 'DEMAND' ORDER BY date DESC LIMIT 5", [])
        store.executemany(
            "INSERT INTO scenario_evidence (id, scenario_set, indicator_id, item_kind, item_id, doc_id, date, detail, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[stable_id("ev", r["id"]), "border-2021", "demands-on-minsk", "statement", r["id"], r["doc_id"], r["date"],
              json.dumps({"effects": {"escalation": "+", "de-escalation": "−"}}), now] for r in rows],
        )
        alerts = [["leading_scenario", now, info.last_day, "Escalation is now the leading scenario", "{}"],
                  ["source_error", now, info.last_day, "Feed example.org returned 503 three times", "{}"]]
        if hostile:
            alerts.append(["indicator_fired", now, info.last_day, HOSTILE_SCRIPT + HOSTILE_IMG, "{}"])
        store.executemany("INSERT INTO alerts (kind, created_at, as_of, message, ref) VALUES (?, ?, ?, ?, ?)", alerts)
        sources = [["tass-rss", "rss", "https://example.org/tass.xml", "{}", now, None, now, None, None, 0, None, 120],
                   ["mfa-telegram", "telegram", "mfa_russia", "{}", now, None, now, None, None, 0, None, 45]]
        if hostile:
            sources.append(["evil", "page", "javascript:alert(9)", "{}", now, None, None, None, None, 3, HOSTILE_IMG, 0])
        store.executemany(
            "INSERT INTO sources (id, kind, location, config, last_run, next_run, last_ok, etag, last_modified, errors,"
            " last_error, items_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sources)
