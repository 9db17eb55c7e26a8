"""Events and PLOVER coding: CAMEO map, scale, triggers in en/ru/pl, verbal acts, seed calls."""
from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from linewatch.extract.attribution.base import zero_copula
from linewatch.extract.events import TriggerMatch, _modifier_clause, verbal_act
from linewatch.extract.plover import SCALE, TYPES, base_type, cameo_to_plover, cameo_to_plover_mode, scale
from linewatch.extract.plover_model import load_model, save_model
from linewatch.extract.plover_train import fit
from linewatch.model import Document, Statement
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline

EVENT_STAGES = ("segment", "parse", "mentions", "dates", "events")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(names=EVENT_STAGES)


def run(pipe: Pipeline, text: str, lang: str = "en", published: date = date(2021, 11, 10)) -> Doc:
    return pipe(Doc(Document(text, language=lang, published=published)))


@pytest.mark.parametrize(
    "code,want",
    [("042", "CONSULT"), ("0411", "CONSULT"), ("1712", "ASSAULT"), ("163", "COERCE"), ("190", "FIGHT"),
     ("193", "FIGHT"), ("192", "COERCE"), ("0871", "RETREAT"), ("081", "CONCEDE"), ("112", "DISAPPROVE"),
     ("092", "INVESTIGATE"), ("1041", "DEMAND"), ("166", "SANCTION"), ("010", None), ("abc", None), (None, None)],
)
def test_cameo_to_plover(code: str | None, want: str | None) -> None:
    assert cameo_to_plover(code) == want


def test_cameo_modes_and_scale() -> None:
    assert cameo_to_plover_mode("041") == ("CONSULT", "phone")
    assert all(-10 <= v <= 10 for v in SCALE.values())
    assert scale("FIGHT") == -10 and scale("AID") > scale("CONSULT") > 0 > scale("THREATEN")
    assert scale("CONSULT", "visit") > scale("CONSULT", "phone")
    assert base_type("ACCUSE") == "DISAPPROVE" and base_type("nonsense") is None
    assert len(TYPES) >= 18


def test_two_calls_on_two_days(pipe: Pipeline) -> None:
    doc = run(pipe, "Lukashenka discussed the border during his telephone conversations with Vladimir Putin on 4 and 9 November.")
    calls = [e for e in doc.events if e.plover == "CONSULT"]
    assert sorted(e.date for e in calls) == [date(2021, 11, 4), date(2021, 11, 9)]
    for e in calls:
        assert {"Vladimir Putin", "Alexander Lukashenko"} <= set(e.participants)
        assert doc.text[e.span[0] : e.span[1]] == e.sentence
        assert e.trigger and doc.text[e.trigger_span[0] : e.trigger_span[1]] == e.trigger


@pytest.mark.parametrize(
    "text,plover,source",
    [
        ("Poland deployed 10,000 troops to the border with Belarus on Monday.", "MOBILIZE", "Poland"),
        ("The European Union imposed new sanctions on Belarus on 15 November.", "SANCTION", "European Union"),
        ("Belarusian border guards detained 40 migrants near Grodno.", "COERCE", "State Border Committee of Belarus"),
        ("Lithuania expelled two Belarusian diplomats.", "SANCTION", "Lithuania"),
        ("Greece threatened to stop gas supplies if the border stays closed.", "THREATEN", "Greece"),
        ("Portugal will send humanitarian aid to the migrants.", "AGREE", "Portugal"),  # a state the registry does not track: what a tracked one promises is its statement
        ("Sergei Lavrov met Vladimir Makei in Moscow.", "CONSULT", "Sergei Lavrov"),
        ("Migrants threw stones at Polish soldiers on Tuesday.", "ASSAULT", "Migrants"),
    ],
)
def test_event_types_and_sources(pipe: Pipeline, text: str, plover: str, source: str) -> None:
    doc = run(pipe, text)
    assert doc.events, text
    top = max(doc.events, key=lambda e: e.confidence)
    assert top.plover == plover and top.source == source, (top.plover, top.source)
    assert -10 <= top.scale <= 10


