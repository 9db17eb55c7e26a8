"""Stance, view and intention attributions read off the parse (extract/attribution/attitude.py).

The sentences are our own; each checks one shape the finder must read, or one it must leave alone."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def statements(pipe: Pipeline, text: str) -> list:
    return pipe(Doc(Document(text=text, language="en", published=date(2021, 11, 10)))).statements


def by_cue(pipe: Pipeline, text: str) -> dict[str, object]:
    return {s.cue: s for s in statements(pipe, text)}


def test_object_content_and_its_phrases(pipe: Pipeline) -> None:
    text = "Senator Mara Quill criticized the governor for closing the crossing without warning."
    st = by_cue(pipe, text)["criticized"]
    assert st.content.startswith("the governor for closing")
    assert "Quill" in st.speaker
    assert text[st.speaker_span[0]:st.speaker_span[1]].endswith("Mara Quill")


def test_stance_verb_outside_the_reporting_lexicon(pipe: Pipeline) -> None:
    st = by_cue(pipe, "Senator Mara Quill ridiculed the plan to build a second fence along the river.")["ridiculed"]
    assert st.content.startswith("the plan to build") and "Quill" in st.speaker
    assert st.extra["notes"] == ["attitude"]


def test_named_actor_alone_is_a_content(pipe: Pipeline) -> None:
    st = by_cue(pipe, "Mayor Leon Ostrow has endorsed Vance.")["endorsed"]
    assert st.content == "Vance"


@pytest.mark.parametrize("text, cue, starts", [
    # a thing voices a view
    ("The advertisement ridiculed the minister over the delays at the crossing.", "ridiculed", "the minister"),
    # a stance noun held by its possessor
    ("Governor Ruth Kell's plan to reopen two crossings by spring met resistance.", "plan", "to reopen two crossings"),
])
def test_cue_and_content(pipe: Pipeline, text: str, cue: str, starts: str) -> None:
    assert any(s.cue == cue and s.content.startswith(starts) for s in statements(pipe, text))


def test_expressed_concern_that(pipe: Pipeline) -> None:
    sts = statements(pipe, "Aid groups have expressed concern that the new rules could strand families at the border.")
    assert any("strand families" in s.content for s in sts)


def test_participle_clause_takes_the_main_subject(pipe: Pipeline) -> None:
    text = "Helena Varga spoke in Vilnius on Monday, urging her colleagues to keep the sanctions in place."
    st = by_cue(pipe, text)["urging"]
    assert "Varga" in st.speaker and "keep the sanctions in place" in st.content


def test_passive_with_agent(pipe: Pipeline) -> None:
    sts = statements(pipe, "The border plan has been backed by three regional governors.")
    st = next(s for s in sts if s.cue == "backed")
    assert "border plan" in st.content and "governors" in (st.speaker or "")


def test_object_control(pipe: Pipeline) -> None:
    text = "The committee forced Director Paul Anker to admit that the fence had never been inspected."
    st = by_cue(pipe, text)["admit"]
    assert "Anker" in st.speaker and "never been inspected" in st.content


def test_a_state_wanting_something_is_the_author_reading_it(pipe: Pipeline) -> None:
    # an analyst's sentence about a state's aims: no statement by the state
    assert statements(pipe, "Russia wants the crisis to weaken the European Union's unity.") == []
    assert statements(pipe, "Moscow is repeating the notion that the West caused the migration.") == []


def test_negated_and_modal_views_are_not_statements(pipe: Pipeline) -> None:
    assert statements(pipe, "Karl Endres did not criticize the decision to close the border crossing.") == []
    assert statements(pipe, "Karl Endres would never endorse a plan to close the border crossing.") == []


def test_actions_are_not_views(pipe: Pipeline) -> None:
    assert statements(pipe, "The campaign raised more than two million dollars in September.") == []
    assert statements(pipe, "Anna Lind met the delegation and visited the camp near the border.") == []


def test_nested_view_inside_a_statement_is_one_statement(pipe: Pipeline) -> None:
    sts = statements(pipe, "Olga Brenner said she plans to visit the border camp next week.")
    assert [s.cue for s in sts] == ["said"]


def test_coordinated_stance_verb_stays_with_the_first_cue(pipe: Pipeline) -> None:
    text = "On Tuesday Ivo Marek called on the EU to share the costs, and suggested a fund for the border states."
    sts = statements(pipe, text)
    assert [s.cue for s in sts] == ["called on"]
    assert "suggested a fund" in sts[0].content


def test_name_with_apposition_between_quote_and_cue(pipe: Pipeline) -> None:
    text = '"The numbers do not add up," Leonard Brandt, director of the Border Studies Centre, said.'
    sts = statements(pipe, text)
    assert len(sts) == 1
    assert sts[0].content == "The numbers do not add up"
    assert "Brandt" in sts[0].speaker


def test_a_name_like_may_is_no_modal(pipe: Pipeline) -> None:
    sts = statements(pipe, "Prime Minister Theresa May said this week that talks would resume in March.")
    assert len(sts) == 1 and "talks would resume" in sts[0].content


def test_party_tag_stays_with_the_speaker(pipe: Pipeline) -> None:
    text = '"We will not fund that wall," Sen. Dana Kirsch (D-Ore.) said.'
    st = statements(pipe, text)[0]
    assert st.content == "We will not fund that wall" and st.speaker == "Dana Kirsch"


def test_item_labels_are_no_headline_speakers(pipe: Pipeline) -> None:
    text = "Correction: An earlier version of this article gave the wrong date for the border closure."
    assert statements(pipe, text) == []


def test_demonstrative_that_holds_no_view(pipe: Pipeline) -> None:
    assert statements(pipe, "If you have read this far, that means the report was useful to you.") == []


def test_knowing_someone_is_no_view(pipe: Pipeline) -> None:
    assert statements(pipe, "Olga Brenner had known the smuggler personally for around twenty years.") == []
    sts = statements(pipe, "Olga Brenner knows that the smugglers will try the northern route again.")
    assert len(sts) == 1 and "northern route" in sts[0].content
