"""Component `stance` on hand-built Docs, the `linewatch stance` command, and the seed end to end."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from linewatch.analyze.stance import learnt
from linewatch.analyze.stance.component import apply_stance, stance_rows
from linewatch.analyze.stance.targets import choose_target
from linewatch.model import Document, Statement
from linewatch.nlp.doc import Doc
from linewatch.nlp.segment import segment_text


def _doc(text: str, lang: str = "en") -> Doc:
    doc = Doc(Document(text=text, language=lang, published=date(2021, 11, 10)))
    doc.sentences = segment_text(text, lang)
    return doc


def _statement(doc: Doc, content: str, speaker: str, country: str, cue: str | None = None) -> Statement:
    i = doc.text.index(content)
    sent = doc.sentence_at(i)
    cue_span = None
    if cue:
        c = doc.text.rindex(cue, sent.start, i)
        cue_span = (c, c + len(cue))
    return Statement(doc_id=doc.id, content=content, content_span=(i, i + len(content)), speaker=speaker,
                     speaker_country=country, cue=cue, cue_span=cue_span, sentence_span=(sent.start, sent.end))


def test_target_is_the_other_side_and_capital_means_state() -> None:
    doc = _doc("The minister said that Warsaw was provoking a dangerous escalation on the border with Russia.")
    st = _statement(doc, "Warsaw was provoking a dangerous escalation on the border with Russia", "Sergei Lavrov", "RUS")
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == "Poland"
    assert st.target_span == (doc.text.index("Warsaw"), doc.text.index("Warsaw") + 6)
    assert st.stance == "oppose"
    assert 0.5 < st.stance_confidence <= 1.0
    # Russia, also named, gets its own stance mention and is the speaker's own side: never opposed
    russia = [s for s in doc.stances if s.target == "Russia"]
    assert russia and russia[0].polarity != "oppose" and russia[0].statement_id == st.id


def test_addressee_of_a_demand_is_the_target() -> None:
    doc = _doc("Lavrov called on the EU to take responsibility for resolving the crisis in Belarus.")
    st = _statement(doc, "take responsibility for resolving the crisis in Belarus", "Sergei Lavrov", "RUS",
                    cue="called on")
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == "European Union"
    assert st.stance == "oppose"


def test_own_side_only_is_neutral_and_plover_weighs_in() -> None:
    doc = _doc("Peskov said that Russia was watching the events closely. He said Minsk deserved full support.")
    own = _statement(doc, "Russia was watching the events closely", "Dmitry Peskov", "RUS")
    backing = _statement(doc, "Minsk deserved full support", "Dmitry Peskov", "RUS")
    backing.plover = "SUPPORT"
    doc.statements = [own, backing]
    apply_stance(doc)
    assert own.target == "Russia" and own.stance == "neutral"
    assert backing.target == "Belarus" and backing.stance != "oppose"


def test_rules_alone_weigh_the_verbal_act(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learnt, "load", lambda name: None)  # no shipped weights: the rules decide
    doc = _doc("He said Minsk deserved full support.")
    backing = _statement(doc, "Minsk deserved full support", "Dmitry Peskov", "RUS")
    backing.plover = "SUPPORT"
    doc.statements = [backing]
    apply_stance(doc)
    assert backing.target == "Belarus" and backing.stance == "support"


def test_learnt_stance_never_opposes_the_own_side() -> None:
    doc = _doc("Zakharova said that Russia had been accused of aggression and provocations without any evidence.")
    st = _statement(doc, "Russia had been accused of aggression and provocations without any evidence",
                    "Maria Zakharova", "RUS")
    st.plover = "ACCUSE"
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == "Russia" and st.stance != "oppose"


def test_a_statement_naming_nobody_is_about_the_documents_adversary() -> None:
    doc = _doc("Poland accused Belarus of staging the crisis. Belarus denied it, and Poland insisted. "
               "Lavrov said the decision had not been taken yet.")
    st = _statement(doc, "the decision had not been taken yet", "Sergei Lavrov", "RUS")
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == "Poland"  # named twice, the other side; Belarus is Russia's ally


def test_in_a_dispute_between_allies_the_ally_is_the_topic() -> None:
    doc = _doc("Kyiv filed a complaint against Poland over the grain ban. Ukraine also criticised Warsaw at the UN. "
               "The ministry said that such steps were not appropriate methods of resolving disputes.")
    st = _statement(doc, "such steps were not appropriate methods of resolving disputes",
                    "Ministry of Foreign Affairs of Poland", "POL")
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == "Ukraine"  # named twice; Poland is the speaker's own side


def test_blame_naming_only_the_own_side_is_aimed_at_the_documents_adversary() -> None:
    doc = _doc("Poland accused Belarus of staging the crisis. Belarus denied it, and Poland insisted. "
               "Zakharova said that attempts to blame Moscow for the crisis were groundless. "
               "Peskov said that Russia was watching the events closely.")
    blame = _statement(doc, "attempts to blame Moscow for the crisis were groundless", "Maria Zakharova", "RUS")
    calm = _statement(doc, "Russia was watching the events closely", "Dmitry Peskov", "RUS")
    doc.statements = [blame, calm]
    apply_stance(doc)
    assert blame.target == "Poland" and blame.stance == "oppose"  # the accuser, not Moscow
    assert calm.target == "Russia" and calm.stance == "neutral"  # no blame: the own side stays the topic


def test_blame_naming_only_a_place_is_aimed_at_the_documents_adversary() -> None:
    doc = _doc("Litwa oskarżyła Białoruś o wywołanie kryzysu. Białoruś zaprzeczyła, a Litwa podtrzymała zarzuty. "
               "Premier powiedziała, że to kryzys wywołany w celu destabilizacji sytuacji w Unii Europejskiej. "
               "Prezydent powiedział, że migranci czekają w Polsce.", "pl")
    blame = _statement(doc, "to kryzys wywołany w celu destabilizacji sytuacji w Unii Europejskiej",
                       "Ingrida Šimonytė", "LTU")
    calm = _statement(doc, "migranci czekają w Polsce", "Gitanas Nausėda", "LTU")
    doc.statements = [blame, calm]
    apply_stance(doc)
    assert blame.target == "Belarus"  # the EU is the scene of the act blamed, not whom it blames
    assert calm.target == "Poland"  # no blame: the place stays the topic


def test_a_statement_about_migrants_is_about_the_documents_adversary() -> None:
    doc = _doc("Lithuania accused Belarus of staging the crisis. Belarus denied it, and Lithuania insisted. "
               "She said that more migrants were arriving every day.")
    st = _statement(doc, "more migrants were arriving every day", "Ingrida Simonyte", "LTU")
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == "Belarus"  # who sends them, not the migrants themselves


def test_a_continued_statement_keeps_the_side_of_its_topic() -> None:
    doc = _doc("Lavrov said that Warsaw was provoking a dangerous escalation. He added that nothing had been agreed yet.")
    first = _statement(doc, "Warsaw was provoking a dangerous escalation", "Sergei Lavrov", "RUS")
    second = _statement(doc, "nothing had been agreed yet", "Sergei Lavrov", "RUS")
    doc.statements = [first, second]
    apply_stance(doc)
    target, _ = choose_target(doc, second, first)
    assert target is not None and target.kind == "previous"
    assert target.name == "Poland" and target.country == "POL"  # an adversary, not a side unknown


# (why, text, content, speaker, country, plover, target, stance; "!oppose" = anything but oppose)
SIDE_CASES = [
    ("a denial toward an ally is no opposition",
     "Peskov said that the statements of Lukashenko had not been discussed or agreed with Moscow.",
     "the statements of Lukashenko had not been discussed or agreed with Moscow", "Dmitry Peskov", "RUS", "REJECT",
     "Alexander Lukashenko", "neutral"),
    ("a protest opposes even an ally",
     "The ministry said it had conveyed a strong protest against the statements of Volodymyr Zelensky.",
     "it had conveyed a strong protest against the statements of Volodymyr Zelensky",
     "Ministry of Foreign Affairs of Poland", "POL", "REJECT", "Volodymyr Zelensky", "oppose"),
    ("a compatriot rival can be opposed",
     "Prigozhin said that the Russian army had betrayed his fighters and shelled their camps.",
     "the Russian army had betrayed his fighters and shelled their camps", "Yevgeny Prigozhin", "RUS", "ACCUSE",
     "Russian Armed Forces", "oppose"),
    ("the own state is not opposed",
     "Zakharova said that Russia had been betrayed and accused without any evidence.",
     "Russia had been betrayed and accused without any evidence", "Maria Zakharova", "RUS", None, "Russia", "!oppose"),
    ("clearing the own side of an ally's act neither backs nor opposes the ally",
     "Peskov said that Moscow had nothing to do with the decision of Lukashenko to cut the gas.",
     "Moscow had nothing to do with the decision of Lukashenko to cut the gas", "Dmitry Peskov", "RUS", "REJECT",
     "Alexander Lukashenko", "neutral"),
    ("clearing the ally itself backs it",
     "Peskov said that Lukashenko had nothing to do with the incidents at the crossing.",
     "Lukashenko had nothing to do with the incidents at the crossing", "Dmitry Peskov", "RUS", None,
     "Alexander Lukashenko", "support"),
]


@pytest.mark.parametrize("case", SIDE_CASES, ids=[c[0] for c in SIDE_CASES])
def test_sides_bound_the_stance(case: tuple) -> None:
    _, text, content, speaker, country, plover, target, stance = case
    doc = _doc(text)
    st = _statement(doc, content, speaker, country)
    st.plover = plover
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == target
    assert st.stance != "oppose" if stance == "!oppose" else st.stance == stance


def test_polish_and_russian_statements() -> None:
    doc = _doc("Minister powiedział, że Mińsk prowadzi atak hybrydowy na polską granicę.", "pl")
    st = _statement(doc, "Mińsk prowadzi atak hybrydowy na polską granicę", "Mariusz Błaszczak", "POL")
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == "Belarus" and st.stance == "oppose"
    doc = _doc("Захарова заявила, что Варшава нарушает права человека.", "ru")
    st = _statement(doc, "Варшава нарушает права человека", "Maria Zakharova", "RUS")
    doc.statements = [st]
    apply_stance(doc)
    assert st.target == "Poland" and st.stance == "oppose"


def test_author_stance_rows_follow_the_contract() -> None:
    doc = _doc("Poland condemned the brutal attack by Belarus on its border guards.")
    apply_stance(doc)
    rows = stance_rows(doc, "x.txt")
    assert rows, "a strongly worded sentence yields an author/subject stance"
    for row in rows:
        assert row["kind"] == "stance" and row["stance"] in ("support", "oppose", "neutral")
        s, e = row["target_span"]
        assert 0 <= s < e <= len(doc.text)


def test_hostile_sizes_are_bounded() -> None:
    text = ("Warsaw provokes. " * 3000).strip()
    doc = _doc(text)
    doc.statements = [_statement(doc, "Warsaw provokes", "Sergei Lavrov", "RUS")]
    apply_stance(doc)  # must finish quickly and not fail
    assert doc.statements[0].stance == "oppose"


def _cli(args: list[str]):
    from linewatch.cli.main import app

    return CliRunner().invoke(app, args)


def test_cli_stance_target_given_and_errors(tmp_path: Path) -> None:
    items = [
        {"id": "a", "text": "Critics accused Smith of lying to voters.", "target": "Smith", "target_span": [15, 20]},
        {"id": "b", "text": "The mayor praised Jones for her courage.", "target": "Jones", "target_span": None},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    result = _cli(["stance", str(path), "--json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["doc"] for r in rows] == ["a", "b"]
    assert rows[0]["stance"] == "oppose" and rows[1]["target_span"] == [18, 23]
    assert all(r["kind"] == "stance" and 0 <= r["confidence"] <= 1 for r in rows)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "short", "target": "s", "target_span": [3, 99]}\n', encoding="utf-8")
    result = _cli(["stance", str(bad), "--json"])
    assert result.exit_code != 0
    assert "target_span" in str(result.exception or result.output)


@pytest.mark.slow
def test_seed_stance_end_to_end(shared_dir: Path) -> None:
    """The full pipeline on the seed: stance right on at least 9 of its 11 statements."""
    from linewatch.nlp.pipeline import Pipeline

    text = (shared_dir / "seed" / "000_9a14ab1a5f4ec8ed.txt").read_text(encoding="utf-8")
    gold = yaml.safe_load((shared_dir / "seed" / "000_9a14ab1a5f4ec8ed.gold.yaml").read_text(encoding="utf-8"))
    doc = Pipeline()(Doc(Document(text=text, language="en", published=date(2021, 11, 10))))
    right = 0
    for g in gold["statements"]:
        match = next((s for s in doc.statements if g["content_contains"] in s.content), None)
        right += bool(match and match.stance == g["stance"])
    assert right >= 9, f"stance right on {right}/11"