@pytest.mark.parametrize(
    "text",
    [
        "If the West recognises the regime, Moscow may lose.",
        "Support for Lukashenka.",
        "It has maintained some distance from these moves in order to refute the accusations.",
        "Will Poland close the border?",
    ],
)
def test_no_event_from_analysis_or_hypotheticals(pipe: Pipeline, text: str) -> None:
    assert run(pipe, text).events == []


@pytest.mark.parametrize(
    "text",
    [
        "The provident fund will pay pensions to retired miners.",  # a stem takes inflections only
        "Photo: Reuters / Provided by the Polish Border Guard",  # photo credits report nothing
        "(Reporting by Anna Nowak; Editing by the Polish Border Guard desk)",
        "76% favor providing a tax credit to businesses.",  # a figure is no actor
        "Sanders told co-host Joe Scarborough that he did not know.",  # a co-host is not hosting
        "He went hiking in South America, where he met his wife.",  # nobody named meets
        "Mr. Clarke's reclamation work has been meeting regulatory standards.",  # work is no actor
    ],
)
def test_no_event_from_furniture_or_non_actors(pipe: Pipeline, text: str) -> None:
    assert run(pipe, text).events == []


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Belarus was sanctioned by the European Union on Monday.", "en"),
        ("Sanctions imposed on Belarus by the EU have hit its potash exports.", "en"),
        ("Санкции, введенные Евросоюзом против Белоруссии, ударили по экономике.", "ru"),
        ("Евросоюз ввел санкции против Белоруссии.", "ru"),
    ],
)
def test_passive_agent_is_the_source(pipe: Pipeline, text: str, lang: str) -> None:
    doc = run(pipe, text, lang)
    assert [(e.plover, e.source, e.target) for e in doc.events] == [("SANCTION", "European Union", "Belarus")]


def test_meeting_partner_is_the_name_after_a_title(pipe: Pipeline) -> None:
    doc = run(pipe, "Polish Prime Minister Mateusz Morawiecki met with Estonian Prime Minister Kaja Kallas in Tallinn.")
    assert [(e.plover, e.source, e.target) for e in doc.events] == [("CONSULT", "Mateusz Morawiecki", "Kaja Kallas")]


def test_tracked_actors_words_are_statements_not_events(pipe: Pipeline) -> None:
    doc = run(pipe, "Russia threatened to stop gas supplies if the border stays closed.")
    assert [e.plover for e in doc.events] == []  # the statements stage codes it as THREATEN


def test_russian_and_polish_events(pipe: Pipeline) -> None:
    ru = run(pipe, "Путин провел телефонный разговор с Лукашенко 4 ноября.", "ru")
    assert [(e.plover, e.date) for e in ru.events] == [("CONSULT", date(2021, 11, 4))]
    assert {"Vladimir Putin", "Alexander Lukashenko"} <= set(ru.events[0].participants)
    pl = run(pipe, "Ławrow spotkał się z Makiejem w Moskwie 10 listopada.", "pl")
    assert pl.events and pl.events[0].plover == "CONSULT"
    assert {"Sergei Lavrov", "Vladimir Makei"} <= set(pl.events[0].participants)
    pl2 = run(pipe, "Unia Europejska nałożyła sankcje na Białoruś.", "pl")
    assert [e.plover for e in pl2.events] == ["SANCTION"]


@pytest.mark.parametrize(
    "cue,content,lang,want",
    [
        ("accused", "Poland of violating human rights", "en", "ACCUSE"),
        ("called on", "the EU to take responsibility", "en", "DEMAND"),
        ("said", "the accusations are groundless", "en", "REJECT"),
        ("said", "it will not accept any more refugees", "en", "REJECT"),
        ("said", "Poland is moving heavy weapons to the border", "en", "ACCUSE"),
        ("said", "it had expelled two diplomats", "en", "SANCTION"),
        ("said", "NATO stands in full solidarity with Poland", "en", "SUPPORT"),
        ("заявил", "Польша должна прекратить провокации", "ru", "DEMAND"),
        ("пригрозил", "перекрыть газопровод", "ru", "THREATEN"),
        ("powiedział", "oskarżenia są bezpodstawne", "pl", "REJECT"),
        ("said", "the weather was fine", "en", None),
    ],
)
def test_verbal_acts(cue: str, content: str, lang: str, want: str | None) -> None:
    st = Statement(doc_id="d", content=content, content_span=(0, len(content)), cue=cue, cue_span=(0, 1))
    assert verbal_act(st, content, lang) == want


