"""The registry's dated roles: well-formed terms, coverage of the offices 2014-2026, titles on a date.

The coverage test walks every day from 2014 to 2026 for each office of each covered state and
asks for a holder. Handovers and short acting terms (up to HANDOVER_DAYS) need no entry; any
longer stretch without a holder must be listed in KNOWN_GAPS, with the reason that the holder
could not be confirmed from a source (or that the office was vacant). A listed gap that the
data now covers fails too, so the list only shrinks.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest

from linewatch.actors.registry import ActorRegistry, get_registry, shared_offices

WINDOW = (date(2014, 1, 1), date(2026, 12, 31))
HANDOVER_DAYS = 31

GOVERNMENT = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "interior_minister",
              "mfa_spokesperson")
PRESIDENTIAL = GOVERNMENT + ("presidential_spokesperson",)
COVERED: dict[str, tuple[str, ...]] = {
    "POL": PRESIDENTIAL + ("government_spokesperson",),
    "RUS": PRESIDENTIAL,
    "BLR": PRESIDENTIAL,
    "UKR": PRESIDENTIAL,
    "DEU": GOVERNMENT + ("government_spokesperson",),
    "FRA": GOVERNMENT + ("government_spokesperson",),
    "GBR": GOVERNMENT,
    "LTU": GOVERNMENT,
    "LVA": GOVERNMENT,
    "EST": GOVERNMENT,
    "FIN": GOVERNMENT,
    "MDA": GOVERNMENT,
    "ROU": GOVERNMENT,
    "HUN": GOVERNMENT,
    "SVK": GOVERNMENT,
    "CZE": GOVERNMENT,
    "NOR": GOVERNMENT,
    "SWE": GOVERNMENT,
    "DNK": GOVERNMENT,
    # MFA spokespeople of the three are not tracked: no term dates could be confirmed.
    "ARM": GOVERNMENT[:-1],
    "AZE": GOVERNMENT[:-1],
    "GEO": GOVERNMENT[:-1],
    # Serbia and Kosovo (XKX): foreign-ministry spokespeople are not tracked.
    "SRB": GOVERNMENT[:-1],
    "XKX": GOVERNMENT[:-1],
    # Turkey: the foreign-ministry spokesperson is not tracked; the Director of Communications of the
    # Presidency speaks for the president besides (and, since June 2023, instead of) a spokesperson.
    "TUR": GOVERNMENT[:-1] + ("presidential_spokesperson", "communications_director"),
    # No head of government; the Secretary of the Interior is not an interior minister in our sense.
    "USA": ("head_of_state", "foreign_minister", "defence_minister", "mfa_spokesperson", "presidential_spokesperson"),
    # The Netherlands: the foreign-ministry spokesperson is not tracked.
    "NLD": GOVERNMENT[:-1],
    # The Holy See: the pope and the Secretary for Relations with States (its foreign minister).
    "VAT": ("head_of_state", "foreign_minister"),
    "EUR": ("commission_president", "council_president", "high_representative", "eeas_spokesperson"),
    "NATO": ("nato_secretary_general",),
    "UN": ("un_secretary_general",),
}
# States the registry names (for mentions) but whose offices it does not track yet.
NOT_COVERED = {"AFG", "BIH", "CHN", "IRQ", "ITA", "SYR"}

# Stretches without a confirmed holder (inclusive). "vacant" marks an office that had none.
KNOWN_GAPS: dict[tuple[str, str], list[tuple[str, str]]] = {
    # No acting Armenian foreign minister is confirmed between Ayvazyan's dismissal and Grigoryan's
    # deputy term; Armenia had no interior ministry before January 2023.
    ("ARM", "foreign_minister"): [("2021-06-01", "2021-07-13")],
    ("ARM", "interior_minister"): [("2014-01-01", "2023-01-08")],
    # Usubov's term (from 1994) has no confirmed first day.
    ("AZE", "interior_minister"): [("2014-01-01", "2019-06-19")],
    # Kosovo: Hoxhaj's second term as foreign minister (after Thaci became president, 7 Apr 2016, until the
    # Haradinaj government, 9 Sep 2017) has no confirmed first day; Speaker Haxhiu's acting presidency after
    # Osmani's term ended (4 Apr 2026) has no confirmed first day, and no president elected since was found.
    ("XKX", "foreign_minister"): [("2016-04-08", "2017-09-08")],
    ("XKX", "head_of_state"): [("2026-04-05", "2026-12-31")],
    # Turkey: vacant. The prime minister's office was abolished on 9 Jul 2018 (the president heads the
    # government); the post of presidential spokesperson was created for Kalin on 11 Dec 2014 and left
    # unfilled after he became intelligence chief (5 Jun 2023); the Directorate of Communications was
    # founded in July 2018.
    ("TUR", "head_of_government"): [("2018-07-10", "2026-12-31")],
    ("TUR", "presidential_spokesperson"): [("2014-01-01", "2014-12-10"), ("2023-06-06", "2026-12-31")],
    ("TUR", "communications_director"): [("2014-01-01", "2018-07-24")],
    # Wojciechowski's last day (after 8 Jul 2015) and his successors to 2020 are not confirmed,
    # Szatyńska-Luft's half-year in 2020 has no confirmed days, the post was vacant from September
    # 2020 to Jasina (June 2021); nobody confirmed from Jasina's dismissal (13 Oct 2023) to Wroński.
    ("POL", "mfa_spokesperson"): [("2015-07-09", "2021-05-31"), ("2023-10-14", "2023-12-12")],
    # Duda's first spokespeople (Aug-Nov 2015), Spychalski's successor (Oct 2021 - Aug 2025)
    # and Komorowski's are not confirmed.
    ("POL", "presidential_spokesperson"): [("2014-01-01", "2015-11-30"), ("2021-10-02", "2025-08-06")],
    # 2019: Müller was named in June 2019 but his first day is not confirmed;
    # 2023-11-28 .. 2025-06-19: vacant (the third Tusk government had no spokesman until Szłapka).
    ("POL", "government_spokesperson"): [("2019-06-05", "2019-08-22"), ("2023-11-28", "2025-06-19")],
    # Mironchik's first day is not confirmed (first seen 6 Nov 2014); Varankov is confirmed only to
    # November 2025.
    ("BLR", "mfa_spokesperson"): [("2014-01-01", "2014-11-05"), ("2025-11-02", "2026-12-31")],
    # Perebyinis's first day is not confirmed; nobody confirmed between Nikolenko and Tykhyi (Mar-Jul 2024).
    ("UKR", "mfa_spokesperson"): [("2014-01-01", "2015-06-30"), ("2024-03-09", "2024-07-14")],
    # Nobody confirmed from Chepak's dismissal to Tsegolko (Jan-Jun 2014); Nykyforov confirmed only to
    # 28 Sep 2024.
    ("UKR", "presidential_spokesperson"): [("2014-01-26", "2014-06-09"), ("2024-09-29", "2026-12-31")],
    # Schäfer's successors under Gabriel and Maas and Burger (Baerbock's spokesman to 2023) have no
    # confirmed days; Deschauer is confirmed only to 22 Oct 2025.
    ("DEU", "mfa_spokesperson"): [("2017-09-30", "2023-11-02"), ("2025-10-23", "2026-12-31")],
    # Legendre's predecessors (Nadal, von der Mühll) are seen on single days only; Lemoine's and
    # Confavreux's first and last days are not confirmed.
    ("FRA", "mfa_spokesperson"): [("2014-01-01", "2021-08-31"), ("2023-12-02", "2024-01-24"),
                                  ("2025-04-18", "2025-09-21"), ("2026-01-31", "2026-12-31")],
    # The FCDO has no single named spokesperson: statements come from "an FCDO spokesperson".
    ("GBR", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    # The Baltic and Finnish ministries answer through press offices whose heads are named only now and
    # then (Lemmik EST 2021, Jansons LVA 2016, Dobrowolski FIN); no term of a single spokesperson is
    # confirmed.
    ("LTU", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("LVA", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    # Karis's five-year term ended in Oct 2026; the 2026 election's outcome was not found.
    ("EST", "head_of_state"): [("2026-10-12", "2026-12-31")],
    ("EST", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("FIN", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    # 2019: Nauert's last day not confirmed; 2025: no Spokesperson confirmed after Bruce left for the
    # UN post (Principal Deputy Spokesperson Pigott briefed through November 2025).
    ("USA", "mfa_spokesperson"): [("2019-02-17", "2019-04-02"), ("2025-08-10", "2026-12-31")],
    ("EUR", "eeas_spokesperson"): [("2014-01-01", "2019-11-30")],
    # Moldova: Marinuța resigned 27 Feb 2014, Troenco sworn 5 Apr 2014; Șalaru dismissed by Dodon's decree
    # 27 Dec 2016 and the post left unfilled (acting deputies unconfirmed) until Sturza, 24 Oct 2017;
    # Recean's interior term ended 10 Dec 2014 and nobody is confirmed until Balan in the Gaburici
    # government (18 Feb 2015).
    ("MDA", "defence_minister"): [("2014-02-28", "2014-04-04"), ("2016-12-28", "2017-10-23")],
    ("MDA", "interior_minister"): [("2014-12-11", "2015-02-17")],
    # Romania: Fifor's interim after Moga (Sep - Nov 2019) has no confirmed last day before Vela.
    ("ROU", "interior_minister"): [("2019-09-02", "2019-11-03")],
    # Hungary: the Magyar government's foreign, defence and interior ministers (from May 2026) were not
    # confirmed.
    ("HUN", "foreign_minister"): [("2026-05-02", "2026-12-31")],
    ("HUN", "defence_minister"): [("2026-05-02", "2026-12-31")],
    ("HUN", "interior_minister"): [("2026-05-02", "2026-12-31")],
    # No foreign-ministry spokesperson's term is confirmed for these (names seen without dates).
    ("MDA", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("ROU", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("HUN", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("SVK", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("CZE", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("NOR", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("SWE", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
    ("DNK", "mfa_spokesperson"): [("2014-01-01", "2026-12-31")],
}


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return get_registry()


def _terms(reg: ActorRegistry) -> dict[tuple[str | None, str], list[tuple[date | None, date | None, str]]]:
    out: dict[tuple[str | None, str], list[tuple[date | None, date | None, str]]] = defaultdict(list)
    for actor_id, key, role in reg.keyed_roles():
        out[(role.country, key)].append((role.start, role.end, actor_id))
    return out


def _uncovered(terms: list[tuple[date | None, date | None, str]]) -> list[tuple[date, date]]:
    """Stretches of WINDOW longer than HANDOVER_DAYS in which nobody held the office."""
    spans = sorted(((s or date.min), (e or date.max)) for s, e, _ in terms)
    out: list[tuple[date, date]] = []
    cursor = WINDOW[0]
    for start, end in spans:
        if start > cursor and (start - cursor).days > HANDOVER_DAYS and cursor <= WINDOW[1]:
            out.append((cursor, min(start - timedelta(days=1), WINDOW[1])))
        if end == date.max:
            cursor = date.max
            break
        cursor = max(cursor, end + timedelta(days=1))
    if cursor <= WINDOW[1] and (WINDOW[1] - cursor).days > HANDOVER_DAYS:
        out.append((cursor, WINDOW[1]))
    return out


def test_every_keyed_role_has_a_start(reg: ActorRegistry) -> None:
    missing = [(a.id, r.title) for a in reg.all() for r in a.roles if r.start is None]
    assert missing == []


def test_no_two_terms_of_one_office_overlap(reg: ActorRegistry) -> None:
    """Successive holders may share the handover day, no more (an office several people hold at once,
    data/offices.yaml `shared`, has overlapping terms by nature)."""
    clashes = []
    for (country, key), terms in _terms(reg).items():
        if key in shared_offices():
            continue
        ordered = sorted(terms, key=lambda t: t[0] or date.min)
        for (s1, e1, a1), (s2, _e2, a2) in zip(ordered, ordered[1:]):
            if e1 is None or (s2 is not None and e1 > s2):
                clashes.append((country, key, a1, str(s1), str(e1), a2, str(s2)))
    assert clashes == []


def test_every_state_is_covered_or_listed(reg: ActorRegistry) -> None:
    states = {a.country for a in reg.all() if a.type == "state"}
    assert states - set(COVERED) - NOT_COVERED == set()


@pytest.mark.parametrize("country", sorted(COVERED))
def test_offices_have_a_holder_every_day_or_a_known_gap(reg: ActorRegistry, country: str) -> None:
    terms = _terms(reg)
    for key in COVERED[country]:
        found = [(str(a), str(b)) for a, b in _uncovered(terms.get((country, key), []))]
        assert found == KNOWN_GAPS.get((country, key), []), (country, key)


def test_known_gaps_name_covered_offices() -> None:
    assert {k for k in KNOWN_GAPS if k[1] not in COVERED.get(k[0], ())} == set()


# --------------------------------------------------------------------------- titles on a date (invented sentences)


@pytest.mark.parametrize(
    "sentence,lang,on,name",
    [
        ("Szef MSWiA zapowiedział w środę wzmocnienie patroli.", "pl", date(2016, 5, 4), "Mariusz Błaszczak"),
        ("Szef MSWiA zapowiedział w środę wzmocnienie patroli.", "pl", date(2019, 7, 3), "Elżbieta Witek"),
        ("Szef polskiej dyplomacji rozmawiał z ambasadorem.", "pl", date(2015, 2, 10), "Grzegorz Schetyna"),
        ("Szef polskiej dyplomacji rozmawiał z ambasadorem.", "pl", date(2016, 2, 10), "Witold Waszczykowski"),
        ("– To nie do przyjęcia – mówił rzecznik polskiego rządu.", "pl", date(2021, 11, 10), "Piotr Müller"),
        ("The German government spokesman said Berlin was ready.", "en", date(2019, 3, 4), "Steffen Seibert"),
        ("Официальный представитель правительства Германии заявил об этом.", "ru", date(2023, 3, 4),
         "Steffen Hebestreit"),
        ("Rzecznik niemieckiego rządu odmówił komentarza.", "pl", date(2025, 6, 2), "Stefan Kornelius"),
        ("The Ukrainian foreign ministry spokesman rejected the claim.", "en", date(2022, 5, 1),
         "Oleg Nikolenko"),
        ("The French government spokeswoman said the talks would resume.", "en", date(2019, 6, 1),
         "Sibeth Ndiaye"),
        ("Пресс-секретарь президента Украины опроверг это.", "ru", date(2016, 5, 1), "Sviatoslav Tsegolko"),
        ("The Belarusian leader said the border was calm.", "en", date(2021, 11, 8), "Alexander Lukashenko"),
        ("The Pentagon chief told reporters the drills would go ahead.", "en", date(2018, 3, 1), "Jim Mattis"),
        ("The Ukrainian prime minister met investors on Tuesday.", "en", date(2017, 6, 6), "Volodymyr Groysman"),
        ("The White House press secretary declined to comment.", "en", date(2019, 9, 2), "Stephanie Grisham"),
        ("Глава белорусского МВД заявил о новых мерах.", "ru", date(2019, 7, 1), "Yury Karaev"),
        ("Министр обороны Белоруссии провёл совещание.", "ru", date(2016, 4, 12), "Andrei Ravkov"),
        ("Глава МИД Украины прибыл в Брюссель.", "ru", date(2015, 3, 2), "Pavlo Klimkin"),
        ("Премьер-министр России подписал постановление.", "ru", date(2018, 10, 1), "Dmitry Medvedev"),
        ("Официальный представитель МИД России прокомментировал заявление.", "ru", date(2014, 9, 1),
         "Alexander Lukashevich"),
        ("Председатель Еврокомиссии выступил в Страсбурге.", "ru", date(2016, 9, 14), "Jean-Claude Juncker"),
        ("Официальный представитель Минобороны России сообщил об учениях.", "ru", date(2022, 3, 1), "Igor Konashenkov"),
        ("The Home Secretary said the plan would go ahead.", "en", date(2023, 1, 10), "Suella Braverman"),
        ("The Home Secretary said the plan would go ahead.", "en", date(2022, 10, 21), "Grant Shapps"),
        ("The British leader said the vote would go ahead.", "en", date(2017, 3, 1), "Theresa May"),
        ("The German leader arrived in Paris.", "en", date(2016, 5, 2), "Angela Merkel"),
        ("The Home Secretary said the checks would stay.", "en", date(2017, 1, 10), "Amber Rudd"),
        ("The French interior minister visited Calais.", "en", date(2019, 1, 10), "Christophe Castaner"),
        ("Министр обороны Германии посетила Литву.", "ru", date(2017, 2, 7), "Ursula von der Leyen"),
        ("Premier Francji zapowiedział reformę.", "pl", date(2023, 3, 1), "Élisabeth Borne"),
        ("Minister obrony Litwy odwiedził Rukłę.", "pl", date(2018, 5, 3), "Raimundas Karoblis"),
        ("Министр иностранных дел Латвии встретился с коллегами.", "ru", date(2023, 8, 1), "Krišjānis Kariņš"),
        ("The Latvian interior minister resigned.", "en", date(2022, 5, 16), "Marija Golubeva"),
        ("Rzecznik polskiego MSZ zapowiedział odpowiedź na notę.", "pl", date(2014, 6, 2), "Marcin Wojciechowski"),
        ("Официальный представитель МИД Белоруссии прокомментировал заявление.", "ru", date(2016, 3, 1),
         "Dmitry Mironchik"),
        ("The Belarusian foreign ministry spokesman rejected the note.", "en", date(2018, 9, 3), "Anatoly Glaz"),
        ("Rzecznik białoruskiego MSZ zaprzeczył tym doniesieniom.", "pl", date(2025, 8, 4), "Ruslan Varankov"),
        ("Пресс-секретарь президента Украины опроверг это.", "ru", date(2024, 2, 1), "Serhii Nykyforov"),
        ("The German foreign ministry spokesman said Berlin was concerned.", "en", date(2015, 3, 2),
         "Martin Schäfer"),
        ("Rzecznik niemieckiego MSZ odmówił komentarza.", "pl", date(2024, 7, 31), "Sebastian Fischer"),
        ("Официальный представитель МИД Франции заявил об этом.", "ru", date(2022, 5, 10), "Anne-Claire Legendre"),
        ("The French foreign ministry spokesman condemned the strike.", "en", date(2025, 12, 2),
         "Pascal Confavreux"),
        ("Rzecznik francuskiego MSZ skomentował decyzję.", "pl", date(2024, 6, 3), "Christophe Lemoine"),
    ],
)
def test_title_resolves_to_the_holder_on_the_day(reg: ActorRegistry, sentence: str, lang: str, on: date,
                                                 name: str) -> None:
    titles = [m for m in reg.find_mentions(sentence, lang, on) if m.kind == "title" and m.actor_id]
    assert titles, sentence
    actor = reg.by_id(titles[0].actor_id)  # type: ignore[arg-type]
    assert actor is not None and actor.name == name


def test_polish_title_without_a_country_needs_the_callers_country(reg: ActorRegistry) -> None:
    """"rzecznik rządu" alone could be any government's; the caller's country decides."""
    assert reg.resolve("rzecznik rządu", "pl", date(2021, 11, 10), country="POL").name == "Piotr Müller"  # type: ignore[union-attr]


def test_month_precision_start_is_read_as_the_first(reg: ActorRegistry) -> None:
    actor = reg.by_id("igor-shunevich")
    assert actor is not None and actor.roles[0].start == date(2012, 5, 1)


def test_bare_surname_shared_by_two_people_stays_unresolved(reg: ActorRegistry) -> None:
    mentions = reg.find_mentions("Sanders said the vote would be close.", "en", date(2018, 1, 1))
    assert [m.actor_id for m in mentions if m.text == "Sanders"] == [None] or not [m for m in mentions if m.text == "Sanders"]


# --------------------------------------------------------------------------- bare surnames (invented sentences)


def _resolved(reg: ActorRegistry, text: str, lang: str, on: date) -> dict[str, str | None]:
    return {m.text: m.actor_id for m in reg.find_mentions(text, lang, on) if m.kind == "name"}


@pytest.mark.parametrize(
    "text,lang,on,surface,actor_id",
    [
        ("Mrs May told MPs the deal was done.", "en", date(2018, 11, 20), "May", "theresa-may"),
        ("Prime Minister May flew to Brussels.", "en", date(2019, 3, 20), "May", "theresa-may"),
        ("Home Secretary May said the checks would stay.", "en", date(2014, 3, 3), "May", "theresa-may"),
        ("Theresa May said the deal was done.", "en", date(2018, 11, 20), "Theresa May", "theresa-may"),
        ("Foreign Secretary Hague met his counterpart.", "en", date(2014, 3, 3), "Hague", "william-hague"),
        ("Miller said the troops would come home.", "en", date(2020, 12, 1), "Miller", "christopher-miller"),
        ("Miller told reporters the department had no comment.", "en", date(2024, 2, 1), "Miller",
         "matthew-miller"),
    ],
)
def test_bare_surname_with_a_cue_or_in_office_resolves(reg: ActorRegistry, text: str, lang: str, on: date,
                                                       surface: str, actor_id: str) -> None:
    assert _resolved(reg, text, lang, on).get(surface) == actor_id


@pytest.mark.parametrize(
    "text,on",
    [
        ("In May the ministry published new figures.", date(2017, 6, 1)),
        ("May brought a fresh wave of arrests.", date(2018, 6, 1)),
        ("The court in The Hague ruled on Tuesday.", date(2014, 3, 3)),
        ("Veterans of World War II gathered in London.", date(2015, 5, 8)),
        ("Miller said the season was over.", date(2018, 1, 1)),
        ("Kaunas hosted the summit of Baltic mayors.", date(2025, 12, 1)),
        ("Fischer said the talks would resume.", date(2024, 3, 1)),
    ],
)
def test_bare_common_word_or_out_of_office_surname_names_nobody(reg: ActorRegistry, text: str, on: date) -> None:
    assert not [m for m in reg.find_mentions(text, "en", on) if m.kind == "name" and m.actor_id]


def test_russian_common_word_surname_needs_a_cue(reg: ActorRegistry) -> None:
    """"Тихий" is also "quiet": only the full name or a title next to it names the MFA spokesman."""
    on = date(2025, 3, 1)
    assert not [m for m in reg.find_mentions("Тихий вечер в Киеве.", "ru", on) if m.kind == "name" and m.actor_id]
    assert _resolved(reg, "Георгий Тихий заявил об этом.", "ru", on).get("Георгий Тихий") == "heorhii-tykhyi"


def test_common_polish_surname_needs_a_cue(reg: ActorRegistry) -> None:
    """"Wojciechowski" is too common a surname to be the MFA spokesman on its own; a title before it is."""
    on = date(2014, 6, 2)
    assert not [m for m in reg.find_mentions("Wojciechowski zapowiedział dopłaty dla rolników.", "pl", on)
                if m.kind == "name" and m.actor_id]
    assert _resolved(reg, "Marcin Wojciechowski zaprzeczył.", "pl", on).get("Marcin Wojciechowski") == \
        "marcin-wojciechowski"
