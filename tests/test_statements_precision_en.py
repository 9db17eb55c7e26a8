"""English statement precision on unseen news (issue 11), invented sentences: a thing that is no
source does not voice a view, a later "he"/"she"/"they" agrees with what it refers back to, and a
demonym before "experts" names people, not their state."""
from __future__ import annotations

from datetime import date

import pytest

from linewatch.model import Document
from linewatch.nlp.doc import Doc
from linewatch.nlp.pipeline import Pipeline


def statements(pipe: Pipeline, text: str) -> list:
    return pipe(Doc(Document(text=text, language="en", published=date(2021, 11, 10)))).statements


# --------------------------------------------------------------------------- things voice no view


@pytest.mark.parametrize("text, cue", [
    ("A new rail corridor linking the two ports opened on Monday.", "linking"),
    ("Dramatic footage shows a convoy crossing the river near the old bridge.", "shows"),
    ("The findings highlight a notable gap between the two regions.", "highlight"),
])
def test_a_thing_voices_no_view(pipe: Pipeline, text: str, cue: str) -> None:
    assert not [s for s in statements(pipe, text) if s.cue == cue]


@pytest.mark.parametrize("text, cue", [
    # documents and bodies still do ("the ad attacks…"), and so do people by their trade
    ("The advertisement ridiculed the minister over the delays at the crossing.", "ridiculed"),
    ("The city of Harwick is demanding that the campaign stop using pictures of its harbour.", "demanding"),
    ("The senator's doctor called the candidate fit to serve.", "called"),
])
def test_documents_bodies_and_people_still_voice_views(pipe: Pipeline, text: str, cue: str) -> None:
    assert [s for s in statements(pipe, text) if s.cue == cue]


# --------------------------------------------------------------------------- pronouns agree with what they stand for


def test_she_is_not_the_press_release(pipe: Pipeline) -> None:
    text = ("Regional Minister Dora Kelwick has said that water must be saved. According to a press release "
            "issued here on Thursday, she said that every family should plant a tree.\n\n"
            "She said that the campaign has started across the province.")
    sts = statements(pipe, text)
    said = [s for s in sts if s.speaker_mention and s.speaker_mention.lower() == "she"]
    assert said and all(s.speaker == "Dora Kelwick" for s in said)


def test_he_is_not_the_country_named_in_his_words(pipe: Pipeline) -> None:
    text = ("Prime Minister Arlen Voss said the country will learn from its neighbours. He added that "
            "Valdoria wants to benefit from their experience.\n\n"
            "\"Valdoria and its neighbours share deep ties,\" he said.")
    st = next(s for s in statements(pipe, text) if s.content.startswith("Valdoria and its"))
    assert st.speaker == "Arlen Voss"


def test_they_is_not_one_person(pipe: Pipeline) -> None:
    text = ("Ambassador Tomas Reljic said the talks would resume in May. The two sides can also work together "
            "on energy, and they can jointly promote new technologies to cut emissions, he noted.")
    assert not [s for s in statements(pipe, text) if s.speaker == "Tomas Reljic" and s.cue == "promote"]


# --------------------------------------------------------------------------- demonyms


def test_demonym_experts_are_not_the_state(pipe: Pipeline) -> None:
    st = statements(pipe, "Chinese experts said on Sunday that trade is the cornerstone of the relationship.")[0]
    assert st.speaker == "Chinese experts" and st.speaker_id is None


def test_demonym_officials_speak_for_the_state(pipe: Pipeline) -> None:
    st = statements(pipe, "German officials said on Sunday that the army is not ready for a long war.")[0]
    assert st.speaker_id == "germany"


# --------------------------------------------------------------------------- a relative "that" opens no content


def test_relative_that_is_no_complementiser(pipe: Pipeline) -> None:
    text = "In a speech in London, Mr. Harlan Dacre said the \"peace dividend\" that followed the end of the Cold War was over."
    st = next(s for s in statements(pipe, text) if s.cue == "said")
    assert st.content.startswith("the \"peace dividend\" that followed") and st.content.endswith("was over")


def test_relative_that_after_an_object(pipe: Pipeline) -> None:
    text = "Even Ethan Lorne, vice president at the Cattle Association, has criticized the research grant that funded the project."
    st = next(s for s in statements(pipe, text) if s.cue == "criticized")
    assert st.content == "the research grant that funded the project"


def test_complementiser_that_still_opens_content(pipe: Pipeline) -> None:
    st = statements(pipe, "Minister Vera Holt said that the border would stay closed until spring.")[0]
    assert st.content == "that the border would stay closed until spring"


# --------------------------------------------------------------------------- headline labels


def test_headline_label_naming_a_thing_is_no_speaker(pipe: Pipeline) -> None:
    text = ("Russia-Ukraine war map: Where are Russian troops positioned around Ukraine?\n\n"
            "Russian troops have moved closer to the capital, officials in Kyiv said on Monday.\n")
    assert not [s for s in statements(pipe, text) if s.kind == "headline"]


def test_headline_label_with_a_title_names_the_speaker(pipe: Pipeline) -> None:
    text = ("Kremlin spokesman Peskov: \"The West is playing with fire.\"\n\n"
            "The Kremlin warned on Monday that new sanctions would harm talks.\n")
    assert [s.speaker for s in statements(pipe, text) if s.kind == "headline"] == ["Dmitry Peskov"]


# --------------------------------------------------------------------------- a speaker's name without the occasion


@pytest.mark.parametrize("text, speaker", [
    ("Lorcan Pike in his report alleged that the pipelines were damaged by divers.", "Lorcan Pike"),
    ("Analyst Lorcan Pike in over 5,000 words claimed that the divers came by night.", "Lorcan Pike"),
    ("The Head of the committee said the vote would go ahead.", "The Head of the committee"),
])
def test_speaker_name_without_its_occasion(pipe: Pipeline, text: str, speaker: str) -> None:
    assert [s.speaker for s in statements(pipe, text)] == [speaker]