def test_seed_calls_end_to_end(shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "000_9a14ab1a5f4ec8ed.txt").read_text(encoding="utf-8")
    doc = Pipeline()(Doc(Document(text, language="en", published=date(2021, 11, 10))))
    calls = [e for e in doc.events if e.plover == "CONSULT"]
    assert sorted(str(e.date) for e in calls) == ["2021-11-04", "2021-11-09"]
    for e in calls:
        assert {"Vladimir Putin", "Alexander Lukashenko"} <= set(e.participants)
    assert len(doc.events) <= 4  # the analysis itself is not a list of events


def test_plover_gold_records_sample(shared_dir: Path, pipe: Pipeline) -> None:
    """Type accuracy on the public PLOVER records without statements (events alone)."""
    records = json.loads((shared_dir / "eval" / "plover" / "plover_gsr_visible.json").read_text(encoding="utf-8"))[1:]
    right = 0
    sample = records[::4]
    for rec in sample:
        doc = run(pipe, rec["text"])
        top = max(doc.events, key=lambda e: e.confidence, default=None)
        right += top is not None and top.plover == rec["event"]
    assert right / len(sample) >= 0.45, right


def test_plover_model_round_trip(tmp_path: Path) -> None:
    """The learnt coder's weights are numpy at run time: fit, save, load, predict."""
    feats = [Counter({"w:en:attack": 1.0, "trig:ASSAULT": 1.0}), Counter({"w:en:meet": 1.0, "trig:CONSULT": 1.0})] * 3
    labels = ["ASSAULT", "CONSULT"] * 3
    vocab, clf = fit(feats, labels, 3.0)
    names = sorted(vocab, key=vocab.get)
    path = tmp_path / "m.npz"
    save_model(names, clf.coef_.T if len(clf.classes_) > 2 else np.hstack([-clf.coef_.T, clf.coef_.T]),
               clf.intercept_ if len(clf.classes_) > 2 else np.array([-clf.intercept_[0], clf.intercept_[0]]),
               [str(c) for c in clf.classes_], path)
    model = load_model(str(path))
    assert model is not None
    assert model.predict(Counter({"w:en:meet": 1.0}))[0] == "CONSULT"
    assert model.predict(Counter({"trig:ASSAULT": 1.0}))[0] == "ASSAULT"


def test_shipped_model_codes_events_and_keeps_rule_verbal_acts(pipe: Pipeline) -> None:
    assert load_model() is not None, "data/models/plover_type.npz is shipped"
    doc = run(pipe, "Sergei Lavrov met Vladimir Makei in Moscow on 10 November.")
    assert [e.plover for e in doc.events] == ["CONSULT"]
    st = Statement(doc_id="d", content="Poland of violating human rights", content_span=(0, 5), cue="accused", cue_span=(0, 1))
    assert verbal_act(st, st.content, "en") == "ACCUSE"  # the rules' label, which the coder leaves alone


def test_a_deed_on_nobody_named_is_narration(pipe: Pipeline) -> None:
    assert run(pipe, "Polish troops have clashed several times with the migrants in recent weeks.").events == []
    doc = run(pipe, "Polish troops clashed with Belarusian border guards on Monday.")
    assert [(e.plover, e.target) for e in doc.events] == [("FIGHT", "State Border Committee of Belarus")]


def test_coder_features_hold_no_rule_verdict(pipe: Pipeline) -> None:
    """The rules were written on the coder's training records: their verdict is no feature
    (it would look 75% right in cross-validation and be 54% right on unseen records)."""
    from linewatch.extract.events import rule_view
    from linewatch.extract.plover_model import features

    doc = run(pipe, "The river council agreed to hand over the dam keys, the mayor's office announced.")
    span = (0, len(doc.text))
    f = features(doc, span, "event", rule_view(doc, span))
    assert not [k for k in f if k.startswith(("rule:", "main:", "label:"))]
    # The event verb below the reporting verb, with its complement and particle.
    assert {"ev:en:verb:agree", "ev:en:xcomp:hand", "ev:en:prt:over"} <= set(f)


class _Prefers:
    """A stand-in coder that always prefers one type."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def recode(self, feats: Counter, rule: str | None, margin: float) -> str | None:
        return self.kind


def test_coder_keeps_calls_calls_and_deeds_deeds(pipe: Pipeline) -> None:
    from linewatch.extract.events import code_with_model

    doc = run(pipe, "Sergei Lavrov met Vladimir Makei in Moscow on 10 November.")
    code_with_model(doc, _Prefers("AGREE"))  # type: ignore[arg-type]
    assert [e.plover for e in doc.events] == ["CONSULT"]
    doc = run(pipe, "Polish troops clashed with Belarusian border guards on Monday.")
    code_with_model(doc, _Prefers("DISAPPROVE"))  # type: ignore[arg-type]
    assert [e.plover for e in doc.events] == ["FIGHT"]  # a deed is no verbal act
    code_with_model(doc, _Prefers("CONSULT"))  # type: ignore[arg-type]
    assert [e.plover for e in doc.events] == ["FIGHT"]  # meetings come from their own words only
    code_with_model(doc, _Prefers("ASSAULT"))  # type: ignore[arg-type]
    assert [e.plover for e in doc.events] == ["ASSAULT"]  # one deed for another is the coder's call


@pytest.mark.parametrize(
    "text,lang",
    [
        # A deed named in an adverbial phrase is the background of the sentence, not its news.
        ("Despite the sanctions against Belarus, the European Union keeps buying its potash.", "en"),
        ("Lithuania moved closer to Poland in response to the Russian invasion of Ukraine.", "en"),
        # Military strikes are no labour strike.
        ("Monday's Russian strikes on Kyiv also included a missile hitting a building in Ukraine.", "en"),
        # What someone should do has not happened.
        ("Western countries should provide Ukraine with more air defence.", "en"),
        ("The United Kingdom is preparing to impose sanctions on Belarus.", "en"),
    ],
)
def test_no_event_from_background_strikes_or_what_should_be(pipe: Pipeline, text: str, lang: str) -> None:
    assert [(e.plover, e.trigger) for e in run(pipe, text, lang).events] == []


def test_a_deed_as_the_object_of_the_main_verb_is_news(pipe: Pipeline) -> None:
    doc = run(pipe, "Joe Biden announced a package of sanctions against Russia on Thursday.")
    assert [(e.plover, e.target) for e in doc.events] == [("SANCTION", "Russia")]


READOUT_PIPE = ("segment", "parse", "mentions", "dates", "statements", "events")


@pytest.fixture(scope="module")
def full_pipe() -> Pipeline:
    return Pipeline(names=READOUT_PIPE)


@pytest.mark.parametrize(
    "text,lang,sides",
    [
        # A call or meeting told by one of its sides (or a press service) is a readout: an event.
        ("Andrzej Duda said he had spoken by phone with Joe Biden on Monday.", "en", {"Andrzej Duda", "Joe Biden"}),
        ("The Kremlin said that Vladimir Putin held a phone call with Alexander Lukashenko on Monday.", "en",
         {"Vladimir Putin", "Alexander Lukashenko"}),
        ("«Мы провели переговоры с Александром Лукашенко», — заявил Владимир Путин в понедельник.", "ru",
         {"Vladimir Putin", "Alexander Lukashenko"}),
        ("– Odbyliśmy dziś konsultacje z premierem Mateuszem Morawieckim – poinformował prezydent Andrzej Duda.", "pl",
         {"Andrzej Duda", "Mateusz Morawiecki"}),
    ],
)
def test_call_and_meeting_readouts_in_reported_speech(full_pipe: Pipeline, text: str, lang: str, sides: set[str]) -> None:
    events = [e for e in run(full_pipe, text, lang).events if e.plover == "CONSULT"]
    assert events and sides <= set(events[0].participants) | {events[0].source, events[0].target}


def test_talks_named_as_a_topic_are_no_readout(full_pipe: Pipeline) -> None:
    assert run(full_pipe, "Vladimir Putin said that talks with Ukraine were pointless.").events == []


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Lavrov said he hopes to discuss the crisis with Vladimir Makei at the board meeting due on Friday.",
        '"The information we have received shows that Russia is behind it," Jens Stoltenberg said.',
    ],
)
def test_meetings_hoped_for_or_things_received_are_no_readout(full_pipe: Pipeline, text: str) -> None:
    assert [e.plover for e in run(full_pipe, text).events] == []


def test_a_meeting_offered_and_rejected_is_no_readout(full_pipe: Pipeline) -> None:
    doc = run(full_pipe, "Alexander Lukashenko on Monday rejected a Polish offer to host a summit in Warsaw.")
    assert [e.plover for e in doc.events if e.plover == "CONSULT"] == []


def test_source_is_the_whole_name_its_subject_word_belongs_to(pipe: Pipeline) -> None:
    # The parser may hang a surname off the first name as an apposition: the source is
    # still the person the whole name mention resolves to.
    doc = run(pipe, "Сергей Лавров встретился с Владимиром Макеем в Москве.", "ru")
    assert [(e.plover, e.source) for e in doc.events] == [("CONSULT", "Sergei Lavrov")]


def test_passive_agent_without_a_parse(pipe: Pipeline) -> None:
    # Polish is read without a dependency parse: the agent marker names who acted.
    doc = run(pipe, "Sankcje nałożone na Białoruś przez Unię Europejską uderzyły w eksport nawozów.", "pl")
    assert [(e.plover, e.source, e.target) for e in doc.events] == [("SANCTION", "European Union", "Belarus")]

    doc = run(pipe, "Białoruś została objęta sankcjami przez Unię Europejską w poniedziałek.", "pl")
    assert [(e.plover, e.source, e.target) for e in doc.events] == [("SANCTION", "European Union", "Belarus")]
    # In an active sentence the marker means "through": the actor before the act did it.
    doc = run(pipe, "Unia Europejska nałożyła sankcje na Białoruś przez Litwę.", "pl")
    assert [e.source for e in doc.events] == ["European Union"]


# --------------------------------------------------------------------------- issue 11: events on unseen text


def _sides(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(e.plover, e.source, e.target) for e in doc.events]


def test_two_talks_of_one_actor_on_one_day_are_two_events(pipe: Pipeline) -> None:
    doc = run(pipe, "Alexander Lukashenko spoke by phone with Vladimir Putin on Saturday. "
                    "Earlier, Alexander Lukashenko held talks with Yevgeny Prigozhin.")
    assert {e.target for e in doc.events if e.plover == "CONSULT"} == {"Vladimir Putin", "Yevgeny Prigozhin"}


def test_a_call_told_by_its_reporter_is_one_event(pipe: Pipeline) -> None:
    doc = run(pipe, "Kreml poinformował, że prezydent Władimir Putin zadzwonił do kanclerz Angeli Merkel. "
                    "Kreml poinformował o rozmowie telefonicznej, którą Władimir Putin odbył z Angelą Merkel.", "pl")
    assert len([e for e in doc.events if e.plover == "CONSULT"]) == 1


def test_a_title_before_a_name_gives_way_to_the_name(pipe: Pipeline) -> None:
    doc = run(pipe, "Alexander Lukashenko held talks with the leader of the Wagner Private Military Company "
                    "Yevgeny Prigozhin on Saturday.")
    assert _sides(doc) == [("CONSULT", "Alexander Lukashenko", "Yevgeny Prigozhin")]
    assert "Vladimir Putin" not in doc.events[0].participants


@pytest.mark.parametrize(
    "text,lang,want",
    [
        # the addressee before the act (free word order), the source first in its clause
        ("Против Белоруссии Евросоюз ввел санкции в понедельник.", "ru", ("SANCTION", "European Union", "Belarus")),
        ("Россия направила в Сирию гуманитарную помощь.", "ru", ("AID", "Russia", "Syria")),
        ("Polska przekazała Ukrainie pomoc humanitarną.", "pl", ("AID", "Poland", "Ukraine")),
        ("Sankcje zostały nałożone na Białoruś przez Unię Europejską w poniedziałek.", "pl",
         ("SANCTION", "European Union", "Belarus")),
        ("Sanctions were imposed on Belarus by the European Union on Monday.", "en",
         ("SANCTION", "European Union", "Belarus")),
    ],
)
def test_source_and_target_in_free_word_order_and_passives(pipe: Pipeline, text: str, lang: str,
                                                          want: tuple[str, str, str]) -> None:
    assert _sides(run(pipe, text, lang)) == [want]


def test_a_passive_agent_of_another_clause_is_not_the_source(pipe: Pipeline) -> None:
    doc = run(pipe, "W trybie pilnym wezwany został ambasador Ukrainy, przekazano mu protest wobec słów "
                    "wygłoszonych przez prezydenta Wołodymyra Zełenskiego.", "pl")
    assert all(e.source != "Volodymyr Zelensky" for e in doc.events)


@pytest.mark.parametrize(
    "text,lang,plover",
    [
        ("Yevgeny Prigozhin has deployed 25,000 of his mercenaries.", "en", "MOBILIZE"),
        ("The Wagner mercenaries turned back on Saturday.", "en", "RETREAT"),
        ("Wagner Group fighters began a march on Moscow on Saturday.", "en", "MOBILIZE"),
        ("Najemnicy z Grupy Wagnera podjęli marsz na Moskwę w sobotę.", "pl", "MOBILIZE"),
        ("Rosyjskie wojska wycofały się z Chersonia w piątek.", "pl", "RETREAT"),
        ("Российские войска отошли от Херсона в пятницу.", "ru", "RETREAT"),
        ("W sobotę odbyła się narada z udziałem prezydenta Andrzeja Dudy i premiera Mateusza Morawieckiego.", "pl",
         "CONSULT"),
        ("В субботу Владимир Путин провел совещание с Сергеем Шойгу.", "ru", "CONSULT"),
    ],
)
def test_troop_moves_withdrawals_and_meetings(pipe: Pipeline, text: str, lang: str, plover: str) -> None:
    assert [e.plover for e in run(pipe, text, lang).events] == [plover]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The company is a leading internet provider in Russia.", "en"),
        ("Donald Trump spoke at the Family Leadership Summit in Iowa on Friday.", "en"),
        ("The United States is planning to invade Russia.", "en"),
        ("The rouble slumped after Russia invaded Ukraine in February 2022.", "en"),
        ("Dane zebrano za pomocą satelitów należących do Rosji i Białorusi.", "pl"),
        ("Данные собраны при помощи спутников России и Белоруссии.", "ru"),
        ("Polska podjęła decyzję po tym, jak Rosja zaatakowała Ukrainę.", "pl"),
        ("Ławrow powiedział, że Polska nie prosiła Moskwy, by była pośredniczką w rozmowach z Mińskiem.", "pl"),
        ("Polskie władze przekazały na ręce ambasadora protest przeciwko słowom prezydenta Ukrainy.", "pl"),
    ],
)
def test_no_event_from_names_plans_background_or_means(pipe: Pipeline, text: str, lang: str) -> None:
    assert [e.plover for e in run(pipe, text, lang).events if e.plover != "CONSULT" or "rozmowach" in text] == []


def test_the_coder_leaves_russian_and_polish_events_to_the_rules(pipe: Pipeline) -> None:
    doc = run(pipe, 'Jewgienij Prigożyn i najemnicy z Grupy Wagnera podjęli marsz na Moskwę po tym, jak siły '
                    'rosyjskie miały zaatakować ich pozycje.', "pl")
    assert [e.plover for e in doc.events] == ["MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        "In response, Met Police said that officers cannot ban individuals from Russia.",
        "Christo Grozev is the lead investigator for investigative group Bellingcat in Russia.",
        "The Senate debated a bill to impose new sanctions on Russia.",
        "Former Vice President Mike Pence fired back at Russia on social media on Friday.",
    ],
)
def test_no_event_from_capitalised_names_adjectives_or_proposals(pipe: Pipeline, text: str) -> None:
    assert [e.plover for e in run(pipe, text).events] == []


def test_a_background_clause_does_not_date_the_act(pipe: Pipeline) -> None:
    doc = run(pipe, "Jewgienij Prigożyn i najemnicy z Grupy Wagnera podjęli marsz na Moskwę po tym, jak siły "
                    "rosyjskie miały zaatakować ich pozycje w piątek.", "pl", published=date(2023, 6, 24))
    assert [(e.plover, str(e.date)) for e in doc.events] == [("MOBILIZE", "2023-06-24")]


def test_a_meeting_with_a_group_named_by_office(pipe: Pipeline) -> None:
    doc = run(pipe, "W sobotę wieczorem odbędą się konsultacje szefów resortów obrony z premierem "
                    "Mateuszem Morawieckim.", "pl")
    assert [(e.plover, e.participants) for e in doc.events] == [("CONSULT", ["Mateusz Morawiecki"])]


def test_a_first_person_readout_is_the_speakers_meeting(full_pipe: Pipeline) -> None:
    doc = run(full_pipe, "W związku z sytuacją w Rosji odbyliśmy dziś rano konsultacje z premierem – "
                         "poinformował w sobotę prezydent Andrzej Duda.", "pl")
    assert [(e.plover, e.source) for e in doc.events] == [("CONSULT", "Andrzej Duda")]


@pytest.mark.parametrize(
    "text",
    [
        "Washington's funds for Kyiv may be fully allocated by mid-summer.",
        "Israel must totally withdraw from the Gaza Strip, said the ambassador of South Africa.",
        "India has not yet condemned the Russian invasion of Ukraine.",
        "Another of the world's most recognized pieces of art was the target of activists in Norway.",
        "Russian President Vladimir Putin gave statements on Tuesday about Ukraine.",
        "Rishi Sunak is set to sign a security agreement with Ukraine.",
    ],
)
def test_no_event_from_modals_negations_participles_or_speeches(pipe: Pipeline, text: str) -> None:
    assert [e.plover for e in run(pipe, text).events] == []


def test_a_dateline_is_not_part_of_the_source(pipe: Pipeline) -> None:
    doc = run(pipe, "KHARKIV - Russia pounded over 30 villages in Ukraine after launching a ground offensive on Sunday.")
    assert [(e.plover, e.source) for e in doc.events] == [("FIGHT", "Russia")]


def test_history_the_article_recalls_is_no_event(pipe: Pipeline) -> None:
    doc = run(pipe, "On 5 March 2020, Vladimir Putin met Recep Tayyip Erdogan in Moscow.", published=date(2023, 6, 24))
    assert doc.events == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia's full-scale invasion of Ukraine early last year has triggered one of the deadliest conflicts in Europe.",
        "Ukraine's offensive near Kursk has taught the West a lesson, Russia said.",
        "Oleksandr Zinchenko recalls the first days of the war in Ukraine.",
    ],
)
def test_no_event_from_a_deed_named_as_the_topic(pipe: Pipeline, text: str) -> None:
    assert [e.plover for e in run(pipe, text).events] == []


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Russia and Belarus held joint exercises on Monday.", "en"),
        ("Россия и Белоруссия провели совместные учения в понедельник.", "ru"),
    ],
)
def test_coordinated_subjects_are_the_two_sides(pipe: Pipeline, text: str, lang: str) -> None:
    assert _sides(run(pipe, text, lang)) == [("COOPERATE", "Russia", "Belarus")]


@pytest.mark.parametrize(
    "text,want",
    [
        # the speaker's own side's deed, told by the speaker, is a readout
        ("Poland, Slovakia and Hungary announced their own curbs on Ukrainian grain imports on Friday.",
         ("SANCTION", "Poland", "Ukraine")),
        ("Yevgeny Prigozhin said that his mercenaries are turning their convoys around and going back to their camps.",
         ("RETREAT", "Yevgeny Prigozhin", None)),
    ],
)
def test_own_deeds_told_by_the_speaker_are_events(full_pipe: Pipeline, text: str, want: tuple) -> None:
    assert _sides(run(full_pipe, text)) == [want]


def test_a_claim_about_another_sides_deed_is_no_event(full_pipe: Pipeline) -> None:
    doc = run(full_pipe, "Makei said that Poland is moving military vehicles with heavy weapons to the border with Belarus.")
    assert doc.events == []


def test_a_commanders_troop_moves_are_his_forces(pipe: Pipeline) -> None:
    doc = run(pipe, "Yevgeny Prigozhin has deployed 25,000 of his mercenaries.", published=date(2023, 6, 24))
    assert [(e.plover, e.participants) for e in doc.events] == [("MOBILIZE", ["Yevgeny Prigozhin", "Wagner Group"])]


@pytest.mark.parametrize(
    "text,lang,target",
    [
        ("Polska wprowadziła zakaz wwozu ukraińskiego zboża w piątek.", "pl", "Ukraine"),
        ("Россия ввела запрет на ввоз польских яблок в пятницу.", "ru", "Poland"),
    ],
)
def test_import_bans_hit_the_state_named_by_its_goods(pipe: Pipeline, text: str, lang: str, target: str) -> None:
    assert [(e.plover, e.target) for e in run(pipe, text, lang).events] == [("SANCTION", target)]


@pytest.mark.parametrize(
    "text",
    [
        '"They are shelling the villages, firing on everything they can," Sergiy Kryvetchenko told AFP.',
        "Ilya Sokolov said that he has been receiving numerous inquiries from friends in Ukraine.",
        "Bosnian Serbs demanded a truce with Moslem forces in east Bosnia.",
    ],
)
def test_no_own_deed_from_others_deeds_or_demands(full_pipe: Pipeline, text: str) -> None:
    assert [e for e in run(full_pipe, text).events if e.extra.get("told_by_speaker")] == []


@pytest.mark.parametrize(
    "text,want",
    [
        ("Charles Michel, speaking to reporters on the first day of the Group of 20 meeting in Bali, said the war "
         "has disrupted supply chains.", []),
        ("Zelensky made the accusation at the end of a major diplomatic summit in Switzerland.", []),
        ("In a phone call with Joe Biden on Monday, Andrzej Duda said the border was calm.", ["CONSULT"]),
    ],
)
def test_a_meeting_named_as_an_occasion_needs_its_sides(pipe: Pipeline, text: str, want: list[str]) -> None:
    assert [e.plover for e in run(pipe, text).events] == want


def test_the_words_modifying_a_trigger_are_read_from_its_own_clause_in_its_sentence() -> None:
    # one definition serves the skip of negated/hypothetical deeds and the REJECT/THREATEN/AGREE shift
    text = "The talks went well. Officials said, in the end, they will not impose sanctions."
    start = text.index("impose")
    trig = TriggerMatch(start, start + len("impose"), "impose", "SANCTION", None)
    assert _modifier_clause(text, trig, text.index("Officials")) == "they will not "
    assert _modifier_clause(text, trig, start - 5) == " not "  # never before the sentence


def test_zero_copula_is_read_from_the_cue_lexicon() -> None:
    assert zero_copula("ru") and not zero_copula("en") and not zero_copula("pl")
